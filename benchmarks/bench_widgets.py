"""How fast do the explorers of kit.widgets open and answer, on a book?

War and Peace is cut in two halves at a paragraph break, loaded as texts A and
B, and each explorer is opened on both, as ``keyword_explorer(a, b)``, in a
fresh process after the kit's modules are imported (as the explorer notebook's
first cell imports them). What is timed:

- **opens**: the call that returns the explorer, with its first result drawn
  or, on a book, with a message saying what it is doing in the background;
- **ready**: until its work in the background is all done (``explorer.wait()``);
- **each control**: setting its value (as a click or Enter does), which
  redraws the result, after the explorer is ready.

Targets: every explorer opens in under 1 s, and every control answers in under
200 ms. The explorer notebook's own time is measured by bench_notebooks.py.
Timings are in-kernel: sending the new HTML to the browser is not included.

Run it with ``python benchmarks/bench_widgets.py``.
"""

from __future__ import annotations

import statistics
import time
from typing import Any, Callable

from common import corpus, measure

OPEN_TARGET_S = 1.0
CONTROL_TARGET_S = 0.2
RUNS = 3


def _halves() -> tuple[Any, Any]:
    from kit.texts import Article

    text = corpus().replace("\r\n", "\n")
    cut = text.find("\n\n", len(text) // 2)
    return (Article("war_and_peace_1", text[:cut], letter="A"),
            Article("war_and_peace_2", text[cut:].lstrip("\n"), letter="B"))


def _setup(fraction: float) -> tuple[Any, Any]:
    import kit.compare  # noqa: F401  (imported by the notebook's first cell, or at first use)
    import kit.frequency  # noqa: F401
    import kit.quotes  # noqa: F401
    import kit.widgets  # noqa: F401

    return _halves()


def _drive(make: Callable[[], Any], steps: list[tuple[str, Callable[[Any], None]]]) -> dict[str, float]:
    """Open an explorer, wait for it, then take each step; the seconds of each."""
    start = time.perf_counter()
    explorer = make()
    times = {"opens": time.perf_counter() - start}
    explorer.wait()
    times["ready"] = time.perf_counter() - start
    assert "kit-message" not in explorer.output.value or "No " in explorer.output.value, explorer.output.value
    for name, step in steps:
        start = time.perf_counter()
        step(explorer)
        times[name] = time.perf_counter() - start
        assert explorer.output.value, name
    return times


def _set(control: str, value: Any) -> Callable[[Any], None]:
    def step(explorer: Any) -> None:
        setattr(getattr(explorer, control), "value", value)

    return step


def keywords(texts: tuple[Any, Any]) -> dict[str, float]:
    from kit.widgets import keyword_explorer

    return _drive(lambda: keyword_explorer(*texts), [
        ("top N slider to 25", _set("top_n", 25)),
        ("stopwords off", _set("use_stopwords", False)),
        ("stopwords on", _set("use_stopwords", True)),
        ("also leave out 'said, prince' + Enter", _set("extra_stopwords", "said, prince")),
        ("text B", _set("article", 1)),
        ("top N slider to 5", _set("top_n", 5)),
    ])


def concordance(texts: tuple[Any, Any]) -> dict[str, float]:
    from kit.widgets import concordance_explorer

    return _drive(lambda: concordance_explorer(*texts), [
        ("search 'natasha' + Enter", _set("search", "natasha")),
        ("search 'prince andrew' + Enter", _set("search", "prince andrew")),
        ("window slider to 60", _set("window", 60)),
        ("sort by left context", _set("sort", "left")),
        ("sort by right context", _set("sort", "right")),
        ("text B", _set("article", 1)),
        ("search 'moscow' + Enter", _set("search", "moscow")),
        ("search 'natash' (no match) + Enter", _set("search", "natash")),
    ])


def quotes(texts: tuple[Any, Any]) -> dict[str, float]:
    from kit.widgets import quote_browser

    def top_speaker(explorer: Any) -> None:
        explorer.speaker.value = explorer.speaker.options[1][1]

    return _drive(lambda: quote_browser(*texts), [
        ("page slider to 10", _set("page", 10)),
        ("a speaker", top_speaker),
        ("text B", _set("article", 1)),
        ("page slider to 5", _set("page", 5)),
        ("all speakers", _set("speaker", "(all speakers)")),
    ])


def versions(texts: tuple[Any, Any]) -> dict[str, float]:
    from kit.widgets import version_viewer

    return _drive(lambda: version_viewer(*texts), [
        ("next button", lambda v: v.next_button.click()),
        ("pair slider to 5000", _set("step", 5000)),
        ("show 'moved'", _set("kind", "moved")),
        ("show 'changed'", _set("kind", "changed")),
        ("show all", _set("kind", "all")),
        ("previous button", lambda v: v.previous_button.click()),
    ])


keywords_setup = concordance_setup = quotes_setup = versions_setup = _setup

EXPLORERS = {
    "keyword_explorer": "keywords",
    "concordance_explorer": "concordance",
    "quote_browser": "quotes",
    "version_viewer": "versions",
}


def rows(runs: int = RUNS) -> list[dict]:
    out = []
    for explorer, target in EXPLORERS.items():
        results = [measure(f"bench_widgets:{target}", runs=1).result for _ in range(runs)]
        median = {step: statistics.median(r[step] for r in results) for step in results[0]}
        controls = {step: s for step, s in median.items() if step not in ("opens", "ready")}
        slowest = max(controls, key=controls.get)
        opened, answered = median["opens"] <= OPEN_TARGET_S, controls[slowest] <= CONTROL_TARGET_S
        steps = "; ".join(f"{step} {s * 1000:.0f} ms" for step, s in controls.items())
        out.append({
            "task": f"{explorer}(a, b), War and Peace in halves: opens",
            "kit_s": median["opens"], "kit_peak_mb": None,
            "baseline": None, "baseline_s": None, "baseline_peak_mb": None,
            "target": f"< {OPEN_TARGET_S:g} s",
            "note": f"{'met' if opened else 'MISSED'}; ready (background work done) after "
                    f"{median['ready']:.2f} s",
        })
        out.append({
            "task": f"{explorer}(a, b), War and Peace in halves: slowest control",
            "kit_s": controls[slowest], "kit_peak_mb": None,
            "baseline": None, "baseline_s": None, "baseline_peak_mb": None,
            "target": f"< {CONTROL_TARGET_S * 1000:.0f} ms each",
            "note": f"{'met' if answered else 'MISSED'}: {slowest}. Every control: {steps}",
        })
    return out


if __name__ == "__main__":
    from common import print_rows

    print_rows(rows())
