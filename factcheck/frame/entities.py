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
from factcheck.frame.lazy_pattern import deferred

NEVER_OWNERS = ("outlet",)
_TITLE_AFTER = deferred(
    r"^\s+(?:(?:Deputy|Prime|Foreign|Energy|Finance|Economy|Defen[cs]e|Oil|Trade)\s+)?"
    r"(?:President|Minister|Ministry|PM|journalist|officials?|forces|troops|army|drones?|"
    r"leader|envoy|negotiators?|analysts?|delegations?|president|minister|ministry|"
    r"prosecutors?|government|authorities|court|courts|soldiers|military|navy|citizens?|"
    r"speaking|diplomat|spokesman|spokeswoman|media|newspaper|lawmakers?)\b",
    re.UNICODE)
_ROUTE_BEFORE = deferred(r"\b(?:to|into|towards?|via|through|across|against|with|than|"
                           r"between|buyers\s+of|on)\s+(?:the\s+)?$", re.IGNORECASE)
_LOCATIVE_BEFORE = deferred(r"\b(?:in|at|from|of)\s+(?:the\s+)?(?:giant\s+|main\s+)?$",
                              re.IGNORECASE)

_OBJECT_BEFORE = deferred(r"\b(?:at|with|to|against|on|by|for|of|from|about)\s+$",
                            re.IGNORECASE)
_PREPOSITION = deferred(r"\b(?:with|of|to|on|for|from|by|at|in|into|via)\b|\d")
_OF_AFTER = deferred(r"^\s+of\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
_AGENT_AFTER = deferred(r"\s+(?:has|have|had|is|was|were|are|began|begun|begins|started|"
                          r"starts|took|takes|seized|seizes|holds|held|controls|wants|"
                          r"will|would|could|may|might|said|says|[a-z]{3,}ed)\b")
MIN_SCORE = 0.5
_PRONOUN = deferred(r"\b(?:he|she|it|they|its|their|his|her)\b", re.IGNORECASE)
# a relative clause opening the figure's clause: ", which the CPC says handled ..."
_RELATIVE = deferred(r"^[\s,]*(?:which|that|where|whose)\b", re.IGNORECASE)
# "..., Kazakhstan's national oil company," describes the name before the comma
_APPOSITION_AFTER = deferred(r"\s+(?:(?:main|national|state|state-owned|state-run|"
                               r"largest|biggest|top|leading|second-largest|oil|gas|energy|"
                               r"mining|sovereign|wealth|export|pipeline|[a-z]+-[a-z]+)\s+)*"
                               r"(?:company|firm|producer|operator|champion|fund|bank|"
                               r"subsidiary|unit|arm|giant|major|miner|exporter|carrier|"
                               r"venture|route|outlet|pipeline|terminal|port|field|regulator|"
                               r"agency|ministry|budget)\b")
_AFTER_COMMA = deferred(r"\w,\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_RECIPIENT_BETWEEN = deferred(r"^\s+(?:went\s+|goes\s+|going\s+|was\s+paid\s+|paid\s+|"
                                r"were\s+paid\s+|was\s+transferred\s+|transferred\s+|"
                                r"allocated\s+|was\s+allocated\s+)?to\s+(?:the\s+)?$",
                                re.IGNORECASE)
# metrics for which a name after "to" is where the goods go, never the owner
DESTINATION_METRICS = ("exports", "imports", "export_capacity", "throughput", "supply",
                       "demand", "tariff_rate", "market_share", "price")
# metrics whose destination or route is part of the key (rules: by_destination)
ROUTED_METRICS = ("exports", "imports", "supply")
_LOCATIVE_JUST_BEFORE = deferred(r"\b(?:in|at|near|of|from|to|into|via|with)\s+(?:the\s+)?$",
                                   re.IGNORECASE)


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
    # "regions that Russia began to occupy - now 20% of the country": a name acting as
    # the subject of a verb in between is the actor, not what "the country" points back to
    passive = [x for x in earlier if not _AGENT_AFTER.match(ctx.text, x.end)]
    if passive and any(x.kind in kinds for x in passive):
        earlier = passive
    found = history.last_of_kinds(kinds, ctx.index, also=earlier) \
        or history.headline_of_kinds(kinds)
    if found is None:
        return None
    return Mention(m.start, m.end, found.name, found.kind, "anaphor", m.possessive, m.text,
                   m.key)


def _eligible(gaz: Gazetteer, ctx: SentenceContext, trigger: tuple[int, int] | None,
              source_spans: list[tuple[int, int]], history: History,
              whole_is_owner: bool = False) -> list[Mention]:
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
        if trigger is not None and m.start < trigger[1] and trigger[0] < m.end \
                and not whole_is_owner:
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


def _within(gaz: Gazetteer, name: str, parent: str) -> bool:
    """Whether `name` belongs to `parent` in the gazetteer (Belgorod to Russia, Tengiz to
    Kazakhstan); OPEC+ does not belong to its members."""
    for _ in range(4):
        ent = gaz.entities.get(name)
        if ent is None or not ent.parent:
            return False
        if ent.parent == parent:
            return True
        name = ent.parent
    return False


def _appositive(ctx: SentenceContext, m: Mention, eligible: list[Mention]) -> bool:
    """'KazMunayGas, Kazakhstan's national oil company,': the second name only describes
    the first, so it owns none of the first's figures."""
    if not _AFTER_COMMA.search(ctx.text[max(0, m.start - 12):m.start]):
        return False
    if not any(o.end <= m.start and m.start - o.end <= 7 for o in eligible if o is not m):
        return False
    return bool(m.possessive or m.form == "demonym") and \
        bool(_APPOSITION_AFTER.match(ctx.text, m.end))


def _antecedent(ctx: SentenceContext, eligible: list[Mention], fig: tuple[int, int],
                first_in_clause: dict[int, int]) -> tuple[int | None, str]:
    """Start of the mention a pronoun or relative pronoun opening the figure's clause
    stands for, with the word; (None, "") when the clause names its own subject first."""
    lo, _ = ctx.clause_span(fig[0])
    fig_clause = ctx.clause_of(fig[0])
    earlier = [c for c in first_in_clause if c < fig_clause]
    if not earlier:
        return None, ""
    relative = _RELATIVE.match(ctx.text[lo:fig[0]])
    if relative is not None:
        # "the Ras Tanura terminal in Saudi Arabia, which ... handled": the name nearest
        # the comma that is not itself inside a place or route phrase
        prev_lo, prev_hi = ctx.clause_span(lo - 1 if lo else 0)
        names = [m for m in eligible if prev_lo <= m.start and m.end <= lo]
        for m in reversed(names):
            if not _LOCATIVE_JUST_BEFORE.search(ctx.text[max(0, m.start - 12):m.start]):
                return m.start, relative.group(0).strip(" ,")
        return None, ""
    pronoun = _PRONOUN.search(ctx.text, lo, fig[0])
    if pronoun is None or pronoun.group(0).lower() in ("its", "their", "his", "her"):
        return None, ""
    if any(lo <= m.start < pronoun.start() for m in eligible):
        return None, ""                  # the clause's subject is a name, not the pronoun
    return first_in_clause[max(earlier)], pronoun.group(0)


def choose_entity(gaz: Gazetteer, ctx: SentenceContext, fig: tuple[int, int],
                  owner_kinds: tuple[str, ...], trigger: tuple[int, int] | None,
                  source_spans: list[tuple[int, int]], history: History,
                  continues: bool = False, metric: str = "", dimension: str = "",
                  previous_figure: tuple[int, str] | None = None,
                  default_entity: str = "", whole_is_owner: bool = False) -> EntityChoice:
    """`previous_figure`: (end offset, entity) of the figure before in this sentence;
    `default_entity`: who owns a figure of this metric when no one is named (a market
    balance with no place named is the world's)."""
    candidates: list[tuple[float, Mention, str]] = []
    eligible = _eligible(gaz, ctx, trigger, source_spans, history, whole_is_owner)
    eligible = [m for m in eligible if not _appositive(ctx, m, eligible)]
    # "Russia's Belgorod region", "Kazakhstan's KazMunayGas": the possessive only says
    # whose the next name is; the figure belongs to the more specific one
    eligible = [m for m in eligible if not (m.possessive and any(
        o.start >= m.end and o.start - m.end <= 2 and _within(gaz, o.name, m.name)
        for o in eligible if o is not m))]
    first_in_clause: dict[int, int] = {}
    for m in eligible:
        first_in_clause.setdefault(ctx.clause_of(m.start), m.start)
    previous_first, pronoun_word = _antecedent(ctx, eligible, fig, first_in_clause)
    shared = None
    if previous_figure is not None and previous_figure[1] and ctx.same_clause(
            previous_figure[0], fig[0]) and not any(
            previous_figure[0] <= m.start < fig[0] for m in eligible):
        shared = previous_figure[1]      # "X handled A for the year, and B a month"
    base = metric.split(":")[0]
    for m in eligible:
        span = (m.start, m.end)
        before_text = ctx.text[max(0, m.start - 25):m.start]
        if base in ROUTED_METRICS and _ROUTE_BEFORE.search(before_text):
            continue                       # "exports via the BTC": in the key, not the owner
        score = 3.0 - min(gap(span, fig), 240) / 80.0
        why = "nearest"
        if m.form != "person" and any(s <= m.start and m.end <= e for s, e in source_spans):
            # the source quoted is rarely what is measured; but a head of state or minister
            # speaks for the country ("Trump said he will impose tariffs of 25%")
            score -= 2.0
        if m.form == "person" and _OBJECT_BEFORE.search(ctx.text, max(0, m.start - 12),
                                                         m.start):
            score -= 2.0                   # "angry with Putin": a person as an object
        if previous_first == m.start:
            score += 2.0
            why = f"'{pronoun_word}' refers to it"
        if whole_is_owner and m.start >= fig[1] and (
                (trigger is not None and m.start < trigger[1] and trigger[0] < m.end)
                or _OF_AFTER.match(ctx.text[fig[1]:m.start])):
            score += 3.0
            why = "the whole the share is of"
        if shared is not None and m.name == shared:
            score += 1.5
            why = "shared with the figure before"
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
            if trigger is not None and m.end <= trigger[0] and trigger[0] - m.end <= 25 \
                    and not _PREPOSITION.search(ctx.text, m.end, trigger[0]) \
                    and not ctx.figures_between(m.end, trigger[0], fig):
                score += 1.0                # on the metric noun itself: "Russian exports"
                why = f"'{m.text} ... {ctx.text[trigger[0]:trigger[1]]}'"
            else:
                score -= 1.5
        recipient = dimension == "currency" and base not in DESTINATION_METRICS and \
            m.start >= fig[1] and _RECIPIENT_BETWEEN.match(ctx.text[fig[1]:m.start])
        if recipient:
            score += 2.5                   # "~$250 million to KazMunayGas": who receives it
            why = "receives the sum"
        elif _ROUTE_BEFORE.search(before_text):
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
    if default_entity:
        return EntityChoice(default_entity, 0.85, (f"entity: {default_entity} (no place "
                                                   f"named for this metric)",))
    kinds = owner_kinds or ("country", "company", "field", "pipeline", "facility", "region")
    carried = history.carried(kinds, ctx.index, 2 if continues else 1)
    if carried:
        return EntityChoice(carried, 0.75, (f"entity: {carried} carried from the sentence "
                                            f"before",))
    return EntityChoice("", 0.6, ("entity: none found",))
