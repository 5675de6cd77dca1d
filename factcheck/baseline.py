"""Baselines: record today's accepted findings, then fail only on new ones.

A baseline entry is a finding's fingerprint, which does not depend on line numbers, so
editing text above a finding keeps it matched; changing a figure gives a new fingerprint
and therefore a new finding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.model import Finding, Report

SCHEMA = "factcheck.baseline/1"


class BaselineError(Exception):
    pass


@dataclass(frozen=True)
class BaselineResult:
    report: Report
    suppressed: int
    stale: tuple[dict, ...]       # baseline entries that matched nothing this run


def baseline_document(report: Report) -> str:
    entries = [{"id": f.id, "rule": f.rule, "severity": f.severity, "message": f.message}
               for f in sorted(report.findings, key=lambda f: f.id)]
    return json.dumps({"schema": SCHEMA, "findings": entries}, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: str | Path) -> list[dict]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: baseline is not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or "schema" not in data:
        raise BaselineError(f"{path}: not a factcheck baseline (no 'schema' field)")
    if data["schema"] != SCHEMA:
        raise BaselineError(
            f"{path}: baseline schema '{data['schema']}' is not supported (expected '{SCHEMA}'); "
            "record it again with `factcheck baseline`")
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("id"), str)
                                                for e in entries):
        raise BaselineError(f"{path}: 'findings' must be a list of objects with an 'id'")
    return entries


def apply_baseline(report: Report, entries: list[dict]) -> BaselineResult:
    accepted = {e["id"] for e in entries}
    kept: list[Finding] = []
    dropped: list[Finding] = []
    for finding in report.findings:
        (dropped if finding.id in accepted else kept).append(finding)
    present = {f.id for f in report.findings}
    stale = tuple(e for e in entries if e["id"] not in present)
    summary = dict(report.summary)
    summary["baseline"] = {"suppressed": len(dropped), "stale": len(stale)}
    from factcheck.report.json_report import summarise

    summary.update(summarise(kept))
    new = replace(report, findings=tuple(kept), summary=summary,
                  suppressed=tuple(report.suppressed) + tuple(dropped))
    return BaselineResult(new, len(dropped), stale)
