"""The reference data the validator checks against: official regions and the pillars.

Both live as package data under `smartcity/data/reference/`: the Kemendagri list of provinces and
regencies/cities (from the npm package idn-area-data, ODbL) and the six pillars
with their elements.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from smartcity import DATA_DIR

REFERENCE_DIR = DATA_DIR / "reference"


@dataclass(frozen=True)
class Province:
    """A province of the official list, with its place on the tile map."""
    code: str
    name: str
    tile: tuple[int, int] = (0, 0)   # column, row on the tile map (roughly where it lies)
    short: str = ""                  # a short label for its tile


@dataclass(frozen=True)
class OfficialRegion:
    """A kabupaten or kota of the official Kemendagri list."""
    code: str
    name: str           # e.g. "Kota Pekalongan"
    type: str           # "kota" | "kabupaten"
    province: Province


@dataclass(frozen=True)
class Element:
    """An element of a pillar."""
    key: str
    label: str


@dataclass(frozen=True)
class Pillar:
    """One of the six pillars and its elements."""
    key: str
    label: str          # "Smart Governance"
    label_id: str       # Indonesian description
    elements: tuple[Element, ...]

    def element(self, key: str) -> Element | None:
        """The element with this key, or None."""
        return next((e for e in self.elements if e.key == key), None)


@dataclass(frozen=True)
class Reference:
    """The reference data: provinces, official regions and pillars."""
    provinces: tuple[Province, ...]
    regions: tuple[OfficialRegion, ...]
    pillars: tuple[Pillar, ...]

    @cached_property
    def regions_by_code(self) -> dict[str, OfficialRegion]:
        """Official regions by their Kemendagri code."""
        return {r.code: r for r in self.regions}

    def pillar(self, key: str) -> Pillar:
        """The pillar with this key."""
        return next(p for p in self.pillars if p.key == key)

    @property
    def pillar_keys(self) -> tuple[str, ...]:
        """The six pillar keys, in order."""
        return tuple(p.key for p in self.pillars)


def slugify(name: str) -> str:
    """The file name and id of a region: `Kabupaten Toli-Toli` → `kabupaten-toli-toli`."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def load_reference(directory: Path = REFERENCE_DIR) -> Reference:
    """The reference data from `smartcity/data/reference/`, read once."""
    tiles = {row["code"]: row for row in _read_csv(directory / "province_tiles.csv")}
    provinces = {row["code"]: Province(row["code"], row["name"],
                                       (int(tiles[row["code"]]["col"]), int(tiles[row["code"]]["row"])),
                                       tiles[row["code"]]["short"])
                 for row in _read_csv(directory / "provinces.csv")}
    regions = []
    for row in _read_csv(directory / "regencies.csv"):
        name = row["name"]
        kind = "kota" if name.startswith("Kota ") else "kabupaten"
        regions.append(OfficialRegion(row["code"], name, kind, provinces[row["province_code"]]))
    with (directory / "pillars.yml").open(encoding="utf-8") as handle:
        raw_pillars = yaml.safe_load(handle)  # our own trusted file, not editor input
    pillars = tuple(
        Pillar(p["key"], p["label"], p["label_id"], tuple(Element(e["key"], e["label"]) for e in p["elements"]))
        for p in raw_pillars)
    return Reference(tuple(sorted(provinces.values(), key=lambda p: p.code)),
                     tuple(sorted(regions, key=lambda r: r.code)), pillars)
