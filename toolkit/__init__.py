"""toolkit: consistent-terminology translation of English news and policy text into Khmer.

The package is a set of small library stages (segment -> glossary -> MT -> catalog -> checks);
the ``toolkit`` command in :mod:`toolkit.cli` is a thin layer over them.
"""

__version__ = "0.1.0"
