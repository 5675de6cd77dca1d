"""The metric lexicon (rules/metrics.yaml), compiled to a handful of regular expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.frame.lazy_pattern import lazy_compile
from factcheck.rules import Field, RulesError, load_yaml, validate

# The metric ids the checks key on; metrics.yaml may add more but must keep these.
CORE_METRICS = (
    "crude_condensate_production", "crude_production", "oil_production", "gas_production",
    "production", "production_quota", "production_capacity", "exports", "export_capacity",
    "imports", "throughput", "reserves", "price", "revenue", "dividends", "investment",
    "budget", "stake", "market_share", "tariff_rate", "supply_demand_balance", "demand",
    "supply", "compensation_cuts", "people_affected", "casualties", "detained", "released",
    "distance", "territory_share", "growth_rate", "inflation", "unemployment", "population",
)
DIMENSIONS = ("oil_flow", "oil_volume", "mass", "mass_rate", "gas_volume", "gas_rate",
              "currency", "price", "percent", "points", "length", "speed", "duration",
              "temperature", "count", "")
MODALITIES = ("actual", "forecast", "target", "change", "forecast_change")


@dataclass(frozen=True)
class Metric:
    id: str
    label: str
    dimensions: tuple[str, ...]
    commodities: tuple[str, ...] = ()
    implied_by: tuple[str, ...] = ()
    owner_kinds: tuple[str, ...] = ()
    default_for: tuple[str, ...] = ()
    modality: str = ""
    default_entity: str = ""
    whole_is_owner: bool = False
    by_commodity: bool = False      # key names the commodity: "production:steel"
    by_destination: bool = False    # key names where it goes: "exports:to China"
    counts_people: bool = False     # a count of people may take this metric
    # owner kind -> the metric the figure is for that kind of owner: what a pipeline
    # "ships" or "exports" is what it carries, its throughput
    as_owned_by: tuple[tuple[str, str], ...] = ()
    # a count that grows as news comes in (a death toll): undated, it is not a contradiction
    running_count: bool = False
    # a market quote that moves by the hour: two quotes of one day may both be right
    intraday: bool = False


@dataclass(frozen=True)
class Qualifier:
    metric: str
    applies_to: tuple[str, ...]
    pattern: re.Pattern


@dataclass(frozen=True)
class Narrower:
    """Words that make a figure a subset of its metric ("proven reserves"). With a key the
    subset gets a key of its own ("reserves:proven"); without one, confidence drops."""

    key: str
    pattern: re.Pattern
    before_figure: bool = False     # "of which 3 Mt": only right before the figure
    # figure dimensions it applies to ("month-on-month" narrows a rate, not the level
    # reached in "rose 3% m-o-m to 3.4m bpd"); empty: all
    dimensions: tuple[str, ...] = ()
    # False: not for a change ("output rose 3.1% m-o-m" is a change of the plain metric,
    # which the percent-change check sets against its levels)
    for_changes: bool = True
    # metrics it narrows ("proven" narrows reserves, not inflation "proved right"); all if
    # empty
    metrics: tuple[str, ...] = ()


@dataclass
class Lexicon:
    metrics: dict[str, Metric]
    by_trigger: dict[str, tuple[str, ...]]       # lowercased phrase -> metric ids
    trigger_pattern: re.Pattern = field(repr=False)
    commodity_pattern: dict[str, re.Pattern] = field(repr=False)
    qualifiers: tuple[Qualifier, ...] = ()
    narrower_pattern: re.Pattern | None = None
    cue_patterns: dict[str, re.Pattern] = field(default_factory=dict, repr=False)
    narrowers: tuple[Narrower, ...] = ()
    commodity_nouns: dict[str, str] = field(default_factory=dict)   # surface -> canonical
    commodity_noun_pattern: re.Pattern | None = field(default=None, repr=False)
    person_noun_pattern: re.Pattern | None = field(default=None, repr=False)
    # an unrefined metric -> the metrics its qualifiers may turn it into: oil_production ->
    # crude_condensate_production, crude_production
    refinements: dict[str, frozenset[str]] = field(default_factory=dict)

    def counts_persons(self, counted: str) -> bool:
        """Is `counted` ("industry sources", "civilians") a noun for people?"""
        return bool(counted and self.person_noun_pattern is not None
                    and self.person_noun_pattern.search(counted))


def _words(phrases) -> str:
    """Whole-word alternation of phrases as one trie (fast on long lists), any case,
    spaces matching any whitespace; the longest phrase wins where several match."""
    from factcheck.frame.gazetteer import trie_regex

    items = sorted({" ".join(str(p).lower().split()) for p in phrases})
    return r"(?<![\w-])(?:" + trie_regex(items) + r")(?![\w-])"


def _check_dims(dims) -> str | None:
    bad = [d for d in dims if d not in DIMENSIONS]
    return f"unknown dimension(s) {bad} (allowed: {', '.join(repr(d) for d in DIMENSIONS)})" \
        if bad else None


_METRIC = {
    "id": Field(str, required=True),
    "label": Field(str, required=True),
    "dimensions": Field(list, required=True, check=_check_dims),
    "triggers": Field(list, required=True),
    "commodities": Field(list),
    "implied_by": Field(list, check=_check_dims),
    "owner_kinds": Field(list),
    "default_for": Field(list, check=_check_dims),
    "modality": Field(str, check=lambda m: None if m in MODALITIES else
                      f"unknown modality (allowed: {', '.join(MODALITIES)})"),
    "default_entity": Field(str),
    "whole_is_owner": Field(bool),
    "by_commodity": Field(bool),
    "by_destination": Field(bool),
    "counts_people": Field(bool),
    "running_count": Field(bool),
    "intraday": Field(bool),
    "as_owned_by": Field(dict),
}
_QUALIFIER = {
    "metric": Field(str, required=True),
    "applies_to": Field(list, required=True),
    "patterns": Field(list, required=True),
}
_TOP = {
    "metrics": Field(list, required=True),
    "qualifiers": Field(list),
    "narrowers": Field(list),
    "commodity_nouns": Field(dict),
    "person_nouns": Field(list),
    "modality": Field(dict),
}
_NARROWER = {
    "key": Field(str, required=True),
    "patterns": Field(list, required=True),
    "before_figure": Field(bool),
    "dimensions": Field(list),
    "for_changes": Field(bool),
    "metrics": Field(list),
}
_CUES = ("target", "forecast", "change_verbs", "change_nouns")


def _compile(path, text: str, line, where: str) -> re.Pattern:
    try:
        return lazy_compile(text, re.IGNORECASE)
    except re.error as exc:
        raise RulesError(path, f"bad pattern {text!r}: {exc}", line=line, field=where) from None


def load_lexicon(path: str | Path) -> Lexicon:
    data = load_yaml(path)
    validate(path, data, _TOP)
    metrics: dict[str, Metric] = {}
    by_trigger: dict[str, list[str]] = {}
    commodity_pattern: dict[str, re.Pattern] = {}
    for item in data["metrics"]:
        validate(path, item, _METRIC, where="metrics[]")
        mid = item["id"]
        if mid in metrics:
            raise RulesError(path, f"duplicate metric '{mid}'", line=item.line, field="id")
        metrics[mid] = Metric(
            mid, item["label"], tuple(item["dimensions"]),
            tuple(str(c) for c in item.get("commodities") or ()),
            tuple(item.get("implied_by") or ()), tuple(item.get("owner_kinds") or ()),
            tuple(item.get("default_for") or ()), item.get("modality", ""),
            item.get("default_entity", ""), bool(item.get("whole_is_owner", False)),
            bool(item.get("by_commodity", False)), bool(item.get("by_destination", False)),
            bool(item.get("counts_people", False)),
            tuple((str(k), str(v)) for k, v in (item.get("as_owned_by") or {}).items()),
            bool(item.get("running_count", False)), bool(item.get("intraday", False)))
        for t in item["triggers"]:
            key = " ".join(str(t).lower().split())
            by_trigger.setdefault(key, [])
            if mid not in by_trigger[key]:
                by_trigger[key].append(mid)
        if metrics[mid].commodities:
            commodity_pattern[mid] = lazy_compile(_words(metrics[mid].commodities), re.IGNORECASE)
    for item in data["metrics"]:
        for kind, target in metrics[item["id"]].as_owned_by:
            if target not in metrics:
                raise RulesError(path, f"unknown metric '{target}'",
                                 line=item.line, field="as_owned_by")
    missing = [m for m in CORE_METRICS if m not in metrics]
    if missing:
        raise RulesError(path, f"shared metric ids missing: {', '.join(missing)}")
    qualifiers = []
    for q in data.get("qualifiers") or []:
        validate(path, q, _QUALIFIER, where="qualifiers[]")
        for ref in [q["metric"], *q["applies_to"]]:
            if ref not in metrics:
                raise RulesError(path, f"unknown metric '{ref}'", line=q.line, field="qualifiers")
        pattern = "|".join(f"(?:{p})" for p in q["patterns"])
        qualifiers.append(Qualifier(q["metric"], tuple(q["applies_to"]),
                                    _compile(path, pattern, q.line, "qualifiers.patterns")))
    plain, keyed = [], []
    for n in data.get("narrowers") or []:
        if isinstance(n, str):
            plain.append(n)
            continue
        validate(path, n, _NARROWER, where="narrowers[]")
        pattern = "|".join(f"(?:{p})" for p in n["patterns"])
        keyed.append(Narrower(n["key"], _compile(path, pattern, n.line, "narrowers.patterns"),
                              bool(n.get("before_figure", False)),
                              tuple(str(d) for d in n.get("dimensions") or ()),
                              bool(n.get("for_changes", True)),
                              tuple(str(m) for m in n.get("metrics") or ())))
    narrower_pattern = _compile(path, "|".join(f"(?:{p})" for p in plain),
                                None, "narrowers") if plain else None
    nouns: dict[str, str] = {}
    raw_nouns = data.get("commodity_nouns") or {}
    for canonical, surfaces in raw_nouns.items():
        if not isinstance(surfaces, list):
            raise RulesError(path, "expected a list of surface forms",
                             line=raw_nouns.line_of(canonical), field=f"commodity_nouns.{canonical}")
        for surface in [canonical, *surfaces]:
            nouns[" ".join(str(surface).lower().split())] = str(canonical)
    noun_pattern = lazy_compile(_words(nouns), re.IGNORECASE) if nouns else None
    cues = data.get("modality") or {}
    cue_patterns = {}
    for key in _CUES:
        words = cues.get(key) or []
        if not isinstance(words, list):
            raise RulesError(path, "expected a list of words", field=f"modality.{key}",
                             line=cues.line_of(key) if hasattr(cues, "line_of") else None)
        if words:
            cue_patterns[key] = lazy_compile(_words(words), re.IGNORECASE)
    trigger_pattern = lazy_compile(_words(by_trigger), re.IGNORECASE)
    persons = [str(n) for n in data.get("person_nouns") or []]
    person_pattern = lazy_compile(_words(persons), re.IGNORECASE) if persons else None
    refined = {q.metric for q in qualifiers}
    refinements: dict[str, set[str]] = {}
    for q in qualifiers:
        for base in q.applies_to:
            if base not in refined:
                refinements.setdefault(base, set()).add(q.metric)
    return Lexicon(metrics, {k: tuple(v) for k, v in by_trigger.items()}, trigger_pattern,
                   commodity_pattern, tuple(qualifiers), narrower_pattern, cue_patterns,
                   tuple(keyed), nouns, noun_pattern, person_pattern,
                   {k: frozenset(v) for k, v in refinements.items()})
