"""kit.corpus: the kit's methods over a folder of texts, locally and on a real Dask cluster.

The small texts are written here. Every corpus method is checked against the
one-text function on all the texts joined into one (which is what "merged
exactly" means), with different partition sizes, and with a client of a real
``LocalCluster`` of worker processes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import tracemalloc

import pytest

import kit
from conftest import ROOT
from kit.corpus import Corpus, compare_folders

NEWS = [
    "Iran and Belarus met in Tehran. “Sanctions made us stronger,” the Leader said.",
    "The talks ended on Monday. Officials said the sanctions would stay.",
    "Farmers in Minsk said prices rose. “We cannot sell,” said farmer Olga Petrova.",
    "Rates rose again. The bank said inflation would fall. Sanctions hurt trade.",
    "The Leader met the president. Iran’s plan was discussed; Iran agreed.",
]


@pytest.fixture
def folder(tmp_path):
    for i, text in enumerate(NEWS):
        (tmp_path / f"{i:02d}_news.txt").write_text(text, encoding="utf-8")
    return tmp_path


def _whole(texts) -> str:
    return "\n\n".join(texts)


# --- loading -------------------------------------------------------------------------------


def test_a_folder_loads_in_name_order_and_lists_every_file_it_could_not_load(tmp_path):
    (tmp_path / "b.txt").write_text("Second text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First text.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01PNG")
    (tmp_path / "latin1.txt").write_bytes("café".encode("latin-1"))
    (tmp_path / "notes.md").write_text("not a txt", encoding="utf-8")
    corpus = Corpus.from_folder(tmp_path)
    assert [d.name for d in corpus.documents] == ["a", "b"]
    reasons = {f.name: f.reason for f in corpus.failed}
    assert set(reasons) == {"binary.txt", "empty.txt", "latin1.txt"}
    assert "binary" in reasons["binary.txt"] and "empty" in reasons["empty.txt"] and "UTF-8" in reasons["latin1.txt"]
    assert repr(corpus) == "<Corpus of 2 documents, 3 failed to load>"
    assert [d.name for d in Corpus.from_folder(tmp_path, "*.md")] == ["notes"]


def test_bad_folders_get_clear_errors(tmp_path):
    with pytest.raises(kit.TextLoadError, match="is not a folder"):
        Corpus.from_folder(tmp_path / "missing")
    with pytest.raises(kit.TextLoadError, match="is empty. Put the texts in it"):
        Corpus.from_folder(tmp_path)
    (tmp_path / "x.text").write_text("x", encoding="utf-8")
    # the suggestion is a pattern for what is there (it suggested '*.md' whatever the folder held)
    with pytest.raises(kit.TextLoadError, match=r"No files .* match '\*\.txt'.* It holds: x\.text.*pattern='\*\.text'"):
        Corpus.from_folder(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"")
    with pytest.raises(ValueError, match="every file failed to load"):
        Corpus.from_folder(tmp_path).word_counts()
    with pytest.raises(ValueError, match="partition_size"):
        Corpus([], partition_size=0)


def test_war_and_peace_ships_as_seventeen_documents():
    corpus = Corpus.war_and_peace()
    names = [d.name for d in corpus.documents]
    assert names[:3] == ["book_01", "book_02", "book_03"] and names[-2:] == ["first_epilogue", "second_epilogue"]
    assert len(corpus) == 17
    second = corpus.documents[1].load().text
    assert second.startswith("BOOK TWO: 1805")
    # the books cover the whole novel, in order, without a gap
    from kit.corpus import _shipped_text

    whole = _shipped_text(corpus.documents[0].path)
    assert "".join(d.load().text for d in corpus.documents) == whole


# --- merged exactly: the corpus equals the one text that holds all its documents -------------


@pytest.mark.parametrize("partition_size", [1, 2, 50])
def test_counts_keywords_and_keyness_equal_those_of_the_joined_text(folder, partition_size):
    corpus = Corpus.from_folder(folder, partition_size=partition_size)
    whole = _whole(NEWS)
    assert corpus.word_counts() == kit.word_counts(whole)
    assert corpus.top_keywords(5) == kit.top_keywords(whole, 5)
    first, second = Corpus(corpus.documents[:2]), Corpus(corpus.documents[2:], partition_size=partition_size)
    table = first.keyness(second)
    expected = kit.keyness(_whole(NEWS[:2]), _whole(NEWS[2:]))
    assert [(k.word, k.count_a, k.count_b) for k in table] == [(k.word, k.count_a, k.count_b) for k in expected]
    assert [k.g2 for k in table] == pytest.approx([k.g2 for k in expected])
    assert [k.p_adjusted for k in table] == pytest.approx([k.p_adjusted for k in expected])
    assert table.note == expected.note


def test_keyness_wants_a_corpus(folder):
    with pytest.raises(TypeError, match="must be a Corpus"):
        Corpus.from_folder(folder).keyness("some text")


def test_dispersion_over_documents_by_hand(folder):
    d = Corpus.from_folder(folder).dispersion(["Iran", "sanctions", "absent"])
    sizes = [len(kit.words(t)) for t in NEWS]
    assert d.sizes == sizes and d.documents == [f"{i:02d}_news" for i in range(5)]
    assert d.counts["iran"] == [1, 0, 0, 0, 1]  # "Iran’s" is the word "iran's"
    assert d.counts["sanctions"] == [1, 1, 0, 1, 0]
    assert d.range == {"iran": 2, "sanctions": 3, "absent": 0}
    share = [s / sum(sizes) for s in sizes]
    expected = (abs(1 / 2 - share[0]) + share[1] + share[2] + share[3] + abs(1 / 2 - share[4])) / 2
    assert d.dp["iran"] == pytest.approx(expected)
    assert d.dp["absent"] is None
    with pytest.raises(ValueError, match="one word"):
        Corpus.from_folder(folder).dispersion(["prime minister"])


def test_quotes_carry_their_document_in_corpus_order(folder):
    records = Corpus.from_folder(folder, partition_size=2).quotes()
    assert [r["document"] for r in records] == ["00_news", "02_news"]
    assert [r["text"] for r in records] == ["Sanctions made us stronger,", "We cannot sell,"]
    expected = [r for i, t in enumerate(NEWS) for r in kit.quote_records(t)]
    assert [{k: v for k, v in r.items() if k != "document"} for r in records] == expected


def test_compare_folders_pairs_files_by_name_and_lists_the_rest(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "story.txt").write_text("Iran and Belarus met. “We agree,” he said. The talks ended.", encoding="utf-8")
    (b / "story.txt").write_text("Iran and Belarus met in Tehran. “We agree,” she said.", encoding="utf-8")
    (a / "only_in_a.txt").write_text("Alone.", encoding="utf-8")
    (b / "only_in_b.txt").write_text("Alone too.", encoding="utf-8")
    (b / "broken.txt").write_bytes(b"")
    result = compare_folders(a, b)
    (pair,) = result.pairs
    expected = kit.compare_versions((a / "story.txt").read_text(), (b / "story.txt").read_text())
    assert pair.name == "story" and pair.counts == dict(expected.counts) and pair.similarity == expected.similarity
    assert sum(pair.quotes.values()) == 1
    assert (result.only_a, result.only_b, [f.name for f in result.failed]) == (["only_in_a"], ["only_in_b"], ["broken.txt"])


# --- bounded memory, and no Dask unless asked for ---------------------------------------------


def test_memory_stays_bounded_however_many_documents(tmp_path):
    """The corpus is read one document at a time: four times as many documents
    must not need anything like four times the memory."""
    # about 50 kB each: tokens kept for every document (the kit keeps the last 8 texts'
    # tokens) would already need near three times the memory for 24 as for 6
    text = " ".join(f"word{i % 1250} said the minister." for i in range(2000))
    peaks = {}
    for n in (6, 24):
        folder = tmp_path / str(n)
        folder.mkdir()
        for i in range(n):
            (folder / f"{i:03d}.txt").write_text(text + f" unique{i}", encoding="utf-8")
        corpus = Corpus.from_folder(folder, partition_size=4)
        tracemalloc.start()
        corpus.word_counts()
        peaks[n] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peaks[24] < 1.5 * peaks[6], peaks


def test_without_a_client_dask_is_never_imported(folder):
    script = textwrap.dedent(
        f"""
        import sys, json
        from kit.corpus import Corpus
        c = Corpus.from_folder({str(folder)!r})
        c.word_counts(); c.top_keywords(3); c.dispersion(["iran"]); c.quotes(); c.keyness(c)
        print(json.dumps([m for m in ("dask", "distributed") if m in sys.modules]))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


# --- on a real cluster: worker processes, not threads -------------------------------------------


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=50)
    with Client(cluster) as c:
        yield c
    cluster.close()


def test_every_method_gives_the_same_result_on_a_cluster(folder, client, tmp_path):
    corpus = Corpus.from_folder(folder, partition_size=2)
    other = Corpus(corpus.documents[:2])
    assert corpus.word_counts(client=client) == corpus.word_counts()
    assert corpus.top_keywords(5, client=client) == corpus.top_keywords(5)
    here, there = corpus.keyness(other), corpus.keyness(other, client=client)
    assert [tuple(k) for k in there] == [tuple(k) for k in here] and there.note == here.note
    assert corpus.dispersion(["iran", "sanctions"], client=client) == corpus.dispersion(["iran", "sanctions"])
    assert corpus.quotes(client=client) == corpus.quotes()
    versions = tmp_path / "v"
    versions.mkdir()
    for d in corpus.documents:
        (versions / f"{d.name}.txt").write_text(d.load().text.replace("Iran", "Persia"), encoding="utf-8")
    assert compare_folders(folder, versions, client=client) == compare_folders(folder, versions)
    # the work really ran on the workers: one task per partition
    from distributed import get_task_stream

    with get_task_stream(client) as stream:
        corpus.word_counts(client=client)
    assert len(stream.data) == 3  # 5 documents in partitions of 2
    assert len({task["worker"] for task in stream.data}) >= 1
    assert len(client.scheduler_info()["workers"]) == 2


def test_the_active_client_is_used_when_none_is_given(folder, client):
    from kit.corpus import _active_client

    assert _active_client(None) is client
    assert Corpus.from_folder(folder).top_keywords(3) == kit.top_keywords(_whole(NEWS), 3)
