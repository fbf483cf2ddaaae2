"""Shortest paths between two actors, with the evidence on every edge.

Examples
--------
>>> from kg.analysis.projection import network_from_edges
>>> g = network_from_edges([("a", "b", "Support", "2017-01-02"), ("c", "b", "ArmedClash"),
...                         ("c", "d", "Praise")])
>>> p = shortest_path(g, "a", "c")
>>> p["length"], [s["actor"]["label"] for s in p["actors"]]
(2, ['a', 'b', 'c'])
>>> [(e["event_type"], e["date"]) for e in p["hops"][0]["evidence"]]
[('Support', '2017-01-02')]
"""

from __future__ import annotations

import networkx as nx

from kg.analysis.projection import actor_ref, resolve_actor, signed_edges
from kg.errors import NotFound

EVIDENCE_FIELDS = ("event", "event_type", "sign", "date", "article", "source", "sentence", "place")


def evidence(graph: nx.MultiDiGraph, u: str, v: str) -> list[dict[str, object]]:
    """Every event between ``u`` and ``v`` (either direction), oldest first, with its sentence."""
    found: dict[str, dict[str, object]] = {}
    for agent, target in ((u, v), (v, u)):
        for data in graph.get_edge_data(agent, target, default={}).values():
            item = {name: data.get(name, "") for name in EVIDENCE_FIELDS}
            item.update(agent=actor_ref(graph, agent), target=actor_ref(graph, target),
                        role="co-agent" if data.get("type") == "CoAgent" else "target")
            found.setdefault(f"{data['event']}|{item['role']}", item)
    return sorted(found.values(), key=lambda e: (str(e["date"]), str(e["event"])))


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> dict[str, object]:
    """One shortest path (fewest hops, ties of any sign) from ``source`` to ``target``.

    Raises :class:`~kg.errors.NotFound` for an unknown actor or when no path exists.
    """
    start, end = resolve_actor(graph, source), resolve_actor(graph, target)
    try:
        nodes = nx.shortest_path(graph.to_undirected(as_view=True), start, end)
    except nx.NetworkXNoPath:
        raise NotFound(f"no path between {source!r} and {target!r}") from None
    hops = []
    for u, v in zip(nodes, nodes[1:]):
        found = evidence(graph, u, v)
        ((_, _, tie),) = signed_edges((u, v, e) for e in found)
        hops.append({"a": actor_ref(graph, u), "b": actor_ref(graph, v), "sign": tie["sign"],
                     "events": tie["weight"], "evidence": found})
    return {"source": actor_ref(graph, start), "target": actor_ref(graph, end),
            "length": len(nodes) - 1, "actors": [{"actor": actor_ref(graph, n)} for n in nodes],
            "hops": hops}
