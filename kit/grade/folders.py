"""The batch's work folder, where every submission's kernel gets a folder of its own, and the clean-up after killed batches.

A batch works in ``<tmp>/kit-grade-XXXXXXXX/``, next to which it keeps
``kit-grade-XXXXXXXX.lock`` locked (``flock``) for as long as it runs. The lock
file is made before the folder and removed after it, so a folder whose lock
can be taken, or that has no lock at all, belongs to a batch that is gone
(killed, or the machine lost power): :func:`remove_stale` removes it at the
next start. A lock is released by the operating system when its process dies,
however it dies.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kit.grade.run import remove_folder

__all__ = ["PREFIX", "batch_folder", "remove_stale"]

PREFIX = "kit-grade-"


def _try_lock(path: Path) -> int | None:
    """An open, exclusively locked descriptor of ``path``, or None if another process holds it."""
    import fcntl

    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def remove_stale(root: Path | None = None) -> list[Path]:
    """Remove the work folders (and locks) of batches that are no longer running; return them."""
    root = Path(root or tempfile.gettempdir())
    removed = []
    for folder in sorted(root.glob(PREFIX + "*")):
        if folder.suffix == ".lock" or not folder.is_dir() or folder.is_symlink():
            continue
        lock = folder.with_name(folder.name + ".lock")
        fd = _try_lock(lock) if lock.exists() else -1
        if fd is None:
            continue  # a running batch holds it
        try:
            remove_folder(folder)
            removed.append(folder)
            lock.unlink(missing_ok=True)
        finally:
            if fd >= 0:
                os.close(fd)
    for lock in root.glob(PREFIX + "*.lock"):
        fd = _try_lock(lock)
        if fd is not None and not lock.with_suffix("").exists():
            lock.unlink(missing_ok=True)
        if fd is not None:
            os.close(fd)
    return removed


@contextmanager
def batch_folder(root: Path | None = None) -> Iterator[Path]:
    """A fresh work folder for one batch, locked while in use, removed after."""
    root = Path(root or tempfile.gettempdir())
    remove_stale(root)
    while True:
        name = PREFIX + os.urandom(4).hex()
        fd = _try_lock(root / f"{name}.lock")
        if fd is not None and not (root / name).exists():
            break
        if fd is not None:
            os.close(fd)
    folder = root / name
    try:
        folder.mkdir(mode=0o700)
        yield folder
    finally:
        remove_folder(folder)
        (root / f"{name}.lock").unlink(missing_ok=True)
        os.close(fd)
