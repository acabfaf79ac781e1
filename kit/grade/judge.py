"""Judging one submission: its saved answers against the expected ones, on both pairs of texts, into a ``Grade``.

Everything here runs in the grader's own process: the expected answers never
leave it, and the kernel only ever handed over plain data.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import nbformat

from kit.checks import Question, compare, fingerprint
from kit.grade.notebook import Cell, build_notebook, read_submission, typed_in
from kit.grade.records import (
    CRASHED,
    ERRORS,
    FAILED,
    INVALID,
    OK,
    PENDING_HIDDEN,
    PENDING_WRITTEN,
    SEVERITY,
    TIMEOUT,
    Grade,
    Plan,
    QuestionGrade,
    RunSummary,
    TextPair,
)
from kit.grade.redact import redact
from kit.grade.run import run_pairs

__all__ = [
    "PENDING_HIDDEN",
    "PENDING_WRITTEN",
    "Prepared",
    "grade_one",
    "grade_prepared",
    "grade_runs",
    "invalid",
    "judge_question",
    "judge_runs",
    "prepare",
    "prepare_cells",
    "read_other_texts",
    "worth_another_run",
]

_STATUS = {"error": ERRORS, "timeout": TIMEOUT, "total": TIMEOUT, "stuck": TIMEOUT, "crash": CRASHED, "failed": FAILED}


def _marker(value: Any) -> str | None:
    """The type named in the first unserializable marker inside ``value``, if any."""
    if isinstance(value, dict):
        if set(value) == {"__unserializable__"}:
            return str(value["__unserializable__"])
        items: Iterable[Any] = value.values()
    elif isinstance(value, list):
        items = value
    else:
        return None
    for item in items:
        found = _marker(item)
        if found:
            return found
    return None


def read_other_texts(pair: TextPair, run: RunSummary) -> list[str]:
    """Which of ``a`` and ``b`` the notebook held other texts in than the run gave it."""
    wanted = {"a": fingerprint(pair.a.text), "b": fingerprint(pair.b.text)}
    return [k for k, seen in run.loaded.items() if seen and wanted.get(k) not in seen]


def judge_question(q: Question, expected: Any, saved: dict[str, Any], run: RunSummary, secrets: Sequence[str] = ()) -> str | None:
    """None when right, else what is wrong (for hidden questions, nothing of the test itself)."""
    if q.id not in saved:
        if q.hidden:
            ename = run.hidden_errors.get(q.id)
            return f"the hidden test raised {ename} when it ran your code." if ename else "the hidden test could not run."
        if not run.completed:
            return f"not answered: there is no variable {q.id}; the notebook stopped before the end, perhaps before it."
        return f"not answered: there is no variable {q.id} (was its cell deleted, or did it raise an error?)."
    value = saved[q.id]
    if value == {"__unanswered__": True}:
        return f"not answered yet: replace the ... with {q.kind}."
    refused = _marker(value)
    if refused:
        return (f"wrong type: answers must be plain data (lists, dicts, strings, numbers), "
                f"not {redact(refused, secrets, 60)}.")
    problem = compare(expected, value, order=q.order, tolerance=q.tolerance)
    if problem is not None and q.hidden:
        return "not right."
    return problem


def _second_run_problem(q: Question, wrong: str, label: str, other: list[str], typed: Collection[str]) -> str:
    """What was wrong with an answer that was right on the student's texts but not on the pair ``label``."""
    if other:
        return (f"right on your texts, but not checked on other texts ({label}): your notebook did not work on the "
                "texts the grader gave it (see below). Hint: set article_a and article_b only in the parameters "
                "cell, and load a and b from them.")
    if q.hidden:
        return (f"right on your texts, but not on other texts ({label}): your code must work on any text, not only "
                f"on yours. Hint: {q.hint}")
    if q.id in typed:
        return (f"right on your texts, but typed in: {q.id} is set to a value written into its cell, so it cannot "
                f"change on other texts ({label}). Compute it from a and b. Hint: {q.hint}")
    return f"right on your texts, but your code gives a different answer on other texts ({label}): {wrong} Hint: {q.hint}"


def grade_runs(student: str, source: Path | str, plan: Plan, results: list[tuple[dict[str, Any], RunSummary]],
               notes: list[str], typed: Collection[str] = ()) -> Grade:
    """The grade from the runs made so far (the second is skipped when nothing was right on the first).

    ``typed`` are the questions whose answer the notebook types in (:func:`kit.grade.notebook.typed_in`): only
    for those does the feedback say so.
    """
    secrets = [t.code for t in plan.hidden]
    tested = {name for t in plan.hidden for name in t.sets}
    other = {run.texts: read_other_texts(pair, run) for (_, run), pair in zip(results, plan.pairs)}
    graded = []
    for q in plan.questions:
        if q.manual:  # a written answer: the teacher grades it (kit.grade.written)
            graded.append(QuestionGrade(q.id, 0, q.points, False, PENDING_WRITTEN, pending=True, manual=True))
            continue
        if q.hidden and q.id not in tested:  # a rehearsal: the exercise does not carry the hidden tests
            graded.append(QuestionGrade(q.id, 0, q.points, True, PENDING_HIDDEN, pending=True))
            continue
        problem = ""
        for n, ((saved, run), pair, expected) in enumerate(zip(results, plan.pairs, plan.expected)):
            wrong = judge_question(q, expected.get(q.id), saved, run, secrets)
            if wrong is None:
                continue
            problem = f"{wrong} Hint: {q.hint}" if n == 0 else \
                _second_run_problem(q, wrong, pair.label, other[pair.label], typed)
            break
        if not problem and q.id in typed:
            # Right on every pair, yet typed in: an answer that is the same on any texts (a score on the
            # lesson's own gold standard). The instant check already says a typed-in value earns nothing.
            problem = (f"typed in: {q.id} is set to a value written into its cell. This answer is the same on "
                       f"every pair of texts, so only code that computes it counts. Hint: {q.hint}")
        graded.append(QuestionGrade(q.id, 0 if problem else q.points, q.points, q.hidden, problem))
    runs = tuple(results[i][1] for i in range(len(results)))
    for label, names in other.items():
        if names:
            notes = notes + [f"on {label}, the notebook's {' and '.join(names)} held other texts than the ones the "
                             "grader gave it (article_a and article_b)."]
    status = OK
    for run in runs:
        for kind in run.kinds:
            status = max(status, _STATUS[kind], key=SEVERITY.__getitem__)
    return Grade(student, {g.id: g.earned for g in graded}, sum(g.earned for g in graded),
                 sum(g.points for g in graded), status, _reason(runs, notes), tuple(graded), runs, str(source))


def _reason(runs: Sequence[RunSummary], notes: Sequence[str]) -> str:
    seen: dict[str, list[str]] = {}
    for run in runs:
        for problem in run.problems:
            seen.setdefault(problem, []).append(run.texts)
    parts = []
    for problem, labels in seen.items():
        both = len(labels) > 1 or len(runs) == 1
        parts.append(problem if both else f"{problem} (on {labels[0]})")
    text = " ".join("; ".join(parts + list(notes)).split())
    return text if len(text) <= 600 else text[:599] + "…"


def invalid(student: str, source: Path | str, plan: Plan, why: str, status: str = INVALID) -> Grade:
    """The grade of a submission that could not be run: nothing earned, and why."""
    graded = tuple(QuestionGrade(q.id, 0, q.points, q.hidden, "the notebook could not be read.", manual=q.manual)
                   for q in plan.questions)
    return Grade(student, {q.id: 0 for q in plan.questions}, 0, sum(q.points for q in plan.questions),
                 status, why, graded, (), str(source))


class Prepared(NamedTuple):
    """A submission read and built, ready to run: what :func:`prepare` gives, and :func:`judge_runs` takes."""

    student: str
    source: str
    notebook: str
    """The notebook to run on every pair (JSON text, from :func:`kit.grade.build_notebook`)."""
    notes: tuple[str, ...]
    """Notes on reading and building it, for the grade's reason."""
    typed: frozenset[str]
    """The questions whose answer its cells type in (:func:`kit.grade.notebook.typed_in`)."""
    cells: tuple[Cell, ...]
    """Its cells as read, where the written answers are."""


def prepare_cells(student: str, source: Path | str, cells: Sequence[Cell], notes: Sequence[str],
                  plan: Plan) -> Prepared:
    """Build the notebook the grader runs from cells already read (a file, or a rehearsal's history)."""
    computed = [q.id for q in plan.questions if not q.hidden and not q.manual]
    nb, built = build_notebook(list(cells), computed, plan.hidden, [q.id for q in plan.questions if q.hidden])
    return Prepared(student, str(source), nbformat.writes(nb), (*notes, *built),
                    frozenset(typed_in(list(cells), computed)), tuple(cells))


def prepare(student: str, source: Path, plan: Plan) -> Prepared | Grade:
    """Read and build one submission: ready to run, or (when it cannot be read) its grade already."""
    cells, notes = read_submission(source)
    if cells is None:
        return invalid(student, source, plan, notes[0])
    return prepare_cells(student, source, cells, notes, plan)


def worth_another_run(plan: Plan, n: int, saved: dict[str, Any], run: RunSummary) -> bool:
    """Whether to run on pair ``n + 1`` after run ``n``: only when something was right (else the grade is 0
    whatever comes next), there is another pair, and the teacher has not stopped the batch."""
    if n + 1 >= len(plan.pairs) or plan.stop.is_set():
        return False
    return any(not q.manual and judge_question(q, plan.expected[n].get(q.id), saved, run) is None
               for q in plan.questions)


def judge_runs(prepared: Prepared, plan: Plan, results: list[tuple[dict[str, Any], RunSummary]]) -> Grade:
    """The grade of a prepared submission from its runs (see :func:`grade_runs`)."""
    return grade_runs(prepared.student, prepared.source, plan, results, list(prepared.notes), prepared.typed)


def grade_prepared(prepared: Prepared, plan: Plan, workdir: Path) -> Grade:
    """Run a prepared submission on each pair in turn, in one kernel (see :func:`kit.grade.run_pairs`), in
    ``workdir``, and judge it."""
    results = run_pairs(prepared.notebook, plan.settings, plan.pairs, workdir, stop=plan.stop,
                        go_on=lambda n, saved, run: worth_another_run(plan, n, saved, run))
    return judge_runs(prepared, plan, results)


def grade_one(student: str, source: Path, plan: Plan, workdir: Path) -> Grade:
    """Grade one submission, running it in ``workdir``; never raises."""
    try:
        prepared = prepare(student, source, plan)
        return prepared if isinstance(prepared, Grade) else grade_prepared(prepared, plan, workdir)
    except Exception as err:  # a bug or an environment problem must not end the batch
        return invalid(student, source, plan, f"the grader failed on this file: {type(err).__name__}: {err}", FAILED)
