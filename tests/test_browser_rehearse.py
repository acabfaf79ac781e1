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

# The contrast of each element's text (its opacity and its ancestors' included) against what is really behind
# it, and of its left rule, in WCAG's terms; and how it breaks words.
READABILITY = """selector => {
    const parse = s => {
        const p = s.match(/rgba?\\(([^)]+)\\)/)[1].split(',').map(Number);
        return [p[0] / 255, p[1] / 255, p[2] / 255, p.length > 3 ? p[3] : 1];
    };
    const over = (top, bottom) => [0, 1, 2].map(i => top[3] * top[i] + (1 - top[3]) * bottom[i]).concat([1]);
    const lum = c => {
        const f = x => x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const contrast = (x, y) => {
        const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
        return (hi + 0.05) / (lo + 0.05);
    };
    const behind = el => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c[3] > 0) layers.push(c);
            if (c[3] >= 1) break;
        }
        return layers.reverse().reduce((bg, c) => over(c, bg), [1, 1, 1, 1]);
    };
    const opacity = el => {
        let o = 1;
        for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
        return o;
    };
    return [...document.querySelectorAll(selector)].map(el => {
        const bg = behind(el), style = getComputedStyle(el);
        const ink = parse(style.color);
        ink[3] *= opacity(el);
        const rule = parse(style.borderLeftColor);
        return {text: el.textContent.slice(0, 50), ratio: contrast(over(ink, bg), bg),
                look: `${el.className} ${el.parentElement.className}`,
                rule: Number.parseFloat(style.borderLeftWidth) > 0 ? contrast(over(rule, bg), bg) : null,
                wordBreak: style.wordBreak, whiteSpace: style.whiteSpace};
    });
}"""


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

        readable = page.evaluate(READABILITY, f"{PANEL} .kit-check, {PANEL} .kit-feedback td")
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
