"""The JSON report: the machine-readable contract of a run (docs/REPORT_JSON.md).

The same input gives byte-identical output: lists are sorted independently of the order
the files were given, keys come in a fixed order (details: sorted), floats are rounded
to 12 significant digits so that summation order cannot show, infinite bounds are null,
and no timestamp is written (the run date belongs to the HTML and terminal reports).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from typing import Any, Iterable, Iterator, Mapping, Sequence

import orjson

from factcheck.model import (
    SEVERITIES, SEVERITY_RANK, Article, Claim, FileProblem, Finding, Report,
)

SCHEMA = "factcheck.report/1"
# Summary keys that would differ between two runs of the same input.
_VOLATILE = {"run_date", "run_time", "timestamp", "generated", "elapsed"}


# --------------------------------------------------------------------------- building

def summarise(findings: Iterable[Finding]) -> dict[str, Any]:
    """Finding counts: total, by severity (every severity listed) and by rule."""
    findings = list(findings)
    by_severity = Counter(f.severity for f in findings)
    by_rule = Counter(f.rule for f in findings)
    return {
        "findings": len(findings),
        "by_severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
        "by_rule": {code: by_rule[code] for code in sorted(by_rule)},
    }


def _article_order(a: Article) -> tuple:
    return (a.path, a.index, a.id)


def _claim_order(c: Claim) -> tuple:
    return (c.path, c.line, c.start, c.end, c.id)


def _finding_order(claim_by_id: Mapping[str, Claim]):
    def order(f: Finding) -> tuple:
        first = claim_by_id.get(f.claims[0]) if f.claims else None
        return (-SEVERITY_RANK.get(f.severity, 0), f.rule,
                str(f.details.get("key_text", "")) if f.details else "",
                _claim_order(first) if first else ("", 0, 0, 0, ""), f.id)
    return order


def _counts(articles: Sequence[Article], claims: Sequence[Claim],
            problems: Sequence[FileProblem]) -> dict[str, Any]:
    return {
        "files": len({a.path for a in articles} | {p.path for p in problems}),
        "articles": len(articles),
        "claims": len(claims),
        "problems": len(problems),
    }


def build_report(articles: Sequence[Article], claims: Sequence[Claim],
                 findings: Sequence[Finding], problems: Sequence[FileProblem], *,
                 rules_version: str, run_root: str) -> Report:
    """Assemble a Report with every list in its canonical order and the summary counted."""
    articles = tuple(sorted(articles, key=_article_order))
    claims = tuple(sorted(claims, key=_claim_order))
    claim_by_id = {c.id: c for c in claims}
    findings = tuple(sorted(findings, key=_finding_order(claim_by_id)))
    problems = tuple(sorted(problems, key=lambda p: (p.path, p.level, p.message)))
    summary = _counts(articles, claims, problems)
    summary.update(summarise(findings))
    summary.update({"suppressed": 0, "rules_version": rules_version, "run_root": run_root})
    return Report(schema=SCHEMA, summary=summary, articles=articles, claims=claims,
                  findings=findings, problems=problems)


# --------------------------------------------------------------------------- to JSON

def _number(x: Any) -> Any:
    if type(x) is float:
        found = _ROUNDED.get(x)
        if found is not None:
            return found
    if isinstance(x, bool) or x is None or isinstance(x, int):
        return x
    x = float(x)
    if not math.isfinite(x):
        return None
    rounded = float(f"{x:.12g}")
    rounded = 0.0 if rounded == 0 else rounded
    if len(_ROUNDED) >= _ROUNDED_MAX:
        _ROUNDED.clear()
    _ROUNDED[x] = rounded
    return rounded


# A corpus repeats its figures (copies, confidences, bounds): each is rounded once. Keyed
# by value, so 0.0 and -0.0 share an entry (both print as 0.0) and NaN never matches.
_ROUNDED: dict[float, float] = {}
_ROUNDED_MAX = 1 << 20


def _plain(value: Any) -> Any:
    """JSON-ready data: dict keys sorted, sets sorted, floats reproducible."""
    kind = type(value)
    if kind is str or kind is int or value is None or kind is bool:
        return value
    if kind is float:
        return _number(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (float, int)) and not isinstance(value, bool):
        return _number(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, bool)):
        return value
    return str(value)


def article_to_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id, "path": a.path, "index": a.index, "headline": a.headline,
        "outlet": a.outlet, "author": a.author,
        "published": a.published.isoformat() if a.published else None,
        "published_from": a.published_from, "line_start": a.line_start,
        "line_end": a.line_end, "url": a.url,
    }


def claim_to_dict(c: Claim) -> dict[str, Any]:
    q = c.quantity
    return {
        "id": c.id, "article": c.article, "path": c.path, "line": c.line, "start": c.start,
        "end": c.end, "text": c.text, "sentence": c.sentence,
        "value": _number(q.value), "low": _number(q.low), "high": _number(q.high),
        "unit": q.unit, "dimension": q.dimension, "counted": q.counted,
        "qualifier": q.qualifier, "change": q.change,
        "entity": c.entity, "metric": c.metric, "period": c.period, "modality": c.modality,
        "attribution": c.attribution, "cluster": c.cluster,
        "confidence": _number(c.confidence), "notes": list(c.notes),
    }


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id, "rule": f.rule, "kind": f.kind, "severity": f.severity,
        "message": f.message, "claims": list(f.claims), "details": _plain(f.details or {}),
    }


def problem_to_dict(p: FileProblem) -> dict[str, Any]:
    return {"path": p.path, "level": p.level, "message": p.message}


def _ordered(report: Report) -> tuple[dict[str, Any], dict[str, list]]:
    """The summary (counts recomputed from the lists) and every list in canonical order."""
    articles = sorted(report.articles, key=_article_order)
    claims = sorted(report.claims, key=_claim_order)
    claim_by_id = {c.id: c for c in claims}
    order = _finding_order(claim_by_id)
    findings = sorted(report.findings, key=order)
    suppressed = sorted(report.suppressed, key=order)
    problems = sorted(report.problems, key=lambda p: (p.path, p.level, p.message))
    summary = {k: v for k, v in report.summary.items() if k not in _VOLATILE}
    summary.update(_counts(articles, claims, problems))
    summary.update(summarise(findings))
    summary["suppressed"] = len(suppressed)
    return _plain(summary), {"articles": articles, "claims": claims, "findings": findings,
                             "suppressed": suppressed, "problems": problems}


_AS_DICT = {"articles": article_to_dict, "claims": claim_to_dict, "findings": finding_to_dict,
            "suppressed": finding_to_dict, "problems": problem_to_dict}


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data; counts are recomputed from the lists it carries."""
    summary, lists = _ordered(report)
    out: dict[str, Any] = {"schema": SCHEMA, "summary": summary}
    for name, items in lists.items():
        out[name] = [_AS_DICT[name](item) for item in items]
    return out


def report_json_chunks(report: Report) -> Iterator[bytes]:
    """report_to_json's bytes, item by item: a report of an archive is never whole in memory.

    orjson writes the same text as json.dumps(indent=2, ensure_ascii=False) about twenty
    times faster (the standard library falls back to pure Python once it indents); each
    list item is dumped on its own and indented into place, which gives byte for byte the
    text of dumping the whole report at once.
    """
    summary, lists = _ordered(report)
    yield b'{\n  "schema": ' + orjson.dumps(SCHEMA) + b',\n  "summary": '
    yield orjson.dumps(summary, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n  ")
    for name, items in lists.items():
        yield b',\n  "' + name.encode("utf-8") + b'": '
        if not items:
            yield b"[]"
            continue
        yield b"[\n    "
        convert = _AS_DICT[name]
        # A batch of items dumped as a list one level down, as it sits in the report, and
        # cut out of its wrapping: the same bytes as dumping each item and indenting it,
        # with one call a batch and no copy to indent.
        for start in range(0, len(items), _ITEMS_AT_ONCE):
            if start:
                yield b",\n    "
            batch = [convert(item) for item in items[start:start + _ITEMS_AT_ONCE]]
            text = orjson.dumps({"": batch}, option=orjson.OPT_INDENT_2)
            yield text[len(_WRAP_HEAD):-len(_WRAP_TAIL)]
        yield b"\n  ]"
    yield b"\n}\n"


_ITEMS_AT_ONCE = 512
_WRAP_HEAD = b'{\n  "": [\n    '
_WRAP_TAIL = b'\n  ]\n}'


def report_to_json(report: Report) -> str:
    """UTF-8 JSON text, two-space indented, ending in a newline; byte-identical per input."""
    return b"".join(report_json_chunks(report)).decode("utf-8")


# --------------------------------------------------------------------------- schema

_NUM = {"type": ["number", "null"]}
_STR = {"type": "string"}
_INT = {"type": "integer"}


def _obj(props: Mapping[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": sorted(props), "properties": dict(props)}


FINDING_SCHEMA = _obj({
    "id": _STR, "rule": {"type": "string", "pattern": "^FC[0-9]{3}$"}, "kind": _STR,
    "severity": {"enum": list(SEVERITIES)}, "message": _STR,
    "claims": {"type": "array", "items": _STR}, "details": {"type": "object"},
})

REPORT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "factcheck report",
    **_obj({
        "schema": {"const": SCHEMA},
        "summary": _obj({
            "files": _INT, "articles": _INT, "claims": _INT, "findings": _INT,
            "problems": _INT, "suppressed": _INT,
            "by_severity": _obj({s: _INT for s in SEVERITIES}),
            "by_rule": {"type": "object", "additionalProperties": _INT},
        }),
        "articles": {"type": "array", "items": _obj({
            "id": _STR, "path": _STR, "index": _INT, "headline": _STR, "outlet": _STR,
            "author": _STR, "published": {"type": ["string", "null"]},
            "published_from": _STR, "line_start": _INT, "line_end": _INT})},
        "claims": {"type": "array", "items": _obj({
            "id": _STR, "article": _STR, "path": _STR, "line": _INT, "start": _INT,
            "end": _INT, "text": _STR, "sentence": _STR, "value": _NUM, "low": _NUM,
            "high": _NUM, "unit": _STR, "counted": _STR, "qualifier": _STR, "entity": _STR,
            "metric": _STR, "period": _STR, "modality": _STR, "attribution": _STR,
            "cluster": _STR, "confidence": {"type": "number"}})},
        "findings": {"type": "array", "items": FINDING_SCHEMA},
        "suppressed": {"type": "array", "items": FINDING_SCHEMA},
        "problems": {"type": "array", "items": _obj({
            "path": _STR, "level": {"enum": ["error", "warning"]}, "message": _STR})},
    }),
}
