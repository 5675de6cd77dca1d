"""Claim framing, third pass: classes of sentences that framing on unseen copy got wrong.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract import find_quantities
from factcheck.frame import frame_article, load_framing_rules
from factcheck.frame.continuation import continues, opening, part_of
from factcheck.model import Article, SourceMap

MAY_6 = dt.date(2025, 5, 6)


@pytest.fixture(scope="module")
def rules():
    return load_framing_rules()


def frame(rules, text: str, date: dt.date | None = MAY_6) -> dict:
    a = Article(id="p.txt#0", path="p.txt", index=0, headline="", outlet="", author="",
                published=date, published_from="metadata", text=text, line_start=1,
                line_end=text.count("\n") + 1, source=SourceMap.for_lines(text))
    return {c.text: c for c in frame_article(a, find_quantities(text), rules)}


def claim(claims: dict, starts: str):
    hits = [c for t, c in claims.items() if t.startswith(starts)]
    assert hits, f"no figure starting {starts!r} in {list(claims)}"
    return hits[0]


# --- continuations --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("That compares with 3 million.", True),
    ("Meanwhile, that compares with 3 million.", True),
    ("In March 2024, the figure had been lower.", True),
    ("For the whole of 2023, the annual rate was 4%.", True),
    ("The monthly reading was 4%.", True),
    ("The Omani output was 1 million bpd.", False),      # names its own subject
    ("Thailand said it would act.", False),
    ("Separately, Oman pumped 1 million bpd.", False),
])
def test_a_continuation_may_follow_a_fronted_connective_or_time_phrase(sentence, expected):
    assert continues(sentence) is expected


def test_opening_and_part_of_skip_the_fronted_phrase():
    assert opening("Last month, it rose.") == len("Last month, ")
    assert opening("Oman, a small producer, grew.") == 0
    assert part_of("In 2023, of that, $5 million went to schools.") == "of that"


def test_a_comparison_sentence_measures_what_the_sentence_before_measured(rules):
    claims = frame(rules, "Oman's crude and condensate output reached 1.05 million bpd in "
                          "April. That compares with 1.01 million bpd in March.")
    second = claim(claims, "1.01")
    assert second.metric == "crude_condensate_production"
    assert second.entity == "Oman"
    assert second.period == "2025-03"
    assert any("carried from the sentence before" in n for n in second.notes)


def test_a_change_and_its_base_after_a_connective_take_the_metric_before(rules):
    claims = frame(rules, "Consumer prices in Chile rose at an annual pace, with inflation "
                          "at 4.4% in April. Separately, the annual rate had been 4.9% in "
                          "March.")
    assert claim(claims, "4.9").metric == "inflation"
    assert claim(claims, "4.9").period == "2025-03"
    claims = frame(rules, "Norway's gas production came to 10.1 bcm in April. That was "
                          "down 2% from 10.3 bcm in March.")
    assert claim(claims, "10.3").metric.split(":")[0] == "gas_production"
    assert claim(claims, "2%").metric.split(":")[0] == "gas_production"


def test_a_new_subject_does_not_take_the_metric_before(rules):
    claims = frame(rules, "Oman's crude output reached 1.05 million bpd in April. "
                          "Qatar shipped 0.6 million bpd, a tanker tracker said.")
    assert claim(claims, "0.6").metric.split(":")[0] == "exports"


# --- refinements carried to a bare "output" -------------------------------------------

def test_bare_output_after_a_refined_figure_of_the_same_subject_keeps_the_refinement(rules):
    claims = frame(rules, "Oman's output of crude oil and condensate rose to 1.05 million "
                          "bpd in April. Output had averaged 1.01 million bpd in March.")
    assert claim(claims, "1.01").metric == "crude_condensate_production"


def test_output_that_names_crude_keeps_the_plain_convention(rules):
    claims = frame(rules, "Oman's output of crude oil and condensate rose to 1.05 million "
                          "bpd in April. Crude output had averaged 0.8 million bpd in March.")
    assert claim(claims, "0.8").metric == "oil_production"


def test_bare_output_of_another_subject_is_not_refined(rules):
    claims = frame(rules, "Oman's output of crude oil and condensate rose to 1.05 million "
                          "bpd in April. Yemen's output averaged 0.1 million bpd in March.")
    assert claim(claims, "0.1").metric == "oil_production"


@pytest.mark.parametrize("phrase", ["which excludes condensate", "alone",
                                    "which does not include condensate"])
def test_crude_only_phrasings(rules, phrase):
    claims = frame(rules, f"Oman's crude oil production {phrase} was 0.8 million bpd in April."
                   .replace("production alone which", "production alone, which"))
    # "alone" right before a figure also marks a part (":part"): narrower, never wrong
    assert claim(claims, "0.8").metric.split(":")[0] == "crude_production"


# --- who is speaking is not what was done ---------------------------------------------

def test_a_trigger_word_naming_the_speakers_is_not_the_metric(rules):
    claims = frame(rules, "Oman's production of crude and condensate was 1.05 million bpd "
                          "in April, two shipping sources told a news agency.")
    assert claim(claims, "1.05").metric == "crude_condensate_production"


# --- a pipeline's shipments are its throughput ------------------------------------------

def test_what_a_pipeline_ships_is_its_throughput(rules):
    claims = frame(rules, "The Druzhba pipeline shipped 0.9 million bpd of oil in April.")
    c = claim(claims, "0.9")
    assert c.entity == "Druzhba"
    assert c.metric == "throughput"        # a throughput key takes no commodity
    claims = frame(rules, "Iraq shipped 3.3 million bpd of oil in April.")
    assert claim(claims, "3.3").metric.split(":")[0] == "exports"


def test_a_pipeline_carried_figure_and_its_design_capacity(rules):
    claims = frame(rules, "Last year the TurkStream pipeline carried 15 bcm of gas. The "
                          "line is designed to carry 31.5 bcm a year.")
    assert claim(claims, "15").metric.split(":")[0] == "throughput"
    assert claim(claims, "31.5").metric.split(":")[0] == "export_capacity"


# --- names inside a figure --------------------------------------------------------------

def test_a_currency_sign_is_not_a_mention_of_its_country(rules):
    claims = frame(rules, "Last year, Glencore reported revenue of US$231 billion.")
    assert claim(claims, "US$231").entity != "United States"


# --- a forecast made in the past ------------------------------------------------------

def test_a_forecast_made_in_the_past_dates_a_month_already_gone(rules):
    claims = frame(rules, "A consultancy had forecast Oman's crude output at 1.1 million "
                          "bpd in April.")
    assert claim(claims, "1.1").period == "2025-04"
    claims = frame(rules, "A consultancy expects Oman's crude output at 1.1 million bpd in "
                          "April.", date=dt.date(2025, 5, 20))
    # a live forecast of a bare month looks ahead
    assert claim(claims, "1.1").period == "2026-04"


def test_the_figure_points_back_over_a_sentence_without_figures(rules):
    claims = frame(rules, "Oman pumped 1.05 million bpd of crude in March. Traders expect "
                          "little change. The figure keeps Oman above its quota of 0.8 "
                          "million bpd.")
    quota = claim(claims, "0.8")
    assert quota.metric == "production_quota"
    assert quota.period == "2025-03"
    claims = frame(rules, "Oman pumped 1.05 million bpd of crude in March. Qatar said 3 "
                          "tankers sailed. The figure keeps Oman above its quota of 0.8 "
                          "million bpd.")
    assert claim(claims, "0.8").period == ""      # a figure between: which one is unclear
