"""mkdocs-macros entry point: wires the page macros to the smartcity plugin's build.

Hand-written pages call these macros. Each renders its HTML, with every piece
of data text escaped by the templates, and returns a placeholder that the
plugin fills with that HTML after Markdown (see smartcity/site/build.py). Macro
output is not re-rendered. Generated region pages need no macro: the plugin
renders them (smartcity/site/plugin.py).
"""

from typing import Any

from smartcity.site.pages.renderer import PARTS


def define_env(env: Any) -> None:
    """Register every macro; each reaches the current build through the plugin instance."""
    plugin = env.conf.plugins["smartcity"]

    def slotted(name: str) -> Any:
        def macro() -> str:
            return plugin.build.macro(name, env.page.url)
        macro.__name__ = name
        return macro

    for name in PARTS:   # the Renderer's parts: a macro per part, no arguments
        env.macro(slotted(name), name)
