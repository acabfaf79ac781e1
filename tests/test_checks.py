"""kit.checks: instant feedback that grades fairly and never gives the answer away."""

from __future__ import annotations

import math
import re

import pytest

import kit
from kit.checks import Checker, compare, questions
from kit.texts import Article


@pytest.fixture
def check(seeds):
    a, b = seeds
    return Checker("keyword_frequency", a, b)


# Two pairs of short texts of our own, counted by hand.
# A1: sanctions hurt the farmers | the farmers said the sanctions failed and the
#     sanctions stayed | the farmers left  -> 17 words; farmers 3, sanctions 3.
A1 = "Sanctions hurt the farmers.\nThe farmers said the sanctions failed, and the sanctions stayed.\nThe farmers left."
# B1: farmers protest new sanctions | the new sanctions hit farmers hard farmers said |
#     new sanctions new protests -> 16 words; new 4, sanctions 3, farmers 3.
B1 = "Farmers protest new sanctions.\nThe new sanctions hit farmers hard, farmers said.\nNew sanctions, new protests."
# A2: rivers flood rivers rise rivers fall -> 6 words; B2 shares no word with it
# and repeats no pair.
A2 = "Rivers flood.\nRivers rise, rivers fall."
B2 = "Markets fell on Monday.\nTraders sold."

BY_HAND = {
    # focus word: top keyword of A1, "farmers" (3) before "sanctions" (3) alphabetically
    ("A1", "B1"): {
        "q1_word_count": 17,
        "q2_hidden_counts_empty": {},
        "q3_top_keywords": [
            ["farmers", 3], ["sanctions", 3], ["failed", 1], ["hurt", 1], ["left", 1], ["said", 1], ["stayed", 1],
        ],
        "q4_keywords_without_said": [["new", 4], ["farmers", 3], ["sanctions", 3], ["hard", 1], ["hit", 1]],
        "q5_relative_frequency": [3000 / 17, 3000 / 16],
        "q6_concordance_lines": 3,
        "q7_first_position": 3,
        "q9_top_collocation": ["new", "sanctions"],
        "q10_repeated_pairs": 2,  # (the, farmers) x3 and (the, sanctions) x2
    },
    # focus word "rivers", absent from B2
    ("A2", "B2"): {
        "q1_word_count": 6,
        "q2_my_counts": {"rivers": 3, "flood": 1, "rise": 1, "fall": 1},
        "q3_top_keywords": [["rivers", 3], ["fall", 1], ["flood", 1], ["rise", 1]],
        "q4_keywords_without_said": [["fell", 1], ["markets", 1], ["monday", 1], ["sold", 1], ["traders", 1]],
        "q5_relative_frequency": [500.0, 0.0],
        "q6_concordance_lines": 0,
        "q7_first_position": 0,
        "q8_top_keyness_word": "rivers",
        "q9_top_collocation": None,
        "q10_repeated_pairs": 0,
    },
}
TEXTS = {"A1": A1, "B1": B1, "A2": A2, "B2": B2}


def _plain_equal(x, y) -> bool:
    if isinstance(x, float) or isinstance(y, float):
        return math.isclose(x, y, rel_tol=1e-9)
    if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
        return len(x) == len(y) and all(_plain_equal(i, j) for i, j in zip(x, y))
    return x == y


# --- every question can be computed, and the right answer earns the points ---------------------


def _checkers(seeds):
    a, b = seeds
    yield "seeds", Checker("keyword_frequency", a, b)
    for first, second in BY_HAND:
        # once as Articles, once as multi-line strings
        yield f"{first}/{second}", Checker("keyword_frequency", Article(first, TEXTS[first]), Article(second, TEXTS[second]))
        yield f"{first}/{second} str", Checker("keyword_frequency", TEXTS[first], TEXTS[second])


def test_every_question_is_computable_and_the_right_answer_earns_its_points(seeds):
    bank = questions("keyword_frequency")
    assert len(bank) >= 10
    for label, checker in _checkers(seeds):
        for q in bank:
            expected = checker.expected(q.id)
            result = checker(q.id, expected)
            assert result.earned == result.points == q.points, (label, q.id, result.message)
            assert result.passed and result.message.startswith("✓"), (label, q.id)


@pytest.mark.parametrize("pair", list(BY_HAND))
def test_expected_answers_on_our_own_texts_match_the_hand_counts(pair):
    first, second = pair
    checker = Checker("keyword_frequency", Article(first, TEXTS[first]), Article(second, TEXTS[second]))
    for qid, value in BY_HAND[pair].items():
        got = checker.expected(qid)
        plain = [list(x) if isinstance(x, tuple) else x for x in got] if isinstance(got, list) else got
        assert _plain_equal(plain, value), (qid, got)


def test_expected_answers_on_the_seeds(check, seeds):
    a, b = seeds
    assert check.expected("q1_word_count") == len(kit.words(a))
    assert check.expected("q3_top_keywords")[:2] == [("countries", 7), ("sanctions", 7)]
    assert check.expected("q6_concordance_lines") == 8  # "countries" in seed 001 (grep: 8)
    assert list(check.expected("q9_top_collocation")) == ["ayatollah", "khamenei"]
    assert check.expected("q2_hidden_counts_b") == dict(kit.word_counts(b))


def test_a_tuple_for_a_list_and_a_counter_for_a_dict_are_accepted(check, seeds):
    a, _ = seeds
    from collections import Counter

    assert check("q9_top_collocation", ("ayatollah", "khamenei")).passed
    assert check("q2_my_counts", Counter(kit.words(a))).passed
    rounded = [round(x, 2) for x in check.expected("q5_relative_frequency")]
    assert check("q5_relative_frequency", rounded).passed  # within the question's tolerance


# --- wrong answers get hints of the right kind --------------------------------------------------


def _assert_reveals_nothing(message: str, expected) -> None:
    assert repr(expected) not in message
    if isinstance(expected, int):
        assert not re.search(rf"(?<![\d.]){expected}(?![\d.])", message), message
    if isinstance(expected, list):
        for item in expected:
            if isinstance(item, (list, tuple)) and item and isinstance(item[0], str):
                assert item[0] not in message, message
    if isinstance(expected, dict):
        for key in expected:
            assert f"'{key}'" not in message and f'"{key}"' not in message


def test_wrong_type(check):
    expected = check.expected("q3_top_keywords")
    result = check("q3_top_keywords", dict(expected))
    assert result.earned == 0
    assert "wrong type" in result.message and "list" in result.message and "dict" in result.message
    _assert_reveals_nothing(result.message, expected)
    result = check("q1_word_count", str(check.expected("q1_word_count")))
    assert result.earned == 0 and "wrong type" in result.message
    _assert_reveals_nothing(result.message, check.expected("q1_word_count"))


def test_wrong_length(check):
    expected = check.expected("q3_top_keywords")
    result = check("q3_top_keywords", expected[:9])
    assert result.earned == 0 and "wrong length" in result.message
    _assert_reveals_nothing(result.message, expected)


@pytest.mark.parametrize("delta", [1, -1])
def test_off_by_one(check, delta):
    expected = check.expected("q1_word_count")
    result = check("q1_word_count", expected + delta)
    assert result.earned == 0 and "off by one" in result.message
    _assert_reveals_nothing(result.message, expected)


def test_off_by_one_in_a_list_of_counts(check):
    expected = check.expected("q3_top_keywords")
    answer = [(w, c + 1) if i == 3 else (w, c) for i, (w, c) in enumerate(expected)]
    result = check("q3_top_keywords", answer)
    assert result.earned == 0 and "off by one" in result.message
    _assert_reveals_nothing(result.message, expected)


def test_missing_items(check):
    expected = check.expected("q3_top_keywords")
    answer = [("the", 19)] + expected[1:]
    result = check("q3_top_keywords", answer)
    assert result.earned == 0 and "missing" in result.message and "1 of the 10" in result.message
    _assert_reveals_nothing(result.message, expected)


def test_right_items_wrong_order(check):
    expected = check.expected("q3_top_keywords")
    result = check("q3_top_keywords", list(reversed(expected)))
    assert result.earned == 0 and "order" in result.message
    _assert_reveals_nothing(result.message, expected)


def test_dict_answers_missing_keys_and_wrong_values(check):
    expected = check.expected("q2_my_counts")
    fewer = dict(list(expected.items())[:-3])
    result = check("q2_my_counts", fewer)
    assert result.earned == 0 and "3 expected keys are missing" in result.message
    _assert_reveals_nothing(result.message, expected)
    wrong = {w: c + 5 for w, c in expected.items()}
    result = check("q2_my_counts", wrong)
    assert result.earned == 0 and "keys are right" in result.message
    _assert_reveals_nothing(result.message, expected)


def test_string_answers(check):
    expected = check.expected("q8_top_keyness_word")
    assert "nearly" in check("q8_top_keyness_word", expected.upper()).message
    result = check("q8_top_keyness_word", "sanctions")
    assert result.earned == 0 and "not the expected text" in result.message
    _assert_reveals_nothing(result.message, expected)


def test_every_wrong_message_has_the_hint_and_no_answer(check):
    for q in questions("keyword_frequency"):
        expected = check.expected(q.id)
        result = check(q.id, {"not": "an answer"} if not isinstance(expected, dict) else ["not", "a dict"])
        assert result.earned == 0 and not result.passed
        assert q.hint in result.message and result.message.startswith("✗")
        _assert_reveals_nothing(result.message, expected)


def test_compare_kinds_directly():
    assert compare([["iran", 5]], (("iran", 5),)) is None
    assert compare([1, 2, 3], [1, 2]) == "wrong length: expected 3 items, got 2."
    assert compare(5, True).startswith("wrong type")  # True is not a number here
    assert compare(5, 5.0) is None
    assert compare(1.0, 1.0 + 1e-9) is None
    assert "off by one" in compare([["a", 2], ["b", 3]], [["a", 2], ["b", 4]])
    assert "order" in compare(["a", "b", "c"], ["c", "b", "a"])
    assert compare(["a", "b"], ["b", "a"], order=False) is None


# --- not answered, and answers that cheat ---------------------------------------------------


def test_ellipsis_means_not_answered(check):
    q = {q.id: q for q in questions("keyword_frequency")}["q3_top_keywords"]
    result = check("q3_top_keywords", ...)
    assert result.earned == 0 and not result.passed
    assert "not answered" in result.message and q.kind in result.message
    _assert_reveals_nothing(result.message, check.expected("q3_top_keywords"))


class AlwaysEqual:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__


class LyingInt(int):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = int.__hash__


class LyingStr(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


class LyingList(list):
    def __eq__(self, other):
        return True


@pytest.mark.parametrize(
    "qid, answer",
    [
        ("q1_word_count", AlwaysEqual()),
        ("q3_top_keywords", AlwaysEqual()),
        ("q3_top_keywords", [AlwaysEqual()] * 10),
        ("q1_word_count", LyingInt(3)),
        ("q8_top_keyness_word", LyingStr("nothing")),
        ("q3_top_keywords", LyingList([("x", 1)])),
        ("q2_my_counts", {"the": AlwaysEqual()}),
    ],
)
def test_answers_that_lie_about_equality_earn_nothing(check, qid, answer):
    assert AlwaysEqual() == 1 and LyingInt(3) == 4  # they do lie
    result = check(qid, answer)
    assert result.earned == 0 and not result.passed


def test_unknown_question_names_the_questions(check):
    with pytest.raises(ValueError) as info:
        check("q99", 1)
    assert "q1_word_count" in str(info.value)


def test_summary_counts_points(check):
    check("q1_word_count", check.expected("q1_word_count"))
    check("q3_top_keywords", [])
    summary = check.summary()
    assert summary.earned == 1
    assert summary.points == sum(q.points for q in questions("keyword_frequency") if not q.hidden)
