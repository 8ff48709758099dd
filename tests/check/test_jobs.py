"""Checking files in worker processes gives exactly the findings of one process, in order."""

from __future__ import annotations

from tests.check.helpers import CLEAN, HELD_OUT, SEEDED, load_test_glossary
from toolkit.checks import run_checks


def test_parallel_run_equals_single_process() -> None:
    glossary = load_test_glossary()
    paths = [SEEDED, HELD_OUT, CLEAN]
    one = run_checks(paths, glossary=glossary, jobs=1)
    two = run_checks(paths, glossary=glossary, jobs=2)
    assert one.findings, "the seeded corpus must produce findings for this comparison to mean anything"
    assert two.findings == one.findings
    assert two.summary == one.summary
    assert two.problems == one.problems


def test_cli_jobs_option_gives_the_same_report(cli) -> None:
    args = ["check", str(SEEDED), "--format", "json", "--glossary", str(SEEDED.parent / "glossary" / "test.yaml")]
    single = cli(*args, "--jobs", "1")
    double = cli(*args, "--jobs", "2")
    assert single.exit_code == double.exit_code == 1
    assert single.stdout == double.stdout
