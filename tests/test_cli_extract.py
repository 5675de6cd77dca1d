"""End-to-end: `factcheck extract` on the real source documents, as a user runs it."""

from __future__ import annotations

import csv
import io
import json

import pytest

from clihelp import SHARED_SEEDS, fc, needs_shared

FIELDS = {"path", "line", "start", "end", "text", "value", "low", "high", "unit", "unit_text",
          "counted", "qualifier", "change", "from", "to"}


@pytest.fixture(scope="module")
def rows():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    proc = fc("extract", str(SHARED_SEEDS), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _raw_line(row) -> str:
    from pathlib import Path

    return Path(row["path"]).read_text(encoding="utf-8").splitlines()[row["line"] - 1]


def _find(rows, text_fragment, line=None):
    hits = [r for r in rows if text_fragment in r["text"] and (line is None or r["line"] == line)]
    assert hits, f"{text_fragment!r} not extracted"
    return hits[0]


@needs_shared
def test_every_row_follows_the_contract_and_points_at_its_text(rows):
    assert rows
    for r in rows:
        assert set(r) == FIELDS
        assert r["qualifier"] in {"exact", "approx", "at_least", "more_than", "at_most",
                                  "less_than", "range"}
        assert r["change"] in {"=", "~", ">", "<", "up", "down"}
        assert _raw_line(r)[r["start"]:r["end"]] == r["text"]
        low = r["low"] if r["low"] is not None else float("-inf")
        high = r["high"] if r["high"] is not None else float("inf")
        if r["value"] is not None:
            assert low <= r["value"] <= high
        # a move: both levels or neither, listed as one range that holds them
        assert (r["from"] is None) == (r["to"] is None)
        if r["from"] is not None:
            assert r["value"] is None and r["qualifier"] == "range"
            assert low <= min(r["from"], r["to"]) <= max(r["from"], r["to"]) <= high


@needs_shared
@pytest.mark.parametrize("fragment, value, unit", [
    ("2.12 million barrels per day", 2.12e6, "bbl/d"),
    ("1.468 million bpd", 1.468e6, "bbl/d"),
    ("620 kb/d", 620e3, "bbl/d"),
    ("0.9 mb/d", 0.9e6, "bbl/d"),
    ("$1.3 billion", 1.3e9, "USD"),
    ("$250 million", 250e6, "USD"),
    ("$2,655 per ton", 2655, "USD/t"),
    ("3.8 million metric tons", 3.8e6, "t"),
    ("twenty percent", 20, "%"),
])
def test_real_figures_are_found_with_value_and_unit(rows, fragment, value, unit):
    r = _find(rows, fragment)
    assert r["unit"] == unit
    assert r["value"] == pytest.approx(value)


@needs_shared
def test_bounds_ranges_and_hedges(rows):
    monthly = _find(rows, "130,000 tons")
    assert monthly["unit"] == "t/month" and monthly["qualifier"] == "at_least"
    # "at least 130,000": the threshold as written, less half its last digit
    assert monthly["low"] == pytest.approx(129999.5) and monthly["high"] is None
    tariffs = _find(rows, "25% to 50%")
    assert tariffs["qualifier"] == "range" and tariffs["value"] is None
    # each end carries its own rounding
    assert (tariffs["low"], tariffs["high"]) == (pytest.approx(24.5), pytest.approx(50.5))
    hedged = _find(rows, "~$250 million")
    assert hedged["qualifier"] == "approx" and hedged["low"] < 250e6 < hedged["high"]
    precise = _find(rows, "2.12 million barrels per day")
    assert precise["low"] == pytest.approx(2.115e6) and precise["high"] == pytest.approx(2.125e6)


@needs_shared
def test_dates_tickers_and_names_are_not_quantities(rows):
    texts = [r["text"] for r in rows]
    for not_a_figure in ("NYSE", "CVX", "Rossiya 24", "SPM-1", "SPM-2", "April 01", "2025",
                         "March 31", "min read"):
        assert not any(not_a_figure in t for t in texts), not_a_figure
    assert not any(t.strip() in ("24", "1", "2014", "2019", "2022", "2023") for t in texts)


@needs_shared
def test_csv_output_matches_jsonl(rows):
    proc = fc("extract", str(SHARED_SEEDS), "--format", "csv")
    assert proc.returncode == 0
    table = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(table) == len(rows)
    assert [t["text"] for t in table] == [r["text"] for r in rows]


def test_extract_of_a_missing_path_is_a_usage_error(tmp_path):
    proc = fc("extract", str(tmp_path / "nothing-here"))
    assert proc.returncode == 2 and "nothing-here" in proc.stderr


def test_a_bad_unit_definition_is_a_usage_error(tmp_path):
    import shutil

    from clihelp import ROOT

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    with (rules / "units.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nwidget = 3 * no_such_unit\n")
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Output was 5 tonnes.\n", encoding="utf-8")
    proc = fc("run", str(corpus), "--rules", str(rules), "--no-html")
    assert proc.returncode == 2
    assert "units.txt" in proc.stderr


def test_extract_reads_units_from_the_given_rules_folder(tmp_path):
    import shutil

    from clihelp import ROOT

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    aliases = rules / "unit_aliases.yaml"
    aliases.write_text(aliases.read_text(encoding="utf-8").replace(
        "symbols: [bpd, b/d,", "symbols: [bopdx, bpd, b/d,", 1), encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text("Field output reached 41,500 bopdx in March.\n", encoding="utf-8")
    units = {}
    for extra in ((), ("--rules", str(rules))):
        proc = fc("extract", str(note), "--format", "jsonl", *extra)
        assert proc.returncode == 0, proc.stderr
        rows = [json.loads(line) for line in proc.stdout.splitlines()]
        units[bool(extra)] = [r["unit"] for r in rows if r["text"].startswith("41,500")]
    assert units == {False: [""], True: ["bbl/d"]}
    missing = fc("extract", str(note), "--rules", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "rules folder not found" in missing.stderr
