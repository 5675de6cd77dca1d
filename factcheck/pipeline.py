"""The pipeline: ingest -> extract -> frame -> cluster -> check -> Report.

Every stage is a function of its input and the loaded rules. Only ingest reads files and
only the CLI writes them, so a corpus can be mapped per file and reduced by claim key.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

from factcheck import __version__
from factcheck.model import (CLAIM_FIELDS, Article, Claim, Document, FileProblem, Finding, Report,
                             claim_values)
from factcheck.rules import DEFAULT_RULES_DIR, RulesError

ProgressHook = Callable[[str], None]


@dataclass(frozen=True)
class Rules:
    """Everything loaded from one rules folder, with a version fingerprint of its files."""

    dir: str
    version: str
    units: object
    framing: object
    checks: object


def rules_fingerprint(rules_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in rules_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(rules_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def load_rules(rules_dir: str | Path | None = None) -> Rules:
    """Load units, framing and check rules; a problem is a RulesError (exit 2)."""
    from factcheck.checks import load_check_rules
    from factcheck.extract.units import load_units
    from factcheck.frame import load_framing_rules

    path = Path(rules_dir) if rules_dir else DEFAULT_RULES_DIR
    if not path.is_dir():
        raise RulesError(path, "rules folder not found")
    return Rules(
        dir=str(path),
        version=rules_fingerprint(path),
        units=load_units(path),
        framing=load_framing_rules(path),
        checks=load_check_rules(path),
    )


def claims_of_document(document: Document, rules: Rules) -> list[Claim]:
    """Extract and frame every figure of one file (the per-file 'map' step)."""
    from factcheck.extract import find_quantities
    from factcheck.frame import frame_article

    claims: list[Claim] = []
    for article in document.articles:
        claims.extend(frame_article(article, find_quantities(article.text, rules_dir=rules.dir),
                                    rules.framing))
    return claims


@dataclass(frozen=True)
class FileResult:
    """What the per-file stages make of one input file: the unit of caching and of work."""

    path: str
    document: Document | None             # None when the file could not be read
    claims: tuple[Claim, ...] = ()
    problem: FileProblem | None = None
    signatures: tuple = ()                # ArticleSignature per article, for syndication
    local: tuple[Finding, ...] | None = None    # the article-local checks' findings, if run


def process_file(path: str, rules: Rules) -> FileResult:
    """Ingest, extract and frame one file; a file that cannot be read is a FileProblem."""
    from factcheck.ingest import IngestError, read_document

    try:
        document = read_document(path)
    except IngestError as exc:
        return FileResult(path, None, (), FileProblem(path, "error", exc.message))
    claims = tuple(claims_of_document(document, rules))
    return FileResult(path, document, claims, None, signatures_of(document, claims, rules),
                      local_findings(document, claims, rules))


def local_findings(document: Document, claims: Sequence[Claim], rules: Rules) -> tuple:
    """The findings of the checks that read one article at a time: per-file work, so it
    runs in parallel and is cached with the file."""
    from factcheck.checks import run_local_checks

    return tuple(run_local_checks(claims, document.articles, rules.checks))


def signatures_of(document: Document, claims: Sequence[Claim], rules: Rules) -> tuple:
    """Each article's syndication signature: tokenising is per-file work, done here."""
    from factcheck.checks.context import syndication_params
    from factcheck.checks.syndication import article_signature

    params = syndication_params(rules.checks)
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    return tuple(article_signature(a, by_article.get(a.id, ()), params)
                 for a in document.articles)


def analyse(documents: Sequence[Document], problems: Sequence[FileProblem], rules: Rules,
            *, run_root: str = ".", progress: ProgressHook | None = None) -> Report:
    """Run every stage after ingest and assemble the Report."""
    results = []
    for document in sorted(documents, key=lambda d: d.path):
        results.append(FileResult(document.path, document,
                                  tuple(claims_of_document(document, rules))))
        if progress:
            progress(document.path)
    return analyse_results(results, problems, rules, run_root=run_root)


def analyse_results(results: Iterable[FileResult], problems: Sequence[FileProblem],
                    rules: Rules, *, run_root: str = ".", consume: bool = False,
                    memo=None, jobs: int = 1) -> Report:
    """The reduce step: syndication clusters, checks, suppressions, over framed files.

    The outcome does not depend on the order of `results` (files are sorted by path), so
    any engine that maps files in any order gives the same report. With `consume`, a
    list of results is emptied once read, so that at archive scale each file's claims and
    signatures are freed as soon as the reduce is done with them, and their claims are
    the reduce's to change (their clusters are set in place). A `memo`
    (engine.cache.ReduceMemo) lets a re-run patch the last run's sentence clusters
    instead of computing them all again; with `jobs` > 1 the checks of a large corpus
    use two processes (checks/parallel.py). The report is the same either way.
    """
    ordered = sorted(results, key=lambda r: r.path)
    if consume and isinstance(results, list):
        results.clear()
    documents = [r.document for r in ordered if r.document is not None]
    claims = [c for r in ordered if r.document is not None for c in r.claims]
    problems = list(problems) + [r.problem for r in ordered if r.problem is not None]
    signatures = {s.article: s for r in ordered if r.document is not None for s in r.signatures}
    local = _local_by_article(r for r in ordered if r.document is not None)
    ordered.clear()
    return _reduce(documents, claims, problems, rules, run_root, signatures, local, memo, jobs,
                   own_claims=consume)


def _local_by_article(results: Iterable[FileResult]) -> dict[str, list[Finding]]:
    """Article id -> its article-local findings, for every article of a file that has them
    (an article without findings maps to [])."""
    local: dict[str, list[Finding]] = {}
    for result in results:
        if result.local is None:
            continue
        owner = {c.id: c.article for c in result.claims}
        for article in result.document.articles:
            local[article.id] = []
        for finding in result.local:
            local[owner[finding.claims[0]]].append(finding)
    return local


def reduce_claims(documents: Sequence[Document], claims: Sequence[Claim],
                  problems: Sequence[FileProblem], rules: Rules, *,
                  run_root: str = ".", signatures=None,
                  local: dict[str, Sequence[Finding]] | None = None) -> Report:
    """Cluster, check and report framed claims (claims' clusters are recomputed here).

    `signatures` (article id -> ArticleSignature) come from the per-file step; articles
    without one are signed here. `local` (article id -> the findings of the article-local
    checks in it, from the per-file step or an archive): those checks are not run again
    on those articles.
    """
    return _reduce(list(documents), list(claims), list(problems), rules, run_root,
                   dict(signatures or {}),
                   {a: list(found) for a, found in local.items()} if local else None)


def _reduce(documents: list[Document], claims: list[Claim], problems: list[FileProblem],
            rules: Rules, run_root: str, signatures: dict,
            local: dict[str, list[Finding]] | None = None, memo=None,
            jobs: int = 1, own_claims: bool = False) -> Report:
    """reduce_claims on lists it owns: it sorts and rewrites `claims` in place and empties
    `signatures`, so the corpus is held once, not twice, while it runs. With `own_claims`
    the claim objects are its own too (nobody else holds them): their clusters are set in
    place instead of in copies."""
    from factcheck.checks import run_checks, start_blind_checks, syndicate
    from factcheck.checks.findings import claim_order
    from factcheck.report.json_report import build_report
    from factcheck.suppress import apply_inline_suppressions

    from factcheck.engine.timings import stage

    documents.sort(key=lambda d: d.path)
    articles: list[Article] = [a for d in documents for a in d.articles]
    claims.sort(key=claim_order)
    # The kinds that read no cluster start now in a second process, beside the clustering.
    started = start_blind_checks(claims, articles, rules.checks, local, jobs=jobs)
    try:
        with stage("syndication"):
            # The signatures are the largest per-file data: syndication frees them as it goes.
            syn = syndicate(articles, claims, rules.checks, signatures, consume=True, memo=memo)
            shared: dict = {}
            if own_claims:
                for claim in claims:
                    _set_cluster(claim, syn.cluster_of_claim(claim), shared)
            else:
                for i, claim in enumerate(claims):
                    claims[i] = _with_cluster(claim, syn.cluster_of_claim(claim), shared)
    except BaseException:
        if started is not None:
            started.abandon()
        raise
    with stage("checks"):
        findings = run_checks(claims, articles, rules.checks, syn, local, jobs=jobs,
                              started=started)

    all_problems = list(problems)
    for document in documents:
        all_problems.extend(FileProblem(document.path, "warning", w) for w in document.warnings)

    findings, suppressed, directive_problems = apply_inline_suppressions(
        findings, claims, articles, known_codes=known_rule_codes(rules))
    all_problems.extend(directive_problems)
    all_problems = sorted(set(all_problems), key=lambda p: (p.path, p.level, p.message))
    report = build_report(articles, claims, findings, all_problems,
                          rules_version=rules.version, run_root=run_root)
    summary = dict(report.summary)
    summary["rules"] = rule_descriptions(rules)
    report = replace(report, summary=summary)
    if suppressed:
        report = replace(report, suppressed=tuple(suppressed))
    return report


def _with_cluster(claim: Claim, cluster: str, shared: dict | None = None) -> Claim:
    """replace(claim, cluster=...) without the introspection of replace(): the fields read
    at once in C, one changed, the class built from them (three times faster, for every
    claim of a corpus).

    The copy also shares its repeated strings (sentence, framing notes) with every other
    claim that has them: each file arrives from its worker with its own copies, and at
    archive scale they add up to a tenth of the run's memory. `shared` holds the notes
    tuples already seen in this run."""
    values = list(claim_values(claim))
    values[_CLUSTER_AT] = cluster
    values[_SENTENCE_AT] = sys.intern(claim.sentence)
    if shared is None:
        values[_NOTES_AT] = tuple(sys.intern(n) for n in claim.notes)
    else:       # the first claim with these notes lends its tuple to every later one
        values[_NOTES_AT] = shared.setdefault(claim.notes, claim.notes)
    return Claim(*values)


def _set_cluster(claim: Claim, cluster: str, shared: dict) -> None:
    """_with_cluster in place, for a claim nobody else holds: a record is frozen for its
    readers, but until the reduce hands its claims to the checks they are its own, and
    building a copy of every claim of a corpus costs five times as much as setting three
    fields (a tenth of a re-run at 10k articles). No claim is hashed before this (they are
    looked up by id), so none changes its hash under a set or a dict."""
    _set_field(claim, "cluster", cluster)
    _set_field(claim, "sentence", sys.intern(claim.sentence))
    _set_field(claim, "notes", shared.setdefault(claim.notes, claim.notes))


_set_field = object.__setattr__
_CLUSTER_AT = CLAIM_FIELDS.index("cluster")
_SENTENCE_AT = CLAIM_FIELDS.index("sentence")
_NOTES_AT = CLAIM_FIELDS.index("notes")


def rule_descriptions(rules: Rules) -> dict[str, dict[str, str]]:
    """The desk's own wording of each enabled rule, for SARIF, HTML and Markdown."""
    return {r.code: {"name": r.kind, "severity": r.severity, "description": r.description}
            for r in sorted(rules.checks.enabled, key=lambda r: r.code)}


def known_rule_codes(rules: Rules) -> set[str]:
    from factcheck.checks import rule_codes

    return set(rule_codes(rules.checks))


def restrict_to(report: Report, paths: Iterable[str]) -> Report:
    """Keep only findings that involve a claim from one of `paths` (a draft check)."""
    wanted = set(paths)
    claim_path = {c.id: c.path for c in report.claims}
    kept = tuple(f for f in report.findings if any(claim_path.get(c) in wanted for c in f.claims))
    dropped = len(report.findings) - len(kept)
    summary = dict(report.summary)
    summary["findings_outside_drafts"] = dropped
    return _with_findings(report, kept, summary)


def honour_directives_only_in(report: Report, paths: Iterable[str], rules: Rules) -> Report:
    """In a draft check, suppression directives count only in the drafts: a line in
    someone else's copy must not switch off the gate on the draft."""
    from factcheck.report.json_report import _finding_order
    from factcheck.suppress import apply_inline_suppressions

    wanted = set(paths)
    every = list(report.findings) + list(report.suppressed)
    kept, dropped, _ = apply_inline_suppressions(
        every, report.claims, [a for a in report.articles if a.path in wanted],
        known_codes=known_rule_codes(rules))
    order = _finding_order({c.id: c for c in report.claims})
    report = replace(report, suppressed=tuple(sorted(dropped, key=order)))
    return _with_findings(report, tuple(sorted(kept, key=order)), dict(report.summary))


def _with_findings(report: Report, findings: tuple[Finding, ...], summary: dict) -> Report:
    from factcheck.report.json_report import summarise

    summary.update(summarise(findings))
    return replace(report, findings=findings, summary=summary)


def version_string(rules: Rules) -> str:
    return f"factcheck {__version__}, rules {rules.version}"
