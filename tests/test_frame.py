"""Claim framing on sentences written for these tests, and on the scraped seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from factcheck.frame import frame_article, load_framing_rules, resolve_period, split_sentences
from factcheck.frame.periods import find_periods
from factcheck.model import Article, SourceMap
from factcheck.rules import RulesError

try:
    from factcheck.extract import find_quantities
except ImportError:                                        # pragma: no cover
    find_quantities = None

APRIL_1 = dt.date(2025, 4, 1)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def rules():
    return load_framing_rules()


def article(text: str, date: dt.date | None = APRIL_1, headline: str = "") -> Article:
    return Article(id="t.txt#0", path="t.txt", index=0, headline=headline, outlet="",
                   author="", published=date, published_from="metadata", text=text,
                   line_start=1, line_end=text.count("\n") + 1,
                   source=SourceMap.for_lines(text))


def frame(rules, text: str, date: dt.date | None = APRIL_1, headline: str = ""):
    a = article(text, date, headline)
    return {c.text: c for c in frame_article(a, find_quantities(text), rules)}


def claim(claims: dict, starts: str):
    hits = [c for t, c in claims.items() if t.startswith(starts)]
    assert hits, f"no figure starting {starts!r} in {list(claims)}"
    return hits[0]


needs_parser = pytest.mark.skipif(find_quantities is None, reason="parser not available")


# --- sentences ------------------------------------------------------------------------

def spans_text(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_initials_and_decimals_do_not_end_a_sentence():
    text = ("Acme Corp. said output rose to 2.5 million bpd in Dec. last year. "
            "Mary J. Blige sang. The U.S. Treasury agreed. Ask No. 5 first.")
    assert spans_text(text) == [
        "Acme Corp. said output rose to 2.5 million bpd in Dec. last year.",
        "Mary J. Blige sang.", "The U.S. Treasury agreed.", "Ask No. 5 first."]


def test_dotted_acronym_can_end_a_sentence_before_a_new_one():
    assert spans_text("Talks moved to the U.S. The next round is in May.") == [
        "Talks moved to the U.S.", "The next round is in May."]


def test_quotes_headings_bullets_and_blank_lines():
    text = ("Refiners Brace For Cuts\n\n“We are ready.” Then he left.\n"
            "  • first point\n  • second point\nWrapped text goes\non here.")
    assert spans_text(text) == ["Refiners Brace For Cuts", "“We are ready.”", "Then he left.",
                                "first point", "second point", "Wrapped text goes\non here."]


@settings(max_examples=150)
@given(st.text(alphabet="ab .\n?!”U.S", max_size=80))
def test_spans_are_ordered_trimmed_and_inside_the_text(text):
    prev = 0
    for a, b in split_sentences(text):
        assert prev <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        prev = b


# --- periods --------------------------------------------------------------------------

def periods_of(sentence, date=APRIL_1, **kw):
    return [(p.text, p.period, p.role) for p in find_periods(sentence, date, **kw)]


def test_relative_periods_resolve_against_the_article_date():
    assert periods_of("Sales slipped last month.") == [("last month", "2025-03", "period")]
    assert periods_of("Sales slipped last year.") == [("last year", "2024", "period")]
    assert periods_of("Refiners ran hard in March.") == [("March", "2025-03", "period")]
    assert periods_of("Refiners ran hard in May.") == [("May", "2024-05", "period")]
    assert periods_of("Stocks were 5 tons as of June 30, 2023.")[0][1:] == ("2023-06-30", "period")


def test_undated_article_leaves_relative_periods_unresolved():
    (text, period, role), = periods_of("Sales slipped last month.", date=None)
    assert period == "" and role == "period"
    assert periods_of("Sales slipped in 2022.", date=None) == [("2022", "2022", "period")]


def test_forecast_quarters_look_ahead():
    assert periods_of("Demand will beat supply in Q3.", future=True)[0][1] == "2025-Q3"
    assert periods_of("Demand beat supply in Q3.")[0][1] == "2024-Q3"
    assert periods_of("Sales rose in the second half of 2023.")[0][1] == "2023-H2"


def test_a_span_of_months_is_the_quarter_half_or_year_it_covers():
    assert periods_of("Refiners ran hard in January-March.") == [
        ("January-March", "2025-Q1", "period")]
    assert periods_of("Sales rose between April and June 2023.") == [
        ("between April and June 2023", "2023-Q2", "period")]
    assert periods_of("Sales rose in Jul/Dec 2022.")[0][1] == "2022-H2"
    assert periods_of("Sales rose in January through December 2022.")[0][1] == "2022"
    # a span that makes no quarter, half or year has no period, never one of its months
    (text, period, _), = periods_of("Sales rose 4% in January-May.")
    assert (text, period) == ("January-May", "")
    # a span under way at the article date has no period: a figure so far is not the whole
    # span's; otherwise it is the last one that is over (a full year reported in January is
    # last year's)
    assert periods_of("So far in January-June, sales rose.", date=dt.date(2025, 2, 20))[0][1] \
        == ""
    assert periods_of("Sales totalled 40 million tonnes from January to March.",
                      date=dt.date(2025, 3, 28))[0][1] == ""
    assert periods_of("Sales totalled 40 million tonnes from January to March.",
                      date=dt.date(2025, 4, 2))[0][1] == "2025-Q1"
    assert periods_of("Sales rose in January-December.", date=dt.date(2025, 1, 14))[0][1] \
        == "2024"
    # "from M1 to M2" names the months it covers, wherever it stands (a change over it is
    # left unresolved by the framer, tests/test_frame_review.py)
    assert [p[:2] for p in periods_of("Sales totalled 2 million tonnes from January to "
                                      "March.")] == [("from January to March", "2025-Q1")]
    assert periods_of("From January to March, sales totalled 2 million tonnes.")[0][:2] == (
        "From January to March", "2025-Q1")
    # a day after the second month makes it a date, and the span is no span
    assert [p[:2] for p in periods_of("Sales rose from January to March 5.")] == [
        ("January", "2025-01"), ("March 5", "2025-03")]
    assert periods_of("From December to February, sales fell 20%.")[0][1] == ""
    # "to date" that is not said of the span leaves it the last one over
    assert periods_of("Sales in January-December rose 8%, the highest to date.",
                      date=dt.date(2025, 1, 14))[0][1] == "2024"


def test_roles_base_deadline_event_and_monthly():
    roles = {t: r for t, _, r in periods_of(
        "Output, up 4% m-o-m from January, is due to be cut through June 2026, "
        "the ministry said on Friday.")}
    assert roles == {"m-o-m": "monthly", "January": "base", "June 2026": "deadline",
                     "on Friday": "event"}


def test_each_figure_takes_the_period_next_to_it():
    s = "Exports climbed to 640 kb/d in July from 610 kb/d in June."
    figs = ((19, 27), (40, 48))
    assert resolve_period(s, APRIL_1, at=19, figures=figs).period == "2024-07"
    assert resolve_period(s, APRIL_1, at=40, figures=figs).period == "2024-06"


def test_a_base_period_belongs_to_the_figure_after_it():
    s = "That is up from June's average, 5.1 million bpd, and 4% up from May."
    a, b = s.index("5.1"), s.index("4%")
    figs = ((a, a + 15), (b, b + 2))
    assert resolve_period(s, APRIL_1, at=a, figures=figs).period == "2024-06"
    assert resolve_period(s, APRIL_1, at=b, figures=figs) is None


def test_a_period_after_a_conjunction_binds_less_than_one_before_the_figure():
    s = "Analysts see Q2 demand at 0.3 mb/d and a balanced market in Q3."
    assert resolve_period(s, APRIL_1, at=26, figures=((26, 34),), future=True).period == \
        "2025-Q2"


_TIME_WORDS = ["in", "the", "first", "last", "quarter", "half", "of", "March", "May", "may",
               "2024", "Q3", "3Q", "H1", "year", "month", "earlier", "a", "for", "whole",
               "m-o-m", "y/y", "on", "Monday", "15th", "since", "fiscal", "FY25", "annual",
               "early", "mid-", "market", "output", "1.5", ",", "as", "at", "end"]


@settings(max_examples=150)
@given(st.lists(st.sampled_from(_TIME_WORDS), max_size=14))
def test_anchored_scan_finds_what_a_full_scan_finds(words):
    from factcheck.frame.periods import _PATTERN, _scan
    sentence = " ".join(words)
    assert [m.span() for m in _scan(sentence)] == \
        [m.span() for m in _PATTERN.finditer(sentence)]


def test_lowercase_may_is_not_a_month():
    assert periods_of("Prices may ease, traders said.") == []
    assert periods_of("Output in May may rise.")[0][1] == "2024-05"


# --- rules files ------------------------------------------------------------------------

def test_rules_load_and_fold_possessives_and_demonyms(rules):
    gaz = rules.gazetteer
    found = [(m.name, m.form, m.possessive)
             for m in gaz.mentions("Kazakh crews and Kazakhstan’s output; non-OPEC OPEC+ "
                                   "and the U.S. Energy Information Administration")]
    assert found == [("Kazakhstan", "demonym", False), ("Kazakhstan", "name", True),
                     ("OPEC+", "name", False), ("Energy Information Administration",
                                                "alias", False)]
    assert gaz.mentions("give us a call") == []


def test_gazetteer_has_every_country_with_demonyms(rules):
    countries = [e for e in rules.gazetteer.entities.values() if e.kind == "country"]
    assert len(countries) >= 190
    assert rules.gazetteer.lookup("Peruvian").name == "Peru"


def test_bad_rules_file_names_file_line_and_field(tmp_path):
    (tmp_path / "entities.yaml").write_text(
        "entities:\n  - {name: Atlantis, kind: island}\n", encoding="utf-8")
    (tmp_path / "metrics.yaml").write_text("metrics: []\n", encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_framing_rules(tmp_path)
    assert err.value.line == 2 and "kind" in str(err.value)


# --- framing whole sentences --------------------------------------------------------------

@needs_parser
def test_possessive_owner_qualifier_and_relative_month(rules):
    c = claim(frame(rules, "Last month, Norway's crude oil and condensate output reached "
                           "2.04 million barrels per day."), "2.04")
    assert (c.entity, c.metric, c.period, c.modality) == (
        "Norway", "crude_condensate_production", "2025-03", "actual")
    assert c.confidence == 1.0


@needs_parser
def test_excluding_condensate_is_crude_only_and_the_country_is_resolved(rules):
    text = ("Brazil pumped a record volume in March. Excluding condensate, the country's "
            "output rose 3.1% m-o-m to 3.41 million bpd.")
    claims = frame(rules, text)
    level, change = claim(claims, "3.41"), claim(claims, "3.1%")
    assert (level.entity, level.metric, level.period, level.modality) == (
        "Brazil", "crude_production", "2025-03", "actual")
    assert change.modality == "change" and change.metric == "crude_production"
    assert level.confidence < 1.0             # entity from "the country", period carried


@needs_parser
def test_nearest_metric_word_wins_inside_the_clause(rules):
    c = claim(frame(rules, "Output in Angola ran far above its quota of 1.1 million bpd."),
              "1.1")
    assert (c.entity, c.metric, c.modality) == ("Angola", "production_quota", "target")


@needs_parser
def test_from_and_in_give_each_figure_its_month(rules):
    claims = frame(rules, "Crude production only rose to 1.21 million bpd in February from "
                          "1.19 million bpd in January, Oman said.")
    assert claim(claims, "1.21").period == "2025-02"
    assert claim(claims, "1.19").period == "2025-01"
    assert claim(claims, "1.21").attribution == "Oman"


@needs_parser
def test_list_of_countries_each_with_its_figure(rules):
    claims = frame(rules, "Under the plan Algeria is to compensate 90 kb/d, Libya 40 kb/d "
                          "and Gabon 15 kb/d.")
    assert [claim(claims, f).entity for f in ("90", "40", "15")] == [
        "Algeria", "Libya", "Gabon"]
    assert {claim(claims, f).metric for f in ("90", "40", "15")} == {"compensation_cuts"}


@needs_parser
def test_attribution_forms(rules):
    claims = frame(rules, "According to the IEA, Indian demand grew by 150,000 bpd last year.")
    c = claim(claims, "150,000")
    assert (c.attribution, c.entity, c.metric, c.modality, c.period) == (
        "International Energy Agency", "India", "demand:oil", "change", "2024")
    c = claim(frame(rules, "Mexico exported 1.2 million bpd in January, trading sources "
                           "told Bloomberg."), "1.2")
    assert c.attribution == "Bloomberg sources" and c.metric == "exports:oil"
    c = claim(frame(rules, "Goldman has forecast that demand will top supply by 0.4 mb/d in "
                           "Q3."), "0.4")
    assert (c.attribution, c.modality, c.period, c.metric) == (
        "Goldman Sachs", "forecast", "2025-Q3", "supply_demand_balance")


@needs_parser
def test_undated_article_and_carried_period_lower_confidence(rules):
    c = claim(frame(rules, "Kuwait's output fell to 2.4 million bpd last month.", date=None),
              "2.4")
    assert c.period == "" and c.confidence < 1.0
    assert any("undated" in n for n in c.notes)


@needs_parser
def test_claim_fields_and_stable_id(rules):
    text = "Intro line.\nQatar's exports rose to 7.9 million tons in March."
    c = claim(frame(rules, text), "7.9")
    assert (c.line, c.start, c.column) == (2, 24, 25)
    assert text.splitlines()[1][c.start:c.end] == c.text
    moved = claim(frame(rules, "\n\n" + text), "7.9")
    assert moved.id == c.id and moved.line == 4


# --- the scraped seeds (read at run time) ----------------------------------------------

@pytest.fixture(scope="module")
def seed_claims(rules):
    if find_quantities is None or not SEEDS.is_dir():
        pytest.skip("parser or seeds missing")
    from factcheck.ingest import load
    documents, _ = load([str(SEEDS)])
    out = []
    for doc in documents:
        for a in doc.articles:
            out += frame_article(a, find_quantities(a.text), rules)
    return out


def seed(seed_claims, file: str, text: str, n: int = 0):
    hits = [c for c in seed_claims if c.path.endswith(file) and text in c.text]
    assert len(hits) > n, f"{text!r} not found in {file}"
    return hits[n]


KZ = "000_6090fa4778ae3384.txt"
RE = "001_ffa3ce66fb0f6750.txt"


@pytest.mark.parametrize("text,n,entity,metric,period,modality", [
    ("2.12 million", 0, "Kazakhstan", "crude_condensate_production", "2025-03", "actual"),
    ("2.17 million", 0, "Kazakhstan", "crude_condensate_production", "2025-03", "actual"),
    ("1.83 million", 0, "Kazakhstan", "crude_production", "2025-03", "actual"),
    ("1.88 million", 0, "Kazakhstan", "crude_production", "2025-03", "actual"),
    ("1.83 million", 1, "Kazakhstan", "crude_production", "2025-02", "actual"),
    ("2.15 million", 0, "Kazakhstan", "crude_condensate_production", "2025-02", "actual"),
    ("1.468 million", 0, "Kazakhstan", "production_quota", "", "target"),
    ("130,000", 0, "Kavkazskaya", "throughput", "2024", "actual"),
    ("1.51 million", 0, "Kavkazskaya", "throughput", "2024", "actual"),
])
def test_seed_oil_figures(seed_claims, text, n, entity, metric, period, modality):
    c = seed(seed_claims, KZ, text, n)
    assert (c.entity, c.metric, c.period, c.modality) == (entity, metric, period, modality)


def test_seed_reserves_and_their_sources(seed_claims):
    usgs = seed(seed_claims, RE, "3.8 million metric tons")
    assert (usgs.entity, usgs.metric, usgs.attribution) == (
        "Russia", "reserves:rare earths", "U.S. Geological Survey")
    ministry = seed(seed_claims, RE, "28.7 million")
    assert (ministry.entity, ministry.metric, ministry.period, ministry.attribution) == (
        "Russia", "reserves:rare earths", "2023-01-01", "Natural Resources Ministry")


def test_seed_framing_is_fast(rules):
    if find_quantities is None or not SEEDS.is_dir():
        pytest.skip("parser or seeds missing")
    import time
    text = (SEEDS / KZ).read_text(encoding="utf-8")
    quantities = find_quantities(text)
    a = article(text)
    t0 = time.perf_counter()
    for _ in range(20):
        frame_article(a, quantities, rules)
    per_article = (time.perf_counter() - t0) / 20
    assert per_article < 0.25          # a 34 kB digest of nine articles


# --- second pass: periods ---------------------------------------------------------------

def test_weekdays_are_the_latest_such_day_unless_they_date_a_statement():
    # 1 April 2025 is a Tuesday
    assert periods_of("Storms early Tuesday cut power to 9,000 homes.")[0][1:] == (
        "2025-04-01", "period")
    assert periods_of("Gold rose 2% on Monday.")[0][1:] == ("2025-03-31", "period")
    assert periods_of("Shares slid 3% on Friday.")[0][1] == "2025-03-28"
    assert periods_of("Ferries stopped yesterday.")[0][1] == "2025-03-31"
    assert periods_of("Output rose, the agency said on Friday.")[0][2] == "event"
    assert periods_of("The agency on Monday said output rose.")[0][2] == "event"
    assert periods_of("Gold rose 2% on Monday.", date=None)[0][1] == ""


def test_since_is_a_span_and_a_season_is_left_unresolved():
    assert periods_of("Prices have doubled since May.") == [("May", "2024-05", "span")]
    assert periods_of("Sales fell last summer.") == [("last summer", "", "period")]


@needs_parser
def test_possessive_month_and_a_span_in_the_figure_sentence(rules):
    c = claim(frame(rules, "Peru's February output averaged 410,000 bpd."), "410,000")
    assert c.period == "2025-02"
    c = claim(frame(rules, "The region, held by rebels since 2019, is now about 30% of the "
                           "country."), "about 30%")
    assert c.period == ""


@needs_parser
def test_a_period_is_carried_only_for_the_same_subject(rules):
    text = ("Chile's copper output rose to 450,000 tons in March. Peru's copper output "
            "was 210,000 tons.")
    assert claim(frame(rules, text), "210,000").period == ""
    text = ("Chile's copper output rose to 450,000 tons in March. Chile's copper output "
            "in the north was 210,000 tons.")
    assert claim(frame(rules, text), "210,000").period == "2025-03"


# --- second pass: whose figure ------------------------------------------------------------

@needs_parser
def test_an_appositive_describes_the_name_before_it_and_a_recipient_owns_its_sum(rules):
    claims = frame(rules, "Aramco paid out $2 billion in dividends in 2024. Of that, about "
                          "$500 million went to the state budget and ~$900 million to "
                          "Sonangol, Angola's national oil company.")
    part = claim(claims, "~$900")
    assert (part.entity, part.metric, part.period) == ("Sonangol", "dividends", "2024")
    same_owner = claim(claims, "about $500")
    assert same_owner.metric == "dividends:part"      # never keyed with the $2 billion total


@needs_parser
def test_sums_into_a_budget_are_not_budget_figures(rules):
    c = claim(frame(rules, "Equinor distributed $4 billion in dividends in 2023, with about "
                           "$1 billion channelled into the state budget."), "about $1")
    assert c.metric == "dividends"


@needs_parser
def test_a_tariff_belongs_to_the_one_who_imposes_it_not_its_target(rules):
    c = claim(frame(rules, "Biden is reported to be angry with Xi, and he has threatened to "
                           "hit buyers of Iranian oil with 40% secondary tariffs."), "40%")
    assert (c.entity, c.metric, c.modality) == ("United States", "tariff_rate", "forecast")
    c = claim(frame(rules, "Trump said on Sunday he was upset at Putin and will impose "
                           "tariffs of 10% to 20% on buyers of Venezuelan oil."), "10%")
    assert c.entity == "United States"


@needs_parser
def test_the_country_is_the_whole_a_territory_share_is_of(rules):
    c = claim(frame(rules, "The deal covers regions of eastern Georgia that Russia began to "
                           "occupy in 2008 - now about 20% of the country - and their ore."),
              "about 20%")
    assert (c.entity, c.metric, c.period) == ("Georgia", "territory_share", "")


@needs_parser
def test_a_named_facility_and_a_relative_clause_and_a_shared_subject(rules):
    c = claim(frame(rules, "The Ras Tanura terminal in Saudi Arabia, which Saudi Aramco says "
                           "handled about 2 million tonnes of oil in 2024, was shut."), "about 2")
    assert (c.entity, c.metric, c.attribution) == ("Ras Tanura", "throughput", "Saudi Aramco")
    claims = frame(rules, "Last year, according to Saudi Aramco, Ras Tanura handled 1.6 "
                          "million tons for the whole year, and at least 120,000 tons a month.")
    assert claim(claims, "at least 120,000").entity == "Ras Tanura"


@needs_parser
def test_a_place_inside_a_country_and_a_market_balance_with_no_place(rules):
    c = claim(frame(rules, "Shelling left some 3,000 people without power in Ukraine's Kherson "
                           "region."), "some 3,000")
    assert (c.entity, c.metric) == ("Kherson", "people_affected")
    c = claim(frame(rules, "Goldman expects Q2 excess demand of 0.3 mb/d."), "0.3")
    assert (c.entity, c.metric, c.period) == ("World", "supply_demand_balance", "2025-Q2")
    c = claim(frame(rules, "Goldman expects demand in India to top supply by 0.2 mb/d."), "0.2")
    assert c.entity == "India"


# --- second pass: what makes two figures not comparable -----------------------------------

@needs_parser
def test_the_commodity_is_part_of_a_generic_metric_key(rules):
    claims = frame(rules, "China's steel output rose to 80 million tons in March. China's "
                          "aluminium output was 3.6 million tons in March.")
    assert claim(claims, "80 million").metric == "production:steel"
    assert claim(claims, "3.6 million").metric == "production:aluminium"
    c = claim(frame(rules, "Chile exported 150,000 tons of aluminum in 2024."), "150,000")
    assert c.metric == "exports:aluminium"


@needs_parser
def test_the_commodity_of_the_metric_phrase_reaches_the_level_after_a_change(rules):
    claims = frame(rules, "Peru's copper production climbed 6% to 2.4 million tonnes in "
                          "2024.")
    assert claim(claims, "6%").metric == "production:copper"
    assert claim(claims, "2.4 million").metric == "production:copper"
    claims = frame(rules, "Chile produced 5 million tonnes of copper and 1.2 million tonnes "
                          "of lithium last year.")
    assert claim(claims, "5 million").metric == "production:copper"
    assert claim(claims, "1.2 million").metric == "production:lithium"


@needs_parser
def test_a_destination_or_route_is_part_of_the_exports_key(rules):
    claims = frame(rules, "Brazil's coffee exports to the United States were worth $2 billion "
                          "in 2024, while its total coffee exports were $9 billion.")
    assert claim(claims, "$2 billion").metric == "exports:coffee:to United States"
    assert claim(claims, "$9 billion").metric == "exports:coffee"
    c = claim(frame(rules, "Iraq's crude shipments via Turkey reached 400,000 bpd in March."),
              "400,000")
    assert (c.entity, c.metric) == ("Iraq", "exports:oil:via Turkey")
    c = claim(frame(rules, "India's imports of coal from Indonesia rose to 9 million tons in "
                           "May."), "9 million")
    assert c.metric == "imports:coal:from Indonesia"


@needs_parser
def test_subsets_of_reserves_get_keys_of_their_own(rules):
    claims = frame(rules, "Norway has gas reserves of 1.4 trillion cubic metres as of January "
                          "1, 2024. Proven reserves are 0.9 trillion cubic metres, of which "
                          "0.3 trillion cubic metres are under development.")
    total = claim(claims, "1.4")
    proven = claim(claims, "0.9")
    developed = claim(claims, "0.3")
    assert total.metric == "reserves:gas"
    assert proven.metric == "reserves:gas:proven"
    assert developed.metric == "reserves:gas:developed:part"
    assert len({total.metric, proven.metric, developed.metric}) == 3


@needs_parser
def test_a_possessive_before_an_organisation_still_owns_the_figure(rules):
    c = claim(frame(rules, "That is well above Iraq's OPEC+ quota of 4.2 million bpd."), "4.2")
    assert (c.entity, c.metric) == ("Iraq", "production_quota")


def test_a_count_of_sources_or_officials_is_not_an_output_or_export_figure(rules):
    claims = frame(rules, "Norway exported 1.9 million barrels of crude a day last month, "
                          "three shipping industry sources said, and two senior officials confirmed it.")
    assert claim(claims, "1.9 million").metric.startswith("exports")
    assert claim(claims, "three").metric == ""
    assert claim(claims, "two").metric == ""


def test_a_count_of_people_still_takes_a_people_metric(rules):
    claims = frame(rules, "A storm left 12,000 people without power in Norway on Monday.")
    assert claim(claims, "12,000").metric == "people_affected"


def test_the_month_may_is_not_the_modal_verb(rules):
    claims = frame(rules, "Norway's crude oil output averaged 1.9 million barrels per day in May.",
                   date=APRIL_1.replace(month=6))
    assert claim(claims, "1.9 million").modality == "actual"
    claims = frame(rules, "Norway's crude oil output may reach 2.2 million barrels per day next year.")
    assert claim(claims, "2.2 million").modality == "forecast"


@needs_parser
def test_the_missing_are_counted_apart_from_the_dead(rules):
    claims = frame(rules, "At least 30 people died in the floods in Kenya and 7 were still "
                          "missing on Tuesday.")
    assert claim(claims, "At least 30").metric == "deaths"
    assert claim(claims, "7").metric == "missing"
    claims = frame(rules, "The death toll in Kenya rose to 41, with 6 people unaccounted for.")
    assert (claim(claims, "41").metric, claim(claims, "6").metric) == ("deaths", "missing")


@needs_parser
def test_a_day_already_reached_is_no_deadline(rules):
    # the article is dated Tuesday 1 April 2025
    c = claim(frame(rules, "By Tuesday, 40 people had been killed in the fighting in Sudan."),
              "40")
    assert c.modality == "actual"
    c = claim(frame(rules, "Sudan's crews reconnect 12,000 homes to the grid by the end of "
                           "June."), "12,000")
    assert c.modality == "forecast" and "due by" in " ".join(c.notes)


@needs_parser
def test_growth_of_sales_or_demand_is_not_an_economy_s_growth(rules):
    c = claim(frame(rules, "Norway's economy shrank 1.4% in 2024."), "1.4%")
    assert c.metric == "growth_rate"
    # a forecast of growth is no change that happened: without a key of its own it stays
    # unkeyed rather than meet the outturn
    c = claim(frame(rules, "Norway's economy will grow 1.4% in 2025."), "1.4%")
    assert c.metric != "growth_rate" or c.modality != "change"
    c = claim(frame(rules, "Equinor expects sales growth of 4% in Norway in 2025."), "4%")
    assert c.metric != "growth_rate"
    for text in ("Growth in sales of 6% in 2024 lifted Norway's retailers.",
                 "Norway's credit growth of 8% in 2024 worried the central bank."):
        assert claim(frame(rules, text), "").metric != "growth_rate", text
    c = claim(frame(rules, "India's oil demand growth will reach 0.3 million bpd in 2025."),
              "0.3 million")
    assert c.metric.startswith("demand")
    # the amount of a move, not a level of demand; a move the agency sees ahead
    c = claim(frame(rules, "The agency sees world oil demand growth of 0.9 million bpd in "
                           "2026."), "0.9 million")
    assert (c.metric, c.modality) == ("demand:oil", "forecast_change")
    c = claim(frame(rules, "An increase of 40,000 tonnes in Kenya's tea exports is expected in "
                           "2026."), "40,000")
    assert c.modality == "change"
    c = claim(frame(rules, "Kenya's tea output of 570,000 tonnes in 2024 was a record."),
              "570,000")
    assert c.modality == "actual"
    # an amount inside a total, and a rate, are no moves
    c = claim(frame(rules, "Equinor's 2024 profit included a one-off gain of $900 million."),
              "$900")
    assert c.modality != "change"
    c = claim(frame(rules, "Norway's consumer price growth of 3.1% in March was the lowest "
                           "this year."), "3.1%")
    assert (c.metric, c.modality) == ("inflation", "actual")
    c = claim(frame(rules, "Norway's consumer prices showed an increase of 0.4% in March."),
              "0.4%")
    assert c.modality == "change"


@needs_parser
def test_a_commodity_named_before_its_move_keys_the_level_it_moved_to(rules):
    claims = frame(rules, "Zinc slid 2.1% to $2,650 a tonne on Monday. Nickel gained 0.8% to "
                          "$15,900 a tonne on Monday.")
    assert claim(claims, "$2,650").metric == "price:zinc"
    assert claim(claims, "$15,900").metric == "price:nickel"
    # a commodity that caused the move, or that a cost or a tax is on, is not what the
    # level measures
    c = claim(frame(rules, "Tin's slump cut Bolivia's exports 5% to $2 billion in March."),
              "$2 billion")
    assert c.metric == "exports"
    for text in ("In Austria, the tax on diesel rose 5% to 0.40 euros a litre in May.",
                 "In Chile, the cost of shipping copper rose 4% to $60 a tonne in May."):
        c = claim(frame(rules, text), "0.40" if "diesel" in text else "$60")
        assert ":" not in c.metric, text


@needs_parser
def test_fuel_is_a_commodity_of_its_own(rules):
    a = claim(frame(rules, "Vietnam's fuel consumption rose to 2.3 million tonnes in May, "
                           "oil ministry data showed."), "2.3 million")
    b = claim(frame(rules, "Vietnam consumed 2.3 million tonnes of fuel in May."), "2.3 million")
    assert a.metric == b.metric == "demand:fuel"
    c = claim(frame(rules, "Vietnam's crude imports rose to 0.2 million bpd in May."), "0.2")
    assert c.metric == "imports:oil"
