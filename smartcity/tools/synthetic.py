"""A deterministic synthetic national data set: one valid region file for each of
the 514 official regions, with realistic amounts of content, marked `sample: true`.
For benchmarks and scale tests only; never published as real data."""

from __future__ import annotations

import functools
import json
import random
import re
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from smartcity.model import STATUSES
from smartcity.reference import OfficialRegion, Reference, load_reference, slugify

# Root words and the affixed forms Indonesian text uses (pe-an, ke-an, me-, di-, ber-),
# so that the search index and its stemmer meet realistic words at national scale.
WORDS = (
    "layanan publik digital warga data terpadu aplikasi desa kelurahan perizinan pajak daerah "
    "pariwisata batik pesisir pasar usaha mikro kecil menengah koperasi sekolah guru siswa "
    "puskesmas kesehatan ibu anak gizi sampah limbah sungai banjir rob energi surya lampu jalan "
    "transportasi angkutan terminal parkir ruang terbuka hijau taman informasi komunikasi jaringan "
    "internet fiber kantor dinas badan perangkat aparatur pelatihan kompetensi inovasi kolaborasi "
    "partisipasi masyarakat komunitas kreatif keamanan bencana peringatan dini kualitas layanan "
    "integrasi sistem dasbor kinerja transparansi anggaran perencanaan pembangunan berkelanjutan "
    "ekonomi lokal produk unggulan investasi promosi festival budaya kuliner kerajinan nelayan "
    "petani irigasi air bersih sanitasi perumahan permukiman tata ruang peta wilayah "
    "pelayanan pemerintahan penyelenggaraan pengelolaan pemberdayaan pengembangan peningkatan "
    "penataan penanganan pencegahan penanggulangan pengawasan pemantauan pendataan pencatatan "
    "pelaporan pengaduan penganggaran pengadaan pembayaran penagihan pendapatan perekonomian "
    "perdagangan perindustrian pertanian perikanan peternakan perkebunan kelautan kebudayaan "
    "kesenian kepemudaan kependudukan kesejahteraan ketenagakerjaan ketahanan pangan kemiskinan "
    "kebersihan ketertiban keselamatan kemacetan kecamatan perkotaan pedesaan persampahan "
    "pengolahan pemilahan pengangkutan penerangan penghijauan pelestarian konservasi rehabilitasi "
    "revitalisasi digitalisasi standardisasi sertifikasi sosialisasi edukasi literasi vaksinasi "
    "imunisasi posyandu stunting balita lansia disabilitas perempuan pemuda pelajar wirausaha "
    "pedagang pengrajin peternak pegawai birokrasi reformasi akuntabilitas keterbukaan UMKM "
    "sarung tenun bandeng garam mangrove terumbu karang hutan kota embung drainase trotoar "
    "meningkatkan mengembangkan menyediakan memfasilitasi mendorong memperkuat mempercepat "
    "menyederhanakan mengintegrasikan memanfaatkan melibatkan membangun menata mengurangi "
    "menurunkan mencegah menjangkau menghubungkan dilaksanakan disediakan dikembangkan "
    "diterapkan diperluas berbasis terintegrasi terjangkau tepat sasaran daring luring "
    "satu pintu cepat mudah murah aman nyaman sehat cerdas mandiri berdaya saing").split()
# Zipf-like frequencies: a few words are common, most are rare, as in real text.
WORD_WEIGHTS = tuple(1 / (rank + 1) ** 0.8 for rank in range(len(WORDS)))
AGENCIES = ("Bappeda", "Diskominfo", "DPMPTSP", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Pariwisata",
            "Dinas Perhubungan", "Dinas Lingkungan Hidup", "BPBD", "Disdukcapil", "BPKAD", "Dinas Koperasi dan UKM",
            "Dinas Sosial", "Satpol PP", "Dinas PUPR")
STATUS_WEIGHTS = (30, 30, 25, 10, 5)


class _Text:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choices(WORDS, WORD_WEIGHTS, k=self.rng.randint(low, high)))

    def title(self, low: int = 3, high: int = 7) -> str:
        return self.words(low, high).capitalize()

    def sentence(self) -> str:
        return self.words(8, 18).capitalize() + "."

    def paragraph(self, low: int = 3, high: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))


def synthetic_region(official: OfficialRegion, reference: Reference, seed: int = 1) -> dict[str, Any]:
    """A valid, deterministic synthetic region file's data for an official region."""
    rng = random.Random(f"{seed}-{official.code}")
    text = _Text(rng)
    start = rng.randint(2018, 2022)
    end = start + rng.choice((4, 5, 6, 7, 9))
    short_end = start + 1
    medium_end = short_end + max(1, (end - short_end) // 2)
    roadmap = {"short": {"start": start, "end": short_end}, "medium": {"start": short_end + 1, "end": medium_end},
               "long": {"start": medium_end + 1, "end": end}}
    pillars: dict[str, Any] = {}
    quick_win_total = rng.randint(6, 12)
    quick_win_pillars = [reference.pillars[i % 6].key for i in range(quick_win_total)]
    for pillar in reference.pillars:
        strategies = []
        for s in range(rng.randint(3, 5)):
            element = rng.choice(pillar.elements).key
            programs = []
            for p in range(rng.randint(3, 6)):
                horizon = rng.choice(("short", "medium", "long"))
                span = roadmap[horizon]
                p_start = rng.randint(span["start"], span["end"])
                p_end = rng.randint(p_start, span["end"])
                status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
                program: dict[str, Any] = {
                    "id": f"{pillar.key[:3]}-{s + 1}-{p + 1}", "title": text.title(),
                    "description": text.paragraph(1, 3), "agency": rng.choice(AGENCIES), "horizon": horizon,
                    "start": p_start, "end": p_end,
                    "budget": _budget(rng, p_start),
                    "status": status, "example": True}
                notes = rng.randint(0, 3)
                if notes:
                    days = sorted(rng.sample(range(1, 28), notes))
                    program["updates"] = [
                        # dated no later than LAST_YEAR: a note records something that happened
                        {"date": f"{min(p_start, LAST_YEAR)}-{(i * 4) + 1:02d}-{days[i]:02d}",
                         "status": status if i == notes - 1 else "in_progress", "note": text.sentence()}
                        for i in range(notes)]
                programs.append(program)
            strategies.append({"id": f"{pillar.key[:3]}-{s + 1}", "title": text.title(4, 9), "element": element,
                               "description": text.paragraph(1, 2), "programs": programs, "example": True,
                               "rpjmd": sorted(rng.sample(MISSION_IDS, rng.randint(0, 2)))})
        goals = [{"text": text.sentence(), "indicator": _indicator(rng, text, start, end), "example": True}
                 for _ in range(rng.randint(1, 3))]
        quick_wins = [{"id": f"qw-{pillar.key[:3]}-{i + 1}", "title": text.title(3, 8),
                       "element": rng.choice(pillar.elements).key, "agency": rng.choice(AGENCIES),
                       "year": rng.randint(start, min(end, 2026)),
                       "status": rng.choices(STATUSES, STATUS_WEIGHTS)[0], "description": text.paragraph(1, 3),
                       "example": True}
                      for i in range(quick_win_pillars.count(pillar.key))]
        pillars[pillar.key] = {"summary": text.paragraph(), "goals": goals, "strategies": strategies,
                               "quick_wins": quick_wins}
    stage = rng.choices(("seleksi", "bimtek", "masterplan", "implementasi", "evaluasi"), (1, 2, 2, 5, 6))[0]
    rounds = rng.randint(2, 6)
    first_year = max(2021, start)
    # rounds that already happened: none after LAST_YEAR
    periods = [p for p in (f"{first_year + i // 2}-{i % 2 + 1}" for i in range(rounds)) if int(p[:4]) <= LAST_YEAR]
    evaluations = []
    for period in periods:
        year, half = period.split("-")
        scores = {k: round(rng.uniform(2.0, 4.6), 2) for k in ("baseline", "output", "outcome", "impact", "quick_win")}
        scores["final"] = round(sum(scores.values()) / 5, 2)
        evaluations.append({"period": period, "date": f"{year}-{'06' if half == '1' else '11'}-15",
                            "summary": text.paragraph(1, 3), "scores": scores, "example": True})
    cohort = rng.randint(2017, 2024)
    # the stage is reached after the region joined, and not after LAST_YEAR
    stage_year = rng.randint(max(2018, start - 1, cohort), LAST_YEAR)
    return {
        "schema": 1, "id": slugify(official.name), "code": official.code, "name": official.name,
        "type": official.type, "province": official.province.name, "cohort": cohort,
        "status": "published", "sample": True, "period": {"start": start, "end": end},
        "updated": rng.choice(UPDATED_DATES), "summary": text.paragraph(), "vision": text.sentence(),
        "missions": [{"text": text.sentence(), "example": True} for _ in range(rng.randint(3, 6))],
        "organization": {"head": f"Kepala daerah {official.name}", "lead_agency": f"Bappeda {official.name}",
                         "council": f"Dewan Smart City {official.name}", "team": f"Tim Pelaksana {official.name}",
                         "example": True},
        "analysis": {"profile": text.paragraph(5, 9), "swot": {
            k: [{"text": text.sentence(), "example": True} for _ in range(rng.randint(3, 6))]
            for k in ("strengths", "weaknesses", "opportunities", "threats")}},
        "readiness": {k: {"text": text.paragraph(1, 3), "example": True}
                      for k in ("structure", "infrastructure", "superstructure")},
        "roadmap": roadmap, "pillars": pillars, "evaluations": evaluations,
        "stage": stage, "stage_date": f"{stage_year}-{rng.randint(1, 12):02d}-15",
        "rpjmd": {"title": f"RPJMD {official.name} {start}–{start + 5}", "period": {"start": start, "end": start + 5},
                  "missions": [{"id": m, "text": text.sentence()} for m in MISSION_IDS], "example": True},
        "risks": _risks(rng, text, pillars),
        "feedback": [{"channel": "lapor", "url": "https://www.lapor.go.id/"},
                     {"channel": "email", "address": f"smartcity@{slugify(official.name)}.go.id.invalid"}],
    }


LAST_YEAR = 2025      # measured values and dated events lie before the "as of" year of any build from 2026 on
UPDATED_DATES = ("2025-12-31", "2025-11-30", "2025-12-15", "2025-06-30", "2024-11-30", "2023-12-31")
MISSION_IDS = ["misi-1", "misi-2", "misi-3", "misi-4"]


def _budget(rng: random.Random, start_year: int) -> dict[str, Any]:
    budget: dict[str, Any] = {"amount": rng.randint(5, 500) * 10_000_000, "currency": "IDR", "source": "APBD"}
    if start_year <= LAST_YEAR and rng.random() < 0.5:
        budget["realised"] = int(round(budget["amount"] * rng.uniform(0.1, 1.15), -6))
        budget["realised_date"] = f"{min(LAST_YEAR, start_year + 1)}-12-31"
    return budget


def _indicator(rng: random.Random, text: _Text, start: int, end: int) -> dict[str, Any]:
    baseline, target = rng.randint(0, 60), rng.randint(61, 100)
    indicator: dict[str, Any] = {"name": text.title(2, 5), "unit": rng.choice(("%", "unit", "orang", "layanan")),
                                 "baseline": baseline, "baseline_year": start, "target": target, "year": end}
    years = list(range(start + 1, min(end, LAST_YEAR) + 1))
    measured = sorted(rng.sample(years, min(len(years), rng.randint(0, 3))))
    if measured:
        indicator["actuals"] = [{"year": y, "value": round(baseline + (target - baseline) * rng.uniform(0.1, 1.1))}
                                for y in measured]
    return indicator


def _risks(rng: random.Random, text: _Text, pillars: dict[str, Any]) -> list[dict[str, Any]]:
    program_ids = [p["id"] for pillar in pillars.values() for s in pillar["strategies"] for p in s["programs"]]
    levels = ("low", "medium", "high")
    return [{"id": f"risiko-{i + 1}", "title": text.title(3, 6), "pillar": rng.choice(list(pillars)),
             "likelihood": rng.choice(levels), "impact": rng.choice(levels), "mitigation": text.sentence(),
             "owner": rng.choice(AGENCIES), "status": rng.choice(("open", "open", "mitigated", "closed")),
             "programs": sorted(rng.sample(program_ids, rng.randint(0, 2))), "example": True}
            for i in range(rng.randint(2, 6))]


# Texts as editors write them: punctuation that makes a writer quote (a colon and space, a
# comma in a flow record, an apostrophe, a hash after a space), plain ones that need none,
# and characters that elsewhere start a node or a number ("&", "?", "@", "2x24").
PUNCTUATED = ("Catatan: {}", "{}, tahap 2", "Program #{n} {}", "{} (R&D)", "Jum'at bersih: {}", "{} 100%",
              "\"{}\" di kantor desa", "{} — tahap {n}", "{} & pelatihan", "Siap? {}", "{}, layanan {n}x24 jam",
              "{}; info di Instagram @pemkab")


def _punctuate(rng: random.Random, data: Any) -> Any:
    """Some titles, notes and descriptions rewritten with punctuation (one in five)."""
    if isinstance(data, dict):
        return {k: (rng.choice(PUNCTUATED).format(v, n=rng.randint(1, 9))
                    if k in ("title", "note", "description", "mitigation") and isinstance(v, str)
                    and rng.random() < 0.2 else _punctuate(rng, v)) for k, v in data.items()}
    if isinstance(data, list):
        return [_punctuate(rng, v) for v in data]
    return data


# Comments an editor or the scaffold leaves: a line before some parts, a note after some values.
_COMMENTS = (
    (re.compile(r"^( *)strategies:$", re.MULTILINE), r"\1# Strategi dan program (contoh ilustrasi)\n\1strategies:"),
    (re.compile(r"^( *)quick_wins:$", re.MULTILINE), r"\1# Quick win: hasil dalam sekitar satu tahun\n\1quick_wins:"),
    (re.compile(r"^stage: (\w+)$", re.MULTILINE),
     r"stage: \1            # seleksi | bimtek | masterplan | implementasi | evaluasi"),
    (re.compile(r"^updated: (\S+)$", re.MULTILINE), r"updated: \1   # tanggal pembaruan data terakhir"),
    (re.compile(r"^evaluations:$", re.MULTILINE),
     "# Putaran evaluasi, yang terlama dulu (`example: true`: ilustrasi)\nevaluations:"),
)


# Long texts the samples write folded (`summary: >-`, lines wrapped near 72 columns): a wrapped
# line may then start with what elsewhere starts a node or a number ("@pemkab", "2x24").
_FOLDED = re.compile(r"^( *)((?:- )?)(summary|vision|profile|description|mitigation): ([^'\"\[{\n][^\n]{80,})$",
                     re.MULTILINE)


def _folded(line: re.Match[str]) -> str:
    indent = " " * (len(line.group(1)) + len(line.group(2)) + 2)
    wrapped = textwrap.wrap(line.group(4), 72, break_long_words=False, break_on_hyphens=False)
    return f"{line.group(1)}{line.group(2)}{line.group(3)}: >-\n" + "\n".join(indent + part for part in wrapped)


def _flow_style(data: dict[str, Any], rng: random.Random, width: int) -> str:
    """`data` with punctuated texts, as PyYAML writes short records (flow mappings) at
    `width` columns, with the comments editors leave."""
    body = yaml.dump(_punctuate(rng, data), Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                     allow_unicode=True, default_flow_style=None, width=width)
    for pattern, replacement in _COMMENTS:
        body = pattern.sub(replacement, body)
    return body


def editor_style(data: dict[str, Any], rng: random.Random) -> str:
    """A region file written as editors and the scaffold write one (the samples' style):
    short records on one line as flow mappings (`budget: {amount: …, source: APBD}`,
    progress notes, periods), lists of ids as flow sequences, long texts folded (`>-`),
    comments, punctuated texts."""
    return _FOLDED.sub(_folded, _flow_style(data, rng, 1_000_000))


def wrapped_style(data: dict[str, Any], rng: random.Random) -> str:
    """The same records as a program writes them with PyYAML's defaults (`default_flow_style=None`,
    80 columns): short records as flow mappings, long texts and records wrapped over several
    lines (a wrapped line may start with "@pemkab" or "& pelatihan"), punctuated texts, comments."""
    return _flow_style(data, rng, 80)


# write_national's styles: the benchmark's first set, the samples' style, and a program's
STYLES = ("block", "editor", "wrapped")


def write_national(out: Path, count: int | None = None, seed: int = 1,
                   each: Callable[[list[OfficialRegion]], Iterable[OfficialRegion]] = iter,
                   style: str = "block") -> list[Path]:
    """Write region files for the first `count` official regions (all 514 by default); `each`
    may wrap the regions in a progress bar (scripts/benchkit/progress.py). `style`: "block"
    (every collection in block style, as PyYAML writes), "editor" (`editor_style`) or
    "wrapped" (`wrapped_style`)."""
    reference = load_reference()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yml"):
        old.unlink()
    written = []
    regions = reference.regions if count is None else _spread(reference.regions, count)
    for official in each(list(regions)):
        data = synthetic_region(official, reference, seed)
        path = out / f"{data['id']}.yml"
        if style in ("editor", "wrapped"):
            body = (editor_style if style == "editor" else wrapped_style)(
                data, random.Random(f"{seed}-style-{official.code}"))
        else:
            body = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                             allow_unicode=True, width=100)
        path.write_text("# yaml-language-server: $schema=../../data/schema/region.schema.json\n"
                        "# Data sintetis untuk uji skala: bukan data resmi.\n" + body, encoding="utf-8")
        written.append(path)
    return written


def _spread(regions: tuple[OfficialRegion, ...], count: int) -> list[OfficialRegion]:
    """An even sample of `count` regions across the country, deterministic."""
    step = len(regions) / count
    return [regions[int(i * step)] for i in range(count)]


# The lines of a region file that say which region it is: top level, with the samples'
# trailing comments kept (`id: kota-pekalongan   # slug: …`).
_IDENTITY_LINE = re.compile(r"^(id|code|name|type|province):( +)(.*?)((?: +#.*)?)$", re.MULTILINE)
_PLAIN_NAME = re.compile(r"[A-Z][A-Za-z .()-]*[A-Za-z.)]")


def _scalar(value: str) -> str:
    """A name as a YAML scalar: plain where nothing in it could be read otherwise."""
    return value if _PLAIN_NAME.fullmatch(value) else json.dumps(value, ensure_ascii=False)


def _identity_line(identity: dict[str, str], line: re.Match[str]) -> str:
    return f"{line[1]}:{line[2]}{identity[line[1]]}{line[4]}"


def write_from_samples(out: Path, samples: Path, count: int | None = None) -> list[Path]:
    """Write region files for the official regions (all 514 by default) by giving each the
    text of a bundled sample region in turn, with only its identity lines (id, code, name,
    type, province) changed: the samples' size and style exactly (flow records, quoted codes,
    trailing comments), as a data set in the style editors write. Every file says at its
    top that it is a copy for scale tests, and the samples are marked `sample: true`, so a
    site built from them carries the sample-data banner."""
    sources = sorted(samples.glob("*.yml"))
    if not sources:
        raise FileNotFoundError(f"no sample region files in {samples}")
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in sources]
    reference = load_reference()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yml"):
        old.unlink()
    regions = reference.regions if count is None else _spread(reference.regions, count)
    written = []
    for i, official in enumerate(regions):
        name, text = texts[i % len(texts)]
        identity = {"id": slugify(official.name), "code": json.dumps(official.code), "name": _scalar(official.name),
                    "type": official.type, "province": _scalar(official.province.name)}
        body = _IDENTITY_LINE.sub(functools.partial(_identity_line, identity), text)
        path = out / f"{identity['id']}.yml"
        path.write_text(f"# Salinan data/regions/{name} untuk uji skala, sebagai {official.name}: "
                        "bukan data wilayah ini.\n" + body, encoding="utf-8")
        written.append(path)
    return written
