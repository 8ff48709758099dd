"""Real headless Chromium from the command line (Debian's ``chromium`` package), no driver:
``--dump-dom`` gives the DOM after the page's script ran, ``--screenshot`` a PNG, and
``--log-net-log`` Chromium's own record of every network request it started.

Used by the browser tests and ``benchmarks/bench_report.py``. CI installs the package
(``.ci/run``) and sets ``TOOLKIT_REQUIRE_BROWSER=1``, so there a missing browser fails instead of
skipping.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
)
#: The initiator Chromium records for its own requests (not made by a page).
BROWSER_INITIATOR = "not an origin"


def find_chromium() -> str | None:
    """The Chromium (or Chrome) executable, if one is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def run(exe: str, url: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on *url* with a fresh profile; stdout/stderr as text."""
    with tempfile.TemporaryDirectory(prefix="toolkit-chromium-") as profile:
        return subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args, url], capture_output=True,
                              text=True, timeout=timeout, env={**os.environ, "LANG": "C.UTF-8"})


def dump_dom(exe: str, url: str) -> str:
    """The DOM after load (scripts run) as HTML."""
    proc = run(exe, url, "--dump-dom")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def dump_dom_no_js(exe: str, page: Path, copy: Path) -> str:
    """The DOM as a reader without JavaScript gets it: a copy of *page* whose
    Content-Security-Policy refuses every script (``--blink-settings=scriptEnabled=false`` would
    do the same, but ``--dump-dom`` then prints nothing)."""
    text = page.read_text("utf-8")
    blocked = text.replace("script-src 'unsafe-inline'", "script-src 'none'", 1)
    assert blocked != text, "the page has no script-src to block"
    copy.write_text(blocked, "utf-8")
    return dump_dom(exe, copy.as_uri())


def screenshot(exe: str, url: str, out: Path, width: int = 1200, height: int = 900) -> Path:
    proc = run(exe, url, f"--screenshot={out}", f"--window-size={width},{height}")
    assert proc.returncode == 0 and out.is_file(), proc.stderr[-2000:]
    return out


def page_requests(exe: str, url: str, netlog: Path) -> tuple[list[str], str]:
    """URLs of network requests the *page* started (Chromium's own background requests are
    left out), from Chromium's net log, and Chromium's log (console messages, CSP refusals)."""
    proc = run(exe, url, f"--log-net-log={netlog}", "--net-log-capture-mode=Everything", "--enable-logging=stderr",
               "--v=0", "--dump-dom")
    assert proc.returncode == 0, proc.stderr[-2000:]
    log = json.loads(netlog.read_text("utf-8"))
    names = {value: key for key, value in log["constants"]["logEventTypes"].items()}
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        url = params.get("url")
        if names.get(event["type"]) == "URL_REQUEST_START_JOB" and url and params.get("initiator") != BROWSER_INITIATOR:
            if not url.startswith("file:"):
                urls.append(url)
    return urls, proc.stderr
