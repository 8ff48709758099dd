"""Offline machine translation with Argos Translate packages run directly on CTranslate2.

Importing this package is cheap: CTranslate2 and SentencePiece load only when a drafter opens.

    >>> from toolkit.mt import open_drafter            # doctest: +SKIP
    >>> drafter = open_drafter("en", "km", glossary=load_glossary())
    >>> drafter.draft([(text, glossary.find(text))])
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toolkit.mt.drafter import Draft, Drafter, open_drafter

__all__ = ["Draft", "Drafter", "open_drafter"]


def __getattr__(name: str) -> Any:
    """Load the drafter on first use, so ``toolkit.mt.options`` (validated on every run, also
    with ``--no-mt``) imports nothing of the MT stack."""
    if name in __all__:
        from toolkit.mt import drafter

        return getattr(drafter, name)
    raise AttributeError(name)
