"""Sidecar metadata: every row joins a file or is reported, every file without a row is noted."""

import datetime
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import (
    BadDatesError,
    CorpusError,
    NoDocumentError,
    StrictModeError,
    dates_left_missing,
    from_texts,
    read_corpus,
)
from corpus.metadata import SidecarRow, join_sidecar, sidecar_rows, type_docvars, why_no_date


def write_folder(folder, files, sidecar, name="metadata.csv"):
    folder.mkdir(exist_ok=True)
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    (folder / name).write_text(sidecar, encoding="utf-8")
    return folder


def report_of(c):
    return [tuple(row) for row in c.report.itertuples(index=False)]


def test_clean_sidecar_reports_nothing_new(tmp_path):
    folder = write_folder(
        tmp_path / "f", {"a.txt": "Peace.", "b.txt": "War."}, "file,year\na.txt,1990\nb.txt,1991\n"
    )
    c = read_corpus(folder)
    assert report_of(c) == [
        ("a.txt", "a", "loaded", ""),
        ("b.txt", "b", "loaded", ""),
        ("metadata.csv", "", "metadata", "read for docvars"),
    ]
    assert c.docvars["year"].tolist() == [1990, 1991]


def test_row_naming_a_missing_file_is_reported_and_strict_fails(tmp_path):
    folder = write_folder(
        tmp_path / "f",
        {"a.txt": "Peace."},
        "file,year\na.txt,1990\nmissing.txt,1992\n",
    )
    c = read_corpus(folder)
    assert report_of(c)[-1] == (
        "metadata.csv:3",
        "",
        "skipped",
        "metadata row for 'missing.txt': no such file in the folder",
    )
    assert c.doc_ids == ["a"]
    with pytest.raises(StrictModeError, match=r"metadata.csv:3: skipped \(metadata row for"):
        read_corpus(folder, strict=True)


def test_row_naming_a_missing_file_suggests_a_file_spelled_alike_that_has_no_row(tmp_path):
    folder = write_folder(
        tmp_path / "f",
        {"a.txt": "Peace.", "c.txt": "Hope.", "sub/speech_12.txt": "War."},
        "file,year\na.txt,1990\ncc.txt,1991\nspeech_21.txt,1992\nb.txt,1993\nzzz.txt,1994\n",
    )
    c = read_corpus(folder)
    unmatched = [r for r in report_of(c) if r[0].startswith("metadata.csv:")]
    assert unmatched == [
        (
            "metadata.csv:3",
            "",
            "skipped",
            "metadata row for 'cc.txt': no such file in the folder; did you mean c.txt?",
        ),
        (
            "metadata.csv:4",
            "",
            "skipped",
            "metadata row for 'speech_21.txt': no such file in the folder; did you mean "
            "sub/speech_12.txt?",
        ),
        # b.txt is one letter of five from a.txt (which has its row) and from c.txt:
        # too far to guess; nothing is like zzz.txt
        ("metadata.csv:5", "", "skipped", "metadata row for 'b.txt': no such file in the folder"),
        ("metadata.csv:6", "", "skipped", "metadata row for 'zzz.txt': no such file in the folder"),
    ]


def test_file_without_a_row_is_noted_on_its_report_row(tmp_path):
    folder = write_folder(
        tmp_path / "f", {"a.txt": "Peace.", "c.txt": "Hope."}, "file,year\na.txt,1990\n"
    )
    c = read_corpus(folder)
    assert report_of(c)[1] == ("c.txt", "c", "loaded", "metadata.csv has no row for this file")
    assert pd.isna(c.docvars.loc["c", "year"])
    # A note, not a repair: the document itself was read as it is.
    assert len(read_corpus(folder, strict=True)) == 2


def test_missing_row_note_comes_before_the_normalization_detail(tmp_path):
    folder = write_folder(
        tmp_path / "f", {"a.txt": "Peace.", "c.txt": 'He said "no".'}, "file\na.txt\n"
    )
    detail = read_corpus(folder).report.set_index("source").loc["c.txt", "detail"]
    assert detail.startswith("metadata.csv has no row for this file; normalized: ")


def test_case_only_difference_is_matched_as_a_repair(tmp_path):
    folder = write_folder(
        tmp_path / "f", {"a.txt": "Peace.", "b.txt": "War."}, "file,year\nA.TXT,1990\nb.txt,1991\n"
    )
    c = read_corpus(folder)
    assert report_of(c)[0] == (
        "a.txt",
        "a",
        "repaired",
        "docvars from metadata.csv line 2, which names 'A.TXT' (the case differs)",
    )
    assert c.docvars["year"].tolist() == [1990, 1991]
    with pytest.raises(
        StrictModeError, match=r"a.txt: repaired \(docvars from metadata.csv line 2"
    ):
        read_corpus(folder, strict=True)


def test_case_match_in_a_subfolder_and_by_base_name(tmp_path):
    folder = write_folder(
        tmp_path / "f",
        {"sub/a.txt": "Peace.", "b.txt": "War."},
        "file,year\nSub/A.txt,1990\nB.txt,1991\n",
    )
    c = read_corpus(folder)
    assert c.docvars["year"].tolist() == [1991, 1990]  # b.txt sorts before sub/
    assert set(c.report["status"]) == {"repaired", "metadata"}


def test_ambiguous_case_match_is_not_guessed(tmp_path):
    folder = write_folder(
        tmp_path / "f", {"x/a.txt": "Peace.", "y/a.txt": "War."}, "file,year\nA.TXT,1990\n"
    )
    c = read_corpus(folder)
    assert report_of(c)[-1] == (
        "metadata.csv:2",
        "",
        "skipped",
        "metadata row for 'A.TXT': no such file in the folder; did you mean x/a.txt or y/a.txt?",
    )
    assert "year" not in c.docvars.columns


def test_case_variant_of_a_matched_row_points_to_that_row(tmp_path):
    folder = write_folder(
        tmp_path / "f", {"a.txt": "Peace."}, "file,year\na.txt,1990\nA.TXT,1991\n"
    )
    c = read_corpus(folder)
    assert report_of(c)[-1] == (
        "metadata.csv:3",
        "",
        "skipped",
        "metadata row for 'A.TXT': no such file in the folder; did you mean a.txt? "
        "(a.txt has metadata.csv:2)",
    )
    assert c.docvars["year"].tolist() == [1990]


def test_duplicate_rows_are_an_error_naming_both_lines(tmp_path):
    folder = write_folder(
        tmp_path / "f", {"a.txt": "Peace."}, "file,year\na.txt,1990\n\nb.txt,1\na.txt,1991\n"
    )
    with pytest.raises(CorpusError) as error:
        read_corpus(folder)
    assert str(error.value) == (
        "metadata.csv, lines 2 and 5 both name 'a.txt'; give each file one row "
        "(merge the two rows, or delete the wrong one)"
    )


def test_duplicate_rows_across_two_sidecars(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": "Peace."}, "file,year\na.txt,1990\n")
    (folder / "docvars.csv").write_text("file,country\na.txt,FRA\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"^metadata.csv:2 and docvars.csv:2 both name 'a.txt'"):
        read_corpus(folder)


def test_explicit_sidecar_outside_the_folder_is_in_the_report(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": "Peace."}, "", name="ignored.md")
    (folder / "ignored.md").unlink()
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("file,year\na.txt,1990\nz.txt,1999\n", encoding="utf-8")
    c = read_corpus(folder, metadata=sidecar)
    assert report_of(c) == [
        ("a.txt", "a", "loaded", ""),
        (str(sidecar), "", "metadata", "read for docvars"),
        (f"{sidecar}:3", "", "skipped", "metadata row for 'z.txt': no such file in the folder"),
    ]


def test_a_tsv_sidecar_value_that_begins_with_a_quote_mark_is_read_as_written(tmp_path):
    folder = write_folder(
        tmp_path / "f", {"a.txt": "Peace."}, 'file\ttitle\na.txt\t"Now," he said\n', "m.tsv"
    )
    c = read_corpus(folder, metadata=folder / "m.tsv")
    assert c.docvars.loc["a", "title"] == '"Now," he said'
    assert report_of(c)[1] == (
        "m.tsv",
        "",
        "metadata",
        "read for docvars; line 2: column 'title' begins with a quote mark but is no quoted "
        "field: read as written",
    )


def test_sidecar_row_without_a_file_name(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": "Peace."}, "file,year\na.txt,1990\n,1991\n,\n")
    with pytest.raises(CorpusError, match=r"^metadata.csv, line 3: no file name in column 'file'"):
        read_corpus(folder)
    # A row with no value at all (a spreadsheet's trailing ",") holds nothing: passed over.
    (folder / "metadata.csv").write_text("file,year\na.txt,1990\n,\n", encoding="utf-8")
    assert len(read_corpus(folder).report) == 2


def test_short_sidecar_row_is_an_error_naming_the_line(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": "Peace."}, "file,year,country\na.txt,1990\n")
    with pytest.raises(CorpusError, match=r"metadata.csv, line 2: 2 fields where the header has 3"):
        read_corpus(folder)


def test_metadata_for_a_single_text_file(tmp_path):
    (tmp_path / "a.txt").write_text("Peace.", encoding="utf-8")
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("file,year\na.txt,1990\nb.txt,1991\n", encoding="utf-8")
    c = read_corpus(tmp_path / "a.txt", metadata=sidecar)
    assert c.docvars["year"].tolist() == [1990]
    assert report_of(c) == [("a.txt", "a", "loaded", "")]
    sidecar.write_text("file,year\nb.txt,1991\n", encoding="utf-8")
    c = read_corpus(tmp_path / "a.txt", metadata=sidecar)
    assert report_of(c) == [("a.txt", "a", "loaded", "meta.csv has no row for this file")]


def test_metadata_for_a_table_is_an_error(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("doc_id,text\nx,Peace.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"^metadata='m.csv' joins docvars to the files of a"):
        read_corpus(table, metadata="m.csv")


def test_join_sidecar_directly():
    rows = [
        SidecarRow("m.csv", 2, "a.txt", {"year": "1990"}),
        SidecarRow("m.csv", 3, "B.txt", {"year": "1991"}),
        SidecarRow("m.csv", 4, " c.txt", {"year": "1992"}),
    ]
    join = join_sidecar(rows, ["a.txt", "b.txt", "c.txt", "d.txt"])
    assert {f: r.line for f, r in join.rows.items()} == {"a.txt": 2, "b.txt": 3}
    assert join.repairs == {
        "b.txt": "docvars from m.csv line 3, which names 'B.txt' (the case differs)"
    }
    # Stray spaces are a hint, not a match.
    assert [(r.line, why) for r, why in join.unmatched] == [
        (4, "metadata row for ' c.txt': no such file in the folder; did you mean c.txt?")
    ]


def test_a_sidecar_name_without_the_extension_gets_a_hint():
    rows = [SidecarRow("m.csv", 2, "a", {"year": "1990"}), SidecarRow("m.csv", 3, "B", {})]
    join = join_sidecar(rows, ["a.txt", "b.md", "c.txt"])
    assert join.rows == {}  # a hint, not a match: "a" could name a.txt or a.md
    assert [why for _, why in join.unmatched] == [
        "metadata row for 'a': no such file in the folder; did you mean a.txt?",
        "metadata row for 'B': no such file in the folder; did you mean b.md?",
    ]


def test_sidecar_rows_keep_lines_and_drop_empty_values():
    table = pd.DataFrame({"filename": ["a.txt", "b.txt"], "year": ["1990", None]}, dtype=object)
    table.attrs["line_numbers"] = [2, 4]
    assert sidecar_rows(table, "m.csv") == [
        SidecarRow("m.csv", 2, "a.txt", {"year": "1990"}),
        SidecarRow("m.csv", 4, "b.txt", {}),
    ]
    with pytest.raises(CorpusError, match=r"m.csv: a sidecar needs a 'file' column"):
        sidecar_rows(pd.DataFrame({"name": ["a.txt"]}), "m.csv")


def _dates(values):
    from corpus.metadata import coerce_docvar_types

    table = pd.DataFrame({"date": values}, index=[f"d{i}" for i in range(len(values))])
    return coerce_docvar_types(table)["date"].dt.strftime("%Y-%m-%d").tolist()


def test_a_date_column_is_read_one_way():
    assert _dates(["01/03/2024", "13/03/2024"]) == ["2024-03-01", "2024-03-13"]  # day first
    assert _dates(["03/01/2024", "03/13/2024"]) == ["2024-03-01", "2024-03-13"]  # month first
    assert _dates(["March 3, 2024", "2024-03-05"]) == ["2024-03-03", "2024-03-05"]
    assert _dates(["13-03-2024", "01-03-2024 10:00"]) == ["2024-03-13", "2024-03-01"]  # dashes
    assert _dates(["2024-03-01T23:00:00-02:00", "2024-03-02"]) == ["2024-03-02", "2024-03-02"]
    assert _dates(["1648-10-24", "2500-01-01"]) == ["1648-10-24", "2500-01-01"]  # history
    assert _dates(["99-01-02"]) == ["1999-01-02"]  # a year first


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            ["01/03/2024", "02/03/2024"],
            "'01/03/2024', which could be read day-first or month-first",
        ),
        (["13/03/2024", "03/13/2024"], "mixes day-first and month-first dates"),
        (["2024-01-01", "n.d."], "document 'd1' has 'n.d.', which is not a date"),
        (["n.d.", "01/03/2024"], "document 'd1' has '01/03/2024', which could be read"),
        (["March"], "document 'd0' has 'March', which is not a date"),
    ],
)
def test_a_date_that_cannot_be_read_one_way_is_an_error_naming_it(values, message):
    with pytest.raises(CorpusError, match=re.escape(message)):
        _dates(values)


ORDER_HINT = (
    "or give their order with date_order='day-first' or date_order='month-first' (a value "
    "that cannot be read in it is then a bad date)"
)


def _typed(values, **kwargs):
    table = pd.DataFrame({"date": values}, index=[f"d{i}" for i in range(len(values))])
    return type_docvars(table, **kwargs)


def test_a_numeric_date_that_is_no_day_and_month_either_way_is_a_bad_date_not_a_mixed_column():
    # The reviewer's case: 13/13/2024 told "mixed" and blamed d0; it is the slip, named.
    with pytest.raises(BadDatesError) as raised:
        _typed(["05/03/2024", "07/04/2024", "13/13/2024"])
    assert str(raised.value) == (
        "docvar 'date': document 'd0' has '05/03/2024', which could be read day-first or "
        "month-first; write dates as YYYY-MM-DD (ISO 8601) so that every value reads one way\n"
        "The column also has a value that is no date:\n"
        "  document 'd2' has '13/13/2024': month 13 does not exist"
    )
    assert [(b.doc_id, b.reason) for b in raised.value.bad] == [("d2", "month 13 does not exist")]
    # Left missing, the rest could still be either: refused as any such column is.
    with pytest.raises(CorpusError, match=r"'05/03/2024', which could be read day-first") as e:
        _typed(["05/03/2024", "07/04/2024", "13/13/2024"], bad_dates="missing")
    assert not isinstance(e.value, BadDatesError)
    # With a value that tells the order, the slips are left missing, each with its reason.
    typed = _typed(
        ["05/03/2024", "13/04/2024", "13/13/2024", "00/05/2024", "31/02/2024", "05/45/2024"],
        bad_dates="missing",
    )
    assert typed.docvars["date"].tolist()[:2] == [
        pd.Timestamp(2024, 3, 5),
        pd.Timestamp(2024, 4, 13),
    ]
    assert typed.docvars["date"][2:].isna().all()
    assert [(b.doc_id, b.reason) for b in typed.left_missing] == [
        ("d2", "month 13 does not exist"),
        ("d3", "day 0 does not exist"),
        ("d4", "February 2024 has 29 days"),
        ("d5", "month 45 does not exist"),
    ]
    month_first = _typed(["05/03/2024", "04/13/2024", "13/25/2024"], bad_dates="missing")
    assert month_first.docvars["date"].tolist()[:2] == [
        pd.Timestamp(2024, 5, 3),
        pd.Timestamp(2024, 4, 13),
    ]
    assert [b.reason for b in month_first.left_missing] == ["month 13 does not exist"]
    # Alone among ISO dates, it is a bad date like any other.
    with pytest.raises(BadDatesError, match=r"document 'd0' has '13/13/2024': month 13 does"):
        _typed(["13/13/2024", "2024-01-01"])


def test_date_order_reads_a_column_whose_values_do_not_tell_it():
    either = ["01/03/2024", "02/04/2024"]
    day_first = _typed(either, date_order="day-first").docvars["date"].tolist()
    assert day_first == [pd.Timestamp(2024, 3, 1), pd.Timestamp(2024, 4, 2)]
    month_first = _typed(either, date_order="month-first").docvars["date"].tolist()
    assert month_first == [pd.Timestamp(2024, 1, 3), pd.Timestamp(2024, 2, 4)]
    # ISO dates and month names read as written, whatever the order given
    mixed = _typed(["2024-05-06", "March 3, 2024", "04/05/2024"], date_order="month-first")
    assert mixed.docvars["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-05-06",
        "2024-03-03",
        "2024-04-05",
    ]


def test_a_date_that_contradicts_the_order_given_is_a_bad_date_not_read_the_other_way():
    # pandas reads 13/03/2024 as 13 March even when asked for month first
    values = ["01/03/2024", "13/03/2024", "03/13/2024"]
    with pytest.raises(BadDatesError) as raised:
        _typed(values, date_order="month-first")
    assert [(b.doc_id, b.reason) for b in raised.value.bad] == [
        ("d1", "month 13 does not exist; 2024-03-13 if 13 is the day")
    ]
    typed = _typed(values, date_order="day-first", bad_dates="missing")
    assert typed.docvars["date"].tolist()[:2] == [
        pd.Timestamp(2024, 3, 1),
        pd.Timestamp(2024, 3, 13),
    ]
    assert typed.docvars["date"].isna().tolist() == [False, False, True]
    assert [b.reason for b in typed.left_missing] == [
        "month 13 does not exist; 2024-03-13 if 13 is the day"
    ]
    with pytest.raises(ValueError, match=r"date_order='dd/mm'"):
        _typed(values, date_order="dd/mm")


def test_a_column_that_mixes_orders_names_a_value_of_each():
    message = (
        "docvar 'date' mixes day-first and month-first dates: document 'd1' has '13/03/2024', "
        "which can only be day-first, and document 'd3' has '03/13/2024', which can only be "
        "month-first; write dates as YYYY-MM-DD (ISO 8601) so that every value reads one way"
    )
    values = ["01/03/2024", "13/03/2024", "14/03/2024", "03/13/2024", "13/13/2024"]
    with pytest.raises(CorpusError) as raised:
        _typed(values, bad_dates="missing")
    assert str(raised.value) == message
    with pytest.raises(BadDatesError) as raised:
        _typed(values)
    assert str(raised.value) == (
        message + "\nThe column also has a value that is no date:\n"
        "  document 'd4' has '13/13/2024': month 13 does not exist"
    )


def test_a_slip_in_a_numeric_date_column_is_named_by_its_line(tmp_path):
    table = write_news(
        tmp_path,
        "id,date,text\na,05/03/2024,Peace.\nb,13/13/2024,War.\nc,20/04/2024,Talks.\n",
    )
    with pytest.raises(BadDatesError) as raised:
        read_corpus(table)
    assert str(raised.value) == (
        "docvar 'date' has a value that is no date:\n"
        "  news.csv:3 (document 'b') has '13/13/2024': month 13 does not exist\n"
        "Correct it, or pass bad_dates='missing' to load every document with this date left "
        "missing, each reported as a repair in the load report."
    )
    c = read_corpus(table, bad_dates="missing")
    assert c.docvars["date"].tolist()[::2] == [pd.Timestamp(2024, 3, 5), pd.Timestamp(2024, 4, 20)]
    assert report_of(c)[1] == (
        "news.csv:3",
        "b",
        "repaired",
        "date '13/13/2024' is no date (month 13 does not exist): left missing",
    )
    mixed = write_news(
        tmp_path, "id,date,text\na,05/03/2024,Peace.\nb,13/03/2024,War.\nc,03/14/2024,Talks.\n"
    )
    with pytest.raises(
        CorpusError,
        match=re.escape(
            "mixes day-first and month-first dates: news.csv:3 (document 'b') has '13/03/2024', "
            "which can only be day-first, and news.csv:4 (document 'c') has '03/14/2024', which "
            "can only be month-first"
        ),
    ):
        read_corpus(mixed, bad_dates="missing")


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("{country", "a brace without its pair"),
        ("country}_{year}.txt", "a brace without its pair"),
        ("speech.txt", "it names no field"),
        ("{country}_{country}.txt", "field 'country' appears twice"),
    ],
)
def test_a_malformed_filename_template_is_named_before_any_file_is_read(
    tmp_path, template, problem
):
    (tmp_path / "RUS_50_1995.txt").write_text("Peace.", encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"filename_template='.*' is not valid: {problem}"):
        read_corpus(tmp_path, filename_template=template)


@pytest.mark.parametrize("template", ["{1}_{year}.txt", "{country-code}_{year}.txt", "{}.txt"])
def test_a_field_name_that_is_no_name_is_named(tmp_path, template):
    (tmp_path / "RUS_50_1995.txt").write_text("Peace.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"field name '.*' must be letters, digits or _"):
        read_corpus(tmp_path, filename_template=template)


def test_front_matter_that_is_never_closed_is_read_as_text_with_a_note(tmp_path):
    (tmp_path / "a.md").write_text("---\ncountry: USA\nWe must act now.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\n\nA rule, then prose.\n", encoding="utf-8")
    c = read_corpus(tmp_path)
    report = c.report.set_index("doc_id")["detail"]
    assert report["a"].startswith("starts with a '---' line but no second '---' line closes")
    assert c["a"].text.startswith("---\ncountry: USA")
    assert "country" not in c.docvars.columns
    assert "---" not in report["b"]  # a rule followed by prose is no front matter


def test_a_yaml_error_names_the_line_of_the_file(tmp_path):
    (tmp_path / "a.md").write_text("---\ncountry: USA\nyear: [1990\n---\nText.\n", encoding="utf-8")
    with pytest.raises(
        CorpusError, match=r"a.md: YAML front matter is not valid YAML \(line \d+ of the file"
    ):
        read_corpus(tmp_path)


def test_front_matter_with_windows_line_ends_or_closing_the_file(tmp_path):
    (tmp_path / "a.md").write_bytes(b"---\r\ncountry: FRA\r\n---\r\nWe hope for peace.\r\n")
    (tmp_path / "b.md").write_text("---\ncountry: USA\n---", encoding="utf-8")
    c = read_corpus(tmp_path, strict=False)
    assert c.docvars.loc["a", "country"] == "FRA"
    assert c["a"].text == "We hope for peace."
    assert "b" not in c.doc_ids  # front matter alone: no text, skipped as empty
    report = c.report.set_index("source")
    assert report.loc["b.md", "detail"] == "empty: no text"
    assert not report["detail"].str.contains("no second '---'").any()


def test_front_matter_with_old_mac_line_ends(tmp_path):
    (tmp_path / "a.md").write_bytes(b"---\rcountry: FRA\r---\rWe hope for peace.\r")
    (tmp_path / "b.md").write_bytes(b"---\rcountry: FRA\rWe hope for peace.\r")
    c = read_corpus(tmp_path)
    assert c.docvars.loc["a", "country"] == "FRA"
    assert c["a"].text == "We hope for peace."
    assert c.report.set_index("doc_id").loc["b", "detail"].startswith("starts with a '---'")


def test_front_matter_values_yaml_1_1_would_change_stay_as_written(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ncountry: NO\nanswer: yes\nswitch: off\ncode: 010\nitem: 4.10\ntime: 1:30\n"
        "rank: 3\nshare: 0.25\nflag: true\nwhen: 2024-03-13\n---\nThe Norwegian minister spoke.\n",
        encoding="utf-8",
    )
    values = read_corpus(tmp_path).docvars.loc["a"].to_dict()
    assert {k: values[k] for k in ("country", "answer", "switch", "code", "item", "time")} == {
        "country": "NO",
        "answer": "yes",
        "switch": "off",
        "code": "010",
        "item": "4.10",
        "time": "1:30",
    }
    assert (values["rank"], values["share"], values["flag"]) == (3, 0.25, True)
    assert str(values["when"]) == "2024-03-13"


def test_every_year_that_is_no_whole_number_is_listed_with_its_line(tmp_path):
    rows = ["id,year,text", "a,1990,Peace.", "b,soon,War.", "c,19x5,Trade.", "d,1991.5,Aid."]
    (tmp_path / "news.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        read_corpus(tmp_path / "news.csv")
    assert str(error.value).splitlines() == [
        "docvar 'year' must be an integer; 3 values are not:",
        "  document 'b' has 'soon' (news.csv:3)",
        "  document 'c' has '19x5' (news.csv:4)",
        "  document 'd' has '1991.5' (news.csv:5)",
    ]


@pytest.mark.parametrize("value", ["yes", "true"])
def test_a_year_that_is_a_word_or_a_boolean_is_an_error(tmp_path, value):
    (tmp_path / "a.md").write_text(f"---\nyear: {value}\n---\nText.\n", encoding="utf-8")
    shown = "'yes'" if value == "yes" else "True"
    with pytest.raises(
        CorpusError, match=f"docvar 'year' must be an integer; document 'a' has {shown}"
    ):
        read_corpus(tmp_path)


@pytest.mark.parametrize(
    "where", ["sidecar", "front matter", "table"], ids=["sidecar", "front-matter", "table"]
)
def test_a_docvar_called_doc_id_is_an_error_naming_the_input(tmp_path, where):
    if where == "sidecar":
        write_folder(tmp_path, {"a.txt": "We must act."}, "file,doc_id\na.txt,speech-1\n")
        path, source = tmp_path, "a.txt"
    elif where == "front matter":
        (tmp_path / "a.txt").write_text("---\ndoc_id: x\n---\nWe must act.\n", encoding="utf-8")
        path, source = tmp_path, "a.txt"
    else:
        (tmp_path / "t.csv").write_text("id,doc_id,text\n1,x,We must act.\n", encoding="utf-8")
        path, source = tmp_path / "t.csv", "t.csv:2"
    with pytest.raises(CorpusError, match=re.escape(f"{source}: a docvar (a column,")):
        read_corpus(path, id_column="id" if where == "table" else None)


def test_a_file_name_that_fits_the_template_two_ways_is_noted(tmp_path):
    (tmp_path / "United_States_Obama.txt").write_text("We must act.", encoding="utf-8")
    (tmp_path / "France_Macron.txt").write_text("We may act.", encoding="utf-8")
    c = read_corpus(tmp_path, filename_template="{country}_{speaker}.txt")
    detail = c.report.set_index("doc_id")["detail"]
    assert detail["United_States_Obama"] == (
        "file name fits filename_template in more than one way: "
        "took country='United', speaker='States_Obama'"
    )
    assert detail["France_Macron"] == ""


TEMPLATE = "{country}_{year}_{speaker}.txt"


def test_a_file_name_that_does_not_fit_the_template_is_skipped_not_fatal(tmp_path):
    (tmp_path / "USA_1991_Bush.txt").write_text("We must act.", encoding="utf-8")
    (tmp_path / "notemplate.txt").write_text("No template here.", encoding="utf-8")
    c = read_corpus(tmp_path, filename_template=TEMPLATE)
    assert c.doc_ids == ["USA_1991_Bush"]
    assert c.docvars.loc["USA_1991_Bush"].tolist() == ["USA", 1991, "Bush"]
    assert report_of(c) == [
        ("USA_1991_Bush.txt", "USA_1991_Bush", "loaded", ""),
        (
            "notemplate.txt",
            "",
            "skipped",
            "file name does not fit filename_template='{country}_{year}_{speaker}.txt', "
            "which expects names like <country>_<year>_<speaker>.txt (year in digits): not read",
        ),
    ]
    # Strict mode makes it an error, as it does every other skipped input.
    with pytest.raises(StrictModeError, match=r"notemplate.txt: skipped \(file name does not fit"):
        read_corpus(tmp_path, filename_template=TEMPLATE, strict=True)


def test_a_single_file_the_template_does_not_fit_is_no_document(tmp_path):
    (tmp_path / "notemplate.txt").write_text("No template here.", encoding="utf-8")
    with pytest.raises(NoDocumentError) as error:
        read_corpus(tmp_path / "notemplate.txt", filename_template=TEMPLATE)
    assert error.value.report["detail"].tolist() == [
        "file name does not fit filename_template='{country}_{year}_{speaker}.txt', "
        "which expects names like <country>_<year>_<speaker>.txt (year in digits): not read"
    ]


def test_a_year_in_the_template_takes_the_split_whose_year_is_a_number(tmp_path):
    (tmp_path / "United_States_1991_Bush.txt").write_text("Peace will come.", encoding="utf-8")
    (tmp_path / "Costa_Rica_46_1991.txt").write_text("We may act.", encoding="utf-8")
    c = read_corpus(tmp_path, filename_template=TEMPLATE)
    assert c.docvars.loc["United_States_1991_Bush"].tolist() == ["United_States", 1991, "Bush"]
    # One split fits the types: nothing ambiguous to note.
    assert c.report.set_index("doc_id").loc["United_States_1991_Bush", "detail"] == ""
    # Both typed fields steer the split (session too), and the first field stays short.
    c = read_corpus(
        tmp_path / "Costa_Rica_46_1991.txt", filename_template="{country}_{session}_{year}.txt"
    )
    assert c.docvars.loc["Costa_Rica_46_1991"].tolist() == ["Costa_Rica", 46, 1991]


def test_a_name_that_fits_only_with_a_year_that_is_no_number_is_skipped(tmp_path):
    (tmp_path / "USA_1991a_Bush.txt").write_text("We must act.", encoding="utf-8")
    (tmp_path / "USA_1990_Bush.txt").write_text("We may act.", encoding="utf-8")
    c = read_corpus(tmp_path, filename_template=TEMPLATE)
    assert c.doc_ids == ["USA_1990_Bush"]
    assert c.report.set_index("source").loc["USA_1991a_Bush.txt", "detail"] == (
        "file name does not fit filename_template='{country}_{year}_{speaker}.txt', which "
        "expects names like <country>_<year>_<speaker>.txt (year in digits; here year would "
        "be '1991a'): not read"
    )


def test_a_filename_template_for_a_table_is_an_error_as_metadata_is(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("doc_id,text\nx,Peace.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"^filename_template="):  # before a cache answers
        read_corpus(table, filename_template=TEMPLATE, cache=tmp_path / "cache")
    with pytest.raises(CorpusError) as error:
        read_corpus(table, filename_template=TEMPLATE)
    assert str(error.value) == (
        "filename_template='{country}_{year}_{speaker}.txt' takes docvars from the names of "
        "the text files of a folder; t.csv is a table: give the docvars as columns of the "
        "table instead"
    )


def test_a_semicolon_sidecar_is_read_with_semicolons(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": "Peace."}, "file;year\na.txt;1990\n")
    c = read_corpus(folder)
    assert c.docvars["year"].tolist() == [1990]
    assert report_of(c)[1] == (
        "metadata.csv",
        "",
        "metadata",
        "read for docvars; separated by semicolons, as its header line is (delimiter=';')",
    )
    with pytest.raises(CorpusError) as error:
        read_corpus(folder, delimiter=",")  # given: the sidecar is read so
    assert str(error.value) == (
        "metadata.csv: a sidecar needs a 'file' column naming each document; columns are: "
        "file;year The header 'file;year' holds ';': is the file separated by semicolons? "
        "It was read as separated by commas: pass delimiter=';' (on the command line "
        "--delimiter ';')."
    )
    (folder / "metadata.csv").write_text("file;title, short\na.txt;x\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"metadata.csv, line 1: the header .* could be"):
        read_corpus(folder)


IVOIRE = "Côte d'Ivoire"


def test_text_docvars_from_every_input_are_one_value_whatever_their_apostrophe(tmp_path):
    folder = write_folder(
        tmp_path / "f",
        {
            "a.txt": "---\ncountry: Côte d’Ivoire \ntags: [“peace”, ' war ']\nrank: 3\n"
            "signed: true\nwhen: 2024-03-13\n---\nPeace.\n",
            "b.txt": "---\ncountry: Co\u0302te d'Ivoire\n---\nPeace.\n",  # decomposed ô
            "c.txt": "Peace.",
        },
        "file,country\nc.txt,\u00a0Côte d\u02bcIvoire\n",  # a modifier letter apostrophe
    )
    c = read_corpus(folder)
    assert c.docvars["country"].tolist() == [IVOIRE] * 3
    assert c.docvars.loc["a", "tags"] == ['"peace"', "war"]
    a = c["a"].meta
    assert (a["rank"], a["signed"], str(a["when"])) == (3, True, "2024-03-13")
    named = tmp_path / "named"
    named.mkdir()
    (named / "Côte d‘Ivoire_1990.txt").write_text("Peace.", encoding="utf-8")
    c = read_corpus(named, filename_template="{country}_{year}.txt")
    assert c.docvars["country"].tolist() == [IVOIRE]
    table = tmp_path / "t.jsonl"
    table.write_text(
        '{"id": "a", "text": "Peace.", "country": "C\\u00f4te d\\u2019Ivoire"}\n'
        '{"id": "b", "text": "War.", "country": " Côte d\'Ivoire\\t"}\n',
        encoding="utf-8",
    )
    assert read_corpus(table).docvars["country"].tolist() == [IVOIRE] * 2


# --- Dates that are no dates: every one named where it was given, or left missing -----

NEWS = (
    "id,date,outlet,text\n"
    "C01,2024-03-01,Reuters,The minister said talks would resume.\n"
    "C02,2024-03-02,AP,We must act now.\n"
    "C03,2024-03-05,AFP,The ambassador may return.\n"
    "C04,2024-04-11,Reuters,Officials expect an agreement.\n"
    "C05,2024-05-20,AP,The treaty could be signed.\n"
    "C06,2024-13-07,AFP,The talks stalled.\n"
    "C07,Sept 31 2024,Reuters,The spokesman declined to comment.\n"
)


def write_news(tmp_path, text=NEWS):
    table = tmp_path / "news.csv"
    table.write_text(text, encoding="utf-8")
    return table


def test_every_bad_date_of_a_table_is_one_error_naming_its_line(tmp_path):
    with pytest.raises(BadDatesError) as raised:
        read_corpus(write_news(tmp_path))
    assert str(raised.value) == (
        "docvar 'date' has 2 values that are no dates:\n"
        "  news.csv:7 (document 'C06') has '2024-13-07': month 13 does not exist; "
        "2024-07-13 if 13 is the day\n"
        "  news.csv:8 (document 'C07') has 'Sept 31 2024': September has 30 days\n"
        "Correct them, or pass bad_dates='missing' to load every document with these dates "
        "left missing, each reported as a repair in the load report."
    )
    # The report of every input comes with the error, the two documents marked.
    report = raised.value.report.set_index("doc_id")
    assert report.loc["C06", "status"] == "error"
    assert report.loc["C07", "detail"] == "date 'Sept 31 2024' is no date (September has 30 days)"
    assert (report.drop(["C06", "C07"])["status"] == "loaded").all()


def test_bad_dates_of_a_sidecar_are_named_by_its_lines(tmp_path):
    folder = write_folder(
        tmp_path / "f",
        {"cable_C05.txt": "Peace.", "cable_C06.txt": "War.", "cable_C07.txt": "Talks."},
        "file,date\ncable_C05.txt,2024-03-01\ncable_C06.txt,2024-13-07\ncable_C07.txt,n.d.\n",
    )
    with pytest.raises(BadDatesError) as raised:
        read_corpus(folder)
    lines = str(raised.value).splitlines()
    assert lines[1:3] == [
        "  metadata.csv:3 (document 'cable_C06') has '2024-13-07': month 13 does not exist; "
        "2024-07-13 if 13 is the day",
        "  metadata.csv:4 (document 'cable_C07') has 'n.d.', which is not a date; write dates "
        "as YYYY-MM-DD (ISO 8601)",
    ]


def test_a_bad_date_in_front_matter_names_its_file(tmp_path):
    (tmp_path / "a.md").write_text("---\ndate: 2024-02-30\n---\nPeace.", encoding="utf-8")
    with pytest.raises(BadDatesError, match=re.escape("a.md (document 'a') has '2024-02-30'")):
        read_corpus(tmp_path)


def test_an_error_lists_ten_bad_dates_and_counts_the_rest(tmp_path):
    rows = "".join(f"d{i},2024-02-{30 + i % 2},Text {i}.\n" for i in range(13))
    with pytest.raises(BadDatesError) as raised:
        read_corpus(write_news(tmp_path, "id,date,text\n" + rows))
    lines = str(raised.value).splitlines()
    assert lines[0] == "docvar 'date' has 13 values that are no dates:"
    assert lines[1] == "  news.csv:2 (document 'd0') has '2024-02-30': February 2024 has 29 days"
    assert lines[10] == "  news.csv:11 (document 'd9') has '2024-02-31': February 2024 has 29 days"
    assert lines[11] == "  and 3 more"
    assert len(raised.value.bad) == 13


def test_a_date_column_that_reads_two_ways_names_the_line(tmp_path):
    table = write_news(tmp_path, "id,date,text\na,01/03/2024,Peace.\nb,02/03/2024,War.\n")
    with pytest.raises(CorpusError, match=re.escape("news.csv:2 (document 'a') has '01/03/2024'")):
        read_corpus(table)


@pytest.mark.parametrize(
    ("text", "day_first", "reason"),
    [
        ("2024-13-07", None, "month 13 does not exist; 2024-07-13 if 13 is the day"),
        ("2024-25-13", None, "month 25 does not exist"),
        ("2024-00-10", None, "month 0 does not exist"),
        ("2024-04-00", None, "day 0 does not exist"),
        ("2024-04-31 10:00", None, "April has 30 days"),
        ("2024/03/32", None, "March has 31 days"),
        ("2023-02-29", None, "February 2023 has 28 days"),
        ("2024-02-30", None, "February 2024 has 29 days"),
        ("1900-02-29", None, "February 1900 has 28 days"),
        ("Sept 31 2024", None, "September has 30 days"),
        ("31 September 2024", None, "September has 30 days"),
        ("September 31st, 2024", None, "September has 30 days"),
        ("Nov. 31, 2024", None, "November has 30 days"),
        ("31/04/2024", True, "April has 30 days"),
        ("04/31/2024", False, "April has 30 days"),
        ("30.02.24", True, "February has 28 days, 29 in a leap year"),
        # Nothing to tell: no date, or a date that exists (a time that does not).
        ("n.d.", None, ""),
        ("Ju 31 2024", None, ""),
        ("31/04/2024", None, ""),
        # A numeric date wrong whichever way round it is read is told without an order.
        ("13/13/2024", None, "month 13 does not exist"),
        ("13/25/2024", None, "neither 13 nor 25 is a month"),
        ("00/05/2024", None, "0 is neither a day nor a month"),
        ("05/45/2024", None, "45 is neither a day nor a month"),
        ("13/13/2024", True, "month 13 does not exist"),
        ("00/05/2024", False, "month 0 does not exist"),
        ("2024-03-01 25:00", None, ""),
    ],
)
def test_what_is_wrong_with_a_date_is_said_where_it_can_be_told(text, day_first, reason):
    assert why_no_date(text, day_first) == reason


@settings(max_examples=300, deadline=None)
@given(st.integers(1000, 2999), st.integers(0, 40), st.integers(0, 40), st.sampled_from("-/."))
def test_a_year_first_date_is_refused_with_a_reason_exactly_when_it_does_not_exist(
    year, month, day, separator
):
    text = f"{year}{separator}{month:02d}{separator}{day:02d}"
    try:
        exists = datetime.date(year, month, day) is not None
    except ValueError:
        exists = False
    assert (why_no_date(text) == "") == exists
    table = pd.DataFrame({"date": [text, "2024-03-01"]}, index=["d", "good"])
    typed = type_docvars(table, bad_dates="missing")
    assert [(b.value, b.reason) for b in typed.left_missing] == (
        [] if exists else [(text, why_no_date(text))]
    )
    if exists:
        assert typed.docvars.loc["d", "date"] == pd.Timestamp(year, month, day)


def test_bad_dates_missing_loads_every_document_and_reports_each_date(tmp_path):
    c = read_corpus(write_news(tmp_path), bad_dates="missing")
    assert len(c) == 7
    dates = c.docvars["date"]
    assert dates[["C06", "C07"]].isna().all()
    assert dates["C05"] == pd.Timestamp("2024-05-20")
    assert report_of(c)[5:] == [
        (
            "news.csv:7",
            "C06",
            "repaired",
            "date '2024-13-07' is no date (month 13 does not exist; 2024-07-13 if 13 is the "
            "day): left missing",
        ),
        (
            "news.csv:8",
            "C07",
            "repaired",
            "date 'Sept 31 2024' is no date (September has 30 days): left missing",
        ),
    ]
    assert dates_left_missing(c.report).tolist() == [False] * 5 + [True] * 2


def test_a_date_left_missing_from_a_sidecar_says_its_line(tmp_path):
    folder = write_folder(
        tmp_path / "f",
        {"a.txt": "Peace.", "b.txt": "War."},
        "file,date\na.txt,2024-03-01\nb.txt,Sept 31 2024\n",
    )
    c = read_corpus(folder, bad_dates="missing")
    assert report_of(c)[1] == (
        "b.txt",
        "b",
        "repaired",
        "date 'Sept 31 2024' in metadata.csv:3 is no date (September has 30 days): left missing",
    )


def test_a_date_left_missing_is_said_before_the_normalizer_rules(tmp_path):
    table = write_news(tmp_path, "id,date,text\na,2024-02-30,It\u2019s time.\nb,2024-01-01,Yes.\n")
    c = read_corpus(table, bad_dates="missing")
    assert report_of(c)[0][2:] == (
        "repaired",
        "date '2024-02-30' is no date (February 2024 has 29 days): left missing; "
        "normalized: apostrophes (1)",
    )


def test_bad_dates_missing_does_not_wipe_a_column_that_is_mostly_text(tmp_path):
    table = write_news(
        tmp_path, "id,date,text\na,n.d.,Peace.\nb,spring 1990,War.\nc,1990-05-01,Talks.\n"
    )
    with pytest.raises(BadDatesError) as raised:
        read_corpus(table, bad_dates="missing")
    assert str(raised.value).startswith(
        "docvar 'date': 2 of 3 values are not dates (first: news.csv:2 (document 'a') has "
        "'n.d.', which is not a date; write dates as YYYY-MM-DD (ISO 8601)); "
        "bad_dates='missing' leaves a few bad dates missing, not a column that is mostly text"
    )
    # Slips of dates are no text: a column of them is left missing, however many.
    slips = write_news(tmp_path, "id,date,text\na,2024-02-30,Peace.\nb,n.d.,War.\n")
    assert read_corpus(slips, bad_dates="missing").docvars["date"].isna().all()


def test_only_a_column_named_date_is_read_as_dates_with_either_setting(tmp_path):
    table = write_news(
        tmp_path, "id,published,text\na,2024-13-07,Peace.\nb,2024-03-01,War.\nc,n.d.,Talks.\n"
    )
    for bad_dates in ("error", "missing"):
        c = read_corpus(table, bad_dates=bad_dates)
        assert c.docvars["published"].tolist() == ["2024-13-07", "2024-03-01", "n.d."]
        assert set(c.report["status"]) == {"loaded"}


def test_strict_refuses_a_date_left_missing_as_any_repair(tmp_path):
    with pytest.raises(StrictModeError, match=re.escape("news.csv:8: repaired (date 'Sept 31")):
        read_corpus(write_news(tmp_path), bad_dates="missing", strict=True)


def test_bad_dates_takes_error_or_missing(tmp_path):
    with pytest.raises(ValueError, match=r"bad_dates='skip' is not valid; choose one of: 'error'"):
        read_corpus(write_news(tmp_path), bad_dates="skip")


def test_bad_dates_missing_through_the_cache_reads_the_same_and_keeps_the_error_apart(tmp_path):
    table = write_news(tmp_path)
    plain = read_corpus(table, bad_dates="missing")
    for _ in range(2):  # writes the entry, then reads it
        cached = read_corpus(table, bad_dates="missing", cache=tmp_path / "cache")
        assert cached.report.equals(plain.report)
        assert cached.fingerprint == plain.fingerprint
    with pytest.raises(BadDatesError):  # the default is not answered by that entry
        read_corpus(table, cache=tmp_path / "cache")


def test_read_corpus_takes_the_date_order_and_keys_the_cache_by_it(tmp_path):
    table = write_news(tmp_path, "id,date,text\na,03/04/2024,Peace.\nb,05/06/2024,War.\n")
    with pytest.raises(CorpusError, match=r"could be read day-first or month-first") as refused:
        read_corpus(table)
    assert str(refused.value).endswith(ORDER_HINT)
    # from_texts and with_docvars take no date_order: their refusal does not offer it
    with pytest.raises(CorpusError) as refused:
        from_texts(["a", "b"], docvars={"date": ["03/04/2024", "05/06/2024"]})
    assert "date_order" not in str(refused.value)
    for _ in range(2):  # writes each entry, then reads it
        day = read_corpus(table, date_order="day-first", cache=tmp_path / "cache")
        month = read_corpus(table, date_order="month-first", cache=tmp_path / "cache")
        assert day.docvars["date"].dt.month.tolist() == [4, 6]
        assert month.docvars["date"].dt.month.tolist() == [3, 5]
    assert day.read == {"path": "news.csv", "date_order": "day-first"}
    assert day.fingerprint != month.fingerprint
    with pytest.raises(ValueError, match=r"date_order='ymd' is not valid"):
        read_corpus(table, date_order="ymd")


def test_a_derived_date_is_typed_and_its_error_names_the_document():
    c = from_texts(["Peace.", "War."])
    with pytest.raises(BadDatesError) as raised:
        c.with_docvars(date=["2024-03-01", "2024-02-30"])
    assert str(raised.value) == (
        "docvar 'date' has a value that is no date:\n"
        "  document 'doc2' has '2024-02-30': February 2024 has 29 days\n"
        "Correct it."
    )


def test_front_matter_with_a_day_the_calendar_lacks_is_read_as_text(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ndate: 2024-02-30\npublished: 2024-02-31\n---\nPeace.", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text("---\ndate: 2024-03-01\n---\nWar.", encoding="utf-8")
    c = read_corpus(tmp_path, bad_dates="missing")
    assert c["a"].docvars["published"] == "2024-02-31"  # not named date: text
    assert c.docvars["date"].isna().tolist() == [True, False]
    assert report_of(c)[0] == (
        "a.md",
        "a",
        "repaired",
        "date '2024-02-30' is no date (February 2024 has 29 days): left missing",
    )
