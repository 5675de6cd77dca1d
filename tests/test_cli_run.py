"""End-to-end: `factcheck run / check / baseline / claims` as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from clihelp import (CONFLICTING, ROOT, SHARED_SEEDS, WELL_FORMED, claims_by_text, fc,
                     findings_with, needs_shared, run_json)


@pytest.fixture
def rules_copy(tmp_path):
    """A private copy of the rules, to break without touching the real ones."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    return rules


# ------------------------------------------------------------------ the founding example

@needs_shared
def test_shared_seeds_report_the_march_conflicts_at_error(tmp_path):
    proc, report = run_json(tmp_path, str(SHARED_SEEDS))
    assert proc.returncode == 1, proc.stderr
    assert report["schema"] == "factcheck.report/1"
    crude_condensate = findings_with(report, "2.12 million", "2.17 million", rule="FC101")
    assert crude_condensate and crude_condensate[0]["severity"] == "error"
    claims = {c["id"]: c for c in report["claims"]}
    cited = {(claims[c]["path"].split("/")[-1], claims[c]["line"]) for c in crude_condensate[0]["claims"]}
    assert ("000_6090fa4778ae3384.txt", 23) in cited and ("000_6090fa4778ae3384.txt", 64) in cited
    crude = findings_with(report, "1.83 million", "1.88 million", rule="FC101")
    assert crude and crude[0]["severity"] == "error"


@needs_shared
def test_shared_seeds_do_not_set_traps_against_each_other(tmp_path):
    _, report = run_json(tmp_path, str(SHARED_SEEDS))
    loud = [f for f in report["findings"] if f["severity"] in ("error", "warning")]
    by_id = {c["id"]: c for c in report["claims"]}
    for f in loud:
        texts = " | ".join(by_id[c]["text"] for c in f["claims"])
        assert not ("1.468" in texts and "2.1" in texts), texts          # quota vs output
        assert not ("25%" in texts and "50%" in texts), texts            # point inside range
        assert not ("3.8 million" in texts and f["rule"] == "FC101"), texts  # reprints


# ------------------------------------------------------------------ exit codes

def test_exit_codes_follow_fail_on(tmp_path, rules_copy):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(WELL_FORMED, encoding="utf-8")
    (corpus / "b.txt").write_text(CONFLICTING, encoding="utf-8")
    proc, report = run_json(tmp_path, str(corpus))
    severities = {f["severity"] for f in report["findings"]}
    assert proc.returncode == (1 if "error" in severities else 0), proc.stderr
    assert fc("run", str(corpus), "--no-html", "-q", "--fail-on", "never", "-f", "json",
              "-o", str(tmp_path / "x.json")).returncode == 0
    if severities:
        assert fc("run", str(corpus), "--no-html", "-q", "--fail-on", "info", "-f", "json",
                  "-o", str(tmp_path / "y.json")).returncode == 1


def test_a_corpus_without_figures_is_clean(tmp_path):
    corpus = tmp_path / "quiet"
    corpus.mkdir()
    (corpus / "note.txt").write_text("Nothing to count here.\n\nJust words.\n", encoding="utf-8")
    proc, report = run_json(tmp_path, str(corpus))
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []


def test_missing_path_is_a_usage_error(tmp_path):
    proc = fc("run", str(tmp_path / "no-such-folder"), "--no-html")
    assert proc.returncode == 2
    assert "no-such-folder" in proc.stderr


def test_unknown_flag_is_a_usage_error():
    assert fc("run", "--no-such-flag").returncode == 2


def test_malformed_rules_name_file_and_line(tmp_path, rules_copy):
    checks = rules_copy / "checks.yaml"
    checks.write_text(checks.read_text(encoding="utf-8") + "\n  bad: [unclosed\n", encoding="utf-8")
    proc = fc("run", str(tmp_path), "--rules", str(rules_copy), "--no-html")
    assert proc.returncode == 2
    assert "checks.yaml" in proc.stderr and ":" in proc.stderr


def test_unknown_field_in_rules_is_a_usage_error(tmp_path, rules_copy):
    metrics = rules_copy / "metrics.yaml"
    text = metrics.read_text(encoding="utf-8")
    metrics.write_text(text.replace("label:", "lable:", 1), encoding="utf-8")
    proc = fc("run", str(tmp_path), "--rules", str(rules_copy), "--no-html")
    assert proc.returncode == 2
    assert "metrics.yaml" in proc.stderr and "lable" in proc.stderr


def test_the_parser_reads_units_from_the_rules_folder_of_the_run(tmp_path, rules_copy):
    """A unit spelling a desk adds to its own rules folder is parsed in its runs."""
    aliases = rules_copy / "unit_aliases.yaml"
    text = aliases.read_text(encoding="utf-8")
    aliases.write_text(text.replace("symbols: [bpd, b/d,", "symbols: [bopdx, bpd, b/d,", 1),
                       encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text(
        "Field output reached 41,500 bopdx in March, the operator said on Tuesday.\n",
        encoding="utf-8")
    out = tmp_path / "r.json"
    for rules, unit in ((rules_copy, "bbl/d"), (None, "")):
        extra = ["--rules", str(rules)] if rules else []
        proc = fc("run", str(corpus), *extra, "--no-html", "--no-cache", "-f", "json",
                  "-o", str(out))
        assert proc.returncode in (0, 1), proc.stderr
        claims = json.loads(out.read_text(encoding="utf-8"))["claims"]
        figure = [c for c in claims if c["text"].startswith("41,500")]
        assert figure and figure[0]["unit"] == unit


# ------------------------------------------------------------------ determinism

@needs_shared
def test_reports_are_byte_identical_and_independent_of_input_order(tmp_path):
    files = sorted(str(p) for p in SHARED_SEEDS.glob("*.txt"))
    run_json(tmp_path, *files, name="one.json")
    run_json(tmp_path, *reversed(files), name="two.json")
    run_json(tmp_path, str(SHARED_SEEDS), name="three.json")
    one = (tmp_path / "one.json").read_bytes()
    assert one == (tmp_path / "two.json").read_bytes()
    assert json.loads(one)["findings"] == json.loads((tmp_path / "three.json").read_bytes())["findings"]


# ------------------------------------------------------------------ bad input

def test_bad_files_are_reported_and_the_rest_processed(tmp_path):
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    (corpus / "good.txt").write_text(WELL_FORMED, encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "latin.txt").write_bytes("Caf\xe9 owners paid 3 million euros in 2024.\n".encode("latin-1"))
    proc, report = run_json(tmp_path, str(corpus))
    assert proc.returncode in (0, 1)
    assert "binary.txt" in proc.stderr
    problems = {Path(p["path"]).name: p for p in report["problems"]}
    assert problems["binary.txt"]["level"] == "error"
    assert "empty.txt" in problems
    assert any(Path(c["path"]).name == "good.txt" for c in report["claims"])
    assert any(Path(c["path"]).name == "latin.txt" for c in report["claims"])


def test_undated_article_leaves_relative_periods_unresolved(tmp_path):
    corpus = tmp_path / "undated"
    corpus.mkdir()
    (corpus / "item.txt").write_text(
        "Norway pumped 1.2 million barrels per day last month, officials said.\n", encoding="utf-8")
    _, report = run_json(tmp_path, str(corpus))
    (claim,) = claims_by_text(report, "1.2 million")
    assert claim["period"] == ""
    assert report["articles"][0]["published"] is None


# ------------------------------------------------------------------ outputs

def test_output_folder_is_created_and_unwritable_is_a_usage_error(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(WELL_FORMED, encoding="utf-8")
    deep = tmp_path / "new" / "deeper" / "report.json"
    proc = fc("run", str(corpus), "-f", "json", "-o", str(deep), "--no-html", "-q")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(deep.read_text())["schema"] == "factcheck.report/1"
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    proc = fc("run", str(corpus), "-f", "json", "-o", str(blocker / "r.json"), "--no-html", "-q")
    assert proc.returncode == 2
    assert "cannot write" in proc.stderr


def test_html_report_is_written_by_default(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(WELL_FORMED, encoding="utf-8")
    html = tmp_path / "out" / "report.html"
    proc = fc("run", str(corpus), "--html", str(html), "-f", "json", "-o", str(tmp_path / "r.json"))
    assert proc.returncode == 0, proc.stderr
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "Content-Security-Policy" in page


def test_table_format_prints_findings_with_citations(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(WELL_FORMED, encoding="utf-8")
    (corpus / "b.txt").write_text(CONFLICTING, encoding="utf-8")
    proc = fc("run", str(corpus), "--no-html", "--fail-on", "never")
    assert proc.returncode == 0
    assert "files" in proc.stdout and "claims" in proc.stdout


# ------------------------------------------------------------------ claims export

def test_claims_export_formats(tmp_path):
    pd = pytest.importorskip("pandas")
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(WELL_FORMED, encoding="utf-8")
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"claims.{fmt}"
        proc = fc("claims", str(corpus), "-f", fmt, "-o", str(out), "-q")
        assert proc.returncode == 0, proc.stderr
    frame = pd.read_parquet(tmp_path / "claims.parquet")
    assert {"entity", "metric", "period", "modality", "attribution", "confidence"} <= set(frame.columns)
    assert (frame["text"].str.contains("1.8 million")).any()
    lines = (tmp_path / "claims.jsonl").read_text().splitlines()
    assert len(lines) == len(frame)


def test_an_unreadable_file_is_named_and_the_rest_processed(tmp_path):
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    (corpus / "good.txt").write_text(WELL_FORMED, encoding="utf-8")
    # A dangling link cannot be opened by anyone, root included (chmod 000 can).
    (corpus / "gone.txt").symlink_to(tmp_path / "deleted-long-ago.txt")
    proc, report = run_json(tmp_path, str(corpus))
    assert proc.returncode in (0, 1), proc.stderr
    assert "gone.txt" in proc.stderr
    assert any(Path(p["path"]).name == "gone.txt" and p["level"] == "error"
               for p in report["problems"])
    assert any(Path(c["path"]).name == "good.txt" for c in report["claims"])


def test_article_text_is_inert_in_the_terminal(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    record = {"title": "Oil [bold]x", "date": "2025-03-04", "outlet": "Reuters [/]",
              "author": "\u001b[2JEve", "body": CONFLICTING.split("\n\n", 1)[1].strip()}
    (corpus / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (corpus / "b.txt").write_text(WELL_FORMED, encoding="utf-8")
    proc = fc("run", str(corpus), "--no-html", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert "Reuters [/]" in proc.stdout and "\u001b" not in proc.stdout
    assert "Traceback" not in proc.stderr


def test_claims_csv_defuses_spreadsheet_formulas(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    record = {"title": "t", "date": "2025-03-04", "outlet": "=HYPERLINK(\"x\")",
              "body": WELL_FORMED.split("\n\n", 1)[1].strip()}
    (corpus / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    proc = fc("claims", str(corpus), "-f", "csv", "-q")
    assert proc.returncode == 0, proc.stderr
    assert "'=HYPERLINK" in proc.stdout and ",=HYPERLINK" not in proc.stdout


def test_a_pipe_in_the_corpus_is_skipped_not_waited_on(tmp_path):
    import os

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(WELL_FORMED, encoding="utf-8")
    os.mkfifo(corpus / "pipe.txt")
    proc, report = run_json(tmp_path, str(corpus))
    assert proc.returncode == 0, proc.stderr
    assert any(p["path"].endswith("pipe.txt") and p["level"] == "error" for p in report["problems"])
    assert report["claims"]


def test_ids_do_not_depend_on_how_a_path_is_typed(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(WELL_FORMED, encoding="utf-8")
    (corpus / "b.txt").write_text(CONFLICTING, encoding="utf-8")
    _, one = run_json(tmp_path, "c", name="one.json", cwd=tmp_path)
    _, two = run_json(tmp_path, "./c/", name="two.json", cwd=tmp_path)
    _, three = run_json(tmp_path, str(corpus), name="three.json", cwd=tmp_path)
    assert one["claims"] and one["findings"]
    assert one["claims"] == two["claims"] == three["claims"]
    assert one["findings"] == two["findings"] == three["findings"]


def test_the_tools_own_report_inside_the_corpus_is_not_read_as_articles(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(WELL_FORMED, encoding="utf-8")
    run_json(tmp_path, str(corpus), cwd=corpus)          # writes c/reports/report.json
    assert (corpus / "reports" / "report.json").is_file()
    proc, report = run_json(tmp_path, str(corpus), cwd=corpus, name="again.json")
    assert [a["path"] for a in report["articles"]] == [f"{corpus}/a.txt".replace("\\", "/")] or \
        all(a["path"].endswith("a.txt") for a in report["articles"])
    notes = [p["message"] for p in report["problems"] if "report.json" in p["path"]]
    assert len(notes) == 1 and "factcheck output" in notes[0]
