"""The stock-MkDocs reference for the benchmark: the same region pages' content
as plain Markdown (headings, paragraphs, Markdown tables), a minimal nav, stock
Material with its search plugin, no hooks and no macros."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from smartcity.figures.aggregate import programs_by_horizon
from smartcity.labels import STATUS_LABELS
from smartcity.model import Program, Region
from smartcity.reference import Reference
from smartcity.site.pages.region import region_pages

CONFIG = """site_name: Reference
theme:
  name: material
  language: id
  font: false
plugins:
  - search
nav:
  - Home: index.md
validation:
  nav:
    omitted_files: ignore
  links:
    not_found: ignore
"""


def cell(text: object) -> str:
    """Text as a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\\\|") if text is not None else "–"


def program_rows(programs: Iterable[Program], pillar_label: str | None = None) -> list[str]:
    """Programmes as a Markdown table."""
    head = "| Program | " + ("Pilar | " if pillar_label is not None else "") + "Perangkat daerah | Tahun | Status |"
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for p in programs:
        years = f"{p.start}–{p.end}" if p.start else "–"
        rows.append(f"| {cell(p.title)} {cell(p.description) if p.description else ''} | "
                    + (f"{pillar_label} | " if pillar_label is not None else "")
                    + f"{cell(p.agency)} | {years} | {STATUS_LABELS[p.status]} |")
    return rows


def region_markdown(region: Region, reference: Reference) -> dict[str, str]:
    """One region page's content as plain Markdown."""
    out: dict[str, str] = {}
    for page in region_pages(reference):
        lines = [f"# {page.label}: {region.name}", ""]
        if page.slug == "":
            lines += ["## Ringkasan", "", cell(region.summary), "", "## Visi", "", cell(region.vision), ""]
            lines += [f"- {cell(m.text)}" for m in region.missions] + [""]
        elif page.slug == "analisis":
            lines += ["## Profil", "", cell(region.profile), "", "## SWOT", ""]
            for name in ("strengths", "weaknesses", "opportunities", "threats"):
                lines += [f"### {name}", ""] + [f"- {cell(i.text)}" for i in getattr(region.swot, name)] + [""]
        elif page.slug == "peta-jalan":
            for horizon, rows in programs_by_horizon(region).items():
                lines += [f"## {horizon}", ""] + program_rows([p for p, _ in rows], "x") + [""]
        elif page.pillar:
            pillar = region.pillar(page.pillar)
            lines += ["## Sasaran", ""] + [f"- {cell(g.text)}" for g in pillar.goals] + ["", "## Strategi", ""]
            for strategy in pillar.strategies:
                lines += [f"### {cell(strategy.title)}", "", cell(strategy.description), ""]
                lines += program_rows(strategy.programs) + [""]
            lines += ["## Quick wins", ""] + [f"- **{cell(q.title)}** {cell(q.description)}" for q in pillar.quick_wins]
        elif page.slug == "quick-wins":
            for p in region.pillars:
                lines += [f"## {p.key}", ""]
                lines += [f"- **{cell(q.title)}** {cell(q.description)}" for q in p.quick_wins] + [""]
        else:
            for e in region.evaluations:
                lines += [f"## {e.period}", "", cell(e.summary), ""]
        out[f"wilayah/{region.id}/{page.slug or 'index'}.md"] = "\n".join(lines) + "\n"
    return out


def write_reference_project(folder: Path, regions: tuple[Region, ...], reference: Reference) -> None:
    """A stock MkDocs project with the same region pages as Markdown."""
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Reference\n", encoding="utf-8")
    for region in regions:
        for path, text in region_markdown(region, reference).items():
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
