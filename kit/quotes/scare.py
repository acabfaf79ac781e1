"""Step 6: which quoted stretches are quotations, and which are scare quotes,
names or titles of works."""

from __future__ import annotations

from kit.quotes.attribution import _Attribution, _Text
from kit.quotes.cues import _NAMING
from kit.quotes.marks import _Region
from kit.quotes.names import _word_count
from kit.segment import words

__all__ = ["_is_scare_quote", "_is_title"]


# --- Step 6: which quoted stretches are quotations ---------------------------------


def _is_title(content: str) -> bool:
    """Whether quoted words look like the title of a work: Lessons From the Back Row."""
    found = words(content, lower=False)
    return (
        2 <= len(found) <= 12
        and content.rstrip()[-1:] not in ".,!?…"
        and all(w[:1].isupper() or len(w) <= 3 for w in found)
        and sum(w[:1].isupper() for w in found) >= 2
    )


def _is_scare_quote(t: _Text, r: _Region, attribution: _Attribution | None) -> bool:
    """Whether a quoted stretch is a scare quote, a name or a title, not a quotation.

    1. Four words or more are a quotation, unless they are in Title Case with
       no closing punctuation (the title of a work).
    2. Right after a naming word (so-called, dubbed, known as) they are a name.
    3. With a reporting verb in their sentence they are a quotation.
    4. Without one, a title inside a sentence is a title; anything else is a
       quotation only if it stands as a sentence of its own (“Not yet.”).
    """
    if r.end - r.start > 80 and t.s.count(" ", r.start, r.start + 80) >= 6 and t.s[r.end - 1] in ".,!?…":
        return False  # rule 1 for a long quote that ends like speech, decided cheaply
    content = t.s[r.start : r.end]
    if _word_count(content) >= 4 and (content[-1] in ".,!?…" or not _is_title(content)):
        return False  # rule 1
    before = t.masked[t.sentence_start(r.mark_start) : r.mark_start]
    if _NAMING.search(before[-40:]):
        return True  # rule 2
    if attribution is not None and attribution.cue is not None:
        return False  # rule 3
    if _is_title(content) and before.strip():
        return True  # rule 4: her memoir “Lessons From the Back Row”
    after = t.masked[r.mark_end : t.paras[t.para_of(r.mark_end)].end].lstrip()
    stands_alone = not before.strip() and (content[-1] in ".!?…" or after[:1] in ("", ".", "!", "?"))
    return not stands_alone
