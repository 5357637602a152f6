"""Benchmark the site build at national scale; prints figures, asserts nothing.

Usage: python scripts/bench.py [--quick] [--profile] [--validation-only] [--runs 3] [--out build/bench]

On the synthetic national data set (scripts/generate_national.py, made here if
missing) it builds the site for N = 50, 200 and 514 regions and reports wall
and CPU seconds (median of --runs at 514, warm check cache; the cold first
run is reported too), pages, HTML KB per page (median and max), site MB, search
index MB and peak memory of the whole process tree; builds the same pages as
plain Markdown through stock MkDocs + Material (the reference) and prints the
ratio; times validation of all 514 files (cold and warm) and a one-region
preview rebuild after an edit; prints the growth exponent of build time from
50 to 514. When `hugo` is on the PATH (Debian: `apt-get install hugo`; not a
project dependency), the reference Markdown is also built by Hugo with a
minimal layout and indexed by Pagefind (as the project's own search), and at 514
the project's cold build and Hugo + Pagefind run twice, interleaved, best of two
each. Site size is reported raw and as gzip transfer. A fixed pure-Python task, timed at
the start and at the end, shows how fast the machine ran (its speed drifts from run to
run); `--validation-only` measures that and the validation alone. Validation is also timed
on the same regions as editors write them (flow records, folded texts, comments) and as
PyYAML writes flow records at its default 80 columns (records and texts wrapped over
lines). Another data set, the bundled sample regions copied to every official region
(their size and style exactly), is validated and built once: what a data set of
real-sized files costs.
Figures go to <out>/results.json and a Markdown table on stdout; progress goes
to the terminal (a progress bar from `rich`, quiet when not on a terminal).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path
from typing import Any

from benchkit.progress import Steps, track  # scripts/ is on the path when bench.py runs
from benchkit.reference_hugo import write_hugo_project
from benchkit.reference_markdown import write_reference_project

from smartcity.history.git import file_histories
from smartcity.reference import load_reference
from smartcity.site.sitedata import HISTORY_DEPTH, data_changes
from smartcity.tools.synthetic import write_from_samples, write_national
from smartcity.validation.loader import check_files, region_files

ROOT = Path(__file__).resolve().parent.parent

PYTHON = sys.executable
SIZES = (50, 200, 514)


def tree_rss_bytes(root_pid: int) -> int:
    """Resident memory of a process and all its descendants (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


def timed(args: list[str], env: dict[str, str], cwd: Path = ROOT) -> dict[str, float]:
    """Run a command; wall and CPU seconds, peak memory of its process tree."""
    before = os.times()
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_bytes(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    after = os.times()
    if process.returncode != 0:
        raise SystemExit(f"command failed: {' '.join(args)}\n{stderr[-3000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    figures = {"wall_s": wall, "cpu_s": cpu, "peak_mb": peak / 1e6}
    indexed = re.search(r"Indeks pencarian: (\d+) halaman, (\d+) kata, ([\d.]+) s(?: \(pengindeksan ([\d.]+) s)?",
                        stderr)
    if indexed:  # the plugin's own line: the time spent waiting for Pagefind, and Pagefind's whole run
        figures |= {"search_pages": float(indexed.group(1)), "search_index_s": float(indexed.group(3)),
                    "search_run_s": float(indexed.group(4) or indexed.group(3))}
    added = re.search(r"indeks pencarian ([\d.]+) s; total", stderr)
    if added:  # the build's summary: everything after the last page (waiting, checking, cleaning up)
        figures["search_index_s"] = float(added.group(1))
    return figures


def gzip_mb(site: Path) -> float:
    """What the whole site weighs in transfer, each file gzip-compressed (level 6,
    as web servers and GitHub Pages serve text); already-compressed files count as they are."""
    total = 0
    for path in site.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            total += len(raw) if path.suffix in (".gz", ".png", ".wasm", ".pf_fragment", ".pf_index", ".pf_meta",
                                                 ".pf_filter") else len(zlib.compress(raw, 6))
    return total / 1e6


def site_figures(site: Path) -> dict[str, Any]:
    pages = sorted(site.rglob("*.html"))
    region_pages = [p for p in pages
                    if p.relative_to(site).parts[:1] == ("wilayah",) and len(p.relative_to(site).parts) > 2]
    sizes = sorted(p.stat().st_size for p in region_pages) or [0]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    search = [site / "search" / "search_index.json", *(site / "pagefind").rglob("*")]
    # national pages: everything but a region's own pages; the regions index is reported apart,
    # and the web editor (/sunting/, its form inline) is no page to read
    national = [p for p in pages if p.name == "index.html" and p not in region_pages
                and p.relative_to(site).as_posix() not in ("wilayah/index.html", "sunting/index.html")]
    largest = max(national, key=lambda p: p.stat().st_size, default=None)
    index = site / "wilayah" / "index.html"
    return {"pages": len(pages), "region_pages": len(region_pages),
            "national_pages": len(national),
            "national_kb_max": largest.stat().st_size / 1000 if largest else 0,
            "national_largest": largest.parent.relative_to(site).as_posix() if largest else "",
            "regions_index_kb_gzip": len(zlib.compress(index.read_bytes(), 6)) / 1000 if index.exists() else 0,
            "html_kb_median": statistics.median(sizes) / 1000, "html_kb_max": max(sizes) / 1000,
            "region_pages_mb": sum(sizes) / 1e6 if region_pages else 0.0,
            "site_mb": total / 1e6, "search_index_mb": sum(p.stat().st_size for p in search if p.is_file()) / 1e6}


def site_parts(site: Path) -> dict[str, dict[str, float]]:
    """The built site's size by part (MB and files): what every page repeats (the theme's
    shell: everything outside the article), the articles of region pages, print pages and
    national pages, the open data, the search index, feeds, assets and the rest."""
    parts: dict[str, dict[str, float]] = {}

    def add(part: str, size: int, files: int = 1) -> None:
        entry = parts.setdefault(part, {"mb": 0.0, "files": 0})
        entry["mb"] += size / 1e6
        entry["files"] += files

    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site).parts
        size = path.stat().st_size
        if path.suffix == ".html" and path.name == "index.html":
            html = path.read_bytes()
            start, end = html.find(b"<article"), html.rfind(b"</article>")
            article = end - start if 0 <= start < end else 0
            add("page shell (outside the article)", size - article, 0)
            kind = ("print pages" if rel[-2:-1] == ("cetak",) else
                    "region pages" if rel[0] == "wilayah" and len(rel) > 2 else "national pages")
            add(f"{kind} (article)", article)
        elif rel[0] == "data":
            add("open data (data/)", size)
        elif rel[0] == "pagefind":
            add("search index (pagefind/)", size)
        elif path.suffix == ".xml":
            add("feeds and sitemap", size)
        elif rel[0] == "assets":
            add("assets", size)
        else:
            add("other", size)
    return {k: {"mb": round(v["mb"], 1), "files": v["files"]} for k, v in sorted(parts.items())}


# Representative searches: words of the synthetic text in other forms, agencies, phrases.
QUERIES = ("izin", "pemerintah", "sampah", "UMKM", "puskesmas", "banjir", "wisata", "batik", "nelayan", "irigasi",
           "sekolah", "kesehatan ibu", "transportasi", "DPMPTSP", "energi surya", "tenun", "mangrove", "posyandu",
           "latih", "air bersih")


def _record(sizes: dict[str, int], response: Any) -> None:
    if "/pagefind/" in response.url:
        try:
            sizes[response.url] = len(response.body())
        except Exception:  # noqa: BLE001 — the page closed before this body came: not part of the results shown
            pass


def serve(site: Path) -> Any:
    """A quiet static server of `site` on a free local port, in a thread (`.shutdown()` it)."""
    import functools
    import http.server

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def search_figures(site: Path) -> dict[str, float]:
    """In chromium, each query in a fresh browser (nothing cached): bytes downloaded for the
    search (Pagefind's script, wasm, index chunks and fragments of the first page of
    results) and the time from the last key typed to the first results shown."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    import functools
    server = serve(site)
    url = f"http://127.0.0.1:{server.server_port}/cari/"
    totals, index_bytes, times = [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for query in QUERIES:
            context = browser.new_context()
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            sizes: dict[str, int] = {}
            page.on("response", functools.partial(_record, sizes))
            page.focus("#sc-search-q")
            page.type("#sc-search-q", query, delay=100)   # a reader typing, 10 keys a second
            started = time.perf_counter()                  # from the last key
            page.wait_for_function("document.querySelector('.sc-search__result') || "
                                   "document.querySelector('.sc-search__status').textContent.includes('Tidak')")
            times.append(time.perf_counter() - started)
            page.wait_for_load_state("networkidle")
            totals.append(sum(sizes.values()))
            index_bytes.append(sum(n for u, n in sizes.items() if "/index/" in u or "/fragment/" in u))
            context.close()
        browser.close()
    server.shutdown()
    return {"query_kb_median": statistics.median(totals) / 1000,
            "query_index_kb_median": statistics.median(index_bytes) / 1000,
            "query_kb_max": max(totals) / 1000, "first_results_ms_median": statistics.median(times) * 1000,
            "first_results_ms_max": max(times) * 1000}


FIRST_LOAD_REGION = "wilayah/kabupaten-aceh-barat/"   # a region overview of the synthetic set


def phone_figures(site: Path, largest: str) -> dict[str, float]:
    """In chromium at 360 x 800: how many screens tall the home page and the largest
    national page are (30 at most is the target), and the bytes a phone downloads opening
    one region overview in a fresh browser (HTML, CSS, JS, images; uncompressed, as this
    server sends them: a compressing server sends less; 300 KB at most is the target)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_port}/"
    figures: dict[str, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 360, "height": 800})
        for name, path in (("home", ""), ("largest", largest + "/")):
            page.goto(base + path, wait_until="networkidle")
            figures[f"{name}_phone_px"] = page.evaluate("document.documentElement.scrollHeight")
        page.close()
        if (site / FIRST_LOAD_REGION / "index.html").exists():
            context = browser.new_context(viewport={"width": 360, "height": 800})
            fresh = context.new_page()
            sizes: dict[str, int] = {}
            fresh.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())))
            fresh.goto(base + FIRST_LOAD_REGION, wait_until="networkidle")
            figures["region_first_load_kb"] = sum(sizes.values()) / 1000
            figures["region_first_load_files"] = len(sizes)
            context.close()
        browser.close()
    server.shutdown()
    return figures


def subset(national: Path, folder: Path, count: int) -> Path:
    """`count` regions spread over the national set, hard-linked (not symlinked)."""
    files = sorted(national.glob("*.yml"))
    step = len(files) / count
    chosen = [files[int(i * step)] for i in range(count)]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for path in chosen:
        try:
            os.link(path, folder / path.name)
        except OSError:
            shutil.copyfile(path, folder / path.name)
    return folder


def build_project(regions: Path, site: Path, cache: Path) -> dict[str, float]:
    if site.exists():
        shutil.rmtree(site)
    # a one-off build, tuned as scripts/build.py tunes it (SMARTCITY_TUNE_PROCESS)
    figures = timed([PYTHON, "-m", "mkdocs", "build", "-d", str(site)],
                    {"SMARTCITY_REGIONS_DIR": str(regions), "SMARTCITY_CACHE_DIR": str(cache),
                     "SMARTCITY_TUNE_PROCESS": "1"})
    return {**figures, **site_figures(site)}


def build_reference(regions: Path, out: Path) -> dict[str, float]:
    result = check_files(region_files(regions))
    project = out / "reference"
    if project.exists():
        shutil.rmtree(project)
    write_reference_project(project, result.regions, load_reference())
    figures = timed([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")], {}, cwd=project)
    return {**figures, **site_figures(project / "site")}


def build_hugo(project: Path, out: Path) -> dict[str, float] | None:
    """The reference Markdown built by Hugo, or None when `hugo` is not on the PATH."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    folder = write_hugo_project(project / "docs", out / "hugo")
    figures = timed([hugo, "--quiet", "--destination", str(folder / "public")], {}, cwd=folder)
    pages = sum(1 for _ in (folder / "public").rglob("*.html"))
    # Then the same search index the project builds: Pagefind, Indonesian, on Hugo's output.
    from pagefind.service import get_executable
    indexed = timed([str(get_executable()), "--site", str(folder / "public"), "--force-language", "id"], {},
                    cwd=folder)
    return {**figures, "pages": pages, "hugo_s": figures["wall_s"], "pagefind_s": indexed["wall_s"],
            "wall_s": figures["wall_s"] + indexed["wall_s"],
            "site_mb": sum(p.stat().st_size for p in (folder / "public").rglob("*") if p.is_file()) / 1e6,
            # the same region pages as the project's (its regions index apart), for the size comparison
            "region_pages_mb": sum(p.stat().st_size for p in (folder / "public" / "wilayah").glob("*/**/*.html")) / 1e6}


def cold_build(regions: Path, site: Path, cache: Path) -> dict[str, float]:
    """A full build with an empty check cache (what CI and a fresh clone do)."""
    if cache.exists():
        shutil.rmtree(cache)
    return build_project(regions, site, cache)


def preview_rebuild(national: Path, out: Path, cache: Path) -> dict[str, float]:
    """An editor's loop: serve one region; edit its YAML; time the rebuild
    (in one process, as `mkdocs serve` rebuilds)."""
    folder = subset(national, out / "preview-regions", 514)
    target = sorted(folder.glob("*.yml"))[0]
    script = f"""
import os, sys, time
os.environ.update(SMARTCITY_REGIONS_DIR={str(folder)!r}, SMARTCITY_CACHE_DIR={str(cache)!r},
                  SMARTCITY_ONLY={target.stem!r}, SMARTCITY_DRAFTS="1")
from mkdocs.commands.build import build
from mkdocs.config import load_config
def once():
    config = load_config(config_file={str(ROOT / "mkdocs.yml")!r}, site_dir={str(out / "preview-site")!r})
    started = time.perf_counter(); build(config); return time.perf_counter() - started
once()
path = {str(target)!r}
text = open(path, encoding="utf-8").read()
os.unlink(path)  # the file is a hard link into the national set: write a copy
open(path, "w", encoding="utf-8").write(text.replace("status: published", "status: draft", 1))
print(once())
"""
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "-c", script], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return {"rebuild_s": float(result.stdout.strip().splitlines()[-1]), "process_s": time.perf_counter() - started}


def _generator_stamp(style: str) -> str:
    import hashlib

    import smartcity.tools.synthetic as synthetic
    return f"{style} {hashlib.sha256(Path(synthetic.__file__).read_bytes()).hexdigest()}\n"


def written_by_this_generator(folder: Path, style: str) -> bool:
    """Whether `folder` holds the 514 files the current generator writes in `style` (a set
    written by an older generator is written again: its figures would not be this code's)."""
    marker = folder / ".generator"   # hidden: not a region file
    return len(list(folder.glob("*.yml"))) == 514 and marker.exists() and marker.read_text() == _generator_stamp(style)


def stamp(folder: Path, style: str) -> None:
    (folder / ".generator").write_text(_generator_stamp(style))


def validation(national: Path, cache: Path) -> dict[str, Any]:
    """Three cold runs (each from an empty check cache) and three warm ones: medians, and
    the cold runs themselves (this machine's timings drift from run to run)."""
    env = {"SMARTCITY_CACHE_DIR": str(cache)}
    cold = []
    for _ in range(3):
        if cache.exists():
            shutil.rmtree(cache)
        cold.append(timed([PYTHON, "scripts/validate.py", str(national)], env))
    warm = [timed([PYTHON, "scripts/validate.py", str(national)], env)["wall_s"] for _ in range(3)]
    return {"cold_s": statistics.median(c["wall_s"] for c in cold), "cold_runs_s": [c["wall_s"] for c in cold],
            "warm_s": statistics.median(warm), "cold_peak_mb": max(c["peak_mb"] for c in cold)}


# A fixed piece of pure-Python work, none of it the project's (parsing, dicts, regular
# expressions, as validation does), in a process of its own like every measured command.
CALIBRATION = """
import json, re, time
text = json.dumps([{"id": f"gov-{i}", "title": "Layanan publik " * 8, "year": 2020 + i % 10} for i in range(20000)])
word = re.compile(r"[a-z]+")
started = time.perf_counter()
for _ in range(6):
    rows = json.loads(text)
    sum(len(word.findall(r["title"])) + r["year"] for r in rows)
print(time.perf_counter() - started)
"""


def machine_speed() -> dict[str, float]:
    """Seconds for the calibration work, best of 3, alone and as two processes at once (the
    slower of the two): this machine's speed drifts from run to run (±20 % and more), and
    its second core can be slower than its first, so figures from two runs compare only
    beside these."""
    def once() -> subprocess.Popen[str]:
        return subprocess.Popen([PYTHON, "-c", CALIBRATION], stdout=subprocess.PIPE, text=True)

    alone, paired = [], []
    for _ in range(3):
        alone.append(float(once().communicate()[0]))
        pair = [once(), once()]
        paired.append(max(float(p.communicate()[0]) for p in pair))
    return {"alone_s": min(alone), "two_at_once_s": min(paired)}


def profile(national: Path, out: Path, cache: Path) -> str:
    stats = out / "profile.pstats"
    timed([PYTHON, "-m", "cProfile", "-o", str(stats), "-m", "mkdocs", "build", "-q", "-d", str(out / "profile-site")],
          {"SMARTCITY_REGIONS_DIR": str(national), "SMARTCITY_CACHE_DIR": str(cache)})
    import io
    import pstats
    buffer = io.StringIO()
    pstats.Stats(str(stats), stream=buffer).sort_stats("cumulative").print_stats(25)
    return buffer.getvalue()


def history_cost(national: Path, out: Path, commits: int = 29) -> dict[str, float]:
    """The readable change history on a generated git history: every region file
    committed `commits + 1` times, one programme's status changed per commit. Cold: every
    version parsed; warm: the versions' items come from the cache (by blob id)."""
    repo = out / "history-repo"
    shutil.rmtree(repo, ignore_errors=True)
    regions = repo / "data" / "regions"
    shutil.copytree(national, regions)
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@contoh.invalid",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@contoh.invalid"}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "versi 0")
    files = sorted(regions.glob("*.yml"))
    for number in range(commits):
        for path in files:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("status: planned", "status: in_progress", 1), encoding="utf-8")
        git("commit", "-q", "-a", "-m", f"versi {number + 1}")
    cache = out / "history-cache"
    shutil.rmtree(cache, ignore_errors=True)
    os.environ["SMARTCITY_CACHE_DIR"] = str(cache)
    timings = []
    for _ in range(2):  # cold, then warm
        started = time.perf_counter()
        histories = file_histories(regions, HISTORY_DEPTH)
        changes = data_changes(regions, [p.name for p in files], histories)
        timings.append(time.perf_counter() - started)
    return {"files": len(files), "versions": sum(len(h) for h in histories.values()), "cold_s": timings[0],
            "warm_s": timings[1], "changes": sum(len(g.changes) for h in changes.values() for g in h.groups)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--runs", type=int, default=3, help="warm builds at N=514 (median)")
    parser.add_argument("--quick", action="store_true", help="N = 20 and 50 only, one run, no reference at 514")
    parser.add_argument("--profile", action="store_true", help="also profile the 514-region build (cProfile)")
    parser.add_argument("--validation-only", action="store_true",
                        help="only the machine's speed and the validation of both data styles (~1 minute)")
    args = parser.parse_args()
    out: Path = args.out.absolute()   # Hugo and MkDocs run in folders of their own
    out.mkdir(parents=True, exist_ok=True)
    national = out / "national"
    sizes = (20, 50) if args.quick else SIZES
    cache = out / "cache"
    results: dict[str, Any] = {"machine": {"cpus": os.cpu_count()}, "builds": {}, "reference": {}, "hugo": {}}
    steps = Steps(6 + 3 * len(sizes) + 6)
    if not written_by_this_generator(national, "block"):
        steps.say("membuat data sintetis nasional")
        write_national(national, each=lambda regions: track(regions, len(regions), "menulis wilayah sintetis"))
        stamp(national, "block")
    results["machine"]["speed_start_s"] = machine_speed()
    steps.next("validasi 514 berkas (dingin dan hangat)")
    results["validation"] = validation(national, cache)
    print(f"validasi 514 berkas: {results['validation']}", file=sys.stderr)
    # the same regions as editors write them (flow records, folded texts, comments, punctuation),
    # and as a program writes them with PyYAML's defaults (records wrapped past 80 columns)
    for style, what in (("editor", "gaya penyunting"), ("wrapped", "gaya PyYAML (baris terlipat)")):
        folder = out / f"national-{style}"
        if not written_by_this_generator(folder, style):
            write_national(folder, style=style)
            stamp(folder, style)
        steps.next(f"validasi 514 berkas {what} (dingin dan hangat)")
        results[f"validation_{style}"] = validation(folder, cache)
        print(f"validasi {what}: {results[f'validation_{style}']}", file=sys.stderr)
    # the bundled samples themselves, copied to every official region: real files' size and style
    samples = out / "national-samples"
    write_from_samples(samples, ROOT / "data" / "regions")
    steps.next("validasi contoh bawaan yang disalin ke 514 wilayah")
    results["validation_samples"] = validation(samples, cache)
    print(f"validasi salinan contoh: {results['validation_samples']}", file=sys.stderr)
    if args.validation_only:
        results["machine"]["speed_end_s"] = machine_speed()
        steps.done()
        print("\n".join(f"| {a} | {m} | {t} |" for a, m, t in validation_rows(results) + samples_rows(results)))
        return 0
    for n in sizes:
        regions = subset(national, out / f"regions-{n}", n)
        steps.next(f"N={n}: pembangunan pertama")
        cold = build_project(regions, out / "site", cache)  # the first build fills the check cache
        steps.next(f"N={n}: pembangunan hangat")
        runs = [build_project(regions, out / "site", cache) for _ in range(args.runs if n == max(sizes) else 1)]
        median = {key: statistics.median(r[key] for r in runs) if not isinstance(runs[0][key], str) else runs[-1][key]
                  for key in runs[0]}
        results["builds"][n] = {"cold": cold, "warm_median": median, "runs": len(runs),
                                "run_wall_s": [round(r["wall_s"], 2) for r in runs]}  # shows the machine's noise
        print(f"N={n}: {median}", file=sys.stderr)
        steps.next(f"N={n}: MkDocs biasa dan Hugo")
        reference = build_reference(regions, out)
        results["reference"][n] = reference
        print(f"reference N={n}: {reference}", file=sys.stderr)
        hugo = build_hugo(out / "reference", out)
        if hugo is not None:
            results["hugo"][n] = hugo
            print(f"hugo N={n}: {hugo}", file=sys.stderr)
    large = max(sizes)
    steps.next("ukuran situs dalam transfer gzip")
    results["builds"][large]["warm_median"]["site_gzip_mb"] = gzip_mb(out / "site")
    if results["hugo"]:
        # the comparison the issue asks for: cold cache, same content, best of two runs each, interleaved
        steps.next(f"N={large}: dingin vs Hugo, dua kali bergantian")
        regions = out / f"regions-{large}"
        project_runs, hugo_runs = [], []
        for _ in range(2):
            project_runs.append(cold_build(regions, out / "site", cache)["wall_s"])
            hugo_runs.append(build_hugo(out / "reference", out)["wall_s"])  # type: ignore[index]
        results["versus_hugo"] = {"project_cold_s": project_runs, "hugo_s": hugo_runs,
                                  "ratio": min(project_runs) / min(hugo_runs)}
        print(f"vs hugo: {results['versus_hugo']}", file=sys.stderr)
    else:
        steps.next("Hugo tidak ada di PATH: perbandingan dilewati")
    results["site_parts"] = site_parts(out / "site")
    steps.next("salinan contoh: pembangunan dingin")
    results["samples_build"] = cold_build(samples, out / "site-samples", cache)
    print(f"salinan contoh: {results['samples_build']}", file=sys.stderr)
    print(f"bagian situs: {results['site_parts']}", file=sys.stderr)
    steps.next("tinggi halaman di layar ponsel")
    results["phone"] = phone_figures(out / "site", results["builds"][large]["warm_median"]["national_largest"])
    print(f"ponsel: {results['phone']}", file=sys.stderr)
    steps.next("pencarian di chromium")
    results["search"] = search_figures(out / "site")  # the last build: all regions
    print(f"pencarian: {results['search']}", file=sys.stderr)
    steps.next("pratinjau satu wilayah")
    results["preview"] = preview_rebuild(national, out, cache)
    steps.next("riwayat perubahan")
    results["history"] = history_cost(national, out)
    print(f"riwayat: {results['history']}", file=sys.stderr)
    results["machine"]["speed_end_s"] = machine_speed()
    steps.done()
    small = min(sizes)
    t_small = results["builds"][small]["warm_median"]["wall_s"]
    t_large = results["builds"][large]["warm_median"]["wall_s"]
    results["growth_exponent"] = math.log(t_large / t_small) / math.log(large / small)
    (out / "results.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(table(results, large))
    if args.profile:
        print("\nProfile of the 514-region build (cumulative, top 25):\n")
        print(profile(national, out, cache))
    return 0


def validation_rows(results: dict) -> list[tuple[str, str, str]]:
    machine = results.get("machine", {})
    rows = []
    if "speed_start_s" in machine:
        def speed(figures: dict) -> str:
            return f"{figures['alone_s']:.2f} s alone, {figures['two_at_once_s']:.2f} s two at once"
        end = f"; at the end {speed(machine['speed_end_s'])}" if "speed_end_s" in machine else ""
        rows.append(("machine speed: a fixed pure-Python task, best of 3 (compare runs beside it)",
                     f"at the start {speed(machine['speed_start_s'])}{end}", "–"))
    for key, what in (("validation", "block style"),
                      ("validation_editor", "as editors write them (flow records, folded texts, comments)"),
                      ("validation_wrapped", "as PyYAML writes flow records (records, texts wrapped at 80 columns)")):
        v = results.get(key)
        if v:
            rows.append((f"validation of all files, {what}", f"{v['warm_s']:.2f} s warm, {v['cold_s']:.2f} s cold "
                         "(median of 3: " + ", ".join(f"{t:.2f}" for t in v["cold_runs_s"]) + ")", "≤ 2 s"))
    return rows


def phone_rows(phone: dict) -> list[tuple[str, str, str]]:
    if not phone:
        return [("height on a 360 x 800 phone", "not measured (playwright missing)", "–")]
    rows = [("height on a 360 x 800 phone", f"home page {phone['home_phone_px'] / 800:.1f} screens; largest national "
             f"page {phone['largest_phone_px'] / 800:.1f} screens", "≤ 30 screens")]
    if "region_first_load_kb" in phone:
        rows.append(("first load of a region overview on a phone (fresh browser; HTML, CSS, JS, images)",
                     f"{phone['region_first_load_kb']:.0f} KB in {phone['region_first_load_files']:.0f} files "
                     "(uncompressed)", "≤ 300 KB"))
    return rows


def samples_rows(results: dict) -> list[tuple[str, str, str]]:
    """The third data set: the bundled samples copied to every official region."""
    v, b = results.get("validation_samples"), results.get("samples_build")
    rows = []
    if v:
        rows.append(("validation of all files, the bundled samples copied to all 514 regions (2–8 KB each)",
                     f"{v['warm_s']:.2f} s warm, {v['cold_s']:.2f} s cold (median of 3: "
                     + ", ".join(f"{t:.2f}" for t in v["cold_runs_s"]) + ")", "≤ 2 s"))
    if b:
        rows.append(("the same set built (cold cache)", f"{b['wall_s']:.1f} s wall, {b['cpu_s']:.1f} s CPU; "
                     f"{b['pages']:.0f} pages; site {b['site_mb']:.0f} MB; peak memory {b['peak_mb']:.0f} MB",
                     "site ≤ 300 MB, memory ≤ 700 MB"))
    return rows


def search_rows(search: dict) -> list[tuple[str, str, str]]:
    if not search:
        return [("search in the browser", "not measured (playwright missing)", "–")]
    return [("bytes for one query (median of 20, fresh browser)",
             f"{search['query_kb_median']:.0f} KB (index chunks + fragments {search['query_index_kb_median']:.0f} KB; "
             f"max {search['query_kb_max']:.0f} KB)", "≤ 300 KB"),
            ("typing to first results (median of 20)", f"{search['first_results_ms_median']:.0f} ms "
             f"(max {search['first_results_ms_max']:.0f} ms)", "≤ 500 ms")]


def hugo_rows(results: dict, n: int) -> list[tuple[str, str, str]]:
    hugo = results.get("hugo", {}).get(n) if results.get("hugo") else None
    if not hugo:
        return [("Hugo on the same Markdown", "not measured (`hugo` not on the PATH)", "–")]
    versus = results.get("versus_hugo")
    ratio = (f"cold build best of 2 {min(versus['project_cold_s']):.1f} s / Hugo best of 2 "
             f"{min(versus['hugo_s']):.2f} s = {versus['ratio']:.1f}×") if versus else "–"
    return [("Hugo + Pagefind on the same Markdown",
             f"{hugo['wall_s']:.2f} s (Hugo {hugo.get('hugo_s', hugo['wall_s']):.2f} s + Pagefind "
             f"{hugo.get('pagefind_s', 0):.2f} s), {hugo['pages']:.0f} pages; {ratio}", "≤ 2.5×")]


def region_pages_versus_hugo(results: dict, n: int) -> str:
    """The region pages' HTML (page shell included) beside Hugo's build of the reference's
    version of the same pages (their texts in plain Markdown, without budgets, progress notes
    or indicator values), and what everything else the site publishes weighs."""
    ours = results["builds"][n]["warm_median"].get("region_pages_mb")
    hugo = (results.get("hugo") or {}).get(n, {}).get("region_pages_mb")
    if not ours or not hugo:
        return ""
    return (f"; region pages {ours:.0f} MB ({results['builds'][n]['warm_median']['region_pages']:.0f} pages, "
            f"page shell included) against {hugo:.0f} MB from Hugo's minimal layout of the reference's plainer "
            f"version of them ({ours / hugo:.1f}×), everything else "
            f"{results['builds'][n]['warm_median']['site_mb'] - ours:.0f} MB")


def table(results: dict, n: int) -> str:
    b = results["builds"][n]["warm_median"]
    cold = results["builds"][n]["cold"]
    ref = results["reference"][n]
    rows = [
        ("full build (warm check cache, median)", f"{b['wall_s']:.1f} s wall, {b['cpu_s']:.1f} s CPU", "≤ 30 s"),
        ("full build (cold cache)", f"{cold['wall_s']:.1f} s wall, {cold['cpu_s']:.1f} s CPU", "–"),
        ("stock MkDocs reference", f"{ref['wall_s']:.1f} s wall; ratio {b['wall_s'] / ref['wall_s']:.2f} "
         f"(cold {cold['wall_s'] / ref['wall_s']:.2f})", "ratio ≤ 0.35"),
        *hugo_rows(results, n),
        ("growth exponent", f"{results['growth_exponent']:.2f}", "≤ 1.1"),
        ("pages", f"{b['pages']:.0f} ({b['region_pages']:.0f} region pages)", "–"),
        ("HTML per region page", f"median {b['html_kb_median']:.1f} KB, max {b['html_kb_max']:.1f} KB", "≤ 40 KB"),
        ("largest national page (the regions index apart)",
         f"{b.get('national_kb_max', 0):.0f} KB ({b.get('national_largest', '?')}/, of "
         f"{b.get('national_pages', 0):.0f} national pages); regions index "
         f"{b.get('regions_index_kb_gzip', 0):.0f} KB gzipped", "≤ 150 KB; index ≤ 80 KB gz"),
        *phone_rows(results.get("phone", {})),
        ("site", f"{b['site_mb']:.0f} MB, {b.get('site_gzip_mb', 0):.0f} MB in gzip transfer "
                 f"(reference {ref['site_mb']:.0f} MB){region_pages_versus_hugo(results, n)}", "≤ 300 MB"),
        ("search index (Pagefind)", f"{b['search_index_mb']:.1f} MB on disk, fetched in chunks only when searching "
                                    f"(reference {ref['search_index_mb']:.1f} MB, on every first load)", "on demand"),
        ("build's wait for the search index after its last page (not all it costs: see README)",
         f"{b.get('search_index_s', 0):.1f} s = "
         f"{100 * b.get('search_index_s', 0) / b['wall_s']:.0f} % of the build (Pagefind ran "
         f"{b.get('search_run_s', 0):.1f} s, the rest beside page writing; "
         f"cold: {cold.get('search_index_s', 0):.1f} s)",
         "≤ 10 %"),
        *search_rows(results.get("search", {})),
        *validation_rows(results),
        *samples_rows(results),
        ("one-region preview rebuild", f"{results['preview']['rebuild_s']:.2f} s", "≤ 1 s"),
        ("change history, 514 files × 30 versions (the depth read)", f"{results['history']['warm_s']:.1f} s warm, "
         f"{results['history']['cold_s']:.1f} s cold ({results['history']['versions']:.0f} versions)",
         "a few seconds warm"),
        ("peak memory (process tree)", f"{b['peak_mb']:.0f} MB (cold {cold['peak_mb']:.0f} MB)", "≤ 700 MB"),
    ]
    lines = [f"| figure at N = {n} | measured | target |", "|---|---|---|"]
    lines += [f"| {a} | {m} | {t} |" for a, m, t in rows]
    if results.get("site_parts"):
        lines += ["", f"| site part at N = {n} | MB | files |", "|---|---|---|"]
        lines += [f"| {part} | {v['mb']:.1f} | {v['files']:.0f} |" for part, v in results["site_parts"].items()]
    by_n = ", ".join(f"N={k}: {v['warm_median']['wall_s']:.1f} s" for k, v in results["builds"].items())
    return "\n".join(lines) + f"\n\nbuild time by N (warm median): {by_n}\n"


if __name__ == "__main__":
    sys.exit(main())
