"""Judging one submission: its saved answers against the expected ones, on both pairs of texts, into a ``Grade``.

Everything here runs in the grader's own process: the expected answers never
leave it, and the kernel only ever handed over plain data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import nbformat

from kit.checks import Question, compare
from kit.grade.notebook import build_notebook, read_submission
from kit.grade.records import (
    CRASHED,
    ERRORS,
    FAILED,
    INVALID,
    OK,
    SECOND_PAIR,
    SEVERITY,
    TIMEOUT,
    YOUR_TEXTS,
    Grade,
    Plan,
    QuestionGrade,
    RunSummary,
    TextPair,
)
from kit.grade.redact import redact
from kit.checks import fingerprint
from kit.grade.run import run_notebook

__all__ = ["grade_one", "grade_runs", "invalid", "judge_question", "read_other_texts"]

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


def grade_runs(student: str, source: Path, plan: Plan, results: list[tuple[dict[str, Any], RunSummary]],
               notes: list[str]) -> Grade:
    """The grade from the runs made so far (the second is skipped when nothing was right on the first)."""
    secrets = [t.code for t in plan.hidden]
    other = {run.texts: read_other_texts(pair, run) for (_, run), pair in zip(results, plan.pairs)}
    graded = []
    for q in plan.questions:
        if q.manual:  # a written answer: the teacher grades it (kit.grade.written)
            graded.append(QuestionGrade(q.id, 0, q.points, False, "a written answer: your teacher grades it."))
            continue
        problem = ""
        for (saved, run), pair, expected in zip(results, plan.pairs, plan.expected):
            wrong = judge_question(q, expected.get(q.id), saved, run, secrets)
            if wrong is None:
                continue
            if pair.label == YOUR_TEXTS:
                problem = f"{wrong} Hint: {q.hint}"
            elif other[pair.label]:
                problem = (f"right on your texts, but not checked on {SECOND_PAIR}: your notebook did not work on the "
                           "texts the grader gave it (see below). Hint: set article_a and article_b only in the "
                           "parameters cell, and load a and b from them.")
            elif q.hidden:
                problem = (f"right on your texts, but not on {SECOND_PAIR}: your code must work on any text, not "
                           f"only on yours. Hint: {q.hint}")
            else:
                problem = (f"right on your texts, but not on {SECOND_PAIR}: {wrong} An answer must be computed "
                           f"from the texts, not typed in. Hint: {q.hint}")
            break
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


def invalid(student: str, source: Path, plan: Plan, why: str, status: str = INVALID) -> Grade:
    """The grade of a submission that could not be run: nothing earned, and why."""
    graded = tuple(QuestionGrade(q.id, 0, q.points, q.hidden, "the notebook could not be read.")
                   for q in plan.questions)
    return Grade(student, {q.id: 0 for q in plan.questions}, 0, sum(q.points for q in plan.questions),
                 status, why, graded, (), str(source))


def grade_one(student: str, source: Path, plan: Plan, workdir: Path) -> Grade:
    """Grade one submission, running it in ``workdir-1`` (and ``workdir-2``); never raises."""
    try:
        cells, notes = read_submission(source)
        if cells is None:
            return invalid(student, source, plan, notes[0])
        nb, built = build_notebook(cells, [q.id for q in plan.questions if not q.hidden and not q.manual], plan.hidden,
                                   [q.id for q in plan.questions if q.hidden])
        notes += built
        notebook = nbformat.writes(nb)
        results: list[tuple[dict[str, Any], RunSummary]] = []
        for n, (pair, expected) in enumerate(zip(plan.pairs, plan.expected), 1):
            saved, run = run_notebook(notebook, plan.settings, pair, workdir.with_name(f"{workdir.name}-{n}"),
                                      stop=plan.stop)
            results.append((saved, run))
            right = [q for q in plan.questions if not q.manual
                     and judge_question(q, expected.get(q.id), saved, run) is None]
            if not right or plan.stop.is_set():
                break  # nothing is right yet: the other run cannot change the grade
        return grade_runs(student, source, plan, results, notes)
    except Exception as err:  # a bug or an environment problem must not end the batch
        return invalid(student, source, plan, f"the grader failed on this file: {type(err).__name__}: {err}", FAILED)
