import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def in_repository(monkeypatch):
    """Scenario paths in the tests are relative to the repository, as in its README."""
    monkeypatch.chdir(ROOT)
    if "CCSIM_BIN" not in os.environ and (ROOT / ".build/release/ccsim").exists():
        monkeypatch.setenv("CCSIM_BIN", str(ROOT / ".build/release/ccsim"))
    yield

