"""What a change to region files does to the site, for reviewers: `python scripts/changes.py
BASE [HEAD]` prints, for each region file changed from revision BASE to HEAD (default: the
checked-out commit), the changes in plain Indonesian as Markdown (status changes, new and
removed programmes and quick wins, budget and realised amounts, new measured values and
evaluation rounds). Run it inside the repository; the pull-request workflow writes it to the
job summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smartcity.history.summary import RevisionError, changes_between, markdown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="changes.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="revisi awal, mis. origin/main")
    parser.add_argument("head", nargs="?", default="HEAD", help="revisi akhir (bawaan: HEAD)")
    parser.add_argument("--folder", default="data/regions", help="folder berkas wilayah di repositori")
    args = parser.parse_args(argv)
    try:
        changes = changes_between(Path.cwd(), args.base, args.head, args.folder)
    except RevisionError as error:
        print(f"changes.py: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(markdown(changes, args.base, args.head))
    return 0


if __name__ == "__main__":
    sys.exit(main())
