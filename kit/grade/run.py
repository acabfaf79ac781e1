"""Running one notebook once, in a fresh kernel, through a papermill engine that notes what went wrong."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any

from kit.checks import GRADING_ENV
from kit.grade.notebook import _build_notebook, _Cell
from kit.grade.records import _TIMEOUT_ENAME, _Pair, _Plan

__all__ = [
    "_ENGINE",
    "_ENGINE_LOCK",
    "_Run",
    "_engine",
    "_run_notebook",
]


# --- running one notebook -------------------------------------------------------------------


class _Run:
    """What happened during one run, filled in by the grading client as it goes."""

    def __init__(self, plan: _Plan, workdir: Path):
        self.plan = plan
        self.workdir = workdir
        self.deadline = float("inf")
        self.problems: list[str] = []
        self.kinds: set[str] = set()
        self.hidden_errors: dict[str, str] = {}
        self.completed = False
        self.output_kept = 0
        self.output_cut = False

    def start_clock(self) -> None:
        self.deadline = time.monotonic() + self.plan.total_timeout

    def over(self) -> bool:
        return time.monotonic() >= self.deadline or self.plan.stop.is_set()

    def timeout_for(self, cell) -> float:
        return max(1.0, min(self.plan.cell_timeout, self.deadline - time.monotonic()))

    def note(self, kind: str, text: str) -> None:
        self.kinds.add(kind)
        self.problems.append(text)

    @staticmethod
    def where(cell) -> str:
        meta = cell.metadata.get("kit_grade", {})
        role = meta.get("role")
        if role == "student":
            line = f" (`{meta['line']}`)" if meta.get("line") else ""
            return f"cell {meta['number']}{line}"
        if role == "hidden":
            return f"the hidden test of {', '.join(meta.get('sets') or ['your code'])}"
        if role == "collector":
            return "the grader's step that saves answers"
        return "the cell where the grader sets the texts"

    def error(self, cell, ename: str, evalue: str) -> None:
        meta = cell.metadata.get("kit_grade", {})
        if meta.get("role") == "hidden":
            for name in meta.get("sets", []):
                self.hidden_errors[name] = ename
            self.note("error", f"{self.where(cell)} raised {ename} when it ran your code")
        else:
            evalue = evalue if len(evalue) <= 200 else evalue[:199] + "…"
            self.note("error", f"{self.where(cell)} raised {ename}: {evalue}".rstrip(": "))

    def timed_out(self, cell) -> None:
        if self.over():
            self.total_limit(cell)
        else:
            self.note("timeout", f"{self.where(cell)} ran longer than {self.plan.cell_timeout:g} s and was "
                                 "stopped; the cells after it still ran")

    def total_limit(self, cell) -> None:
        if self.plan.stop.is_set():
            self.note("failed", "grading was stopped by the teacher before this notebook finished")
        else:
            self.note("total", f"the notebook ran longer than the total limit of {self.plan.total_timeout:g} s; "
                               f"it was stopped at {self.where(cell)}")

    def stuck(self, cell) -> None:
        limit = f"the total limit of {self.plan.total_timeout:g} s" if self.over() else f"{self.plan.cell_timeout:g} s"
        self.note("stuck", f"{self.where(cell)} ran longer than {limit} and did not stop when interrupted, "
                           "so nothing after it ran")

    def crashed(self, cell) -> None:
        self.note("crash", f"the kernel died (it crashed, or the code made Python exit) in {self.where(cell)}; "
                           "nothing after it ran")


_ENGINE_LOCK = threading.Lock()
_ENGINE: list[str] = []


def _engine() -> str:
    """Register (once) and name the papermill engine that grades."""
    with _ENGINE_LOCK:
        if _ENGINE:
            return _ENGINE[0]
        import logging
        import subprocess

        import nbformat.v4 as v4
        from nbclient.exceptions import CellTimeoutError, DeadKernelError
        from papermill.clientwrap import PapermillNotebookClient
        from papermill.engines import NBClientEngine, papermill_engines

        quiet = logging.getLogger("kit.grade.kernel")
        quiet.addHandler(logging.NullHandler())
        quiet.propagate = False

        class GradingClient(PapermillNotebookClient):
            """Runs every cell (errors allowed), stops on a dead or stuck kernel, caps output."""

            def __init__(self, nb_man, run: _Run, **kw):
                super().__init__(nb_man, **kw)
                self.run = run
                self.reply: dict = {}
                self.on_cell_executed = self._remember_reply

            def _remember_reply(self, cell, cell_index, execute_reply, **_):
                self.reply = (execute_reply or {}).get("content") or {}

            def execute(self, **kwargs):
                self.reset_execution_trackers()
                with self.setup_kernel(**kwargs):
                    self._execute_cells()
                return self.nb

            def _execute_cells(self) -> None:
                run = self.run
                run.start_clock()
                for index, cell in enumerate(self.nb.cells):
                    if cell.cell_type != "code":
                        continue
                    if run.over():
                        run.total_limit(cell)
                        return
                    self.reply = {}
                    try:
                        self.execute_cell(cell, index)
                    except CellTimeoutError:
                        run.stuck(cell)
                        return
                    except DeadKernelError:
                        run.crashed(cell)
                        return
                    if self.reply.get("status") == "error":
                        if self.reply.get("ename") == _TIMEOUT_ENAME:
                            run.timed_out(cell)
                            if run.over():
                                return
                        else:
                            run.error(cell, str(self.reply.get("ename")), str(self.reply.get("evalue", "")))
                run.completed = True

            def output(self, outs, msg, display_id, cell_index):
                content = msg.get("content", {})
                size = len(str(content.get("text", ""))) + sum(len(str(v)) for v in content.get("data", {}).values())
                run = self.run
                if run.output_kept + size > run.plan.output_cap:
                    if not run.output_cut:
                        run.output_cut = True
                        outs.append(v4.new_output("stream", name="stderr", text="[kit grade: output cut here]\n"))
                    return None
                run.output_kept += size
                return super().output(outs, msg, display_id, cell_index)

        class GradingEngine(NBClientEngine):
            @classmethod
            def execute_managed_notebook(cls, nb_man, kernel_name, run: _Run, start_timeout=60, **kwargs):
                client = GradingClient(
                    nb_man, run,
                    kernel_name=kernel_name, log=quiet, startup_timeout=start_timeout,
                    timeout=run.plan.cell_timeout, timeout_func=run.timeout_for,
                    interrupt_on_timeout=True,
                    error_on_timeout={"ename": _TIMEOUT_ENAME, "evalue": "", "traceback": []},
                    allow_errors=True, record_timing=False, shutdown_kernel="immediate",
                )
                # GRADING_ENV: inside the kernel, checks only record and expected
                # answers cannot be looked up (see kit.checks.grading).
                env = {**os.environ, GRADING_ENV: "1"}
                return client.execute(cwd=str(run.workdir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      env=env)

        papermill_engines.register("kit-grade", GradingEngine)
        _ENGINE.append("kit-grade")
        return _ENGINE[0]


def _run_notebook(cells: list[_Cell], plan: _Plan, pair: _Pair, workdir: Path) -> tuple[_Run, dict[str, Any], list[str]]:
    """Run the submission once on one pair of texts; the run, the saved answers, notes."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    answers = workdir / "answers"
    answers.mkdir(parents=True)
    nb, notes = _build_notebook(cells, plan, answers)
    copy = workdir / "submission.ipynb"
    copy.write_text(nbformat.writes(nb), encoding="utf-8")
    run = _Run(plan, workdir)
    try:
        papermill.execute_notebook(
            str(copy), None, parameters={"article_a": pair.a, "article_b": pair.b},
            engine_name=_engine(), kernel_name=plan.kernel, language="python",
            progress_bar=False, request_save_on_cell_execute=False, run=run,
        )
    except PapermillExecutionError:
        pass  # cells raised: already noted, and the run went on past them
    except Exception as err:  # the kernel could not start, or nbclient gave up
        if not run.kinds & {"crash", "stuck", "total"}:
            run.note("failed", f"the grader could not run the notebook: {type(err).__name__}: {err}")
    if run.output_cut:
        run.problems.append(f"the output was cut after {plan.output_cap:,} characters")
    saved: dict[str, Any] = {}
    for file in sorted(answers.glob("*.json")):
        try:
            values = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(values, dict):
            saved.update(values)
    return run, saved, notes
