"""``toolkit glossary lint``: every defect of a set of glossary files, each with ``path:line``.

Checks are small functions over the loaded concepts, registered with a code and a severity;
each returns :class:`Finding` objects. Schema problems come from the loaders (one finding per
problem, all of them). What "claims" a language: a file that uses a language anywhere claims it
for every concept in it, so a concept of that file without a (non-deprecated) term in the
language is a gap — unless its source term is do-not-translate, which renders as itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from toolkit.errors import ProblemsError, ToolkitError
from toolkit.findings import Finding, Report, plural
from toolkit.glossary.model import SOURCE_LANG, Concept, Term, term_too_long
from toolkit.lang import khmer

Check = Callable[[Sequence[Concept]], Iterable[Finding]]
CHECKS: list[tuple[str, Check]] = []


def check(code: str) -> Callable[[Check], Check]:
    """Register a check under *code* (its docstring says what it finds)."""

    def register(fn: Check) -> Check:
        CHECKS.append((code, fn))
        return fn

    return register


GLOSSARY = "<glossary>"  # where a finding of a concept that came from no file points


def _at(concept: Concept, code: str, message: str, term: Term | None = None, severity: str = "error") -> Finding:
    line = term.line if term is not None and term.line is not None else concept.line
    return Finding(concept.path or GLOSSARY, line, code, severity, message, concept=concept.id,
                   term=term.text if term is not None else None)


def _problem(p: ToolkitError) -> Finding:
    """A load problem as a finding; one located by byte offset (bad UTF-8, a NUL) gets its line
    too, and keeps the offset in the message."""
    line, message = p.line, p.message
    if line is None and p.offset is not None and p.path is not None:
        try:
            line = Path(p.path).read_bytes().count(b"\n", 0, p.offset) + 1
        except OSError:
            pass
        message = f"{message} (byte {p.offset})"
    return Finding(p.path or GLOSSARY, line, "schema", "error", message, column=None)


@check("duplicate-id")
def duplicate_ids(concepts: Sequence[Concept]) -> Iterable[Finding]:
    """The same concept id twice (ids must be unique across all files)."""
    seen: dict[str, Concept] = {}
    for c in concepts:
        if c.id in seen:
            yield _at(c, "duplicate-id", f"duplicate concept id {c.id!r} (first defined at {seen[c.id].where()})")
        else:
            seen[c.id] = c


@check("homograph")
def homographs(concepts: Sequence[Concept]) -> Iterable[Finding]:
    """The same English term in two concepts, without a note on each telling them apart.

    "The same" as recognition sees it: case, quotes, hyphens and spacing do not count.
    """
    from toolkit.glossary.match import term_key

    first: dict[str, tuple[Concept, Term]] = {}
    for c in concepts:
        for t in c.terms_in(SOURCE_LANG):
            key = term_key(t.text).lower()
            other = first.get(key)
            if other is None:
                first[key] = (c, t)
                continue
            oc, ot = other
            if oc.id == c.id:
                continue
            explained = (c.note or t.note) and (oc.note or ot.note)
            if not explained:
                yield _at(c, "homograph",
                          f"concept {c.id!r}: English term {t.text!r} is also a term of {oc.id!r} "
                          f"({oc.where(ot.line)}); add a note to both concepts that tells them apart", t)


@check("status-conflict")
def status_conflicts(concepts: Sequence[Concept]) -> Iterable[Finding]:
    """A term both preferred (or admitted) and deprecated: in one concept, or across concepts."""
    usable: dict[tuple[str, str], tuple[Concept, Term]] = {}
    banned: dict[tuple[str, str], tuple[Concept, Term]] = {}
    for c in concepts:
        seen: dict[tuple[str, str], Term] = {}
        for t in c.terms:
            key = (t.lang, khmer.key(t.text))
            if key in seen:
                prev = seen[key]
                if {prev.status, t.status} >= {"deprecated"} and prev.status != t.status:
                    yield _at(c, "status-conflict",
                              f"concept {c.id!r}: {t.lang} term {t.text!r} is both {prev.status} "
                              f"(line {prev.line}) and {t.status}", t)
                else:
                    yield _at(c, "duplicate-term", f"concept {c.id!r}: {t.lang} term {t.text!r} is listed twice", t)
                continue
            seen[key] = t
        for key, t in seen.items():
            (banned if t.status == "deprecated" else usable).setdefault(key, (c, t))
    for key, (c, t) in banned.items():
        if key in usable and usable[key][0].id != c.id:
            uc, ut = usable[key]
            yield _at(c, "status-conflict",
                      f"concept {c.id!r}: {t.lang} term {t.text!r} is deprecated here but {ut.status} in "
                      f"{uc.id!r} ({uc.where(ut.line)})", t)


@check("missing-language")
def missing_languages(concepts: Sequence[Concept]) -> Iterable[Finding]:
    """A concept with no usable term in a language its file uses (the file claims it)."""
    claimed: dict[str | None, set[str]] = {}
    for c in concepts:
        claimed.setdefault(c.path, set()).update(c.languages)
    for c in concepts:
        if c.status == "proposed":  # under review: a proposal may have no Khmer yet
            continue
        have = {t.lang for t in c.terms if t.status != "deprecated"}
        dnt = any(t.dnt and t.status != "deprecated" for t in c.terms_in(SOURCE_LANG))
        for lang in sorted(claimed[c.path] - have):
            if dnt:
                continue
            yield _at(c, "missing-language", f"concept {c.id!r} has no {lang} term (its file uses {lang})")


@check("not-normalized")
def not_normalized(concepts: Sequence[Concept]) -> Iterable[Finding]:
    """Khmer not in normalized form (UTN #61 order + NFC), with the offsets of each change."""
    for c in concepts:
        for t in c.terms:
            changes = khmer.normalization_changes(t.text)
            if changes:
                detail = "; ".join(
                    f"{ch.start}-{ch.end} {ch.before!r} -> {ch.after!r}"
                    + (f" ({', '.join(ch.rules)})" if ch.rules else "")
                    for ch in changes
                )
                yield _at(c, "not-normalized", f"concept {c.id!r}: {t.lang} term {t.text!r} is not "
                                                  f"normalized: {detail}", t)


_ODD_SPACE = re.compile(r"[^\S ]|\u00a0|\u202f|\u3000")


@check("term-length")
def term_length(concepts: Sequence[Concept]) -> Iterable[Finding]:
    """A term longer than the matcher accepts (a broken file, not terminology)."""
    for c in concepts:
        for t in c.terms:
            why = term_too_long(t.text)
            if why:
                yield _at(c, "term-length", f"concept {c.id!r}: {t.lang} {why}", t)


@check("spacing")
def spacing(concepts: Sequence[Concept]) -> Iterable[Finding]:
    """Doubled spaces, leading/trailing spaces, and tabs, line breaks or no-break spaces in terms."""
    for c in concepts:
        for t in c.terms:
            problems = []
            if t.text != t.text.strip():
                problems.append("leading or trailing space")
            at = t.text.find("  ")
            if at >= 0:
                problems.append(f"doubled space at {at}")
            odd = _ODD_SPACE.search(t.text)
            if odd:
                problems.append(f"stray {unicodedata.name(odd.group(), hex(ord(odd.group())))} at {odd.start()}")
            if problems:
                yield _at(c, "spacing", f"concept {c.id!r}: {t.lang} term {t.text!r}: {', '.join(problems)}", t)


@check("invisible")
def invisible(concepts: Sequence[Concept]) -> Iterable[Finding]:
    """Zero-width and other invisible characters inside terms (ZWSP, ZWNJ, ZWJ, BOM, soft hyphen)."""
    for c in concepts:
        for t in c.terms:
            found = [(i, ch) for i, ch in enumerate(t.text) if ch in khmer.INVISIBLE]
            if found:
                where = ", ".join(f"U+{ord(ch):04X} at {i}" for i, ch in found)
                yield _at(c, "invisible", f"concept {c.id!r}: {t.lang} term {t.text!r} contains {where}", t)


_LOOKALIKE = re.compile(r"[A-Za-z0-9\u0370-\u03ff\u0400-\u04ff\u00c0-\u024f]")


@check("lookalike")
def lookalikes(concepts: Sequence[Concept]) -> Iterable[Finding]:
    """Latin, Greek or Cyrillic letters or ASCII digits inside a Khmer word (e.g. Latin 'o' for ០)."""
    for c in concepts:
        for t in c.terms:
            if not khmer.has_khmer(t.text):
                continue
            for word in re.finditer(r"\S+", t.text):
                if not khmer.has_khmer(word.group()):
                    continue
                odd = _LOOKALIKE.search(word.group())
                if odd:
                    ch = odd.group()
                    pos = word.start() + odd.start()
                    yield _at(c, "lookalike",
                              f"concept {c.id!r}: {t.lang} term {t.text!r}: non-Khmer character {ch!r} "
                              f"({unicodedata.name(ch, hex(ord(ch)))}) at {pos} inside a Khmer word", t)
                    break


def lint_concepts(concepts: Sequence[Concept]) -> list[Finding]:
    """Run every registered check over *concepts*."""
    findings: list[Finding] = []
    for _code, fn in CHECKS:
        findings.extend(fn(concepts))
    return findings


def _schema(exc: ToolkitError) -> list[Finding]:
    problems = exc.problems if isinstance(exc, ProblemsError) else [exc]
    return [_problem(p) for p in problems]


def lint_report(paths: Sequence[str | Path], *, gazetteer: bool = False) -> Report:
    """:func:`lint_paths` as a :class:`~toolkit.findings.Report` (every report format renders it)."""
    from toolkit.glossary.load import expand

    findings = lint_paths(paths, gazetteer=gazetteer)
    files = tuple(dict.fromkeys([*(str(p) for p in expand(paths)), *(f.path for f in findings)]))
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    line = f"{plural(len(files), 'file')}: {plural(errors, 'error')}, {plural(warnings, 'warning')}"
    checks = ("schema", *(code for code, _ in CHECKS))
    return Report("toolkit glossary lint", tuple(findings), files, checks, (), {"files": len(files)}, line)


def lint_paths(paths: Sequence[str | Path], *, gazetteer: bool = False) -> list[Finding]:
    """Lint the glossary files named by *paths* (files or directories): schema, then content checks.

    A file with schema errors still has its valid concepts checked, so one run shows everything.
    """
    from toolkit.glossary.load import expand
    from toolkit.glossary.native import parse_native
    from toolkit.textio import read_text

    findings: list[Finding] = []
    concepts: list[Concept] = []
    files = expand(paths)  # a missing path is an input error (exit 2), not a finding
    for path in files:
        try:
            if path.suffix.lower() in (".yaml", ".yml"):
                found, problems = parse_native(read_text(path), str(path))
                findings.extend(_problem(p) for p in problems)
            else:
                from toolkit.glossary.load import parse_file

                found = parse_file(path)
        except ToolkitError as exc:
            findings.extend(_schema(exc))
            continue
        concepts.extend(found)
    if gazetteer:
        from toolkit.glossary.gazetteer import gazetteer_concepts

        concepts.extend(gazetteer_concepts())
    findings.extend(lint_concepts(concepts))
    order = {str(p): i for i, p in enumerate(files)}
    findings.sort(key=lambda f: (order.get(f.path, len(order)), f.line or 0))
    return findings
