"""The HTML report of a large corpus: every finding stays, the rest is what its cards link to."""

import dataclasses
import re
from html.parser import HTMLParser

import pytest

from factcheck.model import Finding
from factcheck.report.fixtures import sample_report
from factcheck.report.html import (
    FULL_REPORT_ARTICLES, FULL_REPORT_CLAIMS, article_html, build_context, claim_row, is_large,
    render_html,
)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if "id" in a]

    def links(self) -> list[str]:
        return [a["href"][1:] for t, a in self.tags if t == "a" and a.get("href", "")[:1] == "#"]


def tags(page: str) -> Tags:
    t = Tags()
    t.feed(page)
    return t


def _unlinked_article(report, i: int):
    """An article no finding points to, with one claim of its own."""
    source = report.articles[1]
    article = dataclasses.replace(source, id=f"corpus/quiet-{i}.txt#0",
                                  path=f"corpus/quiet-{i}.txt")
    claim = next(c for c in report.claims if c.article == source.id)
    claim = dataclasses.replace(claim, id=f"quiet{i}", article=article.id, path=article.path)
    return article, claim


@pytest.fixture(scope="module")
def report():
    base = sample_report()
    extra = [_unlinked_article(base, i) for i in range(3)]
    return dataclasses.replace(base, articles=base.articles + tuple(a for a, _ in extra),
                               claims=base.claims + tuple(c for _, c in extra))


@pytest.fixture(scope="module")
def large(report):
    return render_html(report, full=False, run_date="2025-04-03")


@pytest.fixture(scope="module")
def full(report):
    return render_html(report, full=True, run_date="2025-04-03")


def _card(page: str, finding_id: str) -> str:
    return page.split(f'id="{finding_id}"')[1].split("</article>")[0]


def test_every_finding_keeps_its_figures_sentences_and_citations(report, large, full):
    assert large.count('<article class="card') == len(report.findings)
    claims = {c.id: c for c in report.claims}
    for f in report.findings:
        card, full_card = _card(large, f.id), _card(full, f.id)
        assert card == full_card
        for cid in f.claims:
            c = claims[cid]
            assert f"{c.path}:{c.line}:{c.start + 1}" in card


def test_every_link_on_the_page_has_its_target(large, full):
    for page in (large, full):
        doc = tags(page)
        ids = set(doc.ids())
        assert len(ids) == len(doc.ids())
        assert [link for link in doc.links() if link not in ids] == []


def test_only_the_articles_the_findings_link_to_are_kept_closed(report, large):
    doc = tags(large)
    shown = [a["id"] for t, a in doc.tags if t == "details" and "article" in a.get("class", "")]
    assert len(shown) == 3  # the sample's three cited articles; the quiet ones are left out
    assert "quiet" not in large and "quiet-0.txt" not in large
    assert not re.search(r'<details class="article"[^>]* open', large)
    assert "shown here are the 3 articles the findings link to, of 6 read" in large
    assert "Every article and claim is in the JSON report" in large
    assert 'Articles <span class="count">3 of 6</span>' in large


def test_claims_table_holds_the_claims_the_findings_show(report, large):
    cited = {c for f in report.findings for c in f.claims}
    table = large.split('id="claims-table"')[1].split("</table>")[0]
    assert table.count("<tr>") == len(cited) + 1
    assert f"The {len(cited)} claims shown in the findings above, of {len(report.claims)}" in large
    for c in report.claims:
        assert (f'href="#claim-{c.id}"' in table) == (c.id in cited)


def test_only_shown_figures_are_marked_and_each_tooltip_resolves(report, large):
    doc = tags(large)
    ids = set(doc.ids())
    marks = [a for t, a in doc.tags if t == "mark" and "claim" in a.get("class", "")]
    cited = {c for f in report.findings for c in f.claims}
    assert sorted(a["id"] for a in marks) == sorted(f"claim-{c}" for c in cited)
    assert all(a["aria-describedby"] in ids for a in marks)


def test_a_finding_with_many_claims_brings_only_the_articles_its_card_lists(report):
    """Past five sides the rest spill into a sixth that lists eight more; others are counted."""
    articles, claims = list(report.articles), list(report.claims)
    for i in range(20):
        a, c = _unlinked_article(report, 100 + i)
        articles.append(a)
        claims.append(c)
    many = Finding(id="fmany", rule="FC101", kind="conflict", severity="error",
                   message="many figures", claims=tuple(c.id for c in claims[-20:]))
    r = dataclasses.replace(report, articles=tuple(articles), claims=tuple(claims),
                            findings=(many,))
    page = render_html(r, full=False)
    doc = tags(page)
    assert [x for x in doc.links() if x not in set(doc.ids())] == []
    shown = [a["id"] for t, a in doc.tags if t == "details" and "article" in a.get("class", "")]
    assert len(shown) == 5 + 1 + 8  # five sides, the spill side and its first eight
    assert "and 6 more" in page


def test_copies_of_a_story_bring_their_articles(report):
    quiet = report.articles[-1]
    syn = Finding(id="fsyn", rule="FC103", kind="syndication", severity="info",
                  message="2 articles carry the same story", claims=(),
                  details={"articles": [
                      {"id": quiet.id, "path": quiet.path, "line_start": 1,
                       "headline": "Copy", "outlet": "", "published": None}]})
    page = render_html(dataclasses.replace(report, findings=(syn,)), full=False)
    doc = tags(page)
    shown = [a["id"] for t, a in doc.tags if t == "details" and "article" in a.get("class", "")]
    copy_links = [x for x in doc.links() if x.startswith("article-")]
    assert copy_links and shown == copy_links  # the copy's article, and nothing else


def test_size_decides_when_not_told(report):
    assert not is_large(report)
    assert build_context(report).full
    filler = tuple(dataclasses.replace(report.articles[1], id=f"filler#{i}")
                   for i in range(FULL_REPORT_ARTICLES - len(report.articles)))
    at_limit = dataclasses.replace(report, articles=report.articles + filler)
    assert not is_large(at_limit)
    over = dataclasses.replace(at_limit, articles=at_limit.articles + (
        dataclasses.replace(report.articles[1], id="filler#over"),))
    assert is_large(over)
    ctx = build_context(over)
    assert not ctx.full and len(ctx.articles) == 3
    many_claims = dataclasses.replace(report, claims=tuple(
        dataclasses.replace(report.claims[-1], id=f"many{i}")
        for i in range(FULL_REPORT_CLAIMS + 1)))
    assert is_large(many_claims)


def test_small_corpus_page_shows_everything(report, full):
    assert render_html(report, run_date="2025-04-03") == full
    marks = [a for t, a in tags(full).tags if t == "mark" and "claim" in a.get("class", "")]
    assert len(marks) == len(report.claims)
    assert 'id="articles-scope"' not in full and 'id="claims-scope"' not in full


HOSTILE = '<script>alert("x")</script> & \'q\''


def test_readings_are_escaped_in_tooltips_and_rows(report):
    claim = dataclasses.replace(report.claims[0], entity=HOSTILE, attribution=HOSTILE,
                                metric="a<u>", period="<p>", modality="<m>", notes=(HOSTILE,))
    r = dataclasses.replace(report, claims=(claim,) + report.claims[1:])
    views = build_context(r, full=True)
    view = next(v for v in views.claims if v.claim.id == claim.id)
    article = next(a for a in r.articles if a.id == claim.article)
    for html in (str(article_html(article, [view])), claim_row(view)):
        assert "<script>" not in html and "<u>" not in html and "<p>" not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;q&#39;" in html
    for full in (True, False):
        page = render_html(r, full=full)
        assert "<script>alert" not in page and "<m>" not in page
        assert page.count("<script") == 1


def test_hostile_article_text_is_escaped_when_large(report, large):
    assert "<img src=x" not in large and "&lt;img src=x onerror=alert(1)&gt;" in large
    assert "</textarea>" not in large and "beside {{ 7*7 }} in the draft" in large
    assert large.count("<script") == 1


def test_output_head_names_the_generator_early(large):
    # A report saved inside the corpus folder can be known from its first bytes.
    assert '<meta name="generator" content="factcheck">' in large[:256]
