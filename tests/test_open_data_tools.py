"""Open data that tools read right (issue 27): the Excel workbook keeps codes as text and
numbers as numbers, is byte-stable and reads in LibreOffice Calc as the CSV tables do; every JSON download validates against the JSON
Schema it names; every download is a resource of the data package, with its licence; and
/data/ gives the recipes that keep codes as text."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from conftest import build_site
from pages import text_of


def tables_of(site: Path) -> list[dict]:
    """The data package's tables (its CSV resources), in the workbook's order of sheets."""
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    return [r for r in package["resources"] if r["profile"] == "tabular-data-resource"]


def test_the_workbook_keeps_codes_as_text_and_numbers_as_numbers(sample_site: Path) -> None:
    book = openpyxl.load_workbook(sample_site / "data" / "masterplan.xlsx", read_only=True)
    tables = tables_of(sample_site)
    assert book.sheetnames == [t["name"] for t in tables]
    for table in tables:
        sheet = book[table["name"]]
        rows = list(sheet.iter_rows(values_only=True))
        fields = table["schema"]["fields"]
        assert list(rows[0]) == [f["name"] for f in fields]
        with (sample_site / "data" / table["path"]).open(encoding="utf-8-sig", newline="") as handle:
            assert len(rows) - 1 == sum(1 for _ in csv.DictReader(handle)), table["name"]
        for row in rows[1:]:
            for field, value in zip(fields, row, strict=True):
                if value is None:
                    continue
                expected = {"string": str, "integer": (int, float), "number": (int, float), "boolean": bool,
                            "date": dt.datetime}[field["type"]]
                assert isinstance(value, expected), (table["name"], field["name"], value)
    wilayah = book["wilayah"]
    codes = [row[0] for row in wilayah.iter_rows(min_row=2, values_only=True)]
    assert codes and all(isinstance(code, str) and "." in code for code in codes)   # "33.75", never 33.75
    # the header row stays in view
    assert openpyxl.load_workbook(sample_site / "data" / "masterplan.xlsx")["wilayah"].freeze_panes == "A2"


def test_libreoffice_reads_the_workbook_as_the_csv_tables(sample_site: Path, tmp_path: Path) -> None:
    """A reader other than openpyxl (the project writes the workbook itself, issue 30):
    LibreOffice Calc opens it and every sheet, saved as CSV, holds the CSV table's cells,
    TRUE/FALSE for true/false as /data/ says."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice is missing: run `bash scripts/setup.sh --test` (it installs libreoffice-calc-nogui)")
    book = tmp_path / "masterplan.xlsx"
    shutil.copyfile(sample_site / "data" / "masterplan.xlsx", book)
    # every sheet (-1) as UTF-8 (76) CSV, comma and double quote; a profile of its own, since
    # two LibreOffice processes cannot share one
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(tmp_path), str(book)], check=True, capture_output=True, timeout=120)
    cells = 0
    for table in tables_of(sample_site):
        with (sample_site / "data" / table["path"]).open(encoding="utf-8-sig", newline="") as handle:
            expected = [[{"true": "TRUE", "false": "FALSE"}.get(v, v) for v in row] for row in csv.reader(handle)]
        with (tmp_path / f"masterplan-{table['name']}.csv").open(encoding="utf-8", newline="") as handle:
            read = [row + [""] * (len(expected[0]) - len(row)) for row in csv.reader(handle)]
        assert read == expected, table["name"]
        cells += sum(map(len, read))
    assert cells > 500


def test_the_workbook_is_byte_stable(sample_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    assert build_site(again).returncode == 0
    assert (again / "data" / "masterplan.xlsx").read_bytes() == (sample_site / "data" / "masterplan.xlsx").read_bytes()


def test_every_json_download_validates_against_its_schema(sample_site: Path) -> None:
    data = sample_site / "data"
    schema = json.loads((data / "region-data.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    files = sorted((data / "regions").glob("*.json"))
    assert files
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert record["$schema"].endswith("data/region-data.schema.json")
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(record)]
        assert errors == [], (path.name, errors[:5])
    # the schema is strict: a record with a field it does not know fails
    assert list(validator.iter_errors({**json.loads(files[0].read_text(encoding="utf-8")), "extra": 1}))


def test_every_download_is_a_resource_with_its_licence(sample_site: Path) -> None:
    data = sample_site / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    listed = {r["path"] for r in package["resources"]}
    written = {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()
               and p.name not in ("index.html", "datapackage.json")}
    assert listed == written
    assert all(r["licenses"][0]["name"] == "CC-BY-4.0" for r in package["resources"])


def test_the_data_page_gives_recipes_that_keep_codes_as_text(sample_site: Path) -> None:
    text = text_of(sample_site, "data")
    for recipe in ('dtype={"region_code": str}', 'colClasses = c(region_code = "character")',
                   "types = {'region_code': 'VARCHAR'}", "masterplan.xlsx"):
        assert recipe in text, recipe
