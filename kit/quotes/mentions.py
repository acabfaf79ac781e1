"""Step 3: find the cue and the mention of a quote, the words that name its speaker.

The cue is looked for right after the closing mark (``“...,” the Leader said``,
``“...,” said Lukashenko``, ``“...,” was her answer``), then earlier in the
quote's own sentence (``Ayatollah Khamenei added, “...”``), then at the end
of the paragraph before, for a quote that opens its paragraph (``Then Cecil
said with great emotion:``). A quote with no
cue may still be introduced: by a label (``Okafor: “...”``), or by a colon or
a dash after a sentence whose subject is a person (``Her answer was simple:
“Not now.”``). The mention is kept as written; :mod:`kit.quotes.resolve` says
who it is.

>>> from kit.quotes.layout import Layout
>>> from kit.quotes.marks import find_regions
>>> from kit.segment import paragraph_spans
>>> s = "“We came as friends,” said Belarusian President Alexander Lukashenko."
>>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
>>> find_attribution(layout, layout.regions[0], len(s))
Attribution(cue='said', mention='Belarusian President Alexander Lukashenko', mention_pos=27, appositive=None, end=68, where='after')
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kit.quotes.cues import (
    AFTER,
    ANSWER_WAS,
    ATTRIBUTING,
    CLAUSE_BREAK,
    COMMA_NEXT,
    CUE,
    INTRODUCED,
    LABEL,
    LOOSE_AFTER,
    LOOSE_BEFORE,
    LOWER_NEXT,
    NP_AFTER_CUE,
    POSSESSIVE_SUBJECT,
    SIGNATURE,
    WITH_SUBJECT,
    cues_in,
)
from kit.quotes.layout import MASK, Layout
from kit.quotes.marks import Region
from kit.quotes.names import (
    ADVERB_PATTERN,
    ADVERBS,
    AUXILIARIES,
    DATES,
    DETERMINERS,
    FUNCTION_WORDS,
    INDEFINITE,
    PERSON_HEADS,
    POST_PREPOSITIONS,
    RUN,
    UNNAMED_HEADS,
    head_key,
    is_bare_plural,
    is_person_name,
    split_name,
)
from kit.quotes.phrases import np_kind, strip_adverbs
from kit.quotes.subjects import sentence_subject, subject_of_cue

__all__ = ["Attribution", "addressee", "can_speak", "find_attribution", "introduced_before", "last_clause",
           "later_in_sentence", "report_before", "signed_after"]


class Attribution(NamedTuple):
    """The words that attribute one quote, as written."""

    cue: str | None
    """The reporting verb ("said", "according to"), or None (a label, a colon)."""
    mention: str | None
    """The words that name the speaker ("the Leader", "he", "Lukashenko"), or None."""
    mention_pos: int
    """Where the mention starts in the text (the cue, when there is no mention)."""
    appositive: str | None = None
    """A name or role in commas after the mention: "..., said Jane Doe, the chief executive"."""
    end: int = 0
    """Where the attribution ends, when it follows the quote."""
    where: str = "after"
    """Where it was found: "after" the quote, "before" it, or "colon" (a label, colon or dash)."""


def find_attribution(layout: Layout, r: Region, next_mark: int) -> Attribution | None:
    """The cue and mention of the quote ``r``: after its closing mark, else before it.

    ``next_mark`` is where the next quote opens: an attribution never reaches it.
    A cue whose words before it cannot say who speaks (:func:`can_speak`) is
    kept only if no later reading finds a speaker, and then with no mention.
    """
    readings = (lambda: after_quote(layout, r, next_mark), lambda: before_quote(layout, r),
                lambda: later_in_sentence(layout, r, next_mark), lambda: introduced_before(layout, r),
                lambda: signed_after(layout, r), lambda: _attributing_before(layout, r))
    bare = None  # “...,” making air quotes: a cue, with no one named
    for read in readings:
        found = read()
        if found is None:
            continue
        if found.mention is None or can_speak(found.mention):
            return found
        bare = bare or found._replace(mention=None, appositive=None)
    return bare


def can_speak(mention: str) -> bool:
    """Whether words read as the subject of a cue can say who speaks: not a verb
    form, an adverb or a lone common noun, which the verb after them only looks
    like a cue beside (*making air quotes*, *bank credits*, *often labeled*,
    *having referred*, *saying in court files*, *you don’t believe*).

    >>> can_speak("the Florida senator"), can_speak("officials"), can_speak("Rubio")
    (True, True, True)
    >>> can_speak("making air"), can_speak("bank"), can_speak("often"), can_speak("you don’t")
    (False, False, False, False)
    """
    words = mention.split()
    first = words[0].lower()
    if not words[0][:1].islower() or first in DETERMINERS or first in INDEFINITE:
        return True
    if any(w.endswith(("n’t", "n't")) for w in words):
        return False  # you don’t (believe)
    if np_kind(words[0]) == "pronoun" or first == "who":
        return True
    if first.endswith("ing") or first in AUXILIARIES or first in ADVERBS or first.endswith("ly") and len(first) > 4:
        return False  # making air (quotes), having (referred), often (labeled)
    return len(words) > 1 or first.endswith("s") or first in ("people", "police")  # officials, not bank (credits)


def after_quote(layout: Layout, r: Region, next_mark: int) -> Attribution | None:
    """An attribution right after the closing mark: ``“...,” said X`` or ``“...,” X said``."""
    if r.mark_end == r.end:
        return None  # no closing mark
    s, masked = layout.s, layout.masked
    last = s[r.end - 1]
    stop = min(next_mark, layout.paras[layout.para_of(r.mark_end)].end)
    if last == "." and not COMMA_NEXT.match(masked, r.mark_end, stop) and not LOWER_NEXT.match(masked, r.mark_end, stop):
        return None  # the quote ended its sentence (not “That belongs to Lavish.” said the clergyman: a slip
        # of the pen, which the lower-case word after it shows)
    m = AFTER.match(masked, r.mark_end, stop)
    if not m:
        return _loosely(layout, r, stop)
    if last in "?!" and not LOWER_NEXT.match(masked, r.mark_end, stop) and not (
            m.group("cue2") and np_kind(m.group("np2"), at_cue=True) == "name" and len(m.group("np2").split()) <= 3
            and is_person_name(m.group("np2").split())
            or m.group("cue1")):
        return None  # “Why?” The minister ... starts a new sentence; “Why?” he asked, “Why?” Miller said do not
    if m.group("cue3"):  # “...,” adding: the speaker is the subject of the sentence
        subject = sentence_subject(layout, layout.sentence_start(r.mark_start), r.mark_start)
        return Attribution(m.group("cue3"), *subject, end=m.end()) if subject else None
    if m.group("cue4"):  # “...,” was her answer, was Marilla’s dry response, was the reply (of Mr. Limbkins)
        who = next((g for g in ("np4", "owner4", "of4") if m.group(g)), None)
        if who is None:  # was the reply: the turn says who
            return Attribution(m.group("cue4"), None, m.start("cue4"), end=m.end())
        return Attribution(m.group("cue4"), m.group(who), m.start(who), end=m.end())
    if m.group("cue5"):  # “...,” was all she said
        return Attribution(m.group("cue5"), m.group("np5"), m.start("np5"), end=m.end())
    for cue, np, appos in (("cue1", "np1", "appos1"), ("cue2", "np2", "appos2")):
        if m.group(cue):
            mention = _affiliation_cut(strip_adverbs(m.group(np)))
            kind = np_kind(mention, at_cue=True)
            if kind == "descriptor" and last.isalnum() and mention[:1].islower():
                # a phrase quoted inside a sentence runs on: the contest had been “rigged”
                # against him, a charge ... noting: not "against him" (a comma, ? or !
                # cuts a quote off before its attribution)
                return None
            if kind:
                end = m.end()
                if cue == "cue1" and not m.group(appos):
                    mention, end = _plural_group(masked, mention, m.end(np), end)
                return Attribution(m.group(cue), mention, m.start(np), m.group(appos), end)
    return _loosely(layout, r, stop)  # no speaker in the words it took ("feebly" in “...,” feebly reiterated Matthew)


def _loosely(layout: Layout, r: Region, stop: int) -> Attribution | None:
    """The looser readings of what follows a quote cut off by a comma, ? or !
    (:func:`_loose_after`, :func:`_aside_after`), when :data:`~kit.quotes.cues.AFTER` finds no speaker."""
    if layout.s[r.end - 1] not in ",?!":
        return None
    return _loose_after(layout, r, stop) or _aside_after(layout, r, stop)


_GROUP_REST = re.compile(r"(?:\s+[a-z][\w’'-]*){1,3}(?=\s*(?:[,.;:!?]|$))")
"""The lower-case words that may end an inverted group: (said Trump) aides, (said Republican) leaders."""


def _plural_group(masked: str, mention: str, np_end: int, end: int) -> tuple[str, int]:
    """An inverted mention with the plural head that follows it: *said Trump aides* is
    the aides (:func:`kit.quotes.names.is_bare_plural`), not Trump; and where it ends."""
    rest = _GROUP_REST.match(masked, np_end)
    if rest and rest.group().split()[0] not in POST_PREPOSITIONS and is_bare_plural((mention + rest.group()).split()):
        # (not "replied Monks with a smile": the words after a name may be how it was said)
        return mention + rest.group(), max(end, rest.end())
    return mention, end


def _affiliation_cut(mention: str) -> str:
    """A name with where the person works, too long to read as one noun phrase,
    cut to the name: *Stephen Vladeck of the University of Texas School of Law*
    is Stephen Vladeck (a shorter one, *Jo Ames of Acme*, stays whole, and
    :mod:`kit.quotes.resolve` reads it)."""
    words = mention.split()
    if len(words) <= 9 or "of" not in words[1:]:
        return mention
    cut = " ".join(words[: words.index("of", 1)])
    return cut if np_kind(cut, at_cue=True) == "name" else mention


def _loose_after(layout: Layout, r: Region, stop: int) -> Attribution | None:
    """A quote that opens its sentence, cut off by a comma (or ending with ? or !)
    and followed by a name and a verb the kit does not know as a reporting
    verb: ``“...,” Toomey fumed``, ``“...?” Hannity pressed.`` (see
    :data:`kit.quotes.cues.LOOSE_AFTER`)."""
    if layout.masked[layout.sentence_start(r.mark_start) : r.mark_start].strip():
        return None  # not "While Sullivan calls it “terrific,” Clinton fixates on ...": the quote opens its sentence
    m = LOOSE_AFTER.match(layout.masked, r.mark_end, stop)
    if m is None:
        return None
    np, cue = ("np", "cue") if m.group("np") else ("np2", "cue2")
    mention = m.group(np)
    if mention.endswith(("’s", "'s", "’")) or np_kind(mention, at_cue=True) not in ("name", "pronoun", "descriptor"):
        return None
    if layout.s[r.end - 1] in "?!" and not (
            (m.group(cue).endswith("ed") or " " in m.group(cue)) and is_person_name(mention.split()[-2:])
            and layout.masked[m.end() : m.end() + 1] in (".", ",")):
        return None  # after ? or !, only a person's name and a past tense ending the clause: “...?” Hannity
        # pressed., “...!” hissed Mr. Eager., “...!” broke in Thorne.
    return Attribution(m.group(cue), mention, m.start(np), end=m.end())


_ASIDE_AFTER = re.compile(
    rf"""[\s,]*(?P<np>{RUN.pattern})\s*,
    (?P<aside>\s+[^A-Z\s](?:[^“”"{MASK};:!?.]|\.(?!\s)){{0,120}}?),?     # , 30, of Raleigh, N.C., who was polled,
    \s+(?:(?:{ADVERB_PATTERN}|[a-z]+ly)\s+)*{CUE.pattern}""",
    re.VERBOSE,
)
"""After a quote, a name, asides in commas that do not open with a capital (an
age, a home town, a description, a relative clause) and a reporting verb."""


def _aside_after(layout: Layout, r: Region, stop: int) -> Attribution | None:
    """A quote cut off by a comma and followed by a name and more than one aside
    before its cue: ``“...,” Harry Bond, 30, of Raleigh, N.C., who was among
    those polled, said``, ``“...,” Nate Silver, the polling guru who founded
    the site tweeted`` (:data:`kit.quotes.cues.AFTER` reads one aside)."""
    m = _ASIDE_AFTER.match(layout.masked, r.mark_end, stop)
    if m is None or np_kind(m.group("np"), at_cue=True) != "name" or not is_person_name(m.group("np").split()[-2:]):
        return None
    return Attribution(m.group("cue"), m.group("np"), m.start("np"), end=m.end())


def _attributing_before(layout: Layout, r: Region, *, after: int = 0) -> Attribution | None:
    """A verb that attributes words without being a reporting verb, earlier in
    the quote's sentence, and its subject: ``Trump identified the judge as
    “Spanish,”``, ``NBC News will accuse you of a “freak out”``, ``Rivera
    calls Santilli a “fascist”`` (see
    :func:`kit.quotes.verbs.attribution_verbs`), or someone's words named by
    what they are (:data:`_OWNED_WORDS`: *Comey's conclusion that*), when
    nearer the quote than any such verb. The last way to find an
    attribution, when there is no reporting verb."""
    start = layout.sentence_start(r.mark_start)
    found = [*ATTRIBUTING.finditer(layout.masked, max(start, after), r.mark_start),  # the attributing verbs first,
             *_CALLS.finditer(layout.masked, max(start, after), r.mark_start)]  # then calls and uses
    owner = _owned_words(layout, r, max(start, after))
    for cue in found:
        if owner is not None and owner.start() > cue.start():
            break  # The mayor dismissed Tom Redfern’s claim that “...”: Redfern's words
        if last_clause(layout.masked, cue.end(), r.mark_start) > cue.end():
            continue  # Lopez signed the bill, while Reed proposed that we “wait and see”: not Lopez's words
        subject = subject_of_cue(layout, start, cue.start())
        if subject is not None:
            return Attribution(cue.group(), *subject, where="before")
    if owner is not None:  # Comey's conclusion that her actions were “extremely careless”: Comey's words
        return Attribution(owner.group("noun"), owner.group("np"), owner.start("np"), where="before")
    return None


_OTHER_CLAUSE = re.compile(r"(?:,\s*(?:while|but|whereas)|;)\s+(?=[A-Z]|(?:he|she|they)\s)")
"""The start of a clause with a subject of its own (*, while Reed*, *; she*). Narrower
than the joints :func:`~kit.quotes.subjects.subject_of_cue` reads (no *and*, no clause
of time): measured with those, a quote of Persuasion was lost, a news speaker became
New York, and a line of Mrs Smith's went to Lady Russell."""


def last_clause(masked: str, start: int, stop: int) -> int:
    """Where the last clause with a subject of its own (*, while Reed*, *; she*)
    starts in ``masked[start:stop]``, at its subject; ``start`` if there is none.
    A verb before it does not attribute the words after it, and the narration
    after it is about its own subject: in *Lopez signed the bill, while Reed
    proposed that we “wait and see.”* the words are Reed's.

    >>> s = "Lopez signed the bill, while Reed proposed that we"
    >>> s[last_clause(s, 0, len(s)):]
    'Reed proposed that we'
    """
    found = start
    for m in _OTHER_CLAUSE.finditer(masked, start, stop):
        found = m.end()
    return found


def _owned_words(layout: Layout, r: Region, start: int) -> re.Match | None:
    """The last mention of someone's words by what they are (:data:`_OWNED_WORDS`)
    between ``start`` and the quote, with no other quote between."""
    owned = list(_OWNED_WORDS.finditer(layout.masked, start, r.mark_start))
    return owned[-1] if owned and MASK not in layout.masked[owned[-1].end() : r.mark_start] else None


_OWNED_WORDS = re.compile(
    rf"""(?P<np>{RUN.pattern})(?:’s|'s)\s+(?:[a-z-]+\s+){{0,2}}
    (?P<noun>(?:claim|conclusion|statement|assertion|remark|comment|suggestion|argument|contention|promise|pledge
       |warning|charge|accusation|description|characterization|prediction|call|vow|boast|complaint|demand|denial)s?
       |insistence|words)(?![\w’'-])""",
    re.VERBOSE,
)
"""Someone's words named by what they are (*Trump’s claim that*, *Comey's conclusion
that*, *Trump's call for*): a quote after them in the sentence is that person's, when
no reporting verb stands before them. After one, the verb's subject keeps the words
(*Ryan said Obama's comments were “...”*: Ryan's, as PolNeAR reads 13 such quotes)."""


_OPENING_CLAUSE = frozenset("after when as while before because if although though since once until".split())


def _in_opening_clause(masked: str, start: int, cue: re.Match) -> bool:
    """Whether a cue stands in a subordinate clause that a comma closes before
    the main clause: "concluded" in "After the interview concluded, Maher
    stated ...". Such a cue reports something else."""
    breaks = list(CLAUSE_BREAK.finditer(masked, start, cue.start()))
    clause = masked[breaks[-1].end() if breaks else start : cue.start()].split()
    if not clause or clause[0].lower() not in _OPENING_CLAUSE:
        return False
    after = CLAUSE_BREAK.search(masked, cue.end())
    return after is not None and after.group().strip().startswith(",")


_AFTER_WHO = re.compile(rf"(?<![\w’'-])who(?:\s+(?:{ADVERB_PATTERN}|[a-z]+ly))*\s+$")
"""*Who* right before a verb (and its adverbs): (Ines Marrow,) who (called); (a farmer) who (asked)."""
_JOINED_CLAUSE = re.compile(
    rf"""(?:,\s*(?:while|but|whereas|and|for)|;(?:\s+(?:but|and))?|(?<![\w’'-])(?P<time>after|when|before|until|once))
         \s+(?P<np>[^,;:()“”\"{MASK}]{{1,60}}?)
         (?P<appos>,\s*(?:the|a|an|his|her|their)\s[^,;:()“”\"{MASK}]{{1,60}},)?\s*$""", re.IGNORECASE | re.VERBOSE)
"""The subject of a clause joined to the one before by a comma and while, but,
whereas, and or for (*Alice began ..., for the White Rabbit cried out*), by a
semicolon (and but or and), or by a conjunction that opens a clause of time
(*issued a statement after Donald Trump told a town hall that ...*), right before
its verb, with an appositive of its own (*while Mike Huckabee, the former Arkansas
governor,*). Not *because* or *although*: a reported clause often holds one (*She
went on to say that, because Comey testified that ...*: still her words)."""


_WHICH = re.compile(r"(?<![\w’'-])which\s+$")
"""*Which* right before a subject: a relative clause of its own, whose verb is that
subject's. (Not *that*: in news it opens what was said, *Obama said he expected that
Americans will say “no”*.)"""

_VERB_PARTICLES = frozenset("out up back aloud again".split())
"""Words that end a reporting verb of two words: (cried) out, (spoke) up, (called) back."""


def _clause_subject(words: str, described: bool = False) -> bool:
    """Whether the words before a verb, after *and* or *while*, are a subject of their
    own: a name (*while Cruz*), or *he* or *she* with the verb's auxiliaries
    (*and he had*); ``described``: or a short description with *the* (*but the
    Gryphon*), which a clause of time does not take (in *Rubio said that once
    the Senate goes on recess, “...”*, the words are still Rubio's)."""
    found = strip_adverbs(words).split()
    while len(found) > 1 and found[-1].lower() in AUXILIARIES:
        found.pop()
    kind = np_kind(" ".join(found), at_cue=True) if found else None
    return kind == "name" or kind == "pronoun" and found[-1].lower() in ("he", "she") \
        or described and kind == "descriptor" and found[0].lower() == "the" and len(found) <= 3


_AFTER_RELATIVE = re.compile(rf"(?<![\w’'-])(?:who|which)(?![\w’'-])[^,;:()\[\]—–“”\"«»{MASK}]*$")
"""A relative clause not closed yet: (a farmer) who (asked not to be named), (Clinton,) who
called Sanders shortly after the winner was (declared)."""


def _loose_before(layout: Layout, r: Region, start: int) -> Attribution | None:
    """A clause of a name and a verb the kit does not know as a reporting verb,
    right before the quote and ending with a comma or colon: ``Hillary shot
    back, “...”`` (see :data:`kit.quotes.cues.LOOSE_BEFORE`)."""
    before = layout.masked[start : r.mark_start]
    m = LOOSE_BEFORE.search(before, max(0, len(before) - 120))
    if m is None or m.group("np").endswith(("’s", "'s", "’")):
        return None
    if np_kind(m.group("np"), at_cue=True) not in ("name", "pronoun", "descriptor"):
        return None
    return Attribution(m.group("cue"), m.group("np"), start + m.start("np"), where="before")


def before_quote(layout: Layout, r: Region) -> Attribution | None:
    """An attribution earlier in the quote's sentence: ``X said, “...”``, ``said X, “...”``,
    ``X: “...”``, or a colon after a sentence about a person."""
    masked = layout.masked
    start = layout.sentence_start(r.mark_start)
    cues = cues_in(masked, start, r.mark_start)
    if not cues:
        return _introduced(layout, r, start) or _loose_before(layout, r, start)
    loose = _loose_before(layout, r, start)
    if loose is not None and loose.mention_pos > cues[-1].end():
        return loose  # When Reyes called it a giveaway, Jessup shot back, “...”: the nearest clause introduces it
    # A cue that introduces the quote with a comma or a colon (", adding, “...”"),
    # perhaps after its particle or a phrase of manner (cried out, “...”; said, in
    # a rather offended tone, “...”; replied, with some jealousy at not being
    # supposed a good walker, “...”), is its cue. Otherwise the first cue with a
    # subject is the main verb: in "Trump said Fox executives were calling “every
    # 15 minutes,”" the words are Trump's.
    gap = masked[cues[-1].end() : r.mark_start].strip()
    words = len(gap.split())
    if gap in (",", ":") or gap.endswith(":") and words <= 4 or gap.endswith(",") \
            and (gap.startswith(",") and words <= 12 or gap.split()[0] in _VERB_PARTICLES and words <= 6):
        cues = cues[-1:]  # ", adding, “...”", "telling them: “...”", "told reporters: “...”"
    earlier = masked.rfind(MASK, start, r.mark_start)  # a quote earlier in the sentence
    if earlier >= 0 and cues[-1].start() > earlier:
        # the cues before it are its own: in "Comey cannot say that “...,”
        # Lewandowski added, saying it should be “...”", the second is Lewandowski's
        cues = [c for c in cues if c.start() > earlier]
    last = cues[-1]
    if len(cues) > 1 and last.group().endswith("ing") and WITH_SUBJECT.search(masked, start, last.start()):
        cues = [last]  # a participle with its own subject: (both men issued a statement) – Ryan saying he was “...”
    if len(cues) > 1:  # not a cue in an opening clause: "after the interview concluded, Maher stated ...",
        # nor in a relative clause: "a farmer who asked not to be named said ..."
        if _AFTER_WHO.search(masked, start, cues[-1].start()) and subject_of_cue(layout, start, cues[-1].start()):
            cues = cues[-1:]  # Organisers thanked Ines Marrow, who called the decision “a crime”: Marrow's words
        joined = _JOINED_CLAUSE.search(masked, cues[-2].end(), cues[-1].start()) if len(cues) > 1 else None
        if joined and _clause_subject(joined.group("np"), described=not joined.group("time")):
            cues = cues[-1:]  # Rubio suggested that ..., while Cruz said that the “...”: a clause of its own
            # (and "..., and he had answered “the railway.”")
        own = subject_of_cue(layout, start, cues[-1].start()) if len(cues) > 1 else None
        if own is not None and own[1] > cues[-2].end() and _WHICH.search(masked, start, own[1]) \
                and _clause_subject(own[0]) and "," not in masked[cues[-1].end() : r.mark_start]:
            # the plan, which Reed called “...”: a relative clause with a subject of its own, which runs
            # on to the quote (not "the plan, which Reed wrote, was a “...”")
            return Attribution(cues[-1].group("cue"), *own, where="before")
        relative = not _AFTER_RELATIVE.search(masked, start, cues[-1].start())  # (the last cue is not in one)
        cues = [c for c in cues[:-1] if not _in_opening_clause(masked, start, c)
                and not (relative and _AFTER_RELATIVE.search(masked, start, c.start()))] + cues[-1:]
    joined = _JOINED_CLAUSE.search(masked, cues[-2].end() if len(cues) > 1 else start, cues[-1].start())
    if joined and joined.group("appos") and _clause_subject(joined.group("np")):
        # ..., while Mike Huckabee, the former Arkansas governor, said “...”: the joined
        # clause's subject, not the sentence's, though an appositive stands before the verb
        return Attribution(cues[-1].group("cue"), joined.group("np"), joined.start("np"), where="before")
    for i, cue in enumerate(cues):
        if earlier >= 0:
            named = _named_after_quote(masked, start, earlier, cue, r.mark_start)
            if named is not None:
                return named
        subject = subject_of_cue(layout, start, cue.start())
        if subject is not None:
            if _AFTER_WHO.search(masked, start, cue.start()):  # a farmer who asked not to be named said:
                cue = next((c for c in cues[i + 1 :] if subject_of_cue(layout, start, c.start()) == subject), cue)
            return Attribution(cue.group("cue"), *subject, where="before")
    cue = cues[-1]
    # said Smith, “...” / According to Lukas Brandt, an analyst at DZ Bank, “...”
    inverted = None if cue.group().endswith("ing") else NP_AFTER_CUE.match(masked, cue.end(), r.mark_start)
    between = masked[inverted.end() : r.mark_start] if inverted else ""
    set_off = between.lstrip()[:1] in (",", ":") or not between.strip() and not (
        layout.s[r.end - 1 : r.end].isalnum() and _CLAUSE_GOES_ON.match(masked, r.mark_end))
    if inverted and not re.search(rf"[.;!?“”\"{MASK}]", between) and set_off:
        # said Smith, “...”, but not "said she was “not done yet”" (she is the reported clause's subject),
        # nor "said the U.S. “clearly” needed ...": a quote the reported clause goes on after is its words
        # (without the manner of it, as after a quote: said the Dodo solemnly, rising, “...”)
        return Attribution(cue.group("cue"), strip_adverbs(inverted.group("np")), inverted.start("np"), where="before")
    # In a letter filed last month, the FBI confirmed that it was “...”: no reporting verb has a subject,
    # but a verb that attributes does
    # (not for the second part of a quote: "said Mr. Brownlow, when the housekeeper appeared; “...”")
    attributing = _attributing_before(layout, r, after=cue.end()) if earlier < 0 else None
    return attributing or Attribution(cue.group("cue"), None, cue.start(), where="before")


def _named_after_quote(masked: str, start: int, earlier: int, cue: re.Match, stop: int) -> Attribution | None:
    """The one named after a cue that stands right after an earlier quote of the
    sentence that starts at ``start`` (``earlier`` is a masked character of that
    quote, ``stop`` where this one opens): *“...--oh dear!” cried Alice in a
    sorrowful tone, “...”*. Such a verb has its subject after it, not the
    sentence's (which may be a sentence's before the first quote: *The Mouse
    did not answer, so Alice went on eagerly: “...” cried Alice*). Only when the
    earlier quote is said (:func:`_opens_a_clause`), not a participle's (*“New
    York values,” saying*: the sentence's subject), and when a name or a
    description follows the verb, with no sentence's end before the quote."""
    if masked[earlier + 1 : cue.start()].strip(" \t\n,;:!?.—–-”\"’'") or cue.group().endswith("ing") \
            or not _opens_a_clause(masked, start, earlier):
        return None
    inverted = NP_AFTER_CUE.match(masked, cue.end(), stop)
    if inverted is None or re.search(rf"[.;!?“”\"{MASK}]", masked[inverted.end() : stop]):
        return None
    np = strip_adverbs(inverted.group("np"))
    if np_kind(np, at_cue=True) not in ("name", "descriptor"):
        return None  # (a pronoun: the first part's own cue, “Now, Edward,” said she, gives its speaker to both)
    return Attribution(cue.group("cue"), np, inverted.start("np"), where="before")


def _opens_a_clause(masked: str, start: int, inside: int) -> bool:
    """Whether the quote with a masked character at ``inside`` starts the sentence
    that starts at ``start``, or a clause of it after a comma or colon (*so Alice
    went on eagerly: “...”*), and so is said, not a phrase of the sentence
    (*Washington, star of television's “Scandal,” said*)."""
    while inside > start and masked[inside - 1] == MASK:
        inside -= 1
    before = masked[start : inside - 1].rstrip()
    return not before or before[-1] in ",:"


_CLAUSE_GOES_ON = re.compile(r"[ \t]+[a-z]")
"""After a quote's closing mark, a word in lower case: when the quoted words end with no
punctuation of their own (*“clearly” needed*), the sentence goes on with the quote inside it."""


def later_in_sentence(layout: Layout, r: Region, next_mark: int) -> Attribution | None:
    """An attribution at the end of the quote's sentence, after more words: ``The
    rejection signals “the beginning of the end” for the EU, said Geert Wilders.``"""
    if r.mark_end == r.end or r.end - r.start > 200:
        return None
    sentence = layout.sentence_at(r.mark_start)
    end = min(sentence.end, next_mark)
    masked, m = layout.masked, None
    clause = masked.find(",", r.mark_end, end)
    while clause >= 0:  # the clause that attributes, ending the sentence (with its appositive)
        m = AFTER.match(masked, clause, end)
        reaches_end = m is not None and (m.end() >= end - 2 or masked[m.end() : end].lstrip().startswith(",")
                                         or _WHEN_OR_WHERE.fullmatch(masked, m.end(), end) is not None)
        if reaches_end and (m.group("cue1") or m.group("cue2")):  # (a second appositive may follow)
            break
        m = None
        clause = masked.find(",", clause + 1, end)
    if m is None:
        return None
    np, cue = ("np1", "cue1") if m.group("cue1") else ("np2", "cue2")
    mention = strip_adverbs(m.group(np))
    kind = np_kind(mention, at_cue=True)
    appositive = m.group("appos1") if cue == "cue1" else m.group("appos2")
    if kind != "name" and not (kind == "pronoun" and mention.lower() in ("he", "she")) \
            and not (appositive and np_kind(appositive) == "name"):
        return None  # a name, or he or she: “People were celebrating” before the attack, she said.
        # (or a description with the name beside it: ..., said the governor, Tom Reed.)
    return Attribution(m.group(cue), mention, m.start(np), appositive, m.end())


_DATE_WORDS = "|".join(sorted(DATES))
_WHEN_OR_WHERE = re.compile(
    rf"""(?:\s+(?:to\s+)?(?:reporters|journalists|him|her|them|me|us))?      # (Reed said) to reporters,
    (?:\s+(?:on|in|at|during|over|last|this|earlier|later|yesterday|today|tonight|{_DATE_WORDS})
    (?![\w’'-])(?:(?!\s(?:that|who|which|was|is|were|are|had|has|would|will)\s)[^,;:!?“”"{MASK}]){{0,40}})?
    [.!?]?\s*""", re.VERBOSE | re.IGNORECASE)
"""What may end a sentence after the clause that attributes its quote: when, where or
to whom it was said (*, Reed said on Monday.*, *, Reed told reporters in Dayton.*), with
no clause of its own (not *, Reed said in a statement that the plan was dead*)."""


def signed_after(layout: Layout, r: Region) -> Attribution | None:
    """A quote that ends its paragraph, signed in the next one with a dash and a
    name: ``“...”`` / ``- Bernie Sanders.``"""
    p = layout.para_of(r.mark_start)
    if p + 1 >= len(layout.paras) or layout.masked[r.mark_end : layout.paras[p].end].strip(" .,"):
        return None
    start, end = layout.paras[p + 1]
    m = SIGNATURE.match(layout.masked, start, end)
    if m is None or np_kind(m.group("np")) != "name":
        return None
    return Attribution(None, m.group("np"), m.start("np"), end=m.end(), where="after")


def introduced_before(layout: Layout, r: Region) -> Attribution | None:
    """A quote that opens its paragraph, introduced at the end of the paragraph
    before: ``Then Cecil said with great emotion:`` / ``“It is true.”``. A
    novel may end the lead-in with a comma, or with nothing, right after the
    cue and the manner of it (``walking close up to Oliver, said,`` /
    ``“Hullo, my covey!”``)."""
    p = layout.para_of(r.mark_start)
    if p == 0 or layout.masked[layout.paras[p].start : r.mark_start].strip():
        return None
    start, end = layout.paras[p - 1]
    text = layout.masked[start:end].rstrip()
    if MASK in text[-3:]:
        return None
    open_end = not text.endswith((":", "--", "—", "–"))
    if open_end and (text[-1:] not in ",;" and not text[-1:].isalpha()):
        return None
    sentence = layout.sentence_start(end - 1)
    # the cue may open the sentence, capitalised: Stated Stone: / Added the mayor:
    # so it is searched in a copy of the sentence (and the character before it, for
    # the look-behind) with its first letter in lower case. Copying the whole text
    # instead cost a book of 3 MB a copy per paragraph that ends with a colon.
    base = max(0, sentence - 1)
    lowered = layout.masked[base:sentence] + layout.masked[sentence : sentence + 1].lower() + layout.masked[sentence + 1 : end]
    cues = [_Placed(m, base) for m in cues_in(lowered, sentence - base)]
    if not cues:
        return None if open_end else _colon_lead(layout, sentence, end)
    if open_end and not _OPEN_LEAD_TAIL.fullmatch(layout.masked, cues[-1].end(), end):
        return None  # (a sentence that goes on after its cue, not a lead-in)
    subject = subject_of_cue(layout, sentence, cues[-1].start())
    if subject is not None:
        return Attribution(_written(layout, cues[-1]), *subject, where="before")
    return _introduced_otherwise(layout, sentence, end, cues)


def _colon_lead(layout: Layout, sentence: int, end: int) -> Attribution | None:
    """A lead-in with no cue that ends with a colon or a dash, whose subject is the
    one who speaks next (as :func:`_introduced` reads one in the quote's paragraph):
    *Mr. Eager addressed her professionally:*, *He diverted it as follows:*. Only a
    subject the words themselves show to be a person: *he*, *she* or *I*, a name
    with a title or of two words, a description whose head is a person's
    (:data:`~kit.quotes.names.PERSON_HEADS`: *the bridegroom addressed them in the
    following terms:*). A bare capitalised word may open any sentence (*Wait, it
    gets better:*, *Transcript as follows:*), and *it* or a note is no one (*Her
    second note ran thus:*)."""
    subject = sentence_subject(layout, sentence, end)
    if subject is None:
        return None
    words = subject[0].split()
    title, name = split_name(words) if np_kind(subject[0]) == "name" else ([], [])
    person = (
        subject[0].lower() in ("he", "she", "i")
        or (bool(title) or len(name) >= 2) and is_person_name(name)
        or np_kind(subject[0]) == "descriptor" and words[0].lower() in DETERMINERS
        and head_key(words[-1]) in PERSON_HEADS
    )
    return Attribution(None, *subject, where="colon") if person else None


_OPEN_LEAD_TAIL = re.compile(r"[^.!?;:“”\"\x1a]{0,60}?[,;]?\s*")
"""What may follow the cue of a lead-in with no colon: the manner of it, briefly
(*said, in his most conciliatory tone,*)."""


class _Placed(NamedTuple):
    """A match in a copy of part of the text, with its positions in the whole text."""

    match: re.Match
    offset: int

    def start(self, group: int | str = 0) -> int:
        return self.match.start(group) + self.offset

    def end(self, group: int | str = 0) -> int:
        return self.match.end(group) + self.offset

    def group(self, group: int | str = 0) -> str:
        return self.match.group(group)


def _written(layout: Layout, cue: re.Match | _Placed) -> str:
    """A cue as the text writes it (*Stated*, found as *stated*)."""
    return layout.masked[cue.start("cue") : cue.end("cue")]


def _introduced_otherwise(layout: Layout, sentence: int, end: int, cues: list[_Placed]) -> Attribution | None:
    """The speaker of a lead-in whose last cue has no subject right before it:
    a cue that opens the sentence names the speaker after it (*Stated Stone:*,
    *According to Jo Ames, writing for the Ledger:*), and a participle after a
    comma has the sentence's subject (*The Ledger confirmed it, reporting:*)."""
    masked = layout.masked
    first = cues[0]
    if not masked[sentence : first.start()].strip():
        chunk = masked[first.end() : end].rstrip().rstrip(":-—–").split(",")[0]
        np = strip_adverbs(chunk)  # (which joins the words with single spaces: it starts where the chunk's words do)
        if np and np_kind(np, at_cue=True) == "name":
            return Attribution(_written(layout, first), np, first.end() + len(chunk) - len(chunk.lstrip()),
                               where="before")
        return None
    last = cues[-1]
    if masked[sentence : last.start()].rstrip().endswith(",") and last.group("cue").endswith("ing"):
        subject = sentence_subject(layout, sentence, last.start())
        if subject is not None and np_kind(subject[0]) in ("name", "descriptor"):
            return Attribution(_written(layout, last), *subject, where="before")
    return None


_FROM_LEAD = re.compile(r"\s*(?:(?:More|Also|And)\s+)?[Ff]rom\s+(?P<np>[^:;,.“”\"]{2,80}?)\s*:\s*$")
"""A lead-in that names where the words come from: *From Bush’s Facebook post:*, *More from Ann Roe:*."""


def _names_a_source(np: str) -> bool:
    """Whether the words after *from* in a lead-in name where a quote comes from:
    a name, names joined by *and* (*Blumenthal and Cohen*), or a description
    with a speaking head (*Bush’s Facebook post*); not a time (*the start*)."""
    if all(np_kind(part) == "name" for part in np.split(" and ")):
        return True
    return np_kind(np, at_cue=True) == "descriptor" and head_key(np.split()[-1]) in UNNAMED_HEADS


def _introduced(layout: Layout, r: Region, start: int) -> Attribution | None:
    """A quote with no cue in its sentence, introduced by a label (``Okafor: “...”``)
    or by a colon or dash after a sentence whose subject is a person."""
    masked = layout.masked
    before = masked[start : r.mark_start]
    tail = len(before) - 160 if len(before) > 160 else 0  # a label is short: search only the end
    label = LABEL.search(before, tail) if before.rstrip()[-1:] in (":", "-", "—", "–") else None
    if label and _label_is_speaker(before[: label.start()], label.group("np")):
        return Attribution(None, label.group("np"), start + label.start("np"), where="colon")
    answer = ANSWER_WAS.search(before, tail)
    if answer:  # His answer was, “...”; and Elizabeth's reply was, “...”
        return Attribution(None, answer.group("np"), start + answer.start("np"), where="colon")
    if not INTRODUCED.search(before):
        return None
    words = POSSESSIVE_SUBJECT.match(before)
    if words:  # Her answer was simple: “Not now.”
        return Attribution(None, words.group("np"), start + words.start("np"), where="colon")
    source = _FROM_LEAD.match(before)
    if source and _names_a_source(source.group("np")):
        return Attribution(None, source.group("np"), start + source.start("np"), where="colon")  # From X’s post:
    subject = sentence_subject(layout, start, r.mark_start)
    if subject:  # a person, or an organisation: "The Clinton campaign ... worded it carefully: “...”"
        return Attribution(None, *subject, where="colon")
    return None


def _label_is_speaker(before: str, np: str) -> bool:
    """Whether a name followed by a colon is a speaker's label: at the start of a
    paragraph (``Okafor: “...”``), after a dash (``Pollsters agree - Carl Bialik:
    “...”``), or a person's full name that ends the sentence, not after a
    preposition (``... doesn’t surprise Republican pollster Daron Shaw: “...”``,
    but not ``reporters in Des Moines: “...”``)."""
    if np_kind(np) != "name":
        return False
    if not before.strip() or before.rstrip()[-1:] in "-—–":
        return True
    previous = before.split()[-1:]
    return len(np.split()) >= 2 and is_person_name(np.split()) and bool(previous) \
        and previous[0].lower() not in FUNCTION_WORDS


_CALLS = re.compile(r"(?<![\w’'-])(?:call(?:s|ed)|us(?:es|ed|ing))(?![\w’'-])")
"""Calls, called: Rivera calls Santilli a “fascist” (a naming verb, so in neither list of
verbs); uses, used: Pike kept using the term “housing emergency”."""


def report_before(layout: Layout, start: int, end: int) -> tuple[int, str, int] | None:
    """The last report in ``masked[start:end]`` (a reporting verb with a subject, as
    in "He added that ..."), as (where the verb is, the subject, where it starts),
    or None."""
    for cue in reversed(cues_in(layout.masked, start, end)):
        subject = subject_of_cue(layout, layout.sentence_start(cue.start()), cue.start())
        if subject:  # a cue with no subject is no report: "said Smith in a Friday tweet"
            return cue.start(), *subject
    return None


_ASKING = ("ask", "inquir", "enquir", "demand", "question")
_TELLING = ("ask", "inquir", "enquir", "demand", "question", "told", "tell", "answer", "assur", "inform",
            "remind", "bade", "bid", "beg", "implor", "urg", "warn", "advis", "address", "repl")
_PERSON_NP = (rf"(?:me|him|her(?!\s+[a-z])|(?:the|his|her|their|my|our|your)\s+(?:[a-z]+\s+){{0,2}}?[a-z]+"
              rf"|(?:the\s+)?{RUN.pattern})")
_TO_WHOM = re.compile(
    rf"""
    (?P<between>[^.;:!?{MASK}“”"«»()]{{0,60}}?)       # a few words of the same clause: ", turning"
    (?<![\w’'-])(?P<prep>to|of)\s+(?P<np>{_PERSON_NP})   # to Cecil, to her companion, (asked) of Monks
    (?![\w’'-])
    """,
    re.VERBOSE,
)
_OBJECT = re.compile(rf"\s+(?P<np>{_PERSON_NP})(?![\w’'-])", re.VERBOSE)


def addressee(layout: Layout, attribution: Attribution, stop: int) -> tuple[str, int] | None:
    """Whom the narration says a quote is said to, as (words, where they start):
    ``said Lucy to Cecil``, ``said the young lady to her companion``, ``asked
    Mr. Brownlow, in a low voice, of Monks``, ``he asked the vicar``, ``she
    whispered to Jane: “...”``; None if it does not say. Only the clause after
    the attribution (or after a cue before the quote) is read, up to ``stop``
    (the next quote).

    >>> from kit.quotes.marks import find_regions
    >>> from kit.segment import paragraph_spans
    >>> s = "“Sit down,” said Lucy to Cecil."
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> addressee(layout, find_attribution(layout, layout.regions[0], len(s)), len(s))
    ('Cecil', 25)
    """
    if attribution.cue is None or attribution.mention is None or attribution.where not in ("after", "before"):
        return None
    masked, cue = layout.masked, attribution.cue.lower()
    start = attribution.mention_pos + len(attribution.mention)
    stop = min(stop, start + 80)
    if attribution.where == "before":  # she managed to whisper to Jane: “...”: the words after the cue
        at = masked.find(attribution.cue, start, stop)
        m = _TO_WHOM.match(masked, at + len(attribution.cue), stop) if at >= 0 else None
        if m is None or m.group("prep") != "to" or m.group("between").strip() or not (
                m.group("np")[:1].isupper() or m.group("np") in ("him", "her", "them", "me")):
            return None  # a name or a pronoun right after the cue (not "He was referring to the fresco “...”")
        return m.group("np"), m.start("np")
    verb = re.match(rf"\s+{re.escape(attribution.cue)}(?![\w’'-])", masked[start:stop])
    if verb:  # he asked the vicar: the cue comes after the mention, and may have an object
        start += verb.end()
        m = _OBJECT.match(masked, start, stop) if cue.startswith(_TELLING) else None
        if m:
            return m.group("np"), m.start("np")
    m = _TO_WHOM.match(masked, start, stop)
    if m is None or m.group("prep") == "of" and not cue.startswith(_ASKING):
        return None
    return m.group("np"), m.start("np")
