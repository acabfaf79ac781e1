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

Written answers, graded by the teacher
--------------------------------------
``manual: true`` marks a question the teacher grades by hand: a written
answer. ``kind`` and ``hint`` are optional for it, and ``rubric`` (optional)
is what the teacher looks for, shown beside the class's answers on the review
page that ``kit grade`` writes; students never see it::

    # BEGIN QUESTION
    name: q11_whose_words
    points: 3
    manual: true
    rubric: |
      3: names the edit (a quotation turned into reported speech) and says whose words the reader now reads.
      1: names the edit only.

Its **answer cell** is the first Markdown cell after the block that holds
``### BEGIN SOLUTION`` ... ``### END SOLUTION``, with the model answer between
the markers and nothing else (the prompt goes in a cell before it)::

    ### BEGIN SOLUTION
    The editor turned Khamenei's quotation into reported speech: the reader now
    reads the agency's words, not his.
    ### END SOLUTION

``kit assign`` turns it into an empty answer cell (``_Write your answer here._``)
that keeps the cell's id, which is how ``kit grade`` finds each student's
answer; the model answer and the rubric never reach the exercise. A written
answer's block has its own raw cell; ``hidden``, ``tolerance`` and ``order``
do not apply to it.

>>> import nbformat.v4 as v4
>>> nb = v4.new_notebook(cells=[v4.new_raw_cell("# BEGIN QUESTION\\nname: q1\\npoints: 2\\nkind: a number\\nhint: Count.")])
>>> read_questions(nb, "demo.ipynb")
(Question(id='q1', points=2, kind='a number', hint='Count.', order=True, tolerance=1e-06, hidden=False, manual=False, rubric=''),)

A malformed block names the notebook, the cell and the fix:

>>> nb.cells[0].source = "# BEGIN QUESTION\\nname: q1\\npoints: two\\nkind: a number\\nhint: Count."
>>> read_questions(nb, "demo.ipynb")
Traceback (most recent call last):
...
kit.solution.SolutionError: demo.ipynb, cell 1: points must be a whole number of 0 or more, not 'two'. Write, for example: points: 2
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any, NamedTuple

from kit.checks import Question

__all__ = [
    "AnswerCell",
    "BEGIN_HIDDEN",
    "BEGIN_QUESTION",
    "BEGIN_SOLUTION",
    "END_HIDDEN",
    "END_QUESTION",
    "END_SOLUTION",
    "QUESTION_KEYS",
    "SolutionError",
    "WRITTEN_KIND",
    "answer_cells",
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
    "manual: true": "optional: a written answer, graded by the teacher, in the Markdown cell after the block",
    "rubric": "optional, for a written answer: what the teacher looks for, shown beside the answers",
}
"""What a question block may say, for error messages and the docs."""

WRITTEN_KIND = "a written answer"
"""The ``kind`` of a written answer whose block names none."""

_KEYS = ("name", "points", "kind", "hint", "tolerance", "order", "hidden", "manual", "rubric")
_REQUIRED = ("name", "points", "kind", "hint")
_AUTOMATIC_ONLY = ("hidden", "tolerance", "order")
_IDENTIFIER = re.compile(r"^[A-Za-z_]\w*$")


class SolutionError(ValueError):
    """A solution notebook is malformed: the message names the file, the cell and the fix."""


class AnswerCell(NamedTuple):
    """Where a written answer goes: the Markdown cell after its question block."""

    question: str
    """The question's id."""
    cell_id: str
    """The cell's id, which the exercise keeps, so the grader finds each student's answer by it."""
    number: int
    """The cell's position in the solution, counting from 1, for messages."""
    model: str
    """The model answer: the text between the solution markers."""
    prompt: str = ""
    """The Markdown cell between the block and the answer cell, if any: the question as students read it."""


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
            "order": "order: false", "hidden": "hidden: true", "manual": "manual: true",
            "rubric": "rubric: \"2: names the edit and its effect on the reader; 1: names the edit only.\""}[key]


def _question(fields: Any, where: str) -> Question:
    if not isinstance(fields, dict):
        raise SolutionError(f"{where}: a question block holds lines of the form key: value, such as "
                            f"{_fix('name')}. The keys are: {', '.join(QUESTION_KEYS)}.")
    unknown = sorted(set(map(str, fields)) - set(_KEYS))
    if unknown:
        raise SolutionError(f"{where}: unknown key {unknown[0]!r}. A question block may say: "
                            + "; ".join(f"{k} ({v})" for k, v in QUESTION_KEYS.items()) + ".")
    manual = fields.get("manual", False)
    if not isinstance(manual, bool):
        raise SolutionError(f"{where}: manual must be true or false, not {manual!r}. Write, for example: "
                            f"{_fix('manual')}")
    required = ("name", "points") if manual else _REQUIRED
    missing = [k for k in required if fields.get(k) in (None, "")]
    if missing:
        raise SolutionError(f"{where}: the question has no {missing[0]}. Add a line such as {_fix(missing[0])}")
    name, points = fields["name"], fields["points"]
    if not isinstance(name, str) or not _IDENTIFIER.match(name):
        raise SolutionError(f"{where}: name must be a Python variable name, not {name!r}. Write, for example: "
                            f"{_fix('name')}")
    if isinstance(points, bool) or not isinstance(points, int) or points < 0:
        raise SolutionError(f"{where}: points must be a whole number of 0 or more, not {points!r}. Write, for "
                            f"example: {_fix('points')}")
    if manual:
        given = [k for k in _AUTOMATIC_ONLY if k in fields]
        if given:
            raise SolutionError(f"{where}: {name} is a written answer (manual: true), which the teacher grades, so "
                                f"{given[0]} does not apply to it. Drop the line {given[0]}: ..., or drop "
                                "manual: true if a computed answer is meant.")
    elif "rubric" in fields:
        raise SolutionError(f"{where}: rubric is for written answers, which the teacher grades. Add "
                            f"{_fix('manual')} to the block of {name}, or drop the rubric.")
    rubric = fields.get("rubric", "")
    if rubric is None or not isinstance(rubric, (str, int, float)) or isinstance(rubric, bool):
        raise SolutionError(f"{where}: rubric must be text, not {rubric!r}. Write, for example: {_fix('rubric')}")
    tolerance = fields.get("tolerance", 1e-6)
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 <= tolerance < math.inf:
        raise SolutionError(f"{where}: tolerance must be a finite number of 0 or more, not {tolerance!r}. Write, for "
                            f"example: {_fix('tolerance')}")
    for key in ("order", "hidden"):
        if not isinstance(fields.get(key, key == "order"), bool):
            raise SolutionError(f"{where}: {key} must be true or false, not {fields[key]!r}. Write, for example: "
                                f"{_fix(key)}")
    kind = str(fields.get("kind") or WRITTEN_KIND).strip()
    return Question(name, points, kind, " ".join(str(fields.get("hint") or "").split()),
                    fields.get("order", True), float(tolerance), fields.get("hidden", False), manual,
                    str(rubric).strip())


def _parse(block: str, where: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(block)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" (line {mark.line + 2} of the block: {getattr(err, 'problem', err)})" if mark else ""
        raise SolutionError(f"{where}: the question block is not valid YAML{line}. A value that holds ': ' or "
                            "starts with a quote must be put in quotes: hint: \"Look up: the first word\".") from None


def _blocks_by_cell(nb, path: Path | str) -> list[tuple[int, list[Question]]]:
    """Each question cell's position (from 0) and the questions its blocks declare, in order."""
    found: list[tuple[int, list[Question]]] = []
    seen: set[str] = set()
    for i, cell in enumerate(nb.cells):
        if not is_question_cell(cell):
            if BEGIN_QUESTION in cell.source and cell.cell_type != "raw":
                raise SolutionError(f"{path}, cell {i + 1}: a question block must be in a raw cell (in JupyterLab: "
                                    "select the cell and press R), so that it neither runs nor shows as text.")
            continue
        where = f"{path}, cell {i + 1}"
        text = "\n".join(line for line in cell.source.split("\n") if line.strip() != END_QUESTION)
        questions = []
        for block in text.split(BEGIN_QUESTION)[1:]:
            q = _question(_parse(block, where), where)
            if q.id in seen:
                raise SolutionError(f"{where}: a second question named {q.id}. Each question needs a name of its own.")
            seen.add(q.id)
            questions.append(q)
        found.append((i, questions))
    return found


def _answer_cell(nb, path: Path | str, after: int, q: Question) -> AnswerCell:
    """The Markdown cell after question cell ``after`` that holds the solution markers: ``q``'s answer cell."""
    where = f"{path}, cell {after + 1}"
    fix = (f"Add a Markdown cell after this block that holds only the model answer, between {BEGIN_SOLUTION} and "
           f"{END_SOLUTION}; kit assign turns it into the empty cell where students write.")
    for i in range(after + 1, len(nb.cells)):
        cell = nb.cells[i]
        if is_question_cell(cell):
            break
        if cell.cell_type != "markdown" or BEGIN_SOLUTION not in cell.source:
            continue
        runs = blocks(cell.source, BEGIN_SOLUTION, END_SOLUTION, f"{path}, cell {i + 1}")
        outside = "\n".join(line for inside, lines in runs if not inside for line in lines).strip()
        if outside or sum(inside for inside, _ in runs) != 1:
            raise SolutionError(f"{path}, cell {i + 1}: the answer cell of the written answer {q.id} must hold only "
                                f"the model answer, between one {BEGIN_SOLUTION} and one {END_SOLUTION}: each "
                                "student's whole cell is their answer. Move the prompt into a Markdown cell before it.")
        model = "\n".join(line for inside, lines in runs if inside for line in lines).strip("\n")
        prompts = [c.source for c in nb.cells[after + 1:i] if c.cell_type == "markdown"]
        return AnswerCell(q.id, str(cell.get("id") or ""), i + 1, model, prompts[-1] if prompts else "")
    raise SolutionError(f"{where}: the written answer {q.id} (manual: true) has no answer cell before the next "
                        f"question. {fix}")


def answer_cells(nb, path: Path | str) -> dict[str, AnswerCell]:
    """The answer cell of each written answer (``manual: true``) of a solution notebook, by question id."""
    cells: dict[str, AnswerCell] = {}
    for index, questions in _blocks_by_cell(nb, path):
        written = [q for q in questions if q.manual]
        if len(written) > 1:
            raise SolutionError(f"{path}, cell {index + 1}: two written answers, {written[0].id} and {written[1].id}, "
                                "in one raw cell. Give each its own raw cell, followed by its own answer cell.")
        for q in written:
            cell = _answer_cell(nb, path, index, q)
            if not cell.cell_id:
                raise SolutionError(f"{path}, cell {cell.number}: the answer cell of {q.id} has no id, which the "
                                    "grader finds it by. Save the notebook with JupyterLab 3 or later.")
            cells[q.id] = cell
    return cells


def read_questions(nb, path: Path | str) -> tuple[Question, ...]:
    """The questions of a solution notebook (an nbformat node), in the order of their blocks.

    Written answers (``manual: true``) are checked for their answer cell too (see :func:`answer_cells`).
    """
    found = [q for _, questions in _blocks_by_cell(nb, path) for q in questions]
    if not found:
        raise SolutionError(f"{path} has no questions. Add a raw cell (in JupyterLab: press R) with a block like:\n"
                            f"{BEGIN_QUESTION}\n{_fix('name')}\n{_fix('points')}\n{_fix('kind')}\n{_fix('hint')}")
    if any(q.manual for q in found):
        answer_cells(nb, path)
    return tuple(found)
