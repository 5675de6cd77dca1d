"""FC204 share against part and whole, and FC205 difference against its terms.

FC204: "102 of the 127 defendants, or 90%" or "exports of 2 million tons, about 25% of
the 10 million tons total" - a percentage set right after a figure and followed by "of",
with the whole in the same sentence ("of the 127", "of a total of 10 million tons").

FC205: "output of 1.88 million bpd exceeds the quota of 1.468 million bpd by 350,000 bpd"
- a level, the figure it is measured against, and the stated gap ("by D", "D above Q"),
all in one sentence and on one scale.

Both stay inside one sentence: a whole or a level borrowed from elsewhere may be of
another scope, and a false alarm costs more than a miss.
"""

from __future__ import annotations

from typing import Iterable

import regex

from factcheck.checks.arithmetic_support import (
    Layout, Placed, arithmetic_finding, gap, interval, is_percent, key_text,
    layout, same_scale, severity, show, show_interval, base_unit,
)
from factcheck.checks.config import RuleConfig
from factcheck.checks.context import CheckContext
from factcheck.checks.registry import register
from factcheck.model import Finding
from factcheck.frame.lazy_pattern import deferred_regex

_HEDGE = r"(?:about|around|roughly|some|nearly|almost|approximately|just\s+(?:over|under)|" \
         r"more\s+than|less\s+than|over|under|close\s+to)"
_SHARE_BEFORE = deferred_regex(rf"^\s*(?:[^\W\d]+\s+){{0,4}}?[^\W\d]*\s*(?:,|\(|—|–)\s*"
                               rf"(?:or|which\s+is|i\.e\.|that\s+is)?\s*{_HEDGE}?\s*$",
                               regex.IGNORECASE)
_SHARE_AFTER = deferred_regex(r"^\s*(?:of|share\s+of)\b", regex.IGNORECASE)
_WHOLE_OF = deferred_regex(r"^\s*(?:out\s+)?of\s+(?:the\s+|a\s+|all\s+|its\s+|their\s+)?"
                           r"(?:(?:total|overall|combined)\s+(?:of\s+)?)?$", regex.IGNORECASE)
_WHOLE_TOTAL = deferred_regex(r"\b(?:of\s+)?(?:the|a|its|their)?\s*(?:total|overall|"
                              r"combined)\s+(?:of\s+)?$", regex.IGNORECASE)


def _prev(lay: Layout, p: Placed) -> Placed | None:
    mates = [m for m in lay.sentence_mates(p) if m.end <= p.start]
    return mates[-1] if mates else None


def _next(lay: Layout, p: Placed) -> Placed | None:
    mates = [m for m in lay.sentence_mates(p) if m.start >= p.end]
    return mates[0] if mates else None


@register("share", article_local=True, reads_clusters=False)
def check_share(ctx: CheckContext, rule: RuleConfig) -> Iterable[Finding]:
    lay = layout(ctx)
    for placed in (p for ps in lay.by_article.values() for p in ps):
        share = placed.claim
        if not is_percent(share) or share.quantity.change in ("up", "down"):
            continue
        near = _prev(lay, placed)
        if near is None or is_percent(near.claim) or len(lay.between(near, placed)) > 25:
            continue
        if not _SHARE_BEFORE.match(lay.between(near, placed)):
            continue
        found = _part_and_whole(lay, near, placed,
                                bool(_SHARE_AFTER.match(lay.after(placed, 20))))
        if found is None:
            continue
        part, whole = found
        ratio = interval(part.claim).over(interval(whole.claim))
        if ratio is None:
            continue
        computed = ratio.scale(100)
        reported = interval(share)
        if gap(reported, computed) <= rule.tolerance(share.metric):
            continue
        explanation = (f"{show(part.claim)} of {show(whole.claim)} is "
                       f"{show_interval(computed, '%')}, reported {share.text.strip()}")
        yield arithmetic_finding(
            rule, "share", key_text(part.claim), reported=show(share),
            computed=show_interval(computed, "%"), explanation=explanation,
            inputs=[(share, "share"), (part.claim, "part"), (whole.claim, "whole")],
            severity_=severity(rule, [part.claim, whole.claim]))


def _part_and_whole(lay: Layout, near: Placed, share: Placed, share_of: bool):
    """'102 of the 127, or 80%', '2 Mt, or 20% of the 10 Mt', or a total in the sentence."""
    before = _prev(lay, near)
    if before is not None and same_scale(before.claim, near.claim) and \
            _WHOLE_OF.match(lay.between(before, near)):
        return before, near
    if not share_of:
        return None     # "X, or 20%" with no "of ..." says nothing of a whole
    nxt = _next(lay, share)
    if nxt is not None and same_scale(nxt.claim, near.claim) and \
            _WHOLE_OF.match(lay.between(share, nxt)):
        return near, nxt
    for mate in lay.sentence_mates(near):
        if mate.claim.id in (near.claim.id, share.claim.id) or \
                not same_scale(mate.claim, near.claim):
            continue
        if _WHOLE_TOTAL.search(lay.before(mate, 40)):
            return near, mate
    return None


# --- FC205 difference --------------------------------------------------------------------

_ABOVE = r"(?:exceed(?:s|ed|ing)?|above|over|top(?:s|ped|ping)?|beat(?:s|ing)?|surpass\w*|" \
         r"overshoot\w*|overshot|higher\s+than|more\s+than)"
_BELOW = r"(?:below|under|short\s+of|miss(?:es|ed|ing)?|lower\s+than|less\s+than|trail\w*)"
_LEVEL_TO_REF = deferred_regex(
    rf"\b(?P<dir>{_ABOVE}|{_BELOW})\b[^.;|]{{0,50}}$", regex.IGNORECASE)
_BY = deferred_regex(r"^\s*,?\s*by\s+(?:about|around|roughly|some|nearly|almost|"
                     r"approximately)?\s*$", regex.IGNORECASE)
_GAP_REF = deferred_regex(rf"^\s*(?P<dir>{_ABOVE}|{_BELOW})\s+(?:the\s+|its\s+|their\s+|a\s+)?"
                          r"(?:[\w+.-]+\s+){0,3}(?:of\s+)?$", regex.IGNORECASE)


@register("difference", article_local=True, reads_clusters=False)
def check_difference(ctx: CheckContext, rule: RuleConfig) -> Iterable[Finding]:
    lay = layout(ctx)
    for sentence in lay.by_sentence.values():
        if len(sentence) < 3:
            continue
        for i in range(len(sentence) - 2):
            found = _terms(lay, sentence[i], sentence[i + 1], sentence[i + 2])
            if found is None:
                continue
            level, ref, diff, direction = found
            finding = _judge(rule, level, ref, diff, direction)
            if finding is not None:
                yield finding


def _terms(lay: Layout, a: Placed, b: Placed, c: Placed):
    """(level, reference, difference, 'above'|'below') for the two sentence shapes."""
    if not (same_scale(a.claim, b.claim) and same_scale(a.claim, c.claim)):
        return None
    # "<level> ... exceeds the quota of <ref> by <diff>"
    m = _LEVEL_TO_REF.search(lay.between(a, b))
    if m and _BY.match(lay.between(b, c)):
        return a.claim, b.claim, c.claim, _direction(m.group("dir"))
    # "<level>, <diff> above the quota of <ref>"
    m = _GAP_REF.match(lay.between(b, c))
    if m and regex.match(r"^\s*(?:[^\W\d]+\s+){0,5}?[^\W\d]*\s*(?:,|—|–|\()\s*(?:or\s+)?$",
                         lay.between(a, b)):
        return a.claim, c.claim, b.claim, _direction(m.group("dir"))
    return None


def _direction(word: str) -> str:
    return "below" if regex.match(_BELOW, word, regex.IGNORECASE) else "above"


def _judge(rule: RuleConfig, level, ref, diff, direction: str) -> Finding | None:
    lv, rv, dv = interval(level), interval(ref), interval(diff)
    computed = lv - rv if direction == "above" else rv - lv
    if gap(dv, computed) <= rule.tolerance(level.metric):
        return None
    unit = base_unit(level)
    explanation = (f"{show(level)} is {show_interval(computed, unit)} {direction} "
                   f"{show(ref)}, reported {show(diff)}")
    return arithmetic_finding(
        rule, "difference", key_text(level), reported=show(diff),
        computed=show_interval(computed, unit), explanation=explanation,
        inputs=[(level, "level"), (ref, "reference"), (diff, "difference")],
        severity_=severity(rule, [level, ref]), extra={"direction": direction})
