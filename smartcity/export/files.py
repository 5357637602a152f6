"""The open-data files: JSON per region, all regions in one zipped JSON document,
the CSV tables, and a Frictionless Data Package describing them, written at build time.

Every file is a function of the validated regions only (no timestamps, fixed
ordering), so that two builds of the same data write the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from smartcity.export.json_schema import SCHEMA_FILE, region_data_schema
from smartcity.export.tables import CSV_ENCODING, DATA_DIR, Table, iter_tables
from smartcity.export.workbook import WORKBOOK_NAME, Workbook
from smartcity.figures.aggregate import RegionFigures
from smartcity.figures.national import RegionRank
from smartcity.model import Region
from smartcity.reference import Reference
from smartcity.text import CONTROL_IN_TEXT, is_suspect_text, looks_like_formula


@cache
def _field_names(cls: Any) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    """A model value as JSON data: dates as ISO text, integral numbers as integers."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    kind: Any = type(value)  # a dataclass of the model
    return {name: _plain(getattr(value, name)) for name in _field_names(kind)}


def region_record(region: Region) -> dict[str, Any]:
    """The validated region, normalised: the contract's field names and layout,
    every field present (null or empty when the file leaves it out)."""
    plain = _plain(region)
    record = {key: plain[key] for key in ("id", "code", "name", "type", "province", "province_code", "cohort",
                                          "status", "stage", "stage_date", "period", "sample", "updated", "summary",
                                          "vision", "missions", "organization", "rpjmd")}
    record["analysis"] = {"profile": plain["profile"], "swot": plain["swot"]}
    for key in ("readiness", "roadmap"):
        record[key] = plain[key]
    record["pillars"] = {pillar.pop("key"): pillar for pillar in plain["pillars"]}
    record["evaluations"] = plain["evaluations"]
    record["risks"] = plain["risks"]
    record["feedback"] = plain["feedback"]
    record["sources"] = plain["sources"]
    return record


def json_text(data: Any) -> str:
    """Compact JSON text (non-ASCII kept as is)."""
    # Compact: json's C encoder is used only without indentation (5x faster at 514 regions).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def json_bytes(data: Any) -> bytes:
    """Compact JSON as UTF-8 bytes, with a final newline."""
    return (json_text(data) + "\n").encode("utf-8")


class UnsafeCell(ValueError):
    """A text the validator should have refused would reach a CSV cell as a
    formula or with control characters: the export stops rather than write it."""


def _cell(value: Any) -> str:
    if isinstance(value, str):
        # defence in depth: the validator refuses these texts; a CSV is never written with one
        # (is_suspect_text is true of every such text, and cheap: most cells stop there)
        if is_suspect_text(value) and (looks_like_formula(value) or CONTROL_IN_TEXT.search(value)):
            raise UnsafeCell(f"teks {value[:40]!r} tidak aman untuk lembar kerja (rumus atau karakter kendali)")
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _write_csv(table: Table, handle: TextIO, also: Callable[[tuple[Any, ...]], None] | None = None) -> None:
    """The CSV of a table; each row is also handed to `also` (the workbook's sheet)."""
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow([f.name for f in table.fields])
    for row in table.rows:
        writer.writerow([_cell(v) for v in row])
        if also is not None:
            also(row)


def csv_bytes(table: Table) -> bytes:
    """The table as CSV: UTF-8 with a byte-order mark, CRLF, comma-separated."""
    buffer = io.StringIO()
    _write_csv(table, buffer)
    return buffer.getvalue().encode(CSV_ENCODING)


# The project's choice for the masterplan data it publishes; the official region list
# (codes, names, provinces) keeps its own licence, ODbL 1.0, named as a source.
DATA_LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                "path": "https://creativecommons.org/licenses/by/4.0/"}
REGION_LIST_SOURCE = {"title": "idn-area-data (Kepmendagri 2025), Open Database License (ODbL) 1.0",
                      "path": "https://github.com/fityannugroho/idn-area-data"}


def _file_resource(name: str, path: str, title: str, description: str, fmt: str, mediatype: str,
                   **extra: Any) -> dict[str, Any]:
    return {"name": name, "path": path, "profile": "data-resource", "title": title, "description": description,
            "format": fmt, "mediatype": mediatype, "licenses": [DATA_LICENCE], **extra}


def datapackage(table_list: tuple[Table, ...], region_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """The Frictionless data package describing every download: the CSV tables (tabular,
    with their schemas), the workbook, the JSON of each region, and the JSON Schema of the
    region JSON; each with its licence."""
    files = [
        _file_resource("masterplan-xlsx", WORKBOOK_NAME, "Buku kerja Excel",
                       "Semua tabel dalam satu buku kerja Excel, satu lembar per tabel; kode wilayah sebagai teks.",
                       "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type="file"),
        _file_resource("region-data-schema", SCHEMA_FILE, "Skema JSON data wilayah",
                       "JSON Schema (2020-12) berkas JSON setiap wilayah.", "json", "application/schema+json",
                       type="file"),   # a file to read, not a table: frictionless would take it for one
        *(_file_resource(f"wilayah-{Path(path).stem}", path.removeprefix(f"{DATA_DIR}/"), f"Wilayah {Path(path).stem}",
                         "Satu wilayah sebagai JSON.", "json", "application/json") for path in region_files),
    ]
    return {
        "profile": "data-package",
        "name": "masterplan-smart-city-indonesia",
        "title": "Masterplan Smart City Indonesia",
        "description": "Program, quick win, indikator sasaran dan evaluasi dari masterplan smart city kabupaten "
                       "dan kota yang diterbitkan di situs ini.",
        "licenses": [DATA_LICENCE],
        "sources": [REGION_LIST_SOURCE],
        "resources": [
            {"name": t.name, "path": t.path.removeprefix(f"{DATA_DIR}/"), "profile": "tabular-data-resource",
             "title": t.title, "description": t.description, "format": "csv", "mediatype": "text/csv",
             "encoding": CSV_ENCODING, "licenses": [DATA_LICENCE],
             "schema": {"fields": [{"name": f.name, "type": f.type, "description": f.description}
                                   for f in t.fields],
                        "missingValues": [""],
                        "primaryKey": list(t.primary_key),
                        **({"foreignKeys": t.foreign_keys} if t.foreign_keys else {})}}
            for t in table_list] + files,
    }


@dataclass(frozen=True)
class Written:
    """A file written into the site: its site path and size."""
    path: str          # site path, e.g. data/program.csv
    size: int          # bytes


def write_downloads(regions: tuple[Region, ...], reference: Reference, figures: dict[str, RegionFigures],
                    folder: Path, ranks: dict[str, dict[str, RegionRank]] | None = None, base_url: str = "",
                    ) -> tuple[tuple[Table, ...], tuple[Written, ...]]:
    """Write every open-data file under `folder` (site paths), in a fixed order.

    Regions are encoded one at a time and streamed to disk: at 514 regions the
    files hold ~130 MB that need not sit in the build's memory."""
    def write(path: str, content: bytes) -> Written:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        return Written(path, len(content))

    (folder / DATA_DIR).mkdir(parents=True, exist_ok=True)
    per_region: list[Written] = []
    # every JSON file names its schema: at the published address, else relative to the file
    region_schema = f"{base_url}{DATA_DIR}/{SCHEMA_FILE}" if base_url else f"../{SCHEMA_FILE}"
    # One JSON file per region, and no bundle of all of them: a zip of the same text was a
    # second copy of 11 MB at 514 regions. datapackage.json lists every file for bulk readers.
    for region in sorted(regions, key=lambda r: r.code):
        text = json_text({"$schema": region_schema, **region_record(region)}).encode("utf-8")
        per_region.append(write(f"{DATA_DIR}/regions/{region.id}.json", text + b"\n"))
    written: list[Written] = []
    # One table at a time, streamed to its file; only the description is kept (the rows of
    # program.csv alone are ~100 MB of Python objects at 514 regions).
    # The workbook is written in the same pass, sheet by sheet; it is dated by the data.
    table_list = []
    book_path = f"{DATA_DIR}/{WORKBOOK_NAME}"
    dated = [r.updated for r in regions if r.updated is not None]
    book = Workbook(folder / book_path, max(dated, default=dt.date(2017, 1, 1)))
    for table in iter_tables(regions, reference, figures, ranks):
        target = folder / table.path
        with target.open("w", encoding=CSV_ENCODING, newline="") as handle:
            _write_csv(table, handle, book.add_table(table.name, table.fields))
        written.append(Written(table.path, target.stat().st_size))
        table_list.append(replace(table, rows=()))
    book.close()
    written.append(Written(book_path, (folder / book_path).stat().st_size))
    written.append(write(f"{DATA_DIR}/{SCHEMA_FILE}", (json.dumps(region_data_schema(), ensure_ascii=False, indent=1)
                                                       + "\n").encode("utf-8")))
    written.append(write(f"{DATA_DIR}/datapackage.json", json_bytes(datapackage(
        tuple(table_list), tuple(w.path for w in sorted(per_region, key=lambda w: w.path))))))
    written += sorted(per_region, key=lambda w: w.path)
    return tuple(table_list), tuple(written)
