"""The open data as one Excel workbook (`data/masterplan.xlsx`), for the officials who open
everything in Excel: a CSV opened there turns region code 11.10 into 11.1. One sheet per
table, the header row frozen, codes and other texts as text cells, numbers as numbers,
dates as dates, booleans as booleans. Written with XlsxWriter, row by row as the CSVs are
(constant memory), and byte-identical between builds: its dates are the data's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import xlsxwriter

from smartcity.export.columns import Field

WORKBOOK_NAME = "masterplan.xlsx"
# Excel allows 31 characters in a sheet name; the tables' names are shorter
SHEET_NAME_LIMIT = 31


class Workbook:
    """A workbook being written, one sheet after another (see module)."""

    def __init__(self, path: Path, created: dt.date) -> None:
        # `created` dates the file and its zip entries: the data's date, not the build's
        self._book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                                     "strings_to_formulas": False, "strings_to_urls": False})
        self._book.set_properties({"title": "Masterplan Smart City Indonesia", "created":
                                   dt.datetime.combine(created, dt.time())})
        self._header = self._book.add_format({"bold": True})
        self._date = self._book.add_format({"num_format": "yyyy-mm-dd"})

    def add_table(self, name: str, fields: tuple[Field, ...]) -> Any:
        """Start the sheet of one table; returns a function that writes one row to it."""
        sheet = self._book.add_worksheet(name[:SHEET_NAME_LIMIT])
        for column, field in enumerate(fields):
            sheet.write_string(0, column, field.name, self._header)
        sheet.freeze_panes(1, 0)
        kinds = [field.type for field in fields]
        line = 0

        def write(row: tuple[Any, ...]) -> None:
            nonlocal line
            line += 1
            for column, (kind, value) in enumerate(zip(kinds, row, strict=True)):
                if value is None or value == "":
                    continue
                if kind in ("integer", "number"):
                    sheet.write_number(line, column, value)
                elif kind == "boolean":
                    sheet.write_boolean(line, column, bool(value))
                elif kind == "date":
                    sheet.write_datetime(line, column, dt.datetime.fromisoformat(str(value)), self._date)
                else:   # texts, codes included, stay text: never a number, a formula or a link
                    sheet.write_string(line, column, str(value))
        return write

    def close(self) -> None:
        """Finish the file."""
        self._book.close()
