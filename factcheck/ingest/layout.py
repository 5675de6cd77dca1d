"""Where one article ends and the next begins in a plain-text file, and what each says
about itself (headline, byline, outlet, date).

Lines are classified once (blank, body, headline-like, byline, date, masthead); a
boundary is placed only on structural evidence, because merging two articles costs less
than cutting one in two (a cut article loses its headline, byline and date context):

  a. a closing byline after body text ("By X for Outlet", "(By X and Y)", "By Outlet")
     followed by a headline-like line;
  b. a headline-like line after a blank line that repeats within the next few lines
     (scraped pages print the title twice: page title, then the article's own heading);
  c. a headline-like line after a blank line whose next lines, before any body text, hold
     an opening byline, a masthead ("Outlet | date |") or a date line, or whose first
     paragraph opens with an agency dateline ("CITY, March 31 (Agency) -");
  d. a headline-like line after three or more blank lines, between body paragraphs;
  e. a date alone on its line after two or more blank lines, heading a new headline: it
     starts a new dated section and is not part of any article;
  f. a horizontal rule ("---", "***", "===") after body text.

A line in TRAILERS ("Read more", "Leave a reply"...) followed by furniture ends the
article, and what follows is skipped until a new article starts by any rule; between two
body paragraphs (or before a closing byline) it is a prompt printed inside the article,
which goes on. Page noise
(reading-time labels, adverts, sharing prompts, "Related: ..." links, photo captions) is
never a headline and never starts an article. Text is not lost: a stretch with no body
paragraph, and lines above the next article's headline, stay in the article before them;
lines that still fall outside every article are named by `lost()` so the reader can warn.
Every pass is a single scan with bounded look-ahead, so time is linear in the file size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

import regex as re

from . import bylines, dates
from factcheck.frame.lazy_pattern import deferred_regex

BLANK, BODY, HEADLINE, BYLINE, DATE, MASTHEAD, RULE, NOISE, OTHER = (
    "blank", "body", "headline", "byline", "date", "masthead", "rule", "noise", "other")

TRAILERS = {
    "read more", "read more:", "show more", "leave a reply", "leave a comment",
    "leave the first comment", "related", "related articles", "related stories",
    "related news", "more stories", "more from this author", "recommended",
    "recommended for you", "you may also like", "comments", "share this article",
}
_SENTENCE_END = deferred_regex(r"[.!?…:;]['\"”’)\]]*$")
_HEADLINE_END_BAD = deferred_regex(r"[.,;:…]['\"”’)\]]*$")
_BULLET = deferred_regex(r"^[•\-*–—·▪●◦]")
_WORD = deferred_regex(r"\S+")
_LOOKAHEAD = 8

# Page furniture printed inside or between articles: it is never a headline, never starts
# an article, and is not text an article can lose. Each pattern is a class of line, not a
# phrase: reading-time labels, advertising labels, sharing and sign-up prompts, links to
# other stories ("Related: ..."), photo captions with their credit.
_NOISE = deferred_regex(
    r"^(?:\d+\s*(?:-\s*)?(?:min(?:ute)?s?|mins?\.?)\s+read"
    r"|(?:sponsored(?:\s+content)?|advert(?:isement)?|ad|paid\s+content|promoted)"
    r"|(?:share|share\s+(?:this|the)\s+(?:article|story|page|post)|share\s+on\s+\S+(?:\s+\S+)?"
    r"|print(?:\s+this)?(?:\s+(?:article|page))?|e-?mail(?:\s+this)?(?:\s+(?:article|story))?"
    r"|save(?:\s+article)?|listen(?:\s+to\s+(?:this\s+)?article)?|comments?(?:\s*\(\d+\))?)"
    r"|(?:related|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this|"
    r"watch|listen|recommended|trending|most\s+read)\s*[:|\-–—]\s*\S.*"
    r"|(?:sign\s+up|subscribe)\b.{0,70}"
    r"|(?!.*\d).{0,60}\badvertisement\b.{0,20})$",
    re.IGNORECASE)
_CAPTION = deferred_regex(
    r"(?:\b(?:file\s+)?photo(?:graph)?s?\s*(?:by|:|courtesy)|\bphoto\s+credit\b|\bcredit\s*:|"
    r"\bimage\s*(?:by|:|courtesy)|\bpicture\s*(?:by|:)|\bgetty\s+images\b"
    r"|\((?:photo|image|picture|credit)\b[^)]*\)\s*$"
    # a caption ending in its credit, agency or outlet then photographer: "... REUTERS/Jane Doe"
    r"|\S[.!?]\s+[\p{Lu}][\p{L}&.'’\-]*(?:\s+[\p{Lu}][\p{L}&.'’\-]*){0,4}"
    r"/[\p{Lu}][\p{L}.'’\-]*(?:\s+[\p{Lu}][\p{L}.'’\-]*){0,4}\s*$)",
    re.IGNORECASE)


def is_noise(text: str) -> bool:
    """A line of page furniture: a reading-time label, an advert, a sharing prompt, a link
    to another story, a photo caption with its credit."""
    if len(text) > 220:
        return False
    return bool(_NOISE.match(text) or (not text.endswith(".") and _CAPTION.search(text)))


_MARKUP = deferred_regex(r"^(?:#{1,6}\s+|>\s*)|^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$")
_EMPHASIS = deferred_regex(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_RULE = deferred_regex(r"^(?:-{3,}|\*{3,}|_{3,}|={3,}|(?:- ){2,}-|(?:\* ){2,}\*)$")


def normalise(line: str) -> str:
    """Stripped, spaces (non-breaking ones too) folded, Markdown heading, quote and
    emphasis marks dropped: '## *By Jane Doe*' reads as 'By Jane Doe'."""
    text = " ".join(line.split())
    if "*" in text or "__" in text:
        # "**Accra Business Times** | April 2, 2025": emphasis inside the line too
        text = _EMPHASIS.sub(r"\2", text)
    if text and text[0] in "#>*_" or text[-1:] in "*_":
        text = _MARKUP.sub("", text).strip()
    return text


@dataclass
class Line:
    index: int                   # 0-based line number in the file
    text: str                    # normalised
    kind: str
    blanks_before: int = 0
    byline: bylines.Byline | None = None
    date: dt.date | None = None


# A pure function of the normalised line; syndicated copies and page furniture repeat
# lines across the files of a corpus.
@lru_cache(maxsize=1 << 14)
def classify(text: str) -> tuple[str, bylines.Byline | None, dt.date | None]:
    if not text:
        return BLANK, None, None
    if _RULE.match(text):
        return RULE, None, None
    if text[0] in "(B" or text.startswith(("Written", "Reporting")):
        b = bylines.byline(text)
        if b:
            return BYLINE, b, b.date
    if is_noise(text):
        return NOISE, None, None
    if len(text) <= 80:
        d = dates.date_line(text)
        if d:
            return DATE, None, d
        m = bylines.masthead(text)
        if m:
            return MASTHEAD, m, m.date
    words = len(_WORD.findall(text)) if len(text) < 400 else 99
    if words >= 20 or (words >= 8 and _SENTENCE_END.search(text)):
        return BODY, None, None
    if (3 <= words <= 25 and len(text) <= 200 and not _HEADLINE_END_BAD.search(text)
            and not _BULLET.match(text) and (text[0].isupper() or text[0].isdigit()
                                             or text[0] in "\"'“‘")):
        return HEADLINE, None, None
    return OTHER, None, None


def classify_lines(raw_lines: list[str]) -> list[Line]:
    """Non-blank lines only, each knowing how many blank lines preceded it."""
    out: list[Line] = []
    blanks = 0
    for i, raw in enumerate(raw_lines):
        text = normalise(raw) if raw else ""
        if not text:
            blanks += 1
            continue
        kind, b, d = classify(text)
        out.append(Line(i, text, kind, blanks, b, d))
        blanks = 0
    return out


@dataclass
class Segment:
    lines: list[Line]            # non-blank lines of one article, read for its metadata
    heading_date: dt.date | None = None
    tail: list[Line] = field(default_factory=list)   # kept in its text, not read for metadata
    has_body: bool = False       # a body paragraph, one line or hard-wrapped over several

    @property
    def last(self) -> Line:
        return self.tail[-1] if self.tail else self.lines[-1]


@dataclass
class Meta:
    headline: str = ""
    start: int = 0               # position in Segment.lines where the article starts
    author: str = ""
    outlet: str = ""
    byline_date: dt.date | None = None
    dateline: bylines.Dateline | None = None
    notes: list[str] = field(default_factory=list)


def _repeats_soon(lines: list[Line], k: int) -> bool:
    text = lines[k].text
    return any(ln.text == text for ln in lines[k + 1:k + 1 + _LOOKAHEAD])


_CREDIT = deferred_regex(r"^\((?:Additional\s+)?(?:Reporting|Editing|Writing|Compiled)\b", re.I)


def _wrapped_paragraph(lines: list[Line], k: int) -> bool:
    """Line k opens a paragraph of three or more lines with no blank between: prose, unless
    a byline, masthead or date closes the block (a title over a two-line standfirst)."""
    run = lines[k + 1:k + 3]
    if len(run) < 2 or not all(not x.blanks_before and x.kind in (HEADLINE, OTHER, BODY)
                               for x in run):
        return False
    for x in lines[k + 3:k + 6]:
        if x.blanks_before:
            break
        if x.kind in (BYLINE, MASTHEAD, DATE):
            return False
    return True


def _opens_article(lines: list[Line], k: int) -> bool:
    """Rule c: a byline, masthead or date before body text, or an agency dateline."""
    if _wrapped_paragraph(lines, k):
        return False            # the first line of a hard-wrapped paragraph is no title
    for ln in lines[k + 1:k + 1 + _LOOKAHEAD]:
        if ln.kind == BYLINE and _CREDIT.match(ln.text):
            continue            # "(Reporting by X; Editing by Y)" closes an article
        if ln.kind in (BYLINE, MASTHEAD, DATE):
            return True
        if ln.kind == BODY:
            return bylines.dateline(ln.text) is not None
    return False


# A title of one or two words ("Cocoa slump"), too short to read as headline-like alone
_SHORT_TITLE = deferred_regex(r"^[A-Z0-9\"'“‘][\w'’&.-]*(?:[ ][\w'’&.-]+)?$")


def _boundary(lines: list[Line], k: int, has_body: bool) -> str:
    """Why line k starts a new article ('' when it does not).

    has_body: the article so far holds body text (or a trailer closed it), so a new
    one may begin; a title repeated above its own first paragraph never splits.
    """
    if not has_body:
        return ""
    ln = lines[k]
    prev = lines[k - 1] if k else None
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    if ln.kind == DATE and ln.blanks_before >= 2 and nxt is not None and nxt.kind == HEADLINE:
        return "e"
    if ln.kind == OTHER and ln.blanks_before and nxt is not None and nxt.kind == BYLINE \
            and nxt.byline and nxt.text.startswith("By ") \
            and not nxt.blanks_before and _SHORT_TITLE.match(ln.text):
        return "c"              # "Kazakh grain" right over its "By ..." byline: a short title
    if ln.kind != HEADLINE or not ln.blanks_before:
        return ""
    if prev is not None and prev.kind == BYLINE:
        return "a"
    if _repeats_soon(lines, k):
        return "b"
    if _opens_article(lines, k):
        return "c"
    # a photo caption, a reading-time label or a list of summary points between the
    # headline and its first paragraph does not hide the paragraph
    nxt = next((x for x in lines[k + 1:k + 1 + _LOOKAHEAD]
                if x.kind != NOISE and not _BULLET.match(x.text)), None)
    # and the paragraph before may be followed by a trailer or noise ("Share this article")
    before = next((x for x in reversed(lines[max(0, k - 3):k])
                   if x.kind != NOISE and x.text.lower() not in TRAILERS), None)
    if (ln.blanks_before >= 3 and before is not None and before.kind == BODY
            and nxt is not None and nxt.kind == BODY):
        return "d"
    return ""


def _resumes(lines: list[Line], k: int) -> bool:
    """A trailer at k between two body paragraphs (noise aside) is a prompt printed inside
    the article ("Read more" between paragraphs); after an author card or a bio's closing
    line, or before anything but a paragraph, it ends the article."""
    prev = next((ln for ln in reversed(lines[max(0, k - 3):k]) if ln.kind != NOISE), None)
    if prev is None or prev.kind != BODY:
        return False
    for ln in lines[k + 1:k + 4]:
        if ln.kind == BYLINE:
            return True          # the article's closing byline, after a sharing prompt
        if ln.kind != NOISE:
            return ln.kind == BODY and bylines.dateline(ln.text) is None
    return False


# words of a paragraph of short lines (with a sentence end) that make it body text
_WRAPPED_BODY_WORDS = 20


def segment(lines: list[Line]) -> list[Segment]:
    segments: list[Segment] = []
    heading: dt.date | None = None
    current: list[Line] = []
    has_body = False
    skipping = False             # after a trailer line, until a new article starts

    para_words, para_ends = 0, False     # the paragraph so far, over wrapped lines

    def close():
        nonlocal current, has_body, para_words, para_ends
        if current:
            segments.append(Segment(current, heading, has_body=has_body))
        current, has_body, para_words, para_ends = [], False, 0, False

    for k, ln in enumerate(lines):
        if not current and not skipping and ln.kind == DATE and not segments:
            heading = ln.date            # a date heading the file, before any article
            continue
        why = _boundary(lines, k, has_body or skipping)
        if skipping and not why:
            continue
        if why:
            close()
            skipping = False
            if why == "e":
                heading = ln.date
                continue
        if ln.kind == RULE:
            if has_body:
                close()          # a horizontal rule between articles, part of neither
            elif current:
                current.append(ln)
            continue
        if has_body and ln.text.lower() in TRAILERS and not _resumes(lines, k):
            close()
            skipping = True
            continue
        current.append(ln)
        if ln.kind == BODY:
            has_body = True
        elif ln.kind in (HEADLINE, OTHER):
            # hard-wrapped prose: short lines, none a paragraph alone, that together are
            if ln.blanks_before or len(current) < 2 or \
                    current[-2].kind not in (HEADLINE, OTHER):
                para_words, para_ends = 0, False
            para_words += len(_WORD.findall(ln.text))
            para_ends = para_ends or bool(_SENTENCE_END.search(ln.text))
            if para_words >= _WRAPPED_BODY_WORDS and para_ends and \
                    sum(1 for x in current if x.kind in (HEADLINE, OTHER)) >= 3:
                has_body = True
        else:
            para_words, para_ends = 0, False
    close()
    return _merge_bodiless(segments)


def _merge_bodiless(segments: list[Segment]) -> list[Segment]:
    """A stretch without a body paragraph is no article of its own: it stays in the text
    of the article before it (one before any article is left out, unless it is all)."""
    kept: list[Segment] = []
    for seg in segments:
        if seg.has_body or any(ln.kind == BODY for ln in seg.lines):
            kept.append(seg)
        elif kept:
            kept[-1].tail.extend(seg.lines)
    return kept if kept else segments[:1]


def lost(lines: list[Line], ranges: list[tuple[int, int]]) -> list[Line]:
    """Lines outside every (first, last) range of 0-based line indexes that carry text an
    article could need: a body paragraph, or any other line with a digit. Blank lines,
    bylines, date lines and mastheads (read as metadata), rules, page noise and trailers
    never count."""
    ranges = sorted(ranges)
    out: list[Line] = []
    r = 0
    for ln in lines:
        while r < len(ranges) and ranges[r][1] < ln.index:
            r += 1
        if r < len(ranges) and ranges[r][0] <= ln.index:
            continue
        if ln.kind in (BYLINE, DATE, MASTHEAD, RULE, NOISE) or ln.text.lower() in TRAILERS:
            continue
        if ln.kind == BODY or any(c.isdigit() for c in ln.text):
            out.append(ln)
    return out


def _continues_headline(ln: Line) -> bool:
    first = ln.text[0]
    return (first.islower() and ln.kind in (HEADLINE, OTHER) and ln.blanks_before <= 2
            and len(ln.text.split()) <= 12 and not _HEADLINE_END_BAD.search(ln.text))


def describe(lines: list[Line]) -> Meta:
    """Headline, author, outlet and date evidence of one article's lines."""
    meta = Meta()
    first_body = next((i for i, ln in enumerate(lines) if ln.kind == BODY), len(lines))
    byline_at = next((i for i, ln in enumerate(lines[:min(first_body, 5)])
                      if ln.kind == BYLINE and ln.byline), None)
    for i, ln in enumerate(lines[:min(first_body, 6)]):
        if ln.kind == HEADLINE:
            if byline_at and byline_at < i:
                # "Oil output\nBy Jane Doe | April 3, 2025\n\nOutput rose to 2.12": the
                # lines over the byline are the title, however short; a short line of
                # hard-wrapped text below it is the body's
                meta.start = 0
                meta.headline = " ".join(x.text for x in lines[:byline_at]
                                         if x.kind in (HEADLINE, OTHER))
                break
            # a byline or masthead printed over the title ("By Jane Doe | May 5, 2025"
            # or "Outlet | April 2, 2025" then the title) opens the article
            over = byline_at == 0 or lines[0].kind == MASTHEAD and lines[0].byline
            meta.start = 0 if over else i
            parts = [ln.text]
            if i + 1 < len(lines) and _continues_headline(lines[i + 1]):
                parts.append(lines[i + 1].text)
            meta.headline = " ".join(parts)
            break
    else:
        if byline_at:
            meta.headline = " ".join(x.text for x in lines[:byline_at]
                                     if x.kind in (HEADLINE, OTHER))
    head = lines[meta.start:meta.start + 12]
    after_byline = False
    for ln in head:
        if ln.kind == BYLINE and ln.byline:
            meta.author = meta.author or ln.byline.author
            meta.outlet = meta.outlet or ln.byline.outlet
            meta.byline_date = meta.byline_date or ln.byline.date
            after_byline = True
        elif ln.kind == MASTHEAD and ln.byline:
            meta.outlet = ln.byline.outlet
            meta.byline_date = meta.byline_date or ln.byline.date
        elif ln.kind == DATE and after_byline:
            meta.byline_date = meta.byline_date or ln.date
        elif after_byline and not meta.outlet and bylines.agency_line(ln.text):
            meta.outlet = bylines.agency_line(ln.text)
        elif ln.kind == BODY:
            break
    for ln in head:
        if ln.kind == BODY:
            d = bylines.dateline(ln.text)
            if d:
                meta.dateline = d
                break
    tail = lines[max(first_body + 1, meta.start + 1):][-4:]   # after the body began
    for ln in reversed(tail):
        if ln.kind == BYLINE and ln.byline:
            meta.author = meta.author or ln.byline.author
            meta.outlet = meta.outlet or ln.byline.outlet
            meta.byline_date = meta.byline_date or ln.byline.date
            break
    if not meta.author:
        meta.author = _author_card(lines[-10:])
    if not meta.outlet and meta.dateline and meta.dateline.agency:
        meta.outlet = meta.dateline.agency
    return meta


def _author_card(lines: list[Line]) -> str:
    """'Jane Doe' then 'Reporter': the author box many sites print under the text."""
    for a, b in zip(lines, lines[1:]):
        if bylines.is_role_line(b.text) and bylines.is_person_line(a.text):
            return a.text
    return ""


def resolve_date(meta: Meta, metadata: dt.date | None,
                 heading: dt.date | None) -> tuple[dt.date | None, str]:
    """The article's date and its evidence, in order of trust; never today's date."""
    if meta.byline_date:
        return meta.byline_date, "byline"
    if meta.dateline and meta.dateline.month_day:
        d = dates.parse_date(meta.dateline.month_day, ref=metadata or heading)
        if d:
            return d, "dateline"
    if metadata:
        return metadata, "metadata"
    if heading:
        return heading, "file-heading"
    return None, "unknown"
