"""Options of a check run, from ``[tool.toolkit.check]`` and the command line.

::

    [tool.toolkit.check]
    disable = ["punctuation"]             # checks not to run (default: all run)
    enable = ["glossary-missing", ...]    # if given, ONLY these run (then `disable` is applied)
    severity = { inconsistent = "error", khmer-normalization = "off" }   # error | warning | info | off
    fail-on = "error"                     # error | warning | info | never
    include-fuzzy = false
    max-untranslated = 20                 # percent per catalog (threshold checks run only when set)
    max-fuzzy = 10
    lang = "km"                           # override every catalog's language
    glossary-scope = "documents"          # documents | all: where glossary findings keep their level
    glossary-domains = ["person", "place"]  # concept domains the glossary checks use (default: all)

    [[tool.toolkit.check.paths]]          # per file or directory (the longest matching path wins)
    path = "po/"
    glossary-scope = "all"
    glossary-domains = ["general"]

Glossary scope: the shipped glossary is a news glossary. Its checks (``glossary-missing``,
``glossary-forbidden``) keep their level on catalogs toolkit made from a document (header
``X-Toolkit-Source``); on any other catalog — software strings, another tool's catalog, where
"king" is a chess piece and "policy" a setting — they are reported at ``info`` unless
``glossary-scope = "all"`` says the glossary applies there too (or a configured severity says so).

Command-line options override the file. Unknown keys, check ids or values are errors naming the
pyproject.toml.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from toolkit.checks.limits import Limits
from toolkit.checks.registry import all_checks
from toolkit.errors import ConfigError
from toolkit.findings import FAIL_ON, SEVERITIES

KEYS = ("enable", "disable", "severity", "fail-on", "include-fuzzy", "max-untranslated", "max-fuzzy", "lang",
        "glossary-scope", "glossary-domains", "paths")
SCOPES = ("documents", "all")
PATH_KEYS = ("path", "glossary-scope", "glossary-domains")


@dataclass(frozen=True)
class GlossaryScope:
    """Where the glossary checks apply: ``documents`` (catalogs made from a document) or
    ``all``; and which concept domains they use (None: every domain)."""

    scope: str = "documents"
    domains: frozenset[str] | None = None

    def level(self, made_from_document: bool) -> str | None:
        """The level glossary findings get in a catalog: None (the check's own) or ``info``."""
        return None if self.scope == "all" or made_from_document else "info"


@dataclass(frozen=True)
class PathScope:
    path: str  # a file or directory, relative to the configuration's directory, posix
    glossary: GlossaryScope


@dataclass(frozen=True)
class CheckOptions:
    """Everything a run needs besides the files and the glossary."""

    enabled: frozenset[str] = field(default_factory=lambda: frozenset(all_checks()))
    severities: Mapping[str, str] = field(default_factory=dict)  # overrides of the defaults
    include_fuzzy: bool = False
    limits: Limits = Limits()
    fail_on: str = "error"
    lang: str | None = None
    glossary: GlossaryScope = GlossaryScope()
    paths: tuple[PathScope, ...] = ()
    root: Path | None = None  # the directory *paths* are relative to (the pyproject.toml's)

    def glossary_scope(self, catalog: str | Path) -> GlossaryScope:
        """The glossary scope of *catalog*: the longest configured path containing it, else the default."""
        if not self.paths:
            return self.glossary
        target = Path(catalog).resolve()
        best: PathScope | None = None
        for rule in self.paths:
            base = ((self.root or Path.cwd()) / rule.path).resolve()
            if (target == base or base in target.parents) and (best is None or len(rule.path) > len(best.path)):
                best = rule
        return best.glossary if best is not None else self.glossary

    def severity(self, check_id: str, problem_level: str | None = None) -> str:
        """The configured level of *check_id*; else the level the check gave this problem (a
        check may report a lesser variant lower, e.g. an extra number); else its default."""
        return self.severities.get(check_id) or problem_level or all_checks()[check_id].severity


def _ids(value: Any, key: str, source: Path | None) -> list[str]:
    known = all_checks()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"[tool.toolkit.check] {key} must be a list of check ids", path=source)
    for v in value:
        if v not in known:
            raise ConfigError(f"[tool.toolkit.check] {key}: unknown check {v!r} (known: {', '.join(known)})",
                              path=source)
    return value


def _percent(value: Any, key: str, source: Path | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ConfigError(f"[tool.toolkit.check] {key} must be a percentage from 0 to 100", path=source)
    return float(value)


def options_from_table(table: Mapping[str, Any], source: Path | None = None) -> CheckOptions:
    """Validate ``[tool.toolkit.check]`` and turn it into :class:`CheckOptions`."""
    for key in table:
        if key not in KEYS:
            raise ConfigError(f"[tool.toolkit.check] unknown key {key!r} (known: {', '.join(KEYS)})", path=source)
    enabled = set(_ids(table["enable"], "enable", source)) if "enable" in table else set(all_checks())
    enabled -= set(_ids(table.get("disable", []), "disable", source))
    severities: dict[str, str] = {}
    table_sev = table.get("severity", {})
    if not isinstance(table_sev, dict):
        raise ConfigError("[tool.toolkit.check] severity must be a table of check = level", path=source)
    _ids(list(table_sev), "severity", source)
    for check_id, level in table_sev.items():
        if level == "off":
            enabled.discard(check_id)
        elif level in SEVERITIES:
            severities[check_id] = level
        else:
            raise ConfigError(f"[tool.toolkit.check] severity.{check_id} must be error, warning, info or off",
                              path=source)
    fail_on = table.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"[tool.toolkit.check] fail-on must be one of {', '.join(FAIL_ON)}", path=source)
    include_fuzzy = table.get("include-fuzzy", False)
    if not isinstance(include_fuzzy, bool):
        raise ConfigError("[tool.toolkit.check] include-fuzzy must be true or false", path=source)
    lang = table.get("lang")
    if lang is not None and (not isinstance(lang, str) or not lang):
        raise ConfigError("[tool.toolkit.check] lang must be a language code", path=source)
    default_scope = _glossary_scope(table, GlossaryScope(), "[tool.toolkit.check]", source)
    rules = table.get("paths", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise ConfigError("[tool.toolkit.check] paths must be an array of tables ([[tool.toolkit.check.paths]])",
                          path=source)
    paths = []
    for rule in rules:
        where = "[[tool.toolkit.check.paths]]"
        for key in rule:
            if key not in PATH_KEYS:
                raise ConfigError(f"{where} unknown key {key!r} (known: {', '.join(PATH_KEYS)})", path=source)
        if not isinstance(rule.get("path"), str) or not rule["path"]:
            raise ConfigError(f"{where} needs path = \"a file or directory\"", path=source)
        paths.append(PathScope(rule["path"], _glossary_scope(rule, default_scope, where, source)))
    return CheckOptions(
        enabled=frozenset(enabled),
        severities=severities,
        include_fuzzy=include_fuzzy,
        limits=Limits(_percent(table.get("max-untranslated"), "max-untranslated", source),
                      _percent(table.get("max-fuzzy"), "max-fuzzy", source)),
        fail_on=fail_on,
        lang=lang,
        glossary=default_scope,
        paths=tuple(paths),
        root=source.parent if source is not None else None,
    )


def _glossary_scope(table: Mapping[str, Any], inherited: GlossaryScope, where: str,
                    source: Path | None) -> GlossaryScope:
    scope = table.get("glossary-scope", inherited.scope)
    if scope not in SCOPES:
        raise ConfigError(f"{where} glossary-scope must be one of {', '.join(SCOPES)}", path=source)
    domains = table.get("glossary-domains")
    if domains is None:
        return GlossaryScope(scope, inherited.domains)
    if not isinstance(domains, list) or not all(isinstance(d, str) and d for d in domains):
        raise ConfigError(f"{where} glossary-domains must be a list of domain names", path=source)
    return GlossaryScope(scope, frozenset(domains))


def with_overrides(options: CheckOptions, **overrides: Any) -> CheckOptions:
    """A copy of *options* with the command-line values that were given (None = not given)."""
    given = {k: v for k, v in overrides.items() if v is not None}
    limits = options.limits
    if "max_untranslated" in given:
        limits = replace(limits, max_untranslated=given.pop("max_untranslated"))
    if "max_fuzzy" in given:
        limits = replace(limits, max_fuzzy=given.pop("max_fuzzy"))
    return replace(options, limits=limits, **given)
