"""Segmenting by blocks gives the same sentences as segmenting the whole text: a source format
that knows its blocks (segment_block, segment_blocks) and plain text (segment) never disagree."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from toolkit.errors import UsageError
from toolkit.segment import blocks, iter_segments, line_breaks, segment, segment_block, segment_blocks

sys.path.insert(0, str(ROOT / "benchmarks"))
from news_corpus import news_corpus  # noqa: E402

CASES_DIR = Path(__file__).parent / "cases"


def _texts() -> list[pytest.param]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for index, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            lang = "km" if path.stem == "khmer" else "en"
            params.append(pytest.param(case["input"], lang, case.get("paragraphs", "auto"),
                                       id=f"{path.stem}-{index:02d}"))
    corpus = news_corpus(30_000)
    params.append(pytest.param(corpus, "en", "auto", id="news-corpus"))
    params.append(pytest.param(corpus.replace("\n", "\r\n"), "en", "auto", id="news-corpus-crlf"))
    sample = (ROOT / "samples" / "provincial-roads-budget.txt").read_text(encoding="utf-8")
    for mode in ("auto", "blank", "line"):
        params.append(pytest.param(sample, "en", mode, id=f"sample-{mode}"))
    return params


def _shape(segments: list) -> list[tuple[str, int, int, int]]:
    return [(s.text, s.start, s.end, s.line) for s in segments]


@pytest.mark.parametrize(("text", "lang", "mode"), _texts())
def test_blocks_give_the_whole_text_segments(text: str, lang: str, mode: str) -> None:
    whole = segment(text, lang=lang, paragraphs=mode)
    spans = blocks(text, lang=lang, paragraphs=mode)
    together = segment_blocks(text, spans, lang=lang)
    assert together == whole  # the same segments, paragraphs included
    one_by_one = [s for i, (a, b) in enumerate(spans) for s in segment_block(text, a, b, lang=lang, paragraph=i)]
    assert _shape(one_by_one) == _shape(whole)


@pytest.mark.parametrize(("text", "lang", "mode"), _texts())
def test_streamed_segments_equal_the_whole(text: str, lang: str, mode: str) -> None:
    """`toolkit segment` prints batches as they come: any batch size gives segment()'s result."""
    whole = segment(text, lang=lang, paragraphs=mode)
    for batch in (1, 3, 4096):
        assert list(iter_segments(text, lang=lang, paragraphs=mode, batch=batch)) == whole


def test_line_breaks_count_every_convention() -> None:
    text = "a\r\nb\rc\nd"
    assert line_breaks(text) == 3
    assert line_breaks(text, 3) == 2  # from "b"
    assert line_breaks("a\nb\nc", 0, 2) == 1


def test_block_functions_check_their_arguments() -> None:
    with pytest.raises(UsageError, match="unknown paragraph mode"):
        blocks("x", paragraphs="wrap")
    with pytest.raises(UsageError, match="unknown language"):
        segment_blocks("x", [(0, 1)], lang="fr")
    assert segment_blocks("x", []) == []
