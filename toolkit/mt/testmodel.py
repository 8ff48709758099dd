"""Build real, tiny CTranslate2 models with hand-set weights, packaged as ``.argosmodel``.

Why: tests and benchmarks must run the real CTranslate2 path without downloading a model. The
weights are set so that the Transformer *copies* its input token by token:

* token embeddings are balanced +/-1 codes (zero mean, unit norm) in a token block of the model
  dimension; sinusoidal position codes (with their negations, so they too have zero mean) sit in a
  position block. Every LayerNorm input then has mean 0 and a fixed norm, so LayerNorm is a fixed
  scaling and the hand-computed scales hold exactly.
* in the first decoder layer, the cross-attention queries and keys read only the position block,
  scaled so that decoder step ``t`` attends (softmax gap >= 30 nats) to source position ``t``; the
  values carry the source token code and the output projection writes it into a third, "copy"
  block. Every other sub-layer has zero output weights (a pure residual pass-through).
* the output projection compares the copy block with every token code, so the source token at
  position ``t`` wins by a wide margin; with ``add_source_eos`` the source ends in ``</s>``, which
  is copied last and stops decoding.

With ``prefix_token`` the decoder positions are shifted by one, so the model only copies when the
decoder is forced to start with that token (like NLLB's ``khm_Khmr``): a test that the engine
honours ``target_prefix``. The same builder makes the benchmark model in transformer-base shape
(6+6 layers, d_model 512, 8 heads, FFN 2048, vocabulary padded to >= 8,000); its extra layers
compute at full cost and, with weights of tiny random noise (distinct tensors of realistic size,
about 200 MB), still pass the copy through.

Run ``python -m toolkit.mt.testmodel OUT.argosmodel [--corpus FILE] [--base]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

import argparse
import json
import math
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

#: The training text shipped with the tests (English and Khmer, written for this repository).
#: Shipped with the package (toolkit/data/mt/), so an installed copy builds the model too.
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "data" / "mt" / "corpus.txt"


@dataclass(frozen=True)
class Shape:
    """Model dimensions; the copy circuit needs d_model >= 2 * token_dims + 4 * frequencies."""

    encoder_layers: int = 1
    decoder_layers: int = 1
    d_model: int = 384
    heads: int = 6
    ffn: int = 64
    token_dims: int = 128
    frequencies: int = 32  # position block = 4 * frequencies dims
    positions: int = 1100
    vocab_min: int = 0  # pad the vocabulary with unused tokens up to this size
    noise: float = 0.0  # std of random noise on the "zero" weights: distinct, realistic-size tensors


TEST_SHAPE = Shape()
BASE_SHAPE = Shape(encoder_layers=6, decoder_layers=6, d_model=512, heads=8, ffn=2048, vocab_min=8000,
                   noise=1e-3)


def train_sentencepiece(corpus: Path, out_prefix: Path, vocab_size: int = 700,
                        user_symbols: tuple[str, ...] = (), model_type: str = "unigram") -> Path:
    """Train a SentencePiece model with byte fallback (any text is encodable)."""
    import sentencepiece as spm

    lines = [ln for ln in corpus.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "corpus.txt"
        text.write_text("\n".join(lines) + "\n", encoding="utf-8")
        spm.SentencePieceTrainer.train(
            input=str(text), model_prefix=str(out_prefix), vocab_size=vocab_size, model_type=model_type,
            character_coverage=1.0, byte_fallback=True, hard_vocab_limit=False,
            user_defined_symbols=list(user_symbols), minloglevel=2, num_threads=1,
            # round-trip: keep the text as written (no NFKC, no whitespace squeezing)
            normalization_rule_name="identity", remove_extra_whitespaces=False,
        )
    return out_prefix.with_suffix(".model")


def _token_codes(n: int, dims: int, rng) -> "np.ndarray":
    import numpy as np

    base = np.concatenate([np.ones(dims // 2), -np.ones(dims - dims // 2)]) / math.sqrt(dims)
    return np.stack([rng.permutation(base) for _ in range(n)]).astype(np.float32)


def _frequencies(count: int, positions: int, rng) -> tuple["np.ndarray", float]:
    """Pick frequencies whose position codes separate every pair of positions; return the gap."""
    import numpy as np

    best, best_gap = np.zeros(count), -1.0
    deltas = np.arange(1, positions)
    for _ in range(8):
        omega = rng.uniform(0.02, math.pi, size=count)
        sim = np.cos(np.outer(deltas, omega)).sum(axis=1) / (2 * count)
        gap = 0.5 - float(sim.max())
        if gap > best_gap:
            best, best_gap = omega, gap
    return best, best_gap


def _position_codes(omega, positions: int, shift: int) -> "np.ndarray":
    import numpy as np

    t = (np.arange(positions) - shift)[:, None] * omega[None, :]
    block = np.concatenate([np.cos(t), np.sin(t), -np.cos(t), -np.sin(t)], axis=1)
    return (block / math.sqrt(2 * len(omega))).astype(np.float32)


def build_copy_model(sp_model: Path, out_dir: Path, shape: Shape = TEST_SHAPE, *,
                     prefix_token: str | None = None, seed: int = 7) -> dict[str, float]:
    """Write a CTranslate2 copy model for the vocabulary of *sp_model* into *out_dir*."""
    import numpy as np
    import sentencepiece as spm
    from ctranslate2.specs import TransformerSpec

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab += [f"<unused{i}>" for i in range(max(0, shape.vocab_min - len(vocab)))]
    D, H, kt, nf = shape.d_model, shape.heads, shape.token_dims, shape.frequencies
    hd, kp = D // H, 4 * nf
    if D % H or 2 * kt + kp > D or 2 * nf > hd or kt > H * hd:
        raise ValueError(f"shape {shape} cannot hold the copy circuit")
    P0, C0 = kt, kt + kp  # starts of the position and copy blocks
    rng = np.random.default_rng(seed)
    codes = _token_codes(len(vocab), kt, rng)
    omega, gap = _frequencies(nf, shape.positions, rng)
    emb = np.zeros((len(vocab), D), np.float32)
    emb[:, :kt] = codes
    enc_pos = np.zeros((shape.positions, D), np.float32)
    enc_pos[:, P0:C0] = _position_codes(omega, shape.positions, 0)
    dec_pos = np.zeros((shape.positions, D), np.float32)
    dec_pos[:, P0:C0] = _position_codes(omega, shape.positions, 1 if prefix_token else 0)

    ln_in = math.sqrt(D / 2)  # LayerNorm scale of [token | position] (norm^2 = 2, mean 0)
    lam = 30 * math.sqrt(hd) / (ln_in * ln_in * gap)  # query scale: >= 30 nats between positions
    cross = codes @ codes.T
    np.fill_diagonal(cross, -1)
    margin = 1.0 - float(cross.max())
    beta = 30 / (margin * math.sqrt(D / 3))  # logit scale: >= 30 nats to the next token

    spec = TransformerSpec.from_config((shape.encoder_layers, shape.decoder_layers), H)
    spec.encoder.scale_embeddings = False
    spec.decoder.scale_embeddings = False

    def zeros(*s):
        if shape.noise and len(s) == 2:  # without noise, CTranslate2 stores equal tensors once
            return rng.normal(0.0, shape.noise, size=s).astype(np.float32)
        return np.zeros(s, np.float32)

    def set_ln(ln):
        ln.gamma, ln.beta = np.ones(D, np.float32), zeros(D)

    def set_linear(lin, out, inp, weight=None):
        lin.weight = zeros(out, inp) if weight is None else weight
        lin.bias = zeros(out)

    def set_ffn(ffn):
        set_ln(ffn.layer_norm)
        set_linear(ffn.linear_0, shape.ffn, D)
        set_linear(ffn.linear_1, D, shape.ffn)

    spec.encoder.embeddings[0].weight = emb
    spec.encoder.position_encodings.encodings = enc_pos
    set_ln(spec.encoder.layer_norm)
    for layer in spec.encoder.layer:
        set_ln(layer.self_attention.layer_norm)
        set_linear(layer.self_attention.linear[0], 3 * D, D)
        set_linear(layer.self_attention.linear[1], D, D)
        set_ffn(layer.ffn)

    spec.decoder.embeddings.weight = emb.copy()
    spec.decoder.position_encodings.encodings = dec_pos
    set_ln(spec.decoder.layer_norm)
    heads_for_value = math.ceil(kt / hd)
    for index, layer in enumerate(spec.decoder.layer):
        set_ln(layer.self_attention.layer_norm)
        set_linear(layer.self_attention.linear[0], 3 * D, D)
        set_linear(layer.self_attention.linear[1], D, D)
        set_ffn(layer.ffn)
        att = layer.attention
        set_ln(att.layer_norm)
        wq, wkv, wo = zeros(D, D), zeros(2 * D, D), zeros(D, D)
        if index == 0:
            for h in range(heads_for_value):
                for i in range(2 * nf):  # queries and keys: the (cos, sin) half of the position block
                    wq[h * hd + i, P0 + i] = lam
                    wkv[h * hd + i, P0 + i] = 1.0
            for u in range(kt):  # values: the source token code; output: into the copy block
                wkv[D + u, u] = 1.0
                wo[C0 + u, u] = 1.0 / ln_in
        set_linear(att.linear[0], D, D, wq)
        set_linear(att.linear[1], 2 * D, D, wkv)
        set_linear(att.linear[2], D, D, wo)

    proj = zeros(len(vocab), D)
    proj[:, C0:C0 + kt] = beta * codes
    set_linear(spec.decoder.projection, len(vocab), D, proj)
    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization="float32")
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))
    return {"position_gap": gap, "token_margin": margin, "vocab": len(vocab)}


def build_package(out: Path, *, corpus: Path = DEFAULT_CORPUS, shape: Shape = TEST_SHAPE,
                  from_code: str = "en", to_code: str = "km", version: str = "1.0",
                  prefix_token: str | None = None, code: str | None = None, vocab_size: int = 700,
                  model_type: str = "unigram") -> Path:
    """Train the tokenizer, build the copy model and zip both as a real ``.argosmodel``."""
    out = Path(out)
    name = code or f"{from_code}_{to_code}-{'base' if shape.decoder_layers > 1 else 'test'}"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        root.mkdir()
        symbols = (prefix_token,) if prefix_token else ()
        sp_model = train_sentencepiece(corpus, Path(tmp) / "sp", vocab_size=vocab_size, user_symbols=symbols,
                                       model_type=model_type)
        (root / "sentencepiece.model").write_bytes(sp_model.read_bytes())
        stats = build_copy_model(sp_model, root / "model", shape, prefix_token=prefix_token)
        metadata = {
            "package_version": version, "argos_version": "1.9", "code": name,
            "from_code": from_code, "from_name": from_code, "to_code": to_code, "to_name": to_code,
            "description": "toolkit test copy model (hand-set CTranslate2 weights): output = input",
            "target_prefix": prefix_token or "",
        }
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (root / "README.md").write_text(f"Copy model built by toolkit.mt.testmodel: {stats}\n", encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(root.rglob("*")):
                zf.write(path, path.relative_to(root.parent).as_posix())
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m toolkit.mt.testmodel", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the .argosmodel to write")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--base", action="store_true", help="transformer-base shape (benchmark)")
    parser.add_argument("--from", dest="src", default="en")
    parser.add_argument("--to", dest="tgt", default="km")
    parser.add_argument("--version", default="1.0")
    parser.add_argument("--prefix-token", default=None, help="require this target prefix (NLLB style)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        parser.error(f"{args.corpus}: no such corpus file")
    build_package(args.out, corpus=args.corpus, shape=BASE_SHAPE if args.base else TEST_SHAPE,
                  from_code=args.src, to_code=args.tgt, version=args.version, prefix_token=args.prefix_token)
    print(args.out)


if __name__ == "__main__":
    main()
