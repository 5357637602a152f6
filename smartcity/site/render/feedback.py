"""The "Tanggapi" links of programmes and quick wins, from the region's feedback
channels. Only these forms are produced: the channel's https URL (validated: a known
service's channel points at its host), mailto:<address> (an address only: no `%`, `?`
or headers), tel:+62… and https://wa.me/62… (numbers in the international form: a
WhatsApp link to "0812…" does not open); a region that names no channel gets the
national SP4N-LAPOR! address."""

from __future__ import annotations

from dataclasses import dataclass

from smartcity.labels import CHANNEL_LABELS
from smartcity.model import FeedbackChannel, Region
from smartcity.validation.rules_links import international_number

LAPOR = "https://www.lapor.go.id/"


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
        return f"https://wa.me/{international_number(channel.number)}"
    if channel.channel == "phone" and channel.number:
        return f"tel:+{international_number(channel.number)}"
    return None


def feedback_links(region: Region) -> tuple[FeedbackLink, ...]:
    """The region's channels as links, in file order; SP4N-LAPOR! when it names none."""
    links = []
    for channel in region.feedback:
        href = _href(channel)
        if href is not None and href.startswith(("https://", "mailto:", "tel:")):
            links.append(FeedbackLink(channel.label or CHANNEL_LABELS[channel.channel], href))
    return tuple(links) or (FeedbackLink(CHANNEL_LABELS["lapor"], LAPOR),)


def feedback_in_words(region: Region) -> tuple[FeedbackLink, ...]:
    """The same channels for paper, where a link cannot be followed: each channel's label
    with the address, e-mail or number a reader types (`href` holds that text)."""
    out = []
    for link in feedback_links(region):
        shown = link.href.removeprefix("mailto:").removeprefix("tel:")
        if shown.startswith("https://wa.me/"):
            shown = "+" + shown.removeprefix("https://wa.me/")
        out.append(FeedbackLink(link.label, shown))
    return tuple(out)
