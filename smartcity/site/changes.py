"""What changed in a region's data from one version of its file to the next, in
words a reader understands: "Status program "…": Berjalan → Selesai". Versions
come from git (history.py); commit subjects and authors are not shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml

from smartcity.site.formatting import RISK_STATUS_LABELS, STATUS_LABELS, rupiah_short, score
from smartcity.site.history import Commit

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ChangeGroup:
    """The changes one commit made to a region's data."""
    date: dt.date
    sha: str
    changes: tuple[str, ...]
    unreadable: bool = False     # this version did not parse: skipped


@dataclass(frozen=True)
class RegionHistory:
    """A region's data changes, newest first, and how far back they reach."""
    groups: tuple[ChangeGroup, ...]
    available: bool              # git history was found for the file
    truncated: bool              # older versions exist than were read (shallow clone or the limit)


Items = dict[str, dict[str, dict[str, Any]]]


def _keep(item: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: item.get(k) for k in keys}


def _items(data: dict[str, Any]) -> Items:
    """What the history compares of one version: programmes, quick wins, evaluations and risks,
    by id (period for evaluations), with only the fields it reports on (small to cache)."""
    found: Items = {"program": {}, "quick_win": {}, "evaluation": {}, "risk": {}}
    pillars: dict[str, Any] = data["pillars"] if isinstance(data.get("pillars"), dict) else {}
    for pillar in pillars.values():
        pillar = pillar if isinstance(pillar, dict) else {}
        for strategy in pillar.get("strategies") or []:
            for program in (strategy or {}).get("programs") or [] if isinstance(strategy, dict) else []:
                if isinstance(program, dict) and isinstance(program.get("id"), str):
                    budget: dict[str, Any] = program["budget"] if isinstance(program.get("budget"), dict) else {}
                    found["program"][program["id"]] = {**_keep(program, "title", "status"),
                                                       "budget": _keep(budget, "amount", "realised")}
        for quick_win in pillar.get("quick_wins") or []:
            if isinstance(quick_win, dict) and isinstance(quick_win.get("id"), str):
                found["quick_win"][quick_win["id"]] = _keep(quick_win, "title", "status")
    for evaluation in data.get("evaluations") or []:
        if isinstance(evaluation, dict) and isinstance(evaluation.get("period"), str):
            scores: dict[str, Any] = evaluation["scores"] if isinstance(evaluation.get("scores"), dict) else {}
            found["evaluation"][evaluation["period"]] = {"scores": _keep(scores, "final")}
    for risk in data.get("risks") or []:
        if isinstance(risk, dict) and isinstance(risk.get("id"), str):
            found["risk"][risk["id"]] = _keep(risk, "title", "status")
    return found


def version_items(raw: bytes | None) -> Items | None:
    """The compared items of one version of a file, or None when it does not parse."""
    if raw is None:
        return None
    try:  # libyaml, without positions: a past version is only compared, never published
        loaded = yaml.load(raw, Loader=_LOADER)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return None
    return _items(loaded) if isinstance(loaded, dict) else None


def _title(item: dict[str, Any]) -> str:
    return f"“{item.get('title', '?')}”"


def _amount(program: dict[str, Any], key: str = "amount") -> Any:
    budget = program.get("budget")
    return budget.get(key) if isinstance(budget, dict) else None


def _money(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return rupiah_short(value)
    return "tidak dicantumkan"


def _status_changes(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]], added: str,
                    changed: str, labels: dict[str, str]) -> list[str]:
    """Items added, and items whose status changed, as "<added> “title”" and
    "<changed> “title”: old → new"."""
    out: list[str] = []
    for key, item in after.items():
        old = before.get(key)
        if old is None:
            out.append(f"{added}: {_title(item)}")
        elif old.get("status") != item.get("status") and item.get("status") in labels:
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
            value = f" (nilai akhir {score(final)})" if isinstance(final, int | float) else ""
            out.append(f"Evaluasi {period} ditambahkan{value}")
    out += _status_changes(before["risk"], after["risk"], "Risiko baru", "Risiko", _RISK_LABELS)
    return tuple(out)


def region_history(versions: list[tuple[Commit, Items | None]], available: bool, truncated: bool) -> RegionHistory:
    """Versions newest first (their compared items; None: did not parse) → the changes of each,
    newest first. An unreadable version is listed as skipped; the next readable one is compared
    with the last readable."""
    groups = []
    previous: Items | None = None
    for index, (commit, items) in enumerate(reversed(versions)):   # oldest first
        day = commit.date.date()
        if items is None:
            groups.append(ChangeGroup(day, commit.sha, (), unreadable=True))
            continue
        changes: tuple[str, ...]
        if previous is None:
            changes = ("Data wilayah mulai dicatat",) if index == 0 and not truncated else ()
        else:
            changes = diff(previous, items)
        previous = items
        if changes:
            groups.append(ChangeGroup(day, commit.sha, changes))
    return RegionHistory(tuple(reversed(groups)), available, truncated)
