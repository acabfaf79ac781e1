"""Practice grading, in the student's notebook: ``check.rehearse()``.

One line at the end of a graded notebook, ``check.rehearse()``, grades it the
way ``kit grade`` will, with the grader's own code: the same builder
(:func:`kit.grade.build_notebook`), the same runner in the same sandbox
(:func:`kit.grade.run_notebook`, bubblewrap), the same judge
(:func:`kit.grade.judge.grade_runs`), and the same feedback table
(:func:`kit.grade.report.feedback_table`) that the teacher's feedback page
shows. What differs is only what the grader keeps to itself:

- the **texts**: the notebook's own pair, then the Riverside practice pair
  (``kit/data/practice``) in place of the grader's second pair, which is made
  fresh for each batch and which no one sees before;
- the **expected answers**: those the exercise carries for both pairs (what
  the teacher's solution computed on them), not the grader's;
- **hidden tests and written answers**: the exercise does not carry the hidden
  tests, and the teacher grades written answers, so both are listed with their
  points, as still to come, never as wrong.

Which cells it runs
-------------------
The cells run so far in this kernel, in the order they ran: IPython's own
record of its input (``history_manager.input_hist_raw``, what ``In`` shows),
less the cell that calls ``rehearse``. That record is what made the variables
the student sees, it exists in every IPython kernel (JupyterLab, Notebook, VS
Code, papermill), and it needs neither the notebook's path, which a kernel is
not reliably told, nor a saved file: JupyterLab saves on a timer, so the file
on disk can lag behind the screen. After *Kernel > Restart Kernel and Run All
Cells*, the record is the notebook from top to bottom, which is exactly what the
grader runs. ``check.rehearse(notebook="01_keyword_frequency.ipynb")`` reads
the saved file instead, as the grader reads a submission.

The sandbox
-----------
As with ``kit grade``: if bubblewrap cannot start here, ``rehearse`` stops and
says why (:class:`RehearsalError`); ``check.rehearse(no_sandbox=True)`` runs
without it, as the student's own code already runs in their notebook.
"""

from __future__ import annotations

import html
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from kit.checks import Answers, Expected, fingerprint
from kit.grade.folders import batch_folder
from kit.grade.judge import grade_prepared, prepare_cells
from kit.grade.notebook import Cell, read_submission
from kit.grade.records import YOUR_TEXTS, Grade, GradeError, Plan, RunSettings, Text, TextPair
from kit.grade.report import feedback_runs, feedback_table, feedback_total, pending_note
from kit.style import MUTED

__all__ = ["PRACTICE_PAIR", "Rehearsal", "RehearsalError", "history_cells", "rehearsal_plan", "rehearse"]

PRACTICE_PAIR = "the practice pair"
"""What the rehearsal calls the pair it runs in place of the grader's second pair."""


class RehearsalError(GradeError):
    """The rehearsal cannot run: the message says why and what to do."""


class Rehearsal(NamedTuple):
    """What ``check.rehearse()`` found: the grade ``kit grade`` would give on these pairs, shown as its table."""

    grade: Grade
    assignment: str
    sandbox: bool
    """Whether the runs were in the grader's sandbox."""

    def _repr_html_(self) -> str:
        g = self.grade
        pairs = " and ".join(run.texts for run in g.runs) or "no texts"
        box = "in the grader's sandbox" if self.sandbox else "WITHOUT the sandbox (no_sandbox=True)"
        return (f'<div class="kit-rehearsal">'
                f"<p><strong>Rehearsal of {html.escape(self.assignment)}</strong>: your notebook, graded by "
                f"<code>kit grade</code>'s own code {box}, on {html.escape(pairs)}.</p>"
                f"{feedback_total(g)}{feedback_table(g)}"
                f"<details><summary>Running your notebook</summary>{feedback_runs(g)}</details>"
                f'<p style="{MUTED}">The grader does the same with a second pair of texts made fresh for each '
                "batch, and runs its hidden tests; your teacher grades written answers. It runs your saved notebook "
                "from top to bottom: for the same result here, use Kernel &gt; Restart Kernel and Run All Cells."
                "</p></div>")

    def __repr__(self) -> str:
        g = self.grade
        waiting = pending_note(g)
        lines = [f"Rehearsal of {self.assignment}: {g.total} of {g.max} points"
                 + (f"; not counted yet: {waiting}" if waiting else "") + "."]
        for q in g.questions:
            mark = "·" if q.pending else "✓" if not q.problem else "✗"
            points = f"-/{q.points}" if q.pending else f"{q.earned}/{q.points}"
            lines.append(f"  {mark} {q.id:<28} {points:>6}  {q.problem}".rstrip())
        return "\n".join(lines)


def history_cells(shell: Any = None) -> list[Cell]:
    """The cells this IPython kernel has run, in order, without the one running now (which calls rehearse)."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            get_ipython = lambda: None  # noqa: E731
        shell = get_ipython()
    if shell is None:
        raise RehearsalError("check.rehearse() rehearses the cells run in a Jupyter notebook, and this is not one. "
                             "Call it in the notebook's last cell, or pass notebook='NAME.ipynb' to rehearse a "
                             "saved notebook.")
    inputs = list(shell.history_manager.input_hist_raw)[1:-1]  # In[0] is empty; the last is this very cell
    return [Cell("code", source, (), None, n) for n, source in enumerate(inputs, 1) if source.strip()]


def _answers_for(expected: Expected, pair: tuple[Text, Text]) -> Answers | None:
    key = (fingerprint(pair[0].text), fingerprint(pair[1].text))
    return next((p for p in expected.pairs if (p.a, p.b) == key), None)


def rehearsal_plan(expected: Expected, own: tuple[Text, Text], settings: RunSettings) -> Plan:
    """The plan of a rehearsal: the notebook's own pair (when the exercise has its answers), then the practice
    pair, with the answers the exercise carries for each; no hidden tests."""
    from kit.assign import practice_pair

    practice = tuple(Text(p.stem, p.read_text(encoding="utf-8")) for p in practice_pair())
    practice_answers = _answers_for(expected, practice)  # type: ignore[arg-type]
    if practice_answers is None:
        raise RehearsalError(f"This exercise carries no answers for the practice pair, so there is nothing to "
                             f"rehearse against. Ask your teacher for an exercise made by kit assign.")
    pairs, answers = [], []
    own_answers = _answers_for(expected, own)
    if own_answers is not None and own_answers != practice_answers:
        pairs.append(TextPair(YOUR_TEXTS, *own))
        answers.append(own_answers.answers)
    pairs.append(TextPair(PRACTICE_PAIR, *practice))
    answers.append(practice_answers.answers)
    return Plan(expected.assignment, expected.questions, (), tuple(pairs), tuple(answers), settings, None,
                threading.Event())


def _settings(sandbox: bool) -> RunSettings:
    from kit.grade.batch import run_settings

    try:
        return run_settings(sandbox=sandbox)
    except GradeError as err:
        raise RehearsalError(f"check.rehearse() runs your notebook in the grader's sandbox, which cannot start "
                             f"here: {err} To rehearse without the sandbox, call check.rehearse(no_sandbox=True): "
                             "your notebook's code then runs as you, as it already does in this notebook.") from None


def rehearse(checker: Any, *, sandbox: bool = True, notebook: str | Path | None = None,
             cells: list[Cell] | None = None) -> Rehearsal:
    """Grade a notebook as ``kit grade`` would, on its texts and the practice pair (see the module's doc).

    ``checker`` is the notebook's :class:`kit.checks.Checker`. The cells are, in
    this order of preference: ``cells``, the saved ``notebook``, or the ones
    this kernel has run (:func:`history_cells`).
    """
    expected: Expected | None = checker.expected
    if expected is None:
        raise RehearsalError(f"There are no answers for {checker.assignment} to rehearse against: this is not an "
                             "exercise made by kit assign (a teacher's solution has none), or its first cell, which "
                             "holds them, has not run. Run the notebook from the top.")
    if cells is not None:
        notes: list[str] = []
    elif notebook is not None:
        read, notes = read_submission(Path(notebook))
        if read is None:
            raise RehearsalError(f"Cannot rehearse {notebook}: {notes[0]}")
        cells = read
    else:
        cells, notes = history_cells(), []
    own = tuple(Text(name, text) for name, text in checker.texts)
    settings = _settings(sandbox)
    plan = rehearsal_plan(expected, own, settings)  # type: ignore[arg-type]
    prepared = prepare_cells("you", notebook or "this notebook", cells, notes, plan)
    print(f"Rehearsing {expected.assignment}: running the notebook on "
          f"{' and '.join(p.label for p in plan.pairs)}, {'in the sandbox' if sandbox else 'WITHOUT the sandbox'}"
          "…", flush=True)
    with batch_folder() as folder, ThreadPoolExecutor(1, thread_name_prefix="kit-rehearse") as pool:
        # In a thread: the kernel's own event loop runs in this one, and the runner starts a loop of its own.
        grade = pool.submit(grade_prepared, prepared, plan, folder / "rehearsal").result()
    return Rehearsal(grade, expected.assignment, settings.sandbox is not None)
