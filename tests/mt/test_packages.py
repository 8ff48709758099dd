"""`toolkit models install | list | remove | pack` and archive validation (real zip files)."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from toolkit.errors import ModelError, ModelNotFoundError
from toolkit.mt import packages

META = {"package_version": "1.0", "argos_version": "1.9", "from_code": "en", "to_code": "km"}


def make_zip(path: Path, members: dict[str, bytes | str], *, symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


def good_members(meta: dict | None = None, top: str = "pkg") -> dict[str, bytes | str]:
    return {f"{top}/metadata.json": json.dumps(meta or META), f"{top}/model/model.bin": b"\0" * 64,
            f"{top}/sentencepiece.model": b"sp"}


BAD_ARCHIVES = {
    "zip-slip": ({**good_members(), "pkg/../../evil.txt": "x"}, "escapes"),
    "absolute path": ({**good_members(), "/etc/evil": "x"}, "absolute"),
    "no metadata": ({"pkg/model/model.bin": b"0", "pkg/sentencepiece.model": b"s"}, "metadata.json"),
    "no model.bin": ({"pkg/metadata.json": json.dumps(META), "pkg/sentencepiece.model": b"s"}, "model.bin"),
    "no tokenizer": ({"pkg/metadata.json": json.dumps(META), "pkg/model/model.bin": b"0"}, "sentencepiece.model"),
    "two top dirs": ({**good_members(), "other/x": "x"}, "one top-level"),
    "bad json": ({**good_members(), "pkg/metadata.json": "{not json"}, "not valid JSON"),
    "no from_code": (good_members({k: v for k, v in META.items() if k != "from_code"}), "from_code"),
    "bad code": (good_members({**META, "to_code": "Khmer language"}), "not a language code"),
    "no version": (good_members({**META, "package_version": ""}), "package_version"),
    "not translate": (good_members({**META, "type": "sbd"}), "not a translation package"),
}


@pytest.mark.parametrize("label", sorted(BAD_ARCHIVES))
def test_invalid_archives_are_refused_with_one_line(cli, tmp_path, label):
    members, expected = BAD_ARCHIVES[label]
    archive = make_zip(tmp_path / "bad.argosmodel", members)
    result = cli("models", "install", archive, "--models-dir", tmp_path / "models")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("toolkit: error: ") and str(archive) in lines[0]
    assert expected in lines[0]
    assert not (tmp_path / "models" / "en_km").exists()
    assert not (tmp_path / "evil.txt").exists()


def test_symlink_member_is_refused(tmp_path):
    archive = make_zip(tmp_path / "link.argosmodel", good_members(), symlink="pkg/link")
    with pytest.raises(ModelError, match="link or special file"):
        packages.install(archive, tmp_path / "models")


def test_not_a_zip(cli, tmp_path):
    path = tmp_path / "x.argosmodel"
    path.write_text("hello")
    result = cli("models", "install", path, "--models-dir", tmp_path)
    assert result.exit_code == 2 and "not a zip archive" in result.stderr


def test_size_and_ratio_guards(tmp_path, monkeypatch):
    members = {**good_members(), "pkg/model/model.bin": b"\0" * 200_000}
    archive = make_zip(tmp_path / "bomb.argosmodel", members)
    monkeypatch.setattr(packages, "BOMB_MIN_BYTES", 100_000)
    with pytest.raises(ModelError, match="compression ratio"):
        packages.install(archive, tmp_path / "models")
    monkeypatch.setattr(packages, "BOMB_MIN_BYTES", 10**12)
    monkeypatch.setattr(packages, "MAX_TOTAL_BYTES", 100_000)
    with pytest.raises(ModelError, match="expands beyond"):
        packages.install(archive, tmp_path / "models")


def test_install_list_remove(cli, model_files, tmp_path):
    models = tmp_path / "models"
    result = cli("models", "install", model_files["en_km"], "--models-dir", models)
    assert result.exit_code == 0, result.stderr
    assert "en->km en_km-test 1.0" in result.stdout
    listing = cli("models", "list", "--models-dir", models)
    row = next(line for line in listing.stdout.splitlines() if line.startswith("en->km"))
    assert row.split("\t")[1:4] == ["en_km-test", "1.0", "toolkit"] and str(models / "en_km") in row
    # a failed install leaves the installed package as it was
    bad = make_zip(tmp_path / "bad.argosmodel", good_members({**META, "package_version": ""}))
    assert cli("models", "install", bad, "--models-dir", models).exit_code == 2
    assert packages.find("en", "km", models).code == "en_km-test"
    assert not [p for p in models.iterdir() if p.name.startswith(".")]  # no staging left behind
    assert cli("models", "remove", "en_km", "--models-dir", models).exit_code == 0
    assert packages.find("en", "km", models) is None or packages.find("en", "km", models).origin == "argos"
    missing = cli("models", "remove", "en_km", "--models-dir", models)
    assert missing.exit_code == 3


def test_pack_then_install_translates(cli, extracted, tmp_path):
    out = tmp_path / "dist" / "en_km.argosmodel"
    result = cli("models", "pack", "--ct2", extracted / "model", "--tokenizer", extracted / "sentencepiece.model",
                 "--from", "en", "--to", "km", "--version", "2.1", "-o", out)
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(out) as zf:
        meta = json.loads(zf.read("en_km/metadata.json"))
        assert {"en_km/model/model.bin", "en_km/sentencepiece.model"} <= set(zf.namelist())
    assert (meta["from_code"], meta["to_code"], meta["package_version"]) == ("en", "km", "2.1")
    package = packages.install(out, tmp_path / "models")
    from toolkit.mt.engine import CT2Engine

    assert CT2Engine(package).translate(["report_final_v2.pdf"]) == ["report_final_v2.pdf"]


def test_pack_refuses_a_dir_without_model(cli, tmp_path, extracted):
    result = cli("models", "pack", "--ct2", tmp_path, "--tokenizer", extracted / "sentencepiece.model",
                 "--from", "en", "--to", "km", "-o", tmp_path / "x.argosmodel")
    assert result.exit_code == 2 and "no model.bin" in result.stderr


def test_list_shows_packages_installed_by_argos_tools(toolkit_exe, extracted, isolated_env, tmp_path):
    """A package unzipped into Argos's package dir (as `argospm install` leaves it) is listed."""
    import shutil

    argos_dir = Path(isolated_env["ARGOS_PACKAGES_DIR"])
    argos_dir.mkdir(parents=True)
    shutil.copytree(extracted, argos_dir / "translate-en_km-1_0")
    env = {**isolated_env, "TOOLKIT_MODELS_DIR": str(tmp_path / "ours")}
    run = subprocess.run([toolkit_exe, "models", "list"], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert f"en->km\ten_km-test\t1.0\targos\t{argos_dir / 'translate-en_km-1_0'}" in run.stdout


def test_missing_pair_names_installed_pairs_and_commands(models_dir):
    from toolkit.glossary import load_glossary
    from toolkit.mt import open_drafter
    from toolkit.mt.options import MTOptions

    with pytest.raises(ModelNotFoundError) as caught:
        open_drafter("en", "fr", glossary=load_glossary(), options=MTOptions(models_dir=models_dir))
    message = str(caught.value)
    assert caught.value.exit_code == 3
    assert "en->km" in message and "\n" not in message
    assert "toolkit models install en_fr.argosmodel" in message
    assert "toolkit models pack --ct2 DIR --tokenizer sentencepiece.model --from en --to fr" in message


def test_models_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(packages.ENV_DIR, str(tmp_path / "env-models"))
    assert packages.models_dir() == tmp_path / "env-models"
    assert packages.models_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.delenv(packages.ENV_DIR)
    assert packages.models_dir().parts[-2:] == ("toolkit", "models")


@pytest.mark.parametrize("pair,expected", [("en_km", ("en", "km")), ("en-km", ("en", "km")), ("en->km", ("en", "km"))])
def test_parse_pair(pair, expected):
    assert packages.parse_pair(pair) == expected


def test_without_the_mt_extra_open_drafter_says_how_to_install(tmp_path):
    code = (
        "import sys; sys.modules['ctranslate2'] = None\n"
        "from toolkit.errors import MTUnavailableError\n"
        "from toolkit.mt import open_drafter\n"
        "try:\n    open_drafter('en', 'km', glossary=None)\n"
        "except MTUnavailableError as e:\n    print('unavailable', e.exit_code, e)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.startswith("unavailable 3 ") and "pip install 'toolkit[mt]'" in run.stdout


def test_argos_translate_lt_brings_the_module_without_torch_stanza_or_spacy():
    """Why the [mt] extra names argos-translate-lt: the argostranslate module, light dependencies."""
    import importlib.metadata as md
    import re as _re

    requires = [_re.split(r"[ ;<>=!\[]", r)[0].lower() for r in md.requires("argos-translate-lt") or []]
    assert not {"torch", "stanza", "spacy"} & set(requires)
    assert "argostranslate/package.py" in {str(f) for f in md.files("argos-translate-lt")}
