"""Catalog test fixtures: our own glossary and documents, a fixed clock, a private glossary cache."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
GLOSSARY = DATA / "glossary.yaml"
#: The clock of the first run in every test; later runs pass LATER.
NOW = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
LATER = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def glossary():
    from toolkit.glossary import load_glossary

    return load_glossary([GLOSSARY])


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory (the cwd) with ``docs/`` for sources and ``locales/`` for catalogs."""
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run(work: Path, glossary):
    """Run the translate pipeline without MT: ``run(text_or_None, now=NOW, langs=("km",))``."""
    from toolkit.catalog.pipeline import translate

    def invoke(text: str | None = None, *, now=NOW, langs=("km",), name="article.txt", check=False):
        source = work / "docs" / name
        if text is not None:
            source.write_text(text, encoding="utf-8")
        return translate([source], list(langs), locales_dir=work / "locales", glossary=glossary,
                         check=check, now=now, cwd=work)

    return invoke


def po_path(work: Path, lang: str = "km", name: str = "article") -> Path:
    return work / "locales" / lang / "LC_MESSAGES" / f"{name}.po"


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models dir with the real en->km test model installed (built here, no download)."""
    pytest.importorskip("ctranslate2", reason="the [mt] extra is not installed")
    from toolkit.mt import packages
    from toolkit.mt.testmodel import build_package

    root = tmp_path_factory.mktemp("mt")
    directory = root / "models"
    packages.install(build_package(root / "en_km-test.argosmodel"), directory)
    return directory
