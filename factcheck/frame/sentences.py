"""Sentence spans for news text, where a full stop is as often an abbreviation as an end.

A sentence ends at . ! or ? (with any closing quotes or brackets) followed by space and a
capital, digit, quote or bullet, unless the word before the stop is an abbreviation
("Corp.", "Dec.", "No."), an initial ("John F. Kennedy") or a dotted acronym ("U.S.")
followed by a name rather than a new sentence. Decimals never end one (no space follows).
A blank line always ends one; a single line break ends one when the line reads like a
headline, a label or a list item rather than hard-wrapped prose (a line ending in "the",
"of", "expects"... is prose).
"""

from __future__ import annotations

import re

from factcheck.frame.lazy_pattern import deferred

# Words that are abbreviations when followed by a full stop; lowercase, without the stop.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
corp inc co ltd plc llc bros dept univ assn est approx vs etc al cf
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
no nos nr vol pp p fig ed eds op
a.m p.m e.g i.e u.s u.k u.n u.s.a e.u s.p.a
""".split())

# After a dotted acronym ("U.S."), these words start a new sentence; anything else
# capitalised ("U.S. Energy", "U.S. President") continues the same one.
SENTENCE_STARTERS = frozenset("""
the a an it its he she they we i this that these those there but and or so yet however
in on at for as if when while after before since meanwhile still also his her their our
""".split())

_END = deferred(r"[.!?]+[\"'”’)\]]*")
_AFTER = deferred(r"\s+[\"'“‘(\[]?(?:[A-Z0-9]|[•\-*–—])|\s*$", re.UNICODE)
# _END where _AFTER matches at its end, in one pass: a decimal point or a stop inside a
# word is never handed to Python. Backtracking cannot make a shorter match pass, since
# what follows a shorter one is another stop or closer, never a space or the end.
_END_BEFORE_START = deferred(_END.pattern + "(?=" + _AFTER.pattern + ")", re.UNICODE)
_DOTTED = deferred(r"(?:[A-Za-z]\.)+[A-Za-z]")
_BLANK_LINE = deferred(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = deferred(r"\n")
_BULLET_START = deferred(r"\s*(?:[•*\-–—▪●]|\d{1,2}[.)]\s)")
_TERMINAL = deferred(r"[.!?:;,\"'”’)\]]\s*$")
_NEXT_WORD = deferred(r"\s+[\"'“‘(\[]?([\w]+)", re.UNICODE)
_LEAD = deferred(r"^[\s•*▪●\-–—]+", re.UNICODE)

HEADLINE_MAX = 90   # a line shorter than this with no end punctuation reads as a heading
# words a heading or label never ends in: a line ending in one is wrapped mid-sentence
_RUNS_ON = deferred(r"\b(?:the|a|an|of|to|and|or|but|that|which|who|with|for|in|on|at|by"
                    r"|from|as|than|its|their|his|her|our|said|says|expects|expected|will"
                    r"|would|could|should|is|are|was|were|has|have|had|be|been)\s*$")


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` closes an abbreviation rather than a sentence."""
    # walk back over the word (a backward regex search would try every position)
    start, lo = stop, max(0, stop - 40)
    while start > lo and (text[start - 1].isalnum() or text[start - 1] in "_.&-"):
        start -= 1
    if start == stop:
        return False
    word = text[start:stop]
    lower = word.lower().rstrip(".")
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True                                  # an initial: "John F. Kennedy"
    if lower in ABBREVIATIONS:
        if "." in word:                              # dotted acronym: U.S., U.K.
            nxt = _NEXT_WORD.match(text, stop + 1)
            return not (nxt and nxt.group(1).lower() in SENTENCE_STARTERS)
        if lower in ("no", "nos", "p", "pp", "op", "fig", "vol"):
            nxt = _NEXT_WORD.match(text, stop + 1)   # "No. 3" but "said no. Then"
            return bool(nxt and nxt.group(1)[:1].isdigit())
        return True
    if _DOTTED.fullmatch(word):                      # "U.S" before its last stop
        nxt = _NEXT_WORD.match(text, stop + 1)
        return not (nxt and nxt.group(1).lower() in SENTENCE_STARTERS)
    return False


def _line_break_ends(text: str, pos: int) -> bool:
    """Whether the single line break at `pos` ends a sentence."""
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:pos]
    if not line.strip():
        return True
    if _BULLET_START.match(text, pos + 1):
        return True
    nxt = text[pos + 1:pos + 2 + 40].lstrip()
    if not nxt:
        return True
    if _TERMINAL.search(line):
        # A complete sentence ends here only if the next line starts like one.
        return nxt[:1].isupper() or nxt[:1] in "\"'“‘(" or nxt[:1].isdigit()
    # No end punctuation: a heading, label or list line, unless prose wraps here. A line
    # ending in a word no title ends in ("it now expects\nChile's exports to grow", "the
    # rate of\nInflation") goes on past a capital.
    if _RUNS_ON.search(line) and not line.lstrip().startswith("#"):
        return False
    return len(line.strip()) < HEADLINE_MAX and (nxt[:1].isupper() or nxt[:1].isdigit())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of `text`, trimmed of space and bullets."""
    cuts: set[int] = set()
    for m in _END_BEFORE_START.finditer(text):
        if m.group(0)[0] == "." and len(m.group(0).rstrip("\"'”’)]")) == 1 \
                and _is_abbreviation(text, m.start()):
            continue
        cuts.add(m.end())
    for m in _BLANK_LINE.finditer(text):
        cuts.add(m.start())
    for m in _LINE_BREAK.finditer(text):
        if _line_break_ends(text, m.start()):
            cuts.add(m.start())
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in sorted(cuts) + [len(text)]:
        if cut <= prev:
            continue
        _trim(text, prev, cut, spans)
        prev = cut
    return spans


def _trim(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    lead = _LEAD.match(chunk)
    skip = lead.end() if lead else 0
    stripped = chunk.rstrip()
    if len(stripped) <= skip:
        return
    out.append((start + skip, start + len(stripped)))


def sentence_at(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the span containing `offset` (or the last one starting before it)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][0] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)
