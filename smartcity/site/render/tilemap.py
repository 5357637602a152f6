"""The tile map of the 38 provinces: one square per province, placed roughly
where it lies (reference data), coloured by the share of its official
kabupaten/kota with a published masterplan. No map tiles, no geodata."""

from __future__ import annotations

from dataclasses import dataclass

from smartcity.figures.national import ProvinceView

TILE, GAP = 44, 4
# (upper bound of the share, CSS class suffix, legend label), lowest first; 0 has its own class
BINS = ((0.0, "0", "Belum ada"), (0.25, "1", "1–25%"), (0.5, "2", "26–50%"), (0.75, "3", "51–75%"),
        (1.0, "4", "76–100%"))


@dataclass(frozen=True)
class Tile:
    """One province's square on the tile map."""
    view: ProvinceView
    x: int
    y: int
    bin: str
    share: float

    @property
    def published(self) -> int:
        """Official regions of the province with a published masterplan."""
        return len(self.view.official) - len(self.view.missing)


@dataclass(frozen=True)
class TileMap:
    """The tile map's geometry, legend and description."""
    width: int
    height: int
    size: int
    tiles: tuple[Tile, ...]
    bins: tuple[tuple[str, str], ...]      # (class suffix, label)
    description: str


def share_bin(share: float) -> str:
    """The colour class of a coverage share."""
    if share <= 0:
        return "0"
    return next(key for bound, key, _ in BINS[1:] if share <= bound + 1e-9)


def tile_map(views: tuple[ProvinceView, ...]) -> TileMap:
    """Every province as a tile, coloured by coverage."""
    tiles = []
    for view in views:
        share = view.coverage or 0.0
        col, row = view.province.tile
        tiles.append(Tile(view, col * (TILE + GAP), row * (TILE + GAP), share_bin(share), share))
    columns = max((v.province.tile[0] for v in views), default=0) + 1
    rows = max((v.province.tile[1] for v in views), default=0) + 1
    covered = sum(1 for t in tiles if t.share > 0)
    description = (f"{len(tiles)} provinsi; {covered} di antaranya memiliki sedikitnya satu masterplan yang "
                   "diterbitkan. Warna menunjukkan bagian kabupaten/kota resmi provinsi itu yang masterplannya "
                   "diterbitkan; angka tiap provinsi ada di tabel data.")
    return TileMap(columns * (TILE + GAP) - GAP, rows * (TILE + GAP) - GAP, TILE, tuple(tiles),
                   tuple((key, label) for _, key, label in BINS), description)
