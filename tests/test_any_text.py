"""Every text function of the kit takes any text a teacher may pass in: it returns
data or raises a ValueError that says what to do, never a crash from deep inside.

Found this way: ``collocations("bye bye. bye bye.")`` raised NLTK's "math domain
error", and a lone ``\\r`` gave a quote a paragraph that ``paragraph_spans`` did
not have."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit

PIECES = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", "«", "»", "\n\n", "\n", "\r\n", "\r", "\u2028", "\t", "\xa0", " said ",
    ",” he said. “", "Jane Doe", "Mr. Smith", ". ", "—", "the", "farmers", "sanctions", "1,000", "U.S.",
    "?!", "...", "don’t", "co-op", "İ", "ß", "🙂", "\u200b", "bye bye. ", "her ", "He ", " his",
])
TEXTS = st.lists(st.one_of(st.text(max_size=8).map(lambda t: t.replace("\x00", "")), PIECES),
                 max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXTS, TEXTS, st.sampled_from(["the", "farmers", "bye", "İ", "don’t"]))
def test_every_text_function_takes_any_text(a, b, word):
    n_paragraphs = len(kit.paragraph_spans(a))
    for q in kit.extract_quotes(a):
        assert a[q.start : q.end] == q.text and 0 <= q.paragraph < n_paragraphs
    kit.characters(a)
    kit.quote_records(a)
    kit.sentences(a)
    kit.top_keywords(a, 5)
    kit.relative_frequencies(a, 5)
    for size in (2, 3):
        kit.collocations(a, 3, size=size, min_freq=1, stopwords=())
    kit.collocations(a, 3, measure="pmi", min_freq=1)
    kit.collocates(a, word, min_freq=1, stopwords=())
    kit.concordance(a, word)
    kit.dispersion(a, word)
    list(kit.compare_versions(a, b).pairs)
    kit.compare_quotes(a, b)
    try:
        kit.keyness(a, b)
    except ValueError as err:  # two texts with no words to compare: the message says so
        assert len(str(err)) > 20
