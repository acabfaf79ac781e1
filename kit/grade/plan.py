"""Before grading: find the solution notebook, its parameters and hidden tests, and the expected answers.

The result is a ``_Plan``: everything the grader needs to run and judge every submission."""

from __future__ import annotations

import ast
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kit.checks import Question, assignment_names, questions
from kit.grade.records import _HOLDOUT, SECOND_PAIR, YOUR_TEXTS, GradeError, HiddenTest, _Pair, _Plan

__all__ = [
    "_assignment_of",
    "_expected_answers",
    "_make_plan",
    "_parameters",
    "_solution_dirs",
    "_text_argument",
    "find_solution",
    "hidden_tests",
    "holdout_texts",
]


# --- finding the solution and the texts --------------------------------------------------


def _assignment_of(path: Path) -> str:
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
        name = _assignment_of(path)
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


def holdout_texts() -> tuple[Path, Path]:
    """The grader's default second pair of texts, shipped inside the package."""
    from importlib.resources import files

    folder = files("kit").joinpath("data", "holdout")
    paths = tuple(Path(str(folder.joinpath(name))) for name in _HOLDOUT)
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise GradeError(f"The grader's second pair of texts is missing ({', '.join(missing)}). "
                         "Reinstall the kit, or pass your own pair with --texts A.txt B.txt.")
    return paths  # type: ignore[return-value]


def _parameters(nb, path: Path) -> dict[str, Any]:
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            values: dict[str, Any] = {}
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    try:
                        values[node.targets[0].id] = ast.literal_eval(node.value)
                    except ValueError:
                        pass
            if isinstance(values.get("article_a"), str) and isinstance(values.get("article_b"), str):
                return values
            break
    raise GradeError(f"{path} needs a cell tagged 'parameters' that sets article_a and article_b to strings "
                     "(seed names or paths); the grader runs every notebook with these two names.")


def _text_argument(value: str, base: Path) -> str:
    """A seed name stays a name; a path becomes absolute, since kernels run elsewhere."""
    for candidate in (Path(value).expanduser(), base / value):
        if candidate.is_file():
            return str(candidate.resolve())
    return value


def _expected_answers(assignment: str, qs: Sequence[Question], a: str, b: str, label: str) -> dict[str, Any]:
    from kit.checks import Checker
    from kit.texts import load_article

    try:
        checker = Checker(assignment, load_article(a), load_article(b))
    except (OSError, ValueError) as err:
        raise GradeError(f"Cannot load {label} ({a}, {b}): {err}") from None
    expected = {}
    for q in qs:
        try:
            expected[q.id] = checker.expected(q.id)
        except Exception as err:  # a teacher's texts can break an expected-answer function
            raise GradeError(f"The expected answer of {q.id} cannot be computed on {label} ({a}, {b}): "
                             f"{type(err).__name__}: {err}. Choose other texts.") from None
    return expected


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


def _make_plan(name: str, solution_path: Path, texts, kernel: str, cell_timeout: float, total_timeout: float,
               output_cap: int) -> _Plan:
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
    params = _parameters(solution, solution_path)
    first = (_text_argument(params["article_a"], solution_path.parent),
             _text_argument(params["article_b"], solution_path.parent))
    if texts is None:
        second = tuple(str(p) for p in holdout_texts())
    else:
        if len(texts) != 2:
            raise GradeError("--texts takes exactly two files: A.txt B.txt.")
        second = tuple(_text_argument(str(t), Path.cwd()) for t in texts)
    pairs = tuple(_Pair(label, a, b, _expected_answers(name, qs, a, b, label))
                  for label, (a, b) in ((YOUR_TEXTS, first), (SECOND_PAIR, second)))
    return _Plan(name, qs, hidden, pairs, kernel, float(cell_timeout), float(total_timeout), output_cap,
                 threading.Event())
