"""The spine: version, help, error mapping, decoding, atomic writes, configuration (Khmer policy: tests/lang)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tests.conftest import run_toolkit
from toolkit import __version__
from toolkit.config import load_config
from toolkit.errors import ConfigError, InputError
from toolkit.textio import atomic_write, decode, read_text


def test_version(cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"toolkit {__version__}"


def test_help_lists_every_command(cli) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    for command in ("segment", "glossary", "translate", "build", "models", "check"):
        assert command in result.stdout


def test_installed_entry_point_runs(toolkit_exe) -> None:
    proc = run_toolkit(toolkit_exe, "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().strip() == f"toolkit {__version__}"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ""),
        (b"Hello\r\nworld", "Hello\r\nworld"),
        (codecs.BOM_UTF8 + "ក្រសួង".encode(), "ក្រសួង"),
        (codecs.BOM_UTF16_LE + "Phnom Penh".encode("utf-16-le"), "Phnom Penh"),
        (codecs.BOM_UTF16_BE + "ភ្នំពេញ".encode("utf-16-be"), "ភ្នំពេញ"),
    ],
)
def test_decode_accepts_text(data: bytes, expected: str) -> None:
    assert decode(data) == expected


@pytest.mark.parametrize(
    ("data", "offset"),
    [(b"abc\x00def", 3), (b"ok \xff bad", 3), (codecs.BOM_UTF8 + b"ab\xc3", 5)],
)
def test_decode_rejects_binary_with_byte_offset(data: bytes, offset: int) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "in.txt")
    assert info.value.offset == offset
    assert str(info.value).startswith(f"in.txt: byte {offset}: ")


def test_read_text_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "absent.txt")


def test_atomic_write_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "file.po"
    atomic_write(target, "first")
    atomic_write(target, "second ✓")
    assert target.read_text(encoding="utf-8") == "second ✓"
    assert [p.name for p in target.parent.iterdir()] == ["file.po"]


def test_config_defaults_and_values(tmp_path: Path) -> None:
    assert load_config(tmp_path).glossary == ()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.toolkit]\nglossary = ["terms"]\ngazetteer = true\nlocales = "po"\n', encoding="utf-8"
    )
    config = load_config(tmp_path)
    assert config.glossary == (tmp_path / "terms",)
    assert config.gazetteer is True
    assert config.locales_dir == tmp_path / "po"


def test_config_errors_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.toolkit]\ngazetteer = 'yes'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="pyproject.toml: .*gazetteer"):
        load_config(tmp_path)


def test_ctrl_c_during_an_atomic_write_lands_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the temporary file is written waits for the rename: no temporary is left."""
    import os
    import signal

    target = tmp_path / "catalog.po"
    target.write_text("old", encoding="utf-8")
    real_fsync = os.fsync

    def interrupted_fsync(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl-C mid-write
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", interrupted_fsync)
    # Python's own Ctrl-C handler, whatever an earlier test in this process installed
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            atomic_write(target, "new")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["catalog.po"]
