"""kit.segment: paragraphs, sentences, words and tokens, with their spans.

Sentence counts of the seeds were checked by reading them: seed 000 has 14
sentences (13 paragraphs; the one with “…spirituality. “Spirituality…” holds two);
seed 001 has 16, its headline included.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import kit
import kit.segment
from kit.segment import Token

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("word", "number", "url", "email", "hashtag", "punct")
CASES = json.loads((ROOT / "tests" / "data" / "segmentation_cases.json").read_text(encoding="utf-8"))


def _shipped(name: str) -> list[str]:
    """A word list from kit/data, read here independently of the kit."""
    text = resources.files("kit").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#")]


# --- sentences of the seeds ----------------------------------------------------------------


def test_seed_000_has_14_sentences_and_us_ends_none(seeds):
    a, _ = seeds
    found = kit.sentences(a)
    assert len(found) == 14
    assert found[0].startswith("TEHRAN – Leader of the Islamic Revolution")
    assert "by the U.S. and its Western allies must join hands to nullify sanctions." in found[0]
    assert not any(s.endswith("U.S.") for s in found)
    # the two sentences of the 9th paragraph
    assert found[8].endswith("the world needs spirituality.")
    assert found[9] == "“Spirituality can serve as a driving force for [all] nations.”"


def test_seed_001_has_16_sentences_its_headline_included(seeds):
    _, b = seeds
    found = kit.sentences(b)
    assert len(found) == 16
    assert found[0] == b.title
    assert found[1].endswith("must join hands to destroy those sanctions.")
    assert found[-1].startswith("Lukashenko concluded by saying, “We have come")


def test_plain_untrained_punkt_finds_15_on_seed_000(seeds):
    """Why the kit ships its own Punkt parameters: untrained Punkt splits after U.S."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    a, _ = seeds
    plain = PunktSentenceTokenizer().tokenize(a.text)
    assert len(plain) == 15
    assert plain[0].endswith("by the U.S.")
    assert len(kit.sentences(a)) == 14


def test_closing_quotation_mark_after_a_full_stop_stays_with_its_sentence(seeds):
    _, b = seeds
    found = kit.sentences(b)
    i = next(i for i, s in enumerate(found) if s.endswith("its own intrinsic capabilities and forces.”"))
    assert found[i + 1].startswith("“During the period of sanctions")
    assert not any(s.startswith("”") for s in found)


def test_closing_quote_in_a_text_of_our_own():
    assert kit.sentences("He said, “We agree.” “Good,” she replied.") == [
        "He said, “We agree.”",
        "“Good,” she replied.",
    ]


@pytest.mark.parametrize("which", [0, 1])
def test_sentences_are_exact_slices_of_the_seeds(seeds, which):
    article = seeds[which]
    spans = kit.sentence_spans(article)
    assert kit.sentences(article) == [article.text[s:e] for s, e in spans]
    _check_spans(article.text, spans)


# --- sentences of texts of our own ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“Why?” he asked. She left.", ["“Why?” he asked.", "She left."]),
        ("Mr. Smith met J. Smith in Minsk. They talked.", ["Mr. Smith met J. Smith in Minsk.", "They talked."]),
        ("Dr. Brown arrived. Gen. Smith left.", ["Dr. Brown arrived.", "Gen. Smith left."]),
        ("Sanctions by the U.S. and its allies failed.", ["Sanctions by the U.S. and its allies failed."]),
        (
            "Sanctions were imposed in the U.S. The talks went on.",
            ["Sanctions were imposed in the U.S.", "The talks went on."],
        ),
        ("Did they agree? Yes! They did.", ["Did they agree?", "Yes!", "They did."]),
        ("Iran and Belarus met. They agreed.", ["Iran and Belarus met.", "They agreed."]),
    ],
)
def test_sentence_splitting_rules(text, expected):
    assert kit.sentences(text) == expected


@pytest.mark.parametrize("text", ["The U.S. Senate voted on Monday.", "He flew to the U.S. Embassy in Minsk."])
def test_us_before_a_capitalised_name_ends_no_sentence(text):
    """Bug: 'U.S.' is not in the shipped abbreviations, and Punkt marks any unknown
    word with a final full stop as a sentence break, so the kit splits
    'The U.S.' | 'Senate voted on Monday.' The module docs and
    punkt_abbreviations.txt say initialisms are recognised without being listed.
    """
    assert kit.sentences(text) == [text]


def test_a_headline_is_its_own_sentence():
    text = "Iran and Belarus agree\n\nThe leaders met. They agreed."
    assert kit.sentences(text) == ["Iran and Belarus agree", "The leaders met.", "They agreed."]


def test_a_headline_on_the_line_above_one_long_paragraph_is_its_own_sentence():
    """Bug (same cause as tests/test_texts.py::test_headline_then_one_long_paragraph_on_the_next_line):
    the headline and the paragraph are taken for one hard-wrapped paragraph."""
    headline = "Leaders meet in Tehran"
    body = (
        "The Leader of the Islamic Revolution met the Belarusian president on Monday "
        "in Tehran to talk about sanctions."
    )
    assert kit.sentences(f"{headline}\n{body}") == [headline, body]


def test_white_space_only_text_has_no_sentences():
    """Bug: sentence_spans('\\n') == [Span(1, 1)], an empty sentence (paragraph_spans
    returns an empty paragraph for a white-space-only text)."""
    for text in ["", "\n", " \n ", "\n\n\t"]:
        assert kit.sentences(text) == [], repr(text)
        assert kit.sentence_spans(text) == [], repr(text)


@pytest.mark.parametrize("abbreviation", _shipped("abbreviations.txt"))
def test_every_shipped_abbreviation_ends_no_sentence(abbreviation):
    text = f"They met {abbreviation.capitalize()}. Smith on Monday."
    assert kit.sentences(text) == [text]


@pytest.mark.parametrize("starter", _shipped("sentence_starters.txt"))
def test_every_shipped_sentence_starter_starts_a_sentence_after_an_abbreviation(starter):
    text = f"They met at the Corp. {starter.capitalize()} went home."
    assert kit.sentences(text) == ["They met at the Corp.", f"{starter.capitalize()} went home."]
    # and a word that is not in the list does not
    assert kit.sentences("They met at the Corp. Smith went home.") == ["They met at the Corp. Smith went home."]


# --- words and tokens ------------------------------------------------------------------


def test_words_are_lower_cased_without_punctuation():
    assert kit.words("The Leader said, “Severe sanctions made Iran notice.”") == [
        "the", "leader", "said", "severe", "sanctions", "made", "iran", "notice",
    ]


def test_words_options_keep_case_and_punctuation():
    text = "Iran, Belarus."
    assert kit.words(text, lower=False) == ["Iran", "Belarus"]
    assert kit.words(text, punctuation=True) == ["iran", ",", "belarus", "."]


@pytest.mark.parametrize("text", ["another’s", "countries’ benefit", "Iran’s", "both countries’ benefit and another’s"])
def test_a_curly_apostrophe_never_yields_a_lone_s_or_apostrophe(text):
    for w in kit.words(text) + kit.words(text, punctuation=True):
        assert w not in ("s", "’", "'"), (text, w)
    for t in kit.tokens(text):
        assert t.text not in ("s", "’", "'"), (text, t)


def test_curly_apostrophes_in_words_and_tokens():
    assert kit.words("another’s capacities and both countries’ benefit") == [
        "another's", "capacities", "and", "both", "countries", "benefit",
    ]
    assert kit.words("don’t") == kit.words("don't") == ["don't"]
    assert [t.text for t in kit.tokens("another’s countries’ benefit")] == ["another’s", "countries’", "benefit"]


@pytest.mark.parametrize("which", [0, 1])
def test_the_seeds_have_no_lone_s_or_apostrophe(seeds, which):
    article = seeds[which]
    assert not [w for w in kit.words(article, punctuation=True) if w in ("s", "’", "'")]
    assert not [t for t in kit.tokens(article) if t.text in ("s", "’", "'")]
    assert "another's" in kit.words(article) and "iran's" in kit.words(article)


def test_editorial_brackets_are_punctuation_and_the_words_inside_count():
    assert kit.words("nano[technology] and [to benefit of] Russia") == [
        "nano", "technology", "and", "to", "benefit", "of", "russia",
    ]
    assert kit.tokens("nano[technology]") == [
        Token("nano", 0, 4, "word"),
        Token("[", 4, 5, "punct"),
        Token("technology", 5, 15, "word"),
        Token("]", 15, 16, "punct"),
    ]


def test_editorial_brackets_in_seed_000(seeds):
    a, _ = seeds
    found = kit.words(a)
    assert not [w for w in found if "[" in w or "]" in w]
    i = found.index("nano")
    assert found[i + 1] == "technology"
    assert "to benefit of russia" in " ".join(found)


def test_hyphenated_names_stay_one_word(seeds):
    assert kit.words("the North-South Transportation Corridor") == [
        "the", "north-south", "transportation", "corridor",
    ]
    assert [t.text for t in kit.tokens("North-South")] == ["North-South"]
    a, _ = seeds
    assert kit.words(a).count("north-south") == 2
    assert "eye-catching" in kit.words(a) and "follow-up" in kit.words(a)


def test_initialisms_keep_their_full_stops():
    assert kit.words("the U.S. and e.g. this") == ["the", "u.s.", "and", "e.g.", "this"]
    assert [t.text for t in kit.tokens("the U.S. and")] == ["the", "U.S.", "and"]


def test_numbers_are_single_tokens():
    assert kit.words("1,000 people, 3.5 percent, at 9:30") == ["1,000", "people", "3.5", "percent", "at", "9:30"]
    assert [t.kind for t in kit.tokens("1,000 90s 10th")] == ["number", "word", "word"]


def test_token_kinds_and_spans_on_a_small_text():
    text = "The U.S. and [all] nations."
    assert kit.tokens(text) == [
        Token("The", 0, 3, "word"),
        Token("U.S.", 4, 8, "word"),  # an initialism is a word, its full stops kept
        Token("and", 9, 12, "word"),
        Token("[", 13, 14, "punct"),
        Token("all", 14, 17, "word"),
        Token("]", 17, 18, "punct"),
        Token("nations", 19, 26, "word"),
        Token(".", 26, 27, "punct"),
    ]


def test_a_capital_dotted_i_does_not_split_a_word():
    """Bug: words() lower-cases the whole text before tokenizing, and 'İ'.lower() is
    'i' + U+0307 (a combining mark, not a letter), so words('İstanbul') gives
    ['i', 'stanbul'] while tokens() gives one word."""
    assert [t.text for t in kit.tokens("İstanbul talks")] == ["İstanbul", "talks"]
    assert len(kit.words("İstanbul talks")) == 2


# --- spans, as properties ------------------------------------------------------------------

_PIECES = [
    "U.S.", "Mr.", "J.", "...", " ", " ", "\n", "\n\n", ".", "?", "!", "“", "”", "’", "'", "\"",
    "’s", "s’", "The", "he", "said", "dog", "A", "-", "[x]", "(", ")", "1,000", "3.5", "\t", "\r", "é", "ß",
]
TEXTS = st.text(max_size=300).map(lambda t: t.replace("\x00", "")) | st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


def _check_spans(text: str, spans) -> None:
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text), (text, spans)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    covered = {i for start, end in spans for i in range(start, end)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace()), (text, spans)


@settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_token_spans_slice_the_text_in_order_and_cover_it(text):
    found = kit.tokens(text)
    previous_end = 0
    for t in found:
        assert text[t.start : t.end] == t.text
        assert previous_end <= t.start < t.end
        assert t.kind in KINDS
        previous_end = t.end
    covered = {i for t in found for i in range(t.start, t.end)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


@settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_sentence_spans_are_ordered_non_overlapping_and_within_the_text(text):
    assume(text.strip())  # white space alone: see test_white_space_only_text_has_no_sentences
    spans = kit.sentence_spans(text)
    _check_spans(text, spans)
    assert kit.sentences(text) == [text[s:e] for s, e in spans]


@pytest.mark.parametrize("which", [0, 1])
def test_token_spans_on_the_seeds(seeds, which):
    article = seeds[which]
    found = kit.tokens(article)
    assert found and all(article.text[t.start : t.end] == t.text for t in found)
    assert [kit.normalise(t.text) for t in found if t.kind != "punct"] == kit.words(article)


# --- stopwords ---------------------------------------------------------------------------------


def test_stopwords_are_the_kits_own_list():
    assert kit.stopwords() == set(_shipped("stopwords.txt"))
    assert {"the", "and", "of", "don't"} <= kit.stopwords()
    assert "said" not in kit.stopwords()


def test_stopwords_is_a_new_set_each_call():
    first = kit.stopwords()
    first.add("sanctions")
    first.discard("the")
    second = kit.stopwords()
    assert second is not first
    assert "sanctions" not in second and "the" in second


def test_students_can_extend_the_stopwords():
    assert {"said", "leader"} <= kit.stopwords(extra=["Said", "leader"])
    assert kit.stopwords(extra=["said"]) - kit.stopwords() == {"said"}
    text = "The Leader said sanctions failed. The Leader said sanctions hurt."
    assert kit.top_keywords(text, 2) == [("leader", 2), ("said", 2)]
    assert kit.top_keywords(text, 2, stopwords=kit.stopwords(extra=["said"])) == [("leader", 2), ("sanctions", 2)]


def test_extra_stopwords_must_be_a_list_not_a_string():
    with pytest.raises(TypeError, match=r"\['said'\]"):
        kit.stopwords(extra="said")


def test_an_extra_stopword_copied_with_a_curly_apostrophe_is_applied():
    """Bug: words() turns ’ into ' (giving "iran's"), but the stopword list keeps the
    student's curly apostrophe, so "Iran’s" copied from the text is never removed."""
    text = "Iran’s talks. Iran’s plans. Iran’s people."
    assert "iran's" not in dict(kit.top_keywords(text, 5, stopwords=kit.stopwords(extra=["Iran’s"])))


# --- independence from installed NLTK data ------------------------------------------------

_PROBE = textwrap.dedent(
    """
    import json, sys
    import kit
    from kit.collocation import collocations
    a, b = kit.load_articles()
    tricky = "Mr. Smith met J. Smith. Sanctions by the U.S. and its allies. In the U.S. The talks went on. Gen. Brown left."
    result = {
        "sentences": [kit.sentences(a), kit.sentences(b), kit.sentences(tricky)],
        "keywords": [kit.top_keywords(a, 20), kit.top_keywords(b, 20)],
        "stopwords": sorted(kit.stopwords()),
        "collocations": [[list(c.words) for c in collocations(t, 10)] for t in (a, b)],
    }
    import nltk.corpus
    result["stopword_corpus_untouched"] = type(nltk.corpus.stopwords).__name__ == "LazyCorpusLoader"
    if sys.argv[1] == "prove":  # show that NLTK itself does see the planted data
        import nltk
        result["nltk_stopwords"] = sorted(nltk.corpus.stopwords.words("english"))
        result["nltk_sentences"] = len(nltk.sent_tokenize(tricky))
    print(json.dumps(result))
    """
)


def _plant_nltk_data(root: Path) -> None:
    """A stopwords corpus and an English Punkt model that would change every result."""
    (root / "corpora" / "stopwords").mkdir(parents=True)
    (root / "corpora" / "stopwords" / "english").write_text("sanctions\ncountries\nleader\niran\n", encoding="utf-8")
    punkt = root / "tokenizers" / "punkt_tab" / "english"
    punkt.mkdir(parents=True)
    (punkt / "abbrev_types.txt").write_text("sanctions\nallies\ntalks\nsmith\n", encoding="utf-8")
    (punkt / "sent_starters.txt").write_text("smith\nsanctions\nbrown\n", encoding="utf-8")
    (punkt / "collocations.tab").write_text("", encoding="utf-8")
    (punkt / "ortho_context.tab").write_text("", encoding="utf-8")


def _run_probe(mode: str, nltk_data: Path) -> dict:
    env = {**os.environ, "NLTK_DATA": str(nltk_data), "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, mode], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_results_do_not_depend_on_installed_nltk_data(tmp_path, seeds):
    """With a planted stopwords corpus and Punkt model on NLTK's path, which NLTK
    itself picks up, every kit result is the same as computed here without them."""
    from kit.collocation import collocations

    planted = tmp_path / "nltk_data"
    _plant_nltk_data(planted)
    got = _run_probe("prove", planted)
    # the planted data is really there for NLTK to find
    assert got["nltk_stopwords"] == ["countries", "iran", "leader", "sanctions"]
    assert got["stopword_corpus_untouched"] is True  # the kit never loaded it
    a, b = seeds
    tricky = (
        "Mr. Smith met J. Smith. Sanctions by the U.S. and its allies. In the U.S. The talks went on. Gen. Brown left."
    )
    assert got["sentences"] == [kit.sentences(a), kit.sentences(b), kit.sentences(tricky)]
    assert len(kit.sentences(tricky)) == 5
    assert got["nltk_sentences"] != 5  # the planted Punkt model would have split differently
    assert got["keywords"] == [[list(p) for p in kit.top_keywords(t, 20)] for t in (a, b)]
    assert ["sanctions", 7] in got["keywords"][0]
    assert got["stopwords"] == sorted(kit.stopwords())
    assert got["collocations"] == [[list(c.words) for c in collocations(t, 10)] for t in (a, b)]


def test_top_keywords_unchanged_when_nltk_path_is_empty(tmp_path, monkeypatch, seeds):
    import nltk

    a, _ = seeds
    before = kit.top_keywords(a, 10)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    assert kit.top_keywords(a, 10) == before
    assert before[:2] == [("countries", 7), ("sanctions", 7)]


# --- the cases of tests/data/segmentation_cases.json ----------------------------------------


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_segmentation_case(case):
    text = case["text"]
    assert kit.sentences(text) == case["sentences"], case["why"]
    assert kit.words(text) == case["words"], case["why"]
    _check_spans(text, kit.sentence_spans(text))


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["why"])) for c in CASES["xfail"]],
    ids=[c["id"] for c in CASES["xfail"]],
)
def test_segmentation_case_out_of_reach(case):
    assert kit.sentences(case["text"]) == case["sentences"]


def test_the_cases_are_exact_slices_of_their_texts():
    """A case whose sentences are not slices of its text could never pass: catch typos in the data."""
    for case in CASES["cases"] + CASES["xfail"]:
        position = 0
        for sentence in case["sentences"]:
            found = case["text"].find(sentence, position)
            assert found >= position, (case["id"], sentence)
            position = found + len(sentence)


# --- one splitter, the same answer in any order ----------------------------------------------


def test_words_are_the_normalised_word_tokens_on_the_cases():
    for case in CASES["cases"]:
        found = kit.tokens(case["text"])
        assert [kit.normalise(t.text) for t in found if t.kind != "punct"] == kit.words(case["text"]), case["id"]


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS | st.lists(st.sampled_from(_PIECES + ["https://x.org/a", "a@b.com", "#tag", "e.g.", "No.", "9 a.m.", "eBay"]),
                        max_size=60).map(" ".join))
def test_words_are_always_the_normalised_word_tokens(text):
    """words() works on the whole text at once (fast); tokens() one match at a
    time (with spans). They must agree on every text."""
    assume("İ" not in text)  # covered below: lower-casing İ adds a character
    assume("\x00" not in text)  # refused: see test_a_nul_character_is_refused
    found = kit.tokens(text)
    assert [kit.normalise(t.text) for t in found if t.kind != "punct"] == kit.words(text)
    assert [t.text for t in found] == kit.words(text, lower=False, punctuation=True) or "’" in text or "'" in text


def test_a_new_initialism_does_not_change_later_answers():
    """Bug (before kit.segment): splitting a text added each initialism it met to
    the cached Punkt tokenizer's abbreviations, so later calls answered differently."""
    probe = "Prices rose to 2.5. Officials met at the Q.Z. Then they left."
    before = kit.sentences(probe)
    kit.sentences("The X.Y. talks and the Q.Z. plan and the 2.5. ratio.")
    assert kit.sentences(probe) == before == ["Prices rose to 2.5.", "Officials met at the Q.Z.", "Then they left."]


_ORDER_PROBE = textwrap.dedent(
    """
    import json, sys
    import kit
    cases = json.load(open(sys.argv[1], encoding="utf-8"))["cases"]
    if sys.argv[2] == "reversed":
        cases = cases[::-1]
    print(json.dumps({c["id"]: [kit.sentences(c["text"]), kit.words(c["text"])] for c in cases}))
    """
)


def test_the_same_answers_in_any_order_and_in_any_process():
    path = ROOT / "tests" / "data" / "segmentation_cases.json"
    runs = []
    for order in ("forward", "reversed"):
        done = subprocess.run([sys.executable, "-c", _ORDER_PROBE, str(path), order], capture_output=True,
                              text=True, cwd=ROOT, timeout=120, env={**os.environ, "PYTHONHASHSEED": order[0] == "f" and "1" or "2"})
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout))
    assert runs[0] == runs[1]
    assert runs[0] == {c["id"]: [kit.sentences(c["text"]), kit.words(c["text"])] for c in CASES["cases"]}


def test_rule_4_is_punkts_decision_with_the_kits_parameters():
    """After an abbreviation, the kit ends a sentence exactly when NLTK's Punkt,
    given the kit's abbreviations and sentence starters through its public
    parameter API, does."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(kit.segment.abbreviations())
    params.sent_starters = set(kit.segment.sentence_starters())
    punkt = PunktSentenceTokenizer(params)
    following = sorted(kit.segment.sentence_starters())[:12] + ["smith", "monday", "senate", "5", "iran"]
    checked = 0
    for abbreviation in sorted(kit.segment.abbreviations()):
        for word in following:
            nxt = word.capitalize()
            text = f"They met {abbreviation.capitalize()}. {nxt} went home."
            assert (len(kit.sentences(text)) == 2) == punkt.text_contains_sentbreak(
                f"{abbreviation.capitalize()}. {nxt}"
            ), text
            checked += 1
    assert checked > 500


def test_no_private_nltk_attribute_is_used_anywhere_in_the_kit():
    """The kit may only use NLTK's public API: no attribute that starts with one
    underscore on anything imported from nltk."""
    import ast

    offenders = []
    for path in sorted((ROOT / "kit").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        from_nltk = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                     and (node.module or "").startswith("nltk") for alias in node.names}
        from_nltk |= {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                      for alias in node.names if alias.name.startswith("nltk")}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                base = node.value
                while isinstance(base, (ast.Attribute, ast.Call)):
                    base = base.value if isinstance(base, ast.Attribute) else base.func
                if isinstance(base, ast.Name) and base.id in from_nltk:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert not offenders
    # and the check itself finds a use like the one the kit used to have
    sample = ast.parse("from nltk.tokenize.punkt import PunktSentenceTokenizer as P\nP()._params.abbrev_types")
    assert any(isinstance(n, ast.Attribute) and n.attr == "_params" for n in ast.walk(sample))


# --- paragraphs -----------------------------------------------------------------------------------


def test_every_line_of_a_list_is_a_paragraph():
    text = "Key points:\n- Rates rose.\n- Shares fell\n* Bonds were flat\n1. One\n2) Two\n(c) Three\nand more"
    assert [text[s:e] for s, e in kit.paragraph_spans(text)] == [
        "Key points:", "- Rates rose.", "- Shares fell", "* Bonds were flat", "1. One", "2) Two", "(c) Three\nand more",
    ]


def test_the_novels_wrapped_lines_join_but_a_poem_inside_keeps_its_lines():
    prose = ("She had been forced into prudence in her youth, she learned romance as she\n"
             "grew older: the natural sequel of an unnatural beginning. With all these\n"
             "circumstances, recollections and feelings, she could not hear that\n"
             "Captain Wentworth's sister was likely to live at Kellynch without a revival")
    poem = "    Twinkle, twinkle, little bat!\n    How I wonder what you're at!"
    text = f"{prose}\n\n{poem}"
    found = [text[s:e] for s, e in kit.paragraph_spans(text)]
    assert found == [prose, "Twinkle, twinkle, little bat!", "How I wonder what you're at!"]


def test_short_news_paragraphs_one_on_each_line_stay_apart():
    text = ("The talks in Minsk ended on Monday without an agreement.\n"
            "Both sides blamed the other for the failure of the talks.\n"
            "A new round is planned for March.")
    assert len(kit.paragraph_spans(text)) == 3


def test_a_heading_on_its_own_line_is_not_joined_to_the_quote_below_it():
    """A book with a paragraph on each line: a heading ends with a word, not a
    full stop, and the next line opens with a quotation mark. Before, the two
    were one paragraph, so the heading's capitals ran into the speech."""
    text = "Chapter VI A Demonstration\n“Now, Watson,” said Holmes.\nI nodded."
    assert [text[a:b] for a, b in kit.paragraph_spans(text)] == [
        "Chapter VI A Demonstration", "“Now, Watson,” said Holmes.", "I nodded."]
    going_on = "At the door he wrote\n“come home” on a card."  # a quote in lower case goes on the sentence
    assert len(kit.paragraph_spans(going_on)) == 1


def test_a_nul_character_is_refused_as_binary_data():
    with pytest.raises(ValueError, match=r"NUL character .* at position 4: it is binary data"):
        kit.words("Iran\x00Belarus")
    with pytest.raises(ValueError, match="NUL"):
        kit.top_keywords(kit.Article("x", "a\x00"))
