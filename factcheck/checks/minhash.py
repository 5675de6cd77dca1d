"""MinHash signatures with LSH banding: near-duplicate candidates without comparing all pairs.

Written on hashlib and numpy rather than a dependency: it is short, it must be
deterministic across runs and machines (fixed seeds, no process-salted hash()), it is
vectorised over the whole corpus at once, and every candidate is confirmed by exact
Jaccard afterwards, so the estimate only has to find candidates, never to decide.

The permutations are multiply-shift hashes on 64-bit words, ((a * x + b) mod 2^64) >> 32:
a universal family that needs no modulo, so numpy computes them at memory speed.
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import Hashable, Iterable, Iterator, Sequence

import numpy as np

_CHUNK = 16384          # shingles hashed per numpy batch (memory: _CHUNK x num_perm x 8 bytes)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(32)


def hash32(shingle: str) -> int:
    """A stable 32-bit hash of a string (not Python's per-process salted hash()).

    CRC-32: fast in C and well spread over short strings; the MinHash permutations above it
    do the mixing, and every candidate is confirmed by exact Jaccard of these values.
    """
    return zlib.crc32(shingle.encode("utf-8"))


@lru_cache(maxsize=8)
def _permutations(num_perm: int, bands: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if num_perm % bands:
        raise ValueError("num_perm must be a multiple of bands")
    rng = np.random.RandomState(seed)
    a = rng.randint(1, 1 << 62, size=num_perm, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.randint(0, 1 << 62, size=num_perm, dtype=np.int64).astype(np.uint64)
    mix = rng.randint(1, 1 << 62, size=num_perm // bands, dtype=np.int64).astype(np.uint64)
    return a, b, mix


def band_hashes(hashes: Sequence[np.ndarray], salts: Sequence[int], *, num_perm: int = 128,
                bands: int = 32, seed: int = 1) -> np.ndarray:
    """(len(hashes), bands) LSH band keys of sets given as arrays of 32-bit shingle hashes.

    `salts` partition the index: items with different salts never share a band key.
    """
    a, b, mix = _permutations(num_perm, bands, seed)
    rows = num_perm // bands
    n = len(hashes)
    out = np.empty((n, bands), dtype=np.uint64)
    start = 0
    with np.errstate(over="ignore"):
        while start < n:
            stop, size = start, 0
            while stop < n and (size == 0 or size + max(1, hashes[stop].size) <= _CHUNK):
                size += max(1, hashes[stop].size)
                stop += 1
            part = [h if h.size else np.array([0xFFFFFFFF], dtype=np.uint64)
                    for h in hashes[start:stop]]
            values = np.concatenate(part).astype(np.uint64)
            hashed = (np.multiply.outer(values, a) + b) >> _SHIFT
            offsets = np.cumsum([0] + [h.size for h in part[:-1]])
            sig = np.minimum.reduceat(hashed, offsets, axis=0)
            # One 64-bit value per band (wrap-around arithmetic is deterministic).
            out[start:stop] = (sig.reshape(stop - start, bands, rows) * mix).sum(
                axis=2, dtype=np.uint64)
            start = stop
        out += (np.asarray(salts, dtype=np.uint64) * _GOLDEN)[:, None]
    return out


def band_pairs(band_hash: np.ndarray, max_bucket: int | None = None) -> Iterator[np.ndarray]:
    """For each band, the pairs (i, j), i < j, sharing its key: one (m, 2) array a band.

    A pair sharing several bands comes once per band: a caller that links pairs skips the
    ones already linked, and holding one band at a time keeps memory to a band's pairs.
    A bucket with more than `max_bucket` members is a family of look-alike texts (a
    template, stock wording), not a set of copies: it yields no pairs, which keeps the
    work linear where one phrase recurs across a whole archive."""
    bands = band_hash.shape[1] if band_hash.ndim == 2 else 0
    for band in range(bands):
        column = band_hash[:, band]
        order = np.argsort(column, kind="stable")
        sorted_col = column[order]
        same = np.flatnonzero(sorted_col[1:] == sorted_col[:-1])
        if same.size == 0:
            continue
        # Runs of equal band keys: each run is one bucket with two or more members.
        breaks = np.diff(same) > 1
        run_start = same[np.concatenate(([True], breaks))]
        run_end = same[np.concatenate((breaks, [True]))] + 2
        sizes = run_end - run_start
        keep = sizes <= max_bucket if max_bucket is not None else np.ones_like(sizes, bool)
        found = []
        for size in np.unique(sizes[keep]).tolist():
            starts = run_start[keep & (sizes == size)]
            left, right = np.triu_indices(size, 1)
            members = order[starts[:, None] + np.arange(size)]
            first = members[:, left].ravel()
            second = members[:, right].ravel()
            found.append(np.stack([np.minimum(first, second), np.maximum(first, second)], 1))
        if found:
            yield np.concatenate(found).astype(np.int64)


def bucket_pairs(band_hash: np.ndarray, max_bucket: int | None = None) -> np.ndarray:
    """Every pair (i, j), i < j, sharing a band key, once, sorted: an (m, 2) int64 array.

    Near-copies share most of their bands, so a pair comes up to once a band: each band's
    pairs are reduced to distinct codes (i * n + j, 8 bytes a pair) as they come, then
    merged once."""
    n = np.int64(max(band_hash.shape[0], 1) if band_hash.ndim == 2 else 1)
    merged = np.empty(0, dtype=np.int64)
    pending: list[np.ndarray] = []
    waiting = 0
    for pairs in band_pairs(band_hash, max_bucket):
        codes = np.unique(pairs[:, 0] * n + pairs[:, 1])
        pending.append(codes)
        waiting += codes.size
        # Merge once the bands waiting outweigh what is merged: memory stays a small
        # multiple of the distinct pairs, not of the pairs summed over every band.
        if waiting > max(merged.size, 1 << 20):
            merged = np.unique(np.concatenate([merged, *pending]))
            pending, waiting = [], 0
    if pending:
        merged = np.unique(np.concatenate([merged, *pending]))
    return np.stack([merged // n, merged % n], 1)


class MinHashLSH:
    """Index sets of shingles; `candidates()` yields pairs sharing at least one band.

    With b bands of r rows, two sets of Jaccard similarity s become candidates with
    probability 1 - (1 - s^r)^b; the defaults (32 x 4) catch s >= 0.5 almost surely and
    s = 0.3 about a quarter of the time.
    """

    def __init__(self, num_perm: int = 128, bands: int = 32, seed: int = 1):
        _permutations(num_perm, bands, seed)
        self.num_perm, self.bands, self.seed = num_perm, bands, seed
        self._keys: list[Hashable] = []
        self._hashes: list[np.ndarray] = []
        self._salts: list[int] = []

    def add(self, key: Hashable, shingles: Iterable[str], salt: str = "") -> None:
        """`salt` partitions the index: only items with the same salt can be candidates."""
        self._keys.append(key)
        self._hashes.append(np.array(sorted({hash32(s) for s in shingles}), dtype=np.uint64))
        self._salts.append(hash32(salt) if salt else 0)

    def candidates(self, max_bucket: int | None = None) -> Iterator[tuple[Hashable, Hashable]]:
        """Each candidate pair once, in a deterministic order (by insertion order)."""
        if len(self._keys) < 2:
            return
        bands = band_hashes(self._hashes, self._salts, num_perm=self.num_perm,
                            bands=self.bands, seed=self.seed)
        for a, b in bucket_pairs(bands, max_bucket).tolist():
            yield self._keys[a], self._keys[b]


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
