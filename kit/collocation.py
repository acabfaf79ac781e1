"""Collocations: words that occur together more often than chance predicts.

The scoring is NLTK's (``nltk.collocations`` and ``nltk.metrics.association``);
the kit chooses sensible defaults, decides what counts as "together", and builds
the counts quickly.

>>> from kit import load_articles
>>> a, b = load_articles()
>>> [c.words for c in collocations(a, 3)]
[('ayatollah', 'khamenei'), ('belarusian', 'president'), ('north-south', 'transportation')]

**What counts as together.** A collocation is a run of adjacent words with no
punctuation mark between them, inside one sentence: in "sanctions, and" the
words "sanctions" and "and" are not a pair, and the last word of a headline is
never paired with the first word of the next paragraph. N-grams with a
stopword are left out unless you pass ``stopwords=()``. Measures are named by
string:

>>> collocations(a, measure="t-test")
Traceback (most recent call last):
...
ValueError: Unknown measure 't-test'. Choose one of: chi_sq, dice, jaccard, likelihood_ratio, mi_like, phi_sq, pmi, poisson_stirling, raw_freq, student_t.

**Reproducing a score with NLTK.** :func:`collocation_tokens` gives the words
the scores are computed from, with ``None`` wherever a punctuation mark or a
sentence end stands between two words. NLTK's finders skip ``None``, so

>>> from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
>>> finder = BigramCollocationFinder.from_words(collocation_tokens(a))
>>> finder.score_ngram(BigramAssocMeasures.likelihood_ratio, "ayatollah", "khamenei") == collocations(a, 1)[0].score
True

The word total (``finder.N``) is every word of the text, ``len(kit.words(a))``.

**Collocates** of a node word are the words found near it, within a window of
words to its left and right (AntConc's 5L/5R is ``window=5``), never beyond its
sentence:

>>> [c.words[1] for c in collocates(b, "sanctions", window=5, n=3)]
['years', 'destroy', 'hands']
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable, NamedTuple

from kit.frequency import _stoplist
from kit.segment import SENTENCE_BREAK, _cached_tokens, normalise, token_counts, words
from kit.texts import TextLike, as_text

__all__ = ["Collocation", "MEASURES", "collocates", "collocation_tokens", "collocations"]

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


def _check_min_freq(min_freq: int) -> None:
    if isinstance(min_freq, bool) or not isinstance(min_freq, int) or min_freq < 1:
        raise ValueError(f"min_freq must be a whole number, 1 or more (2 leaves out what occurs once), not {min_freq!r}.")


def _measure(name: str, size: int):
    from nltk.collocations import BigramAssocMeasures, TrigramAssocMeasures

    if not isinstance(name, str) or name not in MEASURES:
        raise ValueError(f"Unknown measure {name!r}. Choose one of: {', '.join(MEASURES)}.")
    measures = BigramAssocMeasures if size == 2 else TrigramAssocMeasures
    if not hasattr(measures, name):
        valid = [m for m in MEASURES if hasattr(measures, m)]
        raise ValueError(f"Measure {name!r} is for pairs only. For trigrams choose one of: {', '.join(valid)}.")
    return getattr(measures, name)


def _is_word(token: str) -> bool:
    return token[0].isalnum() or (token[0] in "#@" and len(token) > 1)


def _stream(text: TextLike) -> list[str]:
    """The text's tokens, punctuation included, with ``SENTENCE_BREAK`` between sentences."""
    return list(_cached_tokens(as_text(text), True))


def collocation_tokens(text: TextLike) -> list[str | None]:
    """The words collocations are counted from, with ``None`` wherever a
    punctuation mark or a sentence end separates two words.

    ``nltk.collocations.BigramCollocationFinder.from_words`` (or the trigram
    finder) on this list gives exactly the kit's counts and scores.

    >>> collocation_tokens("The Leader said, “Sanctions failed.” He left")
    ['the', 'leader', 'said', None, 'sanctions', 'failed', None, 'he', 'left']
    """
    out: list[str | None] = []
    for token in _stream(text):
        if _is_word(token):
            out.append(token)
        elif out and out[-1] is not None:
            out.append(None)
    return out


def collocations(
    text: TextLike,
    n: int = 10,
    *,
    measure: str = "likelihood_ratio",
    size: int = 2,
    min_freq: int = 2,
    stopwords: Iterable[str] | None = None,
) -> list[Collocation]:
    """The ``n`` strongest collocations of ``size`` adjacent words (2 or 3), by ``measure``.

    - ``min_freq``: leave out n-grams seen fewer times. Rare pairs get
      inflated scores from some measures (pmi above all).
    - ``stopwords``: n-grams with one of these words are left out; ``None`` uses
      :func:`kit.stopwords`, and ``()`` keeps them all.

    Words near each other but not adjacent are :func:`collocates`. Ties in
    score are broken alphabetically.
    """
    if size not in (2, 3):
        raise ValueError(f"size must be 2 (pairs) or 3 (trigrams), not {size!r}.")
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a whole number of collocations, 1 or more, not {n!r}.")
    _check_min_freq(min_freq)
    score_fn = _measure(measure, size)
    stop = _stoplist(stopwords)
    if size == 2:
        finder = _adjacent_pairs(text, stop, min_freq)
    else:
        from nltk.collocations import TrigramCollocationFinder

        finder = TrigramCollocationFinder.from_words(collocation_tokens(text))
        finder.apply_freq_filter(min_freq)
        finder.apply_ngram_filter(lambda *ws: any(w in stop for w in ws))
    scored = sorted(_scores(finder, score_fn), key=lambda item: (-item[1], item[0]))
    return [Collocation(ng, score, finder.ngram_fd[ng]) for ng, score in scored[:n]]


def _scores(finder: Any, score_fn: Callable[..., float]) -> list[tuple[tuple[str, ...], float]]:
    """``finder.score_ngrams(score_fn)``, less the n-grams whose counts cannot be scored.

    NLTK fills an n-gram's table of counts from how often each of its words
    occurs anywhere. In a text of a few words, one repeated back to back
    (*bye bye. bye bye.*), those counts add up to more than the text holds, a
    cell of the table falls below zero, and a measure that takes its
    logarithm raises ``ValueError: math domain error``. No measure means
    anything on a table that cannot exist, so such an n-gram is left out;
    on a text of more than a few sentences it never happens.

    >>> from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    >>> tiny = BigramCollocationFinder.from_words(collocation_tokens("bye bye. bye bye."))
    >>> tiny.score_ngrams(BigramAssocMeasures.likelihood_ratio)
    Traceback (most recent call last):
    ValueError: math domain error
    >>> _scores(tiny, BigramAssocMeasures.likelihood_ratio), _scores(tiny, BigramAssocMeasures.raw_freq)
    ([], [(('bye', 'bye'), 0.5)])
    """
    found = []
    for ngram in finder.ngram_fd:
        try:
            score = finder.score_ngram(score_fn, *ngram)
        except (ValueError, ZeroDivisionError):
            continue
        if score is not None:
            found.append((ngram, score))
    return found


def _adjacent_pairs(text: TextLike, stop: set[str], min_freq: int):
    """A ``BigramCollocationFinder`` holding only the pairs that can be reported.

    It scores exactly as NLTK's ``from_words(collocation_tokens(text))``
    followed by the frequency and stopword filters would (a test checks this),
    but it never scores the pairs that those filters drop. Counting the pairs
    is the slow part on a book (700,000 tokens), so it is done with NumPy,
    which matplotlib and NLTK's scorers already load: each token becomes a
    number (-1 for a stopword, a punctuation mark or a sentence break), each
    pair of neighbours one number ``left * vocabulary + right``, and
    ``numpy.unique`` counts them in C, three times faster than a ``Counter``
    of ``zip``. Only the few thousand pairs that are frequent enough and hold
    no -1 are turned back into words.
    """
    import numpy as np
    from nltk.collocations import BigramCollocationFinder
    from nltk.probability import FreqDist

    s = as_text(text)
    stream = _cached_tokens(s, True)
    counts = token_counts(s)  # remembered: keywords and keyness counted them already
    vocabulary = [w for w in counts if w not in stop and _is_word(w)]
    # Decide once per distinct token, then map: far faster than testing each token.
    number = dict.fromkeys(counts, -1) | {w: i for i, w in enumerate(vocabulary)} | {SENTENCE_BREAK: -1}
    ids = np.fromiter(map(number.__getitem__, stream), dtype=np.int64, count=len(stream))
    left, right = ids[:-1], ids[1:]
    both = (left >= 0) & (right >= 0)
    found, times = np.unique(left[both] * len(vocabulary) + right[both], return_counts=True)
    frequent = times >= min_freq
    bigram_fd = FreqDist({
        (vocabulary[code // len(vocabulary)], vocabulary[code % len(vocabulary)]): count
        for code, count in zip(found[frequent].tolist(), times[frequent].tolist())
    })
    word_fd = FreqDist({w: c for w, c in counts.items() if _is_word(w)})
    return BigramCollocationFinder(word_fd, bigram_fd)


def _window(window: int | tuple[int, int]) -> tuple[int, int]:
    if isinstance(window, int) and not isinstance(window, bool):
        window = (window, window)
    if (not isinstance(window, tuple) or len(window) != 2
            or not all(isinstance(w, int) and w >= 0 for w in window) or window == (0, 0)):
        raise ValueError(f"window must be a number of words on each side (5 for AntConc's 5L/5R), "
                         f"or (left, right) such as (3, 0), not {window!r}.")
    return window


def collocates(
    text: TextLike,
    node: str,
    *,
    window: int | tuple[int, int] = 5,
    n: int = 10,
    measure: str = "likelihood_ratio",
    min_freq: int = 2,
    stopwords: Iterable[str] | None = None,
) -> list[Collocation]:
    """The words that keep company with ``node``, strongest first.

    - ``window``: how many words to the left and to the right of the node count,
      as in AntConc: ``5`` is 5L/5R, ``(3, 0)`` only the three words before.
      A window never reaches beyond the node's sentence; punctuation inside the
      sentence does not stop it.
    - ``node`` is normalised as :func:`kit.words` normalises text.

    Each result's ``words`` is ``(node, collocate)``, whichever side the
    collocate stood on, and ``count`` how often it stood in the node's window.
    The score is NLTK's ``measure`` computed as NLTK's own window finder does
    (Church and Hanks 1990): the count divided by the window's ``left + right``
    positions, the node's frequency, the collocate's frequency, and every word
    of the text, ``BigramAssocMeasures.likelihood_ratio(count / (left + right),
    (f_node, f_collocate), len(kit.words(text)))``. Stopwords are left out
    unless you pass ``stopwords=()``.
    """
    if not isinstance(node, str) or len(words(node)) != 1:
        raise ValueError(f"node must be one word, such as 'sanctions', not {node!r}.")
    node = normalise(words(node)[0])
    left, right = _window(window)
    _check_min_freq(min_freq)
    score_fn = _measure(measure, 2)
    stop = _stoplist(stopwords) - {node}
    # The text's words, sentence by sentence.
    sentences: list[list[str]] = [[]]
    for token in _stream(text):
        if token == SENTENCE_BREAK:
            sentences.append([])
        elif _is_word(token):
            sentences[-1].append(token)
    freq = Counter(w for s in sentences for w in s)
    if not freq[node]:
        return []
    together: Counter = Counter()
    for s in sentences:
        for i, w in enumerate(s):
            if w == node:
                together.update(c for c in s[max(0, i - left) : i] + s[i + 1 : i + 1 + right] if c != node)
    total = sum(freq.values())
    scored = [
        ((node, c), score_fn(k / (left + right), (freq[node], freq[c]), total), k)
        for c, k in together.items()
        if k >= min_freq and c not in stop
    ]
    scored.sort(key=lambda item: (-item[1], item[0]))
    return [Collocation(pair, score, k) for pair, score, k in scored[:n]]
