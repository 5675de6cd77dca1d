"""Unit knowledge: rules/units.txt (pint definitions) plus rules/unit_aliases.yaml.

pint is used only here, once, to turn every canonical unit into a plain (factor, offset,
dimensionality) triple; after loading, conversion is dictionary arithmetic, which keeps
per-quantity work far from pint's parser.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.rules import DEFAULT_RULES_DIR, Field, RulesError, load_yaml, validate
from factcheck.frame.lazy_pattern import deferred

DimKey = tuple[tuple[str, int], ...]

_DEFINITION_LINE = deferred(
    r"^\s*(?:#.*|@.*|[^=\s#][^=#]*?=[^=].*|)$"
    # inside @context: "[mass] -> [length] ** 3: value * factor * barrel / tonne"
    r"|^\s+\[[^\]]+\][^:]*->[^:]*:.+$")
_UNIT_NAME = deferred(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=")


@dataclass(frozen=True)
class UnitInfo:
    name: str
    factor: float          # value in unit * factor + offset = value in SI base units
    offset: float
    dims: DimKey           # pint dimensionality, e.g. (("[length]", 3), ("[time]", -1))
    dimension: str         # the project's dimension name ("oil_flow", "mass", ...)


@dataclass(frozen=True)
class Form:
    """One way a unit is written after a number."""

    text: str
    unit: str
    factor: float
    words: bool            # matched case-insensitively, plural allowed


@dataclass
class UnitTable:
    units: dict[str, UnitInfo]
    forms: list[Form]
    currency_prefix: dict[str, str]          # written symbol -> currency code
    currency_suffix: dict[str, str]          # lower-cased written word -> currency code
    currency_minor: dict[str, str]           # "cents" -> "USD" (1/100)
    denominators: dict[str, str]             # lower-cased written word -> denominator name
    denominator_adverbs: dict[str, str]      # "annually" -> "yr"
    denominator_info: dict[str, UnitInfo]
    equivalents: dict[str, str]
    compound_dimensions: dict[str, str]
    comparison_units: dict[str, str]
    scaled_pounds_are: str = "GBP"
    _cache: dict[str, UnitInfo | None] = field(default_factory=dict, repr=False)

    # -- lookups ----------------------------------------------------------------------
    def info(self, unit: str) -> UnitInfo | None:
        """The UnitInfo of a canonical or compound ("USD/t") unit, or None if unknown."""
        if unit in self.units:
            return self.units[unit]
        if unit in self._cache:
            return self._cache[unit]
        found = None
        if "/" in unit:
            num, _, den = unit.rpartition("/")
            a = self.units.get(num) or self.info(num) if num else None
            b = self.denominator_info.get(den) or self.units.get(den)
            if a is not None and b is not None and a.offset == 0 and b.offset == 0:
                dims = _combine(a.dims, b.dims)
                dim_name = self.compound_dimensions.get(
                    f"{a.dimension}/{b.dimension}", f"{a.dimension}/{b.dimension}")
                found = UnitInfo(unit, a.factor / b.factor, 0.0, dims, dim_name)
        self._cache[unit] = found
        return found

    def compound(self, num: str, den: str) -> str:
        """The canonical name of num per den ("t" per "yr" -> "t/yr")."""
        name = f"{num}/{den}"
        return self.equivalents.get(name, name)

    def dimension(self, unit: str) -> str:
        if unit == "":
            return ""
        info = self.info(unit)
        if info is None:
            raise KeyError(f"unknown unit {unit!r}")
        return info.dimension

    def comparable(self, a: str, b: str) -> bool:
        if a == b:
            return True
        ia, ib = self.info(a), self.info(b)
        return ia is not None and ib is not None and ia.dims == ib.dims

    def convert(self, value: float, from_unit: str, to_unit: str) -> float:
        if from_unit == to_unit:
            return value
        ia, ib = self.info(from_unit), self.info(to_unit)
        if ia is None:
            raise KeyError(f"unknown unit {from_unit!r}")
        if ib is None:
            raise KeyError(f"unknown unit {to_unit!r}")
        if ia.dims != ib.dims:
            raise ValueError(f"cannot convert {from_unit!r} to {to_unit!r}: different dimensions")
        return ((value * ia.factor + ia.offset) - ib.offset) / ib.factor

    def to_base(self, value: float, unit: str) -> tuple[float, str]:
        """The value in its dimension's comparison unit (the unit itself when none)."""
        if unit == "":
            return value, ""
        info = self.info(unit)
        if info is None:
            raise KeyError(f"unknown unit {unit!r}")
        target = self.comparison_units.get(info.dimension)
        if target and target != unit and self.comparable(unit, target):
            return self.convert(value, unit, target), target
        return value, unit


def _combine(a: DimKey, b: DimKey) -> DimKey:
    out = dict(a)
    for k, v in b:
        out[k] = out.get(k, 0) - v
    return tuple(sorted((k, v) for k, v in out.items() if v))


_lock = threading.Lock()
_tables: dict[str, UnitTable] = {}


def load_units(rules_dir: str | Path | None = None) -> UnitTable:
    """Load (once per folder) the unit table. RulesError names file and line on a bad file."""
    folder = Path(rules_dir) if rules_dir is not None else DEFAULT_RULES_DIR
    key = str(folder.resolve())
    with _lock:
        table = _tables.get(key)
        if table is None:
            table = _build(folder)
            _tables[key] = table
        return table


def adopt_units(rules_dir: str | Path | None, table: UnitTable) -> None:
    """Let load_units answer for `rules_dir` with a table loaded elsewhere (the engine's
    cached rules), instead of parsing the folder's unit files again."""
    folder = Path(rules_dir) if rules_dir is not None else DEFAULT_RULES_DIR
    with _lock:
        _tables.setdefault(str(folder.resolve()), table)


def _check_definitions(path: Path) -> None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise RulesError(path, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(path, f"cannot read: {exc}") from None
    for no, line in enumerate(lines, 1):
        if not _DEFINITION_LINE.match(line) or re.search(r"=\s*=", line):
            raise RulesError(path, f"not a pint definition: {line.strip()!r}", line=no)


def _pint_registry(path: Path):
    import pint  # imported here: only loading needs it

    _check_definitions(path)
    try:
        ureg = pint.UnitRegistry(str(path), autoconvert_offset_to_baseunit=True)
    except Exception as exc:  # pint raises several types; all mean a bad file
        line = getattr(exc, "lineno", None)
        raise RulesError(path, f"pint cannot load it: {exc}", line=line) from None
    _resolve_every_unit(ureg, path)
    return ureg


def _resolve_every_unit(ureg, path: Path) -> None:
    """pint resolves a definition only when it is first used; a unit defined from a
    misspelt one would otherwise pass loading and fail in the middle of a run."""
    block = 0
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith(("@context", "@group", "@system", "@defaults")):
            block += 1
        elif stripped == "@end":
            block = max(0, block - 1)
        if block or line[:1].isspace():
            continue
        match = _UNIT_NAME.match(stripped)
        if not match:
            continue
        try:
            ureg.Quantity(1.0, match.group(1)).to_base_units()
        except Exception as exc:
            raise RulesError(path, f"unit {match.group(1)!r} cannot be resolved: {exc}",
                             line=no) from None


def _unit_info(ureg, name: str, expr: str, dimension: str, path: Path, line: int | None) -> UnitInfo:
    try:
        q0 = ureg.Quantity(0.0, expr).to_base_units()
        q1 = ureg.Quantity(1.0, expr).to_base_units()
        dims = tuple(sorted((str(k), int(v)) for k, v in q1.dimensionality.items()))
    except Exception as exc:
        raise RulesError(path, f"unit {name!r}: pint cannot read {expr!r} ({exc})",
                         line=line) from None
    offset = float(q0.magnitude)
    return UnitInfo(name, float(q1.magnitude) - offset, offset, dims, dimension)


def _strings(path, value, line, field):
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulesError(path, "expected a list of strings", line=line, field=field)
    return value


def _build(folder: Path) -> UnitTable:
    ureg = _pint_registry(folder / "units.txt")
    apath = folder / "unit_aliases.yaml"
    data = load_yaml(apath)
    validate(apath, data, {
        "units": Field(dict, required=True),
        "forms": Field(list, required=True),
        "currencies": Field(dict, required=True),
        "scaled_pounds_are": Field(str),
        "denominators": Field(dict, required=True),
        "equivalents": Field(dict),
        "compound_dimensions": Field(dict),
        "comparison_units": Field(dict),
    })
    units: dict[str, UnitInfo] = {}
    for name, spec in data["units"].items():
        line = data["units"].line_of(name)
        validate(apath, spec, {"pint": Field(str, required=True),
                               "dimension": Field(str, required=True)}, where=f"units.{name}")
        units[str(name)] = _unit_info(ureg, str(name), spec["pint"], spec["dimension"], apath, line)

    forms: list[Form] = []
    for i, spec in enumerate(data["forms"]):
        where = f"forms[{i}]"
        validate(apath, spec, {"unit": Field(str, required=True), "factor": Field((int, float)),
                               "words": Field(list), "symbols": Field(list)}, where=where)
        line = getattr(spec, "line", None)
        if spec["unit"] not in units:
            raise RulesError(apath, f"unknown unit {spec['unit']!r} (declare it under units:)",
                             line=line, field=f"{where}.unit")
        factor = float(spec.get("factor", 1.0))
        for w in _strings(apath, spec.get("words", []), line, f"{where}.words"):
            forms.append(Form(w, spec["unit"], factor, True))
        for s in _strings(apath, spec.get("symbols", []), line, f"{where}.symbols"):
            forms.append(Form(s, spec["unit"], factor, False))

    cur = data["currencies"]
    validate(apath, cur, {"prefix": Field(dict, required=True), "suffix": Field(dict, required=True),
                          "minor": Field(dict)}, where="currencies")
    prefix, suffix, minor = {}, {}, {}
    for section, target, lower in (("prefix", prefix, False), ("suffix", suffix, True),
                                   ("minor", minor, True)):
        block = cur.get(section, {})
        for code, written in block.items():
            line = block.line_of(code) if hasattr(block, "line_of") else None
            if code not in units or units[code].dimension != "currency":
                raise RulesError(apath, f"unknown currency {code!r}", line=line,
                                 field=f"currencies.{section}")
            for w in _strings(apath, written, line, f"currencies.{section}.{code}"):
                target[w.lower() if lower else w] = code

    dens, adverbs, den_info = {}, {}, {}
    for name, spec in data["denominators"].items():
        line = data["denominators"].line_of(name)
        validate(apath, spec, {"pint": Field(str, required=True), "words": Field(list, required=True),
                               "adverbs": Field(list)}, where=f"denominators.{name}")
        info = _unit_info(ureg, name, spec["pint"], "", apath, line)
        dim = next((u.dimension for u in units.values() if u.dims == info.dims), name)
        den_info[name] = UnitInfo(name, info.factor, info.offset, info.dims, dim)
        for w in _strings(apath, spec["words"], line, f"denominators.{name}.words"):
            dens[w.lower()] = name
        for w in _strings(apath, spec.get("adverbs", []), line, f"denominators.{name}.adverbs"):
            adverbs[w.lower()] = name

    return UnitTable(
        units=units, forms=forms, currency_prefix=prefix, currency_suffix=suffix,
        currency_minor=minor, denominators=dens, denominator_adverbs=adverbs,
        denominator_info=den_info,
        equivalents={str(k): str(v) for k, v in (data.get("equivalents") or {}).items()},
        compound_dimensions={str(k): str(v) for k, v in
                             (data.get("compound_dimensions") or {}).items()},
        comparison_units={str(k): str(v) for k, v in (data.get("comparison_units") or {}).items()},
        scaled_pounds_are=data.get("scaled_pounds_are", "GBP"),
    )
