"""Glossary test fixtures: our own small data under data/, and a private compiled-glossary cache."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "fixture.yaml"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache directory, so tests never see each other's compiled files."""
    directory = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(directory))
    return directory


@pytest.fixture(scope="session")
def fixture_glossary():
    from toolkit.glossary import load_glossary

    return load_glossary([FIXTURE], use_cache=False)
