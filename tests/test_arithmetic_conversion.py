"""FC207 conversion: crude oil in tonnes against barrels, on written sentences."""

from __future__ import annotations

from test_arithmetic_helpers import of_rule, run
from factcheck.checks.arithmetic_conversion import stated_factor

DAILY = "Russia's crude oil production averaged 9.0 million bpd in 2024."


def test_stated_factor_is_read_from_the_article():
    assert stated_factor("at 7.5 barrels per tonne") == 7.5
    assert stated_factor("one tonne of crude equals about 7.6 barrels") == 7.6
    assert stated_factor("costs 75 dollars a barrel and 7 tonnes") is None


def test_barrels_a_day_and_tonnes_a_year_that_convert_are_quiet():
    findings, _ = run({"a.txt": DAILY,
                       "b.txt": "Russia produced 450 million tonnes of crude oil in 2024."})
    assert not of_rule(findings, "FC207")


def test_tonnes_that_do_not_convert_are_flagged():
    findings, _ = run({"a.txt": DAILY,
                       "b.txt": "Russia produced 520 million tonnes of crude oil in 2024."})
    (f,) = of_rule(findings, "FC207")
    assert f.kind == "conversion" and f.severity == "warning"
    assert f.details["days"] == 366
    assert f.details["factor_source"] == "units.txt crude_oil context"


def test_restatement_in_one_sentence_uses_the_stated_factor():
    quiet, _ = run({"a.txt": "Russia's crude oil production averaged 9.0 million bpd in "
                             "2024, or 387 million tonnes a year at 8.5 barrels per tonne."})
    assert not of_rule(quiet, "FC207")
    flagged, _ = run({"a.txt": "Russia's crude oil production averaged 9.0 million bpd in "
                               "2024, or 450 million tonnes a year at 8.5 barrels per tonne."})
    (f,) = of_rule(flagged, "FC207")
    assert f.details["factor_source"] == "stated in the article"


def test_tonnes_of_something_else_are_never_converted():
    findings, _ = run({"a.txt": DAILY,
                       "b.txt": "Russia harvested 520 million tonnes of grain in 2024."})
    assert not of_rule(findings, "FC207")


def test_condensate_widens_the_factor():
    text = ("Kazakhstan's output of crude oil and condensate averaged 1.95 million bpd in 2024, "
            "or {tonnes} million tonnes for the year.")
    quiet, _ = run({"a.txt": text.format(tonnes="87.6")})
    assert not of_rule(quiet, "FC207")
    flagged, _ = run({"a.txt": text.format(tonnes="120")})
    (f,) = of_rule(flagged, "FC207")
    assert "condensate included" in f.details["factor_source"]


def test_factor_from_the_crude_oil_context_of_units_txt(tmp_path):
    import shutil

    from factcheck.checks import assign_clusters, load_check_rules, run_checks
    from factcheck.extract import find_quantities
    from factcheck.frame import frame_article
    from test_arithmetic_helpers import FRAMING, article

    text = ("Russia's crude oil production averaged 9.0 million bpd in 2024, or 380 million "
            "tonnes a year.")
    flagged, _ = run({"a.txt": text})
    assert of_rule(flagged, "FC207")

    from pathlib import Path

    shutil.copy(Path(__file__).resolve().parents[1] / "rules" / "checks.yaml",
                tmp_path / "checks.yaml")
    (tmp_path / "units.txt").write_text("@context(barrels_per_tonne = 8.5) crude_oil = crude\n"
                                        "@end\n", encoding="utf-8")
    rules = load_check_rules(tmp_path)
    a = article("a.txt", text)
    claims = assign_clusters([a], frame_article(a, find_quantities(a.text), FRAMING), rules)
    findings = run_checks(claims, [a], rules)
    assert not of_rule(findings, "FC207")
