"""Property: planted conflicts are always found; restatements are never flagged."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.checks import assign_clusters, load_check_rules, run_checks
from test_checks_support import article, claim

RULES = load_check_rules()
ENTITIES = ["Kazakhstan", "Russia", "Norway", "Brazil"]
METRICS = ["crude_production", "exports", "crude_condensate_production"]
PERIODS = ["2025-01", "2025-02", "2025-03", "2025-Q1"]
VOCAB = ("field pipeline terminal port tanker crew winter storm quota pact minister budget "
         "deficit reform market buyer seller cargo grade blend refinery upgrade contract "
         "survey analyst forecast index spread discount premium delivery schedule repair "
         "outage weather summer autumn spring harbour railway border customs ledger audit "
         "report bulletin monthly weekly official figure estimate revision").split()


def sentence(rng: random.Random, figure: str) -> str:
    words = rng.sample(VOCAB, 14)
    return f"{' '.join(words[:7]).capitalize()} {figure} {' '.join(words[7:])}."


def written(value_m: float, style: str) -> tuple[str, dict]:
    """The figure as an article might write it, and how to read it back."""
    if style == "m3":
        return f"{value_m:.3f} million bpd", {"unit": "bbl/d"}
    if style == "m2":
        return f"{value_m:.2f} million bpd", {"unit": "bbl/d"}
    if style == "m1":
        return f"{value_m:.1f} million bpd", {"unit": "bbl/d"}
    if style == "kbd":
        kb = round(value_m * 1000)
        return f"{kb:,} kb/d", {"unit": "bbl/d", "factor": 1000.0,
                                "low": (kb - 0.5) * 1000, "high": (kb + 0.5) * 1000}
    barrels = round(value_m * 1e6)
    return f"{barrels:,} barrels per day", {"unit": "bbl/d"}


keys = st.lists(st.tuples(st.sampled_from(ENTITIES), st.sampled_from(METRICS),
                          st.sampled_from(PERIODS)), min_size=1, max_size=5, unique=True)
case = st.fixed_dictionaries({
    "keys": keys,
    "values": st.lists(st.integers(1000, 9999), min_size=5, max_size=5),
    "styles": st.lists(st.lists(st.sampled_from(["m3", "m2", "m1", "kbd", "bbl"]),
                                min_size=1, max_size=4), min_size=5, max_size=5),
    "plant": st.lists(st.booleans(), min_size=5, max_size=5),
    "shift": st.lists(st.floats(0.08, 0.5) | st.floats(-0.45, -0.08), min_size=5, max_size=5),
    "seed": st.integers(0, 10_000),
})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case)
def test_planted_conflicts_found_and_restatements_never_flagged(c):
    rng = random.Random(c["seed"])
    arts, claims, planted = [], [], {}
    for k, (entity, metric, period) in enumerate(c["keys"]):
        true_m = c["values"][k] / 1000          # 1.000 to 9.999 million bpd
        key = dict(entity=entity, metric=metric, period=period, confidence=0.9)
        figures = [written(true_m, s) for s in ["m3", *c["styles"][k]]]
        if c["plant"][k]:
            figures.append(written(true_m * (1 + c["shift"][k]), "m3"))
        for j, (figure, how) in enumerate(figures):
            art = article(f"gen/{k}-{j}.txt", sentence(rng, figure), index=0)
            arts.append(art)
            claims.append(claim(art, figure.split(" ")[0] + (
                " million" if "million" in figure else ""), **how, **key))
        if c["plant"][k]:
            planted[(entity, metric, period)] = claims[-1].id
    clustered = assign_clusters(arts, claims, RULES)
    findings = run_checks(clustered, arts, RULES)
    flagged = {}
    for f in findings:
        key = f.details["key"]
        flagged[(key["entity"], key["metric"], key["period"])] = f
    assert set(flagged) == set(planted)
    for key, claim_id in planted.items():
        f = flagged[key]
        assert (f.rule, f.severity) == ("FC101", "error")
        assert claim_id in f.claims
