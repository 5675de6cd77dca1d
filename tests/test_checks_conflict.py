"""FC101/FC102/FC104 on claims built from sentences written for these tests."""

from __future__ import annotations

import random

import pytest

from factcheck.checks import assign_clusters, load_check_rules, run_checks
from test_checks_support import article, claim

RULES = load_check_rules()
KEY = dict(entity="Kazakhstan", metric="crude_condensate_production", period="2025-03")


def findings_for(arts, claims):
    claims = assign_clusters(arts, claims, RULES)
    return run_checks(claims, arts, RULES)


def two_reports(first: str, second: str, fig1: str, fig2: str, *, c1=None, c2=None, **unit):
    a = article("desk/one.txt", first, outlet="Steppe Daily")
    b = article("desk/two.txt", second, outlet="Northline Wire")
    unit = unit or {"unit": "bbl/d"}
    return [a, b], [claim(a, fig1, **unit, **(c1 or KEY)), claim(b, fig2, **unit, **(c2 or KEY))]


def test_conflict_found_with_values_citations_and_difference():
    arts, claims = two_reports(
        "The republic pumped 2.12 million barrels per day of crude and condensate in March.",
        "Crude plus condensate output in the country reached 2.17 million bpd last month.",
        "2.12 million", "2.17 million")
    (f,) = findings_for(arts, claims)
    assert (f.rule, f.kind, f.severity) == ("FC101", "conflict", "error")
    assert f.message == ("Kazakhstan · crude_condensate_production · 2025-03: "
                         "2.12 million bbl/d vs 2.17 million bbl/d "
                         "(differ by 0.05 million bbl/d, 2.3%)")
    values = f.details["values"]
    assert [v["value"] for v in values] == [2.12e6, 2.17e6]
    assert values[0]["outlets"] == ["Steppe Daily"] and values[1]["outlets"] == ["Northline Wire"]
    assert f.details["difference"]["absolute"] == pytest.approx(50000)
    assert f.details["difference"]["relative"] == pytest.approx(0.05 / 2.17)
    assert f.details["tolerance"] == {"relative": 0.005}
    assert set(f.claims) == {c.id for c in claims}


def test_rounding_compatible_figures_are_not_a_conflict():
    arts, claims = two_reports(
        "The republic pumped about 2.1 million barrels per day of crude and condensate in March.",
        "Crude plus condensate output in the country reached 2.12 million bpd last month.",
        "2.1 million", "2.12 million")
    assert findings_for(arts, claims) == []


def test_same_figure_in_other_units_is_not_a_conflict():
    a = article("desk/one.txt", "Crude and condensate output held at 2,120 kb/d in March.")
    b = article("desk/two.txt", "The country produced 2.12 million barrels a day last month.")
    claims = [claim(a, "2,120", unit="bbl/d", factor=1000, low=2119.5e3, high=2120.5e3, **KEY),
              claim(b, "2.12 million", unit="bbl/d", **KEY)]
    assert findings_for([a, b], claims) == []


def test_point_inside_a_stated_range_is_not_a_conflict():
    key = dict(entity="Russia", metric="tariff_rate", period="2025-04", modality="target")
    a = article("desk/one.txt", "Buyers of the oil could face secondary tariffs of 25% to 50%.")
    b = article("desk/two.txt", "The president threatened a 50% tariff on buyers of the crude.")
    claims = [claim(a, "25% to 50%", unit="%", qualifier="range", low=25, high=50, **key),
              claim(b, "50%", unit="%", **key)]
    assert findings_for([a, b], claims) == []


@pytest.mark.parametrize("change", [
    {"metric": "crude_production"}, {"period": "2025-02"}, {"modality": "forecast"},
    {"entity": "Russia"},
])
def test_different_key_is_not_a_conflict(change):
    arts, claims = two_reports(
        "The republic pumped 2.12 million barrels per day of crude and condensate in March.",
        "Crude plus condensate output in the country reached 2.17 million bpd last month.",
        "2.12 million", "2.17 million", c2={**KEY, **change})
    assert findings_for(arts, claims) == []


def test_copies_of_one_sentence_are_never_set_against_each_other():
    text = ("Crude and condensate production in the republic reached 2.12 million barrels per "
            "day in March, up from the month before, according to figures seen by the desk.")
    copy = text.replace("republic", "Republic")
    arts, claims = two_reports(text, copy, "2.12 million", "2.12 million")
    clustered = assign_clusters(arts, claims, RULES)
    assert clustered[0].cluster == clustered[1].cluster != ""
    assert [f.kind for f in run_checks(clustered, arts, RULES)] == []


def test_a_copy_that_changed_the_figure_is_reported_against_its_source():
    text = ("Crude and condensate production in the republic reached 2.12 million barrels per "
            "day in March, up from the month before, according to figures seen by the desk.")
    copy = text.replace("2.12", "2.17").replace("republic", "Republic")
    arts, claims = two_reports(text, copy, "2.12 million", "2.17 million")
    clustered = assign_clusters(arts, claims, RULES)
    assert clustered[0].cluster != clustered[1].cluster
    assert [f.kind for f in run_checks(clustered, arts, RULES)] == ["conflict"]


def test_two_figures_of_one_sentence_are_not_set_against_each_other():
    a = article("desk/one.txt", "Output rose to 2.17 million bpd from 2.12 million bpd.")
    claims = [claim(a, "2.17 million", unit="bbl/d", **KEY),
              claim(a, "2.12 million", unit="bbl/d", **KEY)]
    assert findings_for([a], claims) == []


def test_different_named_sources_give_an_info_disagreement():
    key = dict(entity="Russia", metric="reserves", period="2023-01-01")
    arts, claims = two_reports(
        "The geological survey puts the country's rare metal reserves at 3.8 million tons.",
        "The ministry says the country holds 28.7 million tons of the metals in reserve.",
        "3.8 million", "28.7 million", unit="t",
        c1={**key, "attribution": "U.S. Geological Survey"},
        c2={**key, "attribution": "Natural Resources Ministry"})
    (f,) = findings_for(arts, claims)
    assert (f.rule, f.kind, f.severity) == ("FC102", "attributed-disagreement", "info")
    assert "U.S. Geological Survey" in f.message and "Natural Resources Ministry" in f.message


def test_anonymous_sources_are_not_a_named_source():
    arts, claims = two_reports(
        "The ministry reported 2.12 million barrels per day of crude and condensate in March.",
        "Output reached 2.17 million bpd last month, industry sources told Reuters.",
        "2.12 million", "2.17 million",
        c1={**KEY, "attribution": "energy ministry"},
        c2={**KEY, "attribution": "industry sources told Reuters"})
    (f,) = findings_for(arts, claims)
    # A named source against a figure credited to nobody may be a difference of sources.
    assert (f.rule, f.severity) == ("FC102", "info")
    assert "energy ministry" in f.message and "industry sources told Reuters" in f.message


def test_anonymous_sources_against_an_unattributed_figure_is_an_error():
    arts, claims = two_reports(
        "The republic pumped 2.12 million barrels per day of crude and condensate in March.",
        "Output reached 2.17 million bpd last month, industry sources told Reuters.",
        "2.12 million", "2.17 million",
        c2={**KEY, "attribution": "industry sources told Reuters"})
    (f,) = findings_for(arts, claims)
    assert (f.rule, f.severity) == ("FC101", "error")


def test_low_confidence_is_never_an_error():
    arts, claims = two_reports(
        "The republic pumped 2.12 million barrels per day of crude and condensate in March.",
        "Crude plus condensate output in the country reached 2.17 million bpd last month.",
        "2.12 million", "2.17 million", c2={**KEY, "confidence": 0.5})
    (f,) = findings_for(arts, claims)
    assert (f.rule, f.kind, f.severity) == ("FC104", "unresolved-key", "info")


def test_unresolved_period_clash_is_info_and_only_against_a_single_period():
    a = article("desk/one.txt", "The republic pumped 2.12 million barrels per day in March.")
    b = article("desk/two.txt", "The country's fields now yield 1.6 million bpd of the blend.")
    c = article("desk/three.txt", "In February the fields yielded 2.15 million bpd of it.")
    claims = [claim(a, "2.12 million", unit="bbl/d", **KEY),
              claim(b, "1.6 million", unit="bbl/d", **{**KEY, "period": ""})]
    (f,) = findings_for([a, b], claims)
    assert (f.rule, f.severity) == ("FC104", "info")
    assert "no period" in f.message
    # With resolved figures for two periods the figure may belong to a third: stay quiet.
    claims.append(claim(c, "2.15 million", unit="bbl/d", **{**KEY, "period": "2025-02"}))
    assert findings_for([a, b, c], claims) == []


def test_copies_of_one_story_conflicting_is_a_warning_not_an_error():
    story = ["Crude and condensate production in the republic reached a record in March.",
             "The increase came as the biggest field finished an expansion project on time.",
             "The country has repeatedly pumped above its quota under the producer pact.",
             "Officials have said they will compensate for the extra barrels later this year.",
             "Exports through the main pipeline were steady despite the weather at the port."]
    a = article("wire/a.txt", " ".join(story) + " Output was 2.12 million bpd in the month.")
    b = article("wire/b.txt", " ".join(story) +
                " Reporters were told the month's total was 2.17 million bpd overall.")
    claims = [claim(a, "2.12 million", unit="bbl/d", **KEY),
              claim(b, "2.17 million", unit="bbl/d", **KEY)]
    findings = findings_for([a, b], claims)
    assert [(f.rule, f.severity) for f in findings] == [("FC101", "warning"), ("FC103", "info")]


def test_ordering_and_ids_do_not_depend_on_input_order():
    arts, claims = two_reports(
        "The republic pumped 2.12 million barrels per day of crude and condensate in March.",
        "Crude plus condensate output in the country reached 2.17 million bpd last month.",
        "2.12 million", "2.17 million")
    c = article("desk/three.txt", "Crude output alone was 1.83 million bpd in February, and "
                "exports reached 1.5 million bpd.")
    arts.append(c)
    claims += [claim(c, "1.83 million", unit="bbl/d", **{**KEY, "period": "2025-02"}),
               claim(c, "1.5 million", unit="bbl/d", **{**KEY, "metric": "exports"})]
    d = article("desk/four.txt", "February crude and condensate output was 1.9 million bpd.")
    arts.append(d)
    claims.append(claim(d, "1.9 million", unit="bbl/d", **{**KEY, "period": "2025-02"}))
    expected = findings_for(arts, claims)
    assert [f.rule for f in expected] == ["FC101", "FC101"]
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(arts)
        rng.shuffle(claims)
        got = findings_for(arts, claims)
        assert [(f.id, f.message, f.claims) for f in got] == \
               [(f.id, f.message, f.claims) for f in expected]


def test_fingerprint_is_stable_when_lines_move():
    body = ("The republic pumped 2.12 million barrels per day of crude and condensate in March.")
    arts, claims = two_reports(body, "Output reached 2.17 million bpd last month.",
                               "2.12 million", "2.17 million")
    (before,) = findings_for(arts, claims)
    moved = article("desk/one.txt", body, outlet="Steppe Daily", line_start=40)
    moved_claims = [claim(moved, "2.12 million", unit="bbl/d", **KEY), claims[1]]
    assert moved_claims[0].line == 40 and claims[0].line == 1
    (after,) = findings_for([moved, arts[1]], moved_claims)
    assert after.id == before.id


@pytest.mark.parametrize("modality", ["forecast", "change"])
def test_forecasts_and_changes_of_unnamed_sources_are_warnings(modality):
    key = {**KEY, "modality": modality, "period": "2025"}
    arts, claims = two_reports(
        "Output is expected to average 2.12 million barrels per day over the year.",
        "Analysts see the republic's output at 2.3 million bpd on average this year.",
        "2.12 million", "2.3 million", c1=key, c2=key)
    (f,) = findings_for(arts, claims)
    assert (f.rule, f.severity) == ("FC101", "warning") and f.details["reason"]
