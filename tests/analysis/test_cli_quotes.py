import json

import pytest

from analysis.cli import main


def test_quoting_rates_by_docvar(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("“We will not yield,” Elena Marsh said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks resumed. It was a “red line”.\n", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\na.txt,A\nb.txt,B\n", encoding="utf-8")
    args = ["quotes", str(tmp_path), "--rates", "--by", "outlet", "--format", "json", "--quiet"]
    assert main(args) == 0
    rows = json.loads(capsys.readouterr().out)
    counts = {(r["group"], r["measure"]): (r["count"], r["words"]) for r in rows}
    assert counts[("A", "quotes")] == (1, 7)
    assert counts[("A", "attributed")] == (1, 7)
    assert counts[("B", "quotes")] == (0, 7)
    assert counts[("B", "fragments")] == (1, 7)
    assert counts[("A", "quoted_words")] == (4, 7)


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--by", "outlet"], "--by is for quoting rates"),
        (["--min-words", "50"], "--min-words is for quoting rates"),
        (["--rates", "--kind", "direct"], "--rates counts"),
    ],
)
def test_quote_rows_and_rates_options_do_not_mix(tmp_path, capsys, extra, message):
    (tmp_path / "a.txt").write_text("“We will not yield,” Elena Marsh said.\n", encoding="utf-8")
    assert main(["quotes", str(tmp_path / "a.txt"), *extra]) == 2
    assert message in capsys.readouterr().err
