"""Property-based tests: whatever an editor writes is either valid or reported
cleanly, never a traceback; the fast and precise schema checks agree; every
valid document renders every page."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from smartcity import export
from smartcity.figures.aggregate import national_figures, region_figures
from smartcity.figures.national import rankings, ranks_by_region
from smartcity.reference import load_reference
from smartcity.site.addresses import url_of
from smartcity.site.pages.national import national_pages
from smartcity.site.pages.region import region_pages
from smartcity.site.pages.renderer import Renderer
from smartcity.site.sitedata import Settings, SiteData
from smartcity.validation.loader import CheckedFile, check_content
from smartcity.validation.schema import is_valid_fast, load_schema, precise_problems
from smartcity.validation.to_model import region_from_data
from smartcity.validation.yamlstrict import parse

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = load_reference()
TODAY = dt.date(2026, 11, 23)
VALID_TEXT = (ROOT / "data" / "regions" / "kota-pekalongan.yml").read_text(encoding="utf-8")
VALID = parse(VALID_TEXT, "x.yml")[0].data
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def check(text: str) -> CheckedFile:
    """Check `text` as the loader does, and hold the quick reader (yamlfast, which reads
    files without problems) to the located reader's result."""
    raw = text.encode("utf-8")
    checked = check_content(raw, "kota-pekalongan.yml", "kota-pekalongan", REFERENCE, TODAY)
    assert checked == check_content(raw, "kota-pekalongan.yml", "kota-pekalongan", REFERENCE, TODAY, quick=False)
    return checked


def render_all(data: dict[str, Any]) -> None:
    official = REFERENCE.regions_by_code[data["code"]]
    region = region_from_data(data, "kota-pekalongan.yml", official.province.code, REFERENCE.pillar_keys)
    regions = (region,)
    figures = {region.id: region_figures(region, TODAY)}
    site = SiteData(Settings(as_of=TODAY), REFERENCE, regions, figures, national_figures(regions, figures),
                    ranks=ranks_by_region(rankings(regions)))
    renderer = Renderer(site)
    for page in region_pages(REFERENCE):
        url = f"wilayah/{region.id}/{page.slug + '/' if page.slug else ''}"
        html = renderer.region_page(region.id, page.slug, url)
        assert region.name in html
    renderer.home_figures("")
    renderer.regions_table("wilayah/")
    renderer.compare_regions("bandingkan/")
    renderer.national_charts("statistik/")
    renderer.province_index("provinsi/")
    renderer.ranking_tables("peringkat/")
    for page in national_pages(REFERENCE, renderer.rankings, renderer.quick_win_pages, renderer.strategy_pages):
        renderer.national_page(page, url_of(page.src, True))
    for table in export.tables(regions, REFERENCE, figures, site.ranks):
        export.csv_bytes(table)  # refuses formulas and control characters: the validator must have
    export.json_bytes(export.region_record(region))


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def paths_of(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths_of(inner, prefix + (key,))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found += paths_of(inner, prefix + (i,))
    return found


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.integers() | st.floats()
    | st.integers(1900, 2100).map(float)  # a year written 2019.0
    | st.text(max_size=30) | st.sampled_from(["no", "yes", "2021-13-40", "33.75", "short", "done", "governance",
                                             "33.75\n", "\x01=1+1", " @x", "\u202eabc", "250.000"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=8)
ALL_PATHS = [p for p in paths_of(VALID) if p]
# The sample in block style only, as yaml.safe_dump writes it: the quick reader's kind of file.
BLOCK_TEXT = dump(VALID)
# Numbers yaml-rs reads otherwise than YAML 1.2 (the quick reader must leave them to the located one).
NUMBER_FORMS = ["1_000", "0b11", "+0x10", "0X1F", "1.5e3", "1e-400", ".inf", ".nan", "000000000000000012",
                "0.12345678901234567890", " 250.000", "2020-01-05", "1:20"]


@SETTINGS
@given(st.sampled_from(ALL_PATHS), st.sampled_from(["replace", "delete", "add"]), JSONISH, st.text(max_size=12))
def test_any_mutation_is_valid_or_reported_cleanly(path: tuple, action: str, value: Any, key: str) -> None:
    data = copy.deepcopy(VALID)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif isinstance(parent[last], dict):
        parent[last][key or "x"] = value
    elif isinstance(parent[last], list):
        parent[last].append(value)
    else:
        parent[last] = value
    checked = check(dump(data))  # must not raise
    for found in checked.problems:
        assert found.code.startswith("E-") and found.line >= 1 and found.message()
    if not checked.problems:
        render_all(checked.data)


@SETTINGS
@given(st.sampled_from([VALID_TEXT, BLOCK_TEXT]), st.text(max_size=40) | st.sampled_from(NUMBER_FORMS),
       st.floats(0, 1), st.integers(0, 40))
def test_any_text_edit_is_valid_or_reported_cleanly(valid: str, insert: str, where: float, cut: int) -> None:
    at = int(where * len(valid))
    text = valid[:at] + insert + valid[at + cut:]
    checked = check(text)
    for found in checked.problems:
        assert found.code.startswith("E-") and found.line >= 1 and found.message("en")
    if not checked.problems:
        render_all(checked.data)


# Characters that start nodes or make numbers, and words around them: the quick reader takes
# some of them inside texts ("Kominfo & Statistik", "2x24 jam"), never where a node starts.
INDICATOR_EDITS = st.tuples(st.sampled_from(["", "Dinas ", "kota ", "a ", " "]),
                            st.text(alphabet="ab1 &*!@`?:,-[]{}#'\"xXe0._|>%\n", max_size=10),
                            st.sampled_from(["", " jam", " b", ":", ","])).map("".join)


@SETTINGS
@given(st.sampled_from([VALID_TEXT, BLOCK_TEXT]), INDICATOR_EDITS, st.floats(0, 1))
def test_indicators_and_number_shapes_read_alike_wherever_they_are_written(valid: str, insert: str,
                                                                           where: float) -> None:
    at = int(where * len(valid))
    checked = check(valid[:at] + insert + valid[at:])
    for found in checked.problems:
        assert found.code.startswith("E-") and found.line >= 1


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(from_schema(load_schema()))
def test_schema_documents_agree_and_valid_ones_render(document: dict[str, Any]) -> None:
    text = dump(document)
    parsed, yaml_problems = parse(text, "x.yml")
    # the schema allows any character in text and any size of number; the reader
    # also refuses invisible control characters and numbers past 15 digits
    # (located), and nothing else
    assert parsed is not None and {p.code for p in yaml_problems} <= {"E-TEXT-CONTROL", "E-YAML-NUMBER"}
    # the fast path and the precise pass agree on what is valid
    assert is_valid_fast(parsed.data) == (precise_problems(parsed, "x.yml") == [])
    # with a real identity and sane years the document becomes publishable or is reported
    official = REFERENCE.regions_by_code["33.75"]
    document.update(id="kota-pekalongan", code="33.75", name=official.name, type=official.type,
                    province=official.province.name, cohort=2018)
    checked = check(dump(document))
    for found in checked.problems:
        assert found.code.startswith("E-") and found.message()
    if not checked.problems:
        render_all(checked.data)
