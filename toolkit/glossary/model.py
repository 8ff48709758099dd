"""The glossary's data model: concepts with per-language terms, as in TBX.

A *concept* is one thing in the world (a ministry, a person, a policy) with a stable id; its
*terms* are the ways to write it in each language. A term is ``preferred`` (use this),
``admitted`` (acceptable variant: acronym, short form) or ``deprecated`` (must not be used in a
translation). Everything is immutable; ``path``/``line`` say where a concept or term was defined,
so every later finding can point at the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOMAINS = ("person", "organisation", "place", "policy", "title", "general")
STATUSES = ("preferred", "admitted", "deprecated")
#: A concept is ``approved`` (curated: recognised, checked, used by MT) or ``proposed`` (written by
#: ``toolkit glossary suggest``, waiting for review): a proposed concept is linted but ignored by
#: recognition, checks and MT until ``toolkit glossary accept`` moves it into a curated file.
CONCEPT_STATUSES = ("approved", "proposed")
SOURCE_LANG = "en"
#: The longest term a glossary may hold. Real terms are a few words; a term of hundreds of
#: thousands of characters is a broken file, and pyahocorasick crashes (segfault) freeing an
#: automaton built with one, so such a term never reaches the matcher.
MAX_TERM_LENGTH = 500


def term_too_long(text: str) -> str | None:
    """The problem with a term longer than :data:`MAX_TERM_LENGTH`, else None."""
    if len(text) <= MAX_TERM_LENGTH:
        return None
    return f"term of {len(text)} characters (at most {MAX_TERM_LENGTH}): {text[:40]!r}…"

#: Stable concept ids: lower-case ASCII letters, digits and hyphens.
ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
#: A pragmatic BCP-47 shape: language, optional script/region/variant subtags.
LANG_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")


@dataclass(frozen=True)
class Term:
    """One written form of a concept in one language."""

    text: str
    lang: str
    status: str = "preferred"
    pos: str | None = None
    case_sensitive: bool = False
    dnt: bool = False  # do not translate: the rendering in every language is the term itself
    note: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Concept:
    """A thing named by the glossary, with its terms in every language it covers."""

    id: str
    domain: str
    terms: tuple[Term, ...]
    source: str
    note: str | None = None
    definition: str | None = None
    path: str | None = None
    line: int | None = None
    status: str = "approved"

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        """Terms in *lang*, in file order."""
        return tuple(t for t in self.terms if t.lang == lang)

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(t.lang for t in self.terms)

    @property
    def languages_in_order(self) -> tuple[str, ...]:
        """The concept's languages in the order their first term appears (for writing it out)."""
        return tuple(dict.fromkeys(t.lang for t in self.terms))

    def where(self, line: int | None = None) -> str:
        """``path:line`` of this concept (or of one of its terms) for messages."""
        line = self.line if line is None else line
        if self.path is None:
            return f"<{self.id}>"
        return f"{self.path}:{line}" if line is not None else self.path


@dataclass(frozen=True)
class TermMatch:
    """A glossary term recognised in a text; offsets are into the text that was searched."""

    start: int
    end: int
    text: str  # text[start:end] exactly as written in the input
    concept: str  # concept id
    term: str  # the glossary term (source language) that matched
    targets: dict[str, list[str]]  # lang -> renderings, preferred first (deprecated excluded)

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "concept": self.concept,
            "term": self.term,
            "targets": self.targets,
        }
