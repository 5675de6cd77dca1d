"""Ingest: readers, charsets, splitting, dates, and exact source positions."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest

from factcheck.ingest import IngestError, discover, load, read_document

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

WIRE = """\
Wednesday, June 04, 2025

Copper Smelter Output Slips After Power Cuts

The northern smelter produced 41,000 tonnes of refined copper in May, down 6% from April, the operator said on Tuesday.

Managers expect output to recover to 44,000 tonnes in June once the grid stabilises.

By Maria Lopez for Metals Weekly


Rail Freight Volumes Climb to Two-Year High

By Tom Reed and Sara Kim
June 3, 2025
REUTERS

LIMA, June 3 (Reuters) - Rail operators moved 2.4 million tonnes of freight last month, the highest since 2023, the transport ministry said.

Grain accounted for 30% of the total as the harvest arrived early.

(By Tom Reed and Sara Kim)

Port Authority Approves New Container Terminal

Harbour Times | June 4, 2025 |

The port authority approved a $1.2 billion container terminal that would add capacity for 900,000 containers a year.

Construction is expected to take three years, officials said in a statement.
"""


def _write(tmp_path: Path, name: str, content, mode="w", **kw) -> str:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding=kw.get("encoding", "utf-8"), newline="")
    return str(p)


def _assert_positions(article, raw_text: str, needles):
    lines = raw_text.replace("\r\n", "\n").split("\n")
    for needle in needles:
        offset = article.text.find(needle)
        assert offset >= 0, needle
        line, col = article.locate(offset)
        assert lines[line - 1][col:col + len(needle)] == needle, (needle, line, col)


# -- plain text splitting ------------------------------------------------------------

def test_wire_file_splits_into_articles_with_bylines_and_dates(tmp_path):
    path = _write(tmp_path, "wire.txt", WIRE)
    doc = read_document(path)
    heads = [a.headline for a in doc.articles]
    assert heads == ["Copper Smelter Output Slips After Power Cuts",
                     "Rail Freight Volumes Climb to Two-Year High",
                     "Port Authority Approves New Container Terminal"]
    a, b, c = doc.articles
    assert (a.author, a.outlet) == ("Maria Lopez", "Metals Weekly")
    assert (a.published, a.published_from) == (dt.date(2025, 6, 4), "file-heading")
    assert (b.author, b.outlet) == ("Tom Reed and Sara Kim", "Reuters")
    assert (b.published, b.published_from) == (dt.date(2025, 6, 3), "byline")
    assert (c.outlet, c.published, c.published_from) == ("Harbour Times", dt.date(2025, 6, 4), "byline")
    assert a.id == f"{path}#0" and c.index == 2
    assert a.line_start == 3 and a.text.startswith("Copper Smelter")
    assert a.text.rstrip().endswith("Metals Weekly")
    for art in doc.articles:
        lines = WIRE.split("\n")
        assert art.text == "\n".join(lines[art.line_start - 1:art.line_end])
        _assert_positions(art, WIRE, ["tonnes", "%"] if "tonnes" in art.text else ["$1.2"])


def test_dateline_without_year_is_completed_from_file_heading(tmp_path):
    text = ("Monday, January 06, 2025\n\nGas Storage Falls Below Average\n\n"
            "OSLO, Dec 30 (Reuters) - Gas storage fell to 71% of capacity by the end of the "
            "week, operators said in a note to clients.\n")
    art = read_document(_write(tmp_path, "d.txt", text)).articles[0]
    assert (art.published, art.published_from) == (dt.date(2024, 12, 30), "dateline")
    assert art.outlet == "Reuters"


def test_no_date_anywhere_stays_unknown(tmp_path):
    text = ("Wind Farm Reaches Full Capacity\n\nThe offshore wind farm now supplies 1.1 "
            "gigawatts to the grid, its owner said last week in a short statement.\n")
    art = read_document(_write(tmp_path, "n.txt", text)).articles[0]
    assert art.published is None and art.published_from == "unknown"


def test_subheadings_inside_an_article_do_not_split(tmp_path):
    text = ("Refinery Restart Delayed Again\n\n"
            "The refinery will stay shut until at least July, the company said in a filing on Friday.\n\n"
            "What Went Wrong?\n\n"
            "Inspectors found corrosion in two of the 14 crude units, according to the filing.\n\n"
            "Next Steps\n"
            "Repairs will cost about $40 million and take eight weeks, the company estimated.\n")
    doc = read_document(_write(tmp_path, "s.txt", text))
    assert len(doc.articles) == 1


def test_repeated_title_starts_a_new_article(tmp_path):
    text = ("Dam Project Wins Funding\n\nDam Project Wins Funding\n\n"
            "The regional bank approved a loan of $300 million for the dam, officials said.\n\n\n"
            "Ferry Strike Ends After Two Weeks\n\nPhoto caption text\n\n"
            "Ferry Strike Ends After Two Weeks\n\n"
            "Ferry crews returned to work on Monday after a 14-day strike over pay, the union said.\n")
    doc = read_document(_write(tmp_path, "r.txt", text))
    assert [a.headline for a in doc.articles] == ["Dam Project Wins Funding",
                                                  "Ferry Strike Ends After Two Weeks"]


def test_trailer_and_author_card(tmp_path):
    text = ("Solar Tariff Cut Approved\n\n"
            "Regulators cut the feed-in tariff by 12% for new rooftop systems from next quarter.\n\n"
            "Lena Park\n\nReporter\n\nRead more\n\n"
            "Unrelated teaser about 45 missing hikers in the mountains last weekend.\n")
    doc = read_document(_write(tmp_path, "t.txt", text))
    assert len(doc.articles) == 1
    art = doc.articles[0]
    assert art.author == "Lena Park" and "hikers" not in art.text


def test_markdown_headings_rules_and_bylines(tmp_path):
    text = ("# Lithium Prices Recover\n\n*By Ana Silva*\n\n"
            "Lithium carbonate prices rose 8% in the second quarter, traders said on Monday.\n\n"
            "---\n\n## Nickel Mine Expansion Stalls\n\n"
            "The nickel mine expansion has stalled after costs rose to $2.1 billion, the owner said.\n")
    doc = read_document(_write(tmp_path, "m.md", text))
    assert [a.headline for a in doc.articles] == ["Lithium Prices Recover", "Nickel Mine Expansion Stalls"]
    assert doc.articles[0].author == "Ana Silva"
    _assert_positions(doc.articles[1], text, ["$2.1 billion"])


# -- charsets, odd files ---------------------------------------------------------------

BODY = "Steel Output Grows\n\nThe mill in Düsseldorf made 120,000 tonnes in March, a record for the café town.\n"


def test_bom_and_crlf(tmp_path):
    path = _write(tmp_path, "b.txt", b"\xef\xbb\xbf" + BODY.replace("\n", "\r\n").encode())
    doc = read_document(path)
    art = doc.articles[0]
    assert doc.encoding == "utf-8-sig" and not doc.warnings
    assert "\r" not in art.text and art.text.startswith("Steel")
    _assert_positions(art, BODY, ["120,000", "café"])


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_single_byte_charsets_are_reported(tmp_path, codec):
    text = BODY.replace("record", "“record”") if codec == "cp1252" else BODY
    path = _write(tmp_path, "l.txt", text.encode(codec))
    doc = read_document(path)
    assert doc.encoding != "utf-8"
    assert any("not valid UTF-8" in w for w in doc.warnings)
    assert "Düsseldorf" in doc.articles[0].text
    _, problems = load([path])
    assert problems and problems[0].level == "warning"


def test_invalid_utf8_is_replaced_and_reported(tmp_path):
    data = BODY.encode() + b"Trailing bytes \xff\xfe\xfa here and more text follows.\n" * 2
    doc = read_document(_write(tmp_path, "bad.txt", data))
    assert doc.warnings
    assert doc.articles


def test_binary_empty_unreadable(tmp_path):
    with pytest.raises(IngestError, match="binary"):
        read_document(_write(tmp_path, "x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 20))
    doc = read_document(_write(tmp_path, "e.txt", b""))
    assert doc.articles == () and doc.warnings == ("empty file",)
    locked = _write(tmp_path, "locked.txt", BODY)
    os.chmod(locked, 0)
    try:
        try:
            open(locked).close()
            pytest.skip("running as a user who can read mode-000 files")
        except PermissionError:
            pass
        with pytest.raises(IngestError, match="permission"):
            read_document(locked)
        docs, problems = load([locked])
        assert docs == [] and problems[0].level == "error"
    finally:
        os.chmod(locked, 0o644)


# -- discovery -----------------------------------------------------------------------

def test_discover_folders_globs_and_missing(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    _write(tmp_path, "a.txt", BODY)
    _write(tmp_path, "sub/b.md", BODY)
    _write(tmp_path, ".hidden/c.txt", BODY)
    _write(tmp_path, "sub/skip.pdf", b"%PDF")
    files, problems = discover([str(tmp_path), str(tmp_path / "a.txt"), str(tmp_path / "nope.txt")])
    assert files == sorted({str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")})
    assert [p.level for p in problems] == ["error"]
    files, problems = discover([str(tmp_path / "**" / "*.md")])
    assert files == [str(tmp_path / "sub" / "b.md")] and not problems
    (tmp_path / "empty").mkdir()
    _write(tmp_path, "empty/notes.csv", "a,b\n")
    docs, problems = load([str(tmp_path / "empty")])
    assert docs == [] and problems[0].level == "warning"


def test_big_file_is_linear_and_splits(tmp_path):
    block = ("Harbour Dredging Contract Signed Today\n\n"
             + "The port signed a dredging contract worth $45 million covering 3.2 km of channel. " * 3
             + "\n\nBy Omar Haddad for Coastal Review\n\n\n")
    n = 20_000_000 // len(block) + 1
    path = _write(tmp_path, "big.txt", block * n)
    t0 = time.perf_counter()
    doc = read_document(path)
    elapsed = time.perf_counter() - t0
    assert len(doc.articles) == n
    assert doc.articles[-1].author == "Omar Haddad"
    assert elapsed < 60, elapsed


# -- HTML --------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Grid Upgrade Approved | Daily Current</title>
<meta property="article:published_time" content="2025-05-20T09:00:00+02:00">
<meta property="og:site_name" content="Daily Current">
<style>.x { width: 100px }</style>
<script>window.stats = {"views": 125000};</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/energy">Energy 24/7</a></nav></header>
<main><article>
  <h1>Grid Upgrade Approved</h1>
  <p class="byline">By Nina Brandt</p>
  <p>The regulator approved a grid upgrade costing
     &euro;3.4 billion, with 1,200 km of new lines by 2030.</p>
  <figure><img src="p.jpg"><figcaption>Pylons near the border, 9 May 2025.</figcaption></figure>
  <aside class="related">Also read: prices fell 9%</aside>
  <div class="share-buttons">Shared 4,500 times</div>
  <p>Consumers will pay about 2&#37; more from &lt;next&gt; year.</p>
  <form><input name="q"> Search 10 sites</form>
</article></main>
<footer>&copy; 2025 Daily Current, 80 staff</footer>
</body></html>
"""


def test_html_main_text_metadata_and_positions(tmp_path):
    path = _write(tmp_path, "p.html", PAGE)
    doc = read_document(path)
    assert len(doc.articles) == 1
    art = doc.articles[0]
    assert art.headline == "Grid Upgrade Approved"
    assert (art.author, art.outlet) == ("Nina Brandt", "Daily Current")
    assert (art.published, art.published_from) == (dt.date(2025, 5, 20), "metadata")
    for gone in ("125000", "Home", "Pylons", "9%", "4,500", "Search", "80 staff", "width"):
        assert gone not in art.text, gone
    assert "€3.4 billion" in art.text and "2% more from <next> year" in art.text
    assert "\n\n" in art.text      # paragraphs stay apart
    _assert_positions(art, PAGE, ["3.4 billion", "1,200 km", "2030", "Consumers", "more from",
                                  "Grid Upgrade", "Nina"])
    lines = PAGE.split("\n")
    line, col = art.locate(art.text.index("€"))
    assert lines[line - 1][col:col + 6] == "&euro;"
    assert art.line_start == 10 and art.line_end == 17


def test_html_without_article_uses_body_and_title(tmp_path):
    page = ("<html><head><title>Bridge Tolls Rise</title></head><body>\n"
            "<div id=\"sidebar\">Top 10 stories</div>\n"
            "<p>WARSAW, May 2 (PAP) - Tolls on the river bridge rise by 15% from June, the city said.</p>\n"
            "<time datetime=\"2025-05-02\">2 May</time>\n</body></html>\n")
    art = read_document(_write(tmp_path, "b.htm", page)).articles[0]
    assert art.headline == "Bridge Tolls Rise" and art.text.startswith("Bridge Tolls Rise\n\n")
    assert "Top 10" not in art.text
    assert art.outlet == "PAP"
    assert art.published == dt.date(2025, 5, 2)
    _assert_positions(art, page, ["15%", "Bridge Tolls"])


def test_html_jsonld_metadata(tmp_path):
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Tin Exports Halted",
          "datePublished": "2025-02-11", "author": [{"@type": "Person", "name": "Ravi Nair"}],
          "publisher": {"@type": "Organization", "name": "Ore Post"}}
    page = (f"<html><head><script type=\"application/ld+json\">{json.dumps(ld)}</script></head>"
            "<body><article><p>Tin exports stopped after a ban on shipments of 5,000 tonnes.</p>"
            "</article></body></html>")
    art = read_document(_write(tmp_path, "ld.html", page)).articles[0]
    assert (art.author, art.outlet, art.published) == ("Ravi Nair", "Ore Post", dt.date(2025, 2, 11))


# -- JSON / JSONL ------------------------------------------------------------------------

@pytest.mark.parametrize("title,date,body,outlet,author,url", [
    ("title", "date", "body", "outlet", "author", "url"),
    ("headline", "published", "text", "publisher", "byline", "link"),
    ("Title", "pubDate", "content", "source", "authors", "canonical_url"),
    ("heading", "published_at", "article_body", "site_name", "creator", "permalink"),
])
def test_json_field_names(tmp_path, title, date, body, outlet, author, url):
    rec = {title: "Cocoa Harvest Shrinks", date: "2025-03-14T06:00:00Z",
           body: "The cocoa harvest fell 11% to 1.8 million tonnes,\nfarmers' groups said.",
           outlet: "Crop Wire", author: "Efua Mensah", url: "https://example.org/cocoa"}
    raw = json.dumps(rec, indent=2, ensure_ascii=False)
    art = read_document(_write(tmp_path, "one.json", raw)).articles[0]
    assert art.headline == "Cocoa Harvest Shrinks"
    assert (art.published, art.published_from) == (dt.date(2025, 3, 14), "metadata")
    assert (art.outlet, art.author, art.url) == ("Crop Wire", "Efua Mensah", "https://example.org/cocoa")
    assert art.text.startswith("Cocoa Harvest Shrinks\n\nThe cocoa harvest")
    _assert_positions(art, raw, ["11%", "1.8 million", "farmers", "Cocoa Harvest"])


def test_jsonl_list_wrapper_and_html_body(tmp_path):
    lines = [
        json.dumps({"title": "Fuel Duty Frozen", "date": "Thu, 10 Apr 2025 08:00:00 GMT",
                    "body": "<p>The duty stays at 52.95 pence a litre &amp; will be reviewed.</p>",
                    "authors": [{"name": "Kate Moss"}, {"name": "Ian Roe"}]}),
        "",
        "{not json",
        json.dumps({"headline": "Bus Fares Capped", "text": ["Fares are capped at 2 pounds.",
                                                             "The cap costs 150 million a year."]}),
    ]
    raw = "\n".join(lines) + "\n"
    doc = read_document(_write(tmp_path, "feed.jsonl", raw))
    assert len(doc.articles) == 2 and any("line 3" in w for w in doc.warnings)
    a, b = doc.articles
    assert a.author == "Kate Moss and Ian Roe" and a.published == dt.date(2025, 4, 10)
    assert "&amp;" not in a.text and "<p>" not in a.text
    _assert_positions(a, raw, ["52.95 pence", "reviewed"])
    assert b.published is None and b.published_from == "unknown"
    _assert_positions(b, raw, ["2 pounds", "150 million"])
    wrapped = json.dumps({"items": [{"title": "X Y Z", "content": "Text with 3 numbers here."}]})
    assert len(read_document(_write(tmp_path, "w.json", wrapped)).articles) == 1
    with pytest.raises(IngestError, match="invalid JSON at line 1"):
        read_document(_write(tmp_path, "broken.json", '{"title": "A", "body": '))


# -- the seed corpus -----------------------------------------------------------------

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not present")


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(prefix + "_*.txt"))


@needs_seeds
def test_seed_000_articles():
    doc = read_document(str(_seed("000")))
    got = [(a.headline.split()[0:3], a.author, a.outlet, a.published, a.published_from)
           for a in doc.articles]
    april1, march31 = dt.date(2025, 4, 1), dt.date(2025, 3, 31)
    assert len(doc.articles) == 7
    assert [a.author for a in doc.articles] == [
        "Alex Kimani", "Tsvetana Paraskova", "Tsvetana Paraskova", "Robert Berke", "",
        "Olesia Safronova and Aliaksandr Kudrytski", "Guy Faulconbridge and Lidia Kelly"]
    assert [a.outlet for a in doc.articles] == [
        "Oilprice.com", "Oilprice.com", "Oilprice.com", "Oilprice.com", "RFE/RL",
        "Bloomberg News", "Reuters"]
    assert [a.published for a in doc.articles] == [april1] * 6 + [march31], got
    assert doc.articles[0].published_from == "file-heading"
    assert doc.articles[6].published_from in ("byline", "dateline")
    assert doc.articles[3].headline.endswith("Too Good for Trump To Refuse")
    assert all(a.headline and a.headline[0].isupper() for a in doc.articles)
    assert [a.headline.split()[0] for a in doc.articles] == [
        "Kazakhstan", "Russia", "Kazakhstan", "The", "Ukraine", "Ukraine", "Russia,"]


@needs_seeds
def test_seed_files_dates_and_splits():
    counts = {"001": 2, "002": 1, "003": 1, "004": 1}
    for prefix, n in counts.items():
        doc = read_document(str(_seed(prefix)))
        assert len(doc.articles) == n, prefix
    assert read_document(str(_seed("003"))).articles[0].published_from == "unknown"
    assert read_document(str(_seed("003"))).articles[0].published is None


@needs_seeds
def test_seed_source_maps_point_at_the_file():
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        lines = raw.replace("\r\n", "\n").split("\n")
        for art in read_document(str(path)).articles:
            step = max(1, len(art.text) // 25)
            for offset in range(0, len(art.text), step):
                if art.text[offset] == "\n":
                    continue
                line, col = art.locate(offset)
                assert lines[line - 1][col] == art.text[offset], (path.name, offset)
            assert art.line_start <= art.line_end


def test_html_table_rows_read_as_lines_with_cells_apart(tmp_path):
    page = ("<html><body><article><h1>Grain Shipments</h1>\n"
            "<p>Wheat shipped from the port by quarter, thousand tonnes.</p>\n"
            "<table>\n<thead><tr><th></th><th>2023</th><th>2024</th></tr></thead>\n"
            "<tbody>\n<tr><td>Q1</td><td>410</td><td>395</td></tr>\n"
            "<tr><td>Q2</td><td></td><td>388</td></tr>\n"
            "<tr>\n  <td>Total</td>\n  <td>1,640</td>\n  <td>1,602</td>\n</tr>\n"
            "</tbody></table>\n<p>Shipments resumed in May.</p></article></body></html>\n")
    art = read_document(_write(tmp_path, "t.html", page)).articles[0]
    assert "| 2023 | 2024\nQ1 | 410 | 395\nQ2 |  | 388\nTotal | 1,640 | 1,602" in art.text
    assert "\n\nShipments resumed" in art.text      # the table is a paragraph of its own
    _assert_positions(art, page, ["410", "388", "1,602", "Total", "Shipments"])


def test_an_outlet_line_may_end_in_a_channel_number(tmp_path):
    path = tmp_path / "tv.txt"
    path.write_text("Channel 4 | June 2, 2025 |\n\nThe port handled 41 ships last week.\n",
                    encoding="utf-8")
    (article,) = read_document(str(path)).articles
    assert article.outlet == "Channel 4"
    assert article.published.isoformat() == "2025-06-02"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_short_title_over_a_byline_heads_a_hard_wrapped_story(tmp_path, newline):
    text = newline.join([
        "Cocoa slump",
        "By Ama Owusu | March 14, 2025",
        "",
        "Ghana's cocoa arrivals fell to 310,000",
        "tonnes in February, down from 355,000",
        "tonnes a year earlier, the regulator said.",
        "",
    ])
    path = tmp_path / "cocoa.txt"
    path.write_bytes(text.encode("utf-8"))
    [article] = read_document(str(path)).articles
    assert article.headline == "Cocoa slump"
    assert article.author == "Ama Owusu"
    assert article.published == dt.date(2025, 3, 14)
    assert article.line_start == 1



def test_a_byline_over_the_title_or_under_a_kicker_dates_the_story(tmp_path):
    over = tmp_path / "over.txt"
    over.write_text("By Ama Owusu | March 14, 2025\nGhana cocoa arrivals slump in February"
                    "\n\nArrivals fell to 310,000 tonnes in February, the regulator said on "
                    "Friday.\n", encoding="utf-8")
    [article] = read_document(str(over)).articles
    assert article.headline == "Ghana cocoa arrivals slump in February"
    assert (article.published, article.author, article.line_start) == (
        dt.date(2025, 3, 14), "Ama Owusu", 1)
    kicker = tmp_path / "kicker.txt"
    kicker.write_text("ANALYSIS\nGhana cocoa\nand the rains\nBy Ama Owusu | March 14, 2025"
                      "\n\nArrivals fell to 310,000\ntonnes in February.\n", encoding="utf-8")
    [article] = read_document(str(kicker)).articles
    assert article.published == dt.date(2025, 3, 14) and article.line_start == 1


def test_stories_with_two_word_titles_over_their_bylines_are_apart(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text(
        "Cocoa slump\nBy Ama Owusu | March 14, 2025\n\nGhana's cocoa arrivals fell to "
        "310,000 tonnes in February, the regulator said on Friday.\n\nGold rally\nBy Kofi "
        "Mensah | March 15, 2025\n\nGhana's gold exports rose 12% in February, the central "
        "bank said on Saturday.\n", encoding="utf-8")
    first, second = read_document(str(path)).articles
    assert (first.headline, first.published) == ("Cocoa slump", dt.date(2025, 3, 14))
    assert (second.headline, second.published) == ("Gold rally", dt.date(2025, 3, 15))
    assert second.author == "Kofi Mensah"


COCOA_STORY = ("Cocoa arrivals slump in Ghana\nBy Ama Owusu | March 14, 2025\n\nGhana's cocoa "
               "arrivals fell to 310,000 tonnes in February, the regulator said on Friday.\n\n")


def test_a_short_label_over_a_credit_line_starts_no_article(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(
        COCOA_STORY +
        "Top stories\n(Reporting by Ama Owusu; Editing by Tom Hogue)\n\n"
        "Gold exports rise in February\nBy Kofi Mensah | March 15, 2025\n\nGhana's gold "
        "exports rose 12% in February, the central bank said on Saturday.\n",
        encoding="utf-8")
    articles = read_document(str(path)).articles
    assert [a.headline for a in articles] == ["Cocoa arrivals slump in Ghana",
                                             "Gold exports rise in February"]
    assert articles[1].author == "Kofi Mensah"


def test_a_file_of_hard_wrapped_stories_is_cut_into_its_stories(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Cocoa arrivals slump\nBy Ama Owusu | March 14, 2025\n\n"
        "Ghana's cocoa arrivals fell to 310,000 tonnes in February, the\n"
        "regulator said on Friday, as dry winds hurt the main crop in the\n"
        "west of the country.\n\n"
        "Gold exports rise\nBy Kofi Mensah | March 15, 2025\n\n"
        "Ghana's gold exports rose 12% in February from a year earlier,\n"
        "the central bank said on Saturday, helped by record prices and\n"
        "new output at two mines.\n", encoding="utf-8")
    first, second = read_document(str(path)).articles
    assert (first.headline, first.published, first.line_end) == (
        "Cocoa arrivals slump", dt.date(2025, 3, 14), 6)
    assert (second.headline, second.published, second.author) == (
        "Gold exports rise", dt.date(2025, 3, 15), "Kofi Mensah")


def test_a_hard_wrapped_story_with_a_credit_line_stays_whole(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(
        "Copper output slips in Chile\nBy Ana Ruiz | April 8, 2025\n\n"
        "Chile's copper output fell 3% in March from a year earlier, the\n"
        "mining ministry said on Tuesday, as maintenance slowed two mines.\n\n"
        "Codelco said work at El Teniente would end in April and\n"
        "output would recover in the second quarter, while smaller\n"
        "mines kept their plans for the year unchanged.\n\n"
        "(Reporting by Ana Ruiz; Editing by Tom Hogue)\n", encoding="utf-8")
    [article] = read_document(str(path)).articles
    assert article.published == dt.date(2025, 4, 8)


def test_a_two_word_title_over_a_byline_without_a_date_starts_a_story(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text(
        "Cocoa slump\nBy Ama Owusu | March 14, 2025\n\nGhana's cocoa arrivals fell to "
        "310,000 tonnes in February, the regulator said on Friday.\n\nCopper slump\n"
        "By Ana Ruiz\nFebruary 4, 2026\n\nChile's copper output fell 3% in January, the "
        "ministry said on Wednesday.\n", encoding="utf-8")
    first, second = read_document(str(path)).articles
    assert second.headline == "Copper slump" and second.published == dt.date(2026, 2, 4)


def test_a_masthead_in_bold_markdown_dates_the_story(tmp_path):
    path = tmp_path / "bold.md"
    path.write_text("**Santiago Business Times** | April 2, 2025\n\n# Copper output slips\n\n"
                    "Chile's copper output fell 3% in March from a year earlier, the mining "
                    "ministry said on Tuesday.\n", encoding="utf-8")
    [article] = read_document(str(path)).articles
    assert article.published == dt.date(2025, 4, 2)
    assert article.outlet == "Santiago Business Times"


def test_a_title_over_a_two_line_standfirst_and_byline_starts_a_story(tmp_path):
    path = tmp_path / "deck.txt"
    path.write_text(
        COCOA_STORY +
        "Peru zinc output climbs\nNew mines in the south lift output for a third month\n"
        "as prices recover on world markets\nBy Marco Diaz | May 7, 2025\n\nPeru's zinc "
        "output rose 6% in April, the mining ministry said on Wednesday.\n",
        encoding="utf-8")
    first, second = read_document(str(path)).articles
    assert second.headline.startswith("Peru zinc output climbs")
    assert (second.author, second.published) == ("Marco Diaz", dt.date(2025, 5, 7))
