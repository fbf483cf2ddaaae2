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

from typing import Any

import networkx as nx

from kg.aggregates.read import Dyad, dyad_dates, dyad_sources, dyads, mediation_counts
from kg.analysis.dyads import month_of
from kg.analysis.projection import actor_ref, resolve_actor
from kg.store.base import Store


def _hostile(store: Store, only: str | None) -> dict[tuple[str, str], list[Dyad]]:
    from kg.analysis.families import edge_signs

    signs = edge_signs()
    pairs: dict[tuple[str, str], list[Dyad]] = {}
    for dyad in dyads(store):
        if signs.get(dyad.relation, 0) >= 0 or dyad.agent == dyad.other:
            continue
        if only and only not in (dyad.agent, dyad.other):
            continue
        a, b = sorted((dyad.agent, dyad.other))
        pairs.setdefault((a, b), []).append(dyad)
    return pairs


def _fight(store: Store, graph: nx.MultiDiGraph, pair: tuple[str, str],
           found: list[Dyad]) -> dict[str, Any]:
    dates, per_source = dyad_dates(store), dyad_sources(store)
    months: dict[str, int] = {}
    types: dict[str, int] = {}
    days, sources = [], set()
    for dyad in found:
        key = (dyad.agent, dyad.other, dyad.relation)
        dated = dates.get(key, [])
        for date, n in dated:
            months[month_of(date)] = months.get(month_of(date), 0) + n
            days.append(date)
        undated = dyad.count - sum(n for _, n in dated)
        if undated:
            months["undated"] = months.get("undated", 0) + undated
        types[dyad.relation] = types.get(dyad.relation, 0) + dyad.count
        sources.update(source for source, _ in per_source.get(key, []))
    return {"a": actor_ref(graph, pair[0]), "b": actor_ref(graph, pair[1]),
            "events": sum(d.count for d in found),
            "first_date": min(days) if days else None, "last_date": max(days) if days else None,
            "months": dict(sorted(months.items())), "types": dict(sorted(types.items())),
            "sources": sorted(sources),
            "edges": [{"agent": d.agent, "other": d.other, "relation": d.relation,
                       "events": d.count} for d in sorted(found, key=lambda d: (
                           d.agent, d.other, d.relation))]}


def tally_fights(store: Store, graph: nx.MultiDiGraph,
                 actor: str | None = None) -> list[dict[str, Any]]:
    """The hostile dyads, ranked as :func:`kg.analysis.dyads.fights` ranks them, from the
    tallies (``graph`` names the actors; only those involving ``actor`` if given)."""
    only = resolve_actor(graph, actor) if actor else None
    rows = [_fight(store, graph, pair, found) for pair, found in _hostile(store, only).items()]
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


__all__ = ["explicit_mediation", "tally_fights"]
