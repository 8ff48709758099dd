"""`toolkit translate` with a real model, in a subprocess: offline, no Argos translate module, reuse."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"

GUARDED_RUN = r"""
import json, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from toolkit.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit as exc:
    code = exc.code
else:
    code = 0
heavy = ["argostranslate.translate", "argostranslate.sbd", "argostranslate.networking", "minisbd",
         "spacy", "stanza", "torch", "ctranslate2", "sentencepiece"]
print(json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules]}))
"""


def guarded(args, cwd, env):
    run = subprocess.run([sys.executable, "-c", GUARDED_RUN, *map(str, args)], cwd=cwd, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    # The command's result (the summary line) is on stdout, before the guard's own JSON line.
    *said, guard = run.stdout.strip().splitlines()
    return json.loads(guard), "\n".join(said) + "\n" + run.stderr


@pytest.fixture
def project(tmp_path, models_dir, isolated_env):
    shutil.copy(DATA / "heldout.txt", tmp_path / "article.txt")
    env = {**isolated_env, "TOOLKIT_MODELS_DIR": str(models_dir)}
    return tmp_path, env


def summary(stderr: str) -> dict[str, int]:
    line = next(ln for ln in stderr.splitlines() if ln.startswith("summary: "))
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


def test_translate_runs_offline_without_argos_translate_and_reuses_on_second_run(project):
    cwd, env = project
    first, err = guarded(["translate", "article.txt", "--to", "km"], cwd, env)
    assert first["code"] == 0, err
    # the real model ran (CTranslate2 and SentencePiece loaded) with the network refused ...
    assert {"ctranslate2", "sentencepiece"} <= set(first["loaded"])
    # ... and neither Argos's translate module, its sentence splitters nor their downloaders loaded
    assert not set(first["loaded"]) - {"ctranslate2", "sentencepiece"}
    counts = summary(err)
    assert counts["mt"] == counts["segments"] > 0 and counts["mismatches"] == 0
    po = (cwd / "locales" / "km" / "LC_MESSAGES" / "article.po").read_text(encoding="utf-8")
    assert "# mt: argos-ct2 en_km-test 1.0\n# mt-key: key=" in po and "#, fuzzy" in po
    assert "ហ៊ុន ម៉ាណែត" in po and "Hun Manet told" not in po.split("msgstr", 2)[-1]
    second, err = guarded(["translate", "article.txt", "--to", "km"], cwd, env)
    counts2 = summary(err)
    assert counts2["mt"] == 0 and counts2["reused"] == counts["segments"]
    assert (cwd / "locales" / "km" / "LC_MESSAGES" / "article.po").read_text(encoding="utf-8") == po


def test_no_mt_does_not_load_the_mt_stack(project):
    cwd, env = project
    result, err = guarded(["translate", "article.txt", "--to", "km", "--no-mt"], cwd, env)
    assert result == {"code": 0, "loaded": []}, err
    assert summary(err)["mt"] == 0


def test_missing_model_exits_3_with_the_commands(project, toolkit_exe):
    cwd, env = project
    run = subprocess.run([toolkit_exe, "translate", "article.txt", "--to", "fr", "--require-mt"], cwd=cwd, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 3
    assert "toolkit models install en_fr.argosmodel" in run.stderr and "Traceback" not in run.stderr
