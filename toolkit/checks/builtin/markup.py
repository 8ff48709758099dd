"""``markup``: the inline markup of a Markdown, HTML or Word sentence survives its translation —
the same ``<gN>…</gN>``/``<xN/>`` placeholders, properly nested, or the same Markdown emphasis,
links (with their URLs), images and code spans. A broken one would break the built document.
The rules are in :mod:`toolkit.markup`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from toolkit import markup
from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env
from toolkit.checks.registry import Problem, check


@check("markup", "error", order=55)
def markup_check(entries: Sequence[Entry], env: Env) -> Iterator[tuple[Entry, Problem]]:
    """Inline markup missing, extra or wrongly nested in the translation (``<g1>…</g1>`` of HTML and
    Word sources, ``**bold**``, ``[links](url)`` and `` `code` `` of Markdown ones): the built
    document would lose or break it."""
    for entry, (kind, _) in zip(entries, env.visible_all(entries)):
        if not kind:
            continue
        for source, translation in entry.pairs:
            if not translation:
                continue
            found = markup.problems(source, translation, kind)
            if found:
                yield entry, Problem("; ".join(found))
