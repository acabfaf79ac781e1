"""Shared test helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "kit" / "data" / "practice"  # the Riverside practice pair: a second pair for the notebook tests

# Never let a test touch the network or a user's NLTK data by accident.
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds():
    import kit

    return kit.load_articles()
