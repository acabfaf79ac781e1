"""Generating the student notebooks in ``exercises/`` from ``solutions/``.

The solutions are the single source. In them, answers sit between nbgrader's
markers, ``### BEGIN SOLUTION`` and ``### END SOLUTION``, and checks that only
the grader runs sit between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``.
An exercise is the solution with:

- each answer replaced by a stub that names what to write: an assignment
  ``q1 = len(words)`` becomes ``q1 = ...``, and a function keeps its ``def`` line
  with ``...`` as its body;
- hidden tests removed (a cell left empty goes);
- outputs and execution counts cleared.

Everything else is kept byte for byte, and cells keep their ids, so the grader
can put hidden tests back in the right place. Running ``kit assign`` twice
changes nothing; ``kit assign --check`` says which exercises are stale.

>>> print(stub_solution('''x = 1
... ### BEGIN SOLUTION
... q1_word_count = len(kit.words(a))
... ### END SOLUTION
... check("q1_word_count", q1_word_count)'''))
x = 1
# YOUR CODE HERE
q1_word_count = ...
check("q1_word_count", q1_word_count)
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["AssignError", "assign", "make_exercise", "read_notebook", "stub_solution"]

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
MARKDOWN_STUB = "_Write your answer here._"

_ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)")
_TUPLE_ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\s*,?\s*=(?!=)")
_DEF = re.compile(r"^(\s*)def\s+\w+\s*\(.*\)\s*(->.*)?:\s*$")


class AssignError(ValueError):
    """A solution notebook is malformed: the message names the file, cell and fix."""


def _blocks(source: str, begin: str, end: str, where: str):
    """Split ``source`` into (inside_marker, lines) runs; check markers pair up."""
    runs: list[tuple[bool, list[str]]] = [(False, [])]
    for n, line in enumerate(source.split("\n"), 1):
        marker = line.strip()
        if marker == begin:
            if runs[-1][0]:
                raise AssignError(f"{where}, line {n}: {begin} inside another; close the first with {end}.")
            runs.append((True, []))
        elif marker == end:
            if not runs[-1][0]:
                raise AssignError(f"{where}, line {n}: {end} without a {begin} before it.")
            runs.append((False, []))
        else:
            runs[-1][1].append(line)
    if runs[-1][0]:
        raise AssignError(f"{where}: {begin} is never closed; add {end} after the answer.")
    return runs


def stub_solution(source: str, *, markdown: bool = False, where: str = "cell") -> str:
    """``source`` with every solution block replaced by a stub for the student."""
    out: list[str] = []
    for inside, lines in _blocks(source, BEGIN_SOLUTION, END_SOLUTION, where):
        if not inside:
            out.extend(lines)
        elif markdown:
            out.append(MARKDOWN_STUB)
        else:
            indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
            out.append(" " * indent + "# YOUR CODE HERE")
            for line in lines:
                if len(line) - len(line.lstrip()) != indent:
                    continue
                if m := _DEF.match(line):
                    out += [line, m.group(1) + "    ..."]
                elif m := _TUPLE_ASSIGNMENT.match(line):
                    names = [n.strip() for n in m.group(2).split(",")]
                    out.append(f"{m.group(1)}{', '.join(names)} = {', '.join('...' for _ in names)}")
                elif m := _ASSIGNMENT.match(line):
                    out.append(f"{m.group(1)}{m.group(2)} = ...")
    return "\n".join(out)


def _strip_hidden(source: str, where: str) -> str:
    return "\n".join(
        line for inside, lines in _blocks(source, BEGIN_HIDDEN, END_HIDDEN, where)
        if not inside for line in lines
    ).strip("\n")


def read_notebook(path: Path | str):
    """Read a notebook with ``nbformat``, giving any cell without an id a stable one.

    nbformat invents a random id for a cell that has none, so without this
    every run would write different exercises, and the grader could not match
    a submission's cells with the solution's.
    """
    import json

    import nbformat

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    raw_cells = json.loads(text).get("cells", [])
    for i, (cell, raw) in enumerate(zip(nb.cells, raw_cells)):
        if "id" not in raw:
            cell["id"] = f"{path.stem[:40]}-{i}"
    return nb


def make_exercise(solution):
    """The student version of a solution notebook (an ``nbformat`` node)."""
    import copy

    nb = copy.deepcopy(solution)
    cells = []
    for i, cell in enumerate(nb.cells):
        where = f"cell {i + 1}"
        source = cell.source
        if BEGIN_HIDDEN in source:
            source = _strip_hidden(source, where)
            if not source.strip():
                continue
        cell.source = stub_solution(source, markdown=cell.cell_type == "markdown", where=where)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    nb.cells = cells
    return nb


def _render(nb) -> str:
    import nbformat

    return nbformat.writes(nb) + "\n"


def assign(solutions: Path | str = "solutions", exercises: Path | str = "exercises", *,
           check: bool = False) -> list[Path]:
    """Write ``exercises/`` from ``solutions/``, or with ``check=True`` only compare.

    Returns the exercise files that were (or, when checking, would be) written
    or removed. An empty list means everything was up to date.
    """
    solutions, exercises = Path(solutions), Path(exercises)
    sources = sorted(solutions.glob("*.ipynb"))
    if not sources:
        raise AssignError(f"No solution notebooks in {solutions}/. Run from the kit's folder, or pass --solutions.")
    stale: list[Path] = []
    wanted = set()
    for src in sources:
        try:
            solution = read_notebook(src)
        except Exception as err:  # nbformat raises several kinds for broken JSON
            raise AssignError(f"{src} is not a readable notebook ({err}). Fix its JSON, or restore it from git.") from None
        try:
            text = _render(make_exercise(solution))
        except AssignError as err:
            raise AssignError(f"{src}, {err}") from None
        target = exercises / src.name
        wanted.add(target)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            stale.append(target)
            if not check:
                exercises.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    for extra in sorted(exercises.glob("*.ipynb")):
        if extra not in wanted:
            stale.append(extra)
            if not check:
                extra.unlink()
    return stale
