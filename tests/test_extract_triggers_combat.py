"""Triggers of armed violence from the scheme (kg.extract.triggers): fire, strikes, explosives,
territory and weapons, on made-up sentences."""

from __future__ import annotations

import pytest

from tests.extraction import triggered as _events


def test_a_weapon_handled_is_no_explosion(extractor):
    assert ("Bombing", "landmine") not in _events(extractor, "Engineers defused a landmine.")
    assert _events(extractor, "A landmine exploded under a tractor.")[0][0] == "Bombing"


def test_seizing_needs_territory(extractor):
    assert _events(extractor, "Rebels seized the town of Kafr Nabl.") == [("SeizeTerritory", "seized")]
    assert _events(extractor, "Police seized two tons of marijuana.") == [("Looting", "seized")]
    assert _events(extractor, "Parents took over the school to denounce the lack of water.") == [
        ("Protest", "took")]


def test_striking_an_ied_is_an_explosion(extractor):
    assert _events(extractor, "A military convoy struck an IED near the village.")[0] == (
        "Bombing", "struck")


@pytest.mark.parametrize("text, expected", [
    ("Rebel fighters fired at an army checkpoint near the river.", ("ArmedClash", "fired")),
    ("Troops fired in the direction of the rebel trenches.", ("ArmedClash", "fired")),
    ("Gunmen fired several shots at the patrol.", ("ArmedClash", "fired")),
    ("The soldiers fired mortar shells at the hills.", ("Shelling", "fired")),
])
def test_firing_at_something_is_shooting(extractor, text, expected):
    assert _events(extractor, text)[0] == expected


def test_firing_someone_is_no_shooting(extractor):
    assert _events(extractor, "The company fired its finance director on Monday.") == []


@pytest.mark.parametrize("text, expected", [
    ("A farmer was hit by a landmine while ploughing his field.", ("Bombing", "hit")),
    ("A bomb went off outside the bank on Monday.", ("Bombing", "went")),
    ("Two youths hurled a bomb at the police station.", ("Grenade", "hurled")),
])
def test_explosives_that_hit_go_off_or_are_thrown(extractor, text, expected):
    assert _events(extractor, text)[0] == expected


def test_going_off_without_an_explosive_is_no_explosion(extractor):
    assert _events(extractor, "The alarm went off twice during the night.") == []


def test_an_aircraft_that_strikes_is_an_air_strike(extractor):
    assert _events(extractor, "Warplanes struck the market on Tuesday.")[0] == ("AirStrike", "struck")
    assert _events(extractor, "The striker hit the post twice.") == []


@pytest.mark.parametrize("text, expected", [
    ("The militia handed over three villages near Goma to the army.", ["Withdraw"]),
    ("The militia ceded control of the town to the army near Goma.", ["Withdraw"]),
])
def test_territory_handed_over_changes_hands_without_a_fight(extractor, text, expected):
    assert [t for t, *_ in _events(extractor, text)] == expected


def test_people_handed_over_are_no_territory(extractor):
    assert "Withdraw" not in [t for t, *_ in _events(
        extractor, "Police handed over the suspects to the prosecutor in Mombasa.")]


@pytest.mark.parametrize("text, expected", [
    ("On 3 May 2022, militants launched rockets at a police post near Mombasa.", ["Shelling"]),
    ("On 3 May 2022, militants launched two drones at a police post near Mombasa.", ["AirStrike"]),
])
def test_munitions_and_drones_launched_at_a_target_strike_it(extractor, text, expected):
    assert [t for t, *_ in _events(extractor, text)] == expected


def test_a_campaign_launched_is_no_strike(extractor):
    assert _events(extractor, "The agency launched a campaign in Mombasa.") == []


@pytest.mark.parametrize("text", [
    "Soldiers found a roadside bomb near the school in the morning.",
    "Engineers discovered and defused a car bomb outside the stadium.",
    "The coast guard stopped a boat carrying rifles and grenades near the island.",
])
def test_a_weapon_found_or_carried_is_no_attack(extractor, text):
    """A weapon phrase found or defused, a weapon in a list carried: handled, not used."""
    kinds = [kind for kind, _ in _events(extractor, text)]
    assert not {"Bombing", "Grenade"} & set(kinds)


@pytest.mark.parametrize("text, expected", [
    ("Troops discovered and destroyed a roadside bomb on the highway.", "DisruptedWeapons"),
    ("Militants planted a roadside bomb that later killed two soldiers.", "Bombing"),
    ("Militants carried out a grenade attack on the police station.", "Grenade"),
    ("The air force carried airstrikes against rebel positions in the hills.", "AirStrike"),
])
def test_a_weapon_used_or_disrupted_keeps_its_type(extractor, text, expected):
    """Two verbs sharing one object ("discovered and destroyed"); a weapon planted, an attack
    carried out (or, in loose prose, carried) is used."""
    assert _events(extractor, text)[0][0] == expected


@pytest.mark.parametrize("text, expected", [
    ("Heavy gunfire erupted between the rebels and the army near the bridge.",
     ("ArmedClash", "gunfire")),
    ("Smugglers initiated an armed confrontation with border police.",
     ("ArmedClash", "confrontation")),
    ("The army launched an offensive operation against the rebels near the dam.",
     ("ArmedClash", "operation")),
    ("Government troops struck rebel positions near the dam.", ("ArmedClash", "struck")),
    ("Rebel fighters overtook Kalvo, a town on the river.", ("SeizeTerritory", "overtook")),
    ("The rebels established control over the town.", ("SeizeTerritory", "established")),
    ("Air defence units downed a helicopter over the capital.", ("DisruptedWeapons", "downed")),
])
def test_gunfire_confrontations_offensives_strikes_takeovers_and_downings(extractor, text,
                                                                          expected):
    assert _events(extractor, text)[0] == expected


@pytest.mark.parametrize("text", [
    "Workers struck a deal with the company.",
    "The rebels overtook a truck on the highway.",
    "Hunters downed a deer near the river.",
])
def test_striking_a_deal_overtaking_a_truck_and_downing_a_deer_are_no_violence(extractor, text):
    assert _events(extractor, text) == []


def test_an_unknown_name_with_its_province_after_it_is_territory(extractor):
    """"captured Starohnativka, Donetsk": the object's apposition names a place."""
    found = _events(extractor, "Russian forces captured Starohnativka, Donetsk.")
    assert found[0] == ("SeizeTerritory", "captured")


@pytest.mark.parametrize("text, expected", [
    ("Troops used aviation and artillery to strike rebel positions.", "AirStrike"),
    ("Troops used mortars to strike rebel positions.", "Shelling"),
    ("The troops fired heavy weapons at the village.", "Shelling"),
])
def test_the_instrument_used_for_an_act_or_heavy_weapons_type_it(extractor, text, expected):
    assert _events(extractor, text)[0][0] == expected


@pytest.mark.parametrize("text, expected", [
    ("The rebels targeted army positions with drones.", "AirStrike"),
    ("Troops targeted the camps with artillery fire.", "Shelling"),
])
def test_targeting_with_a_weapon_is_an_attack_typed_by_the_weapon(extractor, text, expected):
    assert _events(extractor, text)[0][0] == expected


def test_targeting_with_leaflets_is_no_attack(extractor):
    assert _events(extractor, "The campaign targeted young voters with leaflets.") == []


def test_neutralising_fighters_is_killing_them_and_neutralising_a_bomb_is_not(extractor):
    assert _events(extractor, "The army said it had neutralized four militants near the "
                              "border.")[0][0] == "ArmedClash"
    assert not any(kind == "ArmedClash" for kind, _ in _events(
        extractor, "Engineers neutralized a bomb near the bridge."))


# Remnants of war, suicide, munitions aimed (session of 2026-12-07, sixteenth) -----------------

@pytest.mark.parametrize("text", [
    "On 3 May 2022, two children were injured by unexploded ordnance near Mombasa.",
    "On 3 May 2022, a boy was killed when a piece of unexploded ordnance went off near Mombasa.",
    "On 3 May 2022, a herder was killed by UXO near Mombasa.",
])
def test_a_remnant_of_war_that_goes_off_is_an_explosion(extractor, text):
    assert _events(extractor, text)[0][0] == "Bombing"


def test_an_attacker_who_blows_himself_up_is_a_suicide_bomb(extractor):
    assert ("SuicideBomb", "blew") in _events(
        extractor, "On 3 May 2022, a man blew himself up at a checkpoint near Mombasa.")


def test_rockets_that_target_a_base_are_shelling(extractor):
    assert _events(extractor, "On 3 May 2022, three rockets targeted an airbase near Mombasa.")[
        0] == ("Shelling", "targeted")
