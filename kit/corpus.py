"""The kit's methods over many texts: a folder of files, on one core or on a Dask cluster.

A running example: *War and Peace*, which the kit ships, one document per book.

>>> corpus = Corpus.war_and_peace()
>>> len(corpus), corpus.documents[0].name, corpus.documents[-1].name
(17, 'book_01', 'second_epilogue')
>>> corpus.top_keywords(3)
[('said', 2842), ('one', 2057), ('prince', 1891)]

A corpus of your own is a folder of UTF-8 ``.txt`` files, loaded with the kit's
own loader. A file that cannot be loaded is listed, with the reason, in
``corpus.failed``; it is never skipped silently:

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Iran and Belarus met. Iran agreed.", encoding="utf-8")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> small = Corpus.from_folder(folder)
>>> [d.name for d in small.documents], [f.name for f in small.failed]
(['a'], ['b.txt'])
>>> "is empty" in small.failed[0].reason
True
>>> small.word_counts()["iran"]
2

How it scales
-------------
A corpus holds where its documents are, not their text. Every method reads the
documents in partitions of ``partition_size`` files, one file at a time,
computes what it needs from each partition (word counts, quote records), and
merges the partial results exactly: counts are added, so keyness over a corpus
split into a thousand files equals keyness over one file holding them all. A
corpus larger than memory is therefore never loaded whole.

Each method takes ``client=``: a ``dask.distributed`` client runs the
partitions as tasks on its cluster (a ``LocalCluster`` on a laptop, or many
machines; see the README, "When a class outgrows one machine"). With
``client=None`` the active client is used when one exists (you created a
``Client`` in this session); otherwise everything runs here, on one core, and
Dask is never imported. The results are identical either way.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from kit.frequency import KeynessTable, _ranked, gries_dp, keyness_table, word_filter
from kit.segment import normalise, words
from kit.texts import Article, TextLoadError, load_article

__all__ = [
    "Corpus",
    "CorpusDispersion",
    "Document",
    "FolderComparison",
    "LoadFailure",
    "PairSummary",
    "compare_folders",
]


class Document(NamedTuple):
    """Where one document of a corpus is: a file, or a stretch of one (``start:end``)."""

    name: str
    path: str
    start: int | None = None
    end: int | None = None

    def load(self) -> Article:
        """The document as an :class:`kit.Article`, read from disk now."""
        if self.start is None:
            return load_article(self.path, name=self.name)
        return Article(self.name, _shipped_text(self.path)[self.start : self.end])


class LoadFailure(NamedTuple):
    """A file that could not be loaded, and why (the loader's own message)."""

    name: str
    reason: str


@cache
def _shipped_text(path: str) -> str:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return f.read()


_BOOK = re.compile(r"^(BOOK [A-Z]+|FIRST EPILOGUE|SECOND EPILOGUE)\b.*$", re.MULTILINE)
_NUMBERS = ("ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE THIRTEEN "
            "FOURTEEN FIFTEEN").split()


# --- work on one partition: plain functions, so that Dask can send them to workers ---


def _token_counts(documents: Sequence[Document]) -> Counter:
    """How often each token occurs in these documents (one loaded at a time)."""
    total: Counter = Counter()
    for document in documents:
        total.update(words(document.load(), punctuation=True))  # a list: counted in C
    return total


def _counts_per_document(documents: Sequence[Document], targets: Sequence[str]) -> list[tuple[int, list[int]]]:
    """For each document: its number of words, and how often each target occurs."""
    out = []
    for document in documents:
        found = Counter(words(document.load()))
        out.append((sum(found.values()), [found[t] for t in targets]))
    return out


def _quote_records(documents: Sequence[Document]) -> list[dict[str, Any]]:
    from kit.quotes import quote_records

    return [{"document": d.name, **record} for d in documents for record in quote_records(d.load())]


def _active_client(client: Any) -> Any:
    """The client to run on: the one given, else the active ``dask.distributed``
    client if this session made one, else None (run here). Never imports Dask."""
    if client is not None:
        return client
    distributed = sys.modules.get("distributed")
    if distributed is None:
        return None
    try:
        return distributed.default_client()
    except ValueError:  # Dask is imported, but no client was made
        return None


def _run(work: Callable, partitions: list, client: Any) -> Iterator:
    """``work(partition)`` for each partition, in order: here, or as Dask tasks."""
    client = _active_client(client)
    if client is None:
        for partition in partitions:
            yield work(partition)
        return
    futures = client.map(work, partitions, pure=False)
    try:
        for future in futures:
            yield future.result()
    finally:
        client.cancel(futures)


def _token_totals(corpora: Sequence[Corpus], client: Any) -> list[Counter]:
    """The token counts of each corpus. Their partitions go out as one batch of
    tasks, so that on a cluster no worker waits idle between one corpus and the next."""
    owners = [i for i, corpus in enumerate(corpora) for _ in corpus._partitions()]
    partitions = [part for corpus in corpora for part in corpus._partitions()]
    totals = [Counter() for _ in corpora]
    for owner, counts in zip(owners, _run(_token_counts, partitions, client)):
        totals[owner].update(counts)
    return totals


class Corpus:
    """Many texts, analysed with the kit's methods (see the module docs)."""

    def __init__(self, documents: Iterable[Document], *, failed: Iterable[LoadFailure] = (),
                 partition_size: int = 50):
        if not isinstance(partition_size, int) or partition_size < 1:
            raise ValueError(f"partition_size must be a whole number of files, 1 or more, not {partition_size!r}.")
        self.documents = tuple(documents)
        self.failed = tuple(failed)
        self.partition_size = partition_size

    @classmethod
    def from_folder(cls, path: str | Path, pattern: str = "*.txt", *, partition_size: int = 50) -> Corpus:
        """Every file of ``path`` that matches ``pattern``, in name order.

        Each file is loaded once here (one at a time) to check it; a file the
        kit cannot load goes into ``.failed`` with the reason.
        """
        folder = Path(path).expanduser()
        if not folder.is_dir():
            raise TextLoadError(f"{folder} is not a folder. Give the folder that holds the texts "
                                f"(files matching {pattern!r}).")
        files = sorted(p for p in folder.glob(pattern) if p.is_file())
        if not files:
            inside = sorted(p.name for p in folder.iterdir())
            if not inside:
                raise TextLoadError(f"{folder} is empty. Put the texts in it, or give the folder that holds them.")
            # suggest the commonest kind of file that is there (not the pattern that just failed)
            suffixes = Counter(Path(name).suffix for name in inside if Path(name).suffix)
            other = next((f"*{suffix}" for suffix, _ in suffixes.most_common() if f"*{suffix}" != pattern), "*")
            raise TextLoadError(f"No files in {folder} match {pattern!r}. It holds: {', '.join(inside[:5])}. "
                                f"Pass another pattern, such as pattern={other!r}.")
        documents, failed = [], []
        for file in files:
            try:
                load_article(file)
            except (TextLoadError, OSError) as err:
                failed.append(LoadFailure(file.name, str(err)))
                continue
            documents.append(Document(file.stem, str(file)))
        return cls(documents, failed=failed, partition_size=partition_size)

    @classmethod
    def war_and_peace(cls) -> Corpus:
        """Tolstoy's *War and Peace* (public domain; the Maude translation from
        Project Gutenberg), shipped with the kit: one document per book and
        epilogue, seventeen in all."""
        from importlib.resources import files

        path = str(files("kit").joinpath("data", "war_and_peace.txt.gz"))
        text = _shipped_text(path)
        books = list(_BOOK.finditer(text))  # one pass over the 3.2 MB, not one per list
        starts = [0] + [m.start() for m in books]
        names = ["book_01"] + [_book_name(m.group(1)) for m in books]
        ends = starts[1:] + [len(text)]
        return cls(Document(n, path, s, e) for n, s, e in zip(names, starts, ends))

    # -- the methods --

    def _partitions(self) -> list[tuple[Document, ...]]:
        if not self.documents:
            raise ValueError("This corpus has no documents"
                             + (f": every file failed to load ({self.failed[0].reason})" if self.failed else "")
                             + ". Check the folder and the pattern.")
        size = self.partition_size
        return [self.documents[i : i + size] for i in range(0, len(self.documents), size)]

    def _tokens(self, client: Any) -> Counter:
        return _token_totals([self], client)[0]

    def word_counts(self, *, stopwords: Iterable[str] | None = (), client: Any = None) -> Counter:
        """How often each word occurs in the whole corpus, as :func:`kit.word_counts` counts it."""
        return word_filter(self._tokens(client), stopwords)

    def top_keywords(self, n: int = 10, *, stopwords: Iterable[str] | None = None,
                     client: Any = None) -> list[tuple[str, int]]:
        """The ``n`` most frequent words of the corpus, stopwords and numbers left out,
        as :func:`kit.top_keywords` gives them (ties in alphabetical order)."""
        if not isinstance(n, int) or n < 1:
            raise ValueError(f"n must be a whole number of keywords, 1 or more, not {n!r}.")
        return _ranked(word_filter(self._tokens(client), stopwords), n)

    def keyness(self, other: Corpus, *, stopwords: Iterable[str] | None = (), correction: str = "bh",
                alpha: float = 0.05, client: Any = None) -> KeynessTable:
        """Keyness of every word in this corpus against ``other``, with the same
        statistics as :func:`kit.keyness` (G2, Log Ratio with its interval, and
        the correction for testing many words)."""
        if not isinstance(other, Corpus):
            raise TypeError(f"other must be a Corpus, not {type(other).__name__}: "
                            "Corpus.from_folder('path/to/folder').")
        tokens_a, tokens_b = _token_totals([self, other], client)
        n_a, n_b = sum(word_filter(tokens_a).values()), sum(word_filter(tokens_b).values())
        return keyness_table(word_filter(tokens_a, stopwords), word_filter(tokens_b, stopwords), n_a, n_b,
                             correction=correction, alpha=alpha)

    def dispersion(self, targets: Iterable[str], *, client: Any = None) -> CorpusDispersion:
        """How each target word is spread over the documents: its count in each,
        the number of documents it occurs in (range), and Gries's DP with the
        documents as the parts (0: spread as the documents' sizes predict; near 1:
        in one document only)."""
        if isinstance(targets, str):
            targets = [targets]
        wanted = []
        for target in targets:
            found = words(target) if isinstance(target, str) else []
            if len(found) != 1:
                raise ValueError(f"Each target must be one word, such as 'prince', not {target!r}.")
            wanted.append(normalise(found[0]))
        rows = [row for part in _run(_bound(_counts_per_document, tuple(wanted)), self._partitions(), client)
                for row in part]
        sizes = [size for size, _ in rows]
        counts = {w: [found[k] for _, found in rows] for k, w in enumerate(wanted)}
        dp, dp_norm, spread = {}, {}, {}
        smallest = min(sizes) / sum(sizes) if sum(sizes) else 0
        for w, per_document in counts.items():
            spread[w] = sum(1 for c in per_document if c)
            dp[w] = gries_dp(per_document, sizes) if sum(per_document) else None
            dp_norm[w] = dp[w] / (1 - smallest) if dp[w] is not None and smallest < 1 else dp[w]
        return CorpusDispersion(wanted, [d.name for d in self.documents], sizes, counts, spread, dp, dp_norm)

    def quotes(self, *, client: Any = None) -> list[dict[str, Any]]:
        """Every quotation of every document, as :func:`kit.quote_records` gives
        them, each with the ``document`` it is in, in corpus order."""
        return [record for part in _run(_quote_records, self._partitions(), client) for record in part]

    # -- a corpus as a collection --

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __repr__(self) -> str:
        failed = f", {len(self.failed)} failed to load" if self.failed else ""
        return f"<Corpus of {len(self.documents)} documents{failed}>"


def _book_name(heading: str) -> str:
    words_ = heading.split()
    if words_[0] == "BOOK":
        return f"book_{_NUMBERS.index(words_[1]) + 1:02d}"
    return "_".join(words_).lower()


class _bound:
    """``function(partition, *args)`` as a picklable one-argument callable (Dask
    sends it to workers; a lambda would not pickle)."""

    def __init__(self, function: Callable, *args: Any):
        self.function, self.args = function, args

    def __call__(self, partition: Sequence[Document]) -> Any:
        return self.function(partition, *self.args)


class CorpusDispersion(NamedTuple):
    """How target words are spread over the documents of a corpus."""

    words: list[str]
    documents: list[str]
    sizes: list[int]
    """Each document's number of words."""
    counts: dict[str, list[int]]
    """Each word's count in each document, in document order."""
    range: dict[str, int]
    """In how many documents each word occurs."""
    dp: dict[str, float | None]
    """Gries's DP over the documents (None for a word that never occurs)."""
    dp_norm: dict[str, float | None]
    """DP divided by its largest possible value (Lijffijt and Gries 2012)."""


# --- two folders of versions ----------------------------------------------------------


class PairSummary(NamedTuple):
    """The comparison of two versions of one document, in a few numbers."""

    name: str
    counts: dict[str, int]
    """Sentence pairs by status (same, changed, added, ...), as ``Comparison.counts``."""
    similarity: float
    quotes: dict[str, int]
    """Quotation pairs by status (identical, altered, added, removed, ...)."""
    attribution_changes: int
    """How many quotations changed speaker or reporting verb."""


class FolderComparison(NamedTuple):
    """Two folders of versions, compared file by file."""

    pairs: list[PairSummary]
    only_a: list[str]
    """Files only in the first folder."""
    only_b: list[str]
    failed: list[LoadFailure]


def _summarise(pairs: Sequence[tuple[Document, Document]]) -> list[PairSummary]:
    from kit.compare import compare_quotes, compare_versions

    out = []
    for doc_a, doc_b in pairs:
        a, b = doc_a.load(), doc_b.load()
        cmp = compare_versions(a, b)
        quote_pairs = compare_quotes(a, b)
        out.append(PairSummary(
            doc_a.name, dict(cmp.counts), cmp.similarity, dict(Counter(p.status for p in quote_pairs)),
            sum(1 for p in quote_pairs if p.attribution_changes),
        ))
    return out


def compare_folders(folder_a: str | Path, folder_b: str | Path, *, pattern: str = "*.txt",
                    partition_size: int = 20, client: Any = None) -> FolderComparison:
    """Compare two folders of versions: each file of ``folder_a`` with the file
    of the same name in ``folder_b`` (``kit.compare_versions`` and
    ``kit.compare_quotes``), summarised. Files found in one folder only, and
    files that fail to load, are listed, never skipped silently."""
    a = Corpus.from_folder(folder_a, pattern)
    b = Corpus.from_folder(folder_b, pattern)
    by_name = {d.name: d for d in b.documents}
    paired = [(d, by_name[d.name]) for d in a.documents if d.name in by_name]
    only_a = [d.name for d in a.documents if d.name not in by_name]
    names_a = {d.name for d in a.documents}
    only_b = [d.name for d in b.documents if d.name not in names_a]
    partitions = [paired[i : i + partition_size] for i in range(0, len(paired), partition_size)]
    pairs = [s for part in _run(_summarise, partitions, client) for s in part]
    return FolderComparison(pairs, only_a, only_b, [*a.failed, *b.failed])
