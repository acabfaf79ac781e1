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
Each quote gets a **cue**, the reporting verb (``said``, ``pointed out``,
``concluded by saying``, ``according to``), and a **mention**, the words that
name the speaker where the cue is (``the Leader``, ``he``, ``Lukashenko``). The
cue is looked for right after the closing mark (``“...,” the Leader said``,
``“...,” said Lukashenko``), then earlier in the quote's own sentence
(``Ayatollah Khamenei added, “...”``, ``X concluded by saying that ...,
adding, “...”``). The mention is then resolved to a person:

* a title or role to the person it introduces: *the Leader* is the person
  named in *Leader of the Islamic Revolution Ayatollah Ali Khamenei*, and *the
  Belarusian president* the one in *Belarusian President Alexander
  Lukashenko*; appositions work too (*Jane Doe, the chief executive of Acme*,
  *the foreign secretary, David Whitcombe*);
* a surname to the fullest name the text gives (*Lukashenko* → *Alexander
  Lukashenko*), and an age to the person given that age (*the 34-year-old* →
  *Liam Carver, 34,*);
* *he* or *she* to the most recent person who was the subject of a sentence or
  the speaker of a quote, in the last four sentences (within this paragraph
  and the two before it); a person known from a title (*Mrs*, *Mr*) to be of
  the other gender is skipped.

A quote with no cue of its own (the last one above) continues the speaker of
the quote or report (*He added that ...*) just before it, in its paragraph or
the one before. If nothing names a person, the speaker is None: *a spokesman
for the ministry*, *the newspaper* and *Iran said* give None, never a guess.

**The speaker's name** is the fullest name the text gives that person, with
titles of office and courtesy titles removed (*President*, *Prime Minister*,
*the Leader of ...*, *Mr*, *Dr*) but honorifics that the text uses as part
of the name kept (*Ayatollah*, *Seyyed*, *Sheikh*, *Sir*, *Dame*). Offices change
hands, while news writing keeps an honorific on every mention (*Ayatollah
Khamenei*). So seed 000's speaker is *Ayatollah Ali Khamenei*, and seed 001's,
whose text gives the longer form, *Ayatollah Seyyed Ali Khamenei*:

>>> from kit.texts import load_articles
>>> a, b = load_articles()
>>> sorted({q.speaker for q in extract_quotes(a)})
['Alexander Lukashenko', 'Ayatollah Ali Khamenei']
>>> speakers(b)
[SpeakerCount(speaker='Ayatollah Seyyed Ali Khamenei', quotes=6, words=148), SpeakerCount(speaker='Alexander Lukashenko', quotes=2, words=62)]

A person must be introduced by a full name or a title somewhere in the text
before a bare surname counts as one: *Iran said* and *Reuters reported* have a
mention but no speaker.

How quotation marks are read
----------------------------
Curly ``“ ”``, straight ``" "`` and angle ``« »`` marks, mixed in any pair.
A straight mark opens or closes depending on where it stands (after a space
it opens, before one it closes). Single marks inside double ones are part of
the quote; apostrophes (``countries’``, ``don’t``) are never marks. Single
marks outside double ones (as in headlines) are quotes of their own.

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
sentence introduces it or it stands as a sentence of its own (``“No,” he
said.``, ``“Not yet.”``), and never right after a naming word (*so-called*,
*dubbed*, *known as*). A quote in Title Case inside a sentence, with no
reporting verb, is the title of a work (*her memoir “Lessons From the Back
Row”*):

>>> extract_quotes("Iran leads the so-called “axis of resistance” in the region.")
[]

Known limits
------------
Gender comes only from titles, so *she* can land on a man whose gender the
text never states. A person introduced as *a man* and named only in a later
paragraph is not found for the *he* before the name. Text that puts single
marks outside and double marks inside (``‘He said “no”,’``) is read the
American way round. In a novel, a place glued to a name without a comma (*on
the way to Petersburg Natásha was ...*) can lengthen that person's name.

Speed: about a second for the whole of *War and Peace* (3.2 million
characters, 9,000 quotations); see ``benchmarks/bench_quotes.py``.

Tables
------
``quote_records(text)`` gives one dict per quote, ready for
``pandas.DataFrame(...)`` or ``csv.DictWriter``; ``speakers(text)`` counts
quotes and words per speaker.
"""

from __future__ import annotations

from typing import NamedTuple

from kit.quotes.attribution import attribute
from kit.quotes.cast import Character, characters
from kit.quotes.names import word_count
from kit.texts import TextLike, as_text

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
    """The fullest name the text gives the speaker, or None when no person is named."""
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
    president could be Joe Biden or Xi Jinping", "“a spokesman” is someone the
    text does not name"), else None."""

    @property
    def complete(self) -> bool:
        """False when a quotation mark was missing (flag "unclosed" or "unopened")."""
        return self.flag not in ("unclosed", "unopened")


class SpeakerCount(NamedTuple):
    """How much one speaker is quoted: the number of quotes and of words in them."""

    speaker: str | None
    quotes: int
    words: int


# The steps, each in its own module: 1 marks.py (the quotation marks), 2 and 4
# cues.py (reporting verbs, the words around a quote), 3 names.py (names,
# titles, roles), 5 attribution.py (who said it), 6 scare.py (scare quotes).


# --- The public functions ------------------------------------------------------


def extract_quotes(text: TextLike) -> list[Quote]:
    """Every direct quotation in ``text``, in text order (see the module docs).

    The steps (:mod:`kit.quotes.attribution`): find the marks; for each quoted
    stretch find its cue and mention, and drop scare quotes and titles;
    resolve the mention to a speaker; give quotes with no cue the speaker
    around them.

    >>> extract_quotes("“Sanctions made us stronger,” the minister said.")[0].cue
    'said'
    >>> extract_quotes("")
    []
    >>> extract_quotes(42)
    Traceback (most recent call last):
    ...
    TypeError: text must be an Article or a str, not int. Load a file first: kit.load_article("path/to/file.txt").
    """
    s = as_text(text)
    quotes = []
    for a in attribute(s):
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
    counts: dict[str | None, list[int]] = {}
    for q in extract_quotes(text):
        row = counts.setdefault(q.speaker, [0, 0])
        row[0] += 1
        row[1] += word_count(q.text)
    rows = [SpeakerCount(k, n, w) for k, (n, w) in counts.items()]
    return sorted(rows, key=lambda r: (r.speaker is None, -r.quotes, -r.words))
