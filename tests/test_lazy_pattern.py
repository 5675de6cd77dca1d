"""Rules patterns pickle with their compiled code, build on first use, and match as re."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from factcheck.frame import load_framing_rules
from factcheck.frame.lazy_pattern import LazyPattern, lazy_compile

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
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
    # the module patterns' code (framer: re; parser, checks, readers: regex), the second
    # loads it and must build each pattern from that code, the very pattern the engine
    # compiles from its source.
    script = """
import re, sys
import regex
from factcheck.engine import cached_rules
from factcheck.frame import lazy_pattern
rules = cached_rules(None, sys.argv[1])
import factcheck.frame, factcheck.extract, factcheck.checks, factcheck.ingest
made = [p for p in lazy_pattern._DEFERRED.values()]
plain = [p for p in made if not isinstance(p, lazy_pattern.LazyRegex)]
other = [p for p in made if isinstance(p, lazy_pattern.LazyRegex)]
assert len(plain) > 50 and len(other) > 100, (len(plain), len(other))
if sys.argv[2] == "load":
    assert all(p._stored is not None for p in made), "code adopted for every module pattern"
assert all(p.compiled() == re.compile(p.pattern, p.flags) for p in plain)
text = sys.argv[3]
for p in other:
    fresh = regex.compile(p.pattern, p.flags)
    built = p.compiled()._pickled_data
    # all but the code itself, whose quick-reject character sets regex lays out in an
    # order that varies from one interpreter to the next
    assert built[:2] + built[3:] == fresh._pickled_data[:2] + fresh._pickled_data[3:]
    probe = text if isinstance(p.pattern, str) else text.encode("utf-8")
    assert [m.span() for m in p.finditer(probe)] == [m.span() for m in fresh.finditer(probe)]
print(len(made))
"""
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in sorted(SEEDS.glob("*.txt")))[:60_000] + "\n" + TEXT
    for step in ("write", "load"):
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "cache"), step, text],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 150


def test_a_deferred_pattern_matches_like_its_source():
    from factcheck.frame.lazy_pattern import deferred
    from factcheck.frame.periods import _PATTERN

    assert isinstance(_PATTERN, LazyPattern)
    assert deferred(_PATTERN.pattern, _PATTERN.flags) is _PATTERN     # one per source
    plain = re.compile(_PATTERN.pattern, _PATTERN.flags)
    text = "Output rose in March 2025 and in the first quarter, from 2024 levels."
    assert [m.span() for m in _PATTERN.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_deferred_regex_pattern_matches_like_its_source():
    import regex

    from factcheck.frame.lazy_pattern import LazyRegex, deferred_regex

    source = r"(?P<n>\d[\d,]*+)\s*(?i:million|billion)?\s*(?P<u>\p{L}+)"
    lazy = deferred_regex(source, regex.IGNORECASE)
    assert isinstance(lazy, LazyRegex) and deferred_regex(source, regex.IGNORECASE) is lazy
    plain = regex.compile(source, regex.IGNORECASE)
    text = "Exports reached 1,200 million barrels, then 300 tonnes."
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.search(text, 20).group("u") == plain.search(text, 20).group("u")
    assert list(lazy.splititer(text)) == list(plain.splititer(text))
    assert lazy.subf("{u}", text) == plain.subf("{u}", text)
    assert lazy.groupindex == plain.groupindex
    assert lazy.compiled()._pickled_data == plain._pickled_data


def test_regex_code_pickles_with_the_pattern_and_code_of_another_engine_is_ignored():
    import regex

    from factcheck.frame.lazy_pattern import LazyRegex, _build_regex

    source = r"(?<![\w])(\d++)\s*(?:bpd|barrels)"
    _, stored = _build_regex(source, regex.IGNORECASE)
    lazy = pickle.loads(pickle.dumps(LazyRegex(source, regex.IGNORECASE, stored)))
    assert not hasattr(lazy, "_compiled")
    assert lazy.search("output of 300 BPD").group(1) == "300"
    assert lazy.compiled()._pickled_data == regex.compile(source, regex.IGNORECASE)._pickled_data
    foreign = LazyRegex(source, regex.IGNORECASE, (("regex", "0.0", 0), stored[1]))
    assert foreign.search("output of 300 barrels").group(1) == "300"


def test_every_module_with_deferred_patterns_is_imported_before_the_rules_cache_is_written():
    import importlib
    import sys
    from pathlib import Path

    import factcheck
    from factcheck.engine.cache import _PATTERN_MODULES

    for module in _PATTERN_MODULES:
        importlib.import_module(module)
    root = Path(factcheck.__file__).parent
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "lazy_pattern.py" and ("= deferred(" in text or "= deferred_regex(" in text):
            parts = path.relative_to(root.parent).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            assert name in sys.modules, name


def test_no_module_pattern_is_compiled_at_import():
    """Module-level patterns of the framer, parser, checks and readers are deferred: a
    pattern compiled at import costs every start (regex's compiler is pure Python)."""
    import ast

    import factcheck

    root = Path(factcheck.__file__).parent
    files = [*root.glob("frame/*.py"), *root.glob("extract/*.py"), *root.glob("ingest/*.py"),
             *root.glob("checks/arithmetic_*.py"), root / "checks" / "textnorm.py",
             root / "checks" / "sources.py"]
    compiled_at_import = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            value = getattr(node, "value", None)
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(value, ast.Call) \
                    and isinstance(value.func, ast.Attribute) and value.func.attr == "compile":
                compiled_at_import.append(f"{path.name}:{node.lineno}")
    assert not compiled_at_import
