"""The quote browser: each quotation of one text or several, in its paragraph, filtered by speaker.

>>> import kit
>>> a, b = kit.load_articles()
>>> browser = quote_browser(a, b)
>>> browser.speaker.value = "Alexander Lukashenko"
>>> "quotations in A:" in browser.output.value and "by Alexander Lukashenko" in browser.output.value
True
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import TYPE_CHECKING

import ipywidgets as widgets

from kit.texts import TextLike
from kit.widgets.base import LABEL_STYLE, Explorer, chooser, is_long
from kit.widgets.render import ALL_SPEAKERS, QUOTES_PER_PAGE, label, quotes_html, speaker_of

if TYPE_CHECKING:
    from kit.quotes import Quote

__all__ = ["QuoteBrowser", "quote_browser"]


class QuoteBrowser(Explorer):
    """Quotations and their speakers. See :func:`quote_browser`."""

    def __init__(self, *texts: TextLike) -> None:
        self.texts = texts
        self.article = chooser(texts, "quote_browser")
        self.speaker = widgets.Dropdown(
            options=[ALL_SPEAKERS], value=ALL_SPEAKERS, description="speaker",
            style=LABEL_STYLE, layout=widgets.Layout(width="auto"),
        )
        self.page = widgets.IntSlider(value=1, min=1, max=1, description="page", style=LABEL_STYLE)
        self._found: dict[int, list[Quote]] = {}  # text number -> its quotations
        self._lock = threading.Lock()  # one search per text, by the browser or its thread
        self._speakers_of: int | None = None  # which text the speaker menu lists
        long = is_long(texts)
        super().__init__(
            [self.article, self.speaker, self.page],
            css_class="kit-quote-browser",
            prepare=(lambda: self.quotes(0)) if long else None,
            doing=f"Finding the quotations in {label(texts[0], 0)}…",
            then=self._find_the_others if long and len(texts) > 1 else None,
        )

    def quotes(self, i: int) -> list[Quote]:
        """The quotations of text ``i`` (``kit.extract_quotes``), found once."""
        from kit.quotes import extract_quotes

        found = self._found.get(i)  # found already: no need to wait while another text is searched
        if found is None:
            with self._lock:
                if i not in self._found:
                    self._found[i] = extract_quotes(self.texts[i])
                found = self._found[i]
        return found

    def _find_the_others(self) -> None:
        for i in range(1, len(self.texts)):
            self.quotes(i)

    def _shown(self) -> list[Quote]:
        quotes = self.quotes(self.article.value)
        speaker = self.speaker.value
        return [q for q in quotes if speaker == ALL_SPEAKERS or speaker_of(q) == speaker]

    def _changed(self, change: dict) -> None:
        if not self._quiet and change["owner"] is not self.page:
            self._quiet = True  # another text or speaker: back to the first page
            try:
                self.page.value = 1
            finally:
                self._quiet = False
        super()._changed(change)

    def refresh(self) -> None:
        if self._ready.is_set():
            try:
                self._fit_controls()
            except (ValueError, TypeError, LookupError):
                pass  # render() runs into it too, and says what is wrong
        super().refresh()

    def _fit_controls(self) -> None:
        """Offer the speakers of the text shown, and as many pages as its quotations fill."""
        i = self.article.value
        self._quiet = True  # the browser sets its own controls: one redraw, after this
        try:
            if i != self._speakers_of:  # keep the speaker chosen, if this text has them too
                counts = Counter(speaker_of(q) for q in self.quotes(i))
                options = [(f"{ALL_SPEAKERS} ({sum(counts.values())})", ALL_SPEAKERS)]
                options += [(f"{s} ({c})", s) for s, c in counts.items()]
                keep = self.speaker.value if self.speaker.value in counts else ALL_SPEAKERS
                self.speaker.options = options
                self.speaker.value = keep
                self._speakers_of = i
            pages = max(1, -(-len(self._shown()) // QUOTES_PER_PAGE))
            self.page.max = pages
            self.page.layout.display = None if pages > 1 else "none"
        finally:
            self._quiet = False

    def render(self) -> str:
        i = self.article.value
        return quotes_html(
            self.texts[i], speaker=self.speaker.value or ALL_SPEAKERS,
            quotes=self.quotes(i), name=label(self.texts[i], i), page=self.page.value,
        )


def quote_browser(*texts: TextLike) -> QuoteBrowser:
    """Browse the quotations of one or more texts, each highlighted in its paragraph.

    Controls: ``article`` (shown when there are several texts), ``speaker``
    (its options are the speakers found, with how many quotations each has;
    :data:`kit.widgets.ALL_SPEAKERS` shows all) and ``page`` (shown when there
    are more than :data:`kit.widgets.QUOTES_PER_PAGE` quotations to show).
    """
    return QuoteBrowser(*texts)
