"""Moves written "from X to Y", folded into one listed item for `factcheck extract`.

"Output rose from 1.5 to 1.8 million bpd" states one thing, a move between two levels, and
a listing of the figures in a text reads it best as one item: both ends, the direction, one
citation. The checks need the two levels apart (each is a level of its own period, and the
percent-change check reads them), so `find_quantities` keeps them apart and the claims are
built from those; only the listing folds them.

A move is folded when it is written in that order: "from" right before the first level,
then at most a few words (a time, a place: "from $75 in October to $45.88 in December")
ending in "to" right before the second, within one clause, after a change verb or with a
time between the levels, the two levels in one unit and of one magnitude. Written the
other way round ("rose to $7.4 billion from $6.8 billion") the sentence states a level and
the base it is compared with; the two stay two items. A range or a bound at either end
("from 14-18 mpg to 24", "from more than 4 hours") is not folded either: the item could
not give both ends and the hedge.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract import words as W
from factcheck.extract.parser import _CHANGE_LEAD, _RANGE_VERBS
from factcheck.frame.lazy_pattern import deferred_regex
from factcheck.model import Quantity

_SPACE = r"[ \t\u00a0]*+(?:\n[ \t\u00a0]*+)?"      # a single line break is a space
# "from" ends the text before the first level; the level's own hedge ("from about 40") is
# inside its span.
_FROM_BEFORE = deferred_regex(r"(?i)\bfrom" + _SPACE + "$")
# Between the levels: a few words in one clause, then "to". No sentence end (a full stop
# before a space), no clause break (semicolon, colon, comma, blank line) and no bracket but
# an abbreviation's ("1.2 million barrels per day (bpd) in 2023 to ...").
_GAP_TO = deferred_regex(
    r"(?i)^(?P<words>(?:[^.;:!?()\[\],\n]|\.(?=\S)|\n(?![ \t\u00a0]*+\n)"
    r"|\([A-Za-z/]{1,6}\)){0,60}?)(?<!\w)to" + _SPACE + "$")
# Words that start a second statement or turn the sign, inside the gap: "rose from $80 as
# petrol fell to $3", "from 10 points behind to 3 ahead", "5% of output when imports ..."
_GAP_BREAK = deferred_regex(
    r"(?i)\b(?:and|but|or|nor|while|whereas|from|then|before|after|as|because|although"
    r"|though|since|when|whenever|with|without|despite|if|unless|until|which|who|whom|whose"
    r"|that|where|amid|so|yet|behind|ahead|below|above|deficit|surplus|short|under|over"
    r"|\w{3,}ing|" + "|".join(W.UP_VERBS + W.DOWN_VERBS) + r")\b")
# "compared to", "according to", "due to": a "to" that does not lead to a second level
_NOT_DESTINATION = deferred_regex(
    r"(?i)\b(?:compared|according|due|relative|prior|close|next|owing|thanks|up|equal"
    r"|similar|addition|contrast|respect|regard|related|linked|attributed|contributed"
    r"|subject|exposure|back|down|pay|paid|lead|led|return|returned)\s*$")
# A move is written after a change verb; without one, a time between the levels still
# makes it one ("from 20 mpg in 2008 to 29 mpg in 2020"), a place or a group does not
# ("from 5C in the north to 12C in the south" is a range over places).
_TIME_IN_GAP = deferred_regex(
    r"(?i)\b(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september"
    r"|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|night"
    r"|morning|evening|week|month|quarter|year|decade|ago|earlier"
    r"|\d{1,2}(?:[.:]\d\d)?[ ]?(?:am|pm|a\.m\.|p\.m\.))(?!\w)")
_LEAD_WINDOW = 60
_CLAUSE_END = deferred_regex(r"[.!?;][\"”’)]?\s|\n[ \t\u00a0]*+\n")
# A level hedged by "about" is still a level; a bound ("more than 4 hours") is not one to
# move from or to.
_LEVEL_QUALIFIERS = ("exact", "approx", "nearly")
# A level that writes no unit borrows the other's and must be of its magnitude.
_MAGNITUDE = 20.0


@dataclass(frozen=True, slots=True)
class Listed:
    """One item of a listing: a quantity, or a move folded into one range-like quantity
    whose `moved_from`/`moved_to` give the two levels in its unit, in the order written."""

    quantity: Quantity
    moved_from: float | None = None
    moved_to: float | None = None


def _singular(noun: str) -> str:
    return noun.lower().rstrip("s")


def _units_agree(a: Quantity, b: Quantity) -> bool:
    """One unit for both levels: the same, or one level writing none of its own. A counted
    noun is a unit of its own ("from $5 to 300 customers" is two things)."""
    if a.counted or b.counted:
        if a.counted and b.counted:
            return _singular(a.counted) == _singular(b.counted) and a.unit == b.unit
        bare = b if a.counted else a
        return not bare.unit_text and not bare.unit
    if a.unit and b.unit and a.unit != b.unit:
        # a rate's denominator written once: "from $82 a barrel in May to $79.40", "from
        # $8,200 to $8,050 a tonne", the other level giving only its currency sign. A unit
        # written out without the denominator is another unit ("from 40 million barrels to
        # 3 million barrels a day" is a stock and a flow); a total and a rate ("from $5
        # million to $3 a share") are told apart by their magnitudes.
        if a.unit.startswith(b.unit + "/"):
            return _sign_only(b)
        if b.unit.startswith(a.unit + "/"):
            return _sign_only(a)
        return False
    return True


def _sign_only(q: Quantity) -> bool:
    """The level's unit is written only before its number ("$8,200", "€40")."""
    digit = next((k for k, ch in enumerate(q.text) if ch.isdigit()), len(q.text))
    at = q.text.find(q.unit_text) if q.unit_text else -1
    return 0 <= at < digit and q.text[digit:].rstrip()[-1:].isdigit()


def _writes_unit(text: str, q: Quantity) -> bool:
    if q.unit_text:
        return True
    head = q.counted.split()[0].lower() if q.counted else ""
    return bool(head) and text[q.end:q.end + 40].lstrip().lower().startswith(head)


def _same_magnitude(text: str, a: Quantity, b: Quantity) -> bool:
    """"from 1.2 million bpd in May to 1.3" is no move to 1.3 bpd: a level whose unit is
    not written, or written without the other's denominator, must be of the other's
    magnitude."""
    if _writes_unit(text, a) and _writes_unit(text, b) and a.unit == b.unit:
        return True
    if a.value == 0 or b.value == 0:
        return a.value == b.value
    ratio = abs(a.value / b.value)
    return 1 / _MAGNITUDE <= ratio <= _MAGNITUDE


def _lead(text: str, end: int) -> str:
    """The clause before the "from", up to _LEAD_WINDOW characters."""
    lead = text[max(0, end - _LEAD_WINDOW):end]
    last = None
    for last in _CLAUSE_END.finditer(lead):
        pass
    return lead[last.end():] if last else lead


def _is_move(text: str, a: Quantity, b: Quantity) -> bool:
    if a.value is None or b.value is None:
        return False
    if a.change in ("up", "down") or b.change in ("up", "down"):
        return False        # an amount of change is no level
    if a.qualifier not in _LEVEL_QUALIFIERS or b.qualifier not in _LEVEL_QUALIFIERS:
        return False
    from_word = _FROM_BEFORE.search(text[max(0, a.start - 16):a.start])
    if from_word is None:
        return False
    gap = _GAP_TO.match(text[a.end:b.start])
    if gap is None:
        return False
    words = gap.group("words")
    if _GAP_BREAK.search(words) or _NOT_DESTINATION.search(words):
        return False
    if not (_units_agree(a, b) and _same_magnitude(text, a, b)):
        return False
    lead = _lead(text, a.start - len(from_word.group(0)))
    if _RANGE_VERBS.search(lead):
        return False        # "prices ranged from $3 at one shop to $7 at another"
    return bool(_CHANGE_LEAD.search(lead) or _TIME_IN_GAP.search(words))


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
