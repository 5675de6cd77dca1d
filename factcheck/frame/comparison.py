"""Figures in a comparison clause carry their own period, never the main clause's.

"2.1m bpd in March, up from 1.8m bpd a year earlier": 1.8 is March of the year before.
"the highest since 2019, when it reached 1.95m": 1.95 is 2019.
"compared with 1.9m" with no time of its own: not March either; left unresolved.
"""

from __future__ import annotations

import re

from factcheck.frame.lazy_pattern import deferred

# a figure introduced as the other side of a comparison
_MARKER = deferred(r"(?:\b(?:up|down|rising|falling|climbing|dropping|increasing|"
                     r"decreasing|recovering|easing)\s+)?\b(?:from|compared\s+(?:with|to)|"
                     r"against|versus|vs\.?|in\s+comparison\s+(?:with|to))\s+"
                     r"(?:(?:a|an|the|about|around|some|nearly|almost|roughly|just|over|"
                     r"under|only|its|their|high|low|of|level|levels)\s+)*$",
                     re.IGNORECASE)

# "a year earlier", "the previous month", "in the same quarter last year"
_EARLIER = deferred(
    r"^[\s,(]*(?:(?:in|during|for)\s+)?(?:"
    r"(?:a|one|the)\s+(?P<u1>year|month|quarter)\s+(?:earlier|before|ago|previously)"
    r"|(?:the\s+)?(?:previous|prior|preceding)\s+(?P<u2>year|month|quarter)"
    r"|(?:the\s+)?same\s+(?:month|quarter|period|time)\s+(?:a\s+year\s+(?:earlier|ago|before)|"
    r"of\s+the\s+previous\s+year|(?:of\s+)?last\s+year)(?P<y>)"
    r"|(?:a\s+)?year[- ]on[- ]year(?P<y2>))",
    re.IGNORECASE)

# "(since|in) 2019, when it reached": the figure after "when" belongs to that year
_WHEN_YEAR = deferred(r"\b((?:19|20)\d{2})\b[^.;0-9]{0,12}?,?\s+when\b[^0-9;]{0,50}$",
                        re.IGNORECASE)


# "from" starts the other side only after a change ("up from", "rose to X from"); "well
# away from the 1.85m expected" compares a figure with one of the same time
_CHANGE_BEFORE = deferred(r"\b(?:up|down|ris(?:e|es|ing)|rose|risen|f[ae]ll(?:s|en|ing)?|"
                            r"climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|increas(?:e|es|ed|ing)|"
                            r"decreas(?:e|es|ed|ing)|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|"
                            r"gain(?:s|ed)?|grew|grow(?:s|n|ing)?|slipp?(?:ed|ing)|"
                            r"recover(?:s|ed|ing)|eas(?:e|es|ed|ing)|"
                            r"(?:ch|r)ang(?:e|es|ed|ing)|mov(?:e|es|ed|ing))\b",
                            re.IGNORECASE)


def comparison_marker(before: str) -> int:
    """Offset in `before` where a comparison marker ending right before a figure starts,
    -1 when there is none."""
    tail = before[-80:]
    m = _MARKER.search(tail)
    if not m:
        return -1
    if re.match(r"(?:\w+\s+)?from\b", m.group(0), re.IGNORECASE) and not \
            _CHANGE_BEFORE.search(before[max(0, len(before) - len(tail) + m.end() - 120):
                                         len(before) - len(tail) + m.end()]):
        return -1
    return len(before) - len(tail) + m.start()


def earlier_unit(after: str) -> str:
    """"year", "month" or "quarter" when the text right after a figure says it is that much
    earlier than the period of the figure it is set against; "" otherwise."""
    m = _EARLIER.match(after)
    if not m:
        return ""
    if m.group("y") is not None or m.group("y2") is not None:
        return "year"
    return (m.group("u1") or m.group("u2") or "").lower()


def when_year(before: str) -> str:
    """The year of "since 2019, when it reached ..." for the figure after it, else ""."""
    m = _WHEN_YEAR.search(before)
    return m.group(1) if m else ""


def shift_back(period: str, unit: str) -> str:
    """`period` one `unit` earlier: ("2025-03", "year") -> "2024-03"; "" when the two do
    not fit ("2025", "month")."""
    m = re.fullmatch(r"(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?", period)
    if not m or not unit:
        return ""
    year = int(m.group(1))
    if unit == "year":
        return str(year - 1) + period[4:]
    if unit == "month" and m.group(2):
        month = int(m.group(2)) - 1
        return f"{year - 1}-12" if month == 0 else f"{year}-{month:02d}"
    if unit == "quarter" and m.group(3):
        q = int(m.group(3)) - 1
        return f"{year - 1}-Q4" if q == 0 else f"{year}-Q{q}"
    return ""
