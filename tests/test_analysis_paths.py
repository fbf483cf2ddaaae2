"""Shortest paths between actors, with the evidence on each edge."""

from __future__ import annotations

import pytest

from kg import ids
from kg.analysis.paths import shortest_path
from kg.analysis.projection import actor_network, network_from_edges
from kg.errors import NotFound

EDGES = [("a", "b", "Support", "2017-01-02"), ("c", "b", "ArmedClash", "2017-01-03"),
         ("b", "c", "Ceasefire", "2017-01-01"), ("c", "d", "Praise"), ("e", "f", "Praise")]


def test_path_and_evidence_per_hop():
    path = shortest_path(network_from_edges(EDGES), "a", "d")
    assert path["length"] == 3
    assert [a["actor"]["uri"] for a in path["actors"]] == ["a", "b", "c", "d"]
    hop = path["hops"][1]
    assert (hop["a"]["uri"], hop["b"]["uri"], hop["events"], hop["sign"]) == ("b", "c", 2, 0)
    # oldest first, each with who did what to whom
    assert [(e["event_type"], e["agent"]["uri"], e["target"]["uri"]) for e in hop["evidence"]] == \
        [("Ceasefire", "b", "c"), ("ArmedClash", "c", "b")]


def test_no_path_and_unknown_actor():
    graph = network_from_edges(EDGES)
    with pytest.raises(NotFound, match="no path"):
        shortest_path(graph, "a", "f")
    with pytest.raises(NotFound, match="no actor"):
        shortest_path(graph, "a", "nowhere")


def test_seed_path_from_bassil_to_isis_carries_sentences(seed_store, seed_article):
    path = shortest_path(actor_network(seed_store), "Gebran Bassil", "Daesh")
    assert path["source"]["uri"] == str(ids.actor_uri("gebran-bassil"))
    assert path["target"]["uri"] == str(ids.actor_uri("isis"))
    assert path["length"] == 2
    for hop in path["hops"]:
        assert hop["evidence"] and all(e["sentence"] in seed_article.text for e in hop["evidence"])
