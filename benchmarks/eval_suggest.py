"""``toolkit glossary suggest``: quality on our annotated articles, name transliteration, speed.

1. **Precision of the top 20 and recall** on the articles of ``tests/glossary/data/suggest``
   (written for the tests, fictional people and organisations) against the hand-annotated lists
   (a candidate is right when its term and kind are the annotated ones), at ``--min-count 1``
   and at the default 2: ``articles/`` (``expected.yaml``, the set the rules were tuned on) and
   ``heldout/`` (``expected_heldout.yaml``, written after the rules, not tuned on).
2. **Transliteration exact-match rate**: every person of the shipped ``glossary/person.yaml``,
   its English name spelled by the ``[names]`` extra, compared (:func:`toolkit.lang.khmer.key`)
   with the concept's Khmer terms (preferred or admitted). Skipped without the extra.
3. **Speed**: 1,000 generated articles (about 25 sentences each, new names in them) and 50,000
   generated catalog entries (reviewed, with Khmer), then a quarter of each to show the time is
   linear; anchor: the issue's one minute. Transliteration is off here (see 2 for its speed).

    python benchmarks/eval_suggest.py [--articles 1000] [--entries 50000] [--skip-speed]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "glossary" / "data" / "suggest"
ANCHOR_SECONDS = 60.0


SETS = (("tuned", "articles", "expected.yaml", ["locales"]),
        ("held-out", "heldout", "expected_heldout.yaml", []))


def quality() -> None:
    from toolkit.glossary import load_glossary
    from toolkit.glossary.load import shipped_dir
    from toolkit.glossary.suggest import suggest

    glossary = load_glossary([shipped_dir()])
    for label, folder, annotated, catalogs in SETS:
        expected = {e["term"]: e["kind"] for e in yaml.safe_load((DATA / annotated).read_text(encoding="utf-8"))}
        articles = sorted((DATA / folder).iterdir())
        print(f"quality ({label}): {len(articles)} articles, {len(expected)} annotated names "
              f"(tests/glossary/data/suggest/{folder}, {annotated})")
        for min_count in (1, 2):
            found = suggest(articles, [DATA / c for c in catalogs], glossary, min_count=min_count,
                            transliterate=False, cwd=DATA)
            top = found[:20]
            right = [c for c in top if expected.get(c.term) == c.kind]
            recalled = {c.term for c in found if expected.get(c.term) == c.kind}
            print(f"  --min-count {min_count}: precision@20 {len(right)}/{len(top)} = "
                  f"{len(right) / max(len(top), 1):.2f}; recall {len(recalled)}/{len(expected)} = "
                  f"{len(recalled) / len(expected):.2f}")
            for c in top:
                if c not in right:
                    print(f"    wrong: {c.term!r} ({c.kind})")
            for term in sorted(set(expected) - recalled):
                print(f"    missed: {term!r} ({expected[term]})")


def transliteration() -> None:
    from toolkit.glossary.native import read_native
    from toolkit.glossary.suggest import names
    from toolkit.lang import khmer
    from toolkit.textio import read_text

    if not names.available():
        print("transliteration: the [names] extra is not installed (pip install -e '.[names]'); skipped")
        return
    path = ROOT / "glossary" / "person.yaml"
    concepts = read_native(path, read_text(path))
    exact = 0
    start = time.perf_counter()
    rows = []
    for c in concepts:
        en = c.terms_in("en")[0].text
        spelled = names.transliterate(en) or ""
        wanted = {khmer.key(t.text) for t in c.terms_in("km")}
        ok = khmer.key(spelled) in wanted
        exact += ok
        rows.append((ok, en, spelled, c.terms_in("km")[0].text))
    seconds = time.perf_counter() - start
    print(f"transliteration (khmer-latin-name-transformer, normalized): exact match {exact}/{len(concepts)} = "
          f"{exact / len(concepts):.2f} on glossary/person.yaml; {seconds / len(concepts):.2f} s per name")
    for ok, en, spelled, want in rows:
        print(f"    {'=' if ok else 'x'} {en}: {spelled} / {want}")


# --- speed ---------------------------------------------------------------------------------

SYL = ["sok", "chan", "vann", "rith", "sam", "nang", "phea", "ra", "vuth", "thy", "bo", "pha", "kim", "srey",
       "leak", "mony", "dara", "seyha", "pisey", "chen", "da", "ny", "rot", "heng"]
FAMILY = ["Sok", "Chea", "Keo", "Lim", "Meas", "Prak", "Ouk", "Yim", "Seng", "Nuon", "Touch", "Pich"]
ORG_HEAD = ["Federation", "Association", "Committee", "Council", "Authority", "Union"]
FIELD = ["Rice Millers", "Cashew Processors", "Fish Traders", "Rubber Growers", "Pepper Farmers", "Salt Makers",
         "Bus Drivers", "Garment Workers", "Tour Guides", "Palm Sugar Makers"]
KH = "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ"
FILLER = ["Farmers said prices rose this week after heavy rain in the north.",
          "The new road will open next month, officials said.",
          "Traders expect more buyers from abroad during the festival.",
          "Workers asked for higher wages and better transport.",
          "The report was published on the ministry website on Friday.",
          "Police said nobody was hurt in the accident."]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(SYL).title()}{rng.choice(SYL)}"


def _org(rng: random.Random, i: int) -> tuple[str, str]:
    field = FIELD[i % len(FIELD)]
    head = ORG_HEAD[(i // len(FIELD)) % len(ORG_HEAD)]
    region = f"{rng.choice(SYL).title()}{rng.choice(SYL)}"
    km = "".join(rng.choice(KH) for _ in range(8))
    return f"{region} {head} of {field}", f"សហព័ន្ធ{km}"


def generate(root: Path, n_articles: int, n_entries: int, seed: int = 7) -> tuple[list[Path], Path]:
    """Articles (each with new names) and catalogs of reviewed entries, written under *root*."""
    import polib

    from toolkit.catalog.po import format_po
    from toolkit.textio import atomic_write

    rng = random.Random(seed)
    orgs = [_org(rng, i) for i in range(400)]
    people = [_name(rng) for _ in range(800)]
    (root / "articles").mkdir(parents=True)
    articles = []
    for a in range(n_articles):
        lines = [f"Article {a}: news from the provinces", ""]
        for s in range(25):
            org, _ = rng.choice(orgs)
            who = rng.choice(people)
            kind = s % 4
            if kind == 0:
                lines.append(f"The {org} said on Monday that Governor {who} would visit the market.")
            elif kind == 1:
                lines.append(f"Oknha {who} told reporters the {org} needed more members.")
            else:
                lines.append(rng.choice(FILLER))
            lines.append("")
        path = root / "articles" / f"a{a:04d}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        articles.append(path)
    locales = root / "locales" / "km"
    locales.mkdir(parents=True)
    per_file = 1000
    for f in range(max(1, n_entries // per_file)):
        po = polib.POFile()
        po.metadata = {"Language": "km", "Content-Type": "text/plain; charset=UTF-8", "MIME-Version": "1.0",
                       "Content-Transfer-Encoding": "8bit", "Plural-Forms": "nplurals=1; plural=0;"}
        for e in range(per_file):
            org, km = rng.choice(orgs)
            tail = "".join(rng.choice(KH) for _ in range(12))
            if e % 3 == 0:
                msgid = f"Members of the {org} met in Phnom Penh (entry {f}-{e})."
                msgstr = f"សមាជិក{km}បានជួបគ្នានៅភ្នំពេញ {tail}។"
            else:
                msgid = f"{rng.choice(FILLER)[:-1]} (entry {f}-{e})."
                msgstr = f"កសិករ{tail}។"
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, occurrences=[(f"doc{f}.txt", str(e + 1))]))
        atomic_write(locales / f"c{f:03d}.po", format_po(po))
    return articles, root / "locales"


def speed(n_articles: int, n_entries: int) -> None:
    from toolkit.glossary import load_glossary
    from toolkit.glossary.load import shipped_dir
    from toolkit.glossary.suggest import suggest

    glossary = load_glossary([shipped_dir()])
    glossary.find("warm up the matcher")
    from toolkit.glossary.suggest import places

    places.gazetteer("warm up"), places.cldr("warm up")  # loaded once per process, not per input
    results = []
    for share in (4, 1):
        with tempfile.TemporaryDirectory() as tmp:
            articles, locales = generate(Path(tmp), n_articles // share, n_entries // share)
            start = time.perf_counter()
            found = suggest(articles, [locales], glossary, min_count=2, transliterate=False)
            seconds = time.perf_counter() - start
            with_km = sum(1 for c in found if c.km)
            results.append(seconds)
            print(f"speed: {len(articles)} articles + {n_entries // share} catalog entries: {seconds:.1f} s, "
                  f"{len(found)} candidates ({with_km} with Khmer)")
    print(f"  ours {results[1]:.1f} s vs anchor {ANCHOR_SECONDS:.0f} s: "
          f"{results[1] / ANCHOR_SECONDS:.2f} of the budget; "
          f"4x the input took {results[1] / results[0]:.2f}x the time (linear: about 4)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=50000)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-names", action="store_true")
    args = parser.parse_args()
    quality()
    if not args.skip_names:
        transliteration()
    if not args.skip_speed:
        speed(args.articles, args.entries)


if __name__ == "__main__":
    main()
