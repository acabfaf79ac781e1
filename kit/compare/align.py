"""Aligning two lists of texts (sentences, or quotations) in three steps.

A *match* says that the items ``a[a0:a1]`` of version A became ``b[b0:b1]`` of
version B, as a tuple ``(a0, a1, b0, b1)``: one item on each side, or two on one
side for a split or a merge. An empty range on one side means added or removed.

>>> order, in_order, scores = align(["One.", "Two.", "Three."], ["Two.", "One.", "Four."],
...                                 threshold=SIMILARITY_THRESHOLD)
>>> order    # in the order of B: "Two.", "Three." removed after it, "One.", "Four." added
[(1, 2, 0, 1), (2, 3, 1, 1), (0, 1, 1, 2), (0, 0, 2, 3)]
>>> (0, 1, 1, 2) in in_order   # "One." moved: it is not in the run kept in order
False

1. **Exact matches first.** Items that occur once in each list anchor the
   alignment (the idea of *patience diff*). The longest run of anchors that is
   in the same order in both lists is found with a longest increasing
   subsequence, in O(n log n). Between two anchors, ``difflib.SequenceMatcher``
   matches the repeated items (``“Yes.”``) that anchors cannot.
2. **Then the changed stretches, by similarity.** Each item left over is
   compared with the left-over items of the other list that share a rare word
   with it. Pairs at or above ``threshold`` are accepted: first those in the
   same stretch between two exact matches, best first, then those from
   elsewhere (moves). An accepted pair takes in a neighbouring left-over item
   when that one's words are found in the other side too (a *split* or a
   *merge*).
3. **Then order.** In place are the exact matches of that longest run in
   order, and the pairs of step 2 made within one stretch (those that do not
   cross each other); every other match has *moved*.

Similarity is the Dice coefficient of the two sides' content words (stopwords
dropped): twice the number of words they share, divided by the number of words
on both sides.

>>> similarity("For his part, the president said.", "The president, for his part, said.")
1.0
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import Mapping

from kit.segment import stopwords, words

__all__ = [
    "MAX_CANDIDATES",
    "MAX_POSTINGS",
    "Match",
    "SIMILARITY_THRESHOLD",
    "align",
    "check_threshold",
    "longest_increasing",
    "similarity",
]

SIMILARITY_THRESHOLD = 0.5
"""Two different sentences are the same sentence, changed, when their similarity
is at least this. On the seed articles, sentences that really are versions of
each other score 0.56 or more, and unrelated ones 0.39 or less.

Short sentences are the weak spot: "They can cooperation." and "They can
cooperate." share no content word ("they" and "can" are stopwords), so they
count as one sentence removed and another added."""

MAX_POSTINGS = 100
"""A word found in more left-over sentences than this is too common to suggest
which sentences to compare (step 2), like ``the`` in a whole book."""

MAX_CANDIDATES = 10
"""Step 2 compares each left-over sentence with at most this many others: those
sharing the most rare words with it."""

# Plain tuples, because a book has tens of thousands of them.
Match = tuple[int, int, int, int]

Bag = dict[str, int]
"""The content words of one item, counted."""


def check_threshold(threshold: float) -> None:
    """Refuse a threshold that is not a number above 0 and at most 1, saying why."""
    if not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        raise ValueError(
            f"threshold must be a number above 0 and at most 1, not {threshold!r}. "
            f"The default is {SIMILARITY_THRESHOLD}; higher means stricter."
        )


def similarity(a: str, b: str) -> float:
    """The Dice coefficient of the content words of two texts, 0.0 to 1.0, rounded to 2 places.

    >>> similarity("Iran and Belarus can cooperation in many areas.",
    ...            "Iran and Belarus can cooperate in many areas.")
    0.8

    Four content words of five are the same on each side (``can``, ``in`` and
    ``and`` are stopwords): 2 × 4 / (5 + 5).
    """
    stop = stopwords()
    return round(_dice(_bag(a, stop), _bag(b, stop)), 2)


def align(
    texts_a: list[str],
    texts_b: list[str],
    keys_a: list[str] | None = None,
    keys_b: list[str] | None = None,
    *,
    threshold: float,
    joins: bool = True,
) -> tuple[list[Match], set[Match], dict[Match, float]]:
    """Align two lists of texts (sentences or quotations): the three steps.

    Texts are equal when their keys are (by default, the texts themselves).
    ``joins=False`` makes no splits or merges. Returns every match, added and
    removed text included, in the order of B; the matches in order; and the
    similarity of each inexact match.
    """
    keys_a = texts_a if keys_a is None else keys_a
    keys_b = texts_b if keys_b is None else keys_b
    matches = _exact_matches(keys_a, keys_b)  # step 1
    chain = longest_increasing(sorted(matches))  # the exact matches in place
    scores, in_place = _similar_matches(
        texts_a, texts_b, keys_a, keys_b, matches, chain, threshold, joins
    )
    # Step 3: in order are the chain, and the matches made in place by step 2
    # that do not cross each other; every other match has moved.
    in_order = {*chain, *longest_increasing(sorted(in_place))}
    return _in_b_order(matches, in_order, len(texts_a), len(texts_b)), in_order, scores


def _exact_matches(keys_a: list[str], keys_b: list[str]) -> list[Match]:
    """Step 1: pair equal items, the unique ones first."""
    count_a, count_b = Counter(keys_a), Counter(keys_b)
    where_b = {k: j for j, k in enumerate(keys_b) if count_b[k] == 1}
    found = [
        (i, i + 1, where_b[k], where_b[k] + 1)
        for i, k in enumerate(keys_a)
        if count_a[k] == 1 and k in where_b
    ]
    used_a = {m[0] for m in found}
    used_b = {m[2] for m in found}

    # Between two anchors that are in order, an item that occurs several
    # times ("Yes.") can still be matched in order, by difflib. These gaps are
    # short when the texts are alike, so difflib's quadratic worst case (long
    # stretches with many repeated items) stays out of reach. autojunk=False:
    # with it, difflib silently ignores any item that makes up more than 1% of
    # a list of 200 items or more, which is exactly what a repeated sentence is.
    anchors = [(0, 0, 0, 0), *longest_increasing(found), (len(keys_a),) * 2 + (len(keys_b),) * 2]
    for (_, a0, _, b0), (a1, _, b1, _) in zip(anchors, anchors[1:]):
        if a1 == a0 or b1 == b0:  # nothing left between these two anchors
            continue
        gap_a = [i for i in range(a0, a1) if i not in used_a]
        gap_b = [j for j in range(b0, b1) if j not in used_b]
        matcher = SequenceMatcher(
            None, [keys_a[i] for i in gap_a], [keys_b[j] for j in gap_b], autojunk=False
        )
        for block in matcher.get_matching_blocks():
            for i, j in zip(gap_a[block.a : block.a + block.size], gap_b[block.b :]):
                found.append((i, i + 1, j, j + 1))
                used_a.add(i)
                used_b.add(j)

    return found


def longest_increasing(matches: list[Match]) -> list[Match]:
    """The longest run of ``matches`` (sorted by A) that is in order in B too.

    Patience sorting: ``tails[k]`` is the smallest B position that can end an
    increasing run of length ``k + 1``. O(n log n).

    >>> longest_increasing([(0, 1, 2, 3), (1, 2, 0, 1), (2, 3, 1, 2)])
    [(1, 2, 0, 1), (2, 3, 1, 2)]
    """
    tails: list[int] = []
    tail_item: list[int] = []  # the index in matches of each tail
    back = [-1] * len(matches)  # the previous item on the best run ending here
    for n, match in enumerate(matches):
        k = bisect_left(tails, match[2])
        if k == len(tails):
            tails.append(match[2])
            tail_item.append(n)
        else:
            tails[k] = match[2]
            tail_item[k] = n
        back[n] = tail_item[k - 1] if k else -1
    run = []
    n = tail_item[-1] if tail_item else -1
    while n >= 0:
        run.append(matches[n])
        n = back[n]
    return run[::-1]


def _bag(text: str, stop: set[str]) -> Bag:
    """The content words of a text, counted; all its words if it has no other kind."""
    found = words(text)
    return Counter([w for w in found if w not in stop] or found)


def _shared(x: Mapping[str, int], y: Mapping[str, int]) -> int:
    """How many words two bags share, counting repeats: the size of ``x & y``.

    Written out rather than ``sum((x & y).values())``: step 2 makes this
    comparison a hundred thousand times on a book, and Counter's ``&`` builds
    a new Counter each time, several times slower.
    """
    return sum(min(x[w], y[w]) for w in x.keys() & y.keys())


def _dice(x: Mapping[str, int], y: Mapping[str, int]) -> float:
    size = sum(x.values()) + sum(y.values())
    return 2 * _shared(x, y) / size if size else 1.0


def _similar_matches(
    sa: list[str],
    sb: list[str],
    keys_a: list[str],
    keys_b: list[str],
    matches: list[Match],
    chain: list[Match],
    threshold: float,
    joins: bool = True,
) -> tuple[dict[Match, float], list[Match]]:
    """Step 2: pair the left-over items by similarity; extends ``matches``.

    ``chain`` holds the exact matches that are in order. Returns the similarity
    of each match this step made, and the matches made in place: between the
    same two matches of ``chain`` in A and in B.
    """
    used_a = {m[0] for m in matches}
    used_b = {m[2] for m in matches}
    stop = stopwords()
    bags_a = {i: _bag(sa[i], stop) for i in range(len(sa)) if i not in used_a}
    bags_b = {j: _bag(sb[j], stop) for j in range(len(sb)) if j not in used_b}
    sizes_a = {i: sum(bag.values()) for i, bag in bags_a.items()}

    # Comparing every left-over item with every other would be quadratic:
    # two unrelated books would take hours. An index from each word to the
    # items of A holding it finds the few worth comparing.
    index: dict[str, list[int]] = defaultdict(list)
    for i, bag in bags_a.items():
        for w in bag:
            index[w].append(i)
    rare = {w: found for w, found in index.items() if len(found) <= MAX_POSTINGS}
    # Exact copies of a repeated item that step 1 could not pair in place
    # are candidates too, or "Yes." (whose only word is too common for the
    # index) could never move: the n-th copy left in B with the n-th in A.
    copies: dict[str, list[int]] = defaultdict(list)
    for i in bags_a:
        copies[keys_a[i]].append(i)
    copies_seen: Counter[str] = Counter()
    # Where the items are: the number of the gap between two exact matches
    # in order. An item edited in place is in the same gap in A and B.
    starts_a, starts_b = [m[0] for m in chain], [m[2] for m in chain]
    candidates = []
    for j, bag in bags_b.items():
        shared: Counter[int] = Counter()
        for w in bag:
            if w in rare:
                shared.update(rare[w])
        gap_b = bisect_left(starts_b, j)
        if len(shared) > MAX_CANDIDATES:
            nearby = {i for i, _ in shared.most_common(MAX_CANDIDATES)}
        else:
            nearby = set(shared)
        nth, same = copies_seen[keys_b[j]], copies.get(keys_b[j], [])
        copies_seen[keys_b[j]] += 1
        if nth < len(same):
            nearby.add(same[nth])
        size_b = sum(bag.values())
        for i in nearby:
            size = sizes_a[i] + size_b
            score = 2 * _shared(bags_a[i], bag) / size if size else 1.0
            if score >= threshold:
                distance = abs(bisect_left(starts_a, i) - gap_b)  # 0 when in place
                candidates.append((distance > 0, -score, distance, i, j))

    # Best first: pairs in place before moves (an editor edits in place far
    # more often than she moves a sentence), then by similarity.
    scores: dict[Match, float] = {}
    in_place: list[Match] = []
    for moved, score, _, i, j in sorted(candidates):
        if i in used_a or j in used_b:
            continue
        match, score = (i, i + 1, j, j + 1), -score
        if joins:
            match, score = _extend(i, j, score, bags_a, bags_b, used_a, used_b, threshold)
        used_a.update(range(match[0], match[1]))
        used_b.update(range(match[2], match[3]))
        matches.append(match)
        scores[match] = score
        if not moved:
            in_place.append(match)
    return scores, in_place


def _extend(
    i: int,
    j: int,
    score: float,
    bags_a: dict[int, Bag],
    bags_b: dict[int, Bag],
    used_a: set[int],
    used_b: set[int],
    threshold: float,
) -> tuple[Match, float]:
    """Whether item ``i`` of A, matched with ``j`` of B, was split or merged.

    A free neighbour joins the match when its words are found on the other
    side too: the words it adds to the match must be at least ``threshold`` of
    its own. (difflib cannot tell this: it aligns in order, and an editor who
    splits a sentence often reorders its clauses.) The best such neighbour wins.
    """
    best: tuple[Match, float] = ((i, i + 1, j, j + 1), score)
    common = _shared(bags_a[i], bags_b[j])
    options = []
    for n in (i - 1, i + 1):  # two sentences of A merged into j
        if n in bags_a and n not in used_a:
            options.append((min(i, n), max(i, n) + 1, j, j + 1, bags_a[n]))
    for n in (j - 1, j + 1):  # i split into two sentences of B
        if n in bags_b and n not in used_b:
            options.append((i, i + 1, min(j, n), max(j, n) + 1, bags_b[n]))
    for a0, a1, b0, b1, added in options:
        bag_a = sum((Counter(bags_a[k]) for k in range(a0, a1)), Counter())
        bag_b = sum((Counter(bags_b[k]) for k in range(b0, b1)), Counter())
        gain = _shared(bag_a, bag_b) - common
        combined = _dice(bag_a, bag_b)
        if gain >= threshold * sum(added.values()) and combined > best[1]:
            best = ((a0, a1, b0, b1), combined)
    return best


def _in_b_order(matches: list[Match], in_order: set[Match], n_a: int, n_b: int) -> list[Match]:
    """Every match, and every item added or removed, in the order of B.

    A removed item goes just after the in-order match before it in A, so
    before anything added in that place: deletions first, as in diff.
    """
    starting_at = {m[2]: m for m in matches}  # B position -> the match starting there
    after: dict[int, int] = {}  # A position -> where B is, for the matches in order
    for a0, a1, _, b1 in in_order:
        for i in range(a0, a1):
            after[i] = b1
    matched_a = {i for m in matches for i in range(m[0], m[1])}
    removed_at: dict[int, list[Match]] = defaultdict(list)
    at = 0
    for i in range(n_a):
        at = after.get(i, at)
        if i not in matched_a:
            removed_at[at].append((i, i + 1, at, at))
    out: list[Match] = []
    j = 0
    while True:
        out += removed_at.get(j, ())
        if j == n_b:
            return out
        out.append(starting_at.get(j) or (0, 0, j, j + 1))  # not matched: added
        j = out[-1][3]
