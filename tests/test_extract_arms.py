"""kg.extract.arms: who used arms, told by the arms. The sentences are made up for these tests."""

from __future__ import annotations

from tests.extraction import actor as _actor_of, roles as _roles


def test_a_nations_missiles_are_its_forces(extractor):
    roles = _roles(extractor, "On 3 May 2022, Kenyan missiles hit a base near Kismayo.")
    assert roles[0][:2] == ("Shelling", ("kenya-military",))


def test_a_nations_rockets_may_be_any_bands(extractor):
    """Rockets and shells are fired by armed groups too: a nation's adjective names no force."""
    roles = _roles(extractor, "On 3 May 2022, Kenyan rockets hit a base near Kismayo.")
    assert "kenya-military" not in roles[0][1]


def test_a_weapons_model_is_no_actor(extractor):
    """"Grad rockets", "Uragan missiles": the model of a weapon, not whom it was fired at."""
    roles = _roles(extractor, "On 3 May 2022, militants fired Grad rockets at Kismayo.")
    assert roles[0][0] == "Shelling" and roles[0][2] == ()
    roles = _roles(extractor, "On 3 May 2022, soldiers fired Uragan missiles at the positions "
                              "of the Kismayo Defence Militia near Kismayo.")
    assert all("uragan" not in key for _, agents, targets in roles
               for key in (*agents, *targets))
    assert _actor_of(extractor, "On 3 May 2022, Hamas rockets hit a house near Kismayo.",
                     "hamas") is not None  # a known owner is no model


def test_a_name_on_a_craft_is_its_owner(extractor):
    """A craft is its force's: "Taliban helicopters" are the Taliban's, no model of helicopter."""
    roles = _roles(extractor, "On 3 May 2022, two Taliban helicopters attacked a village near "
                              "Kunduz.")
    assert any("taliban" in key for key in roles[0][1])
