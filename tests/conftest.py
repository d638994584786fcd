import os
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


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def seed_path() -> Path:
    return ROOT / "seeds"
