"""find_quantities, fourth pass: a rate written after a bracketed conversion, ranges
written as one hyphenated adjective, a range moved to another range, the scale carried back
to the first level of a from-to pair, ambiguous letters read by their context, counted
nouns, number-word compounds, and model numbers after a count."""

from __future__ import annotations

import pytest

from factcheck.extract import find_quantities


def only(text: str, **kw):
    qs = find_quantities(text, **kw)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


# --- a rate after a bracketed conversion belongs to both figures -------------------------

@pytest.mark.parametrize("text, units", [
    ("The bidder offered C$9 (US$6.70) per share in cash.", ["CAD/share", "USD/share"]),
    ("Diesel now costs EUR 2 (USD 2.2) a litre at the pump.", ["EUR/L", "USD/L"]),
    ("It is a 4 billion shekel ($1.1 billion) a year market.", ["ILS/yr", "USD/yr"]),
])
def test_rate_after_bracketed_conversion(text, units):
    qs = find_quantities(text)
    assert [q.unit for q in qs] == units


def test_bracket_without_rate_keeps_plain_currencies():
    qs = find_quantities("She paid $5 (£4) for it a day later.")
    assert [q.unit for q in qs] == ["USD", "GBP"]


# --- a range written as one hyphenated adjective ---------------------------------------

@pytest.mark.parametrize("text, lo, hi, unit", [
    ("The coupe cuts its 0-to-60-mph time to four seconds.", 0, 60, "mph"),
    ("The depot is a 10-to-15-minute drive from the port.", 10, 15, "minute"),
    ("Fares went up 10-to-15 percent this spring.", 10, 15, "%"),
])
def test_hyphenated_to_range(text, lo, hi, unit):
    q = [q for q in find_quantities(text) if q.value is None][0]
    assert q.unit == unit
    assert q.low <= lo < q.high and q.low < hi <= q.high


@pytest.mark.parametrize("text", [
    "The board backed the plan by a 3-to-1 margin.",
    "The court ruled 5-to-4 against the council.",
])
def test_hyphenated_ratio_is_not_a_quantity(text):
    assert find_quantities(text) == []


# --- a range moved to another range; the scale carried back ----------------------------

def test_range_moved_to_range():
    qs = find_quantities("The carrier cut its traffic forecast from 6 to 8 per cent to "
                         "2 to 4 per cent.")
    assert [(q.value, q.unit) for q in qs] == [(None, "%"), (None, "%")]
    assert qs[0].low < 6 < 8 < qs[0].high and qs[1].low < 2 < 4 < qs[1].high


def test_levels_from_to_stay_two_levels():
    qs = find_quantities("Shipments rose from 1.5 to 2 million tonnes.")
    assert [(q.value, q.unit) for q in qs] == [(1.5e6, "t"), (2e6, "t")]


def test_scale_not_carried_to_an_unlike_level():
    qs = find_quantities("The plant's output rose from 900 to 2 million tonnes.")
    assert qs[0].value == 900
