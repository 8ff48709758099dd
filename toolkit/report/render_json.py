"""The review report as JSON (``toolkit report --format json``): the same content as the HTML page,
for dashboards. Stable shape, ``"version": 1``; findings have the keys of ``toolkit check --format
json`` (:func:`toolkit.findings.render.finding_json`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from toolkit.catalog.stats import Stats, WordStats
from toolkit.findings.render import finding_json
from toolkit.report.model import HELD, Contents, Review, ReviewDocument, ReviewEntry

JSON_VERSION = 1


def _stats(stats: Stats) -> dict[str, int]:
    return {"entries": stats.entries, "translated": stats.translated, "fuzzy": stats.fuzzy,
            "untranslated": stats.untranslated}


def _words(words: WordStats) -> dict[str, int]:
    return {"translated": words.translated, "fuzzy": words.fuzzy, "untranslated": words.untranslated,
            "target": words.target, "total": words.total}


def _entry(e: ReviewEntry) -> dict[str, Any]:
    return {
        "line": e.line, "msgctxt": e.msgctxt, "msgid": e.msgid, "msgid_plural": e.msgid_plural,
        "msgstr": e.msgstr, "msgstr_plural": list(e.msgstr_plural), "status": e.status,
        "provenance": {"kind": e.provenance.kind, "detail": e.provenance.detail, "edited": e.provenance.edited},
        "flags": list(e.flags), "references": list(e.references),
        "translator_comment": e.translator_comment, "previous_msgid": e.previous_msgid,
        "previous_diff": [list(p) for p in e.previous_diff],
        "terms": [{"start": t.start, "end": t.end, "text": t.text, "concept": t.concept, "term": t.term,
                   "targets": list(t.targets), "forbidden": list(t.forbidden), "state": t.state,
                   "found": [list(f) for f in t.found]} for t in e.terms],
        "findings": [finding_json(f) for f in e.findings],
    }


def _document(d: ReviewDocument) -> dict[str, Any]:
    return {
        "path": d.path, "language": d.language, "source": d.source, "stats": _stats(d.stats),
        "words": _words(d.words), "origins": d.origins, "obsolete": d.obsolete,
        "findings": [finding_json(f) for f in d.findings],
        "document": {"text": d.document, "notes": list(d.notes)},
        "entries": [_entry(e) for e in d.entries],
    }


def as_json(review: Review) -> dict[str, Any]:
    """The version-1 JSON document of *review*."""
    s = review.summary
    return {
        "version": JSON_VERSION,
        "tool": "toolkit report",
        "summary": {"files": s.files, "entries": s.entries, "translated": s.translated, "fuzzy": s.fuzzy,
                    "untranslated": s.untranslated, "errors": s.errors, "warnings": s.warnings},
        "checks": list(review.checks),
        "findings_by_check": [{"check": c, "severity": sev, "count": n} for c, sev, n in review.findings_by_check],
        "languages": [{"language": lang.language, "documents": lang.documents, "stats": _stats(lang.stats),
                       "words": _words(lang.words), "origins": lang.origins} for lang in review.languages],
        "documents": [_document(d) for d in review.documents],
        "problems": [{"path": p.path, "line": p.line, "message": p.message} for p in review.problems],
    }


def render_json(review: Review) -> str:
    """The JSON text of :func:`as_json` (compact)."""
    return "".join(json_pieces(review))


# Compact, with the C encoder (an indent would switch to the pure-Python one, 5x slower on 10,000 entries).
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _object(pairs: Iterable[tuple[str, Iterable[str]]]) -> Iterator[str]:
    """A JSON object from its keys and the pieces of each value's JSON text."""
    yield "{"
    for n, (key, value) in enumerate(pairs):
        yield ("," if n else "") + _dumps(key) + ":"
        yield from value
    yield "}"


def _string(pieces: Iterable[str] | None) -> Iterator[str]:
    """A JSON string (or null) from the pieces of its text: JSON escapes one character at a time,
    so the pieces escape alike."""
    if pieces is None:
        yield "null"
        return
    yield '"'
    yield from (_dumps(piece)[1:-1] for piece in pieces)
    yield '"'


def _array(items: Iterable[Any]) -> Iterator[str]:
    yield "["
    for n, item in enumerate(items):
        yield ("," if n else "") + _dumps(item)
    yield "]"


def json_pieces(review: Review, contents: Contents = HELD) -> Iterator[str]:
    """:func:`render_json` in pieces (an entry, a piece of a translated document…), the entries
    and texts taken from *contents* (:func:`toolkit.report.model.spooled_review`): the text of
    ``json.dumps(as_json(review))``, never built whole."""

    def document(index: int, d: ReviewDocument) -> Iterator[str]:
        shape = _document(replace(d, entries=()))  # the entries come from *contents*
        shape["document"] = _object([("text", _string(contents.text(index, d))),
                                     ("notes", (_dumps(shape["document"]["notes"]),))])
        shape["entries"] = _array(_entry(e) for e in contents.entries(index, d))
        return _object((k, v if k in ("document", "entries") else (_dumps(v),)) for k, v in shape.items())

    def documents() -> Iterator[str]:
        yield "["
        for index, d in enumerate(review.documents):
            if index:
                yield ","
            yield from document(index, d)
        yield "]"

    top = as_json(replace(review, documents=()))
    yield from _object((k, documents() if k == "documents" else (_dumps(v),)) for k, v in top.items())
    yield "\n"
