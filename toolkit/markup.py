"""Inline markup inside a msgid, in one place: what it looks like, how to see through it, and
when a translation broke it. Used by the source formats (segmentation), MT (masking), glossary
recognition and the ``markup`` check.

Two kinds:

* ``tags``: the paired placeholders of HTML and Word sources, ``<g1>…</g1>`` for an inline
  element or a run of other formatting, ``<x1/>`` for an empty one (a line break, an image).
  Numbers are unique in a msgid; a translation may move a pair, never split or drop it.
* ``markdown``: the Markdown itself (``**bold**``, ``[text](url)``, `` `code` ``), as translators
  of Markdown expect to see it; the check compares what markdown-it parses out of both sides.

Each is a small, dependency-free rule set (markdown-it is imported only by the Markdown check).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

KINDS = ("", "tags", "markdown")
TAG = re.compile(r"<(/?)g(\d+)>|<x(\d+)/>")
#: Markdown syntax that is not words: code spans, link destinations (with title), image and link
#: brackets, emphasis and strike runs, autolinks and inline HTML tags, hard-break backslashes.
MARKDOWN_TOKEN = re.compile(
    r"(`+)[^`]*?\1(?!`)"
    r"|\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
    r"|\]\[[^\]]*\]"
    r"|!?\[|\]"
    r"|\*+|~~|(?<![0-9A-Za-z])_+|_+(?![0-9A-Za-z])"
    r"|<[A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*>|</?[A-Za-z][^<>]*>"
)


_MARKDOWN_EXTENSIONS = (".md", ".markdown")
# entry_kind's first tests (and all_plain's, for a batch): a msgid without it has no tags, a
# reference without one of these names no Markdown file (".M" catches ".MD", ".Markdown").
_TAG_SIGN = "<"
_MARKDOWN_HINTS = (".md", ".markdown", ".M")


def entry_kind(msgid: str, references: Sequence[str]) -> str:
    """The markup of a catalog entry: ``tags`` when its msgid has placeholders, ``markdown`` when
    it comes from a Markdown document (its ``#:`` references), else "" (plain text)."""
    if _TAG_SIGN in msgid and TAG.search(msgid):  # every check asks: the common case stays cheap
        return "tags"
    for ref in references:
        if any(hint in ref for hint in _MARKDOWN_HINTS):
            path = ref.rsplit(":", 1)[0] if ":" in ref else ref
            if path.lower().endswith(_MARKDOWN_EXTENSIONS):
                return "markdown"
    return ""


def all_plain(msgids: Sequence[str], references: Sequence[Sequence[str]]) -> bool:
    """True if :func:`entry_kind` surely says "" for each msgid and its references, told for a
    batch by substring searches over them joined (its own first tests): no ``<`` in a msgid, no
    ``.md``, ``.markdown`` or ``.M`` in a reference."""
    if _TAG_SIGN in "\x00".join(msgids):
        return False
    refs = "\x00".join(map("\x00".join, references))
    return not any(hint in refs for hint in _MARKDOWN_HINTS)


def visible(text: str, kind: str) -> str:
    """*text* without its markup of *kind*: what the text checks (numbers, punctuation, glossary)
    compare, so ``<g1>`` is no number and a term split by markup is still the term."""
    return plain(text, kind)[0] if kind else text


def token_pattern(kind: str) -> re.Pattern[str] | None:
    """The markup tokens of *kind* (None for plain text)."""
    return TAG if kind == "tags" else MARKDOWN_TOKEN if kind == "markdown" else None


def tokens(text: str, kind: str) -> list[tuple[int, int]]:
    """Spans of the markup tokens of *text*."""
    pattern = token_pattern(kind)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def blank(text: str, kind: str) -> str:
    """*text* with each markup token replaced by as many spaces (offsets stay valid): what the
    segmenter sees, so a ``**`` or ``</g1>`` never hides a sentence end."""
    pattern = token_pattern(kind)
    if pattern is None:
        return text
    return pattern.sub(lambda m: " " * (m.end() - m.start()), text)


def plain(text: str, kind: str) -> tuple[str, list[int]]:
    """*text* without its markup tokens, and for each character of the result (plus the end)
    its offset in *text*: how glossary recognition sees through ``the <g1>Ministry</g1> of``."""
    spans = tokens(text, kind)
    if not spans:
        return text, list(range(len(text) + 1))
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for a, b in (*spans, (len(text), len(text))):
        out.append(text[pos:a])
        where.extend(range(pos, a))
        pos = b
    where.append(len(text))
    return "".join(out), where


def find_terms(glossary: object, text: str, kind: str) -> list:
    """``glossary.find(text)`` seeing through markup: the terms of the text without its markup,
    with offsets (and ``text``) of *text* — a term wrapped in markup spans it."""
    from dataclasses import replace

    stripped, where = plain(text, kind)
    found = glossary.find(stripped)  # type: ignore[attr-defined]
    if stripped == text:
        return list(found)
    out = []
    for m in found:
        start, end = where[m.start], where[m.end - 1] + 1
        out.append(replace(m, start=start, end=end, text=text[start:end]))
    return out


# -- masking for MT ----------------------------------------------------------------------------

#: The placeholder MT sees for markup token n, and a pattern tolerant of the model's spacing
#: (same ASCII style as :mod:`toolkit.mt.terms`, a different word so the two never mix).
MASK = "XTAG{n}X"
_MASK_RE = re.compile(r"X\s*TAG\s*([0-9\u17e0-\u17e9]+)\s*X", re.IGNORECASE)


@dataclass(frozen=True)
class Masked:
    text: str
    tokens: tuple[str, ...]


def mask(text: str, kind: str) -> Masked:
    """Replace each markup token of *text* by ``XTAG<n>X`` (the model never sees markup)."""
    pattern = token_pattern(kind)
    if pattern is None:
        return Masked(text, ())
    found: list[str] = []

    def put(m: re.Match[str]) -> str:
        found.append(m.group(0))
        return MASK.format(n=len(found) - 1)

    return Masked(pattern.sub(put, text), tuple(found))


def unmask(output: str, masked: Masked) -> str:
    """Put the markup back where the model left its placeholders; a placeholder the model lost
    goes back in its source order before the next one still present (or at the end), so the
    markup of a draft is always complete and in order."""
    if not masked.tokens:
        return output
    digits = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
    pieces: list[tuple[int, int, int]] = []  # (start, end, n) of placeholders present, first use only
    used: set[int] = set()
    for m in _MASK_RE.finditer(output):
        n = int(m.group(1).translate(digits))
        if n < len(masked.tokens) and n not in used and (not pieces or n > pieces[-1][2]):
            pieces.append((m.start(), m.end(), n))
            used.add(n)
    out: list[str] = []
    pos, next_n = 0, 0
    for start, end, n in pieces:
        out.append(output[pos:start])
        out.extend(masked.tokens[next_n:n + 1])
        next_n, pos = n + 1, end
    out.append(output[pos:])
    out.extend(masked.tokens[next_n:])
    return _MASK_RE.sub("", "".join(out))


# -- the check ---------------------------------------------------------------------------------

def tag_problems(source: str, translation: str) -> list[str]:
    """What is wrong with the tag placeholders of *translation* against *source*: missing,
    extra, a closing tag before its opening one, or pairs that cross (``<g1><g2></g1></g2>``)."""
    def items(text: str) -> list[str]:
        return [m.group(0) for m in TAG.finditer(text)]

    want, got = Counter(items(source)), Counter(items(translation))
    problems = [f"missing {tag}" for tag in want - got] + [f"extra {tag}" for tag in got - want]
    if problems:
        return problems
    stack: list[str] = []
    for m in TAG.finditer(translation):
        closing, number = m.group(1), m.group(2)
        if number is None:
            continue
        if not closing:
            stack.append(number)
        elif not stack or stack[-1] != number:
            return [f"{m.group(0)} closes {'nothing' if not stack else f'<g{stack[-1]}> wrongly'} "
                    "(paired markup must nest)"]
        else:
            stack.pop()
    return []


def _markdown_items(text: str) -> list[str]:
    from markdown_it import MarkdownIt

    if not _MD:
        _MD.append(MarkdownIt("commonmark").enable(["table", "strikethrough"]))
    md = _MD[0]
    found: list[str] = []
    for block in md.parse(text):
        for tok in block.children or ():
            if tok.type in ("text", "softbreak"):
                continue
            if tok.type == "code_inline":
                found.append(f"`{tok.content}`")
            elif tok.type == "link_open":
                found.append(f"link to {tok.attrs.get('href')}")
            elif tok.type == "image":
                found.append(f"image {tok.attrs.get('src')}")
            elif tok.type == "html_inline":
                found.append(tok.content)
            elif tok.type.endswith("_open"):
                found.append(tok.markup + "…" + tok.markup)
            elif tok.type == "hardbreak":
                found.append("line break")
    return found


_MD: list = []


def markdown_problems(source: str, translation: str) -> list[str]:
    """Markdown markup of *source* missing from *translation* or added to it (emphasis, links and
    their URLs, images, code spans, inline HTML), as markdown-it parses both."""
    want, got = Counter(_markdown_items(source)), Counter(_markdown_items(translation))
    return [f"missing {item}" for item in want - got] + [f"extra {item}" for item in got - want]


def problems(source: str, translation: str, kind: str) -> list[str]:
    """The markup problems of *translation* (see :func:`tag_problems`, :func:`markdown_problems`)."""
    if kind == "tags":
        return tag_problems(source, translation)
    if kind == "markdown":
        return markdown_problems(source, translation)
    return []


def balanced_tags(text: str) -> bool:
    """Every ``<gN>`` of *text* is closed inside it and every ``</gN>`` opened (a sentence of a block
    may only stand alone if this holds)."""
    stack: list[str] = []
    for m in TAG.finditer(text):
        if m.group(2) is None:
            continue
        if not m.group(1):
            stack.append(m.group(2))
        elif not stack or stack.pop() != m.group(2):
            return False
    return not stack


def split_points(text: str, blanked: str, cuts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans *cuts* (found in the :func:`blank`-ed text) widened over the markup that
    touches them: ``**end.**`` keeps its closing ``**``, ``[Next`` its bracket. The spans stay
    disjoint and in order (two sentences joined by markup become one)."""
    n = len(text)

    def markup(i: int) -> bool:
        return blanked[i] == " " and text[i] != " "

    merged: list[tuple[int, int]] = []
    for a, b in cuts:
        floor = merged[-1][1] if merged else 0  # markup touching two sentences goes to the first
        while a > floor and markup(a - 1):
            a -= 1
        while b < n and markup(b):
            b += 1
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
