"""The check registry: every check is a small pure function registered with an id, a default
severity and a scope; its docstring is its documentation (``toolkit check --list``).

Scopes:
* ``entry``   — ``func(entry, env) -> Iterable[Problem]`` for one translated entry;
* ``catalog`` — ``func(catalog, stats, env) -> Iterable[Problem]`` for one PO file;
* ``corpus``  — ``func(units) -> Iterable[tuple[Unit, Problem]]`` across all files of one language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Problem:
    """What a check reports; the runner adds path, line, entry and severity."""

    message: str
    term: str | None = None
    expected: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    id: str
    severity: str
    scope: str
    func: Callable[..., object]

    @property
    def doc(self) -> str:
        return " ".join((self.func.__doc__ or "").strip().split("\n\n")[0].replace("``", "`").split())


REGISTRY: dict[str, Check] = {}


def check(check_id: str, severity: str, scope: str = "entry") -> Callable[[Callable[..., object]], Callable[..., object]]:
    """Register the decorated function as check *check_id*."""
    assert severity in SEVERITIES and scope in ("entry", "catalog", "corpus")

    def register(func: Callable[..., object]) -> Callable[..., object]:
        REGISTRY[check_id] = Check(check_id, severity, scope, func)
        return func

    return register


#: The order checks run and are reported in (within one line of a file).
ORDER = ("glossary-missing", "glossary-forbidden", "inconsistent", "numbers", "placeholders", "punctuation",
         "khmer-normalization", "max-untranslated", "max-fuzzy")


def all_checks() -> dict[str, Check]:
    """Every registered check, in :data:`ORDER` (importing the check modules registers them)."""
    from toolkit.checks import consistency, glossary, khmer, numbers, placeholders, punctuation, thresholds  # noqa: F401

    rank = {c: i for i, c in enumerate(ORDER)}
    return dict(sorted(REGISTRY.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))
