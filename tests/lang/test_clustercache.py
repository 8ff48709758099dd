"""Khmer cluster verdicts kept on disk (toolkit.lang.clustercache): only clean single clusters
are kept, a stale or broken file is ignored, and a run that trusts the file gives exactly the
findings of a run that asks pheasa for everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.lang import clustercache, khmer

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "catalog" / "data" / "real"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TOOLKIT_NO_CACHE", raising=False)
    clustercache._loaded.clear()
    # A fresh process as far as Khmer verdicts go (these are caches: clearing them changes no result).
    for cached in (khmer.clean_cluster, khmer._run_info, khmer.analyse, khmer.key):
        cached.cache_clear()
    for found in (khmer._KNOWN_CLEAN, khmer._FOUND_CLEAN, khmer._CLEAN_RUNS, khmer._CLEAN_CLUSTERS):
        found.clear()
    khmer._CLEAN_CLUSTERS.add("")
    return tmp_path / "khmer-clusters.json"


def test_only_clean_clusters_are_kept(cache: Path) -> None:
    khmer.analyse("ក្រសួង\u200bមហាផ្ទៃ បានប្រកាស។ ស្ត្រី")
    clustercache.store()
    data = json.loads(cache.read_text(encoding="utf-8"))
    assert data["stamp"] == clustercache._stamp()
    assert data["clean"] and data["clean"] == sorted(data["clean"])
    for cluster in data["clean"]:
        assert khmer._piece_info(cluster) == (cluster, ()), cluster  # pheasa's own verdict
        assert khmer._CLUSTER_START.split(cluster) in ([cluster], ["", cluster])  # one cluster, never a phrase


@pytest.mark.parametrize("content", ["not json", '{"stamp": [0], "clean": ["\\u17d2"]}', '{"clean": 3}', "[]"])
def test_a_stale_or_broken_file_is_ignored(cache: Path, content: str) -> None:
    cache.write_text(content, encoding="utf-8")
    clustercache.load()  # never raises
    assert "\u17d2" not in khmer._KNOWN_CLEAN
    assert not khmer.clean_cluster("\u17d2")  # a coeng alone stays invalid


_RUN = """
import json, sys
from toolkit.checks import run_checks
from toolkit.glossary import load_glossary
r = run_checks([sys.argv[1]], glossary=load_glossary(None), jobs=1)
print(json.dumps([list(f.__dict__.values()) for f in r.findings], ensure_ascii=False, default=str))
"""


def test_findings_with_the_cache_equal_findings_without(tmp_path: Path) -> None:
    def run(**env: str) -> str:
        environ = {k: v for k, v in os.environ.items() if k not in ("TOOLKIT_CACHE_DIR", "TOOLKIT_NO_CACHE")}
        return subprocess.run([sys.executable, "-c", _RUN, str(REAL)], env={**environ, **env}, cwd=tmp_path,
                              capture_output=True, text=True, check=True).stdout

    without = run(TOOLKIT_NO_CACHE="1")
    cache_dir = str(tmp_path / "cache")
    first = run(TOOLKIT_CACHE_DIR=cache_dir)  # fills the cache
    assert json.loads((tmp_path / "cache" / "khmer-clusters.json").read_text(encoding="utf-8"))["clean"]
    second = run(TOOLKIT_CACHE_DIR=cache_dir)  # trusts it
    assert first == without
    assert second == without
