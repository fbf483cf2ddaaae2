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

from dataclasses import dataclass, field
from functools import cached_property
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
    (:func:`kg.analysis.mediation.cooperative_ties`; counted when first asked for: only the
    mediators read them)."""

    signed: SignedEdges
    columns: TallyColumns = field(repr=False)
    friendly: set[int] = field(repr=False)  # pairs (lower * actors + higher) on balance positive

    @cached_property
    def cooperative(self) -> dict[str, set[str]]:
        """Directed cooperative ties: ``u -> v`` for a positive edge of a friendly pair."""
        return _cooperative(self.columns, _signs(self.columns), self.friendly)


def _signs(columns: TallyColumns) -> list[int | None]:
    """The sign of each edge type of ``columns``; ``None`` for the mediation edges, which the
    projection leaves out (:func:`kg.aggregates.network.tally_network`)."""
    from kg.analysis.families import edge_signs

    signs = edge_signs()
    return [None if r == "Mediates" else signs.get(r, 0) for r in columns.relations]


def tally_ties(columns: TallyColumns) -> TallyTies:
    """The :class:`TallyTies` of the dyad tallies: the same signed edges and cooperative ties
    as those of :func:`kg.aggregates.network.tally_network`, counted from the columns with no
    graph built (at 100,000 articles, 145,000 edges). A pair is one whole number
    ``lower * actors + higher`` (positions): cheaper to hash than a tuple, and it sorts as the
    pair of URIs."""
    signs, size = _signs(columns), len(columns.actors)
    positive: dict[int, int] = {}
    negative: dict[int, int] = {}
    weight: dict[int, int] = {}
    for a, o, r, n in zip(columns.agent, columns.other, columns.relation, columns.count,
                          strict=True):
        sign = signs[r]
        if sign is None or a == o:
            continue
        pair = a * size + o if a < o else o * size + a
        weight[pair] = weight.get(pair, 0) + n
        if sign > 0:
            positive[pair] = positive.get(pair, 0) + n
        elif sign < 0:
            negative[pair] = negative.get(pair, 0) + n
    actors, signed = columns.actors, []
    for pair in sorted(weight):
        up, down = positive.get(pair, 0), negative.get(pair, 0)
        u, v = divmod(pair, size)
        signed.append((actors[u], actors[v], {
            "positive": up, "negative": down, "weight": weight[pair],
            "sign": (up > down) - (up < down)}))
    friendly = {pair for pair, up in positive.items() if up > negative.get(pair, 0)}
    return TallyTies(signed, columns, friendly)


def _cooperative(columns: TallyColumns, signs: list[int | None],
                 friendly: set[int]) -> dict[str, set[str]]:
    from kg.analysis.mediation import BOTH_WAYS

    both = {i for i, r in enumerate(columns.relations) if r in BOTH_WAYS}
    actors, size, out = columns.actors, len(columns.actors), {}  # type: ignore[var-annotated]
    for a, o, r in zip(columns.agent, columns.other, columns.relation, strict=True):
        sign = signs[r]
        if sign is None or sign <= 0 or a == o:
            continue
        if (a * size + o if a < o else o * size + a) in friendly:  # on balance friendly
            out.setdefault(actors[a], set()).add(actors[o])
            if r in both:
                out.setdefault(actors[o], set()).add(actors[a])
    return out


def store_ties(store: Store) -> TallyTies:
    """:func:`tally_ties` of the store's tallies, counted once per store generation."""
    return store.cached("analysis:tally-ties", lambda: tally_ties(tally_columns(store)))


def tally_actors(store: Store) -> nx.MultiDiGraph:
    """The actors of :func:`kg.aggregates.network.tally_network` with no edge (they name the
    actors of every answer); ``graph.graph``: ``from_tallies`` and ``counted_ties`` true: the
    structural analyses read :func:`store_ties` in place of the edges."""
    columns = tally_columns(store)
    graph = nx.MultiDiGraph(from_tallies=True)
    for actor, name in actor_names(store).items():
        graph.add_node(actor, uri=actor, label=name["label"], kind=name["kind"],
                       country=name["country"],
                       aliases=list(name["aliases"]))  # type: ignore[call-overload]
    signs = _signs(columns)
    ends = {i for a, o, r in zip(columns.agent, columns.other, columns.relation, strict=True)
            if signs[r] is not None for i in (a, o)}
    graph.add_nodes_from(columns.actors[i] for i in sorted(ends))  # an end with no description
    graph.graph["counted_ties"] = True
    return graph


Pair = tuple[int, int]
"""Two actors by position, the lower first (URI order)."""


@dataclass
class _Fight:
    """What one hostile pair's dyads add up to (dates by their rank in URI order)."""

    positions: list[int]
    months: dict[str, int]
    first: int | None = None
    last: int | None = None
    sources: set[int] | None = None


def _hostile(columns: TallyColumns, only: str | None) -> dict[Pair, _Fight]:
    """The hostile dyads by actor pair (only those of actor ``only`` if given)."""
    from kg.analysis.families import edge_signs

    signs = edge_signs()
    hostile = [signs.get(r, 0) < 0 for r in columns.relations]
    pairs: dict[Pair, _Fight] = {}
    for position, (a, o, r) in enumerate(zip(columns.agent, columns.other, columns.relation,
                                              strict=True)):
        if not hostile[r] or a == o:
            continue
        if only and only not in (columns.actors[a], columns.actors[o]):
            continue
        pair = (a, o) if a < o else (o, a)
        fight = pairs.get(pair) or pairs.setdefault(pair, _Fight([], {}))
        fight.positions.append(position)
    return pairs


def _add_dates(columns: TallyColumns, fight_at: list[_Fight | None]) -> None:
    """Months, first and last date of each fight (``fight_at``: the fight of each dyad
    position, if hostile), from one pass over the per-date tallies; a dyad's events with no
    date count as ``undated``."""
    values = columns.dates.values
    month = [month_of(value) for value in values]
    rank = {value: i for i, value in enumerate(sorted(values))}
    ranks = [rank[value] for value in values]
    dated = [0] * len(fight_at)
    rows = columns.dates.rows
    for position, value, n in zip(rows[0::3], rows[1::3], rows[2::3], strict=True):
        fight = fight_at[position]
        if fight is None:
            continue
        months = fight.months
        months[month[value]] = months.get(month[value], 0) + n
        dated[position] += n
        day = ranks[value]
        if fight.first is None or day < fight.first:
            fight.first = day
        if fight.last is None or day > fight.last:
            fight.last = day
    for position, fight in enumerate(fight_at):
        undated = 0 if fight is None else columns.count[position] - dated[position]
        if fight is not None and undated:
            fight.months["undated"] = fight.months.get("undated", 0) + undated


def _add_sources(columns: TallyColumns, fight_at: list[_Fight | None]) -> None:
    rows = columns.sources.rows
    for position, value in zip(rows[0::3], rows[1::3], strict=True):
        fight = fight_at[position]
        if fight is not None:
            fight.sources = fight.sources or set()
            fight.sources.add(value)


def _row(columns: TallyColumns, pair: Pair, fight: _Fight, refs: dict[int, dict[str, str]],
         days: list[str]) -> dict[str, Any]:
    types: dict[str, int] = {}
    for position in fight.positions:
        relation = columns.relations[columns.relation[position]]
        types[relation] = types.get(relation, 0) + columns.count[position]
    sources = columns.sources.values
    edges = sorted((*columns.key(position), columns.count[position])
                   for position in fight.positions)
    return {"a": refs[pair[0]], "b": refs[pair[1]],
            "events": sum(columns.count[position] for position in fight.positions),
            "first_date": None if fight.first is None else days[fight.first],
            "last_date": None if fight.last is None else days[fight.last],
            "months": dict(sorted(fight.months.items())), "types": dict(sorted(types.items())),
            "sources": sorted(sources[i] for i in fight.sources or ()),
            "edges": [{"agent": agent, "other": other, "relation": relation, "events": n}
                      for agent, other, relation, n in edges]}


def tally_fights(store: Store, graph: nx.MultiDiGraph,
                 actor: str | None = None) -> list[dict[str, Any]]:
    """The hostile dyads, ranked as :func:`kg.analysis.dyads.fights` ranks them, from the
    tallies (``graph`` names the actors; only those involving ``actor`` if given)."""
    only = resolve_actor(graph, actor) if actor else None
    columns = tally_columns(store)
    pairs = _hostile(columns, only)
    fight_at: list[_Fight | None] = [None] * len(columns.count)
    for fight in pairs.values():
        for position in fight.positions:
            fight_at[position] = fight
    _add_dates(columns, fight_at)
    _add_sources(columns, fight_at)
    refs = {i: actor_ref(graph, columns.actors[i]) for pair in pairs for i in pair}
    days = sorted(columns.dates.values)
    rows = [_row(columns, pair, fight, refs, days) for pair, fight in pairs.items()]
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


__all__ = ["TallyTies", "explicit_mediation", "store_ties", "tally_actors", "tally_fights",
           "tally_ties"]
