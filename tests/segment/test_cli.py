"""`toolkit segment` through Typer's runner and once as the installed program."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_toolkit

ARTICLE = ("Roads budget doubled\nThe ministry approved $120 million on Monday."
           " Mr. Chan said work starts in Jan. next year.\n\n“It is a good start,” he said.\n")
SEGMENTS = [
    "Roads budget doubled",
    "The ministry approved $120 million on Monday.",
    "Mr. Chan said work starts in Jan. next year.",
    "“It is a good start,” he said.",
]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_text_format_is_one_segment_per_line(cli, article: Path) -> None:
    result = cli("segment", article)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == SEGMENTS


def test_jsonl_has_exact_offsets(cli, article: Path) -> None:
    result = cli("segment", article, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == SEGMENTS
    for r in rows:
        assert ARTICLE[r["start"] : r["end"]] == r["text"]
    assert [(r["paragraph"], r["line"]) for r in rows] == [(0, 1), (1, 2), (1, 2), (2, 4)]


def test_wrapped_segment_is_one_line_in_text_format(cli, tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text("The council agreed to spend more on\nroads and drainage. The vote was unanimous.\n",
                    encoding="utf-8")
    result = cli("segment", path)
    assert result.stdout.splitlines() == [
        "The council agreed to spend more on roads and drainage.",
        "The vote was unanimous.",
    ]
    result = cli("segment", path, "--format", "jsonl")
    first = json.loads(result.stdout.splitlines()[0])
    assert first["text"] == "The council agreed to spend more on\nroads and drainage."


def test_paragraphs_option(cli, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Schools closed\nafter the flood.\n", encoding="utf-8")
    assert cli("segment", path, "--paragraphs", "line").stdout.splitlines() == ["Schools closed", "after the flood."]
    assert cli("segment", path, "--paragraphs", "blank").stdout.splitlines() == ["Schools closed after the flood."]


def test_stdin(cli) -> None:
    result = cli("segment", "-", input="One. Two.")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["One.", "Two."]


def test_khmer(cli, tmp_path: Path) -> None:
    path = tmp_path / "km.txt"
    path.write_text("ក្រសួង\u200bបាន\u200bសម្រេច។ ការងារ\u200bចាប់ផ្តើម។\n", encoding="utf-8")
    result = cli("segment", path, "--lang", "km", "--format", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(x)["text"] for x in result.stdout.splitlines()] == [
        "ក្រសួង\u200bបាន\u200bសម្រេច។", "ការងារ\u200bចាប់ផ្តើម។"]


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + ARTICLE.encode(),
        codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        ARTICLE.replace("\n", "\r\n").encode(),
    ],
    ids=["utf8-bom", "utf16-le", "utf16-be", "crlf"],
)
def test_encodings_and_line_ends(cli, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    result = cli("segment", path, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == SEGMENTS
    decoded = ARTICLE.replace("\n", "\r\n") if b"\r\n" in data else ARTICLE
    assert all(decoded[r["start"] : r["end"]] == r["text"] for r in rows)


def test_empty_input(cli, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = cli("segment", path)
    assert result.exit_code == 0
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("data", "offset"),
    [(b"Good text.\x00more", 10), (b"Caf\xc3\xa9 ok. \xff bad", 10), (codecs.BOM_UTF8 + b"ab\x00", 5)],
    ids=["nul", "invalid-utf8", "nul-after-bom"],
)
def test_binary_input_is_rejected_with_offset(cli, tmp_path: Path, data: bytes, offset: int) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    result = cli("segment", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("toolkit: error: ") and str(path) in lines[0] and f"byte {offset}" in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_file(cli, tmp_path: Path) -> None:
    result = cli("segment", tmp_path / "nope.txt")
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_bad_option_value(cli, article: Path) -> None:
    result = cli("segment", article, "--lang", "fr")
    assert result.exit_code == 2


def test_user_abbreviations_from_config(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "abbrev.txt").write_text("[prefix]\nSamdech\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit]\nabbreviations = ["abbrev.txt"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("He met Samdech. Techo at noon.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("segment", "a.txt")
    assert result.stdout.splitlines() == ["He met Samdech. Techo at noon."]


def test_bad_user_abbreviation_file_is_reported_with_line(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "abbrev.txt").write_text("[prefix]\nDr\n[titles]\nX\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit]\nabbreviations = ["abbrev.txt"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("segment", "a.txt")
    assert result.exit_code == 2
    assert "abbrev.txt:3:" in result.stderr and "titles" in result.stderr


def test_installed_program_on_stdin_and_sample(toolkit_exe) -> None:
    proc = run_toolkit(toolkit_exe, "segment", "-", "--format", "jsonl", input=ARTICLE.encode())
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["text"] for r in rows] == SEGMENTS
    proc = run_toolkit(toolkit_exe, "segment", "-", input=b"bad \x00 byte")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == "toolkit: error: <stdin>: byte 4: not a text file (NUL byte)"


def test_sample_article_segments_with_exact_offsets(cli) -> None:
    sample = ROOT / "samples" / "provincial-roads-budget.txt"
    if not sample.exists():
        pytest.skip("the bundled sample article is not in this checkout yet")
    from toolkit.textio import read_text

    text = read_text(sample)
    rows = [json.loads(x) for x in cli("segment", sample, "--format", "jsonl").stdout.splitlines()]
    assert rows and all(text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_help_does_not_import_the_segmenter(toolkit_exe) -> None:
    import subprocess
    import sys

    code = "import sys; from toolkit.cli import app; print('toolkit.segment' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
