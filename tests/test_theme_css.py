"""The theme's stylesheet without the components the site never shows."""

from __future__ import annotations

from pathlib import Path

from smartcity.site.output.theme_css import without_unused_rules


def test_unused_selectors_go_and_the_rest_stays() -> None:
    css = ('@charset "UTF-8";html{color:red}.md-search__input,.md-typeset details{margin:0}'
           '.md-search{top:0}@media screen and (min-width:60em){.md-search__form{x:1}.md-nav{y:2}}'
           '@media print{.md-tooltip{z:3}}:root{--md-icon:url(\'data:image/svg+xml;charset=utf-8,<svg a="{b}"/>\')}'
           '@keyframes spin{0%{a:1}to{a:2}}/*# sourceMappingURL=main.css.map*/')
    assert without_unused_rules(css) == (
        '@charset "UTF-8";html{color:red}.md-typeset details{margin:0}'
        '@media screen and (min-width:60em){.md-nav{y:2}}'
        ':root{--md-icon:url(\'data:image/svg+xml;charset=utf-8,<svg a="{b}"/>\')}@keyframes spin{0%{a:1}to{a:2}}\n')


def test_the_built_stylesheet_is_smaller_and_balanced(sample_site: Path) -> None:
    built = next((sample_site / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert len(built) < 110_000                       # Material's own: 137 KB
    assert built.count("{") == built.count("}")
    assert ".md-search" not in built and ".md-typeset .admonition" not in built
    assert ".md-header" in built and ".md-typeset table" in built and ".md-nav" in built
