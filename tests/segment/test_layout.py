"""Hard-wrapped prose must segment exactly like the same text unwrapped; structure survives."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.segment.test_cases import check_invariants
from toolkit.segment import segment

NEWS = yaml.safe_load((Path(__file__).parent / "cases" / "news.yaml").read_text(encoding="utf-8"))
PARAGRAPHS = [case["input"] for case in NEWS]
_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text)


def _texts(text: str, **kw) -> list[str]:
    segments = segment(text, **kw)
    check_invariants(text, segments)
    return [_flat(s.text) for s in segments]


ONE_PER_LINE = "\n".join(PARAGRAPHS) + "\n"
EXPECTED = [s for case in NEWS for s in case["expected"]]


def test_one_paragraph_per_line_news_copy() -> None:
    segments = segment(ONE_PER_LINE)
    assert [s.text for s in segments] == EXPECTED
    # Every line is its own paragraph.
    assert segments[-1].paragraph == len(PARAGRAPHS) - 1


@pytest.mark.parametrize("width", [36, 50, 60, 72, 79, 100])
@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank-lines", "no-blank-lines"])
def test_hard_wrapped_equals_unwrapped(width: int, separator: str) -> None:
    wrapped = separator.join(textwrap.fill(p, width, break_on_hyphens=False, break_long_words=False)
                                 for p in PARAGRAPHS)
    assert _texts(wrapped) == EXPECTED


@pytest.mark.parametrize("width", [60, 72])
def test_headline_and_byline_above_wrapped_text(width: int) -> None:
    body = "\n".join(textwrap.fill(p, width, break_on_hyphens=False) for p in PARAGRAPHS[:6])
    text = "Provinces get more money for roads\nBy Chan Sreyleak\n" + body
    got = _texts(text)
    assert got[:2] == ["Provinces get more money for roads", "By Chan Sreyleak"]
    assert got[2:] == [s for case in NEWS[:6] for s in case["expected"]]


def test_blank_mode_joins_what_line_mode_splits() -> None:
    text = "Schools closed\nafter the flood. Roads reopened.\n"
    assert _texts(text, paragraphs="line") == ["Schools closed", "after the flood.", "Roads reopened."]
    assert _texts(text, paragraphs="blank") == ["Schools closed after the flood.", "Roads reopened."]
    assert _texts(text, paragraphs="auto") == ["Schools closed after the flood.", "Roads reopened."]


def test_headline_is_structural_in_auto_but_not_in_blank() -> None:
    text = "Schools closed\nThe flood reached the town on Monday.\n"
    assert _texts(text) == ["Schools closed", "The flood reached the town on Monday."]
    assert _texts(text, paragraphs="blank") == ["Schools closed The flood reached the town on Monday."]


def test_line_numbers_and_offsets_with_crlf() -> None:
    text = "Title\r\n\r\nFirst one. Second one.\r\nThird one.\r\n"
    segments = segment(text)
    assert [(s.text, s.line, s.paragraph) for s in segments] == [
        ("Title", 1, 0),
        ("First one.", 3, 1),
        ("Second one.", 3, 1),
        ("Third one.", 4, 2),
    ]
    assert [text[s.start : s.end] for s in segments] == [s.text for s in segments]


def test_long_input_is_handled_linearly() -> None:
    # A smoke test of scale, not a timing: 2,000 paragraphs segment to the expected count.
    text = ONE_PER_LINE * 40
    assert len(segment(text)) == len(EXPECTED) * 40
