"""Settings: defaults from default_config.toml, a user file overrides only its keys, and every
key is documented by a comment above it."""
from __future__ import annotations

import re
from importlib import resources

import pytest

from sitrep.settings import load_settings


def test_settings_user_file_overrides_only_its_keys(tmp_path):
    user = tmp_path / "fast.toml"
    user.write_text("[nlp]\nprefilter = true\nbatch_size = 8\n")
    defaults, custom = load_settings(), load_settings(user)
    assert custom.nlp_prefilter and custom.nlp_batch_size == 8
    assert custom.nlp_components == defaults.nlp_components and custom.run_batch_size == defaults.run_batch_size


def test_settings_unknown_key_is_refused_by_name(tmp_path):
    user = tmp_path / "typo.toml"
    user.write_text("[nlp]\nprefiltre = true\n")
    with pytest.raises(ValueError, match="prefiltre"):
        load_settings(user)


def test_settings_every_key_has_a_comment_above_it():
    lines = resources.files("sitrep").joinpath("default_config.toml").read_text("utf-8").splitlines()
    keys = [i for i, line in enumerate(lines) if re.match(r"^[a-z_]+ = ", line)]
    assert keys and all(lines[i - 1].startswith("#") for i in keys)


def test_settings_cli_refuses_a_bad_config_file_before_running(tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app

    user = tmp_path / "typo.toml"
    user.write_text("[run]\nbatchsize = 3\n")
    result = CliRunner().invoke(app, ["--config", str(user), "--db", str(tmp_path / "x.duckdb"), "docs"])
    assert result.exit_code == 2 and "batchsize" in result.stderr
