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
