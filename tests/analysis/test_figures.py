"""`communique figures` / build_figures: identical bytes on every run, provenance beside each file."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis
import corpus
from analysis import figures
from analysis.output import provenance_path

CLI = "import sys; from analysis.cli import main; sys.exit(main(sys.argv[1:]))"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _run_cli(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CLI, "figures", "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("figures")
    runs = [_run_cli(base / name) for name in ("a", "b")]
    return base, runs


def test_running_twice_gives_byte_identical_files(two_runs):
    base, _ = two_runs
    first, second = _files(base / "a"), _files(base / "b")
    assert first, "something was written"
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_every_output_has_a_record_naming_the_corpus_fingerprint(two_runs):
    base, runs = two_runs
    written = [Path(line) for line in runs[0].stdout.splitlines()]
    assert written and all(p.is_file() for p in written)
    fingerprints = {
        "01_quickstart": figures.seed_corpus().fingerprint,
        "02_voices": figures.seed_corpus().fingerprint,
        "03_comparing_countries": figures.un_corpus().fingerprint,
    }
    for path in written:
        record = json.loads(provenance_path(path).read_text())
        assert record["corpus"]["fingerprint"] == fingerprints[path.parent.name], path
        assert record["output"]["file"] == path.name
        assert "/" not in json.dumps(record["parameters"]), "no local paths"
    outputs = {p.relative_to(base / "a").as_posix() for p in written}
    assert {"01_quickstart/summary.csv", "01_quickstart/quotes.csv"} <= outputs


def test_sample_corpus_has_the_docvars_of_the_un_layout():
    c = figures.un_corpus()
    assert len(c) == 30
    assert set(c.docvars.columns) >= {
        "country",
        "session",
        "year",
        "speaker",
        "post",
        "country_name",
    }
    row = c.docvars.loc["1990/nordhavn"]
    assert (row["country"], row["session"], row["year"], row["country_name"]) == (
        "XNO",
        45,
        1990,
        "Nordhavn",
    )
    assert row["speaker"] == "Ingrid Solvang"
    assert set(c.report["status"]) == {"loaded", "metadata"}


def test_with_sentences_adds_the_sentence_of_each_match():
    c = corpus.from_texts(["It rains. We may go. Perhaps."])
    table = pd.DataFrame({"doc_id": ["doc1", "doc1"], "start": [13, 21]})
    table.attrs["provenance"] = {"function": "analysis.x"}
    out = figures.with_sentences(table, c)
    assert out["sentence"].tolist() == ["We may go.", "Perhaps."]
    assert out.attrs["provenance"] == {"function": "analysis.x"}


def test_summary_output_is_a_table_not_a_figure():
    output = figures.summary(figures.seed_corpus())
    assert output.name == "summary" and output.table.loc[0, "documents"] == 1
    with pytest.raises(ValueError, match="is a table, not a figure"):
        output.draw()


def test_bad_choices_name_the_argument():
    c = figures.un_corpus()
    with pytest.raises(ValueError, match=r"target='ZZZ'.*'XNO'"):
        figures.pick_target(c, "ZZZ")
    assert figures.pick_target(c, None) == "XNO"
    with pytest.raises(ValueError, match=r"kind='boosters'"):
        figures.matches(c, "boosters")
    with pytest.raises(ValueError, match=r"formats='gif'"):
        analysis.build_figures(out_dir="unused", formats=["gif"])


def test_cli_workers_gives_the_same_files(two_runs, tmp_path, capsys):
    from analysis.cli import main

    base, _ = two_runs
    assert main(["figures", "--workers", "1", "--format", "png", "--out", str(tmp_path)]) == 0
    one_process = _files(tmp_path)
    assert any(name.endswith(".png") for name in one_process)
    default = _files(base / "a")
    assert {name: default[name] for name in one_process} == one_process


def test_bad_workers_is_a_usage_error_for_figures(capsys):
    from analysis.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["figures", "--workers", "0"])
    assert exit_info.value.code == 2
    assert "--workers='0': give a positive whole number" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["figures", "--help"])
    assert "--workers N" in capsys.readouterr().out


def test_workers_reaches_every_analysis_call(monkeypatch):
    seen: list[tuple[str, object]] = []
    api = figures._api

    def spy(name):
        function = api(name)
        if name.startswith("plot_"):
            return function

        def call(*args, **kwargs):
            seen.append((name, kwargs.get("workers")))
            return function(*args, **kwargs)

        return call

    monkeypatch.setattr(figures, "_api", spy)
    for notebook in figures.NOTEBOOKS:
        c = figures.un_corpus() if notebook.startswith("03") else figures.seed_corpus()
        for make in figures.notebook_outputs(notebook, c, workers=1):
            make()
    names = {name for name, _ in seen}
    assert {"stat_summary", "find_quotes", "stat_keyness", "stat_comparisons"} <= names
    assert {workers for _, workers in seen} == {1}


def test_figures_help_names_the_real_default_target(capsys):
    from analysis.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["figures", "--help"])
    assert exit_info.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert f"(default: {figures.DEFAULT_TARGET} " in help_text
    assert "NOR" not in help_text


# --- a corpus that is not in UN layout: news articles with country and date -------------

NEWS_ROWS = [
    ("n1", "Daily Post", "2021-03-04", "XFR", "Talks resume",
     'The minister said the talks may resume. "We will probably agree," she said.'),
    ("n2", "Daily Post", "2022-05-06", "XDE", "Trade row",
     "Officials perhaps expect a deal. The row could worsen, like a storm."),
    ("n3", "Herald", "2021-07-08", "XFR", "Summit",
     "The summit must succeed. It seems likely that leaders will meet."),
    ("n4", "Herald", "2022-09-10", "XDE", "Energy",
     "Prices might fall. Analysts clearly believe supply is tighter than last year."),
]  # fmt: skip
NEWS_COLUMNS = ["id", "outlet", "date", "country", "title", "text"]
NEWS_03_FILES = {
    "countries.csv",
    "keyness_XDE.csv",
    "keyness_XDE.png",
    "hedging_by_country.csv",
    "hedging_by_country.png",
    "modality_by_country.csv",
    "modality_by_country.png",
    "hedging_by_year.csv",
    "hedging_by_year.png",
    "modality_by_year.csv",
    "modality_by_year.png",
    "comparisons_by_year.csv",
    "comparisons_by_year.png",
}


def write_news(path: Path, *, drop: tuple[str, ...] = (), rename: dict | None = None) -> Path:
    table = pd.DataFrame(NEWS_ROWS, columns=NEWS_COLUMNS).drop(columns=list(drop))
    table.rename(columns=rename or {}).to_csv(path, index=False)
    return path


def _figures_cli(*args: str) -> tuple[int, str, str]:
    from analysis.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["figures", "--workers", "1", "--format", "png", *args])
    return code, stdout.getvalue(), stderr.getvalue()


def test_for_countries_takes_the_year_from_a_date_docvar():
    c = corpus.from_texts(
        ["We may go.", "It rains.", "No date."],
        docvars={"country": ["XNO", "XKA", "XNO"], "date": ["2021-03-04", "1999-12-31", None]},
    )
    ready = figures.for_countries(c)
    assert ready.docvars["year"].tolist() == [2021, 1999, pd.NA]
    assert ready["doc1"].meta["year"] == 2021
    assert ready.doc_ids == c.doc_ids and ready["doc1"].text == "We may go."
    with_year = corpus.from_texts(
        ["A."], docvars={"country": ["X"], "year": [1990], "date": ["2021-01-01"]}
    )
    assert figures.for_countries(with_year).docvars["year"].tolist() == [1990]


def test_for_countries_names_the_missing_docvar_the_outputs_and_what_the_corpus_has():
    no_country = corpus.from_texts(["A."], docvars={"outlet": ["Herald"], "year": [2020]})
    with pytest.raises(figures.MissingDocvarError) as error:
        figures.for_countries(no_country)
    assert str(error.value) == (
        "03_comparing_countries needs a 'country' docvar for countries, keyness, "
        "hedging_by_country, modality_by_country; this corpus has docvars: outlet, year. "
        "Add a 'country' column, or give it by a metadata file or a filename template"
    )
    no_year = corpus.from_texts(["A."], docvars={"country": ["XNO"]})
    with pytest.raises(
        figures.MissingDocvarError,
        match=r"needs a 'year' docvar, or a 'date' one, for hedging_by_year, modality_by_year, comparisons_by_year; this corpus has docvars: country\.",
    ):
        figures.for_countries(no_year)


def test_a_date_that_is_not_a_date_names_the_document():
    base = corpus.from_texts(["A.", "B."], docvars={"country": ["X", "Y"]})
    docvars = base.docvars.assign(date=["2020-01-02", "spring"])
    c = corpus.Corpus(list(base), docvars, base.report)
    with pytest.raises(figures.MissingDocvarError, match=r"document 'doc2' has date='spring'"):
        figures.for_countries(c)


def test_countries_labels_by_code_without_a_country_name_docvar():
    c = corpus.from_texts(["A.", "B.", "C."], docvars={"country": ["XNO", "XKA", "XNO"]})
    table = figures.countries(c).table
    assert list(table.columns) == ["country", "documents"]
    assert table.values.tolist() == [["XKA", 1], ["XNO", 2]]
    assert table.attrs["provenance"]["function"] == "analysis.figures.countries"
    sample = figures.countries(figures.un_corpus()).table
    assert list(sample.columns) == ["country", "country_name", "documents"]
    assert sample.iloc[2].tolist() == ["XNO", "Nordhavn", 6]


def test_countries_list_every_name_a_code_had_in_the_order_given():
    names = ["Soviet Union", "Soviet Union", "Russian Federation", "Russia", "Russian Federation"]
    c = corpus.from_texts(
        ["A.", "B.", "C.", "D.", "E.", "F."],
        docvars={"country": ["XRU"] * 5 + ["XNO"], "country_name": [*names, None]},
    )
    table = figures.countries(c).table
    assert table.values.tolist() == [
        ["XNO", "", 1],
        ["XRU", "Soviet Union / Russian Federation / Russia", 5],
    ]


def test_cli_on_a_news_csv_without_year_or_country_name(tmp_path):
    news = write_news(tmp_path / "news.csv")
    code, out, err = _figures_cli("--corpus", str(news), "--out", str(tmp_path / "figs"))
    assert code == 0, err
    assert "note: 'year' was taken from the 'date' docvar" in err
    written = {p.name for p in (tmp_path / "figs" / "03_comparing_countries").iterdir()}
    assert {n for n in written if not n.endswith(".provenance.json")} == NEWS_03_FILES
    countries = (tmp_path / "figs" / "03_comparing_countries" / "countries.csv").read_text()
    assert countries == "country,documents\nXDE,2\nXFR,2\n"
    by_year = pd.read_csv(tmp_path / "figs" / "03_comparing_countries" / "hedging_by_year.csv")
    assert sorted(set(by_year["group"])) == [2021, 2022]
    assert len(out.splitlines()) == 5 + 2 * 2 + len(NEWS_03_FILES)


def test_a_missing_docvar_is_a_data_error_and_nothing_is_written(tmp_path):
    news = write_news(tmp_path / "news.csv", drop=("country",))
    out_dir = tmp_path / "figs"
    code, out, err = _figures_cli(str(news), "--out", str(out_dir))
    assert code == 1 and out == ""
    assert err == (
        "communique figures: error: 03_comparing_countries needs a 'country' docvar for "
        "countries, keyness, hedging_by_country, modality_by_country; this corpus has "
        "docvars: outlet, date, title. Add a 'country' column, or give it by a metadata "
        "file or a filename template\n"
    )
    assert not out_dir.exists()
    news = write_news(tmp_path / "nodate.csv", drop=("date",))
    code, _, err = _figures_cli(str(news), "--out", str(out_dir))
    assert code == 1 and "needs a 'year' docvar, or a 'date' one," in err
    assert not out_dir.exists()


def test_a_bad_target_is_found_before_anything_is_written(tmp_path):
    news = write_news(tmp_path / "news.csv")
    out_dir = tmp_path / "figs"
    code, _, err = _figures_cli(str(news), "--target", "XNO", "--out", str(out_dir))
    assert code == 2
    assert "--target='XNO' is not valid; choose one of: 'XDE', 'XFR'" in err
    assert not out_dir.exists()


def test_cli_takes_the_shared_corpus_options(tmp_path):
    news = write_news(tmp_path / "news.csv", rename={"text": "article", "id": "ref"})
    code, out, err = _figures_cli(
        str(news), "--text-column", "article", "--id-column", "ref", "--quiet",
        "--out", str(tmp_path / "figs"),
    )  # fmt: skip
    assert code == 0 and err == ""
    folder = tmp_path / "figs" / "03_comparing_countries"
    assert (folder / "countries.csv").read_text() == "country,documents\nXDE,2\nXFR,2\n"
    record = json.loads((folder / "countries.csv.provenance.json").read_text())
    assert record["corpus"]["documents"] == 4
    code, _, err = _figures_cli(str(news), "--out", str(tmp_path / "other"))
    assert code == 1 and "no text column found" in err and "--text-column=" in err
    assert not (tmp_path / "other").exists()


def test_path_and_corpus_given_differently_is_a_usage_error(tmp_path):
    code, _, err = _figures_cli("a.csv", "--corpus", "b.csv", "--out", str(tmp_path / "x"))
    assert code == 2
    assert "give the corpus once: PATH 'a.csv' or --corpus 'b.csv'" in err


def test_build_figures_takes_a_corpus(tmp_path):
    c = corpus.read_corpus(write_news(tmp_path / "news.csv"))
    paths = analysis.build_figures(c, tmp_path / "figs", formats=["png"], workers=1)
    assert {p.name for p in paths if p.parent.name == "03_comparing_countries"} == NEWS_03_FILES


def test_documents_without_a_year_do_not_stop_the_figures(tmp_path):
    rows = [
        ("a", "We may perhaps act.", "X", 1990),
        ("b", "We will certainly act.", "Y", 1991),
        ("c", "Trade may grow.", "X", None),  # no year
    ]
    path = tmp_path / "miny.csv"
    pd.DataFrame(rows, columns=["doc_id", "text", "country", "year"]).to_csv(path, index=False)
    code, _, err = _figures_cli(str(path), "--out", str(tmp_path / "figs"))
    assert code == 0, err
    by_year = pd.read_csv(tmp_path / "figs" / "03_comparing_countries" / "hedging_by_year.csv")
    assert sorted(set(by_year["group"].astype(str))) == ["(missing)", "1990", "1991"]
    assert (tmp_path / "figs" / "03_comparing_countries" / "hedging_by_year.png").is_file()


def test_a_figure_that_cannot_be_drawn_leaves_the_folder_as_it_was(tmp_path, monkeypatch):
    def fails(table, ax=None):
        raise ValueError("this figure cannot be drawn")

    real = figures.comparisons_over_time

    def broken(c, **kwargs):
        return figures.Output("comparisons_by_year", real(c, **kwargs).table, fails)

    monkeypatch.setattr(figures, "comparisons_over_time", broken)
    with pytest.raises(ValueError, match="cannot be drawn"):
        analysis.build_figures(out_dir=tmp_path / "figs", formats=["png"], workers=1)
    assert not (tmp_path / "figs").exists()


def test_files_of_an_earlier_run_are_pointed_out(tmp_path):
    news = write_news(tmp_path / "news.csv")
    out_dir = tmp_path / "figs"
    code, _, err = _figures_cli(str(news), "--target", "XDE", "--out", str(out_dir))
    assert code == 0 and "did not write" not in err
    code, _, err = _figures_cli(str(news), "--target", "XFR", "--out", str(out_dir))
    assert code == 0
    # keyness_XDE.csv, .png and their two sidecars are left from the first run
    assert f"note: {out_dir} also holds 4 file(s) this run did not write" in err
    assert "keyness_XDE" in err


def test_build_figures_closes_its_own_figures_only(tmp_path, monkeypatch):
    import matplotlib.pyplot as plt

    mine = plt.figure()
    open_before = plt.get_fignums()

    def fails(table, ax=None):
        raise ValueError("this figure cannot be drawn")

    real = figures.comparisons_over_time
    monkeypatch.setattr(
        figures,
        "comparisons_over_time",
        lambda c, **kw: figures.Output("comparisons_by_year", real(c, **kw).table, fails),
    )
    with pytest.raises(ValueError, match="cannot be drawn"):
        analysis.build_figures(out_dir=tmp_path / "figs", formats=["png"], workers=1)
    # the figures it drew are closed; the caller's (mine among them) stay open
    assert plt.get_fignums() == open_before and mine.number in open_before
    plt.close(mine)
