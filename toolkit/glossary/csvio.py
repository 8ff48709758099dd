"""CSV interchange: a header row, then one row per term.

Columns (in this order; on import, extra columns are errors and optional columns may be left out):

``concept``        concept id (required)
``domain``         person | organisation | place | policy | title | general
``lang``           BCP-47 language code of the term (required)
``term``           the term (required)
``status``         preferred | admitted | deprecated (empty: first term of a language preferred)
``pos``            part of speech
``case_sensitive`` ``true``/``false`` (empty = false)
``dnt``            do not translate, ``true``/``false``
``term_note``      note on the term
``concept_note``   note on the concept (also disambiguates homographs)
``definition``     definition of the concept
``source``         where the rendering comes from

Concept-level columns repeat on each row of the concept; they may be left empty after the first
row, but two different non-empty values for one concept are an error. Rows of one concept must be
consecutive. An empty cell is "no value" (the native format's absent key).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from toolkit.errors import GlossaryError, ProblemsError
from toolkit.glossary.model import DOMAINS, ID_RE, LANG_RE, STATUSES, Concept, Term

COLUMNS = ("concept", "domain", "lang", "term", "status", "pos", "case_sensitive", "dnt",
           "term_note", "concept_note", "definition", "source")
REQUIRED = ("concept", "lang", "term")
_BOOL = {"": False, "false": False, "no": False, "0": False, "true": True, "yes": True, "1": True}


def write_csv(concepts: Iterable[Concept], *, bom: bool = False) -> str:
    """CSV text for *concepts* (every row carries its concept's fields, so rows can be filtered).

    *bom* starts the text with U+FEFF: spreadsheet programs (Excel, older LibreOffice imports)
    otherwise read UTF-8 CSV as a legacy code page and garble the Khmer. Our reader skips it.
    """
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in concepts:
        for t in c.terms:
            writer.writerow([
                c.id, c.domain, t.lang, t.text, t.status, t.pos or "",
                "true" if t.case_sensitive else "", "true" if t.dnt else "", t.note or "",
                c.note or "", c.definition or "", c.source,
            ])
    return buffer.getvalue()


def read_csv(path: Path | str, text: str) -> list[Concept]:
    """Concepts of a CSV glossary; ProblemsError lists every problem with its line."""
    name = str(path)
    problems: list[GlossaryError] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ProblemsError([GlossaryError("empty CSV file (expected a header row)", path=name, line=1)]) from None
    except csv.Error as exc:
        raise ProblemsError([GlossaryError(f"invalid CSV: {exc}", path=name, line=1)]) from None
    header = [h.strip() for h in header]
    unknown = [h for h in header if h not in COLUMNS]
    missing = [h for h in REQUIRED if h not in header]
    if unknown or missing or len(set(header)) != len(header):
        parts = []
        if unknown:
            parts.append(f"unknown column(s) {', '.join(unknown)}")
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if len(set(header)) != len(header):
            parts.append("a column is repeated")
        raise ProblemsError([GlossaryError(
            f"bad header: {'; '.join(parts)} (columns: {', '.join(COLUMNS)})", path=name, line=1)])
    order: list[str] = []
    heads: dict[str, dict[str, Any]] = {}
    terms: dict[str, list[Term]] = {}
    last = None
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(GlossaryError(f"invalid CSV: {exc}", path=name, line=reader.line_num))
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(GlossaryError(f"expected {len(header)} cells, found {len(row)}", path=name, line=line))
            continue
        cell = dict(zip(header, row))
        cid, lang, text = cell["concept"].strip(), cell["lang"].strip(), cell["term"]
        bad = False
        if not ID_RE.match(cid):
            problems.append(GlossaryError(f"concept id {cid!r} must match [a-z0-9][a-z0-9-]*", path=name, line=line))
            bad = True
        if not LANG_RE.match(lang):
            problems.append(GlossaryError(f"language code {lang!r} is not a BCP-47 code", path=name, line=line))
            bad = True
        if not text.strip():
            problems.append(GlossaryError("empty term", path=name, line=line))
            bad = True
        status = cell.get("status", "").strip()
        if status and status not in STATUSES:
            problems.append(GlossaryError(f"status {status!r} is not one of {', '.join(STATUSES)}",
                                                      path=name, line=line))
            bad = True
        flags = {}
        for key in ("case_sensitive", "dnt"):
            value = cell.get(key, "").strip().lower()
            if value not in _BOOL:
                problems.append(GlossaryError(f"{key} must be true or false, not {value!r}", path=name, line=line))
                bad = True
            flags[key] = _BOOL.get(value, False)
        domain = cell.get("domain", "").strip()
        if domain and domain not in DOMAINS:
            problems.append(GlossaryError(f"domain {domain!r} is not one of {', '.join(DOMAINS)}",
                                                      path=name, line=line))
            bad = True
        if bad:
            continue
        if cid != last and cid in heads:
            problems.append(GlossaryError(f"rows of concept {cid!r} are not consecutive", path=name, line=line))
            continue
        last = cid
        head = heads.get(cid)
        fields = {
            "domain": domain or None,
            "note": cell.get("concept_note") or None,
            "definition": cell.get("definition") or None,
            "source": cell.get("source") or None,
        }
        if head is None:
            heads[cid] = {**fields, "line": line}
            order.append(cid)
            terms[cid] = []
        else:
            for key, given in fields.items():
                if given is None:
                    continue
                if head[key] is None:
                    head[key] = given
                elif head[key] != given:
                    problems.append(GlossaryError(
                        f"concept {cid!r}: {key} differs from its first row (line {head['line']})",
                        path=name, line=line))
        if not status:
            status = "admitted" if any(t.lang == lang for t in terms[cid]) else "preferred"
        terms[cid].append(Term(text, lang, status, cell.get("pos") or None, flags["case_sensitive"],
                               flags["dnt"], cell.get("term_note") or None, line))
    if problems:
        raise ProblemsError(problems)
    concepts = []
    for cid in order:
        head = heads[cid]
        # Terms grouped by language in first-appearance order, as the native format stores them.
        langs: list[str] = []
        for t in terms[cid]:
            if t.lang not in langs:
                langs.append(t.lang)
        grouped = tuple(t for lang in langs for t in terms[cid] if t.lang == lang)
        concepts.append(Concept(
            cid, head["domain"] or "general", grouped, head["source"] or f"imported from {Path(name).name}",
            head["note"], head["definition"], name, head["line"]))
    return concepts
