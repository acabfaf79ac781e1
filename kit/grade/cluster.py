"""Grading on a Dask cluster: ``kit grade ... --dask ADDRESS``.

Each submission is a Dask task: its runs (on the student's texts, then on
the grader's second pair), in one kernel, as in a local batch. A worker builds
its own sandbox settings (the sandbox describes the worker's own folders), runs
the notebook with :func:`kit.grade.run_pairs` in a fresh folder of its own, and
sends back the saved answers and how each run went: plain data. Everything else
stays in the grader's process, exactly as in a local batch:

- the expected answers (the teacher's solution was run before the first task);
- judging each run's answers, and deciding whether the second run counts. A
  local batch skips the second run when nothing was right on the first; a
  worker cannot tell (the expected answers stay here), so it always runs both,
  and the grader drops the second when a local batch would not have run it;
- writing ``grades.csv`` and the feedback as runs finish, with a progress bar,
  and resuming after the grader is killed.

A worker that dies mid-task loses nothing: the scheduler runs the task again
on another worker (Dask does this by itself, up to its ``allowed-failures``),
and a grade is written only once, when its last run is judged, so no student
gets two rows. Since the runs and the second pair are the same, the grades are
identical to a local batch's.

Dask is imported only here, and this module only by ``--dask``.
"""

from __future__ import annotations

import sys
import uuid
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from kit.grade.judge import Prepared, invalid, judge_runs, prepare, worth_another_run
from kit.grade.records import FAILED, Grade, GradeError, Plan, RunSummary, TextPair
from kit.grade.report import Book
from kit.grade.submissions import Submission

__all__ = ["CONNECT_TIMEOUT", "KernelDidNotStart", "RETRIES", "WorkerSettings", "connect", "grade_on_cluster", "run_on_worker"]


class WorkerSettings(NamedTuple):
    """What a worker needs to build its run settings: plain values, sent with every task."""

    sandbox: bool
    hide: tuple[str, ...]
    cell_timeout: float
    total_timeout: float
    output_cap: int
    limits: tuple[int, ...]


@cache
def _settings(spec: WorkerSettings):
    """The worker's run settings, made (and its sandbox proved) once per worker process."""
    from kit.grade.batch import run_settings
    from kit.grade.sandbox import Limits

    return run_settings(sandbox=spec.sandbox, hide=[Path(h) for h in spec.hide], cell_timeout=spec.cell_timeout,
                        total_timeout=spec.total_timeout, output_cap=spec.output_cap, limits=Limits(*spec.limits))


class KernelDidNotStart(RuntimeError):
    """The worker could not run the notebook at all (its kernel did not start): a
    fault of the machine, not of the submission, so Dask tries the task again."""


RETRIES = 2
"""How many more times a task is tried when its kernel did not start (a busy or
broken worker). A worker that dies is handled by Dask itself."""


def run_on_worker(notebook: str, spec: WorkerSettings, pairs: tuple[TextPair, ...]
                  ) -> list[tuple[dict[str, Any], RunSummary]]:
    """The runs of one notebook on each pair, on whatever machine calls it (a Dask task).

    The run folder is new for every call, so a task that Dask runs again after
    its worker died starts clean. It is a locked batch folder
    (:func:`kit.grade.folders.batch_folder`), as a local batch's is: any batch
    that starts on the same machine removes the unlocked ``kit-grade-*``
    folders it finds as left over by a killed batch, and an unlocked task
    folder lost its answers that way mid-run.
    """
    from kit.grade.folders import batch_folder
    from kit.grade.run import run_pairs

    with batch_folder() as folder:
        results = run_pairs(notebook, _settings(spec), pairs, folder / "run")
    saved, run = results[0]
    if "failed" in run.kinds and not run.completed and not saved:
        raise KernelDidNotStart("; ".join(run.problems))
    return results


def _spec(plan: Plan, hide: list[Path]) -> WorkerSettings:
    settings = plan.settings
    box = settings.sandbox
    return WorkerSettings(box is not None, tuple(str(h) for h in hide), settings.cell_timeout,
                          settings.total_timeout, settings.output_cap, tuple(box.limits) if box else ())


CONNECT_TIMEOUT = "20s"
"""How long :func:`connect` waits for a scheduler: a busy one on another machine
may take a while to answer, and Dask retries a refused connection until then."""


def connect(address: str) -> Any:
    """A client of the Dask scheduler at ``address``, or a GradeError that says how to start one."""
    try:
        from distributed import Client
    except ImportError:
        raise GradeError("--dask needs Dask: pip install \"text-analysis-kit[cluster]\" (or dask[distributed]), "
                         "on this machine and on every worker.") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        raise GradeError(f"No Dask scheduler answers at {address} ({type(err).__name__}: {err}). Start one with "
                         "`dask scheduler`, and workers with `dask worker ADDRESS`; then pass the scheduler's "
                         "address, such as tcp://host:8786.") from None


def grade_on_cluster(todo: list[Submission], plan: Plan, book: Book, results: dict[str, Grade], client: Any,
                     hide: list[Path], progress: bool) -> None:
    """Grade ``todo`` with ``client``'s cluster (see :func:`connect`); the same grades as a local batch."""
    from distributed import as_completed
    from tqdm import tqdm

    if not todo:
        return
    spec = _spec(plan, hide)
    pending: dict[Any, Prepared] = {}
    with tqdm(total=len(todo), desc=f"grading {plan.assignment} on {client.scheduler.address}", unit="notebook",
                      file=sys.stderr, disable=not progress, leave=True) as bar:
        queue = as_completed()

        def finish(grade: Grade) -> None:
            book.add(grade)
            results[grade.student] = grade
            bar.set_postfix_str(f"{grade.student}: {grade.total}/{grade.max} {grade.status}", refresh=False)
            bar.update()

        for sub in todo:
            prepared = prepare(sub.student, sub.path, plan)  # the same reading and building as a local batch
            if isinstance(prepared, Grade):
                finish(prepared)
                continue
            future = client.submit(run_on_worker, prepared.notebook, spec, plan.pairs, pure=False, retries=RETRIES,
                                   key=f"kit-grade-{prepared.student}-{uuid.uuid4().hex[:8]}")
            pending[future] = prepared
            queue.add(future)
        for future in queue:
            prepared = pending.pop(future)
            try:
                runs = future.result()
            except Exception as err:  # the task failed every time it was tried (a worker death is rerun by Dask)
                finish(invalid(prepared.student, prepared.source, plan,
                               f"the grader could not run this file on the cluster: {type(err).__name__}: {err}",
                               FAILED))
                continue
            kept = 1  # the runs a local batch would have made: the same rule
            while kept < len(runs) and worth_another_run(plan, kept - 1, *runs[kept - 1]):
                kept += 1
            finish(judge_runs(prepared, plan, runs[:kept]))
