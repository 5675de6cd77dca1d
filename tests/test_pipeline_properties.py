"""Property, end to end: two articles about one figure, through ingest, parser, framing and
checks. A restatement (rounded, in other units, hedged) is never flagged; a planted
different figure always is."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck.ingest import read_document
from factcheck.model import SEVERITY_RANK
from factcheck.pipeline import analyse, load_rules

RULES = load_rules()
ENTITIES = ["Norway", "Brazil", "Nigeria", "Angola", "Oman", "Mexico", "Canada", "Kazakhstan"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October"]


def written(value: float, style: str) -> str:
    """`value` in barrels per day, written the way a desk might write it."""
    if style == "million2":
        return f"{value / 1e6:.2f} million barrels per day"
    if style == "million3":
        return f"{value / 1e6:.3f} million bpd"
    if style == "kbd":
        return f"{round(value / 1e3):,} kb/d"
    if style == "bpd":
        return f"{round(value / 1e3) * 1000:,} barrels a day"
    if style == "about":
        return f"about {value / 1e6:.1f} million bpd"
    raise ValueError(style)


STYLES = ["million2", "million3", "kbd", "bpd", "about"]


def run_pair(entity: str, month: int, first: str, second: str):
    name = MONTHS[month]
    published = dt.date(2025, month + 2, 3)
    one = (f"Energy Weekly | {published:%B} {published.day}, {published.year} |\n\n"
           f"{entity}'s crude oil and condensate output averaged {first} in {name}.\n")
    two = (f"Oil Desk | {published:%B} {published.day + 1}, {published.year} |\n\n"
           f"In {name}, {entity} pumped {second} of crude oil and condensate, data showed.\n")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for file_name, text in (("one.txt", one), ("two.txt", two)):
            path = Path(tmp) / file_name
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        report = analyse([read_document(p) for p in paths], [], RULES)
    return report


def loud(report):
    return [f for f in report.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["warning"]]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entity=st.sampled_from(ENTITIES), month=st.integers(0, 9),
       value=st.integers(300, 9000).map(lambda k: k * 1000 + 250),
       styles=st.tuples(st.sampled_from(STYLES), st.sampled_from(STYLES)))
def test_restatements_are_never_flagged(entity, month, value, styles):
    report = run_pair(entity, month, written(value, styles[0]), written(value, styles[1]))
    assert len(report.claims) == 2
    assert loud(report) == [], [f.message for f in report.findings]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entity=st.sampled_from(ENTITIES), month=st.integers(0, 9),
       value=st.integers(300, 9000).map(lambda k: k * 1000 + 250),
       factor=st.one_of(st.floats(1.08, 1.6), st.floats(0.5, 0.92)),
       styles=st.tuples(st.sampled_from(["million3", "kbd"]), st.sampled_from(["million3", "kbd"])))
def test_a_planted_different_figure_is_always_found(entity, month, value, factor, styles):
    # A figure ending in "00" thousand reads as rounded to the hundred ("300 kb/d" may be
    # 250-350): plant figures whose precision is beyond doubt.
    assume(all(round(v / 1e3) % 100 for v in (value, value * factor)))
    report = run_pair(entity, month, written(value, styles[0]), written(value * factor, styles[1]))
    conflicts = [f for f in loud(report) if f.kind == "conflict"]
    assert len(conflicts) == 1, [f.message for f in report.findings]
    assert set(conflicts[0].claims) == {c.id for c in report.claims}


DEMONYMS = {"Norway": "Norwegian", "Brazil": "Brazilian", "Nigeria": "Nigerian",
            "Angola": "Angolan", "Oman": "Omani", "Mexico": "Mexican", "Canada": "Canadian",
            "Kazakhstan": "Kazakh"}
TEMPLATES = [
    "{E}'s crude oil and condensate output averaged {F} in {M}.",
    "In {M}, {E} pumped {F} of crude oil and condensate, data showed.",
    "{E} produced {F} of crude and condensate in {M}, according to ministry data.",
    "Output of crude oil and gas condensate in {E} reached {F} in {M}.",
    "{D} crude and condensate production stood at {F} in {M}.",
    "Combined crude and condensate production in {E} was {F} in {M}, officials said.",
]


def run_templates(entity, month, first, second, templates):
    name = MONTHS[month]
    published = dt.date(2025, month + 2, 3)
    texts = []
    for i, (template, figure) in enumerate(zip(templates, (first, second))):
        sentence = template.format(E=entity, D=DEMONYMS[entity], F=figure, M=name)
        texts.append(f"Desk {i} | {published:%B} {published.day + i}, {published.year} |\n\n"
                     f"{sentence}\n")
    with tempfile.TemporaryDirectory() as tmp:
        docs = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"{i}.txt"
            path.write_text(text, encoding="utf-8")
            docs.append(read_document(str(path)))
        return analyse(docs, [], RULES)


pairs_of_templates = st.lists(st.sampled_from(TEMPLATES), min_size=2, max_size=2, unique=True)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entity=st.sampled_from(ENTITIES), month=st.integers(0, 9),
       value=st.integers(300, 9000).map(lambda k: k * 1000 + 250),
       styles=st.tuples(st.sampled_from(STYLES), st.sampled_from(STYLES)),
       templates=pairs_of_templates)
def test_restatements_in_other_words_are_never_flagged(entity, month, value, styles, templates):
    report = run_templates(entity, month, written(value, styles[0]), written(value, styles[1]),
                           templates)
    assert len(report.claims) == 2
    assert loud(report) == [], [f.message for f in report.findings]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entity=st.sampled_from(ENTITIES), month=st.integers(0, 9),
       value=st.integers(300, 9000).map(lambda k: k * 1000 + 250),
       factor=st.one_of(st.floats(1.08, 1.6), st.floats(0.5, 0.92)),
       templates=pairs_of_templates)
def test_a_planted_figure_in_other_words_is_found(entity, month, value, factor, templates):
    assume(all(round(v / 1e3) % 100 for v in (value, value * factor)))
    report = run_templates(entity, month, written(value, "million3"),
                           written(value * factor, "kbd"), templates)
    kinds = [(f.kind, f.severity) for f in report.findings]
    named = [c for c in report.claims if c.attribution and c.attribution != "officials"]
    if named:
        # A figure credited to a named source against one credited to nobody is reported
        # as a difference of sources (FC102, info): the gap may be between sources.
        assert ("attributed-disagreement", "info") in kinds or ("conflict", "warning") in kinds, kinds
    else:
        assert [k for k in kinds if k[0] == "conflict" and k[1] in ("error", "warning")], kinds
