"""Glossary test fixtures: our own small data under data/, and a private compiled-glossary cache."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "fixture.yaml"


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _private_cache(_session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Compiled glossaries go to a cache directory of this test session, never the user's.

    Shared by the session (the gazetteer layer is built once); entries are keyed by file path,
    and tests of the cache itself use their own directory (``own_cache``).
    """
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(_session_cache))
    return _session_cache


@pytest.fixture
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory for this test alone."""
    directory = tmp_path_factory.mktemp("own-cache")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(directory))
    return directory


@pytest.fixture(scope="session")
def fixture_glossary():
    from toolkit.glossary import load_glossary

    return load_glossary([FIXTURE], use_cache=False)
