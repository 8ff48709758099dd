"""Which checks an entry suppresses, read from the two places a translator can write it.

* the PO flag ``#, ignore-<check>`` (Weblate's convention) — but GNU ``msgcat``, ``msgmerge``,
  ``msgattrib`` and Poedit drop every flag gettext does not know, so after one save it is gone;
* a translator comment ``# ignore-<check>`` (several may share a line: ``# ignore-numbers
  ignore-punctuation``), which every one of those tools keeps. This is the form to use.
"""

from __future__ import annotations

import re

from toolkit.catalog.reader import Entry

_COMMENT_RE = re.compile(r"(?<![\w-])ignore-([a-z0-9][a-z0-9-]*)")


def suppressed(entry: Entry) -> frozenset[str]:
    """The check ids *entry* suppresses (flag or translator comment)."""
    found = {flag[7:] for flag in entry.flags if flag.startswith("ignore-")}
    if "ignore-" in entry.tcomment:
        found.update(_COMMENT_RE.findall(entry.tcomment))
    return frozenset(found)
