"""FC201 percent change: a stated change against the levels it relates.

"Rose 15.5% m-o-m to 1.83 million bpd" gives the change and the new level; the old level
is either in the sentence ("from 1.58 million bpd") or is the same entity and metric in
the base period the sentence names (month on month, year on year, "from January"),
wherever the corpus gives it. A change in percentage points ("rose 22 points to 56%") is
a difference of levels, a change in percent a ratio; the two are never mixed, and a
percent change of a level that is itself a percentage ("rose 10% to 44%") is skipped as
ambiguous.

Without a percentage, "fell to $2.3 million in 2024, down from $1.7 billion in 2017" is
checked for direction only: a fall to a level above the old one cannot be right.

Tolerance applies to the ratio new/old (0.01: one percent of the old level beyond
rounding); for percentage points it is `points_tolerance` (in points).
"""

from __future__ import annotations

from typing import Iterable

import regex

from factcheck.checks.arithmetic_support import (
    Interval, Layout, Placed, arithmetic_finding, base_unit, by_key, gap, interval, is_percent,
    is_points, key_text, layout, metric_family, period_grain, same_scale, severity,
    shift_period, show, show_interval,
)
from factcheck.checks.config import RuleConfig
from factcheck.checks.context import CheckContext
from factcheck.checks.registry import register
from factcheck.model import CHANGE_MODALITIES, Claim, Finding
from factcheck.frame.lazy_pattern import deferred_regex

_HEDGE = r"(?:about|around|roughly|nearly|almost|some|just|approximately|an\s+estimated)"
_LEVEL_CUE = deferred_regex(
    r"(?<!\b(?:compared|relative|equal|close|similar|due|thanks|up|next|according))"
    rf"\s*\bto\s+(?:a\s+|an\s+)?(?:(?:new\s+)?(?:record|all[\s-]time|multi-year)"
    rf"(?:[\s-](?:high|low|peak))?\s+(?:of\s+)?)?{_HEDGE}?\s*$", regex.IGNORECASE)
_BASE_CUE = deferred_regex(
    rf"\b(?:from|versus|vs\.?|compared\s+(?:with|to))\s+(?:a\s+|an\s+|the\s+)?"
    rf"(?:(?:revised\s+|previous\s+)?(?:high|low|peak|level|record(?:[\s-](?:high|low))?|"
    rf"total|average)\s+(?:of\s+)?)?{_HEDGE}?\s*$", regex.IGNORECASE)
# "15.6 million tonnes in May, up 12% from ...": the level stands before its change,
# joined to it by a comma and a word of direction.
_LEVEL_BEFORE_CUE = deferred_regex(
    r"^[^,;:()]{0,40},\s*(?:up|down|a\s+(?:rise|gain|jump|drop|fall|decline)\s+of|"
    r"an\s+(?:increase|decrease)\s+of|rising|falling|higher|lower)\s+(?:by\s+)?$",
    regex.IGNORECASE)
_AFTER_BASE = deferred_regex(rf"\b(?:after|against|than|since)\s+(?:a\s+|an\s+|the\s+)?"
                             rf"{_HEDGE}?\s*$", regex.IGNORECASE)
_CLAUSE_BREAK = deferred_regex(r"[;:]|\bbut\b|\bwhile\b|\bwhereas\b|\band\s+(?:its|the|a)\b",
                               regex.IGNORECASE)

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MOM = deferred_regex(r"\b(?:m-o-m|mom|m/m|month[\s-]on[\s-]month|month[\s-]over[\s-]month|"
                      r"(?:from|on|over|than|compared\s+with)\s+(?:a|the)\s+(?:previous|prior|"
                      r"preceding)\s+month|from\s+a\s+month\s+(?:earlier|before|ago))\b",
                      regex.IGNORECASE)
_YOY = deferred_regex(r"\b(?:y-o-y|yoy|y/y|year[\s-]on[\s-]year|year[\s-]over[\s-]year|"
                      r"(?:from|than|compared\s+with|over)\s+(?:a|the\s+same\s+\w+\s+(?:a|last))"
                      r"\s+year\s+(?:earlier|before|ago)|from\s+a\s+year\s+(?:earlier|before|ago))\b",
                      regex.IGNORECASE)
_QOQ = deferred_regex(r"\b(?:q-o-q|qoq|q/q|quarter[\s-]on[\s-]quarter|quarter[\s-]over[\s-]quarter|"
                      r"from\s+(?:a|the)\s+(?:previous|prior|preceding)\s+quarter)\b",
                      regex.IGNORECASE)
_FROM_MONTH = deferred_regex(r"\b(?:from|since|compared\s+with|than\s+in|over)\s+(?:the\s+)?"
                             rf"({'|'.join(_MONTHS)})(?:\s+(\d{{4}}))?\b(?!\s+\d)",
                             regex.IGNORECASE)
_FROM_YEAR = deferred_regex(r"\b(?:from|since|compared\s+with|than\s+in|over)\s+((?:19|20)\d\d)\b"
                            r"(?!\s*(?:%|percent|million|billion|bpd|tons|tonnes))",
                            regex.IGNORECASE)

_UP = deferred_regex(r"\b(?:rose|risen|rise|rising|rises|increased|increase|increasing|grew|"
                     r"grown|grow|climbed|climb|jumped|jump|surged|surge|soared|soar|gained|"
                     r"rebounded|up|higher|boosted|raised)\b", regex.IGNORECASE)
_DOWN = deferred_regex(r"\b(?:fell|fall|falling|fallen|falls|dropped|drop|declined|decline|"
                       r"decreased|decrease|slumped|slump|plunged|plunge|slid|sank|tumbled|"
                       r"shrank|down|lower|cut|reduced|lost)\b", regex.IGNORECASE)


def base_period(text: str, level_period: str) -> str:
    """The period a change is measured from, as the words after it name it; '' if unsaid."""
    grain = period_grain(level_period)
    if not grain:
        return ""
    if _MOM.search(text):
        return shift_period(level_period, -1) if grain == "month" else ""
    if _QOQ.search(text):
        return shift_period(level_period, -1) if grain == "quarter" else ""
    if _YOY.search(text):
        return shift_period(level_period, -1, by="year")
    if grain == "month" and (m := _FROM_MONTH.search(text)):
        month = _MONTHS.index(m.group(1).lower()) + 1
        year = int(m.group(2)) if m.group(2) else int(level_period[:4])
        if not m.group(2) and month >= int(level_period[5:7]):
            year -= 1
        return f"{year:04d}-{month:02d}"
    if grain == "year" and (m := _FROM_YEAR.search(text)):
        return m.group(1) if m.group(1) < level_period else ""
    return ""


def _cue_between(lay: Layout, a: Placed, b: Placed, cue: regex.Pattern, width: int) -> bool:
    text = lay.between(a, b)
    if len(text) > width or _CLAUSE_BREAK.search(text):
        return False
    return bool(cue.search(text))


def _following(lay: Layout, p: Placed) -> list[Placed]:
    mates = lay.sentence_mates(p)
    return [m for m in mates if m.start >= p.end]


def level_and_base(lay: Layout, p: Placed) -> tuple[Placed | None, Placed | None]:
    """The 'to X' level and the 'from Y' base right after a change, in either order; else
    a level right before it ('X in May, up 12% from Y')."""
    level = base = None
    anchor = p
    for nxt in _following(lay, p)[:2]:
        if level is None and _cue_between(lay, anchor, nxt, _LEVEL_CUE, 45):
            level, anchor = nxt, nxt
        elif base is None and _cue_between(lay, anchor, nxt, _BASE_CUE, 60):
            base, anchor = nxt, nxt
        else:
            break
    if level is None:
        level = _level_before(lay, p)
    return level, base


def _level_before(lay: Layout, p: Placed) -> Placed | None:
    before = [m for m in lay.sentence_mates(p) if m.end <= p.start]
    if not before:
        return None
    prev = before[-1]
    if prev.claim.modality in CHANGE_MODALITIES or prev.claim.quantity.change not in ("=", "~"):
        return None
    if _BASE_CUE.search(lay.before(prev, 40)) or _AFTER_BASE.search(lay.before(prev, 40)):
        return None     # "rose to X from Y, up 10% from Z": Y is a base, not the level
    return prev if _LEVEL_BEFORE_CUE.search(lay.between(prev, p)) else None


def _signed(change: Claim) -> Interval | None:
    iv = interval(change)
    if change.quantity.change == "up":
        return iv
    if change.quantity.change == "down":
        return Interval(-iv.high, -iv.low)
    return None


def _candidates(ctx: CheckContext, like: Claim, period: str, metric: str = "") -> list[Claim]:
    return [c for group in _candidate_groups(ctx, like, period, metric) for c in group
            if c.id != like.id]


def _candidate_groups(ctx: CheckContext, like: Claim, period: str,
                      metric: str = "") -> list[list[Claim]]:
    """The actual figures a level or base may be, on like's scale, in corpus order, grouped
    by what the arithmetic reads of them (interval, unit, counted noun).

    A key in a large corpus holds the same figure many times over (copies, repeats); the
    pairs of levels and bases are formed once per distinct reading, not once per copy.
    """
    if not period:
        return []
    q = like.quantity
    key = (like.entity, metric or like.metric, period, base_unit(like),
           q.counted if not q.unit else None)
    memo = ctx.memo("percent.candidate_groups", dict)
    found = memo.get(key)
    if found is None:
        groups: dict[tuple, list[Claim]] = {}
        for c in _actual_by_period(ctx).get(key[:3], ()):
            if same_scale(c, like):
                iv = interval(c)
                groups.setdefault((iv.low, iv.high, c.quantity.unit, c.quantity.counted),
                                  []).append(c)
        found = memo[key] = list(groups.values())
    return found


def _first_other(group: list[Claim], *ids: str) -> Claim | None:
    return next((c for c in group if c.id not in ids), None)


def _actual_by_period(ctx: CheckContext) -> dict[tuple[str, str, str], list[Claim]]:
    """Actual figures by (entity, metric, period), in corpus order: a base is looked up, not
    searched for among every period of its key."""

    def build():
        out: dict[tuple[str, str, str], list[Claim]] = {}
        for (entity, metric, modality), claims in by_key(ctx).items():
            if modality == "actual":
                for c in claims:
                    out.setdefault((entity, metric, c.period), []).append(c)
        return out

    return ctx.memo("percent.actual_by_period", build)


def narrowest_metric(a: str, b: str) -> str:
    """Of two metrics of one family, the one with more qualifiers ('' if families differ)."""
    if not a or not b:
        return a or b
    if metric_family(a) != metric_family(b):
        return ""
    return a if a.count(":") >= b.count(":") else b


def _computed(change: Claim, level: Claim, base: Claim) -> tuple[Interval, Interval] | None:
    """(reported, computed) on one scale: ratios for percent, points for points."""
    reported = _signed(change)
    if reported is None or not same_scale(level, base):
        return None
    lv, bv = interval(level), interval(base)
    if is_points(change):
        if not (is_percent(level) and is_percent(base)):
            return None
        return reported, lv - bv
    if is_percent(level) or not is_percent(change):
        return None
    ratio = lv.over(bv)
    if ratio is None:
        return None
    return Interval(1 + reported.low / 100, 1 + reported.high / 100), ratio


def _miss(change: Claim, reported: Interval, computed: Interval, rule: RuleConfig) -> float:
    """How far beyond tolerance the two are; <= 0 when they agree."""
    if is_points(change):
        slack = float(rule.param("points_tolerance", 0.1))
        distance = max(reported.low - computed.high, computed.low - reported.high, 0.0)
        return distance - slack
    return gap(reported, computed) - rule.tolerance(change.metric)


def _as_change(iv: Interval, change: Claim) -> str:
    """'+2.7%' or '-0.5% to +0.5%': a change to one decimal, ratios shown as percentages."""
    if is_points(change):
        low, high, unit = iv.low, iv.high, " pp"
    else:
        low, high, unit = (iv.low - 1) * 100, (iv.high - 1) * 100, "%"
    if not iv.bounded:
        return show_interval(Interval(low, high), unit.strip())
    if round(low, 1) == round(high, 1):
        return f"{low:+.1f}{unit}"
    return f"{low:+.1f}{unit} to {high:+.1f}{unit}"


@register("percent-change", reads_clusters=False)
def check_percent_change(ctx: CheckContext, rule: RuleConfig) -> Iterable[Finding]:
    lay = layout(ctx)
    for placed in (p for ps in lay.by_article.values() for p in ps):
        change = placed.claim
        if not (is_percent(change) or is_points(change)) or change.quantity.change not in ("up",
                                                                                           "down"):
            continue
        finding = _check_change(ctx, lay, placed, rule)
        if finding is not None:
            yield finding
    yield from _check_directions(ctx, lay, rule)


def _check_change(ctx: CheckContext, lay: Layout, placed: Placed,
                  rule: RuleConfig) -> Finding | None:
    change = placed.claim
    own_level, own_base = level_and_base(lay, placed)
    if own_level is not None:
        levels = [own_level.claim]
        like = own_level.claim
    elif change.entity and change.metric:
        levels = [c for c in (_first_other(g, change.id)
                              for g in _candidate_groups(ctx, change, change.period)) if c]
        like = levels[0] if levels else None
    else:
        return None
    if like is None:
        return None
    if own_base is not None:
        bases = [[own_base.claim]]
    else:
        if not (like.entity and like.metric):
            return None
        tail_end = (own_level or placed).end
        tail = lay.text[change.article][placed.end:tail_end] + lay.after(own_level or placed, 60)
        metric = narrowest_metric(like.metric, change.metric) if own_level else like.metric
        if not metric:
            return None
        bases = _candidate_groups(ctx, like, base_period(tail, like.period), metric)
    results = []
    for level in levels:
        for group in bases:
            base = group[0] if own_base is not None else _first_other(group, like.id, level.id)
            if base is None or level.id == base.id:
                continue
            pair = _computed(change, level, base)
            if pair is None:
                continue
            reported, computed = pair
            results.append((_miss(change, reported, computed, rule), level, base, reported,
                            computed))
    if not results:
        return None
    best = min(results, key=lambda r: r[0])
    if best[0] <= 0:
        return None     # some reading of the levels agrees with the stated change
    _, level, base, reported, computed = best
    explanation = (f"reported {_written(change)}, computed "
                   f"{_as_change(computed, change)} from {_dated(base)} -> {_dated(level)}")
    return arithmetic_finding(
        rule, "percent-change", key_text(level), reported=_written(change),
        computed=_as_change(computed, change), explanation=explanation,
        inputs=[(change, "change"), (level, "level"), (base, "base")],
        severity_=severity(rule, [level, base] if own_level else [change, level, base]),
        extra={"scale": "points" if is_points(change) else "ratio",
               "base_period": base.period, "level_period": level.period,
               "other_readings": _other_readings(ctx, change, level, base)})


def _written(change: Claim) -> str:
    """The change as written, signed: '+15.5%', '-20%', '+5 pp'."""
    q = change.quantity
    sign = "+" if q.change == "up" else "-"
    value = q.number if q.number is not None else q.value
    if value is None:
        return f"{sign}{change.text.strip()}"
    figure = f"{value:g}"
    return f"{sign}{figure} pp" if is_points(change) else f"{sign}{figure}%"


def _dated(claim: Claim) -> str:
    return f"{show(claim)} ({claim.period})" if claim.period else show(claim)


def _other_readings(ctx: CheckContext, change: Claim, level: Claim, base: Claim) -> list[str]:
    """The change as other sources' levels for the same two periods give it (informative:
    the verdict rests on the article's own level)."""
    readings = []
    for other in _candidates(ctx, level, level.period):
        if other.article == level.article:
            continue
        pair = _computed(change, other, base)
        if pair is not None:
            readings.append(f"{_as_change(pair[1], change)} from {_dated(base)} -> "
                            f"{_dated(other)}")
    return sorted(set(readings))


def _check_directions(ctx: CheckContext, lay: Layout, rule: RuleConfig) -> Iterable[Finding]:
    """'fell to X, down from Y' with X above Y (or a rise to below the old level)."""
    for placed in (p for ps in lay.by_article.values() for p in ps):
        # Every level cue holds the word "to": without it in the raw text before the figure
        # (which holds the clipped text), no clipping and no pattern are needed.
        near = lay.text.get(placed.claim.article, "")[max(0, placed.start - 40):placed.start]
        if "to" not in near.casefold():
            continue
        before = lay.before(placed, 40)
        if not _LEVEL_CUE.search(before):
            continue
        words = before[-40:]
        up, down = bool(_UP.search(words)), bool(_DOWN.search(words))
        if up == down:
            continue
        following = _following(lay, placed)
        if not following:
            continue
        nxt = following[0]
        between = lay.between(placed, nxt)
        if len(between) > 50 or not regex.search(
                r"\b(?:(?:up|down)\s+)?from\s+(?:a\s+|an\s+|the\s+)?(?:(?:high|low|peak|level)"
                rf"\s+(?:of\s+)?)?{_HEDGE}?\s*$", between, regex.IGNORECASE):
            continue
        level, base = placed.claim, nxt.claim
        if not same_scale(level, base) or (level.metric and base.metric and
                                           metric_family(level.metric) != metric_family(base.metric)):
            continue
        lv, bv = interval(level), interval(base)
        tolerance = rule.tolerance(level.metric)
        wrong = (up and gap(lv, bv) > tolerance and lv.high < bv.low) or \
                (down and gap(lv, bv) > tolerance and lv.low > bv.high)
        if not wrong:
            continue
        verb = "rise" if up else "fall"
        explanation = (f"a {verb} to {show(level)} from {show(base)} goes the other way")
        yield arithmetic_finding(
            rule, "percent-change", key_text(level), reported=verb,
            computed="fall" if up else "rise", explanation=explanation,
            inputs=[(level, "level"), (base, "base")],
            severity_=severity(rule, [level, base]),
            extra={"scale": "direction"})
