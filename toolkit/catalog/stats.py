"""The one way entries are counted: translated, fuzzy, untranslated — as ``msgfmt --statistics``
counts them, so ``toolkit check``, ``toolkit build``, the review report and GNU gettext agree.

* the header entry and obsolete (``#~``) entries are not counted;
* an entry whose (first) translation is empty is untranslated, fuzzy flag or not;
* otherwise a ``fuzzy`` entry is fuzzy, and any other entry is translated (msgfmt looks only at
  ``msgstr[0]`` of a plural entry).

Words are counted per status as Translate Toolkit's ``pocount`` counts them: the source words of
every entry (msgid and msgid_plural), the target words of translated entries only. English (any
language written with spaces) uses pocount's own rule (:func:`source_words`); Khmer uses
:func:`toolkit.lang.khmer.words` (runs between spaces and zero-width spaces), because Unicode word
segmentation splits Khmer into syllables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Stats:
    """Counts of one catalog's (or several catalogs') live entries."""

    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    def __add__(self, other: Stats) -> Stats:
        return Stats(self.entries + other.entries, self.translated + other.translated,
                     self.fuzzy + other.fuzzy, self.untranslated + other.untranslated)


def status(first_translation: str, fuzzy: bool) -> str:
    """``translated``, ``fuzzy`` or ``untranslated`` for an entry (see the module docstring)."""
    if not first_translation:
        return "untranslated"
    return "fuzzy" if fuzzy else "translated"


class HasStatus(Protocol):
    """An entry as :mod:`toolkit.catalog.reader` gives it (what counting needs of it)."""

    @property
    def obsolete(self) -> bool: ...

    @property
    def status(self) -> str: ...


def catalog_stats(entries: Iterable[HasStatus]) -> Stats:
    """Counts of the live entries of a catalog read by :mod:`toolkit.catalog.reader`."""
    return count(e.status for e in entries if not e.obsolete)


class Tally:
    """:func:`catalog_stats` added up entry by entry (a catalog streamed from its file)."""

    __slots__ = ("counts",)

    def __init__(self) -> None:
        self.counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}

    def add(self, entry: HasStatus) -> None:
        self.update((entry,))

    def update(self, entries: Iterable[HasStatus]) -> None:
        """Count each of *entries* that is live (as :func:`catalog_stats` counts)."""
        counts = self.counts
        for entry in entries:
            if not entry.obsolete:
                counts[entry.status] += 1

    @property
    def stats(self) -> Stats:
        c = self.counts
        return Stats(c["translated"] + c["fuzzy"] + c["untranslated"], c["translated"], c["fuzzy"], c["untranslated"])


def count(statuses: Iterable[str]) -> Stats:
    """Stats from the statuses of the live entries."""
    translated = fuzzy = untranslated = 0
    for s in statuses:
        if s == "translated":
            translated += 1
        elif s == "fuzzy":
            fuzzy += 1
        else:
            untranslated += 1
    return Stats(translated + fuzzy + untranslated, translated, fuzzy, untranslated)


# --- words, as pocount counts them --------------------------------------------------------------

# pocount's preparation of a string before Unicode word segmentation (translate/tools/pocount.py):
# a <br> is a line break, other XML/HTML tags are not words, and a full stop between two
# non-digits splits ("end.Next" is two words, "3.5" stays one).
_BR = re.compile(r"<br\s*?/?>")
_TAG = re.compile(r"""<([\w.:]+)(\s([\w.:]+=((".*?")|('.*?')))?)*/?>|</([\w.]+)>""")
_DOT_BETWEEN = re.compile(r"\D\.\D")


def source_words(text: str) -> int:
    """Words of English (or any space-separated) *text*, exactly as ``pocount`` counts them:
    UAX #29 word segmentation after its tag and full-stop preparation."""
    if not text:
        return 0
    from unicode_segmentation_rs import unicode_words

    text = _DOT_BETWEEN.sub(" ", _TAG.sub("", _BR.sub("\n", text)))
    return len(unicode_words(text))


def words(text: str, lang: str | None) -> int:
    """Words of *text* in *lang*: the Khmer rule for Khmer (``km``, ``km_KH``…), pocount's otherwise."""
    if lang and lang.replace("-", "_").split("_")[0].split("@")[0] == "km":
        from toolkit.lang.khmer import words as khmer_words

        return khmer_words(text)
    return source_words(text)


@dataclass(frozen=True)
class WordStats:
    """Source words per status and target words of translated entries (pocount's columns)."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    target: int = 0  # words of the translations of translated entries

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    def __add__(self, other: WordStats) -> WordStats:
        return WordStats(self.translated + other.translated, self.fuzzy + other.fuzzy,
                         self.untranslated + other.untranslated, self.target + other.target)


class HasText(HasStatus, Protocol):
    """An entry with its strings (what word counting needs of it)."""

    @property
    def msgid(self) -> str: ...

    @property
    def msgid_plural(self) -> str | None: ...

    @property
    def translations(self) -> tuple[str, ...]: ...


def entry_words(entry: HasText, source_lang: str | None, target_lang: str | None) -> tuple[int, int]:
    """(source words, target words) of one entry; target words only when it is translated."""
    source = words(entry.msgid, source_lang)
    if entry.msgid_plural is not None:
        source += words(entry.msgid_plural, source_lang)
    if entry.status != "translated":
        return source, 0
    return source, sum(words(t, target_lang) for t in entry.translations)


def word_stats(entries: Iterable[HasText], target_lang: str | None, source_lang: str | None = "en") -> WordStats:
    """Word counts of the live entries of a catalog, by status (see the module docstring)."""
    tally = WordTally(target_lang, source_lang)
    for entry in entries:
        tally.add(entry)
    return tally.stats


class WordTally:
    """:func:`word_stats` added up entry by entry (a catalog streamed from its file)."""

    __slots__ = ("counts", "target", "target_lang", "source_lang")

    def __init__(self, target_lang: str | None, source_lang: str | None = "en") -> None:
        self.counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
        self.target = 0
        self.target_lang, self.source_lang = target_lang, source_lang

    def add(self, entry: HasText) -> None:
        if entry.obsolete:
            return
        source, translated = entry_words(entry, self.source_lang, self.target_lang)
        self.counts[entry.status] += source
        self.target += translated

    @property
    def stats(self) -> WordStats:
        c = self.counts
        return WordStats(c["translated"], c["fuzzy"], c["untranslated"], self.target)
