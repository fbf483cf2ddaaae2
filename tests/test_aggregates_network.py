"""The strongest edges a network from the tallies keeps (kg.aggregates.network)."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.aggregates.network import strongest_edges


def star_and_triangle() -> nx.MultiDiGraph:
    """A hub ``h`` tied to ``a..d`` (counts 9..6) and a weak triangle ``x, y, z`` (1 each)."""
    graph = nx.MultiDiGraph()
    for count, leaf in zip((9, 8, 7, 6), "abcd", strict=True):
        graph.add_edge("h", leaf, key="Fights", count=count)
    graph.add_edge("a", "b", key="Accuses", count=2)
    for u, v in (("x", "y"), ("y", "z"), ("z", "x")):
        graph.add_edge(u, v, key="Praises", count=1)
    return graph


def test_the_budget_keeps_the_edges_of_most_events():
    kept = strongest_edges(star_and_triangle(), 2)
    assert {("h", "a", "Fights"), ("h", "b", "Fights")} <= kept
    assert ("a", "b", "Accuses") not in kept  # weaker than the hub's ties, and not a's strongest


def test_every_node_keeps_its_strongest_edge():
    graph = star_and_triangle()
    kept = strongest_edges(graph, 1)

    def strongest(node: str, edges: set[tuple[str, str, str]]) -> int:
        return max(graph.edges[e]["count"] for e in edges if node in e[:2])

    every = set(graph.edges(keys=True))
    assert all(strongest(node, kept) == strongest(node, every) for node in graph)
    assert len(kept) < len(every)


def test_an_ego_keeps_every_edge_of_its_actor():
    kept = strongest_edges(star_and_triangle(), 1, around="b")
    assert {("h", "b", "Fights"), ("a", "b", "Accuses")} <= kept


@pytest.mark.parametrize("budget", [0, 3, 100])
def test_ties_are_broken_the_same_way_every_time(budget):
    graph = star_and_triangle()
    reordered = nx.MultiDiGraph()
    reordered.add_edges_from(reversed(list(graph.edges(keys=True, data=True))))
    assert strongest_edges(graph, budget) == strongest_edges(reordered, budget)
    assert len(strongest_edges(graph, 100)) == graph.number_of_edges()


@pytest.mark.parametrize("budget", [1, 3])
def test_a_network_keeps_what_the_cut_of_its_whole_keeps(seed_store, budget):
    """top_network ranks the dyads before it builds the graph: the same edges, with the same
    data, as cutting the whole network of its actors with strongest_edges."""
    from kg.aggregates.network import Selection, top_network

    whole = top_network(seed_store, Selection(edges=10**6))
    cut = top_network(seed_store, Selection(edges=budget))
    assert whole.number_of_edges() > budget + 2
    assert set(cut.edges(keys=True)) == strongest_edges(whole, budget)
    assert cut.graph["total_edges"] == whole.number_of_edges()
    assert all(data == whole.edges[u, v, k] for u, v, k, data in cut.edges(keys=True, data=True))
    assert list(cut.nodes(data=True)) == list(whole.nodes(data=True))
