"""The :class:`Glossary`: an ordered, immutable set of concepts with lookups and recognition."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from functools import cached_property

from toolkit.glossary.model import SOURCE_LANG, Concept, TermMatch


def concept_record(concept: Concept) -> dict[str, object]:
    """A concept as plain data (no file location): what the content hash and caches see."""
    extra = {} if concept.status == "approved" else {"status": concept.status}
    return {
        **extra,
        "id": concept.id,
        "domain": concept.domain,
        "source": concept.source,
        "note": concept.note,
        "definition": concept.definition,
        "terms": [
            [t.lang, t.text, t.status, t.pos, t.case_sensitive, t.dnt, t.note] for t in concept.terms
        ],
    }


class Glossary:
    """Concepts in load order (earlier files first). Ids are unique.

    Proposed concepts (``status: proposed``, waiting for review) are kept apart in
    :attr:`proposed`: recognition, checks and MT see only :attr:`concepts`, the approved ones.
    The matcher behind :meth:`find` is compiled on first use and kept, so loading stays cheap
    for commands that only look concepts up.
    """

    def __init__(self, concepts: Iterable[Concept], *, sources: tuple[str, ...] = (),
                 secondary: Iterable[str] = ()) -> None:
        every = tuple(concepts)
        self.concepts: tuple[Concept, ...] = tuple(c for c in every if c.status == "approved")
        self.proposed: tuple[Concept, ...] = tuple(c for c in every if c.status != "approved")
        self.sources = sources
        #: Ids of concepts from optional layers (the gazetteer): curated concepts win over them.
        self.secondary = frozenset(secondary)
        self._by_id = {c.id: c for c in self.concepts}
        self._matchers: dict[str, object] = {}

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._by_id

    def __repr__(self) -> str:
        return f"<Glossary {len(self.concepts)} concepts {self.version[:12]}>"

    @cached_property
    def version(self) -> str:
        """Stable hash of the content: changes when any concept or term changes, not when files move."""
        digest = hashlib.sha256()
        for concept in self.concepts:
            digest.update(json.dumps(concept_record(concept), ensure_ascii=False, sort_keys=True).encode())
            digest.update(b"\n")
        return "sha256:" + digest.hexdigest()[:32]

    @cached_property
    def languages(self) -> frozenset[str]:
        return frozenset(t.lang for c in self.concepts for t in c.terms)

    def get(self, concept_id: str) -> Concept:
        """The concept with this id; KeyError if there is none."""
        return self._by_id[concept_id]

    def targets(self, concept_id: str, lang: str) -> list[str]:
        """Renderings of a concept in *lang*: preferred first, then admitted (never deprecated).

        A do-not-translate source term is its own rendering when the concept gives none.
        """
        concept = self._by_id[concept_id]
        terms = concept.terms_in(lang)
        found = [t.text for t in terms if t.status == "preferred"]
        found += [t.text for t in terms if t.status == "admitted"]
        if not found and lang != SOURCE_LANG:
            found = [t.text for t in concept.terms_in(SOURCE_LANG) if t.dnt and t.status != "deprecated"]
        return found

    def forbidden(self, concept_id: str, lang: str) -> list[str]:
        """Deprecated terms of a concept in *lang*: they must not appear in a translation."""
        return [t.text for t in self._by_id[concept_id].terms_in(lang) if t.status == "deprecated"]

    @cached_property
    def _all_targets(self) -> dict[str, dict[str, list[str]]]:
        langs = sorted(self.languages - {SOURCE_LANG})
        table: dict[str, dict[str, list[str]]] = {}
        for concept in self.concepts:
            entry = {}
            for lang in langs:
                found = self.targets(concept.id, lang)
                if found:
                    entry[lang] = found
            table[concept.id] = entry
        return table

    def matcher(self, lang: str = SOURCE_LANG):
        """The compiled matcher for terms in *lang* (built once, then reused)."""
        matcher = self._matchers.get(lang)
        if matcher is None:
            from toolkit.glossary.match import Matcher

            matcher = self._matchers[lang] = Matcher(self.concepts, self._all_targets, lang, self.secondary)
        return matcher

    def find(self, text: str, lang: str = SOURCE_LANG) -> list[TermMatch]:
        """Glossary terms recognised in *text* (see :mod:`toolkit.glossary.match` for the rules).

        *lang* is the language of *text*; word boundaries are spaces and punctuation, so this
        suits English and other space-separated languages, not Khmer (use
        :func:`toolkit.lang.khmer.find_on_boundaries` with :meth:`targets` for Khmer text).
        """
        return self.matcher(lang).find(text)

    def iter_find(self, text: str, lang: str = SOURCE_LANG, chunk: int = 1 << 20) -> Iterator[TermMatch]:
        """:meth:`find` over a large text, about *chunk* characters at a time, cut at paragraph
        breaks (a blank line; no term spans one): memory holds one chunk's matches, not all."""
        matcher = self.matcher(lang)
        start = 0
        while start < len(text):
            cut = text.find("\n\n", start + chunk) if len(text) - start > chunk else -1
            end = len(text) if cut < 0 else cut + 1
            for match in matcher.find(text[start:end]):
                match.__dict__.update(start=match.start + start, end=match.end + start)  # frozen: ours to shift
                yield match
            start = end
