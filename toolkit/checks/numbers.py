"""The ``numbers`` check: every number of the source appears, with the same value, in the
translation.

Policy (documented in docs/ci.md):
* Khmer digits ០–៩ are digits: ៨១.១ is 81.1.
* Source (English): ``,`` groups thousands and ``.`` marks decimals (1,500.5); ``1.500`` is 1.5.
* Translation: both conventions occur in Khmer (១ ៥០០, ១.៥០០ and ១,៥០០ for 1500; ៨១,១ and ៨១.១
  for 81.1). When both marks occur, the last one is the decimal mark; a single mark followed by
  exactly three digits may be either, so both readings are accepted; a space (also no-break and
  thin spaces) groups thousands only before groups of three digits.
* Scales: "1.5 million" means 1 500 000 and is satisfied by ១,៥ លាន or by ១ ៥០០ ០០០ (thousand,
  million, billion, trillion, bn, tn; លាន, ពាន់លាន, ប៊ីលាន, ពាន់, ម៉ឺន, សែន), not by ១,៥ ពាន់លាន.
  A translation's "១,៥ លាន" is also accepted for a bare 1.5 (a source such as "$1.5m").
* Years: a four-digit year 1000–2999 may be given in the Buddhist Era (+543 or +544); in a range
  "2024-25" the second year is 2025.
* Ordinals: 21st is the number 21 (ទី២១).
* Number words: the Khmer words for one to ten satisfy a source number 1–10 (mirroring the usual
  style of spelling small numbers out); other number words are out of scope.
* Digits inside placeholders (``%1$s``, ``{0}``) are not numbers. Each source number must be
  present (error); a number of the translation that is no reading of a source number, number word
  ("two", "second"), month name or fraction (¼) is reported as extra (warning).
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache

from toolkit.checks.placeholders import strip_placeholders
from toolkit.lang import khmer
from toolkit.lang.english import MONTHS

_SPACE_SEPS = " \u00a0\u202f\u2009"
# A number token: a digit, then what may follow it (the tails are also used by _or_nul below):
# digits, then groups of digits each after a mark (in a translation also after a space). The
# digits come first as one plain repeat, which the regex engine runs fastest, and every repeat is
# possessive (nothing after it could use what it would give back; fuzz-tested equal to the plain
# form "(?:[.,][0-9]+|[0-9])*").
_KM_TOKEN_TAIL = r"[0-9]*+(?:[.,\u0020\u00a0\u202f\u2009][0-9]++)*+"
_KM_TOKEN_RE = re.compile(f"[0-9]{_KM_TOKEN_TAIL}")
_EN_SCALE_RE = re.compile(r"\s*(thousand|million|billion|trillion|bn|tn)\b", re.I)
_YEAR_RANGE_RE = re.compile(r"((?:1|2)[0-9])([0-9]{2})[-\u2013/]$")
_KM_SCALE_RE = re.compile(r"[\s\u200b]*(ពាន់លាន|ប៊ីលាន|ទ្រីលាន|លាន|ពាន់|ម៉ឺន|សែន|thousand|million|billion|trillion)", re.I)
_SWAP_MARKS = str.maketrans(".,", ",.")
_EN_SCALE_WORDS = ("thousand", "million", "billion", "trillion", "bn", "tn")
_KM_SCALE_WORDS = ("ពាន់", "លាន", "ម៉ឺន", "សែន")
_EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9,
              "tn": 10**12}
_KM_SCALES = {"ពាន់លាន": 10**9, "ប៊ីលាន": 10**9, "ទ្រីលាន": 10**12, "លាន": 10**6, "ពាន់": 10**3,
              "ម៉ឺន": 10**4, "សែន": 10**5, **_EN_SCALES}
_KM_WORDS = {"ប្រាំមួយ": 6, "ប្រាំពីរ": 7, "ប្រាំបី": 8, "ប្រាំបួន": 9, "ប្រាំ": 5, "មួយ": 1,
             "ពីរ": 2, "បី": 3, "បួន": 4, "ដប់": 10}
_SOURCE_TAIL = r"[0-9]*+(?:[.,][0-9]++)*+"
_SOURCE_RE = re.compile(f"[0-9]{_SOURCE_TAIL}")
_MARKS_RE = re.compile(r"[.,]")
_SPACE_SPLIT_RE = re.compile(f"[{_SPACE_SEPS}]")
_SPACE_SET = frozenset(_SPACE_SEPS)
_YEAR_RE = re.compile(r"[12][0-9]{3}")
_DIGIT_RE = re.compile(r"[0-9\u17e0-\u17e9]")
_KM_WORDS_RE = re.compile("|".join(sorted(_KM_WORDS, key=len, reverse=True)))
# Substring tests (of lower-cased text) for the scale words: one search instead of a loop.
_EN_SCALE_WORD_RE = re.compile("|".join(_EN_SCALE_WORDS))
_ANY_SCALE_WORD_RE = re.compile("|".join(_KM_SCALE_WORDS + _EN_SCALE_WORDS))


def _value(digits: str) -> str:
    """Canonical string of a decimal number (``"1.50"`` -> ``"1.5"``, ``"007"`` -> ``"7"``)."""
    if digits.isdigit():  # the common case, without Decimal
        return digits.lstrip("0") or "0"
    return format(Decimal(digits).normalize(), "f")


def _grouped(groups: list[str]) -> bool:
    """True if *groups* read as thousands groups: 1–3 digits (no leading zero), then threes."""
    first = groups[0]
    return 1 <= len(first) <= 3 and first[0] != "0" and all(len(g) == 3 for g in groups[1:])


def _readings(chunk: str, *, english: bool) -> set[str] | list[str]:
    """Values of one space-free digit chunk: a set of alternative readings, or a list of
    separate numbers (``25.11.2026``, ``1,2,3``)."""
    marks = [c for c in chunk if c in ".,"]
    if not marks:
        return {_value(chunk)}
    parts = _MARKS_RE.split(chunk)
    if len(set(marks)) == 2:
        dec_mark = chunk[max(chunk.rfind("."), chunk.rfind(","))]
        head, tail = chunk.rsplit(dec_mark, 1)
        groups = _MARKS_RE.split(head)
        if (not english or dec_mark == ".") and marks.count(dec_mark) == 1 and _grouped(groups):
            return {_value("".join(groups) + "." + tail)}
        return [_value(p) for p in parts]
    if len(marks) > 1:
        return {_value("".join(parts))} if _grouped(parts) else [_value(p) for p in parts]
    head, tail = parts
    decimal = _value(head + "." + tail)
    thousands = len(tail) == 3 and _grouped(parts)
    if english:
        return {_value(head + tail)} if marks[0] == "," and thousands else {decimal}
    return {decimal, _value(head + tail)} if thousands else {decimal}


def _scaled(values: set[str], factor: int) -> set[str]:
    return {_value(str(Decimal(v) * factor)) for v in values}


def _space_grouped(chunks: list[str]) -> set[str] | None:
    """Readings of space-separated chunks as one number grouped in thousands, if they are."""
    if len(chunks) < 2 or not chunks[0].isdigit():
        return None
    heads = [chunks[0]] + [re.match(r"[0-9]*", c).group() for c in chunks[1:]]  # type: ignore[union-attr]
    if not _grouped(heads) or any(not c.isdigit() for c in chunks[1:-1]):
        return None
    found = _readings("".join(chunks), english=False)
    return found if isinstance(found, set) else None


@lru_cache(maxsize=4096)
def source_numbers(source: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The numbers of an English source: (as written, acceptable values)."""
    if _DIGIT_RE.search(source) is None:
        return ()
    return tuple((token, frozenset(values)) for token, values in _source_numbers(source))


def _source_numbers(source: str) -> list[tuple[str, set[str]]]:
    found: list[tuple[str, set[str]]] = []
    clean = khmer.to_ascii_digits(strip_placeholders(source))
    for m in _SOURCE_RE.finditer(clean):
        readings = _readings(m.group(), english=True)
        scale = _EN_SCALE_RE.match(clean, m.end())
        if isinstance(readings, list):
            found.extend((r, {r}) for r in readings)
            continue
        values = _scaled(readings, _EN_SCALES[scale.group(1).lower()]) if scale else set(readings)
        token = m.group()
        if _YEAR_RE.fullmatch(token):
            values |= {str(int(token) + 543), str(int(token) + 544)}
        elif len(token) == 2 and token.isdigit():
            years = _YEAR_RANGE_RE.search(clean, max(0, m.start() - 5), m.start())
            if years:  # "2024-25": the second year is 2025
                year = int(years.group(1) + token)
                values |= {str(year), str(year + 543), str(year + 544)}
        found.append((token, values))
    return found


def token_readings(token: str) -> set[str]:
    """Every value one number token of a translation (Latin digits) may have."""
    chunks = _SPACE_SPLIT_RE.split(token)
    readings: set[str] = set()
    for chunk in chunks:
        readings.update(_readings(chunk, english=False))
    joined = _space_grouped(chunks)
    if joined is not None:  # ១ ៥០០ ០០០, ១ ២៣៤,៥
        readings.update(joined)
    return readings


def canonical_numbers(translation_key: str, source: str) -> str:
    """*translation_key* (see :func:`toolkit.lang.khmer.key`) with each number that can be read as
    a number of *source* written as that number, so ៤៥០០ and ៤.៥០០ for "4,500" compare equal."""
    if _DIGIT_RE.search(translation_key) is None:
        return translation_key
    wanted = set().union(*(values for _, values in source_numbers(source))) if source else set()
    if not wanted:
        return translation_key

    def canon(m: re.Match[str]) -> str:
        common = token_readings(m.group()) & wanted
        return min(common) if common else m.group()

    return _KM_TOKEN_RE.sub(canon, translation_key)


def _token_values(clean: str, m: re.Match[str]) -> set[str]:
    """Every value the translation's number token *m* may have, its scale word included."""
    token = m.group()
    readings = token_readings(token)
    scale = _KM_SCALE_RE.match(clean, m.end())
    if scale:  # "១,៥ លាន" is 1 500 000 (and 1.5, for a source that says "$1.5m")
        chunks = _SPACE_SPLIT_RE.split(token)
        last = _readings(chunks[-1], english=False)
        base = set(last) if isinstance(last, set) else set()
        base.update(_space_grouped(chunks) or ())
        readings |= _scaled(base, _KM_SCALES[scale.group(1).lower()])
    return readings


def target_values(translation: str, clean: str | None = None) -> set[str]:
    """Every value a reading of the translation's numbers may have."""
    if clean is None:
        clean = _clean(translation)
    values: set[str] = set()
    for m in _KM_TOKEN_RE.finditer(clean):
        values |= _token_values(clean, m)
    return values


_EN_NUMBER_WORDS = {word: str(n) for n, words in enumerate((
    (), ("one", "first", "once", "single"), ("two", "second", "twice", "double", "both", "pair"),
    ("three", "third", "triple"), ("four", "fourth", "quarter"), ("five", "fifth"), ("six", "sixth"),
    ("seven", "seventh"), ("eight", "eighth"), ("nine", "ninth"), ("ten", "tenth"), ("eleven", "eleventh"),
    ("twelve", "twelfth", "dozen")), 0) for word in words}
_WORD_RE = re.compile(r"[a-z]+")


def _source_values(source: str) -> set[str]:
    """Every value a number of *source* may be written as in a translation, number words
    ("two", "second"), month names and vulgar fractions ("¼" -> 1 and 4) included."""
    import unicodedata

    values: set[str] = set()
    for _, found in source_numbers(unicodedata.normalize("NFKC", source).replace("\u2044", "/")):
        values |= found
    for word in _WORD_RE.findall(source.lower()):
        if word in _EN_NUMBER_WORDS:
            values.add(_EN_NUMBER_WORDS[word])
        elif word in MONTHS:
            values.add(str(MONTHS[word]))
    return values


@lru_cache(maxsize=4096)
def _written(source: str) -> frozenset[str]:
    """The number tokens of *source* as written (Latin digits), without placeholders."""
    return frozenset(_SOURCE_RE.findall(khmer.to_ascii_digits(strip_placeholders(source))))


def _alike(tokens: Iterable[str], written: frozenset[str] | set[str]) -> bool:
    """True if every one of *tokens* is in *written* as it is or with . and , swapped."""
    return all(t in written or t.translate(_SWAP_MARKS) in written for t in tokens)


def extra_numbers(source: str, translation: str) -> Iterator[str]:
    """Numbers of *translation* that are no reading of any number (or number word) of *source*:
    a stray digit (``_Toolbar`` -> ``…ឧបករណ៍1``) or a changed value written as a new number."""
    if _DIGIT_RE.search(translation) is None:
        return
    clean = _clean(translation)
    written = _written(source)
    if _alike(_tokens(clean), written):
        return  # the usual case: every number as the source writes it
    wanted: set[str] | None = None
    for m in _KM_TOKEN_RE.finditer(clean):
        token = m.group()
        if token in written or token.translate(_SWAP_MARKS) in written:
            continue  # as written in the source (or with . and , swapped): its own reading
        if wanted is None:
            wanted = _source_values(source)
        if not _token_values(clean, m) & wanted:
            yield m.group()


def word_values(translation: str) -> set[str]:
    """Numbers one to ten written as Khmer words in the translation (on cluster boundaries)."""
    hay = khmer.key(translation)
    return {str(_KM_WORDS[m.group()]) for m in _KM_WORDS_RE.finditer(hay)
            if khmer.on_boundaries(hay, m.start(), m.end())}


@lru_cache(maxsize=1024)  # both halves of the numbers check ask for the same msgstr
def _clean(translation: str) -> str:
    """The translation as numbers are read in it: no placeholders, no invisibles, Latin digits.
    (Normalization never changes digits or separators, so it is not needed here.)"""
    return khmer.visible_ascii_digits(strip_placeholders(translation))


@lru_cache(maxsize=1024)  # asked by both halves of the numbers check for the same translation
def _tokens(clean: str) -> tuple[str, ...]:
    """The number tokens of a cleaned translation (see :func:`_clean`), as written."""
    return tuple(_KM_TOKEN_RE.findall(clean))


def _same_tokens(source: str, clean: str) -> set[str]:
    """Number tokens written exactly as in the source (Khmer digits aside): a fast, exact answer
    for most numbers. Not used when a scale word could change a value ("1.5 million")."""
    if _EN_SCALE_WORD_RE.search(source.lower()) or _ANY_SCALE_WORD_RE.search(clean.lower()):
        return set()
    return _with_groups(_tokens(clean))


def _with_groups(found: tuple[str, ...]) -> set[str]:
    """*found* (a translation's tokens) and the groups of the space-grouped ones."""
    tokens = set(found)
    for token in found:
        if not (token.isdigit() or _SPACE_SET.isdisjoint(token)):  # "១ ៥០០": its groups count too
            tokens.update(_SPACE_SPLIT_RE.split(token))
    return tokens


def _all_written_alike(source: str, same: set[str]) -> bool:
    """True if every raw number token of *source* occurs in the translation as written or with
    . and , swapped. Sound: such a token always has a reading equal to the source's value(s)."""
    return _alike(_written(source), same)


def missing_numbers(source: str, translation: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(message, expected renderings) for each number of *source* missing or changed in
    *translation* (Khmer digits equal Latin digits; separators and scales as documented above)."""
    if _DIGIT_RE.search(source) is None:
        return
    clean = _clean(translation)
    same = _same_tokens(source, clean)
    if same and _all_written_alike(source, same):
        return  # every number of the source is in the translation as written: nothing to parse
    wanted = source_numbers(source)
    have: set[str] | None = None
    words: set[str] | None = None
    for token, values in wanted:
        if token in same or token.translate(_SWAP_MARKS) in same:
            continue  # as written, or with . and , swapped (៨១,១ for 81.1; ១.៥០០ for 1,500)
        if have is None:
            have = target_values(translation, clean)
        if values & have:
            continue
        if words is None:
            words = word_values(translation)
        if values & words:
            continue
        km = khmer.to_khmer_digits(token)
        yield (f"number {token} of the source is missing or changed in the translation",
               (token, km) if km != token else (token,))


def mostly_numbered(pairs: list[tuple[str, str]], sample: int = 64) -> bool:
    """True if at least half of the first *sample* pairs hold a digit: then
    :func:`without_findings` pays for itself (news); where numbers are rare (user interfaces) the
    check's own first test, "no digit", is cheaper than the catalog's regex passes (measured)."""
    first = pairs[:sample]
    return 2 * sum(1 for s, t in first if _DIGIT_RE.search(s) or _DIGIT_RE.search(t)) >= len(first) > 0


def without_findings(pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (source, translation) pairs of *pairs* for which :func:`missing_numbers` and
    :func:`extra_numbers` surely yield nothing, told for a catalog at once: the number tokens
    of all sources, then of all translations, are found by one regex pass each over the texts
    joined by NUL (no token spans a NUL), the scale words by substring searches
    (:func:`_with_scale_words`); the fast paths of those two functions (:func:`_alike`,
    :func:`_with_groups`) then decide each pair. A pair whose translation has the tokens of its
    source, as written or each with . and , swapped (the usual case), is decided by comparing
    their joined tokens: both fast paths then surely pass. The texts of a pair with a
    placeholder sign (``%``, ``{``) are read without their placeholders, as those functions read
    them (:func:`_written`, :func:`_clean`); pairs with a NUL are left to the functions
    themselves. (A pair met twice is told twice: rarer than deduplicating all is dearer.) Tested
    equal to the entry-by-entry answers."""
    if not pairs:
        return set()
    each_source, each_translation = zip(*pairs)
    sources, translations = khmer.nul_joined(each_source), khmer.nul_joined(each_translation)
    if sources is None or translations is None:  # a text with a NUL
        return without_findings([p for p in pairs if "\x00" not in p[0] and "\x00" not in p[1]])
    scale_sources = sources  # scale words are looked for in the source as it is (_same_tokens)
    holders = khmer.texts_holding(sources, "%{") | khmer.texts_holding(translations, "%{")
    if holders:
        some_sources, some_translations = list(each_source), list(each_translation)
        for i in holders:
            some_sources[i] = strip_placeholders(some_sources[i])
            some_translations[i] = strip_placeholders(some_translations[i])
        sources, translations = "\x00".join(some_sources), "\x00".join(some_translations)
    # As _written and _clean compute them (character by character, so joined texts keep their own).
    sources = khmer.to_ascii_digits(sources)
    cleans = khmer.visible_ascii_digits(translations)
    # The tokens of each text, joined by \x01 (framed alike for a source and its translation).
    wants = "\x01".join(_SOURCE_OR_NUL_RE.findall(sources))
    found = "\x01".join(_KM_TOKEN_OR_NUL_RE.findall(cleans))
    haves = found.split("\x00")
    wants_each = wants.split("\x00")
    fine = list(map(operator.or_, map(operator.eq, haves, wants_each),
                    map(operator.eq, found.translate(_SWAP_MARKS).split("\x00"), wants_each)))
    scaled = _with_scale_words(scale_sources, cleans, each_translation)
    for i in itertools.compress(range(len(fine)), map(operator.not_, fine)):
        fine[i] = _settled(haves[i], wants_each[i], i in scaled)
    for i in scaled:
        if haves[i].strip("\x01"):  # a scale word could change a value
            fine[i] = False
    for i in holders:  # no token in the translation: missing_numbers looks further if the source
        if fine[i] and not haves[i].strip("\x01"):  # has a digit, be it in a placeholder
            fine[i] = _DIGIT_RE.search(each_source[i]) is None
    return set(itertools.compress(pairs, fine))


def _settled(found: str, written: str, scaled: bool) -> bool:
    """:func:`without_findings` for one pair: its translation's tokens *found* and its source's
    *written*, joined by \x01, and whether one of them holds a scale word."""
    have = tuple(filter(None, found.split("\x01")))
    want = tuple(filter(None, written.split("\x01")))
    if not have:
        return not want
    if not want:
        return False  # extra_numbers would look further
    have_set, want_set = set(have), frozenset(want)  # (a subset needs no _alike: every token is in)
    if scaled or not (want_set <= have_set or _alike(want_set, _with_groups(have))):
        return False  # missing_numbers would look further
    return have_set <= want_set or _alike(have, want_set)


def _or_nul(tail: str) -> re.Pattern[str]:
    """A pattern finding each NUL and each number token (a digit, then *tail*) that starts
    with one character class: the regex engine then skips ahead to the next NUL or digit (an
    alternation of the two it tries at every character)."""
    return re.compile(f"[\x000-9](?:(?<=[0-9]){tail})?")


_SOURCE_OR_NUL_RE = _or_nul(_SOURCE_TAIL)
_KM_TOKEN_OR_NUL_RE = _or_nul(_KM_TOKEN_TAIL)


def _with_scale_words(sources: str, cleans: str, translations: tuple[str, ...]) -> set[int]:
    """Indexes of the NUL-joined texts in which a scale word is found as :func:`_same_tokens`
    finds it: an English one in the lower-cased sources, or any in the lower-cased cleaned
    translations. Substring searches of each word; in the translations, Khmer words (which have
    no case) are searched as they are, and English words first among their ASCII characters
    alone (a quarter of them): that finds every text with one (lower-casing makes no ASCII
    letter of one of theirs from another character, İ's "i" being followed by a combining dot),
    and each text found is then asked as :func:`_same_tokens` asks."""
    found = khmer.texts_holding(sources.lower(), _EN_SCALE_WORDS) | khmer.texts_holding(cleans, _KM_SCALE_WORDS)
    ascii_only = cleans.encode("ascii", "ignore").decode("ascii").lower()
    found.update(i for i in khmer.texts_holding(ascii_only, _EN_SCALE_WORDS) - found
                 if _ANY_SCALE_WORD_RE.search(_clean(translations[i]).lower()))
    return found
