"""A small, fully built Report for developing and testing the reporters.

Reporters only read a Report, so they can be built and checked before the pipeline that
produces real Reports exists. The sentences here are invented for the purpose; one
article carries hostile markup so escaping is exercised on every path.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from factcheck.model import (
    INF, Article, Claim, FileProblem, Finding, Quantity, Report, SourceMap,
)

HOSTILE_HEADLINE = "Refinery update <script>alert(1)</script>"
HOSTILE_AUTHOR = 'Ann "Quote" O\'Neil <b>'
HOSTILE_OUTLET = "Gulf & Steppe <i>Wire</i>"


def _article(path: str, index: int, headline: str, outlet: str, author: str,
             published: dt.date | None, body: str, line_start: int = 1) -> Article:
    text = headline + "\n\n" + body
    line_end = line_start + text.count("\n")
    return Article(
        id=f"{path}#{index}", path=path, index=index, headline=headline, outlet=outlet,
        author=author, published=published, published_from="byline" if published else "unknown",
        text=text, line_start=line_start, line_end=line_end,
        source=SourceMap.for_lines(text, first_line=line_start))


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
               text.rfind("\n", 0, start) + 1)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()


def _claim(article: Article, figure: str, *, occurrence: int = 0, value: float | None,
           low: float, high: float, unit: str, unit_text: str = "", dimension: str = "",
           entity: str = "", metric: str = "", period: str = "", modality: str = "actual",
           attribution: str = "", qualifier: str = "exact", change: str = "=",
           number: float | None = None, counted: str = "", confidence: float = 1.0,
           notes: tuple[str, ...] = ()) -> Claim:
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(figure, start + 1)
    end = start + len(figure)
    line, col = article.locate(start)
    quantity = Quantity(
        text=figure, start=start, end=end, value=value, low=low, high=high, unit=unit,
        unit_text=unit_text, counted=counted, qualifier=qualifier, change=change,
        number=number, dimension=dimension)
    sentence = _sentence_around(article.text, start, end)
    digest = hashlib.sha256(f"{article.id}|{start}|{figure}|{sentence}".encode()).hexdigest()
    return Claim(
        id="c" + digest[:12], article=article.id, path=article.path, line=line, start=col,
        end=col + len(figure), text=figure, sentence=sentence, quantity=quantity,
        entity=entity, metric=metric, period=period, modality=modality,
        attribution=attribution, confidence=confidence, column=col + 1, notes=notes)


def _fid(*parts: str) -> str:
    return "f" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def sample_report() -> Report:
    """Three articles, two files, one hostile; a conflict, arithmetic and info findings."""
    a1 = _article(
        "corpus/steppe-daily.txt", 0,
        "Caspian producer lifts output again", "Steppe Daily", "Marta Kell",
        dt.date(2025, 4, 2),
        "The republic's oil fields delivered 1.96 million barrels per day of crude and "
        "condensate in March, the energy ministry said on Wednesday.\n"
        "That was 4.3% more than the 1.88 million bpd pumped in February, officials added.\n"
        "The main export pipeline carried about 1.5 million bpd during the month.")
    a2 = _article(
        "corpus/wire-copy.txt", 0,
        "Output climbs as new field phase starts", "Northline Wire", "Jon Barros",
        dt.date(2025, 4, 1),
        "Crude and condensate production in the republic rose to 2.01 million bpd last month, "
        "two industry sources said.\n"
        "Exports through the pipeline were between 1.4 and 1.6 million bpd, one source added.\n"
        "Analysts expect at least 2.1 million bpd by the end of the year.")
    a3 = _article(
        "corpus/wire-copy.txt", 1,
        HOSTILE_HEADLINE, HOSTILE_OUTLET, HOSTILE_AUTHOR, None,
        "An attached note read <img src=x onerror=alert(1)> before the figures.\n"
        "A link labelled javascript:alert(2) and a stray </textarea> and </script> tag "
        "sat beside {{ 7*7 }} in the draft.\n"
        "The refinery processed 310,000 bpd | up from 290,000 bpd, a `rise` of <b>7%</b>.",
        line_start=12)
    c1 = _claim(a1, "1.96 million barrels per day", value=1.96e6, low=1.955e6, high=1.965e6,
                unit="bbl/d", unit_text="million barrels per day", dimension="oil_flow",
                number=1.96e6, entity="Kazakhstan", metric="crude_condensate_production",
                period="2025-03", attribution="energy ministry", confidence=0.92,
                notes=("entity from 'the republic' resolved to the dateline country",))
    c2 = _claim(a1, "4.3%", value=4.3, low=4.25, high=4.35, unit="%", unit_text="%",
                dimension="percent", number=4.3, entity="Kazakhstan",
                metric="crude_condensate_production", period="2025-03", modality="change",
                change="up", confidence=0.85)
    c3 = _claim(a1, "1.88 million bpd", value=1.88e6, low=1.875e6, high=1.885e6,
                unit="bbl/d", unit_text="million bpd", dimension="oil_flow", number=1.88e6,
                entity="Kazakhstan", metric="crude_condensate_production", period="2025-02",
                confidence=0.88)
    c4 = _claim(a1, "about 1.5 million bpd", value=1.5e6, low=1.4e6, high=1.6e6,
                unit="bbl/d", unit_text="million bpd", dimension="oil_flow", number=1.5e6,
                qualifier="approx", entity="Caspian Pipeline Consortium", metric="throughput",
                period="2025-03", confidence=0.7)
    c5 = _claim(a2, "2.01 million bpd", value=2.01e6, low=2.005e6, high=2.015e6,
                unit="bbl/d", unit_text="million bpd", dimension="oil_flow", number=2.01e6,
                entity="Kazakhstan", metric="crude_condensate_production", period="2025-03",
                attribution="industry sources", confidence=0.9)
    c6 = _claim(a2, "between 1.4 and 1.6 million bpd", value=None, low=1.4e6, high=1.6e6,
                unit="bbl/d", unit_text="million bpd", dimension="oil_flow", qualifier="range",
                entity="Kazakhstan", metric="exports", period="2025-03", confidence=0.8)
    c7 = _claim(a2, "at least 2.1 million bpd", value=2.1e6, low=2.1e6, high=INF,
                unit="bbl/d", unit_text="million bpd", dimension="oil_flow", number=2.1e6,
                qualifier="at_least", entity="Kazakhstan", metric="crude_condensate_production",
                period="2025", modality="forecast", attribution="analysts", confidence=0.6)
    c8 = _claim(a3, "310,000 bpd", value=310000, low=309500, high=310500, unit="bbl/d",
                unit_text="bpd", dimension="oil_flow", number=310000, entity="",
                metric="throughput", period="", confidence=0.4)
    c9 = _claim(a3, "290,000 bpd", value=290000, low=289500, high=290500, unit="bbl/d",
                unit_text="bpd", dimension="oil_flow", number=290000, metric="throughput",
                confidence=0.4)
    c10 = _claim(a3, "7%", value=7, low=6.5, high=7.5, unit="%", unit_text="%",
                 dimension="percent", number=7, modality="change", change="up", confidence=0.4)
    claims = (c1, c2, c3, c4, c5, c6, c7, c8, c9, c10)

    conflict = Finding(
        id=_fid("FC101", c1.id, c5.id), rule="FC101", kind="conflict", severity="error",
        message="Kazakhstan crude and condensate production for March 2025: "
                "1.96 million bpd vs 2.01 million bpd",
        claims=(c1.id, c5.id),
        details={
            "key": {"entity": "Kazakhstan", "metric": "crude_condensate_production",
                    "period": "2025-03", "modality": "actual"},
            "values": [
                {"value": 1.96e6, "low": 1.955e6, "high": 1.965e6, "unit": "bbl/d",
                 "claims": [c1.id]},
                {"value": 2.01e6, "low": 2.005e6, "high": 2.015e6, "unit": "bbl/d",
                 "claims": [c5.id]},
            ],
            "difference": {"absolute": 50000.0, "relative": 0.0255, "unit": "bbl/d"},
            "tolerance": {"relative": 0.005, "absolute": 0.0},
        })
    pct = Finding(
        id=_fid("FC201", c2.id, c3.id, c1.id), rule="FC201", kind="percent-change",
        severity="warning",
        message="Reported rise of 4.3% does not match 1.88 -> 1.96 million bpd (4.3%)",
        claims=(c2.id, c3.id, c1.id),
        details={"reported": 4.3, "computed": 4.26, "inputs": [1.88e6, 1.96e6],
                 "explanation": "reported 4.3%, computed 4.26% from 1.88 -> 1.96 million bbl/d"})
    hostile = Finding(
        id=_fid("FC201", c10.id), rule="FC201", kind="percent-change", severity="warning",
        message="Reported rise of 7% vs 290,000 -> 310,000 bpd (6.9%) <script>x</script>",
        claims=(c10.id, c9.id, c8.id),
        details={"reported": 7, "computed": 6.9, "inputs": [290000, 310000],
                 "explanation": "reported 7%, computed 6.9% from <290,000> -> 310,000 bbl/d",
                 "note": "</script><script>alert(3)</script>"})
    disagree = Finding(
        id=_fid("FC102", c4.id, c6.id), rule="FC102", kind="attributed-disagreement",
        severity="info",
        message="Pipeline exports for March 2025: about 1.5 million bpd (energy ministry) "
                "vs 1.4-1.6 million bpd (industry sources)",
        claims=(c4.id, c6.id),
        details={"key": {"entity": "Caspian Pipeline Consortium", "metric": "throughput",
                         "period": "2025-03", "modality": "actual"},
                 "values": [
            {"value": 1.5e6, "low": 1.4e6, "high": 1.6e6, "unit": "bbl/d", "claims": [c4.id]},
            {"value": None, "low": 1.4e6, "high": 1.6e6, "unit": "bbl/d", "claims": [c6.id]}]})
    unresolved = Finding(
        id=_fid("FC104", c7.id), rule="FC104", kind="unresolved-key", severity="info",
        message="Year-end forecast of at least 2.1 million bpd has no resolved period end",
        claims=(c7.id, c1.id),
        details={"values": [
            {"value": 2.1e6, "low": 2.1e6, "high": INF, "unit": "bbl/d", "claims": [c7.id]},
            {"value": 1.96e6, "low": 1.955e6, "high": 1.965e6, "unit": "bbl/d",
             "claims": [c1.id]}],
            "reason": "period 'end of the year' is a point, not a span"})
    findings = (conflict, pct, hostile, disagree, unresolved)
    problems = (
        FileProblem("corpus/scan.pdf", "error", "not a text file; skipped"),
        FileProblem("corpus/legacy.txt", "warning",
                    "decoded as cp1252 <fallback>; 2 bytes replaced"),
    )
    summary = {
        "files": 3, "articles": 3, "claims": len(claims), "findings": len(findings),
        "by_severity": {"error": 1, "warning": 2, "info": 2},
        "run_date": "2025-04-03", "rules_version": "sample-1",
    }
    return Report(schema="factcheck/report/v1", summary=summary, articles=(a1, a2, a3),
                  claims=claims, findings=findings, problems=problems, suppressed=())
