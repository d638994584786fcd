import datetime
import os
import re
import shutil

import pandas as pd
import pytest

import corpus
from corpus import CorpusError, DuplicateIdError, StrictModeError, read_corpus


def test_seed_is_the_default_input(seed_path):
    c = read_corpus()
    assert len(c) == 1
    doc = next(iter(c))
    assert doc.doc_id == "000_adb904440a3ebccd"
    assert c.docvars.loc[doc.doc_id, "genre"] == "news report"
    assert c.docvars.loc[doc.doc_id, "quoted_speaker"] == "Sergey Lavrov"
    raw = (seed_path / "000_adb904440a3ebccd.txt").read_bytes()
    import hashlib

    assert doc.raw_sha256 == hashlib.sha256(raw).hexdigest()
    assert set(c.report["status"]) == {"loaded", "metadata"}


def test_un_layout_is_recognised_with_speakers(fixtures):
    c = read_corpus(fixtures / "un_layout")
    assert c.doc_ids == ["XNR_49_1994", "XWS_49_1994", "XGA_50_1995", "XNR_50_1995"]
    dv = c.docvars
    assert dv.loc["XWS_49_1994", ["country", "session", "year"]].tolist() == ["XWS", 49, 1994]
    assert str(dv["year"].dtype) == "Int64"
    assert dv.loc["XNR_50_1995", "speaker"] == "Andrei Petrov"
    assert dv.loc["XNR_50_1995", "post"] == "Minister for Foreign Affairs"
    assert dv.loc["XGA_50_1995", "country_name"] == "Galmera"
    assert pd.isna(dv.loc["XGA_50_1995", "post"])
    assert c["XNR_49_1994"].meta["speaker"] == "Andrei Petrov"
    report = c.report.set_index("source")
    assert report.loc["Speakers_by_session.csv", "status"] == "metadata"
    detail = report.loc["Session 49 - 1994/XNR_49_1994.txt", "detail"]
    assert "paragraph numbers removed (2)" in detail and "hyphenation joined (1)" in detail
    assert "Some international problems" in c["XNR_49_1994"].text


def test_speaker_xlsx_is_read(fixtures, tmp_path):
    folder = tmp_path / "un"
    shutil.copytree(fixtures / "un_layout", folder)
    table = pd.read_csv(folder / "Speakers_by_session.csv")
    (folder / "Speakers_by_session.csv").unlink()
    table.to_excel(folder / "Speakers_by_session.xlsx", index=False)
    c = read_corpus(folder)
    assert c.docvars.loc["XWS_49_1994", "speaker"] == "Jane Miller"


def test_speaker_names_have_their_spaces_collapsed(fixtures, tmp_path):
    folder = tmp_path / "un"
    shutil.copytree(fixtures / "un_layout", folder)
    table = pd.read_csv(folder / "Speakers_by_session.csv")
    table["Name of Person Speaking"] = table["Name of Person Speaking"].str.replace(" ", "  \u00a0")
    table.to_csv(folder / "Speakers_by_session.csv", index=False)
    c = read_corpus(folder)
    assert c.docvars.loc["XWS_49_1994", "speaker"] == "Jane Miller"


def test_a_file_the_template_does_not_fit_is_skipped_saying_what_it_expects(fixtures):
    folder = fixtures / "templated"
    c = read_corpus(folder, filename_template="{country}_{year}_statement.txt")
    assert c.doc_ids == ["GBR_2001_statement"]
    assert c.docvars.loc["GBR_2001_statement", "year"] == 2001
    assert c.report.set_index("source").loc["DEU_2003_statement.md"].tolist() == [
        "",
        "skipped",
        "file name does not fit filename_template='{country}_{year}_statement.txt', which "
        "expects names like <country>_<year>_statement.txt (year in digits): not read",
    ]
    with pytest.raises(StrictModeError, match=r"DEU_2003_statement.md: skipped \(file name"):
        read_corpus(folder, filename_template="{country}_{year}_statement.txt", strict=True)


def test_template_with_extension_wildcard(fixtures):
    c = read_corpus(fixtures / "templated", filename_template="{country}_{year}_statement.{ext}")
    dv = c.docvars
    assert dv.loc["GBR_2001_statement", "country"] == "GBR"
    assert dv.loc["GBR_2001_statement", "year"] == 2001
    assert dv.loc["GBR_2001_statement", "source"] == "FCO press release"
    assert dv.loc["DEU_2003_statement", "speaker"] == "Karl Weber"
    assert dv.loc["DEU_2003_statement", "date"] == pd.Timestamp(2003, 2, 14)
    assert isinstance(dv.loc["DEU_2003_statement", "date"], datetime.date)
    assert c["DEU_2003_statement"].text == "Germany has serious doubts about the case for war."


def test_csv_table_with_defaults(fixtures):
    c = read_corpus(fixtures / "tables" / "statements.csv")
    assert c.doc_ids == ["s1", "s2"]
    assert c.docvars.loc["s1", "speaker"] == "Sergey Lavrov"
    assert c.docvars.loc["s2", "date"] == pd.Timestamp("2024-03-02")
    report = c.report.set_index("source")
    assert report.loc["statements.csv:4", "status"] == "skipped"
    assert "no value in column 'text'" in report.loc["statements.csv:4", "detail"]
    assert len(c.report) == 3  # every row accounted for


def test_jsonl_table_and_year_as_integer(fixtures):
    c = read_corpus(fixtures / "tables" / "statements.jsonl")
    assert c.doc_ids == ["j1", "j2"]
    assert c.docvars["year"].tolist() == [1999, 2000]
    assert c["j1"].text == "Peace must prevail."


def test_parquet_table_with_explicit_columns(tmp_path):
    path = tmp_path / "t.parquet"
    pd.DataFrame({"key": ["x", "y"], "body_text": ["One.", "Two."], "n": [1, 2]}).to_parquet(path)
    c = read_corpus(path, text_column="body_text", id_column="key")
    assert c.doc_ids == ["x", "y"]
    assert c.docvars["n"].tolist() == [1, 2]


def test_tsv_without_id_column_gets_row_ids(tmp_path):
    path = tmp_path / "speeches.tsv"
    path.write_text("country\ttext\nFRA\tBonjour.\nDEU\tHallo.\n", encoding="utf-8")
    c = read_corpus(path)
    assert c.doc_ids == ["speeches:1", "speeches:2"]


def test_missing_text_column_lists_the_columns(fixtures):
    with pytest.raises(CorpusError, match=r"no text column found.*columns are: id, message_body"):
        read_corpus(fixtures / "tables" / "no_text.csv")
    with pytest.raises(CorpusError, match=r"text_column='body' is not a column"):
        read_corpus(fixtures / "tables" / "no_text.csv", text_column="body")


def test_malformed_rows_name_the_line(fixtures):
    with pytest.raises(
        CorpusError, match=r"malformed.csv, line 3: 4 fields where the header has 2"
    ):
        read_corpus(fixtures / "tables" / "malformed.csv")
    with pytest.raises(CorpusError, match=r"malformed.jsonl, line 2, column \d+: not valid JSON"):
        read_corpus(fixtures / "tables" / "malformed.jsonl")


def test_a_control_character_in_a_jsonl_string_is_named_with_its_column(tmp_path):
    path = tmp_path / "tabbed.jsonl"
    path.write_text('{"text": "fine"}\n{"text": "a\tb"}\n', encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        read_corpus(path)
    assert str(caught.value) == (
        f"{path}, line 2, column 12: not valid JSON (a tab, newline or other control "
        "character inside a string: write it as \\t or \\n)"
    )


def test_bad_input_folder_accounts_for_every_file(fixtures):
    folder = fixtures / "bad_input"
    c = read_corpus(folder)
    report = c.report.set_index("source")
    assert len(report) == len([p for p in folder.iterdir() if p.is_file()])
    assert report.loc["good.txt", "status"] == "loaded"
    assert report.loc["windows_1252.txt", "status"] == "repaired"
    assert report.loc["windows_1252.txt", "detail"].startswith("decoded as cp1252")
    assert c["windows_1252"].text == "The minister's “firm” reply — café."
    assert report.loc["mojibake.txt", "detail"] == "mojibake decoded"
    assert c["mojibake"].text == "Disasters — past and future — and José Martí."
    assert report.loc["bom_utf16.txt", "detail"] == "decoded as UTF-16"
    assert report.loc["binary.txt", "status"] == "skipped"
    assert "binary" in report.loc["binary.txt", "detail"]
    assert report.loc["empty.txt", "detail"] == "empty file (0 bytes)"
    assert report.loc["blank.md", "detail"] == "empty: no text"
    assert report.loc["notes.pdf", "detail"] == "not a text document (.pdf)"
    assert sorted(c.doc_ids) == ["bom_utf16", "good", "mojibake", "windows_1252"]


def test_strict_mode_turns_repairs_into_errors(fixtures):
    with pytest.raises(StrictModeError, match=r"binary.txt: skipped"):
        read_corpus(fixtures / "bad_input", strict=True)
    assert len(read_corpus(fixtures / "tables" / "statements.jsonl", strict=True)) == 2


def test_duplicate_ids_name_both_sources(tmp_path):
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Two.", encoding="utf-8")
    with pytest.raises(
        DuplicateIdError,
        match=r"'a' comes from both a.md and a.txt; ids must be unique \(rename one of the files\)",
    ):
        read_corpus(tmp_path)


@pytest.mark.parametrize("empty", ["a.md", "a.txt"])
def test_an_empty_file_takes_its_id_too(tmp_path, empty):
    (tmp_path / "a.md").write_text("One.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / empty).write_bytes(b"")
    with pytest.raises(DuplicateIdError, match=r"doc_id 'a' comes from both a.md and a.txt"):
        read_corpus(tmp_path)
    (tmp_path / "a.md").rename(tmp_path / "b.md")  # no longer the same id
    report = read_corpus(tmp_path).report
    assert report.to_dict("list") == {
        "source": ["a.txt", "b.md"],
        "doc_id": ["a", "b"],
        "status": ["skipped", "loaded"] if empty == "a.txt" else ["loaded", "skipped"],
        "detail": ["empty file (0 bytes)", ""]
        if empty == "a.txt"
        else ["", "empty file (0 bytes)"],
    }


def test_duplicate_ids_in_a_table(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,text\nx,One.\nx,Two.\n", encoding="utf-8")
    with pytest.raises(DuplicateIdError, match=r"t.csv:2 and t.csv:3"):
        read_corpus(path)


def test_one_surplus_field_on_every_row_is_an_error(tmp_path):
    # pandas would make the first column an index and shift the rest silently
    path = tmp_path / "shifted.csv"
    path.write_text("id,text,country\n1,We must act.,XWS,extra\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"shifted.csv, line 2: 4 fields where the header has 3"):
        read_corpus(path)


def test_quoted_multiline_fields_are_read(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text('id,text\na,"One, two.\nThree."\nb,Four.\n', encoding="utf-8")
    c = read_corpus(path)
    assert c["a"].text == "One, two.\nThree."
    assert c.report["source"].tolist() == ["quoted.csv:2", "quoted.csv:4"]


def test_unknown_path_and_type():
    with pytest.raises(CorpusError, match="no such file or folder"):
        read_corpus("does/not/exist")


def test_unsupported_single_file(tmp_path):
    path = tmp_path / "x.docx"
    path.write_bytes(b"PK")
    with pytest.raises(CorpusError, match=r"x.docx: cannot read .docx"):
        read_corpus(path)


def test_single_text_file(fixtures):
    c = read_corpus(fixtures / "un_layout" / "Session 50 - 1995" / "XGA_50_1995.txt")
    assert c.doc_ids == ["XGA_50_1995"]
    assert c.docvars.loc["XGA_50_1995", "year"] == 1995


def test_from_texts_with_docvars():
    c = corpus.from_texts(
        ["We must act.", "It may rain."], docvars={"country": ["A", "B"], "year": ["1990", 1991]}
    )
    assert c.doc_ids == ["doc1", "doc2"]
    assert c.docvars["year"].tolist() == [1990, 1991]
    with pytest.raises(CorpusError, match="docvars has 1 rows but there are 2 texts"):
        corpus.from_texts(["a", "b"], docvars={"x": [1]})
    with pytest.raises(CorpusError, match="year.*must be an integer.*'doc1'.*'soon'"):
        corpus.from_texts(["a"], docvars={"year": ["soon"]})


def test_readme_beside_un_speeches_is_skipped_with_the_reason(fixtures, tmp_path):
    folder = tmp_path / "un"
    shutil.copytree(fixtures / "un_layout", folder)
    (folder / "README.txt").write_text("About this dataset.", encoding="utf-8")
    c = read_corpus(folder)
    assert "README" not in c
    report = c.report.set_index("source")
    assert report.loc["README.txt", "status"] == "skipped"
    assert "not a speech file of the UN layout" in report.loc["README.txt", "detail"]
    assert len(c) == 4


def test_nothing_readable_is_an_error_that_lists_the_inputs(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(CorpusError, match=r"no document could be read.*blob\.txt: skipped"):
        read_corpus(tmp_path)
    (tmp_path / "none").mkdir()
    with pytest.raises(CorpusError, match="holds no input"):
        read_corpus(tmp_path / "none")


def test_unclosed_quote_in_csv_names_the_lines_it_ran_over(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text('text,country\n"unterminated,XGA\nok,XWS\n')
    with pytest.raises(CorpusError, match=r"lines 2-3: malformed row.*quote mark left open"):
        read_corpus(path)
    # a blank line does not shift the line numbers of later rows
    (tmp_path / "blank.csv").write_text("id,text\n\na,one\n\nb,two\n")
    assert read_corpus(tmp_path / "blank.csv").report["source"].tolist() == [
        "blank.csv:3",
        "blank.csv:5",
    ]


def test_a_tsv_text_that_begins_with_a_quote_mark_is_read_as_written(tmp_path):
    path = tmp_path / "said.tsv"
    path.write_text(
        'id\ttext\tcountry\nd1\t"Peace," he said, "now."\t"XWS"\nd2\t"Trade, he said.\tXGA\n'
        "d3\tWar.\tXNR\n",
        encoding="utf-8",
    )
    c = read_corpus(path)
    assert c.doc_ids == ["d1", "d2", "d3"]
    assert c["d1"].text == "\u201cPeace,\u201d he said, \u201cnow.\u201d"
    assert c["d2"].text == "\u201cTrade, he said."  # its quote ran over no later row
    # "XWS" holds nothing a writer quotes for: its quote marks are kept, as on a row the
    # csv reader reads (see the test below)
    assert c.docvars["country"].tolist() == ['"XWS"', "XGA", "XNR"]
    report = c.report.set_index("source")["detail"]
    note = "column 'text' begins with a quote mark but is no quoted field: read as written"
    assert report["said.tsv:2"].startswith(
        f"{note}; column 'country' is wholly in quote marks, with no tab, line break, quote "
        "mark, comma or semicolon that a writer quotes for: read with the quote marks"
    )
    assert report["said.tsv:3"].startswith(note)
    assert report["said.tsv:4"] == ""
    # too many fields for its header, read either way: still an error naming the line
    (tmp_path / "wide.tsv").write_text('id\ttext\nd1\t"Peace" he\tsaid\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"wide.tsv, line 2: malformed row"):
        read_corpus(tmp_path / "wide.tsv")


KEPT_QUOTES = (
    "is wholly in quote marks, with no tab, line break, quote mark, comma or semicolon that "
    "a writer quotes for: read with the quote marks"
)


def test_a_tsv_field_wholly_in_quotes_keeps_them_unless_a_writer_quoted_it(tmp_path):
    path = tmp_path / "whole.tsv"
    path.write_text(
        "id\ttext\tplace\n"
        'd1\t"Peace now"\tGeneva\n'  # a statement that is one quotation
        'd2\t"We act, now"\t"Geneva"\n'  # a comma: a spreadsheet quotes it
        'd3\t"Two\nlines"\tNew York\n'  # a line break: any writer quotes it
        'd4\t"Say ""no"""\tRome\n'  # a quote mark, doubled: quoted by a writer
        'd5\t"We will not yield," he said.\tBern\n',  # begins with a quote mark only
        encoding="utf-8",
    )
    table = corpus.readers.read_table_file(path)
    assert table["text"].tolist() == [
        '"Peace now"',
        "We act, now",
        "Two\nlines",
        'Say "no"',
        '"We will not yield," he said.',
    ]
    assert table["place"].tolist() == ["Geneva", '"Geneva"', "New York", "Rome", "Bern"]
    assert table.attrs["notes"] == {
        0: f"column 'text' {KEPT_QUOTES}",
        1: f"column 'place' {KEPT_QUOTES}",
        4: "column 'text' begins with a quote mark but is no quoted field: read as written",
    }
    c = read_corpus(path)
    assert c["d1"].text == "\u201cPeace now\u201d"  # a quotation, whose voice is quoted
    assert c.report["detail"].tolist()[0] == (
        f"column 'text' {KEPT_QUOTES}; normalized: straight quotes oriented (2)"
    )


def test_a_tsv_quoted_throughout_is_unquoted_throughout(tmp_path):
    # R's write.table(sep="\t") and csv.QUOTE_ALL quote every text field and the header.
    path = tmp_path / "r.tsv"
    path.write_text('"id"\t"text"\t"year"\n"a"\t"Peace now"\t1990\n', encoding="utf-8")
    table = corpus.readers.read_table_file(path)
    assert table.to_dict("records") == [{"id": "a", "text": "Peace now", "year": "1990"}]
    assert table.attrs["notes"] == {}
    # A CSV's quote marks are quoting, as ever.
    path = tmp_path / "q.csv"
    path.write_text('id,text\na,"Peace now"\n', encoding="utf-8")
    assert corpus.readers.read_table_file(path)["text"].tolist() == ["Peace now"]


def test_a_tsv_quoted_by_pandas_reads_as_before(tmp_path):
    texts = ['"Peace," he said.', 'A tab\there and "quotes"', "Two\nlines", '"Whole."']
    path = tmp_path / "pandas.tsv"
    pd.DataFrame({"id": ["a", "b", "c", "d"], "text": texts}).to_csv(path, sep="\t", index=False)
    assert '\t"""Peace,"" he said."\n' in path.read_text(encoding="utf-8")
    table = corpus.readers.read_table_file(path)
    assert table["text"].tolist() == texts
    assert table.attrs["notes"] == {}


def test_cp1252_csv_is_decoded_and_every_row_reported_repaired(tmp_path):
    path = tmp_path / "cp1252.csv"
    path.write_bytes("doc_id,text\nx,Peace.\ny,Caf\xe9 \x93firm\x94.\n".encode("latin-1"))
    c = read_corpus(path)
    assert c["y"].text == "Café “firm”."
    assert [tuple(r) for r in c.report.itertuples(index=False)] == [
        ("cp1252.csv:2", "x", "repaired", "decoded as cp1252 (invalid UTF-8 on line 3)"),
        ("cp1252.csv:3", "y", "repaired", "decoded as cp1252 (invalid UTF-8 on line 3)"),
    ]
    with pytest.raises(StrictModeError, match=r"cp1252.csv:2: repaired \(decoded as cp1252"):
        read_corpus(path, strict=True)


def test_latin1_jsonl_and_utf16_tsv_are_decoded(tmp_path):
    jsonl = tmp_path / "t.jsonl"
    jsonl.write_bytes('{"id": "j", "text": "Se\xf1or."}\n'.encode("latin-1"))
    c = read_corpus(jsonl)
    assert c["j"].text == "Señor."
    assert c.report["detail"].tolist() == ["decoded as cp1252 (invalid UTF-8 on line 1)"]
    tsv = tmp_path / "t.tsv"  # Excel's "Unicode text" export
    tsv.write_bytes("id\ttext\nu\tJosé.\n".encode("utf-16"))
    c = read_corpus(tsv)
    assert c["u"].text == "José."
    assert c.report["detail"].tolist() == ["decoded as UTF-16"]


def test_forced_encoding_that_fails_names_the_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("id,text\na,One.\nb,Caf\xe9.\n".encode("latin-1"))
    with pytest.raises(CorpusError) as error:
        read_corpus(path, encoding="utf-8")
    assert str(error.value) == (
        f"{path}: cannot decode as utf-8: byte 0xe9 on line 3 is not utf-8 (invalid continuation byte)"
    )
    assert read_corpus(path, encoding="latin-1")["b"].text == "Café."
    assert read_corpus(path, encoding="latin-1").report["status"].tolist() == ["loaded"] * 2


def test_unknown_encoding_is_an_argument_error(tmp_path):
    with pytest.raises(CorpusError, match=r"^encoding='utf9' is not an encoding Python knows"):
        read_corpus(tmp_path, encoding="utf9")


def test_binary_or_empty_table_is_an_error_naming_it(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"id,text\x00\x01\x02")
    with pytest.raises(CorpusError, match=r"t.csv: binary file \(NUL bytes\), not text"):
        read_corpus(path)
    path.write_bytes(b"")
    with pytest.raises(CorpusError, match=r"t.csv: empty file \(0 bytes\)"):
        read_corpus(path)


def test_cp1252_sidecar_is_decoded_and_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Peace.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_bytes(
        "file,speaker\na.txt,Jos\xe9 Mart\xed\n".encode("latin-1")
    )
    c = read_corpus(tmp_path)
    assert c.docvars.loc["a", "speaker"] == "José Martí"
    assert c.report.set_index("source").loc["metadata.csv"].tolist() == [
        "",
        "repaired",
        "read for docvars; decoded as cp1252 (invalid UTF-8 on line 2)",
    ]
    with pytest.raises(StrictModeError, match=r"metadata.csv: repaired"):
        read_corpus(tmp_path, strict=True)


def test_text_file_fallback_names_the_line(fixtures):
    report = read_corpus(fixtures / "bad_input").report.set_index("source")
    assert report.loc["windows_1252.txt", "detail"] == "decoded as cp1252 (invalid UTF-8 on line 1)"


def test_random_bytes_without_nul_are_binary_not_latin1(tmp_path):
    import random

    rng = random.Random(1)
    noise = bytes(rng.randrange(1, 256) for _ in range(2000))
    (tmp_path / "noise.txt").write_bytes(noise)
    (tmp_path / "ok.txt").write_text("Peace is near.\n", encoding="utf-8")
    c = read_corpus(tmp_path)
    assert c.doc_ids == ["ok"]
    row = c.report.set_index("source").loc["noise.txt"]
    assert row["status"] == "skipped" and row["detail"].startswith("binary file (")
    # Controls that text files hold are text: a DOS end of file, vertical tabs (OCR line
    # breaks), terminal colours; and a short file is judged by NUL bytes only.
    (tmp_path / "dos.txt").write_bytes(b"Peace is near.\r\n" * 40 + b"\x1a")
    (tmp_path / "ocr.txt").write_bytes(b"Peace\x0bis\x0bnear.\n" * 60)
    (tmp_path / "short.txt").write_bytes(b"Peace\x01is near.")
    assert read_corpus(tmp_path).doc_ids == ["dos", "ocr", "ok", "short"]


def test_a_text_of_marks_alone_is_skipped_with_its_reason(tmp_path):
    (tmp_path / "speech.txt").write_text("Peace must prevail.", encoding="utf-8")
    (tmp_path / "marks.txt").write_text("!!! ... ???\n— * —\n", encoding="utf-8")
    (tmp_path / "greek.txt").write_text("Ειρήνη!", encoding="utf-8")  # letters of any script
    c = read_corpus(tmp_path)
    report = c.report.set_index("source")
    assert report.loc["marks.txt", "status"] == "skipped"
    assert report.loc["marks.txt", "detail"] == "no words: only punctuation, symbols or spaces"
    assert sorted(c.doc_ids) == ["greek", "speech"]
    with pytest.raises(StrictModeError, match=r"marks.txt: skipped \(no words"):
        read_corpus(tmp_path, strict=True)
    table = tmp_path / "rows.csv"
    table.write_text('id,text\na,"We shall see."\nb,"?!"\n', encoding="utf-8")
    rows = read_corpus(table)
    assert rows.doc_ids == ["a"]
    assert rows.report.set_index("doc_id").loc["b", "detail"].startswith("no words")


def test_hidden_files_and_folders_are_reported_not_read(tmp_path):
    (tmp_path / "speech.txt").write_text("Peace must prevail.", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    checkpoints = tmp_path / ".ipynb_checkpoints"
    checkpoints.mkdir()
    (checkpoints / "speech-checkpoint.txt").write_text("Peace must prevail.", encoding="utf-8")
    c = read_corpus(tmp_path)
    assert c.doc_ids == ["speech"]  # the checkpoint copy is not read twice
    report = c.report.set_index("source")
    assert report.loc[".ipynb_checkpoints", "status"] == "skipped"
    assert report.loc[".DS_Store", "detail"] == "hidden (its name starts with '.'): not read"
    assert "speech-checkpoint.txt" not in " ".join(report.index)


def test_a_csv_cell_longer_than_the_csv_modules_limit_is_read(tmp_path):
    import csv

    speech = "We must act now. " * 12_000  # 204,000 characters, beyond 131,072
    pd.DataFrame({"id": ["long"], "text": [speech]}).to_csv(tmp_path / "long.csv", index=False)
    before = csv.field_size_limit()
    c = read_corpus(tmp_path / "long.csv")
    assert len(c["long"].text) == len(speech.strip())
    assert csv.field_size_limit() == before  # the module's limit is given back


def test_a_jsonl_text_that_is_a_list_or_object_is_skipped_with_the_reason(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(
        '{"id": 1, "text": "Peace now."}\n'
        '{"id": 2, "text": ["a", "b"]}\n'
        '{"id": 3, "text": {"body": "c"}}\n'
    )
    c = read_corpus(path)
    assert c.doc_ids == ["1"]
    skipped = c.report[c.report["status"] == "skipped"]
    assert skipped["detail"].tolist() == [
        "not text: column 'text' holds a list; give the text as one string",
        "not text: column 'text' holds a JSON object; give the text as one string",
    ]


def test_a_parquet_decimal_text_cell_is_read_as_its_digits(tmp_path):
    from decimal import Decimal

    table = pd.DataFrame({"id": ["a", "b"], "text": [Decimal("1.5"), Decimal("NaN")]})
    table.to_parquet(tmp_path / "d.parquet")
    c = read_corpus(tmp_path / "d.parquet")
    assert c["a"].text == "1.5" and c.doc_ids == ["a"]  # a NaN cell is an empty one


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ids.csv", "id,text\n1,We must act.\n,It may rain.\n3,Peace now.\n"),
        (
            "ids.jsonl",
            '{"id": 1, "text": "We must act."}\n{"id": null, "text": "It may rain."}\n'
            '{"id": 3, "text": "Peace now."}\n',
        ),
    ],
)
def test_a_row_without_an_id_gets_one_from_its_position_and_says_so(tmp_path, name, content):
    table = tmp_path / name
    table.write_text(content, encoding="utf-8")
    c = corpus.read_corpus(table)
    # Not "None" or "nan", and JSON's whole numbers stay whole beside the gap.
    assert c.doc_ids == ["1", "ids:2", "3"]
    row = c.report.set_index("doc_id").loc["ids:2"]
    assert row["status"] == "repaired"
    assert row["detail"] == "no value in id column 'id': id made from the file name and row"
    with pytest.raises(corpus.StrictModeError):
        corpus.read_corpus(table, strict=True)


@pytest.mark.parametrize("big", [9007199254740993, 123456789012345678901])  # 2**53 + 1; > 2**64
def test_long_whole_number_ids_beside_a_gap_keep_every_digit(tmp_path, big):
    table = tmp_path / "posts.jsonl"
    table.write_text(
        f'{{"id": {big}, "text": "We must act."}}\n{{"id": null, "text": "It may rain."}}\n'
        '{"id": 7, "shares": 3, "text": "Peace now."}\n',
        encoding="utf-8",
    )
    c = corpus.read_corpus(table)
    assert c.doc_ids == [str(big), "posts:2", "7"]
    assert c.docvars["shares"].tolist()[2] == 3


def test_a_regular_install_reads_the_seed_it_ships(monkeypatch, tmp_path):
    from pathlib import Path

    import corpus.readers as readers

    packaged = readers._PACKAGED_SEEDS
    if not packaged.is_dir():
        pytest.skip("only in a built package (the compiled pass of `make test`)")
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    assert sorted(p.name for p in packaged.iterdir()) == sorted(p.name for p in checkout.iterdir())
    # Away from any checkout: the packaged copy is the default input, read as the seed.
    monkeypatch.setattr(readers, "_CHECKOUT_SEEDS", tmp_path / "no-checkout")
    monkeypatch.chdir(tmp_path)
    assert readers.default_seed_path() == packaged
    assert read_corpus().fingerprint == read_corpus(checkout).fingerprint


def test_table_columns_of_numbers_become_numbers(tmp_path):
    table = tmp_path / "statements.csv"
    table.write_text(
        "doc_id,text,gdp,population,code,flag,mixed,big\n"
        'a,"We may act.",1.5,100,007,true,12,1\n'
        'b,"We will go.",-2250.5,,010,false,n/a,2\n'
        'c,"Peace.",3,5,,true,3,12345678901234567890123\n',
        encoding="utf-8",
    )
    docvars = read_corpus(table).docvars
    assert docvars["gdp"].tolist() == [1.5, -2250.5, 3.0]
    assert str(docvars["population"].dtype) == "Int64"  # whole numbers stay whole
    assert docvars["population"].isna().tolist() == [False, True, False]
    assert docvars.loc["a", "population"] == 100
    # Text that only looks like numbers stays text: codes with leading zeros,
    # numbers beyond 64 bits (identifiers), and columns with any other value.
    assert docvars["code"].tolist()[:2] == ["007", "010"]
    assert docvars["flag"].tolist() == ["true", "false", "true"]
    assert docvars["mixed"].tolist() == ["12", "n/a", "3"]
    assert docvars["big"].tolist() == ["1", "2", "12345678901234567890123"]

    # Spellings a number would not read back as: they stay labels
    items = tmp_path / "items.csv"
    items.write_text(
        'doc_id,text,item,size\na,"We act.",4.1,2e3\nb,"We go.",4.10,5\nc,"Peace.",4.2,7\n',
        encoding="utf-8",
    )
    docvars = read_corpus(items).docvars
    assert docvars["item"].tolist() == ["4.1", "4.10", "4.2"]
    assert docvars["size"].tolist() == ["2e3", "5", "7"]


def test_whole_numbers_with_gaps_stay_whole(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.md").write_text("---\nrank: 3\n---\nPeace must prevail.", encoding="utf-8")
    (folder / "b.md").write_text("We may act.", encoding="utf-8")  # no front matter
    table = tmp_path / "rows.jsonl"
    table.write_text(
        '{"id": "a", "text": "We may act.", "pop": 100}\n{"id": "b", "text": "Go.", "pop": null}\n',
        encoding="utf-8",
    )
    for path, column in ((folder, "rank"), (table, "pop")):
        for cache in (False, tmp_path / f"cache-{column}"):
            docvars = read_corpus(path, cache=cache).docvars
            assert str(docvars[column].dtype) == "Int64", (path, cache)
            assert docvars[column].isna().tolist() == [False, True]
    assert read_corpus(folder)["a"].meta["rank"] == 3


def test_a_year_that_is_no_whole_number_is_named(tmp_path):
    table = tmp_path / "rows.csv"
    table.write_text('doc_id,text,year\na,"We act.",1995\nb,"We go.",1995.5\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"docvar 'year' must be an integer; document 'b' has"):
        read_corpus(table)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("id,text,text", "column 'text' appears 2 times in the header"),
        ("id,text,country,country", "column 'country' appears 2 times in the header"),
        ("id,text,,", "an empty column name appears 2 times in the header"),
    ],
)
def test_a_column_named_twice_is_an_error_naming_it(tmp_path, header, message):
    fields = header.count(",") + 1
    row = ",".join(["1", "Peace must prevail.", *["x"] * (fields - 2)])
    (tmp_path / "t.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape(f"t.csv, line 1: {message}")):
        read_corpus(tmp_path / "t.csv")


def test_a_jsonl_text_that_is_a_boolean_is_skipped_and_a_number_is_a_repair(tmp_path):
    (tmp_path / "t.jsonl").write_text(
        '{"id": 1, "text": true}\n{"id": 2, "text": 42}\n{"id": 3, "text": "Real text."}\n',
        encoding="utf-8",
    )
    c = read_corpus(tmp_path / "t.jsonl")
    assert c.doc_ids == ["2", "3"]
    report = c.report.set_index("source")
    assert report.loc["t.jsonl:1", "detail"].startswith(
        "not text: column 'text' holds a true/false value"
    )
    assert report.loc["t.jsonl:2", ["status", "detail"]].tolist() == [
        "repaired",
        "column 'text' holds a number: read as '42'",
    ]


def test_parquet_list_docvars_are_lists(tmp_path):
    pd.DataFrame(
        {"id": ["a", "b"], "text": ["One text.", "Two texts."], "tags": [["x", "y"], ["z"]]}
    ).to_parquet(tmp_path / "t.parquet")
    assert read_corpus(tmp_path / "t.parquet").docvars["tags"].tolist() == [["x", "y"], ["z"]]


def test_links_are_followed_once_and_dead_or_looping_ones_reported(tmp_path):
    folder, elsewhere = tmp_path / "speeches", tmp_path / "elsewhere"
    (folder / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (folder / "a.txt").write_text("Peace must prevail.", encoding="utf-8")
    (folder / "sub" / "s.txt").write_text("We hope for peace.", encoding="utf-8")
    (elsewhere / "b.txt").write_text("We may act.", encoding="utf-8")
    os.symlink("../elsewhere", folder / "linked")  # a folder outside: read through the link
    os.symlink("../elsewhere", folder / "same")  # the same folder again (met after "linked")
    os.symlink("sub", folder / "sub-link")  # a folder inside: read where it is
    os.symlink("..", folder / "up")  # holds the folder read: a loop
    os.symlink("gone.txt", folder / "dead.txt")
    c = read_corpus(folder)
    assert c.doc_ids == ["a", "linked/b", "sub/s"]
    skipped = c.report[c.report["status"] == "skipped"].set_index("source")["detail"]
    assert sorted(skipped.index) == ["dead.txt", "same", "sub-link", "up"]
    assert skipped.to_dict() == {
        "dead.txt": "a link to gone.txt, which does not exist",
        "same": "a link to ../elsewhere already read (through another path): not read twice",
        "sub-link": "a link to sub, a folder inside the folder read: read there, not twice",
        "up": "a link to .., a folder that holds the folder read: a loop, not read",
    }


def test_a_folder_reached_through_two_links_is_read_once(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "ext" / "X" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "a.txt").write_text("We hope for peace.", encoding="utf-8")
    (tmp_path / "ext" / "X" / "x.txt").write_text("We may act.", encoding="utf-8")
    (tmp_path / "ext" / "X" / "sub" / "s.txt").write_text("We must act.", encoding="utf-8")
    os.symlink("../ext/X/sub", tmp_path / "corpus" / "a_sub")  # walked first
    os.symlink("../ext/X", tmp_path / "corpus" / "b_x")  # holds a_sub's folder
    os.symlink("..", tmp_path / "ext" / "X" / "up")  # a loop inside the linked folder
    c = read_corpus(tmp_path / "corpus")
    assert c.doc_ids == ["a", "a_sub/s", "b_x/x"]
    skipped = c.report[c.report["status"] == "skipped"]["source"].tolist()
    assert skipped == ["b_x/sub", "b_x/up/X"]


def test_a_folder_of_tables_says_to_pass_a_table_itself(tmp_path):
    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_text("id,text\n1,Peace must prevail.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape("pass a.csv itself as the path")):
        read_corpus(tmp_path)


def test_speeches_without_or_with_several_speaker_rows_are_noted(fixtures, tmp_path):
    folder = tmp_path / "un"
    shutil.copytree(fixtures / "un_layout", folder)
    table = pd.read_csv(folder / "Speakers_by_session.csv")
    westmark = table["ISO Code"] == "XWS"
    second = table[table["ISO Code"] == "XGA"].assign(**{"Name of Person Speaking": "Other Name"})
    pd.concat([table[~westmark], second]).to_csv(folder / "Speakers_by_session.csv", index=False)
    c = read_corpus(folder)
    detail = c.report.set_index("doc_id")["detail"]
    assert detail["XWS_49_1994"].endswith(
        "Speakers_by_session.csv has no row for XWS 1994: no speaker"
    )
    assert detail["XGA_50_1995"].endswith(
        "Speakers_by_session.csv has 2 rows for XGA 1995: the first is used (speaker Claire Dubois)"
    )
    assert c.docvars.loc["XGA_50_1995", "speaker"] == "Claire Dubois"
    assert pd.isna(c.docvars.loc["XWS_49_1994", "speaker"])


def test_a_speakers_table_beside_the_folder_is_listed_as_an_input(fixtures, tmp_path):
    shutil.copytree(fixtures / "un_layout", tmp_path / "un")
    (tmp_path / "un" / "Speakers_by_session.csv").rename(tmp_path / "Speakers_by_session.csv")
    c = read_corpus(tmp_path / "un")
    assert c.docvars.loc["XWS_49_1994", "speaker"] == "Jane Miller"
    row = c.report[c.report["status"] == "metadata"]
    assert row["source"].tolist() == [str(tmp_path / "Speakers_by_session.csv")]


def test_a_link_to_a_speakers_table_elsewhere_is_listed_once(fixtures, tmp_path):
    shutil.copytree(fixtures / "un_layout", tmp_path / "un")
    (tmp_path / "archive").mkdir()
    table = tmp_path / "archive" / "Speakers_by_session.csv"
    (tmp_path / "un" / "Speakers_by_session.csv").rename(table)
    (tmp_path / "un" / "Speakers_by_session.csv").symlink_to(table)
    c = read_corpus(tmp_path / "un")
    assert c.docvars.loc["XWS_49_1994", "speaker"] == "Jane Miller"
    row = c.report[c.report["status"] == "metadata"]
    assert row["source"].tolist() == ["Speakers_by_session.csv"]


@pytest.mark.parametrize("rows", ["1,\n1,Real text.\n", "1,Real text.\n1,\n"])
def test_an_empty_row_takes_its_id_too(tmp_path, rows):
    (tmp_path / "t.csv").write_text("id,text\n" + rows, encoding="utf-8")
    with pytest.raises(DuplicateIdError, match="doc_id '1' comes from both t.csv:2 and t.csv:3"):
        read_corpus(tmp_path / "t.csv")


def test_utf16_without_a_byte_order_mark_is_named_with_the_encoding_to_give(tmp_path):
    text = "We hope for peace in our time."
    (tmp_path / "u.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "ok.txt").write_text("Peace must prevail.", encoding="utf-8")
    detail = read_corpus(tmp_path).report.set_index("source").loc["u.txt", "detail"]
    assert detail.startswith("UTF-16 text without a byte-order mark, it seems")
    assert "encoding='utf-16-le'" in detail
    assert read_corpus(tmp_path / "u.txt", encoding="utf-16-le")["u"].text == text
    (tmp_path / "b.bin.txt").write_bytes(bytes(range(256)) * 4)
    binary = read_corpus(tmp_path).report.set_index("source").loc["b.bin.txt", "detail"]
    assert binary.startswith("binary file (NUL bytes)")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_either_way_round_without_a_byte_order_mark_gets_the_hint(tmp_path, encoding):
    # Non-ASCII characters (’, ô, —) have no NUL byte: mostly ASCII is enough.
    text = "The world’s leaders met in Côte d’Ivoire — “peace” was the word… déjà vu."
    (tmp_path / "u.txt").write_bytes(text.encode(encoding))
    (tmp_path / "ok.txt").write_text("Peace must prevail.", encoding="utf-8")
    row = read_corpus(tmp_path).report.set_index("source").loc["u.txt"]
    assert row.tolist() == [
        "",
        "skipped",
        f"UTF-16 text without a byte-order mark, it seems: read it with encoding='{encoding}' "
        f"(read_corpus) or --encoding {encoding} (command line), which apply to every file "
        "read, or save it as UTF-8",
    ]
    assert read_corpus(tmp_path / "u.txt", encoding=encoding)["u"].text == (
        "The world's leaders met in Côte d'Ivoire — “peace” was the word... déjà vu."
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Генеральная Ассамблея Организации Объединенных Наций, 1995 год. Мир и безопасность.",
        "联合国大会第五十届会议，和平与安全。我们必须共同努力，1995年。",
    ],
)
def test_utf16_of_other_scripts_without_a_byte_order_mark_gets_the_hint(tmp_path, encoding, text):
    # Only spaces, digits and ASCII punctuation carry a NUL byte here.
    (tmp_path / "u.txt").write_bytes((text * 4).encode(encoding))
    (tmp_path / "ok.txt").write_text("Peace must prevail.", encoding="utf-8")
    detail = read_corpus(tmp_path).report.set_index("source").loc["u.txt", "detail"]
    assert detail.startswith(
        f"UTF-16 text without a byte-order mark, it seems: read it with encoding='{encoding}'"
    )
    assert read_corpus(tmp_path / "u.txt", encoding=encoding)["u"].text.startswith(text[:20])


def test_inputs_decoded_by_guessing_their_encoding_are_found_in_the_report(tmp_path):
    (tmp_path / "cafe.txt").write_bytes("Café au lait.".encode("mac_roman"))
    (tmp_path / "bom.txt").write_text("Peace must prevail.", encoding="utf-16")
    (tmp_path / "ok.txt").write_text("Café society.", encoding="utf-8")
    c = read_corpus(tmp_path)
    assert c["cafe"].text == "CafŽ au lait."  # garbled, and nothing but the report says so
    guessed = corpus.decoded_by_guessing(c.report)
    assert c.report.loc[guessed, "source"].tolist() == ["cafe.txt"]


def test_ids_are_stripped_so_that_1_and_space_1_are_duplicates(tmp_path):
    path = tmp_path / "spaceid.csv"
    path.write_text("id,country,text\n1,USA,hello\n 1,RUS,space id\n", encoding="utf-8")
    with pytest.raises(DuplicateIdError) as error:
        read_corpus(path)
    assert str(error.value) == (
        "doc_id '1' comes from both spaceid.csv:2 and spaceid.csv:3; ids must be unique "
        "(spaceid.csv:3 writes it ' 1', and spaces around an id are removed; use "
        "id_column= or fix one row)"
    )


def test_an_id_with_spaces_around_it_is_stripped_and_reported_as_a_repair(tmp_path):
    path = tmp_path / "ids.tsv"
    path.write_text("id\ttext\n a1 \tWe must act.\nb2\tIt may rain.\n", encoding="utf-8")
    c = read_corpus(path)
    assert c.doc_ids == ["a1", "b2"]
    assert [tuple(r) for r in c.report.itertuples(index=False)] == [
        ("ids.tsv:2", "a1", "repaired", "id ' a1 ' has spaces around it: read as 'a1'"),
        ("ids.tsv:3", "b2", "loaded", ""),
    ]
    with pytest.raises(StrictModeError, match=r"ids.tsv:2: repaired \(id ' a1 ' has spaces"):
        read_corpus(path, strict=True)


def test_text_and_id_columns_are_found_in_any_case(tmp_path):
    path = tmp_path / "caps.csv"
    path.write_text("ID,Year,Speech\nu1,1991,We must act.\nu2,1992,It may rain.\n", "utf-8")
    c = read_corpus(path)
    assert c.doc_ids == ["u1", "u2"]
    assert c["u2"].text == "It may rain."
    assert c.docvars["Year"].tolist() == [1991, 1992]
    assert list(c.docvars.columns) == ["Year"]
    # Written exactly as a candidate wins; two spellings of one in other cases are refused.
    path.write_text("Text,text\nNot this.,This one.\n", encoding="utf-8")
    assert read_corpus(path)["caps:1"].text == "This one."
    path.write_text("Text,TEXT\nOne.,Two.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        read_corpus(path)
    assert str(error.value) == (
        f"{path}: columns 'Text' and 'TEXT' could both be the 'text' column; pass "
        "text_column=... to choose"
    )


def test_a_text_column_given_in_another_case_gets_a_hint(tmp_path):
    path = tmp_path / "caps.csv"
    path.write_text("id,Speech\nu1,We must act.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        read_corpus(path, text_column="speech")
    assert str(error.value) == (
        f"{path}: text_column='speech' is not a column (did you mean 'Speech'?); columns "
        "are: id, Speech"
    )


SEMICOLON_HINT = (
    " The header 'id;country;text' holds ';': is the file separated by semicolons? It was "
    "read as separated by commas: pass delimiter=';' (on the command line --delimiter ';')."
)
SEMICOLON_NOTE = "separated by semicolons, as its header line is (delimiter=';')"


def test_a_semicolon_separated_csv_is_read_with_semicolons_and_says_so(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text(
        'id;country;text\n1;FRA;Nous devons agir, maintenant.\n2;DEU;"Wir; sagen es."\n',
        encoding="utf-8",
    )
    c = read_corpus(path)
    assert c.doc_ids == ["1", "2"]
    assert c.texts() == ["Nous devons agir, maintenant.", "Wir; sagen es."]
    assert c.docvars["country"].tolist() == ["FRA", "DEU"]
    assert [tuple(r) for r in c.report.itertuples(index=False)] == [
        ("semi.csv:2", "1", "loaded", SEMICOLON_NOTE),
        ("semi.csv:3", "2", "loaded", SEMICOLON_NOTE),
    ]
    assert read_corpus(path, strict=True).doc_ids == ["1", "2"]  # found, not repaired
    path.write_text('id;text\n1;"Peace," he said.\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"semi.csv, line 2: malformed row"):
        read_corpus(path)  # a CSV's quotes are quotes, whatever its separator


def test_pipes_and_tabs_in_a_csv_header_are_found_too(tmp_path):
    path = tmp_path / "pipes.csv"
    path.write_text("id|text\na|We act, now; today.\n", encoding="utf-8")
    c = read_corpus(path)
    assert c["a"].text == "We act, now; today."
    assert c.report["detail"].tolist() == [
        "separated by vertical bars, as its header line is (delimiter='|')"
    ]
    path = tmp_path / "tabs.csv"
    path.write_text("id\ttext\na\tWe act, now.\n", encoding="utf-8")
    assert read_corpus(path)["a"].text == "We act, now."
    # A comma CSV is read as before, without a note, its quoted names holding ';' or not.
    path = tmp_path / "commas.csv"
    path.write_text('id,"notes; more",text\na,x,We act; now.\n', encoding="utf-8")
    c = read_corpus(path)
    assert c.docvars["notes; more"].tolist() == ["x"]
    assert c.report["detail"].tolist() == [""]


def test_a_header_two_separators_split_is_an_error_naming_both(tmp_path):
    path = tmp_path / "both.csv"
    path.write_text("id;name, first;text\n1;Ann;We act.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        read_corpus(path)
    assert str(error.value) == (
        f"{path}, line 1: the header 'id;name, first;text' could be separated by commas "
        "(2 columns, delimiter=',') or semicolons (3 columns, delimiter=';'); pass the right "
        "one as delimiter= (--delimiter on the command line)"
    )
    c = read_corpus(path, delimiter=";")
    assert c.docvars["name, first"].tolist() == ["Ann"]
    assert c.report["detail"].tolist() == [""]  # given, not found: nothing to say


def test_the_delimiter_given_is_used_and_checked(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("id;country;text\n1;USA;We must act.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        read_corpus(path, delimiter=",")
    assert str(error.value) == (
        f"{path}: no text column found (looked for text, content, body, speech, statement, "
        "in any case); columns are: id;country;text. Pass text_column=..." + SEMICOLON_HINT
    )
    # A comma in a text splits its row first: that error says it too.
    path.write_text("id;country;text\n1;USA;We must act, now.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        read_corpus(path, delimiter=",")
    assert str(error.value) == (
        f"{path}, line 2: 2 fields where the header has 1 (id;country;text); quote fields "
        "that contain commas" + SEMICOLON_HINT
    )
    tsv = tmp_path / "semi.tsv"  # given, it wins over the extension
    tsv.write_text("id;text\n1;We act.\n", encoding="utf-8")
    assert read_corpus(tsv, delimiter=";")["1"].text == "We act."
    for bad in (";;", "", '"', "\n", 1):
        with pytest.raises(CorpusError, match=r"delimiter=.* is not valid; give one character"):
            read_corpus(path, delimiter=bad)


def test_a_comma_separated_tsv_is_named_as_such(tmp_path):
    path = tmp_path / "commas.tsv"
    path.write_text("id,text\n1,We must act.\n", encoding="utf-8")
    with pytest.raises(
        CorpusError,
        match=r"holds ',': is the file separated by commas\? It was read as separated by "
        r"tabs: pass delimiter=',' \(on the command line --delimiter ','\)\.$",
    ):
        read_corpus(path)


def test_jsonl_ids_come_from_the_id_key_every_record_has(tmp_path):
    path = tmp_path / "j.jsonl"
    path.write_text(
        '{"id": "j1", "country": "USA", "text": "We must act."}\n'
        '{"id": "j2", "country": "RUS", "text": "It may rain."}\n'
        '{"id": "j3", "country": "FRA", "text": "Another.", "doc_id": "x"}\n'
        '{"id": "j4", "country": "FRA", "text": "Last one."}\n',
        encoding="utf-8",
    )
    c = read_corpus(path)
    assert c.doc_ids == ["j1", "j2", "j3", "j4"]
    assert list(c.docvars.columns) == ["country"]
    assert [tuple(r) for r in c.report.itertuples(index=False)][2] == (
        "j.jsonl:3",
        "j3",
        "repaired",
        "column 'doc_id' has a value in 1 of 4 rows: ids come from 'id', which every row "
        "has; this row's 'doc_id' value 'x' is not kept",
    )
    assert c.report["status"].tolist() == ["loaded", "loaded", "repaired", "loaded"]


def test_a_doc_id_column_every_row_fills_still_wins_over_id(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("doc_id,id,text\na,1,We must act.\nb,,It may rain.\n", encoding="utf-8")
    c = read_corpus(path)
    assert c.doc_ids == ["a", "b"]
    assert c.docvars["id"].tolist()[0] == 1
    # Neither filled on every row: doc_id, and a row without one gets an id made for it.
    path.write_text("doc_id,id,text\na,1,We must act.\n,,It may rain.\n", encoding="utf-8")
    assert read_corpus(path).doc_ids == ["a", "t:2"]
