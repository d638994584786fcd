"""CLI problems found in a user trial: provenance of joined tables, unwritable outputs,
counting options, empty keyness sides, the quotes command, repeated figure formats."""

import io
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis
import corpus
from analysis.cli import main

LINUX = sys.platform.startswith("linux") and Path("/proc/self").exists()


def one_error_line(capsys, command: str) -> str:
    """The command's stderr, checked to be one 'communique COMMAND: error: ...' line."""
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"communique {command}: error: "), err
    assert "Traceback" not in err
    return lines[0]


# --- 1. readability: the joined table keeps a real provenance record ----------------


def test_readability_output_names_its_function_parameters_and_corpus(fixtures, tmp_path):
    path = str(fixtures / "un_layout")
    out = tmp_path / "r.csv"
    assert main(["readability", path, "--by", "year", "--quiet", "-o", str(out)]) == 0
    record = json.loads((tmp_path / "r.csv.provenance.json").read_text(encoding="utf-8"))
    assert record["function"] == "analysis.stat_readability"
    assert record["joined_with"] == "analysis.stat_lexical_diversity"
    assert record["parameters"]["by"] == "year"
    assert record["parameters"]["window"] == 50  # stat_lexical_diversity's parameter
    assert record["corpus"]["fingerprint"] == corpus.read_corpus(path).fingerprint
    assert "readability" in record["lexicons"]


# --- 2. an output that cannot be written is one clear error line, exit 1 ------------


def test_output_whose_folder_is_a_file(tmp_path, capsys):
    (tmp_path / "file.csv").write_text("x\n", encoding="utf-8")
    target = tmp_path / "file.csv" / "x.csv"
    assert main(["stats", "--quiet", "-o", str(target)]) == 1
    line = one_error_line(capsys, "stats")
    assert f"cannot write {target}: its folder {tmp_path / 'file.csv'} is a file" in line


def test_output_that_is_a_folder(tmp_path, capsys):
    (tmp_path / "adir.csv").mkdir()
    assert main(["stats", "--quiet", "-o", str(tmp_path / "adir.csv")]) == 1
    assert "adir.csv: it is a folder, not a file" in one_error_line(capsys, "stats")


@pytest.mark.skipif(not LINUX, reason="needs /proc and /sys")
@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("/proc/forbidden.csv", "the folder /proc does not take new files"),
        ("/proc/forbidden.md", "the folder /proc does not take new files"),
        ("/sys/x.md", "no permission to write in /sys"),
    ],
)
def test_output_where_writing_fails(target, why, capsys):
    assert main(["stats", "--quiet", "-o", target]) == 1
    line = one_error_line(capsys, "stats")
    assert f"cannot write {target}: {why}" in line
    assert line.endswith("give a path in a folder you can write")


def test_figures_out_inside_a_file_or_on_a_file(tmp_path, capsys):
    (tmp_path / "bad").write_text("x\n", encoding="utf-8")
    assert main(["figures", "--quiet", "--out", str(tmp_path / "bad" / "good.csv")]) == 1
    assert "its folder" in one_error_line(capsys, "figures")
    assert main(["figures", "--quiet", "--out", str(tmp_path / "bad")]) == 1
    assert "bad: it is a file, not a folder" in one_error_line(capsys, "figures")


@pytest.mark.skipif(not LINUX, reason="needs /proc")
def test_figures_out_where_no_folder_can_be_made(monkeypatch, capsys):
    def build_figures(c, out, **options):  # writes as the real one does, without the work
        (Path(out) / "01_quickstart").mkdir(parents=True, exist_ok=True)
        return []

    monkeypatch.setattr(analysis, "build_figures", build_figures)
    assert main(["figures", "--quiet", "--out", "/proc/figs"]) == 1
    line = one_error_line(capsys, "figures")
    assert "cannot write into /proc/figs: the folder /proc does not take new files" in line


def test_cache_folder_that_is_a_file(tmp_path, monkeypatch, capsys):
    (tmp_path / "cache").write_text("x\n", encoding="utf-8")
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["stats", "--quiet", "--cache"]) == 1
    line = one_error_line(capsys, "stats")
    assert f"cannot use the cache folder {tmp_path / 'cache'}" in line
    assert "it is a file, not a folder" in line


@pytest.mark.skipif(not LINUX, reason="needs /proc")
def test_cache_folder_that_cannot_be_made(monkeypatch, capsys):
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", "/proc/cachex")
    assert main(["stats", "--quiet", "--cache"]) == 1
    line = one_error_line(capsys, "stats")
    assert "cannot use the cache folder /proc/cachex (from $COMMUNIQUE_CACHE_DIR)" in line


# --- 3. --top-n and --min-count say what to type ------------------------------------

SPEECHES = {
    "a.txt": "Peace and security matter. Peace matters to nations.",
    "b.txt": "Trade and growth. Trade creates growth and peace.",
}


@pytest.fixture
def folder(tmp_path):
    speeches = tmp_path / "speeches"  # (files a test writes beside it are no input)
    speeches.mkdir()
    for name, text in SPEECHES.items():
        (speeches / name).write_text(text, encoding="utf-8")
    return speeches


@pytest.mark.parametrize(
    "command",
    [["keywords", "--by", "doc_id"], ["frequency"], ["collocations", "peace"]],
    ids=["keywords", "frequency", "collocations"],
)
def test_negative_top_n_and_min_count_are_usage_errors(folder, command, capsys):
    name, *rest = command
    for option, value, hint in [
        ("--top-n", "-1", "give a positive whole number, or 0 for all rows"),
        ("--min-count", "-5", "give a whole number, 0 or more"),
    ]:
        with pytest.raises(SystemExit) as exit_info:
            main([name, str(folder), *rest, option, value, "--quiet"])
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert f"{option}='{value}': {hint}" in err
        assert "None" not in err


def test_top_n_zero_still_means_all_rows(folder, capsys):
    assert main(["frequency", str(folder), "--top-n", "0", "--format", "csv", "--quiet"]) == 0
    assert len(pd.read_csv(io.StringIO(capsys.readouterr().out))) == 10  # every type


# --- 4. keyness with an empty side names the side, exit 1 ---------------------------


def test_keywords_with_one_group_names_the_empty_reference(folder, capsys):
    (folder / "b.txt").unlink()
    assert main(["keywords", str(folder), "--by", "doc_id", "--quiet"]) == 1
    line = one_error_line(capsys, "keywords")
    assert "the reference (the documents outside the target group 'a') has no words" in line
    assert "'a' is the only --by doc_id group" in line


def test_keywords_with_an_empty_reference_list_names_the_file(folder, tmp_path, capsys):
    reference = tmp_path / "empty.csv"
    reference.write_text("term,count\npeace,0\n", encoding="utf-8")
    args = ["keywords", str(folder), "--by", "doc_id", "--target", "a"]
    assert main([*args, "--reference", str(reference), "--quiet"]) == 1
    line = one_error_line(capsys, "keywords")
    assert f"--reference {reference}: the frequency list has no words" in line


# --- 5. communique quotes -----------------------------------------------------------


def test_quotes_lists_every_quote_of_the_seed(capsys):
    assert main(["quotes", "--format", "csv", "--quiet"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False)
    expected = analysis.find_quotes(corpus.read_corpus(None))
    assert list(table.columns) == list(expected.columns)
    assert table["match"].tolist() == expected["match"].tolist()
    assert table["kind"].value_counts().to_dict() == {"fragment": 8, "direct": 2}


def test_quotes_filters_by_kind_and_speaker(capsys):
    assert main(["quotes", "--kind", "direct", "--format", "csv", "--quiet"]) == 0
    direct = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False)
    assert direct["kind"].tolist() == ["direct", "direct"]
    assert main(["quotes", "--speaker", "LAVROV", "--format", "csv", "--quiet"]) == 0
    lavrov = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False)
    assert len(lavrov) == 9 and set(lavrov["speaker"]) == {"Sergey Lavrov"}


def test_quotes_file_records_find_quotes_and_the_filters(tmp_path):
    out = tmp_path / "q.json"
    assert main(["quotes", "--kind", "fragment", "--quiet", "-o", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 8
    record = json.loads((tmp_path / "q.json.provenance.json").read_text(encoding="utf-8"))
    assert record["function"] == "analysis.find_quotes"
    assert record["parameters"] == {"kind": "fragment", "speaker": None}
    assert len(record["corpus"]["fingerprint"]) == 64


# --- 6. figures: a repeated --format is written once --------------------------------


def test_figures_writes_each_format_once(tmp_path, monkeypatch, capsys):
    seen = {}

    def build_figures(c, out, *, formats, **options):
        seen["formats"] = list(formats)
        return [Path(out) / f"figure.{fmt}" for fmt in formats]

    monkeypatch.setattr(analysis, "build_figures", build_figures)
    args = ["figures", "--quiet", "--out", str(tmp_path / "figs")]
    assert main([*args, "--format", "svg", "--format", "png", "--format", "svg"]) == 0
    assert seen["formats"] == ["svg", "png"]
    assert capsys.readouterr().out.count("figure.svg") == 1


# --- rates of tiny documents: --min-words -------------------------------------------


@pytest.mark.parametrize("command", ["hedging", "modality", "comparisons"])
def test_min_words_reaches_the_rates_and_rejects_zero(fixtures, tmp_path, capsys, command):
    path = str(fixtures / "un_layout")
    out = tmp_path / "rates.csv"
    assert main([command, path, "--min-words", "100000", "--quiet", "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert (table["documents"] == 0).all()  # no document has that many words
    assert table["rate"].isna().all() and table["pooled_rate"].notna().all()
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        main([command, path, "--min-words", "0"])
    assert exit_info.value.code == 2
    assert "--min-words='0': give a whole number, 1 or more" in capsys.readouterr().err


def test_documents_probably_not_in_english_are_noted_on_stderr(tmp_path, capsys):
    (tmp_path / "en.txt").write_text("The minister said that we must act with care. " * 10)
    (tmp_path / "es.txt").write_text("La ministra dijo que debemos actuar con prudencia. " * 10)
    assert main(["stats", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "note: 1 of 2 documents are probably not English (first: es.txt)" in err
    assert main(["stats", str(tmp_path), "--quiet"]) == 0  # a note --quiet keeps
    assert "probably not English (first: es.txt)" in capsys.readouterr().err


def test_speaker_filter_on_a_corpus_without_quotes_keeps_the_columns(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("We are here. The world is bigger than ever.")
    out = tmp_path / "q.csv"
    assert main(["quotes", str(tmp_path), "--speaker", "lavrov", "--quiet", "-o", str(out)]) == 0
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("doc_id,sent_id,start,end,match")


def test_speaker_filter_takes_whole_names_as_quote_attribution_reads_them():
    from analysis.cli.quotes import speaker_matches

    speakers = pd.Series(["O'Brien", "Côte d'Ivoire", "Sergey Lavrov", "Ivoire"])
    aliases = corpus.Aliases({})
    assert speaker_matches(speakers, "Brien", aliases).tolist() == [False, False, False, False]
    assert speaker_matches(speakers, "ivoire", aliases).tolist() == [False, False, False, True]
    assert speaker_matches(speakers, "o'brien", aliases).tolist() == [True, False, False, False]
    assert speaker_matches(speakers, "Lavrov", aliases).tolist() == [False, False, True, False]
    assert speaker_matches(pd.Series([], dtype=object), "x", aliases).dtype == bool


def test_validate_does_not_repeat_the_not_english_note(tmp_path, capsys):
    (tmp_path / "es.txt").write_text("La ministra dijo que debemos actuar con prudencia. " * 10)
    main(["validate", str(tmp_path)])
    captured = capsys.readouterr()
    assert "probably not English" in captured.out  # in the table
    assert "probably not English" not in captured.err


def test_keywords_test_option_reaches_the_p_values(fixtures, tmp_path):
    path = str(fixtures / "un_layout")
    out = tmp_path / "k.csv"
    args = ["keywords", path, "--by", "year", "--target", "1994", "--min-count", "1", "--quiet"]
    assert main([*args, "--test", "documents", "-o", str(out)]) == 0
    record = json.loads((tmp_path / "k.csv.provenance.json").read_text(encoding="utf-8"))
    assert record["parameters"]["test"] == "documents"


def test_an_empty_result_and_a_corpus_without_quotes_are_explained(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("We may act. Perhaps we will act together.", encoding="utf-8")
    assert main(["collocations", str(tmp_path), "zzzz"]) == 0
    assert "note: no rows: 'zzzz' does not occur" in capsys.readouterr().err
    assert main(["kwic", str(tmp_path), "détente"]) == 0
    assert "note: no rows: 'détente' does not occur" in capsys.readouterr().err
    assert main(["kwic", str(tmp_path), "zz+", "--regex"]) == 0
    assert "note: no rows: the pattern 'zz+' matches nothing" in capsys.readouterr().err
    assert main(["kwic", str(tmp_path), "act", "--voice", "quoted"]) == 0
    err = capsys.readouterr().err
    assert "the corpus has no quotes" in err and "in the quoted voice" in err
    assert main(["hedging", str(tmp_path), "--voice", "quoted"]) == 0
    assert "note: the corpus has no quotes" in capsys.readouterr().err
    assert main(["hedging", str(tmp_path), "--voice", "quoted", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
