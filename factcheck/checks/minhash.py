"""MinHash signatures with LSH banding: near-duplicate candidates without comparing all pairs.

Written on hashlib and numpy rather than a dependency: it is some forty lines, it must be
deterministic across runs and machines (fixed seeds, no process-salted hash()), and every
candidate is confirmed by exact Jaccard afterwards, so the estimate only has to find
candidates, never to decide.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Hashable, Iterable, Iterator

import numpy as np

_PRIME = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)


def _hash32(shingle: str) -> int:
    return int.from_bytes(hashlib.sha1(shingle.encode("utf-8")).digest()[:4], "little")


class MinHashLSH:
    """Index sets of shingles; `candidates()` yields pairs sharing at least one band.

    With b bands of r rows, two sets of Jaccard similarity s become candidates with
    probability 1 - (1 - s^r)^b; the defaults (32 x 4) catch s >= 0.5 almost surely and
    s = 0.3 about a quarter of the time.
    """

    def __init__(self, num_perm: int = 128, bands: int = 32, seed: int = 1):
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        self.bands = bands
        self.rows = num_perm // bands
        rng = np.random.RandomState(seed)
        self._a = rng.randint(1, (1 << 31) - 1, size=num_perm, dtype=np.int64).astype(np.uint64)
        self._b = rng.randint(0, (1 << 31) - 1, size=num_perm, dtype=np.int64).astype(np.uint64)
        self._buckets: dict[tuple[int, bytes], list[Hashable]] = defaultdict(list)
        self._keys: list[Hashable] = []

    def signature(self, shingles: Iterable[str]) -> np.ndarray:
        values = np.array(sorted({_hash32(s) for s in shingles}), dtype=np.uint64)
        if values.size == 0:
            return np.full(self._a.shape, _MASK32, dtype=np.uint64)
        # (a*x + b) mod p over 32-bit hashes: products stay below 2^63, no overflow.
        hashed = (np.outer(values, self._a) + self._b) % _PRIME & _MASK32
        return hashed.min(axis=0)

    def add(self, key: Hashable, shingles: Iterable[str]) -> None:
        sig = self.signature(shingles)
        self._keys.append(key)
        for band in range(self.bands):
            chunk = sig[band * self.rows:(band + 1) * self.rows].tobytes()
            self._buckets[(band, chunk)].append(key)

    def candidates(self) -> Iterator[tuple[Hashable, Hashable]]:
        """Each candidate pair once, in a deterministic order (by insertion order)."""
        order = {k: i for i, k in enumerate(self._keys)}
        seen: set[tuple[int, int]] = set()
        for bucket_key in sorted(self._buckets):
            members = self._buckets[bucket_key]
            if len(members) < 2:
                continue
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    a, b = sorted((order[members[i]], order[members[j]]))
                    if (a, b) not in seen:
                        seen.add((a, b))
        for a, b in sorted(seen):
            yield self._keys[a], self._keys[b]


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
