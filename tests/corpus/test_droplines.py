"""drop_lines: boilerplate lines (bylines, captions, wire credits) left out when reading."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import corpus
from corpus import StrictModeError, from_texts, lines_dropped, read_corpus, readers
from corpus.droplines import check_drop_lines, compile_drop_lines, drop_matching_lines
from corpus.normalize import normalize, normalize_text


def assert_same_corpus(a, b):
    assert a.doc_ids == b.doc_ids
    assert [d.text for d in a] == [d.text for d in b]
    assert [d.raw_sha256 for d in a] == [d.raw_sha256 for d in b]
    # a cache entry gives a table without docvars columns of another (empty) type
    pd.testing.assert_frame_equal(a.docvars, b.docvars, check_column_type=False)
    pd.testing.assert_frame_equal(a.report, b.report)
    assert a.fingerprint == b.fingerprint


BOILERPLATE = ["^By [A-Z]", "^Photo:", r"^\(Reporting by"]
ARTICLE = (
    "By Ann Roe\n\n"
    "Talks resumed in Geneva on Monday, the minister said.\n\n"
    "Photo: Delegates in the hall.\n\n"
    "The envoy said progress was slow.\n\n"
    "(Reporting by John Marr; Editing by Sue Lee)\n"
)
KEPT = "Talks resumed in Geneva on Monday, the minister said.\n\nThe envoy said progress was slow."
ALL_BOILERPLATE = "Photo: Reuters\nBy Bo Li\n"
PLAIN = "Peace must prevail.\n"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.md").write_text(ALL_BOILERPLATE, encoding="utf-8")
    (folder / "c.txt").write_text(PLAIN, encoding="utf-8")
    return folder


def rows(c) -> list[list[str]]:
    return c.report[["source", "doc_id", "status", "detail"]].values.tolist()


def test_a_folder_loses_the_lines_the_patterns_find(news):
    c = read_corpus(news, drop_lines=BOILERPLATE)
    assert c.doc_ids == ["a", "c"]
    assert c["a"].text == KEPT
    assert c["c"].text == "Peace must prevail."
    assert rows(c) == [
        ["a.txt", "a", "repaired", "lines dropped by drop_lines (3)"],
        ["b.md", "b", "skipped", "empty: no text left once lines dropped by drop_lines (2)"],
        ["c.txt", "c", "loaded", ""],
    ]
    assert lines_dropped(c.report).tolist() == [3, 2, 0]
    assert c.drop_lines == tuple(BOILERPLATE)
    # without the option nothing changes
    plain = read_corpus(news)
    assert plain["a"].text == ARTICLE.strip()
    assert plain.drop_lines == ()
    assert lines_dropped(plain.report).tolist() == [0, 0, 0]


def test_spans_are_found_in_the_text_left(news):
    doc = read_corpus(news, drop_lines=BOILERPLATE)["a"]
    assert [doc.text[s:e] for s, e in doc.sentences] == [
        "Talks resumed in Geneva on Monday, the minister said.",
        "The envoy said progress was slow.",
    ]
    assert doc.tokens[0] == (0, 5)
    assert "Reporting" not in [doc.text[s:e] for s, e in doc.words]


def test_a_text_file(news):
    c = read_corpus(news / "a.txt", drop_lines=BOILERPLATE)
    assert c.doc_ids == ["a"]
    assert c["a"].text == KEPT
    assert rows(c) == [["a.txt", "a", "repaired", "lines dropped by drop_lines (3)"]]


def test_a_file_left_empty_is_no_document(news):
    with pytest.raises(corpus.NoDocumentError, match=r"b\.md: skipped \(empty: no text left once"):
        read_corpus(news / "b.md", drop_lines=BOILERPLATE)


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".parquet"])
def test_every_kind_of_table(tmp_path, suffix):
    table = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "outlet": ["Post", "Post", "Wire", "Wire"],
            "text": [ARTICLE, ALL_BOILERPLATE, PLAIN, "By Al Ng\n!!!\n"],
        }
    )
    path = tmp_path / f"news{suffix}"
    if suffix == ".csv":
        table.to_csv(path, index=False)
    elif suffix == ".tsv":
        table.to_csv(path, sep="\t", index=False)
    elif suffix == ".jsonl":
        table.to_json(path, orient="records", lines=True)
    else:
        table.to_parquet(path)
    c = read_corpus(path, drop_lines=BOILERPLATE)
    assert c.doc_ids == ["a", "c"]
    assert c.texts() == [KEPT, "Peace must prevail."]
    assert c.docvars["outlet"].tolist() == ["Post", "Wire"]
    assert c.report[["doc_id", "status", "detail"]].values.tolist() == [
        ["a", "repaired", "lines dropped by drop_lines (3)"],
        ["b", "skipped", "empty: no text left once lines dropped by drop_lines (2)"],
        ["c", "loaded", ""],
        [
            "d",
            "skipped",
            "no words left once lines dropped by drop_lines (1): only punctuation, "
            "symbols or spaces",
        ],
    ]
    assert c.report["source"].str.startswith(f"news{suffix}:").all()


def test_seed_documents(seed_path):
    plain = read_corpus()
    c = read_corpus(drop_lines=["^Russia Threatens to Bomb"])
    doc = next(iter(c))
    assert doc.text.startswith("Moscow has consistently warned")
    assert next(iter(plain)).text.endswith(doc.text)
    row = c.report.set_index("doc_id").loc[doc.doc_id]
    assert (row["status"], row["detail"]) == ("repaired", "lines dropped by drop_lines (1)")


def test_texts_in_memory():
    c = from_texts(
        {"a": ARTICLE, "b": ALL_BOILERPLATE, "c": PLAIN},
        docvars={"outlet": ["Post", "Post", "Wire"]},
        drop_lines=BOILERPLATE,
    )
    assert c.doc_ids == ["a", "c"]
    assert c["a"].text == KEPT
    assert rows(c) == [
        ["texts[0]", "a", "repaired", "lines dropped by drop_lines (3)"],
        ["texts[1]", "b", "skipped", "empty: no text left once lines dropped by drop_lines (2)"],
        ["texts[2]", "c", "loaded", ""],
    ]
    assert c.drop_lines == tuple(BOILERPLATE)


def test_lines_are_matched_as_normalized_and_case_sensitively():
    text = (
        "   Photo:  indented caption\n"  # spaces around a line are gone when it is matched
        "Reuters\u2019s staff wrote this\n"  # a typographic apostrophe is "'"
        "PHOTO: shouted caption\n"
        "The talks went on.\n"
        "BY ALL MEANS, the talks went on.\n"
    )
    c = from_texts([text], drop_lines=["^Photo:", "^Reuters's staff"])
    assert (
        c["doc1"].text
        == "PHOTO: shouted caption\nThe talks went on.\nBY ALL MEANS, the talks went on."
    )
    c = from_texts([text], drop_lines=["(?i)^photo:", "^Reuters's staff"])
    assert c["doc1"].text == "The talks went on.\nBY ALL MEANS, the talks went on."
    # re.search: a pattern finds its text anywhere in the line unless anchored
    c = from_texts([text], drop_lines=["talks"])
    assert lines_dropped(c.report).tolist() == [2]


def test_blank_lines_around_a_dropped_paragraph_close_up():
    c = from_texts(["One.\n\nPhoto: x\n\nTwo.\nPhoto: y\nThree."], drop_lines=["^Photo:"])
    assert c["doc1"].text == "One.\n\nTwo.\nThree."


def test_invalid_patterns_are_named_with_the_reason(news):
    with pytest.raises(ValueError) as caught:
        read_corpus(news, drop_lines=["^Photo:", "^(Reporting by"])
    assert str(caught.value) == (
        "drop_lines: '^(Reporting by' is not a valid regular expression: missing ), "
        "unterminated subpattern at position 1"
    )
    with pytest.raises(ValueError, match=r"^drop_lines: '\[a-' is not a valid regular"):
        from_texts(["x"], drop_lines=["[a-"])


@pytest.mark.parametrize("pattern", ["", "^$", "x*", "(?i)", r"^\s*$", "^(By .*)?$"])
def test_patterns_that_match_an_empty_line_are_refused(news, pattern):
    with pytest.raises(ValueError) as caught:
        read_corpus(news, drop_lines=["^Photo:", pattern])
    assert str(caught.value) == (
        f"drop_lines: {pattern!r} matches an empty line, so it would drop every blank line "
        "(the paragraph breaks) and perhaps every line; make it match some text of the lines "
        "to drop, such as '^Photo:' or '^By [A-Z]'"
    )


def test_patterns_are_given_as_a_list_of_strings(news):
    with pytest.raises(TypeError, match=r"give a list of regular expressions, even for one"):
        read_corpus(news, drop_lines="^Photo:")
    with pytest.raises(TypeError, match=r"re.compile\('x'\) is no string but a Pattern"):
        read_corpus(news, drop_lines=[re.compile("x")])
    assert check_drop_lines(None) == check_drop_lines([]) == ()
    assert read_corpus(news, drop_lines=[]).fingerprint == read_corpus(news).fingerprint


def test_strict_mode_takes_dropped_lines_as_asked_for(news, tmp_path):
    (news / "b.md").unlink()
    c = read_corpus(news, drop_lines=BOILERPLATE, strict=True)
    assert c.doc_ids == ["a", "c"]
    # a document left empty is still skipped, which strict mode refuses
    (news / "b.md").write_text(ALL_BOILERPLATE, encoding="utf-8")
    with pytest.raises(StrictModeError, match=r"b\.md: skipped \(empty: no text left once"):
        read_corpus(news, drop_lines=BOILERPLATE, strict=True)
    # and so is another repair of a document that lost lines
    (news / "b.md").unlink()
    (news / "a.txt").write_text(ARTICLE.replace("Monday", "Monday \u25a0"), encoding="utf-8")
    with pytest.raises(StrictModeError, match=r"a\.txt: repaired \(lines dropped by"):
        read_corpus(news, drop_lines=BOILERPLATE, strict=True)


def test_a_bad_date_left_missing_is_still_a_repair_in_strict_mode(tmp_path):
    path = tmp_path / "news.csv"
    pd.DataFrame({"id": ["a"], "date": ["2024-13-07"], "text": [ARTICLE]}).to_csv(path, index=False)
    with pytest.raises(StrictModeError, match=r"news\.csv:2: repaired \(lines dropped by"):
        read_corpus(path, drop_lines=BOILERPLATE, bad_dates="missing", strict=True)


def test_same_input_and_patterns_give_the_same_corpus(news):
    first = read_corpus(news, drop_lines=BOILERPLATE)
    assert_same_corpus(first, read_corpus(news, drop_lines=BOILERPLATE))
    assert first.fingerprint != read_corpus(news).fingerprint
    # a pattern that finds no line changes no text: the same fingerprint as none
    assert read_corpus(news, drop_lines=["^Zzz"]).fingerprint == read_corpus(news).fingerprint


def entries(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir() if p.is_dir() and not p.name.startswith(".")]


def test_the_cache_keys_entries_by_the_patterns(news, tmp_path):
    store = tmp_path / "store"
    plain = read_corpus(news, cache=store)
    dropped = read_corpus(news, cache=store, drop_lines=BOILERPLATE)
    assert len(entries(store)) == 2  # the entry read without patterns is not reused
    assert plain["a"].text == ARTICLE.strip()
    assert dropped["a"].text == KEPT
    assert dropped.drop_lines == tuple(BOILERPLATE)
    assert_same_corpus(dropped, read_corpus(news, drop_lines=BOILERPLATE))
    again = read_corpus(news, cache=store, drop_lines=BOILERPLATE)
    assert len(entries(store)) == 2  # read from its entry
    assert_same_corpus(again, dropped)
    assert again.drop_lines == tuple(BOILERPLATE)
    # no patterns (None or []) is the key of a read without the option
    assert read_corpus(news, cache=store, drop_lines=[]).drop_lines == ()
    assert len(entries(store)) == 2
    read_corpus(news, cache=store, drop_lines=BOILERPLATE[:1])
    assert len(entries(store)) == 3  # other patterns, another entry


def test_streamed_reading(news, tmp_path):
    expected = read_corpus(news, drop_lines=BOILERPLATE)
    for _ in range(2):  # written as read, then from the entry
        c = read_corpus(news, cache=tmp_path / "store", stream=True, drop_lines=BOILERPLATE)
        assert c.streamed
        assert_same_corpus(c, expected)
        assert c.drop_lines == tuple(BOILERPLATE)
        doc = c["a"]
        assert (doc.sentences, doc.tokens, doc.words) == (
            expected["a"].sentences,
            expected["a"].tokens,
            expected["a"].words,
        )


@pytest.fixture
def pool_calls(monkeypatch):
    """Count the pools the reader starts, and let even tiny folders use one."""
    calls = []
    real = readers.map_in_order

    def spy(*args, **kwargs):
        calls.append(kwargs["workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(readers, "map_in_order", spy)
    monkeypatch.setattr(readers, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(readers, "PARALLEL_MIN_FILES", 0)
    return calls


def write_articles(folder: Path, n: int = 24) -> Path:
    folder.mkdir()
    for i in range(n):
        lines = [f"By Reporter {chr(65 + i % 26)}", "", f"Story {i}: the talks went on."]
        if i % 3:
            lines += ["", f"Photo: picture {i}"]
        if i % 5 == 0:
            lines += ["", "(Reporting by John Marr; Editing by Sue Lee)"]
        if i % 7 == 6:
            lines = ["Photo: only a caption"]
        (folder / f"story_{i:02d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


def test_the_same_with_one_and_two_workers(tmp_path, pool_calls):
    folder = write_articles(tmp_path / "news")
    serial = read_corpus(folder, drop_lines=BOILERPLATE, workers=1)
    assert pool_calls == []
    parallel = read_corpus(folder, drop_lines=BOILERPLATE, workers=2)
    assert pool_calls == [2]
    assert_same_corpus(serial, parallel)
    assert len(serial) == 21  # three stories were a caption alone
    assert serial["story_01"].text == "Story 1: the talks went on."
    # 24 bylines and captions alone, 13 other captions, 4 credits
    assert int(lines_dropped(serial.report).sum()) == 42
    # written to the cache as read, the workers find the spans of the text left
    cached = read_corpus(folder, drop_lines=BOILERPLATE, workers=2, cache=tmp_path / "store")
    assert pool_calls == [2, 2]
    assert_same_corpus(cached, serial)
    assert [d.tokens for d in cached] == [d.tokens for d in serial]


LINES = st.sampled_from(
    [
        "",
        "By Ann Roe",
        "  Photo: indented",
        "Photo: x",
        "(Reporting by J. Marr)",
        "The talks went on.",
        "inter-",
        "national talks",
        "12. Photo: numbered",
        "He said \u201cno\u201d.",
        "by the way",
    ]
)


@given(st.lists(LINES, max_size=12))
def test_no_line_left_is_one_a_pattern_finds(lines):
    patterns = compile_drop_lines(BOILERPLATE)
    normalized = normalize("\n".join(lines))
    kept, dropped = drop_matching_lines(normalized, patterns)
    left = kept.text.split("\n")
    assert not any(p.search(line) for p in patterns for line in left if kept.text)
    assert normalize_text(kept.text) == kept.text  # a normalized text, as every document's
    assert drop_matching_lines(kept, patterns) == (kept, 0)
    matched = any(p.search(line) for p in patterns for line in normalized.text.split("\n"))
    assert (dropped > 0) == matched
    if not dropped:
        assert kept is normalized
    assert kept.repairs == normalized.repairs


def test_the_readme_example(tmp_path, monkeypatch):
    import textwrap

    from .test_corpus import _readme_recipe

    monkeypatch.chdir(tmp_path)
    texts = [
        ARTICLE,
        "(Photo by Bo Li)\nTalks ended.\nALL RIGHTS RESERVED\nPhoto: the hall",
        "Photo: the hall",
    ]
    pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["Wire", "Post", "Post"], "text": texts}).to_csv(
        "articles.csv", index=False
    )
    names = {"corpus": corpus}
    exec(textwrap.dedent(_readme_recipe("Boilerplate lines")), names)
    c = names["c"]
    assert c.texts() == [KEPT, "Talks ended."]
    assert lines_dropped(c.report).tolist() == [3, 3, 1]
