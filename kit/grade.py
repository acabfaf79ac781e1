"""Grading a batch of submitted notebooks: ``kit grade``.

A teacher collects the students' notebooks and runs::

    kit grade keyword_frequency submissions/ --out grades/

Every notebook runs twice, each time in a fresh Jupyter kernel, on a temporary
copy (the student's file is never changed):

1. on **the student's texts**: the texts named in the solution's ``parameters``
   cell, the ones the student worked with;
2. on **the grader's second pair**, texts the student never saw (by default the
   invented Riverside pair shipped in ``kit/data/holdout/``; ``--texts A B``
   names another). An answer counts only when it is right on both runs, so an
   answer typed in by hand earns nothing. When the first run earns nothing,
   the second cannot change that and is skipped.

What the grader adds to the copy it runs
----------------------------------------
- **Hidden tests.** For every solution cell holding a ``### BEGIN HIDDEN TESTS``
  block, the hidden code goes back in right after the submission's cell with the
  same cell id (after the last one, if the student duplicated it), or at the end
  of the notebook if the student deleted that cell. Each statement runs in a cell
  of its own, so one failing hidden test does not stop the next, and ``check(...)``
  calls are dropped (the grader checks answers itself).
- **Collectors.** After every code cell, a small self-contained cell saves the
  values of the question variables (``q1_word_count``, ...) as JSON into the
  temporary folder, atomically (written aside, then renamed). It imports nothing
  from ``kit`` and resolves builtins in a namespace of its own, so neither a
  redefined ``check``, a patched ``kit``, nor a variable called ``list`` changes
  what it saves. A kernel that crashes or hangs keeps every answer saved before.

Trust
-----
Answers are judged in the grader's own process: the expected answers are
computed there (:meth:`kit.checks.Checker.expected`) and compared with
:func:`kit.checks.compare` to the JSON saved from the student's kernel. The
kernel only ever hands over plain data (lists, dicts, strings, numbers), so an
object whose ``__eq__`` always says True arrives as
``{"__unserializable__": "TypeName"}`` and earns nothing, and what the notebook's
own ``check`` printed is never read.

Robustness
----------
A cell that raises does not stop the notebook (nbclient's ``allow_errors``). A
cell that runs longer than ``--cell-timeout`` is interrupted and the notebook
goes on; a cell that ignores the interrupt, a notebook that runs longer than
``--total-timeout``, and a kernel that dies (``os._exit``) end that run, keeping
the answers saved so far. Output is capped. A file that is not a notebook, or
not valid JSON, is listed with the reason. Every student gets a row, a
``status`` and a ``reason``; the batch always finishes.

What is written into ``--out DIR``
----------------------------------
- ``grades.csv``: ``student`` (the file name without ``.ipynb``), one column per
  question (hidden ones too), ``total``, ``max``, ``status``, ``reason``. Rows
  are appended and flushed as each student finishes.
- ``feedback/<student>.html``: each question with its points and, when wrong,
  what kind of mistake it was, the hint, and which run failed. Hidden tests are
  named, never shown.
- ``summary.png``: a histogram of totals and the mean points per question.
- ``grade-state.json``: the run's settings; ``"finished"`` is filled in at the
  very end. With ``--lms canvas``, also ``gradebook-canvas.csv`` (see
  :func:`write_canvas_gradebook`).

Running again into the same folder: if the last run **finished**, its
``grades.csv`` is kept as ``grades-YYYYMMDD-HHMMSS.csv`` (the time it was last
written) and everyone is graded afresh. If it did **not** finish (the state file
has no ``"finished"`` time, because it was killed), the run **resumes**: the
students already in ``grades.csv`` are kept and not graded again
(``--no-resume`` starts over, keeping the partial file as a timestamped copy).
"""

from __future__ import annotations

import argparse
import ast
import csv
import html
import json
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from kit.checks import GRADING_ENV, Question, assignment_names, compare, questions

__all__ = [
    "DEFAULT_CELL_TIMEOUT",
    "DEFAULT_TOTAL_TIMEOUT",
    "Grade",
    "GradeError",
    "HiddenTest",
    "QuestionGrade",
    "RunSummary",
    "add_parser",
    "feedback_html",
    "find_solution",
    "grade",
    "hidden_tests",
    "holdout_texts",
    "write_canvas_gradebook",
    "write_summary",
]

DEFAULT_CELL_TIMEOUT = 60.0
"""Seconds one cell may run before it is interrupted."""
DEFAULT_TOTAL_TIMEOUT = 300.0
"""Seconds one run of a notebook may take, kernel start-up not included."""
OUTPUT_CAP = 100_000
"""Characters of cell output the grader keeps per run; the rest is dropped."""

GRADES_CSV = "grades.csv"
STATE_FILE = "grade-state.json"
CANVAS_CSV = "gradebook-canvas.csv"
LMS_CHOICES = ("canvas",)

OK, ERRORS, TIMEOUT, CRASHED, INVALID, FAILED = "ok", "errors", "timeout", "crashed", "invalid", "failed"
_SEVERITY = {OK: 0, ERRORS: 1, TIMEOUT: 2, CRASHED: 3, FAILED: 4, INVALID: 5}

YOUR_TEXTS = "your texts"
SECOND_PAIR = "the grader's second pair"

_TIMEOUT_ENAME = "kit-grade:timeout"  # not a Python name, so no student exception can fake it
_HOLDOUT = ("a_riverside_water.txt", "b_riverside_water.txt")


class GradeError(ValueError):
    """The grading cannot start: the message names the problem and the fix."""


# --- records ---------------------------------------------------------------------------


class QuestionGrade(NamedTuple):
    """The grade of one question for one student."""

    id: str
    earned: int
    points: int
    hidden: bool
    problem: str
    """Empty when right; otherwise what was wrong, with the hint. Never the answer."""


class RunSummary(NamedTuple):
    """How one run of a notebook went."""

    texts: str
    """``"your texts"`` or ``"the grader's second pair"``."""
    completed: bool
    """True when every cell was run (some may have raised)."""
    problems: tuple[str, ...]
    """What went wrong, in words, cell by cell."""


class Grade(NamedTuple):
    """The grade of one student: a row of ``grades.csv``."""

    student: str
    """The submission's file name without ``.ipynb``."""
    points: dict[str, int]
    """Points earned per question id, in notebook order (hidden questions too)."""
    total: int
    max: int
    status: str
    """``ok``, ``errors`` (some cells raised), ``timeout``, ``crashed`` (the kernel
    died), ``invalid`` (not a notebook) or ``failed`` (the grader could not run it)."""
    reason: str
    """Why the status is not ``ok``, or notes worth knowing; empty when all went well."""
    questions: tuple[QuestionGrade, ...] = ()
    runs: tuple[RunSummary, ...] = ()
    source: str = ""
    """The submission file (empty for a row kept from an earlier, interrupted run)."""


class HiddenTest(NamedTuple):
    """One statement of a solution's hidden tests, as the grader runs it."""

    cell_id: str | None
    """The id of the solution cell it came from."""
    code: str
    sets: tuple[str, ...]
    """The variable names it assigns."""


class _Pair(NamedTuple):
    label: str
    a: str
    b: str
    expected: dict[str, Any]


class _Plan(NamedTuple):
    assignment: str
    questions: tuple[Question, ...]
    hidden: tuple[HiddenTest, ...]
    pairs: tuple[_Pair, ...]
    kernel: str
    cell_timeout: float
    total_timeout: float
    output_cap: int
    stop: threading.Event


# --- finding the solution and the texts --------------------------------------------------


def _assignment_of(path: Path) -> str:
    return re.sub(r"^\d+_", "", path.stem)


def _solution_dirs(extra: Path | str | None) -> list[Path]:
    dirs = [Path(extra)] if extra else []
    dirs += [Path.cwd() / "solutions", Path(__file__).resolve().parents[1] / "solutions"]
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


# --- reading a submission -------------------------------------------------------------

_CELL_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


class _Cell(NamedTuple):
    kind: str
    source: str
    tags: tuple[str, ...]
    id: str | None
    """The id the student's file gave it (ids can repeat)."""
    number: int
    """Its position in the student's notebook, counting from 1."""


def _read_submission(path: Path) -> tuple[list[_Cell] | None, list[str]]:
    """The cells of a submission, or None and why it cannot be graded; plus notes."""
    try:
        data = path.read_bytes()
    except OSError as err:
        return None, [f"the file could not be read ({err.strerror or err})."]
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
    if isinstance(raw, dict) and raw.get("nbformat") == 3 and isinstance(raw.get("worksheets"), list):
        try:
            import nbformat

            raw = json.loads(json.dumps(nbformat.convert(nbformat.from_dict(raw), 4)))
        except Exception:
            return None, ["not a notebook nbformat can read (an old version 3 notebook that does not convert)."]
    if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
        return None, ["valid JSON, but not a notebook: it has no list of cells."]
    cells: list[_Cell] = []
    skipped = 0
    for number, cell in enumerate(raw["cells"], 1):
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
        cells.append(_Cell(kind, source, tuple(t for t in tags if isinstance(t, str)), cell_id, number))
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

# The collector runs in a namespace of its own, with the real builtins, so nothing
# the student named or patched (list, str, check, kit, json) changes what it saves.
# It mirrors kit.checks.to_plain, then writes JSON by hand, aside, then renames.
_COLLECTOR = r'''
import os
from collections.abc import Mapping

class Refused(Exception):
    pass

def type_name(value):
    try:
        return str.__str__(type(value).__name__)[:100]
    except Exception:
        return "object"

def plain(value, depth, budget):
    budget[0] -= 1
    if budget[0] < 0 or depth > 60:
        raise Refused("too large")
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is float or kind is str:
        return value
    for base in (bool, int, float, str):
        if isinstance(value, base):
            return plain(base(value), depth + 1, budget)
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            key = plain(str(k) if isinstance(k, str) else str(plain(k, depth + 1, budget)), depth + 1, budget)
            out[key] = plain(v, depth + 1, budget)
        return out
    if isinstance(value, (list, tuple)):
        return [plain(v, depth + 1, budget) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v, depth + 1, budget) for v in value), key=repr)
    try:
        tolist = value.tolist
    except AttributeError:
        raise Refused(type_name(value)) from None
    return plain(tolist(), depth + 1, budget)

ESCAPES = {i: "\\u%04x" % i for i in range(32)}
ESCAPES.update({i: "\\u%04x" % i for i in range(0xD800, 0xE000)})
ESCAPES[34], ESCAPES[92] = '\\"', "\\\\"
FLOATS = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}

def encode(value):
    kind = type(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        text = float.__repr__(value)
        return FLOATS.get(text, text)
    if kind is str:
        return '"' + str.translate(value, ESCAPES) + '"'
    if kind is list:
        return "[" + ",".join(encode(v) for v in value) + "]"
    if kind is dict:
        return "{" + ",".join(encode(k) + ":" + encode(v) for k, v in value.items()) + "}"
    raise Refused(type_name(value))

parts = []
for name in NAMES:
    if name not in NAMESPACE:
        continue
    value = NAMESPACE[name]
    if value is Ellipsis:
        text = '{"__unanswered__":true}'
    else:
        try:
            text = encode(plain(value, 0, [200000]))
        except Refused as err:
            text = encode({"__unserializable__": err.args[0]})
        except Exception:
            text = encode({"__unserializable__": type_name(value)})
    parts.append(encode(name) + ":" + text)
with open(PATH + ".tmp", "w", encoding="utf-8") as f:
    f.write("{" + ",".join(parts) + "}")
os.replace(PATH + ".tmp", PATH)
'''


def _collector_source(path: Path, names: Sequence[str]) -> str:
    return (
        "# Added by `kit grade`: saves the answers so far. It is not part of your notebook.\n"
        "import builtins as _kit_grade_builtins\n"
        f"_kit_grade_builtins.exec({_COLLECTOR!r}, {{'__builtins__': _kit_grade_builtins, "
        f"'NAMESPACE': _kit_grade_builtins.globals(), 'NAMES': {list(names)!r}, 'PATH': {str(path)!r}}})\n"
        "del _kit_grade_builtins"
    )


def _hidden_cell_source(test: HiddenTest) -> str:
    # Forget any value the student gave these names, so only the hidden code sets them.
    forget = "".join(f"try:\n    del {name}\nexcept NameError:\n    pass\n" for name in test.sets)
    return f"# Added by `kit grade`: a hidden test.\n{forget}{test.code}"


def _build_notebook(cells: list[_Cell], plan: _Plan, answers: Path) -> tuple[Any, list[str]]:
    """The notebook to run: the student's cells, hidden tests and collectors; plus notes."""
    import nbformat.v4 as v4

    visible = [q.id for q in plan.questions if not q.hidden]
    hidden_ids = {q.id for q in plan.questions if q.hidden}
    last_with_id = {c.id: i for i, c in enumerate(cells) if c.id}
    after: dict[int, list[tuple[int, HiddenTest]]] = {}
    at_end: list[tuple[int, HiddenTest]] = []
    for k, test in enumerate(plan.hidden):
        where = last_with_id.get(test.cell_id) if test.cell_id else None
        (after.setdefault(where, []) if where is not None else at_end).append((k, test))
    notes = []
    lost = sorted({t.cell_id for _, t in at_end if t.cell_id})
    if lost:
        notes.append(f"the cell(s) with id {', '.join(lost)} are missing, so the hidden tests that belong "
                     "after them ran at the end of the notebook.")

    out, used = [], set()

    def add(cell, meta: dict) -> None:
        cell.metadata["kit_grade"] = meta
        out.append(cell)

    def add_hidden(k: int, test: HiddenTest) -> None:
        add(v4.new_code_cell(_hidden_cell_source(test)), {"role": "hidden", "sets": list(test.sets)})
        names = [n for n in test.sets if n in hidden_ids]
        if names:
            add(v4.new_code_cell(_collector_source(answers / f"hidden-{k}.json", names)), {"role": "collector"})

    for i, c in enumerate(cells):
        meta = {"role": "student", "number": c.number, "line": _first_line(c.source)}
        make = {"code": v4.new_code_cell, "markdown": v4.new_markdown_cell, "raw": v4.new_raw_cell}[c.kind]
        cell = make(c.source)
        if c.id and _CELL_ID.match(c.id) and c.id not in used:
            cell.id = c.id
        used.add(cell.id)
        if c.tags:
            cell.metadata["tags"] = list(c.tags)
        add(cell, meta)
        if c.kind == "code":
            add(v4.new_code_cell(_collector_source(answers / "answers.json", visible)),
                {"role": "collector", "after": c.number})
        for k, test in after.get(i, []):
            add_hidden(k, test)
    for k, test in at_end:
        add_hidden(k, test)
    nb = v4.new_notebook(cells=out, metadata={
        "kernelspec": {"name": plan.kernel, "language": "python", "display_name": plan.kernel},
        "language_info": {"name": "python"},
    })
    return nb, notes


def _first_line(source: str) -> str:
    line = next((l.strip() for l in source.splitlines() if l.strip()), "")
    return line if len(line) <= 50 else line[:49] + "…"


# --- running one notebook -------------------------------------------------------------------


class _Run:
    """What happened during one run, filled in by the grading client as it goes."""

    def __init__(self, plan: _Plan, workdir: Path):
        self.plan = plan
        self.workdir = workdir
        self.deadline = float("inf")
        self.problems: list[str] = []
        self.kinds: set[str] = set()
        self.hidden_errors: dict[str, str] = {}
        self.completed = False
        self.output_kept = 0
        self.output_cut = False

    def start_clock(self) -> None:
        self.deadline = time.monotonic() + self.plan.total_timeout

    def over(self) -> bool:
        return time.monotonic() >= self.deadline or self.plan.stop.is_set()

    def timeout_for(self, cell) -> float:
        return max(1.0, min(self.plan.cell_timeout, self.deadline - time.monotonic()))

    def note(self, kind: str, text: str) -> None:
        self.kinds.add(kind)
        self.problems.append(text)

    @staticmethod
    def where(cell) -> str:
        meta = cell.metadata.get("kit_grade", {})
        role = meta.get("role")
        if role == "student":
            line = f" (`{meta['line']}`)" if meta.get("line") else ""
            return f"cell {meta['number']}{line}"
        if role == "hidden":
            return f"the hidden test of {', '.join(meta.get('sets') or ['your code'])}"
        if role == "collector":
            return "the grader's step that saves answers"
        return "the cell where the grader sets the texts"

    def error(self, cell, ename: str, evalue: str) -> None:
        meta = cell.metadata.get("kit_grade", {})
        if meta.get("role") == "hidden":
            for name in meta.get("sets", []):
                self.hidden_errors[name] = ename
            self.note("error", f"{self.where(cell)} raised {ename} when it ran your code")
        else:
            evalue = evalue if len(evalue) <= 200 else evalue[:199] + "…"
            self.note("error", f"{self.where(cell)} raised {ename}: {evalue}".rstrip(": "))

    def timed_out(self, cell) -> None:
        if self.over():
            self.total_limit(cell)
        else:
            self.note("timeout", f"{self.where(cell)} ran longer than {self.plan.cell_timeout:g} s and was "
                                 "stopped; the cells after it still ran")

    def total_limit(self, cell) -> None:
        if self.plan.stop.is_set():
            self.note("failed", "grading was stopped by the teacher before this notebook finished")
        else:
            self.note("total", f"the notebook ran longer than the total limit of {self.plan.total_timeout:g} s; "
                               f"it was stopped at {self.where(cell)}")

    def stuck(self, cell) -> None:
        limit = f"the total limit of {self.plan.total_timeout:g} s" if self.over() else f"{self.plan.cell_timeout:g} s"
        self.note("stuck", f"{self.where(cell)} ran longer than {limit} and did not stop when interrupted, "
                           "so nothing after it ran")

    def crashed(self, cell) -> None:
        self.note("crash", f"the kernel died (it crashed, or the code made Python exit) in {self.where(cell)}; "
                           "nothing after it ran")


_ENGINE_LOCK = threading.Lock()
_ENGINE: list[str] = []


def _engine() -> str:
    """Register (once) and name the papermill engine that grades."""
    with _ENGINE_LOCK:
        if _ENGINE:
            return _ENGINE[0]
        import logging
        import subprocess

        import nbformat.v4 as v4
        from nbclient.exceptions import CellTimeoutError, DeadKernelError
        from papermill.clientwrap import PapermillNotebookClient
        from papermill.engines import NBClientEngine, papermill_engines

        quiet = logging.getLogger("kit.grade.kernel")
        quiet.addHandler(logging.NullHandler())
        quiet.propagate = False

        class GradingClient(PapermillNotebookClient):
            """Runs every cell (errors allowed), stops on a dead or stuck kernel, caps output."""

            def __init__(self, nb_man, run: _Run, **kw):
                super().__init__(nb_man, **kw)
                self.run = run
                self.reply: dict = {}
                self.on_cell_executed = self._remember_reply

            def _remember_reply(self, cell, cell_index, execute_reply, **_):
                self.reply = (execute_reply or {}).get("content") or {}

            def execute(self, **kwargs):
                self.reset_execution_trackers()
                with self.setup_kernel(**kwargs):
                    self._execute_cells()
                return self.nb

            def _execute_cells(self) -> None:
                run = self.run
                run.start_clock()
                for index, cell in enumerate(self.nb.cells):
                    if cell.cell_type != "code":
                        continue
                    if run.over():
                        run.total_limit(cell)
                        return
                    self.reply = {}
                    try:
                        self.execute_cell(cell, index)
                    except CellTimeoutError:
                        run.stuck(cell)
                        return
                    except DeadKernelError:
                        run.crashed(cell)
                        return
                    if self.reply.get("status") == "error":
                        if self.reply.get("ename") == _TIMEOUT_ENAME:
                            run.timed_out(cell)
                            if run.over():
                                return
                        else:
                            run.error(cell, str(self.reply.get("ename")), str(self.reply.get("evalue", "")))
                run.completed = True

            def output(self, outs, msg, display_id, cell_index):
                content = msg.get("content", {})
                size = len(str(content.get("text", ""))) + sum(len(str(v)) for v in content.get("data", {}).values())
                run = self.run
                if run.output_kept + size > run.plan.output_cap:
                    if not run.output_cut:
                        run.output_cut = True
                        outs.append(v4.new_output("stream", name="stderr", text="[kit grade: output cut here]\n"))
                    return None
                run.output_kept += size
                return super().output(outs, msg, display_id, cell_index)

        class GradingEngine(NBClientEngine):
            @classmethod
            def execute_managed_notebook(cls, nb_man, kernel_name, run: _Run, start_timeout=60, **kwargs):
                client = GradingClient(
                    nb_man, run,
                    kernel_name=kernel_name, log=quiet, startup_timeout=start_timeout,
                    timeout=run.plan.cell_timeout, timeout_func=run.timeout_for,
                    interrupt_on_timeout=True,
                    error_on_timeout={"ename": _TIMEOUT_ENAME, "evalue": "", "traceback": []},
                    allow_errors=True, record_timing=False, shutdown_kernel="immediate",
                )
                # GRADING_ENV: inside the kernel, checks only record and expected
                # answers cannot be looked up (see kit.checks.grading).
                env = {**os.environ, GRADING_ENV: "1"}
                return client.execute(cwd=str(run.workdir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      env=env)

        papermill_engines.register("kit-grade", GradingEngine)
        _ENGINE.append("kit-grade")
        return _ENGINE[0]


def _run_notebook(cells: list[_Cell], plan: _Plan, pair: _Pair, workdir: Path) -> tuple[_Run, dict[str, Any], list[str]]:
    """Run the submission once on one pair of texts; the run, the saved answers, notes."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    answers = workdir / "answers"
    answers.mkdir(parents=True)
    nb, notes = _build_notebook(cells, plan, answers)
    copy = workdir / "submission.ipynb"
    copy.write_text(nbformat.writes(nb), encoding="utf-8")
    run = _Run(plan, workdir)
    try:
        papermill.execute_notebook(
            str(copy), None, parameters={"article_a": pair.a, "article_b": pair.b},
            engine_name=_engine(), kernel_name=plan.kernel, language="python",
            progress_bar=False, request_save_on_cell_execute=False, run=run,
        )
    except PapermillExecutionError:
        pass  # cells raised: already noted, and the run went on past them
    except Exception as err:  # the kernel could not start, or nbclient gave up
        if not run.kinds & {"crash", "stuck", "total"}:
            run.note("failed", f"the grader could not run the notebook: {type(err).__name__}: {err}")
    if run.output_cut:
        run.problems.append(f"the output was cut after {plan.output_cap:,} characters")
    saved: dict[str, Any] = {}
    for file in sorted(answers.glob("*.json")):
        try:
            values = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(values, dict):
            saved.update(values)
    return run, saved, notes


# --- judging ----------------------------------------------------------------------------


def _markers(value: Any) -> str | None:
    """The type named in the first unserializable marker inside ``value``, if any."""
    if isinstance(value, dict):
        if set(value) == {"__unserializable__"}:
            return str(value["__unserializable__"])
        items: Iterable[Any] = value.values()
    elif isinstance(value, list):
        items = value
    else:
        return None
    for item in items:
        found = _markers(item)
        if found:
            return found
    return None


def _judge(q: Question, expected: Any, saved: dict[str, Any], run: _Run) -> str | None:
    """None when right, else what is wrong (for hidden questions, nothing of the test itself)."""
    if q.id not in saved:
        if q.hidden:
            ename = run.hidden_errors.get(q.id)
            return f"the hidden test raised {ename} when it ran your code." if ename else "the hidden test could not run."
        if not run.completed:
            return f"not answered: there is no variable {q.id}; the notebook stopped before the end, perhaps before it."
        return f"not answered: there is no variable {q.id} (was its cell deleted, or did it raise an error?)."
    value = saved[q.id]
    if value == {"__unanswered__": True}:
        return f"not answered yet: replace the ... with {q.kind}."
    refused = _markers(value)
    if refused:
        return f"wrong type: answers must be plain data (lists, dicts, strings, numbers), not {refused}."
    problem = compare(expected, value, order=q.order, tolerance=q.tolerance)
    if problem is not None and q.hidden:
        return "not right."
    return problem


def _grade_runs(student: str, source: Path, plan: _Plan, results: list[tuple[_Run, dict[str, Any]]],
                notes: list[str]) -> Grade:
    graded = []
    for q in plan.questions:
        problem = ""
        for (run, saved), pair in zip(results, plan.pairs):
            wrong = _judge(q, pair.expected[q.id], saved, run)
            if wrong is None:
                continue
            if pair.label == YOUR_TEXTS:
                problem = f"{wrong} Hint: {q.hint}"
            else:
                problem = (f"right on your texts, but not on {SECOND_PAIR}: {wrong} An answer must be computed "
                           f"from the texts, not typed in. Hint: {q.hint}")
            break
        if len(results) < len(plan.pairs) and not problem:  # cannot happen: skipped only when all are wrong
            problem = "not checked on the grader's second pair."
        graded.append(QuestionGrade(q.id, 0 if problem else q.points, q.points, q.hidden, problem))
    runs = tuple(RunSummary(pair.label, run.completed, tuple(run.problems))
                 for (run, _), pair in zip(results, plan.pairs))
    status = OK
    for run, _ in results:
        for kind in run.kinds:
            status = max(status, {"error": ERRORS, "timeout": TIMEOUT, "total": TIMEOUT, "stuck": TIMEOUT,
                                  "crash": CRASHED, "failed": FAILED}[kind], key=_SEVERITY.__getitem__)
    return Grade(student, {g.id: g.earned for g in graded}, sum(g.earned for g in graded),
                 sum(g.points for g in graded), status, _reason(runs, notes), tuple(graded), runs, str(source))


def _reason(runs: Sequence[RunSummary], notes: Sequence[str]) -> str:
    seen: dict[str, list[str]] = {}
    for run in runs:
        for problem in run.problems:
            seen.setdefault(problem, []).append(run.texts)
    parts = []
    for problem, labels in seen.items():
        both = len(labels) > 1 or len(runs) == 1
        parts.append(problem if both else f"{problem} (on {labels[0]})")
    text = " ".join("; ".join(parts + list(notes)).split())
    return text if len(text) <= 600 else text[:599] + "…"


def _invalid(student: str, source: Path, plan: _Plan, why: str) -> Grade:
    graded = tuple(QuestionGrade(q.id, 0, q.points, q.hidden, "the notebook could not be read.")
                   for q in plan.questions)
    return Grade(student, {q.id: 0 for q in plan.questions}, 0, sum(q.points for q in plan.questions),
                 INVALID, why, graded, (), str(source))


def _grade_one(student: str, source: Path, plan: _Plan) -> Grade:
    """Grade one submission; never raises, so the batch always finishes."""
    try:
        cells, notes = _read_submission(source)
        if cells is None:
            return _invalid(student, source, plan, notes[0])
        results: list[tuple[_Run, dict[str, Any]]] = []
        with tempfile.TemporaryDirectory(prefix="kit-grade-", ignore_cleanup_errors=True) as tmp:
            for n, pair in enumerate(plan.pairs):
                run, saved, build_notes = _run_notebook(cells, plan, pair, Path(tmp) / f"run{n + 1}")
                results.append((run, saved))
                notes = notes + [note for note in build_notes if note not in notes]
                right = [q for q in plan.questions if _judge(q, pair.expected[q.id], saved, run) is None]
                if not right or plan.stop.is_set():
                    break  # nothing is right yet: the other run cannot change the grade
        return _grade_runs(student, source, plan, results, notes)
    except Exception as err:  # a bug or an environment problem must not end the batch
        grade_ = _invalid(student, source, plan, f"the grader failed on this file: {type(err).__name__}: {err}")
        return grade_._replace(status=FAILED)


# --- the output folder ------------------------------------------------------------------------


def _header(plan_questions: Sequence[Question]) -> list[str]:
    return ["student", *[q.id for q in plan_questions], "total", "max", "status", "reason"]


def _row(g: Grade, qs: Sequence[Question]) -> list[str]:
    return [g.student, *[str(g.points.get(q.id, 0)) for q in qs], str(g.total), str(g.max), g.status, g.reason]


def _stamp(path: Path) -> Path:
    stamp = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}-{stamp}{path.suffix}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.stem}-{stamp}-{n}{path.suffix}")
        n += 1
    return target


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _read_rows(path: Path, header: list[str]) -> list[list[str]] | None:
    """The complete rows of a grades file, or None when its columns are not ``header``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.endswith("\n"):
        text = text[: text.rfind("\n") + 1]  # a row cut short by a kill
    import io

    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0] != header:
        return None
    good = []
    for row in rows[1:]:
        if len(row) == len(header) and all(x.lstrip("-").isdigit() for x in row[1:-2]):
            good.append(row)
    return good


def _grade_from_row(row: list[str], qs: Sequence[Question]) -> Grade:
    points = {q.id: int(x) for q, x in zip(qs, row[1:])}
    graded = tuple(QuestionGrade(q.id, points[q.id], q.points, q.hidden,
                                 "" if points[q.id] == q.points else "graded in an earlier run: see its feedback page.")
                   for q in qs)
    n = len(qs)
    return Grade(row[0], points, int(row[n + 1]), int(row[n + 2]), row[n + 3], row[n + 4], graded)


class _Book:
    """The output folder: grades.csv (appended as students finish), feedback, state."""

    def __init__(self, out: Path, plan: _Plan, state: dict, resume: bool):
        self.out = out
        self.plan = plan
        self.header = _header(plan.questions)
        self.grades_path = out / GRADES_CSV
        self.state_path = out / STATE_FILE
        self.state = state
        self.done: dict[str, Grade] = {}
        self.archived: list[Path] = []
        out.mkdir(parents=True, exist_ok=True)
        (out / "feedback").mkdir(exist_ok=True)
        previous = self._previous_state()
        rows = _read_rows(self.grades_path, self.header) if self.grades_path.exists() else None
        resumable = (resume and previous is not None and not previous.get("finished")
                     and previous.get("assignment") == plan.assignment and rows is not None)
        if resumable:
            self.done = {row[0]: _grade_from_row(row, plan.questions) for row in rows}
            self._write_rows(rows)  # drop a row cut short
            self.state["started"] = previous.get("started", self.state["started"])
            self.state["resumed"] = previous.get("resumed", 0) + 1
        else:
            for name in (GRADES_CSV, CANVAS_CSV):
                if (out / name).exists():
                    target = _stamp(out / name)
                    os.replace(out / name, target)
                    self.archived.append(target)
            self._write_rows([])
        _write_atomic(self.state_path, json.dumps(self.state, indent=2) + "\n")
        self._file = open(self.grades_path, "a", encoding="utf-8", newline="")
        self._csv = csv.writer(self._file)

    def _previous_state(self) -> dict | None:
        try:
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) else None

    def _write_rows(self, rows: list[list[str]]) -> None:
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.header)
        writer.writerows(rows)
        _write_atomic(self.grades_path, buffer.getvalue())

    def add(self, g: Grade) -> None:
        """Write the student's feedback, then append their row and flush it to disk."""
        _write_atomic(self.out / "feedback" / f"{g.student}.html", feedback_html(g, self.plan.assignment))
        self._csv.writerow(_row(g, self.plan.questions))
        self._file.flush()
        os.fsync(self._file.fileno())
        self.done[g.student] = g

    def close(self) -> None:
        self._file.close()

    def finish(self, lms: str | None, lms_column: str | None) -> list[Path]:
        self.close()
        rows = _read_rows(self.grades_path, self.header) or []
        everyone = [_grade_from_row(row, self.plan.questions) for row in rows]
        written = [self.grades_path, self.out / "feedback"]
        if everyone:
            written.append(write_summary(everyone, self.plan.questions, self.out / "summary.png"))
        if lms == "canvas":
            written.append(write_canvas_gradebook(everyone, self.out / CANVAS_CSV,
                                                  column=lms_column or self.plan.assignment))
        self.state["finished"] = datetime.now().isoformat(timespec="seconds")
        _write_atomic(self.state_path, json.dumps(self.state, indent=2) + "\n")
        return written


# --- feedback, summary, gradebook ----------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #1f2328; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #d0d7de; padding: .4em; text-align: left; vertical-align: top; }
.right { color: #1a7f37; } .wrong { color: #cf222e; } .note { color: #59636e; } code { background: #f6f8fa; }
"""


def feedback_html(g: Grade, assignment: str) -> str:
    """One student's feedback page. Everything that came from the student is escaped."""
    e = html.escape
    rows = []
    for q in g.questions:
        mark = '<span class="right">✓</span>' if not q.problem else '<span class="wrong">✗</span>'
        name = f"<code>{e(q.id)}</code>" + (' <span class="note">(hidden test)</span>' if q.hidden else "")
        rows.append(f"<tr><td>{mark} {name}</td><td>{q.earned}/{q.points}</td><td>{e(q.problem)}</td></tr>")
    runs = []
    for run in g.runs:
        state = "ran to the end" if run.completed else "did not run to the end"
        items = "".join(f"<li>{e(p)}</li>" for p in run.problems) or "<li>no problems</li>"
        runs.append(f"<h3>On {e(run.texts)}: {state}</h3><ul>{items}</ul>")
    status = "" if g.status == OK else f"<p><strong>Status: {e(g.status)}.</strong></p>"
    reason = f"<p>In short: {e(g.reason)}</p>" if g.reason else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(assignment)}: {e(g.student)}</title><style>{_STYLE}</style></head>
<body>
<h1>{e(assignment)}: feedback for {e(g.student)}</h1>
<p><strong>{g.total} of {g.max} points.</strong></p>
{status}{reason}
<p class="note">Your notebook was run from top to bottom in a fresh kernel on your texts and, if some answers
were right, again on a second pair of texts you have not seen. An answer counts when it is right on both,
so compute answers from the texts rather than typing them in. Hidden tests try your code on other inputs;
they are named here, but not shown.</p>
<table><tr><th>question</th><th>points</th><th>what was wrong</th></tr>
{''.join(rows)}
</table>
<h2>Running your notebook</h2>
{''.join(runs) or '<p>It was not run.</p>'}
</body></html>
"""


def write_summary(grades: Sequence[Grade], qs: Sequence[Question], path: Path) -> Path:
    """A histogram of totals and the mean points per question, as a PNG (no display needed)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 4.5), layout="constrained")
    FigureCanvasAgg(fig)
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.6])
    top = max((g.max for g in grades), default=0) or 1
    left.hist([g.total for g in grades], bins=range(0, top + 2), align="left", color="#4c72b0", rwidth=0.85)
    left.set(title=f"Totals ({len(grades)} students)", xlabel=f"points (of {top})", ylabel="students")
    ids = [q.id for q in qs]
    means = [sum(g.points.get(i, 0) for g in grades) / len(grades) for i in ids]
    right.bar(ids, [q.points for q in qs], color="#e5e5e5", label="points possible")
    right.bar(ids, means, color="#55a868", label="mean earned")
    right.set(title="Mean points per question", ylabel="points")
    right.tick_params(axis="x", labelrotation=60, labelsize=8)
    right.legend(fontsize=8)
    fig.savefig(path, dpi=100)
    return path


_CANVAS_NAME = re.compile(r"^(?P<name>[^_]+)_(?:late_)?(?P<id>\d+)_(?P<submission>\d+)_.+$", re.IGNORECASE)


def write_canvas_gradebook(grades: Sequence[Grade], path: Path, *, column: str) -> Path:
    """A CSV that Canvas's gradebook imports (Grades > Import).

    Columns: ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``,
    then one column named ``column`` holding each student's total. Canvas
    matches rows by ``ID``, which is read from the file names Canvas gives when
    you download all submissions (``name_12345_67890_file.ipynb``: 12345 is the
    ID; ``name_late_12345_...`` too). For other file names, ``Student`` is the
    file name and ``ID`` is empty, and Canvas asks you to match those rows by
    hand. A column named like an existing assignment, ``Keyword frequency
    (4321)`` with its Canvas id in brackets, fills that assignment; any other
    name creates a new assignment.
    """
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", column])
        for g in grades:
            m = _CANVAS_NAME.match(g.student)
            writer.writerow([m["name"] if m else g.student, m["id"] if m else "", "", "", "", g.total])
    return path


# --- the batch ----------------------------------------------------------------------------


def _submission_files(items: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            found = sorted(q for q in p.glob("*.ipynb") if q.is_file())
            if not found:
                raise GradeError(f"The folder {p} holds no .ipynb files. Pass the notebooks, or the folder they are in.")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise GradeError(f"There is no file or folder {str(p)!r}. Pass submitted .ipynb files, or a folder of them.")
    if not files:
        raise GradeError("No submissions given. Pass submitted .ipynb files, or a folder of them.")
    by_name: dict[str, list[Path]] = {}
    for f in dict.fromkeys(p.resolve() for p in files):
        by_name.setdefault(f.stem, []).append(f)
    clashes = {k: v for k, v in by_name.items() if len(v) > 1}
    if clashes:
        first = next(iter(clashes.values()))
        raise GradeError(f"Two submissions would get the same row, {first[0].stem!r}: "
                         f"{', '.join(map(str, first))}. Rename one; each student is named by the file name.")
    return [v[0] for v in by_name.values()]


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _check_kernel(name: str) -> None:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(name)
    except NoSuchKernel:
        raise GradeError(f"There is no Jupyter kernel named {name!r}. Choose one with --kernel, or install "
                         f"this Python's: {sys.executable} -m ipykernel install --user --name {name}") from None


def grade(
    assignment: str | Path,
    submissions: Iterable[str | Path],
    out: str | Path,
    *,
    texts: tuple[str | Path, str | Path] | None = None,
    cell_timeout: float = DEFAULT_CELL_TIMEOUT,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
    workers: int | None = None,
    lms: str | None = None,
    lms_column: str | None = None,
    kernel: str = "python3",
    solutions: str | Path | None = None,
    resume: bool = True,
    progress: bool = True,
    output_cap: int = OUTPUT_CAP,
) -> list[Grade]:
    """Grade the submitted notebooks; write ``out``; return one :class:`Grade` per submission.

    - ``assignment``: a name (``keyword_frequency``) or a solution notebook's path.
    - ``submissions``: notebook files, or folders of them (``*.ipynb``).
    - ``texts``: the second pair of texts; by default the Riverside pair in
      ``kit/data/holdout/``.
    - ``cell_timeout``: seconds one cell may run before it is interrupted.
    - ``total_timeout``: seconds one run of a notebook may take.
    - ``workers``: notebooks graded at the same time (default: one per core).
    - ``lms``: also write a gradebook to import, ``"canvas"`` only so far;
      ``lms_column`` names its grade column (default: the assignment).
    - ``resume``: continue an interrupted run into ``out`` (see the module doc).

    Results come in the order of ``submissions``.
    """
    if lms is not None and lms not in LMS_CHOICES:
        raise GradeError(f"Unknown LMS {lms!r}. Choose one of: {', '.join(LMS_CHOICES)}.")
    if cell_timeout <= 0 or total_timeout <= 0:
        raise GradeError("Timeouts must be positive numbers of seconds.")
    name, solution_path = find_solution(assignment, solutions)
    files = _submission_files(submissions)
    plan = _make_plan(name, solution_path, texts, kernel, cell_timeout, total_timeout, output_cap)
    _check_kernel(kernel)
    out = Path(out)
    state = {
        "assignment": name, "solution": str(solution_path),
        "texts": [[p.label, p.a, p.b] for p in plan.pairs],
        "cell_timeout": cell_timeout, "total_timeout": total_timeout,
        "started": datetime.now().isoformat(timespec="seconds"), "finished": None,
    }
    book = _Book(out, plan, state, resume)
    todo = [f for f in files if f.stem not in book.done]
    results: dict[str, Grade] = {f.stem: book.done[f.stem] for f in files if f.stem in book.done}
    try:
        _grade_all(todo, plan, book, results, workers or _default_workers(), progress)
    except BaseException:
        plan.stop.set()
        book.close()
        raise
    book.finish(lms, lms_column)
    return [results[f.stem] for f in files]


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


def _grade_all(todo: list[Path], plan: _Plan, book: _Book, results: dict[str, Grade], workers: int,
               progress: bool) -> None:
    import logging
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from tqdm import tqdm

    if not todo:
        return
    papermill_log = logging.getLogger("papermill")
    level = papermill_log.level
    papermill_log.setLevel(logging.CRITICAL)  # "no parameters cell" and the like: reported per student
    _engine()
    try:
        with ThreadPoolExecutor(max_workers=min(workers, len(todo)), thread_name_prefix="kit-grade") as pool, \
                tqdm(total=len(todo), desc=f"grading {plan.assignment}", unit="notebook", file=sys.stderr,
                     disable=not progress, leave=True) as bar:
            futures = {pool.submit(_grade_one, f.stem, f, plan): f for f in todo}
            try:
                for future in as_completed(futures):
                    g = future.result()
                    book.add(g)
                    results[g.student] = g
                    bar.set_postfix_str(f"{g.student}: {g.total}/{g.max} {g.status}", refresh=False)
                    bar.update()
            except BaseException:
                plan.stop.set()
                for f in futures:
                    f.cancel()
                raise
    finally:
        papermill_log.setLevel(level)


# --- the command line ------------------------------------------------------------------------


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``kit grade`` to the ``kit`` command's subcommands."""
    p = sub.add_parser(
        "grade", help="grade submitted notebooks",
        description="Run each submitted notebook twice (on the student's texts and on a second pair they never "
                    "saw), in fresh kernels, in parallel, and write grades.csv, feedback/<student>.html and "
                    "summary.png into --out.",
        epilog="Example: kit grade keyword_frequency submissions/ --out grades/ --lms canvas. "
               "Running again into the same --out resumes a run that was interrupted (students already in "
               "grades.csv are kept); after a run that finished, its grades.csv is kept as grades-<time>.csv.",
    )
    p.add_argument("assignment", help=f"an assignment ({', '.join(assignment_names())}) or a solution notebook")
    p.add_argument("submissions", nargs="+", metavar="SUBMISSION", help="submitted .ipynb files, or folders of them")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for grades.csv, feedback/ and summary.png")
    p.add_argument("--texts", nargs=2, metavar=("A", "B"),
                   help="the second pair of texts (default: the Riverside pair in kit/data/holdout/)")
    p.add_argument("--cell-timeout", type=float, default=DEFAULT_CELL_TIMEOUT, metavar="S",
                   help=f"seconds a cell may run before it is interrupted (default: {DEFAULT_CELL_TIMEOUT:g})")
    p.add_argument("--total-timeout", type=float, default=DEFAULT_TOTAL_TIMEOUT, metavar="S",
                   help=f"seconds one run of a notebook may take (default: {DEFAULT_TOTAL_TIMEOUT:g})")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help=f"notebooks graded at once (default: one per core, here {_default_workers()})")
    p.add_argument("--lms", choices=LMS_CHOICES, help=f"also write a gradebook to import ({CANVAS_CSV} for canvas)")
    p.add_argument("--lms-column", metavar="NAME",
                   help="the gradebook's grade column, e.g. 'Keyword frequency (4321)' (default: the assignment)")
    p.add_argument("--kernel", default="python3", help="the Jupyter kernel to run notebooks in (default: python3)")
    p.add_argument("--solutions", metavar="DIR", help="where solution notebooks are (default: ./solutions)")
    p.add_argument("--no-resume", dest="resume", action="store_false",
                   help="start over even if the last run into --out did not finish")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=_cli)
    return p


def _cli(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        print("kit grade: --workers must be 1 or more.", file=sys.stderr)
        return 2
    try:
        grades = grade(args.assignment, args.submissions, args.out, texts=args.texts,
                       cell_timeout=args.cell_timeout, total_timeout=args.total_timeout, workers=args.workers,
                       lms=args.lms, lms_column=args.lms_column, kernel=args.kernel, solutions=args.solutions,
                       resume=args.resume, progress=not args.quiet)
    except GradeError as err:
        print(f"kit grade: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kit grade: stopped. Finished grades are in {Path(args.out) / GRADES_CSV}; "
              "run the same command again to grade the rest.", file=sys.stderr)
        return 130
    out = Path(args.out)
    if grades:
        mean = sum(g.total for g in grades) / len(grades)
        print(f"graded {len(grades)} notebooks: mean {mean:.1f} of {grades[0].max} points")
    for g in grades:
        if g.status != OK:
            print(f"  {g.student}: {g.status}: {g.reason}")
    print(f"wrote {out / GRADES_CSV}, {out / 'feedback'}/, {out / 'summary.png'}"
          + (f", {out / CANVAS_CSV}" if args.lms == "canvas" else ""))
    return 0
