"""Judging one submission: its saved answers against the expected ones, on both pairs of texts, into a ``Grade``.

Everything here runs in the grader's own process; the kernel only ever handed over plain data."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kit.checks import Question, compare
from kit.grade.notebook import _read_submission
from kit.grade.records import (
    _SEVERITY,
    CRASHED,
    ERRORS,
    FAILED,
    INVALID,
    OK,
    SECOND_PAIR,
    TIMEOUT,
    YOUR_TEXTS,
    Grade,
    QuestionGrade,
    RunSummary,
    _Plan,
)
from kit.grade.run import _Run, _run_notebook

__all__ = [
    "_grade_one",
    "_grade_runs",
    "_invalid",
    "_judge",
    "_markers",
    "_reason",
]


# --- judging ----------------------------------------------------------------------------


def _markers(value: Any) -> str | None:
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
        found = _markers(item)
        if found:
            return found
    return None


def _judge(q: Question, expected: Any, saved: dict[str, Any], run: _Run) -> str | None:
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
    refused = _markers(value)
    if refused:
        return f"wrong type: answers must be plain data (lists, dicts, strings, numbers), not {refused}."
    problem = compare(expected, value, order=q.order, tolerance=q.tolerance)
    if problem is not None and q.hidden:
        return "not right."
    return problem


def _grade_runs(student: str, source: Path, plan: _Plan, results: list[tuple[_Run, dict[str, Any]]],
                notes: list[str]) -> Grade:
    graded = []
    for q in plan.questions:
        problem = ""
        for (run, saved), pair in zip(results, plan.pairs):
            wrong = _judge(q, pair.expected[q.id], saved, run)
            if wrong is None:
                continue
            if pair.label == YOUR_TEXTS:
                problem = f"{wrong} Hint: {q.hint}"
            else:
                problem = (f"right on your texts, but not on {SECOND_PAIR}: {wrong} An answer must be computed "
                           f"from the texts, not typed in. Hint: {q.hint}")
            break
        if len(results) < len(plan.pairs) and not problem:  # cannot happen: skipped only when all are wrong
            problem = "not checked on the grader's second pair."
        graded.append(QuestionGrade(q.id, 0 if problem else q.points, q.points, q.hidden, problem))
    runs = tuple(RunSummary(pair.label, run.completed, tuple(run.problems))
                 for (run, _), pair in zip(results, plan.pairs))
    status = OK
    for run, _ in results:
        for kind in run.kinds:
            status = max(status, {"error": ERRORS, "timeout": TIMEOUT, "total": TIMEOUT, "stuck": TIMEOUT,
                                  "crash": CRASHED, "failed": FAILED}[kind], key=_SEVERITY.__getitem__)
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


def _invalid(student: str, source: Path, plan: _Plan, why: str) -> Grade:
    graded = tuple(QuestionGrade(q.id, 0, q.points, q.hidden, "the notebook could not be read.")
                   for q in plan.questions)
    return Grade(student, {q.id: 0 for q in plan.questions}, 0, sum(q.points for q in plan.questions),
                 INVALID, why, graded, (), str(source))


def _grade_one(student: str, source: Path, plan: _Plan) -> Grade:
    """Grade one submission; never raises, so the batch always finishes."""
    try:
        cells, notes = _read_submission(source)
        if cells is None:
            return _invalid(student, source, plan, notes[0])
        results: list[tuple[_Run, dict[str, Any]]] = []
        with tempfile.TemporaryDirectory(prefix="kit-grade-", ignore_cleanup_errors=True) as tmp:
            for n, pair in enumerate(plan.pairs):
                run, saved, build_notes = _run_notebook(cells, plan, pair, Path(tmp) / f"run{n + 1}")
                results.append((run, saved))
                notes = notes + [note for note in build_notes if note not in notes]
                right = [q for q in plan.questions if _judge(q, pair.expected[q.id], saved, run) is None]
                if not right or plan.stop.is_set():
                    break  # nothing is right yet: the other run cannot change the grade
        return _grade_runs(student, source, plan, results, notes)
    except Exception as err:  # a bug or an environment problem must not end the batch
        grade_ = _invalid(student, source, plan, f"the grader failed on this file: {type(err).__name__}: {err}")
        return grade_._replace(status=FAILED)
