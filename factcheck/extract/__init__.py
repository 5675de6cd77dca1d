"""Quantity extraction: every figure in a text, with its unit and the interval it means.

    find_quantities(text) -> list[Quantity]   sorted by start, non-overlapping
    fold_moves(text, quantities) -> list[Listed]   the same, a move "from X to Y" as one item

See docs/UNITS.md for units, intervals and what is deliberately not a quantity.
"""

from __future__ import annotations

from pathlib import Path
from weakref import WeakKeyDictionary

from factcheck.extract.intervals import INF, interval, range_interval
from factcheck.extract.lexicon import get_lexicon
from factcheck.extract.moves import Listed, fold_moves
from factcheck.extract.parser import Atom, Scanner
from factcheck.extract.units import UnitTable, load_units
from factcheck.frame.lazy_pattern import deferred_regex
from factcheck.model import Quantity

__all__ = ["find_quantities", "fold_moves", "Listed", "load_units", "UnitTable",
           "written_bounds"]

_scanners: dict[tuple, Scanner] = {}
# A joined range's ends as written, before each is widened by its rounding: low/high keep
# the interval the checks compare, and the Quantity has no field for the bare ends.
_written_ends: WeakKeyDictionary = WeakKeyDictionary()


def _scanner(ages: bool, rules_dir) -> Scanner:
    key = (ages, str(rules_dir) if rules_dir is not None else None)
    sc = _scanners.get(key)
    if sc is None:
        sc = Scanner(get_lexicon(rules_dir), ages=ages)
        _scanners[key] = sc
    return sc


def find_quantities(text: str, *, ages: bool = False,
                    rules_dir: str | Path | None = None) -> list[Quantity]:
    """Every quantity in text, sorted by start, spans not overlapping.

    ages=True also returns ages written as "22-year-old" / "30 years old" (unit "year",
    dimension "age"); by default they are skipped, being descriptions rather than claims.
    """
    if not text:
        return []
    out = []
    scanned = _SOFT_BREAK.sub(" ", text) if "\n" in text else text
    for a in _scanner(ages, rules_dir).scan(scanned):
        q = _to_quantity(text, a)
        if q is not None:
            out.append(q)
    return out


# A line break inside a sentence of hard-wrapped text ("rose to 2.12\nmillion bpd", "at
# least\n130,000 tons") is read as the space it stands for. The text keeps its length, so
# spans stay those of the text as given. A break stays a break before a blank line, a
# list item or table, a capital (a headline over its story: "Toll rises to 52\nRescuers
# said ..."), and between a figure and a row of a plain-text table ("bonny
# 250,000\nforcados 210,000").
_SOFT_BREAK = deferred_regex(
    r"(?<=[^\n|])\n(?=[ \t\u00a0]*+(?:[a-z$€£¥%~]|US\$|\d(?!\d*[.)][ \t\u00a0])))"
    r"(?!(?<=\d\n)[ \t\u00a0]*+[a-z][\w-]*+[ \t\u00a0]++[\d$€£¥])")

_QUALIFIER_OUT = {"nearly": "approx"}


def _to_quantity(text: str, a: Atom) -> Quantity | None:
    if a.end <= a.start:
        return None
    if a.qualifier == "range" or a.low is not None:
        if a.kind == "range":
            low, high = range_interval(a.low, a.low_half, a.high, a.high_half)
            ends = tuple(sorted((a.low, a.high)))
        else:
            low, high = a.low * a.factor, a.high * a.factor
            ends = (low, high)
        q = Quantity(text=text[a.start:a.end], start=a.start, end=a.end, value=None,
                     low=low, high=high, unit=a.unit, unit_text=a.unit_text,
                     counted=a.counted, qualifier="range", change=a.change,
                     number=None, dimension=a.dimension)
        _written_ends[q] = ends
        return q
    value = a.number * a.factor
    half = a.half * abs(a.factor)
    signed = a.dimension == "temperature"
    low, high = interval(value, half, a.qualifier, signed, digit_half=half * a.digit_share)
    return Quantity(text=text[a.start:a.end], start=a.start, end=a.end, value=value,
                    low=low, high=high, unit=a.unit, unit_text=a.unit_text, counted=a.counted,
                    qualifier=_QUALIFIER_OUT.get(a.qualifier, a.qualifier), change=a.change,
                    number=a.number, dimension=a.dimension)


def written_bounds(q: Quantity) -> tuple[float, float] | None:
    """A range's ends as written (scale words applied, unit prefixes undone), for matching
    against annotations that record the figure as written ("620 kb/d" -> 620)."""
    if q.value is not None:
        return None
    table = load_units()
    factor = 1.0
    for form in table.forms:
        if form.unit == q.unit and (form.text == q.unit_text or
                                    form.text.lower() == q.unit_text.lower()):
            factor = form.factor
            break
    if q.dimension == "percent" and q.unit_text and q.unit_text[:1].isalpha() and \
            q.unit_text.lower().split()[-1] in ("third", "thirds", "half", "quarter", "quarters"):
        factor = 100.0
    low, high = _written_ends.get(q, (q.low, q.high))
    return low / factor, high / factor
