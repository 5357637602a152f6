"""mkdocs-macros entry point: wires the package's renderers to page macros.

Hand-written pages call these macros. Each renders its HTML, with
every piece of data text escaped by the templates, and returns a placeholder
that the build fills with that HTML after Markdown (see smartcity/state.py).
Macro output is not re-rendered. Generated region pages need no macro: the
hooks render them (smartcity/mkdocs_hooks.py).
"""

from smartcity.state import current


def define_env(env):
    def page_url() -> str:
        return env.page.url

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

    @env.macro
    def contributor_reference() -> str:
        build = current()
        return build.slot(build.renderer.contributor_reference(page_url()))

    @env.macro
    def error_codes() -> str:
        build = current()
        return build.slot(build.renderer.error_codes(page_url()))
