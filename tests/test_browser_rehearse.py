"""A student in JupyterLab Dark: an exercise, a wrong answer, a right one, and the rehearsal, in a real browser.

What issue 14 asked of the classroom, end to end:

1. ``make lab``'s JupyterLab (tests/labserver.py starts the Makefile's own command)
   in JupyterLab Dark, its root a temporary copy of ``exercises/``;
2. the keyword lesson's exercise, opened from the file browser, run from the
   Run menu;
3. ``q1_word_count`` answered wrong (✗ and its hint), then right (✓, "right on
   these texts"), typed into the cell's editor and run;
4. ``check.rehearse()`` in a new last cell: its table, read from the page, is
   row for row the table ``kit grade`` gives the saved notebook, with the
   practice pair as its second pair (hidden tests aside: only the grader runs
   them);
5. every check message and feedback row reads in the dark theme (text 4.5 to
   1, the rules that say right or wrong 3 to 1, computed from the colours
   Chromium applies), and no message is styled to break inside a word.

Like tests/test_browser.py, it skips only when Chromium is missing.
"""

from __future__ import annotations

import html
import re
import shutil

import pytest

from conftest import ROOT
from labserver import make_lab
from test_browser import LAB_SETTINGS, MS, PANEL, _shot, browser, chromium  # noqa: F401 (fixtures)
from test_style import contrast, over, parse
from kit.assign import practice_pair
from kit.grade import grade
from kit.grade.records import SECOND_PAIR
from kit.grade.rehearse import PRACTICE_PAIR

EXERCISE = "01_keyword_frequency.ipynb"
DARK = {**LAB_SETTINGS, "@jupyterlab/apputils-extension/themes.jupyterlab-settings": {"theme": "JupyterLab Dark"}}
WRONG = 'q1_word_count = len(a.text)  # characters, not words\ncheck("q1_word_count", q1_word_count)'
RIGHT = 'q1_word_count = len(kit.words(a))\ncheck("q1_word_count", q1_word_count)'
ROW = re.compile(r'<tr class="kit-feedback-(\w+)"[^>]*><td[^>]*>\S+ <code>(\w+)</code>.*?</td><td[^>]*>([^<]*)</td>'
                 r"<td[^>]*>(.*?)</td></tr>")

# What Chromium applies to each element: its text colour and opacity (its ancestors' included), its left
# rule, the backgrounds behind it up to the first opaque one, and how it breaks words. The contrast itself is
# computed in Python, by tests/test_style.py's functions.
COMPUTED = """selector => [...document.querySelectorAll(selector)].map(el => {
    const style = getComputedStyle(el), grounds = [];
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) {
        opacity *= Number(getComputedStyle(e).opacity);
    }
    for (let e = el; e; e = e.parentElement) {
        const ground = getComputedStyle(e).backgroundColor;
        grounds.push(ground);
        if (!ground.startsWith('rgba') || ground.endsWith(', 1)')) break;
    }
    return {text: el.textContent.slice(0, 50), look: `${el.className} ${el.parentElement.className}`,
            color: style.color, opacity, grounds, rule: style.borderLeftColor,
            ruleWidth: Number.parseFloat(style.borderLeftWidth), wordBreak: style.wordBreak};
})"""


def _readability(found: dict) -> dict:
    """Contrast of the text, and of the left rule, against what is really behind the element."""
    ground = (1.0, 1.0, 1.0, 1.0)
    for layer in reversed(found["grounds"]):
        ground = over(parse(layer), ground)
    r, g, b, a = parse(found["color"])
    ink = over((r, g, b, a * found["opacity"]), ground)
    rule = contrast(over(parse(found["rule"]), ground), ground) if found["ruleWidth"] > 0 else None
    return {**found, "ratio": contrast(ink, ground), "rule": rule}


def _rows(page: str) -> dict[str, tuple[str, str, str]]:
    return {m[2]: (m[1], m[3], html.unescape(m[4])) for m in ROW.finditer(page)}


def _type_into(page, cell, source: str) -> None:
    """Replace a code cell's source as a student would: click in, select all, type; then run it."""
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(source)  # no auto-closed brackets or auto-indent: the text as given
    page.keyboard.press("Shift+Enter")


def test_a_student_answers_and_rehearses_and_sees_what_kit_grade_gives(browser, tmp_path):  # noqa: F811
    root = tmp_path / "root"
    (root / "exercises").mkdir(parents=True)
    shutil.copy(ROOT / "exercises" / EXERCISE, root / "exercises" / EXERCISE)
    with make_lab(tmp_path / "home", root=root, settings=DARK) as lab:
        page = browser.new_page()
        page.goto(f"{lab.url}/lab/workspaces/rehearse/tree/exercises?token={lab.token}")
        page.locator(".jp-DirListing-item", has_text=EXERCISE).dblclick(timeout=60 * MS)  # the file browser
        panel = page.locator(PANEL)
        panel.locator(".jp-CodeCell").first.wait_for(timeout=60 * MS)
        idle = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\|\s*Idle\s*$"))
        idle.first.wait_for(timeout=60 * MS)
        assert page.evaluate("document.body.dataset.jpThemeLight") == "false", "the dark theme is not on"
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).first.click()
        page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
        cells = panel.locator(".jp-CodeCell")
        stub = cells.filter(has_text="q1_word_count = ...").locator(".kit-check")
        stub.wait_for(timeout=120 * MS)
        idle.first.wait_for(timeout=120 * MS)
        at = page.evaluate(f"[...document.querySelectorAll('{PANEL} .jp-CodeCell')].findIndex(c => "
                           "(c.querySelector('.jp-InputArea-editor')?.textContent || '').includes('q1_word_count = ...'))")
        q1 = cells.nth(at)  # by position, counting collapsed cells too: its text is about to change

        _type_into(page, q1, WRONG)
        wrong = q1.locator(".kit-check-wrong", has_text="✗ q1_word_count")
        wrong.wait_for(timeout=30 * MS)
        assert "Hint:" in wrong.inner_text()
        _type_into(page, q1, RIGHT)
        right = q1.locator(".kit-check-right", has_text="✓ q1_word_count: right on these texts")
        right.wait_for(timeout=30 * MS)
        assert "check.rehearse()" in right.inner_text()

        panel.locator(".jp-Cell").last.click()
        page.keyboard.press("Escape")
        page.keyboard.press("b")  # a new cell below the last
        page.keyboard.press("Enter")
        page.keyboard.insert_text("check.rehearse()")
        page.keyboard.press("Shift+Enter")
        rehearsal = panel.locator(".kit-rehearsal")
        rehearsal.wait_for(timeout=180 * MS)
        idle.first.wait_for(timeout=60 * MS)
        _shot(rehearsal, tmp_path / "rehearsal_dark.png")
        shown = _rows(rehearsal.inner_html())

        readable = [_readability(f) for f in page.evaluate(COMPUTED, f"{PANEL} .kit-check, {PANEL} .kit-feedback td")]
        page.keyboard.press("Control+s")
        page.locator(".jp-mod-dirty").first.wait_for(state="detached", timeout=10 * MS)
        page.close()

    assert readable, "no check message or feedback row found on the page"
    # A rule that says right or wrong stands out 3 to 1; the neutral one is decoration (kit.style.RULE).
    meaningful = re.compile(r"kit-(check|feedback)-(right|wrong)\b")
    poor = [r for r in readable if r["ratio"] < 4.5
            or (meaningful.search(r["look"]) and r["rule"] is not None and r["rule"] < 3)]
    assert any(meaningful.search(r["look"]) and r["rule"] for r in readable), "no rule found to measure"
    assert not poor, f"unreadable in JupyterLab Dark: {poor[:4]}"
    assert not [r for r in readable if r["wordBreak"] == "break-all"], "a message breaks inside words"

    saved = root / "exercises" / EXERCISE
    (g,) = grade(ROOT / "solutions" / EXERCISE, [saved], tmp_path / "grades", texts=practice_pair(), workers=1,
                 progress=False)
    graded = _rows((tmp_path / "grades" / "feedback" / f"{saved.stem}.html").read_text(encoding="utf-8"))
    assert set(shown) == set(graded) and shown["q1_word_count"][:2] == ("right", "1/1")
    for qid, (look, points, message) in graded.items():
        if shown[qid][0] == "pending" and look != "pending":
            assert qid in {q.id for q in g.questions if q.hidden}, qid  # only hidden tests wait for the grader
            continue
        assert shown[qid] == (look, points, message.replace(SECOND_PAIR, PRACTICE_PAIR)), qid
