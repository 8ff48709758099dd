"""Does a translation keep the glossary? One verdict for MT drafts and TM fills, the same as the
``glossary-missing`` and ``glossary-forbidden`` checks (compared with :mod:`toolkit.lang.khmer`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from toolkit.lang import khmer

if TYPE_CHECKING:
    from toolkit.glossary import TermMatch


def missing_terms(output: str, matches: Sequence["TermMatch"], lang: str) -> tuple[str, ...]:
    """Source terms whose approved targets (any of them) are all absent from *output*, decided
    by :func:`toolkit.lang.khmer.has_term` — the same verdict as the ``glossary-missing`` check."""
    has_term = khmer.has_term
    missing: list[str] = []
    for m in matches:
        targets = m.targets.get(lang) or []
        if targets and m.term not in missing and not has_term(output, targets):
            missing.append(m.term)
    return tuple(missing)


_JOIN = "\x00"  # between the forms ForbiddenIndex.quiet scans together (as khmer.joined_indexes counts them)


def forbidden_index(glossary: Any, lang: str) -> "ForbiddenIndex":
    """The :class:`ForbiddenIndex` of *glossary* for *lang*, built once per glossary."""
    cache = glossary.__dict__.setdefault("_forbidden_index", {})
    found = cache.get(lang)
    if found is None:
        found = cache[lang] = ForbiddenIndex(glossary, lang)
    return found


def deprecated_terms(output: str, matches: Sequence["TermMatch"], glossary: Any, lang: str) -> list[tuple[str, str]]:
    """(deprecated rendering, source term) for each deprecated *lang* rendering of a concept of
    *matches* present in *output* — the ``glossary-forbidden`` check's verdict (one index, one
    rule), limited to the concepts of the segment."""
    index = forbidden_index(glossary, lang)
    if not index.has_forbidden:
        return []
    terms = {m.concept: m.term for m in matches}
    found: list[tuple[str, str]] = []
    for k, concepts in index.forbidden(khmer.key(output)):
        concept = next((c for c in concepts if c in terms), None)
        if concept is not None and (index.shown.get(k, k), terms[concept]) not in found:
            found.append((index.shown.get(k, k), terms[concept]))
    return found


class ForbiddenIndex:
    """The deprecated renderings of a language, found in two steps. An automaton over the keys of
    the deprecated renderings alone (a few: keyed at once) tells whether a translation may hold
    one; only when one does is :class:`_AllRenderings` built (once), which needs the key of every accepted
    rendering of the glossary: most runs never find a deprecated rendering and skip that."""

    def __init__(self, glossary: Any, lang: str) -> None:
        import ahocorasick

        self.glossary, self.lang = glossary, lang
        self.candidates = ahocorasick.Automaton()
        for concept in glossary.concepts:
            for bad in glossary.forbidden(concept.id, lang):
                k = khmer.key(bad)
                if k:
                    self.candidates.add_word(k, k)
        self.has_forbidden = len(self.candidates) > 0
        if self.has_forbidden:
            self.candidates.make_automaton()
        self.full: _AllRenderings | None = None
        #: every deprecated key can be told from a squeezed form (:meth:`may_hold`, :meth:`quiet`)
        self.squeezable = self.has_forbidden and all(map(khmer.squeezable, self.candidates.keys()))
        self._joinable = not any(_JOIN in k for k in self.candidates.keys())  # see :meth:`quiet`

    def may_hold(self, text: str, squeezed: str | None = None) -> bool:
        """False when *text* (as written) surely holds no deprecated rendering, told from a
        cheaper form than its key (:func:`toolkit.lang.khmer.squeezed`, given as *squeezed* when
        the caller has it); True means "compute the key and ask :meth:`forbidden`"."""
        if not self.squeezable:
            return True
        return next(self.candidates.iter(khmer.squeezed(text) if squeezed is None else squeezed), None) is not None

    def quiet(self, keys: Mapping[str, str], squeezed: Mapping[str, str]) -> set[str]:
        """The texts of many in which :meth:`forbidden` surely finds nothing, told in one scan:
        those of *keys* (text -> :func:`toolkit.lang.khmer.key`) in which no deprecated key
        occurs, and those of *squeezed* (text -> :func:`toolkit.lang.khmer.squeezed`; used where
        the key is not given) of which :meth:`may_hold` says so. The forms are joined by NUL,
        which is in no deprecated key, so a key found in the joined forms is in one of them."""
        forms = {**squeezed, **keys} if self.squeezable else keys
        if not self.has_forbidden:
            return set(forms)
        quiet = set(forms)
        if self._joinable:
            texts = list(forms)
            joined = _JOIN.join(forms.values())
            ends = [end for end, _ in self.candidates.iter(joined)]  # few: most translations hold none
            quiet.difference_update(map(texts.__getitem__, khmer.joined_indexes(joined, ends)))
        else:
            quiet.difference_update(t for t, form in forms.items() if next(self.candidates.iter(form), None))
        return quiet

    def forbidden(self, hay: str) -> list[tuple[str, tuple[str, ...]]]:
        """:meth:`_AllRenderings.forbidden`, without building it while no deprecated key is in *hay*."""
        if next(self.candidates.iter(hay), None) is None:
            return []  # the common case: no deprecated rendering at all
        if self.full is None:
            self.full = _AllRenderings(self.glossary, self.lang)
        return self.full.forbidden(hay) if self.full.has_forbidden else []

    @property
    def shown(self) -> dict[str, str]:
        """Key -> the deprecated term as the glossary writes it (once :meth:`forbidden` found one)."""
        return self.full.shown if self.full is not None else {}


class _AllRenderings:
    """One Aho-Corasick automaton over every accepted and deprecated rendering of a language."""

    def __init__(self, glossary: Any, lang: str) -> None:
        import ahocorasick

        table: dict[str, tuple[bool, list[str]]] = {}  # key -> (accepted anywhere, deprecating concepts)
        self.shown: dict[str, str] = {}  # key -> the deprecated term as the glossary writes it
        self.automaton = ahocorasick.Automaton()
        for concept in glossary.concepts:
            for target in glossary.targets(concept.id, lang):
                k = khmer.key(target)
                if k:
                    table[k] = (True, table.get(k, (True, []))[1])
            for bad in glossary.forbidden(concept.id, lang):
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
