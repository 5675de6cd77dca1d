"""FC202 parts vs total: tables (Markdown and HTML), bullet lists and prose, written for
these tests and run through ingest, parser, framing and checks."""

from __future__ import annotations

from pathlib import Path

from test_arithmetic_helpers import of_rule, run, texts_of
from factcheck.checks.arithmetic_tables import find_tables
from factcheck.ingest import read_document

TABLE = """Kazakhstan shipped crude by two routes, in million tons:

| Route | 2023 | 2024 | Change, % |
|---|---:|---:|---:|
| CPC | 53.2 | 54.1 | 1.7 |
| BTC | 1.3 | 1.5 | 15.4 |
| **Total** | 54.5 | {total} | 3.9 |
"""


def test_table_cells_keep_their_offsets():
    text = TABLE.format(total="55.6")
    (table,) = find_tables(text)
    total_row = table.rows[-1]
    assert total_row.label == "Total"
    cell = total_row.cells[2]
    assert text[cell.start:cell.end] == "55.6"


def test_table_column_that_adds_up_is_quiet():
    findings, _ = run({"a.md": TABLE.format(total="55.6")})
    assert not of_rule(findings, "FC202")


def test_table_column_against_its_total_row():
    findings, claims = run({"a.md": TABLE.format(total="56.6")})
    (f,) = of_rule(findings, "FC202")
    assert f.severity == "warning" and f.kind == "parts-total"
    assert f.details["column"] == "2024"
    assert "CPC 54.1 + BTC 1.5 = 55.6" in f.details["explanation"]
    assert "56.6" in texts_of(f, claims)


def test_change_columns_and_nested_rows_are_not_summed():
    nested = ("| Route | 2024 |\n|---|---:|\n| CPC | 54.1 |\n| of which Tengiz | 30.2 |\n"
              "| BTC | 1.5 |\n| Total | 55.6 |\n")
    findings, _ = run({"a.md": nested})
    assert not of_rule(findings, "FC202")


def test_html_table_total_row(tmp_path: Path):
    page = ("<html><body><article><h1>Grain</h1><p>Wheat shipped by quarter, thousand "
            "tonnes.</p>\n<table><tr><th>Quarter</th><th>2024</th></tr>\n"
            "<tr><td>Q1</td><td>410</td></tr>\n<tr><td>Q2</td><td>388</td></tr>\n"
            "<tr><td>Total</td><td>808</td></tr></table></article></body></html>\n")
    path = tmp_path / "grain.html"
    path.write_text(page, encoding="utf-8")
    article = read_document(str(path)).articles[0]
    findings, _ = run({"grain.md": article.text})
    (f,) = of_rule(findings, "FC202")
    assert "Q1 410 + Q2 388 = 798" in f.details["explanation"]
    assert f.details["reported"] == "808"


def test_bullet_list_under_a_stated_total():
    text = ("Kazakhstan's crude exports in 2024 totalled {total} million tons:\n\n"
            "- via CPC: 54.1 million tons\n- via BTC: 1.5 million tons\n"
            "- via Atyrau-Samara: 9.5 million tons\n")
    flagged, _ = run({"a.md": text.format(total="70")})
    assert of_rule(flagged, "FC202")
    quiet, _ = run({"a.md": text.format(total="65.1")})
    assert not of_rule(quiet, "FC202")


def test_exhaustive_split_in_prose():
    findings, claims = run({"a.txt": (
        "Kazakhstan's oil exports of 70 million tons last year were split between the CPC "
        "pipeline with 54.1 million tons and other routes with 11 million tons.")})
    (f,) = of_rule(findings, "FC202")
    assert texts_of(f, claims) == {"70 million tons", "54.1 million tons", "11 million tons"}
    assert f.details["exhaustive"] is True


def test_partial_breakdown_may_leave_a_remainder():
    findings, _ = run({"a.txt": (
        "Kazakhstan exported a total of 70 million tons of oil last year, including 54.1 "
        "million tons via CPC and 11 million tons by other routes.")})
    assert not of_rule(findings, "FC202")


def test_partial_breakdown_that_exceeds_the_total():
    findings, _ = run({"a.txt": (
        "Kazakhstan exported a total of 60 million tons of oil last year, including 54.1 "
        "million tons via CPC and 11 million tons by other routes.")})
    (f,) = of_rule(findings, "FC202")
    assert f.details["exhaustive"] is False


def test_court_releases_that_add_up_are_quiet():
    findings, _ = run({"a.txt": (
        "Courts in Ankara released 127 protesters on Thursday. One court released 102 "
        "students and a separate court released a further 25 people.")})
    assert not [f for f in of_rule(findings, "FC202")]


def test_court_releases_beyond_the_total_are_reported():
    findings, claims = run({"a.txt": (
        "Courts in Ankara released 127 protesters on Thursday. One court released 102 "
        "students and a separate court released a further 35 people.")})
    (f,) = of_rule(findings, "FC202")
    assert {t.split()[0] for t in texts_of(f, claims)} == {"127", "102", "35"}


def test_a_sentence_repeated_many_times_is_judged_per_copy_and_fast():
    """A file of one breakdown sentence repeated: each copy is checked against itself only."""
    import time

    from factcheck.checks import assign_clusters, load_check_rules, run_checks
    from test_checks_support import article, claim

    sentence = ("Exports totalled 70 million tons last year, split between 50 million tons "
                "by pipeline and 30 million tons by sea. ")
    copies = 300
    art = article("desk/repeat.txt", sentence * copies)
    key = dict(entity="Kazakhstan", metric="exports", period="2024")
    claims = [claim(art, figure, unit="t", occurrence=k, **key)
              for k in range(copies) for figure in ("70 million", "50 million", "30 million")]
    rules = load_check_rules()
    started = time.perf_counter()
    findings = run_checks(assign_clusters([art], claims, rules), [art], rules)
    assert time.perf_counter() - started < 20
    parts = [f for f in findings if f.rule == "FC202"]
    assert len(parts) == 1
    assert [i["role"] for i in parts[0].details["inputs"]] == ["total", "part", "part"]
    assert parts[0].details["computed"] == "79 million t–81 million t"
    assert len(parts[0].claims) == 3 * copies     # every copy cited under one id
