"""What is written into ``--out``: grades.csv (and resuming it), feedback pages, summary.png, the Canvas gradebook."""

from __future__ import annotations

import csv
import html
import json
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from kit.checks import Question
from kit.grade.records import (
    CANVAS_CSV,
    GRADES_CSV,
    OK,
    PENDING_WRITTEN,
    STATE_FILE,
    Grade,
    Plan,
    QuestionGrade,
    RunSummary,
)
from kit.grade.redact import csv_escape, csv_unescape
from kit.grade.submissions import feedback_name, parse_name
from kit.style import BAR, ERROR, MUTED, RULE

__all__ = [
    "Book",
    "RECORDS",
    "canvas_ids",
    "grade_from_record",
    "grade_record",
    "read_rows",
    "feedback_html",
    "feedback_runs",
    "feedback_table",
    "feedback_total",
    "pending_note",
    "read_state",
    "sandbox_note",
    "summary_figure",
    "write_canvas_gradebook",
    "write_summary",
]


# --- the output folder ------------------------------------------------------------------------


def read_state(out: Path) -> dict | None:
    """The ``grade-state.json`` of an earlier batch into ``out``, or None."""
    try:
        state = json.loads((Path(out) / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def _header(plan_questions: Sequence[Question]) -> list[str]:
    return ["student", *[q.id for q in plan_questions], "total", "max", "status", "reason"]


def _pending(g: Grade) -> set[str]:
    return {q.id for q in g.questions if q.pending}


def _row(g: Grade, qs: Sequence[Question]) -> list[str]:
    """A grades.csv row: a written answer the teacher has not graded yet is an empty cell, not a 0."""
    waiting = _pending(g)
    cells = [g.student, *["" if q.manual and q.id in waiting else str(g.points.get(q.id, 0)) for q in qs],
             str(g.total), str(g.max), g.status, g.reason]
    return [csv_escape(c) for c in cells]


def _stamp(path: Path) -> Path:
    stamp = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}-{stamp}{path.suffix}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.stem}-{stamp}-{n}{path.suffix}")
        n += 1
    return target


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def read_rows(path: Path, qs: Sequence[Question]) -> list[list[str]] | None:
    """The complete rows of a grades file for questions ``qs``, or None when its columns are not theirs."""
    rows = _read_rows(path, _header(qs))
    if rows is None:
        return None
    manual = [q.manual for q in qs]
    return [row for row in rows if all(x.isdecimal() or (x == "" and m) for x, m in zip(row[1:], manual))]


def _read_rows(path: Path, header: list[str]) -> list[list[str]] | None:
    """The complete rows of a grades file, or None when its columns are not ``header``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.endswith("\n"):
        text = text[: text.rfind("\n") + 1]  # a row cut short by a kill
    import io

    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0] != header:
        return None
    good = []
    for row in rows[1:]:
        if len(row) == len(header) and all(x.isdecimal() or x == "" for x in row[1:-4]) \
                and all(x.isdecimal() for x in row[-4:-2]):
            good.append([csv_unescape(x) for x in row])
    return good


def _grade_from_row(row: list[str], qs: Sequence[Question]) -> Grade:
    points = {q.id: int(x or 0) for q, x in zip(qs, row[1:])}
    waiting = {q.id for q, x in zip(qs, row[1:]) if q.manual and x == ""}
    graded = tuple(QuestionGrade(q.id, points[q.id], q.points, q.hidden,
                                 PENDING_WRITTEN if q.id in waiting else
                                 "" if points[q.id] == q.points else "graded in an earlier run: see its feedback page.",
                                 pending=q.id in waiting, manual=q.manual)
                   for q in qs)
    n = len(qs)
    return Grade(row[0], points, int(row[n + 1]), int(row[n + 2]), row[n + 3], row[n + 4], graded)


def grade_record(g: Grade) -> dict:
    """A grade as plain JSON data, kept in ``records/`` so that written answers can be merged into the
    feedback pages later without running any notebook again."""
    return {**g._asdict(), "questions": [q._asdict() for q in g.questions], "runs": [r._asdict() for r in g.runs]}


def grade_from_record(data: dict) -> Grade:
    """The :class:`Grade` that :func:`grade_record` wrote."""
    return Grade(**{**data, "questions": tuple(QuestionGrade(**q) for q in data["questions"]),
                    "runs": tuple(RunSummary(**{**r, "problems": tuple(r["problems"]), "kinds": tuple(r["kinds"]),
                                                "loaded": {k: tuple(v) for k, v in r["loaded"].items()}})
                                  for r in data["runs"])})


RECORDS = "records"
"""The folder in ``--out`` that keeps each student's grade as JSON (see :func:`grade_record`)."""


class Book:
    """The output folder: grades.csv (appended as students finish), feedback, state."""

    def __init__(self, out: Path, plan: Plan, state: dict, resume: bool):
        self.out = out
        self.plan = plan
        self.header = _header(plan.questions)
        self.grades_path = out / GRADES_CSV
        self.state_path = out / STATE_FILE
        self.state = state
        self.done: dict[str, Grade] = {}
        self.archived: list[Path] = []
        out.mkdir(parents=True, exist_ok=True)
        (out / "feedback").mkdir(exist_ok=True)
        previous = self._previous_state()
        rows = read_rows(self.grades_path, plan.questions) if self.grades_path.exists() else None
        resumable = (resume and previous is not None and not previous.get("finished")
                     and previous.get("assignment") == plan.assignment and rows is not None)
        self.previous = previous if resumable else None
        if resumable:
            rows = read_rows(self.grades_path, plan.questions) or []
            self.done = {row[0]: _grade_from_row(row, plan.questions) for row in rows}
            self._write_rows(rows)  # drop a row cut short
            self.state["started"] = previous.get("started", self.state["started"])
            self.state["resumed"] = previous.get("resumed", 0) + 1
        else:
            for name in (GRADES_CSV, CANVAS_CSV):
                if (out / name).exists():
                    target = _stamp(out / name)
                    os.replace(out / name, target)
                    self.archived.append(target)
            self._write_rows([])
            if (out / RECORDS).is_dir():  # the records of a finished batch go with its grades
                os.replace(out / RECORDS, _stamp(out / RECORDS))
        (out / RECORDS).mkdir(exist_ok=True)
        self.state["questions"] = [q._asdict() for q in plan.questions]
        if previous and isinstance(previous.get("written"), dict) and previous["written"].get("salt"):
            self.state["written"] = {"salt": previous["written"]["salt"]}  # the same codes for the same students
        _write_atomic(self.state_path, json.dumps(self.state, indent=2) + "\n")
        self._file = open(self.grades_path, "a", encoding="utf-8", newline="")
        self._csv = csv.writer(self._file)

    def _previous_state(self) -> dict | None:
        return read_state(self.out)

    def _write_rows(self, rows: list[list[str]]) -> None:
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.header)
        writer.writerows([csv_escape(c) for c in row] for row in rows)
        _write_atomic(self.grades_path, buffer.getvalue())

    def add(self, g: Grade) -> None:
        """Write the student's feedback, then append their row and flush it to disk."""
        _write_atomic(self.out / "feedback" / f"{feedback_name(g.student)}.html",
                      feedback_html(g, self.plan.assignment, sandbox_note(self.state)))
        _write_atomic(self.out / RECORDS / f"{feedback_name(g.student)}.json", json.dumps(grade_record(g)))
        self._csv.writerow(_row(g, self.plan.questions))
        self._file.flush()
        os.fsync(self._file.fileno())
        self.done[g.student] = g

    def close(self) -> None:
        self._file.close()

    def finish(self, lms: str | None, lms_column: str | None, *, names: bool = False) -> list[Path]:
        """Write what comes after every row: summary.png, the LMS gradebook, the written answers' review pages
        (student names on them only with ``names``); mark the batch finished."""
        self.close()
        rows = read_rows(self.grades_path, self.plan.questions) or []
        everyone = [_grade_from_row(row, self.plan.questions) for row in rows]
        written = [self.grades_path, self.out / "feedback"]
        if everyone:
            written.append(write_summary(everyone, self.plan.questions, self.out / "summary.png"))
        self.state["lms"] = {"name": lms, "column": lms_column or self.plan.assignment} if lms else None
        if lms == "canvas":
            written.append(write_canvas_gradebook(everyone, self.out / CANVAS_CSV, column=lms_column or
                                                  self.plan.assignment, ids=canvas_ids(self.state)))
        if self.plan.written:
            from kit.grade.written import review_written

            written += review_written(self.out, self.plan, self.state, [g.student for g in everyone], names=names)
        self.state["finished"] = datetime.now().isoformat(timespec="seconds")
        _write_atomic(self.state_path, json.dumps(self.state, indent=2) + "\n")
        return written


def canvas_ids(state: dict) -> dict[str, str]:
    """Each student's Canvas user id, as the downloaded file names gave them (grade-state.json's submissions)."""
    return {s["student"]: s["lms_id"] for s in state.get("submissions", [])
            if s.get("layout") == "canvas" and s.get("lms_id")}


# --- feedback, summary, gradebook ----------------------------------------------------------------

# Colours come from kit.style only (checked for contrast in JupyterLab's light and dark themes, and against
# white for a page opened on its own); text keeps the theme's colour. Styles are inline, so the table looks
# the same on the feedback page and inline in a notebook (check.rehearse()).
_CELL = f"border-bottom: 1px solid {RULE}; padding: 0.35em 0.6em; text-align: left; vertical-align: top;"
_TEXT = "white-space: normal; word-break: normal; overflow-wrap: break-word;"
_MARKS = {  # the look of a row: its mark, and the rule on its left (colour is never the only sign)
    "right": ("✓", f"border-left: 4px solid {BAR};", ""),
    "wrong": ("✗", f"border-left: 4px solid {ERROR};", ""),
    "unanswered": ("…", f"border-left: 4px solid {RULE};", ""),
    "pending": ("·", f"border-left: 4px solid {RULE};", MUTED),
}
_PAGE_STYLE = "body { font-family: system-ui, sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; }"


def _look(q: QuestionGrade) -> str:
    if q.pending:
        return "pending"
    if not q.problem and q.earned == q.points:
        return "right"
    if q.problem.startswith(("not answered", "blank")):
        return "unanswered"
    return "wrong" if q.earned < q.points else "right"


def pending_note(g: Grade) -> str:
    """What the total does not count yet, in words (empty when everything is graded)."""
    hidden = sum(q.points for q in g.questions if q.pending and not q.manual)
    written = sum(q.points for q in g.questions if q.pending and q.manual)
    parts = []
    if hidden:
        parts.append(f"{hidden} point{'s' if hidden != 1 else ''} in tests the grader adds")
    if written:
        parts.append(f"{written} point{'s' if written != 1 else ''} for written answers your teacher grades")
    return " and ".join(parts)


def feedback_table(g: Grade) -> str:
    """The table of one grade, question by question: the same on the feedback page and in a rehearsal.

    Everything that came from the student (messages quote their errors) is escaped.
    """
    e = html.escape
    rows = []
    for q in g.questions:
        mark, rule, muted = _MARKS[_look(q)]
        label = " (hidden test)" if q.hidden else " (written answer)" if q.manual else ""
        points = f"–/{q.points}" if q.pending else f"{q.earned}/{q.points}"
        rows.append(f'<tr class="kit-feedback-{_look(q)}" style="{muted}">'
                    f'<td style="{_CELL} {rule} white-space: nowrap;">{mark} <code>{e(q.id)}</code>{e(label)}</td>'
                    f'<td style="{_CELL} white-space: nowrap;">{points}</td>'
                    f'<td style="{_CELL} {_TEXT}">{e(q.problem)}</td></tr>')
    head = "".join(f'<th style="{_CELL}">{h}</th>' for h in ("question", "points", "what to know"))
    return (f'<table class="kit-feedback" style="border-collapse: collapse; width: 100%;">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def feedback_total(g: Grade) -> str:
    """The grade in one line of HTML: points, and what is still to come."""
    waiting = pending_note(g)
    more = f" Not counted yet: {html.escape(waiting)}." if waiting else ""
    return f"<p><strong>{g.total} of {g.max} points.</strong>{more}</p>"


def feedback_runs(g: Grade) -> str:
    """How each run of the notebook went, as HTML."""
    e = html.escape
    runs = []
    for run in g.runs:
        state = "ran to the end" if run.completed else "did not run to the end"
        items = "".join(f'<li style="{_TEXT}">{e(p)}</li>' for p in run.problems) or "<li>no problems</li>"
        runs.append(f"<h3>On {e(run.texts)}: {state}</h3><ul>{items}</ul>")
    return "".join(runs) or "<p>It was not run.</p>"


def sandbox_note(state: dict) -> str:
    """One sentence for every feedback page: whether the notebook ran in the sandbox."""
    box = state.get("sandbox") or {}
    if box.get("on"):
        return (f"Your notebook ran in a sandbox ({box.get('tool', 'bubblewrap')}): it could read only its own "
                "folder, with no network and limits on memory, processes and file size.")
    return ("WARNING: this batch was graded WITHOUT a sandbox (kit grade --no-sandbox): the notebooks ran with "
            f"the teacher's own rights. Why: {box.get('why', 'not recorded')}")


def feedback_html(g: Grade, assignment: str, sandbox: str = "") -> str:
    """One student's feedback page. Everything that came from the student is escaped."""
    e = html.escape
    status = "" if g.status == OK else f"<p><strong>Status: {e(g.status)}.</strong></p>"
    reason = f'<p style="{_TEXT}">In short: {e(g.reason)}</p>' if g.reason else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(assignment)}: {e(g.student)}</title><style>{_PAGE_STYLE}</style></head>
<body>
<h1>{e(assignment)}: feedback for {e(g.student)}</h1>
{feedback_total(g)}
{status}{reason}
<p style="{MUTED}">Your notebook was run from top to bottom in a fresh kernel on your texts and, if some answers
were right, again (with every variable cleared) on a second pair of texts you have not seen. An answer counts
when it is right on both, so compute answers from the texts rather than typing them in. Hidden tests try your code on other inputs;
they are named here, but not shown.</p>
<p style="{MUTED}">{e(sandbox)}</p>
{feedback_table(g)}
<h2>Running your notebook</h2>
{feedback_runs(g)}
</body></html>
"""


def summary_figure(grades: Sequence[Grade], qs: Sequence[Question]):
    """The summary chart: a histogram of totals, and the mean points per question (a matplotlib Figure).

    Students are counted in whole numbers on the histogram's axis, and the legend sits beside the bars, never
    on them. Drawn on white, as a file a teacher opens anywhere.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=(11, 4.5), layout="constrained", facecolor="white")
    FigureCanvasAgg(fig)
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.6])
    top = max((g.max for g in grades), default=0) or 1
    left.hist([g.total for g in grades], bins=range(0, top + 2), align="left", color="#4c72b0", rwidth=0.85)
    left.set(title=f"Totals ({len(grades)} students)", xlabel=f"points (of {top})", ylabel="students")
    left.yaxis.set_major_locator(MaxNLocator(integer=True))
    left.xaxis.set_major_locator(MaxNLocator(integer=True))
    left.set_xlim(-0.5, top + 0.5)
    ids = [q.id for q in qs]
    means = [sum(g.points.get(i, 0) for g in grades) / max(1, len(grades)) for i in ids]
    right.bar(ids, [q.points for q in qs], color="#d9d9d9", label="points possible")
    right.bar(ids, means, color="#55a868", label="mean earned")
    right.set(title="Mean points per question", ylabel="points")
    right.yaxis.set_major_locator(MaxNLocator(integer=True))
    right.tick_params(axis="x", labelrotation=60, labelsize=8)
    # Beside the plotting area, on the right: never over a bar, however tall.
    right.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig


def write_summary(grades: Sequence[Grade], qs: Sequence[Question], path: Path) -> Path:
    """:func:`summary_figure` as a PNG (no display needed)."""
    summary_figure(grades, qs).savefig(path, dpi=100)
    return path


def write_canvas_gradebook(grades: Sequence[Grade], path: Path, *, column: str,
                           ids: dict[str, str] | None = None) -> Path:
    """A CSV that Canvas's gradebook imports (Grades > Import).

    Columns: ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``,
    then one column named ``column`` holding each student's total. Canvas
    matches rows by ``ID``: ``ids`` maps a student to it, as read from the file
    names Canvas gives when you download all submissions
    (``doejane_12345_67890_file.ipynb``: 12345 is the ID; see
    :mod:`kit.grade.submissions`); a student named by such a file name also
    works. For other students ``ID`` is empty, and Canvas asks you to match
    those rows by hand. A column named like an existing assignment, ``Keyword
    frequency (4321)`` with its Canvas id in brackets, fills that assignment;
    any other name creates a new assignment.
    """
    ids = ids or {}
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", column])
        for g in grades:
            parsed = parse_name(Path(g.student + ".ipynb"))
            canvas = parsed if parsed and parsed[0] == "canvas" else None
            name = canvas[1] if canvas and g.student not in ids else g.student
            writer.writerow([csv_escape(name), ids.get(g.student) or (canvas[2] if canvas else ""), "", "", "",
                             g.total])
    return path
