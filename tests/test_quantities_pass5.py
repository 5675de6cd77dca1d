"""find_quantities, fifth pass: spans of ages whose unit is written once after the second
end, ages after "then-" and "now-", amounts written as alternatives with a slash, rates per
distance, and the unit an elided figure takes when the figure before it is a bracketed
conversion."""

from __future__ import annotations

import pytest

from factcheck.extract import find_quantities


def only(text: str, **kw):
    qs = find_quantities(text, **kw)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


# --- a span of ages, the unit written after the second end ---------------------------------

@pytest.mark.parametrize("text, low, high", [
    ("The poll found that 18- to 29-year-olds backed the plan.", 18, 29),
    ("The camp takes children from 5 to 7-year-old groups.", 5, 7),
    ("Remains of a 20,000 to 30,000 year-old settlement were found.", 20000, 30000),
    ("The bones belong to a 40,000 to-50,000 year-old animal.", 40000, 50000),
])
def test_age_span_with_unit_after_second_end(text, low, high):
    q = only(text, ages=True)
    assert q.dimension == "age" and q.unit == "year" and q.value is None
    assert q.low <= low < q.high and q.low < high <= q.high


def test_age_span_is_an_age_and_hidden_by_default():
    assert find_quantities("The poll found that 18- to 29-year-olds backed the plan.") == []


def test_count_and_an_age_are_not_joined():
    qs = find_quantities("The side won 3 and 19-year-old Moreno scored twice.", ages=True)
    assert [(q.value, q.dimension) for q in qs] == [(3, ""), (19, "age")]


def test_suspended_year_old_is_not_a_compound_count():
    qs = find_quantities("A 5- to 7-year-old child needs a booster seat.", ages=True)
    assert len(qs) == 1 and qs[0].dimension == "age" and qs[0].counted == ""


def test_plural_year_olds_are_ages():
    q = find_quantities("Two 17-year-olds were arrested on Friday.", ages=True)[-1]
    assert q.dimension == "age" and q.value == 17


@pytest.mark.parametrize("text, value, unit", [
    ("The then-34-year-old engineer founded the firm.", 34, "year"),
    ("She carried her now-18-month-old son onto the stage.", 18, "month"),
])
def test_age_after_then_or_now(text, value, unit):
    q = only(text, ages=True)
    assert q.dimension == "age" and q.value == value and q.unit == unit


def test_hyphenated_names_stay_names():
    assert find_quantities("The F-35 and the COVID-19 rules were discussed.") == []


def test_a_word_cut_by_a_hyphen_is_not_a_counted_noun():
    q = find_quantities("Estimates ran from 300 to-400 units.")[0]
    assert "to-" not in q.counted


# --- amounts written as alternatives with a slash ----------------------------------------

def test_slash_alternatives_are_one_range():
    q = only("Analysts put the bear/bull value of the shares at $12/$15.")
    assert q.unit == "USD" and q.value is None and q.low <= 12 and q.high >= 15


def test_slash_alternatives_share_a_rate():
    q = only("Seats cost $40/$55 per person at the door.")
    assert q.unit == "USD/person" and q.low <= 40 and q.high >= 55


@pytest.mark.parametrize("text", [
    "The attacks of 9/11 changed air travel.",
    "The help desk runs 24/7 now.",
])
def test_slash_dates_and_phrases_are_not_figures(text):
    assert find_quantities(text) == []


# --- rates per distance ----------------------------------------------------------------------

@pytest.mark.parametrize("text, unit", [
    ("The new model emits 95 g/km of carbon dioxide.", "g/km"),
    ("Breakdown starts at fields of 30 kV/cm in dry air.", "kV/cm"),
    ("Drivers pay a toll of $1.20 a mile on the new road.", "USD/mi"),
    ("The line cost $40 million per kilometre to build.", "USD/km"),
])
def test_rate_per_distance(text, unit):
    assert only(text).unit == unit


@pytest.mark.parametrize("text, unit", [
    ("The car reached 120 km/h on the test track.", "km/h"),
    ("The hybrid does 50 miles per gallon in town.", "mpg"),
    ("The storm moved at 15 miles per hour.", "mph"),
])
def test_named_speeds_and_economies_keep_their_names(text, unit):
    assert only(text).unit == unit


# --- an elided unit after a bracketed conversion ------------------------------------------

def test_elided_unit_comes_from_the_figure_not_its_conversion():
    qs = find_quantities("Sales and profit were 3.1 billion rand ($170 million) and "
                         "95 million, respectively.")
    assert [q.unit for q in qs] == ["ZAR", "USD", "ZAR"]


def test_elided_unit_after_a_plain_figure_is_unchanged():
    qs = find_quantities("Sales were $5 billion and 1 billion a year earlier.")
    assert [q.unit for q in qs] == ["USD", "USD"]


# --- a move told once for two clauses --------------------------------------------------------

@pytest.mark.parametrize("text, changes", [
    ("Shares of Acme were down 2.3%, Globex by 2.6% before the bell.", ["down", "down"]),
    ("Brent rose 1.2 percent, and WTI by 0.8 percent.", ["up", "up"]),
])
def test_left_out_verb_keeps_the_move(text, changes):
    assert [q.change for q in find_quantities(text)] == changes


@pytest.mark.parametrize("text", [
    "Brent rose 1.2 percent. Analysts by 2025 expect 3 percent.",
    "Sales rose 5%, the chief said by 3% of the margin.",
])
def test_by_without_a_left_out_verb_is_a_level(text):
    assert find_quantities(text)[-1].change == "="


# --- heights in feet and inches ----------------------------------------------------------

@pytest.mark.parametrize("text, feet", [
    ("The forward stands 6'2\" and weighs 210 pounds.", 6 + 2 / 12),
    ("The 6-foot-11 center scored 30 points.", 6 + 11 / 12),
    ("She is 5′ 11″ tall.", 5 + 11 / 12),
])
def test_feet_and_inches_are_one_height(text, feet):
    q = find_quantities(text)[0]
    assert q.unit == "ft" and abs(q.value - feet) < 1e-9 and q.low < q.value < q.high


def test_a_quoted_number_is_not_feet():
    q = only("He said 'I got 6' and then left.")
    assert q.unit == "" and q.value == 6
