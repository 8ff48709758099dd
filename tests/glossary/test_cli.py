"""`toolkit glossary find|show|stats` and the default glossary set (`--glossary` replaces it)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_toolkit

from .conftest import DATA, FIXTURE

TEXT = "Hun Sen’s CPP met the\nSenate. Hun Senator."


def test_find_jsonl(cli) -> None:
    result = cli("glossary", "find", "-", "--glossary", FIXTURE, "--format", "jsonl", input=TEXT)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == [
        {"start": 0, "end": 7, "text": "Hun Sen", "concept": "hun-sen", "term": "Hun Sen",
         "targets": {"km": ["ហ៊ុន សែន"]}},
        {"start": 10, "end": 13, "text": "CPP", "concept": "cambodian-peoples-party", "term": "CPP",
         "targets": {"km": ["គណបក្សប្រជាជនកម្ពុជា"]}},
        {"start": 22, "end": 28, "text": "Senate", "concept": "senate", "term": "Senate",
         "targets": {"km": ["ព្រឹទ្ធសភា"]}},
    ]


def test_find_text_from_file_with_bom_and_crlf(cli, tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes("\ufeffThe Ministry of\r\nInterior spoke.".encode("utf-8"))
    result = cli("glossary", "find", path, "--glossary", FIXTURE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "4-25\tMinistry of Interior\tministry-of-interior\tក្រសួងមហាផ្ទៃ\n"


def test_glossary_option_replaces_the_default_set(cli, tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text("domain: general\nconcepts:\n  - {id: only-mine, source: s, en: [Phnom Penh], km: [ក]}\n",
                   encoding="utf-8")
    default = cli("glossary", "find", "-", input="Phnom Penh")
    assert default.stdout.split("\t")[2] == "phnom-penh"  # from the shipped glossary
    replaced = cli("glossary", "find", "-", "--glossary", own, input="Phnom Penh")
    assert replaced.stdout.split("\t")[2] == "only-mine"
    two = cli("glossary", "stats", "--glossary", own, "--glossary", FIXTURE, "--format", "json")
    assert json.loads(two.stdout)["concepts"] == 1 + 16


def test_config_adds_files_to_the_default_set(toolkit_exe: str, tmp_path: Path) -> None:
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "mine.yaml").write_text(
        "domain: general\nconcepts:\n  - {id: my-term, source: s, en: [widget board], km: [ក្តារ]}\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit]\nglossary = ["terms/"]\n', encoding="utf-8")
    done = run_toolkit(toolkit_exe, "glossary", "find", "-", "--format", "jsonl",
                       input=b"The widget board met in Phnom Penh.", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    concepts = [json.loads(line)["concept"] for line in done.stdout.decode().splitlines()]
    assert concepts == ["my-term", "phnom-penh"]


def test_show(cli) -> None:
    result = cli("glossary", "show", "ministry-of-interior", "--glossary", FIXTURE)
    assert result.exit_code == 0
    assert "ministry-of-interior  [organisation]" in result.stdout
    assert "MOI  (admitted, case-sensitive)" in result.stdout
    missing = cli("glossary", "show", "ministry-of-interio", "--glossary", FIXTURE)
    assert missing.exit_code == 2
    assert "did you mean: ministry-of-interior" in missing.stderr


def test_stats(cli) -> None:
    result = cli("glossary", "stats", "--glossary", FIXTURE, "--format", "json")
    data = json.loads(result.stdout)
    assert data["concepts"] == 16
    assert data["terms"]["km"] == {"preferred": 15, "admitted": 0, "deprecated": 1, "total": 16}
    assert data["coverage"]["km"] == round(15 / 16, 4)  # Samdech is do-not-translate, no Khmer term
    text = cli("glossary", "stats", "--glossary", FIXTURE)
    assert "concepts: 16" in text.stdout


def test_bad_glossary_is_one_line_per_problem_without_traceback(toolkit_exe: str) -> None:
    done = run_toolkit(toolkit_exe, "glossary", "find", "-", "--glossary", str(DATA / "bad" / "two-problems.yaml"),
                       input=b"x")
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 2 and all(line.startswith("toolkit: error: ") for line in lines)
    assert "Traceback" not in done.stderr.decode()


def test_bad_format_option(cli) -> None:
    result = cli("glossary", "find", "-", "--format", "xml", input="x")
    assert result.exit_code == 2 and "--format must be one of text, jsonl (got 'xml')" in result.stderr


def test_gazetteer_flag(cli) -> None:
    without = cli("glossary", "find", "-", "--glossary", FIXTURE, input="Mangkul Bourei district")
    assert without.stdout == ""
    with_layer = cli("glossary", "find", "-", "--glossary", FIXTURE, "--gazetteer", input="Mangkul Bourei district")
    assert with_layer.stdout.split("\t")[1:3] == ["Mangkul Bourei district", "geo-mangkul-bourei"]


def test_find_shows_the_requested_language(cli, tmp_path) -> None:
    """``glossary find --lang`` shows that language's renderings (not always Khmer)."""
    gloss = tmp_path / "g.yaml"
    gloss.write_text("domain: organisation\nconcepts:\n  - id: un\n    source: test\n    en: [United Nations]\n"
                     "    km: [អង្គការសហប្រជាជាតិ]\n    fr: [Nations unies]\n", encoding="utf-8")
    fr = cli("glossary", "find", "-", "-g", str(gloss), "--lang", "fr", input="The United Nations said.")
    assert fr.exit_code == 0 and fr.stdout.rstrip("\n").split("\t")[-1] == "Nations unies"
    km = cli("glossary", "find", "-", "-g", str(gloss), input="The United Nations said.")
    assert km.stdout.rstrip("\n").split("\t")[-1] == "អង្គការសហប្រជាជាតិ"
