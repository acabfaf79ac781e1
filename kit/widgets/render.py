"""What the explorers show, as plain functions: a text and some choices in, HTML out.

Each explorer draws its result with one of these, and you can call them
yourself (in Jupyter, wrap the result in ``IPython.display.HTML``):

>>> print(keywords_html("Iran and Belarus. Iran again.", 2))  # doctest: +ELLIPSIS
<div class="kit-keywords" ...><b>Top 2 keywords in the text</b>...<td>iran</td><td ...>2</td>...

All text is HTML-escaped, and every colour comes from :mod:`kit.style`, so the
result reads in JupyterLab's light theme and its dark one. The functions
compute nothing of their own: they call the kit's functions and show what
those return.
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from kit.style import BAR, ERROR, MUTED, highlight
from kit.texts import Article, TextLike, as_text

if TYPE_CHECKING:  # kit.quotes and kit.compare are imported when they are used
    from kit.compare import SentencePair
    from kit.quotes import Quote

__all__ = [
    "ALL_SPEAKERS",
    "MAX_LINES",
    "NO_SPEAKER",
    "QUOTES_PER_PAGE",
    "SORTS",
    "concordance_html",
    "keywords_html",
    "label",
    "message_html",
    "pair_html",
    "quotes_html",
    "speaker_of",
]

ALL_SPEAKERS = "(all speakers)"
"""The speaker filter's value that shows every quotation."""
NO_SPEAKER = "(no speaker found)"
"""The speaker filter's value for quotations whose speaker the kit could not find."""
SORTS = ("text", "left", "right")
"""How a concordance can be sorted: in text order, or by the left or right context."""
MAX_LINES = 200
"""A concordance shows at most this many lines (a book has thousands for a common
word); the heading says how many there are in all."""
QUOTES_PER_PAGE = 20
"""The quote browser shows this many quotations at a time."""

BOX = "font-family: var(--jp-content-font-family, sans-serif); line-height: 1.5;"
"""The style of every result's outer box: the notebook's own font."""
_MONO = "font-family: var(--jp-code-font-family, monospace); white-space: pre;"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def label(text: Any, i: int | None = None) -> str:
    """What to call a text on screen: an Article's :attr:`~kit.texts.Article.label`,
    else "text 1", "text 2", ... (or "the text", without ``i``).

    >>> label("Iran and Belarus", 1), label("Iran and Belarus")
    ('text 2', 'the text')
    """
    if isinstance(text, Article):
        return text.label
    return "the text" if i is None else f"text {i + 1}"


def message_html(message: str, *, error: bool = False) -> str:
    """A sentence in place of a result: a hint, or (``error=True``) what went wrong,
    with a red rule beside it."""
    look = f"border-left: 4px solid {ERROR}; padding-left: 0.6em;" if error else MUTED
    return f'<div class="kit-message" style="{BOX} {look}">{_esc(message)}</div>'


def _rows_heading(shown: int, total: int, noun: str) -> str:
    """ "12 lines", or "200 of 1,674 lines (the first 200)" when not all are shown."""
    plural = noun if total == 1 else f"{noun}s"
    if shown == total:
        return f"{total:,} {plural}"
    return f"the first {shown:,} of {total:,} {plural}"


def keywords_html(
    text: TextLike,
    n: int = 10,
    *,
    stopwords: Iterable[str] | None = None,
    name: str | None = None,
) -> str:
    """The ``n`` top keywords of ``text`` (``kit.top_keywords``) as an HTML table with bars.

    ``stopwords`` works as in ``kit.top_keywords``: ``None`` for the kit's
    list, ``()`` to keep every word. The heading counts the rows it shows.
    """
    from kit.frequency import top_keywords

    top = top_keywords(text, n, stopwords=stopwords)
    name = name or label(text)
    if not top:
        return message_html(f"No words left in {name} once the stopwords are left out.")
    most = top[0][1]
    rows = "".join(
        f'<tr><td style="text-align: right; {MUTED}">{rank}</td><td>{_esc(word)}</td>'
        f'<td style="text-align: right;">{count}</td>'
        f'<td style="width: 220px;"><div style="background: {BAR}; height: 0.9em; '
        f'width: {100 * count / most:.0f}%;"></div></td></tr>'
        for rank, (word, count) in enumerate(top, 1)
    )
    return (
        f'<div class="kit-keywords" style="{BOX}"><b>Top {len(top)} keywords in {_esc(name)}</b>'
        f'<table style="border-collapse: collapse; margin: 0;">'
        f'<tr><th></th><th style="text-align: left;">word</th><th>count</th><th></th></tr>'
        f"{rows}</table></div>"
    )


def concordance_html(
    text: TextLike,
    word: str,
    *,
    width: int = 40,
    sort: str = "text",
    name: str | None = None,
    max_lines: int = MAX_LINES,
) -> str:
    """Every use of ``word`` in ``text`` (``kit.concordance``), keywords lined up, as HTML.

    ``sort="left"`` sorts the lines by the words just before the keyword
    (nearest first), ``sort="right"`` by the words just after it, and
    ``sort="text"`` keeps the order of the text. At most ``max_lines`` lines
    are shown, after sorting.

    Each line is the text exactly as written: the left context in one cell,
    the keyword and the right context together in the next, without padding,
    so nothing stands between the keyword and what follows it that is not in
    the text.

    >>> page = concordance_html("Iran and Belarus. Then Iran again.", "iran", width=10)
    >>> page.count("<tr>")
    2
    >>> "No whole-word match" in concordance_html("Sanctions were imposed.", "sanction")
    True
    """
    from kit.frequency import concordance, word_counts
    from kit.segment import words

    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(map(repr, SORTS))}, not {sort!r}.")
    name = name or label(text)
    query = word.strip()
    if not query:
        return message_html("Type a word (or a phrase) in the search box, then press Enter.")
    lines = concordance(text, query, width=width)
    if not lines:
        stem = query.lower()[:5]
        near = sorted(w for w in word_counts(text) if w.startswith(stem))[:8]
        hint = f" Words in it that start the same: {', '.join(near)}." if near else ""
        return message_html(f"No whole-word match for {query!r} in {name}.{hint}")
    if sort == "left":
        lines = sorted(lines, key=lambda line: words(line.left)[::-1])
    elif sort == "right":
        lines = sorted(lines, key=lambda line: words(line.right))
    # Two cells: the left context, right-aligned, so that the keywords line up;
    # then the keyword and the right context together, so that nothing (not
    # even a column's width) stands between them that is not in the text.
    cell = f"padding: 0; {_MONO}"
    rows = "".join(
        f'<tr><td style="{cell} text-align: right;">{_esc(line.left)}</td>'
        f'<td style="{cell} text-align: left;"><mark style="{highlight("keyword")} font-weight: bold;">'
        f"{_esc(line.keyword)}</mark>{_esc(line.right)}</td></tr>"
        for line in lines[:max_lines]
    )
    sorted_by = {"text": "in text order", "left": "sorted by left context",
                 "right": "sorted by right context"}[sort]
    return (
        f'<div class="kit-concordance" style="{BOX}"><b>{_rows_heading(len(lines[:max_lines]), len(lines), "line")}'
        f" for {_esc(repr(query))} in {_esc(name)}</b>, {sorted_by}"
        f'<table style="border-collapse: collapse; margin: 0;">{rows}</table></div>'
    )


def speaker_of(quote: Quote) -> str:
    """The speaker filter's value for a quotation: its speaker, or :data:`NO_SPEAKER`."""
    return quote.speaker or NO_SPEAKER


def quotes_html(
    text: TextLike,
    *,
    speaker: str = ALL_SPEAKERS,
    quotes: Sequence[Quote] | None = None,
    name: str | None = None,
    page: int = 1,
    per_page: int = QUOTES_PER_PAGE,
) -> str:
    """The quotations of ``text`` (``kit.extract_quotes``), each highlighted in its paragraph.

    ``speaker`` keeps only the quotations of one speaker (:data:`NO_SPEAKER`
    for those without one, :data:`ALL_SPEAKERS` for all). Pass ``quotes`` when
    you have them already. The quotations come ``per_page`` at a time; ``page``
    says which (1 is the first).
    """
    from kit.segment import paragraph_spans

    s = as_text(text)
    name = name or label(text)
    if quotes is None:
        from kit.quotes import extract_quotes

        quotes = extract_quotes(text)
    if not quotes:
        return message_html(f"The kit found no quotations in {name}.")
    shown = [q for q in quotes if speaker == ALL_SPEAKERS or speaker_of(q) == speaker]
    if not shown:
        return message_html(f"No quotation in {name} is by {speaker}.")
    pages = -(-len(shown) // per_page)
    if not 1 <= page <= pages:
        raise ValueError(f"page must be from 1 to {pages}, not {page!r}.")
    spans = text.paragraph_spans if isinstance(text, Article) else paragraph_spans(s)
    starts, ends = [p.start for p in spans], [p.end for p in spans]
    cards = []
    first = (page - 1) * per_page
    for number, q in enumerate(shown[first : first + per_page], first + 1):
        # The paragraphs the quotation touches (a long quotation may run over
        # several), found by bisection: a book has thousands of paragraphs.
        lo, hi = bisect_right(ends, q.start), bisect_left(starts, q.end)
        start = min(starts[lo], q.start) if lo < hi else q.start
        end = max(ends[hi - 1], q.end) if lo < hi else q.end
        body = (
            _esc(s[start : q.start])
            + f'<mark style="{highlight("quotation")}">{_esc(s[q.start : q.end])}</mark>'
            + _esc(s[q.end : end])
        ).replace("\n", "<br>")
        who = _esc(q.speaker) if q.speaker else f"<i>{_esc(NO_SPEAKER)}</i>"
        details = f" &middot; cue: <i>{_esc(q.cue)}</i>" if getattr(q, "cue", None) else ""
        if getattr(q, "mention", None):
            details += f" &middot; named as: <i>{_esc(q.mention)}</i>"
        if getattr(q, "flag", None):
            details += f' &middot; <span style="border-bottom: 2px solid {ERROR};">⚠ {_esc(q.flag)}</span>'
        cards.append(
            f'<div class="kit-quote" style="margin: 0.6em 0; padding: 0.3em 0.7em; '
            f'border-left: 4px solid {BAR};"><div style="{MUTED}">{number}. '
            f"<b>{who}</b>{details}</div><div>{body}</div></div>"
        )
    title = f"{len(shown)} of {len(quotes)} quotations in {_esc(name)}"
    if speaker != ALL_SPEAKERS:
        title += f", by {_esc(speaker)}"
    if pages > 1:
        title += f" (page {page} of {pages}: {first + 1} to {first + len(cards)})"
    return f'<div class="kit-quotes" style="{BOX}"><b>{title}</b>{"".join(cards)}</div>'


def pair_html(pair: SentencePair, *, position: str = "") -> str:
    """One aligned sentence pair (a ``kit.compare.SentencePair``) as a side-by-side word diff.

    Words deleted from version A are struck through, words inserted in B are
    highlighted. ``position`` (such as ``"3 of 15"``) goes in the heading.
    """
    from kit.compare.html_table import STYLE, pairs_table

    # The comparison's own table, for one pair: kit.compare renders, the viewer shows.
    where = f"Pair {_esc(position)}: " if position else ""
    return (
        f'<div class="kit-pair kit-compare" style="{BOX}">{STYLE}<b>{where}{_esc(pair.status)}</b>'
        f"{pairs_table([pair])}</div>"
    )
