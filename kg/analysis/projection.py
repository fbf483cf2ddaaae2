"""Project the graph onto actors: who did what to whom, with the evidence.

Every agent -> target pair of an event becomes an edge of an
:class:`networkx.MultiDiGraph` (one edge per event), typed and signed by the
event-type scheme; agents of the same event get an undirected-in-spirit
"co-agent" edge with sign +1. Each edge carries its evidence: event, article,
sentence, date, place.

Examples
--------
>>> from kg.store import open_store
>>> actor_network(open_store("memory:")).number_of_nodes()
0
"""

from __future__ import annotations

import networkx as nx

from kg.store import Store
from kg.taxonomy import event_types
from kg.vocab import ET, sparql_prologue

ACTORS = sparql_prologue() + """
SELECT ?actor (SAMPLE(?label) AS ?name) (SAMPLE(?kind) AS ?type) (SAMPLE(?country) AS ?iso)
       (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="|") AS ?aliases)
WHERE {
  ?actor a ckg:Actor ; rdfs:label ?label ; ckg:actorKind ?kind .
  OPTIONAL { ?actor ckg:country ?country }
  OPTIONAL { ?actor skos:altLabel ?alias }
}
GROUP BY ?actor"""

ROLES = sparql_prologue() + """
SELECT DISTINCT ?event ?type ?agent ?other ?role ?date ?modality ?sentence ?article ?place
WHERE {
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:agent ?agent ; ckg:modality ?modality ;
         ckg:article ?article ; ckg:sentence/ckg:text ?sentence .
  { ?event ckg:target ?other . BIND("target" AS ?role) }
  UNION
  { ?event ckg:agent ?other . BIND("co-agent" AS ?role) }
  FILTER(?role = "target" || STR(?agent) < STR(?other))
  OPTIONAL { ?event ckg:date ?date }
  OPTIONAL { ?event ckg:place/rdfs:label ?place }
}"""


def _add_actors(graph: nx.MultiDiGraph, store: Store) -> None:
    for row in store.select(ACTORS):
        graph.add_node(str(row["actor"]), uri=str(row["actor"]), label=str(row["name"]),
                       kind=str(row["type"]), country=str(row.get("iso", "")),
                       aliases=[a for a in str(row.get("aliases", "")).split("|") if a])


def actor_network(store: Store, include_negated: bool = False) -> nx.MultiDiGraph:
    """Return the actor network of everything in ``store``.

    Events that are negated, hypothetical or planned are left out unless
    ``include_negated`` is true: they did not (yet) happen.
    """
    graph = nx.MultiDiGraph()
    _add_actors(graph, store)
    signs = {key: info.sign for key, info in event_types().items()}
    for row in store.select(ROLES):
        modality = str(row["modality"])
        if modality not in ("asserted", "reported") and not include_negated:
            continue
        type_key = str(row["type"])[len(str(ET._NS)):]
        co_agent = str(row["role"]) == "co-agent"
        graph.add_edge(
            str(row["agent"]), str(row["other"]), key=f"{row['event']}|{row['role']}",
            type="CoAgent" if co_agent else type_key, sign=1 if co_agent else signs[type_key],
            event=str(row["event"]), event_type=type_key, modality=modality,
            date=str(row.get("date", "")), article=str(row["article"]),
            sentence=str(row["sentence"]), place=str(row.get("place", "")))
    return graph
