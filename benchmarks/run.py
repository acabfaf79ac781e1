"""Run every benchmark (benchmarks/bench_*.py) and print one side-by-side table.

Never run by the tests: timings on shared machines are noisy. `make bench` runs it.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import print_rows  # noqa: E402


def main() -> None:
    all_rows = []
    for path in sorted(HERE.glob("bench_*.py")):
        module = importlib.import_module(path.stem)
        print(f"running {path.name} ...", file=sys.stderr, flush=True)
        all_rows.extend(module.rows())
    print_rows(all_rows)


if __name__ == "__main__":
    main()
