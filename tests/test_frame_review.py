"""Claim framing, review pass: ordinary news phrasing that gave false conflicts.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from factcheck.extract import find_quantities
from factcheck.frame import frame_article, load_framing_rules
from factcheck.model import Article, SourceMap

JUNE_3 = dt.date(2025, 6, 3)
SURE = 0.7          # the conflict checks act only on claims at least this sure


@pytest.fixture(scope="module")
def rules():
    return load_framing_rules()


def article(text: str, headline: str = "", index: int = 0,
            date: dt.date | None = JUNE_3) -> Article:
    return Article(id=f"r.txt#{index}", path="r.txt", index=index, headline=headline,
                   outlet="", author="", published=date, published_from="metadata",
                   text=text, line_start=1, line_end=text.count("\n") + 1,
                   source=SourceMap.for_lines(text))


def frame(rules, text: str, date: dt.date | None = JUNE_3) -> dict:
    a = article(text, date=date)
    return {c.text: c for c in frame_article(a, find_quantities(text), rules)}


def claims_of(rules, a: Article):
    return frame_article(a, find_quantities(a.text), rules)


def claim(claims: dict, starts: str):
    hits = [c for t, c in claims.items() if t.startswith(starts)]
    assert hits, f"no figure starting {starts!r} in {list(claims)}"
    return hits[0]


# --- claim ids ------------------------------------------------------------------------

def test_claim_ids_do_not_move_when_an_article_is_added_above(rules):
    text = "Lumber mills in Ontario shipped 40,000 tonnes of pulp in May."
    first = claims_of(rules, article(text, headline="Pulp shipments climb", index=0))
    moved = claims_of(rules, article(text, headline="Pulp  shipments climb", index=1))
    assert [c.id for c in first] == [c.id for c in moved]
    other = claims_of(rules, article(text, headline="A different story", index=0))
    assert [c.id for c in first] != [c.id for c in other]


def test_article_without_headline_is_keyed_by_its_opening_text(rules):
    text = "Ferry traffic across the strait carried 12,000 cars in April."
    a = claims_of(rules, article(text, index=0))
    b = claims_of(rules, article(text, index=3))
    assert [c.id for c in a] == [c.id for c in b]


def test_a_sentence_repeated_as_a_pull_quote_gives_distinct_ids(rules):
    quote = "The mill will cut 300 jobs by autumn."
    text = f"{quote} Workers gathered outside the gates on Monday. {quote}"
    ids = [c.id for c in claims_of(rules, article(text))]
    assert len(ids) == 2 and len(set(ids)) == 2


# --- deaths, injuries, casualties -----------------------------------------------------

def test_killed_and_injured_are_different_metrics(rules):
    c = frame(rules, "A drone strike on Kharkiv in May 2025 killed 7 people and injured "
                     "31, the regional governor said.")
    assert claim(c, "7").metric == "deaths"
    assert claim(c, "31").metric == "injuries"


@pytest.mark.parametrize("sentence, dead, hurt", [
    ("The blast in Odesa in May 2025 left 9 dead and 20 wounded.", "9", "20"),
    ("In May 2025 three people died and eleven were hurt when a bridge in Genoa fell.",
     "three", "eleven"),
])
def test_each_count_takes_the_word_that_follows_it(rules, sentence, dead, hurt):
    c = frame(rules, sentence)
    assert claim(c, dead).metric == "deaths"
    assert claim(c, hurt).metric == "injuries"


def test_casualties_is_kept_for_the_word_itself(rules):
    c = frame(rules, "The army reported 120 casualties near Kharkiv in May 2025.")
    assert claim(c, "120").metric == "casualties"


def test_a_toll_timed_only_by_the_article_date_stays_below_the_conflict_threshold(rules):
    undated = frame(rules, "Floods in Pakistan have killed 40 people, officials said.")
    assert claim(undated, "40").confidence < SURE
    today = frame(rules, "Floods in Pakistan killed 52 people on Monday, officials said.")
    assert claim(today, "52").confidence < SURE
    dated = frame(rules, "In 2023, floods in Pakistan killed 1,700 people.")
    assert claim(dated, "1,700").period == "2023"
    assert claim(dated, "1,700").confidence >= SURE


# --- forecast cues --------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Norway's gas output should hit 125 bcm in 2026, the ministry said.",
    "Norway's gas output is on track to reach 125 bcm in 2026.",
    "Norway's gas output is set to reach 125 bcm in 2026.",
    "Norway's gas output is expected to reach 125 bcm in 2026.",
    "Norway's gas output is seen at 125 bcm in 2026.",
    "Norway lifts its gas output to 125 bcm by the end of September.",
])
def test_forecast_cues(rules, sentence):
    assert claim(frame(rules, sentence), "125").modality == "forecast"


def test_a_deadline_already_passed_does_not_make_a_forecast(rules):
    c = frame(rules, "Norway's gas output had reached 50 bcm by the end of March.")
    assert claim(c, "50").modality == "actual"


# --- comparison clauses ---------------------------------------------------------------

def test_a_year_earlier_is_the_same_month_of_the_year_before(rules):
    c = frame(rules, "Norway's gas output was 10.2 bcm in March, up from 9.8 bcm a year "
                     "earlier.")
    assert claim(c, "10.2").period == "2025-03"
    assert claim(c, "9.8").period == "2024-03"


def test_a_when_clause_takes_the_year_it_points_back_to(rules):
    c = frame(rules, "Norway's gas output hit 11 bcm in March, the most since 2017, when "
                     "it reached 11.4 bcm.")
    assert claim(c, "11.4").period == "2017"


def test_the_other_side_of_a_comparison_never_takes_the_main_period(rules):
    c = frame(rules, "Norway's gas output was 10.2 bcm in March, compared with 9.1 bcm.")
    other = claim(c, "9.1")
    assert other.period != "2025-03"
    assert other.period == "" or other.confidence < SURE
    dated = frame(rules, "Norway's gas output was 10.2 bcm in March, compared with 9.1 bcm "
                         "in January.")
    assert claim(dated, "9.1").period == "2025-01"


# --- narrowers: figures that are not the plain metric ---------------------------------

@pytest.mark.parametrize("narrowed, plain, key", [
    ("Norway's gas output peaked at 11 bcm in March.",
     "Norway's gas output was 10 bcm in March.", "peak"),
    ("Norway's gas output hit a peak of 11 bcm in March.",
     "Norway's gas output was 10 bcm in March.", "peak"),
    ("Core inflation in Chile was 4.1% in April.",
     "Inflation in Chile was 3.2% in April.", "core"),
    ("Inflation in Chile was 0.4% month-on-month in April.",
     "Inflation in Chile was 3.2% in April.", "m-o-m"),
    ("Chile's real economic growth was 2.1% in 2024.",
     "Chile's economic growth was 5.3% in 2024.", "real"),
    ("Ukraine's population in government-controlled areas was 30 million in 2024.",
     "Ukraine's population was 37 million in 2024.", "partial-area"),
])
def test_narrowed_figures_get_their_own_key(rules, narrowed, plain, key):
    a = next(iter(frame(rules, narrowed).values()))
    b = next(iter(frame(rules, plain).values()))
    assert a.metric.split(":")[0] == b.metric.split(":")[0]
    assert key in a.metric.split(":")[1:]
    assert a.metric != b.metric


def test_capacity_to_produce_is_capacity_not_output(rules):
    c = frame(rules, "Norway has the capacity to produce 130 bcm of gas a year.")
    assert claim(c, "130").metric.startswith("production_capacity")


def test_the_month_may_does_not_make_a_sentence_look_ahead(rules):
    c = frame(rules, "Inflation in Chile was 3.2% in May.")
    assert claim(c, "3.2").period == "2025-05"


def test_from_without_a_change_is_not_the_other_side_of_a_comparison(rules):
    c = frame(rules, "In March, Norway's gas output was well away from the 10.5 bcm "
                     "analysts had expected.")
    assert claim(c, "10.5").period == "2025-03"


def test_a_peak_named_after_a_figure_belongs_to_the_next_one(rules):
    c = frame(rules, "Chile's copper exports to Japan were $40 million in 2024, against a "
                     "peak of $900 million in 2012.")
    assert "peak" not in claim(c, "$40").metric.split(":")
    assert "peak" in claim(c, "$900").metric.split(":")


# --- a span of months written "from M1 to M2" -----------------------------------------

def test_a_total_over_months_from_one_to_another_is_the_quarter_they_make(rules):
    claims = frame(rules, "Peru shipped 610,000 tonnes of copper from April to June, the "
                          "mines ministry said.", date=dt.date(2025, 7, 20))
    assert claim(claims, "610,000").period == "2025-Q2"


def test_a_change_from_one_month_to_another_has_no_period_of_its_own(rules):
    # the rise between April and June, or the quarter against another: neither is sure,
    # and keying it to June would set it against June's own change
    claims = frame(rules, "Peru's copper exports rose 8% from April to June, the mines "
                          "ministry said.", date=dt.date(2025, 7, 20))
    c = claim(claims, "8%")
    assert c.modality == "change" and c.period == ""
    assert any("move between two months" in n for n in c.notes)


def test_levels_at_two_months_keep_their_own_months(rules):
    claims = frame(rules, "Peru's copper exports climbed from 190,000 tonnes in April to "
                          "215,000 tonnes in June.", date=dt.date(2025, 7, 20))
    assert claim(claims, "190,000").period == "2025-04"
    assert claim(claims, "215,000").period == "2025-06"


# --- a change that has not happened -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chile's economy will grow 2.4% in 2025, the central bank said.",
    "Chile's GDP is expected to expand by 2.6% in 2025.",
    "Codelco plans to cut copper output by 5% in 2025.",
    "Economists said Chile's economy could grow 2.2% in 2025.",
    "Economists expect Chile's economy to grow 2.5% in 2025.",
    "The agency sees Chilean copper demand growth of 90,000 tonnes in 2025.",
    "The new smelter is designed to add 120,000 tonnes of copper a year.",
    # an aside, an object or an agent between the cue and the verb
    "Chile's copper output is expected, analysts say, to rise 4% in 2025.",
    "Chile is expected to see its copper exports rise 6% in 2025.",
    "Chile's GDP is projected by the central bank to grow 2.3% in 2025.",
    "Chile's lithium output is seen by most analysts rising 9% in 2025.",
])
def test_a_change_forecast_or_planned_is_not_an_outturn(rules, text):
    figure = next(q.text for q in find_quantities(text))
    c = claim(frame(rules, text), figure)
    assert c.modality == "forecast_change", (text, c.notes)


@pytest.mark.parametrize("text", [
    "Chile's economy grew 2.4% in 2024, the central bank said.",
    "Copper output fell 5% in 2024 after the strike, Codelco said.",
    # a forecast or plan word that does not lead to the change
    "The hoped-for recovery came as Peru's exports rose 4.1% in 2024.",
    "Bankers who had expected a slump said Peru's economy grew 3.3% in 2024.",
    "Despite the new cap, Peru's fish catch rose 7% in 2024.",
    "The outlook improved as Peru's copper output rose 2% in 2024.",
    "Peru's exports should rise 5% in 2026, and rose 4% in 2025.",
    "Peru's exports beat forecasts to rise 6% in 2024.",
    "Peru's zinc output, which analysts expected to fall, showed a 3% increase in 2024.",
    "Peru's gold output is estimated to have risen 2% in 2024.",
])
def test_a_change_that_happened_stays_a_change(rules, text):
    figure = [q.text for q in find_quantities(text)][-1]
    assert claim(frame(rules, text), figure).modality == "change"


def test_exports_that_add_up_to_a_share_are_a_level(rules):
    c = claim(frame(rules, "Peru's copper exports add up to 30% of its total exports."),
              "up to")
    assert c.modality == "actual"


def test_a_forecast_of_growth_is_never_set_against_the_growth_that_happened(tmp_path):
    from clihelp import run_json

    (tmp_path / "a.txt").write_text(
        "Chile | March 3, 2025 |\n\nChile's economy will grow 2.4% in 2025, the central "
        "bank said on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Chile | March 4, 2026 |\n\nChile's economy grew 2.9% in 2025, the central bank "
        "said on Tuesday.\n", encoding="utf-8")
    proc, report = run_json(tmp_path, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert proc.returncode == 0, proc.stderr
    modalities = sorted(c["modality"] for c in report["claims"])
    assert modalities == ["change", "forecast_change"]
    assert report["findings"] == []


# --- a company's shares are not what it produces ---------------------------------------

@pytest.mark.parametrize("text, figure", [
    ("The share price of Antofagasta, a large producer of copper, rose 4% on Friday.", "4%"),
    ("Fresnillo's share price fell to 1,020 pence as silver slipped.", "1,020"),
])
def test_a_share_price_is_no_commodity_price(rules, text, figure):
    c = claim(frame(rules, text), figure)
    assert c.metric == "share_price", c.notes


def test_a_commodity_price_is_still_a_commodity_price(rules):
    c = claim(frame(rules, "The price of copper rose 2% on Friday."), "2%")
    assert c.metric == "price:copper"


# --- the time of a move's levels ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Peru's inflation eased from a record 8.8% to 3.2% in 2024, the central bank said.",
    "Peru's inflation fell from 6% to 3.2% in 2024, the central bank said.",
])
def test_the_starting_level_of_a_move_does_not_take_the_end_levels_time(rules, text):
    claims = frame(rules, text, date=dt.date(2025, 1, 10))
    start, end = [c for c in claims.values()]
    assert end.period == "2024"
    assert start.period == "", start.notes


def test_a_span_inside_the_sentence_before_a_level_is_not_its_period(rules):
    claims = frame(rules, "After a strike that ran from January to March, Peru's copper "
                          "output recovered to 240,000 tonnes.", date=dt.date(2025, 5, 2))
    assert claim(claims, "240,000").period == ""
    claims = frame(rules, "From January to March, Peru exported 610,000 tonnes of copper.",
                   date=dt.date(2025, 5, 2))
    assert claim(claims, "610,000").period == "2025-Q1"


def test_a_change_between_two_months_has_no_period(rules):
    claims = frame(rules, "Kenya's tea exports rose 8% between April and June.",
                   date=dt.date(2025, 7, 20))
    assert claim(claims, "8%").period == ""


# --- what was expected, and the time of a clause that states what happened --------------

def test_a_figure_named_as_what_was_expected_is_a_forecast(rules):
    claims = frame(rules, "Chile's economy grew 2.6% in 2024, above the 2.1% economists "
                          "had expected.", date=dt.date(2025, 3, 1))
    assert claim(claims, "2.6%").modality == "change"
    assert claim(claims, "2.1%").modality in ("forecast", "forecast_change")
    claims = frame(rules, "Chile's inflation was 4.9% in January, below the 5.2% forecast by "
                          "analysts.", date=dt.date(2025, 3, 1))
    assert claim(claims, "5.2%").modality == "forecast"
    assert claim(claims, "4.9%").modality == "actual"
    # the forecast in the second clause does not move the first clause's January ahead
    assert claim(claims, "4.9%").period == "2025-01"


def test_a_month_in_a_clause_that_states_what_happened_is_past(rules):
    claims = frame(rules, "Chile's copper output rose 3% in February to 460,000 tonnes, and "
                          "will rise again in March.", date=dt.date(2025, 3, 20))
    assert claim(claims, "460,000").period == "2025-02"
    claims = frame(rules, "Codelco expects Chile to mine 470,000 tonnes of copper in February.",
                   date=dt.date(2025, 3, 20))
    assert claim(claims, "470,000").period == "2026-02"


def test_each_row_of_a_table_takes_its_own_month(rules):
    text = ("Chile copper output by month:\n\n| month | output |\n|---|---|\n"
            "| January 2025 | 455,000 tonnes |\n| February 2025 | 462,000 tonnes |\n")
    claims = frame(rules, text, date=dt.date(2025, 3, 20))
    assert claim(claims, "455,000").period == "2025-01"
    assert claim(claims, "462,000").period == "2025-02"



@pytest.mark.parametrize("text, figure", [
    ("Chile's growth was 2.6% in 2024, above the 2.3% forecast.", "2.3%"),
    ("Chile's inflation was 4.5% in 2024, above the central bank's 4.1% forecast.", "4.1%"),
    ("Chile mined 5.4 million tonnes of copper in 2024, against a median estimate of 5.3 "
     "million tonnes.", "5.3"),
])
def test_a_forecast_named_around_the_figure_is_a_forecast(rules, text, figure):
    assert claim(frame(rules, text, date=dt.date(2025, 3, 1)), figure).modality == "forecast"


@pytest.mark.parametrize("text, figure", [
    ("Chile's copper output showed a 6% rise larger than expected in 2024.", "6%"),
    ("Chile's exports posted a 5% drop few analysts had predicted in 2024.", "5%"),
    ("Chile's imports showed a 4% fall no one had forecast in 2024.", "4%"),
])
def test_a_figure_compared_with_what_was_expected_is_what_happened(rules, text, figure):
    assert claim(frame(rules, text, date=dt.date(2025, 3, 1)), figure).modality == "change"


def test_a_share_of_gdp_is_no_growth_rate(rules):
    c = claim(frame(rules, "Chile's budget deficit widened to 2.9% of GDP in 2024.",
                    date=dt.date(2025, 3, 1)), "2.9%")
    assert c.metric != "growth_rate"


def test_a_share_quote_timed_only_by_its_day_is_not_sure_enough_to_conflict(rules):
    c = claim(frame(rules, "SQM's share price closed at 41.2 dollars on Monday.",
                    date=dt.date(2025, 3, 4)), "41.2")
    assert c.metric == "share_price" and c.confidence < SURE


@pytest.mark.parametrize("text, figure, period", [
    # a clause that looks ahead keeps its month ahead, past verbs in it or not
    ("Economists expect Chile's inflation to hit 4.8% in March.", "4.8%", "2025-03"),
    ("Chile's copper output was expected to reach 480,000 tonnes in June.", "480,000",
     "2025-06"),
    # a month fronted by a comma is the time of the clause it leads
    ("In February, Chile's copper output was 455,000 tonnes, and it is expected to climb "
     "later this year.", "455,000", "2024-02"),
])
def test_the_tense_of_the_clause_a_month_stands_in(rules, text, figure, period):
    claims = frame(rules, text, date=dt.date(2025, 1, 15))
    assert claim(claims, figure).period == period


@pytest.mark.parametrize("headline, modality", [
    ("Chile copper output to rise 4% in 2025, ministry says", "forecast_change"),
    ("Chile copper output seen rising 3% in 2025", "forecast_change"),
    ("Chile copper output rose 3% in 2024", "change"),
])
def test_a_headline_drops_the_verb_a_forecast_needs(rules, headline, modality):
    text = headline + "\n\nThe mining ministry gave the figures on Monday.\n"
    a = replace(article(text, date=dt.date(2024, 10, 7)), headline=headline)
    [c] = [c for c in claims_of(rules, a) if c.quantity.dimension == "percent"]
    assert c.modality == modality, c.notes


@pytest.mark.parametrize("text", [
    # a cue word that governs something else than the change
    "Planned maintenance at El Teniente cut Chile's copper output by 8% in April.",
    "Instead, Chilean exports that analysts had expected to grow only modestly jumped 9% "
    "in April.",
    "Target's quarterly sales in Chile rose 3% in April.",
    "Spending on projects in northern Chile rose 8% in April.",
    "Shipments going to Europe from Chile rose 12% in April.",
    "Chilean goods targeted by the new tariffs fell 12% in April.",
])
def test_a_cue_word_governing_something_else_leaves_an_outturn(rules, text):
    figure = [q.text for q in find_quantities(text)][-1]
    claims = frame(rules, text, date=dt.date(2025, 5, 6))
    c = claim(claims, figure)
    assert c.modality == "change", c.notes
    assert c.period == "2025-04", c.notes


def test_a_share_made_up_by_something_is_a_level(rules):
    c = claim(frame(rules, "Chile's copper exports made up 11% of GDP in 2024.",
                    date=dt.date(2025, 3, 1)), "11%")
    assert c.modality == "actual"


def test_a_figure_expected_to_change_is_no_forecast_itself(rules):
    c = claim(frame(rules, "Chile's 2.6% growth last year was expected to slow this year.",
                    date=dt.date(2025, 3, 1)), "2.6%")
    assert c.modality != "forecast" and c.modality != "forecast_change"


def test_a_price_quote_timed_only_by_its_day_is_not_sure_enough_to_conflict(rules):
    c = claim(frame(rules, "Copper traded at $9,410 a tonne on Monday morning.",
                    date=dt.date(2025, 3, 4)), "$9,410")
    assert c.metric.startswith("price") and c.confidence < SURE


# --- fifth review ----------------------------------------------------------------------

def test_prices_that_picked_up_moved(rules):
    c = claim(frame(rules, "Chile's consumer prices picked up 0.4% in March.",
                    date=dt.date(2025, 4, 8)), "0.4%")
    assert c.modality == "change"


@pytest.mark.parametrize("text, figure", [
    ("The central bank sees Chile's exports rising 6% this year.", "6%"),
    ("Codelco aims for a 6% increase in copper output this year.", "6%"),
    ("Codelco is set to post a 7% increase in copper output this year.", "7%"),
    ("The ministry expects copper exports from Chile's northern ports to rise 6% this year.",
     "6%"),
])
def test_more_ways_of_forecasting_a_change(rules, text, figure):
    assert claim(frame(rules, text, date=dt.date(2025, 2, 3)), figure).modality == \
        "forecast_change"


@pytest.mark.parametrize("text, figure, period", [
    ("Chile's copper exports hit a record 1.9 million tonnes in March, and traders expect "
     "them to ease in April.", "1.9 million", "2025-03"),
    ("Chile's copper output fell 8% due to maintenance in March, and production is expected "
     "to recover in April.", "8%", "2025-03"),
    ("Chile's copper output was 480,000 tonnes in March, and analysts expect further gains.",
     "480,000", "2025-03"),
    ("The ministry expects Chile's copper output to be lifted to 500,000 tonnes in June.",
     "500,000", "2025-06"),
])
def test_the_verb_nearest_a_month_sets_its_year(rules, text, figure, period):
    assert claim(frame(rules, text, date=dt.date(2025, 4, 8)), figure).period == period


def test_exports_to_developed_economies_are_a_part_of_exports(rules):
    c = claim(frame(rules, "Chile's exports to developed economies fell 3.1% in March.",
                    date=dt.date(2025, 4, 8)), "3.1%")
    assert c.metric != "exports"


def test_a_price_within_a_month_is_not_its_average(rules):
    point = claim(frame(rules, "The price of copper fell to $9,120 a tonne in mid-March.",
                        date=dt.date(2025, 4, 8)), "$9,120")
    average = claim(frame(rules, "Copper prices averaged $9,480 a tonne in March.",
                          date=dt.date(2025, 4, 8)), "$9,480")
    assert point.confidence < SURE
    assert any("within the month" in n for n in point.notes)
    assert not any("within the month" in n for n in average.notes)


def test_a_sentence_wrapped_before_a_name_goes_on(rules):
    text = ("Chile's central bank said on Tuesday that it now expects the country's\n"
            "copper exports to grow 6% this year, after a weak first quarter for the\n"
            "mining industry.\n")
    c = claim(frame(rules, text, date=dt.date(2025, 4, 8)), "6%")
    assert c.modality == "forecast_change", c.notes


# --- a realistic corpus's misses and false alarm -----------------------------------------

@pytest.mark.parametrize("text, metrics", [
    # a percentage of a named whole takes no other word's metric
    ("Chile's defence spending rose to 2% of GDP in 2024, while inflation fell to 4.5%.",
     {"2%": "", "4.5%": "inflation"}),
    # a central bank's rate is no inflation
    ("Chile's central bank kept its policy rate at 5% in March, while inflation eased to "
     "4.4%.", {"5%": "policy_rate", "4.4%": "inflation"}),
    # food inflation is a part of inflation; words for kinds of reserves narrow only
    # reserves
    ("Chile's food inflation rose to 6.1% in March.", {"6.1%": "inflation:food"}),
    ("Economists proved right as Chile's inflation rose to 4.1% in April.",
     {"4.1%": "inflation"}),
])
def test_each_figure_takes_its_own_metric(rules, text, metrics):
    claims = frame(rules, text, date=dt.date(2025, 5, 6))
    assert {figure: claim(claims, figure).metric for figure in metrics} == metrics


def test_a_figure_the_article_says_was_misstated_is_not_checked(rules):
    claims = frame(rules, "An earlier version of this story misstated Chile's January "
                          "inflation as 4.9%. The correct figure is 4.6%.",
                   date=dt.date(2025, 4, 8))
    assert claim(claims, "4.9%").confidence < SURE
    assert any("misstated" in n for n in claim(claims, "4.9%").notes)


# --- sixth review ----------------------------------------------------------------------

@pytest.mark.parametrize("text, figure", [
    ("Planned maintenance at the port forced Chile's exports to fall 8% in January.", "8%"),
    ("Few economists had predicted Peru's exports rising 9% in April.", "9%"),
    ("Chile exceeded its export targets with a 6% increase in copper exports in April.", "6%"),
])
def test_causes_denials_and_beaten_targets_leave_outturns(rules, text, figure):
    assert claim(frame(rules, text, date=dt.date(2025, 5, 6)), figure).modality == "change"


def test_a_month_after_a_modal_looks_ahead(rules):
    c = claim(frame(rules, "Brent crude could hit $100 a barrel in June.",
                    date=dt.date(2025, 5, 5)), "$100")
    assert c.period == "2025-06"


def test_a_label_and_its_figure_are_one_statement(rules):
    claims = frame(rules, "Chile's copper exports: $4.2 billion in April.\n"
                          "Chile's lithium exports: $0.9 billion in April.\n",
                   date=dt.date(2025, 5, 6))
    assert claim(claims, "$4.2").metric == "exports:copper"
    assert claim(claims, "$0.9").metric == "exports:lithium"


def test_a_long_heading_over_its_body_stays_a_heading(rules):
    headline = "Chile copper output to rise 4% in 2025 as two new mines start up in the north"
    text = headline + "\nThe mining ministry gave the figures on Monday.\n"
    a = replace(article(text, date=dt.date(2024, 10, 7)), headline=headline)
    [c] = [c for c in claims_of(rules, a) if c.quantity.dimension == "percent"]
    assert c.modality == "forecast_change"
