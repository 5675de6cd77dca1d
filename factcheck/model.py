"""The shared language of every stage: frozen records passed from ingest to report.

Stages never reach back into text once a record exists; reporters only read a Report.
Offsets are 0-based, end-exclusive; lines are 1-based, columns 0-based, both counted in
the original file (for HTML and Markdown too) so a citation points where an editor looks.
"""

from __future__ import annotations

import bisect
import datetime as dt
from array import array
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Iterable, Mapping

INF = float("inf")

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1, "never": 99}

QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "range")
CHANGES = ("=", "~", ">", "<", "up", "down")


class SourceMap:
    """Maps an offset in an Article's text back to (line, column) in its file.

    `anchors` is sorted by text offset: (text_offset, line, column) says that the text
    character at text_offset came from that line and column of the file, and that the
    characters after it follow on the same line until the next anchor. Plain text gives
    one anchor per line; HTML gives one per text run (entities may shift a column inside
    a run; the line is always right).

    The anchors are kept packed in one machine array (24 bytes an anchor instead of a
    tuple of three ints, about 150): an archive holds hundreds of thousands of maps.
    Immutable, hashable and compared by value, like the dataclasses around it.
    """

    __slots__ = ("_packed",)

    def __init__(self, anchors: Iterable[tuple[int, int, int]] = ()):
        packed = array("q")
        for anchor in anchors:
            packed.extend(anchor)
        object.__setattr__(self, "_packed", packed.tobytes())

    @classmethod
    def _from_packed(cls, packed: bytes) -> "SourceMap":
        out = cls.__new__(cls)
        object.__setattr__(out, "_packed", packed)
        return out

    def __reduce__(self):
        return (SourceMap._from_packed, (self._packed,))

    def __setattr__(self, name, value):
        raise AttributeError("SourceMap is immutable")

    def __eq__(self, other) -> bool:
        return isinstance(other, SourceMap) and other._packed == self._packed

    def __hash__(self) -> int:
        return hash(self._packed)

    def __repr__(self) -> str:
        return f"SourceMap({self.anchors!r})"

    @property
    def anchors(self) -> tuple[tuple[int, int, int], ...]:
        flat = memoryview(self._packed).cast("q")
        return tuple((flat[i], flat[i + 1], flat[i + 2]) for i in range(0, len(flat), 3))

    def locate(self, offset: int) -> tuple[int, int]:
        flat = memoryview(self._packed).cast("q")
        if not len(flat):
            return (1, offset)
        i = bisect.bisect_right(flat[0::3], offset) - 1
        if i < 0:
            i = 0
        start, line, col = flat[3 * i], flat[3 * i + 1], flat[3 * i + 2]
        return (line, col + max(0, offset - start))

    @staticmethod
    def for_lines(text: str, first_line: int = 1, first_col: int = 0) -> "SourceMap":
        """A map for text copied verbatim from a file, starting at first_line:first_col."""
        anchors = [(0, first_line, first_col)]
        pos = text.find("\n")
        line = first_line
        while pos != -1:
            line += 1
            anchors.append((pos + 1, line, 0))
            pos = text.find("\n", pos + 1)
        return SourceMap(anchors)


@dataclass(frozen=True)
class Article:
    id: str                      # "<path>#<index>", unique in a run
    path: str                    # as given on the command line, '/'-separated
    index: int                   # 0-based position of the article in its file
    headline: str
    outlet: str
    author: str
    published: dt.date | None
    published_from: str          # "dateline" | "byline" | "metadata" | "file-heading" | "unknown"
    text: str                    # the article as the extractor reads it (headline included)
    line_start: int              # 1-based, inclusive, in the file
    line_end: int
    source: SourceMap = field(repr=False, compare=False, default=SourceMap(()))
    url: str = ""
    # Directives found in markup the text leaves out (an HTML comment): (offset in text
    # where the comment stood, the comment's content), e.g. (812, "factcheck-ignore FC101").
    directives: tuple[tuple[int, str], ...] = ()

    def locate(self, offset: int) -> tuple[int, int]:
        return self.source.locate(offset)


@dataclass(frozen=True)
class Document:
    """One input file after ingest."""

    path: str
    encoding: str                # the charset the text was decoded with
    articles: tuple[Article, ...]
    warnings: tuple[str, ...] = ()   # e.g. a fallback charset, undecodable bytes replaced
    sha256: str = ""


# Quantity and Claim are the records an archive-sized run holds by the million: slots
# instead of a __dict__ each. (A Quantity is also a weak key, for the parser's side table.)
@dataclass(frozen=True, slots=True, weakref_slot=True)
class Quantity:
    """A figure as written, with its unit and the interval it stands for.

    value/low/high are in `unit`, the canonical unit (see docs/UNITS.md), scale words and
    unit prefixes applied ("620 kb/d" is 620000 bbl/d). `number` is the figure with scale
    words applied but before any unit prefix or conversion ("$1.3 billion" -> 1.3e9,
    "620 kb/d" -> 620). low/high hold written precision and qualifier together.
    """

    text: str                    # surface text, exactly text[start:end] of what was parsed
    start: int
    end: int
    value: float | None          # None for a range
    low: float
    high: float
    unit: str                    # canonical unit, "" for a bare or counted number
    unit_text: str               # the unit as written
    counted: str = ""            # the counted noun ("civilians") for counts
    qualifier: str = "exact"     # one of QUALIFIERS
    change: str = "="            # one of CHANGES
    number: float | None = None  # as written, scale words applied, no unit conversion
    dimension: str = ""          # "oil_flow", "mass", "currency", "percent", "count", ...

    def __reduce__(self):
        # Rebuilt by its constructor from a tuple: the __setstate__ that slotted dataclasses
        # get looks up the class's fields for every record, three times slower to load.
        return Quantity, quantity_values(self)


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantity with what it is about, when, and according to whom."""

    id: str                      # stable fingerprint of (path, article, figure, sentence)
    article: str                 # Article.id
    path: str
    line: int                    # 1-based line in the file
    start: int                   # 0-based column of the figure's first character in that line
    end: int                     # 0-based, exclusive, in the same line as start
    text: str                    # the figure as written
    sentence: str
    quantity: Quantity
    entity: str = ""             # canonical entity name, "" when unknown
    metric: str = ""             # metric id from rules/metrics.yaml, "" when unknown
    period: str = ""             # "2025-03", "2025-Q2", "2025-H1", "2024", "2023-01-01"; "" unresolved
    modality: str = "actual"     # "actual" | "forecast" | "target" | "change" | "forecast_change"
    attribution: str = ""        # the source quoted, "" when none
    cluster: str = ""            # syndication cluster id: claims in one cluster are one source
    confidence: float = 1.0      # 0..1: how sure the framing is of entity+metric+period
    column: int = 0              # alias kept for SARIF: 1-based column = start + 1
    notes: tuple[str, ...] = ()  # why the framing decided what it did (shown in reports)

    def __reduce__(self):
        return Claim, claim_values(self)


# Every field of a record as a tuple, in constructor order, read in C: for pickling and
# for copies made by the million (Record(*values) with one value changed).
# The modalities of a difference rather than a level.
CHANGE_MODALITIES = frozenset(("change", "forecast_change"))

QUANTITY_FIELDS = tuple(f.name for f in fields(Quantity))
CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
quantity_values = attrgetter(*QUANTITY_FIELDS)
claim_values = attrgetter(*CLAIM_FIELDS)


@dataclass(frozen=True)
class Finding:
    id: str                      # fingerprint stable across runs and line moves
    rule: str                    # "FC101"
    kind: str                    # "conflict", "attributed-disagreement", ...
    severity: str                # "error" | "warning" | "info"
    message: str
    claims: tuple[str, ...]      # Claim ids, in report order
    details: Mapping[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class FileProblem:
    """A file that could not be read, or was read with a caveat."""

    path: str
    level: str                   # "error" (skipped) | "warning" (read with a caveat)
    message: str


@dataclass(frozen=True)
class Report:
    schema: str
    summary: Mapping[str, Any]
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    problems: tuple[FileProblem, ...] = ()
    suppressed: tuple[Finding, ...] = ()
