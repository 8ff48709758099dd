"""MT drafts for translators: mask glossary terms, translate (directly or through English), enforce.

``open_drafter`` finds a package for the pair (ours first, then Argos's), or two packages
``src->en`` and ``en->tgt`` to pivot through; placeholders survive both legs and the approved
target terms go in at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from toolkit.mt import packages, registry, terms
from toolkit.mt.options import MTOptions

if TYPE_CHECKING:
    from toolkit.glossary import Glossary, TermMatch

PIVOT = "en"


@dataclass(frozen=True)
class Draft:
    """One MT draft; ``missing`` names the source terms whose approved target is absent."""

    text: str
    enforced: bool  # the segment had glossary terms and every approved target is present
    missing: tuple[str, ...]


class Drafter(Protocol):
    engine_id: str
    calls: int

    def draft(self, items: Sequence[tuple[str, Sequence["TermMatch"]]], markup: str = "") -> list[Draft]: ...


class ArgosDrafter:
    """Drafts through one engine, or a chain of engines when pivoting."""

    def __init__(self, engines: Sequence, lang: str, *, style: str = terms.DEFAULT_STYLE,
                 progress: bool | None = None) -> None:
        self.engines, self.lang, self.style = list(engines), lang, style
        self.progress = progress
        self.calls = 0
        first = self.engines[0]
        self.engine_id = first.engine_id + "".join(
            f" + {e.package.code} {e.package.version}" for e in self.engines[1:])

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Raw MT of *texts* through the chain (no glossary handling)."""
        from toolkit.mt import progress as bar

        show = bar.wanted() if self.progress is None else self.progress
        meter = bar.Progress(len(texts) * len(self.engines)) if show and texts else None
        out = list(texts)
        for engine in self.engines:
            out = engine.translate(out, progress=meter.update if meter else None)
        if meter:
            meter.close()
        return out

    def draft(self, items: Sequence[tuple[str, Sequence["TermMatch"]]], markup: str = "") -> list[Draft]:
        """Drafts of *items* (text, its glossary matches). *markup* (:mod:`toolkit.markup`: "tags",
        "markdown") is masked too, so the model never sees it and every token comes back in order;
        a term with markup inside it is left to the model (masking it would drop its markup)."""
        from toolkit import markup as inline

        masked = [terms.protect(text, [m for m in matches if not inline.tokens(m.text, markup)] if markup else matches,
                                self.lang, self.style) for text, matches in items]
        hidden = [inline.mask(m.text, markup) for m in masked]
        todo = [i for i, m in enumerate(masked) if m.text.strip()]
        raw = self.translate([hidden[i].text for i in todo])
        self.calls += len(todo)
        texts = [""] * len(items)
        for i, text in zip(todo, raw):
            texts[i] = terms.restore(inline.unmask(text, hidden[i]), masked[i])
        drafts = []
        for (_, matches), text in zip(items, texts):
            if self.lang == "km":
                from toolkit.lang.khmer import normalize

                text = normalize(text)
            missing = terms.missing_terms(text, matches, self.lang)
            has_terms = any(m.targets.get(self.lang) for m in matches)
            drafts.append(Draft(text=text, enforced=has_terms and not missing, missing=missing))
        return drafts


def find_route(src: str, tgt: str, models_dir: Path | None = None) -> list[packages.ModelPackage]:
    """The packages to run: the direct pair, else ``src->en`` + ``en->tgt``."""
    direct = packages.find(src, tgt, models_dir)
    if direct is not None:
        return [direct]
    if PIVOT not in (src, tgt):
        first, second = packages.find(src, PIVOT, models_dir), packages.find(PIVOT, tgt, models_dir)
        if first is not None and second is not None:
            return [first, second]
    raise packages.not_found(src, tgt, models_dir)


def open_drafter(src: str, tgt: str, *, glossary: "Glossary | None", options: MTOptions | None = None,
                 style: str = terms.DEFAULT_STYLE) -> ArgosDrafter:
    """Load the model(s) for *src* -> *tgt* with *options* (:class:`~toolkit.mt.options.MTOptions`;
    the engine is ``options.engine`` from :mod:`toolkit.mt.registry`); see the module docstring.

    Raises MTUnavailableError without the ``[mt]`` extra and ModelNotFoundError (exit 3) when no
    package or pivot exists. *style*: the placeholder style of :mod:`toolkit.mt.terms`
    (``"none"`` disables masking).
    """
    options = options or MTOptions()
    engine = registry.engine_class(options.engine)
    route = find_route(src, tgt, options.models_dir)
    return ArgosDrafter([engine(p, options) for p in route], tgt, progress=options.progress, style=style)
