"""rules/checks.yaml: the shipped file loads; a malformed one names file, line and field."""

from __future__ import annotations

import textwrap

import pytest

from factcheck.checks import CHECK_KINDS, load_check_rules, rule_codes
from factcheck.rules import RulesError

GOOD = """\
version: 1
checks:
  - code: FC101
    kind: conflict
    severity: error
    tolerance:
      default: 0.005
      metrics:
        price: 0.02
"""


def write(tmp_path, text: str):
    (tmp_path / "checks.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def test_shipped_rules_load_and_cover_the_core_codes():
    rules = load_check_rules()
    assert {"FC101", "FC102", "FC103", "FC104"} <= {r.code for r in rules.enabled}
    assert all(r.kind in CHECK_KINDS for r in rules.enabled)
    assert "FC201" in rule_codes(rules)
    assert rules.get("FC101").tolerance("production") == 0.005


def test_per_metric_tolerance(tmp_path):
    rules = load_check_rules(write(tmp_path, GOOD))
    fc101 = rules.get("FC101")
    assert fc101.tolerance("price") == 0.02 and fc101.tolerance("exports") == 0.005


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    write(tmp_path, GOOD + "  - code: [FC102\n")
    with pytest.raises(RulesError) as err:
        load_check_rules(tmp_path)
    assert err.value.path.endswith("checks.yaml") and err.value.line == 11
    assert "checks.yaml:11" in str(err.value)


def test_unknown_field_names_line_and_field(tmp_path):
    write(tmp_path, GOOD.replace("    severity: error\n",
                                 "    severity: error\n    treshold: 3\n"))
    with pytest.raises(RulesError) as err:
        load_check_rules(tmp_path)
    assert (err.value.line, err.value.field) == (6, "checks[0].treshold")
    assert "unknown field" in str(err.value)


def test_bad_severity_names_line_and_field(tmp_path):
    write(tmp_path, GOOD.replace("severity: error", "severity: fatal"))
    with pytest.raises(RulesError) as err:
        load_check_rules(tmp_path)
    assert (err.value.line, err.value.field) == (5, "checks[0].severity")
    assert "fatal" in str(err.value) and "checks.yaml:5" in str(err.value)


@pytest.mark.parametrize("entry,field,message", [
    ("  - code: FC102\n    kind: attributed-disagreement\n    severity: error\n",
     "checks[1].severity", "informational"),
    ("  - code: FC900\n    kind: astrology\n    severity: warning\n",
     "checks[1].kind", "unknown check kind"),
    ("  - code: FC101\n    kind: conflict\n    severity: error\n",
     "checks[1].code", "duplicate"),
    ("  - code: X1\n    kind: conflict\n    severity: error\n", "checks[1].code", "rule code"),
    ("  - code: FC105\n    kind: conflict\n    severity: error\n    tolerance: 5\n",
     "checks[1].tolerance", "fraction"),
])
def test_invalid_entries(tmp_path, entry, field, message):
    write(tmp_path, GOOD + entry)
    with pytest.raises(RulesError) as err:
        load_check_rules(tmp_path)
    assert err.value.field == field and message in str(err.value)
    assert err.value.line is not None and err.value.line >= 10


def test_future_kind_may_be_listed_switched_off(tmp_path):
    rules = load_check_rules(write(tmp_path, GOOD + (
        "  - code: FC299\n    kind: not-built-yet\n    severity: warning\n"
        "    enabled: false\n")))
    assert rules.get("FC299") and not rules.get("FC299").enabled


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(RulesError, match="file not found"):
        load_check_rules(tmp_path)
    write(tmp_path, "")
    with pytest.raises(RulesError, match="empty"):
        load_check_rules(tmp_path)
