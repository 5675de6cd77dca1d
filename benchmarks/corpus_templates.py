"""Prose for the synthetic news corpus: outlets, people, entities, series and sentences.

Everything here is invented for the benchmark (outlets, reporters, analysts, quotes); only
the countries, companies and the vocabulary of oil reporting are real. Sentence templates
take named slots filled by benchmarks/make_corpus.py:

    {Ent}   the entity's name            "Kazakhstan"
    {Poss}  its possessive               "Kazakhstan's"
    {Dem}   its demonym, else the name   "Kazakh"
    {V}     a rendered figure            "2.12 million bpd"
    {P}     a period phrase              "last month", "in the first quarter"
    {Src}   an attribution clause        "industry sources told Meridian"
    {Rose}  a level verb that agrees with the data: "rose to", "fell to", "stood at"
"""

from __future__ import annotations

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINAL_QUARTER = ("first", "second", "third", "fourth")

# name, possessive, demonym (None: fall back to the name), dateline city
ENTITIES = {
    "Kazakhstan": ("Kazakhstan's", "Kazakh", "ASTANA"),
    "Russia": ("Russia's", "Russian", "MOSCOW"),
    "Azerbaijan": ("Azerbaijan's", "Azeri", "BAKU"),
    "Iraq": ("Iraq's", "Iraqi", "BAGHDAD"),
    "Saudi Arabia": ("Saudi Arabia's", "Saudi", "RIYADH"),
    "Kuwait": ("Kuwait's", "Kuwaiti", "KUWAIT CITY"),
    "United States": ("U.S.", "U.S.", "HOUSTON"),
    "Brazil": ("Brazil's", "Brazilian", "RIO DE JANEIRO"),
    "Chevron": ("Chevron's", None, "HOUSTON"),
    "KazMunayGas": ("KazMunayGas'", None, "ASTANA"),
    "Caspian Pipeline Consortium": ("the Caspian Pipeline Consortium's", None, "ASTANA"),
    "Tengiz": ("the Tengiz field's", None, "ASTANA"),
}

# entity, metric, unit, base value, significant digits, cadence, monthly volatility
#   cadence "month": a value per month (quarters and years are averages of months)
#           "year":  one value per year
#           "fixed": one value for every period (quotas, design capacity)
SERIES = (
    ("Kazakhstan", "crude_condensate_production", "bbl/d", 2.10e6, 4, "month", 0.012),
    ("Kazakhstan", "crude_production", "bbl/d", 1.82e6, 4, "month", 0.012),
    ("Kazakhstan", "production_quota", "bbl/d", 1.468e6, 4, "fixed", 0.0),
    ("Kazakhstan", "exports", "bbl/d", 1.58e6, 4, "month", 0.02),
    ("Kazakhstan", "inflation", "%", 9.1, 2, "month", 0.02),
    ("Kazakhstan", "growth_rate", "%", 4.6, 2, "year", 0.05),
    ("Russia", "crude_condensate_production", "bbl/d", 10.45e6, 4, "month", 0.006),
    ("Russia", "crude_production", "bbl/d", 9.02e6, 4, "month", 0.006),
    ("Russia", "production_quota", "bbl/d", 8.978e6, 4, "fixed", 0.0),
    ("Russia", "exports", "bbl/d", 4.71e6, 4, "month", 0.02),
    ("Russia", "gas_production", "m3", 683e9, 3, "year", 0.03),
    ("Russia", "inflation", "%", 9.9, 2, "month", 0.02),
    ("Russia", "growth_rate", "%", 4.2, 2, "year", 0.05),
    ("Azerbaijan", "crude_condensate_production", "bbl/d", 0.586e6, 3, "month", 0.01),
    ("Azerbaijan", "crude_production", "bbl/d", 0.474e6, 3, "month", 0.01),
    ("Azerbaijan", "production_quota", "bbl/d", 0.551e6, 3, "fixed", 0.0),
    ("Iraq", "crude_production", "bbl/d", 4.27e6, 4, "month", 0.01),
    ("Iraq", "production_quota", "bbl/d", 4.004e6, 4, "fixed", 0.0),
    ("Iraq", "exports", "bbl/d", 3.37e6, 4, "month", 0.02),
    ("Saudi Arabia", "crude_production", "bbl/d", 8.96e6, 4, "month", 0.005),
    ("Saudi Arabia", "production_quota", "bbl/d", 8.978e6, 4, "fixed", 0.0),
    ("Kuwait", "crude_production", "bbl/d", 2.41e6, 4, "month", 0.006),
    ("Kuwait", "production_quota", "bbl/d", 2.413e6, 4, "fixed", 0.0),
    ("United States", "crude_production", "bbl/d", 13.47e6, 4, "month", 0.006),
    ("Brazil", "crude_production", "bbl/d", 3.42e6, 4, "month", 0.015),
    ("Caspian Pipeline Consortium", "throughput", "bbl/d", 1.52e6, 4, "month", 0.02),
    ("Caspian Pipeline Consortium", "throughput", "t", 63.1e6, 3, "year", 0.03),
    ("Caspian Pipeline Consortium", "export_capacity", "t/yr", 72.5e6, 3, "fixed", 0.0),
    ("Tengiz", "oil_production", "bbl/d", 0.712e6, 3, "month", 0.015),
    ("Tengiz", "production_capacity", "bbl/d", 0.947e6, 3, "fixed", 0.0),
    ("Chevron", "revenue", "USD", 196.4e9, 4, "year", 0.03),
    ("Chevron", "investment", "USD", 16.3e9, 3, "year", 0.04),
    ("KazMunayGas", "revenue", "USD", 18.7e9, 3, "year", 0.04),
    ("KazMunayGas", "dividends", "USD", 1.43e9, 3, "year", 0.05),
)

# Producers a production story can be about, with how often the press covers them.
PRODUCERS = (("Kazakhstan", 6), ("Russia", 3), ("Azerbaijan", 1), ("Iraq", 2),
             ("Saudi Arabia", 2), ("Kuwait", 1), ("United States", 2), ("Brazil", 1))
EXPORTERS = (("Kazakhstan", 4), ("Russia", 2), ("Iraq", 1))
MACRO = (("Kazakhstan", 3), ("Russia", 2))

# Outlets are invented. Each prints bylines its own way:
#   "end"      "By X for Outlet" after the last paragraph
#   "top-dash" "By X - Apr 01, 2025" under the headline
#   "paren"    "Outlet | April 1, 2025 |" under the headline, "(By X and Y)" at the end
#   "wire"     "CITY, April 1 (Agency) -" dateline, "Reporting by X; Editing by Y" at the end
#   "block"    "By X and Y" / "April 1, 2025" / "AGENCY" under the headline, and a dateline
OUTLETS = (
    ("Caspian Energy Wire", "end"),
    ("Petroleum Ledger", "top-dash"),
    ("Steppe Business Daily", "paren"),
    ("Meridian", "wire"),
    ("Northgate News Agency", "block"),
    ("Global Crude Monitor", "end"),
    ("Eurasia Markets Review", "paren"),
    ("Harbour Street Journal", "top-dash"),
)

AUTHORS = (
    "Dana Whitfield", "Marat Seitkali", "Elena Vasquez", "Tom Harlow", "Aigerim Nurlanova",
    "Peter Lindqvist", "Sofia Marchetti", "Rustam Aliyev", "Hannah Okafor", "James Crowley",
    "Nadia Petrenko", "Omar Haddad", "Lucy Brennan", "Viktor Sorokin", "Mei Tanaka",
    "Gareth Pryce", "Zhanna Ospanova", "Felix Amundsen", "Layla Karimova", "Ben Achterberg",
)
EDITORS = ("Keith Morland", "Ruth Ashdown", "Simon Delacroix", "Jane Merriweather",
           "Alan Featherstone")

# Who makes forecasts.
FORECASTERS = ("the energy ministry", "Halden Capital", "the national statistics office",
               "consultancy Brightwater Energy", "Corvane Research")

# ---- fact sentences, by metric ------------------------------------------------------

CC = (
    "{Poss} combined crude oil and condensate output {Rose} {V} {P}, {Src}.",
    "{Ent} pumped {V} of crude oil and condensate {P}, {Src}.",
    "{Dem} production of crude and condensate averaged {V} {P}, {Src}.",
    "Output of crude oil plus condensate in {Ent} {Rose} {V} {P}, {Src}.",
)
CC_RECORD = (
    "{Ent} pumped a record {V} of crude oil and condensate {P}, {Src}.",
    "{Poss} crude oil and condensate production hit an all-time high of {V} {P}, {Src}.",
)
CRUDE_ONLY = (
    "Crude oil production alone, excluding condensate, {Rose} {V} {P}.",
    "Excluding condensate, {Dem} crude production stood at {V} {P}, {Src}.",
    "{Poss} crude output, which excludes condensate, was {V} {P}.",
)
CRUDE = (
    "{Poss} crude oil production {Rose} {V} {P}, {Src}.",
    "{Ent} produced {V} of crude {P}, {Src}.",
    "{Dem} crude output averaged {V} {P}, {Src}.",
)
OIL = (
    "{Poss} oil output {Rose} {V} {P}, {Src}.",
    "{Dem} oil production averaged {V} {P}.",
)
QUOTA = (
    "Under the OPEC+ agreement, {Poss} crude production quota is {V}.",
    "{Ent} has pledged to keep its crude output within its OPEC+ quota of {V}.",
    "{Poss} output target under the OPEC+ deal is {V}.",
)
QUOTA_ABOVE = (
    "That is well above {Poss} OPEC+ quota of {V}, which does not cover condensate.",
    "The figure keeps {Ent} above its OPEC+ quota of {V}.",
)
EXPORTS = (
    "{Poss} crude exports {Rose} {V} {P}, {Src}.",
    "Exports of {Dem} crude averaged {V} {P}, {Src}.",
    "{Ent} shipped {V} of crude abroad {P}, {Src}.",
)
THROUGHPUT_FLOW = (
    "Flows through the Caspian Pipeline Consortium averaged {V} {P}, {Src}.",
    "The CPC pipeline shipped {V} of oil {P}, {Src}.",
)
THROUGHPUT_YEAR = (
    "The CPC pipeline carried {V} of oil {P}, the consortium said.",
    "The Caspian Pipeline Consortium shipped {V} of crude {P}.",
)
EXPORT_CAPACITY = (
    "The CPC route has an export capacity of {V}.",
    "The pipeline is designed to handle {V} of exports.",
)
TENGIZ_OUTPUT = (
    "The Tengiz field alone pumped {V} of oil {P}, {Src}.",
    "Oil output at Tengiz averaged {V} {P}.",
)
TENGIZ_CAPACITY = (
    "The expansion is designed to lift production capacity at Tengiz to {V}.",
    "Once the expansion is complete, the Tengiz field will have production capacity of {V}.",
)
GAS = (
    "{Poss} natural gas production {Rose} {V} {P}, official statistics showed.",
    "{Ent} produced {V} of natural gas {P}.",
)
REVENUE = (
    "{Ent} reported revenue of {V} {P}.",
    "{Poss} revenue came to {V} {P}, its annual report showed.",
)
INVESTMENT = (
    "{Ent} invested {V} in new projects {P}.",
    "{Poss} capital investment totalled {V} {P}.",
)
DIVIDENDS = (
    "{Poss} board proposed dividends totalling {V} {P}.",
    "{Ent} paid {V} in dividends {P}.",
)
INFLATION = (
    "Annual inflation in {Ent} {Rose} {V} {P}, the central bank said.",
    "{Dem} annual consumer price inflation was {V} {P}.",
)
INFLATION_BEFORE = (
    "The annual rate had been {V} {P}.",
    "That compares with an annual rate of {V} {P}.",
)
GROWTH = (
    "{Poss} economy grew {V} {P}, official data showed.",
    "{Poss} gross domestic product growth reached {V} {P}.",
)

FORECAST = {
    "crude_condensate_production": (
        "{Poss} crude and condensate output is expected to average {V} {P}, {Fc} forecast.",
        "{FcCap} expects {Dem} production of crude oil and condensate to reach {V} {P}.",
    ),
    "crude_production": (
        "{Poss} crude production is expected to average {V} {P}, {Fc} forecast.",
        "{FcCap} expects {Dem} crude output to reach {V} {P}.",
    ),
    "exports": (
        "{Poss} crude exports are forecast to reach {V} {P}, according to {Fc}.",
    ),
    "inflation": (
        "{FcCap} expects annual inflation in {Ent} to reach {V} {P}.",
    ),
    "growth_rate": (
        "{FcCap} expects {Poss} economy to grow {V} {P}.",
    ),
}

FORECAST_PAST = {
    "crude_condensate_production": (
        "{FcCap} had forecast {Poss} crude and condensate output at {V} {P}.",
        "That was well away from the {V} of crude and condensate that {Fc} had expected {Dem} fields to pump {P}.",
    ),
    "crude_production": (
        "{FcCap} had forecast {Poss} crude production at {V} {P}.",
    ),
}

CHANGE = (
    "That was {Updown} {Pct} from {V2} {P2}.",
    "The figure compares with {V2} {P2}, a change of {Signed}.",
)
OTHER_PERIOD = (
    "That compares with {V2} {P2}.",
    "Output had averaged {V2} {P2}.",
)

# ---- headlines -----------------------------------------------------------------------

HEADLINES = {
    "production": (
        "{Ent} Oil Output {UpDownWord} in {Month} as OPEC+ Talks Loom",
        "{Dem} crude production {updownword} in {Month}, sources say",
        "{Ent} Keeps Pumping Above Its OPEC+ Target",
        "{Poss} oil output in focus as OPEC+ weighs next step",
    ),
    "production_record": (
        "{Ent} Pumps Record Oil in {Month} Despite OPEC+ Pledges",
        "{Dem} oil output hits record {V} in {Month}",
    ),
    "exports": (
        "{Dem} crude exports {updownverb} in {Month}",
        "{Ent} Oil Exports Face Pipeline Bottleneck",
        "Shipping delays weigh on {Dem} crude flows",
    ),
    "outlook": (
        "{Ent} Sees Higher Oil Output This Year",
        "What next for {Dem} oil production?",
        "Analysts weigh {Poss} production plans",
    ),
    "company": (
        "{Ent} Bets on Caspian Growth",
        "{Ent} results lifted by Kazakh operations",
        "{Ent} faces pressure over Kazakh expansion",
    ),
    "macro": (
        "{Dem} inflation {updownword} in {Month}",
        "{Ent} central bank holds rates as prices {updownverb}",
    ),
    "politics": (
        "Caspian energy routes caught in regional tensions",
        "Drone strikes put Black Sea oil terminals on alert",
        "Pipeline politics return to the Caspian",
        "Moorings, inspections and the fragile flow of Caspian oil",
    ),
}
HEADLINE_REPRINT_PREFIX = ("UPDATE 1-", "ANALYSIS-", "REFILE-", "")

# ---- sentences without figures (or with harmless ones) --------------------------------
# Built from parts, so that independent articles rarely share a sentence word for word:
# a subject (plural, so every predicate fits) and a predicate per theme, then an optional
# attribution and time. Each theme gives hundreds of sentences before any attribution.

FILLER = {
    "opec": (
        ("OPEC+ members", "Several producers in the group", "Delegates from the alliance",
         "Officials from the group's biggest members", "Gulf producers", "The group's ministers",
         "Smaller members of the pact"),
        ("have been under pressure to compensate for earlier overproduction",
         "are due to review their supply policy at an online meeting",
         "are unlikely to change course before the summer",
         "have submitted plans to make up for pumping above their limits",
         "disagree over how quickly to return barrels to the market",
         "have grown frustrated with members that ignore their targets",
         "want clearer rules on how compliance is measured",
         "are watching closely whether the overproducers keep their promises"),
    ),
    "pipeline": (
        ("Tanker loadings at the Black Sea terminal", "Shipments along the export route",
         "Loadings of Caspian grades", "Operations at the offshore moorings",
         "Flows from the western oilfields", "Cargoes bound for Mediterranean refiners",
         "Shippers using the route"),
        ("have been disrupted by storms several times this winter",
         "resumed after a brief halt for repairs", "were slowed by a safety inspection",
         "face fresh uncertainty after the latest drone strikes",
         "could be cut sharply if the repairs drag on",
         "remain exposed to both the weather and politics",
         "have been rerouted through smaller ports at times",
         "depend on a single pipeline across southern Russia"),
    ),
    "companies": (
        ("Western majors in the region", "The foreign partners in the big projects",
         "Executives at the international oil companies", "The operators of the giant fields",
         "Shareholders in the Tengiz venture", "Investors in the Caspian projects"),
        ("have spent years and large sums expanding output",
         "argue that contracts signed decades ago protect their production",
         "say the new facilities are running smoothly after start-up",
         "have resisted calls to slow production at their fields",
         "are negotiating with the government over tax and export terms",
         "expect the expansion to pay back within a few years",
         "have little appetite for output cuts after the money they have spent"),
    ),
    "market": (
        ("Oil traders", "Benchmark futures", "Refiners in Europe", "Hedge funds",
         "Market watchers", "Physical traders in the Mediterranean", "Buyers in Asia"),
        ("have swung between worries about demand and fears of supply disruption",
         "slipped in early trading as investors weighed the supply outlook",
         "have bought more Caspian crude since sanctions reshaped trade flows",
         "expect inventories to build in the second half of the year",
         "are betting that extra supply from outside the group will weigh on prices",
         "reacted calmly to the latest production figures",
         "are paying closer attention to freight and insurance costs"),
    ),
    "politics": (
        ("Officials in Moscow and Kyiv", "Diplomats involved in the talks",
         "European governments", "Negotiators on both sides", "Western capitals",
         "Lawmakers in Washington", "Ministers from the region"),
        ("traded accusations over the latest strikes on energy sites",
         "say talks on a wider ceasefire have stalled",
         "are weighing a further package of sanctions",
         "have threatened new tariffs on buyers of Russian crude if talks fail",
         "plan to raise the issue with their partners in the coming weeks",
         "disagree over how to protect energy infrastructure from attack",
         "let a pause on attacks against energy sites expire without renewal"),
    ),
    "macro": (
        ("Policymakers at the central bank", "Economists", "Officials at the finance ministry",
         "Private-sector forecasters", "Households and businesses", "Bank analysts"),
        ("expect price growth to ease once the effect of tariff increases fades",
         "have kept a close eye on fuel and utility costs",
         "worry that a weaker currency is pushing up the cost of imports",
         "say the budget still relies heavily on oil revenue",
         "see little room for interest rate cuts this year",
         "are waiting for clearer signs that inflation has peaked"),
    ),
    "background": (
        ("Kazakh officials", "Energy ministers in Astana", "Industry veterans",
         "Analysts who follow the region", "Critics of the country's energy policy",
         "Officials at the state oil company"),
        ("have long argued that the large foreign-run projects should be treated differently",
         "point out that condensate is not covered by the group's limits",
         "recall that the Tengiz expansion was delayed for years by cost overruns",
         "want to reduce the country's reliance on a single export route",
         "note that most of the crude is sold to refiners in Europe",
         "warn that lower oil prices would widen the budget gap",
         "say the country's output has grown steadily since the start of the decade",
         "describe a rail route to the Black Sea as a costly fallback"),
    ),
}
WHO = ("analysts at Halden Capital", "a Geneva-based trader", "traders who deal in Caspian grades",
       "an official at the energy ministry", "a senior delegate", "a shipping agent in Novorossiysk",
       "economists at Corvane Research", "a source close to the consortium",
       "one European refiner", "a person briefed on the talks", "consultancy Brightwater Energy")
SAID = ("said", "told reporters", "said in a note", "told Meridian", "said in an interview",
        "wrote in a report")
CONNECTORS = ("", "", "Still, ", "However, ", "For now, ", "Even so, ", "In recent weeks, ",
              "So far, ", "As a result, ", "By most accounts, ", "Meanwhile, ")
WHEN = ("", "", " on {weekday}", " this week", " earlier this month", " last week")

QUOTES = (
    "We are working with our partners to find a balanced solution",
    "The market is watching every barrel",
    "There is no quick fix for the export route",
    "Our priority is stable supply",
    "Nobody expects the issue to be settled at one meeting",
    "Investors want to see discipline before they commit more money",
    "We will keep talking to all sides",
    "The numbers speak for themselves",
    "Nobody wants a price war",
)
SPEAKERS = ("Ines Calloway, an analyst at Halden Capital", "a ministry spokesperson",
            "Tomas Rehak of Corvane Research", "a trader in Geneva", "the company",
            "a senior official", "the minister", "an industry executive")

# Attributions for figures, built the same way.
SOURCE_PARTS = (
    (("two", "three", "several", "four"), ("industry", "trading", "ministry", "shipping"),
     ("sources said", "sources told Meridian", "sources told Northgate",
      "sources said on {weekday}")),
    (("according to",), ("data", "figures", "statistics", "preliminary data", "official data"),
     ("from the energy ministry", "compiled by the ministry", "seen by the Petroleum Ledger",
      "from the statistics office", "from industry sources")),
    (("the energy ministry", "the statistics office", "the ministry", "officials"),
     ("said",), ("on {weekday}", "in a statement", "this week", "in a monthly report")),
)
LEAD_INS = ("", "", "", "", "Meanwhile, ", "Separately, ", "At the same time, ")

BULLETS = (
    "Output keeps running ahead of OPEC+ targets",
    "Export route remains vulnerable to disruption",
    "Analysts expect pressure on the group to grow",
    "Companies say contracts protect their investments",
    "Talks on energy infrastructure strikes have stalled",
)

NOISE = (
    "Advertisement",
    "2 min read",
    "3 min read",
    "Share this article",
    "Sign up for our energy newsletter",
    "Read more",
    "Related: Oil traders brace for a volatile quarter",
    "This video will resume after the advertisement.",
    "Show More",
)
PHOTO_CREDITS = (
    "An oil pumpjack on the steppe outside an oilfield. File Photo by {Author}/{Outlet}",
    "Tankers wait at anchor off the Black Sea coast. (Photo: {Outlet})",
    "A worker at a processing plant. Credit: {Outlet} archive",
    "Storage tanks at a terminal on the coast. {Outlet}/{Author}",
)

# British and American spellings a reprint desk swaps; none of them touches a figure.
SPELLING = (("programme", "program"), ("defence", "defense"), ("favour", "favor"),
            ("centre", "center"), ("labour", "labor"), ("totalled", "totaled"),
            ("organisation", "organization"), ("analysed", "analyzed"))

NAV = ("Home", "Energy", "Markets", "Politics", "World", "Opinion", "Newsletters")
FOOTER = ("About us", "Contact", "Privacy policy", "Terms of use", "Advertise")
