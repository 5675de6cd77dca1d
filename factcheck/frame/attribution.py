"""Who a figure is attributed to: "according to X", "X said", "sources told Reuters".

A source named in the gazetteer comes back under its canonical name ("StanChart" is
Standard Chartered); anonymous sources quoted by an outlet become "<outlet> sources", so
"industry sources told Reuters" and "according to Reuters' sources" are one source.
Anything else is the text as written ("Natural Resources Ministry").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.frame.context import SentenceContext
from factcheck.frame.gazetteer import Gazetteer
from factcheck.frame.lazy_pattern import deferred

SOURCE_KINDS = ("outlet", "agency", "organisation", "company", "pipeline")

_VERBS = (r"(?:told|tells|said|says|say|reported|reports|report|estimates|estimated|"
          r"forecasts|forecast|has\s+forecast|have\s+forecast|sees|see|expects|projects|"
          r"projected|predicts|predicted|announced|stated|calculated|showed|shows|"
          r"data\s+showed|data\s+show|wrote|confirmed|noted)")
_ACCORDING = deferred(
    r"\baccording\s+to\s+(?P<src>[^,;:()\"“”]+?)(?=\s*(?:[,;:.()\"“”]|$|\s+(?:on|in\s+(?:a|an|its|their)|published|data|figures|calculations|estimates)\b))",
    re.IGNORECASE)
_SUBJECT_VERB = deferred(rf"\s(?P<verb>{_VERBS})\b(?!\s+(?:to|that\s+it|up|off|on\s+its))",
                           re.IGNORECASE)
_INVERTED = deferred(
    r"\b(?:said|says|told|according\s+to)\s+(?P<src>(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.’'&-]*){0,5})")
_GENERIC = deferred(r"\b(?:sources?|people|person|officials?|traders?|analysts?|insiders?|"
                      r"executives?|delegates?)\b", re.IGNORECASE)
_OUTLET_SOURCES = deferred(r"^(?P<outlet>.+?)['’]s?\s+(?:own\s+)?sources$", re.IGNORECASE)
_LEADING = deferred(r"^(?:(?:and|but|while|that|as|whereas|so|the|a|an|also|meanwhile|which|who|"
                      r"previously|however|separately|earlier)\s+)+", re.IGNORECASE)
_PRONOUN = deferred(r"^(?:he|she|it|they|we|i|you|this|that|officials said)$", re.IGNORECASE)
_TOLD = deferred(r"\s+(?:told|tells)\s+(?P<to>[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3})")
_CLAUSE_WORD = deferred(r"\b(?:while|whereas|but|that|because|after|when|as|if)\s+")
_PAREN = deferred(r"\([^()]*\)")

MAX_WORDS = 9


@dataclass(frozen=True)
class Source:
    start: int          # span of the source phrase in the sentence
    end: int
    name: str


def _canonical(gaz: Gazetteer, ctx: SentenceContext, phrase: str, start: int, end: int) -> str:
    phrase = " ".join(phrase.split()).strip(" ,.")
    phrase = _LEADING.sub("", phrase)
    m = _OUTLET_SOURCES.match(phrase)
    if m:
        ent = gaz.lookup(m.group("outlet"))
        return f"{ent.name if ent else m.group('outlet')} sources"
    ent = gaz.lookup(phrase)
    if ent is not None:
        return ent.name
    inside = [mm for mm in ctx.mentions
              if start <= mm.start and mm.end <= end and mm.kind in SOURCE_KINDS]
    if inside:
        return inside[-1].name if len(inside) == 1 else inside[0].name
    return phrase


def find_sources(gaz: Gazetteer, ctx: SentenceContext) -> list[Source]:
    """Every attributed source in the sentence, with its span."""
    text = ctx.text
    flat = _PAREN.sub(lambda m: " " * len(m.group(0)), text)   # "(EIA)" out of the way
    out: list[Source] = []
    for m in _ACCORDING.finditer(flat):
        s, e = m.start("src"), m.end("src")
        name = _canonical(gaz, ctx, text[s:e], s, e)
        if name and not _PRONOUN.match(name):
            out.append(Source(m.start(), e, name))
    for m in _SUBJECT_VERB.finditer(flat):
        v = m.start("verb")
        left = max(flat.rfind(ch, 0, v) for ch in ",;:\"“”—")
        cut = None
        for cut in _CLAUSE_WORD.finditer(flat, left + 1, v):
            pass
        if cut is not None:
            left = cut.end() - 1
        phrase = flat[left + 1:v]
        words = phrase.split()
        if not words or len(words) > MAX_WORDS or _PRONOUN.match(phrase.strip()):
            continue
        if re.search(r"\b(?:is|are|was|were|has|have|had|be|been)\b", phrase):
            continue                           # a clause, not a noun phrase
        s = left + 1 + (len(phrase) - len(phrase.lstrip()))
        e = v
        stripped = _LEADING.sub("", phrase.strip())
        if not stripped:
            continue
        if _GENERIC.search(stripped) and not any(
                s <= mm.start < e and mm.kind in SOURCE_KINDS for mm in ctx.mentions):
            told = _TOLD.match(flat, m.start())
            if told:
                outlet = told.group("to").rstrip(".")
                ent = gaz.lookup(outlet)
                out.append(Source(s, m.end() + len(told.group(0)),
                                  f"{ent.name if ent else outlet} sources"))
                continue
        first = stripped[:1]
        if not (first.isupper() or _GENERIC.search(stripped)):
            continue
        out.append(Source(s, e, _canonical(gaz, ctx, stripped, s, e)))
    for m in _INVERTED.finditer(flat):
        s, e = m.start("src"), m.end("src")
        if any(src.start <= s < src.end for src in out):
            continue
        name = _canonical(gaz, ctx, text[s:e], s, e)
        if name:
            out.append(Source(s, e, name))
    out.sort(key=lambda x: x.start)
    return out


def choose_source(ctx: SentenceContext, sources: list[Source], fig: tuple[int, int]) -> str:
    """The source nearest the figure, preferring one in the figure's clause."""
    if not sources:
        return ""

    def cost(src: Source) -> float:
        d = fig[0] - src.end if src.end <= fig[0] else src.start - fig[1]
        c = abs(d) + (0 if src.end <= fig[0] else 10)
        if not ctx.same_clause(src.start, fig[0]):
            c += 80
        return c

    return min(sources, key=cost).name
