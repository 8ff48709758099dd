"""Engines behind a lazy table: name -> import path, so nothing heavy loads until MT is used."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from toolkit.errors import MTUnavailableError, UsageError

ENGINES: dict[str, str] = {
    "argos-ct2": "toolkit.mt.engine:CT2Engine",  # Argos packages run directly on CTranslate2
}
#: Modules of the ``[mt]`` extra an engine needs at run time.
REQUIRES: dict[str, tuple[str, ...]] = {"argos-ct2": ("ctranslate2", "sentencepiece")}


def require(name: str = "argos-ct2") -> None:
    """Raise MTUnavailableError naming the extra when an engine's modules are missing."""
    for module in REQUIRES.get(name, ()):
        try:
            import_module(module)
        except ImportError:
            raise MTUnavailableError(
                f"machine translation needs the optional [mt] extra ({module} is not installed): "
                "pip install 'toolkit[mt]'"
            ) from None


def engine_class(name: str = "argos-ct2") -> Any:
    """The engine class for *name*, imported on first use."""
    if name not in ENGINES:
        raise UsageError(f"unknown MT engine {name!r} (known: {', '.join(sorted(ENGINES))})")
    require(name)
    module, _, attr = ENGINES[name].partition(":")
    return getattr(import_module(module), attr)
