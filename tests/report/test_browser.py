"""The page in a real headless Chromium: the script's filters, the counts and highlights in the
live DOM, a screenshot that is not blank, and no network request leaving the page."""

from __future__ import annotations

import os
from pathlib import Path

import html5lib
import pytest

from tests.report import png
from tests.report.browser import dump_dom, dump_dom_no_js, find_chromium, page_requests, screenshot
from tests.report.conftest import PROJECT
from toolkit.report import Review, render_html


@pytest.fixture(scope="module")
def chromium() -> str:
    exe = find_chromium()
    if exe is None:
        if os.environ.get("TOOLKIT_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required in CI but not installed (apt-get install chromium)")
        pytest.skip("no Chromium installed (apt-get install chromium): the browser tests need a real browser")
    return exe


@pytest.fixture(scope="module")
def report_file(review: Review, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("page") / "report.html"
    out.write_text(render_html(review, base=PROJECT), "utf-8")
    return out


def _dom(chromium: str, url: str):  # type: ignore[no-untyped-def]
    return html5lib.parse(dump_dom(chromium, url), namespaceHTMLElements=False)


def _shown(root) -> set[str]:  # type: ignore[no-untyped-def]
    return {li.get("id") for li in root.iter("li") if "entry" in (li.get("class") or "").split()
            and li.get("hidden") is None}


def test_the_script_runs_and_shows_every_entry(chromium: str, report_file: Path) -> None:
    root = _dom(chromium, report_file.as_uri())
    assert root.get("data-ready") == "1" and root.get("data-shown") == "11"
    form = next(e for e in root.iter("form") if e.get("id") == "filters")
    assert form.get("hidden") is None  # the filter bar appears with the script
    shown = next(e for e in root.iter("span") if e.get("id") == "shown")
    assert shown.text == "11 of 11 entries shown"
    marks = {(m.get("class"), m.text) for m in root.iter("mark")}
    assert ("term t-forbidden", "រដ្ឋសភាជាតិ") in marks and ("term t-missing", "per cent") in marks
    findings = [li for li in root.iter("li") if (li.get("class") or "").startswith("sev-")]
    assert len(findings) == 5


@pytest.mark.parametrize(("state", "expected"), [
    ("check=glossary-missing", {"d0-l81", "d1-l25"}),
    ("status=untranslated", {"d1-l20", "d1-l30"}),
    ("status=fuzzy&origin=mt", {"d0-l28", "d0-l75"}),
    ("concept=national-assembly", {"d0-l22", "d0-l37"}),
    ("q=%E1%9E%9A%E1%9F%80%E1%9E%9B", {"d0-l75"}),  # រៀល: search finds Khmer text too
])
def test_filters_from_the_address(chromium: str, report_file: Path, state: str, expected: set[str]) -> None:
    root = _dom(chromium, f"{report_file.as_uri()}#{state}")
    assert _shown(root) == expected
    assert root.get("data-shown") == str(len(expected))


def test_a_screenshot_is_not_blank(chromium: str, report_file: Path, tmp_path: Path) -> None:
    shot = screenshot(chromium, report_file.as_uri(), tmp_path / "report.png")
    width, height, rows = png.decode(shot)
    assert (width, height) == (1200, 900)
    background = rows[0][:3]
    inked = sum(1 for row in rows[::4] for x in range(0, len(row), 12) if row[x:x + 3] != background)
    assert inked > 0.05 * (height // 4) * (width // 4)  # text, tables and bars, not an empty page
    assert len(png.colours(rows)) > 50  # anti-aliased text and the chart's colours


def test_no_request_leaves_the_page(chromium: str, report_file: Path, tmp_path: Path) -> None:
    requests, log = page_requests(chromium, report_file.as_uri(), tmp_path / "net.json")
    assert requests == []
    assert "Content Security Policy" not in log  # nothing was even attempted and refused


def test_the_request_detector_sees_a_request(chromium: str, report_file: Path, tmp_path: Path) -> None:
    """The two tests above could pass by not looking: a page that does fetch is caught by both."""
    page = report_file.read_text("utf-8")
    fetching = page.replace("<body>", '<body><img alt="" src="http://127.0.0.1:9/pixel.png">', 1)
    without_csp = tmp_path / "leaky.html"
    without_csp.write_text(fetching.replace("Content-Security-Policy", "X-No-Policy", 1), "utf-8")
    requests, _ = page_requests(chromium, without_csp.as_uri(), tmp_path / "net1.json")
    assert requests == ["http://127.0.0.1:9/pixel.png"]
    with_csp = tmp_path / "guarded.html"
    with_csp.write_text(fetching, "utf-8")
    requests, log = page_requests(chromium, with_csp.as_uri(), tmp_path / "net2.json")
    assert requests == [] and "Content Security Policy" in log


def test_without_javascript_everything_is_there(chromium: str, report_file: Path, tmp_path: Path) -> None:
    root = html5lib.parse(dump_dom_no_js(chromium, report_file, tmp_path / "nojs.html"), namespaceHTMLElements=False)
    assert root.get("data-ready") is None  # the script did not run
    assert len(_shown(root)) == 11  # no filter applied, every entry readable
    form = next(e for e in root.iter("form") if e.get("id") == "filters")
    assert form.get("hidden") is not None  # the controls that need the script stay out of the way


# Stacked Khmer: subscripts (coeng) below, vowels and signs above, both in one cluster.
STACKED = "ស្ត្រី ខ្ញុំ ព្រឹក ក្សត្រ ញ៉ាំ ស៊ើប ផ្ទៀងផ្ទាត់ ឃ្លាំង"
_MEASURE = """<script>(function(){
var el=document.querySelector('.tgt:lang(km):not(.empty)');var cs=getComputedStyle(el);
var c=document.createElement('canvas').getContext('2d');c.font=cs.fontSize+' '+cs.fontFamily;
var m=c.measureText(%r);var r=document.documentElement;
r.setAttribute('data-ink',(m.actualBoundingBoxAscent+m.actualBoundingBoxDescent).toFixed(1));
r.setAttribute('data-line',parseFloat(cs.lineHeight).toFixed(1));r.setAttribute('data-size',parseFloat(cs.fontSize));
})();</script>"""


def test_stacked_khmer_fits_in_its_line(chromium: str, report_file: Path, tmp_path: Path) -> None:
    """Diacritics are not clipped or overlapping: the ink of the tallest stacks (measured by the
    browser in the page's Khmer font) fits in the line height of a translation."""
    probe = tmp_path / "probe.html"
    probe.write_text(report_file.read_text("utf-8").replace("</body>", _MEASURE % STACKED + "</body>"), "utf-8")
    root = html5lib.parse(dump_dom(chromium, probe.as_uri()), namespaceHTMLElements=False)
    ink, line, size = (float(root.get(k)) for k in ("data-ink", "data-line", "data-size"))
    assert ink > size  # the stacks are taller than the font size: the measurement sees them
    assert ink <= line, f"Khmer ink {ink}px does not fit a {line}px line"
