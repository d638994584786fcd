import json

import pytest

from analysis.cli import main


def test_stats_on_seed_by_default(capsys):
    assert main(["stats", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0]
        == "group,documents,sentences,tokens,words,types,mean_sentence_length,flesch_reading_ease"
    )
    assert out[1].startswith("all,1,13,364,316,193,")


def test_stats_by_group_json(fixtures, capsys):
    assert main(["stats", str(fixtures / "un_layout"), "--by", "year", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["group"] for r in rows] == ["all", "1994", "1995"]


def test_stats_markdown(capsys):
    assert main(["stats", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("| group | documents |")


def test_validate_prints_every_input(fixtures, capsys):
    assert main(["validate", str(fixtures / "bad_input"), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 + 8
    assert any(line.startswith('binary.txt,,skipped,"binary file') for line in lines)


def test_exit_codes(fixtures, capsys, tmp_path):
    assert main(["stats", str(tmp_path / "missing")]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["stats", "--by", "nation"]) == 2
    assert "--by='nation' is not a docvar" in capsys.readouterr().err
    assert main(["stats", "--by", "genres"]) == 2
    assert "--by='genres' is not a docvar of this corpus; did you mean 'genre'?" in (
        capsys.readouterr().err
    )
    assert main(["validate", str(fixtures / "bad_input"), "--strict"]) == 1
    assert "strict mode" in capsys.readouterr().err
    assert main([]) == 2


def test_output_file(tmp_path, capsys):
    target = tmp_path / "stats.csv"
    assert main(["stats", "--format", "csv", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("group,documents")
    record = json.loads((tmp_path / "stats.csv.provenance.json").read_text(encoding="utf-8"))
    assert record["function"] == "analysis.stat_summary"
    assert record["output"]["format"] == "csv"
    assert len(record["corpus"]["fingerprint"]) == 64


def test_workers_and_cache_give_the_same_stats(fixtures, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path / "cache"))
    path = str(fixtures / "un_layout")
    assert main(["stats", path, "--format", "csv", "--workers", "1"]) == 0
    plain = capsys.readouterr().out
    for _ in range(2):  # first run writes the cache, second reads it
        assert main(["stats", path, "--format", "csv", "--cache", "--workers", "2"]) == 0
        assert capsys.readouterr().out == plain
    assert any((tmp_path / "cache").iterdir())
    # --stream implies --cache and reads the same entry, documents left on disk
    for _ in range(2):
        assert main(["stats", path, "--format", "csv", "--stream", "--workers", "2"]) == 0
        assert capsys.readouterr().out == plain
    assert len([p for p in (tmp_path / "cache").iterdir() if p.is_dir()]) == 1


def test_bad_workers_is_a_usage_error(capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "--workers", "0"])
    assert exit_info.value.code == 2
    assert "--workers='0': give a positive whole number" in capsys.readouterr().err


def test_skipped_inputs_are_counted_on_stderr_and_nothing_read_is_an_error(
    fixtures, capsys, tmp_path
):
    assert main(["stats", str(fixtures / "bad_input")]) == 0
    err = capsys.readouterr().err
    assert "note: 4 of 8 inputs skipped (first: binary.txt: binary file" in err
    assert "communique validate" in err
    # --quiet hides bars and notes, not that the result covers less than was given
    assert main(["stats", str(fixtures / "bad_input"), "--quiet"]) == 0
    assert "note: 4 of 8 inputs skipped (first: binary.txt: binary file" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["stats", str(tmp_path / "empty")]) == 1
    assert "no document could be read" in capsys.readouterr().err
    assert main(["stats", str(fixtures / "bad_input" / "empty.txt")]) == 1
    assert "empty.txt: skipped" in capsys.readouterr().err


def test_validate_lists_every_input_even_when_none_can_be_read(capsys, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(b"\x00\x01binary")
    assert main(["validate", str(tmp_path), "--format", "csv"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1:] == [
        'a.txt,,skipped,"binary file (NUL bytes), not text"',
        'b.txt,,skipped,"binary file (NUL bytes), not text"',
    ]
    assert "no document could be read" in captured.err
    assert "note:" not in captured.err  # validate does not point to itself


def test_errors_name_flags_but_leave_paths_and_values_alone():
    from analysis.cli import as_flags

    assert as_flags("by='nation' is not a docvar") == "--by='nation' is not a docvar"
    assert as_flags("x.csv: no text column. Pass text_column=...") == (
        "x.csv: no text column. Pass --text-column=..."
    )
    assert as_flags("r/case=lower.csv, line 2: bad row") == "r/case=lower.csv, line 2: bad row"
    assert as_flags("by='stand by=me' is not a docvar") == "--by='stand by=me' is not a docvar"
    assert as_flags("pass --by=x") == "pass --by=x"
    # A function call is neither a flag nor half of one.
    assert as_flags("its frequency: stat_frequency(c, ngram=2)") == (
        "its frequency: stat_frequency(c, ngram=2)"
    )


def test_commands_show_progress_bars_on_a_terminal_unless_quiet(monkeypatch, tmp_path):
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for quiet, expected in (([], True), (["--quiet"], False)):
        terminal = Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        out = str(tmp_path / "h.csv")
        assert main(["hedging", "--workers", "1", "--output", out, *quiet]) == 0
        assert ("documents" in terminal.getvalue()) is expected


def test_output_xlsx_is_an_excel_workbook(tmp_path, capsys):
    import zipfile

    import pandas as pd

    target = tmp_path / "out" / "s.xlsx"
    assert main(["stats", "--output", str(target)]) == 0
    assert zipfile.is_zipfile(target)
    back = pd.read_excel(target, engine="openpyxl")
    assert back.columns[0] == "group" and back["words"].tolist() == [316]
    record = json.loads((target.parent / "s.xlsx.provenance.json").read_text(encoding="utf-8"))
    assert record["function"] == "analysis.stat_summary"
    assert record["output"]["format"] == "xlsx"


def test_output_with_an_unknown_extension_is_a_usage_error(tmp_path, capsys):
    import pytest

    target = tmp_path / "s.xslx"
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "--output", str(target)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "'.xslx'" in err
    for ext in (".csv", ".tsv", ".json", ".parquet", ".xlsx", ".txt", ".md"):
        assert ext in err
    assert not target.exists()
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "--output", str(tmp_path / "noextension")])
    assert exit_info.value.code == 2
    assert "no extension" in capsys.readouterr().err


def test_output_text_files_get_the_text_formats(tmp_path, capsys):
    assert main(["stats", "--output", str(tmp_path / "new" / "s.txt")]) == 0
    assert (tmp_path / "new" / "s.txt").read_text(encoding="utf-8").lstrip().startswith("group")
    assert main(["stats", "--output", str(tmp_path / "s.md")]) == 0
    assert (tmp_path / "s.md").read_text(encoding="utf-8").startswith("| group | documents |")
    record = json.loads((tmp_path / "s.md.provenance.json").read_text(encoding="utf-8"))
    assert record["output"]["format"] == "markdown"


def test_a_binary_file_cannot_take_a_text_format(tmp_path, capsys):
    for ext in ("xlsx", "parquet"):
        assert main(["stats", "--format", "csv", "--output", str(tmp_path / f"s.{ext}")]) == 2
        assert f"--format csv cannot be written to a .{ext} file" in capsys.readouterr().err
        assert not (tmp_path / f"s.{ext}").exists()


def test_aliases_option_unifies_speakers(tmp_path, capsys):
    table = tmp_path / "news.csv"
    table.write_text(
        'id,text\na,"\u201cWe may resign,\u201d Holm said."\nb,"\u201cWe may stay,\u201d Lars Holm said."\n',
        encoding="utf-8",
    )
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("variant\tcanonical\nHolm\tLars Holm\n", encoding="utf-8")
    args = ["hedging", str(table), "--matches", "--format", "csv", "--quiet"]
    assert main([*args, "--aliases", str(aliases)]) == 0
    rows = capsys.readouterr().out.splitlines()
    speaker = rows[0].split(",").index("speaker")
    assert [row.split(",")[speaker] for row in rows[1:]] == ["Lars Holm", "Lars Holm"]
    assert main([*args, "--aliases", str(tmp_path / "none.tsv")]) == 1
    assert "cannot read alias table" in capsys.readouterr().err
    assert main([*args, "--no-aliases"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert [row.split(",")[speaker] for row in rows[1:]] == ["Holm", "Lars Holm"]


def test_a_format_that_contradicts_the_data_file_extension_is_refused(tmp_path, capsys):
    assert main(["stats", "--format", "csv", "--output", str(tmp_path / "s.json")]) == 2
    err = capsys.readouterr().err
    assert "--format csv does not match the .json file" in err and "name a .csv file" in err
    assert not (tmp_path / "s.json").exists()
    assert main(["stats", "--format", "markdown", "--output", str(tmp_path / "s.tsv")]) == 2
    assert "name a .md file" in capsys.readouterr().err
    assert main(["stats", "--format", "table", "--output", str(tmp_path / "s.csv")]) == 2
    assert "name a .txt file" in capsys.readouterr().err
    assert main(["stats", "--format", "json", "--output", str(tmp_path / "s.json")]) == 0
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))


def test_json_on_screen_equals_the_json_file(fixtures, capsys, tmp_path):
    args = ["modality", str(fixtures / "un_layout"), "--by", "year"]
    assert main([*args, "--format", "json"]) == 0
    printed = capsys.readouterr().out
    assert main([*args, "-o", str(tmp_path / "m.json")]) == 0
    assert printed == (tmp_path / "m.json").read_text(encoding="utf-8")
    assert any(len(str(r["rate"])) > 12 for r in json.loads(printed) if r["rate"])  # unrounded


def test_an_unknown_option_gets_the_commands_usage_and_a_suggestion(capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "--bi", "year"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: communique stats ")
    assert err.rstrip().endswith(
        "communique stats: error: unrecognized arguments: --bi (did you mean --by?)"
    )


NEWS = (
    "id,date,text\n"
    "C05,2024-05-20,The treaty could be signed.\n"
    "C06,2024-13-07,The talks stalled.\n"
    "C07,Sept 31 2024,The spokesman declined to comment.\n"
)


def test_validate_reports_bad_dates_as_problems_and_exits_1(capsys, tmp_path):
    table = tmp_path / "news.csv"
    table.write_text(NEWS, encoding="utf-8")
    assert main(["validate", str(table), "--format", "csv"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "source,doc_id,status,detail",
        "news.csv:2,C05,loaded,",
        "news.csv:3,C06,error,date '2024-13-07' is no date (month 13 does not exist; "
        "2024-07-13 if 13 is the day)",
        "news.csv:4,C07,error,date 'Sept 31 2024' is no date (September has 30 days)",
    ]
    assert captured.err.startswith(
        "communique validate: error: docvar 'date' has 2 values that are no dates:\n"
        "  news.csv:3 (document 'C06') has '2024-13-07'"
    )
    assert "or pass --bad-dates='missing' to load every document" in captured.err


def test_bad_dates_missing_loads_every_row_and_commands_count_them(capsys, tmp_path):
    table = tmp_path / "news.csv"
    table.write_text(NEWS, encoding="utf-8")
    assert main(["validate", str(table), "--format", "csv", "--bad-dates", "missing"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[3] == (
        "news.csv:4,C07,repaired,date 'Sept 31 2024' is no date (September has 30 days): "
        "left missing"
    )
    assert captured.err == ""  # validate lists them in its table
    assert main(["stats", str(table), "--format", "csv", "--bad-dates", "missing"]) == 0
    assert capsys.readouterr().err == (
        "note: 2 of 3 documents have their date left missing, as the value given is no date "
        "(first: news.csv:3: date '2024-13-07' is no date (month 13 does not exist; 2024-07-13 "
        f"if 13 is the day): left missing); `communique validate {table}` lists them\n"
    )
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(table), "--bad-dates", "skip"])
    assert exit_info.value.code == 2
    assert "argument --bad-dates: invalid choice: 'skip'" in capsys.readouterr().err
