"""find_quantities, third pass: the head of a counted noun phrase, a move's particle before
a level, current and future levels kept apart, units carried to parallel figures, index
levels, ages written without 'years old', and figures that are names or addresses."""

from __future__ import annotations

import pytest

from factcheck.extract import find_quantities


def only(text: str, **kw):
    qs = find_quantities(text, **kw)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


# --- the counted noun is the head of its noun phrase ------------------------------------

@pytest.mark.parametrize("text, value, counted", [
    ("Three industry sources said loadings slowed.", 3, "industry sources"),
    ("Two police officers were hurt in the crush.", 2, "police officers"),
    ("The bloc's 27 member states signed the pact.", 27, "member states"),
    ("The field has 200 oil wells.", 200, "oil wells"),
    ("One proposal asks the board to drop the plan.", 1, "proposal"),
    ("One official says the road will reopen.", 1, "official"),
    ("Seven games without a win cost him the job.", 7, "games"),
])
def test_counted_noun_head(text, value, counted):
    q = only(text)
    assert q.value == value and q.counted == counted


# --- "edged up to": a move and its level, not a bound ----------------------------------

@pytest.mark.parametrize("text", [
    "Loadings edged up to 1.4 million barrels per day in May.",
    "The jobless rate ticked up to 4.2 percent.",
    "Its estimate was revised up to 3.1 million tonnes.",
])
def test_move_particle_is_not_a_bound(text):
    q = only(text)
    assert q.qualifier == "exact" and not q.text.lower().startswith("up")
    assert q.low > 0


@pytest.mark.parametrize("text", [
    "The tanker can carry up to 1 million barrels.",
    "Up to 40 people were evacuated.",
])
def test_up_to_bound_kept(text):
    assert only(text).qualifier == "at_most"


# --- a current level and a future one stay two figures ---------------------------------

def test_from_current_level_to_future_level():
    qs = find_quantities("Exports could rise from the current 1.5 million to 20 million "
                         "metric tons a year.")
    assert [q.value for q in qs] == [1.5e6, 20e6]
    assert all(q.unit == "t/yr" for q in qs)


def test_plain_range_after_from_kept():
    q = only("Estimates range from 5 to 10 percent.")
    assert (q.low, q.high, q.unit) == (4.5, 10.5, "%")


# --- a unit or counted noun carried to a figure in a parallel clause ---------------------

def units(text: str):
    return [(q.value, q.unit, q.counted) for q in find_quantities(text)]


def test_count_carried_past_a_long_clause():
    assert units("Some 310 Ford and Opel vans were recalled this spring, compared with 45 "
                 "in the spring before.")[1] == (45, "", "Ford and Opel vans")


def test_unit_carried_from_a_range_level():
    assert units("Mileage improved from about 30-34 mpg to 41 for the small cars.")[-1] == \
        (41, "mpg", "")


def test_change_by_carries_its_unit():
    assert units("Wheat rose by 3 percent while barley slipped by 1.")[-1] == (1, "%", "")


@pytest.mark.parametrize("text, level", [
    ("The blue-chip index shed 84.2 points, or 1.1%, to end at 7,512.30.", 7512.30),
    ("The main index rose 0.4% to 2,204.55 points, while the small-cap gauge added 0.2% "
     "to 1,118.02.", 1118.02),
    ("Stock exchange index (20,410.15 up 61.30 points).", 20410.15),
])
def test_index_levels_in_points(text, level):
    got = {q.value: q.unit for q in find_quantities(text)}
    assert got[level] == "pt"


def test_level_after_a_percent_move_alone_stays_bare():
    assert units("The index rose 1% to 5,000.")[-1] == (5000, "", "")


def test_determiner_binds_a_range_after_from():
    q = find_quantities("Guidance was cut to $61 billion, down from the $64 to $66 billion "
                        "it had projected.")[-1]
    assert (q.low, q.high) == (63.5e9, 66.5e9)


# --- ages written without "years old" -------------------------------------------------

@pytest.mark.parametrize("text, age", [
    ("His son, who was 12, stayed behind.", 12),
    ("She will be 41 by the time the bridge opens.", 41),
    ("The founder turned 70 last spring.", 70),
    ("Only members over the age of 65 may vote.", 65),
    ("He stepped down at age 58.", 58),
])
def test_ages_after_a_person(text, age):
    q = only(text, ages=True)
    assert (q.value, q.unit, q.dimension) == (age, "year", "age")
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", [
    "He was 3 under par after the round.",
    "Prices were 40 in May.",
])
def test_bare_figures_after_was_are_not_ages(text):
    assert all(q.dimension != "age" for q in find_quantities(text, ages=True))


@pytest.mark.parametrize("text, low, high", [
    ("A third of women aged 25 to 54 changed jobs.", 25, 54),
    ("Pupils aged between 11 and 16 sat the test.", 11, 16),
])
def test_age_spans_are_one_range(text, low, high):
    ages = [q for q in find_quantities(text, ages=True) if q.dimension == "age"]
    assert [(q.low, q.high) for q in ages] == [(low, high)]
    assert all(q.dimension != "age" and q.value != high for q in find_quantities(text))


# --- names, addresses and eras are not amounts ------------------------------------------

@pytest.mark.parametrize("text", [
    "the sp 500 was flat while bonds rallied.",
    "Traders watched the ftse 100 closely.",
    "A unit at 22-24 Harbour Road was let to a bakery.",
    "The fort was held between A.D. 900 and 1140.",
    "The fort was held between 900 and 1140 AD.",
])
def test_names_addresses_and_eras_stay_out(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, unit", [
    ("Margins rose 10-15 Percent.", "%"),
    ("Tickets cost 10-15 Euros.", "EUR"),
])
def test_capitalised_unit_after_a_range_is_no_name(text, unit):
    assert only(text).unit == unit
