"""The one set of MT options, from the command line or the library, with their defaults.

``threads`` and ``inter_threads`` split the machine between CTranslate2's intra-op threads (one
batch computed by several cores) and its inter-op replicas (several batches at once). ``0`` means
"decide from the machine". Measured with ``benchmarks/bench_mt_threads.py`` (transformer-base
copy model, beam 2, batch 64, 2 cores; raw CTranslate2, sentences/s in two runs): one replica of
two threads 15.4 / 14.2, two replicas of one thread 13.4 / 12.4, one replica of one thread
9.7 / 10.4. So the automatic choice is one replica using every core (``inter = 1``,
``intra = cores``) — no longer one replica with CTranslate2's own thread default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import UsageError

DEVICES = ("cpu", "cuda", "auto")
MAX_THREADS = 256  # more is a typo (and made CTranslate2 crash), not a machine


def cores() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class MTOptions:
    """How to draft: which engine and models, on what device, with how much of the machine."""

    engine: str = "argos-ct2"
    models_dir: Path | None = None
    device: str = "cpu"
    threads: int = 0  # intra-op threads per replica; 0 = automatic (see the module docstring)
    inter_threads: int = 0  # replicas translating batches at once; 0 = automatic
    beam_size: int = 2
    batch_size: int = 64  # measured: 64 gives ~10% more sentences/s than 32 on CPU (bench_mt.py)
    max_input_length: int = 1024
    max_decoding_cap: int = 1024  # decoding stops at min(cap, 2 * longest source + 16) tokens
    progress: bool | None = None  # None: a bar only when standard error is a terminal

    def __post_init__(self) -> None:
        if self.device not in DEVICES:
            raise UsageError(f"--device must be one of {', '.join(DEVICES)} (got {self.device!r})")
        for name, value, low, high in (("--beam-size", self.beam_size, 1, 64),
                                       ("--batch-size", self.batch_size, 1, 4096),
                                       ("--threads", self.threads, 0, MAX_THREADS),
                                       ("--inter-threads", self.inter_threads, 0, MAX_THREADS)):
            if not low <= value <= high:
                raise UsageError(f"{name} must be from {low} to {high} (got {value})")

    def thread_split(self) -> tuple[int, int]:
        """(inter_threads, intra_threads) to give CTranslate2 on this machine."""
        n = cores()
        inter = self.inter_threads or 1
        intra = self.threads or max(1, n // inter)
        return inter, intra
