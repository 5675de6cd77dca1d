"""English number words, hedges and change verbs: the closed word classes of quantities.

Unit vocabulary is data in rules/; these are grammar (a closed set that a desk has no
reason to edit), kept here as plain tables.
"""

from __future__ import annotations

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "mn": 1e6, "mil": 1e6, "bln": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12,
    "lakh": 1e5, "crore": 1e7, "dozen": 12.0,
}
# Written glued to a figure ("$13.6M", "25k", "$4.2b"): case matters for some.
SCALE_SUFFIXES = {
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9,
    "B": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}
# "tens of thousands of", "hundreds of", "dozens of": an order of magnitude, [x, 10x]
VAGUE_PLURALS = {
    "dozens": 12.0, "scores": 20.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
    "billions": 1e9, "trillions": 1e12, "tens": 10.0,
}
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}

# Hedge words before a figure -> (qualifier, NewsQuant change symbol)
HEDGES = {
    "at least": ("at_least", ">"), "no less than": ("at_least", ">"),
    "no fewer than": ("at_least", ">"), "a minimum of": ("at_least", ">"),
    "not less than": ("at_least", ">"), "at a minimum": ("at_least", ">"),
    "more than": ("more_than", ">"), "over": ("more_than", ">"), "above": ("more_than", ">"),
    "in excess of": ("more_than", ">"), "upwards of": ("more_than", ">"),
    "upward of": ("more_than", ">"), "north of": ("more_than", ">"),
    "greater than": ("more_than", ">"), "exceeding": ("more_than", ">"),
    "well over": ("more_than", ">"), "just over": ("more_than", ">"),
    "over than": ("more_than", ">"), "higher than": ("more_than", ">"),
    "up to": ("at_most", "<"), "at most": ("at_most", "<"), "no more than": ("at_most", "<"),
    "a maximum of": ("at_most", "<"), "not more than": ("at_most", "<"),
    "as much as": ("at_most", "<"), "as many as": ("at_most", "<"),
    "less than": ("less_than", "<"), "fewer than": ("less_than", "<"),
    "under": ("less_than", "<"), "below": ("less_than", "<"), "just under": ("less_than", "<"),
    "lower than": ("less_than", "<"), "sub-": ("less_than", "<"), "sub": ("less_than", "<"),
    "about": ("approx", "~"), "around": ("approx", "~"), "approximately": ("approx", "~"),
    "approx.": ("approx", "~"), "approx": ("approx", "~"), "roughly": ("approx", "~"),
    "some": ("approx", "~"), "circa": ("approx", "~"), "c.": ("approx", "~"),
    "an estimated": ("approx", "~"), "estimated": ("approx", "~"), "close to": ("approx", "~"),
    "nearly": ("nearly", "~"), "almost": ("nearly", "~"), "just shy of": ("nearly", "~"),
    "~": ("approx", "~"), "≈": ("approx", "~"), "some ~": ("approx", "~"),
    ">": ("more_than", ">"), ">=": ("at_least", ">"), "≥": ("at_least", ">"),
    "<": ("less_than", "<"), "<=": ("at_most", "<"), "≤": ("at_most", "<"),
    "exactly": ("exact", "="), "just": ("exact", "="), "only": ("exact", "="),
}
# Hedges written after the figure ("100-plus", "50 or so", "1,000+")
POST_HEDGES = {"or so": ("approx", "~"), "or more": ("at_least", ">"), "plus": ("at_least", ">"),
               "+": ("at_least", ">"), "or less": ("at_most", "<"), "or fewer": ("at_most", "<")}

UP_VERBS = (
    "rose risen rise rises rising up gained gain gains gaining increased increase increases "
    "increasing jumped jump jumps jumping climbed climb climbs climbing advanced advance "
    "advances advancing added adding surged surge surges surging soared soar soars soaring "
    "grew grow grows growing grown rallied rally rallies raised raise raises raising lifted "
    "boosted hiked expanded widened spiked spiking rebounded higher ticked edged soaring "
    "jumping surging climbing rallying rebounding advancing gaining upward upwards"
).split()
DOWN_VERBS = (
    "fell fall falls falling fallen down dropped drop drops dropping declined decline "
    "declines declining decreased decrease decreases decreasing lost lose loses losing slid "
    "slide slides sliding slipped slip slips plunged plunge plunges plunging plummeted "
    "plummet plummets tumbled tumble tumbles sank sink sinks shed sheds cut cuts cutting "
    "reduced reduce reduces eased ease eases dipped dip dips slumped slump slumps retreated "
    "lowered lower contracted shrank shrunk shrinks narrowed sagged tanked crashed "
    "plummeting tumbling sliding slipping sinking shedding losing dipping slumping falling "
    "downward downwards"
).split()
# "ticked"/"edged" take their direction from the next word ("edged up", "ticked down")
DIRECTIONLESS = {"ticked", "edged"}
UP_NOUNS = "increase rise gain jump growth hike surge rally advance boost".split()
DOWN_NOUNS = "drop decline fall decrease cut loss reduction slump plunge dip slide".split()

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()

# Capitalised words that may stand right before a figure without making it a name
# ("About 300", "The 11 members"): sentence-initial function words and hedges.
CAPITAL_OK = set(
    "the a an about around some over under nearly almost just only more less at in on for by "
    "from to with and but of up down approximately roughly another all each every its their "
    "his her our your my these those this that than between since until after before total "
    "minus plus some with without among including includes were was are is be been has have "
    "had will would could should may might can also then so as if when while where there here "
    "it they we he she you i nearly estimated an exactly barely fewer least most top first "
    "last next past within across during per via against both either neither".split())

# Words after a figure that are not a counted noun
NOT_COUNTED = set(
    "the a an and or but nor of in on at to for from by with as is are was were be been being "
    "will would could should may might can must shall has have had do does did that this these "
    "those which who whom whose than then per it its he she they we you i his her their our "
    "your my after before since until during while when where if so not no also more less into "
    "over under up down about around last next ago earlier later before since compared versus "
    "vs against between among through across off out onto upon via each every both either "
    "neither all any some such only just even still yet already again here there now today "
    "tonight yesterday tomorrow am pm a.m. p.m. percent per cent times respectively "
    "according said says say told reported including include includes included plus minus "
    "what how why whether because though although unless once like unlike toward towards "
    "within without amid beyond despite except following regarding behind beside besides "
    "above below near next alongside inside outside throughout along become became becomes "
    "remained remain remains stood stands stand came come comes went go goes got get gets "
    "made make makes took take takes saw see sees left leave leaves rose fell jumped "
    "climbed gained lost dropped slid rising falling higher lower million billion thousand "
    "trillion hundred dozen percentages apiece each overall total altogether combined "
    "jan feb mar apr jun jul aug sep sept oct nov dec cheaper higher lower bigger smaller "
    "larger greater better worse faster slower longer shorter older younger earlier later fewer "
    "richer poorer stronger weaker wider deeper taller heavier lighter".split()) | set(MONTHS)

# "edged up to 1.8 million": after these verbs "up to" is a move's particle and its level,
# not the bound "at most"
MOVED_UP = set("edged edges edging inched inches inching ticked ticks ticking crept creeps "
               "creeping moved moves moving went goes going gone shot nudged nudges bumped "
               "ratcheted revised revises trended trending drifted drifting crawled "
               "climbed jumped back".split())

# "gave up 517 yards", "picked up 3 wins": "up" after these verbs is not a rise
# "narrowed down to three", "stepped down": "down" after these verbs is not a fall; "ended
# down 1%" is
PHRASAL_DOWN = set("narrowed narrow narrows boiled boil broke break breaks broken handed hand "
                   "stepped step steps backed back settled settle calmed shut turned turn turns "
                   "sat sit put puts set sets tracked track wound wind".split())
PHRASAL_UP = set("gave give gives giving given picked pick picks set sets ended end ends made "
                 "make makes took take takes signed sign signs summed sum sums add adds added "
                 "stepped step steps served serve serves racked rack racks backed back".split())

# Nouns that label a figure rather than count it: "category 4", "phase 2", "round 1"
LABEL_NOUNS = set("category level stage phase tier grade class type version season episode "
                  "chapter section page row round game match week day leg series model mark "
                  "gen generation item article clause rule part act route highway exit gate "
                  "terminal platform line lane seat room apartment suite unit floor flight "
                  "channel pier berth spm".split()
                 # market indexes whose names end in a number, as lower-cased copy writes
                 # them ("the sp 500", "ftse 100")
                 + "sp ftse nikkei russell stoxx asx cac dax nasdaq kospi sensex nifty".split())

IRREGULAR_PLURALS = {"children": "child", "people": "people", "men": "man", "women": "woman",
                     "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose"}

# Adjectives skipped to reach the counted noun ("five new seasons", "eight other employees")
COUNT_ADJECTIVES = set(
    "new other more additional different separate straight consecutive previous former "
    "major top small smaller large larger big bigger full extra young old older younger "
    "key main local foreign international domestic national senior junior private public "
    "military civilian eligible registered confirmed reported known active current "
    "unique individual".split())

# Abbreviated counted nouns written after a figure, mostly sports statistics ("15.3 ppg",
# "2 TDs", "0.5 WAR"): the figure counts what the abbreviation stands for
COUNT_ABBREVIATIONS = {
    "ppg": "points per game", "rpg": "rebounds per game", "apg": "assists per game",
    "spg": "steals per game", "bpg": "blocks per game", "TD": "touchdown",
    "TDs": "touchdowns", "RBI": "runs batted in", "RBIs": "runs batted in",
    "HR": "home run", "HRs": "home runs", "WAR": "wins above replacement",
    "ERA": "earned run average", "INTs": "interceptions", "INT": "interception",
}
