"""What changed in a region's data from one version of its file to the next, in
words a reader understands: "Status program "…": Berjalan → Selesai". Versions
come from git (history.py); commit subjects and authors are not shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from smartcity.model import STATUSES
from smartcity.site.formatting import RISK_STATUS_LABELS, STATUS_LABELS, rupiah_short, score
from smartcity.site.history import Commit
from smartcity.validation.past import read_past_version
from smartcity.validation.rules import CONTROL_IN_TEXT


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


Items = dict[str, dict[str, dict[str, Any]]]


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


def _keep(item: dict[str, Any], statuses: tuple[str, ...]) -> dict[str, Any]:
    """The title and status of an item, typed: a past version is read, not trusted."""
    return {"title": _text(item.get("title")), "status": _status(item.get("status"), statuses)}


def _items(data: dict[str, Any]) -> Items:
    """What the history compares of one version: programmes, quick wins, evaluations and risks,
    by id (period for evaluations), with only the fields it reports on (small to cache)."""
    found: Items = {"program": {}, "quick_win": {}, "evaluation": {}, "risk": {}}
    pillars: dict[str, Any] = data["pillars"] if isinstance(data.get("pillars"), dict) else {}
    for pillar in pillars.values():
        pillar = pillar if isinstance(pillar, dict) else {}
        for strategy in _list(pillar.get("strategies")):
            for program in _list(strategy.get("programs")) if isinstance(strategy, dict) else []:
                if isinstance(program, dict) and isinstance(program.get("id"), str):
                    budget: dict[str, Any] = program["budget"] if isinstance(program.get("budget"), dict) else {}
                    money = {key: _number(budget.get(key)) for key in ("amount", "realised")}
                    found["program"][program["id"]] = {**_keep(program, STATUSES), "budget": money}
        for quick_win in _list(pillar.get("quick_wins")):
            if isinstance(quick_win, dict) and isinstance(quick_win.get("id"), str):
                found["quick_win"][quick_win["id"]] = _keep(quick_win, STATUSES)
    for evaluation in _list(data.get("evaluations")):
        if isinstance(evaluation, dict) and isinstance(evaluation.get("period"), str):
            scores: dict[str, Any] = evaluation["scores"] if isinstance(evaluation.get("scores"), dict) else {}
            found["evaluation"][evaluation["period"]] = {"scores": {"final": _number(scores.get("final"))}}
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


def _title(item: dict[str, Any]) -> str:
    return f"“{item.get('title') or '?'}”"


def _amount(program: dict[str, Any], key: str = "amount") -> Any:
    budget = program.get("budget")
    return budget.get(key) if isinstance(budget, dict) else None


def _money(value: Any) -> str:
    return rupiah_short(value) if _is_number(value) else "tidak dicantumkan"


def _status_changes(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]], added: str,
                    changed: str, labels: dict[str, str]) -> list[str]:
    """Items added, and items whose status changed, as "<added> “title”" and
    "<changed> “title”: old → new"."""
    out: list[str] = []
    for key, item in after.items():
        old = before.get(key)
        if old is None:
            out.append(f"{added}: {_title(item)}")
        elif old.get("status") != item.get("status") and item.get("status") is not None:
            out.append(f"{changed} {_title(item)}: {labels.get(str(old.get('status')), '?')} → "
                       f"{labels[item['status']]}")
    return out


def _removed(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]], label: str) -> list[str]:
    return [f"{label}: {_title(item)}" for key, item in before.items() if key not in after]


def _budget_changes(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for key, program in after.items():
        old = before.get(key)
        if old is None:
            continue
        if _amount(old) != _amount(program):
            out.append(f"Anggaran {_title(program)}: {_money(_amount(old))} → {_money(_amount(program))}")
        if _amount(old, "realised") != _amount(program, "realised"):
            out.append(f"Realisasi {_title(program)}: {_money(_amount(old, 'realised'))} → "
                       f"{_money(_amount(program, 'realised'))}")
    return out


_RISK_LABELS = {key: label.lower() for key, label in RISK_STATUS_LABELS.items()}


def diff(before: Items, after: Items) -> tuple[str, ...]:
    """The changes from one version's items to the next, in Indonesian."""
    out = _status_changes(before["program"], after["program"], "Program baru", "Status program", STATUS_LABELS)
    out += _budget_changes(before["program"], after["program"])
    out += _removed(before["program"], after["program"], "Program dihapus")
    out += _status_changes(before["quick_win"], after["quick_win"], "Quick win baru", "Status quick win",
                           STATUS_LABELS)
    out += _removed(before["quick_win"], after["quick_win"], "Quick win dihapus")
    for period, e in after["evaluation"].items():
        if period not in before["evaluation"]:
            scores: dict[str, Any] = e["scores"] if isinstance(e.get("scores"), dict) else {}
            final = scores.get("final")
            value = f" (nilai akhir {score(final)})" if _is_number(final) else ""
            out.append(f"Evaluasi {_round_label(period)} ditambahkan{value}")
    out += _status_changes(before["risk"], after["risk"], "Risiko baru", "Risiko", _RISK_LABELS)
    return tuple(out)


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
