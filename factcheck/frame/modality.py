"""Whether a figure is an actual level, a forecast, a target, a change, or a change ahead.

A change is a difference ("rose 15.5%", "cut by 40%", "a 13% increase", "boost output by
260,000 bpd"), as opposed to the level it leads to ("to 1.83 million bpd"). A target is a
quota, limit or goal; a forecast is what someone expects. A figure after "from the
current" is the actual starting level even inside a forecast. A change that is forecast,
planned or aimed at ("GDP will grow 3.1%", "plans to cut output by 10%") is a
`forecast_change`: it has not happened, and is never set against the change that did.
"""

from __future__ import annotations

import re

from factcheck.frame.context import SentenceContext
from factcheck.frame.lazy_pattern import deferred
from factcheck.frame.lexicon import Lexicon
from factcheck.frame.periods import word_before
from factcheck.model import Quantity

_LEVEL_BEFORE = deferred(r"\b(?:to|at|of|reached|reach|hit|hits|totall?ing|totall?ed)\s+"
                           r"(?:a\s+|an\s+|the\s+|just\s+|around\s+|about\s+|nearly\s+|some\s+"
                           r"|record\s+|high\s+of\s+|all-time\s+high\s+of\s+)*$", re.IGNORECASE)
_BY_BEFORE = deferred(r"\bby\s+(?:a\s+|an\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+"
                        r"|roughly\s+|more\s+than\s+|over\s+|as\s+much\s+as\s+)*$", re.IGNORECASE)
_BASE_BEFORE = deferred(r"\bfrom\s+(?:a\s+high\s+of\s+|a\s+low\s+of\s+|the\s+|its\s+|their\s+"
                          r"|current\s+|present\s+|existing\s+|previous\s+|just\s+|about\s+"
                          r"|around\s+|some\s+)*$", re.IGNORECASE)
_MOVE_OF = deferred(r"(?:\b(an?|the)\s+(?:[\w-]+\s+)?)?\b(growth|increase|rise|jump|drop|decline|fall|decrease|reduction|"
                   r"surge|plunge)\s+(?:of|by)\s+(?:about\s+|around\s+|some\s+|nearly\s+|"
                   r"almost\s+|roughly\s+|more\s+than\s+|over\s+)*$", re.IGNORECASE)
_RATES = ("percent", "points", "ratio")
_NOUN_OF = deferred(r"\b(?:of|by)\s+(?:about\s+|around\s+|some\s+|nearly\s+)*$", re.IGNORECASE)
_FILLER_AFTER = deferred(r"^[\s,]*(?:\(?[a-z]{1,4}\)?\s+)?(?:m-o-m\s+|y-o-y\s+|month-on-month\s+"
                           r"|year-on-year\s+)?", re.IGNORECASE)

_PRESENT_BEFORE = deferred(r"\b(?:its|their|current|existing|present)\s+"
                             r"(?:(?!to\b|by\b|at\b|of\b)\w+\s+){0,3}$", re.IGNORECASE)

WINDOW = 60


def _ends_with_cue(pattern: re.Pattern | None, text: str) -> re.Match | None:
    if pattern is None:
        return None
    last = None
    for m in pattern.finditer(text):
        if _is_the_month(text, m):
            continue
        last = m
    return last


def _is_the_month(text: str, m: re.Match) -> bool:
    """The modal cue "may" written "May" inside a clause is the month ("in May"), not
    a hedge; only a capital at the very start can still be the verb."""
    return m.group(0) == "May" and bool(text[:m.start()].strip())


def change_of(lex: Lexicon, ctx: SentenceContext, fig: tuple[int, int], q: Quantity) -> str:
    """Why the figure at `fig` is a change, "" when it is a level."""
    lo, _ = ctx.clause_span(fig[0])
    # text before the figure in its clause, stopping at the previous figure
    prev_end = max([f[1] for f in ctx.figures if f[1] <= fig[0]] + [lo])
    before = ctx.text[max(prev_end, fig[0] - WINDOW):fig[0]]
    next_start = min([f[0] for f in ctx.figures if f[0] >= fig[1]] + [len(ctx.text)])
    after = ctx.text[fig[1]:min(next_start, fig[1] + 30)]
    return is_change(lex, before, after, q)


def choose_modality(lex: Lexicon, ctx: SentenceContext, fig: tuple[int, int], q: Quantity,
                    metric: str, change: str | None = None,
                    headline: bool = False) -> tuple[str, str]:
    """(modality, note) for the figure at `fig` of the sentence; `change` as from
    change_of() when the caller has it already."""
    lo, _ = ctx.clause_span(fig[0])
    if change is None:
        change = change_of(lex, ctx, fig, q)
    if change:
        ahead = _cue_ahead(lex, ctx, fig, lo) or _expected_after(ctx, fig) or (
            _headline_ahead(lex, ctx, fig) if headline else None)
        if ahead is not None:
            return "forecast_change", f"modality: forecast change ({change}; " \
                                      f"'{ahead.group(0)}')"
        return "change", f"modality: change ({change})"
    spec = lex.metrics.get(metric.split(":")[0])
    if spec is not None and spec.modality:
        return spec.modality, f"modality: {spec.modality} ({metric})"
    expected = _expected_after(ctx, fig)
    if expected:
        return "forecast", f"modality: forecast ('{expected.group(0).strip()}' after it)"
    prev_end = max([f[1] for f in ctx.figures if f[1] <= fig[0]] + [lo])
    before = ctx.text[max(prev_end, fig[0] - WINDOW):fig[0]]
    if _BASE_BEFORE.search(before):
        return "actual", "modality: actual (starting level after 'from')"
    if _PRESENT_BEFORE.search(before):
        return "actual", "modality: actual (a present level inside the sentence)"
    clause_before = ctx.text[lo:fig[0]]
    target = _ends_with_cue(lex.cue_patterns.get("target"), clause_before)
    if target:
        return "target", f"modality: target ('{target.group(0)}')"
    forecast = _forecast_cue(lex, ctx, fig, lo)
    if forecast:
        return "forecast", f"modality: forecast ('{forecast.group(0)}')"
    return "actual", ""


def _forecast_cue(lex: Lexicon, ctx: SentenceContext, fig: tuple[int, int],
                  lo: int) -> re.Match | None:
    forecast = _ends_with_cue(lex.cue_patterns.get("forecast"), ctx.text[lo:fig[0]])
    if forecast is None:
        forecast = _ends_with_cue(lex.cue_patterns.get("forecast"), ctx.text[:lo])
        if forecast is not None and not re.match(r"\s+that\b", ctx.text[forecast.end():]):
            forecast = None                    # a cue in another clause governs only via "that"
    return forecast


# "above the 2.5% economists had expected", "the 2.5% forecast by analysts", "above the
# government's 4.1% forecast": the figure is what was expected, named after it. Not when
# the words after it compare or deny ("a 6% rise larger than expected", "a 4% fall no one
# had forecast"): that figure is what happened.
_THE_BEFORE = deferred(r"(?:\b(?:the|a|an|its|their|his|her|our)\s+(?:[\w.&-]+(?:'s|’s|s')\s+)?"
                       r"|\b[\w.&-]+(?:'s|’s)\s+)"
                       r"(?:median\s+|consensus\s+|average\s+|own\s+|official\s+)?$",
                       re.IGNORECASE)
_EXPECTED_AFTER = deferred(
    r"^\s+(?:(?:that\s+)?(?:(?!(?:as|and|but|than|no|not|nobody|none|few|fewer|never|little"
    r"|hardly|larger|bigger|smaller|higher|lower|more|less|better|worse|stronger|weaker"
    r"|faster|slower)\b)[A-Za-z][\w'’.-]*\s+){1,3}"
    r"(?:had\s+|have\s+|has\s+|were\s+|was\s+)?"
    r"(?:expected|forecast|forecasted|predicted|projected|anticipated|pencilled\s+in"
    r"|penciled\s+in)(?!\s+to\b)|(?:expected|forecast|predicted|projected|estimated)\s+(?:by|in)\s"
    r"|(?:forecast|forecasts|estimate|estimates|projection|prediction|consensus|expectation"
    r"|expectations|outlook|guidance)\b(?!\s+(?:of|for|that)\b))",
    re.IGNORECASE)


def _expected_after(ctx: SentenceContext, fig: tuple[int, int]) -> re.Match | None:
    if not _THE_BEFORE.search(ctx.text, max(0, fig[0] - 20), fig[0]):
        return None
    return _EXPECTED_AFTER.match(ctx.text[fig[1]:fig[1] + 60])


# How a forecast or plan cue reaches the verb of the change it governs, within a clause:
# next to it ("will grow", "is expected to rise", "plans to cut", "could further expand"),
# through the cue's object or agent and "to" ("expect Chile's economy to grow", "is
# projected by the bank to grow", "is expected to see its exports rise"), or an agent and a
# participle ("is seen by most analysts rising")
_TO_THE_VERB = deferred(r"^(?:\s+(?:to|be|have|has|been|further|also|still|only|now|again"
                        r"|\w+ly))*\s+$", re.IGNORECASE)
_THROUGH_TO = deferred(r"^\s+(?:(?:[\w'’.-]+\s+){1,8}to|to\s+see(?:\s+[\w'’.-]+){1,4})\s+$",
                       re.IGNORECASE)
# "is seen by most analysts rising", "sees Chile's exports rising"
_AGENT_ING = deferred(r"^\s+(?:by\s+)?(?:[\w'’.-]+\s+){1,5}$", re.IGNORECASE)
# ... or, for a move named by a noun, a cue that is a verb with the noun's phrase after it
# ("sees world oil demand growth of", "forecasts a 3% rise")
_TO_THE_NOUN = deferred(r"^\s+(?:[\w'’.-]+\s+){0,4}$", re.IGNORECASE)
_VERB_CUE = deferred(r"(?:sees?|seen|expects?|expected|forecasts?|projects?|projected|predicts?"
                     r"|predicted|anticipates?|anticipated|will|would|could|should|may|might"
                     r"|aims?|aiming|targeting|pledged|pledges?|plans?\s+to"
                     r"|set\s+to|likely\s+to|is\s+to|are\s+to)$", re.IGNORECASE)
# verbs of forecasting that take an object and a participle: "sees exports rising"
_SEEING_CUE = deferred(r"(?:sees?|seen|expects?|expected|forecasts?|projects?|projected"
                       r"|predicts?|predicted)$", re.IGNORECASE)
# "Few economists had predicted exports rising 9%", "nobody expected": what was not
# foreseen happened
_DENIED = deferred(r"\b(?:few|no\s+one|nobody|none|not|never|hardly|little|didn't|did\s+not"
                   r"|couldn't|could\s+not|no)\b(?:\s+[\w'’]+){0,3}\s*$", re.IGNORECASE)
_GAP_STOP = deferred(r"[,;:()\d]|\b(?:as|after|when|while|because|although|though|despite"
                     r"|since|but|and|or|which|who|whose|that|came|come|comes|said|says|say"
                     r"|told|if|than|showed|shows|show|were|was|had|amid)\b", re.IGNORECASE)
# "is estimated to have risen 3%": what happened, however hedged
_PERFECT = deferred(r"\bto\s+have\b", re.IGNORECASE)
# "is expected, analysts say, to rise": an aside between commas
_ASIDE = deferred(r",[^,;:]{1,40},")
# "beat forecasts to rise 5%": the forecast was beaten, the rise happened
_BEATEN = deferred(r"\b(?:beat|beats|beating|topped|tops|exceeded|exceeds|missed|misses"
                   r"|defied|defies|defying|surpassed|outpaced|confounded|confounding)\s+"
                   r"(?:the\s+|analysts'\s+|market\s+)?$", re.IGNORECASE)
_DESIGNED_TO = deferred(r"\bdesigned\s+to\b", re.IGNORECASE)
_AHEAD_WINDOW = 80


# Headlines drop the verb a forecast needs: "Kazakh gas output to rise 4% in 2025", "Chile
# copper output seen rising 3%"
_HEADLINE_CUE = deferred(r"(?:\bto|\bseen)\s+$", re.IGNORECASE)


def _headline_ahead(lex: Lexicon, ctx: SentenceContext, fig: tuple[int, int]):
    verbs = lex.cue_patterns.get("change_verbs")
    if verbs is None:
        return None
    last = None
    for last in verbs.finditer(ctx.text, 0, fig[0]):
        pass
    if last is None or ctx.text[last.end():fig[0]].strip(" ") not in ("", "by"):
        return None
    return _HEADLINE_CUE.search(ctx.text, max(0, last.start() - 8), last.start())


def _leads_to(cue: re.Match, rest: str, verb: str) -> bool:
    """Does the cue govern the change whose verb (or noun, verb "") follows `rest`?"""
    rest = _ASIDE.sub(" ", rest)
    if _GAP_STOP.search(rest):
        return False
    if not verb:
        return bool(_VERB_CUE.search(cue.group(0)) and _TO_THE_NOUN.match(rest))
    if _TO_THE_VERB.match(rest):
        return True
    if _THROUGH_TO.match(rest):
        # "expect the economy to grow", not "Planned maintenance forced exports to fall"
        return bool(_VERB_CUE.search(cue.group(0)))
    return verb.lower().endswith("ing") and bool(_SEEING_CUE.search(cue.group(0))) and \
        bool(_AGENT_ING.match(rest))


def _cue_ahead(lex: Lexicon, ctx: SentenceContext, fig: tuple[int, int],
               lo: int) -> re.Match | None:
    """The forecast or plan cue that governs a change, so that it has not happened yet
    ("GDP will grow 3.1%", "plans to cut output by 5%", "sees demand growth of 0.9 mb/d").
    A cue word that governs something else is no forecast of the change ("The expected
    rebound came as exports rose 5%", "Planned maintenance cut output by 8%", "exports
    that analysts had expected to grow only modestly jumped 9%", "beat forecasts to rise
    5%")."""
    clause = ctx.text[lo:fig[0]]
    found = []
    for name in ("change_verbs", "change_nouns"):
        pattern = lex.cue_patterns.get(name)
        last = None
        if pattern is not None:
            for last in pattern.finditer(clause):
                pass
        if last is not None:
            found.append((last.start(), last.group(0) if name == "change_verbs" else ""))
    anchor, verb = max(found) if found else (len(clause), "")
    if anchor < len(clause) and _GAP_STOP.search(clause, anchor, len(clause)):
        # the change word nearest the figure is in another statement ("which analysts
        # expected to fall, showed a 6% increase"): the figure's own move starts here
        anchor, verb = len(clause), ""
    window_start = max(0, anchor - _AHEAD_WINDOW)
    window = clause[window_start:anchor]
    cues = [m for name in ("target", "forecast")
            if (pattern := lex.cue_patterns.get(name)) is not None
            for m in pattern.finditer(window) if not _is_the_month(window, m)]
    cues += list(_DESIGNED_TO.finditer(window))
    for cue in sorted(cues, key=lambda m: -m.end()):
        if _BEATEN.search(window, 0, cue.start()) or \
                _DENIED.search(window, max(0, cue.start() - 40), cue.start()):
            continue
        if _leads_to(cue, window[cue.end():], verb) and \
                not _PERFECT.search(window, cue.start()):
            return cue
    return None


_LAST_WORD = deferred(r"(\w+)\s+$")


# "made up 15% of GDP", "take up 20% of the budget": a part of a whole, not a move (unlike
# "picked up 0.4%" or "ended up 3%")
_UP_AS_PART = frozenset("made make makes making take takes took taking sum sums summed "
                        "add adds added".split())

_VERB_ON_FIGURE = deferred(r"(\w+)\s+(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+"
                             r"|roughly\s+|more\s+than\s+|over\s+|a\s+further\s+|another\s+)*$")


def is_change(lex: Lexicon, before: str, after: str, q: Quantity) -> str:
    """Why the figure is a change ("" when it is a level)."""
    if q.change in ("up", "down"):
        return f"written as {q.change}"
    verbs = lex.cue_patterns.get("change_verbs")
    nouns = lex.cue_patterns.get("change_nouns")
    m = _MOVE_OF.search(before)
    if m and (m.group(1) or q.dimension not in _RATES):
        # "demand growth of 1.2 mb/d", "an increase of 0.3%": the amount of a move, though
        # "of" before a figure otherwise makes it a level ("output of 1.2 mb/d"). A rate
        # named by a compound is its level ("price growth of 2.6%" is inflation), and a noun
        # that also names an amount is no move ("a one-off gain of $1.2 billion").
        return f"'{m.group(2)} of'"
    if _LEVEL_BEFORE.search(before):
        return ""
    if _BY_BEFORE.search(before) and verbs is not None and verbs.search(before):
        return "'by' after a change verb"
    tail = after[_FILLER_AFTER.match(after).end():] if after else ""
    if nouns is not None:
        m = nouns.match(tail)
        if m:
            return f"'{m.group(0)}' after the figure"
        of = _NOUN_OF.search(before)
        m = _LAST_WORD.search(before[:of.start()]) if of else None
        if m and nouns.fullmatch(m.group(1)):
            return f"'{m.group(1)} of'"
    if verbs is not None:
        # "rose 15.5%", "add 260 kb/d": a change verb directly on the figure
        m = _VERB_ON_FIGURE.search(before)
        if m and verbs.fullmatch(m.group(1)):
            if m.group(1).lower().startswith("add") and q.text.lower().startswith("up to"):
                return ""           # "exports add up to 70% of the total": a level
            if m.group(1).lower() == "up" and word_before(before, m.start(1)) in _UP_AS_PART:
                return ""           # "exports made up 15% of GDP": a level
            return f"'{m.group(1)}' before a percentage"
    return ""
