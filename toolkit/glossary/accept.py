"""``toolkit glossary accept``: move reviewed proposals into a curated glossary file.

A proposals file (``toolkit glossary suggest -f yaml``) holds concepts with ``status: proposed``;
recognition, checks and MT ignore them. Accepting a concept appends it, approved, to a curated
native file (by default the shipped file of its domain, ``glossary/<domain>.yaml``) and removes
it from the proposals file. Nothing is lost or doubled: the curated file keeps its text (the new
concepts are appended to its ``concepts:`` list, and the result is parsed back and compared
before anything is written), an id or an English term the glossary already has is refused, and
every write is atomic. The curated file is written first, so an interruption leaves a concept in
both files (and a second ``accept`` refuses the duplicate), never in neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from toolkit.errors import GlossaryError, ProblemsError, UsageError
from toolkit.glossary.glossary import Glossary
from toolkit.glossary.model import SOURCE_LANG, Concept


@dataclass(frozen=True)
class Accepted:
    """What an accept did: concept ids written to each file, and the ones left for review."""

    written: dict[str, list[str]]
    remaining: int


def _parse(path: Path) -> tuple[str, list[Concept]]:
    from toolkit.glossary.native import parse_native
    from toolkit.textio import read_text

    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError("proposals and curated files are native glossary files (.yaml)", path=path)
    text = read_text(path)
    concepts, problems = parse_native(text, str(path))
    if problems:
        raise ProblemsError(problems)
    return text, concepts


def _appended(text: str, concepts: list[Concept], domain: str | None) -> str:
    """*text* of a native file with *concepts* added at the end of its ``concepts:`` list."""
    from toolkit.glossary.native import dump_native

    block = dump_native(concepts, domain=domain)
    items = block.split("concepts:\n", 1)[1]
    if not text.endswith("\n"):
        text += "\n"
    return text + "\n" + items


def _file_domain(text: str) -> str | None:
    import yaml

    data = yaml.safe_load(text)
    return data.get("domain") if isinstance(data, dict) else None


def accept(proposals: Path, ids: Sequence[str], glossary: Glossary, *, target: Path | None = None,
           default_dir: Path | None = None) -> Accepted:
    """Move the concepts *ids* of *proposals* into *target* (else ``default_dir/<domain>.yaml``).

    *glossary* is what is curated already: an id or English term it has is refused.
    """
    from toolkit.glossary.native import dump_native
    from toolkit.textio import atomic_write

    _text, concepts = _parse(proposals)
    by_id = {c.id: c for c in concepts}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise UsageError(f"no concept {', '.join(map(repr, unknown))} in the proposals file", path=proposals)
    chosen = [by_id[i] for i in dict.fromkeys(ids)]
    problems: list[GlossaryError] = []
    for c in chosen:
        if c.id in glossary or any(p.id == c.id for p in glossary.proposed):
            problems.append(GlossaryError(f"concept {c.id!r} is already in the glossary", path=c.path, line=c.line))
        for t in c.terms_in(SOURCE_LANG):
            whole = [m.concept for m in glossary.find(t.text) if (m.start, m.end) == (0, len(t.text))]
            if whole:
                problems.append(GlossaryError(f"concept {c.id!r}: English term {t.text!r} is already concept "
                                              f"{whole[0]!r}", path=c.path, line=t.line))
        if not c.terms_in("km") and not any(t.dnt for t in c.terms_in(SOURCE_LANG)):
            problems.append(GlossaryError(f"concept {c.id!r} has no Khmer term: add the Khmer before accepting it",
                                          path=c.path, line=c.line))
    if problems:
        raise ProblemsError(problems)
    groups: dict[Path, list[Concept]] = {}
    for c in chosen:
        if target is None and default_dir is None:
            raise UsageError("name the curated file with -g/--glossary")
        path = target if target is not None else default_dir / f"{c.domain}.yaml"  # type: ignore[operator]
        groups.setdefault(path, []).append(replace(c, status="approved", path=None, line=None))
    written: dict[str, list[str]] = {}
    for path, new in groups.items():
        if path.exists():
            text, old = _parse(path)
            taken = {c.id for c in old}
            doubled = [c.id for c in new if c.id in taken]
            if doubled:
                raise UsageError(f"{path} already has concept {', '.join(map(repr, doubled))}")
            result = _appended(text, new, _file_domain(text))
            from toolkit.glossary.native import parse_native

            check, problems = parse_native(result, str(path))
            if problems or [c.id for c in check] != [c.id for c in old] + [c.id for c in new]:
                raise UsageError(f"{path}: cannot append to this file (its concepts: list is not the last block); "
                                 "accept into a new file and copy the concepts by hand")
        else:
            result = dump_native(new)
        atomic_write(path, result)
        written[str(path)] = [c.id for c in new]
    done = {c.id for c in chosen}
    rest = [c for c in concepts if c.id not in done]
    from toolkit.glossary.suggest.render import HEADER

    atomic_write(proposals, dump_native(rest, header=HEADER) if rest else f"# {HEADER}\nconcepts: []\n")
    return Accepted(written, len(rest))
