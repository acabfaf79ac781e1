"""`make lab` and `make test`: what each installs, and the JupyterLab that `make lab` starts.

The recipes are read with ``make -n`` (print, do not run) against a virtual
environment that does not exist, so the tests see everything a fresh machine
would run. One test then starts the very command ``make lab`` runs, with a port
and a token of its own, and asks the server what a student's browser would.
"""

from __future__ import annotations

import json
import shlex
import shutil
import urllib.error
import urllib.request

import pytest

from conftest import ROOT
from labserver import dry_run, make_lab

START = "notebooks/00_start_here.ipynb"


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

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with make_lab(tmp_path) as server:
        with pytest.raises(urllib.error.HTTPError) as moved:
            urllib.request.build_opener(NoRedirect).open(f"{server.url}/?token={server.token}", timeout=5)
        assert moved.value.code == 302
        assert moved.value.headers["Location"].split("?")[0].endswith(f"/lab/tree/{START}")
        names = {item["name"] for item in json.loads(server.api("/api/contents/exercises"))["content"]}
        assert "01_keyword_frequency.ipynb" in names
        top = {item["name"] for item in json.loads(server.api("/api/contents"))["content"]}
        assert {"notebooks", "exercises", "solutions"} <= top
