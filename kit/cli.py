"""The ``kit`` command: ``kit assign`` and ``kit grade``. Also ``python -m kit``."""

from __future__ import annotations

import argparse
import sys

__all__ = ["main"]


def _assign(args: argparse.Namespace) -> int:
    from kit.assign import AssignError, assign

    try:
        changed = assign(args.solutions, args.out, check=args.check, sandbox=args.sandbox)
    except AssignError as err:
        print(f"kit assign: {err}", file=sys.stderr)
        return 2
    if args.check:
        if changed:
            print("These exercises are stale (run `kit assign` to regenerate them):", file=sys.stderr)
            for path in changed:
                print(f"  {path}", file=sys.stderr)
            return 1
        print(f"exercises in {args.out}/ are up to date with {args.solutions}/")
        return 0
    for path in changed:
        print(f"wrote {path}")
    if not changed:
        print("nothing to do: exercises are up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kit", description="The text analysis teaching kit.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "assign", help="generate exercises from solution notebooks",
        description="Write one exercise per solution notebook: answers become stubs, hidden tests and question "
                    "blocks go, and a first cell gives check() the answers on the notebook's own texts and on the "
                    "practice pair, which each solution is run on (in the grader's sandbox) to compute them.",
        epilog="Example: kit assign solutions --out exercises")
    p.add_argument("solutions", nargs="?", default="solutions", metavar="SOLUTIONS",
                   help="folder of solution notebooks (default: solutions)")
    p.add_argument("--out", default="exercises", metavar="EXERCISES", help="folder to write (default: exercises)")
    p.add_argument("--check", action="store_true", help="write nothing; fail if exercises are stale")
    p.add_argument("--no-sandbox", dest="sandbox", action="store_false",
                   help="run the solutions without the sandbox (they are your own code), where bubblewrap cannot run")
    p.set_defaults(run=_assign)
    from kit.grade import add_parser as add_grade_parser

    add_grade_parser(sub)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
