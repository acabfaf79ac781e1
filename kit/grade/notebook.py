"""The notebook the grader runs: a submission's cells, read defensively, with hidden tests and collectors added.

The student's file is only read; the notebook built here is written to a temporary folder."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from kit.grade.records import HiddenTest, _Plan

__all__ = [
    "_CELL_ID",
    "_COLLECTOR",
    "_Cell",
    "_build_notebook",
    "_collector_source",
    "_first_line",
    "_hidden_cell_source",
    "_read_submission",
]


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
