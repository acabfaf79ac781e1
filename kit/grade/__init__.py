"""Grading a batch of submitted notebooks: ``kit grade``.

A teacher collects the students' notebooks and runs::

    kit grade keyword_frequency submissions/ --out grades/

Every notebook runs twice, each time in a fresh Jupyter kernel, on a temporary
copy (the student's file is never changed):

1. on **the student's texts**: the texts named in the solution's ``parameters``
   cell, the ones the student worked with;
2. on **the grader's second pair**, texts the student never saw (by default the
   invented Riverside pair shipped in ``kit/data/holdout/``; ``--texts A B``
   names another). An answer counts only when it is right on both runs, so an
   answer typed in by hand earns nothing. When the first run earns nothing,
   the second cannot change that and is skipped.

What the grader adds to the copy it runs
----------------------------------------
- **Hidden tests.** For every solution cell holding a ``### BEGIN HIDDEN TESTS``
  block, the hidden code goes back in right after the submission's cell with the
  same cell id (after the last one, if the student duplicated it), or at the end
  of the notebook if the student deleted that cell. Each statement runs in a cell
  of its own, so one failing hidden test does not stop the next, and ``check(...)``
  calls are dropped (the grader checks answers itself).
- **Collectors.** After every code cell, a small self-contained cell saves the
  values of the question variables (``q1_word_count``, ...) as JSON into the
  temporary folder, atomically (written aside, then renamed). It imports nothing
  from ``kit`` and resolves builtins in a namespace of its own, so neither a
  redefined ``check``, a patched ``kit``, nor a variable called ``list`` changes
  what it saves. A kernel that crashes or hangs keeps every answer saved before.

Trust
-----
Answers are judged in the grader's own process: the expected answers are
computed there (:meth:`kit.checks.Checker.expected`) and compared with
:func:`kit.checks.compare` to the JSON saved from the student's kernel. The
kernel only ever hands over plain data (lists, dicts, strings, numbers), so an
object whose ``__eq__`` always says True arrives as
``{"__unserializable__": "TypeName"}`` and earns nothing, and what the notebook's
own ``check`` printed is never read.

Robustness
----------
A cell that raises does not stop the notebook (nbclient's ``allow_errors``). A
cell that runs longer than ``--cell-timeout`` is interrupted and the notebook
goes on; a cell that ignores the interrupt, a notebook that runs longer than
``--total-timeout``, and a kernel that dies (``os._exit``) end that run, keeping
the answers saved so far. Output is capped. A file that is not a notebook, or
not valid JSON, is listed with the reason. Every student gets a row, a
``status`` and a ``reason``; the batch always finishes.

What is written into ``--out DIR``
----------------------------------
- ``grades.csv``: ``student`` (the file name without ``.ipynb``), one column per
  question (hidden ones too), ``total``, ``max``, ``status``, ``reason``. Rows
  are appended and flushed as each student finishes.
- ``feedback/<student>.html``: each question with its points and, when wrong,
  what kind of mistake it was, the hint, and which run failed. Hidden tests are
  named, never shown.
- ``summary.png``: a histogram of totals and the mean points per question.
- ``grade-state.json``: the run's settings; ``"finished"`` is filled in at the
  very end. With ``--lms canvas``, also ``gradebook-canvas.csv`` (see
  :func:`write_canvas_gradebook`).

Running again into the same folder: if the last run **finished**, its
``grades.csv`` is kept as ``grades-YYYYMMDD-HHMMSS.csv`` (the time it was last
written) and everyone is graded afresh. If it did **not** finish (the state file
has no ``"finished"`` time, because it was killed), the run **resumes**: the
students already in ``grades.csv`` are kept and not graded again
(``--no-resume`` starts over, keeping the partial file as a timestamped copy).

Where the code is
-----------------
- :mod:`kit.grade.records`: settings, :class:`GradeError`, and the records
  (:class:`Grade`, :class:`QuestionGrade`, :class:`RunSummary`, :class:`HiddenTest`).
- :mod:`kit.grade.plan`: finding the solution, its parameters and hidden tests,
  and the expected answers on both pairs of texts.
- :mod:`kit.grade.notebook`: reading a submission, and the notebook built from
  it with hidden tests and collectors.
- :mod:`kit.grade.run`: running that notebook once (the papermill engine).
- :mod:`kit.grade.judge`: comparing the saved answers, into a :class:`Grade`.
- :mod:`kit.grade.report`: ``grades.csv`` (and resuming), feedback pages,
  ``summary.png``, the Canvas gradebook.
- :mod:`kit.grade.batch`: :func:`grade`, the whole batch in parallel.
- :mod:`kit.grade.cli`: the ``kit grade`` command (:func:`add_parser`).
"""

from __future__ import annotations

from kit.grade.batch import _default_workers, grade
from kit.grade.cli import add_parser
from kit.grade.notebook import _build_notebook, _collector_source, _read_submission
from kit.grade.plan import _make_plan, find_solution, hidden_tests, holdout_texts
from kit.grade.records import (
    DEFAULT_CELL_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    Grade,
    GradeError,
    HiddenTest,
    QuestionGrade,
    RunSummary,
)
from kit.grade.report import feedback_html, write_canvas_gradebook, write_summary
from kit.grade.run import _engine

# The private names above are imported by the tests and benchmarks/bench_grade.py.
__all__ = [
    "DEFAULT_CELL_TIMEOUT",
    "DEFAULT_TOTAL_TIMEOUT",
    "Grade",
    "GradeError",
    "HiddenTest",
    "QuestionGrade",
    "RunSummary",
    "add_parser",
    "feedback_html",
    "find_solution",
    "grade",
    "hidden_tests",
    "holdout_texts",
    "write_canvas_gradebook",
    "write_summary",
]
