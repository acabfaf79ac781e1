"""What ``kit grade`` works with: its settings, its error, and the records of a grade and of a plan."""

from __future__ import annotations

import threading
from typing import Any, NamedTuple

from kit.checks import Question

__all__ = [
    "CANVAS_CSV",
    "CRASHED",
    "DEFAULT_CELL_TIMEOUT",
    "DEFAULT_TOTAL_TIMEOUT",
    "ERRORS",
    "FAILED",
    "GRADES_CSV",
    "Grade",
    "GradeError",
    "HiddenTest",
    "INVALID",
    "LMS_CHOICES",
    "OK",
    "OUTPUT_CAP",
    "QuestionGrade",
    "RunSummary",
    "SECOND_PAIR",
    "STATE_FILE",
    "TIMEOUT",
    "YOUR_TEXTS",
    "_HOLDOUT",
    "_Pair",
    "_Plan",
    "_SEVERITY",
    "_TIMEOUT_ENAME",
]


DEFAULT_CELL_TIMEOUT = 60.0
"""Seconds one cell may run before it is interrupted."""
DEFAULT_TOTAL_TIMEOUT = 300.0
"""Seconds one run of a notebook may take, kernel start-up not included."""
OUTPUT_CAP = 100_000
"""Characters of cell output the grader keeps per run; the rest is dropped."""

GRADES_CSV = "grades.csv"
STATE_FILE = "grade-state.json"
CANVAS_CSV = "gradebook-canvas.csv"
LMS_CHOICES = ("canvas",)

OK, ERRORS, TIMEOUT, CRASHED, INVALID, FAILED = "ok", "errors", "timeout", "crashed", "invalid", "failed"
_SEVERITY = {OK: 0, ERRORS: 1, TIMEOUT: 2, CRASHED: 3, FAILED: 4, INVALID: 5}

YOUR_TEXTS = "your texts"
SECOND_PAIR = "the grader's second pair"

_TIMEOUT_ENAME = "kit-grade:timeout"  # not a Python name, so no student exception can fake it
_HOLDOUT = ("a_riverside_water.txt", "b_riverside_water.txt")


class GradeError(ValueError):
    """The grading cannot start: the message names the problem and the fix."""


# --- records ---------------------------------------------------------------------------


class QuestionGrade(NamedTuple):
    """The grade of one question for one student."""

    id: str
    earned: int
    points: int
    hidden: bool
    problem: str
    """Empty when right; otherwise what was wrong, with the hint. Never the answer."""


class RunSummary(NamedTuple):
    """How one run of a notebook went."""

    texts: str
    """``"your texts"`` or ``"the grader's second pair"``."""
    completed: bool
    """True when every cell was run (some may have raised)."""
    problems: tuple[str, ...]
    """What went wrong, in words, cell by cell."""


class Grade(NamedTuple):
    """The grade of one student: a row of ``grades.csv``."""

    student: str
    """The submission's file name without ``.ipynb``."""
    points: dict[str, int]
    """Points earned per question id, in notebook order (hidden questions too)."""
    total: int
    max: int
    status: str
    """``ok``, ``errors`` (some cells raised), ``timeout``, ``crashed`` (the kernel
    died), ``invalid`` (not a notebook) or ``failed`` (the grader could not run it)."""
    reason: str
    """Why the status is not ``ok``, or notes worth knowing; empty when all went well."""
    questions: tuple[QuestionGrade, ...] = ()
    runs: tuple[RunSummary, ...] = ()
    source: str = ""
    """The submission file (empty for a row kept from an earlier, interrupted run)."""


class HiddenTest(NamedTuple):
    """One statement of a solution's hidden tests, as the grader runs it."""

    cell_id: str | None
    """The id of the solution cell it came from."""
    code: str
    sets: tuple[str, ...]
    """The variable names it assigns."""


class _Pair(NamedTuple):
    label: str
    a: str
    b: str
    expected: dict[str, Any]


class _Plan(NamedTuple):
    assignment: str
    questions: tuple[Question, ...]
    hidden: tuple[HiddenTest, ...]
    pairs: tuple[_Pair, ...]
    kernel: str
    cell_timeout: float
    total_timeout: float
    output_cap: int
    stop: threading.Event
