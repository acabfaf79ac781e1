"""Comparing two versions of a text: which sentences and quotations changed, and how.

The two seed articles are two published versions of one news report. Version B
was edited from version A, and ``compare_versions`` finds out what the editor did:

>>> import kit
>>> a, b = kit.load_articles()
>>> cmp = compare_versions(a, b)
>>> cmp.counts
{'same': 3, 'changed': 8, 'added': 2, 'removed': 0, 'moved': 0, 'split': 1, 'merged': 1}
>>> cmp.similarity
0.847

Each item of ``cmp.pairs`` is a :class:`SentencePair`: a status, the sentences
on side A and on side B (as tuples), their similarity, and the word-level edits.
B opens with a headline that A does not have, so that sentence was *added*:

>>> first = cmp.pairs[0]
>>> first.status, first.a, first.b
('added', (), ('Ayatollah Seyyed Ali Khamenei: Countries sanctioned by US must join hands to shatter those sanctions',))

A's long first sentence became two sentences in B: a *split*, with one
sentence on side A and two on side B.

>>> split = cmp.pairs[1]
>>> split.status, len(split.a), len(split.b)
('split', 1, 2)
>>> print(split.b[1])
Ayatollah Khamenei made the remarks in a meeting with the visiting Belarusian President Alexander Lukashenko in Tehran on Monday.

A *changed* pair keeps its edits: runs of words deleted from A or inserted in
B, as written. Here a single word was corrected:

>>> [p.edits for p in cmp.pairs if "can cooperation" in "".join(p.a)]
[[Edit(op='delete', text='cooperation'), Edit(op='insert', text='cooperate')]]

Printed, a comparison reads like ``git diff --word-diff``: ``[-deleted-]`` and
``{+inserted+}``, one sentence pair a line, with its status in front. In
Jupyter, ``cmp`` on its own shows a side-by-side table instead.

>>> print(compare_versions("Iran and Belarus can cooperation in many areas. It is [also] good.",
...                        "Iran and Belarus can cooperate in many areas. It is good."))
changed  Iran and Belarus can [-cooperation-]{+cooperate+} in many areas.
changed  It is [-[also]-] good.

Quotations across versions
--------------------------
``compare_quotes`` pairs each quotation of A with its counterpart in B. Seven of
the eight are identical: a closing comma that became a full stop does not count.
One was altered, and the editor also changed how most quotes are introduced:

>>> pairs = compare_quotes(a, b)
>>> [p.status for p in pairs].count("identical")
7
>>> altered = [p for p in pairs if p.status == "altered"][0]
>>> altered.inserted, altered.deleted
(['many grounds for progress have been provided to Iran and', '[as well as]'], [])
>>> altered.attribution_changes
['cue: stated → said']

How sentences are aligned
-------------------------
1. **Exact matches first.** Sentences that occur once in each text anchor the
   alignment (the idea of *patience diff*). The longest run of anchors that is
   in the same order in both texts is found with a longest increasing
   subsequence, in O(n log n). Between two anchors, ``difflib.SequenceMatcher``
   matches the repeated sentences (``“Yes.”``) that anchors cannot.
2. **Then the changed stretches, by similarity.** Each sentence left over is
   compared with the left-over sentences of the other text that share a rare
   word with it. Pairs at or above ``threshold`` are accepted: first those in
   the same stretch between two exact matches, best first, then those from
   elsewhere (moves). An accepted pair takes in a neighbouring left-over
   sentence when that one's words are found in the other side too (a *split*
   or a *merge*).
3. **Then order.** In place are the exact matches of that longest run in
   order, and the pairs of step 2 made within one stretch (those that do not
   cross each other); every other match has *moved*.

Similarity is the Dice coefficient of the two sides' content words (stopwords
dropped): twice the number of words they share, divided by the number of words
on both sides. So ``For his part, the president said`` and ``The president, for
his part, said`` score 1.0, while ``the``, ``of`` and ``and`` alone never make
two unrelated sentences look alike.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, NamedTuple, Sequence

from kit.texts import TextLike, as_text
from kit.segment import Token, sentences, stopwords, tokens, words

if TYPE_CHECKING:  # only for type hints: kit.quotes is imported when it is used
    from kit.quotes import Quote

__all__ = [
    "SIMILARITY_THRESHOLD",
    "STATUSES",
    "Comparison",
    "Edit",
    "QuotePair",
    "QUOTE_STATUSES",
    "SentencePair",
    "compare_quote_lists",
    "compare_quotes",
    "compare_sentences",
    "compare_versions",
]

SIMILARITY_THRESHOLD = 0.5
"""Two different sentences are the same sentence, changed, when their similarity
is at least this. On the seed articles, sentences that really are versions of
each other score 0.56 or more, and unrelated ones 0.39 or less.

Short sentences are the weak spot: "They can cooperation." and "They can
cooperate." share no content word ("they" and "can" are stopwords), so they
count as one sentence removed and another added."""

STATUSES = ("same", "changed", "added", "removed", "moved", "split", "merged")
"""What can happen to a sentence, in the order ``Comparison.counts`` lists them."""

QUOTE_STATUSES = ("identical", "altered", "only_a", "only_b")
"""What can happen to a quotation, see :class:`QuotePair`."""

MAX_POSTINGS = 100
"""A word found in more left-over sentences than this is too common to suggest
which sentences to compare (step 2), like ``the`` in a whole book."""

MAX_CANDIDATES = 10
"""Step 2 compares each left-over sentence with at most this many others: those
sharing the most rare words with it."""


# --- the results ----------------------------------------------------------------


class Edit(NamedTuple):
    """One run of words inserted into B or deleted from A, as written."""

    op: str
    """``"insert"`` or ``"delete"``."""
    text: str
    """The run, punctuation included: ``'[as well as]'``."""


class SentencePair(NamedTuple):
    """What happened to one sentence (or two, for a split or a merge)."""

    status: str
    """One of :data:`STATUSES`."""
    a: tuple[str, ...]
    """The sentences of version A: none if added, two if merged."""
    b: tuple[str, ...]
    """The sentences of version B: none if removed, two if split."""
    similarity: float
    """The Dice coefficient of the two sides' content words, 0.0 to 1.0."""
    edits: list[Edit]
    """The word-level edits turning ``a`` into ``b``; empty when the words are the
    same, and for added and removed sentences (their status says it all)."""


class Comparison(NamedTuple):
    """Two versions of a text, aligned sentence by sentence.

    ``print(comparison)`` shows a word diff; in Jupyter, a comparison on its own
    shows a side-by-side table (see :meth:`to_html`).
    """

    pairs: list[SentencePair]
    """Every sentence of both versions, once, in the order of version B; a
    removed sentence comes where it stood in version A."""
    counts: dict[str, int]
    """How many pairs have each status, in the order of :data:`STATUSES`."""
    similarity: float
    """How much of the text the two versions share, 0.0 to 1.0: the pairs'
    similarities, weighted by their length in characters."""

    @property
    def words_inserted(self) -> int:
        """How many words version B adds: in added sentences and in edits."""
        return self._count_words("insert", "added")

    @property
    def words_deleted(self) -> int:
        """How many words version A loses: in removed sentences and in edits."""
        return self._count_words("delete", "removed")

    def _count_words(self, op: str, status: str) -> int:
        n = 0
        for pair in self.pairs:
            if pair.status == status:  # one side is empty
                n += sum(len(words(s)) for s in pair.a + pair.b)
            n += sum(len(words(e.text)) for e in pair.edits if e.op == op)
        return n

    def word_diff(self, context: int | None = 3) -> str:
        """The comparison as text, in the style of ``git diff --word-diff``.

        One line per pair: its status, then B's text with ``[-deleted-]`` and
        ``{+inserted+}`` runs of words. A run of more than ``2 * context + 1``
        same sentences is shortened to ``context`` at either end;
        ``context=None`` shows every sentence.
        """
        lines = []
        for item in _with_context(self.pairs, context):
            if isinstance(item, int):
                lines.append(f"{'':8} ... {item} same sentences ...")
            else:
                lines.append(f"{item.status:<8} {_word_diff_line(item)}")
        return "\n".join(lines)

    def to_html(self, context: int | None = 3) -> str:
        """A side-by-side table: version A on the left, B on the right.

        Deleted words are marked ``<del>`` in A, inserted words ``<ins>`` in B,
        and all text is HTML-escaped. ``context`` works as in :meth:`word_diff`.
        """
        rows = []
        for item in _with_context(self.pairs, context):
            if isinstance(item, int):
                rows.append(f'<tr class="skip"><td colspan="3">… {item} same sentences …</td></tr>')
            else:
                left, right = _html_sides(item)
                rows.append(
                    f'<tr class="{item.status}"><td>{item.status}<br><small>'
                    f"{item.similarity:.2f}</small></td><td>{left}</td><td>{right}</td></tr>"
                )
        counts = ", ".join(f"{n} {s}" for s, n in self.counts.items() if n)
        return (
            f"<div class='kit-compare'>{_STYLE}<p>Similarity {self.similarity:.2f}: "
            f"{html.escape(counts or 'two empty texts')}.</p><table>"
            "<tr><th>status</th><th>version A</th><th>version B</th></tr>"
            + "".join(rows)
            + "</table></div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.word_diff()

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {s}" for s, n in self.counts.items() if n) or "two empty texts"
        return f"<Comparison of {len(self.pairs)} pairs ({counts}), similarity {self.similarity}>"


class QuotePair(NamedTuple):
    """One quotation in version A and its counterpart in version B."""

    status: str
    """``"identical"`` (the same words, ignoring a closing comma or full stop),
    ``"altered"``, ``"only_a"`` or ``"only_b"``."""
    a: Quote | None
    """The quotation in version A, or None when only B has it."""
    b: Quote | None
    """The quotation in version B, or None when only A has it."""
    inserted: list[str]
    """The runs of words B adds inside the quotation."""
    deleted: list[str]
    """The runs of words A had inside the quotation that B drops."""

    @property
    def speaker_changed(self) -> bool:
        """Whether both versions have the quote, attributed to different people.

        A fuller form of the same name is no change: version B may call
        *Ayatollah Ali Khamenei* *Ayatollah Seyyed Ali Khamenei*.
        """
        if self.a is None or self.b is None:
            return False
        return not _same_person(self.a.speaker, self.b.speaker)

    @property
    def cue_changed(self) -> bool:
        """Whether both versions have the quote, introduced by different verbs."""
        return self.a is not None and self.b is not None and self.a.cue != self.b.cue

    @property
    def attribution_changes(self) -> list[str]:
        """What changed in who said it and how: ``['cue: stated → said']``."""
        changes = []
        if self.speaker_changed:
            changes.append(f"speaker: {self.a.speaker} → {self.b.speaker}")
        if self.cue_changed:
            changes.append(f"cue: {self.a.cue} → {self.b.cue}")
        return changes


# --- comparing versions ---------------------------------------------------------


def compare_versions(
    a: TextLike, b: TextLike, *, threshold: float = SIMILARITY_THRESHOLD
) -> Comparison:
    """Align the sentences of two versions of a text and say what happened to each.

    ``a`` and ``b`` are Articles or strings, of any length; an empty text
    compares fine (every sentence of the other is added or removed).
    ``threshold`` is the similarity two different sentences need to count as
    one sentence, changed (see :data:`SIMILARITY_THRESHOLD`).

    >>> cmp = compare_versions("Iran and Belarus met. They agreed.", "Iran and Belarus met.")
    >>> [(p.status, p.a, p.b) for p in cmp.pairs]
    [('same', ('Iran and Belarus met.',), ('Iran and Belarus met.',)), ('removed', ('They agreed.',), ())]
    >>> compare_versions(None, "text")
    Traceback (most recent call last):
    ...
    TypeError: a must be an Article or a str, not None. Load a file first: kit.load_article("path/to/file.txt").
    """
    text_a = as_text(a, argument="a")
    text_b = as_text(b, argument="b")
    _check_threshold(threshold)
    return compare_sentences(sentences(text_a), sentences(text_b), threshold=threshold)


def compare_sentences(
    a: Sequence[str], b: Sequence[str], *, threshold: float = SIMILARITY_THRESHOLD
) -> Comparison:
    """Like :func:`compare_versions`, for texts already split into sentences.

    Use it to time the alignment alone, or to compare your own segmentation.

    >>> compare_sentences(["One.", "Two."], ["Two.", "One."]).counts["moved"]
    1
    """
    sa, sb = _sentence_list(a, "a"), _sentence_list(b, "b")
    _check_threshold(threshold)
    keys_a = [" ".join(s.split()) for s in sa]  # white space and line breaks don't count
    keys_b = [" ".join(s.split()) for s in sb]
    return _comparison(sa, sb, *_align(sa, sb, keys_a, keys_b, threshold))


def _sentence_list(sents: Sequence[str], argument: str) -> list[str]:
    if isinstance(sents, str) or not isinstance(sents, Sequence):
        kind = "None" if sents is None else type(sents).__name__
        raise TypeError(
            f"{argument} must be a list of sentences, not {kind}. Split a text with "
            "kit.sentences(text), or compare whole texts with kit.compare_versions(a, b)."
        )
    for s in sents:
        if not isinstance(s, str):
            raise TypeError(f"{argument} must hold only strings, but it holds {s!r}.")
    return [s for s in sents if s.strip()]  # a blank "sentence" is no sentence


def _check_threshold(threshold: float) -> None:
    if not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        raise ValueError(
            f"threshold must be a number above 0 and at most 1, not {threshold!r}. "
            f"The default is {SIMILARITY_THRESHOLD}; higher means stricter."
        )


# A match says that the sentences a[a0:a1] of version A became b[b0:b1] of
# version B, as a tuple (a0, a1, b0, b1): one sentence on each side, or two on
# one side for a split or a merge. An empty range on one side means added or
# removed. Plain tuples, because a book has tens of thousands of them.
Match = tuple[int, int, int, int]


def _align(
    texts_a: list[str],
    texts_b: list[str],
    keys_a: list[str],
    keys_b: list[str],
    threshold: float,
    *,
    joins: bool = True,
) -> tuple[list[Match], set[Match], dict[Match, float]]:
    """Align two lists of texts (sentences or quotations): the three steps.

    Texts are equal when their keys are. ``joins=False`` makes no splits or
    merges. Returns every match, added and removed text included, in the order
    of B; the matches in order; and the similarity of each inexact match.
    """
    matches = _exact_matches(keys_a, keys_b)  # step 1
    chain = _longest_increasing(sorted(matches))  # the exact matches in place
    scores, in_place = _similar_matches(
        texts_a, texts_b, keys_a, keys_b, matches, chain, threshold, joins
    )
    # Step 3: in order are the chain, and the matches made in place by step 2
    # that do not cross each other; every other match has moved.
    in_order = {*chain, *_longest_increasing(sorted(in_place))}
    return _in_b_order(matches, in_order, len(texts_a), len(texts_b)), in_order, scores


def _exact_matches(keys_a: list[str], keys_b: list[str]) -> list[Match]:
    """Step 1: pair equal sentences, the unique ones first."""
    count_a, count_b = Counter(keys_a), Counter(keys_b)
    where_b = {k: j for j, k in enumerate(keys_b) if count_b[k] == 1}
    found = [
        (i, i + 1, where_b[k], where_b[k] + 1)
        for i, k in enumerate(keys_a)
        if count_a[k] == 1 and k in where_b
    ]
    used_a = {m[0] for m in found}
    used_b = {m[2] for m in found}

    # Between two anchors that are in order, a sentence that occurs several
    # times ("Yes.") can still be matched in order, by difflib. These gaps are
    # short when the texts are alike, so difflib's quadratic worst case (long
    # stretches with many repeated items) stays out of reach. autojunk=False:
    # with it, difflib silently ignores any item that makes up more than 1% of
    # a list of 200 items or more, which is exactly what a repeated sentence is.
    anchors = [(0, 0, 0, 0), *_longest_increasing(found), (len(keys_a),) * 2 + (len(keys_b),) * 2]
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


def _longest_increasing(matches: list[Match]) -> list[Match]:
    """The longest run of ``matches`` (sorted by A) that is in order in B too.

    Patience sorting: ``tails[k]`` is the smallest B position that can end an
    increasing run of length ``k + 1``. O(n log n).
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


def _bag(sentence: str, stop: set[str]) -> Counter[str]:
    """The content words of a sentence, counted; all words if it has no other kind."""
    found = words(sentence)
    return Counter([w for w in found if w not in stop] or found)


def _dice(x: Counter[str], y: Counter[str]) -> float:
    size = sum(x.values()) + sum(y.values())
    return 2 * sum((x & y).values()) / size if size else 1.0


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
    """Step 2: pair the left-over sentences by similarity; extends ``matches``.

    ``chain`` holds the exact matches that are in order. Returns the similarity
    of each match this step made, and the matches made in place: between the
    same two matches of ``chain`` in A and in B.
    """
    used_a = {m[0] for m in matches}
    used_b = {m[2] for m in matches}
    stop = stopwords()
    bags_a = {i: _bag(sa[i], stop) for i in range(len(sa)) if i not in used_a}
    bags_b = {j: _bag(sb[j], stop) for j in range(len(sb)) if j not in used_b}

    # Comparing every left-over sentence with every other would be quadratic:
    # two unrelated books would take hours. An index from each word to the
    # sentences of A holding it finds the few worth comparing.
    index: dict[str, list[int]] = defaultdict(list)
    for i, bag in bags_a.items():
        for w in bag:
            index[w].append(i)
    # Exact copies of a repeated sentence that step 1 could not pair in place
    # are candidates too, or "Yes." (whose only word is too common for the
    # index) could never move: the n-th copy left in B with the n-th in A.
    copies: dict[str, list[int]] = defaultdict(list)
    for i in bags_a:
        copies[keys_a[i]].append(i)
    copies_seen: Counter[str] = Counter()
    # Where the sentences are: the number of the gap between two exact matches
    # in order. A sentence edited in place is in the same gap in A and B.
    starts_a, starts_b = [m[0] for m in chain], [m[2] for m in chain]
    candidates = []
    for j, bag in bags_b.items():
        shared: Counter[int] = Counter()
        for w in bag:
            if len(index.get(w, ())) <= MAX_POSTINGS:
                shared.update(index.get(w, ()))
        gap_b = bisect_left(starts_b, j)
        nearby = {i for i, _ in shared.most_common(MAX_CANDIDATES)}
        nth, same = copies_seen[keys_b[j]], copies.get(keys_b[j], [])
        copies_seen[keys_b[j]] += 1
        if nth < len(same):
            nearby.add(same[nth])
        for i in nearby:
            score = _dice(bags_a[i], bags_b[j])
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
    bags_a: dict[int, Counter[str]],
    bags_b: dict[int, Counter[str]],
    used_a: set[int],
    used_b: set[int],
    threshold: float,
) -> tuple[Match, float]:
    """Whether sentence ``i`` of A, matched with ``j`` of B, was split or merged.

    A free neighbour joins the match when its words are found on the other
    side too: the words it adds to the match must be at least ``threshold`` of
    its own. (difflib cannot tell this: it aligns in order, and an editor who
    splits a sentence often reorders its clauses.) The best such neighbour wins.
    """
    best: tuple[Match, float] = ((i, i + 1, j, j + 1), score)
    common = sum((bags_a[i] & bags_b[j]).values())
    options = []
    for n in (i - 1, i + 1):  # two sentences of A merged into j
        if n in bags_a and n not in used_a:
            options.append((min(i, n), max(i, n) + 1, j, j + 1, bags_a[n]))
    for n in (j - 1, j + 1):  # i split into two sentences of B
        if n in bags_b and n not in used_b:
            options.append((i, i + 1, min(j, n), max(j, n) + 1, bags_b[n]))
    for a0, a1, b0, b1, added in options:
        bag_a = sum((bags_a[k] for k in range(a0, a1)), Counter())
        bag_b = sum((bags_b[k] for k in range(b0, b1)), Counter())
        gain = sum((bag_a & bag_b).values()) - common
        combined = _dice(bag_a, bag_b)
        if gain >= threshold * sum(added.values()) and combined > best[1]:
            best = ((a0, a1, b0, b1), combined)
    return best


def _in_b_order(matches: list[Match], in_order: set[Match], n_a: int, n_b: int) -> list[Match]:
    """Every match, and every text added or removed, in the order of B.

    A removed text goes just after the in-order match before it in A, so
    before anything added in that place: deletions first, as in diff.
    """
    starting_at = {m[2]: m for m in matches}  # B position -> the match starting there
    after: dict[int, int] = {}  # A position -> where B is, for the in-order matches
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


def _comparison(
    sa: list[str],
    sb: list[str],
    order: list[Match],
    in_order: set[Match],
    scores: dict[Match, float],
) -> Comparison:
    """A status for every match, in a :class:`SentencePair`."""
    pairs = []
    for match in order:
        a0, a1, b0, b1 = match
        if a0 == a1:
            pairs.append(SentencePair("added", (), (sb[b0],), 0.0, []))
        elif b0 == b1:
            pairs.append(SentencePair("removed", (sa[a0],), (), 0.0, []))
        elif match not in scores:  # an exact match: similarity 1.0 and no edits
            status = "same" if match in in_order else "moved"
            pairs.append(SentencePair(status, (sa[a0],), (sb[b0],), 1.0, []))
        else:
            if b1 - b0 == 2:
                status = "split"
            elif a1 - a0 == 2:
                status = "merged"
            else:
                status = "changed" if match in in_order else "moved"
            a_side, b_side = tuple(sa[a0:a1]), tuple(sb[b0:b1])
            edits = _edits(" ".join(a_side), " ".join(b_side))
            pairs.append(SentencePair(status, a_side, b_side, round(scores[match], 2), edits))

    counts = dict.fromkeys(STATUSES, 0)
    counts.update(Counter(p.status for p in pairs))
    # Weighted by length, so that a changed paragraph-long sentence counts for
    # more than a changed "Yes.". Only sentences not kept as they were count.
    total = sum(map(len, sa)) + sum(map(len, sb))
    lost = sum(
        (1 - p.similarity) * (sum(map(len, p.a)) + sum(map(len, p.b)))
        for p in pairs
        if p.similarity < 1
    )
    similarity = round(1 - lost / total, 3) if total else 1.0
    return Comparison(pairs, counts, similarity)


# --- word-level differences -----------------------------------------------------


def _token_opcodes(a_text: str, b_text: str) -> tuple[list[Token], list[Token], list[tuple]]:
    """The tokens of both texts and difflib's opcodes turning one into the other.

    autojunk=False, because a long sentence (200 tokens or more) would otherwise
    have its commas and "the"s ignored, and its diff would be a mess.
    """
    ta, tb = tokens(a_text), tokens(b_text)
    matcher = SequenceMatcher(None, [t.text for t in ta], [t.text for t in tb], autojunk=False)
    return ta, tb, matcher.get_opcodes()


def _run(text: str, toks: list[Token], start: int, end: int) -> str:
    """The text of tokens ``start:end``, as written, white space made single spaces."""
    return " ".join(text[toks[start].start : toks[end - 1].end].split())


def _edits(a_text: str, b_text: str) -> list[Edit]:
    ta, tb, ops = _token_opcodes(a_text, b_text)
    edits = []
    for tag, i1, i2, j1, j2 in ops:
        if tag in ("delete", "replace"):
            edits.append(Edit("delete", _run(a_text, ta, i1, i2)))
        if tag in ("insert", "replace"):
            edits.append(Edit("insert", _run(b_text, tb, j1, j2)))
    return edits


def _word_diff_line(pair: SentencePair) -> str:
    """B's text with ``[-deleted-]`` and ``{+inserted+}`` runs, on one line."""
    a_text = " ".join(" ".join(pair.a).split())
    b_text = " ".join(" ".join(pair.b).split())
    if not pair.a:
        return f"{{+{b_text}+}}"
    if not pair.b:
        return f"[-{a_text}-]"
    ta, tb, ops = _token_opcodes(a_text, b_text)
    out, pos = [], 0  # pos: how much of b_text is written out
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if tag == "delete":  # stands after the previous token of B, before its space
            at = tb[j1 - 1].end if j1 else 0
            out.append(b_text[pos:at])
            out.append(f"{' ' if at else ''}[-{_run(a_text, ta, i1, i2)}-]{'' if at else ' '}")
            pos = at
            continue
        at = tb[j1].start
        out.append(b_text[pos:at])
        if tag == "replace":
            out.append(f"[-{_run(a_text, ta, i1, i2)}-]")
        out.append(f"{{+{_run(b_text, tb, j1, j2)}+}}")
        pos = tb[j2 - 1].end
    out.append(b_text[pos:])
    return "".join(out)


def _marked(text: str, toks: list[Token], runs: list[tuple[int, int]], tag: str) -> str:
    """``text`` HTML-escaped, with the token runs wrapped in ``<tag>``."""
    out, pos = [], 0
    for start, end in runs:
        s, e = toks[start].start, toks[end - 1].end
        out.append(html.escape(text[pos:s]))
        out.append(f"<{tag}>{html.escape(text[s:e])}</{tag}>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def _html_sides(pair: SentencePair) -> tuple[str, str]:
    """The two cells of a row: A with ``<del>`` runs, B with ``<ins>`` runs."""
    # Two sentences on one side go on two lines: "\n" is white space to the
    # tokenizer, and becomes <br> in the table.
    a_text = "\n".join(" ".join(s.split()) for s in pair.a)
    b_text = "\n".join(" ".join(s.split()) for s in pair.b)
    if not pair.a or not pair.b:
        return (
            f"<del>{html.escape(a_text)}</del>" if a_text else "",
            f"<ins>{html.escape(b_text)}</ins>" if b_text else "",
        )
    ta, tb, ops = _token_opcodes(a_text, b_text)
    deleted = [(i1, i2) for tag, i1, i2, _, _ in ops if tag in ("delete", "replace")]
    inserted = [(j1, j2) for tag, _, _, j1, j2 in ops if tag in ("insert", "replace")]
    return _marked(a_text, ta, deleted, "del"), _marked(b_text, tb, inserted, "ins")


def _with_context(pairs: list[SentencePair], context: int | None) -> list[SentencePair | int]:
    """The pairs, with each long run of same pairs cut to its ends and a count."""
    if context is None:
        return list(pairs)
    if context < 0:
        raise ValueError(f"context must be 0 or more (or None for everything), not {context}.")
    out: list[SentencePair | int] = []
    run: list[SentencePair] = []
    for pair in [*pairs, None]:  # None: the end, which flushes the last run
        if pair is not None and pair.status == "same":
            run.append(pair)
            continue
        head = context if out else 0  # same pairs shown after the change above
        tail = context if pair is not None else 0  # and before the change below
        if len(run) > head + tail + 1:
            out += [*run[:head], len(run) - head - tail, *run[len(run) - tail :]]
        else:
            out += run
        run = []
        if pair is not None:
            out.append(pair)
    return out


_STYLE = """<style>
.kit-compare table { border-collapse: collapse; }
.kit-compare td, .kit-compare th { vertical-align: top; text-align: left;
  padding: 4px 8px; border-bottom: 1px solid #ddd; }
.kit-compare ins { background: #d4f8d4; text-decoration: none; }
.kit-compare del { background: #fbd3d3; }
.kit-compare tr.same td { color: #777; }
.kit-compare tr.skip td { color: #777; text-align: center; font-style: italic; }
</style>"""


# --- comparing quotations -------------------------------------------------------


def compare_quotes(
    a: TextLike, b: TextLike, *, threshold: float = SIMILARITY_THRESHOLD
) -> list[QuotePair]:
    """Pair each quotation of version A with its counterpart in version B.

    The quotations are found by :func:`kit.quotes.extract_quotes`, then
    aligned like sentences (see the module docs), without splits or merges.
    ``threshold`` is the similarity an altered quotation needs to still count
    as the same one. The pairs come in the order of B; a quotation only A has
    comes where it stood in A.
    """
    text_a = as_text(a, argument="a")
    text_b = as_text(b, argument="b")
    _check_threshold(threshold)
    from kit.quotes import extract_quotes  # imported here: kit.compare loads fast

    return compare_quote_lists(extract_quotes(text_a), extract_quotes(text_b), threshold=threshold)


def compare_quote_lists(
    a: Sequence[Quote], b: Sequence[Quote], *, threshold: float = SIMILARITY_THRESHOLD
) -> list[QuotePair]:
    """Like :func:`compare_quotes`, for quotations already found.

    Any records with ``.text``, ``.speaker`` and ``.cue`` will do, so you can
    compare the quotations your own regular expression finds.

    >>> from collections import namedtuple
    >>> Q = namedtuple("Q", "text speaker cue")
    >>> pairs = compare_quote_lists(
    ...     [Q("We are determined to cooperate,", "Lukashenko", "said")],
    ...     [Q("We are firmly determined to cooperate.", "Lukashenko", "stressed")])
    >>> [(p.status, p.inserted, p.deleted, p.attribution_changes) for p in pairs]
    [('altered', ['firmly'], [], ['cue: said → stressed'])]
    """
    qa, qb = _quote_list(a, "a"), _quote_list(b, "b")
    _check_threshold(threshold)
    keys_a = [_quote_key(q.text) for q in qa]
    keys_b = [_quote_key(q.text) for q in qb]
    order, _, scores = _align(keys_a, keys_b, keys_a, keys_b, threshold, joins=False)
    pairs = []
    for match in order:
        a0, a1, b0, b1 = match
        if a0 == a1:
            pairs.append(QuotePair("only_b", None, qb[b0], [], []))
        elif b0 == b1:
            pairs.append(QuotePair("only_a", qa[a0], None, [], []))
        elif match not in scores:
            pairs.append(QuotePair("identical", qa[a0], qb[b0], [], []))
        else:
            edits = _edits(keys_a[a0], keys_b[b0])
            inserted = [e.text for e in edits if e.op == "insert"]
            deleted = [e.text for e in edits if e.op == "delete"]
            pairs.append(QuotePair("altered", qa[a0], qb[b0], inserted, deleted))
    return pairs


def _same_person(x: str | None, y: str | None) -> bool:
    """Whether two speaker names name one person: every word of the shorter
    name is in the longer one, in the same order (Ali Khamenei, Ayatollah
    Seyyed Ali Khamenei). None is nobody, and only the same as None.

    >>> _same_person("Ayatollah Ali Khamenei", "Ayatollah Seyyed Ali Khamenei")
    True
    >>> _same_person("Alexander Lukashenko", "Ali Khamenei"), _same_person(None, "Ali Khamenei")
    (False, False)
    """
    if x is None or y is None:
        return x is y
    short, long = sorted((x.casefold().split(), y.casefold().split()), key=len)
    rest = iter(long)
    return all(word in rest for word in short)  # "in" moves on through rest


def _quote_key(text: str) -> str:
    """A quotation's words as compared: white space normalised, and without the
    comma or full stop that closes it, which changes with the sentence around
    it (“…for all of them,” he said / He said, “…for all of them.”)."""
    key = " ".join(text.split())
    return key[:-1].rstrip() if key.endswith((",", ".")) else key


def _quote_list(quotes: Sequence[Quote], argument: str) -> list[Quote]:
    if isinstance(quotes, str) or not isinstance(quotes, Sequence):
        kind = "None" if quotes is None else type(quotes).__name__
        raise TypeError(
            f"{argument} must be a list of quotations, not {kind}. Find them with "
            "kit.extract_quotes(text), or compare whole texts with kit.compare_quotes(a, b)."
        )
    for n, q in enumerate(quotes):
        if not all(hasattr(q, name) for name in ("text", "speaker", "cue")) or not isinstance(
            q.text, str
        ):
            raise TypeError(
                f"{argument}[{n}] is a {type(q).__name__}, not a quotation: it needs "
                ".text (a str), .speaker and .cue, like the Quotes of kit.extract_quotes."
            )
    return list(quotes)
