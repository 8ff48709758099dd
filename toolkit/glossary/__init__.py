"""The glossary: concepts and their terms per language, loaders, lint and fast term recognition.

    >>> from toolkit.glossary import load_glossary
    >>> g = load_glossary()                       # shipped glossary + [tool.toolkit] files
    >>> [m.concept for m in g.find("The CPP met.")]  # doctest: +SKIP
"""

from toolkit.glossary.glossary import Glossary
from toolkit.glossary.load import load_glossary
from toolkit.glossary.model import DOMAINS, STATUSES, Concept, Term, TermMatch

__all__ = ["DOMAINS", "STATUSES", "Concept", "Glossary", "Term", "TermMatch", "load_glossary"]
