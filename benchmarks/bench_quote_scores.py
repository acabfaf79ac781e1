"""Who said it, measured: the kit's quotes and speakers on hand-annotated news and novels.

The data is not part of the project. When ``../shared/data`` is there (next to
the repository), this benchmark scores :func:`kit.extract_quotes` with
``../shared/tools/score_quotes.py`` on

* PolNeAR's 840 training articles (``../shared/data/polnear-train``), US news
  from the 2016 campaign with every attribution annotated by hand, and
* every novel of the Project Dialogism Novel Corpus in ``../shared/data/pdnc``,
  with every quotation's speaker annotated by hand,

and on short passages of those novels (25 from each, of about 2,500 and of
about 6,000 characters, whole paragraphs cut at seeded random places), the
scenes a teacher picks for a class, where the text is too short to learn
much from, side by side with the naive regex (:data:`kit.quotes.NAIVE_QUOTE`), whose
speaker is the rule a first attempt uses: the capitalised name nearest to
the quote in its paragraph (see :func:`naive_extract`). When the data is not
there, it says so and gives no rows.

Each row gives the time of one call per text (all 840 articles; a whole
novel), the median of three fresh processes (``common.measure``), and in its
note the scores: quote F1, speaker accuracy on the quotes found, and speakers
right of all quotes with a named speaker (the end-to-end figure). Each novel's
note also gives its scores with the reporting verbs derived as if that novel
were not annotated (:func:`held_out_verbs`): the list of verbs is the one part
of the kit learned from these files, and this is how it does on a novel it
never saw. The targets
are the issue's: news F1 ≥ 0.95 and speaker accuracy ≥ 0.92, all articles in
under 3 s; fiction F1 ≥ 0.97 and speaker accuracy ≥ 0.80, a novel in under 1 s.

Run it with ``python benchmarks/bench_quote_scores.py``; ``benchmarks/run.py``
picks up :func:`rows` for ``make bench``.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import measure, print_rows, row  # noqa: E402

from kit.quotes import NAIVE_QUOTE  # noqa: E402

SHARED = HERE.parent.parent / "shared"
NEWS = SHARED / "data" / "polnear-train"
NOVELS = SHARED / "data" / "pdnc"
SCORER = SHARED / "tools" / "score_quotes.py"
NEWS_TARGET = {"f1": 0.95, "speaker_accuracy": 0.92, "seconds": 3.0}
NOVEL_TARGET = {"f1": 0.97, "speaker_accuracy": 0.80, "seconds": 1.0}


def _scorer():
    """``../shared/tools/score_quotes.py``, imported from where it is (never copied)."""
    spec = importlib.util.spec_from_file_location("score_quotes", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kit_extract(text: str) -> list[tuple[int, int, str | None]]:
    """The kit, in the scorer's shape: (start, end, speaker) for each quote."""
    from kit.quotes import extract_quotes

    return [(q.start, q.end, q.speaker) for q in extract_quotes(text)]


_NAIVE = re.compile(NAIVE_QUOTE)
_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def naive_extract(text: str) -> list[tuple[int, int, str | None]]:
    """The naive way: quotes by :data:`kit.quotes.NAIVE_QUOTE`, and as speaker the
    capitalised name nearest to the quote within its paragraph (after the
    closing mark first, as in “...,” said Smith; else before the opening one)."""
    found = []
    for m in _NAIVE.finditer(text):
        start, end = m.span(1)
        para_end = text.find("\n", end)
        para_start = text.rfind("\n", 0, start) + 1
        after = _CAPITALISED.search(text, end + 1, para_end if para_end >= 0 else len(text))
        before = list(_CAPITALISED.finditer(text, para_start, max(para_start, start - 1)))
        speaker = after.group() if after else (before[-1].group() if before else None)
        found.append((start, end, speaker))
    return found


# --- what is timed (in fresh processes, by common.measure) ------------------------


def _texts(which: str) -> list[str]:
    if which == "news":
        return [p.read_text(encoding="utf-8") for p in sorted((NEWS / "text").glob("*.txt"))]
    return [(NOVELS / which / "novel_text.txt").read_text(encoding="utf-8")]


PASSAGE_SIZES = (2500, 6000)
PASSAGES_PER_NOVEL = 25


def _passages(scorer, size: int) -> tuple[list, object]:
    """Passages of about ``size`` characters, :data:`PASSAGES_PER_NOVEL` from each
    novel: whole paragraphs from a seeded random place, with the annotated quotes
    wholly inside them, placed in the passage. The same passages every run."""
    import random

    docs, same = [], None
    for novel in _novels():
        [(name, text, gold)], same = scorer.load_pdnc(str(NOVELS / novel))
        pick = random.Random(f"{novel}-{size}")
        for n in range(PASSAGES_PER_NOVEL):
            start = text.rfind("\n\n", 0, pick.randrange(0, len(text) - size)) + 2
            end = text.find("\n\n", start + size)
            end = len(text) if end < 0 else end
            inside = [(s - start, e - start, names, who) for s, e, names, who in gold if start <= s and e <= end]
            docs.append((f"{name}-{n}", text[start:end], inside))
    return docs, same


def _novels() -> list[str]:
    return sorted(p.name for p in NOVELS.iterdir() if (p / "novel_text.txt").is_file())


def _run(extract, texts: list[str]) -> int:
    return sum(len(extract(t)) for t in texts)


def kit_news_setup(fraction: float = 1.0) -> list[str]:
    # The steps are imported before the clock starts: kit.quotes imports them
    # at the first call, and compiling their patterns is a one-off cost per
    # process, timed on its own (steps_import) and given in the note.
    import kit.quotes.attribution  # noqa: F401

    return _texts("news")


def steps_import_setup(fraction: float = 1.0) -> None:
    import kit.quotes  # noqa: F401  (the package alone is cheap: the steps load lazily)


def steps_import(_: None) -> int:
    """What the first call of extract_quotes in a process pays once: importing the
    steps, which compiles their patterns."""
    import kit.quotes.attribution  # noqa: F401

    return 0


def kit_news(texts: list[str]) -> int:
    return _run(kit_extract, texts)


def naive_news_setup(fraction: float = 1.0) -> list[str]:
    return _texts("news")


def naive_news(texts: list[str]) -> int:
    return _run(naive_extract, texts)


def kit_novel_setup(fraction: float = 1.0) -> list[str]:
    import kit.quotes.attribution  # noqa: F401  (see kit_news_setup)

    return _texts(os.environ["BENCH_QUOTE_NOVEL"])


def kit_novel(texts: list[str]) -> int:
    return _run(kit_extract, texts)


def naive_novel_setup(fraction: float = 1.0) -> list[str]:
    return _texts(os.environ["BENCH_QUOTE_NOVEL"])


def naive_novel(texts: list[str]) -> int:
    return _run(naive_extract, texts)


def _passage_texts() -> list[str]:
    """The passages a child process times, of the size its environment names (``BENCH_QUOTE_PASSAGE``)."""
    return [text for _, text, _ in _passages(_scorer(), int(os.environ["BENCH_QUOTE_PASSAGE"]))[0]]


def kit_passages_setup(fraction: float = 1.0) -> list[str]:
    import kit.quotes.attribution  # noqa: F401  (see kit_news_setup)

    return _passage_texts()


def kit_passages(texts: list[str]) -> int:
    return _run(kit_extract, texts)


def naive_passages_setup(fraction: float = 1.0) -> list[str]:
    return _passage_texts()


def naive_passages(texts: list[str]) -> int:
    return _run(naive_extract, texts)


# --- the rows -----------------------------------------------------------------------


def _scores(scorer, docs, same, extract) -> dict:
    return scorer.score(docs, same, extract)


def _note(kit: dict, naive: dict, seconds: float, target: dict, first_call: float) -> str:
    met = [
        f"F1 {kit['f1']:.3f} ({'met' if kit['f1'] >= target['f1'] else 'MISSED'} ≥ {target['f1']})",
        f"speaker accuracy {_score(kit['speaker_accuracy'])} "
        f"({'met' if (kit['speaker_accuracy'] or 0) >= target['speaker_accuracy'] else 'MISSED'} "
        f"≥ {target['speaker_accuracy']})",
        f"right of all named {_score(kit['speaker_right_of_named_gold'])}",
        f"{seconds:.2f} s ({'met' if seconds < target['seconds'] else 'MISSED'} < {target['seconds']:g} s), "
        f"after the steps' import, which the first call in a process pays once ({first_call:.2f} s)",
    ]
    why = " (it reads curly marks only, and this text uses straight ones)" if naive["predicted"] == 0 else ""
    return (
        f"{kit['gold']} annotated quotes. Kit: " + "; ".join(met) + ". Naive regex: "
        f"F1 {naive['f1']:.3f}, speaker accuracy {_score(naive['speaker_accuracy'])}, "
        f"right of all named {_score(naive['speaker_right_of_named_gold'])}{why}."
    )


def held_out_verbs(novel: str) -> dict:
    """The kit's scores on ``novel`` with the reporting verbs derived as if that novel
    were not annotated (``derive_reporting_verbs.derive(leave_out=novel)``): the
    only part of the kit learned from these files, so the check of how it does on
    a novel it never saw. A copy of the kit with that list is scored in a fresh
    process (the cue patterns are compiled from the list at import)."""
    import json
    import shutil
    import subprocess
    import tempfile

    from derive_reporting_verbs import derive

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(HERE.parent / "kit", Path(tmp) / "kit", ignore=shutil.ignore_patterns("__pycache__"))
        listed = "\n".join(f"{word} {n}" for word, n, _ in derive(leave_out=novel))
        (Path(tmp) / "kit" / "quotes" / "reporting_verbs.txt").write_text(listed + "\n", encoding="utf-8")
        child = (f"import sys; sys.path.insert(0, {tmp!r}); import kit.quotes.attribution; "  # the copy, first
                 f"sys.path.insert(0, {str(HERE)!r}); import bench_quote_scores as b; b._held_out_child({novel!r})")
        done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _held_out_child(novel: str) -> None:
    """In the child of :func:`held_out_verbs`: score the kit it imported, print JSON."""
    import json

    scorer = _scorer()
    docs, same = scorer.load_pdnc(str(NOVELS / novel))
    print(json.dumps(_scores(scorer, docs, same, kit_extract)))


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def rows(runs: int = 3) -> list[dict]:
    """One row for the news and one for each novel, or none when ``../shared`` is absent.

    The novel a child process times is named in its environment (``BENCH_QUOTE_NOVEL``).
    """
    if not (SCORER.is_file() and NEWS.is_dir() and NOVELS.is_dir()):
        print(f"bench_quote_scores: {SHARED} is not there (the annotated data and its scorer); "
              "no quote scores this time.", file=sys.stderr)
        return []
    scorer = _scorer()
    found = []
    first_call = measure("bench_quote_scores:steps_import", runs).median_s
    docs, same = scorer.load_polnear(str(NEWS))
    kit_scores, naive_scores = _scores(scorer, docs, same, kit_extract), _scores(scorer, docs, same, naive_extract)
    kit_m, naive_m = measure("bench_quote_scores:kit_news", runs), measure("bench_quote_scores:naive_news", runs)
    found.append(row(
        f"Quote speakers, PolNeAR news ({len(docs)} articles)", kit_m, "naive regex “[^”]*” + nearest name",
        naive_m, "F1 ≥ 0.95, speakers ≥ 0.92, < 3 s", _note(kit_scores, naive_scores, kit_m.median_s, NEWS_TARGET, first_call),
    ))
    for novel in _novels():
        docs, same = scorer.load_pdnc(str(NOVELS / novel))
        kit_scores, naive_scores = _scores(scorer, docs, same, kit_extract), _scores(scorer, docs, same, naive_extract)
        os.environ["BENCH_QUOTE_NOVEL"] = novel
        kit_m, naive_m = measure("bench_quote_scores:kit_novel", runs), measure("bench_quote_scores:naive_novel", runs)
        size = (NOVELS / novel / "novel_text.txt").stat().st_size / 1e6
        held = held_out_verbs(novel)
        found.append(row(
            f"Quote speakers, {novel} (PDNC, {size:.1f} MB)", kit_m, "naive regex “[^”]*” + nearest name",
            naive_m, "F1 ≥ 0.97, speakers ≥ 0.80, < 1 s",
            _note(kit_scores, naive_scores, kit_m.median_s, NOVEL_TARGET, first_call)
            + f" Held out of the reporting verbs (derived without this novel's annotations): F1 {held['f1']:.3f}, "
            f"speaker accuracy {_score(held['speaker_accuracy'])}, right of all named "
            f"{_score(held['speaker_right_of_named_gold'])}.",
        ))
    for size in PASSAGE_SIZES:
        docs, same = _passages(scorer, size)
        kit_scores, naive_scores = _scores(scorer, docs, same, kit_extract), _scores(scorer, docs, same, naive_extract)
        os.environ["BENCH_QUOTE_PASSAGE"] = str(size)
        kit_m, naive_m = measure("bench_quote_scores:kit_passages", runs), measure("bench_quote_scores:naive_passages", runs)
        found.append(row(
            f"Quote speakers, {len(docs)} passages of about {size:,} characters from the novels", kit_m,
            "naive regex “[^”]*” + nearest name", naive_m, "no target (the scenes a class reads)",
            f"{kit_scores['gold']} annotated quotes. Kit: F1 {kit_scores['f1']:.3f}, speaker accuracy "
            f"{_score(kit_scores['speaker_accuracy'])}, right of all named {_score(kit_scores['speaker_right_of_named_gold'])}. "
            f"Naive regex: F1 {naive_scores['f1']:.3f}, speaker accuracy {_score(naive_scores['speaker_accuracy'])}, "
            f"right of all named {_score(naive_scores['speaker_right_of_named_gold'])}"
            + (" (it reads curly marks only, and these texts use straight ones)." if naive_scores["f1"] < 0.5 else "."),
        ))
    return found


def main() -> None:
    print_rows(rows())


if __name__ == "__main__":
    main()
