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


# --- fractions of a scale, pairs and couples, mixed numbers, dozens ----------------

@pytest.mark.parametrize("text, value, unit, counted", [
    ("Half a million commuters use the line.", 5e5, "", "commuters"),
    ("The repair bill came to a quarter of a million dollars.", 2.5e5, "USD", ""),
    ("Three-quarters of a billion euros was pledged.", 7.5e8, "EUR", ""),
    ("The board set aside half a dozen seats.", 6, "", "seats"),
    ("The farm sold three dozen hens.", 36, "", "hens"),
    ("The pipe is 4 1/2 miles long.", 4.5, "mi", ""),
    ("The notes carry a 5 3/8 % coupon.", 5.375, "%", ""),
])
def test_fraction_and_dozen_scales(text, value, unit, counted):
    q = only(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit and q.counted == counted


def test_fraction_without_scale_is_still_a_share():
    q = only("Half of the drivers finished.")
    assert q.unit == "%" and q.value == 50


@pytest.mark.parametrize("text, value, counted, qualifier", [
    ("The ferry runs again in a couple of weeks.", 2, "weeks", "approx"),
    ("She bought a pair of boots.", 2, "boots", "exact"),
    ("A couple hundred voters stayed home.", 200, "voters", "approx"),
    ("A couple of thousand fans waited outside.", 2000, "fans", "approx"),
])
def test_couple_and_pair(text, value, counted, qualifier):
    q = only(text)
    assert (q.value, q.counted, q.qualifier) == (value, counted, qualifier)


@pytest.mark.parametrize("text", [
    "The couple married in the spring.",
    "A pair like that rarely wins.",
])
def test_couple_alone_is_not_a_figure(text):
    assert find_quantities(text) == []


# --- a figure that ends the text; kitchen, microgram and currency forms ------------

@pytest.mark.parametrize("text, value, unit", [
    ("The fare rose to $115", 115, "USD"),
    ("Seats left: 40", 40, ""),
    ("Budget: USD250", 250, "USD"),
])
def test_figure_at_the_very_end(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text, value, unit", [
    ("Each tablet holds 400 mcg of the vitamin.", 400, "ug"),
    ("Stir in 2 tablespoons of honey.", 2, "tbsp"),
    ("The recipe needs 3 cups of flour.", 3, "cup"),
    ("A ticket costs 15,000 won in Seoul.", 15000, "KRW"),
    ("The stall charges 20元 for a bowl.", 20, "CNY"),
    ("The fee is CAD$ 40 a month.", 40, "CAD/month"),
])
def test_more_unit_forms(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


# --- a fraction of a unit; counted nouns behind comparatives, names, measures -------

@pytest.mark.parametrize("text, value, unit", [
    ("The depot is half a mile from the port.", 0.5, "mi"),
    ("The crack widened by a third of an inch.", 1 / 3, "in"),
    ("A cup holds 1/4 of a quart.", 0.25, "qt"),
    ("The meeting ran half an hour late.", 0.5, "hour"),
])
def test_fraction_of_a_unit(text, value, unit):
    q = only(text)
    assert q.value == pytest.approx(value) and q.unit == unit


@pytest.mark.parametrize("text, counted", [
    ("The site was split into three smaller plots.", "smaller plots"),
    ("Four of Garcia's advisers resigned.", "advisers"),
    ("The brewery fills nine million 330ml cans a year.", "330ml cans"),
])
def test_counted_noun_readings(text, counted):
    q = find_quantities(text)[0]
    assert q.counted == counted


def test_common_misspelling_of_celsius():
    q = only("The lake warmed to 21 degrees celcius.")
    assert (q.value, q.unit) == (21, "°C")


# --- counts and units carried across a sentence; glued temperatures ----------------

def test_count_carried_through_including():
    qs = find_quantities("About 2 million homes lost power, including 300,000 in the north.")
    assert [q.counted for q in qs] == ["homes", "homes"]


def test_unit_carried_back_over_of_the():
    qs = find_quantities("The city has spent 40 million of the 90 million euros it borrowed.")
    assert [q.unit for q in qs] == ["EUR", "EUR"]


def test_suspended_hyphen_takes_the_unit():
    qs = find_quantities("Buyers choose a 13- or 15-inch screen.")
    assert [(q.value, q.unit) for q in qs] == [(13, "in"), (15, "in")]


@pytest.mark.parametrize("text, value, unit", [
    ("Forecasters expect a hot weekend, with highs of 34C.", 34, "°C"),
    ("The temperature dipped to 28F overnight.", 28, "°F"),
])
def test_glued_temperatures_near_a_temperature_word(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", [
    "The drone uses a 3C lithium pack.",
    "Her essay was marked 2C by the board.",
])
def test_glued_letters_without_a_temperature_word_are_not_temperatures(text):
    assert all(q.dimension != "temperature" for q in find_quantities(text))


def test_level_after_a_points_move_is_in_points():
    qs = find_quantities("The blue-chip index fell 35.2 points to 6,812.40.")
    assert [(q.value, q.unit) for q in qs] == [(35.2, "pt"), (6812.4, "pt")]


def test_level_after_a_percentage_point_move_is_a_percentage():
    qs = find_quantities("Turnout rose 4 percentage points to 61.")
    assert [(q.value, q.unit) for q in qs] == [(4, "pp"), (61, "%")]


def test_level_after_a_percent_move_keeps_no_unit():
    qs = find_quantities("The shares rose 3% to 150.")
    assert [q.unit for q in qs] == ["%", ""]


def test_vague_plural_of_a_demonym():
    q = only("Tens of thousands of Brazilians marched.")
    assert q.counted == "Brazilians" and (q.low, q.high) == (1e4, 1e5)


def test_fraction_of_a_us_measure():
    q = only("A tablespoon is 1/16 of a US cup.")
    assert q.unit == "cup" and q.value == pytest.approx(1 / 16)


@pytest.mark.parametrize("text, value", [
    ("The toll was 4 dollars 75 cents.", 4.75),
    ("A coffee cost two euros and forty cents", 2.40),
    ("The ticket costs 12 dollars 50.", 12.5),
])
def test_money_with_its_hundredths_is_one_amount(text, value):
    q = only(text)
    assert q.value == pytest.approx(value)


def test_money_then_a_count_stays_apart():
    qs = find_quantities("Entry was 10 dollars and 40 people came.")
    assert [(q.value, q.unit, q.counted) for q in qs] == [(10, "USD", ""), (40, "", "people")]
