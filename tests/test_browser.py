"""The HTML report in a real Chromium, opened from file:// as an editor would open it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.report.fixtures import HOSTILE_HEADLINE, sample_report
from factcheck.report.html import render_html

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
REPORTS = ROOT / "reports"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

# Under CI the browser is part of the contract: a missing one must fail, not skip quietly.
_IN_CI = bool(os.environ.get("CI"))
if not os.path.exists(CHROMIUM):
    if _IN_CI:
        raise RuntimeError(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium")
    pytest.skip(f"{CHROMIUM} is not installed (CI installs Debian's chromium)",
                allow_module_level=True)

if _IN_CI:
    import playwright.sync_api as sync_api
else:
    sync_api = pytest.importorskip("playwright.sync_api")

WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });
"""


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def sample():
    return sample_report()


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory, sample) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(sample, run_date="2025-04-03 09:30", rules_version="sample-1"),
                    encoding="utf-8")
    return path


class Watched:
    """A page plus everything that must stay empty: console errors, page errors, dialogs."""

    def __init__(self, browser, width=1280, height=900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.add_init_script(WATCH_CSP)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type in ("error", "warning") and
                     self.errors.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def open(self, path: Path, fragment: str = ""):
        self.page.goto(path.as_uri() + (f"#{fragment}" if fragment else ""))
        self.page.wait_for_load_state("load")
        return self.page

    def assert_clean(self):
        csp = self.page.evaluate("window.__csp")
        assert csp == [], csp
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        foreign = [u for u in self.requests if not u.startswith(("file:", "data:"))]
        assert foreign == [], foreign

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.close()


def visible_cards(page):
    return page.locator("article.card:visible")


def test_opens_cleanly_and_shows_findings(watched, sample_file, sample):
    page = watched.open(sample_file)
    assert visible_cards(page).count() == len(sample.findings)
    first = page.locator("article.card").first
    assert first.locator(".figure mark").first.is_visible()
    assert first.locator(".sentence mark").first.inner_text() == "1.96 million barrels per day"
    assert first.locator("svg.strip").is_visible()
    # The script ran (its CSP hash matched): the status line is written by it on filter.
    page.locator("#filter-search").fill("")
    watched.assert_clean()


def test_severity_rule_entity_and_metric_filters(watched, sample_file, sample):
    page = watched.open(sample_file)
    page.locator("input[name=severity][value=info]").uncheck()
    infos = sum(f.severity == "info" for f in sample.findings)
    assert visible_cards(page).count() == len(sample.findings) - infos
    assert page.locator("article.card.sev-info:visible").count() == 0
    assert page.locator("#filter-status").inner_text() == \
        f"{len(sample.findings) - infos} of {len(sample.findings)} findings shown"
    page.locator("input[name=severity][value=info]").check()
    page.locator("#filter-rule").select_option("FC201")
    assert visible_cards(page).count() == sum(f.rule == "FC201" for f in sample.findings)
    page.locator("#filter-rule").select_option("")
    page.locator("#filter-entity").select_option("Caspian Pipeline Consortium")
    assert visible_cards(page).count() == 1
    page.locator("#filter-entity").select_option("")
    page.locator("#filter-metric").select_option("crude_condensate_production")
    assert visible_cards(page).count() == 3
    page.locator("#filter-reset").click()
    page.wait_for_function(f"document.querySelectorAll('article.card:not([hidden])').length"
                           f" === {len(sample.findings)}")
    watched.assert_clean()


def test_search_box_filters(watched, sample_file):
    page = watched.open(sample_file)
    page.locator("#filter-search").fill("northline")
    cards = visible_cards(page)
    assert cards.count() == 3  # every finding with a claim from that outlet
    for i in range(cards.count()):
        assert "northline" in cards.nth(i).inner_text().lower()
    page.locator("#filter-search").fill("northline forecast")
    assert visible_cards(page).count() == 1
    page.locator("#filter-search").fill("no such words anywhere")
    assert visible_cards(page).count() == 0
    assert page.locator("#no-match").is_visible()
    watched.assert_clean()


def test_permalink_scrolls_finding_into_view(watched, sample_file, sample):
    target = sample.findings[-1].id
    page = watched.open(sample_file, target)
    card = page.locator(f"[id='{target}']")
    card.wait_for(state="visible")
    assert "is-target" in (card.get_attribute("class") or "")
    box = card.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    assert page.evaluate("window.scrollY") > 0
    # A finding hidden by a filter comes back when its permalink is followed.
    page.locator("input[name=severity][value=info]").uncheck()
    assert not card.is_visible()
    page.evaluate("location.hash = ''")
    page.evaluate(f"location.hash = {target!r}")
    card.wait_for(state="visible")
    watched.assert_clean()


def test_claims_table_sorts(watched, sample_file):
    page = watched.open(sample_file)
    header = page.locator("#claims-table th", has_text="Value")

    def values():
        return [float(v) for v in page.locator("#claims-table tbody tr td:nth-child(2)")
                .evaluate_all("cells => cells.map(c => c.dataset.sort)")]

    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert values() == sorted(values())
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert values() == sorted(values(), reverse=True)
    other = page.locator("#claims-table th", has_text="Entity")
    other.locator("button").click()
    assert header.get_attribute("aria-sort") == "none"
    watched.assert_clean()


def test_claim_tooltip_reachable_by_keyboard(watched, sample_file):
    page = watched.open(sample_file)
    mark = page.locator("mark.claim").first
    tip_id = mark.get_attribute("aria-describedby")
    tip = page.locator(f"[id='{tip_id}']")
    assert not tip.is_visible()
    mark.focus()
    assert tip.is_visible()
    assert "metric:" in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('claim')")
    watched.assert_clean()


def test_hostile_article_runs_nothing_and_reads_literally(watched, sample_file):
    page = watched.open(sample_file)
    page.wait_for_timeout(200)
    article = page.locator("details.article").filter(has_text="Refinery update")
    assert article.locator(".headline").inner_text() == HOSTILE_HEADLINE
    text = article.locator(".text").inner_text()
    assert "<img src=x onerror=alert(1)>" in text
    assert "javascript:alert(2)" in text and "</textarea>" in text and "</script>" in text
    assert "{{ 7*7 }}" in text
    assert article.locator("img, script, a, textarea, iframe, object").count() == 0
    assert article.locator(".text b:not(.tip b)").count() == 0
    assert page.locator("script").count() == 1
    watched.assert_clean()


def test_screenshot(browser, sample_file):
    REPORTS.mkdir(exist_ok=True)
    w = Watched(browser, width=1280, height=1400)
    try:
        page = w.open(sample_file)
        page.screenshot(path=str(REPORTS / "report-screenshot.png"))
        page.screenshot(path=str(REPORTS / "report-screenshot-full.png"), full_page=True)
        page.emulate_media(media="print")
        assert not page.locator("#filters").is_visible()
        w.assert_clean()
    finally:
        w.close()
    assert (REPORTS / "report-screenshot.png").stat().st_size > 10_000


# ------------------------------------------------------------ a real run on the seeds


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> Path:
    """`factcheck run` on both seed folders; skipped while the pipeline cannot run."""
    out = tmp_path_factory.mktemp("run")
    html = out / "report.html"
    paths = [str(p) for p in (ROOT / "seeds", SHARED_SEEDS) if p.exists()]
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "run", *paths, "--html", str(html),
         "-f", "json", "-o", str(out / "report.json"), "--fail-on", "never", "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not html.exists():
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        pytest.skip(f"factcheck run did not produce a report yet: {tail[0][:200]}")
    return html


def test_real_run_on_seeds(browser, seeds_report):
    w = Watched(browser, width=1280, height=1400)
    try:
        page = w.open(seeds_report)
        cards = page.locator("article.card")
        marks = page.locator("mark.claim")
        assert marks.count() > 0
        if cards.count():
            assert cards.first.is_visible()
            first_id = cards.first.get_attribute("id")
            page.evaluate(f"location.hash = {first_id!r}")
            assert "is-target" in (cards.first.get_attribute("class") or "")
        # A claim in a folded article: its citation link unfolds the article and shows it.
        folded = page.locator("details.article:not([open]) mark.claim")
        if folded.count():
            claim_id = folded.first.get_attribute("id")
            page.evaluate("window.scrollTo(0, 0)")
            page.locator(f"#claims-table a[href='#{claim_id}']").click()
            target = page.locator(f"[id='{claim_id}']")
            target.wait_for(state="visible")
            box = target.bounding_box()
            assert box is not None and 0 <= box["y"] < 1400
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(REPORTS / "report-screenshot-seeds.png"))
        w.assert_clean()
        assert not re.search(r"<script[^>]*>\s*alert", page.content())
    finally:
        w.close()
