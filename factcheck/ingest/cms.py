"""CMS exports in JSON: one object, a list of objects, an object holding such a list, or
JSON Lines (one object per line). Field names are matched without regard to case, '_'
or '-' (see FIELDS and docs/INPUT.md).

Every character of a body string is mapped back to the file: the parser below records
where each string literal starts, and the escapes inside it ('\\n', '\\u00e9', '\\"') are
re-anchored one by one, so a citation points at the very column in the JSON file. A body
holding HTML is reduced to its text with the HTML reader, its anchors composed with the
string's own.
"""

from __future__ import annotations

import bisect
import json
from json.decoder import scanstring

import regex as re

from ..model import Article, SourceMap
from . import dates, layout
from .html import _name, text_with_anchors
from factcheck.frame.lazy_pattern import deferred_regex

FIELDS = {
    "headline": ("title", "headline", "heading"),
    "published": ("date", "published", "pubdate", "publishedat", "publishdate",
                  "publicationdate", "datepublished", "firstpublished", "created",
                  "createdat"),
    "body": ("body", "text", "content", "articlebody", "bodytext", "fulltext", "story"),
    "outlet": ("outlet", "publisher", "source", "site", "sitename", "publication"),
    "author": ("author", "byline", "authors", "creator", "creators", "writer"),
    "url": ("url", "link", "canonicalurl", "permalink", "weburl"),
}
CONTAINERS = ("articles", "items", "data", "results", "posts", "entries", "stories", "docs")
_WS = deferred_regex(r"[ \t\n\r]*")
_NUMBER = deferred_regex(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_ESCAPE = deferred_regex(r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[0-9a-fA-F]{4}|u[0-9a-fA-F]{4}|.)|\n")
_HTML_TAG = deferred_regex(r"<(?:p|div|br|h[1-6]|ul|ol|li|span|a|strong|em|b|i|blockquote|figure)\b",
                           re.IGNORECASE)


_SURROGATE = deferred_regex("[\ud800-\udfff]")


class JsonSyntax(ValueError):
    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


class Str(str):
    """A JSON string value that remembers the offset of its opening quote."""

    pos: int = 0
    end: int = 0


def _value(s: str, i: int, depth: int = 0):
    if depth > 200:
        raise JsonSyntax("nesting too deep", i)
    i = _WS.match(s, i).end()
    ch = s[i:i + 1]
    if ch == '"':
        try:
            value, end = scanstring(s, i + 1, False)
        except ValueError as exc:
            raise JsonSyntax(f"bad string: {exc}", i) from None
        if _SURROGATE.search(value):
            # "\ud83d" alone (an emoji cut in two by a CMS): a character no encoder writes.
            # Pairs are already joined; a lone half becomes U+FFFD, one character for one,
            # so every offset stays where it was.
            value = _SURROGATE.sub("\ufffd", value)
        out = Str(value)
        out.pos, out.end = i, end
        return out, end
    if ch == "{":
        obj: dict = {}
        i = _WS.match(s, i + 1).end()
        if s[i:i + 1] == "}":
            return obj, i + 1
        while True:
            i = _WS.match(s, i).end()
            if s[i:i + 1] != '"':
                raise JsonSyntax("expected a key", i)
            key, i = _value(s, i, depth + 1)
            i = _WS.match(s, i).end()
            if s[i:i + 1] != ":":
                raise JsonSyntax("expected ':'", i)
            obj[str(key)], i = _value(s, i + 1, depth + 1)
            i = _WS.match(s, i).end()
            if s[i:i + 1] == ",":
                i += 1
            elif s[i:i + 1] == "}":
                return obj, i + 1
            else:
                raise JsonSyntax("expected ',' or '}'", i)
    if ch == "[":
        arr: list = []
        i = _WS.match(s, i + 1).end()
        if s[i:i + 1] == "]":
            return arr, i + 1
        while True:
            item, i = _value(s, i, depth + 1)
            arr.append(item)
            i = _WS.match(s, i).end()
            if s[i:i + 1] == ",":
                i += 1
            elif s[i:i + 1] == "]":
                return arr, i + 1
            else:
                raise JsonSyntax("expected ',' or ']'", i)
    for word, val in (("true", True), ("false", False), ("null", None)):
        if s.startswith(word, i):
            return val, i + len(word)
    m = _NUMBER.match(s, i)
    if m:
        return json.loads(m.group()), m.end()
    raise JsonSyntax("unexpected character" if ch else "unexpected end of data", i)


def parse(s: str, start: int = 0, stop: int | None = None):
    value, end = _value(s, start)
    end = _WS.match(s, end).end()
    if end < (len(s) if stop is None else stop):
        raise JsonSyntax("extra data after the value", end)
    return value


class _Lines:
    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i]


def _string_anchors(s: str, value: Str, lines: _Lines) -> list[tuple[int, int, int]]:
    """Anchors of a string value's characters in the file, exact through escapes."""
    raw_start = value.pos + 1
    raw = s[raw_start:value.end - 1]
    anchors = [(0, *lines.at(raw_start))]
    v = 0
    last = 0
    for m in _ESCAPE.finditer(raw):
        v += m.start() - last
        v += 1 if m.group() == "\n" else len(json.loads(f'"{m.group()}"'))
        last = m.end()
        anchors.append((v, *lines.at(raw_start + last)))
    return anchors


def _key(name: str) -> str:
    return name.lower().replace("_", "").replace("-", "")


def _field(obj: dict, role: str):
    keys = {_key(k): k for k in obj}
    for name in FIELDS[role]:
        if name in keys:
            value = obj[keys[name]]
            if value not in (None, "", []):
                return value
    return None


def _text_pieces(value) -> list[Str]:
    if isinstance(value, Str):
        return [value]
    if isinstance(value, list):
        return [p for v in value for p in _text_pieces(v)]
    if isinstance(value, dict):
        for k in ("rendered", "html", "text", "value", "body"):
            if k in value:
                return _text_pieces(value[k])
    return []


def _piece_text(s: str, piece: Str, lines: _Lines) -> tuple[str, list[tuple[int, int, int]]]:
    own = SourceMap(tuple(_string_anchors(s, piece, lines)))
    if not _HTML_TAG.search(piece):
        return str(piece), list(own.anchors)
    text, inner = text_with_anchors(str(piece))
    starts = [0] + [m.end() for m in re.finditer("\n", piece)]
    breaks = [o for o, _, _ in own.anchors]      # value offsets where the file mapping jumps
    anchors = []
    for k, (off, line, col) in enumerate(inner):
        run_end = inner[k + 1][0] if k + 1 < len(inner) else len(text)
        v0 = starts[line - 1] + col
        anchors.append((off, *own.locate(v0)))
        # An escape inside the run ('\u201c') shifts the file column: re-anchor there.
        i = bisect.bisect_right(breaks, v0)
        while i < len(breaks) and breaks[i] < v0 + (run_end - off):
            anchors.append((off + breaks[i] - v0, *own.locate(breaks[i])))
            i += 1
    return text, anchors


def _records(data) -> list:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if _field(data, "body") is None:
            for k, v in data.items():
                if _key(k) in CONTAINERS and isinstance(v, list):
                    return v
        return [data]
    return []


def read_cms(path: str, text: str, lines: bool = False) -> tuple[list[Article], list[str]]:
    from . import IngestError
    where = _Lines(text)
    warnings: list[str] = []
    records: list = []
    if lines:
        for n, start in enumerate(where.starts, 1):
            stop = where.starts[n] - 1 if n < len(where.starts) else len(text)
            if not text[start:stop].strip():
                continue
            try:
                records.extend(_records(parse(text, start, stop)))
            except JsonSyntax as exc:
                warnings.append(f"line {n}: invalid JSON ({exc}), skipped")
    else:
        try:
            data = parse(text)
        except JsonSyntax as exc:
            line, col = where.at(exc.offset)
            raise IngestError(path, f"invalid JSON at line {line}, column {col + 1}: {exc}")
        schema = data.get("schema") if isinstance(data, dict) else None
        if isinstance(schema, str) and schema.startswith("factcheck."):
            # A report or baseline this tool wrote (reports/ inside the corpus folder).
            return [], [f"a factcheck output ({schema}), not articles: skipped"]
        records = _records(data)
    articles: list[Article] = []
    for n, rec in enumerate(records, 1):
        if not isinstance(rec, dict):
            warnings.append(f"record {n}: not an object, skipped")
            continue
        pieces = _text_pieces(_field(rec, "body"))
        if not pieces:
            warnings.append(f"record {n}: no body/text/content field, skipped")
            continue
        body_parts, anchors, size = [], [], 0
        title = _field(rec, "headline")
        headline = " ".join(str(title).split()) if isinstance(title, str) else ""
        if isinstance(title, Str):
            for o, ln, c in _string_anchors(text, title, where):
                anchors.append((o, ln, c))
            body_parts.append(str(title))
            size = len(title)
        for piece in pieces:
            piece_text, piece_anchors = _piece_text(text, piece, where)
            if not piece_text.strip():
                continue
            if size:
                body_parts.append("\n\n")
                size += 2
            anchors.extend((o + size, ln, c) for o, ln, c in piece_anchors)
            body_parts.append(piece_text)
            size += len(piece_text)
        body = "".join(body_parts)
        described = layout.describe(layout.classify_lines(body.split("\n")))
        raw_date = _field(rec, "published")
        meta_date = dates.metadata_date(str(raw_date)) if isinstance(raw_date, str) else None
        if raw_date and not meta_date:
            warnings.append(f"record {n}: date {str(raw_date)!r} not understood")
        published, source = layout.resolve_date(described, meta_date, None)
        outlet = _name(_field(rec, "outlet"))
        author = _name(_field(rec, "author"))
        url = _field(rec, "url")
        line_nos = [ln for _, ln, _ in anchors] or [1]
        index = len(articles)
        articles.append(Article(
            id=f"{path}#{index}", path=path, index=index,
            headline=headline or described.headline,
            outlet=outlet or described.outlet, author=author or described.author,
            published=published, published_from=source, text=body,
            line_start=min(line_nos), line_end=max(line_nos),
            source=SourceMap(tuple(anchors)), url=url if isinstance(url, str) else ""))
    return articles, _folded(warnings)


def _folded(warnings: list[str]) -> list[str]:
    """One warning per kind of record problem, with the first few record numbers."""
    out: list[str] = []
    by_reason: dict[str, list[str]] = {}
    for w in warnings:
        head, _, reason = w.partition(": ")
        if head.startswith(("record ", "line ")) and reason:
            by_reason.setdefault(reason, []).append(head)
        else:
            out.append(w)
    for reason, heads in by_reason.items():
        if len(heads) == 1:
            out.append(f"{heads[0]}: {reason}")
        else:
            shown = ", ".join(heads[:5]) + (f" and {len(heads) - 5} more" if len(heads) > 5 else "")
            out.append(f"{len(heads)} records: {reason} ({shown})")
    return out
