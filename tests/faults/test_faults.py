"""The fast half of the fault-injection harness (:mod:`tests.faults.harness`), run in CI.

Each case breaks one thing in a small translated project and runs one command as an installed
program; the one oracle asks for no traceback, a one-line error naming the bad file with exit 2,
and every translation of the catalog still there. ``benchmarks/faults.py`` adds the slow cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import require_gettext
from tests.faults import harness

CASES = list(harness.fast_cases())


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, toolkit_exe: str) -> Path:
    require_gettext("msgunfmt")
    root = tmp_path_factory.mktemp("fault-base")
    harness.make_base(root, toolkit_exe)
    return root


def test_cases_cover_every_group() -> None:
    groups = {case.group for case in CASES}
    assert groups >= {"source", "source-odd", "catalog", "catalog-odd", "glossary", "models", "output", "usage"}
    assert len({case.id for case in CASES}) == len(CASES), "case names must be unique"


def test_base_project_is_translated(base: Path) -> None:
    compiled = harness.compiled(base / harness.CATALOG)
    assert compiled is not None and set(compiled.values()) == set(harness.TRANSLATIONS.values())


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_fault_is_held(case: harness.Case, base: Path, tmp_path: Path, toolkit_exe: str) -> None:
    verdict = harness.play(case, base, tmp_path / "project", toolkit_exe)
    assert verdict.held, "; ".join(verdict.problems)
