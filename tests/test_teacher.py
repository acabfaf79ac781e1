"""A teacher writes a new assignment in one notebook, in a folder of their own, with the kit installed from a wheel.

What the README's "For teachers" walks through, step by step: two texts of
their own, a solution notebook with three questions (one a function with a
hidden test, one a number with a tolerance), ``kit assign``, a student trying a
wrong and then a right answer, and ``kit grade`` on a perfect, a blank and a
half-done submission. Nothing under ``kit/`` is touched: the kit runs from the
wheel, and the course folder lies outside the repository.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT
from grading import TEXT_ONE, read, set_source, solution_code, teacher_solution, write

POINTS = {"q1_words": 1, "q2_first": 2, "q2_hidden_first_b": 1, "q3_mean_length": 2}


def _kit(site: Path, course: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m kit ...`` run in the course folder, with the kit from the wheel and nothing else of this repository."""
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(site), "HOME": str(course)}
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=course, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("teacher")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                            str(root), str(ROOT)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    (wheel,) = root.glob("*.whl")
    site = root / "site"
    zipfile.ZipFile(wheel).extractall(site)
    course = root / "course"
    solution = teacher_solution(course)
    assigned = _kit(site, course, "assign", "solutions", "--out", "exercises")
    return {"site": site, "course": course, "solution": solution, "assigned": assigned}


def test_the_kit_comes_from_the_wheel_and_the_course_is_elsewhere(course):
    done = subprocess.run([sys.executable, "-c", "import kit, kit.grade; print(kit.__file__)"],
                          env={"PYTHONPATH": str(course["site"])}, cwd=course["course"], capture_output=True, text=True)
    assert done.stdout.strip().startswith(str(course["site"]))
    assert ROOT not in course["course"].parents
    assert not (course["site"] / "kit" / "questions").exists()


def test_kit_assign_writes_the_exercise(course):
    assert course["assigned"].returncode == 0, course["assigned"].stderr
    assert "wrote exercises/01_library.ipynb" in course["assigned"].stdout
    exercise = read(course["course"] / "exercises" / "01_library.ipynb")
    sources = "\n".join(c.source for c in exercise.cells)
    assert "q1_words = ..." in sources and "def first_sentence(text):\n    ..." in sources
    assert "kit.sentences(text)[0]" not in sources and "q2_hidden" not in sources and "BEGIN QUESTION" not in sources


def _run_exercise(course: dict, name: str, nb) -> list[str]:
    """Run an exercise as a student would in JupyterLab (in its folder); what its checks printed."""
    folder = course["course"] / "exercises"
    path = write(nb, folder / f"{name}.ipynb")
    out = folder / f"{name}.out.ipynb"
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(course["site"]), "HOME": str(course["course"])}
    done = subprocess.run([sys.executable, "-m", "papermill", str(path), str(out), "--cwd", str(folder), "-k",
                           "python3", "--no-progress-bar"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return [o.get("data", {}).get("text/plain", o.get("text", "")) for c in read(out).cells
            if c.cell_type == "code" for o in c.outputs]


def test_a_student_checks_a_wrong_answer_then_a_right_one(course):
    exercise = read(course["course"] / "exercises" / "01_library.ipynb")
    q1 = next(c for c in exercise.cells if "q1_words = ..." in c.source).id
    set_source(exercise, q1, 'q1_words = len(a.text)  # characters, not words\ncheck("q1_words", q1_words)')
    wrong = "\n".join(_run_exercise(course, "wrong", exercise))
    assert "✗ q1_words:" in wrong and "Hint: Count the items of kit.words(a)." in wrong
    set_source(exercise, q1, 'q1_words = len(kit.words(a))\ncheck("q1_words", q1_words)')
    right = "\n".join(_run_exercise(course, "right", exercise))
    assert "✓ q1_words: right on these texts, 1/1 point." in right and "check.rehearse()" in right


def _submissions(course: dict) -> Path:
    folder = course["course"] / "submissions"
    folder.mkdir(exist_ok=True)
    solution, exercise = read(course["solution"]), read(course["course"] / "exercises" / "01_library.ipynb")
    write(exercise, folder / "blank.ipynb")
    perfect = read(course["course"] / "exercises" / "01_library.ipynb")
    for n in (5, 8, 11):  # the answer cells, whose ids the exercise keeps
        cell_id = solution.cells[n].id
        rest = perfect.cells[[c.id for c in perfect.cells].index(cell_id)].source.split("\n")
        set_source(perfect, cell_id, solution_code(solution, cell_id) + "\n" + rest[-1])
    write(perfect, folder / "perfect.ipynb")
    half = read(course["course"] / "exercises" / "01_library.ipynb")
    set_source(half, solution.cells[5].id, "q1_words = len(kit.words(a))")
    set_source(half, solution.cells[8].id, "def first_sentence(text):\n    return 'The library opened early on Monday.'"
                                           "\n\nq2_first = first_sentence(a)")  # typed in: right on A only
    write(half, folder / "half.ipynb")
    return folder


def test_kit_grade_grades_a_perfect_a_blank_and_a_half_done_submission(course):
    subs = _submissions(course)
    done = _kit(course["site"], course["course"], "grade", "solutions/01_library.ipynb", "submissions",
                "--out", "grades", "--quiet")
    assert done.returncode == 0, done.stderr
    with open(course["course"] / "grades" / "grades.csv", encoding="utf-8", newline="") as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    assert list(next(iter(rows.values())))[1:5] == list(POINTS)
    assert rows["perfect"]["total"] == rows["perfect"]["max"] == str(sum(POINTS.values()))
    assert rows["blank"]["total"] == "0"
    assert (rows["half"]["q1_words"], rows["half"]["q2_first"], rows["half"]["total"]) == ("1", "0", "1")
    page = (course["course"] / "grades" / "feedback" / "half.html").read_text(encoding="utf-8")
    # computed by a function, so not "typed in": the function returns the same sentence whatever the text
    assert "right on your texts, but your code gives a different answer on other texts (the grader&#x27;s second " \
           "pair)" in page and "typed in" not in page
    state = json.loads((course["course"] / "grades" / "grade-state.json").read_text(encoding="utf-8"))
    assert state["sandbox"]["on"] and state["texts"][0]["a"]["text"] == TEXT_ONE
    assert subs.is_dir()


def test_a_solution_that_fails_stops_the_batch_before_any_student_is_graded(course, tmp_path):
    broken = tmp_path / "solutions" / "02_broken.ipynb"
    broken.parent.mkdir()
    nb = read(course["solution"])
    nb.cells[11].source = nb.cells[11].source.replace("/ len(words)", "/ len(words) / 0")
    broken.write_text(nbformat.writes(nb), encoding="utf-8")
    (tmp_path / "texts").symlink_to(course["course"] / "texts")  # the solution names its texts ../texts/...
    subs = _submissions(course)  # made here too: under pytest-xdist, this test may run before the one that grades
    done = _kit(course["site"], course["course"], "grade", str(broken), str(subs), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "02_broken.ipynb fails on your texts" in done.stderr and "ZeroDivisionError" in done.stderr
    assert not (tmp_path / "out" / "grades.csv").exists()
