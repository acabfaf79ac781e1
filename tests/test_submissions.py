"""Submissions as teachers receive them: per-student folders, Canvas, Moodle and nbgrader downloads.

The file names are the ones the LMSs really write (kit/grade/submissions.py
cites where each comes from). One download folder mixes them all, with what
such folders also hold (a PDF, a checkpoint copy, a second notebook, two
notebooks for one student); every file in it must be either graded, under the
right student, or listed with the reason.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from grading import read, teacher_solution, write
from kit.assign import assign
from kit.grade import GradeError, find_submissions, grade
from kit.grade.cli import not_graded_summary
from kit.grade.submissions import feedback_name, parse_name

NOTEBOOKS = {  # path under the download folder -> (student, layout, LMS id)
    "flat_student.ipynb": ("flat_student", "file", ""),
    "bob/01_library.ipynb": ("bob", "folder", ""),
    "carol/work/01_library.ipynb": ("carol", "folder", ""),
    "doejane_12345_67890_01_library.ipynb": ("doejane", "canvas", "12345"),
    "smithann_LATE_23456_78901_01_library-1.ipynb": ("smithann", "canvas", "23456"),
    "anon_x7Kp2_99999_01_library.ipynb": ("anon_x7Kp2", "canvas", ""),
    "leeamy_11111_22222_01_library.ipynb": ("leeamy_11111", "canvas", "11111"),  # two students, one name
    "leeamy_33333_44444_01_library.ipynb": ("leeamy_33333", "canvas", "33333"),
    "Jane Doe_1234567_assignsubmission_file/01_library.ipynb": ("Jane Doe", "moodle", "1234567"),
    "Old Moodle_2345678_assignsubmission_file_/01_library.ipynb": ("Old Moodle", "moodle", "2345678"),
    "Max Roe_7654321_assignsubmission_file_01_library.ipynb": ("Max Roe", "moodle", "7654321"),
    "Participant_5550001_assignsubmission_file/01_library.ipynb": ("Participant 5550001", "moodle", "5550001"),
    "nbgrader/submitted/erin/library/01_library.ipynb": ("erin", "nbgrader", ""),
}
NOT_GRADED = {  # path -> words of the reason
    "bob/scratch.ipynb": "only",
    "dave/draft.ipynb": "does not guess",
    "dave/final.ipynb": "does not guess",
    "notes.pdf": "not a notebook (.pdf)",
    "bob/.DS_Store": "hidden file",
    ".ipynb_checkpoints/01_library-checkpoint.ipynb": "checkpoint",
    "__MACOSX/bob/._01_library.ipynb": "Mac",
    "Jane Doe_1234567_assignsubmission_onlinetext_/onlinetext.html": "not a notebook (.html)",
}


def _download(folder: Path, notebook: bytes) -> Path:
    for rel in [*NOTEBOOKS, *NOT_GRADED]:
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(notebook if rel.endswith(".ipynb") else b"%PDF-1.4")
    return folder


@pytest.mark.parametrize("name, parsed", [
    ("doejane_12345_67890_01_keyword_frequency.ipynb", ("canvas", "doejane", "12345", "01_keyword_frequency.ipynb")),
    ("doejane_late_12345_67890_a.ipynb", ("canvas", "doejane", "12345", "a.ipynb")),
    ("LATE_anon_Ab12c_67890_a.ipynb", ("canvas", "anon_Ab12c", "", "a.ipynb")),
    ("Jane Doe_1234567_assignsubmission_file_a_b.ipynb", ("moodle", "Jane Doe", "1234567", "a_b.ipynb")),
    ("01_keyword_frequency.ipynb", None),
    ("2024_05_01_essay.ipynb", None),  # a name a student chose, not Canvas's
    ("lab_1_2_final.ipynb", None),
])
def test_lms_file_names(name, parsed):
    assert parse_name(Path(name)) == parsed


def test_every_layout_names_its_student_and_every_other_file_is_listed(tmp_path):
    folder = _download(tmp_path / "download", b"{}")
    found = find_submissions([folder], names=("01_library", "library"))
    got = {str(s.path.relative_to(folder)): (s.student, s.layout, s.lms_id) for s in found.submissions if not s.clash}
    assert got == NOTEBOOKS
    (dave,) = [s for s in found.submissions if s.clash]
    assert dave.student == "dave" and [p.name for p in dave.clash] == ["draft.ipynb", "final.ipynb"]
    skipped = {str(k.path.relative_to(folder)): k.why for k in found.skipped}
    assert set(skipped) == set(NOT_GRADED)
    for rel, words in NOT_GRADED.items():
        assert words in skipped[rel], (rel, skipped[rel])
    assert str(folder / "dave" / "draft.ipynb") in skipped["dave/final.ipynb"]  # a collision names both paths


def test_a_student_named_by_a_file_and_a_folder_is_a_collision_unless_one_is_named_like_the_assignment(tmp_path):
    for rel in ("frank.ipynb", "frank/work.ipynb"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("{}")
    (clash,) = find_submissions([tmp_path], names=("01_library",)).submissions
    assert clash.student == "frank" and len(clash.clash) == 2
    (tmp_path / "frank" / "work.ipynb").rename(tmp_path / "frank" / "01_library.ipynb")
    found = find_submissions([tmp_path], names=("01_library",))
    assert [(s.student, s.path.name, s.clash) for s in found.submissions] == [("frank", "01_library.ipynb", ())]
    assert [k.path.name for k in found.skipped] == ["frank.ipynb"]


def test_links_are_listed_never_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.ipynb").write_text("{}")
    download = tmp_path / "download"
    download.mkdir()
    os.symlink(outside, download / "linked_folder")
    (download / "real.ipynb").write_text("{}")
    found = find_submissions([download])
    assert [s.student for s in found.submissions] == ["real"]
    assert [(k.path.name, "symbolic link" in k.why) for k in found.skipped] == [("linked_folder", True)]


def test_nothing_to_grade_says_what_was_there(tmp_path):
    (tmp_path / "notes.pdf").write_text("x")
    with pytest.raises(GradeError, match="no .ipynb files") as info:
        find_submissions([tmp_path])
    assert "notes.pdf" in str(info.value)


def test_feedback_names_are_file_names():
    assert feedback_name("Jane Doe") == "Jane Doe" and "/" not in feedback_name("a/../b")


def test_a_real_download_is_graded_under_the_right_names(tmp_path):
    course = tmp_path / "course"
    solution = teacher_solution(course)
    assign(solution.parent, course / "exercises")
    exercise = (course / "exercises" / "01_library.ipynb").read_bytes()
    download = _download(tmp_path / "download", exercise)
    nb = read(course / "exercises" / "01_library.ipynb")  # doejane answers q1 right
    q1 = next(c for c in nb.cells if "q1_words = ..." in c.source)
    q1.source = "q1_words = len(kit.words(a))"
    write(nb, download / "doejane_12345_67890_01_library.ipynb")
    out = tmp_path / "grades"
    grades = grade(solution, [download], out, workers=2, lms="canvas", progress=False)
    students = {g.student: g for g in grades}
    assert set(students) == {*(s for s, _, _ in NOTEBOOKS.values()), "dave"}
    assert students["doejane"].points["q1_words"] == 1
    assert students["dave"].status == "invalid" and "draft.ipynb" in students["dave"].reason \
        and "final.ipynb" in students["dave"].reason
    assert (out / "feedback" / "Jane Doe.html").exists() and (out / "feedback" / "Participant 5550001.html").exists()
    with open(out / "gradebook-canvas.csv", encoding="utf-8", newline="") as f:
        ids = {row["Student"]: row["ID"] for row in csv.DictReader(f)}
    assert (ids["doejane"], ids["smithann"], ids["leeamy_11111"], ids["Jane Doe"]) == ("12345", "23456", "11111", "")
    state = json.loads((out / "grade-state.json").read_text(encoding="utf-8"))
    listed = {Path(k["path"]) for k in state["not_graded"]}
    graded = {Path(s["path"]) for s in state["submissions"]}
    for path in download.rglob("*"):  # nothing skipped silently
        if path.is_file():
            assert path in listed or path in graded, path
    summary = not_graded_summary(state)
    assert all(str(download / rel) in summary for rel in NOT_GRADED)
