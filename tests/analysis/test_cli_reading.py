"""The command line's reading options and the notes it prints about the inputs read."""

import io

import pandas as pd
import pytest

from analysis.cli import main


def test_encoding_option_reads_utf16_without_a_byte_order_mark(tmp_path, capsys):
    (tmp_path / "u.txt").write_bytes("We hope for peace in our time.".encode("utf-16-be"))
    assert main(["stats", str(tmp_path), "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert "read it with encoding='utf-16-be' (read_corpus) or --encoding utf-16-be" in err
    assert main(["stats", str(tmp_path), "--encoding", "utf-16-be", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1].startswith("all,1,1,")
    assert captured.err == ""


def test_an_unknown_encoding_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Peace.", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(tmp_path), "--encoding", "utf9"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "communique stats: error: argument --encoding: --encoding='utf9' is not an encoding "
        "Python knows; give one such as utf-8, utf-16-le, cp1252 or latin-1"
    )


def test_delimiter_option_reads_a_table_two_separators_could_split(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text("id;name, first;text\n1;Ann;We act.\n2;Bo;We hope.\n", encoding="utf-8")
    assert main(["stats", str(path), "--format", "csv"]) == 1
    assert (
        capsys.readouterr()
        .err.splitlines()[-1]
        .endswith(
            "could be separated by commas (2 columns, delimiter=',') or semicolons (3 columns, "
            "delimiter=';'); pass the right one as delimiter= (--delimiter on the command line)"
        )
    )
    assert main(["stats", str(path), "--delimiter", ";", "--by", "name, first"]) == 0
    assert "Ann" in capsys.readouterr().out
    tabs = tmp_path / "t.tsv"  # 'tab' names the tab a shell makes awkward to type
    tabs.write_text("id\ttext\n1\tWe act.\n", encoding="utf-8")
    for tab in ("tab", "\\t", "\t"):
        assert main(["stats", str(tabs), "--delimiter", tab, "--format", "csv"]) == 0
        assert capsys.readouterr().out.splitlines()[1].startswith("all,1,1,")


def test_a_delimiter_of_more_than_one_character_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Peace.", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(tmp_path), "--delimiter", ";;"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "communique stats: error: argument --delimiter: --delimiter=';;': give the one "
        "character that separates the fields, such as ';' or '|', or 'tab'"
    )


def test_inputs_decoded_by_guessing_are_counted_on_stderr(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("We must act.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Café au lait.".encode("mac_roman"))
    assert main(["stats", str(tmp_path), "--format", "csv"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "note: 1 of 2 inputs decoded by guessing their encoding (first: b.txt: decoded as "
        "cp1252 (invalid UTF-8 on line 1)), so their text may be garbled; `communique "
        f"validate {tmp_path}` lists them, and --encoding NAME reads them in the encoding "
        "you give"
    ]
    assert main(["stats", str(tmp_path), "--format", "csv", "--quiet"]) == 0
    assert "decoded by guessing" in capsys.readouterr().err  # --quiet keeps this note
    assert main(["validate", str(tmp_path), "--format", "csv"]) == 0
    assert capsys.readouterr().err == ""  # validate lists them in its table
    assert main(["stats", str(tmp_path), "--format", "csv", "--encoding", "mac_roman"]) == 0
    assert capsys.readouterr().err == ""


def test_a_file_the_template_does_not_fit_is_a_skipped_input(tmp_path, capsys):
    (tmp_path / "USA_1991_Bush.txt").write_text("We must act.", encoding="utf-8")
    (tmp_path / "notemplate.txt").write_text("No template here.", encoding="utf-8")
    template = "{country}_{year}_{speaker}.txt"
    command = ["stats", str(tmp_path), "--filename-template", template, "--format", "csv"]
    assert main([*command, "--by", "country"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[2].startswith("USA,1,")
    assert captured.err.startswith(
        "note: 1 of 2 inputs skipped (first: notemplate.txt: file name does not fit "
        "filename_template='{country}_{year}_{speaker}.txt'"
    )
    assert main([*command, "--strict"]) == 1
    assert "notemplate.txt: skipped (file name does not fit" in capsys.readouterr().err


def test_a_filename_template_for_a_table_is_a_data_error(tmp_path, capsys):
    table = tmp_path / "t.csv"
    table.write_text("doc_id,text\nx,Peace.\n", encoding="utf-8")
    assert main(["stats", str(table), "--filename-template", "{country}.txt"]) == 1
    assert capsys.readouterr().err.strip() == (
        "communique stats: error: --filename-template='{country}.txt' takes docvars from the "
        "names of the text files of a folder; t.csv is a table: give the docvars as columns "
        "of the table instead"
    )


def write_outlets(folder):
    """Three wire stories with a byline and a credit, three others with a caption."""
    folder.mkdir()
    for i in (1, 2, 3):
        (folder / f"Wire_{i}.txt").write_text(
            "By Ann Roe\n\nThe council debated sanctions and trade today, officials said.\n\n"
            "(Reporting by John Marr; Editing by Sue Lee)\n",
            encoding="utf-8",
        )
        (folder / f"Post_{i}.txt").write_text(
            "Photo: The council chamber.\n\n"
            "The council debated peace and security today, diplomats said.\n",
            encoding="utf-8",
        )
    return folder


DROP = ["--drop-lines", "^By [A-Z]", "--drop-lines", r"^\(Reporting by", "--drop-lines", "^Photo:"]


def test_drop_lines_leaves_bylines_and_credits_out_of_keywords(tmp_path, capsys):
    folder = write_outlets(tmp_path / "news")
    command = ["keywords", str(folder), "--filename-template", "{outlet}_{n}.txt"]
    command += ["--by", "outlet", "--target", "Wire", "--min-count", "2", "--format", "csv"]
    assert main(command) == 0
    terms = [line.split(",")[0] for line in capsys.readouterr().out.splitlines()[1:]]
    assert terms[:5] == ["by", "ann", "editing", "john", "lee"]
    assert main([*command, *DROP]) == 0
    captured = capsys.readouterr()
    terms = [line.split(",")[0] for line in captured.out.splitlines()[1:]]
    assert terms[:3] == ["officials", "sanctions", "trade"]
    assert not {"by", "ann", "roe", "reporting", "editing", "marr", "chamber"} & set(terms)
    assert captured.err == (
        f"note: --drop-lines dropped 9 lines from 6 of 6 inputs; `communique validate {folder}` "
        "with the same --drop-lines lists them\n"
    )


def test_drop_lines_in_stats_validate_and_the_provenance_record(tmp_path, capsys):
    import json

    folder = write_outlets(tmp_path / "news")
    (folder / "Wire_4.txt").write_text("By Ann Roe\nPhoto: a caption alone\n", encoding="utf-8")
    target = tmp_path / "stats.csv"
    assert main(["stats", str(folder), *DROP, "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8").splitlines()[1].startswith("all,6,6,66,54,")
    assert capsys.readouterr().err.splitlines() == [
        "note: 1 of 7 inputs skipped (first: Wire_4.txt: empty: no text left once lines "
        f"dropped by drop_lines (2)); `communique validate {folder}` lists them",
        f"note: --drop-lines dropped 11 lines from 7 of 7 inputs; `communique validate {folder}` "
        "with the same --drop-lines lists them",
        f"note: 1 row written to {tmp_path / 'stats.csv'}",
    ]
    record = json.loads((tmp_path / "stats.csv.provenance.json").read_text(encoding="utf-8"))
    assert record["corpus"]["drop_lines"] == ["^By [A-Z]", r"^\(Reporting by", "^Photo:"]
    assert record["corpus"]["inputs"] == {"repaired": 6, "skipped": 1}
    assert main(["validate", str(folder), *DROP, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:3] == [
        "Post_1.txt,Post_1,repaired,lines dropped by drop_lines (1)",
        "Post_2.txt,Post_2,repaired,lines dropped by drop_lines (1)",
    ]


def test_drop_lines_that_match_nothing_are_noted(tmp_path, capsys):
    folder = write_outlets(tmp_path / "news")
    assert main(["stats", str(folder), "--drop-lines", "^photo:", "--format", "csv"]) == 0
    assert capsys.readouterr().err == (
        "note: --drop-lines matched no line of any document; the patterns are matched against "
        "each line of the normalized text (straight apostrophes, '—' dashes, no spaces at "
        "either end), case-sensitive unless a pattern says (?i)\n"
    )
    assert main(["stats", str(folder), "--drop-lines", "(?i)^photo:", "--quiet"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        (
            r"^(Reporting by",
            "--drop-lines='^(Reporting by' is not a valid regular expression: missing ), "
            "unterminated subpattern at position 1",
        ),
        (
            "^$",
            "--drop-lines='^$' matches an empty line, so it would drop every blank line (the "
            "paragraph breaks) and perhaps every line; make it match some text of the lines to "
            "drop, such as '^Photo:' or '^By [A-Z]'",
        ),
    ],
)
def test_a_bad_drop_lines_pattern_is_a_usage_error(tmp_path, capsys, pattern, message):
    (tmp_path / "a.txt").write_text("Peace.", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(tmp_path), "--drop-lines", "^Photo:", "--drop-lines", pattern])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"communique stats: error: argument --drop-lines: {message}"
    )


def test_drop_lines_with_a_streamed_cache(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path / "cache"))
    folder = write_outlets(tmp_path / "news")
    command = ["stats", str(folder), "--format", "csv", "--quiet", *DROP]
    assert main(command) == 0
    expected = capsys.readouterr().out
    for _ in range(2):  # written as read, then from the entry
        assert main([*command, "--stream"]) == 0
        assert capsys.readouterr().out == expected
    assert main(["stats", str(folder), "--format", "csv", "--quiet", "--stream"]) == 0
    assert capsys.readouterr().out != expected  # the entry without patterns is another


def test_date_order_option_reads_dates_whose_values_do_not_tell_their_order(tmp_path, capsys):
    table = tmp_path / "news.csv"
    table.write_text("id,date,text\na,03/04/2024,Peace.\nb,05/06/2024,War.\n", encoding="utf-8")
    assert main(["stats", str(table), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "could be read day-first or month-first" in err
    assert "--date-order='day-first' or --date-order='month-first'" in err
    args = ["stats", str(table), "--by", "date", "--format", "csv", "--quiet"]
    assert main([*args, "--date-order", "day-first"]) == 0
    groups = [line.split(",")[0] for line in capsys.readouterr().out.splitlines()[1:]]
    assert groups == ["all", "2024-04-03", "2024-06-05"]


def test_where_analyses_only_the_documents_asked_for(tmp_path, capsys):
    texts = {
        "USA_45_1990.txt": "We must act now. Peace may come.",
        "USA_46_1991.txt": "We will act. Peace is near.",
        "RUS_45_1990.txt": "Peace must prevail. We may agree.",
        "FRA_45_1990.txt": "Nous agissons. Peace is good.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    argv = ["stats", str(tmp_path), "--filename-template", "{country}_{session}_{year}.txt"]
    csv = ["--by", "country", "--format", "csv", "--quiet"]
    assert main([*argv, *csv, "--where", "country=USA,RUS", "--where", "year=1990..1990"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert table[["group", "documents"]].values.tolist() == [["all", 2], ["RUS", 1], ["USA", 1]]
    assert main([*argv, *csv, "--where", "doc_id=USA_46_1991"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert table[["group", "documents", "words"]].values.tolist() == [
        ["all", 1, 6],
        ["USA", 1, 6],
    ]
    # a value no document has, and a docvar no document has, are errors that say so
    assert main([*argv, "--where", "country=USAA", "--quiet"]) == 2
    assert "--where: no document has country='USAA'; did you mean country='USA'?" in (
        capsys.readouterr().err
    )
    assert main([*argv, "--where", "nation=USA", "--quiet"]) == 2
    assert "--where: no docvar 'nation'; docvars are: country, session, year" in (
        capsys.readouterr().err
    )
    with pytest.raises(SystemExit):
        main([*argv, "--where", "year"])
    assert "write DOCVAR=VALUE, DOCVAR=V1,V2 or DOCVAR=FIRST..LAST" in capsys.readouterr().err
    assert main([*argv, "--where", "year=1990..x", "--quiet"]) == 2
    assert "--where year=1990..x: '1990..x': a range is two whole numbers" in (
        capsys.readouterr().err
    )
    # a docvar spelled alike, and a range written as in prose, say what to write
    assert main([*argv, "--where", "contry=USA", "--quiet"]) == 2
    assert "--where: no docvar 'contry'; did you mean 'country'? docvars are:" in (
        capsys.readouterr().err
    )
    assert main([*argv, "--where", "year=1990-1991", "--quiet"]) == 2
    assert "'1990-1991': write a range of numbers as 1990..1991" in capsys.readouterr().err
    assert main([*argv, "--where", "year=1990\u20131991", "--quiet"]) == 2
    assert "write a range of numbers as 1990..1991" in capsys.readouterr().err


def test_the_readme_first_commands_run_on_the_sample(tmp_path, monkeypatch, capsys):
    """Every command of the README's "First commands" block, as written, on the sample."""
    import shlex
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("**First commands**") :].split("```bash\n", 1)[1]
    lines = block.split("```", 1)[0].splitlines()
    assert lines[0] == "S=notebooks/sample_un"
    sample = str(root / "notebooks" / "sample_un")
    monkeypatch.chdir(tmp_path)  # the files they write land here
    commands = [line.split("  #", 1)[0] for line in lines[1:]]
    assert len(commands) == 8
    for command in commands:
        words = shlex.split(command.replace("$S", sample))
        assert words[0] == ".venv/bin/communique"
        assert main(words[1:]) == 0, command
    captured = capsys.readouterr()
    out = captured.out
    assert "note: 10 rows written to hedging.csv" in captured.err.splitlines()
    assert "| kind | measure | group | group_b |" in out  # compare's markdown
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "hedging.csv",
        "hedging.csv.provenance.json",
        "hedging_by_year.png",
        "hedging_by_year.png.provenance.json",
    ]
    assert pd.read_csv(tmp_path / "hedging.csv")["group"].nunique() == 5  # the 5 countries


def test_output_says_how_many_rows_it_wrote_unless_quiet(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["stats", "--output", "seed.md"]) == 0
    assert capsys.readouterr().err == "note: 1 row written to seed.md\n"
    assert main(["stats", "--output", "seed.csv", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert (tmp_path / "seed.csv").exists() and (tmp_path / "seed.md").exists()
