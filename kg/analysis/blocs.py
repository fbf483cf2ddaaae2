"""Alliances and blocs: communities of the signed graph, positive inside, negative between.

The partition minimises *frustration*, the number of signed ties that break
it (negative ties inside a bloc plus positive ties between blocs), by local
moves: each actor joins the neighbouring bloc where it has the most
positive minus negative ties, or stays alone when none is positive; blocs
whose mutual ties are on balance positive are merged; repeat until nothing
changes. Visiting order is the sorted actor URIs, so the answer is
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

from kg.analysis.projection import actor_ref, signed_graph


@dataclass
class Blocs:
    """The partition, bloc by bloc, and how well it fits the signed ties."""

    blocs: list[dict[str, object]]
    membership: dict[str, int]
    frustration: int
    signed_ties: int
    fit: float | None
    violations: list[dict[str, object]] = field(default_factory=list)


def _ties(signed: nx.Graph) -> dict[str, dict[str, int]]:
    ties: dict[str, dict[str, int]] = {}
    for u, v, sign in signed.edges(data="sign"):
        if sign and u != v:
            ties.setdefault(u, {})[v] = sign
            ties.setdefault(v, {})[u] = sign
    return ties


def _local_moves(ties: dict[str, dict[str, int]], community: dict[str, int]) -> bool:
    moved_any = False
    fresh = max(community.values(), default=0) + 1
    for _ in range(50):
        moved = False
        for node in sorted(ties):
            score: dict[int, int] = {}
            for other, sign in ties[node].items():
                score[community[other]] = score.get(community[other], 0) + sign
            current = community[node]
            best = max(sorted(score), key=lambda c: score[c], default=current)
            if score.get(best, 0) > score.get(current, 0) and best != current:
                community[node], moved = best, True
            elif score.get(current, 0) < 0:  # better alone than among enemies
                community[node], moved, fresh = fresh, True, fresh + 1
        moved_any |= moved
        if not moved:
            break
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


def partition(signed: nx.Graph) -> dict[str, int]:
    """Bloc number of every actor with a signed tie (blocs numbered from 0, largest first)."""
    ties = _ties(signed)
    community = {node: index for index, node in enumerate(sorted(ties))}
    _local_moves(ties, community)
    for _ in range(20):
        if not (_merge(ties, community) and _local_moves(ties, community)):
            break
    groups: dict[int, list[str]] = {}
    for node, label in community.items():
        groups.setdefault(label, []).append(node)
    ordered = sorted(groups.values(), key=lambda members: (-len(members), min(members)))
    return {node: index for index, members in enumerate(ordered) for node in members}


def blocs(graph: nx.MultiDiGraph) -> Blocs:
    """Partition the actor network ``graph`` into blocs; see the module docstring."""
    signed = signed_graph(graph)
    membership = partition(signed)
    members: dict[int, list[str]] = {}
    for node, index in membership.items():
        members.setdefault(index, []).append(node)
    inside = {index: [0, 0] for index in members}
    violations = []
    signed_ties = 0
    for u, v, sign in signed.edges(data="sign"):
        if not sign or u == v:
            continue
        signed_ties += 1
        same = membership[u] == membership[v]
        if same:
            inside[membership[u]][0 if sign > 0 else 1] += 1
        if same == (sign < 0):
            violations.append({"a": actor_ref(signed, u), "b": actor_ref(signed, v), "sign": sign,
                               "why": "negative tie inside a bloc" if same
                               else "positive tie between blocs"})
    result = [{"bloc": index, "size": len(nodes),
               "members": [actor_ref(signed, n) for n in sorted(nodes)],
               "internal_positive": inside[index][0], "internal_negative": inside[index][1]}
              for index, nodes in sorted(members.items())]
    return Blocs(blocs=result, membership=membership, frustration=len(violations),
                 signed_ties=signed_ties,
                 fit=1 - len(violations) / signed_ties if signed_ties else None,
                 violations=violations)
