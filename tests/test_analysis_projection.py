"""The actor network projected from the seed."""

from __future__ import annotations

from kg import ids
from kg.analysis.projection import actor_network


def hostile_targets(graph, actor_key):
    node = str(ids.actor_uri(actor_key))
    return {v for _, v, d in graph.out_edges(node, data=True) if d["sign"] < 0} | \
           {u for u, _, d in graph.in_edges(node, data=True) if d["sign"] < 0}


def test_isis_fights_the_lebanese_army_hezbollah_and_the_syrian_army(seed_store):
    graph = actor_network(seed_store)
    expected = {str(ids.actor_uri(k)) for k in ("lebanon-military", "hezbollah", "syria-military")}
    assert expected <= hostile_targets(graph, "isis")


def test_edges_carry_their_sentence(seed_store, seed_article):
    graph = actor_network(seed_store)
    for _, _, attrs in graph.edges(data=True):
        assert attrs["sentence"] in seed_article.text


def test_negated_events_are_left_out_unless_asked(seed_store):
    default = actor_network(seed_store)
    everything = actor_network(seed_store, include_negated=True)
    assert default.number_of_edges() < everything.number_of_edges()
    assert all(d["modality"] in ("asserted", "reported") for _, _, d in default.edges(data=True))
