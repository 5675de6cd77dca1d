"""FC206 record: "a record high of 2.12 million bpd" in March while an earlier period of the
same entity and metric is given higher (or, for a record low, lower) anywhere in the corpus.

A figure is a record only when the record words sit right against it ("a record high of
X", "a record X", "X, an all-time high"); a record mentioned elsewhere in the sentence
may be about something else. Hedged records ("near-record", "close to a record") are not
records.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from typing import Iterable, Mapping

import numpy as np
import regex

from factcheck.checks.arithmetic_support import (
    Interval, Layout, Placed, base_unit, by_key, cannot_meet, gap, interval, layout, period_grain,
    period_start, severity, arithmetic_finding, show, key_text, same_scale,
)
from factcheck.checks.config import RuleConfig
from factcheck.checks.context import CheckContext
from factcheck.checks.findings import claim_order
from factcheck.checks.registry import register
from factcheck.model import Claim, Finding
from factcheck.frame.lazy_pattern import deferred_regex

_HIGH = r"(?:record(?:[\s-]+(?:high|highs|level|peak|amount|volume))?|all[\s-]time[\s-]+high|" \
        r"highest(?:\s+level)?\s+(?:ever|on\s+record))"
_LOW = r"(?:record[\s-]+lows?|all[\s-]time[\s-]+low|lowest(?:\s+level)?\s+(?:ever|on\s+record))"
_HEDGE = r"(?:near|nearly|almost|close\s+to|just\s+(?:below|under|shy\s+of)|shy\s+of|below|" \
         r"under|short\s+of|second|third|previous|prior|former|old|last|from|beat|broke|" \
         r"broken|topped|surpassed|than|not)"

_BEFORE = deferred_regex(
    rf"(?<!{_HEDGE}[\s-]+(?:a|an|the)?\s*)\b(?P<cue>{_LOW}|{_HIGH})"
    r"(?:\s+(?:of|at|to))?\s*(?:nearly|almost|about|around|some|over|more\s+than)?\s*$",
    regex.IGNORECASE)
_AFTER = deferred_regex(
    rf"^\s*(?:\([^)]{{0,20}}\)\s*)?(?:(?:of|in|for|last|this)\b[^,;.()]{{0,30}})?[,—–-]+\s*"
    rf"(?:a|an|the)\s+(?:new\s+)?(?P<cue>{_LOW}|{_HIGH})\b",
    regex.IGNORECASE)


_MONTH_NAMES = r"(?:january|february|march|april|may|june|july|august|september|october|" \
               r"november|december|first|second|third|fourth)"
# "a record for March", "record March output", "a first-quarter record": seasonal records
# compare a period with the same period of earlier years only.
_SEASONAL = deferred_regex(rf"\b{_MONTH_NAMES}(?:[\s-]+quarter)?[\s-]+record|"
                           rf"\brecord[\s-]+(?:for\s+(?:the\s+month\s+of\s+|any\s+)?)?"
                           rf"{_MONTH_NAMES}\b", regex.IGNORECASE)


# Every cue above holds one of these words: text without any of them needs no regex.
_CUE_WORDS = ("record", "all", "highest", "lowest")


def _may_hold_cue(text: str) -> bool:
    """Whether a record cue can be in `text` at all (every cue holds one of these words;
    "all-time" holds "time")."""
    folded = text.casefold()
    return "record" in folded or "highest" in folded or "lowest" in folded or "time" in folded


def record_direction(before: str, after: str) -> str:
    """'high', 'low' or '' for the text right before and right after a figure."""
    folded = before.casefold() + "\n" + after.casefold()
    if not any(word in folded for word in _CUE_WORDS):
        return ""
    if _SEASONAL.search(before) or _SEASONAL.search(after):
        return ""
    for pattern, text in ((_BEFORE, before), (_AFTER, after)):
        match = pattern.search(text)
        if match:
            cue = match.group("cue").lower()
            return "low" if ("low" in cue) else "high"
    return ""


@register("record", reads_clusters=False)
def check_record(ctx: CheckContext, rule: RuleConfig) -> Iterable[Finding]:
    lay = layout(ctx)
    earlier_index = _earlier_index(ctx)
    memo: dict[tuple, list[Claim]] = {}
    for placed in (p for ps in lay.by_article.values() for p in ps):
        claim = placed.claim
        if claim.modality != "actual" or not claim.entity or not claim.metric:
            continue
        if not period_grain(claim.period):
            continue
        # The text around the figure, unclipped, holds whatever the clipped text holds: most
        # figures have no cue word near them and need neither clipping nor a pattern.
        near = lay.text.get(claim.article, "")[max(0, placed.start - 60):placed.end + 80]
        if not _may_hold_cue(near):
            continue
        direction = record_direction(lay.before(placed, 60), _until_next(lay, placed))
        if not direction:
            continue
        record = interval(claim)
        tolerance = rule.tolerance(claim.metric)
        # Copies of one record sentence ask the same question: answer it once.
        question = (claim.entity, claim.metric, claim.period, base_unit(claim),
                    claim.quantity.unit, claim.quantity.counted, record, direction, tolerance)
        answer = memo.get(question)
        if answer is None:
            beaten = sorted(
                (other for other, other_iv in _earlier(earlier_index, claim, record, direction)
                 if same_scale(claim, other) and _beats(other_iv, record, direction, tolerance)),
                key=claim_order)    # the corpus order the ties of max() below were settled in
            answer = memo[question] = _strongest(beaten, record)
        worst, shown, total = answer
        if worst is None:
            continue
        yield _finding(rule, claim, worst, shown, total, direction)


_SHOWN = 12     # earlier figures cited by one finding; a key of an archive may hold thousands


def _strongest(beaten: list[Claim], record: Interval) -> tuple[Claim | None, list[Claim], int]:
    """The earlier figure furthest beyond the record, and the few furthest to cite."""
    if not beaten:
        return None, [], 0
    gaps = {o.id: gap(interval(o), record) for o in beaten}
    worst = max(beaten, key=lambda o: gaps[o.id])
    shown = sorted(beaten, key=lambda o: -gaps[o.id])[:_SHOWN]   # stable: corpus order on ties
    return worst, shown, len(beaten)


_Index = Mapping[tuple, tuple[list[tuple], list[tuple[Claim, Interval]], np.ndarray, np.ndarray]]


def _earlier_index(ctx: CheckContext) -> _Index:
    """Actual figures by (entity, metric, grain, comparison unit), in period order, so a
    record looks only at earlier periods instead of scanning its whole key; their bounds
    also as arrays, so only figures already beyond the record are looked at one by one."""

    def build():
        buckets: dict[tuple, list[tuple[tuple, Claim]]] = defaultdict(list)
        for (entity, metric, modality), claims in by_key(ctx).items():
            if modality != "actual":
                continue
            for c in claims:
                grain = period_grain(c.period)
                if grain:
                    buckets[(entity, metric, grain, base_unit(c))].append((period_start(c.period), c))
        index = {}
        for key, items in buckets.items():
            items.sort(key=lambda item: item[0])
            with_iv = [(c, interval(c)) for _, c in items]
            index[key] = ([start for start, _ in items], with_iv,
                          np.array([iv.low for _, iv in with_iv], dtype=float),
                          np.array([iv.high for _, iv in with_iv], dtype=float))
        return index

    return ctx.memo("record.earlier_index", build)


def _earlier(index: _Index, claim: Claim, record: Interval,
             direction: str) -> list[tuple[Claim, Interval]]:
    """Figures of earlier periods that lie wholly beyond the record (above a high, below a
    low): the only ones that can beat it."""
    found = index.get((claim.entity, claim.metric, period_grain(claim.period), base_unit(claim)))
    if not found:
        return []
    starts, claims, lows, highs = found
    stop = bisect_left(starts, period_start(claim.period))
    if direction == "high":
        beyond = np.flatnonzero(lows[:stop] > record.high)
    else:
        beyond = np.flatnonzero(highs[:stop] < record.low)
    return [claims[i] for i in beyond.tolist()]


def _until_next(lay: Layout, placed: Placed) -> str:
    """The text after a figure, up to the next figure of its sentence."""
    after = lay.after(placed, 80)
    following = [m for m in lay.sentence_mates(placed) if m.start >= placed.end]
    if following:
        after = after[:max(0, following[0].start - placed.end)]
    return after


def _beats(other: Interval, record: Interval, direction: str, tolerance: float) -> bool:
    if not cannot_meet(other, record, tolerance):
        return False
    return other.low > record.high if direction == "high" else other.high < record.low


def _finding(rule: RuleConfig, claim: Claim, worst: Claim, beaten: list[Claim], total: int,
             direction: str) -> Finding:
    word = "higher" if direction == "high" else "lower"
    explanation = (f"record {direction} of {show(claim)} in {claim.period}, but "
                   f"{worst.period} is given as {show(worst)}, {word}")
    if total > len(beaten):
        explanation += f" ({total} earlier figures beyond it; the {len(beaten)} furthest cited)"
    others = sorted(beaten, key=lambda o: (o.period, o.path, o.line))
    return arithmetic_finding(
        rule, "record", key_text(claim), reported=show(claim),
        computed=f"{word} earlier figure {show(worst)} ({worst.period})",
        explanation=explanation,
        inputs=[(claim, "record")] + [(o, "earlier") for o in others],
        severity_=severity(rule, [claim, worst]),
        extra={"direction": direction, "earlier_periods": sorted({o.period for o in others}),
               "earlier_figures": total,
               "gap": gap(interval(worst), interval(claim))})
