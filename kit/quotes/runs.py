"""Reading the names: every run of capitalised words in a text that may name a
person, read as a title and a name (*Belarusian President* + *Alexander
Lukashenko*, *Mr.* + *Darcy*), with where it stands: in the narration or
inside a quotation, at the start of a sentence, after *the* or a place
preposition. :class:`kit.quotes.cast.Cast` builds the people of a text from them.

A word capitalised only because a sentence starts with it is no part of a name
(*Sometimes Natásha*, *Give George*): a sentence word (*The*, *But*), or a word
the text writes in lower case far more often (:meth:`Capitals.is_common_word`).
Inside a quotation, a name counts only as the one addressed (*“Lucy, come
here”*); a heading's capitals are no names.

>>> from kit.quotes.layout import Layout
>>> from kit.segment import paragraph_spans
>>> s = "Belarusian President Alexander Lukashenko spoke. Then Mr. Darcy rose."
>>> [(run.title, run.name) for run in read_runs(Layout(s, paragraph_spans(s), [])).runs]
[(('Belarusian', 'President'), ('Alexander', 'Lukashenko')), (('Mr.',), ('Darcy',))]
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from kit.quotes.layout import MASK, Layout
from kit.quotes.names import (
    COURTESY_ABROAD,
    GROUP_HEADS,
    NOT_NAMES,
    PLACE_PREPOSITIONS,
    RUN,
    gender_of_words,
    is_person_name,
    is_sentence_word,
    name_key,
    split_run,
)

__all__ = ["COURTESY", "Capitals", "Run", "Runs", "addressed_at", "gender_of_title", "proper_words", "read_name",
           "read_runs", "title_key"]

# The name reading asks the same questions of the same few words (The, But,
# Mr., Trump) tens of thousands of times per book or news collection; both
# answers depend on the word alone, so each is worked out once.
_sentence_word = lru_cache(maxsize=65536)(is_sentence_word)
gender_of_title = lru_cache(maxsize=65536)(gender_of_words)
"""The gender a title or a first word says (:func:`kit.quotes.names.gender_of_words`),
given a tuple of words and worked out once for each."""

_HONORIFIC_KEYS = frozenset("ayatollah grand hojatoleslam seyyed sayyid sheikh shaikh sir dame".split())
COURTESY = frozenset("mr mrs miss ms master sir lady lord dame madam madame monsieur mademoiselle dr".split()) \
    | frozenset(COURTESY_ABROAD)
"""Titles that tell family members apart: Mrs. Bennet is not Miss Bennet."""
_HEADING_WORDS = frozenset("chapter part book volume section".split())
"""Words a heading opens with (*Chapter XII*)."""
_NUMBERED = re.compile(r"(?:[IVXLC]+|\d+|(?i:one|two|three|four|five|six|seven|eight|nine|ten|first|second|third))[.:]?")
"""The number after a heading word: (Chapter) II:, (Part) 3., (Book) One."""
_OPENING = ("\"", "“", "‘")
"""Opening quotation marks (and the straight double mark, which opens as often as it closes)."""
_NOT_A_PERSON_BEFORE = frozenset("the a an in at near into towards toward through across to from".split())
"""Words before a capitalised name that show a place or a thing: at Windy Corner, the Piazza.
(*of* shows one too, but only before a single word: the streets of Coketown, where the
paintings of Alessio Baldovinetti are a person's; see :func:`read_runs`.)"""


_COMPOUND_WORD = re.compile(r"-[a-z]")
"""A hyphen and a lower-case letter: a compound word (*Thin-skinned*, *Well-known*,
*Self-styled*) capitalised in a headline or at a sentence's start, and no part of
the name after it (a hyphenated name capitalises each part: *Lloyd-Webber*,
*Jean-Paul*). Alone, such a word may still be what someone is called (*“And
you, Anne-girl?”*, the dog *Bull's-eye*)."""


_ACCORDING = re.compile(r"(?i:according)\s+to\s+$")
"""*According to* before a name: a source, a person as often as a report (*according
to Phil Kerpen*), not a place (*to Moscow*)."""
_GROUP_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(GROUP_HEADS))})(?![\w’'-])")
"""A group or a document right after a name (*the Sanders campaign*, *the Trump
administration*): the name is a person's, used as a modifier."""


class Run(NamedTuple):
    """One place where the text writes a name."""

    start: int
    end: int
    title: tuple[str, ...]
    name: tuple[str, ...]
    proper: tuple[str, ...]
    narration: bool  # outside quotations
    initial: bool  # at the start of a sentence
    evidence: bool  # a title, a reporting verb next to it, addressed by name, a role in apposition
    against: bool  # after "the" or a place preposition (not before a group noun: the Sanders campaign)
    courtesy: str | None  # the courtesy title (mrs) before the name, or the honorific that starts it (sir)


class Capitals:
    """How one text writes its capitalised words: how often each is capitalised
    inside a sentence (``inside``), and whether it is an ordinary word that
    only a sentence's start capitalised (:meth:`is_common_word`)."""

    def __init__(self, layout: Layout, inside: Counter) -> None:
        self.layout = layout
        self.inside = inside
        self._lower: dict[str, int] = {}  # a word -> how often the text writes it in lower case

    def is_common_word(self, word: str) -> bool:
        """Whether the text writes ``word`` in lower case, and more often so than
        capitalised inside a sentence: *Rather* in "Rather a hard voice said" is
        an ordinary word at the start of a sentence (the text has "rather" many
        times), not a speaker's name; *Rubio* or *Alice* is never written "rubio".
        Counted once per word and text."""
        low = word.lower()
        if low == word or not low.replace("-", "").replace("’", "").replace("'", "").isalpha():
            return False  # (Cold-hearted, as in "Cold-hearted Elinor!", is a word too)
        s, counts = self.layout.s, self._lower
        if low not in counts:
            counts[low] = sum(s[at].islower() for at in self.layout.find_word(low))
        count, capitalised = counts[low], self.inside[word]
        # A word capitalised inside sentences now and then (the Beautiful White
        # Devil, a racquet's name) must be far commoner in lower case (beautiful,
        # 37 times) to be an ordinary word; a name that is also a word (Will, Hope)
        # is capitalised more often than that.
        return count > 0 and count >= (3 if capitalised <= 2 else 10) * capitalised


class Runs(NamedTuple):
    """What :func:`read_runs` finds in a text."""

    runs: list[Run]
    """Every capitalised run that may name a person, in the order of the text."""
    hidden: list[tuple[str, ...]]
    """The full names written inside quotations or headings (*“Old Lady Mary
    Maclean?”*): no mentions of the narration, but they still tie a first name to
    a surname (see ``Cast._join_hidden``)."""
    capitals: Capitals


def read_runs(layout: Layout) -> Runs:
    """Every capitalised run of a text that may name a person, with its title split
    off (:class:`Run`), the full names written inside quotations or headings,
    and how the text writes its capitalised words (:class:`Capitals`)."""
    s, masked = layout.s, layout.masked
    found_runs = []
    hidden: list[tuple[str, ...]] = []
    # A word right after an opening mark is capitalised because the quotation
    # starts there, whatever stands before it (the Gryphon added "Come, let's
    # hear ..."), as at the start of a sentence.
    matches = [(m, m.group().split(), layout.starts_sentence(m.start(), s) or s[m.start() - 1 : m.start()]
                in _OPENING) for start, end in layout.paras for m in RUN.finditer(s, start, end)]
    # (paragraph by paragraph: a run may cross a line break where a book wraps its lines, but not
    # the end of a paragraph, which in a text with a paragraph on each line is one line break:
    # "Chapter II The Statement of the Case⏎Miss Morstan entered the room")
    # (the words of all runs inside sentences, split at once: a book has 80,000)
    mid_capitals = Counter(" ".join([m.group() for m, _, initial in matches if not initial]).split())
    # A name of two words or more that the text writes somewhere not right after a place
    # preposition, and whose first word it writes alone too, is a name wherever it stands
    # (Jane Andrews lent her a book; Jane said so; sat near Jane Andrews): not a place and
    # a name run together, as in "in Moscow Pierre went", nor a place (at Windy Corner)
    alone = {found[0] for _, found, _ in matches if len(found) == 1}
    free = {tuple(found) for m, found, _ in matches if len(found) > 1 and found[0] in alone
            and s[max(0, m.start() - 12) : m.start()].split()[-1:] not in PLACE_PREPOSITIONS}
    capitals = Capitals(layout, mid_capitals)
    places = _places(s, mid_capitals)
    headings = _headings(layout)
    for m, found, initial in matches:
        if len(found) == 1 and initial and _sentence_word(found[0]):
            continue  # The, But, However: the commonest runs, never a name
        start = m.start()
        if masked[start] == MASK and not addressed_at(s, start, m.end()) \
                or headings and layout.para_of(start) in headings:
            # inside a quotation, a name counts only as the one addressed, and
            # a heading's capitals are no names; a full name there still ties
            # a first name to a surname (see _join_hidden)
            if len(found) >= 2 and not (len(found) == 2 and initial and _sentence_word(found[0])):
                hidden.append(tuple(found))
            continue
        # Words capitalised only because they start a sentence are not part of a
        # name (Sometimes Natásha, Give George): a word the text writes in lower
        # case far more often than capitalised inside a sentence (is_common_word).
        while found and (_sentence_word(found[0]) and (initial or name_key(found[0]) in NOT_NAMES)
                         or initial and capitals.is_common_word(found[0])
                         or len(found) > 1 and _COMPOUND_WORD.search(found[0])):
            start = s.find(found[1], start + len(found[0])) if len(found) > 1 else m.end()
            found.pop(0)
            initial = False
        # A courtesy title starts a name: a word before it that is no title itself is a
        # time or a word of the sentence (On Sunday Mrs. Hale came, Whereat Mrs. Lynde).
        while len(found) > 2 and name_key(found[1]) in COURTESY and not _title_word(found[0]):
            start = s.find(found[1], start + len(found[0]))
            found.pop(0)
            initial = False
        if not found:
            continue
        before = s[max(0, start - 12) : start].split()[-1:]
        if len(found) > 1 and (before in PLACE_PREPOSITIONS and tuple(found) not in free or found[0] in places) \
                and not _title_word(found[0]):
            # "in Moscow Pierre went", "after leaving Moscow Karatáev fell ill": the place is not part of the
            # name (but a title is: "smiled at Mr. Thorne", "a letter from Colonel Brandon")
            found.pop(0)
            start = s.find(found[0], start)
        read = read_name(tuple(found))
        if read is None:
            continue
        title, name, proper, courtesy, titled = read
        if name and name[-1].endswith("s") and mid_capitals[name[-1][:-1]] >= 2 and (
                before == ["the"] or [name_key(w) for w in title] in (["miss"], ["misses"])):
            # the Musgroves, the Miss Dashwoods: a surname the text also writes in the
            # singular (Mrs. Musgrove), in the plural after "the" or "Miss", is a family
            # or sisters, never one person who speaks or is "she" (Williams, with no
            # William written twice, stays a name)
            continue
        # after "the" or a place preposition: a place or a thing (the Italian, to Moscow), but
        # not "according to Phil Kerpen", nor a name used as a modifier (the Sanders campaign;
        # a possessive is no modifier: Mr. Beebe's study)
        against = bool(before) and not title and not (before in PLACE_PREPOSITIONS and tuple(found) in free) \
            and (before[0].lower() in _NOT_A_PERSON_BEFORE or before[0] == "of" and len(proper) == 1) \
            and not _ACCORDING.search(s, max(0, start - 16), start) \
            and not (_GROUP_AFTER.match(s, m.end()) and s[m.end() - 2 : m.end()] not in ("’s", "'s"))
        found_runs.append(Run(start, m.end(), title, name, proper, masked[start] != MASK, initial and not title,
                               titled, against, courtesy))
    return Runs(found_runs, hidden, capitals)


def _title_word(word: str) -> bool:
    """Whether a word of a run is a title or an honorific (*Mr.*, *Colonel*, *Sir*),
    which belongs to the name after it, unlike a place or a word of the sentence."""
    return bool(split_run(word)[0]) or name_key(word) in _HONORIFIC_KEYS


def _headings(layout: Layout) -> set[int]:
    """The paragraphs that are headings in Title Case (*Chapter VI: ... Miss Lucy
    Honeychurch Drive Out in Carriages to See a View*): their capitalised
    words are no names. A heading is short, almost all of its longer words
    are capitalised, and it either opens with Chapter (Part, Book) or does
    not end like a sentence. One that opens with Chapter and a number is a
    heading whatever its title holds (*Chapter III: Music, Violets, and the
    Letter "S"*)."""
    s, found = layout.s, set()
    for i, (start, end) in enumerate(layout.paras):
        if end - start > 400 or s[end - 1] in ".!?”\"’'" and s[start : start + 8].split()[0].lower() not in \
                _HEADING_WORDS:
            continue  # long, or a sentence: not a heading
        text = s[start:end].split()
        if len(text) >= 2 and text[0].lower() in _HEADING_WORDS and _NUMBERED.fullmatch(text[1]):
            found.add(i)  # Chapter II: In Santa Croce with No Baedeker, whatever its title holds
            continue
        if MASK in layout.masked[start:end]:
            continue
        long_words = [w for w in text if len(w.strip(".,;:!?")) > 3]
        if len(long_words) >= 2 and sum(w[:1].isupper() for w in long_words) >= 0.85 * len(long_words):
            found.add(i)
        elif len(text) <= 3 and text and text[0].lower() in _HEADING_WORDS:
            found.add(i)  # "Chapter XII" on a line of its own, its title in the next paragraph
    return found


def proper_words(name: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The name words that tell people apart: no honorifics, no initials, no particles."""
    return _proper_of(tuple(name))


@lru_cache(maxsize=65536)
def _proper_of(name: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in name if w[:1].isupper() and name_key(w) not in _HONORIFIC_KEYS
                 and not (len(w) <= 2 and w.endswith(".")))


@lru_cache(maxsize=65536)
def read_name(found: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str | None, bool] | None:
    """What a run of capitalised words says, the same wherever it stands (so it is
    read once): its title, its name, the name words that tell people apart, its
    courtesy title, and whether a title or an honorific shows it is a person's
    (the evidence a name alone needs; the rest is read where the name stands);
    None if it names no person."""
    title, name = split_run(" ".join(found))
    if not title:  # Baedeker's Handbook: the name is the owner's
        owner = next((k for k, w in enumerate(found[:-1]) if w.endswith(("’s", "'s", "s’"))), None)  # (Sanders’ faith)
        if owner is not None:
            title, name = split_run(" ".join(found[: owner + 1]))
    if not name or not is_person_name(name):
        return None
    proper = proper_words(name)
    if not proper:
        return None
    courtesy = title_key(title) or title_key(name[:1])
    return title, name, proper, courtesy, bool(title) or gender_of_title(name[:1]) is not None


def title_key(title: tuple[str, ...] | list[str]) -> str | None:
    """The courtesy title right before a name (mr, mrs, miss), or None."""
    key = name_key(title[-1]) if title else None
    return key if key in COURTESY else None


_IN_PLACE = re.compile(r"\s(?:in|at|near|outside)\s+([A-Z][\w’'-]*)(?![\w’'-])(?!\s+[A-Z])")
"""A capitalised word alone after *in*, *at*, *near* or *outside*: (in) Moscow, (at) Bath.
(The space before the preposition, not a look-behind, lets the search skip ahead: twice as fast.)"""


def _places(s: str, capitals: Counter) -> frozenset[str]:
    """The words a text uses as places: written alone after *in*, *at*, *near* or
    *outside* three times at least, and in a tenth or more of the times the text
    writes them capitalised inside a sentence (``capitals``). *Moscow* is so
    200 times of 720 in War and Peace, *Bath* 38 of 99 in Persuasion; a
    person's name seldom (*at Pierre*: 58 of 1,963). Such a word is no part
    of a name that runs on from it: *after leaving Moscow Karatáev fell ill*.

    >>> sorted(_places("We met in Bath. It rained at Bath. She stayed in Bath, near Anne.",
    ...                Counter({"Bath": 3, "Anne": 40})))
    ['Bath']
    """
    found = Counter(m.group(1) for m in _IN_PLACE.finditer(s))
    return frozenset(w for w, n in found.items() if n >= 3 and n >= 0.1 * capitals[w])


def addressed_at(s: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)``, inside a quotation, is set off as a
    form of address: after a comma or the opening mark, before punctuation.
    Right after the opening mark, only a comma, ! or ? sets it off (*“Lucy,
    come here”*, *“Lucy!”*): a name that is the whole sentence (*“Italy.”*,
    *“Greece; but ...”*) answers a question (*Where did you meet?*), it
    calls no one."""
    before = s[max(0, start - 3) : start].rstrip()
    after = s[end : end + 1]
    if before[-1:] in ("“", '"') or not before:
        return after in (",", "!", "?")
    return before[-1:] in (",", "!") and after in (",", "!", "?", ".", ";")
