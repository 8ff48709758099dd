"""Command-line mistakes come out as one ``toolkit: error:`` line with exit 2, like every other
error; ``--help`` still shows the usage."""

from __future__ import annotations

import pytest

from tests.conftest import run_toolkit


@pytest.mark.parametrize(("args", "said"), [
    (["chek"], "No such command 'chek'. Did you mean 'check'?"),
    (["--bogus"], "No such option '--bogus'"),
    (["check", "--bogus"], "No such option '--bogus'"),
    (["check", "--format"], "Option '--format' requires an argument"),
    (["check", "--format", "xml"], "--format must be one of"),
    (["translate", "x.txt"], "Missing option '--to'"),
    (["check", "--jobs", "0"], "--jobs"),
])
def test_usage_error_is_one_line(toolkit_exe: str, args: list[str], said: str) -> None:
    result = run_toolkit(toolkit_exe, *args)
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2
    assert len(lines) == 1 and lines[0].startswith("toolkit: error: ") and said in lines[0], lines
    assert result.stdout == b""


def test_help_still_shows_usage(toolkit_exe: str) -> None:
    result = run_toolkit(toolkit_exe, "check", "--help")
    assert result.returncode == 0 and b"Usage: toolkit check" in result.stdout
