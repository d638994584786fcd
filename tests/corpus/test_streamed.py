"""Streamed corpora: documents read from the cache on demand, equal to the in-memory ones."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus
from corpus import cache as cache_module
from corpus import readers
from corpus.streamed import SpanList, StreamedDocuments

from .test_parallel_read import write_speeches

SPEECHES = {
    "RUS_50_1995.txt": "Mr. Lavrov met the envoy. “We will not retreat,” said Lavrov.\n\n"
    "Russia's position can't change.",
    "FRA_50_1995.txt": "Peace must prevail. We may hope that the council will act.",
    "USA_51_1996.txt": "The United States can help. “Never again,” the President said.",
    "CHN_51_1996.txt": "Development is the key. We should cooperate.",
    "IND_52_1997.txt": "India will not accept it. Perhaps the Assembly could decide.",
    "BRA_52_1997.txt": "Brazil believes that peace is possible.",
    "ZAF_53_1998.txt": "Like a storm, the crisis came. It seems we must act now.",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "speeches"
    root.mkdir()
    for name, text in SPEECHES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def small_row_groups(monkeypatch):
    # Three documents per row group, so reads cross group borders.
    monkeypatch.setattr(cache_module, "_BATCH_DOCUMENTS", 3)


def same_document(streamed, expected) -> bool:
    return (
        streamed.doc_id == expected.doc_id
        and streamed.text == expected.text
        and streamed.raw_sha256 == expected.raw_sha256
        and dict(streamed.meta) == dict(expected.meta)
        and streamed.sentences == expected.sentences
        and streamed.quotes == expected.quotes
        and streamed.tokens == expected.tokens
    )


def test_a_streamed_corpus_equals_the_corpus_read_into_memory(folder, tmp_path, small_row_groups):
    fresh = corpus.read_corpus(folder)
    streamed = corpus.read_corpus(folder, cache=tmp_path / "store", stream=True)

    assert streamed.streamed and not fresh.streamed
    assert isinstance(streamed.documents, StreamedDocuments)
    assert streamed.doc_ids == fresh.doc_ids
    assert len(streamed) == 7
    assert streamed.fingerprint == fresh.fingerprint
    assert streamed.docvars.equals(fresh.docvars)
    assert streamed.report.equals(fresh.report)
    assert streamed.text_lengths() == [len(d.text) for d in fresh] == fresh.text_lengths()
    assert streamed.texts() == fresh.texts()
    assert all(same_document(s, f) for s, f in zip(streamed, fresh, strict=True))
    assert same_document(streamed["USA_51_1996"], fresh["USA_51_1996"])
    assert isinstance(streamed["USA_51_1996"].sentences, SpanList)


def test_indexing_slicing_and_new_objects_on_every_read(folder, tmp_path, small_row_groups):
    fresh = list(corpus.read_corpus(folder))
    documents = corpus.read_corpus(folder, cache=tmp_path / "store", stream=True).documents

    assert [d.doc_id for d in documents[2:6]] == [d.doc_id for d in fresh[2:6]]
    assert [d.doc_id for d in documents[::-3]] == [d.doc_id for d in fresh[::-3]]
    assert documents[-1].doc_id == fresh[-1].doc_id
    assert isinstance(documents[2:6], StreamedDocuments)  # a slice stays on disk
    assert len(documents[10:]) == 0 and list(documents[10:]) == []
    with pytest.raises(IndexError):
        documents[7]
    # Nothing is held: each read builds new Documents (their spans die with them).
    assert documents[0] is not documents[0]


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_selection_reads_back_the_documents_it_names(streamed_pair, data):
    fresh, documents = streamed_pair
    n = len(fresh)
    chosen = data.draw(st.lists(st.integers(0, n - 1), max_size=12))
    taken = documents.take(chosen)
    start = data.draw(st.integers(0, max(len(chosen), 1)))
    stop = data.draw(st.integers(start, max(len(chosen), 1)))
    expected = [fresh[i] for i in chosen][start:stop]
    got = taken[start:stop]
    assert len(got) == len(expected)
    assert all(same_document(g, e) for g, e in zip(got, expected, strict=True))


def _streamed_pair(root: Path):
    """Fourteen documents in row groups of three, read fresh and streamed."""
    folder = root / "speeches"
    folder.mkdir(parents=True)
    for copy in ("A", "B"):
        for name, text in SPEECHES.items():
            (folder / f"{copy}{name}").write_text(f"{copy}: {text}", encoding="utf-8")
    saved = cache_module._BATCH_DOCUMENTS
    cache_module._BATCH_DOCUMENTS = 3
    try:
        streamed = corpus.read_corpus(folder, cache=root / "store", stream=True)
    finally:
        cache_module._BATCH_DOCUMENTS = saved
    return list(corpus.read_corpus(folder)), streamed.documents


@pytest.fixture(scope="module")
def streamed_pair(tmp_path_factory):
    return _streamed_pair(tmp_path_factory.mktemp("streamed"))


def test_a_subset_of_a_streamed_corpus_stays_on_disk(folder, tmp_path, small_row_groups):
    fresh = corpus.read_corpus(folder)
    streamed = corpus.read_corpus(folder, cache=tmp_path / "store", stream=True)

    part = streamed.subset(year=[1996, 1998])
    expected = fresh.subset(year=[1996, 1998])
    assert part.streamed
    assert part.doc_ids == expected.doc_ids == ["CHN_51_1996", "USA_51_1996", "ZAF_53_1998"]
    assert part.fingerprint == expected.fingerprint
    assert all(same_document(s, f) for s, f in zip(part, expected, strict=True))
    assert part.report.equals(expected.report)


def test_first_and_second_streamed_reads(folder, tmp_path):
    store = tmp_path / "store"
    first = corpus.read_corpus(folder, cache=store, stream=True)
    second = corpus.read_corpus(folder, cache=store, stream=True)
    in_memory = corpus.read_corpus(folder, cache=store)  # the same entry, loaded whole

    assert first.streamed and second.streamed and not in_memory.streamed
    assert first.fingerprint == second.fingerprint == in_memory.fingerprint
    assert [d.text for d in second] == in_memory.texts()


def test_stream_needs_the_cache(folder):
    with pytest.raises(ValueError, match=r"stream=True .* pass cache=True"):
        corpus.read_corpus(folder, stream=True)


def test_streamed_documents_cross_process_borders(folder, tmp_path):
    documents = corpus.read_corpus(folder, cache=tmp_path / "store", stream=True).documents
    documents[0]  # opens the file in this process
    copy = pickle.loads(pickle.dumps(documents))
    assert [d.text for d in copy] == [d.text for d in documents]


def test_span_list_equality_and_repr():
    spans = SpanList(np.array([0, 2, 3, 5], dtype=np.int32))
    assert spans == [(0, 2), (3, 5)]
    assert spans != [(0, 2)]
    assert list(reversed(spans)) == [(3, 5), (0, 2)]
    assert repr(spans) == "SpanList([(0, 2), (3, 5)])"


@pytest.fixture
def reads(monkeypatch) -> list[list[int]]:
    """The positions of every read from disk, as they happen."""
    calls: list[list[int]] = []
    original = StreamedDocuments._read

    def counted(self, positions):
        calls.append(list(positions))
        return original(self, positions)

    monkeypatch.setattr(StreamedDocuments, "_read", counted)
    return calls


def test_a_range_is_read_block_by_block(folder, tmp_path, monkeypatch, reads):
    import corpus.streamed as streamed_module

    documents = corpus.read_corpus(folder, cache=tmp_path / "store", stream=True).documents
    reads.clear()
    monkeypatch.setattr(streamed_module, "ITERATION_BLOCK", 2)
    ids = [d.doc_id for d in documents[1:6]]
    assert ids == documents.doc_ids[1:6]
    assert reads == [[0, 1], [2, 3], [4]]  # positions in the slice


def test_a_scattered_subset_reads_a_few_row_groups_at_a_time(streamed_pair, reads):
    fresh, documents = streamed_pair  # 14 documents in row groups of 3
    scattered = documents.take([0, 3, 6, 9, 12])  # one document from each of five groups
    assert [d.doc_id for d in scattered] == [fresh[i].doc_id for i in (0, 3, 6, 9, 12)]
    assert reads == [[0, 1, 2], [3, 4]]  # GROUPS_PER_READ = 3


def test_subsets_share_one_open_file(folder, tmp_path):
    import corpus.streamed as streamed_module

    c = corpus.read_corpus(folder, cache=tmp_path / "store", stream=True)
    subsets = [c.subset(where=lambda dv, i=i: dv.index == i) for i in c.doc_ids]
    assert [s.documents[0].doc_id for s in subsets] == c.doc_ids
    path = c.documents.path
    assert [key for key in streamed_module._OPEN_FILES if key == path] == [path]


# A first streamed read writes the entry as it reads: documents go to the cache one by
# one (their spans found by the reading workers) and are never all in memory.


def entry_contents(store: Path) -> tuple[dict, dict]:
    (entry,) = [p for p in store.iterdir() if p.is_dir()]
    tables = {
        name: pq.read_table(entry / f"{name}.parquet")
        for name in ("documents", "docvars", "report")
    }
    return tables, json.loads((entry / "communique-cache.json").read_text(encoding="utf-8"))


def assert_same_entries(store_a: Path, store_b: Path) -> None:
    tables_a, marker_a = entry_contents(store_a)
    tables_b, marker_b = entry_contents(store_b)
    assert marker_a == marker_b
    for name, table in tables_a.items():
        assert table.equals(tables_b[name]), name


def test_streamed_and_whole_first_reads_give_one_entry(folder, tmp_path, small_row_groups):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readers, "Document", None)  # any Document built while reading fails
        streamed = corpus.read_corpus(folder, cache=tmp_path / "streamed", stream=True)
    whole = corpus.read_corpus(folder, cache=tmp_path / "whole")
    assert_same_entries(tmp_path / "streamed", tmp_path / "whole")
    assert streamed.fingerprint == whole.fingerprint == corpus.read_corpus(folder).fingerprint


def test_a_first_streamed_read_of_a_table(tmp_path, small_row_groups):
    table = tmp_path / "statements.csv"
    rows = [
        {"doc_id": f"s{i}", "text": text, "year": 1990 + i}
        for i, text in enumerate(SPEECHES.values())
    ]
    rows.insert(3, {"doc_id": "empty", "text": "", "year": 2000})
    pd.DataFrame(rows).to_csv(table, index=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readers, "Document", None)
        streamed = corpus.read_corpus(table, cache=tmp_path / "streamed", stream=True)
    corpus.read_corpus(table, cache=tmp_path / "whole")
    assert_same_entries(tmp_path / "streamed", tmp_path / "whole")
    assert len(streamed) == 7
    assert streamed.report.set_index("doc_id").loc["empty", "status"] == "skipped"


def test_workers_find_the_spans_of_a_first_streamed_read(tmp_path, monkeypatch):
    folder = write_speeches(tmp_path / "speeches", n_files=30, sentences_per_file=40)
    monkeypatch.setattr(readers, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(readers, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(readers, "PARALLEL_CHUNK_BYTES", 20_000)  # many small tasks
    with pytest.MonkeyPatch.context() as patch:
        # The parent only writes what the workers found: finding spans here fails.
        patch.setattr(cache_module, "span_columns", None)
        patch.setattr(readers, "Document", None)
        streamed = corpus.read_corpus(folder, cache=tmp_path / "streamed", stream=True, workers=2)
    whole = corpus.read_corpus(folder, cache=tmp_path / "whole", workers=1)
    assert_same_entries(tmp_path / "streamed", tmp_path / "whole")
    assert streamed.fingerprint == whole.fingerprint
    assert len(streamed) == 30


@pytest.mark.parametrize("problem", ["strict", "no documents"])
def test_a_failed_first_streamed_read_leaves_no_entry(tmp_path, problem):
    folder = tmp_path / "speeches"
    folder.mkdir()
    if problem == "strict":
        (folder / "a.txt").write_text("Peace must prevail.", encoding="utf-8")
        (folder / "b.txt").write_bytes(b"caf\xe9 diplomacy")  # cp1252: a repair
        expected = corpus.StrictModeError
    else:
        (folder / "a.txt").write_text("   ", encoding="utf-8")
        expected = corpus.NoDocumentError
    store = tmp_path / "store"
    with pytest.raises(expected):
        corpus.read_corpus(folder, cache=store, stream=True, strict=problem == "strict")
    assert [p.name for p in store.iterdir()] == ["CACHEDIR.TAG"]  # no entry, no staging folder


def test_a_streamed_corpus_takes_derived_docvars_as_one_in_memory_does(folder, tmp_path):
    fresh = corpus.read_corpus(folder)
    streamed = corpus.read_corpus(folder, cache=tmp_path / "store", stream=True)

    def era(dv):
        return ["after" if y >= 1991 else "cold war" for y in dv["year"]]

    derived, expected = streamed.with_docvars(era=era), fresh.with_docvars(era=era)
    assert derived.streamed and isinstance(derived.documents, StreamedDocuments)
    assert derived.docvars.equals(expected.docvars)
    assert [d.meta["era"] for d in derived] == [d.meta["era"] for d in expected]
    assert derived.fingerprint == expected.fingerprint


def test_a_streamed_corpus_whose_entry_was_cleared_says_so(folder, tmp_path):
    store = tmp_path / "store"
    c = corpus.read_corpus(folder, cache=store, stream=True)
    assert len(list(c)) == len(c)
    cache_module.clear_cache(store)
    with pytest.raises(FileNotFoundError, match=r"the cache entry this streamed corpus reads"):
        list(c)
    assert len(list(corpus.read_corpus(folder, cache=store, stream=True))) == len(c)
