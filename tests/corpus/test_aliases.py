"""Alias tables: canonical names, versions that name their contents, conflicting rows."""

from __future__ import annotations

import pytest

from corpus import CorpusError
from corpus.aliases import ALIASES_VERSION, Aliases


def write(tmp_path, name: str, rows: str):
    path = tmp_path / name
    path.write_text("variant,canonical\n" + rows, encoding="utf-8")
    return path


def test_a_table_of_ones_own_is_named_by_its_contents(tmp_path):
    gorby = Aliases.read(write(tmp_path, "a.csv", "Gorbachev,Gorby\n"))
    other = Aliases.read(write(tmp_path, "b.csv", "Gorbachev,Mikhail Gorbachev\n"))
    again = Aliases.read(write(tmp_path, "sub.csv", "# a comment\n\nGorbachev,Gorby\n"))

    assert gorby.version.startswith("file:a.csv@") and len(gorby.digest()) == 16
    assert gorby.digest() != other.digest()
    assert gorby.digest() == again.digest()  # same pairs, same name part
    assert Aliases({"Gorbachev": "Gorby"}).version == f"custom@{gorby.digest()}"
    assert Aliases.default().version == ALIASES_VERSION
    # a table of one's own cannot pass for the shipped one
    assert Aliases({"Gorbachev": "Gorby"}, version=ALIASES_VERSION).version != ALIASES_VERSION


def test_a_variant_mapped_to_two_names_is_an_error_naming_both_lines(tmp_path):
    path = write(tmp_path, "al.csv", "Gorbachev,Mikhail Gorbachev\n# note\nGORBACHEV,Gorby\n")
    with pytest.raises(CorpusError, match=r"lines 2 and 4 map 'GORBACHEV' to two names"):
        Aliases.read(path)
    repeated = Aliases.read(
        write(tmp_path, "ok.csv", "Lavrov,Sergey Lavrov\nLavrov,Sergey Lavrov\n")
    )
    assert repeated.canonical("lavrov") == "Sergey Lavrov"


def test_no_table_a_header_alone_and_place_names_left_apart(tmp_path):
    import corpus

    texts = ["Zelensky met Zelenskiy in Kiev.", "Zelenskyy spoke in Kyiv and Beijing, not Peking."]
    shipped = corpus.from_texts(texts).aliases
    assert shipped.version == "communique-aliases/2"
    assert shipped.canonical("Zelensky") == "Zelenskyy"
    assert shipped.canonical("Kiev") == "Kiev" and shipped.canonical("Peking") == "Peking"
    for off in (False, Aliases.none(), Aliases.read(write(tmp_path, "empty.csv", ""))):
        c = corpus.from_texts(texts, aliases=off)
        assert c.aliases.token_map() == {} and c.aliases.canonical("Zelensky") == "Zelensky"
    assert corpus.from_texts(texts, aliases=False).aliases.version.startswith("none@")
    with pytest.raises(TypeError, match=r"aliases=\{'a': 'b'\} is not valid"):
        corpus.from_texts(texts, aliases={"a": "b"})


def test_rows_counts_cannot_fold_are_warned_of(tmp_path):
    import warnings

    import corpus
    from corpus.aliases import Aliases

    path = tmp_path / "mine.tsv"
    path.write_text(
        "variant\tcanonical\nUSSR\tSoviet Union\ndétente\tdetente\nSergei Lavrov\tSergey Lavrov\n"
        "Gorbachev\tMikhail Gorbachev\n",  # a surname to a full name: a speaker's row
        encoding="utf-8",
    )
    with pytest.warns(UserWarning) as caught:
        table = Aliases.read(path)
    assert len(caught) == 1
    assert str(caught[0].message).startswith(
        "mine.tsv: 1 alias rows map one word to several words or several to one "
        "('USSR' -> 'Soviet Union'); they name speakers, but word counts fold only rows"
    )
    assert table.token_map() == {"détente": "detente"}  # the row counts can use
    with pytest.warns(UserWarning, match="1 alias rows map one word to several"):
        c = corpus.from_texts(["The USSR and détente."], aliases=path)
    assert c.aliases.canonical("USSR") == "Soviet Union"  # a speaker's name, still
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Aliases.default()  # the shipped table maps names of people: nothing to warn of
