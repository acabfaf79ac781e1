"""Written answers, end to end: solution, exercise, review page, the teacher's CSV, the merged gradebook and feedback.

A teacher's assignment (tests/grading.py) with one written answer, q4_why_queue
(3 points, a rubric, a model answer), is assigned; five students hand it in,
one as a Canvas download: two answer in words (one with HTML in it), one leaves
the answer cell as it was, one deletes it. ``kit grade`` writes one anonymous
review page and a CSV; the teacher's first CSV has a missing row, an extra one
and points out of range, and nothing is merged; the corrected one is merged
into grades.csv, the Canvas gradebook and every feedback page, with no notebook
run.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from grading import (
    WRITTEN_CELL_ID,
    WRITTEN_MODEL,
    assigned_course,
    read,
    set_source,
    solution_code,
    write,
)
from kit.assign import MARKDOWN_STUB
from kit.cli import main
from kit.grade import grade
from kit.grade.written import WrittenError, merge_written

ANSWERS = {
    "amira": "The library opened early, so readers came **before work**.",
    "dana": "<script>alert('x')</script> Because it rained <b>all day</b>.",
    "doejane": "Word travelled fast after Monday.",
}
AUTOMATIC = {"amira": 1 + 2 + 1 + 2, "bilal": 0, "chen": 1, "dana": 0, "doejane": 1}  # q1 to q3 and the hidden test


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("written")
    solution, exercises = assigned_course(root)
    sol = read(solution)
    subs = root / "download"
    subs.mkdir()
    names = {"amira": "amira", "bilal": "bilal", "chen": "chen", "dana": "dana",
             "doejane": "doejane_12345_67890_01_library"}
    for student, file in names.items():
        nb = read(exercises / "01_library.ipynb")
        if student == "amira":
            for cell_id in ("lib-5", "lib-8", "lib-11"):
                rest = next(c for c in nb.cells if c.get("id") == cell_id).source.split("\n")[-1]
                set_source(nb, cell_id, solution_code(sol, cell_id) + "\n" + rest)
        elif student in ("chen", "doejane"):
            set_source(nb, "lib-5", "q1_words = len(kit.words(a))")
        if student in ANSWERS:
            set_source(nb, WRITTEN_CELL_ID, ANSWERS[student])
        if student == "chen":
            nb.cells = [c for c in nb.cells if c.get("id") != WRITTEN_CELL_ID]
        write(nb, subs / f"{file}.ipynb")
    out = root / "grades"
    grades = {g.student: g for g in grade(solution, [subs], out, workers=2, lms="canvas", progress=False)}
    return {"root": root, "solution": solution, "exercises": exercises, "out": out, "grades": grades,
            "page": (out / "written" / "q4_why_queue.html").read_text(encoding="utf-8"),
            "points": out / "written" / "points.csv"}


def test_the_exercise_has_an_empty_answer_cell_and_no_model_answer(batch):
    exercise = read(batch["exercises"] / "01_library.ipynb")
    cell = next(c for c in exercise.cells if c.get("id") == WRITTEN_CELL_ID)
    assert (cell.cell_type, cell.source) == ("markdown", MARKDOWN_STUB)
    assert WRITTEN_MODEL not in (batch["exercises"] / "01_library.ipynb").read_text(encoding="utf-8")


def test_before_the_teacher_grades_the_written_answer_counts_as_still_to_come(batch):
    for student, g in batch["grades"].items():
        assert (g.total, g.max) == (AUTOMATIC[student], 9), student
        (q4,) = [q for q in g.questions if q.id == "q4_why_queue"]
        assert q4.pending and q4.manual and q4.earned == 0
    rows = {r["student"]: r for r in _rows(batch["out"] / "grades.csv")}
    assert {r["q4_why_queue"] for r in rows.values()} == {""} and rows["amira"]["max"] == "9"
    page = (batch["out"] / "feedback" / "amira.html").read_text(encoding="utf-8")
    assert "Not counted yet: 3 points for written answers your teacher grades." in page


def test_one_anonymous_review_page_with_every_answer_and_the_rubric_beside_them(batch):
    page = batch["page"]
    for student in ("amira", "bilal", "chen", "dana", "doejane"):
        assert student not in page, student  # anonymous
    assert "readers came **before work**" in page and "Word travelled fast" in page
    assert "<script>" not in page and "&lt;script&gt;alert" in page and "&lt;b&gt;all day" in page
    assert "gives a reason from the texts" in page and WRITTEN_MODEL in page  # the rubric and the model answer
    assert "Why was the queue longer" in page  # the question as students read it
    assert page.count("<h3>Answer ") == 5 and "--written-names" in page
    assert "missing from the notebook" in page  # chen deleted the cell


def test_the_csv_lists_every_answer_and_the_blanks_with_0(batch):
    rows = _rows(batch["points"])
    assert [list(r) for r in rows[:1]] == [["question", "answer", "blank", "max", "points", "comment"]]
    assert len(rows) == 5 and {r["question"] for r in rows} == {"q4_why_queue"}
    codes = {r["answer"] for r in rows}
    assert all(re.fullmatch(r"[0-9A-F]{6}", c) for c in codes) and len(codes) == 5
    assert sorted((r["blank"], r["points"]) for r in rows) == [("", ""), ("", ""), ("", ""), ("yes", "0"),
                                                               ("yes", "0")]


def test_feedback_never_shows_the_model_answer_or_the_rubric(batch):
    for page in (batch["out"] / "feedback").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert WRITTEN_MODEL not in text and "gives a reason from the texts" not in text, page.name


def _code_of(batch, text: str) -> str:
    """The code of the answer that holds ``text``, read from the review page as a teacher would."""
    import html

    for section in re.findall(r'<section id="(\w+)".*?</section>', batch["page"], re.S):
        body = re.search(rf'<section id="{section}".*?</section>', batch["page"], re.S).group(0)
        if html.escape(text) in body:
            return section
    raise AssertionError(text)


def _filled(batch) -> list[dict[str, str]]:
    rows = _rows(batch["points"])
    given = {_code_of(batch, "before work"): ("3", "Clear, and from the text."),
             _code_of(batch, "all day"): ("1", "Not in the texts."),
             _code_of(batch, "Word travelled fast"): ("2", "")}
    for row in rows:
        if row["answer"] in given:
            row["points"], row["comment"] = given[row["answer"]]
    return rows


def test_a_digit_that_is_no_number_is_a_problem_not_a_crash(batch, tmp_path):
    """Bug: "²" passed str.isdigit() and then int() raised ValueError out of merge_written."""
    rows = _filled(batch)
    next(r for r in rows if r["blank"] != "yes")["points"] = "²"
    with pytest.raises(WrittenError, match="points '²' for answer"):
        merge_written(_write_csv(tmp_path / "superscript.csv", rows), batch["out"])


def test_a_wrong_csv_merges_nothing_and_says_every_problem(batch, tmp_path):
    rows = _filled(batch)
    before = {p: p.read_bytes() for p in [batch["out"] / "grades.csv", batch["out"] / "gradebook-canvas.csv"]}
    answered = [r for r in rows if r["blank"] != "yes"]
    missing, too_many = answered[0], answered[1]
    rows.remove(missing)
    too_many["points"] = "5"
    rows.append({**answered[2], "answer": "ZZZZZZ"})
    rows.append({**answered[2]})
    next(r for r in rows if r["blank"] == "yes")["points"] = "2"
    with pytest.raises(WrittenError) as info:
        merge_written(_write_csv(tmp_path / "wrong.csv", rows), batch["out"])
    message = str(info.value)
    assert "nothing was merged" in message
    assert f"no row for answer {missing['answer']} to q4_why_queue" in message
    assert "'ZZZZZZ'" in message and "an extra row" in message and "a second row" in message
    assert "whole number from 0 to 3" in message and "is blank, so it gets 0" in message
    assert {p: p.read_bytes() for p in before} == before


def test_the_teachers_points_are_merged_into_grades_gradebook_and_feedback_without_running_a_notebook(
        batch, tmp_path, monkeypatch, capsys):
    import kit.grade.judge
    import kit.grade.run

    def no_runs(*args, **kwargs):
        raise AssertionError("merging ran a notebook")

    for module, name in [(kit.grade.run, "run_notebook"), (kit.grade.run, "run_pairs"), (kit.grade.judge, "run_pairs")]:
        monkeypatch.setattr(module, name, no_runs)
    filled = _write_csv(tmp_path / "points.csv", _filled(batch))
    assert main(["grade", "--merge-written", str(filled), "--out", str(batch["out"])]) == 0
    assert "merged the points of 5 written answers (2 blank, given 0) for 5 students" in capsys.readouterr().out
    written = {"amira": 3, "bilal": 0, "chen": 0, "dana": 1, "doejane": 2}
    rows = {r["student"]: r for r in _rows(batch["out"] / "grades.csv")}
    for student, points in written.items():
        assert rows[student]["q4_why_queue"] == str(points)
        assert rows[student]["total"] == str(AUTOMATIC[student] + points)
    with open(batch["out"] / "gradebook-canvas.csv", encoding="utf-8", newline="") as f:
        book = {r["Student"]: (r["ID"], r["library"]) for r in csv.DictReader(f)}
    assert book["doejane"] == ("12345", str(AUTOMATIC["doejane"] + 2)) and book["amira"][1] == "9"
    amira = (batch["out"] / "feedback" / "amira.html").read_text(encoding="utf-8")
    assert "<strong>9 of 9 points.</strong>" in amira and "Not counted yet" not in amira
    assert "your teacher&#x27;s comment: Clear, and from the text." in amira
    bilal = (batch["out"] / "feedback" / "bilal.html").read_text(encoding="utf-8")
    assert "blank: no answer was written." in bilal and re.search(r"<td[^>]*>0/3</td>", bilal)
    assert main(["grade", "--merge-written", str(filled), "--out", str(batch["out"])]) == 0  # twice: the same
    assert {r["student"]: r for r in _rows(batch["out"] / "grades.csv")} == rows


def test_names_on_the_review_page_only_when_asked(batch, tmp_path):
    subs = tmp_path / "two"
    subs.mkdir()
    for name in ("amira", "dana"):
        (subs / f"{name}.ipynb").write_bytes((batch["root"] / "download" / f"{name}.ipynb").read_bytes())
    grade(batch["solution"], [subs], tmp_path / "out", workers=2, progress=False, written_names=True)
    page = (tmp_path / "out" / "written" / "q4_why_queue.html").read_text(encoding="utf-8")
    assert "· amira" in page and "· dana" in page
    rows = _rows(tmp_path / "out" / "written" / "points.csv")
    assert sorted(r["student"] for r in rows) == ["amira", "dana"]
    assert [r["answer"] for r in rows] == sorted(r["answer"] for r in rows)  # in the order of the codes


def test_merge_without_written_answers_says_where_to_look(tmp_path):
    with pytest.raises(WrittenError, match="no written answers to merge"):
        merge_written(tmp_path / "x.csv", tmp_path)


def test_the_review_page_uses_only_colours_checked_for_contrast(batch):
    from test_style import COLOUR, KNOWN

    declarations = re.findall(r"(?:color|background(?:-color)?|border[\w-]*|opacity)\s*:\s*([^;\"}]+)", batch["page"])
    assert declarations
    for value in declarations:
        rest = value
        for known in KNOWN:
            rest = rest.replace(known, "")
        assert not COLOUR.search(rest), value
