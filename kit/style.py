"""The colours of the HTML the kit writes: readable in JupyterLab's light theme and its dark one.

Text keeps the theme's own colour: nothing the kit writes sets the colour of
ordinary text. A highlight is a *translucent* background, so it tints whatever
lies behind it: pale on the light theme's white, deep on the dark theme's
near-black, and the theme's text stays readable on both. Other colours are
JupyterLab's own CSS variables (``--jp-…``), with a fallback for a page that
does not define them:

>>> HIGHLIGHTS["inserted"]
'rgba(0, 158, 115, 0.3)'
>>> BAR
'var(--jp-brand-color1, #1976d2)'

No one colour of text reads on both white and near-black, so the kit never
picks one: text that matters less is the theme's own, a little faded
(:data:`MUTED`), and an error is marked by a red rule beside it, its words in
the theme's colour.

``tests/test_style.py`` reads both themes' colours from the installed
JupyterLab and checks the contrast of every pair against WCAG AA: 4.5 to 1 for
text, 3 to 1 for the bars of a chart and for rules that carry meaning. Every colour the kit's HTML uses comes
from this module, and that test fails on any other.
"""

from __future__ import annotations

__all__ = ["BAR", "ERROR", "HIGHLIGHTS", "MUTED", "RULE", "highlight"]

HIGHLIGHTS = {
    "keyword": "rgba(230, 159, 0, 0.35)",
    "quotation": "rgba(230, 159, 0, 0.35)",
    "inserted": "rgba(0, 158, 115, 0.3)",
    "deleted": "rgba(213, 94, 0, 0.3)",
}
"""The background of each kind of highlighted text: Okabe and Ito's orange, green
and vermillion (told apart with the common kinds of colour blindness), made
translucent. Deleted text is struck through as well, so colour is never the
only sign."""

MUTED = "opacity: 0.75;"
"""The style of text that matters less (ranks, unchanged sentences, a quotation's
details): the theme's own colour, a little faded. (JupyterLab's fainter text
colour, ``--jp-content-font-color2``, falls below 4.5 to 1 on a table's striped
rows.)"""

ERROR = "var(--jp-error-color1, #d32f2f)"
"""The rule beside an error message, and under a quotation's warning flag."""

BAR = "var(--jp-brand-color1, #1976d2)"
"""The bars of a chart drawn in HTML, and the rule beside each quotation:
JupyterLab's blue, which stands out 3 to 1 from every background of both
themes, as WCAG asks of the parts of a chart."""

RULE = "var(--jp-border-color2, #e0e0e0)"
"""The thin lines between the rows of a table (decoration, not information)."""


def highlight(kind: str) -> str:
    """The inline CSS of a highlight: its background, and the theme's own text colour.

    ``color: inherit`` matters for ``<mark>``: browsers draw it black by default,
    which the dark theme's background would hide.

    >>> highlight("keyword")
    'background: rgba(230, 159, 0, 0.35); color: inherit;'
    """
    if kind not in HIGHLIGHTS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, HIGHLIGHTS))}, not {kind!r}.")
    return f"background: {HIGHLIGHTS[kind]}; color: inherit;"
