"""JupyterLab Dark in a real browser: what the kit draws reads, measured on the page itself.

tests/test_style.py computes contrast from the themes' style sheets; this test
asks Chromium for the colours JupyterLab really applies, so it also catches a
JupyterLab rule that beats the kit's (as its table rule once right-aligned the
diff). One small notebook shows each kind of highlight the kit draws (the
concordance keyword, quotations, inserted and deleted words) and a plot; the
server is the one ``make lab`` starts, set to JupyterLab Dark, in a temporary
folder. Like tests/test_browser.py, it skips only when Chromium is missing.
"""

from __future__ import annotations

import nbformat
import pytest

from labserver import make_lab
from test_browser import LAB_SETTINGS, PANEL, browser, chromium, run_all  # noqa: F401 (fixtures)

DARK = {
    **LAB_SETTINGS,
    "@jupyterlab/apputils-extension/themes.jupyterlab-settings": {"theme": "JupyterLab Dark"},
}
CELLS = [
    """import kit
from IPython.display import HTML, display
from kit.widgets import concordance_html, quotes_html

a, b = kit.load_articles()
display(HTML(concordance_html(a, "sanctions")))
display(HTML(quotes_html(a)))
kit.compare_versions(a, b)""",
    """from kit.plots import keyword_bars

keyword_bars(a, b, n=5);""",
]

# WCAG's contrast of each highlighted element's text against what is really
# behind it: its own translucent background laid over its ancestors', up to the
# first opaque one.
CONTRASTS = """() => {
    const parse = s => {
        const p = s.match(/rgba?\\(([^)]+)\\)/)[1].split(',').map(Number);
        return [p[0] / 255, p[1] / 255, p[2] / 255, p.length > 3 ? p[3] : 1];
    };
    const over = (top, bottom) => [0, 1, 2].map(i => top[3] * top[i] + (1 - top[3]) * bottom[i]).concat([1]);
    const lum = c => {
        const f = x => x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const contrast = (x, y) => {
        const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
        return (hi + 0.05) / (lo + 0.05);
    };
    const behind = el => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c[3] > 0) layers.push(c);
            if (c[3] >= 1) break;
        }
        return layers.reverse().reduce((bg, c) => over(c, bg), [1, 1, 1, 1]);
    };
    return [...document.querySelectorAll('%s .jp-OutputArea-output :is(mark, ins, del)')].map(el => {
        const bg = behind(el);
        return {tag: el.tagName, text: el.textContent.slice(0, 40),
                ratio: contrast(over(parse(getComputedStyle(el).color), bg), bg)};
    });
}""" % PANEL

# The mean luminance of a plot's corner: its background.
PLOT_CORNER = """img => {
    const canvas = document.createElement('canvas');
    canvas.width = 8; canvas.height = 8;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0, 8, 8, 0, 0, 8, 8);
    const d = context.getImageData(0, 0, 8, 8).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += (0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]) / 255;
    return sum / (d.length / 4);
}"""


def test_the_kit_reads_in_jupyterlab_dark(browser, tmp_path):  # noqa: F811 (the fixture)
    root = tmp_path / "root"
    root.mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "dark.ipynb")
    with make_lab(tmp_path / "home", root=root, settings=DARK) as lab:
        page = run_all(browser, lab, "dark.ipynb", tmp_path)
        assert page.evaluate("document.body.dataset.jpThemeLight") == "false", "the dark theme is not on"
        found = page.evaluate(CONTRASTS)
        assert {f["tag"] for f in found} == {"MARK", "INS", "DEL"}
        poor = [f for f in found if f["ratio"] < 4.5]
        assert not poor, f"highlighted text below 4.5 to 1 in JupyterLab Dark: {poor[:5]}"
        aligned = page.evaluate(
            f"[...document.querySelectorAll('{PANEL} .kit-compare tr:not(.skip) td')]"
            ".map(td => getComputedStyle(td).textAlign)"
        )
        assert aligned and set(aligned) == {"left"}, set(aligned)
        plot = page.locator(f"{PANEL} .jp-OutputArea-output img").first
        assert plot.evaluate(PLOT_CORNER) < 0.1, "the plot is drawn on a light background"
        for name in ("kit-concordance", "kit-quotes", "kit-compare"):  # for a person to look at
            page.locator(f"{PANEL} .{name}").first.screenshot(path=str(tmp_path / f"dark_{name}.png"))
        plot.screenshot(path=str(tmp_path / "dark_plot.png"))
        page.close()
