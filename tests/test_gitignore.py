"""What .gitignore keeps out of the repository, and that it hides nothing committed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="needs git and a checkout of the repository",
)


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)


@pytest.mark.parametrize(
    "path",
    [
        "notebooks/01_quickstart.ipynb",  # what the README's jupytext command writes
        "notebooks/03_comparing_countries.ipynb",
        "notebooks/.ipynb_checkpoints/01_quickstart-checkpoint.ipynb",
    ],
)
def test_notebooks_made_from_the_sources_are_ignored(path):
    assert _git("check-ignore", "--no-index", "-q", path).returncode == 0, path


@pytest.mark.parametrize(
    "path", ["notebooks/01_quickstart.py", "notebooks/make_sample_un.py", "notebooks/sample_un"]
)
def test_notebook_sources_and_the_sample_are_not_ignored(path):
    assert _git("check-ignore", "--no-index", "-q", path).returncode == 1, path


def test_no_committed_file_is_ignored():
    ignored = _git("ls-files", "--cached", "--ignored", "--exclude-standard")
    assert ignored.returncode == 0 and ignored.stdout == ""
