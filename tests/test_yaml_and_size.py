"""YAML 1.2 reading, and inputs too large to commit as corpus files (made here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PYTHON, run

from smartcity.validation.loader import MAX_FILE_BYTES
from smartcity.validation.yamlstrict import parse

CASES = Path(__file__).resolve().parent / "cases"
BASE = (CASES / "valid" / "base" / "kota-pekalongan.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, value", [
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("y", "y"), ("NO", "NO"),
    ("true", True), ("False", False), ("~", None), ("null", None), ("", None),
    ("0755", 755), ("0o17", 15), ("0x1F", 31), ("1:20", "1:20"), ("2021-05-27", "2021-05-27"),
    ("3.5", 3.5), ("-2", -2), ("1e3", 1000.0), ("'no'", "no"), ('"33.75"', "33.75"),
])
def test_scalars_follow_yaml_1_2(text: str, value: object) -> None:
    document, problems = parse(f"a: {text}\n", "f.yml")
    assert problems == [] and document.data["a"] == value and type(document.data["a"]) is type(value)


def test_positions_point_at_the_field() -> None:
    document, _ = parse("a:\n  b:\n    - x\n    - {c: 1}\n", "f.yml")
    assert document.locate(("a", "b", 1, "c")) == (4, 11)
    assert document.locate(("a", "b", 1, "c"), key=True) == (4, 8)
    assert document.locate(("a", "missing")) == (2, 3)


def _write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "regions"
    folder.mkdir()
    path = folder / "kota-pekalongan.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _check_bounded(path: Path) -> list[tuple[int, str, str]]:
    """Check in a child process that must finish within a generous bound: a hang fails the
    test, machine speed does not (no timing assertion)."""
    result = run([PYTHON, "-c", (
        "import json, sys; from pathlib import Path;"
        "from smartcity.validation.loader import check_files;"
        f"r = check_files([Path({str(path)!r})]);"
        "print(json.dumps([(p.line, p.code, p.field_path) for p in r.problems]))")], timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return [tuple(row) for row in json.loads(result.stdout)]


def test_a_10_mb_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "# " + "y" * 10_000_000 + "\n")
    assert _check_bounded(path) == [(1, "E-FILE-TOO-LARGE", "(berkas)")]
    assert path.stat().st_size > MAX_FILE_BYTES


def test_a_1_mb_string_is_refused_by_its_length_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE.replace("title: Layanan", "title: " + "x" * 1_000_000))
    assert _check_bounded(path) == [(18, "E-LENGTH", "pillars.governance.strategies[0].title")]


def test_ten_thousand_programmes_are_refused_by_the_item_limit(tmp_path: Path) -> None:
    programmes = "".join(f"          - {{id: p-{i}, title: Program {i}, horizon: short, status: planned}}\n"
                         for i in range(10_000))
    text = BASE.replace("""          - id: gov-1-1
            title: Program satu
            horizon: short
            status: planned
""", programmes)
    path = _write(tmp_path, text)
    assert _check_bounded(path) == [(21, "E-TOO-MANY", "pillars.governance.strategies[0].programs")]


def test_alias_bomb_stays_small_in_a_subprocess() -> None:
    """Eight lines that would expand to 43 million nodes: refused without expanding."""
    case = CASES / "traps" / "alias-bomb"
    result = run([PYTHON, "-c", (
        "import sys;"
        "from smartcity.validation.cli import main;"
        f"code = main([{str(case)!r}]);"
        # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec (the parent's peak)
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1];"
        "print('MAXRSS', hwm); sys.exit(code)")], timeout=60)
    assert result.returncode == 1
    rss_kb = int(result.stdout.split("MAXRSS")[-1])
    assert rss_kb < 300_000, rss_kb
    assert "E-YAML-ALIAS" in result.stdout


@pytest.mark.parametrize("text", ["1" * 5000, "0x" + "f" * 5000, "1e400", "3.4e-400", "1234567890123456789",
                                  "-1000000000000000000", "1e19"])
def test_numbers_past_the_bounds_are_refused_before_conversion(text: str) -> None:
    document, problems = parse(f"a: {text}\n", "f.yml")
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 4, "E-YAML-NUMBER")]
    assert document.data["a"] is None


@pytest.mark.parametrize("text, value", [("1600000000000000", 1600000000000000), ("1.6e15", 1.6e15),
                                         ("-99999999999999999", -99999999999999999),
                                         ("999999999999999999", 999999999999999999)])
def test_large_but_finite_numbers_are_accepted_whole(text: str, value: float) -> None:
    """A province's GRDP (~Rp 1.600 triliun) is a real indicator value: up to 18 digits and
    below 10^18 a number is read exactly (issue 25)."""
    document, problems = parse(f"a: {text}\n", "f.yml")
    assert problems == [] and document.data["a"] == value and type(document.data["a"]) is type(value)


def test_raw_line_separators_do_not_move_later_positions() -> None:
    """YAML counts NEL, U+2028, U+2029 and a lone CR as line breaks; editors and
    this project count lines by LF. Each is reported where it is, and every later
    position stays the one an editor sees."""
    for separator in ("\u2028", "\u2029", "\x85", "\r"):
        document, problems = parse(f'a: "x{separator}y"\nb:\n  c: [1, *z]\n', "f.yml")
        assert [(p.line, p.column, p.code) for p in problems] == [(1, 6, "E-TEXT-CONTROL"), (3, 10, "E-YAML-ALIAS")]
        assert document.locate(("b", "c", 0)) == (3, 7)


def test_special_files_are_refused_by_type_without_being_opened(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "regions"
    folder.mkdir()
    os.mkfifo(folder / "kota-pekalongan.yml")  # opening it for reading would block forever
    (folder / "kabupaten-kendal.yml").symlink_to("/dev/zero")
    result = run([PYTHON, "scripts/validate.py", str(folder)], timeout=60)
    assert result.returncode == 1
    assert "kota-pekalongan.yml:1:1: E-FILE-NOT-REGULAR" in result.stdout
    assert "kabupaten-kendal.yml:1:1: E-FILE-SYMLINK" in result.stdout


def test_two_thousand_files_with_one_code_give_short_lines(tmp_path: Path) -> None:
    folder = tmp_path / "regions"
    folder.mkdir()
    for i in range(2000):
        (folder / f"wilayah-{i:04d}.yml").write_text('code: "33.75"\n', encoding="utf-8")
    result = run([PYTHON, "scripts/validate.py", str(folder)], timeout=300)
    clashes = [line for line in result.stdout.splitlines() if "E-CODE-DUPLICATE" in line]
    assert len(clashes) == 2000
    assert max(map(len, clashes)) < 1000, "each line names a few other files, not all 1,999"
    assert "(+1996 berkas lain)" in clashes[0]


def test_a_million_open_brackets_are_refused_before_libyaml_reads_them(tmp_path: Path) -> None:
    """libyaml's work grows with the square of the flow depth: 50,000 levels took
    seconds, and a file under the size limit can hold 900,000."""
    path = _write(tmp_path, BASE.replace("schema: 1", "schema: 1\nx: " + "[" * 900_000, 1))
    assert _check_bounded(path) == [(2, "E-YAML-TOO-DEEP", "(berkas)")]


def _signature(root: object) -> list[tuple]:
    """Every node of a tree in order: kind, tag, scalar value and position."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    out, stack = [], [root]
    while stack:
        node = stack.pop()
        mark = (node.start_mark.line, node.start_mark.column)
        if isinstance(node, ScalarNode):
            out.append(("scalar", node.tag, node.value, mark))
        elif isinstance(node, SequenceNode):
            out.append(("seq", node.tag, len(node.value), mark))
            stack.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            out.append(("map", node.tag, len(node.value), mark))
            stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
    return out


def test_libyaml_composer_and_event_composer_agree_on_every_corpus_file() -> None:
    """Ordinary files are composed by libyaml in C (fast); the rest by the
    event composer (bounded, precise). Wherever the fast path accepts a file,
    both give the same tree."""
    from smartcity.validation.yamlcompose import Composer, Parser, fast_compose, forbidden_characters
    from smartcity.validation.yamlstrict import _Builder, _NeedsEventComposer

    fast_files = 0
    files = sorted(CASES.glob("*/*/*.yml")) + sorted((CASES.parent.parent / "data" / "regions").glob("*.yml"))
    for path in files:
        try:
            text, _ = forbidden_characters(path.read_text(encoding="utf-8").removeprefix("\ufeff"), "f.yml")
        except UnicodeDecodeError:
            continue
        fast = fast_compose(text)
        if fast is None:
            continue
        try:  # what parse() does: an alias, too deep or too many entries goes to the event composer
            _Builder("f.yml", guarded=True).build(fast, ())
        except _NeedsEventComposer:
            continue
        fast_files += 1
        parser = Parser(text)
        try:
            slow = Composer("f.yml").compose(parser)
        finally:
            parser.dispose()
        assert _signature(fast) == _signature(slow), path
    assert fast_files >= len(files) // 2, (fast_files, len(files))


def _check_both(raw: bytes, stem: str = "kota-pekalongan") -> tuple[object, object]:
    import datetime as dt

    from smartcity.reference import load_reference
    from smartcity.validation.loader import check_content

    reference, today = load_reference(), dt.date(2026, 11, 23)
    return (check_content(raw, f"{stem}.yml", stem, reference, today, fast=True),
            check_content(raw, f"{stem}.yml", stem, reference, today, fast=True, quick=False))


def _block_style(data: object) -> str:
    import yaml
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_quick_and_located_readers_agree_on_every_corpus_file() -> None:
    """yamlfast reads files without problems ~3× faster; a file it reads must give what
    the located reader gives. Each corpus file is checked as written and in block style
    (the style the quick reader takes; the corpus is mostly written in flow style)."""
    quick_read = 0
    files = sorted(CASES.glob("*/*/*.yml")) + sorted((CASES.parent.parent / "data" / "regions").glob("*.yml"))
    for path in files:
        raw = path.read_bytes()
        quick, located = _check_both(raw, path.stem)
        assert quick == located, path
        if located.data is None:
            continue
        block = _block_style(located.data).encode("utf-8")
        quick, located = _check_both(block, path.stem)
        assert quick == located, path
        quick_read += not located.problems
    assert quick_read >= 10, quick_read


def test_windows_line_ends_are_read_quickly_and_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file saved on Windows (`\\r\\n`) is read by the quick reader as with `\\n`: for
    every corpus file, as written and in block style, the same result as the located
    reader's on the same bytes; a valid one takes the located reader with `\\r\\n` only
    where it does with `\\n` (until 2026-12-05 every such file took it)."""
    import datetime as dt

    from smartcity.reference import load_reference
    from smartcity.validation import loader

    files = sorted(CASES.glob("*/*/*.yml")) + sorted((CASES.parent.parent / "data" / "regions").glob("*.yml"))
    valid = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the encoding cases
        located, _ = parse(text, "f.yml")
        for written in (text, *((_block_style(located.data),) if located is not None else ())):
            raw = written.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
            quick, located_result = _check_both(raw, path.stem)
            assert quick == located_result, path
            if not located_result.problems:
                valid.append((raw, path.stem))
    assert len(valid) >= 40, len(valid)
    located_reads: list[str] = []
    parse_located = loader.parse

    def counted(text: str, display: str) -> object:
        located_reads.append(text)
        return parse_located(text, display)

    monkeypatch.setattr(loader, "parse", counted)
    today, reference = dt.date(2026, 11, 23), load_reference()
    quick_with_crlf = 0
    for raw, stem in valid:
        before = len(located_reads)
        loader.check_content(raw.replace(b"\r\n", b"\n"), f"{stem}.yml", stem, reference, today, fast=True)
        with_lf = len(located_reads) - before
        loader.check_content(raw, f"{stem}.yml", stem, reference, today, fast=True)
        assert len(located_reads) - before - with_lf == with_lf, stem  # the located reader for both or neither
        quick_with_crlf += not with_lf
    assert quick_with_crlf >= 40, quick_with_crlf


def test_the_quick_reader_collects_the_source_references_the_rules_would_find() -> None:
    """The quick reader collects every reference to a source while it walks the file
    (`Document.source_refs`); the sources rule otherwise walks the file for them."""
    import datetime as dt

    from smartcity.reference import load_reference
    from smartcity.validation.rule_context import RuleContext
    from smartcity.validation.yamlfast import quick_document

    compared = 0
    for path in sorted(CASES.glob("*/*/*.yml")) + sorted((CASES.parent.parent / "data" / "regions").glob("*.yml")):
        try:
            located = parse(path.read_text(encoding="utf-8"), path.name)[0]
        except UnicodeDecodeError:  # a case of its own
            continue
        if located is None or not isinstance(located.data, dict):
            continue
        quick = quick_document(_block_style(located.data))
        if quick is None:
            continue
        walked = RuleContext(located, "f.yml", path.stem, load_reference(), dt.date(2026, 1, 1)).source_refs()
        assert quick.source_refs is not None
        assert sorted(map(repr, quick.source_refs)) == sorted(map(repr, walked)), path
        compared += bool(walked)
    assert compared >= 5, compared


def test_the_quick_reader_finds_every_forbidden_character_without_the_regular_expression() -> None:
    """The quick reader looks at each byte that starts a forbidden character (the regular
    expression only when a text has many): it must know every one of them, and tell
    them from the characters that start the same way (an en dash, a no-break space)."""
    from smartcity.validation.yamlcompose import FORBIDDEN_RAW
    from smartcity.validation.yamlfast import _FEW, _FORBIDDEN_ENCODINGS, quick_document

    forbidden = [chr(c) for c in range(0x110000)  # a carriage return is refused by the screen itself
                 if not 0xD800 <= c < 0xE000 and c != 0x0D and FORBIDDEN_RAW.match(chr(c))]
    assert len(forbidden) > 60
    assert {ch.encode("utf-8") for ch in forbidden} == _FORBIDDEN_ENCODINGS
    text = _block_style(parse(BASE, "f.yml")[0].data)
    assert quick_document(text) is not None
    lookalikes = "\u2013 \u201cpintar\u201d\u00a0\u2026 \ufeef"  # en dash, quotes, no-break space, ellipsis
    for many in (1, _FEW + 1):
        plain = text.replace("Kota", "Kota " + lookalikes * many, 1)
        assert quick_document(plain) is not None, many
        for ch in ("\u202e", "\u2028", "\x85", "\ufeff", "\x7f", "\u200f", "\uffff", "\x0b"):
            assert quick_document(plain.replace("pintar", f"pin{ch}tar", 1)) is None, (many, repr(ch))


@pytest.mark.parametrize("written", ["1_000", "0b11", "+0x10", "0X1F", "1.5e3", "1e-400", ".inf", ".nan",
                                     "000000000000000012", "2_019", "2019.0e0", "_2018", "+_2018", "-__.5"])
def test_numbers_yaml_rs_reads_by_other_rules_go_to_the_located_reader(written: str) -> None:
    """yaml-rs reads 1_000 as 1000 and .inf as infinity; YAML 1.2 and this project do not."""
    from smartcity.validation.yamlfast import quick_document

    text = _block_style(parse(BASE, "f.yml")[0].data).replace("cohort: 2018\n", f"cohort: {written}\n", 1)
    assert f"cohort: {written}\n" in text
    assert quick_document(text) is None
    quick, located = _check_both(text.encode("utf-8"))
    assert quick == located and located.problems, written


def test_the_quick_reader_reads_a_generated_region_file(tmp_path: Path) -> None:
    """The files of the 514-region benchmark (block style, as yaml.dump writes) take the
    quick reader, and give what the located reader gives."""
    from smartcity.tools.synthetic import write_national
    from smartcity.validation.yamlfast import quick_document

    for path in write_national(tmp_path, count=3):
        text = path.read_text(encoding="utf-8")
        assert quick_document(text) is not None, path
        quick, located = _check_both(text.encode("utf-8"), path.stem)
        assert quick == located and not located.problems, path


def test_the_quick_reader_takes_files_as_editors_write_them() -> None:
    """Issue 30: flow mappings for short records, comments, quoted texts: the samples as
    written are read by the quick reader, with the located reader's result."""
    from smartcity.validation.yamlfast import quick_document

    for path in sorted((CASES.parent.parent / "data" / "regions").glob("*.yml")):
        raw = path.read_bytes()
        assert quick_document(raw.decode("utf-8")) is not None, path
        quick, located = _check_both(raw, path.stem)
        assert quick == located, path


# Texts editors write with characters that elsewhere start a node or a number: inside a
# text both readers read them as text, so the quick reader takes the file.
PROSE = ["Dinas Kominfo & Statistik", "Siap? Ya, kami siap.", "layanan 2x24 jam", "naik 5x lipat",
         "anggaran Rp 1.500.000.000.000 dari APBN", "ikuti Instagram @kendalkab", "nilai *tertinggi* di Jawa",
         "LAPOR! dan SP4N", "kode _2019 lama", "NIK 3374012345678901 contoh", "tahap 2 ? belum"]
# The same characters where a node starts (or a word that is a whole scalar): left to the
# located reader, which reads them as YAML 1.2 does or says what is wrong.
WHERE_A_NODE_STARTS = ["&a Judul", "*a", "!str Judul", "@kendalkab", "`kode`", "2x24", "1e3", "_2019",
                       "3374012345678901", "Judul\n        &lanjut", "Judul\n\n          2x24", "- Judul", "[Judul, 1e3]",
                       "{a: _1}"]
# The same on a line that goes on with a text begun on the line above (PyYAML wraps texts past
# 80 columns there): part of that text for both readers.
WRAPPED = ["Judul\n          &lanjut", "Judul\n          2x24", "info di Instagram\n          @pemkab",
           "Siap\n          ? ya", "kode\n          _2019", "tahap\n          1e3", "Judul\n          *penting*"]


def _with_description(text: str, description: str) -> str:
    old = "description: Aplikasi layanan perizinan di DPMPTSP."
    assert old in text
    return text.replace(old, f"description: {description}", 1)


@pytest.mark.parametrize("prose", PROSE)
def test_prose_with_indicators_and_number_shapes_is_read_quickly_and_alike(prose: str) -> None:
    """Issue 30: "Dinas Kominfo & Statistik" or "layanan 2x24 jam" in a 120 KB file sent it
    to the located reader (three times the time); inside a text they are text for both."""
    from smartcity.validation.yamlfast import quick_document

    text = (CASES.parent.parent / "data" / "regions" / "kota-pekalongan.yml").read_text(encoding="utf-8")
    for written in (text, _block_style(parse(text, "f.yml")[0].data)):
        edited = _with_description(written, prose)
        document = quick_document(edited)
        assert document is not None, prose
        quick, located = _check_both(edited.encode("utf-8"))
        assert quick == located and not located.problems, prose
        assert prose in str(located.data)


@pytest.mark.parametrize("wrapped", WRAPPED)
def test_a_wrapped_text_is_read_quickly_and_alike(wrapped: str) -> None:
    from smartcity.validation.yamlfast import quick_document

    text = (CASES.parent.parent / "data" / "regions" / "kota-pekalongan.yml").read_text(encoding="utf-8")
    edited = _with_description(text, wrapped)
    assert quick_document(edited) is not None, wrapped
    quick, located = _check_both(edited.encode("utf-8"))
    assert quick == located and not located.problems, wrapped
    assert located.data["pillars"]["governance"]["quick_wins"][0]["description"] == " ".join(wrapped.split())


@pytest.mark.parametrize("value", WHERE_A_NODE_STARTS)
def test_indicators_and_numbers_where_a_node_starts_go_to_the_located_reader(value: str) -> None:
    from smartcity.validation.yamlfast import quick_document

    text = (CASES.parent.parent / "data" / "regions" / "kota-pekalongan.yml").read_text(encoding="utf-8")
    edited = _with_description(text, value)
    assert quick_document(edited) is None, value
    quick, located = _check_both(edited.encode("utf-8"))
    assert quick == located, value


@pytest.mark.parametrize("line", [
    "budget: {amount: 1, :b}",                   # yaml-rs takes it, libyaml does not
    "budget: {amount: 1, amount: 2}",            # a duplicate key
    "sources: [a: b]",                           # a single-pair mapping in a sequence
    "budget: {amount: 1,\n  source: APBD}",      # over two lines
    "budget: {amount: 1}#x",                     # no space before the comment
    "budget: {amount: 1} [x]",                   # more after the collection
    "budget: {amount: &a 1}",                    # an anchor
    "budget: {amount: !!int 1}",                 # a tag
    "budget: {'amount': 1}",                     # a quoted key
    "budget: {amount: 1, note: 'Jum'at'}",       # a broken quote
    "budget: {amount: [1, [2]]}",                # nested deeper than the plain forms
    "title: \"a # b\" [x]",                      # a quote before a hidden comment
])
def test_flow_collections_the_readers_could_read_apart_go_to_the_located_reader(line: str) -> None:
    from smartcity.validation.yamlfast import quick_document

    text = (CASES.parent.parent / "data" / "regions" / "kota-pekalongan.yml").read_text(encoding="utf-8")
    edited = text.replace("budget: {amount: 250000000, currency: IDR, source: APBD, realised: 120000000, "
                          "realised_date: 2022-12-31}", line, 1)
    assert edited != text
    assert quick_document(edited) is None
    quick, located = _check_both(edited.encode("utf-8"))
    assert quick == located


@pytest.mark.parametrize("style", ["editor", "wrapped"])
def test_synthetic_regions_written_as_editors_write_them_are_valid_and_read_quickly(tmp_path: Path,
                                                                                    style: str) -> None:
    """The benchmark's editors' data set (issue 30): flow records, folded texts, comments
    and punctuated texts; every file valid, every file taken by the quick reader with the
    same result. And the same regions as PyYAML writes them at 80 columns, records and texts
    wrapped over lines: all but a few taken (a wrapped quoted text whose line starts with
    "#3" looks like a comment to the screen), each with the located reader's result."""
    from smartcity.tools.synthetic import write_national
    from smartcity.validation.yamlfast import quick_document

    written = write_national(tmp_path, 12, style=style)
    flow_lines = quick_files = wrapped_lines = 0
    for path in written:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        flow_lines += text.count(": {") + text.count("- {")
        wrapped_lines += text.count("\n            @pemkab") + text.count("\n          @pemkab")
        assert "\n# " in text or "  # " in text   # comments, as editors leave them
        quick_files += quick_document(text) is not None
        quick, located = _check_both(raw, path.stem)
        assert quick == located and not located.problems, (path, located.problems[:3])
    assert flow_lines > 12 * 100
    assert wrapped_lines > 0
    assert quick_files == 12 if style == "editor" else quick_files >= 10


def test_the_samples_copied_to_every_official_region_are_valid_and_read_quickly(tmp_path: Path) -> None:
    """The benchmark's third data set (issue 30): each official region gets a bundled
    sample's text with only its identity lines changed, comments and style kept; all 514
    files are valid, say what they are, and the quick reader takes every one."""
    from smartcity.reference import load_reference
    from smartcity.tools.synthetic import write_from_samples
    from smartcity.validation.loader import check_files
    from smartcity.validation.yamlfast import quick_document

    samples = CASES.parent.parent / "data" / "regions"
    written = write_from_samples(tmp_path, samples)
    reference = load_reference()
    assert len(written) == len(reference.regions) == 514
    result = check_files(written, workers=2)
    assert not result.problems, result.problems[:3]
    by_code = {r.code: r for r in result.regions}
    assert set(by_code) == {o.code for o in reference.regions}
    for official in reference.regions:
        region = by_code[official.code]
        assert (region.name, region.province, region.sample) == (official.name, official.province.name, True)
    first = written[0].read_text(encoding="utf-8")
    assert first.startswith("# Salinan data/regions/") and "bukan data wilayah ini" in first.splitlines()[0]
    kota = (tmp_path / "kota-bandung.yml").read_text(encoding="utf-8")
    copied_from = kota.split()[2].removeprefix("data/regions/")
    original = (samples / copied_from).read_text(encoding="utf-8")
    # the sample's comments and flow records are all still there
    assert [line for line in original.splitlines() if "#" in line and not line.startswith(("id:", "code:", "name:",
            "type:", "province:"))] == [line for line in kota.splitlines()[1:] if "#" in line and not line.startswith(
            ("id:", "code:", "name:", "type:", "province:"))]
    for path in written[:: len(written) // 12]:
        assert quick_document(path.read_text(encoding="utf-8")) is not None, path


def test_a_wrapped_line_of_a_folded_text_is_read_quickly_and_alike() -> None:
    """Issue 30: the samples fold long texts (`description: >-`); a wrapped line that starts
    with "@pemkab", "& pelatihan" or "2x24" is text inside the block, not a node or a number.
    A content line holding a quote is still screened: there the located reader reads it."""
    from smartcity.validation.yamlfast import quick_document

    text = (CASES.parent.parent / "data" / "regions" / "kota-pekalongan.yml").read_text(encoding="utf-8")
    for wrapped in ("@pemkab", "& pelatihan", "2x24", "*penting*", "[catatan]", "- bukan daftar", "? tanya",
                    "!penting", "1e3", "_2019", "kunci: nilai"):
        edited = _with_description(text, f">-\n          Aplikasi layanan perizinan; info di\n          {wrapped}")
        assert quick_document(edited) is not None, wrapped
        quick, located = _check_both(edited.encode("utf-8"))
        assert quick == located and not located.problems, wrapped
        assert located.data["pillars"]["governance"]["quick_wins"][0]["description"].endswith(f"di {wrapped}")
    quoted = _with_description(text, '>-\n          Aplikasi "Sakpore"\n          @pemkab "X" &lanjut')
    assert quick_document(quoted) is None
    quick, located = _check_both(quoted.encode("utf-8"))
    assert quick == located and not located.problems


def test_regions_as_pyyaml_writes_them_at_any_width_are_read_quickly_and_alike() -> None:
    """The bundled samples and three synthetic regions with punctuated texts, written by
    PyYAML at six widths (20 to 97 columns: texts and records wrapped at every kind of
    place), with flow records and in block style: the quick reader takes nearly all,
    each with the located reader's result."""
    import random

    import yaml

    from smartcity.reference import load_reference
    from smartcity.tools.synthetic import _punctuate, synthetic_region

    reference = load_reference()
    regions = [(path.stem, parse(path.read_text(encoding="utf-8"), "f.yml")[0].data)
               for path in sorted((CASES.parent.parent / "data" / "regions").glob("*.yml"))]
    regions += [(data["id"], _punctuate(random.Random(official.code), data))
                for official in reference.regions[::200]
                for data in (synthetic_region(official, reference, 1),)]
    taken = written = 0
    for stem, data in regions:
        for width in (20, 31, 45, 62, 80, 97):
            for flow in (None, False):
                text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                                 allow_unicode=True, default_flow_style=flow, width=width)
                written += 1
                quick, located = _check_both(text.encode("utf-8"), stem)
                assert quick == located and not located.problems, (stem, width, flow)
                taken += _quick_takes(text)
    assert taken >= written - 2, (taken, written)


def _quick_takes(text: str) -> bool:
    from smartcity.validation.yamlfast import quick_document

    return quick_document(text) is not None


@pytest.mark.parametrize("header", ["a: {h}\n", "a:\n- {h}\n", "a:\n  - b: {h}\n", "a:\n  b: {h}\n"])
def test_block_scalars_of_every_kind_read_alike(header: str) -> None:
    """Block scalars (folded and literal, each chomping, a comment after the header) whose
    content is any three of these lines, with and without a line after: where the quick
    reader takes the text, the located reader builds the same data without a problem
    (yaml-rs keeps a line break in a block of empty lines; libyaml does not: left to it)."""
    import itertools

    from smartcity.validation.yamlfast import quick_document

    indent = "    " if "- b:" in header else "  " if "  b:" in header else ""
    lines = ["  x", "   x", "", " ", "    ", "  @y z", " x", "x", "  - b", "b: 1", "  #c", "  2x24", "  'q"]
    after = "c: 2\n"
    taken, differing = 0, []
    for h in (">", "|", ">-", "|-", ">+", "|+", "> # c"):
        for count in range(4):
            for combo in itertools.product(lines, repeat=count):
                body = "".join(f"{indent}{line}\n" for line in combo)
                for text in (header.format(h=h) + body, header.format(h=h) + body + after):
                    quick = quick_document(text)
                    if quick is None:
                        continue
                    taken += 1
                    located, problems = parse(text, "f.yml")
                    if located is None or problems or located.data != quick.data:
                        differing.append(text)
    assert differing == [], differing[:5]
    assert taken > 5_000


# Every short word of these characters, in every position a scalar can take: where the quick
# reader takes the text, the located reader must build the same data without a problem.
ENUMERATED_CHARACTERS = "01_.+-eEx&?@*!:,#[]{}'\" "
ENUMERATED_PLACES = ["a: {}\n", "a: x {}\n", "a: {} x\n", "a: [{}]\n", "a: [x, {}]\n", "a: {{b: {}}}\n",
                     "a:\n- {}\n", "a:\n  {}: 1\n", "a: x\n  {}\n", "a: '{}'\n", 'a: "{}"\n', "a: {} # c\n",
                     # block scalars, whose content the screen leaves out, and lines that only look like one
                     "a: >-\n  {}\n", "a: |\n  x\n  {}\nb: 1\n", "a:\n- >\n  {}\n", "a:\n  - b: | # c\n      {}\n",
                     "a: >\n  x\n {}\n", "a: x\n  - >\n   {}\n", 'a: "x\n b: >\n  {}"\n', "a: >\n\n  {}\n",
                     # texts and flow collections over several lines, and lines that only look like their next
                     "a:\n- x\n  {}\n", "a:\n  - b: x\n     {}\n", "a:\n  - b: x\n    {}\n", "a: x\n  y\n  {}\n",
                     "a: x\n\n  {}\n", "a: 'x\n  {}'\n", "a: {{b: x,\n  {}}}\n", "a: [x,\n  {}]\n",
                     "a:\n- {{b: x\n  {}}}\n", "a: {{b: 'x\n  {}'}}\n", "a: {{b: x,\n{}}}\n", "a: [x\n  {}, y]\n",
                     # a line that starts with `#`: a comment, or a quoted text's next line
                     "a: {{b: 'x\n  #{}'}}\n", "a: 'x'\n# {}\nb: 1\n"]


def _quick_reads_differently(length: int) -> tuple[int, list[str]]:
    import itertools
    import math

    from smartcity.validation.yamlfast import quick_document

    def same(a: object, b: object) -> bool:
        if type(a) is not type(b):
            return False
        if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
            return math.isnan(b)
        if isinstance(a, dict) and isinstance(b, dict):
            return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
        if isinstance(a, list) and isinstance(b, list):
            return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
        return a == b

    taken, differing = 0, []
    for word in map("".join, itertools.product(ENUMERATED_CHARACTERS, repeat=length)):
        for place in ENUMERATED_PLACES:
            text = place.format(word)
            quick = quick_document(text)
            if quick is None:
                continue
            taken += 1
            located, problems = parse(text, "f.yml")
            if located is None or problems or not same(quick.data, located.data):
                differing.append(text)
    return taken, differing


def test_every_short_word_of_indicators_and_digits_reads_alike() -> None:
    """All words of up to three of these characters in thirty-four places (490,000 texts): the
    quick reader takes two in five of them, each as the located reader reads it."""
    taken = 0
    for length in (1, 2, 3):
        found, differing = _quick_reads_differently(length)
        assert differing == [], differing[:5]
        taken += found
    assert taken > 100_000


@pytest.mark.slow
def test_every_four_character_word_of_indicators_and_digits_reads_alike() -> None:
    """The same for all 11.3 million texts of four characters (~130 s)."""
    taken, differing = _quick_reads_differently(4)
    assert differing == [], differing[:5]
    assert taken > 500_000
