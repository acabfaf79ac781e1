"""kit.checks: instant feedback that grades fairly and never gives the answer away.

The checks get their questions and answers from the exercise's first cell
(``kit.checks.expect``); here they get small ones made by hand. The keyword
lesson's solution, which computes the answers the exercises carry, is run on
two pairs of short texts counted by hand.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from kit.checks import Answers, Checker, Expected, Question, compare, expect, fingerprint, pack, unpack

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
    # focus word: the top keyword of A1 and B1 together, reporting verbs left out: "farmers" (6) before
    # "sanctions" (6) alphabetically
    ("A1", "B1"): {
        "q1_word_count": 17,
        "q2_hidden_counts_empty": {},
        "q3_top_keywords": {"farmers": 3, "sanctions": 3},
        "q4_per_thousand": [3000 / 17, 3000 / 16],
        "q5_kwic": [["", "farmers", "protest new sanctions the"],
                    ["the new sanctions hit", "farmers", "hard farmers said new"],
                    ["sanctions hit farmers hard", "farmers", "said new sanctions new"]],
        # expected counts of farmers: 17 * 6 / 33 in A1 and 16 * 6 / 33 in B1
        "q6_g2": 2 * (3 * math.log(3 / (17 * 6 / 33)) + 3 * math.log(3 / (16 * 6 / 33))),
        # 14 words; only "new" (0 against 4, G2 5.79, p = 0.016) passes alone, and nothing after correction
        "q7_keyness_counts": [14, 1, 0],
        "q8_bigrams": {"['the', 'farmers']": 3, "['the', 'sanctions']": 2},
        "q9_new_word_sentences": [0, 1, 2],  # "new": four times in B1, in every sentence, never in A1
    },
    # focus word "rivers", absent from B2
    ("A2", "B2"): {
        "q1_word_count": 6,
        "q2_my_counts": {"rivers": 3, "flood": 1, "rise": 1, "fall": 1},
        "q3_top_keywords": {"rivers": 3},
        "q4_per_thousand": [500.0, 0.0],
        "q5_kwic": [],
        "q6_g2": 2 * 3 * math.log(3 / 1.5),
        "q7_keyness_counts": [10, 1, 0],  # rivers: G2 4.16, p = 0.041 alone, 0.41 after correction
        "q8_bigrams": {},  # "rivers flood | rivers rise rivers fall": no pair twice, none across the sentence end
        "q9_new_word_sentences": [],
    },
}
TEXTS = {"A1": A1, "B1": B1, "A2": A2, "B2": B2}

QUESTIONS = (
    Question("q1_word_count", 1, "a whole number", "Count the items of kit.words(a)."),
    Question("q2_my_counts", 2, "a dict from each word to its count", "Add one to a word's count each time."),
    Question("q2_hidden_counts_b", 1, "a dict", "Your count_words must work on any text.", hidden=True),
    Question("q3_top_keywords", 2, "a list of (word, count) pairs", "Ask kit.top_keywords for ten."),
    Question("q5_relative_frequency", 2, "a list of two numbers", "Per 1,000 words.", tolerance=1e-3),
    Question("q8_top_keyness_word", 2, "a string (one word)", "The first row of kit.keyness(a, b)."),
    Question("q9_top_collocation", 2, "a pair of words", "The .words of the first collocation."),
    Question("q11_speakers", 1, "a list of names, in any order", "Every speaker once.", order=False),
)
EXPECTED = {
    "q1_word_count": 17,
    "q2_my_counts": {"the": 5, "farmers": 3, "sanctions": 3, "hurt": 1, "said": 1, "failed": 1, "and": 1,
                     "stayed": 1, "left": 1},
    "q3_top_keywords": [["farmers", 3], ["sanctions", 3], ["failed", 1], ["hurt", 1], ["left", 1], ["said", 1],
                        ["stayed", 1], ["crops", 1], ["rain", 1], ["prices", 1]],
    "q5_relative_frequency": [3000 / 17, 3000 / 16],
    "q8_top_keyness_word": "farmers",
    "q9_top_collocation": ["new", "sanctions"],
    "q11_speakers": ["Ana Ruiz", "Tom Becker"],
}


@pytest.fixture
def check():
    expect(pack(Expected("demo", QUESTIONS, (Answers("hand", fingerprint(A1), fingerprint(B1), EXPECTED),))))
    return Checker("demo", A1, B1)


# --- what an exercise carries ----------------------------------------------------------------


def test_pack_and_unpack_are_exact_and_short():
    expected = Expected("demo", QUESTIONS, (Answers("hand", fingerprint(A1), fingerprint(B1), EXPECTED),))
    data = pack(expected)
    assert unpack(data) == expected
    assert re.fullmatch(r"[A-Za-z0-9+/=]+", data) and "farmers" not in data  # one line, not readable at a glance


def test_every_right_answer_earns_its_points(check):
    for q in QUESTIONS:
        if q.id in EXPECTED:
            result = check(q.id, EXPECTED[q.id])
            assert result.passed and result.earned == q.points and result.message.startswith("✓"), result


def test_on_texts_it_has_no_answers_for_it_says_so(check):
    other = Checker("demo", A2, B2)
    result = other("q1_word_count", 6)
    assert result.earned == 0 and "not checked" in result.message and "hand" in result.message
    assert "17" not in result.message


def test_the_teachers_solution_has_nothing_to_compare_with():
    result = Checker("no_such_exercise", A1, B1)("q1_word_count", 17)
    assert result.points == 0 and "recorded" in result.message and "kit assign" in result.message


def test_a_tuple_for_a_list_and_a_counter_for_a_dict_are_accepted(check):
    from collections import Counter

    assert check("q9_top_collocation", ("new", "sanctions")).passed
    assert check("q2_my_counts", Counter(EXPECTED["q2_my_counts"])).passed
    rounded = [round(x, 2) for x in EXPECTED["q5_relative_frequency"]]
    assert check("q5_relative_frequency", rounded).passed  # within the question's tolerance
    assert check("q11_speakers", ["Tom Becker", "Ana Ruiz"]).passed  # order: false


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
    expected = EXPECTED["q3_top_keywords"]
    result = check("q3_top_keywords", dict(expected))
    assert result.earned == 0
    assert "wrong type" in result.message and "list" in result.message and "dict" in result.message
    _assert_reveals_nothing(result.message, expected)
    result = check("q1_word_count", "17")
    assert result.earned == 0 and "wrong type" in result.message
    _assert_reveals_nothing(result.message, 17)


def test_wrong_length(check):
    expected = EXPECTED["q3_top_keywords"]
    result = check("q3_top_keywords", expected[:9])
    assert result.earned == 0 and "wrong length" in result.message
    _assert_reveals_nothing(result.message, expected)


@pytest.mark.parametrize("delta", [1, -1])
def test_off_by_one(check, delta):
    result = check("q1_word_count", 17 + delta)
    assert result.earned == 0 and "off by one" in result.message
    _assert_reveals_nothing(result.message, 17)


def test_off_by_one_in_a_list_of_counts(check):
    expected = EXPECTED["q3_top_keywords"]
    answer = [(w, c + 1) if i == 3 else (w, c) for i, (w, c) in enumerate(expected)]
    result = check("q3_top_keywords", answer)
    assert result.earned == 0 and "off by one" in result.message
    _assert_reveals_nothing(result.message, expected)


def test_missing_items(check):
    expected = EXPECTED["q3_top_keywords"]
    answer = [("the", 19)] + expected[1:]
    result = check("q3_top_keywords", answer)
    assert result.earned == 0 and "missing" in result.message and "1 of the 10" in result.message
    _assert_reveals_nothing(result.message, expected)


def test_right_items_wrong_order(check):
    expected = EXPECTED["q3_top_keywords"]
    result = check("q3_top_keywords", list(reversed(expected)))
    assert result.earned == 0 and "order" in result.message
    _assert_reveals_nothing(result.message, expected)


def test_dict_answers_missing_keys_and_wrong_values(check):
    expected = EXPECTED["q2_my_counts"]
    fewer = dict(list(expected.items())[:-3])
    result = check("q2_my_counts", fewer)
    assert result.earned == 0 and "3 expected keys are missing" in result.message
    _assert_reveals_nothing(result.message, expected)
    wrong = {w: c + 5 for w, c in expected.items()}
    result = check("q2_my_counts", wrong)
    assert result.earned == 0 and "keys are right" in result.message
    _assert_reveals_nothing(result.message, expected)


def test_string_answers(check):
    assert "nearly" in check("q8_top_keyness_word", "FARMERS").message
    result = check("q8_top_keyness_word", "sanctions")
    assert result.earned == 0 and "not the expected text" in result.message
    _assert_reveals_nothing(result.message, "farmers")


def test_every_wrong_message_has_the_hint_and_no_answer(check):
    for q in QUESTIONS:
        if q.id not in EXPECTED:
            continue
        expected = EXPECTED[q.id]
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


def test_undefined_and_enormous_numbers_are_graded_not_crashed_on():
    """Bugs (found by fuzzing compare): an expected answer that is NaN on some texts (0/0) made
    every student's identical NaN wrong; an int too large for a float (10**400) against a float
    raised OverflowError, so the grader failed on the whole notebook."""
    nan = math.nan
    assert compare(nan, nan) is None and compare([["x", nan]], [("x", nan)]) is None
    assert compare(nan, 0.0) == compare(0.0, nan) == "not the expected value."
    assert compare(0.5, 10**400) == compare(10**400, 0.5) == "not the expected value."
    assert compare([1.5], [10**400]) == "1 of the 1 expected items are missing or different."
    assert compare(10**400, 10**400) is None and compare(math.inf, math.inf) is None



_PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=15,
)


@settings(max_examples=300, deadline=None)
@given(_PLAIN, _PLAIN, st.booleans())
def test_compare_never_raises_and_every_answer_matches_itself(expected, given_, order):
    result = compare(expected, given_, order=order)
    assert result is None or isinstance(result, str)
    assert compare(expected, expected, order=order) is None


def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


class _FailingToList:
    def tolist(self):
        raise RuntimeError("broken")


def test_answers_the_checker_refuses_are_the_ones_the_grader_refuses():
    """Bug: a list that holds itself, or an object whose tolist() fails, made check() end in a
    RecursionError or the object's own error. Both are refused as not plain data now, with the
    grader's own limits (kit.grade.run's answer saver), so that a check agrees with the grade."""
    from kit.checks import ANSWER_DEPTH, ANSWER_VALUES, NotPlainData, to_plain
    from kit.grade.run import _SAVER

    class Shell:
        class events:
            register = staticmethod(lambda *args: None)

    saver: dict = {"SHELL": Shell, "VISIBLE": [], "HIDDEN": {}, "TEXTS_MARK": "", "PATH": "",
                   "MAX_DEPTH": ANSWER_DEPTH, "MAX_VALUES": ANSWER_VALUES}  # as _setup_source passes them
    exec(_SAVER, saver)
    loop: list = [1]
    loop.append(loop)
    values = [_nested(59), _nested(60), _nested(61), _nested(62), list(range(199_998)), list(range(200_001)),
              loop, _FailingToList(), (1, [2.5, "x"]), {"a": {"b": None}}]
    for value in values:
        try:
            to_plain(value)
            refused = False
        except NotPlainData:
            refused = True
        assert refused == ("__unserializable__" in saver["answer"](value)), (refused, str(value)[:40])
    assert compare([1], loop).startswith("wrong type: answers must be plain data")

# --- not answered, and answers that cheat ---------------------------------------------------


def test_ellipsis_means_not_answered(check):
    q = {q.id: q for q in QUESTIONS}["q3_top_keywords"]
    result = check("q3_top_keywords", ...)
    assert result.earned == 0 and not result.passed
    assert "not answered" in result.message and q.kind in result.message


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


def test_unknown_question_names_the_questions_but_not_the_hidden_ones(check):
    with pytest.raises(ValueError) as info:
        check("q99", 1)
    assert "q1_word_count" in str(info.value) and "hidden" not in str(info.value)


def test_summary_counts_points_of_the_visible_questions(check):
    check("q1_word_count", 17)
    check("q3_top_keywords", [])
    summary = check.summary()
    assert summary.earned == 1
    assert summary.points == sum(q.points for q in QUESTIONS if not q.hidden)


# --- the keyword lesson's solution, on texts counted by hand ------------------------------------


def test_the_keyword_solution_computes_the_hand_counts(tmp_path):
    """What the exercises' answers come from."""
    from kit.grade import Solution, Text, TextPair, run_notebook, run_settings

    solution, settings = Solution(ROOT / "solutions" / "01_keyword_frequency.ipynb"), run_settings()
    for n, ((a, b), counted) in enumerate(BY_HAND.items()):
        got, run = run_notebook(solution.notebook, settings, TextPair("by hand", Text(a, TEXTS[a]), Text(b, TEXTS[b])),
                                tmp_path / str(n))
        assert run.completed
        for qid, value in counted.items():
            assert _plain_equal(got[qid], value), ((a, b), qid, got[qid])


def _plain_equal(x, y) -> bool:
    if isinstance(x, float) or isinstance(y, float):
        return math.isclose(x, y, rel_tol=1e-9)
    if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
        return len(x) == len(y) and all(_plain_equal(i, j) for i, j in zip(x, y))
    return x == y


# --- reading code while other threads read code ------------------------------------------


def test_code_is_parsed_whole_while_other_threads_parse_and_collect_garbage():
    """The grader's worker threads read cells at once. In CPython 3.11 a garbage
    collection in the middle of ``ast.parse`` can hand the interpreter to another
    thread that parses too, and the shared depth count then makes ``ast.parse``
    raise "SystemError: AST constructor recursion depth mismatch": with plain
    ``ast.parse`` this harness raises it within a second. ``parse_code`` must not."""
    import gc
    import threading
    import time

    from kit.checks import parse_code

    source = "\n".join(f"x{i} = [{', '.join(str(j) for j in range(20))}]" for i in range(100))
    errors: list[str] = []

    class Finalised:  # garbage in a cycle, whose finaliser lets another thread run
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            time.sleep(0)

    def work() -> None:
        for _ in range(30):
            junk = [Finalised() for _ in range(50)]
            del junk
            try:
                parse_code(source)
            except SystemError as err:
                errors.append(str(err))
                return

    threshold = gc.get_threshold()
    gc.set_threshold(50, 1, 1)  # collect often, so that collections fall inside a parse
    try:
        threads = [threading.Thread(target=work) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        gc.set_threshold(*threshold)
    assert errors == []
