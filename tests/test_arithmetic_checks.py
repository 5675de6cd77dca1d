"""FC201 percent change, FC203 rate vs total, FC206 record: sentences written for these
tests, run through the real parser, framing and checks."""

from __future__ import annotations

import datetime as dt

import pytest

from test_arithmetic_helpers import of_rule, run, texts_of
from factcheck.checks.arithmetic_percent import base_period
from factcheck.checks.arithmetic_record import record_direction
from factcheck.checks.arithmetic_support import (
    Interval, cannot_meet, earlier, period_days, shift_period,
)


# --- support ----------------------------------------------------------------------------

def test_period_calendar():
    assert period_days("2025-02") == 28
    assert period_days("2024-02") == 29
    assert period_days("2024") == 366
    assert period_days("2025-Q1") == 90
    assert period_days("2025-H2") == 184
    assert shift_period("2025-01") == "2024-12"
    assert shift_period("2025-03", -1, by="year") == "2024-03"
    assert shift_period("2025-Q1") == "2024-Q4"
    assert earlier("2025-02", "2025-03") and not earlier("2025", "2025-03")


def test_interval_arithmetic_keeps_open_ends():
    monthly = Interval(130_000, float("inf")).scale(12)
    assert monthly.low == 1_560_000 and monthly.high == float("inf")
    assert cannot_meet(Interval(1.505e6, 1.515e6), monthly, 0.02)
    assert not cannot_meet(Interval(1.55e6, 1.57e6), monthly, 0.02)
    ratio = Interval(1.825, 1.835).over(Interval(1.575, 1.585))
    assert ratio.low < 1.83 / 1.58 < ratio.high
    assert Interval(1, 2).over(Interval(-1, 1)) is None


def test_base_period_words():
    assert base_period(" m-o-m to 1.83 million", "2025-03") == "2025-02"
    assert base_period(" year on year", "2025-03") == "2024-03"
    assert base_period(" increase from January volumes", "2025-03") == "2025-01"
    assert base_period(" more than in November", "2025-03") == "2024-11"
    assert base_period(" in November", "2025-03") == ""
    assert base_period(" from November", "2025-03") == "2024-11"
    assert base_period(" in the quarter", "2025-03") == ""


# --- FC201 percent change ---------------------------------------------------------------

def test_percent_change_inside_one_sentence_is_recomputed():
    findings, claims = run({"a.txt": (
        "Kazakhstan's crude oil output rose 5% to 1.83 million bpd in March from 1.58 "
        "million bpd in February.")})
    (f,) = of_rule(findings, "FC201")
    assert f.severity == "warning" and f.kind == "percent-change"
    assert texts_of(f, claims) == {"5%", "1.83 million bpd", "1.58 million bpd"}
    assert "computed +15.1% to +16.5%" in f.details["explanation"]
    assert {i["role"] for i in f.details["inputs"]} == {"change", "level", "base"}


def test_consistent_percent_change_is_quiet():
    findings, _ = run({"a.txt": (
        "Kazakhstan's crude oil output rose 15.8% to 1.83 million bpd in March from 1.58 "
        "million bpd in February.")})
    assert not of_rule(findings, "FC201")


def test_a_level_written_before_its_change_is_recomputed():
    findings, claims = run({"a.txt": (
        "Peru shipped 2.6 million tonnes of copper concentrate in 2024, up 20% from 2.4 "
        "million tonnes in 2023.")})
    (f,) = of_rule(findings, "FC201")
    assert texts_of(f, claims) == {"20%", "2.6 million tonnes", "2.4 million tonnes"}
    assert {i["role"]: i["claim"] for i in f.details["inputs"]}["level"] in {
        c.id for c in claims.values() if c.text == "2.6 million tonnes"}
    quiet, _ = run({"a.txt": (
        "Peru's copper exports were 2.6 million tonnes in 2024, up 8% from 2.4 million "
        "tonnes in 2023, and zinc exports were 1.1 million tonnes, down 4% from 1.15 "
        "million tonnes.")})
    assert not of_rule(quiet, "FC201")
    # the figure before the change is a base ("from Y"), not the level the change reached
    for joined in ("from", "after", "against"):
        quiet, _ = run({"a.txt": (
            f"Peru's exports rose to $6.6 billion in May {joined} $6.2 billion in April, up "
            "10% from $6 billion a year earlier.")})
        assert not of_rule(quiet, "FC201"), joined


def test_month_on_month_change_against_the_base_in_another_article():
    findings, claims = run({
        "a.txt": "Excluding condensate, Kazakhstan's crude oil output increased 15.5% m-o-m "
                 "to 1.83 million bpd last month.",
        "b.txt": "Excluding condensate, Kazakhstan's crude oil output was 1.83 million bpd "
                 "in February, the ministry said.",
    })
    (f,) = of_rule(findings, "FC201", loud_only=True)
    assert texts_of(f, claims) == {"15.5%", "1.83 million bpd"}
    assert f.details["base_period"] == "2025-02"
    assert f.details["reported"] == "+15.5%"
    assert f.details["explanation"].startswith("reported +15.5%, computed -0.5% to +0.5%")


def test_other_sources_levels_are_shown_as_other_readings():
    findings, _ = run({
        "a.txt": "Excluding condensate, Kazakhstan's crude oil output increased 15.5% m-o-m "
                 "to 1.83 million bpd last month.",
        "b.txt": "Excluding condensate, Kazakhstan's crude oil output was 1.83 million bpd "
                 "in February, the ministry said.",
        "c.txt": "Excluding condensate, Kazakhstan's crude oil output reached 1.88 million "
                 "bpd in March, traders said.",
    })
    (f,) = [x for x in of_rule(findings, "FC201") if x.details.get("other_readings")]
    assert any("+2.2% to +3.3%" in r for r in f.details["other_readings"])


def test_year_on_year_fall_against_last_years_level():
    findings, _ = run({
        "a.txt": "Russia's wheat exports fell 20% year on year to 4.0 million tons in March.",
        "b.txt": "Russia exported 4.2 million tons of wheat in March 2024.",
    })
    (f,) = of_rule(findings, "FC201")
    assert "2024-03" in f.details["explanation"]


def test_no_named_base_period_no_lookup():
    findings, _ = run({
        "a.txt": "Russia's wheat exports fell 20% to 4.0 million tons in March.",
        "b.txt": "Russia exported 4.2 million tons of wheat in February.",
    })
    assert not of_rule(findings, "FC201")


def test_points_and_percent_kept_apart():
    flagged, _ = run({"a.txt": "Turkey's unemployment rate rose 5 points to 9% in March "
                               "from 8% in February."})
    assert of_rule(flagged, "FC201")
    quiet, _ = run({"a.txt": "Turkey's inflation rate rose 3 percentage points to 38% in "
                             "March from 35% in February."})
    assert not of_rule(quiet, "FC201")
    # 10% of a level that is itself a percentage: relative or points? Not judged.
    ambiguous, _ = run({"a.txt": "Turkey's unemployment rate rose 10% to 9% in March from "
                                 "8% in February."})
    assert not of_rule(ambiguous, "FC201")


def test_direction_of_a_change_without_a_percentage():
    wrong, _ = run({"a.txt": "Aluminium exports from Russia to the US fell to $2.3 billion "
                             "in 2024, down from $1.7 billion in 2017."})
    (f,) = of_rule(wrong, "FC201")
    assert "goes the other way" in f.message
    right, _ = run({"a.txt": "Aluminium exports from Russia to the US fell to $2.3 million "
                             "in 2024, down from $1.7 billion in 2017."})
    assert not of_rule(right, "FC201")


def test_rounded_levels_that_touch_are_not_a_wrong_direction():
    findings, _ = run({"a.txt": "Kazakhstan's oil output climbed to 1.7 million bpd in March "
                                "from 1.8 million bpd in February."})
    assert not of_rule(findings, "FC201")


# --- FC203 rate vs total ----------------------------------------------------------------

def test_monthly_floor_times_twelve_above_the_yearly_total():
    findings, claims = run({"a.txt": (
        "In 2024, Kazakhstan exported at least 130,000 tonnes of crude every month but 1.51 "
        "million tons over the whole year.")})
    (f,) = of_rule(findings, "FC203")
    assert f.severity == "warning" and f.kind == "rate-total"
    assert "x 12 months" in f.details["explanation"]
    assert f.details["computed"] == "at least 1.56 million t"


def test_daily_rate_uses_the_days_of_that_month():
    quiet, _ = run({"a.txt": "Kazakhstan's crude oil exports averaged 1.5 million bpd in "
                             "February, or 42 million barrels for the month."})
    assert not of_rule(quiet, "FC203")
    findings, _ = run({"a.txt": "Kazakhstan's crude oil exports averaged 1.5 million bpd in "
                                "February, or 46.5 million barrels for the month."})
    (f,) = of_rule(findings, "FC203")
    assert "x 28 days" in f.details["explanation"]


def test_hedged_rate_meets_the_total():
    findings, _ = run({"a.txt": "Last year Kazakhstan shipped about 2 million tons of oil a "
                                "month, some 24 million tons for the year."})
    assert not of_rule(findings, "FC203")


def test_part_of_the_total_is_not_the_total():
    findings, _ = run({"a.txt": "Last year Kazakhstan shipped 2.5 million tons of oil a month, "
                                "of which 12 million tons went to Italy."})
    assert not of_rule(findings, "FC203")


def test_partial_total_and_running_period_are_left_alone():
    partial, _ = run({"a.txt": "This year Kazakhstan has shipped 2.5 million tons of oil a "
                               "month and 5 million tons so far."})
    assert not of_rule(partial, "FC203")
    running, _ = run({"a.txt": "In 2025 Kazakhstan shipped 2.5 million tons of oil a month "
                               "and 5 million tons in total."}, published=dt.date(2025, 3, 1))
    assert not of_rule(running, "FC203")


# --- FC206 record -----------------------------------------------------------------------

@pytest.mark.parametrize("before, after, direction", [
    ("output hit a record high of ", "", "high"),
    ("pumped a record ", " of crude", "high"),
    ("fell to a record low of ", "", "low"),
    ("pumped a near-record ", "", ""),
    ("came close to a record ", "", ""),
    ("pumped ", " of crude in March, an all-time high", "high"),
    ("pumped ", " of crude, below the record", ""),
    ("hit a record March output of ", "", ""),
    ("pumped ", " of crude, a first-quarter record", ""),
])
def test_record_words_must_touch_the_figure(before, after, direction):
    assert record_direction(before, after) == direction


def test_record_below_an_earlier_month_is_flagged():
    findings, claims = run({
        "a.txt": "Kazakhstan pumped a record 2.10 million bpd of crude oil in March.",
        "b.txt": "Kazakhstan pumped 2.25 million bpd of crude oil in January.",
    })
    (f,) = of_rule(findings, "FC206")
    assert f.kind == "record" and f.severity == "warning"
    assert texts_of(f, claims) == {"2.10 million bpd", "2.25 million bpd"}


def test_record_quiet_against_later_rounded_or_hedged_figures():
    later, _ = run({
        "a.txt": "Kazakhstan pumped a record 2.10 million bpd of crude oil in March.",
        "b.txt": "Kazakhstan pumped 2.25 million bpd of crude oil in April.",
    })
    assert not of_rule(later, "FC206")
    rounded, _ = run({
        "a.txt": "Kazakhstan pumped a record 2.1 million bpd of crude oil in March.",
        "b.txt": "Kazakhstan pumped 2.15 million bpd of crude oil in January.",
    })
    assert not of_rule(rounded, "FC206")
    near, _ = run({
        "a.txt": "Kazakhstan pumped a near-record 2.10 million bpd of crude oil in March.",
        "b.txt": "Kazakhstan pumped 2.25 million bpd of crude oil in January.",
    })
    assert not of_rule(near, "FC206")


def test_record_after_the_figure_and_not_for_its_neighbour():
    after, _ = run({
        "a.txt": "Kazakhstan pumped 2.10 million bpd of crude oil in March, an all-time high.",
        "b.txt": "Kazakhstan pumped 2.25 million bpd of crude oil in January.",
    })
    assert of_rule(after, "FC206")
    neighbour, _ = run({
        "a.txt": "Kazakhstan pumped 2.10 million bpd of crude oil in March and 2.3 million "
                 "bpd in April, a record.",
        "b.txt": "Kazakhstan pumped 2.25 million bpd of crude oil in January.",
    })
    assert not of_rule(neighbour, "FC206")


def test_an_article_local_kind_must_cite_its_article():
    """Article-local findings are filed under the article of their first claim: a kind
    that cites none is refused rather than dropped or misfiled."""
    import pytest

    from factcheck.checks import run_local_checks
    from factcheck.checks.config import CheckRules, RuleConfig
    from factcheck.checks.registry import ARTICLE_LOCAL_KINDS, CHECK_KINDS, register
    from factcheck.model import Finding
    from test_arithmetic_helpers import CHECKS, article

    @register("test-claimless", article_local=True)
    def claimless(ctx, rule):
        yield Finding("x", rule.code, rule.kind, "info", "no citation", ())

    try:
        rules = CheckRules(checks=(RuleConfig(code="FC299", kind="test-claimless",
                                              severity="info"),))
        with pytest.raises(ValueError, match="must cite"):
            run_local_checks([], [article("a.txt", "Nothing to see.")], rules)
    finally:
        CHECK_KINDS.pop("test-claimless", None)
        ARTICLE_LOCAL_KINDS.discard("test-claimless")
