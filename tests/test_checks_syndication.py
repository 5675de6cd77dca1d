"""FC103: near-duplicate sentences and articles form one source."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks import assign_clusters, load_check_rules, run_checks
from factcheck.checks.minhash import MinHashLSH, jaccard
from factcheck.checks.syndication import analyse_syndication
from factcheck.checks.textnorm import normalise_tokens, shingles, split_sentences
from test_checks_support import article, claim

RULES = load_check_rules()
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

WIRE = [
    "The U.S. defence department signed contracts totalling $1.2 billion for armoured vehicles.",
    "The programme will modernise the fleet over the next five years, officials said on Monday.",
    "Deliveries of the first vehicles are scheduled to begin at the end of the year.",
    "The centre of production will be a factory in the north of the country, the ministry said.",
    "Labour unions welcomed the decision, which is expected to create about 800 jobs.",
]
REPRINT = [
    "The US defense department signed contracts totaling $1.2 billion for armored vehicles.",
    "The program will modernize the fleet over the next five years, officials said Monday.",
    "Deliveries of the first vehicles are scheduled to begin at the end of the year.",
    "The center of production will be a factory in the north of the country, the ministry said.",
    "Labor unions welcomed the decision, which is expected to create about 800 jobs.",
]
OTHER = [
    "Wheat harvests in the south fell sharply after a dry spring and an early heatwave.",
    "Farmers said yields were down by a third on last season in the worst-hit districts.",
    "The agriculture ministry has promised compensation for the hardest-hit producers.",
    "Grain prices on the local exchange rose for a fourth consecutive week on Friday.",
]


@pytest.mark.parametrize("a,b", [
    ("U.S. officials", "US officials"), ("defence", "defense"), ("totalling", "totaling"),
    ("organise", "organize"), ("colour", "color"), ("“quoted”", '"quoted"'),
    ("rare-earth", "rare earth"), ("1,200 tonnes", "1200 tons"), ("5 per cent", "5%"),
])
def test_spelling_variants_normalise_alike(a, b):
    assert normalise_tokens(a) == normalise_tokens(b)


def test_sentence_splitter_keeps_abbreviations_and_cuts_lines():
    parts = [s for _, s in split_sentences("U.S. President Smith spoke. He left.\nNext line")]
    assert parts == ["U.S. President Smith spoke.", "He left.", "Next line"]


def test_lsh_finds_near_duplicates_and_not_strangers():
    lsh = MinHashLSH()
    sets = {i: shingles(normalise_tokens(s)) for i, s in enumerate(WIRE + REPRINT + OTHER)}
    for i, s in sets.items():
        lsh.add(i, s)
    pairs = {(a, b) for a, b in lsh.candidates() if jaccard(sets[a], sets[b]) >= 0.5}
    assert {(i, i + 5) for i in range(5)} <= pairs
    assert not any(a >= 10 or b >= 10 for a, b in pairs)


def test_reprinted_story_is_one_cluster_and_one_info_finding():
    a = article("wire/agency.txt", " ".join(WIRE), headline="Army orders new vehicles")
    b = article("site/reprint.txt", " ".join(REPRINT), headline="Army orders vehicles")
    c = article("site/farm.txt", " ".join(OTHER), headline="Dry spring hits wheat")
    key = dict(entity="United States", metric="budget", period="2025")
    claims = [claim(a, "$1.2 billion", unit="USD", **key),
              claim(b, "$1.2 billion", unit="USD", **key)]
    clustered = assign_clusters([a, b, c], claims, RULES)
    assert clustered[0].cluster == clustered[1].cluster
    findings = run_checks(clustered, [a, b, c], RULES)
    (f,) = findings
    assert (f.rule, f.kind, f.severity) == ("FC103", "syndication", "info")
    assert [x["id"] for x in f.details["articles"]] == ["site/reprint.txt#0", "wire/agency.txt#0"]
    assert set(f.claims) == {c.id for c in clustered}
    assert "counted as one source" in f.message


def test_a_shared_quote_does_not_make_two_articles_copies():
    quote = "Officials said the programme will modernise the fleet over the next five years."
    a = article("a.txt", quote + " " + " ".join(OTHER))
    b = article("b.txt", quote + " Markets were closed for the holiday and trading was thin.")
    syn = analyse_syndication([a, b], [])
    assert syn.clusters == ()
    assert syn.cluster_of_sentence(quote) == syn.cluster_of_sentence(
        quote.replace("programme", "program").replace("modernise", "modernize"))


def test_cluster_ids_do_not_depend_on_order_or_lines():
    a = article("wire/agency.txt", " ".join(WIRE))
    b = article("site/reprint.txt", " ".join(REPRINT), line_start=30)
    one = analyse_syndication([a, b], [])
    two = analyse_syndication([b, a], [])
    assert one.clusters == two.clusters and one.sentence_cluster == two.sentence_cluster


def test_an_article_listed_twice_is_one_article():
    a = article("wire/agency.txt", " ".join(WIRE))
    b = article("site/reprint.txt", " ".join(REPRINT))
    assert analyse_syndication([a, b, a], []).clusters == analyse_syndication([a, b], []).clusters


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not present")
def test_seed_wire_story_copies_form_one_cluster():
    from factcheck.ingest import load

    documents, _ = load([str(SEEDS)])
    articles = [a for d in documents for a in d.articles]
    syn = analyse_syndication(articles, [])
    files = [sorted({a.split("#")[0].rsplit("/", 1)[-1][:3] for a in c.articles})
             for c in syn.clusters]
    # The wire story about rare-earth talks: last article of 000, first of 001, and 003.
    assert files == [["000", "001", "003"]]
    (cluster,) = syn.clusters
    assert len(cluster.articles) == 3
    by_id = {a.id: a for a in articles}
    assert all("rare earth" in by_id[a].text.lower() for a in cluster.articles)


def test_claims_without_a_sentence_join_no_cluster():
    a = article("a.txt", "Output was 2.12 million bpd.")
    b = article("b.txt", "Output was 2.17 million bpd.")
    from dataclasses import replace as _replace
    claims = [_replace(claim(a, "2.12 million", unit="bbl/d"), sentence=""),
              _replace(claim(b, "2.17 million", unit="bbl/d"), sentence="")]
    assert [c.cluster for c in assign_clusters([a, b], claims, RULES)] == ["", ""]


def test_a_reprint_that_changes_a_figure_is_not_a_copy_of_it():
    original = ("The regional grid operator said on Monday that 41,000 homes were still without "
                "power after the storm brought down lines across the valley.")
    altered = original.replace("41,000", "14,000")
    a = article("wire/storm.txt", original)
    b = article("site/storm.txt", altered)
    key = dict(entity="United States", metric="people_affected", period="2025-04-01")
    claims = [claim(a, "41,000", unit="", **key), claim(b, "14,000", unit="", **key)]
    clustered = assign_clusters([a, b], claims, RULES)
    assert clustered[0].cluster != clustered[1].cluster
    kinds = {f.kind for f in run_checks(clustered, [a, b], RULES)}
    assert "conflict" in kinds
