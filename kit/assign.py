"""Generating the student notebooks (``exercises/``) from the solution notebooks: ``kit assign``.

The solutions are the single source (see :mod:`kit.solution` for how a teacher
writes one). An exercise is the solution with:

- each answer replaced by a stub that names what to write: an assignment
  ``q1 = len(words)`` becomes ``q1 = ...``, and a function keeps its ``def`` line
  with ``...`` as its body; a written answer's cell (``manual: true``, see
  :mod:`kit.solution`) becomes an empty Markdown answer cell,
  ``_Write your answer here._``, with the same cell id, and neither its model
  answer nor its rubric is written into the exercise;
- hidden tests and question blocks removed (a cell left empty goes);
- outputs and execution counts cleared;
- one cell added before the first code cell, which hands ``check(...)`` the
  questions and their answers on the texts students work with: the notebook's
  own pair and the Riverside practice pair (``kit/data/practice``). The answers
  come from running the solution on both pairs, in the grader's sandbox, so
  they are exactly what the solution computes. Students may read them; it does
  not help, since ``kit grade`` grades on texts no one has seen.

Everything else is kept byte for byte, and cells keep their ids, so the grader
can put hidden tests back in the right place. Running ``kit assign`` twice
changes nothing; ``kit assign --check`` says which exercises are stale (as they
are when the solution, or what the kit computes, has changed).

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
from collections.abc import Sequence
from pathlib import Path

from kit.checks import Answers, Expected, fingerprint, pack
from kit.solution import (
    BEGIN_HIDDEN,
    BEGIN_SOLUTION,
    END_SOLUTION,
    SolutionError,
    assignment_of,
    blocks,
    is_question_cell,
    read_notebook,
    read_questions,
    strip_hidden,
)

__all__ = [
    "ANSWERS_CELL_ID",
    "AssignError",
    "MARKDOWN_STUB",
    "add_answers",
    "assign",
    "make_exercise",
    "practice_pair",
    "read_notebook",
    "stub_solution",
]

AssignError = SolutionError
"""What ``kit assign`` raises: a solution notebook is malformed, or cannot be run; the message says how to fix it."""

MARKDOWN_STUB = "_Write your answer here._"
ANSWERS_CELL_ID = "kit-answers"

_ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)")
_TUPLE_ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\s*,?\s*=(?!=)")
_DEF = re.compile(r"^(\s*)def\s+\w+\s*\(.*\)\s*(->.*)?:\s*$")


def stub_solution(source: str, *, markdown: bool = False, where: str = "cell") -> str:
    """``source`` with every solution block replaced by a stub for the student."""
    out: list[str] = []
    for inside, lines in blocks(source, BEGIN_SOLUTION, END_SOLUTION, where):
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


def make_exercise(solution):
    """The student version of a solution notebook (an ``nbformat`` node), without the answers cell."""
    import copy

    nb = copy.deepcopy(solution)
    cells = []
    for i, cell in enumerate(nb.cells):
        where = f"cell {i + 1}"
        if is_question_cell(cell):
            continue
        source = cell.source
        if BEGIN_HIDDEN in source:
            source = strip_hidden(source, where)
            if not source.strip():
                continue
        cell.source = stub_solution(source, markdown=cell.cell_type == "markdown", where=where)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    nb.cells = cells
    return nb


def add_answers(exercise, expected: Expected):
    """The exercise with the cell that hands ``check(...)`` its questions and answers, before its first code cell."""
    import nbformat.v4 as v4

    source = ("# Added by `kit assign`: the questions, and the answers check() compares yours with, on your texts\n"
              "# and on the practice pair (kit/data/practice). Grading uses texts no one has seen. Do not edit.\n"
              "from kit.checks import expect\n"
              f"expect({pack(expected)!r})")
    cell = v4.new_code_cell(source, id=ANSWERS_CELL_ID,
                            metadata={"jupyter": {"source_hidden": True}, "tags": ["kit-answers"]})
    first_code = next((i for i, c in enumerate(exercise.cells) if c.cell_type == "code"), len(exercise.cells))
    exercise.cells.insert(first_code, cell)
    return exercise


def practice_pair() -> tuple[Path, Path]:
    """The Riverside practice pair shipped with the kit (``kit/data/practice``), in file-name order."""
    from importlib.resources import files

    folder = Path(str(files("kit").joinpath("data", "practice")))
    found = sorted(folder.glob("*.txt"))
    if len(found) != 2:
        raise AssignError(f"The practice pair is missing from {folder}. Reinstall the kit.")
    return found[0], found[1]


def _render(nb) -> str:
    import nbformat

    return nbformat.writes(nb) + "\n"


def _expected(jobs: Sequence[tuple[Path, object]], *, sandbox: bool, hide: Sequence[Path]) -> list[Expected]:
    """Run every solution on its own pair and on the practice pair; their questions and answers."""
    from kit.grade import GradeError, Text, TextPair, run_settings, solution_answers, solution_texts
    from kit.grade.folders import batch_folder

    try:
        settings = run_settings(sandbox=sandbox, hide=hide)
    except GradeError as err:
        raise AssignError(f"kit assign runs your solutions in the grader's sandbox, which cannot start: {err}") from None
    try:
        practice = tuple(Text(p.stem, p.read_text(encoding="utf-8")) for p in practice_pair())
        pairs = [(TextPair("your texts", *solution_texts(src)), TextPair("practice", *practice)) for src, _ in jobs]
        with batch_folder() as folder:
            answers = solution_answers([(src, pair) for (src, _), both in zip(jobs, pairs) for pair in both],
                                       settings, folder)
    except GradeError as err:
        raise AssignError(str(err)) from None
    out = []
    for n, ((src, solution), (own, practice_texts)) in enumerate(zip(jobs, pairs)):
        qs = read_questions(solution, src)
        named = [("your texts", own, answers[2 * n]), ("the practice pair", practice_texts, answers[2 * n + 1])]
        # A written answer's rubric stays with the teacher; hidden and written answers have no answer to ship.
        shown = tuple(q._replace(rubric="") for q in qs)
        out.append(Expected(assignment_of(src), shown, tuple(
            Answers(f"{label} ({pair.a.name} and {pair.b.name})", fingerprint(pair.a.text), fingerprint(pair.b.text),
                    {q.id: found[q.id] for q in qs if not q.hidden and not q.manual})
            for label, pair, found in named)))
    return out


def assign(solutions: Path | str = "solutions", exercises: Path | str = "exercises", *,
           check: bool = False, sandbox: bool = True) -> list[Path]:
    """Write ``exercises/`` from ``solutions/``, or with ``check=True`` only compare.

    Returns the exercise files that were (or, when checking, would be) written
    or removed. An empty list means everything was up to date. The solutions
    run in the grader's sandbox (``sandbox=False``: without it; they are your
    own code).
    """
    solutions, exercises = Path(solutions), Path(exercises)
    sources = sorted(solutions.glob("*.ipynb"))
    if not sources:
        raise AssignError(f"No solution notebooks in {solutions}/. Pass the folder that holds them: "
                          "kit assign SOLUTIONS --out EXERCISES.")
    jobs = []
    for src in sources:
        try:
            solution = read_notebook(src)
        except Exception as err:  # nbformat raises several kinds for broken JSON
            raise AssignError(f"{src} is not a readable notebook ({err}). Fix its JSON, or restore it from git.") from None
        try:
            exercise = make_exercise(solution)
        except AssignError as err:
            raise AssignError(f"{src}, {err}") from None
        read_questions(solution, src)  # a malformed block stops here, before anything runs
        jobs.append((src, solution, exercise))
    expected = _expected([(src, solution) for src, solution, _ in jobs], sandbox=sandbox,
                         hide=[solutions.resolve(), exercises.resolve()])
    stale: list[Path] = []
    wanted = set()
    for (src, _, exercise), answers in zip(jobs, expected):
        text = _render(add_answers(exercise, answers))
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
