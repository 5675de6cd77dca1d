"""The JSON report contract: shape, determinism, nulls for open bounds."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import jsonschema

from factcheck.checks import assign_clusters, load_check_rules, run_checks
from factcheck.model import FileProblem
from factcheck.report.fixtures import sample_report
from factcheck.report.json_report import (
    REPORT_SCHEMA, SCHEMA, build_report, report_to_dict, report_to_json, summarise,
)
from test_checks_support import article, claim

RULES = load_check_rules()
KEY = dict(entity="Kazakhstan", metric="crude_condensate_production", period="2025-03")


def corpus():
    a = article("desk/one.txt", "The republic pumped 2.12 million barrels per day in March. "
                "Exports were at least 1.4 million bpd.", headline="Output record",
                outlet="Steppe Daily")
    b = article("desk/two.txt", "Crude plus condensate output reached 2.17 million bpd.",
                headline="Fields busy", outlet="Northline Wire", published=None)
    claims = [claim(a, "2.12 million", unit="bbl/d", **KEY),
              claim(a, "1.4 million", unit="bbl/d", qualifier="at_least",
                    **{**KEY, "metric": "exports"}),
              claim(b, "2.17 million", unit="bbl/d", **KEY)]
    return [a, b], claims


def build(articles, claims, problems=()):
    claims = assign_clusters(articles, claims, RULES)
    findings = run_checks(claims, articles, RULES)
    return build_report(articles, claims, findings, list(problems), rules_version="r1",
                        run_root=".")


def test_report_matches_the_documented_schema():
    articles, claims = corpus()
    data = report_to_dict(build(articles, claims, [FileProblem("x.pdf", "error", "skipped")]))
    jsonschema.validate(data, REPORT_SCHEMA)
    assert list(data) == ["schema", "summary", "articles", "claims", "findings", "suppressed",
                          "problems"]
    assert data["schema"] == SCHEMA
    s = data["summary"]
    assert (s["files"], s["articles"], s["claims"], s["findings"], s["problems"]) == (3, 2, 3, 1, 1)
    assert s["by_severity"] == {"error": 1, "info": 0, "warning": 0}
    assert s["by_rule"] == {"FC101": 1}
    assert s["rules_version"] == "r1"


def test_open_bounds_are_null_and_dates_iso():
    articles, claims = corpus()
    data = report_to_dict(build(articles, claims))
    exports = next(c for c in data["claims"] if c["metric"] == "exports")
    assert exports["low"] == 1.4e6 and exports["high"] is None
    published = {a["path"]: a["published"] for a in data["articles"]}
    assert published == {"desk/one.txt": "2025-04-01", "desk/two.txt": None}


def test_json_is_byte_identical_across_builds_and_input_orders():
    articles, claims = corpus()
    first = report_to_json(build(articles, claims))
    rng = random.Random(3)
    for _ in range(4):
        rng.shuffle(articles)
        rng.shuffle(claims)
        assert report_to_json(build(articles, claims)) == first
    assert first.endswith("\n") and "Infinity" not in first and "NaN" not in first


def test_no_timestamps_in_json_and_counts_follow_the_lists():
    report = sample_report()
    text = report_to_json(report)
    assert "run_date" not in text
    data = json.loads(text)
    jsonschema.validate(data, REPORT_SCHEMA)
    fewer = replace(report, findings=report.findings[:1], suppressed=report.findings[1:])
    data = report_to_dict(fewer)
    assert data["summary"]["findings"] == 1 and data["summary"]["suppressed"] == 4
    assert len(data["suppressed"]) == 4


def test_summarise_lists_every_severity():
    assert summarise([]) == {"findings": 0, "by_severity": {"error": 0, "warning": 0, "info": 0},
                             "by_rule": {}}


def test_floats_are_rounded_reproducibly():
    articles, claims = corpus()
    report = build(articles, claims)
    (finding,) = report.findings
    noisy = replace(finding, details={**finding.details, "x": 0.1 + 0.2, "y": {"b": 1, "a": 2}})
    data = report_to_dict(replace(report, findings=(noisy,)))
    details = data["findings"][0]["details"]
    assert details["x"] == 0.3 and list(details["y"]) == ["a", "b"]
