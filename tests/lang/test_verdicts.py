"""MT term verification and the ``glossary-missing`` check give the same verdict on any text.

Both ask :func:`toolkit.lang.khmer.has_term`; this property test holds them to it end to end:
MT through :func:`toolkit.mt.terms.missing_terms` on the glossary's own recognition, the check
through :func:`toolkit.checks.run_checks` on a real PO file. Generated targets and drafts mix
Khmer clusters, Latin letters, both digit sets, spaces, ZWSP and misordered sequences.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.checks import run_checks
from toolkit.glossary import Glossary
from toolkit.glossary.model import Concept, Term
from toolkit.mt.terms import missing_terms

SOURCE = "The Ministry of Roads said so."
PIECES = ["ក", "ក្រ", "សួង", "លេខ", "៥", "5", "០", "0", "ស្ដី", "ស្តី", "ុំ", "ំុ", "ា", "UN", "UNDP", "DP",
          "un", " ", "\u200b", "-", ".", "។", "ថ្នល់", "ផ្លូវ", "A", "b"]
text_st = st.lists(st.sampled_from(PIECES), min_size=0, max_size=8).map("".join)


def _glossary(target: str) -> Glossary:
    terms = (Term("Ministry of Roads", "en"), Term(target, "km"))
    return Glossary([Concept("ministry-of-roads", "organisation", terms, "test")])


def _po(msgstr: str) -> str:
    return ('msgid ""\nmsgstr ""\n"Language: km\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'msgid "{SOURCE}"\nmsgstr "{msgstr}"\n')


def _verdicts(target: str, draft: str, tmp_path: Path) -> tuple[bool, bool]:
    glossary = _glossary(target)
    mt_missing = bool(missing_terms(draft, glossary.find(SOURCE), "km"))
    po = tmp_path / "km.po"
    po.write_text(_po(draft), encoding="utf-8")
    result = run_checks([po], glossary=glossary)
    check_missing = any(f.check == "glossary-missing" for f in result.findings)
    return mt_missing, check_missing


@pytest.mark.parametrize(("target", "draft", "missing"), [
    ("UN", "គម្រោង UNDP", True),          # not inside a Latin word
    ("UN", "គម្រោង UN ថ្មី", False),
    ("ផ្លូវលេខ៥", "តាមផ្លូវលេខ5។", False),  # Khmer digits are digits
    ("ក្រសួង", "ក្រ\u200bសួង", False),     # ZWSP is not content
    ("ក", "ក្រសួង", True),                 # a consonant inside a cluster is not the term
])
def test_known_cases(target: str, draft: str, missing: bool, tmp_path: Path) -> None:
    assert _verdicts(target, draft, tmp_path) == (missing, missing)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=text_st.filter(lambda t: t.strip(" \u200b-.")), before=text_st, middle=text_st, after=text_st,
       include=st.booleans())
def test_same_verdict(target: str, before: str, middle: str, after: str, include: bool, tmp_path: Path) -> None:
    draft = before + (target if include else middle) + after
    if not draft:
        return  # an empty msgstr is untranslated: no check looks at it, and MT never drafts it
    mt_missing, check_missing = _verdicts(target, draft, tmp_path)
    assert mt_missing == check_missing, (target, draft)
