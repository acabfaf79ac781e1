"""Counting: word_counts, top_keywords, relative_frequencies, concordance, dispersion, keyness.

The small texts here were counted by hand; the counts are written next to them.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest

import kit
from kit.frequency import adjust, g2, gries_dp, log_ratio

# the(4) sanctions(3) failed hurt farmers(2) and left 2019(2) was hard in grew: 19 words
FARMERS = "The sanctions failed. Sanctions hurt the farmers, and the farmers left. 2019 was hard; in 2019 the sanctions grew."
# sanctions hurt the sanctions failed and sanctions remain: 8 words, "sanctions" 3 times
SHORT = "Sanctions hurt. The sanctions failed, and sanctions remain."


# --- counts and keywords -----------------------------------------------------------------


def test_word_counts_keep_every_word():
    counts = kit.word_counts(FARMERS)
    assert counts["the"] == 4 and counts["sanctions"] == 3 and counts["2019"] == 2
    assert sum(counts.values()) == 19


def test_results_are_fresh_objects_so_changing_one_changes_no_later_result():
    # words and counts are cached inside the kit; a student's edits must not leak
    counts = kit.word_counts(FARMERS)
    counts["the"] = 999
    counts["invented"] = 50
    found = kit.words(FARMERS)
    found.append("invented")
    found[0] = "changed"
    assert kit.word_counts(FARMERS)["the"] == 4 and "invented" not in kit.word_counts(FARMERS)
    assert kit.words(FARMERS)[0] == "the" and "invented" not in kit.words(FARMERS)
    assert kit.top_keywords(FARMERS, 1) == [("sanctions", 3)]


def test_top_keywords_leave_out_stopwords_punctuation_and_numbers():
    assert kit.top_keywords(FARMERS, 10) == [
        ("sanctions", 3), ("farmers", 2), ("failed", 1), ("grew", 1), ("hard", 1), ("hurt", 1), ("left", 1),
    ]


def test_top_keywords_ties_are_alphabetical_and_n_cuts():
    assert kit.top_keywords(FARMERS, 3) == [("sanctions", 3), ("farmers", 2), ("failed", 1)]
    assert kit.top_keywords("zebra yak xenon yak zebra", 2) == [("yak", 2), ("zebra", 2)]


def test_top_keywords_default_is_ten(seeds):
    a, _ = seeds
    top = kit.top_keywords(a)
    assert len(top) == 10
    assert top[:2] == [("countries", 7), ("sanctions", 7)]  # 7 each in seed 000 (grep -o)
    counts = [c for _, c in top]
    assert counts == sorted(counts, reverse=True)
    assert not set(dict(top)) & kit.stopwords()


def test_top_keywords_leave_out_formatted_numbers():
    """Bug: only w.isdigit() words are dropped, so '1,000', '3.5' and '9:30' (single
    word tokens, see test_tokenize.py::test_numbers_are_single_tokens) are keywords."""
    text = "The budget rose to 1,000 dollars, then 1,000 more, 3.5 percent and 3.5 again at 9:30."
    keywords = dict(kit.top_keywords(text, 10))
    assert not [w for w in keywords if not any(c.isalpha() for c in w)], keywords


def test_top_keywords_with_own_stopwords():
    assert kit.top_keywords(SHORT, 2, stopwords=()) == [("sanctions", 3), ("and", 1)]
    assert kit.top_keywords(SHORT, 1, stopwords={"Sanctions"}) == [("and", 1)]


@pytest.mark.parametrize("n", [0, -1, 2.5, "3", None])
def test_top_keywords_validates_n(n):
    with pytest.raises((ValueError, TypeError), match="n"):
        kit.top_keywords(FARMERS, n)


def test_top_keywords_accept_article_or_str(seeds):
    a, _ = seeds
    assert kit.top_keywords(a, 5) == kit.top_keywords(a.text, 5)


# --- relative frequencies ----------------------------------------------------------------


def test_relative_frequencies_per_1000_words():
    assert kit.relative_frequencies(SHORT) == [
        ("sanctions", 375.0), ("failed", 125.0), ("hurt", 125.0), ("remain", 125.0),
    ]
    assert kit.relative_frequencies(SHORT, 2, per=100) == [("sanctions", 37.5), ("failed", 12.5)]


def test_relative_frequencies_divide_by_all_words_stopwords_included(seeds):
    _, b = seeds
    total = len(kit.words(b))
    for word, rate in kit.relative_frequencies(b, 5):
        assert rate == pytest.approx(kit.words(b).count(word) * 1000 / total)
    assert kit.relative_frequencies(b, 1)[0][0] == "sanctions"
    assert kit.words(b).count("sanctions") == 11


@pytest.mark.parametrize("per", [0, -5, True, "1000", float("nan"), float("inf")])
def test_relative_frequencies_refuse_a_per_that_is_no_positive_number(per):
    """Bug: per=0 gave every word a rate of 0.0, and per=-5 negative rates, as if they were data."""
    with pytest.raises(ValueError, match="per must be a positive number of words, such as 1000"):
        kit.relative_frequencies(SHORT, per=per)


def test_relative_frequencies_of_a_text_without_words():
    assert kit.relative_frequencies("... !") == []


# --- concordance ---------------------------------------------------------------------------

IRAN = "Iran, IRAN and iran. Iranian sanctions\nin Iran"


def test_concordance_records():
    lines = kit.concordance(IRAN, "iran", width=10)
    assert [line.offset for line in lines] == [0, 6, 15, 42]
    assert [line.keyword for line in lines] == ["Iran", "IRAN", "iran", "Iran"]
    first, _, third, last = lines
    assert (first.left, first.right) == (" " * 10, ", IRAN and")
    assert (third.left, third.right) == (" IRAN and ", ". Iranian ")
    assert (last.left, last.right) == ("ctions in ", "")  # the line break became a space
    for line in lines:
        assert IRAN[line.offset : line.offset + len(line.keyword)] == line.keyword
        assert len(line.left) == 10 and len(line.right) <= 10


def test_concordance_is_case_insensitive_by_default_and_can_be_exact():
    assert [line.offset for line in kit.concordance(IRAN, "Iran", ignore_case=False)] == [0, 42]
    assert len(kit.concordance(IRAN, "IRAN")) == 4


def test_concordance_matches_whole_words_only(seeds):
    a, _ = seeds
    assert kit.concordance(a, "sanction") == []
    assert len(kit.concordance(a, "sanctioned")) == 2
    assert len(kit.concordance(a, "sanctions")) == 7
    assert len(kit.concordance(a, "north")) == 0  # only in North-South
    assert len(kit.concordance(a, "north-south")) == 2
    assert [line.keyword for line in kit.concordance("Iran’s plan for Iran", "iran")] == ["Iran"]


def test_concordance_offsets_on_the_seeds(seeds):
    for article in seeds:
        for word in ("sanctions", "Leader", "North-South Transportation Corridor", "U.S."):
            for line in kit.concordance(article, word, width=30):
                assert article.text[line.offset : line.offset + len(line.keyword)] == line.keyword
                assert line.keyword.lower() == word.lower()


def test_concordance_of_a_phrase_across_a_line_break():
    text = "North-South Transportation\nCorridor"
    (line,) = kit.concordance(text, "transportation corridor")
    assert line.offset == 12 and line.keyword == "Transportation\nCorridor"


def test_concordance_finds_every_word_that_words_reports(seeds):
    """Bug: words() turns curly apostrophes into straight ones ("another's",
    "iran's"), but concordance() searches for the word as given, so a word taken
    from kit.words() or kit.top_keywords() is not found in the seeds, which are
    written with ’."""
    for article in seeds:
        found = kit.words(article)
        missing = [w for w in sorted(set(found)) if len(kit.concordance(article, w)) != found.count(w)]
        assert missing == [], article.name


def test_concordance_does_not_print(capsys, seeds):
    a, _ = seeds
    lines = kit.concordance(a, "sanctions")
    assert lines
    assert capsys.readouterr() == ("", "")


def test_concordance_validates_its_arguments():
    with pytest.raises(ValueError):
        kit.concordance(IRAN, "  ")
    with pytest.raises(ValueError):
        kit.concordance(IRAN, "iran", width=-1)


# --- dispersion ---------------------------------------------------------------------------------


def test_dispersion_of_a_small_text():
    d = kit.dispersion("Iran and Belarus. Iran again.", ["Iran", "belarus", "minsk"])
    assert d.positions == {"iran": [0, 3], "belarus": [2], "minsk": []}
    assert d.total == 5
    assert kit.dispersion("Iran and Iran", "iran").positions == {"iran": [0, 2]}


@pytest.mark.parametrize("which", [0, 1])
def test_dispersion_positions_are_indices_of_words(seeds, which):
    article = seeds[which]
    found = kit.words(article)
    targets = ["sanctions", "iran", "belarus", "north-south", "another's", "absent"]
    d = kit.dispersion(article, targets)
    assert d.total == len(found)
    for target in targets:
        assert d.positions[target] == [i for i, w in enumerate(found) if w == target]
    assert d.positions["sanctions"]  # not vacuous


# --- keyness -------------------------------------------------------------------------------------


def _g2_and_log_ratio(x: int, y: int, n_a: int, n_b: int) -> tuple[float, float]:
    """Dunning's G2 and Hardie's Log Ratio, written out independently of the kit."""
    e_a = n_a * (x + y) / (n_a + n_b)
    e_b = n_b * (x + y) / (n_a + n_b)
    g2 = 0.0
    if x:
        g2 += x * math.log(x / e_a)
    if y:
        g2 += y * math.log(y / e_b)
    g2 *= 2
    freq_a = (x if x else 0.5) / n_a
    freq_b = (y if y else 0.5) / n_b
    return g2, math.log2(freq_a / freq_b)


def _label(g2: float) -> str:
    if g2 > 15.13:
        return "p < 0.0001"
    if g2 > 10.83:
        return "p < 0.001"
    if g2 > 6.63:
        return "p < 0.01"
    if g2 > 3.84:
        return "p < 0.05"
    return ""


def test_keyness_by_hand():
    # A: cat cat cat dog (4 words); B: dog dog bird (3 words); 7 in all.
    k = kit.keyness("cat cat cat dog", "dog dog bird")
    rows = {row.word: row for row in k}
    assert [row.word for row in k] == ["cat", "bird", "dog"]  # strongest G2 first
    # cat: E_a = 4*3/7 = 12/7, so G2 = 2*3*ln(3/(12/7)) = 6 ln(7/4); LR = log2((3/4)/(0.5/3)) = log2(4.5)
    assert rows["cat"].g2 == pytest.approx(6 * math.log(7 / 4))
    assert rows["cat"].log_ratio == pytest.approx(math.log2(4.5))
    # bird: E_b = 3/7, G2 = 2 ln(7/3); LR = log2((0.5/4)/(1/3)) = log2(3/8)
    assert rows["bird"].g2 == pytest.approx(2 * math.log(7 / 3))
    assert rows["bird"].log_ratio == pytest.approx(math.log2(3 / 8))
    # dog: G2 = 2 (ln(1/(12/7)) + 2 ln(2/(9/7))); LR = log2((1/4)/(2/3))
    assert rows["dog"].g2 == pytest.approx(2 * (math.log(7 / 12) + 2 * math.log(14 / 9)))
    assert rows["dog"].log_ratio == pytest.approx(math.log2(3 / 8))
    assert (rows["cat"].count_a, rows["cat"].count_b, rows["dog"].count_a, rows["dog"].count_b) == (3, 0, 1, 2)
    assert not k.significant


@pytest.mark.parametrize("which", [(0, 1), (1, 0)])
def test_keyness_agrees_with_an_independent_computation_on_the_seeds(seeds, which):
    a, b = seeds[which[0]], seeds[which[1]]
    count_a, count_b = Counter(kit.words(a)), Counter(kit.words(b))
    n_a, n_b = sum(count_a.values()), sum(count_b.values())
    k = kit.keyness(a, b, correction="none")
    assert {row.word for row in k} == set(count_a) | set(count_b)
    for row in k:
        g2, log_ratio = _g2_and_log_ratio(count_a[row.word], count_b[row.word], n_a, n_b)
        assert (row.count_a, row.count_b) == (count_a[row.word], count_b[row.word])
        assert row.g2 == pytest.approx(g2, abs=1e-9)
        assert row.log_ratio == pytest.approx(log_ratio, abs=1e-9)
        assert row.significance == _label(g2)
        assert row.p == pytest.approx(math.erfc(math.sqrt(g2 / 2)), abs=1e-12)
    assert [row.g2 for row in k] == sorted((row.g2 for row in k), reverse=True)


def test_significance_cut_offs():
    # Without correction the labels are the usual G2 cut-offs: 3.84, 6.63, 10.83, 15.13.
    # With A and B of 100 words each, a word seen x times in A only has G2 = 2x ln 2:
    # 2 -> 2.77, 3 -> 4.16, 4 -> 5.55, 5 -> 6.93, 7 -> 9.70, 8 -> 11.09, 11 -> 15.25.
    counts = {"alpha": 2, "beta": 3, "gamma": 4, "delta": 5, "epsilon": 7, "zeta": 8, "theta": 11}
    a = " ".join([w for w, c in counts.items() for _ in range(c)] + ["common"] * 60)
    b = " ".join(["common"] * 60 + ["other"] * 40)
    rows = {row.word: row for row in kit.keyness(a, b, correction="none")}
    expected = {
        "alpha": "", "beta": "p < 0.05", "gamma": "p < 0.05", "delta": "p < 0.01", "epsilon": "p < 0.01",
        "zeta": "p < 0.001", "theta": "p < 0.0001", "common": "", "other": "p < 0.0001",
    }
    assert {w: row.significance for w, row in rows.items()} == expected
    for word, count in counts.items():
        assert rows[word].g2 == pytest.approx(2 * count * math.log(2))
    assert rows["beta"].significant and not rows["alpha"].significant


def test_keyness_of_the_seeds_says_honestly_that_nothing_is_significant(seeds):
    a, b = seeds
    k = kit.keyness(a, b)
    assert k.significant == []
    assert k[0].g2 < 3.84 and {k[0].word, k[1].word} == {"grounds", "states"}
    assert k.note.startswith(f"{len(k)} words tested. At p < 0.05 chance alone would make about {round(0.05 * len(k))}")
    assert "0 after the Benjamini–Hochberg correction" in k.note
    assert "little power" in k.note and "hint" in k.note


def test_keyness_of_strongly_different_texts_finds_significant_words():
    a = "The river flooded the valley and the farmers lost their crops to the river. " * 10
    b = "The bank raised interest rates and the markets fell as the bank warned. " * 10
    k = kit.keyness(a, b)
    significant = {row.word for row in k.significant}
    assert {"river", "flooded", "farmers", "bank", "markets"} <= significant
    assert "the" not in significant and "and" not in significant
    assert f"{len(k.significant)} after the Benjamini–Hochberg correction" in k.note
    assert "little power" not in k.note
    assert {row.word for row in k if row.log_ratio > 0} >= {"river", "flooded"}
    assert {row.word for row in k if row.log_ratio < 0} >= {"bank", "markets"}


def test_keyness_with_an_empty_text():
    k = kit.keyness("...", "Iran and Belarus")
    assert list(k) == [] and "no words" in k.note


# --- honest statistics: worked examples from the literature ---------------------------------


def test_g2_of_a_published_worked_example():
    """Lancaster University's corpus course, checked with Rayson's log-likelihood
    wizard: 52 in 50,000 words against 57 in 75,000 gives LL = 2.65."""
    assert g2(52, 57, 50_000, 75_000) == pytest.approx(2.65, abs=0.005)
    lr, low, high = log_ratio(52, 57, 50_000, 75_000)
    assert lr == pytest.approx(math.log2((52 / 50_000) / (57 / 75_000)))  # 0.45
    assert low < 0 < lr < high  # not significant: the interval includes "no difference"


def test_log_ratio_is_one_for_twice_as_frequent_and_its_interval_is_katz():
    """Hardie (2014): each unit of Log Ratio doubles the ratio. The interval is the
    textbook one for a ratio of rates: ln(2) +- 1.96 sqrt(1/20 - 1/100 + 1/10 - 1/100)."""
    lr, low, high = log_ratio(20, 10, 100, 100)
    assert lr == pytest.approx(1.0)
    se = math.sqrt(1 / 20 - 1 / 100 + 1 / 10 - 1 / 100)
    assert 2 ** low == pytest.approx(math.exp(math.log(2) - 1.959964 * se), rel=1e-6)
    assert 2 ** high == pytest.approx(math.exp(math.log(2) + 1.959964 * se), rel=1e-6)
    assert (round(2 ** low, 2), round(2 ** high, 2)) == (0.99, 4.05)


def test_benjamini_hochberg_and_holm_on_the_1995_paper_example():
    """Benjamini and Hochberg (1995), section 4: 15 p-values; their procedure
    rejects 4 hypotheses at 0.05, Bonferroni-type procedures (Holm) 3."""
    ps = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
          0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0]
    bh, holm = adjust(ps, "bh"), adjust(ps, "holm")
    assert [p < 0.05 for p in bh] == [True] * 4 + [False] * 11
    assert [p < 0.05 for p in holm] == [True] * 3 + [False] * 12
    assert bh[3] == pytest.approx(15 * 0.0095 / 4)  # m p / rank
    assert holm[0] == pytest.approx(15 * 0.0001)
    assert adjust(list(reversed(ps)), "bh") == list(reversed(bh))  # order kept
    with pytest.raises(ValueError, match="Choose one of: bh, holm, none"):
        adjust(ps, "bonferroni")


def test_gries_dp_of_the_published_example():
    """Lijffijt and Gries (2012), Table 1: three equal parts, 2/3 of the word in one
    part and 1/3 in another: DP = 0.333, and DPnorm = DP / (1 - 1/3) = 0.5."""
    assert gries_dp([2, 1, 0], [1, 1, 1]) == pytest.approx(1 / 3)
    assert gries_dp([1, 1, 1], [10, 10, 10]) == pytest.approx(0.0)
    assert gries_dp([5, 0], [1, 99]) == pytest.approx(0.99)
    text = " ".join(["x"] * 9)  # 9 words, 3 parts of 3: put "cat" as 2/3 and 1/3
    text = "cat cat x x cat x x x x"
    d = kit.dispersion(text, ["cat"], parts=3)
    assert d.dp["cat"] == pytest.approx(1 / 3) and d.dp_norm["cat"] == pytest.approx(0.5)


def test_dispersion_dp_is_none_for_an_absent_word_and_parts_are_checked():
    d = kit.dispersion("Iran and Belarus", ["minsk"])
    assert d.dp == {"minsk": None}
    with pytest.raises(ValueError, match="parts must be a whole number"):
        kit.dispersion("Iran", ["iran"], parts=0)
    with pytest.raises(ValueError, match="one word"):
        kit.dispersion("Iran", ["prime minister"])


def test_keyness_uses_the_full_corpus_sizes_whatever_stopwords_leave_out(seeds):
    """Bug: with stopwords left out, the corpus sizes shrank, so G2 of 'sanctions'
    dropped from 0.2304 to 0.2167. Rayson's wizard and AntConc use all words."""
    a, b = seeds
    plain = {k.word: k for k in kit.keyness(a, b)}
    filtered = {k.word: k for k in kit.keyness(a, b, stopwords=kit.stopwords())}
    assert filtered["sanctions"].g2 == pytest.approx(plain["sanctions"].g2)
    assert plain["sanctions"].g2 == pytest.approx(g2(7, 11, len(kit.words(a)), len(kit.words(b))))
    assert "the" in plain and "the" not in filtered


def _zipf_sample(rng, vocabulary: int, size: int) -> str:
    words = [f"w{k}" for k in range(vocabulary)]
    weights = [1 / (k + 1) for k in range(vocabulary)]
    return " ".join(rng.choices(words, weights, k=size))


def test_two_samples_of_one_vocabulary_have_no_significant_words_after_correction():
    """The issue's test: two random 20,000-word samples of one vocabulary got
    106 to 159 'significant' words, the 5% chance predicts. Corrected, none."""
    import random

    rng = random.Random(7)
    a, b = _zipf_sample(rng, 3000, 20_000), _zipf_sample(rng, 3000, 20_000)
    k = kit.keyness(a, b)
    raw = sum(row.p < 0.05 for row in k)
    assert raw > 0.02 * len(k)  # uncorrected, chance alone makes many look different
    assert len(k.significant) <= 1  # corrected: (almost) none
    assert len(kit.keyness(a, b, correction="holm").significant) <= 1
    assert f"{len(k)} words tested" in k.note and f"{raw} pass p < 0.05 before correction" in k.note


def test_keyness_rows_carry_p_values_and_intervals(seeds):
    a, b = seeds
    for row in kit.keyness(a, b):
        assert 0 <= row.p <= row.p_adjusted <= 1
        assert row.log_ratio_low <= row.log_ratio <= row.log_ratio_high
        assert row.significant == (row.p_adjusted < 0.05)


def test_keyness_validates_its_options():
    with pytest.raises(ValueError, match="Choose one of: bh, holm, none"):
        kit.keyness("a b", "c d", correction="fdr")
    with pytest.raises(ValueError, match="alpha"):
        kit.keyness("a b", "c d", alpha=5)


# --- look-ups normalise exactly as words() ------------------------------------------------------


def test_look_ups_normalise_their_query_as_words_normalises_text():
    text = "Iran’s plan, Iran's people and the ’90s. The countries’ benefit."
    assert [l.keyword for l in kit.concordance(text, "Iran’s")] == ["Iran’s", "Iran's"]
    assert [l.keyword for l in kit.concordance(text, "Iran's")] == ["Iran’s", "Iran's"]
    assert [l.keyword for l in kit.concordance(text, "90s")] == ["90s"]
    assert [l.keyword for l in kit.concordance(text, "countries")] == ["countries’"]
    assert kit.dispersion(text, ["Iran’s"]).positions == {"iran's": [0, 2]}
    assert kit.dispersion(text, ["countries’"]).positions == {"countries": [8]}
    assert "iran's" not in dict(kit.top_keywords(text, stopwords=kit.stopwords(["Iran’s"])))


def test_a_concordance_line_prints_exactly_the_text_around_the_word():
    text = "both countries’ benefit and “sanctions” too"
    (line,) = kit.concordance(text, "countries", width=5)
    assert str(line) == "both countries’ bene"
    (line,) = kit.concordance(text, "sanctions", width=5)
    assert str(line) == "and “sanctions” too"


def test_urls_and_email_addresses_are_not_keywords_but_are_words():
    text = "See https://www.bbc.co.uk/news and https://www.bbc.co.uk/news or mail a@b.org, a@b.org. Rates rose."
    assert "https://www.bbc.co.uk/news" in kit.words(text)
    top = dict(kit.top_keywords(text, 20))
    assert not any("bbc" in w or "@" in w for w in top) and "rates" in top
