"""JSON Schema validation of one region's data, with errors an editor can act on.

The schema (`smartcity/data/region.schema.json`, draft 2020-12; editors' tools use the
identical copy `data/schema/region.schema.json`) is the contract;
this module turns jsonschema's errors into `Problem`s with stable codes and
plain-language parameters.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import functools
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

import fastjsonschema
from fastjsonschema.draft04 import CodeGeneratorDraft04
from fastjsonschema.draft07 import CodeGeneratorDraft07
from fastjsonschema.ref_resolver import RefResolver

from smartcity import DATA_DIR
from smartcity.validation.problems import Problem, problem
from smartcity.validation.yamlstrict import Document

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

SCHEMA_PATH = DATA_DIR / "region.schema.json"

TYPE_NAMES = {
    "string": ("teks", "text"), "integer": ("bilangan bulat", "a whole number"),
    "number": ("angka", "a number"), "boolean": ("true atau false", "true or false"),
    "object": ("kumpulan kolom (kunci: nilai)", "a group of fields (key: value)"),
    "array": ("daftar (butir diawali tanda -)", "a list (items starting with -)"),
    "null": ("kosong", "empty"),
}

PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": ("huruf kecil, angka dan tanda hubung, mis. kota-pekalongan",
                                 "lowercase letters, digits and hyphens, e.g. kota-pekalongan"),
    "^[0-9]{2}\\.[0-9]{2}$": ("kode PP.RR dalam tanda kutip, mis. \"33.75\"", "a PP.RR code in quotes, e.g. \"33.75\""),
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": ("tanggal TTTT-BB-HH, mis. 2021-05-27", "a date YYYY-MM-DD, e.g. 2021-05-27"),
    "^[0-9]{4}-[12]$": ("tahun-tahap, mis. 2021-1 atau 2021-2", "year-round, e.g. 2021-1 or 2021-2"),
    "^https?://[^\\s<>\"]+$": ("alamat web yang diawali http:// atau https://", "a web address starting with http:// or https://"),
    "^https://[^\\s<>\"'`\\\\]+$": ("alamat web yang diawali https://", "a web address starting with https://"),
    "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$": ("alamat surel, mis. smartcity@pekalongankota.go.id",
                                                       "an e-mail address, e.g. smartcity@pekalongankota.go.id"),
    "^\\+?[0-9]{6,15}$": (
        "nomor telepon: angka saja, boleh diawali +, dalam tanda kutip, mis. \"+6281234567890\"",
        "a phone number: digits only, optionally starting with +, in quotes, e.g. \"+6281234567890\""),
    "^[a-z_]+$": ("huruf kecil dan garis bawah, mis. city_appearance",
                  "lowercase letters and underscores, e.g. city_appearance"),
}


@cache
def _schema() -> dict[str, Any]:
    with SCHEMA_PATH.open(encoding="utf-8") as handle:
        return json.load(handle)


def load_schema() -> dict[str, Any]:
    """A copy of the schema: callers may change it (some libraries do, in place)."""
    return copy.deepcopy(_schema())


def resolve_ref(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """`node` with its `$ref` (`#/$defs/...`) replaced by what it points at; its own keywords win."""
    ref = node.get("$ref")
    if not ref:
        return node
    target: Any = schema
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return {**resolve_ref(target, schema), **{k: v for k, v in node.items() if k != "$ref"}}


LONG_TEXT_FROM = 1000  # a text field allowing at least this many characters is prose


@cache
def long_text_fields() -> frozenset[str]:
    """Names of the fields that hold prose (line breaks and tabs allowed): every
    string property of that name in the schema allows LONG_TEXT_FROM characters."""
    lengths: dict[str, set[int]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if isinstance(sub, dict) and sub.get("type") == "string":
                    lengths.setdefault(name, set()).add(sub.get("maxLength", 0))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(_schema())
    return frozenset(name for name, found in lengths.items() if min(found) >= LONG_TEXT_FROM)


def _is_whole_number(_: Any, value: Any) -> bool:
    """JSON Schema counts 2019.0 as an integer; a year or a count written that way
    is a mistake here (and would be shown as "2019.0"), so only true integers pass."""
    return isinstance(value, int) and not isinstance(value, bool)


@cache
def _full_match(pattern: str) -> re.Pattern[str]:
    # In ECMA-262, as JSON Schema means it, `$` ends the text; in Python it also
    # matches before a final newline, which let "33.75\n" through as a code.
    return re.compile(pattern[:-1] + "\\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    from jsonschema.exceptions import ValidationError

    if isinstance(instance, str) and not _full_match(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _validator() -> Any:
    # jsonschema is imported only when a file needs the precise pass (~45 ms per process)
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.validators import extend

    strict = extend(Draft202012Validator, validators={"pattern": _pattern},
                    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_whole_number))
    return strict(_schema(), format_checker=FormatChecker(formats=["date"]))


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


class _StrictIntegerCode(CodeGeneratorDraft07):
    """Draft-07 code, but `integer` means a Python int as in draft-04: since
    draft-06, 2019.0 counts as an integer, which this project refuses."""

    def generate_type(self) -> None:
        CodeGeneratorDraft04.generate_type(self)

    # This validator only says "valid"; the precise pass says what is wrong and where.
    # Stock code writes each error's message, with the whole schema definition at that
    # point, into the generated source (0.9 MB of Python to compile, ~0.13 s per process),
    # and names the value on every call inside lists (`str.format(**locals())`, a fifth of
    # the validator's time). Neither is needed to say "invalid".

    def exc(self, msg: str, *args: Any, append_to_msg: str | None = None, rule: str | None = None) -> None:
        self.l('raise JsonSchemaValueException("invalid")')

    def generate_ref(self) -> None:
        with self._resolver.in_scope(self._definition["$ref"]):
            name = self._resolver.get_scope_name()
            uri = self._resolver.get_uri()
            if uri not in self._validation_functions_done:
                self._needed_validation_functions[uri] = name
            self.l('{}({variable}, custom_formats, "data")', name)


@cache
def _fast_validator() -> Callable[[Any], Any]:
    """The schema compiled to Python by fastjsonschema: ~30x faster, stops at the
    first error. Only used to say "valid"; any failure goes to the precise pass.
    The schema uses only keywords whose meaning is the same in draft-07; integers
    are strict, patterns anchored at the very end, as in the precise pass."""
    schema = load_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    resolver = RefResolver.from_schema(schema, handlers={}, store={})
    formats = {"date": _is_date}
    code = _StrictIntegerCode(schema, resolver=resolver, formats=formats)
    state = code.global_state
    exec(code.func_code, state)  # what fastjsonschema.compile does, with the generator above
    return functools.partial(state[resolver.get_scope_name()], custom_formats=formats)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _type_hint(expected: str, value: Any) -> tuple[str, str]:
    if expected == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return (f"; tulis dalam tanda kutip, mis. \"{value}\"", f"; write it in quotes, e.g. \"{value}\"")
    if expected == "number" and isinstance(value, str) and re.fullmatch(r"[0-9]{1,3}([.,][0-9]{3})+", value):
        digits = re.sub(r"[.,]", "", value)
        return (f"; tulis tanpa titik pemisah, mis. {digits}", f"; write it without separators, e.g. {digits}")
    if expected == "integer" and isinstance(value, float) and value.is_integer():
        return (f"; tulis {int(value)}, bukan {value}", f"; write {int(value)}, not {value}")
    words = ("yes", "no", "on", "off", "y", "n", "ya", "tidak")
    if expected == "boolean" and isinstance(value, str) and value.lower() in words:
        return ("; gunakan true atau false", "; use true or false")
    return ("", "")


def _problems_for(error: ValidationError, doc: Document, file: str) -> list[Problem]:
    path = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    if kind == "required":
        missing = [name for name in error.validator_value if not isinstance(value, dict) or name not in value]
        return [problem(file, doc.locate(path), "E-REQUIRED", path + (name,), field=name) for name in missing]
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        out = []
        for name in sorted(set(value) - set(allowed)):
            close = difflib.get_close_matches(name, allowed, n=1)
            known = ", ".join(allowed)
            out.append(problem(file, doc.locate(path + (name,), key=True), "E-UNKNOWN-FIELD", path + (name,),
                               field=name,
                               hint=f" — maksud Anda {close[0]!r}?" if close else f"; kolom yang dikenal: {known}",
                               hint_en=f" — did you mean {close[0]!r}?" if close else f"; known fields: {known}"))
        return out
    position = doc.locate(path)
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        actual = _json_type(value)
        if expected == "number" and actual == "integer":
            return []
        hint_id, hint_en = _type_hint(expected, value)
        return [problem(file, position, "E-TYPE", path,
                        expected=TYPE_NAMES[expected][0], actual=TYPE_NAMES[actual][0],
                        expected_en=TYPE_NAMES[expected][1], actual_en=TYPE_NAMES[actual][1],
                        hint=hint_id, hint_en=hint_en)]
    if kind == "enum":
        allowed_values = ", ".join(map(str, error.validator_value))
        return [problem(file, position, "E-ENUM", path, value=value, allowed=allowed_values)]
    if kind == "const":
        return [problem(file, position, "E-CONST", path, expected=error.validator_value)]
    if kind == "pattern":
        hint = PATTERN_HINTS.get(error.validator_value, (error.validator_value, error.validator_value))
        return [problem(file, position, "E-PATTERN", path, value=value, hint=hint[0], hint_en=hint[1])]
    if kind == "format":
        return [problem(file, position, "E-DATE", path, value=value)]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        sign = {"minimum": "≥", "maximum": "≤", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}[kind]
        return [problem(file, position, "E-RANGE", path, value=value, bound=f"{sign} {error.validator_value}")]
    if kind in ("minLength", "maxLength"):
        sign = "≥" if kind == "minLength" else "≤"
        return [problem(file, position, "E-LENGTH", path, length=len(value), bound=f"{sign} {error.validator_value}")]
    if kind == "maxItems":
        return [problem(file, position, "E-TOO-MANY", path, count=len(value), limit=error.validator_value)]
    return [problem(file, position, "E-SCHEMA", path, detail=error.message[:200])]


def is_valid_fast(data: Any) -> bool:
    """True when the compiled schema validator accepts the data."""
    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def check_schema(doc: Document, file: str, fast: bool = False) -> list[Problem]:
    """Every schema problem of one document, at most one per field path. With
    `fast` (worth its ~0.2 s set-up only for many files), valid documents are
    recognised by the compiled validator first."""
    if fast and is_valid_fast(doc.data):
        return []
    return precise_problems(doc, file)


def precise_problems(doc: Document, file: str) -> list[Problem]:
    """Every schema problem with its position, at most one per field."""
    problems: list[Problem] = []
    seen_paths: set[tuple] = set()
    for error in sorted(_validator().iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path]):
        for found in _problems_for(error, doc, file):
            key = (found.path, found.code if found.code in ("E-REQUIRED", "E-UNKNOWN-FIELD") else "")
            if key in seen_paths:
                continue
            seen_paths.add(key)
            problems.append(found)
    return problems
