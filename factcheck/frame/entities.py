"""Which entity a figure belongs to when a sentence names several, or none.

Cues, strongest first: a possessive before the metric ("Kazakhstan's output"), a name
right before the figure ("Russia 480 kb/d"), the first name of the clause (its subject),
a demonym on the metric noun ("Russian aluminum exports"); then nearness. A name that is
a destination or route ("exports to the United States", "via Russia"), the source being
quoted, or a person's title ("Russian President") is a weak candidate. With no candidate
in the sentence the entity is carried from the sentences before, or the headline, with
less confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.frame.context import SentenceContext, gap
from factcheck.frame.gazetteer import Gazetteer, Mention

NEVER_OWNERS = ("outlet",)
_TITLE_AFTER = re.compile(
    r"^\s+(?:(?:Deputy|Prime|Foreign|Energy|Finance|Economy|Defen[cs]e|Oil|Trade)\s+)?"
    r"(?:President|Minister|Ministry|PM|journalist|officials?|forces|troops|army|drones?|"
    r"leader|envoy|negotiators?|analysts?|delegations?|president|minister|ministry|"
    r"prosecutors?|government|authorities|court|courts|soldiers|military|navy|citizens?|"
    r"speaking|diplomat|spokesman|spokeswoman|media|newspaper|lawmakers?)\b",
    re.UNICODE)
_ROUTE_BEFORE = re.compile(r"\b(?:to|into|towards?|via|through|across|against|with|than|"
                           r"between|buyers\s+of|on)\s+(?:the\s+)?$", re.IGNORECASE)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|of)\s+(?:the\s+)?(?:giant\s+|main\s+)?$",
                              re.IGNORECASE)

MIN_SCORE = 0.5
_PRONOUN = re.compile(r"\b(?:he|she|it|they|its|their|his|her)\b", re.IGNORECASE)


@dataclass(frozen=True)
class EntityChoice:
    entity: str
    confidence: float
    notes: tuple[str, ...]


@dataclass
class History:
    """Mentions earlier in the article, for anaphora and carry-over."""

    headline: list[Mention]
    recent: list[tuple[int, Mention]]        # (sentence index, mention), in text order
    claimed: dict[int, str] = field(default_factory=dict)   # sentence -> last claim's entity

    def carried(self, kinds, sentence: int, back: int) -> str:
        """The entity the last `back` sentences were about: their last claim's, else the
        first mention of a fitting kind (the subject) of the sentence just before."""
        for idx in range(sentence - 1, sentence - 1 - back, -1):
            if self.claimed.get(idx):
                return self.claimed[idx]
        subjects = [m for i, m in self.recent if i == sentence - 1 and m.kind in kinds]
        return subjects[0].name if subjects else ""

    def last_of_kinds(self, kinds, before_sentence: int, within: int | None = None,
                      also: list[Mention] = ()) -> Mention | None:
        for m in reversed(also):
            if m.kind in kinds and m.name:
                return m
        for idx, m in reversed(self.recent):
            if idx >= before_sentence:
                continue
            if within is not None and before_sentence - idx > within:
                break
            if m.kind in kinds and m.name:
                return m
        return None

    def headline_of_kinds(self, kinds) -> Mention | None:
        for m in self.headline:
            if m.kind in kinds and m.name:
                return m
        return None


def resolve_anaphor(gaz: Gazetteer, m: Mention, ctx: SentenceContext,
                    history: History) -> Mention | None:
    """The entity "the country" (etc.) stands for: latest earlier mention of its kinds."""
    kinds = gaz.anaphora.get(m.key)
    if not kinds:
        return None
    earlier = [x for x in ctx.mentions if x.end <= m.start and x.form != "anaphor"]
    found = history.last_of_kinds(kinds, ctx.index, also=earlier) \
        or history.headline_of_kinds(kinds)
    if found is None:
        return None
    return Mention(m.start, m.end, found.name, found.kind, "anaphor", m.possessive, m.text,
                   m.key)


def _eligible(gaz: Gazetteer, ctx: SentenceContext, trigger: tuple[int, int] | None,
              source_spans: list[tuple[int, int]], history: History) -> list[Mention]:
    """Mentions of the sentence that could own a figure, anaphors resolved."""
    out = []
    for m in ctx.mentions:
        if m.form == "anaphor":
            resolved = resolve_anaphor(gaz, m, ctx, history)
            if resolved is None:
                continue
            m = resolved
        if m.kind in NEVER_OWNERS or not m.name:
            continue
        if trigger is not None and m.start < trigger[1] and trigger[0] < m.end:
            continue                     # "of the world's" names the whole, not the owner
        if ctx.text[max(0, m.start - 1):m.start] == "(" and any(
                o.name == m.name and o.end < m.start and m.start - o.end <= 3
                for o in ctx.mentions):
            continue                     # "(BTC)" glossing the name just before it
        if _TITLE_AFTER.match(ctx.text[m.end:m.end + 40]):
            continue
        if m.kind == "person":
            parent = gaz.entities.get(gaz.entities[m.name].parent) if m.name in gaz.entities \
                else None
            if parent is None:
                continue
            m = Mention(m.start, m.end, parent.name, parent.kind, "person", m.possessive,
                        m.text, m.key)
        out.append(m)
    return out


def choose_entity(gaz: Gazetteer, ctx: SentenceContext, fig: tuple[int, int],
                  owner_kinds: tuple[str, ...], trigger: tuple[int, int] | None,
                  source_spans: list[tuple[int, int]], history: History,
                  continues: bool = False) -> EntityChoice:
    candidates: list[tuple[float, Mention, str]] = []
    eligible = _eligible(gaz, ctx, trigger, source_spans, history)
    first_in_clause: dict[int, int] = {}
    for m in eligible:
        first_in_clause.setdefault(ctx.clause_of(m.start), m.start)
    fig_clause = ctx.clause_of(fig[0])
    own_clause = any(ctx.clause_of(m.start) == fig_clause for m in eligible)
    pronoun = None if own_clause else _PRONOUN.search(
        ctx.text, ctx.clause_span(fig[0])[0], fig[0])
    previous_first = None
    if pronoun is not None:
        earlier = [c for c in first_in_clause if c < fig_clause]
        previous_first = first_in_clause[max(earlier)] if earlier else None
    for m in eligible:
        span = (m.start, m.end)
        score = 3.0 - min(gap(span, fig), 240) / 80.0
        why = "nearest"
        if any(s <= m.start and m.end <= e for s, e in source_spans):
            score -= 2.0                   # the source quoted is rarely what is measured
        if previous_first == m.start:
            score += 2.0
            why = f"'{pronoun.group(0)}' refers to it"
        before_text = ctx.text[max(0, m.start - 25):m.start]
        if m.possessive:
            score += 1.5
            why = "possessive"
            if trigger is not None and m.end <= trigger[0] and trigger[0] - m.end <= 40:
                score += 1.0
                why = f"possessive on '{ctx.text[trigger[0]:trigger[1]]}'"
        if m.end <= fig[0] and fig[0] - m.end <= 3 and not m.possessive:
            score += 2.0
            why = "named right before the figure"
        if first_in_clause.get(ctx.clause_of(m.start)) == m.start and m.start < fig[0]:
            score += 1.0
            if why == "nearest":
                why = "subject of the clause"
        if m.form == "demonym" and not m.possessive:
            if trigger is not None and m.end <= trigger[0] and trigger[0] - m.end <= 25:
                score += 1.0
                why = f"'{m.text} ... {ctx.text[trigger[0]:trigger[1]]}'"
            else:
                score -= 1.5
        if _ROUTE_BEFORE.search(before_text):
            score -= 2.0
        elif re.search(r"\w,\s+$", before_text) and any(
                o.end <= m.start and m.start - o.end <= 3 for o in eligible if o is not m):
            score -= 1.5                   # an appositive: "KazMunayGas, Kazakhstan's ... company,"
        elif _LOCATIVE_BEFORE.search(before_text):
            score += 0.3
        if owner_kinds and m.kind not in owner_kinds:
            score -= 2.5
        if not ctx.same_clause(m.start, fig[0]):
            score -= 1.5
        score -= 1.0 * ctx.figures_between(m.start, fig[0], fig)
        if m.start > fig[1]:
            score -= 0.5
        candidates.append((score, m, why))
    candidates.sort(key=lambda c: -c[0])
    if candidates and candidates[0][0] >= MIN_SCORE:
        score, m, why = candidates[0]
        confidence = 1.0
        notes = [f"entity: {m.name} ({why})"]
        if m.form == "anaphor":
            confidence *= 0.9
            notes = [f"entity: '{m.text}' taken as {m.name}"]
        rival = next((c for c in candidates[1:] if c[1].name != m.name), None)
        if rival is not None and score - rival[0] < 1.0:
            confidence *= 0.85
            notes.append(f"entity: {rival[1].name} is a close alternative")
        return EntityChoice(m.name, confidence, tuple(notes))
    kinds = owner_kinds or ("country", "company", "field", "pipeline", "facility", "region")
    carried = history.carried(kinds, ctx.index, 2 if continues else 1)
    if carried:
        return EntityChoice(carried, 0.75, (f"entity: {carried} carried from the sentence "
                                            f"before",))
    return EntityChoice("", 0.6, ("entity: none found",))
