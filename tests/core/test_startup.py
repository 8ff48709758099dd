"""`toolkit --help` must stay fast: the CLI imports no heavy module at start-up."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("ctranslate2", "sentencepiece", "argostranslate", "polib", "babel", "yaml", "ahocorasick", "pheasa", "numpy")


def test_cli_import_pulls_in_no_heavy_module() -> None:
    code = "import sys, toolkit.cli; print('\\n'.join(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(proc.stdout.split())
    assert not [name for name in HEAVY if name in loaded]
