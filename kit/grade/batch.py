"""Grading a batch: ``grade()`` checks the request, makes the plan, and grades the notebooks in parallel."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

from kit.grade.folders import batch_folder
from kit.grade.judge import grade_one, invalid
from kit.grade.plan import find_solution, make_plan
from kit.grade.records import (
    DEFAULT_CELL_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    LMS_CHOICES,
    OUTPUT_CAP,
    Grade,
    GradeError,
    Plan,
    RunSettings,
)
from kit.grade.report import Book, read_state
from kit.grade.sandbox import Limits, SandboxUnavailable, check_sandbox, find_sandbox
from kit.grade.submissions import Found, Submission, find_submissions

__all__ = ["default_workers", "grade", "run_settings"]


def default_workers() -> int:
    """Notebooks graded at once when not told: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _sandbox_state(settings: RunSettings) -> dict:
    box = settings.sandbox
    if box is None:
        return {"on": False, "why": "turned off with --no-sandbox"}
    return {"on": True, "tool": box.version, "memory_mb": box.limits.memory >> 20,
            "processes": box.limits.processes, "file_size_mb": box.limits.file_size >> 20,
            "hidden": list(box.hidden)}


def run_settings(*, sandbox: bool = True, hide: Iterable[Path] = (), cell_timeout: float = DEFAULT_CELL_TIMEOUT,
                 total_timeout: float = DEFAULT_TOTAL_TIMEOUT, output_cap: int = OUTPUT_CAP,
                 limits: Limits = Limits()) -> RunSettings:
    """How to run notebooks here: in the sandbox, hiding ``hide``, once it has proved that it starts.

    Raises GradeError when it cannot start. With ``sandbox=False``, says loudly
    on stderr that notebooks run without it.
    """
    if not sandbox:
        print("kit: WARNING: running notebooks WITHOUT a sandbox (--no-sandbox). Their code runs as you, with "
              "your files, your processes and the network in reach. Do this only for code you trust.",
              file=sys.stderr)
        return RunSettings(cell_timeout, total_timeout, output_cap, None)
    try:
        box = find_sandbox(hide=hide, limits=limits)
        check_sandbox(box)
    except SandboxUnavailable as err:
        raise GradeError(str(err)) from None
    return RunSettings(cell_timeout, total_timeout, output_cap, box)


def _texts_state(plan: Plan) -> list[dict]:
    def one(text) -> dict:
        return {"name": text.name, "sha256": hashlib.sha256(text.text.encode()).hexdigest(), "text": text.text}

    return [{"label": p.label, "a": one(p.a), "b": one(p.b)} for p in plan.pairs]


def grade(
    assignment: str | Path,
    submissions: Iterable[str | Path],
    out: str | Path,
    *,
    texts: tuple[str | Path, str | Path] | None = None,
    seed: int | None = None,
    cell_timeout: float = DEFAULT_CELL_TIMEOUT,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
    workers: int | None = None,
    lms: str | None = None,
    lms_column: str | None = None,
    solutions: str | Path | None = None,
    resume: bool = True,
    progress: bool = True,
    output_cap: int = OUTPUT_CAP,
    sandbox: bool = True,
    limits: Limits = Limits(),
    dask: str | None = None,
    written_names: bool = False,
) -> list[Grade]:
    """Grade the submitted notebooks; write ``out``; return one :class:`Grade` per submission.

    - ``assignment``: a name (``keyword_frequency``) or a solution notebook's path.
    - ``submissions``: notebook files, or folders of them, searched all the way
      down: per-student folders, and Canvas, Moodle and nbgrader downloads, are
      recognised, and every file not graded is listed in ``grade-state.json``
      with why (see :mod:`kit.grade.submissions`).
    - ``texts``: the second pair of texts; by default a pair made fresh for this
      batch from the first (:func:`kit.grade.unseen_pair`), with ``seed`` (by
      default a random one, written into ``grade-state.json``).
    - ``cell_timeout``: seconds one cell may run before it is interrupted.
    - ``total_timeout``: seconds one run of a notebook may take.
    - ``workers``: notebooks graded at the same time (default: one per core).
    - ``lms``: also write a gradebook to import, ``"canvas"`` only so far;
      ``lms_column`` names its grade column (default: the assignment).
    - ``resume``: continue an interrupted run into ``out`` (see the module doc).
    - ``sandbox``: run every kernel in bubblewrap (see :mod:`kit.grade.sandbox`);
      if it cannot start, this raises GradeError rather than grade without it.
      ``False`` (``--no-sandbox``) runs the students' code as you.
    - ``limits``: memory, processes and file size for each sandboxed kernel.
    - ``written_names``: put the students' names on the written answers' review
      pages and in ``written/points.csv`` (by default they are anonymous; see
      :mod:`kit.grade.written`).
    - ``dask``: the address of a Dask scheduler (``tcp://host:8786``): each
      submission's runs become a task on its workers, in the same sandbox
      (:mod:`kit.grade.cluster`); everything else happens here, as without it.

    Results come in the order of ``submissions``.
    """
    if lms is not None and lms not in LMS_CHOICES:
        raise GradeError(f"Unknown LMS {lms!r}. Choose one of: {', '.join(LMS_CHOICES)}.")
    if cell_timeout <= 0 or total_timeout <= 0:
        raise GradeError("Timeouts must be positive numbers of seconds.")
    name, solution_path = find_solution(assignment, solutions)
    found = find_submissions(submissions, names=(solution_path.stem, name))
    files = found.submissions
    out = Path(out).resolve()
    workers = workers or default_workers()
    # What a kernel must not see, should it lie inside a folder the sandbox shows: the solutions, the grades.
    try:
        settings = run_settings(sandbox=sandbox, hide=[solution_path.parent, out], cell_timeout=cell_timeout,
                                total_timeout=total_timeout, output_cap=output_cap, limits=limits)
    except GradeError as err:
        raise GradeError(f"{err} Nothing was graded.") from None
    with ExitStack() as cleanup:
        client = None
        if dask:
            from kit.grade.cluster import connect  # Dask is imported only when asked for

            client = connect(dask)  # before the solution runs: a wrong address fails at once
            cleanup.callback(client.close)
        previous = read_state(out) if resume else None
        if seed is None and texts is None and previous and not previous.get("finished") \
                and previous.get("assignment") == name and isinstance(previous.get("seed"), int):
            seed = previous["seed"]  # resuming: the same second pair as the grades already written
        folder = cleanup.enter_context(batch_folder())
        plan = make_plan(solution_path, texts, settings, folder, seed=seed, workers=workers)
        state = {
            "assignment": name, "solution": str(solution_path),
            "sandbox": _sandbox_state(settings),
            "seed": plan.seed, "texts": _texts_state(plan),
            "cell_timeout": cell_timeout, "total_timeout": total_timeout,
            "started": datetime.now().isoformat(timespec="seconds"), "finished": None,
            **_found_state(found),
        }
        book = Book(out, plan, state, resume)
        results: dict[str, Grade] = {s.student: book.done[s.student] for s in files if s.student in book.done}
        for s in files:  # a student with several notebooks: a row that names them all, nothing graded
            if s.clash and s.student not in results:
                results[s.student] = invalid(s.student, s.path, plan, _clash(s))
                book.add(results[s.student])
        todo = [s for s in files if s.student not in results]
        try:
            if client is not None:
                from kit.grade.cluster import grade_on_cluster

                grade_on_cluster(todo, plan, book, results, client, [solution_path.parent, out], progress)
            else:
                _grade_all(todo, plan, book, results, workers, progress, folder)
        except BaseException:
            plan.stop.set()
            book.close()
            raise
    book.finish(lms, lms_column, names=written_names)
    return [results[s.student] for s in files]


def _clash(s: Submission) -> str:
    return (f"{len(s.clash)} notebooks were found for {s.student}: {', '.join(map(str, s.clash))}. None was graded, "
            "since the grader does not guess which one counts: keep that one (or rename the others) and grade again.")


def _found_state(found: Found) -> dict:
    """Whose each notebook is, and every file not graded with why: for grade-state.json and the summary."""
    return {"submissions": [{"student": s.student, "path": str(s.path), "layout": s.layout, "lms_id": s.lms_id,
                             **({"clash": [str(p) for p in s.clash]} if s.clash else {})}
                            for s in found.submissions],
            "not_graded": [{"path": str(k.path), "why": k.why} for k in found.skipped]}


def _grade_all(todo: list[Submission], plan: Plan, book: Book, results: dict[str, Grade], workers: int,
               progress: bool, folder: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from tqdm import tqdm

    if not todo:
        return
    with ThreadPoolExecutor(max_workers=min(workers, len(todo)), thread_name_prefix="kit-grade") as pool, \
            tqdm(total=len(todo), desc=f"grading {plan.assignment}", unit="notebook", file=sys.stderr,
                 disable=not progress, leave=True) as bar:
        futures = {pool.submit(grade_one, s.student, s.path, plan, folder / f"s{n}"): s for n, s in enumerate(todo)}
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

