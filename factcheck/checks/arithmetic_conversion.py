"""FC207 conversion across dimensions: crude oil in tonnes against crude oil in barrels.

"9.0 million bpd" and "450 million tonnes a year" are one figure when a tonne of crude is
about 7.33 barrels. The factor depends on the crude's density, so it is an interval:
the factor (stated in the article, "7.5 barrels per tonne"; else the entity's own; else
`default` in checks.yaml; else the crude_oil context of units.txt; else 7.33) widened by
`band`. Rates convert through the days of their period
(a year of 2024 has 366), totals through the factor alone, and a total for a period
against a daily rate for the same period through both.

Only figures with the same entity, metric family, period and modality are compared, and
only when the tonnage is said to be oil (a sentence about grain in tonnes is never set
against barrels).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Mapping

import regex

from factcheck.checks.arithmetic_support import (
    Interval, arithmetic_finding, gap, interval, key_text, layout, metric_family,
    period_days, period_grain, severity, show, show_interval,
)
from factcheck.checks.config import RuleConfig
from factcheck.checks.context import CheckContext
from factcheck.checks.registry import register
from factcheck.model import Claim, Finding
from factcheck.frame.lazy_pattern import deferred_regex

DEFAULT_BARRELS_PER_TONNE = 7.33
DEFAULT_BAND = 0.07      # light crude ~7.8, heavy crude ~6.9 barrels per tonne
DEFAULT_CONDENSATE_MAX = 8.9   # gas condensate runs to ~8.5-8.9 barrels per tonne

_OIL = deferred_regex(r"\b(?:oil|crude|condensate|petroleum|barrels?|bpd|b/d)\b", regex.IGNORECASE)
_STATED_FACTOR = deferred_regex(
    r"(?P<f>\d+(?:\.\d+)?)\s*(?:barrels|bbl)\s*(?:per|a|an|to\s+(?:a|the|one|each))\s+"
    r"(?:metric\s+)?(?:tonne|ton)\b|(?:one|a|each|per)\s+(?:metric\s+)?(?:tonne|ton)\s+"
    r"(?:of\s+[a-z ]{1,20}\s+)?(?:is|equals|=|is\s+equal\s+to|equates\s+to|is\s+about)\s+"
    r"(?:about\s+|roughly\s+|some\s+)?(?P<g>\d+(?:\.\d+)?)\s*(?:barrels|bbl)", regex.IGNORECASE)

# canonical unit -> (kind, per): kind "mass" | "barrels"; per "" | "d" | "month" | "yr"
_UNITS = {
    "t": ("mass", ""), "t/yr": ("mass", "yr"), "t/month": ("mass", "month"),
    "t/d": ("mass", "d"), "bbl": ("barrels", ""), "bbl/d": ("barrels", "d"),
}
_OIL_METRICS = {"crude_condensate_production", "crude_production", "oil_production",
                "exports", "imports", "throughput", "production_capacity",
                "export_capacity", "supply", "demand", "production_quota",
                "compensation_cuts"}


_CONTEXT = deferred_regex(r"^@context\(\s*barrels_per_tonne\s*=\s*(\d+(?:\.\d+)?)\s*\)\s*crude_oil\b",
                          regex.MULTILINE)


def units_file_factor(ctx: CheckContext) -> float | None:
    """barrels_per_tonne of the crude_oil context in units.txt beside checks.yaml, if any."""

    def build() -> float | None:
        from pathlib import Path

        folder = Path(ctx.rules.path).parent if ctx.rules.path else None
        try:
            text = (folder / "units.txt").read_text(encoding="utf-8") if folder else ""
        except OSError:
            return None
        match = _CONTEXT.search(text)
        return float(match.group(1)) if match else None

    return ctx.memo("arithmetic.units_factor", build)


def stated_factor(text: str) -> float | None:
    """Barrels per tonne as the article states it, if it does (and plausibly: 5-10)."""
    for match in _STATED_FACTOR.finditer(text):
        value = float(match.group("f") or match.group("g"))
        if 5 <= value <= 10:
            return value
    return None


def factor_for(rule: RuleConfig, entity: str, article_text: str,
               condensate: bool = False, units_default: float | None = None
               ) -> tuple[Interval, str]:
    """The barrels-per-tonne interval and where it came from; condensate, lighter than
    crude, stretches the upper end to `condensate_max`."""
    stated = stated_factor(article_text)
    if stated is not None:
        band = float(rule.param("stated_factor_band", 0.01))
        return Interval(stated * (1 - band), stated * (1 + band)), "stated in the article"
    settings: Mapping = rule.param("barrels_per_tonne", {}) or {}
    by_entity = settings.get("entities", {}) or {}
    band = float(settings.get("band", DEFAULT_BAND))
    if entity in by_entity:
        value, source = float(by_entity[entity]), f"{entity}'s factor"
    elif "default" in settings:
        value, source = float(settings["default"]), "default"
    elif units_default is not None:
        value, source = units_default, "units.txt crude_oil context"
    else:
        value, source = DEFAULT_BARRELS_PER_TONNE, "default"
    high = value * (1 + band)
    if condensate:
        high = max(high, float(settings.get("condensate_max", DEFAULT_CONDENSATE_MAX)))
        source += ", condensate included"
    return Interval(value * (1 - band), high), source


@register("conversion", reads_clusters=False)
def check_conversion(ctx: CheckContext, rule: RuleConfig) -> Iterable[Finding]:
    lay = layout(ctx)
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in ctx.claims:
        if claim.quantity.unit in _UNITS and claim.entity and claim.metric and \
                metric_family(claim.metric) in _OIL_METRICS:
            groups[(claim.entity, metric_family(claim.metric), claim.period,
                    claim.modality)].append(claim)
    for (entity, _, period, _), claims in groups.items():
        masses = [c for c in claims if _UNITS[c.quantity.unit][0] == "mass" and _is_oil(c)]
        barrels = [c for c in claims if _UNITS[c.quantity.unit][0] == "barrels"]
        for mass in masses:
            for barrel in barrels:
                if not period and mass.sentence != barrel.sentence:
                    continue    # undated figures are compared only inside one sentence
                finding = _compare(ctx, lay, rule, mass, barrel, period)
                if finding is not None:
                    yield finding


def _is_oil(claim: Claim) -> bool:
    qualifier = claim.metric.split(":", 1)[1] if ":" in claim.metric else ""
    if qualifier and not _OIL.search(qualifier.replace(":", " ")):
        return False
    return bool(_OIL.search(claim.text) or _OIL.search(claim.sentence))


def _compare(ctx, lay, rule: RuleConfig, mass: Claim, barrel: Claim,
             period: str) -> Finding | None:
    """Both figures as barrels a day over the period: totals spread over its days."""
    mass_total, barrel_total = _UNITS[mass.quantity.unit][1] == "", \
        _UNITS[barrel.quantity.unit][1] == ""
    days = period_days(period) if period else None
    if (mass_total or barrel_total) and (days is None or not _finished(ctx, mass, period)):
        return None     # a total needs a finished period to become a rate
    text = lay.text.get(mass.article, "")
    condensate = any("condensate" in c.metric or
                     regex.search(r"\bcondensate\b", c.sentence, regex.IGNORECASE)
                     for c in (mass, barrel))
    factor, source = factor_for(rule, mass.entity, text, condensate, units_file_factor(ctx))
    if barrel.article != mass.article:
        other = stated_factor(lay.text.get(barrel.article, ""))
        if other is not None:
            factor = Interval(min(factor.low, other * 0.99), max(factor.high, other * 1.01))
    days_in_year = period_days(period) if period_grain(period) == "year" else 365.25
    tonnes_a_day = interval(mass).scale(1 / days) if mass_total else \
        interval(mass).scale(1 / days_in_year)      # t/yr on the comparison scale
    computed = tonnes_a_day.times(factor)
    reported = interval(barrel).scale(1 / days) if barrel_total else interval(barrel)
    if gap(reported, computed) <= rule.tolerance(barrel.metric):
        return None
    spread = f" over {days} days" if mass_total or barrel_total else ""
    explanation = (f"{show(mass)} at {factor.low:.2f}-{factor.high:.2f} barrels per tonne "
                   f"({source}){spread} is {show_interval(computed, 'bbl/d')}, but "
                   f"{show(barrel)} is given"
                   + (f" ({show_interval(reported, 'bbl/d')})" if barrel_total else ""))
    return arithmetic_finding(
        rule, "conversion", key_text(barrel), reported=show(barrel),
        computed=show_interval(computed, "bbl/d"), explanation=explanation,
        inputs=[(mass, "tonnes"), (barrel, "barrels")],
        severity_=severity(rule, [mass, barrel]),
        extra={"barrels_per_tonne": [factor.low, factor.high], "factor_source": source,
               "days": days if (mass_total or barrel_total) else days_in_year})


def _finished(ctx: CheckContext, claim: Claim, period: str) -> bool:
    from factcheck.checks.arithmetic_rate import finished

    article = ctx.articles_by_id.get(claim.article)
    return finished(period, article.published if article else None)
