"""The review report as one self-contained HTML page.

What the page promises, and the tests hold it to (tests/report/):

* **no request of any kind**: styles and the script are inline, the chart is inline SVG, no font,
  image or URL is referenced; a Content-Security-Policy (``default-src 'none'``) in the page
  makes the browser refuse anything that would slip in;
* **readable without JavaScript**: every entry, term, finding and the translated document are
  plain HTML; the script only adds the filter bar (status, origin, check, glossary concept, free
  text), whose state is kept in the address's ``#`` part (``report.html#check=numbers``), so a
  filtered view can be linked and reloaded;
* **Khmer renders well**: a font stack that finds a Khmer font on Windows (Khmer UI, Leelawadee
  UI, DaunPenh), macOS/iOS (Khmer Sangam MN, Khmer MN), Linux (Khmer OS, Noto Sans/Serif Khmer)
  and Android (Noto Sans Khmer), a line height that leaves room for stacked subscripts and vowels
  above, and line breaks where the text allows (zero-width spaces are break opportunities;
  nothing forces a break inside a cluster);
* **scale**: entries off screen are not laid out (``content-visibility: auto``), filtering touches
  only the ``hidden`` attribute. Entries are ``display: block``, not list items: Chromium's
  list-item counters with ``content-visibility`` made the first render of a filtered
  10,000-entry page take 80 s instead of 2 s (``benchmarks/bench_report.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from html import escape
from pathlib import Path
from urllib.request import pathname2url

from toolkit import __version__
from toolkit.catalog.stats import Stats, WordStats
from toolkit.findings import Finding
from toolkit.report.model import HELD, Contents, Review, ReviewDocument, ReviewEntry, TermSpan

#: The page's Content-Security-Policy: nothing may be loaded; inline style and script only.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")

KHMER_FONTS = ('"Khmer OS", "Khmer OS System", "Khmer UI", "Leelawadee UI", "DaunPenh", "Khmer Sangam MN", '
               '"Khmer MN", "Noto Sans Khmer", "Noto Serif Khmer", "Hanuman", sans-serif')

ORIGIN_LABELS = {"mt": "MT draft", "tm": "TM match", "glossary": "glossary pre-fill", "merge": "merge guess",
                 "translator": "translator", "none": "—"}
STATE_LABELS = {"present": "✓ present", "missing": "✗ missing", "forbidden": "⚠ forbidden rendering",
                "untranslated": "not translated yet", "no-target": "no approved rendering"}

_CSS = """
:root{--ok:#2e7d32;--fz:#f9a825;--un:#b0bec5;--err:#c62828;--warn:#ef6c00;--info:#1565c0;--bg:#fafafa;--line:#ddd}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;padding:0 1.5rem 3rem;background:var(--bg);color:#212121;
 font:15px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,KHFONTS}
:lang(km){font-family:KHFONTS;line-height:2.1;font-size:1.07em}
h1{font-size:1.5rem;margin:1.2rem 0 .3rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--line)}
.muted{color:#616161}.small{font-size:.85em}
table{border-collapse:collapse;margin:.5rem 0 1rem;background:#fff}
th,td{border:1px solid var(--line);padding:.25rem .6rem;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}
svg.bars{display:block;max-width:100%;height:auto;margin:.5rem 0 1rem}
#filters{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);
 padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
#filters label{font-size:.85em}#filters input[type=search]{min-width:16rem}
ol.entries{list-style:none;margin:0;padding:0}
li.entry{display:block;background:#fff;border:1px solid var(--line);border-left:6px solid var(--un);margin:.6rem 0;
 padding:.5rem .8rem;content-visibility:auto;contain-intrinsic-size:auto 9rem}
li.st-translated{border-left-color:var(--ok)}li.st-fuzzy{border-left-color:var(--fz)}
.meta{font-size:.82em;color:#555;display:flex;flex-wrap:wrap;gap:.4rem;align-items:baseline}
.badge{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.9em;border:1px solid #999;background:#f5f5f5}
.b-translated{background:#e8f5e9;border-color:var(--ok)}.b-fuzzy{background:#fff8e1;border-color:var(--fz)}
.b-untranslated{background:#eceff1}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin:.4rem 0}
@media (max-width:700px){.pair{grid-template-columns:1fr}}
.src,.tgt{white-space:pre-wrap;overflow-wrap:break-word;padding:.2rem .4rem;border-radius:3px}
.tgt{background:#f7fbff}.tgt.empty{color:#9e9e9e;font-style:italic;background:#f5f5f5}
mark{background:none;border-bottom:2px solid #7e57c2;padding:0 1px;color:inherit}
mark.t-present{border-bottom-color:var(--ok);background:#e8f5e9}
mark.t-missing{border-bottom-color:var(--err);background:#ffebee}
mark.t-forbidden{border-bottom:2px dashed var(--err);background:#ffcdd2}
mark.t-untranslated,mark.t-no-target{border-bottom-color:#9e9e9e}
.gloss{font-size:.8em;color:#4527a0;margin-left:.15em}
ul.terms,ul.findings,ul.notes{margin:.2rem 0;padding-left:1.2rem;font-size:.88em}
li.s-present{color:var(--ok)}li.s-missing,li.s-forbidden{color:var(--err)}
li.sev-error{color:var(--err)}li.sev-warning{color:var(--warn)}li.sev-info{color:var(--info)}
.prev{font-size:.88em;margin:.2rem 0}.prev del{background:#ffebee;color:#b71c1c}
.prev ins{background:#e8f5e9;text-decoration:none}
details.built{margin:.8rem 0;background:#fff;border:1px solid var(--line);padding:.4rem .8rem}
details.built>div{white-space:pre-wrap;overflow-wrap:break-word}
code{font-size:.9em}
""".replace("KHFONTS", KHMER_FONTS)

# The filter bar: built from the entries' data attributes; its state lives in location.hash.
_JS = r"""
(function(){
var bar=document.getElementById('filters');if(!bar)return;bar.hidden=false;
var items=Array.prototype.slice.call(document.querySelectorAll('li.entry'));
var f={status:bar.querySelector('[name=status]'),origin:bar.querySelector('[name=origin]'),
check:bar.querySelector('[name=check]'),concept:bar.querySelector('[name=concept]'),q:bar.querySelector('[name=q]')};
var shown=document.getElementById('shown');var texts=null;
function has(list,v){return (' '+list+' ').indexOf(' '+v+' ')>=0;}
function apply(write){
 var t0=Date.now();
 var st=f.status.value,or=f.origin.value,ck=f.check.value,co=f.concept.value,q=f.q.value.trim().toLowerCase();
 if(q&&!texts){texts=items.map(function(e){return e.textContent.toLowerCase();});}
 var n=0;
 for(var i=0;i<items.length;i++){var d=items[i].dataset;
  var ok=(!st||d.status===st)&&(!or||d.origin===or)&&(!ck||(ck==='*'?d.checks!=='':has(d.checks,ck)))&&
   (!co||has(d.concepts,co))&&(!q||texts[i].indexOf(q)>=0);
  if(items[i].hidden===ok)items[i].hidden=!ok;if(ok)n++;}
 shown.textContent=n+' of '+items.length+' entries shown';
 var root=document.documentElement;root.setAttribute('data-shown',n);root.setAttribute('data-filter-ms',Date.now()-t0);
 if(write){var p=[];for(var k in f){if(f[k].value)p.push(k+'='+encodeURIComponent(f[k].value));}
  history.replaceState(null,'',p.length?'#'+p.join('&'):location.pathname+location.search);}
}
function read(){var h=location.hash.slice(1);if(h.indexOf('=')<0)return false;
 for(var k in f)f[k].value='';
 h.split('&').forEach(function(kv){var i=kv.indexOf('=');var k=kv.slice(0,i);
  if(f[k]){var v=decodeURIComponent(kv.slice(i+1));
   if(f[k].tagName==='SELECT'&&!f[k].querySelector('option[value="'+v.replace(/"/g,'')+'"]')){
    var o=document.createElement('option');o.value=o.textContent=v;f[k].appendChild(o);}
   f[k].value=v;}});return true;}
for(var k in f){f[k].addEventListener(k==='q'?'input':'change',function(){apply(true);});}
window.addEventListener('hashchange',function(){if(read())apply(false);});
read();apply(false);
document.documentElement.setAttribute('data-ready','1');
})();
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _marked(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """*text* escaped, with ``<mark>`` around each (start, end, class, extra HTML after) span;
    spans that overlap an earlier one are left out."""
    out: list[str] = []
    pos = 0
    for start, end, cls, after in sorted(spans, key=lambda s: (s[0], -s[1])):  # the longest of those at one place
        if start < pos or end <= start:
            continue
        out.append(_e(text[pos:start]))
        out.append(f'<mark class="{cls}">{_e(text[start:end])}</mark>{after}')
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _bars(rows: Sequence[tuple[str, Stats]], width: int = 720) -> str:
    """A horizontal stacked bar (translated / fuzzy / untranslated entries) per row, inline SVG."""
    label_w, bar_w, row_h = 230, width - 230 - 10, 26
    height = row_h * len(rows) + 24
    parts = [f'<svg class="bars" role="img" aria-label="Entries by status" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}">']
    for i, (label, s) in enumerate(rows):
        y = i * row_h + 4
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{_e(label[-34:])}</text>')
        x = float(label_w)
        for count, colour, name in ((s.translated, "#2e7d32", "translated"), (s.fuzzy, "#f9a825", "fuzzy"),
                                    (s.untranslated, "#b0bec5", "untranslated")):
            w = bar_w * count / s.entries if s.entries else 0
            if w:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="18" fill="{colour}">'
                             f'<title>{_e(label)}: {count} {name}</title></rect>')
            x += w
    legend_y = row_h * len(rows) + 16
    for j, (colour, name) in enumerate((("#2e7d32", "translated"), ("#f9a825", "fuzzy"),
                                        ("#b0bec5", "untranslated"))):
        lx = label_w + j * 120
        parts.append(f'<rect x="{lx}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{lx + 16}" y="{legend_y}" font-size="12">{name}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _origin_text(origins: dict[str, int] | object) -> str:
    if not isinstance(origins, dict) or not origins:
        return ""
    return ", ".join(f"{ORIGIN_LABELS.get(k, k)} {n}" for k, n in origins.items())


def _stats_row(label: str, s: Stats, w: WordStats, origins: object) -> str:
    fuzzy_origins = _origin_text(origins.get("fuzzy", {}) if isinstance(origins, dict) else {})
    return (f"<tr><td>{label}</td><td>{s.entries}</td><td>{s.translated}</td><td>{s.fuzzy}"
            f"{f'<br><span class=small>{_e(fuzzy_origins)}</span>' if fuzzy_origins else ''}</td>"
            f"<td>{s.untranslated}</td><td>{w.total}</td><td>{w.translated}</td><td>{w.fuzzy}</td>"
            f"<td>{w.untranslated}</td><td>{w.target}</td></tr>")


_STATS_HEAD = ("<tr><th rowspan=2></th><th colspan=4>entries</th><th colspan=5>words (pocount's rule; "
               "Khmer: runs between spaces and zero-width spaces)</th></tr>"
               "<tr><th>all</th><th>translated</th><th>fuzzy (origin)</th><th>untranslated</th>"
               "<th>source</th><th>translated</th><th>fuzzy</th><th>untranslated</th><th>target</th></tr>")


def _finding_item(f: Finding) -> str:
    return (f'<li class="sev-{_e(f.severity)}" data-check="{_e(f.check)}"><b>{_e(f.severity)}</b> '
            f'[{_e(f.check)}] {_e(f.message)}</li>')


def _term_item(t: TermSpan) -> str:
    targets = " | ".join(t.targets) or "—"
    extra = ""
    if t.state == "forbidden" and t.forbidden:
        extra = f' (deprecated: <span lang="km">{_e(" | ".join(t.forbidden))}</span>)'
    return (f'<li class="s-{t.state}" data-concept="{_e(t.concept)}">{_e(t.text)} → '
            f'<span lang="km">{_e(targets)}</span> <span class="state">{STATE_LABELS[t.state]}</span>{extra} '
            f'<span class="muted small">{_e(t.concept)}</span></li>')


def _entry(doc_index: int, e: ReviewEntry, link: str, lang: str) -> str:
    checks = " ".join(dict.fromkeys(f.check for f in e.findings))
    concepts = " ".join(dict.fromkeys(t.concept for t in e.terms))
    source_spans = []
    for t in e.terms:
        gloss = f'<span class="gloss" lang="km">{_e(t.targets[0])}</span>' if t.targets else ""
        source_spans.append((t.start, t.end, f"term t-{t.state}", gloss))
    target_spans = [(s, end, f"term t-{t.state}", "") for t in e.terms for s, end in t.found]
    prov = e.provenance
    prov_text = ORIGIN_LABELS.get(prov.kind, prov.kind)
    if prov.kind == "mt":
        prov_text += " (edited)" if prov.edited else " (unedited)"
    detail = f' title="{_e(prov.detail)}"' if prov.detail else ""
    parts = [
        f'<li class="entry st-{e.status}" id="d{doc_index}-l{e.line}" data-status="{e.status}" '
        f'data-origin="{prov.kind}" data-checks="{_e(checks)}" data-concepts="{_e(concepts)}">',
        f'<div class="meta"><a class="loc" href="{_e(link)}">{_e(link_text(e, link))}</a>'
        f'<span class="badge b-{e.status}">{e.status}</span>'
        f'<span class="badge origin"{detail}>{_e(prov_text)}</span>',
    ]
    if e.msgctxt is not None:
        parts.append(f'<span class="badge">context: {_e(e.msgctxt)}</span>')
    other_flags = [f for f in e.flags if f != "fuzzy"]
    if other_flags:
        parts.append(f'<span class="badge">{_e(", ".join(other_flags))}</span>')
    if e.references:
        parts.append(f'<span>source: {_e(" ".join(e.references))}</span>')
    parts.append("</div>")
    src = _marked(e.msgid, source_spans)
    if e.msgid_plural is not None:
        src += f'<br><span class="muted">plural:</span> {_e(e.msgid_plural)}'
    if e.msgid_plural is not None and e.msgstr_plural:
        tgt = "<br>".join(f'<span class="muted">[{i}]</span> {_e(form)}' for i, form in enumerate(e.msgstr_plural))
        empty = not any(e.msgstr_plural)
    else:
        tgt = _marked(e.msgstr, target_spans)
        empty = not e.msgstr
    parts.append(f'<div class="pair"><div class="src" lang="en">{src}</div>'
                 f'<div class="tgt{" empty" if empty else ""}" lang="{_e(lang)}">'
                 f'{tgt if not empty else "(not translated)"}</div></div>')
    if e.previous_diff:
        diff = "".join(_e(text) if op == "equal" else f"<{op[:3]}>{_e(text)}</{op[:3]}>"
                       for op, text in e.previous_diff)
        parts.append(f'<div class="prev"><span class="muted">source changed since this translation: </span>'
                     f'{diff}</div>')
    if e.translator_comment:
        parts.append(f'<div class="small muted">translator: {_e(e.translator_comment)}</div>')
    if e.terms:
        seen: set[str] = set()
        items = []
        for t in e.terms:
            if t.concept not in seen:
                seen.add(t.concept)
                items.append(_term_item(t))
        parts.append(f'<ul class="terms">{"".join(items)}</ul>')
    if e.findings:
        parts.append(f'<ul class="findings">{"".join(_finding_item(f) for f in e.findings)}</ul>')
    parts.append("</li>")
    return "".join(parts)


def link_text(e: ReviewEntry, link: str) -> str:
    """``name.po:LINE`` shown for an entry's link."""
    return f"{link.rsplit('/', 1)[-1]}:{e.line}"


def _href(path: str, base: Path | None) -> str:
    """A relative link from the report's directory to *path* (no scheme: nothing is fetched)."""
    target = Path(path).resolve()
    start = (base or Path.cwd()).resolve()
    try:
        rel = os.path.relpath(target, start)
    except ValueError:  # another drive on Windows: the bare file name
        rel = target.name
    return pathname2url(rel)


def _shown(path: str) -> str:
    """*path* relative to the working directory when it lies inside it (shorter titles)."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path


def _document(i: int, d: ReviewDocument, base: Path | None, contents: Contents) -> Iterator[str]:
    link = _href(d.path, base)
    title = f"{d.language} — {_shown(d.path)}"
    parts = [f'<section class="doc" id="doc-{i}" data-lang="{_e(d.language)}"><h2>{_e(title)}</h2>',
             f'<p class="muted small">source document: {_e(d.source or "—")}'
             f'{f"; {d.obsolete} obsolete entries not shown" if d.obsolete else ""}</p>',
             f"<table>{_STATS_HEAD}{_stats_row(_e(d.language), d.stats, d.words, d.origins)}</table>",
             _bars([(Path(d.path).name, d.stats)])]
    if d.findings:
        parts.append(f'<ul class="findings">{"".join(_finding_item(f) for f in d.findings)}</ul>')
    text = contents.text(i, d)
    if text is not None or d.notes:
        notes = f'<ul class="notes">{"".join(f"<li>{_e(n)}</li>" for n in d.notes)}</ul>' if d.notes else ""
        parts.append(f'<details class="built"><summary>Translated document, as <code>toolkit build</code> '
                     f'writes it (reviewed translations only)</summary>{notes}')
        if text is not None:
            parts.append(f'<div lang="{_e(d.language)}">')
            yield "".join(parts)
            parts = []
            yield from (_e(piece) for piece in text)  # escaping is per character: pieces escape alike
            parts.append("</div>")
        else:
            parts.append('<p class="muted">not available</p>')
        parts.append("</details>")
    parts.append('<ol class="entries">')
    yield "".join(parts)
    yield from (_entry(i, e, link, d.language) for e in contents.entries(i, d))
    yield "</ol></section>"


def _overview(review: Review) -> str:
    s = review.summary
    rows = [_stats_row(_e(lang.language) + f' <span class="muted small">({lang.documents} doc.)</span>',
                       lang.stats, lang.words, lang.origins) for lang in review.languages]
    doc_rows = [_stats_row(f'<a href="#doc-{i}">{_e(Path(d.path).name)}</a> '
                           f'<span class="muted small">{_e(d.language)}</span>', d.stats, d.words, d.origins)
                for i, d in enumerate(review.documents)]
    bar_rows = [(f"{lang.language} (all)", lang.stats) for lang in review.languages]
    bar_rows += [(f"{d.language} {Path(d.path).name}", d.stats) for d in review.documents]
    parts = ['<section id="overview"><h2>Overview</h2>',
             f'<p id="summary">{_e(review.summary_line)}</p>',
             f'<table id="languages">{_STATS_HEAD}{"".join(rows)}</table>',
             f'<table id="documents">{_STATS_HEAD}{"".join(doc_rows)}</table>',
             _bars(bar_rows)]
    if review.findings_by_check:
        items = "".join(f'<tr><td><a href="#check={_e(c)}">{_e(c)}</a></td><td>{_e(sev)}</td><td>{n}</td></tr>'
                        for c, sev, n in review.findings_by_check)
        parts.append(f'<table id="findings-by-check"><tr><th>check</th><th>severity</th><th>findings</th></tr>'
                     f'{items}</table>')
    else:
        parts.append(f"<p>No findings ({len(review.checks)} checks ran).</p>")
    if review.problems:
        parts.append('<ul class="findings">' + "".join(f'<li class="sev-error">{_e(p)}</li>'
                                                        for p in review.problems) + "</ul>")
    parts.append(f'<p class="muted small">{s.files} catalog(s); checks: {_e(", ".join(review.checks))}</p>')
    parts.append("</section>")
    return "".join(parts)


def _options(values: Iterable[tuple[str, str]], everything: str) -> str:
    return f'<option value="">{everything}</option>' + "".join(
        f'<option value="{_e(v)}">{_e(label)}</option>' for v, label in values)


def _filters(review: Review) -> str:
    checks = dict.fromkeys(c for c, _, _ in review.findings_by_check)
    return (
        '<form id="filters" hidden onsubmit="return false">'
        '<label>status <select name="status">'
        + _options([(s, s) for s in ("translated", "fuzzy", "untranslated")], "any") + "</select></label>"
        '<label>origin <select name="origin">' + _options(list(ORIGIN_LABELS.items())[:-1], "any")
        + "</select></label>"
        '<label>check <select name="check">' + _options([("*", "any finding")] + [(c, c) for c in checks], "—")
        + "</select></label>"
        '<label>glossary term <select name="concept">'
        + _options([(c, f"{term} ({c})") for c, term in review.concepts.items()], "—") + "</select></label>"
        '<label>search <input type="search" name="q" placeholder="source, translation, message…"></label>'
        '<span id="shown" class="muted small"></span></form>'
    )


def render_html(review: Review, base: str | os.PathLike[str] | None = None) -> str:
    """The page for *review*; links to catalogs are relative to *base* (the directory the page is
    written to; default: the working directory)."""
    return "".join(html_pieces(review, base))


def html_pieces(review: Review, base: str | os.PathLike[str] | None = None,
                contents: Contents = HELD) -> Iterator[str]:
    """:func:`render_html` in pieces (an entry, a piece of the translated document…), the
    entries and texts taken from *contents* (:func:`toolkit.report.model.spooled_review`)."""
    base_path = Path(base) if base is not None else None
    langs = sorted({d.language for d in review.documents})
    title = "Translation review" + (f" — {', '.join(langs)}" if langs else "")
    yield (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="toolkit {_e(__version__)}">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>\n<body>"
        f"<h1>{_e(title)}</h1>" + _overview(review) + "\n" + _filters(review)
    )
    for i, d in enumerate(review.documents):
        yield "\n"
        yield from _document(i, d, base_path, contents)
    yield f"\n<script>{_JS}</script></body></html>\n"
