"""Practice grading: ``check.rehearse()`` shows, in the notebook, the table ``kit grade`` gives.

A teacher's assignment (tests/grading.py: three questions, one hidden test, one
written answer) is assigned; a student answers it with one answer computed but
right only on their texts, one typed in, and one right; the notebook ends with
``check.rehearse()`` and runs in a real kernel (papermill). ``kit grade`` then
grades the very same file with the practice pair as its second pair: every row
it gives for a question the rehearsal can judge is the row the rehearsal
showed; hidden tests and the written answer are listed there as still to come.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

from grading import append, assigned_course, read, set_source, write
from kit.assign import practice_pair
from kit.checks import Checker, expect, pack
from kit.grade import grade
from kit.grade.rehearse import PRACTICE_PAIR, Rehearsal, RehearsalError, history_cells, rehearse
from kit.grade.records import SECOND_PAIR
from kit.texts import load_article

ANSWERS = {
    # computed, but right only on the student's own texts: as `len(a.text.split())` was on the seeds
    "lib-5": 'q1_words = len(kit.words(a)) if a.name == "monday" else 0\ncheck("q1_words", q1_words)',
    # typed in
    "lib-8": ('def first_sentence(text):\n    return kit.sentences(text)[0]\n\n'
              'q2_first = "The library opened early on Monday."\ncheck("q2_first", q2_first)'),
    # right
    "lib-11": ('words = kit.words(b)\nq3_mean_length = sum(len(w) for w in words) / len(words)\n'
               'check("q3_mean_length", q3_mean_length)'),
}
ROW = re.compile(r'<tr class="kit-feedback-(\w+)"[^>]*><td[^>]*>\S+ <code>(\w+)</code>.*?</td><td[^>]*>([^<]*)</td>'
                 r"<td[^>]*>(.*?)</td></tr>")


def _rows(page: str) -> dict[str, tuple[str, str, str]]:
    """The feedback table's rows: question -> (look, points, message)."""
    return {m[2]: (m[1], m[3], html.unescape(m[4])) for m in ROW.finditer(page)}


def _outputs(nb) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("rehearse")
    solution, exercises = assigned_course(root)
    nb = read(exercises / "01_library.ipynb")
    for cell_id, source in ANSWERS.items():
        set_source(nb, cell_id, source)
    set_source(nb, "lib-written-answer", "Because the library opened early.")
    append(nb, "check.rehearse()")
    student = write(nb, exercises / "student.ipynb")
    out = exercises / "student.out.ipynb"
    done = subprocess.run([sys.executable, "-m", "papermill", str(student), str(out), "--cwd", str(exercises), "-k",
                           "python3", "--no-progress-bar"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    graded = grade(solution, [student], root / "grades", texts=practice_pair(), workers=1, progress=False)
    return {"solution": solution, "student": student, "ran": read(out), "grade": graded[0],
            "page": (root / "grades" / "feedback" / "student.html").read_text(encoding="utf-8")}


def test_the_rehearsal_shows_the_table_kit_grade_gives(course):
    shown = _rows(next(o["data"]["text/html"] for o in _outputs(course["ran"])
                       if "kit-rehearsal" in o.get("data", {}).get("text/html", "")))
    graded = _rows(course["page"])
    assert set(shown) == set(graded) == {"q1_words", "q2_first", "q2_hidden_first_b", "q3_mean_length",
                                         "q4_why_queue"}
    for qid in ("q1_words", "q2_first", "q3_mean_length", "q4_why_queue"):
        look, points, message = graded[qid]
        assert shown[qid] == (look, points, message.replace(SECOND_PAIR, PRACTICE_PAIR)), qid
    assert shown["q2_hidden_first_b"][:2] == ("pending", "–/1")  # the grader alone runs hidden tests
    assert graded["q2_hidden_first_b"][:2] == ("right", "1/1")  # first_sentence itself works
    assert course["grade"].max == 1 + 2 + 1 + 2 + 3


def test_it_says_typed_in_only_for_a_value_typed_in(course):
    rows = _rows(course["page"])
    assert "your code gives a different answer on other texts" in rows["q1_words"][2]
    assert "typed in" not in rows["q1_words"][2]
    assert "right on your texts, but typed in" in rows["q2_first"][2]
    assert rows["q3_mean_length"][:2] == ("right", "2/2")
    assert "cell " not in course["page"].split("<h2>")[0].lower().replace("cell of", "")  # no cell numbers


def test_instant_checks_say_right_on_these_texts_and_point_to_the_rehearsal(course):
    said = "\n".join(o.get("data", {}).get("text/plain", "") for o in _outputs(course["ran"]))
    assert "✓ q1_words: right on these texts" in said and "check.rehearse()" in said
    assert "right!" not in said
    assert "· q2_first: right on these texts, but typed in" in said  # no ✓ for a value typed in
    summary = next(o["data"]["text/plain"] for o in _outputs(course["ran"])
                   if o.get("data", {}).get("text/plain", "").startswith("library:"))
    assert "1 point in tests the grader adds" in summary and "3 points in written answers" in summary
    assert f"{course['grade'].max} in all" in summary


def test_the_rehearsal_never_shows_an_expected_answer(course):
    practice = [p.read_text(encoding="utf-8") for p in practice_pair()]
    import kit

    secrets = [kit.sentences(practice[0])[0], kit.sentences(practice[1])[0], str(len(kit.words(practice[0])))]
    page = next(o["data"]["text/html"] for o in _outputs(course["ran"])
                if "kit-rehearsal" in o.get("data", {}).get("text/html", ""))
    for secret in secrets[:2]:
        assert secret not in page and html.escape(secret) not in page
    assert f">{secrets[2]}<" not in page


def test_history_cells_are_the_cells_run_so_far_without_the_running_one():
    class History:
        input_hist_raw = ["", "import kit", "", "q1 = 3", "check.rehearse()"]

    class Shell:
        history_manager = History()

    cells = history_cells(Shell())
    assert [(c.kind, c.source, c.number) for c in cells] == [("code", "import kit", 1), ("code", "q1 = 3", 3)]


def _library_checker(course) -> Checker:
    """The exercise's checker, made in this process: its answers cell and its texts."""
    nb = read(course["solution"].parent.parent / "exercises" / "01_library.ipynb")
    answers = next(c.source for c in nb.cells if c.get("id") == "kit-answers")
    expect(re.search(r"expect\('([^']+)'\)", answers).group(1))
    texts = course["solution"].parent.parent / "texts"
    return Checker("library", load_article(texts / "monday.txt"), load_article(texts / "tuesday.txt"))


def test_without_bwrap_it_refuses_and_says_how_to_go_on(course, monkeypatch, tmp_path):
    checker = _library_checker(course)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(RehearsalError) as info:
        checker.rehearse(notebook=course["student"])
    assert "sandbox" in str(info.value) and "check.rehearse(no_sandbox=True)" in str(info.value)
    monkeypatch.undo()
    done = rehearse(checker, sandbox=False, notebook=course["student"])
    assert isinstance(done, Rehearsal) and not done.sandbox and "WITHOUT the sandbox" in done._repr_html_()
    assert [q.earned for q in done.grade.questions] == [0, 0, 0, 2, 0]


def test_while_grading_rehearse_does_nothing(monkeypatch):
    from kit.checks import GRADING_ENV, Answers, Expected, Question, fingerprint

    monkeypatch.setenv(GRADING_ENV, "1")
    q = Question("q1", 1, "a number", "Count.")
    expect(pack(Expected("demo", (q,), (Answers("x", fingerprint("A"), fingerprint("B"), {"q1": 1}),))))
    result = Checker("demo", "A", "B").rehearse()
    assert result.points == 0 and "skipped while grading" in result.message


def test_an_exercise_without_answers_cannot_be_rehearsed(tmp_path: Path):
    with pytest.raises(RehearsalError, match="no answers"):
        rehearse(Checker("nothing_assigned", "A", "B"), notebook=tmp_path / "x.ipynb")


def test_a_teachers_solution_says_it_has_nothing_to_rehearse(tmp_path: Path):
    """A solution notebook ends with check.rehearse() too: there it is a note, as check() is."""
    result = Checker("nothing_assigned", "A", "B").rehearse(notebook=tmp_path / "x.ipynb")
    assert result.points == 0 and "teacher's solution" in result.message and "kit assign" in result.message


def test_an_exercise_with_nothing_answered_is_not_rehearsed():
    """Nothing to grade yet, so no sandbox starts: papermill runs every exercise as it is shipped."""
    from kit.checks import Answers, Expected, Question, fingerprint

    q = Question("q1", 1, "a number", "Count.")
    expect(pack(Expected("blank_demo", (q,), (Answers("x", fingerprint("A"), fingerprint("B"), {"q1": 1}),))))
    check = Checker("blank_demo", "A", "B")
    check("q1", ...)
    result = check.rehearse()
    assert result.points == 0 and "nothing is answered yet" in result.message
    check("q1", 1)
    assert check.answered == {"q1"}
