"""A re-run trusts an unchanged file's stat signature instead of reading and hashing it,
and never misses an edit for it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from clihelp import ROOT
from factcheck.engine import FileCache, extract_files
from factcheck.engine.local import _LOCAL_FILE_SYSTEMS, _Stats, _file_system
from factcheck.pipeline import analyse_results, load_rules
from factcheck.report.json_report import report_to_json
from test_engine import write_corpus


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    target = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(ROOT / "rules", target)
    return load_rules(target)


@pytest.fixture
def settled_now(monkeypatch):
    """Files written before a run count as settled at once (a real run waits two seconds
    of file-system time, so a test does not)."""
    monkeypatch.setattr(_Stats, "SETTLED_NS", 0)


def _record(cache_root: Path) -> Path:
    found = list((cache_root / "v1" / "packs").rglob("stats.sealed"))
    assert len(found) == 1
    return found[0]


def _report(files, rules, cache):
    return report_to_json(analyse_results(extract_files(files, rules, jobs=1, cache=cache),
                                          [], rules))


def test_an_unchanged_settled_corpus_is_answered_from_the_record(tmp_path, rules, settled_now):
    if _file_system(str(tmp_path)) not in _LOCAL_FILE_SYSTEMS:
        pytest.skip("temporary files on a file system whose stat is not trusted")
    files = write_corpus(tmp_path / "corpus")
    cache = FileCache.open(tmp_path / "cache", rules)
    cold = _report(files, rules, cache)
    record = _record(tmp_path / "cache")
    written = record.stat().st_mtime_ns
    assert _report(files, rules, cache) == cold
    # every file was known and settled: nothing hashed, so the record was left as it was
    assert record.stat().st_mtime_ns == written


def test_an_edit_keeping_size_and_modification_time_is_still_seen(tmp_path, rules, settled_now):
    files = write_corpus(tmp_path / "corpus")
    cache = FileCache.open(tmp_path / "cache", rules)
    _report(files, rules, cache)
    target = Path(files[0])
    before = target.stat()
    text = target.read_text(encoding="utf-8")
    edited = text.replace("1", "7", 1)
    assert len(edited) == len(text) and edited != text
    target.write_text(edited, encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))     # as `cp -p` would
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    assert target.stat().st_size == before.st_size
    warm = _report(files, rules, cache)
    assert warm == _report(files, rules, None)


def test_a_file_replaced_by_another_of_the_same_size_is_seen(tmp_path, rules, settled_now):
    files = write_corpus(tmp_path / "corpus")
    cache = FileCache.open(tmp_path / "cache", rules)
    _report(files, rules, cache)
    target = Path(files[0])
    replacement = target.with_suffix(".new")
    text = target.read_text(encoding="utf-8")
    replacement.write_text(text.replace("1", "4", 1), encoding="utf-8")
    os.replace(replacement, target)         # a new inode, as an editor's save may give
    assert _report(files, rules, cache) == _report(files, rules, None)


def test_files_modified_just_before_the_recording_run_are_hashed_again(tmp_path, rules):
    """With the real two seconds, a corpus written a moment ago is not trusted yet."""
    files = write_corpus(tmp_path / "corpus")
    cache = FileCache.open(tmp_path / "cache", rules)
    _report(files, rules, cache)
    record = _record(tmp_path / "cache")
    written = record.stat().st_mtime_ns
    _report(files, rules, cache)
    assert record.stat().st_mtime_ns != written     # hashed, and recorded again


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/mounts")
def test_only_local_file_systems_are_trusted():
    from factcheck.engine.local import _local_device

    assert _file_system("/proc/self/status") == "proc"
    assert not _local_device(-1, "/proc/self/status")
