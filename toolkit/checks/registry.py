"""The check registry: every check is one module of :mod:`toolkit.checks.builtin` holding one
function decorated with :func:`check`, which records its metadata on the check itself. Nothing
else lists checks: :func:`all_checks` imports every module of that package and reports them in
their declared ``order``. Adding a check is adding one module (and its tests).

The called signatures, by scope:

* ``entry``   — ``func(entries: Sequence[Entry], env: Env) -> Iterable[tuple[Entry, Problem]]``
  for each batch of checked entries (translated, not obsolete, not fuzzy unless fuzzy entries
  are included), the batch already given to ``Env.prepare`` (its batch answers are ready);
* ``catalog`` — ``func(stats: Stats, env: Env) -> Iterable[Problem]`` once per PO file (the
  finding points at the header entry);
* ``corpus``  — ``func(units: Sequence[Unit], env: Env) -> Iterable[tuple[Unit, Problem]]`` over
  all checked entries of one language, across files. A corpus check may declare ``variants``:
  ``variants(entry) -> (group, variant)``, promising to report only entries whose group holds
  two or more distinct variants; the runner then hands it only those (a large corpus is not
  held whole: see :mod:`toolkit.checks.units`).

``needs_glossary`` makes the CLI load the glossary when the check is enabled; ``active`` (given the
run's :class:`~toolkit.checks.config.CheckOptions`) says whether the check has anything to do in
this run (threshold checks only run with a limit), so reports list only checks that ran.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from toolkit.findings import SEVERITIES

SCOPES = ("entry", "catalog", "corpus")


@dataclass(frozen=True)
class Problem:
    """What a check reports; the runner adds path, line, entry and severity."""

    message: str
    term: str | None = None
    expected: tuple[str, ...] = ()
    concept: str | None = None
    severity: str | None = None  # None: the check's default (a configured level always wins)


def _always(options: Any) -> bool:
    return True


@dataclass(frozen=True)
class Check:
    """A registered check and its metadata."""

    id: str
    severity: str
    scope: str
    func: Callable[..., Any]
    order: int
    needs_glossary: bool = False
    active: Callable[[Any], bool] = _always
    variants: Callable[[Any], tuple[Hashable, Hashable]] | None = None  # corpus checks: see the module docstring

    @property
    def doc(self) -> str:
        """The first paragraph of the check's docstring, on one line."""
        return " ".join((self.func.__doc__ or "").strip().split("\n\n")[0].replace("``", "`").split())


def check(check_id: str, severity: str, *, order: int, scope: str = "entry", needs_glossary: bool = False,
          active: Callable[[Any], bool] = _always,
          variants: Callable[[Any], tuple[Hashable, Hashable]] | None = None,
          ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare the decorated function as check *check_id* (see the module docstring)."""
    if severity not in SEVERITIES or scope not in SCOPES:
        raise ValueError(f"check {check_id}: bad severity {severity!r} or scope {scope!r}")

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        func.__toolkit_check__ = Check(check_id, severity, scope, func, order, needs_glossary, active,  # type: ignore[attr-defined]
                                       variants)
        return func

    return register


def checks_in(package: str) -> dict[str, Check]:
    """The checks declared by the modules of *package* (imported here), in report order."""
    found: dict[str, Check] = {}
    pkg = importlib.import_module(package)
    for info in pkgutil.iter_modules(pkg.__path__, package + "."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            declared = getattr(value, "__toolkit_check__", None)
            if isinstance(declared, Check) and declared.func is value:
                if declared.id in found:
                    raise ValueError(f"two checks are named {declared.id!r} ({info.name})")
                found[declared.id] = declared
    return dict(sorted(found.items(), key=lambda item: (item[1].order, item[0])))


@lru_cache(maxsize=1)
def all_checks() -> dict[str, Check]:
    """Every built-in check, in report order."""
    return checks_in("toolkit.checks.builtin")
