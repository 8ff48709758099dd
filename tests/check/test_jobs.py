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


def test_auto_jobs_use_workers_only_with_enough_cpus_and_input(monkeypatch) -> None:
    """``jobs=None``: one process on 2 CPUs whatever the size (measured slower, see
    benchmarks/bench_jobs.py); one per CPU from PARALLEL_MIN_CPUS CPUs and PARALLEL_MIN_BYTES."""
    from toolkit.checks import runner

    files = sorted(SEEDED.rglob("*.po"))
    size = sum(f.stat().st_size for f in files)
    assert len(files) >= 2
    monkeypatch.setattr(runner, "PARALLEL_MIN_BYTES", size)
    monkeypatch.setattr(runner, "default_jobs", lambda: 2)
    assert runner._workers(files, None, size) == 1
    monkeypatch.setattr(runner, "default_jobs", lambda: 4)
    assert runner._workers(files, None, size) == min(4, len(files))
    monkeypatch.setattr(runner, "PARALLEL_MIN_BYTES", size + 1)
    assert runner._workers(files, None, size) == 1
    assert runner._workers(files, 2, size) == 2  # an explicit --jobs is obeyed
