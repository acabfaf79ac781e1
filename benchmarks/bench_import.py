"""How long `import kit` takes, next to `import nltk`; and `import nbformat`. Run: python benchmarks/bench_import.py

The kit imports its submodules, and NLTK and matplotlib, only when a function
needs them, so that opening a notebook is quick.

Every process that reads a notebook (the grader, papermill, each test worker)
imports nbformat, and with it jsonschema. When the optional rfc3987-syntax is
installed, jsonschema builds a Lark grammar for the "iri" format at import,
about 2 s; the Makefile leaves it out (see the Makefile), and this row shows
whether that held.
"""

from __future__ import annotations

import importlib
import sys

from common import measure, print_rows, row


def import_kit(_) -> str:
    importlib.import_module("kit")
    return "kit"


def import_nltk(_) -> str:
    importlib.import_module("nltk")
    return "nltk"


def import_nbformat(_) -> str:
    importlib.import_module("nbformat")
    return "with the IRI grammar" if "rfc3987_syntax" in sys.modules else "without the IRI grammar"


def import_nothing(_) -> str:
    return "floor"


def rows(runs: int = 5) -> list[dict]:
    kit_m = measure("bench_import:import_kit", runs)
    nltk_m = measure("bench_import:import_nltk", runs)
    floor = measure("bench_import:import_nothing", runs)
    nb_m = measure("bench_import:import_nbformat", runs)
    return [row("`import kit`", kit_m, "`import nltk`", nltk_m, "lazy imports keep it near the floor",
                f"floor (a function that imports nothing): {floor.median_s * 1000:.1f} ms; "
                f"kit: {kit_m.median_s * 1000:.1f} ms; nltk: {nltk_m.median_s * 1000:.0f} ms"),
            row("`import nbformat` (the grader, papermill, each test worker)", nb_m, "–", None,
                "< 0.5 s: no IRI grammar built",
                f"{nb_m.result} ({'met' if nb_m.median_s < 0.5 else 'MISSED'}): the Makefile removes "
                f"rfc3987-syntax, whose grammar jsonschema builds at import (about 2 s on this machine)")]


if __name__ == "__main__":
    print_rows(rows())
