"""The Hugo reference for the benchmark: the stock-MkDocs reference's Markdown
(`reference_markdown`), built by Hugo with a minimal layout, so that the
project can be compared with the static-site generator people pick when
MkDocs gets slow. Hugo is not a project dependency: the benchmark uses it when
`hugo` is on the PATH (Debian: `apt-get install hugo`)."""

from __future__ import annotations

import shutil
from pathlib import Path

CONFIG = """baseURL = "https://reference.example.org/"
languageCode = "id"
title = "Reference"
disableKinds = ["taxonomy", "term"]
"""

PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{{ .Title }}</title></head>
<body><main>{{ .Content }}</main></body></html>
"""

LIST = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
"""


def write_hugo_project(markdown_docs: Path, folder: Path) -> Path:
    """A Hugo site whose content is the reference Markdown; returns its folder.

    Hugo reads a folder's `index.md` as a leaf bundle, whose sibling pages would
    not be rendered, so each `index.md` becomes `_index.md` (a branch bundle)."""
    if folder.exists():
        shutil.rmtree(folder)
    content = folder / "content"
    for source in sorted(markdown_docs.rglob("*.md")):
        relative = source.relative_to(markdown_docs)
        if relative.name == "index.md":
            relative = relative.with_name("_index.md")
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    layouts = folder / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(PAGE, encoding="utf-8")
    (layouts / "list.html").write_text(LIST, encoding="utf-8")
    (folder / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    return folder
