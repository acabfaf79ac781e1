"""The version viewer: two versions of a text, one aligned sentence pair at a time.

>>> import kit
>>> a, b = kit.load_articles()
>>> viewer = version_viewer(a, b, kind="changed")
>>> viewer.step.max == viewer.comparison.counts["changed"]
True
>>> viewer.next_button.click()
>>> "Pair 2 of" in viewer.output.value
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as widgets

from kit.texts import TextLike, as_text
from kit.widgets.base import LABEL_STYLE, Explorer, is_long
from kit.widgets.render import message_html, pair_html

if TYPE_CHECKING:
    from kit.compare import Comparison, SentencePair

__all__ = ["ALL_KINDS", "CHANGED_KINDS", "VersionViewer", "version_viewer"]

ALL_KINDS = "all"
"""The version viewer's filter value that shows every sentence pair."""
CHANGED_KINDS = "all but same"
"""The version viewer's filter value that shows every pair except the unchanged ones."""


class VersionViewer(Explorer):
    """Two versions, one aligned sentence pair at a time. See :func:`version_viewer`."""

    def __init__(self, a: TextLike, b: TextLike, *, kind: str = ALL_KINDS) -> None:
        as_text(a, argument="a"), as_text(b, argument="b")  # a helpful error for anything else
        self.texts = (a, b)
        self.comparison: Comparison | None = None  # until the two versions are aligned
        self._shown: list[SentencePair] = []
        self.kind = widgets.Dropdown(options=[kind], value=kind, description="show", style=LABEL_STYLE)
        self.step = widgets.IntSlider(value=1, min=1, max=1, description="pair", style=LABEL_STYLE)
        self.previous_button = widgets.Button(description="previous", icon="arrow-left")
        self.next_button = widgets.Button(description="next", icon="arrow-right")
        self.previous_button.on_click(lambda _: self._move(-1))
        self.next_button.on_click(lambda _: self._move(+1))
        long = is_long(self.texts)
        if not long:
            self._compare()
        super().__init__(
            [self.kind, self.previous_button, self.step, self.next_button],
            css_class="kit-version-viewer",
            prepare=self._compare if long else None,
            doing="Aligning the sentences of the two versions…",
        )

    def _compare(self) -> None:
        """Align the two versions, and offer the kinds of pair found, with their counts."""
        from kit.compare import compare_versions

        kind = self.kind.value
        comparison = compare_versions(*self.texts)
        counts = comparison.counts
        changed = sum(c for s, c in counts.items() if s != "same")
        options = [(f"{ALL_KINDS} ({len(comparison)})", ALL_KINDS),
                   (f"{CHANGED_KINDS} ({changed})", CHANGED_KINDS)]
        options += [(f"{s} ({c})", s) for s, c in counts.items() if c]
        if kind not in [value for _, value in options]:
            raise ValueError(
                f"kind {kind!r} is not one of the kinds found: "
                f"{', '.join(value for _, value in options)}."
            )
        self.comparison = comparison
        self._quiet = True
        try:
            self.kind.options = options
            self.kind.value = kind
        finally:
            self._quiet = False
        self._resize()

    def shown(self) -> list[SentencePair]:
        """The pairs the ``kind`` filter lets through, in order."""
        return self._shown

    def _resize(self) -> None:
        """Filter the pairs by kind, fit the step slider to them, and go back to the first."""
        kind = self.kind.value
        self._shown = [
            p for p in (self.comparison or ())
            if kind == ALL_KINDS or (kind == CHANGED_KINDS and p.status != "same") or p.status == kind
        ]
        self._quiet = True
        try:
            self.step.max = max(1, len(self._shown))
            self.step.value = 1
        finally:
            self._quiet = False

    def _changed(self, change: dict) -> None:
        if change["owner"] is self.kind and not self._quiet:
            self._resize()
        super()._changed(change)

    def _move(self, by: int) -> None:
        self.step.value = min(max(self.step.value + by, self.step.min), self.step.max)

    def render(self) -> str:
        pairs = self.shown()
        if not pairs:
            return message_html(f"No sentence pair is {self.kind.value!r}.")
        i = self.step.value - 1
        return pair_html(pairs[i], position=f"{i + 1} of {len(pairs)}")


def version_viewer(a: TextLike, b: TextLike, *, kind: str = ALL_KINDS) -> VersionViewer:
    """Step through the aligned sentence pairs of two versions (``kit.compare_versions``).

    Controls: ``kind`` (which pairs to show: :data:`ALL_KINDS`,
    :data:`CHANGED_KINDS`, or one status such as ``"changed"``), ``step``
    (a slider: which pair), and ``previous_button`` / ``next_button``. Each
    pair shows A and B side by side, deleted words struck through and
    inserted words highlighted. The aligned pairs are ``viewer.comparison``.
    """
    return VersionViewer(a, b, kind=kind)
