"""``kit grade --dask``: twenty submissions on a 2-worker Dask ``LocalCluster``, against the local 2-worker grader.

The same twenty copies of the keyword_frequency solution as ``bench_grade.py``
(each run twice, sandbox on), graded once by the local grader with
``--workers 2`` and once with ``--dask`` on a ``LocalCluster`` of two worker
processes with one thread each, on the same two cores. Untimed: starting the
cluster and warming its workers' imports. Timed: ``kit.grade.grade(...)`` from
start to finish, the expected answers included (they run in the grader either way).

Target (issue 16): the cluster's overhead over local grading at most 15%.

Run it with ``python benchmarks/bench_grade_cluster.py``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_grade import COPIES, SOLUTION, WORKERS, _check, _full, _setup  # noqa: E402
from common import measure, print_rows, row  # noqa: E402

SEED = 1201  # the same second pair for both


def _grade(folder: Path, dask: str | None) -> dict:
    from kit.grade import grade

    grades = grade(SOLUTION, [folder / "subs"], folder / "out", workers=WORKERS, progress=False, seed=SEED, dask=dask)
    shutil.rmtree(folder, ignore_errors=True)
    return {"n": len(grades), "full": sum(_full(g) for g in grades)}


def local_setup(fraction: float = 1.0) -> Path:
    return _setup()


def local(folder: Path) -> dict:
    return _grade(folder, None)


def cluster_setup(fraction: float = 1.0):
    from distributed import Client, LocalCluster

    folder = _setup()
    cluster = LocalCluster(n_workers=WORKERS, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=50)
    with Client(cluster) as client:  # warm the workers: the grader's modules, once each
        client.run(lambda: __import__("kit.grade.cluster"))
    return folder, cluster


def cluster(state) -> dict:
    folder, c = state
    return _grade(folder, c.scheduler_address)


def rows() -> list[dict]:
    here = measure("bench_grade_cluster:local", runs=1)
    there = measure("bench_grade_cluster:cluster", runs=1)
    _check(here, "local")
    _check(there, "cluster")
    overhead = there.median_s / here.median_s - 1
    per = lambda m: m._replace(median_s=m.median_s / COPIES)  # noqa: E731  seconds per submission
    return [row(
        f"kit grade --dask, s per submission ({COPIES} x 2 runs, {WORKERS} workers)", per(there),
        f"local grader, --workers {WORKERS}", per(here), "cluster overhead at most 15%",
        f"{overhead * 100:+.0f}% ({'met' if overhead <= 0.15 else 'MISSED'}): a LocalCluster of {WORKERS} worker "
        f"processes against the local grader's {WORKERS} threads, sandbox on in both, the same second pair; "
        "every copy gets full marks both ways.",
    )]


def main() -> None:
    print_rows(rows())


if __name__ == "__main__":
    main()
