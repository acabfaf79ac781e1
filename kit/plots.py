"""Plots of the kit's results, drawn with matplotlib.

Every function draws on the Axes you give it as ``ax=``, or on a new figure,
and returns that Axes, so you can restyle the plot afterwards
(``ax.set_title(...)``, ``ax.figure.savefig("plot.png")``). Plotting code
computes nothing of its own: it calls the kit's functions and draws what they
return, so a plot always agrees with the numbers you print.

A running example, the two seed articles (the first line draws without opening a
window, as the tests do; in Jupyter you do not need it):

>>> import matplotlib; matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import kit
>>> a, b = kit.load_articles()

**Keyword bars** show ``kit.top_keywords``, the most frequent word on top:

>>> ax = keyword_bars(a, n=3)
>>> print(ax.get_title())
Top 3 keywords in A: TEHRAN – Leader of the Islamic Revolution
Ayatollah…
>>> [label.get_text() for label in ax.get_yticklabels()]
['countries', 'sanctions', 'ayatollah']
>>> [int(bar.get_width()) for bar in ax.patches]
[7, 7, 5]

**A dispersion plot** shows where words occur, one row per word, the first
word you give on top (NLTK's ``dispersion_plot`` had them upside down for years):

>>> ax = dispersion_plot(b, ["sanctions", "belarus"])
>>> [label.get_text() for label in ax.get_yticklabels()]
['sanctions', 'belarus']
>>> bool(ax.yaxis_inverted())  # so the first row, "sanctions", is on top
True
>>> plt.close("all")

The others are :func:`keyness_chart` (Log Ratio, significance marked),
:func:`collocation_bars` and :func:`edit_strip` (what happened to each sentence
between two versions).

Texts are called by their labels (``Article.label``: "A" or "B" and the
headline), and legends stand outside the plotting area, clear of the data.

**Light and dark.** A plot is a picture: once drawn, it cannot follow
JupyterLab when you switch themes. So each plot is drawn in the theme
JupyterLab is set to when it is drawn (:func:`theme`; Settings > Theme), and
redrawing a cell after a switch matches the new one. ``set_theme("dark")``
chooses for yourself. On an Axes you give, the plot matches its figure's
background.

>>> set_theme("dark")
>>> ax = keyword_bars(a, n=3)
>>> ax.figure.get_facecolor() == matplotlib.colors.to_rgba(THEMES["dark"]["figure.facecolor"])
True
>>> set_theme("auto")
>>> plt.close("all")
"""

from __future__ import annotations

import functools
import os
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence, TypeVar

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.patches import Patch

from kit.texts import Article, TextLike

if TYPE_CHECKING:
    from kit.collocation import Collocation
    from kit.compare import Comparison
    from kit.frequency import Keyword

__all__ = [
    "STATUS_COLORS",
    "THEMES",
    "collocation_bars",
    "dispersion_plot",
    "edit_strip",
    "keyness_chart",
    "keyword_bars",
    "set_theme",
    "theme",
]

# Okabe & Ito's palette, readable with the common kinds of colour blindness. Blue
# and vermillion, the colours of texts A and B, also stand out 3 to 1 from both
# themes' backgrounds, as WCAG asks of the parts of a chart.
_BLUE, _ORANGE, _GREEN, _VERMILLION = "#0072B2", "#E69F00", "#009E73", "#D55E00"
_SKY, _PURPLE, _GREY = "#56B4E9", "#CC79A7", "#BBBBBB"

STATUS_COLORS = {
    "same": _GREY,
    "changed": _ORANGE,
    "added": _GREEN,
    "removed": _VERMILLION,
    "moved": _PURPLE,
    "split": _SKY,
    "merged": _BLUE,
}
"""The colour of each sentence status in :func:`edit_strip` (see ``kit.compare.STATUSES``)."""


# --- light and dark -------------------------------------------------------------

THEMES = {
    "light": {
        "figure.facecolor": "white",
        "axes.facecolor": "white",
        "savefig.facecolor": "white",
        "text.color": "black",
        "axes.labelcolor": "black",
        "axes.edgecolor": "black",
        "xtick.color": "black",
        "ytick.color": "black",
        "legend.labelcolor": "black",
    },
    # JupyterLab Dark's own background (--jp-layout-color0) and text (--jp-ui-font-color1).
    "dark": {
        "figure.facecolor": "#111111",
        "axes.facecolor": "#111111",
        "savefig.facecolor": "#111111",
        "text.color": "#dedede",
        "axes.labelcolor": "#dedede",
        "axes.edgecolor": "#9e9e9e",
        "xtick.color": "#dedede",
        "ytick.color": "#dedede",
        "legend.labelcolor": "#dedede",
    },
}
"""The matplotlib settings of each theme: the background and the colour of text and axes."""

_chosen = "auto"


def set_theme(name: str = "auto") -> None:
    """Draw the plots that follow in the ``"light"`` or ``"dark"`` theme, or ``"auto"``:
    the one JupyterLab is set to (see :func:`theme`)."""
    global _chosen
    if name not in ("auto", *THEMES):
        raise ValueError(f"theme must be 'auto', 'light' or 'dark', not {name!r}.")
    _chosen = name


def theme() -> str:
    """The theme plots are drawn in: ``"light"`` or ``"dark"``.

    Unless :func:`set_theme` chose one, it is JupyterLab's: the kernel reads the
    theme from JupyterLab's settings, which are files on the same machine
    (``themes.jupyterlab-settings`` in the user settings folder, where Settings >
    Theme saves it, else a site-wide ``overrides.json``). A JupyterLab set to
    follow the computer's own setting ("adaptive theme"), or one the kernel cannot
    see, gets light plots.
    """
    if _chosen != "auto":
        return _chosen
    for values in _theme_settings():
        if values.get("adaptive-theme"):
            return "light"
        name = values.get("theme")
        if isinstance(name, str):
            return "dark" if "dark" in name.lower() else "light"
    return "light"


def _theme_settings() -> Iterable[dict]:
    """The theme settings JupyterLab would read, the user's first. Missing or broken files are skipped."""
    from jupyter_core.paths import jupyter_config_dir

    # The folders jupyterlab.commands.get_user_settings_dir and the app's
    # settings folder use, spelled out so that drawing a plot does not import
    # JupyterLab's server code.
    user = Path(os.environ.get("JUPYTERLAB_SETTINGS_DIR") or Path(jupyter_config_dir(), "lab", "user-settings"))
    files = [
        (user / "@jupyterlab" / "apputils-extension" / "themes.jupyterlab-settings", None),
        (Path(sys.prefix, "share", "jupyter", "lab", "settings", "overrides.json"),
         "@jupyterlab/apputils-extension:themes"),
    ]
    for path, key in files:
        try:
            import json5  # JupyterLab's settings are JSON with comments; jupyterlab_server needs json5

            values = json5.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, ImportError):
            continue
        values = values.get(key, {}) if key else values
        if isinstance(values, dict):
            yield values


def _theme_of(ax: Axes | None) -> str:
    """The theme to draw in: JupyterLab's for a new figure; for a given Axes, its figure's background's."""
    if ax is None or not isinstance(ax, Axes):
        return theme()
    r, g, b = to_rgb(ax.figure.get_facecolor())
    return "dark" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else "light"


F = TypeVar("F", bound=Callable[..., Axes])


def _themed(plot: F) -> F:
    """Draw ``plot`` with the settings of the right theme (:data:`THEMES`)."""

    @functools.wraps(plot)
    def draw(*args: Any, **kwargs: Any) -> Axes:
        given = kwargs.get("ax")
        settings = THEMES[_theme_of(given)]
        with mpl.rc_context(settings):
            ax = plot(*args, **kwargs)
            interactive = mpl.is_interactive()
        # rc_context puts every setting back on leaving, the interactive mode too.
        # But at a session's first figure, pyplot starts its backend (in Jupyter,
        # matplotlib-inline) and switches that mode on; switched back off,
        # Jupyter would show no later figure, ours or the student's.
        mpl.interactive(interactive)
        if given is not None:  # made before, with the settings of its day
            _restyle(ax, settings)
        if "inline" in mpl.get_backend():
            _skip_unseen_draw(ax.figure)
        return ax

    return draw  # type: ignore[return-value]


def _skip_unseen_draw(figure: Any) -> None:
    """Spare Jupyter's inline backend a picture nobody sees.

    After a cell, pyplot's post-execute hook draws every figure marked stale
    onto its canvas (``Gcf.draw_all``), and then matplotlib-inline draws each
    new figure again, into the PNG that the notebook shows. With the inline
    backend the first picture is never shown: it is about a third of a plot
    cell's time (the layout runs in it too). Marking the finished figure as
    drawn skips it. Any change made to the figure afterwards marks it stale
    again, and then it is drawn as before; the PNG is always drawn afresh.
    """
    figure.stale = False


def _restyle(ax: Axes, settings: dict[str, str]) -> None:
    """Give an Axes made earlier the background and text colours of ``settings``."""
    ax.set_facecolor(settings["axes.facecolor"])
    for text in (ax.title, ax.xaxis.label, ax.yaxis.label):
        text.set_color(settings["text.color"])
    ax.tick_params(colors=settings["xtick.color"])
    for spine in ax.spines.values():
        spine.set_edgecolor(settings["axes.edgecolor"])


def _ink() -> str:
    """The theme's colour for lines that must stand out from the background."""
    return mpl.rcParams["text.color"]


def _paper() -> str:
    """The theme's background colour."""
    return mpl.rcParams["axes.facecolor"]


# --- helpers ----------------------------------------------------------------------


def _axes(ax: Axes | None, width: float, height: float) -> Axes:
    """``ax``, or the Axes of a new figure of the given size in inches."""
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(width, height), layout="constrained")
        return ax
    if not isinstance(ax, Axes):
        raise TypeError(
            f"ax must be a matplotlib Axes, not {type(ax).__name__}. "
            "Make one with: fig, ax = plt.subplots(), or leave ax out for a new figure."
        )
    return ax


def _name(text: Any, default: str) -> str:
    """What to call a text: an Article's label ("A: TEHRAN – Leader of…"), else ``default``."""
    return text.label if isinstance(text, Article) else default


def _short(text: Any, default: str) -> str:
    """What to call a text where room is short (a title naming two): its letter, else ``default``."""
    return (text.letter or default) if isinstance(text, Article) else default


def _title(ax: Axes, title: str) -> None:
    """Set a title, wrapped to fit over the plot: a label can be long."""
    ax.set_title(textwrap.fill(title, 62))


def _legend_below(ax: Axes, handles: list | None = None, *, ncol: int = 2, gap: float = -0.14) -> Any:
    """A legend under the x axis label, clear of the data, as wide as the plot."""
    return ax.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, gap), ncol=ncol,
        fontsize="small", frameon=False,
    )


def _rows(n: int) -> float:
    """A figure height in inches that gives ``n`` rows of bars room to breathe."""
    return 1.2 + 0.32 * max(n, 1)


def _nothing(ax: Axes, message: str) -> Axes:
    """Say in the plot that there is nothing to draw (rather than an empty frame)."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


# --- keywords ---------------------------------------------------------------------


@_themed
def keyword_bars(
    text: TextLike,
    other: TextLike | None = None,
    *,
    n: int = 10,
    stopwords: Iterable[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of the ``n`` top keywords of ``text`` (``kit.top_keywords``).

    Give a second text, ``keyword_bars(a, b)``, to compare two versions: each
    word gets a bar for each text, and the words are ``a``'s top ``n``
    followed by those of ``b``'s top ``n`` that ``a``'s list lacks. The first
    word is on top. ``stopwords`` works as in ``kit.top_keywords``.

    In the returned Axes, ``ax.containers[0]`` holds the bars of ``text`` and
    ``ax.containers[1]`` those of ``other``.
    """
    from kit.frequency import top_keywords, word_counts

    if isinstance(other, int):
        raise TypeError(
            f"keyword_bars takes the number of keywords as n=: write keyword_bars(text, n={other})."
        )
    if other is None:
        top = top_keywords(text, n, stopwords=stopwords)
        ax = _axes(ax, 6, _rows(len(top)))
        name = _name(text, "the text")
        shown = len(top) or n  # the title counts the rows, which may be fewer than n
        _title(ax, f"Top {shown} keyword{'' if shown == 1 else 's'} in {name}")
        if not top:
            return _nothing(ax, f"{name} has no words left once stopwords are left out.")
        ys = range(len(top))
        bars = ax.barh(ys, [count for _, count in top], color=_BLUE, label=name)
        ax.bar_label(bars, padding=2)
        ax.set_yticks(ys, labels=[word for word, _ in top])
    else:
        name_a, name_b = _name(text, "text A"), _name(other, "text B")
        listed = [w for w, _ in top_keywords(text, n, stopwords=stopwords)]
        listed += [w for w, _ in top_keywords(other, n, stopwords=stopwords) if w not in listed]
        ax = _axes(ax, 7, _rows(1.6 * len(listed)) + 0.4)
        # The rows are both top lists together, so the title says how many there are.
        _title(ax, f"The top {n} keywords of {_short(text, 'A')} and of {_short(other, 'B')}: "
                   f"{len(listed)} words")
        if not listed:
            return _nothing(ax, "Neither text has words left once stopwords are left out.")
        counts_a, counts_b = word_counts(text), word_counts(other)
        ys = range(len(listed))
        for shift, counts, name, colour in (
            (-0.2, counts_a, name_a, _BLUE),
            (0.2, counts_b, name_b, _VERMILLION),
        ):
            bars = ax.barh(
                [y + shift for y in ys], [counts[w] for w in listed],
                height=0.4, color=colour, label=name,
            )
            ax.bar_label(bars, padding=2, fontsize="small")
        ax.set_yticks(ys, labels=listed)
        _legend_below(ax, ncol=1)
    ax.invert_yaxis()  # the most frequent word on top
    ax.set_xlabel("occurrences")
    ax.margins(x=0.12)  # room for the count at the end of the longest bar
    return ax


# --- dispersion -------------------------------------------------------------------


@_themed
def dispersion_plot(
    text: TextLike,
    targets: Sequence[str] | str,
    *,
    ax: Axes | None = None,
) -> Axes:
    """Where each word of ``targets`` occurs in ``text``: one row per word, a tick per use.

    The x axis counts words from the start of the text (``kit.dispersion``), so
    a word used only in the opening paragraphs shows as ticks on the left.
    Rows keep the order you give, the first word on top. A word that never
    occurs gets an empty row. Matching is by whole word, lower-cased.
    """
    from kit.frequency import dispersion

    if isinstance(targets, str):
        targets = [targets]
    targets = list(targets)
    if not targets:
        raise ValueError('Give at least one word to look for, such as ["sanctions", "iran"].')
    d = dispersion(text, targets)
    ax = _axes(ax, 8, 1.0 + 0.45 * len(d.words))
    colours = [_BLUE, _ORANGE, _GREEN, _VERMILLION, _PURPLE, _SKY]
    for row, word in enumerate(d.words):
        xs = d.positions[word]
        ax.plot(
            xs, [row] * len(xs), linestyle="none", marker="|", markersize=18,
            markeredgewidth=1.5, color=colours[row % len(colours)], label=word,
        )
    ax.set_yticks(range(len(d.words)), labels=d.words)
    ax.set_ylim(len(d.words) - 0.5, -0.5)  # inverted: the first word given is on top
    ax.set_xlim(0, max(d.total, 1))
    ax.set_xlabel(f"word position, from the first word to the last ({d.total} words)")
    _title(ax, f"Where the words occur in {_name(text, 'the text')}")
    return ax


# --- keyness ----------------------------------------------------------------------


@_themed
def keyness_chart(
    a: TextLike | Sequence[Keyword],
    b: TextLike | None = None,
    *,
    n: int = 20,
    stopwords: Iterable[str] | None = (),
    ax: Axes | None = None,
) -> Axes:
    """The Log Ratio of the ``n`` strongest keywords of ``a`` against ``b`` (``kit.keyness``).

    A bar to the right means the word is more frequent in ``a`` (+1: twice as
    frequent), to the left more frequent in ``b``; the whisker is its 95%
    confidence interval. Words whose difference is significant after the
    correction for testing many words (``Keyword.significant``) are drawn solid
    and labelled with their corrected p-value; the others are faded. Words are
    ranked by G2, strongest on top.

    Pass two texts, or a table you already have: ``keyness_chart(kit.keyness(a, b))``.
    The table's ``note`` (how many words are significant) goes under the chart.
    """
    from kit.frequency import keyness

    if b is None:
        if isinstance(a, (str, Article)) or not isinstance(a, list):
            raise TypeError(
                "keyness_chart compares two texts: keyness_chart(a, b), "
                "or draws a table you made with kit.keyness(a, b)."
            )
        table, name_a, name_b = a, "A", "B"
    else:
        table = keyness(a, b, stopwords=stopwords)
        name_a, name_b = _short(a, "A"), _short(b, "B")
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a whole number of words, 1 or more, not {n!r}.")
    rows = list(table[:n])
    ax = _axes(ax, 7, _rows(len(rows)) + 0.6)
    _title(ax, f"Keyness of {name_a} against {name_b}: the {len(rows)} strongest words")
    if not rows:
        return _nothing(ax, getattr(table, "note", "") or "There are no words to compare.")
    ys = range(len(rows))
    colours = [_BLUE if k.log_ratio > 0 else _VERMILLION for k in rows]
    bars = ax.barh(ys, [k.log_ratio for k in rows], color=colours,
                   xerr=[[k.log_ratio - k.log_ratio_low for k in rows], [k.log_ratio_high - k.log_ratio for k in rows]],
                   error_kw={"elinewidth": 0.8, "capsize": 2, "ecolor": "grey"})
    for bar, k in zip(bars, rows):
        if k.significant:
            bar.set_edgecolor(_ink())
        else:
            bar.set_alpha(0.35)
    ax.bar_label(bars, labels=[k.significance for k in rows], padding=3, fontsize="small")
    ax.set_yticks(ys, labels=[k.word for k in rows])
    ax.invert_yaxis()
    ax.axvline(0, color=_ink(), linewidth=0.8)
    ax.margins(x=0.25)  # room for the p-values
    ax.set_xlabel(f"Log Ratio  (< more in {name_b}  |  more in {name_a} >)")
    legend = _legend_below(ax, [
        Patch(color=_BLUE, label=f"more frequent in {_name(a, name_a) if b is not None else name_a}"),
        Patch(color=_VERMILLION, label=f"more frequent in {_name(b, name_b) if b is not None else name_b}"),
        Patch(facecolor="grey", alpha=0.35, label="faded: not significant after correction"),
    ], ncol=1)
    note = getattr(table, "note", "")
    if note:
        ax.annotate(
            textwrap.fill(note, 90), xy=(0.5, 0), xycoords=legend, xytext=(0, -4),
            textcoords="offset points", ha="center", va="top", fontsize="small", style="italic",
        )
    return ax


# --- collocations -----------------------------------------------------------------


@_themed
def collocation_bars(
    text: TextLike | Sequence[Collocation],
    n: int = 10,
    *,
    measure: str = "likelihood_ratio",
    size: int = 2,
    stopwords: Iterable[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The ``n`` strongest collocations of ``text`` (``kit.collocations``), as bars of their score.

    Each bar is labelled with how often the words occur together. ``measure``,
    ``size`` and ``stopwords`` work as in ``kit.collocations``. You can also
    pass a list you already have: ``collocation_bars(kit.collocations(a, 5))``.
    """
    from kit.collocation import collocations

    if isinstance(text, list):
        found = text[:n]
        title = f"The {len(found)} strongest collocations"
    else:
        found = collocations(text, n, measure=measure, size=size, stopwords=stopwords)
        title = f"The {len(found)} strongest collocations in {_name(text, 'the text')} ({measure})"
    ax = _axes(ax, 6, _rows(len(found)))
    _title(ax, title)
    if not found:
        return _nothing(ax, "No collocations: no pair of words occurs together often enough.")
    ys = range(len(found))
    bars = ax.barh(ys, [c.score for c in found], color=_GREEN)
    ax.bar_label(bars, labels=[f"{c.count}x" for c in found], padding=2, fontsize="small")
    ax.set_yticks(ys, labels=[" ".join(c.words) for c in found])
    ax.invert_yaxis()
    ax.margins(x=0.12)
    ax.set_xlabel(f"score ({measure}); the label says how often they occur together"
                  if not isinstance(text, list) else "score")
    return ax


# --- version comparison -----------------------------------------------------------


@_themed
def edit_strip(
    a: TextLike | Comparison,
    b: TextLike | None = None,
    *,
    ax: Axes | None = None,
) -> Axes:
    """One cell per aligned sentence pair, coloured by what the editor did to it.

    Pass two versions, ``edit_strip(a, b)``, or a comparison you already have,
    ``edit_strip(kit.compare_versions(a, b))``. The cells follow the order of
    ``comparison.pairs`` (version B's order, removed sentences where they stood
    in A). Colours are :data:`STATUS_COLORS`; the legend counts each status.
    Each cell's ``get_gid()`` is its status.
    """
    if b is None:
        if not hasattr(a, "pairs"):
            raise TypeError(
                "edit_strip compares two versions: edit_strip(a, b), or draws a "
                "comparison you made with kit.compare_versions(a, b)."
            )
        comparison, name_a, name_b = a, "A", "B"
    else:
        from kit.compare import compare_versions

        comparison = compare_versions(a, b)
        name_a, name_b = _short(a, "A"), _short(b, "B")
    pairs = comparison.pairs
    ax = _axes(ax, 9, 3.0)
    _title(ax, f"What happened to each sentence from {name_a} to {name_b}")
    if not pairs:
        return _nothing(ax, "Both texts are empty: there are no sentences to compare.")
    cells = ax.bar(
        range(len(pairs)), 1, width=1, align="edge", edgecolor=_paper(),
        linewidth=0.5 if len(pairs) < 200 else 0,
        color=[STATUS_COLORS.get(p.status, _ink()) for p in pairs],
    )
    for cell, pair in zip(cells, pairs):
        cell.set_gid(pair.status)
    ax.set_xlim(0, len(pairs))
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.set_xlabel(f"sentence pairs, in the order of {name_b} ({len(pairs)} pairs)")
    counts = dict.fromkeys(STATUS_COLORS, 0) | dict(comparison.counts)
    _legend_below(
        ax, [Patch(color=STATUS_COLORS.get(s, _ink()), label=f"{s} ({c})") for s, c in counts.items()],
        ncol=4, gap=-0.45,
    )
    return ax
