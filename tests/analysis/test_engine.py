"""map_documents: the same results, in corpus order, whatever the engine and workers."""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from analysis import engine
from analysis.engine import chunk_bounds, map_documents, resolve_workers
from corpus import from_texts


def word_counts(doc, lower: bool) -> Counter:
    words = (doc.text[s:e] for s, e in doc.words)
    return Counter(w.lower() if lower else w for w in words)


def id_and_first_sentence(doc) -> tuple[str, str, int]:
    start, end = doc.sentences[0]
    return doc.doc_id, doc.text[start:end], int(doc.meta["n"])


def _big_corpus(n_docs: int = 60, words_per_doc: int = 900):
    vocabulary = "peace must prevail and we may hope that the council will act".split()
    texts = []
    for i in range(n_docs):
        body = " ".join(vocabulary[(i + j) % len(vocabulary)] for j in range(words_per_doc))
        texts.append(f"Speech {i} begins. " + body + ".")
    return from_texts(texts, docvars={"n": list(range(n_docs))})


@pytest.fixture(scope="module")
def big():
    c = _big_corpus()
    assert sum(len(d.text) for d in c) > engine.SERIAL_BELOW_CHARS
    return c


def test_serial_result_is_in_corpus_order():
    c = from_texts(["One two. Three.", "Four five six."], docvars={"n": [1, 2]})
    assert map_documents(c, id_and_first_sentence, workers=1) == [
        ("doc1", "One two.", 1),
        ("doc2", "Four five six.", 2),
    ]


def test_args_are_passed_through():
    c = from_texts(["Peace peace War"])
    assert map_documents(c, word_counts, True) == [Counter({"peace": 2, "war": 1})]
    assert map_documents(c, word_counts, False) == [Counter({"Peace": 1, "peace": 1, "War": 1})]


def test_empty_corpus_gives_empty_list():
    c = from_texts(["x"]).subset(where=lambda d: d.index.to_series() == "nothing")
    assert map_documents(c, word_counts, True) == []


def test_process_pool_equals_serial(big):
    serial = map_documents(big, word_counts, True, workers=1)
    pooled = map_documents(big, word_counts, True, workers=2)
    assert pooled == serial
    assert len(pooled) == len(big)
    ids = map_documents(big, id_and_first_sentence, workers=2)
    assert [row[0] for row in ids] == big.doc_ids
    assert [row[2] for row in ids] == list(range(len(big)))


def frozen_objects(doc) -> int:
    import gc

    return gc.get_freeze_count()


def chunk_frozen_objects(documents) -> int:
    import gc

    return gc.get_freeze_count()


@pytest.mark.skipif(sys.platform != "linux", reason="forked pools are Linux's")
def test_forked_workers_leave_inherited_objects_to_the_parent(big):
    # Their garbage collector does not walk the corpus they inherited (gc.freeze).
    assert min(map_documents(big, frozen_objects, workers=2)) > 0
    assert min(engine.map_chunks(big, chunk_frozen_objects, workers=2)) > 0


def test_a_pass_in_this_process_freezes_older_objects_for_its_time_only(big):
    import gc

    assert gc.get_freeze_count() == 0
    assert min(map_documents(big, frozen_objects, workers=1)) > 0
    assert min(engine.map_chunks(big, chunk_frozen_objects, workers=1)) > 0
    assert gc.get_freeze_count() == 0
    gc.freeze()  # frozen by the caller: left frozen, and not unfrozen by the pass
    try:
        before = gc.get_freeze_count()
        map_documents(big, frozen_objects, workers=1)
        # still frozen (a few frozen objects may have been freed on the way)
        assert gc.get_freeze_count() > before - 100
    finally:
        gc.unfreeze()


def test_large_corpus_is_not_left_holding_spans(big):
    map_documents(big, word_counts, True, workers=1)
    assert all("tokens" not in doc.__dict__ for doc in big)


def quote_speakers(doc) -> list[str]:
    return [q.speaker for q in doc.quotes]


@pytest.mark.parametrize("workers", [1, 2])
def test_sentences_and_quotes_are_kept_on_the_corpus(workers):
    c = _big_corpus(n_docs=40)
    texts = [d.text + " “We will not yield,” Lavrov said." for d in c]
    c = from_texts(texts)
    fresh = [(list(d.sentences), list(d.quotes)) for d in from_texts(texts)]
    first = map_documents(c, quote_speakers, workers=workers)
    assert first == [["Lavrov"]] * len(c)
    for doc, (sentences, quotes) in zip(c, fresh, strict=True):
        assert "sentences" in doc.__dict__ and "quotes" in doc.__dict__
        assert "tokens" not in doc.__dict__ and "words" not in doc.__dict__
        assert doc.sentences == sentences
        assert doc.quotes == quotes
    # a second call reuses them and gives the same results
    assert map_documents(c, quote_speakers, workers=workers) == first


@pytest.mark.skipif(sys.platform != "linux", reason="spawn path checked on Linux only")
def test_spawned_pool_equals_serial(big, monkeypatch):
    monkeypatch.setattr(engine.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert map_documents(big, word_counts, True, workers=2) == map_documents(
        big, word_counts, True, workers=1
    )


def counts_of_chunk(results: list[Counter]) -> tuple[int, Counter]:
    """A combine function: how many documents the part holds, and their counts summed."""
    total: Counter = Counter()
    for counts in results:
        total.update(counts)
    return len(results), total


def _merged(parts: list[tuple[int, Counter]]) -> tuple[int, Counter]:
    return sum(n for n, _ in parts), sum((counts for _, counts in parts), Counter())


@pytest.mark.parametrize("spawn", [False, True])
def test_combine_runs_per_chunk_and_merges_to_the_serial_result(big, monkeypatch, spawn):
    if spawn:
        monkeypatch.setattr(engine.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    per_document = map_documents(big, word_counts, True, workers=1)
    expected = (len(big), sum(per_document, Counter()))
    serial = map_documents(big, word_counts, True, workers=1, combine=counts_of_chunk)
    # one process combines the chunks one worker would get, in corpus order
    one_worker = engine.chunk_bounds([len(d.text) for d in big], engine.CHUNKS_PER_WORKER)
    assert [n for n, _ in serial] == [stop - start for start, stop in one_worker]
    assert len(serial) == engine.CHUNKS_PER_WORKER
    assert _merged(serial) == expected
    pooled = map_documents(big, word_counts, True, workers=2, combine=counts_of_chunk)
    # a pool combines each chunk where it was counted: several parts, in corpus order
    bounds = engine.chunk_bounds([len(d.text) for d in big], 2 * engine.CHUNKS_PER_WORKER)
    assert [n for n, _ in pooled] == [stop - start for start, stop in bounds]
    assert _merged(pooled) == expected


def test_combine_on_a_small_corpus_and_on_dask():
    c = _big_corpus(n_docs=6, words_per_doc=20)
    expected = [(6, sum(map_documents(c, word_counts, True), Counter()))]
    assert map_documents(c, word_counts, True, combine=counts_of_chunk) == expected
    pytest.importorskip("dask.bag")
    parts = map_documents(c, word_counts, True, engine="dask", workers=2, combine=counts_of_chunk)
    assert _merged(parts) == expected[0]


def test_bad_engine_and_workers_are_named():
    c = from_texts(["x"])
    with pytest.raises(ValueError, match=r"engine='spark'.*'local', 'dask'"):
        map_documents(c, word_counts, True, engine="spark")
    with pytest.raises(ValueError, match="workers=0"):
        map_documents(c, word_counts, True, workers=0)


def test_resolve_workers_defaults_to_available_cores():
    assert resolve_workers(None) == engine.available_workers() >= 1
    assert resolve_workers(3) == 3


def test_chunk_bounds_cover_every_document_once():
    lengths = [10, 1, 1, 1, 30, 2, 2, 9]
    bounds = chunk_bounds(lengths, 4)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(lengths)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert chunk_bounds([5], 8) == [(0, 1)]


def test_progress_bar_is_silent_off_a_terminal(big, capsys):
    map_documents(big, word_counts, True, workers=1, progress=True)
    assert capsys.readouterr().err == ""


def test_dask_engine_equals_local_engine(big):
    distributed = pytest.importorskip("dask.distributed")
    expected = map_documents(big, word_counts, True, workers=1)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        assert map_documents(big, word_counts, True, engine="dask") == expected
        ids = map_documents(big, id_and_first_sentence, engine="dask")
    assert [row[0] for row in ids] == big.doc_ids


def test_dask_engine_without_a_client_uses_local_processes():
    pytest.importorskip("dask.bag")
    c = _big_corpus(n_docs=6, words_per_doc=20)
    assert map_documents(c, word_counts, True, engine="dask", workers=2) == map_documents(
        c, word_counts, True, workers=1
    )


def test_progress_bars_switch_on_for_a_block_and_stay_quiet_off_a_terminal(capsys):
    assert engine._PROGRESS_BY_DEFAULT is False
    with engine.progress_bars():
        assert engine._PROGRESS_BY_DEFAULT is True
        # stderr is captured (not a terminal): no bar is drawn, results are unchanged
        counts = engine.map_documents(from_texts(["a b", "c"]), word_counts, False, workers=1)
        assert [sum(c.values()) for c in counts] == [2, 1]
    assert engine._PROGRESS_BY_DEFAULT is False
    assert capsys.readouterr().err == ""


def test_dask_without_a_client_runs_from_a_script_without_a_main_guard(tmp_path):
    pytest.importorskip("dask.bag")
    import subprocess
    import sys

    script = tmp_path / "script.py"
    script.write_text(
        "import corpus\n"
        "from analysis.engine import _word_count_example, map_documents\n"
        "c = corpus.from_texts(['a b c', 'd e'])\n"
        "print(map_documents(c, _word_count_example, engine='dask', workers=2))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[3, 2]"


@pytest.mark.skipif(sys.platform != "linux", reason="spawn path checked on Linux only")
def test_detectors_in_a_spawned_pool_equal_the_serial_run(monkeypatch):
    # A spawned worker is sent the detectors' compiled plans (pickled); in a regular
    # install they are mypyc-compiled frozen dataclasses, which did not unpickle.
    import analysis

    sentence = (
        'The minister said, "We may perhaps need to reconsider." She must act now; '
        "this is worse than the Cold War and like Munich in 1938. "
    )
    c = from_texts([sentence * 400 + f"Document {i}." for i in range(8)])
    assert sum(len(d.text) for d in c) > engine.SERIAL_BELOW_CHARS
    serial = [f(c, workers=1) for f in (analysis.find_hedges, analysis.find_modals)]
    serial.append(analysis.find_comparisons(c, workers=1))
    monkeypatch.setattr(engine.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    spawned = [f(c, workers=2) for f in (analysis.find_hedges, analysis.find_modals)]
    spawned.append(analysis.find_comparisons(c, workers=2))
    for one, two in zip(serial, spawned, strict=True):
        assert len(one) > 0
        assert one.equals(two)


def test_quotes_after_another_measure_segmented_in_workers():
    # Readability leaves packed sentences on the documents; quotes found afterwards
    # read them (compiled, a list was required).
    import analysis

    sentence = "Lavrov said: \u201cWe will act.\u201d Others were silent. "
    texts = [sentence * 700 + f"Document {i}." for i in range(8)]
    c = from_texts(texts)
    assert sum(len(d.text) for d in c) > engine.SERIAL_BELOW_CHARS
    analysis.stat_readability(c, workers=2)
    table = analysis.find_quotes(c, workers=2)
    assert len(table) == 8 * 700
    assert set(table["speaker"]) == {"Lavrov"}
    assert table.equals(analysis.find_quotes(from_texts(texts), workers=1))


@pytest.fixture(scope="module")
def big_on_disk(big, tmp_path_factory):
    """The big corpus as files, read into memory and as a streamed corpus."""
    import corpus

    root = tmp_path_factory.mktemp("streamed")
    folder = root / "speeches"
    folder.mkdir()
    for doc in big:
        (folder / f"{doc.doc_id}.txt").write_text(doc.text + " “We will not yield,” he said.")
    in_memory = corpus.read_corpus(folder, workers=1)
    streamed = corpus.read_corpus(folder, cache=root / "store", stream=True, workers=1)
    assert streamed.streamed and sum(streamed.text_lengths()) > engine.SERIAL_BELOW_CHARS
    return in_memory, streamed


@pytest.mark.parametrize("spawn", [False, True])
def test_a_streamed_corpus_gives_the_in_memory_results(big_on_disk, monkeypatch, spawn):
    in_memory, streamed = big_on_disk
    if spawn:
        monkeypatch.setattr(engine.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    expected = map_documents(in_memory, word_counts, True, workers=1)
    assert map_documents(streamed, word_counts, True, workers=1) == expected
    assert map_documents(streamed, word_counts, True, workers=2) == expected
    speakers = map_documents(streamed, quote_speakers, workers=2)
    assert speakers == map_documents(in_memory, quote_speakers, workers=1)
    assert all(len(quotes) == 1 for quotes in speakers)
    # a spawned worker gets the cache file and positions, not the texts
    shipped = engine._shipment(streamed.documents, 2, 5)
    assert shipped.doc_ids == streamed.doc_ids[2:5] and not isinstance(shipped, list)
    chunks = engine.map_chunks(streamed, engine._chunk_word_count_example, workers=2)
    assert len(chunks) > 1
    assert sum(chunks) == sum(engine.map_chunks(in_memory, engine._chunk_word_count_example))


def test_detector_tables_of_a_streamed_corpus_equal_the_in_memory_ones(big_on_disk):
    import analysis

    in_memory, streamed = big_on_disk
    for find in (analysis.find_modals, analysis.find_quotes, analysis.stat_frequency):
        expected = find(in_memory, workers=1)
        assert len(expected) > 0
        assert find(streamed, workers=2).equals(expected)


def test_chunks_are_several_per_worker_and_never_large():
    assert engine._chunks([10] * 100, 2) == chunk_bounds([10] * 100, 2 * engine.CHUNKS_PER_WORKER)
    # 120 million characters: 24 chunks (not 16), whatever the workers
    assert len(engine._chunks([3_000_000] * 40, 2)) == 24


def test_use_engine_runs_every_measure_of_the_block_on_dask(monkeypatch):
    pytest.importorskip("dask.bag")
    import analysis

    big = _big_corpus()  # a corpus of its own: no word-count table kept from other tests

    calls = []
    real = engine._map_dask

    def counted(*args, **kwargs):
        calls.append(args[1].__name__)
        return real(*args, **kwargs)

    expected = analysis.stat_hedging(_big_corpus(), workers=1)
    expected_rows = analysis.find_modals(_big_corpus(), workers=1)
    monkeypatch.setattr(engine, "_map_dask", counted)
    with engine.use_engine("dask"):
        assert engine._ENGINE_BY_DEFAULT == "dask"
        table = analysis.stat_hedging(big, workers=2)
        rows = analysis.find_modals(big, workers=2)
        analysis.stat_readability(big, workers=2)  # the word-count table is kept
        # a pass that names its engine keeps it
        local = map_documents(big, word_counts, True, engine="local", workers=1)
    assert engine._ENGINE_BY_DEFAULT == "local"
    # the word-count table (map_chunks), the hedges' and modals' passes, and readability's
    # sentences (its words come from the table counted for the hedges' rates)
    assert calls == [
        "count_chunk",
        "hedges_in_document",
        "modals_in_document",
        "sentences_with_words",
    ]
    assert table.equals(expected)
    assert rows.equals(expected_rows)
    assert local == map_documents(big, word_counts, True, workers=1)
    with pytest.raises(ValueError, match=r"engine='spark'"), engine.use_engine("spark"):
        pass
