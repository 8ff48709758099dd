"""One lock per locales directory, so two runs cannot interleave their read-merge-write.

The lock file is ``<locales>/.toolkit.lock`` (an OS file lock via ``filelock``: released by the
kernel when a process dies, so a crashed run never leaves a stale lock). A second run waits up
to *timeout* seconds, then fails with :class:`LockedError` naming the lock file. Writes inside
the lock are atomic (:func:`toolkit.textio.atomic_write`), so readers that do not lock (an
editor, ``msgfmt``) still see either the old file or the new one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from toolkit.errors import LockedError

LOCK_NAME = ".toolkit.lock"
DEFAULT_TIMEOUT = 30.0


@contextmanager
def locked(directory: str | Path, timeout: float = DEFAULT_TIMEOUT) -> Iterator[Path]:
    """Hold the lock of *directory* (created if needed) for the ``with`` block."""
    from filelock import FileLock, Timeout

    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    lock = FileLock(str(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise LockedError(
            f"another toolkit run holds the lock (waited {timeout:g} s); try again when it ends",
            path=path,
        ) from None
    try:
        yield path
    finally:
        lock.release()
