"""CLI for ``toolkit glossary``: find, show, stats, lint, export, import, suggest, accept.

Thin layer: each command parses its options, calls one library function and renders the result.
Library modules are imported inside the commands so ``toolkit --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from toolkit.cli import output
from toolkit.cli._app import new_app
from toolkit.cli.options import (
    FAIL_ON,
    REPORT_FORMATS,
    FailOnOpt,
    GazetteerOpt,
    GlossaryOpt,
    OutputOpt,
    choice,
    format_option,
)

LangOpt = Annotated[str, typer.Option("--lang", "-l", metavar="LANG",
                                      help="Target language whose renderings are shown.")]


def _load(glossary: list[Path] | None, gazetteer: bool | None):
    from toolkit.config import load_config
    from toolkit.glossary import load_glossary

    config = load_config()
    return load_glossary(glossary or None, config=config, gazetteer=gazetteer)


def _inputs(glossary: Any) -> list[Path]:
    """The files a loaded glossary was read from (a result must not overwrite them)."""
    return [Path(s) for s in glossary.sources if Path(s).is_file()]


def register(app: typer.Typer) -> None:
    """Add the ``glossary`` command group to *app*."""
    sub = new_app(help="Look up, lint, convert and recognise glossary terms.")

    @sub.command()
    def find(
        file: Annotated[str, typer.Argument(help="Text file to search, or - for standard input "
                                                 "(read until its writer closes it, like cat).")] = "-",
        glossary: GlossaryOpt = None,
        gazetteer: GazetteerOpt = None,
        lang: LangOpt = "km",
        format: Annotated[str, format_option(("text", "jsonl"))] = "text",
        output_file: OutputOpt = None,
    ) -> None:
        """Recognise glossary terms in a text; print each match with its rendering in --lang."""
        import json

        from toolkit.textio import read_text

        choice(format, ("text", "jsonl"), "--format")
        text = read_text(file)
        g = _load(glossary, gazetteer)
        def lines() -> Iterator[str]:
            for m in g.iter_find(text):
                if format == "jsonl":
                    yield json.dumps(m.to_json(), ensure_ascii=False) + "\n"
                else:
                    shown = " ".join(m.text.split())
                    targets = "; ".join(m.targets.get(lang, [])) or "-"
                    yield f"{m.start}-{m.end}\t{shown}\t{m.concept}\t{targets}\n"

        output.stream(lines(), output_file, inputs=[*_inputs(g), *([Path(file)] if file != "-" else [])])

    @sub.command()
    def show(
        concept_id: Annotated[str, typer.Argument(metavar="ID", help="Concept id.")],
        glossary: GlossaryOpt = None,
        gazetteer: GazetteerOpt = None,
    ) -> None:
        """Show one concept: domain, source, note and its terms in every language."""
        from toolkit.glossary.report import describe

        g = _load(glossary, gazetteer)
        output.result(describe(g, concept_id))

    @sub.command()
    def stats(
        glossary: GlossaryOpt = None,
        gazetteer: GazetteerOpt = None,
        format: Annotated[str, format_option(("text", "json"))] = "text",
        output_file: OutputOpt = None,
    ) -> None:
        """Count concepts per domain and terms per language; coverage of each language."""
        import json

        from toolkit.glossary.report import render_stats, statistics

        choice(format, ("text", "json"), "--format")
        g = _load(glossary, gazetteer)
        data = statistics(g)
        if format == "json":
            output.result(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output_file, inputs=_inputs(g))
        else:
            output.result(render_stats(data), output_file, inputs=_inputs(g))

    @sub.command()
    def lint(
        paths: Annotated[
            list[Path] | None, typer.Argument(help="Files or directories (default: as --glossary).")
        ] = None,
        glossary: GlossaryOpt = None,
        gazetteer: GazetteerOpt = False,
        format: Annotated[str, format_option(REPORT_FORMATS)] = "text",
        fail_on: FailOnOpt = None,
        output_file: OutputOpt = None,
    ) -> None:
        """Check glossary files: schema, homographs, status conflicts, Khmer normalization, spacing,
        invisible and look-alike characters. Exit 1 when a finding is at or above --fail-on."""
        from toolkit.config import load_config
        from toolkit.findings.render import render
        from toolkit.glossary.lint import lint_report
        from toolkit.glossary.load import default_paths

        choice(format, REPORT_FORMATS, "--format")
        choice(fail_on, FAIL_ON, "--fail-on")
        chosen = list(paths or []) + list(glossary or [])
        if not chosen:
            chosen = default_paths(load_config())
        report = lint_report(chosen, gazetteer=bool(gazetteer))
        output.result(render(report, format), output_file, inputs=[Path(f) for f in report.files])
        raise typer.Exit(report.exit_code(fail_on or "error"))

    @sub.command("export")
    def export_(
        format: Annotated[str, format_option(("tbx", "csv"))] = "tbx",
        output_file: OutputOpt = None,
        glossary: GlossaryOpt = None,
        gazetteer: GazetteerOpt = None,
        bom: Annotated[bool, typer.Option("--bom", help="CSV: start with a byte-order mark, so spreadsheet "
                                                        "programs read the Khmer as UTF-8.")] = False,
        tbx_version: Annotated[int, typer.Option(
            "--tbx-version", metavar="3|2", help="TBX: 3 (ISO 30042:2019) or 2 (TBX-Basic 2008 `martif`, read by "
                                                 "Translate Toolkit's tbx2po and Weblate).")] = 3,
    ) -> None:
        """Export the glossary as TBX-Basic or CSV."""
        choice(format, ("tbx", "csv"), "--format")
        g = _load(glossary, gazetteer)
        if format == "tbx":
            from toolkit.glossary.tbx import write_tbx

            choice(str(tbx_version), ("3", "2"), "--tbx-version")
            output.result(write_tbx(g.concepts, version=tbx_version), output_file, inputs=_inputs(g))
        else:
            from toolkit.glossary.csvio import write_csv

            output.result(write_csv(g.concepts, bom=bom), output_file, inputs=_inputs(g))

    @sub.command("import")
    def import_(
        file: Annotated[Path, typer.Argument(help="A .tbx or .csv glossary (or native .yaml).")],
        output_file: OutputOpt = None,
    ) -> None:
        """Convert a TBX or CSV glossary to the native YAML format."""
        from toolkit.errors import UsageError
        from toolkit.glossary.load import expand, read_file
        from toolkit.glossary.native import dump_native

        if file.is_dir():
            raise UsageError(f"{file}: is a directory; import one .tbx or .csv file at a time")
        (path,) = expand([file])
        concepts = read_file(path, use_cache=False)
        output.result(dump_native(concepts, header=f"imported from {path.name}"), output_file, inputs=[path])

    @sub.command()
    def suggest(
        sources: Annotated[list[Path] | None, typer.Argument(
            help="Source documents (any format translate reads: .txt, .md, .html, .docx).")] = None,
        catalogs: Annotated[list[Path] | None, typer.Option(
            "--catalogs", metavar="DIR",
            help="Catalogs (.po files or directories, searched recursively): their msgids are read, their "
                 "reviewed entries give Khmer; repeatable.")] = None,
        min_count: Annotated[int, typer.Option("--min-count", min=1, help="Occurrences a candidate needs.")] = 2,
        tm: Annotated[Path | None, typer.Option(
            "--tm", metavar="FILE", help="Translation memory to align Khmer from [default: the project's, "
                                         "if it exists].")] = None,
        transliterate: Annotated[bool, typer.Option(
            "--transliterate/--no-transliterate",
            help="Spell new Cambodian person names in Khmer (needs the [names] extra).")] = True,
        glossary: GlossaryOpt = None,
        gazetteer: GazetteerOpt = None,
        format: Annotated[str, format_option(("text", "jsonl", "yaml", "tbx"))] = "text",
        output_file: OutputOpt = None,
    ) -> None:
        """Propose new glossary terms: names in the documents and catalogs that the glossary does not
        know yet, ranked, each with Khmer proposals for review (yaml: status: proposed)."""
        from toolkit.config import load_config
        from toolkit.errors import UsageError
        from toolkit.glossary.suggest import suggest as run
        from toolkit.glossary.suggest.render import FORMATS, render

        choice(format, FORMATS, "--format")
        if not sources and not catalogs:
            raise UsageError("give source documents, --catalogs, or both")
        g = _load(glossary, gazetteer)
        memory = tm if tm is not None else load_config().tm_path
        found = run(list(sources or []), list(catalogs or []), g, min_count=min_count, tm=memory,
                    transliterate=transliterate)
        taken = [c.id for c in g.concepts] + [c.id for c in g.proposed]
        output.stream(render(found, format, taken), output_file,
                      inputs=[*_inputs(g), *(sources or [])])

    @sub.command()
    def accept(
        file: Annotated[Path, typer.Argument(help="Proposals file (from suggest -f yaml).")],
        ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Concept ids to accept.")],
        target: Annotated[Path | None, typer.Option(
            "--glossary", "-g", metavar="FILE",
            help="Curated file to add them to [default: the shipped glossary file of each concept's domain].")] = None,
    ) -> None:
        """Move reviewed proposals into a curated glossary file (approved), and out of FILE."""
        from toolkit.glossary.accept import accept as run
        from toolkit.glossary.load import shipped_dir

        g = _load(None, False)
        done = run(file, ids, g, target=target, default_dir=shipped_dir().resolve())
        for path, moved in done.written.items():
            output.note(f"{path}: added {', '.join(moved)}")
        output.note(f"{file}: {done.remaining} proposals left")

    app.add_typer(sub, name="glossary")
