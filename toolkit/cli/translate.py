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
from typing import TYPE_CHECKING, Annotated, Any

import typer

from toolkit.cli import output
from toolkit.cli.options import GlossaryOpt, LocalesOpt, percentage

if TYPE_CHECKING:
    from toolkit.mt.options import MTOptions


def _now() -> Any:
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


def mt_options(models_dir: Path | None, device: str, threads: int, inter_threads: int, beam_size: int,
               batch_size: int) -> "MTOptions":
    """The one MTOptions of a run, from the MT options below (validated there, once)."""
    from toolkit.mt.options import MTOptions

    return MTOptions(models_dir=models_dir, device=device, threads=threads, inter_threads=inter_threads,
                     beam_size=beam_size, batch_size=batch_size)


ModelsDirOpt = Annotated[Path | None, typer.Option("--models-dir", metavar="DIR", help="MT models directory.")]
BatchOpt = Annotated[int, typer.Option("--batch-size", metavar="N", help="MT batch size.")]
BeamOpt = Annotated[int, typer.Option("--beam-size", metavar="N", help="MT beam size.")]
DeviceOpt = Annotated[str, typer.Option("--device", metavar="cpu|cuda|auto", help="MT device: cpu, cuda or auto.")]
ThreadsOpt = Annotated[int, typer.Option("--threads", metavar="N",
                                         help="MT threads per batch (0: automatic, from the CPUs).")]
InterOpt = Annotated[int, typer.Option("--inter-threads", metavar="N",
                                       help="MT batches translated at once (0: automatic, from the CPUs).")]


def translate_command(
    sources: Annotated[list[Path], typer.Argument(metavar="SOURCE", help="Source documents.", show_default=False)],
    to: Annotated[list[str], typer.Option("--to", metavar="LANG", show_default=False,
                                          help="Target language code (repeatable), e.g. km.")],
    locales: LocalesOpt = None,
    glossary: GlossaryOpt = None,
    source_format: Annotated[str | None, typer.Option(
        "--format", "-f", metavar="NAME", show_default=False,
        help="Source format for every SOURCE: text, markdown, html or docx (default: by file extension "
             "— .md, .html/.htm, .docx; plain text otherwise).")] = None,
    no_mt: Annotated[bool, typer.Option("--no-mt", help="Do not machine-translate; glossary hints only.")] = False,
    tm: Annotated[Path | None, typer.Option(
        "--tm", metavar="FILE", show_default=False,
        help="Translation memory file [default: [tool.toolkit] tm, else .toolkit/tm.sqlite].")] = None,
    no_tm: Annotated[bool, typer.Option("--no-tm", help="Do not fill from the translation memory.")] = False,
    tm_min: Annotated[int, typer.Option("--tm-min", metavar="PERCENT",
                                        help="Minimum translation memory score to fill an entry.")] = 75,
    require_mt: Annotated[bool, typer.Option(
        "--require-mt", help="Exit 3 (writing nothing) when MT or a model for a language is missing, for CI; "
                             "by default the catalogs are written with hints only and a note says how to get one.")]
    = False,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if any catalog would change.")] = False,
    models_dir: ModelsDirOpt = None,
    batch_size: BatchOpt = 64,
    beam_size: BeamOpt = 2,
    device: DeviceOpt = "cpu",
    threads: ThreadsOpt = 0,
    inter_threads: InterOpt = 0,
) -> None:
    """Write PO catalogs for translators: one entry per sentence, glossary hints, merged with earlier work."""
    from toolkit.catalog.pipeline import translate
    from toolkit.config import load_config
    from toolkit.errors import ModelNotFoundError, MTUnavailableError
    from toolkit.glossary import load_glossary

    # validated with --no-mt too: a bad value in a script is an error whatever the other flags
    options = mt_options(models_dir, device, threads, inter_threads, beam_size, batch_size)
    config = load_config()
    terms = load_glossary(glossary or None, config=config)
    unavailable = False

    def drafter_for(lang: str) -> Any:
        nonlocal unavailable
        if unavailable:
            return None
        try:
            from toolkit.mt import open_drafter

            return open_drafter("en", lang, glossary=terms, options=options)
        except (MTUnavailableError, ImportError):
            if require_mt:
                raise
            unavailable = True
            output.note("machine translation is not installed (pip install 'toolkit[mt]'); "
                        "writing catalogs with glossary hints only")
            return None
        except ModelNotFoundError as missing:
            if require_mt:
                raise
            # A translator without a model still gets catalogs to work on; CI asks with --require-mt.
            output.note(f"drafts skipped for {lang}: {missing.message}")
            return None

    percentage(tm_min, "--tm-min")
    memory = None
    if not no_tm and not check:
        from toolkit.tm.store import Store

        memory = Store(tm or config.tm_path)
    try:
        result = translate(
            sources, to,
            locales_dir=_short(locales or config.locales_dir),
            glossary=terms,
            drafter_for=None if no_mt else drafter_for,
            check=check,
            now=_now(),
            segment_options=config.segment_options(),
            source_format=source_format,
            memory=memory,
            tm_min=tm_min,
        )
    finally:
        if memory is not None:
            memory.close()
    for text in result.notes:
        output.note(text)
    for item in result.files:
        if item.changed:
            verb = "would change" if check else "wrote"
        else:
            verb = "up to date:"
        output.line(f"{verb} {item.path}")
    output.line(result.summary)
    if check and result.changed:
        listing = ", ".join(str(p) for p in result.changed)
        from toolkit.findings import plural

        print(f"toolkit: {plural(len(result.changed), 'catalog')} out of date: {listing}", file=sys.stderr)
        raise typer.Exit(1)


def build_command(
    locales: LocalesOpt = None,
    out: Annotated[Path | None, typer.Option("--output", "-o", "--out", metavar="DIR", show_default=False,
                                             help="Output directory for translated documents [default: ./build].")]
    = None,
    include_fuzzy: Annotated[bool, typer.Option("--include-fuzzy", help="Use fuzzy (draft) translations too.")] = False,
) -> None:
    """Compile a .mo for each catalog and render each translated document; print statistics."""
    from toolkit.catalog.build import build
    from toolkit.config import load_config

    config = load_config()
    result = build(_short(locales or config.locales_dir), out_dir=out, include_fuzzy=include_fuzzy,
                   segment_options=config.segment_options())
    for item in result.outputs:
        s = item.stats
        output.line(f"{item.language}\t{item.name}\ttranslated={s.translated} fuzzy={s.fuzzy} "
                    f"untranslated={s.untranslated}\t{item.document}")
        for note in item.notes:
            output.note(note)


def register(app: typer.Typer) -> None:
    """Add ``translate`` and ``build`` to *app*."""
    app.command("translate", no_args_is_help=True)(translate_command)
    app.command("build")(build_command)
