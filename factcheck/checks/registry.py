"""The check kinds: a few behaviours in code, instantiated by rules/checks.yaml.

A kind is a function (CheckContext, RuleConfig) -> Iterable[Finding]. Modules that define
kinds register them here on import, so a new kind (an arithmetic check, say) plugs in by
adding a module and a rules entry, without touching the runner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.checks.config import RuleConfig
    from factcheck.checks.context import CheckContext
    from factcheck.model import Finding

CheckFunction = Callable[["CheckContext", "RuleConfig"], Iterable["Finding"]]

CHECK_KINDS: dict[str, CheckFunction] = {}

# Kinds whose findings are informational by nature: a desk may not raise them to an alarm.
INFO_ONLY_KINDS = {"attributed-disagreement", "syndication", "unresolved-key"}


# Kinds that read one article at a time (its text and its own figures) and nothing else of
# the corpus, going through the articles in order: they can run in the per-file step, in
# parallel and cached with the file, and give the same findings as over the whole corpus.
ARTICLE_LOCAL_KINDS: set[str] = set()

# Kinds that read neither the claims' clusters nor the corpus's syndication: their findings
# are the same before near-duplicates are clustered as after, so a large run starts them
# in a second process while this one clusters (see parallel.py). A test holds every kind
# declared so to its word.
CLUSTER_BLIND_KINDS: set[str] = set()


def register(kind: str, *, article_local: bool = False,
             reads_clusters: bool = True) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator: make `kind` available to rules/checks.yaml."""

    def wrap(func: CheckFunction) -> CheckFunction:
        CHECK_KINDS[kind] = func
        if article_local:
            ARTICLE_LOCAL_KINDS.add(kind)
        if not reads_clusters:
            CLUSTER_BLIND_KINDS.add(kind)
        return func

    return wrap
