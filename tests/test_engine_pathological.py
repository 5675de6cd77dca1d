"""Hostile inputs go through the per-file stages to the end (no timing asserts here:
benchmarks/bench_speed.py --pathological shows time grows in proportion to size)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clihelp import ROOT
from factcheck.pipeline import analyse_results, load_rules, process_file

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_speed import pathological_inputs  # noqa: E402

INPUTS = pathological_inputs(60_000)
INPUTS["deep.html"] = b"<div>" * 10_000 + b"Exports reached 40,000 tonnes in May." + b"</div>" * 10_000


@pytest.fixture(scope="module")
def rules():
    return load_rules(ROOT / "rules")


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_hostile_file_completes(tmp_path, rules, name):
    path = tmp_path / name
    path.write_bytes(INPUTS[name])
    result = process_file(str(path), rules)
    assert result.document is not None or result.problem is not None
    report = analyse_results([result], [], rules)
    assert report.summary is not None
