"""The field reference of the contributor guide, read from the JSON Schema so
that the guide cannot drift from what the validator checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smartcity.formatting import number
from smartcity.validation.schema import load_schema, resolve_ref


@dataclass(frozen=True)
class FieldDoc:
    """One field of the region file as the contributors' guide lists it."""
    path: str           # e.g. pillars.<pilar>.strategies[].programs[].horizon
    depth: int
    title: str
    description: str
    required: bool
    kind: str           # plain-language type, with the allowed values


def _kind(node: dict[str, Any]) -> str:
    if "enum" in node:
        names = node.get("x-labels", {})
        return "salah satu: " + ", ".join(f"{value} ({names[value]})" if value in names else str(value)
                                          for value in node["enum"])
    if "const" in node:
        return f"tetap: {node['const']}"
    names = {"string": "teks", "integer": "bilangan bulat", "number": "angka", "boolean": "true/false",
             "object": "kelompok kolom", "array": "daftar"}
    kind = names.get(node.get("type", ""), node.get("type", ""))
    if node.get("format") == "date":
        kind = "tanggal TTTT-BB-HH"
    if "minimum" in node and "maximum" in node:
        low, high = node["minimum"], node["maximum"]   # years stay as years (2017–2100)
        kind += f" ({low}–{high})" if max(abs(low), abs(high)) < 10000 else f" ({number(low)}–{number(high)})"
    if "maxLength" in node and node.get("type") == "string":
        kind += f", maks. {number(node['maxLength'])} karakter"
    if "maxItems" in node:
        kind += f", maks. {number(node['maxItems'])} butir"
    return kind


def schema_fields() -> list[FieldDoc]:
    """Every field of the schema, in file order, with its title and description."""
    schema = load_schema()
    out: list[FieldDoc] = []
    pillar_keys = list(schema["properties"]["pillars"]["properties"])

    def walk(node: dict[str, Any], path: str, depth: int, required: bool) -> None:
        node = resolve_ref(node, schema)
        if path:
            out.append(FieldDoc(path, depth, node.get("title", ""), node.get("description", ""), required,
                                _kind(node)))
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            items = resolve_ref(node["items"], schema)
            if items.get("type") == "object":
                for name, child in items.get("properties", {}).items():
                    walk(child, f"{path}[].{name}", depth + 1, name in items.get("required", ()))
            return
        properties = node.get("properties", {})
        if path == "pillars":  # six pillars of the same shape: document one as <pilar>
            out.extend(FieldDoc(f"pillars.{key}", depth + 1, properties[key]["title"], properties[key]["description"],
                                False, "kelompok kolom") for key in pillar_keys)
            for name, child in properties[pillar_keys[0]].get("properties", {}).items():
                walk(child, f"pillars.<pilar>.{name}", depth + 1, False)
            return
        for name, child in properties.items():
            walk(child, f"{path}.{name}" if path else name, depth + 1, name in node.get("required", ()))

    walk(schema, "", 0, True)
    return out
