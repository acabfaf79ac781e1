"""Sentence and word splitting: the kit against NLTK's Punkt and Treebank tokenizers and pysbd.

Two questions, in one run:

1. **Who is right?** Every case of ``tests/data/segmentation_cases.json`` (texts
   written for the kit: abbreviations, decimals, lists, headlines, URLs, ...),
   split by each tool. A case counts as right when the sentences (or the
   words) are exactly the expected ones. The note names the cases each tool
   gets wrong, so the table says *where* each is right and wrong.
   - Sentences: the kit, NLTK's Punkt untrained (what ``PunktSentenceTokenizer()``
     gives offline), and pysbd (a rule-based splitter, pySBD).
   - Words: the kit, and NLTK's Treebank word tokenizer on Punkt's sentences
     (what ``nltk.word_tokenize`` does; lower-cased, punctuation dropped). Treebank splits contractions (``do n't``) by design, so it
     loses on those by convention rather than by error; the note says so.
2. **How fast?** Splitting War and Peace into sentences: the kit against Punkt
   (pysbd on a sixteenth of the book, since it is far slower).

Run it with ``python benchmarks/bench_segment.py``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from common import corpus, measure, print_rows, row

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "segmentation_cases.json"


def _cases() -> list[dict]:
    data = json.loads(CASES.read_text(encoding="utf-8"))
    return data["cases"] + data["xfail"]


def _sentences_by(tool: str):
    if tool == "kit":
        import kit

        return kit.sentences
    if tool == "punkt":
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        return PunktSentenceTokenizer().tokenize
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]


def _words_by(tool: str):
    if tool == "kit":
        import kit

        return kit.words
    from nltk.tokenize import TreebankWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    # As NLTK's word_tokenize does (without its downloaded model): Punkt
    # sentences, then Treebank on each sentence.
    tokenizer, punkt = TreebankWordTokenizer(), PunktSentenceTokenizer()
    return lambda text: [t.lower() for s in punkt.tokenize(text) for t in tokenizer.tokenize(s) if t[0].isalnum()]


def accuracy(kind: str, tool: str) -> tuple[int, int, list[str], float]:
    """(right, of, the ids it gets wrong, seconds) on the cases."""
    split = _sentences_by(tool) if kind == "sentences" else _words_by(tool)
    cases = _cases()
    start = time.perf_counter()
    wrong = [c["id"] for c in cases if split(c["text"]) != c[kind]]
    return len(cases) - len(wrong), len(cases), wrong, time.perf_counter() - start


def kit_sentences_setup(fraction: float = 1.0) -> str:
    import kit.segment

    kit.segment.abbreviations()
    return corpus(fraction)


def kit_sentences(text: str) -> int:
    import kit

    return len(kit.sentence_spans(text))


def punkt_sentences_setup(fraction: float = 1.0) -> str:
    import nltk.tokenize.punkt  # noqa: F401

    return corpus(fraction)


def punkt_sentences(text: str) -> int:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return len(PunktSentenceTokenizer().tokenize(text))


def pysbd_sentences_setup(fraction: float = 1.0) -> str:
    import pysbd  # noqa: F401

    return corpus(fraction)


def pysbd_sentences(text: str) -> int:
    import pysbd

    return len(pysbd.Segmenter(language="en", clean=False).segment(text))


def rows(runs: int = 3) -> list[dict]:
    out = []
    for kind, tools in (("sentences", ("kit", "punkt", "pysbd")), ("words", ("kit", "treebank"))):
        results = {tool: accuracy(kind, tool) for tool in tools}
        right, total, _, _ = results["kit"]
        parts = []
        for tool, (ok, of, wrong, _) in results.items():
            parts.append(f"{tool} {ok}/{of} right" + (f", wrong on: {', '.join(wrong)}" if wrong else ""))
        note = "; ".join(parts) + "."
        if kind == "words":
            note += (" Treebank's misses include its own conventions: it splits contractions (do, n't) "
                     "and possessives, and keeps no URL or e-mail address whole.")
        else:
            note += (" The kit's two misses are the cases it marks as out of reach (strict xfails in "
                     "tests/test_segment.py).")
        best_other = max(ok for tool, (ok, *_r) in results.items() if tool != "kit")
        out.append({
            "task": f"Splitting into {kind}: right on the {total} cases of segmentation_cases.json",
            "kit_s": results["kit"][3], "kit_peak_mb": None,
            "baseline": ", ".join(t for t in tools if t != "kit"),
            "baseline_s": None, "baseline_peak_mb": None,
            "target": "more cases right than each other tool",
            "note": f"{'met' if right > best_other else 'MISSED'}: {note}",
        })
    kit_m = measure("bench_segment:kit_sentences", runs)
    punkt_m = measure("bench_segment:punkt_sentences", runs)
    sixteenth = 1 / 16
    kit_small = measure("bench_segment:kit_sentences", runs, fraction=sixteenth)
    pysbd_small = measure("bench_segment:pysbd_sentences", 1, fraction=sixteenth)
    out.append(row(
        "Sentence splitting, War and Peace", kit_m, "NLTK Punkt (untrained)", punkt_m, "faster than Punkt",
        f"{punkt_m.median_s / kit_m.median_s:.1f}× Punkt's speed ({kit_m.result} sentences; Punkt "
        f"{punkt_m.result}). On a sixteenth of the book the kit takes {kit_small.median_s:.3f} s and pysbd "
        f"{pysbd_small.median_s:.1f} s ({pysbd_small.median_s / kit_small.median_s:.0f}× slower).",
    ))
    return out


def main() -> None:
    print_rows(rows())


if __name__ == "__main__":
    main()
