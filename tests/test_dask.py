"""The Dask engine gives byte-identical reports to the local engine.

The cluster is a LocalCluster of two workers with processes=False (threads in this
process): on a two-core machine shared with other jobs, worker processes cost seconds to
start and say nothing more about correctness, since tasks and results are pickled-clean
records either way. The CLI test starts the default cluster (worker processes).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from clihelp import ROOT, fc  # noqa: E402
from factcheck.dask_engine import extract_files_dask  # noqa: E402
from factcheck.engine import extract_files  # noqa: E402
from factcheck.pipeline import analyse_results, load_rules  # noqa: E402
from factcheck.report.json_report import report_to_json  # noqa: E402
from test_engine import write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target


@pytest.fixture(scope="module")
def rules(rules_dir):
    return load_rules(rules_dir)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_and_local_engines_give_identical_json(tmp_path, rules, client):
    files = write_corpus(tmp_path / "corpus")
    seen = []
    on_dask = extract_files_dask(files, rules, client=client, progress=seen.append)
    assert sorted(seen) == sorted(files)
    local = extract_files(files, rules, jobs=1)
    assert report_to_json(analyse_results(on_dask, [], rules)) == \
        report_to_json(analyse_results(local, [], rules))


def test_unreadable_file_on_dask_is_a_problem(tmp_path, rules, client):
    results = extract_files_dask([str(tmp_path / "missing.txt")], rules, client=client)
    assert results[0].document is None and results[0].problem.level == "error"


def test_cli_engine_dask_matches_local(tmp_path, rules_dir):
    write_corpus(tmp_path / "corpus")
    outs = []
    for extra in (("--engine", "dask"), ("--jobs", "1")):
        out = tmp_path / f"{extra[1]}.json"
        proc = fc("run", str(tmp_path / "corpus"), "--rules", str(rules_dir), "-f", "json",
                  "-o", str(out), "--no-html", "-q", "--no-cache", *extra,
                  "--html", str(tmp_path / "r.html"), cwd=tmp_path)
        assert proc.returncode in (0, 1), proc.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path):
    write_corpus(tmp_path / "corpus", n=2)
    proc = fc("run", str(tmp_path / "corpus"), "--scheduler", "tcp://127.0.0.1:1",
              "--no-html", "-q", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2
