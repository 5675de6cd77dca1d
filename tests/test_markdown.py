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


def test_copies_of_one_figure_are_counted_not_repeated():
    base = sample_report()
    conflict = base.findings[0]
    extra = dataclasses.replace(base.claims[0], id="copy-1", path="corpus/reprint.txt")
    values = [dict(conflict.details["values"][0]), dict(conflict.details["values"][1])]
    values[0]["claims"] = [conflict.claims[0], "copy-1"]
    f = dataclasses.replace(conflict, claims=conflict.claims + ("copy-1",),
                            details={**conflict.details, "values": values})
    report = dataclasses.replace(base, claims=base.claims + (extra,), findings=(f,))
    row = next(line for line in report_to_markdown(report).splitlines()
               if line.startswith("| 🔴"))
    assert "**1.96 million barrels per day** (energy ministry) ×2 vs **2.01 million bpd**" in row
    assert row.count("](corpus/") == 3  # each place once


def test_syndication_links_articles_not_each_figure():
    base = sample_report()
    f = Finding(id="fsyn", rule="FC103", kind="syndication", severity="info",
                message="2 articles carry the same story", claims=tuple(c.id for c in base.claims),
                details={"articles": [{"path": "corpus/a.txt", "line_start": 1},
                                      {"path": "corpus/b.txt", "line_start": 40}]})
    row = next(line for line in report_to_markdown(dataclasses.replace(base, findings=(f,)))
               .splitlines() if line.startswith("| 🔵"))
    assert "10 figures in the copies" in row
    assert "[corpus/a.txt:1](corpus/a.txt#L1)<br>[corpus/b.txt:40](corpus/b.txt#L40)" in row
