"""rules/checks.yaml: which checks run, at which severity, with which tolerances.

Each entry instantiates one check kind (see registry.py). A malformed file is a RulesError
naming the file, the line and the field, like every other rules file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from factcheck.checks.registry import CHECK_KINDS, INFO_ONLY_KINDS
from factcheck.model import SEVERITIES
from factcheck.rules import DEFAULT_RULES_DIR, Field, LineDict, RulesError, load_yaml, validate

CHECKS_FILE = "checks.yaml"
DEFAULT_TOLERANCE = 0.005
DEFAULT_MIN_CONFIDENCE = 0.7

_CODE = re.compile(r"^FC\d{3}$")


@dataclass(frozen=True)
class RuleConfig:
    """One entry of checks.yaml."""

    code: str
    kind: str
    severity: str
    enabled: bool = True
    description: str = ""
    tolerance_default: float = DEFAULT_TOLERANCE
    tolerance_by_metric: Mapping[str, float] = field(default_factory=dict)
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    params: Mapping[str, Any] = field(default_factory=dict)
    line: int | None = None

    def tolerance(self, metric: str) -> float:
        """Relative tolerance for a metric: its own if listed, else its base id's
        ("exports:to United States" falls back to "exports"), else the rule's default."""
        if metric in self.tolerance_by_metric:
            return float(self.tolerance_by_metric[metric])
        base = metric.split(":", 1)[0]
        return float(self.tolerance_by_metric.get(base, self.tolerance_default))

    def param(self, name: str, default: Any) -> Any:
        return self.params.get(name, default)


@dataclass(frozen=True)
class CheckRules:
    checks: tuple[RuleConfig, ...]
    path: str = ""
    version: int = 1

    @property
    def folder(self) -> str:
        """The rules folder checks.yaml was loaded from ("" when built in code)."""
        return str(Path(self.path).parent) if self.path else ""

    def get(self, code: str) -> RuleConfig | None:
        for rule in self.checks:
            if rule.code == code:
                return rule
        return None

    def of_kind(self, kind: str) -> RuleConfig | None:
        """The first enabled rule of a kind (checks that cooperate read each other's settings)."""
        for rule in self.checks:
            if rule.kind == kind and rule.enabled:
                return rule
        return None

    @property
    def enabled(self) -> tuple[RuleConfig, ...]:
        return tuple(r for r in self.checks if r.enabled)


def _fraction(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "must be a number"
    if not 0 <= value < 1:
        return "must be a fraction between 0 and 1 (0.005 is half a percent)"
    return None


def _severity(value: Any) -> str | None:
    if value not in SEVERITIES:
        return f"unknown severity '{value}' (allowed: {', '.join(SEVERITIES)})"
    return None


def _code(value: Any) -> str | None:
    return None if _CODE.match(str(value)) else f"'{value}' is not a rule code like FC101"


_ENTRY = {
    "code": Field(str, required=True, check=_code),
    "kind": Field(str, required=True),
    "severity": Field(str, required=True, check=_severity),
    "enabled": Field(bool),
    "description": Field(str),
    "tolerance": Field((int, float, dict)),
    "min_confidence": Field((int, float), check=_fraction),
    "params": Field(dict),
}
_TOLERANCE = {
    "default": Field((int, float), check=_fraction),
    "metrics": Field(dict),
}
_TOP = {
    "version": Field(int),
    "checks": Field(list, required=True),
}


def _line(data: Any, key: Any = None) -> int | None:
    if isinstance(data, LineDict):
        return data.line_of(key) if key is not None else data.line
    return None


def _parse_tolerance(path: Path, entry: LineDict, where: str) -> tuple[float, dict[str, float]]:
    raw = entry.get("tolerance", DEFAULT_TOLERANCE)
    if not isinstance(raw, dict):
        problem = _fraction(raw)
        if problem:
            raise RulesError(path, problem, line=_line(entry, "tolerance"),
                             field=f"{where}.tolerance")
        return float(raw), {}
    validate(path, raw, _TOLERANCE, where=f"{where}.tolerance")
    default = float(raw.get("default", DEFAULT_TOLERANCE))
    by_metric: dict[str, float] = {}
    metrics = raw.get("metrics", {})
    for metric, value in metrics.items():
        problem = _fraction(value)
        if problem:
            raise RulesError(path, problem, line=_line(metrics, metric),
                             field=f"{where}.tolerance.metrics.{metric}")
        by_metric[str(metric)] = float(value)
    return default, by_metric


def parse_check_rules(path: Path, data: Any) -> CheckRules:
    if data is None:
        raise RulesError(path, "file is empty: expected a 'checks' list")
    validate(path, data, _TOP)
    entries = data["checks"]
    seen: dict[str, int | None] = {}
    rules: list[RuleConfig] = []
    for i, entry in enumerate(entries):
        where = f"checks[{i}]"
        validate(path, entry, _ENTRY, where=where)
        code, kind, severity = entry["code"], entry["kind"], entry["severity"]
        enabled = entry.get("enabled", True)
        if code in seen:
            raise RulesError(path, f"duplicate rule code (first at line {seen[code]})",
                             line=_line(entry, "code"), field=f"{where}.code")
        seen[code] = _line(entry, "code")
        # A rule for a kind not built yet may be listed, switched off, ahead of its code.
        if kind not in CHECK_KINDS and enabled:
            known = ", ".join(sorted(CHECK_KINDS))
            raise RulesError(path, f"unknown check kind '{kind}' (known: {known}; "
                             "list a future kind with enabled: false)",
                             line=_line(entry, "kind"), field=f"{where}.kind")
        if kind in INFO_ONLY_KINDS and severity != "info":
            raise RulesError(path, f"kind '{kind}' is informational: severity must be info",
                             line=_line(entry, "severity"), field=f"{where}.severity")
        default, by_metric = _parse_tolerance(path, entry, where)
        rules.append(RuleConfig(
            code=code, kind=kind, severity=severity, enabled=enabled,
            description=" ".join(str(entry.get("description", "")).split()),
            tolerance_default=default, tolerance_by_metric=by_metric,
            min_confidence=float(entry.get("min_confidence", DEFAULT_MIN_CONFIDENCE)),
            params=dict(entry.get("params", {})), line=_line(entry)))
    return CheckRules(checks=tuple(rules), path=str(path), version=int(data.get("version", 1)))


def load_check_rules(rules_dir: str | Path | None = None) -> CheckRules:
    """Load rules_dir/checks.yaml (a file path is accepted too). Raises RulesError."""
    base = Path(rules_dir) if rules_dir else DEFAULT_RULES_DIR
    path = base if base.suffix in (".yaml", ".yml") else base / CHECKS_FILE
    return parse_check_rules(path, load_yaml(path))


def rule_codes(rules: CheckRules) -> list[str]:
    """Every code the rules define, enabled or not (inline suppressions may name any)."""
    return sorted(r.code for r in rules.checks)
