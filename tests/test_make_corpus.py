"""The synthetic corpus generator: deterministic, sized as asked, and honest in its manifest."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus as mc  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def _build(n: int, seed: int = 0, **options):
    corpus = mc.generate_articles(n, seed, **options)
    files = dict(corpus)
    return corpus, files, corpus.manifest.to_dict()


@pytest.fixture(scope="module")
def small():
    return _build(300, seed=7)


def _claims(manifest: dict):
    for group in ("planted", "traps"):
        for record in manifest[group]:
            for claim in record["claims"]:
                yield group, record, claim


# ---- determinism ------------------------------------------------------------------------


def test_same_seed_gives_identical_files_and_manifest():
    _, a, ma = _build(120, seed=3)
    _, b, mb = _build(120, seed=3)
    assert a == b
    assert ma == mb


def test_another_seed_gives_another_corpus():
    _, a, _ = _build(60, seed=1)
    _, b, _ = _build(60, seed=2)
    assert a != b


def test_written_corpus_is_byte_identical(tmp_path):
    for name in ("one", "two"):
        mc.generate(tmp_path / name, 80, seed=11, files_per_dir=7, articles_per_file=3)
    one = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    two = sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*") if p.is_file())
    assert one == two
    for rel in one:
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes()


def test_command_line_writes_corpus_and_manifest(tmp_path):
    assert mc.main([str(tmp_path / "out"), "--articles", "40", "--seed", "5",
                    "--files-per-dir", "4", "--articles-per-file", "2"]) == 0
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["seed"] == 5 and manifest["articles"] == 40
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file() and p.name != "manifest.json"]
    assert len(written) == manifest["files"]


# ---- sizes and layout -----------------------------------------------------------------


@pytest.mark.parametrize("n,per_file,per_dir", [(1, 5, 10), (37, 4, 3), (250, 6, 20)])
def test_sizes_are_as_asked(n, per_file, per_dir):
    corpus, files, manifest = _build(n, seed=2, articles_per_file=per_file, files_per_dir=per_dir)
    assert sum(count for _, count in corpus.layout) == n == manifest["articles"]
    assert all(1 <= count <= per_file for _, count in corpus.layout)
    assert manifest["files"] == len(files) == len(corpus.layout)
    dirs = Counter(path.split("/")[0] for path in files)
    assert max(dirs.values()) <= per_dir
    for path, count in corpus.layout:
        if path.endswith(".jsonl"):
            assert len(files[path].splitlines()) == count
        if path.endswith((".html", ".md")):
            assert count == 1


def test_articles_are_news_length(small):
    _, files, _ = small
    lengths = [len(json.loads(line)["body"].split())
               for path, text in files.items() if path.endswith(".jsonl")
               for line in text.splitlines()]
    assert lengths
    assert 120 <= sum(lengths) / len(lengths) <= 320


def test_empty_corpus_has_empty_manifest():
    corpus, files, manifest = _build(0)
    assert files == {} and manifest["planted"] == [] and manifest["files"] == 0


# ---- file kinds ---------------------------------------------------------------------------


def test_every_file_kind_is_present(small):
    _, files, manifest = small
    kinds = Counter(path.rsplit(".", 1)[1] for path in files)
    assert set(kinds) == {"txt", "md", "html", "jsonl"}
    assert manifest["kinds"] == dict(sorted(kinds.items()))


def test_html_pages_carry_navigation_footer_and_scripts(small):
    _, files, _ = small
    for path, text in files.items():
        if path.endswith(".html"):
            for part in ("<nav>", "<footer>", "<script", "<article>", "<h1>", "<time datetime="):
                assert part in text, (path, part)


def test_jsonl_records_are_cms_exports(small):
    _, files, _ = small
    for path, text in files.items():
        if path.endswith(".jsonl"):
            for line in text.splitlines():
                record = json.loads(line)
                assert set(record) == {"title", "date", "body", "outlet", "author", "url"}
                assert re.match(r"2025-\d\d-\d\dT", record["date"])


def test_text_files_open_with_a_date_heading_and_hold_several_articles(small):
    corpus, files, _ = small
    weekday = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    for path, count in corpus.layout:
        if path.endswith(".txt"):
            assert re.match(rf"{weekday}, [A-Z][a-z]+ \d\d, 2025\n", files[path])
    assert any(count > 1 for path, count in corpus.layout if path.endswith(".txt"))


def test_bylines_and_noise_come_in_several_shapes(small):
    _, files, _ = small
    text = "\n".join(files.values())
    assert re.search(r"^By [A-Z][a-z]+ [A-Z][a-z]+(?: and [A-Z][a-z]+ [A-Z][a-z]+)? for ", text, re.M)
    assert re.search(r"^By [A-Z][a-z]+ [A-Z][a-z]+.* - [A-Z][a-z]{2} \d\d, 2025$", text, re.M)
    assert re.search(r"^\(By [A-Z]", text, re.M)
    assert re.search(r"^[A-Z ]+, [A-Z][a-z]+ \d{1,2} \([A-Z][a-z]+\) - ", text, re.M)
    assert re.search(r"^[A-Z][A-Za-z ]+ \| [A-Z][a-z]+ \d{1,2}, 2025 \|$", text, re.M)
    assert "Advertisement" in text and "\u2022" in text


def test_figures_come_in_units_hedges_and_periods(small):
    _, files, _ = small
    text = "\n".join(files.values())
    for needle in ("bpd", "b/d", "kb/d", "million barrels", "tonnes", "metric tons a year",
                   "$", "%", "about ", "more than ", "last month", "last year", "quarter",
                   "excluding condensate", "quota of"):
        assert needle in text, needle


# ---- the manifest -----------------------------------------------------------------------------


def test_every_cited_line_contains_its_figure(small):
    _, files, manifest = small
    lines = {path: text.split("\n") for path, text in files.items()}
    checked = 0
    for group, record, claim in _claims(manifest):
        line = lines[claim["file"]][claim["line"] - 1]
        assert claim["text"] in line, (group, record["id"], claim)
        checked += 1
    assert checked > 100
    for record in manifest["planted"]:
        for path, line, text in zip(record["files"], record["lines"], record["texts"]):
            assert text in lines[path][line - 1]


def test_planted_conflicts_are_clearly_off_the_truth(small):
    _, _, manifest = small
    assert len(manifest["planted"]) >= 4
    for record in manifest["planted"]:
        planted, truth = record["values"]
        assert abs(planted - truth) / truth > 0.05
        assert {c["entity"] for c in record["claims"]} == {record["entity"]}
        assert {c["metric"] for c in record["claims"]} == {record["metric"]}
        assert {c["period"] for c in record["claims"]} == {record["period"]}
        assert record["modality"] == "actual"
        assert (record["files"][0], record["lines"][0]) != (record["files"][1], record["lines"][1])


def test_conflict_rate_follows_the_option():
    _, _, none = _build(200, seed=4, conflict_rate=0.0)
    _, _, many = _build(200, seed=4, conflict_rate=0.05)
    assert none["planted"] == []
    assert len(many["planted"]) == 10


def test_traps_cover_every_kind_and_agree_where_they_should(small):
    _, _, manifest = small
    kinds = Counter(t["kind"] for t in manifest["traps"])
    assert set(kinds) >= {"restatement", "other-period", "crude-vs-condensate", "quota-vs-output"}
    for trap in manifest["traps"]:
        a, b = trap["claims"]
        if trap["kind"] == "restatement":
            assert (a["entity"], a["metric"], a["period"], a["modality"]) == \
                   (b["entity"], b["metric"], b["period"], b["modality"])
            assert a["value"] == b["value"] and a["text"] != b["text"]
        if trap["kind"] == "crude-vs-condensate":
            assert {a["metric"], b["metric"]} == {"crude_production", "crude_condensate_production"}
        if trap["kind"] == "quota-vs-output":
            assert b["metric"] == "production_quota" and b["modality"] == "target"
        if trap["kind"] == "other-period":
            assert a["period"] != b["period"] and a["metric"] == b["metric"]


def test_forecasts_are_set_against_actuals():
    _, _, manifest = _build(600, seed=9)
    pairs = [t for t in manifest["traps"] if t["kind"] == "forecast-vs-actual"]
    assert pairs
    for trap in pairs:
        assert {c["modality"] for c in trap["claims"]} == {"forecast", "actual"}
        assert len({(c["entity"], c["metric"], c["period"]) for c in trap["claims"]}) == 1


def test_syndicated_copies_live_in_other_files_with_edits(small):
    _, files, manifest = small
    assert manifest["syndicated"]
    for entry in manifest["syndicated"]:
        original = entry["original"]
        for copy in entry["copies"]:
            assert copy["file"] != original["file"]
            assert copy["headline"] != original["headline"]
            assert copy["edits"]


def test_no_trap_or_witness_uses_a_planted_article(small):
    _, _, manifest = small
    planted_claims = {(r["files"][0], r["lines"][0], r["texts"][0]) for r in manifest["planted"]}
    for trap in manifest["traps"]:
        for c in trap["claims"]:
            assert (c["file"], c["line"], c["text"]) not in planted_claims


# ---- the figures themselves ---------------------------------------------------------------


def test_rendered_figures_hold_the_true_value():
    import random

    rng = random.Random(0)
    for value, unit, sig in ((2123000, "bbl/d", 4), (586000, "bbl/d", 3), (9.4, "%", 2),
                             (196.4e9, "USD", 4), (683e9, "m3", 3), (63.1e6, "t", 3)):
        f = mc.Fig(round(value * 10), -1) if unit == "%" else mc.quantize(value, sig)
        for style in ("exact", "round", "hedge", "range"):
            for _ in range(20):
                r = mc.render(f, unit, style, rng)
                assert r.text and (r.hedged or abs(f.value - value) <= r.half + 1e-9), (style, r)


def test_truth_table_avoids_half_way_values():
    truth = mc.Truth(seed=1)
    for (ent, metric, unit), (cadence, sig, _) in truth.series.items():
        period = mc.Period("M", 2025, 3) if cadence == "month" else mc.Period("Y", 2024)
        f = truth.get(ent, metric, unit, period)
        assert f is not None and not mc._tie(f.m, sig)


def test_relative_periods_follow_the_article_date():
    import random
    import datetime as dt

    rng = random.Random(1)
    d = dt.date(2025, 4, 1)
    said = {mc.phrase(mc.month_before(d), d, rng) for _ in range(50)}
    assert said <= {"last month", "in March", "in March 2025"}
    said = {mc.phrase(mc.Period("Y", 2024), d, rng) for _ in range(50)}
    assert "last year" in said and all("2024" in s or s == "last year" for s in said)
    said = {mc.phrase(mc.Period("Q", 2025, 1), d, rng) for _ in range(50)}
    assert all("first quarter" in s or "Q1" in s for s in said)


# ---- no seed text ----------------------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")
def test_corpus_shares_no_sentence_with_the_real_seeds(small):
    _, files, _ = small
    corpus = "\n".join(files.values())
    for seed in sorted(SEEDS.glob("*.txt")):
        for sentence in re.split(r"(?<=[.!?])\s+|\n", seed.read_text("utf-8")):
            sentence = sentence.strip()
            if len(sentence) >= 40:
                assert sentence not in corpus, (seed.name, sentence)


def test_independent_articles_rarely_share_a_sentence(small):
    # Shared sentences would make independent articles look like reprints of each other.
    _, files, manifest = small
    syndicated = {e["original"]["file"] for e in manifest["syndicated"]} | \
        {c["file"] for e in manifest["syndicated"] for c in e["copies"]}
    seen: Counter = Counter()
    for path, text in files.items():
        if path in syndicated:
            continue
        sentences = {s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text)
                     if len(s.split()) >= 8 and not s.lstrip().startswith(("<", "\u2022"))}
        seen.update(sentences)
    assert seen
    shared = sum(1 for n in seen.values() if n > 1)
    assert shared / len(seen) < 0.1, shared / len(seen)


def test_traps_on_a_planted_key_are_marked(small):
    _, _, manifest = small
    planted = {(p["entity"], p["metric"], p["period"]) for p in manifest["planted"]}
    for trap in manifest["traps"]:
        shares = any((c["entity"], c["metric"], c["period"]) in planted and c["modality"] == "actual"
                     for c in trap["claims"])
        assert trap["planted_key"] == shares
