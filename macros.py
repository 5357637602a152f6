"""mkdocs-macros entry point: wires the package's renderers to page macros.

Pages call these macros with validated ids only; each returns ready HTML in
which every piece of data text is escaped. Macro output is not re-rendered.
"""

from smartcity.state import current


def define_env(env):
    def page_url() -> str:
        return env.page.url

    @env.macro
    def region_page(region_id: str, slug: str) -> str:
        return current().renderer.region_page(region_id, slug, page_url())

    @env.macro
    def home_figures() -> str:
        return current().renderer.home_figures(page_url())

    @env.macro
    def regions_table() -> str:
        return current().renderer.regions_table(page_url())
