"""find_quantities on sentences written for these tests, one construct at a time."""

from __future__ import annotations

import math

import pytest

from factcheck.extract import find_quantities, written_bounds
from factcheck.extract.units import load_units
from factcheck.rules import RulesError

INF = float("inf")


def only(text: str, **kw):
    qs = find_quantities(text, **kw)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


def values(text: str, **kw):
    return [q.value for q in find_quantities(text, **kw)]


# --- numerals, separators, scale words ----------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("The refinery processed 1,184 barrels.", 1184),
    ("Output was 2.12 million barrels per day.", 2.12e6),
    ("The fund holds 3 billion dollars.", 3e9),
    ("Debt reached 1.5 trillion yen.", 1.5e12),
    ("Sales hit 4.3m units.", 4.3e6),
    ("A budget of $13.6M was approved.", 13.6e6),
    ("The company lost $4.2bn.", 4.2e9),
    ("It raised 25k dollars.", 25e3),
    ("Exports were 7 mln tonnes.", 7e6),
    ("A .5 per cent fee applies.", 0.5),
])
def test_numbers_and_scales(text, value):
    q = only(text)
    assert math.isclose(q.value, value)


@pytest.mark.parametrize("text, value", [
    ("They hired twenty-eight thousand six hundred forty-two people.", 28642),
    ("Only two ships docked.", 2),
    ("A dozen trucks were seized.", 12),
    ("Some four hundred people marched.", 400),
    ("There are four thousand volunteers.", 4000),
])
def test_number_words(text, value):
    assert only(text).value == value


def test_twenty_percent_is_rounded_wider_than_written_digits():
    q = only("The army holds twenty percent of the region.")
    assert (q.value, q.unit, q.low, q.high) == (20, "%", 15, 25)
    q = only("The army holds 21 percent of the region.")
    assert (q.low, q.high) == (20.5, 21.5)


def test_fractions_are_shares():
    q = only("Three-quarters of the wells were shut.")
    assert q.unit == "%" and math.isclose(q.value, 75) and math.isclose(q.number, 0.75)
    q = only("Half the staff left in May.")
    assert q.unit == "%" and q.value == 50
    q = only("One in five drivers was fined.")
    assert q.unit == "%" and math.isclose(q.value, 20)
    assert find_quantities("It happened in the third quarter.") == []


# --- currencies ----------------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit", [
    ("The deal is worth $1.3 billion.", 1.3e9, "USD"),
    ("It paid US$40 million.", 40e6, "USD"),
    ("A fine of €250,000 was set.", 250000, "EUR"),
    ("The club spent £80m on players.", 80e6, "GBP"),
    ("Revenue was ¥900 billion.", 900e9, "JPY"),
    ("The port earned 9 billion yuan.", 9e9, "CNY"),
    ("He was paid 300 euros.", 300, "EUR"),
    ("Tickets cost 75 cents.", 0.75, "USD"),
    ("A loaf costs USD3.", 3, "USD"),
    ("The state fund holds 120 billion tenge.", 120e9, "KZT"),
    ("The levy raised 42 billion Kenyan shillings.", 42e9, "KES"),
    ("Farmers were paid KSh 1.8 billion.", 1.8e9, "KES"),
    ("The cocoa board borrowed 3.5 billion cedis.", 3.5e9, "GHS"),
    ("The rail link cost Rp 40 trillion.", 40e12, "IDR"),
    ("A flat costs 4 million baht.", 4e6, "THB"),
    ("The grant was 900 million zlotys.", 900e6, "PLN"),
    ("Bread now costs 1,500 Argentine pesos.", 1500, "ARS"),
    ("The bridge cost 2 billion Egyptian pounds.", 2e9, "EGP"),
])
def test_currencies(text, value, unit):
    q = only(text)
    assert math.isclose(q.value, value) and q.unit == unit and q.dimension == "currency"


def test_approximate_currency_span_and_interval():
    q = only("The partner received ~$250 million last year.")
    assert q.text == "~$250 million"
    assert q.qualifier == "approx" and q.change == "~"
    assert q.low == pytest.approx(225e6) and q.high == pytest.approx(275e6)


# --- percent, points -----------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit", [
    ("Prices rose 15.5%.", 15.5, "%"),
    ("Turnout was 64 per cent.", 64, "%"),
    ("The rate is 3 percent.", 3, "%"),
    ("Yields hit 4.2pct.", 4.2, "%"),
    ("The gap narrowed by 2 percentage points.", 2, "pp"),
    ("The bank cut rates by 50 basis points.", 0.5, "pp"),
])
def test_percent_and_points(text, value, unit):
    q = only(text)
    assert math.isclose(q.value, value) and q.unit == unit


# --- oil, gas, mass ------------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit, number", [
    ("The field pumps 450,000 bpd.", 450000, "bbl/d", 450000),
    ("The field pumps 450,000 b/d.", 450000, "bbl/d", 450000),
    ("The field pumps 450,000 bbl/d.", 450000, "bbl/d", 450000),
    ("The field pumps 450,000 barrels a day.", 450000, "bbl/d", 450000),
    ("The field pumps 450 kb/d.", 450000, "bbl/d", 450),
    ("Supply fell by 1.1 mb/d.", 1.1e6, "bbl/d", 1.1),
    ("The group produced 90,000 boe/d.", 90000, "boe/d", 90000),
    ("The group produced 90,000 boepd.", 90000, "boe/d", 90000),
    ("It made 90,000 barrels of oil equivalent per day.", 90000, "boe/d", 90000),
    ("The pipeline carries 12 bcm of gas.", 12e9, "m3", 12),
    ("The tank holds 40,000 cubic metres.", 40000, "m3", 40000),
    ("Stocks reached 28.7 million tons.", 28.7e6, "t", 28.7e6),
    ("Stocks reached 28.7 million tonnes.", 28.7e6, "t", 28.7e6),
    ("Stocks reached 3.8 million metric tons.", 3.8e6, "t", 3.8e6),
    ("The mill uses 40 kt of ore.", 40000, "t", 40),
    ("Capacity is 5 Mt.", 5e6, "t", 5),
])
def test_oil_gas_mass(text, value, unit, number):
    q = only(text)
    assert math.isclose(q.value, value) and q.unit == unit and math.isclose(q.number, number)


def test_compound_units():
    q = only("Aluminium now costs $2,655 per ton in that market.")
    assert (q.value, q.unit, q.dimension) == (2655, "USD/t", "price")
    q = only("The terminal shipped at least 130,000 tons of oil per month.")
    assert q.text == "at least 130,000 tons of oil per month"
    assert (q.value, q.unit, q.qualifier, q.change) == (130000, "t/month", "at_least", ">")
    # a bound keeps its round zeros: only the last written digit is rounding
    assert (q.low, q.high) == (129999.5, INF)
    q = only("The plant will make 20 million metric tons a year.")
    assert (q.value, q.unit, q.dimension) == (20e6, "t/yr", "mass_rate")
    q = only("They pay $3,500 a month in rent.")
    assert q.unit == "USD/month"


def test_unit_carried_to_elided_figure():
    qs = find_quantities("The plan lifts capacity to 20 million metric tons a year, from a current 1.5 million.")
    assert [(q.value, q.unit) for q in qs] == [(20e6, "t/yr"), (1.5e6, "t/yr")]
    assert qs[1].unit_text == ""
    qs = find_quantities("Output climbed from 4.1 to 4.6 percent.")
    assert [(q.value, q.unit) for q in qs] == [(4.1, "%"), (4.6, "%")]


def test_unit_is_not_carried_from_a_change_to_its_new_level():
    qs = find_quantities("The shares rose 8% to 3.65 on Monday.")
    assert [(q.value, q.unit, q.change) for q in qs] == [(8, "%", "up"), (3.65, "", "=")]


# --- lengths, speeds, durations, temperatures -----------------------------------------

@pytest.mark.parametrize("text, value, unit", [
    ("The pipeline runs 1,500 km to the coast.", 1500, "km"),
    ("The border is 90 miles away.", 90, "mi"),
    ("The mast is 120 metres tall.", 120, "m"),
    ("The wall is 12 feet high.", 12, "ft"),
    ("Winds reached 155 mph.", 155, "mph"),
    ("The train ran at 300 km/h.", 300, "km/h"),
    ("The talks lasted 14 hours.", 14, "hour"),
    ("It was minus 12 degrees Celsius overnight.", -12, "°C"),
])
def test_lengths_speeds_durations(text, value, unit):
    q = only(text)
    assert q.value == value and q.unit == unit


# --- counted things ------------------------------------------------------------------

def test_counted_nouns():
    q = only("The siege trapped 45,000 civilians.")
    assert (q.value, q.unit, q.counted, q.dimension) == (45000, "", "civilians", "count")
    q = only("The court heard 127 defendants.")
    assert q.counted == "defendants"
    q = only("Five new reactors are planned.")
    assert q.counted == "new reactors"


# --- ranges --------------------------------------------------------------------------

@pytest.mark.parametrize("text, ends, low, high, unit", [
    ("Tariffs of 25% to 50% were threatened.", (25, 50), 24.5, 50.5, "%"),
    ("Tariffs of 25-50% were threatened.", (25, 50), 24.5, 50.5, "%"),
    ("Between 2 and 3 million people fled.", (2e6, 3e6), 1.5e6, 3.5e6, ""),
    ("The fine is $10 to $15 billion.", (10e9, 15e9), 9.5e9, 15.5e9, "USD"),
    ("Wages range from $48,000 to $90,000 a year.", (48000, 90000), 47999.5, 90000.5, "USD/yr"),
    ("The quake cut output by 1 to 1.5 percent.", (1, 1.5), 0.5, 1.55, "%"),
    ("Tens of thousands of people marched.", (1e4, 1e5), 1e4, 1e5, ""),
])
def test_ranges(text, ends, low, high, unit):
    """Each written end is widened by its own rounding; the written ends stay readable."""
    q = only(text)
    assert q.value is None and q.qualifier == "range"
    assert q.unit == unit
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert written_bounds(q) == (pytest.approx(ends[0]), pytest.approx(ends[1]))


def test_range_written_bounds_undo_unit_prefixes():
    q = only("Output may fall by 400-600 kb/d.")
    assert (q.low, q.high) == (399500, 600500)
    assert written_bounds(q) == (400, 600)


def test_bound_and_range_ends_keep_round_zeros_a_lone_figure_does_not():
    """'130,000 tons' alone may be rounded from 126,000; a threshold written as 'at least
    130,000' or as a range end is meant as written, up to its last digit."""
    assert (only("It shipped 130,000 tons.").low, only("It shipped 130,000 tons.").high) == \
        (125000, 135000)
    assert only("It shipped at least 130,000 tons.").low == 129999.5
    assert only("It shipped up to 130,000 tons.").high == 130000.5
    q = only("It shipped between 120,000 and 130,000 tons.")
    assert (q.low, q.high) == (119999.5, 130000.5)
    assert only("It sold up to twenty cars.").high == 20.5


@pytest.mark.parametrize("text", [
    "Output held between 1.9 and 2.0 million bpd.",
    "Output held at 1.9-2.0 million bpd.",
    "Output held at 1.9 to 2.0 million bpd.",
    "Output reached up to 2.0 million bpd.",
    "Output was at most 2.0 million bpd.",
    "Output was less than 2.0 million bpd.",
    "Output was 2.0 million bpd.",
])
def test_upper_end_written_to_one_decimal_meets_a_finer_figure(text):
    """'2.0 million' stands for 1.95-2.05 million whether it ends a range, bounds a figure
    or stands alone, so none of them excludes a finer '2.04 million'."""
    q = only(text)
    assert q.unit == "bbl/d"
    assert q.low <= 2.04e6 <= q.high
    assert q.high == pytest.approx(2.05e6)


@pytest.mark.parametrize("text", [
    "Output held between 2.0 and 2.2 million bpd.",
    "Output reached at least 2.0 million bpd.",
    "Output was more than 2.0 million bpd.",
])
def test_lower_end_written_to_one_decimal_meets_a_finer_figure(text):
    q = only(text)
    assert q.low <= 1.96e6 <= q.high
    assert q.low == pytest.approx(1.95e6)


def test_descending_range_keeps_each_ends_rounding():
    q = only("Estimates ranged from 2.25 to 1.9 million tons.")
    assert (q.low, q.high) == (pytest.approx(1.85e6), pytest.approx(2.255e6))


def test_from_to_after_a_change_verb_are_two_levels():
    qs = find_quantities("Output rose from 1.5 million bpd to 1.8 million bpd.")
    assert [(q.value, q.unit) for q in qs] == [(1.5e6, "bbl/d"), (1.8e6, "bbl/d")]


# --- hedges and changes --------------------------------------------------------------

@pytest.mark.parametrize("text, qualifier, change, low, high", [
    ("It sold at least 320 cars.", "at_least", ">", 319.5, INF),
    ("It sold more than 320 cars.", "more_than", ">", 319.5, INF),
    ("It sold over 320 cars.", "more_than", ">", 319.5, INF),
    ("It sold up to 320 cars.", "at_most", "<", 0, 320.5),
    ("It sold less than 320 cars.", "less_than", "<", 0, 320.5),
    ("It sold about 320 cars.", "approx", "~", 288, 352),
    ("It sold around 320 cars.", "approx", "~", 288, 352),
    ("It sold roughly 320 cars.", "approx", "~", 288, 352),
    ("It sold approximately 320 cars.", "approx", "~", 288, 352),
    ("It sold some 320 cars.", "approx", "~", 288, 352),
    ("It sold nearly 320 cars.", "approx", "~", 288, 320.5),
    ("It sold almost 320 cars.", "approx", "~", 288, 320.5),
])
def test_hedges(text, qualifier, change, low, high):
    q = only(text)
    assert (q.qualifier, q.change) == (qualifier, change)
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)
    assert q.text.startswith(text.split()[2])


@pytest.mark.parametrize("text, change, value", [
    ("Exports rose 15.5% in March.", "up", 15.5),
    ("Exports were down 3% in March.", "down", 3),
    ("The index closed -0.4% lower.", "down", -0.4),
    ("The index closed at +0.4%.", "up", 0.4),
    ("Imports increased by 12% last year.", "up", 12),
    ("Imports fell 12% last year.", "down", 12),
    ("Shares jumped 9% on the news.", "up", 9),
    ("The cartel cut output by 40%.", "down", 40),
    ("Revenue rose to $5 billion.", "=", 5e9),
    ("Output was up from 2 million tonnes.", "=", 2e6),
])
def test_changes(text, change, value):
    q = only(text)
    assert q.change == change and q.value == value


def test_change_told_twice_with_or():
    qs = find_quantities("The index lost 190 points, or 0.6%, on Friday.")
    assert [q.change for q in qs] == ["down", "down"]


# --- not quantities ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The talks ended on March 31.",
    "Tuesday, April 01, 2025",
    "The ceasefire began on 27 March 2025.",
    "The vote is on Feb. 18 and the count on Dec. 27.",
    "The mine opened in 2014.",
    "By 2030 the plan will be complete.",
    "The meeting starts at 10:30 a.m. and ends at 4pm.",
    "Her 22-year-old son came third.",
    "It is the fifth-largest producer and ranked 22nd.",
    "Shares of Chevron (NYSE:CVX) were flat.",
    "He told Rossiya 24 and France 24 about it.",
    "Stocks in the S&P 500 and the Big 12 rallied.",
    "The SPM-1 mooring, the F-35 jet and COVID-19 were discussed at the G7.",
    "2 min read",
    "Call 555-123-4567 for details.",
    "See https://example.com/2024/05/report-123 for more.",
    "It happened in the 1990s.",
    "They won 2-1 in the final.",
    "The category 4 storm hit the coast.",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_list_numbering_is_skipped():
    qs = find_quantities("Reasons:\n1. Output fell 5%.\n2. Prices rose.")
    assert [q.text for q in qs] == ["5%"]


def test_ages_only_on_request():
    text = "The 22-year-old driver and his passenger Ann Smith, 45, were hurt."
    assert find_quantities(text) == []
    qs = find_quantities(text, ages=True)
    assert [(q.value, q.unit, q.dimension) for q in qs] == [(22, "year", "age"), (45, "year", "age")]


def test_one_as_a_pronoun_is_not_a_count():
    assert find_quantities("Each one was checked, and no one complained.") == []
    q = only("It is one of the largest fields in the country.")
    assert q.value == 1 and q.counted == "fields"


# --- spans and precision -------------------------------------------------------------

def test_spans_slice_back_and_precision_follows_the_written_digits():
    text = "Output hit 2.12 million barrels per day, and 1,184 kb/d were pledged."
    qs = find_quantities(text)
    for q in qs:
        assert text[q.start:q.end] == q.text
    assert (qs[0].low, qs[0].high) == pytest.approx((2.115e6, 2.125e6))
    assert (qs[1].low, qs[1].high) == pytest.approx((1183.5e3, 1184.5e3))


def test_round_figures_get_wider_intervals():
    q = only("Some 2,000 troops arrived.")
    assert q.low <= 1500 and q.high >= 2500
    q = only("Exactly 2,000 troops arrived.")
    assert (q.low, q.high) == (1500, 2500)


# --- the unit table ------------------------------------------------------------------

def test_unit_table_conversions():
    t = load_units()
    assert t.convert(130000, "t/month", "t/yr") == pytest.approx(1.56e6)
    assert t.convert(1, "bbl", "m3") == pytest.approx(0.158987, rel=1e-5)
    assert t.convert(100, "°C", "°F") == pytest.approx(212)
    assert t.dimension("bbl/d") == "oil_flow"
    assert t.dimension("USD/t") == "price"
    assert t.dimension("t/yr") == "mass_rate"
    assert t.comparable("mi", "km") and not t.comparable("USD", "EUR")
    assert not t.comparable("bbl/d", "t/yr")
    assert t.to_base(5, "mi") == (pytest.approx(8046.72), "m")
    assert t.to_base(7, "USD") == (7, "USD")
    with pytest.raises(ValueError):
        t.convert(1, "USD", "EUR")
    with pytest.raises(KeyError):
        t.convert(1, "furlong", "m")


def test_load_units_is_cached():
    assert load_units() is load_units()


def test_bad_definitions_file_names_file_and_line(tmp_path):
    (tmp_path / "units.txt").write_text("metre = [length] = m\nthis line = = is broken\n")
    (tmp_path / "unit_aliases.yaml").write_text("units: {}\n")
    with pytest.raises(RulesError) as err:
        load_units(tmp_path)
    assert err.value.line == 2 and err.value.path.endswith("units.txt")


def test_bad_alias_file_names_file_and_line(tmp_path):
    src = load_units.__globals__["DEFAULT_RULES_DIR"]
    (tmp_path / "units.txt").write_text((src / "units.txt").read_text())
    (tmp_path / "unit_aliases.yaml").write_text(
        "units:\n  t: {pint: t, dimension: mass}\nforms:\n  - {unit: furlongs, words: [furlong]}\n"
        "currencies: {prefix: {}, suffix: {}}\ndenominators: {}\n")
    with pytest.raises(RulesError) as err:
        load_units(tmp_path)
    assert err.value.line == 4 and "furlongs" in str(err.value)


# --- the real seed articles (read at run time from ../shared/seeds) -------------------

SEEDS = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _seed_quantities():
    if not SEEDS.is_dir():
        pytest.skip("shared seeds not present")
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found.extend((path.name, text, q) for q in find_quantities(text))
    return found


@pytest.mark.parametrize("surface, value, unit", [
    ("2.12 million barrels per day", 2.12e6, "bbl/d"),
    ("1.468 million bpd", 1.468e6, "bbl/d"),
    ("620 kb/d", 620e3, "bbl/d"),
    ("0.9 mb/d", 0.9e6, "bbl/d"),
    ("$1.3 billion", 1.3e9, "USD"),
    ("~$250 million", 250e6, "USD"),
    ("$2,655 per ton", 2655, "USD/t"),
    ("at least 130,000 tons of oil per month", 130000, "t/month"),
    ("twenty percent", 20, "%"),
    ("3.8 million metric tons", 3.8e6, "t"),
])
def test_seed_figures_found(surface, value, unit):
    hits = [q for _, _, q in _seed_quantities() if q.text.endswith(surface)]
    assert hits, surface
    assert any(math.isclose(q.value, value) and q.unit == unit for q in hits)


def test_seed_range_and_bound():
    qs = [q for _, _, q in _seed_quantities()]
    assert any(q.text == "25% to 50%" and q.qualifier == "range" and (q.low, q.high) == (24.5, 50.5)
               and written_bounds(q) == (25, 50) for q in qs)
    assert any(q.unit == "t/month" and q.qualifier == "at_least" for q in qs)


@pytest.mark.parametrize("needle", ["April 01, 2025", "March 31", "NYSE:CVX", "Rossiya 24",
                                    "SPM-1", "2 min read"])
def test_seed_non_quantities(needle):
    seen = False
    for _, text, q in _seed_quantities():
        i = text.find(needle)
        while i != -1:
            seen = True
            assert not (q.start < i + len(needle) and i < q.end), (needle, q.text)
            i = text.find(needle, i + 1)
    assert seen, needle


# --- hostile input stays linear ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "9" * 100_000,
    "1," * 100_000,
    "million " * 100_000,
    "about " * 50_000 + "5%",
    (("The committee met again and talked at length about the pipeline. " * 8
      + "Output rose 2.5% to 1,184 kb/d, about $3 million. ") * 10_000)[:5_000_000],
])
def test_pathological_inputs_complete(text):
    qs = find_quantities(text)
    for q in qs[:1000]:
        assert text[q.start:q.end] == q.text
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))


def test_a_currency_code_that_is_a_common_acronym_is_no_money():
    # a climate conference, a programming language
    assert all(q.dimension != "currency" for q in find_quantities(
        "Delegates met at COP 28 and the site runs on PHP 8."))


def test_a_currency_word_shared_by_several_currencies_names_none():
    # Kenya, Uganda and Tanzania all pay in shillings: the bare word names no currency
    assert all(q.unit != "KES" for q in find_quantities("The fee is 5,000 shillings."))
    # Mexico, Chile, Colombia, Argentina and the Philippines all count in pesos
    assert all(q.dimension != "currency"
               for q in find_quantities("A kilo of beef costs 9,000 pesos in Santiago."))
    assert find_quantities("It cost 20 million Chilean pesos.")[0].unit == "CLP"
