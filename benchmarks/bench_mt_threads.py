"""How MT should use the machine: our drafter at its default thread split beside raw CTranslate2
at its best configuration, same model, same sentences, same run.

Model and sentences are those of ``bench_mt.py`` (transformer-base copy model, our news
templates, glossary masking). Raw CTranslate2 is timed in every (inter_threads, intra_threads)
split of the machine's cores, each on a fresh ``Translator`` with ``translate_batch(...,
max_batch_size=64)`` over the same masked tokens; its best split is the anchor. Ours is
``Drafter.draft`` with the default :class:`~toolkit.mt.options.MTOptions` (automatic split), and,
with one replica (inter_threads=1) whatever the default is. Rounds rotate the rows so that load from
other processes falls on each alike; the best round of each row counts.

Run: python benchmarks/bench_mt_threads.py [--sentences 256] [--beam 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_mt  # noqa: E402  (the model and sentences of the main MT benchmark)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=256)
    parser.add_argument("--beam", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import ctranslate2

    from toolkit.glossary import load_glossary
    from toolkit.mt import open_drafter, packages, terms
    from toolkit.mt.options import MTOptions, cores

    files = bench_mt.build_models()
    models = bench_mt.OUT / "models"
    if not (models / "base" / "en_km").exists():
        packages.install(files["base"], models / "base")
    glossary = load_glossary()
    items = [(t, glossary.find(t)) for t in bench_mt.sentences(args.sentences)]
    n = cores()
    splits = sorted({(1, n), (n, 1), (2, max(1, n // 2)), (1, 1)})

    def ours(inter: int) -> object:
        return open_drafter("en", "km", glossary=glossary, options=MTOptions(
            models_dir=models / "base", inter_threads=inter, beam_size=args.beam, batch_size=bench_mt.BATCH,
            progress=False))

    drafters = {"ours, default (automatic split)": ours(0), "ours, inter_threads=1": ours(1)}
    engine = next(iter(drafters.values())).engines[0]  # type: ignore[attr-defined]
    tokens = engine.tokenize([terms.protect(t, m, "km").text for t, m in items])
    path = str(engine.package.path / "model")
    raws = {f"raw ctranslate2 inter={i} intra={a}": ctranslate2.Translator(path, inter_threads=i, intra_threads=a)
            for i, a in splits}

    def raw(translator: ctranslate2.Translator) -> object:
        return translator.translate_batch(tokens, max_batch_size=bench_mt.BATCH, beam_size=args.beam,
                                          max_decoding_length=256)

    jobs = [(name, (lambda d=d: d.draft(items))) for name, d in drafters.items()]  # type: ignore[attr-defined]
    jobs += [(name, (lambda t=t: raw(t))) for name, t in raws.items()]
    for _, job in jobs:  # warm-up
        job()
    best = dict.fromkeys((name for name, _ in jobs), float("inf"))
    for r in range(args.rounds):
        for name, job in jobs[r % len(jobs):] + jobs[:r % len(jobs)]:
            start = time.perf_counter()
            job()
            best[name] = min(best[name], time.perf_counter() - start)
        print(f"  round {r + 1}/{args.rounds}", file=sys.stderr)
    rate = {name: len(items) / seconds for name, seconds in best.items()}
    print(f"{len(items)} sentences, beam {args.beam}, batch {bench_mt.BATCH}, {n} cores; default split "
          f"{MTOptions().thread_split()} (inter, intra)")
    for name, value in rate.items():
        print(f"{name:45} {value:8.1f} sent/s")
    anchor = max((v, k) for k, v in rate.items() if k.startswith("raw"))
    print(f"raw ctranslate2 at its best: {anchor[1]}")
    print(f"ratio ours (default) / raw at its best  = {rate['ours, default (automatic split)'] / anchor[0]:.2f}"
          "  (target >= 0.90)")
    print(f"ratio ours (inter_threads=1) / raw at its best = {rate['ours, inter_threads=1'] / anchor[0]:.2f}")


if __name__ == "__main__":
    main()
