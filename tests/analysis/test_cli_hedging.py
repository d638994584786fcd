import json

from analysis.cli import main


def test_modality_matches_on_seed(capsys):
    assert main(["modality", "--matches", "--format", "json", "--quiet"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["lemma"] for r in rows] == ["would", "would", "must", "must", "would", "can", "must"]
    assert {r["sense"] for r in rows if r["lemma"] == "must"} == {"deontic"}


def test_modality_rates_by_docvar(capsys):
    assert main(["modality", "--by", "genre", "--format", "csv", "--quiet"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "group,measure,documents,count,words,rate,rate_low,rate_high,pooled_rate"
    assert out[1].startswith("news report,modals,1,7,")


def test_hedging_matches_and_voice(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Talks may resume. “We will certainly win,” he said.\n", encoding="utf-8")
    assert main(["hedging", str(path), "--matches", "--voice", "quoted", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert ",certainly,certainly,booster," in lines[1]


def test_hedging_rates(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Perhaps it may rain. It will clearly rain.\n", encoding="utf-8")
    assert main(["hedging", str(path), "--format", "json"]) == 0
    rows = {r["measure"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["hedges"]["count"] == 2
    assert rows["boosters"]["count"] == 1
    assert rows["hedges"]["words"] == 8


def test_bad_options(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Maybe.\n", encoding="utf-8")
    assert main(["hedging", str(path), "--by", "country"]) == 2
    assert "country" in capsys.readouterr().err
    assert main(["hedging", str(path), "--lexicon", "nonsense"]) == 2
    assert main(["hedging", str(tmp_path / "missing")]) == 1


def test_matches_carry_the_by_docvar_and_say_min_words_is_for_rates(capsys):
    assert main(["modality", "--matches", "--by", "genre", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    header = out.splitlines()[0].split(",")
    assert header[:2] == ["doc_id", "genre"] and len(out.splitlines()) == 8  # 7 modals
    assert main(["modality", "--matches", "--min-words", "50", "--format", "csv"]) == 0
    assert "--min-words applies to rates" in capsys.readouterr().err
    # as without --matches (a usage error), and before the pass over the corpus
    assert main(["hedging", "--matches", "--by", "nope"]) == 2
    assert "--by='nope' is not a docvar of this corpus; docvars are: title, genre" in (
        capsys.readouterr().err
    )
    assert main(["hedging", "--matches", "--by", "Genre"]) == 2
    assert "did you mean 'genre'? docvars are: title, genre" in capsys.readouterr().err
    assert main(["modality", "--matches", "--by", "doc_id", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("doc_id,sent_id")
