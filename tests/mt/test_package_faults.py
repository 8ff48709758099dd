"""Hostile or broken model packages are one-line errors at install time, and a broken package
never replaces a working one (archives derived from the real test model)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_toolkit
from toolkit.errors import ModelError
from toolkit.mt import packages


def _rewrite(src: Path, dst: Path, replace: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", method) as zout:
        for info in zin.infolist():
            data = replace.get(info.filename.split("/", 1)[-1], zin.read(info))
            zout.writestr(info.filename, data)
    return dst


def test_a_package_that_cannot_load_never_replaces_a_working_one(model_files, tmp_path: Path) -> None:
    models = tmp_path / "models"
    good = packages.install(model_files["en_km"], models)
    for garbage in (b"", b"not a sentencepiece model"):
        broken = _rewrite(model_files["en_km"], tmp_path / "broken.argosmodel", {"sentencepiece.model": garbage})
        with pytest.raises(ModelError, match="does not load") as caught:
            packages.install(broken, models)
        assert caught.value.path == str(broken)
    still = packages.find("en", "km", models)
    assert still is not None and (still.path / "sentencepiece.model").read_bytes() == \
        (good.path / "sentencepiece.model").read_bytes()
    assert not [p for p in models.iterdir() if p.name.startswith(".")]  # no staging left behind


def test_a_corrupt_deflate_stream_is_one_line(model_files, tmp_path: Path, toolkit_exe: str) -> None:
    archive = _rewrite(model_files["en_km"], tmp_path / "corrupt.argosmodel", {})
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = max(zf.infolist(), key=lambda i: i.compress_size)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 60):
        data[i] ^= 0x5A
    archive.write_bytes(bytes(data))
    done = run_toolkit(toolkit_exe, "models", "install", archive, "--models-dir", tmp_path / "models")
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1 and b"Traceback" not in done.stderr


def test_an_unsupported_compression_method_is_one_line(model_files, tmp_path: Path, toolkit_exe: str) -> None:
    archive = _rewrite(model_files["en_km"], tmp_path / "aes.argosmodel", {}, zipfile.ZIP_STORED)
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        infos = zf.infolist()
        central = data.find(b"PK\x01\x02")
    for info in infos:  # method 99 (AES) in every local and central header
        struct.pack_into("<H", data, info.header_offset + 8, 99)
    pos = central
    while pos >= 0:
        struct.pack_into("<H", data, pos + 10, 99)
        pos = data.find(b"PK\x01\x02", pos + 4)
    archive.write_bytes(bytes(data))
    done = run_toolkit(toolkit_exe, "models", "install", archive, "--models-dir", tmp_path / "models")
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1 and b"Traceback" not in done.stderr


def test_a_models_directory_that_is_a_file(model_files, tmp_path: Path, toolkit_exe: str) -> None:
    blocker = tmp_path / "models"
    blocker.write_text("not a directory", encoding="utf-8")
    done = run_toolkit(toolkit_exe, "models", "install", model_files["en_km"], "--models-dir", blocker / "sub")
    assert done.returncode == 2 and done.stderr.decode().startswith("toolkit: error: ")
    assert len(done.stderr.splitlines()) == 1
