"""Where the toolkit keeps its on-disk caches (compiled glossaries, Khmer cluster verdicts):
``$TOOLKIT_CACHE_DIR``, else the platform's user cache directory; none with
``TOOLKIT_NO_CACHE``. A cache only ever makes things faster: any problem with it falls back to
computing."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path | None:
    """The toolkit's cache directory; None when caching is switched off (TOOLKIT_NO_CACHE)."""
    if os.environ.get("TOOLKIT_NO_CACHE"):
        return None
    configured = os.environ.get("TOOLKIT_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("toolkit"))
