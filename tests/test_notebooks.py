"""Every notebook runs from top to bottom under papermill, on two pairs of texts.

Notebooks are found by glob, so a new one is tested without anyone listing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import HOLDOUT, ROOT

NOTEBOOK_DIRS = ("notebooks", "solutions", "exercises")
NOTEBOOKS = sorted(p for d in NOTEBOOK_DIRS for p in (ROOT / d).glob("*.ipynb"))
CELL_TIMEOUT = 120  # seconds; papermill waits forever by default

TEXT_PAIRS = {
    "seeds": {},  # the notebooks' own defaults
    "holdout": {
        "article_a": str(HOLDOUT / "a_riverside_water.txt"),
        "article_b": str(HOLDOUT / "b_riverside_water.txt"),
        # a teacher's own folder for the corpus notebook (the seeds run reads War and Peace)
        "corpus_folder": str(HOLDOUT),
    },
}


def test_there_are_notebooks_in_every_folder():
    for folder in NOTEBOOK_DIRS:
        assert list((ROOT / folder).glob("*.ipynb")), f"no notebooks in {folder}/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_committed_without_outputs(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [
        i for i, cell in enumerate(nb["cells"])
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]
    assert not dirty, f"{path.name}: cells {dirty} hold outputs; clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_has_parameters_cell_naming_its_texts(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: needs exactly one cell tagged 'parameters'"
    source = "".join(tagged[0]["source"])
    assert "article_a" in source and "article_b" in source


@pytest.mark.parametrize("pair", sorted(TEXT_PAIRS))
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_runs_under_papermill(path: Path, pair: str, tmp_path: Path):
    import papermill

    out = tmp_path / path.name
    papermill.execute_notebook(
        str(path),
        str(out),
        parameters=TEXT_PAIRS[pair],
        kernel_name="python3",
        cwd=str(tmp_path),  # notebooks must not depend on the working directory
        execution_timeout=CELL_TIMEOUT,
        progress_bar=False,
        # papermill writes the whole notebook at the start and end of every cell
        # by default (about a second and a half per lesson here); once at the end
        # is enough to check it
        request_save_on_cell_execute=False,
        # and the kernel stops at once when the notebook is done: a graceful
        # shutdown now and then waits 3.4 s for an ipykernel that does not exit
        shutdown_kernel="immediate",
    )
    executed = json.loads(out.read_text(encoding="utf-8"))
    errors = [o for c in executed["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
