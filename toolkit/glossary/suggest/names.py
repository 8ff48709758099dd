"""Cambodian person names: who looks like one, and an unverified Khmer spelling of a new one.

The spelling comes from the Apache-2.0 ``khmer-latin-name-transformer`` (Latin -> Khmer name
FSTs, needs ``pynini``; the ``[names]`` extra, about 450 MB installed), imported only when a
person candidate needs it. Its output is normalized with :mod:`toolkit.lang.khmer` (it writes old
encodings such as ``សុី`` for ``ស៊ី``). Without the extra there is no transliteration proposal.
A transliteration is a guess from the sound, never a spelling anybody used: it is labelled
``transliteration`` and scored low. Each word is spelled once per process (the FST takes about a
second per call), at most :data:`MAX_NAMES` names per run.
"""

from __future__ import annotations

from functools import lru_cache

from toolkit.lang import khmer

SCORE = 0.2
MAX_NAMES = 20
#: Common Cambodian family names (romanised as news writes them): a two- or three-word capitalised
#: name starting with one of them is a person even without a title.
FAMILY_NAMES = frozenset(
    "hun sok chea kong lim heng sam keo meas chan ly nhem prak sar say tea ouk pen men yim kem ith chhay hang "
    "seng nuon vong kim touch mam um neth prum sun chhim thach pich ek ung som phan ros ngin chhun mao yos bun "
    "ean eang khieu kith ke nguon nov tep tith sin chum chhun hor huy keat khem khim kol long mey nhim nob "
    "nou oum phal pheng phon pol prum san seang sim soy suon svay tan thong ting yin yun".split()
)


def looks_like_name(words: list[str]) -> bool:
    """True for 2–3 capitalised words starting with a common Cambodian family name."""
    return 2 <= len(words) <= 3 and words[0].lower() in FAMILY_NAMES and all(w[:1].isupper() for w in words)


def available() -> bool:
    """True if the transliteration extra is installed."""
    try:
        import khmer_latin_name_transformer  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=4096)
def _word(word: str) -> str:
    import khmer_latin_name_transformer as fst

    return str(fst.to_khmer(word))


def transliterate(name: str) -> str | None:
    """An unverified Khmer spelling of a Cambodian *name* (family name first, as written), or
    None when the extra is not installed or the FST has no spelling."""
    if not available():
        return None
    try:
        words = [_word(w) for w in name.replace("-", " ").split()]
    except Exception:  # noqa: BLE001 - the FST rejects a word it has no path for
        return None
    if not all(words):
        return None
    return khmer.normalize(" ".join(words))
