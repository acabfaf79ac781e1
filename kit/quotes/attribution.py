"""The steps put together: who said each quote of one text.

1. find the marks (:mod:`kit.quotes.marks`), and read the text around them
   (:mod:`kit.quotes.layout`);
2. find the cue (:mod:`kit.quotes.cues`) and the mention
   (:mod:`kit.quotes.mentions`), and leave out scare quotes
   (:mod:`kit.quotes.scare`);
3. resolve the mention (:mod:`kit.quotes.resolve`) against the cast of the
   text (:mod:`kit.quotes.cast`);
4. in a story, leave out the phrases the narration quotes
   (:func:`kit.quotes.scare.is_narrated_phrase`), the letters it copies
   out (:mod:`kit.quotes.letters`) and what no one says as their own (words
   read aloud, written, or set off as verse: :mod:`kit.quotes.unspoken`),
   and in an article its subheadings
   (:func:`kit.quotes.scare.is_subheading`); give quotes with no cue
   the speaker around them: their paragraph, the speaker going on (news),
   or the turns of a dialogue (novels) (:mod:`kit.quotes.context`,
   :mod:`kit.quotes.dialogue`);
5. name the narrator and the people a novel knows only by a description
   (:mod:`kit.quotes.unnamed`).

A text written in capitals (:func:`kit.quotes.layout.in_capitals`) has its
quotes found, but no speakers: the kit reads names by their capitals, and
there every word has them.

>>> text = "Jane Doe spoke first. “We will win,” she said.\\n\\n“We must.”"
>>> [(a.speaker, a.how) for a in attribute(text)]
[('Jane Doe', 'cue'), ('Jane Doe', 'previous paragraph')]
"""


from __future__ import annotations

from typing import NamedTuple

from kit.quotes.cast import Cast
from kit.quotes.context import (
    Item,
    answers_by_name,
    dialogue_signs,
    drop_common_words,
    fill,
    names_addressed,
    said_to,
    same_cue,
    unnamed_as_written,
)
from kit.quotes.dialogue import is_dialogue, turns_alternate
from kit.quotes.layout import Layout
from kit.quotes.letters import letter_lines
from kit.quotes.marks import Region, find_regions
from kit.quotes.mentions import Attribution, find_attribution
from kit.quotes.names import PRONOUN_GENDER
from kit.quotes.phrases import np_kind
from kit.quotes.resolve import Resolver, Voice
from kit.quotes.scare import is_gesture, is_narrated_phrase, is_scare_quote, is_subheading
from kit.quotes.subjects import sentence_subject
from kit.quotes.unnamed import name_the_unnamed
from kit.quotes.unspoken import read_aloud, reported, set_off, written
from kit.segment import paragraph_spans

__all__ = ["Attributed", "attribute"]

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
    before addressed them), "story" (the teller of a story told over many
    paragraphs goes on with it), or "" (not found)."""


def attribute(s: str, paras: list | None = None, regions: list[Region] | None = None) -> list[Attributed]:
    """Every quotation of ``s`` (scare quotes left out) with its speaker (see the module docs)."""
    paras = paragraph_spans(s) if paras is None else paras
    regions = find_regions(s, paras) if regions is None else regions
    if not regions:
        return []
    layout = Layout(s, paras, regions)
    cast = Cast(layout)
    resolver = Resolver(layout, cast)
    items: list[Item] = []
    # 1-3. each quote's own cue and mention, resolved
    for n, r in enumerate(regions):
        next_mark = regions[n + 1].mark_start if n + 1 < len(regions) else len(s)
        attribution = find_attribution(layout, r, next_mark)
        if attribution is not None and attribution.where == "after" and _long_story(layout, r):
            attribution = None  # "..." said I: the last paragraph's cue, not the story's
        if is_scare_quote(layout, r, attribution):
            continue
        item = Item(r, attribution)
        mention_pos = r.mark_start
        if attribution is not None and attribution.mention is not None:
            mention_pos = attribution.mention_pos
            shared = items[-1] if items and same_cue(item, items[-1]) else None
            addressed = frozenset()
            if attribution.mention.split()[0] in _PRONOUNS:
                # “No, Elinor,” she replied, “ask nothing”: not Elinor, in either
                # part, and not the one she says it to (she whispered to Jane:
                # “...”); “Lucy,” said her mother: Lucy's mother
                to = said_to(layout, cast, resolver, attribution,
                             r.mark_start if attribution.where == "before" else next_mark)
                addressed = frozenset(names_addressed(item, cast) + (names_addressed(shared, cast) if shared else [])
                                      + ([to] if to else []))
            item.set(resolver.resolve(attribution.mention, mention_pos, attribution.appositive, exclude=addressed),
                     "cue")
            item.named = np_kind(attribution.mention) == "name" or attribution.appositive is not None
            item.sure = np_kind(attribution.mention) != "pronoun" or attribution.mention == "I"
            subject = _named_in_sentence(layout, resolver, cast, attribution)
            if subject is not None and subject not in addressed:
                item.set(subject, "cue")  # Marianne coloured as she replied, “...”
                item.sure = True
            elif attribution.mention.lower() in PRONOUN_GENDER and not shared:
                asked = answers_by_name(items, item, cast, PRONOUN_GENDER[attribution.mention.lower()])
                if asked is not None and asked not in addressed:
                    item.set(asked, "cue")  # “Mr. Beebe, have you heard?” ... “Indeed I have!” he cried
            if shared is not None and shared.speaker != item.speaker:
                shared.set(item.speaker, "cue")  # one cue, one speaker
                resolver.voices[-1] = resolver.voices[-1]._replace(speaker=item.speaker)
        items.append(item)
        end = max(r.mark_end, attribution.end if attribution else 0)
        resolver.voices.append(Voice(end, mention_pos, item.speaker, r.para, r.mark_start))
    # 4. quotes with no speaker of their own
    signs = dialogue_signs(items, layout, cast)
    story = turns_alternate(signs)
    if story:  # a story, whose speech is set apart from the narration
        apart = letter_lines(layout, regions) | set_off(layout, regions)
        items = [i for i in items if not is_narrated_phrase(layout, i.region) and not is_gesture(layout, i.region)
                 and i.region not in apart and not written(i.attribution)]
    dialogue = is_dialogue(signs)
    if dialogue:
        drop_common_words(items, cast)
    else:  # an article, whose subheadings are set in single marks: ‘A change warrior.’
        items = [i for i in items if not is_subheading(layout, i.region)]
        unnamed_as_written(items, layout, resolver)
    fill(items, layout, cast, resolver, dialogue)
    # 5. the narrator and the people known only by a description
    name_the_unnamed(items, cast, dialogue)
    if story:  # words read aloud, or speech the narration tells, took a turn, but are no one's line
        items = [i for i in items if not read_aloud(s[i.region.start : i.region.end])
                 and not (i.attribution is None and reported(s[i.region.start : i.region.end]))]
    if layout.in_capitals:  # no name can be told from other words: never a guess
        return [Attributed(i.region, i.attribution, None, _IN_CAPITALS, "") for i in items]
    return [Attributed(i.region, i.attribution, i.speaker, i.note if i.speaker or i.note else _why_none(i.attribution),
                       i.how) for i in items]


_IN_CAPITALS = "the text is written in capitals, so its names cannot be told from other words"
"""The note of every quote of a text written in capitals (:func:`kit.quotes.layout.in_capitals`)."""


def _why_none(attribution: Attribution | None) -> str:
    """The note of a quote left with no speaker for want of words that name one
    (the steps that weigh a name or a description write their own).

    >>> _why_none(Attribution("said", "the cook", 0)), _why_none(Attribution("said", None, 0))
    ('the text does not say who “the cook” is', 'the cue “said” names no one')
    >>> _why_none(None)
    'no cue or name around it says who speaks'
    """
    if attribution is not None and attribution.mention:
        return f"the text does not say who “{attribution.mention}” is"
    if attribution is not None and attribution.cue:
        return f"the cue “{attribution.cue}” names no one"
    return "no cue or name around it says who speaks"


_LONG_STORY = 4
"""How many paragraphs a quote must run over for a cue after it to be its last
paragraph's alone. (A story that goes on with its teller when a listener cuts in
needs three: :data:`kit.quotes.context._STORY`.)"""


def _long_story(layout: Layout, r: Region) -> bool:
    """Whether a quote runs over :data:`_LONG_STORY` paragraphs or more (each opening
    with a mark, only the last closing): a story one person tells, whose
    speaker is the one who starts it (the turn it answers). A cue after its
    closing mark (*“...,” said I*) belongs to its last paragraph alone, and
    is not used for the whole."""
    return r.flag == "continued" and layout.para_of(r.end) - r.para + 1 >= _LONG_STORY


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
