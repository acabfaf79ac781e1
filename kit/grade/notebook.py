"""The notebook the grader runs: a submission's cells, read defensively, with the grader's cells added.

The student's file is only read. The notebook built here holds, in order:

- a **setup** cell, first: it registers the answer saver (see :mod:`kit.grade.run`);
- the student's cells, with a **texts** cell right after the cell that sets
  ``article_a`` and ``article_b`` (tagged ``parameters`` or not), so every run
  reads the texts the grader gives it;
- each **hidden** test after the student's cell with the same id as its
  solution cell (after the last one, if the student duplicated it), or at the
  end if the student deleted that cell.

The setup and texts cells are left empty here: the runner fills them in, since
only it knows the run's folder. So one built notebook serves every run.
"""

from __future__ import annotations

import ast
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from kit.checks import literal_assignment, parse_code
from kit.grade.records import HiddenTest

__all__ = [
    "Cell",
    "HIDDEN_MARK",
    "MAX_NOTEBOOK_BYTES",
    "SETUP_ID",
    "TEXTS_ID",
    "TEXTS_MARK",
    "build_notebook",
    "cell_question",
    "cells_of",
    "first_line",
    "parameters_cell",
    "read_submission",
    "typed_in",
]

MAX_NOTEBOOK_BYTES = 50 << 20
"""A submission larger than this is refused unread (a notebook of text is far smaller)."""
SETUP_ID, TEXTS_ID = "kit-grade-setup", "kit-grade-texts"
TEXTS_MARK = "# Added by `kit grade`: the texts of this run."
HIDDEN_MARK = "# Added by `kit grade`: hidden test {}."
"""The first line of each hidden-test cell; the answer saver knows the cells by it."""

_CELL_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


class Cell(NamedTuple):
    """One cell of a submission, as read."""

    kind: str
    source: str
    tags: tuple[str, ...]
    id: str | None
    """The id the student's file gave it (ids can repeat)."""
    number: int
    """Its position in the student's notebook, counting from 1."""


# --- reading a submission -------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a symbolic link even if it is swapped in after a check."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as f:
        return f.read(MAX_NOTEBOOK_BYTES + 1)


def _as_v4(text: str) -> dict | None:
    """An old (version 3 or earlier) notebook converted by nbformat, as plain JSON data."""
    try:
        import nbformat

        return json.loads(nbformat.writes(nbformat.reads(text, as_version=4)))
    except Exception:  # nbformat raises many kinds for notebooks it cannot convert
        return None


def read_submission(path: Path) -> tuple[list[Cell] | None, list[str]]:
    """The cells of a submission, or None and why it cannot be graded; plus notes."""
    if path.is_symlink():
        return None, ["a symbolic link, which the grader does not follow (it could point anywhere). "
                      "Copy the notebook itself into the folder."]
    try:
        data = _read_bytes(path)
    except OSError as err:
        return None, [f"the file could not be read ({err.strerror or err})."]
    if len(data) > MAX_NOTEBOOK_BYTES:
        return None, [f"the file is larger than {MAX_NOTEBOOK_BYTES >> 20} MB, far more than a notebook of text. "
                      "Ask for it again with the outputs cleared (in Jupyter: Edit > Clear Outputs of All Cells)."]
    if not data.strip():
        return None, ["the file is empty. Ask for the notebook again (in Jupyter: File > Download)."]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, ["not a notebook: the file is not text (a PDF or an image?). "
                      "Ask for the .ipynb file (in Jupyter: File > Download)."]
    try:
        raw = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        if not text.lstrip().startswith("{"):
            return None, ["not a notebook: a notebook is JSON text that starts with '{', and this file does not "
                          "(a .py or .txt file renamed?). Ask for the .ipynb file (in Jupyter: File > Download)."]
        where = f" (line {err.lineno}, column {err.colno}: {err.msg})" if isinstance(err, json.JSONDecodeError) else ""
        return None, [f"not valid JSON{where}: the notebook file is damaged, perhaps cut short. "
                      "Ask for it again (in Jupyter: File > Download)."]
    if isinstance(raw, dict) and isinstance(raw.get("nbformat"), int) and raw["nbformat"] < 4:
        raw = _as_v4(text)
        if raw is None:
            return None, ["an old notebook (format version 3 or earlier) that nbformat cannot convert. "
                          "Ask the student to open it in JupyterLab and save it again."]
    if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
        return None, ["valid JSON, but not a notebook: it has no list of cells."]
    return _cells(raw["cells"])


def cells_of(nb) -> list[Cell]:
    """The cells of a notebook already read (an nbformat node), such as a solution."""
    return _cells(list(nb.cells))[0]


def _cells(raw_cells: list[Any]) -> tuple[list[Cell], list[str]]:
    cells: list[Cell] = []
    skipped = 0
    for number, cell in enumerate(raw_cells, 1):
        kind = cell.get("cell_type") if isinstance(cell, dict) else None
        if kind not in ("code", "markdown", "raw"):
            skipped += 1
            continue
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(s for s in source if isinstance(s, str))
        if not isinstance(source, str):
            source = ""
        metadata = cell.get("metadata") if isinstance(cell.get("metadata"), dict) else {}
        tags = metadata.get("tags") if isinstance(metadata.get("tags"), list) else []
        cell_id = cell.get("id") if isinstance(cell.get("id"), str) else None
        # tags as nbformat's schema allows them (strings, not empty, no comma, each once): any
        # other would make the notebook the grader builds invalid, and an honest one fail to run
        kept = tuple(dict.fromkeys(t for t in tags if isinstance(t, str) and t and "," not in t))
        cells.append(Cell(kind, source, kept, cell_id, number))
    notes = []
    if skipped:
        notes.append(f"{skipped} broken cell(s) were skipped.")
    ids = [c.id for c in cells if c.id]
    repeated = len(ids) - len(set(ids))
    if repeated:
        notes.append(f"{repeated} cell(s) repeated another cell's id; the grader gave them new ids "
                     "(no effect on the grade).")
    return cells, notes


# --- the notebook the grader runs ----------------------------------------------------------


def _sets_both_texts(source: str) -> bool:
    """Whether the code assigns both ``article_a`` and ``article_b`` at its top level."""
    try:
        tree = parse_code(source)
    except SyntaxError:
        return False
    names = {t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
             for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)}
    return {"article_a", "article_b"} <= names


def parameters_cell(cells: list[Cell]) -> int | None:
    """The index of the cell that names the texts: tagged ``parameters``, else the first code cell
    that sets both ``article_a`` and ``article_b``; None when there is none."""
    code = [i for i, c in enumerate(cells) if c.kind == "code"]
    tagged = [i for i in code if "parameters" in cells[i].tags]
    if tagged:
        return tagged[0]
    return next((i for i in code if _sets_both_texts(cells[i].source)), None)


def _top_assignments(source: str) -> list[tuple[str, ast.expr | None]]:
    """The names a cell assigns at its top level, with the value assigned (None when it is not one expression)."""
    try:
        tree = parse_code(source)
    except (SyntaxError, ValueError):
        return []
    found: list[tuple[str, ast.expr | None]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.append((target.id, node.value))
                elif isinstance(target, (ast.Tuple, ast.List)):
                    found += [(t.id, None) for t in target.elts if isinstance(t, ast.Name)]
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name):
            found.append((node.target.id, node.value if isinstance(node, ast.AnnAssign) else None))
    return found


_CHECK_CALL = re.compile(r"""\bcheck\(\s*["']([A-Za-z_]\w*)["']""")


def cell_question(source: str, ids: Iterable[str]) -> str | None:
    """The question a cell answers: the last of ``ids`` it assigns at its top level, else the first it checks.

    >>> cell_question("# YOUR CODE HERE\\nq1 = ...\\ncheck('q1', q1)", ["q1", "q2"])
    'q1'
    >>> cell_question("print(a)", ["q1"]) is None
    True
    """
    ids = set(ids)
    assigned = [name for name, _ in _top_assignments(source) if name in ids]
    if assigned:
        return assigned[-1]
    return next((m.group(1) for m in _CHECK_CALL.finditer(source) if m.group(1) in ids), None)


def typed_in(cells: list[Cell], ids: Iterable[str]) -> set[str]:
    """The questions whose answer the notebook types in: the last top-level assignment to it is a literal.

    Only what the grader can tell for certain: ``q1 = 395`` or ``q3 = [("iran", 5)]`` is typed in;
    ``q1 = len(a.text.split())`` is computed, right or wrong.

    >>> typed_in([Cell("code", "q1 = 395\\nq2 = len(a)", (), None, 1)], ["q1", "q2"])
    {'q1'}
    """
    ids = set(ids)
    last: dict[str, bool] = {}
    for cell in cells:
        if cell.kind == "code":
            for name in {name for name, _ in _top_assignments(cell.source)} & ids:
                last[name] = literal_assignment(cell.source, name)  # the same rule as the instant check's
    return {name for name, literal in last.items() if literal}


def _hidden_cell_source(k: int, test: HiddenTest) -> str:
    # Forget any value the student gave these names, so only the hidden code sets them.
    forget = "".join(f"try:\n    del {name}\nexcept NameError:\n    pass\n" for name in test.sets)
    return f"{HIDDEN_MARK.format(k)}\n{forget}{test.code}"


def build_notebook(cells: list[Cell], visible: Iterable[str], hidden: Iterable[HiddenTest],
                   hidden_ids: Iterable[str]) -> tuple[Any, list[str]]:
    """The notebook to run (an nbformat node), and notes on how it was built.

    ``visible`` are the question ids saved after every cell, ``hidden_ids`` those
    saved only right after the hidden test that sets them.
    """
    import nbformat.v4 as v4

    hidden, hidden_ids = list(hidden), set(hidden_ids)
    last_with_id = {c.id: i for i, c in enumerate(cells) if c.id}
    after: dict[int, list[tuple[int, HiddenTest]]] = {}
    at_end: list[tuple[int, HiddenTest]] = []
    for k, test in enumerate(hidden):
        where = last_with_id.get(test.cell_id) if test.cell_id else None
        (after.setdefault(where, []) if where is not None else at_end).append((k, test))
    notes = []
    lost = {t.cell_id: t.question for _, t in at_end if t.cell_id}
    if lost:
        named = ", ".join(f"the answer cell of {q} (cell id {i})" if q else f"the cell with id {i}"
                          for i, q in sorted(lost.items()))
        notes.append(f"{named} is missing from the notebook (deleted?), so the hidden tests that belong after it "
                     "ran at the end of the notebook.")
    params = parameters_cell(cells)
    if params is None:
        notes.append("no cell sets article_a and article_b, so the grader set them before your first cell.")

    out: list[Any] = []
    used = {SETUP_ID, TEXTS_ID}
    visible = list(visible)
    asked = [*visible, *hidden_ids]
    previous: str | None = None  # the last question whose cell came before, to name a cell in feedback

    def add(cell, meta: dict) -> None:
        cell.metadata["kit_grade"] = meta
        out.append(cell)

    def add_hidden(k: int, test: HiddenTest) -> None:
        add(v4.new_code_cell(_hidden_cell_source(k, test)),
            {"role": "hidden", "sets": list(test.sets), "saves": [n for n in test.sets if n in hidden_ids],
             "mark": HIDDEN_MARK.format(k)})

    add(v4.new_code_cell("", id=SETUP_ID), {"role": "setup"})
    if params is None:
        add(v4.new_code_cell("", id=TEXTS_ID), {"role": "texts"})
    for i, c in enumerate(cells):
        make = {"code": v4.new_code_cell, "markdown": v4.new_markdown_cell, "raw": v4.new_raw_cell}[c.kind]
        cell = make(c.source)
        if c.id and _CELL_ID.match(c.id) and c.id not in used and not c.id.startswith("kit-grade"):
            cell.id = c.id
        used.add(cell.id)
        if c.tags:
            cell.metadata["tags"] = list(c.tags)
        question = cell_question(c.source, asked) if c.kind == "code" else None
        add(cell, {"role": "student", "number": c.number, "line": first_line(c.source), "question": question,
                   "after": previous})
        previous = question or previous
        if i == params:
            add(v4.new_code_cell("", id=TEXTS_ID), {"role": "texts"})
        for k, test in after.get(i, []):
            add_hidden(k, test)
    for k, test in at_end:
        add_hidden(k, test)
    nb = v4.new_notebook(cells=out, metadata={
        "kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"},
        "language_info": {"name": "python"},
        "kit_grade": {"visible": visible},
    })
    return nb, notes


def first_line(source: str) -> str:
    """The first line of a cell that is not blank nor only a comment (else the first non-blank one), cut to 50
    characters, to name the cell in feedback: ``# YOUR CODE HERE`` says nothing about which cell it is."""
    lines = [l.strip() for l in source.splitlines() if l.strip()]
    line = next((l for l in lines if not l.startswith("#")), lines[0] if lines else "")
    return line if len(line) <= 50 else line[:49] + "…"
