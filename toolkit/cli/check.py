"""CLI for `toolkit check`: parse options, call :func:`toolkit.checks.run_checks`, render.

Imports only typer and the standard library at the top; the library (and never the MT stack) is
imported inside the command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from toolkit.cli import output
from toolkit.cli.options import FAIL_ON, REPORT_FORMATS, FailOnOpt, GlossaryOpt, OutputOpt, choice, format_option

FORMATS = REPORT_FORMATS


def check(
    paths: Annotated[list[Path] | None, typer.Argument(
        metavar="PATH...", help="PO files or directories (searched recursively for *.po). Default: the "
             "configured locales directory, else ./locales.", show_default=False)] = None,
    glossary: GlossaryOpt = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Language of every catalog (default: the PO `Language` header, else <lang>/LC_MESSAGES/).",
        show_default=False)] = None,
    fmt: Annotated[str, format_option(FORMATS)] = "text",
    fail_on: FailOnOpt = None,
    include_fuzzy: Annotated[bool | None, typer.Option(
        "--include-fuzzy/--no-include-fuzzy", help="Also check fuzzy entries.", show_default=False)] = None,
    max_untranslated: Annotated[float | None, typer.Option(
        "--max-untranslated", metavar="PCT", min=0, max=100,
        help="Fail a catalog with more than PCT percent untranslated entries.", show_default=False)] = None,
    max_fuzzy: Annotated[float | None, typer.Option(
        "--max-fuzzy", metavar="PCT", min=0, max=100,
        help="Fail a catalog with more than PCT percent fuzzy entries.", show_default=False)] = None,
    output_file: OutputOpt = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", metavar="N", min=1,
        help=("Check files in N worker processes. Default: one per CPU with 3+ CPUs and 16+ MB of PO files, "
              "else one process."),
        show_default=False)] = None,
    list_checks: Annotated[bool, typer.Option("--list-checks", help="List the checks and exit.")] = False,
    show: Annotated[str | None, typer.Option(
        "--show", metavar="error|warning|info",
        help="Lowest severity the text and github formats list (the summary counts the rest). Default: "
             "warning, or info with --fail-on info; json and junit always carry every finding.",
        show_default=False)] = None,
) -> None:
    """Check PO catalogs for glossary consistency and translation quality (the CI gate).

    Exit 0 when nothing is at or above the --fail-on level, 1 when something is, 2 on usage or
    input errors (unreadable files are reported as file:line; the others are still checked).
    """
    from toolkit.checks import all_checks, needs_glossary, options_from_table, run_checks, with_overrides
    from toolkit.cli._app import report_error
    from toolkit.config import load_config
    from toolkit.findings.render import render

    choice(fmt, FORMATS, "--format")
    choice(fail_on, FAIL_ON, "--fail-on")
    choice(show, ("error", "warning", "info"), "--show")
    if list_checks:
        for chk in all_checks().values():
            flags = ",".join(filter(None, (chk.scope, "glossary" if chk.needs_glossary else "")))
            output.line(f"{chk.id:20} {chk.severity:8} {flags:15} {chk.doc}")
        return
    config = load_config()
    options = options_from_table(config.check, config.source)
    options = with_overrides(options, lang=lang, fail_on=fail_on, include_fuzzy=include_fuzzy,
                             max_untranslated=max_untranslated, max_fuzzy=max_fuzzy)
    if not paths:
        paths = [config.locales_dir]
        if not config.locales_dir.is_dir():
            from toolkit.errors import UsageError

            raise UsageError(f"no PATH given and {config.locales_dir} is not a directory")
    gloss = None
    if needs_glossary(options):
        from toolkit.glossary import load_glossary

        gloss = load_glossary(glossary or None, config=config)
    result = run_checks(paths, glossary=gloss, options=options, jobs=jobs)
    # info findings (hygiene: doubled ZWSP, out-of-scope glossary terms) can number hundreds on a
    # real catalog: a CI log lists what can fail the run unless asked for more
    listed = show or ("info" if options.fail_on == "info" else "warning")
    output.result(render(result.report(), fmt, listed), output_file, inputs=[Path(f) for f in result.files])
    for problem in result.problems:
        report_error(problem)
    raise typer.Exit(result.exit_code(options.fail_on))


def register(app: typer.Typer) -> None:
    """Add ``toolkit check`` to *app*."""
    app.command("check")(check)
