"""Time expressions in a sentence, resolved against the article's publication date.

Every expression found is a PeriodMention with a role:
  "period"   the time a figure refers to ("in March", "last year", "Q2 2025")
  "base"     the other side of a comparison ("from January", "a year earlier" when a period
             is named in the sentence too); never the figure's own period, but for a
             figure in apposition right after it ("from June's average, 5.1 mb/d")
  "span"     "since May", "since 2014": a stretch up to the article date; no period of the
             set ("2025-03", "2024"...) says it, so the figure's period stays unresolved
  "deadline" an end date ("through September 2025", "until June"): a figure due by then
             is not a figure for then
  "event"    a day something was said ("said on Monday", "March 24"): it dates the
             sentence, not a level, and is never given to a figure. A weekday otherwise
             ("early Tuesday", "on Monday", "yesterday") is the figure's day: the most
             recent such day on or before the article date, "2025-04-01"
  "monthly"  / "yearly": the figure is a monthly / whole-year one ("m-o-m", "for the whole
             year"), taking its month or year from context
Relative expressions in an undated article resolve to "" with a note; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factcheck.frame.lazy_pattern import deferred

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "final": 4, "last": 4}
WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?"
          r"|Dec\.?)")
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_ORD = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
def _year_tail(name: str) -> str:
    return rf"(?:,?\s+(?:of\s+)?(?P<{name}>{_YEAR}))?"


# One alternation, most specific first; named groups say which kind matched.
_PATTERN = deferred(
    rf"""
    (?:
      (?P<mdy>\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<mdy_y>{_YEAR}))?\b)
    | (?P<dmy>\b(?P<dmy_d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR}))?\b)
    | (?P<qtr>\b(?:Q(?P<q1>[1-4])|(?P<q2>[1-4])Q)(?:[\s-]+(?P<qy>{_YEAR})|'?(?P<qy2>\d\d))?\b)
    | (?P<qword>\b(?:the\s+)?(?P<qo>{_ORD})[\s-]+quarter{_year_tail('qwy')})
    | (?P<half>\b(?:H(?P<h1>[12])(?:\s*(?P<hy>{_YEAR}))?\b|(?:the\s+)?(?P<ho>first|second)[\s-]+half{_year_tail('hwy')}))
    | (?P<mspan>(?:(?P<ms_from>\bfrom)\s+|\b(?:(?P<ms_between>between)\s+)?)(?P<ms_a>{_MONTH})\s*(?:[-–/]|\s(?:through|thru)\s|(?(ms_between)\sand\s|(?(ms_from)\s(?:to|until|till)\s|(?!))))\s*(?P<ms_b>{_MONTH})(?:,?\s+(?P<ms_y>{_YEAR}))?\b(?(ms_from)(?!\s*[0-3]?\d(?:st|nd|rd|th)?\b(?![.,]\d))))
    | (?P<my>\b(?:(?:early|mid|late)[\s-]+)?(?P<my_m>{_MONTH})(?:\s+|,\s*)(?P<my_y>{_YEAR})\b)
    | (?P<month>\b(?:(?:early|mid|late)[\s-]+)?(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\b)
    | (?P<rel_month>\b(?P<rm>last|previous|past|this|current|next|the\s+previous|the\s+past)\s+month\b)
    | (?P<rel_year>\b(?P<ry>last|previous|past|this|current|next|the\s+previous|the\s+past)\s+year\b)
    | (?P<ago>\b(?:a|one|the)\s+(?P<ago_u>year|month)[\s-]+(?:earlier|ago|before)\b|\byear[\s-]+earlier\b|\bprevious\s+year's\b)
    | (?P<mom>\b(?:m-o-m|m/m|mom|month[\s-]on[\s-]month|month[\s-]over[\s-]month)\b)
    | (?P<yoy>\b(?:y-o-y|y/y|yoy|year[\s-]on[\s-]year|year[\s-]over[\s-]year)\b)
    | (?P<fullyear>\b(?:for\s+the\s+(?:whole|full|entire)\s+year|full[\s-]year|(?:the\s+)?whole\s+year|annual(?:ly)?)\b)
    | (?P<fy>\b(?:fiscal|FY)\s*(?P<fy_y>{_YEAR}|\d\d)\b)
    | (?P<year>(?<![\d,.$€£-])\b(?P<y_only>{_YEAR})\b(?!\d|,\d|%|\.\d|-year|\s*(?:per\s*cent|percent)))
    | (?P<season>\b(?:(?:last|this|next|the\s+previous|the\s+past)\s+)?(?:summer|winter|spring|autumn)\b)
    | (?P<weekday>\b(?:(?:on|early|late)\s+)?(?P<wd>{WEEKDAYS}|yesterday|today)\b|\blast\s+week\b|\bthis\s+week\b)
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Words right before an expression that make it the other side of a comparison, or an end.
_BASE_BEFORE = deferred(
    r"(?:\bfrom|\bsince|\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst|\bover"
    r"|\brelative\s+to|\bup\s+from|\bdown\s+from|\bin\s+comparison\s+to)"
    r"(?:\s+(?:the|a|its|their|levels?\s+(?:of|in)|in|of|a\s+year\s+earlier\s+in))*\s*$",
    re.IGNORECASE)
_DEADLINE_BEFORE = deferred(
    r"(?:\bthrough|\bthru|\buntil|\btill|\bby\s+the\s+end\s+of|\bby|\bbefore|\bno\s+later\s+than)"
    r"(?:\s+(?:the\s+end\s+of|end-|the))?\s*$",
    re.IGNORECASE)
_AS_OF = deferred(r"\bas\s+(?:of|at)\s+(?:the\s+(?:end|start|beginning)\s+of\s+)?$",
                    re.IGNORECASE)
_SINCE_BEFORE = deferred(r"\bsince(?:\s+(?:the|a|its|their))*\s*$", re.IGNORECASE)
_JOINED = deferred(r"[,;]|\b(?:while|but|whereas)\b|\band\s+(?:a|an|the|its|their)\b")
# (the end of a Markdown table row too: "| January | 1.52 |\n| February | 1.55 |")
_BREAK = deferred(r"[;—–]|\s-\s|\|[ \t]*\n")
_CASE_MONTH = deferred(r"^(?:(?:early|mid|late)[\s-]+)?[A-Z]")


@dataclass(frozen=True)
class PeriodMention:
    start: int          # offsets in the sentence
    end: int
    text: str
    period: str         # "2025-03", "2025-Q2", "2025-H1", "2024", "2023-01-01", "" unresolved
    role: str           # "period" | "base" | "deadline" | "event" | "monthly" | "yearly"
    relative: bool      # resolved against the article date (or would have been)
    note: str = ""


def _year2(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


def _month_before(month: int, day: dt.date) -> int:
    """Year of the most recent `month` that does not start after `day`."""
    return day.year if month <= day.month else day.year - 1


def _month_after(month: int, day: dt.date) -> int:
    """Year of the nearest `month` that does not end before `day`."""
    return day.year if month >= day.month else day.year + 1


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


_SO_FAR = deferred(r"\b(?:so\s+far|thus\s+far|to\s+date|year[\s-]to[\s-]date|ytd)\b",
                  re.IGNORECASE)


def _month_span(text: str, first: int, last: int, year: int | None,
                article_date: dt.date | None, future: bool,
                so_far: bool = False) -> tuple[str, str, bool]:
    """(period, note, relative) of a span of months ("January-March", "between April and
    June 2024"): the quarter, half or year it covers, or no period at all when it covers
    none of them. One month of it would be the wrong period: a total over three months set
    against one month's figure is a false alarm."""
    relative = year is None
    if year is None:
        if article_date is None:
            return "", f"period: '{text}' in an undated article is left unresolved", True
        # the last such span that is over ("January-December" in a January paper is last
        # year); one said to be under way is this year's ("so far in January-March" in
        # February); a forecast's span is the next one not yet over
        if future:
            year = _month_after(last, article_date)
        elif first < last and (first < article_date.month <= last or
                               so_far and first == article_date.month):
            # under way at the article date: a figure so far is not the whole span's (a
            # January-March total in a paper of 28 March is not the first quarter's), and
            # without "so far" the span may as well be last year's. In its first month a
            # span can only be last year's ("January-December" in a January paper).
            return "", f"period: '{text}' is under way at the article date " \
                       f"{article_date.isoformat()}: left unresolved", True
        elif so_far:
            year = _month_before(first, article_date)
        else:
            year = _month_before(last, article_date)
    whole = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1",
             (7, 12): "H2"}
    if (first, last) == (1, 12):
        period = f"{year}"
    elif (first, last) in whole:
        period = f"{year}-{whole[first, last]}"
    elif first == last:
        period = f"{year}-{first:02d}"
    else:
        return "", f"period: '{text}' spans months that make no quarter, half or year: " \
                   "left unresolved", True
    if relative:
        return period, f"period: '{text}' in article dated {article_date.isoformat()}", True
    return period, "", False


def _relative(label: str, article_date: dt.date | None, compute) -> tuple[str, str]:
    if article_date is None:
        return "", f"period: '{label}' in an undated article is left unresolved"
    value = compute(article_date)
    return value, f"period: '{label}' in article dated {article_date.isoformat()}"


# Every time expression holds one of these words, never more than LEAD characters after
# the expression starts ("for the whole year", "the first quarter", "15 March"). Scanning
# for them first, then trying the full pattern only at the few word starts just before
# each, gives what _PATTERN.finditer gives at a fraction of the cost.
_ANCHOR = deferred(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|[1-4]q|h[12]|quarter|half"
    r"|month|year|m-o-m|m/m|mom|y-o-y|y/y|yoy|annual|fiscal|fy|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|yesterday|today|week|summer|winter|spring|autumn"
    r"|19[5-9]\d|20\d\d)")
_WORD_START = deferred(r"\b\w")
LEAD = 30
CACHE_SIZE = 4096
_cache: dict[tuple[str, dt.date | None, bool], list[PeriodMention]] = {}


def _scan(sentence: str) -> list[re.Match]:
    """The matches _PATTERN.finditer would give, tried only near anchor words."""
    lower = sentence.lower()
    if len(lower) != len(sentence):          # a case fold that changes length: no shortcut
        return list(_PATTERN.finditer(sentence))
    out: list[re.Match] = []
    last = 0
    for a in _ANCHOR.finditer(lower):
        p = a.start()
        if p < last:
            continue
        for w in _WORD_START.finditer(sentence, max(last, p - LEAD), p + 1):
            m = _PATTERN.match(sentence, w.start())
            if m is not None and m.end() > p:
                out.append(m)
                last = m.end()
                break
    return out


def find_periods(sentence: str, article_date: dt.date | None,
                 future: bool = False) -> list[PeriodMention]:
    """Every time expression in `sentence`, resolved and given a role.

    Cached per (sentence, date, tense): wire copy repeats sentences across a corpus.
    """
    key = (sentence, article_date, future)
    hit = _cache.get(key)
    if hit is not None:
        return list(hit)
    found = _find_periods(sentence, article_date, future)
    if len(_cache) >= CACHE_SIZE:
        _cache.clear()
    _cache[key] = found
    return list(found)


# The clause a time expression sits in, between the breaks around it.
_CLAUSE_BREAK = deferred(r"[;:]|,(?!\d)|\b(?:and|but|while|whereas|although|though)\b",
                         re.IGNORECASE)
# A verb that states what happened: its clause speaks of the past, whatever another clause
# of the sentence expects ("Inflation was 4.7% in January, below the 5.1% forecast")
_PAST_VERB = deferred(
    r"\b(?:hit|was|were|rose|fell|grew|dropped|declined|increased|decreased|totall?ed|reached"
    r"|climbed|slipped|slid|jumped|surged|averaged|stood|produced|exported|imported|shipped"
    r"|pumped|recorded|posted|eased|gained|lost|shrank|expanded|contracted|plunged|soared"
    r"|tumbled|sank|dipped|came|edged|ticked|widened|narrowed|slowed|lifted|accelerated"
    r"|topped|amounted|firmed|weakened|strengthened|doubled|halved|missed|exceeded"
    r"|beat(?=\s+(?:analysts'\s+)?(?:forecasts?|expectations|estimates|the\s+consensus)))\b",
    re.IGNORECASE)
# "to be lifted", "could hit": the verb after a modal or "to" looks ahead
_NOT_PAST_AFTER = frozenset("be been being to will would could may might can should".split())
# ... unless the verb nearest the time looks ahead ("was expected to reach 2.2m bpd in
# June", "exports that were delayed will reach 1.2m t in May"); not a comparison with
# what was expected ("rose more than expected to 4.1% in April") or a beaten forecast
_AHEAD_WORD = deferred(
    r"\b(?:will|would|could|should|might|shall|(?:expects?|expected|forecasts?|projected"
    r"|predicted|set|likely|plans?|aims?|going|poised|scheduled|(?:is|are)\s+due)\s+to"
    r"|seen|sees"
    r"|on\s+track)\b", re.IGNORECASE)
_NOT_AHEAD_AFTER = frozenset("than beat beats topped exceeded missed defied".split())
_PREVIOUS_WORD = deferred(r"(\w+)\s+$")
# "is estimated to have risen 3% in March": what happened, however it is hedged
_PERFECT_INFINITIVE = deferred(r"\bto\s+have\s+\w+(?:ed|en)\b", re.IGNORECASE)


def word_before(text: str, pos: int) -> str:
    """The word right before `pos` (a few characters back at most), lower-cased."""
    m = _PREVIOUS_WORD.search(text, max(0, pos - 20), pos)
    return m.group(1).lower() if m else ""


def _clause_tense(segment: str, at: int) -> bool | None:
    """True: the verb nearest `at` in the clause states what happened; False: it looks
    ahead; None: the clause has neither."""
    if _PERFECT_INFINITIVE.search(segment):
        return True
    verbs = sorted([(m.start(), True) for m in _PAST_VERB.finditer(segment)
                    if word_before(segment, m.start()) not in _NOT_PAST_AFTER] +
                   [(m.start(), False) for m in _AHEAD_WORD.finditer(segment)
                    if word_before(segment, m.start()) not in _NOT_AHEAD_AFTER])
    if not verbs:
        return None
    before = [past for pos, past in verbs if pos < at]
    return before[-1] if before else verbs[0][1]


# How far from its figure a time expression may stand and still be the figure's
_PERIOD_REACH = 400
# How far a clause is read either side of a time expression: a run-on "sentence" of a
# whole page (text with no stops) would otherwise be read once per date in it
_TENSE_REACH = 200


def _past_clause(sentence: str, start: int, end: int) -> bool:
    lo = max(0, start - _TENSE_REACH)
    for lo_m in _CLAUSE_BREAK.finditer(sentence, lo, start):
        lo = lo_m.end()
    nxt = _CLAUSE_BREAK.search(sentence, end, end + _TENSE_REACH)
    hi = nxt.start() if nxt else min(len(sentence), end + _TENSE_REACH)
    tense = _clause_tense(sentence[lo:hi], start - lo)
    if tense is None and nxt is not None and not sentence[end:hi].strip():
        # a fronted phrase ("In February, output was 1.9m bpd"): the clause it leads
        after = _CLAUSE_BREAK.search(sentence, nxt.end(), nxt.end() + _TENSE_REACH)
        tense = _clause_tense(sentence[nxt.end():after.start() if after else
                                       min(len(sentence), nxt.end() + _TENSE_REACH)], 0)
    return bool(tense)


def _find_periods(sentence: str, article_date: dt.date | None,
                  sentence_future: bool) -> list[PeriodMention]:
    found: list[PeriodMention] = []
    for m in _scan(sentence):
        g = m.groupdict()
        text = m.group(0)
        start, end = m.start(), m.end()
        future = sentence_future and not _past_clause(sentence, start, end)
        asof = _AS_OF.search(sentence, max(0, start - 40), start)
        if asof:
            start, text = asof.start(), sentence[asof.start():end]
        period, note, role, relative = "", "", "period", False
        if (g["mdy"] or g["dmy"] or g["my"]) and \
                not (g["mdy_m"] or g["dmy_m"] or g["my_m"])[0].isupper():
            continue                         # "march 3", "may 2025" in lowercase prose
        if g["mdy"] or g["dmy"]:
            mon = MONTHS[(g["mdy_m"] or g["dmy_m"]).lower().rstrip(".")]
            day = int(g["mdy_d"] or g["dmy_d"])
            year = _year2(g["mdy_y"] or g["dmy_y"])
            if not 1 <= day <= 31:
                continue
            if year is None:
                relative = True
                if article_date is None:
                    note = f"period: '{text}' has no year and the article no date"
                else:
                    year = _month_before(mon, article_date)
            if asof:
                try:
                    period = dt.date(year, mon, day).isoformat() if year else ""
                except ValueError:
                    continue
                role = "period"
            else:
                role = "event"
                period = f"{year:04d}-{mon:02d}" if year else ""
        elif g["qtr"] or g["qword"]:
            q = int(g["q1"] or g["q2"] or ORDINALS[g["qo"].lower()])
            year = _year2(g["qy"] or g["qy2"] or g["qwy"])
            if year is None and g["qo"] and g["qo"].lower() == "last":
                relative = True              # "last quarter": the one before the article's
                period, note = _relative(text, article_date, _previous_quarter)
            elif year is None:
                relative = True
                period, note = _relative(
                    text, article_date,
                    lambda d: f"{_quarter_year(q, d, future)}-Q{q}")
            else:
                period = f"{year}-Q{q}"
        elif g["half"]:
            h = int(g["h1"] or (1 if g["ho"].lower() == "first" else 2))
            year = _year2(g["hy"] or g["hwy"])
            if year is None:
                relative = True
                period, note = _relative(
                    text, article_date,
                    lambda d: f"{_half_year(h, d, future)}-H{h}")
            else:
                period = f"{year}-H{h}"
        elif g["mspan"]:
            if not g["ms_a"][0].isupper() or not g["ms_b"][0].isupper():
                continue
            period, note, relative = _month_span(text, MONTHS[g["ms_a"].lower().rstrip(".")],
                                                 MONTHS[g["ms_b"].lower().rstrip(".")],
                                                 _year2(g["ms_y"]), article_date, future,
                                                 bool(_SO_FAR.search(sentence[
                                                     max(0, start - 25):end + 20])))
        elif g["my"]:
            mon = MONTHS[g["my_m"].lower().rstrip(".")]
            period = f"{int(g['my_y']):04d}-{mon:02d}"
        elif g["month"]:
            name = g["m"]
            if not _CASE_MONTH.match(text) or not name[0].isupper():
                continue                     # "may" the verb, "march" the noun
            if name == "May" and _may_is_verb(sentence, m.start("m")):
                continue
            mon = MONTHS[name.lower()]
            relative = True
            pick = _month_after if future else _month_before
            period, note = _relative(text, article_date,
                                     lambda d: f"{pick(mon, d):04d}-{mon:02d}")
        elif g["rel_month"]:
            word = g["rm"].lower().split()[-1]
            delta = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0,
                     "next": 1}[word]
            relative = True
            period, note = _relative(
                text, article_date,
                lambda d: "%04d-%02d" % _shift_month(d.year, d.month, delta))
        elif g["rel_year"]:
            word = g["ry"].lower().split()[-1]
            delta = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0,
                     "next": 1}[word]
            relative = True
            period, note = _relative(text, article_date, lambda d: str(d.year + delta))
        elif g["ago"]:
            role, relative = "base", True
            note = f"period: '{text}' is a comparison base"
        elif g["mom"] or g["yoy"]:
            role = "monthly"
            note = f"period: '{text}' makes the figure a monthly one"
        elif g["fullyear"]:
            role = "yearly"
        elif g["fy"]:
            period = str(_year2(g["fy_y"]))
        elif g["year"]:
            period = g["y_only"]
        elif g["season"]:
            # a season is no month, quarter or year: the figure has a period of its own
            # (nothing is carried in), left unresolved
            relative = True
            note = f"period: '{text}' is a season, left unresolved"
        elif g["weekday"] and g["wd"]:
            if _SAID_NEAR.search(sentence, max(0, start - 45), start) or \
                    _SAID_AFTER.match(sentence, end):
                role = "event"               # the day something was said, not measured
            else:
                relative = True
                word = g["wd"].lower()
                period, note = _relative(text, article_date,
                                         lambda d: _day_of(word, d).isoformat())
        elif g["weekday"]:
            role = "event"
        if role == "period":
            before = sentence[max(0, start - 40):start]
            if _BASE_BEFORE.search(before):
                # "since May": a span up to the article date, not a point to compare from
                role = "span" if _SINCE_BEFORE.search(before) else "base"
            elif _DEADLINE_BEFORE.search(before):
                if re.search(r"\bby\s*$", before, re.IGNORECASE) and future:
                    role = "period"          # "will reach X by 2030": the target's year
                else:
                    role = "deadline"
        found.append(PeriodMention(start, end, text, period, role, relative, note))
    return found


_WEEKDAY_NUMBER = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_SAID = r"(?:said|says|say|told|tells|announced|reported|reports|stated|wrote|posted|added)"
# "said on Monday", "told Reuters on Tuesday", "said in a statement on Friday"
_SAID_NEAR = deferred(r"\b" + _SAID + r"\b(?:\s+[\w’'-]+){0,4}?\s+(?:on\s+)?$", re.IGNORECASE)
_SAID_AFTER = deferred(r"\s+" + _SAID + r"\b", re.IGNORECASE)


def _day_of(word: str, day: dt.date) -> dt.date:
    """'Tuesday' in an article of `day`: the most recent Tuesday on or before it."""
    if word == "today":
        return day
    if word == "yesterday":
        return day - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() - _WEEKDAY_NUMBER[word]) % 7)


def _may_is_verb(sentence: str, pos: int) -> bool:
    """'May' at a sentence start or before a verb is the modal, not the month."""
    before = sentence[:pos].rstrip()
    after = sentence[pos + 3:pos + 20]
    if not before or before.endswith((".", "!", "?", "\"", "“")):
        return not re.match(r"\s+(?:\d|19|20)", after)
    return bool(re.match(r"\s+(?:be|have|not|also|still|well|soon|need|rise|fall)\b", after))


def _previous_quarter(day: dt.date) -> str:
    q = (day.month - 1) // 3 + 1
    return f"{day.year}-Q{q - 1}" if q > 1 else f"{day.year - 1}-Q4"


def _quarter_year(q: int, day: dt.date, future: bool) -> int:
    current = (day.month - 1) // 3 + 1
    if future:
        return day.year if q >= current else day.year + 1
    return day.year if q <= current else day.year - 1


def _half_year(h: int, day: dt.date, future: bool) -> int:
    current = 1 if day.month <= 6 else 2
    if future:
        return day.year if h >= current else day.year + 1
    return day.year if h <= current else day.year - 1


@dataclass(frozen=True)
class ResolvedPeriod:
    period: str
    text: str
    start: int
    end: int
    notes: tuple[str, ...] = ()


def resolve_period(sentence: str, article_date: dt.date | None, *, at: int | None = None,
                   figures: tuple[tuple[int, int], ...] = (), future: bool = False,
                   mentions: list[PeriodMention] | None = None) -> ResolvedPeriod | None:
    """The period the figure at offset `at` of `sentence` refers to, or None.

    With `at` None, the sentence's first period. `figures` are (start, end) spans of
    the sentence's other figures: a period is claimed by the figure it sits next to
    ("rose to 1.88 in March from 1.83 in February"), and one just after a figure wins
    over one before it, as news writes "X in March".
    """
    if mentions is None:
        mentions = find_periods(sentence, article_date, future)
    usable = [p for p in mentions if p.role == "period" or (p.role == "base" and p.period)]
    if not usable:
        return None
    if at is None:
        best = usable[0]
    else:
        fig = next(((s, e) for s, e in figures if s <= at < e), (at, at + 1))
        # a time further than this from the figure is never its own, and a run-on
        # "sentence" of a page of text would otherwise cost every figure every date in it
        usable = [p for p in usable if p.start - fig[1] <= _PERIOD_REACH and
                  fig[0] - p.end <= _PERIOD_REACH]
        if not usable:
            return None
        others = [f for f in figures if f != fig]

        def cost(p: PeriodMention) -> float:
            if p.start >= fig[1]:
                gap = p.start - fig[1]
                between = [f for f in others if fig[1] <= f[0] and f[1] <= p.start]
                # "X in March" binds tightly; "X ... and a market in balance in Q3" does not
                joined = _JOINED.search(sentence, fig[1], p.start)
                c = gap + 20.0 if joined else gap * 0.5
            else:
                gap = fig[0] - p.end
                between = [f for f in others if p.end <= f[0] and f[1] <= fig[0]]
                c = float(gap)
            if between:
                c += 200 * len(between)
            return c

        # a base period ("from April's average, 5.1 ...") belongs only to the figure after it
        # a dash or semicolon between them sets the figure in another statement:
        # "occupied in 2014 - now about 20% of the country"
        usable = [p for p in usable if not _BREAK.search(
            sentence, min(p.end, fig[1]), max(p.start, fig[0]))]
        usable = [p for p in usable if p.role != "base" or (
            p.end <= fig[0] and fig[0] - p.end <= 40
            and not _BREAK.search(sentence, p.end, fig[0])
            and not any(p.end <= f[0] and f[1] <= fig[0] for f in others))]
        if not usable:
            return None
        best = min(usable, key=cost)
    notes = (best.note,) if best.note else ()
    if best.period and not best.note:
        notes = (f"period: '{best.text}'",)
    return ResolvedPeriod(best.period, best.text, best.start, best.end, notes)
