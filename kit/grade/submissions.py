"""Finding the submissions in what a teacher downloaded, and whose each one is: :func:`find_submissions`.

A teacher passes ``kit grade`` files, or folders as an LMS or nbgrader hands
them over. Every ``.ipynb`` file found (folders are searched all the way down,
links are never followed) becomes a :class:`Submission` with a student's name,
taken from, in this order:

- **nbgrader**'s layout, ``submitted/<student>/<assignment>/<notebook>.ipynb``:
  the folder after ``submitted``;
- **Moodle**'s "Download all submissions": a folder per student,
  ``Jane Doe_1234567_assignsubmission_file/01_keyword_frequency.ipynb`` (Moodle 3.1
  and later; older ones end the folder's name with ``_``), or, without folders,
  ``Jane Doe_1234567_assignsubmission_file_01_keyword_frequency.ipynb``: the
  student is ``Jane Doe``, 1234567 their participant id (with blind marking,
  ``Participant_1234567_...``, the student is ``Participant 1234567``);
- **Canvas**'s "Download Submissions": ``doejane_12345_67890_01_keyword_frequency.ipynb``,
  that is the student's sortable name lower-cased and without punctuation, then
  ``LATE`` if it came late, their user id, the file's id and its name (with
  anonymous grading, ``anon_<id>`` in place of the name and user id): the
  student is ``doejane``, 12345 their id, which the Canvas gradebook needs;
- **one folder per student** (``alice/01_keyword_frequency.ipynb``, at any depth):
  the first folder under the one given;
- otherwise **the file's name** without ``.ipynb``.

Nothing is skipped silently: every file found that is not graded is listed
with the reason (:class:`Skipped`), such as a PDF, a JupyterLab checkpoint copy,
or a second notebook in a student's folder. A student with several notebooks
is graded on the one named like the assignment (``01_keyword_frequency.ipynb``,
``keyword_frequency.ipynb``, or a Canvas or Moodle download of it); with
several such, or none, nothing is guessed: a collision names every path, and
the student gets a row that says so.

>>> parse_name(Path("doejane_LATE_12345_67890_01_keyword_frequency-1.ipynb"))
('canvas', 'doejane', '12345', '01_keyword_frequency-1.ipynb')
>>> parse_name(Path("Jane Doe_1234567_assignsubmission_file_lesson.ipynb"))
('moodle', 'Jane Doe', '1234567', 'lesson.ipynb')
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from kit.grade.records import GradeError

__all__ = ["Found", "Skipped", "Submission", "feedback_name", "find_submissions", "parse_name"]


class Submission(NamedTuple):
    """One student's notebook, and where their name came from."""

    student: str
    """The student's name: a row of grades.csv, the name of their feedback page."""
    path: Path
    layout: str
    """How the name was found: ``nbgrader``, ``moodle``, ``canvas``, ``folder`` or ``file``."""
    lms_id: str = ""
    """The student's id in the LMS (Canvas user id, Moodle participant id), when the file name gives it."""
    clash: tuple[Path, ...] = ()
    """When not empty: every notebook found for this student, none graded, since none can be chosen."""


class Skipped(NamedTuple):
    """A file found that is not graded, and why."""

    path: Path
    why: str


class Found(NamedTuple):
    """What :func:`find_submissions` found: the notebooks to grade (in order), and every other file."""

    submissions: list[Submission]
    skipped: list[Skipped]


# Canvas (lib/content_zipper.rb): [sortable name, downcased, only word characters] _ [LATE] _ user id
# (or anon_<id>) _ attachment id _ display name.
# The name starts with a letter, and the ids have 3 digits or more, so that a name a student chose, such as
# 2024_05_01_essay.ipynb or lab_1_2_final.ipynb, is not read as Canvas's.
_CANVAS = re.compile(r"""^(?:(?P<name>[^\W\d_]\w*?)_(?:(?i:late)_)?(?P<id>\d{3,})
                            |(?:(?i:late)_)?anon_(?P<anon>[A-Za-z0-9]+))
                         _(?P<attachment>\d{3,})_(?P<file>.+)$""", re.VERBOSE)
# Moodle (mod/assign, download_submissions): full name (underscores made spaces) _ participant id _
# assignsubmission_file, then _ and the file's name, or a folder (with a trailing _ before Moodle 4).
_MOODLE_FILE = re.compile(r"^(?P<name>[^_]+)_(?P<id>\d+)_assignsubmission_file_(?P<file>.+)$")
_MOODLE_FOLDER = re.compile(r"^(?P<name>[^_]+)_(?P<id>\d+)_assignsubmission_(?:file|onlinetext)_?$")

_NOT_A_SUBMISSION = {
    ".ipynb_checkpoints": "a JupyterLab checkpoint copy (an autosave), not the notebook handed in",
    "__MACOSX": "metadata a Mac adds to a zip file, not a notebook",
}


def parse_name(path: Path) -> tuple[str, str, str, str] | None:
    """(``canvas`` or ``moodle``, the student's name, their LMS id, the original file name) when ``path``'s
    name is an LMS download's, else None."""
    if m := _MOODLE_FILE.match(path.name):
        return "moodle", _moodle_name(m["name"], m["id"]), m["id"], m["file"]
    if m := _CANVAS.match(path.name):
        if m["anon"]:
            return "canvas", f"anon_{m['anon']}", "", m["file"]
        return "canvas", m["name"] or f"user_{m['id']}", m["id"], m["file"]
    return None


def _moodle_name(name: str, participant: str) -> str:
    name = " ".join(name.split())
    return f"{name} {participant}" if name.lower() == "participant" else name  # blind marking


def feedback_name(student: str) -> str:
    """The file name (without ``.html``) of a student's feedback page: the name, with anything that would
    make it a path (a slash, a control character, or a name that is only dots) replaced by ``_``.

    >>> feedback_name("Jane Doe"), feedback_name("../x")
    ('Jane Doe', '.._x')
    """
    name = re.sub(r"[\x00-\x1f/\\]", "_", student)
    return name if name.strip(". ") else f"_{name}_"


def _walk(folder: Path) -> Iterable[tuple[Path, str | None]]:
    """Every file under ``folder`` (links not followed), with why it is not a submission, if it is not one."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        here = Path(root)
        for d in list(dirs):
            if (here / d).is_symlink():
                dirs.remove(d)
                yield here / d, "a symbolic link to a folder, which the grader does not follow"
        for name in sorted(files):
            path = here / name
            rel = path.relative_to(folder).parts
            special = next((why for part in rel[:-1] for key, why in _NOT_A_SUBMISSION.items() if part == key), None)
            if special:
                yield path, special
            elif name.startswith("."):
                yield path, "a hidden file (an editor's or the system's), not a notebook"
            elif path.suffix.lower() != ".ipynb":
                kind = path.suffix.lower() or "no extension"
                yield path, f"not a notebook ({kind}): only .ipynb files are graded"
            else:
                yield path, None
        dirs.sort()


def _who(folder: Path | None, path: Path) -> Submission:
    """The student of one notebook, found in ``folder`` (None: given as a file)."""
    parsed = parse_name(path)
    rel = path.relative_to(folder).parts[:-1] if folder is not None else ()
    above = (folder.resolve().parts if folder is not None else path.parent.resolve().parts) + rel
    if "submitted" in above[:-1]:
        i = len(above) - 1 - above[::-1].index("submitted")  # the last "submitted" with a folder after it
        if i + 1 < len(above):
            return Submission(above[i + 1], path, "nbgrader")
    for part in reversed(rel):
        if m := _MOODLE_FOLDER.match(part):
            return Submission(_moodle_name(m["name"], m["id"]), path, "moodle", m["id"])
    if parsed:
        lms, name, lms_id, _ = parsed
        return Submission(name, path, lms, lms_id)
    if rel:
        return Submission(rel[0], path, "folder")
    return Submission(path.stem, path, "file")


def _original_name(sub: Submission) -> str:
    parsed = parse_name(sub.path)
    return parsed[3] if parsed else sub.path.name


def _is_the_assignment(sub: Submission, names: Sequence[str]) -> bool:
    """Whether a notebook is named like the assignment: the solution's file name, or the assignment's name
    (a Canvas resubmission's ``-1`` included)."""
    stem = re.sub(r"-\d+$", "", Path(_original_name(sub)).stem)
    return stem in names or re.sub(r"^\d+_", "", stem) in names


def find_submissions(items: Iterable[str | Path], *, names: Sequence[str] = ()) -> Found:
    """The submissions in ``items`` (files, or folders searched all the way down), one per student.

    ``names`` are what the assignment's notebook may be called (``01_keyword_frequency``,
    ``keyword_frequency``): a student with several notebooks is graded on the one so named.
    Raises GradeError when an item does not exist, or when nothing at all is found to grade.
    """
    items = list(items)
    found: list[Submission] = []
    skipped: list[Skipped] = []
    for item in items:
        p = Path(item)
        if p.is_dir() and not p.is_symlink():
            for path, why in _walk(p):
                if why is None:
                    found.append(_who(p, path))
                else:
                    skipped.append(Skipped(path, why))
        elif p.is_file() or p.is_symlink():
            found.append(_who(None, p))  # a link is refused as itself when graded, never read through
        else:
            raise GradeError(f"There is no file or folder {str(p)!r}. Pass submitted .ipynb files, or a folder of "
                             "them (per-student folders, and Canvas, Moodle and nbgrader downloads are recognised).")
    unique = list({s.path.parent.resolve() / s.path.name: s for s in found}.values())
    by_student: dict[str, list[Submission]] = {}
    for s in unique:
        by_student.setdefault(s.student, []).append(s)
    # Canvas: two students with the same name are two people when their ids differ.
    for name, subs in list(by_student.items()):
        ids = {s.lms_id for s in subs if s.layout == "canvas"}
        if len(ids) > 1 and all(s.layout == "canvas" and s.lms_id for s in subs):
            del by_student[name]
            for s in subs:
                by_student.setdefault(f"{name}_{s.lms_id}", []).append(s._replace(student=f"{name}_{s.lms_id}"))
    chosen: list[Submission] = []
    for student, subs in by_student.items():
        if len(subs) == 1:
            chosen.append(subs[0])
            continue
        named = [s for s in subs if _is_the_assignment(s, names)]
        if len(named) == 1:
            chosen.append(named[0])
            skipped += [Skipped(s.path, f"another notebook of {student}'s; only {named[0].path} is graded, as it "
                                        f"is named like the assignment") for s in subs if s is not named[0]]
            continue
        paths = tuple(sorted((s.path for s in subs), key=str))
        listed = ", ".join(map(str, paths))
        why = (f"one of {len(paths)} notebooks for {student} ({listed}), and the grader does not guess which to "
               "grade. Keep the one to grade (or rename the others) and run kit grade again.")
        skipped += [Skipped(path, why) for path in paths]
        chosen.append(subs[0]._replace(clash=paths))
    if not chosen:
        listed = "".join(f"\n  {s.path}: {s.why}" for s in skipped[:10])
        raise GradeError(f"{', '.join(map(str, items))}: no .ipynb files to grade. Pass the notebooks, or the "
                         f"folder they are in.{listed}")
    order = {s.path: n for n, s in enumerate(unique)}
    chosen.sort(key=lambda s: order[s.path])
    return Found(chosen, skipped)
