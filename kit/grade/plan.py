"""Before grading: the solution, its questions, texts and hidden tests, the second pair, and the expected answers.

The expected answers are what the teacher's solution computes: it runs, in the
same runner and sandbox as the submissions, once on each pair of texts. A
solution that fails on a pair stops the batch before any student is graded.
The result is a :class:`~kit.grade.records.Plan`.
"""

from __future__ import annotations

import ast
import itertools
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import nbformat

from kit.checks import Question, compare, parse_code
from kit.grade.notebook import build_notebook, cell_question, cells_of, parameters_cell
from kit.grade.records import SECOND_PAIR, YOUR_TEXTS, GradeError, HiddenTest, Plan, RunSettings, Text, TextPair
from kit.grade.redact import cap
from kit.grade.run import run_notebook
from kit.grade.unseen import new_seed, unseen_pair
from kit.solution import (
    BEGIN_HIDDEN,
    END_HIDDEN,
    SolutionError,
    answer_cells,
    assignment_of,
    blocks,
    read_notebook,
    read_questions,
    strip_hidden,
)

__all__ = [
    "SEED_ATTEMPTS",
    "Solution",
    "find_solution",
    "hidden_tests",
    "make_plan",
    "second_pair",
    "solution_answers",
    "solution_texts",
    "unseen_texts",
]

SEED_ATTEMPTS = 8
"""Seeds tried, in turn, for a second pair on which every answer differs from the first."""


# --- finding the solution and its texts --------------------------------------------------


def _solution_dirs(extra: Path | str | None) -> list[Path]:
    dirs = [Path(extra)] if extra else []
    dirs += [Path.cwd() / "solutions", Path(__file__).resolve().parents[2] / "solutions"]
    return list(dict.fromkeys(d.resolve() for d in dirs))


def find_solution(assignment: str | Path, solutions: Path | str | None = None) -> tuple[str, Path]:
    """The assignment's name and its solution notebook.

    ``assignment`` is the path of a solution notebook (``solutions/01_keyword_frequency.ipynb``),
    or a name (``keyword_frequency``), looked up as ``NN_<name>.ipynb`` in
    ``solutions``, then in ``./solutions`` and in the kit's own ``solutions/``.
    """
    path = Path(assignment)
    if path.suffix == ".ipynb" or path.is_file():
        if not path.is_file():
            raise GradeError(f"There is no solution notebook {str(path)!r}. Give the path of an existing .ipynb file.")
        return assignment_of(path), path.resolve()
    looked = _solution_dirs(solutions)
    found = {assignment_of(p): p for folder in looked for p in sorted(folder.glob("*.ipynb"))}
    if str(assignment) in found:
        return str(assignment), found[str(assignment)].resolve()
    names = ", ".join(sorted(found)) or "none"
    raise GradeError(f"Unknown assignment {str(assignment)!r}. Choose one of: {names} (the solution notebooks in "
                     f"{', '.join(map(str, looked))}), or give the path of a solution notebook.")


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
    """The two texts the solution's parameters cell names (paths relative to the notebook's folder):
    the texts the students work with."""
    cells = cells_of(_read(solution_path))
    index = parameters_cell(cells)
    values: dict[str, Any] = {}
    if index is not None:
        for node in parse_code(cells[index].source).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                try:
                    values[node.targets[0].id] = ast.literal_eval(node.value)
                except ValueError:
                    pass
    if not (isinstance(values.get("article_a"), str) and isinstance(values.get("article_b"), str)):
        raise GradeError(f"{solution_path} needs a cell tagged 'parameters' that sets article_a and article_b to "
                         "strings (seed names, or paths relative to the notebook): the texts the students work with.")
    return tuple(_load(values[k], solution_path.parent, f"the text {k} = {values[k]!r} of {solution_path.name}")
                 for k in ("article_a", "article_b"))  # type: ignore[return-value]


def _read(path: Path):
    try:
        return read_notebook(path)
    except Exception as err:  # nbformat raises many kinds for a broken file
        raise GradeError(f"{path} is not a readable notebook ({err}). Restore it from git.") from None


# --- hidden tests ---------------------------------------------------------------------


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


def hidden_tests(solution, ids: Sequence[str] = ()) -> list[HiddenTest]:
    """The hidden tests of a solution notebook (an nbformat node), statement by statement.

    ``check(...)`` calls are dropped: the grader judges the values itself. ``ids``
    are the question ids, to name the question whose cell each test follows.
    """
    tests = []
    for n, cell in enumerate(solution.cells, 1):
        if cell.cell_type != "code" or BEGIN_HIDDEN not in cell.source:
            continue
        code = "\n".join(line for inside, lines in blocks(cell.source, BEGIN_HIDDEN, END_HIDDEN, f"cell {n}")
                         if inside for line in lines)
        try:
            tree = parse_code(code)
        except SyntaxError as err:
            raise GradeError(f"The hidden tests in solution cell {n} are not valid Python ({err.msg}, "
                             f"line {err.lineno}). Fix the solution notebook.") from None
        host = cell_question(strip_hidden(cell.source), ids)
        for node in tree.body:
            if not _is_check_call(node):
                tests.append(HiddenTest(cell.get("id"), ast.unparse(node), _assigned_names(node), host))
    return tests


# --- running the solution ------------------------------------------------------------------


class Solution:
    """A solution notebook, read once: its questions, its hidden tests, and :attr:`notebook`, what the runner runs
    (the solution as a submission, with its hidden tests in cells of their own)."""

    def __init__(self, path: Path):
        self.path = path
        nb = _read(path)
        try:
            self.questions = read_questions(nb, path)
        except SolutionError as err:
            raise GradeError(str(err)) from None
        self.hidden = tuple(hidden_tests(nb, [q.id for q in self.questions if not q.hidden]))
        self.written = tuple(answer_cells(nb, path).values()) if any(q.manual for q in self.questions) else ()
        set_by_hidden = {n for t in self.hidden for n in t.sets}
        missing = [q.id for q in self.questions if q.hidden and q.id not in set_by_hidden]
        if missing:
            raise GradeError(f"The hidden question {missing[0]} is never set by a hidden test of {path.name}. Add "
                             f"`{missing[0]} = ...` between {BEGIN_HIDDEN} and {END_HIDDEN}, or drop hidden: true.")
        # The solution runs as a submission would: hidden tests out of its cells, then put back by the builder.
        cells = [c._replace(source=strip_hidden(c.source)) for c in cells_of(nb)]
        built, _ = build_notebook(cells, [q.id for q in self.questions if not q.hidden and not q.manual],
                                  self.hidden, [q.id for q in self.questions if q.hidden])
        self.notebook = nbformat.writes(built)

    def answers(self, pair: TextPair, settings: RunSettings, workdir: Path) -> dict[str, Any]:
        """What the solution computes on ``pair``; raises GradeError if it fails or leaves a question unanswered."""
        saved, run = run_notebook(self.notebook, settings, pair, workdir)
        where = f"The solution {self.path.name} fails on {pair.label} ({pair.a.name}, {pair.b.name})"
        fix = ("Make it work on any pair of texts: kit grade also runs it on a pair made fresh for each batch, "
               "and kit assign on the practice pair.")
        if run.problems:
            raise GradeError(f"{where}: {cap(run.problems[0], 300)}. {fix}")
        automatic = [q for q in self.questions if not q.manual]  # written answers are the teacher's to grade
        for q in automatic:
            value = saved.get(q.id)
            if q.id not in saved or (isinstance(value, dict) and set(value) & {"__unanswered__", "__unserializable__"}):
                what = "never sets it" if q.id not in saved else "sets it to something that is not plain data"
                raise GradeError(f"{where}: the question {q.id} {what}. Set {q.id} to a list, dict, string or "
                                 "number, between ### BEGIN SOLUTION and ### END SOLUTION (or in a hidden test).")
        return {q.id: saved[q.id] for q in automatic}


def solution_answers(jobs: Sequence[tuple[Path, TextPair]], settings: RunSettings, folder: Path, *,
                     workers: int = 2) -> list[dict[str, Any]]:
    """Run each solution on its pair, ``workers`` at a time; the expected answers, in the order of ``jobs``.

    Raises GradeError for the first solution that fails.
    """
    solutions = {path: Solution(path) for path in dict.fromkeys(p for p, _ in jobs)}
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(jobs))), thread_name_prefix="kit-solution") as pool:
        futures = [pool.submit(solutions[path].answers, pair, settings, folder / f"solution-{n}")
                   for n, (path, pair) in enumerate(jobs)]
        return [f.result() for f in futures]


# --- the second pair ------------------------------------------------------------------------


AnswersOn = Callable[[Sequence[TextPair]], list["dict[str, Any] | GradeError"]]
"""Computes the expected answers on each pair (a GradeError where the solution fails on it)."""


def unseen_texts(first: TextPair, seed: int) -> TextPair:
    """The second pair that ``seed`` makes from the first (:func:`kit.grade.unseen_pair`)."""
    x, y = unseen_pair(first.a.text, first.b.text, seed)
    return TextPair(SECOND_PAIR, Text("a_unseen", x), Text("b_unseen", y))


def second_pair(first: TextPair, expected_first: dict[str, Any], expected: AnswersOn, qs: Sequence[Question], *,
                start: int, tried: Sequence[dict[str, Any] | GradeError] = (),
                at_once: int = 2) -> tuple[TextPair, dict[str, Any], int, list[str]]:
    """A pair no student has seen, made from the first, on which the answers change.

    Seeds ``start``, ``start + 1``, ... (up to :data:`SEED_ATTEMPTS`) are tried in
    turn, ``at_once`` together, until every visible question's answer differs from
    its answer on the first pair, by more than the question's tolerance (an answer
    that stays the same could be typed in); else the seed that changes the most
    answers, the earliest on a tie.
    ``tried`` are the expected answers on the first seeds, already computed.
    Returns the pair, its expected answers, the seed, and the questions whose
    answer did not change.
    """
    results = list(tried)
    best: tuple[TextPair, dict[str, Any], int, list[str]] | None = None
    failure: GradeError | None = None
    looked = 0
    while True:
        for used in range(start + looked, start + len(results)):
            answers = results[used - start]
            if isinstance(answers, GradeError):
                failure = answers
                continue
            # "the same" as the grader judges it: a number within the question's tolerance of the
            # first pair's would let an answer typed in from the first pair pass on this one too
            same = [q.id for q in qs if not q.hidden and not q.manual
                    and compare(expected_first.get(q.id), answers.get(q.id), order=q.order,
                                tolerance=q.tolerance) is None]
            if best is None or len(same) < len(best[3]):
                best = (unseen_texts(first, used), answers, used, same)
        looked = len(results)
        if (best is not None and not best[3]) or looked >= SEED_ATTEMPTS:
            break
        batch = range(start + looked, start + min(looked + at_once, SEED_ATTEMPTS))
        results += expected([unseen_texts(first, s) for s in batch])
    if best is None:
        raise GradeError(f"No second pair could be made from {first.a.name} and {first.b.name}: {failure} "
                         "Or pass your own pair with --texts A.txt B.txt.")
    return best


# --- the plan -------------------------------------------------------------------------------


def make_plan(solution_path: Path, texts: Sequence[str | Path] | None, settings: RunSettings, folder: Path, *,
              seed: int | None = None, workers: int = 2) -> Plan:
    """Everything needed to grade the submissions of one assignment (see :class:`~kit.grade.records.Plan`).

    The solution runs in ``folder``, ``workers`` runs at a time.
    """
    solution = Solution(solution_path)
    runs = itertools.count()  # a folder of its own for each run of the solution

    def expected(pairs: Sequence[TextPair]) -> list[dict[str, Any] | GradeError]:
        def one(pair: TextPair) -> dict[str, Any] | GradeError:
            try:
                return solution.answers(pair, settings, folder / f"solution-{next(runs)}")
            except GradeError as err:
                return err

        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(pairs)))) as pool:
            return list(pool.map(one, pairs))

    first = TextPair(YOUR_TEXTS, *solution_texts(solution_path))
    if texts is not None and len(texts) != 2:
        raise GradeError("--texts takes exactly two files: A.txt B.txt.")
    if texts is not None:
        given = TextPair(SECOND_PAIR, *(_load(str(t), Path.cwd(), f"--texts {t}") for t in texts))
    else:  # the pair of this seed, or the first one the search tries; it runs alongside the first pair
        start = new_seed() if seed is None else seed
        given = unseen_texts(first, start)
    answers = expected([first, given])
    if isinstance(answers[0], GradeError):
        raise answers[0]
    second = answers[1]
    if texts is None and seed is None:
        given, second, seed, _ = second_pair(first, answers[0], expected, solution.questions, start=start,
                                             tried=[second], at_once=max(1, workers))
    if isinstance(second, GradeError):
        raise second
    return Plan(assignment_of(solution_path), solution.questions, solution.hidden, (first, given),
                (answers[0], second), settings, seed if texts is None else None, threading.Event(), solution.written)
