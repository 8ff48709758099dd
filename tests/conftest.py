"""Shared fixtures: invoking the CLI in-process (Typer's runner) and as an installed program."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from typer.testing import CliRunner

from toolkit.cli import app

ROOT = Path(__file__).resolve().parent.parent

# In CI (CI=true) property tests draw the same examples every run, so a red CI always means a
# change broke something; locally they explore new examples each run (a failure prints its seed).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.fixture
def cli() -> Callable[..., "object"]:
    """Run ``toolkit ARGS`` in-process; returns the Typer ``Result`` (stdout, stderr, exit_code)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def toolkit_exe() -> str:
    """Path of the installed ``toolkit`` console script (next to this Python)."""
    exe = Path(sys.executable).with_name("toolkit")
    found = str(exe) if exe.exists() else shutil.which("toolkit")
    if not found:
        pytest.fail("the toolkit console script is not installed; run `pip install -e .`")
    return found


def interruptible() -> None:
    """``preexec_fn`` of a program a test interrupts: Ctrl-C as at a terminal. A test run started
    in the background by a shell without job control inherits SIGINT ignored, and Python then
    leaves it ignored (the program would never see the interrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_toolkit(exe: str, *args: str, input: bytes | None = None,
                cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the installed program in a subprocess with a clean, offline-safe environment."""
    env = dict(os.environ)
    env.pop("TOOLKIT_DEBUG", None)
    return subprocess.run([exe, *map(str, args)], input=input, capture_output=True, cwd=cwd, env=env, timeout=120)


def require_gettext(tool: str = "msgfmt") -> str:
    """Path of a GNU gettext tool; skip locally when missing, fail in CI (TOOLKIT_REQUIRE_GETTEXT)."""
    path = shutil.which(tool)
    if path:
        return path
    if os.environ.get("TOOLKIT_REQUIRE_GETTEXT"):
        pytest.fail(f"GNU gettext's {tool} is required in CI but not installed")
    pytest.skip(f"GNU gettext's {tool} is not installed (apt-get install gettext)")


def readable_catalogs() -> list[Path]:
    """Every PO file under tests/ that the reader accepts (its own bad-input fixtures left out)."""
    from toolkit.catalog.reader import read_po
    from toolkit.errors import ToolkitError

    found = []
    for path in sorted((ROOT / "tests").rglob("*.po")):
        try:
            read_po(path)
        except ToolkitError:
            continue
        found.append(path)
    return found
