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

**Dispersion** records where a word occurs, and Gries's DP says how evenly:
0 is spread evenly, near 1 bunched in one place:

>>> d = dispersion(a, ["sanctions", "belarus"])
>>> d.positions["belarus"], round(d.dp["sanctions"], 2), round(d.dp["belarus"], 2)
([160], 0.6, 0.9)

**Keyness** asks which words are used significantly more in one text than in
another. Testing every word at once would let chance call some of them
different, so the p-values are corrected for the number of words tested. The
two versions differ in only a few words, and the note says so:

>>> k = keyness(a, b)
>>> print(k.note)
229 words tested. At p < 0.05 chance alone would make about 11 of them look different even in two samples of one text; 0 pass p < 0.05 before correction, and 0 after the Benjamini–Hochberg correction. Texts this short and this alike give keyness little power: treat the ranking as a hint, not a finding.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

from kit.segment import normalise, token_counts, tokens, words
from kit.segment import stopwords as _default_stopwords
from kit.texts import TextLike, as_text

__all__ = [
    "ConcordanceLine",
    "Dispersion",
    "Keyword",
    "KeynessTable",
    "CORRECTIONS",
    "concordance",
    "adjust",
    "dispersion",
    "g2",
    "gries_dp",
    "keyness",
    "keyness_table",
    "log_ratio",
    "relative_frequencies",
    "top_keywords",
    "word_counts",
    "word_filter",
]


def _stoplist(stopwords: Iterable[str] | None) -> set[str]:
    if stopwords is None:
        return _default_stopwords()
    if isinstance(stopwords, str):
        raise TypeError(f"stopwords must be a collection of words, not the string {stopwords!r}: "
                        f"write [{stopwords!r}], or kit.stopwords() | {{{stopwords!r}}}.")
    return {normalise(w) for w in stopwords}


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _counts(text: TextLike, stopwords: Iterable[str] | None) -> Counter:
    """How often each word occurs, leaving out ``stopwords`` and, with them,
    numbers, web addresses and e-mail addresses (they say little about a topic).

    Counting every token first and then dropping the unwanted *kinds* of word
    tests each distinct word once, not each of its occurrences.
    """
    return word_filter(token_counts(text), stopwords)


def word_filter(counts: Counter, stopwords: Iterable[str] | None = ()) -> Counter:
    """The words of a count of tokens (from :func:`kit.token_counts`), with
    ``stopwords`` left out and, when there are stopwords, numbers, web addresses
    and e-mail addresses too. ``()`` keeps every word; ``None`` uses
    :func:`kit.stopwords`. Counts of many texts can be added up first: the
    result is the same as for one text holding them all (``kit.corpus`` does this).

    >>> word_filter(token_counts("The 3 sanctions, the sanctions."), None)
    Counter({'sanctions': 2})
    """
    stop = _stoplist(stopwords) if stopwords or stopwords is None else set()
    return Counter({
        w: c for w, c in counts.items()
        if (w[0].isalnum() or w[0] in "#@" and len(w) > 1) and w not in stop
        and not (stop and (not _HAS_LETTER.search(w) or "@" in w[1:] or "/" in w or w.startswith("www.")))
    })


def _ranked(counts: Counter, n: int | None) -> list[tuple[str, int]]:
    """Most frequent first; ties in alphabetical order."""
    def order(item: tuple[str, int]) -> tuple[int, str]:
        return -item[1], item[0]

    if n is None:
        return sorted(counts.items(), key=order)
    return heapq.nsmallest(n, counts.items(), key=order)  # the same as sorted()[:n], without sorting them all


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
    if isinstance(per, bool) or not isinstance(per, (int, float)) or not 0 < per < math.inf:
        raise ValueError(f"per must be a positive number of words, such as 1000 (per thousand words), not {per!r}.")
    total = len(words(text))
    if total == 0:
        return []
    counts = _counts(text, stopwords)
    return [(w, c * per / total) for w, c in _ranked(counts, n)]


# --- concordance ------------------------------------------------------------


class ConcordanceLine(NamedTuple):
    """One use of a word, with the text around it (keyword in context).

    ``left``, ``keyword`` and ``right`` are sliced from the text as written (line
    breaks shown as spaces), so ``str(line)`` adds nothing that is not there.
    """

    left: str
    keyword: str
    right: str
    offset: int
    """Where the keyword starts in the text."""

    def __str__(self) -> str:
        return f"{self.left}{self.keyword}{self.right}"


def _query(word: str, argument: str = "word") -> list[str]:
    """The words of a look-up, normalised exactly as :func:`kit.words` normalises text."""
    if not isinstance(word, str) or not word.strip():
        raise ValueError(f"{argument} must be a non-empty string, such as 'sanctions'.")
    found = words(word)
    if not found:
        raise ValueError(f"{argument} {word!r} holds no word, only punctuation. Look up a word, such as 'sanctions'.")
    return found


def concordance(
    text: TextLike, word: str, *, width: int = 40, ignore_case: bool = True
) -> list[ConcordanceLine]:
    """Every occurrence of ``word`` (or a phrase of words) with ``width`` characters each side.

    ``word`` is split and normalised exactly as :func:`kit.words` splits text,
    so whatever ``kit.words`` lists, a concordance finds: ``Iran’s`` and
    ``Iran's`` are the same word, ``90s`` finds ``’90s``, and ``sanction``
    does not find ``sanctions``. The left context is padded with spaces so that
    the keywords line up when printed.

    >>> from kit import load_articles
    >>> a, b = load_articles()
    >>> [line.keyword for line in concordance(a, "Iran's")]
    ['Iran’s']
    """
    s = as_text(text)
    wanted = _query(word) if ignore_case else words(word, lower=False)
    if not isinstance(width, int) or width < 0:
        raise ValueError(f"width must be a whole number of characters, 0 or more, not {width!r}.")
    # Candidates by a fast regex search for the words as written (either
    # apostrophe), then each one checked against the tokens around it: the
    # check is what makes the answer the same as kit.words(), on a whole book
    # as fast as a regex.
    parts = [re.sub("['’]", "['’]", re.escape(w)) for w in wanted]
    candidate = re.compile(r"\s*".join(parts), re.IGNORECASE)
    lines = []
    for m in candidate.finditer(s):
        end = _match_end(s, m.start(), wanted, ignore_case)
        if end is None:
            continue
        left = s[max(0, m.start() - width) : m.start()].replace("\n", " ")
        right = s[end : end + width].replace("\n", " ")
        lines.append(ConcordanceLine(left.rjust(width), s[m.start() : end], right, m.start()))
    return lines


def _match_end(s: str, start: int, wanted: list[str], lower: bool) -> int | None:
    """Where the words ``wanted`` end, if the tokens of ``s`` from ``start`` are
    exactly those words (normalised as kit.words normalises); else None."""
    # Tokens never cross white space, so the tokens of the stretch between the
    # white space around the match are the tokens of the whole text there.
    left = start
    while left > 0 and not s[left - 1].isspace():
        left -= 1
    right = start
    for _ in wanted:  # the words of a phrase span at most one chunk of text each
        while right < len(s) and s[right].isspace():
            right += 1
        while right < len(s) and not s[right].isspace():
            right += 1
    found = tokens(s[left:right])
    i = next((k for k, t in enumerate(found) if t.start + left == start), None)
    run = found[i : i + len(wanted)] if i is not None else []
    if len(run) < len(wanted) or any(t.kind == "punct" for t in run):
        return None  # not a whole word there, or punctuation between the words of a phrase
    if [normalise(t.text, lower=lower) for t in run] != wanted:
        return None
    return left + run[-1].end


# --- dispersion -------------------------------------------------------------


class Dispersion(NamedTuple):
    """Where each word occurs, as word positions (0 is the first word), and how
    evenly it is spread (Gries's DP)."""

    words: list[str]
    positions: dict[str, list[int]]
    total: int
    """How many words the text has: the length of the x axis."""
    dp: dict[str, float | None]
    """Gries's DP (deviation of proportions) of each word over ``parts`` equal
    parts of the text: 0 when the word is spread exactly as evenly as the parts'
    sizes predict, near 1 when it is bunched in one part. None for a word that
    does not occur."""
    dp_norm: dict[str, float | None]
    """DP divided by its largest possible value, 1 - the smallest part's share
    (Lijffijt and Gries 2012), so it reaches 1 exactly."""
    parts: int
    """How many equal parts DP compares (a text shorter than that has one part per word)."""


def dispersion(text: TextLike, targets: Iterable[str], *, parts: int = 10) -> Dispersion:
    """The position of every occurrence of each target word, and its DP.

    Targets are normalised as :func:`kit.words` normalises text (``Iran’s`` is
    ``iran's``). DP (Gries 2008) cuts the text into ``parts`` parts of equal
    size in words. For each part, the share of the text it holds is compared
    with the share of the word's occurrences it holds; DP is half the sum of
    the differences.

    >>> d = dispersion("Iran and Belarus. Iran again.", ["Iran", "belarus"])
    >>> d.positions, d.total
    ({'iran': [0, 3], 'belarus': [2]}, 5)
    >>> d.dp["iran"], d.parts  # 5 words in 5 parts; Iran in parts 1 and 4
    (0.6, 5)
    """
    if isinstance(targets, str):
        targets = [targets]
    if not isinstance(parts, int) or parts < 1:
        raise ValueError(f"parts must be a whole number, 1 or more, not {parts!r}.")
    wanted = []
    for target in targets:
        found = _query(target, "each target")
        if len(found) != 1:
            raise ValueError(f"A dispersion target must be one word; {target!r} is {len(found)} words: "
                             f"{', '.join(found)}. Give them as separate targets.")
        wanted.append(found[0])
    positions: dict[str, list[int]] = {w: [] for w in wanted}
    all_words = words(text)
    for i, w in enumerate(all_words):
        if w in positions:
            positions[w].append(i)
    total = len(all_words)
    n_parts = max(1, min(parts, total))
    bounds = [round(k * total / n_parts) for k in range(n_parts + 1)]
    sizes = [(bounds[k + 1] - bounds[k]) / total if total else 1.0 for k in range(n_parts)]
    dp: dict[str, float | None] = {}
    dp_norm: dict[str, float | None] = {}
    for w, where in positions.items():
        if not where:
            dp[w] = dp_norm[w] = None
            continue
        counts = [0] * n_parts
        for i in where:
            counts[bisect_right(bounds, i) - 1] += 1
        dp[w] = gries_dp(counts, sizes)
        dp_norm[w] = dp[w] / (1 - min(sizes)) if min(sizes) < 1 else 0.0
    return Dispersion(wanted, positions, total, dp, dp_norm, n_parts)


def gries_dp(counts: Sequence[int], sizes: Sequence[float]) -> float:
    """Gries's DP of a word from its count in each part and each part's size.

    ``sizes`` may be shares (summing to 1) or sizes in words. Lijffijt and
    Gries (2012), Table 1: three equal parts, the word's occurrences split 2/3
    and 1/3 over two of them, give DP = 1/3:

    >>> round(gries_dp([2, 1, 0], [1, 1, 1]), 4)
    0.3333
    """
    total, size = sum(counts), sum(sizes)
    if total == 0 or size == 0:
        raise ValueError("DP needs a word that occurs at least once, in parts of some size.")
    return sum(abs(c / total - z / size) for c, z in zip(counts, sizes)) / 2


# --- keyness ----------------------------------------------------------------

CORRECTIONS = ("bh", "holm", "none")
"""Corrections for testing many words at once: Benjamini–Hochberg (the default),
Holm, or none."""

_CUTS = (0.0001, 0.001, 0.01, 0.05)


class Keyword(NamedTuple):
    """One word's keyness: how much more one text uses it than the other."""

    word: str
    count_a: int
    count_b: int
    g2: float
    """Dunning's log-likelihood: how sure we can be the difference is not chance."""
    p: float
    """The p-value of G2 for this word alone (chi-squared, one degree of freedom)."""
    p_adjusted: float
    """The p-value corrected for the number of words tested (see :func:`keyness`)."""
    log_ratio: float
    """Hardie's Log Ratio: log2 of the ratio of relative frequencies. +1 means
    twice as frequent in A, -1 twice as frequent in B: the size of the difference."""
    log_ratio_low: float
    log_ratio_high: float
    """The 95% confidence interval of the Log Ratio."""
    alpha: float = 0.05

    @property
    def significant(self) -> bool:
        """Whether the difference is significant after correction."""
        return self.p_adjusted < self.alpha

    @property
    def significance(self) -> str:
        """The strictest of p < 0.0001, 0.001, 0.01 and 0.05 that the corrected
        p-value passes, such as ``"p < 0.01"``, or ``""``."""
        return next((f"p < {cut:g}" for cut in _CUTS if self.p_adjusted < cut and cut <= self.alpha), "")


class KeynessTable(list):
    """A list of :class:`Keyword`, strongest first, with a ``note`` that says how
    many words were tested, how many differences chance alone would produce,
    and how many are significant after correction."""

    note: str = ""
    tested: int = 0
    correction: str = "bh"

    @property
    def significant(self) -> list[Keyword]:
        return [k for k in self if k.significant]

    def __repr__(self) -> str:
        return f"{self.note}\n{list.__repr__(self[:10])}{' ...' if len(self) > 10 else ''}"


def g2(x: int, y: int, n_a: int, n_b: int) -> float:
    """Dunning's log-likelihood G2 of a word seen ``x`` times in ``n_a`` words and
    ``y`` times in ``n_b`` words (Rayson and Garside 2000).

    A worked example from Lancaster University's corpus course: 52 in 50,000
    words against 57 in 75,000 gives 2.65, not significant:

    >>> round(g2(52, 57, 50_000, 75_000), 2)
    2.65
    """
    e_a = n_a * (x + y) / (n_a + n_b)
    e_b = n_b * (x + y) / (n_a + n_b)
    return 2 * ((x * math.log(x / e_a) if x else 0.0) + (y * math.log(y / e_b) if y else 0.0))


def log_ratio(x: int, y: int, n_a: int, n_b: int, *, confidence: float = 0.95) -> tuple[float, float, float]:
    """Hardie's Log Ratio with its confidence interval: ``(log_ratio, low, high)``.

    Log Ratio = log2((x / n_a) / (y / n_b)), a count of 0 taken as 0.5 so that a
    word missing from one text still gets a finite size. The interval is the
    usual one for a ratio of two rates (Katz et al. 1978): the log of the ratio
    plus or minus z times sqrt(1/x - 1/n_a + 1/y - 1/n_b), in base 2.

    Twice as frequent is +1; a word 20 times in 100 words against 10 in 100 has
    a ratio of 2 with a 95% interval of 0.99 to 4.05:

    >>> lr, low, high = log_ratio(20, 10, 100, 100)
    >>> lr, round(2 ** low, 2), round(2 ** high, 2)
    (1.0, 0.99, 4.05)
    """
    a, b = (x or 0.5), (y or 0.5)
    ratio = math.log((a / n_a) / (b / n_b))
    z = _z(confidence)
    se = math.sqrt(max(0.0, 1 / a - 1 / n_a + 1 / b - 1 / n_b))
    return ratio / math.log(2), (ratio - z * se) / math.log(2), (ratio + z * se) / math.log(2)


@lru_cache(maxsize=16)  # (a keyness table asks once per word, always for the same level)
def _z(confidence: float) -> float:
    """The two-sided normal quantile for a confidence level (0.95 -> 1.96)."""
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, such as 0.95, not {confidence!r}.")
    from statistics import NormalDist

    return NormalDist().inv_cdf(0.5 + confidence / 2)


def adjust(p_values: Sequence[float], correction: str = "bh") -> list[float]:
    """The p-values corrected for testing them all, in the same order.

    - ``"bh"``: Benjamini and Hochberg (1995). Of the words called
      significant, at most 5% (alpha) are expected to be flukes.
    - ``"holm"``: Holm (1979). The chance that even one word called
      significant is a fluke is at most 5%: stricter, so it finds fewer.
    - ``"none"``: no correction.

    Benjamini and Hochberg's own example, 15 p-values: at 0.05 their method
    keeps 4, Holm's keeps 3, and no correction keeps 9:

    >>> ps = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
    ...       0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0]
    >>> [sum(p < 0.05 for p in adjust(ps, c)) for c in ("bh", "holm", "none")]
    [4, 3, 9]
    """
    if correction not in CORRECTIONS:
        raise ValueError(f"Unknown correction {correction!r}. Choose one of: {', '.join(CORRECTIONS)}.")
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    if correction == "none":
        return [min(1.0, p) for p in p_values]
    if correction == "holm":
        running = 0.0
        for rank, i in enumerate(order):
            running = max(running, min(1.0, (m - rank) * p_values[i]))
            adjusted[i] = running
        return adjusted
    running = 1.0
    for rank in range(m - 1, -1, -1):
        i = order[rank]
        running = min(running, m * p_values[i] / (rank + 1))
        adjusted[i] = min(1.0, running)
    return adjusted


def keyness(
    a: TextLike,
    b: TextLike,
    *,
    stopwords: Iterable[str] | None = (),
    correction: str = "bh",
    alpha: float = 0.05,
) -> KeynessTable:
    """Keyness of every word in ``a`` against ``b``, by G2, strongest first.

    For each word, :func:`g2` says how unlikely the difference in frequency
    would be by chance, and :func:`log_ratio` how big it is, with a 95%
    confidence interval. ``N_a`` and ``N_b`` are always the texts' full word
    counts (``len(kit.words(a))``), whatever ``stopwords`` leaves out of the
    table, as in Rayson's log-likelihood wizard and AntConc.

    **Many words, many tests.** Testing 200 words at p < 0.05 calls about 10 of
    them significant by chance alone, even in two samples of one text. So the
    p-values are corrected for the number of words tested, by default with
    Benjamini–Hochberg (``correction="bh"``): of the words it calls
    significant, at most ``alpha`` (5%) are expected to be flukes, which keeps
    its power on long texts with many real differences. ``correction="holm"``
    bounds the chance of even one fluke instead (stricter); ``"none"`` shows
    the raw p-values. Each row says whether it is significant after the
    correction, and ``note`` says how many words were tested.

    Stopwords are kept unless you pass a list. Ties in G2 are broken
    alphabetically.

    >>> from kit import load_articles
    >>> a, b = load_articles()
    >>> print(keyness(a, b).note)
    229 words tested. At p < 0.05 chance alone would make about 11 of them look different even in two samples of one text; 0 pass p < 0.05 before correction, and 0 after the Benjamini–Hochberg correction. Texts this short and this alike give keyness little power: treat the ranking as a hint, not a finding.
    """
    count_a, count_b = _counts(a, stopwords), _counts(b, stopwords)
    return keyness_table(count_a, count_b, len(words(a)), len(words(b)), correction=correction, alpha=alpha)


def keyness_table(
    count_a: Counter, count_b: Counter, n_a: int, n_b: int, *, correction: str = "bh", alpha: float = 0.05
) -> KeynessTable:
    """:func:`keyness` from counts you already have: the words of ``count_a`` and
    ``count_b`` (as :func:`word_filter` gives them), in texts of ``n_a`` and
    ``n_b`` words. ``kit.corpus`` uses it for the counts of many texts.
    """
    if correction not in CORRECTIONS:
        raise ValueError(f"Unknown correction {correction!r}. Choose one of: {', '.join(CORRECTIONS)}.")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1, such as 0.05, not {alpha!r}.")
    table = KeynessTable()
    table.correction = correction
    if n_a == 0 or n_b == 0:
        table.note = "One of the texts has no words, so nothing can be compared."
        return table
    vocabulary = sorted(count_a.keys() | count_b.keys())
    scores = [g2(count_a[w], count_b[w], n_a, n_b) for w in vocabulary]
    p_values = [math.erfc(math.sqrt(score / 2)) for score in scores]  # chi-squared, 1 df
    adjusted = adjust(p_values, correction)
    for w, score, p, q in zip(vocabulary, scores, p_values, adjusted):
        ratio, low, high = log_ratio(count_a[w], count_b[w], n_a, n_b)
        table.append(Keyword(w, count_a[w], count_b[w], score, p, q, ratio, low, high, alpha))
    table.sort(key=lambda k: (-k.g2, k.word))
    table.tested = len(table)
    raw = sum(p < alpha for p in p_values)
    name = {"bh": "the Benjamini–Hochberg correction", "holm": "Holm's correction", "none": "no correction"}
    table.note = (
        f"{len(table)} words tested. At p < {alpha:g} chance alone would make about "
        f"{round(alpha * len(table))} of them look different even in two samples of one text; "
        f"{raw} pass p < {alpha:g} before correction, and {len(table.significant)} after {name[correction]}."
    )
    if min(n_a, n_b) < 5000 and len(table.significant) < 5:
        table.note += (
            " Texts this short and this alike give keyness little power:"
            " treat the ranking as a hint, not a finding."
        )
    return table
