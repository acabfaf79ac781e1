"""Written answers, graded by the teacher: a review page per question, a CSV of points, and the merge.

A question with ``manual: true`` (see :mod:`kit.solution`) is answered in a
Markdown cell, which the exercise keeps under the solution's cell id. At the
end of a batch, ``kit grade`` reads each student's answer from that cell (no
notebook runs for it) and writes, into ``--out``:

- ``written/<question>.html``, one page per question: every student's answer,
  each under a code of six letters and digits, never a name (so that a teacher
  reads the answers, not the people; ``kit grade --written-names`` puts the
  names on the pages and in the CSV), in an order that follows the codes, not
  the names; beside them, the question as students read it, the rubric and the
  model answer from the solution. What students wrote is shown as text, never
  run as HTML.
- ``written/points.csv``: one row per answer, ``question,answer,blank,max,points,comment``,
  for the teacher's points and comments. A blank answer (the cell left as
  ``_Write your answer here._``, emptied, or deleted) is listed as blank, with
  0 points already filled in.

The codes stay the same when the batch is graded again into the same folder
(their key is kept in ``grade-state.json``), and a ``points.csv`` that is
already there is kept as ``points-<time>.csv``, never overwritten.

``kit grade --merge-written written/points.csv --out grades/`` (:func:`merge_written`)
then puts the points into ``grades.csv``, the LMS gradebook and every feedback
page, and redraws ``summary.png``, without running any notebook again: each
student's grade was kept as JSON in ``records/``. Every row is checked first,
and nothing is merged unless all are right: a row missing for an answer, an
extra row (an unknown question or answer code, or a second row for one
answer), points that are not a whole number from 0 to the question's points,
or points given to a blank answer are each reported with the row and the fix,
never guessed.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
import secrets
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from kit.checks import Question
from kit.grade.notebook import read_submission
from kit.grade.records import CANVAS_CSV, GRADES_CSV, STATE_FILE, Grade, GradeError, Plan, QuestionGrade
from kit.grade.redact import csv_escape, csv_unescape
from kit.grade.report import (
    RECORDS,
    _grade_from_row,
    _header,
    _row,
    _stamp,
    _write_atomic,
    canvas_ids,
    feedback_html,
    grade_from_record,
    grade_record,
    read_rows,
    read_state,
    sandbox_note,
    write_canvas_gradebook,
    write_summary,
)
from kit.grade.submissions import feedback_name
from kit.solution import AnswerCell
from kit.style import MUTED, RULE

__all__ = [
    "BLANK",
    "COLUMNS",
    "Merged",
    "POINTS_CSV",
    "WRITTEN_DIR",
    "WrittenAnswer",
    "WrittenError",
    "answer_codes",
    "merge_written",
    "read_written",
    "review_written",
]

WRITTEN_DIR = "written"
POINTS_CSV = "points.csv"
COLUMNS = ("question", "answer", "blank", "max", "points", "comment")
"""The columns of ``written/points.csv``; with ``--written-names``, ``student`` comes first."""
BLANK = "blank: no answer was written."
"""What the feedback says of a written answer left blank, which gets 0."""


class WrittenError(GradeError):
    """The written answers cannot be merged: the message lists every problem, with its row and the fix."""


class WrittenAnswer(NamedTuple):
    """One student's answer to one written question, as read from their notebook."""

    question: str
    student: str
    code: str
    """What the review page and the CSV call the answer: six letters and digits, not the student's name."""
    text: str
    """What they wrote (the Markdown source), or empty when blank."""
    blank: bool
    note: str = ""
    """Why it is blank, when it is not simply empty: the cell is missing, the notebook could not be read."""


class Merged(NamedTuple):
    """What :func:`merge_written` did."""

    students: int
    answers: int
    blank: int
    written: tuple[Path, ...]


# --- reading the answers ------------------------------------------------------------------------------


def answer_codes(salt: str, students: Sequence[str]) -> dict[str, str]:
    """A code for each student, the same for the same ``salt``: hard to read a name from, unique in the batch."""
    for length in range(6, 65):
        codes = {s: hashlib.sha256(f"{salt}\0{s}".encode()).hexdigest()[:length].upper() for s in students}
        if len(set(codes.values())) == len(codes):
            return codes
    raise AssertionError("sha256 gave two students the same code")  # pragma: no cover


def _text(source: str) -> str:
    from kit.assign import MARKDOWN_STUB

    return source.replace(MARKDOWN_STUB, "").strip()


def read_written(cells: Sequence[AnswerCell], path: Path | None, why_unread: str = "") -> dict[str, tuple[str, str]]:
    """Each written question's answer in a submission, by question: (the text, why it is blank if it is)."""
    if path is None:
        return {c.question: ("", why_unread or "no notebook") for c in cells}
    read, notes = read_submission(path)
    if read is None:
        return {c.question: ("", f"the notebook could not be read: {notes[0]}") for c in cells}
    found = {}
    for c in cells:
        matching = [cell for cell in read if cell.id == c.cell_id]
        if not matching:
            found[c.question] = ("", "its answer cell is missing from the notebook (deleted?)")
        else:
            found[c.question] = (_text(matching[-1].source), "")
    return found


def _submissions(state: dict) -> dict[str, dict]:
    return {s["student"]: s for s in state.get("submissions", [])}


def _answers(plan: Plan, state: dict, students: Sequence[str], codes: dict[str, str]) -> list[WrittenAnswer]:
    subs = _submissions(state)
    out = []
    for student in students:
        sub = subs.get(student)
        if sub is None:
            found = read_written(plan.written, None, "its notebook is not in this batch's submissions")
        elif sub.get("clash"):
            found = read_written(plan.written, None, "several notebooks were found for this student; none was read")
        else:
            found = read_written(plan.written, Path(sub["path"]))
        for q in plan.written:
            text, note = found[q.question]
            out.append(WrittenAnswer(q.question, student, codes[student], text, not text, note))
    return out


# --- the review pages and the CSV ---------------------------------------------------------------------

_BOX = "white-space: pre-wrap; word-break: normal; overflow-wrap: break-word;"


def _page(assignment: str, q: Question, cell: AnswerCell, answers: Sequence[WrittenAnswer], names: bool,
          csv_path: Path) -> str:
    e = html.escape
    blank = sum(a.blank for a in answers)
    items = []
    for a in sorted(answers, key=lambda a: a.code):
        who = f" · {e(a.student)}" if names else ""
        body = (f'<p style="{MUTED}">blank{": " + e(a.note) if a.note else ""}</p>' if a.blank
                else f'<div style="{_BOX}">{e(a.text)}</div>')
        items.append(f'<section id="{e(a.code)}" style="border-bottom: 1px solid {RULE}; padding: 0.6em 0;">'
                     f"<h3>Answer {e(a.code)}{who}</h3>{body}</section>")
    anonymous = ("" if names else "Answers are anonymous: each has a code, which points.csv uses too. "
                 "To see names, grade again with --written-names. ")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(assignment)}: {e(q.id)}, written answers</title></head>
<body style="font-family: system-ui, sans-serif; margin: 2em; max-width: 80em;">
<h1>{e(assignment)}: {e(q.id)} ({q.points} point{'s' if q.points != 1 else ''}), the class's written answers</h1>
<p>{len(answers)} answers, {blank} blank (those get 0). {anonymous}Write each answer's points and a comment in
<code>{e(str(csv_path))}</code>, then run <code>kit grade --merge-written {e(str(csv_path))} --out
{e(str(csv_path.parent.parent))}</code>.</p>
<div style="display: flex; gap: 2em; align-items: flex-start;">
<main style="flex: 3; min-width: 0;">{''.join(items)}</main>
<aside style="flex: 2; min-width: 0; position: sticky; top: 1em; border-left: 4px solid {RULE}; padding-left: 1em;">
<h2>The question</h2><div style="{_BOX}">{e(cell.prompt) or '<em>(no prompt cell)</em>'}</div>
<h2>Rubric</h2><div style="{_BOX}">{e(q.rubric) or '<em>(none in the solution)</em>'}</div>
<h2>Model answer</h2><div style="{_BOX}">{e(cell.model) or '<em>(empty)</em>'}</div>
</aside></div>
</body></html>
"""


def _csv(answers: Sequence[WrittenAnswer], questions: dict[str, Question], names: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow((["student"] if names else []) + list(COLUMNS))
    for a in sorted(answers, key=lambda a: (list(questions).index(a.question), a.code)):
        row = [a.question, a.code, "yes" if a.blank else "", str(questions[a.question].points),
               "0" if a.blank else "", "blank" if a.blank else ""]
        writer.writerow([csv_escape(c) for c in ([a.student] if names else []) + row])
    return buffer.getvalue()


def review_written(out: Path, plan: Plan, state: dict, students: Sequence[str], *, names: bool = False) -> list[Path]:
    """Read every student's written answers and write the review pages and ``points.csv`` (see the module's
    doc); record in ``state`` what the merge needs. Returns the files written."""
    folder = out / WRITTEN_DIR
    folder.mkdir(exist_ok=True)
    written = state.setdefault("written", {})
    written["salt"] = written.get("salt") or secrets.token_hex(16)
    codes = answer_codes(written["salt"], students)
    answers = _answers(plan, state, students, codes)
    questions = {q.id: q for q in plan.questions if q.manual}
    csv_path = folder / POINTS_CSV
    paths = []
    for cell in plan.written:
        page = folder / f"{cell.question}.html"
        _write_atomic(page, _page(plan.assignment, questions[cell.question], cell,
                                  [a for a in answers if a.question == cell.question], names, csv_path))
        paths.append(page)
    text = _csv(answers, questions, names)
    if csv_path.exists() and csv_path.read_text(encoding="utf-8") != text:
        os.replace(csv_path, _stamp(csv_path))  # a teacher's points are never overwritten
    _write_atomic(csv_path, text)
    written.update({"codes": codes, "csv": str(csv_path),
                    "blank": {q: sorted(a.student for a in answers if a.question == q and a.blank) for q in questions}})
    return [*paths, csv_path]


# --- merging the teacher's points --------------------------------------------------------------------


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise WrittenError(f"Cannot read {path} ({err}). Pass the points.csv that kit grade wrote into "
                           f"{WRITTEN_DIR}/, saved as CSV in UTF-8.") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("question", "answer", "points") if c not in (reader.fieldnames or [])]
    if missing:
        raise WrittenError(f"{path} has no column {missing[0]!r}; its columns must be {', '.join(COLUMNS)} (as kit "
                           f"grade wrote them). Found: {', '.join(reader.fieldnames or []) or 'none'}.")
    return [{k: csv_unescape((v or "").strip()) for k, v in row.items() if k} for row in reader]


def _check(rows: list[dict[str, str]], questions: dict[str, Question], codes: dict[str, str],
           blank: dict[str, set[str]]) -> tuple[dict[tuple[str, str], tuple[int, str]], list[str]]:
    """The points and comment of each (question, student), and every problem, with its row and the fix."""
    students = {code: student for student, code in codes.items()}
    merged: dict[tuple[str, str], tuple[int, str]] = {}
    first_row: dict[tuple[str, str], int] = {}
    problems = []
    for n, row in enumerate(rows, 2):  # row 1 is the header
        qid, code, given = row.get("question", ""), row.get("answer", "").upper(), row.get("points", "")
        if qid not in questions:
            problems.append(f"row {n}: {qid!r} is not a written question here (they are: {', '.join(questions)}): an "
                            "extra row, not merged. Delete it, or fix the question's name.")
            continue
        if code not in students:
            problems.append(f"row {n}: there is no answer {code!r} to {qid} in this batch: an extra row, not merged. "
                            "Delete it, or copy the code from the review page.")
            continue
        key = (qid, students[code])
        if key in first_row:
            problems.append(f"row {n}: a second row for answer {code} to {qid} (the first is row {first_row[key]}). "
                            "Keep one.")
            continue
        first_row[key] = n
        q = questions[qid]
        if not given.isdecimal() or int(given) > q.points:  # (not isdigit: "²" is a digit but no number)
            what = "no points" if not given else f"points {given!r}"
            problems.append(f"row {n}: {what} for answer {code} to {qid}: write a whole number from 0 to {q.points}.")
            continue
        if students[code] in blank.get(qid, set()) and int(given) > 0:
            problems.append(f"row {n}: answer {code} to {qid} is blank, so it gets 0, not {given}. Write 0.")
            continue
        merged[key] = (int(given), row.get("comment", ""))
    for qid in questions:
        for student, code in codes.items():
            if (qid, student) not in first_row:
                problems.append(f"no row for answer {code} to {qid}: add it with its points (the review page "
                                f"{WRITTEN_DIR}/{qid}.html shows the answer).")
    return merged, problems


def _merged_grade(g: Grade, points: dict[str, tuple[int, str]], blank: set[str]) -> Grade:
    questions = []
    for q in g.questions:
        if q.manual and q.id in points:
            earned, comment = points[q.id]
            problem = BLANK if q.id in blank else (f"your teacher's comment: {comment}" if comment else "")
            q = q._replace(earned=earned, pending=False, problem=problem)
        questions.append(q)
    scores = {q.id: q.earned for q in questions}
    return g._replace(points=scores, total=sum(scores.values()), questions=tuple(questions))


def merge_written(points_csv: str | Path, out: str | Path) -> Merged:
    """Merge the teacher's points for written answers into ``out`` (see the module's doc); raise
    :class:`WrittenError`, merging nothing, when any row is wrong or missing."""
    points_csv, out = Path(points_csv), Path(out)
    state = read_state(out)
    written = (state or {}).get("written") or {}
    if not written.get("codes"):
        raise WrittenError(f"There are no written answers to merge into {out}: it holds no batch graded with written "
                           "answers (grade-state.json says none). Pass the --out folder kit grade wrote them into.")
    questions = [Question(**q) for q in state["questions"]]
    manual = {q.id: q for q in questions if q.manual}
    rows = read_rows(out / GRADES_CSV, questions)
    if rows is None:
        raise WrittenError(f"{out / GRADES_CSV} is missing or its columns are not this assignment's; grade again.")
    in_grades = [row[0] for row in rows]
    codes = {s: c for s, c in written["codes"].items() if s in in_grades}
    blank = {qid: set(students) for qid, students in written.get("blank", {}).items()}
    merged, problems = _check(_read_csv(points_csv), manual, codes, blank)
    if problems:
        listed = "\n".join(f"  {p}" for p in problems)
        raise WrittenError(f"{points_csv}: nothing was merged, because of {len(problems)} problem"
                           f"{'s' if len(problems) != 1 else ''}:\n{listed}")
    grades = []
    for row in rows:
        student = row[0]
        record = out / RECORDS / f"{feedback_name(student)}.json"
        try:
            g = grade_from_record(json.loads(record.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError):
            g = _grade_from_row(row, questions)  # no record (an older batch): the page shows the points only
        mine = {qid: value for (qid, s), value in merged.items() if s == student}
        g = _merged_grade(g, mine, {qid for qid, students in blank.items() if student in students})
        grades.append(g)
        _write_atomic(out / "feedback" / f"{feedback_name(student)}.html",
                      feedback_html(g, state.get("assignment", ""), sandbox_note(state)))
        _write_atomic(record, json.dumps(grade_record(g)))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header(questions))
    writer.writerows(_row(g, questions) for g in grades)
    _write_atomic(out / GRADES_CSV, buffer.getvalue())
    paths = [out / GRADES_CSV, out / "feedback", write_summary(grades, questions, out / "summary.png")]
    lms = state.get("lms") or {}
    if lms.get("name") == "canvas":
        paths.append(write_canvas_gradebook(grades, out / CANVAS_CSV, column=lms.get("column") or "",
                                            ids=canvas_ids(state)))
    written["merged"] = {"file": str(points_csv), "at": datetime.now().isoformat(timespec="seconds")}
    _write_atomic(out / STATE_FILE, json.dumps(state, indent=2) + "\n")
    return Merged(len(grades), len(merged), sum(len(s & set(in_grades)) for s in blank.values()), tuple(paths))
