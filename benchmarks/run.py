"""Run every benchmark (benchmarks/bench_*.py), print one table, and write RESULTS.md.

Never run by the tests: timings on shared machines are noisy. `make bench` runs it.
Each row is measured side by side in one run: the kit and what a user would do
instead, each the median of several runs in fresh processes.
"""

from __future__ import annotations

import datetime
import importlib
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import loop_seconds, print_rows  # noqa: E402


def _cell(value, fmt: str) -> str:
    return "–" if value is None else format(value, fmt)


def markdown(rows: list[dict], speed: tuple[float, float] | None = None) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {datetime.date.today()}: Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}. Times are medians of several runs, each in a "
        "fresh process; peak memory is how far the process's resident memory rose during one run.",
        "",
    ]
    if speed:
        lines += [
            f"This machine's speed: a pure-Python loop of ten million additions took {speed[0]:.2f} s "
            f"before the benchmarks and {speed[1]:.2f} s after them. Absolute times (seconds, and targets "
            "given in seconds) grow with that figure; the ratios of rows measured side by side do not.",
            "",
        ]
    lines += [
        "| Task | The kit | Side by side with | Baseline | Ratio | Kit peak MB | Baseline peak MB | Target |",
        "|---|---:|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        ratio = f"{r['baseline_s'] / r['kit_s']:.1f}×" if r.get("baseline_s") and r.get("kit_s") else "–"
        lines.append(
            f"| {r['task']} | {_cell(r.get('kit_s'), '.3f')} s | {r.get('baseline') or '–'} | "
            f"{_cell(r.get('baseline_s'), '.3f')}{' s' if r.get('baseline_s') is not None else ''} | {ratio} | "
            f"{_cell(r.get('kit_peak_mb'), '.0f')} | {_cell(r.get('baseline_peak_mb'), '.0f')} | {r.get('target', '')} |"
        )
    lines += ["", "## Notes", ""]
    lines += [f"- **{r['task']}**: {r['note']}" for r in rows if r.get("note")]
    return "\n".join(lines) + "\n"


def main() -> None:
    wanted = sys.argv[1:]  # optionally: the names of some bench modules
    before = loop_seconds()
    all_rows = []
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and path.stem not in wanted:
            continue
        print(f"running {path.name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        all_rows.extend(importlib.import_module(path.stem).rows())
        print(f"  {path.name} took {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    print_rows(all_rows)
    if not wanted:
        (HERE / "RESULTS.md").write_text(markdown(all_rows, (before, loop_seconds())), encoding="utf-8")
        print(f"\nwrote {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
