"""Translation memory fixtures: our own articles, glossary and TMX files; a real SQLite file per test."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
GLOSSARY = DATA / "glossary.yaml"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def store(tmp_path: Path):
    from toolkit.tm.store import Store

    with Store(tmp_path / "tm.sqlite") as opened:
        yield opened


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working directory (cwd) with the two articles in ``docs/``."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("first.txt", "second.txt"):
        (docs / name).write_bytes((DATA / "articles" / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def reviewed_translations() -> dict[str, str]:
    """The reviewed Khmer translation of first.txt (English -> Khmer)."""
    rows = {}
    for line in (DATA / "articles" / "first-km.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            english, khmer = line.split("\t")
            rows[english] = khmer
    return rows


def review(po_path: Path) -> None:
    """Translate every entry of *po_path* from first-km.tsv and clear fuzzy, as a translator
    would in an editor (through our reader and writer)."""
    from toolkit.catalog.po import format_po, read_po

    catalog = read_po(po_path)
    table = reviewed_translations()
    for entry in catalog:
        if entry.msgid in table:
            entry.msgstr = table[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po_path.write_text(format_po(catalog), encoding="utf-8")
