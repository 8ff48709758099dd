"""`toolkit check` end to end: exit codes, unreadable files, thresholds, config, formats."""

from __future__ import annotations

import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.check.helpers import CLEAN, GLOSSARY, SEEDED
from tests.conftest import run_toolkit

PO_HEAD = 'msgid ""\nmsgstr ""\n"Language: km\\n"\n\n'


def _po(path, body, head=PO_HEAD):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + body, encoding="utf-8")
    return path


def test_exit_0_on_clean(cli):
    r = cli("check", CLEAN, "-g", GLOSSARY)
    assert r.exit_code == 0, r.stdout
    assert r.stdout.strip().endswith("0 errors, 0 warnings")


def test_exit_1_on_findings_and_fail_on(cli):
    assert cli("check", SEEDED, "-g", GLOSSARY).exit_code == 1
    assert cli("check", SEEDED, "-g", GLOSSARY, "--fail-on", "never").exit_code == 0
    warn_only = SEEDED / "km" / "LC_MESSAGES" / "other.po"  # only `inconsistent` (warning) findings
    assert cli("check", warn_only, SEEDED / "km" / "LC_MESSAGES" / "third.po", "-g", GLOSSARY).exit_code == 0
    assert cli("check", warn_only, SEEDED / "km" / "LC_MESSAGES" / "third.po", "-g", GLOSSARY,
               "--fail-on", "warning").exit_code == 1


def test_unreadable_po_is_reported_and_others_still_checked(cli, tmp_path):
    shutil.copytree(SEEDED, tmp_path / "po")
    bad = _po(tmp_path / "po" / "km" / "LC_MESSAGES" / "broken.po", 'msgid "a"\nmsgstr "b"\nmsgid "c"\n')
    r = cli("check", tmp_path / "po", "-g", GLOSSARY, "--format", "json")
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [f"toolkit: error: {bad}:7: missing 'msgstr' section (at end of file)"]
    doc = json.loads(r.stdout)
    assert doc["summary"]["files"] == 3 and doc["summary"]["errors"] > 0


def test_missing_path_and_bad_option(cli, tmp_path):
    r = cli("check", tmp_path / "nope.po", "-g", GLOSSARY)
    assert r.exit_code == 2 and "nope.po: no such file or directory" in r.stderr
    r = cli("check", CLEAN, "--format", "xml")
    assert r.exit_code == 2 and "--format" in r.stderr


def test_language_from_path_and_lang_option(cli, tmp_path):
    body = 'msgid "The Ministry of Health met."\nmsgstr "ក្រសួងអប់រំបានប្រជុំ។"\n'
    head = 'msgid ""\nmsgstr ""\n"X-Toolkit-Source: x.txt\\n"\n\n'  # made from a document: glossary in scope
    _po(tmp_path / "km" / "LC_MESSAGES" / "x.po", body, head=head)
    r = cli("check", tmp_path, "-g", GLOSSARY)
    assert r.exit_code == 1 and "[glossary-missing]" in r.stdout
    _po(tmp_path / "other" / "y.po", body, head=head)
    r = cli("check", tmp_path / "other", "-g", GLOSSARY)
    assert r.exit_code == 2 and "y.po:1: cannot tell the catalog's language" in r.stderr
    r = cli("check", tmp_path / "other", "-g", GLOSSARY, "--lang", "km_KH")
    assert r.exit_code == 1 and "[glossary-missing]" in r.stdout


def test_thresholds(cli, tmp_path):
    body = "".join(f'msgid "Line {c}"\nmsgstr "{t}"\n\n' for c, t in
                   [("a", "ក"), ("b", "ខ"), ("c", ""), ("d", ""), ("e", "គ")])
    body += '#, fuzzy\nmsgid "Line f"\nmsgstr "ឃ"\n'
    po = _po(tmp_path / "t.po", body)  # 6 entries: 3 translated, 2 untranslated, 1 fuzzy
    r = cli("check", po, "--max-untranslated", "30", "--max-fuzzy", "20", "--format", "json")
    doc = json.loads(r.stdout)
    assert r.exit_code == 1
    assert [(f["check"], f["line"], f["msgid"]) for f in doc["findings"]] == [("max-untranslated", 1, "")]
    assert "2 of 6 entries untranslated (33.3% > 30%)" in doc["findings"][0]["message"]
    assert cli("check", po, "--max-untranslated", "34", "--max-fuzzy", "10").exit_code == 1
    assert cli("check", po, "--max-untranslated", "34", "--max-fuzzy", "17").exit_code == 0
    assert doc["summary"] == {"files": 1, "entries": 6, "translated": 3, "fuzzy": 1, "untranslated": 2,
                                   "errors": 1, "warnings": 0, "infos": 0}


def test_config_enable_disable_severity(cli, tmp_path, monkeypatch):
    shutil.copytree(SEEDED, tmp_path / "locales")
    shutil.copy(GLOSSARY, tmp_path / "terms.yaml")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.toolkit]\nglossary = ["terms.yaml"]\n[tool.toolkit.check]\n'
        'disable = ["numbers"]\nseverity = { punctuation = "error", placeholders = "off" }\n', encoding="utf-8")
    doc = json.loads(cli("check", "--format", "json", "-g", "terms.yaml").stdout)  # default PATH: ./locales
    checks = {f["check"]: f["severity"] for f in doc["findings"]}
    assert "numbers" not in checks and "placeholders" not in checks
    assert checks["punctuation"] == "error" and checks["glossary-missing"] == "error"
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit.check]\nenable = ["inconsistent"]\n', encoding="utf-8")
    doc = json.loads(cli("check", "--format", "json", "-g", "terms.yaml").stdout)
    assert {f["check"] for f in doc["findings"]} == {"inconsistent"}
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit.check]\ndisable = ["spelling"]\n', encoding="utf-8")
    r = cli("check", "-g", "terms.yaml")
    assert r.exit_code == 2 and "pyproject.toml: [tool.toolkit.check] disable: unknown check 'spelling'" in r.stderr


def test_glossary_scope(cli, tmp_path, monkeypatch):
    """The news glossary keeps its level on catalogs made from a document; elsewhere (a software
    catalog) its findings are info, unless glossary-scope says otherwise, per path too."""
    body = 'msgid "The Ministry of Health met."\nmsgstr "ក្រសួងអប់រំបានប្រជុំ។"\n'
    _po(tmp_path / "app" / "km.po", body)
    _po(tmp_path / "news" / "km.po", body, head=PO_HEAD.replace("Language: km", "Language: km\\n\"\n"
                                                                   "\"X-Toolkit-Source: a.txt"))
    shutil.copy(GLOSSARY, tmp_path / "terms.yaml")
    monkeypatch.chdir(tmp_path)

    def levels() -> dict[str, str]:
        r = cli("check", "app", "news", "--format", "json", "-g", "terms.yaml", "--fail-on", "never")
        assert r.exit_code == 0, r.stderr
        return {Path(f["path"]).parent.name: f["severity"] for f in json.loads(r.stdout)["findings"]
                if f["check"] == "glossary-missing"}

    assert levels() == {"app": "info", "news": "error"}
    assert cli("check", "app", "-g", "terms.yaml").exit_code == 0  # CI does not fail on the app catalog
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit.check]\nglossary-scope = "all"\n', encoding="utf-8")
    assert levels() == {"app": "error", "news": "error"}
    (tmp_path / "pyproject.toml").write_text(
        '[tool.toolkit.check]\n[[tool.toolkit.check.paths]]\npath = "app"\nglossary-scope = "all"\n'
        '[[tool.toolkit.check.paths]]\npath = "news/km.po"\nglossary-domains = ["person"]\n', encoding="utf-8")
    assert levels() == {"app": "error"}  # news/km.po checks only people's names
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit.check]\nglossary-scope = "some"\n', encoding="utf-8")
    r = cli("check", "app", "-g", "terms.yaml")
    assert r.exit_code == 2 and "glossary-scope must be one of documents, all" in r.stderr


def test_ignore_flags_suppress(cli, tmp_path):
    body = '#, ignore-numbers\nmsgid "7 ministries."\nmsgstr "ក្រសួង ៨។"\n\nmsgid "7 towns."\nmsgstr "ទីក្រុង ៨។"\n'
    doc = json.loads(cli("check", _po(tmp_path / "x.po", body), "--format", "json").stdout)
    assert [(f["check"], f["line"]) for f in doc["findings"]] == [("numbers", 9)]


def test_output_file_and_junit(cli, tmp_path):
    out = tmp_path / "report.xml"
    r = cli("check", SEEDED, "-g", GLOSSARY, "--format", "junit", "-o", out)
    assert r.exit_code == 1 and r.stdout == ""
    assert ET.parse(out).getroot().tag == "testsuites"


def test_github_format_cli(cli):
    r = cli("check", SEEDED, "-g", GLOSSARY, "--format", "github")
    assert any(line.startswith("::error file=") for line in r.stdout.splitlines())
    assert any(line.startswith("::warning file=") for line in r.stdout.splitlines())


def test_check_needs_no_mt_stack(toolkit_exe, tmp_path):
    """The installed program checks catalogs without importing the MT stack."""
    code = (
        "import sys, runpy\n"
        "sys.argv = ['toolkit', 'check', %r, '-g', %r]\n"
        "try:\n    runpy.run_module('toolkit', run_name='__main__')\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('ctranslate2', 'argostranslate', 'sentencepiece')"
        " or m.startswith('toolkit.mt')]\n"
        "print('HEAVY', heavy, 'CODE', code)\n" % (str(SEEDED), str(GLOSSARY))
    )
    import subprocess

    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "HEAVY [] CODE 1" in r.stdout, r.stdout + r.stderr
    assert run_toolkit(toolkit_exe, "check", CLEAN, "-g", GLOSSARY).returncode == 0


def test_list_checks(cli):
    r = cli("check", "--list-checks")
    assert r.exit_code == 0
    ids = [line.split()[0] for line in r.stdout.splitlines()]
    assert ids == ["glossary-missing", "glossary-forbidden", "inconsistent", "numbers", "placeholders", "markup",
                   "whitespace", "punctuation", "khmer-normalization", "invisible", "max-untranslated", "max-fuzzy"]


def test_text_output_lists_info_only_when_asked(cli):
    default = cli("check", SEEDED, "-g", GLOSSARY).stdout
    assert ": info: [" not in default and "below warning not listed; --show info lists them" in default
    for args in (("--show", "info"), ("--fail-on", "info")):
        assert ": info: [invisible]" in cli("check", SEEDED, "-g", GLOSSARY, *args).stdout
    bad = cli("check", SEEDED, "-g", GLOSSARY, "--show", "some")
    assert bad.exit_code == 2
