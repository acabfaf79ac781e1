"""The reporting verbs, as data: the word lists that :mod:`kit.quotes.cues` builds its patterns from.

The verbs are not picked by hand: ``reporting_verbs.txt`` lists the words that
annotators marked as the cue of a direct quotation in real news (PolNeAR) and
in novels (the Project Dialogism Novel Corpus), kept when they are verbs that
real text uses as cues often enough; ``attribution_verbs.txt`` lists the cue
words of every attribution in PolNeAR, reported speech included.
``benchmarks/derive_reporting_verbs.py`` wrote both and says how.

This module only reads the lists, so a lesson that wants them (to leave
*said* out of its keywords) does not pay for compiling the quote patterns.

>>> "said" in reporting_verbs()
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["attribution_verbs", "reporting_verbs"]


def _word_list(name: str) -> frozenset[str]:
    """The first word of each line of the shipped list ``name``, leaving out comments."""
    text = resources.files("kit.quotes").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def reporting_verbs() -> frozenset[str]:
    """The reporting verbs the kit knows, derived from annotated text (see the module docs).

    >>> {"said", "told", "wrote", "boasted", "cried", "replied"} <= reporting_verbs()
    True
    """
    return _word_list("reporting_verbs.txt")


@cache
def attribution_verbs() -> frozenset[str]:
    """The words that mark an attribution of any kind, reported speech included
    (*accused*, *promised*, *slammed*), derived from PolNeAR like the reporting
    verbs (``attribution_verbs.txt``).

    >>> {"accused", "promised", "slammed", "said"} <= attribution_verbs()
    True
    """
    return _word_list("attribution_verbs.txt")
