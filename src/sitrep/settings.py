"""Configuration: defaults from `default_config.toml`, overridden key by key by a user file.

The CLI, the API and the tests all read one `Settings` object built here, so a setting has
one name and one default everywhere.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

# Environment variable naming a user config file (`sitrep --config FILE` sets it).
CONFIG_ENV = "SITREP_CONFIG"


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        elif key not in base:
            raise ValueError(f"unknown setting {key!r}: see default_config.toml for the known ones")
        else:
            merged[key] = value
    return merged


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting sitrep reads; see default_config.toml for what each one does."""

    nlp_model: str
    nlp_components: tuple[str, ...]
    nlp_batch_size: int
    nlp_prefilter: bool
    run_batch_size: int
    corpus_story_embeddings: bool


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults, then the user's file (only the keys it sets). RAISES: ValueError on unknown keys."""
    data = tomllib.loads(resources.files("sitrep").joinpath("default_config.toml").read_text("utf-8"))
    if path:
        data = _merge(data, tomllib.loads(Path(path).read_text("utf-8")))
    return Settings(
        nlp_model=data["nlp"]["model"],
        nlp_components=tuple(data["nlp"]["components"]),
        nlp_batch_size=int(data["nlp"]["batch_size"]),
        nlp_prefilter=bool(data["nlp"]["prefilter"]),
        run_batch_size=int(data["run"]["batch_size"]),
        corpus_story_embeddings=bool(data["corpus"]["story_embeddings"]),
    )


@lru_cache(maxsize=1)
def default_settings() -> Settings:
    """The settings the pipeline runs with, read once per process: the defaults, overridden by
    the file named in $SITREP_CONFIG (set by `sitrep --config FILE`) when there is one."""
    return load_settings(os.environ.get(CONFIG_ENV) or None)
