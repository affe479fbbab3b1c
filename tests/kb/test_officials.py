"""officials.jsonl: office holders of 2010-2024 resolve to KB actors, loaded with actors.jsonl."""
from __future__ import annotations

import json
import shutil

import pytest

from sitrep.errors import SitrepError
from sitrep.kb.actors import KB_DIR, default_actor_kb, load_actors, normalise
from sitrep.kb.rows import read_rows

KB_FILES = ("actors.jsonl", "officials.jsonl", "actor_modifiers.jsonl", "actor_roles.jsonl")


@pytest.fixture(scope="module")
def kb():
    return default_actor_kb()


def copy_kb(tmp_path):
    for name in KB_FILES:
        shutil.copy(KB_DIR / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize(("alias", "actor_id", "organisation"), [
    ("Hosni Mubarak", "EGY_MUBARAK", "EGY_GOV"),
    ("Shinzo Abe", "JPN_ABE", "JPN_GOV"),
    ("Shinzō Abe", "JPN_ABE", "JPN_GOV"),
    ("Faisal Miqdad", "SYR_MEKDAD", "SYR_GOV"),
    ("Jean-Yves Le Drian", "FRA_LEDRIAN", "FRA_GOV"),  # actors.jsonl still answers
    ("Qamar Javed Bajwa", "PAK_BAJWA", "PAK_MIL"),
    ("Anders Fogh Rasmussen", "IGO_RASMUSSEN", "IGO_NATO"),
    ("Mahdi al-Mashat", "YEM_MASHAT", "YEM_HOUTHI"),
    ("James Comey", "USA_COMEY", "USA_FBI"),  # actors.jsonl: US officials often named
    ("Rod Rosenstein", "USA_ROSENSTEIN", "USA_DOJ"),
])
def test_officials_resolve_to_their_organisation(kb, alias, actor_id, organisation):
    (actor,) = kb.lookup(alias)
    assert actor.id == actor_id
    assert kb.organisation_of(actor).id == organisation


def test_officials_opposition_leader_has_no_government(kb):
    (guaido,) = kb.lookup("Juan Guaido")
    assert (guaido.sector, guaido.code, kb.organisation_of(guaido).id) == ("OPP", "VENOPP", "VEN_GUAIDO")


def test_officials_rows_are_people_with_office_and_years():
    for where, row in read_rows(KB_DIR / "officials.jsonl"):
        assert row["type"] == "person", where
        assert row.get("role") and row.get("note"), where


@pytest.mark.parametrize("name", ["actors.jsonl", "officials.jsonl"])
def test_officials_every_person_states_a_gender(name):
    """Pronoun resolution reads it: a person without one would take any he or she."""
    for where, row in read_rows(KB_DIR / name):
        assert row["type"] != "person" or row.get("gender") in ("female", "male"), where


def test_officials_aliases_name_one_actor_only(kb):
    """A bare surname or spelling shared with another actor would make the person ambiguous."""
    for _, row in read_rows(KB_DIR / "officials.jsonl"):
        for alias in [row["name"], *row["aliases"]]:
            assert kb.alias_index[normalise(alias)] == (row["id"],), alias


def test_officials_duplicate_id_across_files_raises(tmp_path):
    kb_dir = copy_kb(tmp_path)
    row = {"id": "SYR_ASSAD", "name": "Bashar al-Assad", "type": "person", "country": "SYR",
           "parent": "SYR_GOV", "aliases": [], "role": "President", "source": "test"}
    with (kb_dir / "officials.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(row) + "\n")
    lines = sum(1 for _ in (kb_dir / "officials.jsonl").open(encoding="utf-8"))
    with pytest.raises(SitrepError, match=rf"E030.*officials.jsonl line {lines}: duplicate id 'SYR_ASSAD'"):
        load_actors(kb_dir)


def test_officials_unknown_parent_names_the_files(tmp_path):
    kb_dir = copy_kb(tmp_path)
    row = {"id": "XXX_NOBODY", "name": "Nobody", "type": "person", "parent": "XXX_GOV",
           "aliases": [], "source": "test"}
    (kb_dir / "officials.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(SitrepError, match="officials.jsonl: actor 'XXX_NOBODY' has unknown parent 'XXX_GOV'"):
        load_actors(kb_dir)


def test_officials_file_is_optional(tmp_path):
    kb_dir = copy_kb(tmp_path)
    (kb_dir / "officials.jsonl").unlink()
    kb = load_actors(kb_dir)
    assert kb.lookup("Hosni Mubarak") == ()
    assert [a.id for a in kb.lookup("Bashar al-Assad")] == ["SYR_ASSAD"]
