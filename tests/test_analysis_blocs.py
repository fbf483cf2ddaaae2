"""Blocs on signed graphs with known camps."""

from __future__ import annotations

from kg.analysis.blocs import blocs
from kg.analysis.projection import actor_network, network_from_edges

CAMPS = [("a1", "a2", "CoAgent"), ("a2", "a3", "Support"), ("a1", "a3", "Agreement"),
         ("b1", "b2", "CoAgent"), ("b2", "b3", "Support"), ("b1", "b3", "MilitaryAid"),
         ("a1", "b1", "ArmedClash"), ("b2", "a2", "Shelling"), ("a3", "b3", "Bombing")]


def members(result):
    return [sorted(m["uri"] for m in b["members"]) for b in result.blocs]


def test_two_camps_are_found_and_fit_perfectly():
    result = blocs(network_from_edges(CAMPS))
    assert members(result) == [["a1", "a2", "a3"], ["b1", "b2", "b3"]]
    assert (result.signed_ties, result.frustration, result.fit) == (9, 0, 1.0)
    assert [(b["internal_positive"], b["internal_negative"]) for b in result.blocs] == [(3, 0), (3, 0)]


def test_a_tie_across_the_camps_is_reported_as_frustration():
    result = blocs(network_from_edges(CAMPS + [("a1", "b2", "Praise")]))
    assert members(result) == [["a1", "a2", "a3"], ["b1", "b2", "b3"]]
    assert (result.frustration, result.fit) == (1, 0.9)
    assert [(v["a"]["uri"], v["b"]["uri"], v["why"]) for v in result.violations] == \
        [("a1", "b2", "positive tie between blocs")]


def test_three_mutual_enemies_are_three_blocs():
    result = blocs(network_from_edges([("x", "y", "Threaten"), ("y", "z", "Threaten"),
                                       ("x", "z", "Threaten")]))
    assert members(result) == [["x"], ["y"], ["z"]] and result.frustration == 0


def test_seed_blocs_cover_the_signed_actors(seed_store):
    result = blocs(actor_network(seed_store))
    covered = {m["uri"] for b in result.blocs for m in b["members"]}
    assert covered == set(result.membership)
    isis, hezbollah = (f"https://w3id.org/conflict-kg/id/actor/{k}" for k in ("isis", "hezbollah"))
    assert result.membership[isis] != result.membership[hezbollah]
    assert result.fit is not None and 0 <= result.fit <= 1
