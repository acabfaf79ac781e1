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

import re
from collections import Counter
from typing import NamedTuple

from kit.quotes.cast import Cast
from kit.quotes.dialogue import (
    Turn,
    Use,
    answered_as,
    is_dialogue,
    name_descriptions,
    only_names,
    reports_speech,
    take_turns,
)
from kit.quotes.layout import Layout
from kit.quotes.marks import Region, find_regions
from kit.quotes.mentions import Attribution, addressee, find_attribution, report_before, sentence_subject
from kit.quotes.names import (
    INDEFINITE,
    PERSON_HEADS,
    PRONOUN_GENDER,
    RUN,
    gender_of_words,
    is_bare_plural,
    name_key,
    np_kind,
    split_name,
)
from kit.quotes.resolve import NARRATOR, Resolver, Speaker, Voice
from kit.quotes.scare import is_scare_quote
from kit.segment import paragraph_spans

__all__ = ["Attributed", "attribute"]

_UNNAMED = "\x00"  # starts the speaker of a quote the text names only as "I" or by a description
_ME = _UNNAMED + "I"  # the narrator, while the text has not said who that is
_PRONOUNS = frozenset("he she his her He She His Her".split())


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

    __slots__ = ("region", "attribution", "speaker", "note", "how", "para", "named", "sure", "addressed")

    def __init__(self, region: Region, attribution: Attribution | None) -> None:
        self.region = region
        self.attribution = attribution
        self.speaker: str | None = None
        self.note: str | None = None
        self.how = ""
        self.para = region.para
        self.named = False  # the mention is a name (for learning whether turns alternate)
        self.sure = False  # the speaker is named (not only "he"), so a dialogue may count on it
        self.addressed: list[str] | None = None  # the people the quote addresses by name, once read

    def set(self, speaker: Speaker | str | None, how: str) -> None:
        if isinstance(speaker, Speaker):
            self.speaker, self.note = speaker
            if self.note == NARRATOR:
                self.speaker = _ME
            elif self.speaker is None and how == "cue" and self.attribution and _definite(self.attribution.mention):
                self.speaker = _UNNAMED + _definite(self.attribution.mention)  # "the girl", named later if the text says
        else:
            self.speaker, self.note = speaker, None
        self.how = how if self.speaker else ""


def _definite(mention: str | None) -> str:
    """The definite description of a person a mention is, lower-cased, else "":
    *the girl*, *the old gentleman*, and at a reporting verb any noun (*said
    the beadle*), with the adverbs after it dropped (*said the doctor
    impetuously*: *the doctor*)."""
    found = (mention or "").split()
    while len(found) > 2 and found[-1].lower().endswith("ly"):
        found.pop()  # impetuously, coolly
    if not (2 <= len(found) <= 4 and found[0].lower() == "the") or any(
            w.lower() in ("of", "for", "at", "from", "to", "and") for w in found):
        return ""
    head = found[-1]
    if name_key(head) in PERSON_HEADS or all(w.isalpha() and w.islower() for w in found[1:]) \
            and head not in _NOT_HEADS:
        return " ".join(found).lower()
    return ""


_NOT_HEADS = frozenset("other others same first second last rest one whole".split())
"""Words that end a description without naming a kind of person (*the other*, *the first*)."""


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
        if attribution is not None and attribution.where == "after" and _long_story(layout, r):
            attribution = None  # "..." said I: the last paragraph's cue, not the story's
        if is_scare_quote(layout, r, attribution):
            continue
        item = _Item(r, attribution)
        mention_pos = r.mark_start
        if attribution is not None and attribution.mention is not None:
            mention_pos = attribution.mention_pos
            addressed = frozenset(_addressed_all(item, cast)) if attribution.mention in _PRONOUNS else frozenset()
            item.set(resolver.resolve(attribution.mention, mention_pos, attribution.appositive, exclude=addressed),
                     "cue")
            item.named = np_kind(attribution.mention) == "name" or attribution.appositive is not None
            item.sure = np_kind(attribution.mention) != "pronoun" or attribution.mention == "I"
            subject = _named_in_sentence(layout, resolver, cast, attribution)
            if subject is not None and subject not in addressed:
                item.set(subject, "cue")  # Marianne coloured as she replied, “...”
                item.sure = True
        items.append(item)
        end = max(r.mark_end, attribution.end if attribution else 0)
        resolver.voices.append(Voice(end, mention_pos, item.speaker, r.para))
    # 4. quotes with no speaker of their own
    dialogue = is_dialogue(_named_pairs(items))
    if dialogue:
        _drop_common_words(items, cast)
    else:
        _unnamed_as_written(items, layout, resolver)
    _fill(items, layout, cast, resolver, dialogue)
    _name_the_unnamed(items, cast, dialogue)
    return [Attributed(i.region, i.attribution, i.speaker, i.note, i.how) for i in items]


_STORY = 4
"""How many paragraphs a quote must run over to be a story that one person tells."""


def _long_story(layout: Layout, r: Region) -> bool:
    """Whether a quote runs over :data:`_STORY` paragraphs or more (each opening
    with a mark, only the last closing): a story one person tells, whose
    speaker is the one who starts it (the turn it answers). A cue after its
    closing mark (*“...,” said I*) belongs to its last paragraph alone, and
    is not used for the whole."""
    return r.flag == "continued" and layout.para_of(r.end) - r.para + 1 >= _STORY


def _named_in_sentence(layout: Layout, resolver: Resolver, cast: Cast, attribution: Attribution) -> str | None:
    """The person "he" or "she" names when the sentence names them first, as its
    subject (*Marianne coloured as she replied, “...”*), if the gender fits."""
    gender = PRONOUN_GENDER.get((attribution.mention or "").lower())
    if gender is None:
        return None
    start = layout.sentence_start(attribution.mention_pos)
    subject = sentence_subject(layout, start, attribution.mention_pos)
    if not subject or subject[1] >= attribution.mention_pos or np_kind(subject[0]) != "name":
        return None
    who = resolver.resolve(*subject).name
    return who if who and cast.gender(who) in (gender, None) and cast.is_person(who) else None


def _named_pairs(items: list[_Item]) -> list[tuple[str, str]]:
    """(speaker, next speaker) for neighbouring paragraphs whose first quotes both name their speaker."""
    first: dict[int, str] = {}
    for item in items:
        if item.para not in first and item.named and item.speaker:
            first[item.para] = item.speaker
    return [(first[p], first[p + 1]) for p in first if p + 1 in first]


def _drop_common_words(items: list[_Item], cast: Cast) -> None:
    """In a dialogue (a novel), who speaks is a character. A single capitalised
    word at a cue that is no one of the cast and that the text mostly writes in
    lower case is an ordinary word opening the sentence (*Rather a hard voice
    said*, *Very soon the Rabbit called out*, *All the way home*), not a
    speaker: the quote is left to the turns of the conversation. (In news a
    group speaks as written, *Aides said*, so this is for dialogue only.)"""
    for item in items:
        who = item.speaker
        if who and " " not in who and not who.startswith((_UNNAMED, _ME)) and not cast.is_person(who) \
                and cast.is_common_word(who):
            item.set(None, "")
            item.sure = item.named = False


def _unnamed_as_written(items: list[_Item], layout: Layout, resolver: Resolver) -> None:
    """News: a speaker the text introduces by an indefinite description (*a senior
    Cruz adviser*, *one Clinton aide*, *some Republicans*, *a person close to
    the Clintons*) is the speaker as written, with the note
    :data:`~kit.quotes.resolve.UNNAMED`, as a group is (*Aides said*). The
    mention takes the post-modifier the description reads on to (*a person
    close* -> *a person close to the Clintons*). A dialogue leaves them with
    no speaker: in a novel, *a voice* or *a man* is one of the scene, whom the
    turns around may name. The quotes are resolved again here, once the text
    is known not to be a dialogue; those that follow with no cue of their own
    take the speaker on (:func:`_fill`), but *he* and *she* still skip it,
    as before: the voices resolved are left as they were."""
    resolver.as_written = True
    for item in items:
        found = item.attribution
        if found is None or found.mention is None or name_key(found.mention.split()[0]) not in INDEFINITE \
                and not is_bare_plural(found.mention.split()):
            continue
        speaker = resolver.resolve(found.mention, found.mention_pos, found.appositive)
        if speaker.name is None:
            continue  # (a spokesman for Platte River is Platte River, through the spokesman)
        item.set(speaker, "cue")
        words = speaker.name.split()
        if len(words) > len(found.mention.split()):  # a person close -> a person close to the Clintons
            m = re.compile(r"\s+".join(map(re.escape, words))).match(layout.s, found.mention_pos)
            if m:
                item.attribution = found._replace(mention=m.group())


def _fill(items: list[_Item], layout: Layout, cast: Cast, resolver: Resolver, dialogue: bool) -> None:
    """Give each quote with no speaker of its own the speaker around it (the dialogue module's rules)."""
    by_para: dict[int, list[_Item]] = {}
    for item in items:
        by_para.setdefault(item.para, []).append(item)
    for item in items:
        if item.speaker or (item.attribution is not None and item.attribution.mention is not None):
            continue
        # 1. its paragraph: an earlier quote or report, a later quote, the narration
        here = by_para[item.para]
        if _from_paragraph(item, here, layout, resolver):
            continue
        # 2. news: a speaker goes on from the paragraph before (not into a quote
        #    with a cue of its own), unless the quote addresses that speaker:
        #    then it is the one who spoke before them
        if not dialogue and here[0] is item and item.para > 0 and not _has_own_cue(item):
            last = by_para.get(item.para - 1, [])
            voice = _last_voice(layout, resolver, last[-1] if last else None,
                                layout.paras[item.para - 1].start, layout.paras[item.para].start)
            addressed = _addressed_all(item, cast)
            if voice is not None and voice.name in addressed and item.para > 1:
                before = [i.speaker for i in by_para.get(item.para - 2, []) if i.speaker]
                voice = Speaker(before[0]) if before and before[0] not in addressed else None
            elif voice is not None and voice.note == NARRATOR and last and any(
                    a for a in addressed if a not in {i.speaker for i in items if i.named}):
                before = [i.speaker for i in by_para.get(item.para - 2, []) if i.speaker]
                voice = Speaker(before[0]) if before and before[0] != _ME else None
            if voice is None and not last and len(here) == 1 and not _narration(layout, item):
                # a paragraph that is only the quote, after one of narration: whom that one ends about
                # (Viguerie is upbeat about Cruz’s chances ... / “Not only can Ted Cruz win ...”)
                who = _last_subject(layout, cast, resolver, item.para - 1)
                voice = Speaker(who) if who else None
            if voice is not None:
                item.set(voice, "previous paragraph")
    if dialogue:  # 3. a dialogue: turns
        _take_turns(by_para, layout, cast, resolver)


def _narration(layout: Layout, item: _Item) -> bool:
    """Whether the paragraph of a quote has words outside its marks."""
    start, end = layout.paras[item.para]
    return bool(layout.masked[start : item.region.mark_start].strip(" \t\n") or
                layout.masked[item.region.mark_end : end].strip(" \t\n.,"))


def _has_own_cue(item: _Item) -> bool:
    """Whether a quote has a reporting verb of its own (whose subject could not be
    read): then it is not the speaker of the paragraph before going on
    (*Ryan’s staff shrugged it off, telling reporters, “...”*)."""
    return item.attribution is not None and item.attribution.cue is not None


def _from_paragraph(item: _Item, here: list[_Item], layout: Layout, resolver: Resolver) -> bool:
    """Rule 1: the speaker of an earlier quote or report in the paragraph, else of a
    later quote with a cue, else the person its narration is about."""
    r = item.region
    earlier = [i for i in here if i.region.start < r.start]
    voice = _last_voice(layout, resolver, earlier[-1] if earlier else None, layout.paras[item.para].start,
                        r.mark_start)
    if voice is not None and (voice.name or voice.note):
        item.set(voice, "paragraph")
        return True
    later = next((i for i in here if i.region.start > r.start and i.how == "cue" and i.speaker), None)
    if later is not None:
        item.set(later.speaker, "paragraph")
        item.sure = later.sure
        return True
    about = _narration_subject(layout, resolver, item.para, r, here)
    if about is not None:
        if about.who:
            item.set(about.who, "paragraph")
            item.sure = about.named
            return True
    return False


def _take_turns(by_para: dict[int, list[_Item]], layout: Layout, cast: Cast, resolver: Resolver) -> None:
    """Rule 3: read the turns of each conversation (:func:`kit.quotes.dialogue.take_turns`)."""
    turns: list[Turn] = []
    firsts: list[_Item | None] = []
    for p in sorted(by_para):
        its = by_para[p]
        first = its[0]
        reported = _reported_by(layout, cast, resolver, p - 1) if p > 0 and p - 1 not in by_para else None
        if reported is not None:  # Elinor told him the number. / “...”: Elinor has had her turn
            turns.append(Turn(p - 1, reported, fixed=True, nearby=_nearby(layout, cast, p - 1)))
            firsts.append(None)
        mention = first.attribution.mention if first.attribution is not None else None
        gender = PRONOUN_GENDER.get(mention.lower()) if mention and mention.lower() in ("he", "she", "his", "her") else None
        if gender is None and mention and np_kind(mention) == "descriptor":
            gender = gender_of_words(mention.split())  # said his father, said the clergyman: a man
        speaker = next((i.speaker for i in its if i.speaker), None)
        if speaker is None and p > 0 and p - 1 not in by_para and reported is None:
            speaker = _last_subject(layout, cast, resolver, p - 1)  # Mr. Beebe came to the rescue.
        addressed = tuple(dict.fromkeys([*(a for i in its for a in _addressed_all(i, cast)),
                                         *_said_to(its, layout, cast, resolver)]))
        said = " ".join(layout.s[i.region.start : i.region.end] for i in its)
        calls = bool(addressed) and only_names(said)  # “Eleanor!”: a name and nothing else
        turns.append(Turn(p, speaker, fixed=bool(speaker) and first.sure, gender=gender, addressed=addressed,
                          nearby=_nearby(layout, cast, p), last=layout.para_of(its[-1].region.end), calls=calls))
        firsts.append(first)
    alias = answered_as(turns)  # “... Fagin?” / “...,” said the Jew: one person
    for turn in turns:
        turn.addressed = tuple(dict.fromkeys(alias.get(a, a) for a in turn.addressed))
        turn.nearby = tuple(dict.fromkeys(alias.get(a, a) for a in turn.nearby))

    def gender_of(name: str) -> str | None:
        if name == _ME:
            return "I"  # the narrator says "I", never "he" or "she"
        return gender_of_words(name[1:].split()) if name.startswith(_UNNAMED) else cast.gender(name)

    for n, (turn, first, speaker) in enumerate(zip(turns, firsts, take_turns(turns, gender_of))):
        if first is None:
            continue  # speech the narration reports: no quote to give a speaker
        own = next((i.speaker for i in by_para[turn.para] if i.speaker), None)
        if speaker is None or speaker == own:
            continue
        how = "vocative" if n and speaker in turns[n - 1].addressed else "turn"
        for item in by_para[turn.para]:
            if not item.speaker or item is first or (item.how == "paragraph" and item.speaker == own):
                item.set(speaker, how)


def _last_subject(layout: Layout, cast: Cast, resolver: Resolver, p: int) -> str | None:
    """The person the last sentence of a paragraph of narration is about, if it
    names one or says *he* or *she*: in a novel, the next paragraph's unmarked
    quote is most often theirs (*Mr. Beebe came to the rescue.* / *“...”*)."""
    last = layout.sentences(p)[-1] if layout.sentences(p) else None
    subject = _about(layout, last.start, last.end) if last else None
    if not subject or np_kind(subject[0]) not in ("name", "pronoun"):
        return None
    who = resolver.resolve(*subject).name
    return who if who and cast.is_person(who) and cast.mentions(who) >= _MIN_MENTIONS else None


_OWNER_FIRST = re.compile(rf"\s*(?:(?P<pronoun>His|Her)|(?P<name>{RUN.pattern})(?:’s|'s))\s+(?=[a-z])", re.VERBOSE)
"""A sentence that opens with something of someone's: *His brow*, *Miss Bartlett's recent liberalism*."""


def _about(layout: Layout, start: int, stop: int) -> tuple[str, int] | None:
    """Whom a sentence of narration is about, as (words, where they start): its
    subject (:func:`~kit.quotes.mentions.sentence_subject`), or, when that is
    something of someone's, its owner: *His brow contracted.* is about him,
    *Miss Bartlett's recent liberalism oozed away* about Miss Bartlett.

    >>> from kit.quotes.marks import find_regions
    >>> from kit.segment import paragraph_spans
    >>> s = "His brow contracted. Miss Bartlett's liberalism oozed away."
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> _about(layout, 0, 20), _about(layout, 21, len(s))
    (('he', 0), ('Miss Bartlett', 21))
    """
    subject = sentence_subject(layout, start, stop)
    if subject is not None:
        return subject
    m = _OWNER_FIRST.match(layout.masked, start, stop)
    if m is None:
        return None
    if m.group("pronoun"):
        return {"His": "he", "Her": "she"}[m.group("pronoun")], m.start("pronoun")  # his brow: he
    return (m.group("name"), m.start("name")) if np_kind(m.group("name")) == "name" else None


def _nearby(layout: Layout, cast: Cast, p: int) -> tuple[str, ...]:
    """The people the narration of the paragraphs before ``p`` names, latest first."""
    return tuple(dict.fromkeys(who for _, who in reversed(cast.named_in(
        layout.paras[max(0, p - _NEARBY)].start, layout.paras[p].start))
        if cast.mentions(who) >= _MIN_MENTIONS)) if p > 0 else ()


def _reported_by(layout: Layout, cast: Cast, resolver: Resolver, p: int) -> str | None:
    """The person whose words the last sentence of a paragraph of narration
    reports (*Elinor told him the number of the house.*), if it does
    (:func:`kit.quotes.dialogue.reports_speech`) and names them or says *he*
    or *she*: that was their turn, and the next quote answers it."""
    start, end = layout.paras[p]
    if not reports_speech(layout.s[max(start, end - _TAIL) : end]):
        return None  # (read first in the paragraph's end, not split into sentences: most paragraphs say no such thing)
    last = layout.sentences(p)[-1] if layout.sentences(p) else None
    if last is None or not reports_speech(layout.s[last.start : last.end]):
        return None
    return _last_subject(layout, cast, resolver, p)


_TAIL = 400
"""How many characters at the end of a paragraph are read for a report first (more than most sentences)."""


def _said_to(its: list[_Item], layout: Layout, cast: Cast, resolver: Resolver) -> list[str]:
    """The people the narration says a paragraph's quotes are said to (*said Lucy
    to Cecil*, *he asked the vicar*, *he said to me*): a person of the cast, the
    narrator, or a description of a person that the next turn may be said by."""
    found = []
    for item in its:
        if item.attribution is None:
            continue
        stop = layout.paras[item.para].end
        later = [i.region.mark_start for i in its if i.region.start > item.region.start]
        to = addressee(layout, item.attribution, min(later, default=stop))
        if to is None:
            continue
        words, at = to
        if words == "me":
            found.append(_ME)
            continue
        who = resolver.resolve(words, at, at_cue=False).name
        if who and cast.is_person(who):
            found.append(who)
        elif who is None and _definite(words):
            found.append(_UNNAMED + words.lower())
    return found


def _last_voice(layout: Layout, resolver: Resolver, quote: _Item | None, start: int, end: int) -> Speaker | None:
    """The speaker of the last quote or report ("He added that ...") in ``[start, end)``:
    a report in a sentence after the quote's (and its attribution's) wins. None
    if there is neither; a Speaker with no name if there is one but it names
    no one. A reporting verb in the quote's own sentence reports nothing new
    (*“...,” Clinton said, with a passion that almost suggested that ...*)."""
    after = start
    if quote is not None:
        after = max(quote.region.mark_end, quote.attribution.end if quote.attribution else 0)
        if quote.attribution is not None and quote.attribution.cue is not None:
            after = max(after, min(end, layout.sentence_at(after - 1).end))
    report = report_before(layout, max(start, after), end)
    if report is not None:
        _, subject, at = report
        return resolver.resolve(subject, at)
    if quote is not None and (quote.speaker or quote.note):
        return Speaker(quote.speaker, quote.note) if quote.speaker != _ME else Speaker(None, NARRATOR)
    return None


class _About(NamedTuple):
    """Whom the narration of a quote's paragraph is about."""

    who: str | None
    named: bool
    """Whether the narration names them (not just "he")."""


def _narration_subject(layout: Layout, resolver: Resolver, p: int, r: Region, here: list[_Item]
                       ) -> _About | None:
    """The person the narration of a quote's paragraph is about: the subject of its
    sentence before the quote (or of the sentence before, when the quote opens
    its sentence: *Dianne Bystrom agreed. “...”*), else of the sentence right
    after it (*“...” She sighed.*)."""
    sentence = layout.sentence_at(r.mark_start)
    spans = []
    if sentence.start < r.mark_start and layout.masked[sentence.start : r.mark_start].strip():
        spans.append((sentence.start, r.mark_start))
    elif sentence.start > layout.paras[p].start and not any(i.region.start < r.start for i in here):
        before = layout.sentence_at(sentence.start - 1)  # Dianne Bystrom agreed. “...”
        spans.append((before.start, before.end))
    end = layout.paras[p].end
    if r.mark_end < end and not any(i.region.start > r.start for i in here):
        after = layout.sentence_at(min(end - 1, r.mark_end + 1))
        start = max(after.start, r.mark_end)
        if layout.masked[start : after.end].strip():
            spans.append((start, after.end))
    for start, stop in spans:
        subject = _about(layout, start, stop)
        kind = np_kind(subject[0]) if subject else None
        if kind in ("name", "pronoun"):
            return _About(resolver.resolve(*subject).name, kind == "name")
    return None


def _addressed_all(item: _Item, cast: Cast) -> list[str]:
    """The people of the cast that a quote addresses by name (read once per quote)."""
    if item.addressed is not None:
        return item.addressed
    # only the quote's first paragraph: a story told over several paragraphs
    # addresses its listeners there; the names later on are its own people's
    end = min(item.region.end, cast.layout.paras[item.para].end)
    item.addressed = cast.addressed_in(cast.layout.s[item.region.start : end])
    return item.addressed


def _addressed(turn: list[_Item], cast: Cast, speaker: str) -> str | None:
    """The person the quotes of a turn address by name, if one of the cast and not the speaker."""
    for item in turn:
        for who in _addressed_all(item, cast):
            if who != speaker:
                return who
    return None


_SCENE = 12
"""How many paragraphs before a quote make its scene: the people named there may be its speaker."""
_NEARBY = 12
_MIN_MENTIONS = 2
"""How often the whole text must name a person for the narration's mention of
them to make them a likely speaker of an unmarked turn (not *Mr. Someone
Something*, named once in a joke)."""
"""How many paragraphs of narration before a conversation are read for the people who may speak in it."""


def _use(item: _Item, description: str, by_para: dict[int, list[_Item]], cast: Cast, opened: dict[int, int],
         speaking: set[str]) -> Use:
    """What :func:`kit.quotes.dialogue.name_descriptions` needs to know of a quote
    said by a description: the people of its scene, and who cannot be it. The
    scene reaches back :data:`_SCENE` paragraphs, and to the start of a quote
    that runs into them (a story told over many paragraphs counts as one);
    the people its own paragraph's quotes name may be it too (*“Mr.
    Thaddeus Sholto,” said the little man*)."""
    layout, p = cast.layout, item.para
    lo = max(0, p - _SCENE)
    lo = opened.get(lo, lo)
    # the people its paragraph's quotes name (“Mr. Thaddeus Sholto,” said the
    # little man) go first, so that once the list is turned round (latest
    # first) they come last: they are the least sure
    present = []
    for i in by_para.get(p, ()):
        for m in RUN.finditer(layout.s, i.region.start, i.region.end):
            title, name = split_name(m.group().split())
            who = cast.lookup(name, title).name if name else None
            if who:
                present.append(who)
    # of the people the narration names, those who speak somewhere in the text
    # (not a painter the narration mentions: an epithet at a cue is a speaker's)
    present += [who for _, who in cast.named_in(layout.paras[lo].start, layout.paras[p].end) if who in speaking]
    for q in range(lo, p + 1):
        present += [i.speaker for i in by_para.get(q, ()) if i.named and i.speaker and i.speaker[0] != _UNNAMED]
    sentence = layout.sentence_at(item.attribution.mention_pos) if item.attribution else layout.sentence_at(item.region.start)
    excluded = {who for _, who in cast.named_in(sentence.start, sentence.end)}
    for q in (p - 1, p + 1):
        excluded.update(i.speaker for i in by_para.get(q, ()) if i.speaker and i.sure and i.speaker[0] != _UNNAMED)
    return Use(description, tuple(reversed([w for w in present if cast.is_person(w)])), frozenset(excluded))


def _paragraph_speaker(item: _Item, description: str, by_para: dict[int, list[_Item]], cast: Cast) -> str | None:
    """The person a description at a cue is because a novel gives a paragraph to
    one speaker: the one another quote of the paragraph is said by, by name,
    when the description fits them (*“I told you before,” replied Nancy ... “I
    don't know why it is,” said the girl*). None when the paragraph's named
    quotes are two people's, or when the description says a gender (*girl*)
    that the text does not give the person."""
    others = {other.speaker for other in by_para.get(item.para, ()) if other is not item and other.named
              and other.sure and other.speaker and other.speaker[0] != _UNNAMED}
    if len(others) != 1:
        return None
    who = next(iter(others))
    gender = gender_of_words(description.split())
    return who if gender is None or cast.gender(who) == gender else None


def _name_the_unnamed(items: list[_Item], cast: Cast, dialogue: bool = False) -> None:
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
      answer *the girl* with *“Nancy, ...”*.
    * In a novel, a description is also the person who says, by name, the
      other quote of its paragraph (:func:`_paragraph_speaker`); else it is
      read from the scenes it is used in (:func:`kit.quotes.dialogue.name_descriptions`).

    Those not named get no speaker and a note."""
    unnamed = {i.speaker for i in items if i.speaker and i.speaker.startswith(_UNNAMED)}
    if not unnamed:
        return
    by_para: dict[int, list[_Item]] = {}
    for item in items:
        by_para.setdefault(item.para, []).append(item)

    def addressed_next_to(item: _Item) -> list[str]:
        found = []
        for p in (item.para - 1, item.para + 1):
            for other in by_para.get(p, ()):
                if other.speaker != item.speaker:
                    who = _addressed([other], cast, other.speaker or "")
                    if who:
                        found.append(who)
        return found

    named = {i.speaker for i in items if i.named and i.how == "cue"}  # the narrator is never named so
    names: dict[tuple[str, int], str] = {}  # (description, conversation) -> name; (I, -1) for the narrator
    votes: dict[tuple[str, int], Counter] = {}
    keys: list[tuple[_Item, tuple[str, int]]] = []  # each unnamed quote and what names it
    conversation, last_para = 0, None
    for item in items:
        if last_para is not None and item.para > last_para + 1:
            conversation += 1
        last_para = item.para
        if item.speaker in unnamed:
            key = (item.speaker, -1 if item.speaker == _ME else conversation)
            keys.append((item, key))
            votes.setdefault(key, Counter()).update(addressed_next_to(item))
    for key, counter in votes.items():
        if key[0] == _ME:
            ranked = [(who, n) for who, n in counter.most_common() if who not in named][:2]
            if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
                names[key] = ranked[0][0]
        elif dialogue:  # news quotes seldom address anyone: “..., Benito Mussolini, specifically”
            gender = gender_of_words(key[0][1:].split())  # the girl: f; the doctor: not said
            fitting = [who for who in counter if cast.gender(who) == gender or gender is None]
            if len(fitting) == 1 and (len(counter) == 1 or gender is not None):
                names[key] = fitting[0]
    in_paragraph: dict[int, str] = {}  # id(quote) -> the one who says the other quote of its paragraph
    for item, key in keys:
        if dialogue and key not in names and key[0] != _ME:
            who = _paragraph_speaker(item, key[0][1:], by_para, cast)
            if who is not None:
                in_paragraph[id(item)] = who
    left = [(item, key) for item, key in keys if key not in names and key[0] != _ME and id(item) not in in_paragraph]
    if dialogue and left:
        opened = {}  # paragraph -> where the quote that runs over it opens
        for item in items:
            for q in range(item.para + 1, cast.layout.para_of(item.region.end) + 1):
                opened[q] = item.para
        speaking = {i.speaker for i in items if i.named and i.speaker}
        uses = [_use(item, key[0][1:], by_para, cast, opened, speaking) for item, key in left]
        for (item, key), who in zip(left, name_descriptions(uses, cast.gender)):
            if who is not None:
                names[(key[0], key[1], id(item))] = who
    for item, key in keys:
        addressed = names.get(key)
        item.speaker = addressed or in_paragraph.get(id(item)) or names.get((key[0], key[1], id(item)))
        if item.speaker is None:
            item.note = NARRATOR if key[0] == _ME else item.note
            item.how = ""
        elif key[0] != _ME:  # the note says how the description was read, not that it could not be
            said = key[0][1:]  # the description: "the girl"
            item.note = (f"“{said}” is {item.speaker}: the turns around it speak to {item.speaker} by name"
                         if addressed else
                         f"“{said}” is {item.speaker}, who says the other quote of its paragraph"
                         if id(item) in in_paragraph else
                         f"“{said}” read as {item.speaker}, who is in the scenes where the text says “{said}”")
