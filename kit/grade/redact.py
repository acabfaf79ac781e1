"""Feedback that leaks nothing: text from a student's kernel is capped and scrubbed, CSV cells are defused.

Everything a kernel reports (an exception's name and message, the type of an
answer it could not save) is chosen by the student's code. Before it reaches a
feedback page or ``grades.csv`` it is cut to about 200 characters, and any line
of a hidden test that appears in it verbatim is replaced:

>>> redact("ValueError: q2_hidden = count_words('')", ["q2_hidden = count_words('')"])
'ValueError: [hidden test]'

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula, so a file named ``=HYPERLINK(...).ipynb`` would become a link in the
teacher's gradebook. Such cells (and cells that start with an apostrophe)
get a leading apostrophe, which spreadsheets show as text and
:func:`csv_unescape` takes off again:

>>> csv_escape('=HYPERLINK("http://x")'), csv_unescape("'=1+1")
('\\'=HYPERLINK("http://x")', '=1+1')
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["MESSAGE_LIMIT", "cap", "csv_escape", "csv_unescape", "redact"]

MESSAGE_LIMIT = 200
"""Characters of an exception message (or any text from a kernel) that feedback keeps."""

_HIDDEN = "[hidden test]"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cap(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` on one line, cut to ``limit`` characters (an ellipsis marks the cut)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def redact(text: str, secrets: Iterable[str], limit: int = MESSAGE_LIMIT) -> str:
    """``text`` with every line of ``secrets`` (8 characters or more) replaced, then capped."""
    text = " ".join(str(text).split())
    lines = {" ".join(line.split()) for secret in secrets for line in secret.splitlines()}
    for line in sorted((s for s in lines if len(s) >= 8), key=len, reverse=True):
        text = text.replace(line, _HIDDEN)
    return cap(text, limit)


def csv_escape(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(_FORMULA + ("'",)) else cell


def csv_unescape(cell: str) -> str:
    """The cell as it was before :func:`csv_escape`."""
    return cell[1:] if cell.startswith("'") else cell
