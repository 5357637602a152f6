"""Create a region file from the official list: `python scripts/new_region.py 33.25`."""

import argparse
import sys
from pathlib import Path

from smartcity.reference import load_reference
from smartcity.tools.scaffold import ScaffoldError, create_region_file
from smartcity.validation.loader import REGIONS_DIR, display_path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description="Buat berkas wilayah baru dari daftar resmi Kemendagri.")
    parser.add_argument("kode", help="kode kabupaten/kota, mis. 33.25")
    parser.add_argument("--dir", type=Path, default=REGIONS_DIR, help="folder berkas wilayah")
    args = parser.parse_args()
    try:
        path = create_region_file(args.kode, load_reference(), args.dir)
    except ScaffoldError as error:
        print(f"new_region.py: {error}", file=sys.stderr)
        return 1
    print(f"dibuat: {display_path(path)} (status: draft). Isi bagian-bagiannya, lalu periksa dengan "
          f"python scripts/validate.py {display_path(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
