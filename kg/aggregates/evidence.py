"""The events behind one dyad, a page at a time (the evidence the tallies count).

Examples
--------
>>> from kg.store import open_store
>>> dyad_evidence(open_store("memory:"), "http://e/a", "http://e/b", "ArmedClash")["events"]
[]
"""

from __future__ import annotations

from kg import ids
from kg.aggregates.tallies import Key
from kg.aggregates.write import needs_tallies, tally_node
from kg.analysis.families import EDGE_SIGNS
from kg.errors import InputError, StoreError
from kg.datepolicy import dated
from kg.store.base import Store
from kg.vocab import ET, sparql_prologue

EVIDENCE = sparql_prologue() + """
# every bound variable is projected: pyoxigraph substitutes those before evaluation
SELECT DISTINCT ?event ?a ?dyad ?date WHERE {{
  GRAPH ?a {{ ?event ckg:inDyad ?dyad }}
  OPTIONAL {{ ?event ckg:date ?date }}
}} ORDER BY ?date ?event LIMIT {limit} OFFSET {offset}"""
"""A page of a dyad's events in date order, read from the ``ckg:inDyad`` index kept with the
tallies (:mod:`kg.aggregates.write`): the events the dyad's tally counts, by the tally's own
rule. It replaced matching the dyad's rule again over every event, which walked the first
actor's events one lookup at a time (3.1-3.4 s cold for a dyad of two hubs at 100,000
articles). What is shown of each event is read afterwards, per event (:data:`EVENT_DETAILS`):
joined here before the page was cut, it was read for every event of the dyad."""
EVENT_DETAILS = sparql_prologue() + """
SELECT ?event ?e ?eventType ?modality ?dateFrom ?sentence ?article ?title ?placeLabel ?place
WHERE {
  ?event ckg:eventType ?eventType ; ckg:modality ?modality ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?event ckg:dateFrom ?dateFrom }
  OPTIONAL { ?article rdfs:label ?title }
  OPTIONAL { ?event ckg:place ?place OPTIONAL { GRAPH ?e { ?place rdfs:label ?placeLabel } } }
} LIMIT 1"""
PER_PAGE = 20


def dyad_evidence(store: Store, agent: str, other: str, relation: str, page: int = 1,
                  per_page: int = PER_PAGE) -> dict[str, object]:
    """Page ``page`` of the events of the dyad ``agent -> other`` of edge type ``relation``
    (in date order): ``events`` (uri, type, date, date_basis, date_label, modality, sentence, article, article_title,
    place, place_uri) and ``page``. Raises :class:`~kg.errors.StoreError` with the one-line
    ``kg upgrade`` instruction on a store whose tallies are older than the index."""
    from rdflib import URIRef

    if page < 1 or per_page < 1:
        raise InputError(f"page: must be 1 or more, not {page}")
    if relation not in EDGE_SIGNS:  # an edge type that is no event type
        try:
            ET[relation]
        except (AttributeError, KeyError):
            raise InputError(f"type: no edge type {relation!r}") from None
    if needs_tallies(store):  # no index to read: an empty page would be a wrong answer
        from kg.upgrade import INSTRUCTION

        raise StoreError(INSTRUCTION.format(uri=store.uri))
    query = EVIDENCE.format(limit=int(per_page), offset=(page - 1) * int(per_page))
    bindings = {"a": ids.aggregates_graph(),
                "dyad": tally_node(Key("dyad", (agent, other, relation)))}
    prefix, events = str(ET._NS), []
    for event, _, _, date in store.select_text(query, bindings):
        found = store.select_text(EVENT_DETAILS, {"event": URIRef(event),
                                                  "e": ids.entities_graph()})
        if not found:  # an event without a type, sentence or article is not shown
            continue
        _, _, kind, modality, date_from, sentence, article, title, place_label, place = found[0]
        events.append({"uri": event, "type": str(kind).removeprefix(prefix),
                       **dated(date, date_from), "modality": modality,
                       "sentence": sentence, "article": article, "article_title": title or article,
                       "place": place_label or "", "place_uri": place or ""})
    return {"events": events, "page": page, "per_page": per_page}


__all__ = ["PER_PAGE", "dyad_evidence"]
