"""The ``placeholders`` check: printf (C and Python) and brace placeholders of the source and the
translation are the same.

The PO flags decide the syntax: ``c-format`` and ``python-format`` (printf, named ``%(x)s`` and
positional ``%1$s`` — reordering with positions is fine), ``python-brace-format`` (``{0}``,
``{name:>4}``), ``qt-format`` / ``kde-format`` (``%1``…``%99``, ``%L1``); ``no-…-format``
switches a syntax off. printf directives are compared as GNU ``msgfmt --check-format`` compares
them: by the arguments they consume and their types (``%i`` is ``%d``, ``%x`` is ``%u``; a ``*``
width or precision takes an int of its own, so ``%.*s`` for ``%s`` is an error; glibc's ``I``
flag, ``%Id``, is allowed). An entry with no format flag is checked
only for unambiguous placeholders (``%s`` not after a digit and not before a letter, ``%(x)s``,
``%1$s``, ``{0}``, ``{name}``), so ``50% of`` is never a placeholder.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

_PRINTF_RE = re.compile(
    r"%(?:(?P<pos>\d+)\$|\((?P<name>[^)]*)\))?[-+ #0'I]*(?P<width>\*(?:\d+\$)?|\d+)?"
    r"(?:\.(?P<prec>\*(?:\d+\$)?|\d+))?(?P<len>hh|h|ll|l|L|q|j|z|t|I64|I32|I)?(?P<conv>[diouxXeEfFgGaAcspnrm%])"
)
_STRICT_PRINTF_RE = re.compile(
    r"(?<![0-9%])%(?:(?P<pos>\d+)\$|\((?P<name>[A-Za-z_]\w*)\))?[-+#0I]*(?P<width>\*|\d+)?"
    r"(?:\.(?P<prec>\*|\d+))?(?P<len>ll|l|h|z)?(?P<conv>[sdiufFeEgGxXoc])(?![A-Za-z])"
)
# Qt and KDE: %1 … %99 (``%L1`` with locale digits); only under qt-format / kde-format flags.
_QT_RE = re.compile(r"%L?(?P<num>[1-9][0-9]?)")
_QT_STRIP_RE = re.compile(r"(?<![0-9A-Za-z%])%L?[1-9][0-9]?(?![0-9])")
# The argument type each conversion takes, as GNU msgfmt compares them (format-c.c): %i is %d,
# %x is %u, every floating conversion is one double; %m takes no argument.
_TYPES = {"d": "int", "i": "int", "o": "unsigned", "u": "unsigned", "x": "unsigned", "X": "unsigned",
          "e": "double", "E": "double", "f": "double", "F": "double", "g": "double", "G": "double",
          "a": "double", "A": "double", "c": "char", "s": "string", "r": "string", "p": "pointer",
          "n": "count"}
_BRACE_RE = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}]*)\}")
_STRICT_BRACE_RE = re.compile(r"\{\{|\}\}|\{(?P<field>(?:\d+|[A-Za-z_]\w*)(?:![rsa])?(?::[^{}\s]*)?)\}")

PRINTF_FLAGS = ("c-format", "objc-format", "python-format", "php-format", "sh-format", "perl-format")
BRACE_FLAGS = ("python-brace-format",)
QT_FLAGS = ("qt-format", "qt-plural-format", "kde-format")


def _printf(text: str, pattern: re.Pattern[str], shown: dict[str, str]) -> Counter[str]:
    """The arguments the printf directives of *text* consume, as ``%<arg>:<length><type>`` keys:
    a ``*`` width or precision takes an int argument of its own (so ``%.*s`` is not ``%s``)."""
    found: Counter[str] = Counter()
    index = 0
    for m in pattern.finditer(text):
        conv = m.group("conv")
        if conv in "%m":
            continue
        directive = m.group()
        for star in (m.group("width"), m.group("prec")):
            if star and star.startswith("*"):
                index += 1
                ident = star[1:-1] if star.endswith("$") else str(index)
                k = f"%{ident}:int*"
                shown.setdefault(k, directive)
                found[k] = 1
        index += 1
        ident = m.group("pos") or (f"({m.group('name')})" if m.group("name") is not None else str(index))
        length = (m.group("len") or "").replace("I64", "ll").replace("I32", "").replace("I", "")
        k = f"%{ident}:{length}{_TYPES.get(conv, conv)}"
        shown.setdefault(k, directive)
        found[k] = 1  # an argument used twice (%1$s … %1$s) is still one argument
    return found


def _qt(text: str, shown: dict[str, str]) -> Counter[str]:
    """Qt / KDE markers: each number used counts once (``arg()`` fills every copy of it)."""
    found: Counter[str] = Counter()
    for m in _QT_RE.finditer(text):
        k = "%" + m.group("num")
        shown.setdefault(k, m.group())
        found[k] = 1
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
        found["{" + field + "}"] = 1
    return found


@lru_cache(maxsize=256)  # a catalog has a handful of flag sets; asked three times per entry
def _syntaxes(flags: frozenset[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    printf = [f for f in flags if f in PRINTF_FLAGS]
    brace = [f for f in flags if f in BRACE_FLAGS]
    qt = [f for f in flags if f in QT_FLAGS]
    chosen: list[tuple[str, re.Pattern[str]]] = []
    if printf:
        chosen.append(("printf", _PRINTF_RE))
    if brace:
        chosen.append(("brace", _BRACE_RE))
    if qt:
        chosen.append(("qt", _QT_RE))
    if printf or brace or qt:
        return tuple(chosen)
    if not any(f == "no-c-format" or f == "no-python-format" for f in flags):
        chosen.append(("printf", _STRICT_PRINTF_RE))
    if "no-python-brace-format" not in flags:
        chosen.append(("brace", _STRICT_BRACE_RE))
    return tuple(chosen)


def placeholders_of(text: str, flags: frozenset[str] = frozenset(),
                    shown: dict[str, str] | None = None) -> Counter[str]:
    """The placeholders in *text* under the syntaxes *flags* select, as comparable keys
    (*shown* collects key -> placeholder as written, for messages)."""
    found: Counter[str] = Counter()
    shown = {} if shown is None else shown
    for kind, pattern in _syntaxes(flags):
        if kind == "printf":
            found += _printf(text, pattern, shown)
        elif kind == "brace":
            found += _brace(text, pattern, shown)
        else:
            found += _qt(text, shown)
    return found


def strip_placeholders(text: str) -> str:
    """*text* without unambiguous placeholders (so their digits are not taken for numbers)."""
    if "%" not in text and "{" not in text:
        return text
    return _QT_STRIP_RE.sub(" ", _STRICT_BRACE_RE.sub(" ", _STRICT_PRINTF_RE.sub(" ", text)))


def _show(keys: Counter[str], shown: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(shown.get(k, k) for k in sorted(keys.elements())))


def placeholder_problem(source: str, translation: str,
                        flags: frozenset[str]) -> tuple[str, tuple[str, ...]] | None:
    """(message, the source's placeholders) if the placeholders of *source* and *translation*
    differ under the syntaxes *flags* choose, else None."""
    if "%" not in source and "%" not in translation and "{" not in source and "{" not in translation:
        return None
    shown: dict[str, str] = {}
    invalid = _invalid(source, translation, flags)
    if invalid:
        return invalid, tuple(m.group() for m in _iter_source(source, flags))
    if all([m.group() for m in p.finditer(source)] == [m.group() for m in p.finditer(translation)]
           for _kind, p in _syntaxes(flags)):
        return None  # the usual case: the same placeholders, written the same, in the same order
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


def _invalid(source: str, translation: str, flags: frozenset[str]) -> str | None:
    """What makes *translation* an invalid format string for msgfmt whatever the arguments:
    numbered and unnumbered printf directives mixed; Qt's ``%L1`` or ``%10`` where the source has
    only simple markers."""
    if any(f in PRINTF_FLAGS for f in flags) and "$" in translation:
        directives = [m for m in _PRINTF_RE.finditer(translation) if m.group("conv") not in "%m"]
        numbered = {bool(m.group("pos")) for m in directives}
        if len(numbered) == 2:
            return "placeholders mix numbered (%1$s) and unnumbered (%s) forms: printf refuses the translation"
    if any(f in QT_FLAGS for f in flags):
        def simple(text: str) -> bool:
            return all(not m.group().startswith("%L") and len(m.group("num")) == 1 for m in _QT_RE.finditer(text))
        if simple(source) and not simple(translation):
            return "placeholders: the source has only simple markers (%1) but the translation uses %L or %10"
    return None


def _iter_source(source: str, flags: frozenset[str]) -> Iterator[re.Match[str]]:
    for _kind, pattern in _syntaxes(flags):
        for m in pattern.finditer(source):
            if m.groupdict().get("conv") in ("%", "m") or m.group() in ("{{", "}}"):
                continue
            yield m
