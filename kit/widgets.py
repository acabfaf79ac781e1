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

The explorers are

- :func:`keyword_explorer` (texts chooser, top-N slider, stopword toggle, extra stopwords),
- :func:`concordance_explorer` (search box, window slider, sort by left or right context),
- :func:`quote_browser` (filter by speaker; each quotation highlighted in its paragraph),
- :func:`version_viewer` (step through aligned sentence pairs with their word diff,
  filtered by the kind of edit).

Each draws its result with a plain function that returns HTML
(:func:`keywords_html`, :func:`concordance_html`, :func:`quotes_html`,
:func:`pair_html`), which you can call yourself. All text is HTML-escaped.
Like the plots, the explorers compute nothing of their own: they call the
kit's functions and show what those return.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import ipywidgets as widgets

from kit.texts import Article, TextLike, as_text

if TYPE_CHECKING:  # kit.quotes and kit.compare are imported when they are used
    from kit.compare import SentencePair
    from kit.quotes import Quote

__all__ = [
    "ALL_KINDS",
    "ALL_SPEAKERS",
    "CHANGED_KINDS",
    "ConcordanceExplorer",
    "Explorer",
    "KeywordExplorer",
    "NO_SPEAKER",
    "QuoteBrowser",
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

ALL_SPEAKERS = "(all speakers)"
"""The speaker filter's value that shows every quotation."""
NO_SPEAKER = "(no speaker found)"
"""The speaker filter's value for quotations whose speaker the kit could not find."""
ALL_KINDS = "all"
"""The version viewer's filter value that shows every sentence pair."""
CHANGED_KINDS = "all but same"
"""The version viewer's filter value that shows every pair except the unchanged ones."""

_BAR = "#0072B2"
_BOX = "font-family: var(--jp-content-font-family, sans-serif); line-height: 1.5;"
_LABEL = {"description_width": "initial"}  # labels in full, not cut to a fixed width
_MONO = "font-family: var(--jp-code-font-family, monospace); white-space: pre;"


# --- plain rendering functions (text in, HTML out) --------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _name(text: Any, i: int | None = None) -> str:
    """What to call a text: an Article's name, else "text 1", "text 2", ... or "the text"."""
    if isinstance(text, Article):
        return text.name
    return "the text" if i is None else f"text {i + 1}"


def _message(message: str, *, error: bool = False) -> str:
    colour = "#b00020" if error else "#555"
    return f'<div class="kit-message" style="{_BOX} color: {colour};">{_esc(message)}</div>'


def _split_words(box: str) -> list[str]:
    """The words typed in a box, separated by commas or spaces, lower-cased.

    >>> _split_words("Said, Ayatollah  iran,")
    ['said', 'ayatollah', 'iran']
    """
    return [w.lower() for w in re.split(r"[\s,;]+", box) if w]


def keywords_html(
    text: TextLike,
    n: int = 10,
    *,
    stopwords: Iterable[str] | None = None,
    name: str | None = None,
) -> str:
    """The ``n`` top keywords of ``text`` (``kit.top_keywords``) as an HTML table with bars.

    ``stopwords`` works as in ``kit.top_keywords``: ``None`` for the kit's
    list, ``()`` to keep every word.

    >>> print(keywords_html("Iran and Belarus. Iran again.", 2))  # doctest: +ELLIPSIS
    <div class="kit-keywords" ...><b>Top 2 keywords in the text</b>...<td>iran</td><td ...>2</td>...
    """
    from kit.frequency import top_keywords

    top = top_keywords(text, n, stopwords=stopwords)
    title = f"Top {n} keywords in {_esc(name or _name(text))}"
    if not top:
        return _message(f"No words left in {name or _name(text)} once the stopwords are left out.")
    most = top[0][1]
    rows = "".join(
        f'<tr><td style="text-align: right; color: #777;">{rank}</td><td>{_esc(word)}</td>'
        f'<td style="text-align: right;">{count}</td>'
        f'<td style="width: 220px;"><div style="background: {_BAR}; height: 0.9em; '
        f'width: {100 * count / most:.0f}%;"></div></td></tr>'
        for rank, (word, count) in enumerate(top, 1)
    )
    return (
        f'<div class="kit-keywords" style="{_BOX}"><b>{title}</b>'
        f'<table style="border-collapse: collapse;">'
        f"<tr><th></th><th>word</th><th>count</th><th></th></tr>{rows}</table></div>"
    )


SORTS = ("text", "left", "right")
"""How a concordance can be sorted: in text order, or by the left or right context."""


def concordance_html(
    text: TextLike,
    word: str,
    *,
    width: int = 40,
    sort: str = "text",
    name: str | None = None,
) -> str:
    """Every use of ``word`` in ``text`` (``kit.concordance``), keywords lined up, as HTML.

    ``sort="left"`` sorts the lines by the words just before the keyword
    (nearest first), ``sort="right"`` by the words just after it, and
    ``sort="text"`` keeps the order of the text.

    >>> html_lines = concordance_html("Iran and Belarus. Then Iran again.", "iran", width=10)
    >>> html_lines.count("<tr>")
    2
    >>> "No whole-word match" in concordance_html("Sanctions were imposed.", "sanction")
    True
    """
    from kit.frequency import concordance, word_counts
    from kit.segment import words

    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(map(repr, SORTS))}, not {sort!r}.")
    name = name or _name(text)
    if not word.strip():
        return _message("Type a word (or a phrase) in the search box.")
    lines = concordance(text, word.strip(), width=width)
    if not lines:
        stem = word.strip().lower()[:5]
        near = sorted(w for w in word_counts(text) if w.startswith(stem))[:8]
        hint = f" Words in it that start the same: {', '.join(near)}." if near else ""
        return _message(f"No whole-word match for {word.strip()!r} in {name}.{hint}")
    if sort == "left":
        lines = sorted(lines, key=lambda line: words(line.left)[::-1])
    elif sort == "right":
        lines = sorted(lines, key=lambda line: words(line.right))
    rows = "".join(
        f'<tr><td style="text-align: right; {_MONO}">{_esc(line.left)}</td>'
        f'<td style="{_MONO} padding: 0 0.4em;"><b style="background: #fff3bf;">'
        f"{_esc(line.keyword)}</b></td>"
        f'<td style="text-align: left; {_MONO}">{_esc(line.right)}</td></tr>'
        for line in lines
    )
    sorted_by = {"text": "in text order", "left": "sorted by left context",
                 "right": "sorted by right context"}[sort]
    return (
        f'<div class="kit-concordance" style="{_BOX}"><b>{len(lines)} '
        f'{"line" if len(lines) == 1 else "lines"} for {_esc(repr(word.strip()))} in '
        f"{_esc(name)}</b>, {sorted_by}<table style=\"border-collapse: collapse;\">"
        f"{rows}</table></div>"
    )


def _speaker(quote: Quote) -> str:
    return quote.speaker or NO_SPEAKER


def quotes_html(
    text: TextLike,
    *,
    speaker: str = ALL_SPEAKERS,
    quotes: Sequence[Quote] | None = None,
    name: str | None = None,
) -> str:
    """The quotations of ``text`` (``kit.extract_quotes``), each highlighted in its paragraph.

    ``speaker`` keeps only the quotations of one speaker (:data:`NO_SPEAKER`
    for those without one, :data:`ALL_SPEAKERS` for all). Pass ``quotes`` when
    you have them already.
    """
    from kit.segment import paragraph_spans

    s = as_text(text)
    name = name or _name(text)
    if quotes is None:
        from kit.quotes import extract_quotes

        quotes = extract_quotes(text)
    if not quotes:
        return _message(f"The kit found no quotations in {name}.")
    shown = [q for q in quotes if speaker == ALL_SPEAKERS or _speaker(q) == speaker]
    if not shown:
        return _message(f"No quotation in {name} is by {speaker}.")
    spans = paragraph_spans(s)
    cards = []
    for number, q in enumerate(shown, 1):
        # The paragraphs the quotation touches (a long quotation may run over several).
        inside = [(ps, pe) for ps, pe in spans if ps < q.end and pe > q.start] or [(q.start, q.end)]
        start, end = min(inside[0][0], q.start), max(inside[-1][1], q.end)
        body = (
            _esc(s[start:q.start])
            + f'<mark style="background: #fff3bf;">{_esc(s[q.start:q.end])}</mark>'
            + _esc(s[q.end:end])
        ).replace("\n", "<br>")
        who = _esc(q.speaker) if q.speaker else f"<i>{_esc(NO_SPEAKER)}</i>"
        cue = f" &middot; cue: <i>{_esc(q.cue)}</i>" if getattr(q, "cue", None) else ""
        if getattr(q, "mention", None):
            cue += f" &middot; named as: <i>{_esc(q.mention)}</i>"
        if getattr(q, "flag", None):
            cue += f' &middot; <span style="color: #b00020;">{_esc(q.flag)}</span>'
        cards.append(
            f'<div class="kit-quote" style="margin: 0.6em 0; padding: 0.3em 0.7em; '
            f'border-left: 4px solid {_BAR};"><div style="color: #555;">{number}. '
            f"<b>{who}</b>{cue}</div><div>{body}</div></div>"
        )
    title = f"{len(shown)} of {len(quotes)} quotations in {_esc(name)}"
    if speaker != ALL_SPEAKERS:
        title += f", by {_esc(speaker)}"
    return f'<div class="kit-quotes" style="{_BOX}"><b>{title}</b>{"".join(cards)}</div>'


def pair_html(pair: SentencePair, *, position: str = "") -> str:
    """One aligned sentence pair (a ``kit.compare.SentencePair``) as a side-by-side word diff.

    Words deleted from version A are struck through, words inserted in B are
    highlighted. ``position`` (such as ``"3 of 15"``) goes in the heading.
    """
    from kit.compare import Comparison

    # The comparison's own table, for one pair: the kit renders, the viewer shows.
    table = Comparison([pair], {pair.status: 1}, pair.similarity).to_html(context=None)
    where = f"Pair {_esc(position)}: " if position else ""
    return f'<div class="kit-pair" style="{_BOX}"><b>{where}{_esc(pair.status)}</b>{table}</div>'


# --- the widgets -------------------------------------------------------------------


class Explorer(widgets.VBox):
    """Controls on top, the result below, redrawn whenever a control's value changes.

    ``controls`` lists the controls, each also an attribute of its own;
    ``output`` is an ``ipywidgets.HTML`` whose ``value`` is the result shown.
    Subclasses set up their controls and define :meth:`render`.
    """

    def __init__(self, controls: Sequence[widgets.Widget], *, css_class: str) -> None:
        self.controls = tuple(controls)
        self.output = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.output.add_class("kit-output")
        self._quiet = False
        visible = [c for c in self.controls if c.layout.display != "none"]
        bar = widgets.HBox(visible, layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        super().__init__([bar, self.output])
        self.add_class("kit-explorer")
        self.add_class(css_class)
        for control in self.controls:
            if hasattr(control, "value"):
                control.observe(self._changed, names="value")
        self.refresh()

    def render(self) -> str:
        """The HTML for the current values of the controls."""
        raise NotImplementedError

    def __repr__(self) -> str:
        # Shown where widgets cannot be (a terminal, a notebook viewer): short, not
        # ipywidgets' dump of every child.
        names = [n for n, v in vars(self).items() if any(v is c for c in self.controls)]
        return f"<{type(self).__name__} with controls {', '.join(names)}; run it in Jupyter to use them>"

    def refresh(self) -> None:
        """Redraw the result. An error shows as a message instead of the result."""
        try:
            self.output.value = self.render()
        except (ValueError, TypeError, LookupError) as err:
            self.output.value = _message(str(err), error=True)

    def _changed(self, change: dict) -> None:
        if not self._quiet:
            self.refresh()


def _chooser(texts: Sequence[TextLike], what: str) -> widgets.Dropdown:
    """A dropdown to pick one of ``texts`` by name; its value is the index. Hidden for one text."""
    if not texts:
        raise TypeError(f"{what} needs at least one text, such as {what}(a) or {what}(a, b).")
    for i, t in enumerate(texts):
        as_text(t, argument=f"text {i + 1}")  # a helpful error for anything else
    dropdown = widgets.Dropdown(
        options=[(_name(t, i), i) for i, t in enumerate(texts)],
        value=0,
        description="text",
        style=_LABEL,
        layout=widgets.Layout(width="auto", display=None if len(texts) > 1 else "none"),
    )
    return dropdown


class KeywordExplorer(Explorer):
    """The top keywords of one of several texts. See :func:`keyword_explorer`."""

    def __init__(self, *texts: TextLike, n: int = 10) -> None:
        self.texts = texts
        self.article = _chooser(texts, "keyword_explorer")
        self.top_n = widgets.IntSlider(value=n, min=1, max=max(30, n), description="top N", style=_LABEL)
        self.use_stopwords = widgets.Checkbox(value=True, description="leave out stopwords", indent=False)
        self.extra_stopwords = widgets.Text(
            value="", description="also leave out", placeholder="said, ayatollah",
            continuous_update=False, style=_LABEL,
        )
        super().__init__(
            [self.article, self.top_n, self.use_stopwords, self.extra_stopwords],
            css_class="kit-keyword-explorer",
        )

    def stopword_list(self) -> Iterable[str] | None:
        """The stopwords the controls ask for, as ``kit.top_keywords`` takes them."""
        from kit.segment import stopwords

        extra = _split_words(self.extra_stopwords.value)
        if self.use_stopwords.value:
            return stopwords(extra) if extra else None
        return extra  # () keeps every word

    def render(self) -> str:
        i = self.article.value
        return keywords_html(
            self.texts[i], self.top_n.value, stopwords=self.stopword_list(),
            name=_name(self.texts[i], i),
        )


def keyword_explorer(*texts: TextLike, n: int = 10) -> KeywordExplorer:
    """Explore the top keywords of one or more texts (Articles or strings).

    Controls: ``article`` (which text; shown when there are several),
    ``top_n`` (a slider), ``use_stopwords`` (a toggle) and ``extra_stopwords``
    (words to leave out too, separated by commas or spaces).
    """
    return KeywordExplorer(*texts, n=n)


class ConcordanceExplorer(Explorer):
    """Keyword in context. See :func:`concordance_explorer`."""

    def __init__(self, *texts: TextLike, word: str | None = None, width: int = 40) -> None:
        from kit.frequency import top_keywords

        self.texts = texts
        self.article = _chooser(texts, "concordance_explorer")
        if word is None:  # start on the first text's top keyword
            top = top_keywords(texts[0], 1)
            word = top[0][0] if top else ""
        self.search = widgets.Text(
            value=word, description="word", placeholder="a word or phrase", style=_LABEL
        )
        self.window = widgets.IntSlider(
            value=width, min=10, max=120, step=5, description="window", style=_LABEL
        )
        self.sort = widgets.ToggleButtons(
            options=[("text order", "text"), ("left context", "left"), ("right context", "right")],
            value="text", description="sort by",
            style={"button_width": "auto", **_LABEL},
        )
        super().__init__(
            [self.article, self.search, self.window, self.sort], css_class="kit-concordance-explorer"
        )

    def render(self) -> str:
        i = self.article.value
        return concordance_html(
            self.texts[i], self.search.value, width=self.window.value,
            sort=self.sort.value, name=_name(self.texts[i], i),
        )


def concordance_explorer(*texts: TextLike, word: str | None = None, width: int = 40) -> ConcordanceExplorer:
    """A concordance (keyword in context) of one or more texts.

    Controls: ``article`` (shown when there are several texts), ``search``
    (the word or phrase; it starts on the first text's top keyword unless you
    give ``word``), ``window`` (characters of context each side) and ``sort``
    (``"text"``, ``"left"`` or ``"right"``).
    """
    return ConcordanceExplorer(*texts, word=word, width=width)


class QuoteBrowser(Explorer):
    """Quotations and their speakers. See :func:`quote_browser`."""

    def __init__(self, *texts: TextLike) -> None:
        self.texts = texts
        self.article = _chooser(texts, "quote_browser")
        self.speaker = widgets.Dropdown(
            description="speaker", style=_LABEL, layout=widgets.Layout(width="auto")
        )
        self._quotes: list[Quote] = []
        self._quotes_of: int | None = None  # which text self._quotes came from
        super().__init__([self.article, self.speaker], css_class="kit-quote-browser")

    def refresh(self) -> None:
        from kit.quotes import extract_quotes

        i = self.article.value
        if i != self._quotes_of:  # a new text: find its quotations, offer its speakers
            try:
                quotes = self._quotes = extract_quotes(self.texts[i])
            except (ValueError, TypeError, LookupError) as err:
                self.output.value = _message(str(err), error=True)
                return
            self._quotes_of = i
            counts: dict[str, int] = {}
            for q in quotes:
                counts[_speaker(q)] = counts.get(_speaker(q), 0) + 1
            options = [(f"{ALL_SPEAKERS} ({len(quotes)})", ALL_SPEAKERS)]
            options += [(f"{s} ({c})", s) for s, c in counts.items()]
            keep = self.speaker.value if self.speaker.value in dict(map(reversed, options)) else ALL_SPEAKERS
            self._quiet = True
            try:
                self.speaker.options = options
                self.speaker.value = keep
            finally:
                self._quiet = False
        super().refresh()

    def render(self) -> str:
        i = self.article.value
        return quotes_html(
            self.texts[i], speaker=self.speaker.value or ALL_SPEAKERS,
            quotes=self._quotes, name=_name(self.texts[i], i),
        )


def quote_browser(*texts: TextLike) -> QuoteBrowser:
    """Browse the quotations of one or more texts, each highlighted in its paragraph.

    Controls: ``article`` (shown when there are several texts) and
    ``speaker`` (its options are the speakers found, with how many
    quotations each has; :data:`ALL_SPEAKERS` shows all).
    """
    return QuoteBrowser(*texts)


class VersionViewer(Explorer):
    """Two versions, one aligned sentence pair at a time. See :func:`version_viewer`."""

    def __init__(self, a: TextLike, b: TextLike, *, kind: str = ALL_KINDS) -> None:
        from kit.compare import compare_versions

        self.comparison = compare_versions(a, b)
        counts = self.comparison.counts
        changed = sum(c for s, c in counts.items() if s != "same")
        options = [(f"{ALL_KINDS} ({len(self.comparison.pairs)})", ALL_KINDS),
                   (f"{CHANGED_KINDS} ({changed})", CHANGED_KINDS)]
        options += [(f"{s} ({c})", s) for s, c in counts.items() if c]
        if kind not in dict(map(reversed, options)):
            raise ValueError(
                f"kind {kind!r} is not one of the kinds found: "
                f"{', '.join(v for _, v in options)}."
            )
        self.kind = widgets.Dropdown(options=options, value=kind, description="show", style=_LABEL)
        self.step = widgets.IntSlider(value=1, min=1, max=1, description="pair", style=_LABEL)
        self.previous_button = widgets.Button(description="previous", icon="arrow-left")
        self.next_button = widgets.Button(description="next", icon="arrow-right")
        self.previous_button.on_click(lambda _: self._move(-1))
        self.next_button.on_click(lambda _: self._move(+1))
        self._resize()
        super().__init__(
            [self.kind, self.previous_button, self.step, self.next_button],
            css_class="kit-version-viewer",
        )

    def shown(self) -> list[SentencePair]:
        """The pairs the ``kind`` filter lets through, in order."""
        kind = self.kind.value
        return [
            p for p in self.comparison.pairs
            if kind == ALL_KINDS or (kind == CHANGED_KINDS and p.status != "same") or p.status == kind
        ]

    def _resize(self) -> None:
        """Fit the step slider to the pairs shown, and go back to the first."""
        self._quiet = True
        try:
            self.step.max = max(1, len(self.shown()))
            self.step.value = 1
        finally:
            self._quiet = False

    def _changed(self, change: dict) -> None:
        if change["owner"] is self.kind and not self._quiet:
            self._resize()
        super()._changed(change)

    def _move(self, by: int) -> None:
        self.step.value = min(max(self.step.value + by, self.step.min), self.step.max)

    def render(self) -> str:
        pairs = self.shown()
        if not pairs:
            return _message(f"No sentence pair is {self.kind.value!r}.")
        i = self.step.value - 1
        return pair_html(pairs[i], position=f"{i + 1} of {len(pairs)}")


def version_viewer(a: TextLike, b: TextLike, *, kind: str = ALL_KINDS) -> VersionViewer:
    """Step through the aligned sentence pairs of two versions (``kit.compare_versions``).

    Controls: ``kind`` (which pairs to show: :data:`ALL_KINDS`,
    :data:`CHANGED_KINDS`, or one status such as ``"changed"``), ``step``
    (a slider: which pair), and ``previous_button`` / ``next_button``. Each
    pair shows A and B side by side, deleted words struck through and
    inserted words highlighted.
    """
    return VersionViewer(a, b, kind=kind)
