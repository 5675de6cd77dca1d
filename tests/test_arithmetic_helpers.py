"""Running real text through parser, framing and the checks, for the arithmetic tests."""

from __future__ import annotations

import datetime as dt

from factcheck.checks import assign_clusters, load_check_rules, run_checks, run_local_checks
from factcheck.extract import find_quantities
from factcheck.frame import frame_article, load_framing_rules
from factcheck.model import Article, SourceMap

CHECKS = load_check_rules()
FRAMING = load_framing_rules()


def article(path: str, text: str, published: dt.date = dt.date(2025, 4, 1)) -> Article:
    return Article(id=f"{path}#0", path=path, index=0, headline="", outlet=path, author="",
                   published=published, published_from="byline", text=text, line_start=1,
                   line_end=1 + text.count("\n"), source=SourceMap.for_lines(text))


def run(texts: dict[str, str], published: dt.date = dt.date(2025, 4, 1)):
    """(findings, claims by id) for articles written as {path: text}."""
    articles = [article(path, text, published) for path, text in texts.items()]
    claims = [c for a in articles for c in frame_article(a, find_quantities(a.text), FRAMING)]
    claims = assign_clusters(articles, claims, CHECKS)
    findings = run_checks(claims, articles, CHECKS)
    # The per-file step runs the article-local kinds one file at a time: the same findings.
    local = {a.id: run_local_checks([c for c in claims if c.article == a.id], [a], CHECKS)
             for a in articles}
    via_files = run_checks(claims, articles, CHECKS, local=local)
    assert via_files == findings
    assert [f.details for f in via_files] == [f.details for f in findings]
    return findings, {c.id: c for c in claims}


def of_rule(findings, rule: str, loud_only: bool = False):
    return [f for f in findings if f.rule == rule
            and (not loud_only or f.severity in ("error", "warning"))]


def texts_of(finding, claims) -> set[str]:
    return {claims[c].text for c in finding.claims}
