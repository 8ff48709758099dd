"""The glossary checks' batch answers (Env.prepare, then Env.glossary_complete and
Env.glossary_quiet) give exactly the findings of the entry-by-entry path: fuzzed entries over a
glossary with several renderings per concept, concepts without one, deprecated renderings (one
inside an accepted one), acronyms, Latin renderings and two domains."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from toolkit.catalog.reader import parse_po
from toolkit.checks import all_checks
from toolkit.checks.context import Env
from toolkit.glossary import load_glossary
from toolkit.glossary.verify import forbidden_index

CONSONANTS = "កខគងចជញដតនបពមយរលវសហអ"
VOWELS = ["ា", "ិ", "ី", "ុ", "េ", "ោ", ""]
WORDS = ["Kandal", "Takeo", "Office", "Board", "Council", "River", "Bank", "Fund"]


def _km(rng: random.Random) -> str:
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 3)))


def _glossary(rng: random.Random, tmp_path: Path, latin_deprecated: bool = False):
    lines = ["domain: general", "concepts:"]
    concepts = []  # (source term, accepted, deprecated)
    seen = set()
    for i in range(40):
        if i % 10 == 9:
            en = "N" + "".join(rng.choice("ABCDEFGH") for _ in range(2))  # an acronym
        else:
            en = " ".join(rng.sample(WORDS, 2))
        if en in seen:
            continue
        seen.add(en)
        accepted = [] if i % 13 == 12 else [_km(rng) for _ in range(rng.randint(1, 3))]
        if i % 11 == 3:
            accepted += [en.upper(), en.split()[-1].lower()]  # Latin renderings
        deprecated = [_km(rng)] if rng.random() < 0.4 else []
        if accepted and rng.random() < 0.2:
            deprecated.append(accepted[0][:2])  # often inside an accepted rendering
        if latin_deprecated and i % 7 == 5:
            deprecated.append(en.split()[0])  # a Latin one: keys, not squeezed forms, tell it
        lines += [f"  - id: c{i}", "    source: test", f"    domain: {'general' if i % 3 else 'title'}",
                  "    en:", f"      - {{term: {en}, case_sensitive: {str(en.isupper()).lower()}}}"]
        if accepted or deprecated:
            lines.append("    km:")
            lines += [f"      - {t}" for t in accepted]
            lines += [f"      - {{term: {t}, status: deprecated}}" for t in deprecated]
        concepts.append((en, accepted, deprecated))
    path = tmp_path / "glossary.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_glossary([path]), concepts


def _entries(rng: random.Random, concepts, count: int):
    def rendering(concept) -> str:
        en, accepted, deprecated = concept
        choice = rng.random()
        if choice < 0.55 and accepted:
            return rng.choice(accepted)
        if choice < 0.65 and deprecated:
            return rng.choice(deprecated)
        if choice < 0.72 and accepted:
            return rng.choice(accepted)[:-1]  # cut
        if choice < 0.78 and accepted:
            return rng.choice(accepted) + rng.choice(["ា", "\u17d2ក", "x"])  # not on a boundary
        if choice < 0.80 and accepted[-1:] and accepted[-1].isascii():
            return accepted[-1][:2] + " " + accepted[-1][2:]  # a Latin rendering broken by a space
        if choice < 0.85:
            return en  # kept as written
        return _km(rng)

    out = ['msgid ""', 'msgstr ""', '"Language: km\\n"', ""]
    pool = [_km(rng) for _ in range(6)] + ["\u200b", " ", "x", "1"]
    texts: list[tuple[str, str]] = []
    for n in range(count):
        if texts and rng.random() < 0.1:
            source, translation = rng.choice(texts)  # repeated source or pair
            if rng.random() < 0.5:
                translation += rng.choice(pool)
        else:
            named = rng.sample(concepts, rng.randint(0, 3))
            source = " and ".join(f"the {c[0]}" for c in named) or "Nothing to see"
            if rng.random() < 0.1:
                source = "<g1>" + source + "</g1>"
            parts = [rendering(c) for c in named] + [rng.choice(pool) for _ in range(rng.randint(0, 3))]
            rng.shuffle(parts)
            translation = rng.choice(["", "\u200b", " "]).join(parts) or _km(rng)
        texts.append((source, translation))
        out += [f'msgctxt "{n}"', f'msgid "{source}"', f'msgstr "{translation}"', ""]
    return parse_po("\n".join(out)).entries


def _findings(env: Env, entries, batch: int | None) -> list:
    checks = all_checks()
    missing, forbidden = checks["glossary-missing"].func, checks["glossary-forbidden"].func
    found = []
    if batch is None:  # each entry alone, with nothing prepared
        for entry in entries:
            env = Env(glossary=env.glossary, lang=env.lang, glossary_domains=env.glossary_domains)
            found.append(([p for _, p in missing([entry], env)], [p for _, p in forbidden([entry], env)]))
        return found
    for i in range(0, len(entries), batch):  # as the runner calls them: a prepared batch at a time
        chunk = entries[i : i + batch]
        env.prepare(chunk)
        told: tuple[dict, dict] = ({}, {})
        for answers, func in zip(told, (missing, forbidden)):
            for entry, problem in func(chunk, env):
                answers.setdefault(id(entry), []).append(problem)
        found += [(told[0].get(id(e), []), told[1].get(id(e), [])) for e in chunk]
    return found


@pytest.mark.parametrize("latin_deprecated", [False, True])
def test_batch_answers_equal_entry_by_entry(tmp_path: Path, latin_deprecated: bool) -> None:
    rng = random.Random(7)
    glossary, concepts = _glossary(rng, tmp_path, latin_deprecated)
    assert forbidden_index(glossary, "km").squeezable is not latin_deprecated  # both batch paths
    entries = _entries(rng, concepts, 1500)
    for domains in (None, frozenset({"general"})):
        alone = _findings(Env(glossary=glossary, lang="km", glossary_domains=domains), entries, None)
        assert sum(1 for m, _ in alone if m) > 100 and sum(1 for _, f in alone if f) > 20
        assert sum(1 for m, f in alone if not m and not f) > 100
        for batch in (1, 7, 500):
            env = Env(glossary=glossary, lang="km", glossary_domains=domains)
            assert _findings(env, entries, batch) == alone


def test_batch_answers_follow_the_scope(tmp_path: Path) -> None:
    """Answers told for one language and domains are not given for others."""
    rng = random.Random(8)
    glossary, concepts = _glossary(rng, tmp_path)
    entries = _entries(rng, concepts, 400)
    env = Env(glossary=glossary, lang="km")
    env.prepare(entries)
    _findings(env, entries[:50], 10**6)  # told for all domains
    env.glossary_domains = frozenset({"title"})
    checks = all_checks()
    got = [[p for _, p in checks["glossary-missing"].func([e], env)] for e in entries]
    scoped = frozenset({"title"})
    alone = [[p for _, p in checks["glossary-missing"].func([e], Env(glossary=glossary, lang="km",
                                                                      glossary_domains=scoped))]
             for e in entries]
    assert got == alone
