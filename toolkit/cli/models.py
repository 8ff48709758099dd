"""CLI for `toolkit models`: install, list, remove and pack Argos Translate model packages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from toolkit.cli._app import new_app

ModelsDir = Annotated[
    Path | None,
    typer.Option("--models-dir", help="Package dir (default: $TOOLKIT_MODELS_DIR, else the XDG data dir)."),
]


def register(app: typer.Typer) -> None:
    """Add the `models` command group to *app*."""
    models = new_app(help="Manage offline translation models (.argosmodel packages).")

    @models.command("install")
    def install(
        file: Annotated[Path, typer.Argument(help="An .argosmodel package (zip).")],
        models_dir: ModelsDir = None,
    ) -> None:
        """Validate a package and install it (replacing an installed package of the same pair)."""
        from toolkit.mt import packages

        pkg = packages.install(file, models_dir)
        typer.echo(f"installed {pkg.from_code}->{pkg.to_code} {pkg.code} {pkg.version} in {pkg.path}")

    @models.command("list")
    def list_(models_dir: ModelsDir = None) -> None:
        """List installed pairs: ours and those installed by Argos Translate's own tools."""
        from toolkit.mt import packages

        found = packages.installed(models_dir)
        if not found:
            typer.echo(f"no models installed (looked in {packages.models_dir(models_dir)})", err=True)
            return
        for p in found:
            typer.echo(f"{p.from_code}->{p.to_code}\t{p.code}\t{p.version}\t{p.origin}\t{p.path}")

    @models.command("remove")
    def remove(
        pair: Annotated[str, typer.Argument(help="The pair to remove, e.g. en_km.")],
        models_dir: ModelsDir = None,
    ) -> None:
        """Remove our installed package for a pair."""
        from toolkit.mt import packages

        pkg = packages.remove(pair, models_dir)
        typer.echo(f"removed {pkg.from_code}->{pkg.to_code} ({pkg.path})")

    @models.command("pack")
    def pack(
        ct2: Annotated[Path, typer.Option("--ct2", help="A converted CTranslate2 model directory.")],
        tokenizer: Annotated[Path, typer.Option("--tokenizer", help="sentencepiece.model (or BPE codes).")],
        src: Annotated[str, typer.Option("--from", help="Source language code, e.g. en.")],
        tgt: Annotated[str, typer.Option("--to", help="Target language code, e.g. km.")],
        target_prefix: Annotated[str, typer.Option("--target-prefix",
                                                   help="Token forced first, e.g. khm_Khmr (NLLB).")] = "",
        source_prefix: Annotated[str, typer.Option("--source-prefix",
                                                   help="Token put before the source, e.g. eng_Latn (NLLB).")] = "",
        version: Annotated[str, typer.Option("--version", help="Package version.")] = "1.0",
        out: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                 help="Output file (default SRC_TGT.argosmodel).")] = None,
    ) -> None:
        """Build an .argosmodel from a CTranslate2 model directory and its tokenizer."""
        from toolkit.mt import packages

        path = packages.pack(ct2, tokenizer, src, tgt, out=out, target_prefix=target_prefix,
                             source_prefix=source_prefix, version=version)
        typer.echo(str(path))

    app.add_typer(models, name="models")
