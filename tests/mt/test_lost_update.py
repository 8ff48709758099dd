"""A translator who saves the catalog while a long MT run is drafting keeps the edit: the run
notices the file changed since it read it, writes nothing and says so (file named, exit 2)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.mt.test_mtfill import write_glossary
from toolkit.catalog.pipeline import translate
from toolkit.errors import CatalogError
from toolkit.mt import open_drafter
from toolkit.mt.options import MTOptions

ARTICLE = "The Senate met on Monday.\n\nRoads were repaired in Takeo.\n"


def test_an_edit_saved_during_mt_is_kept(tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    glossary = write_glossary(tmp_path / "g")
    translate([tmp_path / "a.txt"], ["km"], locales_dir=tmp_path / "locales", glossary=glossary, cwd=tmp_path)
    po = tmp_path / "locales" / "km" / "LC_MESSAGES" / "a.po"
    pot = tmp_path / "locales" / "templates" / "a.pot"
    (tmp_path / "a.txt").write_text(ARTICLE + "\nA new sentence was added.\n", encoding="utf-8")
    pot_before = pot.read_bytes()

    real = open_drafter("en", "km", glossary=glossary, options=MTOptions(models_dir=models_dir, progress=False))

    class SavingTranslator:
        """The real drafter; while it drafts, the translator saves an edit in their editor."""

        engine_id, calls = real.engine_id, 0

        def draft(self, items):  # type: ignore[no-untyped-def]
            edited = polib.pofile(str(po))
            edited[1].msgstr = "ផ្លូវត្រូវបានជួសជុលនៅតាកែវ។"
            edited.save()
            return real.draft(items)

    with pytest.raises(CatalogError) as caught:
        translate([tmp_path / "a.txt"], ["km"], locales_dir=tmp_path / "locales", glossary=glossary, cwd=tmp_path,
                  drafter_for=lambda lang: SavingTranslator())
    edit = po.read_text(encoding="utf-8")
    assert caught.value.path == str(po) and "changed while toolkit translate was running" in str(caught.value)
    assert "ផ្លូវត្រូវបានជួសជុលនៅតាកែវ។" in edit  # the translator's save survived
    assert pot.read_bytes() == pot_before  # nothing was written, the template included
    assert not list(po.parent.glob(".*.tmp"))
