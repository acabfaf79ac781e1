"""What every explorer shares: controls on top, the result below, and work done in the background.

An :class:`Explorer` is an ``ipywidgets.VBox``. It redraws its result whenever
a control's value changes, so code can drive it exactly as a student's clicks
do (``explorer.top_n.value = 3``), and an error shows as a message in place of
the result, never as a traceback under the cell.

On a long text (a book), an explorer opens at once and does its slow work in a
background thread: finding the quotations, aligning two versions, counting the
words of the texts not shown yet. Until that work is done it says what it is
doing, with its controls disabled. ``explorer.wait()`` waits for it, for code
that drives an explorer on a book. (ipywidgets documents updating a widget from
a thread: "Asynchronous widgets" in its user guide.)
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Sequence

import ipywidgets as widgets

from kit.texts import TextLike, as_text
from kit.widgets.render import label, message_html

__all__ = [
    "BACKGROUND_CHARS",
    "Explorer",
    "LABEL_STYLE",
    "chooser",
    "is_long",
]

BACKGROUND_CHARS = 200_000
"""Texts longer than this, together, get their slow work done in the background
(a 600-word article is about 4,000 characters; half of War and Peace, 1.6 million)."""

LABEL_STYLE = {"description_width": "initial"}
"""Controls show their labels in full, not cut to a fixed width."""


def is_long(texts: Sequence[TextLike]) -> bool:
    """Whether ``texts`` are long enough, together, for an explorer to work in the background."""
    return sum(len(as_text(t)) for t in texts) > BACKGROUND_CHARS


class Explorer(widgets.VBox):
    """Controls on top, the result below, redrawn whenever a control's value changes.

    ``controls`` lists the controls, each also an attribute of its own;
    ``output`` is an ``ipywidgets.HTML`` whose ``value`` is the result shown.
    Subclasses set up their controls and define :meth:`render`.
    """

    def __init__(
        self,
        controls: Sequence[widgets.Widget],
        *,
        css_class: str,
        prepare: Callable[[], None] | None = None,
        doing: str = "Working…",
        then: Callable[[], None] | None = None,
    ) -> None:
        """Lay out ``controls`` above the output, and draw the first result.

        ``prepare``, when given, is slow work to do in the background before
        the first result (``doing`` says what it is); ``then``, work to do in
        the background after it, while the explorer is already usable.
        """
        self.controls = tuple(controls)
        self.output = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.output.add_class("kit-output")
        self._quiet = False  # True while the explorer sets its own controls
        self._ready = threading.Event()  # set once the first result can be drawn
        self._ready.set()
        self._threads: list[threading.Thread] = []
        visible = [c for c in self.controls if c.layout.display != "none"]
        bar = widgets.HBox(visible, layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        super().__init__([bar, self.output])
        self.add_class("kit-explorer")
        self.add_class(css_class)
        for control in self.controls:
            if hasattr(control, "value"):
                control.observe(self._changed, names="value")
        if prepare is None:
            self.refresh()
            if then is not None:
                self._start(lambda: _quietly(then))
        else:
            self._in_background(prepare, doing, then)

    def render(self) -> str:
        """The HTML for the current values of the controls."""
        raise NotImplementedError

    def __repr__(self) -> str:
        # Shown where widgets cannot be (a terminal, a notebook viewer): short, not
        # ipywidgets' dump of every child.
        names = [n for n, v in vars(self).items() if any(v is c for c in self.controls)]
        return f"<{type(self).__name__} with controls {', '.join(names)}; run it in Jupyter to use them>"

    def refresh(self) -> None:
        """Redraw the result. An error shows as a message instead of the result."""
        if not self._ready.is_set():
            return  # the background work redraws when it is done
        try:
            self.output.value = self.render()
        except (ValueError, TypeError, LookupError) as err:
            self.output.value = message_html(str(err), error=True)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the explorer's work in the background is all done; False if ``timeout`` ran out."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in self._threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in self._threads)

    def _start(self, work: Callable[[], None]) -> None:
        thread = threading.Thread(target=work, name=f"{type(self).__name__} work", daemon=True)
        self._threads.append(thread)
        thread.start()

    def _in_background(
        self, work: Callable[[], None], doing: str, then: Callable[[], None] | None
    ) -> None:
        """Run ``work`` in a thread, saying ``doing`` (with the controls disabled)
        until it is done; then draw the result, and run ``then`` in that thread."""
        self._ready.clear()
        for control in self.controls:
            control.disabled = True
        self.output.value = message_html(doing)

        def run() -> None:
            failed = None
            try:
                work()
            except Exception as err:  # shown in the explorer: a thread has no cell to show it under
                failed = err
            for control in self.controls:
                control.disabled = False
            self._ready.set()
            if failed is not None:
                self.output.value = message_html(f"{type(failed).__name__}: {failed}", error=True)
                return
            self.refresh()
            if then is not None:
                _quietly(then)

        self._start(run)

    def _changed(self, change: dict) -> None:
        if not self._quiet:
            self.refresh()


def _quietly(work: Callable[[], None]) -> None:
    """Run work done ahead of time, ignoring its errors: if a student then asks
    for it, the explorer does it again and shows the error where it belongs."""
    try:
        work()
    except Exception:
        pass


def chooser(texts: Sequence[TextLike], what: str) -> widgets.Dropdown:
    """A dropdown to pick one of ``texts`` by its label; its value is the index. Hidden for one text."""
    if not texts:
        raise TypeError(f"{what} needs at least one text, such as {what}(a) or {what}(a, b).")
    for i, t in enumerate(texts):
        as_text(t, argument=f"text {i + 1}")  # a helpful error for anything else
    return widgets.Dropdown(
        options=[(label(t, i), i) for i, t in enumerate(texts)],
        value=0,
        description="text",
        style=LABEL_STYLE,
        layout=widgets.Layout(width="auto", display=None if len(texts) > 1 else "none"),
    )
