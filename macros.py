"""mkdocs-macros entry point: wires the package's renderers to page macros.

Pages call these macros with validated ids only. Each renders its HTML, with
every piece of data text escaped by the templates, and returns a placeholder
that the build fills with that HTML after Markdown (see smartcity/state.py).
Macro output is not re-rendered.
"""

from smartcity.state import current


def define_env(env):
    def page_url() -> str:
        return env.page.url

    @env.macro
    def region_page(region_id: str, slug: str) -> str:
        build = current()
        return build.slot(build.renderer.region_page(region_id, slug, page_url()))

    @env.macro
    def home_figures() -> str:
        build = current()
        return build.slot(build.renderer.home_figures(page_url()))

    @env.macro
    def regions_table() -> str:
        build = current()
        return build.slot(build.renderer.regions_table(page_url()))

    @env.macro
    def regions_by_province() -> str:
        build = current()
        return build.slot(build.renderer.regions_by_province(page_url()))

    @env.macro
    def search_box() -> str:
        build = current()
        return build.slot(build.renderer.search_box(page_url()))
