"""Merging a new template into an existing catalog with ``msgmerge`` semantics.

For each template entry, in template (document) order:

1. **exact**: an old entry (live, or obsolete and now revived) with the same msgctxt and msgid
   keeps its msgstr, flags, translator comments and ``#|`` previous msgid; references and our
   ``glossary:`` hints come from the template, other ``#.`` lines (e.g. MT provenance written by
   :mod:`toolkit.mt.fill`) are kept after them;
2. **pre-fill**: an empty entry whose source is wholly one glossary term gets the preferred
   target, flagged fuzzy (this comes before fuzzy guessing: a known term beats a similar name);
3. **fuzzy**: otherwise the closest old translated entry at or above the measured similarity
   threshold (:mod:`toolkit.catalog.fuzzy`) lends its msgstr and translator comments; the entry
   is flagged fuzzy and ``#|`` keeps the msgid the translation was made for;
4. **new**: an empty entry.

Old entries no longer in the template become obsolete (``#~``) when they carry a translation,
in old-file order after the live entries; untranslated ones are dropped, and one that lent its
translation as a fuzzy guess is not kept obsolete besides (as msgmerge does).
A translator's msgstr is never lost: it is kept live, moved to a fuzzy guess, or kept obsolete.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.catalog.fuzzy import THRESHOLD, FuzzyIndex
from toolkit.catalog.po import RAW, Message
from toolkit.catalog.provenance import HINT_PREFIX, rejoined

#: Extracted-comment prefixes that the template owns (regenerated on every run).
TEMPLATE_COMMENT_PREFIXES = (HINT_PREFIX,)


@dataclass(frozen=True, slots=True)
class TemplateEntry:
    """One message of the new template (a light stand-in for ``polib.POEntry``)."""

    msgid: str
    occurrences: Sequence[tuple[str, str]] = ()
    comment: str = ""
    msgctxt: str | None = None


@dataclass(frozen=True)
class MergeStats:
    """What the merge did, entry by entry."""

    exact: int = 0
    prefilled: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0


def _translated(entry: Any) -> bool:
    if entry.msgid_plural:
        return any(v for v in entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _key(entry: Any) -> str | tuple[str, str]:
    """The identity of a message: its msgid, or (msgctxt, msgid) when it has a context (a plain
    string for the usual case: one tuple less per entry of large catalogs)."""
    return entry.msgid if entry.msgctxt is None else (entry.msgctxt, entry.msgid)


def _comments(template: Any, old: Any) -> str:
    lines = [line for line in template.comment.split("\n") if line] if template.comment else []
    if old is not None and old.comment:
        for line in rejoined(old.comment):  # our lines whole again, whatever wrapped them
            if line and not line.startswith(TEMPLATE_COMMENT_PREFIXES) and line not in lines:
                lines.append(line)
    return "\n".join(lines)


def _foreign_comments(entry: Any) -> str:
    """Extracted comments not owned by the template (hints are regenerated, not kept)."""
    return "\n".join(line for line in rejoined(entry.comment) if not line.startswith(TEMPLATE_COMMENT_PREFIXES))


def _keep_text(old: Any, new: Any) -> None:
    """Let *new* be written as *old* was read if it ends up with the same content (the writer
    compares; see :func:`toolkit.catalog.po.format_po`)."""
    raw = getattr(old, RAW, None)
    if raw is not None:
        setattr(new, RAW, raw)


def _copy(template: Any) -> Message:
    occurrences = template.occurrences
    return Message(
        msgid=template.msgid,
        msgctxt=template.msgctxt,
        msgstr="",
        # an immutable sequence is shared with the template (one copy for the .pot and every .po)
        occurrences=occurrences if isinstance(occurrences, tuple) else list(occurrences),
        comment=template.comment or "",
    )


def _take(previous: Message, template: Any) -> Message:
    """*previous* made the merged entry of *template* in place: what the exact-match branch of
    :func:`merge` gives a copy (same fields, same text as read)."""
    comment = _comments(template, previous)
    previous.msgid = template.msgid
    previous.msgctxt = template.msgctxt
    previous.occurrences = template.occurrences if isinstance(template.occurrences, tuple) else list(
        template.occurrences)
    previous.comment = comment
    previous.flags = list(previous.flags)
    if previous.msgstr_plural:
        previous.msgstr_plural = dict(previous.msgstr_plural)
    previous.previous_msgid_plural = None
    if "fuzzy" not in previous.flags:
        previous.previous_msgid = previous.previous_msgctxt = None
    previous.obsolete = False
    previous.linenum = 0
    return previous


def merge(
    template: Sequence[Any],
    old: Sequence[Any] | None,
    prefill: Mapping[str, str] | None = None,
    *,
    threshold: float = THRESHOLD,
    consume_old: bool = False,
) -> tuple[list[Message], MergeStats]:
    """Entries of the merged catalog (live in template order, then obsolete) and statistics.

    *old* holds entries of the model (:class:`~toolkit.catalog.po.Message` or ``polib.POEntry``);
    the result is light :class:`~toolkit.catalog.po.Message` entries. With *consume_old* (old
    :class:`~toolkit.catalog.po.Message` entries the caller drops afterwards) an old entry that
    matches exactly becomes the merged entry instead of being copied (one entry less per
    sentence of a large catalog).

    *prefill* maps a msgid that is wholly a glossary term to its preferred target.
    """
    prefill = prefill or {}
    old_entries = [] if old is None else [e for e in old if e.msgid]
    by_key: dict[str | tuple[str, str], Any] = {}
    for entry in old_entries:
        # A live entry wins over an obsolete one with the same key.
        if _key(entry) not in by_key or not entry.obsolete:
            by_key[_key(entry)] = entry
    wanted = {_key(t) for t in template}
    used: set[int] = set()
    result: list[Message] = []
    counts = {"exact": 0, "prefilled": 0, "fuzzy": 0, "new": 0}
    pending: list[tuple[int, Message]] = []

    for template_entry in template:
        previous = by_key.get(_key(template_entry))
        if previous is not None and consume_old and id(previous) not in used:
            used.add(id(previous))
            result.append(_take(previous, template_entry))
            counts["exact"] += 1
            continue
        entry = _copy(template_entry)
        if previous is not None:
            used.add(id(previous))
            entry.msgstr = previous.msgstr
            entry.msgid_plural = previous.msgid_plural
            if previous.msgstr_plural:
                entry.msgstr_plural = dict(previous.msgstr_plural)
            entry.flags = list(previous.flags)
            entry.tcomment = previous.tcomment
            entry.previous_msgctxt = previous.previous_msgctxt
            entry.previous_msgid = previous.previous_msgid
            entry.comment = _comments(template_entry, previous)
            if "fuzzy" not in entry.flags:
                entry.previous_msgid = entry.previous_msgctxt = None
            _keep_text(previous, entry)
            counts["exact"] += 1
        elif template_entry.msgid in prefill:
            entry.msgstr = prefill[template_entry.msgid]
            entry.flags = ["fuzzy"]
            counts["prefilled"] += 1
        else:
            pending.append((len(result), entry))
        result.append(entry)

    # Fuzzy guesses come from old translated entries whose msgid left the template.
    sources = [e for e in old_entries if _translated(e) and _key(e) not in wanted]
    if pending and sources:
        index = FuzzyIndex([e.msgid for e in sources], threshold=threshold)
        for position, entry in pending:
            found = index.best(entry.msgid)
            if found is None:
                counts["new"] += 1
                continue
            source = sources[found[0]]
            used.add(id(source))  # msgmerge: the guess replaces the old entry (no obsolete copy)
            entry.msgstr = source.msgstr
            entry.tcomment = source.tcomment
            entry.flags = ["fuzzy"] + [f for f in source.flags if f != "fuzzy"]
            if "fuzzy" in source.flags and source.previous_msgid is not None:
                entry.previous_msgid = source.previous_msgid
                entry.previous_msgctxt = source.previous_msgctxt
            else:
                entry.previous_msgid = source.msgid
                entry.previous_msgctxt = source.msgctxt
            result[position] = entry
            counts["fuzzy"] += 1
    else:
        counts["new"] += len(pending)

    # Empty entries that are wholly a glossary term get the pre-fill even if they existed.
    for entry in result:
        if not _translated(entry) and entry.msgid in prefill and not entry.msgid_plural:
            entry.msgstr = prefill[entry.msgid]
            if "fuzzy" not in entry.flags:
                entry.flags.insert(0, "fuzzy")

    obsolete = 0
    for entry in old_entries:
        if id(entry) in used or _key(entry) in wanted or not _translated(entry):
            continue
        dead = Message(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgstr=entry.msgstr,
            msgid_plural=entry.msgid_plural,
            msgstr_plural=dict(entry.msgstr_plural) if entry.msgstr_plural else None,
            tcomment=entry.tcomment,
            comment=_foreign_comments(entry),
            flags=list(entry.flags),
            obsolete=True,
        )
        _keep_text(entry, dead)
        result.append(dead)
        obsolete += 1
    return result, MergeStats(obsolete=obsolete, **counts)
