"""A teaching kit for computational text analysis in Jupyter.

>>> import kit
>>> a, b = kit.load_articles()
>>> kit.top_keywords(a, 3)
[('countries', 7), ('sanctions', 7), ('ayatollah', 5)]

Every name below is importable from ``kit`` directly. Submodules are imported on
first use, so ``import kit`` stays fast: NLTK and matplotlib load only when a
function needs them.
"""

from __future__ import annotations

import importlib
from typing import Any

# Public name -> the submodule that defines it.
_EXPORTS = {
    "Article": "texts",
    "Span": "texts",
    "TextLoadError": "texts",
    "load_article": "texts",
    "load_articles": "texts",
    "seed_names": "texts",
    "Token": "segment",
    "tokens": "segment",
    "words": "segment",
    "sentences": "segment",
    "sentence_spans": "segment",
    "stopwords": "segment",
    "word_counts": "frequency",
    "top_keywords": "frequency",
    "relative_frequencies": "frequency",
    "ConcordanceLine": "frequency",
    "concordance": "frequency",
    "Dispersion": "frequency",
    "dispersion": "frequency",
    "Keyword": "frequency",
    "keyness": "frequency",
    # The module is kit.collocation, singular, so that importing it never
    # replaces the function kit.collocations with a module of the same name.
    "Collocation": "collocation",
    "collocations": "collocation",
    "collocates": "collocation",
    "collocation_tokens": "collocation",
    "MEASURES": "collocation",
    "Quote": "quotes",
    "SpeakerCount": "quotes",
    "extract_quotes": "quotes",
    "quote_records": "quotes",
    "speakers": "quotes",
    "characters": "quotes",
    "reporting_verbs": "quotes.verbs",
    "Character": "quotes",
    "Corpus": "corpus",
    "compare_folders": "corpus",
    "Comparison": "compare",
    "SentencePair": "compare",
    "QuotePair": "compare",
    "compare_versions": "compare",
    "compare_quotes": "compare",
    "token_counts": "segment",
    "paragraph_spans": "segment",
    "normalise": "segment",
}
_SUBMODULES = ("corpus", "texts", "segment", "frequency", "collocation", "quotes", "compare", "style",
               "plots", "widgets", "checks", "assign", "grade")

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"kit.{_EXPORTS[name]}"), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"kit.{name}")
    raise AttributeError(
        f"module 'kit' has no attribute {name!r}. It has: {', '.join(__all__)}."
    )


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(_SUBMODULES))
