"""Direct quotations: what was said, who said it, and exactly where.

A running example, shortened from seed 000:

>>> text = (
...     "Leader of the Islamic Revolution Ayatollah Ali Khamenei met Belarusian "
...     "President Alexander Lukashenko on Monday.\\n\\n"
...     "“Sanctioned countries must join hands,” the Leader suggested.\\n\\n"
...     "Ayatollah Khamenei added, “Sanctions made Iran notice its own capabilities.”\\n\\n"
...     "“We have come to know our true friends,” Lukashenko said.\\n\\n"
...     "He added that his trip was aimed at learning about Iran’s achievements.\\n\\n"
...     "“We are determined to cooperate with our true friends.\\"")
>>> for q in extract_quotes(text):
...     print(f"{q.speaker} | {q.cue} | {q.text}")
Ayatollah Ali Khamenei | suggested | Sanctioned countries must join hands,
Ayatollah Ali Khamenei | added | Sanctions made Iran notice its own capabilities.
Alexander Lukashenko | said | We have come to know our true friends,
Alexander Lukashenko | None | We are determined to cooperate with our true friends.

A :class:`Quote` knows where it is: ``text[q.start:q.end] == q.text`` always
holds, and ``q.paragraph`` indexes ``Article.paragraphs``. Its ``.text`` is what
stands between the quotation marks, punctuation included, with only the white
space at either end trimmed.

>>> q = extract_quotes(text)[0]
>>> text[q.start:q.end] == q.text, q.paragraph, q.mention
(True, 1, 'the Leader')

Who said it
-----------
Four steps, each in a module of its own, so that a student can follow one
quote through them (:mod:`kit.quotes.attribution` puts them together):

1. **Find the marks** (:mod:`~kit.quotes.marks`, :mod:`~kit.quotes.layout`).
2. **Find the cue** (:mod:`~kit.quotes.cues`): the reporting verb (``said``,
   ``boasted``, ``pointed out``, ``according to``). The verbs are not picked
   by hand: they are derived from the cues annotators marked in real news
   and novels (``benchmarks/derive_reporting_verbs.py``).
3. **Find the mention** (:mod:`~kit.quotes.mentions`, with the grammar of
   :mod:`~kit.quotes.subjects`: who does a verb): the words that name the
   speaker, kept as ``q.mention`` so that you can see the evidence. The cue and
   mention are looked for right after the closing mark (``“...,” the Leader
   said``, ``“...,” said MSNBC host Chris Matthews``), then earlier in the
   quote's sentence (``Ayatollah Khamenei added, “...”``), then in a label or
   after a colon (``Okafor: “...”``, ``Her answer was simple: “Not now.”``), at
   the end of the paragraph before (``Then Cecil said:``) or in a signature
   after it (``- Bernie Sanders.``).
4. **Resolve it** (:mod:`~kit.quotes.resolve`, against the cast of
   :mod:`~kit.quotes.cast`):

   * a name to the fullest name the text gives that person (*Lukashenko* →
     *Alexander Lukashenko*, *Mr. Darcy* → *Darcy*); a name the text never
     gives in full is taken as written (*Sweeny*), and so is an organisation
     (*Reuters*, *Iran*, *the World Health Organization*; *the IMF report* is
     the IMF speaking);
   * a description (*the Leader*, *the Belarusian president*) to the person the
     text itself introduces with those words (*Leader of the Islamic Revolution
     Ayatollah Ali Khamenei*, *Belarusian President Alexander Lukashenko*,
     *Jane Doe, the chief executive of Acme*: :mod:`~kit.quotes.roles`); every other word of the
     description must be a word of that person's title, as a whole word;
   * *he* or *she* to the latest person who was the subject of a sentence or
     the speaker of a quote nearby, whose gender fits: the text itself says a
     person's gender, by a title (*Mrs*), a role in apposition (*her husband,
     Carlos*) or the pronoun that follows the name (*Holmes rose, and he ...*),
     never a list of first names; the person may be one the text only
     describes (*The old gentleman looked up. “Late,” he said.*: no speaker,
     unless the text ties *the old gentleman* to a name); with no one in
     reach, a novel's protagonist
     of that gender, the one it names three times as often as anyone else of
     that gender (Persuasion's Anne Elliot); *I* is the narrator.

**Never a guess.** When no one fits a description, or two people do, the
speaker is None and ``q.speaker_note`` says why:

>>> text2 = "US President Joe Biden met Chinese President Xi Jinping.\\n\\n“We agreed,” the French president said."
>>> q = extract_quotes(text2)[0]
>>> q.speaker, q.mention, q.speaker_note
(None, 'the French president', 'no one in the text is introduced as the French president')

**Someone the text does not name** but introduces with an indefinite
description (*a spokesman for the ministry*, *a senior Cruz adviser*, *one
Clinton aide*, *some Republicans*, *a 2014 committee report*) is the speaker
as written, as a group is (*Aides said*: *Aides*) and a determiner alone
(*Another said*: *Another*), and the note says that the text does not say
who it is. The description keeps a short post-modifier (*a
person close to the Clintons*, *one Republican involved in the planning*),
not a relative clause (*who asked not to be named*). A spokesperson of a
named organisation speaks for it (*a White House spokesman*: *White House*).
That is news. In a dialogue (a novel), *said a voice* or *cried a little
man* is someone new to the scene: the speaker is None, and the turns of
the conversation, which go back and forth between the people already in
it, do not name them either.

>>> q = extract_quotes("“We expect better,” said a spokesman for the ministry, who asked not to be named.")[0]
>>> q.speaker, q.speaker_note
('a spokesman for the ministry', 'unnamed: the text does not say who this is')

**A quote with no cue** (the last one of the running example) takes the
speaker around it (:mod:`~kit.quotes.dialogue`): an earlier quote or report
(*He added that ...*) of its paragraph, a later quote with a cue, or the person
the paragraph's narration is about. News lets a speaker go on into the next
paragraph. A dialogue alternates instead: each new paragraph is a new turn,
spoken by the person the turn before addressed by name (*“That you, Watson?”*),
else read from the nearest named turn (A, B, A, B). Which of the two a text
does is learned from the text: when neighbouring named turns mostly change
speaker, it is a dialogue. There is no switch to set. The narrator (*I*) is
named when the turns next to theirs address them by a name no quote gives a
speaker; a description (*the girl*) when they address that speaker by name.

**The speaker's name** is the fullest name the text gives that person, with
titles of office and courtesy titles removed (*President*, *Prime Minister*,
*the Leader of ...*, *Mr*, *Dr*) but honorifics that the text uses as part
of the name kept (*Ayatollah*, *Seyyed*, *Sheikh*, *Sir*, *Dame*). Offices change
hands, while news writing keeps an honorific on every mention (*Ayatollah
Khamenei*). So seed 000's speaker is *Ayatollah Ali Khamenei*, and seed 001's,
whose text gives the longer form, *Ayatollah Seyyed Ali Khamenei*. A person the
text names only by a courtesy title and a surname keeps the title (*Mrs.
Honeychurch*), since the surname alone would not tell a family apart.

>>> from kit.texts import load_articles
>>> a, b = load_articles()
>>> sorted({q.speaker for q in extract_quotes(a)})
['Alexander Lukashenko', 'Ayatollah Ali Khamenei']
>>> speakers(b)
[SpeakerCount(speaker='Ayatollah Seyyed Ali Khamenei', quotes=6, words=148), SpeakerCount(speaker='Alexander Lukashenko', quotes=2, words=62)]

**The cast.** ``characters(text)`` lists the people a text names, built from
the text itself: each with the fullest name, the titles and the short forms the
text uses, and a gender when the text says it:

>>> from kit.quotes import characters
>>> [(c.name, c.titles, c.short_forms) for c in characters(b)]
[('Ayatollah Seyyed Ali Khamenei', ('Leader of the Islamic Revolution',), ('Ayatollah Khamenei',)), ('Alexander Lukashenko', ('Belarusian President',), ('Lukashenko',))]

How quotation marks are read
----------------------------
Curly ``“ ”``, straight ``" "`` and angle ``« »`` marks, mixed in any pair.
A straight mark opens or closes depending on where it stands (after a space
it opens, before one it closes). Single marks inside double ones are part of
the quote; apostrophes (``countries’``, ``don’t``) are never marks. Single
marks outside double ones (as in headlines) are quotes of their own.

A text that quotes with single marks, as many British books do, and nests
with double ones, is read the same way round: outside its double quotes,
single marks open more than twice as many quotes as there are double quotes
(an American quote that nests several ‘phrases’ stays one quote). Inside
such a quote, a plural's apostrophe (*the Joneses’ house*) and an elision
(*’em*) are not marks:

>>> said = "‘The Joneses’ house is let,’ she said. ‘To whom?’ ‘A man who calls it “a wilderness”.’"
>>> [q.text for q in extract_quotes(said)]
['The Joneses’ house is let,', 'To whom?', 'A man who calls it “a wilderness”.']

A quote that runs over several paragraphs, each opening with a mark and only
the last one closing, is one Quote. Since ``q.text`` must be exactly
``text[q.start:q.end]``, it keeps the paragraph breaks and the opening marks
of the later paragraphs:

>>> long = "“First part.\\n\\n“Second part,” she said."
>>> extract_quotes(long)[0].text
'First part.\\n\\n“Second part,'

**Flags.** ``q.flag`` tells you when a quote is not a plain pair of marks
(``FLAGS`` explains each one), and ``q.complete`` is False for a broken one:

>>> broken = "“This never closes, she said.\\n\\nThe next paragraph is safe."
>>> q = extract_quotes(broken)[0]
>>> q.text, q.flag, q.complete
('This never closes, she said.', 'unclosed', False)

What is not a direct quotation
------------------------------
*Reported speech* (``said that the world needs spirituality``) has no
quotation marks, so it is never returned. *Scare quotes and names*: a quoted
stretch of fewer than four words counts only if a reporting verb in its own
sentence, a colon or a label introduces it, or it stands as a sentence of its
own (``“No,” he said.``, ``“Not yet.”``); never right after a naming word
(*so-called*, *dubbed*, *known as*, *the pseudonym*) or inside a noun phrase
(*Critics called it a “cash for access” scheme*). A quote in Title Case inside a sentence, with no
reporting verb, is the title of a work (*her memoir “Lessons From the Back
Row”*). *A headline's quote that the story repeats* is counted once, where
the story gives it with its speaker (*Mayor calls plan ‘a disgrace’* over a
story that quotes the mayor in full), and so is *an article's subheading in
single marks*, a short paragraph of nothing else in a text that sets its
quotations in double marks (*‘A change warrior.’*). *Verse set out line by line*, a poem
recited or a song sung, is a text performed, as a title is a text named:
every line inside it opens with a capital, and its lines are indented or
short.

>>> extract_quotes("Iran leads the so-called “axis of resistance” in the region.")
[]
>>> extract_quotes("Critics called it a “cash for access” scheme.")
[]

Known limits
------------
A description the text never ties to one person stays None, even where a
reader knows who it is (*the Florida senator* for Marco Rubio, when the text
never writes *Florida Sen. Marco Rubio*). A short novel excerpt has too few
named turns to be read as a dialogue, so its quotes with no cue continue a
speaker as news does. A person introduced as *a man* and named only in a
later paragraph is not found for the *he* before the name. Archives that
write double marks as two apostrophes (``''Yes,'' he said``) give no quotes.

Measured on real text (``benchmarks/bench_quote_scores.py``, with ``make
bench`` when ``../shared`` holds the data): PolNeAR's 840 hand-annotated news
articles and eight novels of the Project Dialogism Novel Corpus;
``benchmarks/RESULTS.md`` has the numbers. Speed, on the 2-core machine of
that file: all 840 articles in under two seconds, a 0.9 MB novel in about
0.6 s, *War and Peace* (3.2 million characters, 8,800 quotations) in about
two seconds; see ``benchmarks/bench_quote_scores.py`` and
``benchmarks/bench_quotes.py``.

Tables
------
``quote_records(text)`` gives one dict per quote, ready for
``pandas.DataFrame(...)`` or ``csv.DictWriter``; ``speakers(text)`` counts
quotes and words per speaker; ``characters(text)`` lists the cast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from kit.texts import TextLike, as_text, line_ends_in_place

if TYPE_CHECKING:
    from kit.quotes.cast import Character, characters

__all__ = [
    "Character",
    "FLAGS",
    "NAIVE_QUOTE",
    "Quote",
    "REPORTED_SPEECH",
    "SpeakerCount",
    "characters",
    "extract_quotes",
    "quote_records",
    "speakers",
]

NAIVE_QUOTE = r"“([^”]*)”"
"""The regex most people write first: an opening curly mark, anything but a
closing one, a closing one. The lessons and the benchmark compare it with the kit:
it misses a quote closed with a straight mark, and cannot tell ’ from an apostrophe."""

REPORTED_SPEECH = r"\b(?:said|says|saying|added|adding|noted|stressed|argued) that\b"
"""A reporting verb followed by "that": a sign of reported (indirect) speech,
which is not a quotation and which :func:`extract_quotes` never returns."""

FLAGS = {
    "continued": "The quote runs over several paragraphs: each opens with a mark and "
    "only the last one closes. Its text keeps the paragraph breaks and the opening "
    "marks in between.",
    "unclosed": "No closing mark was found. The quote was cut at the end of its "
    "paragraph (or where the next quote opens), so it may hold words that are not "
    "part of the quotation.",
    "unopened": "A closing mark with no opening mark: the quote was taken to start "
    "at the beginning of its paragraph.",
}
"""What each value of :attr:`Quote.flag` means. None means a plain pair of marks."""


class Quote(NamedTuple):
    """One direct quotation, where it is, and who said it."""

    text: str
    """The words between the quotation marks, as written (``text[start:end]``)."""
    start: int
    """Where the quoted words start in the text (just after the opening mark)."""
    end: int
    """Where they end (just before the closing mark)."""
    speaker: str | None
    """The fullest name the text gives the speaker; for someone it does not name,
    the indefinite description as written (*a senior aide*); None when it does
    not say who."""
    cue: str | None
    """The reporting verb as written ("said", "pointed out", "according to"), or None."""
    paragraph: int
    """The index of the paragraph where the quote opens, in ``Article.paragraphs``
    (that is, in ``kit.segment.paragraph_spans(text)``)."""
    mention: str | None = None
    """The words that name the speaker at the cue ("the Leader", "he"), or None."""
    flag: str | None = None
    """None for a plain pair of marks, else a key of :data:`FLAGS`."""
    speaker_note: str | None = None
    """Why there is no speaker, when the text does not say who it is ("the US
    president could be Joe Biden or Xi Jinping", "no cue or name around it
    says who speaks": every quote with no speaker has one), or that the
    speaker is someone it does not name ("unnamed: the text does not say who
    this is"), or, in a novel that calls the speaker by an epithet only (*said
    the girl*), how the dialogue or the scenes around it name them; else None."""

    @property
    def complete(self) -> bool:
        """False when a quotation mark was missing (flag "unclosed" or "unopened")."""
        return self.flag not in ("unclosed", "unopened")


class SpeakerCount(NamedTuple):
    """How much one speaker is quoted: the number of quotes and of words in them."""

    speaker: str | None
    quotes: int
    words: int


# The steps, each in its own module (see the module docs): marks.py and
# layout.py (find the marks), cues.py (find the cue), mentions.py, phrases.py and
# subjects.py (find the mention), names.py, runs.py, cast.py, gender.py, roles.py
# and resolve.py (resolve it), context.py and dialogue.py (quotes with no cue),
# unnamed.py and epithets.py (the narrator and people known by a description),
# scare.py and unspoken.py (what is no quotation), attribution.py (all together).


# The steps are imported when a function first needs them, not with the
# package: compiling their patterns takes a noticeable part of a second, which
# a lesson that only reads kit.quotes.verbs, and every grading kernel that
# runs it, would pay for nothing.


def __getattr__(name: str) -> Any:
    if name in ("Character", "characters"):
        from kit.quotes import cast

        return getattr(cast, name)
    raise AttributeError(f"module 'kit.quotes' has no attribute {name!r}. It has: {', '.join(__all__)}.")


# --- The public functions ------------------------------------------------------


def extract_quotes(text: TextLike) -> list[Quote]:
    """Every direct quotation in ``text``, in text order (see the module docs).

    The steps (:mod:`kit.quotes.attribution`): find the marks; for each quoted
    stretch find its cue and mention, and drop scare quotes and titles (and,
    in a story, the phrases its narration quotes and the letters it copies
    out: :mod:`kit.quotes.letters`; in an article, its subheadings); resolve the mention to a speaker; give
    quotes with no cue the speaker around them.

    >>> extract_quotes("“Sanctions made us stronger,” the minister said.")[0].cue
    'said'
    >>> extract_quotes("")
    []
    >>> extract_quotes(42)
    Traceback (most recent call last):
    ...
    TypeError: text must be an Article or a str, not int. Load a file first: kit.load_article("path/to/file.txt").
    """
    from kit.quotes.attribution import attribute

    s = as_text(text)
    quotes = []
    for a in attribute(line_ends_in_place(s)):  # \r\n read as \n, every offset kept
        r, found = a.region, a.attribution
        cue = found.cue if found is not None else None
        mention = found.mention if found is not None else None
        quotes.append(Quote(s[r.start : r.end], r.start, r.end, a.speaker, cue, r.para, mention, r.flag, a.note))
    return quotes


def quote_records(text: TextLike) -> list[dict[str, object]]:
    """The quotes of ``text`` as a table: one dict per quote, ready for pandas or csv.

    Each record has the fields of :class:`Quote`, plus ``words`` (how many
    words are quoted) and ``complete``.

    >>> rows = quote_records("“We will never give in,” she said.")
    >>> sorted(rows[0])
    ['complete', 'cue', 'end', 'flag', 'mention', 'paragraph', 'speaker', 'speaker_note', 'start', 'text', 'words']
    >>> rows[0]["words"], rows[0]["cue"]
    (5, 'said')
    """
    from kit.quotes.names import word_count

    return [
        {**q._asdict(), "words": word_count(q.text), "complete": q.complete}
        for q in extract_quotes(text)
    ]


def speakers(text: TextLike) -> list[SpeakerCount]:
    """For each speaker, how many quotes and quoted words ``text`` gives them.

    Most-quoted first (by quotes, then words). Quotes with no known speaker are
    counted in a last row whose speaker is None.

    >>> speakers("“Yes, we can,” Jane Doe said. “No,” said Jane Doe. “Who knows?”")
    [SpeakerCount(speaker='Jane Doe', quotes=3, words=6)]
    """
    from kit.quotes.names import word_count

    counts: dict[str | None, list[int]] = {}
    for q in extract_quotes(text):
        row = counts.setdefault(q.speaker, [0, 0])
        row[0] += 1
        row[1] += word_count(q.text)
    rows = [SpeakerCount(k, n, w) for k, (n, w) in counts.items()]
    return sorted(rows, key=lambda r: (r.speaker is None, -r.quotes, -r.words))
