"""The side-by-side table of a comparison: version A on the left, B on the right.

Deleted words are marked ``<del>`` in A and inserted words ``<ins>`` in B; all
text is HTML-escaped.

>>> from kit.compare import compare_versions
>>> cmp = compare_versions("Iran and Belarus can cooperation.", "Iran and Belarus can cooperate.")
>>> row = pairs_table(cmp.pairs)
>>> "<del>cooperation</del>" in row and "<ins>cooperate</ins>" in row
True

The colours come from :mod:`kit.style`, so the table reads in JupyterLab's light
and dark themes alike.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Sequence

from kit.compare.word_diff import diff_tokens, with_context
from kit.segment import Token
from kit.style import HIGHLIGHTS, MUTED, RULE

if TYPE_CHECKING:
    from kit.compare.records import Comparison, SentencePair

__all__ = ["STYLE", "comparison_html", "pair_cells", "pairs_table"]

# JupyterLab right-aligns every cell of a table in an output, with the rule
# ":not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td" (two classes and an
# element). ".kit-compare table.kit-diff td" has two classes and two elements,
# so the kit's rule wins, wherever the two style sheets stand in the page.
STYLE = f"""<style>
.kit-compare table.kit-diff {{ border-collapse: collapse; margin: 0; table-layout: auto; }}
.kit-compare table.kit-diff td, .kit-compare table.kit-diff th {{ vertical-align: top;
  text-align: left; padding: 4px 8px; border-bottom: 1px solid {RULE}; }}
.kit-compare table.kit-diff ins {{ background: {HIGHLIGHTS["inserted"]}; color: inherit;
  text-decoration: none; }}
.kit-compare table.kit-diff del {{ background: {HIGHLIGHTS["deleted"]}; color: inherit; }}
.kit-compare table.kit-diff tr.same td {{ {MUTED} }}
.kit-compare table.kit-diff tr.skip td {{ {MUTED} text-align: center; font-style: italic; }}
</style>"""
"""The table's CSS, scoped to ``.kit-compare``."""


def comparison_html(comparison: Comparison, context: int | None = 3) -> str:
    """The whole comparison: its similarity and counts, then the table (see ``Comparison.to_html``)."""
    counts = ", ".join(f"{n} {s}" for s, n in comparison.counts.items() if n)
    return (
        f"<div class='kit-compare'>{STYLE}<p>Similarity {comparison.similarity:.2f}: "
        f"{html.escape(counts or 'two empty texts')}.</p>"
        + pairs_table(comparison.pairs, context)
        + "</div>"
    )


def pairs_table(pairs: Sequence[SentencePair], context: int | None = None) -> str:
    """The table of some pairs, one row each (``context`` as in ``Comparison.word_diff``).

    Give the result a ``<div class='kit-compare'>`` around it and :data:`STYLE`,
    as :func:`comparison_html` does, for its colours and alignment.
    """
    rows = []
    for item in with_context(pairs, context):
        if isinstance(item, int):
            rows.append(f'<tr class="skip"><td colspan="3">… {item} same sentences …</td></tr>')
        else:
            left, right = pair_cells(item)
            rows.append(
                f'<tr class="{item.status}"><td>{item.status}<br><small>'
                f"{item.similarity:.2f}</small></td><td>{left}</td><td>{right}</td></tr>"
            )
    return (
        "<table class='kit-diff'><tr><th>status</th><th>version A</th><th>version B</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def pair_cells(pair: SentencePair) -> tuple[str, str]:
    """The two cells of a row: A with ``<del>`` runs, B with ``<ins>`` runs."""
    # Two sentences on one side go on two lines: "\n" is white space to the
    # tokenizer, and becomes <br> in the table.
    a_text = "\n".join(" ".join(s.split()) for s in pair.a)
    b_text = "\n".join(" ".join(s.split()) for s in pair.b)
    if not pair.a or not pair.b:
        return (
            f"<del>{html.escape(a_text)}</del>" if a_text else "",
            f"<ins>{html.escape(b_text)}</ins>" if b_text else "",
        )
    ta, tb, ops = diff_tokens(a_text, b_text)
    deleted = [(i1, i2) for tag, i1, i2, _, _ in ops if tag in ("delete", "replace")]
    inserted = [(j1, j2) for tag, _, _, j1, j2 in ops if tag in ("insert", "replace")]
    return _marked(a_text, ta, deleted, "del"), _marked(b_text, tb, inserted, "ins")


def _marked(text: str, toks: list[Token], runs: list[tuple[int, int]], tag: str) -> str:
    """``text`` HTML-escaped, with the token runs wrapped in ``<tag>``."""
    out, pos = [], 0
    for start, end in runs:
        s, e = toks[start].start, toks[end - 1].end
        out.append(html.escape(text[pos:s]))
        out.append(f"<{tag}>{html.escape(text[s:e])}</{tag}>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")
