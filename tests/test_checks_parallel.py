"""The checks of a large corpus on two processes give the one-process findings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import factcheck.checks.parallel as parallel
from factcheck.checks import CHECK_KINDS, run_checks, syndicate
from factcheck.pipeline import _with_cluster, load_rules, process_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

pytestmark = pytest.mark.skipif(not parallel._may_fork(), reason="forks only on Linux")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A generated corpus of a few hundred articles: reprints, conflicts, arithmetic."""
    import make_corpus
    from factcheck.ingest import discover

    folder = tmp_path_factory.mktemp("corpus")
    make_corpus.generate(folder, 300, 11)
    rules = load_rules()
    here = os.getcwd()
    os.chdir(folder)
    try:
        files, _ = discover(["."])
        results = [r for r in (process_file(f, rules) for f in files) if r.document]
    finally:
        os.chdir(here)
    articles = [a for r in results for a in r.document.articles]
    claims = [c for r in results for c in r.claims]
    syn = syndicate(articles, claims, rules.checks,
                    {s.article: s for r in results for s in r.signatures})
    claims = [_with_cluster(c, syn.cluster_of_claim(c)) for c in claims]
    return rules, articles, claims, syn


def test_two_processes_find_what_one_finds(corpus, monkeypatch):
    rules, articles, claims, syn = corpus
    alone = run_checks(claims, articles, rules.checks, syn, jobs=1)
    monkeypatch.setattr(parallel, "FORK_FROM", 0)
    forked = []
    real_fork = os.fork

    def counted_fork():
        forked.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counted_fork)
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
