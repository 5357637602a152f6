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


def diff(before: Items, after: Items) -> tuple[str, ...]:
    """The changes from one version's items to the next, in Indonesian."""
    out: list[str] = []
    for key, p in after["program"].items():
        q = before["program"].get(key)
        if q is None:
            out.append(f"Program baru: {_title(p)}")
            continue
        if q.get("status") != p.get("status") and p.get("status") in STATUS_LABELS:
            out.append(f"Status program {_title(p)}: {STATUS_LABELS.get(str(q.get('status')), '?')} → "
                       f"{STATUS_LABELS[p['status']]}")
        if _amount(q) != _amount(p):
            out.append(f"Anggaran {_title(p)}: {_money(_amount(q))} → {_money(_amount(p))}")
        if _amount(q, "realised") != _amount(p, "realised"):
            out.append(f"Realisasi {_title(p)}: {_money(_amount(q, 'realised'))} → {_money(_amount(p, 'realised'))}")
    out += [f"Program dihapus: {_title(q)}" for key, q in before["program"].items() if key not in after["program"]]
    for key, w in after["quick_win"].items():
        v = before["quick_win"].get(key)
        if v is None:
            out.append(f"Quick win baru: {_title(w)}")
        elif v.get("status") != w.get("status") and w.get("status") in STATUS_LABELS:
            out.append(f"Status quick win {_title(w)}: {STATUS_LABELS.get(str(v.get('status')), '?')} → "
                       f"{STATUS_LABELS[w['status']]}")
    out += [f"Quick win dihapus: {_title(v)}" for key, v in before["quick_win"].items()
            if key not in after["quick_win"]]
    for period, e in after["evaluation"].items():
        if period not in before["evaluation"]:
            scores: dict[str, Any] = e["scores"] if isinstance(e.get("scores"), dict) else {}
            final = scores.get("final")
            value = f" (nilai akhir {score(final)})" if isinstance(final, int | float) else ""
            out.append(f"Evaluasi {period} ditambahkan{value}")
    for key, r in after["risk"].items():
        s = before["risk"].get(key)
        if s is None:
            out.append(f"Risiko baru: {_title(r)}")
        elif s.get("status") != r.get("status") and r.get("status") in RISK_STATUS_LABELS:
            out.append(f"Risiko {_title(r)}: {RISK_STATUS_LABELS.get(str(s.get('status')), '?').lower()} → "
                       f"{RISK_STATUS_LABELS[r['status']].lower()}")
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
