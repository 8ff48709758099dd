"""MT benchmark: our drafter beside Argos Translate and raw CTranslate2, same model, same run.

Model: transformer-base shape (6+6 layers, d_model 512, 8 heads, FFN 2048, vocabulary padded to
8,000) built by ``toolkit.mt.testmodel`` with hand-set copy weights plus small random noise (so
every tensor is distinct and real-sized, ~200 MB); it copies its input, so output lengths are
those of real translation. Cached under benchmarks/out/ (gitignored).

Text: >= 1,000 English news sentences composed from our own templates below, rich in glossary
terms. Rows (all on the same loaded model files, beam 2, the same thread count):

* ours: ``Drafter.draft`` over the segments (glossary masking, tokenization, batched CT2, decode,
  restore, verification) — what ``toolkit translate`` runs per catalog;
* the ``toolkit translate`` command itself (subprocess: start-up, segmentation, glossary, PO
  writing included);
* ``argostranslate.translate.translate()`` per sentence (on every Nth sentence, rate per sentence
  run) and on the whole text (paragraphs of 8 sentences), at our beam 2; and per sentence at
  Argos's own default beam 4 (on every 2Nth sentence);
* raw ``ctranslate2.Translator.translate_batch`` on the same (masked) tokens, max_batch_size BATCH (64, our default).

Argos's default sentence splitter (MiniSBD) downloads a model on first use; the benchmark must stay
offline, so its ``PackageTranslation.sentencizer`` is replaced by a splitter returning our own
segmentation (one sentence per call in per-sentence mode). Argos also reads ARGOS_BEAM_SIZE and
ARGOS_INTRA_THREADS, set to ours. The masking table measures, for each placeholder style, the share
of glossary terms whose approved target is in the output, decoded our way and Argos's way.

Run: python benchmarks/bench_mt.py [--sentences 1008] [--threads 2] [--argos-every 2] [--skip-argos-sentence]
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "mt"
BATCH = 64  # the `toolkit translate` default, for ours and for raw CTranslate2 alike

SUBJECTS = [
    "The Ministry of Health", "Prime Minister Hun Manet", "The National Assembly", "Officials in Phnom Penh",
    "The World Bank", "A spokesman for the Ministry of Economy and Finance", "The Senate",
    "Farmers in Siem Reap", "The Asian Development Bank", "Teachers in Kampot province",
    "The Ministry of Rural Development", "The governor of Battambang",
]
VERBS = ["said on Monday that", "announced on Tuesday that", "told reporters that",
         "confirmed in a statement that", "warned that", "expects that"]
CLAUSES = [
    "spending on rural roads will rise by 8 per cent next year",
    "the new policy will expand health care in remote districts",
    "the budget law must be approved before the end of the month",
    "garment exports grew faster than expected in the first quarter",
    "the file report_final_v2.pdf will be published on the ministry website",
    "clean water projects will reach 120 villages by 2027",
    "the National Election Committee will publish its spending plan",
    "schools in the province need more teachers and new textbooks",
    "the Royal Government of Cambodia will repair 340 kilometres of roads",
    "rice prices fell after the harvest in Kampong Cham",
    "the Ministry of Public Works and Transport will open two new bridges",
    "flood protection along the Mekong must be improved before the rainy season",
    "district hospitals will receive equipment paid for by donors",
    "electricity will be cheaper for households that use little power",
]


def sentences(n: int) -> list[str]:
    combos = itertools.product(SUBJECTS, VERBS, CLAUSES)
    out = [f"{s} {v} {c}." for s, v, c in combos]
    while len(out) < n:
        out += out
    return out[:n]


def build_models() -> dict[str, Path]:
    from toolkit.mt.testmodel import BASE_SHAPE, DEFAULT_CORPUS, build_package

    OUT.mkdir(parents=True, exist_ok=True)
    files = {"base": OUT / "en_km-base.argosmodel", "test": OUT / "en_km-test.argosmodel"}
    if not files["base"].exists():
        corpus = OUT / "corpus.txt"
        corpus.write_text(DEFAULT_CORPUS.read_text(encoding="utf-8") + "\n".join(sentences(1008)) + "\n",
                          encoding="utf-8")
        print("building the transformer-base copy model (cached) ...", file=sys.stderr)
        build_package(files["base"], corpus=corpus, shape=BASE_SHAPE, vocab_size=2000, model_type="bpe")
    if not files["test"].exists():
        build_package(files["test"])
    return files


def timed(fn, label: str = ""):
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    if label:
        print(f"  {label}: {elapsed:.2f} s", file=sys.stderr)
    return elapsed, result


class OurSplitter:
    """Stands in for Argos's MiniSBD splitter (which downloads): our segmenter's sentences."""

    def split_sentences(self, text: str) -> list[str]:
        from toolkit.segment import segment

        return [s.text for s in segment(text)] or [text]


def configure_argos(threads: int) -> Path:
    """Before anything imports argostranslate.settings (it reads the environment once)."""
    package_dir = OUT / "argos-packages"
    os.environ.update({
        "ARGOS_PACKAGES_DIR": str(package_dir), "XDG_CONFIG_HOME": str(OUT / "argos-config"),
        "XDG_CACHE_HOME": str(OUT / "argos-cache"), "XDG_DATA_HOME": str(OUT / "argos-data"),
        "ARGOS_BEAM_SIZE": "2", "ARGOS_INTRA_THREADS": str(threads), "ARGOS_DEVICE_TYPE": "cpu",
    })
    return package_dir


def masking_table(engine, glossary, texts: list[str]) -> list[tuple[str, float, float, float]]:
    from argostranslate.tokenizer import SentencePieceTokenizer

    from toolkit.mt import terms

    argos_tok = SentencePieceTokenizer(engine.package.tokenizer)
    items = [(t, glossary.find(t)) for t in texts]
    total = sum(len(m) for _, m in items)
    rows = []
    for style in [*terms.STYLES, terms.NO_MASKING]:
        masked = [terms.protect(t, m, "km", style) for t, m in items]
        out_tokens = engine.translate_tokens(engine.tokenize([m.text for m in masked]))
        ours = argos = 0
        for (_text, found), mask, toks in zip(items, masked, out_tokens):
            ours += len(found) - len(terms.missing_terms(terms.restore(engine.codec.decode(toks), mask), found, "km"))
            argos += len(found) - len(terms.missing_terms(terms.restore(argos_tok.decode(toks), mask), found, "km"))
        pieces = len(engine.codec.encode(terms.STYLES[style][0].format(n=7))) if style in terms.STYLES else 0
        rows.append((style, ours / total, argos / total, pieces))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1008)
    parser.add_argument("--threads", type=int, default=1,
                        help="CTranslate2 intra threads for every row (1: see the note on oversubscription)")
    parser.add_argument("--skip-argos-sentence", action="store_true", help="skip the slow per-sentence row")
    parser.add_argument("--argos-every", type=int, default=2,
                        help="argos per sentence runs on every Nth sentence (its rate is per sentence it ran)")
    parser.add_argument("--mask-sentences", type=int, default=96, help="sentences for the masking table")
    args = parser.parse_args()
    argos_dir = configure_argos(args.threads)

    from toolkit.glossary import load_glossary
    from toolkit.mt import open_drafter, packages, terms

    texts = sentences(args.sentences)
    whole = "\n\n".join(" ".join(texts[i:i + 8]) for i in range(0, len(texts), 8))
    files = build_models()
    models = OUT / "models"
    for name, archive in files.items():
        if not (models / name / "en_km").exists():
            packages.install(archive, models / name)
    glossary = load_glossary()
    from toolkit.mt.options import MTOptions

    # One replica with --threads intra threads for every row, as Argos runs (bench_mt_threads.py
    # measures our default thread split against raw CTranslate2's best).
    options = MTOptions(models_dir=models / "base", threads=args.threads, inter_threads=1, beam_size=2,
                        batch_size=BATCH, progress=False)
    drafter = open_drafter("en", "km", glossary=glossary, options=options)
    engine = drafter.engines[0]
    items = [(t, glossary.find(t)) for t in texts]
    n_terms = sum(len(m) for _, m in items)
    drafter.draft(items[:32])  # warm-up

    def raw(tokens):
        return engine.translator.translate_batch(tokens, max_batch_size=BATCH, beam_size=2, max_decoding_length=256)

    if not (argos_dir / "en_km-base").exists():
        argos_dir.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(files["base"]) as zf:
            zf.extractall(argos_dir)
    import argostranslate.translate as at

    at.get_translation_from_codes("en", "km").underlying.sentencizer = OurSplitter()
    at.translate("Warm up.", "en", "km")

    def argos_beam4(sample):
        from argostranslate import settings

        settings.beam_size = 4  # Argos's default (ARGOS_BEAM_SIZE unset); read at each call
        try:
            return [at.translate(t, "en", "km") for t in sample]
        finally:
            settings.beam_size = 2

    # Rounds over chunks of the text, the order of the rows rotated each round, so that load from
    # other processes on the machine falls on every row alike.
    rows = dict.fromkeys(["ours: Drafter.draft", "raw ctranslate2 translate_batch", "argos whole text",
                          "argos per sentence", "argos per sentence, its default beam 4"], 0.0)
    counts = dict.fromkeys(rows, 0)
    drafts = []
    chunk = 96  # a multiple of the batch size
    for r, start in enumerate(range(0, len(items), chunk)):
        part = items[start:start + chunk]
        tokens = engine.tokenize([terms.protect(t, m, "km").text for t, m in part])
        text = "\n\n".join(" ".join(t for t, _ in part[i:i + 8]) for i in range(0, len(part), 8))
        sample = [t for t, _ in part[::args.argos_every]]
        # (each job is run in this round: the loop variables are bound as defaults all the same)
        jobs = [
            ("ours: Drafter.draft", len(part), lambda part=part: drafts.extend(drafter.draft(part))),
            ("raw ctranslate2 translate_batch", len(part), lambda tokens=tokens: raw(tokens)),
            ("argos whole text", len(part), lambda text=text: at.translate(text, "en", "km")),
            ("argos per sentence", len(sample),
             lambda sample=sample: [at.translate(t, "en", "km") for t in sample]),
            ("argos per sentence, its default beam 4", len(sample[::2]),
             lambda sample=sample: argos_beam4(sample[::2])),
        ]
        for name, count, job in jobs[r % 5:] + jobs[:r % 5]:
            if name.startswith("argos per sentence") and args.skip_argos_sentence:
                continue
            rows[name] += timed(job)[0]
            counts[name] += count
        print(f"  round {r + 1}: {min(start + chunk, len(items))}/{len(items)} sentences", file=sys.stderr)
    expected = [terms.protect(t, m, "km") for t, m in items]
    exact = sum(d.text == terms.restore(e.text, e) for e, d in zip(expected, drafts))
    missing = sum(len(d.missing) for d in drafts)

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bench.txt"
        source.write_text(whole + "\n", encoding="utf-8")
        exe = Path(sys.executable).with_name("toolkit")
        cmd = [str(exe), "translate", str(source), "--to", "km", "--locales", str(Path(tmp) / "locales"),
               "--models-dir", str(models / "base"), "--threads", str(args.threads), "--inter-threads", "1"]
        elapsed, run = timed(lambda: subprocess.run(cmd, capture_output=True, text=True, cwd=tmp))
        summary = next((ln for ln in run.stdout.splitlines() if ln.startswith("summary:")), run.stderr.strip())
        rows["toolkit translate (command, PO written)"] = elapsed
        segs = int(re.search(r"segments=(\d+)", summary).group(1)) if "segments=" in summary else len(texts)
        counts["toolkit translate (command, PO written)"] = segs


    import json

    n = len(texts)
    vocab = len(json.loads((engine.package.path / "model" / "shared_vocabulary.json").read_text(encoding="utf-8")))
    print(f"model: transformer-base copy model (6+6 layers, d_model 512, 8 heads, FFN 2048), vocabulary {vocab}, "
          f"{engine.codec.sp.get_piece_size()} tokenizer pieces; {n} sentences, {n_terms} glossary terms, "
          f"threads {args.threads}, beam 2, batch {BATCH}")
    print(f"ours: exact copy with approved terms in {exact}/{n} drafts, {missing} missing terms; "
          f"toolkit translate: {summary}")
    rate = {name: counts[name] / rows[name] for name in rows if counts[name]}
    print(f"{'row':42} {'sentences':>9} {'seconds':>8} {'sent/s':>8}")
    for name in rate:
        print(f"{name:42} {counts[name]:9} {rows[name]:8.2f} {rate[name]:8.1f}")
    ours = rate["ours: Drafter.draft"]
    print(f"ratio ours / raw ctranslate2                       = {ours / rate['raw ctranslate2 translate_batch']:.2f}"
          "  (target >= 0.90)")
    if "argos per sentence" in rate:
        print(f"ratio ours / argos translate() per sentence        = {ours / rate['argos per sentence']:.2f}"
              "  (target >= 3)")
        print(f"ratio ours / argos per sentence at its default beam 4 = "
              f"{ours / rate['argos per sentence, its default beam 4']:.2f}")
        print(f"ratio toolkit translate command / argos per sentence = "
              f"{rate['toolkit translate (command, PO written)'] / rate['argos per sentence']:.2f}")
    print(f"ratio ours / argos translate() whole text          = {ours / rate['argos whole text']:.2f}")

    print("\nmasking: share of glossary terms whose approved target is in the output")
    for label, archive in (("test model", "test"), ("benchmark model", "base")):
        pkg = packages.find("en", "km", models / archive)
        from toolkit.mt.engine import CT2Engine

        eng = engine if archive == "base" else CT2Engine(pkg, MTOptions(threads=args.threads, inter_threads=1))
        print(f"{label}: {'style':12} {'ours':>6} {'argos decode':>13} {'pieces/placeholder':>19}")
        sample_texts = texts[::max(1, n // args.mask_sentences)]
        for style, ours_rate, argos_rate, pieces in masking_table(eng, glossary, sample_texts):
            print(f"{'':{len(label) + 1}} {style:12} {ours_rate:6.1%} {argos_rate:13.1%} {pieces:19}")


if __name__ == "__main__":
    main()
