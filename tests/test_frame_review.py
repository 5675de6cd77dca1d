"""Claim framing, review pass: ordinary news phrasing that gave false conflicts.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from factcheck.extract import find_quantities
from factcheck.frame import frame_article, load_framing_rules
from factcheck.model import Article, SourceMap

JUNE_3 = dt.date(2025, 6, 3)
SURE = 0.7          # the conflict checks act only on claims at least this sure


@pytest.fixture(scope="module")
def rules():
    return load_framing_rules()


def article(text: str, headline: str = "", index: int = 0,
            date: dt.date | None = JUNE_3) -> Article:
    return Article(id=f"r.txt#{index}", path="r.txt", index=index, headline=headline,
                   outlet="", author="", published=date, published_from="metadata",
                   text=text, line_start=1, line_end=text.count("\n") + 1,
                   source=SourceMap.for_lines(text))


def frame(rules, text: str, date: dt.date | None = JUNE_3) -> dict:
    a = article(text, date=date)
    return {c.text: c for c in frame_article(a, find_quantities(text), rules)}


def claims_of(rules, a: Article):
    return frame_article(a, find_quantities(a.text), rules)


def claim(claims: dict, starts: str):
    hits = [c for t, c in claims.items() if t.startswith(starts)]
    assert hits, f"no figure starting {starts!r} in {list(claims)}"
    return hits[0]


# --- claim ids ------------------------------------------------------------------------

def test_claim_ids_do_not_move_when_an_article_is_added_above(rules):
    text = "Lumber mills in Ontario shipped 40,000 tonnes of pulp in May."
    first = claims_of(rules, article(text, headline="Pulp shipments climb", index=0))
    moved = claims_of(rules, article(text, headline="Pulp  shipments climb", index=1))
    assert [c.id for c in first] == [c.id for c in moved]
    other = claims_of(rules, article(text, headline="A different story", index=0))
    assert [c.id for c in first] != [c.id for c in other]


def test_article_without_headline_is_keyed_by_its_opening_text(rules):
    text = "Ferry traffic across the strait carried 12,000 cars in April."
    a = claims_of(rules, article(text, index=0))
    b = claims_of(rules, article(text, index=3))
    assert [c.id for c in a] == [c.id for c in b]


def test_a_sentence_repeated_as_a_pull_quote_gives_distinct_ids(rules):
    quote = "The mill will cut 300 jobs by autumn."
    text = f"{quote} Workers gathered outside the gates on Monday. {quote}"
    ids = [c.id for c in claims_of(rules, article(text))]
    assert len(ids) == 2 and len(set(ids)) == 2
