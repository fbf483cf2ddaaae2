"""Structural balance: the triangle census of the signed actor graph.

A triangle of three actors tied pairwise by signed edges (+1 or -1; neutral
pairs do not count) is one of ``+++``, ``++-``, ``+--`` or ``---``. In
Heider's (strong) balance ``+++`` and ``+--`` are balanced ("the enemy of my
enemy is my friend"); ``++-`` and ``---`` are not. Davis's weak balance also
accepts ``---``. The balance ratio is balanced / all triangles.

Examples
--------
>>> from kg.analysis.projection import network_from_edges
>>> g = network_from_edges([("a", "b", "Support"), ("a", "c", "ArmedClash"),
...                         ("b", "c", "ArmedClash"), ("c", "d", "ArmedClash"),
...                         ("b", "d", "Bombing")])
>>> result = balance(g)
>>> result.census, result.ratio, result.weak_ratio
({'+++': 0, '++-': 0, '+--': 1, '---': 1}, 0.5, 1.0)
>>> result.unbalanced_by_actor
{'b': 1, 'c': 1, 'd': 1}
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from kg.analysis.projection import SignedEdges, as_signed_edges, signed_edges

KINDS = ("+++", "++-", "+--", "---")


@dataclass
class Balance:
    """The census, the ratios and who sits in unbalanced triangles."""

    census: dict[str, int]
    triangles: int
    ratio: float | None  # strong (Heider) balance; None without triangles
    weak_ratio: float | None  # weak (Davis) balance: --- counts as balanced
    unbalanced_by_actor: dict[str, int] = field(default_factory=dict)
    unbalanced: list[tuple[str, str, str]] = field(default_factory=list)
    window: str | None = None


def triangles(signed: nx.Graph | SignedEdges) -> list[tuple[str, str, str, int]]:
    """Every triangle of non-zero edges as ``(u, v, w, negatives)``, each once.

    >>> g = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1}), ("a", "c", {"sign": 1})])
    >>> triangles(g)
    [('a', 'b', 'c', 1)]
    """
    adjacency: dict[str, dict[str, int]] = {}
    for u, v, data in as_signed_edges(signed):
        if data["sign"] and u != v:
            adjacency.setdefault(u, {})[v] = data["sign"]
            adjacency.setdefault(v, {})[u] = data["sign"]
    rank = {n: (len(adjacency[n]), n) for n in adjacency}
    higher = {n: {m for m in adjacency[n] if rank[m] > rank[n]} for n in adjacency}
    found = []
    for u in sorted(adjacency, key=rank.__getitem__):
        for v in higher[u]:
            for w in higher[u] & higher[v]:
                if rank[v] < rank[w]:
                    signs = (adjacency[u][v], adjacency[u][w], adjacency[v][w])
                    negatives = sum(1 for sign in signs if sign < 0)
                    found.append((*sorted((u, v, w)), negatives))
    return sorted(found)


def census(signed: nx.Graph | SignedEdges, window: str | None = None) -> Balance:
    """The triangle census of a signed graph or its edge list (see
    :func:`~kg.analysis.projection.signed_edges`)."""
    counts = dict.fromkeys(KINDS, 0)
    by_actor: dict[str, int] = {}
    unbalanced = []
    for u, v, w, negatives in triangles(signed):
        counts[KINDS[negatives]] += 1
        if negatives % 2 == 1:
            unbalanced.append((u, v, w))
            for node in (u, v, w):
                by_actor[node] = by_actor.get(node, 0) + 1
    total = sum(counts.values())
    strong = counts["+++"] + counts["+--"]
    return Balance(census=counts, triangles=total,
                   ratio=strong / total if total else None,
                   weak_ratio=(strong + counts["---"]) / total if total else None,
                   unbalanced_by_actor=dict(sorted(by_actor.items(), key=lambda i: (-i[1], i[0]))),
                   unbalanced=unbalanced, window=window)


def balance(graph: nx.MultiDiGraph) -> Balance:
    """The census of the whole actor network ``graph``."""
    return census(signed_edges(graph.edges(data=True)))


def _period(date: str, period: str) -> str | None:
    size = {"year": 4, "month": 7}[period]
    return date[:size] if len(date) >= size else None


def balance_over_time(graph: nx.MultiDiGraph, period: str = "month") -> list[Balance]:
    """One census per ``period`` ("month" or "year") of the dated edges, oldest first.

    Edges whose date is coarser than the period (a bare year, by month) or
    missing are left out.

    >>> from kg.analysis.projection import network_from_edges
    >>> g = network_from_edges([("a", "b", "Support", "2017-08-01"),
    ...     ("b", "c", "Support", "2017-08-02"), ("a", "c", "ArmedClash", "2017-08-03"),
    ...     ("a", "c", "Support", "2017-09-01")])
    >>> [(b.window, b.census["++-"]) for b in balance_over_time(g)]
    [('2017-08', 1), ('2017-09', 0)]
    """
    windows: dict[str, list[tuple[str, str, dict]]] = {}
    for u, v, data in graph.edges(data=True):
        label = _period(data["date"], period)
        if label is not None:
            windows.setdefault(label, []).append((u, v, data))
    return [census(signed_edges(windows[label]), window=label) for label in sorted(windows)]
