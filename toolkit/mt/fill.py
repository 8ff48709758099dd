"""Fill untranslated catalog entries with glossary-enforced MT drafts, reusing earlier drafts.

Each draft is flagged ``fuzzy`` (a translator must review it) and carries two short translator
comments (where msgmerge, msgcat and Poedit keep them; see :mod:`toolkit.catalog.provenance`):

    # mt: argos-ct2 en_km-test 1.0
    # mt-key: key=… seg=… terms=… draft=…

``key`` (engine, model version, msgctxt, msgid and ``Glossary.version``) is the reuse key;
``seg`` the same without the glossary version; ``terms`` a hash of this segment's terms and their
targets; ``draft`` a hash of the msgstr we wrote, so we can tell whether a translator touched it.
Rules, entry by entry:

* a translator's text (no ``mt:`` line, or a msgstr whose hash differs) is never replaced;
* an untouched draft with the same key is reused (no model call);
* an untouched draft whose glossary changed is re-drafted only if this segment's terms changed
  (otherwise only its key is updated); a new model version or a new msgid re-drafts it;
* a draft missing an approved target gets the flag ``glossary-mismatch`` and a translator comment
  ``# glossary-mismatch: missing …`` naming them (the comment survives gettext tools; the flag not).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.catalog.provenance import (
    MARKS,
    MISMATCH_FLAG,
    MISMATCH_PREFIX,
    MT_KEY_PREFIX,
    MT_PREFIX,
    digest,
    marks,
    move_marks,
    mt_lines,
    mt_provenance,
    rejoined,
    same,
)

if TYPE_CHECKING:
    import polib

    from toolkit.glossary import Glossary, TermMatch

__all__ = ["MISMATCH_FLAG", "MISMATCH_PREFIX", "MT_PREFIX", "MTStats", "fill", "terms_hash"]


@dataclass(frozen=True)
class MTStats:
    """Counts for the run's summary line."""

    mt: int = 0  # segments sent to the model
    reused: int = 0  # translated entries kept without a model call
    enforced: int = 0  # new drafts whose glossary terms all carry their approved target
    mismatches: int = 0  # new drafts missing an approved target


_h = digest


def terms_hash(matches: Sequence["TermMatch"], lang: str) -> str:
    """Hash of a segment's terms and their *lang* targets: changes when the glossary entry does."""
    return _h(*(f"{m.start}:{m.term}:{m.concept}:{'|'.join(m.targets.get(lang) or [])}" for m in matches))


_provenance = mt_provenance


def _set_comments(entry: "polib.POEntry", new: Sequence[str]) -> None:
    move_marks(entry, new, (MT_PREFIX, MT_KEY_PREFIX, MISMATCH_PREFIX))


def fill(entries: list["polib.POEntry"], matches: Mapping[str, Sequence["TermMatch"]], drafter: Any,
         glossary: "Glossary", lang: str, markup: str = "") -> MTStats:
    """Put MT drafts into *entries* (in place); see the module docstring for the rules. *markup*:
    the inline markup of the msgids (:mod:`toolkit.markup`), masked from the model."""
    engine = drafter.engine_id
    todo: list[tuple[polib.POEntry, str, str, str]] = []
    reused = 0
    for entry in entries:
        if not entry.msgid or entry.obsolete or entry.msgid_plural:
            continue
        found = matches.get(entry.msgid, ())
        ctx = entry.msgctxt or ""
        key = _h(engine, ctx, entry.msgid, glossary.version)
        seg = _h(engine, ctx, entry.msgid)
        terms = terms_hash(found, lang)
        if entry.msgstr:
            info = _provenance(entry)
            untouched = info is not None and same(info["draft"], _h(entry.msgstr))
            if (info is None or not untouched or same(info["key"], key)
                    or (same(info["seg"], seg) and same(info["terms"], terms))):
                if info is not None and untouched and not (same(info["key"], key) and _in_place(entry)):
                    # glossary changed elsewhere (re-key), or the mark is in an older place or form
                    _set_comments(entry, _mt_lines(engine, key, seg, terms, entry.msgstr) + _mismatch_lines(entry))
                reused += 1
                continue
        todo.append((entry, key, seg, terms))
    if not todo:
        return MTStats(reused=reused)
    before = drafter.calls
    items = [(e.msgid, matches.get(e.msgid, ())) for e, *_ in todo]
    drafts = drafter.draft(items, markup=markup) if markup else drafter.draft(items)
    enforced = mismatches = 0
    for (entry, key, seg, terms), draft in zip(todo, drafts):
        if not draft.text:
            continue
        entry.msgstr = draft.text
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        extra = []
        if draft.missing:
            mismatches += 1
            extra = [f"{MISMATCH_PREFIX}missing {', '.join(draft.missing)}"]
            if MISMATCH_FLAG not in entry.flags:
                entry.flags.append(MISMATCH_FLAG)
        else:
            enforced += draft.enforced
            if MISMATCH_FLAG in entry.flags:
                entry.flags.remove(MISMATCH_FLAG)
        _set_comments(entry, _mt_lines(engine, key, seg, terms, draft.text) + extra)
    return MTStats(mt=drafter.calls - before, reused=reused, enforced=enforced, mismatches=mismatches)


def _mt_lines(engine: str, key: str, seg: str, terms: str, text: str) -> list[str]:
    return mt_lines(engine, key, seg, terms, _h(text))


def _in_place(entry: "polib.POEntry") -> bool:
    """The MT mark is where and as we write it now (translator comments, two lines, whole)."""
    lines = (entry.tcomment or "").split("\n")
    return (any(line.startswith(MT_KEY_PREFIX) for line in lines)
            and not any(line.startswith(MARKS) for line in (entry.comment or "").split("\n"))
            and lines == rejoined(entry.tcomment))


def _mismatch_lines(entry: "polib.POEntry") -> list[str]:
    return [line for line in marks(entry) if line.startswith(MISMATCH_PREFIX)]
