"""`communique cache list` and `communique cache clear`, on a cache folder of the test's
own ($COMMUNIQUE_CACHE_DIR or --dir)."""

import io
import os
import time

import pandas as pd
import pytest

from analysis.cli import main
from analysis.cli.cache import human_size


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A cache folder holding the entries of two corpora read with --cache."""
    folder = tmp_path / "cache-store"
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(folder))
    for name, text in (("a.csv", "Peace now."), ("b.csv", "We must act. It may rain.")):
        (tmp_path / name).write_text(f"text\n{text}\n", encoding="utf-8")
        assert main(["stats", str(tmp_path / name), "--cache", "--quiet"]) == 0
    return folder


def listed(capsys, *argv: str) -> pd.DataFrame:
    capsys.readouterr()
    assert main(["cache", "list", *argv, "--format", "csv"]) == 0
    return pd.read_csv(io.StringIO(capsys.readouterr().out))


def age(store, entry: str, days: float) -> None:
    then = time.time() - days * 86_400
    os.utime(store / entry / "communique-cache.json", (then, then))


def test_cache_list_shows_each_entry_with_its_source_and_size(store, tmp_path, capsys):
    table = listed(capsys)
    assert table.columns.tolist() == ["entry", "source", "documents", "bytes", "last_used"]
    assert sorted(table["source"]) == [str(tmp_path / "a.csv"), str(tmp_path / "b.csv")]
    assert sorted(table["documents"]) == [1, 1]
    assert (table["bytes"] > 0).all()
    assert main(["cache", "list"]) == 0
    captured = capsys.readouterr()
    total = human_size(int(table["bytes"].sum()))
    assert captured.err.splitlines()[-1] == f"note: 2 cached corpora, {total}, in {store}"
    # A long path in the plain table keeps its end, the file's name.
    sources = [line.split()[1] for line in captured.out.splitlines()[1:]]
    assert sorted(s[-5:] for s in sources) == ["a.csv", "b.csv"]


def test_cache_clear_older_than_removes_only_entries_unused_that_long(store, capsys):
    table = listed(capsys)
    old = table["entry"].iloc[-1]
    age(store, old, days=8)
    old_size = human_size(int(table.loc[table["entry"] == old, "bytes"].iloc[0]))
    capsys.readouterr()
    assert main(["cache", "clear", "--older-than", "7"]) == 0
    assert capsys.readouterr().out == (
        f"removed 1 cached corpus ({old_size}) from {store}; 1 left\n"
    )
    assert listed(capsys)["entry"].tolist() == table["entry"].iloc[:-1].tolist()
    assert main(["cache", "clear"]) == 0
    assert capsys.readouterr().out.endswith(f"from {store}; 0 left\n")
    assert listed(capsys).empty


def test_cache_dir_option_and_a_missing_folder(store, tmp_path, capsys):
    assert len(listed(capsys, "--dir", str(store))) == 2
    assert listed(capsys, "--dir", str(tmp_path / "none")).empty
    assert main(["cache", "clear", "--dir", str(tmp_path / "none")]) == 0
    out = capsys.readouterr().out
    assert out == f"nothing to remove: there is no cache folder {tmp_path / 'none'}\n"
    assert len(listed(capsys)) == 2  # the other folder was left alone


@pytest.mark.parametrize("days", ["-1", "soon", "nan"])
def test_cache_clear_older_than_needs_a_number_of_days(store, days, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["cache", "clear", "--older-than", days])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"--older-than={days!r}: give a number of days, 0 or more" in err
    assert len(listed(capsys)) == 2


def test_cache_needs_an_action(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["cache"])
    assert exit_info.value.code == 2
    assert "the following arguments are required: ACTION" in capsys.readouterr().err
