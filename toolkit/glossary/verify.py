"""Does a translation keep the glossary? One verdict for MT drafts and TM fills, the same as the
``glossary-missing`` and ``glossary-forbidden`` checks (compared with :mod:`toolkit.lang.khmer`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toolkit.glossary import TermMatch


def missing_terms(output: str, matches: Sequence["TermMatch"], lang: str) -> tuple[str, ...]:
    """Source terms whose approved targets (any of them) are all absent from *output*, decided
    by :func:`toolkit.lang.khmer.has_term` — the same verdict as the ``glossary-missing`` check."""
    from toolkit.lang.khmer import has_term

    missing: list[str] = []
    for m in matches:
        targets = m.targets.get(lang) or []
        if targets and m.term not in missing and not has_term(output, targets):
            missing.append(m.term)
    return tuple(missing)


def deprecated_terms(output: str, matches: Sequence["TermMatch"], glossary: Any, lang: str) -> list[tuple[str, str]]:
    """(deprecated rendering, source term) for each deprecated *lang* rendering of a concept of
    *matches* present in *output*, unless it is only part of an approved rendering present."""
    from toolkit.lang import khmer

    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for m in matches:
        if m.concept in seen:
            continue
        seen.add(m.concept)
        approved = [khmer.key(a) for a in m.targets.get(lang) or [] if khmer.has_term(output, [a])]
        for bad in glossary.forbidden(m.concept, lang):
            k = khmer.key(bad)
            if khmer.has_term(output, [bad]) and not any(a != k and khmer.contains(a, k) for a in approved):
                found.append((bad, m.term))
    return found
