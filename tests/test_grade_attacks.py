"""``kit grade`` tried as a determined student would: every attack earns nothing, honest work keeps its marks.

Each attack is one crafted notebook: most are the blank exercise plus one cell,
as a student would hand them in. They are graded in ONE batch, in the sandbox,
with honest copies of the solution, while the grader's process holds a secret in
its environment. Then the tests look at what the batch wrote, at which processes
are left, and at files outside the run folders that the attacks tried to change.

A second, small batch grades the attack that runs the teacher's solution again
WITHOUT the sandbox, where it must succeed: so the main batch's zero is the
sandbox's doing, not a broken attack.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import socket
import threading
import time
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT
from grading import (
    KF_EXERCISE,
    KF_SOLUTION,
    append,
    exercise_answers,
    insert_after,
    processes_with,
    questions_of,
    read,
    shared,
    write,
)
from kit.grade import grade, hidden_tests
from kit.grade.folders import PREFIX, remove_stale

KF = questions_of(KF_SOLUTION)
KF_MAX = sum(q.points for q in KF if not q.manual)  # what honest work earns: the teacher grades written answers
KF_VISIBLE = sum(q.points for q in KF if not q.hidden and not q.manual)
SECRET_NAME, SECRET = "KIT_TEST_GRADER_SECRET", "grader-secret-7c2e"
MARKER = f"kit-attack-{os.getpid()}"
BANK_FILE = ROOT / "kit" / "questions" / "keyword_frequency.py"  # where the question banks were, before issue 13
SOLUTION_ONLY = "counts[word] = counts.get(word, 0) + 1"  # a line of the solution that no exercise holds


def _embedded() -> dict:
    """Answers for every pair a student has (their exercise carries them: the seeds and the practice pair),
    keyed by text A's fingerprint."""
    return {pair.a: pair.answers for pair in exercise_answers(KF_EXERCISE).pairs}


def _detached(code: str) -> str:
    """A cell that starts ``code`` in a process of its own session, which outlives the kernel if it can."""
    return (f"import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', {code!r}, {MARKER!r}], "
            "start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n")


def _with(base: Path, source: str, after: str | None = None):
    nb = read(base)
    if after:
        insert_after(nb, after, source)
    else:
        append(nb, source)
    return nb


def _attacks(folder: Path, out: Path, port: int) -> dict[str, dict]:
    """Write the attack notebooks; for each, what it must earn and what it tried to change."""
    subs = folder / "submissions"
    subs.mkdir()
    victim = folder / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    embedded = _embedded()
    made: dict[str, dict] = {}

    def add(name: str, nb, earns: int | None = 0) -> None:
        write(nb, subs / f"{name}.ipynb")
        made[name] = {"earns": earns}

    add("bank_import", _with(KF_EXERCISE, f"""
import importlib, importlib.util, os
os.environ.pop("KIT_GRADING", None)
stolen = {{}}
for how in ("import", "file"):
    try:
        if how == "import":
            bank = importlib.import_module("kit.questions.keyword_frequency")
        else:
            spec = importlib.util.spec_from_file_location("bank", {str(BANK_FILE)!r})
            bank = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(bank)
        stolen = {{q.id: q.expected(a, b) for q in bank.QUESTIONS if not q.hidden}}
        break
    except Exception as err:
        print(how, type(err).__name__, err)
globals().update(stolen)
"""))
    add("run_solution", _with(KF_EXERCISE, f"""
import glob, json, os
found = []
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        found += [x.decode() for x in open(f"/proc/{{pid}}/cmdline", "rb").read().split(b"\\0") if x.endswith(b".ipynb")]
        found += glob.glob(os.readlink(f"/proc/{{pid}}/cwd") + "/solutions/*keyword*.ipynb")
    except OSError:
        pass
for path in found + [{str(KF_SOLUTION)!r}]:
    try:
        cells = json.load(open(path))["cells"]
    except (OSError, ValueError, KeyError):
        continue
    if not any("BEGIN SOLUTION" in "".join(c["source"]) for c in cells):
        continue
    for cell in cells:
        if cell["cell_type"] == "code" and "parameters" not in cell["metadata"].get("tags", []):
            try:
                exec("".join(cell["source"]), globals())
            except Exception:
                pass
    break
"""))
    add("answer_files", _with(KF_EXERCISE, """
import json, os
right = {"q1_word_count": len(kit.words(a)), "q3_top_keywords": kit.top_keywords(a, 10)}
get_ipython().events.callbacks["post_run_cell"].clear()
for name in ("zzz.json", "answers/zzz.json", "answers.real.json"):
    os.makedirs(os.path.dirname(name) or ".", exist_ok=True)
    with open(name, "w") as f:
        json.dump({"visible": right, "hidden": {}, "loaded": {}, **right}, f)
if os.path.lexists("answers.json"):
    os.remove("answers.json")
os.symlink("answers.real.json", "answers.json")
"""))
    add("forged_saver", _with(KF_EXERCISE, f"""
import builtins, hashlib, json
EMBEDDED = {embedded!r}
chosen = EMBEDDED.get(hashlib.sha256(a.text.encode()).hexdigest()[:16], {{}})
real_exec = builtins.exec
builtins.exec = lambda *args, **kw: real_exec(*args, **kw)
shell = get_ipython()
shell.events.callbacks["post_run_cell"].clear()
def forge(result=None):
    with open("answers.json", "w") as f:
        json.dump({{"visible": chosen, "hidden": {{}}, "loaded": {{}}}}, f)
shell.events.register("post_run_cell", forge)
"""))
    add("embedded_answers", _with(KF_EXERCISE, f"""
import hashlib
EMBEDDED = {embedded!r}
globals().update(EMBEDDED.get(hashlib.sha256(a.text.encode()).hexdigest()[:16], {{}}))
"""))
    child = (f"import json, os, sys, time\\nout, victim = {str(out)!r}, {str(victim)!r}\\n"
             "try:\\n    open(victim, 'a').write(' child was here')\\nexcept OSError:\\n    pass\\n"
             "end = time.time() + 40\\nwhile time.time() < end:\\n    try:\\n"
             "        if json.load(open(os.path.join(out, 'grade-state.json'))).get('finished'):\\n"
             "            for name in ('grades.csv', 'gradebook-canvas.csv'):\\n"
             "                open(os.path.join(out, name), 'a').write('detached_grades,pwned\\\\n')\\n"
             "            break\\n    except Exception:\\n        pass\\n    time.sleep(0.2)\\n")
    add("detached_grades", _with(KF_EXERCISE, _detached(child), after="01-002"))
    saboteur = ("import glob, os, tempfile, time\nend = time.time() + 30\nwhile time.time() < end:\n"
                "    for path in glob.glob(os.path.join(tempfile.gettempdir(), 'kit-grade-*', '**', '*.json'), "
                "recursive=True) + glob.glob('/tmp/kit-grade-*/**/*.json', recursive=True):\n"
                "        if os.getcwd() not in path:\n            try:\n"
                "                open(path, 'w').write('{\"visible\": {}, \"hidden\": {}}')\n"
                "            except OSError:\n                pass\n    time.sleep(0.05)\n")
    add("a_saboteur", _with(KF_EXERCISE, _detached(saboteur) + "import time\ntime.sleep(3)  # alive while classmates run",
                            after="01-002"))
    nb = read(KF_EXERCISE)
    for source in (
        f"import os\nraise ValueError(repr(dict(os.environ)) + open('/proc/1/environ', 'rb').read().decode(errors='replace'))",
        f"raise ValueError(open({str(KF_SOLUTION)!r}).read())",
        "import linecache\nraise ValueError(' | '.join(''.join(e[2]) for e in list(linecache.cache.values()) "
        "if isinstance(e, tuple) and len(e) > 2))",
        "raise ValueError(' | '.join(In) + ' | '.join(_ih))",
        "raise ValueError('x' * 10_000)",
    ):
        append(nb, source)
    add("leaks", nb)
    add("memory_hog", _with(KF_EXERCISE, "hog = bytearray(5 * 2**30)", after="01-002"))
    add("fork_bomb", _with(KF_EXERCISE, f"""
import os
count = 0
try:
    for _ in range(1000):
        pid = os.fork()
        if pid == 0:
            try:
                os.execv("/usr/bin/sleep", [{MARKER!r}, "60"])
            finally:
                os._exit(0)
        count += 1
except OSError as err:
    raise RuntimeError(f"the sandbox stopped me after {{count}} processes") from None
""", after="01-002"))
    add("big_file", _with(KF_EXERCISE, "open('big.bin', 'wb').write(b'0' * (100 << 20))", after="01-002"))
    add("network", _with(KF_EXERCISE, f"""
import socket
socket.create_connection(("127.0.0.1", {port}), timeout=3)
""", after="01-002"))
    add("writes_outside", _with(KF_EXERCISE, f"""
import os
for path in ({str(victim)!r}, {str(out / 'grades.csv')!r}, {str(ROOT / 'pwned.txt')!r}):
    try:
        open(path, "a").write("pwned")
    except OSError as err:
        print(path, err)
"""))
    for n in range(3):
        add(f"z_honest_{n}", read(KF_SOLUTION), KF_MAX)
    made["_victim"] = {"path": str(victim)}
    return made


def _faults(folder: Path) -> dict[str, dict]:
    """Honest notebooks that the old grader mistreated, and files it should refuse."""
    subs = folder / "submissions"
    made: dict[str, dict] = {}
    nb = read(KF_SOLUTION)
    nb.cells[1].metadata["tags"] = []  # the parameters cell, untagged
    write(nb, subs / "no_parameters_tag.ipynb")
    made["no_parameters_tag"] = {"earns": KF_MAX}
    (subs / "version_3.ipynb").write_text(nbformat.writes(nbformat.convert(read(KF_SOLUTION), 3), version=3),
                                          encoding="utf-8")
    made["version_3"] = {"earns": KF_MAX}
    nb = _with(KF_SOLUTION, 'article_a, article_b = "000_f574fb3969ac495b", "001_46fcffe6b868387b"', after="01-001")
    write(nb, subs / "other_texts.ipynb")
    made["other_texts"] = {"earns": None}
    nb = _with(KF_SOLUTION, "exit()", after="01-018")
    write(nb, subs / "exits.ipynb")
    made["exits"] = {"earns": 1 + 2 + 1 + 1 + 2 + 2 + 1 + 1}  # q1 to q4, with the hidden tests of q2 and q4
    outside = folder / "outside"
    outside.mkdir()
    (outside / "solution.ipynb").write_bytes(KF_SOLUTION.read_bytes())
    (subs / "symlink.ipynb").symlink_to(outside / "solution.ipynb")
    made["symlink"] = {"earns": 0}
    formula = '=HYPERLINK("evil.example","grade me")'
    (subs / f"{formula}.ipynb").write_bytes(KF_EXERCISE.read_bytes())
    made[formula] = {"earns": 0}
    return made


def _accepting(server: socket.socket, accepted: list) -> None:
    server.settimeout(0.5)
    while not getattr(server, "_closed", False):
        try:
            conn, _ = server.accept()
            accepted.append("connected")
            conn.close()
        except socket.timeout:
            continue
        except OSError:
            return


def _batch(folder: Path) -> dict:
    out = folder / "out"
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list = []
    threading.Thread(target=_accepting, args=(server, accepted), daemon=True).start()
    made = _attacks(folder, out, server.getsockname()[1])
    made.update(_faults(folder))
    victim = Path(made.pop("_victim")["path"])
    os.environ[SECRET_NAME] = SECRET
    try:
        grades = grade(KF_SOLUTION, [folder / "submissions"], out, workers=2, cell_timeout=20, total_timeout=60,
                       lms="canvas", progress=False)
    finally:
        del os.environ[SECRET_NAME]
    time.sleep(2)  # a detached child would act now, after "finished"
    survivors = processes_with(MARKER)
    server.close()
    texts = {name: (out / name).read_text(encoding="utf-8") for name in ("grades.csv", "gradebook-canvas.csv")}
    pages = {g.student: (out / "feedback" / f"{g.student}.html").read_text(encoding="utf-8") for g in grades}
    return {"grades": {g.student: g for g in grades}, "made": made, "survivors": survivors,
            "accepted": accepted, "victim": victim.read_text(encoding="utf-8"), "texts": texts, "pages": pages,
            "state": json.loads((out / "grade-state.json").read_text(encoding="utf-8"))}


@pytest.fixture(scope="session")
def xdist_worker(request) -> str:
    return getattr(request.config, "workerinput", {}).get("workerid", "master")


@pytest.fixture(scope="session")
def attacks(tmp_path_factory, xdist_worker):
    return shared(tmp_path_factory, xdist_worker, "grade-attacks", _batch)


def _control(folder: Path) -> dict:
    """The answer-stealing attacks again, WITHOUT the sandbox: there they must work."""
    _attacks(folder, folder / "out", 9)
    subs = folder / "submissions"
    chosen = [subs / "run_solution.ipynb"]
    grades = grade(KF_SOLUTION, chosen, folder / "out", workers=2, progress=False, sandbox=False)
    return {g.student: g for g in grades}


@pytest.fixture(scope="session")
def control(tmp_path_factory, xdist_worker):
    return shared(tmp_path_factory, xdist_worker, "grade-control", _control)


# --- the attacks earn nothing; honest work keeps its marks ---------------------------------------


def test_every_attack_earns_nothing_and_every_honest_copy_full_marks(attacks):
    got = {name: attacks["grades"][name].total for name, m in attacks["made"].items() if m["earns"] is not None}
    assert got == {name: m["earns"] for name, m in attacks["made"].items() if m["earns"] is not None}


def test_without_the_sandbox_running_the_solution_does_work(control):
    """The control: the same notebook, unsandboxed, gets every visible answer (hidden tests call its stubs)."""
    assert control["run_solution"].total == KF_VISIBLE


def test_there_is_no_question_bank_to_import_nor_to_load_from_a_file(attacks):
    assert not BANK_FILE.parent.exists()  # the solution notebooks are the only source
    g = attacks["grades"]["bank_import"]
    assert g.total == 0 and len(g.runs) == 1  # nothing right on the first run: no second


def test_answers_prepared_for_every_pair_a_student_has_earn_nothing(attacks):
    for name in ("embedded_answers", "forged_saver"):
        g = attacks["grades"][name]
        assert g.total == 0 and len(g.runs) == 2, name  # right on the seeds, so the second run happened
        problem = next(q.problem for q in g.questions if q.id == "q1_word_count")
        assert problem.startswith("right on your texts, but") and "(the grader's second pair)" in problem, name


def test_only_the_answer_file_the_grader_names_is_read_never_through_a_link(attacks):
    g = attacks["grades"]["answer_files"]
    assert g.total == 0 and len(g.runs) == 1


def test_no_process_outlives_its_run_and_grades_cannot_be_changed_afterwards(attacks):
    assert attacks["survivors"] == []
    for name, text in attacks["texts"].items():
        assert "pwned" not in text, name
    rows = {r["student"]: r for r in csv.DictReader(attacks["texts"]["grades.csv"].splitlines())}
    assert rows["detached_grades"]["total"] == "0"


def test_classmates_cannot_be_sabotaged(attacks):
    for n in range(3):
        g = attacks["grades"][f"z_honest_{n}"]
        assert (g.total, g.status) == (KF_MAX, "ok"), g.reason


def test_no_file_outside_the_run_folder_changes(attacks):
    assert attacks["victim"] == "untouched"
    assert not (ROOT / "pwned.txt").exists()


def test_no_network(attacks):
    assert attacks["accepted"] == []
    assert "network" in attacks["grades"]["network"].reason.lower() or \
        "connect" in attacks["grades"]["network"].reason.lower()


def test_limits_on_memory_processes_and_file_size_are_noted(attacks):
    g = attacks["grades"]
    assert "MemoryError" in g["memory_hog"].reason and "2048 MB" in g["memory_hog"].reason
    stopped = g["fork_bomb"].reason
    assert "the sandbox stopped me after" in stopped
    assert int(stopped.split("stopped me after ")[1].split()[0]) < 128
    assert "File too large" in g["big_file"].reason
    for name in ("memory_hog", "fork_bomb", "big_file"):
        assert g[name].runs[0].completed, name  # the rest of the notebook still ran


# --- feedback leaks nothing ---------------------------------------------------------------------------


def test_feedback_leaks_no_secret_no_hidden_test_and_no_solution(attacks):
    hidden = [line.strip() for t in hidden_tests(read(KF_SOLUTION)) for line in t.code.splitlines()]
    leaks = attacks["grades"]["leaks"]
    assert leaks.status == "errors" and sum(p.count("raised") for p in leaks.runs[0].problems) >= 5
    for where, text in [("feedback", attacks["pages"]["leaks"]), *attacks["texts"].items()]:
        for secret in [SECRET_NAME, SECRET, SOLUTION_ONLY, *hidden]:
            assert secret not in text, (where, secret)
    for run in leaks.runs:
        assert all(len(p) <= 300 for p in run.problems), max(run.problems, key=len)


def test_csv_cells_that_would_run_as_formulas_are_escaped(attacks):
    formula = '=HYPERLINK("evil.example","grade me")'
    rows = list(csv.reader(attacks["texts"]["grades.csv"].splitlines()))
    assert [r[0] for r in rows if "HYPERLINK" in r[0]] == ["'" + formula]
    canvas = list(csv.reader(attacks["texts"]["gradebook-canvas.csv"].splitlines()))
    assert [r[0] for r in canvas if "HYPERLINK" in r[0]] == ["'" + formula]
    assert formula in attacks["grades"]  # the grade itself keeps the student's name as it is


# --- the faults: honest notebooks treated right, bad files refused -------------------------------------


def test_a_notebook_without_the_parameters_tag_is_graded_on_the_graders_texts(attacks):
    g = attacks["grades"]["no_parameters_tag"]
    assert (g.total, g.status) == (KF_MAX, "ok") and "typed in" not in g.reason


def test_a_version_3_notebook_is_converted(attacks):
    g = attacks["grades"]["version_3"]
    assert (g.total, g.status) == (KF_MAX, "ok")


def test_reading_other_texts_is_reported_as_such_not_as_typing_answers_in(attacks):
    g = attacks["grades"]["other_texts"]
    assert "held other texts than the ones the grader gave it" in g.reason
    for q in g.questions:
        assert "typed in" not in q.problem, q
    assert any("did not work on the texts the grader gave it" in q.problem for q in g.questions)


def test_the_cell_that_exits_is_the_one_named(attacks):
    """By the question it follows and its first line: JupyterLab shows no cell numbers."""
    from kit.grade.notebook import cell_question

    g = attacks["grades"]["exits"]
    host = next(c.source for c in read(KF_SOLUTION).cells if c.get("id") == "01-018")
    question = cell_question(host, [q.id for q in KF])  # the exiting cell comes right after 01-018
    assert question and g.status == "crashed" and f"the cell `exit()` after {question} ended the kernel" in g.reason
    assert not re.search(r"cell \d", g.reason)


def test_a_symbolic_link_is_refused_not_followed(attacks):
    g = attacks["grades"]["symlink"]
    assert (g.status, g.total) == ("invalid", 0) and "symbolic link" in g.reason


def test_the_batch_records_its_sandbox_seed_and_texts(attacks):
    state = attacks["state"]
    assert state["sandbox"]["on"] and state["sandbox"]["memory_mb"] == 2048
    assert isinstance(state["seed"], int) and len(state["texts"]) == 2
    second = state["texts"][1]
    assert hashlib.sha256(second["a"]["text"].encode()).hexdigest() == second["a"]["sha256"]
    assert "sandbox (bubblewrap" in attacks["pages"]["z_honest_0"]


# --- work folders of killed batches ------------------------------------------------------------------


def test_stale_work_folders_are_removed_and_live_ones_kept(tmp_path):
    import fcntl

    stale = tmp_path / f"{PREFIX}deadbeef"
    (stale / "s0-1").mkdir(parents=True)
    (stale / "s0-1" / "kernel.json").write_text("{}")
    (tmp_path / f"{PREFIX}deadbeef.lock").write_text("")
    lockless = tmp_path / f"{PREFIX}0ld0ld00"
    lockless.mkdir()
    live = tmp_path / f"{PREFIX}11ve11ve"
    live.mkdir()
    with open(tmp_path / f"{PREFIX}11ve11ve.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        removed = remove_stale(tmp_path)
        assert sorted(removed) == sorted([stale, lockless])
        assert live.is_dir() and not stale.exists() and not (tmp_path / f"{PREFIX}deadbeef.lock").exists()
