"""`make lab` and `make test`: what each installs, and the JupyterLab that `make lab` starts.

The recipes are read with ``make -n`` (print, do not run) against a virtual
environment that does not exist, so the tests see everything a fresh machine
would run. One test then starts the very command ``make lab`` runs, with a port
and a token of its own, and asks the server what a student's browser would.
"""

from __future__ import annotations

import json
import secrets
import shlex
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from test_browser import Lab, _free_port, _stop  # the browser test's own server helpers

START = "notebooks/00_start_here.ipynb"


def dry_run(target: str, venv: Path, *args: str) -> list[str]:
    """The commands ``make TARGET`` would run, one per entry, continuation lines joined."""
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "-C", str(ROOT), target, f"VENV={venv}", *args],
        capture_output=True, text=True, check=True,
    )
    return done.stdout.replace("\\\n", " ").splitlines()


@pytest.fixture(autouse=True)
def _make():
    if shutil.which("make") is None:  # make is all a fresh machine needs, besides Python
        pytest.fail("make is not installed")


def test_make_lab_installs_the_runtime_dependencies_only(tmp_path):
    commands = dry_run("lab", tmp_path / ".venv")
    installs = [c for c in commands if "pip install" in c and "--upgrade pip" not in c]
    assert installs and all("-e ." in c and "[test]" not in c for c in installs)
    assert any(c.startswith("python3 -m venv") or " -m venv " in c for c in commands)


def test_make_test_installs_the_test_extras(tmp_path):
    commands = dry_run("test", tmp_path / ".venv")
    assert any('pip install --quiet -e ".[test]"' in c for c in commands)
    assert commands[-1].endswith("-m pytest -n auto")


def test_make_lab_serves_the_repository_and_opens_on_the_first_lesson(tmp_path):
    (lab,) = [c for c in dry_run("lab", tmp_path / ".venv") if " lab " in c and "jupyter" in c]
    args = shlex.split(lab)
    assert f"--ServerApp.root_dir={ROOT}" in args
    assert f"--LabApp.default_url=/lab/tree/{START}" in args
    assert (ROOT / START).is_file()


def test_the_jupyterlab_of_make_lab_shows_the_exercises(tmp_path):
    """The command make lab runs, started for real: / opens the first lesson, and
    the file browser can reach exercises/ (it was a 404 when Jupyter's root was notebooks/)."""
    port, token = _free_port(), secrets.token_hex(16)
    extra = f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 --ServerApp.token={token}"
    (lab,) = [c for c in dry_run("lab", ROOT / ".venv", f"LAB_ARGS={extra}") if " lab " in c and "jupyter" in c]
    home = tmp_path / "home"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        (home / var).mkdir(parents=True)
        env[var] = str(home / var)  # nothing read from, or written to, the user's own setup
    server = Lab(f"http://127.0.0.1:{port}", token, ROOT, tmp_path / "lab.log")
    with open(server.log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(shlex.split(lab), stdout=out, stderr=subprocess.STDOUT, env=env,
                                cwd=tmp_path, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                server.api("/api/status", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{server.log_tail()}")
                time.sleep(0.25)

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        with pytest.raises(urllib.error.HTTPError) as moved:
            urllib.request.build_opener(NoRedirect).open(f"{server.url}/?token={token}", timeout=5)
        assert moved.value.code == 302
        assert moved.value.headers["Location"].split("?")[0].endswith(f"/lab/tree/{START}")
        names = {item["name"] for item in json.loads(server.api("/api/contents/exercises"))["content"]}
        assert "01_keyword_frequency.ipynb" in names
        top = {item["name"] for item in json.loads(server.api("/api/contents"))["content"]}
        assert {"notebooks", "exercises", "solutions"} <= top
    finally:
        _stop(proc, server)
