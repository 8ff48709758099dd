"""English term candidates in one sentence: the names a curator wants, not every capital letter.

A candidate is a run of capitalised words joined by single spaces, with the connectors names use
inside them (``of``, ``for``, ``the``, ``and``, ``on``: *Council for the Development of
Cambodia*, *Ministry of Posts and Telecommunications*); ``and``/``the`` join only after ``of`` or
``for`` (so *Cambodia and Thailand* stays two names). What is cut away:

* a leading *The*, and a single capitalised word that starts a sentence (or a quotation): it is
  capitalised because of where it stands, not because it is a name;
* weekdays and months, and every sentence of a byline or a photo credit (``By …``, ``Photo: …``);
* titles and honorifics before a name (*Governor*, *H.E.*, *Oknha*, *Samdech*, *Prime Minister*):
  the name after them is the candidate, of kind ``person``;
* a trailing possessive (*Hun Sen’s* is *Hun Sen*).

An acronym in brackets right after a run whose initials spell it (*National Election Committee
(NEC)*) makes one candidate with both terms; a quoted phrase before *policy*, *campaign*, …
(*the ‘safe village and commune’ policy*) is a policy candidate. Rules and word lists are data
here, in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.lang.english import MONTHS, WEEKDAYS

CONNECTORS = frozenset({"of", "for", "the", "and", "on", "in", "de", "du", "&"})
#: Words that are capitalised for grammar, not because they name something.
STOP = frozenset(
    "a an the this that these those there their they he she it its we our you your i in on at to by for of "
    "and but or as if when while after before since until with from into over under about during "
    "also however meanwhile today yesterday tomorrow last next this according some many most all "
    "his her both each every other such what which who whom whose where why how not no yes "
    "mr mrs ms dr".split()
)
WEEKDAYS_MONTHS = WEEKDAYS | frozenset(MONTHS)
#: Titles and honorifics before a person's name (lower case; multi-word ones as word tuples).
TITLES = frozenset(
    "h.e. he samdech oknha okhna lok chumteav neak oknha governor deputy minister president senator "
    "ambassador general lieutenant colonel major captain brigadier admiral chairman chairwoman chair "
    "secretary spokesman spokeswoman spokesperson director commissioner mayor chief judge prosecutor "
    "prince princess king queen venerable dr mr mrs ms professor prof excellency lord lady "
    "tycoon monk activist".split()
)
#: Words that may stand between a place and a title (Kandal Provincial Governor …).
ORGANISATION_WORDS = frozenset(
    "ministry council committee commission department bank party authority agency association federation "
    "union organisation organization institute university court assembly senate office company corporation "
    "group fund foundation centre center club network alliance chamber secretariat administration hospital "
    "school police army forces unit board tribunal embassy consulate league society cooperative forum "
    "coalition front movement team inc ltd plc co".split()
)
PLACE_WORDS = frozenset(
    "province district commune village city capital river lake mountain mountains island islands canal highway route "
    "port airport bridge road street boulevard bay sea gulf region pagoda temple market "
    "krong srok khum phum".split()
)
POLICY_WORDS = frozenset(
    "policy policies law strategy plan programme program initiative act decree sub-decree agreement campaign "
    "framework code treaty roadmap vision charter convention pentagonal scheme".split()
)
#: Words a name may start with at the start of a sentence, before a connector (Council for ...).
HEADS = ORGANISATION_WORDS | POLICY_WORDS | PLACE_WORDS | frozenset(
    "kingdom republic people federation friends house hall royal national general".split())
TITLE_PREFIX = frozenset("provincial district commune municipal city capital national deputy vice prime "
                         "senior acting former first second".split())
BYLINE = re.compile(r"^\s*(?:by|photo|photos|picture|source|updated|posted|reporting by|editing by|"
                    r"written by|additional reporting|contact|email|tel|follow us)\b[\s:]", re.IGNORECASE)
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z0-9]*(?:[-–][A-Za-z0-9]+)*(?:['’][A-Za-z]+)?|&")
_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z]s?\Z|[A-Z]{2,}\Z")
_BRACKET_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z&]{1,11})\s*\)")
_QUOTED_POLICY = re.compile(
    r"[‘“\"']([A-Za-z][A-Za-z ,\-–]{2,80}?)[’”\"']\s+(policy|policies|campaign|programme|program|strategy|"
    r"plan|initiative|law|project|scheme|movement)\b", re.IGNORECASE)
_NUMBER = re.compile(r" \d+[A-Z]?\b")
#: Names that take a number (Highway 6): the number is part of the name.
NUMBERED = frozenset("highway road route street bridge zone phase".split())
_OPENERS = "‘“\"'(«[—–:"


@dataclass(frozen=True, slots=True)
class Found:
    """One candidate occurrence in a sentence: offsets of the term in the sentence, and its kind
    hint (``person`` after a title, ``policy`` for a quoted policy name, else "")."""

    start: int
    end: int
    term: str
    acronym: str | None = None
    hint: str = ""
    title: str | None = None


def _spells(acronym: str, words: list[str]) -> bool:
    """True if *acronym* abbreviates *words*: its letters are found in order from the right, its
    first letter starts the first word (Schwartz & Hearst 2003; COMFREL is COMmittee for FRee
    ... ELections)."""
    short = acronym[:-1] if acronym.endswith("s") and len(acronym) > 2 else acronym
    short = short.replace("&", "").lower()
    long = " ".join(words).lower()
    if not short or short[0] != long[0]:
        return False
    s, pos = len(short) - 1, len(long) - 1
    while s >= 0:
        ch = short[s]
        while pos >= 0 and (long[pos] != ch or s == 0 and pos > 0 and long[pos - 1].isalnum()):
            pos -= 1
        if pos < 0:
            return False
        pos, s = pos - 1, s - 1
    return True


def _is_cap(word: str) -> bool:
    return word[0].isupper() and word.lower() not in WEEKDAYS_MONTHS


def _is_title(words: list[str], i: int) -> int:
    """How many words starting at *i* form a title (0 when none)."""
    w = words[i].lower().rstrip(".")
    if words[i] in ("H.E.", "HE") or w in ("h.e",):
        return 1
    if w == "lok" and i + 1 < len(words) and words[i + 1].lower() == "chumteav":
        return 2
    if w == "secretary" and [x.lower() for x in words[i + 1:i + 3]] == ["of", "state"]:
        return 3
    if w == "neak" and i + 1 < len(words) and words[i + 1].lower() == "oknha":
        return 2
    return 1 if w in TITLES else 0


def candidates(sentence: str) -> list[Found]:
    """Candidate names in one *sentence* (a segment: its first word starts a sentence)."""
    if BYLINE.match(sentence):
        return []
    found: list[Found] = []
    for m in _QUOTED_POLICY.finditer(sentence):
        inner = " ".join(m.group(1).split())
        found.append(Found(m.start(), m.end(), f"{inner} {m.group(2)}", hint="policy"))
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]
    i = 0
    while i < len(tokens):
        run = _run(sentence, tokens, i)
        if not run:
            i += 1
            continue
        i = run[-1] + 1
        shaped = _shape(sentence, tokens, run)
        before = run[0] - 1  # "executive director Yong Kimeng": a title in lower case before the name
        if (shaped and before >= 0 and not shaped[0].hint and _gap(sentence, tokens, run[0]) == " "
                and tokens[before][2].split("-")[0].lower() in TITLES and len(shaped[0].term.split()) <= 4
                and not any(w.lower() in CONNECTORS | ORGANISATION_WORDS for w in shaped[0].term.split())):
            first = shaped[0]
            shaped[0] = Found(first.start, first.end, first.term, first.acronym, "person", tokens[before][2])
        found.extend(shaped)
        if shaped and shaped[-1].acronym and i < len(tokens) and tokens[i][2] == shaped[-1].acronym:
            i += 1  # the acronym in brackets belongs to the name before it
    return found


def _run(sentence: str, tokens: list[tuple[int, int, str]], i: int) -> list[int]:
    """Indexes of the longest name-like run of tokens starting at *i* (empty if none starts)."""
    if not _is_cap(tokens[i][2]):
        return []
    run = [i]
    seen_of = False
    j = i + 1
    while j < len(tokens):
        prev_end = tokens[j - 1][1]
        start, _end, word = tokens[j]
        if sentence[prev_end:start] != " ":
            break
        if _is_cap(word):
            run.append(j)
            j += 1
            continue
        low = word.lower()
        if low in CONNECTORS:
            # a connector joins only when a capitalised word follows it (through more connectors)
            k = j
            while k < len(tokens) and tokens[k][2].lower() in CONNECTORS and _gap(sentence, tokens, k) == " ":
                k += 1
            if k >= len(tokens) or _gap(sentence, tokens, k) != " " or not _is_cap(tokens[k][2]):
                break
            words = [tokens[x][2].lower() for x in range(j, k)]
            if words[0] in ("and", "&", "the", "in") and not seen_of:
                break
            if words[0] in ("of", "for", "on", "de", "du"):
                seen_of = True
            run.extend(range(j, k))
            j = k
            continue
        break
    return run


def _gap(sentence: str, tokens: list[tuple[int, int, str]], k: int) -> str:
    """What stands between token *k* and the one before it."""
    return sentence[tokens[k - 1][1]:tokens[k][0]]


def _opens_sentence(sentence: str, start: int) -> bool:
    before = sentence[:start].rstrip()
    return not before or before[-1] in _OPENERS


def _shape(sentence: str, tokens: list[tuple[int, int, str]], run: list[int]) -> list[Found]:
    """The candidate(s) a run of tokens makes: titles split off, stop words and possessives cut."""
    words = [tokens[k][2] for k in run]
    if all(w.isupper() and len(w) > 1 for w in words) and len(words) > 1:
        return []  # a dateline (PHNOM PENH, ...) or a shouted headline
    lead = 0
    while lead < len(words) and words[lead].lower() in STOP and not _is_title(words, lead):
        lead += 1
    # "Officials of the Ministry ...": a sentence's first word before a connector is a name's head
    # only when it is a word names are made of (Council, Ministry, Bank, Law ...)
    if (lead == 0 and len(words) > 2 and words[1].lower() in CONNECTORS and _opens_sentence(sentence, tokens[run[0]][0])
            and words[0].lower() not in HEADS and not _is_title(words, 0)):
        lead = 1
        while lead < len(words) and words[lead].lower() in CONNECTORS | STOP:
            lead += 1
    # titles: the name is what follows a title (and the titles stacked on it), up to a connector;
    # what comes after the connector ("... of the General Department of Taxation") is a run of its own
    for t in range(lead, len(words)):
        n = _is_title(words, t)
        if not n:
            continue
        e = t + n
        while e < len(words) and (m := _is_title(words, e) or words[e].lower() in TITLE_PREFIX):
            e += m
        stop = e
        while stop < len(words) and words[stop].lower() not in CONNECTORS and not _is_title(words, stop):
            stop += 1
        name = words[e:stop]
        if not name or len(name) > 4 or any(w.lower() in ORGANISATION_WORDS for w in name):
            continue
        a, b = tokens[run[e]][0], tokens[run[stop - 1]][1]
        if sentence[b - 2:b] in ("’s", "'s"):
            b -= 2
        out = [Found(a, b, sentence[a:b], None, "person", " ".join(words[lead:e]))]
        rest = stop
        while rest < len(words) and words[rest].lower() in CONNECTORS:
            rest += 1
        if rest < len(words):
            out += _shape(sentence, tokens, run[rest:])
        return out
    hint, title = "", None
    if lead < len(words) and all(_is_title(words, k) or words[k].lower() in TITLE_PREFIX
                                 for k in range(lead, len(words))):
        return []  # titles alone (Governor, Prime Minister) are no candidate
    words = words[lead:]
    idx = run[lead:]
    # trailing connectors or possessives
    while words and words[-1].lower() in CONNECTORS:
        words, idx = words[:-1], idx[:-1]
    if not words:
        return []
    start = tokens[idx[0]][0]
    end = tokens[idx[-1]][1]
    last = words[-1]
    if last[-2:] in ("’s", "'s"):
        end -= 2
        words[-1] = last[:-2]
    elif last[-1:] in ("’", "'"):
        end -= 1
        words[-1] = last[:-1]
    number = _NUMBER.match(sentence, end)
    if number and words[-1].lower() in NUMBERED:  # Highway 6, National Road 5
        end = number.end()
        words.append(number.group().strip())
    if hint != "person" and len(words) == 1:
        w = words[0]
        if _opens_sentence(sentence, start) and not is_acronym(w) or w.lower() in STOP or len(w) < 2:
            return []
    if hint == "person" and any(w.lower() in CONNECTORS for w in words):
        return []  # "Minister of Health": an office, not a name
    acronym = None
    after = _BRACKET_ACRONYM.match(sentence, end)
    if after and len(words) > 1 and _spells(after.group(1), words):
        acronym = after.group(1)
    return [Found(start, end, sentence[start:end], acronym, hint, title)]


def is_acronym(term: str) -> bool:
    """True for a one-word all-capitals term (NEC, ASEAN, MoEYS)."""
    return " " not in term and bool(_ACRONYM.match(term)) and sum(c.isupper() for c in term) >= 2
