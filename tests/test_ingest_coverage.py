"""Bad input loses nothing: every line with a figure or a sentence lands in exactly one
article, or is named in a Document warning. Checked on generated corpora (where the
generator also says how many articles each file holds and how each is dated), on the seed
documents, and on random layouts."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from factcheck.ingest import read_document
from factcheck.ingest.dates import date_line
from factcheck.ingest.layout import is_noise
from factcheck.ingest.plain import read_plain

ROOT = Path(__file__).resolve().parents[1]
SEED_DIRS = [ROOT.parent / "shared" / "seeds", ROOT / "seeds"]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _needs_keeping(line: str) -> bool:
    """A line an article may need: it holds a digit, or a sentence of eight words or more.
    A date alone (read as metadata) and page noise ("3 min read") are not needed."""
    s = " ".join(line.split())
    if not s or date_line(s) or is_noise(s):
        return False
    return any(c.isdigit() for c in s) or (len(s.split()) >= 8 and s[-1] in ".!?\"”’)")


def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        return next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    return 0


def _assert_nothing_lost(doc, text: str, allow_warnings: bool = True):
    lines = text.replace("\r\n", "\n").split("\n")
    owner: dict[int, int] = {}
    for a in doc.articles:
        for n in range(a.line_start, a.line_end + 1):
            assert n not in owner, f"line {n} is in two articles"
            owner[n] = a.index
    warned = " ".join(doc.warnings)
    skip = _front_matter_end(lines) if doc.path.endswith(".md") else 0
    for n, line in enumerate(lines, 1):
        if n <= skip or n in owner or not _needs_keeping(line):
            continue
        assert allow_warnings and "outside any article" in warned and str(n) in warned, (
            f"{doc.path}:{n} dropped without a warning: {line.strip()[:80]!r}")


def _generated(seed: int, articles: int = 60):
    """(relative path, text, [(headline, date)] per article) for one generated corpus."""
    import make_corpus
    real = dict(make_corpus.RENDER)
    drafts: dict[str, list] = {}

    def recording(kind):
        def render(ds, fdate, rng):
            drafts[ds[0].file] = [(d.headline, d.date) for d in ds]
            return real[kind](ds, fdate, rng)
        return render

    make_corpus.RENDER.update({k: recording(k) for k in real})
    try:
        files = list(make_corpus.generate_articles(articles, seed))
    finally:
        make_corpus.RENDER.update(real)
    return [(rel, text, drafts[rel]) for rel, text in files]


@pytest.mark.parametrize("seed", [1, 7, 23])
def test_generated_corpora_lose_nothing_and_split_as_written(tmp_path, seed):
    for rel, text, truth in _generated(seed):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        doc = read_document(str(path))
        if rel.endswith((".txt", ".md")):
            _assert_nothing_lost(doc, text, allow_warnings=False)
        assert len(doc.articles) == len(truth), rel
        for art, (headline, date) in zip(doc.articles, truth):
            assert art.headline.lstrip("# ") == headline, rel
            assert art.published == date, (rel, art.index, art.published_from)


@pytest.mark.parametrize("folder", SEED_DIRS, ids=lambda p: p.name)
def test_seed_documents_lose_nothing_silently(folder):
    if not folder.is_dir():
        pytest.skip("seed documents not present")
    for path in sorted(folder.glob("*.txt")) + sorted(folder.glob("*.md")):
        _assert_nothing_lost(read_document(str(path)), path.read_text(encoding="utf-8"))


# -- random layouts ------------------------------------------------------------------------

HEADLINES = st.sampled_from([
    "Grain Exports Climb Ahead of Harvest", "Port Strike Ends After Nine Days",
    "Central Bank Holds Rates Steady", "Wind Farm Output Sets a Winter High"])
PARAGRAPHS = st.sampled_from([
    "The port handled 4.2 million tonnes of grain in the first quarter, the authority said.",
    "Officials said talks with the dock workers would resume after the holiday weekend.",
    "Turbines on the coast produced 310 gigawatt hours in January, up 12% on a year earlier.",
    "Analysts expect the bank to keep its key rate at 16% until inflation slows further.",
    "Farmers in the south say the dry spring has already cut yields in several districts.",
])
TOPS = st.sampled_from(["", "By Hannah Lowe - Mar 04, 2025", "Coastal Ledger | April 2, 2025 |",
                        "By Omar Reyes | Coastal Ledger | March 9, 2025"])
NOISE = st.sampled_from(["Advertisement", "3 min read", "Share this article", "Read more",
                         "Related: Rail freight rates fall for a second month",
                         "A crane at the grain terminal. Coastal Ledger/Hannah Lowe",
                         "Leave a reply", "Sign up for our morning briefing"])
ENDS = st.sampled_from(["", "By Hannah Lowe for Coastal Ledger", "(By Omar Reyes)",
                        "Reporting by Omar Reyes; Editing by Ann Kell"])
GAPS = st.sampled_from(["\n\n", "\n\n\n", "\n\n\n\n"])


@st.composite
def articles(draw):
    parts = [draw(HEADLINES)]
    top = draw(TOPS)
    if top:
        parts.append("\n" + top)
    parts.append("\n\n")
    body = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()) and body:
            body.append(draw(NOISE))
        body.append(draw(PARAGRAPHS))
    if draw(st.integers(0, 4)) == 0:
        body.append(draw(NOISE))
    end = draw(ENDS)
    if end:
        body.append(end)
    return "".join(parts) + "\n\n".join(body)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(articles(), GAPS), min_size=1, max_size=5),
       st.sampled_from(["", "Tuesday, March 04, 2025\n\n"]))
def test_random_layouts_lose_nothing_silently(items, heading):
    text = heading + "".join(a + gap for a, gap in items)
    arts, warnings = read_plain("f.txt", text)

    class Doc:
        path = "f.txt"

    doc = Doc()
    doc.articles, doc.warnings = arts, tuple(warnings)
    _assert_nothing_lost(doc, text)


# -- the classes of line behind the invariant ------------------------------------------------

def _read(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return read_document(str(p))


def test_read_more_between_paragraphs_keeps_the_rest_of_the_article(tmp_path):
    text = ("Tuesday, May 06, 2025\n\n\nCopper Mine Restarts After Flood\n\n"
            "The mine in the north reopened on Monday after three weeks of pumping, its owner said.\n\n"
            "Read more\n\n"
            "Output should reach 85,000 tonnes a year by the autumn, the company said in a statement.\n\n"
            "Share this article\n\n"
            "Workers were told to expect overtime through the summer, a union official said.\n")
    doc = _read(tmp_path, "m.txt", text)
    assert len(doc.articles) == 1 and not doc.warnings
    assert "85,000 tonnes" in doc.articles[0].text and "overtime" in doc.articles[0].text


def test_text_after_a_closing_trailer_is_named_not_dropped_silently(tmp_path):
    text = ("Ferry Fares Rise Again\n\n"
            "Ferry operators raised fares by 6% on Monday, the second rise this year, they said.\n\n"
            "Leave a reply\n\n"
            "Teaser: river levels fell 40 cm overnight as the drought deepened in the valley\n")
    doc = _read(tmp_path, "f.txt", text)
    assert len(doc.articles) == 1 and "40 cm" not in doc.articles[0].text
    assert any("outside any article" in w and "line 7" in w for w in doc.warnings)


def test_wire_credit_line_closes_its_article_and_names_the_reporters(tmp_path):
    text = ("Monday, June 02, 2025\n\n\n"
            "Rail Freight Volumes Slip in May\n\n"
            "VIENNA, June 2 (Danube Wire) - Rail freight fell 3.1% in May from April, the operator said.\n\n"
            "The operator blamed track works on two main lines for most of the fall, it said.\n\n"
            "Reporting by Petra Novak in Vienna and Ivo Bauer; Editing by Ann Kell\n\n\n"
            "Airport Traffic Beats Forecast\n"
            "By Lena Ortiz - Jun 02, 2025\n\n"
            "Passenger numbers at the airport rose to 2.4 million in May, the operator said on Monday.\n")
    doc = _read(tmp_path, "w.txt", text)
    assert [a.headline for a in doc.articles] == ["Rail Freight Volumes Slip in May",
                                                  "Airport Traffic Beats Forecast"]
    assert doc.articles[0].author == "Petra Novak and Ivo Bauer"
    assert doc.articles[0].outlet == "Danube Wire"
    assert "Editing by" in doc.articles[0].text


@pytest.mark.parametrize("noise", [
    "2 min read", "Share this article", "Advertisement",
    "Related: Bus drivers vote on a new pay offer",
    "Commuters wait on a platform in the city centre. (Photo: Coastal Ledger)",
    "A tram at the depot. File Photo by Hannah Lowe/Coastal Ledger",
    "Commuters at the main station. Coastal Ledger/Hannah Lowe",
])
def test_page_noise_is_never_a_headline_nor_an_article(tmp_path, noise):
    text = ("Monday, June 02, 2025\n\n\n"
            "Tram Fares Frozen for Another Year\n\n"
            f"{noise}\n\n"
            "The city froze tram fares at 2.10 euros for another year, the council said on Monday.\n\n"
            f"{noise}\n\n"
            "Ticket sales rose 8% last year as more commuters left their cars at home, it said.\n\n\n\n"
            f"{noise}\n\n"
            "Ticket sales rose 8% last year as more commuters left their cars at home, it said.\n")
    doc = _read(tmp_path, "n.txt", text)
    assert [a.headline for a in doc.articles] == ["Tram Fares Frozen for Another Year"]


def test_byline_with_outlet_and_date_between_bars(tmp_path):
    text = ("# Harbour Dredging Finishes Early\n\n"
            "*By Omar Reyes | Coastal Ledger | March 9, 2025*\n\n"
            "Dredging of the harbour channel finished two weeks early at a cost of 14 million euros.\n")
    art = _read(tmp_path, "h.md", text).articles[0]
    assert (art.author, art.outlet, art.published, art.published_from) == (
        "Omar Reyes", "Coastal Ledger", dt.date(2025, 3, 9), "byline")


def test_markdown_front_matter_is_metadata(tmp_path):
    text = ("---\ntitle: \"Bridge Tolls Cut for Lorries\"\ndate: 2025-03-22\n"
            "author: [Hannah Lowe, Omar Reyes]\npublication: Coastal Ledger\n"
            "url: https://ledger.example/bridge-tolls\n---\n\n"
            "# Bridge Tolls Cut for Lorries\n\n"
            "Tolls for lorries on the bridge fall by a quarter from April, the transport board said.\n")
    doc = _read(tmp_path, "b.md", text)
    art = doc.articles[0]
    assert (art.headline, art.author, art.outlet, art.url) == (
        "Bridge Tolls Cut for Lorries", "Hannah Lowe and Omar Reyes", "Coastal Ledger",
        "https://ledger.example/bridge-tolls")
    assert (art.published, art.published_from) == (dt.date(2025, 3, 22), "metadata")
    assert art.line_start == 9 and not doc.warnings


def test_front_matter_that_is_not_yaml_is_reported_and_a_leading_rule_is_text(tmp_path):
    bad = _read(tmp_path, "bad.md", "---\ntitle: [unclosed\ndate: 2025-03-22\n---\n\n"
                "Tolls for lorries on the bridge fall by a quarter from April, the board said.\n")
    assert any("front matter" in w for w in bad.warnings)
    assert bad.articles and bad.articles[0].published is None
    rule = _read(tmp_path, "rule.md", "---\n\nBridge Tolls Cut\n\n"
                 "Tolls for lorries on the bridge fall by a quarter from April, the board said.\n\n"
                 "---\n")
    assert rule.articles[0].headline == "Bridge Tolls Cut" and not rule.warnings


def test_dateline_without_year_takes_the_nearest_year(tmp_path):
    def dated(heading: str, dateline: str) -> dt.date:
        text = (f"{heading}\n\n\nHarbour Traffic Steady\n\n"
                f"PORTO, {dateline} (Danube Wire) - Ship calls held at 212 in the month, the port said.\n")
        return _read(tmp_path, "d.txt", text).articles[0].published

    assert dated("Friday, January 02, 2026", "Dec 30") == dt.date(2025, 12, 30)
    assert dated("Tuesday, December 30, 2025", "Jan 2") == dt.date(2026, 1, 2)
    assert dated("Monday, March 10, 2025", "March 19") == dt.date(2025, 3, 19)
