"""How fast does ``kit grade`` get through a class?

Twenty copies of the keyword_frequency solution are graded, once with one worker
and once with two. Every copy earns full marks, so each is run twice (on the
seeds and on the grader's second pair), in fresh kernels: forty notebook runs.

What is timed: ``kit.grade.grade(...)`` from start to finish, in a fresh Python
process each time (``common.measure``), after an untimed warm-up that imports
papermill and computes the expected answers once, so the numbers are about
running notebooks, not about importing NLTK. Reported as seconds per submission.

Peak memory is the growth of the grader's own process; the kernels are separate
processes and are not counted (each is about 80 MB while it runs).

Run it with ``python benchmarks/bench_grade.py``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import measure, print_rows, row  # noqa: E402

ROOT = HERE.parent
SOLUTION = ROOT / "solutions" / "01_keyword_frequency.ipynb"
COPIES = 20
RUNS = 1  # each measurement grades forty notebooks already


def _setup() -> Path:
    """Twenty copies of the solution in a fresh folder; warm the imports (untimed)."""
    from kit.grade import _engine, _make_plan, find_solution

    folder = Path(tempfile.mkdtemp(prefix="bench-grade-"))
    (folder / "subs").mkdir()
    for n in range(COPIES):
        (folder / "subs" / f"student{n:02d}.ipynb").write_bytes(SOLUTION.read_bytes())
    name, path = find_solution(SOLUTION)
    _make_plan(name, path, None, "python3", 60, 300, 1000)
    _engine()
    import matplotlib.figure  # noqa: F401  the summary's import, once

    return folder


def _grade(folder: Path, workers: int) -> dict:
    from kit.grade import grade

    grades = grade(SOLUTION, [folder / "subs"], folder / f"out{workers}", workers=workers, progress=False)
    shutil.rmtree(folder, ignore_errors=True)
    return {"n": len(grades), "full": sum(g.total == g.max for g in grades)}


def one_worker_setup(fraction: float = 1.0) -> Path:
    """``common.measure`` passes a corpus fraction; grading has no use for it."""
    return _setup()


def one_worker(folder: Path) -> dict:
    return _grade(folder, 1)


def two_workers_setup(fraction: float = 1.0) -> Path:
    """``common.measure`` passes a corpus fraction; grading has no use for it."""
    return _setup()


def two_workers(folder: Path) -> dict:
    return _grade(folder, 2)


def _check(m, label: str) -> None:
    if m.result != {"n": COPIES, "full": COPIES}:
        raise RuntimeError(f"{label}: expected {COPIES} full marks, got {m.result}")


def rows() -> list[dict]:
    one = measure("bench_grade:one_worker", runs=RUNS)
    two = measure("bench_grade:two_workers", runs=RUNS)
    _check(one, "1 worker")
    _check(two, "2 workers")
    per = lambda m: m._replace(median_s=m.median_s / COPIES)  # noqa: E731  seconds per submission
    return [row(
        f"kit grade, s per submission ({COPIES} x 2 runs)", per(two), "1 worker", per(one),
        target="2 workers at least 1.5x faster than 1, on 2 cores",
        note="kit = 2 workers (--workers 2), baseline = --workers 1; both give every copy full marks. "
             "Peak MB is the grader process only; each kernel adds about 80 MB while it runs.",
    )]


def main() -> None:
    table = rows()
    r = table[0]
    print(f"{'workers':>8} {'s per submission':>17} {'total s':>8}")
    print(f"{1:>8} {r['baseline_s']:>17.2f} {r['baseline_s'] * COPIES:>8.1f}")
    print(f"{2:>8} {r['kit_s']:>17.2f} {r['kit_s'] * COPIES:>8.1f}")
    print(f"speed-up with 2 workers: {r['baseline_s'] / r['kit_s']:.2f}x\n")
    print_rows(table)


if __name__ == "__main__":
    main()
