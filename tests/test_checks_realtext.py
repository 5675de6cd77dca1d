"""The checks on real text: sentences written for these tests, through parser and framing."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.checks import assign_clusters, load_check_rules, run_checks
from factcheck.model import Article, SourceMap

extract = pytest.importorskip("factcheck.extract")
frame = pytest.importorskip("factcheck.frame")
if not hasattr(extract, "find_quantities") or not hasattr(frame, "frame_article"):
    pytest.skip("parser or framing not available", allow_module_level=True)

CHECKS = load_check_rules()
FRAMING = frame.load_framing_rules()


def art(path: str, text: str, outlet: str = "Desk") -> Article:
    return Article(id=f"{path}#0", path=path, index=0, headline="", outlet=outlet, author="",
                   published=dt.date(2025, 4, 1), published_from="byline", text=text,
                   line_start=1, line_end=1 + text.count("\n"),
                   source=SourceMap.for_lines(text))


def check(texts: dict[str, str]):
    articles = [art(path, text) for path, text in texts.items()]
    claims = [c for a in articles
              for c in frame.frame_article(a, extract.find_quantities(a.text), FRAMING)]
    claims = assign_clusters(articles, claims, CHECKS)
    return run_checks(claims, articles, CHECKS), {c.id: c for c in claims}


def loud(findings):
    return [f for f in findings if f.severity in ("error", "warning")]


def test_conflict_across_unit_spellings_is_an_error():
    findings, claims = check({
        "a.txt": "Kazakhstan pumped 2.12 million barrels per day of crude oil and condensate "
                 "last month, the highest level on record.",
        "b.txt": "Kazakh output of crude and condensate averaged 2,170 kb/d in March, up from "
                 "the month before.",
    })
    (f,) = loud(findings)
    assert (f.rule, f.severity) == ("FC101", "error")
    assert {claims[c].text for c in f.claims} == {"2.12 million barrels per day", "2,170 kb/d"}
    assert "2.12 million bbl/d vs 2.17 million bbl/d" in f.message


def test_rounded_restatement_and_other_units_are_quiet():
    findings, _ = check({
        "a.txt": "Kazakhstan pumped 2.12 million barrels per day of crude oil and condensate "
                 "last month, the highest level on record.",
        "b.txt": "Kazakhstan's production of crude oil and condensate stood at 2.1 million bpd "
                 "in March.",
        "c.txt": "Kazakh output of crude and condensate averaged 2,120 kb/d in March.",
    })
    assert loud(findings) == []


def test_quota_is_not_set_against_output():
    findings, _ = check({
        "a.txt": "Kazakhstan pumped 1.9 million barrels per day of crude oil last month.",
        "b.txt": "Under the OPEC+ deal, Kazakhstan's crude oil production quota is 1.468 "
                 "million bpd.",
    })
    assert loud(findings) == []


def test_reprinted_wire_story_is_one_source():
    story = ("The U.S. defence department signed contracts totalling $1.2 billion for armoured "
             "vehicles on Monday.\n"
             "The programme will modernise the fleet over the next five years, officials "
             "said.\n"
             "Deliveries of the first vehicles are scheduled to begin at the end of the year.\n"
             "The centre of production will be a factory in the north of the country.\n")
    reprint = (story.replace("U.S.", "US").replace("defence", "defense")
               .replace("totalling", "totaling").replace("armoured", "armored")
               .replace("programme", "program").replace("modernise", "modernize")
               .replace("centre", "center"))
    findings, _ = check({"wire.txt": story, "site.txt": reprint})
    assert [f.rule for f in findings] == ["FC103"]
