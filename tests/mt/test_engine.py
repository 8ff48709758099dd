"""The CTranslate2 engine on the real copy model: exact round trip, batching, target_prefix."""

from __future__ import annotations

import pytest

from toolkit.errors import UsageError
from toolkit.mt import packages
from toolkit.mt.engine import CT2Engine
from toolkit.mt.options import MTOptions

ROUND_TRIP = [
    "report_final_v2.pdf",
    "The file report_final_v2.pdf was sent to __init__ and snake_case_names.",
    "Two  spaces,   three spaces and a tab\there.",
    "ក្រសួងសុខាភិបាលបានបើកមន្ទីរពេទ្យបង្អែកស្រុកពីរ។",
    "Khmer\u200bwith\u200bzero-width\u200bspaces and digits ០១២៣ and 4,000 riel.",
    "Unseen characters: Ωmega, naïve café, 🙂, ⟦0⟧ and <t1>.",
    " leading and trailing space ",
]


@pytest.fixture
def engine(models_dir):
    return CT2Engine(packages.find("en", "km", models_dir), MTOptions(batch_size=3))


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_copy_model_round_trips_text_exactly(engine, text):
    assert engine.translate([text]) == [text]


def test_argos_decode_would_break_underscores(engine):
    """Why we decode ourselves: Argos's SentencePieceTokenizer.decode turns '_' into spaces."""
    from argostranslate.tokenizer import SentencePieceTokenizer

    tok = SentencePieceTokenizer(engine.package.tokenizer)
    pieces = tok.encode("report_final_v2.pdf")
    assert tok.decode(pieces) == "report final v2.pdf"
    assert engine.codec.decode(pieces) == "report_final_v2.pdf"


def test_batches_keep_input_order(engine):
    texts = [f"Segment {i}: " + "word " * (i % 7) + "end." for i in range(23)]
    assert engine.translate(texts) == texts
    assert engine.model_calls == 23
    done = []
    engine.translate(texts, progress=done.append)
    assert sum(done) == 23 and len(done) == 2  # chunks of 4 batches of 3


def test_target_prefix_is_forced_and_stripped(model_files, tmp_path):
    package = packages.install(model_files["prefixed"], tmp_path / "m")
    assert package.target_prefix == "khm_Khmr"
    engine = CT2Engine(package)
    texts = ["The Senate met in Phnom Penh.", "report_final_v2.pdf"]
    assert engine.translate(texts) == texts
    # the same model without the prefix does not copy: the prefix really is honoured
    raw = engine.translator.translate_batch(engine.tokenize(texts), max_decoding_length=40)
    assert [engine.codec.decode(r.hypotheses[0]) for r in raw] != texts


@pytest.mark.parametrize("kwargs", [{"device": "tpu"}, {"beam_size": 0}, {"batch_size": 0}, {"threads": -1},
                                    {"threads": 100000},
                                    {"inter_threads": 100000}])
def test_bad_options_are_usage_errors(kwargs):
    with pytest.raises(UsageError):
        MTOptions(**kwargs)


def test_pieces_outside_the_tokenizer_decode_as_sentencepiece_text(engine):
    """OPUS-MT keeps a separate target vocabulary: its pieces still decode; control tokens drop."""
    pieces = engine.codec.encode("Hello") + ["\u2581ឧទាហរណ៍ថ្មីណាស់", "\u2581zzqqxx", "</s>"]
    assert engine.codec.sp.piece_to_id("\u2581zzqqxx") == engine.codec.sp.unk_id()
    assert engine.codec.decode(pieces) == "Hello ឧទាហរណ៍ថ្មីណាស់ zzqqxx"
    assert engine.codec.decode(["\u2581zzqqxx"] + engine.codec.encode("and more")) == "zzqqxx and more"


def test_source_prefix_and_end_token_for_nllb_style_models(cli, extracted, tmp_path):
    import json
    import shutil

    model = tmp_path / "ct2"
    shutil.copytree(extracted / "model", model)
    out = tmp_path / "nllb-style.argosmodel"
    assert cli("models", "pack", "--ct2", model, "--tokenizer", extracted / "sentencepiece.model", "--from", "en",
               "--to", "km", "--source-prefix", "eng_Latn", "-o", out).exit_code == 0
    package = packages.install(out, tmp_path / "m")
    assert package.source_prefix == "eng_Latn"
    tokens = CT2Engine(package).tokenize(["Hi"])[0]
    assert tokens[0] == "eng_Latn" and tokens[-1] != "</s>"  # this model's config adds </s> itself
    config_path = package.path / "model" / "config.json"
    config = json.loads(config_path.read_text())
    config["add_source_eos"] = False
    config_path.write_text(json.dumps(config))
    assert CT2Engine(package).tokenize(["Hi"])[0][-1] == "</s>"
