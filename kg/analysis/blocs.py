"""Alliances and blocs: communities of the signed graph, positive inside, negative between.

The partition minimises *frustration*, the number of signed ties that break
it (negative ties inside a bloc plus positive ties between blocs). It starts
from Louvain communities of the positive ties (igraph, fixed seed), then
moves actors: each joins the neighbouring bloc where it has the most
positive minus negative ties, and leaves for a bloc of its own when no bloc
(its own included) gives it a positive balance; blocs whose mutual ties are
on balance positive are merged; repeat until nothing changes. Visiting order
is the sorted actor URIs and the seed is fixed, so the answer is
deterministic. ``fit`` is the fraction of signed ties that respect the
partition (1.0: a perfectly balanced two-or-more-camp structure).

Examples
--------
>>> from kg.analysis.projection import network_from_edges
>>> g = network_from_edges([("a1", "a2", "Support"), ("b1", "b2", "CoAgent"),
...                         ("a1", "b1", "ArmedClash"), ("a2", "b2", "Shelling")])
>>> result = blocs(g)
>>> [sorted(m["label"] for m in b["members"]) for b in result.blocs], result.frustration, result.fit
([['a1', 'a2'], ['b1', 'b2']], 0, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from kg.analysis.projection import SignedEdges, actor_ref, as_signed_edges, signed_edges


@dataclass
class Blocs:
    """The partition, bloc by bloc, and how well it fits the signed ties."""

    blocs: list[dict[str, object]]
    membership: dict[str, int]
    frustration: int
    signed_ties: int
    fit: float | None
    violations: list[dict[str, object]] = field(default_factory=list)


def _ties(signed: SignedEdges) -> dict[str, dict[str, int]]:
    ties: dict[str, dict[str, int]] = {}
    for u, v, data in signed:
        sign = data["sign"]
        if sign and u != v:
            ties.setdefault(u, {})[v] = sign
            ties.setdefault(v, {})[u] = sign
    return ties


def _best(ties: dict[str, int], community: dict[str, int]) -> tuple[int | None, int, int]:
    """The neighbouring bloc with the highest positive-minus-negative score (lowest number on a
    tie), its score, and the score of the actor's own bloc."""
    score: dict[int, int] = {}
    for other, sign in ties.items():
        label = community[other]
        score[label] = score.get(label, 0) + sign
    best, best_score = None, 0
    for label, value in score.items():
        if best is None or value > best_score or (value == best_score and label < best):
            best, best_score = label, value
    return best, best_score, score


def _local_moves(ties: dict[str, dict[str, int]], community: dict[str, int]) -> bool:
    """Move actors until none gains; actors whose neighbours moved are visited again."""
    from collections import deque

    fresh = max(community.values(), default=0) + 1
    size: dict[int, int] = {}
    for label in community.values():
        size[label] = size.get(label, 0) + 1
    queue = deque(sorted(ties))
    queued = set(queue)
    moved_any = False
    budget = 20 * len(ties)  # a safety net; convergence takes a few visits per actor
    while queue and budget:
        budget -= 1
        node = queue.popleft()
        queued.discard(node)
        best, best_score, score = _best(ties[node], community)
        label = community[node]
        current = score.get(label, 0)
        if best is not None and best != label and best_score > current:
            community[node] = best
        elif current <= 0 and size.get(label, 0) > 1:  # no friends there on balance: alone
            community[node], fresh = fresh, fresh + 1
        else:
            continue
        size[label] -= 1
        size[community[node]] = size.get(community[node], 0) + 1
        moved_any = True
        for other in ties[node]:
            if other not in queued:
                queue.append(other)
                queued.add(other)
    return moved_any


def _merge(ties: dict[str, dict[str, int]], community: dict[str, int]) -> bool:
    between: dict[tuple[int, int], int] = {}
    for node, others in ties.items():
        for other, sign in others.items():
            a, b = community[node], community[other]
            if a < b:
                between[(a, b)] = between.get((a, b), 0) + sign
    merged: set[int] = set()
    relabel: dict[int, int] = {}
    for (a, b), net in sorted(between.items(), key=lambda i: (-i[1], i[0])):
        if net <= 0 or a in merged or b in merged:
            continue
        relabel[b] = a
        merged |= {a, b}
    for node, label in community.items():
        community[node] = relabel.get(label, label)
    return bool(relabel)


def _friends(ties: dict[str, dict[str, int]], seed: int = 5) -> dict[str, int]:
    """Starting blocs: Louvain communities of the positive ties (igraph, seeded), so the local
    moves only have to settle the negative ties and the few actors between camps."""
    import random

    from kg.igraph_serial import igraph_module

    igraph = igraph_module()

    nodes = sorted(ties)
    index = {node: i for i, node in enumerate(nodes)}
    positive = igraph.Graph(n=len(nodes), edges=[
        (index[u], index[v]) for u in nodes for v, sign in ties[u].items() if sign > 0 and u < v])
    igraph.set_random_number_generator(random.Random(seed))
    try:
        labels = positive.community_multilevel().membership
    finally:
        igraph.set_random_number_generator(random)
    return {node: labels[i] for i, node in enumerate(nodes)}


def partition(signed: nx.Graph | SignedEdges) -> dict[str, int]:
    """Bloc number of every actor with a signed tie (blocs numbered from 0, largest first).

    ``signed`` is a signed graph or its edge list (:func:`~kg.analysis.projection.signed_edges`).
    """
    ties = _ties(as_signed_edges(signed))
    community = _friends(ties)
    _local_moves(ties, community)
    for _ in range(20):
        if not (_merge(ties, community) and _local_moves(ties, community)):
            break
    groups: dict[int, list[str]] = {}
    for node, label in community.items():
        groups.setdefault(label, []).append(node)
    ordered = sorted(groups.values(), key=lambda members: (-len(members), min(members)))
    return {node: index for index, members in enumerate(ordered) for node in members}


def blocs(graph: nx.MultiDiGraph, signed: SignedEdges | None = None) -> Blocs:
    """Partition the actor network ``graph`` into blocs; see the module docstring.

    ``signed``: the pairs' signed edges when already counted (else those of ``graph``'s edges,
    :func:`~kg.analysis.projection.signed_edges`); ``graph`` then only names the actors.
    """
    edges = signed if signed is not None else signed_edges(graph.edges(data=True))
    membership = partition(edges)
    members: dict[int, list[str]] = {}
    for node, index in membership.items():
        members.setdefault(index, []).append(node)
    inside = {index: [0, 0] for index in members}
    violations = []
    signed_ties = 0
    for u, v, data in edges:
        sign = data["sign"]
        if not sign:
            continue
        signed_ties += 1
        same = membership[u] == membership[v]
        if same:
            inside[membership[u]][0 if sign > 0 else 1] += 1
        if same == (sign < 0):
            violations.append({"a": actor_ref(graph, u), "b": actor_ref(graph, v), "sign": sign,
                               "why": "negative tie inside a bloc" if same
                               else "positive tie between blocs"})
    result = [{"bloc": index, "size": len(nodes),
               "members": [actor_ref(graph, n) for n in sorted(nodes)],
               "internal_positive": inside[index][0], "internal_negative": inside[index][1]}
              for index, nodes in sorted(members.items())]
    return Blocs(blocs=result, membership=membership, frustration=len(violations),
                 signed_ties=signed_ties,
                 fit=1 - len(violations) / signed_ties if signed_ties else None,
                 violations=violations)
