from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import from_texts, read_corpus


def test_corpus_access_and_iteration(fixtures):
    c = read_corpus(fixtures / "un_layout")
    assert len(c) == 4
    assert [d.doc_id for d in c] == c.doc_ids
    assert c["XWS_49_1994"].meta["country"] == "XWS"
    assert "XWS_49_1994" in c
    with pytest.raises(KeyError, match="no document with doc_id='XXX'"):
        c["XXX"]


def test_subset_by_values_ranges_and_mask(fixtures):
    c = read_corpus(fixtures / "un_layout")
    assert c.subset(country="XNR").doc_ids == ["XNR_49_1994", "XNR_50_1995"]
    assert c.subset(country=["XGA", "XWS"], year=range(1994, 1995)).doc_ids == ["XWS_49_1994"]
    assert c.subset(lambda dv: dv["session"] > 49).doc_ids == ["XGA_50_1995", "XNR_50_1995"]
    sub = c.subset(country="XGA")
    assert sub.docvars.index.tolist() == ["XGA_50_1995"]
    assert sub.report["doc_id"].tolist() == ["XGA_50_1995"]
    with pytest.raises(ValueError, match="no docvar 'nation'; docvars are: country, session"):
        c.subset(nation="XGA")
    with pytest.raises(ValueError, match="no docvar 'Country'; did you mean 'country'?"):
        c.subset(Country="XGA")
    with pytest.raises(ValueError, match="no docvar 'docid'; did you mean 'doc_id'?"):
        c.subset(docid="XGA_50_1995")


def test_subset_value_of_another_docvar_names_that_docvar():
    c = from_texts(
        ["a", "b", "c"],
        docvars={
            "country": ["XNO", "XVR", "XNO"],
            "country_name": ["Nordhavn", "Verdania", "Nordhavn"],
        },
    )
    with pytest.raises(ValueError) as caught:
        c.subset(country="Nordhavn")
    assert str(caught.value) == (
        "subset: no document has country='Nordhavn'; country values are like: 'XNO', 'XVR'; "
        "'Nordhavn' is a value of the docvar country_name: select by country_name"
    )
    with pytest.raises(ValueError, match="'Verdania' is a value of the docvar country_name"):
        c.subset(country=["XNO", "Verdania"])
    with pytest.raises(ValueError) as caught:
        c.subset(country="Atlantis")  # found nowhere: no such hint
    assert "is a value of the docvar" not in str(caught.value)


def test_fingerprint_is_stable_across_reads(fixtures):
    a = read_corpus(fixtures / "un_layout")
    b = read_corpus(fixtures / "un_layout")
    assert a.fingerprint == b.fingerprint
    assert len(a.fingerprint) == 64


@given(st.text(min_size=1, max_size=30).filter(lambda t: t.strip()), st.integers(1900, 2100))
def test_fingerprint_changes_with_any_edit(text, year):
    base = from_texts(["Peace now.", "War never."], docvars={"year": [1990, 1991]})
    edited_text = from_texts(["Peace now.", "War never. " + text], docvars={"year": [1990, 1991]})
    assert edited_text.fingerprint != base.fingerprint
    if year != 1991:
        edited_meta = from_texts(["Peace now.", "War never."], docvars={"year": [1990, year]})
        assert edited_meta.fingerprint != base.fingerprint


def test_versions_are_recorded():
    c = from_texts(["x"])
    assert c.versions["normalizer"] == "communique-norm/12"
    assert c.versions["tokenizer"] == "communique-tok/1"


def test_documents_are_immutable():
    doc = next(iter(from_texts(["Peace."])))
    with pytest.raises(AttributeError):
        doc.text = "War."
    with pytest.raises(TypeError):
        doc.meta["x"] = 1


def test_subset_by_doc_id():
    c = from_texts({"USA_1": "a b", "FRA_1": "c d", "Côte_1": "e"}, docvars={"year": [1, 2, 3]})
    assert c.subset(doc_id="FRA_1").doc_ids == ["FRA_1"]
    assert c.subset(doc_id=["Côte_1", "USA_1"], year=range(1, 3)).doc_ids == ["USA_1"]
    with pytest.raises(ValueError, match=r"no document has doc_id='GBR_1'"):
        c.subset(doc_id="GBR_1")
    with pytest.raises(ValueError, match=r"docvars are: year \(and doc_id selects by id\)"):
        c.subset(docid="USA_1")


def test_subset_value_that_matches_nothing_is_an_error():
    c = from_texts(["a b", "c d"], docvars={"year": [1990, 1991], "country": ["XNR", "XWS"]})
    assert len(c.subset(year=1990)) == 1
    with pytest.raises(
        ValueError,
        match=r"no document has year='1990'; year values are like: 1990, 1991; year holds "
        r"numbers: give numbers, not text such as '1990'",
    ):
        c.subset(year="1990")
    with pytest.raises(ValueError, match=r"year holds numbers"):
        c.subset(year=["1990", "1991"])
    flags = from_texts(["a", "b"], docvars={"official": [True, False]})
    with pytest.raises(ValueError) as caught:
        flags.subset(official="yes")
    assert "holds numbers" not in str(caught.value)  # booleans are no numbers here
    with pytest.raises(ValueError, match=r"country='rus'.*'XNR', 'XWS'"):
        c.subset(country="rus")
    assert len(c.subset(country=["XNR", "XWS"])) == 2  # any of them


def test_subset_list_with_a_value_that_matches_nothing_names_that_value():
    c = from_texts(
        ["a", "b", "c"],
        docvars={"country": ["USA", "France", "RUS"], "year": [1990, 1991, 1992]},
    )
    with pytest.raises(ValueError) as caught:
        c.subset(country=["USA", "Frnace"])
    assert str(caught.value) == (
        "subset: no document has country='Frnace' (asked among country=['USA', 'Frnace']); "
        "did you mean country=['USA', 'France']? country values are like: 'USA', 'France', "
        "'RUS'; each value of a list must match some document: leave out those that match "
        "none (a range of numbers may have gaps)"
    )
    with pytest.raises(ValueError) as caught:
        c.subset(country={"USA", "XYZ", "Itlay"})  # a set: named in sorted order
    assert str(caught.value).startswith(
        "subset: no document has country='Itlay' or 'XYZ' (asked among country=['Itlay', "
        "'USA', 'XYZ']); country values are like:"
    )
    with pytest.raises(ValueError, match=r"year='1991' .*give numbers, not text such as '1991'"):
        c.subset(year=[1990, "1991"])
    with pytest.raises(
        ValueError, match=r"no document has year=1995 \(asked among year=\[1990, 1995\]\)"
    ):
        c.subset(year=np.array([1990, 1995]))
    # A range is a span of numbers, gaps and all: years without documents are no error.
    assert c.subset(year=range(1985, 1991)).doc_ids == ["doc1"]
    assert c.subset(country=("RUS", "USA")).doc_ids == ["doc1", "doc3"]


def test_subset_suggests_the_value_spelled_alike_as_check_choice_does():
    c = from_texts(["a", "b", "c"], docvars={"country": ["USA", "RUS", "FRA"]})
    with pytest.raises(ValueError) as caught:
        c.subset(country="usa")
    assert str(caught.value) == (
        "subset: no document has country='usa'; did you mean country='USA'? country values "
        "are like: 'USA', 'RUS', 'FRA'"
    )
    with pytest.raises(ValueError, match=r"did you mean country=\['USA', 'XYZ'\]\?"):
        c.subset(country=["usa", "XYZ"])  # each value spelled as the corpus spells it
    with pytest.raises(ValueError) as caught:
        c.subset(country="XYZ")
    assert "did you mean" not in str(caught.value)  # nothing alike: no guess


def test_subset_folds_the_values_asked_as_docvars_were_folded():
    c = from_texts(
        ["a", "b", "c"], docvars={"country": ["C\u00f4te d\u2019Ivoire", "Chad", "Mali"]}
    )
    assert c.docvars["country"].tolist() == ["C\u00f4te d'Ivoire", "Chad", "Mali"]
    assert (
        c.subset(country="C\u00f4te d\u2019Ivoire ").doc_ids
        == c.subset(country="C\u00f4te d'Ivoire").doc_ids
    )
    assert len(c.subset(country=["Co\u0302te d\u2019Ivoire", "Chad"])) == 2  # decomposed accent too


def test_subset_with_missing_values_and_arrays():
    import numpy as np

    c = from_texts(["a", "b", "c"], docvars={"year": [1990, 1991, np.nan]})
    assert len(c.subset(year=1990)) == 1  # a missing year is simply not 1990
    assert len(c.subset(year=np.array([1990, 1991]))) == 2
    with pytest.raises(ValueError, match=r"where=lambda dv: dv\['year'\]\.isna\(\)"):
        c.subset(year=None)


def test_subset_where_may_return_an_array():
    c = from_texts(["a", "b", "c"], docvars={"year": [1990, 1991, 1992]})
    assert c.subset(where=lambda dv: dv["year"].to_numpy() > 1990).doc_ids == ["doc2", "doc3"]


def test_a_bad_choice_suggests_the_choice_spelled_alike_and_summarises_long_lists():
    from corpus.errors import check_choice

    with pytest.raises(ValueError, match=r"did you mean 'USA'\? Choose one of: 'RUS', 'USA'$"):
        check_choice("target", "usa", ["RUS", "USA"])
    with pytest.raises(ValueError, match=r"did you mean 'authorial'\?"):
        check_choice("voice", "autorial", ["authorial", "quoted", "all"])
    codes = [f"C{i:03d}" for i in range(186)]
    with pytest.raises(ValueError, match=r"'C019', \.\.\. \(186 in all\)$") as error:
        check_choice("target", "nowhere", codes)
    assert "did you mean" not in str(error.value)


def test_a_documents_docvars_are_its_meta():
    doc = from_texts(["We must act."], docvars={"country": ["FRA"]})["doc1"]
    assert doc.docvars is doc.meta and doc.docvars["country"] == "FRA"


def test_with_docvars_adds_a_derived_grouping_to_the_corpus_and_its_documents():
    c = from_texts(
        ["We may act. It is clear.", "Peace.", "War."], docvars={"year": [1985, 1995, 1999]}
    )
    assert len(c["doc1"].sentences) == 2  # computed before: kept
    era = c.with_docvars(
        era=lambda dv: ["cold war" if y < 1991 else "after" for y in dv["year"]],
        label={"doc1": " C\u00f4te d\u2019Ivoire", "doc3": "x"},  # doc2 left out: missing
        session=["40", "50", "54"],  # numbers written as text become numbers
        source="UN",
    )
    assert era.docvars["era"].tolist() == ["cold war", "after", "after"]
    assert era["doc2"].docvars["era"] == "after" and era["doc1"].meta["source"] == "UN"
    assert era.docvars["label"].tolist()[0] == "C\u00f4te d'Ivoire"
    assert era.docvars["label"].isna().tolist() == [False, True, False]
    assert era.docvars["session"].tolist() == [40, 50, 54]
    assert "era" not in c.docvars  # the corpus itself is unchanged
    assert era.fingerprint != c.fingerprint and era.texts() == c.texts()
    assert era["doc1"].__dict__["sentences"] == c["doc1"].sentences
    assert era.subset(era="after").doc_ids == ["doc2", "doc3"]


def test_with_docvars_refuses_values_that_do_not_fit():
    c = from_texts(["a", "b"])
    with pytest.raises(ValueError, match="period has 3 values but the corpus has 2 documents"):
        c.with_docvars(period=[1, 2, 3])
    with pytest.raises(ValueError, match="doc_id"):
        c.with_docvars(doc_id=["x", "y"])


def test_a_corpus_remembers_how_it_was_selected_and_derived():
    c = from_texts(["a", "b", "c"], docvars={"year": [1985, 1995, 1999], "g": ["A", "B", "A"]})

    def recent(dv):
        return dv["year"] > 1990

    s = c.subset(g={"B", "A"}).with_docvars(era=lambda dv: ["x"] * len(dv)).subset(where=recent)
    assert c.lineage == ()
    assert s.lineage == (
        "subset(g=['A', 'B'])",
        "with_docvars(era=<function <lambda>>)",
        "subset(where=<function recent>)",
    )


def test_with_docvars_refuses_a_mapping_keyed_by_something_else_and_reads_a_generator_once():
    c = from_texts(["a.", "b.", "c."], docvars={"country": ["USA", "FRA", "FRA"]})
    regions = {"USA": "Americas", "FRA": "Europe"}
    with pytest.raises(ValueError, match=r"keyed by 'USA', 'FRA', which are no doc_ids.*\.map"):
        c.with_docvars(region=regions)
    mapped = c.with_docvars(region=lambda dv: dv["country"].map(regions))
    assert mapped.docvars["region"].tolist() == ["Americas", "Europe", "Europe"]
    flags = c.with_docvars(usa=(country == "USA" for country in ["USA", "FRA", "FRA"]))
    assert flags.docvars["usa"].tolist() == [True, False, False]
    assert flags.lineage == ("with_docvars(usa=[True, False, False])",)  # no memory address
    many = from_texts(["x."] * 30).with_docvars(n=list(range(30)))
    assert many.lineage == ("with_docvars(n=<30 values>)",)


def _readme_recipe(title: str) -> str:
    """The Python block under the README paragraph that starts with ``**title**``."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index(f"**{title}**") :]
    return after.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_readme_recipe_groups_by_year_or_month_of_a_date(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news.csv").write_text(
        "id,date,text\n"
        "a,2024-03-01,We may well agree.\n"
        "b,2024-03-28,We must act.\n"
        "c,2025-01-02T10:00:00+01:00,It is certain.\n"
        "d,,No date is known.\n",
        encoding="utf-8",
    )
    import analysis
    import corpus

    names = {"corpus": corpus, "analysis": analysis}
    exec(_readme_recipe("Group by year or month of a date."), names)
    c = names["c"]
    assert c.docvars["year"].tolist() == [2024, 2024, 2025, pd.NA]
    assert c.docvars["year"].dtype == "Int64"
    assert c.docvars["month"].tolist()[:3] == ["2024-03", "2024-03", "2025-01"]
    assert c["d"].docvars["month"] is None
    hedges = analysis.stat_hedging(c, by="month")
    hedges = hedges[hedges["measure"] == "hedges"].set_index("group")["documents"]
    assert hedges.to_dict() == {"2024-03": 2, "2025-01": 1, "(missing)": 1}
    years = analysis.stat_hedging(c, by="year")
    assert years[years["measure"] == "hedges"]["group"].tolist() == ["2024", "2025", "(missing)"]
