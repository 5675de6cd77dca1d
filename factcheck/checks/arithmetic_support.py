"""What the arithmetic checks (FC201-FC207) share: interval arithmetic, where a figure sits
in its sentence, periods as calendars, and the shape of every arithmetic finding.

Every input of a recomputation is an interval (written precision and hedge together, as
compare.span gives it), and so is the result: a finding is made only when the reported
interval and the computed one cannot meet beyond the rule's tolerance. Point arithmetic
would flag "2.1 million" against a total worked out from "2.12 million".
"""

from __future__ import annotations

import calendar
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

import regex

from factcheck.checks.compare import Span, relative_gap, span, to_comparison
from factcheck.checks.config import RuleConfig
from factcheck.checks.context import CheckContext
from factcheck.checks.findings import make_finding
from factcheck.checks.formatting import amount, describe
from factcheck.model import Claim, Finding
from factcheck.frame.lazy_pattern import deferred_regex

INF = math.inf


# --- intervals ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Interval:
    """A closed interval [low, high]; infinite ends stand for open bounds ("at least")."""

    low: float
    high: float

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.low - other.high, self.high - other.low)

    def scale(self, factor: float) -> "Interval":
        ends = (self.low * factor, self.high * factor) if factor >= 0 else \
            (self.high * factor, self.low * factor)
        return Interval(_nan_safe(ends[0], -INF), _nan_safe(ends[1], INF))

    def times(self, other: "Interval") -> "Interval":
        products = [_mul(a, b) for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products))

    def over(self, other: "Interval") -> "Interval | None":
        """self / other for a positive divisor; None when the divisor may be zero or less."""
        if not other.low > 0:
            return None
        inverse = Interval(1 / other.high if math.isfinite(other.high) else 0.0, 1 / other.low)
        return self.times(inverse)

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.low) and math.isfinite(self.high)

    @property
    def mid(self) -> float:
        if self.bounded:
            return (self.low + self.high) / 2
        return self.low if math.isfinite(self.low) else self.high


def _mul(a: float, b: float) -> float:
    if a == 0 or b == 0:
        return 0.0
    return a * b


def _nan_safe(value: float, fallback: float) -> float:
    return fallback if math.isnan(value) else value


def interval(claim: Claim) -> Interval:
    """A claim's figure on its comparison scale, rounding included."""
    s = span(claim)
    return Interval(s.low, s.high)


def gap(reported: Interval, computed: Interval) -> float:
    """Relative distance between two intervals (0 when they meet)."""
    return relative_gap(Span(reported.low, reported.high, None, ""),
                        Span(computed.low, computed.high, None, ""))


def cannot_meet(reported: Interval, computed: Interval, tolerance: float) -> bool:
    return gap(reported, computed) > tolerance


def absolute_gap_ok(reported: Interval, computed: Interval, slack: float) -> bool:
    """True when the intervals come within `slack` (absolute) of each other."""
    return reported.low - slack <= computed.high and computed.low - slack <= reported.high


# --- units -------------------------------------------------------------------------------

def base_unit(claim: Claim) -> str:
    return to_comparison(claim.quantity.unit)[0]


def same_scale(a: Claim, b: Claim) -> bool:
    """Both figures convert to one comparison unit and count the same kind of thing."""
    qa, qb = a.quantity, b.quantity
    if base_unit(a) != base_unit(b):
        return False
    if not qa.unit and qa.counted and qb.counted and qa.counted != qb.counted:
        return False
    return True


def is_percent(claim: Claim) -> bool:
    return claim.quantity.unit == "%"


def is_points(claim: Claim) -> bool:
    return claim.quantity.unit in ("pp", "pt") or claim.quantity.dimension in ("points",
                                                                                "index_points")


def is_open(claim: Claim) -> bool:
    q = claim.quantity
    return math.isinf(q.low) or math.isinf(q.high)


def show(claim: Claim) -> str:
    return describe(span(claim))


def show_interval(iv: Interval, unit: str) -> str:
    if unit in ("%", "pp") and iv.bounded:
        low, high = f"{iv.low:.1f}", f"{iv.high:.1f}"
        return f"{low}{unit}" if low == high else f"{low}{unit}–{high}{unit}"
    if iv.bounded and abs(iv.high - iv.low) <= 1e-9 * max(1.0, abs(iv.mid)):
        return amount(iv.mid, unit)
    if math.isinf(iv.high) and math.isinf(iv.low):
        return "any value"
    # An open end carries the rounding of the bound it came from ("at least 130,000" is
    # 129,999.5 up): shown to 4 significant digits, as the figure was reasoned about.
    if math.isinf(iv.high):
        return "at least " + amount(float(f"{iv.low:.4g}"), unit)
    if math.isinf(iv.low):
        return "at most " + amount(float(f"{iv.high:.4g}"), unit)
    return f"{amount(iv.low, unit)}–{amount(iv.high, unit)}"


def show_point(value: float, unit: str) -> str:
    return amount(value, unit)


# --- where a figure sits -----------------------------------------------------------------

@dataclass(frozen=True)
class Placed:
    """A claim with its offsets in its article's text."""

    claim: Claim
    start: int
    end: int


class Layout:
    """Claims per article and per sentence, in text order, with the article text at hand."""

    def __init__(self, ctx: CheckContext):
        self.text: dict[str, str] = {a.id: a.text for a in ctx.articles}
        self.by_article: dict[str, list[Placed]] = defaultdict(list)
        for claim in ctx.claims:
            q = claim.quantity
            self.by_article[claim.article].append(Placed(claim, q.start, q.end))
        # One list per occurrence of a sentence: an article repeating a sentence a thousand
        # times must not make every figure a mate of every copy (quadratic, and wrong).
        self.by_sentence: dict[tuple[str, str, int], list[Placed]] = defaultdict(list)
        self._occurrence: dict[int, tuple[str, str, int]] = {}   # id(Placed) -> its run
        for placed_list in self.by_article.values():
            placed_list.sort(key=lambda p: (p.start, p.end))
            runs: dict[str, tuple[int, int]] = {}     # sentence -> (run number, run start)
            for p in placed_list:
                sentence = p.claim.sentence
                number, first = runs.get(sentence, (-1, 0))
                if number < 0 or p.start - first >= max(1, len(sentence)):
                    number, first = number + 1, p.start
                    runs[sentence] = (number, first)
                key = (p.claim.article, sentence, number)
                self.by_sentence[key].append(p)
                self._occurrence[id(p)] = key
        self.placed: dict[str, Placed] = {p.claim.id: p for ps in self.by_article.values()
                                          for p in ps}

    def between(self, a: Placed, b: Placed) -> str:
        text = self.text.get(a.claim.article, "")
        lo, hi = (a.end, b.start) if a.start <= b.start else (b.end, a.start)
        return text[lo:hi] if lo <= hi else ""

    def before(self, p: Placed, width: int = 80) -> str:
        """Text before a figure, cut at the start of its sentence."""
        text = self.text.get(p.claim.article, "")
        chunk = text[max(0, p.start - width):p.start]
        return _clip_to_sentence_start(chunk, p.claim.sentence)

    def after(self, p: Placed, width: int = 80) -> str:
        text = self.text.get(p.claim.article, "")
        chunk = text[p.end:p.end + width]
        return _clip_to_sentence_end(chunk)

    def sentence_mates(self, p: Placed) -> list[Placed]:
        """The figures of the same occurrence of p's sentence, p included, in text order."""
        return self.by_sentence.get(self._occurrence.get(id(p)), [])


_SENTENCE_END = deferred_regex(r"(?<=[.!?])\s+(?=[A-Z\"“(])|\n\s*\n")


def _may_end_sentence(chunk: str) -> bool:
    """Whether _SENTENCE_END can match at all: most chunks hold no stop and no line break."""
    return "\n" in chunk or "." in chunk or "!" in chunk or "?" in chunk


def _clip_to_sentence_start(chunk: str, sentence: str) -> str:
    if not _may_end_sentence(chunk):
        return chunk
    cuts = list(_SENTENCE_END.finditer(chunk))
    return chunk[cuts[-1].end():] if cuts else chunk


def _clip_to_sentence_end(chunk: str) -> str:
    if not _may_end_sentence(chunk):
        return chunk
    cut = _SENTENCE_END.search(chunk)
    return chunk[:cut.start()] if cut else chunk


def layout(ctx: CheckContext) -> Layout:
    return ctx.memo("arithmetic.layout", lambda: Layout(ctx))


def metric_family(metric: str) -> str:
    """'exports:wheat' -> 'exports': a metric id without the qualifiers framing may add."""
    return metric.split(":", 1)[0]


def keyed(claim: Claim) -> bool:
    return bool(claim.entity and claim.metric)


def by_key(ctx: CheckContext) -> Mapping[tuple[str, str, str], list[Claim]]:
    """Claims by (entity, metric, modality); periods are looked up inside."""

    def build():
        groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
        for claim in ctx.claims:
            if keyed(claim):
                groups[(claim.entity, claim.metric, claim.modality)].append(claim)
        return groups

    return ctx.memo("arithmetic.by_key", build)


# --- periods -----------------------------------------------------------------------------

_MONTH = deferred_regex(r"^(\d{4})-(\d{2})$")
_QUARTER = deferred_regex(r"^(\d{4})-Q([1-4])$")
_HALF = deferred_regex(r"^(\d{4})-H([12])$")
_YEAR = deferred_regex(r"^(\d{4})$")


@lru_cache(maxsize=1 << 14)
def period_grain(period: str) -> str:
    for grain, pattern in (("month", _MONTH), ("quarter", _QUARTER), ("half", _HALF),
                           ("year", _YEAR)):
        if pattern.match(period or ""):
            return grain
    return ""


def period_days(period: str) -> int | None:
    """Days in a month, quarter, half or year ("2025-02" -> 28, "2024" -> 366)."""
    if m := _MONTH.match(period or ""):
        year, month = int(m[1]), int(m[2])
        return calendar.monthrange(year, month)[1] if 1 <= month <= 12 else None
    if m := _QUARTER.match(period or ""):
        year, q = int(m[1]), int(m[2])
        return sum(calendar.monthrange(year, mo)[1] for mo in range(3 * q - 2, 3 * q + 1))
    if m := _HALF.match(period or ""):
        year, h = int(m[1]), int(m[2])
        return sum(calendar.monthrange(year, mo)[1] for mo in range(6 * h - 5, 6 * h + 1))
    if m := _YEAR.match(period or ""):
        return 366 if calendar.isleap(int(m[1])) else 365
    return None


def period_months(period: str) -> int | None:
    return {"month": 1, "quarter": 3, "half": 6, "year": 12}.get(period_grain(period))


def shift_period(period: str, steps: int = -1, by: str = "") -> str:
    """The period `steps` units away: by its own grain, or by "year" (year on year)."""
    grain = period_grain(period)
    if not grain:
        return ""
    if by == "year":
        return f"{int(period[:4]) + steps:04d}{period[4:]}"
    if grain == "month":
        year, month = int(period[:4]), int(period[5:7])
        index = year * 12 + (month - 1) + steps
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if grain == "quarter":
        index = int(period[:4]) * 4 + int(period[6]) - 1 + steps
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if grain == "half":
        index = int(period[:4]) * 2 + int(period[6]) - 1 + steps
        return f"{index // 2:04d}-H{index % 2 + 1}"
    return f"{int(period) + steps:04d}"


@lru_cache(maxsize=1 << 14)
def period_start(period: str) -> tuple[int, int] | None:
    """(year, first month) of a period, for ordering periods of one grain."""
    grain = period_grain(period)
    if grain == "month":
        return int(period[:4]), int(period[5:7])
    if grain == "quarter":
        return int(period[:4]), 3 * int(period[6]) - 2
    if grain == "half":
        return int(period[:4]), 6 * int(period[6]) - 5
    if grain == "year":
        return int(period), 1
    return None


def earlier(a: str, b: str) -> bool:
    """a is a period of b's grain that ends before b starts."""
    if period_grain(a) != period_grain(b) or not period_grain(a):
        return False
    return period_start(a) < period_start(b)


# --- findings ----------------------------------------------------------------------------

ARITHMETIC_CEILING = "warning"


def severity(rule: RuleConfig, claims: Sequence[Claim], *, uncertain: bool = False) -> str:
    """The rule's severity, never above warning; info when any framing is unsure."""
    ceiling = rule.severity if rule.severity in ("warning", "info") else ARITHMETIC_CEILING
    if uncertain or any(c.confidence < rule.min_confidence for c in claims):
        return "info"
    return ceiling


def input_detail(claim: Claim, role: str) -> dict:
    """An input as written, in its own canonical unit, with the interval used."""
    q = claim.quantity
    factor = to_comparison(q.unit)[1] or 1.0
    s = span(claim)
    return {"claim": claim.id, "role": role, "text": claim.text, "value": q.value,
            "low": s.low / factor, "high": s.high / factor, "unit": q.unit}


def arithmetic_finding(rule: RuleConfig, kind: str, key: str, *, reported: str,
                       computed: str, explanation: str, inputs: Iterable[tuple[Claim, str]],
                       severity_: str, extra: Mapping | None = None) -> Finding:
    pairs = list(inputs)
    claims = [c for c, _ in pairs]
    message = f"{key}: {explanation}"
    details = {
        "reported": reported,
        "computed": computed,
        "inputs": [input_detail(c, role) for c, role in pairs],
        "explanation": explanation,
        "tolerance": rule.tolerance_default,
    }
    if extra:
        details.update(extra)
    return make_finding(rule.code, kind, severity_, key, message, claims, details,
                        identity=[f"reported={reported}", f"computed={computed}"])


def key_text(claim: Claim, period: str | None = None) -> str:
    period = claim.period if period is None else period
    parts = [claim.entity or "entity unresolved", claim.metric or "metric unresolved",
             period or "period unresolved"]
    return " · ".join(parts)


# --- entities ----------------------------------------------------------------------------

def entity_parents(ctx: CheckContext) -> Mapping[str, str]:
    """entity -> parent from the gazetteer next to checks.yaml ({} when unavailable)."""

    def build() -> dict[str, str]:
        from pathlib import Path

        try:
            from factcheck.frame.gazetteer import load_gazetteer
            folder = Path(ctx.rules.path).parent if ctx.rules.path else None
            if folder is None or not (folder / "entities.yaml").is_file():
                from factcheck.rules import DEFAULT_RULES_DIR
                folder = Path(DEFAULT_RULES_DIR)
            gazetteer = load_gazetteer(folder / "entities.yaml")
        except Exception:  # noqa: BLE001 - framing rules are checked by their own stage
            return {}
        return {name: e.parent for name, e in gazetteer.entities.items() if e.parent}

    return ctx.memo("arithmetic.parents", build)


def related_entities(ctx: CheckContext, a: str, b: str) -> bool:
    """The same entity, or one a direct part of the other (a depot of its pipeline)."""
    if a == b:
        return True
    parents = entity_parents(ctx)
    return bool(a and b) and (parents.get(a) == b or parents.get(b) == a)
