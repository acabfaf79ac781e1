"""``kit grade``: every solution earns full marks, every exercise zero, and crafted
submissions earn exactly what they deserve.

The crafted submissions are built here from the real keyword_frequency solution
and exercise with nbformat, so they never go stale. Running notebooks is slow, so
all of them are graded in ONE batch (two workers), shared by the tests below even
across pytest-xdist workers (a file lock; the second worker reads the results).
"""

from __future__ import annotations

import copy
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from grading import KF_EXERCISE, KF_SOLUTION
from grading import copy as _copy
from grading import exercise_answers, questions_of
from grading import index as _index
from grading import insert_after as _insert_after
from grading import read as _read
from grading import set_source as _set
from grading import shared as _shared
from grading import solution_code as _solution_code
from grading import write as _write
from kit.checks import to_plain
from kit.grade import (
    Grade,
    GradeError,
    build_notebook,
    find_solution,
    grade,
    hidden_tests,
    make_plan,
    read_submission,
    run_settings,
)
from kit.grade.notebook import SETUP_ID, TEXTS_ID
from kit.grade.run import _setup_source

SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))
PRACTICE = sorted((ROOT / "kit" / "data" / "practice").glob("*.txt"))
KF_QUESTIONS = questions_of(KF_SOLUTION)
KF_MAX = sum(q.points for q in KF_QUESTIONS)
KF_AUTO = sum(q.points for q in KF_QUESTIONS if not q.manual)  # what a solution earns: the teacher grades written answers
CELL_TIMEOUT = 10  # the infinite loop waits this long


# --- building submissions -------------------------------------------------------------------


def _functions_of(nb, cell_id: str) -> str:
    """Only the functions a solution cell defines: its answers left for the test to set."""
    import ast

    tree = ast.parse(_solution_code(nb, cell_id))
    return "\n\n".join(ast.unparse(node) for node in tree.body if isinstance(node, ast.FunctionDef)) + "\n"


def _seed_expected() -> dict:
    """The answers on the seeds, as the exercise carries them."""
    return exercise_answers(KF_EXERCISE).pairs[0].answers


def _crafted(folder: Path) -> dict[str, int]:
    """Write the crafted keyword_frequency submissions; return the total each deserves."""
    sol, ex = _read(KF_SOLUTION), _read(KF_EXERCISE)
    deserved = {}

    nb = copy.deepcopy(ex)  # q1 and q3 right; q4's function right (its hidden tests pass), its answer swaps A and B
    _set(nb, "01-006", _solution_code(sol, "01-006") + '\ncheck("q1_word_count", q1_word_count)')
    _set(nb, "01-015", _solution_code(sol, "01-015") + '\ncheck("q3_top_keywords", q3_top_keywords)')
    _set(nb, "01-018", _functions_of(sol, "01-018") + "\nq4_per_thousand = [per_thousand(b, focus), per_thousand(a, focus)]")
    _write(nb, folder / "partly_right.ipynb")
    deserved["partly_right"] = 1 + 2 + 1 + 1

    seeds = _seed_expected()  # the solution, with three answers typed in from the seed run
    nb = copy.deepcopy(sol)
    for cell_id, qid in (("01-006", "q1_word_count"), ("01-015", "q3_top_keywords"), ("01-027", "q6_g2")):
        _set(nb, cell_id, _functions_of(sol, cell_id) + f"\n{qid} = {seeds[qid]!r}\ncheck({qid!r}, {qid})")
    _write(nb, folder / "hard_coded.ipynb")
    deserved["hard_coded"] = KF_AUTO - 1 - 2 - 2

    nb = copy.deepcopy(sol)  # one cell does not parse; the cells after it still run
    _set(nb, "01-015", 'q3_top_keywords = "<script>alert(1)</script>" + (\ncheck("q3_top_keywords", q3_top_keywords)')
    _write(nb, folder / "syntax_error.ipynb")
    deserved["syntax_error"] = KF_AUTO - 2

    nb = copy.deepcopy(sol)  # loops forever before q6's function and answer: q6 and its two hidden tests lost
    _set(nb, "01-027", "while True:\n    pass\n" + nb.cells[_index(nb, "01-027")].source)
    _write(nb, folder / "infinite_loop.ipynb")
    deserved["infinite_loop"] = KF_AUTO - 2 - 1 - 1

    nb = copy.deepcopy(sol)  # the kernel dies after q4 and its hidden tests
    _insert_after(nb, "01-018", "import os\nos._exit(1)")
    _write(nb, folder / "kernel_crash.ipynb")
    deserved["kernel_crash"] = 1 + 2 + 1 + 1 + 2 + 2 + 1 + 1

    nb = copy.deepcopy(sol)  # q2's cell (and its check) deleted, its code moved up; q3's cell deleted
    _set(nb, "01-006", nb.cells[_index(nb, "01-006")].source + "\n" + _solution_code(sol, "01-009"))
    del nb.cells[_index(nb, "01-009")]
    del nb.cells[_index(nb, "01-015")]
    _write(nb, folder / "deleted_check_cell.ipynb")
    deserved["deleted_check_cell"] = KF_AUTO - 2

    nb = copy.deepcopy(sol)  # answers that claim to equal anything
    _set(nb, "01-006", "class AlwaysEqual:\n    def __eq__(self, other):\n        return True\n"
                       "    __hash__ = object.__hash__\n\nq1_word_count = AlwaysEqual()\ncheck('q1_word_count', q1_word_count)")
    _set(nb, "01-027", _functions_of(sol, "01-027") + "\nclass LyingFloat(float):\n    def __eq__(self, other):\n"
                       "        return True\n    __hash__ = float.__hash__\n\nq6_g2 = LyingFloat(0)")
    _write(nb, folder / "always_equal.ipynb")
    deserved["always_equal"] = KF_AUTO - 1 - 2

    nb = copy.deepcopy(sol)  # answers looked up from the checker and the question bank
    _set(nb, "01-006", "q1_word_count = check.expected('q1_word_count')\ncheck('q1_word_count', q1_word_count)")
    _set(nb, "01-015", "q3_top_keywords = check.expected('q3_top_keywords')")
    _set(nb, "01-027", _functions_of(sol, "01-027") + "\nfrom kit.questions.keyword_frequency import QUESTIONS\n"
                       "q6_g2 = [q for q in QUESTIONS if q.id == 'q6_g2'][0].expected(a, b)")
    _write(nb, folder / "copies_expected.ipynb")
    deserved["copies_expected"] = KF_AUTO - 1 - 2 - 2

    nb = copy.deepcopy(sol)  # check, and kit's own comparison, patched to always agree
    _insert_after(nb, "01-002", 'check = lambda *a: print("✓ right!")\nimport kit.checks\n'
                                "kit.checks.compare = lambda *a, **k: None\nkit.checks.to_plain = lambda v: v")
    _set(nb, "01-006", "q1_word_count = 5\ncheck('q1_word_count', q1_word_count)")
    _set(nb, "01-015", "q3_top_keywords = []\ncheck('q3_top_keywords', q3_top_keywords)")
    _write(nb, folder / "monkeypatched_check.ipynb")
    deserved["monkeypatched_check"] = KF_AUTO - 1 - 2

    nb = copy.deepcopy(sol)  # cells pasted twice, with the same ids
    for cell_id in ("01-005", "01-006", "01-009"):
        i = _index(nb, cell_id)
        nb.cells.insert(i + 1, copy.deepcopy(nb.cells[i]))
    _write(nb, folder / "duplicated_cells.ipynb")
    deserved["duplicated_cells"] = KF_AUTO

    nb = copy.deepcopy(sol)  # prints 6 MB
    _insert_after(nb, "01-011", "for i in range(100):\n    print(('flood ' * 1000 + '\\n') * 10)")
    _write(nb, folder / "flood.ipynb")
    deserved["flood"] = KF_AUTO

    (folder / "not_a_notebook.ipynb").write_text("import kit\nq1_word_count = 395\n", encoding="utf-8")
    deserved["not_a_notebook"] = 0
    text = KF_SOLUTION.read_text(encoding="utf-8")
    (folder / "invalid_json.ipynb").write_text(text[: len(text) // 2], encoding="utf-8")
    deserved["invalid_json"] = 0
    return deserved


def _typed_constant(solution: Path, folder: Path) -> Path:
    """Lesson 02 with q4 and q7 typed in: scores on the lesson's own gold standard,
    the same on every pair of texts, so right on both runs."""
    nb = _read(solution)
    answers = exercise_answers(ROOT / "exercises" / solution.name).pairs[0].answers
    for cell_id, qid in (("02-127", "q4_kit_scores"), ("02-142", "q7_dialogue_kit_scores")):
        _set(nb, cell_id, f"{qid} = {answers[qid]!r}\ncheck({qid!r}, {qid})")
    return _write(nb, folder / "typed_constant.ipynb")


# --- one batch, shared by every test (and every xdist worker) -------------------------------------


def _batch(folder: Path) -> dict:
    """Grade every solution and exercise (by glob) and the crafted submissions."""
    subs = folder / "submissions"
    subs.mkdir()
    deserved = _crafted(subs)
    grades, outs, solutions = {}, {}, {}
    for solution in SOLUTIONS:
        name = find_solution(solution)[0]
        batch = [_copy(solution, subs / f"solution_{solution.stem}.ipynb")]
        exercise = ROOT / "exercises" / solution.name
        if exercise.exists():
            batch.append(_copy(exercise, subs / f"exercise_{solution.stem}.ipynb"))
        if name == "keyword_frequency":
            batch += [subs / f"{student}.ipynb" for student in deserved]
        if name == "quote_extraction":
            batch.append(_typed_constant(solution, subs))
        out = folder / f"out_{name}"
        for g in grade(solution, batch, out, workers=2, cell_timeout=CELL_TIMEOUT, total_timeout=120,
                       progress=False):
            grades[g.student] = g
            outs[g.student] = out
            solutions[g.student] = solution
    return {"grades": grades, "outs": outs, "solutions": solutions, "deserved": deserved}


@pytest.fixture(scope="session")
def batch(tmp_path_factory, xdist_worker):
    return _shared(tmp_path_factory, xdist_worker, "grade-batch", _batch)


@pytest.fixture(scope="session")
def xdist_worker(request) -> str:
    return getattr(request.config, "workerinput", {}).get("workerid", "master")


def _html(batch, student: str) -> str:
    return (batch["outs"][student] / "feedback" / f"{student}.html").read_text(encoding="utf-8")


def _problem(g: Grade, qid: str) -> str:
    return next(q.problem for q in g.questions if q.id == qid)


# The tests run in this order on purpose: under pytest-xdist, the limits test (which
# mostly sleeps) and the quick tests go first, so that one worker grades the big batch
# while the other does the rest.


# --- limits: the total timeout, and a cell that ignores interrupts ---------------------------------------


def _limits(folder: Path) -> dict:
    sol = _read(KF_SOLUTION)
    nb = copy.deepcopy(sol)
    for _ in range(6):  # each cell is under the cell limit; together they pass the total limit
        _insert_after(nb, "01-009", "import time\ntime.sleep(2)")
    slow = _write(nb, folder / "slow.ipynb")
    nb = copy.deepcopy(sol)
    _insert_after(nb, "01-009", "import time\nwhile True:\n    try:\n        time.sleep(0.2)\n"
                                "    except KeyboardInterrupt:\n        pass")
    stubborn = _write(nb, folder / "stubborn.ipynb")
    grades = grade("keyword_frequency", [slow, stubborn], folder / "out", workers=2,
                   cell_timeout=4, total_timeout=10, progress=False)
    return {g.student: g for g in grades}


@pytest.fixture(scope="session")
def limits(tmp_path_factory, xdist_worker):
    return _shared(tmp_path_factory, xdist_worker, "grade-limits", _limits)


def test_total_timeout_and_a_cell_that_ignores_interrupts(limits):
    slow, stubborn = limits["slow"], limits["stubborn"]
    assert slow.status == "timeout" and "total limit of 10 s" in slow.reason, slow.reason
    assert stubborn.status == "timeout" and "did not stop when interrupted" in stubborn.reason, stubborn.reason
    for g in (slow, stubborn):  # q1, q2 and its hidden tests came before the trouble; nothing after
        assert g.total == 1 + 2 + 1 + 1 and not g.runs[0].completed



@pytest.mark.parametrize("over", [True, False], ids=["past the total limit", "within it"])
def test_a_run_that_nbclient_gives_up_on_past_the_total_limit_is_a_timeout(tmp_path, monkeypatch, over):
    """Interrupting a busy kernel at the total limit can end in an exception of
    nbclient's own (a channel closing under it). Past the limit that is the
    limit, and the feedback says so; before it, the grader could not run the
    notebook, and says that instead."""
    import kit
    import kit.grade.run as run_module
    from kit.grade import Solution, Text, TextPair, run_notebook, run_settings

    async def gives_up(self):
        self.run.started = next(i for i, c in enumerate(self.nb.cells) if c.cell_type == "code")
        self.run.deadline = time.monotonic() + (-1 if over else 60)
        raise RuntimeError("the control channel closed")

    monkeypatch.setattr(run_module._GradingClient, "run_cells", gives_up)
    a, b = kit.load_articles()
    pair = TextPair("seeds", Text("a", a.text), Text("b", b.text))
    _, run = run_notebook(Solution(KF_SOLUTION).notebook, run_settings(total_timeout=30), pair, tmp_path / "run")
    if over:
        assert "total" in run.kinds and "failed" not in run.kinds, run.problems
        assert any("total limit of 30 s" in p for p in run.problems), run.problems
        assert run.grader_error == ""
    else:
        assert run.kinds == ("failed",) and "the control channel closed" in run.problems[0], run.problems
        # the whole traceback is kept for the teacher, in the grade's record, and not on the feedback page
        assert run.grader_error.startswith("Traceback") and "in gives_up" in run.grader_error, run.grader_error
        from kit.grade.report import feedback_html, grade_from_record, grade_record
        from kit.grade.records import Grade
        g = Grade("ann", {}, 0, 19, "failed", run.problems[0], (), (run,))
        assert grade_from_record(json.loads(json.dumps(grade_record(g)))).runs[0].grader_error == run.grader_error
        assert "in gives_up" not in feedback_html(g, "keyword_frequency", "")
        from kit.grade.report import _row
        assert "in gives_up" not in " ".join(_row(g, KF_QUESTIONS))  # nor in grades.csv

# --- the output folder: rerun and resume --------------------------------------------------------------


def _bad(folder: Path, name: str) -> Path:
    path = folder / f"{name}.ipynb"
    path.write_text("{ not json", encoding="utf-8")
    return path


def test_rerun_keeps_the_previous_grades_as_a_timestamped_copy(tmp_path):
    out = tmp_path / "out"
    grade("keyword_frequency", [_bad(tmp_path, "alice")], out, progress=False)
    grade("keyword_frequency", [_bad(tmp_path, "bob")], out, progress=False)
    copies = list(out.glob("grades-*.csv"))
    assert len(copies) == 1 and copies[0].name[len("grades-"):-len(".csv")].replace("-", "").isdigit()
    assert "alice," in copies[0].read_text() and "bob," not in copies[0].read_text()
    now = (out / "grades.csv").read_text()
    assert "bob," in now and "alice," not in now


def test_killed_run_resumes_without_regrading_finished_students(tmp_path):
    out = tmp_path / "out"
    (out / "feedback").mkdir(parents=True)
    finished = _copy(KF_EXERCISE, tmp_path / "finished.ipynb")  # graded for real, it would score 0
    ids = [q.id for q in KF_QUESTIONS]
    header = ["student", *ids, "total", "max", "status", "reason"]
    fake = ["finished", "1", *["0"] * (len(ids) - 1), "1", str(KF_MAX), "ok", "kept from the killed run"]
    cut_short = "later,1,0"  # a row the kill cut in half
    (out / "grades.csv").write_text(",".join(header) + "\n" + ",".join(fake) + "\n" + cut_short, encoding="utf-8")
    (out / "grade-state.json").write_text(json.dumps({"assignment": "keyword_frequency", "finished": None}))
    result = grade("keyword_frequency", [finished, _bad(tmp_path, "later")], out, progress=False)
    assert [(g.student, g.total, g.status) for g in result] == [("finished", 1, "ok"), ("later", 0, "invalid")]
    rows = list(csv.reader((out / "grades.csv").open(encoding="utf-8", newline="")))
    assert rows == [header, fake, rows[2]] and rows[2][0] == "later"
    assert not (out / "feedback" / "finished.html").exists()  # not graded again
    assert (out / "feedback" / "later.html").exists()
    assert not list(out.glob("grades-*.csv"))
    assert json.loads((out / "grade-state.json").read_text())["finished"]


def test_rows_are_on_disk_before_the_batch_ends(tmp_path):
    """Kill a real run: the student who finished is in grades.csv; a rerun resumes."""
    slow = _read(KF_EXERCISE)
    _insert_after(slow, "01-002", "import time\ntime.sleep(600)")
    subs = tmp_path / "subs"
    subs.mkdir()
    _write(slow, subs / "slow.ipynb")
    _bad(subs, "quick")
    out = tmp_path / "out"
    code = ("import sys; from kit.cli import main; sys.exit(main(['grade', 'keyword_frequency', sys.argv[1], "
            "'--out', sys.argv[2], '--workers', '2', '--quiet']))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(subs), str(out)], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(1200):  # wait (up to 2 minutes) for the quick student's row
            if "quick," in _text(out / "grades.csv"):
                break
            if proc.poll() is not None:
                pytest.fail("the grader ended before it was killed")
            time.sleep(0.1)
        proc.kill()
    finally:
        proc.kill()
        proc.wait()
    assert "quick,0," in _text(out / "grades.csv")
    assert json.loads((out / "grade-state.json").read_text())["finished"] is None
    (subs / "slow.ipynb").unlink()
    _bad(subs, "another")
    result = grade("keyword_frequency", [subs], out, progress=False)
    assert sorted(g.student for g in result) == ["another", "quick"]
    assert _text(out / "grades.csv").count("quick,") == 1


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


# --- the command line --------------------------------------------------------------------------------


def test_cli_grades_end_to_end_with_a_canvas_gradebook(tmp_path, capsys):
    from kit.cli import main

    sub = _copy(KF_EXERCISE, tmp_path / "doejane_12345_67890_01_keyword_frequency.ipynb")
    practice = [_copy(p, tmp_path / p.name) for p in reversed(PRACTICE)]
    out = tmp_path / "out"
    assert main(["grade", "keyword_frequency", str(sub), "--out", str(out), "--workers", "1",
                 "--texts", *map(str, practice), "--lms", "canvas",
                 "--cell-timeout", "30", "--total-timeout", "120"]) == 0
    printed = capsys.readouterr()
    assert "graded 1 notebook, each in a sandbox (bubblewrap" in printed.out
    assert "grading keyword_frequency" in printed.err  # the progress bar
    rows = list(csv.reader((out / "gradebook-canvas.csv").open(encoding="utf-8", newline="")))
    assert rows == [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "keyword_frequency"],
                    ["doejane", "12345", "", "", "", "0"]]
    assert (out / "feedback" / "doejane.html").exists() and (out / "summary.png").exists()  # named as Canvas says
    state = json.loads((out / "grade-state.json").read_text())
    second = state["texts"][1]
    assert (second["a"]["text"], second["b"]["text"]) == tuple(p.read_text(encoding="utf-8") for p in practice)
    assert state["seed"] is None and state["sandbox"]["on"]


def test_texts_option_sets_the_second_pair_and_a_seed_makes_the_same_pair_again(tmp_path):
    import kit

    settings = run_settings()
    b, a = kit.load_articles()  # the seeds, swapped
    plan = make_plan(KF_SOLUTION, (b.name, a.name), settings, tmp_path / "1")
    assert plan.expected[1]["q1_word_count"] == len(kit.words(b)) and plan.seed is None
    fresh = make_plan(KF_SOLUTION, None, settings, tmp_path / "2", seed=1234)
    again = make_plan(KF_SOLUTION, None, settings, tmp_path / "3", seed=1234)
    assert fresh.pairs[1] == again.pairs[1] and fresh.expected == again.expected and fresh.seed == 1234
    assert fresh.pairs[1].a.text not in (a.text, b.text)
    assert fresh.expected[1]["q1_word_count"] == len(kit.words(fresh.pairs[1].a.text))


def test_workers_default_to_every_core():
    from kit.grade import default_workers

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert default_workers() == cores


def test_cli_names_the_valid_assignments(tmp_path, capsys):
    from kit.cli import main

    assert main(["grade", "no_such_thing", str(_bad(tmp_path, "x")), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "Unknown assignment 'no_such_thing'" in err and "keyword_frequency" in err


def test_python_dash_m_kit_grade_help():
    done = subprocess.run([sys.executable, "-m", "kit", "grade", "--help"], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    for option in ("--out", "--texts", "--seed", "--cell-timeout", "--total-timeout", "--workers", "--lms",
                   "--no-sandbox", "--memory"):
        assert option in done.stdout


# --- the pieces, without a kernel ----------------------------------------------------------------------


class _Events:
    def __init__(self):
        self.callbacks = []

    def register(self, event: str, callback) -> None:
        assert event == "post_run_cell"
        self.callbacks.append(callback)


class _Shell:
    """Just enough of IPython's shell for the answer saver."""

    def __init__(self, user_ns: dict):
        self.user_ns = user_ns
        self.events = _Events()


class _Result:
    def __init__(self, raw_cell: str):
        self.info = type("Info", (), {"raw_cell": raw_cell})()


def test_the_answer_saver_saves_plain_data_like_to_plain(tmp_path):
    from collections import Counter, namedtuple

    class AlwaysEqual:
        def __eq__(self, other):
            return True

    class LyingInt(int):
        def __eq__(self, other):
            return True

    Pair = namedtuple("Pair", "word count")
    values = {
        "q_counter": Counter("hello"), "q_named": [Pair("iran", 5)], "q_set": {"b", "a"},
        "q_tuple_keys": {("a", "b"): 2}, "q_float": [float("nan"), 1e-7, -0.0], "q_text": 'quote " \\ \n \x00 é 🙂',
        "q_lying": LyingInt(3), "q_nested": {"k": [1, (2, 3)]}, "q_none": None,
    }
    odd = {"q_always": AlwaysEqual(), "q_stub": ..., "q_deep_bad": [1, AlwaysEqual()]}
    path = tmp_path / "answers.json"
    names = [*values, *odd, "q_missing"]
    # the student's namespace, with builtins shadowed: the saver must not care
    namespace = {**values, **odd, "list": None, "str": None, "dict": None, "type": None, "isinstance": None}
    shell = _Shell(namespace)
    setup = {"get_ipython": lambda: shell, "__builtins__": __builtins__}
    exec(_setup_source(path, names, {"# hidden 0": ["q_hidden"]}), setup)  # noqa: S102
    (save,) = shell.events.callbacks
    save(_Result("x = 1"))
    saved = json.loads(path.read_text(encoding="utf-8"))
    for name, value in values.items():
        assert json.dumps(saved["visible"][name]) == json.dumps(to_plain(value)), name
    assert saved["visible"]["q_always"] == {"__unserializable__": "AlwaysEqual"}
    assert saved["visible"]["q_stub"] == {"__unanswered__": True}
    assert saved["visible"]["q_deep_bad"] == {"__unserializable__": "AlwaysEqual"}
    assert "q_missing" not in saved["visible"] and not list(tmp_path.glob("*.tmp"))
    namespace["q_hidden"] = 5
    save(_Result("x = 2"))  # not the hidden test's cell: not saved
    assert json.loads(path.read_text(encoding="utf-8"))["hidden"] == {}
    save(_Result("# hidden 0\nq_hidden = 6"))
    namespace["q_hidden"] = 7
    save(_Result("q_hidden = 7"))  # later cells cannot change what the hidden test saved
    assert json.loads(path.read_text(encoding="utf-8"))["hidden"] == {"q_hidden": 5}


def test_hidden_tests_are_split_into_statements_without_checks():
    tests = hidden_tests(_read(KF_SOLUTION))
    assert [t.sets for t in tests if t.cell_id == "01-009"] == [("q2_hidden_counts_b",), ("q2_hidden_counts_empty",)]
    assert all("check(" not in t.code for t in tests)


def _built(nb, tmp_path: Path):
    cells, _ = read_submission(_write(nb, tmp_path / "sub.ipynb"))
    qs = KF_QUESTIONS
    return build_notebook(cells, [q.id for q in qs if not q.hidden], hidden_tests(_read(KF_SOLUTION)),
                          [q.id for q in qs if q.hidden])


def test_hidden_tests_go_after_the_cell_with_the_same_id_or_at_the_end(tmp_path):
    nb, notes = _built(_read(KF_EXERCISE), tmp_path)
    roles = [c.metadata["kit_grade"]["role"] for c in nb.cells]
    host = next(i for i, c in enumerate(nb.cells) if c.get("id") == "01-009")
    assert roles[host + 1: host + 3] == ["hidden", "hidden"] and not notes
    assert roles[0] == "setup" and nb.cells[0].id == SETUP_ID
    params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    assert roles[params + 1] == "texts" and nb.cells[params + 1].id == TEXTS_ID
    nb_without = _read(KF_EXERCISE)
    del nb_without.cells[_index(nb_without, "01-009")]
    nb, notes = _built(nb_without, tmp_path)
    assert [c.metadata["kit_grade"]["role"] for c in nb.cells][-2:] == ["hidden", "hidden"]
    assert "01-009" in notes[0]


def test_the_texts_are_set_after_the_cell_that_names_them_tag_or_no_tag(tmp_path):
    nb = _read(KF_EXERCISE)
    params = _index(nb, "01-001")
    nb.cells[params].metadata["tags"] = []
    built, notes = _built(nb, tmp_path)
    ids = [c.get("id") for c in built.cells]
    assert ids[ids.index("01-001") + 1] == TEXTS_ID and not notes
    del nb.cells[params]
    built, notes = _built(nb, tmp_path)
    assert [c.get("id") for c in built.cells][:2] == [SETUP_ID, TEXTS_ID] and "article_a" in notes[0]


def test_tags_that_nbformat_forbids_are_dropped_not_fatal(tmp_path):
    """Bug (found by fuzzing): an empty tag, a tag with a comma, or one written twice made the
    notebook the grader builds invalid, and the honest student's grade 'failed'."""
    raw = json.loads(nbformat.writes(_read(KF_EXERCISE)))
    params = _index(_read(KF_EXERCISE), "01-001")
    raw["cells"][params]["metadata"]["tags"] = ["parameters", "", "a,b", "parameters", 7]
    path = tmp_path / "odd_tags.ipynb"
    path.write_text(json.dumps(raw), encoding="utf-8")
    cells, _ = read_submission(path)
    qs = KF_QUESTIONS
    built, notes = build_notebook(cells, [q.id for q in qs if not q.hidden], hidden_tests(_read(KF_SOLUTION)),
                                  [q.id for q in qs if q.hidden])
    nbformat.validate(built)
    ids = [c.get("id") for c in built.cells]
    assert built.cells[ids.index("01-001")].metadata["tags"] == ["parameters"]
    assert ids[ids.index("01-001") + 1] == TEXTS_ID and not notes


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
                         ["cells", "cell_type", "source", "metadata", "tags", "id", "nbformat", "x"]), inner, max_size=5),
                     max_leaves=20)
_CELL = st.fixed_dictionaries({
    "cell_type": st.sampled_from(["code", "markdown", "raw", "heading", 3]),
    "source": st.one_of(st.text(max_size=30), st.lists(st.text(max_size=10), max_size=3), st.integers()),
    "metadata": st.one_of(_JSON, st.fixed_dictionaries({"tags": st.one_of(st.lists(st.text(max_size=6), max_size=3), _JSON)})),
    "id": st.one_of(st.text(max_size=12), st.integers(), st.none()),
})
_NOTEBOOK = st.one_of(_JSON, st.fixed_dictionaries({"cells": st.lists(_CELL, max_size=6), "metadata": _JSON,
                                                    "nbformat": st.sampled_from([3, 4, 5, "4"]), "nbformat_minor": st.integers(-1, 6)}))


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(_NOTEBOOK)
def test_any_json_is_refused_with_a_reason_or_built_into_a_valid_notebook(tmp_path_factory, doc):
    """Whatever JSON a student hands in, the grader either says why it cannot grade it or builds
    a notebook that nbformat accepts: never an exception that fails the whole submission."""
    path = tmp_path_factory.mktemp("nb") / "sub.ipynb"
    path.write_text(json.dumps(doc), encoding="utf-8")
    cells, notes = read_submission(path)
    if cells is None:
        assert notes and len(notes[0]) > 20
        return
    built, _ = build_notebook(cells, ["q1_word_count"], hidden_tests(_read(KF_SOLUTION)), [])
    nbformat.validate(built)


def test_unknown_assignment_lists_the_valid_ones(tmp_path):
    with pytest.raises(GradeError, match="Choose one of: keyword_frequency"):
        find_solution("keywords")
    with pytest.raises(GradeError, match="no .ipynb files"):
        grade("keyword_frequency", [tmp_path], tmp_path / "out", progress=False)


def test_the_practice_pair_ships_inside_the_package():
    assert [p.name for p in PRACTICE] == ["a_riverside_water.txt", "b_riverside_water.txt"]


# --- the batch: solutions, exercises, crafted submissions ----------------------------------------------


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_every_solution_scores_full_marks_on_both_pairs(batch, solution):
    g = batch["grades"][f"solution_{solution.stem}"]
    written = sum(q.points for q in questions_of(solution) if q.manual)  # the teacher grades those
    # the whole reason in the message: pytest would cut it short, and a rare failure needs all of it
    assert (g.total + written, g.status, g.reason) == (g.max, "ok", ""), f"{g.status}: {g.reason} {g.runs}"
    assert [r.texts for r in g.runs] == ["your texts", "the grader's second pair"]
    assert all(r.completed and not r.problems for r in g.runs)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda p: p.name)
def test_every_untouched_exercise_runs_to_the_end_and_scores_zero(batch, exercise):
    g = batch["grades"][f"exercise_{exercise.stem}"]
    assert (g.total, g.status) == (0, "ok")
    assert g.max > 0 and g.runs[0].completed and not g.runs[0].problems
    assert len(g.runs) == 1  # nothing right on the student's texts: the second run is skipped


def test_crafted_submissions_get_exactly_what_they_deserve(batch):
    got = {s: batch["grades"][s].total for s in batch["deserved"]}
    assert got == batch["deserved"]


def test_one_row_per_student_in_grades_csv(batch):
    out = batch["outs"]["partly_right"]
    with open(out / "grades.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    ids = [q.id for q in KF_QUESTIONS]
    assert list(rows[0]) == ["student", *ids, "total", "max", "status", "reason"]
    by_student = {r["student"]: r for r in rows}
    assert set(batch["deserved"]) <= set(by_student)
    for student, total in batch["deserved"].items():
        row = by_student[student]
        written = [q.id for q in KF_QUESTIONS if q.manual]  # empty until the teacher's points are merged
        assert written and all(row[i] == "" for i in written) or row["status"] == "invalid", (student, row)
        assert int(row["total"]) == total == sum(int(row[i] or 0) for i in ids)
        assert int(row["max"]) == KF_MAX
        assert row["status"] == batch["grades"][student].status
    assert (out / "summary.png").read_bytes().startswith(b"\x89PNG")
    assert json.loads((out / "grade-state.json").read_text())["finished"]


def test_partly_right_says_what_is_wrong(batch):
    g = batch["grades"]["partly_right"]
    assert g.points["q1_word_count"] == 1 and g.points["q3_top_keywords"] == 2
    assert "Hint:" in _problem(g, "q4_per_thousand")
    assert g.points["q4_hidden_short"] == 1 and g.points["q4_hidden_empty"] == 1
    assert "not answered yet" in _problem(g, "q5_kwic")
    assert g.status == "ok"


def test_hard_coded_answers_earn_nothing(batch):
    g = batch["grades"]["hard_coded"]
    for qid in ("q1_word_count", "q3_top_keywords", "q6_g2"):
        assert g.points[qid] == 0
        assert "right on your texts, but typed in" in _problem(g, qid)  # each cell assigns a literal
        assert "(the grader's second pair)" in _problem(g, qid)
    assert g.points["q2_my_counts"] == 2
    assert "the grader&#x27;s second pair" in _html(batch, "hard_coded")


def test_a_typed_in_answer_earns_nothing_even_where_it_is_the_same_on_every_text(batch):
    g = batch["grades"]["typed_constant"]
    auto = sum(q.points for q in g.questions if not q.manual)
    for qid in ("q4_kit_scores", "q7_dialogue_kit_scores"):
        assert g.points[qid] == 0
        assert "typed in" in _problem(g, qid) and "same on every pair of texts" in _problem(g, qid)
    assert g.total == auto - 2 - 1
    assert batch["grades"]["solution_02_quote_extraction"].points["q4_kit_scores"] == 2  # computed: full marks


def test_syntax_error_costs_only_its_question(batch):
    g = batch["grades"]["syntax_error"]
    assert g.points["q3_top_keywords"] == 0 and g.points["q4_per_thousand"] == 2
    assert g.status == "errors" and "SyntaxError" in g.reason and "cell " in g.reason
    page = _html(batch, "syntax_error")
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_infinite_loop_is_interrupted_and_the_rest_still_runs(batch):
    g = batch["grades"]["infinite_loop"]
    assert g.points["q6_g2"] == 0 and g.points["q8_bigrams"] == 2
    assert g.status == "timeout" and f"ran longer than {CELL_TIMEOUT} s" in g.reason


def test_kernel_crash_keeps_the_answers_saved_before_it(batch):
    g = batch["grades"]["kernel_crash"]
    assert g.status == "crashed" and "kernel died" in g.reason
    assert g.points["q4_per_thousand"] == 2 and g.points["q5_kwic"] == 0
    assert not g.runs[0].completed


def test_deleted_check_cell_hidden_tests_run_at_the_end(batch):
    g = batch["grades"]["deleted_check_cell"]
    assert g.points["q2_hidden_counts_b"] == 1 and g.points["q2_hidden_counts_empty"] == 1
    assert g.points["q3_top_keywords"] == 0
    assert "01-009" in g.reason and "at the end" in g.reason
    assert g.status == "ok"


def test_always_equal_objects_earn_nothing(batch):
    g = batch["grades"]["always_equal"]
    assert g.points["q1_word_count"] == 0 and g.points["q6_g2"] == 0
    assert "AlwaysEqual" in _problem(g, "q1_word_count")


def test_expected_answers_cannot_be_copied_while_grading(batch):
    g = batch["grades"]["copies_expected"]
    assert (g.points["q1_word_count"], g.points["q3_top_keywords"], g.points["q6_g2"]) == (0, 0, 0)
    assert g.points["q4_per_thousand"] == 2


def test_monkeypatched_check_earns_nothing(batch):
    g = batch["grades"]["monkeypatched_check"]
    assert g.points["q1_word_count"] == 0 and g.points["q3_top_keywords"] == 0
    assert g.points["q4_per_thousand"] == 2


@pytest.mark.parametrize("student, words", [("not_a_notebook", "not a notebook"), ("invalid_json", "not valid JSON")])
def test_unreadable_files_are_listed_with_the_reason(batch, student, words):
    g = batch["grades"][student]
    assert (g.status, g.total, g.max) == ("invalid", 0, KF_MAX)
    assert words in g.reason and words in _html(batch, student)


def test_duplicated_cells_are_repaired(batch):
    g = batch["grades"]["duplicated_cells"]
    assert (g.total, g.status) == (KF_AUTO, "ok") and "new ids" in g.reason


def test_output_flood_is_cut(batch):
    g = batch["grades"]["flood"]
    assert g.total == KF_AUTO and "output was cut" in g.reason


def _secrets(solution: Path) -> tuple[list[str], list[str]]:
    """The hidden questions of a solution, and its hidden code, line by line and as the grader runs it."""
    nb = _read(solution)
    code = [t.code for t in hidden_tests(nb)]
    for cell in nb.cells:
        for block in cell.source.split("### BEGIN HIDDEN TESTS")[1:]:
            code += [line.strip() for line in block.split("### END HIDDEN TESTS")[0].split("\n") if line.strip()]
    hidden = [q.id for q in questions_of(solution) if q.hidden]
    return hidden, code


def test_feedback_names_hidden_tests_but_never_shows_them(batch):
    assert _secrets(KF_SOLUTION)[1]  # keyword_frequency has hidden tests to hide
    for student, solution in batch["solutions"].items():
        hidden, code = _secrets(solution)
        page = _html(batch, student)
        for qid in hidden:
            assert qid in page
        for secret in code:
            assert secret not in page and _escaped(secret) not in page, (student, secret)


def _escaped(text: str) -> str:
    import html

    return html.escape(text)


# --- a submission's runs share one kernel, cleared between them ---------------------------------

# What the runner promises about a kernel that runs a second pair: no variable, figure, saver or
# working folder is left from the first run, while the imported modules stay (that is the saving).
_PROBE = """import os, sys, types
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import kit
a, b = kit.load_articles(article_a, article_b)
runs = sys.modules.setdefault("kit_test_probe", types.ModuleType("kit_test_probe"))
runs.n = getattr(runs, "n", 0) + 1
try:
    open("texts/planted.txt", "w").close()
    planted = True
except OSError:
    planted = False
try:
    os.rename("texts", "texts-moved")  # to put a folder of one's own in its place
    planted = True
except OSError:
    pass
q_probe = {"run": runs.n, "left": "left_behind" in globals(), "cwd": os.getcwd(), "figures": len(plt.get_fignums()),
           "words": len(kit.words(a)), "texts": sorted(os.path.relpath(os.path.join(d, f), "texts")
                                                   for d, _, fs in os.walk("texts") for f in fs), "planted": planted}
left_behind = True
plt.figure()
os.chdir("/")
"""


def _probe_runs(tmp_path, extra: str = "", go_on=None):
    from kit.grade import Cell, TextPair, run_pairs
    from kit.grade.records import Text

    cells = [Cell("code", 'article_a = "A"\narticle_b = "B"', ("parameters",), "p", 1),
             Cell("code", _PROBE + extra, (), "probe", 2)]
    nb, _ = build_notebook(cells, ["q_probe"], [], [])
    pairs = [TextPair(f"pair {n}", Text(f"a{n}", "One two three. " * n), Text(f"b{n}", "Four five.")) for n in (1, 2)]
    return run_pairs(nbformat.writes(nb), run_settings(), pairs, tmp_path / "run", go_on=go_on)


def test_a_second_pair_runs_in_the_same_kernel_with_nothing_left_from_the_first(tmp_path):
    (first, one), (second, two) = _probe_runs(tmp_path)
    assert one.completed and two.completed and not one.problems and not two.problems
    assert (first["q_probe"]["run"], second["q_probe"]["run"]) == (1, 2)  # one kernel: its modules stay
    assert not first["q_probe"]["left"] and not second["q_probe"]["left"]  # no variable of the first run
    assert second["q_probe"]["figures"] == 0  # nor its figures
    assert second["q_probe"]["cwd"] == first["q_probe"]["cwd"] != "/"  # the working folder set back
    assert (first["q_probe"]["words"], second["q_probe"]["words"]) == (3, 6)  # each run reads its own texts
    # and sees only them, in a folder it cannot change (so it cannot plant a link for the grader to follow)
    assert first["q_probe"]["texts"] == ["1/a/a1.txt", "1/b/b1.txt"]
    assert second["q_probe"]["texts"] == ["2/a/a2.txt", "2/b/b2.txt"]
    assert not first["q_probe"]["planted"] and not second["q_probe"]["planted"]
    assert not (tmp_path / "run").exists()


def test_a_kernel_whose_reset_fails_or_that_exits_is_replaced_for_the_next_pair(tmp_path):
    # Each on the first pair only (3 words in its text A), so that a new kernel can run the second.
    for n, sabotage in enumerate(["\nif len(kit.words(a)) == 3: get_ipython().reset = None",
                                  "\nif len(kit.words(a)) == 3: os._exit(0)"]):
        (first, one), (second, two) = _probe_runs(tmp_path / str(n), sabotage)
        assert second["q_probe"]["run"] == 1 and not second["q_probe"]["left"], sabotage  # a new kernel
        assert two.completed and not two.problems and second["q_probe"]["words"] == 6, sabotage
        if "exit" in sabotage:
            assert not one.completed and one.kinds == ("crash",)
        else:
            assert one.completed and first["q_probe"]["run"] == 1


def test_the_runner_stops_after_a_run_when_told_to(tmp_path):
    seen = []
    results = _probe_runs(tmp_path, go_on=lambda n, answers, summary: seen.append((n, answers["q_probe"]["run"])))
    assert len(results) == 1 and seen == [(0, 1)]
