"""Adding a check is adding one module to toolkit.checks.builtin: the registry finds it with the
metadata it declares, entry- and catalog-level checks run, and the glossary loads only when an
enabled check needs it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import toolkit.checks.builtin as builtin
from toolkit.checks import CheckOptions, all_checks, needs_glossary, registry, run_checks

MODULE = '''
"""Two checks a team might add."""
from toolkit.checks.registry import Problem, check


@check("shouting", "warning", order=65)
def shouting(entries, env):
    """The translation is all upper case."""
    for entry in entries:
        if entry.msgstr.isupper():
            yield entry, Problem("the translation shouts")


@check("tiny-catalog", "info", order=95, scope="catalog")
def tiny_catalog(stats, env):
    """The catalog has fewer than three entries."""
    if stats.entries < 3:
        yield Problem(f"only {stats.entries} entries")
'''

PO = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
      'msgid "Hello."\nmsgstr "BONJOUR."\n')


@pytest.fixture
def extra_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "team_checks.py").write_text(MODULE, encoding="utf-8")
    monkeypatch.setattr(builtin, "__path__", [*builtin.__path__, str(tmp_path)])
    registry.all_checks.cache_clear()
    yield
    registry.all_checks.cache_clear()


def test_a_new_module_is_a_new_check(extra_checks: None, tmp_path: Path) -> None:
    found = all_checks()
    assert list(found)[list(found).index("punctuation") + 1] == "shouting"  # placed by its order
    assert (found["tiny-catalog"].scope, found["tiny-catalog"].severity) == ("catalog", "info")
    po = tmp_path / "fr.po"
    po.write_text(PO, encoding="utf-8")
    result = run_checks([po])
    assert [(f.check, f.severity, f.line) for f in result.findings] == [
        ("tiny-catalog", "info", 1), ("shouting", "warning", 6)]
    assert "tiny-catalog" in result.checks and result.exit_code() == 0  # info never fails by default
    assert result.exit_code("info") == 1


def test_needs_glossary_comes_from_the_checks() -> None:
    assert needs_glossary(CheckOptions())
    assert not needs_glossary(CheckOptions(enabled=frozenset({"numbers", "punctuation"})))
    assert {c.id for c in all_checks().values() if c.needs_glossary} == {"glossary-missing", "glossary-forbidden"}


def test_threshold_checks_run_only_with_a_limit(tmp_path: Path) -> None:
    po = tmp_path / "fr.po"
    po.write_text(PO, encoding="utf-8")
    assert "max-fuzzy" not in run_checks([po]).checks
    from toolkit.checks import with_overrides

    assert "max-fuzzy" in run_checks([po], options=with_overrides(CheckOptions(), max_fuzzy=10.0)).checks
