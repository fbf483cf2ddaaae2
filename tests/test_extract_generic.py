"""Generic agents with the country of their context, and implicit agents (kg.extract.generic).

The sentences are made up for these tests.
"""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from tests.extraction import actor as _actor, roles as _roles
from kg.extract.occurrence import reports_occurrence


def test_generic_police_and_people_take_the_country_of_the_place(extractor):
    roles = _roles(extractor, "Police arrested four students in Mombasa on Sunday.")
    assert ("Arrest", ("kenya-police",), ("kenya-civilians",)) in roles
    police = _actor(extractor, "Police arrested four students in Mombasa on Sunday.", "kenya-police")
    assert (police.kind, police.country, police.label) == ("police", "KEN", "Kenyan police")


def test_police_forces_are_police_not_military(extractor):
    text = "Police forces detained two traders in Mombasa."
    (agent,) = {a for _, agents, _ in _roles(extractor, text) for a in agents}
    assert _actor(extractor, text, agent).kind == "police"


def test_police_forces_of_no_known_country_are_police(extractor):
    text = "Police forces arrested two men."
    agents = {a for _, agents, _ in _roles(extractor, text) for a in agents}
    assert agents and all(_actor(extractor, text, a).kind == "police" for a in agents)


def test_modifier_makes_men_an_unidentified_armed_group(extractor):
    text = "Armed men abducted three farmers near Mombasa."
    roles = _roles(extractor, text)
    assert roles and roles[0][1] == ("kenya-unidentified",)
    assert _actor(extractor, text, "kenya-unidentified").label == "Unidentified armed group (Kenya)"


@pytest.mark.parametrize("text, agent", [
    ("An armed group abducted three farmers near Mombasa.", "kenya-unidentified"),
    ("A gang attacked a bus near Mombasa.", "kenya-unidentified"),
    ("A group of soldiers abducted three farmers near Mombasa.", "kenya-military"),
    ("Gendarmes arrested three farmers near Mombasa.", "kenya-police"),
    ("Al-Shabaab snipers killed three farmers near Mombasa.", "al-shabaab-kenya")])
def test_a_group_is_an_agent_only_with_a_modifier_that_says_which(extractor, text, agent):
    """"armed group" names the unidentified armed group, but in "a group of soldiers" the
    soldiers act; a gang is an armed group; a gendarme is police; a group's snipers are the
    group."""
    roles = _roles(extractor, text)
    assert roles and roles[0][1] == (agent,)


def test_passive_violence_without_agent_gets_an_unidentified_agent(extractor):
    roles = _roles(extractor, "A trader was shot dead in Mombasa on Sunday.")
    assert roles and roles[0][1] == ("kenya-unidentified",)
    assert roles[0][2] == ("kenya-civilians",)


def test_a_protest_no_one_names_has_protesters_of_its_country(extractor):
    roles = _roles(extractor, "A protest was held in Mombasa against fuel prices.")
    assert [agents for _, agents, _ in roles] == [("kenya-protesters",)]


def test_definite_noun_trigger_is_no_new_event(extractor):
    assert _roles(extractor, "The fighting in Mombasa ended.") == []


def test_generic_soldiers_resolve_to_the_one_army_named(extractor):
    roles = _roles(extractor, "The Lebanese army entered Arsal. The soldiers arrested two men.")
    assert ("Arrest", ("lebanon-military",), ("lebanon-civilians",)) in roles


def test_a_place_that_locates_is_no_actor(extractor):
    text = "Gunmen killed two herders in Kidal district, Mali on Monday."
    actors = {a for _, agents, targets in _roles(extractor, text) for a in (*agents, *targets)}
    assert "mali" not in actors and "kidal" not in actors
    assert "mali-unidentified" in actors


def test_reports_occurrence_reads_the_parse(extractor):
    doc = extractor.nlp("An explosion hit the market. After the battle, a man was killed.")
    explosion, battle, killed = doc[1], doc[8], doc[13]
    assert (explosion.text, battle.text, killed.text) == ("explosion", "battle", "killed")
    assert reports_occurrence(explosion) and reports_occurrence(killed)
    assert not reports_occurrence(battle)  # in passing, inside a prepositional phrase


def test_a_protest_by_an_organisation_has_its_crowd_too(extractor):
    """Whoever protests is a protester: the organisation stays an agent beside its crowd."""
    text = "Members of the Kilimo Workers Union protested in Mombasa against fuel prices."
    (protest,) = [r for r in _roles(extractor, text) if r[0] == "Protest"]
    assert "kenya-protesters" in protest[1] and len(protest[1]) == 2


def test_a_protest_by_a_group_of_people_gets_no_second_crowd(extractor):
    roles = _roles(extractor, "On Sunday, farmers protested in Mombasa against fuel prices.")
    assert [agents for kind, agents, _ in roles if kind == "Protest"] == [("kenya-civilians",)]


def test_a_protest_verb_whose_subject_names_no_actor_has_protesters(extractor):
    roles = _roles(extractor, "Dozens of bus conductors gathered in Mombasa to protest fuel prices.")
    assert [agents for kind, agents, _ in roles if kind == "Protest"] == [("kenya-protesters",)]


def test_police_officers_who_demonstrate_are_protesters_too(extractor):
    roles = _roles(extractor, "On Sunday, police officers demonstrated in Mombasa against low pay.")
    assert [agents for kind, agents, _ in roles if kind == "Protest"] == [
        ("kenya-police", "kenya-protesters")]


def test_a_sentence_takes_the_country_most_of_its_places_lie_in():
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.context_countries import context_countries
    from kg.model import Mention, Place, Span

    gazetteer = load_gazetteer()
    places = {"stray": Place(key="stray", label="Stray", kind="town", country="USA"),
              "town": Place(key="town", label="Town", kind="town", country="KEN"),
              "province": Place(key="province", label="Province", kind="region", country="KEN")}
    # "in Stray de Town (Province)": a first name that is a namesake abroad does not outvote
    # the two names of the admin chain after it
    mentions = [Mention(Span(0, 5, "Stray"), 0, "place", "stray"),
                Mention(Span(9, 13, "Town"), 0, "place", "town"),
                Mention(Span(15, 23, "Province"), 0, "place", "province")]
    countries = context_countries(mentions, places, gazetteer)
    assert countries.of(0) == gazetteer.state_of("KEN") == countries.article
    tie = context_countries(mentions[:2], places, gazetteer)
    assert tie.of(0) == gazetteer.state_of("USA")  # among equals, the first named


@pytest.mark.parametrize("text", [
    "Gunmen shot and killed an off-duty police officer in Mombasa on Sunday.",
    "Gunmen shot and killed a retired soldier in Mombasa on Sunday.",
    "Gunmen shot and killed two former militiamen in Mombasa on Sunday."])
def test_a_force_member_out_of_service_is_a_civilian(extractor, text):
    assert any(targets == ("kenya-civilians",) for _, _, targets in _roles(extractor, text))


def test_a_serving_police_officer_stays_police(extractor):
    roles = _roles(extractor, "Gunmen shot and killed a police officer in Mombasa on Sunday.")
    assert any(targets == ("kenya-police",) for _, _, targets in roles)


def test_an_off_duty_officer_is_a_civilian_when_off_heads_the_modifier(extractor):
    """The parser may hang "off" on "duty" ("off-duty" headed by its last part)."""
    roles = _roles(extractor, "On 3 May 2022, an off-duty police officer was shot and killed by "
                              "gunmen in Mombasa.")
    assert any(targets == ("kenya-civilians",) for _, _, targets in roles)
    assert not any("kenya-police" in targets for _, _, targets in roles)


def test_a_country_that_is_only_at_stake_does_not_locate_the_crowd(extractor):
    """A place within a country locates; the country's own name, here what the rally is for,
    counts only where no such place is named."""
    roles = _roles(extractor, "On 3 May 2022, people held a pro-Ukraine rally in Mombasa.")
    assert any(agents == ("kenya-civilians",) for _, agents, _ in roles)


def test_an_unidentified_victim_leaves_room_for_the_implicit_attackers(extractor):
    """ "A robber was shot dead": the implicit unidentified agent is a band of its own, though
    the victim is of the same generic kind."""
    roles = _roles(extractor, "On 3 May 2022, a robber was shot dead in Garissa.")
    assert roles[0][1:] == (("kenya-unidentified",), ("kenya-unidentified",))


@pytest.mark.parametrize("text, agent", [
    ("Three gang members shot a trader in Kingston, Jamaica.", "jamaica-unidentified"),
    ("Members of a militia attacked a village near Gulu, Uganda.", "uganda-rebels"),
])
def test_members_of_a_kind_of_group_are_of_its_sector(extractor, text, agent):
    assert any(agent in agents for _, agents, _ in _roles(extractor, text))


def test_members_of_a_named_group_are_no_generic_actor(extractor):
    keys = {k for _, agents, targets in _roles(
        extractor, "Members of the Zeta Union attacked a trader in Kingston, Jamaica.")
        for k in (*agents, *targets)}
    assert "jamaica-unidentified" not in keys and "jamaica-rebels" not in keys


def test_a_call_that_was_followed_reports_what_it_asked_for(extractor):
    def protests(text):  # type: ignore[no-untyped-def]
        extraction = extractor.extract(article_from_text(text, origin="t"))
        return [(e.agents, e.modality) for e in extraction.events if e.event_type == "Protest"]

    assert protests("On 3 May 2022, students responded to the call of the union for "
                    "demonstrations in Garissa, Kenya.") == [(("kenya-protesters",), "asserted")]
    assert [m for _, m in protests("On 3 May 2022, the students called for demonstrations in "
                                   "Garissa, Kenya.")] == ["hypothetical"]


def test_a_suspect_is_a_person_and_an_armed_suspect_an_armed_band(extractor):
    arrest = _roles(extractor, "On 3 May 2022, police arrested two suspects in Garissa.")[0]
    attack = _roles(extractor, "On 3 May 2022, two armed suspects killed a man in Garissa.")[0]
    assert arrest[2] == ("kenya-civilians",) and attack[1] == ("kenya-unidentified",)


def test_a_province_outvotes_a_village_of_another_country_for_the_sentence():
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.context_countries import context_countries
    from kg.model import Mention, Place, Span

    gazetteer = load_gazetteer()
    places = {"hamlet": Place("hamlet", "Hamlet", "town", country="TUR"),
              "province": Place("province", "Province", "region", country="KAZ")}
    mentions = [Mention(Span(0, 6, "Hamlet"), 0, "place", "hamlet"),
                Mention(Span(10, 18, "Province"), 0, "place", "province")]
    assert context_countries(mentions, places, gazetteer).of(0) == gazetteer.state_of("KAZ")
    villages = {**places, "province": Place("province", "Province", "town", country="KAZ")}
    assert context_countries(mentions, villages, gazetteer).of(0) == gazetteer.state_of("TUR")


def test_a_capitalised_plural_agent_noun_names_its_sector(extractor):
    roles = _roles(extractor, "On Monday, Somali Separatists attacked a police post near Mombasa.")
    assert any("somalia-rebels" in agents for _, agents, _ in roles)


def test_a_party_that_leads_a_government_lends_it_no_country(extractor):
    roles = _roles(extractor, "The Kilimo-led government arrested three activists in Mombasa.")
    assert ("Arrest", ("kenya-government",), ("kenya-civilians",)) in roles


def test_a_state_force_retaking_a_place_of_no_known_country_regains_it(extractor):
    roles = _roles(extractor, "Kenyan troops have retaken a strategic village.")
    assert roles == [("RegainTerritory", ("kenya-military",), ())]


@pytest.mark.parametrize("text, event_type", [
    ("A bomb exploded near the market in Mombasa on Sunday.", "Bombing"),
    ("Two mortar shells fell on the market in Mombasa on Sunday.", "Shelling"),
])
def test_a_munition_that_goes_off_was_set_off_by_someone(extractor, text, event_type):
    assert _roles(extractor, text)[0][:2] == (event_type, ("kenya-unidentified",))


def test_prices_that_fall_are_no_shelling(extractor):
    assert _roles(extractor, "Prices fell in Mombasa on Sunday.") == []


@pytest.mark.parametrize("text", [
    "On 3 May 2022, a Kenyan airstrike hit a camp of Al Shabaab near Kismayo.",
    "On 3 May 2022, Kenyan shelling hit a camp of Al Shabaab near Kismayo.",
])
def test_a_nations_strike_from_the_air_or_by_artillery_is_its_forces(extractor, text):
    roles = _roles(extractor, text)
    assert [(t, agents) for t, agents, _ in roles] == [
        ("AirStrike" if "airstrike" in text else "Shelling", ("kenya-military",))]


def test_a_nations_adjective_on_an_attack_names_no_forces(extractor):
    roles = _roles(extractor, "A Kenyan attack wounded two herders near Kismayo on Sunday.")
    assert all("kenya-military" not in agents for _, agents, _ in roles)


@pytest.mark.parametrize("text, target", [
    ("On 9 May 2022, police arrested two Somalis in Mombasa.", "somalia-civilians"),
    ("On 9 May 2022, police arrested a Somali in Mombasa.", "somalia-civilians"),
])
def test_a_demonym_used_as_a_noun_is_a_civilian_of_that_nation(extractor, text, target):
    assert ("Arrest", ("kenya-police",), (target,)) in _roles(extractor, text)


@pytest.mark.parametrize("text, agent", [
    ("About 100 pro-Uganda demonstrators gathered in Mombasa.", "kenya-protesters"),
    ("Hundreds of anti-Uganda protesters gathered in Mombasa.", "kenya-protesters"),
    ("Ugandan protesters gathered in Mombasa.", "uganda-protesters"),
])
def test_a_nation_named_as_a_stance_gives_a_crowd_no_nationality(extractor, text, agent):
    assert _roles(extractor, text)[0][1] == (agent,)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, armed men shot and killed a civilian travelling between Garissa and Mombasa.",
    "On 3 May 2022, gunmen killed a civilian in Garissa."])
def test_a_word_tagged_adjective_that_heads_an_object_is_a_noun(extractor, text):
    assert any("kenya-civilians" in targets for _, _, targets in _roles(extractor, text))


def test_each_other_is_no_group_of_its_own(extractor):
    roles = _roles(extractor, "On 3 May 2022, two mobs clashed with each other in Garissa.")
    assert all(len(agents + targets) == 1 for _, agents, targets in roles)


@pytest.mark.parametrize("text, target", [
    ("On 3 May 2022, police detained 37 migrants from Ethiopia in Garissa.", "ethiopia-civilians"),
    ("On 3 May 2022, police arrested 12 migrants from the Democratic Republic of Congo in "
     "Garissa.", "congo-drc-civilians"),
    ("On 3 May 2022, police arrested 12 migrants from Ethiopia and Somalia in Garissa.",
     "kenya-civilians"),
    ("On 3 May 2022, police arrested 12 traders from Mombasa in Garissa.", "kenya-civilians")])
def test_people_from_one_country_are_its_people(extractor, text, target):
    roles = _roles(extractor, text)
    assert any(target in targets for _, _, targets in roles), roles


def test_a_from_phrase_after_a_conjoined_noun_is_only_the_last_nouns(extractor):
    roles = _roles(extractor, "On 3 May 2022, students and refugees from Ethiopia protested in "
                              "Garissa.")
    assert any("kenya-protesters" in agents or "kenya-civilians" in agents
               for _, agents, _ in roles), roles


def test_the_other_stands_for_a_noun_said_before_not_for_people(extractor):
    roles = _roles(extractor, "On 3 May 2022, rebels fought the Kenyan army on one front and "
                              "the police on the other near Garissa.")
    assert roles and not any("kenya-civilians" in agents + targets for _, agents, targets in roles)


def test_a_soldier_of_no_named_force_is_still_a_soldier(extractor):
    roles = _roles(extractor, "Unidentified soldiers arrested a man in Kidal on Monday.")
    assert ("Arrest", ("mali-military",), ("mali-civilians",)) in roles


def test_an_article_without_places_lies_where_its_armed_groups_are_at_home(extractor):
    roles = _roles(extractor, "Regime forces clashed with HTS fighters on Monday.")
    assert roles and "syria-military" in roles[0][1]


def test_graduates_are_people(extractor):
    roles = _roles(extractor, "Unemployed graduates blocked the road outside the parliament in "
                              "Rabat.")
    assert roles[0][1] == ("morocco-civilians",)


@pytest.mark.parametrize("body", ["regime", "the regime", "government"])
def test_a_state_body_conjoined_with_modified_forces_shares_their_noun(extractor, body):
    """"regime and Russian forces" are the regime's forces and Russia's: the parser makes the
    bare "regime" a noun of its own, which named no one, or the named forces' own state."""
    first = _roles(extractor, f"On 21 March 2022, {body} and Russian forces shelled a village "
                              "near Mombasa.")[0]
    assert first[:2] == ("Shelling", ("kenya-military", "russia-military"))


def test_a_state_body_conjoined_with_a_group_stays_itself(extractor):
    first = _roles(extractor, "On 21 March 2022, the government and opposition groups signed a "
                              "deal in Mombasa.")[0]
    assert "kenya-government" in first[1] and "kenya-military" not in first[1]


@pytest.mark.parametrize("craft", ["regime warplanes", "government helicopters",
                                   "regime artillery", "government tanks"])
def test_a_state_bodys_craft_or_arms_are_its_forces(extractor, craft):
    """"regime warplanes" are the forces of the context's state, as "government forces" are."""
    first = _roles(extractor, f"On 2 February 2022, {craft} bombed a village near Mombasa.")[0]
    assert first[1] == ("kenya-military",)


def test_a_state_bodys_craft_of_no_known_state_is_no_actor(extractor):
    assert _roles(extractor, "Regime warplanes bombed a village.")[0][1] == ()
