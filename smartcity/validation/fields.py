"""What the rules and the readers both know of particular fields (so that the fast reader
never needs the rules)."""

from __future__ import annotations

from smartcity.validation.problems import Path_


def is_budget_amount(path: Path_) -> bool:
    """Whether `path` is a programme's planned or spent amount, whose written form the
    `amounts` rule reads (yamlfast leaves such numbers to the located reader)."""
    return len(path) >= 2 and path[-2] == "budget" and path[-1] in ("amount", "realised")
