"""kit assign: exercises/ generated from solutions/, and --check."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from kit.assign import MARKDOWN_STUB, AssignError, assign, make_exercise, stub_solution
from kit.cli import main

ROOT = Path(__file__).resolve().parents[1]

Q1 = '### BEGIN SOLUTION\nq1_word_count = len(kit.words(a))\n### END SOLUTION\ncheck("q1_word_count", q1_word_count)'
Q2 = (
    "### BEGIN SOLUTION\n"
    "def count_words(text):\n"
    "    counts = {}\n"
    "    for word in kit.words(text):\n"
    "        counts[word] = counts.get(word, 0) + 1\n"
    "    return counts\n"
    "\n"
    "q2_my_counts = count_words(a)\n"
    "### END SOLUTION\n"
    'check("q2_my_counts", q2_my_counts)\n'
    "### BEGIN HIDDEN TESTS\n"
    'check("q2_hidden_counts_b", count_words(b))\n'
    "### END HIDDEN TESTS"
)
DISCUSS = (
    "**Discuss.** Why do raw counts mislead?\n\n"
    "### BEGIN SOLUTION\nBecause grammar words come first.\n### END SOLUTION\n\n"
    "Compare with a neighbour."
)
HIDDEN_ONLY = '### BEGIN HIDDEN TESTS\ncheck("q1_hidden", q1_word_count)\n### END HIDDEN TESTS'


def _solution() -> nbformat.NotebookNode:
    q1 = new_code_cell(Q1, id="q1-cell", execution_count=7, outputs=[new_output("stream", name="stdout", text="✓ right\n")])
    q1.metadata["tags"] = ["graded"]
    cells = [
        new_markdown_cell("# Keywords\n\nYou will learn to count.", id="intro"),
        new_code_cell('article_a = "000"', id="params", metadata={"tags": ["parameters"]}, execution_count=1),
        q1,
        new_code_cell(Q2, id="q2-cell", execution_count=8),
        new_code_cell(HIDDEN_ONLY, id="hidden-only", execution_count=9),
        new_markdown_cell(DISCUSS, id="discuss"),
        new_code_cell("check.summary()", id="summary", execution_count=10),
    ]
    return new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


def _write(folder: Path, name: str, nb) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path


@pytest.fixture
def project(tmp_path):
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    _write(solutions, "01_keywords.ipynb", _solution())
    return solutions, exercises


# --- make_exercise and stub_solution -------------------------------------------------------


def _cells(nb):
    return {cell.id: cell for cell in nb.cells}


def test_an_assignment_becomes_name_equals_ellipsis():
    exercise = _cells(make_exercise(_solution()))["q1-cell"]
    lines = exercise.source.split("\n")
    assert "q1_word_count = ..." in lines
    assert lines[-1] == 'check("q1_word_count", q1_word_count)'
    assert "len(kit.words(a))" not in exercise.source and "BEGIN" not in exercise.source
    namespace = {}
    exec("\n".join(lines[:-1]), namespace)
    assert namespace["q1_word_count"] is Ellipsis


def test_a_def_keeps_its_header_with_an_ellipsis_body():
    exercise = _cells(make_exercise(_solution()))["q2-cell"]
    lines = exercise.source.split("\n")
    i = lines.index("def count_words(text):")
    assert lines[i + 1].strip() == "..." and lines[i + 1].startswith("    ")
    assert "q2_my_counts = ..." in lines
    assert "counts.get" not in exercise.source and "return counts" not in exercise.source
    namespace = {}
    exec("\n".join(line for line in lines if not line.startswith("check(")), namespace)
    assert namespace["count_words"]("any text") is None
    assert namespace["q2_my_counts"] is Ellipsis


def test_stub_solution_keeps_lines_outside_the_markers():
    source = "x = 1\n### BEGIN SOLUTION\nanswer = 6 * 7\n### END SOLUTION\nprint(answer)"
    stubbed = stub_solution(source)
    lines = stubbed.split("\n")
    assert lines[0] == "x = 1" and lines[-1] == "print(answer)"
    assert "answer = ..." in lines and "6 * 7" not in stubbed


def test_an_indented_solution_keeps_its_indentation():
    source = "def f(text):\n    ### BEGIN SOLUTION\n    n = len(text)\n    return n\n    ### END SOLUTION"
    stubbed = stub_solution(source)
    assert stubbed.startswith("def f(text):\n")
    assert "    n = ..." in stubbed.split("\n")
    assert "len(text)" not in stubbed
    compile(stubbed, "<stub>", "exec")


def test_an_annotated_assignment_becomes_a_stub():
    stubbed = stub_solution("### BEGIN SOLUTION\ntotal: int = 3 + 4\n### END SOLUTION")
    assert "total = ..." in stubbed.split("\n") and "3 + 4" not in stubbed


def test_a_tuple_assignment_keeps_both_names():
    """Bug: only `name = ...` lines are recognised; `top_word, top_count = ...` is
    dropped, so the exercise never defines top_word and the check cell raises
    NameError."""
    stubbed = stub_solution("### BEGIN SOLUTION\ntop_word, top_count = kit.top_keywords(a, 1)[0]\n### END SOLUTION")
    assert "kit.top_keywords" not in stubbed
    namespace = {}
    exec(stubbed, namespace)
    assert namespace.get("top_word") is Ellipsis and namespace.get("top_count") is Ellipsis


def test_markdown_solution_becomes_the_stub_text():
    exercise = _cells(make_exercise(_solution()))["discuss"]
    assert exercise.source == (
        f"**Discuss.** Why do raw counts mislead?\n\n{MARKDOWN_STUB}\n\nCompare with a neighbour."
    )
    assert "grammar words" not in exercise.source


def test_hidden_tests_are_removed_and_an_emptied_cell_is_dropped():
    exercise = make_exercise(_solution())
    ids = [cell.id for cell in exercise.cells]
    assert "hidden-only" not in ids
    q2 = _cells(exercise)["q2-cell"].source
    assert "q2_hidden_counts_b" not in q2 and "HIDDEN" not in q2
    assert q2.split("\n")[-1] == 'check("q2_my_counts", q2_my_counts)'
    assert not any("HIDDEN" in cell.source or "SOLUTION" in cell.source for cell in exercise.cells)


def test_outputs_and_execution_counts_are_cleared_ids_and_metadata_kept():
    solution = _solution()
    exercise = make_exercise(solution)
    assert [c.id for c in exercise.cells] == [c.id for c in solution.cells if c.id != "hidden-only"]
    for cell in exercise.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    cells = _cells(exercise)
    assert cells["params"].metadata["tags"] == ["parameters"]
    assert cells["params"].source == 'article_a = "000"'
    assert cells["q1-cell"].metadata["tags"] == ["graded"]
    assert cells["intro"].source == "# Keywords\n\nYou will learn to count."
    assert exercise.metadata == solution.metadata
    # the solution itself is left alone
    assert _cells(solution)["q1-cell"].outputs and "len(kit.words(a))" in _cells(solution)["q1-cell"].source


def test_unclosed_solution_marker_names_the_cell():
    nb = _solution()
    nb.cells[3].source = "### BEGIN SOLUTION\nx = 1\ncheck('x', x)"
    with pytest.raises(AssignError, match="cell 4") as info:
        make_exercise(nb)
    assert "END SOLUTION" in str(info.value)


def test_unclosed_hidden_marker_names_the_cell():
    nb = _solution()
    nb.cells[4].source = "### BEGIN HIDDEN TESTS\ncheck('x', x)"
    with pytest.raises(AssignError, match="cell 5") as info:
        make_exercise(nb)
    assert "END HIDDEN TESTS" in str(info.value)


def test_an_end_marker_without_a_begin_is_an_error():
    with pytest.raises(AssignError, match="cell 2"):
        stub_solution("x = 1\n### END SOLUTION", where="cell 2")


# --- assign() and `kit assign` ------------------------------------------------------------------


def test_assign_writes_the_exercises_and_a_second_run_changes_nothing(project):
    solutions, exercises = project
    written = assign(solutions, exercises)
    target = exercises / "01_keywords.ipynb"
    assert written == [target] and target.is_file()
    first = target.read_bytes()
    assert assign(solutions, exercises) == []
    assert target.read_bytes() == first
    assert assign(solutions, exercises, check=True) == []
    nb = json.loads(first)
    assert nb["nbformat"] == 4
    assert not any(cell.get("outputs") for cell in nb["cells"])


def test_assign_is_byte_stable_for_a_notebook_written_without_cell_ids(tmp_path):
    """Bug: nbformat gives cells without an id a new random id every time it
    reads them (with a MissingIDFieldWarning), so `kit assign` rewrites the
    exercise on every run and `kit assign --check` always reports it stale."""
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    solutions.mkdir()
    nb = {
        "cells": [
            {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [],
             "source": ["### BEGIN SOLUTION\n", "x = 1\n", "### END SOLUTION\n", "print(x)"]},
        ],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }
    (solutions / "n.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbformat's MissingIDFieldWarning
        assign(solutions, exercises)
        first = (exercises / "n.ipynb").read_bytes()
        stale = assign(solutions, exercises, check=True)
    assert stale == []
    assert (exercises / "n.ipynb").read_bytes() == first


def _cli(solutions: Path, exercises: Path, *extra: str) -> int:
    return main(["assign", *extra, "--solutions", str(solutions), "--exercises", str(exercises)])


def test_cli_check_passes_when_up_to_date(project, capsys):
    solutions, exercises = project
    assert _cli(solutions, exercises) == 0
    capsys.readouterr()
    assert _cli(solutions, exercises, "--check") == 0
    assert "up to date" in capsys.readouterr().out


def test_cli_check_fails_and_names_an_edited_exercise(project, capsys):
    solutions, exercises = project
    assert _cli(solutions, exercises) == 0
    target = exercises / "01_keywords.ipynb"
    edited = target.read_text(encoding="utf-8").replace("q1_word_count = ...", "q1_word_count = 42")
    assert edited != target.read_text(encoding="utf-8")
    target.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert _cli(solutions, exercises, "--check") != 0
    assert str(target) in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == edited  # --check writes nothing


def test_cli_check_fails_when_the_solution_changed(project, capsys):
    solutions, exercises = project
    assert _cli(solutions, exercises) == 0
    nb = _solution()
    nb.cells[0].source += "\n\nA new paragraph."
    _write(solutions, "01_keywords.ipynb", nb)
    capsys.readouterr()
    assert _cli(solutions, exercises, "--check") != 0
    assert "01_keywords.ipynb" in capsys.readouterr().err


def test_cli_check_fails_and_names_a_missing_exercise(project, capsys):
    solutions, exercises = project
    _write(solutions, "02_more.ipynb", _solution())
    assert _cli(solutions, exercises) == 0
    (exercises / "02_more.ipynb").unlink()
    capsys.readouterr()
    assert _cli(solutions, exercises, "--check") != 0
    err = capsys.readouterr().err
    assert str(exercises / "02_more.ipynb") in err and "01_keywords" not in err
    assert not (exercises / "02_more.ipynb").exists()


def test_an_exercise_without_a_solution_is_stale_and_removed(project, capsys):
    solutions, exercises = project
    assert _cli(solutions, exercises) == 0
    orphan = _write(exercises, "99_old.ipynb", new_notebook())
    capsys.readouterr()
    assert _cli(solutions, exercises, "--check") != 0
    assert str(orphan) in capsys.readouterr().err
    assert _cli(solutions, exercises) == 0
    assert not orphan.exists()


def test_cli_reports_an_unclosed_marker_with_file_and_cell(project, capsys):
    solutions, exercises = project
    nb = _solution()
    nb.cells[2].source = "### BEGIN SOLUTION\nq1_word_count = 3"
    path = _write(solutions, "01_keywords.ipynb", nb)
    with pytest.raises(AssignError) as info:
        assign(solutions, exercises)
    assert str(path) in str(info.value) and "cell 3" in str(info.value)
    assert _cli(solutions, exercises) != 0
    err = capsys.readouterr().err
    assert str(path) in err and "cell 3" in err
    assert not (exercises / "01_keywords.ipynb").exists()


def test_no_solutions_is_an_error(tmp_path):
    with pytest.raises(AssignError, match="No solution notebooks"):
        assign(tmp_path / "solutions", tmp_path / "exercises")


def test_the_repositorys_exercises_are_up_to_date(capsys):
    solutions, exercises = ROOT / "solutions", ROOT / "exercises"
    assert list(solutions.glob("*.ipynb"))
    before = {p: p.read_bytes() for p in exercises.glob("*.ipynb")}
    assert assign(solutions, exercises, check=True) == []
    assert _cli(solutions, exercises, "--check") == 0, capsys.readouterr().err
    assert {p: p.read_bytes() for p in exercises.glob("*.ipynb")} == before


def test_the_repositorys_exercises_hold_no_answers():
    for path in (ROOT / "exercises").glob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text, path.name
        nb = json.loads(text)
        assert all(not c.get("outputs") and c.get("execution_count") is None
                   for c in nb["cells"] if c["cell_type"] == "code"), path.name
