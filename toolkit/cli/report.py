"""CLI for ``toolkit report``: parse options, call :func:`toolkit.report.spooled_review`, write it
as one self-contained HTML page (or JSON) piece by piece. The library is imported inside the command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from toolkit.cli import output
from toolkit.cli.options import GlossaryOpt, OutputOpt, choice, format_option

FORMATS = ("html", "json")


def report(
    paths: Annotated[list[Path] | None, typer.Argument(
        metavar="PATH...", help="PO files or directories (searched recursively for *.po). Default: the "
             "configured locales directory, else ./locales.", show_default=False)] = None,
    output_file: OutputOpt = None,
    fmt: Annotated[str, format_option(FORMATS)] = "html",
    glossary: GlossaryOpt = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Language of every catalog (default: the PO `Language` header, else <lang>/LC_MESSAGES/).",
        show_default=False)] = None,
) -> None:
    """Write a review page: counts, entries side by side with glossary terms, findings and provenance.

    One HTML file that opens from disk and loads nothing; the same content with --format json.
    Findings are those of `toolkit check` with the same configuration. Exit 2 if a catalog could
    not be read (the report is still written for the others).
    """
    from toolkit.checks import needs_glossary, options_from_table, with_overrides
    from toolkit.cli._app import report_error
    from toolkit.config import load_config
    from toolkit.report import html_pieces, json_pieces, spooled_review

    choice(fmt, FORMATS, "--format")
    config = load_config()
    options = with_overrides(options_from_table(config.check, config.source), lang=lang)
    if not paths:
        paths = [config.locales_dir]
        if not config.locales_dir.is_dir():
            from toolkit.errors import UsageError

            raise UsageError(f"no PATH given and {config.locales_dir} is not a directory")
    gloss = None
    if needs_glossary(options) or glossary:
        from toolkit.glossary import load_glossary

        gloss = load_glossary(glossary or None, config=config)
    with spooled_review(paths, glossary=gloss, options=options,
                        segment_options=config.segment_options()) as (review, contents):
        inputs = [Path(d.path) for d in review.documents]
        if fmt == "json":
            pieces = json_pieces(review, contents)
        else:
            pieces = html_pieces(review, base=output_file.parent if output_file is not None else None,
                                 contents=contents)
        output.stream(pieces, output_file, inputs=inputs)
    for problem in review.problems:
        report_error(problem)
    if review.problems:
        raise typer.Exit(2)

def register(app: typer.Typer) -> None:
    """Add ``toolkit report`` to *app*."""
    app.command("report")(report)
