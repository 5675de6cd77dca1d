"""Moves written "from X to Y", folded into one listed item for `factcheck extract`.

"Output rose from 1.5 to 1.8 million bpd" states one thing, a move between two levels, and
a listing of the figures in a text reads it best as one item: both ends, the direction, one
citation. The checks need the two levels apart (each is a level of its own period, and the
percent-change check reads them), so `find_quantities` keeps them apart and the claims are
built from those; only the listing folds them.

A move is folded when it is written in that order: "from" right before the first level,
then at most a few words (a time, a place: "from $75 in October to $45.88 in December")
ending in "to" right before the second, within one clause, the two levels in one unit or
one of them without a unit of its own. Written the other way round ("rose to $7.4 billion
from $6.8 billion") the sentence states a level and the base it is compared with; the two
stay two items. A range at either end ("from 14-18 mpg to 24") is not folded either:
the item could not give both ends and the range.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.frame.lazy_pattern import deferred_regex
from factcheck.model import Quantity

# "from" ends the text before the first level; the level's own hedge ("from up to 252
# miles", "from about 40") is inside its span.
_FROM_BEFORE = deferred_regex(r"(?i)\bfrom[ \u00a0]+$")
# Between the levels: a few words in one clause, then "to". No sentence end (a full stop
# before a space), no clause break (semicolon, colon, bracket, comma, new line) and no
# link word that would start a second statement.
_GAP_TO = deferred_regex(
    r"(?i)^(?P<words>(?:[^.;:!?()\[\],\n]|\.(?=\S)){0,40}?)"
    r"(?<![\w])to[ \u00a0]+$")
_GAP_BREAK = deferred_regex(r"(?i)\b(?:and|but|or|while|whereas|from|then|before|after)\b")


@dataclass(frozen=True, slots=True)
class Listed:
    """One item of a listing: a quantity, or a move folded into one range-like quantity
    whose `moved_from`/`moved_to` give the two levels in its unit, in the order written."""

    quantity: Quantity
    moved_from: float | None = None
    moved_to: float | None = None


def _units_agree(a: Quantity, b: Quantity) -> bool:
    if a.unit and b.unit:
        return a.unit == b.unit or b.unit.startswith(a.unit + "/") or \
            a.unit.startswith(b.unit + "/")
    return not (a.counted and b.counted and a.counted != b.counted)


def _is_move(text: str, a: Quantity, b: Quantity) -> bool:
    if a.value is None or b.value is None:
        return False
    if a.change in ("up", "down") or b.change in ("up", "down"):
        return False        # an amount of change is no level
    if not _FROM_BEFORE.search(text[max(0, a.start - 12):a.start]):
        return False
    gap = _GAP_TO.match(text[a.end:b.start])
    if gap is None or _GAP_BREAK.search(gap.group("words")):
        return False
    return _units_agree(a, b)


def _fold(text: str, a: Quantity, b: Quantity) -> Quantity:
    # the fuller unit of the two: "from $75 per barrel to $45.88" is a move in USD/bbl
    carrier = a if (a.unit and not b.unit) or (b.unit and a.unit.startswith(b.unit + "/")) \
        else b
    return Quantity(
        text=text[a.start:b.end], start=a.start, end=b.end, value=None,
        low=min(a.low, b.low), high=max(a.high, b.high), unit=carrier.unit,
        unit_text=carrier.unit_text or a.unit_text or b.unit_text,
        counted=b.counted or a.counted, qualifier="range",
        change="~" if "~" in (a.change, b.change) else "=",
        number=None, dimension=carrier.dimension or a.dimension or b.dimension)


def fold_moves(text: str, quantities: list[Quantity]) -> list[Listed]:
    """The quantities of text (sorted, as find_quantities gives them) as listed items."""
    from factcheck.extract import _written_ends     # the package imports this module

    out: list[Listed] = []
    i, n = 0, len(quantities)
    while i < n:
        a = quantities[i]
        if i + 1 < n and _is_move(text, a, quantities[i + 1]):
            b = quantities[i + 1]
            q = _fold(text, a, b)
            # the levels as written, so written_bounds() gives both ends of the move
            _written_ends[q] = tuple(sorted((a.value, b.value)))
            out.append(Listed(q, a.value, b.value))
            i += 2
            continue
        out.append(Listed(a))
        i += 1
    return out
