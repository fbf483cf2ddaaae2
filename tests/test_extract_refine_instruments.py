"""kg.extract.refine.by_instrument: the weapon an attack is done with makes its type precise
(bombs, grenades, shelling, air and drone strikes, suicide and chemical attacks), and what is
no instrument (a weapon hit, a mine dug, a fight between sides with heavy weapons)."""

from __future__ import annotations

import pytest

from tests.extraction import first_type as _first_type


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
    ("Soldiers fired grenade launchers at the rebel positions near the river.", "Shelling"),
    ("Police fired stun grenades at the crowd in the square.", "Shelling"),
    ("Attackers threw a hand grenade at the police post.", "Grenade"),
])
def test_a_launcher_or_stun_grenade_is_no_grenade_attack(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rebels carried out a mine attack against an army convoy.", "Bombing"),
    ("Gunmen attacked a gold mine near the border.", "ArmedClash"),
])
def test_a_mine_is_an_explosive_unless_it_is_dug(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Artillery shells fired by the army exploded in the village.", "Shelling"),
    ("A rocket exploded near the airport runway.", "Shelling"),
    ("A landmine planted by the rebels exploded near the army patrol.", "Bombing"),
    ("An explosion hit the market near the station.", "Bombing"),
])
def test_what_exploded_names_the_weapon(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Students threw stones at a vehicle carrying members of the air force.", "MobViolence"),
    ("An army helicopter was attacked by militants near the base.", "ArmedClash"),
    ("Militants attacked the base with drones.", "AirStrike"),
])
def test_a_weapon_that_is_hit_is_no_instrument(extractor, text, expected):
    assert _first_type(extractor, text) == expected


def test_a_weapon_named_after_the_time_of_an_attack_is_its_instrument(extractor):
    assert _first_type(extractor, "Rebels attacked the checkpoint near the office at around "
                                  "8 pm with mines.") == "Bombing"



@pytest.mark.parametrize("text, expected", [
    ("On 13 June 2022, militants attacked the army with small arms fire and an IED near Rafah.",
     "ArmedClash"),
    ("On 3 May 2022, militants attacked an army convoy with an IED near Djibo.", "Bombing"),
    ("On 3 May 2022, militants attacked a convoy with an IED left over from the recent clashes "
     "near Djibo.", "Bombing"),
])
def test_a_bomb_used_in_a_gunfight_is_part_of_the_clash(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "A man wearing an explosive vest blew himself up at the gate, killing two guards.",
    "An attacker with an explosive belt detonated it inside the crowded hall.",
])
def test_an_explosive_vest_or_belt_is_a_suicide_bomb(extractor, text):
    assert _first_type(extractor, text) == "SuicideBomb"


@pytest.mark.parametrize("text, expected", [
    ("A chemical attack on the town killed 40 people.", "ChemicalWeapon"),
    ("Helicopters dropped barrels of chlorine on the neighbourhood overnight.", "ChemicalWeapon"),
    ("Warplanes dropped bombs on the market in the afternoon.", "AirStrike"),
])
def test_chemical_attacks_and_bombs_dropped(extractor, text, expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "On 28 March 2022, clashes erupted between Somali rebels and Kenyan soldiers near Mandera, "
    "with both sides exchanging artillery fire.",
    "On 29 May 2022, Somali rebels clashed with Kenyan soldiers using artillery near Mandera.",
    "On 13 June 2022, there was an aerial battle between Kenyan and Somali air forces over Lamu.",
])
def test_a_fight_between_sides_stays_a_clash_whatever_its_weapons(extractor, text):
    """Remote violence is one-sided; whoever answers fire is in a battle, with artillery or
    aircraft too."""
    assert _first_type(extractor, text) == "ArmedClash"


def test_one_sided_artillery_fire_is_shelling(extractor):
    assert _first_type(extractor, "On 29 May 2022, Somali rebels shelled Kenyan positions with "
                                  "artillery near Mandera.") == "Shelling"
