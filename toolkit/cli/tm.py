"""CLI for ``toolkit tm``: the project translation memory (import, export, stats, lookup, search).

Thin layer over :mod:`toolkit.tm`. Every command opens the memory (``--tm``, else
``[tool.toolkit] tm``, else ``.toolkit/tm.sqlite``); those that read it first bring it up to date
with the reviewed entries of the project's catalogs (``--locales``), re-reading only changed ones.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from toolkit.cli import output
from toolkit.cli._app import new_app
from toolkit.cli.options import LocalesOpt, OutputOpt, choice, format_option, percentage

if TYPE_CHECKING:
    from toolkit.tm.store import Store

TMOpt = Annotated[Path | None, typer.Option(
    "--tm", metavar="FILE", show_default=False,
    help="Translation memory file [default: [tool.toolkit] tm, else .toolkit/tm.sqlite].")]
LangOpt = Annotated[str, typer.Option("--lang", "-l", metavar="LANG", help="Target language.")]
FORMATS = ("text", "json")


def open_memory(tm: Path | None, locales: Path | None, *, sync: bool = True) -> "Store":
    """The memory of this project, synced with its catalogs unless *sync* is false."""
    from toolkit.config import load_config
    from toolkit.tm.store import Store

    config = load_config()
    store = Store(tm or config.tm_path)
    if sync:
        for problem in store.sync_catalogs(locales or config.locales_dir).problems:
            output.note(f"left out of the translation memory: {problem}")
    return store


def word_diff(new: str, old: str) -> str:
    """The memory source *old* against the new sentence, word by word: ``[-old-]{+new+}``."""
    from difflib import SequenceMatcher

    a, b = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(a[i1:i2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


def _unit_json(unit: Any) -> dict[str, Any]:
    return {"source": unit.source, "target": unit.target, "lang": unit.lang, "origin": unit.origin,
            "created": unit.created, "changed": unit.changed, "reviewed": unit.reviewed}


def register(app: typer.Typer) -> None:
    """Add the ``tm`` command group to *app*."""
    tm_app = new_app(help="The project translation memory: import and export TMX, look sentences up.")

    @tm_app.command("import", no_args_is_help=True)
    def import_(
        files: Annotated[list[Path], typer.Argument(metavar="FILE", show_default=False,
                                                    help="TMX or PO files (importing a file again replaces it).")],
        tm: TMOpt = None,
    ) -> None:
        """Import TMX (1.1-1.4) or PO files into the memory."""
        from toolkit.tm import import_files

        with open_memory(tm, None, sync=False) as store:
            for path, read, added in import_files(store, files):
                known = f" ({read - added} already in the memory)" if read > added else ""
                output.line(f"imported {added} units from {path}{known}")

    @tm_app.command("export")
    def export(
        out: OutputOpt = None,
        lang: Annotated[str | None, typer.Option("--lang", "-l", metavar="LANG", show_default=False,
                                                 help="Only this target language [default: all].")] = None,
        tm: TMOpt = None,
        locales: LocalesOpt = None,
    ) -> None:
        """Write the memory as TMX 1.4 (with dates, origin and review status as <prop>s)."""
        from toolkit.tm import export as export_tmx
        from toolkit.tm.tmx import tmx_lines

        with open_memory(tm, locales) as store:
            if out is None:
                from toolkit import __version__

                output.result("".join(tmx_lines(store.units(lang), tool_version=__version__)))
                return
            count = export_tmx(store, out, lang)
        output.note(f"exported {count} units to {out}")

    @tm_app.command("stats")
    def stats(
        tm: TMOpt = None,
        locales: LocalesOpt = None,
        fmt: Annotated[str, format_option(FORMATS)] = "text",
    ) -> None:
        """Units per language (reviewed among them), sources, catalogs read, imported files."""
        choice(fmt, FORMATS, "--format")
        with open_memory(tm, locales) as store:
            info = store.stats()
        if fmt == "json":
            output.line(json.dumps(info, ensure_ascii=False, indent=2))
            return
        output.line(f"memory: {info['path']}")
        output.line(f"sources: {info['sources']}  catalogs: {info['catalogs']}")
        for lang, row in info["languages"].items():
            output.line(f"{lang}: units={row['units']} reviewed={row['reviewed']}")
        for name, count in info["imports"].items():
            output.line(f"imported: {name} units={count}")

    @tm_app.command("lookup", no_args_is_help=True)
    def lookup(
        sentence: Annotated[str, typer.Argument(metavar="SENTENCE", help="An English sentence.")],
        min_score: Annotated[int, typer.Option("--min", metavar="PERCENT", help="Minimum score.")] = 70,
        limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", help="At most N matches.")] = 5,
        lang: LangOpt = "km",
        tm: TMOpt = None,
        locales: LocalesOpt = None,
        fmt: Annotated[str, format_option(FORMATS)] = "text",
    ) -> None:
        """Best matches with score, the source's difference to SENTENCE, target and origin."""
        from toolkit.tm.match import Matcher

        choice(fmt, FORMATS, "--format")
        percentage(min_score, "--min")
        with open_memory(tm, locales) as store:
            found = Matcher(store, lang).lookup(sentence, min_score, limit)
        if fmt == "json":
            output.line(json.dumps([{"score": m.score, **_unit_json(m.unit),
                                     "others": [_unit_json(o) for o in m.others]} for m in found],
                                   ensure_ascii=False, indent=2))
            return
        if not found:
            output.note(f"no match at or above {min_score}%")
        for m in found:
            output.line(f"{m.score}%\t{m.unit.origin}")
            if m.score < 100:
                output.line(f"  source: {word_diff(sentence, m.unit.source)}")
            output.line(f"  {m.unit.lang}: {m.unit.target}")
            for other in m.others:
                output.line(f"  also:  {other.target}  ({other.origin})")

    @tm_app.command("search", no_args_is_help=True)
    def search(
        term: Annotated[str, typer.Argument(metavar="TERM", help="A word or phrase (English).")],
        lang: LangOpt = "km",
        limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", help="At most N translations.")] = 20,
        tm: TMOpt = None,
        locales: LocalesOpt = None,
        fmt: Annotated[str, format_option(FORMATS)] = "text",
    ) -> None:
        """Concordance: how TERM was translated before, each distinct translation with its count."""
        from toolkit.tm import concordance

        choice(fmt, FORMATS, "--format")
        with open_memory(tm, locales) as store:
            found = concordance(store, term, lang, limit)
        if fmt == "json":
            output.line(json.dumps({"term": term, "total": found.total,
                                    "renderings": [{"text": t, "count": n} for t, n in found.renderings],
                                    "translations": [{"count": n, **_unit_json(u)} for n, u in found.targets]},
                                   ensure_ascii=False, indent=2))
            return
        output.line(f"{term!r}: {found.total} units")
        if found.renderings:
            output.line("likely renderings: " + ", ".join(f"{t} ({n})" for t, n in found.renderings))
        for count, unit in found.targets:
            output.line(f"{count}x\t{unit.source}\n\t{unit.target}\t({unit.origin})")

    app.add_typer(tm_app, name="tm")
