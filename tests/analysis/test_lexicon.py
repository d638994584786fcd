import hashlib

import pytest

from analysis import list_lexicons, load_lexicon
from analysis.lexicon import LexiconError


def test_shipped_hedge_and_modal_lexicons_are_listed():
    table = list_lexicons()
    rows = table.set_index("id")
    assert rows.loc["hedges", "version"] == "1"
    assert rows.loc["modals", "version"] == "1"
    assert rows.loc["modals", "items"] == 18


@pytest.mark.parametrize("name", ["hedges", "modals"])
def test_every_item_has_category_source_and_notes_field(name):
    lex = load_lexicon(name)
    assert lex.citation and lex.changelog and lex.licence
    for column in ("term", "category", "subcategory", "source", "notes"):
        assert column in lex.items.columns
    assert (lex.items["source"].str.len() > 0).all()


def test_hedge_lexicon_content():
    items = load_lexicon("hedges@1").items
    assert set(items["category"]) == {"hedge", "booster"}
    terms = set(items["term"])
    for term in ("it seems", "we believe", "in my view", "there is no doubt", "perhaps", "may"):
        assert term in terms
    assert not items.duplicated(["term", "category", "subcategory"]).any()


def test_modal_lexicon_strengths_follow_halliday():
    items = load_lexicon("modals").items.set_index("term")
    assert items.loc["must", "strength"] == "high"
    assert items.loc["will", "strength"] == "median"
    assert items.loc["may", "strength"] == "low"
    assert items.loc["cannot", "lemma"] == "can"
    assert bool(items.loc["cannot", "negated"]) is True
    assert set(items["sense"]) <= {"epistemic", "deontic", "dynamic"}
    expected = {
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "will",
        "would",
        "ought to",
        "have to",
        "need to",
        "be able to",
        "be going to",
        "be supposed to",
        "be allowed to",
    }
    assert expected <= set(items["lemma"])


def test_unknown_lexicon_names_the_value():
    with pytest.raises(LexiconError, match="nonsense"):
        load_lexicon("nonsense")
    with pytest.raises(LexiconError, match="hedges@9") as raised:
        load_lexicon("hedges@9")
    # the versions that exist, so the user can pick one
    assert "hedges@1" in str(raised.value) and "comparison_triggers@2" in str(raised.value)


def _write_lexicon(path, term: str) -> None:
    path.write_text(
        '[lexicon]\nid = "mine"\nversion = "1"\nlicence = "CC0"\ncitation = "me"\n'
        f'changelog = "first"\n\n[[item]]\nterm = "{term}"\ncategory = "hedge"\n',
        encoding="utf-8",
    )


def test_a_lexicon_loaded_again_is_parsed_once_but_read_each_time(tmp_path):
    path = tmp_path / "mine.toml"
    _write_lexicon(path, "perhaps")
    first = load_lexicon(path)
    first.items.loc[0, "term"] = "changed by a caller"
    again = load_lexicon(path)
    assert again.items["term"].tolist() == ["perhaps"]  # the caller's change stays its own
    assert again.sha256 == first.sha256 and again.label == "mine@1"
    _write_lexicon(path, "maybe")
    edited = load_lexicon(path)
    assert edited.items["term"].tolist() == ["maybe"]
    assert edited.sha256 != first.sha256


def _readme_lexicon() -> str:
    """The TOML block of the README's "Your own lexicon" paragraph."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index("**Your own lexicon**") :]
    return after.split("```toml\n", 1)[1].split("```", 1)[0]


def test_the_readmes_own_lexicon_loads_and_counts_in_context(tmp_path):
    import analysis

    path = tmp_path / "my_hedges.toml"
    path.write_text(_readme_lexicon(), encoding="utf-8")
    assert load_lexicon(path).id == "my_hedges"
    text = (
        "Perhaps the talks might resume in May. We firmly believe that they will. "
        "We believe in dialogue. Clearly, military might is no answer."
    )
    rows = analysis.find_hedges(text, lexicon=str(path))
    # "might" of military might, "believe in" (faith): no match; the month is no "may"
    # item here at all.
    assert rows[["match", "category"]].values.tolist() == [
        ["Perhaps", "hedge"],
        ["might", "hedge"],
        ["We firmly believe", "hedge"],
        ["Clearly", "booster"],
    ]
    record = rows.attrs["provenance"]
    assert record["parameters"]["lexicon"] == "my_hedges@1"
    assert record["lexicon_sha256"]["my_hedges"] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_lexicon_header_says_what_it_lacks_and_gives_an_example(tmp_path):
    path = tmp_path / "bare.toml"
    path.write_text('[lexicon]\nid = "x"\nversion = "1"\n', encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    message = str(info.value)
    assert "[lexicon] lacks licence, citation, changelog" in message
    assert 'licence = "CC-BY-4.0"' in message and "Your own lexicon" in message
    path.write_text(
        '[lexicon]\nid = "x"\nversion = "1"\nlicence = "CC0"\ncitation = 5\nchangelog = "1"\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"citation must be text or a list of text, got 5"):
        load_lexicon(path)
