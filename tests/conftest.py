"""Shared fixtures: where the seeds and dev corpora are, read once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
SEEDS_DIR = SHARED / "seeds" if (SHARED / "seeds").is_dir() else REPO / "examples" / "seeds"
DEV_DIR = SHARED / "dev"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def seed_docs():
    """The five seed pages as ingested `Document`s."""
    from sitrep.ingest import read_inputs

    docs = [item for item in read_inputs([str(SEEDS_DIR)]) if hasattr(item, "raw_text")]
    if len(docs) != 5:
        raise RuntimeError(f"expected 5 seeds under {SEEDS_DIR}, found {len(docs)}")
    return docs


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV_DIR.is_dir():
        pytest.skip("../shared/corpus/dev is not present")
    return DEV_DIR


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory, seeds_dir) -> Path:
    """A store of the five seeds as `sitrep run` leaves it (corpus stage included), built once
    per session. Tests only read it; a test that writes builds its own."""
    from typer.testing import CliRunner

    from sitrep.cli import app

    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    result = CliRunner().invoke(app, ["--db", str(db), "--quiet", "run", str(seeds_dir)])
    if result.exit_code != 0:
        raise RuntimeError(result.output)
    return db
