"""What changed in a region's data from one version of its file to the next, in
words a reader understands: "Status program "…": Berjalan → Selesai". Versions
come from git (history.py); commit subjects and authors are not shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from smartcity.formatting import number, rupiah_short, score
from smartcity.history.git import Commit
from smartcity.labels import RISK_STATUS_LABELS, STATUS_LABELS
from smartcity.model import STATUSES
from smartcity.text import CONTROL_IN_TEXT
from smartcity.validation.past import read_past_version


@dataclass(frozen=True)
class ChangeGroup:
    """The changes one commit made to a region's data."""
    date: dt.date
    sha: str
    changes: tuple[str, ...]
    unreadable: bool = False     # this version did not parse: skipped
    date_clamped: bool = False   # the commit's own date was implausible: `date` is the bound it was moved to


@dataclass(frozen=True)
class RegionHistory:
    """A region's data changes, newest first, and how far back they reach."""
    groups: tuple[ChangeGroup, ...]
    available: bool              # git history was found for the file
    truncated: bool              # older versions exist than were read (shallow clone or the limit)


Items = dict[str, dict[str, tuple[Any, ...]]]


RISK_STATUSES = tuple(RISK_STATUS_LABELS)


class Untyped(ValueError):
    """A compared field of a past version has the wrong type: the version is skipped."""


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or CONTROL_IN_TEXT.search(value):
        raise Untyped(value)
    return value


def _status(value: Any, allowed: tuple[str, ...]) -> str | None:
    if value is not None and not (isinstance(value, str) and value in allowed):
        raise Untyped(value)
    return value


def _number(value: Any) -> float | int | None:
    """An amount or score as a finite number; None when absent; anything else (text, a list,
    .inf, a boolean) raises Untyped."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value or abs(value) >= 1e18:
        raise Untyped(value)
    return value


def _is_number(value: Any) -> bool:
    try:
        return _number(value) is not None
    except Untyped:
        return False


# What the history compares of an item, as a tuple (small to cache, quick to load and compare):
# a programme (title, status, planned amount, realised amount); a quick win or a risk
# (title, status); an evaluation round (final score,); a measured value of an indicator, by
# indicator and year (indicator name, year, value, unit).
Item = tuple[Any, ...]
TITLE, STATUS, AMOUNT, REALISED = 0, 1, 2, 3


def _keep(item: dict[str, Any], statuses: tuple[str, ...]) -> Item:
    """The title and status of an item, typed: a past version is read, not trusted."""
    return _text(item.get("title")), _status(item.get("status"), statuses)


def _items(data: dict[str, Any]) -> Items:
    """What the history compares of one version: programmes, quick wins, evaluations and risks,
    by id (period for evaluations), with only the fields it reports on."""
    found: Items = {"program": {}, "quick_win": {}, "evaluation": {}, "risk": {}, "measure": {}}
    pillars: dict[str, Any] = data["pillars"] if isinstance(data.get("pillars"), dict) else {}
    for pillar in pillars.values():
        pillar = pillar if isinstance(pillar, dict) else {}
        for goal in _list(pillar.get("goals")):
            indicator = goal.get("indicator") if isinstance(goal, dict) else None
            if not isinstance(indicator, dict) or not isinstance(indicator.get("name"), str):
                continue
            name, unit = _text(indicator["name"]), indicator.get("unit")
            for actual in _list(indicator.get("actuals")):
                year = actual.get("year") if isinstance(actual, dict) else None
                if isinstance(year, int) and not isinstance(year, bool):
                    found["measure"][f"{name}\x1f{year}"] = (name, year, _number(actual.get("value")),
                                                             _text(unit) if isinstance(unit, str) else None)
        for strategy in _list(pillar.get("strategies")):
            for program in _list(strategy.get("programs")) if isinstance(strategy, dict) else []:
                if isinstance(program, dict) and isinstance(program.get("id"), str):
                    budget: dict[str, Any] = program["budget"] if isinstance(program.get("budget"), dict) else {}
                    found["program"][program["id"]] = (*_keep(program, STATUSES), _number(budget.get("amount")),
                                                       _number(budget.get("realised")))
        for quick_win in _list(pillar.get("quick_wins")):
            if isinstance(quick_win, dict) and isinstance(quick_win.get("id"), str):
                found["quick_win"][quick_win["id"]] = _keep(quick_win, STATUSES)
    for evaluation in _list(data.get("evaluations")):
        if isinstance(evaluation, dict) and isinstance(evaluation.get("period"), str):
            scores: dict[str, Any] = evaluation["scores"] if isinstance(evaluation.get("scores"), dict) else {}
            found["evaluation"][evaluation["period"]] = (_number(scores.get("final")),)
    for risk in _list(data.get("risks")):
        if isinstance(risk, dict) and isinstance(risk.get("id"), str):
            found["risk"][risk["id"]] = _keep(risk, RISK_STATUSES)
    return found


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def version_items(raw: bytes | None) -> Items | None:
    """The compared items of one version of a file, or None when it cannot be read: read
    with the current version's reader and limits (validation.past), then typed field by field."""
    if raw is None:
        return None
    data = read_past_version(raw)
    if data is None:
        return None
    try:
        return _items(data)
    except Untyped:
        return None


def _title(item: Item) -> str:
    return f"“{item[TITLE] or '?'}”"


def _money(value: Any) -> str:
    return rupiah_short(value) if _is_number(value) else "tidak dicantumkan"


def _delta(old: Any, new: Any) -> str:
    """" (+Rp 80 juta)" between two amounts; nothing when either is missing."""
    if not (_is_number(old) and _is_number(new)):
        return ""
    change = new - old
    return f" ({'+' if change > 0 else '−'}{rupiah_short(abs(change))})"


def _changed(before: dict[str, Item], after: dict[str, Item]) -> list[tuple[str, Item, Item | None]]:
    """(key, item, its previous form or None when new) for every item that is new or differs:
    most items are unchanged from one version to the next, and tuples compare in C."""
    return [(key, item, before.get(key)) for key, item in after.items() if before.get(key) != item]


def _status_changes(changed: list[tuple[str, Item, Item | None]], added: str, label: str,
                    labels: dict[str, str]) -> list[str]:
    """Items added, and items whose status changed, as "<added> “title”" and
    "<label> “title”: old → new"."""
    out: list[str] = []
    for _, item, old in changed:
        if old is None:
            out.append(f"{added}: {_title(item)}")
        elif old[STATUS] != item[STATUS] and item[STATUS] is not None:
            out.append(f"{label} {_title(item)}: {labels.get(str(old[STATUS]), '?')} → {labels[item[STATUS]]}")
    return out


def _removed(before: dict[str, Item], after: dict[str, Item], label: str) -> list[str]:
    return [f"{label}: {_title(item)}" for key, item in before.items() if key not in after]


def _budget_changes(changed: list[tuple[str, Item, Item | None]]) -> list[str]:
    out: list[str] = []
    for _, program, old in changed:
        if old is None:
            continue
        if old[AMOUNT] != program[AMOUNT]:
            out.append(f"Anggaran {_title(program)}: {_money(old[AMOUNT])} → {_money(program[AMOUNT])}"
                       f"{_delta(old[AMOUNT], program[AMOUNT])}")
        if old[REALISED] != program[REALISED]:
            out.append(f"Realisasi {_title(program)}: {_money(old[REALISED])} → {_money(program[REALISED])}"
                       f"{_delta(old[REALISED], program[REALISED])}")
    return out


_RISK_LABELS = {key: label.lower() for key, label in RISK_STATUS_LABELS.items()}


def diff(before: Items, after: Items) -> tuple[str, ...]:
    """The changes from one version's items to the next, in Indonesian."""
    programs = _changed(before["program"], after["program"])
    out = _status_changes(programs, "Program baru", "Status program", STATUS_LABELS)
    out += _budget_changes(programs)
    out += _removed(before["program"], after["program"], "Program dihapus")
    out += _status_changes(_changed(before["quick_win"], after["quick_win"]), "Quick win baru", "Status quick win",
                           STATUS_LABELS)
    out += _removed(before["quick_win"], after["quick_win"], "Quick win dihapus")
    for period, (final,) in after["evaluation"].items():
        if period not in before["evaluation"]:
            value = f" (nilai akhir {score(final)})" if _is_number(final) else ""
            out.append(f"Evaluasi {_round_label(period)} ditambahkan{value}")
    out += _status_changes(_changed(before["risk"], after["risk"]), "Risiko baru", "Risiko", _RISK_LABELS)
    out += _measure_changes(before["measure"], after["measure"])
    return tuple(out)


def _measured(item: Item) -> str:
    name, year, value, unit = item
    shown = number(value, 2).rstrip("0").rstrip(",") if _is_number(value) else "tidak dicantumkan"
    return f"“{name or '?'}” {year}: {shown}{' ' + unit if unit else ''}"


def _measure_changes(before: dict[str, Item], after: dict[str, Item]) -> list[str]:
    """Measured values of indicators: new ones, and changed ones."""
    out = []
    for key, item in after.items():
        old = before.get(key)
        if old is None:
            out.append(f"Nilai terukur baru {_measured(item)}")
        elif old != item:
            out.append(f"Nilai terukur {_measured(old)} → {_measured(item).split(': ', 1)[1]}")
    return out


def _round_label(period: str) -> str:
    """2024-2 → 2024 Tahap II, as the pages write rounds; anything else as written."""
    year, _, half = period.partition("-")
    return f"{year} Tahap {'I' if half == '1' else 'II'}" if len(year) == 4 and year.isdigit() and half in "12" \
        and half else period


def region_history(versions: list[tuple[Commit, Items | None]], available: bool, truncated: bool) -> RegionHistory:
    """Versions newest first (their compared items; None: did not parse) → the changes of each,
    newest first. An unreadable version is listed as skipped; the next readable one is compared
    with the last readable."""
    groups = []
    previous: Items | None = None
    for index, (commit, items) in enumerate(reversed(versions)):   # oldest first
        day = commit.date.date()
        if items is None:
            groups.append(ChangeGroup(day, commit.sha, (), unreadable=True, date_clamped=commit.clamped))
            continue
        changes: tuple[str, ...]
        if previous is None:
            changes = ("Data wilayah mulai dicatat",) if index == 0 and not truncated else ()
        else:
            changes = diff(previous, items)
        previous = items
        if changes:
            groups.append(ChangeGroup(day, commit.sha, changes, date_clamped=commit.clamped))
    return RegionHistory(tuple(reversed(groups)), available, truncated)
