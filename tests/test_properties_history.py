"""Property tests for what reaches the site from outside the data files (issue 25): any
past version of a region file, as bytes or as a YAML document, is compared or skipped but
never raises; any build setting is refused or reaches a page escaped; feeds stay XML."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from smartcity.history.diff import diff, region_history, version_items
from smartcity.history.git import Commit, commit_date
from smartcity.settings import SettingError, public_url, source_date
from smartcity.site.render.feeds import Entry, atom
from smartcity.text import xml_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (ROOT / "data" / "regions" / "kota-pekalongan.yml").read_bytes()
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
AS_OF = dt.date(2026, 11, 24)

YAMLISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(["planned", "done", "in_progress", ".inf", "\x07", "\u202e", "2021-13-40"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["pillars", "strategies", "programs", "quick_wins", "id", "title", "status", "budget",
                         "amount", "realised", "evaluations", "period", "scores", "final", "risks", "governance",
                         "goals", "indicator", "name", "unit", "actuals", "year", "value"])
        | st.text(max_size=8), children, max_size=4),
    max_leaves=20)


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_as_a_past_version_never_raise(raw: bytes) -> None:
    items = version_items(raw)
    assert items is None or set(items) == {"program", "quick_win", "evaluation", "risk", "measure"}


@SETTINGS
@given(st.binary(max_size=200), st.integers(0, len(SAMPLE)))
def test_the_sample_with_random_bytes_spliced_in_never_raises(noise: bytes, where: int) -> None:
    version_items(SAMPLE[:where] + noise + SAMPLE[where:])


@SETTINGS
@given(YAMLISH, YAMLISH)
def test_random_documents_as_past_versions_are_compared_or_skipped(first: Any, second: Any) -> None:
    versions = []
    for n, document in enumerate((first, second)):
        text = yaml.safe_dump(document if isinstance(document, dict) else {"pillars": document}, allow_unicode=True)
        commit = Commit(f"{n:040x}", dt.datetime(2024, 1, 1 + n, tzinfo=dt.UTC))
        versions.append((commit, version_items(text.encode("utf-8"))))
    history = region_history(list(reversed(versions)), True, False)
    for group in history.groups:
        for change in group.changes:
            assert isinstance(change, str) and xml_text(change) == change   # no control characters reach a page
    if versions[0][1] is not None and versions[1][1] is not None:
        diff(versions[0][1], versions[1][1])


@SETTINGS
@given(st.text(max_size=40) | st.from_regex(r"[0-9 _+-]{0,14}", fullmatch=True))
def test_any_source_date_epoch_is_a_date_in_range_or_refused_by_name(value: str) -> None:
    try:
        day = source_date(value)
    except SettingError as error:
        assert "SOURCE_DATE_EPOCH" in str(error)
        return
    assert day is None or dt.date(2017, 1, 1) <= day <= dt.date(2099, 12, 31)


URLISH = st.text(max_size=60) | st.builds(
    lambda scheme, user, host, path: f"{scheme}{user}{host}{path}",
    st.sampled_from(["https://", "http://", "javascript:", "data:", "HTTPS://", ""]),
    st.sampled_from(["", "a@", "lapor.go.id@"]),
    st.sampled_from(["example.org", "localhost:8000", "exаmple.org", "127.0.0.1", "[::1]", ""]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20))


@SETTINGS
@given(URLISH)
def test_any_address_setting_is_safe_or_refused_by_name(value: str) -> None:
    try:
        url = public_url("SMARTCITY_SITE_URL", value)
    except SettingError as error:
        assert str(error).startswith("SMARTCITY_SITE_URL=")
        return
    # what is accepted cannot leave an attribute or start markup, even unescaped, and leads to the web
    assert not set(url) & set("\"'<>`\\ ") and str(escape(url)) == url.replace("&", "&amp;")
    assert url.lower().startswith(("https://", "http://localhost", "http://127.0.0.1", "http://[::1]"))


@SETTINGS
@given(st.text(max_size=40), st.text(max_size=40), st.from_regex(r"[0-9@+:T -]{0,30}", fullmatch=True))
def test_feeds_stay_xml_whatever_the_texts_and_dates(title: str, summary: str, date_text: str) -> None:
    date, _ = commit_date(date_text, AS_OF)
    entry = Entry("urn:smartcity:x:1", date.date(), title, summary, "wilayah/x.md")
    document = atom("feed.xml", "urn:smartcity:x", title, [entry], True, AS_OF, "index.md")
    root = ET.fromstring(document.encode("utf-8"))
    updated = root.find("{http://www.w3.org/2005/Atom}updated")
    assert updated is not None and updated.text is not None and updated.text[:10] <= AS_OF.isoformat()
