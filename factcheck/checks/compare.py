"""Putting two figures on one scale and deciding whether they can both be right.

A figure is an interval (Quantity.low/high: written precision and qualifier together).
Two figures conflict when their intervals, in one comparison unit, cannot meet even after
widening by the metric's relative tolerance.

Conversion asks the unit registry (factcheck.extract.units) of the run's rules folder first
(`units_folder` sets it for a run; the default folder otherwise); a small table of the
canonical units stands in while that registry is unavailable, so the checks never depend
on the parser being importable.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import regex

from factcheck.model import Claim, Quantity

# canonical unit -> (comparison unit, factor to it). Currencies never convert (no FX).
_FALLBACK: dict[str, tuple[str, float]] = {
    "bbl/d": ("bbl/d", 1.0), "boe/d": ("boe/d", 1.0), "bbl": ("bbl", 1.0),
    "t": ("t", 1.0), "kg": ("t", 0.001),
    "t/yr": ("t/yr", 1.0), "t/month": ("t/yr", 12.0),
    "m3": ("m3", 1.0), "m3/yr": ("m3/yr", 1.0),
    "km": ("m", 1000.0), "m": ("m", 1.0), "mi": ("m", 1609.344),
    "km/h": ("km/h", 1.0), "mph": ("km/h", 1.609344),
    "year": ("day", 365.25), "month": ("day", 30.4375), "week": ("day", 7.0),
    "day": ("day", 1.0), "hour": ("day", 1 / 24), "minute": ("day", 1 / 1440),
    "%": ("%", 1.0), "pp": ("pp", 1.0),
}


# The rules folder whose unit table converts figures ("" = the default folder). A context
# variable rather than a parameter: span() and to_comparison() are called from every check.
_UNITS_FOLDER: ContextVar[str] = ContextVar("factcheck_units_folder", default="")


@contextmanager
def units_folder(folder: str | Path | None) -> Iterator[None]:
    """Convert with the unit table of `folder` (a run's --rules) inside the block."""
    token = _UNITS_FOLDER.set(str(folder) if folder else "")
    try:
        yield
    finally:
        _UNITS_FOLDER.reset(token)


@lru_cache(maxsize=16)
def _registry(folder: str = ""):
    try:
        from factcheck.extract.units import load_units
    except ImportError:
        return None
    try:
        return load_units(folder or None)
    except Exception:  # noqa: BLE001 - a broken units file is reported by the pipeline
        return None


def to_comparison(unit: str) -> tuple[str, float]:
    """(comparison unit, factor) so that value_in_unit * factor is in the comparison unit."""
    return _to_comparison(unit, _UNITS_FOLDER.get())


@lru_cache(maxsize=8192)
def _to_comparison(unit: str, folder: str) -> tuple[str, float]:
    registry = _registry(folder)
    if registry is not None and unit:
        to_base = getattr(registry, "to_base", None)
        if to_base is not None:
            try:
                result = to_base(1.0, unit)
            except Exception:  # noqa: BLE001 - unknown to the registry: fall back below
                result = None
            if isinstance(result, tuple) and len(result) == 2:
                factor, base = result
                if isinstance(factor, (int, float)) and math.isfinite(factor):
                    return str(base), float(factor)
    return _FALLBACK.get(unit, (unit, 1.0))


def comparable(a: Claim, b: Claim) -> bool:
    qa, qb = a.quantity, b.quantity
    if to_comparison(qa.unit)[0] != to_comparison(qb.unit)[0]:
        return False
    if not qa.unit and qa.counted and qb.counted and qa.counted != qb.counted:
        return False   # "12 ships" and "12 tankers" may count different things
    return True


_NUMERAL = regex.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALED = regex.compile(r"\d\s*(?:thousand|million|billion|trillion|mln|bn|m|k|b)\b", regex.IGNORECASE)


def _written_halfwidth(q: Quantity) -> float:
    """Half the last written digit, relative to the figure ("2.12" -> 0.005/2.12).

    Used only when the parser left a point interval for a rounded figure.
    """
    match = _NUMERAL.search(q.text or "")
    if not match or q.qualifier not in ("exact", "approx"):
        return 0.0
    numeral = float(match.group(0).replace(",", ""))
    if numeral == 0:
        return 0.0
    decimals = len(match.group(1) or "")
    scaled = bool(_SCALED.search(q.text))
    if decimals == 0 and not scaled:
        return 0.0   # "130,000 tons" may be an exact count; do not invent a range
    return 0.5 * 10 ** -decimals / numeral


@dataclass(frozen=True)
class Span:
    """A figure on the comparison scale."""

    low: float
    high: float
    value: float | None
    unit: str


# Every check asks again for the same figures. Keyed by identity, holding the Quantity so
# its id cannot be reused: hashing a Quantity's thirteen fields cost more than the span.
_SPANS: dict[int, tuple[Quantity, str, Span]] = {}
_SPANS_MAX = 1 << 21


def span(claim: Claim) -> Span:
    q = claim.quantity
    folder = _UNITS_FOLDER.get()
    hit = _SPANS.get(id(q))
    if hit is not None and hit[0] is q and hit[1] == folder:
        return hit[2]
    if len(_SPANS) >= _SPANS_MAX:
        _SPANS.clear()
    result = _span(q, folder)
    _SPANS[id(q)] = (q, folder, result)
    return result


def _span(q: Quantity, folder: str) -> Span:
    unit, factor = _to_comparison(q.unit, folder)
    low, high = q.low, q.high
    if low == high and q.value is not None and math.isfinite(q.value):
        width = abs(q.value) * _written_halfwidth(q)
        low, high = q.value - width, q.value + width
    value = q.value * factor if q.value is not None else None
    return Span(low * factor, high * factor, value, unit)


def relative_gap(a: Span, b: Span) -> float:
    """How far apart two intervals are, relative to the larger near end; 0 if they meet."""
    lo, hi = (a, b) if a.high <= b.high else (b, a)
    gap = hi.low - lo.high
    if not gap > 0:      # overlapping, touching, or an open bound
        return 0.0
    scale = max(abs(lo.high), abs(hi.low))
    if scale == 0 or not math.isfinite(scale):
        return 0.0
    return gap / scale


def conflicts(a: Span, b: Span, tolerance: float) -> bool:
    return relative_gap(a, b) > tolerance


def midpoint(s: Span) -> float:
    if s.value is not None and math.isfinite(s.value):
        return s.value
    if math.isfinite(s.low) and math.isfinite(s.high):
        return (s.low + s.high) / 2
    return s.low if math.isfinite(s.low) else s.high
