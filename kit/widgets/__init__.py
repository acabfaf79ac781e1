"""Interactive explorers for Jupyter, built with ipywidgets: one call each.

>>> import kit
>>> a, b = kit.load_articles()
>>> explorer = keyword_explorer(a, b)

In a notebook, an explorer on the last line of a cell shows its controls with
the result below them. Every control is an attribute, so code (and the tests)
can drive an explorer exactly as a student's clicks do:

>>> explorer.top_n.value = 3
>>> "sanctions" in explorer.output.value
True
>>> explorer.article.value = 1            # the second text
>>> explorer.extra_stopwords.value = "sanctions, iran"
>>> "sanctions" in explorer.output.value
False

The texts are called by their labels ("A: TEHRAN – Leader of the Islamic…"),
in the menus and in the headings:

>>> [name for name, _ in explorer.article.options][1]
'B: Ayatollah Seyyed Ali Khamenei: Countries sanctioned…'

The explorers, a module each:

- :func:`keyword_explorer` (texts chooser, top-N slider, stopword toggle, extra stopwords),
- :func:`concordance_explorer` (search box, window slider, sort by left or right context),
- :func:`quote_browser` (filter by speaker; each quotation highlighted in its paragraph),
- :func:`version_viewer` (step through aligned sentence pairs with their word diff,
  filtered by the kind of edit).

A text box takes what you typed when you press Enter (or leave the box), the
same in every explorer; sliders, menus and buttons redraw at once. On a book,
an explorer opens at once and does its slow work in the background
(:mod:`kit.widgets.base`).

Each draws its result with a plain function that returns HTML
(:func:`keywords_html`, :func:`concordance_html`, :func:`quotes_html`,
:func:`pair_html`, in :mod:`kit.widgets.render`), which you can call yourself.
Like the plots, the explorers compute nothing of their own: they call the
kit's functions and show what those return.
"""

from __future__ import annotations

from kit.widgets.base import BACKGROUND_CHARS, Explorer
from kit.widgets.concordance import ConcordanceExplorer, concordance_explorer
from kit.widgets.keywords import KeywordExplorer, keyword_explorer
from kit.widgets.quotes import QuoteBrowser, quote_browser
from kit.widgets.render import (
    ALL_SPEAKERS,
    MAX_LINES,
    NO_SPEAKER,
    QUOTES_PER_PAGE,
    SORTS,
    concordance_html,
    keywords_html,
    pair_html,
    quotes_html,
)
from kit.widgets.versions import ALL_KINDS, CHANGED_KINDS, VersionViewer, version_viewer

__all__ = [
    "ALL_KINDS",
    "ALL_SPEAKERS",
    "BACKGROUND_CHARS",
    "CHANGED_KINDS",
    "ConcordanceExplorer",
    "Explorer",
    "KeywordExplorer",
    "MAX_LINES",
    "NO_SPEAKER",
    "QUOTES_PER_PAGE",
    "QuoteBrowser",
    "SORTS",
    "VersionViewer",
    "concordance_explorer",
    "concordance_html",
    "keyword_explorer",
    "keywords_html",
    "pair_html",
    "quote_browser",
    "quotes_html",
    "version_viewer",
]
