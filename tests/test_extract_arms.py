"""kg.extract.arms: who used arms, told by the arms. The sentences are made up for these tests."""

from __future__ import annotations

from tests.extraction import roles as _roles


def test_a_nations_missiles_are_its_forces(extractor):
    roles = _roles(extractor, "On 3 May 2022, Kenyan missiles hit a base near Kismayo.")
    assert roles[0][:2] == ("Shelling", ("kenya-military",))


def test_a_nations_rockets_may_be_any_bands(extractor):
    """Rockets and shells are fired by armed groups too: a nation's adjective names no force."""
    roles = _roles(extractor, "On 3 May 2022, Kenyan rockets hit a base near Kismayo.")
    assert "kenya-military" not in roles[0][1]
