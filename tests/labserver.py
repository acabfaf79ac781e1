"""The JupyterLab that `make lab` starts, started by a test: on a free port, with a token of its own.

``make -n lab`` prints the command the Makefile would run (and, on a machine
without the environment, the installs before it); the tests start that very
command, with ``LAB_ARGS`` for the port and token, in a home folder of their
own, and always shut it down (the browser test's ``_stop``).
"""

from __future__ import annotations

import json
import secrets
import shlex
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from conftest import ROOT
from test_browser import Lab, _free_port, _stop  # the browser test's own server helpers

__all__ = ["dry_run", "make_lab"]


def dry_run(target: str, venv: Path, *args: str) -> list[str]:
    """The commands ``make TARGET`` would run, one per entry, continuation lines joined."""
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "-C", str(ROOT), target, f"VENV={venv}", *args],
        capture_output=True, text=True, check=True,
    )
    return done.stdout.replace("\\\n", " ").splitlines()


@contextmanager
def make_lab(
    home: Path, *, root: Path = ROOT, args: str = "", settings: dict[str, dict] | None = None
) -> Iterator[Lab]:
    """Run make lab's JupyterLab until the block ends; ``args`` are more Jupyter options.

    ``root`` replaces the repository as Jupyter's root folder, for a test that
    must not write next to the lessons.

    ``settings`` are JupyterLab settings (file name -> values), written to a
    settings folder that the server and its kernels both read
    (``JUPYTERLAB_SETTINGS_DIR``).
    """
    port, token = _free_port(), secrets.token_hex(16)
    extra = (f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
             f"--ServerApp.token={token} --LabApp.workspaces_dir={home / 'workspaces'} {args}")
    (command,) = [c for c in dry_run("lab", ROOT / ".venv", f"LAB_ARGS={extra}")
                  if " lab " in c and "jupyter" in c]
    argv = [f"--ServerApp.root_dir={root}" if a == f"--ServerApp.root_dir={ROOT}" else a
            for a in shlex.split(command)]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "JUPYTERLAB_SETTINGS_DIR": str(home / "settings")}
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        (home / var).mkdir(parents=True)
        env[var] = str(home / var)  # nothing read from, or written to, the user's own setup
    for name, values in (settings or {}).items():
        path = home / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    server = Lab(f"http://127.0.0.1:{port}", token, root, home / "lab.log")
    with open(server.log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env,
                                cwd=home, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                server.api("/api/status", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not start:\n{server.log_tail()}") from None
                time.sleep(0.25)
        yield server
    finally:
        _stop(proc, server)
