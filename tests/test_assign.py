"""kit assign: exercises generated from solution notebooks, with their answers, and --check."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from conftest import ROOT
from grading import TEXT_ONE, teacher_solution
from kit.assign import ANSWERS_CELL_ID, MARKDOWN_STUB, AssignError, assign, make_exercise, practice_pair, stub_solution
from kit.checks import fingerprint, unpack
from kit.cli import main

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


# --- assign() and `kit assign`, on a teacher's own assignment ---------------------------------------


def test_question_blocks_are_removed_from_the_exercise():
    nb = _solution()
    nb.cells.insert(2, nbformat.v4.new_raw_cell("# BEGIN QUESTION\nname: q1_word_count\npoints: 1\nkind: a number\n"
                                                "hint: Count.", id="q1-block"))
    assert "q1-block" not in [c.id for c in make_exercise(nb).cells]


@pytest.fixture
def course(tmp_path):
    solution = teacher_solution(tmp_path / "course")
    return solution.parent, tmp_path / "course" / "exercises"


def _cli(solutions: Path, exercises: Path, *extra: str) -> int:
    return main(["assign", str(solutions), "--out", str(exercises), *extra])


def test_assign_writes_exercises_that_carry_their_answers_and_a_second_run_changes_nothing(course):
    import kit

    solutions, exercises = course
    written = assign(solutions, exercises)
    target = exercises / "01_library.ipynb"
    assert written == [target]
    first = target.read_bytes()
    assert assign(solutions, exercises) == [] and target.read_bytes() == first
    nb = nbformat.reads(first.decode(), as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")
    assert not any(c.cell_type == "raw" for c in nb.cells)  # the question blocks stay with the teacher
    answers_cell = next(c for c in nb.cells if c.id == ANSWERS_CELL_ID)
    assert nb.cells.index(answers_cell) == 1  # before the first code cell
    expected = unpack(re.search(r"expect\('([^']+)'\)", answers_cell.source).group(1))
    assert expected.assignment == "library"
    assert [q.id for q in expected.questions] == ["q1_words", "q2_first", "q2_hidden_first_b", "q3_mean_length"]
    own, practice = expected.pairs
    assert own.a == fingerprint(TEXT_ONE) and own.answers["q1_words"] == len(kit.words(TEXT_ONE))
    assert "practice" in practice.name
    assert practice.answers["q2_first"] == kit.sentences(practice_pair()[0].read_text(encoding="utf-8"))[0]
    assert "q2_hidden_first_b" not in own.answers  # hidden answers are not shipped to students
    assert expected.questions[3].tolerance == 0.01


def test_check_says_which_exercises_are_stale_and_why(course, capsys):
    solutions, exercises = course
    assert _cli(solutions, exercises) == 0
    capsys.readouterr()
    assert _cli(solutions, exercises, "--check") == 0
    assert "up to date" in capsys.readouterr().out
    target = exercises / "01_library.ipynb"
    edited = target.read_text(encoding="utf-8").replace("q1_words = ...", "q1_words = 42")
    assert edited != target.read_text(encoding="utf-8")
    target.write_text(edited, encoding="utf-8")
    assert _cli(solutions, exercises, "--check") == 1
    assert str(target) in capsys.readouterr().err and target.read_text(encoding="utf-8") == edited
    assert _cli(solutions, exercises) == 0
    (solutions.parent / "texts" / "monday.txt").write_text(TEXT_ONE + "\nOne more line.\n", encoding="utf-8")
    assert _cli(solutions, exercises, "--check") == 1  # the texts changed, so the answers did
    orphan = exercises / "99_old.ipynb"
    orphan.write_text(nbformat.writes(new_notebook()), encoding="utf-8")
    capsys.readouterr()
    assert _cli(solutions, exercises, "--check") == 1 and str(orphan) in capsys.readouterr().err
    assert _cli(solutions, exercises) == 0 and not orphan.exists()


def test_assign_is_byte_stable_for_a_notebook_written_without_cell_ids(course):
    solutions, exercises = course
    path = solutions / "01_library.ipynb"
    raw = json.loads(path.read_text(encoding="utf-8"))
    for cell in raw["cells"]:
        del cell["id"]
    raw["nbformat_minor"] = 4
    path.write_text(json.dumps(raw), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbformat's MissingIDFieldWarning
        assign(solutions, exercises)
        first = (exercises / "01_library.ipynb").read_bytes()
        assert assign(solutions, exercises, check=True) == []
    assert (exercises / "01_library.ipynb").read_bytes() == first


@pytest.mark.parametrize("block, words", [
    ("# BEGIN QUESTION\nname: q1_words\npoints: two\nkind: a number\nhint: Count.", "points must be a whole number"),
    ("# BEGIN QUESTION\nname: q1_words\npoints: 1\nkind: a number", "has no hint"),
    ("# BEGIN QUESTION\nname: q1 words\npoints: 1\nkind: a number\nhint: Count.", "Python variable name"),
    ("# BEGIN QUESTION\nname: q1_words\npoints: 1\nkind: a number\nhint: Count.\nweight: 3", "unknown key 'weight'"),
    ("# BEGIN QUESTION\nname: q1_words\npoints: 1\nkind: a number\nhint: Look: here", "not valid YAML"),
    # .nan would make every answer that is not exactly the solution's wrong; .inf every number right
    ("# BEGIN QUESTION\nname: q1_words\npoints: 1\nkind: a number\nhint: Count.\ntolerance: .nan", "finite number"),
    ("# BEGIN QUESTION\nname: q1_words\npoints: 1\nkind: a number\nhint: Count.\ntolerance: .inf", "finite number"),
])
def test_a_malformed_question_block_names_the_notebook_the_cell_and_the_fix(course, capsys, block, words):
    solutions, exercises = course
    path = solutions / "01_library.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[3].source = block
    nbformat.write(nb, path)
    with pytest.raises(AssignError) as info:
        assign(solutions, exercises)
    message = str(info.value)
    assert str(path) in message and "cell 4" in message and words in message, message
    assert _cli(solutions, exercises) == 2 and words in capsys.readouterr().err
    assert not exercises.exists()


def test_a_solution_that_fails_on_the_practice_pair_is_named(course):
    solutions, exercises = course
    path = solutions / "01_library.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[5].source = nb.cells[5].source.replace("len(kit.words(a))", "a.text.index('Maria')")
    nbformat.write(nb, path)
    with pytest.raises(AssignError) as info:
        assign(solutions, exercises)
    assert "01_library.ipynb fails on practice" in str(info.value) and "ValueError" in str(info.value)
    assert not exercises.exists()


def test_cli_reports_an_unclosed_marker_with_file_and_cell(course, capsys):
    solutions, exercises = course
    path = solutions / "01_library.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[5].source = "### BEGIN SOLUTION\nq1_words = 3"
    nbformat.write(nb, path)
    with pytest.raises(AssignError) as info:
        assign(solutions, exercises)
    assert str(path) in str(info.value) and "cell 6" in str(info.value)
    assert _cli(solutions, exercises) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "cell 6" in err


def test_no_solutions_is_an_error(tmp_path):
    with pytest.raises(AssignError, match="No solution notebooks"):
        assign(tmp_path / "solutions", tmp_path / "exercises")


def test_the_repositorys_exercises_are_up_to_date(capsys):
    solutions, exercises = ROOT / "solutions", ROOT / "exercises"
    assert list(solutions.glob("*.ipynb"))
    before = {p: p.read_bytes() for p in exercises.glob("*.ipynb")}
    assert _cli(solutions, exercises, "--check") == 0, capsys.readouterr().err
    assert {p: p.read_bytes() for p in exercises.glob("*.ipynb")} == before


def test_the_repositorys_exercises_hold_no_answers_but_their_answers_cell():
    for path in (ROOT / "exercises").glob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "BEGIN QUESTION" not in text, path.name
        nb = json.loads(text)
        assert all(not c.get("outputs") and c.get("execution_count") is None
                   for c in nb["cells"] if c["cell_type"] == "code"), path.name
        assert [c["id"] for c in nb["cells"]].count(ANSWERS_CELL_ID) == 1, path.name


# --- written answers (manual: true) ------------------------------------------------------------------

from grading import WRITTEN_ANSWER, WRITTEN_BLOCK, WRITTEN_CELL_ID, WRITTEN_MODEL, add_written_question  # noqa: E402


def test_a_written_answer_becomes_an_empty_answer_cell_and_its_model_and_rubric_stay_behind(course):
    from kit.solution import answer_cells, read_notebook, read_questions

    solutions, exercises = course
    path = add_written_question(solutions / "01_library.ipynb")
    nb = read_notebook(path)
    q = next(q for q in read_questions(nb, path) if q.id == "q4_why_queue")
    assert (q.manual, q.points, q.kind, q.hint) == (True, 3, "a written answer", "")
    assert q.rubric.startswith("3: gives a reason") and "1: a reason" in q.rubric
    cell = answer_cells(nb, path)["q4_why_queue"]
    assert (cell.cell_id, cell.model) == (WRITTEN_CELL_ID, WRITTEN_MODEL)
    assign(solutions, exercises)
    text = (exercises / "01_library.ipynb").read_text(encoding="utf-8")
    exercise = nbformat.reads(text, as_version=4)
    assert _cells(exercise)[WRITTEN_CELL_ID].source == MARKDOWN_STUB
    assert _cells(exercise)[WRITTEN_CELL_ID].cell_type == "markdown"
    assert "lib-written-block" not in _cells(exercise)
    answers_cell = _cells(exercise)[ANSWERS_CELL_ID]
    expected = unpack(re.search(r"expect\('([^']+)'\)", answers_cell.source).group(1))
    shipped = next(q for q in expected.questions if q.id == "q4_why_queue")
    assert shipped.manual and shipped.points == 3 and shipped.rubric == ""
    assert all("q4_why_queue" not in pair.answers for pair in expected.pairs)
    unpacked = repr(expected)
    for secret in (WRITTEN_MODEL, "gives a reason", "the new cards"):
        assert secret not in text and secret not in unpacked, secret


def test_without_written_answers_an_exercise_packs_as_before():
    """Exercises generated before written answers existed stay byte for byte the same."""
    from kit.checks import Answers, Expected, Question, pack

    q = Question("q1", 1, "a number", "Count.")
    data = json.loads(__import__("zlib").decompress(__import__("base64").b64decode(
        pack(Expected("demo", (q,), (Answers("seeds", "a", "b", {"q1": 1}),))))))
    assert set(data["questions"][0]) == {"id", "points", "kind", "hint", "order", "tolerance", "hidden"}


@pytest.mark.parametrize("change, words", [
    (lambda nb: nb.cells[-4].__setitem__("source", WRITTEN_BLOCK + "\nhidden: true"), "hidden does not apply"),
    (lambda nb: nb.cells[-4].__setitem__("source", WRITTEN_BLOCK + "\ntolerance: 0.1"), "tolerance does not apply"),
    (lambda nb: nb.cells[-4].__setitem__("source", WRITTEN_BLOCK.replace("manual: true", "manual: yes please")),
     "manual must be true or false"),
    (lambda nb: nb.cells[-4].__setitem__("source", WRITTEN_BLOCK.replace("manual: true\n", "kind: a text\nhint: Think.\n")),
     "rubric is for written answers"),
    (lambda nb: nb.cells.pop(-2), "has no answer cell"),
    (lambda nb: nb.cells[-2].__setitem__("source", "Answer below.\n\n" + WRITTEN_ANSWER), "must hold only the model answer"),
    (lambda nb: nb.cells.__setitem__(-2, nbformat.v4.new_code_cell(WRITTEN_ANSWER)), "has no answer cell"),
    (lambda nb: nb.cells[-4].__setitem__("source", WRITTEN_BLOCK + "\n\n" + WRITTEN_BLOCK.replace("q4_why", "q5_why")),
     "two written answers"),
])
def test_a_malformed_written_answer_names_the_notebook_the_cell_and_the_fix(course, capsys, change, words):
    solutions, exercises = course
    path = add_written_question(solutions / "01_library.ipynb")
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)
    with pytest.raises(AssignError) as info:
        assign(solutions, exercises)
    message = str(info.value)
    assert str(path) in message and re.search(r"cell \d+", message) and words in message, message
    assert _cli(solutions, exercises) == 2 and words in capsys.readouterr().err
    assert not exercises.exists()
