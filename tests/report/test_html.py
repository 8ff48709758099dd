"""The page without a browser: valid HTML5, self-contained (nothing it could fetch), readable
without JavaScript, text escaped, and the CLI's conventions."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest

from tests.conftest import run_toolkit
from tests.report.conftest import PROJECT
from toolkit.glossary import load_glossary
from toolkit.report import Review, build_review, render_html
from toolkit.report.render_html import CSP

#: Attributes through which a page can load or point at something.
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background", "cite",
                  "xlink:href", "manifest", "ping", "codebase", "longdesc", "icon"}
FETCHING_TAGS = {"link", "img", "iframe", "frame", "object", "embed", "audio", "video", "source", "track",
                 "image", "use", "base", "portal"}


class _Collector(HTMLParser):
    """Tags, URL-bearing attributes and the page's entries, as the stdlib parser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.urls: list[tuple[str, str, str]] = []
        self.entries: list[dict[str, str | None]] = []
        self.meta: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in URL_ATTRIBUTES:
                self.urls.append((tag, name, value or ""))
        found = dict(attrs)
        if tag == "li" and "entry" in (found.get("class") or "").split():
            self.entries.append(found)
        if tag == "meta":
            self.meta.append(found)


def _collect(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


@pytest.fixture(scope="module")
def page(review: Review) -> str:
    return render_html(review, base=PROJECT)


def test_the_page_is_valid_html5(page: str) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(page)  # strict: any parse error raises
    assert parser.errors == []
    assert document.find("body") is not None


def test_nothing_on_the_page_can_be_fetched(page: str) -> None:
    found = _collect(page)
    assert not FETCHING_TAGS & set(found.tags)
    for tag, name, value in found.urls:
        assert name == "href" and tag == "a", (tag, name, value)
        assert not re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", value, re.I), value  # no scheme, no //host
    assert not re.search(r"https?:|url\(|@import|@font-face|//[\w.-]+\.\w", page, re.I)
    csp = [m.get("content") for m in found.meta if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    assert csp == [CSP] and "default-src 'none'" in CSP


def test_readable_without_javascript(page: str, review: Review) -> None:
    found = _collect(page)
    assert len(found.entries) == review.summary.entries == 11
    assert not any("hidden" in e for e in found.entries)  # only the script hides entries
    assert re.search(r'<form id="filters" hidden', page)  # the filter bar needs the script: hidden without it
    for text in ("2 files, 11 entries (5 translated, 4 fuzzy, 2 untranslated): 5 errors, 0 warnings",
                 "deprecated rendering “រដ្ឋសភាជាតិ” of national-assembly", "source changed since this translation",
                 "<del>three</del><ins>six</ins>", "glossary pre-fill", "MT draft (unedited)"):
        assert text in page
    assert '<mark class="term t-forbidden">រដ្ឋសភាជាតិ</mark>' in page
    assert '<mark class="term t-missing">per cent</mark>' in page
    assert page.count("<svg") == 3 and "</svg>" in page  # the overview and one bar per document


def test_entry_links_point_at_file_and_line(page: str) -> None:
    found = _collect(page)
    links = [value for tag, _, value in found.urls if not value.startswith("#")]
    assert "locales/km/LC_MESSAGES/floods.po" in links
    assert re.search(r'<a class="loc" href="locales/km/LC_MESSAGES/floods.po">floods.po:37</a>', page)


def test_catalog_text_is_escaped(tmp_path: Path) -> None:
    po = tmp_path / "km" / "LC_MESSAGES" / "x.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr "Language: km\\n"\n\n'
                  'msgid "<script>alert(1)</script> & <img src=http://x>"\nmsgstr "<b>ដាក់</b>"\n', "utf-8")
    page = render_html(build_review([tmp_path], glossary=load_glossary(), cwd=tmp_path), base=tmp_path)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=http://x&gt;" in page
    assert "<script>alert" not in page and "<b>ដាក់" not in page
    assert page.count("<script>") == 1


def test_khmer_font_stack_and_line_height(page: str) -> None:
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)  # type: ignore[union-attr]
    rule = re.search(r":lang\(km\)\{([^}]*)\}", style).group(1)  # type: ignore[union-attr]
    for font in ('"Khmer OS"', '"Khmer UI"', '"Leelawadee UI"', '"Noto Sans Khmer"', '"Noto Serif Khmer"',
                 '"Khmer Sangam MN"', '"Khmer MN"'):
        assert font in rule
    assert float(re.search(r"line-height:([\d.]+)", rule).group(1)) >= 1.9  # type: ignore[union-attr]
    assert "break-all" not in style  # never break inside a Khmer cluster
    # entries are blocks, not list items: list counters with content-visibility made Chromium take
    # 80 s instead of 2 s to show a filtered 10,000-entry page (benchmarks/bench_report.py)
    assert re.search(r"li\.entry\{display:block;[^}]*content-visibility:auto", style)


def test_cli_writes_the_page_and_refuses_bad_input(project: Path, toolkit_exe: str) -> None:
    proc = run_toolkit(toolkit_exe, "report", "locales", "-o", "out/report.html", cwd=project)
    assert proc.returncode == 0, proc.stderr.decode()
    page = (project / "out" / "report.html").read_text("utf-8")
    assert 'href="../locales/km/LC_MESSAGES/floods.po"' in page  # relative to the page's directory
    bad = run_toolkit(toolkit_exe, "report", "-f", "xml", cwd=project)
    assert bad.returncode == 2 and b"--format must be one of html, json (got 'xml')" in bad.stderr
    broken = project / "locales" / "km" / "LC_MESSAGES" / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', "utf-8")
    proc = run_toolkit(toolkit_exe, "report", "-o", "out/r.html", cwd=project)
    assert proc.returncode == 2
    assert b"broken.po:3: repeated msgstr" in proc.stderr and b"Traceback" not in proc.stderr
    assert "floods.po" in (project / "out" / "r.html").read_text("utf-8")  # the others are still reported


def test_json_has_the_content_of_the_page(review: Review, page: str) -> None:
    import json
    from html import escape, unescape

    from toolkit.report import render_json

    data = json.loads(render_json(review))
    text = unescape(re.sub(r"<[^>]+>", "", re.sub(r'<span class="gloss"[^>]*>[^<]*</span>', "", page)))
    ids = set(re.findall(r'<li class="entry[^"]*" id="([^"]+)"', page))
    assert ids == {f"d{i}-l{e['line']}" for i, d in enumerate(data["documents"]) for e in d["entries"]}
    for doc in data["documents"]:
        for entry in doc["entries"]:
            assert entry["msgid"] in text and entry["msgstr"] in text
            for finding in entry["findings"]:
                assert escape(finding["message"], quote=True) in page
            for term in entry["terms"]:
                assert f'data-concept="{term["concept"]}"' in page
    assert [(f["check"], f["count"]) for f in data["findings_by_check"]] == [
        ("glossary-missing", 2), ("glossary-forbidden", 2), ("numbers", 1)]
