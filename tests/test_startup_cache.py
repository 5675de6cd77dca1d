"""What the cached rules hand a fresh interpreter: the parser's lexicon, built once per
rules and code version, and followed by any change of the unit files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from factcheck.rules import DEFAULT_RULES_DIR

# A fresh interpreter, as a check starts: load the rules through the cache, say whether
# the lexicon was there before anything was parsed, then parse a sentence.
SCRIPT = """
import sys
from factcheck.engine import cached_rules
from factcheck.extract import find_quantities
from factcheck.extract import lexicon
rules = cached_rules(sys.argv[1], sys.argv[2])
held = list(lexicon._cache.values())
handed = len(held) == 1 and held[0].table is rules.units
found = find_quantities("The field pumped 300 zbpd in May, up from 280 bpd.", rules_dir=sys.argv[1])
print(handed, " ".join(f"{q.value:g}:{q.unit}" for q in found))
"""


def _start(rules: Path, cache: Path) -> tuple[bool, str]:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(rules), str(cache)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    handed, found = done.stdout.strip().split(" ", 1)
    return handed == "True", found


def test_the_cached_rules_hand_over_the_lexicon_and_a_unit_file_change_rebuilds_it(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules)
    cache = tmp_path / "cache"

    handed, found = _start(rules, cache)        # writes the cache entry
    assert "280:bbl/d" in found and "300:bbl/d" not in found
    handed, again = _start(rules, cache)        # a start from the cache
    assert handed and again == found

    aliases = rules / "unit_aliases.yaml"
    text = aliases.read_text(encoding="utf-8")
    assert "symbols: [bpd," in text
    aliases.write_text(text.replace("symbols: [bpd,", "symbols: [zbpd, bpd,", 1),
                       encoding="utf-8")
    handed, changed = _start(rules, cache)      # another fingerprint: a miss, built anew
    assert "300:bbl/d" in changed and "280:bbl/d" in changed
    handed, again = _start(rules, cache)
    assert handed and again == changed
