"""Shared measuring for the benchmarks: each run in a fresh Python process.

A fresh process per run keeps runs independent (the kit remembers the words of
recent texts, which would make a second run in one process nearly free) and
lets us read the peak memory of exactly one run from the operating system,
without tracemalloc's slowdown.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "kit" / "data" / "war_and_peace.txt.gz"  # shipped with the kit: kit.Corpus.war_and_peace()

_CHILD = r"""
import gc, importlib, json, resource, sys, time
sys.path.insert(0, {here!r})
module, name = {target!r}.split(":")
fn = getattr(importlib.import_module(module), name)
setup = getattr(importlib.import_module(module), name + "_setup", None)
arg = setup({fraction!r}) if setup else None
def status(field):
    # Linux: /proc/self/status has VmRSS (now) and VmHWM (the peak), in kB.
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)

gc.collect()
try:
    # Reset the peak to what is resident now, so the setup's own peak (loading
    # the corpus) does not hide the run's (Linux 4.0 and later).
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before, peak_of = status("VmRSS"), lambda: status("VmHWM")
except OSError:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_of = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
result = fn(arg)
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "peak_kb": peak_of() - before, "result": result}}))
"""


class Measurement(NamedTuple):
    median_s: float
    runs_s: list[float]
    peak_mb: float
    """How far the process's resident memory rose above its level before the run."""
    result: object


def measure(target: str, runs: int = 3, fraction: float = 1.0) -> Measurement:
    """Run ``module:function`` in ``runs`` fresh processes; the median time and peak memory.

    ``function(arg)`` is timed; if ``function_setup(fraction)`` exists, it runs
    first, untimed, to load inputs (``fraction`` of the corpus), and its value
    is ``arg``.
    """
    times, peaks, result = [], [], None
    for _ in range(runs):
        code = _CHILD.format(here=str(HERE), target=target, fraction=fraction)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{target} failed:\n{done.stderr}")
        record = json.loads(done.stdout.strip().splitlines()[-1])
        times.append(record["seconds"])
        peaks.append(record["peak_kb"] / 1024)
        result = record["result"]
    return Measurement(statistics.median(times), times, max(peaks), result)


def measure_side_by_side(kit_target: str, baseline_target: str, runs: int = 5) -> tuple[Measurement, Measurement, float]:
    """The kit and its baseline in turns (kit, baseline, kit, baseline, ...); both
    measurements and the median of the per-turn speed-ups.

    On a shared machine the speed of the processor drifts by half from minute to
    minute. Two runs made side by side see the same drift, so the ratio of each
    pair is steadier than the ratio of two medians taken minutes apart.
    """
    pairs = [(measure(kit_target, 1), measure(baseline_target, 1)) for _ in range(runs)]
    kit_m, base_m = (
        Measurement(statistics.median(ms), ms, max(m.peak_mb for m in side), side[-1].result)
        for side, ms in ((s, [m.median_s for m in s]) for s in zip(*pairs))
    )
    return kit_m, base_m, statistics.median(b.median_s / k.median_s for k, b in pairs)


def loop_seconds(additions: int = 10_000_000) -> float:
    """Seconds a pure-Python loop of ``additions`` additions takes in this process:
    how fast this machine runs Python at the moment (``run.py`` reports it for ten
    million, before and after the benchmarks; :func:`two_core_ceiling` runs it in
    two processes at once)."""
    start, total = time.perf_counter(), 0
    for i in range(additions):
        total += i
    return time.perf_counter() - start


def two_core_ceiling(rounds: int = 3) -> float:
    """How much faster two processes get through two loops than one process gets
    through one, each loop in its own process: the most any two-worker speed-up
    can reach on this machine at the moment (2.0 with two free cores; less
    where the cores are shared with other machines). The median of ``rounds``."""
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        half = [5_000_000]
        pool.map(loop_seconds, half * 2)  # both processes started, untimed
        ratios = []
        for _ in range(rounds):
            start = time.perf_counter()
            pool.map(loop_seconds, half)
            one = time.perf_counter() - start
            start = time.perf_counter()
            pool.map(loop_seconds, half * 2, chunksize=1)
            ratios.append(2 * one / (time.perf_counter() - start))
    return statistics.median(ratios)


def corpus(fraction: float = 1.0) -> str:
    """War and Peace (public domain), from the project's own compressed copy.

    A ``fraction`` below 1 gives that share of the book, cut at a paragraph break.
    """
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        text = f.read()
    if fraction < 1:
        cut = text.find("\n\n", int(len(text) * fraction))
        text = text[: cut if cut > 0 else len(text)]
    return text


SCALES = (0.125, 0.25, 0.5, 1.0)


def scaling(target: str, runs: int = 3) -> tuple[list[tuple[float, float]], float]:
    """Time ``target`` on 1/8, 1/4, 1/2 and all of the book; the times and the growth exponent.

    The exponent is the slope of log(time) against log(size): 1 is linear, 2 quadratic.
    """
    import math

    points = [(f, measure(target, runs, fraction=f).median_s) for f in SCALES]
    xs = [math.log(f) for f, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return points, slope


def row(task: str, kit: Measurement, baseline_name: str, baseline: Measurement | None,
        target: str, note: str = "") -> dict:
    return {
        "task": task,
        "kit_s": kit.median_s,
        "kit_peak_mb": kit.peak_mb,
        "baseline": baseline_name,
        "baseline_s": baseline.median_s if baseline else None,
        "baseline_peak_mb": baseline.peak_mb if baseline else None,
        "target": target,
        "note": note,
    }


def print_rows(rows: list[dict]) -> None:
    print(f"{'task':<46} {'kit':>8} {'baseline':>10} {'ratio':>7} {'kit MB':>7} {'base MB':>8}  target")
    for r in rows:
        ratio = f"{r['baseline_s'] / r['kit_s']:.1f}x" if r.get("baseline_s") else ""
        base = f"{r['baseline_s']:.3f}s" if r.get("baseline_s") is not None else "-"
        base_mb = f"{r['baseline_peak_mb']:.0f}" if r.get("baseline_peak_mb") is not None else "-"
        kit_mb = f"{r['kit_peak_mb']:.0f}" if r.get("kit_peak_mb") is not None else "-"
        print(f"{r['task']:<46} {r['kit_s']:>7.3f}s {base:>10} {ratio:>7} {kit_mb:>7} {base_mb:>8}  {r.get('target', '')}")
        if r.get("note"):
            print(f"    {r['note']}")
