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

_CHUNK = 4096           # shingles hashed per numpy batch: _CHUNK x num_perm x 8 bytes, near cache size
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
    part = [np.asarray(h, dtype=np.uint64) if len(h) else np.array([0xFFFFFFFF], dtype=np.uint64)
            for h in hashes]
    offsets = np.zeros(len(part) + 1, dtype=np.int64)
    np.cumsum([h.size for h in part], out=offsets[1:])
    values = np.concatenate(part) if part else np.empty(0, dtype=np.uint64)
    return band_hashes_flat(values, offsets, np.asarray(salts, dtype=np.uint64),
                            num_perm=num_perm, bands=bands, seed=seed)


def band_hashes_flat(values: np.ndarray, offsets: np.ndarray, salts: np.ndarray, *,
                     num_perm: int = 128, bands: int = 32, seed: int = 1) -> np.ndarray:
    """band_hashes of sets laid end to end: set i is values[offsets[i]:offsets[i + 1]].

    Every set must be non-empty. One flat array rather than an array per set: at archive
    scale millions of small numpy objects cost more than their contents.
    """
    a, b, mix = _permutations(num_perm, bands, seed)
    rows = num_perm // bands
    n = len(offsets) - 1
    out = np.empty((n, bands), dtype=np.uint64)
    start = 0
    with np.errstate(over="ignore"):
        while start < n:
            # As many whole sets as fit in _CHUNK values (at least one).
            limit = offsets[start] + _CHUNK
            stop = min(n, max(start + 1, int(np.searchsorted(offsets, limit, "right")) - 1))
            low = offsets[start]
            chunk = values[low:offsets[stop]].astype(np.uint64)
            # Permutation-major, so each minimum runs along contiguous memory.
            hashed = np.multiply.outer(a, chunk)
            hashed += b[:, None]
            hashed >>= _SHIFT
            sig = np.minimum.reduceat(hashed, offsets[start:stop] - low, axis=1)
            # One 64-bit value per band (wrap-around arithmetic is deterministic).
            out[start:stop] = (sig.reshape(bands, rows, stop - start) * mix[None, :, None]).sum(
                axis=1, dtype=np.uint64).T
            start = stop
        out += (np.asarray(salts, dtype=np.uint64) * _GOLDEN)[:, None]
    return out


def _repeated_rows(column: np.ndarray) -> np.ndarray:
    """Rows whose key may occur more than once: a bincount over the keys' top bits first.

    Most keys of a band are unique; sorting only the rows that share top bits with another
    keeps the exact bucket search below to a small fraction of the column."""
    bits = max(10, (2 * column.size).bit_length())
    if bits >= 40:
        return np.arange(column.size)
    slot = (column >> np.uint64(64 - bits)).astype(np.int64)
    return np.flatnonzero(np.bincount(slot, minlength=1 << bits)[slot] > 1)


def band_pairs(band_hash: np.ndarray, max_bucket: int | None = None,
               blocked: np.ndarray | None = None) -> Iterator[np.ndarray]:
    """For each band, the pairs (i, j), i < j, sharing its key: one (m, 2) array a band.

    A pair sharing several bands comes once per band: a caller that links pairs skips the
    ones already linked, and holding one band at a time keeps memory to a band's pairs.
    A bucket with more than `max_bucket` members is a family of look-alike texts (a
    template, stock wording), not a set of copies: it yields no pairs, which keeps the
    work linear where one phrase recurs across a whole archive. A row `blocked` in a band
    (an item whose bucket is known to be too large elsewhere) joins no bucket of it."""
    bands = band_hash.shape[1] if band_hash.ndim == 2 else 0
    for band in range(bands):
        rows = _repeated_rows(band_hash[:, band])
        if blocked is not None:
            rows = rows[~blocked[rows, band]]
        column = band_hash[rows, band]
        order = rows[np.argsort(column, kind="stable")]
        sorted_col = band_hash[order, band]
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
    """Every pair (i, j), i < j, sharing a band key, once, sorted: an (m, 2) int64 array."""
    codes, n = bucket_pair_codes(band_hash, max_bucket)
    return np.stack([codes // n, codes % n], 1)


def bucket_pair_codes(band_hash: np.ndarray, max_bucket: int | None = None,
                      blocked: np.ndarray | None = None) -> tuple[np.ndarray, int]:
    """bucket_pairs as sorted distinct codes i * n + j (8 bytes a pair rather than 16), and n.

    Near-copies share most of their bands, so a pair comes up to once a band: each band's
    pairs become codes, merged into distinct codes whenever the codes waiting outweigh the
    merged ones."""
    n = np.int64(max(band_hash.shape[0], 1) if band_hash.ndim == 2 else 1)
    merged = np.empty(0, dtype=np.int64)
    pending: list[np.ndarray] = []
    waiting = 0
    for pairs in band_pairs(band_hash, max_bucket, blocked):
        # Distinct already: an item has one key per band, so it sits in one bucket of it.
        codes = pairs[:, 0] * n + pairs[:, 1]
        pending.append(codes)
        waiting += codes.size
        # Merge once the bands waiting outweigh what is merged: memory stays a small
        # multiple of the distinct pairs, not of the pairs summed over every band.
        if waiting > max(merged.size, 1 << 20):
            merged = _distinct(np.concatenate([merged, *pending]))
            pending, waiting = [], 0
    if pending:
        merged = _distinct(np.concatenate([merged, *pending]))
    return merged, int(n)


def _distinct(codes: np.ndarray) -> np.ndarray:
    """np.unique by sorting in place (numpy's hashing unique is slower on millions of ints)."""
    codes.sort()
    return codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if codes.size else codes


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
