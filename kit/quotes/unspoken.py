"""Words a story sets in quotation marks that no one in it says as their own.

A novel sets apart from its speech what its people read, write or see
written (PDNC annotates none of these as speech):

* **read aloud or repeated**: a quote that is wholly a quotation inside it
  (*“‘Leonora,’” he read*; *“‘The scene is laid in Florence,’” repeated
  Cecil*). The reader still takes a turn in the conversation, so such a
  quote is read with the others and left out at the end (:func:`read_aloud`);
* **written**: what a cue says someone *wrote* (*“Since Florence did my poor
  sister so much good,” wrote Miss Catharine*) is a letter's words, and what
  it gives to a paper a newspaper's (*said the _Standard_*) (:func:`written`);
* **told**: a long quote with no cue, no *I*, *we* or *you* and no present
  tense, whose *he* or *she* would or could do something (*“No, no, some
  time or other, perhaps, but not now. He would mention no names now”*), is
  a person's speech as the narration gives it, set in marks; it keeps its
  turn and is left out at the end, like words read aloud (:func:`reported`);
* **set off**: a quote on a line of its own, set in from the margin when the
  text's paragraphs are not, is a line of verse or an inscription (*heard the
  words of a song:⏎⏎     “Look not thou on beauty's charming.”*); so is a
  quote that fills its paragraphs with a wider space above and below than
  the text leaves between paragraphs (two blank lines, not one): a letter
  copied out, a song (:func:`set_off`).

Only for a story whose turns alternate
(:func:`kit.quotes.dialogue.turns_alternate`): news quotes what people wrote
(*Clinton wrote in 2003*), and PolNeAR annotates it.

>>> read_aloud("‘Leonora,’"), read_aloud("‘and the mill was lost.’"), read_aloud("I was goin' home, I was goin'")
(True, True, False)
>>> read_aloud("We said ‘yes,’ and left.")
False
"""

from __future__ import annotations

import re

from kit.quotes.layout import Layout
from kit.quotes.marks import Region
from kit.quotes.mentions import Attribution

__all__ = ["read_aloud", "reported", "set_off", "written"]

_WHOLLY_QUOTED = re.compile(r"\s*[‘'](?=\S)[\s\S]*[,.!?—-][’']\W*")
"""A quote that is one quotation inside it: opened by a single mark, closed by one after
the punctuation that ends the words quoted (not by a dialect's elision: *goin'*)."""
_WRITING = frozenset("wrote writes write writing".split())
_ITALICS = re.compile(r"(?:[Tt]he\s+)?_[A-Z][^_]*_")
"""A name set in italics, with underscores (*the _Standard_*): a paper's, a book's or a ship's."""
_SET_IN = 3
"""Spaces before a line set off from the margin."""
_FEW_INDENTED = 0.1
"""The most paragraphs of a text that may be set in for a set-in line to stand out."""


_FIRST_OR_SECOND = re.compile(r"(?<![\w’'-])(?i:i|me|my|mine|myself|we|us|our|ours|ourselves|you|your|yours|yourself|"
                              r"yourselves|thee|thou|thy)(?![\w’'-])")
"""The words of one who speaks for themselves or to someone: *I*, *we*, *you*."""
_THIRD = re.compile(r"(?<![\w’'-])(?i:he|she|him|her|his|they|them)(?![\w’'-])")
_PRESENT = re.compile(
    r"(?<![\w’'-])(?i:is|are|am|has|have|does|do|will|shall|can|may|must|"
    r"(?:it|that|he|she|there|here|what|let)[’']s)(?![\w’'-])"
    r"|[’'](?:ll|re|ve|m)(?![\w’'-])|n[’']t(?![\w’'-])"
)
"""The present tense (*is*, *it's*, *won't*, *he'll*): words said now, not told after."""
_BACK_SHIFTED = re.compile(r"(?<![\w’'-])(?:would|could|should|might)(?![\w’'-])")
"""A modal shifted back, as speech told in the past is (*he would look for her*)."""


def reported(quote: str) -> bool:
    """Whether a long quote's words are told, not said: twelve words or more with
    no *I*, *we* or *you*, no question and no present tense (*is*, *it's*,
    *won't*), and someone's *he* or *she* with a modal shifted back (*“they
    should meet again. He would look for her, he would find her out before the
    evening were over”*): a person's speech or thought as the narration gives
    it, set in marks (PDNC annotates none of it). In the eight novels of PDNC,
    16 such quotes are no quote, 7 are (a servant's report, *“No, ma'am, he
    did not mention no particular family; but he said ...”*).

    >>> reported("No, no, some time or other, perhaps, but not now. He would mention no names now; "
    ...          "but such, he could assure her, had been the fact.")
    True
    >>> reported("He would mention no names now, and I will not ask you to.")
    False
    >>> reported("It's a pity he should break his neck himself, and disappoint the sight-seers. Show him.")
    False
    """
    return len(quote.split()) >= 12 and "?" not in quote and not _FIRST_OR_SECOND.search(quote) \
        and not _PRESENT.search(quote) and bool(_THIRD.search(quote)) and bool(_BACK_SHIFTED.search(quote))


def read_aloud(quote: str) -> bool:
    """Whether the words of a quote are wholly a quotation of other words: a text
    read aloud or words repeated, not the speaker's own."""
    return _WHOLLY_QUOTED.fullmatch(quote) is not None


def written(attribution: Attribution | None) -> bool:
    """Whether a quote's own cue says its words were written (*wrote Miss Catharine*),
    or gives them to a paper whose name the book sets in italics (*said the
    _Standard_*, as Project Gutenberg marks italics).

    >>> written(Attribution("wrote", "Miss Catharine", 0)), written(Attribution("said", "the _Standard_", 0))
    (True, True)
    >>> written(Attribution("said", "Holmes", 0)), written(None)
    (False, False)
    """
    if attribution is None or attribution.cue is None:
        return False
    return attribution.cue.split()[0] in _WRITING or _ITALICS.fullmatch(attribution.mention or "") is not None


def set_off(layout: Layout, regions: list[Region]) -> set[Region]:
    """The quotes set off from the text around them, as a letter, a song or an
    inscription is (:func:`_set_in` and :func:`_spaced_apart`).

    >>> from kit.quotes.marks import find_regions
    >>> from kit.segment import paragraph_spans
    >>> s = "He heard a song:\\n\\n     “Look not thou on beauty's charming.”\\n\\n“She sings,” he said."
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> [s[r.start : r.end] for r in set_off(layout, layout.regions)]
    ["Look not thou on beauty's charming."]
    """
    return _set_in(layout, regions) | _spaced_apart(layout, regions)


def _fills(layout: Layout, r: Region) -> bool:
    """Whether a quote is all there is in the paragraphs it runs over."""
    s = layout.s
    return not s[layout.paras[r.para].start : r.mark_start].strip() \
        and not s[r.mark_end : layout.paras[layout.para_of(r.mark_end - 1)].end].strip()


def _spaced_apart(layout: Layout, regions: list[Region]) -> set[Region]:
    """The quotes that fill their paragraphs and have two blank lines or more
    both above and below them, in a text that leaves less space between most
    of its paragraphs (one that spaces them all so sets off none). Persuasion
    copies out Mary's letter so, Sense and Sensibility Marianne's note, and
    Alice's Adventures the chorus of the Duchess's lullaby; no speaker's turn
    in the novels of PDNC is spaced so on both sides.

    >>> from kit.quotes.marks import find_regions
    >>> from kit.segment import paragraph_spans
    >>> s = ("“Is there a letter?” asked Tom.\\n\\n“Yes,” said Nell.\\n\\nShe read it.\\n\\n\\n"
    ...      "“Dear Nell, the hens are well.”\\n\\n\\nTom laughed.\\n\\n“Good,” he said.")
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> [s[r.start : r.end] for r in _spaced_apart(layout, layout.regions)]
    ['Dear Nell, the hens are well.']
    """
    s, paras = layout.s, layout.paras
    wide = [s.count("\n", before.end, after.start) >= 3 for before, after in zip(paras, paras[1:])]
    # wide[p - 1]: the space above paragraph p; wide[p]: the space below it
    if 2 * sum(wide) >= len(wide):
        return set()
    found = set()
    for r in regions:
        first, last = r.para, layout.para_of(r.mark_end - 1)
        if 0 < first and last < len(wide) and wide[first - 1] and wide[last] and _fills(layout, r):
            found.add(r)
    return found


def _set_in(layout: Layout, regions: list[Region]) -> set[Region]:
    """The quotes that are a paragraph of one line by themselves, set in by
    :data:`_SET_IN` spaces or more, in a text that sets in fewer than
    :data:`_FEW_INDENTED` of its other paragraphs (a text that sets in every
    paragraph sets off none)."""
    s = layout.s

    def margin(start: int) -> int:
        return start - (s.rfind("\n", 0, start) + 1)

    found = set()
    for r in regions:
        start = layout.paras[r.para].start
        if margin(start) >= _SET_IN and "\n" not in s[r.start : r.end] and _fills(layout, r):
            found.add(r)
    lines = {r.para for r in found}
    others = [start for p, (start, _) in enumerate(layout.paras) if p not in lines]
    if sum(margin(start) >= _SET_IN for start in others) >= _FEW_INDENTED * len(others):
        return set()
    return found
