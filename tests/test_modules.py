"""The packages split by job (kit.compare, kit.widgets): every module says what it offers.

Each module has an ``__all__``, sorted, of public names only, each defined
there or imported into it; and every name the one-module versions offered is
still importable from the package and, where it was, from ``kit``.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import kit

PACKAGES = ("kit.compare", "kit.widgets")
MODULES = sorted(
    {"kit.style", "kit.plots", *PACKAGES}
    | {f"{p}.{m.name}" for p in PACKAGES for m in pkgutil.iter_modules(importlib.import_module(p).__path__)}
)

# What kit/compare.py and kit/widgets.py offered before the split.
BEFORE = {
    "kit.compare": [
        "SIMILARITY_THRESHOLD", "STATUSES", "Comparison", "Edit", "QuotePair", "QUOTE_STATUSES",
        "SentencePair", "compare_quote_lists", "compare_quotes", "compare_sentences", "compare_versions",
        "MAX_POSTINGS", "MAX_CANDIDATES",
    ],
    "kit.widgets": [
        "ALL_KINDS", "ALL_SPEAKERS", "CHANGED_KINDS", "ConcordanceExplorer", "Explorer", "KeywordExplorer",
        "NO_SPEAKER", "QuoteBrowser", "VersionViewer", "concordance_explorer", "concordance_html",
        "keyword_explorer", "keywords_html", "pair_html", "quote_browser", "quotes_html", "version_viewer",
        "SORTS",
    ],
}


def test_the_packages_have_modules_by_job():
    assert len([m for m in MODULES if m.startswith("kit.compare.")]) >= 5
    assert len([m for m in MODULES if m.startswith("kit.widgets.")]) >= 5


@pytest.mark.parametrize("name", MODULES)
def test_every_module_lists_its_public_names(name):
    module = importlib.import_module(name)
    names = module.__all__
    assert names == sorted(names), f"{name}.__all__ is not sorted"
    assert not [n for n in names if n.startswith("_")], f"{name}.__all__ lists a private name"
    assert all(hasattr(module, n) for n in names)
    assert module.__doc__ and module.__doc__.strip(), f"{name} has no docstring"


@pytest.mark.parametrize("package", sorted(BEFORE))
def test_every_name_of_the_single_module_is_still_there(package):
    module = importlib.import_module(package)
    for name in BEFORE[package]:
        assert hasattr(module, name), f"{package}.{name} is gone"
    for name in ("Comparison", "SentencePair", "QuotePair", "compare_versions", "compare_quotes"):
        assert getattr(kit, name) is getattr(importlib.import_module("kit.compare"), name)
