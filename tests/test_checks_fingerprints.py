"""Finding ids hash what a finding is about, so baselines survive new copies and line moves,
and conversions follow the run's rules folder."""

from __future__ import annotations

import shutil
from dataclasses import replace

from factcheck.checks import assign_clusters, load_check_rules, run_checks
from factcheck.rules import DEFAULT_RULES_DIR
from test_checks_support import article, claim

RULES = load_check_rules()
KEY = dict(entity="Kazakhstan", metric="crude_condensate_production", period="2025-03")


def findings_for(arts, claims, rules=RULES):
    claims = assign_clusters(arts, claims, rules)
    return run_checks(claims, arts, rules)


def report(path, body, figure, outlet, **extra):
    art = article(path, body, outlet=outlet)
    return art, claim(art, figure, unit="bbl/d", **{**KEY, **extra})


def base():
    a, ca = report("desk/one.txt", "The republic pumped 2.12 million barrels per day of crude "
                   "and condensate in March.", "2.12 million", "Steppe Daily")
    b, cb = report("desk/two.txt", "Crude plus condensate output in the country reached 2.17 "
                   "million bpd last month.", "2.17 million", "Northline Wire")
    return [a, b], [ca, cb]


def conflict_id(arts, claims):
    (f,) = [f for f in findings_for(arts, claims) if f.rule == "FC101"]
    return f


def test_third_article_repeating_an_accepted_value_keeps_the_id():
    arts, claims = base()
    before = conflict_id(arts, claims)
    c, cc = report("desk/three.txt", "Oilfields in the steppe yielded 2.12 million barrels a "
                   "day in March, officials in the capital said on Tuesday.", "2.12 million",
                   "Caspian Herald")
    after = conflict_id(arts + [c], claims + [cc])
    assert after.id == before.id
    assert cc.id in after.claims and len(after.claims) == 3


def test_same_value_written_in_another_unit_keeps_the_id():
    arts, claims = base()
    before = conflict_id(arts, claims)
    c = article("desk/three.txt", "Wells in the west gave 2,120 kb/d of crude and condensate "
                "during March.", outlet="Caspian Herald")
    cc = claim(c, "2,120", unit="bbl/d", factor=1000.0, **KEY)
    assert conflict_id(arts + [c], claims + [cc]).id == before.id


def test_a_changed_value_changes_the_id():
    arts, claims = base()
    before = conflict_id(arts, claims)
    b, cb = report("desk/two.txt", "Crude plus condensate output in the country reached 2.19 "
                   "million bpd last month.", "2.19 million", "Northline Wire")
    assert conflict_id([arts[0], b], [claims[0], cb]).id != before.id


def test_a_new_distinct_value_changes_the_id():
    arts, claims = base()
    before = conflict_id(arts, claims)
    c, cc = report("desk/three.txt", "Production of crude with condensate hit 2.25 million "
                   "barrels daily in March.", "2.25 million", "Caspian Herald")
    assert conflict_id(arts + [c], claims + [cc]).id != before.id


def test_ids_survive_a_line_move():
    arts, claims = base()
    before = conflict_id(arts, claims)
    moved = article("desk/two.txt", "\n\n\nCrude plus condensate output in the country reached "
                    "2.17 million bpd last month.", outlet="Northline Wire")
    cm = claim(moved, "2.17 million", unit="bbl/d", **KEY)
    assert conflict_id([arts[0], moved], [claims[0], cm]).id == before.id


def test_arithmetic_id_keeps_when_a_copy_repeats_the_sum():
    body = ("Exports reached 70 million tons last year, split between 50 million tons by "
            "pipeline and 30 million tons by sea.")
    key = dict(entity="Kazakhstan", metric="exports", period="2024")

    def one(path):
        art = article(path, body, outlet=path)
        return art, [claim(art, f, unit="t", **key) for f in
                     ("70 million", "50 million", "30 million")]

    a, ca = one("desk/a.txt")
    first = [f for f in findings_for([a], ca) if f.rule == "FC202"]
    b, cb = one("desk/b.txt")
    both = [f for f in findings_for([a, b], ca + cb) if f.rule == "FC202"]
    assert len(first) == 1 and [f.id for f in both] == [first[0].id]
    assert set(both[0].claims) >= {c.id for c in ca}


def test_conversions_follow_the_rules_folder(tmp_path):
    """A desk that redefines a unit in its own rules folder gets its own comparisons."""
    folder = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, folder)
    units = folder / "units.txt"
    units.write_text(units.read_text().replace("mile = 1760 * yard = mi",
                                               "mile = 1000 * metre = mi"))
    key = dict(entity="Caspian Pipeline Consortium", metric="distance", period="2025")
    a = article("desk/a.txt", "The pipeline runs 935 miles from the oilfields to the sea.")
    b = article("desk/b.txt", "The line stretches 1,505 km from the fields to the coast.")
    claims = [claim(a, "935", unit="mi", **key), claim(b, "1,505", unit="km", **key)]
    assert not [f for f in findings_for([a, b], claims) if f.rule == "FC101"]
    custom = load_check_rules(folder)
    assert custom.folder == str(folder)
    assert [f.rule for f in findings_for([a, b], claims, custom) if f.rule == "FC101"] == ["FC101"]
