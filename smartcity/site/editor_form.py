"""The web editor's form (/sunting/, Decap CMS), generated from the region schema at build
time and never written by hand: labels and hints are the schema's Indonesian titles and
descriptions, enums are selects with the schema's own labels (`x-labels`), dates are date
pickers, and a strategy's or quick win's element is a select of its pillar's elements.

Decap checks what a form can check (required fields, patterns, ranges, list sizes); the
rules it cannot (ids referenced elsewhere in the file, notes oldest first, a channel's
address by its kind) are the validator's, which runs on every pull request and annotates
the lines. `LEFT_OUT` lists what the form deliberately does not offer, with the reason; a
test holds every field of the schema to the form or to that list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from smartcity.reference import Reference
from smartcity.site.sitedata import SiteData
from smartcity.validation.schema import PATTERN_HINTS, load_schema, resolve_ref

COLLECTION = "wilayah"
FORMAT = "smartcity-yaml"       # registered by docs/assets/sunting/editor.js
EDITOR_PAGE = "sunting/index.html"

# Schema paths ("pillars.*.strategies[].element") → why the form leaves them out.
LEFT_OUT: dict[str, str] = {
    "feedback[].allOf": "Alamat yang wajib menurut jenis kanal (url, address atau number) diperiksa "
                        "validator pada pull request, bukan oleh formulir.",
}
# Fields the form keeps as they are without showing them.
HIDDEN: dict[str, str] = {
    "schema": "Versi format berkas; tetap 1.",
    "sample": "Penanda data contoh bawaan proyek; bukan untuk wilayah sungguhan.",
}
# The singular an "add" button names ("Tambah program").
SINGULAR = {
    "missions": "misi", "strengths": "kekuatan", "weaknesses": "kelemahan", "opportunities": "peluang",
    "threats": "ancaman", "goals": "sasaran", "actuals": "nilai terukur", "strategies": "strategi",
    "programs": "program", "updates": "catatan kemajuan", "quick_wins": "quick win", "evaluations": "evaluasi",
    "sources": "sumber", "risks": "risiko", "feedback": "kanal aduan", "rpjmd": "misi RPJMD",
}
LONG_TEXT = 300   # a longer maximum: a text area


@dataclass(frozen=True)
class EditorSettings:
    """What the editor page needs from the build's settings."""
    repository: str = ""      # https://github.com/owner/name, or empty
    branch: str = "main"
    auth_url: str = ""        # the OAuth endpoint (SMARTCITY_CMS_AUTH_URL), or empty
    site_url: str = ""
    folder: str = "data/regions"

    def missing(self) -> list[str]:
        """What an operator still has to set for the editor to save, in Indonesian."""
        out = []
        if not self.repository:
            out.append("alamat repositori GitHub situs ini (SMARTCITY_REPOSITORY)")
        elif urlsplit(self.repository).hostname != "github.com":
            out.append("repositori di github.com (editor web hanya mendukung GitHub; "
                       f"SMARTCITY_REPOSITORY sekarang {self.repository})")
        if not self.auth_url:
            out.append("alamat layanan masuk GitHub (SMARTCITY_CMS_AUTH_URL)")
        return out


def editor_settings(site: SiteData, site_url: str) -> EditorSettings:
    """The editor's settings from the build's: the repository, its sign-in, and the folder of
    region files in it (where the published pages say they are)."""
    folder = str(PurePosixPath(site.regions[0].source_file).parent) if site.regions else "data/regions"
    return EditorSettings(site.repository.url, site.repository.branch, site.repository.editor_auth_url, site_url,
                          folder)


def _summary(item: dict[str, Any]) -> str | None:
    fields = set(item.get("properties", {}))
    for wanted, template in ((("id", "title"), "{{fields.id}} · {{fields.title}}"),
                             (("title",), "{{fields.title}}"), (("text",), "{{fields.text}}"),
                             (("date", "status"), "{{fields.date}} · {{fields.status}}"),
                             (("year", "value"), "{{fields.year}}: {{fields.value}}"),
                             (("period",), "{{fields.period}}"), (("channel",), "{{fields.channel}}"),
                             (("id",), "{{fields.id}}")):
        if set(wanted) <= fields:
            return template
    return None


class _FormBuilder:
    def __init__(self, schema: dict[str, Any], reference: Reference) -> None:
        self.schema = schema
        self.reference = reference
        self.paths: list[str] = []   # every schema path the form covers (for the test)

    def field(self, name: str, node: dict[str, Any], path: str, required: bool,
              pillar: str | None) -> dict[str, Any]:
        node = resolve_ref(node, self.schema)
        self.paths.append(path)
        out: dict[str, Any] = {"name": name, "label": node.get("title", name), "required": required}
        if node.get("description"):
            out["hint"] = node["description"]
        if path in HIDDEN:
            out.update(widget="hidden", required=False)
            if "const" in node:
                out["default"] = node["const"]
            return out
        kind = node.get("type")
        if "enum" in node:
            labels = node.get("x-labels", {})
            out.update(widget="select", options=[{"label": labels.get(v, str(v)), "value": v} for v in node["enum"]])
        elif name == "element" and pillar is not None:
            elements = self.reference.pillar(pillar).elements
            out.update(widget="select", options=[{"label": e.label, "value": e.key} for e in elements])
        elif kind == "string" and node.get("format") == "date":
            out.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False,
                       picker_utc=True)
        elif kind == "string":
            out["widget"] = "text" if node.get("maxLength", 0) > LONG_TEXT else "string"
            if "pattern" in node:
                hint = PATTERN_HINTS.get(node["pattern"], (f"pola {node['pattern']}",))[0]
                # Decap writes "<label> tidak sesuai format: <this>."
                out["pattern"] = [node["pattern"], f"isi dengan {hint.replace(' dalam tanda kutip', '')}"]
        elif kind in ("integer", "number"):
            out.update(widget="number", value_type="int" if kind == "integer" else "float")
            for bound in ("minimum", "maximum"):
                if bound in node:
                    out[bound[:3]] = node[bound]
            if kind == "integer":
                out["step"] = 1
        elif kind == "boolean":
            out["widget"] = "boolean"
        elif kind == "object":
            out.update(widget="object", collapsed=not required,
                       fields=self.fields(node, path, present=required, pillar=pillar))
        elif kind == "array":
            out.update(self.list_field(name, node, path, pillar))
        else:
            raise ValueError(f"the editor's form has no widget for {path} ({kind})")
        return out

    def list_field(self, name: str, node: dict[str, Any], path: str, pillar: str | None) -> dict[str, Any]:
        item = resolve_ref(node["items"], self.schema)
        out: dict[str, Any] = {"widget": "list", "collapsed": True,
                               "label_singular": SINGULAR.get(name, node.get("title", name).lower())}
        if "maxItems" in node:
            out["max"] = node["maxItems"]
        if item.get("type") == "object":
            self.paths.append(f"{path}[]")
            out["fields"] = self.fields(item, f"{path}[]", present=True, pillar=pillar)
            summary = _summary(item)
            if summary:
                out["summary"] = summary
        else:
            one = self.field(name, item, f"{path}[]", True, pillar)
            one.pop("hint", None)
            out["field"] = one
        return out

    def fields(self, node: dict[str, Any], path: str, present: bool, pillar: str | None) -> list[dict[str, Any]]:
        """The fields of an object. `present`: the object is always there (the file itself, a
        list item, a required group), so its required fields are required in the form; inside
        an optional group they are not, or the form would refuse to save without the group."""
        node = resolve_ref(node, self.schema)
        required = set(node.get("required", ())) if present else set()
        out = []
        for name, child in node.get("properties", {}).items():
            child_path = f"{path}.{name}" if path else name
            child_pillar = name if path == "pillars" else pillar
            out.append(self.field(name, child, child_path, name in required, child_pillar))
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in node and f"{path}.{keyword}" not in LEFT_OUT:
                raise ValueError(f"the editor's form cannot express {path}.{keyword}: list it in LEFT_OUT")
        return out


def form_fields(reference: Reference) -> tuple[list[dict[str, Any]], list[str]]:
    """The form's fields, and every schema path they cover."""
    builder = _FormBuilder(load_schema(), reference)
    fields = builder.fields(builder.schema, "", present=True, pillar=None)
    return fields, builder.paths


def _backend(settings: EditorSettings) -> dict[str, Any]:
    parts = urlsplit(settings.repository)
    backend: dict[str, Any] = {"name": "github", "repo": parts.path.strip("/") or "contoh/contoh",
                               "branch": settings.branch, "open_authoring": True, "squash_merges": True,
                               "cms_label_prefix": "sunting/",
                               "commit_messages": {
                                   "create": "Tambah {{collection}} {{slug}} (editor web)",
                                   "update": "Ubah data {{slug}} (editor web)",
                                   "delete": "Hapus {{collection}} {{slug}} (editor web)",
                                   "uploadMedia": "Unggah {{path}} (editor web)",
                                   "deleteMedia": "Hapus {{path}} (editor web)",
                                   "openAuthoring": "{{message}}"}}
    if settings.auth_url:
        auth = urlsplit(settings.auth_url)
        backend["base_url"] = f"{auth.scheme}://{auth.netloc}"
        if auth.path.strip("/"):
            backend["auth_endpoint"] = auth.path.strip("/")
    return backend


def editor_config(settings: EditorSettings, reference: Reference) -> dict[str, Any]:
    """Decap CMS's configuration (`CMS.init({config})`): the GitHub backend with the editorial
    workflow (every save a branch and a pull request) and open authoring (a fork for those
    without write access); on localhost, Decap's local backend (`npx decap-server`)."""
    fields, _ = form_fields(reference)
    config: dict[str, Any] = {
        "load_config_file": False,
        "locale": "id",
        "backend": _backend(settings),
        "publish_mode": "editorial_workflow",
        "local_backend": True,
        "media_folder": str(PurePosixPath(settings.folder) / "media"),
        "editor": {"preview": False},
        "collections": [{
            "name": COLLECTION, "label": "Wilayah", "label_singular": "wilayah",
            "description": "Satu berkas per kabupaten/kota. Pilih wilayah Anda, ubah isiannya, lalu Simpan: "
                           "perubahan menjadi pull request yang ditinjau sebelum terbit.",
            "folder": settings.folder, "extension": "yml", "format": FORMAT,
            "identifier_field": "id", "slug": "{{id}}", "summary": "{{name}} · {{province}}",
            "sortable_fields": ["name", "province", "updated"],
            "create": False, "delete": False, "fields": fields,
        }],
    }
    if settings.site_url:
        config["site_url"] = config["display_url"] = settings.site_url
    return config


def editor_fragment(region_id: str) -> str:
    """The part of the editor's address that opens one region's form. Decap opens an entry,
    not a field within it: a programme or quick win is found in the form under its pillar."""
    return f"#/collections/{COLLECTION}/entries/{region_id}"
