"""The JSON Schema of the published region JSON (`data/regions/<id>.json`), derived from the
typed model it is written from (`files.region_record`), so
that the two cannot drift apart. The schema of the YAML files describes what editors write;
this one describes what the site publishes: every field present, `null` or empty where the
file leaves it out, dates as ISO text. Every JSON download names it in `$schema`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Any

from smartcity import model

SCHEMA_FILE = "region-data.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _type_schema(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        inner = _type_schema(options[0], definitions)
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(kind)[0], definitions)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(typing.get_args(kind)[1], definitions)}
    if kind is str:
        return {"type": "string"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is float:
        return {"type": "number"}
    if kind is dt.date:
        return {"type": "string", "format": "date"}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        name = kind.__name__
        if name not in definitions:
            definitions[name] = {}   # recursion guard
            definitions[name] = _object(kind, definitions)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {kind!r}")


def _object(kind: Any, definitions: dict[str, Any], leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
    hints = typing.get_type_hints(kind)
    properties = {f.name: _type_schema(hints[f.name], definitions) for f in dataclasses.fields(kind)
                  if f.name not in leave_out}
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def region_data_schema() -> dict[str, Any]:
    """The schema of one published region record (see files.region_record for its layout)."""
    definitions: dict[str, Any] = {}
    region = _object(model.Region, definitions, leave_out=("source_file",))
    properties = region["properties"]
    # the record's own layout: analysis groups the profile and SWOT, pillars are keyed
    properties["analysis"] = {"type": "object", "properties": {"profile": properties.pop("profile"),
                                                               "swot": properties.pop("swot")},
                              "required": ["profile", "swot"], "additionalProperties": False}
    pillar = _object(model.PillarPlan, definitions, leave_out=("key",))
    properties["pillars"] = {"type": "object", "additionalProperties": pillar}
    properties["$schema"] = {"type": "string"}
    region["required"] = [name for name in properties if name != "$schema"]
    return {"$schema": DIALECT, "$id": SCHEMA_FILE, "title": "Masterplan smart city: data wilayah yang diterbitkan",
            "description": "Satu wilayah seperti diterbitkan di data/regions/<id>.json: setiap kolom ada, null atau "
                           "kosong bila tidak diisi; tanggal sebagai teks ISO (YYYY-MM-DD).",
            **region, "$defs": definitions}
