"""Rules patterns pickle with their compiled code, build on first use, and match as re."""

from __future__ import annotations

import pickle
import re

import pytest

from factcheck.frame import load_framing_rules
from factcheck.frame.lazy_pattern import LazyPattern, lazy_compile

TEXT = ("Kazakhstan's oil output rose to 2.1 million barrels per day in March, the "
        "energy ministry said, while Russia's exports fell.")


def test_a_loaded_pattern_builds_on_first_use_and_is_the_pattern_re_compiles():
    source = r"\b(?P<word>oil|exports?)\b"
    lazy = pickle.loads(pickle.dumps(lazy_compile(source, re.IGNORECASE)))
    assert not hasattr(lazy, "_compiled")       # loading built nothing
    plain = re.compile(source, re.IGNORECASE)
    assert lazy.compiled() == plain              # same source, flags and engine code
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]
    assert lazy.search(TEXT, 30).group("word") == plain.search(TEXT, 30).group("word")
    assert lazy.match(TEXT) is None and lazy.fullmatch("Oil").group(0) == "Oil"
    assert lazy.sub("X", TEXT) == plain.sub("X", TEXT)
    assert lazy.groupindex == plain.groupindex and lazy.groups == plain.groups
    assert lazy.flags == plain.flags and lazy == plain


def test_code_stored_by_another_engine_is_ignored_and_the_source_compiled():
    lazy = lazy_compile(r"(\d+)\s*(?:bpd|barrels)", re.IGNORECASE)
    state = list(lazy.__reduce__()[1])
    engine, *rest = state[2]
    state[2] = (("other", (0, 0), 0, 4), *rest)
    foreign = LazyPattern(*state)
    assert foreign.compiled() == re.compile(lazy.pattern, lazy.flags)
    assert foreign.search("output of 300 bpd").group(1) == "300"


def test_a_bad_pattern_is_refused_when_the_rules_are_loaded():
    with pytest.raises(re.error):
        lazy_compile("(unclosed")


def test_pickled_rules_build_the_same_patterns_and_frame_alike():
    rules = load_framing_rules()
    loaded = pickle.loads(pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
    gazetteer, fresh = loaded.gazetteer, rules.gazetteer
    assert isinstance(gazetteer.pattern, LazyPattern)
    assert not hasattr(gazetteer.pattern, "_compiled")    # nothing built by loading
    assert gazetteer.mentions(TEXT) == fresh.mentions(TEXT)
    assert gazetteer.pattern.compiled() == re.compile(fresh.pattern.pattern, fresh.pattern.flags)
    lexicon = loaded.lexicon
    patterns = [lexicon.trigger_pattern, *lexicon.cue_patterns.values(),
                *(n.pattern for n in lexicon.narrowers), *(q.pattern for q in lexicon.qualifiers)]
    for lazy in patterns:
        assert lazy.compiled() == re.compile(lazy.pattern, lazy.flags)
    assert [m.group(0) for m in lexicon.trigger_pattern.finditer(TEXT)] == \
        [m.group(0) for m in rules.lexicon.trigger_pattern.finditer(TEXT)]


def test_module_patterns_are_built_from_the_code_the_cached_rules_keep(tmp_path):
    import subprocess
    import sys

    # A fresh interpreter, as a check starts: the first call writes the rules cache with
    # the framer's pattern code, the second loads it and must build each framer pattern
    # from that code, equal to what re.compile makes of its source.
    script = """
import re, sys
from factcheck.engine import cached_rules
from factcheck.frame import lazy_pattern
rules = cached_rules(None, sys.argv[1])
from factcheck.frame import periods, sentences
made = [p for p in lazy_pattern._DEFERRED.values()]
assert made, "the framer makes its module patterns with deferred"
if sys.argv[2] == "load":
    assert all(p._stored is not None for p in made), "code adopted for every framer pattern"
assert all(p.compiled() == re.compile(p.pattern, p.flags) for p in made)
print(len(made))
"""
    for step in ("write", "load"):
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "cache"), step],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 50


def test_a_deferred_pattern_matches_like_its_source():
    from factcheck.frame.lazy_pattern import deferred
    from factcheck.frame.periods import _PATTERN

    assert isinstance(_PATTERN, LazyPattern)
    assert deferred(_PATTERN.pattern, _PATTERN.flags) is _PATTERN     # one per source
    plain = re.compile(_PATTERN.pattern, _PATTERN.flags)
    text = "Output rose in March 2025 and in the first quarter, from 2024 levels."
    assert [m.span() for m in _PATTERN.finditer(text)] == [m.span() for m in plain.finditer(text)]
