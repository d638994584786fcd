"""`communique figures` / build_figures: identical bytes on every run, provenance beside each file."""

from __future__ import annotations

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
