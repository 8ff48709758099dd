"""Any mix of Markdown or HTML syntax (broken nesting, stray brackets, NULs, CR LF) extracts without
an error, builds back byte for byte with an identity translation, and builds with every sentence
translated."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.catalog.message import message_text
from toolkit.sources import get_format

MARKDOWN = ["# ", "> ", "- ", "1. ", "  ", "\t", "*", "**", "_", "`", "```", "[", "](", ")", "!", "|", "---",
            "\n", "\n\n", "\r\n", "The council met. ", "Mr. Chan left. ", "<b>", "</b>", "\\", "&amp;",
            "title: x\n", "ក្រសួង។ ", "    code\n", "| a | b |\n|---|---|\n"]
HTML = ["<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a href='x' title=\"The law. Now.\">", "</a>", "<br>",
        "<img alt=Map>", "<script>", "</script>", "<!--", "-->", "&amp;", "&nbsp;", "&#", "<", ">",
        "The council met. ", "Two. ", "\n", "<li>", "<td>", "<pre>", "</pre>", "<code>", "</code>",
        "<title>", "</title>", "<meta name=description content='It rained. A lot.'>", "\x00", "<html lang=en>"]


def _round_trip(name: str, text: str) -> None:
    fmt = get_format(name)
    doc = fmt.extract(text, segment_options={})
    msgids = {message_text(s.text) for s in doc.segments}
    assert fmt.render(doc, {m: m for m in msgids}, "km") == text
    assert isinstance(fmt.render(doc, {m: "ក " + m for m in msgids}, "km"), str)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN), max_size=40).map("".join))
def test_markdown_any_mix(text: str) -> None:
    _round_trip("markdown", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HTML), max_size=40).map("".join))
def test_html_any_mix(text: str) -> None:
    _round_trip("html", text)
