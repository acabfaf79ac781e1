"""Tests for kit.quotes: quotation marks, attribution, the seeds, invented news, properties.

Expected values are read off the texts by hand, never copied from the kit's
output. The news passages live in tests/data/quote_cases.json.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kit.quotes import FLAGS, Quote, SpeakerCount, extract_quotes, quote_records, speakers
from kit.quotes.names import UP, is_sentence_word, name_key
from kit.segment import paragraph_spans
from kit.texts import Article, load_articles

DATA = Path(__file__).parent / "data" / "quote_cases.json"
CASES = json.loads(DATA.read_text(encoding="utf-8"))["cases"]


def texts_of(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text)]


def only(text: str) -> Quote:
    found = extract_quotes(text)
    assert len(found) == 1, f"expected one quote, got {[q.text for q in found]}"
    return found[0]


# --- the seeds: 8 quotes each, 6 by Khamenei, then 2 by Lukashenko -------------

KHAMENEI_000 = "Ayatollah Ali Khamenei"
KHAMENEI_001 = "Ayatollah Seyyed Ali Khamenei"
LUKASHENKO = "Alexander Lukashenko"

# (first words, last words, speaker, cue), read from the seed files.
SEED_000 = [
    ("Those countries that have been sanctioned", "possible to do,", KHAMENEI_000, "suggested"),
    ("Severe sanctions made Iran notice", "capabilities and forces.", KHAMENEI_000, "added"),
    ("During the period of sanctions, our country", "and nano[technology],", KHAMENEI_000, "stated"),
    ("If those countries that have been sanctioned", "benefit for all of them,", KHAMENEI_000, "pointed out"),
    ("Launching the North-South Transportation", "strive to get it launched.", KHAMENEI_000, "said"),
    ("Spirituality can serve as a driving force", "for [all] nations.", KHAMENEI_000, None),
    ("The Islamic Republic of Iran made great", "an opportunity for progress,", LUKASHENKO, "said"),
    ("We have come to know our true and false", "with our true friends.", LUKASHENKO, None),
]
SEED_001 = [
    ("Those countries that have been sanctioned", "possible to do,", KHAMENEI_001, "said"),
    ("Severe sanctions made Iran notice", "capabilities and forces.", KHAMENEI_001, "said"),
    ("During the period of sanctions, many grounds", "and nano[technology],", KHAMENEI_001, "said"),
    ("If those countries that have been sanctioned", "benefit for all of them.", KHAMENEI_001, "emphasized"),
    ("Launching the North-South Transportation", "strive to get it launched.", KHAMENEI_001, "said"),
    ("Spirituality can serve as a driving force", "for [all] nations.", KHAMENEI_001, "adding"),
    ("The Islamic Republic of Iran made great", "an opportunity for progress,", LUKASHENKO, "said"),
    ("We have come to know our true and false", "with our true friends.", LUKASHENKO, "concluded by saying"),
]


@pytest.mark.parametrize(
    "seed, n, expected",
    [(0, n, e) for n, e in enumerate(SEED_000)] + [(1, n, e) for n, e in enumerate(SEED_001)],
    ids=lambda v: str(v)[:20],
)
def test_seed_quote(seeds, seed, n, expected):
    article = seeds[seed]
    found = extract_quotes(article)
    assert len(found) == 8
    q = found[n]
    first, last, speaker, cue = expected
    assert q.text.startswith(first) and q.text.endswith(last)
    assert article.text[q.start : q.end] == q.text
    assert article.text[q.start - 1] in "“\"" and article.text[q.end] in "”\""  # exactly the marks' content
    assert (q.speaker, q.cue) == (speaker, cue)
    assert q.flag is None


def test_seed_000_last_quote_is_a_continuation_by_lukashenko(seeds):
    q = extract_quotes(seeds[0])[-1]
    assert seeds[0].text[q.end] == '"'  # opened with “, closed with a straight mark
    assert (q.speaker, q.cue, q.mention) == (LUKASHENKO, None, None)
    assert seeds[0].paragraphs[q.paragraph].startswith("“We have come")


def test_seed_speakers():
    from kit.segment import words  # an independent word counter

    a, b = load_articles()
    for article, khamenei in ((a, KHAMENEI_000), (b, KHAMENEI_001)):
        his = sum(len(words(q.text)) for q in extract_quotes(article) if q.speaker == khamenei)
        # Lukashenko's two quotes have 33 and 29 words, counted by hand in both seeds.
        assert speakers(article) == [SpeakerCount(khamenei, 6, his), SpeakerCount(LUKASHENKO, 2, 62)]


# --- quotation marks -------------------------------------------------------------

MARK_CASES = {
    "curly": ("She said, “We will win.”", ["We will win."]),
    "straight": ('She said, "We will win."', ["We will win."]),
    "mixed curly then straight": ('“We will win," she said.', ["We will win,"]),
    "mixed straight then curly": ('"We will win,” she said.', ["We will win,"]),
    "angle": ("«We will win,» she said.", ["We will win,"]),
    "nested single in curly double": (
        "“They called it ‘a temporary measure’ and left,” she said.",
        ["They called it ‘a temporary measure’ and left,"],
    ),
    "nested single in straight double": (
        "\"They called it 'a temporary measure' and left,\" she said.",
        ["They called it 'a temporary measure' and left,"],
    ),
    "several single-quoted phrases in one double quote": (
        "“They called it ‘a measure’ and ‘a pause’ and ‘a review’,” she said.",
        ["They called it ‘a measure’ and ‘a pause’ and ‘a review’,"],
    ),
    "apostrophes inside a quote": (
        "“Both countries’ leaders don’t agree,” she said.",
        ["Both countries’ leaders don’t agree,"],
    ),
    "apostrophes outside quotes": ("The countries’ leaders don’t agree, and the workers' vote is in.", []),
    "an apostrophe that opens a word": ("Music from the ‘90s is back on the radio.", []),
    "editorial brackets": ("“It is [also] to their benefit,” she said.", ["It is [also] to their benefit,"]),
    "two quotes side by side": ("“We won.” “They lost,” she said.", ["We won.", "They lost,"]),
    "a quote interrupted by its attribution": (
        "“We will win,” she said, “because we must.”",
        ["We will win,", "because we must."],
    ),
    "empty marks": ("She said “” and left.", []),
    "inches are not marks": ('The 12" pipe burst on Monday.', []),
    "single quotes outside double ones (a headline)": (
        "Nurses: 'We cannot go on like this'\n\nNurses walked out on Monday.",
        ["We cannot go on like this"],
    ),
}


@pytest.mark.parametrize("name", MARK_CASES)
def test_marks(name):
    text, expected = MARK_CASES[name]
    assert texts_of(text) == expected


# A British book quotes with single marks, and nests with double ones. The
# passage is ours; the marks are what matter.
SINGLE_MARKED = (
    "Mrs. Pike looked up from her letter.\n\n"
    "{o}The Joneses{a} house is let at last,{c} said Mrs. Pike. {o}I told {a}em it would be.{c}\n\n"
    "{o}Who has taken it?{c} asked Ellen Marsh.\n\n"
    "{o}A Mr. Hale from Leeds. He wrote to say so.\n\n"
    "{o}He says the garden is {d}a perfect wilderness{e}, and he means to mend it.{c}\n\n"
    "Ellen laughed. {o}Then he will never finish,{c} she said."
)
SINGLE_QUOTES = [
    "The Joneses{a} house is let at last,",
    "I told {a}em it would be.",
    "Who has taken it?",
    "A Mr. Hale from Leeds. He wrote to say so.\n\n{o}He says the garden is {d}a perfect wilderness{e}, and he means "
    "to mend it.",
    "Then he will never finish,",
]


@pytest.mark.parametrize("marks", [("‘", "’", "’", "“", "”"), ("'", "'", "'", '"', '"')], ids=["curly", "straight"])
def test_a_book_quoted_with_single_marks_is_read_as_one_quoted_with_double_ones(marks):
    """Single marks open every quote here: a quote runs over two paragraphs, a
    plural's apostrophe (the Joneses' house) and an elision ('em) stand inside
    quotes, and double marks nest inside one. Before, the straight-marked
    passage gave no quotes at all, and a quote over two paragraphs was lost."""
    o, c, a, d, e = marks
    text = SINGLE_MARKED.format(o=o, c=c, a=a, d=d, e=e)
    found = extract_quotes(text)
    assert [q.text for q in found] == [t.format(o=o, c=c, a=a, d=d, e=e) for t in SINGLE_QUOTES]
    assert found[3].flag == "continued"
    # the speakers are those of the same passage quoted with double marks
    doubled = extract_quotes(SINGLE_MARKED.format(o="“", c="”", a="’", d="‘", e="’"))
    assert [q.speaker for q in found] == [q.speaker for q in doubled]
    assert [q.speaker for q in found][:3] == ["Mrs. Pike", "Mrs. Pike", "Ellen Marsh"]


def test_the_later_steps_read_single_marks_as_double_ones_in_the_masked_copy():
    """The attribution's patterns know “ ” round a masked quote: a single-marked
    quote shows them too, and the copy keeps the text's length."""
    from kit.quotes.layout import MASK, Layout
    from kit.quotes.marks import find_regions
    from kit.segment import paragraph_spans

    text = SINGLE_MARKED.format(o="'", c="'", a="'", d='"', e='"')
    paras = paragraph_spans(text)
    layout = Layout(text, paras, find_regions(text, paras))
    assert len(layout.masked) == len(text)
    assert layout.masked.startswith("Mrs. Pike looked up from her letter.\n\n“" + MASK)
    assert ",” said Mrs. Pike. “" in layout.masked


def test_a_name_never_runs_on_from_the_paragraph_before():
    """With a paragraph on each line, a heading's last words and the next line's
    name (Case⏎Miss Mary Morstan) are not one name: before, she was lost in the
    heading, and "she said" went to Holmes."""
    text = ("Chapter II The Statement of the Case\nMiss Mary Morstan entered the room. She sat down by "
            "Sherlock Holmes.\n“I have come to you,” she said.\n“Why?” asked Holmes.")
    assert [q.speaker for q in extract_quotes(text)] == ["Mary Morstan", "Sherlock Holmes"]


def test_a_text_that_doubles_apostrophes_for_marks_is_not_read_as_single_marked():
    """Some archives write double marks as two apostrophes, which the kit does not
    read as marks (see :func:`kit.quotes.marks.find_regions`); a few straight
    single marks that open a word there ('boots', 'surge') do not make it a
    single-marked text, whose quotes would be fragments of the doubled ones."""
    text = ("Troops in 'boots' and a 'surge' are ruled out.\n\n''We will not send them,'' the general said. "
            "''Never,'' he added. ''Not now,'' he said.")
    assert extract_quotes(text) == []


def test_a_curly_apostrophe_is_an_apostrophe_in_names_and_words():
    """I’m is the word I'm, never a name: a book set with curly apostrophes made
    I’m one of the people of A Room with a View (15 mentions) before."""
    assert [is_sentence_word(w) for w in ("I’m", "Don’t", "Mary’s")] == [True, True, False]
    assert name_key("Don’t") == name_key("Don't")


def test_the_class_of_capitals_holds_every_capital_and_nothing_else():
    """UP is written in ranges (A-Z, Α-Ρ) to keep every pattern short to compile:
    it must still hold each upper-case letter up to Cyrillic, and no other character."""
    capital = re.compile(f"[{UP}]")
    for code in range(0x2000):
        c = chr(code)
        assert (capital.fullmatch(c) is not None) == (c.isupper() and 0x41 <= code < 0x530), repr(c)


def test_a_quote_over_several_paragraphs_is_one_quote():
    text = (
        "The chief described the night.\n\n"
        "“We let the warehouse go.\n\n"
        "“I would make the same call again.\n\n"
        "“Everyone went home,” Chief Marcus Bell said.\n\n"
        "Residents praised the crews."
    )
    q = only(text)
    assert q.text == "We let the warehouse go.\n\n“I would make the same call again.\n\n“Everyone went home,"
    assert (q.flag, q.complete, q.paragraph, q.speaker) == ("continued", True, 1, "Marcus Bell")


def test_an_unclosed_quote_is_cut_at_its_paragraph_end_and_flagged():
    later = "\n\n".join(f"Paragraph {n} has no quotes at all." for n in range(50))
    text = f"The mayor spoke. “This never closes, she said.\n\n{later}\n\n“A later quote,” he said."
    first, second = extract_quotes(text)
    assert (first.text, first.flag, first.complete) == ("This never closes, she said.", "unclosed", False)
    assert (second.text, second.flag) == ("A later quote,", None)


def test_a_new_opening_mark_cuts_an_unclosed_quote():
    first, second = extract_quotes("The mayor spoke. “One, she said. “Two,” he said.")
    assert (first.text, first.flag) == ("One, she said.", "unclosed")
    assert (second.text, second.flag) == ("Two,", None)


def test_an_inches_mark_in_a_height_does_not_close_the_quote():
    text = "“He keeps calling me short. He is like 6’2”,” Dana Pryor said. “I am 5'11\" and proud of it.”"
    first, second = extract_quotes(text)
    assert (first.text, first.speaker, first.cue) == ("He keeps calling me short. He is like 6’2”,", "Dana Pryor", "said")
    assert second.text == "I am 5'11\" and proud of it."


def test_a_missing_opening_mark_is_recovered_and_flagged():
    text = "The founder spoke last.\n\nThank you all for coming back,” Ines Moreau said."
    q = only(text)
    assert (q.text, q.flag, q.complete, q.speaker) == ("Thank you all for coming back,", "unopened", False, "Ines Moreau")


def test_a_quote_runs_on_over_a_line_break_of_a_wrapped_paragraph():
    text = (
        "“What? Revolution and regicide a grand thing?... Well, after that...\n"
        "But won’t you come to this other table?” repeated Anna Pávlovna."
    )
    q = only(text)
    assert q.text.endswith("this other table?") and q.flag is None
    assert q.cue == "repeated"


def test_flags_are_documented():
    assert set(FLAGS) == {"continued", "unclosed", "unopened"}
    assert all(len(explanation) > 40 for explanation in FLAGS.values())


# --- attribution -------------------------------------------------------------------

ATTRIBUTION_CASES = {
    "X said, “...”": ("Jane Doe said, “We will win this fight.”", "Jane Doe", "said"),
    "“...,” X said": ("“We will win this fight,” Jane Doe said.", "Jane Doe", "said"),
    "“...,” said X": ("“We will win this fight,” said Jane Doe.", "Jane Doe", "said"),
    "X concluded by saying": ("Jane Doe concluded by saying, “We will win this fight.”", "Jane Doe",
                              "concluded by saying"),
    "according to X": ("“We will win this fight,” according to Jane Doe.", "Jane Doe", "according to"),
    "a name that ends like a plural, and how it was said": ("“Not bad,” replied Monks with a smile.", "Monks",
                                                             "replied"),  # not the group "Monks with a smile"
    "X managed to say": ("“No,” Jane Doe managed to say.", "Jane Doe", "managed to say"),  # a short answer too
    "X hastened to add": ("Jane Doe hastened to add: “We will win this fight.”", "Jane Doe", "hastened to add"),
    "a title to the person": (
        "Prime Minister Jane Doe spoke on Monday.\n\n“We will win this fight,” the prime minister said.",
        "Jane Doe", "said"),
    "a title with 'of' to the person": (
        "Leader of the Opposition Sir John Grey spoke.\n\n“We will win this fight,” the Leader said.",
        "Sir John Grey", "said"),
    "a surname to the full name": ("Jane Doe arrived.\n\n“We will win this fight,” Doe said.", "Jane Doe", "said"),
    "a pronoun to the latest person": ("Jane Doe arrived on Monday. “We will win,” she said.", "Jane Doe", "said"),
    "an apposition": ("“We will win,” said Jane Doe, the chief executive of Acme.\n\n“We must,” the chief "
                      "executive added.", "Jane Doe", "said"),
    "an unnamed spokesman, as written": ("“We will win this fight,” a spokesman for the ministry said.",
                                         "a spokesman for the ministry", "said"),
    "a description tied to no one": ("“We will win this fight,” the Florida senator said.", None, "said"),
    "a country speaks as itself": ("Iran said on Monday: “We will respond to this.”", "Iran", "said"),
    "no attribution at all": ("“We will win this fight.”", None, None),
}


@pytest.mark.parametrize("name", ATTRIBUTION_CASES)
def test_attribution(name):
    text, speaker, cue = ATTRIBUTION_CASES[name]
    q = extract_quotes(text)[0]
    assert (q.speaker, q.cue) == (speaker, cue)


def test_the_mention_keeps_the_words_as_written():
    q = only("Prime Minister Jane Doe spoke.\n\n“We will win this fight,” the prime minister said.")
    assert q.mention == "the prime minister"
    assert q.speaker == "Jane Doe"


def test_a_quote_paragraph_continues_the_previous_paragraphs_report():
    text = "Jane Doe spoke first.\n\nShe added that the plan was ready.\n\n“We will start on Monday.”"
    assert (only(text).speaker, only(text).cue) == ("Jane Doe", None)


def test_a_continuation_never_reaches_past_a_paragraph_without_speech():
    text = "“We will win,” Jane Doe said.\n\nThe weather was fine.\n\n“It is over.”"
    assert [q.speaker for q in extract_quotes(text)] == ["Jane Doe", None]


def test_reported_speech_is_not_a_quote():
    text = "The governor said that inflation would fall. She added that the bank was ready to act."
    assert extract_quotes(text) == []


# --- the speaker's name: offices dropped, honorifics kept -------------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Belarusian President Alexander Lukashenko arrived.\n\n“We came as friends,” Lukashenko said.",
         "Alexander Lukashenko"),
        ("Sir Alan Crane arrived.\n\n“We came as friends,” Crane said.", "Sir Alan Crane"),
        ("Mrs. Helen Barker said, “We came as friends.”", "Helen Barker"),
        ("Union boss Ken Ashworth said: “We came as friends.”", "Ken Ashworth"),
        ("Pope Gregory XVII arrived.\n\n“We came as friends,” the pope said.", "Gregory XVII"),
    ],
)
def test_name_rule(text, speaker):
    assert extract_quotes(text)[0].speaker == speaker


def test_the_fullest_name_is_used_in_both_seeds(seeds):
    assert {q.speaker for q in extract_quotes(seeds[0])} == {KHAMENEI_000, LUKASHENKO}
    assert {q.speaker for q in extract_quotes(seeds[1])} == {KHAMENEI_001, LUKASHENKO}


# --- scare quotes and titles -----------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran leads the so-called “axis of resistance” in the region.", []),
        ("Many diplomats regard the framework as a “talking shop”.", []),
        ("Her memoir “Lessons From the Back Row” sold well.", []),
        ("“No,” he said.", ["No,"]),
        ("Asked again, the negotiator paused. “Not yet.”", ["Not yet."]),
        ("She said the statement came “far too late” for the families.", ["far too late"]),
        ("Officials said the so-called “reset” had failed.", []),
        # words written, printed, spelt or pronounced, not said by anyone
        ("She had read that a bottle marked “poison,” disagrees with you.", []),
        ("She said one juror could not spell “stupid,” and asked his neighbour.", []),
        ("The jurors were writing down “stupid things!” on their slates.", []),
        ("“It’s an arm,” said Pat. (He pronounced it “arrum.”)", ["It’s an arm,"]),
        # a name given as a name: a pseudonym, a nickname
        ("He posted under the pseudonym “Harry Lime,” but was found out.", []),
        ("Reporters gave him the nickname “the Bulldozer” that spring.", []),
        # a name called out is still said
        ("The Rabbit read out the name “Alice!”", ["Alice!"]),
    ],
)
def test_short_quotes(text, expected):
    assert texts_of(text) == expected


# --- input, records, speakers -------------------------------------------------------


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_bad_input_is_a_clear_type_error(bad):
    with pytest.raises(TypeError, match="must be an Article or a str"):
        extract_quotes(bad)


def test_empty_and_blank_texts_have_no_quotes():
    assert extract_quotes("") == [] and extract_quotes("  \n\n ") == []


def test_a_text_in_capitals_has_its_quotes_but_no_guessed_speakers():
    """Wire copy in capitals: every paragraph looks like a heading in capitals,
    and every word like a name. The quotes are found (they were all dropped as
    headings), and none is given a speaker, with a note that says why."""
    text = ("HARBOUR TOWN VOTES ON THE DAM\n\n"
            "“WE WILL NOT LET THE VALLEY DROWN,” THE MAYOR, RUTH OKAFOR, TOLD THE COUNCIL.\n\n"
            "“THE DAM IS SAFE,” SAID TOM REYES, WHO BUILT IT.\n\n“VOTE NO.”")
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["WE WILL NOT LET THE VALLEY DROWN,", "THE DAM IS SAFE,", "VOTE NO."]
    assert {q.speaker for q in quotes} == {None}
    assert all("written in capitals" in q.speaker_note for q in quotes)
    # the same text in ordinary case keeps its speakers, and a heading in
    # capitals inside such a text is still no quotation
    normal = extract_quotes("“HARBOUR TOWN DECIDES”\n\n“We will not let the valley drown,” Ruth Okafor said.")
    assert [(q.text, q.speaker) for q in normal] == [("We will not let the valley drown,", "Ruth Okafor")]


def test_an_article_and_its_text_give_the_same_quotes():
    text = "“We will win this fight,” Jane Doe said."
    assert extract_quotes(Article("x", text)) == extract_quotes(text)


def test_records_are_one_dict_per_quote():
    text = "“We will win this fight,” Jane Doe said. “Yes.”"
    rows = quote_records(text)
    assert [r["text"] for r in rows] == ["We will win this fight,", "Yes."]
    assert rows[0]["speaker"] == rows[1]["speaker"] == "Jane Doe"
    assert (rows[0]["words"], rows[1]["words"], rows[0]["complete"]) == (5, 1, True)
    assert set(rows[0]) == set(Quote._fields) | {"words", "complete"}


def test_speakers_count_quotes_and_words_with_unknown_last():
    text = ("“We will win this fight,” Jane Doe said. “Yes, we will.”\n\n"
            "“Nobody knows,” the senator said.\n\n“It is true,” said John Roe.")
    assert speakers(text) == [
        SpeakerCount("Jane Doe", 2, 8),
        SpeakerCount("John Roe", 1, 3),
        SpeakerCount(None, 1, 2),
    ]


def test_importing_the_module_stays_light():
    code = "import sys, kit.quotes; print(sorted(m for m in ('nltk', 'pandas', 'numpy') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_reporting_verbs_come_without_the_extractor():
    """A lesson that only lists the verbs, and every grading kernel running it,
    does not pay for compiling the extractor's patterns."""
    code = ("import sys, kit; kit.reporting_verbs(); import kit.quotes; kit.quotes.FLAGS; "
            "print(sorted(m for m in sys.modules if m.startswith('kit.quotes.') and m != 'kit.quotes.verbs'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    code = "import kit.quotes as q; print(q.characters('Jane Doe said so.')[0].name, q.Character.__module__)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["Jane", "Doe", "kit.quotes.cast"]


# --- invented news passages (tests/data/quote_cases.json) ---------------------------


CASE_PARAMS = [
    pytest.param(
        case,
        id=case["id"],
        marks=[pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else [],
    )
    for case in CASES
]


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_news_passage(case):
    found = extract_quotes(case["text"])
    assert [q.text for q in found] == [e["text"] for e in case["quotes"]], "the quotes found"
    for q, expected in zip(found, case["quotes"]):
        assert case["text"][q.start : q.end] == q.text
        assert (q.speaker, q.cue, q.flag) == (expected["speaker"], expected["cue"], expected["flag"]), q.text
    for absent in case["absent"]:
        assert all(absent != q.text for q in found)


def test_a_speaker_note_never_contradicts_the_speaker():
    """A description that the dialogue around it names (*said the girl*) keeps a
    note saying how it was named, never the note of a description no one fits."""
    case = next(case for case in CASES if case["id"] == "fiction_epithets")
    named = [q for q in extract_quotes(case["text"]) if q.mention in ("the girl", "the old man")]
    assert len(named) == 6 and all(q.speaker in ("Hetty Vane", "Amos Pell") for q in named)
    for q in named:
        assert q.speaker in q.speaker_note and "no one in the text" not in q.speaker_note, q.speaker_note
    for q in extract_quotes("US President Joe Biden met Chinese President Xi Jinping.\n\n“We agreed,” the French "
                            "president said.\n\n“It went well,” said a spokesman."):
        assert (q.speaker is None) == (q.speaker_note is not None and "no one" in q.speaker_note), q


def test_news_passages_are_varied_enough():
    styles = {case["style"] for case in CASES}
    assert len(CASES) >= 12 and len(styles) >= 8
    assert sum(len(case["quotes"]) for case in CASES) >= 100


def test_accuracy_over_all_news_passages():
    """No quote missed, and the speaker right on well over 90% of named speakers."""
    total = found = named = named_right = 0
    for case in CASES:
        by_text = {q.text: q for q in extract_quotes(case["text"])}
        for expected in case["quotes"]:
            total += 1
            q = by_text.get(expected["text"])
            found += q is not None
            if expected["speaker"]:
                named += 1
                named_right += q is not None and q.speaker == expected["speaker"]
    assert found == total
    assert named_right / named >= 0.95


# --- properties on arbitrary text ------------------------------------------------------

PIECES = st.sampled_from(
    ["“", "”", '"', "‘", "’", "'", "«", "»", "\n\n", "\n", " said ", " she said, ", ",” he said. “",
     "Jane Doe", " the minister ", ". ", "—", "[", "]"]
)
TEXTS = st.lists(st.one_of(st.text(max_size=12).map(lambda t: t.replace("\x00", "")), PIECES), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
@example("0\r0,” he said. “")  # a lone \r ends a line for the quotes and for paragraph_spans alike
@example("One.\r\n\r\n“Two,” he said.\r\n")
def test_spans_are_exact_ordered_and_never_overlap(text):
    found = extract_quotes(text)
    n_paragraphs = len(paragraph_spans(text))
    end = 0
    for q in found:
        assert text[q.start : q.end] == q.text and q.start < q.end
        assert q.start >= end, "quotes overlap or are out of order"
        end = q.end
        assert 0 <= q.paragraph < n_paragraphs
        assert q.flag is None or q.flag in FLAGS
        assert q.speaker is None or isinstance(q.speaker, str)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
@example("‘0\n\n‘0")  # (found by this test: single marks, as British books print them)
@example("'A\n\n‘0")  # (found by this test: a straight single mark opens as ‘ does)
def test_a_quote_crosses_a_blank_line_only_into_a_paragraph_that_opens_with_a_mark(text):
    for q in extract_quotes(text):
        opening = text[q.start - 1 : q.start]  # a quote in single marks goes on in a paragraph that opens with one
        singles = ("‘", "'") if opening in ("‘", "'") else ()  # (curly or straight: one kind of mark)
        for gap in re.finditer(r"\n[ \t\r\f\v]*\n\s*", q.text):
            assert q.text[gap.end() : gap.end() + 1] in ("“", "«", '"', "”", "»", opening, *singles)


def test_every_quote_with_no_speaker_says_why():
    # a student who sees None must see the reason: a description no one holds,
    # a cue with no subject, or no cue or name at all
    texts = [case["text"] for case in CASES] + [
        "“Shan't,” said the cook.", "Lucy sang: “He has not told.”", "“Go away,” was the reply."]
    missing = [(q.text, q.cue, q.mention) for t in texts for q in extract_quotes(t)
               if q.speaker is None and not q.speaker_note]
    assert not missing
    assert [q.speaker_note for q in extract_quotes("“Shan't,” said the cook.")] == [
        "the text does not say who “the cook” is"]
