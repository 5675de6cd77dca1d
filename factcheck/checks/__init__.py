"""The checks: from framed claims to findings.

    rules = load_check_rules(rules_dir)
    syn = syndicate(articles, claims, rules)            # near-duplicate clusters (FC103)
    claims = assign_clusters(articles, claims, rules, syn)
    findings = run_checks(claims, articles, rules, syn) # every enabled rule, fixed order

Check kinds live in small modules that register themselves in CHECK_KINDS; rules/checks.yaml
instantiates them with a code, a severity and tolerances. Any module named arithmetic*.py
in this package is imported too, so the FC2xx kinds plug in by being added.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from factcheck.checks import keyed, syndication  # noqa: F401  (register their kinds)
from factcheck.checks.compare import units_folder
from factcheck.checks.config import CheckRules, RuleConfig, load_check_rules, rule_codes
from factcheck.checks.context import CheckContext, syndication_params
from factcheck.checks.findings import claim_order, fingerprint, merge_same_id, sort_findings
from factcheck.checks.parallel import Forked, fork_rules, run_in_two
from factcheck.checks.registry import (ARTICLE_LOCAL_KINDS, CHECK_KINDS, CLUSTER_BLIND_KINDS,
                                       register)
from factcheck.checks.syndication import ArticleSignature, Syndication, analyse_syndication
from factcheck.engine.timings import stage
from factcheck.model import Article, Claim, Finding

for _module in sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])):
    if _module.startswith("arithmetic"):
        importlib.import_module(f"{__name__}.{_module}")

__all__ = [
    "CHECK_KINDS", "CheckContext", "CheckRules", "RuleConfig", "assign_clusters",
    "fingerprint", "load_check_rules", "register", "rule_codes", "run_checks",
    "run_local_checks", "start_blind_checks", "syndicate",
]


def syndicate(articles: Sequence[Article], claims: Sequence[Claim], rules: CheckRules,
              signatures: Mapping[str, ArticleSignature] | None = None, *,
              consume: bool = False, memo=None) -> Syndication:
    """Sentence and article clusters of a corpus (signatures from the per-file step if
    given; with `consume`, a dict of them is emptied and each freed once read; with a
    `memo`, the last run's sentence clusters are patched, see incremental.py)."""
    with units_folder(rules.folder):
        return analyse_syndication(articles, claims, syndication_params(rules), signatures,
                                   consume=consume, memo=memo)


def assign_clusters(articles: Sequence[Article], claims: Sequence[Claim],
                    rules: CheckRules, syndication: Syndication | None = None) -> list[Claim]:
    """Fill Claim.cluster: claims whose sentences are near-duplicates share one id."""
    syn = syndication or syndicate(articles, claims, rules)
    return [replace(c, cluster=syn.cluster_of_claim(c)) for c in claims]


def run_checks(claims: Sequence[Claim], articles: Sequence[Article],
               rules: CheckRules, syndication: Syndication | None = None,
               local: Mapping[str, Sequence[Finding]] | None = None,
               jobs: int = 1, started: Forked | None = None) -> list[Finding]:
    """Every enabled rule over the corpus; the order does not depend on input order.

    `local` (article id -> what run_local_checks found in it, from the per-file step):
    the article-local kinds are not run again on those articles. With `jobs` > 1 on a
    large corpus, the cluster-blind kinds run in a forked process while this one runs the
    others (see parallel.py); `started` is that process if start_blind_checks began it
    before clustering. The findings are the same either way.
    """
    try:
        claims = sorted(claims, key=claim_order)
        ctx = CheckContext(claims=claims, articles=sorted(articles, key=lambda a: a.id),
                           rules=rules)
        if syndication is not None:
            ctx.syndication = syndication
        run = _runner(ctx, local)
        enabled = _enabled(rules)
        with units_folder(rules.folder):     # conversions follow the run's --rules folder
            if started is None:
                by_rule = run_in_two(enabled, run, _blind, jobs=jobs, size=len(claims))
            else:
                by_rule = {r.code: run(r) for r in enabled if not _blind(r)}
                by_rule.update(started.collect(run))
    except BaseException:
        if started is not None:
            started.abandon()       # a no-op once collected
        raise
    findings = [f for rule in enabled for f in by_rule[rule.code]]
    return sort_findings(merge_same_id(findings, ctx.claims_by_id), ctx.claims_by_id)


def start_blind_checks(claims: Sequence[Claim], articles: Sequence[Article], rules: CheckRules,
                       local: Mapping[str, Sequence[Finding]] | None = None, *,
                       jobs: int) -> Forked | None:
    """Start the cluster-blind kinds in a forked process now, before the near-duplicates
    are clustered, for run_checks(started=...) to collect; None where run_checks would
    not fork either. The child reads the claims as they are now: their clusters are not
    set yet, and these kinds do not read them."""
    enabled = _enabled(rules)
    blind = [r for r in enabled if _blind(r)]
    if len(blind) == len(enabled):
        return None         # nothing left for this process to do meanwhile

    built: list = []        # the context, built in the child on its first rule

    def run(rule: RuleConfig) -> list[Finding]:
        if not built:
            ctx = CheckContext(claims=sorted(claims, key=claim_order),
                               articles=sorted(articles, key=lambda a: a.id), rules=rules)
            ctx.syndication = _NOT_YET
            built.append(_runner(ctx, local))
        with units_folder(rules.folder):
            return built[0](rule)

    return fork_rules(blind, run, jobs=jobs, size=len(claims))


class _NotYet:
    """The syndication of a context whose claims are not clustered yet: a cluster-blind
    kind that reads it breaks its declaration, and the run falls back to running it after
    clustering (see Forked.collect)."""

    def __getattr__(self, name):
        raise RuntimeError("a cluster-blind check kind read the syndication")


_NOT_YET = _NotYet()


def _enabled(rules: CheckRules) -> list[RuleConfig]:
    return [rule for rule in rules.enabled if rule.kind in CHECK_KINDS]


def _runner(ctx: CheckContext, local: Mapping[str, Sequence[Finding]] | None):
    """run(rule) -> the rule's findings over `ctx` (article-local kinds from `local` where
    the per-file step ran them)."""
    rest = _LocalRest(ctx.claims, ctx.articles, ctx.rules, local) if local else None

    def run(rule: RuleConfig) -> list[Finding]:
        kind = CHECK_KINDS[rule.kind]
        with stage(f"check {rule.code} {rule.kind} (process {os.getpid()})"):
            if rest is not None and rule.kind in ARTICLE_LOCAL_KINDS:
                return rest.findings(rule, kind)
            return list(_checked(kind(ctx, rule)))

    return run


def _blind(rule: RuleConfig) -> bool:
    """The kinds that may run before clustering, in the second process. They are the
    arithmetic kinds, which share the text layout, as the others share the key groups, so
    each process builds only what its own kinds read."""
    return rule.kind in CLUSTER_BLIND_KINDS


def run_local_checks(claims: Sequence[Claim], articles: Sequence[Article],
                     rules: CheckRules) -> list[Finding]:
    """The article-local kinds over some articles (one file's, in the per-file step), in
    the order run_checks would meet them; not merged, since copies elsewhere may add to
    a finding."""
    claims = sorted(claims, key=claim_order)
    ctx = CheckContext(claims=claims, articles=sorted(articles, key=lambda a: a.id), rules=rules)
    findings: list[Finding] = []
    with units_folder(rules.folder):
        for rule in rules.enabled:
            kind = CHECK_KINDS.get(rule.kind)
            if kind is not None and rule.kind in ARTICLE_LOCAL_KINDS:
                findings.extend(_cites_own_claims(_checked(kind(ctx, rule)), ctx.claims_by_id))
    return findings


def _cites_own_claims(findings: Iterable[Finding], claims_by_id: Mapping[str, Claim]):
    """An article-local finding is filed under its article, found from its first claim."""
    for finding in findings:
        if not finding.claims or finding.claims[0] not in claims_by_id:
            raise ValueError(f"{finding.rule}: an article-local finding must cite a claim "
                             "of the articles checked")
        yield finding


class _LocalRest:
    """The article-local findings of a corpus: those the per-file step found, in article
    order, and a run over the articles it did not cover (drafts, archive records)."""

    def __init__(self, claims: Sequence[Claim], articles: Sequence[Article], rules: CheckRules,
                 local: Mapping[str, Sequence[Finding]]):
        # A kind meets the articles in the order of their first figure in corpus order.
        self.order = list(dict.fromkeys(c.article for c in claims))
        self.local = local
        self.by_rule: dict[tuple[str, str], list[Finding]] = {}
        for article_id, found in local.items():
            for finding in found:
                self.by_rule.setdefault((article_id, finding.rule), []).append(finding)
        missing = {a.id for a in articles} - set(local)
        self.ctx = CheckContext(claims=[c for c in claims if c.article in missing],
                                articles=[a for a in articles if a.id in missing], rules=rules)

    def findings(self, rule: RuleConfig, kind) -> list[Finding]:
        fresh: dict[str, list[Finding]] = {}
        if self.ctx.claims:
            owners = self.ctx.claims_by_id
            for finding in _cites_own_claims(_checked(kind(self.ctx, rule)), owners):
                fresh.setdefault(owners[finding.claims[0]].article, []).append(finding)
        out: list[Finding] = []
        for article_id in self.order:
            if article_id in self.local:
                out.extend(self.by_rule.get((article_id, rule.code), ()))
            else:
                out.extend(fresh.get(article_id, ()))
        return out



def _checked(findings: Iterable[Finding]) -> Iterable[Finding]:
    for finding in findings:
        if finding.severity not in ("error", "warning", "info"):
            raise ValueError(f"{finding.rule}: severity {finding.severity!r}")
        yield finding
