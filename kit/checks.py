"""Instant feedback on graded questions, in the student's notebook.

Each graded notebook builds a :class:`Checker` from its own texts, so every
expected answer is computed from the notebook's parameters and nothing is
hard-coded:

>>> import kit
>>> a, b = kit.load_articles()
>>> check = Checker("keyword_frequency", a, b)
>>> check("q1_word_count", len(kit.words(a)))
✓ q1_word_count: right! 1/1 point.

A wrong answer gets a hint that says what kind of mistake it is, never what the
answer is:

>>> check("q1_word_count", len(kit.words(a)) + 1)
✗ q1_word_count: off by one: your number is one away from the expected one. Hint: ...
>>> check("q3_top_keywords", {"sanctions": 8})
✗ q3_top_keywords: wrong type: expected a list, got a dict. ...
>>> check("q3_top_keywords", ...)
… q3_top_keywords: not answered yet. Replace the ... with a list of (word, count) pairs.

Answers are compared as plain data (lists, dicts, strings, numbers, None), so a
tuple and a list with the same items are equal, and an object that pretends to
equal everything earns nothing. The batch grader (``kit grade``) compares the
same way, in its own process.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from typing import Any, Callable, NamedTuple

from kit.texts import Article, TextLike, load_article

__all__ = [
    "Checker",
    "CheckResult",
    "GRADING_ENV",
    "Question",
    "assignment_names",
    "compare",
    "questions",
    "to_plain",
]


GRADING_ENV = "KIT_GRADING"
"""Set to "1" in the kernels that ``kit grade`` starts. There, checks only record
answers, and expected answers cannot be looked up: otherwise a submission could
simply copy them (``q1 = check.expected("q1")``) on whatever texts it is given."""


def grading() -> bool:
    """Whether this code runs inside a kernel started by ``kit grade``."""
    return os.environ.get(GRADING_ENV) == "1"


class Question(NamedTuple):
    """One graded question. The notebook holds the prompt; this holds the checking."""

    id: str
    """Also the name of the variable that holds the student's answer."""
    points: int
    kind: str
    """What kind of answer is expected, in words: "a list of (word, count) pairs"."""
    hint: str
    """Shown when the answer is wrong. It must not give the answer away."""
    expected: Callable[[Article, Article], Any]
    """Computes the right answer from the notebook's two texts."""
    order: bool = True
    """False when a list may come in any order."""
    tolerance: float = 1e-6
    """How far apart two numbers may be and still count as equal (relative)."""
    hidden: bool = False
    """A hidden test: its check sits between ``### BEGIN HIDDEN TESTS`` and
    ``### END HIDDEN TESTS`` in the solution, so students never see it. Only the
    grader runs it; feedback names it but never shows its content."""


class CheckResult(NamedTuple):
    """The outcome of one check."""

    id: str
    earned: int
    points: int
    message: str

    @property
    def passed(self) -> bool:
        return self.earned == self.points

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        import html

        colour = "#1a7f37" if self.passed else ("#9a6700" if self.earned is None else "#cf222e")
        return f'<pre style="color:{colour}; white-space:pre-wrap">{html.escape(self.message)}</pre>'


# --- comparing answers -----------------------------------------------------------


class NotPlainData(TypeError):
    """An answer holds something other than plain data."""


def to_plain(value: Any) -> Any:
    """``value`` as plain JSON-like data: lists, dicts with str keys, str, int, float, bool, None.

    Tuples (named ones too) become lists and Counters become dicts. Anything
    else is refused, so an object with a home-made ``__eq__`` cannot pass.

    >>> to_plain([("sanctions", 8)])
    [['sanctions', 8]]
    """
    if value is None or type(value) in (str, bool, int, float):
        return value
    if isinstance(value, (str, bool, int, float)):  # a subclass, such as an int that lies
        for base in (bool, int, float, str):
            if isinstance(value, base):
                return base(value)
    if isinstance(value, Mapping):
        return {str(to_plain(k)) if not isinstance(k, str) else str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_plain(v) for v in value), key=repr)
    try:  # NumPy numbers and arrays, without importing NumPy
        return to_plain(value.tolist())
    except AttributeError:
        pass
    raise NotPlainData(type(value).__name__)


def _describe(value: Any) -> str:
    return {list: "a list", dict: "a dict", str: "a string", int: "a whole number",
            float: "a number", bool: "True or False", type(None): "None"}.get(type(value), type(value).__name__)


def _equal(expected: Any, given: Any, tolerance: float) -> bool:
    if isinstance(expected, float) or isinstance(given, float):
        if isinstance(expected, bool) or isinstance(given, bool):
            return False
        if isinstance(expected, (int, float)) and isinstance(given, (int, float)):
            return math.isclose(expected, given, rel_tol=tolerance, abs_tol=tolerance)
        return False
    if type(expected) is not type(given):
        return False
    if isinstance(expected, list):
        return len(expected) == len(given) and all(_equal(e, g, tolerance) for e, g in zip(expected, given))
    if isinstance(expected, dict):
        return expected.keys() == given.keys() and all(_equal(expected[k], given[k], tolerance) for k in expected)
    return expected == given


def _numbers_one_apart(expected: Any, given: Any) -> bool:
    """Whether the two differ only in whole numbers that are one apart."""
    if isinstance(expected, int) and isinstance(given, int) and not isinstance(expected, bool):
        return abs(expected - given) == 1
    if isinstance(expected, list) and isinstance(given, list) and len(expected) == len(given):
        diffs = [(e, g) for e, g in zip(expected, given) if e != g]
        return bool(diffs) and all(_numbers_one_apart(e, g) for e, g in diffs)
    if isinstance(expected, dict) and isinstance(given, dict) and expected.keys() == given.keys():
        diffs = [(expected[k], given[k]) for k in expected if expected[k] != given[k]]
        return bool(diffs) and all(_numbers_one_apart(e, g) for e, g in diffs)
    return False


def compare(expected: Any, given: Any, *, order: bool = True, tolerance: float = 1e-6) -> str | None:
    """None when ``given`` matches ``expected``, else what kind of mistake it is.

    Both are first made plain (:func:`to_plain`). The message never contains
    the expected answer.

    >>> compare([["iran", 5]], (("iran", 5),)) is None
    True
    >>> compare([1, 2, 3], [1, 2])
    'wrong length: expected 3 items, got 2.'
    """
    try:
        given = to_plain(given)
    except NotPlainData as err:
        return f"wrong type: answers must be plain data (lists, dicts, strings, numbers), not {err}."
    expected = to_plain(expected)
    if not order and isinstance(expected, list) and isinstance(given, list):
        expected, given = sorted(expected, key=repr), sorted(given, key=repr)
    if _equal(expected, given, tolerance):
        return None
    number = (int, float)
    if not (type(expected) is type(given) or (isinstance(expected, number) and isinstance(given, number)
                                              and not isinstance(given, bool))):
        return f"wrong type: expected {_describe(expected)}, got {_describe(given)}."
    if _numbers_one_apart(expected, given):
        return "off by one: your number is one away from the expected one." if isinstance(expected, int) \
            else "off by one: some of your counts are one too high or one too low."
    if isinstance(expected, list):
        if len(expected) != len(given):
            return f"wrong length: expected {len(expected)} items, got {len(given)}."
        if sorted(map(repr, expected)) == sorted(map(repr, given)):
            return "right items, wrong order."
        missing = sum(1 for e in expected if not any(_equal(e, g, tolerance) for g in given))
        return f"{missing} of the {len(expected)} expected items are missing or different."
    if isinstance(expected, dict):
        missing, extra = len(expected.keys() - given.keys()), len(given.keys() - expected.keys())
        if missing or extra:
            return f"{missing} expected keys are missing and {extra} are unexpected."
        wrong = sum(1 for k in expected if not _equal(expected[k], given[k], tolerance))
        return f"the keys are right, but {wrong} of the {len(expected)} values are not."
    if isinstance(expected, str):
        if expected.strip().lower() == given.strip().lower():
            return "nearly: check upper and lower case, and spaces at the ends."
        return "not the expected text."
    return "not the expected value."


# --- question banks -------------------------------------------------------------------

_BANKS = {
    "keyword_frequency": "kit.questions.keyword_frequency",
    "quote_extraction": "kit.questions.quote_extraction",
    "version_comparison": "kit.questions.version_comparison",
}


def assignment_names() -> list[str]:
    """The names of the graded assignments."""
    import importlib.util

    return [name for name, module in _BANKS.items() if importlib.util.find_spec(module)]


def questions(assignment: str) -> list[Question]:
    """The questions of one assignment, in notebook order."""
    import importlib

    if assignment not in _BANKS:
        raise ValueError(f"Unknown assignment {assignment!r}. Choose one of: {', '.join(assignment_names())}.")
    return list(importlib.import_module(_BANKS[assignment]).QUESTIONS)


class Checker:
    """Checks answers for one assignment against the notebook's two texts.

    Call it with a question id and the answer: ``check("q3_top_keywords", q3_top_keywords)``.
    ``check.summary()`` shows the points so far.
    """

    def __init__(self, assignment: str, a: TextLike, b: TextLike):
        self.assignment = assignment
        # While grading, the checker knows no questions: the grader judges the
        # answers in its own process, and nothing here may reveal them.
        self.questions = {} if grading() else {q.id: q for q in questions(assignment)}
        self.a = a if isinstance(a, Article) else _as_article(a, "a")
        self.b = b if isinstance(b, Article) else _as_article(b, "b")
        self.results: dict[str, CheckResult] = {}

    def expected(self, question_id: str) -> Any:
        """The expected answer (for teachers and tests; not available while grading)."""
        if grading():
            raise RuntimeError("Expected answers are not available while kit grade runs a submission.")
        return self._question(question_id).expected(self.a, self.b)

    def _question(self, question_id: str) -> Question:
        try:
            return self.questions[question_id]
        except KeyError:
            raise ValueError(
                f"There is no question {question_id!r} in {self.assignment}. "
                f"Its questions are: {', '.join(self.questions)}."
            ) from None

    def __call__(self, question_id: str, answer: Any) -> CheckResult:
        if grading():
            return CheckResult(question_id, 0, 0, f"{question_id}: recorded; the grader judges it.")
        q = self._question(question_id)
        if answer is Ellipsis:
            result = CheckResult(q.id, 0, q.points, f"… {q.id}: not answered yet. Replace the ... with {q.kind}.")
        else:
            problem = compare(q.expected(self.a, self.b), answer, order=q.order, tolerance=q.tolerance)
            unit = "point" if q.points == 1 else "points"
            if problem is None:
                result = CheckResult(q.id, q.points, q.points, f"✓ {q.id}: right! {q.points}/{q.points} {unit}.")
            else:
                result = CheckResult(q.id, 0, q.points, f"✗ {q.id}: {problem} Hint: {q.hint}")
        self.results[q.id] = result
        return result

    def summary(self) -> Summary:
        """Points so far, question by question."""
        return Summary(self.assignment, [
            self.results.get(q.id) or CheckResult(q.id, 0, q.points, "not checked yet")
            for q in self.questions.values() if not q.hidden or q.id in self.results
        ])


class Summary(NamedTuple):
    assignment: str
    results: list[CheckResult]

    @property
    def earned(self) -> int:
        return sum(r.earned for r in self.results)

    @property
    def points(self) -> int:
        return sum(r.points for r in self.results)

    def __repr__(self) -> str:
        lines = [f"{self.assignment}: {self.earned}/{self.points} points so far"]
        lines += [f"  {'✓' if r.passed else '·'} {r.id:<28} {r.earned}/{r.points}" for r in self.results]
        return "\n".join(lines)


def _as_article(value: Any, which: str) -> Article:
    if isinstance(value, str) and "\n" in value:
        return Article(name=which, text=value)
    return load_article(value)
