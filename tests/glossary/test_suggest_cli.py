"""``toolkit glossary suggest`` and ``accept``, and what ``status: proposed`` means to the rest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.cli import app
from toolkit.glossary import load_glossary
from toolkit.glossary.lint import lint_paths

DATA = Path(__file__).parent / "data" / "suggest"
runner = CliRunner()

CURATED = """\
# our curated organisations
domain: organisation
concepts:
  - id: tonle-bati-cooperative
    source: "cooperative's own usage"
    en:
      - Tonle Bati Fishing Cooperative
    km:
      - សហករណ៍នេសាទទន្លេបាទី
"""


@pytest.fixture
def work(tmp_path, monkeypatch):
    shutil.copytree(DATA / "articles", tmp_path / "articles")
    shutil.copytree(DATA / "locales", tmp_path / "locales")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result


def test_jsonl_has_the_fields_and_file_line_examples(work):
    result = run("glossary", "suggest", *sorted(str(p.relative_to(work)) for p in (work / "articles").iterdir()),
                 "--catalogs", "locales", "-f", "jsonl", "--no-transliterate")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    first = rows[0]
    assert set(first) >= {"term", "kind", "count", "documents", "examples", "km"}
    assert first["term"] == "Cambodian Federation of Cashew Processors"
    assert first["examples"][0] == "articles/canal.txt:11"
    assert first["km"][0] == {"term": "សហព័ន្ធអ្នកកែច្នៃស្វាយចន្ទីកម្ពុជា", "source": "catalogs", "score": 1.0,
                              "evidence": ["locales/km/business.po:11", "locales/km/business.po:15",
                                           "locales/km/business.po:19"]}
    assert all(r["count"] >= 2 for r in rows)


def test_proposals_lint_clean_are_ignored_and_accepted(work):
    articles = sorted(str(p) for p in (work / "articles").iterdir())
    result = run("glossary", "suggest", *articles, "--catalogs", "locales", "-f", "yaml", "-o", "proposals.yaml",
                 "--no-transliterate")
    assert result.exit_code == 0, result.output
    proposals = work / "proposals.yaml"
    assert "status: proposed" in proposals.read_text(encoding="utf-8")
    assert [f for f in lint_paths([proposals]) if f.severity == "error"] == []
    # recognition (and so check and MT) ignores proposed concepts
    loaded = load_glossary([proposals])
    assert loaded.concepts == ()
    assert "prek-thnot-irrigation-authority" in {c.id for c in loaded.proposed}
    assert loaded.find("The Prek Thnot Irrigation Authority met.") == []

    curated = work / "organisation.yaml"
    curated.write_text(CURATED, encoding="utf-8")
    result = run("glossary", "accept", "proposals.yaml", "prek-thnot-irrigation-authority", "-g", str(curated))
    assert result.exit_code == 0, result.output
    text = curated.read_text(encoding="utf-8")
    assert text.startswith(CURATED)  # the curated file keeps its text, comments included
    merged = load_glossary([curated])
    assert [m.concept for m in merged.find("The Prek Thnot Irrigation Authority met.")] == [
        "prek-thnot-irrigation-authority"]
    assert merged.targets("prek-thnot-irrigation-authority", "km") == ["អាជ្ញាធរធារាសាស្ត្រព្រែកត្នោត"]
    left = load_glossary([proposals])
    assert "prek-thnot-irrigation-authority" not in {c.id for c in left.proposed}
    assert len(left.proposed) > 0


def test_accept_refuses_duplicates_unknown_ids_and_missing_khmer(work):
    articles = sorted(str(p) for p in (work / "articles").iterdir())
    run("glossary", "suggest", *articles, "--catalogs", "locales", "-f", "yaml", "-o", "proposals.yaml",
        "--no-transliterate")
    proposals = work / "proposals.yaml"
    before = proposals.read_text(encoding="utf-8")
    curated = work / "organisation.yaml"
    curated.write_text(CURATED, encoding="utf-8")
    assert run("glossary", "accept", "proposals.yaml", "no-such-id", "-g", str(curated)).exit_code == 2
    result = run("glossary", "accept", "proposals.yaml", "vei-samnang", "-g", str(curated))
    assert result.exit_code == 2
    assert "has no Khmer term" in result.output
    # an id the curated glossary already has
    text = before.replace("id: prek-thnot-irrigation-authority", "id: tonle-bati-cooperative")
    proposals.write_text(text, encoding="utf-8")
    result = run("glossary", "accept", "proposals.yaml", "tonle-bati-cooperative", "-g", str(curated))
    assert result.exit_code == 2
    assert curated.read_text(encoding="utf-8") == CURATED
    assert proposals.read_text(encoding="utf-8") == text


def test_suggest_needs_input():
    result = run("glossary", "suggest")
    assert result.exit_code == 2
