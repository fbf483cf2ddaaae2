"""Centrality (exact and sampled betweenness) and ego networks."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis.centrality import betweenness, centrality, ego
from kg.analysis.projection import actor_network, network_from_edges, signed_graph
from kg.errors import NotFound

# a - b - c - d, and b - c twice: b and c each lie on 2 of the 3 pairs that are not neighbours.
PATH = [("a", "b", "Support"), ("b", "c", "Praise"), ("c", "b", "Threaten"), ("c", "d", "Support")]


def test_degree_events_and_exact_betweenness_by_hand():
    rows = {r["actor"]["uri"]: r for r in centrality(network_from_edges(PATH))}
    assert {k: (r["degree"], r["events"]) for k, r in rows.items()} == \
        {"a": (1, 1), "b": (2, 3), "c": (2, 3), "d": (1, 1)}
    # normalised by (n-1)(n-2)/2 = 3 pairs: b on a-c and a-d
    assert rows["b"]["betweenness"] == round(2 / 3, 6) and rows["a"]["betweenness"] == 0
    assert sum(r["pagerank"] for r in rows.values()) == pytest.approx(1, abs=1e-5)
    assert rows["b"]["pagerank"] > rows["a"]["pagerank"]


def test_sampled_betweenness_is_seeded_and_close_to_exact():
    graph = nx.barabasi_albert_graph(300, 2, seed=1)
    simple = nx.relabel_nodes(graph, {n: f"n{n:03}" for n in graph})
    exact = betweenness(simple)
    sampled = betweenness(simple, exact_limit=100, samples=100)
    assert sampled == betweenness(simple, exact_limit=100, samples=100)  # same seed, same numbers
    assert sampled != exact
    top = sorted(exact, key=exact.get, reverse=True)[:5]
    assert sorted(sampled, key=sampled.get, reverse=True)[0] in top
    assert nx.betweenness_centrality(simple)["n000"] == pytest.approx(exact["n000"])


def test_ego_network_by_hops():
    graph = network_from_edges(PATH + [("d", "e", "Agreement")])
    one = ego(graph, "b", hops=1)
    assert [(n["actor"]["uri"], n["distance"]) for n in one["nodes"]] == [("b", 0), ("a", 1), ("c", 1)]
    assert [(e["a"]["uri"], e["b"]["uri"], e["events"], e["sign"]) for e in one["edges"]] == \
        [("a", "b", 1, 1), ("b", "c", 2, 0)]
    assert {n["actor"]["uri"] for n in ego(graph, "b", hops=2)["nodes"]} == {"a", "b", "c", "d"}
    with pytest.raises(NotFound):
        ego(graph, "zz")


def test_seed_centrality_names_every_actor(seed_store):
    graph = actor_network(seed_store)
    rows = centrality(graph)
    assert len(rows) == sum(1 for n in signed_graph(graph) if signed_graph(graph).degree(n))
    assert all(r["actor"]["uri"].startswith("https://w3id.org/conflict-kg/id/actor/")
               and r["actor"]["label"] for r in rows)
