"""Reading a folder with worker processes gives exactly the serial corpus."""

import argparse
import multiprocessing
import time

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus
from corpus import CorpusError, DuplicateIdError, StrictModeError, _parallel, read_corpus, readers

SENTENCES = [
    'The delegation said "peace is possible" -- and it meant it.',
    "We cannot accept a world in which 19th-century borders decide the future.",
    "Russia's proposal won't settle the question of the U.N. budget.",
    "Ninety-three states voted in favour; the rest abstained.",
    "'Development', the minister said, 'is the new name for peace.'",
]


def write_speeches(folder, n_files=80, sentences_per_file=450):
    """A UN-layout folder big enough (> 2 MB) for the reader to use its pool."""
    for i in range(n_files):
        session = 40 + i % 5
        country = "X" + chr(65 + i // 26) + chr(65 + i % 26)
        text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(sentences_per_file))
        path = (
            folder
            / f"Session {session} - {1945 + session}"
            / f"{country}_{session}_{1945 + session}.txt"
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{i}. {text}\n", encoding="utf-8")
    (folder / "README.txt").write_text("About this folder.", encoding="utf-8")
    return folder


def assert_same_corpus(a, b):
    assert a.doc_ids == b.doc_ids
    assert [d.text for d in a] == [d.text for d in b]
    assert [d.raw_sha256 for d in a] == [d.raw_sha256 for d in b]
    pd.testing.assert_frame_equal(a.docvars, b.docvars)
    pd.testing.assert_frame_equal(a.report, b.report)
    assert a.fingerprint == b.fingerprint


@pytest.fixture
def pool_calls(monkeypatch):
    """Count the pools the reader starts, and let even tiny folders use one."""
    calls = []
    real = readers.map_in_order

    def spy(*args, **kwargs):
        calls.append(kwargs["workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(readers, "map_in_order", spy)
    return calls


@pytest.fixture
def tiny_pool(monkeypatch, pool_calls):
    monkeypatch.setattr(readers, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(readers, "PARALLEL_MIN_FILES", 0)
    return pool_calls


def test_generated_folder_same_with_two_workers(tmp_path, pool_calls):
    folder = write_speeches(tmp_path / "speeches")
    serial = read_corpus(folder, workers=1)
    assert pool_calls == []
    parallel = read_corpus(folder, workers=2)
    assert pool_calls == [2]
    assert len(serial) == 80
    assert_same_corpus(serial, parallel)


def test_small_folder_stays_serial(fixtures, pool_calls):
    read_corpus(fixtures / "un_layout", workers=2)
    assert pool_calls == []


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("un_layout", {}),
        ("bad_input", {}),
        ("templated", {"filename_template": "{country}_{year}_statement.{ext}"}),
    ],
)
def test_fixture_folders_same_with_two_workers(fixtures, tiny_pool, name, options):
    serial = read_corpus(fixtures / name, workers=1, **options)
    parallel = read_corpus(fixtures / name, workers=2, **options)
    assert tiny_pool == [2]
    assert_same_corpus(serial, parallel)


def test_seeds_same_with_two_workers(tiny_pool):
    assert_same_corpus(read_corpus(workers=1), read_corpus(workers=2))


def test_strict_mode_fails_the_same_way(fixtures, tiny_pool):
    messages = []
    for workers in (1, 2):
        with pytest.raises(StrictModeError) as caught:
            read_corpus(fixtures / "bad_input", strict=True, workers=workers)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]


def test_duplicate_ids_fail_the_same_way(tmp_path, tiny_pool):
    (tmp_path / "a.txt").write_text("One text.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Another text.", encoding="utf-8")
    messages = []
    for workers in (1, 2):
        with pytest.raises(DuplicateIdError) as caught:
            read_corpus(tmp_path, workers=workers)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert "a.md" in messages[0] and "a.txt" in messages[0]


def test_an_error_while_reading_stops_the_pool_at_once(tmp_path, tiny_pool):
    for i in range(40):
        (tmp_path / f"d{i:03d}.txt").write_text(f"Text number {i}.", encoding="utf-8")
    (tmp_path / "d001.md").write_text("The same id again.", encoding="utf-8")
    try:
        read_corpus(tmp_path, workers=2)
    except DuplicateIdError as held:  # kept alive, as IPython keeps the last error
        assert "d001" in str(held)
        assert multiprocessing.active_children() == []


def test_errors_surface_in_file_order(tmp_path, tiny_pool):
    # The duplicate (a.md, a.txt) comes before the bad front matter (z.txt) in file
    # order, so both runs report the duplicate even though a worker met z.txt too.
    (tmp_path / "a.md").write_text("One text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Another text.", encoding="utf-8")
    (tmp_path / "z.txt").write_text("---\n: [unclosed\n---\nBody.", encoding="utf-8")
    for workers in (1, 2):
        with pytest.raises(DuplicateIdError):
            read_corpus(tmp_path, workers=workers)
    (tmp_path / "a.md").unlink()
    messages = []
    for workers in (1, 2):
        with pytest.raises(CorpusError, match="z.txt") as caught:
            read_corpus(tmp_path, workers=workers)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]


def test_cache_is_shared_whatever_the_workers(tmp_path, pool_calls):
    folder = write_speeches(tmp_path / "speeches", n_files=80)
    store = tmp_path / "cache"
    first = read_corpus(folder, cache=store, workers=2)
    second = read_corpus(folder, cache=store, workers=1)
    assert pool_calls == [2]  # the second read came from the cache
    assert len([p for p in store.iterdir() if p.is_dir() and not p.name.startswith(".")]) == 1
    assert_same_corpus(first, second)


@pytest.mark.parametrize("workers", [0, -1, 1.5, True])
def test_bad_workers_value(fixtures, workers):
    with pytest.raises(ValueError, match="workers="):
        read_corpus(fixtures / "un_layout", workers=workers)


def test_chunks_cover_items_in_order():
    bounds = _parallel.chunk_bounds([10, 1, 1, 1, 10, 3], 3)
    assert bounds[0][0] == 0 and bounds[-1][1] == 6
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert _parallel.chunk_bounds([], 4) == [(0, 0)] or _parallel.chunk_bounds([], 4) == []


def test_pool_results_in_item_order():
    chunks = _parallel.map_in_order(divmod, list(range(40)), 7, workers=2)
    assert [r for chunk in chunks for r in chunk] == [divmod(i, 7) for i in range(40)]


def _mark(item, folder):
    (folder / f"{item}.done").touch()
    return item


def test_pool_runs_only_a_few_chunks_ahead_of_the_caller(tmp_path):
    items = list(range(40))
    chunks = _parallel.map_in_order(_mark, items, tmp_path, workers=2, max_chunk_weight=1)
    assert next(chunks) == [0]  # 40 chunks of one item; one taken
    ahead = 2 * _parallel.CHUNKS_AHEAD  # chunks the two workers may compute meanwhile
    for _ in range(100):  # let the started chunks finish (they take microseconds)
        if len(list(tmp_path.iterdir())) >= ahead + 1:
            break
        time.sleep(0.05)
    time.sleep(0.2)
    assert len(list(tmp_path.iterdir())) == ahead + 1  # Pool.imap would do all 40
    assert [x for chunk in chunks for x in chunk] == items[1:]
    assert len(list(tmp_path.iterdir())) == 40


@settings(max_examples=200, deadline=None)
@given(
    weights=st.lists(st.integers(0, 50), max_size=40),
    n_chunks=st.integers(1, 20),
    cap=st.integers(1, 60),
)
def test_heavy_chunks_are_cut_to_the_cap(weights, n_chunks, cap):
    bounds = _parallel.split_heavy_chunks(_parallel.chunk_bounds(weights, n_chunks), weights, cap)
    covered = [i for a, b in bounds for i in range(a, b)]
    assert covered == list(range(len(weights)))  # every item once, in order
    for a, b in bounds:
        assert b - a == 1 or sum(weights[a:b]) <= cap


def test_map_in_order_checks_its_arguments():
    with pytest.raises(ValueError, match=r"max_chunk_weight=0 is not valid"):
        list(_parallel.map_in_order(divmod, [1, 2], 3, workers=2, max_chunk_weight=0))
    with pytest.raises(ValueError, match=r"weights has 1 values for 2 items"):
        list(_parallel.map_in_order(divmod, [1, 2], 3, workers=2, weights=[1]))
    assert list(_parallel.map_in_order(divmod, [], 3, workers=2)) == []


def test_cli_passes_workers(monkeypatch, fixtures):
    from analysis.cli.common import load_corpus

    seen = {}

    def fake_read(path, **options):
        seen.update(options)
        return corpus.from_texts(["x"])

    monkeypatch.setattr(corpus, "read_corpus", fake_read)
    load_corpus(argparse.Namespace(path=str(fixtures), workers=3, quiet=True))
    assert seen["workers"] == 3
