"""Segmentation rules as data: abbreviation classes and word lists, loaded from small text files.

The shipped file is ``toolkit/data/segment/en.txt``; users add their own files in the same format
(``[tool.toolkit] abbreviations = [...]``). Every problem in a file is reported with its line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from toolkit.errors import InputError, ProblemsError

#: Abbreviation classes; see the header of ``en.txt`` for what each means.
ABBREVIATION_CLASSES = frozenset(
    {"prefix", "prefix-or-name", "number", "month", "time", "inside", "general", "final"}
)
#: Word-list sections.
WORD_LISTS = ("starters", "speech-verbs", "time-intro", "time-after")


@dataclass(frozen=True, eq=False)
class SegmentRules:
    """Everything language-specific the English segmenter knows, as data."""

    abbreviations: Mapping[str, str]  # form without final period (and its lower case) -> class
    starters: frozenset[str]  # words that typically begin a sentence
    speech_verbs: frozenset[str]  # "said", "asked": attribution after a quoted question
    time_intro: frozenset[str]  # "at", "by": opening time phrase ("At 5 a.m. Mr. Smith")
    time_after: frozenset[str] = frozenset()  # "Tuesday", "GMT": continue a time ("10 a.m. Tuesday")
    sources: tuple[str, ...] = ()

    def abbreviation_class(self, word: str) -> str | None:
        """The class of *word* (without its final period), or None if it is no abbreviation."""
        found = self.abbreviations.get(word)
        if found is None and len(word) > 1:  # "P." is an initial, not "p." (page)
            found = self.abbreviations.get(word.lower())
        return found


def _parse(text: str, name: str, into: dict[str, dict[str, str]], problems: list[InputError]) -> None:
    section: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                problems.append(InputError(f"malformed section header {line!r}", path=name, line=number))
                continue
            section = line[1:-1].strip()
            if section not in ABBREVIATION_CLASSES and section not in WORD_LISTS:
                known = ", ".join(sorted(ABBREVIATION_CLASSES) + list(WORD_LISTS))
                problems.append(InputError(f"unknown section [{section}] (known: {known})", path=name, line=number))
                section = None
            continue
        if section is None:
            problems.append(InputError(f"entry {line!r} outside a known [section]", path=name, line=number))
            continue
        if any(ch.isspace() for ch in line):
            problems.append(InputError(f"one entry per line, without spaces: {line!r}", path=name, line=number))
            continue
        entry = line[:-1] if line.endswith(".") else line
        if section in ABBREVIATION_CLASSES:
            abbreviations = into.setdefault("abbreviations", {})
            abbreviations.pop(entry, None)  # a later file re-classifies an entry
            abbreviations[entry] = section
        else:
            into.setdefault(section, {})[entry] = section


def load_rules(extra_files: Sequence[Path] = ()) -> SegmentRules:
    """The shipped English rules plus *extra_files* (same format); later files win.

    Raises :class:`~toolkit.errors.InputError` (or :class:`~toolkit.errors.ProblemsError` listing
    every bad line) when a file cannot be read or does not validate.
    """
    return _load(tuple(str(p) for p in extra_files))


@lru_cache(maxsize=16)
def _load(extra: tuple[str, ...]) -> SegmentRules:
    sections: dict[str, dict[str, str]] = {}
    problems: list[InputError] = []
    shipped = resources.files("toolkit") / "data" / "segment" / "en.txt"
    _parse(shipped.read_text(encoding="utf-8"), "toolkit/data/segment/en.txt", sections, problems)
    for name in extra:
        try:
            data = Path(name).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InputError("abbreviation file not found", path=name) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-8 text ({exc.reason})", path=name, offset=exc.start) from None
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror})", path=name) from None
        _parse(data, name, sections, problems)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ProblemsError(problems)
    # Exact forms first, then lower-case variants that do not clash with an exact form.
    abbreviations = dict(sections.get("abbreviations", {}))
    for form, cls in list(abbreviations.items()):
        if len(form) > 1:
            abbreviations.setdefault(form.lower(), cls)
    return SegmentRules(
        abbreviations=MappingProxyType(abbreviations),
        starters=frozenset(sections.get("starters", {})),
        speech_verbs=frozenset(sections.get("speech-verbs", {})),
        time_intro=frozenset(w.lower() for w in sections.get("time-intro", {})),
        time_after=frozenset(sections.get("time-after", {})),
        sources=("toolkit/data/segment/en.txt", *extra),
    )
