"""Loading texts: Article, load_article, load_articles, as_text.

Expected values were checked by hand against the files in seeds/ (cat -A shows
000 as 13 one-line paragraphs separated by blank lines, and 001 as a headline, a
blank line, then 6 paragraphs on single lines).
"""

from __future__ import annotations

import hashlib

from pathlib import Path

import pytest

import kit
from kit.texts import Article, TextLoadError, as_text

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "seeds"
SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_A, SEED_B = "000_f574fb3969ac495b", "001_46fcffe6b868387b"
HEADLINE_B = (
    "Ayatollah Seyyed Ali Khamenei: Countries sanctioned by US must join hands "
    "to shatter those sanctions"
)

# The opening of Pride and Prejudice as Project Gutenberg lays it out: lines
# wrapped at about 70 characters, a blank line between paragraphs.
GUTENBERG = (
    "It is a truth universally acknowledged, that a single man in possession\n"
    "of a good fortune, must be in want of a wife.\n"
    "\n"
    "However little known the feelings or views of such a man may be on his\n"
    "first entering a neighbourhood, this truth is so well fixed in the minds\n"
    "of the surrounding families, that he is considered the rightful property\n"
    "of some one or other of their daughters.\n"
    "\n"
    "“My dear Mr. Bennet,” said his lady to him one day, “have you heard that\n"
    "Netherfield Park is let at last?”\n"
    "\n"
    "Mr. Bennet replied that he had not.\n"
)


def _nonblank_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


# --- the seeds ----------------------------------------------------------------------


def test_load_articles_returns_both_seeds_in_file_name_order(seeds):
    a, b = seeds
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (a.name, b.name) == (SEED_A, SEED_B)
    assert a.text == (SEED_DIR / f"{SEED_A}.txt").read_text(encoding="utf-8")
    assert b.text == (SEED_DIR / f"{SEED_B}.txt").read_text(encoding="utf-8")


def test_seed_names_lists_the_seed_files():
    assert kit.seed_names() == [SEED_A, SEED_B]


def test_title_is_the_headline_of_seed_001_and_none_for_seed_000(seeds):
    a, b = seeds
    assert a.title is None
    assert b.title == HEADLINE_B


def test_seed_000_has_13_paragraphs_separated_by_blank_lines(seeds):
    a, _ = seeds
    assert len(a.paragraphs) == 13
    assert a.paragraphs == _nonblank_lines(SEED_DIR / f"{SEED_A}.txt")
    assert a.paragraphs[0].startswith("TEHRAN – Leader of the Islamic Revolution")
    assert a.paragraphs[-1].startswith("“We have come to know our true and false friends")


def test_seed_001_has_a_headline_and_6_paragraphs_on_single_lines(seeds):
    _, b = seeds
    assert len(b.paragraphs) == 7
    assert b.paragraphs[0] == b.title == HEADLINE_B
    assert b.paragraphs == _nonblank_lines(SEED_DIR / f"{SEED_B}.txt")
    assert b.paragraphs[1].startswith("Leader of the Islamic Revolution Ayatollah Seyyed")
    assert b.paragraphs[2].startswith("Explaining on the existing common grounds")


@pytest.mark.parametrize("which", [0, 1])
def test_paragraphs_are_exact_slices_of_the_text_in_order(seeds, which):
    article = seeds[which]
    position = 0
    for paragraph in article.paragraphs:
        found = article.text.find(paragraph, position)
        assert found >= position, paragraph[:40]
        assert paragraph == paragraph.strip() and paragraph
        position = found + len(paragraph)
    assert article.text[position:].strip() == ""


def test_seeds_load_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a, b = kit.load_articles()
    assert (a.name, b.name) == (SEED_A, SEED_B)
    assert b.title == HEADLINE_B


@pytest.mark.parametrize("name", [SEED_A, f"{SEED_A}.txt", Path(SEED_A), Path(f"{SEED_A}.txt")])
def test_load_article_accepts_a_seed_name_with_or_without_txt(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    article = kit.load_article(name)
    assert article.name == SEED_A
    assert article.text == (SEED_DIR / f"{SEED_A}.txt").read_text(encoding="utf-8")


# The SHA-256 of the files in ../shared/seeds/ when the project copied them.
SHARED_SEED_SHA256 = {
    "000_f574fb3969ac495b.txt": "b585da4fef3aea3cdbe467e4676adde5526807ae5ef0fb89292c53c0f829e7e1",
    "001_46fcffe6b868387b.txt": "aad76157ad2bf56edcd69711848c88aea5674e1396b67e912c75f7202d651ad0",
}


def test_seed_files_are_byte_identical_to_the_shared_copies():
    """Against ../shared/seeds where it is beside the clone (as in CI), and always
    against the checksums recorded when the seeds were copied."""
    ours = sorted(p.name for p in SEED_DIR.glob("*.txt"))
    assert ours == sorted(SHARED_SEED_SHA256)
    for name in ours:
        assert hashlib.sha256((SEED_DIR / name).read_bytes()).hexdigest() == SHARED_SEED_SHA256[name], name
        if SHARED_SEEDS.is_dir():
            assert (SEED_DIR / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


# --- titles and paragraphs on texts of our own ------------------------------------------


def test_title_of_a_headline_followed_by_a_blank_line():
    article = Article("x", "Iran and Belarus agree to cooperate\n\nThe two leaders met on Monday.")
    assert article.title == "Iran and Belarus agree to cooperate"
    assert article.paragraphs[0] == article.title


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders met on Monday.\nThey agreed.",  # ends like a sentence
        "“We agree,” the president said:\nand left.",
        "Just one line with no line break",
    ],
)
def test_no_title_when_the_first_line_is_not_a_headline(text):
    assert Article("x", text).title is None


def test_paragraphs_split_on_single_newlines_when_lines_are_long():
    first = "The Leader of the Islamic Revolution met the visiting Belarusian president in Tehran on Monday."
    second = "Both sides said they would work together on trade, science and technology in the coming years."
    assert len(first) > 80 and len(second) > 80
    assert Article("x", f"{first}\n{second}").paragraphs == [first, second]


def test_paragraphs_of_short_sentence_lines_split_on_single_newlines():
    # The example of kit.texts.paragraph_spans's docstring.
    text = "Headline\n\nFirst paragraph.\nSecond one."
    assert Article("x", text).paragraphs == ["Headline", "First paragraph.", "Second one."]


def test_hard_wrapped_gutenberg_text_is_one_paragraph_per_block():
    paragraphs = Article("pp", GUTENBERG).paragraphs
    blocks = [block.strip() for block in GUTENBERG.split("\n\n")]
    assert len(paragraphs) == 4
    assert paragraphs == blocks
    assert paragraphs[1].count("\n") == 3  # the line breaks are kept inside it


def test_hard_wrapped_text_has_no_headline():
    """The first wrapped line of a Gutenberg paragraph is not a headline.

    Bug: Article.title only looks at the first line, so it returns
    'It is a truth universally acknowledged, that a single man in possession'.
    """
    article = Article("pp", GUTENBERG)
    assert article.title is None


def test_headline_then_one_long_paragraph_on_the_next_line():
    """A news layout: headline, a single line break, one long paragraph.

    Bug: the block's only non-final line is short, so paragraph_spans takes the
    block for one hard-wrapped paragraph (the long last line is not measured);
    the headline is then merged into the first paragraph.
    """
    headline = "Leaders meet in Tehran"
    body = (
        "The Leader of the Islamic Revolution met the Belarusian president on Monday "
        "in Tehran to talk about sanctions."
    )
    article = Article("x", f"{headline}\n{body}")
    assert article.title == headline
    assert article.paragraphs == [headline, body]


# --- .text keeps every character --------------------------------------------------------


def test_text_keeps_every_character_but_normalises_line_endings_and_strips_a_bom(tmp_path):
    raw = "\ufeff\n  Head\u00a0line\t\r\nLine one.\rLine two.\r\n\r\n  tail – “ok” \t"
    path = tmp_path / "mixed.txt"
    path.write_bytes(raw.encode("utf-8"))
    article = kit.load_article(path)
    assert article.text == "\n  Head\u00a0line\t\nLine one.\nLine two.\n\n  tail – “ok” \t"
    assert article.name == "mixed"


def test_lone_cr_and_crlf_each_count_as_one_line_break(tmp_path):
    path = tmp_path / "cr.txt"
    path.write_bytes(b"a\r\rb\r\r\nc\n\rd")
    assert kit.load_article(path).text == "a\n\nb\n\nc\n\nd"


def test_a_bom_that_is_not_at_the_start_is_kept(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffone\ufefftwo".encode("utf-8"))
    assert kit.load_article(path).text == "one\ufefftwo"


def test_offsets_stay_valid_after_loading(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("Iran’s talks\r\n\r\n“Why?” he asked. The U.S. agreed.\r\n".encode("utf-8"))
    article = kit.load_article(path)
    for token in kit.tokens(article):
        assert article.text[token.start : token.end] == token.text
    assert [article.text[s:e] for s, e in kit.sentence_spans(article)] == [
        "Iran’s talks",
        "“Why?” he asked.",
        "The U.S. agreed.",
    ]


def test_name_can_be_given(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Some text.", encoding="utf-8")
    assert kit.load_article(path, name="version A").name == "version A"


# --- bad input ----------------------------------------------------------------------------


def test_missing_path_names_the_path_and_lists_the_seeds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TextLoadError) as info:
        kit.load_article("no_such_article.txt")
    message = str(info.value)
    assert "no_such_article.txt" in message
    assert SEED_A in message and SEED_B in message
    assert "UTF-8" in message  # what to give instead


@pytest.mark.parametrize("empty", ["", "   "])
def test_an_empty_path_says_so_and_not_that_a_folder_was_given(tmp_path, monkeypatch, empty):
    """Bug: a parameter left empty (article_a = "") was read as Path(""), the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(TextLoadError, match="The path is empty") as info:
        kit.load_article(empty)
    assert SEED_A in str(info.value) and "folder" not in str(info.value)


def test_a_directory_is_refused(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "version_a.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(TextLoadError) as info:
        kit.load_article(folder)
    message = str(info.value)
    assert str(folder) in message
    assert "folder" in message and "file" in message
    assert "version_a.txt" in message  # names what is inside


@pytest.mark.parametrize("content", [b"", b"   ", b" \n\t\r\n ", b"\xef\xbb\xbf\n"])
def test_an_empty_or_white_space_file_is_refused(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(TextLoadError) as info:
        kit.load_article(path)
    message = str(info.value)
    assert str(path) in message
    assert "empty" in message


def test_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"PK\x03\x04abc\x00\x00def")
    with pytest.raises(TextLoadError) as info:
        kit.load_article(path)
    message = str(info.value)
    assert str(path) in message
    assert "binary" in message
    assert "byte 7" in message  # where the first NUL is
    assert "UTF-8" in message  # the fix: export as UTF-8 text


@pytest.mark.parametrize(
    "data, offset",
    [
        ("café".encode("latin-1"), 3),
        ("Iran’s talks ".encode("utf-8") + b"\xff\xfe more", 15),
        (b"abc\xe2\x80", 3),  # a UTF-8 sequence cut short at the end
    ],
)
def test_bytes_that_are_not_utf8_raise_an_error_with_the_byte_offset(tmp_path, data, offset):
    path = tmp_path / "latin.txt"
    path.write_bytes(data)
    with pytest.raises(TextLoadError) as info:
        kit.load_article(path)
    message = str(info.value)
    assert str(path) in message
    assert f"byte {offset} " in message
    assert "UTF-8" in message and "save" in message.lower()


def test_text_load_error_is_a_value_error():
    assert issubclass(TextLoadError, ValueError)


def test_a_non_path_is_a_type_error():
    with pytest.raises(TypeError, match="path"):
        kit.load_article(42)


# --- as_text --------------------------------------------------------------------------------


def test_as_text_accepts_an_article_or_a_str(seeds):
    a, _ = seeds
    assert as_text(a) is a.text
    assert as_text("Iran and Belarus") == "Iran and Belarus"


def test_as_text_none_is_a_type_error_that_says_how_to_load_a_file():
    with pytest.raises(TypeError) as info:
        as_text(None)
    message = str(info.value)
    assert "None" in message
    assert "Article" in message and "str" in message
    assert "load_article" in message


@pytest.mark.parametrize("value, kind", [(42, "int"), (b"bytes", "bytes"), (["a", "b"], "list"), (3.5, "float")])
def test_as_text_refuses_other_non_texts_and_names_their_type(value, kind):
    with pytest.raises(TypeError) as info:
        as_text(value)
    assert kind in str(info.value)


def test_as_text_suggests_dot_text_for_objects_that_have_one():
    class Holder:
        text = "Iran"

    with pytest.raises(TypeError, match=r"\.text"):
        as_text(Holder())


@pytest.mark.parametrize("function", ["words", "sentences", "tokens", "top_keywords"])
def test_public_functions_refuse_none_with_the_same_help(function):
    with pytest.raises(TypeError, match="load_article"):
        getattr(kit, function)(None)


# --- labels: what a text is called on screen -------------------------------------


def test_the_seeds_are_labelled_by_letter_and_headline_or_first_words(seeds):
    a, b = seeds
    assert (a.letter, b.letter) == ("A", "B")
    assert b.label == "B: Ayatollah Seyyed Ali Khamenei: Countries sanctioned…"
    assert a.label == "A: TEHRAN – Leader of the Islamic Revolution Ayatollah…"
    for article in seeds:
        assert article.name not in article.label
        assert len(article.label) <= len("A: ") + kit.texts.LABEL_WIDTH


def test_a_label_is_cut_at_a_word_and_says_so_only_when_cut():
    assert Article("n", "Short headline\n\nBody text here.").label == "Short headline"
    long = Article("n", "word " * 40)
    assert long.label.endswith("…") and not long.label.endswith(" …")
    assert len(long.label) <= kit.texts.LABEL_WIDTH
    assert Article("notes_7", "   \n").label == "notes_7"  # no words: its name


def test_load_articles_labels_any_two_texts_a_and_b(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Rivers rise\n\nThe water rose in spring.", encoding="utf-8")
    second.write_text("The water fell in autumn.", encoding="utf-8")
    a, b = kit.load_articles(first, second)
    assert (a.name, a.label) == ("first", "A: Rivers rise")
    assert (b.name, b.label) == ("second", "B: The water fell in autumn.")
    with pytest.raises(TypeError, match=r"load_articles\(a, b\) or load_articles\(\)"):
        kit.load_articles(first)


def test_the_letter_does_not_change_what_an_article_equals(seeds):
    a, _ = seeds
    plain = kit.load_article(a.name)
    assert plain.letter is None and plain == a and hash(plain) == hash(a)
    assert plain.label == a.label.removeprefix("A: ")
