"""Report formats: JSON version 1 exactly, valid JUnit XML, GitHub workflow commands, text."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.check.helpers import SEEDED, load_test_glossary
from toolkit.checks import run_checks
from toolkit.findings.render import escape_data, escape_property, render

FINDING_KEYS = {"path", "line", "column", "msgctxt", "msgid", "check", "severity", "message", "concept", "term",
                "expected"}
SUMMARY_KEYS = {"files", "entries", "translated", "fuzzy", "untranslated", "errors", "warnings", "infos"}


@pytest.fixture(scope="module")
def result():
    return run_checks([SEEDED], glossary=load_test_glossary())


def test_json_shape_is_exactly_version_1(result):
    doc = json.loads(render(result.report(), "json"))
    assert set(doc) == {"version", "tool", "findings", "summary"} and doc["version"] == 1
    assert doc["tool"] == "toolkit check"
    assert set(doc["summary"]) == SUMMARY_KEYS
    assert all(type(v) is int for v in doc["summary"].values())
    assert doc["findings"]
    for f in doc["findings"]:
        assert set(f) == FINDING_KEYS
        assert type(f["path"]) is str and type(f["line"]) is int and type(f["msgid"]) is str
        assert f["msgctxt"] is None or type(f["msgctxt"]) is str
        assert type(f["check"]) is str and f["severity"] in ("error", "warning", "info")
        assert type(f["message"]) is str and (f["term"] is None or type(f["term"]) is str)
        assert type(f["expected"]) is list and all(type(x) is str for x in f["expected"])
    missing = [f for f in doc["findings"] if f["check"] == "glossary-missing"]
    assert {"term": "Ministry of Health", "expected": ["ក្រសួងសុខាភិបាល"]}.items() <= missing[0].items()
    assert missing[0]["concept"] and missing[0]["column"] is None
    with_ctxt = [f for f in doc["findings"] if f["msgctxt"] == "headline"]
    assert with_ctxt and with_ctxt[0]["check"] == "numbers"
    s = doc["summary"]
    assert s["errors"] + s["warnings"] + s["infos"] == len(doc["findings"])


def test_junit_is_valid_xml_with_a_suite_per_file(result):
    root = ET.fromstring(render(result.report(), "junit").encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == list(result.files)
    for suite in suites:
        cases = suite.findall("testcase")
        assert {c.get("name") for c in cases} == set(result.checks)
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
    failing = {(s.get("name"), c.get("name")) for s in suites for c in s.findall("testcase")
               if c.find("failure") is not None}
    assert failing == {(f.path, f.check) for f in result.findings}
    assert int(root.get("failures")) == len(failing)


def test_github_commands(result):
    lines = render(result.report(), "github").splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(result.findings)
    first = result.findings[0]
    assert commands[0] == (f"::{first.severity} file={escape_property(first.path)},line={first.line},"
                           f"title=toolkit check [{first.check}]::{escape_data(first.message)}")


def test_github_escaping():
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_text_lines(result):
    lines = render(result.report(), "text").splitlines()
    f = result.findings[0]
    assert lines[0] == f"{f.path}:{f.line}: {f.severity}: [{f.check}] {f.message}"
    assert lines[-1].startswith("3 files, 43 entries")


def test_summary_counts_each_severity_apart(result):
    """Info findings (hygiene) are counted as info, never as warnings."""
    severities = [f.severity for f in result.findings]
    assert "info" in severities
    s = result.summary
    assert (s.errors, s.warnings) == (severities.count("error"), severities.count("warning"))
    line = result.report().summary
    assert f"{severities.count('warning')} warning" in line and f"{severities.count('info')} info" in line


def test_text_lists_what_can_fail_and_counts_the_rest(result):
    """Text and github list findings at or above --show; json keeps every finding."""
    infos = sum(1 for f in result.findings if f.severity == "info")
    listed = render(result.report(), "text", "warning").splitlines()
    assert not any(": info: [" in line for line in listed)
    assert listed[-1].endswith(f"({infos} findings below warning not listed; --show info lists them)")
    assert sum(": info: [" in line for line in render(result.report(), "text").splitlines()) == infos
    assert len(json.loads(render(result.report(), "json", "error"))["findings"]) == len(result.findings)
