"""SARIF output: schema validity and the fields code-review tools rely on."""

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from factcheck.model import Report
from factcheck.report.fixtures import sample_report
from factcheck.report.sarif import report_to_sarif

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA_PATH.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA_PATH}")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("http://json-schema.org/draft-04/")
    return jsonschema.Draft4Validator(schema)


@pytest.fixture(scope="module")
def report():
    return sample_report()


def test_sample_report_validates_against_the_schema(validator, report):
    log = report_to_sarif(report, run_root="corpus/..")
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    # The log must survive a JSON round trip unchanged (no infinities, no tuples).
    assert json.loads(json.dumps(log, allow_nan=False)) == log


def test_empty_report_validates(validator):
    empty = Report(schema="factcheck/report/v1", summary={}, articles=(), claims=(),
                   findings=())
    log = report_to_sarif(empty)
    assert not list(validator.iter_errors(log))
    assert log["runs"][0]["results"] == []


def test_driver_and_rules(report):
    driver = report_to_sarif(report)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert {"FC101", "FC102", "FC103", "FC104", "FC201", "FC207"} <= set(ids)
    fc101 = driver["rules"][ids.index("FC101")]
    assert fc101["defaultConfiguration"]["level"] == "error"
    assert fc101["shortDescription"]["text"]
    assert fc101["help"]["text"] and fc101["help"]["markdown"]


def test_result_points_at_the_figure(report):
    run = report_to_sarif(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    claims = {c.id: c for c in report.claims}
    for result, finding in zip(run["results"], report.findings):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        assert result["partialFingerprints"]["factcheck/v1"] == finding.id
        first = claims[finding.claims[0]]
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": first.path, "uriBaseId": "%SRCROOT%"}
        region = loc["region"]
        assert region["startLine"] == first.line
        assert region["startColumn"] == first.start + 1
        assert region["endColumn"] - region["startColumn"] == len(first.text)
        assert region["snippet"]["text"] == first.text
        assert len(result.get("relatedLocations", [])) == len(finding.claims) - 1
    levels = {f.severity: r["level"] for f, r in zip(report.findings, run["results"])}
    assert levels == {"error": "error", "warning": "warning", "info": "note"}


def test_related_locations_carry_messages(report):
    result = report_to_sarif(report)["runs"][0]["results"][0]
    related = result["relatedLocations"]
    assert related[0]["message"]["text"].startswith("Also: 2.01 million bpd")
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/wire-copy.txt"


def test_uris_are_relative_to_run_root(tmp_path, validator):
    base = sample_report()
    article = base.articles[0]
    moved = article.__class__(**{**article.__dict__, "path": str(tmp_path / "a b.txt")})
    claim = base.claims[0]
    moved_claim = replace(claim, path=str(tmp_path / "a b.txt"))
    report = Report(schema=base.schema, summary={}, articles=(moved,), claims=(moved_claim,),
                    findings=(base.findings[0],))
    log = report_to_sarif(report, run_root=str(tmp_path))
    run = log["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "a%20b.txt"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    assert not list(validator.iter_errors(log))


def test_rule_metadata_from_report_wins():
    base = sample_report()
    summary = dict(base.summary)
    summary["rules"] = {"FC101": {"name": "conflict", "severity": "warning",
                                  "description": "Desk-specific wording."}}
    report = Report(schema=base.schema, summary=summary, articles=base.articles,
                    claims=base.claims, findings=base.findings)
    rules = report_to_sarif(report)["runs"][0]["tool"]["driver"]["rules"]
    fc101 = next(r for r in rules if r["id"] == "FC101")
    assert fc101["shortDescription"]["text"] == "Desk-specific wording."
    assert fc101["defaultConfiguration"]["level"] == "warning"


def test_real_run_on_seeds_validates(validator, tmp_path):
    """`factcheck run -f sarif` on the seed folders; skipped while the pipeline cannot run."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    paths = [str(p) for p in (root / "seeds", root.parent / "shared" / "seeds") if p.exists()]
    out = tmp_path / "run.sarif"
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "run", *paths, "--no-html", "-f", "sarif",
         "-o", str(out), "--fail-on", "never", "-q"],
        cwd=root, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not out.exists():
        pytest.skip("factcheck run did not produce SARIF: "
                    + ((proc.stderr or proc.stdout).strip().splitlines() or ["?"])[-1][:200])
    log = json.loads(out.read_text(encoding="utf-8"))
    errors = list(validator.iter_errors(log))
    assert not errors, errors[0].message
    for result in log["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endColumn"] - region["startColumn"] == len(region["snippet"]["text"])
