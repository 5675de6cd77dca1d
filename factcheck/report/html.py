"""The HTML discrepancy report: one self-contained file an editor opens from disk.

Everything is inlined (CSS, script, pictures) and locked down by a Content-Security-Policy
whose script hash is computed here, so the file works offline and an article's text can
never run as code. Article text is only ever escaped and cut into segments; the figure is
wrapped in <mark> around escaped text, never by splicing markup into the article.

A small corpus gets every article and claim on the page. A large one (see is_large) gets
every finding, the articles its cards link to and the claims they show: a page that stays
a few megabytes and opens in a browser, with the JSON report holding the rest. The parts
repeated per figure (article text, claims table) are built here rather than in the
template, where a macro call and an escape object per figure cost seconds at 10k articles.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from factcheck.model import INF, Article, Claim, Finding, Report
from factcheck.report.sarif import rule_metadata

HERE = Path(__file__).resolve().parent
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

_env = Environment(
    loader=FileSystemLoader(str(HERE / "templates")),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True, lstrip_blocks=True,
)

# ---------------------------------------------------------------- number formatting

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_UNIT_LABELS = {"bbl/d": "bbl/d", "%": "%", "pp": "pp", "USD": "USD"}


def _trim(x: float, digits: int = 4) -> str:
    if x == 0:
        return "0"
    mag = int(math.floor(math.log10(abs(x))))
    decimals = max(0, digits - 1 - mag)
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def scale_for(values: Iterable[float]) -> tuple[float, str]:
    """One scale word for a set of values, so an interval reads '[1.955, 1.965] million'."""
    finite = [abs(v) for v in values if v is not None and math.isfinite(v) and v != 0]
    if not finite:
        return 1.0, ""
    top = max(finite)
    for factor, word in _SCALES:
        if top >= factor:
            return factor, word
    return 1.0, ""


def format_number(x: float | None, scale: tuple[float, str] | None = None) -> str:
    if x is None:
        return "–"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    factor, word = scale or scale_for([x])
    text = _trim(x / factor)
    return f"{text} {word}" if word else text


def format_with_unit(x: float | None, unit: str, scale: tuple[float, str] | None = None) -> str:
    text = format_number(x, scale)
    if not unit:
        return text
    if unit == "%":
        return text + "%"
    return f"{text} {unit}"


def format_interval(low: float, high: float, unit: str) -> str:
    scale = scale_for([low, high])
    factor, word = scale
    suffix = (f" {word}" if word else "") + ("" if not unit else ("%" if unit == "%" else f" {unit}"))
    if low == high:
        return _trim(low / factor) + suffix
    if math.isinf(high) and not math.isinf(low):
        return "≥ " + _trim(low / factor) + suffix
    if math.isinf(low) and not math.isinf(high):
        return "≤ " + _trim(high / factor) + suffix
    lo = "−∞" if math.isinf(low) else _trim(low / factor)
    hi = "∞" if math.isinf(high) else _trim(high / factor)
    return f"{lo} – {hi}{suffix}"


def humanise(identifier: str) -> str:
    return identifier.replace("_", " ").replace("-", " ").strip()


def format_period(period: str) -> str:
    months = ("January February March April May June July August September October "
              "November December").split()
    m = re.fullmatch(r"(\d{4})-(\d{2})", period or "")
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{months[int(m.group(2)) - 1]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12])", period or "")
    if m:
        return f"{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", period or "")
    if m and 1 <= int(m.group(2)) <= 12:
        return f"as of {int(m.group(3))} {months[int(m.group(2)) - 1]} {m.group(1)}"
    return period or "period unresolved"


# ---------------------------------------------------------------- highlighting


@dataclass
class Segment:
    text: str
    claim: "ClaimView | None" = None
    mark: bool = False


_PLAIN_ID = re.compile(r"[A-Za-z0-9_.:-]{1,80}")


def _anchor(prefix: str, raw: str) -> str:
    """An id safe in HTML and in a URL fragment without encoding."""
    if _PLAIN_ID.fullmatch(raw):
        return f"{prefix}{raw}"
    return prefix + "h" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def finding_anchor(finding_id: str) -> str:
    """The permalink id of a finding: its fingerprint, if that is a plain token."""
    return _anchor("", finding_id)


def sentence_segments(claim: Claim, article: Article | None) -> list[Segment]:
    """The claim's sentence cut around the figure, located by offsets when they agree."""
    sentence = claim.sentence or ""
    at = -1
    q = claim.quantity
    if article is not None and article.text[q.start:q.end] == q.text and sentence:
        # The sentence occurrence that contains the figure's offset.
        s = article.text.rfind(sentence, 0, q.start + 1)
        if s != -1 and s + len(sentence) >= q.end:
            at = q.start - s
            length = q.end - q.start
    if at < 0:
        at = sentence.find(claim.text) if claim.text else -1
        length = len(claim.text)
    if at < 0 or not claim.text:
        return [Segment(sentence)]
    return [Segment(sentence[:at]), Segment(sentence[at:at + length], mark=True),
            Segment(sentence[at + length:])]


# ---------------------------------------------------------------- view models


class ClaimView:
    """A claim as the page shows it. Only what a card or row reads is ever formatted, so a
    claim that is merely grouped or searched costs no number formatting."""

    def __init__(self, claim: Claim, article: Article | None):
        self.claim = claim
        self.article = article
        self.outlet = article.outlet if article else ""
        self.author = article.author if article else ""
        self.headline = article.headline if article else ""

    @cached_property
    def anchor(self) -> str:
        return _anchor("claim-", self.claim.id)

    @property
    def tip_id(self) -> str:
        return self.anchor + "-tip"

    @cached_property
    def normalised(self) -> str:
        q = self.claim.quantity
        if q.value is not None:
            return format_with_unit(q.value, q.unit, scale_for([q.value]))
        return self.interval

    @cached_property
    def interval(self) -> str:
        q = self.claim.quantity
        return format_interval(q.low, q.high, q.unit)

    @cached_property
    def citation(self) -> str:
        c = self.claim
        return f"{c.path}:{c.line}:{c.start + 1}"

    @cached_property
    def date(self) -> str:
        return _date(self.article)

    @cached_property
    def segments(self) -> list[Segment]:
        return sentence_segments(self.claim, self.article)

    @cached_property
    def metric_label(self) -> str:
        return humanise(self.claim.metric) if self.claim.metric else ""

    @cached_property
    def period_label(self) -> str:
        return format_period(self.claim.period) if self.claim.period else ""

    @property
    def article_anchor(self) -> str:
        return _anchor("article-", self.claim.article)

    @cached_property
    def sort_value(self) -> float:
        q = self.claim.quantity
        value = q.value if q.value is not None else (
            q.low if math.isfinite(q.low) else (q.high if math.isfinite(q.high) else 0.0))
        return float(value) if math.isfinite(value) else 0.0


@dataclass
class SideView:
    """One column of a finding card: a figure, and other claims that give the same value."""

    primary: ClaimView
    others: list[ClaimView]
    spill: bool = False          # the overflow column: others are different figures


MAX_SIDES = 6
ARTICLES_ALWAYS_OPEN = 6
MAX_OTHERS = 8
# Up to this size the page shows every article and every claim; past it, what the findings
# show (see build_context). At about 5 claims an article both limits meet near 1,000
# articles, a page of some 8 MB that a browser opens without a wait.
FULL_REPORT_ARTICLES = 1000
FULL_REPORT_CLAIMS = 10_000
MAX_PLOT_ROWS = 8


def _sides(finding: Finding, views: Sequence[ClaimView]) -> list[SideView]:
    """Group the claims by the value they agree on (details.values), else one per claim."""
    by_id = {v.claim.id: v for v in views}
    values = finding.details.get("values") if finding.details else None
    sides: list[SideView] = []
    placed: set[str] = set()
    if isinstance(values, (list, tuple)):
        for item in values:
            if not isinstance(item, Mapping):
                continue
            members = [by_id[c] for c in item.get("claims") or () if c in by_id
                       and c not in placed]
            if members:
                placed.update(m.claim.id for m in members)
                sides.append(SideView(primary=members[0], others=members[1:]))
    sides += [SideView(primary=v, others=[]) for v in views if v.claim.id not in placed]
    if len(sides) > MAX_SIDES:
        spill = [x for side in sides[MAX_SIDES - 1:] for x in [side.primary, *side.others]]
        sides = sides[:MAX_SIDES - 1] + [SideView(primary=spill[0], others=spill[1:],
                                                  spill=True)]
    return sides


@dataclass
class FindingView:
    finding: Finding
    anchor: str
    severity: str
    rule_name: str
    rule_short: str
    key_line: str
    entity: str
    metric: str
    claims: list[ClaimView]
    sides: list[SideView]
    difference: str
    tolerance: str
    explanation: str
    reported: str
    computed: str
    plot: Markup
    extra: list[tuple[str, str]]
    search: str
    message: str = ""
    copies: list[dict[str, str]] = field(default_factory=list)


@dataclass
class ArticleView:
    article: Article
    anchor: str
    date: str
    claims: list[ClaimView]      # the figures marked in the text, each with its reading
    claim_count: int             # every claim read in the article, marked or not
    open: bool = True

    @property
    def segments(self) -> list[Segment]:
        return article_segments(self.article, self.claims)

    @property
    def html(self) -> Markup:
        return article_html(self.article, self.claims)


@dataclass
class Context:
    findings: list[FindingView] = field(default_factory=list)
    articles: list[ArticleView] = field(default_factory=list)
    claims: list[ClaimView] = field(default_factory=list)
    # Whether every article and claim is on the page, or only those the findings show.
    full: bool = True

    @property
    def claim_rows(self) -> Markup:
        return Markup("".join(claim_row(v) + "\n      " for v in self.claims))


def _date(article: Article | None) -> str:
    if article is None or article.published is None:
        return ""
    return article.published.isoformat()


def _intervals_for_plot(finding: Finding, views: Sequence[ClaimView]
                        ) -> tuple[list[tuple[str, float | None, float, float]], str]:
    """(label, value, low, high) rows on one unit, and that unit; [] when nothing fits."""
    by_id = {v.claim.id: v for v in views}
    values = finding.details.get("values") if finding.details else None
    rows: list[tuple[str, float | None, float, float]] = []
    unit = ""
    if isinstance(values, (list, tuple)) and values:
        for item in values:
            if not isinstance(item, Mapping):
                continue
            try:
                low, high = float(item.get("low")), float(item.get("high"))
            except (TypeError, ValueError):
                continue
            value = item.get("value")
            value = float(value) if isinstance(value, (int, float)) else None
            ids = item.get("claims") or []
            labels = []
            for cid in ids:
                v = by_id.get(cid)
                if v is not None:
                    labels.append(v.outlet or v.claim.path.rsplit("/", 1)[-1])
            outlets = item.get("outlets")
            if isinstance(outlets, (list, tuple)) and outlets:
                labels = [str(o) for o in outlets]
            label = ", ".join(dict.fromkeys(labels)) or format_interval(low, high, "")
            rows.append((label, value, low, high))
            unit = unit or str(item.get("unit") or "")
        if len(rows) >= 2:
            return _distinct_labels(rows, finding, by_id), unit
        rows = []
    if finding.kind == "syndication":  # copies of one story: nothing to compare
        return [], ""
    # Otherwise: the claims of the most common unit, if at least two share one.
    groups: dict[str, list[ClaimView]] = {}
    for v in views:
        groups.setdefault(v.claim.quantity.unit, []).append(v)
    if not groups:
        return [], ""
    unit, members = max(groups.items(), key=lambda kv: len(kv[1]))
    if len(members) < 2:
        return [], ""
    for v in members:
        q = v.claim.quantity
        rows.append((f"{v.claim.text} ({v.outlet or v.claim.path})", q.value, q.low, q.high))
    return rows, unit


def _distinct_labels(rows, finding: Finding, by_id: Mapping[str, ClaimView]):
    """Rows from one outlet get the author, then the figure, so no two read the same."""
    labels = [r[0] for r in rows]
    if len(set(labels)) == len(labels):
        return rows
    items = [v for v in finding.details.get("values", ()) if isinstance(v, Mapping)]
    out = []
    for (label, value, low, high), item in zip(rows, items):
        first = next((by_id[c] for c in item.get("claims") or () if c in by_id), None)
        if first is not None and labels.count(label) > 1:
            label = f"{first.author or first.claim.text} · {label}" if first.author else \
                f"{first.claim.text} · {label}"
        out.append((label, value, low, high))
    return out


def _nice_ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / count
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=raw)
    first = math.ceil(lo / step) * step
    ticks = []
    t = first
    while t <= hi + step * 1e-9 and len(ticks) < 12:
        ticks.append(round(t, 12))
        t += step
    return ticks


def strip_plot(rows: Sequence[tuple[str, float | None, float, float]], unit: str) -> Markup:
    """A small SVG: one row per source, its interval as a bar, its value as a dot.

    Open-ended intervals run to the edge with an arrow, so 'at least 2.1 million' reads
    as unbounded rather than as a point.
    """
    if len(rows) < 2:
        return Markup("")
    finite = [x for _, v, lo, hi in rows for x in (v, lo, hi)
              if x is not None and math.isfinite(x)]
    if not finite:
        return Markup("")
    lo_d, hi_d = min(finite), max(finite)
    if hi_d == lo_d:
        pad = abs(lo_d) * 0.05 or 1.0
    else:
        pad = (hi_d - lo_d) * 0.12
    lo_d, hi_d = lo_d - pad, hi_d + pad
    # Room for an open end to read as open rather than as a point at the edge.
    if any(math.isinf(hi) and hi > 0 for _, _, _, hi in rows):
        hi_d += (hi_d - lo_d) * 0.2
    if any(math.isinf(lo) and lo < 0 for _, _, lo, _ in rows):
        lo_d -= (hi_d - lo_d) * 0.2
    scale = scale_for([lo_d, hi_d])
    label_w, plot_w, right_pad, row_h, top = 220, 360, 18, 24, 8
    width = label_w + plot_w + right_pad
    height = top + row_h * len(rows) + 26

    def x(v: float) -> float:
        if math.isinf(v):
            return label_w + (plot_w if v > 0 else 0)
        return label_w + (v - lo_d) / (hi_d - lo_d) * plot_w

    unit_word = ((" " + scale[1]) if scale[1] else "") + (f" {unit}" if unit and unit != "%" else
                                                         ("%" if unit == "%" else ""))
    desc = "; ".join(f"{label}: {format_interval(lo, hi, unit)}" for label, _, lo, hi in rows)
    parts = [
        f'<svg class="strip" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape("Intervals on one axis: " + desc)}" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    axis_y = top + row_h * len(rows) + 2
    for t in _nice_ticks(lo_d, hi_d):
        tx = x(t)
        parts.append(f'<line class="grid" x1="{tx:.1f}" x2="{tx:.1f}" y1="{top - 4}" '
                     f'y2="{axis_y}"/>')
        parts.append(f'<text class="tick" x="{tx:.1f}" y="{axis_y + 14}" text-anchor="middle">'
                     f'{escape(_trim(t / scale[0]))}</text>')
    parts.append(f'<line class="axis" x1="{label_w}" x2="{label_w + plot_w}" y1="{axis_y}" '
                 f'y2="{axis_y}"/>')
    if unit_word.strip():
        parts.append(f'<text class="tick unit" x="{label_w - 8}" y="{axis_y + 14}" '
                     f'text-anchor="end">{escape(unit_word.strip())}</text>')
    for i, (label, value, lo, hi) in enumerate(rows):
        cy = top + row_h * i + row_h / 2
        short = label if len(label) <= 32 else label[:31] + "…"
        parts.append(f'<text class="lab" x="{label_w - 8}" y="{cy + 4:.1f}" text-anchor="end">'
                     f'<title>{escape(label)}</title>{escape(short)}</text>')
        x1, x2 = x(lo), x(hi)
        if x2 - x1 < 3:
            mid = (x1 + x2) / 2
            x1, x2 = mid - 1.5, mid + 1.5
        parts.append(f'<line class="bar s{i % 6}" x1="{x1:.1f}" x2="{x2:.1f}" y1="{cy:.1f}" '
                     f'y2="{cy:.1f}"/>')
        if math.isinf(hi) and hi > 0:
            ax = label_w + plot_w
            parts.append(f'<path class="arrow s{i % 6}" d="M{ax - 7},{cy - 5:.1f} L{ax + 2},'
                         f'{cy:.1f} L{ax - 7},{cy + 5:.1f} Z"/>')
        if math.isinf(lo) and lo < 0:
            ax = label_w
            parts.append(f'<path class="arrow s{i % 6}" d="M{ax + 7},{cy - 5:.1f} L{ax - 2},'
                         f'{cy:.1f} L{ax + 7},{cy + 5:.1f} Z"/>')
        if value is not None and math.isfinite(value):
            parts.append(f'<circle class="dot s{i % 6}" cx="{x(value):.1f}" cy="{cy:.1f}" '
                         'r="4.5"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _difference(details: Mapping[str, Any]) -> str:
    diff = details.get("difference")
    if not isinstance(diff, Mapping):
        return ""
    unit = str(diff.get("unit") or "")
    bits = []
    absolute = diff.get("absolute")
    if isinstance(absolute, (int, float)):
        bits.append(format_with_unit(float(absolute), unit))
    relative = diff.get("relative")
    if isinstance(relative, (int, float)) and math.isfinite(relative):
        bits.append(f"{_trim(relative * 100, 3)}%")
    if not bits:
        return ""
    return bits[0] + (f" ({bits[1]})" if len(bits) > 1 else "")


def _tolerance(details: Mapping[str, Any]) -> str:
    tol = details.get("tolerance")
    if isinstance(tol, Mapping):
        bits = []
        for k, v in tol.items():
            if isinstance(v, (int, float)) and k == "relative":
                bits.append(f"relative {_trim(v * 100, 3)}%")
            elif isinstance(v, (int, float)) and k.startswith("abs"):
                bits.append(f"absolute {_trim(float(v))}" if v else "absolute 0")
            else:
                bits.append(f"{humanise(str(k))} {_plain(v)}")
        return ", ".join(bits)
    if tol is not None:
        return _plain(tol)
    return ""


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return format_number(value) if not math.isnan(value) else "NaN"
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        sep = "\n" if any(isinstance(v, Mapping) for v in value) else ", "
        return sep.join(_plain(v) for v in value)
    return str(value)


_KNOWN_DETAIL_KEYS = {"key", "key_text", "values", "articles", "difference", "tolerance", "explanation", "reported",
                      "computed"}


def _explanation(details: Mapping[str, Any], said: Sequence[str]) -> str:
    """details.explanation, unless the message already says exactly that."""
    text = str(details.get("explanation") or "")
    return "" if text.strip() in {m.strip() for m in said} else text


def _copies(details: Mapping[str, Any]) -> list[dict[str, str]]:
    """The articles of a syndication finding, for a list of where the story was copied."""
    arts = details.get("articles")
    if not isinstance(arts, (list, tuple)):
        return []
    out = []
    for a in arts:
        if not isinstance(a, Mapping):
            continue
        out.append({
            "id": str(a.get("id") or ""),
            "anchor": _anchor("article-", str(a.get("id") or "")),
            "where": f"{a.get('path', '')}:{a.get('line_start', '')}",
            "headline": str(a.get("headline") or ""),
            "outlet": str(a.get("outlet") or ""),
            "published": str(a.get("published") or ""),
        })
    return out


def shared_field(views: Sequence[Any], name: str) -> str:
    """A claim field every claim of a finding agrees on, else "" (no guessing from one)."""
    values = {getattr(getattr(v, "claim", v), name) for v in views}
    return str(values.pop()) if len(values) == 1 else ""


def _finding_view(finding: Finding, claim_views: Mapping[str, ClaimView],
                  rules: Mapping[str, Mapping[str, str]]) -> FindingView:
    views = [claim_views[c] for c in finding.claims if c in claim_views]
    details = finding.details or {}
    key = details.get("key") if isinstance(details.get("key"), Mapping) else {}
    entity = str(key.get("entity") or shared_field(views, "entity"))
    metric = str(key.get("metric") or shared_field(views, "metric"))
    period = str(key.get("period") or shared_field(views, "period"))
    modality = str(key.get("modality") or shared_field(views, "modality"))
    if entity or metric or period:
        bits = [entity or "entity unresolved",
                humanise(metric) if metric else "metric unresolved", format_period(period)]
        if modality and modality != "actual":
            bits.append(modality)
    else:  # not about one figure (copies of a story, say): name what the rule found
        bits = [rules.get(finding.rule, {}).get("short", "").rstrip(".") or
                humanise(finding.kind)]
    rows, unit = _intervals_for_plot(finding, views)
    rule = rules.get(finding.rule, {})
    extra = [(humanise(str(k)), _plain(v)) for k, v in details.items()
             if k not in _KNOWN_DETAIL_KEYS]
    reported = details.get("reported")
    computed = details.get("computed")
    message = finding.message
    key_text = details.get("key_text")
    if isinstance(key_text, str) and key_text and message.startswith(key_text + ":"):
        # The card's title already says what the figures are about, in words.
        message = message[len(key_text) + 1:].strip()
    search = " ".join([finding.rule, finding.kind, finding.severity, finding.message, entity,
                       metric, humanise(metric), period] +
                      # Copies of one story repeat a sentence many times: once is enough
                      # for a substring search, and keeps a large card's attribute small.
                      list(dict.fromkeys(
                          f"{v.claim.text} {v.outlet} {v.author} {v.claim.path} "
                          f"{v.claim.sentence}" for v in views))).lower()
    return FindingView(
        finding=finding, anchor=finding_anchor(finding.id),
        severity=finding.severity if finding.severity in SEVERITY_ORDER else "info",
        rule_name=humanise(rule.get("name", finding.kind)),
        rule_short=rule.get("short", ""), key_line=" · ".join(bits), entity=entity,
        metric=metric, claims=views, sides=_sides(finding, views),
        difference=_difference(details),
        tolerance=_tolerance(details),
        explanation=_explanation(details, (finding.message, message)),
        reported=_plain(reported) if reported is not None else "",
        computed=_plain(computed) if computed is not None else "",
        plot=strip_plot(rows, unit) if len(rows) <= MAX_PLOT_ROWS else Markup(""),
        extra=extra, search=search, message=message, copies=_copies(details))


def article_segments(article: Article, views: Sequence[ClaimView]) -> list[Segment]:
    """The article text cut at each claim's figure; overlapping figures keep the first."""
    text = article.text
    spans = sorted(((v.claim.quantity.start, v.claim.quantity.end, v) for v in views
                    if 0 <= v.claim.quantity.start < v.claim.quantity.end <= len(text)
                    and text[v.claim.quantity.start:v.claim.quantity.end]
                    == v.claim.quantity.text), key=lambda s: (s[0], -s[1]))
    out: list[Segment] = []
    pos = 0
    for start, end, view in spans:
        if start < pos:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], claim=view, mark=True))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def _esc(text: str) -> str:
    """markupsafe.escape's output, without a Markup object per call (one per figure adds
    up to seconds on a large corpus)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


def claim_tooltip(view: ClaimView, text: str) -> str:
    """A figure marked in its article, with how it was understood; all of it escaped."""
    c = view.claim
    tip = view.tip_id
    parts = [f'<span class="cw"><mark class="claim" id="{view.anchor}" tabindex="0" '
             f'aria-describedby="{tip}">{_esc(text)}</mark><span class="tip" role="tooltip" '
             f'id="{tip}"><b>{_esc(view.normalised)}</b>']
    if view.interval != view.normalised:
        parts.append(f' <span class="interval">[{_esc(view.interval)}]</span>')
    parts.append(f"<br>entity: {_esc(str(c.entity or '—'))}<br>metric: "
                 f"{_esc(view.metric_label or '—')}<br>period: {_esc(view.period_label or '—')}"
                 f"<br>modality: {_esc(str(c.modality))}")
    if c.attribution:
        parts.append(f"<br>source: {_esc(str(c.attribution))}")
    parts.append(f"<br>confidence: {'%.0f' % (c.confidence * 100)}%")
    parts.extend(f"<br><i>{_esc(str(n))}</i>" for n in c.notes)
    parts.append("</span></span>")
    return "".join(parts)


def article_html(article: Article, views: Sequence[ClaimView]) -> Markup:
    """The article text, escaped, with every claim's figure marked and explained."""
    return Markup("".join(claim_tooltip(s.claim, s.text) if s.claim else _esc(s.text)
                          for s in article_segments(article, views)))


def claim_row(view: ClaimView) -> str:
    """One row of the claims table."""
    c = view.claim
    text = _esc(c.text)
    return (f'<tr>\n        <td data-sort="{text}"><mark>{text}</mark></td>\n'
            f'        <td class="num" data-sort="{view.sort_value}">{_esc(view.normalised)}</td>\n'
            f'        <td>{_esc(str(c.entity))}</td>\n'
            f'        <td data-sort="{_esc(str(c.metric))}">{_esc(view.metric_label)}</td>\n'
            f'        <td data-sort="{_esc(str(c.period))}">{_esc(str(c.period))}</td>\n'
            f'        <td>{_esc(str(c.modality))}</td>\n'
            f'        <td>{_esc(str(c.attribution or view.outlet))}</td>\n'
            f'        <td class="num" data-sort="{c.confidence}">'
            f"{'%.0f' % (c.confidence * 100)}%</td>\n"
            f'        <td data-sort="{_esc(view.citation)}"><a href="#{view.anchor}">'
            f"{_esc(view.citation)}</a></td>\n      </tr>")


class _Views(Mapping):
    """Claim views by id, made the first time a finding or an article asks for one."""

    def __init__(self, report: Report, articles: Mapping[str, Article]):
        # One claim per id (the last, in the place of the first): ids are page anchors.
        self._claims = {c.id: c for c in report.claims}
        self._articles = articles
        self._views: dict[str, ClaimView] = {}

    def __getitem__(self, cid: str) -> ClaimView:
        view = self._views.get(cid)
        if view is None:
            claim = self._claims[cid]
            view = self._views[cid] = ClaimView(claim, self._articles.get(claim.article))
        return view

    def __contains__(self, cid: object) -> bool:
        return cid in self._claims

    def __iter__(self):
        return iter(self._claims)

    def claims(self) -> Iterable[Claim]:
        return self._claims.values()

    def __len__(self) -> int:
        return len(self._claims)


def is_large(report: Report) -> bool:
    """Past this size the page holds what the findings show, not every article and claim."""
    return len(report.articles) > FULL_REPORT_ARTICLES or len(report.claims) > FULL_REPORT_CLAIMS


def _shown_by_findings(findings: Sequence[FindingView]) -> tuple[set[str], set[str]]:
    """(claim ids, article ids) that the finding cards link to."""
    claims: set[str] = set()
    articles: set[str] = set()
    for fv in findings:
        if fv.copies:
            claims.update(v.claim.id for v in fv.claims)
            articles.update(a["id"] for a in fv.copies)
        else:
            for side in fv.sides:
                claims.add(side.primary.claim.id)
                claims.update(o.claim.id for o in side.others[:MAX_OTHERS])
    return claims, articles


def build_context(report: Report, full: bool | None = None) -> Context:
    """The page's view of a report. full=None decides by size (see is_large): a large
    corpus keeps every finding, the articles its cards link to and the claims they show."""
    articles = {a.id: a for a in report.articles}
    rules = rule_metadata(report)
    views = _Views(report, articles)
    findings = sorted(
        (_finding_view(f, views, rules) for f in report.findings),
        key=lambda fv: (SEVERITY_ORDER.get(fv.severity, 3), fv.finding.rule))
    full = not is_large(report) if full is None else full
    by_article: dict[str, list[Claim]] = {}
    for c in views.claims():
        by_article.setdefault(c.article, []).append(c)
    if full:
        # A long corpus opens only the articles a finding cites; the rest stay one click away.
        cited = {views[c].claim.article for f in report.findings for c in f.claims
                 if c in views}
        few = len(report.articles) <= ARTICLES_ALWAYS_OPEN
        shown_articles = [(a, few or a.id in cited) for a in report.articles]
        claims = [views[c.id] for c in views.claims()]
        marked = None
    else:
        shown_claims, wanted = _shown_by_findings(findings)
        wanted.update(views[c].claim.article for c in shown_claims if c in views)
        # Closed: thousands of open articles would make a slow page; a link opens its own.
        shown_articles = [(a, False) for a in report.articles if a.id in wanted]
        claims = [views[c.id] for c in views.claims() if c.id in shown_claims]
        marked = shown_claims
    article_views = [
        ArticleView(article=a, anchor=_anchor("article-", a.id), date=_date(a),
                    claims=[views[c.id] for c in by_article.get(a.id, ())
                            if marked is None or c.id in marked],
                    claim_count=len(by_article.get(a.id, ())), open=is_open)
        for a, is_open in shown_articles]
    return Context(findings=findings, articles=article_views, claims=claims, full=full)


# ---------------------------------------------------------------- the page


def _summary(report: Report, run_date: str | None, rules_version: str) -> dict[str, Any]:
    s = report.summary if isinstance(report.summary, Mapping) else {}
    counts = {sev: 0 for sev in SEVERITY_ORDER}
    for f in report.findings:
        counts[f.severity if f.severity in counts else "info"] += 1
    files = s.get("files")
    if not isinstance(files, int):
        files = len({a.path for a in report.articles} | {p.path for p in report.problems})
    return {
        "files": files,
        "articles": len(report.articles),
        "claims": len(report.claims),
        "findings": len(report.findings),
        "by_severity": counts,
        "suppressed": len(report.suppressed),
        "run_date": run_date or str(s.get("run_date") or s.get("generated") or ""),
        "rules_version": rules_version or str(s.get("rules_version") or ""),
    }


def _asset(name: str) -> str:
    return (HERE / "assets" / name).read_text(encoding="utf-8")


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_html(report: Report, *, title: str = "factcheck report", run_date: str | None = None,
                rules_version: str = "", article_texts: Mapping[str, str] | None = None,
                full: bool | None = None) -> str:
    """The whole report as one HTML document (a str, UTF-8 when written).

    article_texts, when given, replaces Article.text for the article view (keyed by
    Article.id); claim offsets must refer to that same text. full: every article and claim
    on the page (True), only those the findings show (False), or by size (None, see
    is_large); every finding is shown either way.
    """
    if article_texts:
        import dataclasses
        report = dataclasses.replace(report, articles=tuple(
            dataclasses.replace(a, text=article_texts[a.id]) if a.id in article_texts else a
            for a in report.articles))
    script = _asset("report.js")
    if "</script" in script.lower():  # would end the element early
        raise ValueError("report.js must not contain '</script'")
    css = _asset("report.css")
    csp = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src '{_script_hash(script)}'; base-uri 'none'; form-action 'none'")
    ctx = build_context(report, full)
    rules = rule_metadata(report)
    used_rules = sorted({f.finding.rule for f in ctx.findings})
    entities = sorted({f.entity for f in ctx.findings if f.entity})
    metrics = sorted({f.metric for f in ctx.findings if f.metric})
    template = _env.get_template("report.html.j2")
    return template.render(
        title=title, csp=csp, css=Markup(css), script=Markup(script),
        summary=_summary(report, run_date, rules_version), ctx=ctx,
        rules=rules, used_rules=used_rules, entities=entities, metrics=metrics,
        problems=report.problems, humanise=humanise, format_period=format_period,
        severities=list(SEVERITY_ORDER))
