"""Syndication: the same wire story in several files is one source, not several.

Sentences are the unit. Every sentence of every article (and every claim's sentence) is
normalised (textnorm), shingled into word 3-grams and indexed with MinHash/LSH; candidate
pairs are confirmed by exact Jaccard, and confirmed pairs join one sentence cluster. A
claim's cluster is its sentence's cluster, so a figure copied into three files is one
source, while two different sentences of one article stay independent of each other.

Articles are then grouped by what they share: two articles are copies when enough of the
shorter one's sentences have a near-duplicate in the other (a containment test, so an
article reprinted inside a longer digest, or with a paragraph cut, still matches). A
shared quotation alone does not make two articles copies.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import regex

from factcheck.checks.minhash import MinHashLSH, jaccard
from factcheck.checks.textnorm import normalise_tokens, shingles, split_sentences
from factcheck.model import Article, Claim


@dataclass(frozen=True)
class SyndicationParams:
    shingle_size: int = 3
    min_tokens: int = 6              # shorter sentences only match when identical
    sentence_threshold: float = 0.5  # Jaccard of shingle sets for one sentence cluster
    article_min_shared: int = 3      # shared sentences before two articles can be copies
    article_min_share: float = 0.5   # ... and at least this share of the shorter article
    # A sentence carried by more articles than this is stock wording ("Prices are subject
    # to change", a standard disclaimer), not evidence of copying: it is left out of the
    # article comparison. The cap grows with the corpus so a story reprinted widely in a
    # large archive still counts.
    boilerplate_carriers: int = 50
    max_bucket: int = 16             # LSH bucket size beyond which look-alikes are a template
    boilerplate_share: float = 0.005
    num_perm: int = 128
    bands: int = 32

    @staticmethod
    def from_mapping(params: Mapping) -> "SyndicationParams":
        known = SyndicationParams.__dataclass_fields__
        return SyndicationParams(**{k: type(getattr(SyndicationParams, k))(v)
                                    for k, v in params.items() if k in known})


@dataclass(frozen=True)
class ArticleCluster:
    id: str
    articles: tuple[str, ...]             # Article ids, sorted
    shared_sentences: int                 # near-duplicate sentences linking the copies
    similarity: float                     # lowest containment among the linking pairs


@dataclass(frozen=True)
class Syndication:
    sentence_cluster: Mapping[tuple[str, ...], str]      # normalised tokens -> cluster id
    cluster_articles: Mapping[str, frozenset[str]]      # sentence cluster -> article ids
    article_cluster: Mapping[str, str]                   # article id -> its cluster id
    clusters: tuple[ArticleCluster, ...] = field(default=())

    def cluster_of_sentence(self, sentence: str) -> str:
        """The sentence's cluster id; "" for a sentence with no words (it joins nothing)."""
        tokens = tuple(normalise_tokens(sentence))
        if not tokens:
            return ""
        return self.sentence_cluster.get(tokens) or _cluster_id([tokens])


_DIGITS = regex.compile(r"\d+(?:\.\d+)?")


def _figures(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The numbers of a sentence as written, whatever the scale word ("1.3bn", "1.3 billion")."""
    return tuple(sorted(m.group() for tok in tokens for m in _DIGITS.finditer(tok)))


def _cluster_id(members: Sequence[tuple[str, ...]]) -> str:
    first = min(" ".join(m) for m in members)
    return "s" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:12]


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_LAST: list = []     # one (key, result): assign_clusters and run_checks share the analysis


def analyse_syndication(articles: Sequence[Article], claims: Sequence[Claim],
                        params: SyndicationParams = SyndicationParams()) -> Syndication:
    """Sentence clusters and article clusters for a corpus (independent of input order)."""
    key = (params, frozenset((a.id, a.text) for a in articles),
           frozenset((c.article, c.sentence) for c in claims))
    if _LAST and _LAST[0][0] == key:
        return _LAST[0][1]
    result = _analyse(articles, claims, params)
    _LAST[:] = [(key, result)]
    return result


def _analyse(articles: Sequence[Article], claims: Sequence[Claim],
             params: SyndicationParams) -> Syndication:
    articles = sorted(articles, key=lambda a: a.id)
    # Distinct normalised sentences, and which articles carry each (article sentences only:
    # a claim's sentence is its article's text again, cut perhaps at other boundaries).
    texts: dict[tuple[str, ...], int] = {}
    carriers: list[set[str]] = []
    article_sentences: dict[str, set[int]] = {}

    def intern(tokens: tuple[str, ...]) -> int:
        index = texts.get(tokens)
        if index is None:
            index = texts[tokens] = len(carriers)
            carriers.append(set())
        return index

    for article in articles:
        own: set[int] = set()
        for _, sentence in split_sentences(article.text):
            tokens = tuple(normalise_tokens(sentence))
            if not tokens:
                continue
            index = intern(tokens)
            carriers[index].add(article.id)
            if len(tokens) >= params.min_tokens:
                own.add(index)
        article_sentences[article.id] = own
    for claim in sorted(claims, key=lambda c: c.id):
        tokens = tuple(normalise_tokens(claim.sentence))
        if tokens:
            carriers[intern(tokens)].add(claim.article)

    ordered = sorted(texts, key=lambda t: " ".join(t))
    index_of = {t: i for i, t in enumerate(ordered)}
    remap = [0] * len(ordered)
    for tokens, old in texts.items():
        remap[old] = index_of[tokens]
    carriers = [carriers[texts[t]] for t in ordered]
    article_sentences = {a: {remap[i] for i in s} for a, s in article_sentences.items()}

    sets = [shingles(list(t), params.shingle_size) for t in ordered]
    figures = [_figures(t) for t in ordered]
    lsh = MinHashLSH(num_perm=params.num_perm, bands=params.bands)
    for i, tokens in enumerate(ordered):
        if len(tokens) >= params.min_tokens:
            # A reprint that changed a figure is not a copy of it: that change is exactly
            # the discrepancy a desk wants to see. Only sentences with the same figures
            # share LSH buckets, which also keeps look-alike template sentences apart.
            lsh.add(i, sets[i], salt=" ".join(figures[i]))
    uf = _UnionFind(len(ordered))
    for a, b in lsh.candidates(max_bucket=params.max_bucket):
        if figures[a] == figures[b] and jaccard(sets[a], sets[b]) >= params.sentence_threshold:
            uf.union(a, b)

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        members[uf.find(i)].append(i)
    sentence_cluster: dict[tuple[str, ...], str] = {}
    cluster_articles: dict[str, frozenset[str]] = {}
    root_articles: dict[int, frozenset[str]] = {}
    for root, group in members.items():
        cid = _cluster_id([ordered[i] for i in group])
        owners = frozenset().union(*(carriers[i] for i in group))
        root_articles[root] = owners
        cluster_articles[cid] = owners
        for i in group:
            sentence_cluster[ordered[i]] = cid

    clusters = _article_clusters(articles, article_sentences, uf, root_articles, params)
    article_cluster = {a.id: a.id for a in articles}
    for cluster in clusters:
        for member in cluster.articles:
            article_cluster[member] = cluster.id
    return Syndication(sentence_cluster, cluster_articles, article_cluster, tuple(clusters))


def _article_clusters(articles: Sequence[Article], article_sentences: Mapping[str, set[int]],
                      uf: _UnionFind, root_articles: Mapping[int, frozenset[str]],
                      params: SyndicationParams) -> list[ArticleCluster]:
    cap = max(params.boilerplate_carriers, int(params.boilerplate_share * len(articles)))
    # Each article's distinctive sentences, as sentence-cluster roots; stock wording is out.
    roots_of = {a: {r for r in (uf.find(i) for i in s) if len(root_articles[r]) <= cap}
                for a, s in article_sentences.items()}
    # For each pair of articles sharing a sentence: how many of A's sentences B carries.
    # Only pairs that share something are visited, at most cap^2 per sentence.
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for article_id, roots in roots_of.items():
        for root in roots:
            for other in root_articles[root]:
                if other != article_id:
                    shared[(article_id, other)] += 1
    ids = [a.id for a in articles]
    position = {a: i for i, a in enumerate(ids)}
    uf_articles = _UnionFind(len(ids))
    link: dict[tuple[str, str], tuple[int, float]] = {}
    for (a, b), count in shared.items():
        if a > b:
            continue
        back = shared.get((b, a), 0)
        n = min(len(roots_of[a]), len(roots_of[b]))
        both = min(count, back)
        if n and both >= params.article_min_shared and both / n >= params.article_min_share:
            uf_articles.union(position[a], position[b])
            link[(a, b)] = (both, min(1.0, both / n))
    groups: dict[int, list[str]] = defaultdict(list)
    for article_id in ids:
        groups[uf_articles.find(position[article_id])].append(article_id)
    links_of: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (a, _b), value in link.items():
        links_of[uf_articles.find(position[a])].append(value)
    out = []
    for root, group in groups.items():
        if len(group) < 2:
            continue
        pairs = links_of[root]
        cid = "a" + hashlib.sha1("|".join(sorted(group)).encode("utf-8")).hexdigest()[:12]
        out.append(ArticleCluster(id=cid, articles=tuple(sorted(group)),
                                  shared_sentences=max(p[0] for p in pairs),
                                  similarity=round(min(p[1] for p in pairs), 4)))
    return sorted(out, key=lambda c: c.articles)


# --------------------------------------------------------------------------- FC103

def _register() -> None:
    from factcheck.checks.findings import make_finding
    from factcheck.checks.registry import register

    @register("syndication")
    def check_syndication(ctx, rule):
        """One info finding per cluster of copied articles, naming every copy."""
        syn = ctx.syndication
        by_article = ctx.memo("claims_by_article", lambda: _claims_by_article(ctx.claims))
        for cluster in syn.clusters:
            members = set(cluster.articles)
            copied = [c for a in sorted(members) for c in by_article.get(a, ())
                      if len(syn.cluster_articles.get(c.cluster, ()) & members) > 1]
            arts = [ctx.articles_by_id[a] for a in cluster.articles if a in ctx.articles_by_id]
            first = min(arts, key=lambda a: (len(a.headline) == 0, a.id)) if arts else None
            headline = (first.headline if first else "")[:80]
            where = ", ".join(f"{a.path}:{a.line_start}" for a in arts)
            message = (f"{len(arts)} articles carry the same story"
                       + (f" \u201c{headline}\u201d" if headline else "")
                       + f" ({where}); counted as one source")
            details = {
                "articles": [{"id": a.id, "path": a.path, "line_start": a.line_start,
                              "headline": a.headline, "outlet": a.outlet,
                              "published": a.published.isoformat() if a.published else None}
                             for a in arts],
                "cluster": cluster.id,
                "shared_sentences": cluster.shared_sentences,
                "containment": cluster.similarity,
                "copied_claims": len(copied),
            }
            yield make_finding(rule.code, rule.kind, "info", " + ".join(cluster.articles),
                               message, copied, details)


def _claims_by_article(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for claim in claims:
        out.setdefault(claim.article, []).append(claim)
    return out


_register()
