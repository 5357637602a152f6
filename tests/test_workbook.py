"""The open data's Excel workbook (export/workbook.py) against XlsxWriter, which wrote it
before: the same tables written by both and read back by openpyxl give the same cells,
value for value and type for type, whatever the texts hold (XML's special characters,
control characters, Excel's own `_xHHHH_` escapes, edge spaces, texts past Excel's limit)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcity.export.columns import Field
from smartcity.export.workbook import CELL_TEXT_LIMIT, Workbook, column_name

FIELDS = (Field("region_code", "string", ""), Field("programs", "integer", ""), Field("share", "number", ""),
          Field("done", "boolean", ""), Field("updated", "date", ""), Field("note", "string", ""))
EDGE_TEXTS = ["a & b < c > d \"e\" 'f'", "  leading", "trailing  ", "\tTab", "line\nbreak\r\n",
              "control \x01\x07\x1f end", "Excel's escape _x0041_ kept", "_x005F_", "emoji 🏙️ kota",
              "x" * (CELL_TEXT_LIMIT + 10), "🏙" * (CELL_TEXT_LIMIT // 2 + 3), "\ufffe\uffff", "11.10", "=1+1",
              "https://contoh.invalid/"]


def _xlsxwriter_book(path: Path, tables: dict[str, list[tuple[Any, ...]]]) -> None:
    """The workbook as XlsxWriter wrote it (the project's writer until it was replaced)."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                           "strings_to_formulas": False, "strings_to_urls": False})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    bold = book.add_format({"bold": True})
    for name, rows in tables.items():
        sheet = book.add_worksheet(name)
        for column, field in enumerate(FIELDS):
            sheet.write_string(0, column, field.name, bold)
        sheet.freeze_panes(1, 0)
        for line, row in enumerate(rows, start=1):
            for column, (field, value) in enumerate(zip(FIELDS, row, strict=True)):
                if value is None or value == "":
                    continue
                if field.type in ("integer", "number"):
                    sheet.write_number(line, column, value)
                elif field.type == "boolean":
                    sheet.write_boolean(line, column, bool(value))
                elif field.type == "date":
                    sheet.write_datetime(line, column, dt.datetime.fromisoformat(str(value)), date)
                else:
                    sheet.write_string(line, column, str(value))
    book.close()


def _project_book(path: Path, tables: dict[str, list[tuple[Any, ...]]]) -> None:
    book = Workbook(path, dt.date(2025, 12, 31))
    for name, rows in tables.items():
        write = book.add_table(name, FIELDS)
        for row in rows:
            write(row)
    book.close()


def _cells(path: Path) -> dict[str, list[list[tuple[type, Any]]]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return {name: [[(type(v), v) for v in row] for row in book[name].iter_rows(values_only=True)]
            for name in book.sheetnames}


def _same_cells(tmp_path: Path, tables: dict[str, list[tuple[Any, ...]]]) -> None:
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
    _project_book(ours, tables)
    _xlsxwriter_book(theirs, tables)
    assert _cells(ours) == _cells(theirs)


def test_edge_texts_numbers_dates_and_booleans_read_back_as_xlsxwriter_wrote_them(tmp_path: Path) -> None:
    rows = [(text, n, share, done, day, text[::-1])
            for text, n, share, done, day in zip(EDGE_TEXTS, [0, 1, -3, 10**12, 2**53, None, 7] * 3,
                                                  [0.0, 0.1, 12.5, 1e-7, 1e20, 97.123456789012345, None] * 3,
                                                  [True, False, None] * 5,
                                                  ["2024-02-29", dt.date(1900, 3, 1), "2017-01-01", None] * 4, strict=False)]
    rows += [("", None, None, None, None, ""), ("after", 1, 1.0, False, "2020-01-01", "")]   # an empty row keeps its line
    _same_cells(tmp_path, {"wilayah": rows, "program": rows[:3], "kosong": []})
    book = openpyxl.load_workbook(tmp_path / "ours.xlsx")
    assert book.sheetnames == ["wilayah", "program", "kosong"]
    assert book["wilayah"].freeze_panes == "A2" and book["wilayah"]["A1"].font.b
    assert book["wilayah"]["E2"].number_format == "yyyy-mm-dd"
    assert book["wilayah"]["A11"].value == "x" * CELL_TEXT_LIMIT   # cut at Excel's limit
    # what openpyxl reads either way but Excel would not: edge spaces kept, control characters escaped
    with zipfile.ZipFile(tmp_path / "ours.xlsx") as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<t xml:space="preserve">  leading</t>' in sheet and '<t xml:space="preserve">trailing  </t>' in sheet
    assert "<t>control _x0001__x0007__x001F_ end</t>" in sheet and "_x005F_x0041_" in sheet


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(st.characters(blacklist_categories=["Cs"]), max_size=40), min_size=1, max_size=12))
def test_any_text_reads_back_as_xlsxwriter_wrote_it(tmp_path: Path, texts: list[str]) -> None:
    _same_cells(tmp_path, {"teks": [(t, 1, 0.5, True, "2020-01-02", t) for t in texts]})


def test_the_workbook_is_byte_stable_and_dated_by_the_data(tmp_path: Path) -> None:
    tables = {"wilayah": [("11.10", 3, 0.5, True, "2024-01-02", "catatan")]}
    _project_book(tmp_path / "a.xlsx", tables)
    _project_book(tmp_path / "b.xlsx", tables)
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2025, 12, 31)}
        assert "2025-12-31T00:00:00Z" in archive.read("docProps/core.xml").decode()
        assert archive.testzip() is None


def test_column_names() -> None:
    assert [column_name(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
