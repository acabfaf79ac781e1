"""The sandbox a notebook's kernel runs in while ``kit grade`` grades it: bubblewrap.

Why bubblewrap
--------------
``bwrap`` is the sandbox under Flatpak: one small, well-kept program (Debian's
``bubblewrap`` package), no daemon and no Docker. It builds a fresh, empty view
of the file system out of the folders it is told to show, and starts the
program in new namespaces. An ordinary user can run it (through user
namespaces), so a teacher needs no root; as root it works too, and then the
kernel is made to run as an unprivileged user of its own.

What the kernel sees and may do
-------------------------------
- Read-only: the system (``/usr``), the Python installation and the virtual
  environment that run the kernel, the ``kit`` package and the seed articles.
  Anything listed in ``Sandbox.hidden`` (under those folders) is covered by an
  empty folder; the mount that covers it cannot be removed from inside.
- Read and write: its own run folder only (the notebook's copy, the answers
  file, the kernel's sockets), and a small ``/tmp``; in it, read-only, the
  folder where the grader puts the texts of each run in turn (the kernel
  can neither change them nor put a link there for the grader to follow).
  No home folder, no other run, no grader output, no solutions.
- Its own process namespace (it sees only its own processes), no network, a
  minimal environment (none of the grader's variables), and limits
  (:class:`Limits`) on memory, processes and file size.
- When the kernel exits or is killed, every process it started goes too,
  detached ones included (the namespace's first process is gone, so the kernel
  of the operating system ends the rest), and so does everything if the grader
  itself dies (``--die-with-parent``).

The kernel talks to the grader over Unix sockets in its run folder (Jupyter's
``ipc`` transport), since it has no network.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "Limits",
    "Sandbox",
    "SandboxUnavailable",
    "check_sandbox",
    "find_sandbox",
    "run_uid",
    "sandboxed_command",
]


class Limits(NamedTuple):
    """What one sandboxed kernel may use. Each is a per-process limit (``setrlimit``)."""

    memory: int = 2 << 30
    """Bytes of address space (``RLIMIT_AS``), the kernel's own included (about
    0.6 GB of it). An allocation past it raises MemoryError."""
    processes: int = 128
    """Processes and threads the kernel's user may have (``RLIMIT_NPROC``); the
    kernel itself uses about 15."""
    file_size: int = 64 << 20
    """Bytes one written file may hold (``RLIMIT_FSIZE``)."""
    tmp_size: int = 256 << 20
    """Bytes its ``/tmp`` may hold (in memory, so not counted in ``memory``; bubblewrap 0.8 or later)."""


class Sandbox(NamedTuple):
    """How to start a kernel in bubblewrap on this machine (see :func:`find_sandbox`)."""

    bwrap: str
    """The ``bwrap`` program."""
    read_only: tuple[str, ...]
    """Folders and files the kernel sees, read-only, at the same paths."""
    hidden: tuple[str, ...]
    """Folders inside those that the kernel must not see: covered by an empty folder."""
    limits: Limits
    privileged: bool
    """True when the grader runs as root: bwrap then needs no user namespace, and
    the kernel runs as a user id of its own (:func:`run_uid`), so that the process
    limit counts only that kernel's processes (root is exempt from it)."""
    version: str
    """``bwrap --version``, for grade-state.json."""


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot start on this machine; the message says why and what to do."""


_FIX = ("Install bubblewrap (Debian and Ubuntu: sudo apt-get install bubblewrap; Fedora: sudo dnf install "
        "bubblewrap), or pass --no-sandbox to run without it: the notebooks' code then runs as you, with your "
        "files and your network in reach, so do that only for code you trust.")

# The top-level folders a Linux system keeps its programs and libraries in;
# where one is a symbolic link (/bin -> usr/bin on a merged-/usr system), the
# sandbox gets the same link.
_SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
# The few files of /etc that programs need to start (the dynamic linker's cache)
# or to tell the time; nothing that names users, hosts or secrets.
_ETC = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime", "/etc/alternatives")


def _kit_folders() -> list[str]:
    """The ``kit`` package, and the seed articles when they live beside it (an editable install)."""
    import kit
    from kit.texts import seed_dir

    package = Path(kit.__file__).resolve().parent
    folders = [str(package)]
    try:
        seeds = seed_dir().resolve()
    except FileNotFoundError:
        return folders
    if package not in seeds.parents:
        folders.append(str(seeds))
    return folders


def _python_folders(python: str) -> list[str]:
    """The Python installation and virtual environment the kernel runs in."""
    folders = [sys.base_prefix, sys.prefix, str(Path(python).resolve().parent.parent)]
    return [str(Path(f).resolve()) for f in folders]


def _debugger() -> list[str]:
    """The debugpy package, which the sandbox hides: ipykernel imports it at start-up (about 50 ms of
    a core per kernel) only to offer a debugger, and no one debugs while grading."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("debugpy")
    except (ImportError, ValueError):
        return []
    return [str(Path(spec.origin).parent)] if spec and spec.origin else []


def _minimal(folders: Iterable[str]) -> tuple[str, ...]:
    """The folders, without those inside another one of them, shallowest first (in a stable order)."""
    paths = sorted({Path(f) for f in folders}, key=lambda p: (len(p.parts), str(p)))
    kept: list[Path] = []
    for p in paths:
        if not any(k == p or k in p.parents for k in kept):
            kept.append(p)
    return tuple(str(p) for p in kept)


def find_sandbox(*, hide: Iterable[str | Path] = (), limits: Limits = Limits(),
                 python: str = sys.executable) -> Sandbox:
    """The sandbox for kernels run by ``python``, hiding ``hide``; raises :class:`SandboxUnavailable`.

    Only finds and describes it; :func:`check_sandbox` proves that it starts.
    """
    if not sys.platform.startswith("linux"):
        raise SandboxUnavailable(f"The grader's sandbox (bubblewrap) needs Linux, and this is {sys.platform}. "
                                 "Run on Linux (a virtual machine or a CI runner will do), or pass --no-sandbox to "
                                 "run without it: the notebooks' code then runs as you, so do that only for code "
                                 "you trust.")
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable(f"The grader's sandbox needs the program bwrap, which is not installed here. {_FIX}")
    shown = [p for p in _SYSTEM if os.path.lexists(p)] + [p for p in _ETC if os.path.exists(p)]
    shown += _python_folders(python) + _kit_folders()
    read_only = _minimal(str(Path(p).resolve()) if not Path(p).is_symlink() else p for p in shown)
    hidden = tuple(str(Path(h).resolve()) for h in [*hide, *_debugger()] if Path(h).is_dir()
                   and any(Path(r) in Path(h).resolve().parents for r in read_only))
    try:
        version = subprocess.run([bwrap, "--version"], capture_output=True, text=True, timeout=10,
                                 check=False).stdout.strip() or "bwrap"
    except (OSError, subprocess.SubprocessError) as err:
        raise SandboxUnavailable(f"bwrap ({bwrap}) does not run: {err}. {_FIX}") from None
    return Sandbox(bwrap, read_only, hidden, limits, os.geteuid() == 0, version)


def _at_least(version: str, wanted: tuple[int, ...]) -> bool:
    """Whether ``bwrap --version`` (``bubblewrap 0.8.0``) is ``wanted`` or newer."""
    numbers = re.findall(r"\d+", version)
    return tuple(int(n) for n in numbers[:3]) >= wanted if numbers else False


def run_uid(sandbox: Sandbox) -> int | None:
    """A fresh user id for one sandboxed kernel when the grader is root, else None.

    Ids are drawn from 0x70000000 up, above the ranges that systems and
    container tools hand out, so the process limit counts this kernel only.
    """
    return 0x7000_0000 + secrets.randbelow(1 << 24) if sandbox.privileged else None


def sandboxed_command(sandbox: Sandbox, folder: Path, argv: Sequence[str], env: Mapping[str, str],
                      *, uid: int | None = None, read_only: Sequence[Path] = ()) -> list[str]:
    """The command line that runs ``argv`` in the sandbox, in ``folder`` (read-write), with ``env`` only.

    ``folder`` must not be inside a read-only folder of the sandbox. With a
    privileged sandbox, ``uid`` (:func:`run_uid`) is the user the program runs as.
    ``read_only``: folders inside ``folder`` that the program may read but not
    change (the grader puts each run's texts there while the kernel lives).
    """
    lim = sandbox.limits
    recent = _at_least(sandbox.version, (0, 8))
    cmd = [sandbox.bwrap, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
           "--unshare-cgroup-try", "--die-with-parent", "--clearenv"]
    if sandbox.privileged:
        # As root, bwrap needs no user namespace; it keeps only the two
        # capabilities that setpriv (below) needs to switch to ``uid``, and
        # setpriv drops them again.
        cmd += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        # An ordinary user needs a user namespace; the kernel may not make more
        # (bubblewrap 0.8 and later; older ones leave the mounts locked all the same).
        cmd += ["--unshare-user", *(["--disable-userns"] if recent else [])]
    for name, value in env.items():
        cmd += ["--setenv", name, value]
    # A small /tmp of its own first, since a later mount under /tmp (the kit, the
    # run folder) would be hidden by one made after it. Its size needs bubblewrap 0.8.
    cmd += [*(["--size", str(lim.tmp_size)] if recent else []), "--tmpfs", "/tmp"]
    for path in sandbox.read_only:
        # bwrap makes missing parent folders private (0700); the kernel runs as another user, so open them.
        cmd += ["--perms", "0755", "--dir", str(Path(path).parent)]
        cmd += ["--symlink", os.readlink(path), path] if Path(path).is_symlink() else ["--ro-bind", path, path]
    for path in sandbox.hidden:
        cmd += ["--tmpfs", path]
    cmd += ["--proc", "/proc", "--dev", "/dev", "--perms", "0755", "--dir", str(folder.parent),
            "--bind", str(folder), str(folder)]
    for path in read_only:
        cmd += ["--ro-bind", str(path), str(path)]
    cmd += ["--chdir", str(folder), "--"]
    if sandbox.privileged:
        if uid is None:
            raise ValueError("A privileged sandbox needs the uid the kernel runs as: pass uid=run_uid(sandbox).")
        cmd += ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs", "--"]
    cmd += ["prlimit", f"--as={lim.memory}", f"--nproc={lim.processes}", f"--fsize={lim.file_size}",
            "--core=0", "--"]
    return cmd + list(argv)


def check_sandbox(sandbox: Sandbox, python: str = sys.executable) -> None:
    """Start ``python`` in the sandbox once and import kit; raise :class:`SandboxUnavailable` if it fails."""
    from kit.grade.folders import batch_folder  # locked, so that no other batch removes it as stale

    with batch_folder() as folder:
        uid = run_uid(sandbox)
        if uid is not None:
            os.chown(folder, uid, uid)
        argv = [python, "-c", "import kit, os; print(os.getpid())"]
        cmd = sandboxed_command(sandbox, folder, argv, {"PATH": "/usr/bin:/bin"}, uid=uid)
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False, cwd=folder)
        except (OSError, subprocess.SubprocessError) as err:
            raise SandboxUnavailable(f"The sandbox could not start: {err}. {_FIX}") from None
    if done.returncode != 0 or done.stdout.strip() != "2":  # the kernel's Python is process 2 of its namespace
        why = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        hint = ""
        if "namespace" in why or "Operation not permitted" in why or "setting up uid map" in why:
            hint = (" This machine does not let ordinary users create user namespaces: an administrator can "
                    "allow it (sysctl kernel.unprivileged_userns_clone=1, or on Ubuntu 24.04 an AppArmor "
                    "profile for bwrap), or run the grader as root.")
        raise SandboxUnavailable(f"The sandbox could not start: bwrap says: {why}.{hint} {_FIX}")
