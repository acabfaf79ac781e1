"""Grading a batch of submitted notebooks: ``kit grade``.

A teacher collects the students' notebooks and runs::

    kit grade solutions/01_keyword_frequency.ipynb submissions/ --out grades/

The solution notebook is the assignment's only source (see :mod:`kit.solution`):
its question blocks say what is graded, and the expected answers are what the
solution computes. Before any student is graded, it runs once on each pair of
texts, in the same runner and sandbox as the submissions; a solution that fails
on a pair stops the batch with the reason.

Every submission runs twice, each time in a fresh Jupyter kernel in a sandbox
of its own, on a copy (the student's file is never changed):

1. on **the student's texts**: the texts named in the solution's ``parameters``
   cell, the ones the student worked with;
2. on **the grader's second pair**, which no student can have seen: by default
   made fresh for this batch from the first pair by a seeded transformation
   (:mod:`kit.grade.unseen`: people renamed, paragraphs dropped and moved,
   quotations altered and moved), or the teacher's own pair (``--texts A B``).
   An answer counts only when it is right on both runs, so an answer typed in
   by hand earns nothing (a value written out earns nothing even where it is
   the same on every pair, as a score on a lesson's own gold standard is).
   When the first run earns nothing, the second cannot
   change that and is skipped.

What the grader adds to the copy it runs
----------------------------------------
- **The texts.** Right after the cell that sets ``article_a`` and ``article_b``
  (tagged ``parameters`` or not), a cell sets them to the run's two text files.
  What the notebook then holds in ``a`` and ``b`` is recorded, so a notebook
  that loads other texts is told so, rather than accused of typing answers in.
- **Hidden tests.** For every solution cell holding a ``### BEGIN HIDDEN TESTS``
  block, the hidden code goes back in right after the submission's cell with the
  same cell id (after the last one, if the student duplicated it), or at the end
  of the notebook if the student deleted that cell. Each statement runs in a cell
  of its own, so one failing hidden test does not stop the next, and ``check(...)``
  calls are dropped (the grader checks answers itself).
- **An answer saver**, set up before the first student cell, which writes the
  answers to a file after every cell (see :mod:`kit.grade.run`). A kernel that
  crashes or hangs keeps every answer saved before.

Trust
-----
What each claim rests on is a test in ``tests/test_grade_attacks.py``, where
crafted notebooks try each attack in one batch with honest copies, which keep
full marks.

- **The sandbox** (:mod:`kit.grade.sandbox`, bubblewrap). Each kernel sees a
  read-only system, Python and ``kit``, and only its own run folder. The
  solutions, the grader's output, other runs and any home folder do not exist
  for it (and the kit holds no answers: there is no question bank); it has no network, a minimal environment, its own
  process namespace, and limits on memory (2 GiB of address space), processes
  and file size. When its run ends, every process it started ends too, detached
  ones included. So a notebook cannot read or run the solution, read the
  grader's environment, write into a classmate's run, or
  change ``grades.csv`` after the batch.
- **Answers are judged in the grader's process**, from plain JSON data that the
  saver wrote into the run's folder, in the one file the grader names (never
  through a link). The expected answers on the pairs it grades on never enter
  a student's kernel (the exercises carry answers only for the texts students
  practise on). An
  object whose ``__eq__`` always says True arrives as
  ``{"__unserializable__": "TypeName"}`` and earns nothing; what the notebook's
  own ``check`` printed is never read.
- **The second pair is new** for every batch, so answers prepared in advance,
  for the seeds or for any other texts, earn nothing. Its seed and its texts are
  in ``grade-state.json``: ``--seed N`` grades again exactly as before.
- **Feedback leaks nothing.** What a kernel reports (exception names and
  messages, type names) is cut to about 200 characters, and any line of a
  hidden test found in it is replaced (:mod:`kit.grade.redact`); CSV cells that
  a spreadsheet would run as a formula are escaped.

What it does not stop: the student's code and the answer saver share one
Python, so a student can replace what is saved, and a student's function that a
hidden test calls can read the hidden test's code. Neither helps: every answer
is judged against texts the student never saw, so a student who computes the
right answers by any code of their own passes, which is the point. A hidden
test's code can leave through the feedback disguised (say, reversed), so hidden
tests check behaviour and should not hold secrets. Without ``--no-sandbox``,
none of the rest holds: the students' code then runs as the teacher.

Robustness
----------
A cell that raises does not stop the notebook (nbclient's ``allow_errors``). A
cell that runs longer than ``--cell-timeout`` is interrupted and the notebook
goes on; a cell that ignores the interrupt, a notebook that runs longer than
``--total-timeout``, and a kernel that dies (``os._exit``, ``exit()``, out of
memory) end that run, keeping the answers saved so far, and the feedback names
the cell. Output is counted, never kept. A file that is not a notebook, not
valid JSON, or a symbolic link is listed with the reason; an old (version 3)
notebook is converted. Every student gets a row, a ``status`` and a ``reason``;
the batch always finishes. Work folders of a batch that was killed are removed
at the next start (:mod:`kit.grade.folders`).

What is written into ``--out DIR``
----------------------------------
- ``grades.csv``: ``student`` (from the folder or the LMS's file name, else the
  file name; see :mod:`kit.grade.submissions`), one column per question (hidden
  ones too; a written answer's is empty until the teacher's points are
  merged), ``total``, ``max``, ``status``, ``reason``. Rows are appended and
  flushed as each student finishes.
- ``feedback/<student>.html``: each question with its points and, when wrong,
  what kind of mistake it was, the hint, and which run failed: an answer right
  on the student's texts but not on the second pair is "typed in" only when its
  cell assigns a value written out (``q1 = 395``), else "your code gives a
  different answer on other texts". Cells are named by their question and
  first line, never by a number (JupyterLab shows none). Hidden tests are
  named, never shown. Every page says whether the sandbox was on. The table is
  the one ``check.rehearse()`` shows in the notebook
  (:func:`kit.grade.report.feedback_table`).
- ``summary.png``: a histogram of totals and the mean points per question.
- ``records/<student>.json``: each grade as data, so that written answers can
  be merged later without running anything (:mod:`kit.grade.written`). When
  the grader itself could not run a notebook (status ``failed``), the run's
  ``grader_error`` there holds the whole traceback; the feedback page and
  ``grades.csv`` give only the error's first 200 characters.
- ``written/<question>.html`` and ``written/points.csv``, when the assignment
  has written answers: the class's answers on one anonymous page per question,
  beside the rubric, and a CSV for the teacher's points, which
  ``kit grade --merge-written`` merges.
- ``grade-state.json``: the run's settings, the sandbox (on, and its tool and
  limits; or off, and why), the seed and both pairs of texts; ``"finished"``
  is filled in at the very end. With ``--lms canvas``, also
  ``gradebook-canvas.csv`` (see :func:`write_canvas_gradebook`).

Running again into the same folder: if the last run **finished**, its
``grades.csv`` is kept as ``grades-YYYYMMDD-HHMMSS.csv`` (the time it was last
written) and everyone is graded afresh. If it did **not** finish (the state file
has no ``"finished"`` time, because it was killed), the run **resumes**, with the
same second pair: the students already in ``grades.csv`` are kept and not graded
again (``--no-resume`` starts over, keeping the partial file as a timestamped copy).

Where the code is
-----------------
- :mod:`kit.grade.records`: settings, :class:`GradeError`, and the records.
- :mod:`kit.grade.sandbox`: bubblewrap, and what each kernel may see and use.
- :mod:`kit.grade.unseen`: the second pair of texts, made fresh per batch.
- :mod:`kit.grade.plan`: the solution, its texts and hidden tests, and the
  expected answers on both pairs, from running it (:class:`Solution`).
- :mod:`kit.grade.notebook`: reading a submission, and the notebook built from it.
- :mod:`kit.grade.run`: :func:`run_pairs`, a submission's runs in one kernel (and :func:`run_notebook`,
  one run in a kernel of its own).
- :mod:`kit.grade.judge`: comparing the saved answers, into a :class:`Grade`
  (:func:`prepare`, :func:`worth_another_run` and :func:`judge_runs` are the
  steps a local batch and a Dask batch share).
- :mod:`kit.grade.rehearse`: ``check.rehearse()``, the same pipeline in the
  student's notebook, on the practice pair.
- :mod:`kit.grade.redact`: capping and scrubbing what reaches feedback and CSV.
- :mod:`kit.grade.report`: ``grades.csv`` (and resuming), feedback pages,
  ``summary.png``, the Canvas gradebook.
- :mod:`kit.grade.folders`: the batch's work folder, and stale ones.
- :mod:`kit.grade.submissions`: whose each submitted notebook is (folders,
  Canvas, Moodle, nbgrader), and every file not graded, with why.
- :mod:`kit.grade.written`: written answers' review pages, and the merge of
  the teacher's points.
- :mod:`kit.grade.batch`: :func:`grade`, the whole batch in parallel.
- :mod:`kit.grade.cli`: the ``kit grade`` command (:func:`add_parser`).
"""

from __future__ import annotations

from kit.checks import fingerprint
from kit.grade.batch import default_workers, grade, run_settings
from kit.grade.cli import add_parser
from kit.grade.folders import batch_folder, remove_stale
from kit.grade.judge import (
    Prepared,
    grade_one,
    grade_prepared,
    grade_runs,
    judge_question,
    judge_runs,
    prepare,
    prepare_cells,
    worth_another_run,
)
from kit.grade.notebook import Cell, build_notebook, read_submission, typed_in
from kit.grade.plan import (
    Solution,
    find_solution,
    hidden_tests,
    make_plan,
    second_pair,
    solution_answers,
    solution_texts,
)
from kit.grade.records import (
    DEFAULT_CELL_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    SECOND_PAIR,
    YOUR_TEXTS,
    Grade,
    GradeError,
    HiddenTest,
    Plan,
    QuestionGrade,
    RunSettings,
    RunSummary,
    Text,
    TextPair,
)
from kit.grade.redact import csv_escape, redact
from kit.grade.rehearse import Rehearsal, RehearsalError, rehearse
from kit.grade.report import feedback_html, feedback_table, summary_figure, write_canvas_gradebook, write_summary
from kit.grade.run import run_notebook, run_pairs
from kit.grade.sandbox import Limits, Sandbox, SandboxUnavailable, check_sandbox, find_sandbox
from kit.grade.submissions import Found, Skipped, Submission, find_submissions
from kit.grade.unseen import unseen_pair
from kit.grade.written import Merged, WrittenAnswer, WrittenError, merge_written

__all__ = [
    "Cell",
    "DEFAULT_CELL_TIMEOUT",
    "DEFAULT_TOTAL_TIMEOUT",
    "Found",
    "Grade",
    "GradeError",
    "HiddenTest",
    "Limits",
    "Merged",
    "Plan",
    "Prepared",
    "QuestionGrade",
    "Rehearsal",
    "RehearsalError",
    "RunSettings",
    "RunSummary",
    "SECOND_PAIR",
    "Sandbox",
    "SandboxUnavailable",
    "Skipped",
    "Solution",
    "Submission",
    "Text",
    "TextPair",
    "WrittenAnswer",
    "WrittenError",
    "YOUR_TEXTS",
    "add_parser",
    "batch_folder",
    "build_notebook",
    "check_sandbox",
    "csv_escape",
    "default_workers",
    "feedback_html",
    "feedback_table",
    "find_sandbox",
    "find_solution",
    "find_submissions",
    "fingerprint",
    "grade",
    "grade_one",
    "grade_prepared",
    "grade_runs",
    "hidden_tests",
    "judge_question",
    "judge_runs",
    "make_plan",
    "merge_written",
    "prepare",
    "prepare_cells",
    "read_submission",
    "redact",
    "rehearse",
    "remove_stale",
    "run_notebook",
    "run_pairs",
    "run_settings",
    "second_pair",
    "solution_answers",
    "solution_texts",
    "summary_figure",
    "typed_in",
    "unseen_pair",
    "worth_another_run",
    "write_canvas_gradebook",
    "write_summary",
]
