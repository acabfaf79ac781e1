"""Helpers shared by the grading tests: building crafted submissions, and one batch per test session.

Running notebooks is slow, so each test file grades all its submissions in ONE
batch, shared by its tests even across pytest-xdist workers (a file lock; the
other workers read the pickled results).
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import nbformat

from conftest import ROOT

KF_SOLUTION = ROOT / "solutions" / "01_keyword_frequency.ipynb"
KF_EXERCISE = ROOT / "exercises" / "01_keyword_frequency.ipynb"


def read(path: Path):
    return nbformat.read(path, as_version=4)


def index(nb, cell_id: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.get("id") == cell_id)


def set_source(nb, cell_id: str, source: str) -> None:
    nb.cells[index(nb, cell_id)].source = source


def insert_after(nb, cell_id: str, source: str) -> None:
    nb.cells.insert(index(nb, cell_id) + 1, nbformat.v4.new_code_cell(source))


def append(nb, source: str) -> None:
    nb.cells.append(nbformat.v4.new_code_cell(source))


def write(nb, path: Path) -> Path:
    # json, not nbformat.write: nbformat would "repair" the duplicate ids some tests want to keep
    path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    return path


def copy(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes())
    return dst


def solution_code(nb, cell_id: str) -> str:
    """The code between the solution markers of one cell."""
    lines, inside = [], False
    for line in nb.cells[index(nb, cell_id)].source.split("\n"):
        if line.strip() == "### BEGIN SOLUTION":
            inside = True
        elif line.strip() == "### END SOLUTION":
            inside = False
        elif inside:
            lines.append(line)
    return "\n".join(lines)


def processes_with(marker: str) -> list[int]:
    """The processes whose command line holds ``marker``."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if marker.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(int(pid))
        except OSError:
            pass
    return found


@contextmanager
def _locked(path: Path):
    try:
        import fcntl
    except ImportError:  # not POSIX: no sharing, each worker grades for itself
        yield
        return
    with open(path, "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def shared(tmp_path_factory, worker_id: str, name: str, produce: Callable[[Path], Any]) -> Any:
    """``produce(folder)`` once per test session, even with pytest-xdist."""
    if worker_id == "master":
        return produce(tmp_path_factory.mktemp(name))
    root = tmp_path_factory.getbasetemp().parent  # shared by this session's workers
    result = root / f"{name}.pickle"
    with _locked(root / f"{name}.lock"):
        if not result.exists():
            folder = root / name
            folder.mkdir()
            result.write_bytes(pickle.dumps(produce(folder)))
    return pickle.loads(result.read_bytes())


# --- a teacher's own assignment, outside the repository --------------------------------------

TEXT_ONE = ("The library opened early on Monday.\n\n"
            "“We wanted readers to come before work,” said Maria Lopez, the librarian.\n\n"
            "Forty people came in the first hour, and most of them borrowed a book.\n\n"
            "The mayor, Tom Reyes, visited at ten and stayed for the story hour.\n\n"
            "“Libraries are where a town meets itself,” Reyes told the children.\n\n"
            "By closing time the staff had issued three hundred new cards.\n")
TEXT_TWO = ("The library opened early again on Tuesday, and the queue was longer.\n\n"
            "“Word travels fast in a small town,” Maria Lopez said, smiling at the crowd.\n\n"
            "By noon the shelves of new novels were almost empty.\n\n"
            "Tom Reyes came back with his own children and a box of donated books.\n\n"
            "“We will need more shelves before the summer,” Lopez said.\n\n"
            "The council meets on Friday to talk about the budget.\n")

SETUP = ("import kit\nfrom kit.checks import Checker\n\n"
         "a = kit.load_article(article_a)\nb = kit.load_article(article_b)\ncheck = Checker(\"library\", a, b)")
Q1 = ("### BEGIN SOLUTION\nq1_words = len(kit.words(a))\n### END SOLUTION\ncheck(\"q1_words\", q1_words)")
Q2 = ("### BEGIN SOLUTION\ndef first_sentence(text):\n    return kit.sentences(text)[0]\n\n"
      "q2_first = first_sentence(a)\n### END SOLUTION\ncheck(\"q2_first\", q2_first)\n"
      "### BEGIN HIDDEN TESTS\nq2_hidden_first_b = first_sentence(b)\n### END HIDDEN TESTS")
Q3 = ("### BEGIN SOLUTION\nwords = kit.words(b)\nq3_mean_length = sum(len(w) for w in words) / len(words)\n"
      "### END SOLUTION\ncheck(\"q3_mean_length\", q3_mean_length)")
BLOCKS = {
    "q1": "# BEGIN QUESTION\nname: q1_words\npoints: 1\nkind: a whole number\nhint: Count the items of kit.words(a).",
    "q2": ("# BEGIN QUESTION\nname: q2_first\npoints: 2\nkind: a sentence (a string)\n"
           "hint: kit.sentences gives the sentences in order.\n\n"
           "# BEGIN QUESTION\nname: q2_hidden_first_b\npoints: 1\nkind: a sentence\n"
           "hint: first_sentence must work on any text.\nhidden: true"),
    "q3": ("# BEGIN QUESTION\nname: q3_mean_length\npoints: 2\nkind: a number\n"
           "hint: \"Add up the lengths, then divide: sum(len(w) for w in words) / len(words).\"\ntolerance: 0.01"),
}


def teacher_solution(course: Path) -> Path:
    """A teacher's three-question assignment on two texts of their own: ``course/solutions/01_library.ipynb``."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_raw_cell

    (course / "texts").mkdir(parents=True)
    (course / "texts" / "monday.txt").write_text(TEXT_ONE, encoding="utf-8")
    (course / "texts" / "tuesday.txt").write_text(TEXT_TWO, encoding="utf-8")
    cells = [
        new_markdown_cell("# The library's busy week\n\nYou will learn to count words and to write a function."),
        new_code_cell('article_a = "../texts/monday.txt"\narticle_b = "../texts/tuesday.txt"',
                      metadata={"tags": ["parameters"]}),
        new_code_cell(SETUP),
        new_raw_cell(BLOCKS["q1"]),
        new_markdown_cell("**Question `q1_words`** (1 point). How many words does A have?"),
        new_code_cell(Q1),
        new_raw_cell(BLOCKS["q2"]),
        new_markdown_cell("**Question `q2_first`** (2 points). Write `first_sentence(text)`; apply it to A."),
        new_code_cell(Q2),
        new_raw_cell(BLOCKS["q3"]),
        new_markdown_cell("**Question `q3_mean_length`** (2 points). The mean length of B's words?"),
        new_code_cell(Q3),
        new_code_cell("check.summary()"),
    ]
    for n, cell in enumerate(cells):
        cell.id = f"lib-{n}"
    (course / "solutions").mkdir()
    path = course / "solutions" / "01_library.ipynb"
    path.write_text(nbformat.writes(new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})), encoding="utf-8")
    return path


def questions_of(solution: Path):
    """The questions a solution notebook's blocks declare."""
    from kit.solution import read_notebook, read_questions

    return read_questions(read_notebook(solution), solution)


def exercise_answers(exercise: Path):
    """What an exercise's first cell hands ``check``: its questions and the answers on its texts and the practice pair."""
    import re

    from kit.assign import ANSWERS_CELL_ID
    from kit.checks import unpack

    cell = next(c for c in read(exercise).cells if c.get("id") == ANSWERS_CELL_ID)
    return unpack(re.search(r"expect\('([^']+)'\)", cell.source).group(1))


# --- a written answer, graded by the teacher ------------------------------------------------------

WRITTEN_BLOCK = ("# BEGIN QUESTION\nname: q4_why_queue\npoints: 3\nmanual: true\n"
                 "rubric: |\n  3: gives a reason from the texts (the early opening, the new cards).\n"
                 "  1: a reason that is not in the texts.")
WRITTEN_MODEL = "Readers came before work because the library opened early; word of the new cards travelled fast."
WRITTEN_ANSWER = f"### BEGIN SOLUTION\n{WRITTEN_MODEL}\n### END SOLUTION"
WRITTEN_CELL_ID = "lib-written-answer"


def add_written_question(solution: Path) -> Path:
    """Add a written answer (``q4_why_queue``, 3 points) before the solution's last cell, ids ``lib-written-*``."""
    from nbformat.v4 import new_markdown_cell, new_raw_cell

    nb = read(solution)
    nb.cells[-1:-1] = [
        new_raw_cell(WRITTEN_BLOCK, id="lib-written-block"),
        new_markdown_cell("**Question `q4_why_queue`** (3 points, graded by your teacher). Why was the queue longer "
                          "on Tuesday? Answer in the cell below.", id="lib-written-prompt"),
        new_markdown_cell(WRITTEN_ANSWER, id=WRITTEN_CELL_ID),
    ]
    solution.write_text(nbformat.writes(nb), encoding="utf-8")
    return solution


def assigned_course(root: Path) -> tuple[Path, Path]:
    """The teacher's assignment with its written answer, assigned: the solution, and the exercises' folder."""
    from kit.assign import assign

    solution = add_written_question(teacher_solution(root / "course"))
    exercises = root / "course" / "exercises"
    assign(solution.parent, exercises)
    return solution, exercises
