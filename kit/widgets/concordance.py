"""The concordance explorer: every use of a word, in context, in one text or several.

>>> import kit
>>> a, b = kit.load_articles()
>>> explorer = concordance_explorer(a, b, word="sanctions")
>>> explorer.sort.value = "right"
>>> "sorted by right context" in explorer.output.value
True
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.texts import TextLike
from kit.widgets.base import LABEL_STYLE, Explorer, chooser, is_long
from kit.widgets.render import concordance_html, label

__all__ = ["ConcordanceExplorer", "concordance_explorer"]


class ConcordanceExplorer(Explorer):
    """Keyword in context. See :func:`concordance_explorer`."""

    def __init__(self, *texts: TextLike, word: str | None = None, width: int = 40) -> None:
        from kit.frequency import top_keywords

        self.texts = texts
        self.article = chooser(texts, "concordance_explorer")
        if word is None:  # start on the first text's top keyword
            top = top_keywords(texts[0], 1)
            word = top[0][0] if top else ""
        self.search = widgets.Text(
            value=word, description="word", placeholder="a word or phrase, then Enter",
            continuous_update=False, style=LABEL_STYLE,
        )
        self.window = widgets.IntSlider(
            value=width, min=10, max=120, step=5, description="window", style=LABEL_STYLE
        )
        self.sort = widgets.ToggleButtons(
            options=[("text order", "text"), ("left context", "left"), ("right context", "right")],
            value="text", description="sort by",
            style={"button_width": "auto", **LABEL_STYLE},
        )
        super().__init__(
            [self.article, self.search, self.window, self.sort],
            css_class="kit-concordance-explorer",
            then=self._count_the_others if len(texts) > 1 and is_long(texts) else None,
        )

    def _count_the_others(self) -> None:
        from kit.frequency import word_counts

        for text in self.texts[1:]:  # what "no match, but words that start the same" reads
            word_counts(text)

    def render(self) -> str:
        i = self.article.value
        return concordance_html(
            self.texts[i], self.search.value, width=self.window.value,
            sort=self.sort.value, name=label(self.texts[i], i),
        )


def concordance_explorer(*texts: TextLike, word: str | None = None, width: int = 40) -> ConcordanceExplorer:
    """A concordance (keyword in context) of one or more texts.

    Controls: ``article`` (shown when there are several texts), ``search``
    (the word or phrase, looked up when you press Enter; it starts on the
    first text's top keyword unless you give ``word``), ``window``
    (characters of context each side) and ``sort`` (``"text"``, ``"left"`` or
    ``"right"``). A common word in a book has thousands of lines: the first
    :data:`kit.widgets.MAX_LINES` are shown, after sorting.
    """
    return ConcordanceExplorer(*texts, word=word, width=width)
