"""Which metric a figure measures: the nearest fitting trigger word, then qualifiers.

A trigger fits when the metric allows the figure's dimension (a percent change fits any
metric) and, for metrics that share triggers (oil / gas / other production), when the
sentence names the commodity or the unit implies it. Among fitting triggers the nearest
in the same clause wins, so "its quota of 1.468 million bpd" is a quota even when
"output" appears earlier in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.frame.context import SentenceContext, gap
from factcheck.frame.lazy_pattern import deferred
from factcheck.frame.lexicon import Lexicon
from factcheck.model import Quantity

CLAUSE_COST = 60      # a trigger in another clause counts as this many characters further
FIGURE_COST = 30      # ... and this much more for each figure between it and ours
AFTER_COST = 6        # news puts the metric before the figure more often than after it
NEAR_ENOUGH = 80      # beyond this cost the metric is a guess: lower confidence
# between a count and the word that says what it counts: "9 dead", "two people died",
# "five were hurt" (no punctuation, at most two words)
_COUNT_PREDICATE = deferred(r"\s*(?:[^\W\d]+\s+){0,2}")
_DESTINATION = deferred(r"\b(?:into|to)\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class MetricChoice:
    metric: str
    trigger: tuple[int, int] | None
    confidence: float
    notes: tuple[str, ...]


def _fits(lex: Lexicon, mid: str, q: Quantity, sentence: str, is_change: bool,
          persons: bool = False) -> int:
    """0 when metric `mid` cannot take figure `q`; 2 when specific (commodity named), 1 else."""
    metric = lex.metrics.get(mid)
    if metric is None:
        return 0
    dim = q.dimension
    if dim not in metric.dimensions and not (dim == "percent" and is_change):
        return 0
    if persons and not metric.counts_people:
        return 0      # "three industry sources said": who spoke, not how much was exported
    if metric.commodities:
        if dim in metric.implied_by:
            return 2
        pattern = lex.commodity_pattern.get(mid)
        return 2 if pattern is not None and pattern.search(sentence) else 0
    return 1


_SPACE = deferred(r"[ \t\u00a0]+")


# between a percentage and the whole it is a share of
_SHARE_OF = deferred(r"\s+of\s+(?:the\s+|its\s+|their\s+|annual\s+|total\s+)*",
                     re.IGNORECASE)


def _names_speaker(lex: Lexicon, text: str, end: int) -> bool:
    """Is the trigger ending at `end` a modifier of a people noun ("trading sources")?"""
    if lex.person_noun_pattern is None:
        return False
    space = _SPACE.match(text, end)
    return bool(space and lex.person_noun_pattern.match(text, space.end()))


def _predicates(text: str, start: int, end: int) -> bool:
    """Does the text between a count and a trigger tie them ("12 killed", "two people
    died")?"""
    m = _COUNT_PREDICATE.match(text, start, end)
    return bool(m) and m.end() == end


def choose_metric(lex: Lexicon, ctx: SentenceContext, fig: tuple[int, int], q: Quantity,
                  is_change: bool) -> MetricChoice:
    best: tuple[float, int, str, tuple[int, int], str] | None = None
    # The noun phrase after a count ("three industry sources") says whether it counts people.
    persons = q.dimension == "count" and lex.counts_persons(
        q.counted + " " + " ".join(ctx.text[fig[1]:fig[1] + 40].split()[:3]))
    for t in ctx.triggers:
        span = (t.start, t.end)
        if span[0] < fig[1] and fig[0] < span[1]:
            continue                                  # a unit word inside the figure
        if q.dimension == "percent" and _SHARE_OF.fullmatch(ctx.text, fig[1], t.start):
            # "defence spending rose to 2% of GDP": a share of a whole the rules name; what
            # the share measures is some other word's, maybe one they do not know
            return MetricChoice("", None, 0.5, (f"metric: a share of "
                                                f"'{ctx.text[t.start:t.end]}', not worked out",))
        if _names_speaker(lex, ctx.text, t.end):
            continue                  # "shipping sources said": who spoke, not what was done
        if q.dimension == "currency" and _DESTINATION.search(ctx.text, max(0, t.start - 14),
                                                             t.start):
            continue                  # "$85 million went into the state budget": where it went
        cost = float(gap(span, fig))
        counted = q.dimension in ("count", "")
        if t.start >= fig[1] and not (counted and _predicates(ctx.text, fig[1], t.start)):
            cost += AFTER_COST
        if counted and t.end <= fig[0] and any(
                f != fig and f[1] <= t.start and _predicates(ctx.text, f[1], t.start)
                for f in ctx.figures):
            # "9 dead and 20 wounded": the word right after another count is that count's
            cost += FIGURE_COST
        if not ctx.same_clause(t.start, fig[0]):
            cost += CLAUSE_COST
        cost += FIGURE_COST * ctx.figures_between(t.start, fig[0], fig)
        for mid in t.metrics:
            fit = _fits(lex, mid, q, ctx.text, is_change, persons)
            if not fit:
                continue
            key = (cost, -fit, mid, span, t.phrase)
            if best is None or key[:2] < best[:2]:
                best = key
    notes: list[str] = []
    if best is None:
        for metric in lex.metrics.values():
            if persons and not metric.counts_people:
                continue
            if q.dimension and q.dimension in metric.default_for:
                return MetricChoice(metric.id, None, 0.85,
                                    (f"metric: {metric.id} by the unit alone",))
        return MetricChoice("", None, 0.5, ("metric: no metric word fits this figure",))
    cost, _, mid, span, phrase = best
    confidence = 1.0 if cost <= NEAR_ENOUGH else 0.8
    notes.append(f"metric: '{ctx.text[span[0]:span[1]]}'"
                 + ("" if cost <= NEAR_ENOUGH else " (far from the figure)"))
    refined, qnote = _qualify(lex, ctx, fig, mid)
    if qnote:
        notes.append(qnote)
    if lex.narrower_pattern is not None:
        lo, hi = ctx.clause_span(fig[0])
        m = lex.narrower_pattern.search(ctx.text, lo, hi)
        if m:
            confidence *= 0.7
            notes.append(f"metric: '{m.group(0)}' marks a subset of {refined}")
    return MetricChoice(refined, span, confidence, tuple(notes))


def _qualify(lex: Lexicon, ctx: SentenceContext, fig: tuple[int, int],
             mid: str) -> tuple[str, str]:
    """Apply the qualifier nearest the figure, if one applies to the chosen metric."""
    best: tuple[float, str, str] | None = None
    for qual in lex.qualifiers:
        if mid not in qual.applies_to:
            continue
        for m in qual.pattern.finditer(ctx.text):
            cost = float(gap((m.start(), m.end()), fig))
            cost += FIGURE_COST * ctx.figures_between(m.start(), fig[0], fig)
            if best is None or cost < best[0]:
                best = (cost, qual.metric, m.group(0))
    if best is None:
        return mid, ""
    return best[1], f"metric: '{' '.join(best[2].split())}' makes it {best[1]}"
