"""kit.widgets: each explorer is driven as a student drives it, by setting its controls.

Setting ``.value`` on a control runs the same callbacks a click does, so these
tests need no browser (tests/test_browser.py checks the same widgets in one).
What the explorer shows is its ``output.value``, an HTML string.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

import ipywidgets
import pytest

import kit
from conftest import HOLDOUT
from kit import widgets
from kit.compare import compare_versions
from kit.quotes import extract_quotes
from kit.style import highlight


def rows(output_html: str) -> list[list[str]]:
    """The data rows of the first table in some HTML, as lists of cell texts."""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", output_html, flags=re.S):
        cells = [
            html.unescape(re.sub(r"<[^>]+>", "", cell))
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        ]
        if cells:
            found.append(cells)
    return found


def concordance_rows(output_html: str) -> list[tuple[str, str, str]]:
    """(left, keyword, right) of each concordance line shown: the keyword is the marked text."""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", output_html, flags=re.S):
        left, rest = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        keyword, right = re.fullmatch(r"<mark[^>]*>(.*?)</mark>(.*)", rest, flags=re.S).groups()
        found.append(tuple(html.unescape(part) for part in (left, keyword, right)))
    return found


def shown_keywords(explorer) -> list[tuple[str, int]]:
    return [(cells[1], int(cells[2])) for cells in rows(explorer.output.value)]


# --- keyword explorer -----------------------------------------------------------


def test_keyword_explorer_controls_drive_the_table(seeds):
    a, b = seeds
    w = widgets.keyword_explorer(a, b)
    assert isinstance(w, ipywidgets.VBox)
    assert w.controls == (w.article, w.top_n, w.use_stopwords, w.extra_stopwords)
    assert isinstance(w.output, ipywidgets.HTML)
    assert shown_keywords(w) == kit.top_keywords(a, 10)
    assert f"Top 10 keywords in {html.escape(a.label)}" in w.output.value

    w.top_n.value = 3
    assert shown_keywords(w) == kit.top_keywords(a, 3)

    w.article.value = 1
    assert shown_keywords(w) == kit.top_keywords(b, 3)
    assert html.escape(b.label) in w.output.value

    w.extra_stopwords.value = "Sanctions, iran"
    assert shown_keywords(w) == kit.top_keywords(b, 3, stopwords=kit.stopwords(["sanctions", "iran"]))

    w.extra_stopwords.value = ""
    w.use_stopwords.value = False
    assert shown_keywords(w) == kit.top_keywords(b, 3, stopwords=())
    assert shown_keywords(w)[0][0] == "the"

    w.extra_stopwords.value = "the"  # stopwords off: only the extra words are left out
    assert "the" not in [word for word, _ in shown_keywords(w)]


def test_keyword_explorer_takes_strings_and_hides_the_chooser_for_one_text():
    w = widgets.keyword_explorer("Iran and Belarus. Iran again.")
    assert w.article.layout.display == "none"
    assert w.article not in w.children[0].children
    assert shown_keywords(w) == [("iran", 2), ("belarus", 1)]
    assert "text 1" in w.output.value
    several = widgets.keyword_explorer("one text", "another text", "a third")
    assert [label for label, _ in several.article.options] == ["text 1", "text 2", "text 3"]


def test_keyword_explorer_refuses_what_is_not_a_text():
    with pytest.raises(TypeError, match="at least one text"):
        widgets.keyword_explorer()
    with pytest.raises(TypeError, match="text 2 must be an Article or a str"):
        widgets.keyword_explorer("a text", 42)


def test_keywords_html_escapes_and_says_when_nothing_is_left():
    page = widgets.keywords_html("<script>alert(1)</script> <script>", 3, stopwords=())
    assert "<script>" not in page and "script" in page
    assert "No words left" in widgets.keywords_html("the and of", 3)


# --- concordance ----------------------------------------------------------------


def test_concordance_explorer_search_window_and_sort(seeds):
    a, b = seeds
    w = widgets.concordance_explorer(a, b)
    top = kit.top_keywords(a, 1)[0][0]
    assert w.search.value == top  # starts on the first text's top keyword
    lines = kit.concordance(a, top)
    assert len(rows(w.output.value)) == len(lines)

    w.search.value = "sanctions"
    shown = concordance_rows(w.output.value)
    lines = kit.concordance(a, "sanctions", width=40)
    assert shown == [(line.left, line.keyword, line.right) for line in lines]

    w.window.value = 15
    assert all(len(left) == 15 for left, _, _ in concordance_rows(w.output.value))

    w.sort.value = "right"
    right = [right for _, _, right in concordance_rows(w.output.value)]
    by_right = sorted(kit.concordance(a, "sanctions", width=15), key=lambda line: kit.words(line.right))
    assert right == [line.right for line in by_right]
    assert "sorted by right context" in w.output.value

    w.sort.value = "left"
    lefts = [kit.words(left)[::-1] for left, _, _ in concordance_rows(w.output.value)]
    assert lefts == sorted(lefts)

    w.article.value = 1
    assert len(rows(w.output.value)) == len(kit.concordance(b, "sanctions"))


def test_concordance_explorer_helps_when_nothing_matches(seeds):
    w = widgets.concordance_explorer(seeds[0], word="sanction")
    assert "No whole-word match for &#x27;sanction&#x27;" in w.output.value
    assert "sanctioned, sanctions" in w.output.value
    w.search.value = "   "
    assert "Type a word" in w.output.value


def test_concordance_html_escapes_and_checks_its_options():
    page = widgets.concordance_html("a <b>bold</b> claim about Iran & Belarus", "iran")
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "&amp; Belarus" in page
    assert "<b>bold" not in page
    with pytest.raises(ValueError, match="sort must be one of"):
        widgets.concordance_html("Iran", "iran", sort="middle")


def test_a_bad_value_shows_as_a_message_not_a_traceback(seeds):
    w = widgets.concordance_explorer(seeds[0])
    w.sort.value = "left"
    w.render = lambda: widgets.concordance_html(seeds[0], "iran", width=-1)
    w.refresh()
    assert "width must be a whole number of characters, 0 or more" in w.output.value
    assert "kit-message" in w.output.value


def test_concordance_lines_are_the_text_as_written(seeds):
    """Nothing is added between the cells: each row reads as the text does, keyword
    and all (the kit once showed "countries ’ benefit" for "countries’ benefit").
    The keyword and its right context share a cell, so that a column's width
    cannot stand between them either."""
    a, _ = seeds
    page = widgets.concordance_html(a, "countries", width=30)
    lines = kit.concordance(a, "countries", width=30)
    shown = rows(page)
    assert len(shown) == len(lines) and any(line.keyword.endswith("’") for line in lines)
    flat = a.text.replace("\n", " ")
    for cells, line in zip(shown, lines):
        assert len(cells) == 2 and cells[1] == line.keyword + line.right
        assert "".join(cells) == str(line)
        assert "".join(cells).lstrip() in flat  # sliced from the text, not rebuilt
    cell_styles = re.findall(r"<td style=\"([^\"]*)\"", page)
    assert cell_styles and all("padding: 0;" in style for style in cell_styles)


def test_concordance_shows_at_most_max_lines_and_says_how_many_there_are():
    text = " ".join(f"Iran met partner number {n}." for n in range(30))
    page = widgets.concordance_html(text, "iran", max_lines=12, sort="right")
    assert len(rows(page)) == 12
    assert "the first 12 of 30 lines for &#x27;iran&#x27;" in page
    assert "30 lines" in widgets.concordance_html(text, "iran")


# --- quote browser --------------------------------------------------------------


class FakeQuote(NamedTuple):
    text: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    paragraph: int


def test_quotes_html_highlights_each_quote_in_its_paragraph():
    text = 'First paragraph.\n\nShe said, "Rivers <rise> & fall." Then left.\n\n"Unattributed," a note.'
    q1 = FakeQuote(
        "Rivers <rise> & fall.", text.index("Rivers"), text.index('." Then') + 1, "Ana Ruiz", "said", 1
    )
    q2 = FakeQuote("Unattributed,", text.index("Unattributed"), text.index(',"') + 1, None, None, 2)
    assert text[q1.start:q1.end] == q1.text and text[q2.start:q2.end] == q2.text
    page = widgets.quotes_html(text, quotes=[q1, q2])
    assert "2 of 2 quotations" in page
    assert f'<mark style="{highlight("quotation")}">Rivers &lt;rise&gt; &amp; fall.</mark>' in page
    assert "She said, &quot;<mark" in page and "</mark>&quot; Then left." in page
    assert "First paragraph" not in page  # only the quote's own paragraph
    only = widgets.quotes_html(text, quotes=[q1, q2], speaker=widgets.NO_SPEAKER)
    assert "1 of 2 quotations" in only and "Unattributed" in only and "Rivers" not in only
    assert "is by Nobody" in widgets.quotes_html(text, quotes=[q1, q2], speaker="Nobody")
    assert "found no quotations" in widgets.quotes_html("No quotes here.", quotes=[])


def test_quote_browser_filters_by_speaker(seeds):
    a, b = seeds
    w = widgets.quote_browser(a, b)
    quotes = extract_quotes(a)
    speakers = sorted({q.speaker or widgets.NO_SPEAKER for q in quotes})
    values = [value for _, value in w.speaker.options]
    assert values[0] == widgets.ALL_SPEAKERS and sorted(values[1:]) == speakers
    assert w.output.value.count("<mark") == len(quotes)

    speaker = speakers[0]
    w.speaker.value = speaker
    mine = [q for q in quotes if (q.speaker or widgets.NO_SPEAKER) == speaker]
    assert w.output.value.count("<mark") == len(mine)
    assert f"{len(mine)} of {len(quotes)} quotations" in w.output.value
    for q in mine:
        assert html.escape(q.text) in w.output.value

    w.article.value = 1  # the other version: its own speakers, the filter kept if it can be
    quotes_b = extract_quotes(b)
    values_b = [value for _, value in w.speaker.options]
    assert sorted(values_b[1:]) == sorted({q.speaker or widgets.NO_SPEAKER for q in quotes_b})
    expected = speaker if speaker in values_b else widgets.ALL_SPEAKERS
    assert w.speaker.value == expected


def test_quote_browser_pages_through_many_quotations():
    text = "\n\n".join(f'“Point number {n} stands,” Ana Ruiz said.' for n in range(1, 46))
    w = widgets.quote_browser(text, "“Just one,” Ana Ruiz said.")
    assert (w.page.max, w.page.value, w.page.layout.display) == (3, 1, None)
    assert w.output.value.count("<mark") == widgets.QUOTES_PER_PAGE
    assert "(page 1 of 3: 1 to 20)" in w.output.value
    w.page.value = 3
    assert w.output.value.count("<mark") == 5 and "Point number 45 stands" in w.output.value
    w.speaker.value = "Ana Ruiz"  # another choice of speaker: back to page 1
    assert (w.page.max, w.page.value) == (3, 1)
    w.page.value = 2
    w.article.value = 1  # another text: one page, so no page slider
    assert (w.page.value, w.page.layout.display) == (1, "none")
    assert "1 of 1 quotations in text 2, by Ana Ruiz" in w.output.value


def test_quote_browser_on_the_holdout_text():
    a = kit.load_article(HOLDOUT / "a_riverside_water.txt")
    w = widgets.quote_browser(a)
    assert w.output.value.count("<mark") == len(extract_quotes(a))


# --- version viewer -------------------------------------------------------------


def test_version_viewer_steps_through_pairs(seeds):
    a, b = seeds
    comparison = compare_versions(a, b)
    w = widgets.version_viewer(a, b)
    n = len(comparison.pairs)
    assert (w.step.min, w.step.max, w.step.value) == (1, n, 1)
    assert f"Pair 1 of {n}: {comparison.pairs[0].status}" in w.output.value
    w.next_button.click()
    assert w.step.value == 2
    assert f"Pair 2 of {n}: {comparison.pairs[1].status}" in w.output.value
    w.previous_button.click()
    w.previous_button.click()  # stops at the first pair
    assert w.step.value == 1
    w.step.value = n
    w.next_button.click()  # and at the last
    assert w.step.value == n


def test_version_viewer_filters_by_kind_and_shows_the_word_diff(seeds):
    a, b = seeds
    comparison = compare_versions(a, b)
    w = widgets.version_viewer(a, b)
    offered = [value for _, value in w.kind.options]
    kinds = [status for status, count in comparison.counts.items() if count]
    assert offered == [widgets.ALL_KINDS, widgets.CHANGED_KINDS, *kinds]

    changed = [p for p in comparison.pairs if p.status == "changed"]
    w.step.value = 3
    w.kind.value = "changed"
    assert (w.step.max, w.step.value) == (len(changed), 1)  # back to the first of the kind
    for i, pair in enumerate(changed, 1):
        w.step.value = i
        assert f"Pair {i} of {len(changed)}: changed" in w.output.value
        assert "<del>" in w.output.value or "<ins>" in w.output.value
        for edit in pair.edits:
            assert html.escape(edit.text) in w.output.value

    w.kind.value = widgets.CHANGED_KINDS
    assert w.step.max == sum(p.status != "same" for p in comparison.pairs)


def test_version_viewer_refuses_an_unknown_kind(seeds):
    with pytest.raises(ValueError, match="kind 'moved' is not one of the kinds found"):
        widgets.version_viewer(*seeds, kind="moved")


def test_pair_html_escapes():
    comparison = compare_versions("A <b>tag</b> & more here.", "A <i>tag</i> & more here.")
    page = widgets.pair_html(comparison.pairs[0], position="1 of 1")
    assert "<b>tag</b>" not in page and "&lt;" in page
    assert page.startswith('<div class="kit-pair kit-compare"')


def test_version_viewer_aligns_a_long_text_in_the_background(seeds, monkeypatch):
    monkeypatch.setattr(kit.widgets.base, "BACKGROUND_CHARS", 0)  # the seeds count as long
    a, b = seeds
    w = widgets.version_viewer(a, b, kind="changed")
    assert w.wait(timeout=30)
    assert not any(control.disabled for control in w.controls)
    comparison = compare_versions(a, b)
    assert w.comparison == comparison
    assert w.step.max == comparison.counts["changed"]
    assert "Pair 1 of 8: changed" in w.output.value


def test_an_explorer_says_what_it_is_doing_while_it_works(monkeypatch):
    import threading

    monkeypatch.setattr(kit.widgets.base, "BACKGROUND_CHARS", 0)
    go_on = threading.Event()
    monkeypatch.setattr(widgets.QuoteBrowser, "quotes", lambda self, i: go_on.wait() and [])
    w = widgets.quote_browser("“Rivers rise,” Ana said.")
    assert "Finding the quotations in text 1…" in w.output.value
    assert all(control.disabled for control in w.controls)
    assert not w.wait(timeout=0.05)
    go_on.set()
    assert w.wait(timeout=30)
    assert "found no quotations" in w.output.value and not w.speaker.disabled


def test_the_quote_browser_answers_while_it_searches_the_other_text(monkeypatch):
    """On a book, the browser finds the second text's quotations in the background;
    meanwhile the first text's controls still answer at once."""
    import threading

    import kit.quotes

    monkeypatch.setattr(kit.widgets.base, "BACKGROUND_CHARS", 0)
    real, go_on, searching = kit.quotes.extract_quotes, threading.Event(), threading.Event()

    def slow_for_the_second(text):
        if "Second" in kit.texts.as_text(text):
            searching.set()
            go_on.wait(30)
        return real(text)

    monkeypatch.setattr(kit.quotes, "extract_quotes", slow_for_the_second)
    w = widgets.quote_browser("“First words,” Ana Ruiz said.", "“Second words,” Ben Ode said.")
    assert searching.wait(30)  # the first text is shown; the second is being searched
    click = threading.Thread(target=setattr, args=(w.speaker, "value", "Ana Ruiz"))
    click.start()
    click.join(5)
    waited = click.is_alive()
    go_on.set()
    assert not waited, "choosing a speaker waited for the search of the other text"
    assert "1 of 1 quotations in text 1, by Ana Ruiz" in w.output.value
    assert w.wait(timeout=30)
    w.article.value = 1
    assert "Ben Ode" in w.output.value


# --- all of them ----------------------------------------------------------------


def test_every_explorer_is_a_box_with_controls_and_an_output(seeds):
    a, b = seeds
    for w in (
        widgets.keyword_explorer(a),
        widgets.concordance_explorer(a),
        widgets.quote_browser(a),
        widgets.version_viewer(a, b),
    ):
        assert isinstance(w, widgets.Explorer) and isinstance(w, ipywidgets.VBox)
        assert w.controls and all(isinstance(c, ipywidgets.Widget) for c in w.controls)
        assert w.output.value.strip()
        assert "kit-explorer" in w._dom_classes
        assert repr(w).startswith(f"<{type(w).__name__} with controls ")


def test_every_text_box_updates_the_same_way(seeds):
    """All on Enter (continuous_update=False): a search of a book on every key could not keep up."""
    a, b = seeds
    boxes = [
        control
        for w in (widgets.keyword_explorer(a, b), widgets.concordance_explorer(a, b),
                  widgets.quote_browser(a, b), widgets.version_viewer(a, b))
        for control in w.controls if isinstance(control, ipywidgets.Text)
    ]
    assert len(boxes) == 2 and all(box.continuous_update is False for box in boxes)
    assert all("Enter" in box.placeholder for box in boxes)


def test_texts_are_called_by_their_labels(seeds):
    a, b = seeds
    for w in (widgets.keyword_explorer(a, b), widgets.concordance_explorer(a, b), widgets.quote_browser(a, b)):
        assert [name for name, _ in w.article.options] == [a.label, b.label]
        assert html.escape(a.label) in w.output.value
        assert a.name not in w.output.value


def test_public_names():
    assert sorted(widgets.__all__) == widgets.__all__
    for name in widgets.__all__:
        assert hasattr(widgets, name)
