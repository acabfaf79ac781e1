"""The steps put together: who said each quote of one text.

1. find the marks (:mod:`kit.quotes.marks`), and read the text around them
   (:mod:`kit.quotes.layout`);
2. find the cue (:mod:`kit.quotes.cues`) and the mention
   (:mod:`kit.quotes.mentions`), and leave out scare quotes
   (:mod:`kit.quotes.scare`);
3. resolve the mention (:mod:`kit.quotes.resolve`) against the cast of the
   text (:mod:`kit.quotes.cast`);
4. give quotes with no cue the speaker around them: their paragraph, the
   speaker going on (news), or the turns of a dialogue (novels)
   (:mod:`kit.quotes.dialogue`).

>>> text = "Jane Doe spoke first. “We will win,” she said.\\n\\n“We must.”"
>>> [(a.speaker, a.how) for a in attribute(text)]
[('Jane Doe', 'cue'), ('Jane Doe', 'previous paragraph')]
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from kit.quotes.cast import Cast
from kit.quotes.dialogue import is_dialogue, vocatives
from kit.quotes.layout import Layout
from kit.quotes.marks import Region, find_regions
from kit.quotes.mentions import Attribution, find_attribution, report_before, sentence_subject
from kit.quotes.names import np_kind
from kit.quotes.resolve import NARRATOR, Resolver, Speaker, Voice
from kit.quotes.scare import is_scare_quote
from kit.segment import paragraph_spans

__all__ = ["Attributed", "attribute"]

_ME = "\x00I"  # the narrator, while the text has not said who that is


class Attributed(NamedTuple):
    """One quotation and its attribution, as :func:`attribute` finds them."""

    region: Region
    attribution: Attribution | None
    speaker: str | None
    note: str | None
    how: str
    """How the speaker was found: "cue" (its own cue and mention), "paragraph"
    (another quote or the narration of its paragraph), "previous paragraph"
    (a speaker going on), "turn" (a dialogue's turns), "vocative" (the turn
    before addressed them), or "" (not found)."""


class _Item:
    """A quote while it is being attributed."""

    __slots__ = ("region", "attribution", "speaker", "note", "how", "para", "named")

    def __init__(self, region: Region, attribution: Attribution | None) -> None:
        self.region = region
        self.attribution = attribution
        self.speaker: str | None = None
        self.note: str | None = None
        self.how = ""
        self.para = region.para
        self.named = False  # the mention is a name (for learning whether turns alternate)

    def set(self, speaker: Speaker | str | None, how: str) -> None:
        if isinstance(speaker, Speaker):
            self.speaker, self.note = speaker
            if self.note == NARRATOR:
                self.speaker = _ME
        else:
            self.speaker, self.note = speaker, None
        self.how = how if self.speaker else ""


def attribute(s: str, paras: list | None = None, regions: list[Region] | None = None) -> list[Attributed]:
    """Every quotation of ``s`` (scare quotes left out) with its speaker (see the module docs)."""
    paras = paragraph_spans(s) if paras is None else paras
    regions = find_regions(s, paras) if regions is None else regions
    if not regions:
        return []
    layout = Layout(s, paras, regions)
    cast = Cast(layout)
    resolver = Resolver(layout, cast)
    items: list[_Item] = []
    # 1-3. each quote's own cue and mention, resolved
    for n, r in enumerate(regions):
        next_mark = regions[n + 1].mark_start if n + 1 < len(regions) else len(s)
        attribution = find_attribution(layout, r, next_mark)
        if is_scare_quote(layout, r, attribution):
            continue
        item = _Item(r, attribution)
        mention_pos = r.mark_start
        if attribution is not None and attribution.mention is not None:
            mention_pos = attribution.mention_pos
            item.set(resolver.resolve(attribution.mention, mention_pos, attribution.appositive), "cue")
            item.named = np_kind(attribution.mention) == "name" or attribution.appositive is not None
        items.append(item)
        end = max(r.mark_end, attribution.end if attribution else 0)
        resolver.voices.append(Voice(end, mention_pos, item.speaker, r.para))
    # 4. quotes with no speaker of their own
    dialogue = is_dialogue(_named_pairs(items))
    _fill(items, layout, cast, resolver, dialogue)
    _name_the_narrator(items, cast)
    return [Attributed(i.region, i.attribution, i.speaker, i.note, i.how) for i in items]


def _named_pairs(items: list[_Item]) -> list[tuple[str, str]]:
    """(speaker, next speaker) for neighbouring paragraphs whose first quotes both name their speaker."""
    first: dict[int, str] = {}
    for item in items:
        if item.para not in first and item.named and item.speaker:
            first[item.para] = item.speaker
    return [(first[p], first[p + 1]) for p in first if p + 1 in first]


def _fill(items: list[_Item], layout: Layout, cast: Cast, resolver: Resolver, dialogue: bool) -> None:
    """Give each quote with no speaker of its own the speaker around it (the dialogue module's rules)."""
    by_para: dict[int, list[_Item]] = {}
    for item in items:
        by_para.setdefault(item.para, []).append(item)

    def turn_speaker(p: int) -> str | None:
        """The speaker of paragraph ``p``'s quotes, if it has quotes and one has a speaker."""
        return next((i.speaker for i in by_para.get(p, ()) if i.speaker), None)

    for item in items:
        r, att = item.region, item.attribution
        here = by_para[item.para]
        first_in_para = here[0] is item
        previous = turn_speaker(item.para - 1) if item.para - 1 in by_para else None
        # In a dialogue, "he said" in a new turn is not the one who spoke the turn before.
        if dialogue and att is not None and att.mention and item.how == "cue" and first_in_para and previous \
                and att.mention.lower() in ("he", "she", "his", "her"):
            two_back = turn_speaker(item.para - 2) if item.para - 2 in by_para else None
            gender = "m" if att.mention.lower() in ("he", "his") else "f"
            if two_back and two_back != previous and cast.gender(two_back) in (gender, None) \
                    and cast.is_person(two_back):
                item.set(two_back, "cue")
            else:
                item.set(resolver.resolve(att.mention, att.mention_pos, exclude=previous), "cue")
            continue
        if item.speaker or (att is not None and att.mention is not None):
            continue
        # 1. its paragraph: an earlier quote or report, a later quote, the narration
        p_start = layout.paras[item.para].start
        earlier = [i for i in here if i.region.start < r.start]
        voice = _last_voice(layout, resolver, earlier[-1] if earlier else None, p_start, r.mark_start)
        if voice is not None:
            item.set(voice, "paragraph")
            continue
        later = next((i for i in here if i.region.start > r.start and i.how == "cue" and i.speaker), None)
        if later is not None:
            item.set(later.speaker, "paragraph")
            continue
        about = _narration_subject(layout, resolver, item.para, r, here)
        if about is not None:
            item.set(about, "paragraph")
            continue
        if not first_in_para:
            continue
        # 2. the turns before it
        if not dialogue:
            if item.para > 0:
                last = by_para.get(item.para - 1, [])
                voice = _last_voice(layout, resolver, last[-1] if last else None,
                                    layout.paras[item.para - 1].start, p_start)
                if voice is not None:
                    item.set(voice, "previous paragraph")
            continue
        # 3. a dialogue: the one addressed the turn before, else two turns back
        if previous is not None:
            addressed = _addressed(by_para[item.para - 1], cast, previous)
            if addressed:
                item.set(addressed, "vocative")
                continue
            two_back = turn_speaker(item.para - 2) if item.para - 2 in by_para else None
            if two_back and two_back != previous:
                item.set(two_back, "turn")
                continue
    if dialogue:  # backwards: a turn before two known ones
        for item in reversed(items):
            if item.speaker or by_para[item.para][0] is not item or (item.attribution and item.attribution.mention):
                continue
            following = turn_speaker(item.para + 1) if item.para + 1 in by_para else None
            two_on = turn_speaker(item.para + 2) if item.para + 2 in by_para else None
            if following and two_on and following != two_on:
                for i in by_para[item.para]:
                    if not i.speaker:
                        i.set(two_on, "turn")


def _last_voice(layout: Layout, resolver: Resolver, quote: _Item | None, start: int, end: int) -> Speaker | None:
    """The speaker of the last quote or report ("He added that ...") in ``[start, end)``:
    a report after the quote (and its attribution) wins. None if there is neither;
    a Speaker with no name if there is one but it names no one."""
    after = start
    if quote is not None:
        after = max(quote.region.mark_end, quote.attribution.end if quote.attribution else 0)
    report = report_before(layout, max(start, after), end)
    if report is not None:
        _, subject, at = report
        return resolver.resolve(subject, at) if subject else Speaker(None)
    if quote is not None:
        return Speaker(quote.speaker, quote.note) if quote.speaker != _ME else Speaker(None, NARRATOR)
    return None


def _narration_subject(layout: Layout, resolver: Resolver, p: int, r: Region, here: list[_Item]) -> str | None:
    """The person the narration of a quote's paragraph is about: the subject of its
    sentence before the quote, else of the sentence right after it."""
    sentence = layout.sentence_at(r.mark_start)
    if sentence.start < r.mark_start and layout.masked[sentence.start : r.mark_start].strip():
        subject = sentence_subject(layout, sentence.start, r.mark_start)
        if subject and np_kind(subject[0]) in ("name", "pronoun"):
            return resolver.resolve(*subject).name
    end = layout.paras[p].end
    if r.mark_end < end and not any(i.region.start > r.start for i in here):
        after = layout.sentence_at(min(end - 1, r.mark_end + 1))
        start = max(after.start, r.mark_end)
        if layout.masked[start : after.end].strip():
            subject = sentence_subject(layout, start, after.end)
            if subject and np_kind(subject[0]) in ("name", "pronoun"):
                return resolver.resolve(*subject).name
    return None


def _addressed(turn: list[_Item], cast: Cast, speaker: str) -> str | None:
    """The person the quotes of a turn address by name, if one of the cast and not the speaker."""
    s = cast.layout.s
    for item in turn:
        for name in vocatives(s[item.region.start : item.region.end]):
            words = name.split()
            title = [w for w in words[:-1] if w.rstrip(".").lower() in ("mr", "mrs", "miss", "ms", "dr")]
            found = cast.lookup(words[len(title):], title)
            if found.name and found.name != speaker:
                return found.name
    return None


def _name_the_narrator(items: list[_Item], cast: Cast) -> None:
    """Name the narrator (*I*) from the names the neighbouring turns address them by."""
    mine = [i for i in items if i.speaker == _ME]
    if not mine:
        return
    by_para: dict[int, list[_Item]] = {}
    for item in items:
        by_para.setdefault(item.para, []).append(item)
    votes: Counter = Counter()
    for item in mine:
        for p in (item.para - 1, item.para + 1):
            for other in by_para.get(p, ()):
                if other.speaker != _ME:
                    addressed = _addressed([other], cast, other.speaker or "")
                    if addressed:
                        votes[addressed] += 1
    ranked = votes.most_common(2)
    name = None
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        name = ranked[0][0]
    for item in items:
        if item.speaker == _ME:
            item.speaker, item.note = (name, None) if name else (None, NARRATOR)
            if not name:
                item.how = ""
