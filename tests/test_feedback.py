"""Feedback that tells the truth, and reads: the checks' messages, the feedback table, and summary.png.

Contrast is checked with tests/test_style.py's own machinery, against the colours
of the JupyterLab installed with the kit, light and dark.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from kit import style
from kit.checks import Answers, Checker, CheckResult, Expected, Question, expect, fingerprint, message_html, pack
from kit.grade.records import Grade, QuestionGrade, RunSettings, RunSummary
from kit.grade.report import feedback_html, feedback_table, summary_figure
from kit.grade.run import _Run
from test_style import COLOUR, KNOWN, THEMES, backgrounds, contrast, parse, resolve, theme_variables

QS = (Question("q1_count", 1, "a whole number", "Count the items of kit.words(a)."),
      Question("q2_top", 2, "a list", "Ask kit.top_keywords for ten."),
      Question("q2_hidden_b", 1, "a dict", "Any text.", hidden=True),
      Question("q3_why", 3, "a written answer", "", manual=True))


@pytest.fixture
def check() -> Checker:
    expect(pack(Expected("demo", QS, (Answers("hand", fingerprint("A text."), fingerprint("B"),
                                              {"q1_count": 2, "q2_top": [["text", 1]]}),))))
    return Checker("demo", "A text.", "B")


def _grade() -> Grade:
    rows = (QuestionGrade("q1_count", 1, 1, False, ""),
            QuestionGrade("q2_top", 0, 2, False, "not answered yet: replace the ... with a list."),
            QuestionGrade("q2_hidden_b", 0, 1, True, "right on your texts, but not on other texts (x)."),
            QuestionGrade("q3_why", 0, 3, False, "a written answer: your teacher reads and grades it.", pending=True,
                          manual=True))
    run = RunSummary("your texts", True, ("the cell of q2_top (`q2_top = <b>`) raised NameError",), ("error",))
    return Grade("alice", {q.id: q.earned for q in rows}, 1, 7, "errors", "", rows, (run,))


def _pages(check: Checker) -> dict[str, str]:
    return {
        "right": check("q1_count", 2)._repr_html_(),
        "wrong": check("q1_count", 3)._repr_html_(),
        "unanswered": check("q2_top", ...)._repr_html_(),
        "summary": check.summary()._repr_html_(),
        "table": feedback_table(_grade()),
        "page": feedback_html(_grade(), "demo", "sandbox on"),
    }


def test_every_colour_is_a_checked_one(check):
    for name, page in _pages(check).items():
        declarations = re.findall(r"(?:color|background(?:-color)?|border[\w-]*|opacity)\s*:\s*([^;\"}]+)", page)
        assert declarations, name
        for value in declarations:
            rest = value
            for known in KNOWN:
                rest = rest.replace(known, "")
            assert not COLOUR.search(rest.replace("inherit", "")), f"{name}: an unchecked colour in {value!r}"


def test_the_rules_that_say_right_and_wrong_stand_out_in_both_themes():
    for theme in THEMES:
        variables = theme_variables(theme)
        for colour in (style.BAR, style.ERROR):
            for where, ground in backgrounds(variables).items():
                assert contrast(parse(resolve(colour, variables)), ground) >= 3, (theme, colour, where)


def test_not_answered_yet_is_not_alarm_red(check):
    pages = _pages(check)
    assert style.ERROR in pages["wrong"]
    assert style.ERROR not in pages["unanswered"] and style.ERROR not in pages["right"]
    table = pages["table"]
    unanswered = re.search(r'<tr class="kit-feedback-unanswered".*?</tr>', table).group(0)
    assert style.ERROR not in unanswered
    assert style.ERROR in re.search(r'<tr class="kit-feedback-wrong".*?</tr>', table).group(0)
    assert style.MUTED in re.search(r'<tr class="kit-feedback-pending".*?</tr>', table).group(0)


def test_messages_wrap_between_words_never_inside_one(check):
    """JupyterLab styles an output's <pre> with word-break: break-all, which cut `kit.w ords`."""
    for name, page in _pages(check).items():
        assert "<pre" not in page and "break-all" not in page, name
    for name in ("right", "wrong", "unanswered", "summary"):
        assert "word-break: normal" in _pages(check)[name]
    assert "word-break: normal" in _pages(check)["table"]


def test_everything_from_the_student_is_escaped(check):
    page = feedback_table(_grade()) + feedback_html(_grade(), "demo")
    assert "<b>" not in page and "&lt;b&gt;" in page
    assert "<script" not in message_html("<script>alert(1)</script>") and "&lt;script&gt;" in message_html("<script>")


def test_the_summary_counts_every_point_of_the_grade(check):
    check("q1_count", 2)
    summary = check.summary()
    assert (summary.earned, summary.points, summary.hidden_points, summary.written_points) == (1, 3, 1, 3)
    assert summary.maximum == sum(q.points for q in QS) == 7
    text = repr(summary)
    assert "and 1 point in tests the grader adds and 3 points in written answers your teacher grades: 7 in all" in text
    assert "q2_hidden_b" not in text and "q3_why" not in text


def test_a_typed_in_answer_gets_no_tick(check, monkeypatch):
    import kit.checks

    monkeypatch.setattr(kit.checks, "_running_cell", lambda: "q1_count = 2\ncheck('q1_count', q1_count)")
    result = check("q1_count", 2)
    assert result.earned == 0 and result.message.startswith("· q1_count: right on these texts, but typed in")
    monkeypatch.setattr(kit.checks, "_running_cell", lambda: "q1_count = len(kit.words(a))")
    assert check("q1_count", 2).message.startswith("✓ q1_count: right on these texts")


def test_a_written_answer_is_the_teachers_to_grade(check):
    result = check("q3_why", "Because.")
    assert (result.earned, result.points) == (0, 3) and "your teacher" in result.message
    assert isinstance(result, CheckResult)


def _run() -> _Run:
    return _Run(RunSettings(), "your texts", [], None)


class _Cell:
    def __init__(self, meta: dict):
        self.metadata = {"kit_grade": meta}


@pytest.mark.parametrize("meta, said", [
    ({"role": "student", "number": 24, "line": "q3 = kit.top(a)", "question": "q3", "after": "q2"},
     "the cell of q3 (`q3 = kit.top(a)`)"),
    ({"role": "student", "number": 24, "line": "print(x)", "question": None, "after": "q2"},
     "the cell `print(x)` after q2"),
    ({"role": "student", "number": 3, "line": "import kit", "question": None, "after": None},
     "the cell `import kit` before the first question"),
])
def test_feedback_names_the_question_never_a_cell_number(meta, said):
    where = _run().where(_Cell(meta))
    assert where == said and str(meta["number"]) not in where


def test_first_line_skips_the_your_code_here_comment():
    from kit.grade.notebook import first_line

    assert first_line("# YOUR CODE HERE\nq1 = ...\ncheck('q1', q1)") == "q1 = ..."
    assert first_line("# only a comment") == "# only a comment"


def test_summary_png_counts_students_in_whole_numbers_and_its_legend_covers_no_bar():
    qs = [Question(f"q{i}_a_long_question_name", 2, "a", "h") for i in range(10)]
    grades = [Grade(f"s{n}", {q.id: 2 for q in qs}, 20, 20, "ok", "") for n in range(3)]
    fig = summary_figure(grades, qs)
    fig.canvas.draw()
    left, right = fig.axes
    for axis in (left.yaxis, left.xaxis, right.yaxis):
        ticks = [t for t in axis.get_majorticklocs() if axis.get_view_interval()[0] <= t <= axis.get_view_interval()[1]]
        assert ticks and all(float(t).is_integer() for t in ticks), ticks
    legend = right.get_legend().get_window_extent()
    for bar in right.patches:
        assert not legend.overlaps(bar.get_window_extent()), "the legend covers a bar"
    assert not legend.overlaps(right.title.get_window_extent())


@pytest.mark.parametrize("exercise", sorted((ROOT / "exercises").glob("*.ipynb")), ids=lambda p: p.name)
def test_each_lessons_summary_counts_every_point_of_its_grade(exercise):
    """The issue's 17/17 against a grade out of 19: the summary now names the points only the grader and the
    teacher give, so its total is the grade's maximum, the sum of every question the solution declares."""
    from grading import exercise_answers, questions_of

    expected = exercise_answers(exercise)
    expect(pack(expected))
    own = expected.pairs[0]
    summary = Checker(expected.assignment, "A", "B").summary()
    solution = questions_of(ROOT / "solutions" / exercise.name)
    assert summary.maximum == sum(q.points for q in solution) > summary.points
    assert (summary.hidden_points, summary.written_points) == (
        sum(q.points for q in solution if q.hidden), sum(q.points for q in solution if q.manual))
    assert own.answers  # the exercise carries answers to check with
