"""What kind of noun phrase names a speaker: a pronoun (*he*), a name
(*MSNBC host Chris Matthews*) or a descriptor (*the Leader*, *officials*), and
the noun phrase a clause starts with, built on the vocabulary of
:mod:`kit.quotes.names`.

>>> np_kind("he"), np_kind("Ayatollah Khamenei"), np_kind("the Leader"), np_kind("Asked about it")
('pronoun', 'name', 'descriptor', None)
>>> leading_np("Opposition leader Tom Redfern accused the government")
'Opposition leader Tom Redfern'
"""

from __future__ import annotations

import re
from functools import lru_cache

from kit.quotes.names import (
    ADVERBS,
    AUXILIARIES,
    DATES,
    DETERMINERS,
    FUNCTION_WORDS,
    GROUP_HEADS,
    NOT_NAMES,
    PARTICLES,
    PERSON_HEADS,
    SOURCE_HEADS,
    TITLES,
    gender_of_words,
    is_group,
    is_organisation,
    is_person_name,
    name_key,
)

__all__ = ["leading_np", "name_start", "np_kind", "strip_adverbs", "strip_time_opening"]

_PRONOUNS = frozenset("he she they we i it you".split())
_FOND = frozenset("dear poor old young little good".split())
"""Words of feeling or of age a narrator sets before a name, capitalised at a sentence's
start (*Old Mr. Emerson claimed her*, *Poor Marianne*): no part of the name."""
_SPEAKING_HEADS = PERSON_HEADS | GROUP_HEADS | SOURCE_HEADS
"""What may speak after a possessive: a person (Iran’s foreign minister), a
group (Ryan’s campaign) or a document (the court’s ruling)."""


def name_start(found: list[str]) -> int | None:
    """Where the name at the end of a phrase starts: 2 in "shop steward Leanne
    Marsh", 0 in "Leader of the Islamic Revolution Ayatollah Ali Khamenei".

    >>> name_start("shop steward Leanne Marsh".split())
    2
    """
    start = None
    for i in range(len(found) - 1, -1, -1):
        if found[i][:1].isupper():
            start = i
        elif found[i] not in PARTICLES or start is None:
            break
    return start


@lru_cache(maxsize=16384)
def np_kind(chunk: str, *, at_cue: bool = False) -> str | None:
    """What kind of noun phrase a chunk of text is: "pronoun" (he), "name"
    (Ayatollah Khamenei, shop steward Leanne Marsh, MSNBC host Chris Matthews),
    "descriptor" (the Leader, a spokesman for the ministry, officials), or None
    (not a noun phrase). ``at_cue``: the chunk stands right next to a reporting
    verb, where a capitalised word ending in -ing or -ly is a name (*Manning
    said*), not an opening phrase (*Speaking on the radio, ...*).

    >>> np_kind("MSNBC host Chris Matthews"), np_kind("Britain’s Prime Minister Keir Starmer")
    ('name', 'name')

    Lower-case words name a role before a name only when no preposition ends
    them: in *radio ad in Indiana* (titled), Indiana is where, not who.

    >>> np_kind("shop steward Leanne Marsh"), np_kind("radio ad in Indiana")
    ('name', None)
    """
    found = chunk.split()
    if not found or len(found) > 9:
        return None
    first, low = found[0], found[0].lower()
    if len(found) == 1 and low in _PRONOUNS:
        return "pronoun"
    start = name_start(found)
    if start is not None and start > 0 and found[start - 1] not in FUNCTION_WORDS and (
        sum(w[:1].isupper() for w in found[start:]) >= 2 or name_key(found[start - 1]) in PERSON_HEADS
    ):
        return "name"  # the billionaire investor Marcus Hale, Union boss Ken Ashworth
    if low in DETERMINERS:
        return "descriptor"
    if first[:1].isupper():
        participle = (low.endswith("ing") or low.endswith("ly")) and not (
            at_cue and len(found) == 1 or len(found) > 1 and found[1][:1].isupper())  # Emily Kessel is a name
        if name_key(first) not in TITLES and (low in NOT_NAMES or participle):
            return None  # Asked about ..., Speaking on ..., Separately
        if first.endswith(("’s", "'s")) and len(found) > 1:
            # Britain’s Prime Minister Keir Starmer is a name; Iran’s foreign minister a descriptor
            return "name" if np_kind(" ".join(found[1:])) == "name" else "descriptor"
        if all(w[:1].isupper() or w in PARTICLES or name_key(w) in TITLES for w in found) and found[-1][:1].isupper():
            return "name"  # (a title in lower case comes before a name, not after: Harbour Town’s mayor)
        return "descriptor"  # Analysts at Berenberg
    if low in FUNCTION_WORDS or low in _SUBORDINATORS or found[-1].lower() in FUNCTION_WORDS or not first.isalpha():
        return None  # (whether it's: a clause)
    capitals = [i for i, w in enumerate(found) if w[:1].isupper()]
    if capitals and capitals[0] <= 4 and all(w[:1].isupper() or w in PARTICLES for w in found[capitals[0]:]) \
            and (capitals[0] == 0 or found[capitals[0] - 1] not in FUNCTION_WORDS):
        return "name"  # shop steward Leanne Marsh: lower-case role words, then a name (not: radio ad in Indiana)
    if len(found) <= 3 and not capitals:
        return "descriptor"  # officials, police
    return None


_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_SPAN = (r"(?:about\s+|nearly\s+|almost\s+|less\s+than\s+|more\s+than\s+)?"
         r"(?:a|an|half\s+an?|a\s+few|some|two|three|four|five|ten|twenty)\s+(?:more\s+)?"
         r"(?:second|instant|moment|minute|hour|day|week|month|year)s?")
"""A span of time: *a moment*, *about half an hour*, *a few more minutes*, *two days*."""
_TIME_OPENING = re.compile(
    rf"""(?i:
        (?:(?:on|early|late|one|that|this|next|last|each|every|the\s+(?:next|following|same|previous))\s+
           (?:{"|".join(sorted(DATES))}|day|morning|afternoon|evening|night|week|weekend|month|year)
         | {_WEEKDAYS}|today|yesterday|tonight
        )(?:\s+(?:morning|afternoon|evening|night|after|before))?
      | at\s+(?:last|length|once) | in\s+a\s+while | after\s+a\s+(?:while|pause)
      | (?:in|after|within)\s+{_SPAN}(?:\s+(?:later|afterwards))?    # In a moment (afterwards)
      | {_SPAN}\s+(?:later|afterwards)                              # A few minutes later
      | (?:in|during)\s+the\s+(?:morning|afternoon|evening|night)
      | at\s+the\s+(?:end|close|beginning|start)\s+of\s+(?:the|that|this|a)\s+
        (?:day|week|month|year|evening|meal|dinner|visit|interview|meeting|speech|conversation)
      | presently | by\s+and\s+by | (?:soon|shortly)\s+after(?:wards)?
    )\s+(?=[A-Z]|(?:he|she|they|we|the|a|an|his|her|their|my)(?![\w’'-]))""",
    re.VERBOSE,
)
"""A time before a sentence's subject, with no comma: *The following Monday* (Anne
surprised Marilla), *One day* (Holmes came in), *At last* (Lucy spoke, the Mouse
called out), *In about half an hour* (her mother returned), *A few minutes later*
(Tom came back), *In the morning* (Marianne rose), *At the end of the week*
(Marilla said), *Presently* (Clara said), *On Monday* (Trump said). A month or a
season needs a word before it: *May Smith* and *April Ryan* are names; and *the*
alone is not one (*the March Hare*); nor is a span of time with neither *in* nor
*later* (*A day Smith*)."""


def strip_time_opening(chunk: str) -> str:
    """A chunk without the time it opens with (:data:`_TIME_OPENING`).

    >>> strip_time_opening("The following Monday Anne"), strip_time_opening("At last she")
    ('Anne', 'she')
    >>> strip_time_opening("May Smith"), strip_time_opening("Monday night Trump")
    ('May Smith', 'Trump')
    >>> strip_time_opening("the March Hare"), strip_time_opening("At last the Mouse")
    ('the March Hare', 'the Mouse')
    """
    m = _TIME_OPENING.match(chunk.lstrip())
    return chunk.lstrip()[m.end() :] if m else chunk


@lru_cache(maxsize=16384)
def strip_adverbs(chunk: str) -> str:
    """A mention without the adverbs and auxiliaries between it and its cue.

    >>> strip_adverbs("Smith has also")
    'Smith'

    An adverb's own degree word goes with it (*the King very decidedly*):

    >>> strip_adverbs("the King very decidedly")
    'the King'
    """
    found = chunk.split()
    while found and (found[-1] in ADVERBS or (found[-1].endswith("ly") and found[-1].islower())):
        adverb = found.pop()
        while adverb.endswith("ly") and found and found[-1] in _DEGREE:
            found.pop()
    return " ".join(found)


_DEGREE = frozenset("very quite rather most more less so too somewhat".split())
"""Words that say how much of an adverb (*very decidedly*, *rather sharply*)."""


_CONNECTORS = frozenset("""but and so yet or then still also now even later earlier meanwhile afterwards afterward
    finally instead again separately previously subsequently eventually recently""".split())
"""Words that may open a sentence before its subject, with no comma: *But Tom Miller*, *Later the FAA*."""
_SUBORDINATORS = frozenset("whether if because although though unless".split())
"""Words that open a subordinate clause, never a noun phrase."""
_INSTRUMENTS = frozenset("act agreement accord amendment bill constitution convention law pact protocol treaty".split())
"""What a capitalised name after "the" may end with that names a text of law, which
is talked about rather than speaking: *the North American Free Trade Agreement, which ...*"""
_OPENING_PREPOSITIONS = frozenset("by on in at to for with from after before during of about over under".split())


def _named_after_role(found: list[str]) -> str:
    """A description that ends with a person's name after a lower-case role word,
    up to the name: *The Nobel-winning Peruvian novelist Mario Vargas Llosa*
    (told); "" if there is none within seven words."""
    for k in range(2, min(len(found), 7)):
        if found[k - 1] in FUNCTION_WORDS or not found[k - 1].replace("-", "").isalpha():
            return ""
        if found[k][:1].isupper() and found[k - 1][:1].islower():
            m = k
            while m < len(found) and found[m][:1].isupper() and found[m].replace("-", "").isalpha():
                m += 1
            if m - k >= 2:  # (one capitalised modifier goes on: the Fenwick novelist)
                return " ".join(found[:m]) if is_person_name(found[k:m]) else ""
    return ""


def _role_run(found: list[str], i: int) -> bool:
    """Whether ``found[i]`` opens a role of at most three lower-case words that
    ends with a person's head word and stands before a name of two words or
    more: *presidential candidate* (Jeb Bush), *presidential front-runner*
    (Hillary Clinton); not *knocked* (Marco Rubio)."""
    j = i
    while j < len(found) and j - i < 3 and found[j][:1].islower() and found[j].replace("-", "").isalpha() \
            and found[j] not in FUNCTION_WORDS:
        if name_key(found[j]) in PERSON_HEADS:
            return len(found) > j + 2 and found[j + 1][:1].isupper() and found[j + 2][:1].isupper()
        j += 1
    return False


_IRREGULAR_PAST = frozenset("""met told found beat saw took gave left sent made let put set kept held brought
    thought bought caught taught sought fought won lost hit led read ran rang sang sat stood knew threw drew grew
    wrote spoke broke chose rose drove rode ate struck shook woke became came got heard felt paid meant""".split())
"""Irregular pasts (English has a closed list of them), read by :func:`_verb_like`."""


def _verb_like(word: str) -> bool:
    """Whether a lower-case word reads as a verb (*surprised*, *met*, *attacks*), never a role
    (a singular role word never ends in one *s*: *host*, *boss*)."""
    return word.endswith(("ed", "s")) and not word.endswith("ss") or word in _IRREGULAR_PAST


@lru_cache(maxsize=16384)
def leading_np(chunk: str) -> str:
    """The noun phrase a clause starts with: "Opposition leader Tom Redfern" in
    "Opposition leader Tom Redfern accused the government", "" if none.

    >>> leading_np("Opposition leader Tom Redfern accused the government")
    'Opposition leader Tom Redfern'
    >>> leading_np("State treasurer Maya Lund disagreed")
    'State treasurer Maya Lund'
    >>> leading_np("Iowa State University's Dianne Bystrom agreed")
    "Iowa State University's Dianne Bystrom"
    >>> leading_np("Former Labour leadership candidate Ann Birch set out her plan")
    'Former Labour leadership candidate Ann Birch'
    >>> leading_np("The award-winning Fenwick novelist Dora Quillfeather told the crowd")
    'The award-winning Fenwick novelist Dora Quillfeather'
    >>> leading_np("Later the FAA confirmed it"), leading_np("The Harbour Times reported it")
    ('the FAA', 'The Harbour Times')
    >>> leading_np("Nuclear proliferation experts have doubted it")  # a group, not "Nuclear"
    'Nuclear proliferation experts'
    >>> leading_np("Old Mr. Emerson claimed her with much warmth")
    'Mr. Emerson'
    >>> leading_np("The Dormouse again took a minute"), leading_np("The Cruz train has left")
    ('The Dormouse', '')
    """
    found = strip_time_opening(chunk).split()
    if not found:
        return ""
    while len(found) > 1 and found[0].lower() in _CONNECTORS:
        found = found[1:]  # But Tom Miller, Later the FAA
    if len(found) > 1 and found[0].lower() in _FOND and found[1][:1].isupper():
        found = found[1:]  # Old Mr. Emerson, Poor Marianne: the name is the subject
    if found[0].lower() in _PRONOUNS:
        return found[0]  # Then she (blew into her gloves and said:)
    if found[0] == "As" and len(found) > 1 and all(w[:1].isupper() for w in found[1:]):
        found = found[1:]  # As John Cornyn(, the No. 2 in the leadership, put it): the name is the clause's
    if found[0].lower() in _PRONOUNS:
        return ""  # As I (put it): a clause of comparison, not the subject
    if found[0].lower() in DETERMINERS:  # up to a person noun: the board’s chairman, the Sanders campaign
        # (a person noun of the lists, or a compound that says a man or a woman: the stationmaster)
        heads = [i for i, w in enumerate(found[:6])
                 if name_key(w) in _SPEAKING_HEADS or w.islower() and gender_of_words([w])]
        owner = next((i for i, w in enumerate(found[:4]) if w.endswith(("’s", "'s"))), None)
        if owner is not None and not heads and found[owner + 1 : owner + 2] and found[owner + 1][:1].isupper():
            k = owner + 1  # The Blaze’s Matt Walsh
            while k < len(found) and found[k][:1].isupper():
                k += 1
            return " ".join(found[:k])
        if found[0].lower() == "the" and found[1:2] and found[1][:1].isupper():
            # the FBI, The New York Times (confirmed that account): an organisation
            # that the text names, and no head word right after it (the Sanders campaign)
            k = 1
            while k < len(found):
                if found[k][:1].isupper() and found[k].rstrip(",.;:").isalpha():
                    k += 1
                    continue
                after = k + 2 if found[k + 1 : k + 2] == ["the"] else k + 1  # the Bank of England,
                if found[k] in ("of", "for") and found[k - 1][-1:].isalpha() and found[after : after + 1] \
                        and found[after][:1].isupper():  # the Committee for the Study of Rivers
                    k = after
                    continue
                break
            run = [w.rstrip(",.;:") for w in found[1:k]]
            if (k == len(found) or name_key(found[k]) not in _SPEAKING_HEADS) and is_organisation(run) \
                    and name_key(run[-1]) not in _INSTRUMENTS:
                return " ".join(found[:k]).rstrip(",.;:")
            verb = found[3:4] if found[2:3] and found[2] in ADVERBS else found[2:3]
            if not heads and k == 2 and verb and (_verb_like(verb[0]) or verb[0] in AUXILIARIES) \
                    and is_person_name(run):
                # The Dormouse (again took a minute): a character the text calls by a capitalised
                # noun, when a verb follows (not "the Cruz train", "the Trump character")
                return " ".join(found[:2])
        if not heads:
            return _named_after_role(found)
        k = heads[0]
        while k + 1 in heads:  # the chief executive officer
            k += 1
        if found[k][:1].isupper() and found[k + 1 : k + 2] == ["of"]:  # the Illinois Board of Elections
            k += 1
            while k + 1 < len(found) and (found[k + 1][:1].isupper() or found[k + 1] == "the"):
                k += 1
        return " ".join(found[: k + 1])
    if name_key(found[0]) in DATES:
        return ""  # Sunday morning, ...
    if len(found) > 3 and found[1] in ("on", "in", "during") and name_key(found[2]) in DATES \
            and found[3][:1].islower() and found[3] not in _PRONOUNS and found[3] not in FUNCTION_WORDS \
            and not found[0].endswith(("ed", "ing")) and is_person_name(found[:1]):
        # Clinton on Tuesday (became): a time between a name and its verb (but not
        # "Reached on Tuesday he said", a clause before the subject, nor "Tune in
        # tonight for the address", an imperative)
        found = found[:1] + found[3:]
    elif len(found) > 1 and found[0][:1].isupper() and found[1] in _OPENING_PREPOSITIONS:
        return ""  # Reached by POLITICO, Based on the statement, Amid responses from ...
    taken = []
    for i, w in enumerate(found):
        if w.endswith(("’s", "'s")) and i + 1 < len(found):  # Iran’s foreign minister, Ryan’s campaign
            heads = [k for k in range(i + 1, min(len(found), i + 4)) if name_key(found[k]) in _SPEAKING_HEADS]
            if heads:
                return " ".join(found[: heads[-1] + 1])
            k = i + 1  # Iowa State University's Dianne Bystrom: the owner's person, by name
            while k < len(found) and found[k][:1].isupper() and found[k].rstrip(",.").isalpha():
                k += 1
            return " ".join(found[:k]) if k - i > 2 and is_person_name(found[i + 1 : k]) else ""
        if w[:1].isupper() or name_key(w) in TITLES or (taken and w in PARTICLES):
            taken.append(w)
        else:
            if taken and name_key(w) in PERSON_HEADS:  # Labour leader Jeremy Corbyn
                taken.append(w)
                continue
            following = found[i + 1 : i + 3]
            if taken and w.isalpha() and w not in FUNCTION_WORDS and len(following) == 2 \
                    and all(f[:1].isupper() for f in following) and (len(taken) == 1 and not _verb_like(w)
                                                                    or name_key(w) in PERSON_HEADS):
                taken.append(w)  # a role between two names: State treasurer Maya Lund (not "Ted Cruz knocked Marco")
                continue
            if taken and _role_run(found, i):
                taken.append(w)  # Former Republican presidential candidate Jeb Bush: a role of a few words
                continue
            group = next((j for j in range(i + 1, min(len(found), i + 3) + 1) if is_group(found[:j])), None)
            if len(taken) == 1 and group:
                return " ".join(found[:group])  # Nuclear proliferation experts (have said): a group, not "Nuclear"
            break
    while taken and not taken[-1][:1].isupper():
        taken.pop()
    return " ".join(taken)
