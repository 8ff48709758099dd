"""``toolkit report`` writes the page in pieces from a temporary file (:func:`spooled_review`):
the result must be byte for byte the page and the JSON of the review held whole
(:func:`build_review`, :func:`render_html`, ``json.dumps(as_json(...))``), on the fixture project
(translated documents, glossary terms, findings), on every catalog of the test data that parses,
and with an unreadable catalog among them (the report's problems)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import readable_catalogs, run_toolkit
from tests.report.conftest import PROJECT
from toolkit.glossary import load_glossary
from toolkit.report import as_json, build_review, html_pieces, json_pieces, render_html, render_json, spooled_review

TESTS = Path(__file__).parent.parent


CASES = {
    "project": [PROJECT / "locales"],
    "test-catalogs": readable_catalogs(),
    "with-a-broken-one": [PROJECT / "locales", TESTS / "catalog" / "data" / "po_edge" / "duplicate.po"],
}


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_streamed_page_and_json_are_the_whole_ones(case: str, glossary) -> None:
    paths = CASES[case]
    whole = build_review(paths, glossary=glossary, cwd=PROJECT)
    with spooled_review(paths, glossary=glossary, cwd=PROJECT) as (review, contents):
        page = "".join(html_pieces(review, PROJECT, contents))
        data = "".join(json_pieces(review, contents))
        assert review.summary_line == whole.summary_line
        assert [str(p) for p in review.problems] == [str(p) for p in whole.problems]
        assert all(not d.entries and d.document is None for d in review.documents)  # nothing held
    assert page == render_html(whole, base=PROJECT)
    assert data == json.dumps(as_json(whole), ensure_ascii=False, separators=(",", ":")) + "\n"
    assert data == render_json(whole)
    assert sum(len(d.entries) for d in whole.documents) > 0


def test_documents_and_texts_of_the_project_are_spooled(glossary) -> None:
    whole = build_review([PROJECT / "locales"], glossary=glossary, cwd=PROJECT)
    assert any(d.document for d in whole.documents)  # the case above compares translated documents
    with spooled_review([PROJECT / "locales"], glossary=glossary, cwd=PROJECT) as (review, contents):
        for i, (d, held) in enumerate(zip(review.documents, whole.documents, strict=True)):
            assert list(contents.entries(i, d)) == list(held.entries)
            text = contents.text(i, d)
            assert (None if text is None else "".join(text)) == held.document


@pytest.mark.parametrize("fmt", ["html", "json"])
def test_cli_writes_the_same_page(tmp_path: Path, toolkit_exe: str, fmt: str, glossary,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)  # titles show paths relative to the working directory
    out = tmp_path / f"report.{fmt}"
    done = run_toolkit(toolkit_exe, "report", str(PROJECT / "locales"), "-f", fmt, "-o", str(out), cwd=PROJECT)
    assert done.returncode == 0, done.stderr
    whole = build_review([PROJECT / "locales"], glossary=glossary, cwd=PROJECT)
    expected = render_html(whole, base=tmp_path) if fmt == "html" else render_json(whole)
    assert out.read_text(encoding="utf-8") == expected
    stdout = run_toolkit(toolkit_exe, "report", str(PROJECT / "locales"), "-f", fmt, cwd=PROJECT)
    assert stdout.stdout.decode("utf-8") == (render_html(whole, base=PROJECT) if fmt == "html" else expected)
