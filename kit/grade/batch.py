"""Grading a batch: ``grade()`` checks the request, makes the plan, and grades the notebooks in parallel."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from kit.grade.judge import _grade_one
from kit.grade.plan import _make_plan, find_solution
from kit.grade.records import (
    DEFAULT_CELL_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    LMS_CHOICES,
    OUTPUT_CAP,
    Grade,
    GradeError,
    _Plan,
)
from kit.grade.report import _Book
from kit.grade.run import _engine

__all__ = [
    "_check_kernel",
    "_default_workers",
    "_grade_all",
    "_submission_files",
    "grade",
]


# --- the batch ----------------------------------------------------------------------------


def _submission_files(items: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            found = sorted(q for q in p.glob("*.ipynb") if q.is_file())
            if not found:
                raise GradeError(f"The folder {p} holds no .ipynb files. Pass the notebooks, or the folder they are in.")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise GradeError(f"There is no file or folder {str(p)!r}. Pass submitted .ipynb files, or a folder of them.")
    if not files:
        raise GradeError("No submissions given. Pass submitted .ipynb files, or a folder of them.")
    by_name: dict[str, list[Path]] = {}
    for f in dict.fromkeys(p.resolve() for p in files):
        by_name.setdefault(f.stem, []).append(f)
    clashes = {k: v for k, v in by_name.items() if len(v) > 1}
    if clashes:
        first = next(iter(clashes.values()))
        raise GradeError(f"Two submissions would get the same row, {first[0].stem!r}: "
                         f"{', '.join(map(str, first))}. Rename one; each student is named by the file name.")
    return [v[0] for v in by_name.values()]


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _check_kernel(name: str) -> None:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(name)
    except NoSuchKernel:
        raise GradeError(f"There is no Jupyter kernel named {name!r}. Choose one with --kernel, or install "
                         f"this Python's: {sys.executable} -m ipykernel install --user --name {name}") from None


def grade(
    assignment: str | Path,
    submissions: Iterable[str | Path],
    out: str | Path,
    *,
    texts: tuple[str | Path, str | Path] | None = None,
    cell_timeout: float = DEFAULT_CELL_TIMEOUT,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
    workers: int | None = None,
    lms: str | None = None,
    lms_column: str | None = None,
    kernel: str = "python3",
    solutions: str | Path | None = None,
    resume: bool = True,
    progress: bool = True,
    output_cap: int = OUTPUT_CAP,
) -> list[Grade]:
    """Grade the submitted notebooks; write ``out``; return one :class:`Grade` per submission.

    - ``assignment``: a name (``keyword_frequency``) or a solution notebook's path.
    - ``submissions``: notebook files, or folders of them (``*.ipynb``).
    - ``texts``: the second pair of texts; by default the Riverside pair in
      ``kit/data/holdout/``.
    - ``cell_timeout``: seconds one cell may run before it is interrupted.
    - ``total_timeout``: seconds one run of a notebook may take.
    - ``workers``: notebooks graded at the same time (default: one per core).
    - ``lms``: also write a gradebook to import, ``"canvas"`` only so far;
      ``lms_column`` names its grade column (default: the assignment).
    - ``resume``: continue an interrupted run into ``out`` (see the module doc).

    Results come in the order of ``submissions``.
    """
    if lms is not None and lms not in LMS_CHOICES:
        raise GradeError(f"Unknown LMS {lms!r}. Choose one of: {', '.join(LMS_CHOICES)}.")
    if cell_timeout <= 0 or total_timeout <= 0:
        raise GradeError("Timeouts must be positive numbers of seconds.")
    name, solution_path = find_solution(assignment, solutions)
    files = _submission_files(submissions)
    plan = _make_plan(name, solution_path, texts, kernel, cell_timeout, total_timeout, output_cap)
    _check_kernel(kernel)
    out = Path(out)
    state = {
        "assignment": name, "solution": str(solution_path),
        "texts": [[p.label, p.a, p.b] for p in plan.pairs],
        "cell_timeout": cell_timeout, "total_timeout": total_timeout,
        "started": datetime.now().isoformat(timespec="seconds"), "finished": None,
    }
    book = _Book(out, plan, state, resume)
    todo = [f for f in files if f.stem not in book.done]
    results: dict[str, Grade] = {f.stem: book.done[f.stem] for f in files if f.stem in book.done}
    try:
        _grade_all(todo, plan, book, results, workers or _default_workers(), progress)
    except BaseException:
        plan.stop.set()
        book.close()
        raise
    book.finish(lms, lms_column)
    return [results[f.stem] for f in files]


def _grade_all(todo: list[Path], plan: _Plan, book: _Book, results: dict[str, Grade], workers: int,
               progress: bool) -> None:
    import logging
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from tqdm import tqdm

    if not todo:
        return
    papermill_log = logging.getLogger("papermill")
    level = papermill_log.level
    papermill_log.setLevel(logging.CRITICAL)  # "no parameters cell" and the like: reported per student
    _engine()
    try:
        with ThreadPoolExecutor(max_workers=min(workers, len(todo)), thread_name_prefix="kit-grade") as pool, \
                tqdm(total=len(todo), desc=f"grading {plan.assignment}", unit="notebook", file=sys.stderr,
                     disable=not progress, leave=True) as bar:
            futures = {pool.submit(_grade_one, f.stem, f, plan): f for f in todo}
            try:
                for future in as_completed(futures):
                    g = future.result()
                    book.add(g)
                    results[g.student] = g
                    bar.set_postfix_str(f"{g.student}: {g.total}/{g.max} {g.status}", refresh=False)
                    bar.update()
            except BaseException:
                plan.stop.set()
                for f in futures:
                    f.cancel()
                raise
    finally:
        papermill_log.setLevel(level)
