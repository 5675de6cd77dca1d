"""Building findings: fingerprints that survive line moves, and one fixed order.

A finding's id is what a baseline remembers, so it hashes what the finding is about, not
which figures happen to cite it: a keyed finding (FC101/102/104) is its rule, key and set
of distinct values; an arithmetic one its rule, key, and reported and computed values. A
new article repeating an accepted figure adds a citation but keeps the id; a changed
figure changes it.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any, Iterable, Mapping, Sequence

from factcheck.model import SEVERITY_RANK, Claim, Finding


def fingerprint(rule: str, key: str, parts: Iterable[str]) -> str:
    """sha1 of rule + key + the sorted distinct parts (values, or claim ids as a fallback)."""
    payload = "\x1f".join([rule, key, *sorted(set(parts))])
    return "f" + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def value_token(value: float | None, low: float, high: float, unit: str) -> str:
    """One distinct value, to 6 significant digits, so float noise cannot move an id."""
    def fmt(x: float) -> str:
        return f"{x:.6g}" if math.isfinite(x) else ("+inf" if x > 0 else "-inf")

    if value is not None and math.isfinite(value):
        shown = fmt(value)
    else:
        shown = f"{fmt(low)}..{fmt(high)}"
    return f"{shown} {unit}".strip()


def claim_order(claim: Claim) -> tuple:
    return (claim.path, claim.line, claim.start, claim.end, claim.id)


def make_finding(rule: str, kind: str, severity: str, key: str, message: str,
                 claims: Sequence[Claim], details: Mapping[str, Any],
                 identity: Iterable[str] | None = None) -> Finding:
    """`identity`: the values the id hashes (see module doc); claim ids when None."""
    ordered = sorted(claims, key=claim_order)
    ids = tuple(dict.fromkeys(c.id for c in ordered))
    parts = list(identity) if identity is not None else ids
    return Finding(id=fingerprint(rule, key, parts), rule=rule, kind=kind, severity=severity,
                   message=message, claims=ids, details=dict(details, key_text=key))


def merge_same_id(findings: Iterable[Finding],
                  claims_by_id: Mapping[str, Claim]) -> list[Finding]:
    """One finding per id: copies of one figure elsewhere add their citations to it."""
    merged: dict[str, Finding] = {}
    for finding in findings:
        first = merged.get(finding.id)
        if first is None:
            merged[finding.id] = finding
            continue
        ids = set(first.claims) | set(finding.claims)
        known = sorted((claims_by_id[i] for i in ids if i in claims_by_id), key=claim_order)
        ordered = tuple(c.id for c in known) + tuple(sorted(i for i in ids
                                                            if i not in claims_by_id))
        merged[finding.id] = Finding(first.id, first.rule, first.kind, first.severity,
                                     first.message, ordered, first.details)
    return list(merged.values())


def sort_findings(findings: Iterable[Finding], claims_by_id: Mapping[str, Claim]) -> list[Finding]:
    """Severity (worst first), rule, key, first citation, id."""

    def order(f: Finding) -> tuple:
        first = claims_by_id.get(f.claims[0]) if f.claims else None
        citation = claim_order(first) if first else ("", 0, 0, 0, "")
        return (-SEVERITY_RANK.get(f.severity, 0), f.rule, str(f.details.get("key_text", "")),
                citation, f.id)

    return sorted(findings, key=order)
