"""Questions of ``solutions/02_quote_extraction.ipynb``."""

from __future__ import annotations

import re

import kit
from kit.checks import Question

from kit.quotes import NAIVE_QUOTE, REPORTED_SPEECH

__all__ = ["QUESTIONS"]


def _regex_quotes(text) -> list[str]:
    return re.findall(NAIVE_QUOTE, kit.texts.as_text(text))


def _misses(a, b) -> int:
    found = set(_regex_quotes(a))
    return sum(1 for q in kit.extract_quotes(a) if q.text not in found)


def _most_words(a, b) -> str | None:
    ranked = sorted(kit.speakers(b), key=lambda s: (-s.words, str(s.speaker)))
    return ranked[0].speaker if ranked else None


def _last_speaker(a, b) -> str | None:
    quotes = kit.extract_quotes(a)
    return quotes[-1].speaker if quotes else None


def _reported(a, b) -> int:
    return sum(1 for s in kit.sentences(a)
               if re.search(REPORTED_SPEECH, s) and not any(mark in s for mark in '“”"'))


QUESTIONS = [
    Question("q1_regex_quotes", 2, "a list of strings (the text inside the marks)",
             "Write find_quotes(text) with re.findall and one capturing group: an opening “, "
             "then anything that is not ”, then ”.",
             lambda a, b: _regex_quotes(a)),
    Question("q1_hidden_find_quotes", 1, "a list of strings",
             "find_quotes must take any text and return what is inside each pair of curly double marks.",
             lambda a, b: _regex_quotes(b), hidden=True),
    Question("q2_regex_misses", 2, "a whole number",
             "Compare each kit quote's .text with the set of your regex's results.",
             _misses),
    Question("q3_quote_count", 1, "a whole number",
             "kit.extract_quotes(b) returns one Quote per quotation; this time it is article B.",
             lambda a, b: len(kit.extract_quotes(b))),
    Question("q4_quotes_per_speaker", 2, 'a dict from speaker name to number of quotes ("unknown" for None)',
             "kit.speakers(a) has one record per speaker with .speaker and .quotes.",
             lambda a, b: {s.speaker or "unknown": s.quotes for s in kit.speakers(a)}),
    Question("q5_most_words", 2, "a string (a speaker's name)",
             "kit.speakers(b) counts words too (.words); on a tie, take the name that sorts first.",
             _most_words),
    Question("q6_cues", 2, "a list of strings, with None where a quote has no cue",
             "Each Quote has a .cue; keep the order of the quotes in article A.",
             lambda a, b: [q.cue for q in kit.extract_quotes(a)]),
    Question("q7_reported_sentences", 2, "a whole number",
             "Loop over kit.sentences(a); count those that match REPORTED_SPEECH and hold no quotation mark (“, ” or \").",
             _reported),
    Question("q8_last_speaker", 1, "a string (a speaker's name), or None",
             "Take the .speaker of the last quote of article A. Read the paragraph: who is speaking?",
             _last_speaker),
]
