"""End-to-end: the pre-publication gate (baseline, draft check, SARIF, Markdown)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clihelp import CONFLICTING, ROOT, SHARED_SEEDS, WELL_FORMED, fc, run_json

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

DRAFT = """Draft | March 5, 2025 |

Norway's crude oil output averaged 2.9 million barrels per day in February, the ministry said.
"""


@pytest.fixture
def corpus(tmp_path):
    c = tmp_path / "corpus"
    c.mkdir()
    (c / "a.txt").write_text(WELL_FORMED, encoding="utf-8")
    (c / "b.txt").write_text(CONFLICTING, encoding="utf-8")
    return c


def _loud(report):
    return [f for f in report["findings"] if f["severity"] in ("error", "warning")]


def test_baseline_round_trip(tmp_path, corpus):
    _, before = run_json(tmp_path, str(corpus), name="before.json")
    assert before["findings"], "the two output figures should disagree"
    base = tmp_path / "baseline.json"
    proc = fc("baseline", str(corpus), "-o", str(base), "-q")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(base.read_text())["schema"] == "factcheck.baseline/1"

    proc, after = run_json(tmp_path, str(corpus), extra=("--baseline", str(base), "--fail-on", "info"),
                           name="after.json")
    assert proc.returncode == 0, proc.stderr
    assert after["findings"] == []
    assert after["summary"]["baseline"]["suppressed"] == len(before["findings"])

    # Lines added above the figure: the finding keeps its fingerprint.
    b = corpus / "b.txt"
    b.write_text("\n\nAn added paragraph with no figures.\n\n" + CONFLICTING, encoding="utf-8")
    proc, moved = run_json(tmp_path, str(corpus), extra=("--baseline", str(base), "--fail-on", "info"),
                           name="moved.json")
    assert proc.returncode == 0 and moved["findings"] == []

    # A changed figure is a new finding, and the old entry is reported stale.
    b.write_text(CONFLICTING.replace("2.3 million", "2.6 million"), encoding="utf-8")
    proc = fc("run", str(corpus), "--baseline", str(base), "--no-html", "-f", "json",
              "-o", str(tmp_path / "changed.json"), "--fail-on", "info")
    changed = json.loads((tmp_path / "changed.json").read_text())
    assert changed["findings"], "a changed figure must not hide behind the baseline"
    assert proc.returncode == 1
    assert "no longer match" in proc.stderr


@pytest.mark.parametrize("content, fragment", [
    ("{not json", "not valid JSON"),
    ('{"schema": "factcheck.baseline/0", "findings": []}', "not supported"),
    ('{"findings": []}', "not a factcheck baseline"),
])
def test_bad_baseline_is_a_usage_error(tmp_path, corpus, content, fragment):
    base = tmp_path / "b.json"
    base.write_text(content)
    proc = fc("run", str(corpus), "--baseline", str(base), "--no-html", "-q")
    assert proc.returncode == 2
    assert fragment in proc.stderr


def test_check_reports_only_findings_that_involve_the_draft(tmp_path, corpus):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "draft.txt").write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "check.json"
    proc = fc("check", str(drafts / "draft.txt"), "--against", str(corpus), "-f", "json",
              "-o", str(out), "--no-html", "-q", "--fail-on", "info")
    report = json.loads(out.read_text())
    claims = {c["id"]: c for c in report["claims"]}
    assert report["findings"], proc.stderr
    for finding in report["findings"]:
        assert any(claims[c]["path"].endswith("draft.txt") for c in finding["claims"])
    assert proc.returncode == 1


def test_check_with_a_missing_draft_is_a_usage_error(tmp_path, corpus):
    proc = fc("check", str(tmp_path / "ghost.txt"), "--against", str(corpus), "--no-html")
    assert proc.returncode == 2
    assert "ghost.txt" in proc.stderr


def test_inline_suppression_in_a_markdown_draft(tmp_path, corpus):
    draft = tmp_path / "draft.md"
    draft.write_text("# Steel\n\nDraft | March 5, 2025 |\n\n<!-- factcheck-ignore FC101 -->\n"
                     + DRAFT.split("\n\n", 1)[1] + "\n<!-- factcheck-ignore FC777 -->\nNo figures.\n",
                     encoding="utf-8")
    out = tmp_path / "s.json"
    proc = fc("check", str(draft), "--against", str(corpus), "-f", "json", "-o", str(out),
              "--no-html", "--fail-on", "info")
    report = json.loads(out.read_text())
    assert not [f for f in report["findings"] if f["rule"] == "FC101"]
    assert "FC777" in proc.stderr or any("FC777" in p["message"] for p in report["problems"])


@pytest.mark.skipif(not SCHEMA.is_file(), reason="SARIF schema not present")
def test_sarif_output_validates(tmp_path, corpus):
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "factcheck.sarif"
    fc("run", str(corpus), "--format", "sarif", "-o", str(out), "--no-html", "-q")
    sarif = json.loads(out.read_text())
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    assert sarif["version"] == "2.1.0"


def test_markdown_output_has_a_findings_table(tmp_path, corpus):
    out = tmp_path / "summary.md"
    proc = fc("run", str(corpus), "--format", "markdown", "-o", str(out), "--no-html", "-q")
    assert proc.returncode in (0, 1)
    text = out.read_text()
    assert "|" in text and "FC1" in text


def test_config_file_sets_fail_on(tmp_path, corpus):
    (tmp_path / "factcheck.toml").write_text('fail-on = "never"\nno-html = true\n')
    proc = fc("run", str(corpus), "-q", "-f", "json", "-o", str(tmp_path / "r.json"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    (tmp_path / "factcheck.toml").write_text('fail-on = "often"\n')
    proc = fc("run", str(corpus), "-q", cwd=tmp_path)
    assert proc.returncode == 2 and "fail-on" in proc.stderr


def test_inline_suppression_in_an_html_draft(tmp_path, corpus):
    draft = tmp_path / "draft.html"
    draft.write_text(
        "<!DOCTYPE html><html><head><title>Draft</title>"
        '<meta property="article:published_time" content="2025-03-05"></head><body><article>'
        "<h1>Output</h1>\n<!-- factcheck-ignore FC101 -->\n<p>"
        + DRAFT.split("\n\n", 1)[1].strip() + "</p>\n</article></body></html>\n", encoding="utf-8")
    out = tmp_path / "h.json"
    proc = fc("check", str(draft), "--against", str(corpus), "-f", "json", "-o", str(out),
              "--no-html", "--fail-on", "info")
    report = json.loads(out.read_text())
    assert not [f for f in report["findings"] if f["rule"] == "FC101"], proc.stderr
    # The two corpus figures still disagree with each other, so that conflict stands, but
    # without the draft's silenced figure it is no business of this draft check.
    draft_claims = {c["id"] for c in report["claims"] if c["path"].endswith("draft.html")}
    assert draft_claims and not any(draft_claims & set(f["claims"]) for f in report["findings"])


def test_a_gate_that_reads_nothing_does_not_pass(tmp_path, corpus):
    unreadable = tmp_path / "draft.txt"
    unreadable.write_bytes(b"Norway\x00 pumped 2.9 million bpd")
    proc = fc("check", str(unreadable), "--against", str(corpus), "--no-html", "-q")
    assert proc.returncode == 2 and "cannot check the draft" in proc.stderr
    empty = tmp_path / "nothing"
    empty.mkdir()
    proc = fc("run", str(empty), "--no-html", "-q")
    assert proc.returncode == 2 and "no article could be read" in proc.stderr


def test_a_directive_in_someone_elses_copy_does_not_switch_off_the_gate(tmp_path, corpus):
    wire = corpus / "wire.txt"
    wire.write_text("Wire Desk | March 6, 2025 |\n\nfactcheck-ignore: FC101\n"
                    "Norway's crude oil output averaged 2.6 million barrels per day in "
                    "February, officials said.\n", encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "draft.txt").write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "w.json"
    proc = fc("check", str(drafts / "draft.txt"), "--against", str(corpus), "-f", "json",
              "-o", str(out), "--no-html", "--fail-on", "info")
    report = json.loads(out.read_text())
    assert [f["rule"] for f in report["findings"]].count("FC101") == 1, proc.stderr
    assert proc.returncode == 1
