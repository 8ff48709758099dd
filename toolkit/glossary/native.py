"""The native glossary format: one YAML file per domain, validated with ``path:line`` errors.

We compose YAML *nodes* (not plain Python objects) so every concept, term and key keeps its line
number; every problem in a file is collected and reported together. Unknown keys are errors, so a
typo (``stauts:``) never passes silently. The writer emits the same format back (used by
``toolkit glossary import``), one concept per block, strings quoted only when YAML needs it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import yaml

from toolkit.errors import GlossaryError
from toolkit.glossary.model import CONCEPT_STATUSES, DOMAINS, ID_RE, LANG_RE, STATUSES, Concept, Term

try:  # the C composer is several times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_SCALAR_TEXT = {_STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
FILE_KEYS = ("domain", "concepts")
CONCEPT_KEYS = ("id", "source", "note", "definition", "domain", "status")
TERM_KEYS = ("term", "status", "pos", "case_sensitive", "dnt", "note")


class _Reader:
    """Walks composed YAML nodes, collecting located problems instead of stopping at the first."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[GlossaryError] = []

    def error(self, node: yaml.Node | None, message: str, line: int | None = None) -> None:
        if line is None and node is not None:
            line = node.start_mark.line + 1
        self.problems.append(GlossaryError(message, path=self.path, line=line))

    def mapping(self, node: yaml.Node, what: str, allowed: Iterable[str],
                languages: bool = False) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Key -> (key node, value node); reports non-mappings, duplicate and unknown keys.

        With *languages*, BCP-47 codes are keys too (a concept's ``en:``, ``km:``).
        """
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping")
            return {}
        allowed = tuple(allowed)
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if not isinstance(name, str):
                self.error(key, f"{what}: keys must be plain text")
                continue
            if name in out:
                self.error(key, f"{what}: duplicate key {name!r}")
                continue
            if name not in allowed and not (languages and LANG_RE.match(name)):
                also = " or a language code such as en, km" if languages else ""
                self.error(key, f"{what}: unknown key {name!r} (expected one of: {', '.join(allowed)}{also})")
                continue
            out[name] = (key, value)
        return out

    def text(self, node: yaml.Node, what: str, *, required: bool = True) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TEXT:
            value = node.value
            if value.strip() or not required:
                return value
            self.error(node, f"{what} is empty")
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            if required:
                self.error(node, f"{what} is empty")
            return None
        self.error(node, f"{what} must be text")
        return None

    def flag(self, node: yaml.Node, what: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return node.value.lower() in ("true", "yes", "on")
        self.error(node, f"{what} must be true or false")
        return False


def _term(r: _Reader, node: yaml.Node, lang: str, index: int, cid: str) -> Term | None:
    line = node.start_mark.line + 1
    what = f"concept {cid!r}, {lang} term {index + 1}"
    if isinstance(node, yaml.ScalarNode):
        text = r.text(node, what)
        if text is None:
            return None
        return Term(text, lang, "preferred" if index == 0 else "admitted", line=line)
    fields = r.mapping(node, what, TERM_KEYS)
    if not fields and not isinstance(node, yaml.MappingNode):
        return None
    if "term" not in fields:
        r.error(node, f"{what}: missing required key 'term'")
        return None
    text = r.text(fields["term"][1], f"{what}: term")
    status = "preferred" if index == 0 else "admitted"
    if "status" in fields:
        value = r.text(fields["status"][1], f"{what}: status")
        if value is not None and value not in STATUSES:
            r.error(fields["status"][1], f"{what}: status {value!r} is not one of {', '.join(STATUSES)}")
        elif value is not None:
            status = value
    pos = r.text(fields["pos"][1], f"{what}: pos") if "pos" in fields else None
    note = r.text(fields["note"][1], f"{what}: note") if "note" in fields else None
    cs = r.flag(fields["case_sensitive"][1], f"{what}: case_sensitive") if "case_sensitive" in fields else False
    dnt = r.flag(fields["dnt"][1], f"{what}: dnt") if "dnt" in fields else False
    if text is None:
        return None
    return Term(text, lang, status, pos, cs, dnt, note, line)


def _concept(r: _Reader, node: yaml.Node, file_domain: str | None, index: int) -> Concept | None:
    line = node.start_mark.line + 1
    name = f"concept {index + 1}"
    if isinstance(node, yaml.MappingNode):  # name the concept by its id in messages, if it has one
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode):
                name = f"concept {value.value!r}"
    fields = r.mapping(node, name, CONCEPT_KEYS, languages=True)
    if not isinstance(node, yaml.MappingNode):
        return None
    cid = r.text(fields["id"][1], "concept id") if "id" in fields else None
    if "id" not in fields:
        r.error(node, f"concept {index + 1}: missing required key 'id'")
    elif cid is not None and not ID_RE.match(cid):
        r.error(fields["id"][1], f"concept id {cid!r} must match [a-z0-9][a-z0-9-]*")
    label = cid or f"#{index + 1}"
    source = r.text(fields["source"][1], f"concept {label!r}: source") if "source" in fields else None
    if "source" not in fields:
        r.error(node, f"concept {label!r}: missing required key 'source' (where the rendering comes from)")
    domain = file_domain
    if "domain" in fields:
        domain = r.text(fields["domain"][1], f"concept {label!r}: domain")
        if domain is not None and domain not in DOMAINS:
            r.error(fields["domain"][1], f"concept {label!r}: domain {domain!r} is not one of {', '.join(DOMAINS)}")
            domain = None
    elif file_domain is None:
        r.error(node, f"concept {label!r}: no domain (set it on the file or the concept)")
    note = r.text(fields["note"][1], f"concept {label!r}: note") if "note" in fields else None
    definition = r.text(fields["definition"][1], f"concept {label!r}: definition") if "definition" in fields else None
    status = "approved"
    if "status" in fields:
        value = r.text(fields["status"][1], f"concept {label!r}: status")
        if value is not None and value not in CONCEPT_STATUSES:
            r.error(fields["status"][1],
                    f"concept {label!r}: status {value!r} is not one of {', '.join(CONCEPT_STATUSES)}")
        elif value is not None:
            status = value
    terms: list[Term] = []
    langs = [k for k in fields if k not in CONCEPT_KEYS]
    for lang in langs:
        value = fields[lang][1]
        if not isinstance(value, yaml.SequenceNode) or not value.value:
            r.error(value, f"concept {label!r}: {lang} must be a non-empty list of terms")
            continue
        for i, item in enumerate(value.value):
            term = _term(r, item, lang, i, label)
            if term is not None:
                terms.append(term)
    if not langs:
        r.error(node, f"concept {label!r}: no terms (add language keys such as en: and km:)")
    if cid is None or source is None or domain is None or not terms:
        return None
    return Concept(cid, domain, tuple(terms), source, note, definition, r.path, line, status)


def parse_native(text: str, path: str) -> tuple[list[Concept], list[GlossaryError]]:
    """Concepts of one native file and every problem found in it."""
    r = _Reader(path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        r.error(None, f"invalid YAML: {exc.problem or exc.context}", line=None if mark is None else mark.line + 1)
        return [], r.problems
    if root is None:
        r.error(None, "empty glossary file (expected 'domain:' and 'concepts:')", line=1)
        return [], r.problems
    fields = r.mapping(root, "file", FILE_KEYS)
    domain = None
    if "domain" in fields:
        domain = r.text(fields["domain"][1], "domain")
        if domain is not None and domain not in DOMAINS:
            r.error(fields["domain"][1], f"domain {domain!r} is not one of {', '.join(DOMAINS)}")
            domain = None
    concepts: list[Concept] = []
    if "concepts" not in fields:
        if isinstance(root, yaml.MappingNode):
            r.error(root, "missing required key 'concepts'")
        return [], r.problems
    seq = fields["concepts"][1]
    if not isinstance(seq, yaml.SequenceNode):
        r.error(seq, "concepts must be a list")
        return [], r.problems
    for i, node in enumerate(seq.value):
        concept = _concept(r, node, domain, i)
        if concept is not None:
            concepts.append(concept)
    return concepts, r.problems


# ---------------------------------------------------------------------------------------------
# Writing


def _scalar(value: str) -> str:
    """A YAML scalar for *value* that reads back as the same string, in block or flow context.

    Dumping a one-item flow list gives the flow-safe form (plain when possible, else quoted).
    """
    if any(ch < " " or ch in "\x7f\x85\u2028\u2029\ufeff" for ch in value):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    dumped = yaml.safe_dump([value], allow_unicode=True, default_flow_style=True, width=10**9)
    return dumped.strip()[1:-1]


def _term_yaml(term: Term, index: int) -> str:
    implied = "preferred" if index == 0 else "admitted"
    plain = term.status == implied and not (term.pos or term.case_sensitive or term.dnt or term.note)
    if plain:
        return _scalar(term.text)
    parts = [f"term: {_scalar(term.text)}"]
    if term.status != implied or index == 0 and term.status != "preferred":
        parts.append(f"status: {term.status}")
    if term.pos:
        parts.append(f"pos: {_scalar(term.pos)}")
    if term.case_sensitive:
        parts.append("case_sensitive: true")
    if term.dnt:
        parts.append("dnt: true")
    if term.note:
        parts.append(f"note: {_scalar(term.note)}")
    return "{" + ", ".join(parts) + "}"


def dump_native(concepts: Iterable[Concept], domain: str | None = None, header: str | None = None) -> str:
    """Native YAML for *concepts* (the file's domain is the most common one unless given)."""
    concepts = list(concepts)
    if domain is None:
        counts: dict[str, int] = {}
        for c in concepts:
            counts[c.domain] = counts.get(c.domain, 0) + 1
        domain = max(counts, key=lambda d: counts[d]) if counts else "general"
    lines = [f"# {header}"] if header else []
    lines += [f"domain: {domain}", "concepts:"]
    for c in concepts:
        lines.append(f"  - id: {c.id}")
        lines.append(f"    source: {_scalar(c.source)}")
        if c.domain != domain:
            lines.append(f"    domain: {c.domain}")
        if c.status != "approved":
            lines.append(f"    status: {c.status}")
        if c.note is not None:
            lines.append(f"    note: {_scalar(c.note)}")
        if c.definition is not None:
            lines.append(f"    definition: {_scalar(c.definition)}")
        for lang in c.languages_in_order:
            lines.append(f"    {lang}:")
            for i, t in enumerate(c.terms_in(lang)):
                lines.append(f"      - {_term_yaml(t, i)}")
    return "\n".join(lines) + "\n"


def read_native(path: Path, text: str) -> list[Concept]:
    """Concepts of a native file; raises ProblemsError listing every problem."""
    from toolkit.errors import ProblemsError

    concepts, problems = parse_native(text, str(path))
    if problems:
        raise ProblemsError(problems)
    return concepts
