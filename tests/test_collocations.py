"""Collocations and collocates, checked against NLTK's own finders.

The functions are imported from kit.collocation; that the top-level name
``kit.collocations`` is always the function has its own test
(test_kit_collocations_is_the_function_whatever_was_imported_first).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from nltk.collocations import (
    BigramAssocMeasures,
    BigramCollocationFinder,
    TrigramAssocMeasures,
    TrigramCollocationFinder,
)

import kit
from kit.collocation import MEASURES, Collocation, collocates, collocation_tokens, collocations

ROOT = Path(__file__).resolve().parents[1]

ALL_MEASURES = (
    "chi_sq", "dice", "jaccard", "likelihood_ratio", "mi_like",
    "phi_sq", "pmi", "poisson_stirling", "raw_freq", "student_t",
)
PRIME = "prime minister of the country. The prime minister spoke. Prime minister again, of the people."


def _not_wanted(stop):
    return lambda *ngram: any(w in stop or not w[0].isalnum() for w in ngram)


def _sentence_words(text):
    """The words of each stretch between punctuation marks, sentence by sentence,
    found here from kit.sentences and kit.words independently of the kit's stream."""
    stretches = []
    for sentence in kit.sentences(text):
        stretches.append([])
        for token in kit.words(sentence, punctuation=True):
            if token[0].isalnum():
                stretches[-1].append(token)
            else:
                stretches.append([])
    return [s for s in stretches if s]


def _reference(text, size=2, measure="likelihood_ratio", min_freq=2, stop=None):
    """NLTK's finders used directly: from_documents on the stretches of words
    between punctuation marks and sentence ends, the frequency filter, then the
    stopword filter; ranked by score, ties alphabetical."""
    stop = kit.stopwords() if stop is None else set(stop)
    documents = _sentence_words(text)
    if size == 2:
        finder = BigramCollocationFinder.from_documents(documents)
        measures = BigramAssocMeasures
    else:
        tokens = [w for d in documents for w in [*d, None, None]]
        finder = TrigramCollocationFinder.from_words(tokens)
        measures = TrigramAssocMeasures
    finder.apply_freq_filter(min_freq)
    finder.apply_ngram_filter(_not_wanted(stop))
    scored = sorted(finder.score_ngrams(getattr(measures, measure)), key=lambda item: (-item[1], item[0]))
    return [(ngram, score, finder.ngram_fd[ngram]) for ngram, score in scored]


def _same(got, reference):
    assert [c.words for c in got] == [r[0] for r in reference]
    assert [c.count for c in got] == [r[2] for r in reference]
    for c, (_, score, _) in zip(got, reference):
        assert c.score == pytest.approx(score, rel=1e-12, abs=1e-12)


def test_measures_are_named_by_string():
    assert tuple(MEASURES) == ALL_MEASURES
    assert tuple(kit.MEASURES) == ALL_MEASURES


@pytest.mark.parametrize("measure", ALL_MEASURES)
def test_bigram_scores_equal_nltks_own(seeds, measure):
    for article in seeds:
        for min_freq in (1, 2, 3):
            reference = _reference(article, measure=measure, min_freq=min_freq)
            assert reference  # never an empty comparison
            _same(collocations(article, n=10_000, measure=measure, min_freq=min_freq), reference)


def test_bigram_scores_equal_nltks_own_with_stopwords_kept(seeds):
    for article in seeds:
        reference = _reference(article, min_freq=1, stop=())
        _same(collocations(article, n=10_000, min_freq=1, stopwords=()), reference)


@pytest.mark.parametrize("measure", [m for m in ALL_MEASURES if hasattr(TrigramAssocMeasures, m)])
def test_trigram_scores_equal_nltks_own(seeds, measure):
    for article in seeds:
        reference = _reference(article, size=3, measure=measure, min_freq=1)
        assert reference
        _same(collocations(article, n=10_000, size=3, measure=measure, min_freq=1), reference)


def test_trigrams_of_seed_000(seeds):
    a, _ = seeds
    assert [c.words for c in collocations(a, size=3)] == [("north-south", "transportation", "corridor")]
    assert collocations(a, size=3)[0].count == 2


@pytest.mark.parametrize("measure", [m for m in ALL_MEASURES if not hasattr(TrigramAssocMeasures, m)])
def test_pair_only_measures_are_refused_for_trigrams(measure):
    with pytest.raises(ValueError, match="pairs only"):
        collocations(PRIME, size=3, measure=measure)


def test_the_strongest_pairs_of_the_seeds(seeds):
    a, b = seeds
    top = collocations(a, 1)[0]
    assert (top.words, top.count) == (("ayatollah", "khamenei"), 4)
    # by hand: 4 pairs, ayatollah 5 and khamenei 5 times, in all the words of A
    assert top.score == pytest.approx(BigramAssocMeasures.likelihood_ratio(4, (5, 5), len(kit.words(a))))
    assert collocations(b, 1)[0].words == ("ayatollah", "khamenei")
    assert collocations(b, 1)[0].count == 5


def test_a_small_text_by_hand():
    # "prime minister" 3 times (case folded); "of the" twice; nothing else repeats.
    assert [(c.words, c.count) for c in collocations(PRIME)] == [(("prime", "minister"), 3)]
    assert [(c.words, c.count) for c in collocations(PRIME, stopwords=())] == [
        (("prime", "minister"), 3), (("of", "the"), 2),
    ]
    assert collocations(PRIME, min_freq=4) == []
    assert len(collocations(PRIME, min_freq=1)) > len(collocations(PRIME, min_freq=2))


def test_n_limits_the_results(seeds):
    a, _ = seeds
    assert len(collocations(a, 3)) == 3
    assert collocations(a, 3) == collocations(a, 10)[:3]


def test_unknown_measure_lists_the_valid_ones():
    with pytest.raises(ValueError) as info:
        collocations(PRIME, measure="t-test")
    message = str(info.value)
    assert "t-test" in message
    assert all(name in message for name in ALL_MEASURES)


@pytest.mark.parametrize("kwargs", [{"size": 4}, {"size": 1}, {"n": 0}])
def test_bad_sizes_and_windows_are_refused(kwargs):
    with pytest.raises(ValueError):
        collocations(PRIME, **kwargs)


def test_min_freq_is_respected(seeds):
    for article in seeds:
        for min_freq in (1, 2, 3):
            found = collocations(article, n=10_000, min_freq=min_freq)
            assert found and all(c.count >= min_freq for c in found)


def test_stopwords_are_left_out_unless_kept(seeds):
    _, b = seeds
    stop = kit.stopwords()
    default = collocations(b, n=10_000, min_freq=1)
    assert default and not [c for c in default if set(c.words) & stop]
    kept = collocations(b, n=10_000, min_freq=1, stopwords=())
    assert [c for c in kept if set(c.words) & stop]  # e.g. ("of", "the")
    own = collocations(b, n=10_000, min_freq=1, stopwords={"ayatollah"})
    assert not [c for c in own if "ayatollah" in c.words]
    assert [c for c in own if "the" in c.words]


def test_adjacent_collocations_never_cross_punctuation():
    text = "sanctions, talks sanctions, talks sanctions, talks"
    found = {c.words for c in collocations(text, n=100, min_freq=1, stopwords=())}
    assert ("talks", "sanctions") in found
    assert ("sanctions", "talks") not in found
    assert not [w for c in collocations(text, n=100, min_freq=1, stopwords=()) for w in c.words if not w[0].isalnum()]


@pytest.mark.parametrize("text, pair", [("bye bye. bye bye.", ("bye", "bye")), ("Go go! Go go!", ("go", "go")),
                                        ("0 0 0", ("0", "0"))])
@pytest.mark.parametrize("measure", ["likelihood_ratio", "pmi", "chi_sq", "student_t", "raw_freq"])
def test_a_few_repeated_words_give_no_math_domain_error(text, pair, measure):
    """Bug (found by fuzzing): a text of a few words, one repeated back to back,
    made NLTK's likelihood ratio raise "math domain error", since the counts it
    builds each pair's table from add up to more than the text holds. Such a
    pair is left out; in a longer text the same pair is scored."""
    found = collocations(text, n=5, min_freq=1, stopwords=(), measure=measure)
    assert all(isinstance(c.score, float) and c.words == pair for c in found)
    longer = text + " " + " ".join(f"Talks number {i} ended today." for i in range(20))
    assert pair in {c.words for c in collocations(longer, n=100, min_freq=1, stopwords=(), measure=measure)}


def test_collocations_never_cross_a_sentence_end_or_a_headline(seeds):
    """Bug: 'sanctions leader' in seed B paired the last word of the headline with
    the first word of the next paragraph. An initialism that ends a sentence
    (U.S.) has no separate full stop, so only the sentence split can stop it."""
    _, b = seeds
    found = {c.words for c in collocations(b, n=10_000, min_freq=1, stopwords=())}
    assert ("sanctions", "leader") not in found
    text = "Talks began in the U.S. The talks ended in the U.S. The talks failed"
    pairs = {c.words for c in collocations(text, n=100, min_freq=1, stopwords=())}
    assert ("u.s.", "the") not in pairs and ("the", "u.s.") in pairs and ("the", "talks") in pairs
    headline = "Rates rise\n\nRates rise again. Rates rise"
    assert ("rise", "rates") not in {c.words for c in collocations(headline, n=100, min_freq=1, stopwords=())}


def test_collocation_tokens_reproduce_every_score_with_nltk(seeds):
    """The documented way for a student to reproduce a score with NLTK's own finder."""
    for article in seeds:
        finder = BigramCollocationFinder.from_words(collocation_tokens(article))
        assert finder.N == len(kit.words(article))
        for c in collocations(article, 20, min_freq=1):
            assert finder.score_ngram(BigramAssocMeasures.likelihood_ratio, *c.words) == pytest.approx(c.score)
            assert finder.ngram_fd[c.words] == c.count


def test_kit_collocations_is_the_function_whatever_was_imported_first():
    """kit/__init__ resolves names lazily. If the submodule were named
    kit.collocations, importing it (which kit.MEASURES, kit.collocates, kit.Collocation or any
    'from kit.collocation import ...' does) makes Python set the package attribute
    kit.collocations to the *module*, so kit.collocations(text) then raises
    "TypeError: 'module' object is not callable". The keyword_frequency question
    bank calls kit.collocations(b, 1)."""
    triggers = ["kit.MEASURES", "from kit.collocation import collocates"]
    script = textwrap.dedent(
        """
        import sys
        import kit
        exec(sys.argv[1])
        print(callable(kit.collocations))
        """
    )
    results = {}
    for trigger in triggers:
        done = subprocess.run([sys.executable, "-c", script, trigger], capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        results[trigger] = done.stdout.strip()
    assert results == {trigger: "True" for trigger in triggers}


# --- collocates -----------------------------------------------------------------------------


def test_collocates_by_hand():
    # alpha at 0 and 6; within 2 words either side (AntConc 2L/2R): beta, gamma | epsilon, zeta, beta
    text = "alpha beta gamma delta epsilon zeta alpha beta"
    found = collocates(text, "Alpha", window=2, min_freq=1)
    assert {c.words[1]: c.count for c in found} == {"beta": 2, "gamma": 1, "epsilon": 1, "zeta": 1}
    assert all(c.words[0] == "alpha" for c in found)
    assert [c.words[1] for c in collocates(text, "alpha", window=2, min_freq=2)] == ["beta"]
    assert {c.words[1] for c in collocates(text, "alpha", window=3, min_freq=1)} == {
        "beta", "gamma", "delta", "epsilon", "zeta",
    }
    assert {c.words[1] for c in collocates(text, "alpha", window=(2, 0), min_freq=1)} == {"epsilon", "zeta"}


def test_a_window_of_five_counts_five_words_on_each_side_as_antconc_does():
    """Bug: collocates(window=5) counted 4 words each side (NLTK's window_size)."""
    text = "l5 l4 l3 l2 l1 node r1 r2 r3 r4 r5 r6"
    assert {c.words[1] for c in collocates(text, "node", window=5, min_freq=1, stopwords=())} == {
        "l5", "l4", "l3", "l2", "l1", "r1", "r2", "r3", "r4", "r5",
    }


def test_collocates_never_cross_a_sentence_end_but_do_cross_a_comma():
    text = "Before the end. Sanctions, said the minister, hurt farmers. After that"
    found = {c.words[1] for c in collocates(text, "sanctions", window=5, min_freq=1, stopwords=())}
    assert found == {"said", "the", "minister", "hurt", "farmers"}


def test_collocate_scores_are_nltks_measure_of_the_counts(seeds):
    _, b = seeds
    total = len(kit.words(b))
    freq = Counter(kit.words(b))
    for c in collocates(b, "sanctions", n=10):
        expected = BigramAssocMeasures.likelihood_ratio(c.count / 10, (freq["sanctions"], freq[c.words[1]]), total)
        assert c.score == pytest.approx(expected)


@pytest.mark.parametrize("node", ["sanctions", "iran", "leader"])
@pytest.mark.parametrize("window", [1, 2, 5])
def test_collocate_counts_are_the_words_within_the_window(seeds, node, window):
    for article in seeds:
        expected = Counter()
        for sentence in kit.sentences(article):
            found = kit.words(sentence)
            for i, w in enumerate(found):
                if w == node:
                    for j in range(max(0, i - window), min(len(found), i + window + 1)):
                        if j != i and found[j] != node:
                            expected[found[j]] += 1
        got = collocates(article, node, window=window, min_freq=1, stopwords=(), n=10_000)
        assert {c.words[1]: c.count for c in got} == dict(expected)


def test_collocates_check_their_arguments():
    with pytest.raises(ValueError, match="5L/5R"):
        collocates(PRIME, "prime", window=-1)
    with pytest.raises(ValueError, match="one word"):
        collocates(PRIME, "prime minister")
    assert collocates(PRIME, "MINISTER", min_freq=1) == collocates(PRIME, "minister", min_freq=1) != []
    for bad in (0, -1, True, 1.5):  # (0 and -1 were taken as 1, True as 1, without a word)
        with pytest.raises(ValueError, match="min_freq must be a whole number, 1 or more"):
            collocates(PRIME, "prime", min_freq=bad)
        with pytest.raises(ValueError, match="min_freq must be a whole number, 1 or more"):
            collocations(PRIME, min_freq=bad)


def test_collocates_leave_out_stopwords_unless_kept(seeds):
    _, b = seeds
    default = collocates(b, "sanctions", window=5, min_freq=1, n=10_000)
    assert default and not [c for c in default if c.words[1] in kit.stopwords()]
    kept = collocates(b, "sanctions", window=5, min_freq=1, n=10_000, stopwords=())
    assert "the" in {c.words[1] for c in kept}


def test_collocates_of_an_absent_word():
    assert collocates(PRIME, "sanctions") == []


def test_collocates_are_ranked_by_score(seeds):
    _, b = seeds
    found = collocates(b, "sanctions", window=5, n=10, min_freq=1)
    assert len(found) == 10
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
