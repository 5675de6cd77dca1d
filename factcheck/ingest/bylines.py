"""Who wrote it, for whom, and when: bylines, mastheads and agency datelines.

Each function reads one line (already stripped, non-breaking spaces folded) and returns
None unless the whole line has the shape it knows. The shapes are the usual print ones:
"By X for Outlet", "By X and Y - Apr 1, 2025", "(By X, Y and Z)", "By Outlet",
"Outlet | April 1, 2025 |", "CITY, March 31 (Agency) -", an agency name alone in capitals
under a byline, and an author card ("Name" followed by a role such as "Reporter").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex as re

from . import dates
from factcheck.frame.lazy_pattern import deferred_regex

# Names that are organisations when they stand alone after "By" or in capitals.
KNOWN_OUTLETS = {
    "reuters": "Reuters", "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg News",
    "ap": "AP", "associated press": "Associated Press", "the associated press": "Associated Press",
    "afp": "AFP", "agence france-presse": "AFP", "rfe/rl": "RFE/RL", "interfax": "Interfax",
    "tass": "TASS", "xinhua": "Xinhua", "dpa": "dpa", "ria novosti": "RIA Novosti",
    "anadolu": "Anadolu", "efe": "EFE", "ansa": "ANSA", "upi": "UPI", "kyodo": "Kyodo",
}
_PARTICLES = {"van", "von", "de", "da", "del", "della", "der", "den", "al", "bin", "ibn",
              "la", "le", "di", "du", "dos", "das", "ter", "ten", "el", "y", "st."}
_NAME_TOKEN = deferred_regex(r"^(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Lu}\.|(?:al|el)-\p{Lu}[\p{L}'’\-]*)$")
_ORG_TOKEN = deferred_regex(r"^[\p{Lu}\d][\p{L}\p{M}\d'’.\-/&+]*$")
_BYLINE = deferred_regex(r"^\(?\s*(?:By|BY|Written by|Reporting by):?\s+(?P<rest>.+?)\s*\)?[\s,.;]*$")
# Wire credit lines name the reporters first, then the desk: "Reporting by A and B in
# Moscow; Writing by C; Editing by D". The reporters are the authors; the desk is not.
_CREDIT_TAIL = deferred_regex(
    r"\s*;\s*(?:additional\s+reporting|writing|written|editing|edited|compiled|graphics?|"
    r"research|fact[- ]?check\w*|production)\b.*$", re.IGNORECASE)
_IN_PLACE = deferred_regex(
    r"\s+in\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,2}(?=\s*(?:,|;|&|\band\b|$))")
_DATE_SEP = deferred_regex(r"\s*(?:[|·•–—,]|\s-)\s*$")
_FOR = deferred_regex(r"\s+for\s+(?=\p{Lu})")
_NAME_SEP = deferred_regex(r"\s*,\s*|\s+and\s+|\s*&\s*")
_BARS = deferred_regex(r"[|·]")
_ROLE = deferred_regex(
    r"^(?:(?:senior|chief|staff|contributing|special|foreign|business|energy|economics|"
    r"political|news|deputy|managing|associate)\s+)*"
    r"(?:reporter|correspondent|editor|writer|journalist|contributor|columnist|analyst|"
    r"author|producer)s?$", re.IGNORECASE)
_CITY = r"\p{Lu}[\p{Lu}\p{M} .'’\-]{1,40}?"
_DATELINE = deferred_regex(
    rf"^(?P<city>{_CITY})(?:,\s*\p{{Lu}}[\p{{L}} .'\-]{{1,30}}?)?"
    rf"(?:,?\s+(?P<date>{dates._MDY}|{dates._DMY}))?"
    r"\s*(?:\((?P<agency>[\p{L}\d/ .&\-]{2,40})\))?\s*(?:-|–|—|--)\s*\S")


@dataclass(frozen=True)
class Byline:
    author: str = ""
    outlet: str = ""
    date: dt.date | None = None


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _is_person(name: str) -> bool:
    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or name.lower() in KNOWN_OUTLETS:
        return False
    if tokens[0].lower() in ("the",):
        return False
    for i, tok in enumerate(tokens):
        if tok.lower() in _PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if not _NAME_TOKEN.match(tok):
            return False
        if len(tok) > 3 and tok.isupper():
            return False          # "BLOOMBERG NEWS": an organisation set in capitals
    return True


_CALENDAR = deferred_regex(
    rf"^(?:{dates._MONTH}|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Satur|Sun)(?:day)?|\d.*)$",
    re.IGNORECASE)


def _is_outlet(name: str) -> bool:
    tokens = name.split()
    if len(tokens) == 1 and (_CALENDAR.match(name) or not re.search(r"\p{L}", name)):
        return False          # "By March", "By 2030": a time, not a publisher
    if name.lower() in KNOWN_OUTLETS:
        return True
    if not 1 <= len(tokens) <= 5:
        return False
    return all(_ORG_TOKEN.match(t) or t.lower() in ("of", "the", "and", "for") for t in tokens)


def outlet_name(name: str) -> str:
    name = " ".join(name.split()).strip(" ,.|")
    return KNOWN_OUTLETS.get(name.lower(), name)


def byline(line: str) -> Byline | None:
    if len(line) > 200:
        return None
    if ";" in line:
        line = _CREDIT_TAIL.sub("", line)
    m = _BYLINE.match(line)
    if not m:
        return None
    rest = m.group("rest")
    if "|" in rest or "·" in rest:
        return _barred(rest)
    date = None
    dm = dates.DATE_RE.search(rest)
    if dm and dm.start() > 0:
        head = rest[:dm.start()]
        sep = _DATE_SEP.search(head)
        if sep:
            date = dates.parse_date(rest[dm.start():])
            rest = head[:sep.start()]
    outlet = ""
    fm = _FOR.search(rest)
    if fm:
        outlet = outlet_name(rest[fm.end():])
        rest = rest[:fm.start()]
        if not _is_outlet(outlet):
            return None
    if " in " in rest:
        rest = _IN_PLACE.sub("", rest)
    names = [n.strip() for n in _NAME_SEP.split(rest) if n.strip()]
    if not names:
        return None
    if all(_is_person(n) for n in names):
        return Byline(_join_names(names), outlet, date)
    if len(names) == 1 and not outlet and _is_outlet(names[0]):
        return Byline("", outlet_name(names[0]), date)
    return None


_READING_TIME = deferred_regex(r"^\d+\s*(?:min(?:ute)?s?|mins?\.?)\s+read$", re.IGNORECASE)


def _barred(rest: str) -> Byline | None:
    """'A and B | Outlet | April 1, 2025': names, then an outlet and a date, bars apart."""
    parts = [p.strip() for p in _BARS.split(rest) if p.strip()]
    if not parts:
        return None
    first = byline("By " + parts[0])
    if first is None or not first.author:
        return None
    found = _outlet_and_date(parts[1:], first.outlet, first.date)
    return Byline(first.author, *found) if found else None


def _outlet_and_date(parts: list[str], outlet: str = "",
                     date: dt.date | None = None) -> tuple[str, dt.date | None] | None:
    """Read bar-separated parts as an outlet and a date (reading-time labels skipped);
    None when a part is neither."""
    for part in parts:
        if _READING_TIME.match(part):
            continue
        d = dates.date_line(part)
        if d and not date:
            date = d
        elif not outlet and _is_outlet(part) and _outlet_digits_ok(part):
            outlet = outlet_name(part)
        else:
            return None
    return outlet, date


_NAMED_NUMBER = deferred_regex(r"^\p{L}[\p{L}\p{M} .&'’\-]*\s\d{1,3}$")


def _outlet_digits_ok(part: str) -> bool:
    """Outlets carry no figures, but a short channel number may end the name
    ("France 24", "Channel 4")."""
    return not re.search(r"\d", part) or bool(_NAMED_NUMBER.match(part))


def masthead(line: str) -> Byline | None:
    """'Outlet | April 1, 2025 |': an outlet and a date separated by bars or dots."""
    if len(line) > 120 or ("|" not in line and "·" not in line):
        return None
    found = _outlet_and_date([p.strip() for p in _BARS.split(line) if p.strip()])
    if found and all(found):
        return Byline("", *found)
    return None


def agency_line(line: str) -> str:
    """'REUTERS' alone under a byline: the outlet, in its usual spelling."""
    if len(line) <= 30 and line.isupper() and re.fullmatch(r"[\p{Lu}/&.\- ]+", line):
        if 1 <= len(line.split()) <= 3:
            return outlet_name(line) if line.lower() in KNOWN_OUTLETS else line
    return ""


@dataclass(frozen=True)
class Dateline:
    agency: str
    month_day: str               # the date as written, maybe without a year


def dateline(line: str) -> Dateline | None:
    m = _DATELINE.match(line[:160])
    if not m or not (m.group("date") or m.group("agency")):
        return None
    city = m.group("city").strip()
    if sum(c.isupper() for c in city) < 2 or any(c.islower() for c in city):
        return None
    agency = outlet_name(m.group("agency")) if m.group("agency") else ""
    return Dateline(agency, m.group("date") or "")


def is_person_line(line: str) -> bool:
    return len(line) <= 60 and _is_person(line)


def is_role_line(line: str) -> bool:
    return len(line) <= 40 and bool(_ROLE.match(line))
