"""Check the gold files against their corpora, and the demo corpus against its sources.

1. Every gold claim's `text` occurs on the stated line of the stated file (whitespace folded,
   case-insensitive), so a seed edit that moves a line is caught at once.
2. Ids are unique; kinds, severities, metric ids, modalities and period strings come from the
   shared vocabularies; entities are canonical names in rules/entities.yaml (a warning only,
   the gazetteer may lag behind).
3. With --overlap N: lists every run of N or more words of seeds/ that repeats the source
   documents in ../shared/seeds (the demo corpus must be written in the project's own words;
   a run of 12 or more fails, shorter runs such as a byline of names and a date are listed
   for review).

Usage: python benchmarks/gold/verify_gold.py [--overlap 8] [gold.yaml ...]
Exit status 1 when a gold claim is wrong or a run of 12+ shared words is found.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
FAIL_RUN = 12   # shared-word run length that counts as copied text

KINDS = {"conflict", "attributed-disagreement", "syndication", "unresolved-key",
         "percent-change", "parts-total", "rate-total", "share", "difference", "record",
         "conversion"}
SEVERITIES = {"error", "warning", "info"}
MODALITIES = {"actual", "forecast", "target", "change", "forecast_change"}
PERIOD = re.compile(r"^(|\d{4}|\d{4}-(0[1-9]|1[0-2])|\d{4}-Q[1-4]|\d{4}-H[12]|\d{4}-\d{2}-\d{2})$")


def fold(text: str) -> str:
    return " ".join(text.split()).lower()


def metric_ids() -> set[str]:
    path = ROOT / "rules" / "metrics.yaml"
    if not path.exists():
        return set()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    items = data.get("metrics", data) if isinstance(data, dict) else data
    return {m["id"] for m in items if isinstance(m, dict) and "id" in m}


def entity_names() -> set[str]:
    path = ROOT / "rules" / "entities.yaml"
    if not path.exists():
        return set()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    items = data.get("entities", data) if isinstance(data, dict) else data
    return {e["name"] for e in items if isinstance(e, dict) and "name" in e}


def check_gold(path: Path, metrics: set[str], entities: set[str]) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    corpus = (ROOT / gold["corpus"]).resolve()
    cache: dict[str, list[str]] = {}

    def check_claim(where: str, c: dict) -> None:
        f = corpus / c["file"]
        if c["file"] not in cache:
            if not f.exists():
                errors.append(f"{where}: no file {f}")
                return
            cache[c["file"]] = f.read_text(encoding="utf-8").splitlines()
        lines = cache[c["file"]]
        n = int(c["line"])
        if not 1 <= n <= len(lines):
            errors.append(f"{where}: {c['file']} has no line {n}")
        elif fold(str(c["text"])) not in fold(lines[n - 1]):
            errors.append(f"{where}: {c['text']!r} not on {c['file']}:{n}")

    ids: set[str] = set()
    findings = gold.get("findings", {}) or {}
    for section in ("must_flag", "must_not_flag"):
        for entry in findings.get(section, []) or []:
            eid = entry["id"]
            if eid in ids:
                errors.append(f"{path.name}: duplicate id {eid}")
            ids.add(eid)
            if section == "must_flag":
                if entry.get("kind") not in KINDS:
                    errors.append(f"{eid}: unknown kind {entry.get('kind')!r}")
                if entry.get("min_severity", "warning") not in SEVERITIES:
                    errors.append(f"{eid}: unknown severity {entry.get('min_severity')!r}")
            if len(entry.get("claims", [])) < 1 or (section == "must_not_flag" and len(entry["claims"]) < 2):
                errors.append(f"{eid}: too few claims")
            for c in entry.get("claims", []):
                check_claim(eid, c)
    for c in gold.get("claims", []) or []:
        where = f"claims {c['file']}:{c['line']} {c['text']!r}"
        check_claim(where, c)
        if "metric" in c and metrics and c["metric"] not in metrics:
            errors.append(f"{where}: unknown metric {c['metric']!r}")
        if "modality" in c and c["modality"] not in MODALITIES:
            errors.append(f"{where}: unknown modality {c['modality']!r}")
        if "period" in c and not PERIOD.match(str(c["period"])):
            errors.append(f"{where}: bad period {c['period']!r}")
        if c.get("entity") and entities and c["entity"] not in entities:
            warnings.append(f"{where}: entity {c['entity']!r} not in rules/entities.yaml")
    return errors, warnings


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w%$.,'’-]+", text.lower()) if w.strip(".,'’-")]


def overlaps(n: int) -> list[str]:
    source: set[tuple[str, ...]] = set()
    for f in sorted((ROOT.parent / "shared" / "seeds").glob("*")):
        w = [x.strip(".,'’") for x in words(f.read_text(encoding="utf-8"))]
        source.update(tuple(w[i:i + n]) for i in range(len(w) - n + 1))
    found = []
    for f in sorted((ROOT / "seeds").glob("*")):
        w = [x.strip(".,'’") for x in words(f.read_text(encoding="utf-8"))]
        i = 0
        while i <= len(w) - n:
            if tuple(w[i:i + n]) in source:
                j = i + n
                while j < len(w) and tuple(w[j - n + 1:j + 1]) in source:
                    j += 1
                found.append(f"{f.name}: {j - i} words: {' '.join(w[i:j])}")
                i = j
            else:
                i += 1
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*")
    parser.add_argument("--overlap", type=int, default=0, help="report runs of N words shared with ../shared/seeds")
    args = parser.parse_args(argv)
    files = [Path(g) for g in args.gold] or sorted((ROOT / "benchmarks" / "gold").glob("*.yaml"))
    metrics, entities = metric_ids(), entity_names()
    bad = 0
    for path in files:
        errors, warnings = check_gold(path, metrics, entities)
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        f = gold.get("findings", {}) or {}
        print(f"{path.name}: {len(f.get('must_flag', []) or [])} must-flag, "
              f"{len(f.get('must_not_flag', []) or [])} must-not-flag, "
              f"{len(gold.get('claims', []) or [])} framed claims, {len(errors)} errors")
        for e in errors:
            print("  error:", e)
        for w in warnings:
            print("  warning:", w)
        bad += len(errors)
    if args.overlap:
        found = overlaps(args.overlap)
        print(f"seeds/ vs ../shared/seeds: {len(found)} runs of {args.overlap}+ shared words")
        for line in found:
            print("  ", line)
        bad += sum(1 for line in found if int(line.split(": ")[1].split()[0]) >= FAIL_RUN)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
