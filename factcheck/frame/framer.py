"""Turn an article's quantities into claims: entity, metric, period, modality, source.

One pass over the article finds sentences, gazetteer mentions and metric triggers; each
figure is then framed from its own sentence, with the sentences before it (and the
headline) as context for "the country", carried entities and carried periods.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from typing import Sequence

from factcheck.frame.attribution import find_sources, choose_source
from factcheck.frame.comparison import comparison_marker, earlier_unit, shift_back, when_year
from factcheck.frame.context import SentenceContext, Trigger
from factcheck.frame.continuation import continues, part_of
from factcheck.frame.entities import History, choose_entity
from factcheck.frame.gazetteer import Gazetteer
from factcheck.frame.lazy_pattern import deferred
from factcheck.frame.lexicon import Lexicon
from factcheck.frame.metrics import MetricChoice, choose_metric
from factcheck.frame.modality import change_of, choose_modality
from factcheck.frame.qualify import qualify
from factcheck.frame.periods import find_periods, resolve_period
from factcheck.frame.sentences import sentence_at, split_sentences
from factcheck.model import CHANGE_MODALITIES, Article, Claim, Quantity

CARRIED_PERIOD = 0.8       # confidence factor for a period taken from the sentence before
NO_PERIOD = 0.7            # ... and for no period at all
CORRECTED = 0.3            # at most, for a figure the article says was wrong
OTHER_TIME = 0.63          # a comparison figure whose own time could not be worked out
PEOPLE_BY_DATE = 0.6       # most a count of people keeps when only the article date times it
CARRIED_METRIC = 0.85      # a metric taken from the sentence a continuation follows
SENTENCE_CACHE = 20000     # sentences whose metric words, tense and clauses are kept


@dataclass
class FramingRules:
    gazetteer: Gazetteer
    lexicon: Lexicon
    # sentence text -> (triggers, future, clause breaks, sources): wire copy repeats
    # sentences across a corpus, and none of these depend on the article around them
    sentence_cache: dict = field(default_factory=dict, repr=False, compare=False)


def fold(text: str) -> str:
    return " ".join(text.split())


def article_key(article: Article) -> str:
    """What names an article inside its file without its position: a new article added
    above it must not change its claims' ids (baselines key on them)."""
    basis = fold(article.headline) if article.headline.strip() else fold(article.text[:200])
    return hashlib.sha1(basis.lower().encode("utf-8")).hexdigest()[:12]


def claim_id(path: str, article: str, figure: str, sentence: str, occurrence: int) -> str:
    """Stable across runs, line moves and articles added around it: no line numbers, no
    article index, whitespace folded. `article` is article_key(...)."""
    key = "\x1f".join((path, article, figure, fold(sentence), str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class _Article:
    """Per-article state: sentences, mentions and triggers, built once."""

    def __init__(self, article: Article, quantities: Sequence[Quantity], rules: FramingRules):
        self.article = article
        self.key = article_key(article)
        self.rules = rules
        text = article.text
        self.spans = split_sentences(text)
        gaz, lex = rules.gazetteer, rules.lexicon
        self.mentions = gaz.mentions(text)
        self._mention_starts = [m.start for m in self.mentions]
        self.figures: dict[int, list[Quantity]] = {}
        for q in quantities:
            self.figures.setdefault(self._sentence_of(q.start), []).append(q)
        recent = _sentence_indexed(self.spans, [m for m in self.mentions
                                                if m.form != "anaphor"])
        self.history = History(gaz.mentions(article.headline or ""), recent)
        self.contexts: dict[int, SentenceContext] = {}
        self.sentence_period: dict[int, str] = {}
        self.sentence_metrics: dict[int, set[str]] = {}
        self.last_figure: dict[int, tuple[int, str]] = {}   # sentence -> (end, entity)
        self.figure_periods: dict[int, list[tuple[int, str]]] = {}  # sentence -> (end, period)
        self.sentence_claims: dict[int, list[tuple[str, str, str]]] = {}  # metric, dim, entity

    def _sentence_of(self, offset: int) -> int:
        return sentence_at(self.spans, offset) if self.spans else 0

    def context(self, si: int) -> SentenceContext:
        ctx = self.contexts.get(si)
        if ctx is not None:
            return ctx
        start, end = self.spans[si] if self.spans else (0, len(self.article.text))
        text = self.article.text[start:end]
        figures = sorted((max(0, q.start - start), max(0, q.end - start))
                         for q in self.figures.get(si, []))
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end)
        # a name inside a figure is part of how it is written ("US$201 billion"), not
        # whose figure it is
        mentions = [m._replace(start=m.start - start, end=m.end - start)
                    for m in self.mentions[lo:hi] if m.end <= end
                    and not any(fs < m.end - start and m.start - start < fe
                                for fs, fe in figures)]
        cache = self.rules.sentence_cache
        cached = cache.get(text)
        if cached is None:
            cached = self._sentence_facts(text, start, end)
        triggers, future, breaks, sources = cached
        periods = [p for p in find_periods(text, self.article.published, future)
                   if not any(p.start < fe and fs < p.end for fs, fe in figures)]
        ctx = SentenceContext(si, start, text, figures, mentions, triggers, periods,
                              breaks=breaks)
        if sources is None:
            sources = find_sources(self.rules.gazetteer, ctx)
            if len(cache) >= SENTENCE_CACHE:
                cache.clear()
            cache[text] = (triggers, future, ctx.breaks, sources)
        ctx.sources = sources
        self.contexts[si] = ctx
        return ctx

    def _sentence_facts(self, text: str, start: int, end: int) -> tuple:
        lex = self.rules.lexicon
        triggers = []
        for m in lex.trigger_pattern.finditer(self.article.text, start, end):
            phrase = " ".join(m.group(0).lower().split())
            triggers.append(Trigger(m.start() - start, m.end() - start, phrase,
                                    lex.by_trigger.get(phrase, ())))
        return triggers, looks_ahead(lex, text), [], None

    def period_of_sentence(self, si: int) -> str:
        if si < 0:
            return ""
        if si in self.sentence_period:
            return self.sentence_period[si]
        if si in self.contexts:
            periods = self.contexts[si].periods
        else:                                # no figures there: its time expressions only
            start, end = self.spans[si] if self.spans else (0, len(self.article.text))
            text = self.article.text[start:end]
            periods = find_periods(text, self.article.published,
                                   looks_ahead(self.rules.lexicon, text))
        return next((p.period for p in periods if p.role == "period" and p.period), "")


# "had forecast", "had expected ... to pump in February": a forecast made in the past,
# whose bare month is a month already gone, not next year's
_PAST_FORECAST = deferred(r"\bhad\s+(?:been\s+)?(?:forecast|expected|projected|predicted|"
                            r"anticipated|estimated|seen|pencilled|penciled|targeted)\b",
                            re.IGNORECASE)
# a period written as a span from one month to another (its mention text, see periods.py)
_MONTHS_SPAN = deferred(r"(?:from|between)\s", re.IGNORECASE)
# the level a move starts from: "fell from 9.8% to 6.1%", "eased from a record 85.5% to"
_STARTING_LEVEL = deferred(r"\bfrom\s+(?:(?:a|an|the|its|their|record|all-time|high|low|peak"
                           r"|level|average|of|revised|initial|previous|earlier)\s+)*$",
                           re.IGNORECASE)


_CORRECTED = deferred(r"\b(?:misstated|misreported|misquoted|incorrectly\s+(?:stated|reported|said"
                      r"|gave|put|listed)|wrongly\s+(?:stated|reported|said|gave|put|listed)"
                      r"|erroneously|(?:an|a)\s+(?:earlier|previous)\s+version\s+of\s+this)\b",
                      re.IGNORECASE)
_AVERAGE = deferred(r"\baverag(?:e|ed|es|ing)\b|\bmonthly\b|\bmean\b", re.IGNORECASE)


def _is_headline(article: Article, ctx: SentenceContext) -> bool:
    return ctx.index == 0 and bool(article.headline) and \
        " ".join(ctx.text.split()) == " ".join(article.headline.split())


def looks_ahead(lex: Lexicon, text: str) -> bool:
    """Does the sentence speak of the future, so that bare months and quarters look ahead?"""
    forecast = lex.cue_patterns.get("forecast")
    if forecast is None or _PAST_FORECAST.search(text):
        return False
    # "in May" is the month, not the modal: only a capital at the very start can be the verb
    return any(not (m.group(0) == "May" and text[:m.start()].strip())
               for m in forecast.finditer(text))


def _sentence_indexed(spans: list[tuple[int, int]], mentions: list) -> list:
    """(sentence index, mention) for mentions in text order, in one merge pass."""
    out, si = [], 0
    for m in mentions:
        while si + 1 < len(spans) and spans[si + 1][0] <= m.start:
            si += 1
        out.append((si, m))
    return out


def frame_article(article: Article, quantities: Sequence[Quantity],
                  rules: FramingRules) -> list[Claim]:
    """One Claim per quantity, every field filled but `cluster`."""
    if not quantities:
        return []
    state = _Article(article, quantities, rules)
    claims: list[Claim] = []
    # a sentence repeated in one article (a pull quote) must still give distinct ids, so
    # occurrences count per (sentence text, figure) across the article
    seen: dict[tuple[str, str], int] = {}
    for q in sorted(quantities, key=lambda x: (x.start, x.end)):
        si = state._sentence_of(q.start)
        ctx = state.context(si)
        key = (fold(ctx.text), q.text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        claims.append(_frame_one(state, ctx, q, occurrence))
    return claims


def _frame_one(state: _Article, ctx: SentenceContext, q: Quantity, occurrence: int) -> Claim:
    rules, article = state.rules, state.article
    lex, gaz = rules.lexicon, rules.gazetteer
    fig = (max(0, q.start - ctx.offset), max(0, q.end - ctx.offset))
    notes: list[str] = []

    change = change_of(lex, ctx, fig, q)
    metric = choose_metric(lex, ctx, fig, q, bool(change))
    whole = None
    part_opening = part_of(ctx.text)
    if part_opening:
        whole = next(((m, e) for m, dim, e in reversed(
            state.sentence_claims.get(ctx.index - 1, [])) if dim == q.dimension and m), None)
        if whole is not None:
            metric = MetricChoice(whole[0], None, metric.confidence * 0.9, (
                f"metric: {whole[0]}, a part of the figure before "
                f"('{part_opening}')",))
    cont = continues(ctx.text)
    if whole is None and metric.trigger is None and cont:
        carried = _metric_before(state, ctx, q, bool(change))
        if carried:
            metric = MetricChoice(carried, None, CARRIED_METRIC, (
                f"metric: {carried}, carried from the sentence before (the sentence "
                f"continues it)",))
    notes += metric.notes
    keyed, qnotes = qualify(lex, ctx, fig, q, metric.metric, metric.trigger, bool(change))
    if keyed != metric.metric:
        metric = MetricChoice(keyed, metric.trigger, metric.confidence, ())
    notes += qnotes
    modality, mnote = choose_modality(lex, ctx, fig, q, metric.metric, change,
                                      headline=_is_headline(article, ctx))
    if modality == "actual" and not change:
        deadline = _deadline_ahead(ctx, fig, article.published)
        if deadline:
            modality, mnote = "forecast", f"modality: forecast (due by '{deadline}')"
    if mnote:
        notes.append(mnote)

    sources = ctx.sources
    attribution = choose_source(ctx, sources, fig)
    spec = lex.metrics.get(metric.metric)
    owner_kinds = spec.owner_kinds if spec else ()
    entity = choose_entity(gaz, ctx, fig, owner_kinds, metric.trigger,
                           [(s.start, s.end) for s in sources], state.history,
                           continues=cont, metric=metric.metric,
                           dimension=q.dimension,
                           previous_figure=state.last_figure.get(ctx.index),
                           default_entity=spec.default_entity if spec else "",
                           whole_is_owner=bool(spec and spec.whole_is_owner))
    state.last_figure[ctx.index] = (fig[1], entity.entity)
    if whole is not None and entity.entity == whole[1] and \
            "part" not in metric.metric.split(":"):
        # a part of the same owner's total is not comparable with the total
        metric = MetricChoice(metric.metric + ":part", metric.trigger, metric.confidence, ())
        notes.append("metric: a part of the same owner's total")
    owned = _as_owned_by(state, metric.metric, entity.entity)
    if owned:
        # the new metric keeps only the qualifiers it takes ("throughput", not ":oil")
        keyed, _ = qualify(lex, ctx, fig, q, owned, metric.trigger, bool(change))
        notes.append(f"metric: {owned}, what a {gaz.entities[entity.entity].kind} "
                     f"such as this carries")
        metric = MetricChoice(keyed, metric.trigger, metric.confidence, ())
    refined = _refinement_before(state, ctx, fig, metric.metric, entity.entity)
    if refined:
        metric = MetricChoice(refined, metric.trigger, metric.confidence * 0.9, ())
        notes.append(f"metric: {refined}, as the sentence before said of the same subject "
                     f"(no commodity named here)")
    if entity.entity:
        state.history.claimed[ctx.index] = entity.entity
    notes += entity.notes

    period, period_conf, pnotes = _period(state, ctx, fig, metric.metric, entity.entity,
                                          modality in CHANGE_MODALITIES)
    notes += pnotes
    spec = lex.metrics.get(metric.metric.split(":")[0])
    if spec is not None and spec.running_count and period_conf > PEOPLE_BY_DATE and (
            not period or any(p.relative and p.period == period for p in ctx.periods)):
        # a toll reported "on Tuesday" or with no date is a running count: a higher one in
        # a later report is an update, not a contradiction
        period_conf = PEOPLE_BY_DATE
        notes.append("period: a running count of people, timed only by the article date")
    if spec is not None and spec.intraday and period_conf > PEOPLE_BY_DATE and (
            not period or len(period) == 10):
        # "closed at 131.5 on Monday" and "was 130 on Monday": quotes of one day taken at
        # different hours may both be right
        period_conf = PEOPLE_BY_DATE
        notes.append("period: a market quote timed only by its day")
    elif spec is not None and spec.intraday and period_conf > PEOPLE_BY_DATE and \
            len(period) == 7 and not _AVERAGE.search(ctx.text, *ctx.clause_span(fig[0])):
        # "fell to $52.10 in mid-March" is one quote of the month, not its average
        period_conf = PEOPLE_BY_DATE
        notes.append("period: a market quote within the month, not its average")
    if period:
        state.sentence_period.setdefault(ctx.index, period)
        state.figure_periods.setdefault(ctx.index, []).append((fig[1], period))
    state.sentence_metrics.setdefault(ctx.index, set()).add(metric.metric)
    state.sentence_claims.setdefault(ctx.index, []).append(
        (metric.metric.split(":")[0], q.dimension, entity.entity))

    line, col = article.locate(q.start)
    end_line, end_col = article.locate(q.end)
    end = end_col if end_line == line else col + (q.end - q.start)
    confidence = round(entity.confidence * metric.confidence * period_conf, 3)
    if _CORRECTED.search(ctx.text):
        # "An earlier version misstated the rate as 24.5%": the figure is the error the
        # article corrects, not a claim to check
        confidence = min(confidence, CORRECTED)
        notes.append("confidence: a figure the article says was misstated")
    return Claim(
        id=claim_id(article.path, state.key, q.text, ctx.text, occurrence),
        article=article.id, path=article.path, line=line, start=col, end=end,
        text=q.text, sentence=fold(ctx.text), quantity=q, entity=entity.entity,
        metric=metric.metric, period=period, modality=modality, attribution=attribution,
        confidence=confidence, column=col + 1, notes=tuple(notes))


def _period_end(period: str) -> tuple[int, int] | None:
    """(year, month) of a period's last month: "2025-Q3" -> (2025, 9)."""
    m = re.match(r"(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?", period)
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else int(m.group(3)) * 3 if m.group(3) else \
        int(m.group(4)) * 6 if m.group(4) else 12
    return int(m.group(1)), month


def _deadline_ahead(ctx: SentenceContext, fig: tuple[int, int], published) -> str:
    """The text of a deadline in the figure's clause that has not passed at the article
    date ("by the end of September" in June): a level due by then is expected, not yet
    reached."""
    if published is None:
        return ""
    lo, hi = ctx.clause_span(fig[0])
    for p in ctx.periods:
        if p.role != "deadline" or not p.period or p.start < lo or p.end > hi:
            continue
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.period):
            # a day is ahead only after the article's own ("killed by Tuesday" in Tuesday's
            # paper is the toll so far)
            if p.period > published.isoformat()[:10]:
                return p.text
            continue
        end = _period_end(p.period)
        if end is not None and p.relative and re.fullmatch(r"\d{4}-\d{2}", p.period):
            # a bare month read as the past one ("September" in June -> last September):
            # as a deadline later this year it is still ahead
            end = (published.year, end[1])
        if end is not None and end >= (published.year, published.month):
            return p.text
    return ""


def _as_owned_by(state: _Article, metric: str, entity: str) -> str:
    """The base metric for this kind of owner, when the metric names one ("the CPC pipeline
    shipped ...": a pipeline's shipments are its throughput), else ""."""
    spec = state.rules.lexicon.metrics.get(metric.split(":")[0])
    found = state.rules.gazetteer.entities.get(entity) if entity else None
    if spec is None or found is None or not spec.as_owned_by:
        return ""
    return dict(spec.as_owned_by).get(found.kind, "")


def _referent(state: _Article, si: int) -> int:
    """The sentence a continuation points back to: the one before, or the one before that
    when the sentence between holds no figure ("Output was X in May. Traders shrugged.
    The figure keeps ...")."""
    if si - 1 not in state.figures and si - 2 in state.sentence_claims:
        return si - 2
    return si - 1


def _metric_before(state: _Article, ctx: SentenceContext, q: Quantity, is_change: bool) -> str:
    """The metric of the last figure before that this figure can share ("That compares
    with 2.1 million bpd in January" after a production figure)."""
    lex = state.rules.lexicon
    for mid, dim, _ in reversed(state.sentence_claims.get(_referent(state, ctx.index), [])):
        spec = lex.metrics.get(mid)
        if spec is None:
            continue
        if q.dimension in spec.dimensions or (q.dimension == "percent" and is_change):
            return mid
    return ""


def _refinement_before(state: _Article, ctx: SentenceContext, fig: tuple[int, int],
                       metric: str, entity: str) -> str:
    """"Kazakh crude and condensate output was X. Output had averaged Y in February": the
    bare second figure is the refined metric of the first when the subject is the same and
    its own sentence names no commodity at all."""
    lex = state.rules.lexicon
    targets = lex.refinements.get(metric)
    if not targets or not entity:
        return ""
    before = [m for m, _, e in state.sentence_claims.get(ctx.index - 1, [])
              if m in targets and e == entity]
    if not before or len(set(before)) > 1:
        return ""
    pattern = lex.commodity_noun_pattern
    if pattern is not None:
        text = ctx.text
        for m in pattern.finditer(text):
            if not any(fs <= m.start() and m.end() <= fe for fs, fe in ctx.figures):
                return ""            # "crude output" names its own commodity: the convention
    return before[-1]


def _period(state: _Article, ctx: SentenceContext, fig: tuple[int, int],
            metric: str, entity: str, is_change: bool = False) -> tuple[str, float, list[str]]:
    date = state.article.published
    before, after = ctx.text[:fig[0]], ctx.text[fig[1]:fig[1] + 80]
    year = when_year(before)
    if year:
        return year, 1.0, [f"period: {year}, the year the 'when' clause points back to"]
    unit = earlier_unit(after)
    if unit:
        anchor = next((p for end, p in reversed(state.figure_periods.get(ctx.index, []))
                       if end <= fig[0]), "") or state.period_of_sentence(ctx.index)
        if not anchor and continues(ctx.text):
            anchor = state.period_of_sentence(_referent(state, ctx.index))
        shifted = shift_back(anchor, unit)
        if shifted:
            return shifted, 1.0, [f"period: {shifted}, a {unit} before {anchor}"]
        return "", OTHER_TIME, [f"period: a {unit} before a period not worked out"]
    marker = comparison_marker(before)
    rp = resolve_period(ctx.text, date, at=fig[0], figures=tuple(ctx.figures),
                        mentions=ctx.periods)
    if marker >= 0 and (rp is None or not rp.period or rp.end <= marker):
        # "in March, compared with 1.9m": the other side of a comparison is another time
        return "", OTHER_TIME, ["period: the other side of a comparison, its time unstated"]
    if rp is not None:
        if rp.period and _MONTHS_SPAN.match(rp.text):
            if is_change:
                # "rose 12% from January to March": a move from one month to the other, or
                # the quarter against another; neither the quarter's nor March's for sure
                return "", NO_PERIOD, [f"period: '{rp.text}' is a move between two months, "
                                       f"left unresolved"]
            if rp.end <= fig[0] and ctx.text[:rp.start].strip():
                # "prices rose from January to March, to 152p", "a strike that ran from
                # January to March ... recovered to 450,000 tonnes": a span before the
                # figure, inside the sentence, is the time of something else as often
                return "", NO_PERIOD, [f"period: '{rp.text}' comes before the figure, "
                                       f"inside the sentence: left unresolved"]
        if rp.period and rp.start >= fig[1] and _STARTING_LEVEL.search(before[-60:]) and \
                any(fig[1] <= f[0] and f[1] <= rp.start for f in ctx.figures if f != fig):
            # "eased from a record 85.5% to 44.4% in 2024": the time after the end level is
            # the end level's, not the starting one's
            return "", OTHER_TIME, ["period: the starting level of a move, its time unstated"]
        if rp.period:
            return rp.period, 1.0, list(rp.notes)
        return "", NO_PERIOD, list(rp.notes)
    roles = {p.role for p in ctx.periods}
    span = next((p for p in ctx.periods if p.role == "span"), None)
    if span is not None:
        return "", NO_PERIOD, [f"period: '{span.text}' is a span up to the article date"]
    deadline = next((p for p in ctx.periods if p.role == "deadline"), None)
    previous = state.period_of_sentence(ctx.index - 1)
    cont = continues(ctx.text)
    referent = _referent(state, ctx.index)
    if cont and referent != ctx.index - 1 and not previous:
        previous = state.period_of_sentence(referent)
    # the same metric carries a period only for the same subject: "Its output ..." after
    # "Kazakhstan's output ... in March", not "Russia's output ..." after it
    same_metric = bool(metric) and metric in state.sentence_metrics.get(ctx.index - 1, set()) \
        and bool(entity) and entity == state.history.claimed.get(ctx.index - 1)
    if previous and ("monthly" in roles or same_metric or cont):
        why = "m-o-m" if "monthly" in roles else (
            "same metric and subject" if same_metric else "the sentence continues the last")
        return previous, CARRIED_PERIOD, [f"period: {previous} carried from the sentence "
                                          f"before ({why})"]
    if deadline is not None:
        return "", NO_PERIOD, [f"period: '{deadline.text}' is a deadline, not the "
                               f"figure's period"]
    if date is None and any(p.relative for p in ctx.periods):
        return "", NO_PERIOD, ["period: relative date in an undated article"]
    return "", NO_PERIOD, ["period: none stated"]
