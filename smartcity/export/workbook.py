"""The open data as one Excel workbook (`data/masterplan.xlsx`), for the officials who open
everything in Excel: a CSV opened there turns region code 11.10 into 11.1. One sheet per
table, the header row frozen, codes and other texts as text cells, numbers as numbers,
dates as dates, booleans as booleans; byte-identical between builds (its dates are the
data's, its zip entries dated by them too).

Written here rather than with XlsxWriter, which wrote the same parts: at 514 regions the
workbook has ~1.5 million cells, and XlsxWriter's per-cell path took ~8 s of the build's
longest process (~5.5 µs a cell; this writer 2.6 s, ~1.7 µs). The format written is the small,
stable subset every spreadsheet reads: inline strings (no shared-string table to hold in
memory), one number format for dates, one bold font for the header row, a frozen pane.
Texts are escaped as Excel and XlsxWriter escape them (XML's three, control characters as
`_xHHHH_`, a literal `_xHHHH_` kept literal) and cut at Excel's 32,767 characters.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from smartcity.export.columns import Field

WORKBOOK_NAME = "masterplan.xlsx"
# Excel allows 31 characters in a sheet name; the tables' names are shorter
SHEET_NAME_LIMIT = 31
# Excel's limit for one cell's text (UTF-16 code units)
CELL_TEXT_LIMIT = 32767
EXCEL_EPOCH = dt.date(1899, 12, 30)   # day 0 of Excel's date serials (after its 1900 leap-year quirk)
STYLE_HEADER, STYLE_DATE = 1, 2       # cellXfs indexes in STYLES

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

STYLES = (
    f'{_XML}<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '</numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
    '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')

# what Excel cannot hold in a text cell as itself: a literal escape (kept literal by escaping
# its underscore) or a control character (written as its escape)
_NEEDS_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)|[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def _excel_escape(found: re.Match[str]) -> str:
    return f"_x005F{found.group(1)}" if found.group(1) else f"_x{ord(found.group()):04X}_"


def column_name(index: int) -> str:
    """Excel's name of a 0-based column: 0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell_text(value: str) -> str:
    """A text as the XML of an inline-string cell's content (see module)."""
    if len(value) > CELL_TEXT_LIMIT // 2 and len(value.encode("utf-16-le")) // 2 > CELL_TEXT_LIMIT:
        value = value.encode("utf-16-le")[:CELL_TEXT_LIMIT * 2].decode("utf-16-le", "ignore")
    value = _NEEDS_ESCAPE.sub(_excel_escape, value)
    text = escape(value)
    if value[:1].isspace() or value[-1:].isspace():
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


def _number(value: Any) -> str:
    # as XlsxWriter wrote them: 16 significant digits (Excel keeps 15), no trailing ".0"
    return f"{value:.16G}"


class Workbook:
    """A workbook being written, one sheet after another (see module)."""

    def __init__(self, path: Path, created: dt.date) -> None:
        # `created` dates the file and its zip entries: the data's date, not the build's
        self._created = created
        self._stamp = (max(created.year, 1980), created.month, created.day, 0, 0, 0)
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        self._sheets: list[str] = []
        self._rows: IO[bytes] | None = None   # the open sheet's rows, until the sheet is finished
        self._last_column = "A"
        self._line = 0      # the open sheet's last row written
        self._filled = 0    # … and the last with a value

    def _entry(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, self._stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    def add_table(self, name: str, fields: tuple[Field, ...]) -> Callable[[tuple[Any, ...]], None]:
        """Start the sheet of one table; returns a function that writes one row to it."""
        self._finish_sheet()
        self._sheets.append(name[:SHEET_NAME_LIMIT])
        columns = [column_name(i) for i in range(len(fields))]
        header = "".join(f'<c r="{c}1" s="{STYLE_HEADER}" t="inlineStr"><is>{cell_text(f.name)}</is></c>'
                         for c, f in zip(columns, fields, strict=True))
        self._rows = tempfile.TemporaryFile("w+b")
        self._rows.write(f'<row r="1">{header}</row>'.encode())
        self._line = self._filled = 1
        self._last_column = columns[-1] if columns else "A"
        kinds = tuple(zip(columns, (f.type for f in fields), strict=True))
        rows = self._rows

        def write(row: tuple[Any, ...]) -> None:
            self._line += 1
            line = str(self._line)
            cells = []
            for (column, kind), value in zip(kinds, row, strict=True):
                if value is None or value == "":
                    continue
                if kind in ("integer", "number"):
                    cells.append(f'<c r="{column}{line}"><v>{_number(value)}</v></c>')
                elif kind == "boolean":
                    cells.append(f'<c r="{column}{line}" t="b"><v>{1 if value else 0}</v></c>')
                elif kind == "date":
                    day = dt.date.fromisoformat(str(value)[:10])
                    cells.append(f'<c r="{column}{line}" s="{STYLE_DATE}"><v>{(day - EXCEL_EPOCH).days}</v></c>')
                else:   # texts, codes included, stay text: never a number, a formula or a link
                    cells.append(f'<c r="{column}{line}" t="inlineStr"><is>{cell_text(str(value))}</is></c>')
            if cells:   # a row with no value is no element (nor part of the sheet's extent)
                rows.write(f'<row r="{line}">{"".join(cells)}</row>'.encode())
                self._filled = self._line
        return write

    def _finish_sheet(self) -> None:
        if self._rows is None:
            return
        rows, self._rows = self._rows, None
        number = len(self._sheets)
        dimension = f"A1:{self._last_column}{self._filled}"
        selected = ' tabSelected="1"' if number == 1 else ""
        with rows, self._zip.open(self._entry(f"xl/worksheets/sheet{number}.xml"), "w") as out:
            out.write((f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><dimension ref="{dimension}"/>'
                       f'<sheetViews><sheetView{selected} workbookViewId="0">'
                       '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                       '<selection pane="bottomLeft"/></sheetView></sheetViews>'
                       '<sheetFormatPr defaultRowHeight="15"/><sheetData>').encode())
            rows.seek(0)
            shutil.copyfileobj(rows, out, 1 << 20)
            out.write(b'</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
                      b'footer="0.3"/></worksheet>')

    def close(self) -> None:
        """Finish the file: the last sheet, then the parts that list the sheets."""
        try:
            self._finish_sheet()
            self._write_package()
        finally:
            self._zip.close()

    def _write_package(self) -> None:
        sheets = self._sheets
        numbers = range(1, len(sheets) + 1)
        created = f"{self._created.isoformat()}T00:00:00Z"
        parts = {
            "[Content_Types].xml": (
                f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/docProps/app.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                '<Override PartName="/docProps/core.xml" '
                'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                '<Override PartName="/xl/styles.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                '<Override PartName="/xl/workbook.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                + "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
                          for n in numbers) + "</Types>"),
            "_rels/.rels": (
                f'{_XML}<Relationships xmlns="{_PACKAGE_RELS}">'
                f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>'
                f'<Relationship Id="rId2" Type="{_PACKAGE_RELS}/metadata/core-properties" '
                'Target="docProps/core.xml"/>'
                f'<Relationship Id="rId3" Type="{_RELS}/extended-properties" Target="docProps/app.xml"/>'
                "</Relationships>"),
            "docProps/app.xml": (
                f'{_XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                "<Application>Masterplan Smart City Indonesia</Application><HeadingPairs>"
                '<vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>'
                f"<vt:variant><vt:i4>{len(sheets)}</vt:i4></vt:variant></vt:vector></HeadingPairs>"
                f'<TitlesOfParts><vt:vector size="{len(sheets)}" baseType="lpstr">'
                + "".join(f"<vt:lpstr>{escape(s)}</vt:lpstr>" for s in sheets)
                + "</vt:vector></TitlesOfParts></Properties>"),
            "docProps/core.xml": (
                f'{_XML}<cp:coreProperties '
                'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                "<dc:title>Masterplan Smart City Indonesia</dc:title>"
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
                "</cp:coreProperties>"),
            "xl/workbook.xml": (
                f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><bookViews><workbookView/></bookViews><sheets>'
                + "".join(f'<sheet name="{escape(s, {chr(34): "&quot;"})}" sheetId="{n}" r:id="rId{n}"/>'
                          for n, s in zip(numbers, sheets, strict=True))
                + "</sheets></workbook>"),
            "xl/_rels/workbook.xml.rels": (
                f'{_XML}<Relationships xmlns="{_PACKAGE_RELS}">'
                + "".join(f'<Relationship Id="rId{n}" Type="{_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                          for n in numbers)
                + f'<Relationship Id="rId{len(sheets) + 1}" Type="{_RELS}/styles" Target="styles.xml"/>'
                "</Relationships>"),
            "xl/styles.xml": STYLES,
        }
        for name, text in parts.items():
            self._zip.writestr(self._entry(name), text.encode("utf-8"))


__all__ = ["WORKBOOK_NAME", "Workbook", "cell_text", "column_name"]
