"""The actor network and the events as files for other tools: GraphML, GEXF, ACLED-style CSV.

GraphML and GEXF hold one edge per (agent, other, event type) with its
weight (events), sign, first and last date and the events behind it. GEXF
edges and nodes carry ``start``/``end`` dates, so Gephi's timeline plays the
network month by month. The CSV has one row per event, in the columns an
ACLED user expects.

Examples
--------
>>> import io
>>> from kg.store import open_store
>>> out = io.BytesIO()
>>> export_network(open_store("memory:"), "csv", out)
>>> out.getvalue().decode().splitlines()[0]
'event_id,event_date,event_type,sub_event_type,actor1,actor2,location,country,latitude,longitude,source,article,sentence,date_inferred,place_from'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

import networkx as nx

from kg.analysis.projection import actor_network, date_span
from kg.errors import InputError
from kg.store import Store
from kg.taxonomy import event_types, split_acled
from kg.vocab import distinct_values, sparql_prologue

NETWORK_FORMATS = ("graphml", "gexf", "csv")
CSV_COLUMNS = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
               "location", "country", "latitude", "longitude", "source", "article", "sentence",
               "date_inferred", "place_from")
"""``date_inferred`` is ``true`` when ``event_date`` is the article's publication date, not a date
the text gives the event; ``place_from`` says where the location was found (clause, sentence,
article)."""

EVENTS = sparql_prologue() + """
SELECT ?event ?type ?sentence ?article ?source
       (SAMPLE(STR(COALESCE(?eventDate, ?published))) AS ?date)
       (SAMPLE(IF(BOUND(?eventDate) && COALESCE(?dateFrom, "") != "publication", "false", "true"))
        AS ?dateInferred)
       (SAMPLE(COALESCE(?placeFrom, "")) AS ?placeSource)
       (GROUP_CONCAT(DISTINCT ?agentLabel; SEPARATOR="; ") AS ?agents)
       (GROUP_CONCAT(DISTINCT ?targetLabel; SEPARATOR="; ") AS ?targets)
       (SAMPLE(?placeLabel) AS ?location) (SAMPLE(?country) AS ?iso)
       (SAMPLE(?lat) AS ?latitude) (SAMPLE(?long) AS ?longitude)
WHERE {
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  FILTER(?modality IN ("asserted", "reported"))
  OPTIONAL { ?event ckg:date ?eventDate }
  OPTIONAL { ?event ckg:dateFrom ?dateFrom }
  OPTIONAL { ?event ckg:placeFrom ?placeFrom }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article ckg:sourceName ?sourceName }
  BIND(COALESCE(?sourceName, "") AS ?source)
  # labels and coordinates de-duplicated: every article graph repeats an entity's description
  OPTIONAL { ?event ckg:agent ?agent .
             """ + distinct_values("agent", "rdfs:label", "agentLabel") + """ }
  OPTIONAL { ?event ckg:target ?target .
             """ + distinct_values("target", "rdfs:label", "targetLabel") + """ }
  OPTIONAL { ?event ckg:place ?place .
             """ + distinct_values("place", "rdfs:label", "placeLabel") + """
             OPTIONAL """ + distinct_values("place", "ckg:country", "country") + """
             OPTIONAL """ + distinct_values("place", "geo:lat", "lat") + """
             OPTIONAL """ + distinct_values("place", "geo:long", "long") + """ }
}
GROUP BY ?event ?type ?sentence ?article ?source
ORDER BY ?date ?event"""


def aggregated_network(store: Store) -> nx.MultiDiGraph:
    """One edge per (agent, other, event type): weight, sign, first/last day, events.

    Every attribute is a scalar, as GraphML and GEXF require.
    """
    network = actor_network(store)
    grouped: dict[tuple[str, str, str], list[dict]] = {}
    for source, target, data in network.edges(data=True):
        grouped.setdefault((source, target, data["type"]), []).append(data)
    out = nx.MultiDiGraph()
    for node, attrs in network.nodes(data=True):
        out.add_node(node, label=str(attrs.get("label", node)), kind=str(attrs.get("kind", "")),
                     country=str(attrs.get("country") or ""))
    for (source, target, kind), edges in grouped.items():
        spans = [date_span(e["date"]) for e in edges if e["date"]]
        events = sorted({e["event"] for e in edges})
        out.add_edge(source, target, key=kind, relation=kind, sign=edges[0]["sign"],
                     weight=len(events), events=" ".join(events),
                     first=min((s for s, _ in spans), default=""),
                     last=max((e for _, e in spans), default=""))
    return out


def _with_time(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Copy of ``graph`` whose dated edges and their nodes carry GEXF ``start``/``end``."""
    timed = graph.copy()
    for _, _, data in timed.edges(data=True):
        if data["first"]:
            data["start"], data["end"] = data["first"], data["last"]
    for node in timed:
        days = [d for _, _, d in timed.edges(node, data=True) if d.get("start")]
        days += [d for _, _, d in timed.in_edges(node, data=True) if d.get("start")]
        if days:
            timed.nodes[node]["start"] = min(d["start"] for d in days)
            timed.nodes[node]["end"] = max(d["end"] for d in days)
    return timed


def event_rows(store: Store) -> Iterator[dict[str, str]]:
    """One ACLED-style row per asserted or reported event (columns :data:`CSV_COLUMNS`)."""
    types = event_types()
    for row in store.select(EVENTS):
        key = str(row["type"]).rsplit("/", 1)[-1]
        acled = types[key].acled if key in types else None
        event_type, sub_type = split_acled(acled or "")
        yield {"event_id": str(row["event"]), "event_date": str(row.get("date") or ""),
               "event_type": event_type or key, "sub_event_type": sub_type or key,
               "actor1": str(row.get("agents") or ""), "actor2": str(row.get("targets") or ""),
               "location": str(row.get("location") or ""), "country": str(row.get("iso") or ""),
               "latitude": str(row.get("latitude") or ""),
               "longitude": str(row.get("longitude") or ""), "source": str(row["source"]),
               "article": str(row["article"]), "sentence": " ".join(str(row["sentence"]).split()),
               "date_inferred": str(row.get("dateInferred") or "") if row.get("date") else "",
               "place_from": str(row.get("placeSource") or "")}


def export_network(store: Store, fmt: str, out: BinaryIO) -> None:
    """Write the actor network (``graphml``, ``gexf``) or the events (``csv``) to ``out``."""
    if fmt == "csv":
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(event_rows(store))
        text.detach()
    elif fmt == "graphml":
        nx.write_graphml(aggregated_network(store), out)
    elif fmt == "gexf":
        nx.write_gexf(_with_time(aggregated_network(store)), out)
    else:
        raise InputError(f"unknown network format {fmt!r} (known: {', '.join(NETWORK_FORMATS)})")
