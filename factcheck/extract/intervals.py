"""What interval a written figure stands for: its rounding plus its hedge.

Rounding: half a unit of the last written digit ("2.12 million" is 2.12e6 +/- 5e3,
"1,184" is +/- 0.5). An integer ending in two or more zeros is read as rounded to its last
non-zero digit ("130,000" is +/- 5,000; "2,000" is +/- 500): newsroom figures that round
usually look like that, and a wider interval only makes a conflict harder to claim. A
number word ending in a zero is read the same way from one zero on ("twenty" is +/- 5).

Hedges: "about"/"around"/"some"/"~" widen to at least APPROX_BAND of the value on both
sides; "nearly"/"almost" to that band below the value and only rounding above; "at
least"/"more than" are [value - digit rounding, inf]; "up to"/"less than" are [0, value +
digit rounding] (or from -inf for a negative value or a temperature): "up to 2.0 million"
may stand for 2.04 million as well as "2.0 million" does.

Ranges: each end widened by its own digit rounding ("1.9-2.0 million" is [1.85e6, 2.05e6]).

Digit rounding is half a unit of the last written digit, without the trailing-zeros
reading: a bound or a range end is a threshold the writer chose, and one rounds a
threshold towards safety ("at least 125,000" for 126,000), so its round zeros are meant
("at least 130,000" is [129,999.5, inf]; "up to 2 million" still [0, 2.5e6]).
"""

from __future__ import annotations

INF = float("inf")
APPROX_BAND = 0.10


def written_precision(raw: str, words: bool = False, zeros: bool = True) -> float:
    """Half a unit of the last written digit; zeros=False skips the trailing-zeros reading."""
    digits = raw.replace(",", "").lstrip("+-")
    if "." in digits:
        decimals = len(digits.split(".", 1)[1])
        return 0.5 * 10.0 ** (-decimals)
    stripped = digits.rstrip("0")
    trailing = len(digits) - len(stripped) if stripped else 0
    if zeros and trailing >= (1 if words else 2):
        return 0.5 * 10.0 ** trailing
    return 0.5


def interval(value: float, half: float, qualifier: str, signed: bool = False,
             digit_half: float | None = None) -> tuple[float, float]:
    """digit_half: the rounding of the written digits alone, for bounds (default: half)."""
    band = max(half, abs(value) * APPROX_BAND)
    edge = half if digit_half is None else digit_half
    if qualifier == "approx":
        return value - band, value + band
    if qualifier == "nearly":
        return value - band, value + half
    if qualifier in ("at_least", "more_than"):
        return value - edge, INF
    if qualifier in ("at_most", "less_than"):
        floor = -INF if (signed or value < 0) else 0.0
        return floor, value + edge
    return value - half, value + half


def range_interval(a: float, a_half: float, b: float, b_half: float) -> tuple[float, float]:
    """A written range "a to b" (either order): each end widened by its own rounding."""
    (lo, lo_half), (hi, hi_half) = sorted(((a, a_half), (b, b_half)))
    return lo - lo_half, hi + hi_half
