"""Helpers shared by the grading tests: building crafted submissions, and one batch per test session.

Running notebooks is slow, so each test file grades all its submissions in ONE
batch, shared by its tests even across pytest-xdist workers (a file lock; the
other workers read the pickled results).
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import nbformat

from conftest import ROOT

KF_SOLUTION = ROOT / "solutions" / "01_keyword_frequency.ipynb"
KF_EXERCISE = ROOT / "exercises" / "01_keyword_frequency.ipynb"


def read(path: Path):
    return nbformat.read(path, as_version=4)


def index(nb, cell_id: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.get("id") == cell_id)


def set_source(nb, cell_id: str, source: str) -> None:
    nb.cells[index(nb, cell_id)].source = source


def insert_after(nb, cell_id: str, source: str) -> None:
    nb.cells.insert(index(nb, cell_id) + 1, nbformat.v4.new_code_cell(source))


def append(nb, source: str) -> None:
    nb.cells.append(nbformat.v4.new_code_cell(source))


def write(nb, path: Path) -> Path:
    # json, not nbformat.write: nbformat would "repair" the duplicate ids some tests want to keep
    path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    return path


def copy(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes())
    return dst


def solution_code(nb, cell_id: str) -> str:
    """The code between the solution markers of one cell."""
    lines, inside = [], False
    for line in nb.cells[index(nb, cell_id)].source.split("\n"):
        if line.strip() == "### BEGIN SOLUTION":
            inside = True
        elif line.strip() == "### END SOLUTION":
            inside = False
        elif inside:
            lines.append(line)
    return "\n".join(lines)


def processes_with(marker: str) -> list[int]:
    """The processes whose command line holds ``marker``."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if marker.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(int(pid))
        except OSError:
            pass
    return found


@contextmanager
def _locked(path: Path):
    try:
        import fcntl
    except ImportError:  # not POSIX: no sharing, each worker grades for itself
        yield
        return
    with open(path, "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def shared(tmp_path_factory, worker_id: str, name: str, produce: Callable[[Path], Any]) -> Any:
    """``produce(folder)`` once per test session, even with pytest-xdist."""
    if worker_id == "master":
        return produce(tmp_path_factory.mktemp(name))
    root = tmp_path_factory.getbasetemp().parent  # shared by this session's workers
    result = root / f"{name}.pickle"
    with _locked(root / f"{name}.lock"):
        if not result.exists():
            folder = root / name
            folder.mkdir()
            result.write_bytes(pickle.dumps(produce(folder)))
    return pickle.loads(result.read_bytes())
