"""Properties of find_quantities that must hold on any text."""

from __future__ import annotations

import math

from hypothesis import given, settings, strategies as st

from factcheck.extract import find_quantities

SCALES = {"": 1, " thousand": 1e3, " million": 1e6, " billion": 1e9, "bn": 1e9, "m": 1e6}


def _grouped(n: int) -> str:
    return f"{n:,}"


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(sorted(SCALES)),
       st.integers(min_value=0, max_value=3))
def test_printed_numbers_parse_back_within_precision(n, scale, decimals):
    if decimals:
        written = f"{n / 10 ** decimals:,.{decimals}f}"
    else:
        written = _grouped(n)
    text = f"The company reported ${written}{scale} in new orders."
    qs = find_quantities(text)
    assert len(qs) == 1, (text, [q.text for q in qs])
    q = qs[0]
    expected = float(written.replace(",", "")) * SCALES[scale]
    assert q.unit == "USD"
    assert math.isclose(q.value, expected, rel_tol=1e-9)
    assert q.low <= expected <= q.high


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_spans_are_sane(text):
    qs = find_quantities(text)
    last_end = -1
    for q in qs:
        assert text[q.start:q.end] == q.text
        assert q.start >= last_end
        last_end = q.end
        if q.value is not None:
            assert q.low <= q.value <= q.high
        else:
            assert q.low <= q.high


_PIECES = st.sampled_from([
    "about", "more than", "up to", "nearly", "$", "€", "1,184", "2.12", "million", "bpd",
    "kb/d", "%", "per cent", "tons", "a year", "to", "-", "between", "and", "rose", "fell",
    "twenty", "half", "of", "the", "March", "31", "2025", "(", ")", ",", ".", "~", "0.9",
    "mb/d", "barrels per day", "people", "one", "Rossiya", "24", "x", "per", "ton",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_news_like_fragments(pieces):
    text = " ".join(pieces)
    qs = find_quantities(text)
    for a, b in zip(qs, qs[1:]):
        assert a.end <= b.start
    for q in qs:
        assert text[q.start:q.end] == q.text
        if q.value is not None:
            assert q.low <= q.value <= q.high
        assert q.qualifier in ("exact", "approx", "at_least", "more_than", "at_most",
                               "less_than", "range")
        assert q.change in ("=", "~", ">", "<", "up", "down")


_BOUNDS = {"up to": "high", "at most": "high", "less than": "high",
           "at least": "low", "more than": "low"}


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=10, max_value=999), st.integers(min_value=10, max_value=999),
       st.integers(min_value=0, max_value=2), st.sampled_from(sorted(_BOUNDS) + ["range"]),
       st.floats(min_value=-0.499, max_value=0.499))
def test_bounds_and_range_ends_hold_every_figure_they_round_from(a, b, decimals, form, jitter):
    """A figure that rounds to a written end lies inside the interval: '2.0 million' as an
    end of a range or a bound admits 2.04 million as it does standing alone. (Three digits
    at most: a four-digit whole number may be a year.)"""
    lo, hi = sorted((a, b))
    if lo == hi:
        hi += 1
    unit = 10.0 ** -decimals
    lo_w, hi_w = f"{lo * unit:.{decimals}f}", f"{hi * unit:.{decimals}f}"
    if form == "range":
        text = f"Output was between {lo_w} and {hi_w} million barrels per day."
        probes = [(lo + jitter) * unit * 1e6, (hi + jitter) * unit * 1e6]
    else:
        text = f"Output was {form} {hi_w} million barrels per day."
        probes = [(hi + jitter) * unit * 1e6]
    qs = find_quantities(text)
    assert len(qs) == 1, (text, [q.text for q in qs])
    q = qs[0]
    assert q.unit == "bbl/d"
    for p in probes:
        assert q.low <= p <= q.high, (text, p, q.low, q.high)
    if q.value is not None:
        assert q.low <= q.value <= q.high
