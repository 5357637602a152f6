"""Rules about where the region's feedback links lead: a link says where it goes. A channel
of a known service (SP4N-LAPOR!, WhatsApp) points at that service's host, also when a
`web` channel's label names it; addresses carry no user-info (`https://lapor.go.id@evil/`)
and an ASCII host (a look-alike letter is refused: write punycode); phone and WhatsApp
numbers are Indonesian numbers that can be written in the international form (62…)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from smartcity.validation.rule_context import RuleContext, as_dict, as_list, as_str

# a service's own hosts: the host itself or a subdomain of it
SERVICES = {"lapor": ("SP4N-LAPOR!", ("lapor.go.id",)), "whatsapp": ("WhatsApp", ("wa.me", "whatsapp.com"))}
LABEL_NAMES = {"lapor": re.compile(r"lapor", re.IGNORECASE), "whatsapp": re.compile(r"whats\s*app", re.IGNORECASE)}
INDONESIAN_NUMBER = re.compile(r"(\+?62|0)[0-9]{5,13}")


def international_number(number: str) -> str:
    """An Indonesian number in the international form without "+": 0812… and +62812… → 62812…."""
    digits = number.removeprefix("+")
    return "62" + digits[1:] if digits.startswith("0") else digits


def _on_host(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def feedback_links(ctx: RuleContext) -> None:
    """Each channel's link leads where its kind and label say (see the module)."""
    for i, channel in enumerate(as_list(ctx.data.get("feedback"))):
        channel = as_dict(channel)
        kind, url, label = as_str(channel.get("channel")), as_str(channel.get("url")), as_str(channel.get("label"))
        if url is not None and url.startswith("https://"):
            try:
                parts = urlsplit(url)
                host = (parts.hostname or "").lower()
            except ValueError:
                continue   # the schema's pattern reports malformed addresses
            if "@" in parts.netloc:
                ctx.add(("feedback", i, "url"), "E-FEEDBACK-USERINFO", value=url)
                continue
            if not host.isascii():
                ctx.add(("feedback", i, "url"), "E-FEEDBACK-HOST-ASCII", value=parts.hostname or "")
                continue
            named = [key for key, pattern in LABEL_NAMES.items() if label and pattern.search(label)]
            for service in ([kind] if kind in SERVICES else []) + named:
                name, hosts = SERVICES[service]
                if not _on_host(host, hosts):
                    ctx.add(("feedback", i, "url"), "E-FEEDBACK-HOST", value=host, service=name,
                            expected=", ".join(hosts))
                    break
        number = as_str(channel.get("number"))
        if kind in ("whatsapp", "phone") and number is not None and re.fullmatch(r"\+?[0-9]{6,15}", number) \
                and not INDONESIAN_NUMBER.fullmatch(number):
            ctx.add(("feedback", i, "number"), "E-FEEDBACK-NUMBER", value=number)
