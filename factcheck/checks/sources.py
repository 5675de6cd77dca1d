"""Who a figure is attributed to: a named source, an anonymous one, or nobody.

Two named sources that differ (an agency vs a ministry) are a disagreement to report, not
an error in the copy. "Industry sources told a wire" names nobody, so it counts as an
unattributed figure. Markers and agencies are parameters in checks.yaml.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import regex
from factcheck.frame.lazy_pattern import deferred_regex

DEFAULT_ANONYMOUS = ("source", "sources", "people familiar", "person familiar", "insiders",
                     "traders", "officials", "an official", "analysts", "estimates", "data",
                     "calculations", "survey")
DEFAULT_AGENCIES = ("Reuters", "Bloomberg", "AP", "AFP", "Interfax", "TASS", "RIA", "Xinhua",
                    "Platts", "Argus", "Dow Jones")

_WORD = deferred_regex(r"[\p{L}][\p{L}\p{N}.&'-]*")
_LEADING = deferred_regex(r"^(?:according\s+to|per|citing|says?|said)\s+", regex.IGNORECASE)
_DOTTED = deferred_regex(r"\b(?:\p{L}\.){2,}")
_NON_WORD = deferred_regex(r"[^\p{L}\p{N}]+")
_ARTICLE = deferred_regex(r"^(?:the|a|an)\s+")


@lru_cache(maxsize=1 << 14)     # a corpus repeats a few hundred attributions
def normalise_source(attribution: str) -> str:
    text = _LEADING.sub("", attribution.strip())
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _NON_WORD.sub(" ", text.lower()).strip()
    return _ARTICLE.sub("", text)


class SourceJudge:
    def __init__(self, anonymous: Iterable[str] = DEFAULT_ANONYMOUS,
                 agencies: Iterable[str] = DEFAULT_AGENCIES):
        words = sorted({w.lower() for w in anonymous}, key=len, reverse=True)
        self._anonymous = regex.compile(r"\b(?:" + "|".join(map(regex.escape, words)) + r")\b",
                                        regex.IGNORECASE) if words else None
        self._agencies = {a.lower() for a in agencies}
        self._named: dict[str, str] = {}

    def is_named(self, attribution: str) -> bool:
        text = _LEADING.sub("", attribution.strip())
        if not text:
            return False
        if self._anonymous is None or not self._anonymous.search(text):
            return True
        # "analysts at Standard Chartered" names someone; "sources told Reuters" does not.
        for i, word in enumerate(_WORD.findall(text)):
            if word[0].isupper() and word.lower().strip(".") not in self._agencies:
                if i > 0 or word.isupper():
                    return True
        return False

    def named(self, attribution: str) -> str:
        """The normalised name of the source, or "" when the figure names nobody."""
        found = self._named.get(attribution)
        if found is None:
            found = self._named[attribution] = (normalise_source(attribution)
                                                if self.is_named(attribution) else "")
        return found


@lru_cache(maxsize=1 << 14)
def same_source(a: str, b: str) -> bool:
    """Normalised names that are equal or one inside the other ("opec" / "opec secretariat")."""
    if a == b:
        return True
    return bool(regex.search(rf"\b{regex.escape(a)}\b", b) or
                regex.search(rf"\b{regex.escape(b)}\b", a))
