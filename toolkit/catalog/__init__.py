"""PO catalogs: the only package that touches polib and babel.

Modules, one concept each: :mod:`~toolkit.catalog.wrap` (GNU gettext line breaking),
:mod:`~toolkit.catalog.po` (read with located errors, deterministic writer),
:mod:`~toolkit.catalog.header` (babel locale data, language codes), :mod:`~toolkit.catalog.fuzzy`
(measured similarity for fuzzy guesses), :mod:`~toolkit.catalog.merge` (msgmerge semantics),
:mod:`~toolkit.catalog.keys`, :mod:`~toolkit.catalog.template` and :mod:`~toolkit.catalog.ondisk`
(a large run's template and old catalog, kept compact), :mod:`~toolkit.catalog.lock`,
:mod:`~toolkit.catalog.pipeline` (``toolkit translate``),
:mod:`~toolkit.catalog.build` (``toolkit build``); :mod:`~toolkit.mt.fill` (MT drafts)
belongs to the MT part.
"""
