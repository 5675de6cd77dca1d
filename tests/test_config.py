"""Configuration: [tool.factcheck] in pyproject.toml or factcheck.toml, flags on top."""

from pathlib import Path

import pytest

from factcheck.config import Config, ConfigError, load_config


def test_defaults_without_a_config_file(tmp_path):
    cfg = load_config(tmp_path)
    assert cfg == Config()
    assert cfg.fail_on == "error" and cfg.paths == ("seeds",)


def test_pyproject_section_is_read_and_rules_resolved_against_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factcheck]\nfail-on = "warning"\nrules = "desk-rules"\n'
        'paths = ["articles"]\nignore = ["*/drafts/*"]\nno-html = true\n', encoding="utf-8")
    cfg = load_config(tmp_path)
    assert cfg.fail_on == "warning"
    assert cfg.paths == ("articles",)
    assert cfg.ignore == ("*/drafts/*",)
    assert cfg.no_html is True
    assert Path(cfg.rules) == (tmp_path / "desk-rules").resolve()
    assert cfg.source.endswith("pyproject.toml")


def test_factcheck_toml_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "warning"\n')
    (tmp_path / "factcheck.toml").write_text('fail-on = "info"\n')
    assert load_config(tmp_path).fail_on == "info"


def test_flags_override_file_and_none_means_not_given(tmp_path):
    (tmp_path / "factcheck.toml").write_text('fail-on = "info"\nformat = "json"\n')
    cfg = load_config(tmp_path).merged(fail_on="never", format=None)
    assert cfg.fail_on == "never" and cfg.format == "json"


@pytest.mark.parametrize("body, fragment", [
    ('fail-on = "sometimes"\n', "fail-on"),
    ('colour = "red"\n', "unknown key 'colour'"),
    ('paths = 3\n', "paths"),
    ('fail-on = [\n', "cannot read config"),
])
def test_bad_config_names_file_and_key(tmp_path, body, fragment):
    (tmp_path / "factcheck.toml").write_text(body)
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert "factcheck.toml" in str(info.value) and fragment in str(info.value)


def test_explicit_missing_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path, explicit=str(tmp_path / "nope.toml"))
