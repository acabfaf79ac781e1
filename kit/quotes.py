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

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import Iterator, NamedTuple

from kit.texts import WRAP_WIDTH, Span, TextLike, as_text, paragraph_spans
from kit.tokenize import stopwords

__all__ = [
    "FLAGS",
    "NAIVE_QUOTE",
    "Quote",
    "REPORTED_SPEECH",
    "SpeakerCount",
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
    (that is, in ``kit.texts.paragraph_spans(text)``)."""
    mention: str | None = None
    """The words that name the speaker at the cue ("the Leader", "he"), or None."""
    flag: str | None = None
    """None for a plain pair of marks, else a key of :data:`FLAGS`."""

    @property
    def complete(self) -> bool:
        """False when a quotation mark was missing (flag "unclosed" or "unopened")."""
        return self.flag not in ("unclosed", "unopened")


class SpeakerCount(NamedTuple):
    """How much one speaker is quoted: the number of quotes and of words in them."""

    speaker: str | None
    quotes: int
    words: int


# --- Step 1: find the quotation marks ----------------------------------------
#
# Whether a mark opens or closes a quote is decided by the glyph where it is
# unambiguous (“ opens, ” closes) and by where it stands otherwise: after a
# space it opens, before one it closes. Smart-quote converters sometimes
# produce the wrong curly glyph, so position wins over the glyph when they
# disagree.
_MARKS = re.compile(
    r"""
    (?P<close>
        (?<=\S)“(?=[\s.,;:!?)\]]|$)         # “ after a word and before a space: a slip for ” (word“ he said)
      | (?<=\S)[”»]                         # ” and » after a word or punctuation
      | [”»](?![^\W_])                      # ” and » before a space or punctuation
      | (?<=\S)"(?=[\s.,;:!?)\]}—–-]|$)     # a straight " after a word, before a space or punctuation
    )
  | (?P<open>
        [“«]                                # “ and «
      | [”»]                                # ” after a space, before a word ( ”Yes): a slip for “
      | (?<![^\s(\[{—–/-])"(?=\S)           # a straight " at a paragraph start, or after a space, bracket or dash
    )
  | (?P<either>")                           # any other straight " (between two words, or two spaces): it
                                            #   closes an open quote, else it opens one
    """,
    re.VERBOSE,
)

# The characters _MARKS reads. Finding these first and reading each one with
# _MARKS.match is many times faster than trying _MARKS at every character.
_MARK_CHAR = re.compile(r'[“”«»"]')

# Single marks are read only outside double quotes (inside them they are
# nested quotes, part of the quoted words). Apostrophes are told apart by
# position: an apostrophe inside a word (don’t) is followed by a letter, and
# one at the start of a word (’90s) is not preceded by ‘.
_SINGLE_MARKS = re.compile(
    r"""
    (?P<open>
        ‘(?=\S)                             # ‘ before a word
      | (?<![^\s(\[{—–/-])'(?=[^\W\d_])     # a straight ' after a space, before a letter ('Yes)
    )
  | (?P<close>
        (?<=[^\s‘'])[’'](?![^\W_])          # ’ or ' after a non-space and not before a letter or digit,
                                            #   so never the apostrophe in don’t or it’s
    )
    """,
    re.VERBOSE,
)
_QUOTE_END_PUNCT = ".,!?;:…—–-"


class _Region(NamedTuple):
    """A quoted stretch, before anyone is attributed to it."""

    start: int  # the first quoted character
    end: int  # just after the last one
    para: int  # the paragraph where it opens
    flag: str | None
    mark_start: int  # the opening mark (== start when there is none)
    mark_end: int  # just after the closing mark (== end when there is none)


def _trimmed(s: str, mark_start: int, start: int, end: int, mark_end: int, para: int,
             flag: str | None) -> _Region | None:
    """A region with white space trimmed from the quoted words; None if they are empty."""
    while start < end and s[start].isspace():
        start += 1
    while end > start and s[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return _Region(start, end, para, flag, mark_start, mark_end)


def _double_quotes(s: str, paras: list[Span]) -> list[_Region]:
    """The stretches between double quotation marks, paragraph by paragraph.

    Hand-written because no library recovers from unbalanced marks: an open
    quote ends at its paragraph's end unless the next paragraph opens with a
    mark (a quote running over several paragraphs).
    """
    found: list[_Region] = []
    opened: tuple[int, int, int] | None = None  # (mark start, quoted start, paragraph)
    continued = False
    previous_end = 0

    def close(end: int, mark_end: int, flag: str | None) -> None:
        region = _trimmed(s, opened[0], opened[1], end, mark_end, opened[2], flag)
        if region:
            found.append(region)

    for i, (p_start, p_end) in enumerate(paras):
        # Find the mark characters first (fast), then read each with _MARKS.
        marks = [_MARKS.match(s, c.start(), p_end) for c in _MARK_CHAR.finditer(s, p_start, p_end)]
        first_in_paragraph = True
        if opened is not None:
            if marks and marks[0].start() == p_start and marks[0].lastgroup != "close":
                marks = marks[1:]  # a continuation paragraph: the quote runs on
                continued = True
            elif _wrapped_line_break(s, previous_end, p_start):
                first_in_paragraph = False  # a line of the same hard-wrapped paragraph
            else:
                close(previous_end, previous_end, "unclosed")
                opened = None
        for m in marks:
            kind = m.lastgroup
            if opened is None:
                if kind != "close":
                    opened, continued = (m.start(), m.end(), i), False
                elif first_in_paragraph and s[m.start() - 1] in ",.!?…":
                    # A closing mark with nothing open, at the first mark of a
                    # paragraph, after the punctuation that ends a quote: the
                    # opening mark is missing. Recover from the paragraph start.
                    start = p_start
                    while start < m.start() and s[start] in "—–- \t":
                        start += 1
                    region = _trimmed(s, start, start, m.start(), m.end(), i, "unopened")
                    if region:
                        found.append(region)
            elif kind == "open":  # a new quote opens before this one closed
                close(m.start(), m.start(), "unclosed")
                opened, continued = (m.start(), m.end(), i), False
            else:
                close(m.start(), m.end(), "continued" if continued else None)
                opened = None
            first_in_paragraph = False
        previous_end = p_end
    if opened is not None:
        close(previous_end, previous_end, "unclosed")
    return found


def _wrapped_line_break(s: str, left: int, right: int) -> bool:
    """Whether ``s[left:right]``, between two paragraphs, is a line break inside
    one hard-wrapped paragraph: a single newline between two short lines.

    ``paragraph_spans`` may split a wrapped block whose first line ends a
    sentence (“... after that...\nBut won’t you ...”); an open quote runs on
    across such a line break, and is cut only at a blank line or between the
    long lines of a news text.
    """
    if s.count("\n", left, right) != 1:
        return False
    line_start = s.rfind("\n", 0, left) + 1
    line_end = s.find("\n", right)
    return left - line_start <= WRAP_WIDTH and (line_end if line_end >= 0 else len(s)) - right <= WRAP_WIDTH


def _single_quotes(s: str, paras: list[Span], doubles: list[_Region]) -> list[_Region]:
    """Quotes in single marks, looked for only outside the double quotes.

    A closing ’ after a plural (``the workers’ vote``) looks like an
    apostrophe; it closes a quote only if no better closing mark (one after
    punctuation, or before a space and punctuation) comes before the next
    opening mark or the paragraph end. An opening mark that never closes is
    taken for an apostrophe (``‘90s``) and ignored.
    """
    found: list[_Region] = []
    taken = [(r.mark_start, r.mark_end) for r in doubles]
    k = 0
    for i, (p_start, p_end) in enumerate(paras):
        # The gaps of this paragraph that no double quote covers.
        gaps, left = [], p_start
        while k < len(taken) and taken[k][1] <= p_start:
            k += 1
        j = k
        while j < len(taken) and taken[j][0] < p_end:
            gaps.append((left, max(left, taken[j][0])))
            left = max(left, taken[j][1])
            j += 1
        gaps.append((left, p_end))
        for g_start, g_end in gaps:
            if g_end > g_start and (s.find("‘", g_start, g_end) >= 0 or s.find("'", g_start, g_end) >= 0):
                found.extend(_single_in_gap(s, g_start, g_end, i))
    return found


def _single_in_gap(s: str, g_start: int, g_end: int, para: int) -> Iterator[_Region]:
    """The single-quoted stretches in ``s[g_start:g_end]`` (see :func:`_single_quotes`)."""
    opened: re.Match | None = None
    weak: re.Match | None = None  # the first closing ’ that might be an apostrophe
    for m in _SINGLE_MARKS.finditer(s, g_start, g_end):
        if m.lastgroup == "open":
            if opened is not None and weak is not None:
                region = _trimmed(s, opened.start(), opened.end(), weak.start(), weak.end(), para, None)
                if region:
                    yield region
            opened, weak = m, None
        elif opened is not None:
            before, after = s[m.start() - 1], s[m.end() : min(m.end() + 1, g_end)]
            if before in _QUOTE_END_PUNCT or after in ("", *_QUOTE_END_PUNCT, ")", "]"):
                region = _trimmed(s, opened.start(), opened.end(), m.start(), m.end(), para, None)
                if region:
                    yield region
                opened, weak = None, None
            elif weak is None and m.group() == "’" and opened.group() == "‘":
                weak = m
    if opened is not None and weak is not None:
        region = _trimmed(s, opened.start(), opened.end(), weak.start(), weak.end(), para, None)
        if region:
            yield region


# --- Step 2: reporting verbs ----------------------------------------------------

def _forms(verbs: str, *, s_form: bool = True) -> list[str]:
    """The past, -ing and (unless ``s_form`` is False) -s forms of regular verbs:
    note -> noted, noting, notes."""
    forms = []
    for verb in verbs.split():
        if verb.endswith("e"):
            forms += [verb + "d", verb[:-1] + "ing"] + [verb + "s"] * s_form
        elif verb.endswith("y") and verb[-2] not in "aeiou":
            forms += [verb[:-1] + "ied", verb + "ing"] + [verb[:-1] + "ies"] * s_form
        elif verb.endswith(("sh", "ch", "ss", "x")):
            forms += [verb + "ed", verb + "ing"] + [verb + "es"] * s_form
        else:
            forms += [verb + "ed", verb + "ing"] + [verb + "s"] * s_form
    return forms


# Reporting verbs. A word list is the one part no library provides: NLTK has
# no list of speech verbs, and a parser would be far too slow for a whole book.
# The base form counts only for verbs that are rarely nouns ("critics say",
# not "a note"), and the -s form is left out where it is mostly a plural noun
# ("calls", "reports").
_CUE_WORDS = sorted(
    set(
        "say says said saying tell tells told telling write writes wrote writing "
        "begin begins began beginning admit admits admitted admitting quip quipped "
        "thought add warn argue insist explain ask describe slammed".split()
        + _forms(
            "add suggest stress emphasize emphasise explain ask insist argue warn declare "
            "announce observe recall acknowledge confirm deny urge caution complain "
            "concede exclaim murmur mutter reiterate maintain predict assure boast "
            "lament affirm assert retort proclaim testify recount underline underscore "
            "describe agree continue reply respond dismiss condemn criticise criticize praise "
            "hail accuse welcome reject pledge threaten blame apologise apologize question"
        )
        + _forms(
            "note post report claim call demand comment counter answer promise joke vow "
            "plead repeat remark mention whisper shout cry tweet highlight conclude state",
            s_form=False,
        )
    ),
)


def _trie(words: list[str]) -> str:
    """A regex for any of ``words``, shaped as a trie: ``said|says`` becomes
    ``sa(?:id|ys)``. A flat list of 200 words would be tried word by word at
    every character; the trie tries one letter at a time, which makes the
    search several times faster on a whole book."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


_ING_CUES = "saying|adding|noting|stressing|warning|urging|asking|telling|insisting|arguing"

# One pattern for every reporting verb, with a comment for each case.
_CUE_PATTERN = rf"""
    (?<![\w’'-])                                    # a whole word: "so-called" is not "called"
    (?:
        [Aa]ccording\s+to                           # “...,” according to the ministry
      | (?:concluded|concludes|ended|ends|closed|began|opened|wrapped\s+up)
        (?:\s+(?:his|her|their)\s+(?:remarks|speech|statement|comments|address))?
        \s+by\s+(?:{_ING_CUES})                     # concluded (his remarks) by saying
      | quoted\s+as\s+saying                        # was quoted as saying
      | (?:point|points|pointed|pointing)\s+out     # pointed out
      | (?:went|goes|going)\s+on                    # went on
      | {_trie(_CUE_WORDS)}                          # said, added, told, stressed, ... (as a trie, above)
    )
    (?![\w’'-])
"""
_CUE = re.compile(rf"(?P<cue>{_CUE_PATTERN})", re.VERBOSE)


# --- Step 3: names, titles and roles -------------------------------------------

# Python's re has no class for upper-case letters; this one covers Latin (with
# accents), Greek and Cyrillic.
_UP = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
_NAME_WORD = rf"""
    [{_UP}]                                         # a capital letter, then
    (?:
        (?:\.[{_UP}])+\.                            #   the rest of an initialism: U.S., U.K.
      | \.(?=\s+[{_UP}])                            #   the full stop of an initial: John F. Kennedy
      | [\w’'-]*                                    #   the rest of a word: Khamenei, O’Brien, Al-Assad
        (?:(?<=Mr|Ms|Dr|St|Lt|Jr|Sr)\.
          |(?<=Mrs|Gen|Sen|Rep|Gov|Col|Sgt|Adm|Maj|Rev)\.
          |(?<=Capt|Prof)\.)?                        #   and the full stop of Mr., Gen., Prof.
    )
"""
# A run of capitalised words, with the small words that join names and titles
# (Leader of the Islamic Revolution Ayatollah Ali Khamenei, Ursula von der Leyen,
# Bashar al-Assad). It starts with a capital letter, which lets the regex
# engine skip quickly to the next candidate on a long text.
_RUN = re.compile(
    rf"""
    {_NAME_WORD}
    (?:\s+(?:(?:of|the|de|da|di|del|der|den|van|von|bin|ibn|al|el|du|le|la)\s+)*
       (?:(?:al|el|bin|ibn|abu|abd)-)?{_NAME_WORD})*
    """,
    re.VERBOSE,
)
_LONG_RUN = re.compile(  # a run of two or more words: the names that can introduce a person
    rf"""
    {_NAME_WORD}
    (?:\s+(?:(?:of|the|de|da|di|del|der|den|van|von|bin|ibn|al|el|du|le|la)\s+)*
       (?:(?:al|el|bin|ibn|abu|abd)-)?{_NAME_WORD})+
    """,
    re.VERBOSE,
)
_RUN_AFTER = re.compile(  # (minister) Abbas Araghchi, (Leader) of the Islamic Revolution Ayatollah ...
    rf"\s+(?P<name>(?:of\s+(?:the\s+)?)?{_RUN.pattern})", re.VERBOSE
)
_APPOSITION_AFTER = re.compile(  # (the foreign secretary), David Whitcombe,
    rf"(?:\s+(?:of|for|at)\s+[^,.;:!?“”\"]{{1,60}})?,\s+(?P<name>{_RUN.pattern})\s*[,.]", re.VERBOSE
)
_PARTICLES = frozenset("of the de da di del der den van von bin ibn al el du le la".split())

# Words of offices and courtesy titles: dropped from a name, and the roles a
# later "the president" or "the minister" refers back to.
_TITLES = frozenset(
    """
    president vice prime minister premier chancellor secretary general secretary-general
    attorney leader senator sen rep representative congressman congresswoman governor gov
    mayor king queen prince princess emperor empress pope cardinal archbishop bishop judge
    justice chief executive officer ceo cfo coo chairman chairwoman chair director head
    spokesman spokeswoman spokesperson ambassador envoy commissioner commander gen lt
    lieutenant col colonel maj major capt captain sgt sergeant adm admiral marshal field
    count countess duke duchess baron lord lady mr mrs ms miss dr prof professor foreign
    monsieur madame mademoiselle uncle aunt private cadet corporal
    defence defense interior finance economy health deputy acting former state affairs
    president-elect mp mep member council councillor councilman councilwoman steward
    coach manager founder co-founder negotiator speaker delegate
    """.split()
)
# Honorifics kept as part of a name.
_HONORIFICS = frozenset("ayatollah grand hojatoleslam seyyed sayyid sheikh shaikh sir dame".split())
# Words of the title phrase after "of" (Minister of Foreign Affairs Abbas Araghchi).
_TITLE_OBJECTS = frozenset(
    """
    state foreign affairs defence defense interior finance justice health revolution
    commerce trade energy education transport labour labor agriculture treasury economy
    islamic republic national federal staff
    """.split()
)
_GENDER = {
    **dict.fromkeys("mr sir king prince emperor duke baron lord count spokesman chairman "
                    "congressman councilman".split(), "m"),
    **dict.fromkeys("mrs ms miss dame queen princess empress duchess countess lady "
                    "spokeswoman chairwoman congresswoman councilwoman".split(), "f"),
}
# A capitalised word that makes a run a place, an organisation or a date.
_NOT_PERSON = frozenset(
    """
    house union east west north south new republic revolution corridor states kingdom
    nations tv news agency ministry council committee party department office bank court
    army forces force guard guards corps times post journal street square road sea ocean
    gulf river mountains island islands city county province region airport station
    university college school institute center centre foundation organization
    organisation association group company corporation inc ltd co fund programme program
    agreement treaty accord summit conference assembly parliament senate congress cabinet
    government administration navy police service security press reuters agence
    commission authority board agency's ministry's network channel radio television
    st saint san santa fort port mount lake cape
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december god
    """.split()
)
# Capitalised words that start a sentence but are never a name.
_NOT_NAMES = frozenset(
    """
    a an after afterwards again also although and as asked at before but by despite
    during earlier even finally for from further furthermore here however if in indeed
    instead it its last later like meanwhile moreover nevertheless next now on once
    overall separately since so still that the then there these they this those though
    thus to today tomorrow under until upon we what when where while with within without
    yesterday yet he she i you his her their our my sometimes yes oh ah well suddenly
    perhaps every never always soon first finally let dear poor old young little good
    thank thanks please even still besides therefore hence whereupon nor neither either
    behind beside below above among around across along beyond toward towards through
    throughout inside outside near against between except past round call
    """.split()
)
_FUNCTION_WORDS = frozenset(
    """in on at to of for with by from a an the and but or nor as that which who whom whose
    it is was are were be been this these those there here not no so than then if when
    while after before about into onto over under via per because since until""".split()
)
_AGE = re.compile(r"(\d+)-year-old")
# Role words a text uses for one person: the education secretary is "the minister".
_ROLE_SYNONYMS = {
    "minister": ("secretary",),
    "secretary": ("minister",),
    "spokesman": ("spokesperson", "spokeswoman"),
    "spokeswoman": ("spokesperson", "spokesman"),
    "spokesperson": ("spokesman", "spokeswoman"),
}
_PRONOUNS = frozenset("he she they we i it you".split())
_DETERMINERS = frozenset("the a an one another his her its their our some several two three".split())
_INDEFINITE = frozenset("a an one another some several two three".split())
# Heads of a descriptor that can be a person ("the minister", "the Leader").
_PERSON_HEADS = _TITLES | frozenset(
    """
    official spokesman spokeswoman spokesperson analyst expert lawyer prosecutor doctor
    researcher economist diplomat officer player actor author father mother wife husband
    son daughter man woman resident witness survivor student teacher lawmaker candidate
    counterpart cleric boss owner worker farmer nurse pilot soldier victim activist
    campaigner organizer organiser scientist historian writer poet priest imam rabbi
    interviewer strategist adviser advisor aide firefighter machinist engineer driver
    investor billionaire businessman businesswoman entrepreneur protester artist singer
    musician designer architect chef paramedic surgeon physician grandmother grandfather
    midfielder striker defender goalkeeper referee detective inspector neighbour neighbor
    passenger customer parent friend colleague relative voter shopper fan visitor tourist
    patient local
    """.split()
)
_ADVERBS = frozenset(
    """also then later again once further previously earlier recently repeatedly
    reportedly publicly privately simply flatly now just still even has had have
    would will was were is did does""".split()
)

# --- Step 4: sentences, and the words around a quote -------------------------

# Words right before a short quote that make it a name or a scare quote.
_NAMING = re.compile(
    r"(?:so-called|dubbed|termed|known\s+as|nicknamed|called|named|titled|entitled|"
    r"labell?ed|branded|the\s+(?:word|words|term|phrase|slogan|motto|hashtag))\s*$",
    re.IGNORECASE,
)
# Where a chunk of a sentence (a clause, an aside) ends.
_CHUNK_BREAK = re.compile(
    r"[,;:()\[\]—–“”\"«»\x1a]|(?<![\w’'-])(?:and|but|or|who|whom|which|that|while|when|as|after|"
    r"before|because|although|though|if|where)(?![\w’'-])"
)
_SENTENCE_END = re.compile(  # . ? ! or …, closing marks, a space, then a capital, a digit or a quote
    rf"[.!?…]+[”\"’»)\]]*\s+(?=[“\"‘«(\[]?[{_UP}\d\x1a])"
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gen sen rep gov lt col capt sgt prof adm maj rev no vs inc "
    "corp co ltd jan feb aug sept oct nov dec".split()
)
_STOP_AFTER_DESCRIPTOR = (
    r"in|on|at|during|when|while|after|before|as|to|with|without|who|which|that|and|"
    r"but|from|by|through|into|via|because|since|than|told|said|says|added"
)
# A word of an attribution: no punctuation and no quoted text, except the
# full stop of Mr. or an initial.
_PLAIN = rf"(?:(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Adm|Maj|Rev)\.|[{_UP}]\.|[^\s,.;:!?“”\"«»\x1a]+)"
_NP_AFTER = rf"""
    (?:he|she|they|we|I|it)(?![\w’'-])                          # said he
  | (?:the|a|an|one|another|his|her|their|its)\s+{_PLAIN}
    (?:\s+(?!(?:{_STOP_AFTER_DESCRIPTOR})(?![\w’'-])){_PLAIN}){{0,6}}    # said the prince / a spokesman for the ministry
  | (?:[a-z][\w-]*\s+){{0,3}}?(?:{_RUN.pattern})                 # said shop steward Leanne Marsh / Anna Pávlovna
"""
# What may follow a closing mark and attribute the quote.
_AFTER = re.compile(
    rf"""
    [\s,]*
    (?:
        (?P<cue1>{_CUE_PATTERN})\s+(?P<np1>{_NP_AFTER})          # “...,” said the Leader
        (?:\s*,\s*(?P<appos1>{_PLAIN}(?:\s+{_PLAIN}){{0,9}})(?=\s*(?:[,.;:!?]|$)))?
                                                                 #   ..., the chief executive of Acme
      | (?P<np2>{_PLAIN}(?:\s+{_PLAIN}){{0,7}}?)                 # “...,” the Leader
        (?:\s*,\s*(?P<appos2>{_PLAIN}(?:\s+{_PLAIN}){{0,9}}?)\s*,)?  #   , the chief executive of Acme,
        (?:\s+(?:{"|".join(sorted(_ADVERBS))}|[a-z]+ly))*        #   also
        \s+(?P<cue2>{_CUE_PATTERN})                              #   said
      | (?P<cue3>(?<![\w’'-])(?:{_ING_CUES}))(?![\w’'-])         # “...,” adding
    )
    """,
    re.VERBOSE,
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–“”\"«»\x1a]+")  # where a clause ends (punctuation only)
_NP_AFTER_RE = re.compile(rf"\s+(?P<np>{_NP_AFTER})", re.VERBOSE)  # said Smith, “...
_LABEL = re.compile(rf"\s*(?P<np>{_RUN.pattern})\s*:\s*$", re.VERBOSE)  # Okafor: “...”
_COMMA_NEXT = re.compile(r"\s*,")  # “...” , he said (British punctuation)
_LOWER_NEXT = re.compile(r"[\s,]*[a-z]")  # “Why?” he asked
_WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")  # a word, for counting: don’t, North-South


def _word_count(s: str) -> int:
    return len(_WORD.findall(s))


def _clean(word: str) -> str:
    """A name word without a possessive or a full stop: Khamenei’s -> Khamenei."""
    for ending in ("’s", "'s", "’", "'"):
        if word.endswith(ending) and len(word) > len(ending):
            word = word[: -len(ending)]
            break
    return word


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    return _clean(word).rstrip(".").lower()


def _find_word(s: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where ``word`` (lower-case) occurs in ``s[start:end]`` as a whole word, in
    lower or title case. ``str.find`` is many times faster than a case-blind regex."""
    end = len(s) if end is None else min(end, len(s))
    places = []
    for form in (word, word.capitalize()):
        at = s.find(form, start, end)
        while at >= 0:
            before, after = s[at - 1 : at] if at else "", s[at + len(word) : at + len(word) + 1]
            if not (before.isalnum() or before in "’'-" and before) and not (
                after.isalnum() or after in "’'-" and after
            ):
                places.append(at)
            at = s.find(form, at + 1, end)
    return sorted(places)


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Split the words of a capitalised run into (title words, name words).

    ``Belarusian President Alexander Lukashenko`` -> (Belarusian President,
    Alexander Lukashenko); ``Leader of the Islamic Revolution Ayatollah Ali
    Khamenei`` -> (Leader of the Islamic Revolution, Ayatollah Ali Khamenei).
    """
    words = [_clean(w) for w in words]
    last_title = max((i for i, w in enumerate(words) if _key(w) in _TITLES), default=-1)
    if last_title < 0 and len(words) > 1 and _key(words[0]) in _PERSON_HEADS:
        last_title = 0  # an occupation that starts a sentence: Firefighter Liam Carver
    title, name = words[: last_title + 1], words[last_title + 1 :]
    if name and name[0] == "of":  # the rest of the title: of (the) Foreign Affairs ...
        k = 1
        while k < len(name) and (name[k] == "the" or _key(name[k]) in _TITLE_OBJECTS):
            k += 1
        objects = any(_key(w) in _TITLE_OBJECTS for w in name[1:k])
        title, name = title + name[:k], name[k:]
        honorific = next((i for i, w in enumerate(name) if _key(w) in _HONORIFICS), None)
        capitals = [i for i, w in enumerate(name) if w[:1].isupper()]
        if honorific is not None:  # of the Islamic Revolution Ayatollah Ali Khamenei
            title, name = title + name[:honorific], name[honorific:]
        elif len(capitals) >= 3:  # of the United Nations António Guterres
            cut = capitals[-2]
            title, name = title + name[:cut], name[cut:]
        elif not objects:  # chief executive of Brenner Logistik: a company, not a name
            title, name = title + name, []
    if "of" in name:  # President Putin of Russia
        name = name[: name.index("of")]
    while name and not name[0][:1].isupper():  # never start a name with "the" or "de"
        name = name[1:]
    return title, name


@lru_cache(maxsize=16384)
def _split_run(run: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """:func:`_split_name` of a run as written, remembered (a book repeats its names)."""
    title, name = _split_name(run.split())
    return tuple(title), tuple(name)


_ROMAN = re.compile(r"[IVXLC]+")
_PLACE_PREPOSITIONS = [[w] for w in "in at near from into toward towards through across beyond outside inside".split()]


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """The kit's stopword list, read once (``kit.tokenize.stopwords`` builds a new set each call)."""
    return frozenset(stopwords())


@lru_cache(maxsize=16384)
def _run_info(run: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str], bool] | None:
    """A run's title words, name words, name keys, and whether it introduces a
    person (a title, or two or more capitalised name words); None if it does
    not name a person. Remembered, since a book repeats its names."""
    title, name = _split_run(run)
    if not name or not _is_person_name(list(name)):
        return None
    keys = frozenset(_key(w) for w in name if w[:1].isupper())
    return title, name, keys, bool(title) or len(keys) > 1


def _sentence_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary word that starts a sentence
    (When, Sometimes, Suddenly), never part of a name."""
    key = _key(word)
    return (
        key in _NOT_NAMES
        or key in _stopwords()
        or (key.endswith("ly") and len(key) > 4)  # Suddenly
        or (key.endswith("ing") and len(key) > 5)  # Seeing, Meeting
    )


def _is_person_name(name: list[str]) -> bool:
    """Whether capitalised name words look like a person's name, not a place or group."""
    capitals = [w for w in name if w[:1].isupper()]
    if not capitals or any(_key(w) in _NOT_PERSON for w in capitals):
        return False
    if _key(capitals[0]) in _NOT_NAMES:
        return False
    return not any(  # an acronym (BBC, IRNA) is an organisation; a regnal number (XVII) is not
        len(w) > 1 and w.isupper() and "." not in w and not _ROMAN.fullmatch(w) for w in capitals
    )


def _name_start(words: list[str]) -> int | None:
    """Where the name at the end of a phrase starts: 2 in "shop steward Leanne
    Marsh", 0 in "Leader of the Islamic Revolution Ayatollah Ali Khamenei"."""
    start = None
    for i in range(len(words) - 1, -1, -1):
        if words[i][:1].isupper():
            start = i
        elif words[i] not in _PARTICLES or start is None:
            break
    return start


@lru_cache(maxsize=16384)
def _np_kind(chunk: str) -> str | None:
    """What kind of noun phrase a chunk of text is: "pronoun" (he), "name"
    (Ayatollah Khamenei, shop steward Leanne Marsh), "descriptor" (the Leader,
    a spokesman for the ministry, officials), or None (not a noun phrase)."""
    words = chunk.split()
    if not words or len(words) > 9:
        return None
    first, low = words[0], words[0].lower()
    if len(words) == 1 and low in _PRONOUNS:
        return "pronoun"
    start = _name_start(words)
    if start is not None and start > 0 and words[start - 1] not in _FUNCTION_WORDS and (
        sum(w[:1].isupper() for w in words[start:]) >= 2 or _key(words[start - 1]) in _PERSON_HEADS
    ):
        return "name"  # the billionaire investor Marcus Hale, Union boss Ken Ashworth
    if low in _DETERMINERS:
        return "descriptor"
    if first[:1].isupper():
        if _key(first) not in _TITLES and (
            low in _NOT_NAMES or low.endswith("ing") or low.endswith("ly")
        ):
            return None  # Asked about ..., Speaking on ..., Separately
        if first.endswith(("’s", "'s")) and len(words) > 1:
            return "descriptor"  # Iran’s foreign minister
        if all(w[:1].isupper() or w in _PARTICLES or _key(w) in _TITLES for w in words):
            return "name"
        return "descriptor"  # Analysts at Berenberg
    if low in _FUNCTION_WORDS or words[-1].lower() in _FUNCTION_WORDS or not first.isalpha():
        return None
    capitals = [i for i, w in enumerate(words) if w[:1].isupper()]
    if capitals and capitals[0] <= 4 and all(w[:1].isupper() or w in _PARTICLES for w in words[capitals[0]:]):
        return "name"  # shop steward Leanne Marsh: lower-case role words, then a name
    if len(words) <= 3 and not capitals:
        return "descriptor"  # officials, police
    return None


@lru_cache(maxsize=16384)
def _strip_adverbs(chunk: str) -> str:
    words = chunk.split()
    while words and (words[-1] in _ADVERBS or (words[-1].endswith("ly") and words[-1].islower())):
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=16384)
def _leading_np(chunk: str) -> str:
    """The noun phrase a clause starts with: "Opposition leader Tom Redfern" in
    "Opposition leader Tom Redfern accused the government", "" if none."""
    words = chunk.split()
    if not words:
        return ""
    if words[0].lower() in _PRONOUNS:
        return words[0]
    if words[0].lower() in _DETERMINERS:  # up to a person noun: the board’s chairman
        heads = [i for i, w in enumerate(words[:6]) if _key(w) in _PERSON_HEADS]
        if not heads:
            return ""
        k = heads[0]
        while k + 1 in heads:  # the chief executive officer
            k += 1
        return " ".join(words[: k + 1])
    taken = []
    for i, w in enumerate(words):
        if w.endswith(("’s", "'s")) and i + 1 < len(words):  # Iran’s foreign minister
            heads = [k for k in range(i + 1, min(len(words), i + 4)) if _key(words[k]) in _PERSON_HEADS]
            return " ".join(words[: heads[-1] + 1]) if heads else ""
        if w[:1].isupper() or _key(w) in _TITLES or (taken and w in _PARTICLES):
            taken.append(w)
        else:
            break
    while taken and not taken[-1][:1].isupper():
        taken.pop()
    return " ".join(taken)


class _Attribution(NamedTuple):
    cue: str | None
    mention: str | None
    mention_pos: int  # where the mention starts in the text
    appositive: str | None = None  # “...,” the chief executive, Jane Doe, said
    end: int = 0  # where the attribution ends, when it follows the quote


class _Name(NamedTuple):
    """A name as the text writes it once, split from its title."""

    pos: int
    title: tuple[str, ...]
    words: tuple[str, ...]
    keys: frozenset[str]  # its capitalised words, lower-cased, for matching
    introduced: bool  # written with a title, or with two or more capitalised words


class _Voice(NamedTuple):
    """A quote already attributed: where it (and its attribution) ends, where its
    speaker is named, and who."""

    end: int
    mention_pos: int
    speaker: str | None


# --- Step 5: attribution, on one text --------------------------------------------

_SENTENCES_BACK = 4  # how many sentences back "he" or "she" may look for a subject
_NEAR = 4000  # how far (in characters) to look first for the person a role refers to



class _Text:
    """Everything the attribution learns about one text, computed on demand and kept."""

    def __init__(self, s: str, paras: list[Span], regions: list[_Region]) -> None:
        self.s = s
        self.paras = paras
        self.para_starts = [p.start for p in paras]
        # The text with quoted words masked out (their final punctuation kept,
        # so sentence ends stay visible): reporting verbs and names inside a
        # quote are never taken for an attribution.
        parts, last = [], 0
        for r in regions:
            content = s[r.start : r.end]
            keep = len(content) - len(content.rstrip(".,!?…;:"))
            parts += [s[last : r.start], "\x1a" * (len(content) - keep), content[len(content) - keep :]]
            last = r.end
        parts.append(s[last:])
        self.masked = "".join(parts)
        self.voices: list[_Voice] = []  # the quotes attributed so far, in order
        self._sentence_starts: dict[int, list[int]] = {}
        self._by_last: dict[str, list[tuple[int, str]]] | None = None  # capitalised runs by last word
        self._by_first: dict[str, list[tuple[int, str]]] = {}
        self._split: dict[str, list[_Name]] = {}
        self._intro: dict[tuple[frozenset[str], str], list[_Name]] = {}
        self._fullest: dict[tuple[frozenset[str], frozenset[str]], str] = {}
        self._role_cache: dict[int, tuple[int, str, str] | None] = {}
        self._nobody: set[str] = set()
        self._subjects: dict[int, tuple[int, str] | None] = {}
        self._mentions: dict[int, list[tuple[int, str, bool]]] = {}
        self.genders: dict[str, str] = {}

    # -- paragraphs and sentences --

    def para_of(self, pos: int) -> int:
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def sentence_starts(self, p: int) -> list[int]:
        """Where the sentences of paragraph ``p`` start."""
        starts = self._sentence_starts.get(p)
        if starts is None:
            p_start, p_end = self.paras[p]
            starts = [p_start]
            for m in _SENTENCE_END.finditer(self.masked, p_start, p_end):
                word = self.masked[max(p_start, self.masked.rfind(" ", p_start, m.start()) + 1) : m.start()].lower()
                if word in _ABBREVIATIONS or "." in word or (len(word) == 1 and word.isalpha()):
                    continue  # Mr. Smith, U.S. officials, John F. Kennedy
                starts.append(m.end())
            self._sentence_starts[p] = starts
        return starts

    def cues(self, start: int, end: int) -> list[re.Match]:
        """The reporting verbs in ``masked[start:end]``."""
        return list(_CUE.finditer(self.masked, start, end))

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts (never before its paragraph)."""
        starts = self.sentence_starts(self.para_of(pos))
        return starts[bisect_right(starts, pos) - 1]

    # -- finding the cue and the mention --

    def attribute(self, r: _Region, next_mark: int) -> _Attribution | None:
        """The cue and mention of a quote: after its closing mark, else before it."""
        return self._after(r, next_mark) or self._before(r)

    def _after(self, r: _Region, next_mark: int) -> _Attribution | None:
        if r.mark_end == r.end:
            return None  # no closing mark
        last = self.s[r.end - 1]
        stop = min(next_mark, self.paras[self.para_of(r.mark_end)].end)
        if last == "." and not _COMMA_NEXT.match(self.masked, r.mark_end, stop):
            return None  # the quote ended its sentence
        if last in "?!" and not _LOWER_NEXT.match(self.masked, r.mark_end, stop):
            return None  # “Why?” The ... starts a new sentence; “Why?” he asked does not
        m = _AFTER.match(self.masked, r.mark_end, stop)
        if not m:
            return None
        if m.group("cue3"):  # “...,” adding: the speaker is the subject of the sentence
            subject = self._sentence_subject(self.sentence_start(r.mark_start), r.mark_start)
            return _Attribution(m.group("cue3"), *subject, end=m.end()) if subject else None
        for cue, np, appos in (("cue1", "np1", "appos1"), ("cue2", "np2", "appos2")):
            if m.group(cue):
                mention = _strip_adverbs(m.group(np))
                if _np_kind(mention):
                    return _Attribution(m.group(cue), mention, m.start(np), m.group(appos), m.end())
        return None

    def _before(self, r: _Region) -> _Attribution | None:
        start = self.sentence_start(r.mark_start)
        cues = self.cues(start, r.mark_start)
        if not cues:
            label = _LABEL.match(self.masked, start, r.mark_start)
            if label and start == self.paras[r.para].start and _np_kind(label.group("np")) == "name":
                return _Attribution(None, label.group("np"), label.start("np"))  # Okafor: “...”
            return None
        cue = cues[-1]
        subject = self._subject(start, cue.start())
        if subject is not None:
            return _Attribution(cue.group("cue"), *subject)
        # said Smith, “...” / According to Lukas Brandt, an analyst at DZ Bank, “...”
        inverted = _NP_AFTER_RE.match(self.masked, cue.end(), r.mark_start)
        if inverted and not re.search(r"[.;!?“”\"\x1a]", self.masked[inverted.end() : r.mark_start]):
            return _Attribution(cue.group("cue"), inverted.group("np"), inverted.start("np"))
        return _Attribution(cue.group("cue"), None, cue.start())

    def _subject(self, sent_start: int, cue_start: int) -> tuple[str, int] | None:
        """The noun phrase before a reporting verb: "the Leader" in "the Leader said"."""
        left = self.masked[sent_start:cue_start]
        breaks = list(_CHUNK_BREAK.finditer(left))
        at = breaks[-1].end() if breaks else 0
        chunk = _strip_adverbs(left[at:])
        if chunk:
            if _np_kind(chunk):
                return chunk, sent_start + at + len(left[at:]) - len(left[at:].lstrip())
            return None
        # "Smith, the chief executive, said" or "..., adding": the sentence's subject
        return self._sentence_subject(sent_start, cue_start)

    def _sentence_subject(self, sent_start: int, limit: int) -> tuple[str, int] | None:
        """The first noun phrase of a sentence, after any opening phrase ("On Monday, ").

        The sentence is read clause by clause (between commas, dashes,
        brackets): an opening phrase has no noun phrase at its start and is
        skipped; a descriptor followed by a name (``The board’s chairman,
        Howard Leck, said``) gives the name.
        """
        text, left = self.masked, sent_start
        descriptor = None  # a descriptor clause, waiting to see if a name follows it
        for b in [*_CLAUSE_BREAK.finditer(text, sent_start, limit), None]:
            right = b.start() if b else limit
            chunk = text[left:right]
            pos = left + len(chunk) - len(chunk.lstrip())
            cues = self.cues(left, right)
            if descriptor is not None:
                if not cues and _np_kind(_strip_adverbs(chunk)) == "name":
                    return chunk.strip(), pos  # the apposition names the person
                return descriptor
            np = _strip_adverbs(text[left : cues[0].start()]) if cues else _leading_np(chunk)
            kind = _np_kind(np) if np and not (np.isupper() and " " not in np) else None  # not TEHRAN
            if kind is not None:
                if kind == "descriptor" and not cues:
                    descriptor = (np, pos)
                else:
                    return np, pos
            elif cues:
                return None
            left = b.end() if b else limit
        return descriptor

    def last_voice(self, start: int, end: int) -> tuple[int, str | None] | None:
        """The speaker of the last quote or report (a reporting verb with a subject:
        "He added that ...") in ``[start, end)``, as (position, speaker)."""
        quote = None
        for v in reversed(self.voices):
            if v.end < start:
                break
            if v.end <= end:
                quote = v
                break
        cues = self.cues(quote.end if quote else start, end)
        if cues:  # a report after the last quote: its subject, or None if we cannot tell who
            subject = self._subject(self.sentence_start(cues[-1].start()), cues[-1].start())
            return cues[-1].start(), self.resolve(*subject) if subject else None
        return (quote.end, quote.speaker) if quote else None

    # -- who is who --

    def _index(self) -> None:
        """Index the text's runs of two or more capitalised words (the only
        ones that can introduce a person) by their last and first word, once."""
        self._by_last, self._by_first = {}, {}
        s = self.s
        for m in _LONG_RUN.finditer(s):
            words = m.group().split()
            # Words capitalised only because they start a sentence are not part
            # of a name (Sometimes Natásha, Yesterday Smith), and a place right
            # after "in" or "at" is not either ("in Moscow Pierre went ...").
            while words and _sentence_word(words[0]):
                words.pop(0)
            if len(words) > 1 and s[max(0, m.start() - 9) : m.start()].split()[-1:] in _PLACE_PREPOSITIONS:
                words.pop(0)
            if len(words) > 1:
                run = " ".join(words)
                self._by_last.setdefault(_key(words[-1]), []).append((m.start(), run))
                self._by_first.setdefault(_key(words[0]), []).append((m.start(), run))

    def _names_ending(self, surname: str) -> list[_Name]:
        """The person names in the text that end with ``surname``, split from their titles."""
        if surname not in self._split:
            if self._by_last is None:
                self._index()
            entries = []
            for pos, run in self._by_last.get(surname, []):
                info = _run_info(run)
                if info is not None and _key(info[1][-1]) == surname:
                    entries.append(_Name(pos, *info))
            self._split[surname] = entries
        return self._split[surname]

    def _introductions(self, wanted: frozenset[str], last: str) -> list[_Name]:
        """Where the text introduces the person whose name has the words ``wanted``:
        by a full name, or with a title. Failing that, a unique full name that
        starts with the word (Lin -> Lin Wei)."""
        cache_key = (wanted, last)
        if cache_key not in self._intro:
            found = [e for e in self._names_ending(last) if e.introduced and wanted <= e.keys]
            if not found and len(wanted) == 1:
                if self._by_last is None:
                    self._index()
                for pos, run in self._by_first.get(last, []):
                    title, name = _split_run(run)
                    before = self.s[max(0, pos - 30) : pos].replace(",", " ").split()
                    introduced = bool(title) or bool(before) and _key(before[-1]) in _PERSON_HEADS
                    if introduced and _is_person_name(list(name)) and _key(name[0]) == last:
                        keys = frozenset(_key(w) for w in name)
                        found.append(_Name(pos, (), tuple(name), keys, True))
                if len({e.words for e in found}) != 1:
                    found = []
            # A variant the text writes far less often than the usual one is an
            # accident of capitals ("Petersburg Natásha"), not a fuller name.
            counts = Counter(e.keys for e in found)
            top = max(counts.values(), default=0)
            self._intro[cache_key] = [e for e in found if counts[e.keys] * 10 >= top]
        return self._intro[cache_key]

    def person(self, name: list[str], pos: int, title: list[str] | tuple[str, ...] = ()) -> str | None:
        """The fullest name the text gives the person ``name`` mentioned at ``pos``.

        Of the full names that contain every word of ``name``, the one last
        introduced before ``pos`` (else the first after) is the person; their
        name is the longest one written with all of its words. ``title`` holds
        the title words written with this mention (President, Mrs). None if
        the words do not name a person the text introduces.
        """
        if not _is_person_name(name):
            return None
        wanted = frozenset(_key(w) for w in name if w[:1].isupper())
        intro = self._introductions(wanted, _key(name[-1]))
        if not intro:
            result = " ".join(name) if title or len(wanted) > 1 else None
        else:
            i = max(0, bisect_right(intro, pos, key=lambda e: e.pos) - 1) if len(intro) > 1 else 0
            anchor = intro[i].keys
            if (wanted, anchor) not in self._fullest:
                self._fullest[wanted, anchor] = " ".join(
                    max((e for e in intro if anchor <= e.keys), key=lambda e: (len(e.words), -e.pos)).words
                )
            result = self._fullest[wanted, anchor]
        if result is not None and result not in self.genders:
            for word in [*title, *(w for e in intro for w in e.title)]:
                if _key(word) in _GENDER:
                    self.genders[result] = _GENDER[_key(word)]
        return result

    def role_holder(self, descriptor: str, pos: int, *, synonyms: bool = True) -> str | None:
        """The person a definite description refers to: "the Belarusian president".

        Among the people the text introduces with the same role word, the one
        whose role matches most of the description's other words; of those,
        the most recent before ``pos`` (or the first after it, since a news
        lede may say "the prime minister" before naming her). In a long text,
        introductions are looked for near ``pos`` first.
        """
        words = [w.lower() for w in descriptor.split()]
        if words[0] in _INDEFINITE:
            return None  # "a spokesman" introduces someone new
        for i, w in enumerate(words):
            if w in ("of", "for", "at", "from") and i > 0:
                words = words[:i]
                break
        head = _key(words[-1])
        age = next((m.group(1) for m in map(_AGE.fullmatch, words) if m), None)
        if age:  # "the 34-year-old": the person whose age the text gives as 34
            return self._aged(age, pos)
        if head not in _PERSON_HEADS:
            return None
        modifiers = {_key(w) for w in words[1:-1]} - {"the", "his", "her", "its", "their"}
        found = self._nearest_holder(head, modifiers, pos, max(0, pos - _NEAR), pos + _NEAR // 2)
        if found is None and head not in self._nobody and len(self.s) <= 10 * _NEAR:
            # An article: look through the whole text, once for each role word.
            # (In a book, a role is only looked for near its mention.)
            found = self._nearest_holder(head, modifiers, pos, 0, len(self.s))
            if found is None:
                self._nobody.add(head)  # no one in the text holds this role
        if found is None:
            for other in _ROLE_SYNONYMS.get(head, ()) if synonyms else ():  # the education secretary ... the minister
                found = self.role_holder(" ".join([*words[:-1], other]), pos, synonyms=False)
                if found:
                    return found
            return None
        return found

    def _nearest_holder(self, head: str, modifiers: set[str], pos: int, lo: int, hi: int) -> str | None:
        """Of the people introduced with role ``head`` in ``[lo, hi)``, the one whose
        role shares most of ``modifiers``; of equals, the latest before ``pos``,
        else the first after it. Introductions are read outwards from ``pos``
        and the search stops at the first one that matches every modifier."""
        places = _find_word(self.s, head, lo, hi)
        best, best_matched = None, -1
        for at in [*reversed([a for a in places if a < pos]), *(a for a in places if a >= pos)]:
            holder = self._role_at(head, at)
            if holder is None:
                continue
            matched = sum(m in holder[2] for m in modifiers)
            if matched > best_matched:
                best, best_matched = holder[1], matched
                if matched == len(modifiers):
                    break
        return best

    def _aged(self, age: str, pos: int) -> str | None:
        """The person last given the age ``age`` before ``pos``: "Liam Carver, 34,"."""
        found = None
        for m in re.finditer(rf"({_RUN.pattern}),\s+{age}\b", self.s[:pos], re.VERBOSE):
            title, name = _split_name(m.group(1).split())
            who = self.person(name, m.start(), title) if name else None
            found = who or found
        return found

    def _role_at(self, head: str, at: int) -> tuple[int, str, str] | None:
        """The person the role word at ``at`` introduces, as (position, name, role words)."""
        if at in self._role_cache:
            return self._role_cache[at]
        s, end = self.s, at + len(head)
        window = max(0, at - 160)
        role = s[max(0, at - 40) : end].lower()
        found = None
        # (1) the role stands before the name: President Alexander Lukashenko,
        #     foreign minister Abbas Araghchi, Leader of the Islamic Revolution Ayatollah Ali Khamenei
        named = _RUN_AFTER.match(s, end)
        if named:
            title, name = _split_name([s[at:end], *named.group("name").split()])
            if name:
                found = (at, self.person(name, named.start("name"), title), role)
        # (2) an apposition after the name: Jane Doe, the chief executive of Acme
        if found is None or found[1] is None:
            before = s[window:at]
            comma = before.rfind(",")
            aside = before[comma + 1 :]
            if comma >= 0 and len(aside.split()) <= 6 and not re.search(r"[.;:!?“”\"]", aside):
                words = before[:comma].split()[-8:]
                k = len(words)
                while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in _PARTICLES):
                    k -= 1
                title, name = _split_name(words[k:]) if k < len(words) else ([], [])
                if name:
                    found = (at, self.person(name, at - len(aside) - 1, title), aside.lower() + " " + head)
        # (3) an apposition before the name: the foreign secretary, David Whitcombe,
        if found is None or found[1] is None:
            named = _APPOSITION_AFTER.match(s, end)
            if named:
                title, name = _split_name(named.group("name").split())
                if name:
                    found = (at, self.person(name, named.start("name"), title or [head]), role)
        result = found if found is not None and found[1] is not None else None
        self._role_cache[at] = result
        return result

    def _mentions_in(self, p: int) -> list[tuple[int, str, bool]]:
        """Every person paragraph ``p`` names outside quotes."""
        if p not in self._mentions:
            found = []
            for run in _RUN.finditer(self.masked, *self.paras[p]):
                if " " not in run.group() and _key(run.group()) in _NOT_NAMES:
                    continue
                title, name = _split_name(run.group().split())
                if name and _key(name[0]) not in _NOT_NAMES:
                    who = self.person(name, run.start(), title)
                    if who:
                        found.append((run.start(), who, False))
            self._mentions[p] = found
        return self._mentions[p]

    def antecedent(self, pronoun: str, pos: int) -> str | None:
        """The person "he" or "she" at ``pos`` most likely refers to.

        The most recent person, in this paragraph or the two before it, who
        was the subject of a sentence or the speaker of a quote; failing that,
        the most recent person mentioned there at all. A person known (from a
        title, or an earlier pronoun) to be of the other gender is skipped.
        """
        gender = {"he": "m", "she": "f"}[pronoun]
        here = self.para_of(pos)
        first = max(0, here - 2)
        window = self.paras[first].start

        def fits(who: str | None) -> bool:
            return who is not None and self.genders.get(who, gender) == gender

        voice = None  # the last quote's speaker, where they were named
        for v in reversed(self.voices):
            if v.end < window:
                break
            if v.mention_pos < pos and window <= v.mention_pos and fits(v.speaker):
                voice = (v.mention_pos, v.speaker)
                break
        subject = None  # the subject of the latest sentence that has a person as subject
        looked = 0
        for p in range(here, first - 1, -1):
            starts = self.sentence_starts(p)
            ends = starts[1:] + [self.paras[p].end]
            for start, end in reversed(list(zip(starts, ends))):
                if start >= pos:
                    continue
                if voice and voice[0] >= end or looked == _SENTENCES_BACK:
                    break
                looked += 1
                found = self._subject_of_sentence(start, end)
                if found and found[0] < pos and fits(found[1]):
                    subject = found
                    break
            if subject or looked == _SENTENCES_BACK or (voice and voice[0] >= self.paras[p].start):
                break
        candidates = [c for c in (voice, subject) if c]
        if not candidates:  # nobody was a subject: anyone mentioned outside quotes
            candidates = [c[:2] for p in range(first, here + 1) for c in self._mentions_in(p)
                          if c[0] < pos and fits(c[1])]
        if not candidates:
            return None
        chosen = max(candidates)[1]
        self.genders.setdefault(chosen, gender)
        return chosen

    def _subject_of_sentence(self, start: int, end: int) -> tuple[int, str] | None:
        """The person who is the subject of the sentence ``[start, end)``, if any."""
        if start not in self._subjects:
            found = None
            subject = self._sentence_subject(start, end)
            if subject and _np_kind(subject[0]) != "pronoun":
                who = self.resolve(*subject)
                if who:
                    found = (subject[1], who)
            self._subjects[start] = found
        return self._subjects[start]

    def resolve(self, mention: str, pos: int, appositive: str | None = None) -> str | None:
        """The canonical name of the person a mention refers to, or None."""
        kind = _np_kind(mention)
        if appositive and kind != "name" and _np_kind(appositive) == "name":
            mention, kind = appositive, "name"  # the chief executive, Jane Doe, said
        if kind == "pronoun":
            low = mention.lower()
            return self.antecedent(low, pos) if low in ("he", "she") else None
        if kind == "name":
            words = mention.split()
            start = _name_start(words) or 0
            title, name = _split_name(words[start:])
            if name:
                return self.person(name, pos, [*words[:start], *title])
            mention = "the " + mention  # a title alone: "Leader" is "the Leader"
        if kind in ("name", "descriptor"):
            return self.role_holder(mention, pos)
        return None


# --- Step 6: which quoted stretches are quotations ---------------------------------


def _is_title(content: str) -> bool:
    """Whether quoted words look like the title of a work: Lessons From the Back Row."""
    words = _WORD.findall(content)
    return (
        2 <= len(words) <= 12
        and content.rstrip()[-1:] not in ".,!?…"
        and all(w[:1].isupper() or len(w) <= 3 for w in words)
        and sum(w[:1].isupper() for w in words) >= 2
    )


def _is_scare_quote(t: _Text, r: _Region, attribution: _Attribution | None) -> bool:
    """Whether a quoted stretch is a scare quote, a name or a title, not a quotation.

    1. Four words or more are a quotation, unless they are in Title Case with
       no closing punctuation (the title of a work).
    2. Right after a naming word (so-called, dubbed, known as) they are a name.
    3. With a reporting verb in their sentence they are a quotation.
    4. Without one, a title inside a sentence is a title; anything else is a
       quotation only if it stands as a sentence of its own (“Not yet.”).
    """
    if r.end - r.start > 80 and t.s.count(" ", r.start, r.start + 80) >= 6 and t.s[r.end - 1] in ".,!?…":
        return False  # rule 1 for a long quote that ends like speech, decided cheaply
    content = t.s[r.start : r.end]
    if _word_count(content) >= 4 and (content[-1] in ".,!?…" or not _is_title(content)):
        return False  # rule 1
    before = t.masked[t.sentence_start(r.mark_start) : r.mark_start]
    if _NAMING.search(before[-40:]):
        return True  # rule 2
    if attribution is not None and attribution.cue is not None:
        return False  # rule 3
    if _is_title(content) and before.strip():
        return True  # rule 4: her memoir “Lessons From the Back Row”
    after = t.masked[r.mark_end : t.paras[t.para_of(r.mark_end)].end].lstrip()
    stands_alone = not before.strip() and (content[-1] in ".!?…" or after[:1] in ("", ".", "!", "?"))
    return not stands_alone


# --- The public functions ------------------------------------------------------


def extract_quotes(text: TextLike) -> list[Quote]:
    """Every direct quotation in ``text``, in text order (see the module docs).

    The steps: find the quoted stretches (step 1); for each, find its cue and
    mention (steps 2 to 4, :meth:`_Text.attribute`); drop scare quotes and
    titles (step 6); resolve the mention to a person (step 5), or, with no cue
    at all, carry on the speaker of the last quote or report before it.

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
    paras = paragraph_spans(s)
    regions = _double_quotes(s, paras)
    if "‘" in s or "'" in s:
        regions = sorted(regions + _single_quotes(s, paras, regions))
    if not regions:
        return []
    t = _Text(s, paras, regions)
    quotes: list[Quote] = []
    for n, r in enumerate(regions):
        next_mark = regions[n + 1].mark_start if n + 1 < len(regions) else len(s)
        attribution = t.attribute(r, next_mark)
        if _is_scare_quote(t, r, attribution):
            continue
        cue = mention = speaker = None
        mention_pos = r.mark_start
        if attribution is not None:
            cue, mention = attribution.cue, attribution.mention
            if mention is not None:
                mention_pos = attribution.mention_pos
                speaker = t.resolve(mention, mention_pos, attribution.appositive)
        else:
            # No cue: the quote continues the last quote or report before it,
            # in its paragraph, else in the paragraph before.
            p_start = t.paras[r.para].start
            voice = t.last_voice(p_start, r.mark_start)
            if voice is None and r.para > 0:
                voice = t.last_voice(t.paras[r.para - 1].start, p_start)
            if voice is not None:
                speaker = voice[1]
        t.voices.append(_Voice(max(r.mark_end, attribution.end if attribution else 0), mention_pos, speaker))
        quotes.append(Quote(s[r.start : r.end], r.start, r.end, speaker, cue, r.para, mention, r.flag))
    return quotes


def quote_records(text: TextLike) -> list[dict[str, object]]:
    """The quotes of ``text`` as a table: one dict per quote, ready for pandas or csv.

    Each record has the fields of :class:`Quote`, plus ``words`` (how many
    words are quoted) and ``complete``.

    >>> rows = quote_records("“We will never give in,” she said.")
    >>> sorted(rows[0])
    ['complete', 'cue', 'end', 'flag', 'mention', 'paragraph', 'speaker', 'start', 'text', 'words']
    >>> rows[0]["words"], rows[0]["cue"]
    (5, 'said')
    """
    return [
        {**q._asdict(), "words": _word_count(q.text), "complete": q.complete}
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
        row[1] += _word_count(q.text)
    rows = [SpeakerCount(k, n, w) for k, (n, w) in counts.items()]
    return sorted(rows, key=lambda r: (r.speaker is None, -r.quotes, -r.words))
