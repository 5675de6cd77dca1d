"""The local engine: --jobs N gives the same report as one process, files in any order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from clihelp import ROOT, fc
from factcheck.engine import extract_files
from factcheck.pipeline import analyse_results, load_rules, process_file
from factcheck.report.json_report import report_to_json

COUNTRIES = ["Norway", "Kazakhstan", "Iraq", "Kuwait", "Nigeria", "Brazil"]
MONTHS = ["January", "February", "March"]


def _article(i: int) -> str:
    country = COUNTRIES[i % len(COUNTRIES)]
    month = MONTHS[i % len(MONTHS)]
    level = 1.2 + 0.1 * (i % len(COUNTRIES))
    if i % 7 == 3:          # a figure that does not fit the others of its key
        level += 0.6
    return (f"Energy Desk {i} | April {2 + i % 20}, 2025 |\n\n"
            f"{country} pumped {level:.2f} million barrels per day of crude oil in {month}, "
            f"officials at the energy ministry said on a call with reporters.\n"
            f"Exports from the main terminal reached {300 + 10 * i:,} tonnes in {month}, "
            f"up 4.5% from a month earlier, port data showed.\n"
            f"The budget for new drilling stands at $1.{i % 9} billion this year.\n")


WIRE = ("Oil Wire | April 9, 2025 |\n\n"
        "Norway pumped 1.95 million barrels per day of crude oil in February, the energy "
        "ministry said in a monthly statement on Wednesday morning.\n"
        "Field maintenance at two platforms held back output for most of the month, "
        "the ministry added in its statement.\n"
        "Analysts had expected a figure closer to the January average of the country.\n")


def write_corpus(folder: Path, n: int = 14) -> list[str]:
    """n small articles in plain text, plus one wire story reprinted in two files."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(_article(i), encoding="utf-8")
    (folder / "wire_1.txt").write_text(WIRE, encoding="utf-8")
    (folder / "wire_2.txt").write_text(WIRE.replace("Oil Wire", "Gulf Post"), encoding="utf-8")
    (folder / "broken.jsonl").write_bytes(b"{not json\n")
    return sorted(str(p) for p in folder.iterdir())


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory) -> Path:
    """A private copy of the rules, so a run and its re-run see the same fingerprint."""
    target = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target


@pytest.fixture(scope="module")
def rules(rules_dir):
    return load_rules(rules_dir)


def _json(results, rules) -> str:
    return report_to_json(analyse_results(results, [], rules))


def test_two_processes_give_the_same_report_as_one(tmp_path, rules):
    files = write_corpus(tmp_path / "corpus")
    one = _json(extract_files(files, rules, jobs=1), rules)
    two = _json(extract_files(files, rules, jobs=2), rules)
    assert one == two
    report = json.loads(one)
    assert report["claims"] and report["findings"]


def test_file_order_does_not_change_the_report(tmp_path, rules):
    files = write_corpus(tmp_path / "corpus")
    forward = _json([process_file(f, rules) for f in files], rules)
    backward = _json([process_file(f, rules) for f in reversed(files)], rules)
    assert forward == backward


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path, rules):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00" * 3 + b"x")
    missing = str(folder / "gone.txt")
    result = process_file(missing, rules)
    assert result.document is None and result.problem is not None
    assert result.problem.level == "error"


def test_cli_jobs_1_and_2_give_identical_json(tmp_path, rules_dir):
    write_corpus(tmp_path / "corpus")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}.json"
        proc = fc("run", str(tmp_path / "corpus"), "--rules", str(rules_dir), "-f", "json",
                  "-o", str(out), "--no-html", "--quiet", "--jobs", jobs, "--no-cache",
                  "--html", str(tmp_path / "r.html"), cwd=tmp_path)
        assert proc.returncode in (0, 1), proc.stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert not (tmp_path / "reports" / ".cache").exists()


def test_cli_rejects_zero_jobs(tmp_path):
    write_corpus(tmp_path / "corpus", n=2)
    proc = fc("run", str(tmp_path / "corpus"), "--jobs", "0", "--no-html", "-q",
              "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2
    assert "--jobs" in proc.stderr
