"""kit.plots: every plot draws exactly what the kit's functions return.

The tests read the drawing back (titles, tick labels, bar lengths, colours) and
compare it with the data, then save a PNG. Matplotlib runs on the Agg backend,
so no window opens.
"""

from __future__ import annotations

import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

import kit  # noqa: E402
from conftest import HOLDOUT, ROOT  # noqa: E402
from kit import plots  # noqa: E402
from kit.compare import STATUSES, compare_versions  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def title(ax) -> str:
    """The title as one line: long ones are wrapped to fit over the plot."""
    return " ".join(ax.get_title().split())


def labels(ticklabels) -> list[str]:
    return [t.get_text() for t in ticklabels]


def widths(bars) -> list[float]:
    return [float(bar.get_width()) for bar in bars]


def saved(ax, path) -> None:
    """Save the plot's figure as a PNG and check a real image came out."""
    ax.figure.savefig(path, dpi=60, bbox_inches="tight")
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 2000


def y_order(ax, ticklabels) -> list[str]:
    """Tick labels from the top of the plot to the bottom, as a reader sees them."""
    ys = {t.get_text(): ax.transData.transform((0, t.get_position()[1]))[1] for t in ticklabels}
    return sorted(ys, key=lambda word: -ys[word])


# --- keyword bars ---------------------------------------------------------------


def test_keyword_bars_draws_top_keywords(seeds, tmp_path):
    a, _ = seeds
    top = kit.top_keywords(a, 7)
    ax = plots.keyword_bars(a, n=7)
    assert title(ax) == f"Top 7 keywords in {a.label}"
    assert labels(ax.get_yticklabels()) == [w for w, _ in top]
    assert widths(ax.patches) == [c for _, c in top]
    assert y_order(ax, ax.get_yticklabels())[0] == top[0][0]  # the most frequent on top
    assert ax.get_xlabel() == "occurrences"
    saved(ax, tmp_path / "keywords.png")


def test_keyword_bars_passes_stopwords_through(seeds):
    a, _ = seeds
    ax = plots.keyword_bars(a, n=5, stopwords=kit.stopwords(["countries", "sanctions"]))
    assert labels(ax.get_yticklabels()) == [
        w for w, _ in kit.top_keywords(a, 5, stopwords=kit.stopwords(["countries", "sanctions"]))
    ]
    assert "countries" not in labels(ax.get_yticklabels())


def test_keyword_bars_side_by_side(seeds, tmp_path):
    a, b = seeds
    ax = plots.keyword_bars(a, b, n=6)
    words_a = [w for w, _ in kit.top_keywords(a, 6)]
    words = words_a + [w for w, _ in kit.top_keywords(b, 6) if w not in words_a]
    assert labels(ax.get_yticklabels()) == words
    assert title(ax) == f"The top 6 keywords of A and of B: {len(words)} words"
    assert len(ax.get_yticklabels()) == len(words)
    bars_a, bars_b = ax.containers
    counts_a, counts_b = kit.word_counts(a), kit.word_counts(b)
    assert widths(bars_a) == [counts_a[w] for w in words]
    assert widths(bars_b) == [counts_b[w] for w in words]
    assert labels(ax.get_legend().get_texts()) == [a.label, b.label]
    saved(ax, tmp_path / "keywords_ab.png")


def test_keyword_bars_on_strings_and_a_given_axes():
    fig, (left, right) = plt.subplots(1, 2)
    ax = plots.keyword_bars("Iran and Belarus. Iran again.", ax=right, n=2)
    assert ax is right and ax.figure is fig
    assert ax.get_title() == "Top 2 keywords in the text"
    assert labels(ax.get_yticklabels()) == ["iran", "belarus"]
    assert not left.patches


def test_keyword_bars_says_how_to_pass_n(seeds):
    with pytest.raises(TypeError, match=r"keyword_bars\(text, n=5\)"):
        plots.keyword_bars(seeds[0], 5)


def test_an_axes_of_the_wrong_kind_is_refused(seeds):
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        plots.keyword_bars(seeds[0], ax="left")


def test_no_keywords_is_said_in_the_plot():
    ax = plots.keyword_bars("the and of", n=3)
    assert not ax.patches
    assert "no words left" in ax.texts[0].get_text()


# --- dispersion -----------------------------------------------------------------


def test_dispersion_first_word_on_top(seeds, tmp_path):
    a, _ = seeds
    targets = ["sanctions", "iran", "belarus", "lukashenko"]
    ax = plots.dispersion_plot(a, targets)
    # The labels read top to bottom in the order given (NLTK had them reversed).
    assert labels(ax.get_yticklabels()) == targets
    assert y_order(ax, ax.get_yticklabels()) == targets
    d = kit.dispersion(a, targets)
    for row, word in enumerate(targets):
        line = ax.lines[row]
        assert line.get_label() == word
        assert list(line.get_xdata()) == d.positions[word]
        assert set(line.get_ydata()) <= {row}
    assert ax.get_xlim() == (0, d.total)
    assert title(ax) == f"Where the words occur in {a.label}"
    assert str(d.total) in ax.get_xlabel()
    saved(ax, tmp_path / "dispersion.png")


def test_dispersion_of_missing_and_single_words():
    ax = plots.dispersion_plot("Iran and Belarus. Iran again.", ["Iran", "russia"])
    assert labels(ax.get_yticklabels()) == ["iran", "russia"]
    assert list(ax.lines[0].get_xdata()) == [0, 3]
    assert list(ax.lines[1].get_xdata()) == []  # an empty row, still labelled
    ax = plots.dispersion_plot("Iran and Belarus.", "belarus")
    assert labels(ax.get_yticklabels()) == ["belarus"]
    with pytest.raises(ValueError, match="at least one word"):
        plots.dispersion_plot("Iran and Belarus.", [])


# --- keyness --------------------------------------------------------------------


def test_keyness_chart_on_the_seeds(seeds, tmp_path):
    a, b = seeds
    table = kit.keyness(a, b)
    ax = plots.keyness_chart(a, b, n=12)
    assert labels(ax.get_yticklabels()) == [k.word for k in table[:12]]
    assert widths(ax.patches) == pytest.approx([k.log_ratio for k in table[:12]])
    assert y_order(ax, ax.get_yticklabels())[0] == table[0].word  # strongest on top
    # None is significant on the seeds: every bar is faded and has no p-value.
    assert all(bar.get_alpha() == 0.35 for bar in ax.patches)
    assert [t.get_text() for t in ax.texts[:-1]] == [""] * 12  # the bar labels
    assert table.note in ax.texts[-1].get_text().replace("\n", " ")
    assert title(ax) == "Keyness of A against B: the 12 strongest words"
    legend = labels(ax.get_legend().get_texts())
    assert legend[:2] == [f"more frequent in {a.label}", f"more frequent in {b.label}"]
    saved(ax, tmp_path / "keyness.png")


def test_keyness_chart_marks_significance(tmp_path):
    a = "river " * 40 + "water " * 10 + "town council meeting " * 5
    b = "drought " * 40 + "water " * 10 + "town council meeting " * 5
    table = kit.keyness(a, b)
    ax = plots.keyness_chart(table, n=4)
    shown = table[:4]
    assert labels(ax.get_yticklabels()) == [k.word for k in shown]
    assert widths(ax.patches) == pytest.approx([k.log_ratio for k in shown])
    pvalues = [t.get_text() for t in ax.texts if t.get_text().startswith("p <")]
    assert pvalues and pvalues == [k.significance for k in shown if k.significance]
    assert "river" in labels(ax.get_yticklabels()) and "drought" in labels(ax.get_yticklabels())
    for bar, k in zip(ax.patches, shown):
        assert (bar.get_alpha() is None) == k.significant  # faded unless significant
    saved(ax, tmp_path / "keyness_significant.png")


def test_keyness_chart_needs_two_texts_or_a_table(seeds):
    with pytest.raises(TypeError, match=r"keyness_chart\(a, b\)"):
        plots.keyness_chart(seeds[0])


# --- collocations ---------------------------------------------------------------


def test_collocation_bars(seeds, tmp_path):
    _, b = seeds
    found = kit.collocations(b, 6)
    ax = plots.collocation_bars(b, 6)
    assert labels(ax.get_yticklabels()) == [" ".join(c.words) for c in found]
    assert widths(ax.patches) == pytest.approx([c.score for c in found])
    assert [t.get_text() for t in ax.texts] == [f"{c.count}x" for c in found]
    assert title(ax) == f"The 6 strongest collocations in {b.label} (likelihood_ratio)"
    saved(ax, tmp_path / "collocations.png")


def test_collocation_bars_from_a_list_and_with_a_measure(seeds):
    _, b = seeds
    found = kit.collocations(b, 4, measure="pmi")
    ax = plots.collocation_bars(found)
    assert widths(ax.patches) == pytest.approx([c.score for c in found])
    ax = plots.collocation_bars(b, 4, measure="pmi")
    assert "pmi" in ax.get_title()
    assert widths(ax.patches) == pytest.approx([c.score for c in found])


def test_no_collocations_is_said_in_the_plot():
    ax = plots.collocation_bars("Iran and Belarus met.")
    assert not ax.patches and "No collocations" in ax.texts[0].get_text()


# --- edit strip -----------------------------------------------------------------


def test_edit_strip_on_the_seeds(seeds, tmp_path):
    a, b = seeds
    comparison = compare_versions(a, b)
    ax = plots.edit_strip(a, b)
    cells = ax.patches
    assert [cell.get_gid() for cell in cells] == [p.status for p in comparison.pairs]
    for cell, pair in zip(cells, comparison.pairs):
        assert cell.get_facecolor() == to_rgba(plots.STATUS_COLORS[pair.status])
        assert cell.get_height() == 1
    assert [cell.get_x() for cell in cells] == list(range(len(comparison.pairs)))
    legend = labels(ax.get_legend().get_texts())
    assert legend == [f"{s} ({comparison.counts.get(s, 0)})" for s in STATUSES]
    assert f"{len(comparison.pairs)} pairs" in ax.get_xlabel()
    saved(ax, tmp_path / "edit_strip.png")


def test_edit_strip_shows_moves_and_removals(tmp_path):
    a = "The cat sat on the mat. Dogs bark loudly at night. Birds fly south in winter. Fish swim deep."
    b = "Birds fly south in winter. The cat sat on the mat. Dogs bark very loudly at night. A new one."
    comparison = compare_versions(a, b)
    ax = plots.edit_strip(comparison)
    statuses = [cell.get_gid() for cell in ax.patches]
    assert statuses == [p.status for p in comparison.pairs]
    assert {"moved", "removed", "added"} <= set(statuses)
    assert ax.get_title() == "What happened to each sentence from A to B"
    saved(ax, tmp_path / "edit_strip_moves.png")


def test_every_status_has_a_colour():
    assert set(STATUSES) == set(plots.STATUS_COLORS)


def test_edit_strip_needs_two_texts_or_a_comparison():
    with pytest.raises(TypeError, match=r"edit_strip\(a, b\)"):
        plots.edit_strip("one text only")


# --- all of them ----------------------------------------------------------------


def test_a_title_counts_the_rows_it_shows():
    ax = plots.keyword_bars("Iran and Belarus. Iran again.", n=8)
    assert title(ax) == "Top 2 keywords in the text" and len(ax.patches) == 2
    ax = plots.keyword_bars("Iran, Iran.", n=8)
    assert title(ax) == "Top 1 keyword in the text"


def _legend_and_data(ax):
    ax.figure.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    data = [artist.get_window_extent() for artist in [*ax.patches, *ax.lines, *ax.texts]
            if artist.get_visible() and artist.get_window_extent().width > 0]
    return legend, data, ax.get_window_extent()


@pytest.mark.parametrize("name", ["keyword_bars", "keyness_chart", "edit_strip"])
def test_legends_stand_clear_of_the_data(name, seeds):
    a, b = seeds
    draw = {"keyword_bars": lambda: plots.keyword_bars(a, b, n=8),
            "keyness_chart": lambda: plots.keyness_chart(a, b, n=12),
            "edit_strip": lambda: plots.edit_strip(a, b)}[name]
    legend, data, area = _legend_and_data(draw())
    assert data
    assert not legend.overlaps(area), f"{name}: the legend is inside the plotting area"
    assert not any(legend.overlaps(box) for box in data)


def test_no_plot_shows_a_file_name(seeds):
    a, b = seeds
    for draw in ALL_PLOTS.values():
        ax = draw(a, b)
        shown = [ax.get_title(), ax.get_xlabel(), *labels(ax.get_yticklabels())]
        if ax.get_legend():
            shown += labels(ax.get_legend().get_texts())
        assert not any(a.name in t or b.name in t for t in shown), shown


def _luminance(colour) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in to_rgba(colour)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(x, y) -> float:
    hi, lo = sorted((_luminance(x), _luminance(y)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", sorted(plots.THEMES))
def test_each_theme_draws_readable_text_on_its_own_background(theme, seeds):
    a, b = seeds
    plots.set_theme(theme)
    try:
        ax = plots.keyword_bars(a, b, n=5)
    finally:
        plots.set_theme("auto")
    paper = ax.figure.get_facecolor()
    assert paper == to_rgba(plots.THEMES[theme]["figure.facecolor"])
    texts = [ax.title, ax.xaxis.label, *ax.get_yticklabels(), *ax.get_legend().get_texts()]
    assert all(_contrast(t.get_color(), paper) >= 4.5 for t in texts)
    # The bars' colours stand out 3 to 1 from the background, as WCAG asks of a chart's parts.
    assert all(_contrast(bar.get_facecolor(), paper) >= 3 for bar in ax.patches)


def test_plots_follow_the_theme_jupyterlab_is_set_to(seeds, tmp_path, monkeypatch):
    settings = tmp_path / "@jupyterlab" / "apputils-extension" / "themes.jupyterlab-settings"
    settings.parent.mkdir(parents=True)
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(tmp_path))
    assert plots.theme() == "light"  # no settings yet: JupyterLab's default
    # JupyterLab writes its settings as JSON with comments.
    settings.write_text('{\n    // Theme\n    "theme": "JupyterLab Dark",\n}\n', encoding="utf-8")
    assert plots.theme() == "dark"
    ax = plots.keyword_bars(seeds[0], n=3)
    assert ax.figure.get_facecolor() == to_rgba(plots.THEMES["dark"]["figure.facecolor"])
    settings.write_text('{"theme": "JupyterLab Dark", "adaptive-theme": true}', encoding="utf-8")
    assert plots.theme() == "light"  # it follows the computer, which the kernel cannot see
    settings.write_text("{not json", encoding="utf-8")
    assert plots.theme() == "light"
    plots.set_theme("dark")
    try:
        assert plots.theme() == "dark"
    finally:
        plots.set_theme("auto")
    with pytest.raises(ValueError, match="theme must be 'auto', 'light' or 'dark', not 'blue'"):
        plots.set_theme("blue")


def test_jupyter_shows_every_figure_after_the_first_plot_of_a_session(tmp_path):
    """A session's first figure starts matplotlib's backend, inside the theme's
    settings: leaving them must not switch Jupyter's figures off for good."""
    import nbformat
    import papermill

    cells = ["import matplotlib.pyplot as plt\nimport kit\nfrom kit.plots import keyword_bars",
             "keyword_bars('Iran and Belarus. Iran again.', n=2);",
             "plt.plot([1, 2, 3]);",
             "keyword_bars('Rivers rise. Rivers fall.', n=1);"]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "figures.ipynb")
    env_backend = os.environ.pop("MPLBACKEND", None)  # the tests' Agg would keep figures from showing
    try:
        papermill.execute_notebook(str(tmp_path / "figures.ipynb"), str(tmp_path / "out.ipynb"),
                                   kernel_name="python3", progress_bar=False, cwd=str(tmp_path),
                                   shutdown_kernel="immediate")  # (see test_notebooks.py)
    finally:
        if env_backend is not None:
            os.environ["MPLBACKEND"] = env_backend
    out = nbformat.read(tmp_path / "out.ipynb", 4)
    images = [sum("image/png" in o.get("data", {}) for o in c.outputs) for c in out.cells[1:]]
    assert images == [1, 1, 1]


def test_a_given_axes_gets_the_theme_of_its_figure(seeds):
    fig, ax = plt.subplots(facecolor="#202020")
    plots.keyword_bars(seeds[0], n=3, ax=ax)
    assert ax.title.get_color() == plots.THEMES["dark"]["text.color"]
    fig, ax = plt.subplots(facecolor="white")
    plots.keyword_bars(seeds[0], n=3, ax=ax)
    assert ax.title.get_color() == plots.THEMES["light"]["text.color"]

ALL_PLOTS = {
    "keyword_bars": lambda a, b: plots.keyword_bars(a, b),
    "dispersion_plot": lambda a, b: plots.dispersion_plot(a, [w for w, _ in kit.top_keywords(a, 3)]),
    "keyness_chart": lambda a, b: plots.keyness_chart(a, b),
    "collocation_bars": lambda a, b: plots.collocation_bars(b),
    "edit_strip": lambda a, b: plots.edit_strip(a, b),
}


@pytest.mark.parametrize("name", sorted(ALL_PLOTS))
def test_every_plot_works_on_the_holdout_pair_and_on_a_given_axes(name, tmp_path):
    a = kit.load_article(HOLDOUT / "a_riverside_water.txt")
    b = kit.load_article(HOLDOUT / "b_riverside_water.txt")
    ax = ALL_PLOTS[name](a, b)
    assert ax.get_title()
    saved(ax, tmp_path / f"{name}.png")
    fig, given = plt.subplots()
    draw = getattr(plots, name)
    args = {
        "keyword_bars": (a,), "dispersion_plot": (a, ["water"]), "keyness_chart": (a, b),
        "collocation_bars": (b,), "edit_strip": (a, b),
    }[name]
    assert draw(*args, ax=given) is given


def test_public_names():
    assert sorted(plots.__all__) == plots.__all__
    for name in plots.__all__:
        assert getattr(plots, name).__doc__


def test_import_kit_loads_neither_matplotlib_nor_ipywidgets():
    code = (
        "import sys, kit; a, b = kit.load_articles(); kit.top_keywords(a); "
        "print(sorted(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_the_inline_backend_draws_a_finished_plot_once():
    """In Jupyter (matplotlib-inline), pyplot's post-execute hook draws every stale
    figure, and the backend then draws it again for the notebook: the kit marks its
    finished figures as drawn, so the hook skips them, until something changes them."""
    code = (
        "import matplotlib; matplotlib.use('module://matplotlib_inline.backend_inline')\n"
        "import matplotlib.pyplot as plt\n"
        "from matplotlib.backends.backend_agg import FigureCanvasAgg\n"
        "import kit\n"
        "from kit.plots import keyword_bars\n"
        "draws = []\n"
        "real = FigureCanvasAgg.draw\n"
        "FigureCanvasAgg.draw = lambda self, *a, **k: (draws.append(1), real(self, *a, **k))[1]\n"
        "a, b = kit.load_articles()\n"
        "ax = keyword_bars(a, b, n=5)\n"
        "plt.draw_all()  # what the post-execute hook does\n"
        "untouched = len(draws)\n"
        "ax.set_title('Changed after')\n"
        "plt.draw_all()\n"
        "print(untouched, len(draws))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["0", "1"], out.stdout + out.stderr


def test_other_backends_draw_as_usual(seeds):
    ax = plots.keyword_bars(*seeds, n=5)
    assert ax.figure.stale  # Agg: nothing draws it behind the user's back, so nothing is skipped
