"""Questions of ``solutions/01_keyword_frequency.ipynb``."""

from __future__ import annotations

from collections import Counter

import kit
from kit.checks import Question

__all__ = ["QUESTIONS"]


def _focus(a, b) -> str:
    """The word the later questions follow: article A's top keyword."""
    return kit.top_keywords(a, 1)[0][0]


def _per_thousand(text, word: str) -> float:
    return dict(kit.relative_frequencies(text)).get(word, 0.0)


def _first_position(a, b) -> int | None:
    positions = kit.dispersion(a, [_focus(a, b)]).positions[_focus(a, b)]
    return positions[0] if positions else None


def _top_keyness_word(a, b) -> str | None:
    table = kit.keyness(a, b)
    return table[0].word if table else None


def _top_collocation(a, b) -> list[str] | None:
    found = kit.collocations(b, 1)
    return list(found[0].words) if found else None


def _repeated_pairs(a, b) -> int:
    w = kit.words(a)
    return sum(1 for c in Counter(zip(w, w[1:])).values() if c > 1)


QUESTIONS = [
    Question("q1_word_count", 1, "a whole number",
             "Count the items of kit.words(a); punctuation is not a word.",
             lambda a, b: len(kit.words(a))),
    Question("q2_my_counts", 2, "a dict from each word to its count",
             "In count_words, loop over kit.words(text) and add one to a word's count each time "
             "you see it. Keep every word.",
             lambda a, b: dict(kit.word_counts(a))),
    Question("q2_hidden_counts_b", 1, "a dict from each word to its count",
             "Your count_words must work on any text, not only on article A.",
             lambda a, b: dict(kit.word_counts(b)), hidden=True),
    Question("q2_hidden_counts_empty", 1, "a dict",
             "Your count_words must work on a text with no words: what should it return?",
             lambda a, b: {}, hidden=True),
    Question("q3_top_keywords", 2, "a list of (word, count) pairs",
             "kit.top_keywords leaves out stopwords; ask it for ten.",
             lambda a, b: kit.top_keywords(a, 10)),
    Question("q4_keywords_without_said", 2, "a list of (word, count) pairs",
             'Add "said" to kit.stopwords() and pass the new set as stopwords=...; this time use article B.',
             lambda a, b: kit.top_keywords(b, 5, stopwords=kit.stopwords() | {"said"})),
    Question("q5_relative_frequency", 2, "a list of two numbers: [in A, in B]",
             "kit.relative_frequencies gives per-1,000-word rates; look up the focus word in each text (0 if absent).",
             lambda a, b: [_per_thousand(a, _focus(a, b)), _per_thousand(b, _focus(a, b))], tolerance=1e-3),
    Question("q6_concordance_lines", 1, "a whole number",
             "kit.concordance returns one line per occurrence; search article B for the focus word.",
             lambda a, b: len(kit.concordance(b, _focus(a, b)))),
    Question("q7_first_position", 1, "a whole number (a word position, counting from 0)",
             "kit.dispersion(a, [word]).positions[word] lists every position; you want the first.",
             _first_position),
    Question("q8_top_keyness_word", 2, "a string (one word)",
             "kit.keyness(a, b) is sorted strongest first; take the word of its first row.",
             _top_keyness_word),
    Question("q9_top_collocation", 2, "a pair of words, such as ('prime', 'minister')",
             "kit.collocations(b, 1) gives the strongest pair of article B; you want its .words.",
             _top_collocation),
    Question("q10_repeated_pairs", 2, "a whole number",
             "Pair each word of kit.words(a) with the next one (zip(w, w[1:])), count the pairs, "
             "and count how many distinct pairs occur more than once.",
             _repeated_pairs),
]
