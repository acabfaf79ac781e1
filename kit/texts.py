"""Loading texts: the seed articles, or any UTF-8 text file a teacher brings.

Every lesson starts from two published versions of one news report, the *seed
articles*. ``load_articles()`` returns both, in file-name order:

>>> a, b = load_articles()
>>> a.name, b.name
('000_f574fb3969ac495b', '001_46fcffe6b868387b')

A name like that is for files. On screen (in plots, legends and the explorers'
menus) the kit calls a text by its ``label``: its letter, as one of the pair,
and its headline or first words:

>>> b.label
'B: Ayatollah Seyyed Ali Khamenei: Countries sanctioned…'
>>> a.label
'A: TEHRAN – Leader of the Islamic Revolution Ayatollah…'

An :class:`Article` keeps every character of its file in ``.text``, so the
character offsets that other functions return point straight into it. Seed 001
opens with a headline; seed 000 does not:

>>> print(b.title)
Ayatollah Seyyed Ali Khamenei: Countries sanctioned by US must join hands to shatter those sanctions
>>> a.title is None
True

The two seeds lay out their paragraphs differently (blank lines in 000, single
line breaks in 001); ``.paragraphs`` understands both:

>>> len(a.paragraphs), len(b.paragraphs)
(13, 7)
>>> b.paragraphs[0] == b.title
True

``load_article`` takes a path, or the name of a seed:

>>> load_article("000_f574fb3969ac495b").text == a.text
True

Encoding: a file must be UTF-8 (a byte-order mark is stripped). Bytes that are not
UTF-8 raise :class:`TextLoadError` naming the byte offset, rather than guessing
at another encoding and silently changing characters: a wrong guess would move
every offset and corrupt quotations without a trace.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import NamedTuple, Union

__all__ = [
    "LABEL_WIDTH",
    "Article",
    "Span",
    "TextLoadError",
    "as_text",
    "line_ends_in_place",
    "load_article",
    "load_articles",
    "seed_dir",
    "seed_names",
]


class TextLoadError(ValueError):
    """A text could not be loaded. The message names the file and the fix."""


class Span(NamedTuple):
    """A stretch of a text: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One text, with the name it was loaded under.

    ``text`` is the file's content with line endings normalised to ``\\n`` and a
    byte-order mark removed; nothing else is changed. ``letter`` is ``"A"`` or
    ``"B"`` for a text loaded as one of a pair (:func:`load_articles`), else
    None; it is not part of what makes two articles equal.
    """

    name: str
    text: str = field(repr=False)
    letter: str | None = field(default=None, compare=False)

    @cached_property
    def paragraph_spans(self) -> list[Span]:
        """Where each paragraph starts and ends in ``text`` (:func:`kit.segment.paragraph_spans`)."""
        from kit.segment import paragraph_spans  # kit.segment imports this module

        return paragraph_spans(self.text)

    @property
    def paragraphs(self) -> list[str]:
        """The paragraphs, the headline included, without surrounding white space."""
        return [self.text[s:e] for s, e in self.paragraph_spans]

    @property
    def title(self) -> str | None:
        """The headline, when the text opens with one, else None.

        A headline is a first paragraph of one line, with more text after it,
        that does not end like a sentence (``.``, ``!``, ``?`` or a closing
        quotation mark).
        """
        paragraphs = self.paragraphs
        if len(paragraphs) < 2:
            return None
        line = paragraphs[0]
        if "\n" in line or len(line) > 300 or line[-1] in ".!?\"”’':;,":
            return None
        return line

    @property
    def label(self) -> str:
        """What to call the text on screen: its letter, then its headline or first words.

        The headline (or the first paragraph, when there is none) is cut at a
        word to at most :data:`LABEL_WIDTH` characters, ending in "…" when cut.
        A text with no words at all is called by its name.

        >>> Article("notes_0042", "Rivers rise in spring.\\n\\nMore later.").label
        'Rivers rise in spring.'
        """
        spans = self.paragraph_spans
        opening = self.text[spans[0].start : min(spans[0].end, spans[0].start + 4 * LABEL_WIDTH)] if spans else ""
        short = textwrap.shorten(opening, LABEL_WIDTH, placeholder="…") or self.name
        return f"{self.letter}: {short}" if self.letter else short

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.text)


LABEL_WIDTH = 52
"""How many characters of a headline (or of the first words) an :attr:`Article.label` shows."""

TextLike = Union[Article, str]


def as_text(text: TextLike, *, argument: str = "text") -> str:
    """The string inside ``text``: an :class:`Article` or a ``str``.

    >>> as_text("Iran and Belarus")
    'Iran and Belarus'
    >>> as_text(None)
    Traceback (most recent call last):
    ...
    TypeError: text must be an Article or a str, not None. Load a file first: kit.load_article("path/to/file.txt").

    """
    if isinstance(text, Article):
        return text.text
    if isinstance(text, str):
        return text
    kind = "None" if text is None else type(text).__name__
    hint = (
        " Did you mean its .text?"
        if hasattr(text, "text")
        else ' Load a file first: kit.load_article("path/to/file.txt").'
    )
    raise TypeError(f"{argument} must be an Article or a str, not {kind}.{hint}")


def line_ends_in_place(s: str) -> str:
    """``s`` with every line ending written as ``\\n``, each character where it was.

    A file the kit loads has its line endings made ``\\n`` already. A string read
    another way (a download, bytes decoded by hand) may end its lines in
    ``\\r\\n``; a step that reports offsets into it reads it through this, which
    writes each ``\\r\\n`` as a space and a line break, and a lone ``\\r`` as a
    line break, so that every offset still points into the caller's string.

    >>> line_ends_in_place("One.\\r\\nTwo.\\rThree.")
    'One. \\nTwo.\\nThree.'
    """
    return s.replace("\r\n", " \n").replace("\r", "\n") if "\r" in s else s


# --- loading ---------------------------------------------------------------


def seed_dir() -> Path:
    """The folder holding the seed articles, however the kit was installed.

    A wheel carries them inside the package (``kit/seeds``); a source checkout
    or an editable install keeps them in ``seeds/`` beside ``kit/``.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    raise FileNotFoundError(
        f"The seed articles are missing: looked in {here / 'seeds'} and "
        f"{here.parent / 'seeds'}. Reinstall the kit (make lab) or restore seeds/."
    )


def seed_names() -> list[str]:
    """The names of the seed articles, in file-name order.

    >>> seed_names()
    ['000_f574fb3969ac495b', '001_46fcffe6b868387b']
    """
    return sorted(p.stem for p in seed_dir().glob("*.txt"))


def load_articles(
    a: str | Path | None = None, b: str | Path | None = None
) -> tuple[Article, Article]:
    """Two texts to compare, labelled A and B: by default the two seed articles, in file-name order.

    ``a`` and ``b`` are paths or seed names, as :func:`load_article` takes
    them; a notebook's parameters cell names them. The articles' ``letter``
    is ``"A"`` and ``"B"``, so plots and explorers call them "A: …" and "B: …".

    >>> a, b = load_articles("001_46fcffe6b868387b", "000_f574fb3969ac495b")
    >>> a.letter, a.name
    ('A', '001_46fcffe6b868387b')
    """
    if (a is None) != (b is None):
        raise TypeError("load_articles takes two texts or none: load_articles(a, b) or load_articles().")
    if a is None:
        a, b = seed_names()[:2]
    return replace(load_article(a), letter="A"), replace(load_article(b), letter="B")


def load_article(path: str | Path, *, name: str | None = None) -> Article:
    """Load one UTF-8 text file as an :class:`Article`.

    ``path`` is a file path, or the name of a seed article (with or without
    ``.txt``). The article's name is the file's stem unless ``name`` is given.

    >>> load_article("no_such_file.txt")
    Traceback (most recent call last):
    ...
    kit.texts.TextLoadError: There is no file 'no_such_file.txt'. Give a path to a UTF-8 text file, or the name of a seed article: 000_f574fb3969ac495b, 001_46fcffe6b868387b.
    """
    if isinstance(path, Article):
        return path
    if not isinstance(path, (str, Path)):
        raise TypeError(
            f"path must be a file path (str or pathlib.Path), not {type(path).__name__}."
        )
    if not str(path).strip():  # Path("") is the current folder, which is not what was meant
        raise TextLoadError(f"The path is empty. Give a path to a UTF-8 text file, or the name of a seed "
                            f"article: {', '.join(seed_names())}.")
    p = Path(path).expanduser()
    if not p.exists():
        seed = seed_dir() / (p.name if p.suffix == ".txt" else f"{p.name}.txt")
        if str(path) in (seed.stem, seed.name) and seed.is_file():
            p = seed
        else:
            raise TextLoadError(
                f"There is no file {str(path)!r}. Give a path to a UTF-8 text file, "
                f"or the name of a seed article: {', '.join(seed_names())}."
            )
    if p.is_dir():
        inside = sorted(q.name for q in p.glob("*.txt"))[:5]
        hint = f" It contains: {', '.join(inside)}." if inside else ""
        raise TextLoadError(f"{p} is a folder, not a text file. Pass one file inside it.{hint}")
    return Article(name=name or p.stem, text=_decode(p.read_bytes(), p))


def _decode(data: bytes, path: Path) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise TextLoadError(
            f"{path} is UTF-16 text, and the kit reads UTF-8. Re-save it as UTF-8 "
            "(in most editors: Save As, Encoding: UTF-8)."
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        raise TextLoadError(
            f"{path} is a binary file (a NUL byte at byte {nul}), not text. "
            "Export it as plain UTF-8 text (.txt) first."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise TextLoadError(
            f"{path} is not UTF-8: byte {err.start} is {data[err.start:err.start + 1]!r}. "
            "Re-save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8), "
            "or decode it yourself and pass the string."
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TextLoadError(
            f"{path} is empty or holds only white space. Check that you saved it, "
            "or choose another file."
        )
    return text
