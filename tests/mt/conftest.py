"""Real test models, built once per session by ``toolkit.mt.testmodel`` (no mocks, no downloads)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

pytest.importorskip("ctranslate2", reason="the [mt] extra is not installed")

from toolkit.mt import packages  # noqa: E402
from toolkit.mt.testmodel import build_package  # noqa: E402

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def model_files(tmp_path_factory) -> dict[str, Path]:
    """The .argosmodel files: en->km copy model, fr->en copy model (pivot), en->km needing a prefix."""
    root = tmp_path_factory.mktemp("argosmodels")
    return {
        "en_km": build_package(root / "en_km-test.argosmodel"),
        "fr_en": build_package(root / "fr_en-test.argosmodel", from_code="fr", to_code="en"),
        "prefixed": build_package(root / "en_km-prefixed.argosmodel", prefix_token="khm_Khmr",
                                  code="en_km-prefixed"),
    }


@pytest.fixture
def models_dir(tmp_path, model_files) -> Path:
    """A fresh models dir with the en->km test model installed."""
    directory = tmp_path / "models"
    packages.install(model_files["en_km"], directory)
    return directory


@pytest.fixture(scope="session")
def extracted(model_files, tmp_path_factory) -> Path:
    """The en->km package extracted (a CTranslate2 dir + tokenizer, as a converter would leave them)."""
    root = tmp_path_factory.mktemp("extracted")
    with zipfile.ZipFile(model_files["en_km"]) as zf:
        zf.extractall(root)
    return root / "en_km-test"


@pytest.fixture
def isolated_env(tmp_path, monkeypatch) -> dict[str, str]:
    """Environment for subprocess runs: Argos's dirs and ours under tmp, no progress bar."""
    import os

    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    env["ARGOS_PACKAGES_DIR"] = str(tmp_path / "argos-packages")
    env.pop("TOOLKIT_DEBUG", None)
    return env
