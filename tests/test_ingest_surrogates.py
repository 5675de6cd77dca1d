"""A CMS export with half an emoji (a lone UTF-16 surrogate escape) is read, not a crash."""

from __future__ import annotations

import json

from clihelp import fc


def test_a_lone_surrogate_escape_becomes_a_replacement_character(tmp_path):
    (tmp_path / "export.json").write_text(
        '[{"headline": "Grain \\ud83c harvest", "published": "2025-07-02", '
        '"body": "Ukraine harvested 41 million tonnes of grain \\ud83d\\ude00 this season, '
        'the ministry said \\udc00. Exports reached 3.2 million tonnes in June."}]\n',
        encoding="utf-8")
    out = tmp_path / "report.json"
    done = fc("run", str(tmp_path / "export.json"), "--no-cache", "--no-html", "-f", "json",
              "-o", str(out), "-q", "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["articles"][0]["headline"] == "Grain \ufffd harvest"
    texts = {c["text"] for c in report["claims"]}
    assert {"41 million tonnes", "3.2 million tonnes"} <= texts
    sentence = next(c["sentence"] for c in report["claims"] if c["text"] == "41 million tonnes")
    assert "\U0001F600" in sentence         # a whole pair stays the emoji it encodes
