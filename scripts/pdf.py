"""Print regions' full masterplans to PDF with chromium, from a built site.

Usage: python scripts/pdf.py [--site site] [--out build/pdf] [REGION_ID …]
(every region of the site when none is named). Needs /usr/bin/chromium
(`bash scripts/setup.sh --test` installs it).
"""

import argparse
import contextlib
import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
                 # the printed page fetches its roadmap and pillars from the region's pages
                 # (assets/print.js): virtual time waits for those requests before printing
                 "--virtual-time-budget=60000"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """The built site over HTTP on a free local port (the page's fetches need http://, not file://)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def print_region(chromium: str, site: Path, base: str, region_id: str, out: Path) -> Path:
    page = site / "wilayah" / region_id / "cetak" / "index.html"
    if not page.exists():
        raise FileNotFoundError(f"{page} tidak ada: bangun situs dahulu (mkdocs build)")
    target = out / f"{region_id}.pdf"
    subprocess.run([chromium, *CHROMIUM_ARGS, f"--print-to-pdf={target}", f"{base}wilayah/{region_id}/cetak/"],
                   check=True, capture_output=True, timeout=180)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("regions", nargs="*")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "pdf")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        print("pdf.py: chromium tidak ditemukan; jalankan bash scripts/setup.sh --test", file=sys.stderr)
        return 2
    regions = args.regions or sorted(p.name for p in (args.site / "wilayah").iterdir() if (p / "cetak").is_dir())
    args.out.mkdir(parents=True, exist_ok=True)
    with served(args.site) as base:
        for region_id in regions:
            try:
                target = print_region(chromium, args.site, base, region_id, args.out)
            except (FileNotFoundError, subprocess.SubprocessError) as error:
                print(f"pdf.py: {region_id}: {error}", file=sys.stderr)
                return 1
            print(f"{target} ({target.stat().st_size / 1000:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
