"""Fiction speaker cases (dialogue and the cast), as data: tests/data/dialogue_cases.json.

Each passage is of our own writing; ``speakers`` is read off it by hand, one per
quote in text order; ``one_person`` lists names the cast must read as one person,
``no_person`` names it must not read as anyone's, and ``people`` names it must.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kit.quotes import characters, extract_quotes
from kit.quotes.dialogue import Turn, take_turns

CASES = json.loads((Path(__file__).parent / "data" / "dialogue_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_dialogue_case(case: dict) -> None:
    if "speakers" in case:
        assert [q.speaker for q in extract_quotes(case["text"])] == case["speakers"], case["why"]
    if case.get("one_person"):
        people = characters(case["text"])
        holders = {c.name for c in people for n in case["one_person"] if n == c.name or n in c.short_forms}
        assert len(holders) == 1, f"{case['one_person']} are {sorted(holders)}: {case['why']}"
    if case.get("no_person"):
        names = {n for c in characters(case["text"]) for n in (c.name, *c.short_forms)}
        assert not names & set(case["no_person"]), case["why"]
        assert set(case.get("people", ())) <= names, case["why"]


def test_a_speaker_of_the_conversation_before_gives_way_to_one_the_narration_names() -> None:
    # Anne and Mary talk; three paragraphs of narration name Jane and Tom; then
    # Tom and someone talk: Jane, whom the narration just named, not Anne or Mary.
    turns = [Turn(1, "Anne", fixed=True), Turn(2, "Mary", fixed=True),
             Turn(6, None, fixed=False, nearby=("Jane", "Tom")), Turn(7, "Tom", fixed=True),
             Turn(8, None, fixed=False), Turn(9, None, fixed=False)]
    assert take_turns(turns, lambda name: None) == ["Anne", "Mary", "Jane", "Tom", "Jane", "Tom"]


def test_one_who_spoke_a_moment_ago_and_is_named_again_speaks_before_one_only_named() -> None:
    # Anne and Tom talk; seven paragraphs of narration name Tom again, then Jane
    # (in passing); the unnamed turn before Mary's is Tom's: he spoke a moment ago.
    turns = [Turn(1, "Anne", fixed=True), Turn(2, "Tom", fixed=True),
             Turn(9, None, fixed=False, nearby=("Jane", "Tom")), Turn(10, "Mary", fixed=True),
             Turn(11, None, fixed=False)]
    assert take_turns(turns, lambda name: None) == ["Anne", "Tom", "Tom", "Mary", "Tom"]


def test_a_turn_that_opens_with_narration_may_go_on_with_the_same_speaker() -> None:
    # Kate spoke a moment ago; after some narration, a turn said by "she", whom
    # the text reads as Ann, and then a turn the text gives Ann by name. Ann's
    # hint holds when that last paragraph opens with narration; when it opens
    # with its quote, a new paragraph is a new speaker, so "she" is Kate.
    def turns(led: bool) -> list[Turn]:
        return [Turn(1, "Kate", fixed=True),
                Turn(4, "Ann", fixed=False, gender="f", nearby=("Ann", "Kate")),
                Turn(5, "Ann", fixed=True, led=led)]

    assert take_turns(turns(led=True), lambda name: "f") == ["Kate", "Ann", "Ann"]
    assert take_turns(turns(led=False), lambda name: "f") == ["Kate", "Kate", "Ann"]


STORY = """The prisoner sat down by the fire, and Inspector Hale took out his notebook. Dr. Marsh lit his pipe.

“You are Tom Ashby?” asked Hale.

“I am,” said the prisoner.

“And you know why you are here?”

“I can guess.”

“Then you had better tell us everything,” said Dr. Marsh, “from the beginning.”

Ashby looked at the fire for a long while before he spoke.

“I was born in Kent,” said Tom Ashby, “and went to sea when I was twelve years old, for my father had no use for a boy who would not sit still.

“The ship was a whaler out of Hull. Her master was a hard man, and the mate was a harder one, and we were four years on her before we saw a town again.

“We were wrecked off Java in the spring of the fifth year, and only three of us came ashore.”

“Wrecked?” said Hale, looking up from his notebook.

“Let him tell it his own way,” said Dr. Marsh. “Go on.”

“Well, sirs, the three of us walked along the shore for two days, eating what the sea left us, until we came to a village.

“The people there took us in and fed us, and we stayed with them through the rains, mending their nets.

“It was a year before a ship put in, and she was bound for London, and that is how I came home.”

“A strange tale,” said Hale.

“Is there anything more you would ask me?” asked the prisoner.

“Nothing more,” said Dr. Marsh.
"""


def test_a_story_told_over_many_paragraphs_goes_on_with_its_teller_when_a_listener_cuts_in() -> None:
    # Each half of Ashby's story runs over three paragraphs. Turn by turn, the
    # second half would be the one who speaks two turns before "asked the
    # prisoner" (a description the text writes at one cue only, so no one); but
    # the listeners speak a line each and the teller pages: it is still Ashby's.
    halves = [q for q in extract_quotes(STORY) if q.text.count("\n\n") >= 2]
    assert [(q.text.split()[:2], q.speaker) for q in halves] == [(["and", "went"], "Tom Ashby"),
                                                                  (["Well,", "sirs,"], "Tom Ashby")]


BRIDGE = """Tom Birch had gone home an hour before. He was tired. Nell Gray waited on the bridge. She had waited there every night that week, and at last Mr. Lowe came up the steps.

“Are you the girl who wrote to me?” asked the gentleman.

“I am, sir.”

“Did anyone follow you?”

“No one.”

“Then listen,” said the gentleman. “You must give up Tom Birch to us.”

“Tom,” cried the girl, recoiling.

“He must be given up,” said the gentleman. “There is no other way.”

“I cannot do it,” said Nell.

“Then I shall come again tomorrow,” said Mr. Lowe, and he went down the steps."""


def test_a_name_only_echoed_calls_no_one() -> None:
    # “Tom,” cried the girl: she repeats the name she has just heard, she does not
    # speak to Tom, so the gentleman she answers is not Tom; he is Mr. Lowe, who
    # came up the steps and speaks by name at the end of the scene.
    said_by_him = [q for q in extract_quotes(BRIDGE) if q.mention == "the gentleman"]
    assert len(said_by_him) == 3
    assert {q.speaker for q in said_by_him} == {"Mr. Lowe"}, [q.speaker_note for q in said_by_him]


def test_a_conversation_with_one_person_who_may_speak_has_another_side() -> None:
    # Anne is named at one turn and no one else may speak: the turns go back
    # and forth between Anne and someone the text does not name (no speaker),
    # not Anne five times; with Mary named too, the turns are theirs.
    turns = [Turn(1, None, fixed=False), Turn(2, "Anne", fixed=True), Turn(3, None, fixed=False),
             Turn(4, None, fixed=False), Turn(5, None, fixed=False)]
    assert take_turns(turns, lambda name: None) == [None, "Anne", None, "Anne", None]
    turns[0] = Turn(1, "Mary", fixed=True)
    assert take_turns(turns, lambda name: None) == ["Mary", "Anne", "Mary", "Anne", "Mary"]
