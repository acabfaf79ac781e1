"""Run each notebook with papermill, next to a notebook that only starts a kernel (the floor).

Each notebook and the floor run in turns, in three rounds of all the
notebooks, and a notebook is judged by the median of its turns' differences
(see :func:`_in_rounds`).

Both stop their kernel at once when the last cell is done (nbclient's
``shutdown_kernel="immediate"``, as the grader does). With papermill's default,
a graceful shutdown, ipykernel now and then does not exit when asked, and
jupyter_client waits before it terminates the kernel: the run then takes 4.0 s
instead of 0.6 s (5 of 60 runs of the floor here, 0 of 60 with an immediate
shutdown). That wait is no part of running a notebook, and it made one
notebook or another miss its target in three benches out of five.

Run: python benchmarks/bench_notebooks.py
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from common import HERE

ROOT = HERE.parent
NOTEBOOKS = sorted(p for d in ("notebooks", "solutions", "exercises") for p in (ROOT / d).glob("*.ipynb"))


def _run(path: Path, runs: int, save_each_cell: bool = True) -> tuple[float, list[tuple[float, str]]]:
    """The median time of ``runs`` runs, and the slowest cells of the last one.
    ``save_each_cell`` is papermill's default: it writes the whole notebook at
    the start and at the end of every cell, markdown included."""
    import nbformat
    import papermill

    times = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.ipynb"
        for _ in range(runs):
            start = time.perf_counter()
            papermill.execute_notebook(str(path), str(out), kernel_name="python3", progress_bar=False, cwd=tmp,
                                       request_save_on_cell_execute=save_each_cell, shutdown_kernel="immediate")
            times.append(time.perf_counter() - start)
        cells = [
            (c.metadata.get("papermill", {}).get("duration") or 0.0, c.source.split("\n")[0][:40])
            for c in nbformat.read(out, as_version=4).cells if c.cell_type == "code"
        ]
    return statistics.median(times), sorted(cells, reverse=True)[:3]


def _papermill_share(path: Path, runs: int) -> str:
    """How much of a notebook's time is papermill's own saving of the notebook at
    each cell's start and end: runs with and without it, side by side in turns
    (the machine's speed drifts from minute to minute), the median difference."""
    differences = [_run(path, 1)[0] - _run(path, 1, save_each_cell=False)[0] for _ in range(runs)]
    share = statistics.median(differences)
    cells = len(json.loads(path.read_text(encoding="utf-8"))["cells"])
    if share < 0.05:
        return f"; papermill's saving of the notebook at each of its {cells} cells is lost in the noise here"
    return (f"; about {share:.2f} s of it is papermill writing the notebook at the start and end of each of its "
            f"{cells} cells (median of {runs} runs in turns with --no-request-save-on-cell-execute)")


def _floor_notebook(folder: Path) -> Path:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell("pass")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "floor.ipynb"
    nbformat.write(nb, path)
    return path


# Seconds a notebook may take over the floor. The corpus lesson reads a whole
# novel (War and Peace, 3.2 MB) several times by design; every other notebook
# works on two short texts.
ALLOWED = {"20_corpus.ipynb": 20.0}
DEFAULT_ALLOWED = 2.0


def _in_rounds(paths: list[Path], floor_path: Path, runs: int) -> dict[Path, tuple[float, float, float, list]]:
    """Every notebook and the floor run in turns, ``runs`` rounds of all the
    notebooks: for each notebook, the median of its runs, of the floor runs
    right before them, of the differences, and its slowest cells.

    This machine slows down now and then for a quarter of a minute: in four
    benches of ten, one notebook (a different one each time) ran 3 to 4 s
    slower in every one of its turns, while the floor runs between them did
    not, and by hand a moment later it ran at its usual speed. A notebook's
    turns are therefore spread over the whole benchmark, a round of every
    notebook apart, so that such a slowdown falls on one of them at most."""
    times: dict[Path, list[tuple[float, float]]] = {path: [] for path in paths}
    slowest: dict[Path, list[tuple[float, str]]] = {}
    for _ in range(runs):
        for path in paths:
            floor = _run(floor_path, 1)[0]
            seconds, slowest[path] = _run(path, 1)
            times[path].append((seconds, floor))
    return {
        path: (statistics.median(t for t, _ in pairs), statistics.median(f for _, f in pairs),
               statistics.median(t - f for t, f in pairs), slowest[path])
        for path, pairs in times.items()
    }


def rows(runs: int = 3) -> list[dict]:
    tmp = tempfile.TemporaryDirectory()
    floor_path = _floor_notebook(Path(tmp.name))
    out = []
    for path, (seconds, floor, over, slowest) in _in_rounds(NOTEBOOKS, floor_path, runs).items():
        allowed = ALLOWED.get(path.name, DEFAULT_ALLOWED)
        why = ""
        if over > allowed:
            why = _papermill_share(path, runs) + "; slowest cells: " + ", ".join(
                f"{s:.2f} s `{src}`" for s, src in slowest)
        out.append({
            "task": f"papermill {path.parent.name}/{path.name}",
            "kit_s": seconds, "kit_peak_mb": None,
            "baseline": "a kernel that only starts", "baseline_s": floor, "baseline_peak_mb": None,
            "target": f"within {allowed:g} s of the floor",
            "note": f"{over:+.2f} s over the floor, the median of {runs} turns with it, each in its own round of "
                    f"all the notebooks, both stopping their kernel at once ({'met' if over <= allowed else 'MISSED'})"
                    f"{why}",
        })
    tmp.cleanup()
    return out


if __name__ == "__main__":
    from common import print_rows

    print_rows(rows())
