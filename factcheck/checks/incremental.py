"""Syndication of a re-run: the last run's sentence clusters, patched where sentences changed.

Sentence clusters are a function of the set of distinct sentences alone: the connected
parts of the graph whose edges join two sentences that share an LSH bucket of at most
`max_bucket` members and pass the Jaccard test. A re-run after an edit adds a few
sentences (fresh) and drops a few (leaving); every other sentence persists.

Call a persisting sentence touched when it shares a bucket with a fresh or a leaving one,
and affected when it is in the last run's cluster of a touched one. Then:

- an edge between two unaffected sentences lies in a bucket without fresh or leaving
  members, so that bucket, its size and the edge are the last run's; and an unaffected
  sentence's last cluster holds no affected or leaving sentence (either would have made
  it touched or affected). So unaffected clusters are the last run's;
- no edge joins an affected or fresh sentence to an unaffected one: a bucket holding both
  holds no fresh or leaving member (else the unaffected one is touched), so the edge was
  there last time too, and would have put both in one cluster;
- so the fresh and affected sentences are clustered among themselves, with the pairs of
  their buckets that are not too large in the whole corpus.

The result is exactly the full run's (the tests hold every patched run to it), at a cost
that follows the fresh, leaving and affected sentences. When they are many (a large edit,
another corpus, an index of other parameters) the sentences are clustered in full. The
article clusters built on the sentence clusters are always computed in full: they are
cheap, and a boilerplate cap that follows the corpus size reaches them all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.checks.syndication import (
    ArticleSignature, Syndication, SyndicationParams, _analyse, _bands_of, _Sentences,
    link_within,
)


@dataclass
class SyndicationIndex:
    """What a run leaves for the next to patch its sentence clusters (kept in the cache)."""

    params: SyndicationParams
    slot_keys: np.ndarray              # uint64: slot -> key of an indexed sentence (0: free)
    codes: np.ndarray                  # (bands, n) uint64: each band's keys, sorted ...
    slots: np.ndarray                  # ... (bands, n) int32: and the slot of each
    several: np.ndarray                # sorted keys of the sentences in clusters of several
    several_roots: np.ndarray          # ... and the key of each one's cluster root


class SyndicationMemo:
    """Where a run finds the last run's SyndicationIndex and leaves its own
    (engine.cache.ReduceMemo keeps it in the cache folder)."""

    def load(self) -> SyndicationIndex | None:
        raise NotImplementedError

    def save(self, index: SyndicationIndex) -> None:
        raise NotImplementedError


# Beyond this share of the indexed sentences changed or affected, clustering them all
# again costs no more than the patch.
_LARGEST_PATCH = 0.25


def clusters_with_memo(signatures: list[ArticleSignature], params: SyndicationParams,
                       memo: SyndicationMemo) -> Syndication:
    """analyse_syndication's answer, with the sentence clusters patched from the memo's
    last run where that is cheaper; the memo is left with this run's index."""
    previous = memo.load()
    if not (isinstance(previous, SyndicationIndex) and previous.params == params
            and previous.codes.shape == previous.slots.shape
            and previous.codes.shape[0] == params.bands
            and previous.codes.shape[1] == np.count_nonzero(previous.slot_keys)):
        previous = None     # not an index a run of these parameters could have left
    found: dict = {}
    syn = _analyse(signatures, params, index=found, previous=previous)
    memo.save(SyndicationIndex(params, found["slot_keys"], found["codes"], found["slots"],
                               found["several"], found["several_roots"]))
    return syn


def patched_roots(previous: SyndicationIndex, sentences: _Sentences,
                  params: SyndicationParams, index: dict) -> np.ndarray | None:
    """Each sentence's cluster root (its cluster's first sentence in key order), as a full
    run finds it, from the last run's clusters; None when the patch would be as large as
    a full pass. Fills `index` for the next run, as syndication._roots does."""
    keys = sentences.keys
    count = len(keys)
    indexed = np.flatnonzero(sentences.tokens >= params.min_tokens)
    indexed_keys = keys[indexed]
    slot_keys = previous.slot_keys
    live = slot_keys != 0
    persists = live & np.isin(slot_keys, indexed_keys)
    leaving = live & ~persists
    fresh = indexed[~np.isin(indexed_keys, slot_keys[live])]
    limit = max(64, int(_LARGEST_PATCH * len(indexed)))
    if len(fresh) + int(leaving.sum()) > limit or len(slot_keys) + len(fresh) >= 1 << 31:
        return None

    # This run's buckets: the last run's without the leaving sentences, with the fresh.
    start = len(slot_keys)
    fresh_bands = (_bands_of(sentences, fresh, params)[0] if len(fresh)
                   else np.empty((0, params.bands), dtype=np.uint64))
    fresh_slots = np.arange(start, start + len(fresh), dtype=np.int32)
    stay = ~leaving[previous.slots]
    codes = np.empty((params.bands, int(stay[0].sum()) + len(fresh)), dtype=np.uint64)
    slots = np.empty(codes.shape, dtype=np.int32)
    touched = []
    for j in range(params.bands):
        old_codes, old_slots = previous.codes[j], previous.slots[j]
        touched.append(_members(old_codes, old_slots, old_codes[~stay[j]]))
        kept_codes, kept_slots = old_codes[stay[j]], old_slots[stay[j]]
        order = np.argsort(fresh_bands[:, j], kind="stable")
        new = fresh_bands[order, j]
        at = np.searchsorted(kept_codes, new)
        codes[j] = np.insert(kept_codes, at, new)
        slots[j] = np.insert(kept_slots, at, fresh_slots[order])
        touched.append(_members(codes[j], slots[j], new))
    touched_slots = np.unique(np.concatenate(touched))
    touched_slots = touched_slots[touched_slots < start]
    touched_keys = slot_keys[touched_slots[persists[touched_slots]]]

    # Affected: the last run's clusters of the touched sentences, whole.
    several, several_roots = previous.several, previous.several_roots
    at = np.searchsorted(several, touched_keys)
    at = np.minimum(at, max(len(several) - 1, 0))
    in_several = (several[at] == touched_keys) if len(several) else np.zeros(0, dtype=bool)
    cluster_roots = np.unique(several_roots[at[in_several]]) if len(several) else several
    affected_keys = np.union1d(touched_keys, several[np.isin(several_roots, cluster_roots)])
    affected_keys = affected_keys[np.isin(affected_keys, indexed_keys)]
    redo = np.union1d(fresh, np.searchsorted(keys, affected_keys))
    if len(redo) > limit:
        return None

    # Unaffected sentences keep the last run's clusters.
    root = np.arange(count, dtype=np.int64)
    keep = np.isin(several, indexed_keys) & ~np.isin(several_roots, cluster_roots)
    members, roots = several[keep], several_roots[keep]
    member_at = np.searchsorted(keys, members)
    root_at = np.minimum(np.searchsorted(keys, roots), max(count - 1, 0))
    if len(members) and not (np.array_equal(keys[member_at], members)
                             and np.array_equal(keys[root_at], roots)):
        return None     # the index does not describe these sentences' past
    root[member_at] = root_at

    # The fresh and affected ones are clustered again, each band's bucket as large as it is
    # in the whole corpus.
    if len(redo) > 1:
        bands, values, offsets = _bands_of(sentences, redo, params)
        blocked = np.empty(bands.shape, dtype=bool)
        for j in range(params.bands):
            size = (np.searchsorted(codes[j], bands[:, j], "right")
                    - np.searchsorted(codes[j], bands[:, j], "left"))
            blocked[:, j] = size > params.max_bucket
        link_within(root, redo, bands, values, offsets, sentences.figures, params, blocked)

    slot_keys = slot_keys.copy()
    slot_keys[leaving] = 0
    index.update(slot_keys=np.concatenate([slot_keys, keys[fresh]]), codes=codes, slots=slots)
    return root


def _members(codes: np.ndarray, slots: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """The slots of every entry of sorted `codes` equal to one of `queries`."""
    if not len(queries):
        return np.empty(0, dtype=np.int32)
    start = np.searchsorted(codes, queries, "left")
    stop = np.searchsorted(codes, queries, "right")
    hits = stop - start
    at = np.repeat(start, hits) + (np.arange(hits.sum()) - np.repeat(np.cumsum(hits) - hits, hits))
    return slots[at]
