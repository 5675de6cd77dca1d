"""What interval a written figure stands for: its rounding plus its hedge.

Rounding: half a unit of the last written digit ("2.12 million" is 2.12e6 +/- 5e3,
"1,184" is +/- 0.5). An integer ending in two or more zeros is read as rounded to its last
non-zero digit ("130,000" is +/- 5,000; "2,000" is +/- 500): newsroom figures that round
usually look like that, and a wider interval only makes a conflict harder to claim. A
number word ending in a zero is read the same way from one zero on ("twenty" is +/- 5).

Hedges: "about"/"around"/"some"/"~" widen to at least APPROX_BAND of the value on both
sides; "nearly"/"almost" to that band below the value and only rounding above; "at
least"/"more than" are [value, inf]; "up to"/"less than" are [0, value] (or [-inf, value]
for a negative value or a temperature).
"""

from __future__ import annotations

INF = float("inf")
APPROX_BAND = 0.10


def written_precision(raw: str, words: bool = False) -> float:
    digits = raw.replace(",", "").lstrip("+-")
    if "." in digits:
        decimals = len(digits.split(".", 1)[1])
        return 0.5 * 10.0 ** (-decimals)
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    if zeros >= (1 if words else 2):
        return 0.5 * 10.0 ** zeros
    return 0.5


def interval(value: float, half: float, qualifier: str, signed: bool = False) -> tuple[float, float]:
    band = max(half, abs(value) * APPROX_BAND)
    if qualifier == "approx":
        return value - band, value + band
    if qualifier == "nearly":
        return value - band, value + half
    if qualifier in ("at_least", "more_than"):
        return value, INF
    if qualifier in ("at_most", "less_than"):
        floor = -INF if (signed or value < 0) else 0.0
        return floor, value
    return value - half, value + half
