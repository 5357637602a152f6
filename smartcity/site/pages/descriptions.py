"""What a page says about itself when shared or found: its description (the
`<meta name="description">`, Open Graph and Twitter card text). The region's own
summaries where they exist, otherwise a sentence naming what the page holds."""

from __future__ import annotations

from smartcity.model import Region
from smartcity.reference import Reference
from smartcity.site.pages.types import NationalPage, RegionPage

LIMIT = 160   # what search engines and chat previews show


def plain(text: str, limit: int = LIMIT) -> str:
    """One line of at most `limit` characters, cut at a word with "…"."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[:limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def region_description(region: Region, page: RegionPage, reference: Reference) -> str:
    """The description of one region page."""
    where = f"{region.name}, {region.province}"
    if page.pillar is not None:
        plan = region.pillar(page.pillar)
        label = reference.pillar(page.pillar).label
        if plan.summary:
            return plain(f"{label} {region.name}: {plan.summary}")
        return plain(f"Strategi, program dan quick win {label} dalam masterplan smart city {where}.")
    if not page.slug:
        if region.summary:   # a summary that names its region stands alone
            lead = "" if region.name in region.summary else f"Masterplan smart city {region.name}: "
            return plain(lead + region.summary)
        return plain(f"Masterplan smart city {where}: visi, strategi enam pilar, program, quick win dan evaluasi.")
    about = {"analisis": "profil, analisis SWOT, kesiapan dan keselarasan dengan RPJMD",
             "peta-jalan": "peta jalan jangka pendek, menengah dan panjang",
             "quick-wins": "quick win di enam pilar",
             "evaluasi": "hasil evaluasi per putaran dan tren nilainya",
             "risiko": "daftar risiko dengan kemungkinan, dampak dan mitigasinya",
             "riwayat": "riwayat perubahan data masterplan",
             "cetak": "seluruh masterplan dalam satu halaman untuk dicetak"}.get(page.slug, page.label)
    return plain(f"{page.label} — masterplan smart city {where}: {about}.")


def national_description(page: NationalPage) -> str:
    """The description of a generated national page."""
    if page.kind == "province":
        return plain(f"{page.title}: kabupaten dan kota dengan masterplan smart city, kemajuan program, "
                     "nilai evaluasi, dan wilayah yang belum memiliki masterplan.")
    if page.kind == "pillar":
        return plain(f"{page.title}: strategi, program dan katalog quick win dari semua masterplan smart city "
                     "kabupaten dan kota.")
    if page.kind == "element":
        return plain(f"{page.title}: setiap strategi dan program elemen ini dari semua wilayah, menurut provinsi.")
    return plain(f"{page.title}: nilai akhir evaluasi smart city per wilayah pada putaran ini.")
