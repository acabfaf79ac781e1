"""Counting words: frequencies, keywords, concordances, dispersion and keyness.

A running example, the two seed articles:

>>> from kit import load_articles
>>> a, b = load_articles()

**Keywords** are the most frequent words once stopwords are left out. Ties are
broken alphabetically, so the order never depends on chance:

>>> top_keywords(a, 5)
[('countries', 7), ('sanctions', 7), ('ayatollah', 5), ('iran', 5), ('khamenei', 5)]

**Relative frequency** makes texts of different lengths comparable (per 1,000
words by default):

>>> relative_frequencies(b, 2)
[('sanctions', 22.31...), ('countries', 16.22...)]

**A concordance** (keyword in context, KWIC) shows every use of a word:

>>> for line in concordance(a, "sanctioned", width=25):
...     print(line)
 countries that have been sanctioned by America must destroy
 countries that have been sanctioned by America make use of o

**Keyness** asks which words are used significantly more in one text than in
another. The two versions differ in only a few words, and it says so:

>>> k = keyness(a, b)
>>> print(k.note)
0 of 229 words differ significantly (p < 0.05). Texts this short and this alike give keyness little power: treat the ranking as a hint, not a finding.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, NamedTuple

from kit.texts import TextLike, as_text
from kit.tokenize import stopwords as _default_stopwords
from kit.tokenize import token_counts, words

__all__ = [
    "ConcordanceLine",
    "Dispersion",
    "Keyword",
    "KeynessTable",
    "SIGNIFICANCE",
    "concordance",
    "dispersion",
    "keyness",
    "relative_frequencies",
    "top_keywords",
    "word_counts",
]


def _stoplist(stopwords: Iterable[str] | None) -> set[str]:
    if stopwords is None:
        return _default_stopwords()
    if isinstance(stopwords, str):
        raise TypeError(f"stopwords must be a collection of words, not the string {stopwords!r}.")
    return {w.lower().replace("’", "'") for w in stopwords}


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _counts(text: TextLike, stopwords: Iterable[str] | None) -> Counter:
    """How often each word occurs, leaving out ``stopwords`` and, with them, numbers.

    Counting every token first and then dropping the unwanted *kinds* of word
    tests each distinct word once, not each of its occurrences.
    """
    counts = token_counts(text)
    stop = _stoplist(stopwords) if stopwords or stopwords is None else set()
    return Counter({
        w: c for w, c in counts.items()
        if w[0].isalnum() and w not in stop and not (stop and not _HAS_LETTER.search(w))
    })


def _ranked(counts: Counter, n: int | None) -> list[tuple[str, int]]:
    """Most frequent first; ties in alphabetical order."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked if n is None else ranked[:n]


def word_counts(text: TextLike, *, stopwords: Iterable[str] | None = ()) -> Counter:
    """How often each word occurs. Nothing is left out unless you pass ``stopwords``.

    >>> word_counts("The Leader said the sanctions failed.")["the"]
    2
    """
    return _counts(text, stopwords)


def top_keywords(
    text: TextLike, n: int = 10, *, stopwords: Iterable[str] | None = None
) -> list[tuple[str, int]]:
    """The ``n`` most frequent words and their counts, stopwords and numbers left out.

    ``stopwords=None`` uses :func:`kit.stopwords`; pass your own set to change it,
    or ``()`` to keep every word.
    """
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a whole number of keywords, 1 or more, not {n!r}.")
    return _ranked(_counts(text, stopwords), n)


def relative_frequencies(
    text: TextLike,
    n: int | None = None,
    *,
    per: int = 1000,
    stopwords: Iterable[str] | None = None,
) -> list[tuple[str, float]]:
    """Each word's frequency per ``per`` words of the whole text, most frequent first.

    The denominator is every word of the text, stopwords included, so the
    numbers are comparable with published frequency lists.
    """
    if n is not None and (not isinstance(n, int) or n < 1):
        raise ValueError(f"n must be a whole number of words, 1 or more, or None for all, not {n!r}.")
    total = len(words(text))
    if total == 0:
        return []
    counts = _counts(text, stopwords)
    return [(w, c * per / total) for w, c in _ranked(counts, n)]


# --- concordance ------------------------------------------------------------


class ConcordanceLine(NamedTuple):
    """One use of a word, with the text around it (keyword in context)."""

    left: str
    keyword: str
    right: str
    offset: int
    """Where the keyword starts in the text."""

    def __str__(self) -> str:
        return f"{self.left.rstrip().rjust(len(self.left))} {self.keyword} {self.right.lstrip()}"


def concordance(
    text: TextLike, word: str, *, width: int = 40, ignore_case: bool = True
) -> list[ConcordanceLine]:
    """Every occurrence of ``word`` (or a phrase of words) with ``width`` characters each side.

    Matches whole words only: ``sanction`` does not find ``sanctions``. Line
    breaks in the context become spaces; the left context is padded so the
    keywords line up when printed.
    """
    s = as_text(text)
    if not isinstance(word, str) or not word.strip():
        raise ValueError("word must be a non-empty string, such as 'sanctions'.")
    if width < 0:
        raise ValueError(f"width must be 0 or more characters, not {width}.")
    # Either apostrophe matches either: kit.words() writes them straight.
    parts = [re.sub("['’]", "['’]", re.escape(p)) for p in word.split()]
    pattern = re.compile(
        r"(?<![\w'’-])" + r"\s+".join(parts) + r"(?![\w-]|['’]\w)",
        re.IGNORECASE if ignore_case else 0,
    )
    lines = []
    for m in pattern.finditer(s):
        left = s[max(0, m.start() - width) : m.start()].replace("\n", " ")
        right = s[m.end() : m.end() + width].replace("\n", " ")
        lines.append(ConcordanceLine(left.rjust(width), m.group(), right, m.start()))
    return lines


# --- dispersion -------------------------------------------------------------


class Dispersion(NamedTuple):
    """Where each word occurs, as word positions (0 is the first word)."""

    words: list[str]
    positions: dict[str, list[int]]
    total: int
    """How many words the text has: the length of the x axis."""


def dispersion(text: TextLike, targets: Iterable[str]) -> Dispersion:
    """The position of every occurrence of each target word, for a dispersion plot.

    >>> d = dispersion("Iran and Belarus. Iran again.", ["iran", "belarus"])
    >>> d.positions, d.total
    ({'iran': [0, 3], 'belarus': [2]}, 5)
    """
    if isinstance(targets, str):
        targets = [targets]
    wanted = [t.lower() for t in targets]
    positions: dict[str, list[int]] = {w: [] for w in wanted}
    all_words = words(text)
    for i, w in enumerate(all_words):
        if w in positions:
            positions[w].append(i)
    return Dispersion(wanted, positions, len(all_words))


# --- keyness ----------------------------------------------------------------

SIGNIFICANCE = ((15.13, "p < 0.0001"), (10.83, "p < 0.001"), (6.63, "p < 0.01"), (3.84, "p < 0.05"))
"""The usual cut-offs for G2 (one degree of freedom), strictest first."""


class Keyword(NamedTuple):
    """One word's keyness: how much more one text uses it than the other."""

    word: str
    count_a: int
    count_b: int
    g2: float
    """Dunning's log-likelihood: how sure we can be the difference is not chance."""
    log_ratio: float
    """Hardie's Log Ratio: log2 of the ratio of relative frequencies. +1 means twice as
    frequent in A, -1 twice as frequent in B."""
    significance: str
    """The strictest cut-off G2 passes, such as ``"p < 0.01"``, or ``""``."""

    @property
    def significant(self) -> bool:
        return bool(self.significance)


class KeynessTable(list):
    """A list of :class:`Keyword`, strongest first, with a ``note`` that says how
    many are significant and whether the texts are long enough to tell."""

    note: str = ""

    @property
    def significant(self) -> list[Keyword]:
        return [k for k in self if k.significant]

    def __repr__(self) -> str:
        return f"{self.note}\n{list.__repr__(self[:10])}{' ...' if len(self) > 10 else ''}"


def keyness(
    a: TextLike, b: TextLike, *, stopwords: Iterable[str] | None = ()
) -> KeynessTable:
    """Keyness of every word in ``a`` against ``b``, by G2, strongest first.

    For a word that occurs ``x`` times in A (``N_a`` words) and ``y`` times in B
    (``N_b`` words), with expected counts ``E_a = N_a (x + y) / (N_a + N_b)`` and
    ``E_b = N_b (x + y) / (N_a + N_b)``:

    - G2 (Dunning's log-likelihood) = ``2 (x ln(x / E_a) + y ln(y / E_b))``, a term
      being 0 when its count is 0. Above 3.84, 6.63, 10.83 and 15.13 the
      difference is significant at p < 0.05, 0.01, 0.001 and 0.0001.
    - Log Ratio = ``log2((x / N_a) / (y / N_b))``, with a zero count replaced by 0.5
      so that a word missing from one text still gets a finite effect size.

    Stopwords are kept unless you pass a list. Ties in G2 are broken
    alphabetically.
    """
    count_a, count_b = _counts(a, stopwords), _counts(b, stopwords)
    n_a, n_b = sum(count_a.values()), sum(count_b.values())
    table = KeynessTable()
    if n_a == 0 or n_b == 0:
        table.note = "One of the texts has no words, so nothing can be compared."
        return table
    for word in count_a.keys() | count_b.keys():
        x, y = count_a[word], count_b[word]
        e_a = n_a * (x + y) / (n_a + n_b)
        e_b = n_b * (x + y) / (n_a + n_b)
        g2 = 2 * ((x * math.log(x / e_a) if x else 0.0) + (y * math.log(y / e_b) if y else 0.0))
        log_ratio = math.log2(((x or 0.5) / n_a) / ((y or 0.5) / n_b))
        label = next((name for cut, name in SIGNIFICANCE if g2 > cut), "")
        table.append(Keyword(word, x, y, g2, log_ratio, label))
    table.sort(key=lambda k: (-k.g2, k.word))
    sig = len(table.significant)
    table.note = f"{sig} of {len(table)} words differ significantly (p < 0.05)."
    if min(n_a, n_b) < 5000 and sig < max(5, len(table) // 20):
        table.note += (
            " Texts this short and this alike give keyness little power:"
            " treat the ranking as a hint, not a finding."
        )
    return table
