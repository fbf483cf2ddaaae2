"""Centrality of actors, and ego networks.

Computed on the undirected actor graph (one edge per pair, all signs; see
:func:`kg.analysis.projection.signed_graph`): degree (distinct partners and
events), PageRank (weighted by events) and betweenness (normalised as in
networkx). Above :data:`EXACT_LIMIT` actors, betweenness is estimated from
:data:`SAMPLES` source actors drawn with a fixed seed (Brandes and Pich
2007), so the same graph always gives the same numbers. The heavy lifting is
igraph's.

Examples
--------
>>> from kg.analysis.projection import network_from_edges
>>> g = network_from_edges([("a", "hub", "Support"), ("hub", "b", "ArmedClash"),
...                         ("hub", "c", "Praise"), ("hub", "c", "Agreement")])
>>> rows = centrality(g)
>>> [(r["actor"]["label"], r["degree"], r["events"], r["betweenness"]) for r in rows]
[('hub', 3, 4, 1.0), ('c', 1, 2, 0.0), ('a', 1, 1, 0.0), ('b', 1, 1, 0.0)]
>>> sorted(ego(g, "a", hops=1)["nodes"], key=lambda n: n["distance"])[-1]["actor"]["label"]
'hub'
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import networkx as nx

from kg.analysis.projection import (
    SignedEdges,
    actor_ref,
    as_signed_edges,
    resolve_actor,
    signed_edges,
)

EXACT_LIMIT = 2000
"""Largest number of actors for exact betweenness."""
SAMPLES = 256
"""Source actors sampled for betweenness above :data:`EXACT_LIMIT`."""
SEED = 5
"""Seed of the betweenness sample."""


def to_igraph(signed: nx.Graph | SignedEdges) -> tuple[Any, list[str]]:
    """Return an undirected igraph copy (edge attribute ``weight``) of a signed graph or edge
    list, and its vertex order (the sorted actors that have an edge)."""
    from kg.igraph_serial import igraph_module

    igraph = igraph_module()

    edges = [(u, v, d) for u, v, d in as_signed_edges(signed) if u != v]
    nodes = sorted({n for u, v, _ in edges for n in (u, v)})
    index = {node: i for i, node in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v, _ in edges])
    graph.es["weight"] = [d.get("weight", 1) for _, _, d in edges]
    return graph, nodes


def sampled_sources(n: int, exact_limit: int = EXACT_LIMIT, samples: int = SAMPLES,
                    seed: int = SEED) -> Sequence[int] | None:
    """Vertex indices to run shortest paths from: ``None`` (all) up to ``exact_limit``."""
    if n <= exact_limit or samples >= n:
        return None
    return sorted(random.Random(seed).sample(range(n), samples))


def betweenness_method(n: int, exact_limit: int = EXACT_LIMIT, samples: int = SAMPLES,
                       seed: int = SEED) -> str:
    """How the betweenness of ``n`` actors is computed, in words (for reports).

    >>> betweenness_method(40), betweenness_method(5000)
    ('exact', 'estimated from 256 of 5000 source actors (seed 5)')
    """
    if sampled_sources(n, exact_limit, samples, seed) is None:
        return "exact"
    return f"estimated from {samples} of {n} source actors (seed {seed})"


def betweenness(signed: nx.Graph | SignedEdges, exact_limit: int = EXACT_LIMIT,
                samples: int = SAMPLES, seed: int = SEED) -> dict[str, float]:
    """Normalised betweenness of every actor with an edge, exact or sampled (module docstring)."""
    graph, nodes = to_igraph(signed)
    return dict(zip(nodes, _betweenness(graph, exact_limit, samples, seed), strict=True))


def _betweenness(graph: Any, exact_limit: int = EXACT_LIMIT, samples: int = SAMPLES,
                 seed: int = SEED) -> list[float]:
    n = graph.vcount()
    sources = sampled_sources(n, exact_limit, samples, seed)
    raw = graph.betweenness(directed=False, sources=sources) if sources else \
        graph.betweenness(directed=False)
    scale = (n / len(sources) if sources else 1.0) / ((n - 1) * (n - 2) / 2 if n > 2 else 1.0)
    return [value * scale for value in raw]


def centrality(graph: nx.MultiDiGraph, top: int | None = None, exact_limit: int = EXACT_LIMIT,
               signed: SignedEdges | None = None) -> list[dict[str, object]]:
    """Degree, events, PageRank and betweenness per actor, ranked by PageRank.

    Actors without any edge are left out. ``top`` keeps the first rows. ``signed``: the pairs'
    signed edges when already counted (``graph`` then only names the actors).
    """
    ig_graph, nodes = to_igraph(signed if signed is not None
                                else signed_edges(graph.edges(data=True)))
    if not nodes:
        return []
    weights = ig_graph.es["weight"]
    pagerank = ig_graph.pagerank(weights=weights, directed=False)
    between = _betweenness(ig_graph, exact_limit)
    rows = [{"actor": actor_ref(graph, node), "degree": degree, "events": int(events),
             "pagerank": round(rank, 6), "betweenness": round(b, 6)}
            for node, degree, events, rank, b in zip(
                nodes, ig_graph.degree(), ig_graph.strength(weights=weights), pagerank, between,
                strict=True)]
    rows.sort(key=lambda r: (-r["pagerank"], -r["betweenness"], r["actor"]["label"]))
    return rows[:top] if top else rows


def ego(graph: nx.MultiDiGraph, actor: str, hops: int = 1) -> dict[str, object]:
    """The actors within ``hops`` of ``actor`` and the ties among them.

    Returns ``{"center", "hops", "nodes": [{"actor", "distance"}], "edges":
    [{"a", "b", "sign", "events", "positive", "negative"}]}``.
    """
    center = resolve_actor(graph, actor)
    distances = {center: 0}
    frontier = [center]
    for step in range(1, hops + 1):
        reached = []
        for node in frontier:
            for other in (*graph.successors(node), *graph.predecessors(node)):
                if other not in distances:
                    distances[other] = step
                    reached.append(other)
        frontier = reached
    nodes = [{"actor": actor_ref(graph, n), "distance": d}
             for n, d in sorted(distances.items(), key=lambda i: (i[1], i[0]))]
    ties = signed_edges(graph.subgraph(distances).edges(data=True))
    edges = [{"a": actor_ref(graph, u), "b": actor_ref(graph, v), "sign": data["sign"],
              "events": data["weight"], "positive": data["positive"], "negative": data["negative"]}
             for u, v, data in sorted(ties, key=lambda e: (e[0], e[1]))]
    return {"center": actor_ref(graph, center), "hops": hops, "nodes": nodes, "edges": edges}
