"""Comparing two versions of a text: which sentences and quotations changed, and how.

The two seed articles are two published versions of one news report. Version B
was edited from version A, and ``compare_versions`` finds out what the editor did:

>>> import kit
>>> a, b = kit.load_articles()
>>> cmp = compare_versions(a, b)
>>> cmp.counts
{'same': 3, 'changed': 8, 'added': 2, 'removed': 0, 'moved': 0, 'split': 1, 'merged': 1}
>>> cmp.similarity
0.847

A comparison is the list of its sentence pairs, ``cmp.pairs``, and it can be
used as that list: ``len(cmp)``, ``cmp[0]``, ``for pair in cmp``.

>>> len(cmp) == len(cmp.pairs) == sum(cmp.counts.values())
True

Each pair is a :class:`SentencePair`: a status, the sentences on side A and on
side B (as tuples), their similarity, and the word-level edits. B opens with a
headline that A does not have, so that sentence was *added*:

>>> first = cmp[0]
>>> first.status, first.a, first.b
('added', (), ('Ayatollah Seyyed Ali Khamenei: Countries sanctioned by US must join hands to shatter those sanctions',))

A's long first sentence became two sentences in B: a *split*, with one
sentence on side A and two on side B.

>>> split = cmp[1]
>>> split.status, len(split.a), len(split.b)
('split', 1, 2)
>>> print(split.b[1])
Ayatollah Khamenei made the remarks in a meeting with the visiting Belarusian President Alexander Lukashenko in Tehran on Monday.

A *changed* pair keeps its edits: runs of words deleted from A or inserted in
B, as written. Here a single word was corrected:

>>> [p.edits for p in cmp if "can cooperation" in "".join(p.a)]
[[Edit(op='delete', text='cooperation'), Edit(op='insert', text='cooperate')]]

Printed, a comparison reads like ``git diff --word-diff``: ``[-deleted-]`` and
``{+inserted+}``, one sentence pair a line, with its status in front. In
Jupyter, ``cmp`` on its own shows a side-by-side table instead.

>>> print(compare_versions("Iran and Belarus can cooperation in many areas. It is [also] good.",
...                        "Iran and Belarus can cooperate in many areas. It is good."))
changed  Iran and Belarus can [-cooperation-]{+cooperate+} in many areas.
changed  It is [-[also]-] good.

Quotations across versions
--------------------------
``compare_quotes`` pairs each quotation of A with its counterpart in B. Seven of
the eight are identical: a closing comma that became a full stop does not count.
One was altered, and the editor also changed how most quotes are introduced:

>>> pairs = compare_quotes(a, b)
>>> [p.status for p in pairs].count("identical")
7
>>> altered = [p for p in pairs if p.status == "altered"][0]
>>> altered.inserted, altered.deleted
(['many grounds for progress have been provided to Iran and', '[as well as]'], [])
>>> altered.attribution_changes
['cue: stated → said']

The modules, one job each
-------------------------
- :mod:`kit.compare.versions`: ``compare_versions`` and ``compare_sentences``;
- :mod:`kit.compare.align`: how two lists of sentences are aligned (exact
  matches, then similar ones, then order), and what *similar* means;
- :mod:`kit.compare.word_diff`: the word-level edits within a pair;
- :mod:`kit.compare.records`: ``Comparison`` and ``SentencePair``;
- :mod:`kit.compare.html_table`: the side-by-side table Jupyter shows;
- :mod:`kit.compare.quote_pairs`: ``compare_quotes`` and ``QuotePair``.
"""

from __future__ import annotations

from kit.compare.align import MAX_CANDIDATES, MAX_POSTINGS, SIMILARITY_THRESHOLD
from kit.compare.quote_pairs import QUOTE_STATUSES, QuotePair, compare_quote_lists, compare_quotes
from kit.compare.records import STATUSES, Comparison, SentencePair
from kit.compare.versions import compare_sentences, compare_versions
from kit.compare.word_diff import Edit

__all__ = [
    "Comparison",
    "Edit",
    "MAX_CANDIDATES",
    "MAX_POSTINGS",
    "QUOTE_STATUSES",
    "QuotePair",
    "SIMILARITY_THRESHOLD",
    "STATUSES",
    "SentencePair",
    "compare_quote_lists",
    "compare_quotes",
    "compare_sentences",
    "compare_versions",
]
