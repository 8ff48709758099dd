"""Argos Translate model packages (``.argosmodel``): validate, install, list, remove, pack.

A package is a zip of one directory holding ``metadata.json``, a CTranslate2 model in ``model/``
and a tokenizer (``sentencepiece.model`` or ``bpe.model``). We install into our own data dir
(``TOOLKIT_MODELS_DIR``, else the XDG data dir via platformdirs) and never execute anything from
the archive. Packages installed by Argos Translate's own tools are listed and usable too; their
location comes from ``argostranslate.settings`` (importing it creates Argos's empty data dirs but
touches no network; ``argostranslate.translate`` is never imported).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from toolkit.errors import ModelError, ModelNotFoundError, UsageError

ENV_DIR = "TOOLKIT_MODELS_DIR"
#: Size sanity: refuse archives that expand beyond this (NLLB-200 1.3B in float32 is ~5.5 GB).
MAX_TOTAL_BYTES = 16 * 2**30
#: Zip-bomb guard: a member this large must not be compressed more than MAX_RATIO times.
BOMB_MIN_BYTES = 512 * 2**20
MAX_RATIO = 200
TOKENIZERS = ("sentencepiece.model", "bpe.model")
_CODE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class ModelPackage:
    """One installed package: where it is and what its metadata says."""

    path: Path
    from_code: str
    to_code: str
    version: str
    code: str
    origin: str  # "toolkit" (our data dir) or "argos" (Argos Translate's package dir)
    target_prefix: str = ""
    source_prefix: str = ""

    @property
    def pair(self) -> str:
        return f"{self.from_code}_{self.to_code}"

    @property
    def tokenizer(self) -> Path:
        for name in TOKENIZERS:
            if (self.path / name).is_file():
                return self.path / name
        raise ModelError(f"{self.path}: no tokenizer ({' or '.join(TOKENIZERS)})")


def models_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Our package dir: the flag, else ``$TOOLKIT_MODELS_DIR``, else ``<XDG data>/toolkit/models``."""
    if override:
        return Path(override)
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    from platformdirs import user_data_dir

    return Path(user_data_dir("toolkit", appauthor=False)) / "models"


def validate_metadata(data: object, where: str) -> dict:
    """Check the fields we rely on; raise ModelError naming the file and field."""
    if not isinstance(data, dict):
        raise ModelError("metadata.json must hold a JSON object", path=where)
    for key in ("from_code", "to_code", "package_version"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ModelError(f"metadata.json: missing or empty {key!r}", path=where)
    for key in ("from_code", "to_code"):
        if not _CODE.match(data[key]):
            raise ModelError(f"metadata.json: {key} {data[key]!r} is not a language code", path=where)
    if data["from_code"] == data["to_code"]:
        raise ModelError("metadata.json: from_code and to_code are the same", path=where)
    if data.get("type", "translate") != "translate":
        raise ModelError(f"metadata.json: type {data['type']!r} is not a translation package", path=where)
    for key in ("target_prefix", "source_prefix", "code"):
        if key in data and not isinstance(data[key], str):
            raise ModelError(f"metadata.json: {key} must be a string", path=where)
    return data


def read_package(path: Path, origin: str = "toolkit") -> ModelPackage:
    """Read and check an installed package directory."""
    meta_path = path / "metadata.json"
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError("no metadata.json", path=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"metadata.json is not valid JSON ({exc})", path=path) from None
    data = validate_metadata(data, str(meta_path))
    if not (path / "model" / "model.bin").is_file():
        raise ModelError("no model/model.bin", path=path)
    return ModelPackage(
        path=path, from_code=data["from_code"], to_code=data["to_code"], version=data["package_version"],
        code=data.get("code") or f"{data['from_code']}_{data['to_code']}", origin=origin,
        target_prefix=data.get("target_prefix", "") or "", source_prefix=data.get("source_prefix", "") or "",
    )


def argos_package_dirs() -> list[Path]:
    """Directories where Argos Translate's own tools install packages (empty without argostranslate)."""
    try:
        from argostranslate import settings
    except ImportError:
        return []
    return [Path(p) for p in settings.package_dirs]


def _scan(directory: Path, origin: str) -> list[ModelPackage]:
    found: list[ModelPackage] = []
    if not directory.is_dir():
        return found
    for child in sorted(directory.iterdir()):
        if child.is_dir() and not child.name.startswith(".") and (child / "metadata.json").is_file():
            try:
                package = read_package(child, origin)
            except ModelError:
                continue  # not a translation package (e.g. Argos's sbd packages) or broken: skip
            found.append(package)
    return found


def installed(directory: Path | None = None, *, include_argos: bool = True) -> list[ModelPackage]:
    """Our packages, then those installed by Argos Translate's tools."""
    ours = models_dir(directory)
    if ours.exists() and not ours.is_dir():
        raise ModelError("models directory is not a directory", path=ours)
    packages = _scan(ours, "toolkit")
    if include_argos:
        for argos_dir in argos_package_dirs():
            packages += _scan(argos_dir, "argos")
    return packages


def find(src: str, tgt: str, directory: Path | None = None) -> ModelPackage | None:
    """The package for a pair: ours first, then Argos's; the highest version wins within each."""
    from packaging.version import InvalidVersion, Version

    def key(p: ModelPackage):
        try:
            return (p.origin == "toolkit", Version(p.version))
        except InvalidVersion:
            return (p.origin == "toolkit", Version("0"))

    matching = [p for p in installed(directory) if p.from_code == src and p.to_code == tgt]
    return max(matching, key=key) if matching else None


def not_found(src: str, tgt: str, directory: Path | None = None) -> ModelNotFoundError:
    """The error for a missing pair, listing installed pairs and the commands that fix it."""
    pairs = sorted({f"{p.from_code}->{p.to_code}" for p in installed(directory)})
    have = ", ".join(pairs) if pairs else "none"
    return ModelNotFoundError(
        f"no translation model for {src}->{tgt} (installed: {have}; no pivot through en); "
        f"install one with `toolkit models install {src}_{tgt}.argosmodel` or package a converted "
        f"CTranslate2 model with `toolkit models pack --ct2 DIR --tokenizer sentencepiece.model "
        f"--from {src} --to {tgt} -o {src}_{tgt}.argosmodel`"
    )


def _check_members(archive: Path, zf: zipfile.ZipFile) -> str:
    """Validate every member name, type and size; return the single top-level directory."""
    total, tops = 0, set()
    for info in zf.infolist():
        name = info.filename
        where = f"{archive}: {name}"
        pure = PurePosixPath(name)
        if not name or name.startswith(("/", "\\")) or "\\" in name or re.match(r"^[A-Za-z]:", name):
            raise ModelError(f"archive member {name!r} has an absolute or Windows path", path=archive)
        if any(part in ("..", "") for part in pure.parts) or name.startswith("./"):
            raise ModelError(f"archive member {name!r} escapes the package directory", path=archive)
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
            raise ModelError(f"archive member {name!r} is a link or special file", path=archive)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ModelError(f"archive expands beyond {MAX_TOTAL_BYTES // 2**30} GiB", path=archive)
        if info.file_size > BOMB_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ModelError(f"{where}: compression ratio above {MAX_RATIO} (zip bomb?)", path=None)
        tops.add(pure.parts[0])
    if len(tops) != 1:
        raise ModelError(f"a package must hold exactly one top-level directory, found {sorted(tops) or 'none'}",
                         path=archive)
    top = tops.pop()
    names = set(zf.namelist())
    for required in (f"{top}/metadata.json", f"{top}/model/model.bin"):
        if required not in names:
            raise ModelError(f"archive has no {required}", path=archive)
    if not any(f"{top}/{t}" in names for t in TOKENIZERS):
        raise ModelError(f"archive has no {top}/{' or '.join(TOKENIZERS)}", path=archive)
    return top


def _extract(zf: zipfile.ZipFile, dest: Path) -> None:
    """Extract regular files only, counting real bytes (headers can lie about sizes)."""
    written = 0
    for info in zf.infolist():
        target = dest.joinpath(*PurePosixPath(info.filename).parts)
        if not target.resolve().is_relative_to(dest.resolve()):
            raise ModelError(f"archive member {info.filename!r} escapes the package directory")
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as src, open(target, "wb") as out:
            while chunk := src.read(1 << 20):
                written += len(chunk)
                if written > MAX_TOTAL_BYTES:
                    raise ModelError(f"archive expands beyond {MAX_TOTAL_BYTES // 2**30} GiB")
                out.write(chunk)


def _check_loads(package: ModelPackage) -> None:
    """Load the package's tokenizer and model as ``translate`` would (when the ``[mt]`` extra is
    installed): a garbage ``sentencepiece.model`` or model file fails here, at install time, and
    the package already installed for the pair stays."""
    try:
        import ctranslate2  # noqa: F401
        import sentencepiece  # noqa: F401
    except ImportError:
        return
    from toolkit.mt.engine import CT2Engine
    from toolkit.mt.options import MTOptions

    try:
        engine = CT2Engine(package, MTOptions(threads=1, inter_threads=1))
        engine.translate(["Test."])
    except ModelError as exc:
        raise ModelError(f"the package does not load: {exc.message}") from None
    except Exception as exc:  # sentencepiece and ctranslate2 raise many kinds
        raise ModelError(f"the package does not load ({type(exc).__name__}: {exc})") from None


def install(archive: str | os.PathLike[str], directory: Path | None = None) -> ModelPackage:
    """Validate *archive* and install it atomically, replacing an installed package of the same pair."""
    archive = Path(archive)
    if not archive.is_file():
        raise ModelError("no such file", path=archive)
    if not zipfile.is_zipfile(archive):
        raise ModelError("not a zip archive (an .argosmodel is a zip file)", path=archive)
    root = models_dir(directory)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelError(f"cannot create the models directory ({exc.strerror or exc})", path=root) from None
    if not os.access(root, os.W_OK) or not root.stat().st_mode & 0o222:
        raise ModelError("the models directory is read-only", path=root)
    try:
        with zipfile.ZipFile(archive) as zf:
            top = _check_members(archive, zf)
            try:
                meta = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ModelError(f"{top}/metadata.json is not valid JSON ({exc})", path=archive) from None
            validate_metadata(meta, f"{archive}: {top}/metadata.json")
            staging = Path(tempfile.mkdtemp(prefix=".install-", dir=root))
            try:
                _extract(zf, staging)
                _check_loads(read_package(staging / top))  # never install what cannot translate
                final = root / f"{meta['from_code']}_{meta['to_code']}"
                old = None
                if final.exists():
                    old = root / f".old-{final.name}-{os.getpid()}"
                    os.replace(final, old)
                os.replace(staging / top, final)
                if old is not None:
                    shutil.rmtree(old, ignore_errors=True)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ModelError(f"corrupt zip archive ({exc})", path=archive) from None
    except NotImplementedError as exc:  # an unsupported compression method (deflate64, AES, ...)
        raise ModelError(f"unsupported zip archive ({exc})", path=archive) from None
    except RuntimeError as exc:  # an encrypted member ("password required")
        raise ModelError(f"cannot read the zip archive ({exc})", path=archive) from None
    except OSError as exc:  # a member name too long for the file system, a full disk, ...
        raise ModelError(f"cannot install ({exc.strerror or exc})", path=archive) from None
    except ModelError as exc:
        if exc.path is None and not str(exc).startswith(str(archive)):
            raise ModelError(exc.message, path=archive) from None
        raise
    return read_package(final)


def parse_pair(pair: str) -> tuple[str, str]:
    """``en_km``, ``en-km``, ``en->km`` or ``en:km`` -> ("en", "km")."""
    parts = re.split(r"->|→|:|_|-", pair.strip(), maxsplit=1)
    if len(parts) != 2 or not all(_CODE.match(p) for p in parts):
        raise UsageError(f"bad language pair {pair!r} (expected e.g. en_km)")
    return parts[0], parts[1]


def remove(pair: str, directory: Path | None = None) -> ModelPackage:
    """Remove our installed package for *pair*; Argos's packages are left to Argos's tools."""
    src, tgt = parse_pair(pair)
    ours = [p for p in installed(directory, include_argos=False) if (p.from_code, p.to_code) == (src, tgt)]
    if not ours:
        raise ModelNotFoundError(f"no package for {src}->{tgt} installed in {models_dir(directory)}")
    for package in ours:
        shutil.rmtree(package.path)
    return ours[0]


def pack(ct2_dir: str | os.PathLike[str], tokenizer: str | os.PathLike[str], src: str, tgt: str, *,
         out: str | os.PathLike[str] | None = None, target_prefix: str = "", source_prefix: str = "",
         version: str = "1.0", code: str | None = None) -> Path:
    """Zip a converted CTranslate2 model and its tokenizer as an ``.argosmodel``."""
    ct2_dir, tokenizer = Path(ct2_dir), Path(tokenizer)
    if not (ct2_dir / "model.bin").is_file():
        raise ModelError("not a CTranslate2 model directory (no model.bin)", path=ct2_dir)
    if not tokenizer.is_file():
        raise ModelError("no such tokenizer file", path=tokenizer)
    if tokenizer.suffix not in (".model", ".bpe", ".codes") and tokenizer.name not in TOKENIZERS:
        raise UsageError(f"{tokenizer}: expected a SentencePiece .model or a BPE codes file")
    name = "bpe.model" if tokenizer.suffix != ".model" or tokenizer.name == "bpe.model" else "sentencepiece.model"
    code = code or f"{src}_{tgt}"
    metadata = {
        "package_version": version, "argos_version": "1.9", "code": code, "type": "translate",
        "from_code": src, "from_name": src, "to_code": tgt, "to_name": tgt, "target_prefix": target_prefix,
    }
    if source_prefix:
        metadata["source_prefix"] = source_prefix
    validate_metadata(metadata, "metadata")
    out = Path(out) if out else Path(f"{src}_{tgt}.argosmodel")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".pack-") as tmp:  # same dir: atomic rename
        zpath = Path(tmp) / "package.zip"
        with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{code}/metadata.json", json.dumps(metadata, indent=2, ensure_ascii=False) + "\n")
            zf.write(tokenizer, f"{code}/{name}")
            for path in sorted(ct2_dir.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    zf.write(path, f"{code}/model/{path.relative_to(ct2_dir).as_posix()}")
        os.replace(zpath, out)
    return out
