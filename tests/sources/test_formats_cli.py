"""One news article as Markdown, HTML and Word through the whole CLI: translate, a translator's edit
(polib), check (the markup check catches a broken placeholder), build, and the configured
Markdown front-matter keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sources.helpers import fill
from tests.sources.test_html import PAGE
from tests.sources.test_markdown import ARTICLE

docx = pytest.importorskip("docx", reason="the [docx] extra is not installed")

KHMER = {
    "Provincial roads budget *doubles*": "ថវិកាផ្លូវខេត្ត *កើនទ្វេដង*",
    "The council met on <g1>Monday</g1>.": "ក្រុមប្រឹក្សាបានប្រជុំនៅថ្ងៃ<g1>ច័ន្ទ</g1>។",
    "The <g1>Ministry of Interior</g1> met on Monday.": "<g1>ក្រសួងមហាផ្ទៃ</g1>បានប្រជុំនៅថ្ងៃច័ន្ទ។",
}


def test_article_in_three_formats(cli, tmp_path: Path, monkeypatch) -> None:
    from tests.sources.test_docx import make_article

    monkeypatch.chdir(tmp_path)
    (tmp_path / "news.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news.html").write_text(PAGE, encoding="utf-8")
    make_article(tmp_path / "news.docx")
    r = cli("translate", "news.md", "news.html", "news.docx", "--to", "km", "--no-mt")
    assert r.exit_code == 0, r.stderr
    catalogs = tmp_path / "locales" / "km" / "LC_MESSAGES"
    assert sorted(p.name for p in catalogs.glob("*.po")) == ["news.docx.po", "news.html.po", "news.md.po"]
    for name in ("news.md.po", "news.html.po", "news.docx.po"):
        fill(catalogs / name, lambda msgid: KHMER.get(msgid, ""))
    # a translator breaks a placeholder: the markup check stops it
    fill(catalogs / "news.html.po", lambda msgid: KHMER.get(msgid, "").replace("</g1>", "") if msgid in KHMER else "")
    r = cli("check", "locales", "--format", "json")
    found = json.loads(r.stdout)["findings"]
    assert r.exit_code == 1 and [(f["check"], f["message"]) for f in found if f["check"] == "markup"] == [
        ("markup", "missing </g1>")]
    fill(catalogs / "news.html.po", lambda msgid: KHMER.get(msgid, ""))
    r = cli("check", "locales", "--format", "json")
    assert [f for f in json.loads(r.stdout)["findings"] if f["check"] == "markup"] == []
    r = cli("build", "-o", "build")
    assert r.exit_code == 0, r.stderr
    built = tmp_path / "build" / "km"
    assert "# ថវិកាផ្លូវខេត្ត *កើនទ្វេដង*\n" in (built / "news.md").read_text(encoding="utf-8")
    assert "ក្រុមប្រឹក្សាបានប្រជុំនៅថ្ងៃ<b>ច័ន្ទ</b>។" in (built / "news.html").read_text(encoding="utf-8")
    word = docx.Document(str(built / "news.docx"))
    assert [r.text for r in word.paragraphs[1].runs if r.bold] == ["ក្រសួងមហាផ្ទៃ"]


def test_configured_front_matter_keys(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit]\nfront_matter_keys = ["excerpt"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ntitle: Not this one.\nexcerpt: Roads double.\n---\nBody text.\n",
                                   encoding="utf-8")
    r = cli("translate", "a.md", "--to", "km", "--no-mt")
    assert r.exit_code == 0, r.stderr
    po = (tmp_path / "locales" / "km" / "LC_MESSAGES" / "a.md.po").read_text(encoding="utf-8")
    assert 'msgid "Roads double."' in po and 'msgid "Body text."' in po and "Not this one" not in po
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit]\nfront_matter_keys = "title"\n', encoding="utf-8")
    r = cli("translate", "a.md", "--to", "km", "--no-mt")
    assert r.exit_code == 2 and "front_matter_keys must be a list of key names" in r.stderr
