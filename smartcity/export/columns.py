"""The columns of each open-data table: name, Frictionless type, Indonesian
description, and how the value is read from a row (see tables.py for the rows).
One list per table gives the CSV header, every row and the data package schema."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from smartcity.export.rows import (
    EvaluationRow,
    GoalRow,
    ProgramRow,
)
from smartcity.figures.aggregate import deadline

SCORES = (("baseline", "Baseline"), ("output", "Output"), ("outcome", "Outcome"), ("impact", "Impact"),
          ("quick_win", "Quick Win"), ("final", "akhir"))


@dataclass(frozen=True)
class Field:
    """One column as the data package describes it."""
    name: str
    type: str          # Frictionless field type: string, integer, number, boolean, date
    description: str   # Indonesian, shown on /data/ and in datapackage.json


@dataclass(frozen=True)
class Column:
    """A column and how to read its value from a row of its table."""
    field: Field
    value: Callable[[Any], Any]


def column(name: str, type_: str, description: str, value: Callable[[Any], Any]) -> Column:
    """A column: its description for the data package and how to read its value."""
    return Column(Field(name, type_, description), value)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _region_columns() -> list[Column]:
    return [column("region_code", "string", "Kode wilayah Kemendagri, mis. 33.75.", lambda row: row.region.code),
            column("region_name", "string", "Nama resmi kabupaten/kota.", lambda row: row.region.name)]


def _example(value: Callable[[Any], bool]) -> Column:
    return column("example", "boolean", "true bila butir ini ilustrasi (contoh), bukan fakta.", value)


STATUS = "planned, in_progress, done, delayed atau cancelled."
AGENCY = "Perangkat daerah penanggung jawab."
ELEMENT = "Kunci elemen pilar (lihat halaman Pilar); kosong bila tidak diisi."
REALISED_SHARE = ("Realisasi dibagi seluruh anggaran rencana wilayah (0–1; program yang belum melaporkan dihitung "
                  "belum membelanjakan apa pun); kosong bila tidak ada anggaran atau laporan realisasi.")
ASSESSMENT = ("achieved (tercapai), on_track (sesuai jalur), behind (tertinggal), missed (tidak tercapai: tahun "
              "target sudah lewat), no_data (belum diukur) atau not_assessable (tidak dapat dinilai); aturan: garis "
              "lurus dari nilai awal ke target, dinilai per tanggal data dihimpun.")


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def wilayah_columns() -> list[Column]:
    """The columns of wilayah.csv: one row per region."""
    return [
        *_region_columns(),
        column("type", "string", "kabupaten atau kota.", lambda r: r.region.type),
        column("province_code", "string", "Kode provinsi Kemendagri.", lambda r: r.region.province_code),
        column("province", "string", "Nama provinsi.", lambda r: r.region.province),
        column("cohort", "integer", "Tahun wilayah bergabung dengan Gerakan Menuju 100 Smart City.",
               lambda r: r.region.cohort),
        column("status", "string", "Status masterplan: published (diterbitkan) atau draft.", lambda r: r.region.status),
        column("stage", "string", "Tahap: seleksi, bimtek, masterplan, implementasi atau evaluasi; kosong bila "
               "tidak diisi.", lambda r: r.region.stage),
        column("stage_date", "date", "Tanggal wilayah mencapai tahap tersebut.", lambda r: _iso(r.region.stage_date)),
        column("period_start", "integer", "Tahun awal periode masterplan.", lambda r: r.region.period.start),
        column("period_end", "integer", "Tahun akhir periode masterplan.", lambda r: r.region.period.end),
        column("strategies", "integer", "Jumlah strategi di enam pilar.", lambda r: r.figures.strategies),
        column("programs", "integer", "Jumlah program (tanpa quick win), termasuk yang dibatalkan.",
               lambda r: r.figures.programs.total),
        column("programs_done", "integer", "Jumlah program yang selesai.", lambda r: r.figures.programs.done),
        column("programs_cancelled", "integer", "Jumlah program yang dibatalkan (tidak dihitung dalam kemajuan).",
               lambda r: r.figures.programs.cancelled),
        column("program_progress", "number", "Bagian program selesai (0–1) dari program yang tidak dibatalkan; "
               "kosong bila belum ada program.",
               lambda r: _share(r.figures.progress)),
        column("programs_overdue", "integer", "Program lewat tenggat: tahun selesai (atau akhir jangkanya) sebelum "
               "tahun data dihimpun, status belum selesai atau dibatalkan.", lambda r: r.figures.overdue),
        column("quick_wins", "integer", "Jumlah quick win (dihitung terpisah dari program).",
               lambda r: r.figures.quick_wins.total),
        column("quick_wins_done", "integer", "Jumlah quick win yang selesai.", lambda r: r.figures.quick_wins.done),
        column("budget_planned", "number", "Jumlah anggaran rencana program (rupiah), dari program yang "
               "mencantumkan anggaran.", lambda r: r.figures.money.planned),
        column("budget_realised", "number", "Jumlah realisasi yang dilaporkan (rupiah), hanya dari program yang "
               "melaporkan realisasi (lihat programs_with_realised); bukan seluruh belanja.",
               lambda r: r.figures.money.realised),
        column("budget_realised_share", "number", REALISED_SHARE, lambda r: _share(r.figures.money.realised_share)),
        column("programs_with_budget", "integer", "Program yang mencantumkan anggaran.",
               lambda r: r.figures.money.with_budget),
        column("programs_without_budget", "integer", "Program tanpa anggaran: jumlah anggaran belum lengkap bila "
               "lebih dari 0.", lambda r: r.figures.money.without_budget),
        column("programs_with_realised", "integer", "Program yang melaporkan realisasi (dari `programs`).",
               lambda r: r.figures.money.with_realised),
        column("programs_over_budget", "integer", "Program yang realisasinya melebihi anggaran rencana.",
               lambda r: r.figures.money.over_budget),
        column("strategies_aligned", "integer", "Strategi yang melayani sedikitnya satu misi RPJMD.",
               lambda r: r.alignment.aligned),
        column("open_risks", "integer", "Risiko berstatus terbuka dalam daftar risiko masterplan.",
               lambda r: sum(1 for risk in r.region.risks if risk.status == "open")),
        column("latest_score", "number", "Nilai akhir evaluasi terakhir yang bernilai (0–5).",
               lambda r: r.score.value if r.score else None),
        column("latest_score_period", "string", "Putaran evaluasi nilai tersebut, mis. 2021-2 (tahun-tahap); nilai "
               "dari putaran berbeda tidak sebanding.",
               lambda r: r.score.evaluation.period if r.score else None),
        column("latest_rank", "integer", "Peringkat di situs ini (bukan peringkat resmi): nilai akhir tersebut di "
               "antara wilayah yang diterbitkan di situs ini dan dinilai pada putaran yang sama.",
               lambda r: r.rank.rank if r.rank else None),
        column("latest_rank_of", "integer", "Jumlah wilayah di situs ini yang dinilai pada putaran tersebut.",
               lambda r: r.rank.of if r.rank else None),
        column("completeness_met", "integer", "Jumlah syarat kelengkapan masterplan yang terpenuhi.",
               lambda r: r.complete.met),
        column("completeness_total", "integer", "Jumlah syarat kelengkapan yang diperiksa.",
               lambda r: r.complete.total),
        column("updated", "date", "Tanggal pembaruan data menurut berkas wilayah.", lambda r: _iso(r.region.updated)),
        column("data_age_days", "integer", "Umur data dalam hari pada tanggal data dihimpun; kosong bila tanggal "
               "pembaruan tidak diisi.", lambda r: r.figures.data_age_days),
        column("stale", "boolean", "true bila data lebih dari 365 hari atau tanpa tanggal pembaruan.",
               lambda r: r.figures.stale),
        column("sample", "boolean", "true bila wilayah ini data contoh bawaan proyek.", lambda r: r.region.sample),
    ]


def program_columns(pillar: Column) -> list[Column]:
    """The columns of program.csv: one row per programme."""
    def budget(read: Callable[[Any], Any]) -> Callable[[ProgramRow], Any]:
        return lambda r: read(r.program.budget) if r.program.budget else None
    return [
        *_region_columns(), pillar,
        column("element", "string", ELEMENT, lambda r: r.strategy.element),
        column("strategy_id", "string", "Id strategi di berkas wilayah.", lambda r: r.strategy.id),
        column("strategy_title", "string", "Judul strategi.", lambda r: r.strategy.title),
        column("program_id", "string", "Id program di berkas wilayah.", lambda r: r.program.id),
        column("title", "string", "Judul program.", lambda r: r.program.title),
        column("horizon", "string", "Jangka: short (pendek), medium (menengah), long (panjang).",
               lambda r: r.program.horizon),
        column("status", "string", STATUS, lambda r: r.program.status),
        column("agency", "string", AGENCY, lambda r: r.program.agency),
        column("start", "integer", "Tahun mulai.", lambda r: r.program.start),
        column("end", "integer", "Tahun selesai.", lambda r: r.program.end),
        column("deadline", "integer", "Tahun tenggat: tahun selesai, atau tahun akhir jangkanya bila kosong.",
               lambda r: deadline(r.program, r.region)),
        column("overdue", "boolean", "true bila tahun tenggat sudah lewat dan status belum selesai atau dibatalkan.",
               lambda r: r.program.id in r.figures.overdue_ids),
        column("budget_amount", "number", "Anggaran rencana.", budget(lambda b: b.amount)),
        column("budget_currency", "string", "Mata uang anggaran (IDR).", budget(lambda b: b.currency)),
        column("budget_source", "string", "Sumber anggaran, mis. APBD.", budget(lambda b: b.source)),
        column("budget_realised", "number", "Realisasi (jumlah yang sudah dibelanjakan), mata uang yang sama.",
               budget(lambda b: b.realised)),
        column("budget_realised_date", "date", "Per tanggal berapa realisasi dihitung.",
               budget(lambda b: _iso(b.realised_date))),
        column("over_budget", "boolean", "true bila realisasi melebihi anggaran rencana.",
               budget(lambda b: b.over_budget)),
        column("description", "string", "Uraian program.", lambda r: r.program.description),
        _example(lambda r: r.program.example),
    ]


def quick_win_columns(pillar: Column) -> list[Column]:
    """The columns of quick-win.csv: one row per quick win."""
    return [
        *_region_columns(), pillar,
        column("element", "string", ELEMENT, lambda r: r.quick_win.element),
        column("quick_win_id", "string", "Id quick win di berkas wilayah.", lambda r: r.quick_win.id),
        column("title", "string", "Judul quick win.", lambda r: r.quick_win.title),
        column("status", "string", STATUS, lambda r: r.quick_win.status),
        column("year", "integer", "Tahun pelaksanaan.", lambda r: r.quick_win.year),
        column("agency", "string", AGENCY, lambda r: r.quick_win.agency),
        column("description", "string", "Uraian quick win.", lambda r: r.quick_win.description),
        _example(lambda r: r.quick_win.example),
    ]


def indicator_columns(pillar: Column) -> list[Column]:
    """The columns of indikator.csv: one row per goal, with its indicator and judgement."""
    def indicator(read: Callable[[Any], Any]) -> Callable[[GoalRow], Any]:
        return lambda r: read(r.goal.indicator) if r.goal.indicator else None
    return [
        *_region_columns(), pillar,
        column("goal_number", "integer", "Nomor urut sasaran di pilar itu (mulai 1).", lambda r: r.number),
        column("goal", "string", "Teks sasaran.", lambda r: r.goal.text),
        column("indicator", "string", "Nama indikator.", indicator(lambda i: i.name)),
        column("unit", "string", "Satuan indikator.", indicator(lambda i: i.unit)),
        column("baseline", "number", "Nilai awal.", indicator(lambda i: i.baseline)),
        column("baseline_year", "integer", "Tahun nilai awal (bila tidak diisi: tahun awal masterplan).",
               lambda r: r.assessment.baseline_year
               if r.assessment and r.goal.indicator and r.goal.indicator.baseline is not None else None),
        column("target", "number", "Nilai target.", indicator(lambda i: i.target)),
        column("year", "integer", "Tahun target.", indicator(lambda i: i.year)),
        column("latest_actual", "number", "Nilai terukur terakhir (lihat indikator-capaian.csv untuk semua nilai).",
               lambda r: r.assessment.latest.value if r.assessment and r.assessment.latest else None),
        column("latest_actual_year", "integer", "Tahun nilai terukur terakhir.",
               lambda r: r.assessment.latest.year if r.assessment and r.assessment.latest else None),
        column("assessment", "string", ASSESSMENT, lambda r: r.assessment.status if r.assessment else None),
        _example(lambda r: r.goal.example),
    ]


def actual_columns(pillar: Column) -> list[Column]:
    """The columns of indikator-capaian.csv: one row per measured value."""
    return [
        *_region_columns(), pillar,
        column("goal_number", "integer", "Nomor urut sasaran di pilar itu (sama dengan indikator.csv).",
               lambda r: r.number),
        column("year", "integer", "Tahun pengukuran.", lambda r: r.actual.year),
        column("value", "number", "Nilai terukur, dalam satuan indikator.", lambda r: r.actual.value),
        column("source", "string", "Id sumber pengukuran di berkas wilayah.", lambda r: r.actual.source),
        _example(lambda r: r.actual.example or r.goal.example),
    ]


def evaluation_columns() -> list[Column]:
    """The columns of evaluasi.csv: one row per evaluation round, with its rank."""
    def score(key: str) -> Callable[[EvaluationRow], Any]:
        return lambda r: getattr(r.evaluation.scores, key) if r.evaluation.scores else None
    return [
        *_region_columns(),
        column("period", "string", "Periode: tahun-tahap, mis. 2021-2.", lambda r: r.evaluation.period),
        column("date", "date", "Tanggal evaluasi.", lambda r: _iso(r.evaluation.date)),
        *(column(key, "number", f"Nilai komponen {label} (0–5).", score(key)) for key, label in SCORES),
        column("rank", "integer", "Peringkat di situs ini (bukan peringkat resmi): nilai akhir di antara wilayah yang "
               "diterbitkan di situs ini dan dinilai pada putaran yang sama.",
               lambda r: r.rank.rank if r.rank else None),
        column("rank_of", "integer", "Jumlah wilayah di situs ini yang dinilai pada putaran itu.",
               lambda r: r.rank.of if r.rank else None),
        column("summary", "string", "Ringkasan hasil evaluasi.", lambda r: r.evaluation.summary),
        _example(lambda r: r.evaluation.example),
    ]


def risk_columns() -> list[Column]:
    """The columns of risiko.csv: one row per risk of a region's risk register."""
    return [
        *_region_columns(),
        column("risk_id", "string", "Id risiko di berkas wilayah.", lambda r: r.risk.id),
        column("title", "string", "Nama risiko.", lambda r: r.risk.title),
        column("pillar", "string", "Kunci pilar risiko; kosong bila tidak diisi.", lambda r: r.risk.pillar),
        column("likelihood", "string", "Kemungkinan: low, medium atau high.", lambda r: r.risk.likelihood),
        column("impact", "string", "Dampak: low, medium atau high.", lambda r: r.risk.impact),
        column("status", "string", "open (terbuka), mitigated (termitigasi) atau closed (ditutup).",
               lambda r: r.risk.status),
        column("owner", "string", "Pemilik risiko.", lambda r: r.risk.owner),
        column("programs", "string", "Id program yang memitigasi risiko ini, dipisah spasi.",
               lambda r: " ".join(r.risk.programs) or None),
        column("mitigation", "string", "Langkah mitigasi.", lambda r: r.risk.mitigation),
        _example(lambda r: r.risk.example),
    ]
