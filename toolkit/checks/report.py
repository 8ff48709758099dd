"""Renderers of a :class:`~toolkit.checks.runner.CheckResult`: text, json (stable, version 1),
junit (JUnit XML) and github (GitHub Actions workflow commands). Each returns a string.

JUnit layout: one ``<testsuite>`` per PO file, one ``<testcase>`` per check that ran on it
(``classname`` = the file, ``name`` = the check id). A check with findings has one ``<failure>``
whose body lists them as ``path:line: severity: message``; an unreadable file is a testsuite with
one ``read`` testcase carrying an ``<error>``. CI dashboards then show every check of every file,
passing or failing.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import asdict

from toolkit.checks.runner import CheckResult, Finding
from toolkit.errors import ToolkitError

FORMATS = ("text", "json", "junit", "github")
JSON_VERSION = 1


def render(result: CheckResult, fmt: str = "text") -> str:
    """The report of *result* in *fmt* (one of :data:`FORMATS`)."""
    return {"text": render_text, "json": render_json, "junit": render_junit, "github": render_github}[fmt](result)


def text_line(f: Finding) -> str:
    return f"{f.path}:{f.line}: {f.severity}: [{f.check}] {f.message}"


def summary_line(result: CheckResult) -> str:
    s = result.summary
    return (f"{s.files} file{'s' * (s.files != 1)}, {s.entries} entries ({s.translated} translated, {s.fuzzy} fuzzy, "
            f"{s.untranslated} untranslated): {s.errors} error{'s' * (s.errors != 1)}, "
            f"{s.warnings} warning{'s' * (s.warnings != 1)}")


def render_text(result: CheckResult) -> str:
    lines = [text_line(f) for f in result.findings]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def as_json(result: CheckResult) -> dict[str, object]:
    """The version-1 JSON document (exactly these keys; tests pin the shape)."""
    findings = []
    for f in result.findings:
        item = asdict(f)
        item["expected"] = list(f.expected)
        findings.append({k: item[k] for k in ("path", "line", "msgctxt", "msgid", "check", "severity",
                                               "message", "term", "expected")})
    return {"version": JSON_VERSION, "findings": findings, "summary": asdict(result.summary)}


def render_json(result: CheckResult) -> str:
    return json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n"


def render_junit(result: CheckResult) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_file[f.path].append(f)
    root = ET.Element("testsuites", name="toolkit check")
    total_tests = total_failures = total_errors = 0
    for path in result.files:
        suite = ET.SubElement(root, "testsuite", name=path)
        failures = 0
        for check_id in result.checks:
            case = ET.SubElement(suite, "testcase", classname=path, name=check_id)
            found = [f for f in by_file.get(path, []) if f.check == check_id]
            if found:
                failures += 1
                worst = "error" if any(f.severity == "error" for f in found) else "warning"
                failure = ET.SubElement(case, "failure", type=worst,
                                        message=f"{len(found)} finding{'s' * (len(found) != 1)}: {found[0].message}")
                failure.text = "\n".join(text_line(f) for f in found)
        suite.set("tests", str(len(result.checks)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(result.checks)
        total_failures += failures
    for problem in result.problems:
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


def render_github(result: CheckResult) -> str:
    lines = [
        _command(f.severity, f.message, file=f.path, line=f.line, title=f"toolkit check [{f.check}]")
        for f in result.findings
    ]
    lines.extend(_problem_command(p) for p in result.problems)
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def _problem_command(problem: ToolkitError) -> str:
    return _command("error", problem.message, file=problem.path, line=problem.line, title="toolkit check: unreadable")
