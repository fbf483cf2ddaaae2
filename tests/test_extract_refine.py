"""kg.extract.refine: types made precise by victim, perpetrator, agent kind, manner and setting
(by instrument: tests/test_extract_refine_instruments.py)."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract.kind_types import by_agent_kind, by_target_kind
from tests.extraction import first_type as _first_type


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


@pytest.mark.parametrize("text, expected", [
    ("Rebels took control of the town. No clashes were reported.", "Withdraw"),
    ("Rebels took control of the town. Clashes were not reported.", "Withdraw"),
    ("Rebels captured the town without resistance.", "Withdraw"),
    ("Rebels captured the town after heavy fighting.", "SeizeTerritory"),
])
def test_territory_taken_without_a_fight_is_a_transfer(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A group of youths threw stones at a passing bus.", "MobViolence"),
    ("Youths threw stones at the police during a demonstration.", "ViolentDemonstration"),
    ("A clash between supporters of two parties left three people injured.", "MobViolence"),
])
def test_stone_throwing_and_partisan_clashes(extractor, text, expected):
    assert _first_type(extractor, text) == expected


def test_a_protest_is_never_refined_to_a_transfer(extractor):
    assert _first_type(extractor, "Farmers protested peacefully; no clashes were reported.") == \
        "Protest"


def test_protesters_throwing_stones_riot(extractor):
    extraction = extractor.extract(article_from_text(
        "Residents protested in the square and threw stones at the town hall.", origin="refine"))
    assert [e.event_type for e in extraction.events] == ["ViolentDemonstration"] * 2


def test_another_countrys_forces_overtake_territory(extractor):
    assert _first_type(extractor, "Russian forces captured the town of Izium in Ukraine.") == \
        "SeizeTerritory"
    assert _first_type(extractor, "Ukrainian forces regained control of Izium in Ukraine.") == \
        "RegainTerritory"
    assert by_agent_kind("SeizeTerritory", {"military"}, foreign=True) == "SeizeTerritory"


@pytest.mark.parametrize("text, expected", [
    ("Police officers detained a blogger and tortured him in custody.", "AttackOnCivilians"),
    ("Police officers detained a blogger in the capital.", "Arrest"),
    ("Soldiers raided the village and burned four houses.", "AttackOnCivilians"),
    ("A man attacked and sexually assaulted a student on the hill.", "SexualViolence"),
])
def test_custody_raids_and_sexual_violence(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Militants attacked Kabul, killing three.", "AttackOnCivilians"),
    ("Rebels attacked the town of Goma.", "AttackOnCivilians"),
    ("Gunmen attacked a convoy, killing two villagers.", "AttackOnCivilians"),
    ("Jihadists attacked an army post near Kabul.", "ArmedClash"),
    ("Armed men attacked and killed a Fulani pastoralist.", "AttackOnCivilians"),
])
def test_victims_of_a_participle_adjunct_and_an_attacked_town(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Students marched in support of a killed reporter.", "Protest"),
    ("Students marched in the city. Soldiers shot two protesters dead.", "ExcessiveForce"),
])
def test_a_killing_is_excessive_force_only_when_protesters_are_killed(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Residents protested in the main square with burning tires.", "ViolentDemonstration"),
    ("Workers staged a protest outside the depot. They urged the firm to prevent accidents.",
     "Protest"),
    ("Workers protested in the city. Protesters were beaten by unknown men.",
     "ProtestWithIntervention"),
    ("Thousands protested outside the embassy. Some protesters beat a diplomat.",
     "Protest"),
])
def test_manner_is_how_a_protest_went_not_what_it_asked(extractor, text, expected):
    assert _first_type(extractor, text) == expected


def test_demolishing_a_building_is_destruction(extractor):
    assert _first_type(extractor, "The local government demolished a church in the village.") \
        == "Looting"


@pytest.mark.parametrize("text, expected", [
    ("Dock workers clashed with the company managers during their demonstration at the port.",
     "ViolentDemonstration"),
    ("Police clashed with demonstrators outside the parliament.", "ViolentDemonstration"),
    ("Soldiers clashed with rebels outside the town.", "ArmedClash"),
])
def test_a_clash_in_a_demonstration_or_with_demonstrators_is_a_riot(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A clash ensued between cadres of the Blue Party and the Green Party at the polling station.",
     "MobViolence"),
    ("A clash broke out between villagers of two hamlets over grazing land.", "MobViolence"),
    ("An armed clash broke out between villagers of two hamlets over grazing land.", "ArmedClash"),
])
def test_who_clashes_is_named_by_the_verb_of_occurrence(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "Councillors staged a protest in the council hall. Police intervened and removed protesters.",
    "Demonstrators staged a sit-in in front of the embassy. The police came to dislodge them.",
])
def test_police_intervening_or_removing_protesters_is_an_intervention(extractor, text):
    assert _first_type(extractor, text) == "ProtestWithIntervention"


@pytest.mark.parametrize("text, expected", [
    ("Five people were injured in a clash between supporters of two parties in the town.",
     "MobViolence"),
    ("Two people were killed in a drone attack on the market.", "AirStrike"),
    ("A teacher was wounded in an attack by unidentified assailants.", "AttackOnCivilians"),
])
def test_a_harm_done_in_an_event_is_of_that_event(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Around 100 people staged a protest march with torches through the town.", "Protest"),
    ("Activists staged a protest by burning effigies of the minister in the city.", "Protest"),
    ("About 60 people held a rally in the square on the anniversary of the riot.", "Protest"),
    ("Workers held a rally in the capital after violent clashes in the port.", "Protest"),
    ("Students demonstrated against the food, burning down a hut in the school.",
     "ViolentDemonstration"),
    ("Drivers set fire to tyres and blocked roads to demonstrate against fuel prices.",
     "ViolentDemonstration"),
    ("Residents barricaded the road with burning tyres over a lack of water.",
     "ViolentDemonstration"),
    ("About 2,000 people took to the streets in the city. There were clashes with the police.",
     "ViolentDemonstration"),
    ("Villagers protested because they fear clashes between armed groups.", "Protest"),
])
def test_how_a_protest_went_is_told_by_its_acts(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Party members burnt tyres and staged demonstrations in the town.", "ViolentDemonstration"),
    ("Party members burnt tyres to demonstrate against the candidate list.",
     "ViolentDemonstration"),
    ("Students vandalised a party office during a demonstration in the town.",
     "ViolentDemonstration"),
    ("People erected barricades of burning tyres to demand the minister's resignation.",
     "ViolentDemonstration"),
    ("Unknown men burnt a truck near the border.", "Looting"),
])
def test_destruction_as_part_of_a_protest_is_a_violent_demonstration(extractor, text, expected):
    assert _first_type(extractor, text) == expected


def test_a_participle_naming_a_burning_thing_is_no_destruction(extractor):
    found = extractor.extract(article_from_text("Police found a burnt car near the road.",
                                                origin="refine"))
    assert "Looting" not in [e.event_type for e in found.events]


@pytest.mark.parametrize("text, expected", [
    ("Two former policemen were arrested by the militia in the village. Their whereabouts "
     "remain unknown.", "Kidnap"),
    ("Two former policemen were arrested by the militia in the village. They were released "
     "a day later.", "Arrest"),
    ("Relatives protested in the square and asked for the whereabouts of the missing men.",
     "Protest"),
])
def test_an_arrest_after_which_people_are_missing_is_a_disappearance(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Members of a civic group picketed in front of the office. They urged candidates to drop "
     "pledges that may lead to ecosystem damage.", "Protest"),
    ("Police clashed with and dispersed the demonstrators near the station.",
     "ViolentDemonstration"),
])
def test_what_may_happen_is_no_manner_and_clashing_with_protesters_is_a_riot(extractor, text,
                                                                            expected):
    assert _first_type(extractor, text) == expected


def test_territory_taken_without_confrontation_is_a_transfer(extractor):
    assert _first_type(extractor, "Militants took control of the village without confrontation "
                                  "with the army.") == "Withdraw"


@pytest.mark.parametrize("text, expected", [
    ("About 20 students gathered in Baton Rouge to take part in a rally against the war.",
     "Protest"),
    ("A group of people blocked the avenue. The protesters parked a bus across it to prevent "
     "the passage of vehicles.", "Protest"),
    ("Farmers protested in the capital. Police came to disperse the protesters.",
     "ProtestWithIntervention"),
])
def test_an_intervention_is_no_name_and_no_act_of_the_crowd(extractor, text, expected):
    assert _first_type(extractor, text) == expected


def test_protesters_forced_to_disperse_is_an_intervention(extractor):
    assert _first_type(extractor, "About 80 protesters marched through the city. Police blocked "
                                  "the march, forcing the protesters to disperse.") \
        == "ProtestWithIntervention"


def test_as_is_no_reason_that_hides_an_intervention(extractor):
    assert _first_type(extractor, "About 80 protesters marched through the city. Police blocked "
                                  "the march as the protesters had not obtained permission to "
                                  "hold the event, forcing the protesters to disperse.") \
        == "ProtestWithIntervention"


@pytest.mark.parametrize("text", [
    "Three people including a civilian were shot dead during a clash between the Alpha Front "
    "and the Beta Movement in Lagos.",
    "A farmer was wounded amid clashes between two armed groups near the river.",
    "Rebels clashed with soldiers and a civilian near the river.",
])
def test_a_harm_in_a_fight_between_sides_is_the_fight(extractor, text):
    assert _first_type(extractor, text) == "ArmedClash"


def test_a_harm_in_a_one_sided_attack_stays_an_attack_on_civilians(extractor):
    assert _first_type(extractor, "A farmer was killed during an attack on the village "
                                  "near the river.") == "AttackOnCivilians"


def test_civilian_targets_of_a_fight_between_sides_make_no_attack_on_civilians():
    assert by_target_kind("ArmedClash", {"civilians"}, sides=True) == "ArmedClash"
    assert by_target_kind("ArmedClash", {"civilians"}) == "AttackOnCivilians"


@pytest.mark.parametrize("text, expected", [
    ("On 5 March 2022, officials held a sit-in protest in Baramulla to demand the release of "
     "arrested officials.", "Protest"),
    ("On 5 March 2022, students protested in Lagos. Five arrested protesters were later "
     "released.", "ProtestWithIntervention"),
])
def test_a_participle_describing_others_tells_no_intervention(extractor, text, expected):
    assert _first_type(extractor, text) == expected


def test_what_a_demanded_act_is_for_tells_no_intervention(extractor):
    assert _first_type(extractor, "On 13 February 2022, around 200 people protested in Aalborg "
                                  "and demanded the government to take action to prevent "
                                  "further attacks.") == "Protest"


def test_a_date_on_a_verb_of_firing_sets_nothing_on_fire(extractor):
    """"On 4 May, forces fired ...": a verb with an "on" phrase is no cue "on fire"."""
    assert _first_type(extractor, "On 4 May 2022, Israeli forces fired rubber-coated bullets at "
                                  "Palestinian protesters at Bab al-Amud, East Jerusalem.") == \
        "ProtestWithIntervention"
    assert _first_type(extractor, "On 4 May 2022, protesters set tyres on fire in Hebron.") == \
        "ViolentDemonstration"
