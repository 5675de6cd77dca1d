"""The framer's regular expressions: kept with their compiled code, built on first use.

A compiled `re` pattern pickles as its source and flags, so every load of cached rules
parsed and compiled every pattern of the gazetteer and the metric lexicon again: about
70 ms, most of it the gazetteer's trie, in pure Python (the regex parser), at the start of
every draft check. A LazyPattern pickles its source together with the code the parser
produced; loading it keeps that code, and the first call of a method hands the code to
the regex engine's constructor (under a millisecond for the gazetteer) instead of parsing
the source again. A pattern never used in a run (a metric's commodity words, a narrower)
is never built at all. The framer's own module patterns are made with `deferred`: nothing
is compiled at import, and the rules cache keeps their code too (`pattern_code`,
`adopt_pattern_code`).

The code is the `re` engine's own instruction list, private to one CPython version: it is
stored with the version, the engine's magic number and word size, and a pattern loaded
under any other is compiled from its source as before. Nothing changes in what a pattern
matches: the engine receives the very code `re.compile` would have given it (a test holds
the two equal).

The parser, the checks and the ingest modules use the third-party `regex` engine, whose
compiler is also pure Python: their module patterns took about 95 ms at every start.
`deferred_regex` defers them the same way (`LazyRegex`); a compiled `regex` pattern already
carries its engine code (what it pickles as), kept with the module version and the
engine's magic number, so code from another `regex` is ignored and the source compiled.
"""

from __future__ import annotations

import re
import sys

try:    # CPython's regex engine and its compiler: the fast path, not a requirement
    import _sre
    from re import _compiler, _parser

    _ENGINE = (sys.implementation.name, sys.version_info[:2], _sre.MAGIC, _sre.CODESIZE)
except (ImportError, AttributeError):   # pragma: no cover - another Python
    _sre = _compiler = _parser = None
    _ENGINE = None

# The methods looked up on every use: kept as slots so that, once built, a call finds the
# compiled pattern's bound method without going through __getattr__.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


def _build(pattern: str, flags: int) -> tuple[re.Pattern, tuple | None]:
    """re.compile(pattern, flags), and the engine's arguments to build it again without
    parsing (None when this Python offers no such path). Raises re.error like re.compile."""
    flags = int(flags)
    if _ENGINE is not None and isinstance(pattern, str) and not flags & re.DEBUG:
        try:
            parsed = _parser.parse(pattern, flags)
            code = _compiler._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            args = (pattern, flags | parsed.state.flags, code, parsed.state.groups - 1,
                    groupindex, tuple(indexgroup))
            compiled = _sre.compile(*args)
        except re.error:
            raise
        except Exception:   # pragma: no cover - a private API that changed shape
            return re.compile(pattern, flags), None
        import array

        stored = (_ENGINE, args[1], array.array("I" if _sre.CODESIZE == 4 else "L",
                                                code).tobytes(), *args[3:])
        return compiled, stored
    return re.compile(pattern, flags), None


def _rebuild(pattern: str, flags: int, stored: tuple | None) -> re.Pattern:
    if stored is not None and stored[0] == _ENGINE:
        import array

        _, all_flags, code, groups, groupindex, indexgroup = stored
        words = array.array("I" if _sre.CODESIZE == 4 else "L")
        words.frombytes(code)
        try:
            return _sre.compile(pattern, all_flags, words.tolist(), groups, groupindex,
                                indexgroup)
        except Exception:   # pragma: no cover - code the engine refuses: parse instead
            pass
    return re.compile(pattern, flags)


class LazyPattern:
    """A stand-in for re.compile(pattern, flags), built when first used."""

    __slots__ = ("pattern", "flags", "_stored", "_compiled") + _METHODS

    def __init__(self, pattern: str, flags: int = 0, stored: tuple | None = None):
        self.pattern = pattern
        self.flags = int(flags)
        self._stored = stored

    # How a stored pattern is built, and the methods a built one lends: LazyRegex changes both.
    _build = staticmethod(_rebuild)
    _lends = _METHODS

    def compiled(self) -> re.Pattern:
        try:
            return self._compiled
        except AttributeError:
            compiled = self._build(self.pattern, self.flags, self._stored)
            self._adopt(compiled)
            return compiled

    def _adopt(self, compiled: re.Pattern) -> None:
        self._compiled = compiled
        for name in self._lends:
            setattr(self, name, getattr(compiled, name))

    def __getattr__(self, name: str):
        # Called only for what is not set yet: the methods before the first use, and the
        # rarer attributes of a pattern (groups, groupindex, scanner).
        if name.startswith("__") or name in ("_compiled", "_stored"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self):
        return (type(self), (self.pattern, self.flags, self._stored))

    def __eq__(self, other) -> bool:
        if isinstance(other, LazyPattern):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        if isinstance(other, re.Pattern):
            return self.compiled() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        more = "..." if len(self.pattern) > 60 else ""
        return f"{type(self).__name__}({self.pattern[:60]!r}{more})"


def _regex_engine() -> tuple:
    import regex
    from regex import _regex

    return ("regex", regex.__version__, getattr(_regex, "MAGIC", None))


def _build_regex(pattern: str, flags: int):
    """regex.compile(pattern, flags), and its engine code with the engine's identity."""
    import regex

    compiled = regex.compile(pattern, flags)
    data = getattr(compiled, "_pickled_data", None)
    return compiled, ((_regex_engine(), data) if isinstance(data, tuple) else None)


def _rebuild_regex(pattern: str, flags: int, stored: tuple | None):
    import regex

    if stored is not None and stored[0] == _regex_engine():
        from regex import _regex

        try:
            return _regex.compile(*stored[1])
        except Exception:   # pragma: no cover - code the engine refuses: parse instead
            pass
    return regex.compile(pattern, flags)


# The methods of a `regex` pattern beyond those of `re`.
_REGEX_METHODS = ("splititer", "subf", "subfn")


class LazyRegex(LazyPattern):
    """A stand-in for regex.compile(pattern, flags), built when first used."""

    __slots__ = _REGEX_METHODS
    _build = staticmethod(_rebuild_regex)
    _lends = _METHODS + _REGEX_METHODS

    def __eq__(self, other) -> bool:
        if isinstance(other, LazyRegex):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags, "regex"))


# Module-level patterns made with `deferred` and `deferred_regex`, and the code the cached
# rules brought for them: (pattern, flags) -> LazyPattern for `re` patterns, (pattern,
# flags, "regex") -> LazyRegex for `regex` ones, and the same keys -> stored code.
_DEFERRED: dict[tuple, LazyPattern] = {}
_CODE: dict[tuple, tuple] = {}


def deferred_regex(pattern: str, flags: int = 0) -> LazyRegex:
    """regex.compile for a module-level constant, left until the pattern is first used
    (see `deferred`): what it matches is regex.compile's, built from the code the cached
    rules brought when they did."""
    key = (pattern, int(flags), "regex")
    lazy = _DEFERRED.get(key)
    if lazy is None:
        lazy = _DEFERRED[key] = LazyRegex(pattern, flags, _CODE.get(key))
    return lazy


def deferred(pattern: str, flags: int = 0) -> LazyPattern:
    """re.compile for a module-level constant, left until the pattern is first used.

    Importing the framer then compiles nothing, and a pattern that the cached rules
    brought code for (see `pattern_code` and `adopt_pattern_code`) is built from that
    code. Module constants are fixed strings the tests exercise, so a bad one still fails
    the tests, at first use rather than at import."""
    key = (pattern, int(flags))
    lazy = _DEFERRED.get(key)
    if lazy is None:
        lazy = _DEFERRED[key] = LazyPattern(pattern, flags, _CODE.get(key))
    return lazy


def pattern_code() -> dict[tuple[str, int], tuple]:
    """The engine code of every deferred pattern of the modules imported so far, to keep
    with the cached rules (a rules cache is written once per code and rules version)."""
    out = {}
    for key, lazy in list(_DEFERRED.items()):
        stored = lazy._stored
        if stored is None:
            stored = (_build_regex(*key[:2]) if len(key) == 3 else _build(*key))[1]
        if stored is not None:
            out[key] = stored
    return out


def adopt_pattern_code(code: dict) -> None:
    """Use code kept by `pattern_code` for deferred patterns, those made already and those
    of modules imported later; code of another engine is ignored when a pattern is built."""
    if not isinstance(code, dict):
        return
    _CODE.update(code)
    for key, stored in code.items():
        lazy = _DEFERRED.get(key)
        if lazy is not None and lazy._stored is None:
            lazy._stored = stored


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """re.compile, done now (a bad pattern raises re.error here, when the rules are
    loaded), as a LazyPattern that pickles with its code."""
    compiled, stored = _build(pattern, flags)
    lazy = LazyPattern(pattern, compiled.flags, stored)
    lazy._adopt(compiled)
    return lazy
