"""HTML pages: the main text only, with every run anchored to its line and column.

The stdlib parser reports the position of each text run and each entity (getpos), so
the SourceMap is exact: entities are anchored where their '&' stands, collapsed
whitespace is re-anchored at the next word. Page furniture is dropped: scripts, styles,
navigation, forms, asides, footers, figures and their captions, a header outside the
article, anything hidden or marked as navigation / banner / sharing / related links.
Text is read from each top-level <article>, else from <main>, else from <body>.
Metadata (JSON-LD NewsArticle, Open Graph, article:published_time, <time datetime>,
canonical link) fills what the text itself does not say.
"""

from __future__ import annotations

import datetime as dt
import json
from html.entities import name2codepoint
from html.parser import HTMLParser

import regex as re

from ..model import Article, SourceMap
from . import bylines, dates, layout
from factcheck.frame.lazy_pattern import deferred_regex

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "aside", "form",
         "footer", "figure", "figcaption", "iframe", "button", "select", "textarea",
         "object", "canvas", "dialog", "menu", "head"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "param", "source", "track", "wbr", "keygen"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4",
          "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "tr", "dl", "dt",
          "dd", "hr", "address", "details", "summary", "body", "center"}
_LINE = {"br", "li", "dt", "dd"}
_CELL = {"td", "th"}
CELL_SEPARATOR = " | "   # a table row reads as one line, cells apart, like a Markdown table
_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
          "menu", "menubar", "toolbar"}
_BOILERPLATE = {"share", "sharing", "social", "related", "comments", "comment",
                "newsletter", "advert", "advertisement", "ad", "ads", "promo", "cookie",
                "cookies", "subscribe", "breadcrumb", "breadcrumbs", "sidebar", "menu",
                "nav", "navbar", "footer", "popup", "modal", "paywall", "recirc",
                "outbrain", "taboola", "sponsored"}
_TOKEN_SPLIT = deferred_regex(r"[\s_\-]+")
_PUB_META = ("article:published_time", "datepublished", "pubdate", "publishdate",
             "publish-date", "date", "dc.date", "dc.date.issued", "parsely-pub-date",
             "sailthru.date", "og:published_time", "article.published")
_WORDS = deferred_regex(r"\s+|[^\s]+")


class _Emitter:
    """Builds one text with its anchors; blocks become blank-line separated paragraphs."""

    def __init__(self):
        self.parts: list[str] = []
        self.size = 0
        self.anchors: list[tuple[int, int, int]] = []
        self.space = False
        self.brk = 0
        self.sep = ""
        self.lines: set[int] = set()
        self.directives: list[tuple[int, str]] = []   # (offset, comment) of factcheck-ignore

    def _put(self, s: str):
        self.parts.append(s)
        self.size += len(s)

    def word(self, s: str, line: int, col: int):
        if self.size:
            if self.brk:
                self._put("\n" * self.brk)
            elif self.space and not self.sep:
                self._put(" ")
        if self.sep:
            self._put(self.sep if self.size and not self.brk else self.sep.lstrip())
        self.brk, self.space, self.sep = 0, False, ""
        if self.anchors:
            o0, l0, c0 = self.anchors[-1]
            if l0 != line or c0 + self.size - o0 != col:
                self.anchors.append((self.size, line, col))
        else:
            self.anchors.append((self.size, line, col))
        self.lines.add(line)
        self._put(s)

    def gap(self):
        self.space = True

    def block(self, n: int):
        if self.size:
            self.brk = max(self.brk, n)
        self.sep = ""

    def cell(self):
        """A table cell after the first of its row: a separator before its first word
        (an empty cell still counts, so columns stay aligned)."""
        self.sep += CELL_SEPARATOR

    def text(self) -> str:
        return "".join(self.parts)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.skip_at: int | None = None       # stack depth where skipping began
        self.body = _Emitter()
        self.main: _Emitter | None = None
        self.main_depth: int | None = None
        self.articles: list[dict] = []
        self.article_depth: int | None = None
        self.meta: dict[str, str] = {}
        self.ld: list[dict] = []
        self.title = ""
        self.title_pos: tuple[int, int] | None = None
        self.capture: str | None = None       # "title" | "ld" | "h1"
        self.buf: list[str] = []
        self.row_cells = 0                    # cells opened so far in the current <tr>

    # -- helpers -------------------------------------------------------------------
    def _active(self):
        yield self.body
        if self.main is not None:
            yield self.main
        if self.article_depth is not None:
            yield self.articles[-1]["emit"]

    def _skipped(self, tag: str, attrs: dict) -> bool:
        if tag in _SKIP:
            return True
        if tag == "header" and self.article_depth is None and self.main_depth is None:
            return True
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        if attrs.get("role", "").lower() in _ROLES:
            return True
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        return bool(names.strip()) and bool(set(_TOKEN_SPLIT.split(names)) & _BOILERPLATE)

    # -- parser callbacks -------------------------------------------------------------
    def handle_starttag(self, tag, attrs_list):
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "")
            if key and "content" in attrs:
                self.meta.setdefault(key.lower(), attrs["content"])
            return
        if tag == "link":
            if "canonical" in attrs.get("rel", "").lower().split():
                self.meta.setdefault("canonical", attrs.get("href", ""))
            return
        if tag == "title" and not self.title:
            self.capture, self.buf = "title", []
            self.title_pos = self.getpos()
        if tag == "script" and "ld+json" in attrs.get("type", ""):
            self.capture, self.buf = "ld", []
        if tag == "time" and self.skip_at is None and attrs.get("datetime"):
            if self.article_depth is not None:
                self.articles[-1].setdefault("time", attrs["datetime"])
            self.meta.setdefault("time", attrs["datetime"])
        if tag in _VOID:
            if tag in ("br", "hr") and self.skip_at is None:
                for e in self._active():
                    e.block(1 if tag == "br" else 2)
            return
        self.stack.append(tag)
        if self.skip_at is None and self._skipped(tag, attrs):
            self.skip_at = len(self.stack)
        if self.skip_at is not None:
            return
        if tag == "article" and self.article_depth is None:
            self.article_depth = len(self.stack)
            self.articles.append({"emit": _Emitter(), "h1": None})
        if tag == "main" and self.main_depth is None:
            self.main_depth = len(self.stack)
            self.main = _Emitter()
        if tag == "h1" and self.capture is None:
            self.capture, self.buf = "h1", []
        if tag == "tr":
            self.row_cells = 0
            for e in self._active():
                e.block(1)
        elif tag in _CELL:
            if self.row_cells:
                for e in self._active():
                    e.cell()
            self.row_cells += 1
        elif tag in _BLOCK or tag in _LINE:
            for e in self._active():
                e.block(1 if tag in _LINE and tag not in _BLOCK else 2)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in ("title", "script") and self.capture in ("title", "ld"):
            self._end_capture()
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            depth = len(self.stack)
            top = self.stack.pop()
            if self.skip_at is not None and depth <= self.skip_at:
                self.skip_at = None
            if self.skip_at is None:
                if top == "h1" and self.capture == "h1":
                    self._end_capture()
                if top == "tr":
                    for e in self._active():
                        e.block(1)
                elif top in _BLOCK or top in _LINE:
                    for e in self._active():
                        e.block(1 if top in _LINE and top not in _BLOCK else 2)
                if self.article_depth is not None and depth <= self.article_depth:
                    self.article_depth = None
                if self.main_depth is not None and depth <= self.main_depth:
                    self.main_depth = None
            if top == tag:
                break

    def _end_capture(self):
        text = "".join(self.buf)
        if self.capture == "title" and not self.title:
            self.title = " ".join(text.split())
        elif self.capture == "ld":
            try:
                data = json.loads(text)
            except ValueError:
                data = None
            self.ld.extend(_ld_articles(data))
        elif self.capture == "h1":
            heading = " ".join(text.split())
            if self.article_depth is not None and not self.articles[-1]["h1"]:
                self.articles[-1]["h1"] = heading
            self.meta.setdefault("h1", heading)
        self.capture, self.buf = None, []

    def handle_data(self, data):
        if self.capture:
            self.buf.append(data)
        if self.skip_at is not None or self.capture in ("title", "ld"):
            return
        line, col = self.getpos()
        emitters = list(self._active())
        for j, part in enumerate(data.split("\n")):
            if j:
                line, col = line + 1, 0
                for e in emitters:
                    e.gap()
            content = part.strip()
            if content:
                lead = part.find(content[0])
                if lead:
                    for e in emitters:
                        e.gap()
                if " ".join(content.split()) == content:
                    # single spaces only: the run maps 1:1 onto the source line
                    for e in emitters:
                        e.word(content, line, col + lead)
                else:
                    self._words(emitters, content, line, col + lead)
                if lead + len(content) < len(part):
                    for e in emitters:
                        e.gap()
            elif part:
                for e in emitters:
                    e.gap()
            col += len(part)

    @staticmethod
    def _words(emitters, content: str, line: int, col: int):
        for m in _WORDS.finditer(content):
            piece = m.group()
            if piece[0].isspace():
                for e in emitters:
                    e.gap()
            else:
                for e in emitters:
                    e.word(piece, line, col + m.start())

    def _char(self, char: str):
        if self.capture:
            self.buf.append(char)
        if self.skip_at is not None or self.capture in ("title", "ld"):
            return
        line, col = self.getpos()
        for e in self._active():
            if char.isspace():
                e.gap()
            else:
                e.word(char, line, col)

    def handle_comment(self, data):
        # Comments are not text, but a suppression directive in one must reach the checks.
        if "factcheck-ignore" not in data.lower() or self.skip_at is not None:
            return
        for e in self._active():
            e.directives.append((e.size, " ".join(data.split())))

    def handle_entityref(self, name):
        code = name2codepoint.get(name)
        self._char(chr(code) if code else f"&{name};")

    def handle_charref(self, name):
        try:
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
            self._char(chr(code))
        except (ValueError, OverflowError):
            self._char(f"&#{name};")


def _ld_articles(data) -> list[dict]:
    found: list[dict] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith(("Article", "Posting", "Report"))
                   for k in kinds):
                found.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
    return found


def _name(value) -> str:
    if isinstance(value, str):
        return "" if value.startswith(("http://", "https://")) else " ".join(value.split())
    if isinstance(value, dict):
        return _name(value.get("name", ""))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return bylines._join_names(names) if names else ""
    return ""


def parse_page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def text_with_anchors(html: str) -> tuple[str, list[tuple[int, int, int]]]:
    """Visible text of an HTML fragment, anchors as (offset, line, column) in the fragment."""
    page = parse_page(html)
    return page.body.text(), list(page.body.anchors)


def read_html(path: str, text: str) -> tuple[list[Article], list[str]]:
    page = parse_page(text)
    warnings: list[str] = []
    regions = [a for a in page.articles if a["emit"].size]
    if not regions:
        source = page.main if page.main is not None and page.main.size else page.body
        regions = [{"emit": source, "h1": page.meta.get("h1")}] if source.size else []
    single = len(regions) == 1
    ld = page.ld[0] if page.ld else {}
    meta = page.meta
    articles: list[Article] = []
    for region in regions:
        emit = region["emit"]
        body, anchors = emit.text(), list(emit.anchors)
        directives = list(emit.directives)
        lines = layout.classify_lines(body.split("\n"))
        described = layout.describe(lines)
        headline = region.get("h1") or ""
        if not headline and single:
            headline = _name(ld.get("headline")) or meta.get("og:title", "") or page.title
            if headline and page.title_pos and headline == page.title:
                prefix = headline + "\n\n"
                anchors = [(0, page.title_pos[0], page.title_pos[1] + len("<title>"))] + [
                    (o + len(prefix), ln, c) for o, ln, c in anchors]
                body = prefix + body
                directives = [(o + len(prefix), d) for o, d in directives]
        headline = headline or described.headline
        published_meta = None
        for raw in ([region.get("time")] + ([ld.get("datePublished")]
                    + [meta.get(k) for k in _PUB_META] + [meta.get("time")] if single else [])):
            if raw:
                published_meta = dates.metadata_date(str(raw))
                if published_meta:
                    break
        published, source = layout.resolve_date(described, published_meta, None)
        author = (_name(ld.get("author")) or _name(meta.get("author", ""))
                  or _name(meta.get("article:author", ""))) if single else ""
        outlet = (_name(ld.get("publisher")) or meta.get("og:site_name", "")) if single else ""
        line_nos = [ln for _, ln, _ in anchors]
        index = len(articles)
        articles.append(Article(
            id=f"{path}#{index}", path=path, index=index, headline=headline,
            outlet=bylines.outlet_name(outlet) if outlet else described.outlet,
            author=author or described.author, published=published, published_from=source,
            text=body, line_start=min(line_nos), line_end=max(line_nos),
            source=SourceMap(tuple(anchors)),
            url=(meta.get("canonical") or meta.get("og:url") or "") if single else "",
            directives=tuple(directives)))
    if not articles:
        warnings.append("no main text found in the HTML")
    return articles, warnings
