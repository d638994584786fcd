"""Shared CLI output: the plain-text table cuts long text cells (and says so); csv, json
and markdown keep the whole text."""

import json

import pandas as pd
import pytest

from analysis.cli import main
from analysis.cli.common import TABLE_CELL_WIDTH, format_table

SAID = "We " + "will not accept any arrangement that ignores our security " * 5 + "today."


@pytest.fixture
def long_quote(tmp_path):
    path = tmp_path / "news.csv"
    text = f"The minister said: \u201c{SAID}\u201d Talks go on."
    pd.DataFrame({"id": ["n1"], "text": [text]}).to_csv(path, index=False)
    return str(path)


def test_the_table_format_cuts_long_text_cells_and_says_so(long_quote, capsys):
    assert main(["quotes", long_quote]) == 0
    captured = capsys.readouterr()
    header, row = captured.out.splitlines()
    assert len(row) < 2 * TABLE_CELL_WIDTH + 80  # match and text, each cut, plus the rest
    assert SAID[: TABLE_CELL_WIDTH - 1] + "…" in row  # the text column, cut
    assert captured.err == (
        "note: 2 text cells cut to 60 characters (… for the rest); --format csv or json, or "
        "--output FILE.csv, keeps the whole text\n"
    )
    assert main(["quotes", long_quote, "--quiet"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_other_formats_keep_the_whole_text(long_quote, capsys, fmt):
    assert main(["quotes", long_quote, "--format", fmt]) == 0
    captured = capsys.readouterr()
    assert SAID in captured.out and "…" not in captured.out
    assert captured.err == ""
    if fmt == "json":
        assert json.loads(captured.out)[0]["text"] == SAID


def test_a_text_file_gets_the_cut_table_and_a_csv_file_the_whole_text(long_quote, tmp_path):
    assert main(["quotes", long_quote, "--quiet", "-o", str(tmp_path / "q.txt")]) == 0
    assert SAID not in (tmp_path / "q.txt").read_text(encoding="utf-8")
    assert main(["quotes", long_quote, "--quiet", "-o", str(tmp_path / "q.csv")]) == 0
    assert pd.read_csv(tmp_path / "q.csv")["text"].tolist() == [SAID]


def test_format_table_cuts_only_text_longer_than_the_width():
    table = pd.DataFrame(
        {"short": ["x" * TABLE_CELL_WIDTH], "long": ["y" * 100], "n": [123456789012345678]}
    )
    text = format_table(table, "table")
    assert "x" * TABLE_CELL_WIDTH + " " in text  # exactly the width: whole
    assert "y" * (TABLE_CELL_WIDTH - 1) + "… " in text and "y" * TABLE_CELL_WIDTH not in text
    assert "123456789012345678" in text  # numbers are never cut
    assert table["long"].iloc[0] == "y" * 100  # the caller's table is left alone
    assert format_table(table, "csv") == pd.DataFrame.to_csv(table, index=False)
    assert "y" * 100 in format_table(table, "markdown")


def test_a_concordance_keeps_the_words_next_to_the_match(tmp_path, capsys):
    path = tmp_path / "s.csv"
    before = "the delegation of the kingdom reaffirmed before the assembly its full support for"
    pd.DataFrame({"id": ["s1"], "text": [f"{before} peacekeeping missions."]}).to_csv(
        path, index=False
    )
    assert main(["kwic", str(path), "peacekeeping", "--window", "14", "--quiet"]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    # The left context is cut at its start: its end is next to the match.
    assert row.endswith("…" + before[-(TABLE_CELL_WIDTH - 1) :] + " peacekeeping missions")


def test_the_load_reports_reasons_are_never_cut(tmp_path, capsys):
    (tmp_path / "speech.txt").write_text("Peace now.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,country\nspeech.txt,XNR\nspeech_of_the_delegation_of_westmark.txt,XWS\n",
        encoding="utf-8",
    )
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    why = "metadata row for 'speech_of_the_delegation_of_westmark.txt': no such file in the folder"
    assert len(why) > TABLE_CELL_WIDTH and why in out


def test_engine_dask_gives_the_table_of_the_local_engine(tmp_path, capsys, monkeypatch):
    distributed = pytest.importorskip("dask.distributed")
    from analysis import engine

    texts = ["We may need to act. It is certainly clear.", "Perhaps they will come back."]
    for i, text in enumerate(texts):
        (tmp_path / f"d{i}.txt").write_text(text * 40, encoding="utf-8")
    args = ["hedging", str(tmp_path), "--by", "doc_id", "--format", "csv"]
    assert main(args) == 0
    expected = capsys.readouterr().out
    engines = []
    real = engine._map_dask
    monkeypatch.setattr(engine, "_map_dask", lambda *a, **k: engines.append(1) or real(*a, **k))
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        assert main([*args, "--engine", "dask", "--scheduler", cluster.scheduler_address]) == 0
    assert capsys.readouterr().out == expected
    assert engines  # the passes ran on the cluster
    assert engine._ENGINE_BY_DEFAULT == "local"  # and only for the command


def test_scheduler_without_engine_dask_is_an_error(capsys):
    assert main(["hedging", "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--scheduler connects to a Dask cluster: give --engine dask too" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["hedging", "--by", "country", "--by", "year"],
            "--by takes one docvar, given twice ('country', then 'year'); for one row per "
            "document (a country-year panel of speeches), --by doc_id; to group by two",
        ),
        (
            ["compare", "x.csv", "hedges", "--by", "year", "--within", "a", "--within", "b"],
            "--within takes one docvar, given twice ('a', then 'b'); to group by two",
        ),
        (
            ["keywords", "x.csv", "--by", "country", "--by", "year"],
            "--by takes one docvar, given twice ('country', then 'year')",
        ),
    ],
)
def test_a_docvar_option_given_twice_is_a_usage_error(args, said, capsys):
    # argparse kept the last: "--by country --by year" printed rates by year alone.
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    assert said in capsys.readouterr().err


def test_a_docvar_option_repeated_with_its_value_is_no_error(long_quote, capsys):
    assert main(["hedging", long_quote, "--by", "doc_id", "--by", "doc_id", "--quiet"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[:2] == ["n1", "hedges"]


def test_a_text_file_read_alone_says_its_folder_sidecar_is_left_out(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("We may agree.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,country\na.txt,XNO\n", encoding="utf-8")
    assert main(["stats", str(tmp_path / "a.txt")]) == 0
    err = capsys.readouterr().err
    assert (
        f"note: metadata.csv beside a.txt gives docvars to the files of its folder; read the folder ({tmp_path})"
        in err
    )
    assert main(["stats", str(tmp_path), "--by", "country"]) == 0  # the folder has them
    assert "beside" not in capsys.readouterr().err
    assert main(["stats", str(tmp_path / "a.txt"), "--quiet"]) == 0  # a note on what was read
    assert "beside a.txt" in capsys.readouterr().err
