"""Running a notebook on each pair of texts in turn, in a fresh (sandboxed) kernel: :func:`run_pairs`.

:func:`run_pairs` (and :func:`run_notebook`, for one pair) is a plain function
of plain values: the notebook (JSON text), the settings, the pairs of texts
(their contents), and a folder to work in. It returns the saved answers (plain
JSON data) and a :class:`RunSummary` for each run. It
keeps no state between calls and starts no threads, so runs can go to a pool
of processes, or to other machines, as easily as to threads.

How the answers come out of the kernel
--------------------------------------
The first cell the grader runs registers a small function with IPython
(``post_run_cell``) that, after every cell, writes the values of the question
variables as JSON into ``answers.json`` in the run folder, atomically (written
aside, then renamed). It is set up before any student code runs, in a
namespace of its own, with the real builtins: a redefined ``check``, a patched
``kit``, or a variable called ``list`` does not change what it saves. It
mirrors :func:`kit.checks.to_plain`, so an object that claims to equal
anything is saved as ``{"__unserializable__": "TypeName"}`` and earns nothing.
Values set by a hidden test are saved only right after that test's own cell.
The grader reads that one file, never following a link, and nothing else the
kernel wrote.

What it does not stop: the student's code runs in the same Python, so it can
unregister or replace the saver. That gains nothing the student's code could
not compute anyway: the grader judges the values on texts the student never saw.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import queue
import shutil
import stat
import subprocess
import time
import traceback
from pathlib import Path
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import nbformat
from jupyter_client import AsyncKernelManager
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from kit.checks import ANSWER_DEPTH, ANSWER_VALUES, GRADING_ENV
from kit.grade.notebook import TEXTS_MARK
from kit.grade.records import RunSettings, RunSummary, TextPair
from kit.grade.redact import MESSAGE_LIMIT, cap, redact
from kit.grade.sandbox import run_uid, sandboxed_command

__all__ = ["ANSWERS_FILE", "GoOn", "kernel_env", "remove_folder", "run_notebook", "run_pairs"]

ANSWERS_FILE = "answers.json"
_MAX_ANSWERS_BYTES = 20 << 20
_TIMEOUT_ENAME = "kit-grade:timeout"  # not a Python name, so no student exception can fake it


# --- the answer saver, run inside the kernel ------------------------------------------------

# Set up by the first cell, before any student code, in a namespace of its own.
# It mirrors kit.checks.to_plain, then writes JSON by hand (the json module
# could be patched), aside, then renames.
_SAVER = r'''
import hashlib
import os
from collections.abc import Mapping

class Refused(Exception):
    pass

def type_name(value):
    try:
        return str.__str__(type(value).__name__)[:100]
    except Exception:
        return "object"

def plain(value, depth, budget):
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        raise Refused("too large")
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is float or kind is str:
        return value
    for base in (bool, int, float, str):
        if isinstance(value, base):
            return plain(base(value), depth + 1, budget)
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            key = plain(str(k) if isinstance(k, str) else str(plain(k, depth + 1, budget)), depth + 1, budget)
            out[key] = plain(v, depth + 1, budget)
        return out
    if isinstance(value, (list, tuple)):
        return [plain(v, depth + 1, budget) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v, depth + 1, budget) for v in value), key=repr)
    try:
        tolist = value.tolist
    except AttributeError:
        raise Refused(type_name(value)) from None
    return plain(tolist(), depth + 1, budget)

ESCAPES = {i: "\\u%04x" % i for i in range(32)}
ESCAPES.update({i: "\\u%04x" % i for i in range(0xD800, 0xE000)})
ESCAPES[34], ESCAPES[92] = '\\"', "\\\\"
FLOATS = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}

def encode(value):
    kind = type(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        text = float.__repr__(value)
        return FLOATS.get(text, text)
    if kind is str:
        return '"' + str.translate(value, ESCAPES) + '"'
    if kind is list:
        return "[" + ",".join(encode(v) for v in value) + "]"
    if kind is dict:
        return "{" + ",".join(encode(k) + ":" + encode(v) for k, v in value.items()) + "}"
    raise Refused(type_name(value))

def answer(value):
    if value is Ellipsis:
        return '{"__unanswered__":true}'
    try:
        return encode(plain(value, 0, [MAX_VALUES]))
    except Refused as err:
        return encode({"__unserializable__": err.args[0]})
    except Exception:
        return encode({"__unserializable__": type_name(value)})

def fingerprint(value):
    try:
        text = value if type(value) is str else getattr(value, "text", None)
        if type(text) is not str:
            return None
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    except Exception:
        return None

visible, hidden, loaded, after_texts = {}, {}, {"a": [], "b": []}, [False]

def save(result=None):
    try:
        raw = getattr(getattr(result, "info", None), "raw_cell", None)
        first = raw.split("\n", 1)[0] if type(raw) is str else ""
        namespace = SHELL.user_ns
        visible.clear()
        for name in VISIBLE:
            if name in namespace:
                visible[name] = answer(namespace[name])
        for name in HIDDEN.get(first, ()):
            if name in namespace:
                hidden[name] = answer(namespace[name])
        if after_texts[0]:
            for name, seen in loaded.items():
                found = fingerprint(namespace[name]) if name in namespace else None
                if found and found not in seen and len(seen) < 8:
                    seen.append(found)
        after_texts[0] = after_texts[0] or first == TEXTS_MARK
        parts = [
            '"visible":{' + ",".join(encode(k) + ":" + v for k, v in visible.items()) + "}",
            '"hidden":{' + ",".join(encode(k) + ":" + v for k, v in hidden.items()) + "}",
            '"loaded":' + encode(loaded),
        ]
        with open(PATH + ".tmp", "w", encoding="utf-8") as f:
            f.write("{" + ",".join(parts) + "}")
        os.replace(PATH + ".tmp", PATH)
    except Exception:
        pass

SHELL.events.register("post_run_cell", save)
'''


def _setup_source(path: Path, visible: list[str], hidden: dict[str, list[str]]) -> str:
    return (
        "# Added by `kit grade`: saves your answers after every cell. It is not part of your notebook.\n"
        "import builtins as _kit_grade_builtins\n"
        f"_kit_grade_builtins.exec({_SAVER!r}, {{'__builtins__': _kit_grade_builtins, 'SHELL': get_ipython(), "
        f"'VISIBLE': {visible!r}, 'HIDDEN': {hidden!r}, 'TEXTS_MARK': {TEXTS_MARK!r}, 'PATH': {str(path)!r}, "
        f"'MAX_DEPTH': {ANSWER_DEPTH!r}, 'MAX_VALUES': {ANSWER_VALUES!r}, 'KIT_GRADE_SAVER': True}})\n"
        "del _kit_grade_builtins"
    )


def _texts_source(a: Path, b: Path) -> str:
    return f"{TEXTS_MARK}\narticle_a = {str(a)!r}\narticle_b = {str(b)!r}"


# --- the kernel ----------------------------------------------------------------------------------


class _ReadyClient(AsyncKernelClient):
    """jupyter_client's client, with a quicker wait for a new kernel.

    Hand-written because the stock ``wait_for_ready`` ends by listening for
    0.2 s of silence on IOPub (and retries only after a 1 s wait): a quarter of a
    second per run, a third of what running a whole notebook takes. This one
    waits for the ``kernel_info`` reply and then for any message at all on IOPub
    (ipykernel greets each new subscriber with ``iopub_welcome``), which proves
    what the silence was for: that IOPub is connected, so no output of the first
    cell is lost. Messages left over are ignored by nbclient, which reads only
    the replies to its own requests.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (60.0 if timeout is None else timeout)
        while time.monotonic() < deadline:
            msg_id = self.kernel_info()
            reply = await self._next(self.get_shell_msg, deadline, 1.0, msg_id)
            if reply is not None and await self._next(self.get_iopub_msg, deadline, 1.0):
                self._handle_kernel_info_reply(reply)  # as upstream: adapt to the kernel's protocol version
                return
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
        raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    @staticmethod
    async def _next(get, deadline: float, wait: float, parent: str | None = None) -> dict | None:
        """The next message from ``get`` (that answers ``parent``, if given), or None after ``wait`` seconds."""
        until = min(deadline, time.monotonic() + wait)
        while (left := until - time.monotonic()) > 0:
            try:
                msg = await get(timeout=left)
            except queue.Empty:
                return None
            if parent is None or msg["parent_header"].get("msg_id") == parent:
                return msg
        return None


class _KernelManager(AsyncKernelManager):
    """jupyter_client's kernel manager, checking more often whether a killed kernel is gone.

    Its own check sleeps 0.1 s between looks, and a kernel killed with SIGKILL
    is gone in a millisecond: the shorter wait saves a tenth of a second per run.
    """

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        await super()._async_wait(pollinterval=min(pollinterval, 0.01))


class _OneSpec(KernelSpecManager):
    """Hands the kernel manager this run's kernel spec, looking nothing up on disk."""

    def __init__(self, spec: KernelSpec, **kw: Any):
        super().__init__(**kw)
        self.spec = spec

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return self.spec


def kernel_env(home: str, python: str) -> dict[str, str]:
    """The kernel's whole environment: none of the grader's variables, nothing secret."""
    import kit

    return {
        "PATH": f"{Path(python).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        # The kernel imports the very kit the grader runs (the sandbox shows only that one).
        "PYTHONPATH": str(Path(kit.__file__).resolve().parent.parent),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "MPLBACKEND": "Agg",
        # One thread for numerical libraries: a kernel per core is the parallelism.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        GRADING_ENV: "1",  # kit.checks: check(...) only records while grading
    }


def _kernel_manager(folder: Path, settings: RunSettings, uid: int | None) -> tuple[_KernelManager, dict]:
    """The kernel manager of one run, and what to start its kernel with."""
    argv = [settings.python, "-m", "ipykernel_launcher", "-f", "{connection_file}", "--HistoryManager.enabled=False"]
    if settings.sandbox is None:
        env = kernel_env(str(folder / "home"), settings.python)
    else:
        env = kernel_env("/tmp", settings.python)
        argv = sandboxed_command(settings.sandbox, folder, argv, env, uid=uid, read_only=[folder / _TEXTS])
    # interrupt_mode "message": the grader interrupts a cell over the control
    # channel. A SIGINT would go to the process the grader started, which is
    # bwrap, and end the whole sandbox rather than one cell.
    spec = KernelSpec(argv=argv, display_name="kit grade", language="python", interrupt_mode="message")
    km = _KernelManager(kernel_name="kit-grade", kernel_spec_manager=_OneSpec(spec), transport="ipc",
                        ip=str(folder / "k"), connection_file=str(folder / "kernel.json"),
                        client_factory=_ReadyClient)
    return km, {"env": env, "cwd": str(folder), "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}


# --- running it ------------------------------------------------------------------------------


class _Run:
    """What happens during one run, filled in by the grading client as it goes."""

    def __init__(self, settings: RunSettings, label: str, secrets: list[str], stop: Any):
        self.settings = settings
        self.label = label
        self.secrets = secrets
        self.stop = stop
        self.deadline = float("inf")
        self.problems: list[str] = []
        self.kinds: list[str] = []
        self.hidden_errors: dict[str, str] = {}
        self.completed = False
        self.output_seen = 0
        self.output_cut = False
        self.started: int | None = None
        """The index of the last cell the kernel began to run."""
        self.grader_error = ""
        self.reset_failed = False
        """True when the kernel could not be reset for this run (see :func:`run_pairs`): it runs again in a new one."""

    def start_clock(self) -> None:
        self.deadline = time.monotonic() + self.settings.total_timeout

    def stopped(self) -> bool:
        return self.stop is not None and self.stop.is_set()

    def over(self) -> bool:
        return time.monotonic() >= self.deadline or self.stopped()

    def timeout_for(self, cell) -> float:
        return max(1.0, min(self.settings.cell_timeout, self.deadline - time.monotonic()))

    def note(self, kind: str, text: str) -> None:
        if kind not in self.kinds:
            self.kinds.append(kind)
        self.problems.append(cap(text, MESSAGE_LIMIT + 100))  # the cell's name, then a capped message

    @staticmethod
    def where(cell) -> str:
        meta = cell.metadata.get("kit_grade", {})
        role = meta.get("role")
        if role == "student":
            # Named by its question and its first line: JupyterLab shows no cell numbers.
            line = f"`{meta['line']}`" if meta.get("line") else ""
            if meta.get("question"):
                return f"the cell of {meta['question']}" + (f" ({line})" if line else "")
            where = f"after {meta['after']}" if meta.get("after") else "before the first question"
            return f"the cell {line} {where}" if line else f"a cell {where}"
        if role == "hidden":
            return f"the hidden test of {', '.join(meta.get('sets') or ['your code'])}"
        if role == "setup":
            return "the grader's first cell, which sets up saving your answers"
        if role == "reset":
            return "the grader's cell that clears the kernel for the next pair of texts"
        return "the cell where the grader sets the texts"

    def error(self, cell, ename: str, evalue: str) -> None:
        meta = cell.metadata.get("kit_grade", {})
        ename = redact(ename, self.secrets, 60)
        if meta.get("role") == "hidden":
            for name in meta.get("sets", []):
                self.hidden_errors[name] = ename
            self.note("error", f"{self.where(cell)} raised {ename} when it ran your code")
            return
        text = f"{self.where(cell)} raised {ename}: {redact(evalue, self.secrets)}".rstrip(": ")
        if ename == "MemoryError":
            text += f" (a run may use {self.settings.sandbox.limits.memory >> 20} MB of memory)" \
                if self.settings.sandbox else ""
        self.note("error", text)

    def timed_out(self, cell) -> None:
        if self.over():
            self.total_limit(cell)
        else:
            self.note("timeout", f"{self.where(cell)} ran longer than {self.settings.cell_timeout:g} s and was "
                                 "stopped; the cells after it still ran")

    def total_limit(self, cell) -> None:
        if self.stopped():
            self.note("failed", "grading was stopped by the teacher before this notebook finished")
        else:
            self.note("total", f"the notebook ran longer than the total limit of {self.settings.total_timeout:g} s; "
                               f"it was stopped at {self.where(cell)}")

    def stuck(self, cell) -> None:
        limit = (f"the total limit of {self.settings.total_timeout:g} s" if self.over()
                 else f"{self.settings.cell_timeout:g} s")
        self.note("stuck", f"{self.where(cell)} ran longer than {limit} and did not stop when interrupted, "
                           "so nothing after it ran")

    def exited(self, cell) -> None:
        self.note("crash", f"{self.where(cell)} ended the kernel (exit() or quit()); nothing after it ran")

    def crashed(self, cell) -> None:
        self.note("crash", f"the kernel died (it crashed, ran out of memory, or the code made Python exit) in "
                           f"{self.where(cell)}; nothing after it ran")


class _GradingClient(NotebookClient):
    """nbclient's client: runs every cell (errors allowed), stops on a dead or stuck kernel,
    keeps no outputs (only counts them), and notes what went wrong."""

    def __init__(self, nb, km, run: _Run, **kw: Any):
        super().__init__(nb, km=km, **kw)
        self.run = run
        self.reply: dict = {}
        self.on_cell_executed = self._remember_reply

    def _remember_reply(self, cell, cell_index, execute_reply, **_) -> None:
        self.reply = (execute_reply or {}).get("content") or {}

    async def run_cells(self) -> None:
        run = self.run
        run.start_clock()
        cells = self.nb.cells
        for index, cell in enumerate(cells):
            if cell.cell_type != "code":
                continue
            if run.over():
                run.total_limit(cell)
                return
            self.reply = {}
            role = cell.metadata.get("kit_grade", {}).get("role")
            grader_cell = role != "student"
            if role == "reset":
                try:
                    await self.async_execute_cell(cell, index, store_history=False)
                except Exception:  # the kernel died or hung: the run starts again in a new one
                    self.reply = {}
                if self.reply.get("status") != "ok":
                    run.reset_failed = True
                    return
                continue
            try:
                # The grader's cells stay out of the kernel's history (In, _ih),
                # so later cells cannot read the hidden tests back from it.
                await self.async_execute_cell(cell, index, store_history=not grader_cell)
            except CellTimeoutError:
                run.stuck(cell)
                return
            except DeadKernelError:
                # A kernel that exits after its cell's reply (exit(), a thread)
                # is noticed only at the next cell: blame the last one it began.
                began = run.started if run.started is not None else index
                run.crashed(cells[min(index, began)])
                return
            if any(isinstance(p, dict) and p.get("source") == "ask_exit" for p in self.reply.get("payload") or []):
                # exit() or quit(): the kernel asks its front end to shut it down, as JupyterLab would.
                run.exited(cell)
                return
            if self.reply.get("status") == "error":
                if self.reply.get("ename") == _TIMEOUT_ENAME:
                    run.timed_out(cell)
                    if run.over():
                        return
                else:
                    run.error(cell, str(self.reply.get("ename")), str(self.reply.get("evalue", "")))
        run.completed = True

    def process_message(self, msg, cell, cell_index):
        if msg.get("msg_type") == "execute_input":
            self.run.started = cell_index
        return super().process_message(msg, cell, cell_index)

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        run = self.run
        run.output_seen += len(str(content.get("text", ""))) + sum(len(str(v)) for v in content.get("data", {}).values())
        if run.output_seen > run.settings.output_cap and not run.output_cut:
            run.output_cut = True
        return None  # nothing is kept: the grader reads answers, not outputs


def _read_answers(path: Path) -> dict[str, Any]:
    """The answer file the saver wrote: never through a link, never more than 20 MB."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return {}
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            return {}
        data = f.read(_MAX_ANSWERS_BYTES + 1)
    if len(data) > _MAX_ANSWERS_BYTES:
        return {}
    try:
        saved = json.loads(data)
    except (ValueError, RecursionError):
        return {}
    return saved if isinstance(saved, dict) else {}


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def remove_folder(folder: Path) -> None:
    """Remove a run folder, whatever its kernel did to the permissions inside."""

    def retry(function, path, _exc) -> None:
        try:
            os.chmod(os.path.dirname(path), 0o700)
            if os.path.isdir(path) and not os.path.islink(path):
                os.chmod(path, 0o700)
            function(path)
        except OSError:
            pass

    shutil.rmtree(folder, onerror=retry)


def _chown_tree(folder: Path, uid: int) -> None:
    """Give the kernel's user its folder and what is in it, but for the texts, which stay the grader's."""
    for root, dirs, files in os.walk(folder):
        if root == str(folder):
            dirs[:] = [d for d in dirs if d != _TEXTS]
        for name in [*dirs, *files]:
            os.chown(os.path.join(root, name), uid, uid, follow_symlinks=False)
    os.chown(folder, uid, uid)


_RESET = """# Added by `kit grade`: the next pair of texts, in this kernel, after a clean slate.
import sys as _kit_sys
for _kit_f in list(get_ipython().events.callbacks["post_run_cell"]):
    if getattr(_kit_f, "__globals__", {{}}).get("KIT_GRADE_SAVER"):
        get_ipython().events.unregister("post_run_cell", _kit_f)
if "matplotlib.pyplot" in _kit_sys.modules:
    _kit_sys.modules["matplotlib.pyplot"].close("all")
_kit_sys.modules["os"].chdir({folder!r})
get_ipython().reset(new_session=False)"""


class _Job(NamedTuple):
    """One run: a pair of texts, its notebook with the grader's cells filled in, and how it goes."""

    texts: TextPair
    nb: Any
    run: _Run
    answers: Path
    visible: list[str]
    hidden: dict[str, list[str]]
    started: float


_TEXTS = "texts"
"""The run folder's folder of texts: the grader's, which the sandboxed kernel may read but not change."""


def _text_paths(folder: Path, n: int, texts: TextPair) -> tuple[Path, Path]:
    run = folder / _TEXTS / str(n + 1)
    return run / "a" / f"{texts.a.name}.txt", run / "b" / f"{texts.b.name}.txt"


def _put_texts(folder: Path, n: int, texts: TextPair) -> None:
    """The texts of run ``n``, in place of the run before's: the kernel sees one pair at a time. In the
    sandbox the kernel cannot write to this folder (nor plant a link in it for the grader to follow)."""
    for old in (folder / _TEXTS).iterdir():
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old)
        else:
            old.unlink()
    for path, text in zip(_text_paths(folder, n, texts), (texts.a, texts.b)):
        for part in (path.parent.parent, path.parent):
            part.mkdir(mode=0o755, exist_ok=True)
            part.chmod(0o755)  # readable by the kernel's user, whatever the grader's umask
        _write(path, text.text).chmod(0o644)


def _job(notebook: str, folder: Path, n: int, texts: TextPair, settings: RunSettings, stop: Any,
         after_another: bool) -> _Job:
    """Run ``n`` of a notebook; ``after_another``: in a kernel that has run another, so it starts with a reset."""
    nb = nbformat.reads(notebook, as_version=4)
    answers = folder / (ANSWERS_FILE if n == 0 else f"answers-{n + 1}.json")
    a, b = _text_paths(folder, n, texts)
    visible = list(nb.metadata.get("kit_grade", {}).get("visible", []))
    hidden = {c.metadata["kit_grade"]["mark"]: list(c.metadata["kit_grade"]["saves"])
              for c in nb.cells if c.metadata.get("kit_grade", {}).get("role") == "hidden"}
    secrets = [c.source.split("\n", 1)[-1] for c in nb.cells
               if c.metadata.get("kit_grade", {}).get("role") == "hidden"]
    for cell in nb.cells:
        role = cell.metadata.get("kit_grade", {}).get("role")
        if role == "setup":
            cell.source = _setup_source(answers, visible, hidden)
        elif role == "texts":
            cell.source = _texts_source(a, b)
    if after_another:
        reset = nbformat.v4.new_code_cell(_RESET.format(folder=str(folder)), id=f"kit-grade-reset-{n + 1}")
        reset.metadata["kit_grade"] = {"role": "reset"}
        nb.cells.insert(0, reset)
    return _Job(texts, nb, _Run(settings, texts.label, secrets, stop), answers, visible, hidden, time.monotonic())


def _lay_out(folder: Path, notebook: str) -> None:
    """A new run folder: the notebook, and the folder for the texts (:func:`_put_texts`)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir(mode=0o700)
    _write(folder / "notebook.ipynb", notebook)
    (folder / _TEXTS).mkdir()
    (folder / _TEXTS).chmod(0o755)  # readable by the kernel's user, whatever the grader's umask


def _summary(job: _Job) -> tuple[dict[str, Any], RunSummary]:
    """The answers a finished run saved, and how it went."""
    run = job.run
    if run.output_cut:
        run.problems.append(f"the output was cut after {run.settings.output_cap:,} characters")
    saved = _read_answers(job.answers)
    section = lambda key: saved.get(key) if isinstance(saved.get(key), dict) else {}  # noqa: E731
    saved_hidden = {n for names in job.hidden.values() for n in names}
    answers = {k: v for k, v in section("visible").items() if k in job.visible}
    answers.update({k: v for k, v in section("hidden").items() if k in saved_hidden})
    loaded = {k: [x for x in v if isinstance(x, str)] for k, v in section("loaded").items()
              if k in ("a", "b") and isinstance(v, list)}
    summary = RunSummary(job.texts.label, run.completed, tuple(run.problems), tuple(run.kinds),
                         dict(run.hidden_errors), {k: tuple(v) for k, v in loaded.items()},
                         round(time.monotonic() - job.started, 3), run.grader_error)
    return answers, summary


def _failed(job: _Job, client: NotebookClient, err: Exception) -> None:
    """Note why nbclient gave up on a run (or its kernel did not start)."""
    run = job.run
    if set(run.kinds) & {"crash", "stuck", "total"}:
        pass
    elif run.over() and not run.stopped() and run.started is not None:
        # Past the total limit, interrupting a busy kernel can fail in nbclient's
        # own way (a channel closing under it): the cause is still the limit.
        run.total_limit(client.nb.cells[run.started])
    else:
        run.note("failed", f"the grader could not run the notebook: {type(err).__name__}: {cap(str(err))}")
        run.grader_error = traceback.format_exc()  # the rest, for the teacher (records/), not the student


GoOn = Callable[[int, dict[str, Any], RunSummary], bool]
"""``go_on(n, answers, summary)``: after run ``n`` (from 0), with its answers and summary, whether to run the next pair."""


def _record(job: _Job, pairs: Sequence[TextPair], go_on: GoOn,
            results: list[tuple[dict[str, Any], RunSummary]]) -> bool:
    """Add a finished run to ``results``; whether the work is done (every pair run, or no more wanted)."""
    results.append(_summary(job))
    return len(results) == len(pairs) or job.run.stopped() or not go_on(len(results) - 1, *results[-1])


async def _session(notebook: str, pairs: Sequence[TextPair], settings: RunSettings, folder: Path,
                   stop: Any, go_on: GoOn, results: list[tuple[dict[str, Any], RunSummary]]) -> bool:
    """Run the pairs from ``len(results)`` on in one new kernel in ``folder``, adding each run to ``results``.

    True when the work is done (every pair run, or ``go_on`` said enough); False
    when the kernel can no longer be trusted to start the next run clean (it
    died, hung, ran out of time, or its reset failed), so the next pair needs a
    new kernel and folder.
    """
    n = len(results)
    uid = run_uid(settings.sandbox) if settings.sandbox is not None else None
    km, start = _kernel_manager(folder, settings, uid)
    km.write_connection_file()
    if uid is not None:
        _chown_tree(folder, uid)  # the kernel runs as uid: its folder, notebook and connection file
    _put_texts(folder, n, pairs[n])
    quiet = logging.getLogger("kit.grade.kernel")
    quiet.addHandler(logging.NullHandler())
    quiet.propagate = False
    job = _job(notebook, folder, n, pairs[n], settings, stop, after_another=False)
    client = _GradingClient(
        job.nb, km, job.run, log=quiet, startup_timeout=60, timeout=settings.cell_timeout,
        timeout_func=lambda cell: client.run.timeout_for(cell),
        interrupt_on_timeout=True, raise_on_iopub_timeout=True,
        error_on_timeout={"ename": _TIMEOUT_ENAME, "evalue": "", "traceback": []},
        allow_errors=True, record_timing=False, shutdown_kernel="immediate",
    )
    pending, done = True, False  # pending: the current run is not yet in results
    try:
        async with client.async_setup_kernel(cleanup_kc=True, **start):
            while True:
                try:
                    await client.run_cells()
                except Exception as err:
                    _failed(job, client, err)
                pending = False
                if job.run.reset_failed:
                    return False  # this pair again, in a new kernel
                done = _record(job, pairs, go_on, results)
                if done or not (job.run.completed and await km.is_alive()):
                    return done
                n = len(results)
                _put_texts(folder, n, pairs[n])
                job = _job(notebook, folder, n, pairs[n], settings, stop, after_another=True)
                client.nb, client.run, pending = job.nb, job.run, True
    except Exception as err:  # the kernel could not start, or nbclient gave up
        if pending:
            _failed(job, client, err)
            done = _record(job, pairs, go_on, results)
        return done
    finally:
        if km.has_kernel:  # nbclient shuts down what it started; this makes sure of it, whatever happened
            try:
                await km.shutdown_kernel(now=True)
            except Exception:  # already gone
                pass


def run_pairs(notebook: str, settings: RunSettings, pairs: Sequence[TextPair], workdir: str | Path, *,
              stop: Any = None, go_on: GoOn | None = None) -> list[tuple[dict[str, Any], RunSummary]]:
    """Run a notebook built by :func:`kit.grade.build_notebook` on each pair in turn; the answers and how each went.

    - ``notebook``: the notebook, as JSON text (``nbformat.writes``).
    - ``settings``: timeouts, output cap, the sandbox (or None).
    - ``pairs``: the pairs of texts; the kernel reads them from files in its folder.
    - ``workdir``: a folder that does not exist yet (its parent may not either); it is made, used, and removed.
    - ``stop``: optionally a ``threading.Event``; when it is set, the run ends at its next cell.
    - ``go_on(n, answers, summary)``: after run ``n``, whether to run the next pair (default: always).

    The runs share one kernel and its folder: starting a kernel, and
    importing the kit and NLTK in it, is a third of what a run costs, so the
    second pair starts with IPython's ``reset`` instead (no variable, figure or saver of the first run
    is left; the modules stay imported, and the working folder is set back).
    A run that leaves its kernel dead, stuck or past its time, or whose reset
    fails, is followed by a new kernel in a new folder. The kernel sees one
    pair at a time, in a folder of texts it can read but (in the sandbox)
    not change, which the grader fills before each run. What a shared kernel
    lets a notebook do, carry something from one run to the next, gains it
    nothing: the grader's expected answers never enter the kernel, and the
    next run is judged on its own answers.

    Each run's answers are ``{question id: plain value}``: visible questions
    as the notebook left them, hidden ones as their hidden test left them.
    """
    go_on = go_on or (lambda n, answers, summary: True)
    folder = Path(workdir)
    results: list[tuple[dict[str, Any], RunSummary]] = []
    try:
        _lay_out(folder, notebook)
        while not asyncio.run(_session(notebook, pairs, settings, folder, stop, go_on, results)):
            remove_folder(folder)  # the kernel is gone, and everything it left with it
            _lay_out(folder, notebook)
    finally:
        remove_folder(folder)
    return results


def run_notebook(notebook: str, settings: RunSettings, texts: TextPair, workdir: str | Path, *,
                 stop: Any = None) -> tuple[dict[str, Any], RunSummary]:
    """Run a notebook built by :func:`kit.grade.build_notebook` once, in a kernel of its own; its answers and
    how it went (see :func:`run_pairs`)."""
    return run_pairs(notebook, settings, [texts], workdir, stop=stop)[0]
