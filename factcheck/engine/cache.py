"""A content-addressed cache of per-file results, and of loaded rules.

Layout under the cache root (default reports/.cache):

    v1/files/<2 hex>/<sha256>.pkl      one FileResult per (path, bytes, rules, version)
    v1/packs/<code version>-<rules fingerprint>/<inputs>/<hex>.pkl   the last run's
                                        FileResults for those inputs, sharded by key:
                                        what a re-run loads first
    v1/rules/<code version>-<rules fingerprint>.pkl

The key of a file entry hashes its path as given (article and claim ids carry it), its
bytes, the rules fingerprint and the code version (package version plus a digest of the
package's files), so a change of any of them misses.
Entries are pickles of the frozen model dataclasses, written to a temporary file and
renamed into place, so a crash or two concurrent runs never leave a torn entry. An entry
that cannot be read is treated as a miss.

Unpickling runs code, and the cache sits in the working tree, where a pull request could
plant a file. Every entry is therefore sealed with an HMAC under a per-user secret kept
outside the project (XDG cache folder, mode 0600); an entry whose seal does not verify is
a miss and is never unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from factcheck import __version__

FORMAT = "v1"
_PACKAGE = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """The package version plus a digest of the package's own files.

    Pickled rules and framed claims are only valid for the code that made them: a changed
    framer or a new attribute on a rules object must miss, even without a version bump.
    Hashing the package (a few hundred kB) costs milliseconds.
    """
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file()
                       and p.suffix in (".py", ".txt", ".yaml", ".json", ".html", ".css", ".js")
                       and "__pycache__" not in p.parts):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8"))
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _write_atomic(path: Path, data) -> None:
    """Write `data` (bytes, or a list of byte-like parts) to a temporary file renamed onto
    `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pkl")
    try:
        with os.fdopen(fd, "wb") as handle:
            for part in ([data] if isinstance(data, bytes) else data):
                handle.write(part)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


_TAG = 32
_SECRET: bytes | None = None


def _secret() -> bytes:
    """This user's cache key, created on first use; in-memory only if it cannot be kept."""
    global _SECRET
    if _SECRET is None:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"
        key_file = base / "cache-key"
        try:
            base.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(os.urandom(32))
            except FileExistsError:
                pass
            secret = key_file.read_bytes()
            _SECRET = secret if len(secret) == 32 else os.urandom(32)
        except OSError:
            _SECRET = os.urandom(32)
    return _SECRET


def _seal(payload: bytes) -> bytes:
    return hmac.new(_secret(), payload, hashlib.sha256).digest() + payload


def _read(path: Path):
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    tag, payload = blob[:_TAG], blob[_TAG:]
    if len(tag) != _TAG or not hmac.compare_digest(
            tag, hmac.new(_secret(), payload, hashlib.sha256).digest()):
        return None     # not written by this user's factcheck: never unpickled
    try:
        return pickle.loads(payload)
    except Exception:   # a truncated entry: a miss, rewritten on this run
        return None


@dataclass(frozen=True)
class FileCache:
    """Per-file results of one rules version under one root; picklable for workers."""

    root: str
    rules_version: str
    package_version: str = field(default_factory=code_version)

    @staticmethod
    def open(root: str | os.PathLike, rules) -> "FileCache":
        return FileCache(str(root), rules.version)

    def key(self, path: str, data: bytes) -> str:
        digest = hashlib.sha256()
        for part in (FORMAT, self.package_version, self.rules_version, path):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return Path(self.root) / FORMAT / "files" / key[:2] / f"{key}.pkl"

    def get(self, key: str):
        return _read(self._entry(key))

    def put(self, key: str, value) -> None:
        try:
            _write_atomic(self._entry(key), _seal(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
        except OSError:
            pass    # a read-only or full disk slows the next run; it never fails this one


class ReduceMemo:
    """The last reduce's syndication index for one set of inputs (checks/incremental.py):
    a re-run clusters only the sentences its edits touch.

    One file per inputs, code version and rules version, under v1/reduce/. Its arrays
    (tens of MB for a large corpus) are written beside the pickle rather than inside it,
    and read back without a copy; the whole file is sealed like the other entries.
    """

    _MAGIC = b"fcmemo01"

    def __init__(self, cache: FileCache, scope: str = ""):
        name = hashlib.sha256(scope.encode("utf-8")).hexdigest()[:16]
        self.path = (Path(cache.root) / FORMAT / "reduce"
                     / f"{cache.package_version}-{cache.rules_version}" / f"{name}.bin")

    def load(self):
        try:
            blob = memoryview(self.path.read_bytes())
        except OSError:
            return None
        tag, payload = blob[:_TAG], blob[_TAG:]
        if len(tag) != _TAG or not hmac.compare_digest(
                bytes(tag), hmac.new(_secret(), payload, hashlib.sha256).digest()):
            return None
        try:
            if bytes(payload[:8]) != self._MAGIC:
                return None
            count = int.from_bytes(payload[8:16], "little")
            at = 16
            parts = []
            for _ in range(count + 1):
                size = int.from_bytes(payload[at:at + 8], "little")
                parts.append(payload[at + 8:at + 8 + size])
                at += 8 + size
            return pickle.loads(parts[0], buffers=parts[1:])
        except Exception:       # a truncated or foreign entry: a miss
            return None

    def save(self, value) -> None:
        buffers: list = []
        try:
            head = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
            parts = [self._MAGIC, len(buffers).to_bytes(8, "little")]
            for part in [head] + [b.raw() for b in buffers]:
                parts += [len(part).to_bytes(8, "little"), part]
            seal = hmac.new(_secret(), digestmod=hashlib.sha256)
            for part in parts:
                seal.update(part)
            _write_atomic(self.path, [seal.digest()] + parts)
        except (OSError, pickle.PicklingError, TypeError, AttributeError, ValueError):
            pass    # the next run clusters in full; it never fails this one


# A re-run after one edit rewrites one shard: a sixty-fourth of the corpus's results.
_SHARDS = 64


class ResultPack:
    """The last run's results in a few sealed files: a re-run loads its unchanged files
    from these in one read each instead of opening one entry per file.

    Results are sharded by the first hex digit of their key, so a re-run that changed one
    file rewrites one shard. A pack belongs to one code version and one rules version.
    """

    def __init__(self, cache: FileCache, scope: str = ""):
        # One pack per set of inputs as the user names them ("." and "drafts/x.txt" are
        # two): checking a draft must not replace the pack of the corpus it is run beside.
        name = hashlib.sha256(scope.encode("utf-8")).hexdigest()[:16]
        self.folder = (Path(cache.root) / FORMAT / "packs"
                       / f"{cache.package_version}-{cache.rules_version}" / name)
        self.loaded: dict[str, dict] = {}

    def _shard(self, key: str) -> str:
        return format(int(key[:2], 16) % _SHARDS, "02x")

    def load(self) -> dict:
        """key -> FileResult for every entry of every readable shard."""
        out: dict = {}
        for shard in (format(i, "02x") for i in range(_SHARDS)):
            entries = _read(self.folder / f"{shard}.pkl")
            if isinstance(entries, dict):
                self.loaded[shard] = entries
                out.update(entries)
        return out

    def save(self, results: dict) -> None:
        """Keep exactly these key -> FileResult entries; unchanged shards are not rewritten."""
        shards: dict[str, dict] = {format(i, "02x"): {} for i in range(_SHARDS)}
        for key, result in results.items():
            shards[self._shard(key)][key] = result
        for shard, entries in shards.items():
            before = self.loaded.get(shard)
            if before is not None and before.keys() == entries.keys():
                continue
            path = self.folder / f"{shard}.pkl"
            try:
                if entries:
                    _write_atomic(path, _seal(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)))
                elif path.exists():
                    path.unlink()
            except OSError:
                pass    # as with entries: a slower next run, never a failed one


def cached_rules(rules_dir: str | os.PathLike | None, cache_root: str | os.PathLike | None):
    """load_rules, but reuse a pickle of the loaded rules when the fingerprint matches.

    Parsing the YAML rules takes seconds; the fingerprint only reads the files' bytes.
    """
    from factcheck.pipeline import load_rules, rules_fingerprint
    from factcheck.rules import DEFAULT_RULES_DIR

    path = Path(rules_dir) if rules_dir else DEFAULT_RULES_DIR
    if cache_root is None or not path.is_dir():
        return load_rules(path)
    version = rules_fingerprint(path)
    entry = Path(cache_root) / FORMAT / "rules" / f"{code_version()}-{version}.pkl"
    # The entry is (rules, pattern code, lexicon): the engine code of the module patterns
    # of the framer, parser, checks and readers, so a check builds them without parsing
    # their source (see frame/lazy_pattern.py), and the parser's lexicon, whose patterns
    # pickle as engine code. All of them follow from the code version and the rules files
    # (the unit files among them) that name the entry.
    cached = _read(entry)
    rules, code, lexicon = (cached + (None,) * 3)[:3] if isinstance(cached, tuple) \
        else (None, None, None)
    if rules is not None and getattr(rules, "version", None) == version \
            and rules.dir == str(path):
        from factcheck.extract.units import UnitTable, adopt_units
        from factcheck.frame.lazy_pattern import adopt_pattern_code

        if isinstance(rules.units, UnitTable):
            adopt_units(path, rules.units)    # the parser's lexicon starts from it
            if lexicon is not None:
                from factcheck.extract.lexicon import adopt_lexicon

                adopt_lexicon(rules.units, lexicon)
        adopt_pattern_code(code)
        return rules
    rules = load_rules(path)
    try:
        import importlib

        from factcheck.extract.lexicon import get_lexicon
        from factcheck.frame.lazy_pattern import pattern_code

        for module in _PATTERN_MODULES:     # their deferred patterns join pattern_code()
            importlib.import_module(module)
        lexicon = get_lexicon(path)
        if lexicon.table is not rules.units:
            lexicon = None
        _write_atomic(entry, _seal(pickle.dumps((rules, pattern_code(), lexicon),
                                                protocol=pickle.HIGHEST_PROTOCOL)))
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    return rules


# The modules whose module-level patterns are deferred (lazy_pattern.deferred and
# deferred_regex): a run imports them all, so their code is kept with the cached rules.
_PATTERN_MODULES = ("factcheck.frame", "factcheck.extract", "factcheck.ingest",
                    "factcheck.ingest.bylines", "factcheck.ingest.cms",
                    "factcheck.ingest.layout", "factcheck.ingest.plain", "factcheck.checks")
