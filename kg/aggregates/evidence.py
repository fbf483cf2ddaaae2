"""The events behind one dyad, a page at a time (the evidence the tallies count).

Examples
--------
>>> from kg.store import open_store
>>> dyad_evidence(open_store("memory:"), "http://e/a", "http://e/b", "ArmedClash")["events"]
[]
"""

from __future__ import annotations

from kg import ids
from kg.aggregates.tallies import HAPPENED
from kg.errors import InputError
from kg.datepolicy import dated
from kg.store.base import Store
from kg.vocab import ET, sparql_prologue

_PATTERNS = {
    "CoAgent": "?event ckg:agent ?agent , ?other . FILTER NOT EXISTS { ?event ckg:agentsAct ?act }",
    "Mediates": "?event ckg:mediator ?agent . { ?event ckg:agent ?other } UNION "
                "{ ?event ckg:target ?other }",
    "Allied": '{ ?event ckg:agentsAct "allied" ; ckg:agent ?agent ; ckg:target ?other } UNION '
              '{ ?event ckg:agentsAct ?act ; ckg:agent ?agent , ?other '
              'FILTER(?act IN ("allied", "jointly")) }',
}
_TYPED = ('?event ckg:eventType ?type . { ?event ckg:agent ?agent ; ckg:target ?other '
          'FILTER NOT EXISTS { ?event ckg:agentsAct "allied" } } UNION '
          '{ ?event ckg:agentsAct "mutually" ; ckg:agent ?agent , ?other }')
"""An event type's dyads: agent -> target (not of an alliance), or agents acting on each other
(:func:`kg.analysis.families.pair_relation`)."""
EVIDENCE = sparql_prologue() + """
# every bound variable is projected: pyoxigraph substitutes those before evaluation
SELECT DISTINCT ?event ?agent ?other ?type ?e ?eventType ?modality ?date ?dateFrom ?sentence
       ?article ?title ?place ?placeLabel WHERE {{
  {pattern}
  ?event ckg:eventType ?eventType ; ckg:modality ?modality ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  FILTER(?modality IN ({happened}))
  OPTIONAL {{ ?event ckg:date ?date }}
  OPTIONAL {{ ?event ckg:dateFrom ?dateFrom }}
  OPTIONAL {{ ?article rdfs:label ?title }}
  OPTIONAL {{ ?event ckg:place ?place . GRAPH ?e {{ ?place rdfs:label ?placeLabel }} }}
}} ORDER BY ?date ?event LIMIT {limit} OFFSET {offset}"""
PER_PAGE = 20


def dyad_evidence(store: Store, agent: str, other: str, relation: str, page: int = 1,
                  per_page: int = PER_PAGE) -> dict[str, object]:
    """Page ``page`` of the events of the dyad ``agent -> other`` of edge type ``relation``
    (in date order): ``events`` (uri, type, date, date_basis, date_label, modality, sentence, article, article_title,
    place, place_uri) and ``page``."""
    from rdflib import URIRef

    if page < 1 or per_page < 1:
        raise InputError(f"page: must be 1 or more, not {page}")
    pattern = _PATTERNS.get(relation, _TYPED)
    query = EVIDENCE.format(pattern=pattern, limit=int(per_page), offset=(page - 1) * per_page,
                            happened=", ".join(f'"{m}"' for m in HAPPENED))
    bindings = {"agent": URIRef(agent), "other": URIRef(other), "e": ids.entities_graph()}
    if relation not in _PATTERNS:
        try:
            bindings["type"] = ET[relation]
        except (AttributeError, KeyError):
            raise InputError(f"type: no edge type {relation!r}") from None
    prefix, events = str(ET._NS), []
    for row in store.select_text(query, bindings):
        (event, _, _, _, _, kind, modality, date, date_from, sentence, article, title, place,
         place_label) = row
        events.append({"uri": event, "type": str(kind).removeprefix(prefix),
                       **dated(date, date_from), "modality": modality,
                       "sentence": sentence, "article": article, "article_title": title or article,
                       "place": place_label or "", "place_uri": place or ""})
    return {"events": events, "page": page, "per_page": per_page}


__all__ = ["PER_PAGE", "dyad_evidence"]
