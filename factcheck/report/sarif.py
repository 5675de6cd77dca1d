"""SARIF 2.1.0 output, so code-review tools and CI dashboards can show findings in place.

A finding's first claim is its location; the other claims are relatedLocations, because
a discrepancy lives between figures, and a reviewer needs to see both ends of it.
"""

from __future__ import annotations

import os
import posixpath
from importlib import metadata
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import quote

from factcheck.model import Claim, Finding, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/factcheck/factcheck"
FINGERPRINT_KEY = "factcheck/v1"
SRCROOT = "%SRCROOT%"

# Used when the Report does not carry rule metadata in summary["rules"].
# code: (name, severity, short description, rationale)
RULE_TABLE: dict[str, tuple[str, str, str, str]] = {
    "FC101": ("conflict", "error",
              "Two figures for the same thing cannot both be right.",
              "Same entity, metric, period and modality, and the intervals the figures stand "
              "for cannot meet, even allowing for rounding and the metric's tolerance."),
    "FC102": ("attributed-disagreement", "note",
              "Named sources disagree about the same figure.",
              "Different attributed sources give figures that differ. This is reported "
              "for information: the story may rightly quote both."),
    "FC103": ("syndication", "note",
              "Near-duplicate text across files counted as one source.",
              "The same wire copy reprinted in several files is one source, not several "
              "confirmations; its claims are grouped into one cluster."),
    "FC104": ("unresolved-key", "note",
              "A clashing figure whose subject is uncertain.",
              "The figures differ, but the entity, metric, period or modality of at least one "
              "could not be resolved with confidence, so no conflict is asserted."),
    "FC201": ("percent-change", "warning",
              "A percent change does not match the levels it relates.",
              "The change stated as a percentage was recomputed from the two levels in the "
              "same article and differs beyond rounding."),
    "FC202": ("parts-total", "warning",
              "Parts do not add up to the stated total.",
              "The parts named in an article were summed and compared with the total it gives."),
    "FC203": ("rate-total", "warning",
              "A rate does not match the total over its period.",
              "A per-day or per-month rate times the length of the period differs from the "
              "total the article states for that period."),
    "FC204": ("share", "warning",
              "A share does not match its part and whole.",
              "A stated share was recomputed from the part and the whole given in the article."),
    "FC205": ("difference", "warning",
              "A stated difference does not match its terms.",
              "The difference between two figures was recomputed and compared with the "
              "difference the article states."),
    "FC206": ("record", "warning",
              "A record claim is contradicted by a higher earlier figure.",
              "The article calls a figure a record, yet a higher figure for an earlier period "
              "appears in the corpus."),
    "FC207": ("conversion", "warning",
              "Figures in different units do not convert into each other.",
              "Figures for the same thing given in tonnes and barrels, or per day and per year, "
              "were converted and compared."),
}

LEVELS = {"error": "error", "warning": "warning", "info": "note", "note": "note",
          "none": "none"}


def _version() -> str:
    try:
        return metadata.version("factcheck")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        return "0.0.0"


def rule_metadata(report: Report) -> dict[str, dict[str, str]]:
    """code -> {name, level, short, full, help} from the Report, else from RULE_TABLE.

    The Report may carry summary["rules"] as {code: {...}} or [{id/code: ...}, ...] with
    any of: name, kind, severity/level, description/short, rationale/full, help.
    """
    carried: dict[str, Mapping[str, Any]] = {}
    raw = report.summary.get("rules") if isinstance(report.summary, Mapping) else None
    if isinstance(raw, Mapping):
        carried = {str(k): v for k, v in raw.items() if isinstance(v, Mapping)}
    elif isinstance(raw, (list, tuple)):
        for item in raw:
            if isinstance(item, Mapping) and (item.get("id") or item.get("code")):
                carried[str(item.get("id") or item.get("code"))] = item
    codes = set(RULE_TABLE) | set(carried) | {f.rule for f in report.findings}
    out: dict[str, dict[str, str]] = {}
    for code in sorted(codes):
        name, level, short, full = RULE_TABLE.get(code, (code.lower(), "warning", code, code))
        c = carried.get(code, {})
        name = str(c.get("name") or c.get("kind") or name)
        level = LEVELS.get(str(c.get("level") or c.get("severity") or level), "warning")
        short = str(c.get("short") or c.get("description") or c.get("message") or short)
        full = str(c.get("full") or c.get("rationale") or c.get("description") or full)
        help_text = str(c.get("help") or full)
        out[code] = {"name": name, "level": level, "short": short, "full": full,
                     "help": help_text}
    return out


def _relative_uri(path: str, run_root: str) -> str:
    p = path.replace("\\", "/")
    if os.path.isabs(path):
        try:
            p = Path(os.path.relpath(path, run_root)).as_posix()
        except ValueError:  # another drive on Windows: keep it absolute
            return Path(path).as_uri()
    p = posixpath.normpath(p)
    if p.startswith("./"):
        p = p[2:]
    return quote(p, safe="/-._~")


def _root_uri(run_root: str) -> str:
    uri = Path(os.path.abspath(run_root)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _location(claim: Claim, run_root: str, message: str | None = None,
              loc_id: int | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": max(1, claim.line),
        "startColumn": claim.start + 1,
        "endColumn": max(claim.end, claim.start + 1) + 1,
        "snippet": {"text": claim.text},
    }
    loc: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": _relative_uri(claim.path, run_root),
                                 "uriBaseId": SRCROOT},
            "region": region,
            "contextRegion": {"startLine": max(1, claim.line),
                              "snippet": {"text": claim.sentence}},
        }
    }
    if loc_id is not None:
        loc["id"] = loc_id
    if message:
        loc["message"] = {"text": message}
    return loc


def _describe_claim(claim: Claim) -> str:
    who = f" according to {claim.attribution}" if claim.attribution else ""
    return f"{claim.text}{who} ({claim.path}:{claim.line}:{claim.start + 1})"


def _result(finding: Finding, rule_index: int, claims: Mapping[str, Claim],
            run_root: str) -> dict[str, Any]:
    present = [claims[c] for c in finding.claims if c in claims]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message or finding.rule},
        "partialFingerprints": {FINGERPRINT_KEY: finding.id},
        "properties": {"kind": finding.kind, "findingId": finding.id},
    }
    if present:
        result["locations"] = [_location(present[0], run_root)]
        related = [_location(c, run_root, message="Also: " + _describe_claim(c), loc_id=i)
                   for i, c in enumerate(present[1:], start=1)]
        if related:
            result["relatedLocations"] = related
    explanation = finding.details.get("explanation") if finding.details else None
    if explanation:
        result["properties"]["explanation"] = str(explanation)
    return result


def report_to_sarif(report: Report, *, run_root: str = ".") -> dict:
    """The Report as one SARIF 2.1.0 log with a single run."""
    rules = rule_metadata(report)
    codes = list(rules)
    index = {code: i for i, code in enumerate(codes)}
    claims = {c.id: c for c in report.claims}
    driver_rules = []
    for code in codes:
        r = rules[code]
        driver_rules.append({
            "id": code,
            "name": _pascal(r["name"]),
            "shortDescription": {"text": r["short"]},
            "fullDescription": {"text": r["full"]},
            "help": {"text": r["help"],
                     "markdown": f"**{code} {r['name']}**: {r['help']}"},
            "defaultConfiguration": {"level": r["level"]},
            "properties": {"kind": r["name"]},
        })
    results = [_result(f, index[f.rule], claims, run_root) for f in report.findings]
    artifacts = sorted({_relative_uri(a.path, run_root) for a in report.articles})
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "factcheck",
            "version": _version(),
            "informationUri": INFORMATION_URI,
            "rules": driver_rules,
        }},
        "originalUriBaseIds": {SRCROOT: {"uri": _root_uri(run_root)}},
        "artifacts": [{"location": {"uri": u, "uriBaseId": SRCROOT}} for u in artifacts],
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    notifications = [
        {"level": "error" if p.level == "error" else "warning",
         "message": {"text": p.message},
         "locations": [{"physicalLocation": {"artifactLocation": {
             "uri": _relative_uri(p.path, run_root), "uriBaseId": SRCROOT}}}]}
        for p in report.problems]
    run["invocations"] = [{"executionSuccessful": True,
                           "toolExecutionNotifications": notifications}]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in
                   name.replace("_", "-").replace(" ", "-").split("-") if part)
