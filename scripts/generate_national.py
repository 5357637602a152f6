"""Write the synthetic national data set (all 514 official regions, `sample: true`).

Usage: python scripts/generate_national.py [--out build/national] [--count N] [--seed 1]
"""

import argparse
import sys
from pathlib import Path

from benchkit.progress import track

from smartcity.tools.synthetic import write_national

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "national")
    parser.add_argument("--count", type=int, default=None, help="number of regions (default: all 514)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_national(args.out, args.count, args.seed,
                           each=lambda regions: track(regions, len(regions), "menulis wilayah sintetis"))
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} berkas wilayah sintetis ditulis ke {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
