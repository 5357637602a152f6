"""What a masterplan is expected to contain, and what each region still lacks.

The rules are one list, read top to bottom; each returns the missing parts
(empty when the rule is met). A draft masterplan may miss any of them: missing
parts are shown, never refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from smartcity.model import Region
from smartcity.reference import Reference

Check = Callable[[Region, Reference], list[str]]


def _pillars_without(region: Region, reference: Reference, attribute: str) -> list[str]:
    return [reference.pillar(p.key).label for p in region.pillars if not getattr(p, attribute)]


@dataclass(frozen=True)
class Rule:
    """One thing a masterplan is expected to contain, and how to find what is missing."""
    key: str
    label: str
    check: Check


RULES: tuple[Rule, ...] = (
    Rule("summary", "Ringkasan masterplan", lambda r, ref: [] if r.summary else ["ringkasan"]),
    Rule("vision", "Visi smart city", lambda r, ref: [] if r.vision else ["visi"]),
    Rule("profile", "Profil wilayah (Buku I)", lambda r, ref: [] if r.profile else ["profil"]),
    Rule("swot", "Analisis SWOT lengkap", lambda r, ref: [name for name, items in (
        ("kekuatan", r.swot.strengths), ("kelemahan", r.swot.weaknesses),
        ("peluang", r.swot.opportunities), ("ancaman", r.swot.threats)) if not items]),
    Rule("readiness", "Kesiapan: struktur, infrastruktur, suprastruktur", lambda r, ref: [name for name, item in (
        ("struktur", r.readiness.structure), ("infrastruktur", r.readiness.infrastructure),
        ("suprastruktur", r.readiness.superstructure)) if item is None]),
    Rule("roadmap", "Jangka pendek, menengah dan panjang", lambda r, ref: [
        name for key, name in (("short", "pendek"), ("medium", "menengah"), ("long", "panjang"))
        if key not in r.roadmap]),
    Rule("goals", "Sasaran untuk setiap pilar", lambda r, ref: _pillars_without(r, ref, "goals")),
    Rule("strategies", "Strategi untuk setiap pilar", lambda r, ref: _pillars_without(r, ref, "strategies")),
    Rule("quick_wins", "Quick win untuk setiap pilar", lambda r, ref: _pillars_without(r, ref, "quick_wins")),
    Rule("programs", "Program dengan perangkat daerah dan tahun", lambda r, ref: [
        p.title for p in r.programs if not p.agency or (p.start is None and p.end is None)]),
    Rule("evaluations", "Sudah dievaluasi", lambda r, ref: [] if r.evaluations else ["belum ada evaluasi"]),
)


@dataclass(frozen=True)
class RuleResult:
    """A rule and what a region still lacks for it."""
    rule: Rule
    missing: tuple[str, ...]

    @property
    def met(self) -> bool:
        """True when nothing is missing."""
        return not self.missing


@dataclass(frozen=True)
class Completeness:
    """Every rule's result for one region."""
    results: tuple[RuleResult, ...]

    @property
    def met(self) -> int:
        """How many rules are met."""
        return sum(r.met for r in self.results)

    @property
    def total(self) -> int:
        """How many rules there are."""
        return len(self.results)


def completeness(region: Region, reference: Reference) -> Completeness:
    """Every completeness rule applied to a region."""
    return Completeness(tuple(RuleResult(rule, tuple(rule.check(region, reference))) for rule in RULES))
