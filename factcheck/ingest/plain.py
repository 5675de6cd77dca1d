"""Plain text and Markdown: each article is a verbatim slice of the file's lines.

No text is lost without a word: lines above an article's headline stay in the article
before it, and any line with a figure or a sentence that still falls outside every
article is named in a warning. Markdown front matter (a YAML block between '---' lines at
the top) is read as the article's metadata: title, date, author, outlet, url.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex as re
import yaml

from ..model import Article, SourceMap
from . import dates, layout
from factcheck.frame.lazy_pattern import deferred_regex

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # the C loader when built with it
_FENCE = deferred_regex(r"^(?:---|\+\+\+)[ \t]*$")
_FRONT_KEYS = {
    "headline": ("title", "headline"),
    "published": ("date", "published", "pubdate", "publishdate", "publishedat",
                  "publicationdate", "datepublished"),
    "author": ("author", "authors", "byline", "creator"),
    "outlet": ("outlet", "publication", "publisher", "source", "site", "sitename"),
    "url": ("url", "link", "canonicalurl", "permalink"),
}


@dataclass(frozen=True)
class FrontMatter:
    lines: int = 0               # how many lines of the file it takes, fences included
    headline: str = ""
    published: dt.date | None = None
    author: str = ""
    outlet: str = ""
    url: str = ""
    problem: str = ""


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        names = [_text(v) for v in value if _text(v)]
        return names[0] if len(names) == 1 else (
            ", ".join(names[:-1]) + " and " + names[-1] if names else "")
    if isinstance(value, dict):
        return _text(value.get("name", ""))
    if value is None or isinstance(value, bool):
        return ""
    return " ".join(str(value).split())


def front_matter(raw_lines: list[str]) -> FrontMatter:
    """The YAML block fenced by '---' at the very top of a Markdown file, if any.

    Only a block whose lines look like 'key: value' is taken, so a file that opens with a
    horizontal rule keeps it as text."""
    if not raw_lines or raw_lines[0].strip() != "---":
        return FrontMatter()
    end = next((i for i in range(1, min(len(raw_lines), 200)) if _FENCE.match(raw_lines[i])), 0)
    if not end:
        return FrontMatter()
    block = "\n".join(raw_lines[1:end])
    if not re.match(r"^\s*[\w\-]+\s*:", block):
        return FrontMatter()
    try:
        data = yaml.load(block, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        return FrontMatter(end + 1, problem=f"front matter is not valid YAML{where}; "
                                            "its fields were not read")
    if not isinstance(data, dict):
        return FrontMatter()
    keys = {str(k).lower().replace("_", "").replace("-", ""): v for k, v in data.items()}

    def pick(role: str):
        for name in _FRONT_KEYS[role]:
            if keys.get(name) not in (None, "", []):
                return keys[name]
        return None

    raw_date = pick("published")
    if isinstance(raw_date, dt.datetime):
        published = raw_date.date()
    elif isinstance(raw_date, dt.date):
        published = raw_date
    else:
        published = dates.metadata_date(_text(raw_date)) if raw_date is not None else None
    problem = f"front matter date {_text(raw_date)!r} not understood" \
        if raw_date is not None and published is None else ""
    return FrontMatter(end + 1, _text(pick("headline")), published, _text(pick("author")),
                       _text(pick("outlet")), _text(pick("url")), problem)


def line_offsets(text: str) -> list[int]:
    offsets = [0]
    pos = text.find("\n")
    while pos != -1:
        offsets.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return offsets


def read_plain(path: str, text: str, metadata_date: dt.date | None = None,
               markdown: bool = False) -> tuple[list[Article], list[str]]:
    """Articles of a plain-text (or Markdown) file, and warnings about it."""
    raw_lines = text.split("\n")
    warnings: list[str] = []
    front = front_matter(raw_lines) if markdown else FrontMatter()
    if front.problem:
        warnings.append(front.problem)
    body_lines = raw_lines
    if front.lines:
        body_lines = [""] * front.lines + raw_lines[front.lines:]
    lines = layout.classify_lines(body_lines)
    segments = layout.segment(lines)
    offsets = line_offsets(text)
    described = []
    for seg in segments:
        meta = layout.describe(seg.lines)
        described.append((seg, meta))
    ranges: list[tuple[int, int]] = []
    for n, (seg, meta) in enumerate(described):
        first = seg.lines[meta.start].index
        nxt = described[n + 1] if n + 1 < len(described) else None
        # lines above the next article's headline stay in this one
        last = nxt[0].lines[nxt[1].start - 1].index if nxt and nxt[1].start else seg.last.index
        ranges.append((first, last))
    articles: list[Article] = []
    single = len(described) == 1
    for (seg, meta), (first, last) in zip(described, ranges):
        body = text[offsets[first]:offsets[last] + len(raw_lines[last])]
        own_date = front.published if single else None
        published, source = layout.resolve_date(meta, own_date or metadata_date,
                                                 seg.heading_date)
        index = len(articles)
        articles.append(Article(
            id=f"{path}#{index}", path=path, index=index,
            headline=(front.headline if single and front.headline else meta.headline),
            outlet=(front.outlet if single and front.outlet else meta.outlet),
            author=(front.author if single and front.author else meta.author),
            published=published, published_from=source, text=body,
            line_start=first + 1, line_end=last + 1,
            source=SourceMap.for_lines(body, first_line=first + 1),
            url=front.url if single else ""))
    missing = layout.lost(lines, ranges)
    if missing:
        numbers = ", ".join(str(ln.index + 1) for ln in missing[:12])
        more = f" and {len(missing) - 12} more" if len(missing) > 12 else ""
        warnings.append(f"{len(missing)} line(s) with text or figures read as page furniture, "
                        f"outside any article: line {numbers}{more}")
    return articles, warnings


def read_text(path: str, text: str, metadata_date: dt.date | None = None) -> list[Article]:
    return read_plain(path, text, metadata_date)[0]
