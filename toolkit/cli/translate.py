"""CLI for ``toolkit translate`` (source -> PO catalogs) and ``toolkit build`` (PO -> .mo + documents).

Thin layer: parse options, call :func:`toolkit.catalog.pipeline.translate` or
:func:`toolkit.catalog.build.build`, render the result. The library and the MT stack are
imported inside the commands (``--help`` stays fast; no MT import unless MT is used).
"""

from __future__ import annotations

import os
import sys
from datetime import UTC
from pathlib import Path
from typing import Annotated

import typer


def _now():
    """The run's timestamp; ``SOURCE_DATE_EPOCH`` (reproducible builds) overrides the clock."""
    from datetime import datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return None


def _short(path: Path) -> Path:
    """*path* relative to the working directory when it lies inside it (shorter messages)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def translate_command(
    sources: Annotated[list[Path], typer.Argument(metavar="SOURCE", help="Source documents (UTF-8 text).", show_default=False)],
    to: Annotated[list[str], typer.Option("--to", metavar="LANG", help="Target language code (repeatable), e.g. km.", show_default=False)],
    locales: Annotated[Path | None, typer.Option("--locales", metavar="DIR", help="Catalog directory [default: [tool.toolkit] locales, else ./locales].")] = None,
    glossary: Annotated[list[Path] | None, typer.Option("--glossary", metavar="PATH", help="Glossary file or directory (repeatable); replaces the default set.")] = None,
    no_mt: Annotated[bool, typer.Option("--no-mt", help="Do not machine-translate; glossary hints only.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if any catalog would change.")] = False,
    models_dir: Annotated[Path | None, typer.Option("--models-dir", metavar="DIR", help="MT models directory.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", metavar="N", min=1, help="MT batch size.")] = 64,
    beam_size: Annotated[int, typer.Option("--beam-size", metavar="N", min=1, help="MT beam size.")] = 2,
    device: Annotated[str, typer.Option("--device", metavar="cpu|cuda|auto", help="MT device: cpu, cuda or auto.")] = "cpu",
    threads: Annotated[int, typer.Option("--threads", metavar="N", min=0, help="MT CPU threads (0: automatic).")] = 0,
) -> None:
    """Write PO catalogs for translators: one entry per sentence, glossary hints, merged with earlier work."""
    from toolkit.catalog.pipeline import translate
    from toolkit.config import load_config
    from toolkit.errors import MTUnavailableError, UsageError
    from toolkit.glossary import load_glossary
    from toolkit.segment import load_rules

    if device not in ("cpu", "cuda", "auto"):
        raise UsageError(f"--device must be cpu, cuda or auto, not {device!r}")
    config = load_config()
    terms = load_glossary(glossary or None, config=config)
    unavailable = False

    def drafter_for(lang: str):
        nonlocal unavailable
        if unavailable:
            return None
        try:
            from toolkit.mt import open_drafter

            return open_drafter(
                "en", lang, glossary=terms, models_dir=models_dir, device=device,
                threads=threads, beam_size=beam_size, batch_size=batch_size,
            )
        except (MTUnavailableError, ImportError):
            unavailable = True
            print(
                "toolkit: note: machine translation is not installed (pip install 'toolkit[mt]'); "
                "writing catalogs with glossary hints only",
                file=sys.stderr,
            )
            return None

    result = translate(
        sources, to,
        locales_dir=_short(locales or config.locales_dir),
        glossary=terms,
        drafter_for=None if no_mt else drafter_for,
        check=check,
        now=_now(),
        segment_options={"rules": load_rules(config.abbreviations)},
    )
    for item in result.files:
        if item.changed:
            verb = "would change" if check else "wrote"
        else:
            verb = "up to date:"
        print(f"{verb} {item.path}", file=sys.stderr)
    print(result.summary, file=sys.stderr)
    if check and result.changed:
        listing = ", ".join(str(p) for p in result.changed)
        print(f"toolkit: {len(result.changed)} catalog(s) out of date: {listing}", file=sys.stderr)
        raise typer.Exit(1)


def build_command(
    locales: Annotated[Path | None, typer.Option("--locales", metavar="DIR", help="Catalog directory [default: [tool.toolkit] locales, else ./locales].")] = None,
    out: Annotated[Path | None, typer.Option("--out", metavar="DIR", help="Output directory for translated documents [default: ./build].")] = None,
    include_fuzzy: Annotated[bool, typer.Option("--include-fuzzy", help="Use fuzzy (draft) translations too.")] = False,
) -> None:
    """Compile a .mo for each catalog and render each translated document; print statistics."""
    from toolkit.catalog.build import build
    from toolkit.config import load_config
    from toolkit.segment import load_rules

    config = load_config()
    result = build(_short(locales or config.locales_dir), out_dir=out, include_fuzzy=include_fuzzy,
                   segment_options={"rules": load_rules(config.abbreviations)})
    for item in result.outputs:
        s = item.stats
        print(
            f"{item.language}\t{item.name}\ttranslated={s.translated} fuzzy={s.fuzzy} "
            f"untranslated={s.untranslated}\t{item.document}"
        )
        for note in item.notes:
            print(f"toolkit: note: {note}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Add ``translate`` and ``build`` to *app*."""
    app.command("translate", no_args_is_help=True)(translate_command)
    app.command("build")(build_command)
