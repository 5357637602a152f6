"""The /data/ page's list of downloads: every file written, with what it holds and
its size, ready for the template (no joins or path parsing in Jinja)."""

from __future__ import annotations

from dataclasses import dataclass

from smartcity.export import DATA_DIR, Table, Written
from smartcity.formatting import number
from smartcity.model import Region

PER_REGION = f"{DATA_DIR}/regions/"


@dataclass(frozen=True)
class Download:
    """One file on the /data/ page."""
    path: str          # site path, e.g. data/program.csv
    name: str          # what the reader sees: the file name, or the region's name
    description: str   # what it holds ("" for per-region files)
    size: int


def _describe(written: Written, tables: dict[str, Table]) -> str:
    table = tables.get(written.path)
    if table is not None:
        return f"{table.title}: {table.description} {number(table.count)} baris."
    if written.path.endswith("datapackage.json"):
        return ("Deskripsi Frictionless Data Package untuk setiap unduhan: nama, tipe dan arti setiap kolom CSV, "
                "dan lisensinya.")
    if written.path.endswith(".xlsx"):
        return ("Semua tabel dalam satu buku kerja Excel, satu lembar per tabel, baris judul dibekukan: kode "
                "wilayah sebagai teks, angka sebagai angka, tanggal sebagai tanggal. Pilihan termudah untuk Excel.")
    if written.path.endswith(".schema.json"):
        return "JSON Schema berkas JSON setiap wilayah (setiap berkas menyebutnya di $schema)."
    raise ValueError(f"no description for {written.path}")   # a new kind of file says what it holds


def downloads(files: tuple[Written, ...], tables: tuple[Table, ...],
              regions: tuple[Region, ...]) -> tuple[list[Download], list[Download]]:
    """(the main files, the per-region JSON files), in the order they were written."""
    by_path = {t.path: t for t in tables}
    names = {f"{PER_REGION}{r.id}.json": r.name for r in regions}
    main = [Download(f.path, f.path.removeprefix(f"{DATA_DIR}/"), _describe(f, by_path), f.size)
            for f in files if not f.path.startswith(PER_REGION)]
    per_region = [Download(f.path, names[f.path], "", f.size) for f in files if f.path.startswith(PER_REGION)]
    return main, per_region
