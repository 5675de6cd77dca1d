"""Regular expressions of the rules that compile on first use and pickle as their source.

A compiled pattern pickles as its source and flags, so loading cached rules compiles every
pattern of the gazetteer and the metric lexicon again (tens of milliseconds for the
gazetteer's trie alone). A run that frames nothing (every file cached) or never reaches
a pattern (a metric's commodity words, a narrower) should not pay for it. LazyPattern
keeps the source, compiles it the first time a method is called, and from then on hands
out the compiled pattern's own bound methods: no cost per call after the first.
"""

from __future__ import annotations

import re

# The methods looked up on every use: kept as slots so that, once compiled, a call finds
# the compiled pattern's bound method without going through __getattr__.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A stand-in for re.compile(pattern, flags), compiled when first used."""

    __slots__ = ("pattern", "flags", "_compiled") + _METHODS

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    @classmethod
    def of(cls, compiled: re.Pattern) -> "LazyPattern":
        """Wrap a pattern compiled already (rules are compiled once when loaded, so a bad
        pattern is a RulesError at load time, not an exception in the middle of a run)."""
        lazy = cls(compiled.pattern, compiled.flags)
        lazy._adopt(compiled)
        return lazy

    def compiled(self) -> re.Pattern:
        try:
            return self._compiled
        except AttributeError:
            compiled = re.compile(self.pattern, self.flags)
            self._adopt(compiled)
            return compiled

    def _adopt(self, compiled: re.Pattern) -> None:
        self._compiled = compiled
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))

    def __getattr__(self, name: str):
        # Called only for what is not set yet: the methods before the first compile, and
        # the rarer attributes of a pattern (groups, groupindex, scanner).
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self):
        return (LazyPattern, (self.pattern, self.flags))

    def __eq__(self, other) -> bool:
        if isinstance(other, LazyPattern):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        if isinstance(other, re.Pattern):
            return self.compiled() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}{'...' if len(self.pattern) > 60 else ''})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """re.compile, compiled now (so a bad pattern raises re.error here), pickled lazy."""
    return LazyPattern.of(re.compile(pattern, flags))
