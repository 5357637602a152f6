"""Open data written at build time: JSON per region and for all regions, CSV
tables, and a Frictionless Data Package describing the CSVs.

Every file is a function of the validated regions only (no timestamps, fixed
ordering), so that two builds of the same data write the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from smartcity.figures.aggregate import RegionFigures, deadline
from smartcity.figures.completeness import completeness
from smartcity.figures.indicators import assess
from smartcity.model import Region
from smartcity.figures.national import RegionRank, latest_score
from smartcity.reference import Reference

DATA_DIR = "data"
CSV_ENCODING = "utf-8-sig"  # a byte-order mark, so that Excel reads the file as UTF-8


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    """A model value as JSON data: dates as ISO text, integral numbers as integers."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}


def region_record(region: Region) -> dict[str, Any]:
    """The validated region, normalised: the contract's field names and layout,
    every field present (null or empty when the file leaves it out)."""
    plain = _plain(region)
    record = {key: plain[key] for key in ("id", "code", "name", "type", "province", "province_code", "cohort",
                                          "status", "stage", "stage_date", "period", "sample", "updated", "summary",
                                          "vision", "missions", "organization", "rpjmd")}
    record["analysis"] = {"profile": plain["profile"], "swot": plain["swot"]}
    for key in ("readiness", "roadmap"):
        record[key] = plain[key]
    record["pillars"] = {pillar.pop("key"): pillar for pillar in plain["pillars"]}
    record["evaluations"] = plain["evaluations"]
    record["risks"] = plain["risks"]
    record["feedback"] = plain["feedback"]
    record["sources"] = plain["sources"]
    return record


def json_text(data: Any) -> str:
    # Compact: json's C encoder is used only without indentation (5x faster at 514 regions).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def json_bytes(data: Any) -> bytes:
    return (json_text(data) + "\n").encode("utf-8")


# --- CSV tables --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    name: str
    type: str          # Frictionless field type: string, integer, number, boolean, date
    description: str   # Indonesian, shown on /data/ and in datapackage.json


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    @property
    def foreign_keys(self) -> list[dict[str, Any]]:
        if self.name == "wilayah":
            return []
        return [{"fields": "region_code", "reference": {"resource": "wilayah", "fields": "region_code"}}]


_REGION = (Field("region_code", "string", "Kode wilayah Kemendagri, mis. 33.75."),
           Field("region_name", "string", "Nama resmi kabupaten/kota."))
_EXAMPLE = Field("example", "boolean", "true bila butir ini ilustrasi (contoh), bukan fakta.")
_STATUS = Field("status", "string", "planned, in_progress, done, delayed atau cancelled.")
_AGENCY = Field("agency", "string", "Perangkat daerah penanggung jawab.")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def csv_bytes(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f.name for f in table.fields])
    for row in table.rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue().encode(CSV_ENCODING)


def tables(regions: tuple[Region, ...], reference: Reference, figures: dict[str, RegionFigures],
           ranks: dict[str, dict[str, RegionRank]] | None = None) -> tuple[Table, ...]:
    ranks = ranks or {}
    ordered = sorted(regions, key=lambda r: r.code)
    region_rows, programs, quick_wins, indicators, actuals, evaluations = [], [], [], [], [], []
    for r in ordered:
        f = figures[r.id]
        score = latest_score(r)
        rank = ranks.get(r.id, {}).get(score.evaluation.period) if score else None
        complete = completeness(r, reference)
        money = f.money
        region_rows.append((r.code, r.name, r.type, r.province_code, r.province, r.cohort, r.status, r.stage,
                            r.stage_date.isoformat() if r.stage_date else None, r.period.start,
                            r.period.end, f.strategies, f.programs.total, f.programs.done, f.programs.cancelled,
                            None if f.progress is None else round(f.progress, 4), f.overdue,
                            f.quick_wins.total, f.quick_wins.done, money.planned, money.realised,
                            money.with_budget, money.without_budget, money.with_realised, money.over_budget,
                            score.value if score else None, score.evaluation.period if score else None,
                            rank.rank if rank else None, rank.of if rank else None,
                            complete.met, complete.total, r.updated.isoformat() if r.updated else None,
                            f.data_age_days, f.stale, r.sample))
        for pillar in r.pillars:
            for s in pillar.strategies:
                for p in s.programs:
                    b = p.budget
                    programs.append((r.code, r.name, pillar.key, s.element, s.id, s.title, p.id, p.title, p.horizon,
                                     p.status, p.agency, p.start, p.end, deadline(p, r), p.id in f.overdue_ids,
                                     b.amount if b else None, b.currency if b else None, b.source if b else None,
                                     b.realised if b else None,
                                     b.realised_date.isoformat() if b and b.realised_date else None,
                                     b.over_budget if b else None, p.description, p.example))
            for q in pillar.quick_wins:
                quick_wins.append((r.code, r.name, pillar.key, q.element, q.id, q.title, q.status, q.year, q.agency,
                                   q.description, q.example))
            for number, g in enumerate(pillar.goals, start=1):
                i = g.indicator
                a = assess(i, r) if i else None
                latest = a.latest if a else None
                indicators.append((r.code, r.name, pillar.key, number, g.text, i.name if i else None,
                                   i.unit if i else None, i.baseline if i else None,
                                   a.baseline_year if a and i and i.baseline is not None else None,
                                   i.target if i else None, i.year if i else None,
                                   latest.value if latest else None, latest.year if latest else None,
                                   a.status if a else None, g.example))
                for m in (i.actuals if i else ()):
                    actuals.append((r.code, r.name, pillar.key, number, m.year, m.value, m.source,
                                    m.example or g.example))
        for e in r.evaluations:
            s = e.scores
            rank = ranks.get(r.id, {}).get(e.period)
            evaluations.append((r.code, r.name, e.period, e.date.isoformat() if e.date else None,
                                *(getattr(s, k) if s else None for k in
                                  ("baseline", "output", "outcome", "impact", "quick_win", "final")),
                                rank.rank if rank else None, rank.of if rank else None,
                                e.summary, e.example))
    pillar_field = Field("pillar", "string", "Kunci pilar: " + ", ".join(reference.pillar_keys) + ".")
    element_field = Field("element", "string", "Kunci elemen pilar (lihat halaman Pilar); kosong bila tidak diisi.")
    return (
        Table("wilayah", f"{DATA_DIR}/wilayah.csv", "Wilayah", "Satu baris per wilayah dengan masterplan yang diterbitkan.",
              (*_REGION, Field("type", "string", "kabupaten atau kota."),
               Field("province_code", "string", "Kode provinsi Kemendagri."),
               Field("province", "string", "Nama provinsi."),
               Field("cohort", "integer", "Tahun wilayah bergabung dengan Gerakan Menuju 100 Smart City."),
               Field("status", "string", "Status masterplan: published (diterbitkan) atau draft."),
               Field("stage", "string", "Tahap: seleksi, bimtek, masterplan, implementasi atau evaluasi; kosong bila tidak diisi."),
               Field("stage_date", "date", "Tanggal wilayah mencapai tahap tersebut."),
               Field("period_start", "integer", "Tahun awal periode masterplan."),
               Field("period_end", "integer", "Tahun akhir periode masterplan."),
               Field("strategies", "integer", "Jumlah strategi di enam pilar."),
               Field("programs", "integer", "Jumlah program (tanpa quick win)."),
               Field("programs_done", "integer", "Jumlah program yang selesai."),
               Field("programs_cancelled", "integer", "Jumlah program yang dibatalkan (tidak dihitung dalam kemajuan)."),
               Field("program_progress", "number", "Bagian program selesai (0–1) dari program yang tidak dibatalkan; kosong bila belum ada program."),
               Field("programs_overdue", "integer", "Program lewat tenggat: tahun selesai (atau akhir jangkanya) sebelum tahun data dihimpun, status belum selesai atau dibatalkan."),
               Field("quick_wins", "integer", "Jumlah quick win (dihitung terpisah dari program)."),
               Field("quick_wins_done", "integer", "Jumlah quick win yang selesai."),
               Field("budget_planned", "number", "Jumlah anggaran rencana program (rupiah), dari program yang mencantumkan anggaran."),
               Field("budget_realised", "number", "Jumlah realisasi yang tercatat (rupiah)."),
               Field("programs_with_budget", "integer", "Program yang mencantumkan anggaran."),
               Field("programs_without_budget", "integer", "Program tanpa anggaran: jumlah anggaran belum lengkap bila lebih dari 0."),
               Field("programs_with_realised", "integer", "Program yang mencantumkan realisasi."),
               Field("programs_over_budget", "integer", "Program yang realisasinya melebihi anggaran rencana."),
               Field("latest_score", "number", "Nilai akhir evaluasi terakhir yang bernilai (0–5)."),
               Field("latest_score_period", "string", "Periode evaluasi nilai tersebut, mis. 2021-2 (tahun-tahap)."),
               Field("latest_rank", "integer", "Peringkat nilai akhir tersebut di antara wilayah yang dinilai pada putaran yang sama."),
               Field("latest_rank_of", "integer", "Jumlah wilayah yang dinilai pada putaran tersebut."),
               Field("completeness_met", "integer", "Jumlah syarat kelengkapan masterplan yang terpenuhi."),
               Field("completeness_total", "integer", "Jumlah syarat kelengkapan yang diperiksa."),
               Field("updated", "date", "Tanggal pembaruan data menurut berkas wilayah."),
               Field("data_age_days", "integer", "Umur data dalam hari pada tanggal data dihimpun; kosong bila tanggal pembaruan tidak diisi."),
               Field("stale", "boolean", "true bila data lebih dari 365 hari atau tanpa tanggal pembaruan."),
               Field("sample", "boolean", "true bila wilayah ini data contoh bawaan proyek.")),
              ("region_code",), tuple(region_rows)),
        Table("program", f"{DATA_DIR}/program.csv", "Program", "Satu baris per program (rencana aksi) di setiap strategi.",
              (*_REGION, pillar_field, element_field,
               Field("strategy_id", "string", "Id strategi di berkas wilayah."),
               Field("strategy_title", "string", "Judul strategi."),
               Field("program_id", "string", "Id program di berkas wilayah."),
               Field("title", "string", "Judul program."),
               Field("horizon", "string", "Jangka: short (pendek), medium (menengah), long (panjang)."),
               _STATUS, _AGENCY, Field("start", "integer", "Tahun mulai."), Field("end", "integer", "Tahun selesai."),
               Field("deadline", "integer", "Tahun tenggat: tahun selesai, atau tahun akhir jangkanya bila kosong."),
               Field("overdue", "boolean", "true bila tahun tenggat sudah lewat dan status belum selesai atau dibatalkan."),
               Field("budget_amount", "number", "Anggaran rencana."),
               Field("budget_currency", "string", "Mata uang anggaran (IDR)."),
               Field("budget_source", "string", "Sumber anggaran, mis. APBD."),
               Field("budget_realised", "number", "Realisasi (jumlah yang sudah dibelanjakan), mata uang yang sama."),
               Field("budget_realised_date", "date", "Per tanggal berapa realisasi dihitung."),
               Field("over_budget", "boolean", "true bila realisasi melebihi anggaran rencana."),
               Field("description", "string", "Uraian program."), _EXAMPLE),
              ("region_code", "program_id"), tuple(programs)),
        Table("quick-win", f"{DATA_DIR}/quick-win.csv", "Quick win", "Satu baris per quick win.",
              (*_REGION, pillar_field, element_field,
               Field("quick_win_id", "string", "Id quick win di berkas wilayah."),
               Field("title", "string", "Judul quick win."),
               _STATUS, Field("year", "integer", "Tahun pelaksanaan."), _AGENCY,
               Field("description", "string", "Uraian quick win."), _EXAMPLE),
              ("region_code", "quick_win_id"), tuple(quick_wins)),
        Table("indikator", f"{DATA_DIR}/indikator.csv", "Indikator sasaran", "Satu baris per sasaran pilar, dengan indikatornya bila ada.",
              (*_REGION, pillar_field,
               Field("goal_number", "integer", "Nomor urut sasaran di pilar itu (mulai 1)."),
               Field("goal", "string", "Teks sasaran."),
               Field("indicator", "string", "Nama indikator."),
               Field("unit", "string", "Satuan indikator."),
               Field("baseline", "number", "Nilai awal."),
               Field("baseline_year", "integer", "Tahun nilai awal (bila tidak diisi: tahun awal masterplan)."),
               Field("target", "number", "Nilai target."),
               Field("year", "integer", "Tahun target."),
               Field("latest_actual", "number", "Nilai terukur terakhir (lihat indikator-capaian.csv untuk semua nilai)."),
               Field("latest_actual_year", "integer", "Tahun nilai terukur terakhir."),
               Field("assessment", "string", "achieved (tercapai), on_track (sesuai jalur), behind (tertinggal), no_data (belum diukur) atau not_assessable (tidak dapat dinilai); aturan: garis lurus dari nilai awal ke target."),
               _EXAMPLE),
              ("region_code", "pillar", "goal_number"), tuple(indicators)),
        Table("indikator-capaian", f"{DATA_DIR}/indikator-capaian.csv", "Capaian indikator",
              "Satu baris per nilai terukur sebuah indikator sasaran.",
              (*_REGION, pillar_field,
               Field("goal_number", "integer", "Nomor urut sasaran di pilar itu (sama dengan indikator.csv)."),
               Field("year", "integer", "Tahun pengukuran."),
               Field("value", "number", "Nilai terukur, dalam satuan indikator."),
               Field("source", "string", "Id sumber pengukuran di berkas wilayah."), _EXAMPLE),
              ("region_code", "pillar", "goal_number", "year"), tuple(actuals)),
        Table("evaluasi", f"{DATA_DIR}/evaluasi.csv", "Evaluasi", "Satu baris per putaran evaluasi (dua kali setahun).",
              (*_REGION, Field("period", "string", "Periode: tahun-tahap, mis. 2021-2."),
               Field("date", "date", "Tanggal evaluasi."),
               *(Field(k, "number", f"Nilai komponen {label} (0–5).") for k, label in
                 (("baseline", "Baseline"), ("output", "Output"), ("outcome", "Outcome"), ("impact", "Impact"),
                  ("quick_win", "Quick Win"), ("final", "akhir"))),
               Field("rank", "integer", "Peringkat nilai akhir di antara wilayah yang dinilai pada putaran yang sama."),
               Field("rank_of", "integer", "Jumlah wilayah yang dinilai pada putaran itu."),
               Field("summary", "string", "Ringkasan hasil evaluasi."), _EXAMPLE),
              ("region_code", "period"), tuple(evaluations)),
    )


def datapackage(table_list: tuple[Table, ...]) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": "masterplan-smart-city-indonesia",
        "title": "Masterplan Smart City Indonesia",
        "description": "Program, quick win, indikator sasaran dan evaluasi dari masterplan smart city kabupaten "
                       "dan kota yang diterbitkan di situs ini.",
        "resources": [
            {"name": t.name, "path": t.path.removeprefix(f"{DATA_DIR}/"), "profile": "tabular-data-resource",
             "title": t.title, "description": t.description, "format": "csv", "mediatype": "text/csv",
             "encoding": CSV_ENCODING,
             "schema": {"fields": [{"name": f.name, "type": f.type, "description": f.description}
                                   for f in t.fields],
                        "missingValues": [""],
                        "primaryKey": list(t.primary_key),
                        **({"foreignKeys": t.foreign_keys} if t.foreign_keys else {})}}
            for t in table_list],
    }


@dataclass(frozen=True)
class Written:
    path: str          # site path, e.g. data/program.csv
    size: int          # bytes


def write_downloads(regions: tuple[Region, ...], reference: Reference, figures: dict[str, RegionFigures],
                    folder: Path, ranks: dict[str, dict[str, RegionRank]] | None = None,
                    ) -> tuple[tuple[Table, ...], tuple[Written, ...]]:
    """Write every open-data file under `folder` (site paths), in a fixed order.

    Regions are encoded one at a time and streamed to disk: at 514 regions the
    files hold ~130 MB that need not sit in the build's memory."""
    def write(path: str, content: bytes) -> Written:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        return Written(path, len(content))

    all_path = f"{DATA_DIR}/regions.json"
    (folder / DATA_DIR).mkdir(parents=True, exist_ok=True)
    per_region: list[Written] = []
    # regions.json is the per-region texts joined: each region is encoded once
    with (folder / all_path).open("wb") as everything:
        everything.write(b'{"regions":[')
        for index, region in enumerate(sorted(regions, key=lambda r: r.code)):
            text = json_text(region_record(region)).encode("utf-8")
            everything.write((b"," if index else b"") + text)
            per_region.append(write(f"{DATA_DIR}/regions/{region.id}.json", text + b"\n"))
        everything.write(b"]}\n")
        written = [Written(all_path, everything.tell())]
    table_list = tables(regions, reference, figures, ranks)
    written += [write(table.path, csv_bytes(table)) for table in table_list]
    written.append(write(f"{DATA_DIR}/datapackage.json", json_bytes(datapackage(table_list))))
    written += sorted(per_region, key=lambda w: w.path)
    return table_list, tuple(written)
