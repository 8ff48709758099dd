"""``toolkit translate`` and ``toolkit build`` from the command line: options, messages, exit
codes, the summary line, and the MT path with the repository's real test model."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.catalog.conftest import GLOSSARY, po_path
from tests.conftest import interruptible, require_gettext, run_toolkit
from toolkit.catalog.po import read_po

ARTICLE = """Hun Sen

The Ministry of Rural Development will repair roads in Kampot. Work starts in May.
"""
SUMMARY = re.compile(r"^summary: segments=(\d+) tm=\d+ mt=(\d+) reused=(\d+) enforced=(\d+) mismatches=(\d+)$")


@pytest.fixture
def doc(work: Path) -> Path:
    path = work / "docs" / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _summary(stderr: str) -> tuple[int, ...]:
    last = stderr.strip().splitlines()[-1]
    found = SUMMARY.match(last)
    assert found, stderr
    return tuple(int(x) for x in found.groups())


def test_translate_writes_catalogs_and_ends_with_summary(cli, work: Path, doc: Path) -> None:
    result = cli("translate", "docs/article.txt", "--to", "km", "--to", "fr", "--glossary", GLOSSARY, "--no-mt")
    assert result.exit_code == 0, result.stderr
    assert _summary(result.stdout) == (3, 0, 0, 0, 0)
    assert "wrote locales/km/LC_MESSAGES/article.po" in result.stdout
    catalog = read_po(po_path(work))
    assert catalog[0].msgstr == "ហ៊ុន សែន"
    assert (work / "locales" / "templates" / "article.pot").exists()
    assert po_path(work, "fr").exists()


def test_check_exits_1_naming_the_catalogs(cli, work: Path, doc: Path) -> None:
    args = ("translate", "docs/article.txt", "--to", "km", "--glossary", GLOSSARY, "--no-mt")
    result = cli(*args, "--check")
    assert result.exit_code == 1
    assert "locales/km/LC_MESSAGES/article.po" in result.stderr and not po_path(work).exists()
    assert cli(*args).exit_code == 0
    assert cli(*args, "--check").exit_code == 0


def test_unknown_language_is_a_usage_error(cli, doc: Path) -> None:
    result = cli("translate", "docs/article.txt", "--to", "kh", "--no-mt")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("toolkit: error: unknown language code 'kh' for --to; "
                                     "did you mean 'km' (Khmer)?")


def test_unparsable_catalog_exit_2_one_line(cli, work: Path, doc: Path) -> None:
    target = po_path(work)
    target.parent.mkdir(parents=True)
    target.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b\n',
                      encoding="utf-8")
    before = target.read_bytes()
    result = cli("translate", "docs/article.txt", "--to", "km", "--glossary", GLOSSARY, "--no-mt")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("toolkit: error: locales/km/LC_MESSAGES/article.po:")
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == before


def test_missing_source_exit_2(cli, work: Path) -> None:
    result = cli("translate", "docs/nothing.txt", "--to", "km", "--no-mt")
    assert result.exit_code == 2 and "docs/nothing.txt: no such file" in result.stderr


def test_build_prints_statistics(cli, work: Path, doc: Path) -> None:
    assert cli("translate", "docs/article.txt", "--to", "km", "--glossary", GLOSSARY, "--no-mt").exit_code == 0
    result = cli("build", "--out", "out", "--include-fuzzy")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("km\tarticle\ttranslated=0 fuzzy=1 untranslated=2\t")
    assert (work / "out" / "km" / "article.txt").read_text(encoding="utf-8").startswith("ហ៊ុន សែន\n")
    assert (work / "locales" / "km" / "LC_MESSAGES" / "article.mo").exists()


def test_no_mt_never_imports_the_mt_stack(work: Path, doc: Path) -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from toolkit.cli import app\n"
        "r = CliRunner().invoke(app, ['translate', 'docs/article.txt', '--to', 'km', '--no-mt', "
        f"'--glossary', {str(GLOSSARY)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = [m for m in ('ctranslate2', 'argostranslate', 'sentencepiece', 'toolkit.mt.drafter', "
        "'toolkit.mt.packages') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- with machine translation: the MT part's real copy model (built in-process, no download) ---

def test_mt_fills_drafts_then_reuses_them(toolkit_exe: str, work: Path, doc: Path, models_dir: Path) -> None:
    args = ("translate", "docs/article.txt", "--to", "km", "--glossary", GLOSSARY, "--models-dir", models_dir)
    first = run_toolkit(toolkit_exe, *args, cwd=work)
    assert first.returncode == 0, first.stderr.decode()
    segments, mt, reused, enforced, mismatches = _summary(first.stdout.decode())
    assert (segments, mt, reused) == (3, 2, 1)  # the headline was pre-filled from the glossary
    catalog = read_po(po_path(work))
    drafted = [e for e in catalog if any(line.startswith("mt: ") for line in e.tcomment.split("\n"))]
    assert len(drafted) == 2 and all(e.fuzzy and e.msgstr for e in drafted)
    assert "ក្រសួងអភិវឌ្ឍន៍ជនបទ" in drafted[0].msgstr
    before = po_path(work).read_bytes()

    second = run_toolkit(toolkit_exe, *args, cwd=work)
    assert second.returncode == 0
    assert _summary(second.stdout.decode())[1:3] == (0, 3)  # zero model calls, everything reused
    assert po_path(work).read_bytes() == before

    msgfmt = require_gettext("msgfmt")
    check = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(po_path(work))], capture_output=True)
    assert check.returncode == 0, check.stderr


def test_missing_model_is_a_note_for_a_translator_and_exit_3_for_ci(toolkit_exe: str, work: Path, doc: Path,
                                                                   tmp_path: Path) -> None:
    pytest.importorskip("ctranslate2", reason="the [mt] extra is not installed")
    args = ("translate", "docs/article.txt", "--to", "km", "--glossary", GLOSSARY, "--models-dir", tmp_path / "empty")
    strict = run_toolkit(toolkit_exe, *args, "--require-mt", cwd=work)
    assert strict.returncode == 3
    assert "toolkit models install" in strict.stderr.decode()
    assert not po_path(work).exists() and not (work / "locales").exists()  # no empty folders left
    done = run_toolkit(toolkit_exe, *args, cwd=work)
    assert done.returncode == 0
    notes = done.stderr.decode().splitlines()
    assert len(notes) == 1 and notes[0].startswith("toolkit: note: drafts skipped for km: no translation model")
    assert "toolkit models install en_km.argosmodel" in notes[0]
    assert po_path(work).exists() and b"summary: segments=" in done.stdout


def test_without_the_mt_extra_a_note_then_glossary_hints_only(work: Path, doc: Path) -> None:
    """As after ``pip install .`` without ``[mt]``: ctranslate2 cannot be imported."""
    code = (
        "import sys\n"
        "sys.modules['ctranslate2'] = None  # makes `import ctranslate2` fail, as when not installed\n"
        "from toolkit.cli import main\n"
        "sys.argv = ['toolkit', 'translate', 'docs/article.txt', '--to', 'km', '--to', 'fr', "
        f"'--glossary', {str(GLOSSARY)!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    notes = [line for line in lines if "machine translation is not installed" in line]
    assert notes == ["toolkit: note: machine translation is not installed (pip install 'toolkit[mt]'); "
                     "writing catalogs with glossary hints only"]
    assert lines == notes  # diagnostics on stderr; the results on stdout
    last = done.stdout.strip().splitlines()[-1]
    assert SUMMARY.match(last) and last.endswith("mt=0 reused=0 enforced=0 mismatches=0")
    assert po_path(work).exists() and po_path(work, "fr").exists()


def test_ctrl_c_leaves_the_previous_catalog(toolkit_exe: str, work: Path) -> None:
    """SIGINT at some moment of a large run: each catalog is the old file or the complete new one."""
    import signal
    import time

    source = work / "docs" / "article.txt"
    source.write_text("\n\n".join(f"Roads number {i} in Kampot were repaired." for i in range(4000)), encoding="utf-8")
    args = ("translate", "docs/article.txt", "--to", "km", "--glossary", GLOSSARY, "--no-mt")
    assert run_toolkit(toolkit_exe, *args, cwd=work).returncode == 0
    old = po_path(work).read_bytes()
    source.write_text("\n\n".join(f"Roads number {i} in Takeo were repaired." for i in range(4000)), encoding="utf-8")
    for delay in (0.4, 0.7, 1.0):
        process = subprocess.Popen([toolkit_exe, *map(str, args)], cwd=work, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, preexec_fn=interruptible)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        # 130: our handler; -SIGINT: interrupted while Python was still importing or exiting
        assert process.returncode in (0, 130, -signal.SIGINT), err.decode()
        now = po_path(work).read_bytes()
        assert now == old or (b"in Takeo were repaired" in now and now.rstrip().endswith(b'msgstr ""'))
        read_po(po_path(work))  # parses
        assert not [p for p in po_path(work).parent.iterdir() if p.name.endswith(".tmp")]
