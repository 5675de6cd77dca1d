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
