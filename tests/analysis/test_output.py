"""write_table / save_figure: byte-identical files and a provenance record beside each."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import analysis  # noqa: E402
import corpus  # noqa: E402
from analysis.output import provenance_path  # noqa: E402
from analysis.provenance import attach, scrub_path, shown_calls  # noqa: E402


def _rates_table(tmp_path: Path) -> pd.DataFrame:
    c = corpus.from_texts(
        ["We may act. It could rain.", "We must act now.", "Perhaps it will pass."],
        docvars={"country": ["A", "B", "A"]},
    )
    table = pd.DataFrame(
        {"group": ["A", "B"], "rate": [1 / 3, 2 / 3], "rate_low": [0.1, np.nan], "count": [1, 2]}
    )
    # A path given as a parameter must not leak into the record.
    return attach(table, "stat_example", {"by": "country", "lexicon": tmp_path / "mine.toml"}, c)


def _build(table: pd.DataFrame, out: Path) -> list[Path]:
    paths = [
        analysis.write_table(table, out / f"rates.{ext}") for ext in ("csv", "json", "parquet")
    ]
    with analysis.house_style():
        fig, ax = plt.subplots()
        ax.errorbar([0, 1], table["rate"], yerr=0.05, label="rate")
        ax.bar([0, 1], table["count"], hatch="//", alpha=0.3)
        ax.set_title("Rates — Ünited")
        ax.legend()
    paths += [
        analysis.save_figure(ax, out / f"rates.{ext}", table=table) for ext in ("png", "svg", "pdf")
    ]
    plt.close(fig)
    return paths


def test_same_table_and_figure_twice_give_identical_bytes(tmp_path):
    table = _rates_table(tmp_path)
    first = _build(table, tmp_path / "a")
    second = _build(table, tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
        assert provenance_path(a).read_bytes() == provenance_path(b).read_bytes(), a.name


def test_figures_are_identical_across_processes(tmp_path):
    # Ids and font subsets must not depend on the process (hash seeds, object ids).
    script = (
        "import matplotlib; matplotlib.use('Agg'); import sys, matplotlib.pyplot as plt, analysis\n"
        "with analysis.house_style():\n"
        "    fig, ax = plt.subplots(); ax.plot([1, 2], [3, 1]); ax.set_title('Peace')\n"
        "for ext in ('png', 'svg', 'pdf'):\n"
        "    analysis.save_figure(fig, sys.argv[1] + '/f.' + ext)\n"
    )
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        subprocess.run([sys.executable, "-c", script, str(tmp_path / name)], check=True)
    for ext in ("png", "svg", "pdf"):
        assert (tmp_path / "a" / f"f.{ext}").read_bytes() == (
            tmp_path / "b" / f"f.{ext}"
        ).read_bytes()


def test_csv_keeps_full_precision_and_no_row_numbers(tmp_path):
    path = analysis.write_table(_rates_table(tmp_path), tmp_path / "t.csv")
    assert path.read_text() == (
        "group,rate,rate_low,count\nA,0.3333333333333333,0.1,1\nB,0.6666666666666666,,2\n"
    )
    assert pd.read_csv(path)["rate"].tolist() == _rates_table(tmp_path)["rate"].tolist()
    rounded = analysis.write_table(_rates_table(tmp_path), tmp_path / "r.csv", float_format="%.6g")
    assert rounded.read_text() == "group,rate,rate_low,count\nA,0.333333,0.1,1\nB,0.666667,,2\n"


@pytest.mark.filterwarnings("ignore:write_table.*no provenance record:UserWarning")
def test_meaningful_index_is_written(tmp_path):
    table = pd.DataFrame({"n": [1, 2]}, index=pd.Index(["RUS", "USA"], name="country"))
    assert (
        analysis.write_table(table, tmp_path / "t.csv").read_text() == "country,n\nRUS,1\nUSA,2\n"
    )
    records = json.loads(analysis.write_table(table, tmp_path / "t.json").read_text())
    assert records == [{"country": "RUS", "n": 1}, {"country": "USA", "n": 2}]


def test_json_and_parquet_round_trip(tmp_path):
    table = _rates_table(tmp_path)
    records = json.loads(analysis.write_table(table, tmp_path / "t.json").read_text())
    assert records[1] == {"group": "B", "rate": 2 / 3, "rate_low": None, "count": 2}
    back = pd.read_parquet(analysis.write_table(table, tmp_path / "t.parquet"))
    pd.testing.assert_frame_equal(back.reset_index(drop=True), table.reset_index(drop=True))
    import pyarrow.parquet as pq

    meta = pq.read_schema(tmp_path / "t.parquet").metadata
    assert json.loads(meta[b"communique.provenance"])["function"] == "analysis.stat_example"


def test_sidecar_record_names_corpus_function_parameters_versions_and_no_paths(tmp_path):
    table = _rates_table(tmp_path)
    path = analysis.write_table(table, tmp_path / "t.csv")
    text = provenance_path(path).read_text()
    record = json.loads(text)
    assert path.name + ".provenance.json" == provenance_path(path).name
    assert record["function"] == "analysis.stat_example"
    assert record["parameters"] == {"by": "country", "lexicon": "mine.toml"}
    assert re.fullmatch(r"[0-9a-f]{64}", record["corpus"]["fingerprint"])
    assert record["corpus"]["documents"] == 3
    assert set(record["corpus"]["versions"]) >= {"normalizer", "tokenizer"}
    assert set(record["packages"]) >= {"communique", "nltk", "pandas", "matplotlib"}
    assert record["output"]["file"] == "t.csv"
    assert record["output"]["rows"] == 2
    assert str(tmp_path) not in text
    assert str(Path.home()) not in text
    assert not re.search(r'"/', text), "no absolute path in the record"


def _png_text_chunks(data: bytes) -> dict[str, str]:
    chunks, pos = {}, 8
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\x00")
            chunks[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt":
            key, _, value = body.partition(b"\x00")
            chunks[key.decode("latin-1")] = zlib.decompress(value[1:]).decode("latin-1")
        pos += 12 + length
    return chunks


def test_figures_embed_the_record(tmp_path):
    table = _rates_table(tmp_path)
    png, svg, pdf = _build(table, tmp_path)[3:]
    fingerprint = table.attrs["provenance"]["corpus"]["fingerprint"]
    chunks = _png_text_chunks(png.read_bytes())
    assert chunks["Software"] == "communique"
    assert json.loads(chunks["provenance"])["corpus"]["fingerprint"] == fingerprint
    svg_text = svg.read_text()
    assert fingerprint in svg_text and "<dc:date>" not in svg_text
    assert fingerprint.encode() in pdf.read_bytes()
    assert b"CreationDate" not in pdf.read_bytes()
    sidecar = json.loads(provenance_path(svg).read_text())
    assert sidecar["corpus"]["fingerprint"] == fingerprint
    assert sidecar["output"]["format"] == "svg"


def test_a_figure_records_the_plot_calls_that_drew_it(tmp_path):
    c = corpus.from_texts(
        ["We may act. It could rain.", "We must act now.", "Perhaps it will pass."],
        docvars={"country": ["A", "B", "A"]},
    )
    table = analysis.stat_hedging(c, by="country")
    fig, (left, right) = plt.subplots(1, 2)
    analysis.plot_rates(table, ax=left, measure="hedges")
    analysis.plot_rates(table, ax=right, measure="boosters", max_groups=None)
    path = analysis.save_figure(fig, tmp_path / "panels.png", table=table)
    plt.close(fig)
    plots = json.loads(provenance_path(path).read_text())["plots"]
    assert [(p["function"], p["parameters"]["measure"]) for p in plots] == [
        ("analysis.plot_rates", "hedges"),
        ("analysis.plot_rates", "boosters"),
    ]
    assert plots[0]["parameters"]["max_groups"] == "auto"
    assert plots[1]["parameters"]["max_groups"] is None
    assert json.loads(_png_text_chunks(path.read_bytes())["provenance"])["plots"] == plots
    # what is drawn (a table or a corpus) is recorded apart, not as an option
    ax = analysis.plot_dispersion(c, "peace", order_by="country")
    assert shown_calls(ax.figure)[-1] == {
        "function": "analysis.plot_dispersion",
        "parameters": {"term": "peace", "order_by": "country"},
    }
    plt.close(ax.figure)


@pytest.fixture
def hedging_and_modality():
    c = corpus.from_texts(
        ["We may act. It could rain.", "We must act now.", "Perhaps it will pass."],
        docvars={"country": ["A", "B", "A"]},
    )
    return analysis.stat_hedging(c, by="country"), analysis.stat_modality(c, by="country")


def _saved_record(figure, path) -> dict:
    analysis.save_figure(figure, path)
    plt.close(figure)
    return json.loads(provenance_path(path).read_text())


@pytest.mark.parametrize("clear", ["clear", "cla"])
def test_a_cleared_axes_takes_its_plot_calls_out_of_the_record(
    hedging_and_modality, tmp_path, clear
):
    hedging, modality = hedging_and_modality
    fig, ax = plt.subplots()
    analysis.plot_modality(modality, ax=ax)
    analysis.plot_rates(hedging, ax=ax, measure="hedges")
    getattr(ax, clear)()
    analysis.plot_hedging(hedging, ax=ax, max_groups=None)
    record = _saved_record(fig, tmp_path / "f.png")
    assert record["plots"] == [
        {"function": "analysis.plot_hedging", "parameters": {"max_groups": None}}
    ]
    assert record["function"] == "analysis.stat_hedging"
    # cleared and drawn on by hand: neither the calls nor their table's record are left
    fig, ax = plt.subplots()
    analysis.plot_modality(modality, ax=ax)
    ax.clear()
    ax.plot([1, 2], [2, 1])
    with pytest.warns(UserWarning, match="carries no provenance"):
        record = _saved_record(fig, tmp_path / "g.png")
    assert record["function"] == "analysis.unknown" and "plots" not in record


def test_a_cleared_or_removed_axes_of_a_figure_leaves_the_others_calls(
    hedging_and_modality, tmp_path
):
    hedging, modality = hedging_and_modality
    fig, (left, right) = plt.subplots(1, 2)
    analysis.plot_modality(modality, ax=left)
    analysis.plot_hedging(hedging, ax=right)
    left.remove()
    record = _saved_record(fig, tmp_path / "removed.png")
    assert [p["function"] for p in record["plots"]] == ["analysis.plot_hedging"]
    # fig.clear() / fig.clf(): every Axes goes, and the calls on them
    for clear in ("clear", "clf"):
        fig, ax = plt.subplots()
        analysis.plot_modality(modality, ax=ax)
        getattr(fig, clear)()
        analysis.plot_rates(hedging, ax=fig.add_subplot(), measure="boosters")
        record = _saved_record(fig, tmp_path / f"{clear}.png")
        assert [p["function"] for p in record["plots"]] == ["analysis.plot_rates"]
        assert record["function"] == "analysis.stat_hedging"
    # two calls on one Axes, none cleared: both are still drawn, both recorded
    fig, ax = plt.subplots()
    analysis.plot_rates(hedging, ax=ax, measure="hedges")
    analysis.plot_rates(hedging, ax=ax, measure="boosters")
    ax.lines[0].remove()  # one artist of the first call gone, the rest still drawn
    record = _saved_record(fig, tmp_path / "both.png")
    assert [p["parameters"]["measure"] for p in record["plots"]] == ["hedges", "boosters"]


def test_figure_without_a_record_still_gets_package_versions(tmp_path):
    fig, _ = plt.subplots()
    with pytest.warns(UserWarning, match="save_figure: the figure .* carries no provenance"):
        path = analysis.save_figure(fig, tmp_path / "bare.png")
    plt.close(fig)
    record = json.loads(provenance_path(path).read_text())
    assert record["function"] == "analysis.unknown"
    assert "matplotlib" in record["packages"]


def test_bad_extension_names_the_choices(tmp_path):
    with pytest.raises(ValueError, match=r"path extension='xls'.*'csv'.*'xlsx'"):
        analysis.write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.xls")
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match=r"path extension='jpg'.*'png'"):
        analysis.save_figure(fig, tmp_path / "f.jpg")
    plt.close(fig)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/home/ana/data/ungdc", "ungdc"),
        ("/home/ana/data/ungdc/", "ungdc"),
        ("C:\\Users\\ana\\speeches.csv", "speeches.csv"),
        ("~/corpus", "corpus"),
        ("sample_un", "sample_un"),
        ("country", "country"),
    ],
)
def test_scrub_path(text, expected):
    assert scrub_path(text) == expected


@pytest.mark.filterwarnings("ignore:write_table.*no provenance record:UserWarning")
def test_float32_is_written_as_its_shortest_text(tmp_path):
    table = pd.DataFrame({"x": np.array([0.1, np.nan], dtype=np.float32)})
    records = json.loads(analysis.write_table(table, tmp_path / "t.json").read_text())
    assert records == [{"x": 0.1}, {"x": None}]
    assert analysis.write_table(table, tmp_path / "t.csv").read_text() == 'x\n0.1\n""\n'


def test_xlsx_is_a_workbook_with_the_table_and_the_record(tmp_path):
    import zipfile

    table = _rates_table(tmp_path)
    path = analysis.write_table(table, tmp_path / "t.xlsx")
    assert zipfile.is_zipfile(path)
    back = pd.read_excel(path, engine="openpyxl")
    assert back.columns.tolist() == ["group", "rate", "rate_low", "count"]
    assert back["group"].tolist() == ["A", "B"]
    assert back["rate"].tolist() == [1 / 3, 2 / 3]  # full precision
    assert back["rate_low"].iloc[0] == 0.1 and pd.isna(back["rate_low"].iloc[1])
    assert back["count"].tolist() == [1, 2]
    import openpyxl

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["stat_example"]
    assert book.properties.creator == "communique"
    fingerprint = table.attrs["provenance"]["corpus"]["fingerprint"]
    assert json.loads(book.properties.description)["corpus"]["fingerprint"] == fingerprint
    sidecar = json.loads(provenance_path(path).read_text())
    assert sidecar["output"]["format"] == "xlsx"
    assert sidecar["output"]["rows"] == 2


def test_xlsx_bytes_do_not_depend_on_the_clock(tmp_path, monkeypatch):
    import time
    import zipfile

    table = _rates_table(tmp_path)
    first = analysis.write_table(table, tmp_path / "a.xlsx").read_bytes()
    # The zip entries' dates and the workbook's created/modified would be the clock's.
    real = time.time()
    monkeypatch.setattr(time, "time", lambda: real + 3 * 86400)
    monkeypatch.setattr(time, "localtime", lambda *a: time.gmtime(real + 3 * 86400))
    second = analysis.write_table(table, tmp_path / "b.xlsx")
    assert second.read_bytes() == first
    with zipfile.ZipFile(second) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "dcterms:created" not in core and "dcterms:modified" not in core


@pytest.mark.filterwarnings("ignore:write_table.*no provenance record:UserWarning")
def test_xlsx_cells_hold_lists_as_text(tmp_path):
    table = pd.DataFrame({"doc_id": ["d1"], "terms": [["may", "might"]]})
    back = pd.read_excel(analysis.write_table(table, tmp_path / "t.xlsx"), engine="openpyxl")
    assert back["terms"].tolist() == ['["may", "might"]']


def test_table_json_leaves_the_callers_table_alone():
    import analysis

    table = pd.DataFrame({"x": np.array([0.1], dtype=np.float32)})
    assert '"x": 0.1' in analysis.table_json(table)
    assert table["x"].dtype == np.float32


# --- tables put together from several results -------------------------------------


@pytest.fixture(scope="module")
def two_results():
    c = corpus.from_texts(
        ["We may perhaps act. We must go.", "It will surely rain.", "It could pass."],
        docvars={"country": ["A", "B", "A"]},
    )
    return c, analysis.stat_hedging(c, by="country"), analysis.stat_modality(c, by="country")


def test_a_table_without_a_record_is_written_with_a_warning_saying_what_to_do(
    two_results, tmp_path
):
    _c, hedging, modality = two_results
    for combined in (
        pd.concat([hedging, modality]),
        hedging.merge(modality, on="group"),
        hedging.pivot(index="group", columns="measure", values="rate"),
    ):
        assert "provenance" not in combined.attrs
        with pytest.warns(
            UserWarning,
            match=r"write_table: the table carries no provenance record \(pd.concat, merge and "
            r"pivot drop it\), so t.csv.provenance.json names no function.*pass provenance= "
            r"the source tables",
        ):
            path = analysis.write_table(combined, tmp_path / "t.csv")
        assert json.loads(provenance_path(path).read_text())["function"] == "analysis.unknown"


def test_provenance_takes_a_list_of_the_source_tables(two_results, tmp_path):
    import warnings

    c, hedging, modality = two_results
    combined = pd.concat([hedging, modality], ignore_index=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing to warn about
        table_path = analysis.write_table(
            combined, tmp_path / "t.csv", provenance=[hedging, modality]
        )
        ax = analysis.plot_hedging(hedging)
        figure_paths = [
            analysis.save_figure(ax, tmp_path / f"f{k}.png", provenance=[hedging, modality])
            for k in (1, 2)
        ]
    plt.close("all")
    for path in (table_path, figure_paths[0]):
        record = json.loads(provenance_path(path).read_text())
        assert record["function"] == "analysis.stat_hedging + analysis.stat_modality"
        sources = record["sources"]
        assert [s["function"] for s in sources] == [
            "analysis.stat_hedging",
            "analysis.stat_modality",
        ]
        assert sources[0]["parameters"]["by"] == "country"
        assert sources[1]["lexicons"] == modality.attrs["provenance"]["lexicons"]
        assert {"hedges", "modals"} <= set(record["lexicons"])
        assert record["corpus"]["fingerprint"] == c.fingerprint  # both read one corpus
        assert "matplotlib" in record["packages"]
    embedded = json.loads(_png_text_chunks(figure_paths[0].read_bytes())["provenance"])
    assert [s["function"] for s in embedded["sources"]] == [
        "analysis.stat_hedging",
        "analysis.stat_modality",
    ]
    assert figure_paths[0].read_bytes() == figure_paths[1].read_bytes()  # still deterministic
    # A table for provenance= works as before; a source without a record is named.
    path = analysis.write_table(combined, tmp_path / "h.csv", provenance=hedging)
    assert json.loads(provenance_path(path).read_text())["function"] == "analysis.stat_hedging"
    with pytest.warns(UserWarning, match=r"provenance\[1\] carries no provenance record"):
        analysis.write_table(combined, tmp_path / "u.csv", provenance=[hedging, combined])
    with pytest.raises(ValueError, match=r"provenance\[0\] is a str; provenance= takes a list"):
        analysis.write_table(combined, tmp_path / "x.csv", provenance=["hedging"])
    with pytest.raises(ValueError, match="provenance=str is not valid; give a result table"):
        analysis.save_figure(ax, tmp_path / "x.png", provenance="hedging")


def test_two_corpora_leave_the_corpus_to_each_source(two_results, tmp_path):
    _c, hedging, _modality = two_results
    other = analysis.stat_hedging(corpus.from_texts(["We may go."]), by=None)
    path = analysis.write_table(
        pd.concat([hedging, other]), tmp_path / "t.json", provenance=[hedging, other]
    )
    record = json.loads(provenance_path(path).read_text())
    assert "corpus" not in record
    fingerprints = [s["corpus"]["fingerprint"] for s in record["sources"]]
    assert len(set(fingerprints)) == 2
