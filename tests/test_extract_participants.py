"""kg.extract.participants: who does and who suffers an act of violence, by their nouns."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _first_type(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="participants"))
    return extraction.events[0].event_type if extraction.events else None


@pytest.mark.parametrize("text, expected", [
    ("A vigilante group beat two men at the bus stop.", "MobViolence"),
    ("Students beat up a fellow student at the school.", "MobViolence"),
    ("A farmer and two herders clashed with machetes near the well.", "MobViolence"),
    ("Rioters beat a suspected thief in the market.", "MobViolence"),
    ("Villagers kidnapped two suspected thieves and beat them.", "MobViolence"),
    ("Two men beat a shopkeeper in the market.", "AttackOnCivilians"),
    ("Traders opened fire on a rival group at the market.", "ArmedClash"),
    ("Soldiers clashed with a local militia near the river.", "ArmedClash"),
])
def test_a_group_of_unarmed_people_is_a_mob(extractor, text, expected):
    assert _first_type(extractor, text) == expected


def test_an_armed_victim_is_no_civilian(extractor):
    assert _first_type(extractor, "Troops killed three armed individuals near the camp.") \
        == "ArmedClash"


@pytest.mark.parametrize("text, expected", [
    ("Gunmen attacked a military bus near Garissa, Kenya.", "ArmedClash"),
    ("Gunmen attacked a police car near Garissa, Kenya.", "ArmedClash"),
    ("Gunmen attacked a bus near Garissa, Kenya.", "AttackOnCivilians"),
])
def test_a_thing_of_the_states_forces_is_no_civilian_victim(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Militants launched an attack against security forces at the Dalo village near Garissa, "
     "Kenya.", "ArmedClash"),
    ("Militants attacked soldiers at the village near Garissa, Kenya.", "ArmedClash"),
    ("Militants opened fire at the village of Dalo near Garissa, Kenya.", "AttackOnCivilians"),
])
def test_at_a_village_beside_an_armed_body_is_where_not_whom(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Protesters demanded the release of a teacher in Mombasa.", "Protest"),
    ("Demonstrators denounced the closure of a market in Mombasa.", "Protest"),
    ("Picketers demanded the reopening of a factory in Mombasa.", "Protest"),
    ("Residents have demanded that the teacher be released.", "Demand"),  # no gathering told
])
def test_what_protesters_voice_is_their_protest(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("subject, expected", [("Demonstrators", "Protest"),
                                               ("A trader", "Condemn")])
def test_what_protesters_voice_by_a_participle_is_their_protest(extractor, subject, expected):
    """A participle with no subject of its own shares that of the verb it hangs on."""
    extraction = extractor.extract(article_from_text(
        f"{subject} answered the call of a union in Mombasa, denouncing the closure of a "
        "market.", origin="participants"))
    voiced = next(e for e in extraction.events if e.trigger.text == "denouncing")
    assert voiced.event_type == expected


def test_a_band_with_armed_men_among_it_is_no_mob(extractor):
    """"two armed men and a minor": the minor is one of an armed band, not of a crowd."""
    assert _first_type(extractor, "A woman was kidnapped by two armed men and a minor in the "
                                  "village.") == "Kidnap"
    assert _first_type(extractor, "A farmer and two herders beat a thief to death.") == \
        "MobViolence"


@pytest.mark.parametrize("text, expected", [
    ("Supporters of the jailed mayor demanded his release in Tbilisi.", "Protest"),
    ("Residents of the district denounced the power cuts in Mombasa.", "Protest"),
    ("Residents of the district have denounced the power cuts.", "Condemn"),
    ("A farmer demanded compensation for his cattle.", "Demand"),
    ("The government demanded the release of the hostages.", "Demand"),
])
def test_many_people_who_demand_or_denounce_protest(extractor, text, expected):
    assert _first_type(extractor, text) == expected
