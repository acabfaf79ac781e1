"""Tests for kit.compare: the seed facts, every kind of edit, and the output forms."""

from __future__ import annotations

import html
from collections import Counter
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.compare import (
    MAX_POSTINGS,
    SIMILARITY_THRESHOLD,
    STATUSES,
    Comparison,
    Edit,
    SentencePair,
    compare_quote_lists,
    compare_quotes,
    compare_sentences,
    compare_versions,
)
from kit.texts import Article

# --- the seed articles ----------------------------------------------------------


@pytest.fixture(scope="module")
def seed_cmp(seeds) -> Comparison:
    return compare_versions(*seeds)


def _pair_with(cmp: Comparison, side: str, fragment: str) -> SentencePair:
    found = [p for p in cmp.pairs if any(fragment in s for s in getattr(p, side))]
    assert len(found) == 1, f"{len(found)} pairs hold {fragment!r} on side {side}"
    return found[0]


def test_seed_counts(seed_cmp):
    assert seed_cmp.counts == {
        "same": 3,
        "changed": 8,
        "added": 2,
        "removed": 0,
        "moved": 0,
        "split": 1,
        "merged": 1,
    }


def test_seed_sentences_only_in_b_are_the_headline_and_explaining(seeds, seed_cmp):
    added = [p.b[0] for p in seed_cmp.pairs if p.status == "added"]
    assert added[0] == seeds[1].title
    assert added[1].startswith("Explaining on the existing common grounds")
    assert len(added) == 2
    assert [p for p in seed_cmp.pairs if p.status == "removed"] == []


def test_seed_press_tv_sentence_is_changed_not_removed(seed_cmp):
    pair = _pair_with(seed_cmp, "a", "Press TV reported")
    assert pair.status == "changed"
    assert pair.b[0].startswith("Ayatollah Khamenei emphasized, “If those countries")
    deleted = [e.text for e in pair.edits if e.op == "delete"]
    assert any("Press TV reported" in d for d in deleted)
    assert not any("Press TV" in e.text for e in pair.edits if e.op == "insert")


def test_seed_first_sentence_of_a_is_split_in_two(seeds, seed_cmp):
    sa, sb = kit.sentences(seeds[0]), kit.sentences(seeds[1])
    split = [p for p in seed_cmp.pairs if p.status == "split"]
    assert split == [split[0]]
    assert split[0].a == (sa[0],)
    assert split[0].b == (sb[1], sb[2])


def test_seed_two_sentences_merged(seeds, seed_cmp):
    sa = kit.sentences(seeds[0])
    pair = _pair_with(seed_cmp, "a", "“Spirituality can serve")
    assert pair.status == "merged"
    assert pair.a == (sa[8], sa[9])
    assert pair.b[0].startswith(
        "Ayatollah Khamenei concluded by saying that the world needs spirituality, adding,"
    )


def test_seed_cooperation_becomes_cooperate(seed_cmp):
    pair = _pair_with(seed_cmp, "a", "can cooperation")
    assert pair.status == "changed"
    assert pair.edits == [Edit("delete", "cooperation"), Edit("insert", "cooperate")]
    assert pair.similarity > 0.9


def test_seed_altered_quote_sentence_has_both_insertions(seed_cmp):
    pair = _pair_with(seed_cmp, "a", "During the period of sanctions")
    inserted = [e.text for e in pair.edits if e.op == "insert"]
    assert "many grounds for progress have been provided to Iran and" in inserted
    assert "[as well as]" in inserted


def test_seed_every_sentence_once_and_in_order_of_b(seeds, seed_cmp):
    sa, sb = kit.sentences(seeds[0]), kit.sentences(seeds[1])
    assert [s for p in seed_cmp.pairs for s in p.b] == sb
    assert Counter(s for p in seed_cmp.pairs for s in p.a) == Counter(sa)


def test_seed_similarity(seeds, seed_cmp):
    assert 0.6 < seed_cmp.similarity < 0.95
    assert compare_versions(seeds[0], seeds[0]).similarity == 1.0
    assert compare_versions(seeds[1], seeds[0]).similarity == seed_cmp.similarity


def test_articles_and_strings_give_the_same_comparison(seeds):
    a, b = seeds
    assert compare_versions(a, b) == compare_versions(a.text, b.text)
    assert compare_versions(Article("x", a.text), b.text).counts == compare_versions(a, b).counts


# --- every kind of edit, on short texts -------------------------------------------

ONE = "Iran and Belarus signed a trade agreement on Monday."
TWO = "The leader praised the growing cooperation between both nations."
THREE = "Officials expect exports of tractors to double within two years."
FOUR = "Both presidents visited a factory in Minsk after the talks."


def statuses(a: str, b: str, **options) -> list[str]:
    return [p.status for p in compare_versions(a, b, **options).pairs]


def test_same():
    text = f"{ONE} {TWO} {THREE}"
    cmp = compare_versions(text, text)
    assert statuses(text, text) == ["same"] * 3
    assert all(p.edits == [] and p.similarity == 1.0 for p in cmp.pairs)


def test_white_space_does_not_count():
    assert statuses(f"{ONE} {TWO}", f"{ONE}\n{TWO.replace(' ', '  ')}") == ["same", "same"]


def test_changed():
    new = ONE.replace("a trade", "a major trade")
    cmp = compare_versions(f"{ONE} {TWO}", f"{new} {TWO}")
    assert [p.status for p in cmp.pairs] == ["changed", "same"]
    assert cmp.pairs[0].edits == [Edit("insert", "major")]
    assert cmp.pairs[0].a == (ONE,) and cmp.pairs[0].b == (new,)
    assert SIMILARITY_THRESHOLD <= cmp.pairs[0].similarity < 1


def test_added_in_the_middle():
    cmp = compare_versions(f"{ONE} {THREE}", f"{ONE} {TWO} {THREE}")
    assert [(p.status, p.a, p.b) for p in cmp.pairs] == [
        ("same", (ONE,), (ONE,)),
        ("added", (), (TWO,)),
        ("same", (THREE,), (THREE,)),
    ]


def test_removed_stays_where_it_was():
    cmp = compare_versions(f"{ONE} {TWO} {THREE}", f"{ONE} {THREE}")
    assert [(p.status, p.a, p.b) for p in cmp.pairs] == [
        ("same", (ONE,), (ONE,)),
        ("removed", (TWO,), ()),
        ("same", (THREE,), (THREE,)),
    ]


def test_removed_comes_before_added_in_the_same_place():
    assert statuses(f"{ONE} {TWO} {FOUR}", f"{ONE} {THREE} {FOUR}") == [
        "same",
        "removed",
        "added",
        "same",
    ]


def test_moved():
    cmp = compare_versions(f"{ONE} {TWO} {THREE} {FOUR}", f"{TWO} {THREE} {FOUR} {ONE}")
    assert [p.status for p in cmp.pairs] == ["same", "same", "same", "moved"]
    assert cmp.pairs[-1].a == (ONE,) and cmp.pairs[-1].edits == []


def test_moved_and_changed():
    new = ONE.replace("Monday", "Tuesday")
    cmp = compare_versions(f"{ONE} {TWO} {THREE} {FOUR}", f"{TWO} {THREE} {new} {FOUR}")
    assert [p.status for p in cmp.pairs] == ["same", "same", "moved", "same"]
    assert cmp.pairs[2].edits == [Edit("delete", "Monday"), Edit("insert", "Tuesday")]


def test_exact_match_stays_in_place_when_a_changed_one_moves():
    # A tie for the longest chain in order: the exact match must win it.
    new = TWO.replace("growing", "steady")
    assert statuses(f"{ONE} {TWO} {THREE}", f"{new} {ONE} {THREE}") == ["moved", "same", "same"]


def test_split():
    a = "The leader praised the growing cooperation, and both presidents visited a factory in Minsk."
    b = "The leader praised the growing cooperation. Both presidents visited a factory in Minsk."
    cmp = compare_versions(f"{ONE} {a} {THREE}", f"{ONE} {b} {THREE}")
    assert [p.status for p in cmp.pairs] == ["same", "split", "same"]
    assert cmp.pairs[1].a == (a,)
    assert cmp.pairs[1].b == tuple(kit.sentences(b))


def test_merged():
    a = "The leader praised the growing cooperation. Both presidents visited a factory in Minsk."
    b = "The leader praised the growing cooperation, and both presidents visited a factory in Minsk."
    cmp = compare_versions(f"{ONE} {a}", f"{ONE} {b}")
    assert [p.status for p in cmp.pairs] == ["same", "merged"]
    assert cmp.pairs[1].a == tuple(kit.sentences(a)) and cmp.pairs[1].b == (b,)


def test_an_unrelated_neighbour_is_not_merged():
    new = ONE.replace("Monday", "Tuesday")
    assert statuses(f"{ONE} {TWO}", f"{new} {THREE}") == ["changed", "removed", "added"]


def test_a_neighbour_joins_only_when_its_words_come_from_the_other_side():
    # With "Delta juliet kilo." the match scores higher (0.53 against 0.5),
    # but only one of its three words comes from A: it was added, not split off.
    a = "Alpha bravo charlie delta echo foxtrot."
    b = "Alpha bravo charlie golf hotel india. Delta juliet kilo."
    assert statuses(a, b) == ["changed", "added"]


def test_threshold_is_the_line_between_changed_and_added():
    a, b = "Iran and Belarus signed a trade deal.", "Iran and Belarus signed a border treaty."
    similarity = compare_versions(a, b).pairs[0].similarity
    assert statuses(a, b, threshold=similarity) == ["changed"]
    assert statuses(a, b, threshold=similarity + 0.01) == ["removed", "added"]


@pytest.mark.parametrize("threshold", [0, -0.5, 1.5, "0.5", None])
def test_bad_threshold(threshold):
    with pytest.raises(ValueError, match="threshold must be a number above 0 and at most 1"):
        compare_versions(ONE, TWO, threshold=threshold)


def test_repeated_sentences_survive_autojunk():
    # 250 copies of one sentence: with autojunk, difflib would ignore the item
    # (more than 1% of 200 or more) and match none of them.
    a = ["Yes."] * 250
    b = ["Yes."] * 125 + [ONE] + ["Yes."] * 125
    assert compare_sentences(a, b).counts == dict.fromkeys(STATUSES, 0) | {"same": 250, "added": 1}


def test_a_moved_block_of_a_repeated_sentence():
    # "yes" is in more left-over sentences than MAX_POSTINGS: too common for
    # the word index, so the copies must be paired as copies.
    others = [f"Sentence {n} is about topic{n}." for n in range(20)]
    assert MAX_POSTINGS < 150
    cmp = compare_sentences(["Yes."] * 150 + others, others + ["Yes."] * 150)
    assert cmp.counts == dict.fromkeys(STATUSES, 0) | {"same": 20, "moved": 150}


def test_word_edits_in_a_long_sentence_survive_autojunk():
    # Over 200 tokens, each word more than 1% of them: with autojunk, difflib
    # could anchor nothing before the change, and would replace all of it.
    half = " ".join(["the cat, the dog and the bird"] * 20)
    a, b = f"{half} and the fox {half} sat.", f"Then {half} and the wolf {half} sat."
    cmp = compare_sentences([a], [b])
    assert cmp.pairs[0].edits == [Edit("insert", "Then"), Edit("delete", "fox"), Edit("insert", "wolf")]


def test_words_inserted_and_deleted():
    cmp = compare_versions(f"{ONE} {TWO}", f"{ONE.replace('a trade', 'a major new trade')} {THREE}")
    assert cmp.words_inserted == 2 + len(kit.words(THREE))
    assert cmp.words_deleted == len(kit.words(TWO))


def test_a_moved_paragraph_in_a_longer_text():
    paragraphs = [
        " ".join(f"Paragraph {p} sentence {s} talks about topic{p}x{s} at length." for s in range(5))
        for p in range(60)
    ]
    moved = paragraphs[:10] + paragraphs[11:50] + [paragraphs[10]] + paragraphs[50:]
    cmp = compare_versions("\n\n".join(paragraphs), "\n\n".join(moved))
    assert cmp.counts["moved"] == 5 and cmp.counts["same"] == 295
    assert [p.b[0] for p in cmp.pairs if p.status == "moved"] == kit.sentences(paragraphs[10])


# --- empty texts and bad input ---------------------------------------------------


def test_empty_texts():
    assert statuses("", f"{ONE} {TWO}") == ["added", "added"]
    assert statuses(f"{ONE} {TWO}", "") == ["removed", "removed"]
    cmp = compare_versions("", " \n ")
    assert cmp.pairs == [] and cmp.counts == dict.fromkeys(STATUSES, 0)
    assert cmp.similarity == 1.0
    assert compare_versions("", ONE).similarity == 0.0
    assert "two empty texts" in cmp.to_html() and "two empty texts" in repr(cmp)


@pytest.mark.parametrize(
    "a, b, message",
    [
        (None, ONE, "a must be an Article or a str, not None"),
        (ONE, None, "b must be an Article or a str, not None"),
        (ONE, 42, "b must be an Article or a str, not int"),
        (b"bytes", ONE, "a must be an Article or a str, not bytes"),
        ([ONE], ONE, "a must be an Article or a str, not list"),
    ],
)
def test_bad_input(a, b, message):
    with pytest.raises(TypeError, match=message):
        compare_versions(a, b)


def test_bad_sentence_lists():
    with pytest.raises(TypeError, match=r"a must be a list of sentences, not str.*kit.sentences"):
        compare_sentences(ONE, [ONE])
    with pytest.raises(TypeError, match="b must be a list of sentences, not None"):
        compare_sentences([ONE], None)
    with pytest.raises(TypeError, match="b must hold only strings"):
        compare_sentences([ONE], [ONE, 3])


# --- the word diff and the HTML table ---------------------------------------------


def test_word_diff_of_the_seeds(seed_cmp):
    lines = str(seed_cmp).splitlines()
    assert str(seed_cmp) == seed_cmp.word_diff()
    assert len(lines) == len(seed_cmp.pairs)
    assert lines[0].startswith("added    {+Ayatollah Seyyed Ali Khamenei:")
    assert lines[0].endswith("+}")
    assert "can [-cooperation-]{+cooperate+} in many areas" in str(seed_cmp)
    assert "Ayatollah Khamenei [-also-] said, “Launching" in str(seed_cmp)
    assert "sanctions, {+many grounds for progress have been provided to Iran and+} our" in str(seed_cmp)


def test_word_diff_of_removed_and_added():
    text = compare_versions(f"{ONE} {TWO}", f"{ONE} {THREE}").word_diff()
    assert text.splitlines() == [f"same     {ONE}", f"removed  [-{TWO}-]", f"added    {{+{THREE}+}}"]


def test_word_diff_deletion_at_the_start():
    cmp = compare_sentences(["Today Iran and Belarus signed a deal."], ["Iran and Belarus signed a deal."])
    assert cmp.word_diff() == "changed  [-Today-] Iran and Belarus signed a deal."


def test_context_shortens_long_runs_of_same_sentences():
    same = [f"Sentence number {n} is here." for n in range(20)]
    cmp = compare_sentences([*same, ONE, *same[:1]], [*same, ONE.replace("Monday", "Friday"), *same[:1]])
    lines = cmp.word_diff(context=3).splitlines()
    assert lines[0] == f"{'':8} ... 17 same sentences ..."
    assert lines[1:4] == [f"same     {s}" for s in same[17:]]
    assert lines[4].startswith("changed") and lines[5] == f"same     {same[0]}"
    assert len(cmp.word_diff(context=None).splitlines()) == 22
    assert "… 17 same sentences …" in cmp.to_html(context=3)
    assert "same sentences" not in cmp.to_html(context=None)
    with pytest.raises(ValueError, match="context must be 0 or more"):
        cmp.word_diff(context=-1)


def test_html_marks_insertions_and_deletions(seed_cmp):
    page = seed_cmp._repr_html_()
    assert page == seed_cmp.to_html()
    assert "<del>cooperation</del>" in page and "<ins>cooperate</ins>" in page
    assert "<del>Ayatollah Khamenei pointed out, Press TV reported.</del>" in page
    assert "<ins>[as well as]</ins>" in page
    assert page.count("<tr class=") == len(seed_cmp.pairs)
    assert page.count('<tr class="split">') == 1


def test_html_side_by_side_columns():
    page = compare_versions(f"{ONE} {TWO}", f"{ONE} {THREE}").to_html()
    assert f"<td><del>{TWO}</del></td><td></td>" in page  # removed: only on the left
    assert f"<td></td><td><ins>{THREE}</ins></td>" in page  # added: only on the right


def test_html_escapes_text():
    a = "The tag <b> & the word “bold” were added here."
    b = "The tag <i> & the word “bold” were added here."
    page = compare_versions(a, b).to_html()
    assert "<b>" not in page and "<i>" not in page
    assert "<td>The tag &lt;<del>b</del>&gt; &amp; the word “bold” were added here.</td>" in page
    assert "<td>The tag &lt;<ins>i</ins>&gt; &amp; the word “bold” were added here.</td>" in page


def test_html_escapes_the_marked_runs():
    page = compare_versions("Profits & losses were reported.", "Profits < losses were reported.").to_html()
    assert "<del>&amp;</del>" in page and "<ins>&lt;</ins>" in page


def test_html_puts_two_sentences_on_two_lines(seed_cmp):
    split = next(p for p in seed_cmp.pairs if p.status == "split")
    row = next(r for r in seed_cmp.to_html().split("<tr ") if r.startswith('class="split"'))
    assert row.count("<br>") == 2  # one after the status, one between the sentences
    assert html.escape(split.b[1]) in row.replace("<ins>", "").replace("</ins>", "")


def test_repr_is_a_summary(seed_cmp):
    assert repr(seed_cmp) == (
        "<Comparison of 15 pairs (3 same, 8 changed, 2 added, 1 split, 1 merged), similarity 0.847>"
    )


def test_a_comparison_is_the_sequence_of_its_pairs(seed_cmp):
    """len, for and [] work on the pairs, as its summary says ("15 pairs")."""
    assert len(seed_cmp) == len(seed_cmp.pairs) == 15
    assert list(seed_cmp) == seed_cmp.pairs
    assert [pair.status for pair in seed_cmp] == [pair.status for pair in seed_cmp.pairs]
    assert seed_cmp[0] is seed_cmp.pairs[0] and seed_cmp[-1] is seed_cmp.pairs[-1]
    assert seed_cmp[1:3] == seed_cmp.pairs[1:3]
    assert seed_cmp.pairs[4] in seed_cmp and seed_cmp.index(seed_cmp.pairs[4]) == 4
    assert len(compare_versions("", "")) == 0 and not list(compare_versions("", ""))


def test_a_comparison_does_not_pretend_to_be_a_tuple(seed_cmp):
    assert not isinstance(seed_cmp, tuple)
    with pytest.raises(ValueError):
        _pairs, _counts, _similarity = seed_cmp  # unpacking gives pairs, and there are 15
    with pytest.raises(AttributeError):
        seed_cmp.similarity = 1.0  # a result, not a scratch pad
    assert seed_cmp == compare_versions(*kit.load_articles())


def test_html_is_left_aligned_above_jupyterlabs_table_rule(seed_cmp):
    """JupyterLab right-aligns table cells with a rule of specificity (0, 2, 1):
    ':not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td'. The kit's must be higher."""
    import re

    page = seed_cmp.to_html()
    rule = re.search(r"([^{}]*)\{[^}]*text-align: left;", page)
    assert rule, "no left-aligning rule in the table's style"
    for selector in rule.group(1).split(","):
        classes = len(re.findall(r"[.:]", selector))
        elements = len(re.findall(r"(?:^|[\s>+~])([a-z]+)", selector))
        assert selector.strip().endswith(("td", "th")) and (classes, elements) > (2, 1), selector
        assert all(name in page for name in re.findall(r"\.([\w-]+)", selector))


# --- properties that hold for any two lists of sentences ---------------------------

POOL = [ONE, TWO, THREE, FOUR, "Yes.", "No!", ONE.replace("Monday", "Friday"), TWO.upper()]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(POOL), max_size=12), st.lists(st.sampled_from(POOL), max_size=12))
def test_every_sentence_once(a, b):
    cmp = compare_sentences(a, b)
    assert [s for p in cmp.pairs for s in p.b] == b  # B in order
    assert Counter(s for p in cmp.pairs for s in p.a) == Counter(a)  # A all there
    assert sum(cmp.counts.values()) == len(cmp.pairs)
    assert list(cmp.counts) == list(STATUSES)
    assert 0.0 <= cmp.similarity <= 1.0
    for p in cmp.pairs:
        assert (len(p.a), len(p.b)) == {
            "added": (0, 1),
            "removed": (1, 0),
            "split": (1, 2),
            "merged": (2, 1),
        }.get(p.status, (1, 1))
        assert p.status != "same" or p.a == p.b


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(POOL), max_size=12))
def test_a_text_is_the_same_as_itself(a):
    cmp = compare_sentences(a, a)
    assert [p.status for p in cmp.pairs] == ["same"] * len(a)
    assert cmp.similarity == 1.0


# --- quotations --------------------------------------------------------------------


class FakeQuote(NamedTuple):
    """Shaped like kit.quotes.Quote, so these tests need no quote finder."""

    text: str
    start: int = 0
    end: int = 0
    speaker: str | None = "Khamenei"
    cue: str | None = "said"
    paragraph: int = 0


THOSE = "Those countries that have been sanctioned by America must destroy the weapon of sanctions,"
SEVERE = "Severe sanctions made Iran notice its own intrinsic capabilities and forces."
PERIOD = "During the period of sanctions, our country succeeded to make eye-catching advances,"
PERIOD_B = (
    "During the period of sanctions, many grounds for progress have been provided to Iran and "
    "our country succeeded to make eye-catching advances,"
)
FRIENDS = "We have come to know our true and false friends under the current hard conditions"


def test_quotes_identical_ignores_the_closing_comma_or_full_stop():
    pairs = compare_quote_lists([FakeQuote(THOSE)], [FakeQuote(THOSE[:-1] + ".")])
    assert [(p.status, p.inserted, p.deleted) for p in pairs] == [("identical", [], [])]
    assert pairs[0].a.text == THOSE and pairs[0].b.text == THOSE[:-1] + "."


def test_quotes_only_one_closing_mark_is_ignored():
    pairs = compare_quote_lists([FakeQuote("We shall see...")], [FakeQuote("We shall see.")])
    assert [(p.status, p.deleted) for p in pairs] == [("altered", [".."])]


def test_quotes_other_closing_marks_count():
    a, b = FakeQuote("Is this possible to do?"), FakeQuote("Is this possible to do.")
    pairs = compare_quote_lists([a], [b])
    assert [(p.status, p.inserted, p.deleted) for p in pairs] == [("altered", [], ["?"])]


def test_quotes_altered_with_runs_inserted_and_deleted():
    a = FakeQuote("nuclear [science] and nano[technology] in various fields")
    b = FakeQuote("[as well as] nuclear [science] and nano[technology] in many fields")
    (pair,) = compare_quote_lists([a], [b])
    assert pair.status == "altered"
    assert pair.inserted == ["[as well as]", "many"]
    assert pair.deleted == ["various"]


def test_quotes_only_in_one_version_in_order():
    a = [FakeQuote(THOSE), FakeQuote(SEVERE), FakeQuote(PERIOD)]
    b = [FakeQuote(FRIENDS), FakeQuote(THOSE), FakeQuote(PERIOD_B)]
    pairs = compare_quote_lists(a, b)
    assert [p.status for p in pairs] == ["only_b", "identical", "only_a", "altered"]
    assert pairs[0].a is None and pairs[0].b.text == FRIENDS
    assert pairs[2].b is None and pairs[2].a.text == SEVERE
    assert pairs[3].inserted == ["many grounds for progress have been provided to Iran and"]


def test_quotes_attribution_changes():
    a = [
        FakeQuote(THOSE, cue="stated"),
        FakeQuote(SEVERE, cue="pointed out"),
        FakeQuote(FRIENDS, speaker=None),
    ]
    b = [
        FakeQuote(THOSE, cue="said"),
        FakeQuote(SEVERE, cue="pointed out"),
        FakeQuote(FRIENDS, speaker="Lukashenko"),
    ]
    pairs = compare_quote_lists(a, b)
    assert [(p.speaker_changed, p.cue_changed) for p in pairs] == [
        (False, True),
        (False, False),
        (True, False),
    ]
    assert pairs[0].attribution_changes == ["cue: stated → said"]
    assert pairs[1].attribution_changes == []
    assert pairs[2].attribution_changes == ["speaker: None → Lukashenko"]


@pytest.mark.parametrize(
    "x, y, changed",
    [
        ("Ayatollah Ali Khamenei", "Ayatollah Seyyed Ali Khamenei", False),  # a fuller form
        ("Alexander Lukashenko", "Lukashenko", False),
        ("Ali Khamenei", "Khamenei Ali", True),  # not in the same order
        ("Ali Khamenei", "Alexander Lukashenko", True),
        ("Alexander Lukashenko", None, True),
        (None, None, False),
    ],
)
def test_quotes_speaker_changed_allows_a_fuller_name(x, y, changed):
    (pair,) = compare_quote_lists([FakeQuote(THOSE, speaker=x)], [FakeQuote(THOSE, speaker=y)])
    assert pair.speaker_changed is changed
    assert bool(pair.attribution_changes) is changed


def test_quotes_only_in_one_version_have_no_attribution_change():
    (pair,) = compare_quote_lists([FakeQuote(THOSE)], [])
    assert pair.status == "only_a"
    assert (pair.speaker_changed, pair.cue_changed, pair.attribution_changes) == (False, False, [])


def test_quotes_threshold():
    a, b = [FakeQuote(PERIOD)], [FakeQuote(PERIOD_B)]
    assert [p.status for p in compare_quote_lists(a, b)] == ["altered"]
    assert [p.status for p in compare_quote_lists(a, b, threshold=0.95)] == ["only_a", "only_b"]
    with pytest.raises(ValueError, match="threshold"):
        compare_quote_lists(a, b, threshold=2)


def test_quotes_empty_and_bad_input():
    assert compare_quote_lists([], []) == []
    assert [p.status for p in compare_quote_lists([], [FakeQuote(THOSE)])] == ["only_b"]
    with pytest.raises(TypeError, match="a must be a list of quotations, not None"):
        compare_quote_lists(None, [])
    with pytest.raises(TypeError, match=r"b\[0\] is a str, not a quotation"):
        compare_quote_lists([], [THOSE])
    with pytest.raises(TypeError, match="a must be an Article or a str, not None"):
        compare_quotes(None, "text")
    with pytest.raises(TypeError, match="b must be an Article or a str, not int"):
        compare_quotes("text", 3)


@pytest.fixture(scope="module")
def seed_quote_pairs(seeds):
    return compare_quotes(*seeds)


def test_seed_quotes_one_altered_seven_identical(seed_quote_pairs):
    assert Counter(p.status for p in seed_quote_pairs) == {"identical": 7, "altered": 1}
    (altered,) = [p for p in seed_quote_pairs if p.status == "altered"]
    assert altered.a.text.startswith("During the period of sanctions")
    assert altered.inserted == ["many grounds for progress have been provided to Iran and", "[as well as]"]
    assert altered.deleted == []


def test_seed_quotes_attribution_changes(seed_quote_pairs):
    by_start = {p.a.text[:20]: p for p in seed_quote_pairs}
    period = by_start["During the period of"]
    assert (period.a.cue, period.b.cue) == ("stated", "said")
    assert period.cue_changed and not period.speaker_changed
    point = by_start["If those countries t"]
    assert (point.a.cue, point.b.cue) == ("pointed out", "emphasized")


def test_a_text_with_no_sentence_ends_is_compared_word_by_word():
    # 5,000 words with no full stop are one "sentence": past 5,000 tokens a side, the
    # word diff lets difflib skip its commonest words (it took 37 s on 500,000 such
    # characters), and its edits must still be exactly the words that changed
    from kit.compare.word_diff import _HUGE, Edit, diff_tokens, word_edits

    a = " ".join(f"the man and the woman walked on to town number {n} with Pierre" for n in range(400))
    b = a.replace("Pierre", "Peter", 120)
    ta, tb, _ = diff_tokens(a, b)
    assert len(ta) + len(tb) > 2 * _HUGE  # the long path
    assert Counter(word_edits(a, b)) == Counter({Edit("delete", "Pierre"): 120, Edit("insert", "Peter"): 120})
    cmp = kit.compare_versions(a, b)
    assert (cmp.words_deleted, cmp.words_inserted) == (120, 120)
