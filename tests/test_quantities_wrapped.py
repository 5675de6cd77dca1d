"""Hard-wrapped text: a line break inside a sentence is the space it stands for."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from factcheck.extract import find_quantities


def one(text: str):
    qs = find_quantities(text)
    assert len(qs) == 1, [(q.text, q.value, q.unit) for q in qs]
    return qs[0]


@pytest.mark.parametrize("text, value, unit", [
    ("Refiners processed 1.46\nmillion barrels per day in May.", 1.46e6, "bbl/d"),
    ("Refiners processed 1.46 million\nbarrels per day in May.", 1.46e6, "bbl/d"),
    ("The mine shipped at least\n45,000 tonnes of ore per month.", 45000, "t/month"),
    ("The utility will spend\n$2.4 billion on new lines.", 2.4e9, "USD"),
    ("Bond yields rose to 4.1\nper cent on Friday.", 4.1, "%"),
])
def test_a_figure_broken_across_lines_is_read_whole(text, value, unit):
    q = one(text)
    assert q.value == pytest.approx(value) and q.unit == unit
    assert text[q.start:q.end] == q.text


def test_the_hedge_on_the_line_before_still_binds():
    q = one("The mine shipped at least\n45,000 tonnes of ore per month.")
    assert q.qualifier == "at_least"


def test_a_headline_ending_in_a_figure_keeps_its_own_line():
    qs = find_quantities("Flood toll climbs to 37\nResidents said on Sunday that 5 bridges "
                         "had gone.")
    assert [q.value for q in qs] == [37, 5]


def test_list_numbers_at_line_starts_stay_list_numbers():
    qs = find_quantities("Key points:\n1. Coal output fell\n2. Gas output rose 3%")
    assert [q.text for q in qs] == ["3%"]


def test_a_blank_line_is_still_a_break():
    qs = find_quantities("Output reached 1.46\n\nmillion reasons to smile, said one worker.")
    assert qs[0].text == "1.46" and qs[0].unit == ""


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "rose", "to", "1.46", "million", "barrels", "per", "day", "\n", "\n\n", "at", "least",
    "$", "2.4", "billion", "%", "1.", "Key", "-", "|", "tonnes",
]), max_size=25))
def test_spans_slice_back_to_the_text_as_given(words):
    text = " ".join(words).replace(" \n ", "\n")
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text


def test_rows_of_a_plain_text_table_stay_rows():
    qs = find_quantities("Loadings by terminal:\nalpha 250,000\nbravo 210,000\n")
    assert [(q.value, q.counted) for q in qs] == [(250000, ""), (210000, "")]
