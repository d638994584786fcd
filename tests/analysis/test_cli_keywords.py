"""CLI: keywords, kwic, collocations, readability and frequency via analysis.cli.main."""

import io
import json

import pandas as pd
import pytest

import analysis
import corpus
from analysis.cli import main

SPEECHES = {
    "RUS_46_1991.txt": "The Soviet Union supports peace. Sovereignty and peace and sovereignty matter.",
    "RUS_47_1992.txt": "Sovereignty of states; the Russian Federation supports peacekeeping.",
    "USA_46_1991.txt": "Trade and growth. Trade creates growth and peace.",
    "FRA_46_1991.txt": "Growth and trade, and development of trade.",
}


@pytest.fixture
def folder(tmp_path):
    for name, text in SPEECHES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_keywords_target_csv(folder, capsys):
    args = ["keywords", str(folder), "--filename-template", "{country}_{session}_{year}.txt"]
    assert (
        main([*args, "--by", "country", "--target", "RUS", "--min-count", "2", "--format", "csv"])
        == 0
    )
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert table["term"].iloc[0] == "sovereignty"
    assert {"g2", "log_ratio_low", "dispersion_flag", "doc_count_target"} <= set(table.columns)
    assert table["direction"].iloc[-1] == "reference"
    # each row flagged for the side it is key for: "trade" and "growth" are in both
    # reference speeches (and in no target speech), "of" in one reference speech
    flags = table.set_index("term")[["direction", "doc_count_reference", "dispersion_flag"]]
    assert flags.loc[["trade", "growth", "of"]].values.tolist() == [
        ["reference", 2, "ok"],
        ["reference", 2, "ok"],
        ["reference", 1, "single_document"],
    ]


def test_keywords_measure_and_reference_file(folder, tmp_path, capsys):
    reference = tmp_path / "ref.csv"
    reference.write_text("term,count\npeace,10\nsovereignty,1\nthe,500\n", encoding="utf-8")
    args = ["keywords", str(folder), "--filename-template", "{country}_{session}_{year}.txt"]
    assert (
        main(
            [
                *args,
                "--by",
                "country",
                "--target",
                "RUS",
                "--reference",
                str(reference),
                "--measure",
                "log_ratio",
                "--min-count",
                "1",
                "--format",
                "json",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert [r["term"] for r in rows[:3]] == ["and", "supports", "sovereignty"]
    assert rows[-1]["term"] == "the" and rows[-1]["count_reference"] == 500
    # a frequency list names no documents: its keywords' spread is unknown
    assert rows[-1]["doc_count_reference"] is None
    assert rows[-1]["dispersion_flag"] == "documents_unknown"


def test_keywords_bad_target_is_a_usage_error(folder, capsys):
    args = ["keywords", str(folder), "--filename-template", "{country}_{session}_{year}.txt"]
    assert main([*args, "--by", "country", "--target", "XXX"]) == 2
    assert "target='XXX'" in capsys.readouterr().err


def test_kwic(folder, capsys):
    assert main(["kwic", str(folder), "peace*", "--window", "2", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(table) == 4
    assert {"doc_id", "start", "end", "left", "match", "right"} <= set(table.columns)
    assert "peacekeeping" in set(table["match"])


def test_kwic_regex_matches_inside_words_unless_whole_words(folder, capsys):
    assert main(["kwic", str(folder), "peace", "--regex", "--format", "csv", "--quiet"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert sorted(table["match"]) == ["peace", "peace", "peace", "peace"]  # one of peacekeeping
    assert table["right"].str.startswith("keeping").sum() == 1
    argv = ["kwic", str(folder), "peace", "--regex", "--whole-words", "--format", "csv"]
    assert main([*argv, "--quiet"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(table) == 3 and not table["right"].str.startswith("keeping").any()


def test_kwic_help_says_a_regex_matches_inside_words(capsys):
    with pytest.raises(SystemExit):
        main(["kwic", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "matched anywhere in the text, inside words too: 'war' finds the 'war' of" in help_text
    assert "write '\\bwar\\b' or add --whole-words for whole words" in help_text


def test_collocations(folder, capsys):
    assert main(["collocations", str(folder), "trade", "--min-count", "2", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert "growth" in set(table["term"])
    assert "log_dice" in table.columns


def test_collocations_of_a_phrase_names_the_commands_that_take_one(folder, capsys):
    assert main(["collocations", str(folder), "cold war"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"communique collocations: error: NODE 'cold war' is a phrase; give one word or glob "
        f"(a phrase's contexts: communique kwic {folder} 'cold war'; its frequency: "
        f"communique frequency {folder} --ngram 2)"
    )
    assert main(["collocations", str(folder), "  "]) == 2
    assert capsys.readouterr().err.strip().endswith("NODE '  ' is empty; give one word or glob")


def test_readability_by_group(folder, capsys):
    args = ["readability", str(folder), "--filename-template", "{country}_{session}_{year}.txt"]
    assert main([*args, "--by", "country", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert table["group"].tolist() == ["FRA", "RUS", "USA"]
    assert {"flesch_reading_ease", "ttr", "mattr", "mtld", "documents"} <= set(table.columns)
    # Pooled scores under their names, then the per-document means beside TTR & co.
    assert list(table.columns) == [
        "group",
        "documents",
        "words",
        "sentences",
        "syllables",
        "polysyllables",
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "mean_flesch_reading_ease",
        "mean_flesch_kincaid_grade",
        "mean_gunning_fog",
        "ttr",
        "mattr",
        "mtld",
        "mtld_documents",
    ]
    assert table["documents"].tolist() == [1, 2, 1]
    assert main([*args, "--format", "csv"]) == 0
    per_doc = pd.read_csv(io.StringIO(capsys.readouterr().out))
    per_doc["group"] = per_doc["doc_id"].str[:3]
    means = per_doc.groupby("group")[["flesch_reading_ease", "ttr"]].mean()
    assert table["mean_flesch_reading_ease"].tolist() == pytest.approx(
        means["flesch_reading_ease"].tolist()
    )
    assert table["ttr"].tolist() == pytest.approx(means["ttr"].tolist())


def test_frequency(folder, capsys):
    assert main(["frequency", str(folder), "--top-n", "3", "--stopwords", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert table["term"].tolist()[:2] == ["trade", "growth"]
    assert main(["frequency", str(folder), "--ngram", "2", "--top-n", "1", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("and peace,all,2,")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("peace,10\nwar,ten\n", "row 2 (term 'war'): count 'ten' is not a whole number"),
        ("peace,-5\nwar,3\n", "row 1 (term 'peace'): count '-5' is not a whole number"),
        ("peace,1.5\n", "row 1 (term 'peace'): count '1.5' is not a whole number"),
        (
            "peace,100000000000000000000\n",
            "row 1 (term 'peace'): count '100000000000000000000' is not",
        ),
    ],
)
def test_a_bad_count_in_a_reference_file_names_the_file_and_row(
    folder, tmp_path, capsys, rows, expected
):
    reference = tmp_path / "ref.csv"
    reference.write_text("term,count\n" + rows, encoding="utf-8")
    args = ["keywords", str(folder), "--filename-template", "{country}_{session}_{year}.txt"]
    assert main([*args, "--by", "country", "--target", "RUS", "--reference", str(reference)]) == 1
    err = capsys.readouterr().err
    assert f"--reference {reference}: reference table, {expected}" in err


def test_a_test_option_in_an_error_is_written_as_the_flag(folder, tmp_path, capsys):
    reference = tmp_path / "ref.csv"
    reference.write_text("term,count\npeace,10\n", encoding="utf-8")
    args = ["keywords", str(folder), "--filename-template", "{country}_{session}_{year}.txt"]
    options = ["--by", "country", "--target", "RUS", "--reference", str(reference)]
    assert main([*args, *options, "--test", "documents"]) == 2
    err = capsys.readouterr().err
    assert "--test='documents' compares documents" in err and "(use --test='tokens')" in err


def test_a_reference_file_cut_by_frequency_top_n_is_refused(folder, tmp_path, capsys):
    template = ["--filename-template", "{country}_{session}_{year}.txt"]
    cut, whole = tmp_path / "cut.csv", tmp_path / "whole.csv"
    assert main(["frequency", str(folder), *template, "--top-n", "3", "--output", str(cut)]) == 0
    assert main(["frequency", str(folder), *template, "--top-n", "0", "--output", str(whole)]) == 0
    assert (tmp_path / "cut.csv.provenance.json").is_file()
    capsys.readouterr()
    args = ["keywords", str(folder), *template, "--by", "country", "--target", "RUS"]
    assert main([*args, "--reference", str(cut)]) == 1
    err = capsys.readouterr().err
    assert f"--reference {cut}: the reference frequency list leaves words out (top_n 3)" in err
    assert main([*args, "--reference", str(whole), "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("term")
    assert table.loc["sovereignty", "count_reference"] == 3  # the whole folder's count


def test_a_reference_file_keeps_every_word_and_a_stale_sidecar_is_not_read(
    folder, tmp_path, capsys
):
    template = ["--filename-template", "{country}_{session}_{year}.txt"]
    args = ["keywords", str(folder), *template, "--by", "country", "--target", "RUS"]
    listed = tmp_path / "ref.csv"
    listed.write_text("term,count\nnull,2\nNA,3\npeace,1\n", encoding="utf-8")
    assert main([*args, "--reference", str(listed), "--min-count", "1", "--format", "csv"]) == 0
    table = pd.read_csv(
        io.StringIO(capsys.readouterr().out), keep_default_na=False, na_filter=False
    ).set_index("term")
    assert table.loc["null", "count_reference"] == 2 and table.loc["na", "count_reference"] == 3
    # a sidecar written for a cut list, then the file replaced by a whole one
    cut = tmp_path / "cut.csv"
    assert main(["frequency", str(folder), *template, "--top-n", "3", "--output", str(cut)]) == 0
    assert main([*args, "--reference", str(cut)]) == 1
    cut.write_text("term,count\npeace,1\nthe,5\n", encoding="utf-8")
    assert main([*args, "--reference", str(cut), "--min-count", "1"]) == 0
    capsys.readouterr()
    whole = tmp_path / "whole.parquet"
    assert main(["frequency", str(folder), *template, "--top-n", "0", "--output", str(whole)]) == 0
    assert main([*args, "--reference", str(whole), "--format", "csv"]) == 0
    assert main([*args, "--reference", str(tmp_path / "ref.xlsx")]) == 1
    assert (
        "a frequency list is read from a CSV, TSV, Parquet or JSON file" in capsys.readouterr().err
    )


NEWS = {
    "A_1.txt": 'The agency reported: "Sanctions are theft." Talks continue.',
    "A_2.txt": 'Officials said "sanctions hurt trade" before talks.',
    "B_1.txt": 'The ministry said: "Talks are welcome." Sanctions stay.',
    "B_2.txt": "Trade grew while sanctions stayed.",
    "C_1.txt": "No one is quoted here.",
}


def _keywords(folder, *options: str) -> list[str]:
    return ["keywords", str(folder), "--filename-template", "{outlet}_{n}.txt", *options]


def test_keywords_in_one_voice_count_only_its_words(tmp_path, capsys):
    from scipy import stats

    for name, text in NEWS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    options = ["--by", "outlet", "--target", "A", "--reference", "B", "--min-count", "1"]
    assert main([*_keywords(tmp_path, *options, "--voice", "quoted", "--format", "csv")]) == 0
    quoted = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("term")
    # quoted words: A "Sanctions are theft." + "sanctions hurt trade" (6), B "Talks are welcome." (3)
    assert set(quoted.index) == {"sanctions", "are", "theft", "hurt", "trade", "talks", "welcome"}
    row = quoted.loc["sanctions"]
    assert (row["count_target"], row["count_reference"]) == (2, 0)
    expected = [6 * 2 / 9, 3 * 2 / 9]  # expected counts of the two sides
    g2 = stats.power_divergence([2, 0], f_exp=expected, lambda_="log-likelihood")[0]
    assert row["g2"] == pytest.approx(g2)
    assert main([*_keywords(tmp_path, *options, "--voice", "authorial", "--format", "csv")]) == 0
    authorial = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("term")
    assert authorial.loc["sanctions", ["count_target", "count_reference"]].tolist() == [0, 2]
    assert "theft" not in authorial.index


def test_keywords_in_one_voice_say_which_side_has_no_words_in_it(tmp_path, capsys):
    for name, text in NEWS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    options = ["--by", "outlet", "--target", "C", "--voice", "quoted"]
    assert main(_keywords(tmp_path, *options)) == 1
    assert "the target group 'C' (--by outlet) has no words in the quoted voice" in (
        capsys.readouterr().err
    )
    # the document test compares whole documents: every voice
    documents = ["--by", "outlet", "--target", "A", "--voice", "quoted", "--test", "documents"]
    assert main(_keywords(tmp_path, *documents)) == 2
    assert (
        "--test='documents' compares documents of the corpus in every voice; --voice='quoted'"
        in (capsys.readouterr().err)
    )


def test_keywords_exclude_leaves_terms_out(folder, capsys):
    args = ["keywords", str(folder), "--by", "country", "--target", "RUS", "--min-count", "1"]
    assert main([*args, "--top-n", "0", "--format", "json", "--quiet"]) == 0
    every = {row["term"] for row in json.loads(capsys.readouterr().out)}
    assert {"sovereignty", "soviet", "trade"} <= every
    # comma-separated, repeatable, and a PATH after it stays the PATH
    extra = ["--exclude", "sovereignty", "--exclude", "sov*,", "--top-n", "0", "--format", "json"]
    assert main(["keywords", *args[2:], *extra, "--quiet", str(folder)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["term"] for row in rows} == every - {"sovereignty", "soviet"}


def test_a_library_warning_is_one_line_in_the_commands_words(folder, capsys):
    args = ["keywords", str(folder), "--by", "country", "--target", "RUS", "--min-count", "1"]
    assert main([*args, "--exclude", "soverignty", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("communique keywords: warning: exclude: 'soverignty' matches no term")
    assert "did you mean 'sovereignty'?" in err and ".py:" not in err and len(err.splitlines()) == 1


def test_keywords_against_a_frequency_list_needs_no_by(folder, tmp_path, capsys):
    # the whole corpus against the list, as stat_keyness(by=None, reference=list) gives it
    reference = tmp_path / "lists" / "ref.csv"
    reference.parent.mkdir()
    reference.write_text("term,count\npeace,10\nsovereignty,1\nthe,500\n", encoding="utf-8")
    argv = ["keywords", str(folder), "--reference", str(reference), "--min-count", "1"]
    assert main([*argv, "--format", "csv", "--quiet"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    c = corpus.read_corpus(folder)
    expected = analysis.stat_keyness(
        c, by=None, reference=pd.read_csv(reference), min_count=1
    ).reset_index(drop=True)
    assert table["term"].tolist() == expected["term"].tolist()
    assert table["g2"].round(6).tolist() == expected["g2"].round(6).tolist()
    assert main(["keywords", str(folder), "--quiet"]) == 2
    assert "keywords needs --by DOCVAR (the groups to compare), unless --reference" in (
        capsys.readouterr().err
    )
