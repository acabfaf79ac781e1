"""The cast: the people a text names, built from the text itself.

Every run of capitalised words is read as a title and a name (*Belarusian
President* + *Alexander Lukashenko*, *Mr.* + *Darcy*). Names written in full
(two or more name words) are people; the shorter forms a text uses later
(*Lukashenko*, *Mr. Darcy*, *Darcy*) are matched to the full name they are a
part of. A name the text never writes in full is a person of its own when
the text treats it as one: with a title (*Mrs. Hudson*), as the speaker of a
quote (*said Alice*), or with *he* or *she* after it.

A person's **gender** is learned from the text, never from a list of first
names: from the titles written with the name (*Mr*, *Mrs*, *Lady*), and else
from the pronoun that follows the name when it is the subject of a sentence
(*Holmes rose. He ...*), when the text says it often enough and one way.

>>> text = ("Mr. Sherlock Holmes was seated at the table. Holmes looked up, and he smiled. "
...         "Miss Morstan entered the room. She bowed.")
>>> for c in characters(text):
...     print(c)
Character(name='Sherlock Holmes', titles=('Mr.',), short_forms=('Holmes', 'Mr. Sherlock Holmes'), gender='m', mentions=2)
Character(name='Morstan', titles=('Miss',), short_forms=('Miss Morstan',), gender='f', mentions=1)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from typing import NamedTuple

from kit.quotes.layout import MASK, Layout
from kit.quotes.marks import find_regions
from kit.quotes.names import (
    NOT_NAMES,
    PLACE_PREPOSITIONS,
    PRONOUN_GENDER,
    RUN,
    gender_of_words,
    is_person_name,
    is_sentence_word,
    name_key,
    split_run,
)
from kit.segment import paragraph_spans
from kit.texts import TextLike, as_text

__all__ = ["Cast", "Character", "Lookup", "characters"]

_HONORIFIC_KEYS = frozenset("ayatollah grand hojatoleslam seyyed sayyid sheikh shaikh sir dame".split())


class Character(NamedTuple):
    """One person of a text, as the text names them."""

    name: str
    """The fullest name the text gives, without titles of office or courtesy
    (*Mr.*, *President*) but with honorifics (*Sir*, *Ayatollah*)."""
    titles: tuple[str, ...]
    """The titles the text writes with the name (*Mr.*, *Prime Minister*), most used first."""
    short_forms: tuple[str, ...]
    """The other ways the text names the person (*Darcy*, *Mr. Darcy*), most used first."""
    gender: str | None
    """"m" or "f" when the text says so (a title, or *he*/*she* after the name), else None."""
    mentions: int
    """How often the text names the person, quotations included."""


class Lookup(NamedTuple):
    """What a name in the text refers to: a person of the cast, or why not."""

    name: str | None
    """The person's fullest name, or None."""
    note: str | None = None
    """Why there is no name (two people fit), or None."""


class _Person:
    """A person while the cast is built: their name forms and what the text says of them."""

    __slots__ = ("name", "forms", "titled", "titles", "gender_votes", "title_gender", "positions")

    def __init__(self, name: tuple[str, ...]) -> None:
        self.name = name
        self.forms: Counter = Counter()  # the name as written, without titles
        self.titled: Counter = Counter()  # the name with the title right before it: Mr. Darcy
        self.titles: Counter = Counter()
        self.gender_votes: Counter = Counter()
        self.title_gender: Counter = Counter()
        self.positions: list[int] = []

    @property
    def gender(self) -> str | None:
        if self.title_gender:
            (top, n), *rest = self.title_gender.most_common()
            return top if not rest or n >= 3 * rest[0][1] else None
        votes = self.gender_votes
        m, f = votes["m"], votes["f"]
        if max(m, f) >= 1 and min(m, f) == 0 or max(m, f) >= 3 * min(m, f) >= 3:
            return "m" if m > f else "f"
        return None


def _proper(name: tuple[str, ...]) -> list[str]:
    """The name words that tell people apart: no honorifics, no initials, no particles."""
    return [w for w in name if w[:1].isupper() and name_key(w) not in _HONORIFIC_KEYS
            and not (len(w) <= 2 and w.endswith("."))]


class Cast:
    """The people of one text, with every place the text names them.

    Built once per text (one pass of the name pattern over it) and asked by
    the attribution: who a name is (:meth:`lookup`), a person's gender
    (:meth:`gender`), who is named near a place (:meth:`named_before`).
    """

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        s, masked = layout.s, layout.masked
        self._people: dict[tuple[str, str], _Person] = {}
        self._names: dict[int, str] = {}
        self._display_index: dict[str, _Person] | None = None
        self._single: dict[str, _Person] = {}
        self._by_word: dict[str, list[_Person]] = defaultdict(list)
        runs = []  # (position, end, title words, name words, in narration)
        for m in RUN.finditer(s):
            found = m.group().split()
            start = m.start()
            sentence_initial = _starts_sentence(s, start)
            while found and is_sentence_word(found[0]) and (sentence_initial or name_key(found[0]) in NOT_NAMES):
                start = s.find(found[1], start + len(found[0])) if len(found) > 1 else m.end()
                found.pop(0)
                sentence_initial = False
            if not found:
                continue
            if len(found) > 1 and s[max(0, start - 9) : start].split()[-1:] in PLACE_PREPOSITIONS:
                found.pop(0)  # "in Moscow Pierre went": the place is not part of the name
                start = s.find(found[0], start)
            title, name = split_run(" ".join(found))
            if not name or not is_person_name(name):
                continue
            runs.append((start, m.end(), title, name, masked[start] != MASK, sentence_initial and not title))
        # 1. full names (two or more proper words) are people
        for start, _end, title, name, _narr, _initial in runs:
            proper = _proper(name)
            if len(proper) >= 2:
                key = (name_key(proper[0]), name_key(proper[-1]))
                person = self._people.get(key)
                if person is None:
                    person = self._people[key] = _Person(name)
                    for word in proper:
                        self._by_word[name_key(word)].append(person)
                person.forms[name] += 1
        # 2. single names: a part of a full name, or a person of their own when
        #    the text gives them a title or names them mid-sentence more than once
        singles: Counter = Counter()
        titled: set[str] = set()
        for start, _end, title, name, _narr, initial in runs:
            proper = _proper(name)
            if len(proper) == 1:
                key = name_key(proper[0])
                if not initial:
                    singles[key] += 1
                if title:
                    titled.add(key)
        for key, n in singles.items():
            if key not in self._by_word:
                person = self._single[key] = _Person(())
                self._by_word[key].append(person)
        # 3. every mention, resolved: positions, forms, titles and title genders
        self._mentions: list[tuple[int, int, _Person]] = []
        for start, end, title, name, narration, _initial in runs:
            person = self._person_of(name, title)
            if person is None:
                continue
            if not person.name:
                person.name = tuple(name)
            person.forms[tuple(name)] += 1
            if title:
                person.titled[" ".join([title[-1], *name])] += 1
                person.titles[" ".join(title) if len(title) <= 6 else title[-1]] += 1
                gender = gender_of_words(title[-1:])
                if gender:
                    person.title_gender[gender] += 1
            person.positions.append(start)
            if narration:
                self._mentions.append((start, end, person))
        self._mention_starts = [m[0] for m in self._mentions]
        self._learn_genders()
        # A name the text never writes in full is a person only with a title or
        # a gender the text gives it (Iran and Belarus are not people).
        for key, person in list(self._single.items()):
            if not person.titles and person.gender is None:
                del self._single[key]
                self._by_word[key].remove(person)
                person.positions.clear()
        self._mentions = [m for m in self._mentions if m[2].positions]
        self._mention_starts = [m[0] for m in self._mentions]

    # -- building --

    def _person_of(self, name: tuple[str, ...], title: tuple[str, ...]) -> _Person | None:
        """The person a written name refers to, or None when none or several fit."""
        proper = _proper(name)
        if not proper:
            return None
        if len(proper) >= 2:
            person = self._people.get((name_key(proper[0]), name_key(proper[-1])))
            if person is not None:
                return person
        candidates = [p for p in self._candidates(proper) if self._title_fits(p, title)]
        if len(candidates) == 1:
            return candidates[0]
        return None

    def _candidates(self, proper: list[str]) -> list[_Person]:
        """The people whose names hold every one of these words."""
        lists = [self._by_word.get(name_key(w), []) for w in proper]
        if not lists or not lists[0]:
            return []
        found = [p for p in lists[0] if all(p in other for other in lists[1:])]
        if len(found) > 1:  # a name's own first or last word beats a middle one
            ends = [p for p in found if p.name and {name_key(p.name[0]), name_key(p.name[-1])} & {name_key(proper[-1])}]
            found = ends or found
        return found

    @staticmethod
    def _title_fits(person: _Person, title: tuple[str, ...]) -> bool:
        gender = gender_of_words(title[-1:]) if title else None
        return gender is None or not person.title_gender or person.title_gender.get(gender, 0) > 0 or (
            gender not in person.title_gender and not person.title_gender)

    def _learn_genders(self) -> None:
        """Votes for each person's gender: a gendered noun in apposition (*her
        husband, Carlos,*; *Carlos, her husband,*), and the first he/she (his,
        her, ...) after the name, in the same sentence, when the name starts
        its sentence."""
        masked = self.layout.masked
        for start, end, person in self._mentions:
            if person.title_gender:
                continue
            apposed = _APPOSED_BEFORE.search(masked, max(0, start - 40), start) or \
                _APPOSED_AFTER.match(masked, end)
            gender = gender_of_words([apposed.group("noun")]) if apposed else None
            if gender:
                person.gender_votes[gender] += 2
                continue
            if not _starts_sentence(masked, start):
                continue
            stop = _sentence_end(masked, end)
            gender = _first_pronoun_gender(masked, end, stop)
            if gender is None and stop < len(masked):  # Holmes rose. He ...
                nxt = masked[stop : stop + 12].lstrip(" \n\"“”’'")
                first = nxt.split(maxsplit=1)[0] if nxt.split() else ""
                gender = PRONOUN_GENDER.get(first.lower()) if first[:1].isupper() else None
            if gender:
                person.gender_votes[gender] += 1

    # -- asking --

    def lookup(self, name: list[str] | tuple[str, ...], title: list[str] | tuple[str, ...] = (),
               pos: int | None = None) -> Lookup:
        """Who the name words ``name`` (with ``title`` written before them) refer to.

        A full name gives that person's fullest name; a short form (*Holmes*,
        *Mr. Darcy*) the one person whose name holds it. When several people
        fit, the title's gender decides, then the one the text names most
        (three times as often as any other), then the one named last before
        ``pos``; failing that, the name is None and the note says who fits.
        """
        proper = _proper(tuple(name))
        if not proper:
            return Lookup(None)
        if len(proper) >= 2:
            person = self._people.get((name_key(proper[0]), name_key(proper[-1])))
            if person is not None:
                return Lookup(self._display(person))
        candidates = self._candidates(proper)
        if title and len(candidates) > 1:
            fitting = [p for p in candidates if self._title_fits(p, tuple(title))]
            gender = gender_of_words(list(title)[-1:])
            if gender:
                fitting = [p for p in fitting if p.gender in (gender, None)]
            candidates = fitting or candidates
        if len(candidates) == 1:
            return Lookup(self._display(candidates[0]))
        if not candidates:
            return Lookup(None)
        counts = sorted((len(p.positions), i) for i, p in enumerate(candidates))
        if counts[-1][0] >= 3 * counts[-2][0]:
            return Lookup(self._display(candidates[counts[-1][1]]))
        if pos is not None:
            latest = max(candidates, key=lambda p: max((x for x in p.positions if x <= pos), default=-1))
            if any(x <= pos for x in latest.positions):
                return Lookup(self._display(latest))
        names = sorted({self._display(p) for p in candidates})
        return Lookup(None, f"{' '.join(name)} could be {' or '.join(names)}")

    def gender(self, name: str | None) -> str | None:
        """The gender the text gives the person ``name`` ("m", "f"), or None."""
        person = self._by_display().get(name) if name else None
        return person.gender if person else None

    def is_person(self, name: str | None) -> bool:
        """Whether ``name`` is a person of the cast."""
        return name is not None and name in self._by_display()

    def named_before(self, pos: int, start: int) -> list[tuple[int, str]]:
        """The people named in the narration between ``start`` and ``pos``, latest first, as (position, name)."""
        lo, hi = bisect_left(self._mention_starts, start), bisect_left(self._mention_starts, pos)
        return [(self._mentions[i][0], self._display(self._mentions[i][2])) for i in range(hi - 1, lo - 1, -1)]

    def named_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """The people named in the narration of ``[start, end)``, in text order."""
        lo, hi = bisect_left(self._mention_starts, start), bisect_right(self._mention_starts, end - 1)
        return [(self._mentions[i][0], self._display(self._mentions[i][2])) for i in range(lo, hi)]

    def characters(self) -> list[Character]:
        """Every person of the text, most named first."""
        found = []
        for person in {id(p): p for p in [*self._people.values(), *self._single.values()]}.values():
            if not person.positions:
                continue
            name = self._display(person)
            every = Counter({" ".join(f): n for f, n in person.forms.items()}) + person.titled
            forms = [f for f, _ in every.most_common() if f != name]
            titles = tuple(t for t, _ in person.titles.most_common())
            found.append(Character(name, titles, tuple(dict.fromkeys(forms)), person.gender, len(person.positions)))
        return sorted(found, key=lambda c: (-c.mentions, c.name))

    # -- names --

    def _display(self, person: _Person) -> str:
        """A person's fullest name: the longest form the text writes, of the full
        forms it writes at least a tenth as often as the most common full form
        (so that "Petersburg Natásha", an accident of capitals, is not a name)."""
        name = self._names.get(id(person))
        if name is None:
            full = [(f, n) for f, n in person.forms.items() if len(_proper(f)) >= 2] or \
                list(person.forms.items()) or [(person.name, 1)]
            top = max(n for _, n in full)
            best = max((f for f, n in full if n * 10 >= top), key=lambda f: (len(f), person.forms[f]))
            name = self._names[id(person)] = " ".join(best)
        return name

    def _by_display(self) -> dict[str, _Person]:
        if self._display_index is None:
            self._display_index = {self._display(p): p for p in [*self._people.values(), *self._single.values()]
                                   if p.positions}
        return self._display_index


_APPOSED_BEFORE = re.compile(r"(?:the|his|her|their|a)\s+(?:\w+\s+)?(?P<noun>\w+),\s*$")
_APPOSED_AFTER = re.compile(r",\s+(?:the|his|her|their|a)\s+(?:\w+\s+)?(?P<noun>\w+)[,.;]")


def _starts_sentence(s: str, pos: int) -> bool:
    """Whether ``pos`` is at the start of a sentence or paragraph (after . ! ? or a blank line)."""
    i = pos - 1
    while i >= 0 and s[i] in " \t\"“”‘’'(":
        i -= 1
    return i < 0 or s[i] in ".!?\n" or s[i] == MASK


def _sentence_end(s: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends, roughly: the next . ! ? or paragraph break."""
    ends = [i for i in (s.find(". ", pos), s.find("! ", pos), s.find("? ", pos), s.find("\n\n", pos)) if i >= 0]
    return min(ends) + 1 if ends else len(s)


def _first_pronoun_gender(s: str, start: int, end: int) -> str | None:
    """The gender of the first third-person singular pronoun in ``s[start:end]``."""
    best, gender = end, None
    for word, g in (("he", "m"), ("his", "m"), ("him", "m"), ("she", "f"), ("her", "f")):
        at = s.find(f" {word} ", start, end)
        if 0 <= at < best:
            best, gender = at, g
    return gender


def characters(text: TextLike) -> list[Character]:
    """The people a text names, built from the text itself, most named first.

    Each :class:`Character` has the fullest name the text gives, the titles
    written with it, the short forms the text uses, and a gender when the
    text says it (see the module docs).

    >>> from kit.texts import load_articles
    >>> [c.name for c in characters(load_articles()[0])]
    ['Ayatollah Ali Khamenei', 'Alexander Lukashenko']
    >>> characters(42)
    Traceback (most recent call last):
    ...
    TypeError: text must be an Article or a str, not int. Load a file first: kit.load_article("path/to/file.txt").
    """
    s = as_text(text)
    paras = paragraph_spans(s)
    return Cast(Layout(s, paras, find_regions(s, paras))).characters()
