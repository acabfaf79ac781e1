"""How fast does ``kit grade`` get through a class, with every notebook in its sandbox?

Twenty copies of the keyword_frequency solution are graded with two workers,
once with the sandbox on (bubblewrap, the default) and once with it off
(``--no-sandbox``), side by side. Every copy earns full marks, so each is run
twice (on the seeds and on the grader's fresh second pair), in one fresh kernel
per submission, reset between its runs: forty notebook runs.

What is timed: ``kit.grade.grade(...)`` from start to finish, in a fresh Python
process each time (``common.measure``), after an untimed warm-up that imports
the grader's modules, so the numbers are about running notebooks, not about
importing NLTK. The expected answers, the second pair and the sandbox check are
part of every batch, so they are timed. Reported as seconds per submission.

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
WORKERS = 2
RUNS = 1  # each measurement grades forty notebooks already
TARGET_S = 0.8


def _setup() -> Path:
    """Twenty copies of the solution in a fresh folder; warm the imports (untimed)."""
    import kit.grade  # noqa: F401  the grader's modules, jupyter_client and nbclient
    import matplotlib.figure  # noqa: F401  the summary's import, once

    folder = Path(tempfile.mkdtemp(prefix="bench-grade-"))
    (folder / "subs").mkdir()
    for n in range(COPIES):
        (folder / "subs" / f"student{n:02d}.ipynb").write_bytes(SOLUTION.read_bytes())
    return folder


def _grade(folder: Path, sandbox: bool) -> dict:
    from kit.grade import grade

    grades = grade(SOLUTION, [folder / "subs"], folder / "out", workers=WORKERS, progress=False, sandbox=sandbox)
    shutil.rmtree(folder, ignore_errors=True)
    return {"n": len(grades), "full": sum(_full(g) for g in grades)}


def _full(g) -> bool:
    """Every automatic point: the written answers wait for the teacher."""
    return g.total == sum(q.points for q in g.questions if not q.manual)


def sandbox_on_setup(fraction: float = 1.0) -> Path:
    """``common.measure`` passes a corpus fraction; grading has no use for it."""
    return _setup()


def sandbox_on(folder: Path) -> dict:
    return _grade(folder, True)


def sandbox_off_setup(fraction: float = 1.0) -> Path:
    """``common.measure`` passes a corpus fraction; grading has no use for it."""
    return _setup()


def sandbox_off(folder: Path) -> dict:
    # --no-sandbox warns on stderr, which common.measure keeps apart from the result
    return _grade(folder, False)


def _check(m, label: str) -> None:
    if m.result != {"n": COPIES, "full": COPIES}:
        raise RuntimeError(f"{label}: expected {COPIES} full marks, got {m.result}")


def rows() -> list[dict]:
    on = measure("bench_grade:sandbox_on", runs=RUNS)
    off = measure("bench_grade:sandbox_off", runs=RUNS)
    _check(on, "sandbox on")
    _check(off, "sandbox off")
    per = lambda m: m._replace(median_s=m.median_s / COPIES)  # noqa: E731  seconds per submission
    on_s, off_s = on.median_s / COPIES, off.median_s / COPIES
    verdict = "met" if on_s <= TARGET_S else "MISSED"
    return [row(
        f"kit grade, s per submission ({COPIES} x 2 runs, {WORKERS} workers)", per(on), "--no-sandbox", per(off),
        target=f"sandbox on at most {TARGET_S} s per submission, with {WORKERS} workers",
        note=f"kit = every kernel in bubblewrap (the default), baseline = --no-sandbox, both with --workers "
             f"{WORKERS}; both give every copy full marks. The sandbox adds {on_s - off_s:+.3f} s per submission "
             f"({(on_s / off_s - 1) * 100:+.0f}%); {on_s:.2f} s per submission with it ({verdict}). Peak MB is the "
             "grader process only; each kernel adds about 80 MB while it runs.",
    )]


def main() -> None:
    table = rows()
    r = table[0]
    print(f"{'sandbox':>8} {'s per submission':>17} {'total s':>8}")
    print(f"{'on':>8} {r['kit_s']:>17.3f} {r['kit_s'] * COPIES:>8.1f}")
    print(f"{'off':>8} {r['baseline_s']:>17.3f} {r['baseline_s'] * COPIES:>8.1f}\n")
    print_rows(table)


if __name__ == "__main__":
    main()
