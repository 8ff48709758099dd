"""Fast term recognition: one linear normalisation pass, then Aho–Corasick at word boundaries.

The text is normalised once into a form where every variation the glossary must ignore has
disappeared, keeping a small offset map back to the original:

* whitespace runs (line breaks inside a paragraph, double spaces, CRLF) become one space; a
  paragraph break (two or more line breaks) becomes a barrier no term can cross;
* every other non-word character (quotes straight or curly, apostrophes, hyphens, brackets,
  punctuation) becomes a space, one for one — so ``Hun Sen’s`` contains ``hun sen``,
  ``CPP-aligned`` contains ``cpp`` and ``sub-national`` equals ``sub national``;
* soft hyphens, zero-width joiners, word joiners and BOMs inside words are dropped;
* letters are lower-cased (one for one).

Terms go through the same normalisation and are stored padded with a space on each side, so the
automaton only reports matches that start and end on word boundaries ("Senate" never inside
"Senator") and the hot loop stays in C. Case-sensitive terms (explicitly marked, or all-caps
acronyms such as CPP) are checked against the un-lowered form afterwards. Regular English plurals
(policies, provinces), the unhyphenated spelling of hyphenated terms (subnational) and the other
side's spelling of British/American pairs (Labour/Labor, decentralisation/decentralization) are
added as variant keys; the acronym of a common noun (not of a name: CPPs is no plural) has a
plural that keeps its capitals (NGOs, MPs; never "ngos"). A term's final full stop (``H.E.``)
is part of the span when the text has it. Overlaps are resolved leftmost-longest, except that a
term led by an article gives way to a longer term from its next word ("the Kingdom of Cambodia").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from toolkit.gcpause import paused_gc
from toolkit.glossary.model import SOURCE_LANG, Concept, Term, TermMatch

PARA = "\x00"  # stands for a paragraph break; no key contains it (decoded text never has NUL)
#: Runs that change length: whitespace runs (-> one space or a paragraph barrier) and invisible
#: characters inside words (soft hyphen, joiners, word joiner, BOM -> nothing).
#: A hyphen ending a line ("sub-" + line break + "national") is one space, like "sub national".
_DROPPED = "\u00ad\u200c\u200d\u2060\ufeff"
_RUN = re.compile(
    rf"(?=[\s\-{_DROPPED}])(?:\s{{2,}}|-[ \t]*\r?\n[ \t]*(?![\r\n])|[{_DROPPED}]+)"
)
_WS_RUN = re.compile(r"\s{2,}")  # the same when the text has no line-end hyphen or dropped character
_SLOW = re.compile(rf"-[ \t]*\r?\n|[{_DROPPED}]")  # text that needs _RUN (a line-end hyphen, a dropped character)
#: One-for-one: every character that is not part of a word (and not already a space) -> space.
_SEP = re.compile(r"[^\w \u0300-\u036f\u1780-\u17ff\u19e0-\u19ff\x00]|[_\u02bb\u02bc]")  # ʻ ʼ are apostrophes
_VOWELS = frozenset("aeiou")
_ACRONYM_WORD = re.compile(r"[A-Z]{2,}(?<!S)")  # pluralisable acronym: NGO, MP (not US, NIS)
#: Domains of common nouns, whose acronyms have plurals (NGOs, MPs); names (CPP, NEC) have none.
_COUNTABLE = frozenset({"general", "title"})
_BOUNDARY = " " + PARA  # what may follow a match
#: Between texts joined for Matcher.spans_of: two NULs, which normalisation keeps as they are and
#: never makes (a paragraph break becomes one NUL and spaces), so no key crosses from one text to the next.
_JOIN = " \x00\x00 "
_BATCH = 256  # texts normalised and scanned together by Matcher.spans_of
_ARTICLE = re.compile(r"(?:the|an?) (?=\S)")  # a term's leading article: "the Kingdom", "a judge"


@dataclass(frozen=True)
class Normalised:
    """The normalised text (cased and lower-cased, both padded by one space) and its offset map."""

    cased: str
    low: str
    # Replaced whitespace runs: normalised start, original start, normalised length, original length.
    pieces: tuple[tuple[int, int, int, int], ...]
    piece_starts: tuple[int, ...]

    def original(self, pos: int) -> int:
        """Original offset of normalised (padded) position *pos*."""
        pos -= 1  # the leading pad
        i = bisect.bisect_right(self.piece_starts, pos) - 1
        if i < 0:
            return pos
        nstart, ostart, nlen, olen = self.pieces[i]
        if pos < nstart + nlen:
            return ostart
        return ostart + olen + (pos - nstart - nlen)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # Rare: a character whose lower case is longer (U+0130). Keep it as is, so offsets stay 1:1.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _to_original(pieces, spans):
    """Map sorted, non-overlapping normalised spans to original offsets in one merge pass."""
    out = []
    count = len(pieces)
    i = j = 0
    shift_i = shift_j = 0  # original minus normalised offset after the pieces passed so far
    for start, end, entry in spans:
        q = start - 1  # drop the leading pad
        while i < count and pieces[i][0] + pieces[i][2] <= q:
            shift_i = pieces[i][1] + pieces[i][3] - pieces[i][0] - pieces[i][2]
            i += 1
        ostart = pieces[i][1] if i < count and pieces[i][0] <= q else q + shift_i
        r = end - 1
        # A removed character (zero-length piece) right at the end stays outside the span.
        while j < count and (pieces[j][0] + pieces[j][2] < r or (pieces[j][2] and pieces[j][0] + pieces[j][2] == r)):
            shift_j = pieces[j][1] + pieces[j][3] - pieces[j][0] - pieces[j][2]
            j += 1
        oend = pieces[j][1] if j < count and pieces[j][0] <= r else r + shift_j
        out.append((ostart, oend, entry))
    return out


class _SeparatorTable(dict):
    """``str.translate`` table for :data:`_SEP` (separator -> space, other characters kept),
    filled per character on first sight: several times faster than ``_SEP.sub`` on text."""

    def __missing__(self, code: int) -> int:
        value = self[code] = 32 if _SEP.match(chr(code)) else code
        return value


_SEP_TABLE = _SeparatorTable()
#: The same mapping for ASCII text, as a byte table: ``bytes.translate`` is a plain C loop, several
#: times faster than ``str.translate`` (most source text is ASCII).
_ASCII_SEP = bytes(32 if _SEP.match(chr(i)) else i for i in range(128)) + bytes(range(128, 256))
_DROPPED_RE = re.compile(f"[{_DROPPED}]")


def _plain(text: str) -> bool:
    """True if normalisation only has to replace separators: single spaces between words,
    no other whitespace, nothing dropped (so no offset map is needed)."""
    if text.isprintable():  # no white space but the space, nothing dropped (all non-printable)
        return "  " not in text and text[:1] != " " and text[-1:] != " "
    return (text.isascii() or _DROPPED_RE.search(text) is None) and " ".join(text.split()) == text


def normalise(text: str) -> Normalised:
    """Normalise *text* for matching in one linear pass (see the module docstring)."""
    pieces: list[tuple[int, int, int, int]] = []
    if not _plain(text):
        text = _fold_runs(text, pieces)
    return _normalised(text, pieces)


def _normalised(text: str, pieces: list[tuple[int, int, int, int]]) -> Normalised:
    """:func:`normalise` of text whose runs are folded already (*pieces* records them; none
    when the text is plain, see :func:`_plain`)."""
    if text.isascii():
        cased = " " + text.encode("ascii").translate(_ASCII_SEP).decode("ascii") + " "
    else:
        cased = " " + text.translate(_SEP_TABLE) + " "
    norm = object.__new__(Normalised)  # as Normalised(...), without the frozen dataclass's setattr calls
    if pieces:
        norm.__dict__.update(cased=cased, low=_lower(cased), pieces=tuple(pieces),
                             piece_starts=tuple(p[0] for p in pieces))
    else:  # ASCII lower-cases one for one: no _lower check needed
        norm.__dict__.update(cased=cased, low=cased.lower() if cased.isascii() else _lower(cased), pieces=(),
                             piece_starts=())
    return norm


def _fold_runs(text: str, pieces: list[tuple[int, int, int, int]]) -> str:
    """*text* with whitespace runs and dropped characters replaced; *pieces* records them."""
    parts: list[str] = []
    last = 0
    shift = 0  # normalised length minus original length so far
    for m in (_WS_RUN if _SLOW.search(text) is None else _RUN).finditer(text):
        run = m.group()
        if run[0] == "-":
            rep = " "
        elif not run[0].isspace():
            rep = ""
        elif (run.count("\n") or run.count("\r")) >= 2:
            # A paragraph break: a barrier plus spaces, one for one, so no offset shift.
            parts.append(text[last : m.start()])
            parts.append(PARA + " " * (len(run) - 1))
            last = m.end()
            continue
        else:
            rep = " "
        parts.append(text[last : m.start()])
        pieces.append((m.start() + shift, m.start(), len(rep), len(run)))
        parts.append(rep)
        shift += len(rep) - len(run)
        last = m.end()
    if parts:
        parts.append(text[last:])
        text = "".join(parts)
    return text


def term_key(text: str) -> str:
    """The normalised, cased form of a term (without the padding)."""
    return normalise(text).cased.strip(" ")


def is_acronym(text: str) -> bool:
    """All-caps terms (CPP, NEC, H.E.) are matched case-sensitively: "cpp" is not "CPP"."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_JOINERS = "-/_."
_TIME_OF_DAY = {"AM", "PM"}
_TIME_PAIR = re.compile(r"\b(?:AM|PM|am|pm)\s*(?:and|or|/|-|–|to)\s*\Z|\A\s*(?:and|or|/|-|–|to)\s*(?:AM|PM|am|pm)\b")
_TOKEN_BEFORE = re.compile(r"([A-Za-z0-9]+)\Z")
_TOKEN_AFTER = re.compile(r"\A([A-Za-z0-9]+)")


def _code_like(token: str) -> bool:
    """A token of an identifier or code: has a digit, or is all capitals (EUC, UTF, ISO)."""
    return any(c.isdigit() for c in token) or (len(token) >= 2 and token.isupper())


def acronym_in_context(text: str, start: int, end: int, term: str) -> bool:
    """Whether the acronym *term* found at ``text[start:end]`` stands as a word of its own.

    Not when it is a piece of an identifier joined to a code-like token (``EUC-KR``, ``KR-1``,
    ``CP949/KR``, ``file.PDF``), nor, for AM/PM, the time of day (``3 PM``, ``10PM``, ``AM and
    PM``, ``AM/PM``): an acronym in news names an organisation, a place or a title."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if before[-1:] and before[-1] in _JOINERS:
        token = _TOKEN_BEFORE.search(before[:-1])
        if token and _code_like(token.group(1)):
            return False
    if after[:1] and after[0] in _JOINERS:
        token = _TOKEN_AFTER.search(after[1:])
        if token and _code_like(token.group(1)):
            return False
    if term.strip(".").upper() in _TIME_OF_DAY:
        if re.search(r"[0-9]\s*\Z", before) or _TIME_PAIR.search(before) or _TIME_PAIR.search(after):
            return False
    return True


#: British <-> American spellings that news texts mix (whole words; -isation/-ization by rule).
_SPELLING = {
    "labour": "labor", "defence": "defense", "centre": "center", "programme": "program",
    "honour": "honor", "neighbour": "neighbor", "favour": "favor", "harbour": "harbor",
    "licence": "license", "offence": "offense", "catalogue": "catalog", "analyse": "analyze",
    "councillor": "councilor", "counsellor": "counselor", "enrolment": "enrollment",
}
_SPELLING.update({v: k for k, v in list(_SPELLING.items())})
_WORD = re.compile(r"[A-Za-z]+")
_TAIL = re.compile(r"[.]*\Z")


def _respell(m: re.Match[str]) -> str:
    word = m.group()
    low = word.lower()
    other = _SPELLING.get(low)
    if other is None:
        for a, b in (("isation", "ization"), ("ization", "isation")):
            stem = low.removesuffix(a).removesuffix(a + "s")
            if stem != low and len(stem) >= 3:
                other = low.replace(a, b)
                break
    if other is None:
        return word
    if word.isupper():
        return other.upper()
    return other[0].upper() + other[1:] if word[0].isupper() else other


def spelling_variant(text: str) -> str:
    """*text* with British spellings made American and vice versa (labour/labor,
    decentralisation/decentralization); the text itself when nothing applies."""
    return _WORD.sub(_respell, text)


def plural(word: str) -> str | None:
    """The regular English plural of *word*, or None when there is no safe regular one."""
    if len(word) < 3 or not word.isalpha() or not word.isascii():
        return None
    if word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return None if word.endswith("s") else word + "es"
    return word + "s"


class _Entry(NamedTuple):
    """One term key's meaning in the automaton (a tuple: thousands are built with each matcher)."""

    concept: str
    term: str
    cased: str | None  # the cased key to compare, for case-sensitive terms
    rank: tuple[int, ...]
    tail: str = ""  # punctuation ending the term (the last "." of "H.E."), part of the span if present
    lead: int = 0  # length of the key's leading article and its space ("the "), 0 without one
    acronym: bool = False  # is_acronym(term): a match must stand as a word (acronym_in_context)


def _fingerprint(concepts: list[Concept], lang: str, secondary: frozenset[str]) -> str:
    """What a matcher's table depends on, hashed: the concepts' ids, domains and order, their
    terms in *lang* (text, status, case flag) and which concepts are secondary."""
    import hashlib

    parts = [lang, *sorted(secondary)]
    for concept in concepts:
        parts.append(f"\x1e{concept.id}\x1f{concept.domain}")
        parts += [f"{t.text}\x1f{t.status}\x1f{t.case_sensitive:d}" for t in concept.terms if t.lang == lang]
    return hashlib.sha256("\x1d".join(parts).encode()).hexdigest()


class Matcher:
    """A compiled automaton over the source-language terms of a set of concepts."""

    def __init__(self, concepts: Iterable[Concept], targets: dict[str, dict[str, list[str]]],
                 lang: str = SOURCE_LANG, secondary: frozenset[str] = frozenset()) -> None:
        self.lang = lang
        self._targets = targets
        from toolkit.glossary import cache

        concepts = list(concepts)
        fingerprint = _fingerprint(concepts, lang, secondary)
        table = cache.lookup_matcher(fingerprint)
        if table is None:
            table = self._table(concepts, lang, secondary)
            cache.store_matcher(fingerprint, table)
        automaton = ahocorasick.Automaton()
        for key, entries in table.items():
            free = entries[0] if entries[0].cased is None else None  # no case check needed
            automaton.add_word(" " + key, (len(key), free, tuple(entries)))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        self._longest = max((len(k) for k in table), default=0) + 1
        self._articled = any(_ARTICLE.match(k) for k in table)
        self._key_list = tuple(sorted(table)) if self._articled else ()  # sorted: see _next_words
        self._more: dict[str, frozenset[str]] = {}  # see _next_words
        self.size = len(table)
        self._acronyms = any(e.acronym for entries in table.values() for e in entries)
        self._tails = any(e.tail for entries in table.values() for e in entries)  # see _build

    @classmethod
    def _table(cls, concepts: list[Concept], lang: str, secondary: frozenset[str]) -> dict[str, list[_Entry]]:
        """Each key of the automaton and its meanings, best first (what the on-disk cache keeps)."""
        table: dict[str, list[_Entry]] = {}
        status_rank = {"preferred": 0, "admitted": 1, "deprecated": 2}
        for order, concept in enumerate(concepts):
            for term in concept.terms:
                if term.lang != lang:
                    continue
                tail = _TAIL.search(term.text).group()  # type: ignore[union-attr]  # "[.]*\Z" always matches
                acronym = is_acronym(term.text)
                for variant, key, cased in cls._keys(term, concept.domain in _COUNTABLE, acronym):
                    # Curated before optional layers, exact before variant, preferred first.
                    rank = (concept.id in secondary, variant, status_rank.get(term.status, 3), order)
                    article = _ARTICLE.match(key)
                    lead = article.end() if article else 0
                    table.setdefault(key, []).append(_Entry(concept.id, term.text, cased, rank, tail, lead, acronym))
        for entries in table.values():
            entries.sort(key=lambda e: e.rank)
        return table

    @staticmethod
    def _keys(term: Term, countable: bool = False, acronym: bool | None = None) -> list[tuple[int, str, str | None]]:
        """(variant rank, lower-case key, cased key if case-sensitive) for a term and its variants;
        *countable*: the concept is a common noun, so an acronym of it has a plural; *acronym*:
        :func:`is_acronym` of the term when the caller knows it."""
        cs = term.case_sensitive or (is_acronym(term.text) if acronym is None else acronym)
        forms = [(0, term.text)]
        if "-" in term.text:
            forms.append((1, re.sub(r"(?<=\w)-(?=\w)", "", term.text)))
        for _rank, form in list(forms):
            other = spelling_variant(form)
            if other != form:
                forms.append((1, other))
        out = []
        for variant, form in forms:
            cased = term_key(form)
            if not cased:
                continue
            out.append((variant, _lower(cased), cased if cs else None))
            if not cs:
                head, _, last = cased.rpartition(" ")
                many = plural(last)
                if many is not None:
                    pl = (head + " " + many) if head else many
                    out.append((variant + 2, _lower(pl), None))
            elif countable and _ACRONYM_WORD.fullmatch(cased.rpartition(" ")[2]):
                # An acronym's regular plural keeps its capitals: NGOs, MPs (not "ngos").
                out.append((variant + 2, _lower(cased) + "s", cased + "s"))
        return out

    def find(self, text: str) -> list[TermMatch]:
        """Term matches in *text*, leftmost-longest, offsets into *text*."""
        if not len(self._automaton) or not text:
            return []
        with paused_gc():
            return self._matches(text, self._find(text))

    def _matches(self, text: str, spans: list[tuple[int, int, str, str]]) -> list[TermMatch]:
        targets = self._targets
        new = object.__new__
        matches: list[TermMatch] = []
        for start, end, concept, term in spans:
            # Same fields as TermMatch(...), without the frozen dataclass's six
            # object.__setattr__ calls: this loop runs once per match.
            match = new(TermMatch)
            match.__dict__.update(start=start, end=end, text=text[start:end], concept=concept, term=term,
                                  targets={k: v[:] for k, v in targets[concept].items()})
            matches.append(match)
        return matches

    def spans(self, text: str) -> list[tuple[int, int, str, str]]:
        """What :meth:`find` returns, as bare (start, end, concept id, source term) tuples:
        callers that need no renderings (``toolkit check``) skip building the match objects."""
        if not len(self._automaton) or not text:
            return []
        with paused_gc():
            return self._find(text)

    def spans_of(self, texts: Iterable[str]) -> dict[str, list[tuple[int, int, str, str]]]:
        """:meth:`spans` of each of *texts*. The plain ones (:func:`_plain`) are normalised and
        scanned a few hundred at a time: joined by :data:`_JOIN`, their normalisation is each
        one's (each text's stretch, with the spaces on either side, its padding, is the
        :class:`Normalised` :func:`normalise` gives it), and no key crosses the NULs between them,
        so the automaton's one scan (:meth:`_scan`) over the joined texts finds each one's keys.
        A text whose matches need more than that scan (a rescan, a leading article, an acronym's
        context: :meth:`_finish`) is found on its own stretch. A batch in which lower-casing
        changes a length (U+0130) takes the one-by-one path: :func:`_lower` then works per
        character."""
        if not len(self._automaton):
            return {t: [] for t in texts}
        unique = list(dict.fromkeys(texts))
        found: dict[str, list[tuple[int, int, str, str]]] = {}
        plain = []  # plain texts not yet found
        with paused_gc():
            for i in range(0, len(unique), _BATCH):
                chunk = unique[i : i + _BATCH]
                # The chunk's texts are all plain if they are joined by " | ": a space at either
                # end of one, or an empty one, makes two spaces or a space at the joined ends.
                joined = " | ".join(chunk)
                if all(chunk) and PARA not in joined and _plain(joined):
                    if joined.isascii():
                        self._spans_of_plain(chunk, found)
                    else:
                        plain += chunk
                    continue
                for text in chunk:
                    if text and PARA not in text and _plain(text):
                        plain.append(text)
                    else:
                        found[text] = self._find(text) if text else []
            ascii_texts = [t for t in plain if t.isascii()]
            other = [t for t in plain if not t.isascii()]
            for group in (ascii_texts, other):
                for i in range(0, len(group), _BATCH):
                    self._spans_of_plain(group[i : i + _BATCH], found)
        return found

    def _spans_of_plain(self, chunk: list[str], found: dict[str, list[tuple[int, int, str, str]]]) -> None:
        """:meth:`spans_of` of plain, distinct texts (all ASCII or none), scanned joined."""
        joined = _JOIN.join(chunk)
        if not joined.isascii() and len(joined.lower()) != len(joined):
            found.update((t, self._find(t)) for t in chunk)
            return
        norm = _normalised(joined, [])  # plain texts joined by " NUL NUL " are plain
        accepted, rejected = self._scan(norm)
        ends, rejected_ends = [m[1] for m in accepted], [m[1] for m in rejected]
        careful = self._articled or self._acronyms
        build, after = self._build, bisect.bisect_right
        i = r = 0  # the first accepted match and rejected stretch not yet given to a text
        start = 1  # the text's first character in the joined normalisation (after the leading pad)
        for text in chunk:
            stop = start + len(text)
            j = after(ends, stop, i)  # accepted[i:j] are the text's (no key crosses the NULs)
            if rejected_ends and after(rejected_ends, stop, r) > r:
                r = after(rejected_ends, stop, r)
                found[text] = self._find_in(text, norm, start, stop)
            elif j == i:
                found[text] = []
            elif careful and any(m[2].lead or m[2].acronym for m in accepted[i:j]):
                found[text] = self._find_in(text, norm, start, stop)
            else:
                found[text] = build(text, norm, accepted[i:j], start)
            i = j
            start = stop + len(_JOIN)

    def _find_in(self, text: str, joined: Normalised, start: int, stop: int) -> list[tuple[int, int, str, str]]:
        """:meth:`_find` of *text*, whose normalisation is ``joined[start - 1 : stop + 1]``."""
        one = object.__new__(Normalised)
        one.__dict__.update(cased=joined.cased[start - 1 : stop + 1], low=joined.low[start - 1 : stop + 1],
                            pieces=(), piece_starts=())
        return self._find(text, one)

    def _find(self, text: str, norm: Normalised | None = None) -> list[tuple[int, int, str, str]]:
        if norm is None:
            norm = normalise(text)
        accepted, rejected = self._scan(norm)
        return self._finish(text, norm, accepted, rejected)

    def _scan(self, norm: Normalised) -> tuple[list[tuple[int, int, _Entry]], list[tuple[int, int]]]:
        """The fast path: the automaton's own leftmost-longest scan. Keys carry a leading space,
        so a match starts on a word boundary; the end boundary (a space follows) and the case of
        case-sensitive terms are checked here. Returns the matches accepted and the stretches
        (``low[start:end]``) of those rejected: there a shorter or later match may still be valid."""
        cased, low = norm.cased, norm.low
        accepted: list[tuple[int, int, _Entry]] = []
        append = accepted.append
        rejected: list[tuple[int, int]] = []
        for last, (klen, free, entries) in self._automaton.iter_long(low):
            end = last + 1
            if low[end] in _BOUNDARY:
                if free is not None:
                    append((end - klen, end, free))
                    continue
                for entry in entries:
                    if entry.cased is None or cased[end - klen : end] == entry.cased:
                        append((end - klen, end, entry))
                        break
                else:
                    rejected.append((end - klen - 1, end))
            else:
                rejected.append((end - klen - 1, end))
        return accepted, rejected

    def _finish(self, text: str, norm: Normalised, accepted: list[tuple[int, int, _Entry]],
                rejected: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
        """The spans of *text* from :meth:`_scan`'s answer: the rejected stretches rescanned for
        every candidate, longer terms after an article, acronyms only where they stand as words."""
        rescanned = [c for start, end in rejected for c in self._rescan(norm, start, end)]
        if rescanned:
            accepted = self._resolve(accepted + rescanned)
        if self._articled:
            accepted = self._after_article(norm, accepted)
        built = self._build(text, norm, accepted)  # one built span per accepted one, in order
        if self._acronyms and any(entry.acronym for _, _, entry in accepted):
            built = [m for m, (_, _, entry) in zip(built, accepted)
                     if not entry.acronym or acronym_in_context(text, m[0], m[1], m[3])]
        return built

    def _after_article(self, norm: Normalised,
                       accepted: list[tuple[int, int, _Entry]]) -> list[tuple[int, int, _Entry]]:
        """Longest match wins over leftmost: a term led by an article ("the Kingdom", "the King")
        gives way to a longer term starting at its next word ("the Kingdom of Cambodia", "the King
        Father Norodom Sihanouk"), which the leftmost scan skipped."""
        regions = []  # (first index, end index, the region's new matches) replacing accepted[first:end]
        count = len(accepted)
        low = norm.low
        done = 0  # accepted[:done] lie in regions already redone
        for i in range(count):
            start, end, entry = accepted[i]
            if not entry.lead or i < done:
                continue
            word = start + entry.lead
            # Cheap test first: can the word after the match continue a term from `word`?
            if low[end + 1 : low.find(" ", end + 1)] not in self._next_words(low[word:end]):
                continue
            best = None
            for cand in self._rescan(norm, word - 1, word):
                if cand[1] - cand[0] > end - start and (best is None or cand[1] > best[1]):
                    best = cand
            if best is None:
                continue
            # The matches the longer term overlaps are dropped: their stretch is redone locally.
            stop, j = best[1], i + 1
            while j < count and accepted[j][0] < best[1]:
                stop = max(stop, accepted[j][1])
                j += 1
            local = [c for c in self._rescan(norm, word - 1, stop) if c[1] <= stop]
            regions.append((i, j, self._resolve([best, *local])))
            done = j
        if not regions:
            return accepted
        out: list[tuple[int, int, _Entry]] = []
        last = 0
        for first, end_index, local in regions:
            out += accepted[last:first]
            out += local
            last = end_index
        out += accepted[last:]
        return out

    def _next_words(self, head: str) -> frozenset[str]:
        """The words that follow *head* in longer keys ("kingdom" -> {"of"}); computed once per head."""
        more = self._more.get(head)
        if more is None:
            prefix = head + " "
            keys = self._key_list
            words = set()
            # The keys are sorted, so those that start with *prefix* form one run found by bisection.
            for i in range(bisect.bisect_left(keys, prefix), len(keys)):
                if not keys[i].startswith(prefix):
                    break
                words.add(keys[i][len(prefix) :].split(" ", 1)[0])
            more = self._more[head] = frozenset(words)
        return more

    def _rescan(self, norm: Normalised, start: int, end: int) -> list[tuple[int, int, _Entry]]:
        """Every valid candidate beginning in low[start:end] (the slow, exhaustive way)."""
        cased, low = norm.cased, norm.low
        found = []
        stop = min(len(low) - 1, end + self._longest)
        window = low[start:stop]  # a slice: the automaton copies its whole input on every call
        for last, (klen, _free, entries) in self._automaton.iter(window):
            end2 = start + last + 1
            begin = end2 - klen
            if begin - 1 >= end or low[end2] not in _BOUNDARY:
                continue
            for entry in entries:
                if entry.cased is None or cased[begin:end2] == entry.cased:
                    found.append((begin, end2, entry))
                    break
        return found

    @staticmethod
    def _resolve(candidates: list[tuple[int, int, _Entry]]) -> list[tuple[int, int, _Entry]]:
        """Leftmost-longest, non-overlapping selection."""
        candidates.sort(key=lambda c: (c[0], -c[1]))
        chosen = []
        last_end = -1
        for cand in candidates:
            if cand[0] < last_end:
                continue
            last_end = cand[1]
            chosen.append(cand)
        return chosen

    def _build(self, text: str, norm: Normalised, spans: list[tuple[int, int, _Entry]],
               first: int = 1) -> list[tuple[int, int, str, str]]:
        """(start, end, concept id, source term) in *text* for normalised *spans*; *first*: where
        the text's first character is in *norm* when it has no offset map (after the pad)."""
        if norm.pieces:
            spans, first = _to_original(norm.pieces, spans), 0
        if not self._tails:  # no term ends in punctuation (see _Entry.tail)
            return [(start - first, end - first, entry.concept, entry.term) for start, end, entry in spans]
        out = []  # offsets in the usual case: the normalised ones less the leading pad
        for start, end, entry in spans:
            end -= first
            if entry.tail and text.startswith(entry.tail, end):
                end += len(entry.tail)
            out.append((start - first, end, entry.concept, entry.term))
        return out
