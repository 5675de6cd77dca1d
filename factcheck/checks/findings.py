"""Building findings: fingerprints that survive line moves, and one fixed order."""

from __future__ import annotations

import hashlib
from typing import Any, Iterable, Mapping, Sequence

from factcheck.model import SEVERITY_RANK, Claim, Finding


def fingerprint(rule: str, key: str, claim_ids: Iterable[str]) -> str:
    """sha1 of rule + key + sorted claim ids; claim ids do not depend on line numbers."""
    payload = "\x1f".join([rule, key, *sorted(claim_ids)])
    return "f" + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def claim_order(claim: Claim) -> tuple:
    return (claim.path, claim.line, claim.start, claim.end, claim.id)


def make_finding(rule: str, kind: str, severity: str, key: str, message: str,
                 claims: Sequence[Claim], details: Mapping[str, Any]) -> Finding:
    ordered = sorted(claims, key=claim_order)
    ids = tuple(dict.fromkeys(c.id for c in ordered))
    return Finding(id=fingerprint(rule, key, ids), rule=rule, kind=kind, severity=severity,
                   message=message, claims=ids, details=dict(details, key_text=key))


def sort_findings(findings: Iterable[Finding], claims_by_id: Mapping[str, Claim]) -> list[Finding]:
    """Severity (worst first), rule, key, first citation, id."""

    def order(f: Finding) -> tuple:
        first = claims_by_id.get(f.claims[0]) if f.claims else None
        citation = claim_order(first) if first else ("", 0, 0, 0, "")
        return (-SEVERITY_RANK.get(f.severity, 0), f.rule, str(f.details.get("key_text", "")),
                citation, f.id)

    return sorted(findings, key=order)
