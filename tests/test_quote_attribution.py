"""Tests for who said a quote (issue 11): names, descriptions, organisations, dialogue, the cast.

Every expected value is read off the passage by hand. The passages are short and
of our own writing; the longer ones live in tests/data/quote_cases.json.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import kit
import kit.quotes
from kit.quotes import Character, Quote, characters, extract_quotes
from kit.quotes.verbs import reporting_verbs
from kit.quotes.dialogue import Signs, Turn, is_dialogue, take_turns, vocatives
from kit.quotes.phrases import leading_np, strip_time_opening


def only(text: str) -> Quote:
    found = extract_quotes(text)
    assert len(found) == 1, f"expected one quote, got {[q.text for q in found]}"
    return found[0]


# --- the cases of issue 11 ----------------------------------------------------------

NAMED = {
    "a surname never introduced": ("Trump boasted, “That makes me smart.”", "Trump", "boasted"),
    "a surname after the full name": ("Donald Trump spoke in Iowa.\n\nTrump boasted, “That makes me smart.”",
                                      "Donald Trump", "boasted"),
    "wrote": ("“I was wrong about the war,” Clinton wrote in 2003.", "Clinton", "wrote"),
    "organisation, role, name": ("“It is over,” said MSNBC host Chris Matthews.", "Chris Matthews", "said"),
    "party, role, name": ("“We will vote against it,” said Labour leader Jeremy Corbyn.", "Jeremy Corbyn", "said"),
    "company, role, name": ("“Sales are up,” said Ford spokesman Mark Truby.", "Mark Truby", "said"),
    "a possessive start": ("“We will act,” said Britain’s Prime Minister Keir Starmer.", "Keir Starmer", "said"),
    "a party tag": ("“We want answers,” Chaffetz (R-Utah) said.", "Chaffetz", "said"),
    "an appositive": ("“The party must change,” said Charlie King, a prominent New York Democrat.",
                      "Charlie King", "said"),
    "a document of an organisation": ("“Growth will slow,” the IMF report stated.", "IMF", "stated"),
    "according to an organisation": ("Exports fell, “the longest slide in years,” according to the Office for "
                                      "National Statistics.", "Office for National Statistics", "according to"),
    "a country": ("Iran said on Monday: “We will respond to this.”", "Iran", "said"),
    "at the end of its sentence": ("The vote signals \"the beginning of the end\" for the union, said Anna Berg, "
                                   "a lawmaker.", "Anna Berg", "said"),
    "a first name that ends in -ly": ("\"We are ready,\" said Emily Kessel, a director.", "Emily Kessel", "said"),
    "a name after a question mark": ("“How are you today?” Miller said into the phone.", "Miller", "said"),
    "as someone puts it": ("As The Post's Ruth Marcus puts it, the plan is \"an offer they can't refuse.\"",
                           "Ruth Marcus", "puts it"),
    "a party tag in commas": ("“We condemn it,” Senate Majority Leader Mitch McConnell, R-Ky., said.",
                              "Mitch McConnell", "said"),
    "a name and a time before the cue": ("Donald Trump spoke in Iowa.\n\nTrump at the time said: “We will build "
                                         "it and they will pay.”", "Donald Trump", "said"),
    "a full name after a question mark": ("“Where were we attacked?” Jane Doe said.", "Jane Doe", "said"),
    "an age, a home town and a relative clause after the quote": (
        "“It was the best fair in years,” Ines Marrow, 71, of Little Fenton, who has not missed one since 1968, "
        "said on Friday.", "Ines Marrow", "said"),
    "a description with a relative clause after the quote, and no comma before the cue": (
        "“The pies won it,” Dora Quillfeather, the judge who founded the contest tweeted on Wednesday.",
        "Dora Quillfeather", "tweeted"),
    "a description that ends with a name, as a sentence's subject": (
        "The award-winning Fenwick novelist Dora Quillfeather, one of the judges, told the crowd that the pies were "
        "“the best in years.”", "Dora Quillfeather", "told"),
    "a role of several words before the name of a sentence's subject": (
        "Former Labour leadership candidate Ann Birch set out her plan to the Fenwick Gazette: “We will rebuild "
        "the pier.”", "Ann Birch", None),
    "a verb the kit does not list, then the name and an adverb": (
        "Nell Gray and Tom Birch sat by the fire.\n\n“Yes,” agreed Nell quietly.", "Nell Gray", "agreed"),
    "a phrasal verb then the name": (
        "Nell Gray and Tom Birch sat by the fire.\n\n“Not I,” put in Tom.", "Tom Birch", "put in"),
    "an adverb, a verb the kit does not list and the name": (
        "Nell Gray and Tom Birch sat by the fire.\n\n“Not I,” feebly reiterated Tom.", "Tom Birch", "reiterated"),
    "a verb the kit does not list, the name and whom it is said to": (
        "Nell Gray and Tom Birch sat by the fire.\n\n“Not I,” confided Tom to Nell, “not ever.”", "Tom Birch",
        "confided"),
    "a verb the kit does not list and a full name after an exclamation mark": (
        "Nell Gray and Tom Birch sat by the fire.\n\n“Never!” hissed Tom Birch.", "Tom Birch", "hissed"),
}


@pytest.mark.parametrize("name", NAMED)
def test_named_speakers(name):
    text, speaker, cue = NAMED[name]
    q = extract_quotes(text)[-1]
    assert (q.speaker, q.cue, q.speaker_note) == (speaker, cue, None)


def test_the_mention_keeps_the_words_that_name_the_speaker():
    q = only("“We will vote against it,” said Labour leader Jeremy Corbyn.")
    assert (q.mention, q.speaker) == ("Labour leader Jeremy Corbyn", "Jeremy Corbyn")


SUMMIT = "US President Joe Biden met Chinese President Xi Jinping in Lima on Saturday.\n\n"


def test_a_description_resolves_only_to_the_person_the_text_ties_it_to():
    q = only(SUMMIT + "“We talked for three hours,” the US president said.")
    assert (q.speaker, q.mention, q.speaker_note) == ("Joe Biden", "the US president", None)
    q = only(SUMMIT + "“We will not give in,” the Chinese president said.")
    assert q.speaker == "Xi Jinping"


def test_a_description_no_one_fits_gives_no_speaker_and_says_why():
    q = only(SUMMIT + "“We must act,” the French president said.")
    assert q.speaker is None
    assert q.speaker_note == "no one in the text is introduced as the French president"


def test_a_description_two_people_fit_gives_no_speaker_and_names_them():
    q = only(SUMMIT + "“Nothing was signed,” the president said.")
    assert q.speaker is None
    assert "could be" in q.speaker_note and "Joe Biden" in q.speaker_note and "Xi Jinping" in q.speaker_note


def test_modifiers_match_as_whole_words():
    # "us" is inside "Russian", but the Russian president is not the US president.
    q = only("Russian President Vladimir Putin spoke first.\n\n“We agreed,” the US president said.")
    assert q.speaker is None and q.speaker_note.startswith("no one in the text")


UNNAMED_NOTE = "unnamed: the text does not say who this is"


@pytest.mark.parametrize("text, speaker", [
    ("“We expect better,” a spokesman for the ministry said.", "a spokesman for the ministry"),
    ("“Nothing has been decided,” a statement said late on Friday.", "a statement"),
    ("“It was a mistake,” said a senior Okafor adviser.", "a senior Okafor adviser"),
    ("“He will not run,” said a person close to the Hendersons. “Not this year.”", "a person close to the Hendersons"),
    ("“The money is gone,” said a longtime adviser to Ruth Okafor, who asked not to be named.",
     "a longtime adviser to Ruth Okafor"),
    ("“We were told nothing,” one Republican involved in the planning said.", "one Republican involved in the planning"),
    ("One operative inside Okafor Tower played it down, saying it was “not a big deal around here.”",
     "One operative inside Okafor Tower"),
    ("“Vote no,” wrote a Hale supporter who runs a popular account.", "a Hale supporter"),
    ("Some students said: “We never saw the tutor.”", "Some students"),
    ("“Build it now,” several GOP senators said.", "several GOP senators"),
    ("“It works,” said one official on Monday.", "one official"),  # when, not who
    ("“It works,” said a longtime adviser to Ruth Okafor in an interview.", "a longtime adviser to Ruth Okafor"),
    ("A county official who spoke on condition of anonymity because the budget is not final said: “It is gone.”",
     "A county official"),  # a relative clause between the speaker and the cue
    ("One resident, who like many others had booked a stall, said it was “a kick in the teeth.”", "One resident"),
    ("Stallholders were split. Another said she hoped for “a dry summer.”", "Another"),  # a determiner alone
    ("Stallholders were split. Several said they would rather pay “a fair rent.”", "Several"),
    ("The crowd cheered. Some chanted “Fair! Fair!”", "Some"),
    ("In a Fenwick Gazette survey published Monday, six in 10 residents said the fair was “worth the money.”",
     "a Fenwick Gazette survey"),  # a share of those a poll asked: the poll
    ("One Friends of Fenwick Fair ad, which ran all week, argues that “the fair pays for itself.”",
     "One Friends of Fenwick Fair ad"),  # of, for, and inside a name
    ("“Come back next year,” a welcome message on the fair’s website reads.", "a welcome message"),
    ("A Fenwick school textbook published in May explains “the history of the fair.”", "A Fenwick school textbook"),
    ("At the gate, even a veteran farmer said the fee was too high, saying, “We cannot pay it.”",
     "a veteran farmer"),  # a participle goes on from the reporting clause before it
    ("Critics of the plan, however, say it is “a disaster.”", "Critics of the plan"),  # a plural, no determiner
    ("Voters in Fenwick, for their part, said the fair was “over.”", "Voters in Fenwick"),
    # a capitalised word, then a plural head: the group speaks, not "Senior", and not Okafor herself
    ("The vote was close. Senior officials said the plan was “dead on arrival.”", "Senior officials"),
    ("Ruth Okafor spoke first. Okafor aides said later that she was “very tired.”", "Okafor aides"),
    ("Ruth Okafor spoke first. “She is very tired,” said Okafor aides.", "Okafor aides"),  # inverted too
    ("“The plan is dead,” said Senior officials.", "Senior officials"),
    ("Fishery scientists have warned of “a collapse within ten years.”", "Fishery scientists"),
    ("The plan was announced on Monday. Critics said it was “a disaster.”", "Critics"),  # a plural head alone
    ("The plan was announced on Monday. Many said it was “a disaster.”", "Many"),  # a word that counts people
    # a group as a sentence's subject, whose verb comes later, or whose words the paragraph quotes
    ("Weapons experts have doubted the claims, but have said it was “a bluff.”", "Weapons experts"),
    ("Cruz officials were thrilled with the editorial, entitled “Not a Brave Truth-Teller,” in the Post.",
     "Cruz officials"),
])
def test_an_unnamed_speaker_is_given_as_written_with_a_note(text, speaker):
    """News: an indefinite description is the speaker as the text writes it, with
    its short post-modifier (not a relative clause), and a note that the text
    does not say who it is; as a group (Aides said) speaks as written."""
    found = extract_quotes(text)
    assert [(q.speaker, q.speaker_note) for q in found] == [(speaker, UNNAMED_NOTE)] * len(found)


@pytest.mark.parametrize("text, speaker, cue", [
    ("It was only last spring that Dora Quillfeather, who has run the fair for two decades, said it was “safe.”",
     "Dora Quillfeather", "said"),
    ("The fair has its legends (Bram Ostley, who founded its pie contest, once said, “Pies first.”).",
     "Bram Ostley", "said"),
    ("Nobody was surprised when Ines Marrow, 71, of Little Fenton, who has not missed a fair since 1968, called "
     "the decision “a crime.”", "Ines Marrow", "called"),
    ("It was no surprise that Ostley, meanwhile, who sits on the board, said the vote was “rushed.”", "Ostley", "said"),
    ("Stallholders were angry, and Pat Quill, a retired nurse who ran the first-aid tent, said it was “a shame.”",
     "Pat Quill", "said"),  # the name, not the description in apposition to it
    ("Marrow, who phoned the mayor shortly after the decision was announced, told reporters: “We will fight it.”",
     "Marrow", "told"),  # not "announced", a verb inside the relative clause
    ("Organisers thanked Ines Marrow, who called the decision “a crime.”", "Ines Marrow", "called"),
])
def test_a_relative_clause_between_the_speaker_and_the_cue(text, speaker, cue):
    """The speaker of a cue that a relative clause (and an age, a home town, an
    aside) separates from its subject is that subject, wherever it stands in the
    sentence; a cue right after *who* gives the words of the one it stands for."""
    q = only(text)
    assert (q.speaker, q.cue) == (speaker, cue)


def test_a_paragraph_that_is_only_a_quote_is_the_words_of_whom_the_narration_before_ends_about():
    text = ("The Fenwick county fair was cancelled on Friday.\n\nInes Marrow has run the fair for twenty years. "
            "Marrow is sure it will return next summer.\n\n“Nobody cancels a fair for ever.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Ines Marrow"]
    # not a quote inside a paragraph of narration: "Some call it “a relic.”" is no one's here
    text = text.replace("“Nobody cancels a fair for ever.”", "Some still call it “a relic of the past.”")
    assert [q.speaker for q in extract_quotes(text)] != ["Ines Marrow"]


def test_a_clause_joined_by_while_has_its_own_speaker():
    q = only("Birch said the fair had run its course, while Ostley said the vote was “rushed.”")
    assert (q.speaker, q.cue) == ("Ostley", "said")


def test_an_unnamed_spokesperson_of_a_named_organisation_speaks_for_it():
    q = only("A spokeswoman for the Alden Bridge Authority said: “We will publish the costs next week.”")
    assert q.speaker == "Alden Bridge Authority" and "does not name the person" in q.speaker_note


def test_said_to_whom_is_not_part_of_an_unnamed_speaker():
    assert only("“We will appeal,” said a spokesman to reporters on Monday.").speaker == "a spokesman"
    assert only("“We will appeal,” said an aide to reporters.").speaker == "an aide"


def test_words_that_are_no_description_of_a_speaker_give_none():
    q = only("Critics say the rules are unfair, and “a woman can run for president without being asked twice,” "
             "one reporter joked.")
    assert q.speaker == "one reporter"
    assert only("“Look at the numbers,” an option said.").speaker is None  # an option is no one


def test_a_definite_description_tied_to_no_one_stays_none():
    q = only("“It will be finished before the election,” the Florida senator said.")
    assert (q.speaker, q.speaker_note) == (None, "no one in the text is introduced as the Florida senator")


def test_in_a_dialogue_an_unnamed_speaker_is_not_given_as_written():
    """A novel's turns read the scene: *a stranger* is left to them, as before."""
    turns = "".join(f"“{words},” said {who}.\n\n" for words, who in [
        ("Is the ferry late", "Mara"), ("It always is", "Tom"), ("Then we wait", "Mara"), ("Not for long", "Tom"),
        ("The lamps are out", "Mara"), ("They often are", "Tom"), ("Then we walk", "Mara"), ("In this rain", "Tom"),
        ("Yes, in this rain", "Mara"), ("Very well", "Tom")])
    q = extract_quotes(turns + "“The ferry is gone for the night,” a stranger on the pier said.")[-1]
    assert q.mention == "a stranger on the pier"
    assert q.speaker != q.mention and q.speaker_note != UNNAMED_NOTE


def test_the_scare_quote_of_the_issue_is_left_out_and_its_colon_quotation_found():
    assert extract_quotes("Critics called it a “cash for access” scheme.") == []
    q = only("Her answer was simple: “Not now.”")
    assert (q.text, q.cue, q.mention) == ("Not now.", None, "Her")


def test_a_colon_quotation_takes_the_person_before_it():
    text = "Senator Ines Carvalho kept it short. Her answer was simple: “Not now.”"
    assert only(text).speaker == "Ines Carvalho"


def test_the_title_of_a_work_after_the_work_or_its_owner_is_no_quotation():
    text = ("“We are winning,” Cuban said on NBC’s “Meet the Press.” He wrote in his new book, "
            "“Crippled Beyond All Hope: How to Win Again,” that it was time.")
    assert [q.text for q in extract_quotes(text)] == ["We are winning,"]
    assert only("Issa: Clinton’s ‘Honesty Is In Question.’").text == "Honesty Is In Question."  # a headline


def test_a_quote_signed_in_the_next_paragraph():
    q = only("“Every vote counts, and every vote was counted.”\n\n- Mayor Lena Brandt.")
    assert (q.speaker, q.mention) == ("Lena Brandt", "Mayor Lena Brandt")


def test_a_signature_may_say_where_the_person_is_from():
    q = only("“It must stop, and it must stop now.”\n\n-Michelle Marks, Philadelphia.")
    assert (q.speaker, q.mention) == ("Michelle Marks", "Michelle Marks")


def test_a_campaign_speaks_for_its_candidate_and_a_quote_with_its_own_cue_is_not_the_last_speaker_s():
    text = ("“We will win,” Donald Trump said.\n\n"
            "Ryan’s campaign shrugged off the comments, telling reporters, “Nobody asked for it.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Donald Trump", "Ryan"]
    text = ("“We will win,” Donald Trump said.\n\n"
            "The staff shrugged off the comments, telling reporters, “Nobody asked for it.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Donald Trump", None]  # someone else, not said who


def test_a_verb_after_and_shares_the_subject_of_the_verb_before():
    q = only("It was a tense night, as Ted Cruz knocked Marco Rubio on trade and called him "
             "“a moderate who cannot be trusted.”")
    assert (q.speaker, q.mention) == ("Ted Cruz", "Ted Cruz")


def test_an_organisation_keeps_the_words_after_of():
    text = "The Illinois Board of Elections ruled on Monday, saying the claim was “without merit.”"
    assert only(text).speaker == "Illinois Board of Elections"


def test_a_description_that_names_its_group_speaks_as_that_group():
    q = only("The Dutch newspaper Harbour Nieuws noted that “no official would meet them.”")
    assert (q.speaker, q.mention) == ("Harbour Nieuws", "The Dutch newspaper Harbour Nieuws")
    q = only("The Dutch newspaper Nieuwsblad noted that “no official would meet them.”")  # one word: no person's name
    assert (q.speaker, q.mention) == ("Nieuwsblad", "The Dutch newspaper Nieuwsblad")
    q = only("A newspaper noted that “no official would meet them.”")  # no name: unnamed, as written
    assert q.speaker_note.startswith("unnamed") and q.mention == "A newspaper"


def test_a_verb_form_after_an_owner_or_article_is_an_adjective_not_a_cue():
    q = only("Ines Marrow, who farms near the dam, decried Tom Reed’s repeated calls to drain it, "
             "noting he has “never lived here.”")
    assert (q.speaker, q.cue) == ("Ines Marrow", "noting")


def test_the_agent_of_a_passive_cue_is_the_speaker():
    q = only("Ann Birch was asked by radio host Tom Reed whether the plan would mean “another tax on farmers.”")
    assert (q.speaker, q.mention) == ("Tom Reed", "radio host Tom Reed")
    q = only("Ann Birch was asked by a reporter whether the plan would mean “another tax on farmers.”")
    assert (q.speaker_note or "").startswith("unnamed") and q.mention == "a reporter"
    q = only("The worries being expressed by Ann Birch go beyond the “temporary” pause.")  # a noun's modifier
    assert (q.cue, q.speaker) == ("expressed", None)


def test_as_a_name_with_an_appositive_put_it():
    q = only("As Ann Birch, the deputy leader of the council, put it: “This plan will not pass.”")
    assert (q.speaker, q.cue) == ("Ann Birch", "put it")


def test_a_hyphen_between_spaces_is_a_dash_that_sets_off_an_aside():
    q = only("In May - two weeks after Ann Birch left office - the harbour board told reporters that "
             "“no records were found.”")
    assert q.mention == "the harbour board" and q.speaker != "Ann Birch"


def test_a_whether_clause_is_no_speaker():
    q = only("In Tom Reed’s mind, his bluntness - whether it’s raising doubts about the harbour, attacking "
             "Ann Birch as having “choked like a dog,” or worse - is a strength.")
    assert q.mention is None or not q.mention.startswith("whether")


def test_a_show_named_after_with_on_or_told_is_no_quotation():
    assert extract_quotes("Ann Birch said in an interview with “Harbour Tonight.”") == []
    assert extract_quotes("Tom Reed told “Morning Harbour,” reminding the hosts that he was mayor.") == []
    q = only("Tom Reed told reporters: “Harbour Tonight is a fine show.”")  # words after a colon are speech
    assert q.speaker == "Tom Reed"


def test_an_organisation_after_the_is_the_subject_of_a_participle():
    q = only("Later the Bank of England confirmed the figure, saying growth was “slower than hoped.”")
    assert (q.speaker, q.mention) == ("Bank of England", "the Bank of England")
    q = only("The Coastal Trade Agreement, which Ann Birch called a “disaster,” was signed.")
    assert q.speaker != "Coastal Trade Agreement"  # a text of law is talked about, it does not speak


def test_someone_s_campaign_manager_is_not_that_someone():
    q = only("Donald Trump spoke in Iowa.\n\nDonald Trump’s campaign manager said: “We are gratified by it.”")
    assert q.speaker is None and q.mention == "Donald Trump’s campaign manager"


def test_a_reporting_verb_inside_the_quote_s_own_sentence_reports_no_one_new():
    text = ("“Where were we attacked?” Jane Doe said, with a passion that almost suggested that the question "
            "was out of line. “I did spend time helping them.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Jane Doe", "Jane Doe"]


def test_a_quote_after_a_sentence_about_a_person():
    q = only("State treasurer Maya Lund disagreed. “The budget is balanced only on paper.”")
    assert (q.speaker, q.cue) == ("Maya Lund", None)


def test_she_finds_the_person_the_text_calls_she():
    # Nothing but the text says that Mrs. Barker is a woman and Tom Reyes is not.
    text = ("Mrs. Helen Barker, the school's head teacher, said attendance had improved. "
            "Her deputy, Tom Reyes, agreed.\n\n\"The children want to be here now,\" she said.")
    assert only(text).speaker == "Helen Barker"


def test_gender_comes_from_he_or_she_after_the_name_not_from_first_names():
    # An invented first name: only "she" after it tells the kit who she is.
    text = ("Oriel Vance chaired the hearing, and she kept it short. Tam Okoro answered the questions. "
            "He was brief.\n\n“We are done here,” she said.")
    assert only(text).speaker == "Oriel Vance"


# --- dialogue -------------------------------------------------------------------------

DIALOGUE = ("\"You are late, Edmund,\" said Clara.\n\n\"The roads were bad,\" said Edmund.\n\n"
            "\"They are always bad in March,\" said Clara.\n\n\"Then I am always late,\" said Edmund.\n\n"
            "\"Did you see the doctor?\" asked Clara.\n\n\"At noon,\" said Edmund.\n\n"
            "\"And what did he say?\" said Clara.\n\n\"Very little,\" said Edmund.\n\n"
            "\"That is no answer,\" said Clara.\n\n\"It is mine,\" said Edmund.\n\n"
            "\"Then I shall ask him.\"\n\n\"He will tell you nothing.\"\n\n"
            "\"Clara, sit down.\"")


def test_turns_alternate_in_a_dialogue():
    *_, ask, nothing, sit = extract_quotes(DIALOGUE)
    assert (ask.speaker, nothing.speaker) == ("Clara", "Edmund")
    assert sit.speaker == "Edmund"  # addressed to Clara, so not hers


def test_words_said_to_oneself_are_no_turn_of_the_dialogue():
    """*she said to herself* after her own turn: the turns would give the paragraph
    to the other one (a new paragraph is most often a new speaker), but words
    said to oneself, or thought, are no turn."""
    turns = "".join(f"“{w}?” said Tom.\n\n“{w},” said Nell. She smiled.\n\n" for w in ("Yes", "No", "Now", "Then"))
    text = ("Nell Gray came to the bridge, where she found Tom Birch, and he bowed.\n\n" + turns
            + "Tom went away over the bridge.\n\n“He will come back,” said Nell.\n\n"
            "“Of course he will,” she said to herself. “He always does.”\n\n“Or not,” thought she.")
    *_, back, of_course, always, or_not = extract_quotes(text)
    assert {back.speaker, of_course.speaker, always.speaker, or_not.speaker} == {"Nell Gray"}


def test_the_person_a_quote_is_said_to_answers_it():
    text = (DIALOGUE + "\n\nMrs. Webb came in with the tea.\n\n"
            "\"You must eat something,\" said Clara to Mrs. Webb.\n\n\"I have eaten, miss.\"")
    *_, said_to, answer = extract_quotes(text)
    assert (said_to.speaker, answer.speaker) == ("Clara", "Mrs. Webb")


def test_she_is_not_the_one_she_speaks_to():
    text = ("Nell Gray stood by the stage, and she smiled. Ruth Lane ran up, and she took both her hands.\n\n"
            "Then she whispered to Ruth:\n\n“I won.”")
    (q,) = extract_quotes(text)
    assert (q.speaker, q.cue, q.mention) == ("Nell Gray", "whispered", "she")


def test_was_someone_s_reply_names_the_speaker():
    text = ("Nell Gray and her uncle Amos sat by the fire.\n\n"
            "\"We could sell the mare,\" was Amos's slow reply. \"Or the cart.\"\n\n"
            "\"Never,\" was Nell's answer.")
    mare, cart, never = extract_quotes(text)
    assert (mare.speaker, mare.cue, mare.mention) == ("Amos", "was Amos's slow reply", "Amos")
    assert (cart.speaker, never.speaker, never.cue) == ("Amos", "Nell Gray", "was Nell's answer")


def test_was_all_she_said_and_quoth_he_name_the_speaker():
    text = ("Nell Gray and her uncle Amos sat by the fire.\n\n"
            "\"We could sell the mare,\" was all Amos said.\n\n\"Never,\" quoth Nell.")
    mare, never = extract_quotes(text)
    assert (mare.speaker, mare.cue, mare.mention) == ("Amos", "was all Amos said", "Amos")
    assert (never.speaker, never.cue) == ("Nell Gray", "quoth")


def test_a_paragraph_that_ends_with_its_cue_introduces_the_next_one():
    q = only("Tom Hale looked at the letter for a long time.\n\nAt last he said:\n\n\"It is done.\"")
    assert (q.speaker, q.cue, q.mention) == ("Tom Hale", "said", "he")


def test_a_short_quote_whose_sentence_goes_on_with_more_quoted_words_is_speech():
    text = "Marilla found her on the bed.\n\n\"Anne,\" with greater severity, \"get off that bed this minute.\""
    assert [q.text for q in extract_quotes(text)] == ["Anne,", "get off that bed this minute."]


def test_the_same_quotes_continue_a_speaker_in_news():
    text = ("“We will win,” Jane Doe said.\n\n“We have the votes.”\n\n"
            "“The other side knows it,” John Roe said.\n\n“They will fold.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Jane Doe", "Jane Doe", "John Roe", "John Roe"]


def test_the_narrator_is_named_by_how_others_address_them():
    text = ("\"You are out early, Pym,\" said Holloway.\n\n\"I could not sleep,\" said I.\n\n"
            "\"Sit down, Pym, and look at this letter.\"\n\n\"Who sent it?\" I asked.")
    assert [q.speaker for q in extract_quotes(text)] == ["Holloway", "Pym", "Holloway", "Pym"]


def test_a_narrator_no_one_names_is_no_speaker():
    q = only("I looked at the letter. “This changes everything,” I said.")
    assert (q.speaker, q.speaker_note) == (None, "the narrator")


def test_a_narrator_s_my_or_our_at_a_cue_is_a_speaker_s_description():
    text = ("Holmes stood at the door.\n\n“It is late,” said our visitor.\n\n"
            "“Come in,” said my companion, and lit the lamp.\n\n“Thank you,” my father said.")
    found = extract_quotes(text)  # before, the first two were dropped: a short quote with no cue
    assert [(q.text, q.cue, q.mention) for q in found] == [
        ("It is late,", "said", "our visitor"), ("Come in,", "said", "my companion"),
        ("Thank you,", "said", "my father")]
    assert found[2].speaker is None and "my father" in found[2].speaker_note


def test_a_particle_after_a_title_stays_in_the_name():
    text = "Mrs. de Winter came in.\n\n“No,” said Mrs. de Winter. “Yes,” said Mr. van Helsing."
    assert [q.speaker for q in extract_quotes(text)] == ["Mrs. de Winter", "Mr. van Helsing"]


def test_a_place_the_text_names_is_no_first_name_of_the_person_after_it():
    text = ("Anne Holt lived in Bath. Her sister lived in Bath too, and their aunt died in Bath. "
            "On reaching Bath Anne went to see her.\n\n“It is cold,” said Anne.")
    names = [c.name for c in characters(text)]
    assert "Bath Anne" not in names and "Anne Holt" in names
    assert extract_quotes(text)[0].speaker == "Anne Holt"


def test_a_first_name_with_a_title_is_the_full_name_written_with_that_title():
    text = ("Princess Mary Volkova lived in the country. Mary Petrova, the nurse, came to see her. "
            "Mary Petrova sat down.\n\n“Come in,” said Princess Mary.")
    assert extract_quotes(text)[0].speaker == "Mary Volkova"


def test_her_mother_and_her_father_are_of_her_family():
    text = ("Mr. Thomas Pellow and Mrs. Pellow kept the shop. Jane Pellow, their daughter, helped them. "
            "Mr. Pellow was tall; he spoke little. Mrs. Pellow was kind; she spoke much. Jane was quick; "
            "she laughed often.\n\nJane came in late.\n\n“Where have you been?” said her mother.\n\n"
            "“Out,” said Jane.\n\n“Out where?” asked her father.")
    assert [q.speaker for q in extract_quotes(text)] == ["Mrs. Pellow", "Jane Pellow", "Thomas Pellow"]


def test_her_mother_is_the_mother_of_the_one_her_quote_addresses():
    # "her" before the cue's sentence is Charlotte; the quote speaks to Lucy, so
    # it is Lucy's mother: the one married woman of Lucy's family name
    text = ("Lucy Honey lived at Windy Corner with Mrs. Honey and Freddy Honey. Charlotte Bart came to stay; "
            "she was their cousin. Lucy played the piano; she played well.\n\nCharlotte had gone up to bed.\n\n"
            "“Lucy,” said her mother, “is anything the matter?”\n\n“No, mother,” said Lucy.")
    assert [q.speaker for q in extract_quotes(text)] == ["Mrs. Honey", "Mrs. Honey", "Lucy Honey"]


def test_her_mother_of_two_in_the_family_is_the_one_in_the_scene_else_no_one():
    # Mrs. Gray and Mrs. John Gray are both married women of Nell's family name:
    # her mother is the one the scene has in it; with neither there, no guess
    years = "".join(f"The {w} was long that year.\n\n" for w in ("winter", "spring", "summer", "harvest", "autumn",
                                                                   "frost", "thaw"))
    hall = "Mr. John Gray lived at the Hall with Mrs. John Gray, and they seldom came down to the farm."
    lines = "“It is late,” said Nell, and she put down her work.\n\n“Then go to bed,” said her mother."
    here = hall + "\n\n" + years + "Mrs. Gray sat by the window with Nell Gray, her daughter.\n\n" + lines
    assert [q.speaker for q in extract_quotes(here)] == ["Nell Gray", "Mrs. Gray"]
    away = hall + " Mrs. Gray lived at the mill.\n\n" + years + "Nell Gray sat by the window.\n\n" + lines
    last = extract_quotes(away)[-1]
    assert (last.speaker, last.speaker_note) == (None, "her mother could be Mrs. John Gray or Mrs. Gray")


def test_her_husband_is_the_man_whose_full_name_she_bears():
    # Written for this test: a family with three men of its name; Mrs. John Gray's
    # husband is John Gray, and John Gray's wife is Mrs. John Gray, not Mrs. Henry Gray
    family = ("Mr. Henry Gray had died at the Hall, and Mrs. Henry Gray lived on at the cottage. "
              "John Gray, his son, was rich, and he married a rich wife. Mr. Gray of the mill, his cousin, "
              "was poor; he never came.\n\nMrs. John Gray sat by the fire, and she frowned.\n\n")
    text = family + "“We cannot give the money,” said she.\n\n“It was my father's wish,” replied her husband."
    assert [q.speaker for q in extract_quotes(text)] == ["Mrs. John Gray", "John Gray"]
    text = family.replace("Mrs. John Gray sat", "Mrs. John Gray sewed by the window.\n\nJohn Gray sat") \
        .replace("she frowned", "he frowned") + \
        "“We cannot give the money,” said he.\n\n“It was your father's wish,” replied his wife."
    assert [q.speaker for q in extract_quotes(text)] == ["John Gray", "Mrs. John Gray"]


def test_a_time_before_the_subject_leaves_the_subject_to_be_read():
    # Written for this test: "In about half an hour" opens the sentence, and the one
    # who returned, her mother, is the "she" of the next paragraph's cue
    text = ("Mrs. Dash and her daughters, Elinor Dash and Marianne Dash, lived at the cottage. Marianne was ill; "
            "she kept to her room.\n\nElinor sat alone in the parlour, and she read.\n\n"
            "In about half an hour her mother returned, and her eyes were red.\n\n“He is gone, Elinor,” said she.")
    assert [q.speaker for q in extract_quotes(text)] == ["Mrs. Dash"]
    for opening in ("In a few minutes", "After two days", "Within an hour"):
        assert strip_time_opening(f"{opening} her mother") == "her mother"


def test_a_lead_in_that_opens_with_a_time_names_its_speaker():
    # Written for this test: a paragraph that leads into the next one's quote, its
    # subject after a time with no comma ("At the end of the week", "In the morning",
    # "A few minutes later"): the cue had no subject, and the quote no mention
    for opening in ("At the end of the week", "In the morning", "A few minutes later", "In a moment afterwards"):
        text = (f"Diana kept the secret. Anne went to school.\n\n{opening} Marilla said decidedly:\n\n"
                "“You may go to the concert, child.”")
        q = only(text)
        assert (q.speaker, q.cue, q.mention) == ("Marilla", "said", "Marilla"), opening
    assert strip_time_opening("A day Smith") == "A day Smith"  # a span alone opens nothing: no "later" or "in"


def test_a_clause_after_which_or_after_a_time_clause_gives_the_cue_its_subject():
    # Written for this test. "after which" opens a clause with a subject of its own, who
    # turns and speaks, though an aside stands between them; and in "As she entered he
    # stopped, and said:" the subject after the clause of time is the one who speaks
    text = ("Kags and Chitling sat by the fire.\n\nThere was a short silence, after which Toby Crackit, "
            "seeming to give up his swagger, turned to Chitling and said,\n\n“When was Fagin took then?”")
    assert (only(text).speaker, only(text).mention) == ("Toby Crackit", "Toby Crackit")
    text = ("George Emerson put his hat on the table, and he paced up and down the dining-room.\n\n"
            "Lucy came down the stairs. As she entered he stopped, and said:\n\n“No, nothing to eat.”")
    assert (only(text).speaker, only(text).mention) == ("George Emerson", "he")
    # (the comma before "but" does not reach back past "that" for a subject: the joke's is Trump's)
    text = ("Donald Trump gave an interview.\n\nTrump joked that Brooklyn was his answer, but went on to say, "
            "“There are places in America that are dangerous.”")
    assert only(text).speaker == "Donald Trump"


def test_a_lead_in_with_no_cue_names_the_person_it_is_about():
    # Written for this test: the paragraph before the quote ends with a colon and has no
    # reporting verb; its subject, a person by the words themselves, is the speaker
    text = ("Lucy Honeychurch sat in the carriage, and she was afraid of the storm.\n\n"
            "Lucy screamed. Mr. Eager addressed her professionally:\n\n“Courage, Miss Honeychurch, courage.”")
    assert (only(text).speaker, only(text).mention) == ("Mr. Eager", "Mr. Eager")
    # a bare capital that opens a sentence is no one: no speaker, rather than "Wait"
    text = ("The senator spoke for an hour.\n\nWait, it gets better:\n\n"
            "“By law, the president sets the number of refugees every year.”")
    assert only(text).speaker is None


def test_a_name_then_a_verb_of_two_words_whose_past_has_no_ed_attributes_the_quote():
    # Written for this test: "put in", "broke in" after the name, as "put in Freddy" before it
    for verb in ("put in", "broke in", "cut in"):
        text = (f"Mr. Gradgrind nodded.\n\n“You see, my friend,” Mr. Bounderby {verb}, "
                "“we are the kind of people who know the value of time.”")
        quotes = extract_quotes(text)
        assert [q.speaker for q in quotes] == ["Mr. Bounderby"] * 2 and quotes[0].cue == verb, verb


@pytest.mark.parametrize("words", ["might have said", "would often say", "could only say", "will say"])
def test_a_modal_and_an_adverb_between_the_speaker_and_the_cue_are_no_part_of_the_mention(words):
    # Written for this test: "she might have said" named "she might", no one
    text = f"Mrs. Sparsit came in.\n\n“Sir, say no more,” she {words} to Mr. Bounderby."
    assert (only(text).mention, only(text).speaker) == ("she", "Mrs. Sparsit")
    text = f"Tom came in.\n\n“Sir, say no more,” Mr. Gradgrind {words}."
    assert (only(text).mention, only(text).speaker) == ("Mr. Gradgrind", "Mr. Gradgrind")


def test_what_ought_to_be_said_or_a_passive_is_no_attribution():
    # Written for this test: "should" says what ought to be asked, "being" is a passive
    assert only("Jews worry about his style. But what we should ask is “who has God anointed?”").mention != "we"
    assert only("The concerns being expressed go beyond his pledge to be “neutral” in talks.").mention is None


def test_a_participle_after_a_description_is_no_part_of_the_mention():
    # Written for this test: "said the doctor supporting her" named "the doctor supporting her",
    # whom the kit read as "her"
    q = only("Dr. Foster came in with Rose. He was tired.\n\n“Be calm, my dear,” said the doctor supporting her.")
    assert q.mention == "the doctor" and q.speaker != "Rose"


# Written for these tests: a novel's scenes where a boy is called "the boy" at his cues
# (in straight marks, as Project Gutenberg writes its novels)
_WALK_HOME = """Toby Crackit and Charley Bates walked home together.

"Cold," said Charley.

"Colder yet to-morrow," said Toby.

"""
_BY_THE_FIRE = """Sikes sat by the fire. Charley Bates came in from the rain. He was wet through.

"Charley, where have you been?" said Sikes.

"Out," said the boy.

"Where?"

"Nowhere."

"You lie," said Sikes. "Tell me."

"I never lie," said the boy.

"Then hold your tongue," said Sikes.

Sikes went to the window and looked out at the rain for a long time.

"""
_KITCHEN = """The next day Toby Crackit and Charley Bates waited in the kitchen, and Nancy came in. Toby was sulky; he had lost at cards.

"They have him," said the boy.

"Who?" said Nancy.

"Fagin," said the boy. "At noon."

"Poor soul," said Nancy.

{line}She sat down, and nobody spoke for a long time.

"""


def test_a_description_the_turns_name_is_evidence_for_whose_epithet_it_is():
    # "the boy" is Charley wherever the turns call him by name; in the kitchen, where Toby
    # is there too and nothing calls anyone, it was read as Toby (the rarer of the two)
    text = _WALK_HOME + _BY_THE_FIRE * 3 + _KITCHEN.format(line="") * 2
    in_kitchen = [q for q in extract_quotes(text) if q.start > text.rfind("The next day") and q.mention == "the boy"]
    assert in_kitchen and {q.speaker for q in in_kitchen} == {"Charley Bates"}


def test_a_description_is_not_the_one_its_quote_calls_by_name_unless_the_quote_gives_a_name():
    # "Toby," said the boy, "give me the candle.": not Toby, in either part of the quote
    line = '"Toby," said the boy, "give me the candle."\n\n'
    text = _WALK_HOME + _KITCHEN.format(line=line) * 3
    calls = [q for q in extract_quotes(text) if q.text in ("Toby,", "give me the candle.")]
    assert len(calls) == 6 and "Toby Crackit" not in {q.speaker for q in calls}
    # but a name the paragraph gives as someone's own may well be the speaker's
    line = '"Toby Crackit," said the boy. "That is my name, and I am cold."\n\n'
    text = _WALK_HOME + _KITCHEN.format(line=line) * 3
    gives = [q for q in extract_quotes(text) if q.text == "Toby Crackit,"]
    assert len(gives) == 3 and {q.speaker for q in gives} == {"Toby Crackit"}


def test_a_clause_whose_subject_is_a_relative_has_its_own_speaker():
    # Written for this test: ", and her mother, with sudden tenderness, said:" is a clause
    # of its own, as ", and Mr. Sleary, looking up, said" is; its subject is not the "she"
    # of the clause before
    text = ("Lucy Honeychurch sat in the carriage, and Mrs. Honeychurch held the reins. The rain fell.\n\n"
            "Lucy sighed. “Can't we have the hood down?” she demanded, and her mother, with sudden "
            "tenderness, said: “Very well, old lady, stop the horse.”")
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [
        ("Lucy Honeychurch", "she"), ("Mrs. Honeychurch", "her mother")]


def test_a_man_the_text_describes_by_a_compound_noun_is_the_he_after_him_and_no_one_named():
    # Written for this test: "The stationmaster" (a compound of -master, as the policeman
    # is one of -man) is the subject of the sentence before "he said"; he is not named,
    # so his lines are no one's, not Matthew's
    text = ("Matthew Cuthbert drove to the station, and he waited on the platform.\n\n"
            "“I've come for a boy,” said Matthew. “Mrs. Spencer was to bring him.”\n\n"
            "The stationmaster whistled.\n\n“Guess there's some mistake,” he said. “She brought a girl.”")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Matthew Cuthbert", "Matthew Cuthbert", None, None]
    assert "the stationmaster" in quotes[2].speaker_note


def test_who_with_an_aside_before_its_verb_is_the_name_before_it():
    # Written for this test: "who, on looking at the date, exclaimed": the aside between
    # "who" and the verb does not make the sentence's "She" the speaker
    text = ("Anne Elliot sat alone. She heard it from Mary Musgrove, who, on looking at the date, "
            "exclaimed, “Dear me, the Crofts come today!”")
    assert [q.speaker for q in extract_quotes(text)] == ["Mary Musgrove"]


def test_the_agent_of_a_passive_cue_speaks_though_an_adverb_stands_before_the_verb():
    # Written for this test: "he was eagerly opposed by his wife, with “...”": the words
    # are the wife's, as in "Sanders was asked by host Bill Maher, “...”"
    text = ("Charles Musgrove shot every morning, and he was a good-humoured man. Mrs Charles Musgrove was "
            "often ill.\n\nCharles wished to dine out. But in this he was eagerly opposed by his wife, with "
            "“Oh! no, indeed, Charles, I cannot bear to have you go away.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Mrs Charles Musgrove"]


def test_her_sister_is_the_one_unmarried_woman_of_her_family():
    text = ("Elinor Dash and Marianne Dash lived with Mrs. Dash in the cottage. Elinor was calm; she read much. "
            "Marianne was quick; she played much.\n\nMrs. Dash went out.\n\n“Marianne,” said her sister, "
            "“be calm.”\n\n“I cannot,” said Marianne.")
    assert [q.speaker for q in extract_quotes(text)] == ["Elinor Dash", "Elinor Dash", "Marianne Dash"]


def test_a_cue_no_one_can_be_found_for_is_not_given_to_the_last_person_the_narration_names():
    # "her father" names no one the kit can find (Louisa has no family name
    # here); the narration before ends on Louisa, but the quote speaks to her
    text = ("Mr. Gradgrind sat at his desk in the Observatory. Mr. Gradgrind was a man of facts. "
            "Louisa came in; she sat down near the desk.\n\n"
            "“My dear Louisa,” said her father, “I have news for you.”\n\n“Yes, father,” said Louisa.\n\n"
            "“Mr. Bounderby has asked for your hand.”\n\n“Has he?”\n\n“He has. What do you say?”")
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers == ["Mr. Gradgrind", "Mr. Gradgrind", "Louisa", "Mr. Gradgrind", "Louisa", "Mr. Gradgrind"]


def test_a_stranger_is_not_the_one_the_turns_around_him_call_by_name():
    text = ("Mr. Bumble sat by the fire of the inn. Mr. Bumble was a beadle; he was fat. Oliver Twist, the "
            "parish boy, waited on him. Oliver was small; he was pale.\n\n"
            "The door opened, and a tall man in a dark cloak came in and sat down at Mr. Bumble's table.\n\n"
            "“Is this the workhouse town?” asked the stranger.\n\n"
            "“It is, sir,” said Mr. Bumble. “Oliver, bring the gentleman a glass.”\n\n"
            "“I want no glass,” said the stranger. “I want news of a boy.”\n\n“Of what boy?”\n\n“A boy born here.”")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == [None, "Mr. Bumble", "Mr. Bumble", None, None, "Mr. Bumble", None]
    assert quotes[0].speaker_note == "“the stranger” is someone the text has not named yet"


@pytest.mark.parametrize("text, second", [
    ("“Stupid things!” Tom began in a loud voice, but he stopped, for the White Rabbit cried out, “Silence in the court!”",
     "White Rabbit"),
    ("“What trial is it?” Tom panted as he ran; but the Gryphon only answered “Come on!” and ran the faster.",
     "Gryphon"),
    ("“A song, please,” Tom replied, so eagerly that the Gryphon said, in a rather offended tone, “Hm! No accounting "
     "for tastes!”", "Gryphon"),
])
def test_a_later_clause_with_its_own_speaker_and_cue_introduces_the_next_quote(text, second):
    assert [q.speaker for q in extract_quotes(text)] == ["Tom", second]


def test_she_after_a_word_that_opens_the_sentence_is_its_subject():
    # "Then she blew ... and said:" introduces the next paragraph's quote
    text = ("Charlotte Bartlett stood by the window; she was tired. Lucy watched her.\n\n"
            "Then she blew into her gloves and said:\n\n“It will be a push to catch the morning train.”")
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.mention, quote.cue) == ("Charlotte Bartlett", "she", "said")


def test_a_name_made_a_kind_is_no_one_she_can_be():
    # "a Leonardo" is a painting: the woman "she" stands for is not named near
    text = ("Lucy Honey went to Florence, where she saw the works of Leonardo da Vinci.\n\nThe spring passed.\n\n"
            "The summer passed.\n\nThe autumn came.\n\n"
            "Cecil looked at her with new eyes. From a Leonardo she had become a living woman.\n\n"
            "“I never loved you,” she said.")
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.speaker_note) == (None, "no one named before “she” fits")


@pytest.mark.parametrize("text, speaker, cue", [
    ("Ann Birch spoke in Leeds on Monday. Six months ago, she said, the papers thought her a “hopeless "
     "candidate,” making air quotes.", "Ann Birch", "said"),
    ("Tom Redfern was blunt. That Ann Birch misjudged the mayor, having referred to him as a “reformer,” was plain.",
     None, "referred"),
])
def test_a_verb_form_before_a_cue_is_no_speaker(text, speaker, cue):
    # "making air quotes", "having referred": no one is named there, and the note does not say one is
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.cue) == (speaker, cue)
    assert quote.mention in (None, "she") and "making" not in (quote.speaker_note or "") \
        and "having" not in (quote.speaker_note or "")


def test_asked_someone_of_someone_else_is_the_first_one_s_question():
    text = ("Mr. Grimwig came to tea with Mr. Brownlow. Mr. Grimwig was cross.\n\n"
            "“When shall we hear the story?” asked Grimwig of Mr. Brownlow, at the end of the meal.")
    assert extract_quotes(text)[0].speaker == "Mr. Grimwig"


@pytest.mark.parametrize("text, speaker", [
    ("The Queen smiled.\n\n“Who are you talking to?” said the King, going up to Alice, and looking at the head.",
     "the King"),
    ("“We must go,” said the mayor, Tom Redfern.", "Tom Redfern"),
])
def test_what_the_speaker_does_after_the_cue_is_no_apposition(text, speaker):
    # "going up to Alice" says what the King does: Alice is not the speaker
    assert extract_quotes(text)[0].speaker == speaker


def test_a_name_after_a_preposition_under_she_is_not_the_next_she():
    # the sentence's "she" is not Mrs. Vyse (that would be "herself"): the next "she" is Lucy
    text = ("The letter was for Lucy Honey, and it was long.\n\n"
            "She read it twice. She folded it. She put it away. She was glad that a visit to Mrs. Vyse "
            "now fell due.\n\n“Cecil--Cecil darling,” she whispered.")
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.mention) == ("Lucy Honey", "she")
    # a name that is a subject itself may be the next "she"
    text = text.replace("She was glad that a visit to Mrs. Vyse now fell due.",
                        "She was glad when Mrs. Vyse wrote to them.")
    assert extract_quotes(text)[0].speaker == "Mrs. Vyse"


@pytest.mark.parametrize("text, speaker", [
    ("Voters in Leeds were shaken by Police Chief Ann Birch's conclusion that the fire was “almost certainly "
     "deliberate.”", "Ann Birch"),
    ("Ann Birch rejected Tom Redfern’s claim that the council had “lost control of the budget.”", "Tom Redfern"),
])
def test_someone_s_words_named_by_what_they_are_are_that_person_s(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def test_an_unnamed_source_taken_up_again_is_the_same_source():
    text = ("“It will be close,” said a senior Cruz adviser who asked not to be named.\n\n"
            "The campaign has spent heavily in Iowa.\n\n"
            "“I think politicians are practical people,” said the senior Cruz adviser.")
    assert [q.speaker for q in extract_quotes(text)] == ["a senior Cruz adviser"] * 2


@pytest.mark.parametrize("name, title, gender", [
    ("Mlle. Blanche", "Mlle.", "f"), ("Mme. Cominges", "Mme.", "f"), ("Herr Schmidt", "Herr", "m"),
    ("Signora Bianchi", "Signora", "f"), ("Señor Ruiz", "Señor", "m"),
])
def test_courtesy_titles_of_translated_novels_say_gender_and_are_no_part_of_the_name(name, title, gender):
    text = f"{name} came down the stairs. {name} looked tired.\n\n“Good evening,” said {name}."
    person = characters(text)[0]
    assert (person.name, person.titles, person.gender) == (name, (title,), gender)


def test_the_second_part_of_a_quote_takes_the_cue_s_mention_without_its_adverb():
    text = ("The Dodo and the Mouse sat on the bank. The Dodo was wet; the Mouse was wetter.\n\n"
            "“In that case,” said the Dodo solemnly, rising to its feet, “I move that the meeting adjourn.”")
    quotes = extract_quotes(text)
    assert [(q.speaker, q.mention) for q in quotes] == [("Dodo", "the Dodo")] * 2


def test_a_chapter_heading_is_no_person_whatever_its_title_holds():
    text = ("Chapter II: In the Garden with No Guide\n\nLucy Honey walked out. “It is warm,” said Lucy.\n\n"
            "Chapter III: Music, Violets, and the Letter “S”\n\nShe sat down. “Play,” said Lucy Honey.")
    names = [c.name for c in characters(text)]
    assert names == ["Lucy Honey"]


def test_two_names_side_by_side_are_not_one_full_name():
    text = ("Anne Shirley came to the manse. Anne Shirley liked the new minister's wife. "
            "With Mrs. Allan Anne fell in love at once.\n\n“You are welcome,” said Mrs. Allan.\n\n"
            "“Thank you,” said Anne.")
    assert "Allan Anne" not in [c.name for c in characters(text)]
    assert [q.speaker for q in extract_quotes(text)] == ["Mrs. Allan", "Anne Shirley"]


def test_a_people_in_the_plural_is_no_person():
    text = ("Anna Volkova met a Russian at the ball. The Russian bowed. The Russian smiled, and a Russian "
            "sang. Then Siberian Russians cheered.\n\n“Bravo!” said Anna.")
    assert [c.name for c in characters(text)] == ["Anna Volkova"]


def test_vocatives():
    assert vocatives("My dear Mr. Bennet, have you heard? Lizzy, come here.") == ["Mr. Bennet", "Lizzy"]
    assert vocatives("Watson is here.") == []


def test_a_text_is_a_dialogue_when_its_named_turns_change_speaker():
    assert is_dialogue(Signs([("Anne", "Mary"), ("Mary", "Anne")] * 4))
    assert not is_dialogue(Signs([("Anne", "Mary"), ("Mary", "Anne")]))  # too few to tell
    assert not is_dialogue(Signs([("Jane Doe", "Jane Doe")] * 5 + [("Jane Doe", "John Roe")] * 3))


def test_take_turns_reads_the_turns_that_fit_the_rules_best():
    turns = [Turn(1, "Anne", fixed=True), Turn(2, None, fixed=False), Turn(3, None, fixed=False),
             Turn(4, "Mary", fixed=True), Turn(5, None, fixed=False, addressed=("Mary",))]
    # Turns alternate between the two named speakers (A, B, A, B); the last one
    # addresses Mary, who spoke before it: so it is Anne's.
    assert take_turns(turns, lambda name: None) == ["Anne", "Mary", "Anne", "Mary", "Anne"]
    genders = {"Anne": "f", "Tom": "m"}
    turns = [Turn(1, "Anne", fixed=True), Turn(2, "Tom", fixed=True), Turn(3, None, fixed=False, gender="m")]
    # "he said" after Tom's turn: Anne would be next, but she is no "he".
    assert take_turns(turns, genders.get) == ["Anne", "Tom", "Tom"]


def test_a_conversation_no_turn_names_is_left_alone():
    turns = [Turn(1, None, fixed=False), Turn(2, None, fixed=False)]
    assert take_turns(turns, lambda name: None) == [None, None]


# --- the cast -------------------------------------------------------------------------


def test_characters_is_exported_at_the_top_level():
    assert kit.characters is characters and kit.Character is Character


def test_characters_of_a_seed():
    a, b = kit.load_articles()
    cast = {c.name: c for c in characters(b)}
    assert set(cast) == {"Ayatollah Seyyed Ali Khamenei", "Alexander Lukashenko"}
    assert "Ayatollah Khamenei" in cast["Ayatollah Seyyed Ali Khamenei"].short_forms
    assert cast["Alexander Lukashenko"].titles == ("Belarusian President",)


def test_characters_with_titles_short_forms_and_gender():
    text = ("Mr. Sherlock Holmes was seated at the table. Holmes looked up, and he smiled. "
            "Miss Morstan entered the room, and she bowed. We walked to Baker Street in London.")
    cast = {c.name: c for c in characters(text)}
    assert set(cast) == {"Sherlock Holmes", "Miss Morstan"}  # no street, no city
    assert cast["Sherlock Holmes"] == Character("Sherlock Holmes", ("Mr.",), ("Holmes", "Mr. Sherlock Holmes"),
                                                "m", 2)
    assert cast["Miss Morstan"].gender == "f"


def test_a_word_before_a_courtesy_title_is_no_part_of_it():
    """*On Sunday Mrs. Hale came down*: a courtesy title starts a name, so the
    word before it (a time, a word that opens the sentence) is neither a
    title of hers nor where her name starts."""
    text = ("On Sunday Mrs. Hale came down, and she rang for tea. Whereat Mrs. Hale smiled. "
            "Modest Sir Walter said nothing.")
    cast = {c.name: c for c in characters(text)}
    assert cast["Mrs. Hale"].titles == ("Mrs.",)
    assert "Sir Walter" in cast and not any("Modest" in c.name or "Sunday" in c.name for c in cast.values())


def test_a_clause_of_time_after_a_cue_tells_no_gender():
    """*said Harriet, when he came in*: after a cue, a clause of time often
    brings someone else in, so its *he* says nothing of Harriet; where the
    name opens a sentence of narration (*Robert laughed, as he ...*), the
    clause goes on with it."""
    text = ("Captain Frederick Marsh came home from the sea in April. Marsh was a broad man, and he laughed easily.\n\n"
            "“You have grown fat, Frederick,” said Harriet, when he came in.\n\n"
            "Robert Ferrars laughed, as he always did.\n\n“And you, Harriet?” said Robert.")
    cast = {c.name: c for c in characters(text)}
    assert cast["Harriet"].gender is None
    assert cast["Robert Ferrars"].gender == "m"


def test_a_name_in_gutenberg_italics_is_the_same_person():
    """Project Gutenberg's plain texts write italics as _underscores_: the name
    inside them is the name outside them, not a second person called "Smith_"."""
    text = ("_Mr. Smith_ came in. Mr. Smith was tired, and he sat down. "
            "“No,” said Mr. Smith. The _Aurora_ sailed at noon.")
    assert characters(text) == [Character("Mr. Smith", ("Mr.",), ("Smith",), "m", 3)]


def test_windows_line_endings_read_as_the_same_text():
    """A string read without Python's newline translation (a download) ends its
    lines in \\r\\n: a name wrapped across one is still one name, and the
    offsets still point into the string given."""
    lf = ("We had waited an hour in the cold hall when the door opened and a small\n"
          "man came in. It was the twin brother of our host, Mr. Bartholomew\n"
          "Sholto, who had a bald head and a nervous smile that came and went.\n\n"
          "“Come in, come in,” said Bartholomew, rubbing his hands together as if\n"
          "the cold had got into them too, and then he turned to the lady.")
    crlf = lf.replace("\n", "\r\n")
    assert characters(crlf) == characters(lf)
    assert characters(lf)[0].name == "Bartholomew Sholto"
    quote = kit.extract_quotes(crlf)[0]
    assert crlf[quote.start : quote.end] == quote.text == "Come in, come in,"
    assert quote.speaker == "Bartholomew Sholto"


def test_a_place_named_like_a_person_is_no_character():
    """Two capitalised words ending in a word for a place are a place (Saffron Hill),
    unless the text treats them as someone's name; a surname that is also a place
    word (Cross, Woods) keeps its person when the text writes it alone."""
    text = ("Oliver and the Dodger walked up Saffron Hill in the rain. The shops of Saffron Hill "
            "were shut, and Hyde Park was far away.\n\n“Come on,” said the Dodger.\n\n"
            "Richard Cross came in later. “It is late,” Cross said.")
    names = {c.name for c in characters(text)}
    assert "Saffron Hill" not in names and "Richard Cross" in names
    assert [q.speaker for q in kit.extract_quotes(text)][-1] == "Richard Cross"


def test_a_headline_in_title_case_is_no_one_s_name():
    """A headline that opens with a surname (*Nair Stands Tall On Proposal For Ferry
    With Portugal*) is no person: a name writes its small words in lower case."""
    text = ("Nair Stands Tall On Proposal For Ferry With Portugal.\n\nPriya Nair spoke in Harbour Town on "
            "Monday.\n\n“We will build it,” Nair said.")
    assert [c.name for c in characters(text)] == ["Priya Nair"]
    assert [q.speaker for q in kit.extract_quotes(text)] == ["Priya Nair"]


def test_a_building_named_for_a_person_and_a_headline_adjective_are_no_people():
    """*Nair Tower* and *Nair Grand Hotel* are buildings, and *Thin-skinned* in a headline is a
    compound word, not a first name: none of them is a person, so the surname alone (*Nair*)
    is Priya Nair's, not shared between four "people" and given to none of them."""
    text = ("‘Thin-skinned’ Nair quells critics.\n\nPriya Nair owns Nair Tower and the Nair Grand Hotel. "
            "Nair bought the hotel in 1990.\n\n“I never sell,” Nair said.")
    assert [c.name for c in characters(text)] == ["Priya Nair"]
    assert [q.speaker for q in kit.extract_quotes(text)] == ["Priya Nair"]


def test_a_short_scene_names_the_people_who_act_and_who_are_he_or_she():
    """A scene a class reads may write a name only where a sentence starts (*Holmes smiled*), or
    never next to a reporting verb: a name that makes a gesture, or that the narration goes on with
    as *he* or *she*, is a person, so *he said* finds him. A place that does neither stays a place."""
    text = ("We shot past the barges. Holmes smiled with satisfaction.\n\n"
            "“We ought to catch anything on the river,” he said.\n\n"
            "We waited for Pell at the pier. Pell came at last. He was wet through.\n\n"
            "“It rains,” he said.\n\nThey drove to Florence. Florence was hot.")
    cast = {c.name: c for c in characters(text)}
    assert {"Holmes", "Pell"} <= set(cast) and "Florence" not in cast, cast
    assert cast["Pell"].gender == "m"
    assert [q.speaker for q in kit.extract_quotes(text)] == ["Holmes", "Pell"]
    assert characters("Pell came in. Holmes \n") == []  # a name with only spaces after it (hypothesis found it)


def test_a_people_is_no_character():
    """The plural of a word the text uses as a common noun (the Italian, an Italian) names a
    people, not a person: "Italians" took the turns of a dialogue in A Room with a View."""
    text = ("Lucy watched the Italian at the door. The Italian bowed, and an Italian boy ran past.\n\n"
            "“Italians understand,” said Miss Lavish. Italians were everywhere, and Italians laughed.\n\n"
            "“Are you lost?” asked the Italian.\n\n“No,” said Lucy.")
    names = {c.name for c in characters(text)}
    assert "Italians" not in names and {"Lucy", "Miss Lavish"} <= names, names


def test_a_name_suffix_never_starts_a_name():
    """Esq. at the start of a line (or of a run: Charles Smith, Esq. Tunbridge Wells) was a
    character of its own in Persuasion, and Jr. before a surname made a "Jr. Smith"."""
    text = ("Charles Musgrove,\nEsq. of Uppercross, wrote to Charles Smith, Esq. at Bath.\n\n"
            "“Now,” said Jr. Smith.")
    names = {c.name for c in characters(text)}
    assert not [n for n in names if n.startswith(("Esq", "Jr"))] and "Smith" in names, names


def test_i_am_is_no_name():
    text = ("“I’m sure of it,” said Anne Shirley. “I'm--I'm awful sick,” said Diana Barry.\n\n"
            "Dear Anne,\n\nMother says I'm not to play with you. She says I’ll be sorry.")
    assert {c.name for c in characters(text)} == {"Anne Shirley", "Diana Barry"}


def test_a_family_keeps_its_members_apart():
    text = ("Mr. Henry Dashwood died in the spring. Mrs. Henry Dashwood moved to Barton with her daughters. "
            "Mrs. Dashwood was glad of the cottage, and she said so.")
    names = {c.name for c in characters(text)}
    assert "Henry Dashwood" in names and "Mrs. Henry Dashwood" in names


def test_a_wife_called_by_her_husband_s_name_is_neither_him_nor_the_mrs_of_the_family():
    """*Mrs Charles Hale* is Charles Hale's wife when the text calls him "he"; the
    *Mrs Hale* it writes far more often is the elder Mrs Hale; and *Charles*
    alone is Charles Hale, whose surname is his family's, not Charles Dunne,
    whom the text calls Dunne."""
    text = ("Charles Hale came in from the yard, and he shook the rain from his coat. Mrs Charles Hale was "
            "by the fire. Mrs Hale, his mother, was knitting. Mr Hale read. Charles Dunne sat with them, and "
            "Dunne said nothing.\n\n"
            "“It will clear by noon,” said Mrs Hale.\n\n“It will not,” said Charles.\n\n"
            "Mrs Hale smiled at her son.")
    cast = {c.name: c for c in characters(text)}
    assert cast["Charles Hale"].gender == "m" and cast["Mrs Charles Hale"].gender == "f"
    assert "Mrs Hale" in cast
    noon, clear = extract_quotes(text)
    assert (noon.speaker, clear.speaker) == ("Mrs Hale", "Charles Hale")


def test_a_gendered_role_in_apposition_gives_the_gender():
    cast = {c.name: c for c in characters("Maria Lopez and her husband, Carlos, opened the bakery in 1998.")}
    assert cast["Carlos"].gender == "m"
    assert cast["Maria Lopez"].gender is None  # "her husband" alone does not say whose: no vote


def test_two_names_side_by_side_are_no_third_person():
    text = ("Anne Shirley came to Green Gables in June. Mrs. Allan was the minister's wife. "
            "With Mrs. Allan Anne fell in love at once. Anne smiled, and she was happy. "
            "Everyone at church liked Anne Shirley.")
    cast = {c.name: c for c in characters(text)}
    assert "Anne" in cast["Anne Shirley"].short_forms and cast["Anne Shirley"].gender == "f"


def test_a_possessive_or_a_clause_after_a_name_says_nothing_of_its_gender():
    cast = {c.name: c for c in characters("Tom Gradgrind appeared. Her face changed at once.")}
    assert cast["Tom Gradgrind"].gender is None  # "Her face": someone else's
    text = "Marianne thanked him for fetching her mother, Colonel Brandon was invited to stay."
    assert {c.name: c for c in characters(text)}["Brandon"].gender is None  # no apposition


def test_a_person_s_own_head_or_eyes_give_the_gender():
    cast = {c.name: c for c in characters("“Go away,” said Fagin, shaking his head. Fagin was old and tired.")}
    assert cast["Fagin"].gender == "m"


def test_a_person_s_own_head_gives_the_gender_across_a_wrapped_line():
    # Written for this test: a book wraps its lines, here between "his" and "head".
    cast = {c.name: c for c in characters("“Go away,” said Fagin, shaking his\nhead. Fagin was old and tired.")}
    assert cast["Fagin"].gender == "m"
    cast = {c.name: c for c in characters("“Go away,” said Fagin, shaking his\n\nhead. Fagin was old.")}
    assert cast["Fagin"].gender is None  # a paragraph's end is no wrapped line


def test_the_noun_a_copula_gives_a_person_gives_the_gender():
    text = ("“We sail at noon,” said Admiral Croft. Admiral Croft was a very hale, hearty,\n"
            "well-looking man, a little weather-beaten. “So do I,” said Pat Lowe. Pat Lowe was a\n"
            "friend of the woman who kept the inn.")
    cast = {c.name: c for c in characters(text)}
    assert cast["Croft"].gender == "m"  # the phrase after "was a", across a wrapped line
    assert cast["Pat Lowe"].gender is None  # the phrase stops at "of": the woman is someone else


def test_a_line_break_inside_a_paragraph_starts_no_sentence():
    # A book's lines wrap mid-sentence: "Captain Harville." starts a line, but
    # not a sentence, and the next sentence's "She" (the heroine) says nothing
    # of him.
    lines = [
        "“We are in port at last,” said Captain Harville to the whole party, who",
        "had come down to meet him on the steps of the old inn by the harbour.",
        "",
        "Nobody in the room that evening seemed in higher spirits than",
        "Captain Harville.  She felt it keenly, and said nothing to anybody of",
        "what she felt, nor of what she had heard that morning from her sister.",
        "",
        "Captain Harville rose, and he walked to the window and looked out to",
        "the sea, where the boats were coming in one by one before the storm.",
    ]
    cast = {c.name: c for c in characters("\n".join(lines))}
    assert cast["Harville"].gender == "m"


def test_a_name_after_an_opening_phrase_or_a_clause_opener_is_a_subject():
    said = "“Come,” said Freddy. “Go,” said Brittles. “Stay,” said Rose. "
    cast = {c.name: c for c in characters(said + "Unaware of his own profundity, Freddy checked himself.")}
    assert cast["Freddy"].gender == "m"
    cast = {c.name: c for c in characters(said + "It was settled that Brittles was to saddle the pony and betake himself off.")}
    assert cast["Brittles"].gender == "m"
    # the clause alone: a pronoun after its semicolon is someone else's
    cast = {c.name: c for c in characters(said + "It occurred to him that Rose could never die; that graves were "
                                          "for winter, he thought.")}
    assert cast["Rose"].gender is None


def test_a_name_after_a_reporting_verb_is_its_subject_only_after_a_quotation():
    text = ("“Come in,” said Captain Harville. He smiled. “Thank you,” said Captain Benwick. "
            "Anne released Captain Benwick as well as herself.")
    cast = {c.name: c for c in characters(text)}
    assert cast["Harville"].gender == "m"
    assert cast["Benwick"].gender is None  # the object of "released" (a reporting verb in the news)


def test_a_hyphenated_word_at_the_start_of_a_sentence_is_no_name():
    text = ("She was cold-hearted, they said, and cold-hearted she stayed. “Go,” said Elinor. "
            "“Esteem him! Cold-hearted Elinor!” cried Marianne. Elinor smiled, and she went out.")
    assert "Elinor" in {c.name for c in characters(text)}


def test_a_plural_title_before_two_names_is_no_part_of_either():
    text = ("While Captains Harville and Wentworth led the talk, Anne listened. "
            "“We sail at noon,” said Captain Harville. “Not I,” said Captain Wentworth.")
    names = {c.name for c in characters(text)}
    assert "Harville" in names and not any(n.startswith("Captains") for n in names)


def test_a_full_name_said_once_in_a_quotation_takes_no_first_name_of_the_narration():
    # Persuasion: Mary is Mary Musgrove; "Lady Mary Maclean" is an old lady
    # asked after once, with a surname the narration never uses.
    text = ("Mary came in late. “You are late, Mary,” said Anne. Mary sat down, and she sighed. "
            "“Old Lady Mary Maclean?” said Mary. “I need not ask after her.”")
    cast = {c.name: c for c in characters(text)}
    assert "Mary" in cast and cast["Mary"].mentions >= 3
    # but a full name in a quotation with the narration's surname is one of its family
    text = ("Lucy Honeychurch sat by the fire. Mrs. Honeychurch sewed. Freddy came in, and he shouted. "
            "“Let me introduce you, Freddy Honeychurch,” said Lucy. “Hullo,” said Freddy.")
    assert "Freddy" in {c.name: c for c in characters(text)}["Freddy Honeychurch"].short_forms


def _heroine_then_a_quiet_scene(other_speaks_every: int) -> str:
    """Fifty mentions of Anne Elliot, Lady Russell's every ``other_speaks_every``
    turns, then a scene with no one named for ten paragraphs, and “...,” said she."""
    paras = []
    for i in range(25):
        paras.append(f"Anne Elliot walked to the shore on day {i + 1}, and she looked at the sea.")
        paras.append("“The tide is high,” said Anne." + (" Lady Russell nodded, and she smiled."
                                                        if i % other_speaks_every == 0 else ""))
    paras += [f"The evening came on, grey and cold, and the {w} was still." for w in
              ("harbour", "street", "garden", "church", "lane", "square", "field", "wood")]
    return "\n\n".join(paras + ["The fire burned low.", "“I shall not go,” said she."])


def test_she_with_no_one_in_reach_is_the_heroine_the_book_follows():
    # Persuasion calls Anne "she" for pages on end: named three times as often as
    # any other woman (and fifty times at least), she is the one "she" means.
    assert extract_quotes(_heroine_then_a_quiet_scene(3))[-1].speaker == "Anne Elliot"
    # two women named about as often: no heroine, and no guess
    last = extract_quotes(_heroine_then_a_quiet_scene(1))[-1]
    assert last.speaker is None and "fits" in last.speaker_note


def test_a_comment_clause_after_a_name_is_someone_else_s():
    text = ("“Hello,” said Gilbert. Gilbert had ambitions, she knew, and Ruby Gillis did not. "
            "Gilbert laughed, and he ran off.")
    assert {c.name: c for c in characters(text)}["Gilbert"].gender == "m"


def test_words_that_open_sentences_are_no_speakers():
    assert only("Such were the words. “I will come tomorrow,” said Anne.").speaker == "Anne"
    q = only("NEW YORK (Reuters) - Stocks fell on Monday. “It was a bad day,” said trader Tom Hall.")
    assert q.speaker == "Tom Hall"


def test_a_source_in_brackets_after_a_quote_is_named_without_its_full_stop():
    text = "HOW THE RAIN STOPPED “The clouds simply went away after noon, and the sun came out.” [WaPo.]"
    assert only(text).speaker == "WaPo"


def test_an_initialism_stays_inside_the_mention():
    q = only("“We will not move,” a former U.S. law enforcement official said.")
    assert (q.speaker, q.mention) == ("a former U.S. law enforcement official",) * 2


def test_a_book_s_one_admiral_is_the_admiral():
    filler = "The rain went on all afternoon, and nobody came to the house. " * 700  # a book's length
    text = ("Admiral Croft took the house at Kellynch in the spring.\n\n" + filler +
            "\n\n“We shall sail at dawn,” said the Admiral.")
    assert extract_quotes(text)[-1].speaker == "Croft"


def test_a_plural_possessive_ends_a_name():
    # "Sanders’ Jewish faith": the run of capitals stops at the possessive, so the
    # cast holds Sanders, not a person called "Sanders Jewish"
    text = "Staff asked about Sanders’ Jewish faith.\n\n“I ask you as a courtesy,” Sanders said."
    assert extract_quotes(text)[0].speaker == "Sanders"


def test_a_dateline_is_not_the_subject():
    text = ("Washington (AFP) – Democrat Jane Marrow has taken a swipe at her rival, saying that "
            "“loud comments” do more harm than good.")
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.mention) == ("Jane Marrow", "Democrat Jane Marrow")


def test_he_with_no_one_named_near_is_the_one_a_quote_just_spoke_to():
    from kit.quotes.cast import Cast
    from kit.quotes.layout import Layout
    from kit.quotes.marks import find_regions
    from kit.quotes.resolve import Resolver
    from kit.segment import paragraph_spans

    text = ("Mr. Tom Harker and Miss Jane Moss sat by the fire.\n\n“Shall we go in?” said Mr. Harker.\n\n"
            "The night came on.\n\nThe wind rose over the hill.\n\nThe house grew cold.\n\nAn hour went by.\n\n"
            "The rain began.\n\nThe lamps were lit.\n\n“Mr. Harker!”\n\nThe clock struck.\n\n“It has happened,” he repeated.")
    paras = paragraph_spans(text)
    layout = Layout(text, paras, find_regions(text, paras))
    resolver = Resolver(layout, Cast(layout))
    assert resolver.resolve("he", text.rfind("he repeated")).name == "Tom Harker"
    # one who gives his own name is not spoken to: the little man is not "he" for that
    text = text.replace("“Mr. Harker!”", "“Mr. Harker,” said the little man.")
    paras = paragraph_spans(text)
    layout = Layout(text, paras, find_regions(text, paras))
    assert Resolver(layout, Cast(layout)).resolve("he", text.rfind("he repeated")).name is None


def test_a_cue_of_a_clause_joined_by_and_he_is_his():
    text = "Miss Pell had asked Mr. Tom Harker what his profession was, and he had answered “the railway.” She was sorry."
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.mention, quote.cue) == ("Tom Harker", "he", "answered")


@pytest.mark.parametrize("text, mention, speaker", [
    # a clause opened by "when" with no comma runs on into the main clause
    ("When they were out of earshot Miss Pell stopped her wails and said quite briskly: “Have you told him?”",
     "Miss Pell", "Miss Pell"),
    # a modal after "and" shares the subject of the clause before it
    ("It was late when Miss Pell had found her luggage and could say in her usual tone:\n\n“Well, I am ready.”",
     "Miss Pell", "Miss Pell"),
    # a clause with a subject of its own before the cue's
    ("Miss Pell was in the corner. As she groped she murmured: “We must be prepared.”", "she", "Miss Pell"),
    # a time before the subject, with no comma, is no part of it
    ("One day Holmes told me, “It is late.”", "Holmes", "Holmes"),
    ("On Monday Okafor said, “We will build it.”", "Okafor", "Okafor"),
    ("Ruth Okafor spoke. At last Okafor said, “We will build it.”", "Okafor", "Ruth Okafor"),
    ("May Okafor said, “We will build it.”", "May Okafor", "May Okafor"),  # a month with no word before it: a name
])
def test_the_subject_of_a_cue_after_a_clause(text, mention, speaker):
    quote = extract_quotes(text)[0]
    assert (quote.mention, quote.speaker) == (mention, speaker)


def test_a_verb_between_two_names_is_no_role():
    """*State treasurer Maya Lund*: a word between a capitalised word and a name is
    a role. *Lucy met George Emerson*: a verb is not, and the subject is Lucy, not
    the whole sentence (which resolved to George Emerson, the name it ends with)."""
    assert leading_np("Lucy met George Emerson at the gate.") == "Lucy"
    assert leading_np("Okafor attacks Tom Reyes again") == "Okafor"
    assert leading_np("MSNBC host Chris Matthews said it") == "MSNBC host Chris Matthews"
    text = ("Lucy Honeychurch waited at the station with Mr. Beebe.\n\nLucy met George Emerson at the gate."
            "\n\n“You are late,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Lucy Honeychurch"]


# --- the parts, as a student reads them ---------------------------------------------


def test_quote_stays_backward_compatible():
    assert Quote._fields[-1] == "speaker_note"
    old = Quote("We won.", 1, 8, "Jane Doe", "said", 0, "Jane Doe", None)  # as built before issue 11
    assert old.speaker_note is None and old.complete


@pytest.mark.parametrize("module", sorted(m.name for m in pkgutil.iter_modules(kit.quotes.__path__)))
def test_every_step_module_lists_public_names_only(module):
    mod = importlib.import_module(f"kit.quotes.{module}")
    assert mod.__all__ and not [n for n in mod.__all__ if n.startswith("_")]
    assert all(hasattr(mod, n) for n in mod.__all__)
    assert mod.__doc__ and len(mod.__doc__) > 80


def test_the_reporting_verbs_are_derived_not_hand_picked():
    path = Path(kit.__file__).parent / "quotes" / "reporting_verbs.txt"
    header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any("derive_reporting_verbs.py" in line for line in header)
    verbs = reporting_verbs()
    assert {"said", "told", "wrote", "boasted", "stated", "shouted", "cried", "replied"} <= verbs
    assert not {"the", "he", "statement", "doctor"} & verbs  # no stopwords, no nouns


def test_a_surname_alone_and_with_its_one_courtesy_title_are_one_person():
    # Written for this test: the narration says "Giles" and "Mr. Giles" of one butler.
    text = ("Mr. Giles came down the stairs with a lantern. “Who is there?” said Mr. Giles. "
            "Giles raised the lantern, and he listened. “Nobody,” said Brittles. "
            "“Then go to bed,” said Giles. Mr. Giles went back to the pantry.")
    cast = {c.name: c for c in characters(text)}
    assert "Giles" not in cast and cast["Mr. Giles"].short_forms == ("Giles",) and cast["Mr. Giles"].mentions == 5
    assert {s.speaker for s in kit.speakers(text)} == {"Mr. Giles", "Brittles"}
    # the form written more often names the person
    text = ("Fagin laughed. “Come here,” said Fagin. Mr. Fagin was pleased, and he rubbed his hands. "
            "“Good boy,” said Fagin to Oliver.")
    assert "Mr. Fagin" in {c.name: c for c in characters(text)}["Fagin"].short_forms


def test_a_surname_with_titles_of_both_genders_or_of_office_stays_apart():
    # Mr. and Mrs. Bumble: "Bumble" alone may be either; Admiral Croft is not Mrs Croft.
    text = ("Mr. Bumble came in. Mrs. Bumble frowned at him, and she sighed. Bumble sat down. "
            "“Sit up,” said Bumble. Admiral Croft walked in with Mrs Croft. “Well,” said Admiral Croft. "
            "“Indeed,” said Mrs Croft, and she smiled. Croft laughed.")
    names = {c.name for c in characters(text)}
    assert {"Mr. Bumble", "Mrs. Bumble", "Mrs Croft"} <= names
    assert "Croft" in names  # the admiral: a title of office, no courtesy title


def test_a_word_mostly_written_after_of_is_a_place():
    # Written for this test: a town is named "of Coketown" more often than not; a
    # person now and then "of Bitzer", but mostly on his own.
    text = ("The chimneys of Coketown smoked. “Work,” said Bitzer. The people of Coketown worked. "
            "Coketown was red and black. “More work,” said Bitzer. The mills of Coketown hummed. "
            "The face of Bitzer was pale. Bitzer smiled, and he said Coketown was a busy place.")
    names = {c.name for c in characters(text)}  # (a reporting verb next to it: evidence of a person)
    assert "Bitzer" in names and "Coketown" not in names


def test_a_full_name_after_a_place_preposition_is_still_a_name_when_the_text_writes_it_as_one():
    # Written for this test: "near Jane Andrews", "from Jane Andrews" are a person, as
    # "Jane Andrews was her friend" and "said Jane" show, not a place "Jane" and a
    # surname "Andrews" that the text writes after prepositions; so "Jane" is hers,
    # not the one other full name with "Jane" in it (Flora Jane)
    text = ("Mrs. Spencer had brought her daughter. “Flora Jane, put the kettle on,” said Mrs. Spencer.\n\n"
            "At school Anne sat near Jane Andrews. A note came from Jane Andrews, and Anne looked at "
            "Jane Andrews and laughed. Jane Andrews was her friend, and Jane Andrews knew it. "
            "Jane Andrews sat down.\n\n“I wrote it,” said Jane.")
    cast = {c.name: c for c in characters(text)}
    assert cast["Jane Andrews"].short_forms == ("Jane",) and cast["Jane Andrews"].mentions == 7
    assert [q.speaker for q in kit.extract_quotes(text)] == ["Mrs. Spencer", "Jane Andrews"]


def test_a_word_capitalised_only_after_an_opening_mark_is_no_name():
    # Written for this test: "Come," opens quotations (once after "added", not a
    # sentence's start), and the text writes "come" in lower case far more often.
    text = ("“Come, there’s no use in crying,” said Alice. The Gryphon added “Come, let’s hear it.” "
            "“Come, we shall have some fun now!” said the Hatter. She would come back; they would come "
            "too; the cat had come and gone; come what may, she thought, and come to that, she would come.")
    names = {c.name for c in characters(text)}
    assert "Alice" in names and "Come" not in names


def test_mr_and_a_surname_is_the_one_man_of_that_surname():
    # Written for this test: a husband named in full once, his wife addressed in
    # full ("Loo Bounderby") and of no gender the text shows.
    text = ("Josiah Bounderby was rich, and he was proud of it. Mr. Bounderby stood by the fire. "
            "“Don’t you know it, Loo Bounderby?” said Mr. Bounderby. “I know it,” said Louisa. "
            "Mr. Bounderby went out.")
    cast = {c.name: c for c in characters(text)}
    assert "Mr. Bounderby" in cast["Josiah Bounderby"].short_forms and "Mr. Bounderby" not in cast
    assert kit.extract_quotes(text)[0].speaker == "Josiah Bounderby"


def test_a_surname_alone_is_the_man_of_it_when_its_one_full_name_is_a_woman_s():
    # Written for this test: a circus master and his daughter. The narration calls
    # him "Sleary" and "Mr. Sleary", her "Miss Josephine Sleary" and "Josephine";
    # "Sleary, shaking his head" shows that the surname alone is a man's.
    text = ("Miss Josephine Sleary rode the white horse round the ring. Mr. Sleary stood in the middle.\n\n"
            "“Well done, my dear!” said Sleary, shaking his\nhead. Josephine bowed.\n\n"
            "“Thank you, father,” said Josephine.\n\n“Now the ponieth,” said Sleary.")
    cast = {c.name: c for c in characters(text)}
    assert cast["Mr. Sleary"].short_forms == ("Sleary",) and cast["Mr. Sleary"].mentions == 3
    assert "Sleary" not in cast["Josephine Sleary"].short_forms
    assert [q.speaker for q in kit.extract_quotes(text)] == ["Mr. Sleary", "Josephine Sleary", "Mr. Sleary"]
    # with nothing to show whose the bare surname is, it stays the one full name's
    text = text.replace(", shaking his\nhead", "")
    assert "Sleary" in {c.name: c for c in characters(text)}["Josephine Sleary"].short_forms


def test_and_he_with_a_verb_alone_goes_on_with_the_subject():
    # "she knew," between commas is a comment clause (someone else); "and he smiled." is not
    cast = {c.name: c for c in characters("“Come in,” said Holmes. Holmes rose, and he smiled.")}
    assert cast["Holmes"].gender == "m"
    cast = {c.name: c for c in characters("“Well,” said Gilbert. Gilbert had ambitions, she knew, and more.")}
    assert cast["Gilbert"].gender is None


def test_a_common_word_opening_a_sentence_is_no_subject_even_when_a_name_holds_it():
    # The text has a Mr. Someone Something, but "Something warned Lucy" is about no one
    # ("something" is written in lower case far more often), so "he" stays George.
    text = ("Mr. Eager said that Mr. Someone Something lived up the hill. Lucy thought something was odd, "
            "and something else was odder, and something about the hill was oddest of all.\n\n"
            "George Emerson stood on the bridge above the river.\n\n"
            "“They have gone,” George said.\n\n"
            "Something warned Lucy that she must stop him.\n\n"
            "“It has happened,” he repeated.")
    assert [q.speaker for q in extract_quotes(text)] == ["George Emerson", "George Emerson"]


def test_a_clause_after_the_second_part_of_a_quote_is_not_its_attribution():
    text = ("“In other news,” Tom Reed wrote on Monday, “the mayor backs the mayor,” after harbour "
            "spokesman Ann Birch praised her.")
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Reed", "Tom Reed"]
    q = only("Ann Birch said she voted no because “they put too much in that bill,” including rules she said "
             "would hurt farmers.")
    assert (q.speaker, q.mention) == ("Ann Birch", "Ann Birch")


def test_a_party_tag_ties_a_senator_to_a_state_and_a_party():
    q = only("Sen. Ann Birch (D-Vt.) and Sen. Tom Reed (R-Fla.) met.\n\n“It is hard,” said the Florida senator.")
    assert (q.speaker, q.mention) == ("Tom Reed", "the Florida senator")
    q = only("Sen. Ann Birch, D-Vt., and Sen. Tom Reed, R-Fla., met.\n\n“It is hard,” said the Vermont senator.")
    assert q.speaker == "Ann Birch"
    q = only("Sen. Ann Birch (D-Vt.) and Sen. Tom Reed (R-Fla.) met.\n\n“It is hard,” said the Ohio senator.")
    assert q.speaker is None  # no one from Ohio: never a guess


def test_a_lead_in_from_a_source_with_a_colon_names_it():
    q = only("From Ann Birch’s Facebook post: “For the sake of the harbour, we must move on.”")
    assert (q.speaker, q.mention) == ("Ann Birch", "Ann Birch’s Facebook post")
    q = only("More from Birch and Reed: “Our data show both issues were in play.”")
    assert q.speaker == "Birch and Reed"
    q = only("Tom Reed spoke first. From the start: “We must move on.”")
    assert q.mention != "the start"  # a time, not a source


def test_someone_calling_a_named_person_something_is_quoted():
    q = only("Ann Birch, hoping to win the harbour seat, called Reed a “petulant child” who's acting alone.")
    assert (q.text, q.speaker) == ("petulant child", "Ann Birch")
    assert extract_quotes("Critics called it a “cash for access” scheme.") == []  # a modifier of "scheme"


def test_he_who_answers_a_question_put_to_him_by_name_is_the_one_asked():
    # Written for this test: Freddy is the nearer subject, but the question was put to Mr. Beebe
    text = ("Freddy came out of the house. He had been asleep.\n\n“Hullo,” said Freddy.\n\n"
            "Mrs. Honeychurch toiled up the garden towards Mr. Beebe and her son.\n\n"
            "“Have you heard?” she shouted. “Oh, Mr. Beebe, have you heard the news?”\n\n"
            "Freddy whistled the wedding march. He was full of geniality.\n\n"
            "“Indeed I have!” he cried.")
    assert extract_quotes(text)[-1].speaker == "Mr. Beebe"
    # a question that names no one of that gender leaves "he" to its own reading
    text = text.replace("Oh, Mr. Beebe, have", "Oh, Lucy, have")
    assert extract_quotes(text)[-1].speaker == "Freddy"


def test_a_name_after_a_verb_or_a_preposition_is_no_vocative():
    # Written for this test: "Is Mr. Edward Ferrars," asks about him, it does not call him,
    # so the reply is her brother's, not his
    text = ("Elinor sat with her brother, John Dashwood. He was in high spirits.\n\n"
            "“You look well,” said Elinor.\n\n“I am very well,” said John Dashwood.\n\n“And Fanny?”\n\n"
            "“Quite well.”\n\n“Is Mr. Edward Ferrars,” said Elinor, “going to be married?”\n\n"
            "“It is not actually settled, but there is such a thing in agitation.”")
    assert extract_quotes(text)[-1].speaker == "John Dashwood"


def test_a_verb_of_going_reports_no_words():
    # Written for this test: "went" attributes only in "went on"; a title inside a
    # noun phrase after it is a title, as it is with no verb before it
    assert extract_quotes("After the news went viral, the “Harbour Lights” star posted a long message.") == []
    assert only("Asked about it, Reed went on: “We must move on.”").cue == "went on"


def test_news_keeps_the_phrases_it_quotes_inside_its_sentences():
    # The story case in quote_cases.json drops these phrases: its turns alternate.
    # An article's do not, and in news such a phrase is a source's words.
    found = extract_quotes("The council's report warned of the “dreadful state of the roads,” and Mayor Ann Birch "
                           "said the repairs would start in May.")
    assert [q.text for q in found] == ["dreadful state of the roads,"]


def test_an_exclamation_or_an_ordinary_word_opening_the_narration_is_no_speaker():
    # "Alas!" is a call, not a subject; "Which" opens a sentence but the text writes
    # it in lower case. Neither is someone who speaks, nor is the next turn theirs.
    text = ("Nobody knew which way the thieves had gone, or which of them had the purse, or which street "
            "they had taken.\n\nAlas! the white house was empty, and there was a bill in the window. “To Let.”\n\n"
            "“Silence there!”\n\n“What is this?”\n\n“A pick-pocketing case.” Which so tickled the crowd that they laughed.")
    assert [q.speaker for q in extract_quotes(text)] == [None, None, None, None]


def _story(tail: str) -> str:
    """Ten alternating named turns (a story, as kit.quotes.dialogue.turns_alternate reads one), then ``tail``."""
    turns = "\n\n".join(f"“{w},” said {who}." for w, who in zip("Yes No Now Then So Well Here There Up Down".split(),
                                                                ["Tom", "Nell"] * 5))
    return "Tom Birch met Nell Gray at the gate.\n\n" + turns + "\n\n" + tail


def test_a_story_leaves_out_the_letter_it_copies_out_and_keeps_its_turns():
    letter = "“Dear Nell,”\n\n“I shall be home on Friday.”\n\n“Ever yours,”\n\n“Ann.”\n\n“Friday!” said Nell."
    assert [q.text for q in extract_quotes(_story(letter))][-2:] == ["Down,", "Friday!"]
    austen = "“My dear Nell,--The hens are laying again. Yours affectionately,”\n\n“Friday!” said Nell."
    assert [q.text for q in extract_quotes(_story(austen))][-2:] == ["Down,", "Friday!"]


def test_a_salutation_in_speech_is_no_letter():
    # spoken with a cue, broken off (“My dear Nell--”), or “Dear me,”: turns, not a letter's lines
    for tail, said in [("“Dear Nell,” said Tom.\n\n“I shall be home on Friday.”", "Dear Nell,"),
                       ("“My dear Nell--”\n\n“I shall be home on Friday.”", "My dear Nell--"),
                       ("“Dear me,”\n\n“I shall be home on Friday.”", "Dear me,")]:
        texts = [q.text for q in extract_quotes(_story(tail))]
        assert texts[-2:] == [said, "I shall be home on Friday."], tail


def test_news_keeps_the_letter_it_quotes():
    # A letter in an article is a source's words: PolNeAR annotates them, and the kit keeps them.
    text = ("Mayor Ann Birch wrote to the council on Monday.\n\n“Dear colleagues,”\n\n“The harbour will close in May.”\n\n"
            "“Yours sincerely,”\n\n“Ann Birch.”")
    assert "The harbour will close in May." in [q.text for q in extract_quotes(text)]


def test_the_subject_after_a_semicolon_is_the_cues():
    # A semicolon joins two clauses, each with its own subject; a clause with none
    # shares the sentence's.
    q = only("Louisa Gray and Ann Birch went out; Tom Reed, stirring his tea as he stood, went on: “We must go home.”")
    assert (q.speaker, q.mention) == ("Tom Reed", "Tom Reed")
    q = only("Tom Reed bowed; and advancing to the desk, said, “That is my name.”")
    assert q.speaker == "Tom Reed"


def test_the_subject_of_a_clause_joined_by_a_conjunction_is_the_cues():
    # ", and X, looking up, said" and "when X stopped, ..., and cried": the clause's own subject
    q = only("Ann Birch smiled, and Tom Reed, looking up from his paper, said: “We must go home.”")
    assert q.speaker == "Tom Reed"
    q = only("Ann Birch and Tom Reed reached the church, and were about to go in when Ann Birch stopped, "
             "squeaked, flung up her arms, and cried: “The tickets!”")
    assert q.speaker == "Ann Birch"


def test_a_lead_in_that_ends_with_a_dash_after_its_cue_names_the_speaker():
    # "said--" is a cue and a dash (a novel's lead-in), after a clause of its own
    text = ("Ann Birch and Tom Reed read the letter.\n\nIt could not be read without putting Tom in a glow; "
            "and Ann Birch, observing the colour in his face, said--\n\n“The language is rude.”")
    assert only(text).speaker == "Ann Birch"
    text = ("Ann Birch and Tom Reed sat by the fire.\n\nThus the hour crept away, and at last Ann Birch rose "
            "with a sigh, and said--\n\n“It is late.”")
    assert only(text).speaker == "Ann Birch"


def test_he_or_she_after_a_sentence_reported_by_someone_is_that_reporter():
    """A news sentence that ends its report with *said X* (*And Reyes, said Omar Haddad, ...,
    never forgets a slight.*) is X's: the *he said* after it goes on with X, not with the
    sentence's grammatical subject (Reyes), nor with the last person the text named before."""
    text = ("Tom Reyes has run the council for ten years.\n\nAnd Reyes, said Omar Haddad, an engineer with the "
            "city, never forgets a slight. “If you cross him, you only get one chance,” he said.\n\nRoads will "
            "be fixed by May, said Lena Ortiz, who chairs the works committee. “We have the money now,” she said.")
    assert [q.speaker for q in kit.extract_quotes(text)] == ["Omar Haddad", "Lena Ortiz"]


def test_a_long_clause_before_a_comma_is_no_description_in_apposition():
    """*The woman who started it all identified herself ... as a 52-year-old Salem, N.H., nurse*:
    the clause goes on past its noun phrase, so *N.H.* after the comma is no name in apposition
    to *the woman*. She is the sentence's subject, whom the text does not name, and *she said*
    is her, not the man named before."""
    text = ("“It was rude,” wrote Tom Birch in the Ledger.\n\nThe woman who started it all identified herself "
            "to reporters as a 52-year-old Salem, N.H., nurse named Carol.\n\n“He truly cares about people,” she said.")
    quotes = kit.extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Tom Birch", None]
    assert "the woman" in quotes[1].speaker_note
    # a short description before a comma still takes the name after it
    assert only("A spokesman for the Reed campaign, Brian Fallon, said: “We are ready.”").speaker == "Brian Fallon"


def test_a_lead_in_that_opens_with_its_cue_reads_the_name_whatever_the_spaces_between():
    """*Stated Lucy Gray, the mayor:* with two spaces between the words (a copy from a PDF, a fuzzer
    found it) raised ValueError: the name, read with single spaces, was looked for as written."""
    q = only("It was late. Stated  Lucy  Gray, the mayor:\n\n“We will win.”")
    assert (q.speaker, q.cue) == ("Lucy Gray", "Stated")


def test_a_lead_in_may_end_with_a_comma_or_with_its_cue():
    # Dickens: the paragraph before ends with the cue and the manner of it, and a comma
    for lead in ["Upon this, Tom Reed crossed over; and walking close up to Ann, said,",
                 "Tom Reed rubbed his hands together, and said, in his most conciliatory tone,",
                 "Tom Reed started up in preparation for going, and said"]:
        q = only(f"Ann Birch and Tom Reed met at the gate.\n\n{lead}\n\n“Hullo, my covey!”")
        assert (q.speaker, q.cue) == ("Tom Reed", "said"), lead
    # a sentence that goes on after its verb, or has none, introduces nothing
    q = only("Ann Birch and Tom Reed met at the gate.\n\nTom Reed went home, and Ann was sad,\n\n“Hullo, my covey!”")
    assert q.cue is None


def test_the_one_heard_saying_it_is_the_speaker():
    q = only("Ann Birch sat with Tom Reed and Jane Gray.\n\nAnn Birch then heard Tom Reed say, in a low voice to Jane, "
             "“Some people cannot bear a party.”")
    assert (q.speaker, q.mention) == ("Tom Reed", "Tom Reed")
    # a description written with a capital, as a fable names its animals
    q = only("Alice sat on the bank.\n\nShe did not think it odd to hear the Rabbit say to itself, “I shall be late!”")
    assert q.mention == "the Rabbit"


def test_an_ordinary_word_opening_the_sentence_is_no_speaker():
    # "All" is capitalised because it opens the sentence: no one in the text is called so
    text = ("The Queen and Alice went out to the croquet-ground.\n\nAll the time they were playing the Queen never "
            "left off quarrelling with the other players, and shouting “Off with his head!” at every turn.")
    assert only(text).speaker != "All"
    # but a surname that is also a word is its person's
    q = only("The columnist George Will wrote about the race.\n\nWill said, “It is over.”")
    assert q.speaker == "George Will"


def test_a_preposition_or_a_clause_word_opening_the_sentence_is_no_subject():
    # "About" opens a phrase of time, as "Because" or "Whenever" open a clause: the
    # subject, and the one who speaks, is the name after its comma
    text = ("Elinor sat by the fire, and Mrs. Jennings sewed.\n\nAbout the third morning after that, Mrs. Jennings "
            "came in and began at once, by saying,\n\n“Lord! have you heard the news?”")
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [("Mrs. Jennings", "Mrs. Jennings")]


def test_he_after_a_sentence_about_a_persons_face_is_that_person():
    text = ("“Not at all,” said Tom Reed.\n\n“No,” replied Mr. Limbkins; “take something less.”\n\n"
            "Mr. Gamfield's countenance brightened, as, with a quick step, he returned to the table, and said, "
            "“What'll you give?”")
    assert extract_quotes(text)[-1].speaker == "Mr. Gamfield"


def test_an_epithets_holder_does_not_change_with_the_hash_seed():
    # Ann and Bob are in both scenes where "the doctor" speaks, so they tie; the
    # third use names no one, and takes the holder. The tie goes to the one the
    # scene names first, in every process, whatever Python's hash seed.
    import os
    import subprocess
    import sys

    code = ("from kit.quotes.epithets import Use, name_descriptions\n"
            "uses = [Use('the doctor', ('Ann', 'Bob'), frozenset())] * 2 + [Use('the doctor', (), frozenset())]\n"
            "print(name_descriptions(uses, {}.get))")
    root = str(Path(__file__).resolve().parent.parent)
    found = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
                            env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": root}).stdout.strip()
             for seed in range(8)}
    assert found == {"['Ann', 'Ann', 'Ann']"}


def test_a_description_the_text_uses_for_several_people_is_no_ones_epithet():
    # Each evening a stranger brings a parcel while a different gentleman sits
    # with Miss Gray: "the man" is whoever comes to the door, not the one man the
    # scene names, so it gets no speaker; "the girl" is Miss Gray's epithet.
    pause = "\n\n".join(["The rain went on all week."] * 13)

    def evening(host: str) -> str:
        return (f"{host} sat by the fire with Miss Gray.\n\n“Is it late?” said Miss Gray.\n\n"
                f"“Nearly nine,” said {host}.\n\nThere was a knock, and a man came in out of the rain.\n\n"
                f"“A parcel for the house,” said the man.\n\n“Put it on the table,” said the girl.\n\n"
                f"“Thank you,” said {host}.")

    text = f"\n\n{pause}\n\n".join(evening(host) for host in ("Mr. Reed", "Mr. Hale", "Mr. Cole"))
    quotes = extract_quotes(text)
    parcels = [q for q in quotes if q.text.startswith("A parcel")]
    assert [q.speaker for q in parcels] == [None] * 3
    assert parcels[0].speaker_note == ("“the man” is not one person's epithet: the text uses it for several "
                                       "(Mr. Reed, Mr. Hale and Mr. Cole)")
    assert {q.speaker for q in quotes if q.text.startswith("Put it")} == {"Miss Gray"}


def test_was_the_reply_is_a_cue_and_keeps_its_quote():
    # "“...,” was the reply" was read as a short phrase inside the narration and
    # dropped; it is a line of dialogue, whoever the turns say answered
    text = ("Mr. Limbkins sat at the head of the table.\n\n“Three pounds ten,” said Gamfield.\n\n"
            "“Not a farthing more,” was the firm reply of Mr. Limbkins.\n\n“Then four,” said Gamfield.\n\n"
            "“No,” was the reply.\n\n“It is late,” had been Gamfield's answer, “and I am going.”")
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["Three pounds ten,", "Not a farthing more,", "Then four,", "No,",
                                        "It is late,", "and I am going."]
    assert [q.cue for q in quotes[1:5:3]] == ["was the firm reply", "had been Gamfield's answer"]
    assert quotes[1].speaker == "Mr. Limbkins" and quotes[3].cue == "was the reply"
    assert quotes[4].speaker == "Gamfield"
    corrected = extract_quotes("Lucy sat down.\n\n“Not ‘abominably,’” was the gentle correction.")
    assert [(q.text, q.cue) for q in corrected] == [("Not ‘abominably,’", "was the gentle correction")]


def test_short_speech_that_breaks_off_or_opens_its_paragraph_is_a_quote():
    # Two or three words are no quotation by their length alone; these were
    # dropped as phrases of the narration, though each is a line of dialogue
    text = ("Lucy sat by the window with her mother.\n\n“I should have--” She checked herself.\n\n"
            "“We mothers--” simpered Mrs. Honeychurch.\n\n“Very well,” said this gentleman, smiling.\n\n"
            "She liked a “rather dull” novel best.")
    assert [q.text for q in extract_quotes(text)] == ["I should have--", "We mothers--", "Very well,"]


def test_what_a_look_seems_to_say_is_no_line_of_a_story():
    turns = "".join(f"“{w}?” said Anne.\n\n“{w},” said Harville.\n\n" for w in ("Yes", "No", "Now", "Then", "So"))
    look = "Harville smiled, as much as to say, “Do you claim that for your sex?”\n\n“I do,” said Anne."
    assert [q.text for q in extract_quotes(turns + look)][-2:] == ["So,", "I do,"]
    # news reports the look as its message, and PolNeAR annotates it so
    news = "The senator rolled his eyes as if to say, “Not again.” Aides said the vote would wait."
    assert [q.text for q in extract_quotes(news)] == ["Not again."]


def test_a_person_named_only_in_a_comparison_is_not_he():
    text = "Mrs. Sparsit stood behind a tree, like Robinson Crusoe in his ambuscade.\n\n“My dearest love,” said he."
    q = only(text)
    assert (q.speaker, q.speaker_note) == (None, "no one named before “he” fits")


def test_he_after_a_quote_of_his_paragraph_is_its_speaker_though_the_cast_gives_no_gender():
    text = ("Alice sat with the Hatter and the March Hare.\n\n“Two days wrong!” sighed the Hatter. "
            "“I told you butter wouldn't suit the works!” he added, looking angrily at the March Hare.")
    assert [q.speaker for q in extract_quotes(text)] == ["Hatter", "Hatter"]


def test_an_adverb_before_the_cue_is_no_mention():
    # "soon" stood as the speaker's mention ("soon added"); it is the sentence's "She"
    q = only("Mrs Smith was sad. She shook it off, and soon added in a different tone--\n\n“I do not suppose it.”")
    assert (q.mention, q.speaker) == ("She", "Mrs Smith")


def test_a_description_written_at_one_cue_is_not_read_from_its_scenes():
    # The prisoner tells his story in turns that answer Mr. Reed, and the text
    # names him only once, at the end ("asked the prisoner"). The turns of the
    # story are his, but nothing ties "the prisoner" to a name: Inspector Hale,
    # who is in the scene, is not him. (The Sign of the Four's Small, read as
    # Athelney Jones for 53 quotes.)
    talk = "".join(f"“{a}?” said Mr. Reed.\n\n“{b},” said Inspector Hale.\n\n"
                   for a, b in (("Is it late", "Nearly nine"), ("Where is the box", "In the river"),
                                ("Can we find it", "Perhaps")))
    text = ("Inspector Hale sat by the table, and Mr. Reed stood at the window.\n\n" + talk +
            "They had brought the prisoner in, and he sat down.\n\n"
            "“We sailed from the island in the spring, three of us and the boy. The boat was small.”\n\n"
            "“Go on,” said Mr. Reed.\n\n"
            "“On the ninth night we saw the lights of the town, and we landed the box in the dark.”\n\n"
            "“And then?” said Mr. Reed.\n\n"
            "“We hid it under the mill, and the boy ran off, and that was the end of us.”\n\n"
            "“Thank you,” said Mr. Reed.\n\n"
            "“Is there anything else you would like to ask?” asked the prisoner.\n\n"
            "“No,” said Inspector Hale.")
    told = [q for q in extract_quotes(text) if q.text.startswith(("We ", "On the", "Is there"))]
    assert len(told) == 4
    assert [q.speaker for q in told] == [None] * 4
    assert told[0].speaker_note == "the text calls this speaker “the prisoner” at one cue only, and names no one"


def test_he_may_be_a_man_the_text_only_describes():
    # Written for this test. "He" is the man the sentence before describes, or the
    # one who just spoke as "the little man", not Mr. Reed, named further back:
    # a reader never takes him for Mr. Reed. The text names neither man, so the
    # quotes get no speaker, and the note says whom "he" stands for. (In The
    # Sign of the Four, "he" was read as Holmes for Thaddeus Sholto's turns.)
    text = ("Mr. Reed waited by the gate for an hour, and he grew cold.\n\n"
            "At last a carriage stopped. The old gentleman looked at the house for a long while. "
            "“You are late,” he said.\n\n"
            "“I am here now,” said the little man, smiling. “Come in,” he added.")
    late, here, come = extract_quotes(text)
    assert (late.mention, late.speaker) == ("he", None)
    assert late.speaker_note == "“he” is “the old gentleman”, whom the text does not name"
    assert here.speaker is None and come.mention == "he" and come.speaker is None
    assert come.speaker_note == "“he” is “the little man”, whom the text does not name"
    # a woman described is no "he": the pronoun goes on past her to Mr. Reed
    woman = text.replace("The old gentleman", "The old lady")
    assert extract_quotes(woman)[0].speaker == "Mr. Reed"


def test_a_speaker_may_go_on_after_narration_that_ends_the_paragraph():
    # Written for this test. Mr. Reed's paragraph goes on with narration after his
    # quote, and the next paragraph, with no cue, is his again: in the novels of
    # PDNC the speaker goes on 30% of the time after such a paragraph, ten times
    # as often as after a paragraph that ends with its quote. Before, the rule
    # that a new paragraph is a new speaker gave it to Miss Gale, who then
    # asked her own question.
    text = ("Mr. Reed went to Samuel Hale's shop and not to Walter Price's, for he hoped to be "
            "served by Samuel himself. But the girl at the counter was Miss Jane Gale.\n\n"
            "Miss Gale had heard that Mr. Reed was odd. She now thought him mad.\n\n"
            '"We only keep seed in the spring," said she coldly. "We have none now."\n\n'
            '"Oh, of course--of course--just as you say," said poor Mr. Reed, picking up his hat '
            "and making for the door. At the door he remembered that he had not paid, and he turned "
            "back. While Miss Gale was counting out his change he made one last try.\n\n"
            '"Well now--if it is no trouble--I might as well look at--at--some tea."\n\n'
            '"Green or black?" asked Miss Gale.\n\n'
            '"Oh--well now--black," said Mr. Reed.\n\n'
            '"There is a chest of it over there," said Miss Gale. "It is the only kind we have."\n\n'
            '"I\'ll--I\'ll take a pound of it," said he.')
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers[2:5] == ["Mr. Reed", "Mr. Reed", "Jane Gale"]


def test_a_subheading_in_single_marks_is_no_quotation():
    # Written for this test. American papers set a quote in a headline in single
    # marks; over a section it names the section, and the text below gives the
    # words again with who said them.
    text = ("Dana Pierce spent the week in Harbour Town, where her campaign opened three offices.\n\n"
            "‘A fight from start to finish.’\n\n"
            "“This is a fight from start to finish,” Pierce told the crowd on Friday. "
            "“We will knock on every door.”\n\n"
            "Her rival, Tom Ames, said he was not worried. “The voters know me,” he said.")
    quotes = extract_quotes(text)
    assert quotes[0].text.startswith("This is a fight")
    assert [q.speaker for q in quotes] == ["Dana Pierce", "Dana Pierce", "Tom Ames"]
    # where single marks are the text's own quotation marks, the same paragraph is
    # a quote like any other (British style)
    british = text.replace("“", "‘").replace("”", "’")
    assert extract_quotes(british)[0].text == "A fight from start to finish."


def test_a_label_of_one_word_and_a_colon_is_no_quotation():
    # Written for this test. A web page sets a label over its list of links in
    # marks: it introduces what follows, and no one says it.
    text = ("“We will knock on every door,” Dana Pierce told the crowd on Friday.\n\n"
            "\"Related:\"\n\n"
            "Harbour Town Council Passes Its Budget.\n\n"
            "Her rival, Tom Ames, said he was not worried. “The voters know me,” he said.")
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ("We will knock on every door,", "Dana Pierce"), ("The voters know me,", "Tom Ames")]


def test_the_subject_of_a_reported_clause_that_goes_on_past_the_quote_is_no_speaker():
    # Written for this test. "the U.S." follows the verb, but the clause it opens
    # goes on after the quoted word: it says what the U.S. needed, not who spoke.
    text = ("Ann Lee spoke in Ohio on Monday.\n\n"
            "The front-runner and former secretary of state said the U.S. “clearly” needed a new plan.")
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.mention) == ("clearly", None)
    assert quote.speaker is None


def test_an_excerpt_that_opens_mid_scene_names_he_a_little_later():
    # a passage cut from a book: nothing before "he" says who he is; a reader reads on
    text = ("“I am sorry I have given you a shock,” he said dryly.\n\n"
            "“Not that. But you ought to have told me first.”\n\n"
            "Mr. Vyse shook his head. “Lucy chose me,” said Cecil Vyse.")
    assert extract_quotes(text)[0].speaker == "Cecil Vyse"
    # deep in a text, "he" with no one in reach stays unnamed: the next name is no answer
    quiet = "".join(f"The {w} was still.\n\n" for w in ("harbour", "street", "garden", "church", "lane", "square", "wood"))
    late = extract_quotes(quiet + text)[0]
    assert (late.speaker, late.speaker_note) == (None, "no one named before “he” fits")


def test_a_full_stop_before_the_cue_is_a_slip_the_lower_case_word_shows():
    # "“That belongs to Lavish.” said the clergyman": the sentence goes on, as after ? or !
    q = extract_quotes("“That belongs to Lavish.” said Mr. Beebe. “A good fellow, Lavish.”")
    assert [(x.speaker, x.cue) for x in q] == [("Mr. Beebe", "said"), ("Mr. Beebe", None)]
    # a capital after the full stop starts a new sentence, whose verb is no cue of the quote
    q = extract_quotes("“That belongs to Lavish.” Mr. Beebe said nothing more.")
    assert q[0].cue is None


def test_he_after_a_sentence_about_a_character_called_by_a_noun():
    # The Badger is no name the cast lists, but he has spoken, and the sentence before "he" is about him
    text = ("“Our friend is asleep,” said the Weasel. “He sleeps all winter.”\n\n"
            "“I am not asleep,” said the Badger, and closed his eyes once more.\n\n"
            "“Then tell us a story,” said the Weasel.\n\n"
            "The Badger slowly opened his eyes. “A short one,” he said.")
    assert extract_quotes(text)[-1].speaker == "Badger"
    # one who has not spoken is not taken for "he": the Moon is no speaker
    quiet = text.replace("The Badger slowly opened his eyes.", "The Moon slowly rose over the hill.")
    assert extract_quotes(quiet)[-1].speaker != "Moon"
    # an organisation that has spoken is no "he", however it is written (the AP)
    news = ("“The race is close,” the AP reported.\n\n"
            "The AP interview was held at the candidate's home, and when the AP asked the manager "
            "about it, the manager said he needed time. "
            "“Let me call you back,” he told the AP.")
    assert extract_quotes(news)[-1].speaker != "AP"


def test_a_titled_name_only_at_a_sentence_start_is_a_person():
    # a short scene may write Colonel Brandon only where a sentence starts: his title says he is a person
    text = ("The rain had not stopped since noon.\n\n"
            "Colonel Brandon came in at last, wet through. “I have ridden all night,” he said.")
    assert extract_quotes(text)[0].speaker == "Brandon"
    # with no title, no gesture and no cue, a word that only starts a sentence is no one
    assert extract_quotes(text.replace("Colonel Brandon", "Thunder"))[0].speaker is None


def test_an_organisation_named_with_a_capitalised_head_keeps_its_whole_name():
    # "State" alone is a role word (Secretary of State); "the State Department" is one organisation
    quotes = extract_quotes("“We disagree,” the State Department said. “No,” the Republican Party said.")
    assert [q.speaker for q in quotes] == ["State Department", "Republican Party"]
    # a role word alone after "the" stays a description of one person
    assert extract_quotes("“Yes,” the Republican said.")[0].speaker != "Republican Party"


@pytest.mark.parametrize("cue, speaker", [
    ("said former Utah governor Ann Lee, a party elder.", "Ann Lee"),
    ("said former Ford spokesman Mark Truby.", "Mark Truby"),
    ("said former Obama adviser David Ash.", "David Ash"),  # not Obama: the adviser speaks
])
def test_a_role_before_and_after_the_owner_of_a_role_still_names_the_person(cue, speaker):
    # "former", a place or a company, then the role, then the name: the name is the speaker
    assert extract_quotes(f"“It is over,” {cue}")[0].speaker == speaker


@pytest.mark.parametrize("place", ["Laredo, Texas", "Des Moines, Iowa"])
def test_a_place_after_a_comma_is_not_the_subject_a_verb_after_and_shares(place):
    # "in Laredo, Texas and explained": the comma ends no clause, so "Texas" is no subject;
    # the verb after "and" shares the sentence's ("He paid a visit ... and explained")
    text = (f"Maria Ruiz toured the border. She paid a visit to a school in {place} and explained "
            "why “the families” there were going to “vote” for her.")
    assert [q.speaker for q in extract_quotes(text)] == ["Maria Ruiz", "Maria Ruiz"]
    # a clause of its own after the comma keeps its own subject
    text = "Maria Ruiz toured the border, Carl Hope stayed home and complained that it was “a stunt.”"
    assert extract_quotes(text)[0].speaker == "Carl Hope"


def test_a_horizontal_bar_is_read_as_a_dash():
    # some sites set "―" (U+2015) for a dash: the clause after it has its own subject
    text = ("Ann Weir spoke on Monday. Just as she did after the flood ― Weir blamed her rivals, "
            "and stressed the risk that “the next storm” poses to the town.")
    assert extract_quotes(text)[0].speaker == "Ann Weir"
    assert extract_quotes(text.replace("―", "—"))[0].speaker == "Ann Weir"


@pytest.mark.parametrize("text", ["“No,” her said.", "— her said, “No.”", ")her said«e"])
def test_a_subject_read_as_a_pronoun_does_not_look_for_itself(text):
    # "her" as a subject (a dialect's "her said") is read as a pronoun, whose antecedent
    # is looked for among the subjects of the sentences up to it, its own included: that
    # search went round until Python's recursion limit (found by fuzzing extract_quotes)
    quote = extract_quotes(text)[-1]
    assert quote.mention.lower() == "her" and quote.speaker is None


def test_a_text_with_no_sentence_ends_is_read_in_sentences_of_bounded_length():
    # A transcript with no punctuation is one sentence to the splitter; the quote steps
    # read a quote's sentence at every quote, so they take it in pieces (cut at spaces):
    # 300,000 such characters in one paragraph took 343 s, and take about 3 s now
    from kit.quotes.layout import _LONGEST_SENTENCE, Layout
    from kit.quotes.marks import find_regions
    from kit.segment import paragraph_spans

    text = "and then we went on " * 1000 + "“Hi,” said Tom Birch"
    paras = paragraph_spans(text)
    spans = Layout(text, paras, find_regions(text, paras)).sentences(0)
    assert len(spans) >= 4 and all(b - a <= _LONGEST_SENTENCE for a, b in spans)
    assert spans[0].start == 0 and spans[-1].end == len(text)
    assert all(text[b] == " " and c == b + 1 for (_, b), (c, _) in zip(spans, spans[1:]))  # cut at spaces, nothing lost
    assert extract_quotes(text)[0].speaker == "Tom Birch"


def test_a_story_leaves_out_speech_it_tells_in_marks_and_keeps_its_turns():
    # A long quote with no cue, no I or you and no present tense, whose he would or
    # could: a person's speech as the narration gives it (Austen's habit), not a line.
    told = ("“Nell could not stay. She would go home at once, and her brother would follow her "
            "as soon as he could find a horse.”\n\n“Friday!” said Tom.")
    assert [q.text for q in extract_quotes(_story(told))][-2:] == ["Down,", "Friday!"]
    said = ("“Nell can not stay. She would go home at once, and her brother would follow her "
            "as soon as he could find a horse.”\n\n“Friday!” said Tom.")
    assert len([q.text for q in extract_quotes(_story(said))]) == 12  # "can": said, present tense
