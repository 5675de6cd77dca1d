"""MinHash signatures with LSH banding: near-duplicate candidates without comparing all pairs.

Written on hashlib and numpy rather than a dependency: it is short, it must be
deterministic across runs and machines (fixed seeds, no process-salted hash()), it is
vectorised over the whole corpus at once, and every candidate is confirmed by exact
Jaccard afterwards, so the estimate only has to find candidates, never to decide.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Hashable, Iterable, Iterator

import numpy as np

_PRIME = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)
_CHUNK = 16384          # shingles hashed per numpy batch (memory: _CHUNK x num_perm x 8 bytes)


@lru_cache(maxsize=1 << 18)
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
        mix = np.random.RandomState(seed + 1)
        self._mix = mix.randint(1, (1 << 31) - 1, size=self.rows, dtype=np.int64).astype(np.uint64)
        self._keys: list[Hashable] = []
        self._hashes: list[np.ndarray] = []
        self._salts: list[int] = []

    def add(self, key: Hashable, shingles: Iterable[str], salt: str = "") -> None:
        """`salt` partitions the index: only items with the same salt can be candidates."""
        values = sorted({_hash32(s) for s in shingles}) or [0xFFFFFFFF]
        self._keys.append(key)
        self._hashes.append(np.array(values, dtype=np.uint64))
        self._salts.append(_hash32(salt) if salt else 0)

    def signatures(self) -> np.ndarray:
        """(len(keys), num_perm) minimum hashes, computed in batches of shingles."""
        n = len(self._hashes)
        out = np.empty((n, self._a.size), dtype=np.uint64)
        start = 0
        while start < n:
            stop, size = start, 0
            while stop < n and (size == 0 or size + self._hashes[stop].size <= _CHUNK):
                size += self._hashes[stop].size
                stop += 1
            values = np.concatenate(self._hashes[start:stop])
            # (a*x + b) mod p over 32-bit hashes: products stay below 2^63, no overflow.
            hashed = (np.outer(values, self._a) + self._b) % _PRIME & _MASK32
            offsets = np.cumsum([0] + [h.size for h in self._hashes[start:stop - 1]])
            out[start:stop] = np.minimum.reduceat(hashed, offsets, axis=0)
            start = stop
        return out

    def candidates(self, max_bucket: int | None = None) -> Iterator[tuple[Hashable, Hashable]]:
        """Each candidate pair once, in a deterministic order (by insertion order).

        A bucket with more than `max_bucket` members is a family of look-alike texts (a
        template, stock wording), not a set of copies: it yields no pairs, which keeps the
        work linear where one phrase recurs across a whole archive."""
        if len(self._keys) < 2:
            return
        sig = self.signatures().reshape(len(self._keys), self.bands, self.rows)
        # One 64-bit value per band (wrap-around arithmetic is deterministic).
        band_hash = (sig * self._mix).sum(axis=2, dtype=np.uint64)
        band_hash += (np.array(self._salts, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))[:, None]
        pairs: set[tuple[int, int]] = set()
        for band in range(self.bands):
            column = band_hash[:, band]
            order = np.argsort(column, kind="stable")
            sorted_col = column[order]
            same = np.flatnonzero(sorted_col[1:] == sorted_col[:-1])
            if same.size == 0:
                continue
            # Runs of equal band hashes: each run is one bucket with two or more members.
            run_start = same[np.concatenate(([True], np.diff(same) > 1))]
            run_end = same[np.concatenate((np.diff(same) > 1, [True]))] + 2
            for lo, hi in zip(run_start.tolist(), run_end.tolist()):
                if max_bucket is not None and hi - lo > max_bucket:
                    continue
                members = sorted(order[lo:hi].tolist())
                for i, a in enumerate(members):
                    for b in members[i + 1:]:
                        pairs.add((a, b))
        for a, b in sorted(pairs):
            yield self._keys[a], self._keys[b]


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
