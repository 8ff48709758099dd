"""The review report (``toolkit report``): catalogs as an editor reviews them, in one
self-contained HTML file or as JSON.

    >>> review = build_review(["locales"], glossary=load_glossary())   # doctest: +SKIP
    >>> html = render_html(review)

:mod:`toolkit.report.model` builds the data (counts, provenance, glossary verdicts, findings);
:mod:`toolkit.report.render_html` and :mod:`toolkit.report.render_json` only present it;
``toolkit report`` uses :func:`spooled_review` and writes the page in pieces (a large catalog is
never held whole).
"""

from toolkit.report.model import Review, ReviewDocument, ReviewEntry, TermSpan, build_review, spooled_review
from toolkit.report.render_html import html_pieces, render_html
from toolkit.report.render_json import as_json, json_pieces, render_json

__all__ = ["Review", "ReviewDocument", "ReviewEntry", "TermSpan", "as_json", "build_review", "html_pieces",
           "json_pieces", "render_html", "render_json", "spooled_review"]
