"""The CLI edge: the one place where library exceptions become messages and exit codes.

Library code raises :class:`toolkit.errors.ToolkitError`; :class:`ToolkitGroup` catches it around
every command (sub-commands included), prints ``toolkit: error: <message>`` on stderr and exits
with the error's code. Set ``TOOLKIT_DEBUG=1`` to get the traceback instead.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click
import typer
from click.exceptions import NoArgsIsHelpError
from typer.core import TyperGroup

from toolkit.errors import ToolkitError


def report_error(exc: ToolkitError) -> None:
    """Print a library error as one line per problem on stderr."""
    for line in str(exc).splitlines() or [exc.__class__.__name__]:
        print(f"toolkit: error: {line}", file=sys.stderr)


def report_usage(exc: click.UsageError) -> None:
    """A command-line mistake as one line, like every other error (``--help`` shows the usage)."""
    message = exc.message if "Did you mean" in exc.message else exc.format_message()
    hint = f"'{exc.ctx.command_path} --help'" if exc.ctx is not None else "--help"
    print(f"toolkit: error: {message} (see {hint})", file=sys.stderr)


class ToolkitGroup(TyperGroup):
    """A Typer group that maps :class:`ToolkitError` to a clean message and exit code, and
    Click's three-line usage errors to one ``toolkit: error:`` line (exit 2)."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            if parent is None and not isinstance(exc, NoArgsIsHelpError):
                report_usage(exc)
                raise SystemExit(exc.exit_code) from None
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            report_usage(exc)
            ctx.exit(exc.exit_code)
        except ToolkitError as exc:
            if os.environ.get("TOOLKIT_DEBUG"):
                raise
            report_error(exc)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            print("toolkit: interrupted", file=sys.stderr)
            ctx.exit(130)


def new_app(**kwargs: Any) -> typer.Typer:
    """A Typer app (or sub-app) with our error handling and conventions."""
    kwargs.setdefault("no_args_is_help", True)
    kwargs.setdefault("add_completion", False)
    kwargs.setdefault("pretty_exceptions_enable", False)
    # Plain help text: rich's help renderer imports ~100 ms of modules, and `--help` must stay fast.
    kwargs.setdefault("rich_markup_mode", None)
    return typer.Typer(cls=ToolkitGroup, **kwargs)
