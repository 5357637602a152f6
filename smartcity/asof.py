"""The "as of" date of a build: the day the data is compiled.

Every figure that depends on today (overdue programmes, data age, measured
values "not from the future") uses this date. It comes from `SOURCE_DATE_EPOCH`
when set (the reproducible-builds convention), so that two builds of the same
data with the same value write the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os


def as_of_date() -> dt.date:
    """`SOURCE_DATE_EPOCH` (seconds since 1970, UTC) as a date; else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise SystemExit(f"SOURCE_DATE_EPOCH={epoch!r} bukan jumlah detik sejak 1970 "
                             "(is not a number of seconds since 1970)") from None
    return dt.datetime.now(dt.UTC).date()
