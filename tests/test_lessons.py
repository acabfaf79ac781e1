"""The lessons in notebooks/ as a student reads them in JupyterLab: links that open, and texts by their labels."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT

LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def markdown(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_notebook_a_lesson_names_is_a_link_that_opens(path):
    """A notebook named as `code text` cannot be clicked; a Markdown link opens it in JupyterLab."""
    text = "\n".join(markdown(path))
    assert not re.findall(r"`[^`\n]*\.ipynb`", text), f"{path.name} names a notebook as code, not as a link"
    for target in [target for _, target in LINK.findall(text) if target.endswith(".ipynb")]:
        assert (path.parent / target).resolve().is_file(), f"{path.name}: {target} does not exist"


def test_where_next_links_every_exercise():
    where_next = {p.name: cell for p in LESSONS for cell in markdown(p) if cell.startswith("## Where next")}
    assert {"00_start_here.ipynb", "10_explorer.ipynb"} <= set(where_next)
    exercises = {p.name for p in (ROOT / "exercises").glob("*.ipynb")}
    for name, cell in where_next.items():
        linked = {Path(target).name for _, target in LINK.findall(cell) if "exercises/" in target}
        assert linked == exercises, name


def code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


DRAWING = [p for p in LESSONS if "kit.plots" in code(p) or "kit.widgets" in code(p)]


@pytest.mark.parametrize("path", DRAWING, ids=lambda p: p.name)
def test_a_lesson_that_draws_loads_its_two_texts_as_a_and_b(path):
    """kit.load_articles(article_a, article_b) labels them, so plots and menus say A and B."""
    assert "kit.load_articles(article_a, article_b)" in code(path)
    assert "load_article(article_a)" not in code(path)
