"""``kit grade --dask``: the same grades on a real Dask cluster, even when a worker dies mid-batch.

The assignment is the teacher's three-question one of tests/grading.py, on its
own two texts. The cluster is a ``LocalCluster`` of worker processes (not
threads), each run inside the sandbox as in a local batch. The local batch and
the cluster batches use the same seed, so the second pair is the same.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT
from grading import read, set_source, solution_code, teacher_solution, write

SEED = 20261201


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> dict:
    from kit.assign import assign

    root = tmp_path_factory.mktemp("cluster")
    solution = teacher_solution(root)
    assign(root / "solutions", root / "exercises")
    exercise = root / "exercises" / solution.name
    subs = root / "submissions"
    subs.mkdir()
    sol = read(solution)
    write(read(exercise), subs / "blank.ipynb")
    for name in ("perfect",):
        nb = read(exercise)
        for n in (5, 8, 11):  # the answer cells, whose ids the exercise keeps
            cell_id = sol.cells[n].id
            rest = nb.cells[[c.id for c in nb.cells].index(cell_id)].source.split("\n")
            set_source(nb, cell_id, solution_code(sol, cell_id) + "\n" + rest[-1])
        write(nb, subs / f"{name}.ipynb")
    half = read(exercise)
    set_source(half, sol.cells[5].id, "import kit\nq1_words = len(kit.words(a))")
    write(half, subs / "half.ipynb")
    return {"root": root, "solution": solution, "submissions": subs}


def _same(got: dict[str, dict], expected: dict[str, dict]) -> None:
    wrong = {k: (got.get(k, {}).get("status"), got.get(k, {}).get("reason")) for k in expected if got.get(k) != expected[k]}
    assert got == expected, f"different grades: {wrong}"


def _rows(out: Path) -> dict[str, dict]:
    with open(out / "grades.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len({r["student"] for r in rows}), "a student got two rows"
    return {r["student"]: r for r in rows}


@pytest.fixture(scope="module")
def local(course) -> dict[str, dict]:
    from kit.grade import grade

    out = course["root"] / "local"
    grade(course["solution"], [course["submissions"]], out, seed=SEED, workers=2, progress=False)
    return _rows(out)


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as c:
        yield c


def test_grades_from_a_cluster_are_identical_to_a_local_run(course, local, cluster):
    from kit.grade import grade

    out = course["root"] / "on-dask"
    grade(course["solution"], [course["submissions"]], out, seed=SEED, progress=False,
          dask=cluster.scheduler_address)
    _same(_rows(out), local)
    assert local["perfect"]["total"] == local["perfect"]["max"] and local["blank"]["total"] == "0"
    assert local["half"]["q1_words"] == "1" and local["half"]["total"] == "1"
    assert (out / "feedback" / "half.html").read_text(encoding="utf-8") == \
        (course["root"] / "local" / "feedback" / "half.html").read_text(encoding="utf-8")


def test_a_worker_that_dies_mid_batch_loses_nothing(course, local, cluster):
    from distributed import Client

    from kit.grade import grade

    out = course["root"] / "killed"
    done: list = []
    thread = threading.Thread(target=lambda: done.append(grade(
        course["solution"], [course["submissions"]], out, seed=SEED, progress=False,
        dask=cluster.scheduler_address)))
    thread.start()
    with Client(cluster.scheduler_address) as watcher:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any(watcher.processing().values()):
            time.sleep(0.05)
        busy = next(addr for addr, tasks in watcher.processing().items() if tasks)
        nanny = next(w for w in cluster.workers.values() if w.worker_address == busy)
        # The worker process dies mid-task (SIGKILL, sent by pid: distributed's own kill()
        # needs an event loop in this thread, which an earlier test may have closed);
        # its nanny starts a new one.
        os.kill(nanny.process.process.pid, signal.SIGKILL)
    thread.join(timeout=600)
    assert not thread.is_alive() and done, "the batch did not finish"
    _same(_rows(out), local)


def test_a_wrong_address_is_a_clear_error(course, monkeypatch):
    from kit.grade import GradeError, grade

    monkeypatch.setattr("kit.grade.cluster.CONNECT_TIMEOUT", "2s")  # nothing listens on port 9: no need to wait 20 s

    with pytest.raises(GradeError, match=r"No Dask scheduler answers at tcp://127\.0\.0\.1:9 .*dask scheduler"):
        grade(course["solution"], [course["submissions"]], course["root"] / "nowhere", seed=SEED, progress=False,
              dask="tcp://127.0.0.1:9")


def test_without_dask_the_grader_never_imports_it():
    script = "import sys, kit.grade, kit.grade.batch, kit.grade.cli; print([m for m in ('dask', 'distributed') if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _another_batch_starts_while(work: Path) -> bool:
    """Start another batch's clean-up of stale folders while ``work`` is in use; whether ``work`` survived."""
    from kit.grade.folders import remove_stale

    (work / "answers.json").write_text("{}", encoding="utf-8")
    remove_stale()
    return (work / "answers.json").exists()


def test_a_cluster_task_folder_survives_another_batch_starting(monkeypatch):
    """Bug (a flaky test in the full suite): a task worked in an unlocked <tmp>/kit-grade-task-... folder,
    so a batch starting on the same machine removed it as stale mid-run; its answers file vanished and a
    perfect notebook scored 0 with no reason given."""
    import kit.grade.cluster as cluster
    import kit.grade.run
    from kit.grade.records import RunSummary, Text, TextPair

    survived = []

    def run_pairs(notebook, settings, pairs, workdir):
        Path(workdir).mkdir(parents=True)
        survived.append(_another_batch_starts_while(Path(workdir)))
        return [({"q1": 1}, RunSummary(texts.label, True, ())) for texts in pairs]

    monkeypatch.setattr(kit.grade.run, "run_pairs", run_pairs)
    monkeypatch.setattr(cluster, "_settings", lambda spec: None)
    pair = TextPair("your texts", Text("a", "A."), Text("b", "B."))
    [(saved, run)] = cluster.run_on_worker("{}", None, (pair,))
    assert survived == [True] and saved == {"q1": 1} and run.completed


def test_the_sandbox_check_folder_survives_another_batch_starting(monkeypatch):
    """The same bug in the sandbox check, which worked in an unlocked <tmp>/kit-grade-check-... folder."""
    import kit.grade.sandbox as sandbox

    survived = []

    def run(cmd, **kw):
        survived.append(_another_batch_starts_while(Path(kw["cwd"])))
        return subprocess.CompletedProcess(cmd, 0, "2\n", "")

    box = sandbox.find_sandbox()
    monkeypatch.setattr(sandbox.subprocess, "run", run)
    sandbox.check_sandbox(box)
    assert survived == [True]
