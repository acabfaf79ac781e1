"""Which quoted stretches are quotations, and which are scare quotes, names, titles of works or verse.

>>> from kit.quotes import extract_quotes
>>> [q.text for q in extract_quotes("Critics called it a “cash for access” scheme.")]
[]
>>> [q.text for q in extract_quotes("Her answer was simple: “Not now.”")]
['Not now.']
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kit.quotes.cues import ATTRIBUTING, CUE, NAMING
from kit.quotes.layout import MASK, Layout
from kit.quotes.marks import Region
from kit.quotes.mentions import Attribution
from kit.quotes.names import FUNCTION_WORDS, RUN, word_count
from kit.quotes.verbs import attribution_verbs, reporting_verbs
from kit.segment import tokens

__all__ = ["is_gesture", "is_narrated_phrase", "is_scare_quote", "is_subheading", "is_title"]

_NOUN_PHRASE_START = frozenset("a an the his her their its our my your".split())
_BEFORE_A_NAME = frozenset("with on told".split())
"""Words after which quoted words in Title Case are a name (a show, a book), not words
someone says: *in an interview with “Fox News Sunday.”*, *told “Fox and Friends,”*."""
_VISIBLE = re.compile(r"\S")
"""Any character but white space."""


def is_title(content: str) -> bool:
    """Whether quoted words look like the title of a work: Lessons From the Back Row.

    >>> is_title("Lessons From the Back Row"), is_title("We will win.")
    (True, False)
    """
    # Two cheap checks first: a sentence ends like one, and a plain lower-case
    # word of four letters or more between spaces is a word of no title.
    if content.rstrip()[-1:] in ".,!?…" or any(len(w) > 3 and w.isalpha() and w.islower() for w in content.split()):
        return False
    found = [t.text for t in tokens(content) if t.kind != "punct"]
    return (
        2 <= len(found) <= 12
        and all(w[:1].isupper() or len(w) <= 3 for w in found)
        and sum(w[:1].isupper() for w in found) >= 2
    )


def is_scare_quote(layout: Layout, r: Region, attribution: Attribution | None) -> bool:
    """Whether a quoted stretch is a scare quote, a name or a title, not a quotation.

    0. A value after an equals sign (markup: ``tweet-id="7586"``) or after the
       end of a tag (``">``) is not a quotation, nor is a name (with its role)
       that stands before a closing mark with no opening one: it signs the
       quote of the paragraph before (*“... | Dean Baker, Center for Economic
       Research.”*).
       A poem or a song set out line by line is a text recited, not
       someone's own words (:func:`_set_as_verse`), and so are the words
       of its stanza before a cue that interrupts it (*“You are old,” said
       the youth, “as I mentioned before,⏎ And have grown ...*).
       A headline's quote that the body gives again is counted once, where
       the body gives it (and says who said it): *Trump tells rally NFL has
       gone ‘soft’* over a story that quotes him in full.
    1. Four words or more are a quotation, unless they are in Title Case with
       no closing punctuation, or in Title Case right after a work or its
       owner (*his new book, “Crippled America: How to Make America Great
       Again,”*, *on NBC’s “Meet the Press,”*), or with a byline after it
       (*“Museum to close in December,” by The Ledger's Ann Roe*): the title
       of a work.
    2. Right after a naming word (so-called, dubbed, known as) they are a name,
       and right after a word of writing or spelling (*a bottle marked
       “poison,”*, *could not spell “stupid,”*, *writing down “stupid
       things!”*) words written, not said; but when someone does the calling
       (*he called her “weak”*, *what Gilbert called “a perception
       problem”*, *Trump had called it a “disaster”*), or someone uses the
       words (*refused to say the words “radical Islam”*, *using the term
       “superpredator”*), they are that
       person's words, a quotation.
    3. Inside a noun phrase (*a “cash for access” scheme*) they are a modifier,
       unless a reporting verb earlier in their sentence says whose words
       they are (*Clinton said this was a “new” expectation*). In Title Case
       right after *with*, *on* or *told* they name a show (*in an interview
       with “Fox News Sunday.”*, *told “Fox and Friends,”*).
    4. With a reporting verb in their sentence, or after a colon or a label,
       they are a quotation.
    5. Without one, a title inside a sentence is a title (its comma or full
       stop may stand inside the marks after a possessive: *on ABC’s “This
       Week,”*); anything else is a quotation only if it stands as a
       sentence of its own (“Not yet.”), breaks off (*“I should have--” She
       checked herself*), opens a sentence that goes on with more quoted
       words (*“Anne,” with greater severity, “get up.”*) or opens its
       paragraph with a comma and narration after it (*“Very well,” said
       this gentleman*: a cue the kit does not know), or a verb that
       attributes stands before it in its sentence (*Ryan lamented the
       “disheartened” state of the race*).
    """
    s = layout.s
    if r.mark_start > 0 and s[r.mark_start - 1] == "=" or s[r.start : r.start + 1] == ">":
        return True  # rule 0: a value in markup, tweet-id="7586...", or the end of a tag: ">Rubio stadium ...
    if _repeated_headline(layout, r, attribution):
        return True  # rule 0: Obama slams GOP’s ‘doom and despair’ on economy. | ... (the body quotes him)
    if _capital_heading(layout, r):
        return True  # rule 0: a heading in capitals, “ELLIOT OF KELLYNCH HALL.” on a line of its own
    if _set_as_verse(s[r.start : r.end]) or _verse_goes_on(layout, r):
        return True  # rule 0: a poem or a song set out line by line
    if r.flag == "unopened" and _SIGNATURE.fullmatch(s[r.start : r.end]):
        return True  # rule 0: “... | Dean Baker, Center for Economic Research.” signs the quote before
    if _names_a_work(layout, r) or _BYLINE.match(layout.masked, r.mark_end):
        return True  # rule 1's exception: Trump’s new book, “Crippled America: How to Make America Great Again,”
        # and a headline with its byline: “Museum to close in December,” by The Ledger's Ann Roe
    if r.end - r.start > 80 and s.count(" ", r.start, r.start + 80) >= 6 and s[r.end - 1] in ".,!?…":
        return False  # rule 1 for a long quote that ends like speech, decided cheaply
    content = s[r.start : r.end]
    if content[-1] in ".,!?…" and sum(any(c.isalnum() for c in chunk) for chunk in content.split()) >= 6:
        return False  # rule 1, decided without counting words exactly: six chunks hold four words
    if word_count(content) >= 4 and (content[-1] in ".,!?…" or not is_title(content)):
        return False  # rule 1
    before = layout.masked[layout.sentence_start(r.mark_start) : r.mark_start]
    naming = NAMING.search(before[-40:])
    if naming and _USED_WORDS.search(naming.group().strip()) and _uses(before[: len(before) - len(naming.group())]):
        return False  # rule 2's exception: refused to say the words “radical Islam”
    if naming and not _someone_calls(before[-40:][: naming.start()], naming.group()):
        return True  # rule 2
    previous = before.split()[-1:]
    following = layout.masked[r.mark_end : r.mark_end + 30].split()[:1]
    if previous and previous[0].lower() in _NOUN_PHRASE_START and following and content[-1] not in ".,!?…" \
            and following[0][:1].islower() and re.split(r"[’']", following[0])[0].lower() not in FUNCTION_WORDS \
            and not _reported(before[: len(before) - len(previous[0]) - 1]):
        return True  # rule 3: a “cash for access” scheme
    if previous and previous[0] in _BEFORE_A_NAME and is_title(content.rstrip(".,")):
        return True  # rule 3: a show's name, told “Fox and Friends,”
    if naming:
        return False  # rule 2's exception: he called her “weak”
    if attribution is not None and (attribution.cue is not None or attribution.where == "colon"):
        return False  # rule 4
    if is_title(content.rstrip(".,")) and before.strip() and (
            content[-1] not in ".,!?…" or before.rstrip().endswith(("’s", "'s", " on", " in"))):
        return True  # rule 5: her memoir “Lessons From the Back Row”, on ABC’s “This Week,”
    # (the first character after the quote in its paragraph, and whether anything stands
    # before it there: searched for, not sliced, so that a text written as one long
    # paragraph is not copied at every quote)
    next_char = _VISIBLE.search(layout.masked, r.mark_end, layout.paras[layout.para_of(r.mark_end)].end)
    after = next_char.group() if next_char else ""
    opens_para = _VISIBLE.search(layout.masked, layout.paras[layout.para_of(r.mark_start)].start, r.mark_start) is None
    stands_alone = not before.strip() and (content[-1] in ".!?…-–—" or after in ("", ".", "!", "?")
                                           or _speech_goes_on(layout, r)
                                           or opens_para and content[-1] == "," and after.islower())
    return not stands_alone and not _reported(before, calling=True)  # rule 5: Ryan lamented the “disheartened” state


_NARRATOR_GRAMMAR = frozenset("a an the his her its their of being that about from".split())
"""Words of the narrator's sentence that make the quoted words after them a
phrase inside it: a determiner (*the “no thoroughfare of Lyme,”*), *of*,
*being*, *that*, *about*, *from*."""


def is_narrated_phrase(layout: Layout, r: Region) -> bool:
    """Whether, in a story, a quote is a phrase the narrator's own sentence
    quotes (*though its being “so entirely out of season,” and the “no
    thoroughfare of Lyme,” had brought many apologies*), not a line someone
    speaks: it opens in lower case, right after a determiner, *of*, *being*,
    *that*, *about* or *from* in the narration.

    Only for a story whose turns alternate
    (:func:`kit.quotes.dialogue.turns_alternate`): news quotes a source's
    words inside its own sentences (*the mayor called the plan a “costly
    mistake”*), and PolNeAR annotates them, while a novel sets its speech apart
    and PDNC leaves such phrases out. In PDNC's 8 novels this drops 25
    quotes, 1 of them annotated as speech (*beginning with the observation
    of “your sister looks unwell to-day,”*). After *to*, *as*, *by* or *for*
    a phrase is as often an utterance (*Signor Jupe was to “elucidate the
    diverting accomplishments of his highly trained performing dog”*): 7 of
    those were annotated, 10 not, so the rule leaves them.

    >>> from kit.quotes.marks import find_regions
    >>> from kit.segment import paragraph_spans
    >>> s = "Anne was ashamed of the “no thoroughfare of Lyme,” and said, “We must go.”"
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> [is_narrated_phrase(layout, r) for r in layout.regions]
    [True, False]
    """
    if not layout.s[r.start : r.start + 1].islower():
        return False
    before = layout.masked[layout.sentence_start(r.mark_start) : r.mark_start].split()
    return bool(before) and before[-1].lower() in _NARRATOR_GRAMMAR


_VERSE_LINE = 50
"""Characters: a line of verse inside a paragraph is shorter than this (a book's prose is wrapped at 65 to 75)."""


def _set_as_verse(content: str) -> bool:
    r"""Whether quoted words are verse set out line by line: every line that starts
    inside a paragraph of the quote starts with a capital letter, as a poem's
    lines do and wrapped prose's seldom do, and those lines are indented or
    there are two of them or more, all short. Recited or sung (*Alice folded
    her hands, and began:-- “You are old, Father William,” ...*), the poem is
    a text performed, as a title is a text named: in the novels of PDNC, 3
    of 24 such quotes were annotated as speech.

    >>> _set_as_verse("How doth the little crocodile\n    Improve his shining tail,\nAnd pour the waters of the Nile")
    True
    >>> _set_as_verse("Soup of the evening,\nBeautiful Soup!\nSoup of the evening")
    True
    >>> _set_as_verse("I have just had the honour of receiving your letter, for which I\n    beg to return")
    False
    >>> _set_as_verse("Yes.\n\n“No.\n\n“Never.")  # three paragraphs of one line each: speech
    False
    """
    if "\n" not in content:
        return False  # nearly every quote stops here
    lines = [line for chunk in re.split(r"\n[ \t]*\n", content) for line in chunk.split("\n")[1:]]
    if not lines or not all(line.lstrip(" \t\"“‘'_(")[:1].isupper() for line in lines):
        return False
    return any(line.startswith("  ") for line in lines) or (
        len(lines) >= 2 and all(len(line.strip()) < _VERSE_LINE for line in lines[:-1]))


def _verse_goes_on(layout: Layout, r: Region) -> bool:
    """Whether ``r`` is the first part of a quote that a cue interrupts, and the part
    after the cue is verse (*“You are old,” said the youth, “as I mentioned
    before,⏎    And have grown most uncommonly fat; ...*): the two parts are one
    stanza, recited as one. In *Alice*, the stanzas of *Father William* open so."""
    regions = layout.regions
    n = bisect_left(regions, r.start, key=lambda q: q.start) + 1
    if n >= len(regions) or regions[n].para != r.para:
        return False
    rest = regions[n]
    between = layout.masked[r.mark_end : rest.mark_start]  # the cue: said the youth,
    return len(between) < 80 and not _SENTENCE_BREAK.search(between) and _set_as_verse(layout.s[rest.start : rest.end])


_SENTENCE_BREAK = re.compile(r"[.!?;:]")
"""What ends a sentence or a clause: an interrupting cue has none."""


def _capital_heading(layout: Layout, r: Region) -> bool:
    """Whether quoted words in capitals are a heading: their paragraph holds nothing
    else in lower case (“DIVISIVE, STUPID AND WRONG” over a story, “ELLIOT OF
    KELLYNCH HALL.” heading a page), and they do not end like a call (“BERNIE!”,
    “CECIL?” are shouted). Not in a text written all in capitals
    (:func:`~kit.quotes.layout.in_capitals`), where every paragraph would be one.

    >>> from kit.quotes.marks import find_regions
    >>> from kit.segment import paragraph_spans
    >>> s = "“HARBOUR TOWN DECIDES”\\n\\nThe crowd shouted “VOTE!” and a sign read “NO TO THE DAM.”"
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> [_capital_heading(layout, r) for r in layout.regions]
    [True, False, False]
    """
    content = layout.s[r.start : r.end]
    if content.upper() != content or layout.in_capitals:
        return False  # a lower-case letter, found at C speed: nearly every quote stops here;
        # and in a text written in capitals, a quote in capitals is no heading
    if sum(c.isalpha() for c in content) < 4 or content.rstrip()[-1:] in "!?":
        return False
    start, end = layout.paras[r.para]
    around = layout.s[start : r.mark_start] + layout.s[r.mark_end : end]
    return not any(c.islower() for c in around)


_SUBHEADING_WORDS = 10
"""The most words a subheading in single marks has (*‘A change warrior.’*)."""
_LABEL = re.compile(r"\s*[^\W\d_][\w’'-]*:\s*")
"""Quoted words that are a label: one word and a colon (*“Related:”*)."""


def is_subheading(layout: Layout, r: Region) -> bool:
    """Whether a quote is a subheading of an article: a short paragraph that is
    nothing but words in single marks (*‘Relationships that last.’*, *‘We're
    vetting VP candidates!’*), in a text that sets its quotations in double
    marks. That is how American papers set a quote in a headline, and over a
    section it names the section; the words are given again, with who said
    them, in the text below. Asked only of prose that is not a dialogue: a
    novel's line of dialogue may well stand alone in its paragraph.

    In PolNeAR's 840 articles, 7 quotes are set so, and none of them is a
    quotation the annotators marked. So is a label of one word and a colon,
    in any marks, alone in its paragraph (*“Related:”* over a list of links):
    it introduces what follows, and no one says it (3 quotes there, none
    marked).

    >>> from kit.quotes.marks import find_regions
    >>> from kit.segment import paragraph_spans
    >>> s = "‘A change warrior.’\\n\\n“I will fight for you,” she said. “We start today.”"
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> [is_subheading(layout, r) for r in layout.regions]
    [True, False, False]
    >>> s = "“We start today,” she said.\\n\\n“Related:”\\n\\nSenate Passes Budget."
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> [is_subheading(layout, r) for r in layout.regions]
    [False, True]
    """
    s = layout.s
    label = _LABEL.fullmatch(s, r.start, r.end) is not None
    if not label and (s[r.mark_start : r.mark_start + 1] not in ("'", "‘") or r.mark_end == r.end):
        return False  # (asked of every quote of an article: the cheap tests first)
    start, end = layout.paras[r.para]
    if s[start : r.mark_start].strip() or s[r.mark_end : end].strip():
        return False  # not alone in its paragraph
    if label:
        return True  # “Related:”
    if len(s[r.start : r.end].split()) > _SUBHEADING_WORDS:
        return False
    double = sum(1 for q in layout.regions if s[q.mark_start : q.mark_start + 1] in ('"', "“"))
    return double > len(layout.regions) - double


_GESTURE = re.compile(r"(?<![\w’'-])(?:as\s+(?:much\s+as|if)|seem(?:ed|s)?)\s+to\s+say\s*[,:]?\s*$")
"""What makes the words after it a look or a gesture's meaning, not speech: *She looked
around as much as to say, “Are you all like this?”*, *a glance which seemed to say, “...”*."""
_SIGNATURE = re.compile(rf"(?:{RUN.pattern})(?:,[^.;:!?“”\"]{{1,60}})?\.?", re.VERBOSE)
"""A name, and after a comma its role or organisation: Dean Baker, Center for Economic Research."""
_CALLING = re.compile(r"(?i:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|dubb?(?:s|ed|ing)|labell?(?:s|ed|ing)|brand(?:s|ed|ing)|term(?:s|ed|ing))\b")
_CALLING_WORD = re.compile(rf"(?<![\w’'-])(?:{_CALLING.pattern})")
_USED_WORDS = re.compile(r"(?i:^the\s+(?:word|words|term|phrase|slogan)$)")
_USING = re.compile(r"(?i:(?<![\w’'-])(?:us(?:e|es|ed|ing)|sa(?:y|ys|id|ying)|repeat(?:s|ed|ing)?|utter(?:s|ed|ing)?|"
                    r"adopt(?:s|ed|ing)?|coin(?:s|ed|ing)?|invok(?:e|es|ed|ing))\s+(?:of\s+)?$)")


def _uses(left: str) -> bool:
    """Whether the words before *the term* (*the words*, *the phrase*) say that
    someone uses them: *using the term*, *refused to say the words*; then the
    quoted words are that person's, a quotation.

    >>> _uses("she refused to say "), _uses("his use of "), _uses("a play on words with ")
    (True, True, False)
    """
    return bool(_USING.search(left))


_OBJECT = frozenset("him her it them me us".split())
_CALLER = frozenset("he she they i we who whom had has have".split())


def _someone_calls(left: str, naming: str) -> bool:
    """Whether a naming verb before a quote has a person doing the calling: its
    object is a pronoun (*called her*), or the word before it is a subject
    (*he*, *who*, a name: *Gilbert called*) or an auxiliary (*had called*).
    Not *so-called*, *known as*, nor a noun's participle (*a show called*).

    >>> _someone_calls("what Gilbert ", "called"), _someone_calls("a show ", "called")
    (True, False)
    >>> _someone_calls("Critics ", "called it"), _someone_calls("the ", "so-called")
    (True, False)
    """
    verb = naming.split()
    if not verb or not _CALLING.fullmatch(verb[0]):
        return False
    if len(verb) > 1 and (verb[1].lower() in _OBJECT or verb[1][:1].isupper()):
        return True  # called her “weak”, called Obama a “petulant child”
    before = left.split()[-1:]
    return bool(before) and (before[0].lower() in _CALLER or before[0][:1].isupper() and before[0].isalpha()
                             and len(left.split()) > 1)


_NOT_REPORTING = re.compile(r"(?i:according\s+to)$")


def _reported(before: str, *, calling: bool = False) -> bool:
    """Whether the words before a quote, in its sentence, hold a verb that
    attributes words (a reporting verb, or one annotators mark as the cue of
    reported speech: *accused*, *promised*, *slammed*) and so say whose words
    follow. The verb nearest the quote counts: not *according to*, which
    names a source of facts, nor a naming verb (*Critics called it a “cash
    for access” scheme*, *has launched what officials describe as a “root and
    branch” review*); and not in a headline.

    >>> _reported("Clinton said that this was"), _reported("Critics called it")
    (True, False)
    >>> _reported("Ryan lamented the"), _reported("Ryan Slams Trump Over")
    (True, False)

    With ``calling``, a naming verb counts when a person does the calling
    (*Rivera calls a screaming Santilli a “fascist”*), not when it names
    (*a show called “Brokers”*).
    """
    found = sorted((m.start(), m.group()) for m in (*CUE.finditer(before), *ATTRIBUTING.finditer(before),
                                                     *_CALLING_WORD.finditer(before)))
    if not found or _headline(before):
        return False
    at, last = found[-1]  # the verb nearest the quote governs it: "launched what officials describe as"
    if _CALLING.fullmatch(last):  # with ``calling``: a person calls it so (Rivera calls Santilli a “fascist”)
        return calling and _someone_calls(before[:at], last) and not last.lower().startswith("describ")
    return not _NOT_REPORTING.search(last)


def _headline(words: str) -> bool:
    """Whether words are in Title Case, as a headline is: most of the longer
    words capitalised."""
    found = [w for w in words.split() if w[:1].isalpha() and len(w) > 3]
    return bool(found) and sum(w[:1].isupper() for w in found) > len(found) // 2


_BYLINE = re.compile(r"\s*,?\s*by\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*['’]s?\s+[A-Z]")
"""A byline right after the closing mark: the quote is the headline of an article
(*“Museum to close in December,” by The Ledger's Ann Roe*)."""

_WORK_BEFORE = re.compile(
    r"""(?:’s|'s|\b(?:on|in)                                     # on NBC’s, in
      | \b(?:book|memoir|novel|film|movie|show|program|programme|series|sitcom|song|album|play|musical
        |documentary|column|essay|op-ed|ad|advertisement|video|poem|episode|segment|podcast|report
        |sang|sung|sing|sings|singing|recited|recite|recites|reciting|hummed|humming|whistled|whistling))
    ,?\s*$""",
    re.VERBOSE,
)


def _names_a_work(layout: Layout, r: Region) -> bool:
    """Whether quoted words in Title Case (or one capitalised word) stand right
    after a work noun or a possessive (*her memoir, “Tough Choices.”*, *CNN’s
    “New Day,”*, *her film, “Trainwreck.”*) or a verb of performing one
    (*singing “Nelly of the Hazel Dell”*, *recited “Bingen on the Rhine”*), in
    a sentence that is not itself in Title Case (as a headline is)."""
    content = layout.s[r.start : r.end].rstrip(".,")
    one_word = content[:1].isupper() and content.isalpha() and len(content) > 3  # her film “Trainwreck.”
    if not is_title(content) and not one_word:
        return False
    sentence = layout.sentence_at(r.mark_start)
    before = layout.masked[sentence.start : r.mark_start]
    if not _WORK_BEFORE.search(before[-40:]):
        return False
    # not a headline: the sentence (its words on both sides of the quote) is not in Title Case
    words = [w for w in (before + layout.masked[r.mark_end : sentence.end]).split() if w[:1].isalpha() and len(w) > 3]
    return sum(w[:1].islower() for w in words) >= max(1, len(words) // 3)


_PAST = frozenset(w for w in reporting_verbs() | attribution_verbs() if w.endswith("ed")) | {
    "said", "told", "wrote", "spoke", "thought", "swore", "sang", "felt", "began"}
"""Reporting verbs in the past tense: the regular ones from the kit's lists, and the
irregular pasts that news uses as cues."""

_HEADLINE_CHARS = 200
"""The longest first line that :func:`_repeated_headline` takes for a headline."""


def _repeated_headline(layout: Layout, r: Region, attribution: Attribution | None) -> bool:
    """Whether a quote stands in a headline (the first paragraph: one short line,
    with more text after it) and the rest of the text has the same words again.

    A headline quotes the story in shorthand, and the story then gives the
    words with who said them; counting both would count one quotation twice.
    A headline may end with a full stop, so this does not ask that it look
    unlike a sentence (as :attr:`kit.texts.Article.title` does, to name a text).
    But headlines speak in the present tense (*Mayor calls plan ‘a
    disgrace’*): a first line that reports in the past (*said*, *warned*) is
    the story's first sentence, whose quotes count.

    >>> from kit.quotes import extract_quotes
    >>> s = "Mayor calls plan ‘a disgrace’\\n\\n“It is a disgrace,” the mayor said."
    >>> [q.text for q in extract_quotes(s)]
    ['It is a disgrace,']
    >>> s = "The mayor said the plan was “a disgrace.”\\n\\n“It is a disgrace,” she said."
    >>> [q.text for q in extract_quotes(s)]
    ['a disgrace.', 'It is a disgrace,']
    """
    if r.para != 0 or len(layout.paras) < 2:
        return False
    cue = (attribution.cue or "").split()[:1] if attribution is not None else []
    if cue and cue[0].lower() in _PAST:
        return False
    first = layout.paras[0]
    if first.end - first.start > _HEADLINE_CHARS or "\n" in layout.s[first.start : first.end]:
        return False
    words = re.findall(r"\w+", layout.s[r.start : r.end])
    if not words:
        return False
    again = re.compile(r"\W+".join(map(re.escape, words)), re.IGNORECASE)
    return again.search(layout.s, layout.paras[1].start) is not None


def is_gesture(layout: Layout, r: Region) -> bool:
    """Whether a quote is what a look or a gesture seems to say (*She looked around
    as much as to say, “Are you all like this?”*, *a glance which seemed to say,
    “...”*, *as if to say*), not words anyone spoke.

    Only for a story whose turns alternate, like :func:`is_narrated_phrase`: a
    novel keeps such lines out of its speech (PDNC annotates none of the 5 in
    its 8 novels), while news reports them as the person's message (*Berman
    rolled his eyes as if to say, “...”*: PolNeAR annotates it, with *his eyes*
    as the source).

    >>> from kit.quotes.marks import find_regions
    >>> from kit.segment import paragraph_spans
    >>> s = "Harville smiled, as much as to say, “Do you claim that?” Anne said, “I do.”"
    >>> layout = Layout(s, paragraph_spans(s), find_regions(s, paragraph_spans(s)))
    >>> [is_gesture(layout, r) for r in layout.regions]
    [True, False]
    """
    return _GESTURE.search(layout.masked, max(0, r.mark_start - 30), r.mark_start) is not None


def _speech_goes_on(layout: Layout, r: Region) -> bool:
    """Whether a quote that opens its sentence is followed, in the same sentence,
    by more quoted words: *“Anne,” with greater severity, “get off that bed.”*"""
    return MASK in layout.masked[r.mark_end : layout.sentence_at(r.mark_start).end]
