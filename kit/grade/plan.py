"""Before grading: find the solution notebook, its texts and hidden tests, the second pair, and the expected answers.

The result is a :class:`~kit.grade.records.Plan`: everything the grader needs to run and judge every submission.
"""

from __future__ import annotations

import ast
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kit.checks import Question, assignment_names, questions, to_plain
from kit.grade.notebook import parameters_cell, read_submission
from kit.grade.records import SECOND_PAIR, YOUR_TEXTS, GradeError, HiddenTest, Plan, RunSettings, Text, TextPair
from kit.grade.unseen import new_seed, unseen_pair

__all__ = [
    "SEED_ATTEMPTS",
    "assignment_of",
    "find_solution",
    "hidden_tests",
    "make_plan",
    "second_pair",
    "solution_texts",
]

SEED_ATTEMPTS = 8
"""Seeds tried, one after the other, for a second pair on which every answer differs from the first."""


# --- finding the solution and the texts --------------------------------------------------


def assignment_of(path: Path) -> str:
    """The assignment a solution notebook is for: its file name without ``NN_`` and ``.ipynb``."""
    return re.sub(r"^\d+_", "", path.stem)


def _solution_dirs(extra: Path | str | None) -> list[Path]:
    dirs = [Path(extra)] if extra else []
    dirs += [Path.cwd() / "solutions", Path(__file__).resolve().parents[2] / "solutions"]
    return list(dict.fromkeys(d.resolve() for d in dirs))


def find_solution(assignment: str | Path, solutions: Path | str | None = None) -> tuple[str, Path]:
    """The assignment's name and its solution notebook.

    ``assignment`` is a name (``keyword_frequency``) or the path of a solution
    notebook (``solutions/01_keyword_frequency.ipynb``). Names are looked up as
    ``NN_<name>.ipynb`` in ``solutions``, then in ``./solutions`` and in the
    kit's own ``solutions/``.
    """
    path = Path(assignment)
    if path.suffix == ".ipynb" or path.is_file():
        if not path.is_file():
            raise GradeError(f"There is no solution notebook {str(path)!r}. Give a path to an existing .ipynb file, "
                             f"or an assignment name: {', '.join(assignment_names())}.")
        name = assignment_of(path)
        if name not in assignment_names():
            raise GradeError(f"{path.name} does not name a known assignment ({name!r}). Solution notebooks are named "
                             f"NN_<assignment>.ipynb, with one of: {', '.join(assignment_names())}.")
        return name, path.resolve()
    name = str(assignment)
    if name not in assignment_names():
        raise GradeError(f"Unknown assignment {name!r}. Choose one of: {', '.join(assignment_names())}, "
                         f"or give the path of a solution notebook.")
    looked = _solution_dirs(solutions)
    for folder in looked:
        found = sorted(folder.glob(f"*_{name}.ipynb")) + sorted(folder.glob(f"{name}.ipynb"))
        if found:
            return name, found[0]
    raise GradeError(f"No solution notebook for {name!r} (looked for *_{name}.ipynb in "
                     f"{', '.join(map(str, looked))}). Pass its path instead, or --solutions DIR.")


def _load(value: str, base: Path, what: str) -> Text:
    """A text named by a seed name or a path (relative to ``base``), as the kernel will get it."""
    from kit.texts import load_article

    for candidate in (Path(value).expanduser(), base / value):
        if candidate.is_file():
            value = str(candidate)
            break
    try:
        article = load_article(value)
    except (OSError, ValueError) as err:
        raise GradeError(f"Cannot load {what}: {err}") from None
    return Text(article.name, article.text)


def solution_texts(solution_path: Path) -> tuple[Text, Text]:
    """The two texts the solution's parameters cell names: the texts the students work with."""
    cells, why = read_submission(solution_path)
    if cells is None:
        raise GradeError(f"{solution_path} is not a readable notebook ({why[0]}). Restore it from git.")
    index = parameters_cell(cells)
    values: dict[str, Any] = {}
    if index is not None:
        for node in ast.parse(cells[index].source).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                try:
                    values[node.targets[0].id] = ast.literal_eval(node.value)
                except ValueError:
                    pass
    if not (isinstance(values.get("article_a"), str) and isinstance(values.get("article_b"), str)):
        raise GradeError(f"{solution_path} needs a cell tagged 'parameters' that sets article_a and article_b to "
                         "strings (seed names or paths): the texts the students work with.")
    return tuple(_load(values[k], solution_path.parent, f"the text {k} = {values[k]!r} of {solution_path.name}")
                 for k in ("article_a", "article_b"))  # type: ignore[return-value]


# --- hidden tests ---------------------------------------------------------------------


def _hidden_source(source: str) -> str:
    from kit.assign import BEGIN_HIDDEN, END_HIDDEN

    inside, kept = False, []
    for line in source.split("\n"):
        marker = line.strip()
        if marker == BEGIN_HIDDEN:
            inside = True
        elif marker == END_HIDDEN:
            inside = False
        elif inside:
            kept.append(line)
    return "\n".join(kept)


def _is_check_call(node: ast.stmt) -> bool:
    return (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name) and node.value.func.id == "check")


def _assigned_names(node: ast.stmt) -> tuple[str, ...]:
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        targets = [node.target]
    names: list[str] = []
    while targets:
        t = targets.pop(0)
        if isinstance(t, ast.Name):
            names.append(t.id)
        elif isinstance(t, (ast.Tuple, ast.List)):
            targets.extend(t.elts)
        elif isinstance(t, ast.Starred):
            targets.append(t.value)
    return tuple(names)


def hidden_tests(solution) -> list[HiddenTest]:
    """The hidden tests of a solution notebook (an nbformat node), statement by statement.

    ``check(...)`` calls are dropped: the grader judges the values itself.
    """
    from kit.assign import BEGIN_HIDDEN

    tests = []
    for n, cell in enumerate(solution.cells, 1):
        if cell.cell_type != "code" or BEGIN_HIDDEN not in cell.source:
            continue
        code = _hidden_source(cell.source)
        try:
            tree = ast.parse(code)
        except SyntaxError as err:
            raise GradeError(f"The hidden tests in solution cell {n} are not valid Python ({err.msg}, "
                             f"line {err.lineno}). Fix the solution notebook.") from None
        for node in tree.body:
            if not _is_check_call(node):
                tests.append(HiddenTest(cell.get("id"), ast.unparse(node), _assigned_names(node)))
    return tests


# --- the second pair and the expected answers ----------------------------------------------


Expected = Callable[[TextPair], dict[str, Any]]
"""Computes the expected answers of every question on a pair of texts (raises GradeError if it cannot)."""


def second_pair(first: TextPair, expected_first: dict[str, Any], expected: Expected, qs: Sequence[Question], *,
                seed: int | None = None) -> tuple[TextPair, dict[str, Any], int, list[str]]:
    """A pair no student has seen, made from the first by :func:`kit.grade.unseen_pair`.

    With ``seed``, exactly that pair. Otherwise up to :data:`SEED_ATTEMPTS` fresh
    seeds are tried until every visible question's answer differs from its
    answer on the first pair (an answer that stays the same could be typed in).
    Returns the pair, its expected answers, the seed, and the questions whose
    answer did not change.
    """
    start = new_seed() if seed is None else seed
    best = None
    for attempt in range(1 if seed is not None else SEED_ATTEMPTS):
        used = start + attempt
        x, y = unseen_pair(first.a.text, first.b.text, used)
        pair = TextPair(SECOND_PAIR, Text("a_unseen", x), Text("b_unseen", y))
        try:
            answers = expected(pair)
        except GradeError:
            if seed is not None:
                raise
            continue
        same = [q.id for q in qs if not q.hidden and answers.get(q.id) == expected_first.get(q.id)]
        if best is None or len(same) < len(best[3]):
            best = (pair, answers, used, same)
        if not same:
            break
    if best is None:
        raise GradeError(f"No second pair could be made from the texts {first.a.name} and {first.b.name}: the "
                         "expected answers could not be computed on any of them. Pass your own pair with "
                         "--texts A.txt B.txt.")
    return best


def _bank_expected(assignment: str, qs: Sequence[Question]) -> Expected:
    """Expected answers from the question bank, computed in the grader's process."""

    def expected(pair: TextPair) -> dict[str, Any]:
        from kit.checks import Checker

        checker = Checker(assignment, pair.a.text, pair.b.text)
        answers = {}
        for q in qs:
            try:
                answers[q.id] = to_plain(checker.expected(q.id))
            except Exception as err:  # a teacher's texts can break an expected-answer function
                raise GradeError(f"The expected answer of {q.id} cannot be computed on {pair.label} "
                                 f"({pair.a.name}, {pair.b.name}): {type(err).__name__}: {err}. "
                                 "Choose other texts.") from None
        return answers

    return expected


def make_plan(name: str, solution_path: Path, texts: Sequence[str | Path] | None, settings: RunSettings, *,
              seed: int | None = None) -> Plan:
    """Everything needed to grade submissions of one assignment (see :class:`~kit.grade.records.Plan`)."""
    import kit.assign

    # kit assign's reader, so cells without ids get the same ids as in the exercises
    try:
        solution = kit.assign.read_notebook(solution_path)
    except Exception as err:
        raise GradeError(f"{solution_path} is not a readable notebook ({err}). Restore it from git.") from None
    qs = tuple(questions(name))
    hidden = tuple(hidden_tests(solution))
    set_by_hidden = {n for t in hidden for n in t.sets}
    missing = [q.id for q in qs if q.hidden and q.id not in set_by_hidden]
    if missing:
        raise GradeError(f"The hidden questions {', '.join(missing)} are never set by the hidden tests of "
                         f"{solution_path.name}. Add `{missing[0]} = ...` between ### BEGIN HIDDEN TESTS and "
                         "### END HIDDEN TESTS.")
    first = TextPair(YOUR_TEXTS, *solution_texts(solution_path))
    expected = _bank_expected(name, qs)
    expected_first = expected(first)
    if texts is None:
        second, expected_second, seed, _ = second_pair(first, expected_first, expected, qs, seed=seed)
    else:
        if len(texts) != 2:
            raise GradeError("--texts takes exactly two files: A.txt B.txt.")
        second = TextPair(SECOND_PAIR, *(_load(str(t), Path.cwd(), f"--texts {t}") for t in texts))
        expected_second, seed = expected(second), None
    return Plan(name, qs, hidden, (first, second), (expected_first, expected_second), settings, seed,
                threading.Event())
