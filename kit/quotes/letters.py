"""Letters that a story copies out: written words, not a conversation's turns.

A novel often gives a letter in full, each paragraph in quotation marks, and
nothing else in those paragraphs:

    “Tunbridge Wells,”
    “Dearest Lucia,”
    “I have news of you at last! ...”
    “Believe me,”
    “Your anxious and loving cousin,”
    “Charlotte.”

To a program that reads quotation marks these look like a run of turns with
no cue. But a reader sees a letter at once, by two of its parts that speech
does not have: the salutation that opens it (*Dearest Lucia,* alone, or
*My dear Anne,--I make no apology ...*) and the complimentary close
(*Believe me,*, *Yours affectionately,*, *Your anxious and loving cousin,*).
Speech that starts *My dear Anne,* goes on in the same paragraph or has a
cue (*said Mary*), and no one ends a turn with *Yours affectionately,*.

The annotators of dialogue leave letters out: in the novels of PDNC, every
letter copied out this way (in *A Room with a View*, *Persuasion* and *Anne of
Green Gables*) is left unannotated. So in a story the kit leaves them out
too. News is another matter: a letter an article quotes is a source's words
(*“Dear Mr. President,” the letter began*), so :func:`letter_lines` is only
used for a story whose turns alternate
(:func:`kit.quotes.dialogue.turns_alternate`), as
:func:`kit.quotes.scare.is_narrated_phrase` is.

>>> from kit.quotes import extract_quotes
>>> turns = "".join(f"“{w}?” said Tom.\\n\\n“{w},” said Nell.\\n\\n" for w in ("Yes", "No", "Now", "Then", "So"))
>>> letter = ("Nell read the letter.\\n\\n“Dearest Nell,”\\n\\n“The roof is mended and the hens are well.”\\n\\n"
...           "“Your loving aunt,”\\n\\n“Jane.”\\n\\n“Well?” said Tom.")
>>> [q.text for q in extract_quotes(turns + letter)][-2:]  # Nell's last turn, then Tom's: no letter between
['So,', 'Well?']
"""

from __future__ import annotations

import re

from kit.quotes.layout import Layout
from kit.quotes.marks import Region

__all__ = ["letter_lines"]

_SALUTATION = re.compile(
    r"(?:[Mm]y\s+)?[Dd]ear(?:est)?\s+[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,3}"  # Dear Charlotte, My dear Anne, Dear Mr. Smith
    r",(?:\s*$|\s*(?:--|—)\s*\S)"  # alone (Dearest Lucia,) or before a dash and the letter (Dear Smith,--I have ...)
)
"""The salutation that opens a letter: with its comma, alone in its paragraph or followed by a
dash and the letter itself. A capital letter after *dear* leaves out *Dear me,* and *Dear, dear,*;
the comma, a turn broken off (*“My dear Lucia--”*)."""

_CLOSE = re.compile(
    r"""(?ix)
    (?:^|[.!?]\s+)                                     # a line of its own, or the end of the last paragraph
    (?: (?:and\s+)?believe\s+me
      | (?:ever\s+|very\s+)?(?:truly\s+|sincerely\s+|faithfully\s+|affectionately\s+)?yours(?:\s+[a-z]+){0,3}
      | (?:ever\s+)?your\s+(?:[a-z]+\s+){0,4}
        (?:cousin|friend|servant|son|daughter|sister|brother|mother|father|niece|nephew|aunt|uncle|wife|husband|child)
    ),?\s*$
    """
)
"""The complimentary close that ends a letter: *Believe me,*, *Yours affectionately,*,
*Your anxious and loving cousin,*, on a line of its own or ending the last paragraph."""


def letter_lines(layout: Layout, regions: list[Region]) -> set[Region]:
    """The quotes of ``regions`` that are the lines of a letter copied out (see the module docs).

    A letter is a run of neighbouring paragraphs, each nothing but one quote,
    that has a salutation or a close (:data:`_SALUTATION`, :data:`_CLOSE`):
    every quote of such a run is the letter's, its heading (*Tunbridge
    Wells,* *September.*) and signature (*Charlotte.*) too. So is every quote
    of a paragraph that opens with a salutation in capitals
    (:data:`_PRINTED_SALUTATION`), however the book sets its marks.

    >>> from kit.quotes.marks import find_regions
    >>> from kit.segment import paragraph_spans
    >>> s = "He wrote:\\n\\n“Dear Ann,”\\n\\n“I am well.”\\n\\n“Yours ever,”\\n\\n“Tom.”\\n\\n“Dear Ann,” said Bill, “he is not.”"
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> sorted(s[r.start:r.end] for r in letter_lines(layout, layout.regions))
    ['Dear Ann,', 'I am well.', 'Tom.', 'Yours ever,']
    >>> s = "He gave her the letter.\\n\\n“DEAR SIR,\\n    “I am well, and the roof is mended.”\\n\\n“Good,” said she."
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> [s[r.start:r.end] for r in layout.regions if r not in letter_lines(layout, layout.regions)]
    ['Good,']
    >>> s = "CHAPTER IX\\n\\n“DEAR ME, what a day,” said Anne."
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> letter_lines(layout, layout.regions)
    set()
    """
    found: set[Region] = set()
    for run in _runs_alone(layout, regions):
        if any(_is_letter_part(layout, r) for r in run):
            found.update(run)
    printed = {r.para for r in regions if _PRINTED_SALUTATION.match(layout.s[r.start : r.end].strip())}
    found.update(r for r in regions if r.para in printed)
    return found


def _runs_alone(layout: Layout, regions: list[Region]) -> list[list[Region]]:
    """The runs of neighbouring paragraphs that are each nothing but one quote."""
    runs: list[list[Region]] = []
    for r in regions:
        if not _alone(layout, r):
            runs.append([])  # (a paragraph with more in it ends the run)
        elif runs and runs[-1] and r.para == _last_para(layout, runs[-1][-1]) + 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    return [run for run in runs if run]


def _alone(layout: Layout, r: Region) -> bool:
    """Whether a quote is all there is in the paragraphs it stands in."""
    paras, s = layout.paras, layout.s
    return (not s[paras[r.para].start : r.mark_start].strip()
            and not s[r.mark_end : paras[_last_para(layout, r)].end].strip())


def _last_para(layout: Layout, r: Region) -> int:
    """The paragraph where a quote ends (a quote may run over several)."""
    return layout.para_of(max(r.start, r.mark_end - 1))


_PRINTED_SALUTATION = re.compile(r"(?:MY\s+)?DEAR(?:EST)?\s+(?!ME\b)[A-Z][A-Z.’']*(?:\s+[A-Z][A-Z.’']*){0,3},")
"""A salutation set in capitals, as a book prints a letter's (*MY DEAR MADAM,*): no one
speaks so, so the quotes of its paragraph are a letter's, however the book sets them.
Not *DEAR ME,*: a chapter that opens with speech may set its first words in capitals
(*“DEAR ME, there is nothing but meetings and partings in this world,”*)."""


def _is_letter_part(layout: Layout, r: Region) -> bool:
    """Whether a quote is a letter's salutation or its close."""
    content = layout.s[r.start : r.end].strip()
    return _SALUTATION.match(content) is not None or _CLOSE.search(content) is not None
