"""Reading tables and lists out of article text, for FC202 parts vs total.

A table is a run of lines with cells separated by '|' (Markdown tables, and HTML tables as
ingest renders them). A list is a run of bullet lines under a line that states a total
("Exports totalled 70 million tons:"). Cells are parsed here, with the precision their
digits give; the claims found inside a cell are kept for citation.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factcheck.checks.arithmetic_support import Interval
from factcheck.frame.lazy_pattern import deferred_regex

_SEPARATOR_ROW = deferred_regex(r"^[\s|:\-–—=+]+$")
_NUMBER_CELL = deferred_regex(
    r"^\s*(?:\*\*)?\s*(?P<open>\()?\s*[~≈]?\s*(?P<cur>[$€£¥])?\s*(?P<num>[+-]?\d{1,3}(?:,\d{3})+"
    r"(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)\s*(?P<pct>%)?\s*(?:\)|\*\*)?\s*$")
_MISSING = deferred_regex(r"^\s*(?:|-|–|—|n/?a|\.\.\.|…|\*)\s*$", regex.IGNORECASE)
TOTAL_LABEL = deferred_regex(r"^\W*(?:grand\s+)?(?:total|all|sum|overall|combined)\b",
                             regex.IGNORECASE)
# Rows that break a column into a sub-breakdown: their sums are not the column's sum.
NESTED_LABEL = deferred_regex(r"^\s*(?:of\s+which|incl|including|o/w|excluding|excl|memo|"
                              r"sub-?total|[-–•*+]\s|\.\.)", regex.IGNORECASE)
# Columns whose total is not the sum of the rows.
NON_ADDITIVE_HEADER = deferred_regex(
    r"%|percent|change|share|growth|y/y|yoy|y-o-y|m/m|avg|average|mean|median|rate|price|"
    r"per\b|margin|ratio|index|rank|year|date|since|\bvs\b|difference|diff", regex.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    text: str
    start: int          # offsets in the article text
    end: int

    def number(self) -> Interval | None:
        """The cell's number with its written precision; None if not a plain number."""
        match = _NUMBER_CELL.match(self.text)
        if not match:
            return None
        raw = match.group("num").replace(",", "")
        value = float(raw)
        if match.group("open") and value > 0:
            value = -value      # accountants' negatives
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        half = 0.5 * 10 ** -decimals
        return Interval(value - half, value + half)

    @property
    def percent(self) -> bool:
        match = _NUMBER_CELL.match(self.text)
        return bool(match and match.group("pct"))

    @property
    def missing(self) -> bool:
        return bool(_MISSING.match(self.text))


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    start: int
    end: int

    @property
    def label(self) -> str:
        return self.cells[0].text.strip(" *_") if self.cells else ""


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]


def _cells(line: str, offset: int) -> list[Cell]:
    inner_start, inner_end = 0, len(line)
    stripped = line.strip()
    if stripped.startswith("|"):
        inner_start = line.index("|") + 1
    if stripped.endswith("|"):
        inner_end = line.rindex("|")
    cells: list[Cell] = []
    pos = inner_start
    for piece in line[inner_start:inner_end].split("|"):
        lead = len(piece) - len(piece.lstrip())
        text = piece.strip()
        start = offset + pos + lead
        cells.append(Cell(text, start, start + len(text)))
        pos += len(piece) + 1
    return cells


def find_tables(text: str) -> list[Table]:
    tables: list[Table] = []
    rows: list[Row] = []
    offset = 0
    for line in text.split("\n") + [""]:
        is_row = "|" in line and line.count("|") >= (1 if not line.strip().startswith("|") else 2)
        if is_row and not _SEPARATOR_ROW.match(line):
            cells = _cells(line, offset)
            if len(cells) >= 2:
                rows.append(Row(tuple(cells), offset, offset + len(line)))
        elif not (is_row and _SEPARATOR_ROW.match(line)):
            if len(rows) >= 3:
                tables.append(Table(tuple(rows)))
            rows = []
        offset += len(line) + 1
    return tables


_BULLET = deferred_regex(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+\S")
TOTAL_CUE = deferred_regex(
    r"\b(?:total(?:l?ed|l?ing|s)?|in\s+all|altogether|combined|overall|a\s+total\s+of|"
    r"sum\s+of|split\s+(?:between|among|as\s+follows)|broke\s+down|breakdown)\b",
    regex.IGNORECASE)


@dataclass(frozen=True)
class BulletList:
    lead_start: int      # the line that states the total
    lead_end: int
    items: tuple[tuple[int, int], ...]


def find_lists(text: str) -> list[BulletList]:
    """Bullet runs (2 or more items) right under a line ending in ':' that names a total."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    found: list[BulletList] = []
    i = 0
    while i < len(lines):
        start, line = lines[i]
        if line.rstrip().endswith(":") and TOTAL_CUE.search(line):
            j = i + 1
            while j < len(lines) and not lines[j][1].strip():
                j += 1
            items = []
            while j < len(lines) and _BULLET.match(lines[j][1]):
                items.append((lines[j][0], lines[j][0] + len(lines[j][1])))
                j += 1
            if len(items) >= 2:
                found.append(BulletList(start, start + len(line), tuple(items)))
            i = max(j, i + 1)
        else:
            i += 1
    return found
