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
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Mapping, Sequence
from zlib import crc32

import numpy as np
import regex

from factcheck.checks.minhash import band_hashes_flat, bucket_pair_codes
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
    boilerplate_max: int = 100       # ... but never beyond this: the pair work is cap^2 per sentence
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
class ArticleSignature:
    """What syndication needs of one article: its distinct normalised sentences (and its
    claims' sentences), each as a stable key, a word count, its figures and its shingles.

    Made in the per-file step, where it runs in parallel and is cached with the file, so
    the corpus-wide step never tokenises text again. Numbers are packed in machine arrays
    (an archive holds millions of sentences), read back whole by the corpus-wide step.
    """

    article: str
    packed_keys: bytes                  # uint64: 64-bit key of each distinct sentence
    packed_tokens: bytes                # uint32: its word count
    packed_own: bytes                   # uint8: an article sentence long enough to link copies
    packed_figures: bytes               # uint64: key of its numbers as written (0: none)
    packed_shingles: bytes              # uint32: sorted distinct shingle hashes, end to end
    packed_ends: bytes                  # uint32: where each sentence's shingles end
    claim_keys: tuple[tuple[str, int], ...] = ()    # claim id -> its sentence's key, 0: none


@dataclass(frozen=True)
class Syndication:
    sentence_cluster: Mapping[int, str]                  # sentence key -> cluster id (>1 member)
    cluster_articles: Mapping[str, frozenset[str]]      # sentence cluster -> article ids (>1)
    article_cluster: Mapping[str, str]                   # article id -> its cluster id
    clusters: tuple[ArticleCluster, ...] = field(default=())
    claim_cluster: Mapping[str, str] = field(default_factory=dict)  # claim id -> cluster id

    def cluster_of_sentence(self, sentence: str) -> str:
        """The sentence's cluster id; "" for a sentence with no words (it joins nothing)."""
        tokens = normalise_tokens(sentence)
        if not tokens:
            return ""
        key = sentence_key(tokens)
        return self.sentence_cluster.get(key) or _cluster_id(key)

    def cluster_of_claim(self, claim: Claim) -> str:
        found = self.claim_cluster.get(claim.id)
        return found if found is not None else self.cluster_of_sentence(claim.sentence)


_DIGITS = regex.compile(r"\d+(?:\.\d+)?")


def _figures(tokens: Sequence[str]) -> int:
    """A key of the numbers of a sentence as written, whatever the scale word ("1.3bn",
    "1.3 billion"); 0 for a sentence without numbers. Copies keep their figures."""
    found = sorted(_DIGITS.findall(" ".join(tokens)))
    if not found:
        return 0
    digest = hashlib.blake2b(" ".join(found).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") or 1


def sentence_key(tokens: Sequence[str]) -> int:
    return int.from_bytes(hashlib.sha1(" ".join(tokens).encode("utf-8")).digest()[:8], "big")


def _cluster_id(key: int) -> str:
    return f"s{key:016x}"[:13]


def article_signature(article: Article, claims: Sequence[Claim],
                      params: SyndicationParams = SyndicationParams()) -> ArticleSignature:
    """The syndication signature of one article and of the claims framed in it."""
    index: dict[int, int] = {}
    keys: list[int] = []
    counts: list[int] = []
    own: list[bool] = []
    figures: list[int] = []
    hashed: list[bytes] = []

    def add(sentence: str, is_own: bool) -> int:
        record = _sentence_record(sentence, params.shingle_size)
        if record is None:
            return 0
        key, count, figure, shingled = record
        i = index.get(key)
        if i is None:
            i = index[key] = len(keys)
            keys.append(key)
            counts.append(count)
            own.append(False)
            figures.append(figure)
            hashed.append(shingled)
        if is_own and count >= params.min_tokens:
            own[i] = True
        return key

    for _, sentence in split_sentences(article.text):
        add(sentence, True)
    claim_keys = []
    seen: dict[str, int] = {}
    for claim in sorted(claims, key=lambda c: c.id):
        if claim.sentence not in seen:
            seen[claim.sentence] = add(claim.sentence, False)
        claim_keys.append((claim.id, seen[claim.sentence]))
    return ArticleSignature(article.id, array("Q", keys).tobytes(), array("I", counts).tobytes(),
                            array("B", own).tobytes(), array("Q", figures).tobytes(),
                            b"".join(hashed),
                            array("I", accumulate(len(h) // 4 for h in hashed)).tobytes(),
                            tuple(claim_keys))


@lru_cache(maxsize=1 << 15)
def _sentence_record(sentence: str, shingle_size: int) -> tuple[int, int, int, bytes] | None:
    """(key, word count, figures key, sorted distinct shingle hashes) of a sentence; None
    for a sentence with no words. Copies of a story repeat sentences: each is worked once."""
    tokens = normalise_tokens(sentence)
    if not tokens:
        return None
    values = sorted({crc32(s.encode("utf-8")) for s in shingles(tokens, shingle_size)})
    return sentence_key(tokens), len(tokens), _figures(tokens), array("I", values).tobytes()


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


_PACKED_AT_ONCE = 256


class _Packed:
    """The signatures of a corpus as flat arrays, filled one signature at a time; each
    signature is dropped from its list as soon as it is copied."""

    def __init__(self, signatures: list[ArticleSignature]):
        self.ids = [sig.article for sig in signatures]
        self.claim_keys = [sig.claim_keys for sig in signatures]
        self.lengths = np.array([len(sig.packed_keys) // 8 for sig in signatures], dtype=np.int64)
        sizes = np.array([len(sig.packed_shingles) // 4 for sig in signatures], dtype=np.int64)
        rows, values = int(self.lengths.sum()), int(sizes.sum())
        self.keys = np.empty(rows, dtype=np.uint64)
        self.tokens = np.empty(rows, dtype=np.uint32)
        self.own = np.empty(rows, dtype=np.uint8)
        self.figures = np.empty(rows, dtype=np.uint64)
        self.ends = np.empty(rows, dtype=np.int64)       # where each sentence's shingles end
        self.shingles = np.empty(values, dtype=np.uint32)
        bases = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
        row = at = 0
        # A few hundred signatures at a time: one join and one copy per field, and each
        # batch freed once copied, so the corpus is never held twice.
        for lo in range(0, len(signatures), _PACKED_AT_ONCE):
            part = signatures[lo:lo + _PACKED_AT_ONCE]
            n = int(self.lengths[lo:lo + len(part)].sum())
            m = int(sizes[lo:lo + len(part)].sum())
            for target, field_, dtype in ((self.keys, "packed_keys", np.uint64),
                                          (self.tokens, "packed_tokens", np.uint32),
                                          (self.own, "packed_own", np.uint8),
                                          (self.figures, "packed_figures", np.uint64)):
                target[row:row + n] = np.frombuffer(
                    b"".join(getattr(sig, field_) for sig in part), dtype=dtype)
            # Each signature's ends count from its own start: shifted to the flat array.
            ends = np.frombuffer(b"".join(sig.packed_ends for sig in part), dtype=np.uint32)
            self.ends[row:row + n] = ends + np.repeat(bases[lo:lo + len(part)],
                                                      self.lengths[lo:lo + len(part)])
            self.shingles[at:at + m] = np.frombuffer(
                b"".join(sig.packed_shingles for sig in part), dtype=np.uint32)
            signatures[lo:lo + len(part)] = [None] * len(part)
            row, at = row + n, at + m
        signatures.clear()
        self.begins = np.empty(rows, dtype=np.int64)
        if rows:
            self.begins[0] = 0
            self.begins[1:] = self.ends[:-1]
            # An article's first sentence starts where the article's shingles start.
            starts = np.concatenate(([0], np.cumsum(self.lengths)[:-1]))[self.lengths > 0]
            self.begins[starts] = bases[self.lengths > 0]


def _shingles_of(corpus: _Packed, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The shingle sets of the incidences `rows`, laid end to end: (values, offsets).

    An empty set stands as one sentinel value, so every set has a MinHash."""
    shingles = corpus.shingles
    lo, hi = corpus.begins[rows], corpus.ends[rows]
    size = np.maximum(hi - lo, 1)
    offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(size, out=offsets[1:])
    take = np.arange(offsets[-1]) - np.repeat(offsets[:-1] - lo, size)
    values = np.where(np.repeat(hi > lo, size), shingles[np.minimum(take, max(len(shingles) - 1, 0))]
                      if len(shingles) else 0, np.uint32(0xFFFFFFFF)).astype(np.uint32)
    return values, offsets


def _link(root: np.ndarray, indexed: np.ndarray, codes: np.ndarray, width: int,
          figures: np.ndarray, values: np.ndarray, offsets: np.ndarray,
          threshold: float) -> None:
    """Join candidate pairs whose shingle sets are near-duplicates; `root` (sentence -> its
    cluster's first sentence) is updated in place. A pair is a code x * width + y of two
    positions in `indexed`; `figures` are theirs (a pair of different figures is no copy).

    Clusters are the connected parts of the graph of passing pairs, whatever the order the
    pairs are tested in. So pairs are tested a batch at a time, in numpy, and a pair whose
    ends an earlier batch has already joined is not tested at all: in a bucket of copies
    most pairs are. Clusters are kept as a forest (each node points towards its cluster's
    smallest node), so a batch costs in proportion to its own pairs; pairs are decoded a
    batch at a time, so the candidates cost 8 bytes each while they wait."""
    if not len(codes):
        return
    parent = np.arange(len(indexed), dtype=np.int64)

    def resolve(at: np.ndarray) -> np.ndarray:
        top = parent[at]
        while True:
            up = parent[top]
            if np.array_equal(up, top):
                break
            top = up
        parent[at] = top        # path compression: next time one step
        return top

    for start in range(0, len(codes), _PAIRS_TESTED_AT_ONCE):
        part = codes[start:start + _PAIRS_TESTED_AT_ONCE]
        pairs = np.stack([part // width, part % width], 1)
        pairs = pairs[figures[pairs[:, 0]] == figures[pairs[:, 1]]]
        left, right = resolve(pairs[:, 0]), resolve(pairs[:, 1])
        open_ = left != right
        passed = _jaccards_at_least(values, offsets, pairs[open_], threshold)
        if passed.any():
            # Join the clusters (their roots) the passing pairs link; a root's new parent
            # is the smallest root of its merged group, so roots stay smallest nodes.
            joined = np.stack([left[open_][passed], right[open_][passed]], 1)
            tops = np.unique(joined)
            merged = _components(len(tops), np.searchsorted(tops, joined))
            parent[tops] = tops[merged]
    # Positions follow sentence order, so a cluster's root is its first sentence.
    joined = np.flatnonzero(parent != np.arange(len(indexed)))
    root[indexed[joined]] = indexed[resolve(joined)]


_PAIRS_TESTED_AT_ONCE = 1 << 15


def _jaccards_at_least(values: np.ndarray, offsets: np.ndarray, pairs: np.ndarray,
                       threshold: float) -> np.ndarray:
    """_jaccard_at_least for many pairs of sets at once (each set sorted and distinct)."""
    def gather(which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        lo, size = offsets[which], offsets[which + 1] - offsets[which]
        pair = np.repeat(np.arange(len(which), dtype=np.uint64), size)
        at = np.arange(size.sum()) - np.repeat(np.cumsum(size) - size - lo, size)
        return (pair << np.uint64(32)) | values[at].astype(np.uint64), size

    left, left_size = gather(pairs[:, 0])
    right, right_size = gather(pairs[:, 1])
    # Codes are (pair, value), ascending: a binary search finds a left value on the right.
    at = np.minimum(np.searchsorted(right, left), max(len(right) - 1, 0))
    inside = right[at] == left if len(right) else np.zeros(len(left), dtype=bool)
    shared = np.bincount((left[inside] >> np.uint64(32)).astype(np.int64), minlength=len(pairs))
    return shared / (left_size + right_size - shared) >= threshold


def _components(size: int, edges: np.ndarray) -> np.ndarray:
    """Each node's smallest connected node, for an undirected edge list (numpy, no loop
    per edge): labels hook onto the smaller label across each edge, then jump to roots."""
    labels = np.arange(size, dtype=np.int64)
    if not len(edges):
        return labels
    u, v = edges[:, 0], edges[:, 1]
    while True:
        low = np.minimum(labels[u], labels[v])
        new = labels.copy()
        for side in (u, v, labels[u], labels[v]):
            np.minimum.at(new, side, low)
        while True:
            jumped = new[new]
            if np.array_equal(jumped, new):
                break
            new = jumped
        if np.array_equal(new, labels):
            return labels
        labels = new


def analyse_syndication(articles: Sequence[Article], claims: Sequence[Claim],
                        params: SyndicationParams = SyndicationParams(),
                        signatures: Mapping[str, ArticleSignature] | None = None,
                        consume: bool = False, memo=None) -> Syndication:
    """Sentence clusters and article clusters for a corpus (independent of input order).

    `signatures` (article id -> ArticleSignature) are used where given, and made here
    for the other articles; a claim of no listed article keeps its own sentence cluster.
    With a `memo` (incremental.SyndicationMemo), the last run's clusters are patched when
    that gives the same answer, and this run's are kept for the next.
    """
    given = signatures
    signatures = dict(signatures or {})
    if consume and isinstance(given, dict):
        given.clear()       # the caller hands them over: freed as _analyse copies them
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    for article in articles:
        sig = signatures.get(article.id)
        if sig is None or {k for k, _ in sig.claim_keys} != {c.id for c in by_article[article.id]}:
            signatures[article.id] = article_signature(article, by_article[article.id], params)
    ordered = [signatures[a] for a in dict.fromkeys(a.id for a in articles)]   # each once
    signatures.clear()
    if memo is not None:
        from factcheck.checks.incremental import clusters_with_memo

        return clusters_with_memo(ordered, params, memo)
    return _analyse(ordered, params)


def _csr(groups: np.ndarray, values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """(offsets, values sorted by group then value): row g is values[offsets[g]:offsets[g+1]]."""
    order = np.lexsort((values, groups))
    offsets = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(groups, minlength=size), out=offsets[1:])
    return offsets, values[order]


def _analyse(signatures: list[ArticleSignature], params: SyndicationParams, *,
             index: dict | None = None, previous=None) -> Syndication:
    """Clusters of the given signatures. The list is emptied as it is read: at archive scale
    the signatures are the largest thing the reduce holds, and holding them next to their
    concatenation would double it.

    With `index`, the dict is filled with what a later run needs to patch these clusters
    instead of computing them again; with `previous` (such an index, see incremental.py),
    the sentence clusters are patched from it when that gives the full run's answer."""
    signatures.sort(key=lambda s: s.article)
    corpus = _Packed(signatures)
    ids, lengths = corpus.ids, corpus.lengths
    keys = corpus.keys
    owned = corpus.own.astype(bool)
    article_of = np.repeat(np.arange(len(ids), dtype=np.int64), lengths)
    # Distinct sentences in key order; each read from the first article carrying it.
    ordered, first, position_of = np.unique(keys, return_index=True, return_inverse=True)
    position_of = position_of.reshape(-1)
    n = len(ordered)
    counts = corpus.tokens[first]
    figures = corpus.figures[first]
    del keys
    corpus.keys = corpus.tokens = corpus.figures = corpus.own = None

    sentences = _Sentences(corpus, ordered, first, counts, figures, position_of, article_of)
    root = None
    if previous is not None:
        from factcheck.checks.incremental import patched_roots

        root = patched_roots(previous, sentences, params, index)
    if root is None:
        root = _roots(sentences, params, index)
    corpus.shingles = corpus.begins = corpus.ends = None

    # A cluster's root is its first sentence in key order.
    members = np.bincount(root, minlength=n)
    # Which articles carry each cluster: (root, article) incidences, once each.
    width = np.int64(max(len(ids), 1))
    carried = np.unique(root[position_of] * width + article_of)
    owner_ptr, owners = _csr(carried // width, carried % width, n)
    carriers = np.diff(owner_ptr)

    def cid(r: int) -> str:
        return _cluster_id(int(ordered[r]))

    # Only clusters of several sentences, or carried by several articles, are stored: a
    # lone sentence's cluster id is its own key's (see cluster_of_sentence), and most
    # sentences of an archive are lone.
    several = np.flatnonzero(members[root] > 1)
    tops, which = np.unique(root[several], return_inverse=True)
    names = [_cluster_id(k) for k in ordered[tops].tolist()]
    sentence_cluster = dict(zip(ordered[several].tolist(),
                                (names[w] for w in which.reshape(-1).tolist())))
    if index is not None:
        index.update(several=ordered[several], several_roots=ordered[root[several]])
    cluster_articles = {cid(r): frozenset(ids[a] for a in owners[owner_ptr[r]:owner_ptr[r + 1]].tolist())
                        for r in np.flatnonzero(carriers > 1).tolist()}

    clusters = _article_clusters(ids, root[position_of[owned]], article_of[owned],
                                 owner_ptr, owners, carriers, params)
    article_cluster = {a: a for a in ids}
    for cluster in clusters:
        for member in cluster.articles:
            article_cluster[member] = cluster.id
    claim_cluster = {claim: (sentence_cluster.get(key) or _cluster_id(key) if key else "")
                     for claim_keys in corpus.claim_keys for claim, key in claim_keys}
    return Syndication(sentence_cluster, cluster_articles, article_cluster, tuple(clusters),
                       claim_cluster)


@dataclass
class _Sentences:
    """The distinct sentences of a corpus, in key order, and where each comes from."""

    corpus: _Packed
    keys: np.ndarray            # uint64, sorted
    first: np.ndarray           # the row (of the packed corpus) each is read from
    tokens: np.ndarray          # word count
    figures: np.ndarray         # key of its numbers as written
    position_of: np.ndarray     # row -> sentence
    article_of: np.ndarray      # row -> article


def _roots(sentences: _Sentences, params: SyndicationParams,
           index: dict | None = None) -> np.ndarray:
    """Each distinct sentence's cluster root (its cluster's first sentence in key order),
    found with MinHash/LSH over every sentence long enough to index."""
    root = np.arange(len(sentences.keys), dtype=np.int64)
    # A reprint that changed a figure is not a copy of it: that change is exactly the
    # discrepancy a desk wants to see. Only sentences with the same figures share LSH
    # buckets, which also keeps look-alike template sentences apart.
    indexed = np.flatnonzero(sentences.tokens >= params.min_tokens)
    if index is not None:
        index.update(slot_keys=sentences.keys[indexed],
                     codes=np.empty((params.bands, 0), dtype=np.uint64),
                     slots=np.empty((params.bands, 0), dtype=np.int32))
    # A lone sentence links nothing, but the index must still hold its buckets: a later
    # near-copy of it has to find them.
    if len(indexed) > 1 or (index is not None and len(indexed)):
        bands, values, offsets = _bands_of(sentences, indexed, params)
        sentences.corpus.shingles = sentences.corpus.begins = sentences.corpus.ends = None
        if index is not None:
            index["codes"], index["slots"] = bucket_index(bands, np.arange(len(indexed)))
        if len(indexed) > 1:
            link_within(root, indexed, bands, values, offsets, sentences.figures, params)
    return root


def _bands_of(sentences: _Sentences, which: np.ndarray, params: SyndicationParams):
    """(LSH bands, shingle values, offsets) of the distinct sentences `which`."""
    values, offsets = _shingles_of(sentences.corpus, sentences.first[which])
    bands = band_hashes_flat(values, offsets, sentences.figures[which],
                             num_perm=params.num_perm, bands=params.bands)
    return bands, values, offsets


def link_within(root: np.ndarray, which: np.ndarray, bands: np.ndarray, values: np.ndarray,
                offsets: np.ndarray, figures: np.ndarray, params: SyndicationParams,
                blocked: np.ndarray | None = None) -> None:
    """Join the near-duplicates among the sentences `which` (their bands and shingles);
    `blocked` (per sentence and band) keeps a sentence out of that band's bucket."""
    codes, width = bucket_pair_codes(bands, params.max_bucket, blocked)
    del bands
    _link(root, which, codes, width, figures[which], values, offsets, params.sentence_threshold)


# --------------------------------------------------------------------------- re-run index
# What a later run needs to patch this run's sentence clusters (incremental.py): the
# sentences in clusters of several, and every indexed sentence's LSH buckets, as one
# sorted row of band keys per band with the sentence (its slot) beside each key.


def bucket_index(bands: np.ndarray, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(codes, slots): row j holds band j's keys of every sentence, sorted, and beside
    each the slot of the sentence it belongs to. Built a band at a time, so the work
    memory is one band's."""
    width = bands.shape[1]
    codes = np.empty((width, bands.shape[0]), dtype=np.uint64)
    owner = np.empty((width, bands.shape[0]), dtype=np.int32)
    for j in range(width):
        order = np.argsort(bands[:, j], kind="stable")
        codes[j] = bands[order, j]
        owner[j] = slots[order]
    return codes, owner


def _article_clusters(ids: Sequence[str], own_roots: np.ndarray, own_articles: np.ndarray,
                      owner_ptr: np.ndarray, owners: np.ndarray, carriers: np.ndarray,
                      params: SyndicationParams) -> list[ArticleCluster]:
    """Articles that are copies: enough of the shorter one's distinctive sentences (roots of
    its own long sentences, carried by few enough articles) are carried by the other."""
    cap = boilerplate_cap(params, len(ids))
    # Each article's distinctive sentences, as cluster roots, once each; stock wording out.
    keep = carriers[own_roots] <= cap
    width = np.int64(max(len(carriers), 1))
    pairs = np.unique(own_articles[keep] * width + own_roots[keep])
    articles_, roots = pairs // width, pairs % width
    sizes = np.bincount(articles_, minlength=len(ids))
    a, b, count, back = _shared_counts(roots, articles_, owner_ptr, owners, len(ids))
    # Which pairs are copies, in numpy: at archive scale millions of pairs share something.
    n = np.minimum(sizes[a], sizes[b])
    both = np.minimum(count, back)
    copies = (n > 0) & (both >= params.article_min_shared)
    copies[copies] &= both[copies] / n[copies] >= params.article_min_share
    uf_articles = _UnionFind(len(ids))
    link: dict[tuple[int, int], tuple[int, float]] = {}
    for a_, b_, both_, n_ in zip(a[copies].tolist(), b[copies].tolist(), both[copies].tolist(),
                                 n[copies].tolist()):
        uf_articles.union(a_, b_)
        link[(a_, b_)] = (both_, min(1.0, both_ / n_))
    groups: dict[int, list[str]] = defaultdict(list)
    for i, article_id in enumerate(ids):
        groups[uf_articles.find(i)].append(article_id)
    links_of: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (a, _b), value in link.items():
        links_of[uf_articles.find(a)].append(value)
    out = []
    for root, group in groups.items():
        if len(group) < 2:
            continue
        found = links_of[root]
        cid = "a" + hashlib.sha1("|".join(sorted(group)).encode("utf-8")).hexdigest()[:12]
        out.append(ArticleCluster(id=cid, articles=tuple(sorted(group)),
                                  shared_sentences=max(p[0] for p in found),
                                  similarity=round(min(p[1] for p in found), 4)))
    return sorted(out, key=lambda c: c.articles)


def boilerplate_cap(params: SyndicationParams, article_count: int) -> int:
    """Carriers beyond which a sentence is stock wording, for a corpus of this size."""
    return min(max(params.boilerplate_carriers, int(params.boilerplate_share * article_count)),
               params.boilerplate_max)


_PAIRS_PER_BATCH = 1 << 20


def _shared_counts(roots: np.ndarray, articles: np.ndarray, owner_ptr: np.ndarray,
                   owners: np.ndarray, count: int) -> tuple[np.ndarray, ...]:
    """For article pairs a < b sharing a distinctive sentence: arrays (a, b, how many of a's
    sentences b carries, how many of b's a carries). `roots`/`articles` are the (root,
    owner) pairs of the distinctive sentences, sorted by article; owner_ptr/owners list each
    root's carriers. Only pairs that share something are visited, at most cap^2 per
    sentence, counted with numpy a batch at a time, and merged as they come: memory follows
    the distinct pairs, not the (owner, carrier) incidences."""
    empty = np.empty(0, dtype=np.int64)
    if not len(roots):
        return empty, empty, empty, empty
    order = np.lexsort((articles, roots))
    roots, own_flat = roots[order], articles[order]
    distinct, own_off, own_len = np.unique(roots, return_index=True, return_counts=True)
    car_off = owner_ptr[distinct]
    car_len = owner_ptr[distinct + 1] - car_off
    car_flat = owners
    total = own_len * car_len
    n = np.int64(count)
    pairs, counts = empty, empty
    pending: list[np.ndarray] = []
    waiting = 0
    start = 0
    ends = np.cumsum(total)
    while start < len(distinct):
        base = ends[start - 1] if start else 0
        stop = max(start + 1, int(np.searchsorted(ends, base + _PAIRS_PER_BATCH, "right")))
        rows = np.arange(start, stop)
        sizes = total[rows]
        which = np.repeat(rows, sizes)
        k = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        a = own_flat[own_off[which] + k // car_len[which]]
        b = car_flat[car_off[which] + k % car_len[which]]
        keep = a != b
        pending.append(a[keep] * n + b[keep])
        waiting += int(keep.sum())
        start = stop
        if waiting > max(len(pairs), _PAIRS_PER_BATCH) or start >= len(distinct):
            pairs, counts = _count_into(pairs, counts, np.concatenate(pending))
            pending, waiting = [], 0
    a, b = pairs // n, pairs % n
    forward = a < b
    # the count in the other direction, where there is one
    back_codes = b[forward] * n + a[forward]
    at = np.searchsorted(pairs, back_codes)
    at_ok = at < len(pairs)
    found = np.zeros(len(back_codes), dtype=np.int64)
    found[at_ok] = np.where(pairs[at[at_ok]] == back_codes[at_ok], counts[at[at_ok]], 0)
    return a[forward], b[forward], counts[forward], found


def _count_into(codes: np.ndarray, counts: np.ndarray, new: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct codes, how often each came) of `codes`/`counts` plus the codes `new`."""
    merged = np.concatenate([codes, new])
    if not len(merged):
        return codes, counts
    weight = np.concatenate([counts, np.ones(len(new), dtype=np.int64)])
    order = np.argsort(merged, kind="stable")
    merged, weight = merged[order], weight[order]
    starts = np.flatnonzero(np.concatenate(([True], merged[1:] != merged[:-1])))
    return merged[starts], np.add.reduceat(weight, starts)


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
                      if len(syn.cluster_articles.get(c.cluster, frozenset()) & members) > 1]
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
