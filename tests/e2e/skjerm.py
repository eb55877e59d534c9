"""Checks every page of the browser tests can share: axe-core finds no serious or critical WCAG violation, and
the page does not scroll sideways (WCAG 1.4.10, reflow).

axe-core comes from npm (package.json's devDependencies) and is copied into tests/e2e/vendor by `make vendor`;
the copy is committed because CI has no npm step. It is evaluated through the DevTools protocol, which the
page's Content-Security-Policy does not govern, so nothing is loosened for the test.
"""

from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
    # axe would re-read the style sheets (for css-orientation-lock) by putting their text into <style> elements,
    # which the Content-Security-Policy rightly refuses; we lock no orientation, so that one rule goes unchecked.
    "preload": False,
}
BLOCKING = {"serious", "critical"}


def axe_violations(page, *, exclude: list[str] | None = None) -> list[dict]:
    """The serious and critical violations axe-core finds on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    results = page.evaluate(
        "async ([context, options]) => await window.axe.run(context || document, options)", [context, AXE_OPTIONS]
    )
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']} – {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def blank_below_footer(page) -> float:
    """How far the page goes on below its footer, with every <details> opened (0 when the footer ends it)."""
    return page.evaluate(
        """() => {
            document.querySelectorAll("details").forEach((d) => { d.open = true; });
            const footer = document.querySelector("footer");
            const end = Math.max(footer.getBoundingClientRect().bottom + window.scrollY, window.innerHeight);
            return document.documentElement.scrollHeight - end;  // a page shorter than the window ends at the window
        }"""
    )


def assert_page_ok(page, *, sideways: bool = True, exclude: list[str] | None = None) -> None:
    """axe-core clean (serious/critical) and, unless sideways=False, no horizontal scroll of the page."""
    violations = axe_violations(page, exclude=exclude)
    assert not violations, f"axe-core on {page.url}:\n{describe(violations)}"
    if sideways:
        overflow = horizontal_overflow(page)
        width = page.viewport_size["width"]
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px at {width} px"


CONTRAST_JS = """
([selector, property]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    const luminance = (rgb) => {
        const [r, g, b] = rgb.match(/[\\d.]+/g).map(Number);
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const element = document.querySelector(selector);
    let background = element.parentElement;
    while (background && getComputedStyle(background).backgroundColor.match(/rgba\\(.*, 0\\)$|transparent/)) {
        background = background.parentElement;
    }
    const bg = background ? getComputedStyle(background).backgroundColor : "rgb(255, 255, 255)";
    const [a, b] = [luminance(getComputedStyle(element)[property]), luminance(bg)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
"""


def contrast(page, selector: str, property: str = "borderTopColor") -> float:
    """The contrast ratio between a colour of an element (its border by default) and the background behind it."""
    return page.evaluate(CONTRAST_JS, [selector, property])
