"""`communique comparisons`: --type takes one value (comma-separated types, or the
option repeated), so a PATH after it is read as the PATH."""

import pandas as pd
import pytest

from analysis.cli import main

TEXTS = [
    "The crisis spread like wildfire across the region. Our economy is stronger than theirs.",
    "This is the worst crisis in years. Europe was compared to a fortress.",
]


@pytest.fixture
def table_path(tmp_path):
    path = tmp_path / "speeches.csv"
    pd.DataFrame({"id": ["a", "b"], "text": TEXTS, "k": ["A", "B"]}).to_csv(path, index=False)
    return str(path)


def matched_types(capsys, argv: list[str]) -> list[str]:
    assert main(["comparisons", *argv, "--matches", "--quiet", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    return pd.read_csv(pd.io.common.StringIO(out))["type"].tolist()


def test_a_path_after_type_is_the_path(table_path, capsys):
    assert matched_types(capsys, ["--type", "simile", table_path]) == ["simile"]


def test_types_separated_by_commas_or_repeated(table_path, capsys):
    assert matched_types(capsys, ["--type", "simile,superlative", table_path]) == [
        "simile",
        "superlative",
    ]
    assert matched_types(capsys, ["--type", "simile", "--type", "explicit", table_path]) == [
        "simile",
        "explicit",
    ]
    # A type given twice is counted once.
    assert matched_types(capsys, ["--type", "simile", "--type", "simile", table_path]) == ["simile"]


def test_rates_for_the_types_given_before_the_path(table_path, capsys):
    argv = ["comparisons", "--type", "explicit", table_path, "--by", "k", "--quiet"]
    assert main([*argv, "--format", "csv"]) == 0
    table = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    explicit = table[table["measure"] == "explicit"]
    assert explicit["count"].tolist() == [0, 1]
    assert set(table["measure"]) == {"comparisons", "explicit", "historical"}


def test_a_bad_type_names_the_choices_and_the_type_meant(table_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["comparisons", "--type", "simle", table_path])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "argument --type: invalid choice: 'simle' (did you mean 'simile'?" in err
    assert "choose from explicit, simile, comparative, superlative" in err


def test_types_written_with_spaces_as_before_get_the_new_syntax(capsys):
    assert main(["comparisons", "--type", "simile", "comparative", "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "communique comparisons: error: PATH 'comparative' is a comparison type, not a file "
        "or folder; several types are separated by commas (--type simile,comparative) or "
        "given by repeating --type"
    )


def test_types_value_splits_and_strips():
    from analysis.cli.comparisons import types_value

    assert types_value(" simile , comparative,") == ["simile", "comparative"]


def test_help_shows_both_ways_of_giving_several_types(capsys):
    with pytest.raises(SystemExit):
        main(["comparisons", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--type TYPE[,TYPE...]" in help_text
    assert "e.g. --type simile,explicit or --type simile --type explicit" in help_text
