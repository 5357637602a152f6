"""Build the site safely: `python scripts/build.py [--site-dir site] [mkdocs build options]`.

The new site replaces the old one only when the whole build succeeded.
"""

import argparse
import sys
from pathlib import Path

from smartcity.site.atomic_build import atomic_build

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config-file", type=Path, default=None)
    parser.add_argument("--offline", action="store_true",
                        help="a copy to open from disk: links to .html files (mkdocs.offline.yml)")
    args, rest = parser.parse_known_args()
    config = ROOT / "mkdocs.offline.yml" if args.offline else args.config_file
    return atomic_build(args.site_dir, ["--strict", *rest] if "--strict" not in rest else rest, config)


if __name__ == "__main__":
    sys.exit(main())
