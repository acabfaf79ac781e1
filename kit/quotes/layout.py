"""The text as the quote finder reads it: paragraphs, sentences, and the narration.

A reporting verb or a name inside a quotation never attributes it: *“I told
him,” she said* is attributed by *she said*, not by *I told*. So the later
steps read a copy of the text in which the quoted words are masked out (each
quoted character becomes ``MASK``), keeping the punctuation that ends a
quote, so that sentence ends stay visible. The copy has the same length, so a
position means the same place in both.

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

from bisect import bisect_right

from kit.quotes.marks import Region
from kit.segment import sentence_spans
from kit.texts import Span

__all__ = ["MASK", "Layout"]

MASK = "\x1a"
"""The character that stands for a quoted character in :attr:`Layout.masked`."""


class Layout:
    """Paragraphs, sentences (split by ``kit.segment``) and the masked text of one text."""

    def __init__(self, s: str, paras: list[Span], regions: list[Region]) -> None:
        self.s = s
        self.paras = paras
        self.regions = regions
        self.para_starts = [p.start for p in paras]
        parts, last = [], 0
        for r in regions:
            content = s[r.start : r.end]
            keep = len(content) - len(content.rstrip(".,!?…;:"))
            parts += [s[last : r.start], MASK * (len(content) - keep), content[len(content) - keep :]]
            last = r.end
        parts.append(s[last:])
        self.masked = "".join(parts)
        self._sentences: dict[int, list[Span]] = {}
        self._starts: dict[int, list[int]] = {}

    def para_of(self, pos: int) -> int:
        """The index of the paragraph that holds ``pos`` (or the last one before it)."""
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def sentences(self, p: int) -> list[Span]:
        """The sentences of paragraph ``p``: the kit's one splitter, run on the masked
        text (so no quotation is split inside) along the original paragraph."""
        found = self._sentences.get(p)
        if found is None:
            # Only this paragraph is split: kit.segment reads no more of the masked
            # text than the paragraphs it is given, and a sentence never reaches
            # outside its paragraph.
            found = sentence_spans(self.masked, paragraphs=[self.paras[p]])
            self._sentences[p] = found
            self._starts[p] = [span.start for span in found]
        return found

    def sentence_at(self, pos: int) -> Span:
        """The sentence that holds ``pos`` (never reaching outside its paragraph)."""
        p = self.para_of(pos)
        found = self.sentences(p)
        return found[max(0, bisect_right(self._starts[p], pos) - 1)]

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts."""
        return self.sentence_at(pos).start
