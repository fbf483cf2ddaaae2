"""kg.extract.kind_types: types made precise by the kinds of the actors the gazetteer names."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract.kind_types import by_kinds, by_side_kinds


def _first_type(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="kind_types"))
    return extraction.events[0].event_type if extraction.events else None


def test_a_fight_between_unarmed_sides_is_mob_violence():
    assert by_side_kinds("ArmedClash", {"party", "civilians"}, True) == "MobViolence"
    assert by_side_kinds("ArmedClash", {"party", "armed_group"}, True) == "ArmedClash"
    assert by_side_kinds("Shelling", {"party"}, True) == "Shelling"


def test_civilians_caught_in_a_fight_between_sides_make_no_attack_on_civilians():
    assert by_kinds("ArmedClash", {"military", "armed_group"}, {"civilians"}) == "AttackOnCivilians"


@pytest.mark.parametrize("text, expected", [
    ("On 3 May 2022, three people were injured in a clash between members of the Awami League "
     "and the Jatiya Party in Dhaka.", "MobViolence"),
    ("On 3 May 2022, an armed clash broke out between villagers of two villages near Ambon.",
     "ArmedClash"),
])
def test_a_fight_between_parties_members_is_mob_violence_unless_called_armed(extractor, text,
                                                                           expected):
    assert _first_type(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "On 6 May 2022, two men on a motorcycle opened fire and killed a woman in front of her home "
    "in Puebla.",
    "On 6 May 2022, gunmen opened fire in a bar in Puebla. Two customers were killed.",
])
def test_an_attack_whose_victims_told_after_it_are_civilians_is_violence_against_them(
        extractor, text):
    assert _first_type(extractor, text) == "AttackOnCivilians"


@pytest.mark.parametrize("text", [
    "On 6 May 2022, militants attacked a security checkpoint in Gao. Two people were killed.",
    "On 6 May 2022, a shoot-out was reported in Puebla. A man was shot and injured.",
])
def test_an_attack_on_an_unowned_object_or_a_fight_keeps_its_type_whoever_dies(extractor, text):
    assert _first_type(extractor, text) == "ArmedClash"
