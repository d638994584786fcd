"""map_chunks: one partial result per chunk, merged to the same answer for any workers."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

import analysis
from analysis import engine
from analysis.engine import map_chunks
from analysis.frequency import count_by_group
from corpus import from_texts


def ids_and_words(documents) -> tuple[list[str], Counter]:
    ids, counts = [], Counter()
    for doc in documents:
        ids.append(doc.doc_id)
        counts.update(doc.text.lower().split())
    return ids, counts


def merged(parts) -> tuple[list[str], Counter]:
    ids, counts = [], Counter()
    for part_ids, part_counts in parts:
        ids.extend(part_ids)
        counts.update(part_counts)
    return ids, counts


def _big_corpus(n_docs: int = 60, words_per_doc: int = 900):
    vocabulary = "Peace must prevail and we may hope that the Council will act".split()
    texts = []
    for i in range(n_docs):
        body = " ".join(vocabulary[(i * 7 + j * j) % len(vocabulary)] for j in range(words_per_doc))
        texts.append(f"Speech {i} begins with “a quote {i % 4}”. " + body + ".")
    groups = [f"g{i % 3}" for i in range(n_docs)]
    return from_texts(texts, docvars={"group": groups, "n": list(range(n_docs))})


@pytest.fixture(scope="module")
def big():
    c = _big_corpus()
    assert sum(len(d.text) for d in c) > engine.SERIAL_BELOW_CHARS
    return c


def test_small_corpus_is_one_chunk():
    c = from_texts(["a b", "b c"])
    assert map_chunks(c, ids_and_words, workers=2) == [
        (["doc1", "doc2"], Counter({"a": 1, "b": 2, "c": 1}))
    ]


def test_empty_corpus_gives_no_chunks():
    assert map_chunks(from_texts([]), ids_and_words) == []


def test_chunks_are_consecutive_and_in_order(big):
    serial = map_chunks(big, ids_and_words, workers=1)
    parallel = map_chunks(big, ids_and_words, workers=2)
    assert len(serial) == 1
    assert len(parallel) > 2
    assert merged(parallel) == merged(serial)
    assert merged(parallel)[0] == big.doc_ids


def test_spawned_chunks_equal_serial(big, monkeypatch):
    monkeypatch.setattr(engine.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert merged(map_chunks(big, ids_and_words, workers=2)) == merged(
        map_chunks(big, ids_and_words, workers=1)
    )


def test_serial_chunk_leaves_no_spans_on_a_large_corpus(big):
    def touch(documents):
        return sum(len(doc.words) for doc in documents)

    # A local function cannot go to a worker, so this runs in the serial branch only.
    map_chunks(big, touch, workers=1)
    assert all("words" not in doc.__dict__ for doc in big)


def test_bad_engine_is_named(big):
    with pytest.raises(ValueError, match="engine"):
        map_chunks(big, ids_and_words, engine="spark")


def test_dask_chunks_equal_local():
    pytest.importorskip("dask.bag")
    c = _big_corpus(n_docs=8, words_per_doc=30)
    assert merged(map_chunks(c, ids_and_words, engine="dask", workers=2)) == merged(
        map_chunks(c, ids_and_words, workers=1)
    )


@pytest.mark.parametrize(
    "options",
    [{}, {"voice": "quoted"}, {"ngram": 2, "case": "preserve"}],
)
def test_group_counts_equal_for_any_workers(big, options):
    labels = big.docvars["group"]
    serial = count_by_group(big, labels, workers=1, **options)
    parallel = count_by_group(big, labels, workers=2, **options)
    assert list(serial) == list(parallel) == ["g0", "g1", "g2"]
    for name in serial:
        assert serial[name] == parallel[name]
        assert list(serial[name].counts) == list(parallel[name].counts)


def test_frequency_and_keyness_tables_equal_for_any_workers(big):
    pd.testing.assert_frame_equal(
        analysis.stat_frequency(big, by="group", workers=1),
        analysis.stat_frequency(big, by="group", workers=2),
    )
    pd.testing.assert_frame_equal(
        analysis.stat_keyness(big, by="group", min_count=1, workers=1),
        analysis.stat_keyness(big, by="group", min_count=1, workers=2),
    )
