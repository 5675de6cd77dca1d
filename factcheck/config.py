"""Run configuration: [tool.factcheck] in pyproject.toml or a factcheck.toml, then flags.

Precedence, lowest first: built-in defaults, the config file found in the working
directory, command-line flags. A bad config file is a ConfigError (exit 2) naming the file
and key, never a silent default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from factcheck.rules import DEFAULT_RULES_DIR

FORMATS_RUN = ("table", "json", "sarif", "markdown")
FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    rules: str = str(DEFAULT_RULES_DIR)
    fail_on: str = "error"
    format: str = "table"
    output: str = ""                      # "" = stdout for --format, reports/report.json always
    html: str = "reports/report.html"
    json: str = "reports/report.json"
    no_html: bool = False
    baseline: str = ""
    paths: tuple[str, ...] = ("seeds",)
    ignore: tuple[str, ...] = ()          # glob patterns of paths to leave out
    source: str = ""                      # the file this came from, for messages

    def merged(self, **overrides: Any) -> "Config":
        """Flags override the file; a None flag means 'not given'."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **given)


_KEYS = {f.name for f in fields(Config)} - {"source"}
_KEY_ALIASES = {"fail-on": "fail_on", "no-html": "no_html"}


def _coerce(path: Path, key: str, value: Any, default: Any) -> Any:
    if isinstance(default, tuple):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: [tool.factcheck] {key}: expected a list of strings")
        return tuple(value)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: [tool.factcheck] {key}: expected true or false")
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{path}: [tool.factcheck] {key}: expected a string")
    return value


def load_config(cwd: str | Path = ".", explicit: str | None = None) -> Config:
    """Read factcheck.toml (top level) or pyproject.toml ([tool.factcheck]) from cwd."""
    cwd = Path(cwd)
    candidates = [Path(explicit)] if explicit else [cwd / "factcheck.toml", cwd / "pyproject.toml"]
    for path in candidates:
        if not path.is_file():
            if explicit:
                raise ConfigError(f"{path}: config file not found")
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise ConfigError(f"{path}: cannot read config: {exc}") from None
        section = data.get("tool", {}).get("factcheck") if path.name == "pyproject.toml" else \
            data.get("tool", {}).get("factcheck", data)
        if section is None:
            continue
        return _from_section(path, section)
    return Config()


def _from_section(path: Path, section: dict) -> Config:
    base = Config()
    values: dict[str, Any] = {}
    for raw_key, value in section.items():
        key = _KEY_ALIASES.get(raw_key, raw_key.replace("-", "_"))
        if key not in _KEYS:
            allowed = ", ".join(sorted(k.replace("_", "-") for k in _KEYS))
            raise ConfigError(f"{path}: [tool.factcheck] unknown key '{raw_key}' (allowed: {allowed})")
        values[key] = _coerce(path, raw_key, value, getattr(base, key))
    if "fail_on" in values and values["fail_on"] not in FAIL_ON:
        raise ConfigError(f"{path}: [tool.factcheck] fail-on: must be one of {', '.join(FAIL_ON)}")
    if "format" in values and values["format"] not in FORMATS_RUN:
        raise ConfigError(f"{path}: [tool.factcheck] format: must be one of {', '.join(FORMATS_RUN)}")
    if "rules" in values:
        values["rules"] = str((path.parent / values["rules"]).resolve())
    return replace(base, source=str(path), **values)
