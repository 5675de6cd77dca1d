"""A re-run patches the last run's sentence clusters: always the full run's answer."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck.checks.syndication as syndication
from factcheck.checks.incremental import SyndicationIndex
from factcheck.checks.syndication import SyndicationParams, analyse_syndication
from factcheck.engine.cache import FileCache, ReduceMemo
from test_checks_support import article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


class MemoryMemo:
    def __init__(self):
        self.index = None

    def load(self):
        return self.index

    def save(self, index):
        self.index = index


def clusters(articles, params, memo=None):
    return analyse_syndication(articles, [], params, memo=memo)


def as_tuple(syn):
    return (syn.sentence_cluster, syn.cluster_articles, syn.article_cluster, syn.clusters,
            syn.claim_cluster)


class Full:
    """Counts the full passes over every sentence, to tell a patched run from a full one."""

    def __init__(self, monkeypatch):
        self.calls = 0
        real = syndication._roots

        def counted(*args, **kwargs):
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(syndication, "_roots", counted)


WIRE = [
    "The port authority said cargo volumes rose by a fifth in the first half of the year.",
    "Container traffic reached 4.1 million units, the highest figure since the terminal opened.",
    "Officials credited a new rail link that carries goods inland within two days of arrival.",
    "Shipping lines have added three weekly services to ports in the eastern Mediterranean.",
    "The authority plans to dredge the main channel next spring to admit larger vessels.",
]
OTHER = [
    "The city council approved a budget that raises spending on libraries by ten percent.",
    "Opening hours will be extended on weekends at the six largest branches from March.",
    "Council members also voted to repair the roof of the central reading room this summer.",
    "A public consultation on the future of the mobile library service closes in April.",
]


def test_an_edit_is_patched_and_gives_the_full_runs_clusters(monkeypatch):
    params = SyndicationParams()
    memo = MemoryMemo()
    wire = article("wire.txt", " ".join(WIRE))
    reprint = article("paper.txt", " ".join(WIRE[:4]))
    other = article("council.txt", " ".join(OTHER))
    clusters([wire, reprint, other], params, memo)
    assert isinstance(memo.index, SyndicationIndex)

    full = Full(monkeypatch)
    edited = article("paper.txt", " ".join(WIRE[:3] + [WIRE[3].replace("three", "four")]))
    patched = clusters([wire, edited, other], params, memo)
    assert full.calls == 0
    assert as_tuple(patched) == as_tuple(clusters([wire, edited, other], params))
    assert patched.article_cluster["paper.txt#0"] == patched.article_cluster["wire.txt#0"]


def test_a_corpus_of_one_sentence_indexes_it_for_the_next_run(monkeypatch):
    """A lone sentence links nothing, but a later near-copy of it must find its buckets."""
    params = SyndicationParams()
    memo = MemoryMemo()
    clusters([article("wire.txt", WIRE[0])], params, memo)
    assert memo.index.codes.shape == (params.bands, 1)
    full = Full(monkeypatch)
    now = [article("wire.txt", WIRE[0]),
           article("paper.txt", WIRE[0].replace("first half", "first six months"))]
    patched = clusters(now, params, memo)
    assert full.calls == 0
    assert as_tuple(patched) == as_tuple(clusters(now, params))
    assert len(set(patched.sentence_cluster.values())) == 1


def test_a_reprint_that_stops_being_one_leaves_its_cluster(monkeypatch):
    params = SyndicationParams()
    memo = MemoryMemo()
    wire = article("wire.txt", " ".join(WIRE))
    reprint = article("paper.txt", " ".join(WIRE))
    other = article("council.txt", " ".join(OTHER))
    before = clusters([wire, reprint, other], params, memo)
    assert len(before.clusters) == 1

    full = Full(monkeypatch)
    rewritten = article("paper.txt", " ".join(OTHER[:2] + WIRE[:1]))
    patched = clusters([wire, rewritten, other], params, memo)
    assert full.calls == 0
    assert as_tuple(patched) == as_tuple(clusters([wire, rewritten, other], params))
    assert not patched.clusters


VOCABULARY = ("the output of the field rose to a new high in march while exports fell "
              "sharply as the pipeline was closed for repairs and the ministry said prices "
              "would stay firm").split()


@st.composite
def sentence(draw):
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=5, max_size=14))
    return " ".join(words).capitalize() + "."


@st.composite
def corpus_and_edit(draw):
    pool = draw(st.lists(sentence(), min_size=1, max_size=14))
    size = draw(st.integers(1, 7))
    bodies = [draw(st.lists(st.sampled_from(pool), min_size=1, max_size=6)) for _ in range(size)]
    edits = draw(st.lists(st.tuples(st.integers(0, size - 1),
                                    st.lists(st.sampled_from(pool) | sentence(), max_size=6)),
                          min_size=1, max_size=3))
    return bodies, edits


def articles_of(bodies):
    return [article(f"f{i}.txt", " ".join(body)) for i, body in enumerate(bodies) if body]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus_and_edit(), st.sampled_from([
    SyndicationParams(), SyndicationParams(max_bucket=2), SyndicationParams(max_bucket=3,
                                                                            sentence_threshold=0.3)]))
def test_patched_clusters_are_always_the_full_runs(case, params):
    """Copies, near-copies, buckets pushed past their size bound and back, articles emptied:
    whatever the edit, the patched clusters are the full run's."""
    bodies, edits = case
    memo = MemoryMemo()
    clusters(articles_of(bodies), params, memo)
    for which, body in edits:
        bodies = list(bodies)
        bodies[which] = body
        current = articles_of(bodies)
        assert as_tuple(clusters(current, params, memo)) == as_tuple(clusters(current, params))


def test_generated_corpus_edits_patch_and_match_full_runs(tmp_path, monkeypatch):
    """Edits of the kinds a desk makes, on a generated corpus of reprints and templates."""
    import make_corpus
    from factcheck.ingest import discover
    from factcheck.pipeline import load_rules, process_file

    from factcheck.checks.context import syndication_params

    rules = load_rules()
    params = syndication_params(rules.checks)
    make_corpus.generate(tmp_path, 80, 3)
    monkeypatch.chdir(tmp_path)
    files, _ = discover(["."])
    results = {f: process_file(f, rules) for f in files}
    results = {f: r for f, r in results.items() if r.document}

    def run(memo=None):
        docs = list(results.values())
        sigs = {s.article: s for r in docs for s in r.signatures}
        return analyse_syndication([a for r in docs for a in r.document.articles],
                                   [c for r in docs for c in r.claims], params, sigs, memo=memo)

    memo = MemoryMemo()
    run(memo)
    full = Full(monkeypatch)
    rng = random.Random(5)
    for _ in range(6):
        path = rng.choice(sorted(results))
        text = Path(path).read_text()
        if "million" in text:
            text = text.replace("million", "billion", 1)
        else:
            words = text.split(" ")
            words[len(words) // 2] += "s"
            text = " ".join(words)
        Path(path).write_text(text)
        results[path] = process_file(path, rules)
        patched = run(memo)
        calls = full.calls
        assert as_tuple(patched) == as_tuple(run())
        assert full.calls == calls + 1          # only the comparison run went in full
    assert full.calls == 6


def test_the_memo_round_trips_and_refuses_a_tampered_file(tmp_path):
    from factcheck.pipeline import load_rules

    cache = FileCache.open(tmp_path, load_rules())
    memo = ReduceMemo(cache, "corpus")
    assert memo.load() is None
    params = SyndicationParams()
    clusters([article("wire.txt", " ".join(WIRE)), article("paper.txt", " ".join(WIRE))],
             params, memo)
    index = memo.load()
    assert isinstance(index, SyndicationIndex) and index.codes.shape[0] == params.bands
    assert ReduceMemo(cache, "another corpus").load() is None
    blob = bytearray(memo.path.read_bytes())
    blob[-1] ^= 1
    memo.path.write_bytes(bytes(blob))
    assert memo.load() is None
    memo.path.write_bytes(b"")
    assert memo.load() is None


def test_an_index_of_other_parameters_is_not_used(monkeypatch):
    memo = MemoryMemo()
    wire = article("wire.txt", " ".join(WIRE))
    clusters([wire], SyndicationParams(), memo)
    full = Full(monkeypatch)
    other = replace(SyndicationParams(), sentence_threshold=0.6)
    clusters([wire], other, memo)
    assert full.calls == 1
    assert memo.index.params == other
