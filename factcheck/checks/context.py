"""What every check kind receives: the claims, the articles, and shared analyses."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping, Sequence

from factcheck.checks.config import CheckRules
from factcheck.checks.syndication import Syndication, SyndicationParams, analyse_syndication
from factcheck.model import Article, Claim


def syndication_params(rules: CheckRules) -> SyndicationParams:
    rule = rules.of_kind("syndication")
    return SyndicationParams.from_mapping(rule.params if rule else {})


@dataclass
class CheckContext:
    claims: Sequence[Claim]
    articles: Sequence[Article]
    rules: CheckRules
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def claims_by_id(self) -> Mapping[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def articles_by_id(self) -> Mapping[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def syndication(self) -> Syndication:
        return analyse_syndication(self.articles, self.claims, syndication_params(self.rules))

    def article_cluster(self, article_id: str) -> str:
        return self.syndication.article_cluster.get(article_id, article_id)

    def outlet(self, claim: Claim) -> str:
        article = self.articles_by_id.get(claim.article)
        return article.outlet if article else ""

    def memo(self, name: str, build):
        """Share one analysis between kinds (e.g. the key groups of FC101, FC102, FC104)."""
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]
