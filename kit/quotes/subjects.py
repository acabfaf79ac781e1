"""Who does a verb: the subject of a reporting verb, or of a sentence.

Finding a quote's mention (:mod:`kit.quotes.mentions`) often comes down to one
question of grammar: which noun phrase is the subject of this verb? Before the
cue it is usually the words right before it (``the Leader said``), but a
sentence may put an aside between them (``Smith, the chief executive, said``),
join two clauses (``Louisa withdrew; Mr. Sleary, stirring his brandy, went
on``), put the verb in the passive (``Sanders was asked by host Bill Maher``),
or open with a phrase that is no subject at all (``On Monday, the mayor
said``). Narration asks the same of a whole sentence: whom is it about?
(:func:`sentence_subject`, which "he" and "she" are read from.)

>>> from kit.quotes.marks import find_regions
>>> from kit.segment import paragraph_spans
>>> s = "Smith, the chief executive, said the plan would work."
>>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
>>> subject_of_cue(layout, 0, s.index("said"))
('Smith', 0)
>>> s = "On Monday, the mayor of Salem said the plan would work."
>>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
>>> sentence_subject(layout, 0, len(s))
('the mayor of Salem', 11)

The rules are written by hand: a parser (NLTK ships none that works offline
on open text) would be slower on a book than these few patterns, which read
only the clause before a verb.
"""

from __future__ import annotations

import re

from kit.quotes.cues import (
    ATTRIBUTING,
    CHUNK_BREAK,
    CLAUSE_BREAK,
    CUE,
    NP_AFTER_CUE,
    PLACE_END,
    PLACE_ONLY,
    WITH_SUBJECT,
    cues_in,
)
from kit.quotes.layout import MASK, Layout
from kit.quotes.names import (
    ADVERB_PATTERN,
    AUXILIARIES,
    DATES,
    DETERMINERS,
    KIN,
    POST_PREPOSITIONS,
    RUN,
    TITLES,
    UNNAMED_HEADS,
    head_key,
    is_bare_plural,
    is_person_name,
    name_key,
)
from kit.quotes.phrases import leading_np, np_kind, strip_adverbs, strip_time_opening

__all__ = ["sentence_subject", "subject_of_cue"]


_HEARD = re.compile(
    rf"(?<![\w’'-])(?:heard|hear|hears|overheard|overhear)\s+(?P<np>him|her|{RUN.pattern}|the\s+[A-Za-z]+)\s+$",
    re.VERBOSE)
"""One heard, right before a verb in its plain form: (heard) Willoughby (say), (hear) the Rabbit (say)."""
_PASSIVE_BEFORE = re.compile(r"(?<![\w’'-])(?:was|were|is|are|been)(?:\s+[a-z]+ly)?\s+$")
"""A passive auxiliary right before a cue, perhaps with an adverb: (Sanders) was (asked by ...),
(he) was eagerly (opposed by his wife)."""
_BY = re.compile(r"[a-z]+\s+by(?=\s)")
"""A cue and "by": asked by (host Bill Maher)."""


def subject_of_cue(layout: Layout, sent_start: int, cue_start: int) -> tuple[str, int] | None:
    """The noun phrase before a reporting verb, and where it starts: "the Leader" in
    "the Leader said". With nothing between the verb and the last break, the
    subject of the sentence (``Smith, the chief executive, said``). A passive
    verb's agent instead of its subject (``Sanders was asked by host Bill Maher``).

    A semicolon, or a conjunction after a comma or one that opens a clause of
    time, joins two clauses: when the last such clause has a person of its own
    as subject, that is the verb's (``Louisa withdrew; Mr. Sleary, stirring
    his brandy, went on``, ``Lucy smiled, and Mr. Sleary, looking up, said``,
    ``when Miss Lavish stopped, flung up her arms, and cried``); else the verb
    shares the sentence's (``The old gentleman bowed; and advancing to the
    desk, said``). A clause opened by *that* whose subject stands right before
    the verb is the verb's (``She was so earnest, that Mr. Gradgrind, shocked,
    said``).
    """
    masked = layout.masked
    that = _THAT_SUBJECT.search(masked, sent_start, cue_start)
    if that is not None and (that.group("np") in ("he", "she") or np_kind(that.group("np")) == "name"):
        return that.group("np"), that.start("np")  # so earnest, that Mr. Gradgrind, shocked, said
    joints = [m.end() for m in _CLAUSE_JOINT.finditer(masked, sent_start, cue_start)]
    semicolon = masked.rfind(";", sent_start, cue_start)
    if semicolon >= 0 and masked[semicolon + 1 : cue_start].lstrip()[:1].isalpha():
        joints.append(semicolon + 1)  # whatever words follow the last semicolon (not a quote)
    if joints and MASK not in masked[max(joints) : cue_start]:  # (a quote between: “Well,” said she)
        words = masked[max(joints) : cue_start]
        found = _subject_of_cue(layout, cue_start - len(words.lstrip()), cue_start)
        if found is not None and (np_kind(found[0]) == "name" or found[0].lower() in _ONE_PERSON
                                  or _is_relative(found[0])):
            return found
    return _subject_of_cue(layout, sent_start, cue_start)


_CLAUSE_JOINT = re.compile(
    rf"""(?:[;,]\s*(?:and|but|while|whereas|so|yet|for)\s+|;\s*|(?<![\w’'-])(?:when|while|whilst|till|until)\s+
         |(?<![\w’'-])(?:(?:after|upon|on|at)\s+which|whereupon)\s+)   # (a short silence,) after which Toby ...
        (?:(?:at\s+last|at\s+length|then|now|soon|still|so)\s+)?   # ... and at last (Miss Bartlett rose)
        (?=[A-Z]|(?:he|she|I)\s|(?:his|her|their)\s+(?:[a-z]+\s+)?(?:{'|'.join(KIN)})[\s,])""",
    re.VERBOSE,
)
"""Where a clause with a subject of its own starts: after a semicolon, a comma or
semicolon and *and*, *but*, *while*, *so*, *yet*, *for* (*Elinor was silent, for
Marianne said*), a conjunction of time, or *after which*, *whereupon* (*There was a
short silence, after which Toby, seeming ..., turned and said*), before a capitalised
word, *he*, *she*, *I* or a relative (*and her mother, with sudden tenderness, said*;
perhaps after *at last*, *then*). Not *that*: in news it
opens what was said (*Trump told Newsmax that Mitt Romney “had a crazy policy”*)."""


_THAT_SUBJECT = re.compile(
    rf"""(?<![\w’'-])(?:that|which)\s+(?P<np>{RUN.pattern}|he|she)
    (?:\s*,[^,;:()“”\"{MASK}]{{1,120}},)?   # an aside: (that Mr. Gradgrind), shocked by the thought, (said)
    \s*(?:[a-z]+ly\s+)?$""",
    re.VERBOSE,
)
"""A clause opened by *that* (or *which*) whose subject comes right before the verb,
perhaps with an aside between: *She was so earnest, that Mr. Gradgrind, shocked by
the possibility, said*; *the plan, which Reed called*. The verb is that clause's,
so its subject speaks.
(Not any *that*: in *Trump joked that Brooklyn was his answer, but went on
to say* the clause ends before the verb.)"""


def _is_relative(words: str) -> bool:
    """Whether ``words`` name a person by their tie to someone: *her mother*, *his
    younger brother* (a word of :data:`~kit.quotes.names.KIN` after *his*, *her*, *their*).

    >>> _is_relative("her mother"), _is_relative("his younger brother"), _is_relative("her head")
    (True, True, False)
    """
    found = words.split()
    return 2 <= len(found) <= 3 and found[0].lower() in ("his", "her", "their") and name_key(found[-1]) in KIN


_ONE_PERSON = frozenset("he she i".split())
"""The pronouns that stand for one person: a clause's *they* may be the people of the
sentence before the semicolon (*Mrs. Jennings sat down; and they had not been long
seated, before she ... said*), so the sentence's subject is taken instead."""


def _subject_of_cue(layout: Layout, sent_start: int, cue_start: int) -> tuple[str, int] | None:
    """:func:`subject_of_cue` in the sentence (or clause) that starts at ``sent_start``."""
    left = layout.masked[sent_start:cue_start]
    by = _BY.match(layout.masked, cue_start) if _PASSIVE_BEFORE.search(left) else None
    agent = NP_AFTER_CUE.match(layout.masked, by.end()) if by else None
    if agent and np_kind(agent.group("np"), at_cue=True) in ("name", "descriptor"):
        # Sanders was asked by host Bill Maher, “...”: the words are the agent's, not the subject's
        return agent.group("np"), agent.start("np")
    verb = layout.masked[cue_start : cue_start + 30].split()[0]
    heard = _HEARD.search(left)
    if heard and not verb.rstrip(",:;-").endswith(("ed", "s", "ing")):
        # Elinor then heard Willoughby say, “...”: the one heard says it, not the one who hears
        return heard.group("np"), sent_start + heard.start("np")
    if verb.rstrip(",:;").endswith("ing"):
        # "..., noting the absurdity": a participle's subject is the sentence's,
        # unless the participle has its own: "with Trump reportedly yelling",
        # or follows a reporting clause: "..., Spicer said, adding"
        own = WITH_SUBJECT.search(left)
        group = "np" if own and own.group("np") else "np2"
        if own and np_kind(own.group(group)) in ("name", "pronoun"):
            return own.group(group), sent_start + own.start(group)
        return _reporter_before(layout, sent_start, cue_start) or sentence_subject(layout, sent_start, cue_start)
    left = _blank_tail(left)
    poll = _POLL_OPENING.match(left)
    if poll:  # In a September Gazette poll, 75 percent of residents (said): the poll's finding
        return poll.group("np"), sent_start + poll.start("np")
    breaks = list(CHUNK_BREAK.finditer(left))
    at = breaks[-1].end() if breaks else 0
    chunk = _subject_words(strip_adverbs(left[at:]))
    if chunk and all(w.lower() in AUXILIARIES for w in chunk.split()):
        chunk = ""  # had recovered her luggage and could (say): the verb's subject is the clause's before "and"
    if breaks and breaks[-1].group().lower() == "who" and chunk[:1].islower() \
            and chunk.split()[0] not in DETERMINERS and np_kind(chunk.split()[0]) != "pronoun":
        # an official who met Trump (said): "met Trump" is what the official did, not who spoke
        return _before_relative(left, sent_start)
    if chunk:
        found = chunk.split()
        if len(found) > 1 and found[-1].lower() in _ONE_PERSON:
            # As she groped she (murmured), After a moment's pause he (said): no noun phrase
            # ends with "he" or "she", so the words before it are a clause or a phrase of their own
            return found[-1], sent_start + at + left[at:].rstrip().rfind(found[-1])
        if np_kind(chunk, at_cue=True) and not AUXILIARIES & set(chunk.split()[1:]):
            # (not a clause: "because the budget is not final" (said))
            return chunk, sent_start + at + len(left[at:]) - len(left[at:].lstrip())
        found = chunk.split()
        if _SUBORDINATE & {w.lower() for w in found}:
            return None  # not "Despite what he (wrote)"
        if np_kind(found[-1]) == "pronoun" and len(found) <= 4:
            # At last he (said), Then she (cried)
            return found[-1], sent_start + at + left[at:].rstrip().rfind(found[-1])
        if found[-1] == "to" and 3 <= len(found) <= 4 and found[0].lower() in _ONE_PERSON \
                and all(w.islower() for w in found[1:]):
            # she forced herself to (say), he ventured to (say): the one who does the verb before
            return found[0], sent_start + at + len(left[at:]) - len(left[at:].lstrip())
        named = _TRAILING_NAME.search(chunk)
        if named and " " not in named.group("np") and all(w.lower() in _LEAD_WORDS for w in found[:-1]):
            # and then Wallnau (continues)
            return named.group("np"), sent_start + at + left[at:].rstrip().rfind(named.group("np"))
        if named and " " in named.group("np") and np_kind(named.group("np"), at_cue=True) == "name" \
                and is_person_name(named.group("np").split()[-2:]):
            # On Sunday at a rally Senator Ann Birch (said): an opening phrase with no comma
            return named.group("np"), sent_start + at + left[at:].rstrip().rfind(named.group("np"))
        return _before_relative(left, sent_start)  # a White House official who spoke anonymously (said)
    joined = breaks and breaks[-1].group().lower() in ("and", "but", "or")  # who ..., and (said): the subject's
    relative = None if joined else _before_relative(left, sent_start)  # (Raphael Lemkin, who coined the word, (said)
    if relative is not None and left[: relative[1] - sent_start].strip():
        return relative  # (one that opens the sentence is its subject, which may be in apposition to a name)
    shared = _shared_subject(left, breaks)
    if shared is not None:
        return shared[0], sent_start + shared[1]
    return sentence_subject(layout, sent_start, cue_start) or relative


_APPOSED_DESCRIPTOR_WORDS = 12
"""How many words a clause may have for a name after it to be in apposition to its
description (*The board’s chairman, Howard Leck, said*; *A spokesman for the
Clinton campaign, Brian Fallon, said*). A longer one goes on past its noun phrase
(*The woman who started it all identified herself to CNN as a 52-year-old
Salem, N.H., resident*), and what follows its comma is no apposition."""


_POLL_OPENING = re.compile(
    r"""\s*(?:In|According\s+to)\s+
    (?P<np>(?:a|an|the)\s+[^,;:“”\"]{0,80}?(?<![\w’'-])(?:poll|survey)(?![\w’'-])[^,;:“”\"]{0,40}?)\s*,\s*
    (?:just|only|about|roughly|nearly|almost|some|more\s+than|fewer\s+than|less\s+than|over|under)?\s*
    (?:\d[\d.,]*\s*(?:%|percent|per\s+cent)|\w+\s+(?:in|out\s+of)\s+\w+|(?:a\s+)?majority|most|half|
       (?:a|one|two)[\s-](?:third|quarter|fifth)s?)
    \s+(?:of\s+)?[^,;:“”\"]{1,80}?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
"""An opening phrase that names a poll, then a share of those it asked as the
subject: *In a September Gazette poll, 75 percent of residents* (said), *six
in 10 residents*, *a majority of voters*. What they said is the poll's finding:
the poll is the source (a share of a group is no one's name)."""
_RELATIVE = re.compile(r"(?P<comma>,\s*)?(?<![\w’'-])(?P<word>who|whose|which)(?:[’'](?:s|d|ve|ll|re))?(?![\w’'-])")
"""A relative pronoun (who's, who'd too): *who* or *whose* after a noun, *which* after a comma."""
_HARD_BREAK = re.compile(rf"[;:()\[\]—–“”\"«»{MASK}]|\s-\s")
"""Where an aside cannot run on: a relative clause does not cross a bracket, a dash or a quote."""
_PARTY = re.compile(r"\((?:[RDI]|Rep|Dem|Ind)\.?(?:-[^()]{1,20})?\)")
"""A party tag: (R-Tex.), (D)."""
_ASIDE_WORDS = "meanwhile|however|though|too|also|instead|moreover|nonetheless|nevertheless|furthermore|likewise"
_ASIDE_TAIL = re.compile(
    rf"""(?:,\s*\d{{1,3}})?                                       # an age: Harry Bond, 30,
    (?:,\s*(?:of|from)\s+{RUN.pattern}(?:,\s*{RUN.pattern})?)?   # a home town: of Raleigh, N.C.
    (?:,\s*(?:{_ASIDE_WORDS}))?                                # an aside: Sanders, meanwhile,
    \s*$""",
    re.VERBOSE,
)
"""What may stand between a name and its relative clause."""
_LEADING_PREPOSITION = re.compile(r"(?:from|by|with|to|for)\s+(?=\S)")


def _before_relative(left: str, sent_start: int) -> tuple[str, int] | None:
    """The subject of a verb that a relative clause stands between, and where it
    starts (``left`` is the sentence up to the verb): *a White House official* in
    "a White House official who spoke anonymously to discuss internal strategy
    (said)", *Raphael Lemkin* in "(Raphael Lemkin, who coined the word genocide,
    once (said)", *Harry Bond* in "Harry Bond, 30, of Raleigh, who was among those
    polled, (said)". The clause opens with *who* or *whose* (or *which* after a
    comma) and runs on to the verb; one opened by a comma is closed by one. If
    the verb is the clause's own (*voters who said*), the speaker is the same:
    the one the clause is about. It is the noun phrase right before the clause
    (after an age or a home town), or None when the words there are no noun
    phrase (*Obama met voters who (said)*: whom "who" stands for is not clear
    from the words alone).

    >>> _before_relative("One attendee, who like others spoke on condition of anonymity, ", 0)
    ('One attendee', 0)
    """
    left = _PARTY.sub(lambda m: " " * len(m.group()), left)  # Sen. Ted Cruz (R-Tex.), a candidate who
    hard = list(_HARD_BREAK.finditer(left))
    floor = hard[-1].end() if hard else 0
    closed = left.rstrip().endswith(",")
    for rel in reversed(list(_RELATIVE.finditer(left, floor))):
        if rel.start() == floor or rel.group("comma") is None and rel.group("word") == "which" \
                or rel.group("word") == "whose" and not closed:
            return None  # which only after a comma ("the report which" is too often "the report that"),
            # and "Clinton, whose campaign (said)" is the campaign speaking
        before = left[floor : rel.start()]
        before = before[: _ASIDE_TAIL.search(before).start()]
        breaks = list(CHUNK_BREAK.finditer(before))
        rest = left[rel.end() :].strip()  # Mike Pence, who (called); Mary, who, on looking at the date, (exclaimed)
        own = rel.group("comma") is not None and (not rest or rest[:1] == rest[-1:] == ",")
        found = _noun_phrase(before, breaks, trailing=own)
        if found is not None and breaks and breaks[-1].group() == "," and np_kind(found[0]) == "descriptor":
            # Bill Millis, a North Carolina businessman who (...): the description is the name's
            named = _noun_phrase(before, breaks[:-1], end=breaks[-1].start())
            if named is not None and np_kind(named[0]) == "name":
                found = named
        if found is not None:
            return found[0], sent_start + floor + found[1]
        if not re.search(r"(?<![\w’'-])(?:and|or)\s*$", before):
            return None  # (a clause joined to the one before: "who worshiped here and who (...)" goes on)
    return None


def _noun_phrase(before: str, breaks: list[re.Match], end: int | None = None, *,
                 trailing: bool = False) -> tuple[str, int] | None:
    """The noun phrase that is ``before[:end]`` after its last break (and a
    preposition: *from* a former spymaster), as (words, where they start), or
    None: a name, or a description (see :func:`_is_description`). With
    ``trailing``, a name that ends the words will do (Trump's running mate,
    *Indiana Gov. Mike Pence*)."""
    end = len(before) if end is None else end
    at = breaks[-1].end() if breaks else 0
    chunk = before[at:end].strip()
    lead = _LEADING_PREPOSITION.match(chunk)
    if lead:  # (a passage) from a former spymaster who (wrote)
        chunk = chunk[lead.end() :]
    chunk = strip_time_opening(chunk)  # (At last) the Mouse, who seemed to be a person of authority
    if not chunk:
        return None
    kind = np_kind(chunk, at_cue=True)
    verb = any(w.islower() and (CUE.fullmatch(w) or ATTRIBUTING.fullmatch(w) or w.endswith("ed") and len(w) > 4)
               for w in chunk.split())  # Organisers thanked Ines Marrow: a clause, and Ines Marrow ends it
    if kind == "name" and chunk[:1].isupper() and not verb or kind and _is_description(chunk.split()):
        return chunk, at + before[at:end].find(chunk)
    named = _TRAILING_NAME.search(chunk) if trailing or kind == "name" else None
    if named and np_kind(named.group("np")) == "name":
        return named.group("np"), at + before[at:end].rfind(named.group("np"))
    return None


def _is_description(words: list[str]) -> bool:
    """Whether words are a noun phrase that describes someone: a determiner or
    lower-case modifiers, a head (:data:`kit.quotes.names.UNNAMED_HEADS`: *a
    North Carolina businessman*, *one of the aides*, *local voters*) and at
    most a phrase after it that opens with a preposition (*a spokesman for the
    mayor*); or a determiner and capitalised words (*Another Muslim*). Not a
    clause: *the mayor met voters*, *the budget is not final*."""
    first = words[0].lower()
    if first not in DETERMINERS and not words[0][:1].islower() or first in AUXILIARIES:
        return False
    rest = words[1:] if first in DETERMINERS else words
    if rest[:1] == ["of"]:  # one of the aides, some of Trump’s advisers
        rest = rest[2:] if rest[1:2] and (rest[1].lower() in DETERMINERS or rest[1].endswith(("’s", "'s"))) else rest[1:]
    heads = [i for i, w in enumerate(rest) if head_key(w) in UNNAMED_HEADS]
    if not heads:
        return bool(rest) and all(w[:1].isupper() for w in rest)
    k = heads[0]
    while k + 1 < len(rest) and head_key(rest[k + 1]) in UNNAMED_HEADS:
        k += 1  # a campaign spokesman
    after = rest[k + 1 :]
    return not after or after[0].lower() in POST_PREPOSITIONS and not AUXILIARIES & {w.lower() for w in after}


def _reporter_before(layout: Layout, sent_start: int, cue_start: int) -> tuple[str, int] | None:
    """The speaker of a reporting clause right before a participle: "Spicer" in
    "Ryan and Trump will meet next week, Spicer said, adding, “...”" (or
    "said Spicer, adding"). The participle goes on from that clause, whose
    subject is not the sentence's first noun phrase."""
    left = layout.masked[sent_start:cue_start].rstrip()
    if not left.endswith(","):
        return None
    left = left[:-1]
    breaks = list(CLAUSE_BREAK.finditer(left))
    at = breaks[-1].end() if breaks else 0
    if at == 0:
        return None  # the reporting clause opens the sentence: its subject is the sentence's
    cues = cues_in(left, at)
    if len(cues) != 1:
        return None
    cue = cues[0]
    if not left[cue.end() :].strip():  # Spicer said, adding
        chunk = strip_adverbs(left[at : cue.start()]).strip()
        if chunk and np_kind(chunk, at_cue=True) in ("name", "pronoun"):
            return chunk, sent_start + at + left[at:].find(chunk)
        return None
    after = NP_AFTER_CUE.match(left, cue.end())  # said Spicer, adding
    if after and after.end() == len(left.rstrip()) and np_kind(after.group("np"), at_cue=True) == "name":
        return after.group("np"), sent_start + after.start("np")
    own = _REPORTER.match(left, at, cue.start())  # even a top strategist said Clinton must choose, saying
    if own and own.group("np").strip() and not CHUNK_BREAK.search(own.group("np")) \
            and _is_description(own.group("np").split()):
        return own.group("np"), sent_start + own.start("np")
    return None


_REPORTER = re.compile(r"\s*(?:(?:even|also|then|now)\s+)?(?P<np>.+?)\s*$")
"""The subject of a reporting clause, after a word that may stand before it: (even) a top strategist."""


def _shared_subject(left: str, breaks: list[re.Match]) -> tuple[str, int] | None:
    """The subject a verb after "and" or "but" shares with the verb before it:
    "Cruz" in "when Cruz knocked Rubio on trade and called (him ...)", as
    (words, where they start in ``left``). A clause opened by *when*, *as*,
    *after* ... with no comma may run on into the main clause, whose subject
    is the one the verb shares: "Miss Bartlett" in "When they were out of
    earshot Miss Bartlett stopped her wails and (said)", "As she entered he
    stopped, and (said)". A name alone after a
    comma ends the clause before it, and is no subject: "He" in "He visited
    a school in Laredo, Texas and (explained)"."""
    if not breaks or breaks[-1].group().lower() not in ("and", "but"):
        return None
    last, skipped = len(breaks), False
    while True:  # the clause before "and"; a name alone between a comma and "and" is no
        # clause's subject but the end of the clause before it, which is read instead:
        # (He visited the border in Laredo,) Texas (and explained)
        last -= 1
        start = breaks[last - 1].end() if last else 0
        clause = left[start : breaks[last].start()]
        np = leading_np(clause.strip())
        if not clause.strip() and last and breaks[last - 1].group() == "," and not skipped:
            skipped = True  # (As she entered he stopped), and (said): the clause before the comma,
            continue  # when a subordinate clause opens it (below)
        if not (np and np == clause.strip() and last and breaks[last - 1].group() == ","):
            break
    if not np or np_kind(np) not in ("name", "pronoun"):
        return None
    at = start + clause.find(np)
    if last and breaks[last - 1].group().lower() in _SUBORDINATING:
        main = _MAIN_SUBJECT.search(clause, clause.find(np) + len(np))
        if main and np_kind(main.group("np")) in ("name", "pronoun"):
            return main.group("np"), start + main.start("np")
    return None if skipped else (np, at)  # (not "Trump joked that Brooklyn was his answer, but (went on)")


_SUBORDINATING = frozenset("when as after before while because although though if".split())
_MAIN_SUBJECT = re.compile(rf"\s(?P<np>{RUN.pattern}|he|she|I)\s+(?=[a-z]+ed\b)", re.VERBOSE)
"""A name (or *he*, *she*, *I*) and a verb in the past tense, after a subordinate
clause with no comma: *(When they were out of earshot) Miss Bartlett stopped*, *(As
she entered) he stopped*."""


_TIME_WORDS = "|".join(sorted(DATES | {"week", "weekend", "month", "year", "night", "morning", "afternoon",
                                        "evening", "day"}))
_TAIL = re.compile(
    rf"""(?:
        \s*\((?:[RDI]|Rep|Dem|Ind)\.?(?:-[^()]{{1,20}})?\)                  # a party tag: Warren (D-MA), Holsman (D)
      | \s+(?:on|last|this|next|late|early|earlier|later|in|during|over|that)?\s*
        (?:the\s+)?(?:past\s+)?(?i:{_TIME_WORDS})s?(?:\s+(?i:morning|afternoon|evening|night))?  # last week, on Friday
      | \s+(?:(?:less|more)\s+than\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|
        a\s+few|\d+)\s+(?:days?|weeks?|months?|years?|hours?)\s+ago                  # less than two weeks ago
      | \s+(?:{ADVERB_PATTERN}|long)                                       # also, has always
      | \s*,\s*(?:{_ASIDE_WORDS}|in\s+turn|for\s+(?:his|her|their|its)\s+part)\s*,     # , however,
    )\s*$""",
    re.VERBOSE,
)


def _blank_tail(left: str) -> str:
    """The words before a verb with what stands between its subject and it
    blanked out (same length, so that positions hold): a party tag, a time,
    an adverb (*Sen. Dianne Feinstein (D-Calif.) last week* (said), *The
    State Department less than two weeks ago* (said), *The U.S. media has
    always* (claimed)).

    >>> _blank_tail("Sen. Ann Birch (D-Ore.) last week ").rstrip()
    'Sen. Ann Birch'
    """
    while True:
        m = _TAIL.search(left)
        if not m or m.start() == 0:
            return left
        left = left[: m.start()] + " " * (len(left) - m.start())
_TRAILING_NAME = re.compile(rf"(?<=[a-z,][ ])(?P<np>{RUN.pattern})\s*$", re.VERBOSE)
"""A name that ends a chunk, after a lower-case word: (at the convention) Sen. Ann Birch."""
_OPENING_WORDS = frozenset("in after before while when since upon on by".split())
"""A preposition that opens a phrase with a verb in it, before the subject: In responding Friday, ..."""
_DATELINE = re.compile(r"[A-Z][\w.’'-]*(?:[ ,]+[A-Z][\w.’'-]*){0,3}\s*\([A-Z][\w. ]{1,20}\)\s*[–—-]{1,2}\s*")
"""A news agency's dateline before a story's first sentence: *Washington (AFP) –*,
*ORLANDO, Fla. (Reuters) -*. The agency in brackets tells it from a name set off by
a dash (*Ann Birch – the mayor – said*)."""
_LEAD_WORDS = frozenset("then later also now so still again finally".split())
"""Words that may stand before a subject in its chunk: (and) then Wallnau (continues)."""
_SUBORDINATE = frozenset("what whatever how why whether despite whom whose than".split())


def _subject_words(chunk: str) -> str:
    """The subject in the words before a verb: "Trump" in "Trump at the time"
    (said), "Obama" in "Obama punctuated his list by" (saying); the words as
    they are when they are a noun phrase already (the minister, Analysts at
    Berenberg)."""
    chunk = strip_time_opening(chunk)  # (The following Monday) Anne, (At last) she
    kind = np_kind(chunk, at_cue=True)
    if kind in ("name", "pronoun") or not chunk[:1].isupper():
        return chunk
    if kind == "descriptor" and is_bare_plural(chunk.split()):
        return chunk  # Senior officials, Trump aides (said): a group, not "Senior", not Trump
    lead = leading_np(chunk)
    if lead and lead != chunk and np_kind(lead) in ("name", "pronoun") and not (
            kind == "descriptor" and len(lead.split()) == 1 and chunk.split()[1:2] in (["at"], ["of"], ["for"], ["from"])):
        return lead  # not "Analysts" of "Analysts at Berenberg"
    return chunk


def sentence_subject(layout: Layout, sent_start: int, limit: int) -> tuple[str, int] | None:
    """The first noun phrase of a sentence, after any opening phrase ("On Monday, ").

    The sentence is read clause by clause (between commas, dashes,
    brackets): an opening phrase has no noun phrase at its start and is
    skipped; a descriptor followed by a name (``The board’s chairman,
    Howard Leck, said``) gives the name.
    """
    text, left = layout.masked, sent_start
    dateline = _DATELINE.match(text, sent_start, limit)
    if dateline:  # Washington (AFP) – Democrat Hillary Clinton has ...: the subject is Clinton
        left = sent_start = dateline.end()
    descriptor = None  # a descriptor clause, waiting to see if a name follows it
    place = False  # the clause before ended with a place: "in Salem, New Hampshire, Trump ..."
    for b in [*CLAUSE_BREAK.finditer(text, sent_start, limit), None]:
        right = b.start() if b else limit
        chunk = text[left:right]
        pos = left + len(chunk) - len(chunk.lstrip())
        aside = left > sent_start and text[left - 1] == "("  # (R-Texas)
        was_place, place = place, bool(PLACE_END.search(chunk))
        if aside or was_place and chunk.strip() and chunk.strip()[:1].isupper() and " " not in chunk.strip(" ") \
                and not CUE.search(chunk) or was_place and PLACE_ONLY.fullmatch(chunk.strip()) \
                and name_key(chunk.split()[0]) not in TITLES:  # (resettled in Berkeley Street, Mrs. Jennings)
            left = b.end() if b else limit
            continue
        cues = cues_in(text, left, right)
        if descriptor is not None:
            if not cues and np_kind(strip_adverbs(chunk)) == "name":
                return chunk.strip(), pos  # the apposition names the person
            return descriptor
        np = _subject_words(strip_adverbs(text[left : cues[0].start()])) if cues else leading_np(chunk)
        kind = np_kind(np, at_cue=bool(cues)) if np and not np.isupper() else None  # not TEHRAN, NEW YORK
        if kind is not None:
            if kind == "descriptor" and not cues and len(chunk.split()) <= _APPOSED_DESCRIPTOR_WORDS:
                descriptor = (np, pos)
            else:
                return np, pos
        elif cues and text[left : cues[0].start()].strip().lower() not in _OPENING_WORDS:
            return None  # (not an opening phrase: "In responding Friday, Clinton's campaign ...")
        left = b.end() if b else limit
    return descriptor
