"""The "Tanggapi" links of programmes and quick wins, from the region's feedback
channels. Only these forms are produced: the channel's https URL (validated),
mailto:<address>, tel:<number> and https://wa.me/<digits>; a region that names no
channel gets the national SP4N-LAPOR! address."""

from __future__ import annotations

from dataclasses import dataclass

from smartcity.model import FeedbackChannel, Region

LAPOR = "https://www.lapor.go.id/"
LABELS = {"lapor": "SP4N-LAPOR!", "web": "Situs aduan", "email": "Surel", "whatsapp": "WhatsApp",
          "phone": "Telepon"}


@dataclass(frozen=True)
class FeedbackLink:
    """One way to respond: what the reader sees and where it leads."""
    label: str
    href: str


def _href(channel: FeedbackChannel) -> str | None:
    if channel.channel in ("lapor", "web"):
        return channel.url
    if channel.channel == "email" and channel.address:
        return f"mailto:{channel.address}"
    if channel.channel == "whatsapp" and channel.number:
        return f"https://wa.me/{channel.number.removeprefix('+')}"
    if channel.channel == "phone" and channel.number:
        return f"tel:{channel.number}"
    return None


def feedback_links(region: Region) -> tuple[FeedbackLink, ...]:
    """The region's channels as links, in file order; SP4N-LAPOR! when it names none."""
    links = []
    for channel in region.feedback:
        href = _href(channel)
        if href is not None and href.startswith(("https://", "mailto:", "tel:")):
            links.append(FeedbackLink(channel.label or LABELS[channel.channel], href))
    return tuple(links) or (FeedbackLink(LABELS["lapor"], LAPOR),)
