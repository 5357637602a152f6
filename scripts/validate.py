"""Check region files: `python scripts/validate.py [--format text|json|github] [--lang id|en] [FILE…]`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from smartcity.cli_validate import run  # noqa: E402

if __name__ == "__main__":
    run()
