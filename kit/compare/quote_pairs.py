"""Comparing the quotations of two versions: :func:`compare_quotes`.

Each quotation of A is paired with its counterpart in B, aligned like sentences
(:mod:`kit.compare.align`) but without splits or merges:

>>> from collections import namedtuple
>>> Q = namedtuple("Q", "text speaker cue")
>>> pairs = compare_quote_lists(
...     [Q("We are determined to cooperate,", "Lukashenko", "said")],
...     [Q("We are firmly determined to cooperate.", "Lukashenko", "stressed")])
>>> [(p.status, p.inserted, p.deleted, p.attribution_changes) for p in pairs]
[('altered', ['firmly'], [], ['cue: said → stressed'])]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Sequence

from kit.compare.align import SIMILARITY_THRESHOLD, align, check_threshold
from kit.compare.word_diff import word_edits
from kit.texts import TextLike, as_text

if TYPE_CHECKING:  # only for type hints: kit.quotes is imported when it is used
    from kit.quotes import Quote

__all__ = [
    "QUOTE_STATUSES",
    "QuotePair",
    "compare_quote_lists",
    "compare_quotes",
    "quote_key",
    "same_person",
]

QUOTE_STATUSES = ("identical", "altered", "only_a", "only_b")
"""What can happen to a quotation, see :class:`QuotePair`."""


class QuotePair(NamedTuple):
    """One quotation in version A and its counterpart in version B."""

    status: str
    """``"identical"`` (the same words, ignoring a closing comma or full stop),
    ``"altered"``, ``"only_a"`` or ``"only_b"``."""
    a: Quote | None
    """The quotation in version A, or None when only B has it."""
    b: Quote | None
    """The quotation in version B, or None when only A has it."""
    inserted: list[str]
    """The runs of words B adds inside the quotation."""
    deleted: list[str]
    """The runs of words A had inside the quotation that B drops."""

    @property
    def speaker_changed(self) -> bool:
        """Whether both versions have the quote, attributed to different people.

        A fuller form of the same name is no change: version B may call
        *Ayatollah Ali Khamenei* *Ayatollah Seyyed Ali Khamenei*.
        """
        if self.a is None or self.b is None:
            return False
        return not same_person(self.a.speaker, self.b.speaker)

    @property
    def cue_changed(self) -> bool:
        """Whether both versions have the quote, introduced by different verbs."""
        return self.a is not None and self.b is not None and self.a.cue != self.b.cue

    @property
    def attribution_changes(self) -> list[str]:
        """What changed in who said it and how: ``['cue: stated → said']``."""
        changes = []
        if self.speaker_changed:
            changes.append(f"speaker: {self.a.speaker} → {self.b.speaker}")
        if self.cue_changed:
            changes.append(f"cue: {self.a.cue} → {self.b.cue}")
        return changes


def compare_quotes(
    a: TextLike, b: TextLike, *, threshold: float = SIMILARITY_THRESHOLD
) -> list[QuotePair]:
    """Pair each quotation of version A with its counterpart in version B.

    The quotations are found by :func:`kit.quotes.extract_quotes`, then
    aligned like sentences, without splits or merges. ``threshold`` is the
    similarity an altered quotation needs to still count as the same one. The
    pairs come in the order of B; a quotation only A has comes where it stood
    in A.
    """
    text_a = as_text(a, argument="a")
    text_b = as_text(b, argument="b")
    check_threshold(threshold)
    from kit.quotes import extract_quotes  # imported here: kit.compare loads fast

    return compare_quote_lists(extract_quotes(text_a), extract_quotes(text_b), threshold=threshold)


def compare_quote_lists(
    a: Sequence[Quote], b: Sequence[Quote], *, threshold: float = SIMILARITY_THRESHOLD
) -> list[QuotePair]:
    """Like :func:`compare_quotes`, for quotations already found.

    Any records with ``.text``, ``.speaker`` and ``.cue`` will do, so you can
    compare the quotations your own regular expression finds.
    """
    qa, qb = _quote_list(a, "a"), _quote_list(b, "b")
    check_threshold(threshold)
    keys_a = [quote_key(q.text) for q in qa]
    keys_b = [quote_key(q.text) for q in qb]
    order, _, scores = align(keys_a, keys_b, threshold=threshold, joins=False)
    pairs = []
    for match in order:
        a0, a1, b0, b1 = match
        if a0 == a1:
            pairs.append(QuotePair("only_b", None, qb[b0], [], []))
        elif b0 == b1:
            pairs.append(QuotePair("only_a", qa[a0], None, [], []))
        elif match not in scores:
            pairs.append(QuotePair("identical", qa[a0], qb[b0], [], []))
        else:
            edits = word_edits(keys_a[a0], keys_b[b0])
            inserted = [e.text for e in edits if e.op == "insert"]
            deleted = [e.text for e in edits if e.op == "delete"]
            pairs.append(QuotePair("altered", qa[a0], qb[b0], inserted, deleted))
    return pairs


def same_person(x: str | None, y: str | None) -> bool:
    """Whether two speaker names name one person: every word of the shorter
    name is in the longer one, in the same order (Ali Khamenei, Ayatollah
    Seyyed Ali Khamenei). None is nobody, and only the same as None.

    >>> same_person("Ayatollah Ali Khamenei", "Ayatollah Seyyed Ali Khamenei")
    True
    >>> same_person("Alexander Lukashenko", "Ali Khamenei"), same_person(None, "Ali Khamenei")
    (False, False)
    """
    if x is None or y is None:
        return x is y
    short, long = sorted((x.casefold().split(), y.casefold().split()), key=len)
    rest = iter(long)
    return all(word in rest for word in short)  # "in" moves on through rest


def quote_key(text: str) -> str:
    """A quotation's words as compared: white space normalised, and without the
    comma or full stop that closes it, which changes with the sentence around
    it (“…for all of them,” he said / He said, “…for all of them.”).

    >>> quote_key("for all of them,"), quote_key("for all of them.")
    ('for all of them', 'for all of them')
    """
    key = " ".join(text.split())
    return key[:-1].rstrip() if key.endswith((",", ".")) else key


def _quote_list(quotes: Sequence[Quote], argument: str) -> list[Quote]:
    if isinstance(quotes, str) or not isinstance(quotes, Sequence):
        kind = "None" if quotes is None else type(quotes).__name__
        raise TypeError(
            f"{argument} must be a list of quotations, not {kind}. Find them with "
            "kit.extract_quotes(text), or compare whole texts with kit.compare_quotes(a, b)."
        )
    for n, q in enumerate(quotes):
        if not all(hasattr(q, name) for name in ("text", "speaker", "cue")) or not isinstance(
            q.text, str
        ):
            raise TypeError(
                f"{argument}[{n}] is a {type(q).__name__}, not a quotation: it needs "
                ".text (a str), .speaker and .cue, like the Quotes of kit.extract_quotes."
            )
    return list(quotes)
