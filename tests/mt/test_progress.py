"""The progress bar: drawn only on a terminal, with rate and ETA."""

from __future__ import annotations

import io
import os

from toolkit.mt.progress import Progress, wanted


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_bar_shows_rate_and_eta():
    out, clock = io.StringIO(), Clock()
    bar = Progress(100, stream=out, clock=clock)
    clock.now += 2.0
    bar.update(20)
    assert out.getvalue().endswith("20/100 10.0 seg/s ETA 0:08")
    clock.now += 8.0
    bar.update(80)
    bar.close()
    assert out.getvalue().endswith("100/100 10.0 seg/s ETA 0:00\n")


def test_quiet_unless_stderr_is_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TOOLKIT_NO_PROGRESS", raising=False)
    assert not wanted(io.StringIO())
    master, slave = os.openpty()
    try:
        with os.fdopen(slave, "w") as tty:
            assert wanted(tty)
            monkeypatch.setenv("CI", "true")
            assert not wanted(tty)
    finally:
        os.close(master)
