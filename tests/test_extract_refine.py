"""kg.extract.refine: types made precise by instrument, victim, perpetrator, agent kind, manner."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract.refine import by_agent_kind, by_target_kind


def _first_type(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="refine"))
    return extraction.events[0].event_type if extraction.events else None


@pytest.mark.parametrize("text, expected", [
    ("Two soldiers were killed by a roadside bomb near the bridge.", "Bombing"),
    ("Attackers threw a grenade into a crowded tea shop.", "Grenade"),
    ("Fighters attacked the outpost with mortars and rockets.", "Shelling"),
    ("A suicide attacker killed four guards at the gate.", "SuicideBomb"),
    ("A drone attack killed two fighters in the valley.", "AirStrike"),
])
def test_instrument(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen shot dead a farmer in his field.", "AttackOnCivilians"),
    ("Gunmen shot two soldiers at the checkpoint.", "ArmedClash"),
    ("Militants shot and killed a shopkeeper.", "AttackOnCivilians"),
    ("Fighters stormed the village at dawn.", "AttackOnCivilians"),
    ("A trader was beaten by a group of people at the market.", "MobViolence"),
    ("A mob lynched a suspected cattle thief.", "MobViolence"),
    ("A group of locals beat a suspected thief to death.", "MobViolence"),
    ("Rioters clashed with police near the stadium.", "ViolentDemonstration"),
])
def test_victim_and_perpetrator(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Teachers protested outside the ministry over unpaid wages.", "Protest"),
    ("Students protested in the square. Police dispersed them with tear gas.",
     "ProtestWithIntervention"),
    ("Residents protested in the square and threw stones at the town hall.",
     "ViolentDemonstration"),
    ("Farmers protested in the square; security forces fired live ammunition at them.",
     "ExcessiveForce"),
    ("Traders protested against the arrest of their leader.", "Protest"),
    ("Nurses staged a protest over a clash between two gangs.", "Protest"),
    ("Villagers protested because they fear clashes between armed groups.", "Protest"),
])
def test_manner_of_a_protest(extractor, text, expected):
    assert _first_type(extractor, text) == expected


def test_agent_kind_decides_who_regains_territory():
    assert by_agent_kind("SeizeTerritory", {"military", "police"}) == "RegainTerritory"
    assert by_agent_kind("RegainTerritory", {"armed_group"}) == "SeizeTerritory"
    assert by_agent_kind("SeizeTerritory", set()) == "SeizeTerritory"
    assert by_target_kind("Attack", {"civilians", "military"}) == "AttackOnCivilians"
    assert by_target_kind("Arrest", {"civilians"}) == "Arrest"


def test_state_forces_seizing_a_town_regain_it(extractor):
    assert _first_type(extractor, "The Syrian army captured the town of Kafr Nabl.") == \
        "RegainTerritory"
