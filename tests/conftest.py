import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests draw the same examples on every run (a red build can be
# replayed exactly); locally they keep exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


# The UN General Debate layout ("Session 49 - 1994/XNR_49_1994.txt") is built at test
# time from texts written for the project, so that no committed file is named like a
# real UN speech: (source file, ISO-style code of an invented country, session, year).
UN_LAYOUT = [
    ("norland-1994.txt", "XNR", 49, 1994),
    ("westmark-1994.txt", "XWS", 49, 1994),
    ("galmera-1995.txt", "XGA", 50, 1995),
    ("norland-1995.txt", "XNR", 50, 1995),
]


def build_un_layout(source: Path, target: Path) -> Path:
    """Lay the texts of ``source`` out as the UN archive does, with its speakers table."""
    for name, code, session, year in UN_LAYOUT:
        folder = target / f"Session {session} - {year}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / name, folder / f"{code}_{session}_{year}.txt")
    shutil.copy(source / "Speakers_by_session.csv", target / "Speakers_by_session.csv")
    return target


@pytest.fixture(scope="session")
def fixture_folder(tmp_path_factory) -> Path:
    """A copy of tests/fixtures with the UN layout built in it (``un_layout/``)."""
    folder = tmp_path_factory.mktemp("fixtures") / "fixtures"
    shutil.copytree(FIXTURES, folder)
    build_un_layout(folder / "un_speeches", folder / "un_layout")
    return folder


@pytest.fixture
def fixtures(fixture_folder) -> Path:
    return fixture_folder


@pytest.fixture
def seed_path() -> Path:
    return ROOT / "seeds"
