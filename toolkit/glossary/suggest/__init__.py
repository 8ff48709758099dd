"""Grow the glossary from the work: English term candidates with Khmer proposals, for review.

``suggest(sources, catalogs, glossary)`` reads source documents (any format of
:mod:`toolkit.sources`) and catalog msgids (through :mod:`toolkit.catalog.reader`), finds the
names a curator wants (:mod:`.extract`), drops what the glossary already recognises (its own
matcher: ``Hun Sen’s`` is known, and so is any piece of a known term), classifies each candidate
(person, organisation, place, policy, acronym, other) and ranks them by spread over documents,
then frequency. Khmer proposals come from the reviewed (translated, not fuzzy) catalog entries
and translation-memory units whose English has the term (:mod:`.align`), from the gazetteer and
CLDR for places (:mod:`.places`) and from a name transliterator for people (:mod:`.names`); each
carries its source and score. Nothing is merged: the result is written as proposals
(``status: proposed``) that ``toolkit glossary accept`` moves into a curated file.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.glossary.glossary import Glossary
from toolkit.glossary.model import Concept, Term
from toolkit.glossary.suggest import align, names, places
from toolkit.glossary.suggest.extract import (
    ORGANISATION_WORDS,
    PLACE_WORDS,
    POLICY_WORDS,
    Found,
    candidates,
    is_acronym,
)

KINDS = ("person", "organisation", "place", "policy", "acronym", "other")
SOURCES = ("catalogs", "tm", "gazetteer", "cldr", "transliteration")
MAX_EXAMPLES = 3


@dataclass(frozen=True)
class Proposal:
    """A Khmer rendering proposed for a candidate, with where it comes from."""

    term: str
    source: str  # one of SOURCES
    score: float
    evidence: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"term": self.term, "source": self.source, "score": self.score}
        if self.evidence:
            out["evidence"] = list(self.evidence)
        return out


@dataclass
class Candidate:
    """An English term the glossary does not know yet, with its occurrences and Khmer proposals."""

    term: str
    kind: str
    count: int
    documents: list[str]
    examples: list[str]
    acronym: str | None = None
    titles: list[str] = field(default_factory=list)
    km: list[Proposal] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"term": self.term, "kind": self.kind, "count": self.count,
                                  "documents": self.documents, "examples": self.examples}
        if self.acronym:
            out["acronym"] = self.acronym
        if self.titles:
            out["titles"] = self.titles
        out["km"] = [p.to_json() for p in self.km]
        return out


@dataclass
class _Tally:
    forms: Counter[str] = field(default_factory=Counter)
    places: set[tuple[str, int, int]] = field(default_factory=set)
    documents: dict[str, None] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)
    acronyms: Counter[str] = field(default_factory=Counter)
    hints: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)


def term_key(term: str) -> str:
    """How candidates are told apart: case, curly quotes and spacing do not count."""
    return " ".join(term.replace("’", "'").replace("‘", "'").split()).casefold()


@dataclass(frozen=True)
class Text:
    """One sentence to read: its text, the document it is in and its line there."""

    text: str
    document: str
    line: int


def document_texts(paths: Iterable[Path], cwd: Path | None = None) -> Iterator[Text]:
    """The sentences of source documents, in any format the sources layer reads."""
    from toolkit import markup
    from toolkit.sources import format_name, read_segments

    for path in paths:
        segments, kind = read_segments(path, format_name(path), {})  # plain text streams
        shown = _shown(path, cwd)
        for seg in segments:
            yield Text(markup.visible(seg.text, kind), shown, seg.line)


def catalog_files(paths: Iterable[Path]) -> list[Path]:
    """PO files named by *paths* (directories searched recursively, in name order)."""
    from toolkit.errors import InputError

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.po")))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError("no such catalog file or directory", path=path)
    return files


@dataclass(frozen=True)
class Pair:
    """A reviewed translation: English, Khmer, where it is, and which source it counts for."""

    en: str
    km: str
    where: str
    source: str  # "catalogs" or "tm"


def catalog_texts(files: Iterable[Path], reviewed: list[Pair], cwd: Path | None = None) -> Iterator[Text]:
    """The msgids of catalogs (one sentence each); reviewed entries are also added to *reviewed*.

    An entry's place is its first ``#:`` reference (the source document and line), so a sentence
    read from both the document and its catalog counts once.
    """
    from toolkit import markup
    from toolkit.catalog.reader import read_po

    for path in files:
        catalog = read_po(path)
        shown = _shown(path, cwd)
        for entry in catalog.entries:
            if entry.obsolete or not entry.msgid:
                continue
            kind = markup.entry_kind(entry.msgid, entry.references)
            msgid = markup.visible(entry.msgid, kind)
            ref = entry.references[0] if entry.references else ""
            doc, sep, line = ref.rpartition(":")
            if sep and line.isdigit():
                where = Text(msgid, doc, int(line))
            else:
                where = Text(msgid, shown, entry.line)
            if entry.translated and not entry.fuzzy and entry.msgid_plural is None:
                reviewed.append(Pair(msgid, markup.visible(entry.msgstr, kind), f"{shown}:{entry.line}", "catalogs"))
            yield where


def _shown(path: Path, cwd: Path | None) -> str:
    try:
        return Path(os.path.relpath(path, cwd or Path.cwd())).as_posix()
    except ValueError:
        return path.as_posix()


def collect(texts: Iterable[Text], glossary: Glossary) -> dict[str, _Tally]:
    """Candidate occurrences in *texts*, by :func:`term_key`, without known terms or pieces of them."""
    tallies: dict[str, _Tally] = {}
    for text in texts:
        found = candidates(text.text)
        if not found:
            continue
        known = [(m.start, m.end) for m in glossary.find(text.text)] if glossary.concepts else []
        for f in found:
            if any(a <= f.start and f.end <= b for a, b in known):
                continue
            _add(tallies, f, text)
    return tallies


def _add(tallies: dict[str, _Tally], f: Found, text: Text) -> None:
    key = term_key(f.term)
    tally = tallies.get(key)
    if tally is None:
        tally = tallies[key] = _Tally()
    place = (text.document, text.line, f.start)
    if place in tally.places:
        return
    tally.places.add(place)
    tally.forms[f.term] += 1
    tally.documents[text.document] = None
    if len(tally.examples) < MAX_EXAMPLES:
        example = f"{text.document}:{text.line}"
        if example not in tally.examples:
            tally.examples.append(example)
    if f.acronym:
        tally.acronyms[f.acronym] += 1
    if f.hint:
        tally.hints[f.hint] += 1
    if f.title:
        tally.titles[f.title] += 1


def _merge_acronyms(tallies: dict[str, _Tally]) -> None:
    """Occurrences of an acronym alone count for the expansion written with it (NEC -> the pair)."""
    expansions = {term_key(t.acronyms.most_common(1)[0][0]): key for key, t in tallies.items() if t.acronyms}
    for short, long in expansions.items():
        alone = tallies.pop(short, None)
        if alone is None or short == long:
            continue
        target = tallies[long]
        for form, n in alone.forms.items():
            target.acronyms[form] += n
        target.places |= alone.places
        for doc in alone.documents:
            target.documents[doc] = None
        target.examples = (target.examples + [e for e in alone.examples if e not in target.examples])[:MAX_EXAMPLES]


def classify(term: str, hint: str = "") -> str:
    """The kind of a candidate (see the module docstring of :mod:`.extract` for the word lists)."""
    if hint:
        return hint
    if is_acronym(term):
        return "acronym"
    words = term.split()
    low = [w.lower().strip("'’") for w in words]
    last = low[-1]
    for group, kind in ((POLICY_WORDS, "policy"), (ORGANISATION_WORDS, "organisation"), (PLACE_WORDS, "place")):
        if last in group:
            return kind
    for group, kind in ((ORGANISATION_WORDS, "organisation"), (POLICY_WORDS, "policy"), (PLACE_WORDS, "place")):
        if any(w in group for w in low):
            return kind
    if names.looks_like_name(words):
        return "person"
    if places.known_place(term):
        return "place"
    return "other"


def _is_known(glossary: Glossary, term: str) -> bool:
    """True if the glossary recognises the whole *term* (or the term is a piece of a known one)."""
    if not glossary.concepts:
        return False
    return any(m.start == 0 and m.end == len(term) for m in glossary.find(term))


def rank(tallies: dict[str, _Tally], glossary: Glossary, min_count: int) -> list[Candidate]:
    """Candidates seen at least *min_count* times, ranked by spread over documents, then count."""
    _merge_acronyms(tallies)
    out: list[Candidate] = []
    for tally in tallies.values():
        count = len(tally.places)
        if count < min_count:
            continue
        term = tally.forms.most_common(1)[0][0]
        if _is_known(glossary, term):
            continue
        acronym = tally.acronyms.most_common(1)[0][0] if tally.acronyms else None
        hint = tally.hints.most_common(1)[0][0] if tally.hints and tally.hints.most_common(1)[0][1] * 2 >= count else ""
        out.append(Candidate(term, classify(term, hint), count, list(tally.documents), tally.examples,
                             acronym, [t for t, _ in tally.titles.most_common(3)]))
    out.sort(key=lambda c: (-len(c.documents), -c.count, c.term.casefold()))
    return out


def tm_pairs(path: Path, lang: str = "km") -> list[Pair]:
    """Reviewed units of the translation memory at *path* (none when there is no memory)."""
    if not path.is_file():
        return []
    from toolkit.tm.store import Store

    with Store(path) as store:
        return [Pair(u.source, u.target, f"tm:{u.origin}", "tm") for u in store.units(lang) if u.reviewed]


def khmer_titles(glossary: Glossary) -> tuple[str, ...]:
    """Khmer renderings of the glossary's titles (ឧកញ៉ា, ឯកឧត្តម), longest first: a name aligned
    from translations that wrote the title with it is proposed without it."""
    found = {t.text for c in glossary.concepts if c.domain == "title" for t in c.terms_in("km")}
    return tuple(sorted(found, key=len, reverse=True))


def _untitled(span: str, titles: Sequence[str]) -> str:
    for title in titles:
        if span.startswith(title) and len(span) > len(title):
            return span[len(title):].strip()
    return span


def propose(found: Sequence[Candidate], pairs: Sequence[Pair], *, transliterate: bool = True,
            titles: Sequence[str] = ()) -> None:
    """Fill each candidate's ``km`` proposals (best first); *titles* are cut from a person's."""
    hits = _occurrences(found, pairs)
    prepared: dict[int, str] = {}
    aligned: dict[tuple[int, str], tuple[list[align.Shared], list[int]]] = {}
    for i in range(len(found)):
        for src in ("catalogs", "tm"):
            idx = [j for j in hits.get(i, ()) if pairs[j].source == src][:align.MAX_ENTRIES]
            if len(idx) >= 2:
                texts = [prepared.setdefault(j, align.prepare(pairs[j].km)) for j in idx]
                aligned[(i, src)] = (align.shared_spans(texts), idx)
    spans = {s.term for shared, _ in aligned.values() for s in shared}
    counts = {src: align.corpus_counts(spans, (prepared.setdefault(j, align.prepare(p.km))
                                               for j, p in enumerate(pairs) if p.source == src))
              for src in ("catalogs", "tm") if any(p.source == src for p in pairs)}
    spelled = 0
    for i, cand in enumerate(found):
        proposals: dict[str, Proposal] = {}
        for src in ("catalogs", "tm"):
            if (i, src) not in aligned:
                continue
            shared, idx = aligned[(i, src)]
            for a in align.best(shared, len(idx), counts[src], [pairs[j].where for j in idx]):
                term = _untitled(a.term, titles) if cand.kind == "person" else a.term
                _keep(proposals, Proposal(term, src, a.score, a.evidence))
        if cand.kind in ("place", "other"):
            for spelling in places.gazetteer(cand.term):
                _keep(proposals, Proposal(spelling, "gazetteer", places.GAZETTEER_SCORE))
            cldr = places.cldr(cand.term)
            if cldr:
                _keep(proposals, Proposal(cldr, "cldr", places.CLDR_SCORE))
        if (transliterate and cand.kind == "person" and spelled < names.MAX_NAMES
                and not any(p.score >= 0.5 for p in proposals.values())):
            spelled += 1
            spelled_km = names.transliterate(cand.term)
            if spelled_km:
                _keep(proposals, Proposal(spelled_km, "transliteration", names.SCORE))
        cand.km = sorted(proposals.values(), key=lambda p: -p.score)


def _keep(proposals: dict[str, Proposal], p: Proposal) -> None:
    from toolkit.lang import khmer

    key = khmer.key(p.term)
    if key not in proposals or proposals[key].score < p.score:
        proposals[key] = p


def _occurrences(found: Sequence[Candidate], pairs: Sequence[Pair]) -> dict[int, list[int]]:
    """Candidate index -> indexes of the *pairs* whose English has the candidate (or its acronym),
    recognised by the glossary matcher over a glossary made of the candidates."""
    concepts = []
    for i, cand in enumerate(found):
        terms = [Term(cand.term, "en")]
        if cand.acronym:
            terms.append(Term(cand.acronym, "en", "admitted", case_sensitive=True))
        concepts.append(Concept(f"c{i}", "general", tuple(terms), "suggest"))
    if not concepts or not pairs:
        return {}
    matcher = Glossary(concepts)
    hits: dict[int, list[int]] = {}
    for j, pair in enumerate(pairs):
        for cid in {m.concept for m in matcher.find(pair.en)}:
            hits.setdefault(int(cid[1:]), []).append(j)
    return hits


def suggest(sources: Sequence[Path], catalogs: Sequence[Path], glossary: Glossary, *, min_count: int = 2,
            tm: Path | None = None, transliterate: bool = True, cwd: Path | None = None) -> list[Candidate]:
    """Ranked candidates from *sources* and the msgids of *catalogs*, with Khmer proposals."""
    pairs: list[Pair] = []
    files = catalog_files(catalogs)

    def texts() -> Iterator[Text]:
        yield from document_texts(sources, cwd)
        yield from catalog_texts(files, pairs, cwd)

    found = rank(collect(texts(), glossary), glossary, min_count)
    if tm is not None:
        pairs.extend(tm_pairs(tm))
    propose(found, pairs, transliterate=transliterate, titles=khmer_titles(glossary))
    return found

