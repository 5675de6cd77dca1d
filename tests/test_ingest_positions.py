"""Property: whatever the layout, every character of an article maps back to the file."""

from __future__ import annotations

import html
import json

from hypothesis import given, settings, strategies as st

from factcheck.ingest.cms import read_cms
from factcheck.ingest.html import read_html
from factcheck.ingest.plain import read_text

WORDS = st.sampled_from([
    "Output", "rose", "to", "1.9", "million", "bpd", "in", "March", "By", "Jane", "Doe",
    "for", "The", "Ledger", "café", "42%", "$3.5", "billion", "(Reuters)", "-", "MOSCOW,",
    "Read", "more", "said.", "Tuesday,", "April", "01,", "2025", "“quoted”", "&", "<b>",
])
LINE = st.lists(WORDS, min_size=0, max_size=30).map(" ".join)
SPACING = st.sampled_from(["", " ", "  ", "\t", "\u00a0"])
DOC = st.lists(st.tuples(SPACING, LINE, SPACING), min_size=1, max_size=40).map(
    lambda rows: "\n".join(a + b + c for a, b, c in rows))


def _check(articles, raw: str):
    lines = raw.split("\n")
    for art in articles:
        for offset, char in enumerate(art.text):
            if char.isspace():
                continue
            line, col = art.locate(offset)
            assert lines[line - 1][col] == char, (offset, line, col)


@settings(max_examples=150, deadline=None)
@given(DOC)
def test_plain_text_positions(raw):
    _check(read_text("f.txt", raw), raw)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(SPACING, LINE), min_size=1, max_size=15))
def test_html_positions(rows):
    raw = "<html><body>\n" + "\n".join(
        f"{pad}<p>{html.escape(text, quote=False)}</p>" for pad, text in rows) + "\n</body></html>"
    articles, _ = read_html("f.html", raw)
    lines = raw.split("\n")
    for art in articles:
        for offset, char in enumerate(art.text):
            if char.isspace():
                continue
            line, col = art.locate(offset)
            src = lines[line - 1][col:]
            assert src.startswith(char) or html.unescape(src[:8]).startswith(char), (char, src)


@settings(max_examples=100, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=8), st.booleans())
def test_json_positions(paragraphs, indent):
    body = "\n\n".join(paragraphs)
    raw = json.dumps([{"title": "Some Headline Here", "body": body}], indent=2 if indent else None)
    articles, _ = read_cms("f.json", raw)
    lines = raw.split("\n")
    for art in articles:
        for offset, char in enumerate(art.text):
            if char.isspace():
                continue
            line, col = art.locate(offset)
            src = lines[line - 1][col:]
            assert src.startswith(char) or json.loads(f'"{src[:6]}"').startswith(char), (char, src)
