"""Every notebook runs top to bottom from a clean directory, with the public API only.

Notebooks are kept as jupytext percent-format ``.py`` files; each is converted to a
notebook and executed by a python3 kernel in a temporary directory. Any error in any
cell fails the test with the cell's traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

jupytext = pytest.importorskip("jupytext")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.py"))
CELL_TIMEOUT = 120


def test_the_three_notebooks_exist():
    assert [p.stem for p in NOTEBOOKS] == ["01_quickstart", "02_voices", "03_comparing_countries"]


@pytest.mark.parametrize("source", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes(source, tmp_path, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = jupytext.read(source)
    first = notebook.cells[0]
    assert first.cell_type == "code" and "parameters" in first.metadata.get("tags", []), (
        "the first cell holds the parameters"
    )
    # Write this notebook's outputs too, so the writing code path is exercised.
    first.source += f"\nOUT = {str(tmp_path / 'out')!r}\n"
    client = nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError, with the traceback, on any error
    assert list((tmp_path / "out").glob("*.csv")), "the notebook wrote its tables"


def test_notebooks_import_only_the_public_api():
    for source in NOTEBOOKS:
        for line in source.read_text().splitlines():
            if line.startswith(("import ", "from ")):
                assert line in {
                    "import corpus",
                    "import analysis",
                    "from analysis import figures",
                }, f"{source.name}: {line}"


def test_notebook_03_and_the_figures_command_agree_on_a_news_csv(tmp_path, monkeypatch):
    """A CSV with country and date columns only (no year, no country_name) works in both."""
    import pandas as pd

    from analysis import build_figures

    monkeypatch.setenv("MPLBACKEND", "Agg")
    news = tmp_path / "news.csv"
    pd.DataFrame(
        {
            "id": ["n1", "n2", "n3", "n4"],
            "outlet": ["Daily Post", "Daily Post", "Herald", "Herald"],
            "date": ["2021-03-04", "2022-05-06", "2021-07-08", "2022-09-10"],
            "country": ["XFR", "XDE", "XFR", "XDE"],
            "text": [
                "The minister said the talks may resume. We will probably agree.",
                "Officials perhaps expect a deal. The row could worsen, like a storm.",
                "The summit must succeed. It seems likely that leaders will meet.",
                "Prices might fall. Analysts clearly believe supply is tighter than before.",
            ],
        }
    ).to_csv(news, index=False)
    notebook = jupytext.read(NOTEBOOK_DIR / "03_comparing_countries.py")
    notebook.cells[0].source += f"\nCORPUS = {str(news)!r}\nOUT = {str(tmp_path / 'nb')!r}\n"
    nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    build_figures(news, tmp_path / "cmd", formats=["png"], workers=1)
    from_notebook = {p.name: p.read_bytes() for p in (tmp_path / "nb").glob("*.csv")}
    from_command = {
        p.name: p.read_bytes() for p in (tmp_path / "cmd" / "03_comparing_countries").glob("*.csv")
    }
    assert sorted(from_notebook) == sorted(from_command)
    assert "countries.csv" in from_notebook and "hedging_by_year.csv" in from_notebook
    assert from_notebook == from_command
