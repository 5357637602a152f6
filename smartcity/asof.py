"""The "as of" date of a build: the day the data is compiled.

Every figure that depends on today (overdue programmes, data age, measured
values "not from the future") uses this date. It comes from `SOURCE_DATE_EPOCH`
when set (the reproducible-builds convention), so that two builds of the same
data with the same value write the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os

from smartcity.settings import source_date


def as_of_date() -> dt.date:
    """`SOURCE_DATE_EPOCH` (seconds since 1970, UTC) as a date; else today (UTC). A malformed
    value raises `settings.SettingError`, naming the variable."""
    return source_date(os.environ.get("SOURCE_DATE_EPOCH", "").strip()) or dt.datetime.now(dt.UTC).date()
