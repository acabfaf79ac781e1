"""The text as the quote finder reads it: paragraphs, sentences, the narration,
and where each word is (:meth:`Layout.find_word`, which indexes a book's words once).

A reporting verb or a name inside a quotation never attributes it: *“I told
him,” she said* is attributed by *she said*, not by *I told*. So the later
steps read a copy of the text in which the quoted words are masked out (each
quoted character becomes ``MASK``), keeping the punctuation that ends a
quote, so that sentence ends stay visible. A quote's single marks (a book
quoted ‘like this’) are written there as double ones, the marks the later
steps' patterns know. The copy has the same length, so a position means the
same place in both.

>>> from kit.quotes.marks import find_regions
>>> from kit.segment import paragraph_spans
>>> s = "“I told him so,” she said. He left."
>>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
>>> layout.masked.replace(MASK, "#")
'“#############,” she said. He left.'
>>> [s[a:b] for a, b in layout.sentences(0)]
['“I told him so,” she said.', 'He left.']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Iterator

from kit.quotes.marks import Region
from kit.segment import sentence_spans
from kit.texts import Span

__all__ = ["MASK", "Layout", "WordIndex", "find_word", "in_capitals", "is_whole_word"]

MASK = "\x1a"
"""The character that stands for a quoted character in :attr:`Layout.masked`."""
_LONG_TEXT = 50_000
"""Characters: a text this long is a book, whose words are indexed once (:meth:`Layout.find_word`)."""
_LONGEST_SENTENCE = 5_000
"""The most characters the quote steps read as one sentence. The longest sentence of
PolNeAR's 840 articles, PDNC's eight novels and War and Peace has 4,180; a text with no
sentence ends at all (a transcript with no punctuation) is read in pieces of about this
length, cut at a space, so that the steps that read a quote's sentence do not read the
whole text at every quote (:meth:`Layout.sentences`)."""


_CAPITALS_SAMPLE = 4_000
"""How many characters, spread evenly over a text, :func:`in_capitals` reads."""
_ASCII_UPPER, _ASCII_LOWER = bytes(range(65, 91)), bytes(range(97, 123))


def in_capitals(s: str) -> bool:
    """Whether a text is written in capitals (nine letters in ten or more), as wire
    copy and telegrams were: then a capital shows no name, and the kit, which
    reads names by their capitals, cannot tell them from other words. (A short
    story under a headline in capitals has more than a tenth in lower case.)

    Characters spread evenly over the text are enough to tell, and the letters
    A-Z are counted by deleting them from the bytes (``bytes.translate``, at C
    speed: asking each character ``isupper()`` took a twentieth of the time of
    reading 840 news articles).

    >>> in_capitals("“WE WILL WIN,” THE MINISTER SAID."), in_capitals("“We will win,” said Ann Lee.")
    (True, False)
    >>> in_capitals("“HARBOUR TOWN DECIDES”\\n\\nA VOTE ON THE DAM.\\n\\nThe town voted on Monday.")
    False
    """
    sample = s[:: max(1, len(s) // _CAPITALS_SAMPLE)].encode()
    upper = len(sample) - len(sample.translate(None, _ASCII_UPPER))
    return upper > 9 * (len(sample) - len(sample.translate(None, _ASCII_LOWER)))


class Layout:
    """Paragraphs, sentences (split by ``kit.segment``) and the masked text of one text."""

    def __init__(self, s: str, paras: list[Span], regions: list[Region]) -> None:
        self.s = s
        self.in_capitals = in_capitals(s)
        """Whether the text is written in capitals (:func:`in_capitals`)."""
        self.paras = paras
        self.regions = regions
        self.para_starts = [p.start for p in paras]
        parts, last = [], 0
        for r in regions:
            content = s[r.start : r.end]
            keep = len(content) - len(content.rstrip(".,!?…;:"))
            before = s[last : r.start]
            if r.start - r.mark_start == 1 and s[r.mark_start] in "‘'":
                before = before[:-1] + "“"  # a single mark reads as a double one: the later steps know those
            parts += [before, MASK * (len(content) - keep), content[len(content) - keep :]]
            last = r.end
            if r.mark_end - r.end == 1 and s[r.end] in "’'":
                parts.append("”")
                last = r.mark_end
        parts.append(s[last:])
        # A horizontal bar (―), which some sites set for a dash, reads as one.
        self.masked = "".join(parts).replace("―", "—")
        self._sentences: dict[int, list[Span]] = {}
        self._starts: dict[int, list[int]] = {}
        self._words: WordIndex | None = None

    def para_of(self, pos: int) -> int:
        """The index of the paragraph that holds ``pos`` (or the last one before it)."""
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def find_word(self, word: str, start: int = 0, end: int | None = None) -> list[int]:
        """Where ``word`` (lower-case) occurs in the text as a whole word, in lower or
        title case (:func:`find_word`). A book is read once
        into a :class:`WordIndex` the first time it is asked."""
        if len(self.s) <= _LONG_TEXT or not is_whole_word(word):
            return find_word(self.s, word, start, end)
        if self._words is None:
            self._words = WordIndex(self.s)
        return self._words.find(word, start, end)

    def sentences(self, p: int) -> list[Span]:
        """The sentences of paragraph ``p``: the kit's one splitter, run on the masked
        text (so no quotation is split inside) along the original paragraph."""
        found = self._sentences.get(p)
        if found is None:
            # Only this paragraph is split: kit.segment reads no more of the masked
            # text than the paragraphs it is given, and a sentence never reaches
            # outside its paragraph.
            found = sentence_spans(self.masked, paragraphs=[self.paras[p]])
            if any(end - start > _LONGEST_SENTENCE for start, end in found):
                found = [piece for span in found for piece in self._pieces(span)]
            self._sentences[p] = found
            self._starts[p] = [span.start for span in found]
        return found

    def _pieces(self, span: Span) -> list[Span]:
        """A sentence cut into pieces of at most :data:`_LONGEST_SENTENCE` characters, at spaces."""
        start, end = span
        pieces = []
        while end - start > _LONGEST_SENTENCE:
            cut = self.masked.rfind(" ", start + 1, start + _LONGEST_SENTENCE)
            cut = cut if cut > start else start + _LONGEST_SENTENCE  # one word that long: cut inside it
            pieces.append(Span(start, cut))
            start = cut + (self.masked[cut] == " ")
        return [*pieces, Span(start, end)]

    def sentences_before(self, p: int, pos: int) -> Iterator[Span]:
        """The sentences of paragraph ``p`` that start before ``pos``, latest first: found
        by a binary search, not read back from the paragraph's end (a book written as
        one paragraph has thirty thousand).

        >>> s = "One. Two. Three."
        >>> [s[a:b] for a, b in Layout(s, [Span(0, len(s))], []).sentences_before(0, s.find("Three"))]
        ['Two.', 'One.']
        """
        found = self.sentences(p)
        return (found[i] for i in range(bisect_left(self._starts[p], pos) - 1, -1, -1))

    def sentence_at(self, pos: int) -> Span:
        """The sentence that holds ``pos`` (never reaching outside its paragraph)."""
        p = self.para_of(pos)
        found = self.sentences(p)
        return found[max(0, bisect_right(self._starts[p], pos) - 1)]

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts."""
        return self.sentence_at(pos).start

    def starts_sentence(self, pos: int, text: str | None = None) -> bool:
        r"""Whether ``pos`` is at the start of a sentence or paragraph (after . ! ?
        or a paragraph break), or of a quotation (after an opening mark: said with
        gentleness: “Lascia, prego”), in the masked text or in ``text`` (the
        original, where quotations are not masked).

        A line break inside a paragraph is where a book wraps its lines, not a
        sentence's start: *no one seemed in higher spirits than Captain*
        ⏎ *Wentworth.* Cheaper than :meth:`sentence_start`: it reads only the
        characters right before ``pos``.

        >>> s = "No one seemed happier than Captain\nWentworth. He smiled."
        >>> wrapped = Layout(s, [Span(0, len(s))], [])  # one paragraph on two lines
        >>> [wrapped.starts_sentence(s.find(w)) for w in ("No", "Wentworth", "He")]
        [True, False, True]
        >>> Layout(s, [Span(0, 34), Span(35, len(s))], []).starts_sentence(s.find("Wentworth"))
        True
        """
        s = self.masked if text is None else text
        i, quoted, para_start = pos - 1, False, None
        while i >= 0 and s[i] in " \t\n\"“”‘’'(":
            if s[i] == "\n":
                para_start = self.paras[self.para_of(pos)].start if para_start is None else para_start
                if i < para_start:
                    return True  # a paragraph break
            quoted = quoted or s[i] in "\"“‘'"
            i -= 1
        if i < 0 or s[i] in ".!?" or s[i] == MASK:
            return True
        return quoted and s[i] in ":,;—-"


def find_word(s: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where ``word`` (lower-case) occurs in ``s[start:end]`` as a whole word, in
    lower or title case. ``str.find`` is many times faster than a case-blind regex.

    >>> find_word("The president met the President-elect and President Obama.", "president")
    [4, 42]
    """
    end = len(s) if end is None else min(end, len(s))
    places = []
    for form in (word, word.capitalize()):
        at = s.find(form, start, end)
        while at >= 0:
            before, after = s[at - 1 : at] if at else "", s[at + len(word) : at + len(word) + 1]
            if not (before.isalnum() or before in "’'-" and before) and not (
                after.isalnum() or after in "’'-" and after
            ):
                places.append(at)
            at = s.find(form, at + 1, end)
    return sorted(places)


_WHOLE_WORD = re.compile(r"(?<![^\W_]|[’'-])[^\W_]+(?:[’'-][^\W_]+)*(?![^\W_]|[’'-])")
"""A whole word as :func:`find_word` sees one: a run of letters and digits, perhaps
joined by single apostrophes or hyphens (don’t, good-natured), with none of
them on either side."""


def is_whole_word(word: str) -> bool:
    """Whether ``word`` is one whole word, as :func:`find_word` and :class:`WordIndex` read them.

    >>> is_whole_word("good-natured"), is_whole_word("don’t"), is_whole_word("well--")
    (True, True, False)
    """
    return _WHOLE_WORD.fullmatch(word) is not None


class WordIndex:
    """Where each whole word of one text occurs, read in one pass: then
    :meth:`find` answers what :func:`find_word` would with a dictionary lookup
    and a binary search. A book is asked about a thousand words (is *Rather*
    a common word? who in it is introduced as *the general*?), and a pass
    through the whole book for each would read it a thousand times.

    >>> s = "The president met the President-elect and President Obama, a good-natured man."
    >>> index = WordIndex(s)
    >>> index.find("president") == find_word(s, "president"), index.find("good-natured")
    (True, [61])
    >>> index.find("president", 10, 60) == find_word(s, "president", 10, 60)
    True
    """

    def __init__(self, s: str) -> None:
        places: dict[str, list[int]] = {}
        for m in _WHOLE_WORD.finditer(s):
            places.setdefault(m.group(), []).append(m.start())
        self._places = places

    def find(self, word: str, start: int = 0, end: int | None = None) -> list[int]:
        """Where ``word`` (lower-case, one whole word: :func:`is_whole_word`) occurs
        in ``[start, end)``, in lower or title case, as :func:`find_word` finds it."""
        found = []
        for form in {word, word.capitalize()}:
            places = self._places.get(form, [])
            lo = bisect_left(places, start)
            hi = len(places) if end is None else bisect_left(places, end - len(word) + 1)
            found += places[lo:hi]
        return sorted(found)
