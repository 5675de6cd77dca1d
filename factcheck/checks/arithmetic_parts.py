"""FC202 parts against their stated total: a table column against its Total row, a bullet
list against the total its lead line states, and parts named in prose against the total
they break down.

Exhaustive breakdowns (a Total row, "split between", "made up of", a list under "totalled
70 million tons:") must add up, within the rounding of every cell or figure. Partial ones
("including", "of which", "one court ... another court ...") may leave a remainder, so
only parts that exceed the total are reported.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable, Sequence

import regex

from factcheck.checks.arithmetic_support import (
    Interval, Layout, Placed, arithmetic_finding, gap, interval, key_text, layout,
    same_scale, severity, show, show_interval,
)
from factcheck.checks.arithmetic_tables import (
    NESTED_LABEL, NON_ADDITIVE_HEADER, TOTAL_LABEL, Cell, Table, find_lists,
    find_tables,
)
from factcheck.checks.config import RuleConfig
from factcheck.checks.context import CheckContext
from factcheck.checks.formatting import number
from factcheck.checks.registry import register
from factcheck.model import Claim, Finding
from factcheck.frame.lazy_pattern import deferred_regex

_YEAR = deferred_regex(r"^\s*(?:19|20)\d\d\s*$")
_PARTIAL_LEAD = deferred_regex(r"\b(?:includ\w*|among|such\s+as|top|biggest|largest|main|"
                               r"major|key|notabl\w*|of\s+which|led\s+by)\b", regex.IGNORECASE)
_EXHAUSTIVE = deferred_regex(r"\b(?:split\s+(?:between|among|into)|made\s+up\s+of|comprising|"
                             r"consisting\s+of|divided\s+(?:between|among|into)|broken\s+down\s+"
                             r"into)\s*[^.;]{0,30}$", regex.IGNORECASE)
_PARTIAL_PROSE = deferred_regex(r"\b(?:including|of\s+which|of\s+them|of\s+those|among\s+them)"
                                r"\s*[^.;]{0,30}$", regex.IGNORECASE)
_TOTAL_BEFORE = deferred_regex(r"\b(?:a\s+total\s+of|total(?:l?ed|l?ing)?|altogether|in\s+all|"
                               r"combined|overall)\s+(?:of\s+)?(?:about|around|some|nearly|"
                               r"almost|roughly)?\s*$", regex.IGNORECASE)
_TOTAL_AFTER = deferred_regex(r"^\s*(?:in\s+total|in\s+all|altogether|combined)\b",
                              regex.IGNORECASE)
_FIRST_PART = deferred_regex(r"\b(?:one|the\s+first)\s+[a-z]+(?:\s+[a-z]+){0,3}\s*$",
                             regex.IGNORECASE)
_NEXT_PART = deferred_regex(r"\b(?:another|a\s+separate|the\s+other|a\s+second|a\s+third|"
                            r"a\s+further|the\s+remaining|the\s+rest)\b", regex.IGNORECASE)


@register("parts-total", article_local=True, reads_clusters=False)
def check_parts_total(ctx: CheckContext, rule: RuleConfig) -> Iterable[Finding]:
    lay = layout(ctx)
    for article_id, placed in lay.by_article.items():
        text = lay.text.get(article_id, "")
        if "|" in text:
            for table in find_tables(text):
                yield from _check_table(rule, table, placed)
        if ":" in text:
            yield from _check_lists(rule, text, placed)
        yield from _check_prose(ctx, rule, lay, placed)


# --- tables ------------------------------------------------------------------------------

def _in(placed: Sequence[Placed], start: int, end: int) -> list[Claim]:
    """Claims starting in [start, end): `placed` is in text order, so bisect, not scan."""
    i = bisect_left(placed, start, key=lambda p: p.start)
    found = []
    while i < len(placed) and placed[i].start < end:
        found.append(placed[i].claim)
        i += 1
    return found


def _check_table(rule: RuleConfig, table: Table, placed: Sequence[Placed]) -> Iterable[Finding]:
    rows = list(table.rows)
    if any(NESTED_LABEL.match(r.cells[0].text) for r in rows):
        return
    header = rows[0] if all(c.number() is None or _YEAR.match(c.text)
                            for c in rows[0].cells[1:]) else None
    parts: list = []
    for row in rows[1:] if header else rows:
        if TOTAL_LABEL.match(row.label):
            yield from _check_total_row(rule, header, parts, row, placed)
            parts = []
        else:
            parts.append(row)


def _check_total_row(rule, header, parts, total_row, placed) -> Iterable[Finding]:
    if len(parts) < 2:
        return
    width = len(total_row.cells)
    for j in range(1, width):
        head = header.cells[j].text if header and j < len(header.cells) else ""
        if NON_ADDITIVE_HEADER.search(head):
            continue
        if any(len(r.cells) != width for r in parts):
            return
        cells: list[Cell] = [r.cells[j] for r in parts]
        total_cell = total_row.cells[j]
        if any(c.missing or c.number() is None for c in cells) or total_cell.number() is None:
            continue
        if any(c.percent for c in cells + [total_cell]) and total_cell.number().mid != 100:
            continue    # percentages add up only as shares of one whole
        computed = Interval(0.0, 0.0)
        for c in cells:
            computed = computed + c.number()
        reported = total_cell.number()
        if gap(reported, computed) <= rule.tolerance_default:
            continue
        total_claims = _in(placed, total_cell.start, total_cell.end)
        part_claims = [c for cell in cells for c in _in(placed, cell.start, cell.end)]
        if not total_claims and not part_claims:
            continue    # nothing to cite
        column = head or f"column {j + 1}"
        labels = " + ".join(f"{r.label} {r.cells[j].text}" for r in parts)
        explanation = (f"{labels} = {_plain(computed)}, but the {total_row.label} row "
                       f"gives {total_cell.text} (column '{column}')")
        key = f"table · {column} · {total_row.label}"
        yield arithmetic_finding(
            rule, "parts-total", key, reported=total_cell.text, computed=_plain(computed),
            explanation=explanation,
            inputs=[(c, "total") for c in total_claims[:1]] + [(c, "part") for c in part_claims],
            severity_=severity(rule, [], uncertain=False),
            extra={"source": "table", "column": column, "rows": [r.label for r in parts]})


def _plain(iv: Interval) -> str:
    if abs(iv.high - iv.low) < 1e-9:
        return number(iv.mid, (1.0, ""))
    mid = (iv.low + iv.high) / 2
    return f"{number(mid, (1.0, ''))} (±{number((iv.high - iv.low) / 2, (1.0, ''))})"


# --- bullet lists ------------------------------------------------------------------------

def _check_lists(rule: RuleConfig, text: str, placed: Sequence[Placed]) -> Iterable[Finding]:
    for bullets in find_lists(text):
        lead = _in(placed, bullets.lead_start, bullets.lead_end)
        if len(lead) != 1:
            continue
        total = lead[0]
        parts: list[Claim] = []
        for start, end in bullets.items:
            found = _in(placed, start, end)
            if len(found) != 1 or not same_scale(found[0], total):
                parts = []
                break
            parts.append(found[0])
        if len(parts) < 2:
            continue
        lead_text = text[bullets.lead_start:bullets.lead_end]
        exhaustive = not _PARTIAL_LEAD.search(lead_text)
        finding = _judge(rule, total, parts, exhaustive, "list")
        if finding is not None:
            yield finding


# --- prose -------------------------------------------------------------------------------

def _check_prose(ctx: CheckContext, rule: RuleConfig, lay: Layout,
                 placed: Sequence[Placed]) -> Iterable[Finding]:
    seen: set[tuple[str, ...]] = set()
    for i, p in enumerate(placed):
        if "|" in p.claim.sentence:
            continue    # table rows are read as tables, not as sentences
        before, after = lay.before(p, 60), lay.after(p, 30)
        stated = bool(_TOTAL_BEFORE.search(before) or _TOTAL_AFTER.match(after))
        found = _sentence_breakdown(lay, p, stated)
        if found is not None:
            parts, exhaustive = found
            key = tuple(sorted(c.id for c in parts)) + (p.claim.id,)
            if key not in seen:
                seen.add(key)
                finding = _judge(rule, p.claim, parts, exhaustive, "prose")
                if finding is not None:
                    yield finding
        if _FIRST_PART.search(before):
            found = _enumeration(lay, placed, i)
            if found is not None:
                total, parts = found
                key = tuple(sorted(c.id for c in parts)) + (total.id,)
                if key not in seen:
                    seen.add(key)
                    finding = _judge(rule, total, parts, False, "prose")
                    if finding is not None:
                        yield finding


def _sentence_breakdown(lay: Layout, total: Placed,
                        stated: bool) -> tuple[list[Claim], bool] | None:
    """Parts after 'split between', 'made up of', 'including' ... in the total's sentence."""
    mates = [m for m in lay.sentence_mates(total) if m.start >= total.end]
    if len(mates) < 2:
        return None
    lead = lay.between(total, mates[0])
    if _EXHAUSTIVE.search(lead) or stated and regex.search(r"^[^.;]{0,20}[:—–]\s*[^.;]{0,25}$",
                                                           lead):
        exhaustive = True
    elif _PARTIAL_PROSE.search(lead):
        exhaustive = False
    else:
        return None
    parts = [m.claim for m in mates if same_scale(m.claim, total.claim)]
    if len(parts) != len(mates) or len(parts) < 2:
        return None
    return parts, exhaustive


def _enumeration(lay: Layout, placed: Sequence[Placed], i: int):
    """'One court released 102 ... a separate court a further 25' after a stated total."""
    first = placed[i]
    parts = [first.claim]
    for nxt in placed[i + 1:i + 4]:
        between = lay.between(parts_end(lay, parts), nxt)
        if len(between) > 160 or not _NEXT_PART.search(between):
            break
        parts.append(nxt.claim)
    if len(parts) < 2:
        return None
    metric = first.claim.metric
    if not metric or any(c.metric != metric for c in parts):
        return None
    if any(not _count_or_same(c, first.claim) for c in parts):
        return None
    earlier = [p for p in placed[max(0, i - 6):i]
               if p.claim.metric == metric and _count_or_same(p.claim, first.claim)
               and p.start >= first.start - 400 and p.claim.sentence != first.claim.sentence
               and regex.search(r"\d", p.claim.text)]
    if not earlier:
        return None
    return earlier[-1].claim, parts


def parts_end(lay: Layout, parts: list[Claim]) -> Placed:
    return lay.placed[parts[-1].id]


def _count_or_same(a: Claim, b: Claim) -> bool:
    """Same scale; counts of differently named people (suspects, defendants) count alike."""
    if a.quantity.dimension == "count" and b.quantity.dimension == "count":
        return not a.quantity.unit and not b.quantity.unit
    return same_scale(a, b)


# --- verdict -----------------------------------------------------------------------------

def _judge(rule: RuleConfig, total: Claim, parts: list[Claim], exhaustive: bool,
           source: str) -> Finding | None:
    computed = Interval(0.0, 0.0)
    for c in parts:
        computed = computed + interval(c)
    reported = interval(total)
    tolerance = rule.tolerance(total.metric)
    if gap(reported, computed) <= tolerance:
        return None
    if not exhaustive and not computed.low > reported.high:
        return None     # a partial breakdown may leave a remainder
    unit = total.quantity.unit and interval_unit(total)
    explanation = (f"parts {' + '.join(show(c) for c in parts)} = "
                   f"{show_interval(computed, unit)}, but the total is given as {show(total)}"
                   + ("" if exhaustive else " (parts exceed the total)"))
    return arithmetic_finding(
        rule, "parts-total", key_text(total), reported=show(total),
        computed=show_interval(computed, unit), explanation=explanation,
        inputs=[(total, "total")] + [(c, "part") for c in parts],
        severity_=severity(rule, [total, *parts]),
        extra={"source": source, "exhaustive": exhaustive})


def interval_unit(claim: Claim) -> str:
    from factcheck.checks.compare import to_comparison

    return to_comparison(claim.quantity.unit)[0]
