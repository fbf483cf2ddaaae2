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

from collections import Counter
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
    """Every triangle of non-zero edges as ``(u, v, w, negatives)``, each once, in URI order.

    >>> g = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1}), ("a", "c", {"sign": 1})])
    >>> triangles(g)
    [('a', 'b', 'c', 1)]
    """
    ties = _ties(as_signed_edges(signed))
    actors, later, hostile = ties.actors, ties.later, ties.hostile
    return [(actors[a], actors[b], actors[c],
             (b in hostile[a]) + (c in hostile[a]) + (c in hostile[b]))
            for a in range(len(actors)) for b in sorted(later[a])
            for c in sorted(later[a] & later[b])]


@dataclass
class _Ties:
    """The non-zero ties by position (actors in URI order): the later neighbours of each actor
    and, among them, the negative ones."""

    actors: list[str]
    later: list[set[int]]
    hostile: list[set[int]]


def _ties(signed: SignedEdges) -> _Ties:
    ends = sorted({n for u, v, data in signed if data["sign"] and u != v for n in (u, v)})
    position = {actor: i for i, actor in enumerate(ends)}
    later: list[set[int]] = [set() for _ in ends]
    hostile: list[set[int]] = [set() for _ in ends]
    for u, v, data in signed:
        if data["sign"] and u != v:
            a, b = sorted((position[u], position[v]))
            later[a].add(b)
            if data["sign"] < 0:
                hostile[a].add(b)
    return _Ties(ends, later, hostile)


def census(signed: nx.Graph | SignedEdges, window: str | None = None) -> Balance:
    """The triangle census of a signed graph or its edge list (see
    :func:`~kg.analysis.projection.signed_edges`).

    Counted per tie ``a < b`` (URI order) with set operations on the third actors ``c > b``
    both reach: how many are reached by one negative tie or two says the census of the
    tie's triangles at once; only the unbalanced ones are listed, in URI order (at 100,000
    articles 582,000 triangles, 287,000 of them unbalanced).
    """
    ties = _ties(as_signed_edges(signed))
    counts = [0, 0, 0, 0]
    unbalanced: list[tuple[str, str, str]] = []
    in_unbalanced: Counter[int] = Counter()
    actors, later, hostile = ties.actors, ties.later, ties.hostile
    for a, (after_a, hostile_a) in enumerate(zip(later, hostile, strict=True)):
        for b in sorted(after_a):
            common = after_a & later[b]
            if not common:
                continue
            to_a, to_b = common & hostile_a, common & hostile[b]  # each as small as common
            one = to_a ^ to_b
            two = len(to_a & to_b)
            negative = b in hostile_a  # the tie a-b itself
            counts[negative] += len(common) - len(one) - two  # no other negative tie
            counts[negative + 1] += len(one)  # one negative tie besides a-b
            counts[negative + 2] += two
            odd = common - one if negative else one  # an odd number of negative ties
            if odd:
                thirds = sorted(odd)
                u, v = actors[a], actors[b]
                unbalanced += [(u, v, actors[c]) for c in thirds]
                in_unbalanced.update(thirds)
                in_unbalanced[a] += len(thirds)
                in_unbalanced[b] += len(thirds)
    by_actor = {actors[i]: n for i, n in in_unbalanced.items()}
    found = dict(zip(KINDS, counts, strict=True))
    total = sum(counts)
    strong = found["+++"] + found["+--"]
    return Balance(census=found, triangles=total,
                   ratio=strong / total if total else None,
                   weak_ratio=(strong + found["---"]) / total if total else None,
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
