"""Spellings of one alias that news writes differently."""
from __future__ import annotations

import pytest

from sitrep.kb.actors import alias_variants


@pytest.mark.parametrize("alias, variant, present", [
    ("George W. Bush", "George W Bush", True),
    ("J. Christopher Stevens", "J Christopher Stevens", True),
    ("U.S. Army", "U.S Army", False),  # an abbreviation's letters are no initials
    ("Jaish al-Adl", "Jaish al Adl", True),
    ("Kataib Hezbollah", "Kataib Hezbollah", True),
])
def test_alias_variants(alias, variant, present):
    assert (variant in alias_variants(alias)) is present
