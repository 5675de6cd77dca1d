"""The local engine: the per-file stages over a process pool, with the file cache.

Workers are forked after the rules are loaded (where the platform allows), so each starts
with the rules in memory instead of parsing them again. A worker hashes, reads, extracts
and frames one file and writes its cache entry; the parent only collects results, in any
order: the reduce step sorts by path, so the report does not depend on scheduling.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Optional, Sequence

from factcheck.engine.cache import FileCache, ResultPack, _read, _seal, _write_atomic
from factcheck.engine.timings import stage

ProgressHook = Callable[[str], None]

_STATE: dict = {}
_SERIAL_BELOW = 8       # fewer files than this: a pool costs more than it saves


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:      # not on Linux
        return max(1, os.cpu_count() or 1)


def _init(rules, cache: Optional[FileCache], collect: bool = False) -> None:
    if collect:
        gc.enable()     # a forked worker inherits the parent's pause; framing makes cycles
    _STATE["rules"] = rules
    _STATE["cache"] = cache


def _one(path: str, key: str = ""):
    """One file's result; `key` is its cache key when the parent has already hashed it."""
    from factcheck.pipeline import process_file

    rules, cache = _STATE["rules"], _STATE["cache"]
    if cache is None:
        return process_file(path, rules)
    key = key or _key_of(cache, path)
    if not key:
        return process_file(path, rules)        # the read error is reported there
    hit = cache.get(key)
    if hit is not None and hit.path == path:
        return hit
    result = process_file(path, rules)
    if result.problem is None:
        cache.put(key, result)
    return result


def _many(items: Sequence[tuple[str, str]]) -> list:
    return [_one(path, key) for path, key in items]


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def extract_files(paths: Sequence[str], rules, *, jobs: int | None = None,
                  cache: FileCache | None = None, progress: ProgressHook | None = None,
                  scope: str = "") -> list:
    """FileResult for every path (ingest + extract + frame), using up to `jobs` processes.

    With a cache, the last run's pack for the same `scope` (the inputs as the user named
    them) answers for every unchanged file first; only the others are mapped (and looked
    up one by one in the per-file cache by the workers).
    """
    paths = list(paths)
    if cache is None:
        return _map(paths, rules, jobs, None, progress)
    started = time.time_ns()
    pack = ResultPack(cache, scope)
    with stage("cache pack: load"):
        known = pack.load()
        stats = _Stats(pack.folder)
    keep: dict = {}                    # key -> FileResult: the pack this run leaves
    key_of: dict[str, str] = {}        # path -> key, for the files mapped now
    seen: dict[str, tuple] = {}        # path -> (stat signature, key), for the next run
    results, todo = [], []
    for path in paths:
        sig = _signature(path)
        key = stats.key(path, sig)
        if not key:
            key = _key_of(cache, path)
            stats.hashed += 1
        if sig and key:
            seen[path] = (sig, key)
        hit = known.get(key) if key else None
        if hit is not None and hit.path == path:
            results.append(hit)
            keep[key] = hit
            if progress:
                progress(path)
        else:
            todo.append(path)
            key_of[path] = key
    fresh = _map(todo, rules, jobs, cache, progress, key_of)
    keep.update((key_of[r.path], r) for r in fresh if r.problem is None and key_of.get(r.path))
    with stage("cache pack: save"):
        pack.save(keep)
        stats.save(seen, started)
    return results + fresh


class _Stats:
    """The last run's files by path: the stat signature each had and the key its bytes
    gave, so that an unchanged file is not read and hashed again.

    A file is taken as unchanged when size, modification and change times, inode and
    device are all as recorded and it was last modified well before the recording run
    began (git's rule for racy entries): a write within the file system's timestamp
    granularity of that run could leave the signature as it was, so such a file is hashed.
    The change time moves on every write and cannot be set back, so a tool that restores
    the modification time does not hide an edit. Only files on local file systems are
    trusted this way (see _LOCAL_FILE_SYSTEMS)."""

    SETTLED_NS = 2_000_000_000

    def __init__(self, folder):
        self.file = folder / "stats.sealed"
        found = _read(self.file)
        ok = isinstance(found, dict) and found.get("version") == 1
        self.taken = found["taken"] if ok else 0
        self.known = found["paths"] if ok else {}
        self.hashed = 0

    def key(self, path: str, sig: tuple) -> str:
        entry = self.known.get(path)
        if not sig or entry is None or entry[0] != sig or not _local_device(sig[4], path):
            return ""
        if max(sig[1], sig[2]) >= self.taken - self.SETTLED_NS:
            return ""
        return entry[1]

    def save(self, seen: dict, taken: int) -> None:
        if seen == self.known and not self.hashed:
            return      # every file was known and settled: the record stands as it is
        try:
            _write_atomic(self.file, _seal(pickle.dumps(
                {"version": 1, "taken": taken, "paths": seen}, protocol=pickle.HIGHEST_PROTOCOL)))
        except OSError:
            pass    # the next run hashes every file: slower, never wrong


# File systems whose stat() this machine's kernel answers itself, with fine timestamps and
# a change time that every write moves. Network file systems (NFS, SMB, sshfs) may answer
# from attributes cached for up to a minute after another host's edit, and FAT keeps no
# change time: files there are always read and hashed.
_LOCAL_FILE_SYSTEMS = frozenset({
    "ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "f2fs", "jfs",
    "reiserfs", "bcachefs", "nilfs2"})
_DEVICES: dict[int, bool] = {}


def _local_device(device: int, path: str) -> bool:
    """Whether the file system holding `path` (device `device`) is a local one; False
    where the mount table cannot be read (outside Linux)."""
    known = _DEVICES.get(device)
    if known is None:
        known = _DEVICES[device] = _file_system(path) in _LOCAL_FILE_SYSTEMS
    return known


def _file_system(path: str) -> str:
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as handle:
            mounts = [line.split()[1:3] for line in handle if len(line.split()) >= 3]
    except OSError:
        return ""
    real = os.path.realpath(path)
    best, kind = "", ""
    for point, fstype in mounts:
        point = point.replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fstype
    return kind


def _signature(path: str) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return ()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def _key_of(cache: FileCache, path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return cache.key(path, handle.read())
    except OSError:
        return ""


def _map(paths: list[str], rules, jobs: int | None, cache: FileCache | None,
         progress: ProgressHook | None, keys: dict[str, str] | None = None) -> list:
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    results: list = []
    if not paths:
        return results
    # Keys the parent already hashed go with their files: no file is hashed twice.
    items = [(path, (keys or {}).get(path, "")) for path in paths]
    if jobs == 1 or len(paths) < _SERIAL_BELOW:
        _init(rules, cache)
        try:
            for i, (path, key) in enumerate(items, 1):
                results.append(_one(path, key))
                if progress:
                    progress(path)
                if i % 500 == 0:
                    gc.collect(0)   # the few cycles framing leaves, when the run pauses the collector
        finally:
            _STATE.clear()
        return results
    jobs = min(jobs, len(paths))
    # Small chunks keep the bar moving and balance files of very different sizes.
    size = max(1, min(16, len(paths) // (jobs * 16)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    pending = set(range(len(chunks)))
    try:
        with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init,
                                 initargs=(rules, cache, True)) as pool:
            futures = {pool.submit(_many, chunk): i for i, chunk in enumerate(chunks)}
            for future in as_completed(futures):
                part = future.result()
                pending.discard(futures[future])
                results.extend(part)
                if progress:
                    for result in part:
                        progress(result.path)
    except BrokenProcessPool:
        # A worker was killed (out of memory, a signal): finish its files here rather
        # than lose the run.
        _init(rules, cache)
        try:
            for i in sorted(pending):
                for path, key in chunks[i]:
                    results.append(_one(path, key))
                    if progress:
                        progress(path)
        finally:
            _STATE.clear()
    return results
