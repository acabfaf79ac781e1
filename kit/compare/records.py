"""What a comparison of two versions returns: a :class:`Comparison` of :class:`SentencePair`.

A comparison is a sequence of its sentence pairs, so ``len``, ``for`` and
indexing work on it as on ``comparison.pairs``:

>>> from kit.compare import compare_versions
>>> cmp = compare_versions("Iran and Belarus met. They agreed.", "Iran and Belarus met. They agreed today.")
>>> len(cmp), cmp[0].status
(2, 'same')
>>> [pair.status for pair in cmp]
['same', 'changed']
>>> cmp[1].edits
[Edit(op='insert', text='today')]

The other fields say it in numbers, and, for a reader, so does printing it:

>>> cmp.counts["changed"], cmp.similarity
(1, 0.863)
>>> print(cmp)
same     Iran and Belarus met.
changed  They agreed {+today+}.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Iterator, NamedTuple, overload

from kit.compare.word_diff import Edit, diff_line, with_context
from kit.segment import words

__all__ = ["Comparison", "STATUSES", "SentencePair"]

STATUSES = ("same", "changed", "added", "removed", "moved", "split", "merged")
"""What can happen to a sentence, in the order ``Comparison.counts`` lists them."""


class SentencePair(NamedTuple):
    """What happened to one sentence (or two, for a split or a merge)."""

    status: str
    """One of :data:`STATUSES`."""
    a: tuple[str, ...]
    """The sentences of version A: none if added, two if merged."""
    b: tuple[str, ...]
    """The sentences of version B: none if removed, two if split."""
    similarity: float
    """The Dice coefficient of the two sides' content words, 0.0 to 1.0."""
    edits: list[Edit]
    """The word-level edits turning ``a`` into ``b``; empty when the words are the
    same, and for added and removed sentences (their status says it all)."""


@dataclass(frozen=True, repr=False)
class Comparison(Sequence):
    """Two versions of a text, aligned sentence by sentence: a sequence of :class:`SentencePair`.

    ``len(comparison)``, ``comparison[0]`` and ``for pair in comparison`` work
    on its pairs. ``print(comparison)`` shows a word diff; in Jupyter, a
    comparison on its own shows a side-by-side table (see :meth:`to_html`).
    """

    pairs: list[SentencePair]
    """Every sentence of both versions, once, in the order of version B; a
    removed sentence comes where it stood in version A."""
    counts: dict[str, int]
    """How many pairs have each status, in the order of :data:`STATUSES`."""
    similarity: float
    """How much of the text the two versions share, 0.0 to 1.0: the pairs'
    similarities, weighted by their length in characters."""

    def __len__(self) -> int:
        return len(self.pairs)

    @overload
    def __getitem__(self, index: int) -> SentencePair: ...

    @overload
    def __getitem__(self, index: slice) -> list[SentencePair]: ...

    def __getitem__(self, index: int | slice) -> SentencePair | list[SentencePair]:
        return self.pairs[index]

    def __iter__(self) -> Iterator[SentencePair]:
        return iter(self.pairs)

    @property
    def words_inserted(self) -> int:
        """How many words version B adds: in added sentences and in edits."""
        return self._count_words("insert", "added")

    @property
    def words_deleted(self) -> int:
        """How many words version A loses: in removed sentences and in edits."""
        return self._count_words("delete", "removed")

    def _count_words(self, op: str, status: str) -> int:
        n = 0
        for pair in self.pairs:
            if pair.status == status:  # one side is empty
                n += sum(len(words(s)) for s in pair.a + pair.b)
            n += sum(len(words(e.text)) for e in pair.edits if e.op == op)
        return n

    def word_diff(self, context: int | None = 3) -> str:
        """The comparison as text, in the style of ``git diff --word-diff``.

        One line per pair: its status, then B's text with ``[-deleted-]`` and
        ``{+inserted+}`` runs of words. A run of more than ``2 * context + 1``
        same sentences is shortened to ``context`` at either end;
        ``context=None`` shows every sentence.
        """
        lines = []
        for item in with_context(self.pairs, context):
            if isinstance(item, int):
                lines.append(f"{'':8} ... {item} same sentences ...")
            else:
                lines.append(f"{item.status:<8} {diff_line(item.a, item.b)}")
        return "\n".join(lines)

    def to_html(self, context: int | None = 3) -> str:
        """A side-by-side table: version A on the left, B on the right.

        Deleted words are marked ``<del>`` in A, inserted words ``<ins>`` in B,
        and all text is HTML-escaped. ``context`` works as in :meth:`word_diff`.
        The colours follow JupyterLab's light or dark theme.
        """
        from kit.compare.html_table import comparison_html

        return comparison_html(self, context)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.word_diff()

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {s}" for s, n in self.counts.items() if n) or "two empty texts"
        return f"<Comparison of {len(self.pairs)} pairs ({counts}), similarity {self.similarity}>"
