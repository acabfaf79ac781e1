"""Step 4 of attribution: a quote with no cue of its own takes the speaker around it.

Each quote is an :class:`Item` while it is being attributed. One with no
reporting verb and mention of its own (*“We must.”*) is given, in this order:

1. the speaker of its paragraph: an earlier quote or report, a later quote,
   or the narration (*Elinor coloured. “...”*);
2. in news, the speaker going on from the paragraph before;
3. in a dialogue (a novel), the speaker whose turn it is
   (:func:`kit.quotes.dialogue.take_turns`);
4. in a dialogue, a story told over many paragraphs goes on with its teller
   when a listener cuts in (:func:`_stories_go_on`).

What the neighbouring quotes address someone by (:func:`names_addressed`)
tells turns apart: the one addressed answers.

>>> from kit.quotes.attribution import attribute
>>> [(a.speaker, a.how) for a in attribute("“We will win,” said Jane Doe. “We must.”")]
[('Jane Doe', 'cue'), ('Jane Doe', 'paragraph')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kit.quotes.cast import Cast
from kit.quotes.dialogue import (
    REJOINDERS,
    REPLY_VERBS,
    SHORT_LINE,
    Signs,
    Turn,
    answered_as,
    answered_by,
    only_names,
    reports_speech,
    take_turns,
)
from kit.quotes.layout import MASK, Layout
from kit.quotes.marks import Region
from kit.quotes.mentions import Attribution, addressee, last_clause, report_before
from kit.quotes.names import (
    INDEFINITE,
    PERSON_HEADS,
    PRONOUN_GENDER,
    RUN,
    gender_of_words,
    is_bare_plural,
    is_group,
    name_key,
)
from kit.quotes.phrases import np_kind
from kit.quotes.resolve import DESCRIBED, NARRATOR, UNNAMED, Resolver, Speaker
from kit.quotes.subjects import sentence_subject

__all__ = ["Item", "ME", "answers_by_name", "dialogue_signs", "drop_common_words", "fill", "first_addressed",
           "names_addressed", "said_to", "same_cue", "unnamed_as_written"]

ME = DESCRIBED + "I"
"""The speaker of a quote said by "I", while the text has not said who the narrator is."""

_NEARBY = 12
"""How many paragraphs of narration before a conversation are read for the people who may speak in it."""

_MIN_MENTIONS = 2
"""How often the whole text must name a person for the narration's mention of
them to make them a likely speaker of an unmarked turn (not *Mr. Someone
Something*, named once in a joke)."""


class Item:
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
                self.speaker = ME
            elif self.speaker is None and how == "cue" and self.attribution and _definite(self.attribution.mention):
                self.speaker = DESCRIBED + _definite(self.attribution.mention)  # "the girl", named later if the text says
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


def dialogue_signs(items: list[Item], layout: Layout, cast: Cast) -> Signs:
    """How the quotes of a text follow one another, for :func:`kit.quotes.dialogue.is_dialogue`."""
    first: dict[int, str] = {}
    by_para: dict[int, list[Item]] = {}
    said_pronoun = 0
    for item in items:
        by_para.setdefault(item.para, []).append(item)
        if item.para not in first and item.named and item.speaker:
            first[item.para] = item.speaker
        a = item.attribution
        pronoun = (a.mention or "").lower() if a is not None and a.cue and a.where == "after" else ""
        if pronoun == "i" or pronoun in ("he", "she") and a.cue in layout.s[item.region.mark_end : a.mention_pos]:
            said_pronoun += 1  # “...,” said he; “...,” said I or I answered: the narrator's own cue
    lines = [p for p, its in by_para.items() if p - 1 in by_para and _short_line(its, layout)]
    run = exchange = 0
    for n, p in enumerate(lines):
        run = run + 1 if n and lines[n - 1] == p - 1 else 1
        exchange = max(exchange, run)
    addresses = sum(1 for item in items if names_addressed(item, cast))
    replies = sum(1 for item in items if item.attribution is not None and item.attribution.cue
                  and item.attribution.cue.split()[0].lower() in REPLY_VERBS)
    answers = sum(1 for p, its in by_para.items() if p + 1 in by_para and _asks(its[-1], layout))
    rejoinders = sum(1 for p, its in by_para.items() if p - 1 in by_para and _rejoins(its[0], layout))
    return Signs([(first[p], first[p + 1]) for p in first if p + 1 in first], said_pronoun, len(lines), exchange,
                 addresses, replies, answers, rejoinders)


def _rejoins(item: Item, layout: Layout) -> bool:
    """Whether a quote opens its paragraph with a rejoinder set off by a comma or a
    stop (*“No, she didn't.”*, *“Well, hardly that.”*; :data:`~kit.quotes.dialogue.REJOINDERS`)."""
    if layout.s[layout.paras[item.para][0] : item.region.mark_start].strip():
        return False  # narration before it
    words = layout.s[item.region.start : item.region.end].split(maxsplit=1)
    return bool(words) and words[0][-1:] in ",.!?;" and words[0][:-1].lower() in REJOINDERS


def _asks(item: Item, layout: Layout) -> bool:
    """Whether a quote asks a question (its words end with a question mark)."""
    return layout.s[item.region.start : item.region.end].rstrip(" \n,.\"'”’").endswith("?")


def _short_line(its: list[Item], layout: Layout) -> bool:
    """Whether a paragraph is a short line of speech: its quotes and nothing else, with no cue."""
    start, end = layout.paras[its[0].para]
    if end - start > SHORT_LINE or any(i.attribution is not None and i.attribution.mention for i in its):
        return False
    outside = layout.s[start:its[0].region.mark_start] + "".join(
        layout.s[a.region.mark_end : b.region.mark_start] for a, b in zip(its, its[1:])) + layout.s[its[-1].region.mark_end : end]
    return not any(c.isalnum() for c in outside)


def drop_common_words(items: list[Item], cast: Cast) -> None:
    """In a dialogue (a novel), who speaks is a character. A single capitalised
    word at a cue that is no one of the cast and that the text mostly writes in
    lower case is an ordinary word opening the sentence (*Rather a hard voice
    said*, *Very soon the Rabbit called out*, *All the way home*), not a
    speaker: the quote is left to the turns of the conversation. (In news a
    group speaks as written, *Aides said*, so this is for dialogue only.)"""
    for item in items:
        who = item.speaker
        if who and " " not in who and not who.startswith((DESCRIBED, ME)) and not cast.is_person(who) \
                and cast.is_common_word(who):
            item.set(None, "")
            item.sure = item.named = False


def unnamed_as_written(items: list[Item], layout: Layout, resolver: Resolver) -> None:
    """News: a speaker the text introduces by an indefinite description (*a senior
    Cruz adviser*, *one Clinton aide*, *some Republicans*, *a person close to
    the Clintons*) is the speaker as written, with the note
    :data:`~kit.quotes.resolve.UNNAMED`, as a group is (*Aides said*). The
    mention takes the post-modifier the description reads on to (*a person
    close* -> *a person close to the Clintons*). A dialogue leaves them with
    no speaker: in a novel, *a voice* or *a man* is someone new to the scene,
    whom the turns cannot name either (:func:`_introduces_someone`). The
    quotes are resolved again here, once the text is known not to be a
    dialogue; those that follow with no cue of their own
    take the speaker on (:func:`fill`), but *he* and *she* still skip it,
    as before: the voices resolved are left as they were. A definite
    description that takes one up again (*said the senior Cruz adviser*,
    :func:`_same_source`) is that speaker too."""
    resolver.as_written = True
    sources: list[tuple[list[str], Speaker]] = []  # the unnamed speakers so far: their words, and them
    for item in items:
        found = item.attribution
        unresolved = item.speaker is None or item.speaker.startswith(DESCRIBED)  # (a placeholder: "the adviser")
        if found is not None and found.mention is not None and unresolved and found.mention.split()[0].lower() == "the":
            same = _same_source(found.mention, sources)
            if same is not None:  # a senior Cruz adviser said ... “...,” said the senior Cruz adviser
                item.set(same, "cue")
            continue
        if found is None or found.mention is None or name_key(found.mention.split()[0]) not in INDEFINITE \
                and not is_bare_plural(found.mention.split()):
            continue
        speaker = resolver.resolve(found.mention, found.mention_pos, found.appositive)
        if speaker.name is None:
            continue  # (a spokesman for Platte River is Platte River, through the spokesman)
        item.set(speaker, "cue")
        if speaker.note == UNNAMED:
            sources.append(([w.lower() for w in found.mention.split()[1:]], speaker))
        words = speaker.name.split()
        if len(words) > len(found.mention.split()):  # a person close -> a person close to the Clintons
            m = re.compile(r"\s+".join(map(re.escape, words))).match(layout.s, found.mention_pos)
            if m:
                item.attribution = found._replace(mention=m.group())


def _same_source(mention: str, sources: list[tuple[list[str], Speaker]]) -> Speaker | None:
    """The latest unnamed speaker (``sources``: the words of each description, lower-case,
    and the speaker) that a definite description takes up again: its noun and every other
    word of it are the earlier one's (*the senior Cruz adviser*, *the adviser* after
    *a senior Cruz adviser*).

    >>> adviser = (["senior", "cruz", "adviser"], Speaker("a senior Cruz adviser", UNNAMED))
    >>> _same_source("the adviser", [adviser]).name, _same_source("the senior aide", [adviser])
    ('a senior Cruz adviser', None)
    """
    words = [w.lower() for w in mention.split()[1:]]
    return next((speaker for earlier, speaker in reversed(sources)
                 if words and earlier and earlier[-1] == words[-1] and set(words) <= set(earlier)), None)


def fill(items: list[Item], layout: Layout, cast: Cast, resolver: Resolver, dialogue: bool) -> None:
    """Give each quote with no speaker of its own the speaker around it (the dialogue module's rules)."""
    by_para: dict[int, list[Item]] = {}
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
        #    then it is the one who spoke before them; and a question the
        #    narration says was asked of someone is answered by them
        if not dialogue and here[0] is item and item.para > 0 and not _has_own_cue(item):
            last = by_para.get(item.para - 1, [])
            asked = _asked(layout, cast, resolver, last[-1], item) if last else None
            if asked is not None:
                item.set(asked, "vocative")  # “Shall we go?” Nell asked Tom. / “Yes.”: the one asked answers
                continue
            voice = _last_voice(layout, resolver, last[-1] if last else None,
                                layout.paras[item.para - 1].start, layout.paras[item.para].start)
            addressed = names_addressed(item, cast)
            if voice is not None and voice.name in addressed and item.para > 1:
                before = [i.speaker for i in by_para.get(item.para - 2, []) if i.speaker]
                voice = Speaker(before[0]) if before and before[0] not in addressed else None
            elif voice is not None and voice.note == NARRATOR and last and any(
                    a for a in addressed if a not in {i.speaker for i in items if i.named}):
                before = [i.speaker for i in by_para.get(item.para - 2, []) if i.speaker]
                voice = Speaker(before[0]) if before and before[0] != ME else None
            if voice is None and not last and len(here) == 1 and not _narration(layout, item):
                # a paragraph that is only the quote, after one of narration: whom that one ends about
                # (Viguerie is upbeat about Cruz’s chances ... / “Not only can Ted Cruz win ...”)
                who = _last_subject(layout, cast, resolver, item.para - 1)
                voice = Speaker(who) if who and who not in addressed else None  # (not the one it calls by name)
            if voice is not None:
                item.set(voice, "previous paragraph")
    if dialogue:  # 3. a dialogue: turns; 4. a story goes on with its teller
        _take_turns(by_para, layout, cast, resolver)
        _stories_go_on(items, layout)


def _asked(layout: Layout, cast: Cast, resolver: Resolver, question: Item, item: Item) -> str | None:
    """The person the narration says ``question``, a quote that asks something,
    was said to (*Nell asked Tom*, *said Nell, turning to Tom*): the one who
    answers it in ``item``, the next paragraph's quote; None if it says no one
    of the cast, or the one who asked."""
    if question.attribution is None or not layout.s[question.region.start : question.region.end].rstrip().endswith("?"):
        return None
    to = said_to(layout, cast, resolver, question.attribution, item.region.mark_start)
    return to if to and to != ME and not to.startswith(DESCRIBED) and to != question.speaker else None


def _narration(layout: Layout, item: Item) -> bool:
    """Whether the paragraph of a quote has words outside its marks."""
    start, end = layout.paras[item.para]
    return bool(layout.masked[start : item.region.mark_start].strip(" \t\n") or
                layout.masked[item.region.mark_end : end].strip(" \t\n.,"))


def _has_own_cue(item: Item) -> bool:
    """Whether a quote has a reporting verb of its own (whose subject could not be
    read): then it is not the speaker of the paragraph before going on
    (*Ryan’s staff shrugged it off, telling reporters, “...”*)."""
    return item.attribution is not None and item.attribution.cue is not None


def _from_paragraph(item: Item, here: list[Item], layout: Layout, resolver: Resolver) -> bool:
    """Rule 1: the speaker of an earlier quote or report in the paragraph, else of a
    later quote with a cue, else the person its narration is about."""
    r = item.region
    n = here.index(item)  # (a paragraph's quotes are in the order of the text)
    voice = _last_voice(layout, resolver, here[n - 1] if n else None, layout.paras[item.para].start,
                        r.mark_start)
    if voice is not None and (voice.name or voice.note):
        item.set(voice, "paragraph")
        return True
    later = next((i for i in here[n + 1 :] if i.how == "cue" and i.speaker), None)
    if later is not None:
        item.set(later.speaker, "paragraph")
        item.sure = later.sure
        return True
    about = _narration_subject(layout, resolver, item.para, r, here)
    if about is not None:
        if about.who:
            item.set(Speaker(about.who, about.note), "paragraph")
            item.sure = about.named
            return True
    return False


def _take_turns(by_para: dict[int, list[Item]], layout: Layout, cast: Cast, resolver: Resolver) -> None:
    """Rule 3: read the turns of each conversation (:func:`kit.quotes.dialogue.take_turns`)."""
    turns: list[Turn] = []
    firsts: list[Item | None] = []
    for p in sorted(by_para):
        its = by_para[p]
        first = its[0]
        reported = _reported_by(layout, cast, resolver, p - 1) if p > 0 and p - 1 not in by_para else None
        mention = first.attribution.mention if first.attribution is not None else None
        if reported is not None and first.speaker == reported and mention and mention.lower() in ("he", "she"):
            # Marilla told the whole story to Matthew. / “...,” she concluded: the
            # quote's own "she" is the one who told it, who goes on; no turn between
            reported = None
        if reported is not None:  # Elinor told him the number. / “...”: Elinor has had her turn
            turns.append(Turn(p - 1, reported, fixed=True, nearby=_nearby(layout, cast, p - 1)))
            firsts.append(None)
        gender = PRONOUN_GENDER.get(mention.lower()) if mention and mention.lower() in ("he", "she", "his", "her") else None
        if gender is None and mention and np_kind(mention) == "descriptor":
            gender = gender_of_words(mention.split())  # said his father, said the clergyman: a man
        speaker = next((i.speaker for i in its if i.speaker), None)
        own = speaker is not None
        if speaker is None and p > 0 and p - 1 not in by_para and reported is None:
            speaker = _last_subject(layout, cast, resolver, p - 1)  # Mr. Beebe came to the rescue.
        addressed = tuple(dict.fromkeys([*(a for i in its for a in names_addressed(i, cast)),
                                         *_said_to(its, layout, cast, resolver)]))
        said = " ".join(layout.s[i.region.start : i.region.end] for i in its)
        calls = bool(addressed) and only_names(said)  # “Eleanor!”: a name and nothing else
        led = bool(layout.masked[layout.paras[p].start : first.region.mark_start].strip(" \t\n"))
        # a speaker read from the narration before is likely, not sure: after "Louisa
        # sat down", “My dear Louisa,” said her father is not Louisa's
        fixed = bool(speaker) and (first.sure and own or _to_oneself(layout, first))
        last = layout.para_of(its[-1].region.end)
        done = max(its[-1].region.mark_end, its[-1].attribution.end if its[-1].attribution else 0)
        trailed = any(sentence.start >= done for sentence in layout.sentences(last))
        turns.append(Turn(p, speaker, fixed=fixed, gender=gender, addressed=addressed,
                          nearby=_nearby(layout, cast, p), last=last, calls=calls,
                          led=led, trailed=trailed))
        firsts.append(first)
    alias = answered_as(turns)  # “... Fagin?” / “...,” said the Jew: one person
    for turn in turns:
        turn.addressed = tuple(dict.fromkeys(alias.get(a, a) for a in turn.addressed))
        turn.nearby = tuple(dict.fromkeys(alias.get(a, a) for a in turn.nearby))

    narrator = _narrator_called(turns)

    def gender_of(name: str) -> str | None:
        if name == ME or name in narrator:
            return "I"  # the narrator says "I", never "he" or "she"
        return gender_of_words(name[1:].split()) if name.startswith(DESCRIBED) else cast.gender(name)

    for n, (turn, first, speaker) in enumerate(zip(turns, firsts, take_turns(turns, gender_of))):
        if first is None:
            continue  # speech the narration reports: no quote to give a speaker
        own = next((i.speaker for i in by_para[turn.para] if i.speaker), None)
        if speaker is None or speaker == own or _introduces_someone(first.attribution):
            continue
        how = "vocative" if n and speaker in turns[n - 1].addressed else "turn"
        for item in by_para[turn.para]:
            if not item.speaker or item is first or (item.how == "paragraph" and item.speaker == own) \
                    or same_cue(item, first):
                item.set(speaker, how)


def _narrator_called(turns: list[Turn]) -> frozenset[str]:
    """The names a turn addresses when the narrator (*I*) answers it and no one
    else does, of people no turn names as its speaker: the narrator's own, so
    no turn said by *he* or *she* is theirs (*“Perhaps you are right, Watson,”
    he said.* / *“But consider!” I said.*). One such answer is enough for
    that, though not to give the narrator the name
    (:func:`kit.quotes.unnamed.name_the_unnamed` wants two). Without the
    last condition, Jonathan Small, who tells his story as *I* inside the
    quotes of The Sign of the Four, lost seven turns said by *he*."""
    named = {turn.speaker for turn in turns if turn.fixed}  # (who speaks by name is not the narrator)
    return frozenset(name for name, by in answered_by(turns).items() if set(by) == {ME} and name not in named)


_SOMEONE = frozenset("somebody someone anybody anyone nobody".split())


def _introduces_someone(attribution: Attribution | None) -> bool:
    """Whether a quote's own cue names its speaker as someone new to the scene: an
    indefinite description (*said a voice*, *cried a little ugly hump-backed man*,
    *one of the women said*) or *somebody*. The turns of a conversation go back
    and forth between the people in it, so they cannot say who this is; the text
    has just said it does not, and the quote keeps no speaker. (In the novels of
    PDNC, about three in four of the speakers the turns gave such quotes were
    wrong.) *Two* in *said Two*, capitalised inside a sentence, is a name
    (Alice's playing card).

    >>> _introduces_someone(Attribution("said", "a voice", 0)), _introduces_someone(Attribution("said", "Two", 0))
    (True, False)
    """
    if attribution is None or not attribution.mention:
        return False
    first = attribution.mention.split()[0]
    low = first.lower()
    return low in ("a", "an") or first.islower() and (low in INDEFINITE or low in _SOMEONE)


_STORY = 3
"""How many paragraphs a quotation must run over to be a story told in quotation marks
(each paragraph opens with a mark, and only the last one closes)."""
_STORY_BREAK = 6
"""The most paragraphs that may stand between two parts of one story: the listeners'
remarks (*“Go on with your story,” said Holmes*)."""


def _stories_go_on(items: list[Item], layout: Layout) -> None:
    """Rule 4: a story told in quotation marks over many paragraphs goes on with its teller.

    A listener's remark may cut a story in two (*“Go on with your story,” said
    Holmes, shortly.*). The next part, as long again and with no cue of its own,
    is still the teller's, whatever the turns around it would make it: the
    listeners speak a line or two, the teller whole pages. So a quote of
    :data:`_STORY` paragraphs or more, no more than :data:`_STORY_BREAK`
    paragraphs after the last such quote, takes that one's speaker. (In the
    novels of PDNC this reads the second half of Jonathan Small's story in The
    Sign of the Four, 48 annotated quotes, all right; no other quote of the
    eight novels, of PolNeAR's 840 articles or of War and Peace changes.)"""
    teller: Item | None = None
    for item in items:
        last = layout.para_of(item.region.end - 1)
        if last - item.para + 1 < _STORY:
            continue
        own = item.attribution is not None and item.attribution.mention is not None
        if teller is not None and item.para - layout.para_of(teller.region.end - 1) <= _STORY_BREAK \
                and teller.speaker and not own and item.how in ("turn", "vocative", ""):
            item.set(teller.speaker, "story")
        teller = item


_ONESELF = re.compile(rf"[^.;:!?“”\"{MASK}]{{0,40}}?(?<![\w’'-])to\s+(?:her|him|them)sel(?:f|ves)(?![\w’'-])")
"""*to herself* in the clause after a cue's mention (*she said to herself*, *said Alice to herself, rather sharply*)."""
_THINKING = ("thought", "thinks", "think", "wondered", "wonders")


def _to_oneself(layout: Layout, item: Item) -> bool:
    """Whether a quote is said to oneself (*she said to herself*, *thought Alice*): no
    turn of a conversation, so its own cue's speaker stands, even when it is
    *she*, and even when the turn before was theirs too (Alice talks to herself
    for paragraphs on end)."""
    found = item.attribution
    if found is None or found.cue is None or found.mention is None:
        return False
    if found.cue.split()[0].lower() in _THINKING:
        return True
    return _ONESELF.match(layout.masked, found.mention_pos + len(found.mention)) is not None


def same_cue(item: Item, first: Item) -> bool:
    """Whether two quotes share one cue (*“No, Elinor,” she replied, “ask nothing.”*): one
    cue says one thing, so they have one speaker."""
    a, b = item.attribution, first.attribution
    return a is not None and b is not None and a.mention is not None and a.mention_pos == b.mention_pos


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
    subject (:func:`~kit.quotes.subjects.sentence_subject`), or, when that is
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
    or *she*: that was their turn, and the next quote answers it (unless that
    quote's own *he* or *she* is them: :func:`_take_turns`)."""
    start, end = layout.paras[p]
    if not reports_speech(layout.s[max(start, end - _TAIL) : end]):
        return None  # (read first in the paragraph's end, not split into sentences: most paragraphs say no such thing)
    last = layout.sentences(p)[-1] if layout.sentences(p) else None
    if last is None or not reports_speech(layout.s[last.start : last.end]):
        return None
    return _last_subject(layout, cast, resolver, p)


_TAIL = 400
"""How many characters at the end of a paragraph are read for a report first (more than most sentences)."""


def said_to(layout: Layout, cast: Cast, resolver: Resolver, attribution: Attribution, stop: int) -> str | None:
    """Whom the narration says a quote is said to (*said Lucy to Cecil*, *he asked
    the vicar*, *she whispered to Jane:*, *he said to me*, *she asked him*: the
    man *he* would be there;
    :func:`kit.quotes.mentions.addressee`, read up to ``stop``): a person of the
    cast, the narrator (:data:`ME`), a description of a person (:data:`~kit.quotes.resolve.DESCRIBED`
    and the words), or None."""
    to = addressee(layout, attribution, stop)
    if to is None:
        return None
    words, at = to
    if words == "me":
        return ME
    if words in ("him", "her"):  # she asked him: the man "he" would be there
        who = resolver.pronoun("he" if words == "him" else "she", at).name
        return who if who and cast.is_person(who) else None
    who = resolver.resolve(words, at, at_cue=False).name
    if who and cast.is_person(who):
        return who
    return DESCRIBED + words.lower() if who is None and _definite(words) else None


def _said_to(its: list[Item], layout: Layout, cast: Cast, resolver: Resolver) -> list[str]:
    """The people the narration says a paragraph's quotes are said to (:func:`said_to`):
    the next turn may be said by them."""
    found = []
    for n, item in enumerate(its):  # (its quotes are in the order of the text)
        if item.attribution is None:
            continue
        end = its[n + 1].region.mark_start if n + 1 < len(its) else layout.paras[item.para].end
        who = said_to(layout, cast, resolver, item.attribution, end)
        if who is not None:
            found.append(who)
    return found


def _last_voice(layout: Layout, resolver: Resolver, quote: Item | None, start: int, end: int) -> Speaker | None:
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
        return Speaker(quote.speaker, quote.note) if quote.speaker != ME else Speaker(None, NARRATOR)
    return None


class _About(NamedTuple):
    """Whom the narration of a quote's paragraph is about."""

    who: str | None
    named: bool
    """Whether the narration names them (not just "he")."""
    note: str | None = None
    """The note on who they are (:data:`~kit.quotes.resolve.UNNAMED`: a group the news does not name)."""


def _narration_subject(layout: Layout, resolver: Resolver, p: int, r: Region, here: list[Item]
                       ) -> _About | None:
    """The person the narration of a quote's paragraph is about: the subject of its
    sentence before the quote (or of the sentence before, when the quote opens
    its sentence: *Dianne Bystrom agreed. “...”*), else of the sentence right
    after it (*“...” She sighed.*), when that sentence ends before the
    paragraph's next quote (*“Very well.” Marilla's crispness gave no sign of
    her relief. “I'll take you down.”*), or of the beat set between dashes
    before that quote (*“I have news”—Thorne sat down—“the mill is sold.”*).
    A call (*Alas!*) is no subject, nor is a word that opens a sentence but
    that the text mostly writes in lower case (*Which so tickled the crowd*)
    and that no one of the cast is called. A person the narration only
    describes (*The girl rose. “...”*, *My visitor shook his head. “...”*:
    :func:`_described_person`) is that description, to be named later
    if the text says who (:func:`kit.quotes.unnamed.name_the_unnamed`)."""
    sentence = layout.sentence_at(r.mark_start)
    spans = []
    if sentence.start < r.mark_start and layout.masked[sentence.start : r.mark_start].strip():
        # (from the last clause with a subject of its own: Lopez signed it, while Reed said “...”)
        spans.append((last_clause(layout.masked, sentence.start, r.mark_start), r.mark_start))
    elif sentence.start > layout.paras[p].start and not any(i.region.start < r.start for i in here):
        before = layout.sentence_at(sentence.start - 1)  # Dianne Bystrom agreed. “...”
        spans.append((before.start, before.end))
    end = layout.paras[p].end
    later = next((i.region.mark_start for i in here if i.region.start > r.start), None)
    if r.mark_end < end:
        after = layout.sentence_at(min(end - 1, r.mark_end + 1))
        start = max(after.start, r.mark_end)
        # (before the paragraph's next quote, a whole sentence of its own: “Very well.” Marilla's
        # crispness gave no sign of her relief. “I'll take you down after milking.”)
        if layout.masked[start : after.end].strip() and (later is None or after.end <= later):
            spans.append((start, after.end))
        elif later is not None and after.end > later:
            beat = _BEAT.fullmatch(layout.masked, r.mark_end, later)
            if beat:
                spans.append(beat.span("beat"))  # “I have news”—Thorne sat down—“the mill is sold.”
    cast = resolver.cast
    for start, stop in spans:
        subject = _about(layout, start, stop)
        kind = np_kind(subject[0]) if subject else None
        if kind == "name" and (subject[0][-1] in "!?" or " " not in subject[0] and not cast.is_person(subject[0])
                               and cast.is_common_word(subject[0])):
            continue  # a call (Alas! | Oliver!), or an ordinary word opening the sentence (Which so tickled them)
        if kind in ("name", "pronoun"):
            return _About(resolver.resolve(*subject).name, kind == "name")
        if kind == "descriptor" and resolver.as_written and is_group(subject[0].split()):
            return _About(subject[0], True, UNNAMED)  # Clinton officials were thrilled with “...”: the group
        described = _described_person(subject[0]) if kind == "descriptor" else ""
        if described:
            # The girl rose. “I will fetch it.”: a person the text describes (and may name
            # later, as it does one said by "said the girl"), not the one who spoke before
            return _About(resolver.resolve(*subject).name or DESCRIBED + described, True)
    return None


def _described_person(words: str) -> str:
    """A description of a person that narration may be about, lower-cased, else "":
    *the girl*, *the old lady*, *the visitor*, *my companion* (its noun says a
    gender or is a person's); not *the mill*.

    >>> _described_person("The old lady"), _described_person("My visitor"), _described_person("The mill")
    ('the old lady', 'my visitor', '')
    """
    found = words.split()
    if found[0].lower() == "the":
        described = _definite(words)
    elif found[0].lower() == "my" and len(found) == 2:
        described = words.lower()
    else:
        return ""
    return described if described and (gender_of_words(found[1:]) or name_key(found[-1]) in PERSON_HEADS) else ""


_BEAT = re.compile(r"(?:[—–]|--)\s*(?P<beat>[A-Z][^—–.;:!?“”\"\x1a]{2,80}?)\s*(?:[—–]|--)")
"""Narration set between dashes inside a line of speech: *“I have news”—Thorne sat
down—“the mill is sold.”* (a beat of the speaker's, who is its subject)."""


def names_addressed(item: Item, cast: Cast) -> list[str]:
    """The people of the cast that a quote addresses by name (read once per quote)."""
    if item.addressed is not None:
        return item.addressed
    # only the quote's first paragraph: a story told over several paragraphs
    # addresses its listeners there; the names later on are its own people's
    end = min(item.region.end, cast.layout.paras[item.para].end)
    item.addressed = cast.addressed_in(cast.layout.s[item.region.start : end])
    return item.addressed


_ASKED_BACK = 12
"""How many quotes back :func:`answers_by_name` looks for the paragraph before (a text
with no paragraphs has none)."""


def answers_by_name(before: list[Item], item: Item, cast: Cast, gender: str) -> str | None:
    """Who "he" or "she" is at the cue of ``item`` when the quotes of the paragraph
    before it (or the one before that, with narration between) ask a question
    of someone by name: that person, if the text shows them to be of that gender
    and they are not the one asking (*“Oh, Mr. Beebe, have you heard the news?”*
    / *Freddy whistled the wedding march.* / *“Indeed I have!” he cried*: Mr.
    Beebe, not Freddy, the nearer subject). ``before`` are the quotes read so
    far. A question put by name is answered by the one it names: in the novels
    of PDNC this reading changed 13 speakers (with the quotes and turns that
    follow them), each from a wrong one to the one annotated."""
    last: list[Item] = []  # the quotes of the latest paragraph before the item's own
    for i in reversed(before[-_ASKED_BACK:]):
        if last and i.para != last[0].para:
            break
        if i.para != item.para:
            last.insert(0, i)
    if not last or item.para - last[0].para > 2:
        return None
    asked = cast.layout.s[last[-1].region.start : last[-1].region.end].rstrip()
    if not asked.endswith("?"):
        return None
    askers = {i.speaker for i in last}
    called = dict.fromkeys(who for i in last for who in names_addressed(i, cast)
                           if who not in askers and cast.gender(who) == gender)
    return next(iter(called)) if len(called) == 1 else None


def first_addressed(turn: list[Item], cast: Cast, speaker: str) -> str | None:
    """The person the quotes of a turn address by name, if one of the cast and not the speaker."""
    for item in turn:
        for who in names_addressed(item, cast):
            if who != speaker:
                return who
    return None
