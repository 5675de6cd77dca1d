"""The checks of a large corpus on two processes give the one-process findings."""

from __future__ import annotations

import os

import pytest

import factcheck.checks.parallel as parallel
from factcheck.checks import CHECK_KINDS, CheckContext, run_checks, start_blind_checks, syndicate
from factcheck.checks.compare import units_folder
from factcheck.checks.findings import claim_order
from factcheck.checks.registry import CLUSTER_BLIND_KINDS
from factcheck.pipeline import _with_cluster, analyse_results
from corpora import framed_corpus

pytestmark = pytest.mark.skipif(not parallel._may_fork(), reason="forks only on Linux")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A generated corpus of a few hundred articles (reprints, conflicts) with the demo
    corpus beside it (its arithmetic slips), clustered."""
    rules, results, _ = framed_corpus(tmp_path_factory.mktemp("corpus"), 300, 11,
                                      with_demo=True)
    results = [r for r in results if r.document]
    articles = [a for r in results for a in r.document.articles]
    claims = [c for r in results for c in r.claims]
    syn = syndicate(articles, claims, rules.checks,
                    {s.article: s for r in results for s in r.signatures})
    clustered = [_with_cluster(c, syn.cluster_of_claim(c)) for c in claims]
    return rules, articles, clustered, syn


@pytest.fixture(scope="module")
def framed(tmp_path_factory):
    """The per-file results of a generated corpus, before any reduce."""
    return framed_corpus(tmp_path_factory.mktemp("framed"), 300, 12)


def _counting_forks(monkeypatch) -> list:
    forked = []
    real_fork = os.fork

    def counted_fork():
        forked.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counted_fork)
    return forked


def test_two_processes_find_what_one_finds(corpus, monkeypatch):
    rules, articles, claims, syn = corpus
    alone = run_checks(claims, articles, rules.checks, syn, jobs=1)
    monkeypatch.setattr(parallel, "FORK_FROM", 0)
    forked = _counting_forks(monkeypatch)
    together = run_checks(claims, articles, rules.checks, syn, jobs=2)
    assert forked, "the checks did not fork"
    assert together == alone
    assert {f.rule for f in alone} >= {"FC101", "FC103"}


def test_a_rule_failing_in_the_child_runs_again_here(corpus, monkeypatch):
    """A child that cannot answer costs time, never findings."""
    rules, articles, claims, syn = corpus
    alone = run_checks(claims, articles, rules.checks, syn, jobs=1)
    monkeypatch.setattr(parallel, "FORK_FROM", 0)
    parent = os.getpid()
    real = CHECK_KINDS["record"]

    def only_here(ctx, rule):
        if os.getpid() != parent:
            raise RuntimeError("not in the child")
        return real(ctx, rule)

    only_here.__module__ = real.__module__
    monkeypatch.setitem(CHECK_KINDS, "record", only_here)
    assert run_checks(claims, articles, rules.checks, syn, jobs=2) == alone


def test_small_corpora_and_one_job_do_not_fork(corpus, monkeypatch):
    rules, articles, claims, syn = corpus

    def no_fork():
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    run_checks(claims, articles, rules.checks, syn, jobs=2)        # below FORK_FROM claims
    monkeypatch.setattr(parallel, "FORK_FROM", 0)
    run_checks(claims, articles, rules.checks, syn, jobs=1)


def test_cluster_blind_kinds_find_the_same_before_clustering(corpus):
    """The declaration that lets those kinds start before clustering: over claims without
    clusters, and with no syndication to read, each finds what it finds after."""
    rules, articles, clustered, syn = corpus
    bare = sorted((_with_cluster(c, "") for c in clustered), key=claim_order)
    assert any(c.cluster for c in clustered), "the corpus has no syndicated copies"
    after = CheckContext(claims=sorted(clustered, key=claim_order), articles=articles,
                         rules=rules.checks)
    after.syndication = syn
    before = CheckContext(claims=bare, articles=articles, rules=rules.checks)

    class Unread:
        def __getattr__(self, name):
            raise AssertionError(f"a cluster-blind kind read syndication.{name}")

    before.syndication = Unread()
    found = 0
    with units_folder(rules.checks.folder):
        for rule in rules.checks.enabled:
            if rule.kind in CLUSTER_BLIND_KINDS:
                expected = list(CHECK_KINDS[rule.kind](after, rule))
                assert list(CHECK_KINDS[rule.kind](before, rule)) == expected, rule.code
                found += len(expected)
    assert found, "no cluster-blind kind found anything: the comparison says nothing"
    assert {"record", "percent-change", "conversion"} <= CLUSTER_BLIND_KINDS
    assert not {"conflict", "syndication"} & CLUSTER_BLIND_KINDS


def test_blind_checks_started_before_clustering_find_what_one_process_finds(corpus,
                                                                             monkeypatch):
    rules, articles, clustered, syn = corpus
    alone = run_checks(clustered, articles, rules.checks, syn, jobs=1)
    monkeypatch.setattr(parallel, "FORK_FROM", 0)
    forked = _counting_forks(monkeypatch)
    bare = [_with_cluster(c, "") for c in clustered]
    started = start_blind_checks(bare, articles, rules.checks, jobs=2)
    assert started is not None and forked
    assert run_checks(clustered, articles, rules.checks, syn, jobs=2, started=started) == alone


def test_the_reduce_starts_the_blind_checks_beside_clustering(framed, monkeypatch):
    """A whole reduce on two processes gives the one-process report, and its fork comes
    before the clustering."""
    import factcheck.checks as checks

    rules, results, problems = framed
    alone = analyse_results(list(results), problems, rules, jobs=1)
    monkeypatch.setattr(parallel, "FORK_FROM", 0)
    forked = _counting_forks(monkeypatch)
    seen_at_clustering = []
    real_syndicate = checks.syndicate

    def watched(*args, **kwargs):
        seen_at_clustering.append(len(forked))
        return real_syndicate(*args, **kwargs)

    monkeypatch.setattr(checks, "syndicate", watched)
    together = analyse_results(list(results), problems, rules, jobs=2)
    assert seen_at_clustering == [1] and len(forked) == 1
    assert together == alone
    assert {f.rule for f in alone.findings} >= {"FC101", "FC103"}


def test_a_failure_while_clustering_leaves_no_child_behind(framed, monkeypatch):
    import factcheck.checks as checks

    rules, results, problems = framed
    monkeypatch.setattr(parallel, "FORK_FROM", 0)
    forked = _counting_forks(monkeypatch)

    def broken(*args, **kwargs):
        raise RuntimeError("clustering failed")

    monkeypatch.setattr(checks, "syndicate", broken)
    with pytest.raises(RuntimeError, match="clustering failed"):
        analyse_results(list(results), problems, rules, jobs=2)
    assert forked
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)      # the child was reaped, not left a zombie


def test_a_failure_after_the_fork_stops_and_reaps_the_child(corpus, monkeypatch, tmp_path):
    """The parent fails while the child still works: the child is stopped, not waited
    for (its rule would finish and leave a mark), and no zombie or pipe is left."""
    import time

    rules, articles, clustered, syn = corpus
    monkeypatch.setattr(parallel, "FORK_FROM", 0)
    parent = os.getpid()
    mark = tmp_path / "child-finished"
    slow_kind, failing_kind = CHECK_KINDS["record"], CHECK_KINDS["conflict"]

    def slow(ctx, rule):
        if os.getpid() != parent:
            time.sleep(30)
            mark.write_text("done")
        return slow_kind(ctx, rule)

    def failing(ctx, rule):
        raise RuntimeError("a keyed kind failed")

    slow.__module__ = slow_kind.__module__
    monkeypatch.setitem(CHECK_KINDS, "record", slow)
    monkeypatch.setitem(CHECK_KINDS, "conflict", failing)
    fds_before = len(os.listdir("/proc/self/fd"))
    started = start_blind_checks(clustered, articles, rules.checks, jobs=2)
    assert started is not None
    with pytest.raises(RuntimeError, match="a keyed kind failed"):
        run_checks(clustered, articles, rules.checks, syn, jobs=2, started=started)
    assert not mark.exists()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
    assert len(os.listdir("/proc/self/fd")) == fds_before
    started.abandon()       # once more: nothing left to do
