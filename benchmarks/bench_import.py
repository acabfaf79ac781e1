"""How long `import kit` takes, next to `import nltk`. Run: python benchmarks/bench_import.py

The kit imports its submodules, and NLTK and matplotlib, only when a function
needs them, so that opening a notebook is quick.
"""

from __future__ import annotations

import importlib

from common import measure, print_rows, row


def import_kit(_) -> str:
    importlib.import_module("kit")
    return "kit"


def import_nltk(_) -> str:
    importlib.import_module("nltk")
    return "nltk"


def import_nothing(_) -> str:
    return "floor"


def rows(runs: int = 5) -> list[dict]:
    kit_m = measure("bench_import:import_kit", runs)
    nltk_m = measure("bench_import:import_nltk", runs)
    floor = measure("bench_import:import_nothing", runs)
    return [row("`import kit`", kit_m, "`import nltk`", nltk_m, "lazy imports keep it near the floor",
                f"floor (a function that imports nothing): {floor.median_s * 1000:.1f} ms; "
                f"kit: {kit_m.median_s * 1000:.1f} ms; nltk: {nltk_m.median_s * 1000:.0f} ms")]


if __name__ == "__main__":
    print_rows(rows())
