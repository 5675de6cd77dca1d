"""Plain text and Markdown: each article is a verbatim slice of the file's lines."""

from __future__ import annotations

import datetime as dt

from ..model import Article, SourceMap
from . import layout


def line_offsets(text: str) -> list[int]:
    offsets = [0]
    pos = text.find("\n")
    while pos != -1:
        offsets.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return offsets


def read_text(path: str, text: str, metadata_date: dt.date | None = None) -> list[Article]:
    raw_lines = text.split("\n")
    offsets = line_offsets(text)
    articles: list[Article] = []
    for seg in layout.segment(layout.classify_lines(raw_lines)):
        meta = layout.describe(seg.lines)
        first = seg.lines[meta.start].index
        last = seg.lines[-1].index
        body = text[offsets[first]:offsets[last] + len(raw_lines[last])]
        published, source = layout.resolve_date(meta, metadata_date, seg.heading_date)
        index = len(articles)
        articles.append(Article(
            id=f"{path}#{index}", path=path, index=index, headline=meta.headline,
            outlet=meta.outlet, author=meta.author, published=published,
            published_from=source, text=body, line_start=first + 1, line_end=last + 1,
            source=SourceMap.for_lines(body, first_line=first + 1)))
    return articles
