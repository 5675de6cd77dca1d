"""Figures in finding messages: one style whatever the article wrote (kb/d, bpd, million)."""

from __future__ import annotations

import math

from factcheck.checks.compare import Span

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_TIGHT_UNITS = {"%"}


def scale_for(magnitude: float) -> tuple[float, str]:
    for factor, word in _SCALES:
        if abs(magnitude) >= factor:
            return factor, word
    return 1.0, ""


def number(value: float, scale: tuple[float, str] | None = None) -> str:
    """6 significant digits at most, trailing zeros dropped, thousands separated."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞"
    factor, word = scale or scale_for(value)
    scaled = value / factor
    text = f"{scaled:,.6g}" if abs(scaled) >= 1e-4 or scaled == 0 else f"{scaled:.3g}"
    if "e" in text:          # very large unscaled counts: write them out
        text = f"{scaled:,.0f}"
    return f"{text} {word}".rstrip()


def amount(value: float, unit: str, scale: tuple[float, str] | None = None) -> str:
    text = number(value, scale)
    if not unit:
        return text
    return f"{text}{unit}" if unit in _TIGHT_UNITS else f"{text} {unit}"


def describe(s: Span, scale: tuple[float, str] | None = None) -> str:
    """'2.12 million bbl/d', '25%–50%', 'at least 130,000 t'."""
    if s.value is not None and (s.low <= s.value <= s.high or not math.isfinite(s.low)):
        if math.isinf(s.high) and s.low == s.value:
            return "at least " + amount(s.value, s.unit, scale)
        if math.isinf(s.low) and s.high == s.value:
            return "at most " + amount(s.value, s.unit, scale)
        return amount(s.value, s.unit, scale)
    if math.isinf(s.high):
        return "at least " + amount(s.low, s.unit, scale)
    if math.isinf(s.low):
        return "at most " + amount(s.high, s.unit, scale)
    return f"{amount(s.low, s.unit, scale)}–{amount(s.high, s.unit, scale)}"
