"""Does a sentence carry on from the one before it?

"That compares with 2.1 million bpd in January", "The annual rate had been 9.5%",
"Of that, $85 million went to ...": such sentences measure what the sentence before
measured, of the same subject. A fronted connective or time adverbial does not change
that ("Separately, the figure ...", "In January, the rate had been ..."), so it is
skipped before the opening words are read.
"""

from __future__ import annotations

import re

from factcheck.frame.lazy_pattern import deferred

# "Separately,", "At the same time,", "In February 2025,", "For the whole of 2024,",
# "Last month,": a connective or a time phrase before the sentence's own subject
_ADVERBIAL = deferred(
    r"^(?:(?:[A-Z][a-z]+ly|Meanwhile|However|Still|Also|Moreover|Elsewhere|Instead|"
    r"Nonetheless|Nevertheless|Indeed|Overall|Besides|Then|Now|Yet)"
    r"|(?:At|By|In|On|As)\s+(?:the\s+)?(?:same\s+time|contrast|addition|other\s+hand|"
    r"result|comparison|turn|all|total)"
    r"|(?:In|During|For|Over|Through|Throughout)\s+(?:the\s+(?:whole\s+of\s+|full\s+|"
    r"first\s+|second\s+|third\s+|fourth\s+|last\s+|latest\s+)?)?[\w-]+(?:\s+\d{4})?"
    r"|(?:Last|This|Earlier\s+this|Late\s+last|Early\s+last)\s+(?:month|year|week|quarter)"
    r"|(?:A|One)\s+(?:year|month|week)\s+(?:earlier|before|ago))\s*,\s+")

_HEADS = (r"figure|figures|number|total|level|rate|amount|volume|increase|rise|drop|"
          r"decline|output|production|exports|imports|deliveries|throughput|reading|result")
# "This", "It", "The output ...", "The annual rate ..." (lowercase modifiers only: "The
# Kazakh output" names its subject)
_CONTINUES = deferred(r"(?:This|That|It|Its|These|Those|Such|Of\s+(?:that|this|these|it)\b"
                        r"|The\s+(?:[a-z-]+\s+){0,2}(?:" + _HEADS + r"))\b")
# "Of that, $85 million went to ...": the figures are parts of the one before
_PART_OF = deferred(r"(?:Of\s+(?:that|this|these|those|it|which|the\s+(?:total|sum|amount))"
                      r"|(?:That|This)\s+(?:total\s+)?includes?)\b", re.IGNORECASE)


def opening(text: str) -> int:
    """Offset of the sentence's own opening words, after a fronted adverbial."""
    m = _ADVERBIAL.match(text)
    return m.end() if m else 0


def _capitalised(text: str, at: int) -> str:
    return text[at:at + 1].upper() + text[at + 1:at + 80]


def continues(text: str) -> bool:
    """Does the sentence open as a continuation of the one before?"""
    if _CONTINUES.match(text):
        return True
    at = opening(text)
    return bool(at) and bool(_CONTINUES.match(_capitalised(text, at)))


def part_of(text: str) -> str:
    """The opening that makes the sentence's figures parts of the one before, or ""."""
    m = _PART_OF.match(text)
    if m is None:
        at = opening(text)
        m = _PART_OF.match(text, at) if at else None
    return m.group(0) if m else ""
