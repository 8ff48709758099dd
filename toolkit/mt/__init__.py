"""Offline machine translation with Argos Translate packages run directly on CTranslate2.

Importing this package is cheap: CTranslate2 and SentencePiece load only when a drafter opens.

    >>> from toolkit.mt import open_drafter            # doctest: +SKIP
    >>> drafter = open_drafter("en", "km", glossary=load_glossary())
    >>> drafter.draft([(text, glossary.find(text))])
"""

from toolkit.mt.drafter import Draft, Drafter, open_drafter

__all__ = ["Draft", "Drafter", "open_drafter"]
