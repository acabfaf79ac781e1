"""Step 5: quotes with no cue of their own, in news and in dialogue.

A quote with no cue gets its speaker from around it:

1. **Its paragraph.** An earlier quote of the paragraph (or a report, *He
   added that ...*), else a later one with a speaker, else the person whom
   the paragraph's narration is about (*Holmes eyed it critically. “Is
   there ...?”*).
2. **The turns before it.** News continues a speaker over paragraphs: a quote
   paragraph after *“...,” Smith said* is Smith's. Dialogue in a novel
   alternates: each new paragraph is the other person's turn. Which of the
   two a text does is learned from the text itself (:func:`is_dialogue`):
   if, where two neighbouring paragraphs both name the speaker of their
   quotes, the speaker changes most of the time, the text is a dialogue.
   A passage too short to have many such pairs (a scene a teacher picks)
   is one when it is written as fiction is: *said he*, short lines
   of speech that follow one another with no cue, or replies (*returned
   Louisa*) and questions answered.
3. **In a dialogue**, the turns of a conversation are read together
   (:func:`take_turns`): the reading of who said each turn that best fits
   the rules of a conversation (turns go back and forth, the person a turn
   addresses by name answers it, *she* is a woman, the narrator is never
   *he*), with the named turns fixed. Who may speak: the people the
   conversation names, those of the one just before, and those the
   narration of the dozen paragraphs before it names; an unmarked turn
   right after narration leans to the person that narration was about
   (*Mr. Beebe came to the rescue.* / *“...”*), unless the narration
   tells what that person said (*Elinor told him the number of the
   house.*, :func:`reports_speech`): that was their turn, and the quote
   after it answers them.

The narrator (*I*) is named when the quotes next to the narrator's address
them by name, most of the time by the same one. A description a novel uses
again and again (*said the girl*, *said the Jew*) is an epithet, named by
:func:`kit.quotes.epithets.name_descriptions` from the scenes it is used in.

>>> vocatives("My dear Mr. Bennet, have you heard? Lizzy, come here.")
['Mr. Bennet', 'Lizzy']
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import takewhile
from typing import Callable, NamedTuple

from kit.quotes.names import AUXILIARIES, PREPOSITIONS, RUN, is_person_name, is_sentence_word, name_key, split_name

__all__ = ["ADDRESSES_BACK", "ALTERNATION", "ANSWERS_VOCATIVE", "GOES_BACK", "MIN_PAIRS", "OWN_EVIDENCE",
           "REJOINDERS", "REPLY_VERBS", "SAME_SPEAKER", "SAME_SPEAKER_LED", "SHORT_LINE", "Signs", "Turn",
           "answered_as", "answered_by", "is_dialogue", "only_names", "reports_speech", "take_turns", "turns_alternate",
           "vocatives"]

ALTERNATION = 0.6
"""The share of speaker changes between neighbouring named turns above which a
text is read as a dialogue (turns alternate) rather than as news (a speaker
goes on)."""
MIN_PAIRS = 8
"""How many pairs of neighbouring named turns a text needs before it can be read
as a dialogue: a news story has a few, a novel hundreds."""
SHORT_LINE = 120
"""The most characters of a paragraph that is a short line of speech: a quote
(or two) and nothing else, no cue, no narration (*“Then when?”*)."""


class Signs(NamedTuple):
    """What a text shows of how its quotes follow one another (:func:`is_dialogue`)."""

    pairs: list[tuple[str, str]]
    """(speaker, next speaker) for neighbouring paragraphs whose quotes both name their speaker."""
    said_pronoun: int = 0
    """Cues with the verb before *he*, *she* or *I* (*“...,” said he*), and a narrator's
    own cues (*“...,” I answered*): the grammar of a story, which news does not write."""
    lines: int = 0
    """Short lines of speech (:data:`SHORT_LINE`) right after a paragraph with a quote."""
    exchange: int = 0
    """The most short lines of speech in a row."""
    addresses: int = 0
    """Quotes that call a person of the text by name (*“No, Elinor, ...”*): people in
    a story talk to one another, while the people news quotes talk to its readers."""
    replies: int = 0
    """Cues whose verb says that the quote answers someone (:data:`REPLY_VERBS`)."""
    answers: int = 0
    """Paragraphs of speech right after a paragraph whose last quote asks a question."""
    rejoinders: int = 0
    """Paragraphs that open with a quote whose first word is a rejoinder (:data:`REJOINDERS`:
    *“No, ...”*, *“Well, ...”*), right after a paragraph with a quote."""


REPLY_VERBS = frozenset("replied replies answered answers returned rejoined retorted responded".split())
"""Reporting verbs that say, by their meaning, that a quote answers someone else's
(*“...,” returned Louisa*): the sign of an exchange."""
REJOINDERS = frozenset("yes no oh well why not nay aye ah indeed".split())
"""Words that open a reply, set off by a comma or a stop (*“No, she didn't.”*, *“Well,
hardly that.”*): the sign of an exchange when a paragraph of speech opens with one
(see :attr:`Signs.rejoinders`)."""

_VOCATIVE = re.compile(
    rf"""
    (?:^|(?:[,;!?—–]|--)\s*|(?<![\w’'-])(?:[Mm]y\s+)?(?:[Dd]ear(?:est)?|[Oo]h|[Oo]|[Yy]es|[Nn]o|[Ww]ell)\s*,?\s+)
    (?P<name>{RUN.pattern})
    (?=\s*(?:[,!?;.…—–]|--|$))     # a dash may be two hyphens, as typewritten (and in Project Gutenberg's texts)
    """,
    re.VERBOSE,
)


def vocatives(quote: str) -> list[str]:
    """The names a quotation addresses someone by: set off by commas (*Lizzy, come
    here*, *I know, Watson.*) or dashes, or after *dear*, *oh*, *yes* or *no*.

    >>> vocatives("That you, Watson?"), vocatives("Watson is here."), vocatives("Yes, Mrs. Hudson.")
    (['Watson'], [], ['Mrs. Hudson'])

    A dash typed as two hyphens sets a name off as well as one dash does:

    >>> vocatives("Come in--Mr. Pike--the gate is shut."), vocatives("I asked Mr. Pike--he said no.")
    (['Mr. Pike'], [])

    A name after a verb or a preposition is part of a clause, not set off to call
    anyone, though a comma follows it (*“Is Mr. Edward Ferrars,” said Elinor, “going
    to be married?”*); the words of a call before a name are not (*Dear*, *Oh*):

    >>> vocatives("Is Mr. Edward Ferrars,"), vocatives("Here's Mr. Beebe."), vocatives("Dear Lucy, come in.")
    ([], [], ['Lucy'])
    >>> vocatives("Will Ladislaw, come in.")
    ['Ladislaw']

    A title alone is kept (*“Well, Colonel, ...”*): the cast knows who holds it.

    >>> vocatives("Oh! Colonel, I am glad to see you.")
    ['Colonel']
    """
    return list(_vocatives(quote))


_FIRST_NAMES = frozenset({"may", "will", "can"})
_GOVERNS = re.compile(rf"(?i:{'|'.join(sorted(AUXILIARIES - _FIRST_NAMES | PREPOSITIONS))})|[^\W\d_]+(?:[’']s|n[’']t)")
"""A first word that makes the name after it part of a clause, not a name set off to call
someone: a verb (*Is*, *Has*, *Here's*, *Doesn't*) or a preposition (*By*, *To*, *At*);
but not *May*, *Will* or *Can*, which may be the first name itself (*Will Ladislaw,*)."""


@lru_cache(maxsize=8192)
def _vocatives(quote: str) -> tuple[str, ...]:
    # (a quote is asked about several times: by the signs, the turns and the cast)
    found = []
    for m in _VOCATIVE.finditer(quote):
        words = m.group("name").split()
        if _GOVERNS.fullmatch(words[0]):
            continue  # “Is Mr. Edward Ferrars,” said Elinor, “going to be married?”: a subject, not set off
        while words and is_sentence_word(words[0]) and name_key(words[0]) not in ("mr", "mrs", "miss", "ms"):
            words.pop(0)  # (“Dear Lucy,”, “Oh Marianne,”: the words of a call)
        title, name = split_name(words)
        if name and is_person_name(name) and not is_sentence_word(name[0]):
            found.append(" ".join(words))
        elif not name and len(title) == 1:
            found.append(title[0])  # “Oh! Colonel, ...”: a rank alone calls the one who holds it
    return tuple(found)


def only_names(quote: str) -> bool:
    """Whether a quotation is names it calls out and nothing else (*“Eleanor!”*,
    *“Mr. Emerson?”*, *“Mr. Thaddeus Sholto,”*): someone calling out, asking
    who a person is, or giving their own name, rather than speaking to them.

    >>> only_names("Eleanor!"), only_names("Charlotte--Charlotte."), only_names("Eleanor, be quiet.")
    (True, True, False)
    """
    if len(quote) > _NAMES_LONGEST:
        return False  # (not read through: a book written as one paragraph has quotes of pages)
    names = vocatives(quote)
    for name in names:
        quote = quote.replace(name, "")
    return bool(names) and not _NOT_A_NAME.sub("", quote)


_NAMES_LONGEST = 200
"""Characters: a quotation that only calls out names is shorter than this."""


_NOT_A_NAME = re.compile(r"[\W_]+")
"""What is left of a quotation once the names it calls out are taken away: marks and spaces only."""


_REPORTS_SPEECH = re.compile(
    r"""
    (?<![\w’'-])(?<!had\s)(?<!having\s)                 # not what was said before: had suggested
    (?:asked|inquired|enquired|told|agreed|assented|thanked|promised|begged|suggested|
       (?:said|replied|answered|observed|explained|declared|added)(?=\s+(?:that|he|she|it|they|so)\b))
    (?![\w’'-])
    """,
    re.VERBOSE,
)


def reports_speech(sentence: str) -> bool:
    """Whether a sentence of narration tells what someone said, as a whole, in
    their own turn (*Elinor told him the number of the house.*, *He agreed that
    he might.*, *Lucy asked whether he was ill.*): a verb of saying, asking,
    agreeing or thanking, and the sentence ends there. One that ends with a
    colon, a comma or a dash leads into the words that follow instead (*She
    turned to him and said:*), and one in the past perfect (*had suggested*)
    tells of an earlier time.

    >>> reports_speech("Ann thanked him for the tea."), reports_speech("He said that he would come.")
    (True, True)
    >>> reports_speech("Ann thanked him, and said:"), reports_speech("Ann had asked for tea."), reports_speech("Ann nodded.")
    (False, False, False)
    """
    end = sentence.rstrip().rstrip("”\"’'").rstrip()
    if not end.endswith((".", "!", "?")) or end.endswith("..."):
        return False
    return _REPORTS_SPEECH.search(sentence) is not None


def is_dialogue(signs: Signs) -> bool:
    """Whether a text's turns alternate (a novel) rather than a speaker going on (news).

    A long text tells by its pairs of neighbouring paragraphs whose quotes
    both have a named speaker: more than :data:`ALTERNATION` of them change
    speaker, and there are at least :data:`MIN_PAIRS` such pairs. A short
    passage has too few pairs to tell, so it tells by how it is written:
    two cues with the verb first and a pronoun after it (*said he*; news
    writes one now and then, in a story it tells) or with the narrator's *I*
    (*I answered*), two short lines of speech
    in a row with no cue (*“Then when?” / “Soon.”*), three such lines in
    all, three quotes that call someone of the text by name, or three signs
    of an exchange: cues whose verb says the quote answers someone
    (*returned Louisa*, :data:`REPLY_VERBS`) and quotes that ask a question
    the next paragraph of speech answers. Two paragraphs of speech that open
    with a rejoinder (*“No, she didn't ...”*, *“Well, hardly that.”*,
    :data:`REJOINDERS`) are an exchange too. In 840 news articles these signs
    find a few dialogues, in parts written as questions and answers, and the
    speakers right there rise (3,968 to 3,972); the signs of an exchange
    change no news speaker (no article has two rejoinders). In the benchmark's
    passages of 2,500 and 6,000 characters from eight novels, they find the
    dialogue in most, and the speakers right rise from 60% to 70% and from 66%
    to 78%. The rejoinders find 16 dialogues more among those passages
    (speakers right: 20 more and 1 fewer at 2,500 characters, 3 more at
    6,000; no whole novel changes): without them, such a passage went on as
    news does, each unnamed reply given to the one it answers.

    >>> is_dialogue(Signs([("Anne", "Mary"), ("Mary", "Anne")] * 4))
    True
    >>> is_dialogue(Signs([("Jane Doe", "Jane Doe"), ("Jane Doe", "Tom Roe"), ("Tom Roe", "Tom Roe")]))
    False
    >>> is_dialogue(Signs([("Anne", "Mary")], exchange=2)), is_dialogue(Signs([], said_pronoun=2))
    (True, True)
    >>> is_dialogue(Signs([], said_pronoun=1, lines=2))
    False
    >>> is_dialogue(Signs([], replies=2, answers=1)), is_dialogue(Signs([], replies=1, answers=1))
    (True, False)
    >>> is_dialogue(Signs([], rejoinders=2)), is_dialogue(Signs([], rejoinders=1))
    (True, False)
    """
    if signs.said_pronoun >= 2 or signs.exchange >= 2 or signs.lines >= 3 or signs.addresses >= 3 \
            or signs.replies + signs.answers >= 3 or signs.rejoinders >= 2:
        return True
    return turns_alternate(signs)


def turns_alternate(signs: Signs) -> bool:
    """Whether a text's named turns alternate, as a novel's do: of at least
    :data:`MIN_PAIRS` pairs of neighbouring paragraphs whose quotes both have
    a named speaker, more than :data:`ALTERNATION` change speaker. The
    strongest of :func:`is_dialogue`'s signs: it needs a story's length, and
    no news article of PolNeAR's 840 shows it.

    >>> turns_alternate(Signs([("Anne", "Mary"), ("Mary", "Anne")] * 4)), turns_alternate(Signs([], said_pronoun=2))
    (True, False)
    """
    if len(signs.pairs) < MIN_PAIRS:
        return False
    changes = Counter(a != b for a, b in signs.pairs)
    return changes[True] > ALTERNATION * len(signs.pairs)


class Turn:
    """One paragraph of quotes in a dialogue, as :func:`take_turns` reads it."""

    __slots__ = ("para", "speaker", "fixed", "gender", "addressed", "nearby", "last", "calls", "led", "trailed")

    def __init__(self, para: int, speaker: str | None, *, fixed: bool, gender: str | None = None,
                 addressed: tuple[str, ...] = (), nearby: tuple[str, ...] = (), last: int | None = None,
                 calls: bool = False, led: bool = False, trailed: bool = False) -> None:
        self.para = para
        self.last = para if last is None else last
        """The paragraph where the turn ends (a quote may run over several)."""
        self.speaker = speaker
        self.fixed = fixed
        """Whether the text names this turn's speaker (said Anne, the narration's subject)."""
        self.gender = gender
        """The gender of a pronoun that names the speaker ("he said"), when that is all."""
        self.addressed = addressed
        """The people the turn's quotes address by name, or the narration says they are said to."""
        self.nearby = nearby
        """The people the narration just before (or inside) the turn names, latest first."""
        self.calls = calls
        """Whether the turn's words are a name and nothing else (*“Eleanor!”*, *“Emerson?”*):
        one calls out to someone, or asks who they are, and is not who says it;
        but the one named answers it far less often than one addressed in a
        sentence (a fifth of the time in the novels of PDNC, against three
        fifths), so it earns no :data:`ANSWERS_VOCATIVE`."""
        self.led = led
        self.trailed = trailed
        """Whether the turn's last paragraph goes on with narration, a sentence or
        more, after its last quote (*“Come along,” said Mr. Beebe, and bustled his
        guests out. He hustled them so quickly that ...*): then the one who spoke
        may well speak the next turn too (:data:`SAME_SPEAKER_LED`)."""
        """Whether the paragraph opens with narration before its first quote (*Anne
        named them all. Mrs Smith made no reply; but ... “Well, ...”*): then the one
        who spoke the turn before goes on far more often (:data:`SAME_SPEAKER_LED`)."""


def take_turns(turns: list[Turn], gender_of: Callable[[str], str | None]) -> list[str | None]:
    """The speaker of each turn of a dialogue (``turns`` in text order).

    Turns in neighbouring paragraphs make a conversation. A turn whose speaker
    the text names is fixed. The others are read so that the conversation
    fits these rules best (:func:`_conversation` gives each rule its points):

    * a new paragraph is a new speaker, and a conversation of two goes back
      and forth (A, B, A, B);
    * the person a turn addresses by name (*“That you, Watson?”*) or is said
      to (*said Lucy to Cecil*) speaks next, and did not say it;
    * a turn said by *he* or *she* is said by someone of that gender
      (``gender_of(name)``, None when the text does not say), and its own
      hint (the person *he* refers to, the subject of its narration) counts.

    Who may speak: the people the conversation names, points to or
    addresses, those of a conversation a few paragraphs before it, and the
    people the narration of the paragraphs before it names. Even a conversation where no
    turn names anyone is read so: in a novel its speakers are most often the
    people just seen (*“At eight.” / “Signora Bertolini would be upset.”*,
    after a conversation of Lucy and Charlotte). Only a conversation with no
    one of these gets no speakers; and one with a single person who may
    speak, whom it names at a turn, goes back and forth between that person
    and someone it does not name, whose turns get no speaker (*“At eight,”
    said Miss Bartlett*, between the girl's turns: not her again and again).

    >>> t = [Turn(1, "Anne", fixed=True), Turn(2, "Mary", fixed=True), Turn(3, None, fixed=False),
    ...      Turn(4, None, fixed=False), Turn(6, None, fixed=False), Turn(20, None, fixed=False)]
    >>> take_turns(t, lambda name: None)
    ['Anne', 'Mary', 'Anne', 'Mary', 'Mary', None]
    """
    found = [t.speaker for t in turns]
    start = 0
    before: tuple[str, ...] = ()
    while start < len(turns):
        end = start + 1
        while end < len(turns) and turns[end].para == turns[end - 1].last + 1:
            end += 1
        if start and turns[start].para - turns[start - 1].last > _RESUMES:
            before = ()
        # The turns are in the order of the text, so the look back stops at the
        # first turn too far back (not at the start of a book).
        recent = takewhile(lambda t: turns[start].para - t.para <= _SPOKE, (turns[i] for i in range(start - 1, -1, -1)))
        spoke = tuple(dict.fromkeys(t.speaker for t in recent if t.fixed and t.speaker))
        _conversation(turns[start:end], found, start, gender_of, before, spoke)
        before = tuple(dict.fromkeys(reversed([f for f in found[start:end] if f])))
        start = end
    return found


# Points for the rules of a conversation: the speakers of its turns are the
# reading with the most points (see :func:`_conversation`).
SAME_SPEAKER = -4.0
"""A turn said by the person who said the turn before: rare (a new paragraph is a new speaker)."""
SAME_SPEAKER_LED = -1.0
"""The same, when the turn's paragraph opens with narration: far less rare. In the
novels of PDNC, the speaker of a paragraph's first quote is the one of the
paragraph before's last quote 3% of the time when the paragraph opens with the
quote (6,643 pairs), but 31% of the time when it opens with narration (494);
these points are about those odds (log 0.03/0.97 and log 0.31/0.69). The same
holds when the paragraph before ends with narration after its last quote, a
sentence or more (:attr:`Turn.trailed`): the speaker goes on 30% of the time
(213 pairs)."""
GOES_BACK = 2.5
"""A turn said by the person who spoke two turns before (A, B, A): a conversation of two,
the commonest; as strong as an answer to one's name, a little weaker than a turn's own hint."""
ANSWERS_VOCATIVE = 2.5
"""A turn said by the person the turn before addressed by name (*“That you, Watson?”*)."""
ADDRESSES_BACK = 1.5
"""A turn that addresses by name the person who said the turn before."""
OWN_EVIDENCE = 3.0
"""A turn said by the person its own words point to, when they do not name them
(*he said*, the subject of its narration)."""
_PRIOR = {"named": 0.0, "own": -0.5, "addressed": -0.5, "spoke": -0.5, "nearby": -0.8, "before": -1.0,
          "someone": -1.0}
"""Points for who may speak in a conversation: a speaker it names, one its turns
point to or address, one the narration before it names, a speaker of the
conversation a few lines before. The last is the least likely: a person the
narration between the two does not name again has most often left the scene
(or was a wrong guess there), and a guess must not carry on from one
conversation to the next. As unlikely: someone the text does not name, who
may speak only when a conversation has one person who may, whom it names at
a turn (its turns go back and forth between that person and the other: never
a guess)."""
_RESUMES = 6
"""A conversation may go on with the people of the one before when at most this
many paragraphs of narration stand between them (*Sikes nodded.*)."""
_SPOKE = 12
"""How many paragraphs back a named speaker still counts as one who spoke a moment
ago (the ``spoke`` people of :func:`_people`)."""
_MAX_PEOPLE = 8
"""The most people one conversation is read with."""
_SOMEONE_ELSE = "\x01"
"""Who said a turn that no one of its conversation can have said, or the other side of a
conversation that names one person (see :data:`_PRIOR`): no speaker."""
_NEARBY_PEOPLE = 6
"""How many of the people the narration before a conversation names (latest first) may
speak in it: a scene of a novel (a dinner, a drive) often has five or six."""


def _people(run: list[Turn], before: tuple[str, ...] = (), spoke: tuple[str, ...] = ()) -> dict[str, float]:
    """Who may speak in a conversation, with the points each starts with (:data:`_PRIOR`)."""
    people: dict[str, float] = {}

    def add(name: str | None, kind: str) -> None:
        if name and (name not in people or people[name] < _PRIOR[kind]):
            people[name] = _PRIOR[kind]

    for turn in run:
        add(turn.speaker, "named" if turn.fixed else "own")
        for name in turn.addressed:
            add(name, "addressed")
    for name in before[:2]:
        add(name, "before")
    for name in spoke:  # named by the narration just before, and a speaker a moment ago
        if name in run[0].nearby[:_NEARBY_PEOPLE]:
            add(name, "spoke")
    for name in run[0].nearby[:_NEARBY_PEOPLE]:
        add(name, "nearby")
    if len(people) == 1 and any(turn.fixed and turn.speaker for turn in run):
        # a conversation the text names one side of (“We must face that,” said Miss
        # Bartlett, between the turns of “the girl”): the other side is someone it
        # does not name, not the same person again and again
        people[_SOMEONE_ELSE] = _PRIOR["someone"]
    ranked = sorted(people, key=lambda n: -people[n])[:_MAX_PEOPLE]
    return {n: people[n] for n in ranked}


def _conversation(run: list[Turn], found: list[str | None], offset: int,
                  gender_of: Callable[[str], str | None], before: tuple[str, ...] = (),
                  spoke: tuple[str, ...] = ()) -> None:
    """Fill the turns of one conversation (consecutive paragraphs), see :func:`take_turns`.

    Every reading of who said which turn gets points from the rules above
    (:data:`SAME_SPEAKER`, :data:`GOES_BACK`, :data:`ANSWERS_VOCATIVE`,
    :data:`ADDRESSES_BACK`, :data:`OWN_EVIDENCE`); a named turn keeps its
    speaker, no one addresses themselves, and a turn said by *he* or *she*
    is said by a person of that gender. The reading with the most points
    wins. A conversation with no one who may speak (:func:`_people`) is
    left alone.
    """
    people = _people(run, before, spoke)
    if not people:
        return
    options = [_options(turn, people, gender_of) for turn in run]
    # a turn no one of the conversation can have said (its "she" fits no one, or it
    # addresses everyone) was someone else's: the others are read around it, and it
    # is left as it was
    reading = _best_reading(run, [o or [(_SOMEONE_ELSE, 0.0)] for o in options])
    for i, (turn, name) in enumerate(zip(run, reading)):
        if not turn.fixed and options[i]:
            found[offset + i] = None if name == _SOMEONE_ELSE else name


def _options(turn: Turn, people: dict[str, float], gender_of: Callable[[str], str | None]
             ) -> list[tuple[str, float]]:
    """Who may have said ``turn``, each with its points: a named turn's speaker
    only; else anyone of the conversation but the people the turn addresses,
    and of the gender its *he* or *she* says."""
    if turn.fixed and turn.speaker:
        return [(turn.speaker, 0.0)]
    found = []
    for name, prior in people.items():
        if name in turn.addressed:
            continue  # no one addresses themselves
        if turn.gender is not None and gender_of(name) not in (turn.gender, None):
            continue  # "she said": not a man
        found.append((name, prior + (OWN_EVIDENCE if name == turn.speaker else 0.0)))
    return found


def _points(a: str | None, b: str, c: str, previous: Turn, turn: Turn) -> float:
    """The points the rules give ``turn`` said by ``c``, when the two turns before
    it were said by ``a`` and ``b`` (``previous`` is the turn ``b`` said)."""
    points = 0.0
    if c == b:
        points += SAME_SPEAKER_LED if turn.led or previous.trailed else SAME_SPEAKER
    elif c == a:
        points += GOES_BACK
    if c != b and previous.addressed[:1] == (c,) and not previous.calls:
        points += ANSWERS_VOCATIVE
    if c != b and b in turn.addressed:
        points += ADDRESSES_BACK
    return points


def _best_reading(run: list[Turn], options: list[list[tuple[str, float]]]) -> list[str]:
    """The speakers of ``run`` with the most points (a Viterbi search: for each
    pair of speakers of the last two turns, only the best reading that ends
    with them is kept, so the work grows with the length of the conversation,
    not with the number of readings)."""
    best: dict[tuple[str | None, str], float] = {(None, name): points for name, points in options[0]}
    back: list[dict[tuple[str | None, str], tuple[str | None, str]]] = []
    for i in range(1, len(run)):
        here: dict[tuple[str | None, str], float] = {}
        came: dict[tuple[str | None, str], tuple[str | None, str]] = {}
        for (a, b), so_far in best.items():
            for c, own in options[i]:
                points = so_far + own + _points(a, b, c, run[i - 1], run[i])
                if (b, c) not in here or points > here[(b, c)]:
                    here[(b, c)], came[(b, c)] = points, (a, b)
        best = here
        back.append(came)
    state = max(best, key=best.get)
    path = [state[1]]
    for came in reversed(back):
        state = came[state]
        path.append(state[1])
    return path[::-1]


def answered_by(turns: list[Turn]) -> dict[str, Counter]:
    """For each name a turn addresses first (not a call), who answers it in the
    next paragraph, by name, and how often.

    >>> t = [Turn(1, "Bill", fixed=True, addressed=("Nan",)), Turn(2, "the girl", fixed=True)]
    >>> answered_by(t)
    {'Nan': Counter({'the girl': 1})}
    """
    answers: dict[str, Counter] = {}
    for before, turn in zip(turns, turns[1:]):
        if turn.para == before.last + 1 and turn.fixed and turn.speaker and before.addressed and not before.calls:
            answers.setdefault(before.addressed[0], Counter())[turn.speaker] += 1
    return answers


def answered_as(turns: list[Turn]) -> dict[str, str]:
    """The names a text addresses people by, mapped to the name the narration
    gives them when they answer (*“... Fagin?”* / *“...,” said the Jew*;
    *“... Charlotte.”* / *“...,” said Miss Bartlett*): the person a turn
    addresses by name answers it, so when the named turn that answers is
    said by another name, both names are one person.

    A name is mapped when the turns that answer it are said by the same
    other name at least :data:`_ALIAS_VOTES` times and in most cases, and the
    two names never speak in the same conversation as two people.

    >>> t = [Turn(1, "Bill", fixed=True, addressed=("Nan",)), Turn(2, "the girl", fixed=True),
    ...      Turn(5, "Bill", fixed=True, addressed=("Nan",)), Turn(6, "the girl", fixed=True)]
    >>> answered_as(t)
    {'Nan': 'the girl'}
    """
    answers = answered_by(turns)
    together: set[tuple[str, str]] = set()
    run: list[Turn] = []
    for i, turn in enumerate(turns):
        if not (i and turn.para == turns[i - 1].last + 1):
            run = []
        if turn.fixed and turn.speaker:
            together.update((turn.speaker, other.speaker) for other in run if other.speaker)
            run.append(turn)
    found = {}
    for name, counter in answers.items():
        (other, n), total = counter.most_common(1)[0], sum(counter.values())
        if other != name and n >= _ALIAS_VOTES and 2 * n > total and (name, other) not in together \
                and (other, name) not in together and counter[name] == 0:
            found[name] = other
    return found


_ALIAS_VOTES = 2
"""How often a name must be answered by the same other name before both are one person."""
