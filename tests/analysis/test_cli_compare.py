import json

import pandas as pd
import pytest

import analysis
import corpus
from analysis.cli import main

TEXTS = {
    "a1.txt": "Perhaps the talks may resume. We might agree.",
    "a2.txt": "It seems the deal could perhaps hold.",
    "a3.txt": "Possibly the vote may be delayed, it seems.",
    "b1.txt": "The talks will resume. We must agree now.",
    "b2.txt": "The deal holds. The vote is final.",
    "b3.txt": "Clearly the plan works, and it will hold.",
}


@pytest.fixture
def folder(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    rows = ["file,outlet", *(f"{name},{name[0].upper()}" for name in TEXTS)]
    (tmp_path / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


def test_compare_command_gives_the_library_table(folder, capsys):
    args = ["compare", str(folder), "hedges", "--by", "outlet", "--format", "json", "--quiet"]
    assert main(args) == 0
    rows = pd.DataFrame(json.loads(capsys.readouterr().out))
    expected = analysis.compare(corpus.read_corpus(folder), "hedges", by="outlet")
    assert rows["kind"].tolist() == ["group", "group", "difference"]
    assert rows["group"].tolist() == expected["group"].tolist() == ["A", "B", "A"]
    assert rows["estimate"].tolist() == pytest.approx(expected["estimate"].tolist())
    assert rows["p_adjusted"].tolist()[2] == pytest.approx(expected["p_adjusted"].tolist()[2])


def test_compare_command_order_voice_and_a_term_rate(folder, capsys):
    args = ["compare", str(folder), "rate:talks", "--by", "outlet", "--order", "B,A"]
    assert main([*args, "--voice", "authorial", "--format", "json", "--quiet"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["group"] for r in rows] == ["B", "A", "B"]
    assert rows[2]["group_b"] == "A"  # B - A


def test_compare_command_refuses_an_unknown_measure_before_reading(folder, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", str(folder), "hedgez", "--by", "outlet"])
    assert exit_info.value.code == 2
    assert "'hedgez' is no measure; did you mean 'hedges'? give one of" in capsys.readouterr().err


def test_the_command_list_shows_compare(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "compare     a measure by group: means with 95% intervals" in capsys.readouterr().out


def test_compare_command_takes_clusters_as_the_units(tmp_path, capsys):
    texts = {**TEXTS, "a4.txt": "We may perhaps meet again.", "b4.txt": "We will meet again."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    country = {"a1": "P", "a2": "P", "a3": "Q", "a4": "Q", "b1": "R", "b2": "R", "b3": "S"}
    rows = ["file,outlet,country"]
    rows += [f"{n},{n[0].upper()},{country.get(n[:2], 'T')}" for n in texts]
    (tmp_path / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["compare", str(tmp_path), "hedges", "--by", "outlet", "--cluster", "country"]
    assert main([*args, "--format", "json", "--quiet"]) == 0
    table = pd.DataFrame(json.loads(capsys.readouterr().out))
    expected = analysis.compare(
        corpus.read_corpus(tmp_path), "hedges", by="outlet", cluster="country"
    )
    assert table["documents"].tolist() == [4, 4, 4]
    assert table["clusters"].tolist() == [2, 3, 2]
    assert table["estimate"].tolist() == pytest.approx(expected["estimate"].tolist())
    assert table["p_value"].tolist()[2] == pytest.approx(expected["p_value"].tolist()[2])
    with pytest.raises(SystemExit):
        main([*args, "--cluster", "outlet"])
    assert "--cluster takes one docvar, given twice" in capsys.readouterr().err
