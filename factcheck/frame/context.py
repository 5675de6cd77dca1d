"""What the framing knows about one sentence: its figures, mentions, triggers and clauses.

All offsets here are relative to the sentence. A clause is approximated by the stretches
between strong breaks (";", " but ", " while ", dashes...): enough to keep "its quota of
1.468 million bpd" apart from "output" two clauses earlier, without a parser.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.frame.gazetteer import Mention
from factcheck.frame.lazy_pattern import deferred
from factcheck.frame.periods import PeriodMention

_CLAUSE_BREAK = deferred(
    r";|\s+(?:but|while|whereas|although|though|however|meanwhile)\s+|\s[—–]\s|—|--"
    r"|,\s+(?:but|which|who|while|with|whereas|yet|so)\s+|\s+and\s+that\s+|:\s"
    # ", and" starts a clause only with a subject of its own: ", and the country ...",
    # not ", and supplies ~1% ..." which shares the subject before it
    r"|,\s+and\s+(?=(?:the|a|an|its|their|his|her|it|they|he|she|(?-i:[A-Z])\w*|\d)\b)",
    re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    phrase: str
    metrics: tuple[str, ...]


@dataclass
class SentenceContext:
    index: int                      # position of the sentence in the article
    offset: int                     # article offset of the sentence start
    text: str
    figures: list[tuple[int, int]]  # sentence-relative spans of every figure in it
    mentions: list[Mention]
    triggers: list[Trigger]
    periods: list[PeriodMention] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)
    sources: list | None = None     # attributed sources, found once per sentence

    def __post_init__(self) -> None:
        if not self.breaks:
            self.breaks = [m.start() for m in _CLAUSE_BREAK.finditer(self.text)]

    def clause_of(self, pos: int) -> int:
        return bisect.bisect_right(self.breaks, pos)

    def same_clause(self, a: int, b: int) -> bool:
        return self.clause_of(a) == self.clause_of(b)

    def clause_span(self, pos: int) -> tuple[int, int]:
        i = self.clause_of(pos)
        start = self.breaks[i - 1] if i > 0 else 0
        end = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return start, end

    def figures_between(self, a: int, b: int, exclude: tuple[int, int]) -> int:
        lo, hi = min(a, b), max(a, b)
        return sum(1 for f in self.figures if f != exclude and lo <= f[0] and f[1] <= hi)


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0
