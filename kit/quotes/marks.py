"""Step 1: find the quotation marks and the quoted stretches between them.

Curly and straight double marks (and angle marks), read paragraph by paragraph,
with quotes that run over several paragraphs and quotes left unclosed; then
single marks outside the double quotes, told apart from apostrophes. A text
that quotes with single marks (many British books) is read the other way
round: its single marks paragraph by paragraph, then its double marks
outside those quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator, NamedTuple

from kit.segment import WRAP_WIDTH
from kit.texts import Span

__all__ = ["Region", "double_quotes", "find_regions", "single_quotes"]


# --- Step 1: find the quotation marks ----------------------------------------
#
# Whether a mark opens or closes a quote is decided by the glyph where it is
# unambiguous (“ opens, ” closes) and by where it stands otherwise: after a
# space it opens, before one it closes. Smart-quote converters sometimes
# produce the wrong curly glyph, so position wins over the glyph when they
# disagree.
_MARKS = re.compile(
    r"""
    (?P<close>
        (?<=\S)“(?=[\s.,;:!?)\]]|$)         # “ after a word and before a space: a slip for ” (word“ he said)
      | (?<=\S)[”»]                         # ” and » after a word or punctuation
      | [”»](?![^\W_])                      # ” and » before a space or punctuation
      | (?<=\S)"(?=[\s.,;:!?)\]}—–-]|$)     # a straight " after a word, before a space or punctuation
    )
  | (?P<open>
        [“«]                                # “ and «
      | [”»]                                # ” after a space, before a word ( ”Yes): a slip for “
      | (?<![^\s(\[{—–/-])"(?=\S)           # a straight " at a paragraph start, or after a space, bracket or dash
    )
  | (?P<either>")                           # any other straight " (between two words, or two spaces): it
                                            #   closes an open quote, else it opens one
    """,
    re.VERBOSE,
)

# The characters _MARKS reads. Finding these first and reading each one with
# _MARKS.match is many times faster than trying _MARKS at every character.
_MARK_CHAR = re.compile(r'[“”«»"]')

# Single marks are read only outside double quotes (inside them they are
# nested quotes, part of the quoted words). Apostrophes are told apart by
# position: an apostrophe inside a word (don’t) is followed by a letter, and
# one at the start of a word (’90s) is not preceded by ‘.
_SINGLE_MARKS = re.compile(
    r"""
    (?P<open>
        ‘(?=\S)                             # ‘ before a word
      | (?<![^\s(\[{—–/-])'(?=[^\W\d_])     # a straight ' after a space, before a letter ('Yes)
    )
  | (?P<close>
        (?<=[^\s‘'])[’'](?![^\W_])          # ’ or ' after a non-space and not before a letter or digit,
                                            #   so never the apostrophe in don’t or it’s
    )
    """,
    re.VERBOSE,
)
_QUOTE_END_PUNCT = ".,!?;:…—–-"

# A text that quotes with single marks (‘Yes,’ she said; 'Yes,' she said), as
# many British books do, is read as double marks are, paragraph by paragraph
# (:func:`_paired`), with these marks. A straight or curly mark inside a word
# (don’t) is an apostrophe and matches neither group.
_PRIMARY_SINGLE_MARKS = re.compile(
    r"""
    (?P<close>
        (?<=\S)[’'](?![^\W_])               # ’ or ' after a word or punctuation, not before a letter
    )
  | (?P<open>
        ‘(?=\S)                             # ‘ before a word
      | (?<![^\s(\[{—–/-])'(?=[^\s\d])     # a straight ' after a space or bracket, before a word ('Yes)
    )
    """,
    re.VERBOSE,
)
_PRIMARY_SINGLE_CHAR = re.compile(r"[‘’']")


class Region(NamedTuple):
    """A quoted stretch, before anyone is attributed to it."""

    start: int
    """The first quoted character."""
    end: int
    """Just after the last quoted character."""
    para: int
    """The paragraph where the quote opens."""
    flag: str | None
    """None for a plain pair of marks, else "continued", "unclosed" or "unopened"."""
    mark_start: int
    """The opening mark (== start when there is none)."""
    mark_end: int
    """Just after the closing mark (== end when there is none)."""


def find_regions(s: str, paras: list[Span]) -> list[Region]:
    """Every quoted stretch of ``s``, in text order: double quotes, then single
    quotes looked for outside them.

    A text that writes its double marks as two apostrophes (``''Yes,'' he
    said``, as some archives do) uses single marks only for quotes nested in
    those; the kit does not read ``''`` as a mark, so it reads no single
    marks in such a text either, rather than return nested fragments
    (``'Kosovo is a special case,'``) as quotes of their own.

    >>> s = "“We won,” she said. ‘Yes,’ he said."
    >>> [s[r.start:r.end] for r in find_regions(s, [Span(0, len(s))])]
    ['We won,', 'Yes,']
    """
    regions = double_quotes(s, paras)
    doubled = _apostrophe_doubles(s)
    if not doubled and _quotes_with_single_marks(s, regions):
        singles = _paired(s, paras, _PRIMARY_SINGLE_MARKS, _PRIMARY_SINGLE_CHAR, single=True)
        taken = [(r.mark_start, r.mark_end) for r in singles]  # (the double marks in them are nested quotes)
        return sorted(singles + [r for r in regions if not _overlaps(r, taken)])
    if ("‘" in s or "'" in s) and not doubled:
        regions = sorted(regions + single_quotes(s, paras, regions))
    return regions


def _quotes_with_single_marks(s: str, doubles: list[Region]) -> bool:
    """Whether a text quotes with single marks, as many British books do: single
    marks open more than twice as many quotes outside the double quotes
    ``doubles`` as there are double quotes. (Counted outside them: an
    American quote may nest several single-quoted phrases.)

    >>> def single(s): return _quotes_with_single_marks(s, double_quotes(s, [Span(0, len(s))]))
    >>> single("‘Yes,’ she said. ‘Not the “Times”,’ he said. ‘Go.’")
    True
    >>> single("“Yes,” she said. “Not the ‘Times’,” he said. “No.”")
    False
    >>> single("“They called it ‘a measure’ and ‘a pause’ and ‘a review’,” she said.")
    False
    """
    if "‘" not in s and "'" not in s:
        return False
    spans = [(r.mark_start, r.mark_end) for r in doubles]
    opens = [m.start() for m in re.finditer("‘", s)] + [m.start() for m in _STRAIGHT_OPENS.finditer(s)]
    outside = 0
    for at in opens:
        k = bisect_right(spans, (at, float("inf"))) - 1
        outside += not (k >= 0 and spans[k][0] <= at < spans[k][1])
    return outside >= 2 and outside > 2 * len(doubles)


def _overlaps(region: Region, spans: list[tuple[int, int]]) -> bool:
    """Whether ``region`` (with its marks) overlaps one of ``spans`` (sorted, not overlapping)."""
    k = bisect_right(spans, (region.mark_start, float("inf"))) - 1
    if k >= 0 and spans[k][1] > region.mark_start:
        return True  # it starts inside a span
    return k + 1 < len(spans) and spans[k + 1][0] < region.mark_end  # a span starts inside it


def _apostrophe_doubles(s: str) -> bool:
    """Whether a text writes its double marks as two apostrophes: ``''`` more
    than once, and more often than a single mark opens a quote. A few ``''``
    in a novel quoted with ‘ ’ or with straight ' ' do not count: there,
    ``''`` is most often a nested quote closing with the one around it.

    >>> _apostrophe_doubles("''Yes,'' he said. ''No,'' she said.")
    True
    >>> _apostrophe_doubles("'Go,' he said. 'Say ''no.''' 'Why?' 'Now.'")
    False
    """
    n = s.count("''")
    return n >= 2 and n > s.count("‘") + len(_STRAIGHT_OPENS.findall(s))


_STRAIGHT_OPENS = re.compile(r"'(?<![^\s(\[{—–/-]')(?=[^\W\d_])")
"""A straight single mark that opens a quote: after a space or a bracket, before a
letter ('Yes). The same mark as the straight one of :data:`_SINGLE_MARKS`' open
group, written mark first so that counting them over a whole book scans fast."""


def _trimmed(s: str, mark_start: int, start: int, end: int, mark_end: int, para: int,
             flag: str | None) -> Region | None:
    """A region with white space trimmed from the quoted words; None if they are empty."""
    while start < end and s[start].isspace():
        start += 1
    while end > start and s[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Region(start, end, para, flag, mark_start, mark_end)


def double_quotes(s: str, paras: list[Span]) -> list[Region]:
    """The stretches between double quotation marks, paragraph by paragraph.

    Hand-written because no library recovers from unbalanced marks: an open
    quote ends at its paragraph's end unless the next paragraph opens with a
    mark (a quote running over several paragraphs).
    """
    return _paired(s, paras, _MARKS, _MARK_CHAR)


def _paired(s: str, paras: list[Span], marks_pattern: re.Pattern, mark_char: re.Pattern, *,
            single: bool = False) -> list[Region]:
    """The stretches between the opening and closing marks that ``marks_pattern``
    reads (see :func:`double_quotes`). With ``single``, the marks are single
    ones, which are also apostrophes: inside an open quote, an opening mark
    is an elision ('em, 'Tis) and a closing one after a letter and before a
    lower-case word is a plural's apostrophe (the Joneses' house), when
    another closing mark follows before the next opening one."""
    found: list[Region] = []
    opened: tuple[int, int, int] | None = None  # (mark start, quoted start, paragraph)
    continued = False
    previous_end = 0

    def close(end: int, mark_end: int, flag: str | None) -> None:
        region = _trimmed(s, opened[0], opened[1], end, mark_end, opened[2], flag)
        if region:
            found.append(region)

    for i, (p_start, p_end) in enumerate(paras):
        # Find the mark characters first (fast), then read each with _MARKS.
        marks = [marks_pattern.match(s, c.start(), p_end) for c in mark_char.finditer(s, p_start, p_end)]
        if single:
            marks = [m for m in marks if m is not None]
        first_in_paragraph = True
        if opened is not None:
            if marks and marks[0].start() == p_start and marks[0].lastgroup != "close":
                marks = marks[1:]  # a continuation paragraph: the quote runs on
                continued = True
            elif _wrapped_line_break(s, previous_end, p_start):
                first_in_paragraph = False  # a line of the same hard-wrapped paragraph
            else:
                close(previous_end, previous_end, "unclosed")
                opened = None
        for n, m in enumerate(marks):
            kind = m.lastgroup
            if single and opened is not None and (kind == "open" or _apostrophe(s, m, marks[n + 1 :])):
                continue
            if not single and opened is not None and kind == "close" and _inches(s, m, marks[n + 1 :]):
                continue
            if opened is None:
                if kind != "close":
                    opened, continued = (m.start(), m.end(), i), False
                elif first_in_paragraph and s[m.start() - 1] in ",.!?…":
                    # A closing mark with nothing open, at the first mark of a
                    # paragraph, after the punctuation that ends a quote: the
                    # opening mark is missing. Recover from the paragraph start.
                    start = p_start
                    while start < m.start() and s[start] in "—–- \t":
                        start += 1
                    region = _trimmed(s, start, start, m.start(), m.end(), i, "unopened")
                    if region:
                        found.append(region)
            elif kind == "open":  # a new quote opens before this one closed
                close(m.start(), m.start(), "unclosed")
                opened, continued = (m.start(), m.end(), i), False
            else:
                close(m.start(), m.end(), "continued" if continued else None)
                opened = None
            first_in_paragraph = False
        previous_end = p_end
    if opened is not None:
        close(previous_end, previous_end, "unclosed")
    return found


def _apostrophe(s: str, m: re.Match, later: list[re.Match]) -> bool:
    """Whether the closing single mark ``m`` is a plural's apostrophe (the
    Joneses' house): after a letter, before a lower-case word, and followed by
    another closing mark before any opening one."""
    after = s[m.end() : m.end() + 2]
    return (s[m.start() - 1].isalpha() and len(after) == 2 and after[0] == " " and after[1].islower()
            and bool(later) and later[0].lastgroup == "close")


_FEET_INCHES = re.compile(r"\d[’']\d{1,2}$")
"""A height in feet and inches up to its inches mark: 6’2 (of 6’2”), 5'11 (of 5'11")."""


def _inches(s: str, m: re.Match, later: list[re.Match]) -> bool:
    """Whether the closing double mark ``m`` is an inches mark (*he’s like
    6’2”,” Rubio said*): right after a height in feet and inches, and followed
    by another closing mark before any opening one, which closes the quote.

    >>> s = "“He is 6’2”,” she said."
    >>> [s[r.start : r.end] for r in double_quotes(s, [Span(0, len(s))])]
    ['He is 6’2”,']
    """
    return bool(_FEET_INCHES.search(s[max(0, m.start() - 5) : m.start()])) and bool(later) \
        and later[0].lastgroup == "close"


def _wrapped_line_break(s: str, left: int, right: int) -> bool:
    """Whether ``s[left:right]``, between two paragraphs, is a line break inside
    one hard-wrapped paragraph: a single newline between two short lines.

    ``paragraph_spans`` may split a wrapped block whose first line ends a
    sentence (“... after that...\nBut won’t you ...”); an open quote runs on
    across such a line break, and is cut only at a blank line or between the
    long lines of a news text.
    """
    if s.count("\n", left, right) != 1:
        return False
    line_start = s.rfind("\n", 0, left) + 1
    line_end = s.find("\n", right)
    return left - line_start <= WRAP_WIDTH and (line_end if line_end >= 0 else len(s)) - right <= WRAP_WIDTH


def single_quotes(s: str, paras: list[Span], doubles: list[Region]) -> list[Region]:
    """Quotes in single marks, looked for only outside the double quotes.

    A closing ’ after a plural (``the workers’ vote``) looks like an
    apostrophe; it closes a quote only if no better closing mark (one after
    punctuation, or before a space and punctuation) comes before the next
    opening mark or the paragraph end. An opening mark that never closes is
    taken for an apostrophe (``‘90s``) and ignored.
    """
    found: list[Region] = []
    taken = [(r.mark_start, r.mark_end) for r in doubles]
    k = 0
    for i, (p_start, p_end) in enumerate(paras):
        # The gaps of this paragraph that no double quote covers.
        gaps, left = [], p_start
        while k < len(taken) and taken[k][1] <= p_start:
            k += 1
        j = k
        while j < len(taken) and taken[j][0] < p_end:
            gaps.append((left, max(left, taken[j][0])))
            left = max(left, taken[j][1])
            j += 1
        gaps.append((left, p_end))
        for g_start, g_end in gaps:
            if g_end > g_start and (s.find("‘", g_start, g_end) >= 0 or s.find("'", g_start, g_end) >= 0):
                found.extend(_single_in_gap(s, g_start, g_end, i))
    return found


def _single_in_gap(s: str, g_start: int, g_end: int, para: int) -> Iterator[Region]:
    """The single-quoted stretches in ``s[g_start:g_end]`` (see :func:`single_quotes`)."""
    opened: re.Match | None = None
    weak: re.Match | None = None  # the first closing ’ that might be an apostrophe
    for m in _SINGLE_MARKS.finditer(s, g_start, g_end):
        if m.lastgroup == "open":
            if opened is not None and weak is not None:
                region = _trimmed(s, opened.start(), opened.end(), weak.start(), weak.end(), para, None)
                if region:
                    yield region
            opened, weak = m, None
        elif opened is not None:
            before, after = s[m.start() - 1], s[m.end() : min(m.end() + 1, g_end)]
            if before in _QUOTE_END_PUNCT or after in ("", *_QUOTE_END_PUNCT, ")", "]"):
                region = _trimmed(s, opened.start(), opened.end(), m.start(), m.end(), para, None)
                if region:
                    yield region
                opened, weak = None, None
            elif weak is None and m.group() == "’" and opened.group() == "‘":
                weak = m
    if opened is not None and weak is not None:
        region = _trimmed(s, opened.start(), opened.end(), weak.start(), weak.end(), para, None)
        if region:
            yield region
