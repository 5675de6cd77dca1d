"""Two levels of a move are two quantities, never one range."""

from __future__ import annotations

import pytest

from factcheck.extract import find_quantities


@pytest.mark.parametrize("text, values", [
    # "from" a few words before the first level, after a change verb
    ("Unemployment fell from a peak of 9.8% to 6.1% by the spring.", [9.8, 6.1]),
    ("Yields climbed from a record low 0.5% to 2.25%.", [0.5, 2.25]),
    # "went from" is a move
    ("The deficit went from 120 billion to 95 billion.", [120e9, 95e9]),
    ("Output rose from April's 1.2 million tonnes to 1.3 million tonnes in May.",
     [1.2e6, 1.3e6]),
    # a comma between the change verb and its "from" is no second clause
    ("The jobless rate fell in March, from 4.1% to 3.9%.", [4.1, 3.9]),
])
def test_levels_of_a_move_stay_apart(text, values):
    qs = find_quantities(text)
    assert [q.value for q in qs] == [pytest.approx(v) for v in values], \
        [(q.text, q.qualifier) for q in qs]


@pytest.mark.parametrize("text", [
    "The coalition went from 38% to 41 seats.",
    "The lender advanced from $3 million to 120 households.",
])
def test_a_unit_and_a_counted_noun_are_never_one_range(text):
    assert all(q.qualifier != "range" for q in find_quantities(text))


@pytest.mark.parametrize("text, span", [
    ("Forecasts range from a low 1.5% to 2.5%.", "1.5% to 2.5%"),
    ("Tickets cost from $30 to $55.", "$30 to $55"),
    ("Between 4 and 6 million visitors came.", "4 and 6 million"),
    # "went" that does not lead to the "from", and words that name no level
    ("Shoppers who went to the market paid from 90 cents to $1.10 a kilo.",
     "90 cents to $1.10 a kilo"),
    ("Rents rose in 2024, by anything from a modest 2% to 9%.", "2% to 9%"),
    ("Prices rose in April, with some up anywhere from a mere 2% to 30%.", "2% to 30%"),
    # the "from" of another clause than the change verb's
    ("Bus fares rose 10% on Monday, and now cost from $2.20 to $9 a ride.",
     "$2.20 to $9"),
    ("Copper output grew 4% in April, with single mines producing from 20,000 to 80,000 "
     "tonnes.", "20,000 to 80,000"),
])
def test_ranges_stay_ranges(text, span):
    [q] = [q for q in find_quantities(text) if span in q.text]
    assert q.qualifier == "range", (q.text, q.qualifier)
