"""Run one package's CTranslate2 model and tokenizer directly, batched over our segments.

Argos Translate's own ``translate()`` re-splits text with a sentence model it may download, and
its SentencePiece decode turns every ``_`` into a space; we do neither. Segments come already
split by ``toolkit.segment``; we tokenize them, sort by length (less padding), translate in
batches with the package's ``target_prefix`` forced, strip that prefix and decode exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from toolkit.errors import ModelError
from toolkit.mt.options import MTOptions
from toolkit.mt.packages import ModelPackage

_CONTROL = frozenset({"<s>", "</s>", "<pad>", "<blank>"})


class Engine(Protocol):
    """What a drafter needs of an MT engine; :class:`CT2Engine` is the CTranslate2 one. Others
    register in :data:`toolkit.mt.registry.ENGINES` (name -> import path)."""

    name: str
    package: ModelPackage

    @property
    def engine_id(self) -> str:
        """Engine, model and version, as written in a draft's provenance (``#. mt: …``)."""
        ...

    def translate(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> list[str]:
        """One output per input, in order."""
        ...


class SentencePieceCodec:
    """Exact SentencePiece round trip: decode pieces with the model, never replace ``_``."""

    def __init__(self, path: Path) -> None:
        import sentencepiece as spm

        self.sp = spm.SentencePieceProcessor(model_file=str(path))
        self._unk = self.sp.unk_id()

    def encode(self, text: str) -> list[str]:
        return self.sp.encode(text, out_type=str)

    def decode(self, pieces: Sequence[str]) -> str:
        """Pieces of the tokenizer decode through it; others (a separate target vocabulary, as in
        OPUS-MT) are joined as SentencePiece text (``▁`` = space); control tokens are dropped."""
        parts: list[str] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                text = self.sp.decode_pieces(run)
                if parts and run[0].startswith("\u2581"):  # decode drops a run's leading space
                    text = " " + text
                parts.append(text)
                run.clear()

        for piece in pieces:
            if piece in _CONTROL:
                continue
            if self.sp.piece_to_id(piece) != self._unk or piece == "<unk>":
                run.append(piece)
            else:
                flush()
                parts.append(piece.replace("\u2581", " ") if parts else piece.lstrip("\u2581").replace("\u2581", " "))
        flush()
        return "".join(parts)


class BPECodec:
    """Moses + BPE packages (older Argos models), through Argos's own tokenizer class."""

    def __init__(self, package: ModelPackage) -> None:
        from argostranslate.tokenizer import BPETokenizer

        self.tok = BPETokenizer(package.tokenizer, package.from_code, package.to_code)

    def encode(self, text: str) -> list[str]:
        return self.tok.encode(text)

    def decode(self, pieces: Sequence[str]) -> str:
        return self.tok.decode(list(pieces))


def _model_config(directory: Path) -> dict[str, Any]:
    import json

    try:
        data = json.loads((directory / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class CT2Engine:
    """One loaded package: ``translate(texts)`` returns one output per input, same order."""

    name = "argos-ct2"

    def __init__(self, package: ModelPackage, options: MTOptions | None = None) -> None:
        import ctranslate2

        options = options or MTOptions()
        self.package, self.options = package, options
        tokenizer = package.tokenizer
        self.codec = SentencePieceCodec(tokenizer) if tokenizer.name == "sentencepiece.model" else BPECodec(package)
        self.prefix = package.target_prefix.split()
        self.source_prefix = package.source_prefix.split()
        # NLLB-style models want "<lang> tokens </s>" (as their tokenizer makes); add the end
        # token unless the model's own config already has CTranslate2 add it.
        config = _model_config(package.path / "model")
        self.source_suffix = [config.get("eos_token") or "</s>"] \
            if self.source_prefix and not config.get("add_source_eos") else []
        inter, intra = options.thread_split()
        try:
            self.translator = ctranslate2.Translator(
                str(package.path / "model"), device=options.device, intra_threads=intra, inter_threads=inter,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"cannot load the CTranslate2 model ({exc})", path=package.path) from None
        self.model_calls = 0  # segments sent to CTranslate2

    @property
    def engine_id(self) -> str:
        return f"{self.name} {self.package.code} {self.package.version}"

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        return [self.source_prefix + self.codec.encode(t) + self.source_suffix for t in texts]

    def translate_tokens(self, batch: list[list[str]]) -> list[list[str]]:
        """One CTranslate2 call on pre-tokenized input; returns output tokens without the prefix."""
        if not batch:
            return []
        longest = max(len(t) for t in batch)
        results = self.translator.translate_batch(
            batch, target_prefix=[self.prefix] * len(batch) if self.prefix else None,
            max_batch_size=self.options.batch_size, beam_size=self.options.beam_size,
            max_input_length=self.options.max_input_length,
            max_decoding_length=min(self.options.max_decoding_cap, 2 * longest + 16 + len(self.prefix)),
        )
        self.model_calls += len(batch)
        out = []
        for result in results:
            tokens = result.hypotheses[0]
            if self.prefix and tokens[: len(self.prefix)] == self.prefix:
                tokens = tokens[len(self.prefix):]
            out.append(tokens)
        return out

    def translate(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> list[str]:
        """Translate *texts*, sorted by length in chunks of a few batches, reporting progress."""
        tokens = self.tokenize(texts)
        order = sorted(range(len(texts)), key=lambda i: len(tokens[i]))
        outputs: list[str] = [""] * len(texts)
        chunk = self.options.batch_size * 4
        for start in range(0, len(order), chunk):
            idx = order[start:start + chunk]
            for i, toks in zip(idx, self.translate_tokens([tokens[i] for i in idx])):
                outputs[i] = self.codec.decode(toks)
            if progress is not None:
                progress(len(idx))
        return outputs
