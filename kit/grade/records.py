"""What ``kit grade`` works with: its settings, its error, and the records of texts, runs and grades."""

from __future__ import annotations

import sys
import threading
from typing import Any, NamedTuple

from kit.checks import Question
from kit.grade.sandbox import Sandbox
from kit.solution import AnswerCell

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
    "PENDING_HIDDEN",
    "PENDING_WRITTEN",
    "Plan",
    "QuestionGrade",
    "RunSettings",
    "RunSummary",
    "SECOND_PAIR",
    "SEVERITY",
    "STATE_FILE",
    "TIMEOUT",
    "Text",
    "TextPair",
    "YOUR_TEXTS",
]


DEFAULT_CELL_TIMEOUT = 60.0
"""Seconds one cell may run before it is interrupted."""
DEFAULT_TOTAL_TIMEOUT = 300.0
"""Seconds one run of a notebook may take, kernel start-up not included."""
OUTPUT_CAP = 100_000
"""Characters of cell output a run may print before the grader notes that it was cut."""

GRADES_CSV = "grades.csv"
STATE_FILE = "grade-state.json"
CANVAS_CSV = "gradebook-canvas.csv"
LMS_CHOICES = ("canvas",)

OK, ERRORS, TIMEOUT, CRASHED, INVALID, FAILED = "ok", "errors", "timeout", "crashed", "invalid", "failed"
SEVERITY = {OK: 0, ERRORS: 1, TIMEOUT: 2, CRASHED: 3, FAILED: 4, INVALID: 5}
"""Statuses from least to most serious: a grade takes the worst of its runs."""

PENDING_HIDDEN = ("a hidden test: only the grader runs it, on your functions and on texts you have not seen, "
                  "so it is not tried here.")
"""What a rehearsal says of a hidden test, which the exercise does not carry."""
PENDING_WRITTEN = "a written answer: your teacher reads and grades it."
"""What the feedback says of a written answer the teacher has not graded yet."""

YOUR_TEXTS = "your texts"
SECOND_PAIR = "the grader's second pair"


class GradeError(ValueError):
    """The grading cannot start: the message names the problem and the fix."""


# --- texts and runs ------------------------------------------------------------------------


class Text(NamedTuple):
    """One text as a run gets it: the kernel reads it from ``<name>.txt`` in its run folder."""

    name: str
    """The file name without ``.txt``, which becomes ``Article.name``."""
    text: str


class TextPair(NamedTuple):
    """The two texts of one run, and what the feedback calls them."""

    label: str
    """``"your texts"`` or ``"the grader's second pair"``."""
    a: Text
    b: Text


class RunSettings(NamedTuple):
    """How every run of a batch is run: limits, and the sandbox (None: ``--no-sandbox``)."""

    cell_timeout: float = DEFAULT_CELL_TIMEOUT
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT
    output_cap: int = OUTPUT_CAP
    sandbox: Sandbox | None = None
    python: str = sys.executable
    """The Python that runs the kernels: the grader's own, which has the kit installed."""


class RunSummary(NamedTuple):
    """How one run of a notebook went: what :func:`kit.grade.run_notebook` reports."""

    texts: str
    """The :attr:`TextPair.label` of the run."""
    completed: bool
    """True when every cell was run (some may have raised)."""
    problems: tuple[str, ...]
    """What went wrong, in words, cell by cell; capped, with hidden-test code removed."""
    kinds: tuple[str, ...] = ()
    """The kinds of those problems: ``error``, ``timeout``, ``total``, ``stuck``,
    ``crash``, ``failed``."""
    hidden_errors: dict[str, str] = {}
    """For each hidden question whose test raised: the exception's name."""
    loaded: dict[str, tuple[str, ...]] = {}
    """Fingerprints (:func:`kit.grade.fingerprint`) of the texts the notebook held
    as ``a`` and ``b`` after the grader set its texts, to tell a notebook that
    read other texts from one that typed its answers in."""
    seconds: float = 0.0
    grader_error: str = ""
    """When the grader itself failed on the run (kind ``failed``): its whole
    traceback, for the teacher. Kept in ``records/``, never on a feedback page
    nor in ``grades.csv``, whose reason says only the error's first 200 characters."""


# --- grades ----------------------------------------------------------------------------


class QuestionGrade(NamedTuple):
    """The grade of one question for one student."""

    id: str
    earned: int
    points: int
    hidden: bool
    problem: str
    """Empty when right; otherwise what was wrong, with the hint. Never the answer. For a
    :attr:`pending` question: who grades it, and when; for a graded written answer: the teacher's comment."""
    pending: bool = False
    """Not graded here: a written answer the teacher has not graded yet, or, in a rehearsal, a hidden test
    that only the grader runs. It counts 0 until then; the feedback says so, and does not call it wrong."""
    manual: bool = False
    """A written answer, graded by the teacher (see :mod:`kit.grade.written`)."""


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
    question: str | None = None
    """The question whose answer cell it follows in the solution (for feedback: students see no cell ids)."""


class Plan(NamedTuple):
    """Everything a batch needs to run and judge every submission, made once before the first."""

    assignment: str
    questions: tuple[Question, ...]
    hidden: tuple[HiddenTest, ...]
    pairs: tuple[TextPair, ...]
    """The student's texts, then the grader's second pair."""
    expected: tuple[dict[str, Any], ...]
    """The expected answers on each pair, as plain data: what the solution computed, in a kernel of its own."""
    settings: RunSettings
    seed: int | None
    """The seed that made the second pair, or None when the teacher gave it (``--texts``)."""
    stop: threading.Event
    """Set when the teacher stops the batch: runs end at their next cell."""
    written: tuple[AnswerCell, ...] = ()
    """The answer cell of each written answer (``manual: true``), with its model answer, for the review pages."""
