"""Refresh smartcity/data/reference/ from the npm package idn-area-data (4.x).

Usage: python scripts/refresh_reference.py [VERSION]

Downloads the package with `npm pack` (the npm registry is the only source),
copies its provinces and regencies CSVs and its ODbL licence, and records the
version in smartcity/data/reference/SOURCE.md. The data is © its contributors under the
Open Database License; keep the licence file and the attribution.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "smartcity" / "data" / "reference"
FILES = {"data/provinces.csv": "provinces.csv", "data/regencies.csv": "regencies.csv",
         "data/LICENSE.md": "LICENSE-ODbL.md"}


def main(argv: list[str]) -> int:
    version = argv[1] if len(argv) > 1 else "4"
    if shutil.which("npm") is None:
        print("npm tidak ditemukan: pasang Node.js dan npm terlebih dahulu.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(["npm", "pack", f"idn-area-data@{version}", "--silent"],
                             cwd=tmp, capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return 1
        tarball = Path(tmp) / out.stdout.strip().splitlines()[-1]
        with tarfile.open(tarball) as tar:
            for member, name in FILES.items():
                extracted = tar.extractfile(f"package/{member}")
                if extracted is None:
                    print(f"{member} tidak ada di paket", file=sys.stderr)
                    return 1
                (TARGET / name).write_bytes(extracted.read())
        resolved = tarball.name.removeprefix("idn-area-data-").removesuffix(".tgz")
    (TARGET / "SOURCE.md").write_text(SOURCE_TEMPLATE.format(version=resolved), encoding="utf-8")
    print(f"smartcity/data/reference diperbarui dari idn-area-data {resolved}")
    return 0


SOURCE_TEMPLATE = """# Sumber data referensi wilayah

`provinces.csv` (38 provinsi) dan `regencies.csv` (514 kabupaten/kota) berasal
dari paket npm `idn-area-data` versi {version}
(https://github.com/fityannugroho/idn-area-data), yang bersumber dari
Kepmendagri 2025. Data tersebut berlisensi Open Database License (ODbL) 1.0;
teks lisensinya ada di `LICENSE-ODbL.md`. Perbarui dengan
`python scripts/refresh_reference.py`.
"""

if __name__ == "__main__":
    sys.exit(main(sys.argv))
