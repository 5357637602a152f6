"""A new region file from the official list, every section present and explained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from smartcity.reference import OfficialRegion, Reference, slugify
from smartcity.validation.loader import REGIONS_DIR

TEMPLATE = """\
# yaml-language-server: $schema=../schema/region.schema.json
# Masterplan Smart City {name}. Berkas ini dibuat oleh scripts/new_region.py.
# Baris yang diawali # adalah komentar; hapus # di depan kolom untuk mengisinya.
# Periksa berkas dengan: python scripts/validate.py data/regions/{id}.yml
schema: 1
id: {id}                  # sama dengan nama berkas; jangan diubah
code: "{code}"                # kode Kemendagri, dalam tanda kutip
name: {name}
type: {type}
province: {province}
cohort: {year}                # tahun bergabung dengan Gerakan Menuju 100 Smart City
status: draft               # ubah menjadi published bila siap diterbitkan
period: {{start: {year}, end: {end}}}   # tahun yang dicakup masterplan (5–10 tahun)
# updated: {today}          # tanggal pembaruan terakhir (TTTT-BB-HH)

# Ringkasan untuk pembaca umum, dan visi smart city:
# summary: >-
#   Tulis ringkasan masterplan di sini.
# vision: >-
#   Tulis visi di sini.
missions: []                # misi, mis. - text: Layanan publik yang cepat.

organization: {{}}            # head, lead_agency, council, team

analysis:                   # Buku I — Analisis Strategis
  # profile: >-
  #   Gambaran wilayah.
  swot:                     # kekuatan, kelemahan, peluang, ancaman
    strengths: []           # mis. - text: Identitas budaya yang kuat.
    weaknesses: []
    opportunities: []
    threats: []

readiness: {{}}               # structure, infrastructure, superstructure: {{text: ...}}

roadmap: {{}}                 # short, medium, long: {{start: TAHUN, end: TAHUN}}

pillars:                    # strategi, program dan quick win per pilar
  governance: {{}}            # elemen: service, bureaucracy, policy
  branding: {{}}              # elemen: tourism, business, city_appearance
  economy: {{}}               # elemen: industry, welfare, transaction
  living: {{}}                # elemen: harmony, health, mobility
  society: {{}}               # elemen: community, learning, security
  environment: {{}}           # elemen: protection, waste, energy

evaluations: []             # tahap evaluasi, mis. - period: 2025-1
sources: []                 # sumber fakta, mis. - {{id: berita-1, title: Judul berita}}
"""


class ScaffoldError(Exception):
    """A new region file cannot be made (unknown code, file exists)."""
    pass


def scaffold_text(region: OfficialRegion, today: dt.date) -> str:
    """The text of a new draft region file, every section explained."""
    return TEMPLATE.format(id=slugify(region.name), code=region.code, name=region.name, type=region.type,
                           province=region.province.name, year=today.year, end=today.year + 4,
                           today=today.isoformat())


def create_region_file(code: str, reference: Reference, directory: Path = REGIONS_DIR,
                       today: dt.date | None = None) -> Path:
    """Write a new draft region file for an official region code."""
    today = today or dt.date.today()
    region = reference.regions_by_code.get(code.strip())
    if region is None:
        raise ScaffoldError(f"kode {code!r} tidak ada dalam daftar resmi Kemendagri (contoh kode: 33.75)")
    path = directory / f"{slugify(region.name)}.yml"
    existing = [p for p in directory.glob("*.yml")
                if f'code: "{region.code}"' in p.read_text(encoding="utf-8", errors="replace")]
    if path.exists() or existing:
        raise ScaffoldError(f"{region.name} sudah punya berkas: {(existing or [path])[0].as_posix()}")
    path.write_text(scaffold_text(region, today), encoding="utf-8")
    return path
