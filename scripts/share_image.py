"""Draw the site's share image (docs/assets/share.png, 1200 × 630), the picture chat
apps and social sites show beside a shared link. Run it again when the design
changes; the build only copies the PNG. Needs Playwright and Debian's chromium
(the test requirements), not a network.

Usage: python scripts/share_image.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "share.png"
PILLARS = ("Governance", "Branding", "Economy", "Living", "Society", "Environment")
HTML = """<!doctype html><html lang="id"><head><meta charset="utf-8"><style>
body { margin: 0; width: 1200px; height: 630px; font-family: "DejaVu Sans", sans-serif; color: #fff;
       background: #3949ab; }
main { box-sizing: border-box; height: 100%; padding: 80px 90px; display: flex; flex-direction: column; }
.kicker { font-size: 30px; letter-spacing: 2px; text-transform: uppercase; opacity: .85; }
h1 { margin: 24px 0 0; font-size: 76px; line-height: 1.1; }
p { margin: 28px 0 0; font-size: 34px; line-height: 1.35; opacity: .95; }
ul { margin: auto 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 14px; }
li { font-size: 26px; padding: 8px 20px; border: 2px solid rgba(255,255,255,.7); border-radius: 30px; }
</style></head><body><main>
<div class="kicker">Gerakan Menuju 100 Smart City</div>
<h1>Masterplan Smart City Indonesia</h1>
<p>Visi, strategi, program, quick win, peta jalan dan evaluasi<br>setiap kabupaten dan kota, terbuka untuk publik.</p>
<ul>""" + "".join(f"<li>Smart {p}</li>" for p in PILLARS) + "</ul></main></body></html>"


def main() -> int:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(HTML)
        page.screenshot(path=str(OUT), type="png")
        browser.close()
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
