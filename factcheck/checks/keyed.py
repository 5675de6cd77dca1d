"""FC101 conflict, FC102 attributed disagreement, FC104 unresolved key.

All three look at figures grouped by what they are about: entity, metric, period and
modality. A pair of figures in one group that cannot both be right is judged once:

- copies (one syndication cluster) and two figures of one sentence are never set against
  each other: "rose to 2.1 from 1.9" is a period the framing missed, not a contradiction;
- a figure whose framing confidence is below the threshold makes the pair FC104 (info);
- two different named sources, or a named source against an unattributed figure, make
  it FC102 (info);
- otherwise FC101: error when both figures are confidently framed and independent (not
  from copies of one story); else warning.

Each key yields at most one finding, of the strongest category present, listing every
distinct value of the key with all its citations.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from itertools import chain
from dataclasses import dataclass
from typing import Iterable, Sequence

from factcheck.checks.compare import Span, comparable, midpoint, relative_gap, span
from factcheck.checks.config import RuleConfig
from factcheck.checks.context import CheckContext
from factcheck.checks.findings import claim_order, make_finding, value_token
from factcheck.checks.formatting import amount, describe, scale_for
from factcheck.checks.registry import register
from factcheck.checks.sources import DEFAULT_AGENCIES, DEFAULT_ANONYMOUS, SourceJudge, same_source
from factcheck.model import CHANGE_MODALITIES, Claim, Finding

CONFLICT, ATTRIBUTED, UNRESOLVED = "conflict", "attributed-disagreement", "unresolved-key"
_RANK = {CONFLICT: 3, ATTRIBUTED: 2, UNRESOLVED: 1}


@dataclass(frozen=True)
class Pair:
    a: Claim
    b: Claim
    gap: float
    category: str
    clean: bool          # for a conflict: confident, independent, attribution alike


@dataclass(frozen=True)
class KeyGroup:
    entity: str
    metric: str
    period: str
    modality: str
    unit: str
    claims: tuple[Claim, ...]
    pairs: tuple[Pair, ...]

    @property
    def category(self) -> str:
        return max((p.category for p in self.pairs), key=_RANK.__getitem__, default="")

    def key_text(self) -> str:
        parts = [self.entity, self.metric, self.period or "period unresolved"]
        if self.modality != "actual":
            parts.append(self.modality)
        return " · ".join(parts)


def _settings(ctx: CheckContext) -> tuple[RuleConfig | None, SourceJudge, float]:
    conflict = ctx.rules.of_kind(CONFLICT)
    attributed = ctx.rules.of_kind(ATTRIBUTED)
    params = attributed.params if attributed else {}
    judge = SourceJudge(params.get("anonymous_markers", DEFAULT_ANONYMOUS),
                        params.get("news_agencies", DEFAULT_AGENCIES))
    threshold = conflict.min_confidence if conflict else 0.7
    return conflict, judge, threshold


def _eligible(claim: Claim) -> bool:
    q = claim.quantity
    return bool(claim.entity and claim.metric) and not (math.isinf(q.low) and math.isinf(q.high))


def _tolerance(ctx: CheckContext, metric: str) -> float:
    conflict = ctx.rules.of_kind(CONFLICT)
    return conflict.tolerance(metric) if conflict else 0.005


def _apart(a: Claim, b: Claim) -> bool:
    """May these two figures be set against each other at all?"""
    if a.cluster and a.cluster == b.cluster:
        return False
    if a.article == b.article and a.sentence == b.sentence:
        return False
    return comparable(a, b)


def _judge_pair(ctx: CheckContext, a: Claim, b: Claim, gap: float, judge: SourceJudge,
                threshold: float) -> Pair:
    if min(a.confidence, b.confidence) < threshold:
        return Pair(a, b, gap, UNRESOLVED, False)
    name_a, name_b = judge.named(a.attribution), judge.named(b.attribution)
    if name_a and name_b and not same_source(name_a, name_b):
        return Pair(a, b, gap, ATTRIBUTED, False)
    if bool(name_a) != bool(name_b):
        # One figure is credited to a named source, the other to nobody: the gap may be
        # between sources rather than an error, and a missed attribution looks the same.
        return Pair(a, b, gap, ATTRIBUTED, False)
    copies = a.article != b.article and ctx.article_cluster(a.article) == ctx.article_cluster(
        b.article)
    clean = not copies
    if a.modality in ("forecast", "forecast_change"):
        # Forecasters differ by trade; only one source contradicting itself is an error.
        clean = clean and bool(name_a) and bool(name_b)
    if a.modality in CHANGE_MODALITIES:
        # The key does not say from when (month on month, year on year): never certain.
        clean = False
    return Pair(a, b, gap, CONFLICT, clean)


def key_groups(ctx: CheckContext) -> list[KeyGroup]:
    """Every fully keyed group with at least one pair of figures that cannot meet."""

    def build() -> list[KeyGroup]:
        _, judge, threshold = _settings(ctx)
        buckets: dict[tuple, list[Claim]] = defaultdict(list)
        for claim in ctx.claims:
            if _eligible(claim) and claim.period:
                unit = span(claim).unit
                buckets[(claim.entity, claim.metric, claim.period, claim.modality, unit)].append(
                    claim)
        groups = []
        for key in sorted(buckets):
            claims = sorted(buckets[key], key=claim_order)
            if len(claims) < 2:
                continue
            pairs = _group_pairs(ctx, claims, _tolerance(ctx, key[1]), judge, threshold)
            if pairs:
                groups.append(KeyGroup(*key, claims=tuple(claims), pairs=tuple(pairs)))
        return groups

    return ctx.memo("key_groups", build)


def _group_pairs(ctx: CheckContext, claims: Sequence[Claim], tol: float, judge: SourceJudge,
                 threshold: float) -> list[Pair]:
    """The judged pairs of one key group: one per pair of clashing readings that differ in
    what the judgement reads (confidence, source, counted noun), not one per pair of
    claims. A key repeated by thousands of articles has millions of claim pairs but a few
    dozen such pairs; the verdict (strongest category, any clean conflict) is the same.
    """
    readings: dict[tuple[float, float], list[Claim]] = {}
    for claim in claims:
        s = span(claim)
        readings.setdefault((s.low, s.high), []).append(claim)
    classes = list(readings.values())
    spans = [span(members[0]) for members in classes]
    pairs = []
    for i, j in _clashing_indices(spans, tol):
        gap = relative_gap(spans[i], spans[j])
        left, right = _judged_classes(classes[i], judge, threshold), \
            _judged_classes(classes[j], judge, threshold)
        for p in left:
            for q in right:
                pair = _class_pair(ctx, p, q, gap, judge, threshold)
                if pair is not None:
                    pairs.append(pair)
    return pairs


def _judged_classes(claims: Sequence[Claim], judge: SourceJudge,
                    threshold: float) -> list[list[Claim]]:
    """Claims of one reading split by everything a pair's judgement reads of one side."""
    out: dict[tuple, list[Claim]] = {}
    for c in claims:
        q = c.quantity
        key = (c.confidence < threshold, judge.named(c.attribution),
               q.counted if not q.unit else None)
        out.setdefault(key, []).append(c)
    return list(out.values())


def _class_pair(ctx: CheckContext, p: Sequence[Claim], q: Sequence[Claim], gap: float,
                judge: SourceJudge, threshold: float) -> Pair | None:
    """The judgement of p x q, on a representative pair of claims that may be set against
    each other (a clean one when any is clean); None when no pair may."""
    first = None
    clusters_q: dict[str, list[Claim]] = defaultdict(list)
    for b in q:
        clusters_q[ctx.article_cluster(b.article)].append(b)
    for a in p:
        own = ctx.article_cluster(a.article)
        mates = clusters_q.get(own, ())
        # Pairs that can be clean come first: another story, or the same article.
        ordered = chain((b for cluster, members in clusters_q.items() if cluster != own
                         for b in members),
                        (b for b in mates if b.article == a.article),
                        (b for b in mates if b.article != a.article))
        for b in ordered:     # lazily: most claims meet their partner at once
            if _apart(a, b):
                pair = _judge_pair(ctx, a, b, gap, judge, threshold)
                if pair.category != CONFLICT or pair.clean:
                    return pair
                first = first or pair
                break
    return first


def _clashing_indices(spans: Sequence[Span], tol: float) -> list[tuple[int, int]]:
    """Every (i, j), i < j, whose spans are more than `tol` apart, in (i, j) order.

    A large key (one figure repeated by hundreds of articles) has mostly agreeing pairs.
    For spans with a finite non-negative low end, x and y clash only when
    y.low > x.high / (1 - tol), so with the spans sorted by low end each figure meets its
    clashing partners in one suffix; the exact test then runs on those candidates only.
    Other spans (negative changes, open lower ends) take the plain all-pairs way.
    """
    n = len(spans)
    if not all(0 <= s.low <= s.high and s.low < math.inf for s in spans) or not 0 <= tol < 1:
        return [(i, j) for i in range(n) for j in range(i + 1, n)
                if relative_gap(spans[i], spans[j]) > tol]
    order = sorted(range(n), key=lambda k: spans[k].low)
    lows = [spans[k].low for k in order]
    found = []
    for x in range(n):
        # a hair below the bound, so rounding cannot drop a pair: the exact test decides
        start = bisect_left(lows, spans[x].high / (1 - tol) * (1 - 1e-9))
        for y in order[start:]:
            if y != x and relative_gap(spans[x], spans[y]) > tol:
                found.append((min(x, y), max(x, y)))
    return sorted(set(found))


# --------------------------------------------------------------------------- details

def _sig(x: float) -> float:
    return float(f"{x:.9g}") if math.isfinite(x) else x


def _values(ctx: CheckContext, claims: Sequence[Claim]) -> list[dict]:
    """Distinct values: figures that read the same (2.12 million, 2,120 kb/d) are one value.

    low/high of a value are what all its figures allow together (their intersection).
    """
    by_value: dict[tuple, list[Claim]] = defaultdict(list)
    spans: dict[tuple, list[Span]] = defaultdict(list)
    for claim in claims:
        s = span(claim)
        ranged = s.value is None
        key = (_sig(midpoint(s)), math.isinf(s.low), math.isinf(s.high), ranged,
               (_sig(s.low), _sig(s.high)) if ranged else ())
        by_value[key].append(claim)
        spans[key].append(s)
    out = []
    for key in sorted(by_value, key=lambda k: (k[0], k[1], k[2], k[3], k[4])):
        members = sorted(by_value[key], key=claim_order)
        group = spans[key]
        low = max(s.low for s in group)
        high = min(s.high for s in group)
        if low > high:       # members merely round to the same figure: keep the hull
            low, high = min(s.low for s in group), max(s.high for s in group)
        s = Span(low, high, group[0].value, group[0].unit)
        out.append({
            "value": s.value, "low": s.low, "high": s.high, "unit": s.unit,
            "claims": [c.id for c in members],
            "outlets": sorted({ctx.outlet(c) for c in members if ctx.outlet(c)}),
            "attributions": sorted({c.attribution for c in members if c.attribution}),
            "independent_sources": len({ctx.article_cluster(c.article) for c in members}),
            "confidence": round(min(c.confidence for c in members), 3),
            "_span": s,
        })
    return out


def _difference(values: list[dict], unit: str) -> dict:
    mids = [midpoint(v["_span"]) for v in values]
    low, high = min(mids), max(mids)
    absolute = high - low
    scale = max(abs(low), abs(high))
    return {"absolute": absolute, "relative": absolute / scale if scale else 0.0, "unit": unit}


def _message(group: KeyGroup, values: list[dict], diff: dict, label=None) -> str:
    scale = scale_for(max(abs(midpoint(v["_span"])) for v in values))
    shown = []
    for v in values[:4]:
        text = describe(v["_span"], scale)
        extra = label(v) if label else ""
        shown.append(f"{text} ({extra})" if extra else text)
    if len(values) > 4:
        shown.append(f"… {len(values) - 4} more")
    gap = amount(diff["absolute"], diff["unit"], scale if diff["unit"] != "%" else None)
    if diff["unit"] == "%":
        gap = f"{amount(diff['absolute'], '', None)} points"
    return (f"{group.key_text()}: {' vs '.join(shown)} "
            f"(differ by {gap}, {diff['relative'] * 100:.1f}%)")


def _identity(values: list[dict]) -> list[str]:
    """What a keyed finding's id hashes: its distinct values, not the figures citing them."""
    return [value_token(v["value"], v["low"], v["high"], v["unit"]) for v in values]


def _public(values: list[dict]) -> list[dict]:
    return [{k: v for k, v in value.items() if not k.startswith("_")} for value in values]


def _group_details(ctx: CheckContext, group: KeyGroup, values: list[dict], diff: dict,
                   threshold: float, pairs: Iterable[Pair]) -> dict:
    pairs = list(pairs)
    return {
        "key": {"entity": group.entity, "metric": group.metric, "period": group.period,
                "modality": group.modality},
        "values": _public(values),
        "difference": diff,
        "tolerance": {"relative": _tolerance(ctx, group.metric)},
        "confidence": {"min": round(min(c.confidence for c in group.claims), 3),
                       "threshold": threshold},
        "independent": any(p.clean for p in pairs),
        "pairs": [{"claims": sorted([p.a.id, p.b.id]), "gap": round(p.gap, 6),
                   "category": p.category} for p in pairs],
    }


# --------------------------------------------------------------------------- kinds

def _described(ctx: CheckContext, group: KeyGroup, category: str, threshold: float):
    """The pairs of one category in a key group, its values, their spread and details."""
    pairs = [p for p in group.pairs if p.category == category]
    values = _values(ctx, group.claims)
    diff = _difference(values, group.unit)
    return pairs, values, diff, _group_details(ctx, group, values, diff, threshold, pairs)


@register(CONFLICT)
def check_conflict(ctx: CheckContext, rule: RuleConfig) -> Iterable[Finding]:
    _, _, threshold = _settings(ctx)
    for group in key_groups(ctx):
        if group.category != CONFLICT:
            continue
        pairs, values, diff, details = _described(ctx, group, CONFLICT, threshold)
        severity = rule.severity if any(p.clean for p in pairs) else _downgrade(rule.severity)
        if severity != rule.severity:
            details["reason"] = _why_not_error(group, pairs)
        yield make_finding(rule.code, rule.kind, severity, group.key_text(),
                           _message(group, values, diff), group.claims, details,
                           identity=_identity(values))


@register(ATTRIBUTED)
def check_attributed(ctx: CheckContext, rule: RuleConfig) -> Iterable[Finding]:
    _, judge, threshold = _settings(ctx)
    for group in key_groups(ctx):
        if group.category != ATTRIBUTED:
            continue
        _, values, diff, details = _described(ctx, group, ATTRIBUTED, threshold)

        def label(v: dict) -> str:
            return ", ".join(v["attributions"]) or "unattributed"

        yield make_finding(rule.code, rule.kind, "info", group.key_text(),
                           _message(group, values, diff, label), group.claims, details,
                           identity=_identity(values))


@register(UNRESOLVED)
def check_unresolved(ctx: CheckContext, rule: RuleConfig) -> Iterable[Finding]:
    _, _, threshold = _settings(ctx)
    for group in key_groups(ctx):
        if group.category != UNRESOLVED:
            continue
        _, values, diff, details = _described(ctx, group, UNRESOLVED, threshold)
        details["reason"] = f"framing confidence below {threshold}"
        yield make_finding(rule.code, rule.kind, "info", group.key_text(),
                           _message(group, values, diff) + "; key uncertain", group.claims,
                           details, identity=_identity(values))
    yield from _unresolved_periods(ctx, rule, threshold)


def _unresolved_periods(ctx: CheckContext, rule: RuleConfig, threshold: float) -> Iterable[Finding]:
    """A figure with no period that fits no figure of the one period its key is known for.

    Kept quiet on purpose: only when every resolved figure of the same entity, metric and
    modality shares a single period (else the figure may well belong to another period).
    """
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in ctx.claims:
        if _eligible(claim):
            buckets[(claim.entity, claim.metric, claim.modality, span(claim).unit)].append(claim)
    for key in sorted(buckets):
        claims = sorted(buckets[key], key=claim_order)
        resolved = [c for c in claims if c.period]
        unresolved = [c for c in claims if not c.period]
        periods = {c.period for c in resolved}
        if not unresolved or len(periods) != 1:
            continue
        tol = _tolerance(ctx, key[1])
        clashing = []
        for u in unresolved:
            others = [r for r in resolved if _apart(u, r)]
            if others and all(relative_gap(span(u), span(r)) > tol for r in others):
                clashing.append(u)
        if not clashing:
            continue
        group = KeyGroup(key[0], key[1], "", key[2], key[3], tuple(clashing + resolved), ())
        involved = sorted(clashing + resolved, key=claim_order)
        values = _values(ctx, involved)
        diff = _difference(values, key[3])
        period = next(iter(periods))

        def label(v: dict, _ids={c.id for c in clashing}) -> str:
            return "no period" if set(v["claims"]) <= _ids else period

        details = _group_details(ctx, group, values, diff, threshold, ())
        details["reason"] = "period unresolved for " + ", ".join(c.id for c in clashing)
        yield make_finding(rule.code, rule.kind, "info", group.key_text(),
                           _message(group, values, diff, label) + "; key uncertain",
                           involved, details,
                           identity=_identity(values))


def _why_not_error(group: KeyGroup, pairs: Sequence[Pair]) -> str:
    if group.modality in CHANGE_MODALITIES:
        return "a change's base (month on month, year on year) is not part of the key"
    if group.modality == "forecast":
        return "forecasts by sources not both named may come from different forecasters"
    return "the figures come from copies of one story"


def _downgrade(severity: str) -> str:
    return {"error": "warning"}.get(severity, severity)
