"""Open data: the validated regions as JSON, CSV tables and a Frictionless data package."""

from smartcity.export.files import (
                                    DATA_LICENCE,
                                    UnsafeCell,
                                    Written,
                                    csv_bytes,
                                    datapackage,
                                    json_bytes,
                                    json_text,
                                    region_record,
                                    write_downloads,
)
from smartcity.export.tables import CSV_ENCODING, DATA_DIR, Field, Table, iter_tables, tables

__all__ = ["CSV_ENCODING", "DATA_DIR", "DATA_LICENCE", "Field", "Table", "UnsafeCell", "Written", "csv_bytes",
           "datapackage", "iter_tables", "json_bytes", "json_text", "region_record", "tables", "write_downloads"]
