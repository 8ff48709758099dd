"""Segmentation cases as data: every file in tests/segment/cases/ (input, expected segments, label)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from toolkit.segment import Segment, segment

CASES_DIR = Path(__file__).parent / "cases"
_SPACES = re.compile(r"\s+")


def _load() -> list[pytest.param]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for index, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            params.append(pytest.param(case, id=f"{path.stem}-{index:02d}-{case['label']}"))
    return params


CASES = _load()


def check_invariants(text: str, segments: list[Segment]) -> None:
    """Offsets are exact, segments are trimmed, ordered, and never cross a blank line."""
    last_end = 0
    for s in segments:
        assert text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip() and not s.text.startswith("\u200b") and not s.text.endswith("\u200b")
        assert s.start >= last_end
        assert re.search(r"\n[ \t]*\n", s.text.replace("\r\n", "\n").replace("\r", "\n")) is None
        breaks = text.count("\n", 0, s.start) + text.count("\r", 0, s.start) - text.count("\r\n", 0, s.start)
        assert s.line == breaks + 1
        last_end = s.end
    paragraphs = [s.paragraph for s in segments]
    assert paragraphs == sorted(paragraphs)
    assert not paragraphs or (paragraphs[0] == 0 and all(b - a <= 1 for a, b in zip(paragraphs, paragraphs[1:])))


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize("case", CASES)
def test_case(case: dict) -> None:
    text = case["input"]
    segments = segment(text, lang=case.get("lang", "en"), paragraphs=case.get("paragraphs", "auto"))
    check_invariants(text, segments)
    got = [s.text for s in segments]
    if case.get("flatten"):
        got = [_SPACES.sub(" ", t) for t in got]
    assert got == case["expected"], case["label"]
    if "paragraph_ids" in case:
        assert [s.paragraph for s in segments] == case["paragraph_ids"]
