"""The fixture project: a short article of ours (``data/project/news/floods.txt``) translated
with the real test model (``python -m toolkit.mt.testmodel``), then edited as a translator would
(see ``data/project/README.md``), and a second document without MT, partly translated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkit.glossary import load_glossary
from toolkit.report import Review, build_review

PROJECT = Path(__file__).parent / "data" / "project"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture project as the working directory (build writes .mo files into it)."""
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    monkeypatch.chdir(root)
    return root


@pytest.fixture(scope="session")
def review() -> Review:
    """The fixture project's review, built in place (nothing is written)."""
    return build_review([PROJECT / "locales"], glossary=load_glossary(), cwd=PROJECT)
