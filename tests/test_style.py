"""Contrast in JupyterLab's light and dark themes, computed from the themes' real colours.

The colours are read from the theme style sheets of the JupyterLab installed
with the kit (``share/jupyter/lab/themes/@jupyterlab/theme-*-extension``), not
copied by hand, so a JupyterLab that changes its palette is checked as it is.

WCAG 2 AA asks for a contrast of 4.5 to 1 between text and its background, and
of 3 to 1 for the parts of a chart. A highlight is translucent: it is laid over
each background a highlighted word can stand on (the notebook, a table's
striped and hovered rows), and the theme's own text colours are laid over that.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from matplotlib.colors import CSS4_COLORS, to_rgba

import kit
from kit import style, widgets
from kit.compare import compare_versions

THEMES = {
    name: Path(sys.prefix, "share", "jupyter", "lab", "themes", "@jupyterlab", f"theme-{name}-extension", "index.css")
    for name in ("light", "dark")
}
BACKGROUNDS = (
    "--jp-layout-color0",  # the notebook, output areas, odd table rows
    "--jp-layout-color1",  # panels
    "--jp-rendermime-table-row-background",  # even table rows
    "--jp-rendermime-table-row-hover-background",  # the row under the mouse
)
TEXT = ("--jp-content-font-color0", "--jp-content-font-color1", "--jp-ui-font-color1")
"""The colours text is drawn in: the kit leaves ordinary text to the theme."""

RGBA = tuple[float, float, float, float]


def theme_variables(name: str) -> dict[str, str]:
    css = THEMES[name].read_text(encoding="utf-8")
    found = dict(re.findall(r"(--jp-[\w-]+)\s*:\s*([^;}]+)", css))
    assert {*BACKGROUNDS, *TEXT} <= set(found), f"{THEMES[name]} lacks some of JupyterLab's colours"
    return {k: v.strip() for k, v in found.items()}


def resolve(value: str, variables: dict[str, str]) -> str:
    """A CSS value with each var(--name, fallback) replaced: by the theme's value, else the fallback."""
    while "var(" in value:
        start = value.rindex("var(")
        depth, end = 0, start + 4
        for end in range(start + 4, len(value)):  # the var()'s own closing parenthesis
            depth += {"(": 1, ")": -1}.get(value[end], 0)
            if depth < 0:
                break
        name, _, fallback = value[start + 4 : end].partition(",")
        name = name.strip()
        replacement = variables[name] if name in variables else fallback.strip()
        value = value[:start] + replacement + value[end + 1 :]
    return value


def parse(colour: str) -> RGBA:
    m = re.fullmatch(r"rgba?\(([^)]*)\)", colour.replace(" ", ""))
    if m:
        parts = [float(p) for p in m.group(1).split(",")]
        return (parts[0] / 255, parts[1] / 255, parts[2] / 255, parts[3] if len(parts) > 3 else 1.0)
    return to_rgba(colour)  # names and hex colours, as CSS spells them


def over(top: RGBA, bottom: RGBA) -> RGBA:
    """A translucent colour laid over an opaque one."""
    a = top[3]
    return (*(a * t + (1 - a) * b for t, b in zip(top[:3], bottom[:3])), 1.0)


def luminance(c: RGBA) -> float:
    def channel(x: float) -> float:
        return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(x) for x in c[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(x: RGBA, y: RGBA) -> float:
    hi, lo = sorted((luminance(x), luminance(y)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def backgrounds(variables: dict[str, str]) -> dict[str, RGBA]:
    page = parse(resolve(variables["--jp-layout-color0"], variables))
    return {name: over(parse(resolve(variables[name], variables)), page) for name in BACKGROUNDS}


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("kind", sorted(style.HIGHLIGHTS))
def test_highlighted_text_reads_on_every_background(theme, kind):
    variables = theme_variables(theme)
    mark = parse(style.HIGHLIGHTS[kind])
    assert mark[3] < 1, "a highlight is translucent, so that it suits both themes"
    for where, ground in backgrounds(variables).items():
        lit = over(mark, ground)
        for text in TEXT:
            ink = over(parse(resolve(variables[text], variables)), lit)
            ratio = contrast(ink, lit)
            assert ratio >= 4.5, f"{kind} on {where}, {theme} theme, in {text}: {ratio:.2f} to 1"


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_muted_text_reads_on_every_background(theme):
    variables = theme_variables(theme)
    opacity = float(re.fullmatch(r"opacity: ([\d.]+);", style.MUTED).group(1))
    for where, ground in backgrounds(variables).items():
        for text in TEXT:
            r, g, b, a = parse(resolve(variables[text], variables))
            ratio = contrast(over((r, g, b, a * opacity), ground), ground)
            assert ratio >= 4.5, f"muted {text} on {where}, {theme} theme: {ratio:.2f} to 1"


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("name", ["BAR", "ERROR"])
def test_bars_and_rules_stand_out_from_every_background(theme, name):
    variables = theme_variables(theme)
    colour = parse(resolve(getattr(style, name), variables))
    for where, ground in backgrounds(variables).items():
        ratio = contrast(colour, ground)
        assert ratio >= 3, f"{name} on {where}, {theme} theme: {ratio:.2f} to 1"


@pytest.mark.parametrize("name", ["BAR", "ERROR"])
def test_fallbacks_stand_out_on_a_white_page(name):
    """A page without JupyterLab's variables (an HTML export) uses the fallbacks."""
    assert contrast(parse(resolve(getattr(style, name), {})), parse("white")) >= 3


def test_the_contrast_check_can_fail():
    """The old colours: white text on the old pale green highlight was unreadable."""
    dark = theme_variables("dark")
    ground = backgrounds(dark)["--jp-layout-color0"]
    white = parse(resolve(dark["--jp-content-font-color0"], dark))
    assert contrast(white, over(parse("#d4f8d4"), ground)) < 1.5


# --- every colour the kit's HTML uses comes from kit.style --------------------------

KNOWN = sorted({*style.HIGHLIGHTS.values(), style.ERROR, style.BAR, style.RULE}, key=len, reverse=True)
COLOUR = re.compile(
    r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(|\b(?:" + "|".join(sorted(CSS4_COLORS, key=len, reverse=True)) + r")\b"
)


def everything_the_kit_draws_in_html() -> dict[str, str]:
    a, b = kit.load_articles()
    quote = kit.extract_quotes(a)[0]
    flagged = quote._replace(flag="unclosed") if hasattr(quote, "_replace") else quote
    comparison = compare_versions(a, b)
    return {
        "keywords": widgets.keywords_html(a, 5),
        "concordance": widgets.concordance_html(a, "sanctions"),
        "quotes": widgets.quotes_html(a, quotes=[flagged, *kit.extract_quotes(a)[1:]]),
        "pair": widgets.pair_html(next(p for p in comparison if p.edits), position="1 of 1"),
        "comparison": comparison.to_html(),
        "message": widgets.render.message_html("hint"),
        "error": widgets.render.message_html("wrong", error=True),
        "explorer": widgets.quote_browser(a, b).output.value,
    }


@pytest.mark.parametrize("name, page", sorted(everything_the_kit_draws_in_html().items()))
def test_every_colour_in_the_html_is_one_that_is_checked(name, page):
    declarations = re.findall(r"(?:color|background(?:-color)?|border[\w-]*|opacity)\s*:\s*([^;\"}]+)", page)
    assert declarations, f"{name}: no colours found at all; is the pattern right?"
    for value in declarations:
        rest = value
        for known in KNOWN:
            rest = rest.replace(known, "")
        assert not COLOUR.search(rest.replace("inherit", "")), f"{name}: an unchecked colour in {value!r}"
        if re.fullmatch(r"[\d.]+", value.strip()):  # an opacity: only the checked one
            assert f"opacity: {value.strip()};" == style.MUTED


@pytest.mark.parametrize("name, page", sorted(everything_the_kit_draws_in_html().items()))
def test_marked_text_keeps_the_themes_colour(name, page):
    """Browsers draw <mark> black on yellow by default: black vanishes on a dark theme."""
    for tag in re.findall(r"<mark[^>]*>", page):
        assert "color: inherit" in tag
    if "<ins>" in page or "<del>" in page:
        assert re.search(r"ins \{[^}]*color: inherit", page) and re.search(r"del \{[^}]*color: inherit", page)
