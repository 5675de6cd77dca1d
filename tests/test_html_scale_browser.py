"""A large corpus's HTML report in a real Chromium: closed articles open from a finding."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

# Importing from test_browser skips as it does, and shares its browser fixture.
from test_browser import Watched, browser  # noqa: F401

from factcheck.report.fixtures import sample_report
from factcheck.report.html import render_html

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report():
    return sample_report()


@pytest.fixture(scope="module")
def large_file(tmp_path_factory, report) -> Path:
    quiet = dataclasses.replace(report.articles[1], id="corpus/quiet.txt#0",
                                path="corpus/quiet.txt")
    r = dataclasses.replace(report, articles=report.articles + (quiet,))
    path = tmp_path_factory.mktemp("html-large") / "report.html"
    path.write_text(render_html(r, full=False, run_date="2025-04-03 09:30"), encoding="utf-8")
    return path


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.close()


def test_citation_opens_its_closed_article_at_the_figure(watched, large_file, report):
    page = watched.open(large_file)
    articles = page.locator("details.article")
    assert articles.count() == 3
    assert page.locator("details.article[open]").count() == 0
    conflict = report.findings[0]
    card = page.locator(f'[id="{conflict.id}"]')
    card.locator("div.cite a").first.click()
    mark = page.locator("mark.claim:focus")
    assert mark.count() == 1 and mark.is_visible()
    assert mark.inner_text() == "1.96 million barrels per day"
    tip = page.locator(f'[id="{mark.get_attribute("aria-describedby")}"]')
    assert tip.is_visible() and "energy ministry" in tip.inner_text()
    assert page.locator("details.article[open]").count() == 1
    watched.assert_clean()


def test_scope_is_said_and_the_table_sorts(watched, large_file, report):
    page = watched.open(large_file)
    assert "of 4 read" in page.locator("#articles-scope").inner_text()
    rows = page.locator("#claims-table tbody tr")
    cited = {c for f in report.findings for c in f.claims}
    assert rows.count() == len(cited)
    page.locator("#claims-table thead th").nth(1).locator("button").click()
    assert page.locator("#claims-table thead th").nth(1).get_attribute("aria-sort") == "ascending"
    watched.assert_clean()
