"""The tools translators take catalogs through, as functions ``tool(po, pot)`` that rewrite the
catalog *po* in place: the real GNU gettext programs (``msgmerge`` against the template *pot*,
``msgcat`` with several widths, ``msgattrib``), polib's ``save()``, Babel's ``read_po``/``write_po``,
Translate Toolkit's PO store (what Weblate uses), and Poedit's rewrap rule. One definition for the
round-trip tests and ``benchmarks/roundtrips.py``.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import polib

Tool = Callable[[Path, Path], None]


def msgmerge(po: Path, pot: Path) -> None:
    """``msgmerge --previous`` against the template, as Poedit's "Update from POT" and Weblate do."""
    subprocess.run(["msgmerge", "--quiet", "--previous", "-o", str(po), str(po), str(pot)], check=True)


def _gettext(program: str, *options: str) -> Tool:
    def tool(po: Path, pot: Path) -> None:
        subprocess.run([program, *options, "-o", str(po), str(po)], check=True)
    return tool


def polib_save(po: Path, pot: Path) -> None:
    polib.pofile(str(po)).save()


def babel(po: Path, pot: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    with open(po, "rb") as handle:
        catalog = read_po(handle)
    with open(po, "wb") as handle:
        write_po(handle, catalog, include_previous=True)


def translate_toolkit(po: Path, pot: Path) -> None:
    from translate.storage import pypo

    po.write_bytes(bytes(pypo.pofile.parsefile(str(po))))


def poedit_rewrap(po: Path, pot: Path) -> None:
    """Poedit rewraps the whole file at the width of its longest line (its catalog_po.cpp);
    ``msgcat --width`` reproduces that."""
    longest = max(len(line) for line in po.read_text(encoding="utf-8").splitlines())
    subprocess.run(["msgcat", f"--width={longest}", "-o", str(po), str(po)], check=True)


TOOLS: dict[str, Tool] = {
    "msgmerge": msgmerge,
    "msgcat": _gettext("msgcat"),
    "msgcat --width=60": _gettext("msgcat", "--width=60"),
    "msgcat --no-wrap": _gettext("msgcat", "--no-wrap"),
    "msgattrib": _gettext("msgattrib"),
    "polib": polib_save,
    "babel": babel,
    "translate-toolkit": translate_toolkit,
    "poedit rewrap": poedit_rewrap,
}
#: Tools that change a catalog's content, not only its layout: msgmerge puts in the template's
#: language-neutral hints; Babel drops header fields it does not know (X-Toolkit-Source, X-Generator).
CHANGE_CONTENT = {"msgmerge", "babel"}
