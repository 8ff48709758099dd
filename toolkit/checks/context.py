"""What checks may consult besides the entry: the catalog's language, the glossary and the
run's limits, with per-run caches (recognition per msgid, the deprecated-term automaton per language)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter, itemgetter, ne
from typing import TYPE_CHECKING, Any, NamedTuple

from toolkit import markup
from toolkit.catalog.reader import Entry
from toolkit.lang.khmer import found_squeezed, keys_of_normalized, renders_each

if TYPE_CHECKING:
    from toolkit.checks.config import Limits
    from toolkit.glossary import Glossary


_UNSEEN: Any = object()  # a concept Env.required has not been asked about yet
_KEYED: Any = object()  # Env.required_squeezed: a rendering is not Khmer-only (look in the key)
_MSGID, _REFERENCES, _PAIRS = attrgetter("msgid"), attrgetter("references"), attrgetter("pairs")
_MATCHES_KEPT = 8192  # msgids whose glossary matches an Env remembers (catalogs of a run repeat them)


class Unit(NamedTuple):
    """An entry with the file it is in (what corpus checks see); a tuple, as there are many."""

    path: str
    entry: Entry


@dataclass
class Env:
    """Run-wide inputs of the checks. ``lang`` is set per catalog by the runner."""

    glossary: "Glossary | None" = None
    lang: str | None = None
    limits: "Limits | None" = None
    glossary_level: str | None = None  # None: the glossary checks' own level; "info" out of scope
    glossary_domains: frozenset[str] | None = None  # concept domains the glossary checks use (None: all)
    _matches: dict[str, list[tuple[int, int, str, str]]] = field(default_factory=dict)
    _matches_kept: int = _MATCHES_KEPT
    _lang_cache: dict[str, str | None] = field(default_factory=dict)
    cache: dict[Any, Any] = field(default_factory=dict)
    _visible_for: "Sequence[Entry] | None" = None  # the batch :meth:`visible_all` last described, and its answer
    _visible_all: list[tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=list)
    _keys: dict[str, str] = field(default_factory=dict)  # keys computed by :meth:`prepare` for a catalog
    _squeezed: dict[str, str] = field(default_factory=dict)  # squeezed forms computed by :meth:`prepare`
    #: (source, translation) pairs in which the numbers check surely finds nothing (:meth:`prepare`)
    numbers_fine: set[tuple[str, str]] = field(default_factory=set)
    #: texts :func:`toolkit.lang.khmer.analyse` finds normalized and valid as they are (:meth:`prepare`)
    khmer_clean: set[str] = field(default_factory=set)
    #: the (source, translation) pairs of the batch :meth:`prepare` was last given, and its number
    _pairs: list[tuple[str, str]] = field(default_factory=list)
    _batch: int = 0
    #: :meth:`glossary_complete`'s answer and what it was told for (batch, language, domains)
    _complete: tuple[object, set[tuple[str, str]]] = field(default_factory=lambda: (None, set()))
    #: :meth:`glossary_quiet`'s answer and what it was told for (batch, language)
    _quiet: tuple[object, set[str]] = field(default_factory=lambda: (None, set()))
    _required: dict[str, dict[str, tuple[str, ...] | None]] = field(default_factory=dict)  # see :meth:`required`
    _required_squeezed: dict[str, dict[str, Any]] = field(default_factory=dict)  # see :meth:`required_squeezed`
    _normals: dict[str, str] = field(default_factory=dict)  # the batch's translations not normalized as written
    _with_nul: set[str] = field(default_factory=set)  # the batch's translations with a NUL (never keyed together)

    def visible_all(self, entries: "Sequence[Entry]") -> list[tuple[str, tuple[tuple[str, str], ...]]]:
        """:func:`visible` of each of *entries*, computed once for a batch that several checks
        read in turn (the same sequence object)."""
        if entries is not self._visible_for:
            self._visible_for = entries
            if markup.all_plain(list(map(_MSGID, entries)), list(map(_REFERENCES, entries))):
                self._visible_all = list(zip(repeat(""), map(_PAIRS, entries)))  # the usual batch
            else:
                self._visible_all = [visible(e) for e in entries]
        return self._visible_all

    def prepare(self, entries: "Sequence[Entry]") -> None:
        """Batch work for the entries about to be checked (a catalog or a chunk of one; translated
        and live, as the runner gives them: an entry without a translation only costs work): the
        glossary terms of the sources are found together
        (:meth:`toolkit.glossary.match.Matcher.spans_of`) and answer :meth:`matches`; the
        pairs in which the numbers check finds nothing are told together where numbers are
        common (:func:`toolkit.checks.numbers.without_findings`); the translations' normalization
        (:func:`toolkit.lang.khmer.analysed_apart`) tells those already normalized and valid
        (:attr:`khmer_clean`) and gives the squeezed forms of all (:meth:`squeezed`), computed
        together. Their keys (:func:`toolkit.lang.khmer.keys`) are computed together too, but only
        where needed: by :meth:`glossary_complete`, for the pairs a squeezed form cannot tell, and
        here, for every translation whose source may hold a term, when the deprecated renderings
        cannot be told from squeezed forms (:attr:`toolkit.glossary.verify.ForbiddenIndex.squeezable`).
        The answers are those the entry-by-entry path gives (a streamed catalog is not prepared);
        only faster."""
        from toolkit.checks.numbers import mostly_numbered, without_findings
        from toolkit.glossary.verify import forbidden_index
        from toolkit.lang import khmer

        pairs = [p for e in entries for p in e.pairs]
        self.numbers_fine = without_findings(pairs) if mostly_numbered(pairs) else set()
        # (C-level passes over the pairs: map, compress; a catalog has thousands.)
        translations = list(dict.fromkeys(map(itemgetter(1), pairs)))
        with_zwnj = compress(translations, map(str.__contains__, translations, repeat(khmer.ZWNJ)))
        texts = list(dict.fromkeys([*translations, *map(khmer.mask_separator_zwnj, with_zwnj)]))
        apart = khmer.analysed_apart(texts)  # every other text is normalized and valid as it is
        self.khmer_clean = set(texts).difference([texts[i] for i, (_, clean) in apart.items() if not clean])
        if self.glossary is None:
            return
        self._pairs, self._batch = pairs, self._batch + 1  # for glossary_complete and glossary_quiet
        known = self._matches
        if len(known) > _MATCHES_KEPT:  # what earlier catalogs left
            known.clear()
        sources = [s for s, _ in pairs if s not in known]
        if sources:
            known.update(self.glossary.matcher().spans_of(sources))
        self._matches_kept = len(known) + _MATCHES_KEPT  # this catalog's answers stay while it is checked
        self._normals = {texts[i]: normal for i, (normal, _) in apart.items()}  # the others: the text
        self._with_nul = set(compress(translations, map(str.__contains__, translations, repeat("\x00"))))
        # Every translation's squeezed form (glossary-forbidden's first test, and what
        # glossary-missing looks for Khmer-only renderings in); keys only where needed (_keyed).
        plain = [t for t in translations if t not in self._with_nul] if self._with_nul else translations
        self._squeezed = dict(zip(plain, khmer.squeezed_of_normalized(list(map(self._normals.get, plain, plain)))))
        self._keys = {}
        lang = self.glossary_lang
        index = forbidden_index(self.glossary, lang) if lang is not None else None
        if index is not None and index.has_forbidden and not index.squeezable:  # glossary-forbidden wants keys
            self._keyed(compress(map(itemgetter(1), pairs), map(ne, map(known.get, map(itemgetter(0), pairs)),
                                                                repeat([]))))

    def _keyed(self, translations: "Iterable[str]") -> None:
        """Compute the keys of those of *translations* (of the batch) not keyed yet, together."""
        keys, with_nul = self._keys, self._with_nul
        todo = [t for t in dict.fromkeys(translations) if t not in keys and t not in with_nul]
        if todo:
            normals = self._normals
            keys.update(zip(todo, keys_of_normalized(list(map(normals.get, todo, todo)))))

    def key(self, text: str) -> str:
        """:func:`toolkit.lang.khmer.key` of *text* (the one :meth:`prepare` computed, if any)."""
        found = self._keys.get(text)
        if found is None:
            from toolkit.lang.khmer import key

            found = key(text)
        return found

    def squeezed(self, text: str) -> str | None:
        """:func:`toolkit.lang.khmer.squeezed` of *text* if :meth:`prepare` computed it."""
        return self._squeezed.get(text)

    def known_key(self, text: str) -> str | None:
        """The key of *text* if :meth:`prepare` computed it."""
        return self._keys.get(text)

    def matches(self, msgid: str) -> list[tuple[int, int, str, str]]:
        """``Glossary.find(msgid)`` — the same recognition as ``toolkit glossary find`` — as
        (start, end, concept id, source term) tuples, cached per msgid (catalogs repeat them)."""
        if self.glossary is None:
            return []
        found = self._matches.get(msgid)
        if found is None:
            if len(self._matches) >= self._matches_kept:  # bounded: a large corpus is not kept whole
                self._matches.clear()
            found = self._matches[msgid] = self.glossary.matcher().spans(msgid)
        return found

    def glossary_matches(self, msgid: str) -> list[tuple[int, int, str, str]]:
        """:meth:`matches` limited to the concept domains in scope for this catalog."""
        found = self.matches(msgid)
        domains = self.glossary_domains
        if domains is None or not found:
            return found
        assert self.glossary is not None
        return [m for m in found if self.domain(m[2]) in domains]

    def required(self, concept_id: str, lang: str) -> tuple[str, ...] | None:
        """What ``glossary-missing`` looks for in a translation where *concept_id* is recognised:
        the keys of its accepted *lang* renderings (:meth:`target_keys`), or None when it has
        none (nothing to look for); see :func:`toolkit.lang.khmer.renders_each`. Cached for the run."""
        by_concept = self._required.setdefault(lang, {})
        found = by_concept.get(concept_id, _UNSEEN)
        if found is _UNSEEN:
            accepted = self.targets(concept_id, lang)
            found = by_concept[concept_id] = self.target_keys(concept_id, lang) if accepted else None
        return found

    def glossary_complete(self, lang: str) -> set[tuple[str, str]]:
        """The (source, translation) pairs of the batch :meth:`prepare` was last given in which
        every concept :meth:`glossary_matches` finds is rendered
        (:func:`toolkit.lang.khmer.renders_each`): where ``glossary-missing`` finds nothing. Told
        for the whole batch on first ask: in the squeezed forms :meth:`prepare` computed where
        every rendering looked for is Khmer-only (:func:`toolkit.lang.khmer.found_squeezed`),
        else in the keys, computed then for those translations together."""
        told_for = (self._batch, lang, self.glossary_domains)
        if self._complete[0] == told_for:
            return self._complete[1]
        complete: set[tuple[str, str]] = set()
        by_key: list[tuple[str, str, list[tuple[str, ...] | None]]] = []  # the pairs told from keys
        add, squeezed, matches = complete.add, self._squeezed, self.glossary_matches
        required, known = self.required_squeezed, self._required_squeezed.setdefault(lang, {})
        cached = self._matches if self.glossary_domains is None else {}  # glossary_matches's answers
        for source, translation in self._pairs:
            found = cached.get(source)
            if found is None:
                found = matches(source)
            if not found:
                continue  # nothing to look for (glossary-missing's own first test)
            needs = [known.get(concept, _UNSEEN) for _, _, concept, _ in found]
            if _UNSEEN in needs:
                needs = [required(concept, lang) for _, _, concept, _ in found]
            if _KEYED in needs:
                by_key.append((source, translation, [self.required(concept, lang) for _, _, concept, _ in found]))
                continue
            hay = squeezed.get(translation)
            if hay is not None and renders_each(hay, needs):
                add((source, translation))
        if by_key:
            self._keyed(map(itemgetter(1), by_key))
            keys = self._keys
            for source, translation, needs in by_key:
                hay = keys.get(translation)
                if hay is not None and renders_each(hay, needs):
                    add((source, translation))
        self._complete = (told_for, complete)
        return complete

    def required_squeezed(self, concept_id: str, lang: str) -> "tuple[str, ...] | None":
        """:meth:`required` where every rendering of it is Khmer-only, so found alike in a
        squeezed form (:func:`toolkit.lang.khmer.found_squeezed`); else ``_KEYED`` (look in the
        key). Cached for the run."""
        by_concept = self._required_squeezed.setdefault(lang, {})
        found = by_concept.get(concept_id, _UNSEEN)
        if found is _UNSEEN:
            keys = self.required(concept_id, lang)
            found = by_concept[concept_id] = keys if keys is None or all(map(found_squeezed, keys)) else _KEYED
        return found

    def glossary_quiet(self, lang: str) -> set[str]:
        """The translations of the batch :meth:`prepare` was last given in which no deprecated
        *lang* rendering can be (:meth:`toolkit.glossary.verify.ForbiddenIndex.quiet`, from the
        squeezed forms and keys :meth:`prepare` computed): ``glossary-forbidden`` finds nothing
        there. Told for the whole batch on first ask."""
        told_for = (self._batch, lang)
        if self._quiet[0] != told_for:
            from toolkit.glossary.verify import forbidden_index

            assert self.glossary is not None
            self._quiet = (told_for, forbidden_index(self.glossary, lang).quiet(self._keys, self._squeezed))
        return self._quiet[1]

    def domain(self, concept_id: str) -> str | None:
        found = self.cache.get(("domain", concept_id))
        if found is None:
            assert self.glossary is not None
            found = self.cache[("domain", concept_id)] = self.glossary.get(concept_id).domain
        return found

    def targets(self, concept_id: str, lang: str) -> list[str]:
        """``Glossary.targets`` (preferred first, then admitted), cached for the run."""
        assert self.glossary is not None
        found = self.cache.get((concept_id, lang))
        if found is None:
            found = self.cache[(concept_id, lang)] = self.glossary.targets(concept_id, lang)
        return found

    def target_keys(self, concept_id: str, lang: str) -> tuple[str, ...]:
        """The comparison keys (:func:`toolkit.lang.khmer.key`) of :meth:`targets`."""
        found = self.cache.get(("keys", concept_id, lang))
        if found is None:
            from toolkit.lang.khmer import key

            found = self.cache[("keys", concept_id, lang)] = tuple(key(t) for t in self.targets(concept_id, lang))
        return found

    @property
    def glossary_lang(self) -> str | None:
        """The glossary language code for the catalog's language (``km_KH`` -> ``km``)."""
        lang = self.lang
        if lang is None or self.glossary is None:
            return None
        if lang not in self._lang_cache:
            langs = self.glossary.languages
            candidates = [lang, lang.replace("_", "-"), lang.split("_")[0].split("-")[0].split("@")[0]]
            self._lang_cache[lang] = next((c for c in candidates if c in langs), candidates[-1])
        return self._lang_cache[lang]


def visible(entry: Entry) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The entry's markup kind (:func:`toolkit.markup.entry_kind`) and its (source, translation)
    pairs without that markup (:func:`toolkit.markup.visible`): what the text checks compare."""
    kind = markup.entry_kind(entry.msgid, entry.references)
    pairs = entry.pairs
    if kind:
        pairs = tuple((markup.visible(s, kind), markup.visible(t, kind)) for s, t in pairs)
    return kind, pairs
