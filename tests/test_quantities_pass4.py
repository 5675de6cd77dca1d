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


# --- single letters read by their context ----------------------------------------------

@pytest.mark.parametrize("text, value, count", [
    ("Roughly 7 B people could see the eclipse.", 7e9, "people"),
    ("The service now has 30 M subscribers.", 30e6, "subscribers"),
])
def test_spaced_scale_letter_before_a_plural(text, value, count):
    q = only(text)
    assert q.value == value and q.counted == count


@pytest.mark.parametrize("text", [
    "Plan 2 B was never tried.",
    "Room 4 B is across the hall.",
    "The report cites Plan 3 B says nothing new.",
])
def test_spaced_letter_without_plural_is_not_a_scale(text):
    assert all(q.value is None or q.value < 1000 for q in find_quantities(text))


@pytest.mark.parametrize("text, unit, value", [
    ("The ferry kept a steady 14 kt despite the wind.", "kn", 14),
    ("The smelter turned out 350 kt of zinc last year.", "t", 350_000),
])
def test_kt_is_a_knot_where_speed_is_spoken_of(text, unit, value):
    q = only(text)
    assert (q.unit, q.value) == (unit, value)


@pytest.mark.parametrize("text, unit", [
    ("Tin has a 232 C melting point.", "°C"),
    ("Expect highs near 95 F in the weather this week.", "°F"),
])
def test_spaced_temperature_letter_with_a_cue(text, unit):
    assert only(text).unit == unit


@pytest.mark.parametrize("text", [
    "Fit a 2 C battery to the torch.",
    "The weather rules of Section 12 C apply.",
])
def test_spaced_letter_without_cue_or_after_a_label(text):
    assert all(q.unit not in ("°C", "°F") for q in find_quantities(text))


# --- counted nouns ------------------------------------------------------------------------

@pytest.mark.parametrize("text, counted", [
    ("The lab backed one of Brightline's first products.", "products"),
    ("She marked one of the quickest and most elusive strikers in the division.", "strikers"),
    ("The single sold 1.4m combined digital and physical copies.",
     "digital and physical copies"),
    ("The club hopes to sign another striker or two.", "striker"),
])
def test_counted_noun(text, counted):
    assert only(text).counted == counted


@pytest.mark.parametrize("text, counted", [
    ("Hundreds of NHS nurses signed the letter.", "NHS nurses"),
    ("The agency shipped thousands of PCR kits.", "PCR kits"),
    ("Dozens of Americans were stranded.", "Americans"),
])
def test_vague_count_with_names_before_the_noun(text, counted):
    assert only(text).counted == counted


def test_vague_count_of_a_name_alone_counts_nothing():
    assert only("The fund sold hundreds of Acme.").counted == ""


def test_total_word_alone_is_not_a_noun():
    assert only("Both sides scored 10 combined.").counted == ""


# --- number-word compounds ----------------------------------------------------------------

@pytest.mark.parametrize("text, value, counted", [
    ("The hatchback gets a three-cylinder engine.", 3, "cylinder"),
    ("The hatchback gets a 3-cylinder engine.", 3, "cylinder"),
    ("A five-judge bench will hear the appeal.", 5, "judge"),
    ("The firm named a 9-member board.", 9, "member"),
])
def test_compound_count(text, value, counted):
    q = only(text)
    assert (q.value, q.counted, q.unit) == (value, counted, "")


@pytest.mark.parametrize("text", [
    "Buyers pick from four-, six- and eight-cylinder engines.",
    "Buyers pick from 4-, 6- and 8-cylinder engines.",
])
def test_suspended_compound_counts_share_the_noun(text):
    qs = find_quantities(text)
    assert [(q.value, q.counted) for q in qs] == [(4, "cylinder"), (6, "cylinder"),
                                                  (8, "cylinder")]


@pytest.mark.parametrize("text", [
    "She is a two-time world champion.",
    "They took a one-way ticket home.",
    "We stayed at a five-star resort.",
    "The hosts won two-nil at home.",
    "It uses a 185-hp four-cylinder or a V-6.",
])
def test_compound_that_is_not_a_count(text):
    assert all(q.counted not in ("time", "way", "star", "nil", "cylinder")
               for q in find_quantities(text))


def test_compound_durations_and_units_keep_their_unit():
    assert only("They signed a twenty-five-year lease.").unit == "year"
    qs = find_quantities("Pick a 13- or 15-inch screen.")
    assert [q.unit for q in qs] == ["in", "in"]


# --- a model number after a count ----------------------------------------------------------

def test_model_number_after_a_count():
    qs = find_quantities("The carrier parked three new 320 Neo jets.")
    assert [q.value for q in qs] == [3]


@pytest.mark.parametrize("text, values", [
    ("Some 96 Leeds fans travelled.", [96]),
    ("They sold 5 of 200 Acme shares.", [5, 200]),
    ("It delivered 63000 Model 3 sedans and 27000 Model S cars.", [63000, 27000]),
])
def test_counts_before_names_are_kept(text, values):
    assert [q.value for q in find_quantities(text)] == values


# --- a bracketed conversion shares its figure's bound and move; hedges and moves ---------

@pytest.mark.parametrize("text, qualifier, change", [
    ("The cable runs more than 200 kilometres (124 miles).", "more_than", ">"),
    ("The engine makes just under 180 hp (134 kW / 182 PS).", "less_than", "<"),
])
def test_bracketed_conversion_shares_the_bound(text, qualifier, change):
    qs = find_quantities(text)
    assert len(qs) >= 2 and all((q.qualifier, q.change) == (qualifier, change) for q in qs)
    for q in qs:     # one-sided intervals
        assert (q.high == float("inf")) if qualifier == "more_than" else (q.low == 0.0)


def test_bracketed_conversion_shares_the_move():
    qs = find_quantities("Lake temperatures fell by 2 to 3 degrees Celsius (3.6 to 5.4 "
                         "Fahrenheit) over the decade.")
    assert [(q.unit, q.change) for q in qs] == [("°C", "down"), ("°F", "down")]


def test_exact_figure_and_its_conversion_stay_exact():
    qs = find_quantities("The bridge is 120 metres (394 feet) long.")
    assert [(q.qualifier, q.change) for q in qs] == [("exact", "="), ("exact", "=")]


def test_hedged_range_is_approximate():
    q = only("Adults need about 1800 - 2200 calories a day.")
    assert q.value is None and q.change == "~"


@pytest.mark.parametrize("text, change", [
    ("The index ended down 2% on the day.", "down"),
    ("The forecast was revised upward by 30 billion yen.", "up"),
    ("Payrolls grew by 80,000 jobs or 1.4 per cent.", "up"),
])
def test_direction_read(text, change):
    assert find_quantities(text)[-1].change == change


def test_narrowed_down_is_not_a_fall():
    assert only("The panel narrowed down the list to 4 names.").change == "="


def test_back_up_to_is_a_level_not_a_bound():
    q = only("Growth should inch back up to 3.9 percent next year.")
    assert q.qualifier == "exact" and q.value == 3.9


# --- a place in a table; a measure named by its system ------------------------------------

def test_rank_zone_is_not_a_count():
    assert find_quantities("The club sank into the bottom three after the loss.") == []


def test_top_count_with_its_noun_is_kept():
    assert only("The top four exporters ship most of the grain.").counted == "exporters"


@pytest.mark.parametrize("text, unit", [
    ("A recipe calls for one US fluid ounce of syrup.", "floz"),
    ("The old tank held 60 imperial gallons.", "gal"),
])
def test_unit_named_by_its_system(text, unit):
    assert only(text).unit == unit


def test_us_before_a_plural_noun_is_not_a_unit():
    q = only("The law passed in 30 US states.")
    assert q.unit == "" and q.counted == "US states"
