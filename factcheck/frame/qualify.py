"""Qualifiers that make two figures of one entity, metric and period not comparable.

They become part of the metric key, after a colon, in a fixed order:

    commodity     "steel output" vs "aluminium output": production:steel, production:aluminium
                  (for metrics marked by_commodity; a barrels figure implies oil)
    subset        "proven reserves", "reserves under development", "of which 3 Mt":
                  reserves:proven, reserves:developed, exports:part (rules: narrowers)
    destination   "exports to the United States", "imports from China", "via Russia":
                  exports:to United States (for metrics marked by_destination)

So "exports:aluminium:to United States" is never set against total exports. A key with
more qualifiers is narrower, never wrong: at worst a real clash goes unreported.
"""

from __future__ import annotations

import re

from factcheck.frame.context import SentenceContext, gap
from factcheck.frame.lazy_pattern import deferred
from factcheck.frame.lexicon import Lexicon
from factcheck.model import Quantity

NEAR = 40            # a commodity word this close to the metric word or the figure names it
_IMPLIED = {"oil_flow": "oil", "oil_volume": "oil", "gas_volume": "gas", "gas_rate": "gas"}
_TOWARDS = deferred(r"\b(?:to|into|towards)\s+(?:the\s+)?$", re.IGNORECASE)
_FROM = deferred(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_VIA = deferred(r"\b(?:via|through|across)\s+(?:the\s+)?$", re.IGNORECASE)
_INBOUND = ("imports",)
_PLACE_KINDS = ("country", "region", "place", "facility", "pipeline")


def qualify(lex: Lexicon, ctx: SentenceContext, fig: tuple[int, int], q: Quantity,
            metric: str, trigger: tuple[int, int] | None,
            is_change: bool = False) -> tuple[str, list[str]]:
    """`metric` with its qualifiers appended, and a note for each."""
    if not metric:
        return metric, []
    spec = lex.metrics.get(metric.split(":")[0])
    parts: list[str] = []
    notes: list[str] = []
    lo, hi = ctx.clause_span(fig[0])
    if lo > 0 and (ctx.text[lo] == ":" or ctx.text[:lo].rstrip().endswith(":")):
        # "Chile's copper exports: $4.2 billion": a label and its figure are one statement
        lo = ctx.clause_span(ctx.text.rindex(":", 0, lo + 1) - 1)[0]
    if spec is not None and spec.by_commodity:
        found = _commodity(lex, ctx, fig, q, trigger, lo, hi)
        if found:
            parts.append(found)
            notes.append(f"metric: of {found}")
    for narrower in lex.narrowers:
        if narrower.dimensions and q.dimension not in narrower.dimensions:
            continue
        if narrower.metrics and metric.split(":")[0] not in narrower.metrics:
            continue
        if is_change and not narrower.for_changes:
            continue
        if narrower.before_figure:
            prev_end = max([f[1] for f in ctx.figures if f[1] <= fig[0]] + [lo])
            m = narrower.pattern.search(ctx.text, max(prev_end, fig[0] - 30), fig[0])
        else:                           # in the clause, with no other figure in between
            m = next((x for x in narrower.pattern.finditer(ctx.text, lo, hi)
                      if not ctx.figures_between(x.start(), fig[0], fig)), None)
        if m and narrower.key not in parts:
            parts.append(narrower.key)
            notes.append(f"metric: '{' '.join(m.group(0).split())}' marks a subset "
                         f"({narrower.key})")
    if spec is not None and spec.by_destination:
        found = _destination(ctx, fig, trigger, lo, hi, metric.split(":")[0])
        if found:
            parts.append(found)
            notes.append(f"metric: {found}")
    if not parts:
        return metric, notes
    return ":".join([metric, *parts]), notes


def _commodity(lex: Lexicon, ctx: SentenceContext, fig: tuple[int, int], q: Quantity,
               trigger: tuple[int, int] | None, lo: int, hi: int) -> str:
    pattern = lex.commodity_noun_pattern
    best: tuple[int, str] | None = None
    if pattern is not None:
        anchors = [fig] + ([trigger] if trigger is not None else [])
        for m in pattern.finditer(ctx.text, lo, hi):
            span = (m.start(), m.end())
            if ctx.figures_between(m.start(), fig[0], fig) and not _names_trigger(
                    ctx, span, trigger, fig) and not _only_a_move_between(ctx, span, fig):
                continue                  # "2 Mt of steel and 3 Mt": nearest figure only
            d = min(gap(span, a) for a in anchors)
            if d <= NEAR and (best is None or d < best[0]):
                best = (d, lex.commodity_nouns.get(" ".join(m.group(0).lower().split()), ""))
    if best is not None and best[1]:
        return best[1]
    return _IMPLIED.get(q.dimension, "")


def _names_trigger(ctx: SentenceContext, span: tuple[int, int],
                   trigger: tuple[int, int] | None, fig: tuple[int, int]) -> bool:
    """The commodity word is part of the metric phrase the figure hangs on ("gold
    production rose 5% to 1.2 million ounces": the level's trigger is "production", and
    "gold" says whose), so the change figure between them does not take it away."""
    if trigger is None:
        return False
    return (gap(span, trigger) <= 2 and not ctx.figures_between(span[0], trigger[1], fig)
            and not ctx.figures_between(span[1], trigger[0], fig))


_SUBJECT_OF_MOVE = deferred(r"(?:['’]s)?(?:\s+(?:prices?|futures|contracts?))?\s+"
                            r"(?:was\s+|were\s+|is\s+|are\s+)?\w+(?:\s+(?:up|down))?\s+"
                            r"(?:by\s+)?", re.IGNORECASE)
_SUBJECT_HEAD = deferred(r"\s*(?:(?:[Tt]he|[Ss]pot|[Bb]enchmark|[A-Z][\w.'’-]*)\s+){0,2}")
_TO_LEVEL = deferred(r"\s*(?:to|at)\s+(?:a\s+|an\s+)?", re.IGNORECASE)


def _only_a_move_between(ctx: SentenceContext, span: tuple[int, int],
                         fig: tuple[int, int]) -> bool:
    """The one figure between the commodity word and this one is the move that led to it
    ("Copper fell 1.2% to $9,350 a tonne"): the level is the same commodity's."""
    if span[1] > fig[0]:
        return False
    between = [f for f in ctx.figures if f != fig and span[1] <= f[0] and f[1] <= fig[0]]
    if len(between) != 1:
        return False
    m = _TO_LEVEL.match(ctx.text, between[0][1])
    if m is None or m.end() != fig[0]:
        return False
    # the commodity is the move's subject ("Copper fell", "Zinc's price slid"), not a
    # cause or an owner a few words off ("Copper's slump cut Chile's exports 5% to ...")
    if _SUBJECT_OF_MOVE.fullmatch(ctx.text, span[1], between[0][0]) is None:
        return False
    # and it heads the subject: nothing before it in its clause but a determiner or a
    # name ("In India, coal prices rose", "London copper fell"), not "the tax on fuel rose"
    start = max(ctx.text.rfind(ch, 0, span[0]) for ch in ",;:") + 1
    return _SUBJECT_HEAD.fullmatch(ctx.text, start, span[0]) is not None


def _destination(ctx: SentenceContext, fig: tuple[int, int], trigger: tuple[int, int] | None,
                 lo: int, hi: int, base: str) -> str:
    anchor = trigger or fig
    best: tuple[int, str] | None = None
    for m in ctx.mentions:
        if not (lo <= m.start < hi) or not m.name or m.kind not in _PLACE_KINDS:
            continue
        before = ctx.text[max(0, m.start - 12):m.start]
        inbound = base in _INBOUND      # imports come from somewhere; exports go to it
        if not inbound and _TOWARDS.search(before):
            label = f"to {m.name}"
        elif inbound and _FROM.search(before):
            label = f"from {m.name}"
        elif _VIA.search(before):
            label = f"via {m.name}"
        else:
            continue
        d = min(gap((m.start, m.end), anchor), gap((m.start, m.end), fig))
        if d <= 60 and not ctx.figures_between(m.start, fig[0], fig) and (
                best is None or d < best[0]):
            best = (d, label)
    return best[1] if best else ""
