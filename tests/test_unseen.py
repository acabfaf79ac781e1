"""kit.grade.unseen: the grader's second pair, made fresh from the first by a documented, seeded transformation."""

from __future__ import annotations

import re

import pytest

import kit
from conftest import HOLDOUT, ROOT
from grading import questions_of
from kit.grade import make_plan, run_settings, unseen_pair
from kit.grade.unseen import INVENTED_NAMES

PAIRS = {
    "seeds": tuple(t.text for t in kit.load_articles()),
    "practice": tuple(p.read_text(encoding="utf-8") for p in sorted(HOLDOUT.glob("*.txt"))),
}


def _paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_the_same_seed_makes_the_same_pair_and_another_seed_another(pair):
    a, b = PAIRS[pair]
    assert unseen_pair(a, b, 11) == unseen_pair(a, b, 11)
    assert unseen_pair(a, b, 11) != unseen_pair(a, b, 12)


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_the_people_get_invented_names_everywhere(pair):
    a, b = PAIRS[pair]
    x, y = unseen_pair(a, b, 3)
    speakers = {q.speaker for text in (a, b) for q in kit.extract_quotes(text) if q.speaker}
    assert speakers
    for name in speakers:
        surname = name.split()[-1]
        assert surname not in x and surname not in y, surname
    assert any(n in x for n in INVENTED_NAMES) and any(n in y for n in INVENTED_NAMES)


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_paragraphs_are_dropped_and_shuffled_and_quotations_altered(pair):
    a, b = PAIRS[pair]
    for text, new in zip((a, b), unseen_pair(a, b, 5)):
        old_paragraphs, new_paragraphs = _paragraphs(text), _paragraphs(new)
        body = len(old_paragraphs) - (0 if old_paragraphs[0].rstrip().endswith((".", "”", '"')) else 1)
        assert len(new_paragraphs) == len(old_paragraphs) - max(1, body // 4)
        assert ("\n\n" in text) == ("\n\n" in new)  # the text's own paragraph breaks
        old_quotes = re.findall(r"“([^“”]*)”", text)
        new_quotes = re.findall(r"“([^“”]*)”|\"([^\"]*)\"", new)
        assert new_quotes and sorted(old_quotes) != sorted(q[0] or q[1] for q in new_quotes)
        assert '"' in new  # one quotation gets straight marks


def test_the_second_pair_changes_every_answer_that_could_be_typed_in(monkeypatch, tmp_path):
    """Seeds are tried one after another until every visible answer differs from the first pair's."""
    import kit.grade.plan as plan_module

    monkeypatch.setattr(plan_module, "new_seed", lambda: 1000)  # where the search starts, for a test that cannot flake
    plan = make_plan(ROOT / "solutions" / "01_keyword_frequency.ipynb", None, run_settings(), tmp_path)
    first, second = plan.expected
    visible = [q.id for q in questions_of(ROOT / "solutions" / "01_keyword_frequency.ipynb")
               if not q.hidden and not q.manual]  # a written answer has no expected value
    assert [q for q in visible if first[q] != second[q]] == visible
    assert plan.seed >= 1000
    x, y = unseen_pair(plan.pairs[0].a.text, plan.pairs[0].b.text, plan.seed)
    assert (plan.pairs[1].a.text, plan.pairs[1].b.text) == (x, y)


def test_an_answer_within_its_tolerance_of_the_first_pair_s_counts_as_unchanged(tmp_path):
    """A seed whose G2 differs from the first pair's by less than the question's tolerance
    would let a G2 typed in from the first pair pass on the second too: the search goes on."""
    from kit.checks import Question
    from kit.grade.plan import second_pair
    from kit.grade.records import Text, TextPair, YOUR_TEXTS

    a, b = PAIRS["seeds"]
    first = TextPair(YOUR_TEXTS, Text("a", a), Text("b", b))
    questions = [Question("q_count", 1, "a number", "count"), Question("q_g2", 1, "a number", "G2", tolerance=0.001)]
    on_first = {"q_count": 10, "q_g2": 2.0}
    by_seed = {7: {"q_count": 11, "q_g2": 2.0005}, 8: {"q_count": 12, "q_g2": 2.5}}  # 7: G2 within 0.001 (relative)

    def expected(pairs):
        return [by_seed[next(s for s in by_seed if unseen_pair(a, b, s) == (p.a.text, p.b.text))] for p in pairs]

    pair, answers, seed, same = second_pair(first, on_first, expected, questions, start=7, at_once=1)
    assert seed == 8 and answers == by_seed[8] and same == []
