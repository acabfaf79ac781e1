"""Naming the narrator (*I*) and the people a novel knows only by a description
(*the girl*, *the old gentleman*), once every quote has its speaker or none.

A quote said by "I" or by a definite description (or by *he* or *she*
standing for one) is first given a placeholder speaker (:data:`kit.quotes.context.ME`, or
:data:`kit.quotes.resolve.DESCRIBED` and the description); :func:`name_the_unnamed`
then names it from what the text says around it, or leaves it with no
speaker and a note.

>>> from kit.quotes import extract_quotes
>>> turns = "".join(f"“{w}?” said Tom.\\n\\n“{w},” said Nell. She smiled.\\n\\n"
...                 for w in ("Yes", "No", "Now", "Then", "So"))
>>> text = "Nell Gray came to the bridge, where she found Tom Birch.\\n\\n" + turns
>>> last = extract_quotes(text + "“I told you,” replied Nell. “It is late,” said the girl.")[-1]
>>> last.speaker, last.speaker_note
('Nell Gray', '“the girl” is Nell Gray, who says the other quote of its paragraph')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from kit.quotes.cast import Cast
from kit.quotes.context import ME, Item, first_addressed, names_addressed
from kit.quotes.dialogue import only_names
from kit.quotes.epithets import Use, name_descriptions, seldom_written, shared_descriptions
from kit.quotes.names import RUN, gender_of_words, split_name
from kit.quotes.resolve import DESCRIBED, NARRATOR

__all__ = ["name_the_unnamed"]

_SCENE = 12
"""How many paragraphs before a quote make its scene: the people named there may be its speaker."""
_SCENE_CHARS = 30_000
"""The most characters a scene reaches on either side of its quote, about ten pages: in
the novels of PDNC and War and Peace, twelve paragraphs never reach further than 23,000."""


def _within(items: list[Item], start: int, end: int) -> list[Item]:
    """The quotes of ``items`` (in the order of the text) that start in ``[start, end)``."""
    def start_of(item: Item) -> int:
        return item.region.start

    return items[bisect_left(items, start, key=start_of) : bisect_left(items, end, key=start_of)]


def _named_in_quote(item: Item, cast: Cast) -> list[str]:
    """The people of the cast that a quote names, in text order."""
    found = []
    for m in RUN.finditer(cast.layout.s, item.region.start, item.region.end):
        title, name = split_name(m.group().split())
        who = cast.lookup(name, title).name if name else None
        if who:
            found.append(who)
    return found


def _use(item: Item, description: str, by_para: dict[int, list[Item]], cast: Cast, opened: dict[int, int],
         speaking: set[str], quoted: dict[int, list[str]]) -> Use:
    """What :func:`kit.quotes.epithets.name_descriptions` needs to know of a quote
    said by a description: the people of its scene, and who cannot be it. The
    scene reaches back :data:`_SCENE` paragraphs, and to the start of a quote
    that runs into them (a story told over many paragraphs counts as one),
    but no further than :data:`_SCENE_CHARS` either way (a text written as
    one long paragraph is still read scene by scene); the people its own
    paragraph's quotes name may be it too (*“Mr. Thaddeus Sholto,” said the
    little man*). Who cannot be it: the people named in its cue's sentence, the
    speakers of the paragraphs next to it, and the ones its quote calls by name
    in either part (*“Toby,” said the boy, “give me the candle”*), unless its
    paragraph gives a name as someone's own (:data:`_GIVES_A_NAME`).
    ``quoted`` keeps the people each quote names once read."""
    layout, p = cast.layout, item.para
    lo = max(0, p - _SCENE)
    lo = opened.get(lo, lo)
    start = max(layout.paras[lo].start, item.region.start - _SCENE_CHARS)
    end = min(layout.paras[p].end, item.region.end + _SCENE_CHARS)
    # the people its paragraph's quotes name (“Mr. Thaddeus Sholto,” said the
    # little man) go first, so that once the list is turned round (latest
    # first) they come last: they are the least sure
    present = []
    for i in _within(by_para.get(p, []), start, end):
        if id(i) not in quoted:
            quoted[id(i)] = _named_in_quote(i, cast)
        present += quoted[id(i)]
    # of the people the narration names, those who speak somewhere in the text
    # (not a painter the narration mentions: an epithet at a cue is a speaker's)
    present += [who for _, who in cast.named_in(start, end) if who in speaking]
    for q in range(lo, p + 1):
        present += [i.speaker for i in _within(by_para.get(q, []), start, end)
                    if i.named and i.speaker and i.speaker[0] != DESCRIBED]
    sentence = layout.sentence_at(item.attribution.mention_pos) if item.attribution else layout.sentence_at(item.region.start)
    excluded = {who for _, who in cast.named_in(sentence.start, sentence.end)}
    near = (max(layout.paras[p].start, item.region.start - _NAME_NEAR), min(layout.paras[p].end, item.region.end + _NAME_NEAR))
    if item.attribution and not _GIVES_A_NAME.search(layout.s, *near):
        # “Toby,” said the boy, “give me the candle”: not Toby, in either part, when Toby is
        # already in the scene (a name new to it may be the speaker's own: “Mr. Felix Dorn,
        # at your service,” said the little man)
        known = {who for _, who in cast.named_in(start, item.region.mark_start)}
        known.update(i.speaker for q in range(lo, p + 1) for i in _within(by_para.get(q, []), start, item.region.start)
                     if i.speaker)
        for part in _within(by_para.get(p, []), start, end):
            if part.attribution and part.attribution.mention_pos == item.attribution.mention_pos:
                excluded.update(who for who in names_addressed(part, cast) if who in known)
    for q in (p - 1, p + 1):
        excluded.update(i.speaker for i in by_para.get(q, ()) if i.speaker and i.sure and i.speaker[0] != DESCRIBED)
    return Use(description, tuple(reversed([w for w in present if cast.is_person(w)])), frozenset(excluded),
               written=item.how == "cue")


def _paragraph_speaker(item: Item, description: str, by_para: dict[int, list[Item]], cast: Cast) -> str | None:
    """The person a description at a cue is because a novel gives a paragraph to
    one speaker: the one another quote of the paragraph is said by, by name,
    when the description fits them (*“I told you before,” replied Nancy ... “I
    don't know why it is,” said the girl*). None when the paragraph's named
    quotes are two people's, or when the description says a gender (*girl*)
    that the text does not give the person."""
    here = _within(by_para.get(item.para, []), item.region.start - _SCENE_CHARS, item.region.end + _SCENE_CHARS)
    others = {other.speaker for other in here if other is not item and other.named
              and other.sure and other.speaker and other.speaker[0] != DESCRIBED}
    if len(others) != 1:
        return None
    who = next(iter(others))
    gender = gender_of_words(description.split())
    return who if gender is None or cast.gender(who) == gender else None


_NAME_NEAR = 1_000
"""Characters on either side of a quote that :data:`_GIVES_A_NAME` reads (its paragraph, unless
that is longer: a book written as one paragraph)."""
_GIVES_A_NAME = re.compile(r"(?<![\w’'-])(?:[Nn]ame|(?:him|her)self\s+as)(?![\w’'-])")
"""Words of a paragraph that give someone's name (*“Mr. Thaddeus Sholto,” said the little
man. “That is my name.”*, *The old lady announced herself as “Mrs. Pegler.”*): there a
name in a quote is the speaker's own, not the one they speak to, who cannot be the speaker."""
_STRANGER = re.compile(r"(?<![\w’'-])(?:strangers?|strange)(?![\w’'-])")
"""A description that says its person is new to the scene (*the stranger*, *the strange
gentleman*): the people of the scene are the ones it is not, so it is named only by its
paragraph (:func:`_paragraph_speaker`), never by the scenes it is in, nor by the names the
turns around it call: no one there knows a stranger's name, and the one they call is
someone else (*“Oliver, bring the gentleman a glass”*). In the novels of PDNC, every
such description read either way was someone else (11 quotes named from the turns around
them, all wrong)."""


def _echoes(item: Item, paragraph: list[Item], cast: Cast) -> bool:
    """Whether a quote only echoes a name: the name alone, ending on a comma at its
    cue, with nothing said after it in the paragraph (*“Fagin,” cried the girl,
    recoiling.*, when the gentleman asks her to give up Fagin). It repeats a name
    it has just heard and calls no one, so it says nothing of who the gentleman
    is. A name that opens a longer speech (*“Mrs. Corney,” said Mr. Bumble, “what
    is ...”*) or is called out (*“Eleanor!”*) does address its person."""
    said = cast.layout.s[item.region.start : item.region.end]
    return item is paragraph[-1] and said.rstrip().endswith(",") and only_names(said)


def _several(people: tuple[str, ...]) -> str:
    """Several people, for a note, the first three by name.

    >>> _several(("Fagin", "Bill Sikes", "Monks")), _several(("Fagin", "Bill Sikes", "Monks", "Toby", "Joe"))
    ('Fagin, Bill Sikes and Monks', 'Fagin, Bill Sikes, Monks and 2 others')
    """
    if len(people) <= 3:
        return ", ".join(people[:-1]) + " and " + people[-1]
    more = len(people) - 3
    return f"{', '.join(people[:3])} and {more} other{'s' if more > 1 else ''}"


def name_the_unnamed(items: list[Item], cast: Cast, dialogue: bool = False) -> None:
    """Name the narrator (*I*) and the people a dialogue knows only by a description
    (*the girl*, *the old gentleman*), from the names the neighbouring turns
    address them by.

    * The narrator is one person throughout: the name said most often to them
      in the turns next to theirs (twice at least, and twice as often as any
      other), of those no quote names as its speaker (*said Holmes*).
    * A description may be a different person in each scene (*the man*), so
      it is named only within one conversation (turns in neighbouring
      paragraphs), and only when the turns next to it address by name one
      person of the gender the description says (*the girl*: one woman,
      whoever else they address), or, when it says none (*the doctor*), one
      person only: the text ties the words to the person when it has someone
      answer *the girl* with *“Nancy, ...”*. A name only echoed is no such
      call (:func:`_echoes`), and a stranger is not named so (:data:`_STRANGER`).
    * In a novel, a description is also the person who says, by name, the
      other quote of its paragraph (:func:`_paragraph_speaker`); else it is
      read from the scenes it is used in (:func:`kit.quotes.epithets.name_descriptions`),
      unless the text uses it for several people
      (:func:`kit.quotes.epithets.shared_descriptions`: *the man*) or writes
      it at one cue only (:func:`kit.quotes.epithets.seldom_written`: *asked
      the convict*, after the story he tells). The quotes named by their
      turns or their paragraph count among those scenes, each with the one
      person it names: *the boy* whom the turns call Charley by the fire is
      Charley in the kitchen too, where Toby is also present (in Oliver
      Twist, 14 quotes gained and 5 lost).

    Those not named get no speaker and a note."""
    unnamed = {i.speaker for i in items if i.speaker and i.speaker.startswith(DESCRIBED)}
    if not unnamed:
        return
    by_para: dict[int, list[Item]] = {}
    for item in items:
        by_para.setdefault(item.para, []).append(item)

    def addressed_next_to(item: Item) -> list[str]:
        found = []
        for p in (item.para - 1, item.para + 1):
            for other in by_para.get(p, ()):
                if other.speaker != item.speaker and not _echoes(other, by_para[p], cast):
                    who = first_addressed([other], cast, other.speaker or "")
                    if who:
                        found.append(who)
        return found

    named = {i.speaker for i in items if i.named and i.how == "cue"}  # the narrator is never named so
    names: dict[tuple[str, int], str] = {}  # (description, conversation) -> name; (I, -1) for the narrator
    votes: dict[tuple[str, int], Counter] = {}
    keys: list[tuple[Item, tuple[str, int]]] = []  # each unnamed quote and what names it
    conversation, last_para = 0, None
    for item in items:
        if last_para is not None and item.para > last_para + 1:
            conversation += 1
        last_para = item.para
        if item.speaker in unnamed:
            key = (item.speaker, -1 if item.speaker == ME else conversation)
            keys.append((item, key))
            votes.setdefault(key, Counter()).update(addressed_next_to(item))
    for key, counter in votes.items():
        if key[0] == ME:
            ranked = [(who, n) for who, n in counter.most_common() if who not in named][:2]
            if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
                names[key] = ranked[0][0]
        elif dialogue and not _STRANGER.search(key[0]):  # news quotes seldom address anyone: “..., Benito Mussolini, specifically”
            gender = gender_of_words(key[0][1:].split())  # the girl: f; the doctor: not said
            fitting = [who for who in counter if cast.gender(who) == gender or gender is None]
            if len(fitting) == 1 and (len(counter) == 1 or gender is not None):
                names[key] = fitting[0]
    in_paragraph: dict[int, str] = {}  # id(quote) -> the one who says the other quote of its paragraph
    for item, key in keys:
        if dialogue and key not in names and key[0] != ME:
            who = _paragraph_speaker(item, key[0][1:], by_para, cast)
            if who is not None:
                in_paragraph[id(item)] = who
    left = [(item, key) for item, key in keys if key not in names and key[0] != ME and id(item) not in in_paragraph
            and not _STRANGER.search(key[0])]
    shared: dict[str, tuple[str, ...]] = {}  # description -> the several people the text ties it to
    seldom: set[str] = set()  # descriptions written at one cue only (a story's teller: “asked the convict”)
    if dialogue and left:
        opened = {}  # paragraph -> where the quote that runs over it opens
        for item in items:
            for q in range(item.para + 1, cast.layout.para_of(item.region.end) + 1):
                opened[q] = item.para
        speaking = {i.speaker for i in items if i.named and i.speaker}
        quoted: dict[int, list[str]] = {}  # id(quote) -> the people it names
        uses = [_use(item, key[0][1:], by_para, cast, opened, speaking, quoted) for item, key in left]
        # a quote the turns or its paragraph have named is a use too, which ties its
        # description to that person alone (the uses to read come first)
        uses += [Use(key[0][1:], (who,), frozenset(), written=item.how == "cue") for item, key in keys
                 if key[0] != ME and not _STRANGER.search(key[0]) and (who := names.get(key) or in_paragraph.get(id(item)))]
        for (item, key), who in zip(left, name_descriptions(uses, cast.gender)):
            if who is not None:
                names[(key[0], key[1], id(item))] = who
        shared = shared_descriptions(uses, cast.gender)
        seldom = seldom_written(uses)
    for item, key in keys:
        addressed = names.get(key)
        item.speaker = addressed or in_paragraph.get(id(item)) or names.get((key[0], key[1], id(item)))
        said = key[0][1:]  # the description: "the girl"
        mention = item.attribution.mention if item.attribution else None
        # a cue's "he" that stands for the description: the note says so first
        via = f"“{mention}” is “{said}”: " if key[0] != ME and item.how == "cue" and mention \
            and mention.lower() in ("he", "she") else ""
        if item.speaker is None:
            if key[0] == ME:
                item.note = NARRATOR
            elif _STRANGER.search(key[0]):
                item.note = f"{via}“{said}” is someone the text has not named yet"
            elif said in seldom:
                item.note = f"{via}the text calls this speaker “{said}” at one cue only, and names no one"
            elif said in shared:
                item.note = f"{via}“{said}” is not one person's epithet: the text uses it for several ({_several(shared[said])})"
            elif via:
                item.note = f"“{mention}” is “{said}”, whom the text does not name"
            item.how = ""
        elif key[0] != ME:  # the note says how the description was read, not that it could not be
            item.note = via + (f"“{said}” is {item.speaker}: the turns around it speak to {item.speaker} by name"
                               if addressed else
                               f"“{said}” is {item.speaker}, who says the other quote of its paragraph"
                               if id(item) in in_paragraph else
                               f"“{said}” read as {item.speaker}, who is in the scenes where the text says “{said}”")
