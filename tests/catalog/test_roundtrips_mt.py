"""MT provenance survives the tools: a drafted catalog taken through msgmerge (against our POT),
polib and Babel is re-drafted on a glossary change exactly like an untouched copy.

The marks live in translator comments (``# mt: …``, ``# mt-key: …``), which msgmerge keeps from
the catalog, and are short enough that polib and Babel do not rewrap them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest

from tests.catalog.conftest import GLOSSARY
from tests.catalog.translator_tools import TOOLS
from tests.conftest import run_toolkit

ARTICLE = (
    "The Ministry of Rural Development said roads in Kampot would be repaired.\n\n"
    "The National Assembly will debate the plan next week.\n\n"
    "Officials in Kampot agreed on Monday.\n"
)
SUMMARY = re.compile(r"summary: segments=(\d+) tm=(\d+) mt=(\d+) reused=(\d+)")


def _run(toolkit_exe: str, project: Path, glossary: Path, models_dir: Path) -> tuple[int, ...]:
    done = run_toolkit(toolkit_exe, "translate", "docs/article.txt", "--to", "km", "--glossary", glossary,
                       "--models-dir", models_dir, "--no-tm", cwd=project)
    assert done.returncode == 0, done.stderr.decode()
    found = SUMMARY.search(done.stdout.decode())
    assert found, done.stdout.decode()
    return tuple(int(x) for x in found.groups())


@pytest.mark.parametrize("tool", ["msgmerge", "polib", "babel"])
def test_drafts_are_redrafted_after_the_tool_as_when_untouched(tool: str, toolkit_exe: str, tmp_path: Path,
                                                               models_dir: Path) -> None:
    untouched = tmp_path / "untouched"
    (untouched / "docs").mkdir(parents=True)
    (untouched / "docs" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    first = _run(toolkit_exe, untouched, GLOSSARY, models_dir)
    assert first[2] == 3  # three drafts
    through = tmp_path / "through"
    shutil.copytree(untouched, through)
    po = through / "locales/km/LC_MESSAGES/article.po"
    TOOLS[tool](po, through / "locales/templates/article.pot")
    marks = [line for line in po.read_text(encoding="utf-8").splitlines() if line.startswith("# mt")]
    assert len(marks) == 6, "both MT marks of each draft survive the tool, unwrapped"

    changed = tmp_path / "glossary.yaml"
    changed.write_text(GLOSSARY.read_text(encoding="utf-8").replace("ក្រសួងអភិវឌ្ឍន៍ជនបទ", "ក្រសួងអភិវឌ្ឍជនបទ"),
                       encoding="utf-8")
    expected = _run(toolkit_exe, untouched, changed, models_dir)
    assert expected[2] == 1  # only the sentence whose term changed is drafted again
    assert _run(toolkit_exe, through, changed, models_dir) == expected

    def entries(project: Path) -> list[tuple[str, str, str]]:
        catalog = polib.pofile(str(project / "locales/km/LC_MESSAGES/article.po"))
        return [(e.msgid, e.msgstr, e.tcomment) for e in catalog]

    assert entries(through) == entries(untouched)
    hints = [line for line in po.read_text(encoding="utf-8").splitlines() if line.startswith("#.")]
    assert "#. glossary: Ministry of Rural Development = ក្រសួងអភិវឌ្ឍជនបទ" in hints  # Khmer hints back
