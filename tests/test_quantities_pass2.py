"""find_quantities, second pass: counted names, sports statistics, suspended hyphens,
elided units and counts carried across a sentence, and the speed gates staying exact."""

from __future__ import annotations

import pytest

from factcheck.extract import find_quantities


def only(text: str, **kw):
    qs = find_quantities(text, **kw)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


# --- counted nouns -----------------------------------------------------------------

@pytest.mark.parametrize("text, value, counted", [
    ("The carmaker shipped 41,000 Roadster and Coupe models last year.", 41000,
     "Roadster and Coupe models"),
    ("Dealers returned 950 Ford and Opel vans.", 950, "Ford and Opel vans"),
    ("The airline ordered 12 Boeing 737s this spring.", 12, "Boeing 737s"),
    ("Officials said 3,400 Canadians applied.", 3400, "Canadians"),
    ("The club signed four more strikers.", 4, "strikers"),
    ("Parliament has two fewer seats now.", 2, "seats"),
])
def test_counted_names_and_comparatives(text, value, counted):
    q = only(text)
    assert q.value == value and q.counted == counted and q.dimension == "count"


@pytest.mark.parametrize("text", [
    "She flew on the 787 Dreamliner to Lima.",
    "The office is at 220 Harbour Street in the old town.",
    "They stayed at the 4 Seasons for a week.",
])
def test_names_with_numbers_stay_out(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, values, counted", [
    ("The guard averaged 21.4 ppg and 6.1 apg in March.", [21.4, 6.1],
     ["points per game", "assists per game"]),
    ("The rookie ran for 2 TDs on Sunday.", [2], ["touchdowns"]),
    ("The closer was worth 1.2 WAR over the season.", [1.2], ["wins above replacement"]),
])
def test_sports_statistics_are_counted(text, values, counted):
    qs = find_quantities(text)
    assert [q.value for q in qs] == values
    assert [q.counted for q in qs] == counted
