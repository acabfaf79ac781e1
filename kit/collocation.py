"""Collocations: words that occur together more often than chance predicts.

The scoring is NLTK's (``nltk.collocations`` and ``nltk.metrics.association``);
the kit only chooses sensible defaults and builds the counts quickly.

>>> from kit import load_articles
>>> a, b = load_articles()
>>> [c.words for c in collocations(a, 3)]
[('ayatollah', 'khamenei'), ('belarusian', 'president'), ('north-south', 'transportation')]

Collocations never cross punctuation: in "sanctions, and" the words
"sanctions" and "and" are not a pair, whatever the ``window``. Pairs with a stopword are left out unless you pass
``stopwords=()``. Measures are named by string:

>>> collocations(a, measure="t-test")
Traceback (most recent call last):
...
ValueError: Unknown measure 't-test'. Choose one of: chi_sq, dice, jaccard, likelihood_ratio, mi_like, phi_sq, pmi, poisson_stirling, raw_freq, student_t.

**Collocates** of a node word are the words found near it, within a window:

>>> [c.words[1] for c in collocates(b, "sanctions", window=5, n=3)]
['destroy', 'hands', 'imposition']
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, NamedTuple

from kit.frequency import _stoplist
from kit.texts import TextLike
from kit.tokenize import token_counts, words

__all__ = ["Collocation", "MEASURES", "collocates", "collocations"]

MEASURES = (
    "chi_sq",
    "dice",
    "jaccard",
    "likelihood_ratio",
    "mi_like",
    "phi_sq",
    "pmi",
    "poisson_stirling",
    "raw_freq",
    "student_t",
)
"""Association measures by name. Trigrams support all but dice and phi_sq."""


class Collocation(NamedTuple):
    """An n-gram with its association score and how often it occurs."""

    words: tuple[str, ...]
    score: float
    count: int


def _measure(name: str, size: int):
    from nltk.collocations import BigramAssocMeasures, TrigramAssocMeasures

    if not isinstance(name, str) or name not in MEASURES:
        raise ValueError(f"Unknown measure {name!r}. Choose one of: {', '.join(MEASURES)}.")
    measures = BigramAssocMeasures if size == 2 else TrigramAssocMeasures
    if not hasattr(measures, name):
        valid = [m for m in MEASURES if hasattr(measures, m)]
        raise ValueError(f"Measure {name!r} is for pairs only. For trigrams choose one of: {', '.join(valid)}.")
    return getattr(measures, name)


def _is_word(w: str) -> bool:
    return w[0].isalnum()


def collocations(
    text: TextLike,
    n: int = 10,
    *,
    measure: str = "likelihood_ratio",
    size: int = 2,
    min_freq: int = 2,
    stopwords: Iterable[str] | None = None,
    window: int = 2,
) -> list[Collocation]:
    """The ``n`` strongest collocations of ``size`` words (2 or 3), by ``measure``.

    - ``min_freq``: leave out n-grams seen fewer times. Rare pairs get
      inflated scores from some measures (pmi above all).
    - ``stopwords``: n-grams with one of these words are left out; ``None`` uses
      :func:`kit.stopwords`, and ``()`` keeps them all.
    - ``window``: for pairs, how far apart the two words may be (2 means
      adjacent), as in NLTK's ``BigramCollocationFinder.from_words``.

    Ties in score are broken alphabetically.
    """
    from nltk.collocations import TrigramCollocationFinder

    if size not in (2, 3):
        raise ValueError(f"size must be 2 (pairs) or 3 (trigrams), not {size!r}.")
    if size == 3 and window != 2:
        raise ValueError("window applies to pairs only: use size=2, or leave window at 2.")
    if window < 2:
        raise ValueError(f"window must be 2 or more (2 means adjacent words), not {window}.")
    score_fn = _measure(measure, size)
    stop = _stoplist(stopwords)
    tokens = words(text, punctuation=True)

    if size == 2 and window == 2:
        finder = _adjacent_pairs(text, tokens, stop, min_freq)
    else:
        if size == 2:
            finder = _windowed_pairs(text, tokens, window)
        else:
            finder = TrigramCollocationFinder.from_words(tokens)
        finder.apply_freq_filter(min_freq)
        finder.apply_ngram_filter(lambda *ws: any(w in stop or not _is_word(w) for w in ws))
    scored = sorted(finder.score_ngrams(score_fn), key=lambda item: (-item[1], item[0]))
    return [Collocation(ng, score, finder.ngram_fd[ng]) for ng, score in scored[:n]]


_PAIR = re.compile(r"(?<!\S)([^\s|]+) (?=([^\s|]+)(?!\S))")
"""Two adjacent words in a space-joined token list, neither of them ``|``."""


def _adjacent_pairs(text: TextLike, tokens: list[str], stop: set[str], min_freq: int):
    """A ``BigramCollocationFinder`` holding only the pairs that can be reported.

    It scores exactly as NLTK's ``from_words`` followed by the frequency and
    stopword filters would (a test checks this), but it never counts the pairs
    that those filters drop: with stopwords and punctuation replaced by ``|``,
    one regex pass over the joined tokens finds the remaining pairs. On a
    whole novel that is several times faster than counting every pair.
    """
    from nltk.collocations import BigramCollocationFinder
    from nltk.probability import FreqDist

    counts = token_counts(text)
    # Decide once per distinct word, then map: far faster than testing each token.
    keep = {w: w if w not in stop and _is_word(w) else "|" for w in counts}
    pairs = Counter(_PAIR.findall(" ".join(map(keep.__getitem__, tokens))))
    bigram_fd = FreqDist({pair: c for pair, c in pairs.items() if c >= min_freq})
    return BigramCollocationFinder(FreqDist(counts), bigram_fd)


def _windowed_pairs(text: TextLike, tokens: list[str], window: int):
    """Pairs up to ``window - 1`` words apart, counted as NLTK's ``from_words``
    counts them, except that no pair spans a punctuation mark."""
    from nltk.collocations import BigramCollocationFinder
    from nltk.probability import FreqDist

    pairs: Counter = Counter()
    for i, w1 in enumerate(tokens):
        if not _is_word(w1):
            continue
        for w2 in tokens[i + 1 : i + window]:
            if not _is_word(w2):
                break
            pairs[(w1, w2)] += 1
    return BigramCollocationFinder(FreqDist(token_counts(text)), FreqDist(pairs), window_size=window)


def collocates(
    text: TextLike,
    node: str,
    *,
    window: int = 5,
    n: int = 10,
    measure: str = "likelihood_ratio",
    min_freq: int = 2,
    stopwords: Iterable[str] | None = None,
) -> list[Collocation]:
    """The words that keep company with ``node`` within ``window`` words, strongest first.

    Each result's ``words`` is ``(node, collocate)``, whichever side the
    collocate stood on. Stopwords are left out unless you pass ``stopwords=()``.
    """
    from nltk.collocations import BigramCollocationFinder
    from nltk.probability import FreqDist

    node = node.lower()
    score_fn = _measure(measure, 2)
    stop = _stoplist(stopwords) - {node}
    tokens = words(text)
    if node not in tokens:
        return []
    # NLTK counts a pair (w1, w2) only when w2 follows w1. A collocate may stand
    # on either side of the node, so both directions go into one count; the
    # window then has 2 * (window - 1) slots, which NLTK's window_size expresses.
    one_way = BigramCollocationFinder.from_words(tokens, window_size=window)
    both_ways = FreqDist()
    for (w1, w2), count in one_way.ngram_fd.items():
        if w1 == node and w2 != node:
            both_ways[(node, w2)] += count
        elif w2 == node and w1 != node:
            both_ways[(node, w1)] += count
    finder = BigramCollocationFinder(one_way.word_fd, both_ways, window_size=2 * window - 1)
    finder.apply_freq_filter(min_freq)
    finder.apply_word_filter(lambda w: w in stop or not _is_word(w))
    ranked = sorted(finder.score_ngrams(score_fn), key=lambda item: (-item[1], item[0]))
    return [Collocation(pair, score, finder.ngram_fd[pair]) for pair, score in ranked[:n]]
