"""The filtered, aggregated network a view shows: one edge per (source, target, type).

:func:`filtered_network` applies a :class:`~kg.views.filters.ViewFilter` to the
per-event multigraph of :func:`kg.views.source.view_source`; :func:`centrality`
and :func:`blocs` size and colour the nodes; :func:`layout` places them once on
the server (igraph's Fruchterman-Reingold: 5,000 nodes in well under a second).

Examples
--------
>>> g = nx.MultiDiGraph()
>>> for n in "abc": g.add_node(n, label=n, kind="state")
>>> for t, d in (("ArmedClash", "2013"), ("ArmedClash", "2017-08-27"), ("Support", "2017-08-27")):
...     _ = g.add_edge("a", "b", type=t, sign=1, event=f"{t}{d}", date=d)
>>> view = filtered_network(g, ViewFilter(start="2017-01-01"))
>>> sorted((s, t, d["type"], d["count"]) for s, t, d in view.edges(data=True))
[('a', 'b', 'ArmedClash', 1), ('a', 'b', 'Support', 1)]
>>> sorted(filtered_network(g, ViewFilter(isolated=False, groups=("fights",))).nodes)
['a', 'b']
"""

from __future__ import annotations

import math
import random
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import networkx as nx

from kg.views.filters import ViewFilter, group_of, in_range

CENTRALITIES = ("degree", "strength", "pagerank", "betweenness")


def _aggregate(graph: nx.MultiDiGraph, view: ViewFilter) -> nx.MultiDiGraph:
    merged: dict[tuple[str, str, str], dict[str, object]] = {}
    for source, target, attrs in graph.edges(data=True):
        group = group_of(attrs["type"])
        if not view.shows_group(group) or not in_range(attrs.get("date", ""), view.start,
                                                           view.end):
            continue
        data = merged.get((source, target, attrs["type"]))
        if data is None:
            data = merged[source, target, attrs["type"]] = {
                "type": attrs["type"], "group": group, "sign": attrs["sign"], "count": 0,
                "events": []}
        data["count"] += 1  # type: ignore[operator]
        data["events"].append(attrs["event"])  # type: ignore[attr-defined]
    out = nx.MultiDiGraph()
    out.add_nodes_from(graph.nodes(data=True))
    out.add_edges_from((s, t, k, d) for (s, t, k), d in merged.items()
                       if d["count"] >= view.min_weight)  # type: ignore[operator]
    return out


def _ego(graph: nx.MultiDiGraph, focus: str, hops: int) -> set[str]:
    undirected = graph.to_undirected(as_view=True)
    return set(nx.single_source_shortest_path_length(undirected, focus, cutoff=hops))


def filtered_network(graph: nx.MultiDiGraph, view: ViewFilter) -> nx.MultiDiGraph:
    """Aggregate ``graph`` (one edge per event) into the view ``view`` describes.

    Edges carry ``type, group, sign, count, events``; ``limit`` keeps the
    actors with most events (ties by label) and records the full count in
    ``graph.graph["total_nodes"]``.
    """
    out = _aggregate(graph, view)
    if view.focus and view.focus in out:
        out = out.subgraph(_ego(out, view.focus, view.hops)).copy()
    if not view.isolated:
        out.remove_nodes_from([n for n in list(out) if out.degree(n) == 0])
    total = out.number_of_nodes()
    if total > view.limit:
        weight = {n: 0 for n in out}
        for source, target, count in out.edges(data="count"):
            weight[source] += count
            weight[target] += count
        keep = sorted(out, key=lambda n: (-weight[n], str(out.nodes[n].get("label", n))))
        out = out.subgraph(keep[:view.limit]).copy()
    for cache in ("_igraph", "_louvain"):  # never a cache computed on another node set
        out.graph.pop(cache, None)
    out.graph["total_nodes"] = total
    return out


def release(graph: nx.MultiDiGraph) -> None:
    """Empty a view's graph once its rows are written, so that reference counting frees it.

    A networkx graph refers to itself through the edge and degree views it keeps, so one no
    longer used waited for the cyclic collector, which then walked each of its nodes, edges
    and attributes: 74,664 objects and 19-31 ms at the end of the 5,000-actor bench page.

    >>> g = nx.MultiDiGraph([("a", "b")]); _ = g.edges; release(g); g.number_of_nodes()
    0
    """
    graph.clear()


def _igraph(graph: nx.MultiDiGraph):  # type: ignore[no-untyped-def]
    """The undirected weighted igraph of ``graph`` and its node order (cached on the graph)."""
    if "_igraph" not in graph.graph:
        graph.graph["_igraph"] = _build_igraph(graph)
    return graph.graph["_igraph"]


def _build_igraph(graph: nx.MultiDiGraph):  # type: ignore[no-untyped-def]
    from kg.igraph_serial import igraph_module

    igraph = igraph_module()

    index = {node: i for i, node in enumerate(graph)}
    weights: dict[tuple[int, int], int] = {}
    for source, target, attrs in graph.edges(data=True):
        if source == target:
            continue
        pair = (min(index[source], index[target]), max(index[source], index[target]))
        weights[pair] = weights.get(pair, 0) + attrs.get("count", 1)
    return igraph.Graph(n=len(index), edges=list(weights), edge_attrs={"weight": list(
        weights.values())}), list(graph)


def centrality(graph: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """Per node: ``degree`` (neighbours), ``strength`` (events), ``pagerank``, ``betweenness``.

    Computed with igraph on the undirected weighted projection, with the
    definitions of :mod:`kg.analysis.centrality` (betweenness normalised as in
    networkx, estimated from a fixed sample of sources above 2,000 actors).

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")], count=1)
    >>> {n: (c["degree"], c["betweenness"]) for n, c in centrality(g).items()}
    {'a': (1, 0.0), 'b': (2, 1.0), 'c': (1, 0.0)}
    """
    if graph.number_of_nodes() == 0:
        return {}
    from kg.analysis.centrality import sampled_sources

    simple, nodes = _igraph(graph)
    n = len(nodes)
    degree = simple.degree()
    strength = simple.strength(weights="weight")
    pagerank = simple.pagerank(weights="weight", implementation="arpack")
    sources = sampled_sources(n)  # kg.analysis's estimator: exact up to 2,000 actors, then sampled
    between = simple.betweenness(directed=False, sources=sources) if sources else \
        simple.betweenness(directed=False)
    scale = (len(sources) / n if sources else 1.0) * ((n - 1) * (n - 2) / 2 if n > 2 else 1.0)
    return {node: {"degree": degree[i], "strength": strength[i],
                   "pagerank": round(pagerank[i], 6), "betweenness": round(between[i] / scale, 6)}
            for i, node in enumerate(nodes)}


def blocs(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Bloc number per node from :func:`kg.analysis.blocs.partition` (signed camps, largest
    first); actors without a signed tie get ``-1``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("loner")
    >>> _ = g.add_edges_from([("a", "b", {"events": ["e1"]}), ("c", "d", {"events": ["e2"]})],
    ...                      sign=1)
    >>> _ = g.add_edge("b", "c", sign=-1, events=["e3"])
    >>> b = blocs(g); b["a"] == b["b"] != b["c"] == b["d"], b["loner"]
    (True, -1)
    """
    from kg.analysis.blocs import partition
    from kg.analysis.projection import signed_edges

    per_event = ((u, v, {"event": event, "sign": attrs["sign"]})
                 for u, v, key, attrs in graph.edges(keys=True, data=True)
                 for event in attrs.get("events") or [f"{u}|{v}|{key}"])
    membership = partition(signed_edges(per_event))
    return {node: membership.get(node, -1) for node in graph}


CLUSTER_ABOVE = 300
"""Above this many actors the page opens with communities drawn as meta-nodes."""
LINES_DRAWN = 1500
"""Relations a network page draws at most, the strongest (each actor keeps its strongest
besides, and an ego view every relation of its actor); the page's "Lines drawn at most"
and a view from the tallies' ``edges`` change it. About three lines an actor of the top 500:
more is a hairball to the eye, and Chromium's repaint of a zoomed-in view grows with the
lines (10k store, views bench: 112-160 ms a search or filter change at 3,000, under 16 ms
at 1,500)."""


def communities(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, int]:
    """Community per node: igraph's multilevel (Louvain) modularity on the undirected weighted
    projection, numbered by size (0 is the largest); actors without a tie get ``-1``.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"),
    ...                      ("x", "z"), ("c", "x")], count=1)
    >>> g.add_node("alone")
    >>> c = communities(g); c["a"] == c["b"] == c["c"] != c["x"] == c["y"] == c["z"], c["alone"]
    (True, -1)
    """
    if graph.number_of_nodes() == 0:
        return {}
    simple, nodes = _igraph(graph)
    membership = _louvain(graph, seed)
    degree = simple.degree()
    sizes: dict[int, int] = {}
    for i, group in enumerate(membership):
        if degree[i]:
            sizes[group] = sizes.get(group, 0) + 1
    rank = {group: number for number, group in enumerate(sorted(sizes, key=lambda g: -sizes[g]))}
    return {node: rank[membership[i]] if degree[i] else -1 for i, node in enumerate(nodes)}


def _louvain(graph: nx.MultiDiGraph, seed: int) -> list[int]:
    """Louvain membership per igraph vertex of ``graph`` (cached on the graph, per seed), shared
    by :func:`communities` and :func:`layout`: a large view is laid out from the communities
    its page folds into meta-nodes."""
    kept = graph.graph.setdefault("_louvain", {})
    if seed not in kept:
        simple, _ = _igraph(graph)
        with _igraph_random(seed):
            kept[seed] = simple.community_multilevel(weights="weight").membership
    return kept[seed]


def _pull_in_outliers(positions: dict[str, tuple[float, float]]) -> None:
    """Bring far-flung actors closer (log scale beyond 3x the median distance from the centre),
    so two outliers cannot squeeze the main cluster into a corner of the canvas."""
    distances = sorted(math.hypot(x, y) for x, y in positions.values())
    if len(distances) < 10:
        return
    cap = 3 * distances[len(distances) // 2]
    for node, (x, y) in positions.items():
        distance = math.hypot(x, y)
        if cap and distance > cap:
            factor = cap * (1 + math.log(distance / cap)) / distance
            positions[node] = (round(x * factor, 1), round(y * factor, 1))


@contextmanager
def _igraph_random(seed: int) -> Iterator[None]:
    """igraph's random numbers from ``random.Random(seed)`` for the block, then Python's again.

    python-igraph draws from one process-wide generator (the ``random`` module
    unless told otherwise), which layouts and Louvain use even from a given
    start; seeding it is what makes the same graph give the same picture.
    """
    from kg.igraph_serial import igraph_module

    igraph = igraph_module()

    with _IGRAPH_RANDOM:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            igraph.set_random_number_generator(random)


_IGRAPH_RANDOM = threading.Lock()


EXACT_LAYOUT_UP_TO = 300
"""Actors with a tie laid out from a random start by 500 iterations of the exact
Fruchterman-Reingold, which weighs every pair of actors in every iteration: 83 ms of CPU at 294
actors (the second page of the top 500 at 10,000 articles), 230 ms at 498 (the same page at
100,000), 415 ms at 877. Larger views, up to :data:`GRID_ABOVE`, start from their communities
(:func:`_community_start`) and take 150 iterations, as the grid layout does: 70 ms at 498,
125 ms at 877, with 0.2-3.4% more edge crossings than the exact layout's (7 seeds) and the same
edge lengths and nearest-neighbour distances (relative to the median distance between actors)."""
GRID_ABOVE = 1000
"""Above this many actors with a tie igraph's layout (``grid="auto"``) repels only actors in
nearby cells of a grid, in time that grows with the actors, not their pairs; those views
keep their random start (the communities' start cost 14-44 ms more at 2,500-5,000 actors
and left about as many crossings)."""


def _iterations(n: int) -> int:
    """Fruchterman-Reingold iterations: 500 up to :data:`EXACT_LAYOUT_UP_TO` actors, 150
    below 2,500 (from the communities' start up to :data:`GRID_ABOVE`), then 60."""
    return 500 if n <= EXACT_LAYOUT_UP_TO else 150 if n < 2500 else 60


def _random_start(n: int, seed: int) -> list[list[float]]:
    """``n`` points drawn uniformly from a square of side ``2 * sqrt(n)`` around the origin."""
    rng, side = random.Random(seed), math.sqrt(n)
    return [[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in range(n)]


def _community_start(core, membership: list[int],  # type: ignore[no-untyped-def]
                     seed: int) -> list[list[float]]:
    """A start for ``core``'s layout: its communities (``membership``) laid out as one node each
    (500 exact iterations, cheap for a few dozen), spread over the random start's square, each
    actor drawn around its community's place (a square of side ``sqrt(size)``).

    The coarse picture first, the details after (a multilevel layout's first level): the 150
    iterations that follow mostly untangle each community and its ties to its neighbours.
    On the views bench's networks (preferential attachment; 7 seeds) they left 0.2% and 0.6%
    more crossings than 500 exact iterations from a random start at 442 and 877 actors; 150
    from a random start left 2.7% and 2.5% more. On the second page of the top 500 at 100,000
    articles (five components) 3.4% and 2.5% more."""
    n = core.vcount()
    groups = {group: number for number, group in enumerate(dict.fromkeys(membership))}
    coarse = core.copy()
    coarse.contract_vertices([groups[group] for group in membership], combine_attrs=None)
    coarse.simplify()
    placed = coarse.layout_fruchterman_reingold(seed=_random_start(len(groups), seed), niter=500,
                                                grid=False)
    xs, ys = [c[0] for c in placed], [c[1] for c in placed]
    stretch = 2 * math.sqrt(n) / (max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0)
    sizes = Counter(membership)
    rng, start = random.Random(seed), []
    for group in membership:
        x, y = placed[groups[group]]
        half = math.sqrt(sizes[group]) / 2
        start.append([x * stretch + rng.uniform(-half, half),
                      y * stretch + rng.uniform(-half, half)])
    return start


def layout(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions in pixels, computed once on the server (deterministic; physics stays off).

    Actors with ties are laid out by Fruchterman-Reingold (from their communities above
    :data:`EXACT_LAYOUT_UP_TO` of them, see :func:`_iterations`); actors without any tie in
    the view go in rows under them, so they neither crowd nor stretch it.

    >>> g = nx.MultiDiGraph([("a", "b")]); g.add_node("alone")
    >>> p = layout(g); p["alone"][1] > max(p["a"][1], p["b"][1])
    True
    """
    if graph.number_of_nodes() == 0:
        return {}
    simple, nodes = _igraph(graph)
    degree = simple.degree()
    tied = [i for i, d in enumerate(degree) if d > 0]
    positions: dict[str, tuple[float, float]] = {}
    bottom = 0.0
    if tied:
        core = simple.subgraph(tied) if len(tied) < len(nodes) else simple
        n = len(tied)
        membership = _louvain(graph, seed) if EXACT_LAYOUT_UP_TO < n <= GRID_ABOVE else []
        with _igraph_random(seed):
            start = _community_start(core, [membership[i] for i in tied], seed) \
                if membership else _random_start(n, seed)
            coords = core.layout_fruchterman_reingold(seed=start, niter=_iterations(n),
                                                      grid="auto")
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        scale = (220 if n < 100 else 150) * math.sqrt(n) / span
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        for k, i in enumerate(tied):
            positions[nodes[i]] = (round((xs[k] - cx) * scale, 1), round((ys[k] - cy) * scale, 1))
        _pull_in_outliers(positions)
        bottom = max(y for _, y in positions.values())
    alone = [nodes[i] for i, d in enumerate(degree) if d == 0]
    per_row = max(4, int(math.sqrt(len(alone)) * 2))
    for k, node in enumerate(alone):
        row, column = divmod(k, per_row)
        x = (column - (min(per_row, len(alone)) - 1) / 2) * 120.0
        positions[node] = (round(x, 1), round(bottom + 120.0 + row * 70.0, 1))
    return positions
