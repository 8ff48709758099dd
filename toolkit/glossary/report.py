"""Human-facing summaries of a glossary: one concept (``show``) and counts (``stats``)."""

from __future__ import annotations

import difflib

from toolkit.errors import UsageError
from toolkit.glossary.glossary import Glossary
from toolkit.glossary.model import DOMAINS, SOURCE_LANG


def describe(glossary: Glossary, concept_id: str) -> str:
    """A readable block for one concept; UsageError (with suggestions) for an unknown id."""
    if concept_id not in glossary:
        close = difflib.get_close_matches(concept_id, [c.id for c in glossary.concepts], n=3)
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise UsageError(f"no concept with id {concept_id!r}{hint}")
    c = glossary.get(concept_id)
    lines = [f"{c.id}  [{c.domain}]"]
    if c.path:
        lines.append(f"  defined at: {c.where()}")
    lines.append(f"  source: {c.source}")
    if c.note:
        lines.append(f"  note: {c.note}")
    if c.definition:
        lines.append(f"  definition: {c.definition}")
    for lang in c.languages_in_order:
        lines.append(f"  {lang}:")
        for t in c.terms_in(lang):
            flags = [t.status]
            flags += [f for f, on in (("case-sensitive", t.case_sensitive), ("do-not-translate", t.dnt)) if on]
            if t.pos:
                flags.append(f"pos={t.pos}")
            extra = f"  — {t.note}" if t.note else ""
            lines.append(f"    {t.text}  ({', '.join(flags)}){extra}")
    return "\n".join(lines) + "\n"


def statistics(glossary: Glossary) -> dict[str, object]:
    """Concepts per domain, terms per language and status, and each language's coverage."""
    domains = {d: 0 for d in DOMAINS}
    terms: dict[str, dict[str, int]] = {}
    covered: dict[str, int] = {}
    for c in glossary.concepts:
        domains[c.domain] = domains.get(c.domain, 0) + 1
        for t in c.terms:
            per = terms.setdefault(t.lang, {"preferred": 0, "admitted": 0, "deprecated": 0})
            per[t.status] += 1
        for lang in {t.lang for t in c.terms if t.status != "deprecated"}:
            covered[lang] = covered.get(lang, 0) + 1
    total = len(glossary.concepts)
    return {
        "concepts": total,
        "version": glossary.version,
        "domains": domains,
        "terms": {lang: {**per, "total": sum(per.values())} for lang, per in sorted(terms.items())},
        "coverage": {
            lang: round(covered.get(lang, 0) / total, 4) if total else 0.0 for lang in sorted(terms)
        },
        "source_language": SOURCE_LANG,
    }


def render_stats(data: dict) -> str:
    lines = [f"concepts: {data['concepts']}   version: {data['version']}"]
    lines.append("by domain: " + ", ".join(f"{d} {n}" for d, n in data["domains"].items()))
    lines.append("terms per language (preferred / admitted / deprecated / total), coverage:")
    for lang, per in data["terms"].items():
        cov = data["coverage"][lang] * 100
        lines.append(
            f"  {lang:6} {per['preferred']:6} {per['admitted']:6} {per['deprecated']:6} {per['total']:7}"
            f"   {cov:5.1f}% of concepts"
        )
    return "\n".join(lines) + "\n"
