"""Generated arithmetic through the real parser, framing and checks: consistent figures
(after the rounding the sentence shows) are never flagged; planted errors beyond the
tolerance always are."""

from __future__ import annotations

import calendar

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from test_arithmetic_helpers import of_rule, run

SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
MONTHS = list(calendar.month_name)[1:]
# "May" also reads as a modal verb ("output may reach"); framing decides that, not these tests.
MONTH_INDEX = st.integers(0, 11).filter(lambda m: m != 4)
LATER_MONTH = st.integers(1, 11).filter(lambda m: m not in (4, 5))   # neither month is May


def table(parts: list[int], total: int) -> str:
    rows = "".join(f"| Route {chr(65 + i)} | {p:,} |\n" for i, p in enumerate(parts))
    return ("Wheat shipped from the port last year by route, in tonnes:\n\n"
            f"| Route | 2024 |\n|---|---:|\n{rows}| Total | {total:,} |\n")


@SETTINGS
@given(st.lists(st.integers(1, 900_000), min_size=2, max_size=6))
def test_table_that_adds_up_is_quiet(parts):
    findings, _ = run({"a.md": table(parts, sum(parts))})
    assert not of_rule(findings, "FC202")


@SETTINGS
@given(st.lists(st.integers(1_000, 900_000), min_size=2, max_size=6),
       st.floats(0.03, 0.5), st.booleans())
def test_table_with_a_planted_total_is_flagged(parts, error, over):
    total = round(sum(parts) * (1 + error if over else 1 - error))
    findings, _ = run({"a.md": table(parts, total)})
    assert of_rule(findings, "FC202")


def change_sentence(base: float, level: float, percent: float, month: int) -> str:
    verb = "rose" if percent >= 0 else "fell"
    return (f"Kazakhstan's crude oil exports {verb} {abs(percent):.1f}% to {level:.2f} million "
            f"bpd in {MONTHS[month]} from {base:.2f} million bpd in {MONTHS[month - 1]}.")


@SETTINGS
@given(st.floats(0.5, 3.0), st.floats(-40, 60), LATER_MONTH)
def test_percent_change_computed_from_the_written_levels_is_quiet(base, change, month):
    base = round(base, 2)
    level = round(base * (1 + change / 100), 2)
    percent = round((level / base - 1) * 100, 1)
    findings, _ = run({"a.txt": change_sentence(base, level, percent, month)})
    assert not of_rule(findings, "FC201")


@SETTINGS
@given(st.floats(0.5, 3.0), st.floats(0, 50), LATER_MONTH, st.floats(5, 30))
def test_percent_change_off_by_points_is_flagged(base, change, month, error):
    base = round(base, 2)
    level = round(base * (1 + change / 100), 2)
    percent = round((level / base - 1) * 100, 1) + error
    findings, _ = run({"a.txt": change_sentence(base, level, percent, month)})
    assert of_rule(findings, "FC201")


def rate_sentence(rate: float, total: float, month: int) -> str:
    return (f"Kazakhstan's crude oil exports averaged {rate:.2f} million bpd in "
            f"{MONTHS[month]} 2024, or {total:.1f} million barrels for the month.")


@SETTINGS
@given(st.floats(0.5, 3.0), MONTH_INDEX)
def test_rate_times_days_equal_to_the_total_is_quiet(rate, month):
    rate = round(rate, 2)
    total = rate * calendar.monthrange(2024, month + 1)[1]
    findings, _ = run({"a.txt": rate_sentence(rate, total, month)})
    assert not of_rule(findings, "FC203")


@SETTINGS
@given(st.floats(0.5, 3.0), MONTH_INDEX, st.floats(0.06, 0.5), st.booleans())
def test_rate_against_a_planted_total_is_flagged(rate, month, error, over):
    rate = round(rate, 2)
    total = rate * calendar.monthrange(2024, month + 1)[1] * (1 + error if over else 1 - error)
    findings, _ = run({"a.txt": rate_sentence(rate, total, month)})
    assert of_rule(findings, "FC203")


# A round figure ("100", "300") is read as rounded to its last non-zero digit, which makes
# any share of it plausible; the generated counts avoid trailing zeros.
NOT_ROUND = st.integers(101, 5_000).filter(lambda n: n % 10)


def share_sentence(part: int, whole: int, percent: float) -> str:
    return (f"Courts in Ankara released {part:,} of the {whole:,} detained students, or "
            f"{percent:.0f}%, on Thursday.")


@SETTINGS
@given(st.integers(10, 5_000), st.floats(0.05, 0.95))
def test_share_rounded_from_part_and_whole_is_quiet(whole, fraction):
    part = max(1, round(whole * fraction))
    findings, _ = run({"a.txt": share_sentence(part, whole, round(100 * part / whole))})
    assert not of_rule(findings, "FC204")


@SETTINGS
@given(NOT_ROUND, st.floats(0.1, 0.8), st.integers(8, 15))
def test_share_off_by_points_is_flagged(whole, fraction, error):
    part = round(whole * fraction)
    part += 1 if part % 10 == 0 else 0
    findings, _ = run({"a.txt": share_sentence(part, whole, round(100 * part / whole) + error)})
    assert of_rule(findings, "FC204")


def gap_sentence(level: float, quota: float, gap_kbd: int) -> str:
    return (f"Kazakhstan's crude output of {level:.2f} million bpd in March exceeded its OPEC+ "
            f"quota of {quota:.3f} million bpd by {gap_kbd:,} bpd.")


@SETTINGS
@given(st.floats(1.0, 3.0), st.floats(0.05, 0.8))
def test_difference_of_the_written_terms_is_quiet(quota, excess):
    quota, level = round(quota, 3), round(quota + excess, 2)
    gap = round((level - quota) * 1e6, -3)
    findings, _ = run({"a.txt": gap_sentence(level, quota, int(gap))})
    assert not of_rule(findings, "FC205")


@SETTINGS
@given(st.floats(1.0, 3.0), st.floats(0.2, 0.8), st.floats(0.2, 0.6), st.booleans())
def test_difference_off_by_a_fifth_is_flagged(quota, excess, error, over):
    quota, level = round(quota, 3), round(quota + excess, 2)
    gap = int(round((level - quota) * 1e6 * (1 + error if over else 1 - error), -3))
    # "1,000,000 bpd" reads as rounded to the million (docs/UNITS.md): plant gaps whose
    # precision is beyond doubt.
    assume(gap % 100_000)
    findings, _ = run({"a.txt": gap_sentence(level, quota, gap)})
    assert of_rule(findings, "FC205")
