"""A reduce that consumes its results (as a run does) reports what one that does not
reports: the in-place clustering and the emptied inputs change memory and time only."""

from __future__ import annotations

import pickle

from corpora import framed_corpus
from factcheck.pipeline import analyse_results
from factcheck.report.json_report import report_to_json


def test_consuming_reduce_reports_the_same(tmp_path):
    rules, results, problems = framed_corpus(tmp_path, 120, 5, with_demo=True)
    spare = pickle.loads(pickle.dumps(results))
    kept = analyse_results(results, problems, rules)
    assert len(results) == len(spare)                   # not consumed: the caller's still
    assert not any(c.cluster for r in results for c in r.claims)    # and unchanged
    given = list(spare)
    consumed = analyse_results(given, problems, rules, consume=True)
    assert given == []
    assert report_to_json(consumed) == report_to_json(kept)
    assert consumed == kept
    assert sum(1 for c in consumed.claims if c.cluster) > 0
    # the copies shared their repeated strings as the copies of a kept reduce do
    sentences = {}
    for claim in consumed.claims:
        assert sentences.setdefault(claim.sentence, claim.sentence) is claim.sentence
