"""A range whose first end introduces an abbreviation in brackets is still one range."""

from __future__ import annotations

import pytest

from factcheck.extract import find_quantities


def _figures(text):
    return [(q.text, q.qualifier, q.low, q.high) for q in find_quantities(text)]


@pytest.mark.parametrize("text,low,high,unit", [
    ("Norway shipped between 110 billion cubic metres (bcm) and 115 billion cubic metres "
     "of gas to Europe.", 109.5e9, 115.5e9, "m3"),
    ("The field pumped between 1.4 million barrels per day (bpd) and 1.5 million bpd last "
     "quarter.", 1.35e6, 1.55e6, "bbl/d"),
    ("Fares will cost between 40 euros (EUR) and 55 euros, the operator said.", 39.5, 55.5,
     "EUR"),
])
def test_an_abbreviation_after_the_first_end_keeps_one_range(text, low, high, unit):
    found = find_quantities(text)
    assert len(found) == 1
    q = found[0]
    assert q.qualifier == "range" and q.unit == unit
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


def test_a_bracketed_conversion_keeps_the_two_figures_apart():
    """A bracket holding a figure is a conversion, not an abbreviation."""
    texts = [q.text for q in find_quantities(
        "The ticket costs between $40 (37 euros) and $55, the operator said.")]
    assert "37 euros" in texts and len(texts) == 3


def test_a_bracket_without_between_does_not_make_a_range():
    """'and' joins a range only after 'between'."""
    found = find_quantities("Exports reached 2.1 million barrels per day (bpd) and imports "
                            "2.4 million bpd.")
    assert [q.qualifier for q in found] == ["exact", "exact"]


@pytest.mark.parametrize("text,count", [
    ("The pay gap lies between 4.8% (women) and 6.3% (men) in the survey.", 2),
    ("Brent traded at $81 (London) - $78 in Singapore on Monday.", 2),
    ("The proposal won 58% (yes) to 42% on the night.", 2),
    ("Output fell from 1.3 million bpd (Norway) to 0.8 million bpd elsewhere.", 2),
])
def test_a_bracket_that_is_not_the_units_abbreviation_keeps_two_figures(text, count):
    found = find_quantities(text)
    assert len(found) == count
    assert all(q.qualifier != "range" for q in found)
