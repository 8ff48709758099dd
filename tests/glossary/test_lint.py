"""Lint: one broken file per defect class under data/lint/, each declaring `# expect: code@line ...`."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.findings.render import text_line
from toolkit.glossary.lint import CHECKS, lint_paths
from toolkit.glossary.load import shipped_dir

LINT = Path(__file__).parent / "data" / "lint"
FILES = sorted(LINT.glob("*.yaml"))


def _expected(path: Path) -> list[tuple[str, int]]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect:"), path
    wanted = first.removeprefix("# expect:").split()
    if wanted == ["nothing"]:
        return []
    return sorted((w.split("@")[0], int(w.split("@")[1])) for w in wanted)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_lint_fixture(path: Path) -> None:
    findings = lint_paths([path])
    assert sorted((f.check, f.line) for f in findings) == _expected(path)
    for f in findings:
        assert f.path == str(path)
        assert text_line(f).startswith(f"{path}:{f.line}: error: [{f.check}] ")


def test_every_check_has_a_broken_fixture() -> None:
    covered = {code for path in FILES for code, _line in _expected(path)}
    registered = {code for code, _fn in CHECKS} - {"duplicate-term"}
    assert registered | {"schema"} <= covered


def test_cross_file_checks(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "domain: general\nconcepts:\n  - {id: x, source: s, en: [Bank], km: [ក]}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "domain: general\nconcepts:\n  - {id: x, source: s, en: [bank], km: [ខ]}\n", encoding="utf-8")
    codes = sorted(f.check for f in lint_paths([tmp_path]))
    assert codes == ["duplicate-id"]  # the same id is reported once; it is not also a homograph


def test_tbx_and_csv_are_linted_too(tmp_path: Path) -> None:
    bad = tmp_path / "g.csv"
    bad.write_text("concept,lang,term\nx,en,Council of  Ministers\n", encoding="utf-8")
    (finding,) = lint_paths([bad])
    assert (finding.check, finding.line) == ("spacing", 2)


def test_lint_cli_exit_codes(cli) -> None:
    clean = cli("glossary", "lint", LINT / "clean.yaml")
    assert clean.exit_code == 0, clean.stdout + clean.stderr
    broken = cli("glossary", "lint", LINT / "spacing.yaml")
    assert broken.exit_code == 1
    assert broken.stdout.count("[spacing]") == 3
    assert broken.stdout.splitlines()[-1] == "1 file: 3 errors, 0 warnings"
    missing = cli("glossary", "lint", LINT / "no-such-file.yaml")
    assert missing.exit_code == 2 and "no such glossary file" in missing.stderr


def test_shipped_glossary_lints_clean() -> None:
    """CI gate: the curated content in glossary/ has no lint errors."""
    assert any(shipped_dir().glob("*.yaml")), "the curated glossary is missing"
    findings = [f for f in lint_paths([shipped_dir()]) if f.severity == "error"]
    assert findings == [], "\n".join(map(str, findings))


@pytest.mark.parametrize("fmt", ["json", "junit", "github"])
def test_lint_formats_have_the_shapes_of_check(cli, fmt: str) -> None:
    """``glossary lint --format`` renders the same findings model as ``toolkit check``."""
    import json
    import xml.etree.ElementTree as ET

    from toolkit.findings.render import JSON_KEYS

    result = cli("glossary", "lint", LINT / "spacing.yaml", "--format", fmt)
    assert result.exit_code == 1
    if fmt == "json":
        doc = json.loads(result.stdout)
        assert doc["version"] == 1 and doc["tool"] == "toolkit glossary lint"
        assert [set(f) for f in doc["findings"]] == [set(JSON_KEYS)] * 3
        assert {f["check"] for f in doc["findings"]} == {"spacing"} and doc["summary"]["errors"] == 3
        assert all(f["concept"] for f in doc["findings"])
    elif fmt == "junit":
        root = ET.fromstring(result.stdout)
        assert root.get("failures") == "1" and root.find("testsuite/testcase[@name='spacing']/failure") is not None
    else:
        assert result.stdout.count("::error file=") == 3


def test_lint_fail_on(cli) -> None:
    assert cli("glossary", "lint", LINT / "spacing.yaml", "--fail-on", "never").exit_code == 0


def test_a_huge_term_is_a_located_error_not_a_crash(tmp_path: Path, toolkit_exe: str) -> None:
    """A term of 300,000 characters used to crash pyahocorasick (segfault); now it never reaches
    the matcher: loading names the file and line, exit 2."""
    from tests.conftest import run_toolkit

    huge = tmp_path / "huge.yaml"
    huge.write_text("domain: general\nconcepts:\n  - id: huge\n    source: s\n    en: [" + "a" * 300_000 + "]\n",
                    encoding="utf-8")
    done = run_toolkit(toolkit_exe, "glossary", "find", "-", "-g", huge, input=b"some text")
    assert done.returncode == 2
    assert done.stderr.decode().startswith(f"toolkit: error: {huge}:5: concept 'huge': term of 300000 characters")


@pytest.mark.parametrize(("name", "data", "line"), [
    ("bad-utf8.yaml", b"domain: general\nconcepts:\n  - {id: a, source: s, en: [caf\xe9]}\n", 3),
    ("nul.yaml", b"domain: general\n\x00concepts: []\n", 2),
    ("latin1.csv", b"concept,lang,term\nx,en,caf\xe9\n", 2),
])
def test_undecodable_glossary_findings_say_where(tmp_path: Path, name: str, data: bytes, line: int) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (finding,) = lint_paths([path])
    assert (finding.path, finding.line, finding.check) == (str(path), line, "schema")
    assert "(byte " in finding.message
