"""Suggestions as text, JSON lines, proposals in our native YAML (``status: proposed``) or TBX.

As glossary concepts, every candidate is ``status: proposed``: the English term is preferred, an
acronym written with it is admitted (case-sensitive), and every Khmer proposal is a term whose
note says where it comes from (``catalogs, score 1.0: a.po:12, …``) — the best one preferred,
the others admitted. A curator deletes what is wrong and runs ``toolkit glossary accept``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence

from toolkit.glossary.model import Concept, Term
from toolkit.glossary.suggest import Candidate

FORMATS = ("text", "jsonl", "yaml", "tbx")
#: Candidate kind -> glossary domain.
DOMAIN = {"person": "person", "organisation": "organisation", "place": "place", "policy": "policy",
          "acronym": "organisation", "other": "general"}
HEADER = ("proposals from `toolkit glossary suggest` (status: proposed): check each Khmer term, delete "
          "wrong ones, then `toolkit glossary accept THIS-FILE ID… -g CURATED.yaml`")


def slug(text: str) -> str:
    """A concept id from an English term (ASCII letters and digits joined by hyphens)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "term"


def to_concepts(found: Sequence[Candidate], taken: Iterable[str] = ()) -> list[Concept]:
    """Proposed concepts for *found*, with ids unique against *taken* (the glossary's ids)."""
    used = set(taken)
    out: list[Concept] = []
    for cand in found:
        base = slug(cand.term)
        cid, n = base, 2
        while cid in used:
            cid, n = f"{base}-{n}", n + 1
        used.add(cid)
        terms = [Term(cand.term, "en")]
        if cand.acronym:
            terms.append(Term(cand.acronym, "en", "admitted", case_sensitive=True))
        for i, p in enumerate(cand.km):
            where = f": {', '.join(p.evidence[:3])}" if p.evidence else ""
            terms.append(Term(p.term, "km", "preferred" if i == 0 else "admitted",
                              note=f"proposed by {p.source}, score {p.score}{where}"))
        sources = sorted({p.source for p in cand.km})
        source = (f"toolkit glossary suggest: {cand.count} occurrences in {len(cand.documents)} documents; "
                  f"Khmer from {', '.join(sources) if sources else 'nowhere yet'}")
        note = f"{cand.kind}; seen at {', '.join(cand.examples)}"
        if cand.titles:
            note += f"; titles: {', '.join(cand.titles)}"
        out.append(Concept(cid, DOMAIN[cand.kind], tuple(terms), source, note, status="proposed"))
    return out


def text_lines(found: Sequence[Candidate]) -> Iterator[str]:
    """One line per candidate: count, documents, kind, term (and acronym), best Khmer proposals."""
    for c in found:
        term = f"{c.term} ({c.acronym})" if c.acronym else c.term
        km = "; ".join(f"{p.term} [{p.source} {p.score}]" for p in c.km[:3]) or "-"
        yield f"{c.count}\t{len(c.documents)}\t{c.kind}\t{term}\t{km}\n"


def render(found: Sequence[Candidate], fmt: str, taken: Iterable[str] = ()) -> Iterator[str]:
    """The result in *fmt* (one of :data:`FORMATS`), piece by piece."""
    if fmt == "jsonl":
        for c in found:
            yield json.dumps(c.to_json(), ensure_ascii=False) + "\n"
    elif fmt == "yaml":
        from toolkit.glossary.native import dump_native

        yield dump_native(to_concepts(found, taken), header=HEADER)
    elif fmt == "tbx":
        from dataclasses import replace

        from toolkit.glossary.tbx import write_tbx

        # TBX has no concept status: the note says it, so an import shows the concept for review
        concepts = [replace(c, note=f"PROPOSED, needs review; {c.note}") for c in to_concepts(found, taken)]
        yield write_tbx(concepts)
    else:
        yield from text_lines(found)
