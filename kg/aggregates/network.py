"""The actor network from the tallies: the top actors by activity, a page of them, or an ego.

One edge per dyad tally ``(agent, other, edge type)`` with ``type, group, sign,
count`` as :func:`kg.views.network.filtered_network` gives them, and an empty
``events`` list: the evidence of an edge is fetched on demand
(:func:`kg.aggregates.evidence.dyad_evidence`). Nothing here reads an event.

Examples
--------
>>> from kg.store import open_store
>>> g = top_network(open_store("memory:"), Selection(top=10))
>>> g.number_of_nodes(), g.graph["total_nodes"], g.graph["pages"]
(0, 0, 1)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from kg.aggregates.read import Dyad, actor_names, actors_by_activity, dyad_dates, dyads
from kg.analysis.families import edge_signs
from kg.store.base import Store


@dataclass(frozen=True)
class Selection:
    """Which actors and edges: the ``top`` most active on page ``page`` (1-based), or the ego
    network of ``actor`` (``hops`` away, at most ``top`` actors besides it); edges of the
    ``families`` (empty: all), with at least ``min_weight`` events; ``in_window`` keeps a date
    (``None``: every date, and the dated tallies are not read); at most ``edges`` of them, the
    strongest (see :func:`strongest_edges`)."""

    top: int = 500
    edges: int = 1500
    page: int = 1
    actor: str | None = None
    hops: int = 1
    families: tuple[str, ...] = ()
    min_weight: int = 1
    in_window: Callable[[str], bool] | None = field(default=None, compare=False)




def adjacency(store: Store) -> dict[str, list[Dyad]]:
    """The dyads of each actor (either end), cached by generation."""
    def build() -> dict[str, list[Dyad]]:
        index: dict[str, list[Dyad]] = {}
        for dyad in dyads(store):
            index.setdefault(dyad.agent, []).append(dyad)
            if dyad.other != dyad.agent:
                index.setdefault(dyad.other, []).append(dyad)
        return index
    return store.cached("aggregates:adjacency", build)


def _count(store: Store, dyad: Dyad, selection: Selection) -> int:
    if selection.in_window is None:
        return dyad.count
    dated = dyad_dates(store).get((dyad.agent, dyad.other, dyad.relation), [])
    undated = dyad.count - sum(n for _, n in dated)
    return undated + sum(n for date, n in dated if selection.in_window(date))


def _kept(store: Store, dyad: Dyad, selection: Selection) -> int:
    """The dyad's events in the selection (0 when its family is not shown)."""
    if selection.families and dyad.family not in selection.families:
        return 0
    count = _count(store, dyad, selection)
    return count if count >= selection.min_weight else 0


def _ego(store: Store, selection: Selection, activity: dict[str, int]) -> list[str]:
    index, seen, frontier = adjacency(store), {str(selection.actor): 0}, [str(selection.actor)]
    for hop in range(selection.hops):
        found = []
        for node in frontier:
            for dyad in index.get(node, ()):
                other = dyad.other if dyad.agent == node else dyad.agent
                if other not in seen and _kept(store, dyad, selection):
                    seen[other] = hop + 1
                    found.append(other)
        frontier = found
    rest = sorted((n for n in seen if n != selection.actor),
                  key=lambda n: (seen[n], -activity.get(n, 0), n))
    return [str(selection.actor), *rest[:selection.top]]


def chosen_actors(store: Store, selection: Selection) -> tuple[list[str], int]:
    """The actors the selection shows, most active first, and the number of pages of ``top``."""
    ranked = actors_by_activity(store)
    pages = max(1, -(-len(ranked) // selection.top))
    if selection.actor is not None:
        return _ego(store, selection, dict(ranked)), pages
    start = (selection.page - 1) * selection.top
    return [actor for actor, _ in ranked[start:start + selection.top]], pages


def top_network(store: Store, selection: Selection) -> nx.MultiDiGraph:
    """The network of the selected actors and the dyads among them (see :class:`Selection`).

    ``graph.graph``: ``total_nodes`` (actors with any activity), ``pages``, ``page``,
    ``total_edges`` (the dyads among the actors, before :func:`strongest_edges` cut them).
    """
    from kg.analysis.families import family_of

    actors, pages = chosen_actors(store, selection)
    activity, names, signs = dict(actors_by_activity(store)), actor_names(store), edge_signs()
    graph = nx.MultiDiGraph(total_nodes=len(activity), pages=pages, page=selection.page)
    for actor in actors:
        name = names.get(actor, {})
        graph.add_node(actor, uri=actor, label=name.get("label", actor.rsplit("/", 1)[-1]),
                       kind=name.get("kind", "other"), country=name.get("country", ""),
                       aliases=list(name.get("aliases", [])),  # type: ignore[call-overload]
                       activity=activity.get(actor, 0))
    candidates = _candidate_edges(store, selection, actors, graph)
    graph.graph["total_edges"] = len(candidates)
    kept = _strongest(candidates, selection.edges, selection.actor)
    for agent, other, relation, count in candidates:  # only the kept: none added to be removed
        if (agent, other, relation) in kept:
            graph.add_edge(agent, other, key=relation, type=relation, group=family_of(relation),
                           sign=signs.get(relation, 0), count=count, events=[])
    return graph


def _candidate_edges(store: Store, selection: Selection, actors: list[str],
                     shown: nx.MultiDiGraph) -> list[tuple[str, str, str, int]]:
    """``(agent, other, relation, events)`` of every dyad among the ``shown`` actors with
    events in the selection, each once (from its agent's list), in the actors' order."""
    index, found = adjacency(store), []
    for actor in actors:
        for dyad in index.get(actor, ()):
            if dyad.agent != actor or dyad.other not in shown:
                continue
            count = _kept(store, dyad, selection)
            if count:
                found.append((dyad.agent, dyad.other, dyad.relation, count))
    return found


def _strength_order(u: str, v: str, key: str, count: int) -> tuple[int, str, str, str]:
    """The rank of an edge: most events first, ties by agent, other and key (a total order)."""
    return -count, u, v, key


def ranked_edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, str, dict[str, object]]]:
    """``(u, v, key, data)`` of every edge, most events first (ties: by u, v, key): the order
    :func:`strongest_edges` cuts in, and the one the page's own line budget relies on.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("b", "c", key="Fights", count=2)
    'Fights'
    >>> g.add_edge("a", "c", key="Accuses", count=2)
    'Accuses'
    >>> [(u, v) for u, v, _, _ in ranked_edges(g)]
    [('a', 'c'), ('b', 'c')]
    """
    return sorted(graph.edges(keys=True, data=True),
                  key=lambda e: _strength_order(e[0], e[1], e[2], e[3]["count"]))


def strongest_edges(graph: nx.MultiDiGraph, budget: int, around: str | None = None
                    ) -> set[tuple[str, str, str]]:
    """The ``budget`` edges of most events (ties: by agent, other, key), and besides them each
    node's strongest edge and every edge of ``around``: ``(u, v, key)`` of the edges kept.

    Among the 500 most active of 5,000 actors over 100,000 articles there are 63,684 dyads;
    drawn all at once they are a hairball whose painting took a second after every change.
    The strongest carry the most events; each actor keeps its strongest tie, so none is cut
    loose by the budget; an ego view keeps every tie of its actor.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="Fights", count=5)
    'Fights'
    >>> g.add_edge("b", "c", key="Fights", count=3)
    'Fights'
    >>> g.add_edge("a", "c", key="Accuses", count=1)
    'Accuses'
    >>> g.add_edge("c", "d", key="Praises", count=1)
    'Praises'
    >>> sorted(strongest_edges(g, 1))  # d's only tie stays
    [('a', 'b', 'Fights'), ('b', 'c', 'Fights'), ('c', 'd', 'Praises')]
    >>> sorted(strongest_edges(g, 1, around="a"))
    [('a', 'b', 'Fights'), ('a', 'c', 'Accuses'), ('b', 'c', 'Fights'), ('c', 'd', 'Praises')]
    """
    return _strongest([(u, v, k, data["count"]) for u, v, k, data in graph.edges(keys=True, data=True)],
                      budget, around)


def _strongest(edges: list[tuple[str, str, str, int]], budget: int, around: str | None
               ) -> set[tuple[str, str, str]]:
    """:func:`strongest_edges` of ``(u, v, key, count)`` tuples, ranked as
    :func:`ranked_edges` ranks (a total order: the input's order does not matter)."""
    ranked = sorted(edges, key=lambda e: _strength_order(*e))
    kept = {(u, v, k) for u, v, k, _ in ranked[:budget]}
    strongest: dict[str, tuple[str, str, str]] = {}
    for u, v, k, _ in ranked:
        strongest.setdefault(u, (u, v, k))
        strongest.setdefault(v, (u, v, k))
        if around is not None and around in (u, v):
            kept.add((u, v, k))
    return kept | set(strongest.values())




def tally_network(store: Store) -> nx.MultiDiGraph:
    """The actor network of :func:`kg.analysis.projection.actor_network` as the tallies count
    it: one edge per dyad tally with ``type, sign, event`` (the tally's URI), ``count`` (its
    events, which :func:`kg.analysis.projection.signed_edges` adds up) and ``event_type``; no
    date, sentence, article or source (those need the evidence). ``graph.graph["from_tallies"]``
    is true.

    Mediation edges are left out, as the projection leaves them out. Two dyads of one event
    count as two events (rare: an actor both agent and target of one event).
    """
    from kg.aggregates.read import actor_names
    from kg.ids import tally_iri

    signs = edge_signs()
    graph = nx.MultiDiGraph(from_tallies=True)
    for actor, name in actor_names(store).items():
        graph.add_node(actor, uri=actor, label=name["label"], kind=name["kind"],
                       country=name["country"], aliases=list(name["aliases"]))  # type: ignore[call-overload]
    for dyad in dyads(store):
        if dyad.relation == "Mediates":
            continue
        node = tally_iri("dyad", dyad.agent, dyad.other, dyad.relation)
        graph.add_edge(dyad.agent, dyad.other, key=node, type=dyad.relation,
                       sign=signs.get(dyad.relation, 0), event=node, count=dyad.count,
                       event_type=dyad.relation, modality="asserted", date="",
                       date_from="event", article="", source="", sentence="", place="")
    return graph


__all__ = ["Selection", "adjacency", "chosen_actors", "ranked_edges", "strongest_edges",
           "tally_network", "top_network"]
