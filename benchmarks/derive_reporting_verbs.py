"""Derive the kit's reporting verbs from hand-annotated text, and write kit/quotes/reporting_verbs.txt.

The kit does not pick its reporting verbs by hand. It takes the words that
annotators marked as the *cue* of a direct quotation in real text, and keeps the
ones that are verbs and that real text uses as cues often enough:

* PolNeAR (``../shared/data/polnear-train``, 840 US news articles): the words of
  every ``Cue`` span whose ``Content`` holds a quotation mark;
* the Project Dialogism Novel Corpus (``../shared/data/pdnc/*``, eight novels):
  the words of the ``referringExpression`` of every quotation whose speaker is
  named there (``said Anne``, ``he cried``), when it has at most three words
  (longer ones carry gestures: ``said he, shaking his head``).

A verb's regular forms are counted together (:func:`stem`: *dismissed*,
*dismissing*), and a form is kept when

1. its verb is a cue at least :data:`MIN_CUES` times;
2. it is not a stopword (``kit.segment.stopwords``: he, to, in) and does not
   end in *-ly* (adverbs: *said he, calmly*);
3. it is rarely a noun or a name in the same texts: it follows a determiner
   (*the, a, his*) in at most 10% of its uses (which drops *the doctor*, *a
   statement*), and is capitalised in at most half of them (*Reuters*);
4. a fair share of all its verb's uses are cues: at least 5% (2% for a verb
   that is a cue 20 times or more, such as *say*), which drops verbs that
   merely stand near a quote (*looked*, *took*, *turned*); and the form
   itself is a cue in at least 1% of its uses (not *states*, a noun).

Multi-word constructions (``according to``, ``pointed out``, ``went on``) are
grammar, not vocabulary: ``kit/quotes/cues.py`` writes them out.

Run ``python benchmarks/derive_reporting_verbs.py`` (it needs ``../shared``);
it prints the list and rewrites the file. It also writes
``kit/quotes/attribution_verbs.txt``, the cue words of every attribution in
PolNeAR, reported speech included (:func:`derive_attribution_verbs`).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from kit.segment import stopwords, words  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "kit" / "quotes" / "reporting_verbs.txt"
MIN_CUES = 3
MIN_FORM_SHARE = 0.01
"""A form of a kept verb must itself be a cue in 1% of its uses: *states* (the
United States, Western states) is a form of *state*, but hardly ever a cue."""
DETERMINERS = frozenset("the a an his her my their our this that your its these those".split())


def polnear_cues(folder: Path, *, direct_only: bool = True) -> tuple[Counter, list[str]]:
    """Cue words of direct quotations in PolNeAR (first annotation file of each text), and the texts.
    With ``direct_only=False``, the cue words of every attribution, reported speech included."""
    cues: Counter = Counter()
    texts = []
    seen = set()
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if stem in seen:
            continue
        seen.add(stem)
        text = (folder / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        texts.append(text)
        spans, relations = {}, []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            if parts[0].startswith("T"):
                kind, *offsets = parts[1].replace(";", " ").split()
                spans[parts[0]] = (int(offsets[0]), int(offsets[-1]))
            elif parts[0].startswith("E"):
                relations.append(dict(p.split(":") for p in parts[1].split() if ":" in p))
        for r in relations:
            cue, content = spans.get(r.get("Cue")), spans.get(r.get("Content"))
            if cue and content and (not direct_only or re.search(r"[“\"]", text[content[0] : content[1]])):
                cues.update(set(words(text[cue[0] : cue[1]])))
    return cues, texts


def pdnc_cues(folder: Path, leave_out: str | None = None) -> tuple[Counter, list[str]]:
    """Lower-case words of the short referring expressions of named speakers in PDNC, and the novels
    (all but ``leave_out``, a novel's folder name)."""
    cues: Counter = Counter()
    texts = []
    for novel in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != leave_out):
        texts.append((novel / "novel_text.txt").read_text(encoding="utf-8"))
        with open(novel / "quotation_info.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                expression = row["referringExpression"]
                if row["quoteType"] in ("Explicit", "Anaphoric") and len(expression.split()) <= 3:
                    cues.update({w.lower() for w in expression.split() if w[:1].islower()} & set(words(expression)))
    return cues, texts


def stem(word: str) -> str:
    """A crude stem that puts a verb's regular forms together: dismissed,
    dismisses, dismissing -> dismiss; stated, states, stating -> stat."""
    for ending in ("ing", "ed", "es", "s", "d"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _families(cues: Counter, texts: list[str], *, min_length: int = 1) -> tuple[Counter, dict[str, list[str]]]:
    """How often each cue word is used at all, and the candidates grouped by
    :func:`stem`: no stopword, no -ly adverb, at least ``min_length`` letters,
    rarely after a determiner (a noun) or capitalised (a name)."""
    uses: Counter = Counter()
    after_determiner: Counter = Counter()
    capitalised: Counter = Counter()
    for text in texts:
        previous = ""
        for word in words(text, lower=False):
            low = word.lower()
            if low in cues:
                uses[low] += 1
                after_determiner[low] += previous in DETERMINERS
                capitalised[low] += word[:1].isupper()
            previous = low
    stop = stopwords()
    candidates = [w for w in cues if uses[w] and w not in stop and not w.endswith("ly") and len(w) >= min_length
                  and after_determiner[w] <= 0.1 * uses[w] and capitalised[w] <= 0.5 * uses[w]]
    families: dict[str, list[str]] = {}
    for word in candidates:
        families.setdefault(stem(word), []).append(word)
    return uses, families


def derive(leave_out: str | None = None) -> list[tuple[str, int, float]]:
    """The kept words, with how often each is a cue and what share of its uses that is.
    With ``leave_out`` (a novel's folder name), derived as if that novel were not
    annotated: how a novel the list never saw fares (``bench_quote_scores.py``)."""
    news, news_texts = polnear_cues(SHARED / "polnear-train")
    fiction, fiction_texts = pdnc_cues(SHARED / "pdnc", leave_out)
    cues = news + fiction
    uses, families = _families(cues, news_texts + fiction_texts)
    kept = []
    for forms in families.values():
        n, total = sum(cues[w] for w in forms), sum(uses[w] for w in forms)
        if n < MIN_CUES or n / total < (0.02 if n >= 20 else 0.05):
            continue
        kept += [(w, cues[w], cues[w] / uses[w]) for w in forms if cues[w] >= MIN_FORM_SHARE * uses[w]]
    return sorted(kept, key=lambda k: (-k[1], k[0]))


ATTRIBUTION_OUT = ROOT / "kit" / "quotes" / "attribution_verbs.txt"
MIN_ATTRIBUTION_CUES = 5
MIN_ATTRIBUTION_SHARE = 0.2


def derive_attribution_verbs() -> list[tuple[str, int, float]]:
    """The words that mark an attribution of any kind in PolNeAR (*accused*,
    *promised*, *slammed*, *described*), reported speech included: kept like
    the reporting verbs (no stopword, no -ly adverb, rarely after a
    determiner or capitalised), when the verb is a cue at least
    :data:`MIN_ATTRIBUTION_CUES` times and in a fifth of its uses at least,
    and the form itself in a tenth. The kit uses them to tell a short quote in
    a sentence that attributes (*Clinton accused him of “reckless”
    talk*) from a scare quote."""
    cues, texts = polnear_cues(SHARED / "polnear-train", direct_only=False)
    uses, families = _families(cues, texts, min_length=3)
    kept = []
    for forms in families.values():
        n, total = sum(cues[w] for w in forms), sum(uses[w] for w in forms)
        if n < MIN_ATTRIBUTION_CUES or n / total < MIN_ATTRIBUTION_SHARE:
            continue
        kept += [(w, cues[w], cues[w] / uses[w]) for w in forms if cues[w] >= 0.1 * uses[w]]
    return sorted(kept, key=lambda k: (-k[1], k[0]))


def main() -> None:
    if not (SHARED / "polnear-train").is_dir() or not (SHARED / "pdnc").is_dir():
        sys.exit(f"The annotated data is not there ({SHARED}); the committed list stays as it is.")
    kept = derive()
    header = [
        "# Reporting verbs: the words that introduce a direct quotation (said, told, cried).",
        "# Derived, not hand-picked: written by benchmarks/derive_reporting_verbs.py from the",
        "# cue words annotators marked in PolNeAR (840 news articles, data/train) and in the",
        "# Project Dialogism Novel Corpus (8 novels). A form is kept when its verb (its regular",
        f"# forms together) is a cue at least {MIN_CUES} times and in at least 5% of its uses (2% for",
        "# verbs that are cues 20 times or more), and the form is a cue in 1% of its uses, is no",
        "# stopword or -ly adverb, and rarely follows a determiner or is capitalised (a noun or a",
        "# name). See that script's docstring. One word a line, most frequent first; the number",
        "# is how often it was a cue.",
    ]
    lines = header + [f"{word} {n}" for word, n, _ in kept]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(" ".join(word for word, _, _ in kept))
    print(f"{len(kept)} words written to {OUT.relative_to(ROOT)}")
    kept = derive_attribution_verbs()
    header = [
        "# Attribution verbs: the words that mark an attribution of any kind, reported speech",
        "# included (accused, promised, slammed, described). Derived, not hand-picked: written by",
        "# benchmarks/derive_reporting_verbs.py from the cue words annotators marked in PolNeAR",
        "# (840 news articles, data/train), for every attribution. A form is kept when its verb",
        f"# is a cue at least {MIN_ATTRIBUTION_CUES} times and in at least {MIN_ATTRIBUTION_SHARE:.0%} of its uses, the form in 10%,",
        "# and it is no stopword or -ly adverb and rarely follows a determiner or is capitalised.",
        "# One word a line, most frequent first; the number is how often it was a cue.",
    ]
    lines = header + [f"{word} {n}" for word, n, _ in kept]
    ATTRIBUTION_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} words written to {ATTRIBUTION_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
