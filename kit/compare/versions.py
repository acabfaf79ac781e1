"""Comparing two versions of a text, sentence by sentence: :func:`compare_versions`.

>>> cmp = compare_versions("Iran and Belarus met. They agreed.", "Iran and Belarus met.")
>>> [(p.status, p.a, p.b) for p in cmp]
[('same', ('Iran and Belarus met.',), ('Iran and Belarus met.',)), ('removed', ('They agreed.',), ())]

The sentences come from :func:`kit.sentences`; :func:`compare_sentences` takes
lists you split yourself. How they are aligned is told in :mod:`kit.compare.align`.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from kit.compare.align import SIMILARITY_THRESHOLD, Match, align, check_threshold
from kit.compare.records import STATUSES, Comparison, SentencePair
from kit.compare.word_diff import word_edits
from kit.segment import sentences
from kit.texts import TextLike, as_text

__all__ = ["compare_sentences", "compare_versions"]


def compare_versions(
    a: TextLike, b: TextLike, *, threshold: float = SIMILARITY_THRESHOLD
) -> Comparison:
    """Align the sentences of two versions of a text and say what happened to each.

    ``a`` and ``b`` are Articles or strings, of any length; an empty text
    compares fine (every sentence of the other is added or removed).
    ``threshold`` is the similarity two different sentences need to count as
    one sentence, changed (see :data:`kit.compare.SIMILARITY_THRESHOLD`).

    >>> compare_versions(None, "text")
    Traceback (most recent call last):
    ...
    TypeError: a must be an Article or a str, not None. Load a file first: kit.load_article("path/to/file.txt").
    """
    text_a = as_text(a, argument="a")
    text_b = as_text(b, argument="b")
    check_threshold(threshold)
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
    check_threshold(threshold)
    keys_a = [" ".join(s.split()) for s in sa]  # white space and line breaks don't count
    keys_b = [" ".join(s.split()) for s in sb]
    order, in_order, scores = align(sa, sb, keys_a, keys_b, threshold=threshold)
    return _comparison(sa, sb, order, in_order, scores)


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
            edits = word_edits(" ".join(a_side), " ".join(b_side))
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
