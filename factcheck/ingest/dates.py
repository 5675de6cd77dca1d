"""Publication dates as news pages print them, and as CMS metadata stores them.

Only explicit dates are read. A date without a year ("March 31" in a dateline) is
completed from a reference date the same file gives, never from today.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import regex as re   # duplicate group names across alternatives
from factcheck.frame.lazy_pattern import deferred_regex

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|"
          r"July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
          r"Dec(?:ember|\.)?)")
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+"
_DAY = r"(?P<day>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"

# "April 1, 2025", "Apr. 01 2025", "1 April 2025", "2025-04-01", each with an optional
# weekday in front; the year is optional where a caller allows it (datelines).
_MDY = rf"(?P<month>{_MONTH})\s+{_DAY}(?:,?\s+{_YEAR})?"
_DMY = rf"{_DAY}\s+(?P<month>{_MONTH}),?(?:\s+{_YEAR})?"
_ISO = r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
DATE_RE = deferred_regex(rf"(?:{_WEEKDAY})?(?:{_ISO}|{_MDY}|{_DMY})", re.IGNORECASE)

_TIME = r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}|\s*[+-]\d\d:?\d\d)?)"
_PREFIX = r"(?:(?:Published|Posted|Updated|Last updated|Date|Dated)(?:\s+on)?:?\s+)"
# A line that is nothing but a date: a page heading or the date line of a byline block.
_DATE_LINE_RE = deferred_regex(
    rf"^{_PREFIX}?(?P<date>(?:{_WEEKDAY})?(?:{_ISO}|{_MDY}|{_DMY})){_TIME}?[\s,.|]*$",
    re.IGNORECASE)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:3]]


def _build(m: re.Match, ref: dt.date | None = None) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
    except (IndexError, ValueError):
        pass
    try:
        month = _month(m.group("month"))
        day = int(m.group("day"))
        year = m.group("year")
    except (IndexError, KeyError, TypeError, ValueError):
        return None
    try:
        if year:
            return dt.date(int(year), month, day)
        if ref is None:
            return None
        # The year that puts the date nearest the reference: a "Dec. 30" dateline under a
        # January 2 heading is the year before, a "Jan. 2" under December 30 the year after.
        guesses = []
        for year in (ref.year - 1, ref.year, ref.year + 1):
            try:
                guesses.append(dt.date(year, month, day))
            except ValueError:        # 29 February outside a leap year
                pass
        return min(guesses, key=lambda g: abs((g - ref).days)) if guesses else None
    except ValueError:
        return None


def parse_date(text: str, ref: dt.date | None = None) -> dt.date | None:
    """The first date written in `text` (year needed unless `ref` completes it)."""
    m = DATE_RE.search(text)
    if not m:
        return None
    return _build(m, ref)


def date_line(line: str) -> dt.date | None:
    """The date if the whole line is a date (with weekday, time, 'Published:' allowed)."""
    if len(line) > 80:
        return None
    m = _DATE_LINE_RE.match(line.strip())
    if not m:
        return None
    inner = DATE_RE.match(m.group("date"))
    if not inner:
        return None
    return _build(inner)


def metadata_date(value: str) -> dt.date | None:
    """A date from CMS / HTML metadata: ISO 8601, RFC 2822 (RSS pubDate), or prose.

    The calendar date is taken as written in the timestamp, without moving it to UTC:
    that is the date the outlet printed.
    """
    value = (value or "").strip()
    if not value:
        return None
    m = re.match(r"((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)(?:$|[T\s])", value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if re.match(r"^\d{10}(\d{3})?$", value):
        return None   # epoch seconds carry no timezone the outlet chose; not guessed
    try:
        parsed = email.utils.parsedate_to_datetime(value)
        if parsed is not None:
            return parsed.date()
    except (TypeError, ValueError, IndexError):
        pass
    return parse_date(value)
