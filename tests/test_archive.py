"""The claims archive: a draft checked by key lookups finds what a full run finds for it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clihelp import ROOT, fc
from factcheck.archive import Archive, ArchiveError, check_against_archive, index_results
from factcheck.engine import extract_files
from factcheck.pipeline import analyse_results, load_rules, restrict_to
from test_engine import WIRE, write_corpus

DRAFT = ("Morning Brief | April 12, 2025 |\n\n"
         "Kazakhstan pumped 2.45 million barrels per day of crude oil in January, "
         "officials at the energy ministry said on a call with reporters.\n"
         "A separate survey put Norway's February crude output at 1.40 million barrels per day.\n")


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target


@pytest.fixture(scope="module")
def rules(rules_dir):
    return load_rules(rules_dir)


def _findings(report):
    return [(f.id, f.rule, f.severity, f.message, f.claims) for f in report.findings]


def _both(tmp_path, rules, draft_text: str, files=None, name: str = "draft.txt"):
    """(the draft checked against an archive of the corpus, the draft in a full run)."""
    files = files if files is not None else write_corpus(tmp_path / "corpus")
    draft = tmp_path / "drafts" / name
    draft.parent.mkdir()
    draft.write_text(draft_text, encoding="utf-8")
    archive = tmp_path / "archive.parquet"
    index_results(extract_files(files, rules, jobs=1), rules, archive)
    draft_results = extract_files([str(draft)], rules, jobs=1)
    looked_up = restrict_to(check_against_archive(draft_results, [], archive, rules), [str(draft)])
    full = restrict_to(analyse_results(extract_files(files + [str(draft)], rules, jobs=1), [],
                                       rules), [str(draft)])
    return looked_up, full


def test_draft_against_archive_matches_a_full_run(tmp_path, rules):
    looked_up, full = _both(tmp_path, rules, DRAFT)
    assert _findings(full), "the draft should clash with the corpus"
    assert _findings(looked_up) == _findings(full)


def test_reprinted_wire_story_is_seen_as_a_copy(tmp_path, rules):
    looked_up, full = _both(tmp_path, rules, WIRE.replace("Oil Wire", "Evening Desk"))
    assert any(f.rule == "FC103" for f in full.findings)
    assert _findings(looked_up) == _findings(full)


def test_lookup_reads_only_the_keys_asked(tmp_path, rules):
    files = write_corpus(tmp_path / "corpus")
    archive = tmp_path / "archive.parquet"
    counts = index_results(extract_files(files, rules, jobs=1), rules, archive)
    assert counts["claims"] > 0
    store = Archive(archive)
    assert store.lookup(["k|Nowhere|crude_production|2025-01"]) == []
    rows = store.lookup([k for k in ("k|Norway|crude_production|2025-01",)])
    assert all(r[0] == "k|Norway|crude_production|2025-01" for r in rows)


def test_archive_from_other_rules_is_refused(tmp_path, rules, rules_dir):
    files = write_corpus(tmp_path / "corpus", n=3)
    archive = tmp_path / "archive.parquet"
    index_results(extract_files(files, rules, jobs=1), rules, archive)
    other = tmp_path / "rules"
    shutil.copytree(rules_dir, other)
    with open(other / "checks.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n# another desk\n")
    with pytest.raises(ArchiveError):
        check_against_archive([], [], archive, load_rules(other))


def test_not_an_archive_is_a_clear_error(tmp_path):
    bogus = tmp_path / "bogus.parquet"
    bogus.write_bytes(b"not parquet at all")
    with pytest.raises(ArchiveError):
        Archive(bogus)


def test_cli_index_then_check(tmp_path, rules_dir):
    write_corpus(tmp_path / "corpus")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    proc = fc("index", str(tmp_path / "corpus"), "-o", str(tmp_path / "a.parquet"),
              "--rules", str(rules_dir), "--no-cache", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "indexed" in proc.stderr
    outs = {}
    for name, against in (("archive", tmp_path / "a.parquet"), ("folder", tmp_path / "corpus")):
        out = tmp_path / f"{name}.json"
        proc = fc("check", str(tmp_path / "draft.txt"), "--against", str(against),
                  "--rules", str(rules_dir), "-f", "json", "-o", str(out), "--no-html", "-q",
                  "--no-cache", "--html", str(tmp_path / "r.html"), cwd=tmp_path)
        assert proc.returncode in (0, 1), proc.stderr
        import json

        report = json.loads(out.read_text(encoding="utf-8"))
        outs[name] = [(f["id"], f["rule"], f["severity"], f["message"]) for f in report["findings"]]
    assert outs["archive"] and outs["archive"] == outs["folder"]


# ------------------------------------------------------- article-local findings, stored

# A table whose total row does not add up (FC202), and a share whose part does not match
# (FC204): findings of the checks that read one article at a time.
LEDGER = ("{outlet} | May 2, 2025 |\n\n"
          "Kazakhstan moved its grain by three routes last season, in thousand tonnes:\n\n"
          "| Route | 2023 | 2024 |\n|---|---:|---:|\n| Rail north | 310 | 342 |\n"
          "| Caspian ports | 95 | 104 |\n| Road | 41 | 40 |\n| **Total** | 446 | 497 |\n\n"
          "The grain board said the rail operator carried 342 thousand tonnes, which it put "
          "at 60% of the 497 thousand tonnes moved in 2024.\n")


def _ledger_corpus(folder: Path) -> list[str]:
    files = write_corpus(folder)
    (folder / "ledger.md").write_text(LEDGER.format(outlet="Steppe Ledger"), encoding="utf-8")
    return sorted(files + [str(folder / "ledger.md")])


_LOCAL_RULES = ("FC202", "FC203", "FC204", "FC205")


def test_the_archive_stores_the_article_local_findings_a_full_run_gives(tmp_path, rules):
    import pickle
    import zlib

    files = _ledger_corpus(tmp_path / "corpus")
    results = extract_files(files, rules, jobs=1)
    archive = tmp_path / "archive.parquet"
    index_results(results, rules, archive)
    full = analyse_results(extract_files(files, rules, jobs=1), [], rules)
    expected = {f.id: f for f in full.findings if f.rule in _LOCAL_RULES}
    assert {f.rule for f in expected.values()} >= {"FC202"}, "the ledger's total is off"

    store = Archive(archive)
    articles = [a for r in results if r.document for a in r.document.articles]
    stored: dict[str, list] = {}
    for _, article_id, _, blob in store.lookup((f"a|{a.id}" for a in articles), blobs=True):
        _, claims, _, local = pickle.loads(zlib.decompress(blob))
        assert local is not None, "every indexed article carries its local findings"
        own = {c.id for c in claims}
        for finding in local:
            assert set(finding.claims) <= own, "filed under the article it cites"
            stored.setdefault(finding.id, []).append(finding)
    assert set(stored) == set(expected)
    for fid, found in stored.items():
        full_finding = expected[fid]
        assert {(f.rule, f.severity, f.message) for f in found} == \
            {(full_finding.rule, full_finding.severity, full_finding.message)}
        assert {c for f in found for c in f.claims} == set(full_finding.claims)


def test_a_reprint_of_an_archived_article_gets_a_full_runs_local_findings(tmp_path, rules):
    """The draft's FC202 has the same id as the archived original's; the reduce merges
    the two, as a full run does, from the finding the archive stored."""
    looked_up, full = _both(tmp_path, rules, LEDGER.format(outlet="Evening Desk"),
                            files=_ledger_corpus(tmp_path / "corpus"), name="ledger.md")
    path_of = {c.id: c.path for c in full.claims}
    (merged,) = [f for f in full.findings if f.rule == "FC202"]
    assert len({path_of[c] for c in merged.claims}) == 2, "the draft's and the original's"
    assert _findings(looked_up) == _findings(full)


# ----------------------------------------------------------------- large keys, few fetches

WIRE_STORY = ("{outlet} | March 14, 2025 |\n\n"
              "Norway pumped {level} million barrels per day of crude oil in February, the "
              "petroleum directorate said in its monthly bulletin on Thursday.\n"
              "Gas deliveries to continental buyers stayed close to the winter pattern, the "
              "directorate added without giving a breakdown.\n"
              "A compressor outage at one northern field trimmed liquids output for nine days "
              "before crews restored full service.\n"
              "The directorate expects its next bulletin to include revised numbers for the "
              "final quarter of last year.\n")

OWN_LINES = [
    "Traders in Oslo watched the krone more closely than the crude benchmark this week.",
    "Shipping brokers reported a quiet fortnight for tanker fixtures out of Mongstad.",
    "Refiners on the coast said maintenance schedules were unchanged for the spring.",
    "A parliamentary committee will question the energy minister about grid fees in May.",
    "Union leaders at two offshore platforms are preparing for wage talks next month.",
    "Consultants at a Bergen firm said drilling costs had stopped rising after two years.",
]


def _independent(i: int, level: str) -> str:
    return (f"Energy Notes | March {2 + i}, 2025 |\n\n"
            f"Crude output in Norway averaged {level} million barrels per day in February, "
            f"a slower pace than in the busy weeks before the holidays.\n"
            f"{OWN_LINES[i % len(OWN_LINES)]}\n{OWN_LINES[(i + 2) % len(OWN_LINES)]}\n")


def _large_key_corpus(folder: Path) -> list[str]:
    """One key carried by many articles in two readings: a wire story reprinted with 1.95
    and again, figure changed, with 1.40, plus independent desks giving each figure."""
    folder.mkdir(parents=True)
    for i, outlet in enumerate(("Coast Post", "Fjord Daily", "North Ledger", "Harbour News")):
        (folder / f"a_wire_{i}.txt").write_text(
            WIRE_STORY.format(outlet=outlet, level="1.95"), encoding="utf-8")
        (folder / f"b_wire_{i}.txt").write_text(
            WIRE_STORY.format(outlet=outlet + " Weekend", level="1.40"), encoding="utf-8")
    for i in range(4):
        (folder / f"c_desk_{i}.txt").write_text(_independent(i, "1.95"), encoding="utf-8")
        (folder / f"d_desk_{i}.txt").write_text(_independent(i + 4, "1.40"), encoding="utf-8")
    return sorted(str(p) for p in folder.iterdir())


def _verdicts(report):
    return [(f.id, f.rule, f.severity, f.message) for f in report.findings]


def test_large_keys_are_fetched_in_part_with_a_full_runs_verdicts(tmp_path, rules):
    """Readings carried by many articles are fetched from one or two of them; when the
    first articles of two readings are copies of one story (here, the story the draft
    reprints), articles of other stories are fetched too, so the conflict is still judged
    between independent sources, an error as in a full run."""
    files = _large_key_corpus(tmp_path / "corpus")
    draft = tmp_path / "drafts" / "draft.txt"
    draft.parent.mkdir()
    draft.write_text(WIRE_STORY.format(outlet="Evening Desk", level="1.95"), encoding="utf-8")
    archive = tmp_path / "archive.parquet"
    index_results(extract_files(files, rules, jobs=1), rules, archive)
    draft_results = extract_files([str(draft)], rules, jobs=1)
    looked_up = restrict_to(check_against_archive(draft_results, [], archive, rules),
                            [str(draft)])
    full = restrict_to(analyse_results(extract_files(files + [str(draft)], rules, jobs=1), [],
                                       rules), [str(draft)])
    assert any(f.rule == "FC101" and f.severity == "error" for f in full.findings)
    assert _verdicts(looked_up) == _verdicts(full)
    cited = {c for f in full.findings for c in f.claims}
    assert all(set(f.claims) <= cited for f in looked_up.findings)
    claims = [c for r in draft_results for c in r.claims]
    articles = [a for r in draft_results for a in r.document.articles]
    fetched = Archive(archive).related(claims, articles)
    desks = [a for a, _, _, _ in fetched if "desk" in a.path]
    assert 2 <= len(desks) < 8, "independent desks are represented, not all fetched"


def _archive_with_meta(tmp_path, rules, **changes) -> Path:
    from factcheck.archive import archive_meta, write_rows

    meta = archive_meta(rules, 0, 0)
    meta.update(changes)
    path = tmp_path / "old.parquet"
    write_rows([], path, meta)
    return path


def test_archive_of_an_older_schema_asks_for_a_new_index(tmp_path, rules):
    path = _archive_with_meta(tmp_path, rules, schema="factcheck.archive/3")
    with pytest.raises(ArchiveError, match="factcheck index"):
        Archive(path)


def test_archive_with_other_records_asks_for_a_new_index(tmp_path, rules):
    path = _archive_with_meta(tmp_path, rules, records="0123456789ab")
    with pytest.raises(ArchiveError, match="factcheck index"):
        check_against_archive([], [], path, rules)


def test_only_the_key_column_keeps_statistics(tmp_path, rules):
    """A reader opens the footer whole; min and max of every blob would bloat it."""
    import pyarrow.parquet as pq

    files = write_corpus(tmp_path / "corpus", n=3)
    archive = tmp_path / "archive.parquet"
    index_results(extract_files(files, rules, jobs=1), rules, archive)
    group = pq.ParquetFile(archive).metadata.row_group(0)
    kept = {group.column(i).path_in_schema for i in range(group.num_columns)
            if group.column(i).statistics is not None
            and group.column(i).statistics.has_min_max}
    assert kept == {"key"}


def test_lookup_bounds_and_caps(tmp_path, rules):
    """Row-group bounds come from the file's metadata; a key of more rows than `most`
    (a sentence carried by too many articles to tell copies) is left out."""
    import pyarrow.parquet as pq
    from collections import Counter

    files = write_corpus(tmp_path / "corpus")
    archive = tmp_path / "archive.parquet"
    index_results(extract_files(files, rules, jobs=1), rules, archive)
    store = Archive(archive)
    meta = pq.ParquetFile(archive).metadata
    assert len(store._lows) == meta.num_row_groups
    assert store._lows[0] == meta.row_group(0).column(0).statistics.min
    counts = Counter(pq.read_table(archive, columns=["key"])["key"].to_pylist())
    shared = next(k for k, n in sorted(counts.items()) if k.startswith("k|") and n >= 2)
    single = next(k for k, n in sorted(counts.items()) if n == 1 and k != "m|")
    rows = store.lookup([shared, single], most=1)
    assert [r[0] for r in rows] == [single]
    assert len(store.lookup([shared])) == counts[shared]


# ------------------------------------------------------- an archive is untrusted input

def test_a_planted_archive_cannot_run_code(tmp_path, rules_dir):
    """An archive is a file a desk copies around: its records are unpickled with only the
    record types allowed, so a blob naming anything else is refused (exit 2), never run."""
    import os
    import pickle
    import zlib

    import pyarrow as pa
    import pyarrow.parquet as pq

    write_corpus(tmp_path / "corpus")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    proc = fc("index", str(tmp_path / "corpus"), "-o", str(tmp_path / "a.parquet"),
              "--rules", str(rules_dir), "--no-cache", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    marker = tmp_path / "ran.txt"

    class Planted:
        def __reduce__(self):
            return (os.system, (f"echo planted > {marker}",))

    source = pq.ParquetFile(tmp_path / "a.parquet")
    table = source.read()
    blobs = [zlib.compress(pickle.dumps(Planted())) if key.startswith("a|") else blob
             for key, blob in zip(table.column("key").to_pylist(),
                                  table.column("blob").to_pylist())]
    table = table.set_column(table.column_names.index("blob"), "blob", pa.array(blobs, pa.binary()))
    table = table.replace_schema_metadata(source.metadata.metadata)
    pq.write_table(table, tmp_path / "planted.parquet",
                   row_group_size=source.metadata.row_group(0).num_rows)
    proc = fc("check", str(tmp_path / "draft.txt"), "--against", str(tmp_path / "planted.parquet"),
              "--rules", str(rules_dir), "-f", "json", "-o", str(tmp_path / "out.json"),
              "--no-html", "-q", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2
    assert "archive record refused" in proc.stderr
    assert not marker.exists()
