"""Fights and explicit mediation counted from the tallies (:mod:`kg.aggregates`): no event read.

:func:`tally_fights` gives the rows of :func:`kg.analysis.dyads.fights` (events, first and
last date, months, types, sources) from the dyad tallies and their per-date and per-source
splits; in place of the event and article lists each row names its ``edges`` (agent, other,
edge type, events), whose events :func:`kg.aggregates.evidence.dyad_evidence` fetches a page
at a time. :func:`explicit_mediation` gives the explicit evidence of
:func:`kg.analysis.mediation.mediators` from the ``mediation`` tallies;
:func:`kg.analysis.mediation.mediation_evidence` fetches an actor's records on demand.

Examples
--------
>>> from kg.store import open_store
>>> from kg.aggregates.network import tally_network
>>> store = open_store("memory:")
>>> tally_fights(store, tally_network(store)), explicit_mediation(store)
([], {})
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.aggregates.columns import TallyColumns
from kg.aggregates.read import actor_names, mediation_counts, tally_columns
from kg.analysis.dyads import month_of
from kg.analysis.projection import SignedEdges, actor_ref, resolve_actor
from kg.store.base import Store

@dataclass(frozen=True)
class TallyTies:
    """What the structural analyses read of the tallies' network: one signed edge per actor
    pair (:func:`kg.analysis.projection.signed_edges`) and the directed cooperative ties
    (:func:`kg.analysis.mediation.cooperative_ties`)."""

    signed: SignedEdges
    cooperative: dict[str, set[str]]


def _signs(columns: TallyColumns) -> list[int | None]:
    """The sign of each edge type of ``columns``; ``None`` for the mediation edges, which the
    projection leaves out (:func:`kg.aggregates.network.tally_network`)."""
    from kg.analysis.families import edge_signs

    signs = edge_signs()
    return [None if r == "Mediates" else signs.get(r, 0) for r in columns.relations]


def tally_ties(columns: TallyColumns) -> TallyTies:
    """The :class:`TallyTies` of the dyad tallies: the same signed edges and cooperative ties
    as those of :func:`kg.aggregates.network.tally_network`, counted from the columns with no
    graph built (at 100,000 articles, 145,000 edges)."""
    signs, pairs = _signs(columns), {}  # type: ignore[var-annotated]
    for a, o, r, n in zip(columns.agent, columns.other, columns.relation, columns.count,
                          strict=True):
        sign = signs[r]
        if sign is None or a == o:
            continue
        entry = pairs.get((a, o) if a < o else (o, a))
        if entry is None:
            entry = pairs[(a, o) if a < o else (o, a)] = [0, 0, 0]
        entry[0 if sign > 0 else 1 if sign < 0 else 2] += n
    actors, signed = columns.actors, []
    for (u, v), (positive, negative, neutral) in sorted(pairs.items()):  # positions sort as URIs
        signed.append((actors[u], actors[v], {
            "positive": positive, "negative": negative, "weight": positive + negative + neutral,
            "sign": (positive > negative) - (positive < negative)}))
    return TallyTies(signed, _cooperative(columns, signs, pairs))


def _cooperative(columns: TallyColumns, signs: list[int | None],
                 pairs: dict[tuple[int, int], list[int]]) -> dict[str, set[str]]:
    from kg.analysis.mediation import BOTH_WAYS

    both = {i for i, r in enumerate(columns.relations) if r in BOTH_WAYS}
    actors, out = columns.actors, {}  # type: ignore[var-annotated]
    for a, o, r in zip(columns.agent, columns.other, columns.relation, strict=True):
        sign = signs[r]
        if sign is None or sign <= 0 or a == o:
            continue
        positive, negative, _ = pairs[(a, o) if a < o else (o, a)]
        if positive > negative:  # the pair is on balance friendly
            out.setdefault(actors[a], set()).add(actors[o])
            if r in both:
                out.setdefault(actors[o], set()).add(actors[a])
    return out


def tally_actors(store: Store) -> nx.MultiDiGraph:
    """The actors of :func:`kg.aggregates.network.tally_network` with no edge (they name the
    actors of every answer); ``graph.graph``: ``from_tallies`` true and ``ties``, the
    :class:`TallyTies` the structural analyses read in place of the edges."""
    columns = tally_columns(store)
    graph = nx.MultiDiGraph(from_tallies=True)
    for actor, name in actor_names(store).items():
        graph.add_node(actor, uri=actor, label=name["label"], kind=name["kind"],
                       country=name["country"], aliases=list(name["aliases"]))  # type: ignore[call-overload]
    signs = _signs(columns)
    ends = {i for a, o, r in zip(columns.agent, columns.other, columns.relation, strict=True)
            if signs[r] is not None for i in (a, o)}
    graph.add_nodes_from(columns.actors[i] for i in sorted(ends))  # an end with no description
    graph.graph["ties"] = tally_ties(columns)
    return graph


def _fight(graph: nx.MultiDiGraph, columns: TallyColumns, pair: tuple[int, int],
           found: list[int], dates: dict[int, list[tuple[str, int]]],
           per_source: dict[int, list[tuple[str, int]]]) -> dict[str, Any]:
    months: dict[str, int] = {}
    types: dict[str, int] = {}
    days, sources = [], set()
    for position in found:
        dated = dates.get(position, [])
        for date, n in dated:
            months[month_of(date)] = months.get(month_of(date), 0) + n
            days.append(date)
        undated = columns.count[position] - sum(n for _, n in dated)
        if undated:
            months["undated"] = months.get("undated", 0) + undated
        relation = columns.relations[columns.relation[position]]
        types[relation] = types.get(relation, 0) + columns.count[position]
        sources.update(source for source, _ in per_source.get(position, []))
    edges = sorted((*columns.key(position), columns.count[position]) for position in found)
    return {"a": actor_ref(graph, columns.actors[pair[0]]),
            "b": actor_ref(graph, columns.actors[pair[1]]),
            "events": sum(columns.count[position] for position in found),
            "first_date": min(days) if days else None, "last_date": max(days) if days else None,
            "months": dict(sorted(months.items())), "types": dict(sorted(types.items())),
            "sources": sorted(sources),
            "edges": [{"agent": agent, "other": other, "relation": relation, "events": n}
                      for agent, other, relation, n in edges]}


def _hostile(columns: TallyColumns, only: str | None) -> dict[tuple[int, int], list[int]]:
    """The positions of the hostile dyads per actor pair (positions in URI order)."""
    from kg.analysis.families import edge_signs

    signs = edge_signs()
    hostile = [signs.get(r, 0) < 0 for r in columns.relations]
    pairs: dict[tuple[int, int], list[int]] = {}
    for position, (a, o, r) in enumerate(zip(columns.agent, columns.other, columns.relation,
                                              strict=True)):
        if not hostile[r] or a == o:
            continue
        if only and only not in (columns.actors[a], columns.actors[o]):
            continue
        pairs.setdefault((a, o) if a < o else (o, a), []).append(position)
    return pairs


def tally_fights(store: Store, graph: nx.MultiDiGraph,
                 actor: str | None = None) -> list[dict[str, Any]]:
    """The hostile dyads, ranked as :func:`kg.analysis.dyads.fights` ranks them, from the
    tallies (``graph`` names the actors; only those involving ``actor`` if given)."""
    only = resolve_actor(graph, actor) if actor else None
    columns = tally_columns(store)
    pairs = _hostile(columns, only)
    wanted = {position for found in pairs.values() for position in found}
    dates, per_source = columns.split("dates", wanted), columns.split("sources", wanted)
    rows = [_fight(graph, columns, pair, found, dates, per_source)
            for pair, found in pairs.items()]
    rows.sort(key=lambda r: (r["a"]["label"].casefold(), r["b"]["label"].casefold(),
                             r["a"]["uri"], r["b"]["uri"]))  # as kg.analysis.dyads.fights
    rows.sort(key=lambda r: r["last_date"] or "", reverse=True)
    rows.sort(key=lambda r: r["events"], reverse=True)
    return rows


def explicit_mediation(store: Store) -> dict[str, dict[str, Any]]:
    """Per actor, the explicit score and records per kind, as
    :func:`kg.analysis.mediation.mediators` counts them (``evidence`` left empty)."""
    from kg.analysis.mediation import WEIGHTS

    return {actor: {"score": sum(WEIGHTS[k] * n for k, n in kinds.items()),
                    "kinds": dict(kinds), "evidence": []}
            for actor, kinds in mediation_counts(store).items()}


__all__ = ["TallyTies", "explicit_mediation", "tally_actors", "tally_fights", "tally_ties"]
