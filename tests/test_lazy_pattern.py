"""Rules patterns compile on first use and pickle as their source, matching as before."""

from __future__ import annotations

import pickle
import re

from factcheck.frame import load_framing_rules
from factcheck.frame.lazy_pattern import LazyPattern, lazy_compile

TEXT = ("Kazakhstan's oil output rose to 2.1 million barrels per day in March, the "
        "energy ministry said, while Russia's exports fell.")


def test_a_loaded_pattern_compiles_on_first_use_and_matches_like_re():
    source = r"\b(?P<word>oil|exports?)\b"
    lazy = pickle.loads(pickle.dumps(lazy_compile(source, re.IGNORECASE)))
    assert not hasattr(lazy, "_compiled")
    plain = re.compile(source, re.IGNORECASE)
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]
    assert lazy.search(TEXT, 30).group("word") == plain.search(TEXT, 30).group("word")
    assert lazy.match(TEXT) is None and lazy.fullmatch("Oil").group(0) == "Oil"
    assert lazy.sub("X", TEXT) == plain.sub("X", TEXT)
    assert lazy.groupindex == plain.groupindex and lazy.groups == plain.groups
    assert lazy == plain and lazy == LazyPattern(plain.pattern, plain.flags)


def test_a_bad_pattern_is_refused_when_the_rules_are_loaded():
    try:
        lazy_compile("(unclosed")
    except re.error:
        return
    raise AssertionError("a bad pattern must raise re.error at load time")


def test_pickled_rules_hold_no_compiled_pattern_and_frame_alike():
    rules = load_framing_rules()
    blob = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
    loaded = pickle.loads(blob)
    gazetteer = loaded.gazetteer
    assert isinstance(gazetteer.pattern, LazyPattern)
    assert not hasattr(gazetteer.pattern, "_compiled")    # nothing compiled by loading
    assert gazetteer.mentions(TEXT) == rules.gazetteer.mentions(TEXT)
    lexicon, fresh = loaded.lexicon, rules.lexicon
    assert [m.group(0) for m in lexicon.trigger_pattern.finditer(TEXT)] == \
        [m.group(0) for m in fresh.trigger_pattern.finditer(TEXT)]
    # a second pickle of a used pattern is still its source only
    assert len(pickle.dumps(gazetteer.pattern)) < len(gazetteer.pattern.pattern) + 200
