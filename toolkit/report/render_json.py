"""The review report as JSON (``toolkit report --format json``): the same content as the HTML page,
for dashboards. Stable shape, ``"version": 1``; findings have the keys of ``toolkit check --format
json`` (:func:`toolkit.findings.render.finding_json`)."""

from __future__ import annotations

import json
from typing import Any

from toolkit.catalog.stats import Stats, WordStats
from toolkit.findings.render import finding_json
from toolkit.report.model import Review, ReviewDocument, ReviewEntry

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
    # Compact: the C encoder (an indent would switch to the pure-Python one, 5x slower on 10,000 entries).
    return json.dumps(as_json(review), ensure_ascii=False, separators=(",", ":")) + "\n"
