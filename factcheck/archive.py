"""A claims archive: index a corpus once, then check a draft by its claim keys only.

    factcheck index CORPUS... -o archive.parquet
    factcheck check DRAFT --against archive.parquet

The archive is one Parquet file of rows (key, article, cluster, blob) sorted by key, in
small row groups (at most 2,048 rows and about 128 KB of blobs each). Parquet keeps each row group's min and max key, so a lookup of a few
keys reads only the row groups that can hold them (predicate pushdown); nothing else of
the archive is decoded. Parquet rather than DuckDB because pyarrow is already a
dependency, the file is one self-contained artefact a desk can copy, and the lookups are
plain key equality.

Key families (the prefix before the first '|'):

    m|                               the archive's metadata (rules and package version)
    a|<article id>                   the article, its framed claims, its syndication
                                     signature and the findings of the article-local
                                     checks (FC202-FC205) in it (pickled, zlib)
    k|<entity>|<metric>|<period>     articles with a claim of that key (FC101/102/104)
    u|<entity>|<metric>              articles with a claim of that entity and metric whose
                                     period is unresolved
    p|<entity>|<metric>|<modality>|<unit>
                                     one article per resolved period of that bucket (blob:
                                     JSON {period: article}), so a draft check sees when
                                     a bucket spans several periods, as a full run does
    s|<sentence hash>                articles carrying that normalised sentence: where a
                                     draft may be a copy of archived copy (FC103)
    c|<article cluster id>           the members of a syndication cluster of the archive

A draft check frames the drafts, looks up their keys and sentences, fetches the articles
found (with the members of their syndication clusters) and runs the ordinary reduce step
over drafts plus fetched articles; findings are then restricted to those involving a
draft. The article-local checks of a fetched article are not run again: the archive
holds what they found at index time, and the reduce takes it as it takes a file's from
the per-file step of a run. k| and u| rows carry each article's readings of the key (interval, unit, modality,
counted noun, source, confidence), and a draft check fetches a few articles per distinct
reading, from different stories: every value the archive gives a draft's key is there,
so keyed findings are those of a full run (with a few citations per value, not every
copy), and a key repeated across a whole archive costs a few hundred articles, not all. Copies are found through sentences that are
identical after normalisation; a reprint whose every sentence was edited is seen as an
independent article, which may turn an FC101 warning into an error.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from factcheck import __version__
from factcheck.model import (Article, Claim, Document, FileProblem, Finding, Quantity, Report,
                             SourceMap)

SCHEMA = "factcheck.archive/4"
# A check decodes the whole of each row group it touches, for a few rows of it: the
# sentence rows of a draft alone touch some eighty groups, so groups stay small (a smaller
# bound would grow the footer every open parses).
ROW_GROUP = 2048
ROW_GROUP_BYTES = 128 * 1024
_BOUNDS = "factcheck.row_group_keys"     # file metadata: [[min key, max key], ...] per group


class ArchiveError(Exception):
    pass


# --------------------------------------------------------------------------- writing

def sentence_hashes(article: Article, claims: Sequence[Claim]) -> set[str]:
    """Hashes of the article's normalised sentences (and of its claims' sentences)."""
    from factcheck.checks.textnorm import normalise_tokens, split_sentences

    out = set()
    texts = [s for _, s in split_sentences(article.text)] + [c.sentence for c in claims]
    for text in texts:
        tokens = normalise_tokens(text)
        if tokens:
            out.add(hashlib.blake2b(" ".join(tokens).encode("utf-8"),
                                    digest_size=8).hexdigest())
    return out


def _bucket(claim: Claim) -> tuple[str, str, str, str] | None:
    import math

    from factcheck.checks.compare import span

    q = claim.quantity
    if not (claim.entity and claim.metric) or (math.isinf(q.low) and math.isinf(q.high)):
        return None
    return (claim.entity, claim.metric, claim.modality, span(claim).unit)


def claim_keys(claims: Iterable[Claim]) -> tuple[set[str], set[str], set[str]]:
    """(k keys, u keys, p keys) a set of claims looks up or is found under."""
    k, u, p = set(), set(), set()
    for claim in claims:
        bucket = _bucket(claim)
        if bucket is None:
            continue
        entity, metric, modality, unit = bucket
        if claim.period:
            k.add(f"k|{entity}|{metric}|{claim.period}")
        u.add(f"u|{entity}|{metric}")
        p.add(f"p|{entity}|{metric}|{modality}|{unit}")
    return k, u, p


def _blob(article: Article, claims: Sequence[Claim], signature=None,
          local: Sequence[Finding] | None = None) -> bytes:
    return zlib.compress(pickle.dumps(
        (article, tuple(claims), signature, None if local is None else tuple(local)),
        protocol=pickle.HIGHEST_PROTOCOL), 6)


def article_rows(article: Article, claims: Sequence[Claim], cluster: str, periods: dict,
                 hashes: Iterable[str] | None = None, signature=None,
                 local: Sequence[Finding] | None = None,
                 ) -> Iterator[tuple[str, str, str, bytes | None]]:
    """The index rows of one article; fills `periods` (p key -> {period: article}).

    `hashes` overrides the article's sentence hashes (a benchmark inflating an archive
    uses it to keep replicas from looking like copies of each other). `signature`, the
    article's ArticleSignature, is stored with it so a draft check does not sign the
    archived articles it fetches again; `local`, the findings of the article-local checks
    in it (see `local_by_article`), so that a draft check does not run them again.
    """
    yield (f"a|{article.id}", article.id, cluster, _blob(article, claims, signature, local))
    keys: dict[str, set[str]] = {}
    for claim in claims:
        bucket = _bucket(claim)
        if bucket is None:
            continue
        entity, metric, modality, unit = bucket
        if claim.period:
            keys.setdefault(f"k|{entity}|{metric}|{claim.period}", set()).add(_reading(claim))
            periods.setdefault(f"p|{entity}|{metric}|{modality}|{unit}", {}).setdefault(
                claim.period, article.id)
        else:
            keys.setdefault(f"u|{entity}|{metric}", set()).add(_reading(claim))
    for digest in (sentence_hashes(article, claims) if hashes is None else hashes):
        keys.setdefault(f"s|{digest}", set())
    if cluster != article.id:
        keys.setdefault(f"c|{cluster}", set())
    for key in sorted(keys):
        readings = keys[key]
        yield (key, article.id, cluster, "\n".join(sorted(readings)).encode("utf-8")
               if readings else None)


def _reading(claim: Claim) -> str:
    """What the checks read of an archived figure beside its key: its interval, unit and
    modality, counted noun, source and framing confidence. Articles giving a key the same
    reading stand in for one another in a draft check."""
    from factcheck.checks.compare import span

    s = span(claim)
    q = claim.quantity
    return "\t".join((repr(s.low), repr(s.high), s.unit, claim.modality, q.counted,
                      claim.attribution, f"{claim.confidence:.2f}"))


def write_rows(rows: Iterable[tuple[str, str, str, bytes | None]], out: str | Path,
               meta: dict) -> int:
    """Sort rows by key and write them as one Parquet file; returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from factcheck.report.writing import write_atomic

    rows = list(rows)
    rows.append(("m|", "", "", json.dumps(meta, sort_keys=True).encode("utf-8")))
    rows.sort(key=lambda r: (r[0], r[1]))
    table = pa.table({
        "key": pa.array([r[0] for r in rows], pa.string()),
        "article": pa.array([r[1] for r in rows], pa.string()),
        "cluster": pa.array([r[2] for r in rows], pa.string()),
        "blob": pa.array([r[3] for r in rows], pa.binary()),
    })
    sizes = [len(r[3]) if r[3] else 0 for r in rows]
    del rows
    sink = pa.BufferOutputStream()
    # Statistics of the key column only: a reader needs its min and max per row group,
    # and the min and max of every blob would make the footer, read whole at every
    # open, larger than a hundred row groups together.
    with pq.ParquetWriter(sink, table.schema, compression="zstd", write_statistics=["key"],
                          use_dictionary=["cluster"]) as writer:
        bounds = []
        for start, stop in _row_groups(sizes):
            writer.write_table(table.slice(start, stop - start), row_group_size=stop - start)
            bounds.append((table["key"][start].as_py(), table["key"][stop - 1].as_py()))
        # The same bounds as one value: read at open in one parse, where walking the
        # statistics of thousands of row groups costs a tenth of a second.
        writer.add_key_value_metadata({_BOUNDS: json.dumps(bounds, separators=(",", ":"))})
    write_atomic(str(out), sink.getvalue().to_pybytes())
    return table.num_rows


def _row_groups(blob_sizes: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Row groups of at most ROW_GROUP rows and about ROW_GROUP_BYTES of blobs: a draft
    check fetches a few hundred articles scattered over the archive, and a row group is
    read whole, so the groups holding articles must stay small."""
    start, size = 0, 0
    for i, blob in enumerate(blob_sizes):
        if i > start and (i - start >= ROW_GROUP or size + blob > ROW_GROUP_BYTES):
            yield start, i
            start, size = i, 0
        size += blob
    if start < len(blob_sizes):
        yield start, len(blob_sizes)


def index_results(results, rules, out: str | Path) -> dict:
    """Build an archive from framed files (FileResults); returns counts for the user."""
    from factcheck.checks.compare import units_folder
    from factcheck.checks.context import syndication_params as params_of
    from factcheck.checks.syndication import analyse_syndication

    results = sorted((r for r in results if r.document is not None), key=lambda r: r.path)
    articles = [a for r in results for a in r.document.articles]
    claims = [c for r in results for c in r.claims]
    signatures = {s.article: s for r in results for s in r.signatures}
    syn = analyse_syndication(articles, claims, params_of(rules.checks), signatures)
    local = local_by_article(results, rules)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    periods: dict = {}
    rows = []
    with units_folder(rules.checks.folder):     # keys in the units of these rules
        for article in articles:
            cluster = syn.article_cluster.get(article.id, article.id)
            rows.extend(article_rows(article, by_article.get(article.id, ()), cluster,
                                     periods, signature=signatures.get(article.id),
                                     local=local.get(article.id)))
    rows.extend(_period_rows(periods))
    meta = archive_meta(rules, len(articles), len(claims))
    count = write_rows(rows, out, meta)
    return {"articles": len(articles), "claims": len(claims), "rows": count}


def local_by_article(results, rules=None) -> dict[str, list[Finding]]:
    """Article id -> the findings of the article-local checks (FC202-FC205) in it, for
    every article of the framed files (an article without findings maps to []).

    A file's are those its per-file step found (FileResult.local); with `rules`, a file
    framed without them has them run now, per file as in a run; without, it is left out
    and a reduce runs them itself."""
    from factcheck.pipeline import local_findings

    out: dict[str, list[Finding]] = {}
    for result in results:
        if result.document is None:
            continue
        found = result.local
        if found is None:
            if rules is None:
                continue
            found = local_findings(result.document, result.claims, rules)
        owner = {c.id: c.article for c in result.claims}
        for article in result.document.articles:
            out[article.id] = []
        for finding in found:
            out[owner[finding.claims[0]]].append(finding)
    return out


def _period_rows(periods: dict) -> Iterator[tuple[str, str, str, bytes]]:
    for key, by_period in periods.items():
        yield (key, "", "", json.dumps(by_period, sort_keys=True).encode("utf-8"))


def archive_meta(rules, articles: int, claims: int) -> dict:
    return {"schema": SCHEMA, "rules_version": rules.version, "package_version": __version__,
            "records": records_version(), "articles": articles, "claims": claims}


# The modules whose output an archive stores and a check compares with a draft's fresh
# output: the pickled records (model.py), the syndication signatures, the sentence
# hashes and the article-local checks' findings. Another version of these cannot read
# the archive's records, would compare sentences hashed two ways and miss every copy
# without a word, or would report what older checks found in the archived articles.
_RECORD_SOURCES = ("model.py", "checks/syndication.py", "checks/textnorm.py",
                   "checks/minhash.py", "checks/arithmetic_parts.py",
                   "checks/arithmetic_rate.py", "checks/arithmetic_share.py",
                   "checks/arithmetic_support.py", "checks/arithmetic_tables.py",
                   "checks/compare.py", "checks/context.py", "checks/findings.py",
                   "checks/formatting.py", "checks/__init__.py", "checks/config.py",
                   "checks/registry.py", "frame/gazetteer.py", "frame/lazy_pattern.py",
                   "extract/units.py")


def records_version() -> str:
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in _RECORD_SOURCES:
        digest.update(name.encode("utf-8") + b"\0")
        try:
            digest.update((root / name).read_bytes())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()[:12]


# --------------------------------------------------------------------------- reading

_REINDEX = "run `factcheck index` again"


class Archive:
    """Key lookups on an archive file; each lookup reads only the row groups it needs.

    The file is memory-mapped: a check reads a few hundred scattered row groups, and
    mapping them costs no copy through a read buffer.
    """

    def __init__(self, path: str | Path):
        import pyarrow.parquet as pq

        try:
            self.file = pq.ParquetFile(str(path), memory_map=True)
        except (OSError, ValueError) as exc:
            raise ArchiveError(f"{path}: not a factcheck archive ({exc})") from None
        self.path = str(path)
        key_col = self.file.schema_arrow.get_field_index("key")
        if key_col < 0:
            raise ArchiveError(f"{path}: not a factcheck archive (no key column)")
        meta = self.file.metadata
        bounds = _bounds(meta)
        if bounds is None:
            bounds = []
            for i in range(meta.num_row_groups):
                stats = meta.row_group(i).column(key_col).statistics
                if stats is None or not stats.has_min_max:
                    raise ArchiveError(f"{path}: archive written without key statistics")
                bounds.append((stats.min, stats.max))
        self._lows: list[str] = [low for low, _ in bounds]
        self._highs: list[str] = [high for _, high in bounds]
        rows = self.lookup(["m|"], blobs=True)
        if not rows or rows[0][3] is None:
            raise ArchiveError(f"{path}: not a factcheck archive (no metadata)")
        self.meta = json.loads(rows[0][3])
        if self.meta.get("schema") != SCHEMA:
            raise ArchiveError(f"{path}: archive schema {self.meta.get('schema')!r}, this "
                               f"factcheck reads {SCHEMA}: {_REINDEX}")

    def _groups(self, wanted: Sequence[str]) -> list[int]:
        """Row groups whose key range holds one of `wanted` (sorted). Groups are in key
        order, so each key's groups are found by bisection, not by a scan of them all."""
        import bisect

        groups: set[int] = set()
        for key in wanted:
            # groups whose high >= key, up to the first whose low > key
            i = bisect.bisect_left(self._highs, key)
            while i < len(self._lows) and self._lows[i] <= key:
                groups.add(i)
                i += 1
        return sorted(groups)

    def lookup(self, keys: Iterable[str], *, blobs: bool = False,
               most: int | None = None, present: bool = False) -> list[tuple]:
        """Rows (key, article, cluster, blob) whose key is one of `keys`; with `most`, a
        key of more rows than that is left out (its rows are never decoded). `present`
        says the keys are known to be in the archive (articles and clusters it named),
        so a group's columns are read in one call, not the key column first."""
        wanted = sorted(set(keys))
        groups = self._groups(wanted) if wanted else []
        if not groups:
            return []
        columns = ["article", "cluster"] + (["blob"] if blobs else [])
        rows = []
        # One row group at a time, and only its matching rows made Python objects: a
        # group holds thousands of rows, a lookup wants a few, and a check reads
        # hundreds of groups that need not all be in memory at once. The key column
        # comes first and alone: a group's bounds only say a key may be there, and a
        # draft's own sentences or keys are mostly not, so the other columns (the
        # articles, the clusters, the blobs: ten times the bytes) are read only for the
        # groups that do hold a wanted key. Keys the archive itself named (its articles,
        # its clusters) are there: their groups are read whole at once.
        for group in groups:
            if present:     # the group's bounds do hold the key: no separate key read
                table = self.file.read_row_group(group, columns=["key"] + columns,
                                                 use_threads=False)
                runs = _key_runs(_one_chunk(table.column(0)), wanted)
                first = 1
            else:
                keys = _one_chunk(self.file.read_row_group(group, columns=["key"],
                                                           use_threads=False).column(0))
                runs = _key_runs(keys, wanted)
                if runs:
                    table = self.file.read_row_group(group, columns=columns,
                                                     use_threads=False)
                first = 0
            if not runs:
                continue
            article = _one_chunk(table.column(first))
            cluster = _one_chunk(table.column(first + 1))
            blob = _one_chunk(table.column(first + 2)) if blobs else None
            for key, start, stop in runs:
                size = stop - start
                found = blob.slice(start, size).to_pylist() if blobs else [None] * size
                rows.extend(zip([key] * size, article.slice(start, size).to_pylist(),
                                cluster.slice(start, size).to_pylist(), found))
        if most is not None:    # a key's rows may run across row groups: count them all
            count: dict[str, int] = defaultdict(int)
            for row in rows:
                count[row[0]] += 1
            rows = [row for row in rows if count[row[0]] <= most]
        return rows

    def check_rules(self, rules) -> None:
        if self.meta.get("rules_version") != rules.version or \
                self.meta.get("package_version") != __version__:
            raise ArchiveError(
                f"{self.path}: built with rules {self.meta.get('rules_version')} and factcheck "
                f"{self.meta.get('package_version')}; these are rules {rules.version} and "
                f"factcheck {__version__}: {_REINDEX}")
        if self.meta.get("records") != records_version():
            raise ArchiveError(
                f"{self.path}: built by a factcheck whose records or syndication signatures "
                f"differ from this one's: {_REINDEX}")

    def related(self, claims: Sequence[Claim], articles: Sequence[Article]) -> list[tuple]:
        """(Article, claims, signature, article-local findings) of the archived articles a
        draft check needs.

        For each key of a draft claim: every distinct reading of that key (interval,
        unit, modality, source, confidence), from articles chosen so that any two
        readings a full run sees in two different stories are seen in two different
        stories here too (see `_chosen`), so every value the archive gives the key is
        there and pairs are judged alike, while a key repeated by a hundred thousand
        articles fetches a few hundred. Copies (shared sentences, clusters) are fetched
        up to the boilerplate bound of syndication.
        """
        k, u, p = claim_keys(claims)
        sentences = set()
        for article in articles:
            own = [c for c in claims if c.article == article.id]
            sentences |= {f"s|{h}" for h in sentence_hashes(article, own)}
        by_key: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(
            lambda: defaultdict(list))
        by_sentence: dict[str, list[tuple[str, str]]] = defaultdict(list)
        ids: set[str] = set()
        for key, article, cluster, _ in self.lookup(sentences, most=_CARRIERS_MAX):
            by_sentence[key].append((article, cluster))
        for key, article, cluster, blob in self.lookup(k | u | p, blobs=True):
            if key.startswith("p|"):
                # One article a period shows how many periods the bucket spans; two
                # periods already say "more than one".
                by_period = json.loads(blob)
                ids.update(by_period[period] for period in sorted(by_period)[:2])
            else:
                for reading in (blob or b"").decode("utf-8").split("\n"):
                    by_key[key][reading].append((article, cluster))
        carriers = list(by_sentence.values())     # stock wording (more carriers) left out
        # The stories a draft may be a copy of: a figure of theirs and the draft's are
        # copies, not two sources.
        copied = {cluster for members in carriers for _, cluster in members}
        chosen = [pick for readings in by_key.values() for pick in _chosen(readings, copied)]
        for members in carriers:
            chosen.extend(_representatives(members, _PER_SENTENCE))
        clusters: set[str] = set()
        for article, cluster in chosen:
            ids.add(article)
            if cluster != article:
                clusters.add(cluster)
        if clusters:
            members: dict[str, list[str]] = defaultdict(list)
            for key, article, _, _ in self.lookup((f"c|{c}" for c in clusters), present=True):
                members[key].append(article)
            for found in members.values():
                ids.update(sorted(found)[:_CARRIERS_MAX])
        out = []
        for _, _, _, blob in self.lookup((f"a|{a}" for a in ids), blobs=True, present=True):
            out.append(_records(zlib.decompress(blob)))
        return out


def _records(data: bytes):
    """An archived article's records, unpickled with only the record types allowed.

    An archive is a file a desk copies around, not a sealed cache entry: a planted one must
    not run code when a draft is checked against it. Its blobs name only the model's
    records, syndication signatures, dates and the method that rebuilds a source map; any
    other global is refused (the check then fails as for a damaged archive)."""
    try:
        return _RecordUnpickler(io.BytesIO(data)).load()
    except pickle.UnpicklingError as exc:
        raise ArchiveError(f"archive record refused: {exc}; {_REINDEX}") from None


def _source_map_method(owner, name: str):
    """The one attribute lookup an archived record makes (SourceMap's constructor from its
    packed anchors); pickle spells it as getattr, which in general reaches anything."""
    if owner is SourceMap and name == "_from_packed":
        return SourceMap._from_packed
    raise pickle.UnpicklingError(f"attribute {name!r} of {getattr(owner, '__name__', owner)!r}")


class _RecordUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        found = _RECORD_GLOBALS.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"global {module}.{name}")
        return found


def _record_globals() -> dict:
    import datetime

    from factcheck.checks.syndication import ArticleSignature
    from factcheck.ingest.cms import Str

    return {("factcheck.model", "Article"): Article, ("factcheck.model", "Claim"): Claim,
            ("factcheck.model", "Quantity"): Quantity, ("factcheck.model", "Finding"): Finding,
            ("factcheck.model", "SourceMap"): SourceMap,
            ("factcheck.checks.syndication", "ArticleSignature"): ArticleSignature,
            ("factcheck.ingest.cms", "Str"): Str,
            ("datetime", "date"): datetime.date, ("datetime", "datetime"): datetime.datetime,
            ("builtins", "getattr"): _source_map_method}


class _Globals(dict):
    """_record_globals(), built on first use (the check path imports nothing early)."""

    def get(self, key, default=None):
        if not self:
            self.update(_record_globals())
        return dict.get(self, key, default)


_RECORD_GLOBALS = _Globals()


def _bounds(meta) -> list | None:
    """The row groups' key bounds as the writer stored them, if it did (and they fit)."""
    raw = (meta.metadata or {}).get(_BOUNDS.encode("utf-8"))
    if raw is None:
        return None
    try:
        bounds = json.loads(raw)
    except ValueError:
        return None
    if len(bounds) != meta.num_row_groups:
        return None
    return bounds


_WHOLE_READING = 3      # a reading carried by at most this many articles is fetched whole
_PER_SENTENCE = 3       # stories fetched for one sentence the draft shares with the archive
_CARRIERS_MAX = 100     # syndication's bound: a sentence carried by more is stock wording


def _key_runs(keys, wanted: Sequence[str]) -> list[tuple[str, int, int]]:
    """(key, start, stop) of the rows of each of `wanted` (sorted) in a sorted key column:
    each key's rows are one run, found by bisection, not by reading every key."""
    import bisect

    if not len(keys):
        return []
    column = _Column(keys)
    low, high = column[0], column[len(column) - 1]
    out = []
    for key in wanted[bisect.bisect_left(wanted, low):bisect.bisect_right(wanted, high)]:
        start = bisect.bisect_left(column, key)
        stop = bisect.bisect_right(column, key, lo=start)
        if stop > start:
            out.append((key, start, stop))
    return out


def _one_chunk(column):
    """A column of one row group as one Arrow array (a reader may hand it in pieces)."""
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()


class _Column:
    """A sorted Arrow string column as a sequence bisect can search, one value at a time."""

    def __init__(self, array):
        self.array = array

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, i: int) -> str:
        return self.array[i].as_py()


def _chosen(readings: dict[str, list[tuple[str, str]]],
            copied: set[str]) -> list[tuple[str, str]]:
    """The (article, cluster) pairs fetched for one key, given the carriers of each of its
    readings and the stories the draft may copy.

    A reading carried by a few articles is fetched whole, so its citations are a full
    run's. A larger one is fetched from one article (the first by id), and from a second
    of another story when the first shares its story with another reading's article or
    with a story the draft may copy. The checks set two readings against each other as
    independent sources when some pair of their figures comes from two stories; with
    these choices such a pair is among the fetched figures whenever the archive has one,
    and the judgement of every pair of readings is a full run's.
    """
    out: list[tuple[str, str]] = []
    first: dict[str, tuple[str, str]] = {}
    for reading, members in readings.items():
        if len({article for article, _ in members}) <= _WHOLE_READING:
            out.extend(members)
        else:
            first[reading] = min(members)
    stories: dict[str, int] = defaultdict(int)
    for _, cluster in out:
        stories[cluster] += 1
    for _, cluster in first.values():
        stories[cluster] += 1
    for reading, pick in first.items():
        out.append(pick)
        cluster = pick[1]
        if stories[cluster] > 1 or cluster in copied:
            others = sorted(m for m in readings[reading] if m[1] != cluster)
            fresh = [m for m in others if m[1] not in copied]
            if fresh or others:
                out.append((fresh or others)[0])
    return out


def _representatives(members: list[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    """Up to `count` (article, cluster) pairs, by article id, each from another story."""
    chosen: list[tuple[str, str]] = []
    seen: set[str] = set()
    for article, cluster in sorted(members):
        if cluster not in seen:
            chosen.append((article, cluster))
            seen.add(cluster)
            if len(chosen) == count:
                break
    return chosen


def check_against_archive(results, problems: Sequence[FileProblem], archive_path: str | Path,
                          rules) -> Report:
    """The reduce step over drafts plus the archived articles their keys touch."""
    from factcheck.checks.compare import units_folder
    from factcheck.pipeline import reduce_claims

    archive = Archive(archive_path)
    archive.check_rules(rules)
    results = [r for r in results if r.document is not None]
    draft_paths = {r.path for r in results}
    draft_claims = [c for r in results for c in r.claims]
    draft_articles = [a for r in results for a in r.document.articles]
    with units_folder(rules.checks.folder):     # keys in the units the archive was built with
        fetched = archive.related(draft_claims, draft_articles)
    signatures = {s.article: s for r in results for s in r.signatures}
    # The article-local checks ran in the drafts' per-file step and, for the archived
    # articles, at index time: the reduce takes their findings and runs only the rest.
    local = local_by_article(results)
    by_path: dict[str, list[tuple[Article, tuple[Claim, ...]]]] = defaultdict(list)
    for article, claims, signature, found in fetched:
        if article.path not in draft_paths:     # a draft re-checked against its own archive
            by_path[article.path].append((article, claims))
            if signature is not None:
                signatures[article.id] = signature
            if found is not None:
                local[article.id] = list(found)
    documents = [r.document for r in results]
    claims = list(draft_claims)
    for path, items in sorted(by_path.items()):
        items.sort(key=lambda item: item[0].index)
        documents.append(Document(path, "utf-8", tuple(a for a, _ in items)))
        for _, own in items:
            claims.extend(own)
    all_problems = list(problems) + [r.problem for r in results if r.problem is not None]
    return reduce_claims(documents, claims, all_problems, rules, signatures=signatures,
                         local=local)
