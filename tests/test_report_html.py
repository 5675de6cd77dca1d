"""HTML report rendering: content, escaping of hostile text, CSP and self-containment."""

import base64
import dataclasses
import hashlib
import html as htmllib
import re
from html.parser import HTMLParser

import pytest

from factcheck.model import INF, Report
from factcheck.report.fixtures import HOSTILE_AUTHOR, HOSTILE_HEADLINE, sample_report
from factcheck.report.html import (
    format_interval, render_html, sentence_segments, strip_plot,
)


@pytest.fixture(scope="module")
def report():
    return sample_report()


@pytest.fixture(scope="module")
def page(report):
    return render_html(report, title="Desk check <April>", run_date="2025-04-03",
                       rules_version="r7")


class Collector(HTMLParser):
    """Tags, attributes and script bodies as a browser's tokenizer sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "script":
            self._in_script = attrs
            self.scripts.append((attrs, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)


def parse(page: str) -> Collector:
    c = Collector()
    c.feed(page)
    return c


def test_hostile_strings_are_escaped_everywhere(page):
    doc = parse(page)
    # Exactly one script element, ours; no element or handler came from article text.
    assert [t for t, _ in doc.tags].count("script") == 1
    assert not any(t == "img" for t, _ in doc.tags)
    assert not any(k.startswith("on") for _, attrs in doc.tags for k in attrs)
    assert not any(str(v).strip().lower().startswith("javascript:")
                   for _, attrs in doc.tags for v in attrs.values() if v)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;/textarea&gt;" in page and "&lt;/script&gt;" in page
    assert "beside {{ 7*7 }} in the draft" in page  # template syntax in text stays literal
    assert "a `rise` of &lt;b&gt;" in page and "&lt;/b&gt;." in page
    # Attributes: quotes in the author cannot break out of data-search.
    searches = [a["data-search"] for t, a in doc.tags if t == "article"]
    assert any(HOSTILE_AUTHOR.lower() in s for s in searches)
    assert HOSTILE_AUTHOR not in page


def test_title_and_headline_escaped(page):
    assert "<title>Desk check &lt;April&gt;</title>" in page
    assert htmllib.escape(HOSTILE_HEADLINE) in page


def test_csp_hash_matches_the_inline_script(page):
    doc = parse(page)
    meta = [a for t, a in doc.tags if t == "meta" and a.get("http-equiv") ==
            "Content-Security-Policy"]
    assert len(meta) == 1
    policy = meta[0]["content"]
    assert "default-src 'none'" in policy and "img-src data:" in policy
    (_, body), = doc.scripts
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_self_contained(page):
    doc = parse(page)
    for tag, attrs in doc.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            if value is None:
                continue
            assert value.startswith(("#", "data:")), (tag, name, value)
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "@import" not in page and "url(" not in page


def test_ids_are_unique_and_findings_anchor_by_fingerprint(page, report):
    doc = parse(page)
    assert len(doc.ids) == len(set(doc.ids))
    for f in report.findings:
        assert f.id in doc.ids
        assert f'href="#{f.id}"' in page


def test_summary_and_cards(page, report):
    assert "Run 2025-04-03" in page and "rules r7" in page
    assert page.count('<article class="card') == len(report.findings)
    # Error first, then warnings, then info.
    order = re.findall(r'<article class="card sev-(\w+)"', page)
    assert order == sorted(order, key=["error", "warning", "info"].index)
    conflict = page.split('id="' + report.findings[0].id + '"')[1].split("</article>")[0]
    assert "<mark>1.96 million barrels per day</mark>" in conflict
    assert "<mark>2.01 million bpd</mark>" in conflict
    assert "corpus/steppe-daily.txt:3:37" in conflict
    assert "Northline Wire" in conflict and "Jon Barros" in conflict
    assert "50,000 bbl/d (2.55%)" in conflict
    assert "relative 0.5%" in conflict
    assert "<svg" in conflict and "</svg>" in conflict


def test_sentence_highlight_uses_offsets(report):
    article = {a.id: a for a in report.articles}
    claim = report.claims[2]  # "1.88 million bpd"
    segs = sentence_segments(claim, article[claim.article])
    assert [s.text for s in segs if s.mark] == ["1.88 million bpd"]
    assert "".join(s.text for s in segs) == claim.sentence


def test_sentence_highlight_falls_back_to_text_search(report):
    claim = dataclasses.replace(report.claims[2], sentence="Output was 1.88 million bpd.")
    segs = sentence_segments(claim, None)
    assert [s.text for s in segs if s.mark] == ["1.88 million bpd"]
    missing = dataclasses.replace(claim, sentence="No figure here.")
    assert [s.mark for s in sentence_segments(missing, None)] == [False]


def test_article_view_marks_every_claim_with_a_tooltip(page, report):
    doc = parse(page)
    marks = [a for t, a in doc.tags if t == "mark" and "claim" in a.get("class", "")]
    assert len(marks) == len(report.claims)
    for attrs in marks:
        assert attrs["tabindex"] == "0"
        assert attrs["aria-describedby"] in doc.ids


def test_claims_table_headers_are_sortable(page, report):
    doc = parse(page)
    ths = [a for t, a in doc.tags if t == "th"]
    assert ths and all(a.get("aria-sort") == "none" for a in ths)
    assert page.split('id="claims-table"')[1].count("<tr>") == len(report.claims) + 1


def test_strip_plot_handles_open_and_degenerate_intervals():
    svg = strip_plot([("a", 2.1e6, 2.1e6, INF), ("b", None, 1.9e6, 2.0e6)], "bbl/d")
    assert svg.startswith("<svg") and 'class="arrow' in svg
    assert "inf" not in svg.lower().replace("info", "")
    same = strip_plot([("x", 5.0, 5.0, 5.0), ("y", 5.0, 5.0, 5.0)], "%")
    assert "nan" not in same.lower()
    assert strip_plot([("only", 1.0, 1.0, 1.0)], "") == ""
    hostile = strip_plot([("<b>x</b>", 1.0, 0.5, 1.5), ("y&z", 2.0, 1.5, 2.5)], "")
    assert "<b>" not in hostile and "&lt;b&gt;" in hostile and "y&amp;z" in hostile


def test_interval_formatting():
    assert format_interval(1.955e6, 1.965e6, "bbl/d") == "1.955 – 1.965 million bbl/d"
    assert format_interval(130000, INF, "t") == "≥ 130,000 t"
    assert format_interval(-INF, 5, "%") == "≤ 5%"
    assert format_interval(2.0, 2.0, "") == "2"


def test_empty_report_renders():
    empty = Report(schema="factcheck/report/v1", summary={}, articles=(), claims=(),
                   findings=())
    page = render_html(empty)
    assert "No discrepancies found" in page
    assert 'id="filters"' not in page


def test_unknown_details_render_generically(report):
    f = dataclasses.replace(report.findings[0], details={
        "weird": {"nested": [1, 2.5, INF]}, "flag": True, "text": "<i>x</i>"})
    r = dataclasses.replace(report, findings=(f,))
    page = render_html(r)
    assert "weird" in page and "nested: 1, 2.5, ∞" in page
    assert "&lt;i&gt;x&lt;/i&gt;" in page


def test_article_texts_override(report):
    a = report.articles[0]
    texts = {a.id: a.text.replace("oil fields", "oil-fields")}
    page = render_html(report, article_texts=texts)
    assert "oil-fields delivered" in page


def test_claims_agreeing_on_a_value_share_one_side(report):
    conflict = report.findings[0]
    extra = report.claims[6]  # a third claim, grouped with the first value
    values = [dict(conflict.details["values"][0]), dict(conflict.details["values"][1])]
    values[0]["claims"] = [conflict.claims[0], extra.id]
    values[0]["outlets"] = ["Steppe Daily", "Northline Wire"]
    f = dataclasses.replace(conflict, claims=conflict.claims + (extra.id,),
                            details={**conflict.details, "values": values})
    page = render_html(dataclasses.replace(report, findings=(f,)))
    card = page.split('<article class="card')[1]
    assert card.count('<div class="side"') == 2
    assert "Same figure in 1 more claim:" in card
    assert "corpus/wire-copy.txt:5:17" in card
    assert "Steppe Daily, Northline Wire" in card  # plot label from the value's outlets


def test_message_drops_the_key_prefix_the_title_already_says(report):
    f = dataclasses.replace(report.findings[0], message="K · m · 2025-03: 1 vs 2",
                            details={**report.findings[0].details, "key_text": "K · m · 2025-03"})
    page = render_html(dataclasses.replace(report, findings=(f,)))
    assert '<p class="message">1 vs 2</p>' in page
    assert "key text" not in page  # not repeated under More details


def test_syndication_lists_the_copies(report):
    from factcheck.model import Finding
    f = Finding(id="fsyn", rule="FC103", kind="syndication", severity="info",
                message="2 articles carry the same story", claims=(report.claims[0].id,),
                details={"articles": [
                    {"id": report.articles[0].id, "path": "corpus/steppe-daily.txt",
                     "line_start": 1, "headline": "<em>Copied</em>", "outlet": "Steppe Daily",
                     "published": "2025-04-02"},
                    {"id": "other#0", "path": "corpus/other.txt", "line_start": 7,
                     "headline": "Copied", "outlet": "", "published": None}]})
    page = render_html(dataclasses.replace(report, findings=(f,)))
    card = page.split('<article class="card')[1].split("</article>")[0]
    assert 'class="sides"' not in card
    assert "corpus/other.txt:7" in card and "&lt;em&gt;Copied&lt;/em&gt;" in card
    assert "1 figure in the copies, counted once" in card
    assert "Near-duplicate text across files" in card  # title from the rule, no key


def test_long_corpus_opens_only_cited_articles(report):
    many = tuple(dataclasses.replace(report.articles[1], id=f"extra#{i}") for i in range(8))
    page = render_html(dataclasses.replace(report, articles=report.articles + many))
    opened = re.findall(r'<details class="article" id="([^"]+)"( open)?>', page)
    assert sum(1 for _, o in opened if o) == 3  # the three articles findings cite
    assert len(opened) == 11


def test_explanation_not_repeated_when_it_is_the_message(report):
    f = dataclasses.replace(report.findings[1], message="reported 4.3%, computed 4.26%",
                            details={"explanation": "reported 4.3%, computed 4.26%"})
    page = render_html(dataclasses.replace(report, findings=(f,)))
    assert "reported 4.3%, computed 4.26%</p>" in page  # the message
    assert "class=\"explanation\"" not in page
