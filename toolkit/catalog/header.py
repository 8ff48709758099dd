"""Catalog headers from babel's locale data, and language-code validation.

A new catalog gets the fields GNU ``msginit`` writes, filled from CLDR (via babel) instead of
placeholders, so ``msgfmt --check`` accepts it as is. Fields a translator (or their editor) set
in an existing catalog are kept; only ``POT-Creation-Date`` (copied from the template, as
``msgmerge`` does), ``PO-Revision-Date`` (when our run changes the catalog's content) and
``X-Toolkit-Source`` are ours to update; ``X-Generator`` is only set in new catalogs (an editor
such as Poedit writes its own name there, and rewriting it would churn the file).
"""

from __future__ import annotations

import difflib
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any

from toolkit import __version__
from toolkit.errors import UsageError

GENERATOR = f"toolkit {__version__}"
#: Header field naming the source document (path relative to the working directory, posix).
SOURCE_FIELD = "X-Toolkit-Source"
#: Header field naming the source format when it was chosen with ``--format`` (else: by extension).
FORMAT_FIELD = "X-Toolkit-Format"

#: Country or script codes often typed for a language code.
COMMON_CONFUSIONS = {
    "kh": "km", "jp": "ja", "cn": "zh", "kr": "ko", "vn": "vi", "cz": "cs", "gr": "el",
    "dk": "da", "se": "sv", "ua": "uk", "us": "en", "gb": "en", "uk_ua": "uk", "ir": "fa",
    "il": "he", "iw": "he", "in": "id", "ji": "yi", "tw": "zh_Hant", "hk": "zh_Hant",
    "br": "pt_BR", "mm": "my", "la_la": "lo", "ee": "et", "si_lk": "si", "ae": "ar",
    "sa": "ar", "eg": "ar", "pk": "ur", "bd": "bn", "np": "ne", "my_mm": "my",
    "khm": "km", "khmer": "km", "cambodian": "km",
}


def parse_language(code: str):
    """A ``babel.Locale`` for *code* (``km``, ``km_KH``, ``km-KH``), or a UsageError with a hint."""
    from babel import Locale, UnknownLocaleError
    from babel.localedata import locale_identifiers

    raw = code.strip()
    normal = raw.replace("-", "_")
    try:
        locale = Locale.parse(normal)
    except (UnknownLocaleError, ValueError, TypeError):
        locale = None
    if locale is not None and normal.lower() not in COMMON_CONFUSIONS:
        return locale
    hint = COMMON_CONFUSIONS.get(normal.lower())
    if hint is None:
        by_name = {}
        for ident in locale_identifiers():
            if "_" not in ident:
                name = Locale.parse(ident).english_name
                if name:
                    by_name[name.lower()] = ident
        hint = by_name.get(normal.lower())
        if hint is None:
            close = difflib.get_close_matches(normal, locale_identifiers(), n=1, cutoff=0.6)
            hint = close[0] if close else None
    message = f"unknown language code {raw!r} for --to"
    if hint:
        name = Locale.parse(hint).english_name
        message += f"; did you mean {hint!r} ({name})?"
    raise UsageError(message)


def language_tag(locale) -> str:
    """The code used for directory names and the Language field (``km``, ``pt_BR``)."""
    return str(locale)


def format_date(when: datetime) -> str:
    """gettext's date format, e.g. ``2026-11-25 14:42+0000``."""
    return when.strftime("%Y-%m-%d %H:%M%z")


def template_header(project: str, source: str, created: datetime) -> dict[str, str]:
    """Header of a ``.pot`` template."""
    return {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": format_date(created),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": GENERATOR,
        SOURCE_FIELD: source,
    }


@lru_cache(maxsize=1)
def _gettext_plurals() -> dict[str, str]:
    """``toolkit/data/plurals/gettext.txt``: the Plural-Forms msginit writes, by language code."""
    table: dict[str, str] = {}
    text = resources.files("toolkit").joinpath("data/plurals/gettext.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _, expr = line.partition("\t")
            table[code] = expr
    return table


def plural_forms(locale: Any) -> str:
    """The ``Plural-Forms`` value for a new catalog.

    Policy: what GNU gettext's ``msginit`` writes where its built-in table knows the language
    (``pt_BR`` -> 2 forms, ``(n > 1)``), because Poedit, Weblate and msgfmt users expect it and
    CLDR's newer rules (3 forms for ``pt_BR`` since CLDR 46) would make existing translations
    incomplete; CLDR via babel for every other language (Khmer: 1 form), as msginit gives none.
    """
    table = _gettext_plurals()
    found = table.get(str(locale)) or table.get(locale.language)
    if found is not None:
        return found
    from babel.messages.plurals import get_plural

    plural = get_plural(locale)
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def catalog_header(locale: Any, project: str, source: str, created: str, revised: datetime) -> dict[str, str]:
    """Header of a new ``.po`` catalog for *locale* (fields in msginit's order)."""
    return {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": created,
        "PO-Revision-Date": format_date(revised),
        "Last-Translator": "",
        "Language-Team": f"{locale.english_name}",
        "Language": language_tag(locale),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(locale),
        "X-Generator": GENERATOR,
        SOURCE_FIELD: source,
    }


def template_comment(source: str) -> str:
    """The comment above a template's header."""
    return (f"Messages of {source}, one per sentence, for translation.\n"
            "Generated by toolkit translate; do not edit (edit the .po files).")


def catalog_comment(locale, source: str) -> str:
    """The comment above a new catalog's header (kept, like every header comment, afterwards)."""
    return (
        f"{locale.english_name} translation of {source}.\n"
        "Generated by toolkit translate; translations and comments\n"
        "made here are kept on re-runs."  # short lines: polib and Babel rewrap longer comments
    )


def merge_header(old: dict[str, str], new: dict[str, str]) -> dict[str, str]:
    """Keep every field of *old* (a translator's), update the fields that are ours."""
    merged = dict(old)
    for key in ("POT-Creation-Date", SOURCE_FIELD):  # X-Generator may name the translator's editor
        merged[key] = new[key]
    if FORMAT_FIELD in new:
        merged[FORMAT_FIELD] = new[FORMAT_FIELD]
    else:
        merged.pop(FORMAT_FIELD, None)
    for key, value in new.items():
        merged.setdefault(key, value)
    return merged
