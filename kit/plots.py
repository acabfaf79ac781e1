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
>>> ax.get_title()
'Top 3 keywords in 000_f574fb3969ac495b'
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
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from matplotlib.axes import Axes
from matplotlib.patches import Patch

from kit.texts import Article, TextLike

if TYPE_CHECKING:
    from kit.collocation import Collocation
    from kit.compare import Comparison
    from kit.frequency import Keyword

__all__ = [
    "STATUS_COLORS",
    "collocation_bars",
    "dispersion_plot",
    "edit_strip",
    "keyness_chart",
    "keyword_bars",
]

# Okabe & Ito's palette, readable with the common kinds of colour blindness.
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
    """What to call a text in a title: an Article's name, else ``default``."""
    return text.name if isinstance(text, Article) else default


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
        ax.set_title(f"Top {n} keywords in {name}")
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
        ax = _axes(ax, 7, _rows(1.6 * len(listed)))
        ax.set_title(f"Top {n} keywords: {name_a} and {name_b}")
        if not listed:
            return _nothing(ax, "Neither text has words left once stopwords are left out.")
        counts_a, counts_b = word_counts(text), word_counts(other)
        ys = range(len(listed))
        for shift, counts, name, colour in (
            (-0.2, counts_a, name_a, _BLUE),
            (0.2, counts_b, name_b, _ORANGE),
        ):
            bars = ax.barh(
                [y + shift for y in ys], [counts[w] for w in listed],
                height=0.4, color=colour, label=name,
            )
            ax.bar_label(bars, padding=2, fontsize="small")
        ax.set_yticks(ys, labels=listed)
        ax.legend(loc="lower right")
    ax.invert_yaxis()  # the most frequent word on top
    ax.set_xlabel("occurrences")
    ax.margins(x=0.12)  # room for the count at the end of the longest bar
    return ax


# --- dispersion -------------------------------------------------------------------


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
    ax.set_title(f"Where the words occur in {_name(text, 'the text')}")
    return ax


# --- keyness ----------------------------------------------------------------------


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
        name_a, name_b = _name(a, "A"), _name(b, "B")
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a whole number of words, 1 or more, not {n!r}.")
    rows = list(table[:n])
    ax = _axes(ax, 7, _rows(len(rows)) + 0.6)
    ax.set_title(f"Keyness of {name_a} against {name_b}: the {len(rows)} strongest words")
    if not rows:
        return _nothing(ax, getattr(table, "note", "") or "There are no words to compare.")
    ys = range(len(rows))
    colours = [_BLUE if k.log_ratio > 0 else _ORANGE for k in rows]
    bars = ax.barh(ys, [k.log_ratio for k in rows], color=colours,
                   xerr=[[k.log_ratio - k.log_ratio_low for k in rows], [k.log_ratio_high - k.log_ratio for k in rows]],
                   error_kw={"elinewidth": 0.8, "capsize": 2, "ecolor": "grey"})
    for bar, k in zip(bars, rows):
        if k.significant:
            bar.set_edgecolor("black")
        else:
            bar.set_alpha(0.35)
    ax.bar_label(bars, labels=[k.significance for k in rows], padding=3, fontsize="small")
    ax.set_yticks(ys, labels=[k.word for k in rows])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    ax.margins(x=0.25)  # room for the p-values
    ax.set_xlabel(f"Log Ratio  (< more in {name_b}  |  more in {name_a} >)")
    legend = ax.legend(
        handles=[
            Patch(color=_BLUE, label=f"more frequent in {name_a}"),
            Patch(color=_ORANGE, label=f"more frequent in {name_b}"),
            Patch(facecolor="grey", alpha=0.35, label="faded: not significant after correction"),
        ],
        loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize="small", frameon=False,
    )
    note = getattr(table, "note", "")
    if note:
        ax.annotate(
            textwrap.fill(note, 90), xy=(0.5, 0), xycoords=legend, xytext=(0, -4),
            textcoords="offset points", ha="center", va="top", fontsize="small", style="italic",
        )
    return ax


# --- collocations -----------------------------------------------------------------


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
        found, title = text[:n], "Collocations"
    else:
        found = collocations(text, n, measure=measure, size=size, stopwords=stopwords)
        title = f"Collocations in {_name(text, 'the text')} ({measure})"
    ax = _axes(ax, 6, _rows(len(found)))
    ax.set_title(title)
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
        name_a, name_b = _name(a, "A"), _name(b, "B")
    pairs = comparison.pairs
    ax = _axes(ax, 9, 2.4)
    ax.set_title(f"What happened to each sentence from {name_a} to {name_b}")
    if not pairs:
        return _nothing(ax, "Both texts are empty: there are no sentences to compare.")
    cells = ax.bar(
        range(len(pairs)), 1, width=1, align="edge", edgecolor="white",
        linewidth=0.5 if len(pairs) < 200 else 0,
        color=[STATUS_COLORS.get(p.status, "black") for p in pairs],
    )
    for cell, pair in zip(cells, pairs):
        cell.set_gid(pair.status)
    ax.set_xlim(0, len(pairs))
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.set_xlabel(f"sentence pairs, in the order of {name_b} ({len(pairs)} pairs)")
    counts = dict.fromkeys(STATUS_COLORS, 0) | dict(comparison.counts)
    ax.legend(
        handles=[Patch(color=STATUS_COLORS.get(s, "black"), label=f"{s} ({c})") for s, c in counts.items()],
        loc="upper center", bbox_to_anchor=(0.5, -0.45), ncol=4, fontsize="small", frameon=False,
    )
    return ax
