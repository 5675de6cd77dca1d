"""A move written "from X to Y" is one item in the listing, two levels for the checks."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings, strategies as st

from clihelp import fc
from factcheck.extract import find_quantities, fold_moves, written_bounds


def listed(text: str):
    return fold_moves(text, find_quantities(text))


def test_a_move_is_one_item_with_both_levels_in_the_order_written():
    text = "Copper stocks in Shanghai fell from 420 to 380 tonnes over the week."
    [item] = listed(text)
    q = item.quantity
    assert q.text == "420 to 380 tonnes" and text[q.start:q.end] == q.text
    assert (item.moved_from, item.moved_to) == (420, 380)
    assert q.unit == "t" and q.qualifier == "range" and q.value is None and q.change == "="
    assert q.low <= 380 and q.high >= 420
    assert written_bounds(q) == (380, 420)


def test_the_checks_still_see_two_levels():
    text = "Copper stocks in Shanghai fell from 420 to 380 tonnes over the week."
    assert [q.value for q in find_quantities(text)] == [420, 380]


def test_a_time_or_place_between_the_levels_stays_in_the_move():
    text = "The share price slid from $18.20 on Monday to $16.75 on Friday."
    [item] = listed(text)
    assert (item.moved_from, item.moved_to) == (18.20, 16.75)
    assert item.quantity.text == "$18.20 on Monday to $16.75"
    assert item.quantity.unit == "USD"


def test_the_fuller_unit_of_the_two_is_the_moves():
    text = "Brent eased from $82 a barrel in May to $79.40 in June."
    [item] = listed(text)
    assert item.quantity.unit == "USD/bbl"
    assert (item.moved_from, item.moved_to) == (82, 79.40)


def test_a_hedged_level_makes_the_move_approximate():
    text = "Attendance grew from about 3,000 to 4,500 people a night."
    [item] = listed(text)
    assert item.quantity.change == "~"
    assert item.quantity.low <= 3000 * 0.9


def test_a_level_and_its_base_written_the_other_way_stay_two_items():
    text = "Quarterly revenue rose to $4.1 billion from $3.8 billion."
    items = listed(text)
    assert [i.quantity.value for i in items] == [pytest.approx(4.1e9), pytest.approx(3.8e9)]
    assert all(i.moved_from is None for i in items)


def test_a_range_is_no_move():
    items = listed("Tickets cost from $40 to $90 depending on the seat.")
    [item] = items
    assert item.quantity.qualifier == "range" and item.moved_from is None


def test_a_range_at_either_end_keeps_both_items():
    items = listed("Yields went from 3-4 tonnes to 6 tonnes per hectare.")
    assert len(items) == 2 and all(i.moved_from is None for i in items)


@pytest.mark.parametrize("text", [
    # two statements
    "Membership fell from 900 in spring and then recovered to 950 by autumn.",
    "The rate went from 5%, the highest in a decade, to 4.5%.",
    "Output fell from 80 units. To 95 units, analysts said, it would never return.",
    "Nickel rose from $15,000 as cobalt slid to $24,000.",
    "Tin climbed from $30,000 with lead falling to $2,000.",
    "Imports grew from 7% of demand when exports dropped to 4%.",
    # a "to" that leads to no second level
    "Turnout rose from 61% in 2020 compared to 55% in 2016.",
    "Fares went up from $2.75 due to 12 new routes.",
    # two units, or a unit and a counted noun
    "Wheat stocks rose from 200 tonnes to $300 a tonne in value.",
    "The chain cut prices from $4 to 250 stores.",
    "The bank trimmed its stake from 9% to 2 million shares.",
    "Profit fell from $8 million to $2 a share.",
    "Stocks fell from 40 million barrels to 3 million barrels a day.",
    # a level whose unit is not written, of another magnitude
    "Output rose from 1.4 million bpd in April to 1.5 in May.",
    "Generation rose from 800 in 2021 to 2.5 gigawatts.",
    # a sign turned, a bound for a level
    "The party went from 8 points behind to 5 points ahead.",
    "The budget swung from £4bn in deficit to £2bn in surplus.",
    "Waiting times fell from more than 5 hours to 3 hours.",
    # a range over places, not a move over time
    "Temperatures ranged from 4C in the hills to 15C on the coast.",
    "Rents run from $900 in the suburbs to $2,400 downtown.",
])
def test_two_statements_or_two_units_are_not_one_move(text):
    assert all(i.moved_from is None for i in listed(text)), \
        [(i.quantity.text, i.moved_from, i.moved_to) for i in listed(text)]


@pytest.mark.parametrize("text, ends", [
    ("Production rose from 1.1 million barrels per day (bpd) in 2023 to 1.3 million bpd.",
     (1.1e6, 1.3e6)),
    ("Exports fell from 420 tonnes in\nMay to 380 tonnes in June.", (420, 380)),
    ("The price slid from\n$8,200 to $8,050 a tonne.", (8200, 8050)),
    ("Average mileage crept from 21 mpg in 2010 to 27 mpg in 2022.", (21, 27)),
])
def test_one_move_across_an_abbreviation_a_line_break_or_a_time(text, ends):
    moves = [(i.moved_from, i.moved_to) for i in listed(text) if i.moved_from is not None]
    assert moves == [tuple(pytest.approx(e) for e in ends)], \
        [(i.quantity.text, i.moved_from, i.moved_to) for i in listed(text)]


def test_an_amount_of_change_is_never_a_level_of_a_move():
    items = listed("Sales fell from a peak, down 12% to 40,000 cars.")
    assert all(i.moved_from is None for i in items)


@settings(max_examples=120, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=1, max_value=99_999),
       st.sampled_from(["tonnes", "barrels a day", "percent", "km", ""]),
       st.sampled_from(["", " in March", " last year"]),
       st.sampled_from(["rose", "fell", "moved", "was cut", "climbed"]))
def test_any_written_move_folds_to_its_two_levels(a, b, unit, when, verb):
    tail = f" {unit}" if unit else " workers"
    text = f"The figure {verb} from {a:,}{tail}{when} to {b:,}{tail}."
    items = listed(text)
    assert len(items) == 1, (text, [i.quantity.text for i in items])
    item = items[0]
    q = item.quantity
    assert text[q.start:q.end] == q.text
    scale = 1.0 if not q.unit else find_quantities(f"{a}{tail}")[0].value / a
    assert item.moved_from == pytest.approx(a * scale)
    assert item.moved_to == pytest.approx(b * scale)
    assert q.low <= min(item.moved_from, item.moved_to)
    assert max(item.moved_from, item.moved_to) <= q.high


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "from", "to", "rose", "fell", "420", "380", "$", "tonnes", "about", "up to", "in", "May",
    ",", ".", "and", "3-4", "percent", "a", "barrel", "per", "2.5", "million",
]), max_size=20))
def test_listing_never_raises_and_keeps_spans_sorted(words):
    text = " ".join(words)
    last_end = -1
    for item in listed(text):
        q = item.quantity
        assert text[q.start:q.end] == q.text
        assert q.start >= last_end
        last_end = q.end
        if item.moved_from is not None:
            assert q.low <= min(item.moved_from, item.moved_to)
            assert max(item.moved_from, item.moved_to) <= q.high


def test_extract_lists_a_move_once_in_every_format(tmp_path):
    article = tmp_path / "zinc.txt"
    article.write_text("Zinc output rose from 1.2 to 1.5 million tonnes in 2024, the ministry "
                       "said. Exports reached 300,000 tonnes.\n", encoding="utf-8")
    proc = fc("extract", str(article), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["1.2 to 1.5 million tonnes", "300,000 tonnes"]
    move, level = rows
    assert (move["from"], move["to"]) == (1.2e6, 1.5e6)
    assert move["value"] is None and move["qualifier"] == "range" and move["unit"] == "t"
    assert (level["from"], level["to"]) == (None, None) and level["value"] == 300000

    proc = fc("extract", str(article), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    csv_rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert (csv_rows[0]["from"], csv_rows[0]["to"]) == ("1200000.0", "1500000.0")
    assert (csv_rows[1]["from"], csv_rows[1]["to"]) == ("", "")

    out = tmp_path / "table.txt"
    proc = fc("extract", str(article), "--format", "table", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "1.2e+06 -> 1.5e+06" in out.read_text(encoding="utf-8")
