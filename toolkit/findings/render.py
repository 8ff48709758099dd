"""A :class:`~toolkit.findings.Report` as text, JSON (stable, version 1), JUnit XML or GitHub
Actions workflow commands — the same shapes for ``toolkit check`` and ``toolkit glossary lint``.

* text: one line per finding, ``path:line: severity: [check] message`` (a message is kept on one
  line: line breaks in it are shown as ``\\n``), then the summary line.
* json: ``{"version": 1, "tool", "findings": [...], "summary": {...}}``; each finding has the keys
  ``path line column msgctxt msgid check severity message concept term expected``.
* junit: one ``<testsuite>`` per file, one ``<testcase>`` per check that ran on it (``classname`` =
  the file, ``name`` = the check id); a check with findings has one ``<failure>`` listing them;
  an unreadable file is a testsuite with one ``read`` testcase carrying an ``<error>``. CI
  dashboards then show every check of every file, passing or failing.
* github: ``::error file=…,line=…,title=…::message`` per finding, then the summary line.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import replace

from toolkit.errors import ToolkitError
from toolkit.findings import Finding, Report, plural

FORMATS = ("text", "json", "junit", "github")
JSON_VERSION = 1
JSON_KEYS = ("path", "line", "column", "msgctxt", "msgid", "check", "severity", "message", "concept", "term",
             "expected")


def render(report: Report, fmt: str = "text", show: str = "info") -> str:
    """The report in *fmt* (one of :data:`FORMATS`). *show*: the lowest severity the line-based
    formats (text, github) list — the others are counted in the summary; json and junit always
    carry every finding (they are read by programs, not scrolled through in a CI log)."""
    if fmt in ("text", "github") and show != "info":
        listed = tuple(f for f in report.findings if f.fails(show))
        hidden = len(report.findings) - len(listed)
        if hidden:
            note = f" ({plural(hidden, 'finding')} below {show} not listed; --show info lists them)"
            report = replace(report, findings=listed, summary=report.summary + note)
    return {"text": render_text, "json": render_json, "junit": render_junit, "github": render_github}[fmt](report)


def one_line(text: str) -> str:
    """*text* with line breaks shown as ``\\n``, so one finding stays one line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def where(f: Finding) -> str:
    """``path:line`` (or ``path`` for a finding about the whole file)."""
    return f.path if f.line is None else f"{f.path}:{f.line}"


def text_line(f: Finding) -> str:
    return f"{where(f)}: {f.severity}: [{f.check}] {one_line(f.message)}"


def render_text(report: Report) -> str:
    return "".join(text_line(f) + "\n" for f in report.findings) + report.summary + "\n"


def finding_json(f: Finding) -> dict[str, object]:
    """One finding as the JSON object every report format uses (keys: :data:`JSON_KEYS`)."""
    return {key: list(f.expected) if key == "expected" else getattr(f, key) for key in JSON_KEYS}


def as_json(report: Report) -> dict[str, object]:
    """The version-1 JSON document."""
    findings = [finding_json(f) for f in report.findings]
    summary = {**report.counts, "errors": report.count("error"), "warnings": report.count("warning"),
               "infos": report.count("info")}
    return {"version": JSON_VERSION, "tool": report.tool, "findings": findings, "summary": summary}


def render_json(report: Report) -> str:
    return json.dumps(as_json(report), ensure_ascii=False, indent=2) + "\n"


def render_junit(report: Report) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_file[f.path].append(f)
    root = ET.Element("testsuites", name=report.tool)
    total_tests = total_failures = total_errors = 0
    for path in report.files:
        suite = ET.SubElement(root, "testsuite", name=path)
        failures = 0
        for check_id in report.checks:
            case = ET.SubElement(suite, "testcase", classname=path, name=check_id)
            found = [f for f in by_file.get(path, []) if f.check == check_id]
            if found:
                failures += 1
                worst = min((f.severity for f in found), key=("error", "warning", "info").index)
                failure = ET.SubElement(case, "failure", type=worst,
                                        message=f"{plural(len(found), 'finding')}: {one_line(found[0].message)}")
                failure.text = "\n".join(text_line(f) for f in found)
        suite.set("tests", str(len(report.checks)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(report.checks)
        total_failures += failures
    for problem in report.problems:
        suite = ET.SubElement(root, "testsuite", name=problem.path or "input", tests="1", failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", classname=problem.path or "input", name="read")
        ET.SubElement(case, "error", type="input", message=str(problem)).text = str(problem)
        total_tests += 1
        total_errors += 1
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def escape_data(value: str) -> str:
    """Escape a workflow command's message (``%``, CR, LF)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow command property value (also ``:`` and ``,``)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, *, file: str | None = None, line: int | None = None,
             title: str | None = None) -> str:
    props = []
    if file is not None:
        props.append(f"file={escape_property(file)}")
    if line is not None:
        props.append(f"line={line}")
    if title is not None:
        props.append(f"title={escape_property(title)}")
    return f"::{kind} {','.join(props)}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def render_github(report: Report) -> str:
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    lines = [_command(kinds[f.severity], f.message, file=f.path, line=f.line, title=f"{report.tool} [{f.check}]")
             for f in report.findings]
    lines.extend(_problem_command(report.tool, p) for p in report.problems)
    lines.append(report.summary)
    return "\n".join(lines) + "\n"


def _problem_command(tool: str, problem: ToolkitError) -> str:
    return _command("error", problem.message, file=problem.path, line=problem.line, title=f"{tool}: unreadable")
