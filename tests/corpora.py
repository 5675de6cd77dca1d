"""Generated corpora framed file by file, for the tests of the reduce step."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def framed_corpus(folder: Path, articles: int, seed: int, *, with_demo: bool = False):
    """(rules, per-file results, discovery problems) of a generated corpus written under
    `folder`; with the demo corpus copied beside it when `with_demo` (its arithmetic slips
    and reprints)."""
    import make_corpus

    from factcheck.ingest import discover
    from factcheck.pipeline import load_rules, process_file

    make_corpus.generate(folder, articles, seed)
    if with_demo:
        shutil.copytree(ROOT / "seeds", folder / "demo")
    rules = load_rules()
    here = os.getcwd()
    os.chdir(folder)
    try:
        files, problems = discover(["."])
        results = [process_file(f, rules) for f in files]
    finally:
        os.chdir(here)
    return rules, results, problems
