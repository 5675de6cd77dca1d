"""Markdown comment: snapshot of the sample report, escaping, folding of long lists."""

import dataclasses
import os
from pathlib import Path

from factcheck.model import Finding, Report
from factcheck.report.fixtures import sample_report
from factcheck.report.markdown import escape_md, report_to_markdown

SNAPSHOT = Path(__file__).parent / "snapshots" / "report.md"


def test_matches_snapshot():
    text = report_to_markdown(sample_report(), link_base="https://example.org/blob/main/")
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8")


def test_hostile_text_is_inert():
    text = report_to_markdown(sample_report())
    assert "<script>" not in text and "&lt;script&gt;x&lt;/script&gt;" in text
    assert "<fallback>" not in text
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| Severity"):
            # Five cells: no pipe from article text may add a column.
            assert line.replace("\\|", "").count("|") == 6, line


def test_escape_md():
    assert escape_md("a | b") == "a \\| b"
    assert escape_md("`code` *x* [l](u)") == "\\`code\\` \\*x\\* \\[l\\]\\(u\\)"
    assert escape_md("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert\\(1\\)&gt;"
    assert escape_md("javascript:alert(1)").startswith("javascript&#58;")
    assert escape_md("line\nbreak") == "line break"
    assert escape_md("x" * 50, limit=10) == "x" * 9 + "…"


def test_links_use_link_base_and_line():
    text = report_to_markdown(sample_report(), link_base="https://cms.example/src/")
    assert "[corpus/steppe-daily.txt:3](https://cms.example/src/corpus/steppe-daily.txt#L3)" in text


def test_long_lists_fold_and_stop():
    base = sample_report()
    many = tuple(dataclasses.replace(base.findings[3], id=f"f{i:03d}") for i in range(60))
    report = dataclasses.replace(base, findings=many, problems=())
    text = report_to_markdown(report, visible_rows=5, max_rows=20)
    head, _, folded = text.partition("<details>")
    assert head.count("| 🔵 info |") == 5
    assert "<summary>15 more findings</summary>" in folded
    assert folded.count("| 🔵 info |") == 15
    assert "and 40 more not listed here" in text


def test_no_findings():
    report = Report(schema="factcheck/report/v1", summary={}, articles=(), claims=(),
                    findings=())
    text = report_to_markdown(report)
    assert "No discrepancies found." in text
    assert "**0** findings" in text
