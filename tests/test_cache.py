"""The per-file cache: a re-run reuses entries, and any change of file, rules or version misses."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from clihelp import ROOT, fc
from factcheck.engine import FileCache, cached_rules, extract_files
from factcheck.pipeline import analyse_results, load_rules
from factcheck.report.json_report import report_to_json
from test_engine import write_corpus


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target


@pytest.fixture(scope="module")
def rules(rules_dir):
    return load_rules(rules_dir)


def _change_one_figure(path: str) -> None:
    target = Path(path)
    target.write_text(target.read_text(encoding="utf-8").replace("million", "billion", 1),
                      encoding="utf-8")


def _entries(root: Path) -> set[Path]:
    return set((root / "v1" / "files").rglob("*.pkl"))


def test_rerun_from_cache_gives_identical_json(tmp_path, rules):
    files = write_corpus(tmp_path / "corpus")
    cache = FileCache.open(tmp_path / "cache", rules)
    cold = report_to_json(analyse_results(extract_files(files, rules, jobs=2, cache=cache), [], rules))
    stored = _entries(tmp_path / "cache")
    assert len(stored) == len(files)      # a file read with a warning keeps its warning
    warm = report_to_json(analyse_results(extract_files(files, rules, jobs=1, cache=cache), [], rules))
    assert warm == cold
    assert _entries(tmp_path / "cache") == stored


def test_key_changes_with_bytes_path_rules_and_version(rules):
    cache = FileCache("unused", rules.version)
    base = cache.key("a.txt", b"Norway pumped 1.9 million bpd.")
    assert cache.key("a.txt", b"Norway pumped 1.8 million bpd.") != base
    assert cache.key("b.txt", b"Norway pumped 1.9 million bpd.") != base
    assert replace(cache, rules_version="other").key("a.txt", b"Norway pumped 1.9 million bpd.") != base
    assert replace(cache, package_version="9.9.9").key("a.txt", b"Norway pumped 1.9 million bpd.") != base
    assert cache.key("a.txt", b"Norway pumped 1.9 million bpd.") == base


def test_changed_file_is_parsed_again_and_others_are_not(tmp_path, rules):
    files = write_corpus(tmp_path / "corpus")
    cache = FileCache.open(tmp_path / "cache", rules)
    extract_files(files, rules, jobs=1, cache=cache)
    before = _entries(tmp_path / "cache")
    _change_one_figure(files[0])
    results = extract_files(files, rules, jobs=1, cache=cache)
    after = _entries(tmp_path / "cache")
    assert len(after - before) == 1
    changed = next(r for r in results if r.path == files[0])
    assert any("billion" in c.sentence for c in changed.claims)


def test_changed_rules_miss_the_cache(tmp_path, rules_dir):
    files = write_corpus(tmp_path / "corpus", n=3)
    own_rules = tmp_path / "rules"
    shutil.copytree(rules_dir, own_rules)
    first = cached_rules(own_rules, tmp_path / "cache")
    extract_files(files, first, jobs=1, cache=FileCache.open(tmp_path / "cache", first))
    before = _entries(tmp_path / "cache")
    with open(own_rules / "checks.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n# a desk's note\n")
    second = cached_rules(own_rules, tmp_path / "cache")
    assert second.version != first.version
    extract_files(files, second, jobs=1, cache=FileCache.open(tmp_path / "cache", second))
    assert len(_entries(tmp_path / "cache") - before) == len(before)


def test_pickled_rules_give_the_same_report(tmp_path, rules_dir, rules):
    files = write_corpus(tmp_path / "corpus")
    cached_rules(rules_dir, tmp_path / "cache")                 # writes the pickle
    reloaded = cached_rules(rules_dir, tmp_path / "cache")      # reads it back
    assert reloaded.version == rules.version
    fresh = report_to_json(analyse_results(extract_files(files, rules, jobs=1), [], rules))
    again = report_to_json(analyse_results(extract_files(files, reloaded, jobs=1), [], reloaded))
    assert fresh == again


def test_torn_entry_is_a_miss(tmp_path, rules):
    files = write_corpus(tmp_path / "corpus", n=2)
    cache = FileCache.open(tmp_path / "cache", rules)
    cold = report_to_json(analyse_results(extract_files(files, rules, jobs=1, cache=cache), [], rules))
    for entry in _entries(tmp_path / "cache"):
        entry.write_bytes(entry.read_bytes()[:20])
    warm = report_to_json(analyse_results(extract_files(files, rules, jobs=1, cache=cache), [], rules))
    assert warm == cold


def test_cli_cache_flag_and_rerun(tmp_path, rules_dir):
    write_corpus(tmp_path / "corpus")
    outs = []
    for name in ("cold", "warm"):
        out = tmp_path / f"{name}.json"
        proc = fc("run", str(tmp_path / "corpus"), "--rules", str(rules_dir), "-f", "json",
                  "-o", str(out), "--no-html", "-q", "--cache", str(tmp_path / "c"),
                  "--html", str(tmp_path / "r.html"), cwd=tmp_path)
        assert proc.returncode in (0, 1), proc.stderr
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    assert _entries(tmp_path / "c")
    assert (tmp_path / "c" / "v1" / "rules").is_dir()


def test_an_entry_not_sealed_by_this_user_is_never_unpickled(tmp_path):
    import pickle

    from factcheck.engine import cache as cache_mod

    planted = tmp_path / "planted.pkl"

    class Boom:
        def __reduce__(self):
            return (open, (str(tmp_path / "PWNED"), "w"))

    planted.write_bytes(b"\0" * 32 + pickle.dumps(Boom()))
    assert cache_mod._read(planted) is None
    planted.write_bytes(pickle.dumps(Boom()))
    assert cache_mod._read(planted) is None
    assert not (tmp_path / "PWNED").exists()
    sealed = tmp_path / "sealed.pkl"
    sealed.write_bytes(cache_mod._seal(pickle.dumps({"ok": 1})))
    assert cache_mod._read(sealed) == {"ok": 1}


def _pack_shards(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (root / "v1" / "packs").rglob("*.pkl")}


def test_rerun_reads_unchanged_files_from_the_pack_not_from_their_entries(tmp_path, rules):
    files = write_corpus(tmp_path / "corpus")
    cache = FileCache.open(tmp_path / "cache", rules)
    cold = report_to_json(analyse_results(extract_files(files, rules, jobs=1, cache=cache), [], rules))
    assert _pack_shards(tmp_path / "cache")
    for entry in _entries(tmp_path / "cache"):
        entry.unlink()      # only the pack is left to answer
    calls = []
    warm = extract_files(files, rules, jobs=1, cache=cache, progress=calls.append)
    assert report_to_json(analyse_results(warm, [], rules)) == cold
    assert sorted(calls) == sorted(files)
    assert not _entries(tmp_path / "cache")     # nothing was parsed again


def test_one_changed_file_rewrites_one_pack_shard(tmp_path, rules):
    files = write_corpus(tmp_path / "corpus")
    cache = FileCache.open(tmp_path / "cache", rules)
    extract_files(files, rules, jobs=1, cache=cache)
    before = _pack_shards(tmp_path / "cache")
    _change_one_figure(files[0])
    fresh = extract_files(files, rules, jobs=1, cache=cache)
    after = _pack_shards(tmp_path / "cache")
    changed = {p for p in set(before) | set(after) if before.get(p) != after.get(p)}
    assert 1 <= len(changed) <= 2      # the shard losing the old key, the one gaining the new
    cold = extract_files(files, rules, jobs=1, cache=None)
    assert report_to_json(analyse_results(fresh, [], rules)) == \
        report_to_json(analyse_results(cold, [], rules))


def test_a_tampered_pack_shard_is_ignored(tmp_path, rules):
    files = write_corpus(tmp_path / "corpus")
    cache = FileCache.open(tmp_path / "cache", rules)
    cold = report_to_json(analyse_results(extract_files(files, rules, jobs=1, cache=cache), [], rules))
    for shard in _pack_shards(tmp_path / "cache"):
        blob = bytearray(shard.read_bytes())
        blob[-1] ^= 0xFF
        shard.write_bytes(bytes(blob))
    warm = report_to_json(analyse_results(extract_files(files, rules, jobs=1, cache=cache), [], rules))
    assert warm == cold


def test_a_run_on_other_inputs_keeps_the_corpus_pack(tmp_path, rules):
    files = write_corpus(tmp_path / "corpus")
    cache = FileCache.open(tmp_path / "cache", rules)
    extract_files(files, rules, jobs=1, cache=cache, scope="corpus")
    before = _pack_shards(tmp_path / "cache")
    draft = tmp_path / "draft.txt"
    draft.write_text("Norway pumped 1.9 million barrels a day in March, the ministry said.\n",
                     encoding="utf-8")
    extract_files([str(draft)], rules, jobs=1, cache=cache, scope="draft")
    after = _pack_shards(tmp_path / "cache")
    assert all(after.get(p) == blob for p, blob in before.items())
    assert len(after) > len(before)
