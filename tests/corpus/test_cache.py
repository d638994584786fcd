"""The Parquet corpus cache: same corpus back, spans without re-parsing, invalidation."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import corpus
from corpus import cache as cache_module
from corpus.cache import clear_cache, default_cache_dir, list_cache
from corpus.streamed import SpanList

SPEECH = (
    "Mr. Lavrov met the U.N. envoy. “We will not retreat,” said Lavrov.\n\n"
    "Russia's position can't change. The ‘red lines’ remain.\n"
)
OTHER = "Peace must prevail. We may hope that the council will act."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "speeches"
    root.mkdir()
    (root / "RUS_50_1995.txt").write_text(SPEECH, encoding="utf-8")
    (root / "FRA_50_1995.txt").write_text(OTHER, encoding="utf-8")
    return root


def entries(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir() if p.is_dir() and not p.name.startswith(".")]


def test_second_read_comes_from_the_cache_and_equals_the_first(folder, tmp_path, monkeypatch):
    store = tmp_path / "store"
    fresh = corpus.read_corpus(folder)
    first = corpus.read_corpus(folder, cache=store)
    assert len(entries(store)) == 1
    expected_spans = [(d.sentences, d.tokens, d.words, d.quotes) for d in fresh]

    def no_parsing(*_args, **_kwargs):
        raise AssertionError("the cached read must not re-parse")

    monkeypatch.setattr(corpus.streamed, "find_quotes", no_parsing)
    monkeypatch.setattr(corpus.streamed, "tokenize", no_parsing)
    monkeypatch.setattr(corpus.document, "split_sentences", no_parsing)
    monkeypatch.setattr(corpus.document, "find_quotes", no_parsing)
    second = corpus.read_corpus(folder, cache=store)
    # Sentences and quotes come back; tokens and words are found on first use, as for a
    # corpus read without the cache (held for every document they grow with the corpus).
    assert all("tokens" not in d.__dict__ and "words" not in d.__dict__ for d in second)
    assert all(isinstance(d.__dict__["sentences"], SpanList) for d in second)

    assert second.doc_ids == fresh.doc_ids == first.doc_ids
    assert second.fingerprint == fresh.fingerprint
    assert second.docvars.equals(fresh.docvars)
    assert second.report.equals(fresh.report)
    for doc, expected, spans in zip(second, fresh, expected_spans, strict=True):
        assert doc.text == expected.text
        assert doc.raw_sha256 == expected.raw_sha256
        assert dict(doc.meta) == dict(expected.meta)
        assert (doc.sentences, doc.tokens, doc.words, doc.quotes) == spans
    rus = second["RUS_50_1995"]
    assert rus.voice(rus.quotes[0].start + 2) == ("quoted", "Lavrov")


def test_restored_spans_behave_like_lists(folder, tmp_path):
    store = tmp_path / "store"
    corpus.read_corpus(folder, cache=store)
    doc = corpus.read_corpus(folder, cache=store)["RUS_50_1995"]
    expected = list(corpus.read_corpus(folder)["RUS_50_1995"].sentences)
    restored = doc.__dict__["sentences"]
    assert isinstance(restored, SpanList)
    assert len(restored) == len(expected) > 2
    assert restored[0] == expected[0]
    assert restored[0][0] == 0
    assert restored[-1] == expected[-1]
    assert restored[1:3] == expected[1:3]
    assert doc.text[slice(*restored[0])].startswith("Mr. Lavrov met")
    assert doc.sentence_id(doc.sentences[1][0]) == 1
    quote = doc.quotes[0]
    assert (quote.text, quote.kind, quote.speaker) == ("We will not retreat,", "direct", "Lavrov")


def test_touching_an_input_file_invalidates_the_entry(folder, tmp_path):
    store = tmp_path / "store"
    corpus.read_corpus(folder, cache=store)
    target = folder / "FRA_50_1995.txt"
    target.write_text(OTHER + " Changed.", encoding="utf-8")
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    c = corpus.read_corpus(folder, cache=store)
    assert c["FRA_50_1995"].text.endswith("Changed.")
    assert len(entries(store)) == 2


def test_an_edit_that_keeps_size_and_modification_time_invalidates_the_entry(folder, tmp_path):
    # what cp -p, rsync -a or restoring a backup can do: same size, same mtime, new words
    store = tmp_path / "store"
    corpus.read_corpus(folder, cache=store)
    target = folder / "FRA_50_1995.txt"
    before = target.stat()
    target.write_text(OTHER.replace("Peace", "Hope!"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    c = corpus.read_corpus(folder, cache=store)
    assert c["FRA_50_1995"].text.startswith("Hope! must prevail.")
    assert len(entries(store)) == 2
    # and the same contents again find the first entry
    target.write_text(OTHER, encoding="utf-8")
    assert corpus.read_corpus(folder, cache=store)["FRA_50_1995"].text == OTHER
    assert len(entries(store)) == 2


def test_adding_a_file_or_changing_options_gives_a_new_entry(folder, tmp_path):
    store = tmp_path / "store"
    corpus.read_corpus(folder, cache=store)
    corpus.read_corpus(folder, cache=store, filename_template="{country}_{session}_{year}.txt")
    assert len(entries(store)) == 2
    (folder / "USA_50_1995.txt").write_text("We shall see.", encoding="utf-8")
    c = corpus.read_corpus(folder, cache=store)
    assert len(c) == 3
    assert len(entries(store)) == 3


def test_a_new_policy_version_invalidates_the_entry(folder, tmp_path, monkeypatch):
    store = tmp_path / "store"
    corpus.read_corpus(folder, cache=store)
    monkeypatch.setattr(cache_module, "TOKENIZER_VERSION", "communique-tok/999")
    corpus.read_corpus(folder, cache=store)
    monkeypatch.setattr(cache_module, "NORMALIZER_VERSION", "communique-norm/999")
    corpus.read_corpus(folder, cache=store)
    assert len(entries(store)) == 3


def test_clear_cache_and_default_location(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COMMUNIQUE_CACHE_DIR", raising=False)
    assert default_cache_dir() == Path(".communique-cache")
    corpus.read_corpus(folder, cache=True)
    assert len(entries(tmp_path / ".communique-cache")) == 1
    (tmp_path / ".communique-cache" / "not-ours").mkdir()
    assert clear_cache() == 1
    assert sorted(p.name for p in (tmp_path / ".communique-cache").iterdir()) == [
        "CACHEDIR.TAG",
        "not-ours",
    ]
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path / "env-store"))
    corpus.read_corpus(folder, cache=True)
    assert len(entries(tmp_path / "env-store")) == 1
    assert clear_cache(tmp_path / "env-store") == 1


def test_cache_off_by_default_writes_nothing(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus.read_corpus(folder)
    corpus.read_corpus(folder, cache=False)
    assert not (tmp_path / ".communique-cache").exists()


def test_table_input_is_cached_too(tmp_path):
    table = tmp_path / "statements.csv"
    table.write_text('doc_id,country,text\na,RUS,"He said: “No.”"\nb,USA,Yes.\n', encoding="utf-8")
    store = tmp_path / "store"
    first = corpus.read_corpus(table, cache=store)
    second = corpus.read_corpus(table, cache=store)
    assert second.fingerprint == first.fingerprint
    assert second.docvars["country"].tolist() == ["RUS", "USA"]
    assert second["a"].quotes == first["a"].quotes


def test_a_cache_inside_the_corpus_folder_is_hit_again(folder, monkeypatch):
    # the default .communique-cache/ of a run from inside the corpus folder is hidden:
    # neither read as input nor part of the key, so the second read is a hit
    monkeypatch.chdir(folder)
    corpus.read_corpus(".", cache=True)
    corpus.read_corpus(".", cache=True)
    assert len(entries(folder / ".communique-cache")) == 1
    assert sorted(corpus.read_corpus(".", cache=True).doc_ids) == ["FRA_50_1995", "RUS_50_1995"]


def test_the_reader_leaves_out_the_default_cache_folder_by_its_real_name():
    from corpus import readers

    assert readers._CACHE_FOLDER == cache_module.DEFAULT_CACHE_DIR


def test_list_docvars_come_back_as_lists_and_subsets_keep_their_fingerprint(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntags: [peace, war]\n---\nWe must act.\n", encoding="utf-8")
    (folder / "b.md").write_text("---\ntags: [trade]\n---\nIt may rain.\n", encoding="utf-8")
    fresh = corpus.read_corpus(folder)
    for stream in (False, True):
        cached = corpus.read_corpus(folder, cache=tmp_path / "store", stream=stream)
        assert cached["a"].meta["tags"] == ["peace", "war"]
        assert cached.docvars.equals(fresh.docvars)
        everything = cached.subset(where=lambda dv: dv.index != "zz")
        assert everything.fingerprint == fresh.fingerprint == cached.fingerprint


def write_front_matter_files(folder: Path, values: list[str]) -> Path:
    folder.mkdir()
    for i, value in enumerate(values):
        text = f"---\nx: {value}\nwhen: {value}\n---\nPeace must prevail in text {i}.\n"
        (folder / f"d{i}.txt").write_text(text, encoding="utf-8")
    (folder / "plain.txt").write_text("No front matter.", encoding="utf-8")
    return folder


@pytest.mark.parametrize("stream", [False, True])
def test_docvars_of_mixed_types_are_cached_as_read(tmp_path, stream):
    folder = write_front_matter_files(tmp_path / "mixed", ["1", "abc", "2020-01-05", "[1, b]"])
    fresh = corpus.read_corpus(folder)
    for _ in range(2):  # the first read writes the entry, the second reads it
        cached = corpus.read_corpus(folder, cache=tmp_path / "store", stream=stream)
        assert cached.docvars.equals(fresh.docvars)
        assert [type(v).__name__ for v in cached.docvars["x"]] == [
            "int",
            "str",
            "date",
            "list",
            "NoneType",  # a gap in a column holding lists is None (as in the cache)
        ]
        assert cached.docvars.loc["d3", "x"] == [1, "b"]
        assert cached.fingerprint == fresh.fingerprint
        assert cached.subset(x="abc").fingerprint == fresh.subset(x="abc").fingerprint


def test_a_docvar_the_cache_cannot_store_is_named(tmp_path):
    folder = write_front_matter_files(tmp_path / "mixed", ["abc", "[2020-01-05]"])
    with pytest.raises(corpus.CorpusError, match=r"docvar 'x' mixes types and holds a list"):
        corpus.read_corpus(folder, cache=tmp_path / "store")
    assert [p.name for p in (tmp_path / "store").iterdir()] == ["CACHEDIR.TAG"]


def test_saved_quotes_name_speakers_by_the_documents_alias_table(tmp_path):
    text = "“We stand firm,” said Mao Tse-tung."
    assert [q.speaker for q in corpus.Document("a", text).quotes] == ["Mao Tse-tung"]
    doc = corpus.Document("a", text)  # no alias table; its quotes not found yet
    report = pd.DataFrame(columns=["source", "doc_id", "status", "detail"])
    c = corpus.Corpus([doc], pd.DataFrame(index=pd.Index(["a"], name="doc_id")), report)
    assert c.aliases.canonical("Mao Tse-tung") == "Mao Zedong"  # the corpus's table differs
    cache_module.save_corpus(c, tmp_path / "entry")
    loaded = cache_module.load_corpus(tmp_path / "entry")
    assert [q.speaker for q in loaded["a"].quotes] == ["Mao Tse-tung"]


def test_span_offsets_are_stored_as_deltas(folder, tmp_path):
    corpus.read_corpus(folder, cache=tmp_path / "store")
    (entry,) = entries(tmp_path / "store")
    row_group = pq.ParquetFile(entry / "documents.parquet").metadata.row_group(0)
    encodings = {
        row_group.column(i).path_in_schema: row_group.column(i).encodings
        for i in range(row_group.num_columns)
    }
    for name in ("sentences", "tokens", "words", "quote_spans"):
        assert "DELTA_BINARY_PACKED" in encodings[f"{name}.list.element"], name


def test_clear_cache_removes_staging_folders_of_interrupted_writes(folder, tmp_path):
    store = tmp_path / "store"
    corpus.read_corpus(folder, cache=store)
    stale, fresh = store / ".writing-stale", store / ".writing-running"
    stale.mkdir()
    fresh.mkdir()
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    assert clear_cache(store) == 1
    assert sorted(p.name for p in store.iterdir()) == [
        ".writing-running",
        "CACHEDIR.TAG",
    ]  # in use?


@pytest.mark.parametrize("stream", [False, True])
def test_a_cache_folder_of_any_name_inside_the_corpus_is_no_input(folder, stream):
    fresh = corpus.read_corpus(folder)
    for _ in range(3):
        cached = corpus.read_corpus(folder, cache=folder / "cache", stream=stream)
        assert cached.report.equals(fresh.report)  # no entry, tag or staging folder read
    assert len(entries(folder / "cache")) == 1  # every read after the first was a hit
    assert corpus.read_corpus(folder).report.equals(fresh.report)


@pytest.mark.parametrize("stream", [False, True])
def test_docvars_arrow_would_change_are_cached_as_read(tmp_path, stream):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\nnested: {x: 1}\nwhen: 2024-03-13 10:00:00\nbig: 123456789012345678901234567890\n"
        "---\nWe must act now.\n",
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "---\nnested: {y: 2}\nwhen: 2024-03-14 10:00:00+02:00\nbig: 5\n---\nWe must wait.\n",
        encoding="utf-8",
    )
    fresh = corpus.read_corpus(folder)
    for _ in range(2):  # the first read writes the entry, the second reads it
        cached = corpus.read_corpus(folder, cache=tmp_path / "store", stream=stream)
        assert cached.docvars.to_dict("records") == fresh.docvars.to_dict("records")
        assert cached.docvars.loc["a", "nested"] == {"x": 1}  # Arrow would add "y": None
        assert str(cached.docvars.loc["b", "when"]) == "2024-03-14 10:00:00+02:00"
        assert cached.docvars.loc["a", "big"] == 123456789012345678901234567890
        everything = cached.subset(where=lambda dv: dv.index != "zz")
        assert everything.fingerprint == fresh.fingerprint == cached.fingerprint


def test_moving_a_hidden_file_gives_a_new_entry(folder, tmp_path):
    (folder / "s1").mkdir()
    (folder / "s2").mkdir()
    (folder / "s1" / ".note").write_text("x", encoding="utf-8")
    store = tmp_path / "store"
    corpus.read_corpus(folder, cache=store)
    (folder / "s1" / ".note").rename(folder / "s2" / ".note")
    cached = corpus.read_corpus(folder, cache=store)
    assert "s2/.note" in cached.report["source"].tolist()
    assert len(entries(store)) == 2


@pytest.mark.parametrize("stream", [False, True])
def test_boolean_and_list_docvars_with_gaps_read_the_same_with_or_without_cache(tmp_path, stream):
    path = tmp_path / "t.jsonl"
    path.write_text(
        '{"id": "a", "text": "We must act.", "official": true, "tags": ["un"]}\n'
        '{"id": "b", "text": "It may rain.", "official": null, "tags": null}\n'
        '{"id": "c", "text": "Peace must prevail.", "official": false, "tags": ["eu", "un"]}\n'
        '{"id": "d", "text": "The war ends."}\n',
        encoding="utf-8",
    )
    fresh = corpus.read_corpus(path)
    # gaps as in a column of whole numbers with gaps (Int64): pd.NA, whether null or absent
    assert str(fresh.docvars["official"].dtype) == "boolean"
    assert fresh.docvars["official"].tolist() == [True, pd.NA, False, pd.NA]
    assert fresh["d"].meta["official"] is None
    # a gap in a column of lists is None, not NaN where the key is absent
    assert fresh.docvars["tags"].tolist() == [["un"], None, ["eu", "un"], None]
    for _ in range(2):  # the first read writes the entry, the second reads it
        cached = corpus.read_corpus(path, cache=tmp_path / "store", stream=stream)
        pd.testing.assert_frame_equal(cached.docvars, fresh.docvars)
        assert cached["d"].meta == fresh["d"].meta == {"official": None, "tags": None}
        assert cached.docvars["tags"].tolist() == fresh.docvars["tags"].tolist()
        assert cached.fingerprint == fresh.fingerprint


def _age(store: Path, key: str, days: float) -> None:
    """Make the entry ``key`` look last used ``days`` ago."""
    then = time.time() - days * 86_400
    os.utime(store / key / "communique-cache.json", (then, then))


def test_list_cache_names_the_source_documents_size_and_last_use(folder, tmp_path):
    store = tmp_path / "store"
    assert list_cache(store).empty  # no folder yet
    table_file = tmp_path / "t.csv"
    table_file.write_text("text\nPeace now.\n", encoding="utf-8")
    corpus.read_corpus(folder, cache=store)
    corpus.read_corpus(table_file, cache=store)
    listed = list_cache(store)
    assert listed.columns.tolist() == ["entry", "source", "documents", "bytes", "last_used"]
    assert sorted(zip(listed["source"], listed["documents"], strict=True)) == [
        (str(folder), 2),
        (str(table_file), 1),
    ]
    for _, row in listed.iterrows():
        files = (store / row["entry"]).rglob("*")
        assert row["bytes"] == sum(f.stat().st_size for f in files if f.is_file())
    assert (pd.Timestamp.now() - listed["last_used"]).max() < pd.Timedelta(minutes=5)


def test_a_read_from_the_cache_counts_as_a_use_and_the_newest_is_listed_first(folder, tmp_path):
    store = tmp_path / "store"
    corpus.read_corpus(folder, cache=store)
    key = entries(store)[0].name
    _age(store, key, days=10)
    assert (pd.Timestamp.now() - list_cache(store)["last_used"][0]).days == 10
    corpus.read_corpus(folder, cache=store)  # a hit
    assert (pd.Timestamp.now() - list_cache(store)["last_used"][0]).days == 0
    table_file = tmp_path / "t.csv"
    table_file.write_text("text\nPeace now.\n", encoding="utf-8")
    corpus.read_corpus(table_file, cache=store)
    _age(store, key, days=1)
    assert list_cache(store)["source"].tolist() == [str(table_file), str(folder)]


def test_clear_cache_older_than_keeps_entries_used_since(folder, tmp_path):
    store = tmp_path / "store"
    corpus.read_corpus(folder, cache=store)
    old = entries(store)[0].name
    (folder / "RUS_50_1995.txt").write_text(SPEECH + "An edit.", encoding="utf-8")
    corpus.read_corpus(folder, cache=store)  # the edit: a second entry
    _age(store, old, days=31)
    assert clear_cache(store, older_than=30) == 1
    assert [e.name for e in entries(store)] != [old] and len(entries(store)) == 1
    assert clear_cache(store, older_than=30) == 0
    assert clear_cache(store, older_than=0) == 1  # everything used before now
    for bad in (-1, float("nan"), "30", True):
        with pytest.raises(ValueError, match=r"older_than=.* give a number of days, 0 or more"):
            clear_cache(store, older_than=bad)


def test_an_entry_written_by_save_corpus_has_no_source(tmp_path):
    store = tmp_path / "store"
    cache_module.save_corpus(corpus.from_texts(["Peace."]), store / "by-hand")
    listed = list_cache(store)
    assert listed[["entry", "source", "documents"]].values.tolist() == [["by-hand", "", 1]]
