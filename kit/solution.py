"""The solution notebook: the one source of an assignment, read here for ``kit assign`` and ``kit grade``.

A teacher writes everything about a question in the solution notebook, in
JupyterLab, without opening cell metadata:

- **the question**, in a *raw* cell (in JupyterLab: select the cell, press
  ``R``), as a block that starts with ``# BEGIN QUESTION`` followed by YAML, the
  convention of otter-grader::

      # BEGIN QUESTION
      name: q1_word_count
      points: 1
      kind: a whole number
      hint: Count the items of kit.words(a); punctuation is not a word.

  ``name`` is also the variable that holds the answer. Optional: ``tolerance``
  (how far apart two numbers may be, relative; default 1e-6), ``order: false``
  (a list may come in any order) and ``hidden: true`` (a hidden test sets it).
  One raw cell may hold several blocks. Students never see these cells.
- **the prompt**, in markdown, as any other cell;
- **the answer**, between ``### BEGIN SOLUTION`` and ``### END SOLUTION``;
- **hidden tests**, between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``.

The expected answers are never written down: ``kit assign`` and ``kit grade``
run the solution on each pair of texts and take what it computes.

>>> import nbformat.v4 as v4
>>> nb = v4.new_notebook(cells=[v4.new_raw_cell("# BEGIN QUESTION\\nname: q1\\npoints: 2\\nkind: a number\\nhint: Count.")])
>>> read_questions(nb, "demo.ipynb")
(Question(id='q1', points=2, kind='a number', hint='Count.', order=True, tolerance=1e-06, hidden=False),)

A malformed block names the notebook, the cell and the fix:

>>> nb.cells[0].source = "# BEGIN QUESTION\\nname: q1\\npoints: two\\nkind: a number\\nhint: Count."
>>> read_questions(nb, "demo.ipynb")
Traceback (most recent call last):
...
kit.solution.SolutionError: demo.ipynb, cell 1: points must be a whole number of 0 or more, not 'two'. Write, for example: points: 2
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kit.checks import Question

__all__ = [
    "BEGIN_HIDDEN",
    "BEGIN_QUESTION",
    "BEGIN_SOLUTION",
    "END_HIDDEN",
    "END_QUESTION",
    "END_SOLUTION",
    "QUESTION_KEYS",
    "SolutionError",
    "assignment_of",
    "blocks",
    "is_question_cell",
    "read_notebook",
    "read_questions",
    "strip_hidden",
]

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
BEGIN_QUESTION, END_QUESTION = "# BEGIN QUESTION", "# END QUESTION"

QUESTION_KEYS = {
    "name": "the question's id, which is also the variable that holds the answer",
    "points": "a whole number",
    "kind": "what kind of answer is expected, in words: a list of (word, count) pairs",
    "hint": "shown when the answer is wrong; it must not give the answer away",
    "tolerance": "optional: how far apart two numbers may be and still count as equal (relative), such as 0.001",
    "order": "optional: false when a list may come in any order",
    "hidden: true": "optional: a hidden test sets it",
}
"""What a question block may say, for error messages and the docs."""

_REQUIRED = ("name", "points", "kind", "hint")
_IDENTIFIER = re.compile(r"^[A-Za-z_]\w*$")


class SolutionError(ValueError):
    """A solution notebook is malformed: the message names the file, the cell and the fix."""


def assignment_of(path: Path | str) -> str:
    """The assignment a solution notebook is for: its file name without ``NN_`` and ``.ipynb``."""
    return re.sub(r"^\d+_", "", Path(path).stem)


def read_notebook(path: Path | str):
    """Read a notebook with ``nbformat``, giving any cell without an id a stable one.

    nbformat invents a random id for a cell that has none, so without this
    every run would write different exercises, and the grader could not match
    a submission's cells with the solution's.
    """
    import nbformat

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    raw_cells = json.loads(text).get("cells", [])
    for i, (cell, raw) in enumerate(zip(nb.cells, raw_cells)):
        if "id" not in raw:
            cell["id"] = f"{path.stem[:40]}-{i}"
    return nb


def blocks(source: str, begin: str, end: str, where: str) -> list[tuple[bool, list[str]]]:
    """Split ``source`` into (inside the markers, lines) runs; raise if the markers do not pair up."""
    runs: list[tuple[bool, list[str]]] = [(False, [])]
    for n, line in enumerate(source.split("\n"), 1):
        marker = line.strip()
        if marker == begin:
            if runs[-1][0]:
                raise SolutionError(f"{where}, line {n}: {begin} inside another; close the first with {end}.")
            runs.append((True, []))
        elif marker == end:
            if not runs[-1][0]:
                raise SolutionError(f"{where}, line {n}: {end} without a {begin} before it.")
            runs.append((False, []))
        else:
            runs[-1][1].append(line)
    if runs[-1][0]:
        raise SolutionError(f"{where}: {begin} is never closed; add {end} after it.")
    return runs


def strip_hidden(source: str, where: str = "cell") -> str:
    """``source`` without its hidden tests."""
    return "\n".join(line for inside, lines in blocks(source, BEGIN_HIDDEN, END_HIDDEN, where)
                     if not inside for line in lines).strip("\n")


def is_question_cell(cell) -> bool:
    """Whether a cell holds question blocks (a raw cell that starts with ``# BEGIN QUESTION``)."""
    return cell.cell_type == "raw" and cell.source.lstrip().startswith(BEGIN_QUESTION)


def _fix(key: str) -> str:
    return {"name": "name: q1_word_count", "points": "points: 2", "kind": "kind: a whole number",
            "hint": "hint: Count the items of kit.words(a).", "tolerance": "tolerance: 0.001",
            "order": "order: false", "hidden": "hidden: true"}[key]


def _question(fields: Any, where: str) -> Question:
    if not isinstance(fields, dict):
        raise SolutionError(f"{where}: a question block holds lines of the form key: value, such as "
                            f"{_fix('name')}. The keys are: {', '.join(QUESTION_KEYS)}.")
    unknown = sorted(set(map(str, fields)) - {"name", "points", "kind", "hint", "tolerance", "order", "hidden"})
    if unknown:
        raise SolutionError(f"{where}: unknown key {unknown[0]!r}. A question block may say: "
                            + "; ".join(f"{k} ({v})" for k, v in QUESTION_KEYS.items()) + ".")
    missing = [k for k in _REQUIRED if fields.get(k) in (None, "")]
    if missing:
        raise SolutionError(f"{where}: the question has no {missing[0]}. Add a line such as {_fix(missing[0])}")
    name, points = fields["name"], fields["points"]
    if not isinstance(name, str) or not _IDENTIFIER.match(name):
        raise SolutionError(f"{where}: name must be a Python variable name, not {name!r}. Write, for example: "
                            f"{_fix('name')}")
    if isinstance(points, bool) or not isinstance(points, int) or points < 0:
        raise SolutionError(f"{where}: points must be a whole number of 0 or more, not {points!r}. Write, for "
                            f"example: {_fix('points')}")
    tolerance = fields.get("tolerance", 1e-6)
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
        raise SolutionError(f"{where}: tolerance must be a number of 0 or more, not {tolerance!r}. Write, for "
                            f"example: {_fix('tolerance')}")
    for key in ("order", "hidden"):
        if not isinstance(fields.get(key, key == "order"), bool):
            raise SolutionError(f"{where}: {key} must be true or false, not {fields[key]!r}. Write, for example: "
                                f"{_fix(key)}")
    return Question(name, points, str(fields["kind"]).strip(), " ".join(str(fields["hint"]).split()),
                    fields.get("order", True), float(tolerance), fields.get("hidden", False))


def _parse(block: str, where: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(block)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" (line {mark.line + 2} of the block: {getattr(err, 'problem', err)})" if mark else ""
        raise SolutionError(f"{where}: the question block is not valid YAML{line}. A value that holds ': ' or "
                            "starts with a quote must be put in quotes: hint: \"Look up: the first word\".") from None


def read_questions(nb, path: Path | str) -> tuple[Question, ...]:
    """The questions of a solution notebook (an nbformat node), in the order of their blocks."""
    found: list[Question] = []
    for n, cell in enumerate(nb.cells, 1):
        if not is_question_cell(cell):
            if BEGIN_QUESTION in cell.source and cell.cell_type != "raw":
                raise SolutionError(f"{path}, cell {n}: a question block must be in a raw cell (in JupyterLab: "
                                    "select the cell and press R), so that it neither runs nor shows as text.")
            continue
        where = f"{path}, cell {n}"
        text = "\n".join(line for line in cell.source.split("\n") if line.strip() != END_QUESTION)
        for block in text.split(BEGIN_QUESTION)[1:]:
            q = _question(_parse(block, where), where)
            if any(q.id == other.id for other in found):
                raise SolutionError(f"{where}: a second question named {q.id}. Each question needs a name of its own.")
            found.append(q)
    if not found:
        raise SolutionError(f"{path} has no questions. Add a raw cell (in JupyterLab: press R) with a block like:\n"
                            f"{BEGIN_QUESTION}\n{_fix('name')}\n{_fix('points')}\n{_fix('kind')}\n{_fix('hint')}")
    return tuple(found)
