"""Layout checks a reader would notice, run in the browser on any page (issue 12):
the page never scrolls sideways, chart text is drawn at least 11 px tall, and anything
wider than its place scrolls in a box a keyboard can reach (tabindex, or links inside
it, which scroll into view as they get focus: axe's scrollable-region-focusable rule)."""

from __future__ import annotations

CHECK = """(width) => {
  const problems = [];
  if (document.documentElement.scrollWidth > width) problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
  for (const text of document.querySelectorAll('article svg text')) {
    if (!text.getClientRects().length || !text.textContent.trim()) continue;
    const size = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
    if (size < 10.95) problems.push('svg text ' + size.toFixed(1) + ' px: ' + text.textContent.slice(0, 30));
  }
  for (const box of document.querySelectorAll('article *')) {
    if (!box.getClientRects().length) continue;
    const style = getComputedStyle(box);
    const scrolls = ['auto', 'scroll'].includes(style.overflowX) && box.scrollWidth > box.clientWidth + 1;
    const reachable = box.tabIndex >= 0 || box.querySelector('a[href], button, input, select, [tabindex]');
    if (scrolls && !reachable && !['PRE', 'CODE'].includes(box.tagName)) problems.push('scrolls without focus: ' + box.className);
  }
  const article = document.querySelector('article').getBoundingClientRect();
  for (const svg of document.querySelectorAll('article svg')) {
    if (svg.closest('.sc-chart__scroll, .sc-table-wrap') || !svg.getClientRects().length) continue;
    const r = svg.getBoundingClientRect();
    if (r.width > 2 && (r.left < article.left - 1 || r.right > article.right + 1)) problems.push('svg outside the page: ' + svg.getAttribute('class'));
  }
  return [...new Set(problems)].slice(0, 10);
}"""


def layout_problems(page, width: int) -> list[str]:
    """What is wrong with the page's layout at this viewport width."""
    return page.evaluate(CHECK, width)
