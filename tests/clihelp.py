"""Running the CLI as a user would, for the end-to-end tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
needs_shared = pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds not present")


def fc(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the CLI in a scratch folder (its default outputs land there, not in the repo)."""
    env = dict(os.environ, COLUMNS="160", PYTHONHASHSEED="random")
    if cwd is None:
        cwd = Path(tempfile.mkdtemp(prefix="fc-cli-"))
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=300)


def run_json(tmp_path: Path, *paths: str, extra: tuple[str, ...] = (), name="r.json",
             cwd: Path | None = None) -> tuple[subprocess.CompletedProcess, dict]:
    out = tmp_path / name
    proc = fc("run", *paths, "--format", "json", "-o", str(out), "--no-html", "--quiet",
              "--html", str(tmp_path / "r.html"), *extra, cwd=cwd)
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return proc, data


def claims_by_text(report: dict, fragment: str) -> list[dict]:
    return [c for c in report["claims"] if fragment in c["text"]]


def findings_with(report: dict, *fragments: str, rule: str | None = None) -> list[dict]:
    by_id = {c["id"]: c for c in report["claims"]}
    hits = []
    for f in report["findings"]:
        if rule and f["rule"] != rule:
            continue
        texts = [by_id[c]["text"] for c in f["claims"]]
        if all(any(fr in t for t in texts) for fr in fragments):
            hits.append(f)
    return hits


WELL_FORMED = """Energy Weekly | March 3, 2025 |

Norway's crude oil output averaged 1.8 million barrels per day in February, the ministry said.
"""

CONFLICTING = """Energy Daily | March 4, 2025 |

Norway's crude oil output averaged 2.3 million barrels per day in February, the ministry said.
"""
