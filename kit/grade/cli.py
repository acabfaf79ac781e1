"""The command line: ``kit grade``'s options (``add_parser``) and what it prints."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.grade.batch import default_workers, grade
from kit.grade.records import (
    CANVAS_CSV,
    DEFAULT_CELL_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    GRADES_CSV,
    LMS_CHOICES,
    OK,
    GradeError,
)
from kit.grade.report import read_state
from kit.grade.sandbox import Limits

__all__ = ["add_parser", "not_graded_summary"]


# --- the command line ------------------------------------------------------------------------


def not_graded_summary(state: dict) -> str:
    """Every file found that was not graded, and why (from grade-state.json): nothing is skipped silently."""
    skipped = state.get("not_graded") or []
    if not skipped:
        return "every file found was graded"
    return f"not graded ({len(skipped)} files):" + "".join(f"\n  {k['path']}: {k['why']}" for k in skipped)


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``kit grade`` to the ``kit`` command's subcommands."""
    p = sub.add_parser(
        "grade", help="grade submitted notebooks",
        description="Run each submitted notebook twice (on the student's texts and on a second pair made fresh "
                    "for this batch, which no student has seen), in a fresh kernel in a sandbox (bubblewrap), "
                    "reset between the two runs, in parallel, and write grades.csv, feedback/<student>.html and "
                    "summary.png into --out.",
        epilog="Example: kit grade solutions/01_keyword_frequency.ipynb submissions/ --out grades/ --lms canvas. "
               "Running again into the same --out resumes a run that was interrupted (students already in "
               "grades.csv are kept); after a run that finished, its grades.csv is kept as grades-<time>.csv.",
    )
    p.add_argument("assignment", metavar="SOLUTION", nargs="?",
                   help="the solution notebook (solutions/01_keyword_frequency.ipynb), or its name in --solutions "
                        "(keyword_frequency)")
    p.add_argument("submissions", nargs="*", metavar="SUBMISSION",
                   help="submitted .ipynb files, or folders of them as downloaded: per-student folders, and Canvas, "
                        "Moodle and nbgrader downloads are recognised")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for grades.csv, feedback/ and summary.png")
    p.add_argument("--texts", nargs=2, metavar=("A", "B"),
                   help="your own second pair of texts (default: a pair made fresh for this batch from the "
                        "solution's texts; see --seed)")
    p.add_argument("--seed", type=int, metavar="N",
                   help="make the second pair with this seed, as grade-state.json records it, to grade again "
                        "exactly as before (default: a random seed)")
    p.add_argument("--cell-timeout", type=float, default=DEFAULT_CELL_TIMEOUT, metavar="S",
                   help=f"seconds a cell may run before it is interrupted (default: {DEFAULT_CELL_TIMEOUT:g})")
    p.add_argument("--total-timeout", type=float, default=DEFAULT_TOTAL_TIMEOUT, metavar="S",
                   help=f"seconds one run of a notebook may take (default: {DEFAULT_TOTAL_TIMEOUT:g})")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help=f"notebooks graded at once (default: one per core, here {default_workers()})")
    p.add_argument("--lms", choices=LMS_CHOICES, help=f"also write a gradebook to import ({CANVAS_CSV} for canvas)")
    p.add_argument("--lms-column", metavar="NAME",
                   help="the gradebook's grade column, e.g. 'Keyword frequency (4321)' (default: the assignment)")
    p.add_argument("--no-sandbox", dest="sandbox", action="store_false",
                   help="run the students' code WITHOUT the sandbox, as you, with your files and the network in "
                        "reach: only for code you trust, where bubblewrap cannot run (macOS, no user namespaces)")
    p.add_argument("--memory", type=int, default=Limits().memory >> 20, metavar="MB",
                   help=f"memory one sandboxed kernel may use (default: {Limits().memory >> 20})")
    p.add_argument("--solutions", metavar="DIR", help="where solution notebooks are (default: ./solutions)")
    p.add_argument("--no-resume", dest="resume", action="store_false",
                   help="start over even if the last run into --out did not finish")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="run the notebooks as tasks on the workers of the Dask scheduler at ADDRESS "
                        "(tcp://host:8786), each in the same sandbox; needs the cluster extra")
    p.add_argument("--written-names", action="store_true",
                   help="put students' names on the written answers' review pages and in written/points.csv "
                        "(by default they are anonymous: each answer has a code)")
    p.add_argument("--merge-written", metavar="FILE.csv",
                   help="merge the teacher's points for written answers (written/points.csv, filled in) into "
                        "--out's grades.csv, gradebook and feedback pages, running no notebook; nothing is merged "
                        "if a row is missing, extra or wrong")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=_cli)
    return p


def _merge(args: argparse.Namespace) -> int:
    from kit.grade.written import merge_written

    if args.assignment or args.submissions:
        print("kit grade: --merge-written runs no notebook, so it takes no SOLUTION or SUBMISSION: "
              "kit grade --merge-written FILE.csv --out DIR.", file=sys.stderr)
        return 2
    try:
        merged = merge_written(args.merge_written, args.out)
    except GradeError as err:
        print(f"kit grade: {err}", file=sys.stderr)
        return 2
    print(f"merged the points of {merged.answers} written answers ({merged.blank} blank, given 0) for "
          f"{merged.students} students into {', '.join(map(str, merged.written))}")
    return 0


def _cli(args: argparse.Namespace) -> int:
    if args.merge_written:
        return _merge(args)
    if not args.assignment or not args.submissions:
        print("kit grade: give the SOLUTION notebook and the SUBMISSIONs (files or folders), or "
              "--merge-written FILE.csv to merge written answers' points.", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("kit grade: --workers must be 1 or more.", file=sys.stderr)
        return 2
    if args.memory < 256:
        print("kit grade: --memory must be 256 MB or more: the kernel alone takes about 600.", file=sys.stderr)
        return 2
    try:
        grades = grade(args.assignment, args.submissions, args.out, texts=args.texts, seed=args.seed,
                       cell_timeout=args.cell_timeout, total_timeout=args.total_timeout, workers=args.workers,
                       lms=args.lms, lms_column=args.lms_column, solutions=args.solutions,
                       resume=args.resume, progress=not args.quiet, sandbox=args.sandbox,
                       limits=Limits(memory=args.memory << 20), dask=args.dask, written_names=args.written_names)
    except GradeError as err:
        print(f"kit grade: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kit grade: stopped. Finished grades are in {Path(args.out) / GRADES_CSV}; "
              "run the same command again to grade the rest.", file=sys.stderr)
        return 130
    out = Path(args.out)
    state = read_state(out) or {}
    box = state.get("sandbox") or {}
    where = f"each in a sandbox ({box.get('tool')})" if box.get("on") else "WITHOUT a sandbox (--no-sandbox)"
    if grades:
        mean = sum(g.total for g in grades) / len(grades)
        print(f"graded {len(grades)} notebook{'s' if len(grades) != 1 else ''}, {where}: mean {mean:.1f} of "
              f"{grades[0].max} points")
    for g in grades:
        if g.status != OK:
            print(f"  {g.student}: {g.status}: {g.reason}")
    print(not_graded_summary(state))
    print(f"wrote {out / GRADES_CSV}, {out / 'feedback'}/, {out / 'summary.png'}"
          + (f", {out / CANVAS_CSV}" if args.lms == "canvas" else ""))
    return 0
