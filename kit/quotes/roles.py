"""Who the text introduces with a role: *the Belarusian president* is the
person the text itself calls *Belarusian President Alexander Lukashenko*
(or *Alexander Lukashenko, the president of Belarus*, or *the president,
Alexander Lukashenko,*), never a guess.

The role word (or a synonym: the education *secretary* is *the minister*)
stands with that person's name, and every other word of the description is
among the words of the title the text gives them, as whole words. One such
person is the speaker; two or none give no speaker and a note that says
why. :class:`kit.quotes.resolve.Resolver` asks here when a mention
describes a person.

>>> from kit.quotes.cast import Cast
>>> from kit.quotes.layout import Layout
>>> from kit.segment import paragraph_spans
>>> s = "US President Joe Biden met Chinese President Xi Jinping in Lima."
>>> layout = Layout(s, paragraph_spans(s), [])
>>> roles = Roles(layout, Cast(layout))
>>> roles.holder("the US president", len(s))
Speaker(name='Joe Biden', note=None)
>>> roles.holder("the French president", len(s)).note
'no one in the text is introduced as the French president'
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from kit.quotes.cast import Cast
from kit.quotes.layout import MASK, Layout
from kit.quotes.names import (
    APPOSITION_AFTER,
    DETERMINERS,
    FUNCTION_WORDS,
    NOT_NAMES,
    PARTICLES,
    PERSON_HEADS,
    POSSESSIVES,
    ROLE_SYNONYMS,
    RUN,
    RUN_AFTER,
    TITLES,
    gender_of_words,
    is_person_name,
    name_key,
    role_word,
    split_name,
)
from kit.quotes.runs import addressed_at
from kit.segment import abbreviations

__all__ = ["Roles", "Speaker"]

_APPOSITION_STARTS = frozenset("the a an his her their its our".split())
_THE_APPOSITION = re.compile(r",\s+the\s+(?:[a-z-]+\s+){0,3}$")
"""The start of an apposition with *the*, right before its noun: (Mr. Sowerberry), the parochial (undertaker)."""
_ABBREVIATED = abbreviations("title")
_ABBREVIATIONS = abbreviations()  # role words written with a full stop: sen, gov, rep
_NEAR = 4000  # how far (in characters) a long text is searched for a role's holder
_ADJECTIVE_ENDINGS = ("al", "ic", "an", "ian", "ese", "ish", "ive", "ary", "ent", "ant", "ior", "ern", "ed")


class Speaker(NamedTuple):
    """Who said a quote: a name, or None and why."""

    name: str | None
    note: str | None = None


class Roles:
    """The people one text introduces with a role, found where it does so and read
    once (a book asks about *the doctor* at every one of his cues)."""

    def __init__(self, layout: Layout, cast: Cast) -> None:
        self.layout = layout
        self.cast = cast
        self._roles: dict[int, tuple[str, frozenset[str]] | None] = {}
        self._in_book: dict[tuple[str, frozenset[str]], dict[str, int]] = {}  # a role's holders in a whole book
        self._roles_in_book: dict[str, Counter] = {}  # how often a book introduces each holder of a role
        self._appositives: dict[str, str | None] = {}  # a noun -> the one person it is in an apposition

    def holder(self, descriptor: str, pos: int) -> Speaker:
        """The person a definite description refers to: "the Belarusian president".

        The people the text introduces with the description's role word (or
        a synonym: the education *secretary* is *the minister*) and with every
        one of its other words among the words of their title. One such
        person is the speaker; two or none give no speaker and a note (but in
        a book, of several, one it introduces three times as often as any
        other: *Admiral Croft* fourteen times, *Admiral Baldwin* four). In a
        long text (a book), introductions near ``pos`` count first; when there
        are none, the one person the whole book introduces so (*the Admiral*,
        when the only admiral it names is *Admiral Croft*).
        """
        found = [w for w in descriptor.split()]
        for i, w in enumerate(found):
            if w.lower() in ("of", "for", "at", "from") and i > 0:
                found = found[:i]
                break
        head = role_word(found[-1])
        modifiers = {_plain(w) for w in found[1:-1]} - {"the", "his", "her", "its", "their", "former", "then"}
        heads = [head, *ROLE_SYNONYMS.get(head, ())]
        everywhere = (0, len(self.layout.s))
        near = (max(0, pos - _NEAR), pos + _NEAR // 2) if len(self.layout.s) > 10 * _NEAR else everywhere
        holders = self._holders(heads, modifiers, pos, *near)
        if not holders and near != everywhere and _office(head):  # a book: the one admiral it ever introduces
            # the words of a title count, not how the narration describes the
            # person this time: the irritable doctor is the doctor
            titled = {w for w in found[1:-1] if w[:1].isupper() or name_key(w) in TITLES}
            key = (head, frozenset(modifiers & {_plain(w) for w in titled}))
            if key not in self._in_book:
                self._in_book[key] = self._holders(heads, set(key[1]), pos, *everywhere)
            holders = self._in_book[key]
        if len(holders) > 1 and near != everywhere:  # a book: the admiral it introduces three times as often
            if head not in self._roles_in_book:
                self._roles_in_book[head] = Counter(self._role_at(w, at) for w in heads
                                                    for at in self.layout.find_word(w))
            counts = self._roles_in_book[head]
            per = Counter({who: sum(n for r, n in counts.items() if r and r[0] == who and modifiers <= r[1])
                           for who in holders}).most_common(2)
            if per[0][1] >= 3 * per[1][1]:
                holders = {per[0][0]: 0}
        if len(holders) == 1:
            return Speaker(next(iter(holders)))
        what = " ".join(found[1:] if found[0].lower() in DETERMINERS else found)
        if found[0].lower() in POSSESSIVES:
            what = " ".join(found)  # my companion, his father: as written
        elif not any(w.endswith(("’s", "'s")) for w in found):
            what = f"the {what}"  # the French president; Iran’s foreign minister needs no "the"
        if not holders:
            return Speaker(None, f"no one in the text is introduced as {what}")
        names = sorted(holders, key=holders.get)
        return Speaker(None, f"{what} could be {' or '.join(names[:3])}")

    def _holders(self, heads: list[str], modifiers: set[str], pos: int, lo: int, hi: int) -> dict[str, int]:
        """The people introduced in ``[lo, hi)`` with one of the role words ``heads``
        (the first that anyone holds) and every one of ``modifiers``, each with
        how far from ``pos`` they are introduced."""
        holders: dict[str, int] = {}
        for word in heads:  # the role word itself first, its synonyms only if no one holds it
            for at in self.layout.find_word(word, lo, hi):
                role = self._role_at(word, at)
                if role is not None and modifiers <= role[1]:
                    distance = pos - at if at <= pos else 2 * (at - pos)  # a lede may say "the president" first
                    holders[role[0]] = min(holders.get(role[0], distance), distance)
            if holders:
                break
        return holders

    def _role_at(self, head: str, at: int) -> tuple[str, frozenset[str]] | None:
        """The person the role word at ``at`` introduces, and the words of that role."""
        if at in self._roles:
            return self._roles[at]
        s, end = self.layout.s, at + len(head)
        if s[end : end + 1] == "." and head in _ABBREVIATED:  # Sen. Marco Rubio (not "the Jew. Mr. Sikes")
            end += 1
        found = None
        # (1) the role stands before the name: President Alexander Lukashenko,
        #     foreign minister Abbas Araghchi, Leader of the Islamic Revolution Ayatollah Ali Khamenei
        named = RUN_AFTER.match(s, end)
        if named:
            title, name = split_name([s[at:end], *named.group("name").split()])
            who = self._person(name, title, named.start("name"))
            if who:
                run = named.group("name").split()  # Sen. Marco Rubio of Florida, Sen. Marco Rubio (R-Fla.)
                of = run[run.index("of") + 1 :] if "of" in run[1:] else []
                found = (who, frozenset({_plain(w) for w in [*title, *of]} | _role_words_before(s, at)
                                        | _party_words(s, named.end("name"))))
        # (2) an apposition after the name: Jane Doe, the chief executive of Acme
        if found is None:
            window = s[max(0, at - 160) : at]
            comma = window.rfind(",")
            aside = window[comma + 1 :]
            closes = re.match(r"(?:\s+(?:of|for|at|in)\s+[^,.;:!?“”\"]{1,60})?\s*(?:[,.;)]|$)", s[end : end + 80])
            words = aside.split()
            if comma >= 0 and closes and len(words) <= 6 and not re.search(r"[.;:!?“”\"]", aside) \
                    and (not words or words[0].lower() in _APPOSITION_STARTS  # not "Sikes, fixing his eyes on the Jew"
                         or _owned(words)):  # Tom Hale, Harbour Town’s mayor,
                before = window[:comma].split()[-8:]
                k = len(before)
                while k > 0 and (before[k - 1][:1].isupper() or before[k - 1] in PARTICLES) \
                        and not _ends_sentence(before[k - 1]):  # not "Tom Hale. Ruth Okafor, Glenmore’s treasurer"
                    k -= 1
                title, name = split_name(before[k:]) if k < len(before) else ([], [])
                who = self._person(name, title, at)
                if who:
                    found = (who, frozenset(_plain(w) for w in [*aside.split(), head]))
        # (3) an apposition before the name: the foreign secretary, David Whitcombe,
        if found is None:
            named = APPOSITION_AFTER.match(s, end)
            if named and self.layout.masked[at] == MASK \
                    and addressed_at(s, named.start("name"), named.end("name")):
                named = None  # “Make a bow to the gentleman, Oliver,”: Oliver is spoken to; he is not the gentleman
            if named:
                title, name = split_name(named.group("name").split())
                who = self._person(name, title or [head], named.start("name"))
                if who:
                    found = (who, frozenset({_plain(head)} | _role_words_before(s, at)))
        self._roles[at] = found
        return found

    def _person(self, name: list[str], title: list[str], pos: int) -> str | None:
        """The person a name written with a role is: one of the cast, or a full name
        (two words or more); never a single word the text does not show is a
        person (*Belarus, the Leader said*)."""
        if not name or not is_person_name(name):
            return None
        found = self.cast.lookup(name, title, pos).name
        if found:
            return found
        return " ".join(name) if len([w for w in name if w[:1].isupper()]) >= 2 or title else None

    def appositive_holder(self, head: str) -> str | None:
        """The one person the text gives a noun the kit does not list as a
        person's, in an apposition with *the*: *the undertaker* is Mr.
        Sowerberry when the book writes *Mr. Sowerberry, the parochial
        undertaker*, and no one else so. The apposition is the evidence: a
        noun is no role by itself (*the voice of Miss Betsy*, *the other*)."""
        if not (head.isalpha() and head.islower()):
            return None
        if head not in self._appositives:
            holders = {role[0] for at in self.layout.find_word(head)
                       if _THE_APPOSITION.search(self.layout.s, max(0, at - 40), at)
                       and (role := self._role_at(head, at)) is not None}
            self._appositives[head] = next(iter(holders)) if len(holders) == 1 else None
        return self._appositives[head]

    def aged(self, age: str, pos: int) -> str | None:
        """The person last given the age ``age`` before ``pos``: "Liam Carver, 34,"."""
        found = None
        for m in re.finditer(rf"({RUN.pattern}),\s+{age}\b", self.layout.s[:pos], re.VERBOSE):
            title, name = split_name(m.group(1).split())
            found = self._person(name, title, m.start()) or found
        return found


def _ends_sentence(word: str) -> bool:
    """Whether a word ends its sentence: *Hale.*, but not *Mr.*, *Sen.* nor an initial *J.*"""
    return word.endswith((".", "!", "?")) and len(word.rstrip(".")) > 1 and name_key(word) not in _ABBREVIATIONS


def _owned(words: list[str]) -> bool:
    """Whether an apposition starts with a named owner: *Harbour Town’s* (mayor)."""
    owner = next((i for i, w in enumerate(words) if w.endswith(("’s", "'s"))), None)
    return owner is not None and all(w[:1].isupper() for w in words[: owner + 1])


_STATE_FORMS = (
    "Alabama Ala. AL", "Alaska AK", "Arizona Ariz. AZ", "Arkansas Ark. AR", "California Calif. CA",
    "Colorado Colo. CO", "Connecticut Conn. CT", "Delaware Del. DE", "Florida Fla. FL", "Georgia Ga. GA",
    "Hawaii HI", "Idaho ID", "Illinois Ill. IL", "Indiana Ind. IN", "Iowa IA", "Kansas Kan. KS",
    "Kentucky Ky. KY", "Louisiana La. LA", "Maine ME", "Maryland Md. MD", "Massachusetts Mass. MA",
    "Michigan Mich. MI", "Minnesota Minn. MN", "Mississippi Miss. MS", "Missouri Mo. MO", "Montana Mont. MT",
    "Nebraska Neb. NE", "Nevada Nev. NV", "New_Hampshire N.H. NH", "New_Jersey N.J. NJ", "New_Mexico N.M. NM",
    "New_York N.Y. NY", "North_Carolina N.C. NC", "North_Dakota N.D. ND", "Ohio OH", "Oklahoma Okla. OK",
    "Oregon Ore. OR", "Pennsylvania Pa. PA", "Rhode_Island R.I. RI", "South_Carolina S.C. SC",
    "South_Dakota S.D. SD", "Tennessee Tenn. TN", "Texas TX", "Utah UT", "Vermont Vt. VT", "Virginia Va. VA",
    "Washington Wash. WA", "West_Virginia W.Va. WV", "Wisconsin Wis. WI", "Wyoming Wyo. WY",
)
_STATES = {form.replace(".", "").replace("_", "").lower(): line.split()[0].replace("_", " ")
           for line in _STATE_FORMS for form in line.split()}
"""The US states, by the forms a party tag writes them in (AP style and postal codes):
a fact table, read by :func:`_party_words`."""
_PARTY_TAG = re.compile(r"\s*(?:\(\s*(?P<party>[RDI])\s*-\s*(?P<state>[A-Za-z. ]{2,15}?)\s*\)|,\s*(?P<party2>[RDI])-(?P<state2>[A-Z][A-Za-z.]{1,6}),)")
"""A party tag after a name, with its parts: Sen. Marco Rubio (R-Fla.), Rep. Jim Jordan, R-Ohio,
(``kit.quotes.cues`` finds the same tags inside its attribution patterns, without parts)."""
_PARTIES = {"R": ("republican",), "D": ("democratic", "democrat"), "I": ("independent",)}


def _party_words(s: str, end: int) -> set[str]:
    """The words a party tag right after ``end`` adds to a title: (R-Fla.) makes
    Sen. Marco Rubio the Florida senator and a Republican one.

    >>> sorted(_party_words("Sen. Ann Birch (D-N.H.) said", 14))
    ['democrat', 'democratic', 'hampshire', 'new']
    """
    m = _PARTY_TAG.match(s, end)
    if not m:
        return set()
    party, state = (m.group("party"), m.group("state")) if m.group("party") else (m.group("party2"), m.group("state2"))
    name = _STATES.get(state.replace(".", "").replace(" ", "").lower(), "")
    return {*_PARTIES[party], *(_plain(w) for w in name.split())}


def _plain(word: str) -> str:
    """A word as modifiers are compared: lower case, no possessive, no full stops (U.S. = US)."""
    return name_key(word).replace(".", "")


_RELATIONS = frozenset("friend companion neighbour neighbor stranger visitor relative colleague partner parent "
                       "child guest host fellow".split())


def _office(head: str) -> bool:
    """Whether a role word names an office or a trade (admiral, doctor), which a
    book may give one person throughout; not a word for anyone (the man, the
    lady), a relation (the mother, the friend), or a courtesy title.

    >>> _office("admiral"), _office("doctor"), _office("lady"), _office("friend")
    (True, True, False, False)
    """
    return head in PERSON_HEADS and gender_of_words([head]) is None and head not in _RELATIONS


def _role_words_before(s: str, at: int) -> set[str]:
    """The words of a title before its role word, read backwards: capitalised words
    (Belarusian, US, Planned Parenthood’s), title words (foreign, prime) and
    adjectives (presidential); it stops at a function word, punctuation or any
    other word ("Biden met Chinese President": only Chinese)."""
    found = set()
    for word in reversed(s[max(0, at - 80) : at].split()):
        if word[-1:] in ",.;:!?()\"“”" or word.lower() in FUNCTION_WORDS:
            break
        low = name_key(word)
        if word[:1].isupper() or low in TITLES or low.endswith(_ADJECTIVE_ENDINGS) and word.isalpha():
            if word[:1].isupper() and word.lower() in NOT_NAMES:
                break
            found.add(_plain(word))
        else:
            break
    return found
