"""Instant feedback on graded questions, in the student's notebook.

An exercise made by ``kit assign`` starts with a cell that hands this module the
assignment's questions and their answers on the texts a student works with:
the notebook's own pair and the Riverside practice pair (``kit/data/practice``).
``kit assign`` got those answers by running the teacher's solution on both
pairs. Knowing them gives nothing away: ``kit grade`` grades on texts no one has
seen, made fresh for each batch.

>>> q1 = Question("q1_word_count", 1, "a whole number", "Count the items of kit.words(a).")
>>> expect(pack(Expected("demo", (q1,), (Answers("seeds", fingerprint("Two words."), fingerprint("B"),
...                                                     {"q1_word_count": 2}),))))
>>> check = Checker("demo", "Two words.", "B")
>>> check("q1_word_count", 2)
✓ q1_word_count: right on these texts, 1/1 point. The grader runs it on texts you have not seen; check.rehearse() at the end of the notebook tries that.

Right on these texts is not yet the grade: ``kit grade`` runs the notebook again
on texts no one has seen, and an answer typed in (``q1_word_count = 2``, which
a check sees in the cell it runs in) earns nothing there. ``check.rehearse()``
grades the notebook with the grader's own code, on the notebook's texts and the
practice pair, and shows the feedback table the teacher's page will show (see
:mod:`kit.grade.rehearse`). ``check.summary()`` counts the points checked so
far and names the rest: points in hidden tests, which only the grader runs,
and for written answers, which the teacher grades.

A wrong answer gets a hint that says what kind of mistake it is, never what the
answer is:

>>> check("q1_word_count", 3)
✗ q1_word_count: off by one: your number is one away from the expected one. Hint: Count the items of kit.words(a).
>>> check("q1_word_count", [2])
✗ q1_word_count: wrong type: expected a whole number, got a list. Hint: ...
>>> check("q1_word_count", ...)
… q1_word_count: not answered yet. Replace the ... with a whole number.

On texts it has no answers for, it says so rather than guess:

>>> Checker("demo", "Other text.", "B")("q1_word_count", 2)
· q1_word_count: not checked: check() knows the answers for these texts only: seeds. Your answer still counts when your notebook is graded.

Answers are compared as plain data (lists, dicts, strings, numbers, None), so a
tuple and a list with the same items are equal, and an object that pretends to
equal everything earns nothing. The batch grader (``kit grade``) compares the
same way, in its own process.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import threading
import zlib
from collections.abc import Mapping
from typing import Any, NamedTuple

from kit.texts import TextLike, as_text, load_article

__all__ = [
    "Answers",
    "CheckResult",
    "Checker",
    "Expected",
    "ANSWER_DEPTH",
    "ANSWER_VALUES",
    "GRADING_ENV",
    "Question",
    "Summary",
    "compare",
    "expect",
    "fingerprint",
    "grading",
    "literal_assignment",
    "message_html",
    "pack",
    "parse_code",
    "to_plain",
    "unpack",
]


GRADING_ENV = "KIT_GRADING"
"""Set to "1" in the kernels that ``kit grade`` starts. There, checks only
record: the grader judges every answer in its own process."""


def grading() -> bool:
    """Whether this code runs inside a kernel started by ``kit grade``."""
    return os.environ.get(GRADING_ENV) == "1"


def fingerprint(text: str) -> str:
    """A short fingerprint of a text, to know which texts a notebook works on."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Question(NamedTuple):
    """One graded question, as its block in the solution notebook says (see :mod:`kit.solution`)."""

    id: str
    """Also the name of the variable that holds the student's answer."""
    points: int
    kind: str
    """What kind of answer is expected, in words: "a list of (word, count) pairs"."""
    hint: str
    """Shown when the answer is wrong. It must not give the answer away."""
    order: bool = True
    """False when a list may come in any order."""
    tolerance: float = 1e-6
    """How far apart two numbers may be and still count as equal (relative)."""
    hidden: bool = False
    """A hidden test sets it: students never see it; the grader runs it."""
    manual: bool = False
    """A written answer, graded by the teacher (``kit grade`` collects it for review); never checked here."""
    rubric: str = ""
    """For a written answer: what the teacher looks for, shown beside the answers. Never in an exercise."""


class Answers(NamedTuple):
    """The expected answers on one pair of texts, known by the texts' fingerprints."""

    name: str
    """What the pair is called: ``seeds``, ``practice``."""
    a: str
    b: str
    answers: dict[str, Any]


class Expected(NamedTuple):
    """What an exercise carries: the assignment's questions, and their answers on each practice pair."""

    assignment: str
    questions: tuple[Question, ...]
    pairs: tuple[Answers, ...]


def pack(expected: Expected) -> str:
    """``expected`` as one short string for a notebook cell (JSON, compressed, base64)."""
    data = {"assignment": expected.assignment, "questions": [_question_data(q) for q in expected.questions],
            "pairs": [p._asdict() for p in expected.pairs]}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")


_LATER_FIELDS = {"manual": False, "rubric": ""}
"""Fields added after exercises were first packed: left out when they hold their default, so an exercise
without written answers packs exactly as before."""


def _question_data(q: Question) -> dict[str, Any]:
    return {k: v for k, v in q._asdict().items() if k not in _LATER_FIELDS or v != _LATER_FIELDS[k]}


def unpack(data: str) -> Expected:
    """The :class:`Expected` that :func:`pack` made."""
    raw = json.loads(zlib.decompress(base64.b64decode(data)).decode("utf-8"))
    return Expected(raw["assignment"], tuple(Question(**q) for q in raw["questions"]),
                    tuple(Answers(**p) for p in raw["pairs"]))


_EXPECTED: dict[str, Expected] = {}


def expect(data: str) -> None:
    """Hand the checks an assignment's questions and answers (the first cell of an exercise does)."""
    expected = unpack(data)
    _EXPECTED[expected.assignment] = expected


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
        return message_html(self.message, _LOOKS.get(self.message[:1], "note"))


# How a message looks in JupyterLab, by its first character. Colours come from kit.style (readable in the light
# and dark themes); text keeps the theme's colour, and only a wrong answer gets the red rule.
_LOOKS = {"✓": "right", "✗": "wrong", "…": "note", "·": "note"}


def message_html(message: str, look: str = "note") -> str:
    """A check's message as HTML: wrapped at spaces, never inside a word (JupyterLab's own ``<pre>`` style
    breaks anywhere: ``kit.w ords``), with a rule on its left that says right, wrong or neither."""
    import html

    from kit.style import BAR, ERROR, MUTED, RULE

    rule = {"right": BAR, "wrong": ERROR}.get(look, RULE)
    muted = MUTED if look == "note" else ""
    return (f'<div class="kit-check kit-check-{look}" style="border-left: 4px solid {rule}; padding: 0.2em 0.6em; '
            f"font-family: var(--jp-code-font-family, monospace); font-size: var(--jp-code-font-size, 13px); "
            f'white-space: pre-wrap; word-break: normal; overflow-wrap: break-word; {muted}">'
            f"{html.escape(message)}</div>")


_PARSING = threading.Lock()


def parse_code(source: str) -> Any:
    """``ast.parse(source)``, one call at a time in this process: the one way the
    kit reads a cell's code (the grader's worker threads read many at once).

    CPython 3.11 counts the depth of the tree it is building in state that all
    threads share. When a thread parses while another is part-way through (a
    garbage collection in the middle hands the interpreter to it), the count no
    longer matches and ``ast.parse`` raises "SystemError: AST constructor
    recursion depth mismatch" (CPython issue 106905): the grader then failed an
    honest notebook. The lock keeps every parse whole.

    >>> [type(node).__name__ for node in parse_code("q7 = 22").body]
    ['Assign']
    """
    import ast

    with _PARSING:
        return ast.parse(source)


def literal_assignment(source: str, name: str) -> bool:
    """Whether the last top-level assignment to ``name`` in ``source`` assigns a value typed in (a literal).

    >>> literal_assignment("q7 = 22", "q7"), literal_assignment("q7 = len(a.text)", "q7")
    (True, False)
    >>> literal_assignment("q7 = ...", "q7")  # a stub is not an answer
    False
    """
    import ast

    try:
        tree = parse_code(source)
    except (SyntaxError, ValueError):
        return False
    last = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            last = node.value
        elif isinstance(node, ast.Assign) and any(isinstance(t, (ast.Tuple, ast.List)) and any(
                isinstance(e, ast.Name) and e.id == name for e in t.elts) for t in node.targets):
            last = None  # unpacked from something: not a value written out
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            last = node.value
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            last = None
    if last is None or (isinstance(last, ast.Constant) and last.value is Ellipsis):
        return False
    try:
        ast.literal_eval(last)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


# --- comparing answers -----------------------------------------------------------


class NotPlainData(TypeError):
    """An answer holds something other than plain data."""


ANSWER_DEPTH, ANSWER_VALUES = 60, 200_000
"""How deeply an answer may nest lists and dicts, and how many values it may hold: far more than
any question asks for. The grader's answer saver (``kit.grade.run``) keeps to the same limits, so
that a check here agrees with the grade. A list that holds itself is refused, not recursed into
without end."""


def to_plain(value: Any, _depth: int = 0, _budget: list[int] | None = None) -> Any:
    """``value`` as plain JSON-like data: lists, dicts with str keys, str, int, float, bool, None.

    Tuples (named ones too) become lists and Counters become dicts. Anything
    else is refused, so an object with a home-made ``__eq__`` cannot pass; so
    is a list that holds itself, or an object whose ``tolist`` fails.

    >>> to_plain([("sanctions", 8)])
    [['sanctions', 8]]
    >>> loop = [1]
    >>> loop.append(loop)
    >>> to_plain(loop)
    Traceback (most recent call last):
    kit.checks.NotPlainData: lists or dicts nested more than 60 deep (one that holds itself?)
    """
    budget = [ANSWER_VALUES] if _budget is None else _budget
    budget[0] -= 1
    if budget[0] < 0:
        raise NotPlainData(f"an answer of more than {ANSWER_VALUES:,} values")
    if _depth > ANSWER_DEPTH:
        raise NotPlainData(f"lists or dicts nested more than {ANSWER_DEPTH} deep (one that holds itself?)")
    if value is None or type(value) in (str, bool, int, float):
        return value
    if isinstance(value, (str, bool, int, float)):  # a subclass, such as an int that lies
        for base in (bool, int, float, str):
            if isinstance(value, base):
                return base(value)
    inner = _depth + 1
    if isinstance(value, Mapping):
        return {str(to_plain(k, inner, budget)) if not isinstance(k, str) else str(k): to_plain(v, inner, budget)
                for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v, inner, budget) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_plain(v, inner, budget) for v in value), key=repr)
    try:  # NumPy numbers and arrays, without importing NumPy
        tolist = value.tolist
    except AttributeError:
        raise NotPlainData(type(value).__name__) from None
    try:
        listed = tolist()
    except Exception:  # its own code failed: not data the checker can read
        raise NotPlainData(type(value).__name__) from None
    return to_plain(listed, inner, budget)


def _describe(value: Any) -> str:
    return {list: "a list", dict: "a dict", str: "a string", int: "a whole number",
            float: "a number", bool: "True or False", type(None): "None"}.get(type(value), type(value).__name__)


def _equal(expected: Any, given: Any, tolerance: float) -> bool:
    if isinstance(expected, float) or isinstance(given, float):
        if isinstance(expected, bool) or isinstance(given, bool):
            return False
        if isinstance(expected, (int, float)) and isinstance(given, (int, float)):
            # NaN is no number, so it is close to nothing, itself included: but an answer that is
            # undefined on these texts (0/0) is right when the student's is undefined too
            try:
                both_nan = math.isnan(expected) and math.isnan(given)
                return both_nan or math.isclose(expected, given, rel_tol=tolerance, abs_tol=tolerance)
            except OverflowError:  # an int too large for any float (10**400) is close to no float
                return False
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
    >>> compare([0.5, float("nan")], [0.5, float("nan")]) is None, compare(float("nan"), 0.5)
    (True, 'not the expected value.')
    >>> compare(0.5, 10**400)
    'not the expected value.'
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


# --- the checker ---------------------------------------------------------------------


def _text(value: TextLike, which: str) -> tuple[str, str]:
    """The name and the text of ``a`` or ``b``, as the notebook gave them."""
    name = getattr(value, "name", None)
    if isinstance(value, str) and "\n" not in value and len(value) < 300:
        try:
            article = load_article(value)  # a seed name or a path, as load_article takes them
            return article.name, article.text
        except (OSError, ValueError):
            pass
    return (name if isinstance(name, str) and name else which), as_text(value, argument=which)


def _running_cell() -> str:
    """The source of the cell running now, from IPython's history; empty outside IPython."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        return shell.history_manager.input_hist_raw[-1] if shell is not None else ""
    except Exception:  # no IPython, or no history: nothing to tell
        return ""


_REHEARSE = "The grader runs it on texts you have not seen; check.rehearse() at the end of the notebook tries that."


class Checker:
    """Checks answers for one assignment on the notebook's two texts.

    Call it with a question id and the answer: ``check("q3_top_keywords", q3_top_keywords)``.
    ``check.summary()`` shows the points so far; ``check.rehearse()`` grades the notebook as ``kit grade``
    would, on your texts and on the practice pair, in the grader's sandbox.
    """

    def __init__(self, assignment: str, a: TextLike, b: TextLike):
        self.assignment = assignment
        self.expected = None if grading() else _EXPECTED.get(assignment)
        self.questions = {q.id: q for q in self.expected.questions} if self.expected else {}
        self.texts = (_text(a, "a"), _text(b, "b"))
        """The names and texts of the notebook's ``a`` and ``b``: what a rehearsal runs on first."""
        key = (fingerprint(self.texts[0][1]), fingerprint(self.texts[1][1]))
        pairs = self.expected.pairs if self.expected else ()
        self.pair = next((p for p in pairs if (p.a, p.b) == key), None)
        """The expected answers on these texts (:class:`Answers`), when the exercise carries them."""
        self.answers = self.pair.answers if self.pair else None
        self.results: dict[str, CheckResult] = {}
        self.answered: set[str] = set()
        """The questions checked with an answer (not ``...``)."""

    def _question(self, question_id: str) -> Question:
        try:
            return self.questions[question_id]
        except KeyError:
            raise ValueError(
                f"There is no question {question_id!r} in {self.assignment}. "
                f"Its questions are: {', '.join(q for q, v in self.questions.items() if not v.hidden)}."
            ) from None

    def __call__(self, question_id: str, answer: Any) -> CheckResult:
        if self.expected is None:
            why = ("the grader judges it" if grading() else
                   "this notebook has no answers to compare with (a teacher's solution: the exercises that "
                   "kit assign makes from it have them)")
            return CheckResult(question_id, 0, 0, f"· {question_id}: recorded; {why}.")
        q = self._question(question_id)
        unit = "point" if q.points == 1 else "points"
        if q.manual:
            result = CheckResult(q.id, 0, q.points, f"· {q.id}: a written answer: your teacher reads and grades it.")
        elif answer is Ellipsis:
            result = CheckResult(q.id, 0, q.points, f"… {q.id}: not answered yet. Replace the ... with {q.kind}.")
            self.answered.discard(q.id)
        elif self.answers is None or q.id not in self.answers:
            known = ", ".join(p.name for p in self.expected.pairs)
            result = CheckResult(q.id, 0, q.points, f"· {q.id}: not checked: check() knows the answers for these "
                                                    f"texts only: {known}. Your answer still counts when your "
                                                    "notebook is graded.")
        else:
            problem = compare(self.answers[q.id], answer, order=q.order, tolerance=q.tolerance)
            if problem is not None:
                result = CheckResult(q.id, 0, q.points, f"✗ {q.id}: {problem} Hint: {q.hint}")
            elif literal_assignment(_running_cell(), q.id):
                result = CheckResult(q.id, 0, q.points, f"· {q.id}: right on these texts, but typed in: a value "
                                                        "written into the cell stays the same on the texts the "
                                                        "grader uses, so it earns nothing there. Compute it from "
                                                        "a and b.")
            else:
                result = CheckResult(q.id, q.points, q.points, f"✓ {q.id}: right on these texts, {q.points}/"
                                                               f"{q.points} {unit}. {_REHEARSE}")
        if answer is not Ellipsis and not q.manual:
            self.answered.add(q.id)
        self.results[q.id] = result
        return result

    def summary(self) -> Summary:
        """Points so far, question by question, and the points that only the grader and the teacher give."""
        qs = list(self.questions.values())
        return Summary(self.assignment, [
            self.results.get(q.id) or CheckResult(q.id, 0, q.points, "not checked yet")
            for q in qs if not q.hidden and not q.manual
        ], sum(q.points for q in qs if q.hidden), sum(q.points for q in qs if q.manual))

    def rehearse(self, *, no_sandbox: bool = False, notebook: str | os.PathLike | None = None):
        """Grade this notebook as ``kit grade`` will, and show the feedback table the teacher's page will show.

        It runs, in the grader's sandbox and with the grader's own code, the cells
        run so far in this kernel, in the order they ran (or the saved
        ``notebook`` file, top to bottom, as the grader reads it), on your texts
        and then on the practice pair, and judges the answers against the ones
        this exercise carries. Hidden tests and written answers are listed with
        their points, to come from the grader and the teacher.

        Where the sandbox cannot start, it stops and says why; ``no_sandbox=True``
        runs without it (your own code, as you).
        """
        if grading():  # inside the grader's own run: nothing to rehearse
            return CheckResult("rehearse", 0, 0, "· rehearse: skipped while grading.")
        if self.expected is None:  # a teacher's solution: kit assign gives its exercises the answers
            return CheckResult("rehearse", 0, 0, "· rehearse: this notebook has no answers to rehearse against "
                               "(a teacher's solution). Its exercise, made by kit assign, rehearses.")
        if self.results and not self.answered and notebook is None:  # every check so far was a ...
            return CheckResult("rehearse", 0, 0, "· rehearse: nothing is answered yet. Answer a question, run its "
                               "cell, then rehearse.")
        from kit.grade.rehearse import rehearse

        return rehearse(self, sandbox=not no_sandbox, notebook=notebook)


class Summary(NamedTuple):
    """The points a notebook's checks gave so far: ``check.summary()``."""

    assignment: str
    results: list[CheckResult]
    hidden_points: int = 0
    """Points in hidden tests, which only the grader runs."""
    written_points: int = 0
    """Points for written answers, which the teacher grades."""

    @property
    def earned(self) -> int:
        return sum(r.earned for r in self.results)

    @property
    def points(self) -> int:
        return sum(r.points for r in self.results)

    @property
    def maximum(self) -> int:
        """Every point of the assignment: the grade's maximum."""
        return self.points + self.hidden_points + self.written_points

    def _still_to_come(self) -> str:
        parts = [f"{n} point{'s' if n != 1 else ''} in {what}" for n, what in (
            (self.hidden_points, "tests the grader adds"),
            (self.written_points, "written answers your teacher grades")) if n]
        return f", and {' and '.join(parts)}: {self.maximum} in all" if parts else ""

    def __repr__(self) -> str:
        lines = [f"{self.assignment}: {self.earned}/{self.points} points so far, right on these texts"
                 f"{self._still_to_come()}. The grader runs the notebook on texts you have not seen; "
                 "check.rehearse() grades it as the grader will."]
        lines += [f"  {'✓' if r.passed else '·'} {r.id:<28} {r.earned}/{r.points}" for r in self.results]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return message_html(repr(self))
