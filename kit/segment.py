"""Splitting a text into paragraphs, sentences and words, with their character spans.

This is the kit's one place for segmentation: keywords, collocations, quotations,
version comparison and the lessons all ask it, and nothing else in the kit keeps
a splitter, a word pattern or an abbreviation list of its own. A running
example, from seed 000:

>>> text = ("Ayatollah Khamenei said the U.S. and its allies must act. "
...         "“Launching the North-South Corridor will be to both countries’ benefit.” "
...         "He added, “It is [also] to another’s benefit.”")

**Sentences.** ``U.S.`` does not end a sentence, and a closing quotation mark
after a full stop stays with its sentence:

>>> for s in sentences(text):
...     print(s)
Ayatollah Khamenei said the U.S. and its allies must act.
“Launching the North-South Corridor will be to both countries’ benefit.”
He added, “It is [also] to another’s benefit.”

**Words** are lower-cased with punctuation dropped. Hyphenated names stay one
word; an apostrophe stays inside its word (curly ones become straight, so
``don’t`` and ``don't`` count as one word), and the apostrophe of a plural
possessive (``countries’``) is dropped. Editorial brackets are punctuation.

>>> words(text)[-12:]
['to', 'both', 'countries', 'benefit', 'he', 'added', 'it', 'is', 'also', 'to', "another's", 'benefit']

**Tokens** keep everything, with the character span and the kind of each, so
that ``text[t.start:t.end] == t.text``:

>>> tokens("See https://www.bbc.co.uk/news at 9 a.m. #Tehran")
[Token(text='See', start=0, end=3, kind='word'), Token(text='https://www.bbc.co.uk/news', start=4, end=30, kind='url'), Token(text='at', start=31, end=33, kind='word'), Token(text='9', start=34, end=35, kind='number'), Token(text='a.m.', start=36, end=40, kind='word'), Token(text='#Tehran', start=41, end=48, kind='hashtag')]

How paragraphs are found
------------------------
A blank line always ends a paragraph. A single line break is read as the
writer meant it: news sites put one paragraph on each line, while books from
Project Gutenberg wrap their lines at about 70 characters. A line break joins
two lines of one paragraph only when the first line is *full* (the next line's
first word would not have fitted on it: that is how text is wrapped) or when
it stops mid-sentence and the next line goes on in lower case. A headline, a
byline, a dateline and every item of a list therefore stay paragraphs of their
own:

>>> text = "Markets fall as rates rise\\nBy Jane Doe\\nLONDON (Reuters) - Stocks fell on Monday."
>>> [text[s:e] for s, e in paragraph_spans(text)]
['Markets fall as rates rise', 'By Jane Doe', 'LONDON (Reuters) - Stocks fell on Monday.']

How sentences are found
-----------------------
A sentence never runs over a paragraph, so a headline is a sentence of its
own. Within a paragraph, every ``.``, ``?``, ``!`` or ``…`` followed by white
space is a candidate break; closing quotation marks and brackets after it stay
with the sentence. Then, by the word before the mark and the word after it:

1. ``?`` and ``!`` end a sentence unless the next word is in lower case
   (``“Why?” he asked.``);
2. an ellipsis ends a sentence when the next word starts with a capital;
3. a full stop after an ordinary word (or a number: ``3.14.``) ends a sentence,
   unless the next word is in lower case: a lower-case start is a sentence
   only for a name spelt that way (``eBay``, ``iPhone``: a capital inside it);
4. a full stop after an abbreviation (the one list the kit ships,
   ``kit/data/abbreviations.txt``: ``Dr``, ``No``, ``St``, ``Jan``), an
   initialism (``U.S.``, ``e.g.``, ``Ph.D.``, ``9 a.m.``) or an initial
   (``John F. Kennedy``) ends a sentence only when the next word is a capitalised
   function word (``The``, ``He``, ``But``: ``kit/data/sentence_starters.txt``).
   Inside a sentence such words are written in lower case, so a capital there
   means a new sentence: ``in the U.S. The talks went on.``

Rule 4 is the decision NLTK's Punkt makes with its abbreviation and
sentence-starter parameters (``PunktParameters.abbrev_types`` and
``sent_starters``); ``tests/test_segment.py`` checks that the two agree. The
kit writes it out rather than calling Punkt, because untrained Punkt knows no
initialisms (it splits ``the U.S. Senate``), its parameters cannot be extended
with them without changing the tokenizer for every later call, and a rule
that reads in ten lines is one a student can check by hand.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from importlib import resources
from typing import Iterable, NamedTuple

from kit.texts import Span, TextLike, as_text, line_ends_in_place

__all__ = [
    "ABBREVIATION_KINDS",
    "Token",
    "WRAP_WIDTH",
    "abbreviations",
    "normalise",
    "paragraph_spans",
    "sentence_spans",
    "sentence_starters",
    "sentences",
    "spelt_out",
    "stopwords",
    "token_counts",
    "tokens",
    "words",
]


# --- the kit's word lists ------------------------------------------------------------


@cache
def _shipped(name: str) -> frozenset[str]:
    """A word list from ``kit/data/``: one entry a line, ``#`` starts a comment."""
    lines = resources.files("kit").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in lines.splitlines() if line.strip() and not line.startswith("#")
    )


ABBREVIATION_KINDS = ("title", "name", "organisation", "date", "other")
"""The kinds of abbreviation in ``kit/data/abbreviations.txt``: ``title`` (written
before a name: Dr, Gen, St), ``name`` (after one: Jr, Esq), ``organisation``
(Co, Inc), ``date`` (Jan) and ``other`` (etc, No)."""


@cache
def _abbreviation_table() -> dict[str, tuple[str, str]]:
    """Each abbreviation's (kind, full form) from ``kit/data/abbreviations.txt``."""
    table = {}
    for line in _shipped("abbreviations.txt"):
        word, kind, *full = line.split(maxsplit=2)
        table[word] = (kind, full[0] if full else word)
    return table


def _abbreviation_kinds() -> dict[str, str]:
    return {word: kind for word, (kind, _) in _abbreviation_table().items()}


def spelt_out(word: str) -> str:
    """What an abbreviation of the kit's list stands for; any other word as it is.

    >>> spelt_out("Sen."), spelt_out("gen"), spelt_out("Mr"), spelt_out("president")
    ('senator', 'general', 'mr', 'president')
    """
    key = word.rstrip(".").lower()
    return _abbreviation_table().get(key, (None, key))[1]


def abbreviations(*kinds: str) -> frozenset[str]:
    """The abbreviations that end with a full stop but not a sentence, in lower
    case without the full stop: the kit's one list, ``kit/data/abbreviations.txt``.

    Name one or more kinds (:data:`ABBREVIATION_KINDS`) to get only those:

    >>> {"dr", "no", "st", "mt", "jan"} <= abbreviations()
    True
    >>> sorted(abbreviations("name"))
    ['esq', 'jr', 'sr']
    >>> abbreviations("titles")
    Traceback (most recent call last):
    ...
    ValueError: Unknown kind of abbreviation 'titles'. Choose from: title, name, organisation, date, other.
    """
    for kind in kinds:
        if kind not in ABBREVIATION_KINDS:
            raise ValueError(f"Unknown kind of abbreviation {kind!r}. Choose from: {', '.join(ABBREVIATION_KINDS)}.")
    table = _abbreviation_kinds()
    return frozenset(w for w, k in table.items() if not kinds or k in kinds)


def sentence_starters() -> frozenset[str]:
    """Function words that, capitalised after an abbreviation, start a new sentence.

    >>> "the" in sentence_starters(), "smith" in sentence_starters()
    (True, False)
    """
    return _shipped("sentence_starters.txt")


def stopwords(extra: Iterable[str] = ()) -> set[str]:
    """The kit's English stopword list (``kit/data/stopwords.txt``), as a new set.

    Add your own words with ``extra`` (normalised as :func:`words` normalises
    text, so ``Iran’s`` and ``Iran's`` are the same stopword), or with ``|``:

    >>> "the" in stopwords(), "said" in stopwords()
    (True, False)
    >>> "said" in stopwords(extra=["Said"]) and "said" in stopwords() | {"said"}
    True
    """
    if isinstance(extra, str):
        raise TypeError(f"extra must be a list of words, not the string {extra!r}: write [{extra!r}].")
    return set(_shipped("stopwords.txt")) | {normalise(w) for w in extra}


# --- words ---------------------------------------------------------------------------

# One regex for every token, in the style of wordfreq's tokens.py, with a comment
# for each case it handles. The named group that matched gives the token's kind
# (an e-mail address is a word with an @-part; a number is a word of digits).
# The order is chosen for speed on a whole book: a web address is looked for
# only where an h or a w stands, and the endings of a word (@, web domain) only
# where one of their characters follows it.
_LETTER = r"[^\W\d_]"
_TLD = r"(?:com|org|net|edu|gov|int|mil|info|biz|io|co|uk|us|ca|au|de|fr|eu|ru|cn|in|ir|by)"
_URL = r"""
        (?i:https?://|www\.)[^\s<>"“”‘’']*[^\s<>"“”‘’'.,;:!?)\]]   # a web address, up to its last
                                                                 #   character that is not punctuation
"""
_WORD = rf"""
        [^\W_]                                                   # a word starts with a letter or a digit;
        (?:
            (?<={_LETTER}){_LETTER}?\.(?:{_LETTER}{{1,2}}\.)+        #   initialisms keep their full stops:
                                                                 #   U.S., e.g., i.e., a.m., Ph.D.
          | [\w\u0300-\u036f]*                                    #   other words go on with letters, digits,
                                                                 #   underscores, combining accents (é as e + ́),
            (?:
                [-'’][^\W_][\w\u0300-\u036f]*                     #   joined inside by hyphens and apostrophes:
                                                                 #   North-South, don’t, another’s, 1805-6,
              | (?<=\d)[.,:/]\d+                                 #   numbers by . , : /: 3.14, 1,000, 9:30, 1/2
            )*
            (?:(?=[.@+-])(?:
                (?P<email>[\w.+-]*@[^\W_][\w-]*(?:\.[\w-]+)+)      #   then the rest of an e-mail address:
                                                                 #   jane.doe@example.com
              | (?i:\.[a-z0-9-]+)*\.(?i:{_TLD})(?!\w|\.\w)          #   or of a web domain: bbc.co.uk
            ))?
        )
"""
_HASHTAG = r"""
        (?<![\w@#])[#@][^\W_]\w*                                  # hashtags and handles: #MeToo, @BBCNews
"""
_POSSESSIVE = r"""
        (?<=[sS])['’](?![^\W_])                                  # the apostrophe of a plural possessive
                                                                 #   (countries’): part of the word before it
"""
_TOKEN = re.compile(
    rf"""(?=[hHwW])(?P<url>{_URL})|(?P<word>{_WORD})|(?P<hashtag>{_HASHTAG})
         |(?P<possessive>{_POSSESSIVE})|(?P<punct>\S)                # anything else is one punctuation mark""",
    re.VERBOSE,
)


@cache
def _flat_token(urls: bool, hashtags: bool) -> re.Pattern:
    """The token pattern for :func:`words`, which needs no kinds and no spans:
    a plain ``findall`` pattern, without the web-address or hashtag parts when
    the text has no ``://``/``www.`` or ``#``/``@`` (a book runs faster without
    them). Possessive apostrophes are blanked out before it runs."""
    parts = [f"(?=[hHwW]){_URL}"] * urls + [_FAST_WORD, _WORD] + [_HASHTAG] * hashtags + [r"\S"]
    return re.compile(re.sub(r"\(\?P<\w+>", "(?:", "|".join(parts)), re.VERBOSE)


_FAST_WORD = r"""
        [^\W\d_]+(?=[\s,;!?"”)—])                                  # a run of letters before a space or a
                                                                 #   comma: most words of a book, which
                                                                 #   _WORD would match just the same
"""
""":func:`words` tries this before :data:`_WORD`. It gives the same tokens (a
test checks it on random text) twice as fast: it never tries the initialism
branch, which fails on nearly every word."""

_BLANK_POSSESSIVE = re.compile(r"'(?<=[sS]')(?![^\W_])")
""":data:`_POSSESSIVE` once curly apostrophes are straight, starting with the
apostrophe itself: a pattern that starts with a plain character lets ``re``
skip ahead to the next one, six times faster on a book than a look-behind first."""


class Token(NamedTuple):
    """One token: its text as written, where it is, and its kind.

    ``kind`` is ``"word"``, ``"number"``, ``"url"``, ``"email"``, ``"hashtag"``
    (``#MeToo`` or ``@BBCNews``) or ``"punct"``. Every kind but ``"punct"`` is
    a word for :func:`words`.
    """

    text: str
    start: int
    end: int
    kind: str


def tokens(text: TextLike) -> list[Token]:
    """Every token of ``text``, words and punctuation, with character spans.

    >>> [t.text for t in tokens("Pi is 3.14. Write to jane@example.com!")]
    ['Pi', 'is', '3.14', '.', 'Write', 'to', 'jane@example.com', '!']
    """
    s = as_text(text)
    found: list[Token] = []
    for m in _TOKEN.finditer(s):
        if m.lastgroup == "possessive":  # countries’: the apostrophe ends the word before it
            last = found[-1]
            found[-1] = last._replace(text=s[last.start : m.end()], end=m.end())
        else:
            found.append(Token(m.group(), m.start(), m.end(), _kind(m)))
    return found


_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")


def _kind(m: re.Match) -> str:
    """The kind of a token matched by ``_TOKEN``: the name of its group, told apart further for words."""
    if m.lastgroup != "word":
        return m.lastgroup
    if m.group("email"):
        return "email"
    return "number" if _NUMBER.fullmatch(m.group()) else "word"


def normalise(token: str, *, lower: bool = True) -> str:
    """A token as :func:`words` writes it: lower case (unless ``lower=False``),
    straight apostrophes, no possessive apostrophe at the end. Every look-up in
    the kit (concordance, dispersion, collocates, stopwords) normalises its
    query with this.

    >>> normalise("Iran’s"), normalise("countries’"), normalise("U.S.")
    ("iran's", 'countries', 'u.s.')
    """
    token = token.replace("’", "'")
    token = token.lower() if lower else token
    return token[:-1] if len(token) > 1 and token.endswith("'") else token


def words(text: TextLike, *, lower: bool = True, punctuation: bool = False) -> list[str]:
    """The words of ``text``, in order: lower-cased, punctuation dropped.

    ``lower=False`` keeps the case as written; ``punctuation=True`` keeps
    punctuation marks as tokens of their own. Curly apostrophes become straight
    ones, and a trailing possessive apostrophe is dropped (:func:`normalise`).

    >>> words("The Leader said, “Severe sanctions made Iran notice.”", punctuation=True)
    ['the', 'leader', 'said', ',', '“', 'severe', 'sanctions', 'made', 'iran', 'notice', '.', '”']
    >>> words("He lives at No. 5 Downing St. with a Ph.D. (2019)")
    ['he', 'lives', 'at', 'no', '5', 'downing', 'st', 'with', 'a', 'ph.d.', '2019']

    A NUL character marks binary data, as it does for :func:`kit.load_article`:

    >>> words("Iran\\x00Belarus")
    Traceback (most recent call last):
    ...
    ValueError: The text holds a NUL character (\\x00) at position 4: it is binary data, not text. Decode the file as text first, or load it with kit.load_article(path).
    """
    found = _cached_tokens(as_text(text), lower)
    if punctuation:
        return [w for w in found if w != SENTENCE_BREAK]
    return [w for w in found if w[0].isalnum() or w[0] in "#@" and len(w) > 1]


SENTENCE_BREAK = "\x00"
"""Stands between the sentences in the token stream that collocations count
(:func:`_cached_tokens`); never in what :func:`words` returns."""


@lru_cache(maxsize=8)
def _cached_tokens(s: str, lower: bool) -> tuple[str, ...]:
    """The work behind :func:`words`, remembered for the last few texts: every
    token, punctuation included, with :data:`SENTENCE_BREAK` between sentences.

    A notebook asks many questions of one article, and keywords, collocations
    and keyness all start from its words. Python caches a string's hash, so
    finding a text here costs almost nothing.
    """
    # Whole-text passes run in C, much faster than normalising each word in
    # Python. They give exactly the tokens of tokens(s), normalised
    # (tests/test_segment.py checks this on random text): ’ and ' are the same
    # to the token pattern; a break stands between spaces, where no token
    # reaches; and a possessive apostrophe becomes a space, which ends its word
    # just as the apostrophe did.
    nul = s.find(SENTENCE_BREAK)
    if nul >= 0:  # the break marker, and a sign of binary data, as kit.load_article says
        raise ValueError(f"The text holds a NUL character (\\x00) at position {nul}: it is binary data, not "
                         "text. Decode the file as text first, or load it with kit.load_article(path).")
    spans = _cached_sentence_spans(s)
    s = f" {SENTENCE_BREAK} ".join(s[start:end] for start, end in spans).replace("’", "'")
    s = _BLANK_POSSESSIVE.sub(" ", s)
    lowered = s.lower()
    pattern = _flat_token("://" in s or "www." in lowered, "#" in s or "@" in s)
    lowered = lowered if lower else s
    if len(lowered) == len(s):
        return tuple(_find_tokens(pattern, lowered))
    # İ becomes i and a combining dot: split first, then lower-case the words
    found = _find_tokens(pattern, s)
    return tuple("\n".join(found).lower().split("\n")) if found else ()


def _find_tokens(pattern: re.Pattern, s: str) -> list[str]:
    """``pattern.findall(s)``, a quarter faster on a book: no token holds white
    space, so the text can be split at spaces first (in C), and a piece made only
    of letters, as four pieces in five are, is one word without asking the regex."""
    found: list[str] = []
    for piece in s.split():
        if piece.isalpha():
            found.append(piece)
            continue
        # A word with marks around it and none inside (“yes, said, you.”), as one
        # piece in ten is: each mark is a token of its own (the pattern's \S),
        # so the pieces are known without the regex.
        word = piece.strip(_LONE_MARKS)
        if word.isalpha():
            before = piece.index(word)
            found.extend(piece[:before])
            found.append(word)
            found.extend(piece[before + len(word):])
        else:
            found.extend(pattern.findall(piece))
    return found


_LONE_MARKS = ",.;:!?\"“”‘()[]—"
"""Marks that are always a token of their own, next to a word of letters."""


def token_counts(text: TextLike, *, lower: bool = True) -> Counter:
    """How often each token occurs, punctuation included (a new Counter).

    >>> token_counts("Iran, Belarus and Iran.")["iran"]
    2
    >>> words(""), token_counts("")
    ([], Counter())
    """
    return Counter(_cached_counts(as_text(text), lower))


@lru_cache(maxsize=8)
def _cached_counts(s: str, lower: bool) -> Counter:
    counts = Counter(_cached_tokens(s, lower))
    del counts[SENTENCE_BREAK]
    return counts


# --- paragraphs ----------------------------------------------------------------------

WRAP_WIDTH = 80
"""Lines longer than this are never hard-wrapped: each is a paragraph of its own."""

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A line that starts a list item: - • * bullets, 1. 2) (3) numbers, a) (b) letters.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•‣◦▪–—]|\d{1,3}[.)]|[a-zA-Z][.)]|\([a-zA-Z0-9]{1,3}\))[ \t]+\S")
_ENDS_SENTENCE = tuple(".?!:;\"”’')]")


def paragraph_spans(text: TextLike) -> list[Span]:
    """The spans of the paragraphs of ``text``, without surrounding white space.

    See the module docs for how a line break is read; a text that ends its lines
    in ``\\r\\n`` or ``\\r`` is read as if they were ``\\n`` (:func:`kit.texts.line_ends_in_place`).

    >>> from kit import load_articles
    >>> a, b = load_articles()
    >>> len(paragraph_spans(a)), len(paragraph_spans(b))
    (13, 7)
    >>> len(paragraph_spans("One.\\r\\rTwo.")), len(paragraph_spans("One.\\r\\n\\r\\nTwo."))
    (2, 2)
    """
    s = line_ends_in_place(as_text(text))
    spans: list[Span] = []
    width = _wrap_width(s)
    breaks = list(_BLANK_LINES.finditer(s))
    starts = [0] + [m.end() for m in breaks]
    ends = [m.start() for m in breaks] + [len(s)]
    for start, end in zip(starts, ends):
        lines = s[start:end].split("\n")
        left = at = start
        for line, following in zip(lines, lines[1:]):
            at += len(line) + 1
            if not _joins(line, following, width):
                spans.append(_strip(s, left, at - 1))
                left = at
        spans.append(_strip(s, left, end))
    return [span for span in spans if span.end > span.start]


def _wrap_width(s: str) -> int:
    """The width a text's lines were wrapped at, or 0 if it does not look wrapped.

    A wrapped text (a book from Project Gutenberg) breaks most of its lines in
    the middle of a sentence; a text with a paragraph on each line ends most of
    them with a full stop. The width is the 95th percentile of the lengths of
    the lines no longer than ``WRAP_WIDTH``, so that a few long lines do not
    count.
    """
    lines = [line.rstrip() for line in s.split("\n")]
    inner = [x for x, y in zip(lines, lines[1:]) if x and y.strip() and len(x) <= WRAP_WIDTH]
    if not inner or 2 * sum(not x.endswith(_ENDS_SENTENCE) for x in inner) < len(inner):
        return 0
    lengths = sorted(len(x) for x in lines if 0 < len(x) <= WRAP_WIDTH)
    width = lengths[int(len(lengths) * 0.95)]
    return width if width >= _NARROWEST_WRAP else 0


_NARROWEST_WRAP = 40
"""Texts wrapped narrower than this are rare; a few short lines are more likely
a headline, a byline and a dateline than a wrapped paragraph."""


def _joins(line: str, following: str, width: int) -> bool:
    """Whether the line break between ``line`` and ``following`` is inside a paragraph."""
    line, following = line.rstrip(), following.strip()
    if not line or not following or len(line) > WRAP_WIDTH or _LIST_ITEM.match(following):
        return False
    next_word = following.split(None, 1)[0]
    if width and len(line) + 1 + len(next_word) > width - 5 and len(following) <= WRAP_WIDTH:
        return True  # a full line of a wrapped text: the next word did not fit on it
    if line[-1].isalnum() and following[0] in _OPENING_MARKS and following[1:2].isupper():
        return False  # a heading (Chapter VI The Statement), then a quote that opens the next paragraph
    # a line that stops mid-sentence, and a next line that goes on in lower case
    return not line.endswith(_ENDS_SENTENCE) and not following[0].isupper() and not following[0].isdigit()


_OPENING_MARKS = "\"'“‘«"


def _strip(s: str, start: int, end: int) -> Span:
    """The span without the white space at either end."""
    piece = s[start:end]
    kept = piece.strip()
    start += len(piece) - len(piece.lstrip())
    return Span(start, start + len(kept))


# --- sentences -----------------------------------------------------------------------

_BOUNDARY = re.compile(
    r"""
    (?P<marks>[.?!…]+)          # sentence-ending marks: . ? ! ?! ... …
    (?P<close>["'”’»)\]]*)      # closing quotation marks and brackets stay with the sentence
    \s+                         # the gap between two sentences
    (?=
      (?P<next>["'“‘«(\[{]*)    # the next sentence, from its opening marks,
      (?P<word>[^\s"'”’»)\]},;:!?.…]*)  # and its first word
    )
    """,
    re.VERBOSE,
)
_OPENERS = "\"'“‘«([{"
_CLOSERS = "\"'”’»)]}"
_INITIALISM = re.compile(rf"(?:{_LETTER}{{1,2}}\.)+{_LETTER}{{1,2}}|{_LETTER}")
_BRAND = re.compile(r"[a-z]+[A-Z]")  # eBay, iPhone: a lower-case start that is a name


def _is_abbreviation(word: str) -> bool:
    """Whether the word before a full stop is an abbreviation, an initialism or an initial."""
    return word.lower() in _abbreviation_table() or _INITIALISM.fullmatch(word) is not None


def _ends_sentence(marks: str, word: str, following: str) -> bool:
    """Whether ``marks`` after ``word``, with ``following`` next, end a sentence."""
    if not following:
        return True
    first = following[0]
    if first.islower():
        return _BRAND.match(following) is not None and marks == "." and not _is_abbreviation(word)
    if "." not in marks or "?" in marks or "!" in marks:  # ? ! and their mixes: rule 1
        return True
    if marks != ".":  # an ellipsis: rule 2
        return first.isupper()
    if not _is_abbreviation(word):  # rule 3
        return True
    return first.isupper() and following.lower() in sentence_starters()  # rule 4


def sentence_spans(text: TextLike, *, paragraphs: list[Span] | None = None) -> list[Span]:
    """The ``(start, end)`` character span of each sentence of ``text``.

    >>> text = "Pi is 3.14. He lives at No. 5 Downing St. and climbed Mt. Everest. eBay fell."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Pi is 3.14.', 'He lives at No. 5 Downing St. and climbed Mt. Everest.', 'eBay fell.']

    ``paragraphs`` gives the paragraph spans to split (by default the text's own,
    :func:`paragraph_spans`): ``kit.quotes`` splits a copy of the text in which
    the quoted words are masked, along the paragraphs of the original.
    """
    s = as_text(text)
    if paragraphs is None:
        return list(_cached_sentence_spans(s))
    return _split_sentences(s, paragraphs)


@lru_cache(maxsize=8)
def _cached_sentence_spans(s: str) -> tuple[Span, ...]:
    if "\n" not in s and not _BOUNDARY.search(s):
        # One line and no candidate break: one sentence (or none). Most calls on
        # short strings, a sentence or a quotation, end here, cheaply.
        span = _strip(s, 0, len(s))
        return (span,) if span.end > span.start else ()
    return tuple(_split_sentences(s, paragraph_spans(s)))


def _split_sentences(s: str, paragraphs: list[Span]) -> list[Span]:
    """The sentence spans of ``paragraphs`` of ``s`` (the rules of the module docs)."""
    spans: list[Span] = []
    for p_start, p_end in paragraphs:
        left = p_start
        for m in _BOUNDARY.finditer(s, p_start, p_end):
            if m.start() - p_start < 4 and _LIST_ITEM.match(s, p_start):
                continue  # the number of a numbered list item: "1. Rates rose."
            space = s.rfind(" ", p_start, m.start())  # the word before the boundary starts after
            space = max(space, s.rfind("\n", max(space, p_start), m.start()))  # a space or a line break
            # (the line break is looked for after the space only: a paragraph with no line
            # break, a whole text on one line, is not read back to its start at every full stop)
            word = s[max(space + 1, p_start) : m.start()].strip(_OPENERS + _CLOSERS)
            if _ends_sentence(m.group("marks"), word, m.group("word")):
                spans.append(Span(left, m.end("close")))
                left = m.start("next")
        spans.append(Span(left, p_end))
    return spans


def sentences(text: TextLike) -> list[str]:
    """The sentences of ``text``, each exactly as written (see the module docs).

    >>> from kit import load_articles
    >>> a, b = load_articles()
    >>> len(sentences(a)), len(sentences(b))
    (14, 16)
    >>> sentences(b)[0] == b.title
    True
    """
    s = as_text(text)
    return [s[a:b] for a, b in sentence_spans(s)]
