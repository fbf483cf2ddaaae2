"""Who mediates: explicit mediators and structural brokers between blocs, in one ranked list.

Explicit evidence (:func:`mediation_records`): actors in the mediator role
of any event, agents and parties of mediation and negotiation events, and
speakers of claims asserting such events. Structural evidence: Gould–Fernandez
brokerage roles (:mod:`kg.analysis.brokerage`) on the cooperative ties,
relative to the blocs of :mod:`kg.analysis.blocs`, and betweenness between
blocs (shortest cooperative paths whose two ends are in different blocs).

The score adds :data:`WEIGHTS` per explicit record, and the cross-bloc
brokerage and the between-bloc betweenness each scaled to [0, 1] by the
highest actor's. Each row says why the actor is there.

Examples
--------
>>> from kg.analysis.projection import network_from_edges
>>> g = network_from_edges([("a1", "a2", "CoAgent"), ("b1", "b2", "CoAgent"),
...     ("a1", "b1", "ArmedClash"), ("a2", "b2", "ArmedClash"),
...     ("m", "a1", "Support"), ("a1", "m", "Support"),
...     ("m", "b1", "Support"), ("b1", "m", "Support")])
>>> top = mediators(g)[0]
>>> top["actor"]["label"], top["between_blocs"]
('m', 0.666667)
>>> top["reasons"]  # doctest: +NORMALIZE_WHITESPACE
['representative broker on 1 path', 'gatekeeper broker on 1 path',
 'betweenness between blocs 0.667']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.analysis import blocs as blocs_module
from kg.analysis.brokerage import ROLES, roles
from kg.analysis.centrality import sampled_sources, to_igraph
from kg.analysis.projection import (
    HAPPENED,
    Filters,
    SignedEdges,
    actor_ref,
    in_window,
    signed_edges,
)
from kg.store import Store
from kg.vocab import sparql_prologue

WEIGHTS = {"mediator": 3.0, "mediation agent": 3.0, "negotiator": 1.0,
           "party to talks": 0.5, "claimed talks": 0.5}
"""Score per explicit record, by kind."""
BOTH_WAYS = ("CoAgent", "Allied")
"""Cooperative edge types that tie both ends to each other (:func:`cooperative_ties`)."""
BETWEEN_SAMPLES = 128
"""Source actors sampled for betweenness between blocs above the exact limit (fixed seed)."""

EXPLICIT = sparql_prologue() + """
SELECT DISTINCT ?record ?actor ?kind ?type ?modality ?date ?article WHERE {
  { ?record a ckg:Event ; ckg:mediator ?actor . BIND("mediator" AS ?kind) }
  UNION
  { ?record a ckg:Event ; ckg:eventType et:Mediate ; ckg:agent ?actor .
    BIND("mediation agent" AS ?kind) }
  UNION
  { ?record a ckg:Event ; ckg:eventType et:Negotiate ; ckg:agent ?actor .
    BIND("negotiator" AS ?kind) }
  UNION
  { ?record a ckg:Event ; ckg:eventType ?talks ; ckg:target ?actor .
    FILTER(?talks IN (et:Mediate, et:Negotiate)) BIND("party to talks" AS ?kind) }
  UNION
  { ?record a ckg:Claim ; ckg:speaker ?actor ; ckg:asserts/ckg:eventType ?talks .
    FILTER(?talks IN (et:Mediate, et:Negotiate)) BIND("claimed talks" AS ?kind) }
  ?record ckg:article ?article .
  OPTIONAL { ?record ckg:eventType ?type }
  OPTIONAL { ?record ckg:modality ?modality }
  OPTIONAL { ?record ckg:date ?own }
  OPTIONAL { ?article schema:datePublished ?published }
  BIND(COALESCE(?own, ?published, "") AS ?date)
}"""


@dataclass(frozen=True)
class MediationRecord:
    """One piece of explicit evidence that ``actor`` mediated or took part in talks."""

    actor: str
    kind: str  # a key of WEIGHTS
    record: str  # event or claim URI
    date: str = ""
    article: str = ""


def mediation_records(store: Store, filters: Filters | None = None,
                      include_negated: bool = False) -> list[MediationRecord]:
    """Explicit mediation evidence in ``store`` (window and article filters apply)."""
    filters = filters or Filters()
    found = []
    for row in store.select(EXPLICIT):
        modality = str(row.get("modality", "asserted"))
        if modality not in HAPPENED and not include_negated:
            continue
        record = MediationRecord(str(row["actor"]), str(row["kind"]), str(row["record"]),
                                 str(row.get("date", "")), str(row["article"]))
        if filters.articles and record.article not in filters.articles:
            continue
        if in_window(record.date, filters.since, filters.until):
            found.append(record)
    return sorted(set(found), key=lambda r: (r.actor, r.kind, r.record))


def cooperative_ties(graph: nx.MultiDiGraph, signed: SignedEdges) -> dict[str, set[str]]:
    """Directed cooperative ties: ``u -> v`` for a positive event (co-agents both ways) of a pair
    whose ties are on balance positive (``signed`` is the pairs' edge list)."""
    friendly = {(u, v) for u, v, d in signed if d["sign"] > 0}
    out: dict[str, set[str]] = {}
    for u, v, data in graph.edges(data=True):
        if data["sign"] > 0 and ((u, v) if u < v else (v, u)) in friendly:
            out.setdefault(u, set()).add(v)
            if data["type"] in BOTH_WAYS:
                out.setdefault(v, set()).add(u)
    return out


def between_blocs(positive: SignedEdges, bloc: dict[str, int]) -> dict[str, float]:
    """Betweenness on the ``positive`` ties counting only shortest paths whose ends lie in
    different blocs, normalised by the number of such pairs (sampled sources above the exact
    limit, as in :mod:`kg.analysis.centrality`)."""
    graph, nodes = to_igraph(positive)
    if len(nodes) < 3:
        return {}
    group = [bloc.get(node, -1 - i) for i, node in enumerate(nodes)]
    members: dict[int, list[int]] = {}
    for i, g in enumerate(group):
        members.setdefault(g, []).append(i)
    sample = sampled_sources(len(nodes), samples=BETWEEN_SAMPLES)
    sources = list(sample) if sample is not None else list(range(len(nodes)))
    total = [0.0] * len(nodes)
    alone = [i for i in sources if len(members[group[i]]) == 1]  # no same-bloc targets to skip
    if alone:
        total = graph.betweenness(directed=False, sources=alone)
    by_bloc: dict[int, list[int]] = {}
    for i in sources:
        if len(members[group[i]]) > 1:
            by_bloc.setdefault(group[i], []).append(i)
    for g, starts in by_bloc.items():
        inside = set(members[g])
        outside = [i for i in range(len(nodes)) if i not in inside]
        if outside:
            part = graph.betweenness(directed=False, sources=starts, targets=outside)
            total = [t + p for t, p in zip(total, part, strict=True)]
    n = len(nodes)
    pairs = (n * n - sum(len(m) ** 2 for m in members.values())) / 2
    scale = (n / len(sources)) / pairs if pairs else 0.0
    return {node: float(total[i] * scale) for i, node in enumerate(nodes) if total[i] > 1e-9}


def _explicit(records: list[MediationRecord]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for record in records:
        entry = found.setdefault(record.actor, {"score": 0.0, "kinds": {}, "evidence": []})
        entry["score"] += WEIGHTS[record.kind]
        entry["kinds"][record.kind] = entry["kinds"].get(record.kind, 0) + 1
        entry["evidence"].append(record.record)
    return found


def _reasons(kinds: dict[str, int], brokerage: dict[str, int], between: float) -> list[str]:
    reasons = [f"{kind} ({count} {'claim' if kind == 'claimed talks' else 'event'}"
               f"{'s' if count > 1 else ''})" for kind, count in sorted(kinds.items())]
    reasons += [f"{role} broker on {count} path{'s' if count > 1 else ''}"
                for role, count in brokerage.items() if count and role != "coordinator"]
    if between > 0:
        reasons.append(f"betweenness between blocs {between:.3f}")
    return reasons


def mediation_evidence(store: Store, actor: str) -> list[MediationRecord]:
    """The explicit mediation records of one actor (URI), fetched on demand.

    >>> from kg.store import open_store
    >>> mediation_evidence(open_store("memory:"), "http://example.org/a")
    []
    """
    from rdflib import URIRef

    rows = store.select(EXPLICIT, {"actor": URIRef(actor)})
    found = {MediationRecord(actor, str(r["kind"]), str(r["record"]), str(r.get("date", "")),
                             str(r["article"]))
             for r in rows if str(r.get("modality", "asserted")) in HAPPENED}
    return sorted(found, key=lambda r: (r.kind, r.record))


def mediators(graph: nx.MultiDiGraph, records: list[MediationRecord] | None = None,
              top: int | None = None, explicit: dict[str, dict[str, Any]] | None = None,
              signed: SignedEdges | None = None,
              cooperative: dict[str, set[str]] | None = None) -> list[dict[str, Any]]:
    """Rank explicit mediators and structural brokers of ``graph``; see the module docstring.

    ``records`` is the explicit evidence (:func:`mediation_records`), none if omitted; or
    ``explicit`` gives it counted per actor (:func:`kg.analysis.tallied.explicit_mediation`),
    and the rows then have no ``evidence`` (:func:`mediation_evidence` fetches it).
    ``signed`` and ``cooperative``: the pairs' signed edges and the cooperative ties
    (:func:`cooperative_ties`) when already counted; ``graph`` then only names the actors.
    Each row: ``actor``, ``score``, ``explicit`` (score from records), ``bloc``,
    ``brokerage`` (counts per role), ``cross_bloc`` (all roles but coordinator),
    ``between_blocs``, ``reasons`` and ``evidence`` (event and claim URIs).
    """
    if signed is None:
        signed = signed_edges(graph.edges(data=True))
    bloc = blocs_module.partition(signed)
    brokerage = roles(cooperative if cooperative is not None
                      else cooperative_ties(graph, signed), bloc)
    between = between_blocs([(u, v, d) for u, v, d in signed if d["sign"] > 0], bloc)
    counted = explicit is not None
    explicit = explicit if explicit is not None else _explicit(records or [])
    cross = {node: sum(c for role, c in counts.items() if role != "coordinator")
             for node, counts in brokerage.items()}
    top_cross = max(cross.values(), default=0) or 1
    top_between = max(between.values(), default=0) or 1
    rows = []
    for node in set(explicit) | {n for n, c in cross.items() if c} | set(between):
        given = explicit.get(node, {"score": 0.0, "kinds": {}, "evidence": []})
        counts = brokerage.get(node, dict.fromkeys(ROLES, 0))
        structural = cross.get(node, 0) / top_cross + between.get(node, 0.0) / top_between
        score = given["score"] + structural
        rows.append({"actor": actor_ref(graph, node), "score": round(score, 6),
                     "explicit": given["score"], "bloc": bloc.get(node), "brokerage": counts,
                     "cross_bloc": cross.get(node, 0),
                     "between_blocs": round(between.get(node, 0.0), 6),
                     "reasons": _reasons(given["kinds"], counts, between.get(node, 0.0)),
                     **({} if counted else {"evidence": sorted(set(given["evidence"]))})})
    rows.sort(key=lambda r: (-r["score"], r["actor"]["label"].casefold(), r["actor"]["uri"]))
    return rows[:top] if top else rows
