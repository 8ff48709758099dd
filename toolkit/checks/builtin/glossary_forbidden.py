"""``glossary-forbidden``: no deprecated rendering of a glossary concept appears in msgstr (one
that is not also approved, nor part of a longer approved one); compared as
:func:`toolkit.lang.khmer.key` on boundaries."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.registry import Problem, check
from toolkit.lang import khmer


class _Index:
    """The deprecated renderings of a language, found in two steps. An automaton over the keys of
    the deprecated renderings alone (a few: keyed at once) tells whether a translation may hold
    one; only when one does is :class:`_Full` built (once), which needs the key of every accepted
    rendering of the glossary: most runs never find a deprecated rendering and skip that."""

    def __init__(self, env: Env, lang: str) -> None:
        import ahocorasick

        assert env.glossary is not None
        self.env, self.lang = env, lang
        self.candidates = ahocorasick.Automaton()
        for concept in env.glossary.concepts:
            for bad in env.glossary.forbidden(concept.id, lang):
                k = khmer.key(bad)
                if k:
                    self.candidates.add_word(k, k)
        self.has_forbidden = len(self.candidates) > 0
        if self.has_forbidden:
            self.candidates.make_automaton()
        self.full: _Full | None = None

    def forbidden(self, hay: str) -> list[tuple[str, tuple[str, ...]]]:
        """:meth:`_Full.forbidden`, without building it while no deprecated key is in *hay*."""
        if next(self.candidates.iter(hay), None) is None:
            return []  # the common case: no deprecated rendering at all
        if self.full is None:
            self.full = _Full(self.env, self.lang)
        return self.full.forbidden(hay) if self.full.has_forbidden else []

    @property
    def shown(self) -> dict[str, str]:
        """Key -> the deprecated term as the glossary writes it (once :meth:`forbidden` found one)."""
        return self.full.shown if self.full is not None else {}


class _Full:
    """One Aho-Corasick automaton over every accepted and deprecated rendering of a language."""

    def __init__(self, env: Env, lang: str) -> None:
        import ahocorasick

        assert env.glossary is not None
        table: dict[str, tuple[bool, list[str]]] = {}  # key -> (accepted anywhere, deprecating concepts)
        self.shown: dict[str, str] = {}  # key -> the deprecated term as the glossary writes it
        self.automaton = ahocorasick.Automaton()
        for concept in env.glossary.concepts:
            for target in env.glossary.targets(concept.id, lang):
                k = khmer.key(target)
                if k:
                    table[k] = (True, table.get(k, (True, []))[1])
            for bad in env.glossary.forbidden(concept.id, lang):
                k = khmer.key(bad)
                self.shown.setdefault(k, bad)
                if k:
                    accepted, concepts = table.get(k, (False, []))
                    table[k] = (accepted, [*concepts, concept.id])
        self.bad = ahocorasick.Automaton()  # only the keys that are deprecated and never accepted
        for k, (accepted, concepts) in table.items():
            self.automaton.add_word(k, (k, accepted, tuple(concepts)))
            if not accepted and concepts:
                self.bad.add_word(k, k)
        self.has_forbidden = len(self.bad) > 0
        if self.has_forbidden:
            self.automaton.make_automaton()
            self.bad.make_automaton()

    def forbidden(self, hay: str) -> list[tuple[str, tuple[str, ...]]]:
        """Deprecated renderings in *hay* that are not part of a longer accepted rendering."""
        if next(self.bad.iter(hay), None) is None:
            return []  # the common case: no deprecated rendering at all
        hits = list(self.automaton.iter(hay))
        accepted: list[tuple[int, int]] = []
        bad: list[tuple[int, int, str, tuple[str, ...]]] = []
        for end, (k, ok, concepts) in hits:
            start = end + 1 - len(k)
            if not khmer.on_boundaries(hay, start, end + 1):
                continue
            if ok:
                accepted.append((start, end + 1))
            elif concepts:
                bad.append((start, end + 1, k, concepts))
        return [(k, cs) for s, e, k, cs in bad
                if not any(a <= s and e <= b and b - a > e - s for a, b in accepted)]


@check("glossary-forbidden", "error", order=20, needs_glossary=True)
def glossary_forbidden(entry: Entry, env: Env) -> Iterator[Problem]:
    """msgstr contains a deprecated rendering of a glossary concept (one that is not also an
    approved rendering, and not part of a longer approved one); ``info`` on catalogs out of the
    glossary's scope (see ``glossary-scope``)."""
    lang = env.glossary_lang
    if env.glossary is None or lang is None:
        return
    index = env.cache.get(("forbidden", lang))
    if index is None:
        index = env.cache[("forbidden", lang)] = _Index(env, lang)
    if not index.has_forbidden:
        return
    for source, translation in env.visible(entry)[1]:
        found = index.forbidden(khmer.key(translation))
        if not found:
            continue
        matched = {concept: term for _, _, concept, term in env.glossary_matches(source)}
        reported: set[tuple[str, str]] = set()
        for k, concepts in found:
            concept = next((c for c in concepts if c in matched), concepts[0])
            if (k, concept) in reported or (env.glossary_domains is not None
                                            and env.domain(concept) not in env.glossary_domains):
                continue
            reported.add((k, concept))
            term = matched.get(concept) or _source_term(env, concept)
            accepted = tuple(env.glossary.targets(concept, lang))
            hint = f"; use {' or '.join(f'“{t}”' for t in accepted[:3])}" if accepted else ""
            yield Problem(f"deprecated rendering “{index.shown.get(k, k)}” of {concept}{hint}", term=term,
                          expected=accepted, concept=concept, severity=env.glossary_level)


def _source_term(env: Env, concept_id: str) -> str | None:
    assert env.glossary is not None
    concept = env.glossary.get(concept_id)
    for term in concept.terms:
        if term.lang == "en" and term.status == "preferred":
            return term.text
    return None
