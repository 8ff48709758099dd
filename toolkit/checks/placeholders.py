"""The ``placeholders`` check: printf (C and Python) and brace placeholders of the source and the
translation are the same.

The PO flags decide the syntax: ``c-format`` and ``python-format`` (printf, named ``%(x)s`` and
positional ``%1$s`` — reordering with positions is fine), ``python-brace-format`` (``{0}``,
``{name:>4}``); ``no-…-format`` switches a syntax off. An entry with no format flag is checked
only for unambiguous placeholders (``%s`` not after a digit and not before a letter, ``%(x)s``,
``%1$s``, ``{0}``, ``{name}``), so ``50% of`` is never a placeholder.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

_PRINTF_RE = re.compile(
    r"%(?:(?P<pos>\d+)\$|\((?P<name>[^)]*)\))?[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
    r"(?P<len>hh|h|ll|l|L|q|j|z|t)?(?P<conv>[diouxXeEfFgGaAcspn%])"
)
_STRICT_PRINTF_RE = re.compile(
    r"(?<![0-9%])%(?:(?P<pos>\d+)\$|\((?P<name>[A-Za-z_]\w*)\))?[-+#0]*\d*(?:\.\d+)?"
    r"(?P<len>ll|l|h|z)?(?P<conv>[sdiufFeEgGxXoc])(?![A-Za-z])"
)
_BRACE_RE = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}]*)\}")
_STRICT_BRACE_RE = re.compile(r"\{\{|\}\}|\{(?P<field>(?:\d+|[A-Za-z_]\w*)(?:![rsa])?(?::[^{}\s]*)?)\}")

PRINTF_FLAGS = ("c-format", "python-format", "php-format", "sh-format", "perl-format")
BRACE_FLAGS = ("python-brace-format",)


def _printf(text: str, pattern: re.Pattern[str], shown: dict[str, str]) -> Counter[str]:
    found: Counter[str] = Counter()
    index = 0
    for m in pattern.finditer(text):
        conv = m.group("conv")
        if conv == "%":
            continue
        index += 1
        ident = m.group("pos") or (f"({m.group('name')})" if m.group("name") is not None else str(index))
        conv = "d" if conv == "i" else conv
        k = f"%{ident}:{m.group('len') or ''}{conv}"
        shown.setdefault(k, m.group())
        found[k] += 1
    return found


def _brace(text: str, pattern: re.Pattern[str], shown: dict[str, str]) -> Counter[str]:
    found: Counter[str] = Counter()
    auto = 0
    for m in pattern.finditer(text):
        field = m.group("field")
        if field is None:
            continue
        if field == "" or field[0] in "!:":
            field = str(auto) + field
            auto += 1
        shown.setdefault("{" + field + "}", m.group())
        found["{" + field + "}"] += 1
    return found


def _syntaxes(flags: frozenset[str]) -> list[tuple[str, re.Pattern[str]]]:
    printf = [f for f in flags if f in PRINTF_FLAGS]
    brace = [f for f in flags if f in BRACE_FLAGS]
    chosen: list[tuple[str, re.Pattern[str]]] = []
    if printf:
        chosen.append(("printf", _PRINTF_RE))
    if brace:
        chosen.append(("brace", _BRACE_RE))
    if printf or brace:
        return chosen
    if not any(f == "no-c-format" or f == "no-python-format" for f in flags):
        chosen.append(("printf", _STRICT_PRINTF_RE))
    if "no-python-brace-format" not in flags:
        chosen.append(("brace", _STRICT_BRACE_RE))
    return chosen


def placeholders_of(text: str, flags: frozenset[str] = frozenset(),
                    shown: dict[str, str] | None = None) -> Counter[str]:
    """The placeholders in *text* under the syntaxes *flags* select, as comparable keys
    (*shown* collects key -> placeholder as written, for messages)."""
    found: Counter[str] = Counter()
    shown = {} if shown is None else shown
    for kind, pattern in _syntaxes(flags):
        found += _printf(text, pattern, shown) if kind == "printf" else _brace(text, pattern, shown)
    return found


def strip_placeholders(text: str) -> str:
    """*text* without unambiguous placeholders (so their digits are not taken for numbers)."""
    if "%" not in text and "{" not in text:
        return text
    return _STRICT_BRACE_RE.sub(" ", _STRICT_PRINTF_RE.sub(" ", text))


def _show(keys: Counter[str], shown: dict[str, str]) -> list[str]:
    return [shown.get(k, k) for k in sorted(keys.elements())]


def placeholder_problem(source: str, translation: str,
                        flags: frozenset[str]) -> tuple[str, tuple[str, ...]] | None:
    """(message, the source's placeholders) if the placeholders of *source* and *translation*
    differ under the syntaxes *flags* choose, else None."""
    if "%" not in source + translation and "{" not in source + translation:
        return None
    shown: dict[str, str] = {}
    want = placeholders_of(source, flags, shown)
    have = placeholders_of(translation, flags, shown)
    if want == have:  # sequential %s %d equal positional %2$d %1$s: both key on the index
        return None
    missing, extra = want - have, have - want
    parts = []
    if missing:
        parts.append("missing " + ", ".join(_show(missing, shown)))
    if extra:
        parts.append("unexpected " + ", ".join(_show(extra, shown)))
    return "placeholders differ: " + "; ".join(parts), tuple(m.group() for m in _iter_source(source, flags))


def _iter_source(source: str, flags: frozenset[str]) -> Iterator[re.Match[str]]:
    for _kind, pattern in _syntaxes(flags):
        for m in pattern.finditer(source):
            if m.groupdict().get("conv") == "%" or m.group() in ("{{", "}}"):
                continue
            yield m
