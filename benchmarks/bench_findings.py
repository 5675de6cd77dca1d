"""Accuracy of the findings and of claim framing against annotated gold.

For each gold file in benchmarks/gold/*.yaml: run the whole pipeline on its corpus, then
- recall: must-flag findings found (a finding of the same kind, at least the gold severity,
  whose claims include every gold claim);
- false alarms: must-not-flag pairs that a finding at warning or above sets together;
- precision: findings at warning or above that match some must-flag, over all of them
  (an unannotated warning counts against precision: the gold is meant to be complete for
  warning and above);
- framing accuracy: entity, metric, period (and modality) of the annotated claims.

Usage: python benchmarks/bench_findings.py [--gold FILE ...] [--write benchmarks/results/findings.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from factcheck.ingest import load  # noqa: E402
from machine import machine  # noqa: E402,F401
from factcheck.model import SEVERITY_RANK  # noqa: E402
from factcheck.pipeline import analyse, load_rules  # noqa: E402



def _match_claims(report, corpus: Path, gold_claim: dict) -> set[str]:
    """Ids of claims on the gold file+line whose text contains the gold text or vice versa."""
    want_text = " ".join(str(gold_claim["text"]).split()).lower()
    suffix = "/" + str(gold_claim["file"])
    ids = set()
    for c in report.claims:
        if c.line != int(gold_claim["line"]):
            continue
        if not ("/" + c.path).endswith(suffix):
            continue
        got = " ".join(c.text.split()).lower()
        if want_text in got or got in want_text:
            ids.add(c.id)
    return ids


def score(gold_path: Path, rules) -> dict:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    corpus = (ROOT / gold["corpus"]).resolve()
    try:
        corpus_arg = str(corpus.relative_to(Path.cwd()))
    except ValueError:
        corpus_arg = str(corpus)
    t0 = time.perf_counter()
    documents, problems = load([corpus_arg])
    report = analyse(documents, problems, rules)
    elapsed = time.perf_counter() - t0

    findings = list(report.findings)
    loud = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["warning"]]
    gold_findings = gold.get("findings", {}) or {}
    must = gold_findings.get("must_flag", []) or []
    must_not = gold_findings.get("must_not_flag", []) or []

    found, missed, unmatched_claims = [], [], []
    matched_loud: set[str] = set()
    for entry in must:
        claim_sets = [_match_claims(report, corpus, c) for c in entry["claims"]]
        if any(not s for s in claim_sets):
            unmatched_claims.append(entry["id"])
        need = SEVERITY_RANK[entry.get("min_severity", "warning")]
        hit = None
        for f in findings:
            if f.kind != entry["kind"] or SEVERITY_RANK[f.severity] < need:
                continue
            if all(s & set(f.claims) for s in claim_sets):
                hit = f
                break
        (found if hit else missed).append(entry["id"])
        if hit:
            matched_loud.add(hit.id)

    false_alarms = []
    for entry in must_not:
        claim_sets = [_match_claims(report, corpus, c) for c in entry["claims"]]
        if any(not s for s in claim_sets):
            continue
        for f in loud:
            if all(s & set(f.claims) for s in claim_sets):
                false_alarms.append((entry["id"], f.rule, f.message))
                break

    unexpected = [f for f in loud if f.id not in matched_loud]
    precision = (len([f for f in loud if f.id in matched_loud]) / len(loud)) if loud else 1.0

    framing = {"entity": [0, 0], "metric": [0, 0], "period": [0, 0], "modality": [0, 0]}
    framing_misses = []
    for g in gold.get("claims", []) or []:
        ids = _match_claims(report, corpus, g)
        claim = next((c for c in report.claims if c.id in ids), None)
        for part in framing:
            if part not in g:
                continue
            framing[part][1] += 1
            got = getattr(claim, part) if claim else None
            if part == "metric" and got:
                # Qualifiers refine a metric id in the key ("exports:to United States");
                # the gold names base ids.
                got = got.split(":", 1)[0]
            if got == (g[part] or ""):
                framing[part][0] += 1
            else:
                framing_misses.append(f"{g['file']}:{g['line']} {g['text']!r} {part}: "
                                      f"gold {g[part]!r}, got {got!r}")
    return {
        "name": gold_path.stem, "corpus": gold["corpus"], "seconds": elapsed,
        "articles": len(report.articles), "claims": len(report.claims),
        "must": len(must), "found": found, "missed": missed,
        "unmatched_gold_claims": unmatched_claims,
        "must_not": len(must_not), "false_alarms": false_alarms,
        "loud": len(loud), "unexpected": [(f.rule, f.severity, f.message) for f in unexpected],
        "precision": precision, "framing": framing, "framing_misses": framing_misses,
    }


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}" if b else "n/a"


def table(results: list[dict]) -> str:
    lines = [
        "| gold set | must-flag found | recall % | false alarms (warning+) | precision % (warning+) "
        "| entity % | metric % | period % | modality % |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        fr = r["framing"]
        lines.append(
            f"| {r['name']} | {len(r['found'])}/{r['must']} | {pct(len(r['found']), r['must'])} "
            f"| {len(r['false_alarms'])} of {r['must_not']} traps | {100 * r['precision']:.1f} "
            f"| {pct(*fr['entity'])} | {pct(*fr['metric'])} | {pct(*fr['period'])} "
            f"| {pct(*fr['modality'])} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="*", help="gold files (default: benchmarks/gold/*.yaml)")
    parser.add_argument("--write", default=str(ROOT / "benchmarks/results/findings.md"))
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    gold_files = [Path(g) for g in args.gold] if args.gold else sorted((ROOT / "benchmarks/gold").glob("*.yaml"))
    rules = load_rules()
    results = [score(g, rules) for g in gold_files]
    out = [f"Findings accuracy, {dt.date.today().isoformat()}, {machine()}", "", table(results), ""]
    for r in results:
        if r["missed"] or r["false_alarms"] or r["unexpected"] or args.verbose:
            out.append(f"{r['name']}:")
            out += [f"  missed: {m}" for m in r["missed"]]
            out += [f"  false alarm: {fa[0]} ({fa[1]}: {fa[2]})" for fa in r["false_alarms"]]
            out += [f"  unannotated {s} {rule}: {msg}" for rule, s, msg in r["unexpected"]]
            out += [f"  gold claim not found: {u}" for u in r["unmatched_gold_claims"]]
            if args.verbose:
                out += [f"  framing: {m}" for m in r["framing_misses"]]
    text = "\n".join(out) + "\n"
    print(text)
    if args.write:
        Path(args.write).parent.mkdir(parents=True, exist_ok=True)
        Path(args.write).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
