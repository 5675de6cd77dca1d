"""Loading the rules folder: YAML and pint files a desk edits without touching Python.

Every problem is a RulesError naming the file, the line and the field, so the CLI can
print it and exit 2. Validation is by a small declarative schema (`Field`) rather than a
dependency: the files are few and flat, and the messages must point at a line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import yaml

# The project's rules/ folder, reached through factcheck/default_rules (a link in the source
# tree, a real folder of package data in an installed wheel), so installs find it too.
DEFAULT_RULES_DIR = (Path(__file__).parent / "default_rules").resolve()


class RulesError(Exception):
    def __init__(self, path: str | os.PathLike, message: str, line: int | None = None,
                 field: str | None = None):
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message
        where = self.path + (f":{line}" if line else "")
        what = f" field '{field}':" if field else ""
        super().__init__(f"{where}:{what} {message}")


@dataclass(frozen=True)
class Field:
    """One allowed key of a mapping in a rules file."""

    type: type | tuple[type, ...]
    required: bool = False
    check: Callable[[Any], str | None] | None = None   # returns an error message or None


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping and of every key in it."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False):
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


class LineDict(dict):
    """A dict that knows the source line of itself and of each key."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line: int | None = None
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int | None:
        return self.key_lines.get(key, self.line)


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: str | os.PathLike) -> Any:
    """Parse a YAML rules file; mappings come back as LineDict. Raises RulesError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(path, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(path, f"cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RulesError(path, f"YAML error: {exc.problem or exc}", line=line) from None
    except yaml.YAMLError as exc:
        raise RulesError(path, f"YAML error: {exc}") from None


def validate(path: str | os.PathLike, data: Any, schema: Mapping[str, Field],
             where: str = "") -> None:
    """Check one mapping against a schema: unknown keys, missing keys, wrong types."""
    line = getattr(data, "line", None)
    if not isinstance(data, dict):
        raise RulesError(path, f"{where or 'entry'} must be a mapping", line=line)
    for key in data:
        if key not in schema:
            allowed = ", ".join(sorted(schema))
            raise RulesError(path, f"unknown field (allowed: {allowed})",
                             line=data.line_of(key) if isinstance(data, LineDict) else line,
                             field=f"{where}.{key}" if where else str(key))
    for key, spec in schema.items():
        name = f"{where}.{key}" if where else key
        if key not in data:
            if spec.required:
                raise RulesError(path, "required field missing", line=line, field=name)
            continue
        value = data[key]
        key_line = data.line_of(key) if isinstance(data, LineDict) else line
        if not isinstance(value, spec.type) or (isinstance(value, bool) and bool not in (
                spec.type if isinstance(spec.type, tuple) else (spec.type,))):
            want = spec.type.__name__ if isinstance(spec.type, type) else " or ".join(
                t.__name__ for t in spec.type)
            raise RulesError(path, f"expected {want}, got {type(value).__name__}",
                             line=key_line, field=name)
        if spec.check:
            problem = spec.check(value)
            if problem:
                raise RulesError(path, problem, line=key_line, field=name)
