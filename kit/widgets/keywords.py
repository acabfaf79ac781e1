"""The keyword explorer: the top keywords of one text or several, with the controls to change them.

>>> import kit
>>> a, b = kit.load_articles()
>>> explorer = keyword_explorer(a, b)
>>> explorer.top_n.value = 3
>>> "sanctions" in explorer.output.value
True
"""

from __future__ import annotations

import re
from typing import Iterable

import ipywidgets as widgets

from kit.texts import TextLike
from kit.widgets.base import LABEL_STYLE, Explorer, chooser, is_long
from kit.widgets.render import keywords_html, label

__all__ = ["KeywordExplorer", "keyword_explorer", "split_words"]


def split_words(box: str) -> list[str]:
    """The words typed in a box, separated by commas or spaces, lower-cased.

    >>> split_words("Said, Ayatollah  iran,")
    ['said', 'ayatollah', 'iran']
    """
    return [w.lower() for w in re.split(r"[\s,;]+", box) if w]


class KeywordExplorer(Explorer):
    """The top keywords of one of several texts. See :func:`keyword_explorer`."""

    def __init__(self, *texts: TextLike, n: int = 10) -> None:
        self.texts = texts
        self.article = chooser(texts, "keyword_explorer")
        self.top_n = widgets.IntSlider(value=n, min=1, max=max(30, n), description="top N", style=LABEL_STYLE)
        self.use_stopwords = widgets.Checkbox(value=True, description="leave out stopwords", indent=False)
        self.extra_stopwords = widgets.Text(
            value="", description="also leave out", placeholder="said, ayatollah (then Enter)",
            continuous_update=False, style=LABEL_STYLE,
        )
        super().__init__(
            [self.article, self.top_n, self.use_stopwords, self.extra_stopwords],
            css_class="kit-keyword-explorer",
            then=self._count_the_others if len(texts) > 1 and is_long(texts) else None,
        )

    def _count_the_others(self) -> None:
        from kit.frequency import word_counts

        for text in self.texts[1:]:  # the kit remembers the counts of the last few texts
            word_counts(text)

    def stopword_list(self) -> Iterable[str] | None:
        """The stopwords the controls ask for, as ``kit.top_keywords`` takes them."""
        from kit.segment import stopwords

        extra = split_words(self.extra_stopwords.value)
        if self.use_stopwords.value:
            return stopwords(extra) if extra else None
        return extra  # () keeps every word

    def render(self) -> str:
        i = self.article.value
        return keywords_html(
            self.texts[i], self.top_n.value, stopwords=self.stopword_list(),
            name=label(self.texts[i], i),
        )


def keyword_explorer(*texts: TextLike, n: int = 10) -> KeywordExplorer:
    """Explore the top keywords of one or more texts (Articles or strings).

    Controls: ``article`` (which text; shown when there are several),
    ``top_n`` (a slider), ``use_stopwords`` (a toggle) and ``extra_stopwords``
    (words to leave out too, separated by commas or spaces; the table follows
    when you press Enter, as in every explorer's text box).
    """
    return KeywordExplorer(*texts, n=n)
