"""``glossary-forbidden``: no deprecated rendering of a glossary concept appears in msgstr (one
that is not also approved, nor part of a longer approved one); compared as
:func:`toolkit.lang.khmer.key` on boundaries."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.registry import Problem, check
from toolkit.glossary.verify import forbidden_index


@check("glossary-forbidden", "error", order=20, needs_glossary=True)
def glossary_forbidden(entries: Sequence[Entry], env: Env) -> Iterator[tuple[Entry, Problem]]:
    """msgstr contains a deprecated rendering of a glossary concept (one that is not also an
    approved rendering, and not part of a longer approved one); ``info`` on catalogs out of the
    glossary's scope (see ``glossary-scope``)."""
    lang = env.glossary_lang
    if env.glossary is None or lang is None:
        return
    quiet = env.glossary_quiet(lang)  # the translations told for the whole batch at once
    for entry, (_, pairs) in zip(entries, env.visible_all(entries)):
        for source, translation in pairs:
            if translation not in quiet:
                yield from ((entry, problem) for problem in _deprecated(env, lang, source, translation))


def _deprecated(env: Env, lang: str, source: str, translation: str) -> Iterator[Problem]:
    """The deprecated renderings in one translation of *source*."""
    assert env.glossary is not None
    index = forbidden_index(env.glossary, lang)
    if not index.has_forbidden:
        return
    hay = env.known_key(translation)  # prepare computed it when the source may hold a term
    if hay is None:
        if not index.may_hold(translation, env.squeezed(translation)):
            return  # the usual case, told without the translation's key
        hay = env.key(translation)
    found = index.forbidden(hay)
    if not found:
        return
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
