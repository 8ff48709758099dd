"""Process-level promises of the console script: Ctrl-C is exit 130 with one line, a full
standard output or an -o that is a directory is one ``toolkit: error:`` line with exit 2, and a
reader that closes the pipe early gets no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import interruptible


def _waiting_on_stdin(pid: int) -> bool:
    """True once the process blocks reading its standard input (Linux; elsewhere after a while)."""
    try:
        return "pipe" in Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False


def test_ctrl_c_is_exit_130_and_one_line(toolkit_exe: str) -> None:
    """Ctrl-C while a command waits (here on standard input). Before the interpreter has loaded
    the console script (its first ~50 ms, in `site`), Python itself handles the signal: not ours."""
    proc = subprocess.Popen([toolkit_exe, "glossary", "find", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=interruptible)
    deadline = time.monotonic() + 20
    while not _waiting_on_stdin(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode().splitlines() == ["toolkit: interrupted"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_full_stdout_is_one_line(toolkit_exe: str) -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([toolkit_exe, "glossary", "stats"], stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert proc.returncode == 2
    said = ["toolkit: error: cannot write to standard output (No space left on device)"]
    assert proc.stderr.decode().splitlines() == said


def test_closed_pipe_is_quiet(toolkit_exe: str) -> None:
    proc = subprocess.Popen([toolkit_exe, "glossary", "export", "-f", "csv"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read() if proc.stderr else b""
    proc.wait(timeout=60)
    assert b"Traceback" not in err and b"Exception ignored" not in err


def test_output_that_is_a_directory(toolkit_exe: str, tmp_path: Path) -> None:
    proc = subprocess.run([toolkit_exe, "glossary", "export", "-o", str(tmp_path)], capture_output=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [f"toolkit: error: {tmp_path}: is a directory, expected a file"]
