"""Goals' indicators against their measured values: baseline → latest actual → target.

The rule, stated on the site: the expected value in a year lies on the straight
line from the baseline (in its year) to the target (in the target year). An
indicator is *on track* when its latest measured value is at least the expected
value in the direction of the target, *achieved* when it has reached the
target, *behind* otherwise; once the target year has passed (before the "as of"
year) without the target reached, it is *missed*, not behind. Without measured
values it is *not measured yet*; a latest value measured before the baseline
year says nothing about the line and is not judged; without a baseline, a target
or their years (or with a target year not after the baseline year) it cannot be
judged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smartcity.labels import ASSESSMENTS
from smartcity.model import Actual, Indicator, Region


@dataclass(frozen=True)
class IndicatorAssessment:
    """An indicator judged against its target by the straight-line rule."""
    indicator: Indicator
    baseline_year: int | None       # given, else the masterplan's first year
    latest: Actual | None
    expected: float | None          # on the straight line, in the latest actual's year
    status: str                     # a key of ASSESSMENTS

    @property
    def label(self) -> str:
        """The judgement in Indonesian."""
        return ASSESSMENTS[self.status]


def assess(indicator: Indicator, region: Region, as_of: dt.date) -> IndicatorAssessment:
    """Judge an indicator of a region's goal as of a date (see the module's rule)."""
    baseline_year = indicator.baseline_year if indicator.baseline_year is not None else region.period.start
    latest = indicator.latest
    if latest is None:
        return IndicatorAssessment(indicator, baseline_year, None, None, "no_data")
    if latest.year < baseline_year:   # measured before the line starts: no judgement from it
        return IndicatorAssessment(indicator, baseline_year, latest, None, "not_assessable")
    base, target, target_year = indicator.baseline, indicator.target, indicator.year
    if target is not None and base is not None:  # without a baseline the direction is unknown
        rising = target >= base
        if (latest.value >= target) if rising else (latest.value <= target):
            return IndicatorAssessment(indicator, baseline_year, latest, target, "achieved")
    if base is None or target is None or target_year is None or target_year <= baseline_year:
        return IndicatorAssessment(indicator, baseline_year, latest, None, "not_assessable")
    share = min(1.0, max(0.0, (latest.year - baseline_year) / (target_year - baseline_year)))
    expected = base + (target - base) * share
    if target_year < as_of.year:      # the target year is over and the target was not reached
        return IndicatorAssessment(indicator, baseline_year, latest, target, "missed")
    on_track = latest.value >= expected if target >= base else latest.value <= expected
    return IndicatorAssessment(indicator, baseline_year, latest, round(expected, 4),
                               "on_track" if on_track else "behind")
