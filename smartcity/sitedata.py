"""What one build of the site knows: settings, the regions to publish and their figures."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .aggregate import NationalFigures, RegionFigures, national_figures, region_figures
from .loader import REGIONS_DIR, load_regions
from .model import Region
from .reference import Reference, load_reference


@dataclass(frozen=True)
class Settings:
    regions_dir: Path = REGIONS_DIR
    include_drafts: bool = False   # preview: drafts are built, with a banner
    only: str | None = None        # preview of one region

    @classmethod
    def from_environment(cls, base: Path | None = None) -> "Settings":
        """`SMARTCITY_REGIONS_DIR`, `SMARTCITY_DRAFTS=1` and `SMARTCITY_ONLY=<id>`."""
        directory = os.environ.get("SMARTCITY_REGIONS_DIR")
        path = Path(directory) if directory else REGIONS_DIR
        if base is not None and not path.is_absolute():
            path = base / path
        return cls(path, os.environ.get("SMARTCITY_DRAFTS", "") in ("1", "true", "yes"),
                   os.environ.get("SMARTCITY_ONLY") or None)


@dataclass(frozen=True)
class SiteData:
    settings: Settings
    reference: Reference
    regions: tuple[Region, ...]
    figures: dict[str, RegionFigures] = field(default_factory=dict)
    national: NationalFigures | None = None

    def region(self, region_id: str) -> Region:
        return next(r for r in self.regions if r.id == region_id)


def load_site_data(settings: Settings) -> SiteData:
    """Load and validate every region once. Raises `InvalidData` on any problem."""
    reference = load_reference()
    regions = load_regions(settings.regions_dir, settings.include_drafts, settings.only)
    return SiteData(settings, reference, regions,
                    {r.id: region_figures(r) for r in regions}, national_figures(regions))
