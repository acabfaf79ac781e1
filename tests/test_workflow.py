"""The GitHub Actions workflow and the Binder configuration, tested as far as a laptop can.

GitHub itself cannot be run here, so these tests check the workflow file's
structure (valid YAML, triggered on push, artifacts uploaded) and then run its
shell steps for real, with bash, in a temporary copy of a small repository:
the same commands, the same environment variables, the venv's Python first
on PATH as setup-python puts its own.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import HOLDOUT, ROOT
from test_notebooks import NOTEBOOK_DIRS

WORKFLOW = ROOT / ".github" / "workflows" / "notebooks.yml"
BINDER = ROOT / "binder"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def job(workflow) -> dict:
    (job,) = workflow["jobs"].values()
    return job


def step(job: dict, name_starts: str) -> dict:
    found = [s for s in job["steps"] if s.get("name", "").startswith(name_starts)]
    assert len(found) == 1, f"expected one step named {name_starts!r}..."
    return found[0]


def run_step(job: dict, name_starts: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a step's ``run:`` script as GitHub does (bash -eo pipefail), in ``cwd``."""
    script = step(job, name_starts)["run"]
    assert "${{" not in script, "run: scripts must not use ${{ }} expressions (they cannot run locally)"
    env = dict(os.environ, **{k: str(v) for k, v in job.get("env", {}).items()})
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"  # `python` is ours
    env.pop("MPLBACKEND", None)
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
    )


# --- the workflow file ------------------------------------------------------------


def test_workflow_is_valid_yaml_triggered_on_push(workflow):
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    triggers = workflow.get("on", workflow.get(True))
    assert triggers is not None, "the workflow has no `on:` triggers"
    assert "push" in (triggers if isinstance(triggers, (dict, list)) else [triggers])
    assert workflow["name"]


def test_workflow_installs_the_kit_and_uploads_artifacts(job):
    uses = [s.get("uses", "") for s in job["steps"]]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert "pip install -e ." in step(job, "Install the kit")["run"]
    uploads = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    paths = {s["with"]["path"].rstrip("/") for s in uploads}
    assert paths == {job["env"]["EXECUTED"], job["env"]["GRADES"]}
    assert all("cancelled()" in s.get("if", "") for s in uploads), "upload even when a notebook failed"
    assert job.get("timeout-minutes"), "a hung notebook must not hold a runner for 6 hours"


def test_workflow_covers_every_notebook_folder_and_both_text_pairs(job):
    script = step(job, "Run every notebook")["run"]
    for folder in NOTEBOOK_DIRS:
        assert f"{folder}/*.ipynb" in script, f"the workflow does not run {folder}/"
    for var in ("HOLDOUT_A", "HOLDOUT_B"):
        path = ROOT / job["env"][var]
        assert path.is_file() and path.parent == HOLDOUT, f"{var} is not a holdout text"
    assert "--execution-timeout" in script


# --- running its steps ------------------------------------------------------------

BROKEN = {
    "cells": [
        {"cell_type": "code", "execution_count": None, "id": "p", "metadata": {"tags": ["parameters"]},
         "outputs": [], "source": 'article_a = "x"\narticle_b = "y"'},
        {"cell_type": "code", "execution_count": None, "id": "e", "metadata": {}, "outputs": [],
         "source": "raise RuntimeError('this notebook is broken on purpose')"},
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def errors_in(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [o["ename"] for c in nb["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]


def test_the_notebook_step_runs_locally(job, tmp_path):
    """The step's own script, on one lesson and one broken notebook, both text pairs."""
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", repo / "notebooks")
    (repo / "notebooks" / "99_broken.ipynb").write_text(json.dumps(BROKEN), encoding="utf-8")
    shutil.copytree(HOLDOUT, repo / "kit" / "data" / "practice")

    result = run_step(job, "Run every notebook", repo)
    log = result.stdout + result.stderr
    assert result.returncode == 1, f"a broken notebook must fail the step:\n{log}"
    assert "failed: notebooks/99_broken.ipynb (seeds)" in log
    assert "failed: notebooks/99_broken.ipynb (holdout)" in log
    assert "00_start_here.ipynb (" not in log.split("failed:", 1)[1]

    executed = repo / job["env"]["EXECUTED"]
    for pair in ("seeds", "holdout"):
        good = executed / pair / "notebooks" / "00_start_here.ipynb"
        bad = executed / pair / "notebooks" / "99_broken.ipynb"
        assert good.is_file() and not errors_in(good), f"{good} is missing or has errors"
        assert bad.is_file() and errors_in(bad) == ["RuntimeError"], "the failure is kept for the artifact"
    holdout_run = (executed / "holdout" / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8")
    assert "a_riverside_water" in holdout_run  # the parameters reached the notebook
    seeds_run = (executed / "seeds" / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8")
    assert "000_f574fb3969ac495b" in seeds_run


def test_the_grade_step_runs_locally(job, tmp_path):
    """With no submissions/ folder, the step grades the solution itself, which must score full marks."""
    repo = tmp_path / "repo"
    (repo / "solutions").mkdir(parents=True)
    solution = ROOT / "solutions" / "01_keyword_frequency.ipynb"  # one is enough, and quicker
    shutil.copy(solution, repo / "solutions")
    result = run_step(job, "Grade the submissions", repo)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    grades = repo / job["env"]["GRADES"] / solution.stem / "grades.csv"
    assert grades.is_file(), f"kit grade wrote no grades.csv:\n{log}"
    (row,) = csv.DictReader(grades.open(encoding="utf-8"))
    assert row["student"] == solution.stem
    from grading import questions_of

    written = sum(q.points for q in questions_of(solution) if q.manual)  # the teacher grades written answers later
    assert float(row["total"]) + written == float(row["max"]) > 0, row


# --- Binder -----------------------------------------------------------------------


def test_binder_installs_the_kit():
    post_build = BINDER / "postBuild"
    assert post_build.is_file() and os.access(post_build, os.X_OK), "binder/postBuild must be executable"
    text = post_build.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/bash") and "pip install" in text and "-e ." in text
    assert (BINDER / "requirements.txt").is_file() or (BINDER / "environment.yml").is_file()
    assert "mybinder.org/v2/gh/" in (BINDER / "requirements.txt").read_text(encoding="utf-8")
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime.startswith("python-3.") and int(runtime.split(".")[1]) >= 10  # the kit needs 3.10+


def test_binder_launch_url_opens_a_notebook_that_exists():
    text = (BINDER / "requirements.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if "urlpath=lab/tree/" in line:
            path = line.split("urlpath=lab/tree/", 1)[1].split()[0].rstrip(".;,)")
            if not path.endswith(".ipynb"):
                continue  # the form, "lab/tree/PATH", not an example
            assert (ROOT / path).is_file(), f"the launch URL opens {path}, which does not exist"
