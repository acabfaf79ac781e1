"""Step 5: quotes with no cue of their own, in news and in dialogue.

A quote with no cue gets its speaker from around it:

1. **Its paragraph.** An earlier quote of the paragraph (or a report, *He
   added that ...*), else a later one with a speaker, else the person whom
   the paragraph's narration is about (*Holmes eyed it critically. “Is
   there ...?”*).
2. **The turns before it.** News continues a speaker over paragraphs: a quote
   paragraph after *“...,” Smith said* is Smith's. Dialogue in a novel
   alternates: each new paragraph is the other person's turn. Which of the
   two a text does is learned from the text itself: if, where two
   neighbouring paragraphs both name the speaker of their quotes, the speaker
   changes most of the time, the text is a dialogue.
3. **In a dialogue**, a turn's speaker is the person the turn before
   addressed by name (a *vocative*: *“That you, Watson?” he cried.*), else the
   speaker two turns back (A, B, A, B), read forwards and then backwards.

The narrator (*I*) is named when the quotes next to the narrator's address
them by name, most of the time by the same one.

>>> vocatives("My dear Mr. Bennet, have you heard? Lizzy, come here.")
['Mr. Bennet', 'Lizzy']
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from kit.quotes.names import RUN, is_person_name, is_sentence_word, name_key, split_name

__all__ = ["ALTERNATION", "MIN_PAIRS", "Turn", "is_dialogue", "take_turns", "vocatives"]

ALTERNATION = 0.6
"""The share of speaker changes between neighbouring named turns above which a
text is read as a dialogue (turns alternate) rather than as news (a speaker
goes on)."""
MIN_PAIRS = 8
"""How many pairs of neighbouring named turns a text needs before it can be read
as a dialogue: a news story has a few, a novel hundreds."""

_VOCATIVE = re.compile(
    rf"""
    (?:^|[,;!?—–]\s*|(?<![\w’'-])(?:[Mm]y\s+)?(?:[Dd]ear(?:est)?|[Oo]h|[Oo]|[Yy]es|[Nn]o|[Ww]ell)\s*,?\s+)
    (?P<name>{RUN.pattern})
    (?=\s*(?:[,!?;.…—–]|$))
    """,
    re.VERBOSE,
)


def vocatives(quote: str) -> list[str]:
    """The names a quotation addresses someone by: set off by commas (*Lizzy, come
    here*, *I know, Watson.*) or after *dear*, *oh*, *yes* or *no*.

    >>> vocatives("That you, Watson?"), vocatives("Watson is here."), vocatives("Yes, Mrs. Hudson.")
    (['Watson'], [], ['Mrs. Hudson'])
    """
    found = []
    for m in _VOCATIVE.finditer(quote):
        words = m.group("name").split()
        while words and is_sentence_word(words[0]) and name_key(words[0]) not in ("mr", "mrs", "miss", "ms"):
            words.pop(0)
        title, name = split_name(words)
        if name and is_person_name(name) and not is_sentence_word(name[0]):
            found.append(" ".join(words))
    return found


def is_dialogue(pairs: list[tuple[str, str]]) -> bool:
    """Whether a text's turns alternate, from its pairs of neighbouring paragraphs
    whose quotes both have a named speaker: more than :data:`ALTERNATION` of
    them change speaker, and there are at least :data:`MIN_PAIRS` such pairs.

    >>> is_dialogue([("Anne", "Mary"), ("Mary", "Anne")] * 4)
    True
    >>> is_dialogue([("Jane Doe", "Jane Doe"), ("Jane Doe", "Tom Roe"), ("Tom Roe", "Tom Roe")])
    False
    """
    if len(pairs) < MIN_PAIRS:
        return False
    changes = Counter(a != b for a, b in pairs)
    return changes[True] > ALTERNATION * len(pairs)


class Turn:
    """One paragraph of quotes in a dialogue, as :func:`take_turns` reads it."""

    __slots__ = ("para", "speaker", "fixed", "gender", "addressed", "nearby")

    def __init__(self, para: int, speaker: str | None, *, fixed: bool, gender: str | None = None,
                 addressed: tuple[str, ...] = (), nearby: tuple[str, ...] = ()) -> None:
        self.para = para
        self.speaker = speaker
        self.fixed = fixed
        """Whether the text names this turn's speaker (said Anne, the narration's subject)."""
        self.gender = gender
        """The gender of a pronoun that names the speaker ("he said"), when that is all."""
        self.addressed = addressed
        """The people the turn's quotes address by name."""
        self.nearby = nearby
        """The people the narration just before (or inside) the turn names, latest first."""


def take_turns(turns: list[Turn], gender_of: Callable[[str], str | None]) -> list[str | None]:
    """The speaker of each turn of a dialogue (``turns`` in text order).

    Turns in neighbouring paragraphs make a conversation. A turn whose speaker
    the text names is an anchor. Any other turn is spoken by the person the
    turn before addressed by name, else it is read from the nearest anchor:
    at an even distance the anchor's speaker, at an odd one their partner
    (the other speaker of the conversation, the person they address, or the
    person the narration named before). A turn named only by "he" or "she"
    takes that speaker when the gender fits (``gender_of(name)``, None when
    unknown); otherwise it keeps its own.

    >>> t = [Turn(1, "Anne", fixed=True), Turn(2, "Mary", fixed=True), Turn(3, None, fixed=False),
    ...      Turn(4, None, fixed=False), Turn(6, None, fixed=False)]
    >>> take_turns(t, lambda name: None)
    ['Anne', 'Mary', 'Anne', 'Mary', None]
    """
    found = [t.speaker for t in turns]
    start = 0
    while start < len(turns):
        end = start + 1
        while end < len(turns) and turns[end].para == turns[end - 1].para + 1:
            end += 1
        _conversation(turns[start:end], found, start, gender_of)
        start = end
    return found


def _conversation(run: list[Turn], found: list[str | None], offset: int,
                  gender_of: Callable[[str], str | None]) -> None:
    """Fill the turns of one conversation (consecutive paragraphs), see :func:`take_turns`."""
    anchors = [i for i, t in enumerate(run) if t.fixed and t.speaker]
    for i, turn in enumerate(run):
        if turn.fixed:
            continue
        guess = None
        if i > 0:
            previous = found[offset + i - 1]
            addressed = [a for a in run[i - 1].addressed if a != previous]
            if addressed:
                guess = addressed[0]
        if guess is None and anchors:
            j = min(anchors, key=lambda a: (abs(a - i), a > i))
            speaker = run[j].speaker
            partner = _partner(run, anchors, j, i, speaker)
            guess = speaker if (i - j) % 2 == 0 else partner
            if guess in turn.addressed:  # no one addresses themselves: the other one speaks
                guess = partner if guess == speaker else speaker
        if guess is None or guess in turn.addressed:
            continue
        if turn.gender is not None:
            if gender_of(guess) not in (turn.gender, None):
                continue
        elif turn.speaker is not None:
            continue
        found[offset + i] = guess


def _partner(run: list[Turn], anchors: list[int], j: int, i: int, speaker: str) -> str | None:
    """The other person of the conversation with ``speaker`` (anchor ``j``), for turn ``i``."""
    others = sorted((a for a in anchors if run[a].speaker != speaker), key=lambda a: abs(a - i))
    if others:
        return run[others[0]].speaker
    for turn in run[j:] + run[:j]:
        if turn.speaker == speaker:
            addressed = [a for a in turn.addressed if a != speaker]
            if addressed:
                return addressed[0]
    for name in run[0].nearby:
        if name != speaker:
            return name
    return None
