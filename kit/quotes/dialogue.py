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

from kit.quotes.names import RUN, is_person_name, is_sentence_word, name_key, split_name

__all__ = ["ALTERNATION", "is_dialogue", "vocatives"]

ALTERNATION = 0.6
"""The share of speaker changes between neighbouring named turns above which a
text is read as a dialogue (turns alternate) rather than as news (a speaker
goes on)."""

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
    them change speaker (and there are at least three such pairs).

    >>> is_dialogue([("Anne", "Mary"), ("Mary", "Anne"), ("Anne", "Mary")])
    True
    >>> is_dialogue([("Jane Doe", "Jane Doe"), ("Jane Doe", "Tom Roe"), ("Tom Roe", "Tom Roe")])
    False
    """
    if len(pairs) < 3:
        return False
    changes = Counter(a != b for a, b in pairs)
    return changes[True] > ALTERNATION * len(pairs)
