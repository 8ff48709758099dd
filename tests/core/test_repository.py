"""The repository's own sample catalogs are current and pass our own CI gate."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, run_toolkit

SAMPLE = "samples/provincial-roads-budget.txt"


def test_sample_catalogs_are_up_to_date(toolkit_exe) -> None:
    """`locales/` holds what `toolkit translate` makes of the sample with the shipped glossary."""
    proc = run_toolkit(toolkit_exe, "translate", SAMPLE, "--to", "km", "--no-mt", "--check", cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "summary: segments=27 " in proc.stdout.decode()


def test_own_catalogs_pass_toolkit_check(toolkit_exe) -> None:
    proc = run_toolkit(toolkit_exe, "check", "locales", "--format", "json", cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert report["findings"] == []
    assert report["summary"]["files"] == 1


@pytest.mark.parametrize("target", ["glossary", "toolkit/data/glossary"])
def test_shipped_glossary_is_the_curated_one(target: str) -> None:
    files = sorted(p.name for p in (ROOT / target).glob("*.yaml"))
    assert files == ["general.yaml", "organisation.yaml", "person.yaml", "place.yaml", "policy.yaml", "title.yaml"]
