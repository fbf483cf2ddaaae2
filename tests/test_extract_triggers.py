"""kg.extract.lexicon and kg.extract.triggers: the ontology is the one source of trigger words."""

from __future__ import annotations

import pytest
from rdflib import Literal

from kg.documents import article_from_text
from tests.extraction import triggered as _events
from kg.extract.lexicon import lexicon
from kg.taxonomy import event_types, scheme_graph
from kg.vocab import CKG, ET


def test_every_trigger_word_comes_from_the_scheme():
    graph = scheme_graph()
    for table, prop in ((lexicon().verbs, CKG.triggerVerb), (lexicon().nouns, CKG.triggerNoun)):
        for word, kind in table.items():
            assert (getattr(ET, kind), prop, Literal(word)) in graph
    assert set(lexicon().verbs.values()) | set(lexicon().nouns.values()) <= set(event_types())


def test_a_phrase_is_indexed_under_each_of_its_words():
    phrases = lexicon().phrases
    assert (frozenset({"open"}), "ArmedClash", 2) in phrases["fire"]
    assert (frozenset({"fire"}), "ArmedClash", 2) in phrases["open"]
    assert [n for _, _, n in phrases["strike"]] == sorted((n for _, _, n in phrases["strike"]),
                                                          reverse=True)


@pytest.mark.parametrize("text, expected", [
    ("Unknown assailants opened fire on a minibus near the market.", ("ArmedClash", "opened")),
    ("An air raid hit the market on Tuesday.", ("AirStrike", "raid")),
    ("A drone strike hit a pickup truck.", ("AirStrike", "strike")),
    ("A suicide bomber blew himself up at the checkpoint.", ("SuicideBomb", "blew")),
    ("Militiamen set the granary on fire.", ("Looting", "set")),
    ("Attackers threw a grenade into a crowded tea shop.", ("Grenade", "threw")),
    ("The garrison regained control of the bridge.", ("RegainTerritory", "regained")),
    ("Engineers defused a landmine near the road.", ("DisruptedWeapons", "defused")),
    ("Hundreds of protesters gathered outside the ministry.", ("Protest", "gathered")),
    ("About 200 people gathered in the square to demand clean water.", ("Protest", "gathered")),
    ("Dozens of nurses took to the streets over unpaid wages.", ("Protest", "took")),
    ("About 200 people gathered outside the town hall, chanting slogans against the mayor.",
     ("Protest", "gathered")),  # a chant is what a gathering is for, as a demand is
    ("Settlers uprooted forty olive trees near the village.", ("Looting", "uprooted")),
    ("Soldiers demolished two tents and a livestock shelter.", ("Looting", "demolished")),
    ("Troops bulldozed agricultural land near the village.", ("Looting", "bulldozed")),
])
def test_phrases_nouns_and_conditioned_verbs_trigger(extractor, text, expected):
    assert _events(extractor, text)[0] == expected


@pytest.mark.parametrize("text", [
    "The council will meet in March to discuss the budget.",
    "Workers put up new sign posts along the road.",
    "The workers gathered the harvest.",
])
def test_word_sense_guards(extractor, text):
    kinds = [kind for kind, _ in _events(extractor, text)]
    assert "Protest" not in kinds and "Agreement" not in kinds


@pytest.mark.parametrize("text", [
    "The authorities lifted a night curfew in the town on Sunday.",
    "The government ended a state of emergency in the province.",
    "A curfew was relaxed in the capital after a week of calm.",
])
def test_a_security_measure_lifted_is_none_imposed(extractor, text):
    assert "SecurityMeasure" not in [kind for kind, _ in _events(extractor, text)]


def test_a_phrase_word_is_not_a_second_trigger(extractor):
    assert _events(extractor, "The rebels opened fire on the convoy.") == [("ArmedClash", "opened")]


def test_hyphenated_and_coordinated_protest_triggers(extractor):
    assert _events(extractor, "A shoot-out between two gangs took place downtown.")[0][0] == \
        "ArmedClash"
    assert _events(extractor, "Parents gathered outside the town hall and demanded new teachers.")[
        0] == ("Protest", "gathered")
    assert _events(extractor, "Hundreds of people formed a human chain along the river.")[0][0] == \
        "Protest"


@pytest.mark.parametrize("text, expected", [
    ("About 2,000 civilians were displaced from the district.", ("OtherDevelopment", "displaced")),
    ("Hundreds of villagers fled from the village.", ("OtherDevelopment", "fled")),
    ("About 3,000 refugees arrived in the capital.", ("OtherDevelopment", "arrived")),
    ("Fifty civilians were evacuated from the city.", ("OtherDevelopment", "evacuated")),
    ("Forty militiamen surrendered to the army.", ("Surrender", "surrendered")),
    ("Soldiers raped two women in the village.", ("SexualViolence", "raped")),
])
def test_displacement_surrender_and_a_lemma_with_its_silent_e(extractor, text, expected):
    assert _events(extractor, text)[0] == expected


def test_the_army_evacuating_its_posts_still_withdraws(extractor):
    assert _events(extractor, "The Syrian army evacuated its posts near the border.")[0][0] == "Withdraw"


def test_a_participle_naming_custody_is_no_arrest(extractor):
    assert "Arrest" not in [t for t, _ in _events(
        extractor, "The detained journalist went on hunger strike.")]


@pytest.mark.parametrize("text, expected", [
    ("The Nigerian army will recruit 500 young men.", ("Mobilize", "recruit")),
    ("Fighters raided an army post at dawn.", ("ArmedClash", "raided")),
])
def test_recruitment_and_raids(extractor, text, expected):
    assert _events(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("Residents closed a road in the town to denounce a power cut.", ["Protest"]),
    ("Protesters closed down the oil port.", ["Protest"]),
    ("The army closed the border crossing.", []),
])
def test_closing_a_road_to_denounce_is_a_protest(extractor, text, expected):
    assert [t for t, _ in _events(extractor, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Members of a farmers' union held a press conference with banners outside the city hall.",
     ("Protest", "held")),
    ("Dozens of fishermen displayed placards at the port to call for lower fuel prices.",
     ("Protest", "displayed")),
    ("Lawyers walked with placards to the presidential office.", ("Protest", "walked")),
])
def test_holding_banners_or_placards_is_a_protest(extractor, text, expected):
    assert _events(extractor, text)[0] == expected


def test_a_press_conference_without_banners_is_no_protest(extractor):
    assert "Protest" not in [t for t, _ in _events(
        extractor, "The minister held a press conference with reporters in the capital.")]


def test_a_word_inside_a_proper_name_is_no_trigger(extractor):
    events = _events(extractor, "Members of the Hoengseong Combat Aircraft Noise Countermeasure "
                                "Committee met the mayor on Monday.")
    assert "AirStrike" not in [t for t, _ in events] and "ArmedClash" not in [t for t, _ in events]


def _modalities(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="triggers"))
    return {e.event_type: e.modality for e in extraction.events}


@pytest.mark.parametrize("text, kind", [
    ("The union urged the government to release the jailed workers.", "Release"),
    ("Activists called for a ceasefire between the two militias.", "Ceasefire"),
])
def test_an_act_a_demand_asks_for_is_not_asserted(extractor, text, kind):
    assert _modalities(extractor, text)[kind] == "hypothetical"


@pytest.mark.parametrize("text, kind", [
    ("Protesters demanded higher wages and clashed with the police.", "ViolentDemonstration"),
    ("Traders demanded the release of three vendors arrested by the police.", "Arrest"),
    ("Farmers marched to the ministry in the capital, they also demanded lower taxes.", "Protest"),
])
def test_a_coordinated_prior_or_earlier_act_is_no_demanded_one(extractor, text, kind):
    assert _modalities(extractor, text)[kind] == "asserted"


@pytest.mark.parametrize("text, expected", [
    ("The Federation for Freight Transport called a nationwide strike action.", "Protest"),
    ("Russian tanks fired on a civilian bus near the village.", "Shelling"),
])
def test_a_subject_counts_by_its_head_word_in_a_phrase(extractor, text, expected):
    assert [t for t, _ in _events(extractor, text)][:1] == [expected]


def test_a_weapons_test_is_no_attack_but_a_test_and_an_attack_are(extractor):
    assert _events(extractor, "The navy test-fired a cruise missile off the coast.") == []
    assert _events(extractor, "The rebels tested and fired long-range mortars at the army base.")[
        0][0] == "Shelling"


def test_a_purpose_scopes_over_the_coordinated_verbs_it_follows(extractor):
    assert _events(extractor, "About 200 workers took over the town hall and blocked two roads "
                              "to demand their wages.")[0] == ("Protest", "took")


@pytest.mark.parametrize("verb", ["urge", "ask", "appeal to"])
def test_a_gathering_to_press_a_directive_is_a_protest(extractor, verb):
    text = f"On 3 May 2022, residents gathered outside the town hall in Garissa to {verb} the " \
        "mayor."
    assert ("Protest", "gathered") in [e[:2] for e in _events(extractor, text)]


@pytest.mark.parametrize("text", [
    "Relatives of a man who was killed by the police marched to the court to demand justice.",
    "Friends of two students arrested on Monday blocked the road to demand their release.",
])
def test_a_clause_that_identifies_the_protesters_reports_no_event(extractor, text):
    found = [t for t, _ in _events(extractor, text)]
    assert found[0] == "Protest" and not {"Arrest", "AttackOnCivilians"} & set(found)


def test_a_relative_clause_on_the_subject_itself_still_reports(extractor):
    assert ("ArmedClash", "attacked") in _events(
        extractor, "Gunmen who attacked the checkpoint killed two soldiers.")


@pytest.mark.parametrize("text, expected", [
    ("Health workers gathered in the city demanding better working conditions.",
     ("Protest", "gathered")),
    ("Nurses gathered outside the hospital to demand higher wages.", ("Protest", "gathered")),
])
def test_a_gathering_with_a_participle_of_purpose_is_a_protest(extractor, text, expected):
    assert _events(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("North Korea test-fired a ballistic missile towards the sea.", ("Mobilize", "fired")),
    ("The army fired a missile at the rebel base.", ("Shelling", "fired")),
    ("Kenya declared a state of emergency in the province.", ("SecurityMeasure", "declared")),
    ("Kenya imposed a curfew in the coastal county.", ("SecurityMeasure", "imposed")),
    ("The Thai army imposed martial law in the capital.", ("SecurityMeasure", "law")),
    ("Rebels erected a checkpoint near the village.", ("Mobilize", "erected")),
    ("Nigerian troops were stationed in the school.", ("Mobilize", "stationed")),
])
def test_security_measures_and_weapons_tests_change_a_groups_activity(extractor, text, expected):
    assert _events(extractor, text)[0] == expected


def test_a_camp_set_up_as_a_means_to_demand_is_a_protest(extractor):
    found = _events(extractor, "Hundreds of people set up a camp in the square as a means to "
                               "demand food for the poor.")
    assert found[0] == ("Protest", "set")


def test_an_event_that_takes_place_is_no_protest(extractor):
    found = _events(extractor, "A clash took place between police and doctors during a "
                               "demonstration in the city demanding medicines.")
    assert ("Protest", "took") not in found and found[0][0] == "ViolentDemonstration"


@pytest.mark.parametrize("text, expected", [
    ("Party activists took out a protest rally in the city, over claimed threats to the leader.",
     "Protest"),
    ("Rebels took over the town after a week of fighting.", "SeizeTerritory"),
])
def test_a_particle_of_a_phrasal_trigger_is_the_verbs_own(extractor, text, expected):
    assert _events(extractor, text)[0][0] == expected


@pytest.mark.parametrize("text, expected", [
    ("Taxi drivers petrol bombed two buses in the township.", ("MobViolence", "bombed")),
    ("Warplanes bombed the town at dawn.", ("AirStrike", "bombed")),
])
def test_a_petrol_bomb_is_thrown_by_a_crowd_not_dropped_from_the_air(extractor, text, expected):
    assert _events(extractor, text)[0] == expected


def test_riot_police_report_no_riot(extractor):
    found = _events(extractor, "Riot police arrested ten party members in the town.")
    assert found[0] == ("Arrest", "arrested") and "ViolentDemonstration" not in [t for t, _ in found]


@pytest.mark.parametrize("text, expected", [
    ("Armed men threw an explosive device into a house in the town.", ("Grenade", "threw")),
    ("About 20 people hurled petrol bombs at a police station.", ("MobViolence", "bombs")),
])
def test_a_thrown_explosive_is_a_grenade_attack_unless_a_petrol_bomb(extractor, text, expected):
    assert _events(extractor, text)[0] == expected


def test_police_using_tear_gas_intervene_in_a_protest(extractor):
    found = _events(extractor, "Riot police used tear gas to disperse demonstrators outside "
                               "the electoral commission.")
    assert found[0] == ("ProtestWithIntervention", "used")


@pytest.mark.parametrize("text", [
    "On 16 March 2022, in Oruro, teachers gathered in a square to demand salary readjustment, "
    "in the main square.",
    "On 3 March 2022, a group of residents gathered in front of the water company to complain "
    "about the frequent power cuts.",
    "On 7 January 2022, nearly 80 persons gathered in front of the school in Dijon. They "
    "denounced the attempts to expel a family.",
])
def test_a_gathering_whose_purpose_is_told_by_a_relative_or_the_next_sentence_is_a_protest(
        extractor, text):
    assert ("Protest", "gathered") in _events(extractor, text)


def test_the_next_sentence_tells_a_purpose_only_of_the_same_crowd(extractor):
    found = _events(extractor, "On 3 March 2022, soldiers gathered in Talca. The mayor "
                               "denounced the decision.")
    assert ("Protest", "gathered") not in found


@pytest.mark.parametrize("text", [
    "On 15 February 2022, a mass grave was discovered near the village of Izium.",
    "On 4 January 2022, a school in Houston received several bomb threats.",
])
def test_a_mass_grave_or_a_bomb_threat_is_another_development(extractor, text):
    assert _events(extractor, text)[0][0] == "OtherDevelopment"

def test_a_verb_the_tagger_swept_into_a_time_still_triggers(extractor):
    """"at around 5 am killed": the tagger reads "am killed" as part of the time."""
    text = "Heavy weapons fired by the troops at around 5 am killed two civilians."
    assert ("AttackOnCivilians", "killed") in _events(extractor, text)
    assert _events(extractor, "Hundreds protested in March.") == [("Protest", "protested")]


@pytest.mark.parametrize("text", [
    "Gunmen held three engineers hostage for a week.",
    "Unidentified armed individuals held hostages a group of 15 civilians.",
])
def test_holding_people_hostage_is_a_kidnapping(extractor, text):
    assert _events(extractor, text)[0][0] == "Kidnap"


@pytest.mark.parametrize("text, expected", [
    ("Kenyan troops established a new military point near the border.",
     ("BaseEstablished", "established")),
    ("Somali rebels built an outpost on the hill.", ("BaseEstablished", "built")),
    ("Engineers dismantled 40 landmines near the road.", ("DisruptedWeapons", "dismantled")),
    ("Soldiers removed an IED from the bridge.", ("DisruptedWeapons", "removed")),
    ("Somali rebels sent military reinforcements to the front.", ("Mobilize", "reinforcements")),
])
def test_bases_set_up_mines_cleared_and_reinforcements_sent_are_events(extractor, text,
                                                                      expected):
    assert _events(extractor, text)[0] == expected


def test_removing_people_or_a_roadblock_disrupts_no_weapon(extractor):
    assert all(kind != "DisruptedWeapons" for kind, _ in _events(
        extractor, "Police removed protesters and a roadblock from the bridge."))
