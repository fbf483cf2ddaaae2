"""Armed groups named generically (kg.extract.generic): unidentified, criminal, pro-government,
backed by a state, led by one, of a people or a tribe. The sentences are made up for these tests.
"""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from tests.extraction import actor as _actor, roles as _roles


def test_an_armed_group_whose_identity_is_denied_is_unidentified(extractor):
    roles = _roles(extractor, "Kenyan soldiers exchanged fire with unidentified militants in "
                              "Mombasa on Sunday.")
    assert any("kenya-unidentified" in agents for _, agents, _ in roles)  # the other side


def test_an_armed_group_named_by_what_it_is_stays_rebels(extractor):
    roles = _roles(extractor, "Kenyan soldiers exchanged fire with militants in Mombasa on Sunday.")
    assert ("ArmedClash", ("kenya-military", "kenya-rebels"), ()) in roles  # two sides


def test_criminals_who_fight_are_an_unidentified_armed_group(extractor):
    roles = _roles(extractor, "Two drug traffickers exchanged fire with police in Mombasa on Sunday.")
    assert ("ArmedClash", ("kenya-unidentified", "kenya-police"), ()) in roles


def test_unidentified_attackers_may_kill_one_of_their_kind(extractor):
    """Generic armed bands are many: one key may stand on both sides of an act of violence."""
    roles = _roles(extractor, "On 3 May 2022, a robber was shot dead by gunmen in Mombasa.")
    assert roles[0][1:] == (("kenya-unidentified",), ("kenya-unidentified",))


def test_a_criminal_group_is_an_unidentified_armed_group(extractor):
    roles = _roles(extractor, "On 19 January 2022, in Garissa, members of a drug trafficking group "
                              "exchanged fire with police.")
    assert ("ArmedClash", ("kenya-unidentified", "kenya-police"), ()) in roles


@pytest.mark.parametrize("text", [
    "Kenyan-led coalition aircraft bombed a camp near Kismayo on Sunday.",
    "The Kenyan-led coalition shelled a camp near Kismayo on Sunday.",
])
def test_forces_a_state_leads_are_its_armed_forces(extractor, text):
    roles = _roles(extractor, text)
    assert [agents for _, agents, _ in roles] == [("kenya-military",)]  # not Somalia's


def test_the_forces_of_a_people_that_is_no_nation_are_an_armed_group(extractor):
    roles = _roles(extractor, "Kurdish forces clashed with Turkish troops near Duhok on Sunday.")
    assert ("ArmedClash", ("iraq-rebels", "turkey-military"), ()) in roles  # not Turkey's twice


@pytest.mark.parametrize("text", [
    "Pro-government militias attacked a camp of Al Shabaab near Kismayo on Sunday.",
    "Government-backed fighters attacked a camp of Al Shabaab near Kismayo on Sunday.",
])
def test_militias_that_fight_for_the_state_are_no_rebels(extractor, text):
    militia = _actor(extractor, text, "somalia-pro-government")
    assert (militia.kind, militia.label) == ("armed_group", "Pro-government militia (Somalia)")


@pytest.mark.parametrize("text", [
    "On 12 March 2023, Saudi-led coalition airstrikes hit a market in Sa'dah governorate.",
    "On 12 March 2023, Saudi-led coalition aircraft bombed a market in Sa'dah governorate.",
    "On 12 March 2023, warplanes of the Saudi-led coalition struck a market in Sa'dah."])
def test_strikes_of_an_x_led_coalition_are_its_leaders_forces(extractor, text):
    strikes = [r for r in _roles(extractor, text) if r[0] == "AirStrike"]
    assert strikes and strikes[0][1] == ("saudi-arabia-military",)


def test_a_coalition_that_no_state_leads_strikes_as_no_state(extractor):
    roles = _roles(extractor, "On 12 March 2023, rebel-led coalition airstrikes hit a market "
                              "in Sa'dah governorate.")
    assert all("saudi-arabia-military" not in agents for _, agents, _ in roles)
    assert roles and roles[0][0] == "AirStrike"


@pytest.mark.parametrize("text, backer", [
    ("On 12 March 2023, Iran-backed militias shelled a base in Deir ez-Zor.", "iran"),
    ("On 12 March 2023, Kenya-backed militias shelled a camp near Kismayo.", "kenya")])
def test_a_group_a_state_backs_is_the_groups_not_the_states(extractor, text, backer):
    roles = _roles(extractor, text)
    agents = [a for _, agents, _ in roles for a in agents]
    assert agents and all(a.endswith("-rebels") for a in agents)
    assert not any(a.startswith(backer) for a in agents)


def test_a_named_group_a_state_backs_is_the_named_group_alone(extractor):
    roles = _roles(extractor, "On 12 March 2023, Houthi fighters clashed with UAE-backed Southern "
                              "Transitional Council forces in Shabwa governorate.")
    assert roles and roles[0][0] == "ArmedClash"
    sides = {a for _, agents, targets in roles for a in (*agents, *targets)}
    assert "southern-transitional-council-yemen" in sides
    assert not any(a.endswith("-military") for a in sides)


@pytest.mark.parametrize("text", ["Unidentified aircraft struck a depot near Orvo, Syria, on Monday.",
                                  "An unknown drone struck a car in Orvo, Syria, on Monday."])
def test_craft_of_no_named_force_are_the_unidentified_armed_group(extractor, text):
    roles = _roles(extractor, text)
    assert roles and roles[0][1] == ("syria-unidentified",)


@pytest.mark.parametrize("text, label", [
    ("Armed tribesmen clashed with government forces in Marib.", "Unidentified tribal militia (Yemen)"),
    ("Tribal fighters clashed with Houthi forces in Marib.", "Unidentified tribal militia (Yemen)"),
    ("Two clan militias clashed near Beledweyne.", "Unidentified clan militia (Somalia)"),
])
def test_fighters_of_a_tribe_or_clan_the_text_does_not_name_are_its_militia(extractor, text,
                                                                             label):
    """Not civilians ("tribal" makes a tribal leader one) nor rebels."""
    found = extractor.extract(article_from_text(text, origin="t"))
    agents = {found.actor(k).label for k in found.events[0].agents}
    assert label in agents


def test_a_named_clans_militia_stays_that_clans(extractor):
    found = extractor.extract(article_from_text(
        "Marehan clan militia attacked a village near Beledweyne.", origin="t"))
    assert [found.actor(k).label for k in found.events[0].agents] == ["Marehan clan militia"]


def test_tribesmen_who_protest_are_protesters(extractor):
    found = extractor.extract(article_from_text(
        "Hundreds of tribesmen protested in Marib against the killing of a sheikh.", origin="t"))
    assert "Yemeni protesters" in {found.actor(k).label for k in found.events[0].agents}


# Factions and settlers (session of 2026-12-07, sixteenth) --------------------------------------

def test_unnamed_factions_are_rebels_of_their_context(extractor):
    roles = _roles(extractor, "On 3 May 2022, opposition factions shelled army positions near "
                              "Mombasa.")
    assert roles[0][0] == "Shelling" and "kenya-rebels" in roles[0][1]


def test_a_faction_of_a_named_group_is_no_band_of_its_own(extractor):
    """"Two factions of the Kenya Youth League": the league's, not rebels."""
    roles = _roles(extractor, "On 3 May 2022, two factions of the Kenya Youth League clashed in "
                              "Mombasa.")
    assert roles and not any("rebels" in key for _, agents, targets in roles
                             for key in (*agents, *targets))


def test_a_faction_named_by_a_crime_is_an_unidentified_armed_group(extractor):
    roles = _roles(extractor, "On 3 May 2022, a drug trafficking faction attacked a police "
                              "station in Mombasa.")
    assert roles[0][1] == ("kenya-unidentified",)


def test_settlers_take_the_nation_their_adjective_names(extractor):
    settlers = _actor(extractor, "On 3 May 2022, Kenyan settlers attacked herders near Arusha.",
                      "kenya-settlers")
    assert settlers.label == "Kenyan settlers" and settlers.kind == "civilians"


def test_unnamed_settlers_are_not_of_the_land_they_settle(extractor):
    """Settlers came from elsewhere: the land's country is no guess at theirs."""
    roles = _roles(extractor, "On 3 May 2022, settlers attacked farmers near Mombasa.")
    assert roles[0][1] == ("generic-settlers",) and roles[0][2] == ("kenya-civilians",)
