"""The grader's second pair of texts: made fresh for every grading run, so no student can have seen it.

An answer counts only when it is right on the student's own texts *and* on a
second pair. If that pair shipped with the kit, a notebook could carry answers
for it too; so by default it is made anew for every batch from the first pair,
by a seeded transformation (:func:`unseen_pair`). The seed is drawn at random
and written into ``grade-state.json``, so the same pair, and so the same
grades, can be made again (``kit grade ... --seed N``).

What the transformation does, to both texts, in this order:

1. **Renames the people.** Every word of every speaker's name that the kit finds
   (``kit.extract_quotes``) is replaced, everywhere in both texts, by an invented
   name: *Alexander Lukashenko* becomes, say, *Ilsabet Dunmore*.
2. **Drops and shuffles paragraphs.** A quarter of the paragraphs (at least one,
   when there are four or more) are dropped, and the rest are put in a new order;
   a headline (a first line with no full stop) stays on top.
3. **Alters and moves quotations** (between curly marks, “like this”): about
   half of those of six words or more lose one word inside, one gets straight
   marks ("like this") instead, and two swap places.

Counts, keywords, positions, speakers, cues and edits all change; the texts
stay English news prose that every lesson's code can run on.

>>> a = "Lead paragraph.\\n\\n“One two three four five six seven,” Tom Becker said.\\n\\nThird.\\n\\nFourth.\\n\\nFifth."
>>> x, y = unseen_pair(a, a, seed=1)
>>> x != a and "Becker" not in x and len(x.split("\\n\\n")) == 4
True
>>> unseen_pair(a, a, seed=1) == (x, y)
True
"""

from __future__ import annotations

import random
import re
import secrets

__all__ = ["INVENTED_NAMES", "new_seed", "unseen_pair"]

INVENTED_NAMES = (
    "Aldana", "Brezic", "Castellan", "Dunmore", "Ekwueme", "Farrowby", "Galindo", "Haddaway", "Ilsabet",
    "Jarvik", "Kowalczyk", "Lindqvist", "Moravec", "Nakamori", "Okonjo", "Petrakis", "Quennell", "Rosselli",
    "Sandoval", "Tamsin", "Ulverston", "Varga", "Whitlock", "Yardley", "Zelenko", "Abernath", "Brannagh",
    "Corvina", "Delacroy", "Esterhazy", "Fenwick", "Gorecki", "Halvorsen", "Ingram", "Jessamy", "Kettering",
    "Lorimer", "Marchetti", "Nyberg", "Ottoline", "Pendry", "Quarles", "Ravensworth", "Solberg", "Thackery",
)
"""Names that belong to no one in particular, for the people of the second pair."""

_QUOTE = re.compile(r"“([^“”]*)”")
_SENTENCE_END = (".", "!", "?", "”", '"', "’")


def new_seed() -> int:
    """A fresh random seed for :func:`unseen_pair`."""
    return secrets.randbelow(10**9)


def _renames(texts: tuple[str, ...], rng: random.Random) -> dict[str, str]:
    """Each word of each speaker's name, to an invented name used in neither text."""
    from kit import extract_quotes

    words = sorted({w for text in texts for q in extract_quotes(text) if q.speaker
                    for w in q.speaker.split() if len(w) >= 3 and w[0].isupper()})
    pool = [n for n in INVENTED_NAMES if not any(n in text for text in texts)]
    rng.shuffle(pool)
    return dict(zip(words, pool))


def _rename(text: str, names: dict[str, str]) -> str:
    if not names:
        return text
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")
    return pattern.sub(lambda m: names[m.group(1)], text)


def _paragraphs(text: str, rng: random.Random) -> str:
    """Drop a quarter of the paragraphs and shuffle the rest, keeping a headline on top and the paragraph breaks."""
    blank_lines = "\n\n" in text
    paragraphs = [line for line in text.split("\n") if line.strip()]
    headline = paragraphs[:1] if paragraphs and not paragraphs[0].rstrip().endswith(_SENTENCE_END) else []
    body = paragraphs[len(headline):]
    if len(body) >= 4:
        for _ in range(max(1, len(body) // 4)):
            body.pop(rng.randrange(len(body)))
    rng.shuffle(body)
    ending = text[len(text.rstrip("\n")):]
    return ("\n\n" if blank_lines else "\n").join(headline + body) + ending


def _quotations(text: str, rng: random.Random) -> str:
    """Shorten about half of the longer quotations by one word, straighten the marks of one, swap two."""
    quotes = [m.group(1) for m in _QUOTE.finditer(text)]
    for i, quote in enumerate(quotes):
        words = quote.split(" ")
        if len(words) >= 6 and rng.random() < 0.5:
            del words[rng.randrange(1, len(words) - 1)]
            quotes[i] = " ".join(words)
    if len(quotes) >= 2:
        i, j = rng.sample(range(len(quotes)), 2)
        quotes[i], quotes[j] = quotes[j], quotes[i]
    marks = [("“", "”")] * len(quotes)
    if quotes:
        marks[rng.randrange(len(quotes))] = ('"', '"')
    replacements = iter(zip(marks, quotes))

    def replace(_match: re.Match) -> str:
        (left, right), quote = next(replacements)
        return f"{left}{quote}{right}"

    return _QUOTE.sub(replace, text)


def unseen_pair(a: str, b: str, seed: int) -> tuple[str, str]:
    """Two new texts made from ``a`` and ``b`` by the transformation above; the same seed, the same texts."""
    rng = random.Random(seed)
    names = _renames((a, b), rng)
    return tuple(_quotations(_paragraphs(_rename(text, names), rng), rng) for text in (a, b))  # type: ignore[return-value]
