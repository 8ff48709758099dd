"""The Khmer that reviewed translations of a term share: spans compared normalized, on cluster
boundaries, without zero-width spaces, scored by Dice against the whole corpus.

For a candidate found in the msgids of *k* reviewed entries, every span of the two shortest
msgstrs that starts and ends on a Khmer cluster boundary is counted in the others (support *a*,
non-increasing as the span grows, so the scan stops early; only the longest span per start and
support is kept). The corpus count *f* of each kept span (how often it occurs in all reviewed
msgstrs, counted for every candidate's spans in one Aho-Corasick scan) makes the association
score ``Dice = 2a / (k + f)``: a span that every entry
has and that occurs nowhere else scores 1, a common word (``ក្រសួង``) scores low. Equal scores
go to the longer span — the whole name the entries agree on, not a piece of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from toolkit.lang import khmer

MAX_CLUSTERS = 24  # the longest proposal, in cluster boundaries (a long organisation name)
REFERENCES = 2  # texts whose spans are tried: a span two texts share is in one of the two shortest
MAX_ENTRIES = 12  # evidence compared per candidate (more adds time, not accuracy)
MAX_SPANS = 12  # shared spans per candidate that are scored against the corpus
MIN_SCORE = 0.2
RELATIVE = 0.6  # a second proposal must score at least this share of the best one


def prepare(text: str) -> str:
    """A msgstr as spans are compared: normalized, zero-width characters removed, spaces single."""
    return " ".join(khmer.strip_invisible(khmer.normalize(text)).split())


#: Khmer function words (did, at, and, that, of, is, will, from, for, to, in, say ...): a name
#: neither starts nor ends with one, but two translations of a name often continue with the same
#: one (``…បាទីបាន`` "… did"), so they are cut off a shared span's edges.
FUNCTION_WORDS = ("បាន", "នៅ", "និង", "ដែល", "របស់", "ក្នុង", "មាន", "នឹង", "ឱ្យ", "ហើយ", "ដល់", "សម្រាប់",
                  "ដោយ", "កាលពី", "ត្រូវ", "នេះ", "នោះ")
#: (Short words such as ជា "is" or ពី "from" are left out: names end with those letters, កម្ពុជា.)


def trim(span: str) -> str:
    """*span* without function words at its edges (on cluster boundaries), if something is left."""
    changed = True
    while changed:
        changed = False
        for word in FUNCTION_WORDS:
            if span.endswith(word) and len(span) > len(word) and khmer.is_cluster_boundary(span, len(span) - len(word)):
                span, changed = span[:-len(word)].rstrip(), True
            if span.startswith(word) and len(span) > len(word) and khmer.is_cluster_boundary(span, len(word)):
                span, changed = span[len(word):].lstrip(), True
    return span


_PUNCT = frozenset("\u17d4\u17d5\u17d6\u17d7\u17d8\u17d9\u17da")


def _letter(ch: str) -> bool:
    """True if a span may end with *ch*: a Khmer letter, sign or digit, not punctuation."""
    return khmer.is_khmer_char(ch) and ch not in _PUNCT


@dataclass(frozen=True)
class Shared:
    """A span that several of a candidate's texts have: which ones (indexes into the texts)."""

    term: str
    having: tuple[int, ...]


def _spans(texts: list[str], r: int, found: dict[str, tuple[int, ...]]) -> None:
    """Right-maximal spans of ``texts[r]`` that another text has too (the longest span from each
    start for each number of texts that have it), into *found*."""
    ref = texts[r]
    bounds = [i for i in range(len(ref) + 1) if khmer.is_cluster_boundary(ref, i)]
    for bi, i in enumerate(bounds):
        if i >= len(ref) or not khmer.is_khmer_char(ref[i]) or not ref[i].isalpha():
            continue
        last: tuple[str, tuple[int, ...]] | None = None
        among = [x for x in range(len(texts)) if x != r]  # a longer span is only in texts that had the shorter
        for j in bounds[bi + 1:bi + 1 + MAX_CLUSTERS]:
            if not _letter(ref[j - 1]):
                continue
            span = ref[i:j]
            among = [x for x in among if span in texts[x] and khmer.find_on_boundaries(texts[x], span)]
            having = tuple(sorted([r, *among]))
            if last is not None and having != last[1]:
                found.setdefault(last[0], last[1])
            if len(having) < 2:
                last = None
                break  # a longer span is in no more texts
            last = (span, having)
        if last is not None:
            found.setdefault(last[0], last[1])


def shared_spans(texts: Sequence[str]) -> list[Shared]:
    """The spans the prepared *texts* share (at least two of them), maximal: a span is dropped
    when a longer one that contains it is in the same texts. At most :data:`MAX_SPANS`, the most
    widely shared (then longest) first."""
    texts = list(texts[:MAX_ENTRIES])
    if len(texts) < 2:
        return []
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    found: dict[str, tuple[int, ...]] = {}
    for r in order[:REFERENCES]:
        _spans(texts, r, found)
    trimmed: dict[str, tuple[int, ...]] = {}
    for span, having in found.items():
        short = trim(span)
        if len(trimmed.get(short, ())) < len(having):
            trimmed[short] = having
    ranked = sorted(trimmed.items(), key=lambda kv: (-len(kv[1]), -len(kv[0])))
    kept: list[Shared] = []
    for span, having in ranked:
        if any(having == k.having and span in k.term for k in kept):
            continue
        kept.append(Shared(span, having))
        if len(kept) == MAX_SPANS:
            break
    return kept


def corpus_counts(spans: Iterable[str], corpus: Iterable[str]) -> dict[str, int]:
    """How many times each span occurs in the *corpus* texts: one Aho-Corasick scan for all spans
    of all candidates (counting each span's occurrences apart would read the corpus once per span)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for span in set(spans):
        automaton.add_word(span, span)
    counts = dict.fromkeys(set(spans), 0)
    if not counts:
        return counts
    automaton.make_automaton()
    for text in corpus:
        for _end, span in automaton.iter(text):
            counts[span] += 1
    return counts


@dataclass(frozen=True)
class Aligned:
    """A Khmer span shared by reviewed translations of a term, with its score and evidence."""

    term: str
    score: float
    support: int  # entries that have it
    entries: int  # entries compared
    evidence: tuple[str, ...]  # where the entries are (file:line)


def best(spans: Sequence[Shared], entries: int, counts: dict[str, int], where: Sequence[str],
         top: int = 3) -> list[Aligned]:
    """The best of a candidate's shared *spans* by ``Dice = 2a / (k + f)`` (*entries* is k, the
    corpus counts f), longer first on equal scores; pieces and extensions of a better one dropped."""
    k = min(entries, MAX_ENTRIES)
    scored = []
    for s in spans:
        a = len(s.having)
        f = max(counts.get(s.term, 0), a)
        scored.append((2 * a / (k + f), s))
    scored.sort(key=lambda x: (-x[0], -len(x[1].term)))
    out: list[Aligned] = []
    for score, s in scored:
        if score < MIN_SCORE or out and score < RELATIVE * out[0].score:
            break
        if any(s.term in o.term or o.term in s.term for o in out):
            continue  # a piece of a better span, or that span with some context
        out.append(Aligned(s.term, round(score, 3), len(s.having), k, tuple(where[i] for i in s.having)))
        if len(out) == top:
            break
    return out


def shared(texts: Sequence[str], corpus: Sequence[str], where: Sequence[str], top: int = 3) -> list[Aligned]:
    """:func:`shared_spans` scored against *corpus* and ranked by :func:`best` (one candidate)."""
    spans = shared_spans(texts)
    return best(spans, len(texts), corpus_counts([s.term for s in spans], corpus), where, top)
