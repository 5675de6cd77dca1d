"""The fast paths of the checks give what the plain all-pairs way gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.compare import Span, relative_gap
from factcheck.checks.keyed import _clashing_indices


def brute(spans, tol):
    return [(i, j) for i in range(len(spans)) for j in range(i + 1, len(spans))
            if relative_gap(spans[i], spans[j]) > tol]


figure = st.tuples(st.sampled_from([0.0, 1.9, 2.0, 2.05, 2.1, 2.12, 2.17, 2.2, 150.0, 1e6]),
                   st.sampled_from([0.0, 0.005, 0.01, 0.05, 0.5]))


@settings(max_examples=150, deadline=None)
@given(st.lists(figure, max_size=25), st.sampled_from([0.0, 0.005, 0.02, 0.1]))
def test_sorted_candidates_find_exactly_the_clashing_pairs(figures, tol):
    spans = [Span(v - w, v + w, v, "bbl/d") if v - w >= 0 else Span(0.0, v + w, v, "bbl/d")
             for v, w in figures]
    assert _clashing_indices(spans, tol) == brute(spans, tol)


def test_open_and_negative_spans_take_the_plain_way():
    spans = [Span(-3.0, -2.0, -2.5, "%"), Span(1.0, float("inf"), None, "%"),
             Span(5.0, 5.0, 5.0, "%")]
    assert _clashing_indices(spans, 0.01) == brute(spans, 0.01)
