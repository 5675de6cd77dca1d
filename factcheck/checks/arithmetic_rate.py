"""FC203 rate against total over a period: "at least 130,000 tons a month" and "1.51 million
tons for the whole year" cannot both hold (12 x 130,000 = 1.56 million).

A rate and a total of one article, with the same entity, metric, period and modality, are
set against each other: the rate times the length of the period (days of that month,
quarter or year for a daily rate, 28 in February 2025; months for a monthly or yearly
rate) must meet the total. Periods still running when the article was published, and
totals worded as partial ("so far", "year to date", "in the first two months"), are left
alone: the rate may cover more time than the total.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterable

import regex

from factcheck.checks.arithmetic_support import (
    Interval, Layout, arithmetic_finding, cannot_meet, entity_parents, gap, interval,
    key_text, layout, metric_family, period_days, period_grain, period_months, period_start,
    related_entities, severity, show, show_interval,
)
from factcheck.checks.compare import to_comparison
from factcheck.checks.config import RuleConfig
from factcheck.checks.context import CheckContext
from factcheck.checks.registry import register
from factcheck.model import Claim, Finding
from factcheck.frame.lazy_pattern import deferred_regex

_PER = {"d": "day", "day": "day", "month": "month", "yr": "year", "year": "year"}
_PARTIAL = deferred_regex(
    r"\b(?:so\s+far|to\s+date|year[\s-]to[\s-]date|ytd|in\s+the\s+first|through|until|"
    r"till|since|by\s+the\s+end|over\s+the\s+(?:first|past|last)|peak|peaked|at\s+times|"
    r"up\s+to|capacity|in\s+some\s+months|at\s+its\s+height|of\s+which|of\s+them|of\s+those|"
    r"including|included)\b", regex.IGNORECASE)


def split_rate(unit: str) -> tuple[str, str] | None:
    """'t/month' -> ('t', 'month'); None for a unit that is not an amount per time."""
    if "/" not in unit:
        return None
    amount, per = unit.rsplit("/", 1)
    per = _PER.get(per)
    if not per or not amount:
        return None
    return amount, per


def raw_interval(claim: Claim) -> Interval:
    """The claim's interval in its own canonical unit (rounding widened as compare does)."""
    factor = to_comparison(claim.quantity.unit)[1] or 1.0
    iv = interval(claim)
    return iv.scale(1 / factor)


def over_period(rate: Claim, period: str) -> tuple[Interval, str, str] | None:
    """(total implied by the rate over the period, comparison unit, how) or None."""
    parts = split_rate(rate.quantity.unit)
    if parts is None:
        return None
    amount_unit, per = parts
    days, months = period_days(period), period_months(period)
    if days is None or months is None:
        return None
    if per == "day":
        factor, how = days, f"x {days} days"
    elif per == "month":
        factor, how = months, f"x {months} month{'s' if months != 1 else ''}"
    else:
        factor, how = months / 12, f"x {months}/12 of a year"
    base, to_base = to_comparison(amount_unit)
    return raw_interval(rate).scale(factor * to_base), base, how


def finished(period: str, published: dt.date | None) -> bool:
    """The period ended before the article was published (or the date is unknown)."""
    if published is None:
        return True
    start = period_start(period)
    months = period_months(period)
    if start is None or months is None:
        return False
    year, month = start
    index = year * 12 + month - 1 + months
    end = dt.date(index // 12, index % 12 + 1, 1)
    return end <= published


@register("rate-total", article_local=True, reads_clusters=False)
def check_rate_total(ctx: CheckContext, rule: RuleConfig) -> Iterable[Finding]:
    lay = layout(ctx)
    for article_id, placed in lay.by_article.items():
        article = ctx.articles_by_id.get(article_id)
        groups: dict[tuple, list[Claim]] = defaultdict(list)
        for p in placed:
            c = p.claim
            if c.entity and c.metric and period_grain(c.period):
                groups[(metric_family(c.metric), c.period, c.modality)].append(c)
        for (metric, period, _), claims in groups.items():
            if not finished(period, article.published if article else None):
                continue
            rates = [c for c in claims if split_rate(c.quantity.unit)]
            totals = [c for c in claims if not split_rate(c.quantity.unit) and c.quantity.unit
                      and not _partial(lay, c)]
            for rate in rates:
                for total in totals:
                    if not _same_subject(ctx, rate, total):
                        continue
                    finding = _compare(ctx, rule, rate, total, period)
                    if finding is not None:
                        yield finding


def _same_subject(ctx: CheckContext, rate: Claim, total: Claim) -> bool:
    """Inside one sentence: one entity or a facility and its network, one metric family.
    Across sentences: the same entity and the same metric, qualifiers and all."""
    if rate.sentence != total.sentence:
        return rate.entity == total.entity and rate.metric == total.metric
    return related_entities(ctx, rate.entity, total.entity)


def _partial(lay: Layout, total: Claim) -> bool:
    p = lay.placed.get(total.id)
    if p is None:
        return True
    return bool(_PARTIAL.search(lay.before(p, 50)) or _PARTIAL.search(lay.after(p, 40)))


def _compare(ctx: CheckContext, rule: RuleConfig, rate: Claim, total: Claim, period: str) -> Finding | None:
    implied = over_period(rate, period)
    if implied is None:
        return None
    computed, base, how = implied
    if to_comparison(total.quantity.unit)[0] != base:
        return None
    reported = interval(total)
    if not cannot_meet(reported, computed, rule.tolerance(rate.metric)):
        return None
    explanation = (f"{show_interval(raw_interval(rate), rate.quantity.unit)} {how} is "
                   f"{show_interval(computed, base)}, "
                   f"but the total for {period} is given as {show(total)}")
    keyed_by = rate if entity_parents(ctx).get(rate.entity) == total.entity else total
    return arithmetic_finding(
        rule, "rate-total", key_text(keyed_by), reported=show(total),
        computed=show_interval(computed, base), explanation=explanation,
        inputs=[(rate, "rate"), (total, "total")],
        severity_=severity(rule, [rate, total]),
        extra={"period": period, "multiplier": how, "gap": gap(reported, computed)})
