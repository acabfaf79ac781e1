"""Splitting a text into sentences and words, offline.

A running example, from seed 000:

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
possessive (``countries’``) is dropped. Editorial brackets are punctuation:
the words inside them count like any other word, so ``nano[technology]`` gives
``nano`` and ``technology``.

>>> words(text)[-12:]
['to', 'both', 'countries', 'benefit', 'he', 'added', 'it', 'is', 'also', 'to', "another's", 'benefit']
>>> words("nano[technology] and another’s")
['nano', 'technology', 'and', "another's"]

**Tokens** keep everything, with the character span of each, so that
``text[t.start:t.end] == t.text``:

>>> tokens("the U.S. and [all] nations.")[:5]
[Token(text='the', start=0, end=3, kind='word'), Token(text='U.S.', start=4, end=8, kind='word'), Token(text='and', start=9, end=12, kind='word'), Token(text='[', start=13, end=14, kind='punct'), Token(text='all', start=14, end=17, kind='word')]

How sentences are found
-----------------------
The text is first cut into paragraphs (:func:`kit.texts.paragraph_spans`); a
headline is a paragraph, so it is always its own sentence. Within a paragraph,
every ``.``, ``?`` or ``!`` followed by white space is a candidate break, and
closing quotation marks and brackets after it stay with the sentence. Then:

1. a break before a lower-case letter is no break: ``“Why?” he asked.``;
2. ``?`` and ``!`` end a sentence, and so does a full stop after an ordinary word;
3. after a word that may be an abbreviation (``U.S.``, ``Mr.``, an initial) or an
   ellipsis, NLTK's Punkt decides, with parameters the kit ships in
   ``kit/data/`` (abbreviations and sentence starters), so no trained model is
   downloaded and results never depend on what NLTK data is installed.

Punkt alone would decide rule 2's cases the same way; asking it only where it
has a real decision to make is what makes the kit fast on a whole book (see
``benchmarks/``). Running Punkt over a whole book in one call can also trip the
5-second regex time limit of NLTK 3.10, which per-candidate calls never do.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from collections import Counter
from typing import Iterable, NamedTuple

from kit.texts import Span, TextLike, as_text, paragraph_spans

__all__ = [
    "Token",
    "sentence_spans",
    "sentences",
    "stopwords",
    "token_counts",
    "tokens",
    "words",
]


class Token(NamedTuple):
    """One token: its text as written, where it is, and its kind.

    ``kind`` is ``"word"`` (numbers included) or ``"punct"``.
    """

    text: str
    start: int
    end: int
    kind: str


# One regex for every word, in the style of wordfreq's tokens.py, with a comment
# for each case it handles. Every word starts with a letter or digit; what
# follows decides the case. (Trying the common case first makes it about twice
# as fast as a list of alternatives, which matters on a whole book.)
_WORD_PATTERN = r"""
    [^\W_]
    (?:
        (?<=[^\W\d_])\.[^\W\d_]\.(?:[^\W\d_]\.)*  # initialisms keep their full stops: U.S., e.g.
      | [^\W_]*                                      # the rest of an ordinary word or number,
        (?:[-'’][^\W_]+                              #   joined inside by hyphens or apostrophes:
                                                     #   North-South, don’t, another’s, 1805-6
          | (?<=\d)[.,:/]\d+                         #   numbers: 3.5, 1,000, 9:30
        )*
        (?:(?<=[sS])['’](?![^\W_]))?                 # the apostrophe of a plural possessive: countries’
    )
"""
_TOKEN = re.compile(rf"(?P<word>{_WORD_PATTERN})|(?P<punct>\S)", re.VERBOSE)
_FLAT_TOKEN = re.compile(rf"{_WORD_PATTERN}|\S", re.VERBOSE)
# The apostrophe comes first so the regex engine can jump from one to the next.
_POSSESSIVE = re.compile(r"'(?<=[sS]')(?![^\W_])")


def tokens(text: TextLike) -> list[Token]:
    """Every token of ``text``, words and punctuation, with character spans."""
    s = as_text(text)
    return [Token(m.group(), m.start(), m.end(), m.lastgroup) for m in _TOKEN.finditer(s)]


def words(text: TextLike, *, lower: bool = True, punctuation: bool = False) -> list[str]:
    """The words of ``text``, in order: lower-cased, punctuation dropped.

    ``lower=False`` keeps the case as written; ``punctuation=True`` keeps
    punctuation marks as tokens of their own. Curly apostrophes become straight
    ones, and a trailing possessive apostrophe is dropped.

    >>> words("The Leader said, “Severe sanctions made Iran notice.”", punctuation=True)
    ['the', 'leader', 'said', ',', '“', 'severe', 'sanctions', 'made', 'iran', 'notice', '.', '”']
    """
    found = _cached_tokens(as_text(text), lower)
    if punctuation:
        return list(found)
    return [w for w in found if w[0].isalnum()]


@lru_cache(maxsize=8)
def _cached_tokens(s: str, lower: bool) -> tuple[str, ...]:
    """The work behind :func:`words`, remembered for the last few texts.

    A notebook asks many questions of one article, and keywords, collocations
    and keyness all start from its words. Python caches a string's hash, so
    finding a text here costs almost nothing.
    """
    # Whole-text passes run in C, much faster than fixing each word in Python:
    # curly apostrophes become straight, and possessive apostrophes go.
    s = _POSSESSIVE.sub("", s.replace("’", "'"))
    if not lower:
        return tuple(_FLAT_TOKEN.findall(s))
    lowered = s.lower()
    if len(lowered) == len(s):
        return tuple(_FLAT_TOKEN.findall(lowered))
    # A few letters grow when lower-cased: İ becomes i and a combining dot, which
    # would split İstanbul in two. Then split first and lower-case the words.
    found = _FLAT_TOKEN.findall(s)
    return tuple("\n".join(found).lower().split("\n")) if found else ()


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
    return Counter(_cached_tokens(s, lower))


@cache
def _shipped(name: str) -> frozenset[str]:
    """A word list from ``kit/data/``: one entry a line, ``#`` starts a comment."""
    lines = resources.files("kit").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in lines.splitlines() if line.strip() and not line.startswith("#")
    )


def stopwords(extra: Iterable[str] = ()) -> set[str]:
    """The kit's English stopword list (``kit/data/stopwords.txt``), as a new set.

    Add your own words with ``extra``, or with ``|``:

    >>> "the" in stopwords(), "said" in stopwords()
    (True, False)
    >>> "said" in stopwords(extra=["said"]) and "said" in stopwords() | {"said"}
    True
    """
    if isinstance(extra, str):
        raise TypeError(f"extra must be a list of words, not the string {extra!r}: write [{extra!r}].")
    return set(_shipped("stopwords.txt")) | {w.lower().replace("’", "'") for w in extra}


# --- sentences ---------------------------------------------------------------

_BOUNDARY = re.compile(
    r"""
    (?P<marks>[.?!]+)           # sentence-ending marks: . ? ! ?! ...
    (?P<close>["'”’»)\]]*)      # closing quotation marks and brackets stay with the sentence
    \s+                         # the gap between two sentences
    (?=(?P<next>\S))            # the next sentence's first character
    """,
    re.VERBOSE,
)
_OPENERS = "\"'“‘«([—–-"


def _starts_lower(s: str, i: int) -> bool:
    """Whether the text from ``i`` starts, after any opening marks, in lower case."""
    while i < len(s) and s[i] in _OPENERS:
        i += 1
    return i < len(s) and s[i].islower()


def _is_abbreviation_like(word: str) -> bool:
    """Whether the word before a full stop might be an abbreviation: Mr, U.S, J."""
    word = word.lstrip(_OPENERS).lower()
    return len(word) <= 1 or "." in word or word in _shipped("punkt_abbreviations.txt")


@cache
def _punkt():
    """NLTK's Punkt tokenizer, with the kit's shipped parameters.

    Built on first use, because importing NLTK takes a noticeable moment.
    """
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

    class NewsLanguageVars(PunktLanguageVars):
        # Curly quotation marks count as punctuation after a full stop. Recent
        # NLTK does this too; setting it here keeps results the same on older
        # NLTK releases.
        @property
        def _re_non_word_chars(self) -> str:
            return r"(?:[)\";}\]\*:@\'\({\[‘’“”«»?!])"

    params = PunktParameters()
    params.abbrev_types = set(_shipped("punkt_abbreviations.txt"))
    params.sent_starters = set(_shipped("sent_starters.txt"))
    return PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars())


def _is_boundary(s: str, m: re.Match, para_start: int) -> bool:
    """Whether a candidate found by ``_BOUNDARY`` really ends a sentence."""
    if _starts_lower(s, m.start("next")):  # “Why?” he asked.
        return False
    marks = m.group("marks")
    if marks in ("?", "!", "?!", "!?", "!!", "??"):  # these always end a sentence
        return True
    space = max(s.rfind(" ", para_start, m.start()), s.rfind("\n", para_start, m.start()))
    word = s[max(space + 1, para_start) : m.start()]
    if marks == "." and not _is_abbreviation_like(word):
        return True
    # An abbreviation or an ellipsis: ask Punkt, giving it the context it
    # builds itself (the word, its marks, and the next token).
    next_end = m.start("next")
    while next_end < len(s) and not s[next_end].isspace():
        next_end += 1
    context = f"{word}{marks}{m.group('close')} {s[m.start('next'):next_end]}"
    punkt = _punkt()
    kind = word.lstrip(_OPENERS).lower()
    if "." in kind:
        # An initialism (U.S., e.g.) is an abbreviation. Punkt only knows the
        # ones it was given, so tell it about this one before it decides.
        punkt._params.abbrev_types.add(kind)
    return punkt.text_contains_sentbreak(context)


def sentence_spans(text: TextLike) -> list[Span]:
    """The ``(start, end)`` character span of each sentence of ``text``.

    >>> text = "Iran and Belarus met. They agreed."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Iran and Belarus met.', 'They agreed.']
    """
    s = as_text(text)
    spans: list[Span] = []
    for p_start, p_end in paragraph_spans(s):
        left = p_start
        for m in _BOUNDARY.finditer(s, p_start, p_end):
            if _is_boundary(s, m, p_start):
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
