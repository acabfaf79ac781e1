"""A person's gender, as the text shows it, never from a list of first names.

:class:`kit.quotes.cast.Cast` learns a name's gender from the titles written
with it (*Mr*, *Mrs*, *Lady*) and, when there are none, from the votes that
:func:`read_votes` finds where the narration names the person: a gendered
role in apposition (*her husband, Carlos,*), the person's own head or eyes
(*Fagin shook his head*), the noun a copula gives them (*Croft was a hale,
hearty man*), and the pronoun that goes on with the name when it
is the subject of its sentence or clause (*Holmes rose, and he ...*).

>>> from kit.quotes.layout import Layout
>>> from kit.segment import paragraph_spans
>>> s = "Holmes rose, and he smiled. Her husband, Carlos, came in."
>>> layout = Layout(s, paragraph_spans(s), [])
>>> holmes, carlos = {"m": 0, "f": 0}, {"m": 0, "f": 0}
>>> read_votes(layout, [(0, 6)], holmes)
>>> read_votes(layout, [(s.find("Carlos"), s.find("Carlos") + 6)], carlos)
>>> holmes, carlos
({'m': 1, 'f': 0}, {'m': 2, 'f': 0})
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kit.quotes.cues import CUE
from kit.quotes.layout import MASK, Layout
from kit.quotes.names import LINE_GAP, PRONOUN_GENDER, gender_of_words

__all__ = ["ENOUGH_VOTES", "apposed_role", "read_votes"]

ENOUGH_VOTES = 12
"""Votes on a person's gender after which the text is not read for more."""


def read_votes(layout: Layout, spans: Iterable[tuple[int, int]], votes: dict[str, int]) -> None:
    """Add to ``votes`` (``m`` and ``f``) what the names at ``spans`` of the
    narration say of their gender: a gendered role in apposition (*her
    husband, Carlos,*: two votes), the person's own head or eyes right after
    the name (*Fagin shook his head*), the noun of the phrase after *was a*
    (*Croft was a hale, hearty man*), and the pronoun that goes on with the
    name when the name is the subject of its sentence (*Holmes rose, and he
    ...*, *Holmes rose. He ...*), or of a clause (*that Brittles was to saddle
    the pony and betake himself*: read to the clause's end only). Reading
    stops at :data:`ENOUGH_VOTES`."""
    masked = layout.masked
    for start, end in spans:
        if votes["m"] + votes["f"] >= ENOUGH_VOTES:
            break
        apposed = apposed_role(masked, start, end)
        gender = gender_of_words([apposed]) if apposed else None
        if gender:
            votes[gender] += 2
            continue
        own = _OWN_BODY.match(masked, end)
        if own:  # Fagin shook his head
            votes[PRONOUN_GENDER[own.group("whose").lower()]] += 1
            continue
        called = _CALLED.match(masked, end)
        gender = gender_of_words(called.group("phrase").replace(",", " ").split()) if called else None
        if gender:  # Admiral Croft was a very hale, hearty, well-looking man
            votes[gender] += 1
            continue
        if masked[end : end + 3] in (" s ", "’s ", "'s "):
            continue  # not the subject: Willoughby's deserts (Willoughby s, as some books print it)
        stop = _sentence_end(masked, end)
        if not _ANY_PRONOUN.search(masked, end, stop + 12):
            continue  # no "he" or "she" to read (checked first: whether the name is the subject is slower to tell)
        main = layout.starts_sentence(start) or _after_cue(masked, start) \
            or _after_opening(layout, start)
        if not (main or _after_clause_opener(masked, start)):
            continue  # not the subject
        if not main:  # the subject of a clause inside the sentence: that clause alone
            stop = _clause_end(masked, end, stop)
        gender, at = _subject_pronoun_gender(masked, end, stop, narrated=layout.starts_sentence(start))
        if gender is None and main and stop < len(masked) and not _someone_else(masked, end, stop):
            following = masked[stop : stop + 12].lstrip(" \n\"“”’'").split(maxsplit=1)  # Holmes rose. He ...
            first = following[0] if following else ""
            gender = PRONOUN_GENDER.get(first.lower()) if first in ("He", "She") else None  # not "Her hat"
        elif gender is not None and _someone_else(masked, end, at, gender):
            gender = None  # "Willoughby looked at Marianne, and she ...": she is someone else
        if gender:
            votes[gender] += 1


_APPOSED_BEFORE = re.compile(r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa])\s+(?:\w+\s+)?(?P<noun>\w+),\s*$")
_APPOSED_AFTER = re.compile(r",\s+(?:the|his|her|their|a)\s+(?:\w+\s+)?(?P<noun>\w+)[,.;]|,\s+(?P<age>\d{1,3}),")


def apposed_role(s: str, start: int, end: int) -> str | None:
    """The role noun (or age) in apposition to the name at ``[start, end)``: *her
    husband, Carlos*, *Carlos, her husband,*, *Liam Carver, 34,*; or None."""
    before = s[max(0, start - 2) : start].rstrip()
    if not before.endswith(",") and s[end : end + 1] != ",":
        return None  # no comma next to the name: no apposition (and no regex to run)
    m = _APPOSED_AFTER.match(s, end)
    if m is None and s[end : end + 1] in (",", ".", ";", ")"):  # her husband, Carlos, (not "her mother, Colonel Brandon was")
        m = _APPOSED_BEFORE.search(s, max(0, start - 40), start)
    if m is None:
        return None
    return m.group("noun") or m.groupdict().get("age")


def _sentence_end(s: str, pos: int) -> int:
    r"""Where the sentence holding ``pos`` ends, roughly: the next . ! ? before a
    space or a line break, or the next paragraph break (looked for in the next
    600 characters only). A text with a paragraph on each line ends them with
    a single line break (*Cecil wondered why.⏎“I tell you,” she said*).

    >>> s = "Cecil wondered why.\n“I tell you,” she said."
    >>> s[:_sentence_end(s, 0)]
    'Cecil wondered why.'
    """
    limit = min(len(s), pos + 600)
    m = _SENTENCE_END.search(s, pos, limit)
    return m.start() + 1 if m else limit


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")


_CALLED = re.compile(
    r"""\s+(?:was|is)\s+(?:an?|the)\s+                            # was a, is the (a line may wrap)
        (?P<phrase>(?:(?!(?:of|to|for|with|and|or|but|who|whom|that|in|on|at|by|from|whose)\b)
                    [a-z]+(?:-[a-z]+)*(?:,\s*|\s+|(?=[.;:!?]))){1,6})  # very hale, hearty, well-looking man
    """,
    re.VERBOSE,
)
"""The person named right before, said to be a man or a woman by the noun phrase a copula
gives them (*Admiral Croft was a very hale, hearty, well-looking man*, *Rachael was a woman
of thirty*); the phrase stops at its first function word, so *was a friend of the woman*
says nothing of the person."""

_GAP = rf"{LINE_GAP}(?<=\s)"
"""The space between two words of a clause, across a wrapped line (*shaking his⏎head*)."""
_OWN_BODY = re.compile(
    rf"""(?:,{LINE_GAP}(?:who{_GAP})?|{_GAP})(?:[a-z]+ly{_GAP})?      # (, who) (slowly)
        [a-z]+(?:ed|s|ing){_GAP}(?:[a-z]+{_GAP})?                   # a verb (and a word): shook, raised up, shaking
        (?P<whose>his|her){_GAP}(?:[a-z]+{_GAP})?                   # his, her (and a word): her pretty
        (?:head|eyes|face|lips|brows?|eyebrows|shoulders|chin|hat|bonnet|cap)\b  # what only its owner shakes or raises
    """,
    re.VERBOSE,
)
"""A name's own head or eyes right after it, as the subject of a short clause
(*Fagin shook his head*, *Elinor raised her eyes*, *said Fagin, shaking his
head*, *Fagin, who raised his eyes*): the owner's gender.
Not a hand, which may be someone else's (*Elinor took his hand*)."""
_ANY_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|himself|herself)\b")
"""Any word the pronoun readings below look for (one search tells there is none)."""
_SUBJECT_PRONOUN_FORM = (
    r"[,;]\s+(?:(?:then|though|although|because|for|so|yet{time})\s+)?(he|she)\b(?!\s+[a-z]+[,.;!?])"
    # after a comma (and a conjunction: though she did not say so), not a comment clause: she knew,
    r"|\b(?:and|but|then)\s+(?:then\s+)?(he|she)\b"  # and he smiled.
    r"|\b(himself|herself)\b"
)
_SUBJECT_PRONOUN = re.compile(_SUBJECT_PRONOUN_FORM.format(time=""))
"""A pronoun that goes on with the subject (*Elinor rose, and she ...*, *Clara
was glad, though she ...*), or a reflexive; not one in a comment clause of a
verb alone between commas (*Gilbert had ambitions, she knew, and ...*: the one
who knows is someone else), though after *and* a verb alone goes on with the
subject (*Holmes rose, and he smiled.*)."""
_SUBJECT_PRONOUN_NARRATED = re.compile(_SUBJECT_PRONOUN_FORM.format(time="|as|when|while"))
""":data:`_SUBJECT_PRONOUN`, and after a conjunction of time (*Robert laughed, as he
...*): read only where the name opens a sentence of narration, for after a cue such
a clause often brings someone else in (*said Harriet, when he came in*)."""


def _after_cue(s: str, start: int) -> bool:
    """Whether a name stands right after a reporting verb that follows a quotation
    (*“...,” said Freddy. He ...*): the subject of its sentence, as at the start
    of one. Elsewhere the name after the verb is its object (*and released
    Captain Wentworth as well as herself*, *told Lucy*)."""
    base = max(0, start - 16)
    left = s[base:start].rstrip()
    cue = next((m for m in CUE.finditer(left) if m.end() == len(left)), None)
    if cue is None:
        return False
    at = base + cue.start()
    return s[max(0, at - 8) : at].rstrip(" \t\n,!?.;:—-\"“”‘’'").endswith(MASK)


_CLAUSE_OPENERS = frozenset("that when while whilst if because though although until unless whether but whereupon".split())
"""Words after which a name is the subject of the clause they open (*that
Brittles was to saddle the pony and betake himself*). Not *and* or *or*, which
join objects as often (*looked at Cecil and Freddy, and she*), nor words that
are prepositions too (*before*, *since*)."""


def _after_clause_opener(s: str, start: int) -> bool:
    """Whether a name stands right after a word that opens a clause (:data:`_CLAUSE_OPENERS`)."""
    before = s[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in _CLAUSE_OPENERS


def _clause_end(s: str, start: int, stop: int) -> int:
    """Where the clause at ``start`` ends, before ``stop``: at a semicolon, a colon or
    a dash (*that Rose could surely never die; that graves were for winter*)."""
    ends = [at for at in (s.find(mark, start, stop) for mark in (";", ":", "—", "--")) if at >= 0]
    return min(ends, default=stop)


def _after_opening(layout: Layout, start: int) -> bool:
    """Whether a name follows an opening phrase of its sentence and its comma
    (*Unaware of his own profundity, Freddy checked himself*; *At last, Lady
    Russell drew back her head*): the subject, as at the start of one. The
    opening has no other name and no comma of its own (not a list: *Lucy,
    Freddy, and George*)."""
    before = layout.masked[max(0, start - 40) : start].rstrip()
    if before and not before.endswith(","):
        return False  # no comma right before the name (checked first: finding the sentence's start is slow)
    opening = layout.masked[layout.sentence_start(start) : start].rstrip()
    words = opening.split()
    return opening.endswith(",") and 2 <= len(words) <= 12 and "," not in opening[:-1] and MASK not in opening \
        and not any(w[:1].isupper() for w in words[1:])


def _subject_pronoun_gender(s: str, start: int, end: int, *, narrated: bool = False) -> tuple[str | None, int]:
    """The gender of the first pronoun in ``s[start:end]`` that goes on with the
    sentence's subject, and where it is: after a clause break (*Elinor rose, and
    she ...*) or a reflexive (*herself*). Not "he told her that she": those are
    someone else. When the name opens a sentence of narration (``narrated``),
    also after a conjunction of time (*Robert laughed, as he ...*); after a cue
    such a clause often brings someone else in (*said Harriet, when he came in*)."""
    m = (_SUBJECT_PRONOUN_NARRATED if narrated else _SUBJECT_PRONOUN).search(s, start, end)
    return (PRONOUN_GENDER.get(next(g for g in m.groups() if g).lower()), m.start()) if m else (None, end)


_SOMEONE_ELSE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\b|\b(?:him|her|his|them|he|she)\b|\x1a")


def _someone_else(s: str, start: int, end: int, gender: str | None = None) -> bool:
    """Whether ``s[start:end]`` names someone else (a capitalised word, a pronoun,
    or a quotation) whom a pronoun after it might refer to instead. With the
    ``gender`` of that pronoun, a pronoun of the other gender is no one it could
    refer to: in *Clara was glad to see him, though she ...*, she is Clara."""
    for m in _SOMEONE_ELSE.finditer(s, start, end):
        if gender is None or PRONOUN_GENDER.get(m.group().lower(), gender) == gender:
            return True
    return False
