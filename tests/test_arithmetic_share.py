"""FC204 share vs part and whole, FC205 difference vs its terms: written sentences through
parser, framing and checks."""

from __future__ import annotations

from test_arithmetic_helpers import of_rule, run, texts_of


def test_share_of_a_whole_named_in_the_sentence():
    findings, claims = run({"a.txt": "Courts in Ankara released 102 of the 127 detained "
                                     "students, or 90%, on Thursday."})
    (f,) = of_rule(findings, "FC204")
    assert f.kind == "share"
    assert {i["role"] for i in f.details["inputs"]} == {"share", "part", "whole"}
    assert "79.6%–81.0%" in f.details["computed"]


def test_consistent_share_is_quiet():
    findings, _ = run({"a.txt": "Courts in Ankara released 102 of the 127 detained "
                                "students, or 80%, on Thursday."})
    assert not of_rule(findings, "FC204")


def test_share_of_a_stated_total_after_it():
    flagged, _ = run({"a.txt": "Kazakhstan exported 1.5 million tons of oil to China, about "
                               "25% of its total of 10 million tons."})
    assert of_rule(flagged, "FC204")
    quiet, _ = run({"a.txt": "Kazakhstan exported 2.5 million tons of oil to China, about "
                             "25% of its total of 10 million tons."})
    assert not of_rule(quiet, "FC204")


def test_share_of_a_whole_not_given_is_not_judged():
    findings, _ = run({"a.txt": "Kazakhstan exported 2.5 million tons of oil to China, about "
                                "15% of all Chinese imports from Central Asia."})
    assert not of_rule(findings, "FC204")


def test_difference_by_a_stated_amount():
    findings, claims = run({"a.txt": "Kazakhstan's crude output of 1.88 million bpd in March "
                                     "exceeded its OPEC+ quota of 1.468 million bpd by "
                                     "350,000 bpd."})
    (f,) = of_rule(findings, "FC205")
    assert f.kind == "difference" and f.severity == "warning"
    assert texts_of(f, claims) == {"1.88 million bpd", "1.468 million bpd", "350,000 bpd"}
    quiet, _ = run({"a.txt": "Kazakhstan's crude output of 1.88 million bpd in March "
                             "exceeded its OPEC+ quota of 1.468 million bpd by 412,000 bpd."})
    assert not of_rule(quiet, "FC205")


def test_difference_stated_before_the_reference():
    quiet, _ = run({"a.txt": "Kazakhstan pumped 1.88 million bpd of crude in March, 412,000 "
                             "bpd above its OPEC+ quota of 1.468 million bpd."})
    assert not of_rule(quiet, "FC205")
    flagged, _ = run({"a.txt": "Kazakhstan pumped 1.88 million bpd of crude in March, "
                               "250,000 bpd above its OPEC+ quota of 1.468 million bpd."})
    assert of_rule(flagged, "FC205")


def test_below_reverses_the_difference():
    quiet, _ = run({"a.txt": "Russia pumped 8.97 million bpd of crude in March, 0.01 million "
                             "bpd below its OPEC+ quota of 8.98 million bpd."})
    assert not of_rule(quiet, "FC205")
