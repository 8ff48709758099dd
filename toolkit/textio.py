"""Reading text the way users hand it to us, and writing files without ever losing one.

Input may be UTF-8 (with or without BOM) or UTF-16 with a BOM, with any line ends. Offsets that
the library reports are character offsets into the *decoded* text (BOM removed, line ends kept as
they are), so ``text[start:end]`` is always the reported text.
"""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from toolkit.errors import InputError, OutputError

STDIN = "-"


def decode(data: bytes, name: str = "<stdin>") -> str:
    """Decode bytes to text, or raise :class:`InputError` naming the first bad byte offset."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, skip = "utf-8", len(codecs.BOM_UTF8)
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        skip = 2
    else:
        encoding, skip = "utf-8", 0
    body = data[skip:]
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {encoding.upper()} text ({exc.reason})", path=name, offset=skip + exc.start
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        # Report the byte offset of the NUL in the original bytes.
        width = 1 if encoding == "utf-8" else 2
        byte = skip + (len(text[:nul].encode(encoding)) if width == 1 else 2 * nul)
        raise InputError("not a text file (NUL byte)", path=name, offset=byte)
    return text


_CHUNK = 1 << 20


def lines(text: str) -> Iterator[str]:
    """The lines of *text* as ``text.split("\\n")`` gives them (but a final empty one), split a
    megabyte at a time: a large file's lines never all exist at once."""
    pos, size = 0, len(text)
    while pos < size:
        end = text.find("\n", pos + _CHUNK)
        if end < 0:
            yield from text[pos:].split("\n")
            return
        yield from text[pos:end].split("\n")
        pos = end + 1


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a file's bytes (standard input when *path* is ``-``), or raise :class:`InputError`."""
    if str(path) == STDIN:
        return sys.stdin.buffer.read()
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=p) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", path=p) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=p) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read and decode a file, or standard input when *path* is ``-``."""
    return decode(read_bytes(path), "<stdin>" if str(path) == STDIN else str(Path(path)))


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Write *data* to *path* so that readers see the old file or the new one, never a mix.

    The bytes go to a temporary file in the same directory, are flushed to disk, then renamed
    over the target (atomic on POSIX and Windows). An interruption leaves the old file intact.
    A symbolic link is written through (the file it points to is replaced, the link stays); a
    read-only file is not replaced (``OutputError``).
    """
    atomic_write_chunks(path, (data.encode(encoding) if isinstance(data, str) else data,))


def atomic_write_chunks(path: str | os.PathLike[str], chunks: Iterable[bytes]) -> None:
    """:func:`atomic_write` of bytes given in pieces (a large catalog never is one string in
    memory): the same temporary file, flush, rename and refusals."""
    target = Path(path)
    payload = chunks
    if target.is_symlink():  # a shared catalog: write through the link, keep the link
        target = target.resolve()
    if target.is_dir():
        raise OutputError("is a directory, expected a file", path=path)
    if target.exists() and not target.stat().st_mode & 0o222:  # no write bit: read-only on purpose
        raise OutputError("is read-only; not replaced", path=path)
    if target.exists() and not target.is_file():  # a device or FIFO (/dev/null, /dev/full): never replaced
        _write_special(target, payload, path)
        return
    parent = _existing_parent(target)
    if not parent.stat().st_mode & 0o222:  # honoured even by root, like a read-only file
        raise OutputError(f"cannot write: {parent} is read-only", path=path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _replace(target, payload)
    except OSError as exc:
        raise OutputError(f"cannot write ({exc.strerror or exc})", path=target) from None


def _existing_parent(target: Path) -> Path:
    parent = target.absolute().parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    return parent


def _write_special(target: Path, payload: Iterable[bytes], path: str | os.PathLike[str]) -> None:
    """Write straight into a device or FIFO: renaming a file over it would destroy it."""
    try:
        with open(target, "wb") as handle:
            for chunk in payload:
                handle.write(chunk)
            handle.flush()
    except OSError as exc:
        raise OutputError(f"cannot write ({exc.strerror or exc})", path=path) from None


@contextmanager
def _ctrl_c_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back while a file is replaced, so an interruption lands before the
    temporary file exists or after the rename — never in between, where it would leave the
    temporary behind. A Python-level handler records the signal and the interruption is raised
    after the rename: Python runs signal handlers in the main thread whichever thread the signal
    reached (CTranslate2's worker threads may take it), which a signal mask cannot promise."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; the cleanup in _write_and_rename must do
        return
    pending: list[Any] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: pending.append(frame))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if pending:
            if callable(previous):
                previous(signal.SIGINT, pending[0])
            elif previous == signal.SIG_DFL:
                raise KeyboardInterrupt


def _replace(target: Path, payload: Iterable[bytes]) -> None:
    """The write-to-temporary-then-rename step of :func:`atomic_write`."""
    with _ctrl_c_deferred():
        _write_and_rename(target, payload)


def _write_and_rename(target: Path, payload: Iterable[bytes]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in payload:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
