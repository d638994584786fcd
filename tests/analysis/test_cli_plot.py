"""`--plot FILE`: the table a command prints, drawn as a notebook would draw it."""

import json

import matplotlib
import pytest

import analysis
import corpus
from analysis.cli import main

matplotlib.use("Agg")

TEXTS = {
    "a1.txt": "Perhaps the talks may resume. We might agree, as in 1945.",
    "a2.txt": "It seems the deal could perhaps hold. “It may work,” Ms. Lind said.",
    "b1.txt": "The talks will resume. We must agree now, like a family.",
    "b2.txt": "Clearly the plan works. “We must act,” Mr. Osei said.",
}


@pytest.fixture
def folder(tmp_path):
    # Beside the figures, not around them: a figure in the corpus folder would be read.
    texts = tmp_path / "corpus"
    texts.mkdir()
    for name, text in TEXTS.items():
        (texts / name).write_text(text, encoding="utf-8")
    rows = ["file,outlet", *(f"{name},{name[0].upper()}" for name in TEXTS)]
    (texts / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return texts


def _notebook_figure(table, draw, path):
    """The figure a notebook saves: the same table, plot_* function and save_figure."""
    ax = draw(table)
    analysis.save_figure(ax, path, table=table)
    matplotlib.pyplot.close(ax.figure)
    return path.read_bytes()


@pytest.mark.parametrize(
    ("command", "compute", "draw"),
    [
        (["hedging"], lambda c: analysis.stat_hedging(c, by="outlet"), analysis.plot_hedging),
        (["modality"], lambda c: analysis.stat_modality(c, by="outlet"), analysis.plot_modality),
        (
            ["comparisons"],
            lambda c: analysis.stat_comparisons(c, by="outlet"),
            analysis.plot_comparisons,
        ),
        (
            ["quotes", "--rates"],
            lambda c: analysis.stat_quoting(c, by="outlet"),
            analysis.plot_rates,
        ),
    ],
)
def test_plot_is_the_notebooks_figure_byte_for_byte(folder, tmp_path, command, compute, draw):
    path = tmp_path / "cli.png"
    assert main([*command, str(folder), "--by", "outlet", "--plot", str(path), "--quiet"]) == 0
    expected = _notebook_figure(compute(corpus.read_corpus(folder)), draw, tmp_path / "nb.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.read_bytes() == expected
    record = json.loads((tmp_path / "cli.png.provenance.json").read_text(encoding="utf-8"))
    assert record["plots"][0]["function"] == f"analysis.{draw.__name__}"


def test_compare_and_keywords_draw_their_tables(folder, tmp_path, capsys):
    compare_png, keywords_svg = tmp_path / "compare.png", tmp_path / "keywords.svg"
    args = ["compare", str(folder), "hedges", "--by", "outlet", "--plot", str(compare_png)]
    assert main(args) == 0
    assert capsys.readouterr().err.strip() == f"note: figure written to {compare_png}"
    table = analysis.compare(corpus.read_corpus(folder), "hedges", by="outlet")
    assert compare_png.read_bytes() == _notebook_figure(
        table, analysis.plot_rates, tmp_path / "nb.png"
    )
    args = ["keywords", str(folder), "--by", "outlet", "--target", "A"]
    assert main([*args, "--plot", str(keywords_svg), "--quiet"]) == 0
    assert keywords_svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    record = json.loads((tmp_path / "keywords.svg.provenance.json").read_text(encoding="utf-8"))
    assert record["function"] == "analysis.stat_keyness"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["hedging", "--matches"], "--plot draws rates; leave out --matches"),
        (["modality", "--matches"], "--plot draws rates; leave out --matches"),
        (["comparisons", "--matches"], "--plot draws rates; leave out --matches"),
        (["quotes"], "--plot draws quoting rates: add --rates"),
    ],
)
def test_plot_is_refused_where_there_is_no_figure(folder, tmp_path, capsys, args, message):
    path = tmp_path / "x.png"
    assert main([*args, str(folder), "--plot", str(path)]) == 2
    assert message in capsys.readouterr().err
    assert not path.exists()


def test_plot_names_the_figure_formats_before_any_work(folder, capsys):
    with pytest.raises(SystemExit):
        main(["hedging", str(folder), "--plot", "figure.jpg"])
    err = capsys.readouterr().err
    assert "unknown extension '.jpg' in 'figure.jpg'; valid: .png, .svg, .pdf" in err


def test_plot_into_a_file_that_is_a_folder_is_a_data_error(folder, tmp_path, capsys):
    (tmp_path / "taken").write_text("", encoding="utf-8")
    assert main(["hedging", str(folder), "--plot", str(tmp_path / "taken" / "x.png")]) == 1
    assert "its folder" in capsys.readouterr().err
