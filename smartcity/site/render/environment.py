"""The Jinja environment of the page templates: autoescaping, strict undefined values, the
site's filters and globals. Templates are compiled once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from smartcity.figures.national import latest_score
from smartcity.formatting import (
    data_age,
    date_id,
    fold,
    host,
    number,
    percent,
    rupiah,
    rupiah_short,
    score,
    size,
    years,
)
from smartcity.labels import (
    ASSESSMENTS,
    HORIZON_LABELS,
    LEVEL_LABELS,
    READINESS_LABELS,
    RISK_STATUS_LABELS,
    SCORE_LABELS,
    STAGE_HELP,
    STAGE_LABELS,
    STATUS_LABELS,
    SWOT_LABELS,
)
from smartcity.model import HORIZONS, STATUSES
from smartcity.site.addresses import (
    element_province_src,
    element_src,
    pillar_province_src,
    pillar_src,
    province_src,
    ranking_src,
)
from smartcity.site.render.landmarks import name_scroll_boxes
from smartcity.site.render.markup import (
    OVERDUE_BADGE,
    code_spans,
    contoh,
    overdue_badge,
    paragraphs,
    sources_list,
    status_badge,
)
from smartcity.site.render.trend_charts import SCORE_SERIES
from smartcity.text import xml_text

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Where templates are looked up, in order: the project's own first. A project or a test that
# adds page types of its own may add a folder of templates (then `environment.cache_clear()`).
TEMPLATE_DIRS: list[Path] = [TEMPLATES]


@cache
def environment() -> Environment:
    """The Jinja environment of the page templates, with autoescaping and the site's filters."""
    env = Environment(loader=FileSystemLoader([str(d) for d in TEMPLATE_DIRS]), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters.update(fold=fold, paragraphs=paragraphs, code_spans=code_spans, host=host,
                       date_id=date_id, number=number, rupiah=rupiah,
                       rupiah_short=rupiah_short, percent=percent, score=score, size=size, data_age=data_age,
                       xml_text=xml_text)
    env.globals.update(STATUS_LABELS=STATUS_LABELS, STATUSES=STATUSES, HORIZONS=HORIZONS,
                       LEVEL_LABELS=LEVEL_LABELS, RISK_STATUS_LABELS=RISK_STATUS_LABELS, STAGE_LABELS=STAGE_LABELS,
                       STAGE_HELP=STAGE_HELP, ASSESSMENTS=ASSESSMENTS, overdue_badge=overdue_badge,
                       OVERDUE_BADGE=OVERDUE_BADGE, SCORE_SERIES=SCORE_SERIES,
                       SCORE_LABELS=SCORE_LABELS, SWOT_LABELS=SWOT_LABELS, READINESS_LABELS=READINESS_LABELS,
                       HORIZON_LABELS=HORIZON_LABELS, years=years, status_badge=status_badge, contoh=contoh,
                       sources_list=sources_list, latest_score=latest_score, province_src=province_src,
                       ranking_src=ranking_src,
                       pillar_src=pillar_src, element_src=element_src,
                       pillar_province_src=pillar_province_src, element_province_src=element_province_src)
    return env


def finish(html: str) -> str:
    """Drop the templates' indentation and blank lines: fewer bytes per page."""
    return name_scroll_boxes("\n".join(line.strip() for line in html.splitlines() if line.strip()) + "\n")
