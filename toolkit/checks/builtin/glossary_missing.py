"""``glossary-missing``: every recognised source term has an approved rendering in msgstr.
Renderings are compared as :func:`toolkit.lang.khmer.key` and accepted only on Khmer cluster /
Latin word boundaries (:func:`toolkit.lang.khmer.contains`) — the verdict MT verification gives."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.registry import Problem, check
from toolkit.glossary.match import is_acronym
from toolkit.lang import khmer
from toolkit.lang.khmer import renders_each


@check("glossary-missing", "error", order=10, needs_glossary=True)
def glossary_missing(entries: Sequence[Entry], env: Env) -> Iterator[tuple[Entry, Problem]]:
    """A glossary term occurs in msgid (recognised exactly as ``toolkit glossary find`` does) and
    none of its preferred or admitted renderings for the catalog's language is in msgstr. An
    acronym kept as written (NIS, ASEAN) counts as deliberate. On catalogs out of the glossary's
    scope (not made from a document, see ``glossary-scope``) the finding is ``info``."""
    lang = env.glossary_lang
    if env.glossary is None or lang is None:
        return
    level = env.glossary_level
    complete = env.glossary_complete(lang)  # the pairs told for the whole batch at once
    for entry, (_, pairs) in zip(entries, env.visible_all(entries)):
        for source, translation in pairs:
            if (source, translation) in complete:
                continue
            found = env.glossary_matches(source)
            if not found:
                continue  # the usual case: no term, and no need for the translation's key
            hay = env.key(translation)
            seen: set[str] = set()
            for start, end, concept, term in found:
                if concept in seen:
                    continue
                seen.add(concept)
                if renders_each(hay, (env.required(concept, lang),)):
                    continue
                written = source[start:end]
                if is_acronym(term) and khmer.contains(hay, khmer.key(written)):
                    continue  # an acronym kept as written (NIS, ASEAN) is a deliberate non-translation
                accepted = env.targets(concept, lang)
                shown = " or ".join(f"“{t}”" for t in accepted[:3])
                yield entry, Problem(f"“{written}” ({concept}) is not translated with {shown}",
                                     term=term, expected=tuple(accepted), concept=concept, severity=level)
