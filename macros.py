"""mkdocs-macros entry point: wires the package's renderers to page macros.

Hand-written pages call these macros. Each renders its HTML, with every piece
of data text escaped by the templates, and returns a placeholder that the build
fills with that HTML after Markdown (see smartcity/state.py). Macro output is
not re-rendered. Generated region pages need no macro: the hooks render them
(smartcity/mkdocs_hooks.py).
"""

from smartcity.state import current

# Macro name = the Renderer method that renders it; none takes arguments.
MACROS = ("home_figures", "regions_table", "regions_by_province", "search_box", "contributor_reference",
          "error_codes", "province_index", "pillar_index", "compare_regions", "national_charts", "downloads", "province_tiles", "ranking_tables")


def define_env(env):
    def slotted(name):
        def macro() -> str:
            build = current()
            return build.slot(getattr(build.renderer, name)(env.page.url))
        macro.__name__ = name
        return macro

    for name in MACROS:
        env.macro(slotted(name), name)
