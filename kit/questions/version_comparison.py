"""Questions of ``solutions/03_version_comparison.ipynb``."""

from __future__ import annotations

import difflib

import kit
from kit.checks import Question

__all__ = ["QUESTIONS", "count_inserted_words", "nonblank_lines"]


def nonblank_lines(text) -> list[str]:
    """The lines of a text that are not blank."""
    return [line for line in kit.texts.as_text(text).splitlines() if line.strip()]


def count_inserted_words(old: list[str], new: list[str]) -> int:
    """How many words of ``new`` difflib marks as inserted or replacing others.

    ``autojunk=False``: by default difflib ignores words that make up more than
    1% of a sequence of 200 items or more, which would hide edits to common words.
    """
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return sum(j2 - j1 for op, _, _, j1, j2 in matcher.get_opcodes() if op in ("insert", "replace"))


def _line_changes(a, b) -> int:
    diff = difflib.ndiff(nonblank_lines(a), nonblank_lines(b))
    return sum(1 for line in diff if line[:2] in ("- ", "+ "))


def _new_sentences(a, b) -> int:
    old = set(kit.sentences(a))
    return sum(1 for s in kit.sentences(b) if s not in old)


QUESTIONS = [
    Question("q1_line_changes", 1, "a whole number",
             "Give difflib.ndiff the non-blank lines of each text (nonblank_lines) and count the "
             "lines that start with '- ' or '+ '.",
             _line_changes),
    Question("q2_new_sentences", 2, "a whole number",
             "Make a set of A's sentences, then count B's sentences that are not in it.",
             _new_sentences),
    Question("q3_inserted_words", 2, "a whole number",
             "In count_inserted(old, new), use difflib.SequenceMatcher(None, old, new, autojunk=False) "
             "and add up j2 - j1 for the 'insert' and 'replace' opcodes.",
             lambda a, b: count_inserted_words(kit.words(a), kit.words(b))),
    Question("q3_hidden_reverse", 1, "a whole number",
             "count_inserted must work in both directions and on any lists of words.",
             lambda a, b: count_inserted_words(kit.words(b), kit.words(a)), hidden=True),
    Question("q4_altered_quotes", 2, "a list of strings (each quote's text in version A)",
             "kit.compare_quotes(a, b) gives QuotePairs; keep those whose status is 'altered', and take .a.text.",
             lambda a, b: [p.a.text for p in kit.compare_quotes(a, b) if p.status == "altered"]),
    Question("q5_inserted_in_quotes", 2, "a list of strings (runs of words)",
             "Each altered QuotePair has .inserted, a list of runs; put all of them in one list, in order.",
             lambda a, b: [run for p in kit.compare_quotes(a, b) if p.status == "altered" for run in p.inserted]),
    Question("q6_edit_counts", 2, "a dict from status to count",
             "kit.compare_versions(a, b).counts has one entry per status.",
             lambda a, b: dict(kit.compare_versions(a, b).counts)),
    Question("q7_split_sentences", 1, "a list of strings (sentences of version A)",
             "A pair whose status is 'split' has one sentence in .a and two in .b.",
             lambda a, b: [p.a[0] for p in kit.compare_versions(a, b).pairs if p.status == "split"]),
    Question("q8_attribution_changes", 2, "a list of strings such as 'cue: stated → said'",
             "Every QuotePair has .attribution_changes, a list; put them all in one list, in order.",
             lambda a, b: [c for p in kit.compare_quotes(a, b) for c in p.attribution_changes]),
]
