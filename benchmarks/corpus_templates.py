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

# Attribution clauses for actual figures, and who makes forecasts.
SOURCES = (
    "industry sources told Meridian",
    "according to data from the energy ministry",
    "two industry sources said",
    "according to figures seen by the Petroleum Ledger",
    "the energy ministry said on {weekday}",
    "according to a survey of shipping and industry data",
    "people familiar with the data said",
    "official statistics showed",
)
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
        "{Dem} crude exports {updownword} in {Month}",
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

FILLER = {
    "opec": (
        "{Ent} has repeatedly promised to bring its output back in line with the group's targets.",
        "OPEC+ members have been under pressure to compensate for earlier overproduction.",
        "The producer group is due to review its supply policy at an online meeting next week.",
        "Delegates said the alliance was unlikely to change course before the summer.",
        "Several members have submitted plans to make up for pumping above their limits.",
        "The group's Vienna headquarters declined to comment on individual members' output.",
    ),
    "pipeline": (
        "Most Kazakh crude leaves the country through a pipeline to a terminal on the Black Sea.",
        "Traders said tanker loadings at the terminal had resumed after a short delay.",
        "Storms on the Black Sea have disrupted loadings several times this winter.",
        "The consortium said it had completed maintenance on two of its three moorings.",
        "Shippers have been looking for alternative routes across the Caspian Sea.",
        "An inspection by the Russian transport regulator briefly halted operations at the port.",
        "The terminal near Novorossiysk handles the bulk of the region's seaborne exports.",
    ),
    "companies": (
        "Chevron leads the venture that operates the giant Tengiz field in western Kazakhstan.",
        "Western majors have spent years and large sums expanding fields in the region.",
        "KazMunayGas, the state oil company, holds stakes in all of the country's large projects.",
        "Executives have argued that contracts signed decades ago protect their output levels.",
        "The operator said the new facilities were running smoothly after start-up.",
    ),
    "market": (
        "Oil prices have swung sharply this year on worries about demand and trade disputes.",
        "Analysts say extra supply from outside the group could weigh on prices later in the year.",
        "Refiners in Europe have bought more Caspian crude since sanctions reshaped trade flows.",
        "Benchmark futures slipped in early trading as investors weighed the supply outlook.",
        "Market watchers expect inventories to build in the second half of the year.",
    ),
    "politics": (
        "Officials in Moscow and Kyiv traded accusations over the latest strikes on energy sites.",
        "Talks on a wider ceasefire have stalled, diplomats said.",
        "Washington has threatened new tariffs on buyers of Russian crude if talks fail.",
        "The government said it would raise the issue with its partners in the coming weeks.",
        "A 30-day pause on attacks against energy infrastructure expired without renewal.",
        "Ministers met in the capital on {weekday} to discuss the country's budget shortfall.",
        "European governments are weighing a further package of sanctions.",
    ),
    "macro": (
        "The central bank has kept its policy rate unchanged at its last two meetings.",
        "Higher fuel and utility tariffs have fed into consumer prices.",
        "Economists expect price growth to ease once the effect of the tariff increases fades.",
        "The government relies on oil revenue for much of its budget.",
        "A weaker currency has pushed up the cost of imported goods.",
    ),
    "background": (
        "The pipeline runs from the oilfields of western Kazakhstan to the Russian coast.",
        "Kazakhstan joined the wider OPEC+ group when it was formed to steady the market.",
        "The country has long argued that its large foreign-run projects should be treated differently.",
        "Condensate, a light liquid produced alongside gas, is not covered by the group's limits.",
        "The expansion at Tengiz was delayed for years by cost overruns.",
        "Large fields in the west of the country are run by international consortiums.",
        "Energy ministers have changed several times in recent years.",
        "Most of the crude is sold to refiners in Europe and the Mediterranean.",
        "The country's output has grown steadily since the start of the decade.",
        "A rail route to the Black Sea carries smaller volumes when the pipeline is disrupted.",
        "Officials have said they want to reduce the country's reliance on a single export route.",
        "The finance ministry has warned that lower oil prices would widen the budget gap.",
        "Analysts say the group's policy depends on how closely members stick to their limits.",
        "Tanker rates in the Black Sea have risen as insurers reassess the risks.",
        "The operator has said the field can run at full capacity for years.",
        "Production data are compiled from ministry figures and industry surveys.",
    ),
    "quotes": (
        "\"We are working with our partners to find a balanced solution,\" a ministry spokesperson said.",
        "\"The market is watching every barrel,\" said Ines Calloway, an analyst at Halden Capital.",
        "\"There is no quick fix for the export route,\" a trader in Geneva said.",
        "\"Our priority is stable supply,\" the company said in a statement.",
        "\"Nobody expects the issue to be settled at one meeting,\" a delegate said.",
        "\"Investors want to see discipline before they commit more money,\" said Tomas Rehak of Corvane Research.",
        "\"We will keep talking to all sides,\" the minister told reporters.",
    ),
}

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
