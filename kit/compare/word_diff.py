"""Word-level differences between two versions of a sentence (or a quotation).

The words are the kit's tokens (:func:`kit.segment.tokens`), punctuation
included, and the alignment is ``difflib.SequenceMatcher``'s. A run of tokens
deleted or inserted is written out as it stands in the text, white space made
single spaces:

>>> word_edits("Iran and Belarus can cooperation in many areas.",
...            "Iran and Belarus can cooperate in many areas.")
[Edit(op='delete', text='cooperation'), Edit(op='insert', text='cooperate')]

The same edits, in the style of ``git diff --word-diff``: B's text with
``[-deleted-]`` and ``{+inserted+}`` runs.

>>> diff_line(("Ayatollah Khamenei also said, “Launching cooperation is good.”",),
...           ("Ayatollah Khamenei said, “Launching cooperation is good.”",))
'Ayatollah Khamenei [-also-] said, “Launching cooperation is good.”'
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING, NamedTuple, Sequence

from kit.segment import Token, tokens

if TYPE_CHECKING:
    from kit.compare.records import SentencePair

__all__ = ["Edit", "diff_line", "diff_tokens", "run_text", "with_context", "word_edits"]

Opcode = tuple[str, int, int, int, int]


class Edit(NamedTuple):
    """One run of words inserted into B or deleted from A, as written."""

    op: str
    """``"insert"`` or ``"delete"``."""
    text: str
    """The run, punctuation included: ``'[as well as]'``."""


_HUGE = 5_000
"""Tokens: a "sentence" this long is a text with no sentence ends (a transcript with no
punctuation), not a sentence: the longest sentence of War and Peace has 338."""


def diff_tokens(a_text: str, b_text: str) -> tuple[list[Token], list[Token], list[Opcode]]:
    """The tokens of both texts and difflib's opcodes turning one into the other.

    autojunk=False, because a long sentence (200 tokens or more) would otherwise
    have its commas and "the"s ignored, and its diff would be a mess. But not
    past :data:`_HUGE` tokens a side (the two texts' tokens counted together
    against twice that): there, difflib looks at every place a common
    word stands for every match it tries, and two versions of a 500,000-character
    text with no full stops took 37 s; its popular-word heuristic keeps that to
    a second or two, and the opcodes still turn one text into the other.
    """
    ta, tb = tokens(a_text), tokens(b_text)
    matcher = SequenceMatcher(None, [t.text for t in ta], [t.text for t in tb],
                              autojunk=len(ta) + len(tb) > 2 * _HUGE)
    return ta, tb, matcher.get_opcodes()


def run_text(text: str, toks: list[Token], start: int, end: int) -> str:
    """The text of tokens ``start:end``, as written, white space made single spaces."""
    return " ".join(text[toks[start].start : toks[end - 1].end].split())


def word_edits(a_text: str, b_text: str) -> list[Edit]:
    """The runs of words deleted from ``a_text`` and inserted into ``b_text``, in order."""
    ta, tb, ops = diff_tokens(a_text, b_text)
    edits = []
    for tag, i1, i2, j1, j2 in ops:
        if tag in ("delete", "replace"):
            edits.append(Edit("delete", run_text(a_text, ta, i1, i2)))
        if tag in ("insert", "replace"):
            edits.append(Edit("insert", run_text(b_text, tb, j1, j2)))
    return edits


def diff_line(a: Sequence[str], b: Sequence[str]) -> str:
    """The sentences ``b`` on one line, with ``[-deleted-]`` and ``{+inserted+}`` runs from ``a``."""
    a_text = " ".join(" ".join(a).split())
    b_text = " ".join(" ".join(b).split())
    if not a:
        return f"{{+{b_text}+}}"
    if not b:
        return f"[-{a_text}-]"
    ta, tb, ops = diff_tokens(a_text, b_text)
    out, pos = [], 0  # pos: how much of b_text is written out
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if tag == "delete":  # stands after the previous token of B, before its space
            at = tb[j1 - 1].end if j1 else 0
            out.append(b_text[pos:at])
            out.append(f"{' ' if at else ''}[-{run_text(a_text, ta, i1, i2)}-]{'' if at else ' '}")
            pos = at
            continue
        at = tb[j1].start
        out.append(b_text[pos:at])
        if tag == "replace":
            out.append(f"[-{run_text(a_text, ta, i1, i2)}-]")
        out.append(f"{{+{run_text(b_text, tb, j1, j2)}+}}")
        pos = tb[j2 - 1].end
    out.append(b_text[pos:])
    return "".join(out)


def with_context(pairs: Sequence[SentencePair], context: int | None) -> list[SentencePair | int]:
    """The pairs, with each long run of same pairs cut to ``context`` at its ends and a count.

    A run of more than ``2 * context + 1`` same pairs between two changes keeps
    ``context`` pairs next to each change, and the number of those left out in
    between; ``context=None`` keeps everything.
    """
    if context is None:
        return list(pairs)
    if context < 0:
        raise ValueError(f"context must be 0 or more (or None for everything), not {context}.")
    out: list[SentencePair | int] = []
    run: list[SentencePair] = []
    for pair in [*pairs, None]:  # None: the end, which flushes the last run
        if pair is not None and pair.status == "same":
            run.append(pair)
            continue
        head = context if out else 0  # same pairs shown after the change above
        tail = context if pair is not None else 0  # and before the change below
        if len(run) > head + tail + 1:
            out += [*run[:head], len(run) - head - tail, *run[len(run) - tail :]]
        else:
            out += run
        run = []
        if pair is not None:
            out.append(pair)
    return out
