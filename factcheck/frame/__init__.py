"""Claim framing: what each figure is about (entity, metric, period, modality, source).

    rules = load_framing_rules()            # rules/entities.yaml + rules/metrics.yaml
    claims = frame_article(article, quantities, rules)

Everything a desk may want to change lives in those two files; see docs/FRAMING.md.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.frame.framer import FramingRules, claim_id, frame_article
from factcheck.frame.gazetteer import load_gazetteer
from factcheck.frame.lexicon import load_lexicon
from factcheck.frame.periods import find_periods, resolve_period
from factcheck.frame.sentences import split_sentences
from factcheck.rules import DEFAULT_RULES_DIR

__all__ = ["FramingRules", "load_framing_rules", "frame_article", "split_sentences",
           "resolve_period", "find_periods", "claim_id"]


def load_framing_rules(rules_dir: str | Path | None = None) -> FramingRules:
    """Load and compile the gazetteer and metric lexicon; RulesError on any problem."""
    folder = Path(rules_dir) if rules_dir is not None else DEFAULT_RULES_DIR
    return FramingRules(load_gazetteer(folder / "entities.yaml"),
                        load_lexicon(folder / "metrics.yaml"))
